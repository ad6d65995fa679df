"""The report's look, shared by the QTextDocument and the HTML export.

Colours and sizes are read from resources/report.css (its ``--fl-*`` custom
properties), so the printed report and the HTML file share one palette.
Highlight categories come from :class:`analysis.report.CategoryStyle`;
each maps to a Qt underline style and a CSS ``text-decoration-style``, so
highlights stay apart on a black-and-white printer.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.categories import SUBJECTIVE
from analysis.report import CategoryStyle
from analysis.resources import resource_path
from gui.highlight_format import PRINT_STRENGTH, shade_alpha, tint_alpha

#: Sans-serif families in order of preference (the first one installed wins).
FONT_FAMILIES = ["Nimbus Sans", "Helvetica", "Arial", "Liberation Sans", "DejaVu Sans"]
#: Monospaced families for formulas and examples.
MONO_FAMILIES = ["DejaVu Sans Mono", "Nimbus Mono PS", "Menlo", "Consolas", "Courier New"]

_VAR = re.compile(r"--fl-([a-z0-9-]+)\s*:\s*([^;]+);")


@cache
def report_css() -> str:
    """The text of resources/report.css."""
    return resource_path("report.css").read_text(encoding="utf-8")


@cache
def palette() -> dict[str, str]:
    """The ``--fl-*`` custom properties of report.css, without the prefix."""
    return {name: value.strip() for name, value in _VAR.findall(report_css())}


def colour(name: str) -> str:
    """A palette colour such as ``palette()["accent"]``."""
    return palette()[name]


def size_pt(name: str) -> float:
    """A palette size in points, e.g. ``size_pt("body-size")`` → 9.5."""
    value = palette()[name]
    if not value.endswith("pt"):
        raise ValueError(f"report.css --fl-{name} must be in pt, not {value!r}")
    return float(value[:-2])


#: categories.tsv underline style → CSS text-decoration-style. CSS has no
#: dash-dot line, so "dashdot" is drawn by a gradient (see css_for_styles).
CSS_UNDERLINE = {
    "solid": "solid",
    "dash": "dashed",
    "dot": "dotted",
    "wave": "wavy",
    "double": "double",
    "dashdotdot": "dotted",
}


def css_class(category: str) -> str:
    """A safe CSS class name for a category id (custom ids may hold any text)."""
    return "hl-" + re.sub(r"[^a-z0-9_-]", "-", category.lower())


def css_for_styles(styles: tuple[CategoryStyle, ...]) -> str:
    """CSS rules for the highlight categories (colours are validated #rrggbb)."""
    rules = []
    for style in styles:
        cls = css_class(style.id)
        if style.id == SUBJECTIVE:
            # The window's shade of a subjective word of middle strength.
            alpha = shade_alpha(PRINT_STRENGTH) / 255
            r, g, b = (int(style.colour[i : i + 2], 16) for i in (1, 3, 5))
            rules.append(f"mark.{cls} {{ background: rgba({r}, {g}, {b}, {alpha:.2f}); }}")
            continue
        if style.shaded:
            continue  # report.css styles the other shaded pseudo-category (difference)
        # The window's light tint under an underlined category.
        rules.append(f"mark.{cls} {{ background: {style.colour}{tint_alpha(False):02x}; }}")
        if style.underline == "dashdot":
            c = style.colour
            pattern = (
                f"repeating-linear-gradient(90deg, {c} 0 6px, transparent 6px 8px, "
                f"{c} 8px 10px, transparent 10px 12px)"
            )
            rules.append(
                f"mark.{cls} {{ text-decoration: none; background-image: {pattern}; "
                "background-size: 100% 2px; background-position: 0 100%; "
                "background-repeat: no-repeat; padding-bottom: 2px; "
                "-webkit-print-color-adjust: exact; print-color-adjust: exact; }"
            )
        elif style.underline == "none":
            rules.append(f"mark.{cls} {{ color: {style.colour}; }}")
        else:
            css = CSS_UNDERLINE[style.underline]
            rules.append(
                f"mark.{cls} {{ text-decoration: underline {css} {style.colour}; "
                "text-decoration-thickness: 2px; text-underline-offset: 2px; }"
            )
    return "\n".join(rules)
