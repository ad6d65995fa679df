"""A comparison report's content as immutable values, free of Qt and markup.

:func:`build_report_data` turns an analysed corpus and its comparison into one
:class:`ReportData`: a title, a date and sections of typed blocks that every
renderer (gui/report: the printed and PDF document, the HTML export) walks.

- :mod:`analysis.report.document`: the values (blocks, sections, the report),
  the section ids and the highlight styles;
- :mod:`analysis.report.sections`: what each section shows;
- :mod:`analysis.report.concordance`: the concordance of the chosen terms;
- :mod:`analysis.report.markdown`: the methodology, from Markdown;
- :mod:`analysis.report.build`: the entry point.

The charts' data is :mod:`analysis.chartdata`'s, shared with the dashboard.
"""

from __future__ import annotations

from analysis.categories import DIFFERENCE, SUBJECTIVE
from analysis.chartdata import Chart
from analysis.report.build import build_report_data, format_date
from analysis.report.concordance import (
    CONCORDANCE_WIDTH,
    MAX_CONCORDANCE_HITS,
    concordance_blocks,
)
from analysis.report.document import (
    DEFAULT_SECTIONS,
    SECTION_IDS,
    SECTION_TITLES,
    SECTIONS,
    Block,
    Bullets,
    CategoryStyle,
    Heading,
    HighlightedText,
    Legend,
    Paragraph,
    ReportData,
    Section,
    Span,
    Table,
    default_styles,
    normalise_sections,
    parse_categories,
)
from analysis.report.markdown import methodology_blocks
from analysis.report.sections import (
    EXCERPT_SENTENCES,
    MAX_ALIGNED_GROUPS,
    OutletScores,
    choose_highlights,
    default_methodology,
    outlet_scores,
    spans_for,
)

__all__ = [
    "CONCORDANCE_WIDTH",
    "DEFAULT_SECTIONS",
    "DIFFERENCE",
    "EXCERPT_SENTENCES",
    "MAX_ALIGNED_GROUPS",
    "MAX_CONCORDANCE_HITS",
    "SECTIONS",
    "SECTION_IDS",
    "SECTION_TITLES",
    "SUBJECTIVE",
    "Block",
    "Bullets",
    "CategoryStyle",
    "Chart",
    "Heading",
    "HighlightedText",
    "Legend",
    "OutletScores",
    "Paragraph",
    "ReportData",
    "Section",
    "Span",
    "Table",
    "build_report_data",
    "choose_highlights",
    "concordance_blocks",
    "default_methodology",
    "default_styles",
    "format_date",
    "methodology_blocks",
    "normalise_sections",
    "outlet_scores",
    "parse_categories",
    "spans_for",
]
