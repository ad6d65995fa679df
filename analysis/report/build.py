"""The entry point: :func:`build_report_data` collects a report's sections."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from analysis.categories import DIFFERENCE
from analysis.model import Corpus
from analysis.report.concordance import concordance_blocks
from analysis.report.document import (
    SECTION_TITLES,
    Block,
    CategoryStyle,
    Paragraph,
    ReportData,
    Section,
    default_styles,
    normalise_sections,
)
from analysis.report.sections import (
    EXCERPT_SENTENCES,
    MAX_ALIGNED_GROUPS,
    aligned_section,
    articles_section,
    charts_section,
    default_methodology,
    distinctive_section,
    excerpts_section,
    frames_section,
    key_section,
    labels_section,
    methodology_section,
    outlet_scores,
    quotes_section,
    summary_section,
)

if TYPE_CHECKING:
    from analysis.compare.results import Comparison


def format_date(when: _dt.date) -> str:
    """A date as people write it, e.g. "3 May 2026" (no locale surprises)."""
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return f"{when.day} {months[when.month - 1]} {when.year}"


def build_report_data(
    corpus: Corpus,
    comparison: Comparison | None = None,
    *,
    sections: Iterable[str] | None = None,
    title: str = "",
    date: _dt.date | None = None,
    styles: Sequence[CategoryStyle] | None = None,
    methodology: str | None = None,
    excerpt_sentences: int = EXCERPT_SENTENCES,
    aligned_groups: int = MAX_ALIGNED_GROUPS,
    concordance: Sequence[str] = (),
) -> ReportData:
    """Collect a report's content from an analysed corpus and its comparison.

    ``comparison`` is :func:`analysis.compare.compare`'s result; without one,
    the comparison sections say so instead of showing data. ``sections``
    picks and orders sections (ids from :data:`SECTION_IDS`; None for all).
    ``styles`` default to the built-in categories and ``methodology`` to
    resources/methodology.md. ``concordance`` holds the patterns the user chose
    for the concordance section (:func:`concordance_blocks`).
    """
    chosen = normalise_sections(sections)
    styles = tuple(styles) if styles is not None else default_styles()
    outlets = corpus.outlets
    n = len(corpus.articles)
    subtitle = (
        f"{n} article{'s' if n != 1 else ''} from {len(outlets)} "
        f"outlet{'s' if len(outlets) != 1 else ''}"
    )
    if outlets:
        subtitle += ": " + ", ".join(outlets)
    if not title:
        title = "FrameLens comparison report"
    scores = outlet_scores(corpus)
    no_comparison = "No comparison is available for this report."
    built: list[Section] = []
    for sid in chosen:
        blocks: tuple[Block, ...]
        if sid == "key":
            blocks = key_section(corpus, comparison)
        elif sid == "articles":
            blocks = articles_section(corpus)
        elif sid == "summary":
            blocks = summary_section(scores, corpus)
        elif sid == "charts":
            blocks = charts_section(corpus, comparison)
        elif sid == "excerpts":
            legend = [s for s in styles if s.id != DIFFERENCE]
            blocks = excerpts_section(corpus, legend, excerpt_sentences)
        elif sid == "concordance":
            blocks = concordance_blocks(corpus, comparison, concordance)
        elif sid == "methodology":
            blocks = methodology_section(
                methodology if methodology is not None else default_methodology(), corpus
            )
        elif comparison is None:
            blocks = (Paragraph(no_comparison, note=True),)
        elif sid == "aligned":
            blocks = aligned_section(comparison, corpus, aligned_groups)
        elif sid == "distinctive":
            blocks = distinctive_section(comparison)
        elif sid == "labels":
            blocks = labels_section(comparison)
        elif sid == "quotes":
            blocks = quotes_section(comparison)
        else:  # frames
            blocks = frames_section(comparison)
        built.append(Section(sid, SECTION_TITLES[sid], blocks))
    return ReportData(
        title=title,
        date=format_date(date or _dt.date.today()),
        subtitle=subtitle,
        sections=tuple(built),
        styles=styles,
    )
