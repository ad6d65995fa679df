"""Chart colours, fill patterns and data series (a colour and a pattern per series)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPalette,
)


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


class Series(NamedTuple):
    """A data series: its id, legend label, colour and fill pattern."""

    id: str
    label: str
    colour: str
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    description: str = ""


def series_for_loaded() -> tuple[Series, ...]:
    """The loaded-term categories (:func:`analysis.lexicon.load_categories`), with patterns."""
    from analysis.lexicon import load_categories as lexicon_categories

    return tuple(
        Series(c.id, c.label, c.colour, PATTERNS[i % len(PATTERNS)], c.description)
        for i, c in enumerate(lexicon_categories())
    )


def series_categories(names: Sequence[str], known: Sequence[Series] = ()) -> list[Series]:
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
            Series(
                name,
                label[:1].upper() + label[1:],
                SERIES_COLOURS[slot % len(SERIES_COLOURS)],
                PATTERNS[slot % len(PATTERNS)],
            )
        )
    return result


def fill_with_pattern(painter: QPainter, rect: QRectF, category: Series) -> None:
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
