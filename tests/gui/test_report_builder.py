"""Tests for gui.report.builder: the one report builder behind preview, print and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from analysis.report import build_report_data
from tests.analysis.report_corpus import HOSTILE_IMG, HOSTILE_TITLE, make_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture(scope="module")
def comparison(corpus):
    from analysis.compare import compare

    return compare(corpus)


def pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def dark_fraction_per_page(path: Path, tmp_path: Path) -> list[float]:
    """Render every page to a grey image with pdftoppm and measure its ink."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(path), str(prefix)], check=True)
    fractions = []
    for image in sorted(tmp_path.glob("page*.pgm")):
        raw = image.read_bytes()
        # P5 header: magic, width, height, maxval, each followed by whitespace.
        fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
        assert fields is not None
        pixels = raw[fields.end() :]
        fractions.append(sum(1 for p in pixels if p < 200) / len(pixels))
    return fractions


@pytest.fixture(scope="module")
def full_pdf(qapp, corpus, comparison, tmp_path_factory) -> tuple[Path, int]:
    from gui.report.builder import write_pdf

    path = tmp_path_factory.mktemp("report") / "report.pdf"
    data = build_report_data(corpus, comparison, excerpt_sentences=10)
    pages = write_pdf(data, str(path))
    return path, pages


def test_pdf_holds_every_outlet_title_and_highlighted_terms(full_pdf, corpus):
    path, pages = full_pdf
    texts = pdf_text(path)
    assert len(texts) == pages >= 2
    whole = flat(" ".join(texts))
    for outlet in corpus.outlets:
        assert outlet in whole
    for item in corpus.articles:
        assert flat(item.article.title) in whole
    for term in ("slammed", "so-called", "allegedly", "staggering"):
        assert term in whole


def test_article_markup_is_printed_literally(full_pdf):
    whole = flat(" ".join(pdf_text(full_pdf[0])))
    assert HOSTILE_TITLE in whole
    assert HOSTILE_IMG in whole
    assert "&amp; left" in whole


def test_every_page_has_the_header_and_its_number(full_pdf):
    path, pages = full_pdf
    for number, page_text in enumerate(pdf_text(path), start=1):
        text = flat(page_text)
        assert "FrameLens comparison report" in text
        assert f"Page {number} of {pages}" in text


def test_pages_are_not_blank(full_pdf, tmp_path):
    fractions = dark_fraction_per_page(full_pdf[0], tmp_path)
    assert len(fractions) == full_pdf[1]
    # Header and footer alone ink far less than a page with content.
    assert all(f > 0.002 for f in fractions), fractions


