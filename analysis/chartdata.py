"""The data of every chart, for the dashboard and the report alike.

Each function turns the pipeline's results into one :class:`Chart`: an
immutable value with the chart's kind, title and numbers. The dashboard
(gui/widgets/dashboard.py, gui/widgets/kwic_view.py) and the report
(analysis/report) both call these functions, so a chart on paper has the same
rows, labels and stacking order as the chart on screen. The drawing itself is
gui/widgets/charts.py's.

Orders, decided here once:

- outlets in corpus order (first appearance);
- loaded-term categories as the columns of :func:`analysis.tables.outlet_table`:
  the built-in categories in lexicon order, then any other category (a user
  lexicon's ``custom:<name>``) in sorted order; the bars stack in that order;
- frames in the codebook's order, named by :func:`frame_label`;
- speakers in the order the comparison lists them, quotations summed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analysis.model import Corpus

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison
    from analysis.kwic import Concordance

__all__ = [
    "Cells",
    "Chart",
    "ChartKind",
    "LOADED_PREFIX",
    "UNNAMED_SPEAKER",
    "frame_label",
    "frames_chart",
    "loaded_chart",
    "sources_chart",
    "subjectivity_chart",
    "terms_chart",
]

ChartKind = Literal["subjectivity", "loaded", "frames", "sources", "terms"]

#: ``(outlet, ((key, value), ...)), ...``: one row of values per outlet.
Cells = tuple[tuple[str, tuple[tuple[str, float], ...]], ...]

#: The prefix of the per-category columns of :func:`analysis.tables.outlet_table`.
LOADED_PREFIX = "loaded_per_1000_"
#: The name a quotation without a named speaker is counted under.
UNNAMED_SPEAKER = "(unnamed)"


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart's data as plain values.

    ``kind`` names the chart (gui.widgets.charts draws each): "subjectivity"
    reads ``samples`` (per outlet, every sentence's subjectivity); "loaded"
    (per outlet, per category rate), "frames" (per outlet, per frame share),
    "sources" (per outlet, per speaker quotes) and "terms" (per outlet, per
    alternative of a concordance pattern, hits) read ``cells``.
    """

    kind: ChartKind
    title: str
    samples: tuple[tuple[str, tuple[float, ...]], ...] = ()
    cells: Cells = ()
    #: A one-line explanation printed under the chart.
    caption: str = ""

    @property
    def rows(self) -> int:
        """Bars (outlets) for bar charts, distinct row keys for heat maps."""
        if self.kind in ("subjectivity", "loaded"):
            return max(len(self.samples), len(self.cells))
        return len({key for _, pairs in self.cells for key, _ in pairs})

    def samples_by_outlet(self) -> dict[str, list[float]]:
        """``{outlet: [value, ...]}``, a new mapping (what a box plot draws)."""
        return {outlet: list(values) for outlet, values in self.samples}

    def cells_by_outlet(self) -> dict[str, dict[str, float]]:
        """``{outlet: {key: value}}``, a new mapping (what bars and heat maps draw)."""
        return {outlet: dict(pairs) for outlet, pairs in self.cells}


def subjectivity_chart(corpus: Corpus) -> Chart:
    """TextBlob subjectivity of each sentence in the outlet's own voice, per outlet.

    Quoted sentences (a source's words) are left out, as in the outlet summary,
    so the chart's mean is the table's; an outlet with nothing but quotations
    keeps them.
    """
    every: dict[str, list[float]] = {outlet: [] for outlet in corpus.outlets}
    by_outlet: dict[str, list[float]] = {outlet: [] for outlet in corpus.outlets}
    for analyzed in corpus.articles:
        for s in analyzed.sentences:
            every[analyzed.outlet].append(s.subjectivity)
            if not s.quoted:
                by_outlet[analyzed.outlet].append(s.subjectivity)
    for outlet, values in by_outlet.items():
        if not values:
            values.extend(every[outlet])
    return Chart(
        "subjectivity",
        "Subjectivity per outlet",
        samples=tuple((outlet, tuple(values)) for outlet, values in by_outlet.items()),
    )


def loaded_chart(corpus: Corpus, table: pd.DataFrame | None = None) -> Chart:
    """Loaded terms per 1,000 of the outlet's own words, per lexicon category.

    ``table`` is :func:`analysis.tables.outlet_table` of ``corpus`` when the
    caller has it already; the rates and the category order are its columns'.
    """
    if table is None:
        from analysis.tables import outlet_table

        table = outlet_table(corpus)
    columns = [str(c) for c in table.columns if str(c).startswith(LOADED_PREFIX)]
    cells = tuple(
        (
            str(outlet),
            tuple((column[len(LOADED_PREFIX) :], _number(row[column])) for column in columns),
        )
        for outlet, row in table.iterrows()
    )
    return Chart("loaded", "Loaded terms per 1,000 words", cells=cells)


def frame_label(frame: str) -> str:
    """A frame's name for people: the codebook's label, else the id in words."""
    from analysis.compare.frames import FRAME_LABELS

    return FRAME_LABELS.get(frame) or frame.replace("_", " ").capitalize()


def frames_chart(comparison: Comparison) -> Chart:
    """The share of each outlet's sentences that use a keyword of each frame."""
    by_outlet: dict[str, dict[str, float]] = {o: {} for o in comparison.outlets}
    for record in comparison.frames.outlets:
        by_outlet.setdefault(record.outlet, {})[frame_label(record.frame)] = float(record.share)
    return Chart("frames", "Frames per outlet", cells=_cells(by_outlet))


def sources_chart(comparison: Comparison) -> Chart:
    """How many quotations each outlet gives each speaker."""
    by_outlet: dict[str, dict[str, float]] = {o: {} for o in comparison.outlets}
    for record in comparison.quotes.speakers:
        if not record.quotes:
            continue  # a source of reported claims only, not quoted
        row = by_outlet.setdefault(record.outlet, {})
        speaker = record.speaker or UNNAMED_SPEAKER
        row[speaker] = row.get(speaker, 0.0) + float(record.quotes)
    return Chart("sources", "Quoted sources per outlet", cells=_cells(by_outlet))


def terms_chart(result: Concordance) -> Chart:
    """How often each outlet uses each alternative of a concordance pattern."""
    return Chart(
        "terms",
        "Which outlet uses which term",
        cells=tuple(
            (outlet, tuple((term, float(n)) for term, n in terms.items()))
            for outlet, terms in result.table().items()
        ),
    )


def _cells(by_outlet: dict[str, dict[str, float]]) -> Cells:
    return tuple((outlet, tuple(row.items())) for outlet, row in by_outlet.items())


def _number(value: object) -> float:
    """A table cell as a rate; a missing one (None, NaN, not a number) is 0."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(number) else number
