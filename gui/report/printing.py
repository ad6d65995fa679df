"""Printing a report: the native print dialog, the print preview, a named printer.

All three paint through :func:`gui.report.builder.paint_pages`, the same
code that writes the PDF, so the preview shows exactly what prints. The
paper size and orientation the user last chose are remembered in
gui.settings and offered again.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from analysis.errors import ReportError
from analysis.report import ReportData
from gui.report.builder import page_layout, paint_pages
from gui.settings import Settings

log = logging.getLogger(__name__)


def make_printer(
    paper: str | None = None,
    landscape: bool | None = None,
    *,
    printer_name: str = "",
    settings: Settings | None = None,
) -> QPrinter:
    """A high-resolution printer set to the report's page layout.

    ``paper``/``landscape`` default to the remembered choice. With
    ``printer_name`` it prints to that queue (e.g. the CUPS queue "PDF"),
    otherwise to the system's default printer.
    """
    if paper is None or landscape is None:
        settings = settings if settings is not None else Settings()
        paper = settings.report_paper if paper is None else paper
        landscape = settings.report_landscape if landscape is None else landscape
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    printer.setPageLayout(page_layout(paper, landscape))
    printer.setDocName("FrameLens report")
    return printer


def print_to(printer: QPrinter, data: ReportData) -> int:
    """Print ``data`` on ``printer`` (honouring a page range set on it); return pages."""
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            pages = range(first, (last or first) + 1)
    if not printer.isValid():
        raise ReportError(f"The printer {printer.printerName()!r} is not available.")
    count = paint_pages(data, printer, pages=pages)
    log.info("printed %d pages on %s", count, printer.printerName() or "the default printer")
    return count


def _remember(printer: QPrinter, settings: Settings) -> None:
    """Keep the paper size and orientation the user picked for next time."""
    layout = printer.pageLayout()
    size = layout.pageSize().id()
    if size == QPageSize.PageSizeId.Letter:
        settings.report_paper = "letter"
    elif size == QPageSize.PageSizeId.A4:
        settings.report_paper = "a4"
    settings.report_landscape = layout.orientation() == QPageLayout.Orientation.Landscape


def print_with_dialog(
    parent: QWidget | None, data: ReportData, settings: Settings | None = None
) -> bool:
    """Show the native print dialog; print when accepted. False when cancelled."""
    settings = settings if settings is not None else Settings()
    printer = make_printer(settings=settings)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print report")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _remember(printer, settings)
    print_to(printer, data)
    return True


def open_preview(
    parent: QWidget | None, data: ReportData, settings: Settings | None = None
) -> QPrintPreviewDialog:
    """Open the print preview window-modally and return it (it returns at once).

    The preview re-lays the report out whenever the user changes paper or
    orientation in it, and prints through the same painter.
    """
    settings = settings if settings is not None else Settings()
    printer = make_printer(settings=settings)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — FrameLens report")
    # The printer must live as long as the dialog that paints on it.
    dialog._printer = printer  # type: ignore[attr-defined]
    dialog.paintRequested.connect(lambda target: paint_pages(data, target))
    dialog.finished.connect(lambda _result: _remember(printer, settings))
    dialog.resize(900, 1000)
    dialog.open()
    return dialog
