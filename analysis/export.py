"""Export the report's tables as CSV (a folder or a .zip), XLSX or JSON.

The tables, each a pandas DataFrame with named columns:

* ``outlets``, ``articles``, ``sentences``: :mod:`analysis.tables`;
* ``highlights``: every highlight (subjective word or loaded term) with its
  category, weight and reason;
* ``distinctive``: the words each outlet uses more than the others;
* ``groups``: the aligned statements, one row per member sentence;
* ``corrections``: the reader's corrections of highlights (analysis/corrections.py).

The format follows the path: ``.zip`` (one CSV per table), ``.xlsx`` (one
sheet per table), ``.json`` (``{"tables": {name: [row, ...]}}``), anything
else a folder of CSV files. Text cells are written as text everywhere: in
XLSX a sentence starting with ``=`` stays a string, never a formula.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.errors import ReportError
from analysis.jsonout import plain_json
from analysis.model import Corpus
from analysis.safeio import encodable, printable, write_atomically

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison

#: Table names in export order (CSV file names, sheet names, JSON keys).
TABLE_NAMES = (
    "outlets", "articles", "sentences", "highlights", "distinctive", "groups", "corrections",
)  # fmt: skip
CORRECTION_COLUMNS = ("kind", "term", "category", "path", "start", "end", "highlight")

HIGHLIGHT_COLUMNS = (
    "article", "outlet", "start", "end", "text", "kind", "category", "weight", "reason",
    "term", "subjectivity", "polarity", "voice", "shared",
)  # fmt: skip
DISTINCTIVE_COLUMNS = (
    "outlet", "term", "z", "log_odds", "count", "other_count", "articles", "sentences",
)  # fmt: skip
GROUP_COLUMNS = (
    "group", "similarity", "member", "core", "article", "outlet", "sentence", "start", "end",
    "text", "changed_words", "dropped", "story",
)  # fmt: skip


def highlight_table(corpus: Corpus) -> pd.DataFrame:
    """One row per highlight, in article then text order."""
    import pandas as pd

    rows = [
        (
            i,
            a.outlet,
            h.start,
            h.end,
            h.text,
            h.kind,
            h.category,
            h.weight,
            h.reason,
            h.term,
            h.subjectivity,
            h.polarity,
            h.voice,
            h.shared,
        )  # fmt: skip
        for i, a in enumerate(corpus.articles)
        for h in sorted(a.highlights, key=lambda h: (h.start, h.end))
    ]
    return pd.DataFrame(rows, columns=list(HIGHLIGHT_COLUMNS))


def distinctive_table(comparison: Comparison | None) -> pd.DataFrame:
    """One row per distinctive word; ``sentences`` counts where it occurs."""
    import pandas as pd

    terms = comparison.distinctive if comparison is not None else ()
    rows = [
        (t.outlet, t.term, t.z, t.log_odds, t.count, t.other_count, t.articles, len(t.refs))
        for t in terms
    ]
    return pd.DataFrame(rows, columns=list(DISTINCTIVE_COLUMNS))


def group_table(comparison: Comparison | None) -> pd.DataFrame:
    """One row per member sentence of each aligned statement group."""
    import pandas as pd

    rows = []
    groups = comparison.groups if comparison is not None else ()
    for g, group in enumerate(groups, start=1):
        for k, member in enumerate(group.members):
            diff = group.diff[k] if k < len(group.diff) else ()
            changed = " | ".join(d.text for d in diff if d.op != "same")
            dropped = " | ".join(group.dropped[k]) if k < len(group.dropped) else ""
            rows.append(
                (
                    g,
                    group.similarity,
                    k,
                    k == group.core,
                    member.article,
                    group.outlets[k],
                    member.sentence,
                    member.start,
                    member.end,
                    member.text,
                    changed,
                    dropped,
                    group.story,
                )  # fmt: skip
            )
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS))


def report_tables(corpus: Corpus, comparison: Comparison | None = None) -> dict[str, pd.DataFrame]:
    """Every exported table by name, in :data:`TABLE_NAMES` order."""
    from analysis.tables import article_table, outlet_table, sentence_table

    return {
        "outlets": outlet_table(corpus).reset_index(),
        "articles": article_table(corpus).reset_index(),
        "sentences": sentence_table(corpus).reset_index(),
        "highlights": highlight_table(corpus),
        "distinctive": distinctive_table(comparison),
        "groups": group_table(comparison),
        "corrections": correction_table(corpus),
    }


def correction_table(corpus: Corpus) -> pd.DataFrame:
    """One row per correction the reader made, in the order made."""
    import pandas as pd

    from analysis.corrections import correction_to_json

    rows = [
        tuple(correction_to_json(c).get(name, "") for name in CORRECTION_COLUMNS)
        for c in corpus.corrections
    ]
    return pd.DataFrame(rows, columns=list(CORRECTION_COLUMNS))


def tables_to_json(tables: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """The tables as a JSON-ready dict: ``{"format", "version", "tables": {name: [row]}}``."""
    out: dict[str, Any] = {"format": "framelens-tables", "version": 1, "tables": {}}
    for name, frame in tables.items():
        columns = [str(c) for c in frame.columns]
        out["tables"][name] = [
            {c: plain_json(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)
        ]
    return out


#: What makes a spreadsheet read a text cell as a formula (OWASP, CWE-1236).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_cell(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe.

    Article text comes from web pages; a cell such as ``=HYPERLINK(...)`` must
    not run when a reader opens the CSV. Spreadsheets hide the apostrophe.
    Numbers (negative ones too) are not strings here, so they stay numbers.
    This is the one rule for every CSV FrameLens writes (Export Data,
    ``analyze --csv``, ``batch -o x.csv``).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


#: What an XLSX cell cannot hold: XML 1.0 forbids these control characters.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: The most characters an XLSX cell holds (Excel's limit).
XLSX_CELL_LIMIT = 32_767


def xlsx_cell(value: object) -> object:
    """``value`` as an XLSX cell can hold it.

    A form feed or vertical tab (page and line breaks the text normaliser
    keeps) becomes a newline, other forbidden control characters a space,
    undecodable bytes of file names ``\\xNN``, and text over the cell limit
    is cut with an ellipsis.
    """
    if not isinstance(value, str):
        return value
    text = encodable(value)
    if _XLSX_ILLEGAL.search(text):
        text = _XLSX_ILLEGAL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else " ", text)
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + "…"
    return text


def frame_to_csv(frame: pd.DataFrame, *, index: bool = False, header: bool = True) -> str:
    """``frame`` as CSV text with every text cell (and name) defused: the one CSV writer."""
    import pandas as pd

    safe = frame.rename(columns=lambda c: defuse_cell(str(c)))
    if index:
        safe.index = safe.index.map(defuse_cell)
        if safe.index.name is not None:
            safe.index.name = str(defuse_cell(str(safe.index.name)))
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(defuse_cell)
    text: str = safe.to_csv(index=index, header=header, lineterminator="\n")
    return text


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    # A byte order mark lets spreadsheet programs read the UTF-8 correctly.
    return ("\ufeff" + encodable(frame_to_csv(frame))).encode("utf-8")


def write_csv(path: str | os.PathLike[str], frame: pd.DataFrame) -> Path:
    """Write one table as CSV (UTF-8 with a byte order mark, formula-like cells
    defused as in every FrameLens CSV); raises :class:`ReportError` when it cannot."""
    target = Path(path)
    try:
        write_atomically(target, _csv_bytes(frame))
    except OSError as exc:
        raise ReportError(f"Cannot write {printable(str(target))}: {exc.strerror or exc}.") from exc
    return target


def _xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(title=name)
        sheet.append([xlsx_cell(str(c)) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False, name=None):
            sheet.append([xlsx_cell(plain_json(v)) for v in row])
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                # openpyxl turns any string starting with "=" into a formula.
                if cell.data_type == "f":
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", _csv_bytes(frame))
    return buffer.getvalue()


def export_tables(
    path: str | os.PathLike[str], corpus: Corpus, comparison: Comparison | None = None
) -> Path:
    """Write the tables to ``path`` in the format its suffix names; return the path.

    Raises :class:`ReportError` when the file or folder cannot be written.
    Each file is written whole or not at all (a full disk never leaves half a
    file, nor destroys an earlier export).
    """
    target = Path(path)
    tables = report_tables(corpus, comparison)
    suffix = target.suffix.lower()
    try:
        if suffix == ".zip":
            write_atomically(target, _zip_bytes(tables))
        elif suffix == ".xlsx":
            write_atomically(target, _xlsx_bytes(tables))
        elif suffix == ".json":
            text = json.dumps(tables_to_json(tables), ensure_ascii=False, indent=1)
            # A lone surrogate (an undecodable file-name byte) as its JSON escape.
            write_atomically(target, (text + "\n").encode("utf-8", "backslashreplace"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            for name, frame in tables.items():
                write_atomically(target / f"{name}.csv", _csv_bytes(frame))
    except OSError as exc:
        raise ReportError(
            f"Cannot write the data export {printable(target)}: {exc.strerror or exc}."
        ) from exc
    return target
