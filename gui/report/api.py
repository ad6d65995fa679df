"""What the rest of FrameLens calls to print, preview or export a report.

The File menu (gui.mainwindow) calls every entry point the same way,
``function(window, corpus, comparison)``; each then asks what it needs (the
report's sections, paper and orientation in the sections dialog, remembered
in gui.settings; a file name in a save dialog) and returns None when the
user cancels::

    import gui.report as report
    report.print_report(window, corpus, comparison)     # File > Print...
    report.preview_report(window, corpus, comparison)   # File > Print Preview...
    report.export_pdf(window, corpus, comparison)       # File > Export PDF...
    report.export_html(window, corpus, comparison)      # File > Export HTML...
    report.export_data(window, corpus, comparison)      # File > Export Data...

Given a path instead of a window, the export functions write there without
asking (the self-test, scripts and the CLI do this); ``sections=None`` then
means the remembered choice. Every function raises
:class:`analysis.errors.ReportError`, with a message fit for the notice bar,
when the output cannot be written.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.model import Corpus
from analysis.report import SECTION_IDS, ReportData, build_report_data

if TYPE_CHECKING:
    from typing import TypeAlias

    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from analysis.compare.results import Comparison

    #: Where to write: a path, or the window to ask from (None: a window-less dialog).
    Target: TypeAlias = str | os.PathLike[str] | QWidget | None

log = logging.getLogger(__name__)

PDF_FILTER = "PDF files (*.pdf)"
HTML_FILTER = "Web page, single file (*.html)"
DATA_FILTERS = (
    "ZIP of CSV files (*.zip)",
    "Excel workbook (*.xlsx)",
    "JSON (*.json)",
)


def report_data(
    corpus: Corpus,
    comparison: Comparison | None,
    sections: Iterable[str] | None = None,
    *,
    title: str = "",
) -> ReportData:
    """The report's content; ``sections=None`` → the user's remembered choice."""
    from gui.settings import Settings

    if sections is None:
        sections = remembered_sections()
    return build_report_data(
        corpus,
        comparison,
        sections=sections,
        title=title,
        concordance=tuple(Settings().report_concordance),
    )


def remembered_sections() -> tuple[str, ...] | None:
    """The sections last picked in the dialog (None → all), from gui.settings."""
    from gui.settings import Settings

    chosen = set(Settings().report_sections)
    valid = tuple(s for s in SECTION_IDS if s in chosen)
    return valid or None


def _remembered_page() -> tuple[str, str]:
    from gui.settings import Settings

    settings = Settings()
    return settings.report_paper, "landscape" if settings.report_landscape else "portrait"


def _ask_sections(parent: QWidget | None) -> bool:
    from gui.dialogs.report_sections import ask_sections

    return ask_sections(parent)


def _ask_file(parent: QWidget | None, title: str, suffix: str, filters: str) -> Path | None:
    """A save dialog starting in the last folder used; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    from gui.settings import Settings

    settings = Settings()
    start = str(Path(settings.last_dir or Path.home()) / f"framelens-report{suffix}")
    name, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not name:
        return None
    path = Path(name)
    if not path.suffix and suffix:
        path = path.with_suffix(suffix)
    settings.last_dir = str(path.parent)
    return path


def export_pdf(
    target: Target,
    corpus: Corpus,
    comparison: Comparison | None,
    sections: Iterable[str] | None = None,
    paper: str | None = None,
    orientation: str | None = None,
    *,
    title: str = "",
) -> int | None:
    """Write the report as PDF; return its number of pages (None: cancelled).

    ``target`` is a path, or the window to ask sections and a file name from.
    ``paper`` ("a4"/"letter") and ``orientation`` ("portrait"/"landscape")
    default to the user's remembered choice.
    """
    from gui.report.builder import write_pdf

    if isinstance(target, str | os.PathLike):
        path = Path(target)
    else:
        if not _ask_sections(target):
            return None
        asked = _ask_file(target, "Export PDF", ".pdf", PDF_FILTER)
        if asked is None:
            return None
        path = asked
    remembered_paper, remembered_orientation = _remembered_page()
    data = report_data(corpus, comparison, sections, title=title)
    landscape = (orientation or remembered_orientation) == "landscape"
    return write_pdf(data, str(path), paper=paper or remembered_paper, landscape=landscape)


