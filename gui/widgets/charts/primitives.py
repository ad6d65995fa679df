"""Drawing primitives shared by the charts: frame, axes, legend, labels, box statistics."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from gui.widgets.charts.style import ChartPalette, Series, fill_with_pattern


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
    painter: QPainter, rect: QRectF, items: Sequence[Series], palette: ChartPalette
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
