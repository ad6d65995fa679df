"""The content of a comparison report as immutable values, free of Qt and markup.

One :class:`ReportData` feeds every output format: the QTextDocument that the
preview, the printer and the PDF share, and the HTML export. It is a title, a
date and an ordered tuple of :class:`Section` values, each a tuple of typed
blocks (:class:`Paragraph`, :class:`Table`, :class:`Chart`, :class:`Legend`,
:class:`HighlightedText`, ...). Renderers walk the blocks; they never decide
*what* goes into a report, only how it looks.

Every string here is plain text taken from articles or computed from them.
Renderers must treat it as text (escape it in HTML, insert it with
``QTextCursor.insertText``), never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.categories import (
    DIFFERENCE_CATEGORY,
    SUBJECTIVE_CATEGORY,
    Category,
    category,
    load_categories,
)
from analysis.categories import parse_categories as _parse_categories
from analysis.chartdata import Chart
from analysis.errors import LexiconError, ReportError

#: Section ids in report order, with their headings. ``--sections`` and the
#: sections dialog use the ids.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("key", "Key framing differences"),
    ("articles", "Articles"),
    ("summary", "Per-outlet summary"),
    ("charts", "Charts"),
    ("aligned", "Aligned statements"),
    ("excerpts", "Highlighted excerpts"),
    ("distinctive", "Distinctive words"),
    ("labels", "Labels"),
    ("concordance", "Concordance"),
    ("quotes", "Quotes"),
    ("frames", "Frames"),
    ("methodology", "Methodology and limits"),
)
SECTION_IDS: tuple[str, ...] = tuple(s for s, _ in SECTIONS)
SECTION_TITLES: dict[str, str] = dict(SECTIONS)
DEFAULT_SECTIONS: tuple[str, ...] = SECTION_IDS


# --------------------------------------------------------------------------- values


#: A report's legend entry is a highlight category (:mod:`analysis.categories`).
CategoryStyle = Category


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; ``category`` is empty for plain text."""

    text: str
    category: str = ""
    #: Why the span is marked, in plain words (HTML shows it as a tooltip).
    reason: str = ""
    #: "quoted" for a highlight inside a quotation (a source's words, drawn in
    #: its own style), "shared" for vocabulary every outlet uses, else "outlet".
    voice: str = "outlet"


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section: level 2 (e.g. an outlet) or 3 (an article)."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Plain running text; ``note`` paragraphs are smaller and grey.

    ``code`` paragraphs (formulas, examples) keep their line breaks and are
    set in a monospaced font.
    """

    text: str
    note: bool = False
    code: bool = False


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list of plain strings."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of display strings; ``numeric`` columns are right-aligned."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Legend:
    """The highlight styles used in the report, with their meaning."""

    categories: tuple[CategoryStyle, ...]


@dataclass(frozen=True, slots=True)
class HighlightedText:
    """A labelled passage (an excerpt or one outlet's version of a statement)."""

    label: str
    spans: tuple[Span, ...]
    #: Small print after the label, e.g. "sentence 4 · bias 0.62".
    note: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


Block = Heading | Paragraph | Bullets | Table | Chart | Legend | HighlightedText


@dataclass(frozen=True, slots=True)
class Section:
    """One report section: an id from :data:`SECTION_IDS`, a heading, blocks."""

    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report shows, in order. Renderers add only the look."""

    title: str
    #: The date the report was made, e.g. "23 November 2026".
    date: str
    #: One line under the title: how many articles from how many outlets.
    subtitle: str
    sections: tuple[Section, ...]
    #: Every highlight style in the report (renderers build their formats from it).
    styles: tuple[CategoryStyle, ...]

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    def style(self, category_id: str) -> CategoryStyle:
        """Return the style of ``category_id`` (custom categories share a neutral one)."""
        for style in self.styles:
            if style.id == category_id:
                return style
        return category(category_id)


# --------------------------------------------------------------------------- styles


def parse_categories(text: str) -> tuple[CategoryStyle, ...]:
    """Parse the text of ``categories.tsv`` (:func:`analysis.categories.parse_categories`).

    Raises :class:`ReportError` naming the row when one is malformed.
    """
    try:
        return _parse_categories(text)
    except LexiconError as exc:
        raise ReportError(str(exc)) from exc


def default_styles() -> tuple[CategoryStyle, ...]:
    """The lexicon categories plus the report's own: subjective words first, difference last."""
    try:
        return (SUBJECTIVE_CATEGORY, *load_categories(), DIFFERENCE_CATEGORY)
    except LexiconError as exc:
        raise ReportError(str(exc)) from exc


# --------------------------------------------------------------------------- tables


def _fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def table_from_rows(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = ""
) -> Table:
    """Make a display table; floats get two decimals, numeric columns align right."""
    rows = [list(r) for r in rows]
    numeric = []
    for col in range(len(columns)):
        values = [r[col] for r in rows if r[col] is not None and r[col] != ""]
        numeric.append(bool(values) and all(_is_number(v) for v in values))
    shown = tuple(
        tuple("" if v is None else _fmt(v) if isinstance(v, float) else str(v) for v in r)
        for r in rows
    )
    return Table(tuple(columns), shown, tuple(numeric), caption)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and re.fullmatch(r"[-−+]?[\d.,]+%?", value) is not None


# --------------------------------------------------------------------------- section ids


def normalise_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    """Validate section ids and put them in report order (None → all sections).

    Raises :class:`ReportError` naming unknown ids and listing the valid ones.
    """
    if sections is None:
        return DEFAULT_SECTIONS
    wanted = [s.strip().lower() for s in sections if s.strip()]
    unknown = [s for s in wanted if s not in SECTION_TITLES]
    if unknown:
        raise ReportError(
            f"Unknown report section {', '.join(repr(u) for u in unknown)}; "
            f"choose from {', '.join(SECTION_IDS)}."
        )
    return tuple(s for s in SECTION_IDS if s in wanted)