def export_html(
    target: Target,
    corpus: Corpus,
    comparison: Comparison | None,
    sections: Iterable[str] | None = None,
    *,
    title: str = "",
) -> Path | None:
    """Write the report as one self-contained HTML file; return it (None: cancelled)."""
    from gui.report.html import write_html

    if isinstance(target, str | os.PathLike):
        path = Path(target)
    else:
        if not _ask_sections(target):
            return None
        asked = _ask_file(target, "Export HTML", ".html", HTML_FILTER)
        if asked is None:
            return None
        path = asked
    write_html(report_data(corpus, comparison, sections, title=title), str(path))
    return path


def export_data(target: Target, corpus: Corpus, comparison: Comparison | None) -> Path | None:
    """Write the tables as .zip (CSV files), .xlsx, .json or a folder of CSVs.

    With a window as ``target``, a save dialog offers ZIP, XLSX and JSON.
    Returns what was written (None: cancelled).
    """
    from analysis.export import export_tables

    if isinstance(target, str | os.PathLike):
        path = Path(target)
    else:
        from PySide6.QtWidgets import QFileDialog

        from gui.settings import Settings

        settings = Settings()
        start = str(Path(settings.last_dir or Path.home()) / "framelens-data.zip")
        name, chosen = QFileDialog.getSaveFileName(
            target, "Export data", start, ";;".join(DATA_FILTERS)
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".zip", ".xlsx", ".json"):
            # No suffix typed: take the one of the chosen filter.
            suffix = {f: f.rsplit("*", 1)[1].rstrip(")") for f in DATA_FILTERS}.get(chosen, ".zip")
            path = path.with_name(path.name + suffix)
        settings.last_dir = str(path.parent)
    return export_tables(path, corpus, comparison)


def write_report(
    path: str | Path,
    corpus: Corpus,
    comparison: Comparison | None,
    *,
    sections: Iterable[str] | None = None,
    paper: str = "a4",
    landscape: bool = False,
    title: str = "",
    concordance: Sequence[str] = (),
) -> int:
    """Write PDF or HTML by the suffix of ``path``; return the PDF's pages (0 for HTML).

    For the CLI: ``sections=None`` means every section (not the remembered
    choice) and nothing is read from the settings; ``concordance`` holds the
    patterns of the concordance section.
    """
    from gui.report.builder import write_pdf
    from gui.report.html import write_html

    chosen = tuple(sections) if sections is not None else SECTION_IDS
    data = build_report_data(
        corpus, comparison, sections=chosen, title=title, concordance=concordance
    )
    if Path(path).suffix.lower() in (".html", ".htm"):
        write_html(data, str(path))
        return 0
    return write_pdf(data, str(path), paper=paper, landscape=landscape)


def print_report(
    parent: QWidget | None,
    corpus: Corpus,
    comparison: Comparison | None,
    sections: Iterable[str] | None = None,
) -> bool:
    """Ask the sections (unless given), show the native print dialog and print.

    False when the user cancels either dialog.
    """
    from gui.report.printing import print_with_dialog

    if sections is None and not _ask_sections(parent):
        return False
    return print_with_dialog(parent, report_data(corpus, comparison, sections))


def preview_report(
    parent: QWidget | None,
    corpus: Corpus,
    comparison: Comparison | None,
    sections: Iterable[str] | None = None,
) -> QPrintPreviewDialog | None:
    """Ask the sections (unless given), then open the print preview.

    The preview is window-modal and returns at once; it is returned (None
    when the user cancelled the sections dialog).
    """
    from gui.report.printing import open_preview

    if sections is None and not _ask_sections(parent):
        return None
    return open_preview(parent, report_data(corpus, comparison, sections))
