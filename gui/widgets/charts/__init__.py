"""Dashboard charts drawn with QPainter, so they print and export as vectors.

Each chart is a plain function ``draw_*(painter, rect, data, ..., palette=None)``
that paints into any QPainter: a widget on screen, a QPdfWriter or QPrinter
(vector output), a QSvgGenerator or a QImage. The dashboard and the report use
the same functions, so the printed chart is the chart on screen.

Coordinates: ``rect`` is in the painter's logical units, read as pixels at
96 dpi (fonts are sized in those units too). On a printer, scale the painter
first, e.g. ``painter.scale(dpi / 96, dpi / 96)``, or use
:func:`paint_scaled`, which maps a chart of a given logical size onto a device
rectangle.

Data in, as plain Python mappings (:mod:`analysis.chartdata` builds each
chart's data, e.g. ``loaded_chart(corpus).cells_by_outlet()``):

- :func:`draw_subjectivity_chart`: ``{outlet: [sentence subjectivity, ...]}``
  → a box plot per outlet (box: middle half; whiskers: full range; diamond:
  mean).
- :func:`draw_loaded_chart`: ``{outlet: {category id: per 1,000 words}}``
  → stacked horizontal bars, each category with its colour *and* a fill
  pattern so it survives grayscale printing.
- :func:`draw_frames_chart`: ``{outlet: {frame: share of sentences}}`` → a
  frame × outlet heat map with the percentage in each cell.
- :func:`draw_sources_chart`: ``{outlet: {speaker: quotes}}`` → a speaker ×
  outlet heat map with the number of quotes in each cell.
"""

from __future__ import annotations

from gui.widgets.charts.draw import (
    BoxStats,
    box_stats,
    draw_frames_chart,
    draw_heatmap,
    draw_loaded_chart,
    draw_sources_chart,
    draw_stacked_bars,
    draw_subjectivity_chart,
    draw_terms_chart,
    preferred_height,
)
from gui.widgets.charts.output import paint_scaled, render_image, render_png, render_svg
from gui.widgets.charts.style import (
    PATTERNS,
    ChartPalette,
    Series,
    fill_with_pattern,
    series_categories,
    series_for_loaded,
)
from gui.widgets.charts.widgets import (
    ChartWidget,
    FramesChart,
    LoadedTermsChart,
    SourcesChart,
    SubjectivityChart,
    TermsChart,
)

__all__ = [
    "BoxStats",
    "Series",
    "ChartPalette",
    "ChartWidget",
    "FramesChart",
    "LoadedTermsChart",
    "PATTERNS",
    "SourcesChart",
    "SubjectivityChart",
    "TermsChart",
    "box_stats",
    "draw_frames_chart",
    "draw_heatmap",
    "draw_loaded_chart",
    "draw_sources_chart",
    "draw_stacked_bars",
    "draw_subjectivity_chart",
    "draw_terms_chart",
    "fill_with_pattern",
    "series_for_loaded",
    "paint_scaled",
    "preferred_height",
    "render_image",
    "render_png",
    "render_svg",
    "series_categories",
]
