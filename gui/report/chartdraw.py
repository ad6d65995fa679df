"""The report's charts, drawn by the dashboard's own QPainter functions.

:mod:`gui.widgets.charts` draws each chart into any painter; the report
passes the plain values of an :class:`analysis.chartdata.Chart` to the
same function, so the printed chart is the chart on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter

from analysis.chartdata import Chart

#: Heat maps show at most this many rows on paper, so two fit on one A4 page
#: (the dashboard on screen shows 15).
MAX_HEATMAP_ROWS = 12


def logical_size(chart: Chart, width: float) -> QSizeF:
    """The chart's size in 96-dpi pixels, for a given width in the same units."""
    from gui.widgets import charts

    if chart.kind in ("subjectivity", "loaded"):
        return QSizeF(width, charts.preferred_height(chart.rows, kind="bars"))
    rows = min(chart.rows, MAX_HEATMAP_ROWS)
    return QSizeF(width, charts.preferred_height(rows, kind="heatmap"))


def draw_chart(painter: QPainter, rect: QRectF, chart: Chart) -> None:
    """Draw ``chart`` into ``rect``, both in the painter's 96-dpi logical units."""
    from gui.widgets import charts

    cells = {outlet: dict(pairs) for outlet, pairs in chart.cells}
    if chart.kind == "subjectivity":
        samples = {outlet: list(values) for outlet, values in chart.samples}
        charts.draw_subjectivity_chart(painter, rect, samples, title=chart.title)
    elif chart.kind == "loaded":
        charts.draw_loaded_chart(painter, rect, cells, title=chart.title)
    elif chart.kind == "frames":
        charts.draw_frames_chart(painter, rect, cells, title=chart.title)
    elif chart.kind == "terms":
        charts.draw_terms_chart(painter, rect, cells, title=chart.title)
    else:
        charts.draw_sources_chart(painter, rect, cells, title=chart.title)


def paint_chart(painter: QPainter, target: QRectF, chart: Chart, dpi: float) -> None:
    """Draw ``chart`` into ``target`` in device units of a ``dpi`` device (vector)."""
    from gui.widgets import charts

    logical = QSizeF(target.width() * 96.0 / dpi, target.height() * 96.0 / dpi)
    charts.paint_scaled(painter, target, logical, lambda p, r: draw_chart(p, r, chart))
