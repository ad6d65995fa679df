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

import logging
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------
# Colours, patterns, categories
# --------------------------------------------------------------------------
class ChartPalette(NamedTuple):
    """The colours a chart uses for everything but its data series."""

    text: QColor
    muted: QColor
    background: QColor
    grid: QColor
    axis: QColor
    #: Fill of neutral marks (boxes, single-series bars).
    mark: QColor
    #: Outline of marks and the mean marker.
    mark_edge: QColor
    #: Heat-map colour at the maximum value (cells blend from ``background``).
    heat: QColor
    #: Base font size in logical pixels.
    font_px: float = 12.0
    font_family: str = ""

    @classmethod
    def for_print(cls) -> ChartPalette:
        """Dark marks on white paper (also the default when no palette is given)."""
        return cls(
            text=QColor("#1a1a1a"),
            muted=QColor("#5c5c5c"),
            background=QColor("#ffffff"),
            grid=QColor("#dedede"),
            axis=QColor("#8a8a8a"),
            mark=QColor("#9cc3e6"),
            mark_edge=QColor("#1f4e79"),
            heat=QColor("#0072B2"),
        )

    @classmethod
    def from_qpalette(cls, palette: QPalette, font: QFont | None = None) -> ChartPalette:
        """Follow a widget's palette, so the chart suits light and dark themes."""
        role = QPalette.ColorRole
        text = palette.color(role.WindowText)
        background = palette.color(role.Base)
        dark = background.lightnessF() < 0.5
        muted = _blend(text, background, 0.35)
        family = font.family() if font is not None else ""
        px = _font_px(font) if font is not None else 12.0
        if dark:
            return cls(
                text=text,
                muted=muted,
                background=background,
                grid=_blend(text, background, 0.82),
                axis=_blend(text, background, 0.5),
                mark=QColor("#3d6f99"),
                mark_edge=QColor("#a8d1f5"),
                heat=QColor("#56B4E9"),
                font_px=px,
                font_family=family,
            )
        return cls.for_print()._replace(
            text=text, muted=muted, background=background, font_px=px, font_family=family
        )


def _font_px(font: QFont) -> float:
    if font.pixelSize() > 0:
        return float(font.pixelSize())
    # Points at 96 dpi; clamp so odd platform fonts still give a readable chart.
    return max(10.0, min(16.0, font.pointSizeF() * 96 / 72))


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


#: Fill patterns in the order categories receive them (solid first). Each is drawn
#: over the category colour, so a grayscale print still tells them apart.
PATTERNS: tuple[Qt.BrushStyle, ...] = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.DiagCrossPattern,
    Qt.BrushStyle.VerPattern,
)

#: Okabe–Ito colour-blind-safe colours, for series without a colour of their own.
SERIES_COLOURS: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)


class Category(NamedTuple):
    """A data series: its id, legend label, colour and fill pattern."""

    id: str
    label: str
    colour: str
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    description: str = ""


def load_categories() -> tuple[Category, ...]:
    """The loaded-term categories (:func:`analysis.lexicon.load_categories`), with patterns."""
    from analysis.lexicon import load_categories as lexicon_categories

    return tuple(
        Category(c.id, c.label, c.colour, PATTERNS[i % len(PATTERNS)], c.description)
        for i, c in enumerate(lexicon_categories())
    )


def series_categories(names: Sequence[str], known: Sequence[Category] = ()) -> list[Category]:
    """Categories for ``names``: known ones keep their style, others get the next free one."""
    by_id = {c.id: c for c in known}
    result = []
    extra = 0
    for name in names:
        if name in by_id:
            result.append(by_id[name])
            continue
        slot = len(known) + extra
        extra += 1
        label = name.split(":", 1)[-1].replace("_", " ")
        result.append(
            Category(
                name,
                label[:1].upper() + label[1:],
                SERIES_COLOURS[slot % len(SERIES_COLOURS)],
                PATTERNS[slot % len(PATTERNS)],
            )
        )
    return result


def fill_with_pattern(painter: QPainter, rect: QRectF, category: Category) -> None:
    """Fill ``rect`` with the category colour, then its pattern in a contrasting ink."""
    colour = QColor(category.colour)
    painter.fillRect(rect, colour)
    if category.pattern not in (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.NoBrush):
        ink = QColor("#000000") if colour.lightnessF() > 0.55 else QColor("#ffffff")
        ink.setAlphaF(0.55)
        painter.save()
        # Scale the hatch with the painter (Qt draws patterns in device pixels
        # otherwise), so a printed or high-DPI chart has the density seen on screen.
        painter.setRenderHint(QPainter.RenderHint.NonCosmeticBrushPatterns, True)
        brush = QBrush(ink, category.pattern)
        painter.fillRect(rect, brush)
        painter.restore()


