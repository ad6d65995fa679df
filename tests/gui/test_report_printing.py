"""Tests for gui.report.printing: print preview, the print dialog and a real CUPS print."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from analysis.report import build_report_data
from tests.analysis.report_corpus import make_corpus
from tests.gui.test_report_builder import dark_fraction_per_page

#: Where cups-pdf writes: "Out ${HOME}/PDF" in /etc/cups/cups-pdf.conf, or the
#: spool folder for anonymous jobs.
CUPS_PDF_DIRS = (Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS"))


@pytest.fixture(scope="module")
def data():
    return build_report_data(make_corpus(), None, methodology="# Method\n\nText.")


@pytest.fixture
def settings(tmp_path):
    from gui.settings import Settings

    return Settings(tmp_path / "settings.ini")


def pdf_queue_problem() -> str | None:
    """Why a real print cannot run here, or None when the CUPS queue "PDF" is ready."""
    if shutil.which("lpstat") is None:
        return "CUPS client tools (lpstat) are not installed"
    scheduler = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    if "is running" not in scheduler.stdout or "not running" in scheduler.stdout:
        return "no cupsd is running (start it with `cupsd`)"
    queue = subprocess.run(["lpstat", "-p", "PDF"], capture_output=True, text=True, check=False)
    if queue.returncode != 0:
        return (
            'no CUPS queue named "PDF" (add it with `lpadmin -p PDF -v cups-pdf:/ '
            "-m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E`)"
        )
    return None


@pytest.mark.printing
def test_real_print_through_cups_pdf(qapp, qtbot, data, tmp_path):
    problem = pdf_queue_problem()
    if problem and os.environ.get("FRAMELENS_REQUIRE_PRINTING"):
        # CI sets this: there, a missing queue is a broken setup, not a reason to skip.
        pytest.fail(problem)
    if problem:
        pytest.skip(problem)
    from pypdf import PdfReader

    from gui.report.printing import make_printer, print_to

    name = f"framelens-print-test-{uuid.uuid4().hex[:10]}"
    printer = make_printer("a4", False, printer_name="PDF")
    printer.setDocName(name)
    assert printer.isValid()
    pages = print_to(printer, data)

    def written() -> list[Path]:
        return [p for d in CUPS_PDF_DIRS if d.is_dir() for p in d.glob(f"{name}*.pdf")]

    # cups-pdf converts in the background; Qt's event loop keeps turning meanwhile.
    qtbot.waitUntil(lambda: bool(written()) and written()[0].stat().st_size > 0, timeout=60_000)
    output = written()[0]
    try:
        # cups-pdf finishes writing after creating the file; wait until it parses.
        def complete() -> bool:
            try:
                return len(PdfReader(output).pages) == pages
            except Exception:  # noqa: BLE001 - a half-written PDF raises many kinds
                return False

        qtbot.waitUntil(complete, timeout=30_000)
        fractions = dark_fraction_per_page(output, tmp_path)
        assert len(fractions) == pages
        assert all(f > 0.002 for f in fractions), fractions
    finally:
        output.unlink(missing_ok=True)


# The offscreen platform cannot pass size hints on; harmless for a preview.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_preview_paints_the_same_pages(qapp, qtbot, data, settings, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from gui.report.builder import write_pdf
    from gui.report.printing import open_preview

    expected = write_pdf(data, str(tmp_path / "same.pdf"), paper="a4")
    dialog = open_preview(None, data, settings=settings)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    assert preview.pageCount() == expected
    dialog.reject()


def test_print_dialog_prints_and_remembers_the_paper(
    qapp, qtbot, data, settings, tmp_path, monkeypatch
):
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from gui.report.printing import print_with_dialog

    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        # Stands in for the user: Letter, landscape, print to a file.
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert print_with_dialog(None, data, settings)
    assert target.stat().st_size > 0
    assert settings.report_paper == "letter"
    assert settings.report_landscape is True


def test_cancelled_print_dialog_prints_nothing(qapp, data, settings, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from gui.report.printing import print_with_dialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected.value))
    assert not print_with_dialog(None, data, settings)
    assert settings.report_paper == "a4"
