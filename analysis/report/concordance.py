"""The report's concordance section: the terms the user chose, in context
(:mod:`analysis.kwic`), counted per outlet and charted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from analysis.model import Corpus
from analysis.report.document import (
    Block,
    Bullets,
    Heading,
    Paragraph,
    Table,
    table_from_rows,
)

if TYPE_CHECKING:
    from analysis.compare.results import Comparison

#: How many hits of each concordance pattern a report lists at most.
MAX_CONCORDANCE_HITS = 25
#: Characters of context each side of a concordance hit in a report.
CONCORDANCE_WIDTH = 40


def concordance_blocks(
    corpus: Corpus,
    comparison: Comparison | None,
    patterns: Sequence[str],
    *,
    limit: int = MAX_CONCORDANCE_HITS,
    width: int = CONCORDANCE_WIDTH,
) -> tuple[Block, ...]:
    """The concordance of each pattern the user chose (:mod:`analysis.kwic`): counts
    per outlet and alternative, a chart of which outlet uses which, the first hits.

    With no pattern, says how to choose one and lists suggestions from the story.
    """
    from analysis.chartdata import terms_chart
    from analysis.errors import PatternError
    from analysis.kwic import KwicCorpus, concordance, suggest_alternatives

    if not patterns:
        blocks: list[Block] = [
            Paragraph(
                "No terms were chosen for the concordance. Type a word, a phrase or "
                "alternatives such as 'invasion | war | conflict' in the Concordance tab "
                "and press Add to report (or pass --kwic to framelens report).",
                note=True,
            )
        ]
        suggested = suggest_alternatives(corpus, comparison)
        if suggested:
            blocks.append(Paragraph("Alternatives the outlets of this story split between them:"))
            blocks.append(Bullets(tuple(f"{s.pattern} ({s.reason})" for s in suggested)))
        return tuple(blocks)
    prepared = KwicCorpus.from_corpus(corpus, comparison)
    blocks = [
        Paragraph(
            "Every occurrence of the chosen terms in context. Rates are per 1,000 words of "
            "the outlet's own voice; occurrences inside quotations are the sources' words "
            "and are counted apart.",
            note=True,
        )
    ]
    for pattern in patterns:
        blocks.append(Heading(pattern, 3))
        try:
            result = concordance(prepared, pattern, width=width)
        except PatternError as error:
            blocks.append(Paragraph(str(error), note=True))
            continue
        table = result.table()
        several = len(result.terms) > 1
        columns = ["Outlet", "Hits", "In quotations", "Per 1,000 own words"]
        if several:
            columns += list(result.terms)
        rows = []
        for o in result.outlets:
            row: list[Any] = [o.outlet, o.hits, o.quoted, o.per_1000]
            if several:
                row += [table[o.outlet][t] for t in result.terms]
            rows.append(row)
        blocks.append(table_from_rows(columns, rows))
        if several and any(o.hits for o in result.outlets):
            blocks.append(terms_chart(result))
        if result.hits:
            shown = result.hits[:limit]
            caption = (
                f"First {len(shown)} of {len(result.hits)} occurrences"
                if len(shown) < len(result.hits)
                else ""
            )
            # The left context is right-aligned so that every line lines up on the term.
            blocks.append(
                Table(
                    ("Outlet", "Left", "Term", "Right", "Voice"),
                    tuple(
                        (h.outlet, h.left.strip(), h.match, h.right.strip(),
                         "quoted" if h.voice == "quoted" else "")
                        for h in shown
                    ),
                    (False, True, False, False, False),
                    caption,
                )
            )  # fmt: skip
        else:
            blocks.append(Paragraph("No outlet uses these terms.", note=True))
    return tuple(blocks)
