"""Tests for gui.commands.report: ``framelens report PATH... -o FILE``."""

from __future__ import annotations

import io
import re

import pytest

from gui.cli import main

ARTICLES = {
    "gazette.txt": (
        "outlet: Harbour Gazette\ntitle: Council <script>alert(1)</script> backs bridge\n\n"
        "The city council approved the new bridge on Tuesday. Critics slammed the "
        'outrageous cost. A reader wrote <img src="http://tracker.example/p.png"> &amp; left.\n'
    ),
    "courier.txt": (
        "outlet: Valley Courier\ntitle: Bridge plan passes\n\n"
        "The city council approved the new bridge on Tuesday after a long debate. "
        "Opponents allegedly plan a devastating legal challenge.\n"
    ),
}


@pytest.fixture
def articles(tmp_path) -> list[str]:
    paths = []
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["report", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_pdf_report(qapp, articles, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    code, out, err = run(*articles, "-o", str(target), "--paper", "letter", "--landscape")
    assert code == 0, err
    assert re.match(r"Wrote .*report\.pdf \(\d+ pages, 2 articles from 2 outlets\)", out)
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Council <script>alert(1)</script> backs bridge" in text
    assert "Valley Courier" in text and "Harbour Gazette" in text


def test_html_report_with_sections(qapp, articles, tmp_path):
    target = tmp_path / "report.html"
    code, out, err = run(*articles, "-o", str(target), "--sections", "excerpts,articles")
    assert code == 0, err
    html = target.read_text("utf-8")
    assert re.findall(r'<section id="([a-z]+)"', html) == ["articles", "excerpts"]
    assert "<script" not in html
    assert "&lt;img src=&quot;http://tracker.example/p.png&quot;&gt; &amp;amp; left" in html


def test_failed_input_exits_1_and_still_reports(qapp, articles, tmp_path):
    target = tmp_path / "report.html"
    code, out, err = run(*articles, str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == 1
    assert "missing.txt" in err
    assert target.is_file()


def test_nothing_readable_exits_1_without_a_report(qapp, tmp_path):
    target = tmp_path / "report.pdf"
    code, out, err = run(str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == 1
    assert "no article could be read" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "report.docx"], "end the file name with .pdf or .html"),
        (["-o", "r.pdf", "--sections", "articles,nope"], "Unknown report section 'nope'"),
        (["-o", "r.pdf", "--paper", "a3"], ""),
    ],
)
def test_usage_errors_exit_2(articles, argv, message, capsys):
    code, out, err = run(*articles, *argv)
    assert code == 2
    assert message in err + capsys.readouterr().err


@pytest.mark.seeds
def test_report_on_the_real_articles(qapp, seeds_dir, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "seeds.pdf"
    code, out, err = run(str(seeds_dir), "-o", str(target))
    assert code == 0, err
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(target).pages))
    for outlet in ("Bloomberg", "CNN", "CBC News", "BBC News"):
        assert outlet in text
    assert "Aligned statements" in text and "Statement 1:" in text