# --------------------------------------------------------------------------
# Drawing primitives
# --------------------------------------------------------------------------
def _missing(value: Any) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _font(palette: ChartPalette, scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont(palette.font_family) if palette.font_family else QFont()
    font.setPixelSize(max(6, round(palette.font_px * scale)))
    font.setBold(bold)
    return font


def _nice_step(span: float, target: int = 5) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _nice_max(value: float) -> tuple[float, float]:
    """An axis maximum ≥ ``value`` on a round step, and that step."""
    if value <= 0:
        return 1.0, 0.25
    step = _nice_step(value)
    return math.ceil(value / step - 1e-9) * step, step


def _fmt(value: float, step: float) -> str:
    if step >= 1 and abs(value - round(value)) < 1e-9:
        return f"{value:,.0f}"
    decimals = max(0, -math.floor(math.log10(step))) if step > 0 else 2
    if step * 10**decimals % 1 > 1e-9:
        decimals += 1
    return f"{value:,.{decimals}f}"


def _draw_frame(
    painter: QPainter, rect: QRectF, title: str, subtitle: str, palette: ChartPalette
) -> QRectF:
    """Fill the background, draw title and subtitle; return the rest of ``rect``."""
    painter.fillRect(rect, palette.background)
    pad = palette.font_px * 0.8
    inner = rect.adjusted(pad, pad * 0.75, -pad, -pad * 0.75)
    y = inner.top()
    if title:
        painter.setFont(_font(palette, 1.15, bold=True))
        painter.setPen(palette.text)
        fm = QFontMetricsF(painter.font())
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(title, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += fm.height() + 2
    if subtitle:
        painter.setFont(_font(palette, 0.9))
        painter.setPen(palette.muted)
        fm = QFontMetricsF(painter.font())
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(subtitle, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += fm.height()
    return QRectF(
        inner.left(), y + pad * 0.6, inner.width(), max(0.0, inner.bottom() - y - pad * 0.6)
    )


def _draw_empty(painter: QPainter, rect: QRectF, message: str, palette: ChartPalette) -> None:
    painter.setFont(_font(palette, 1.0))
    painter.setPen(palette.muted)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), message)


def _draw_legend(
    painter: QPainter, rect: QRectF, items: Sequence[Category], palette: ChartPalette
) -> float:
    """Draw swatches and labels, wrapping lines; return the height used."""
    if not items:
        return 0.0
    painter.setFont(_font(palette, 0.9))
    fm = QFontMetricsF(painter.font())
    box = fm.height() * 0.85
    gap = palette.font_px
    x, y = rect.left(), rect.top()
    line = fm.height() + 4
    for item in items:
        width = box + 5 + fm.horizontalAdvance(item.label)
        if x > rect.left() and x + width > rect.right():
            x, y = rect.left(), y + line
        swatch = QRectF(x, y + (fm.height() - box) / 2, box, box)
        fill_with_pattern(painter, swatch, item)
        painter.setPen(QPen(palette.axis, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch)
        painter.setPen(palette.text)
        painter.drawText(
            QRectF(x + box + 5, y, width, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            item.label,
        )
        x += width + gap
    return y + line - rect.top()


def _row_labels_width(painter: QPainter, labels: Sequence[str], limit: float) -> float:
    fm = QFontMetricsF(painter.font())
    widest = max((fm.horizontalAdvance(label) for label in labels), default=0.0)
    return min(limit, widest + 8)


def _draw_x_axis(
    painter: QPainter,
    plot: QRectF,
    maximum: float,
    step: float,
    label: str,
    palette: ChartPalette,
    *,
    percent: bool = False,
) -> None:
    painter.setFont(_font(palette, 0.85))
    fm = QFontMetricsF(painter.font())
    ticks = int(round(maximum / step))
    for i in range(ticks + 1):
        value = i * step
        x = plot.left() + plot.width() * value / maximum
        painter.setPen(QPen(palette.grid, 1.0))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        text = f"{value * 100:.0f}%" if percent else _fmt(value, step)
        painter.setPen(palette.muted)
        painter.drawText(
            QRectF(x - 40, plot.bottom() + 3, 80, fm.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            text,
        )
    painter.setPen(QPen(palette.axis, 1.0))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    if label:
        painter.setPen(palette.muted)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + fm.height() + 4, plot.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            label,
        )


def _row_layout(
    painter: QPainter, area: QRectF, outlets: Sequence[str], palette: ChartPalette, axis_label: bool
) -> tuple[QRectF, float, float]:
    """Split ``area`` into label column and plot; return (plot, row height, label width)."""
    painter.setFont(_font(palette))
    label_width = _row_labels_width(painter, outlets, area.width() * 0.32)
    fm = QFontMetricsF(_font(palette, 0.85))
    bottom = fm.height() * (2 if axis_label else 1) + 8
    plot = QRectF(
        area.left() + label_width + 6,
        area.top(),
        max(10.0, area.width() - label_width - 6 - palette.font_px * 3.2),
        max(10.0, area.height() - bottom),
    )
    row = plot.height() / max(1, len(outlets))
    return plot, row, label_width


def _draw_row_label(
    painter: QPainter,
    area: QRectF,
    y: float,
    height: float,
    width: float,
    text: str,
    palette: ChartPalette,
) -> None:
    painter.setPen(palette.text)
    align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    rect = QRectF(area.left(), y, width, height)
    for scale in (1.0, 0.85):
        painter.setFont(_font(palette, scale))
        fm = QFontMetricsF(painter.font())
        lines = wrap_label(text, fm, width - 4, max(1, int(height // fm.lineSpacing())))
        if not lines[-1].endswith("…") or scale < 1.0:
            painter.drawText(rect, align, "\n".join(lines))
            return


def wrap_label(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """``text`` broken between words into at most ``max_lines`` lines of ``width``.

    Never cuts inside a word: what does not fit ends the last line with "…"
    after a whole word ("External regulation…", not "External reg…d reputation").
    """
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fm.horizontalAdvance(line + " " + words[0]) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words or any(fm.horizontalAdvance(line) > width for line in lines):
        last = lines[-1] if lines else ""
        while " " in last and fm.horizontalAdvance(last + "…") > width:
            last = last.rsplit(" ", 1)[0]
        if fm.horizontalAdvance(last + "…") > width:
            last = fm.elidedText(last, Qt.TextElideMode.ElideRight, width)
        else:
            last += "…"
        lines[-1:] = [last]
    return lines or [""]


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
        "Each sentence scored by TextBlob · box: middle half · whiskers: range · ◆ mean",
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
    series: Sequence[Category],
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
    categories: Sequence[Category] | None = None,
    palette: ChartPalette | None = None,
    *,
    title: str = "Loaded terms per 1,000 words",
) -> None:
    """Stacked bars of loaded terms per 1,000 words, split by lexicon category."""
    known = tuple(categories) if categories is not None else load_categories()
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


# --------------------------------------------------------------------------
# Output helpers for the report
# --------------------------------------------------------------------------
Draw = Callable[[QPainter, QRectF], None]


def paint_scaled(painter: QPainter, target: QRectF, logical: QSizeF, draw: Draw) -> None:
    """Draw a chart laid out at ``logical`` size (96-dpi px) scaled into ``target``.

    Use it on printers and PDF writers, whose device pixels are much smaller
    than a screen's: the chart keeps its proportions and stays vector.
    """
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / logical.width(), target.height() / logical.height())
    draw(painter, QRectF(QPointF(0, 0), logical))
    painter.restore()


def render_image(draw: Draw, size: QSize, *, device_pixel_ratio: float = 2.0) -> QImage:
    """The chart as a QImage (for PNG export or a QTextDocument image resource)."""
    image = QImage(size * device_pixel_ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def render_png(draw: Draw, size: QSize, *, device_pixel_ratio: float = 2.0) -> bytes:
    """The chart as PNG bytes."""
    image = render_image(draw, size, device_pixel_ratio=device_pixel_ratio)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 accepts str only
    buffer.close()
    return bytes(data.data())


def render_svg(draw: Draw, size: QSize, *, title: str = "") -> bytes:
    """The chart as SVG bytes (vector, for HTML export)."""
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    if title:
        generator.setTitle(title)
    painter = QPainter(generator)
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


# --------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------
class ChartWidget(QWidget):
    """A widget that shows one chart and can paint it anywhere with :meth:`paint_to`.

    Subclasses implement :meth:`paint_to` and :meth:`rows`. Right-click offers
    "Copy Image".
    """

    KIND = "bars"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_action = QAction("Copy Image", self)
        copy_action.triggered.connect(self.copy_image)
        self.addAction(copy_action)
        self._update_height()

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        """Draw the chart into ``rect`` of any painter (``palette=None``: print colours)."""
        raise NotImplementedError

    def rows(self) -> int:
        """How many rows (outlets or heat-map rows) the chart has."""
        return 1

    def chart_palette(self) -> ChartPalette:
        return ChartPalette.from_qpalette(self.palette(), self.font())

    def _update_height(self) -> None:
        px = _font_px(self.font())
        self.setFixedHeight(round(preferred_height(self.rows(), font_px=px, kind=self.KIND)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, self.height())

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        try:
            self.paint_to(painter, QRectF(self.rect()), self.chart_palette())
        finally:
            painter.end()

    def to_image(self, size: QSize | None = None) -> QImage:
        """The chart in print colours (white background) as an image."""
        size = size or self.size()
        return render_image(lambda p, r: self.paint_to(p, r), size)

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.to_image())


class SubjectivityChart(ChartWidget):
    """Box plot of sentence subjectivity per outlet (:func:`draw_subjectivity_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._sentences: dict[str, list[float]] = {}
        super().__init__(parent)
        self.setAccessibleName("Subjectivity per outlet chart")
        self.setToolTip(
            "TextBlob subjectivity of every sentence, per outlet: the box holds the middle\n"
            "half of the sentences, the line is the median, the diamond the mean and the\n"
            "whiskers reach the least and most subjective sentence. Right-click to copy."
        )

    def set_data(self, sentences: Mapping[str, Sequence[float]]) -> None:
        self._sentences = {k: list(v) for k, v in sentences.items()}
        self._update_height()

    def sentences(self) -> dict[str, list[float]]:
        """The data shown: ``{outlet: [sentence subjectivity, ...]}``."""
        return {k: list(v) for k, v in self._sentences.items()}

    def rows(self) -> int:
        return len(self._sentences)

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_subjectivity_chart(painter, rect, self._sentences, palette)


class LoadedTermsChart(ChartWidget):
    """Stacked bars of loaded terms per 1,000 words by category (:func:`draw_loaded_chart`)."""

    KIND = "loaded"

    def __init__(
        self, parent: QWidget | None = None, categories: Sequence[Category] | None = None
    ) -> None:
        self._rates: dict[str, dict[str, float]] = {}
        self._categories = tuple(categories) if categories is not None else load_categories()
        super().__init__(parent)
        self.setAccessibleName("Loaded terms per outlet chart")
        self.setToolTip(
            "Loaded terms from FrameLens's lexicon per 1,000 words, split by category.\n"
            "Each category has a colour and a fill pattern. Right-click to copy."
        )

    def set_data(self, rates: Mapping[str, Mapping[str, float]]) -> None:
        self._rates = {k: dict(v) for k, v in rates.items()}
        self._update_height()

    def rates(self) -> dict[str, dict[str, float]]:
        """The data shown: ``{outlet: {category: per 1,000 words}}``."""
        return {k: dict(v) for k, v in self._rates.items()}

    def categories(self) -> tuple[Category, ...]:
        """The lexicon categories (ids, labels, colours, patterns) the chart uses."""
        return self._categories

    def rows(self) -> int:
        return len(self._rates)

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_loaded_chart(painter, rect, self._rates, self._categories, palette)


class _HeatmapChart(ChartWidget):
    KIND = "heatmap"
    MAX_ROWS = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        self._values: dict[str, dict[str, float]] = {}
        super().__init__(parent)

    def set_data(self, values: Mapping[str, Mapping[str, float]]) -> None:
        self._values = {k: dict(v) for k, v in values.items()}
        self._update_height()

    def values(self) -> dict[str, dict[str, float]]:
        """The data shown: ``{outlet: {row key: value}}``."""
        return {k: dict(v) for k, v in self._values.items()}

    def rows(self) -> int:
        keys = {k for v in self._values.values() for k, x in v.items() if x > 0}
        longest = max((len(o) for o in self._values), default=0)
        # Long outlet names wrap onto more lines, and many outlets are written
        # vertically: both need a taller header.
        header = 0 if longest <= 12 else 1 if len(self._values) <= 6 else 4
        return min(len(keys), self.MAX_ROWS) + header


class FramesChart(_HeatmapChart):
    """Heat map of frames per outlet (:func:`draw_frames_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Frames per outlet chart")
        self.setToolTip(
            "Share of each outlet's sentences with a keyword of a Policy Frames Codebook\n"
            "dimension (resources/frames.tsv). Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_frames_chart(painter, rect, self._values, palette)


class SourcesChart(_HeatmapChart):
    """Heat map of quoted speakers per outlet (:func:`draw_sources_chart`)."""

    MAX_ROWS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Quoted sources per outlet chart")
        self.setToolTip(
            "How many quotations each outlet attributes to each speaker;\n"
            "(unnamed) counts quotations without a named speaker. Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_sources_chart(painter, rect, self._values, palette, max_rows=self.MAX_ROWS)


class TermsChart(_HeatmapChart):
    """Heat map of which outlet uses which alternative of a pattern (:func:`draw_terms_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Which outlet uses which term chart")
        self.setToolTip(
            "How often each outlet uses each alternative of the concordance pattern,\n"
            "quotations included. Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_terms_chart(painter, rect, self._values, palette)


__all__ = [
    "BoxStats",
    "Category",
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
    "load_categories",
    "paint_scaled",
    "preferred_height",
    "render_image",
    "render_png",
    "render_svg",
    "series_categories",
]
