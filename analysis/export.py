"""Export the report's tables as CSV (a folder or a .zip), XLSX or JSON.

The tables, each a pandas DataFrame with named columns:

* ``outlets``, ``articles``, ``sentences``: :mod:`analysis.tables`;
* ``highlights``: every highlight (subjective word or loaded term) with its
  category, weight and reason;
* ``distinctive``: the words each outlet uses more than the others;
* ``groups``: the aligned statements, one row per member sentence.

The format follows the path: ``.zip`` (one CSV per table), ``.xlsx`` (one
sheet per table), ``.json`` (``{"tables": {name: [row, ...]}}``), anything
else a folder of CSV files. Text cells are written as text everywhere: in
XLSX a sentence starting with ``=`` stays a string, never a formula.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.errors import ReportError
from analysis.jsonout import plain_json
from analysis.model import Corpus

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison

#: Table names in export order (CSV file names, sheet names, JSON keys).
TABLE_NAMES = ("outlets", "articles", "sentences", "highlights", "distinctive", "groups")

HIGHLIGHT_COLUMNS = (
    "article", "outlet", "start", "end", "text", "kind", "category", "weight", "reason",
    "term", "subjectivity", "polarity",
)  # fmt: skip
DISTINCTIVE_COLUMNS = (
    "outlet", "term", "z", "log_odds", "count", "other_count", "articles", "sentences",
)  # fmt: skip
GROUP_COLUMNS = (
    "group", "similarity", "member", "core", "article", "outlet", "sentence", "start", "end",
    "text", "changed_words", "dropped",
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
    }


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
    return ("\ufeff" + frame_to_csv(frame)).encode("utf-8")


def _write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(title=name)
        sheet.append([str(c) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False, name=None):
            sheet.append([plain_json(v) for v in row])
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                # openpyxl turns any string starting with "=" into a formula.
                if cell.data_type == "f":
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    book.save(target)


def export_tables(
    path: str | os.PathLike[str], corpus: Corpus, comparison: Comparison | None = None
) -> Path:
    """Write the tables to ``path`` in the format its suffix names; return the path.

    Raises :class:`ReportError` when the file or folder cannot be written.
    """
    target = Path(path)
    tables = report_tables(corpus, comparison)
    suffix = target.suffix.lower()
    try:
        if suffix == ".zip":
            with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, frame in tables.items():
                    archive.writestr(f"{name}.csv", _csv_bytes(frame))
        elif suffix == ".xlsx":
            _write_xlsx(tables, target)
        elif suffix == ".json":
            text = json.dumps(tables_to_json(tables), ensure_ascii=False, indent=1)
            target.write_text(text + "\n", encoding="utf-8")
        else:
            target.mkdir(parents=True, exist_ok=True)
            for name, frame in tables.items():
                (target / f"{name}.csv").write_bytes(_csv_bytes(frame))
    except OSError as exc:
        raise ReportError(f"Cannot write the data export {target}: {exc.strerror or exc}.") from exc
    return target
