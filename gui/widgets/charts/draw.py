"""The charts, each a function that paints into any QPainter (screen, printer, SVG, image)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
)

from gui.widgets.charts.primitives import (
    _draw_empty,
    _draw_frame,
    _draw_legend,
    _draw_row_label,
    _draw_x_axis,
    _fmt,
    _font,
    _missing,
    _nice_max,
    _row_labels_width,
    _row_layout,
)
from gui.widgets.charts.style import (
    ChartPalette,
    Series,
    _blend,
    fill_with_pattern,
    series_categories,
    series_for_loaded,
)


# --------------------------------------------------------------------------
# The charts
# --------------------------------------------------------------------------
def _quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolation quantile (numpy's default), without numpy."""
    if len(sorted_values) == 1:
        return sorted_values[0]
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


class BoxStats(NamedTuple):
    """Summary of one outlet's sentence subjectivities."""

    n: int
    mean: float
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float


def box_stats(values: Sequence[float]) -> BoxStats | None:
    """Mean, quartiles and range of ``values`` (``None`` when empty)."""
    ordered = sorted(float(v) for v in values if not _missing(v))
    if not ordered:
        return None
    return BoxStats(
        len(ordered),
        sum(ordered) / len(ordered),
        ordered[0],
        _quantile(ordered, 0.25),
        _quantile(ordered, 0.5),
        _quantile(ordered, 0.75),
        ordered[-1],
    )