@pytest.mark.parametrize(
    ("paper", "landscape", "size"),
    [("a4", False, (595, 842)), ("letter", False, (612, 792)), ("a4", True, (842, 595))],
)
def test_paper_and_orientation(qapp, corpus, tmp_path, paper, landscape, size):
    from pypdf import PdfReader

    from gui.report.builder import write_pdf

    data = build_report_data(corpus, None, sections=["articles", "summary"])
    path = tmp_path / "r.pdf"
    write_pdf(data, str(path), paper=paper, landscape=landscape)
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_document_never_loads_resources(qapp, corpus, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from gui.report.builder import ReportDocument, build_document

    image = QImage(600, 800, QImage.Format.Format_RGB32)
    report = build_document(build_report_data(corpus, None, sections=["articles"]), image)
    assert "<script>alert('x')</script>" in report.doc.toPlainText()
    # Qt asks loadResource for anything a document has not got. A plain
    # QTextDocument reads local files; the report's document refuses everything.
    picture = tmp_path / "pixel.png"
    image.save(str(picture))
    kind = QTextDocument.ResourceType.ImageResource.value
    url = QUrl.fromLocalFile(str(picture))
    assert QTextDocument().resource(kind, url) is not None
    assert ReportDocument().resource(kind, url) is None
    assert ReportDocument().resource(kind, QUrl("http://tracker.example/p.png")) is None


def test_charts_are_drawn_where_the_document_reserves_room(qapp, corpus, comparison, tmp_path):
    from gui.report.builder import write_pdf

    data = build_report_data(corpus, comparison, sections=["charts"])
    path = tmp_path / "charts.pdf"
    write_pdf(data, str(path))
    text = flat(" ".join(pdf_text(path)))
    # Titles and outlet labels come from the dashboard's drawing functions.
    assert "Subjectivity per outlet" in text and "Loaded terms per 1,000 words" in text
    assert "Northern Ledger" in text
    assert dark_fraction_per_page(path, tmp_path)[0] > 0.01


def test_unwritable_pdf_is_a_report_error(qapp, corpus, tmp_path):
    from analysis.errors import ReportError
    from gui.report.builder import write_pdf

    data = build_report_data(corpus, None, sections=["articles"])
    with pytest.raises(ReportError, match="does not exist"):
        write_pdf(data, str(tmp_path / "missing" / "r.pdf"))


def test_highlights_differ_by_underline_style_not_colour_alone(qapp, corpus):
    from PySide6.QtGui import QImage, QTextCharFormat

    from gui.report.builder import build_document

    data = build_report_data(corpus, None, sections=["excerpts"], excerpt_sentences=10)
    report = build_document(data, QImage(800, 1100, QImage.Format.Format_RGB32))
    formats: dict[str, QTextCharFormat] = {}
    block = report.doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            formats.setdefault(fragment.text(), fragment.charFormat())
            it += 1
        block = block.next()
    style = QTextCharFormat.UnderlineStyle
    assert formats["slammed"].underlineStyle() == style.DashUnderline  # attribution
    assert formats["so-called"].underlineStyle() == style.DotLine  # hedge
    assert formats["outrageous"].underlineStyle() == style.WaveUnderline  # emotive
    assert formats["regime"].underlineStyle() == style.SingleUnderline  # label
    assert formats["wonderful"].underlineStyle() == style.NoUnderline  # subjective: shaded
    assert formats["wonderful"].background().color().lightness() < 255
    # Every legend sample has its own underline style.
    legend_styles = [formats[s.label].underlineStyle() for s in data.styles if s.label in formats]
    loaded = [s for s in legend_styles if s != style.NoUnderline]
    assert len(loaded) == len(set(loaded)) >= 6


def test_every_word_of_the_document_reaches_the_pdf(qapp, corpus, comparison, tmp_path):
    # Guards pagination and the heading moves: nothing may fall between pages.
    from collections import Counter

    from PySide6.QtGui import QPdfWriter

    from gui.report.builder import build_document, page_layout, write_pdf

    # (pypdf splits words set in a monospaced font, so no formulas here)
    methodology = "# Method\n\nPlain words only.\n"
    data = build_report_data(corpus, comparison, excerpt_sentences=10, methodology=methodology)
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(page_layout())
    # Letters and digits only: PDF text extraction splits styled runs apart.
    words = Counter(re.findall(r"[A-Za-z0-9]+", build_document(data, writer).doc.toPlainText()))
    del writer
    path = tmp_path / "all.pdf"
    write_pdf(data, str(path))
    # NFKC turns the typesetter's ligatures (U+FB00 "ff" in "differences") back into letters.
    extracted = unicodedata.normalize("NFKC", " ".join(pdf_text(path)))
    printed = Counter(re.findall(r"[A-Za-z0-9]+", extracted))
    assert not words - printed


def test_bullets_and_statements_are_never_split_over_two_pages(qapp, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from analysis.report import Bullets, Heading, HighlightedText, ReportData, Section, Span
    from gui.report.builder import build_document, page_layout

    long_item = "A finding that runs over several lines of the page, " * 6
    blocks = []
    for n in range(12):
        blocks.append(Heading(f"Statement {n}", 3))
        blocks.append(HighlightedText("Outlet A", (Span(long_item),), "core sentence"))
        blocks.append(HighlightedText("Outlet B", (Span(long_item),), "leaves out: “x”"))
    blocks.append(Bullets(tuple(f"{n}. {long_item}" for n in range(30))))
    data = ReportData(
        title="Pages",
        date="1 January 2026",
        subtitle="",
        sections=(Section("key", "Key", tuple(blocks)),),
        styles=(),
    )
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(page_layout())
    report = build_document(data, writer)
    doc, height = report.doc, report.body.height()
    assert doc.pageCount() > 2
    layout = doc.documentLayout()
    block = doc.begin()
    checked = 0
    while block.isValid():
        text = block.text()
        if text.startswith(("A finding", *(f"{n}. A finding" for n in range(30)))):
            rect = layout.blockBoundingRect(block)
            assert int(rect.top() // height) == int((rect.bottom() - 1) // height), text[:20]
            checked += 1
        block = block.next()
    assert checked == 12 * 2 + 30
