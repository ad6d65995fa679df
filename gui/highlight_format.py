"""The one Qt look of a highlight, shared by the window and the printed report.

Colours and underline names come from :mod:`analysis.categories`; this
module turns them into a ``QTextCharFormat``. The side-by-side columns and
the report builder both call :func:`char_format`, so a highlight looks the
same on screen and on paper (the report, having no per-word strength, shades
subjective words at :data:`PRINT_STRENGTH`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from analysis.categories import CUSTOM_CATEGORY, DIFFERENCE, Category

UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dashdot": QTextCharFormat.UnderlineStyle.DashDotLine,
    # Qt has no double underline for text; dash-dot-dot is the closest distinct style.
    "double": QTextCharFormat.UnderlineStyle.DashDotDotLine,
    "dashdotdot": QTextCharFormat.UnderlineStyle.DashDotDotLine,
    "none": QTextCharFormat.UnderlineStyle.NoUnderline,
}

#: The strength at which print shades subjective words (the screen shades each
#: word by its own strength).
PRINT_STRENGTH = 0.5


def shade_alpha(strength: float, dark: bool = False) -> int:
    """Opacity (0-255) of a shaded category's background for a highlight of ``strength``."""
    strength = max(0.0, min(1.0, strength))
    return int((50 + 150 * strength) * (0.55 if dark else 1.0))


def tint_alpha(quoted: bool, dark: bool = False) -> int:
    """Opacity (0-255) of an underlined category's light tint; a source's words get half."""
    if quoted:
        return 35 if dark else 22
    return 70 if dark else 45


def char_format(
    category: Category,
    *,
    strength: float = PRINT_STRENGTH,
    dark: bool = False,
    quoted: bool = False,
    shared: bool = False,
) -> QTextCharFormat:
    """How a highlight of ``category`` looks: shading or a tinted underline.

    ``quoted`` words (a source's, inside a quotation) are italic with half the
    tint; ``shared`` vocabulary (every outlet's word for the event) has no
    tint and a grey dotted underline.
    """
    fmt = QTextCharFormat()
    if category.shaded:
        colour = QColor(category.colour)
        if category.id == DIFFERENCE:
            fmt.setBackground(colour)
            fmt.setFontWeight(QFont.Weight.Bold)
            return fmt
        colour.setAlpha(shade_alpha(strength, dark))
        fmt.setBackground(colour)
        fmt.setFontItalic(quoted)
        return fmt
    if shared:
        fmt.setFontItalic(True)
        fmt.setUnderlineColor(QColor(CUSTOM_CATEGORY.colour))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        return fmt
    colour = QColor(category.colour)
    tint = QColor(colour)
    tint.setAlpha(tint_alpha(quoted, dark))
    fmt.setBackground(tint)
    fmt.setFontItalic(quoted)
    fmt.setUnderlineColor(colour)
    fmt.setUnderlineStyle(UNDERLINES.get(category.underline, UNDERLINES["dashdotdot"]))
    return fmt
