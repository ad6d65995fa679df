"""How each kind of highlight looks and what it means: the one home of the categories.

The lexicon categories come from ``resources/lexicons/categories.tsv``;
FrameLens adds three of its own: TextBlob's subjective words (shaded, not
underlined), a user lexicon's terms (one neutral style) and the words one
outlet's version of a statement adds (the report's aligned statements). The
window (:mod:`gui.widgets.highlighted_text`, the legend, the charts) and the
report (:mod:`gui.report.builder`, :mod:`gui.report.html`) all take their
colours and underline styles from here, so screen and print look the same.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from analysis.errors import LexiconError

UnderlineStyle = Literal["solid", "dash", "dot", "wave", "double", "dashdot", "dashdotdot", "none"]
UNDERLINES: frozenset[str] = frozenset(
    {"solid", "dash", "dot", "wave", "double", "dashdot", "dashdotdot", "none"}
)

SUBJECTIVE = "subjective"
DIFFERENCE = "difference"
CUSTOM_PREFIX = "custom:"


@dataclass(frozen=True, slots=True)
class Category:
    """One kind of highlight: its look and what it means (a legend entry)."""

    id: str
    label: str
    #: ``#rrggbb``, the same on screen and on paper.
    colour: str
    underline: UnderlineStyle
    description: str
    #: Drawn as a background shade instead of an underline.
    shaded: bool = False


#: TextBlob's subjective words: Okabe-Ito yellow, the one colour of the palette
#: no lexicon category uses, shaded more deeply the more subjective the word.
SUBJECTIVE_CATEGORY = Category(
    SUBJECTIVE,
    "Subjective word",
    "#F0E442",
    "none",
    "Words TextBlob scores as subjective (opinion rather than fact); "
    "the darker the shade, the more subjective the word.",
    shaded=True,
)
#: In aligned statements: the words one outlet's version adds (printed in bold).
DIFFERENCE_CATEGORY = Category(
    DIFFERENCE,
    "Difference",
    "#FFF2B3",
    "none",
    "In aligned statements: words this outlet uses that the other versions do not "
    "(printed in bold).",
    shaded=True,
)
#: Every term of a user lexicon: a neutral grey with the one underline no
#: lexicon category uses.
CUSTOM_CATEGORY = Category(
    "custom",
    "Custom term",
    "#666666",
    "dashdotdot",
    "A term from your own lexicon.",
)


def parse_categories(text: str, source: str = "categories.tsv") -> tuple[Category, ...]:
    """Parse a categories file (id, label, colour, underline, description per row).

    Raises :class:`LexiconError` naming the row when one is malformed.
    """
    found: list[Category] = []
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.reader(rows[1:], delimiter="\t"), start=2):
        if len(row) != 5:
            raise LexiconError(
                f"{source} row {number} has {len(row)} columns; it needs id, label, "
                "colour, underline and description."
            )
        cid, label, colour, underline, description = (c.strip() for c in row)
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
            raise LexiconError(f"{source} row {number}: {colour!r} is not a #rrggbb colour.")
        if underline not in UNDERLINES:
            raise LexiconError(
                f"{source} row {number}: unknown underline style {underline!r} "
                f"(use one of {', '.join(sorted(UNDERLINES))})."
            )
        found.append(Category(cid, label, colour, underline, description))  # type: ignore[arg-type]
    return tuple(found)


@cache
def load_categories() -> tuple[Category, ...]:
    """The lexicon categories of resources/lexicons/categories.tsv, in file order."""
    from analysis.resources import resource_path

    path = resource_path("lexicons", "categories.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(
            f"FrameLens cannot read its highlight categories ({path}): {exc}"
        ) from exc
    return parse_categories(text, path.name)


def category(category_id: str) -> Category:
    """The category ``category_id``; a user lexicon's own categories share the custom look."""
    if category_id == SUBJECTIVE:
        return SUBJECTIVE_CATEGORY
    if category_id == DIFFERENCE:
        return DIFFERENCE_CATEGORY
    for c in load_categories():
        if c.id == category_id:
            return c
    name = category_id.removeprefix(CUSTOM_PREFIX).replace("_", " ")
    return Category(
        category_id,
        name[:1].upper() + name[1:],
        CUSTOM_CATEGORY.colour,
        CUSTOM_CATEGORY.underline,
        CUSTOM_CATEGORY.description,
    )
