"""Comparison reports: one builder for print preview, printing, PDF and HTML.

* :mod:`gui.report.api` -- what the File menu and the CLI call;
* :mod:`gui.report.builder` -- ReportData → QTextDocument → pages with header
  and footer (preview, printer, PDF);
* :mod:`gui.report.html` -- the self-contained HTML export of the same data;
* :mod:`gui.report.printing` -- print dialog, print preview, named printers;
* :mod:`gui.report.styles` -- colours from resources/report.css, highlight styles;
* :mod:`gui.report.chartdraw` -- the dashboard's charts drawn into a report.

The report's content comes from :mod:`analysis.report` (no Qt).
"""

#: The File menu's entry points, importable as ``gui.report.<name>``; loaded
#: on first use so that importing gui.report stays cheap.
__all__ = ["export_data", "export_html", "export_pdf", "preview_report", "print_report"]


def __getattr__(name: str) -> object:
    if name in __all__ or name == "write_report":
        from gui.report import api

        return getattr(api, name)
    raise AttributeError(f"module 'gui.report' has no attribute {name!r}")
