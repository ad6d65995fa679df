"""Tests for gui.report.api: what the File menu calls."""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
import pytest

from tests.analysis.report_corpus import make_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """A temporary settings file, used wherever the report code asks for Settings()."""
    import gui.settings

    stored = gui.settings.Settings(tmp_path / "settings.ini")
    monkeypatch.setattr(gui.settings, "Settings", lambda *args: stored)
    return stored


def test_export_pdf_uses_the_remembered_paper_and_sections(qapp, corpus, settings, tmp_path):
    from pypdf import PdfReader

    from gui.report import api

    settings.report_paper = "letter"
    settings.report_landscape = True
    settings.report_sections = ["articles"]
    target = tmp_path / "r.pdf"
    pages = api.export_pdf(target, corpus, None)
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Articles" in text and "Highlighted excerpts" not in text


def test_export_html_defaults_to_every_section(qapp, corpus, settings, tmp_path):
    from analysis.report import SECTION_IDS
    from gui.report import api

    target = tmp_path / "r.html"
    api.export_html(target, corpus, None)
    ids = re.findall(r'<section id="([a-z]+)"', target.read_text("utf-8"))
    assert tuple(ids) == SECTION_IDS


def test_export_data_writes_the_tables(qapp, corpus, tmp_path):
    from analysis.export import report_tables
    from gui.report import api

    target = api.export_data(tmp_path / "tables.zip", corpus, None)
    expected = report_tables(corpus, None)
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in expected)
        for name, frame in expected.items():
            written = pd.read_csv(io.BytesIO(archive.read(f"{name}.csv")), encoding="utf-8-sig")
            assert list(written.columns) == [str(c) for c in frame.columns], name
            assert len(written) == len(frame), name
        articles = pd.read_csv(io.BytesIO(archive.read("articles.csv")), encoding="utf-8-sig")
    # One row per article, each with its own outlet.
    assert len(articles) == len(corpus.articles)
    assert sorted(articles["outlet"]) == sorted(a.outlet for a in corpus.articles)


def test_write_report_picks_the_format_by_suffix(qapp, corpus, tmp_path):
    from gui.report import api

    assert api.write_report(tmp_path / "r.html", corpus, None, sections=["articles"]) == 0
    assert api.write_report(tmp_path / "r.pdf", corpus, None, sections=["articles"]) >= 1
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_ask_sections_saves_the_choice(qtbot, settings, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui.dialogs.report_sections import ReportSectionsDialog, ask_sections

    def confirm(dialog: ReportSectionsDialog) -> int:
        dialog.checks["frames"].setChecked(False)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ReportSectionsDialog, "exec", confirm)
    assert ask_sections(None, settings)
    assert "frames" not in settings.report_sections
    assert "articles" in settings.report_sections


def test_file_menu_entry_points_live_on_the_package():
    import gui.report as report
    from gui.report import api

    for name in ("print_report", "preview_report", "export_pdf", "export_html", "export_data"):
        assert getattr(report, name) is getattr(api, name)
    with pytest.raises(AttributeError):
        report.no_such_function  # noqa: B018


def accept_sections(monkeypatch, drop: tuple[str, ...] = ()) -> None:
    """Stand in for the user in the sections dialog: untick ``drop``, press OK."""
    from PySide6.QtWidgets import QDialog

    from gui.dialogs.report_sections import ReportSectionsDialog

    def confirm(dialog: ReportSectionsDialog) -> int:
        for sid in drop:
            dialog.checks[sid].setChecked(False)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ReportSectionsDialog, "exec", confirm)


def save_as(monkeypatch, name: str, chosen_filter: str = "") -> list[tuple[str, str]]:
    """Stand in for the save dialog; records (caption, filters) of each call."""
    from PySide6.QtWidgets import QFileDialog

    calls: list[tuple[str, str]] = []

    def answer(parent, caption, start, filters):
        calls.append((caption, filters))
        return name, chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return calls


def test_file_menu_export_pdf_asks_sections_then_a_file(
    qtbot, corpus, settings, tmp_path, monkeypatch
):
    from pypdf import PdfReader

    import gui.report as report

    accept_sections(monkeypatch, drop=("charts", "aligned", "excerpts", "methodology"))
    calls = save_as(monkeypatch, str(tmp_path / "chosen"))  # no suffix typed
    pages = report.export_pdf(None, corpus, None)
    assert calls == [("Export PDF", "PDF files (*.pdf)")]
    target = tmp_path / "chosen.pdf"
    assert len(PdfReader(target).pages) == pages
    assert "charts" not in settings.report_sections
    assert settings.last_dir == str(tmp_path)


def test_file_menu_export_html_cancelled_writes_nothing(
    qtbot, corpus, settings, tmp_path, monkeypatch
):
    import gui.report as report

    accept_sections(monkeypatch)
    save_as(monkeypatch, "")
    assert report.export_html(None, corpus, None) is None
    assert not list(tmp_path.rglob("*.htm*"))


def test_file_menu_export_data_takes_the_filter_suffix(
    qtbot, corpus, settings, tmp_path, monkeypatch
):
    import gui.report as report

    save_as(monkeypatch, str(tmp_path / "tables"), "Excel workbook (*.xlsx)")
    written = report.export_data(None, corpus, None)
    assert written == tmp_path / "tables.xlsx"
    sheets = pd.read_excel(written, sheet_name=None)
    articles = sheets["articles"]
    assert len(articles) == len(corpus.articles)
    assert sorted(articles["outlet"]) == sorted(a.outlet for a in corpus.articles)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_file_menu_preview_asks_sections_first(qtbot, corpus, settings, monkeypatch):
    import gui.report as report

    accept_sections(monkeypatch, drop=("methodology",))
    dialog = report.preview_report(None, corpus, None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "methodology" not in settings.report_sections
    dialog.reject()