def draw_subjectivity_chart(
    painter: QPainter,
    rect: QRectF,
    sentences: Mapping[str, Sequence[float]],
    palette: ChartPalette | None = None,
    *,
    title: str = "Subjectivity per outlet",
) -> None:
    """Box plot of sentence subjectivity (0 = factual, 1 = opinion) per outlet.

    Box: middle half of the sentences (quartiles) with the median line;
    whiskers: lowest to highest sentence; diamond and number: the mean.
    """
    palette = palette or ChartPalette.for_print()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    area = _draw_frame(
        painter,
        rect,
        title,
        "Own sentences, quotes aside · box: middle half · whiskers: range · ◆ mean",
        palette,
    )
    stats = {outlet: box_stats(values) for outlet, values in sentences.items()}
    if not any(stats.values()):
        _draw_empty(painter, area, "No sentences to score yet.", palette)
        painter.restore()
        return
    outlets = list(stats)
    plot, row, label_width = _row_layout(painter, area, outlets, palette, axis_label=True)
    _draw_x_axis(painter, plot, 1.0, 0.2, "subjectivity (0 = factual, 1 = opinion)", palette)
    box_height = min(row * 0.56, palette.font_px * 2.0)
    for i, outlet in enumerate(outlets):
        y = plot.top() + i * row
        summary = stats[outlet]
        label = outlet if summary is None else f"{outlet}"
        _draw_row_label(painter, area, y, row, label_width, label, palette)
        if summary is None:
            continue
        centre = y + row / 2

        def x_of(value: float) -> float:
            return plot.left() + plot.width() * max(0.0, min(1.0, value))

        edge = QPen(palette.mark_edge, 1.3)
        painter.setPen(edge)
        painter.drawLine(QPointF(x_of(summary.minimum), centre), QPointF(x_of(summary.q1), centre))
        painter.drawLine(QPointF(x_of(summary.q3), centre), QPointF(x_of(summary.maximum), centre))
        for end in (summary.minimum, summary.maximum):
            painter.drawLine(
                QPointF(x_of(end), centre - box_height * 0.3),
                QPointF(x_of(end), centre + box_height * 0.3),
            )
        box = QRectF(
            x_of(summary.q1),
            centre - box_height / 2,
            max(1.0, x_of(summary.q3) - x_of(summary.q1)),
            box_height,
        )
        painter.setBrush(palette.mark)
        painter.drawRect(box)
        painter.setPen(QPen(palette.mark_edge, 2.2))
        painter.drawLine(
            QPointF(x_of(summary.median), box.top()), QPointF(x_of(summary.median), box.bottom())
        )
        # The mean as a diamond: a shape, not just a colour, so it prints.
        d = box_height * 0.32
        mx = x_of(summary.mean)
        diamond = QPolygonF(
            [
                QPointF(mx, centre - d),
                QPointF(mx + d, centre),
                QPointF(mx, centre + d),
                QPointF(mx - d, centre),
            ]
        )
        painter.setPen(QPen(palette.background, 1.0))
        painter.setBrush(palette.text)
        painter.drawPolygon(diamond)
        painter.setFont(_font(palette, 0.85))
        painter.setPen(palette.muted)
        painter.drawText(
            QRectF(plot.right() + 4, y, rect.right() - plot.right() - 4, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{summary.mean:.2f}",
        )
    painter.restore()


def draw_stacked_bars(
    painter: QPainter,
    rect: QRectF,
    values: Mapping[str, Mapping[str, float]],
    series: Sequence[Series],
    palette: ChartPalette | None = None,
    *,
    title: str = "",
    subtitle: str = "",
    axis_label: str = "",
    empty_message: str = "Nothing to show yet.",
    decimals: int = 1,
) -> None:
    """Horizontal stacked bars: one row per key of ``values``, one segment per series."""
    palette = palette or ChartPalette.for_print()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    area = _draw_frame(painter, rect, title, subtitle, palette)
    totals = {
        row: sum(max(0.0, row_values.get(s.id, 0.0)) for s in series)
        for row, row_values in values.items()
    }
    if not values or not series:
        _draw_empty(painter, area, empty_message, palette)
        painter.restore()
        return
    used = [s for s in series if any(v.get(s.id, 0.0) > 0 for v in values.values())] or list(series)
    legend_height = _draw_legend(painter, area, used, palette)
    area = area.adjusted(0, legend_height + palette.font_px * 0.5, 0, 0)
    outlets = list(values)
    plot, row, label_width = _row_layout(
        painter, area, outlets, palette, axis_label=bool(axis_label)
    )
    maximum, step = _nice_max(max(totals.values(), default=0.0))
    _draw_x_axis(painter, plot, maximum, step, axis_label, palette)
    bar_height = min(row * 0.62, palette.font_px * 2.0)
    for i, outlet in enumerate(outlets):
        y = plot.top() + i * row
        _draw_row_label(painter, area, y, row, label_width, outlet, palette)
        x = plot.left()
        top = y + (row - bar_height) / 2
        for category in used:
            value = max(0.0, values[outlet].get(category.id, 0.0))
            if value <= 0:
                continue
            width = plot.width() * value / maximum
            segment = QRectF(x, top, width, bar_height)
            fill_with_pattern(painter, segment, category)
            # A thin background-coloured seam keeps adjacent segments apart in grayscale.
            painter.setPen(QPen(palette.background, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(segment)
            x += width
        painter.setFont(_font(palette, 0.85))
        painter.setPen(palette.muted)
        painter.drawText(
            QRectF(x + 4, y, rect.right() - x - 4, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{totals[outlet]:.{decimals}f}",
        )
    painter.restore()


def draw_loaded_chart(
    painter: QPainter,
    rect: QRectF,
    rates: Mapping[str, Mapping[str, float]],
    categories: Sequence[Series] | None = None,
    palette: ChartPalette | None = None,
    *,
    title: str = "Loaded terms per 1,000 words",
) -> None:
    """Stacked bars of loaded terms per 1,000 words, split by lexicon category."""
    known = tuple(categories) if categories is not None else series_for_loaded()
    ids = list(dict.fromkeys([c.id for c in known] + [k for v in rates.values() for k in v]))
    series = series_categories(ids, known)
    draw_stacked_bars(
        painter,
        rect,
        rates,
        series,
        palette,
        title=title,
        subtitle="Our lexicon's matches, by category (colour and pattern)",
        axis_label="loaded terms per 1,000 words",
        empty_message="No articles analysed yet.",
    )


def draw_heatmap(
    painter: QPainter,
    rect: QRectF,
    values: Mapping[str, Mapping[str, float]],
    palette: ChartPalette | None = None,
    *,
    title: str = "",
    subtitle: str = "",
    percent: bool = False,
    max_rows: int = 15,
    empty_message: str = "Nothing to show yet.",
) -> None:
    """A row × outlet grid (rows: the inner keys, most prominent first) with values in cells."""
    palette = palette or ChartPalette.for_print()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    area = _draw_frame(painter, rect, title, subtitle, palette)
    outlets = list(values)
    totals: dict[str, float] = {}
    for row_values in values.values():
        for key, value in row_values.items():
            if value > 0:
                totals[key] = totals.get(key, 0.0) + value
    if not outlets or not totals:
        _draw_empty(painter, area, empty_message, palette)
        painter.restore()
        return
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:max_rows]
    maximum = max(values[o].get(k, 0.0) for o in outlets for k in keys) or 1.0
    painter.setFont(_font(palette))
    label_width = _row_labels_width(painter, keys, area.width() * 0.34)
    header_font = _font(palette, 0.85, bold=True)
    fm_header = QFontMetricsF(header_font)
    grid_width = area.width() - label_width - 6
    column = grid_width / len(outlets)
    flags = int(
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    )
    # Names that fit the column, wrapped onto up to three lines, stay horizontal;
    # otherwise (many outlets, long single words) they are written vertically.
    wrapped = [
        fm_header.boundingRect(QRectF(0, 0, column - 4, 1e4), flags, outlet) for outlet in outlets
    ]
    vertical = any(b.width() > column - 3 for b in wrapped) or any(
        b.height() > fm_header.height() * 3.2 for b in wrapped
    )
    if vertical:
        widest = max(fm_header.horizontalAdvance(o) for o in outlets)
        header_height = min(widest, area.height() * 0.42) + 6
    else:
        header_height = max(b.height() for b in wrapped) + 4
    grid_top = area.top() + header_height
    row = min((area.bottom() - grid_top) / len(keys), palette.font_px * 2.2)
    left = area.left() + label_width + 6
    painter.setFont(header_font)
    painter.setPen(palette.text)
    for j, outlet in enumerate(outlets):
        x = left + j * column
        if vertical:
            painter.save()
            painter.translate(x + column / 2 + fm_header.ascent() / 2 - 1, grid_top - 4)
            painter.rotate(-90)
            text = fm_header.elidedText(outlet, Qt.TextElideMode.ElideRight, header_height - 6)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()
        else:
            painter.drawText(
                QRectF(x + 2, area.top(), column - 4, header_height - 4), flags, outlet
            )
    cell_font = _font(palette, 0.85)
    fm_cell = QFontMetricsF(cell_font)

    def cell_text(value: float) -> str:
        if percent:
            return f"{value * 100:.0f}%"
        return _fmt(value, 1.0 if value == int(value) else 0.1)

    # Numbers in every cell or in none: a grid where only the short ones show
    # would read as if the others were missing.
    widest_text = max(
        fm_cell.horizontalAdvance(cell_text(values[o].get(k, 0.0))) for o in outlets for k in keys
    )
    show_values = widest_text < column - 4
    for i, key in enumerate(keys):
        y = grid_top + i * row
        _draw_row_label(painter, area, y, row, label_width, key, palette)
        painter.setFont(cell_font)
        for j, outlet in enumerate(outlets):
            value = values[outlet].get(key, 0.0)
            cell = QRectF(left + j * column + 1, y + 1, column - 2, row - 2)
            strength = max(0.0, min(1.0, value / maximum))
            fill = _blend(palette.background, palette.heat, 0.08 + 0.85 * strength)
            painter.fillRect(
                cell, fill if value > 0 else _blend(palette.background, palette.grid, 0.4)
            )
            if value > 0 and show_values:
                painter.setPen(QColor("#ffffff") if fill.lightnessF() < 0.5 else QColor("#111111"))
                painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), cell_text(value))
    hidden = len(totals) - len(keys)
    notes = []
    if hidden > 0:
        notes.append(f"{hidden} more not shown")
    if not show_values:
        notes.append(f"darker = more (darkest: {cell_text(maximum)})")
    if notes:
        painter.setFont(_font(palette, 0.8))
        painter.setPen(palette.muted)
        painter.drawText(
            QRectF(
                area.left(), grid_top + len(keys) * row + 2, area.width(), palette.font_px * 1.5
            ),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            " · ".join(notes),
        )
    painter.restore()


def draw_frames_chart(
    painter: QPainter,
    rect: QRectF,
    frames: Mapping[str, Mapping[str, float]],
    palette: ChartPalette | None = None,
    *,
    title: str = "Frames per outlet",
) -> None:
    """Heat map of the share of each outlet's sentences that evoke each frame."""
    draw_heatmap(
        painter,
        rect,
        frames,
        palette,
        title=title,
        subtitle="Share of the outlet's sentences with a keyword of the frame",
        percent=True,
        empty_message="No frame keywords found yet.",
    )


def draw_sources_chart(
    painter: QPainter,
    rect: QRectF,
    sources: Mapping[str, Mapping[str, float]],
    palette: ChartPalette | None = None,
    *,
    title: str = "Quoted sources per outlet",
    max_rows: int = 12,
) -> None:
    """Heat map of how many quotations each outlet gives each speaker."""
    draw_heatmap(
        painter,
        rect,
        sources,
        palette,
        title=title,
        subtitle="Number of quotations attributed to each speaker",
        max_rows=max_rows,
        empty_message="No quotations found yet.",
    )


def draw_terms_chart(
    painter: QPainter,
    rect: QRectF,
    terms: Mapping[str, Mapping[str, float]],
    palette: ChartPalette | None = None,
    *,
    title: str = "Which outlet uses which term",
) -> None:
    """Heat map of how often each outlet uses each alternative of a concordance pattern."""
    draw_heatmap(
        painter,
        rect,
        terms,
        palette,
        title=title,
        subtitle="Occurrences of each alternative per outlet (quotations included)",
        empty_message="No outlet uses these terms.",
    )


def preferred_height(rows: int, *, font_px: float = 12.0, kind: str = "bars") -> float:
    """A comfortable chart height (logical px) for ``rows`` outlets (or heat-map rows).

    ``kind``: ``"bars"`` (subjectivity), ``"loaded"`` (bars plus a category
    legend that may wrap onto a second line) or ``"heatmap"`` (frames, sources).
    """
    per_row = font_px * 2.2
    chrome = font_px * {"bars": 9.5, "loaded": 9.5, "heatmap": 6.5}.get(kind, 9.5)
    legend = per_row if kind == "loaded" else 0.0
    return chrome + legend + per_row * max(1, rows)
