"""The dashboard: per-outlet scores, charts, distinctive words, labels and quoting.

:class:`DashboardWidget` is self-contained: the main window calls
:meth:`DashboardWidget.set_data` with a :class:`~analysis.model.Corpus` and its
:class:`~analysis.compare.Comparison` (or ``None`` while that is computed).
pandas is imported only when data arrives, so building the window stays fast.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from analysis import chartdata
from analysis.chartdata import LOADED_PREFIX
from gui.models.dataframe_model import DataFrameModel
from gui.widgets.charts import (
    FramesChart,
    LoadedTermsChart,
    SourcesChart,
    SubjectivityChart,
)
from gui.widgets.table_view import CopyableTableView

log = logging.getLogger(__name__)

#: Columns of the outlet table shown first, in this order, with their titles
#: and explanations (``analysis.tables.outlet_table``; any other column follows).
SCORE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("articles", "Articles", "Articles from this outlet"),
    ("words", "Words", "Words in this outlet's articles"),
    ("sentences", "Sentences", "Sentences in this outlet's articles"),
    (
        "subjectivity",
        "Subjectivity",
        "Mean TextBlob subjectivity of the outlet's own sentences (quotations aside): "
        "0 = factual, 1 = opinion",
    ),
    (
        "polarity",
        "Polarity",
        "Mean TextBlob polarity of the outlet's own sentences: −1 negative to +1 positive",
    ),
    (
        "subjective_share",
        "Subjective\nshare",
        "Share of the outlet's own sentences with a TextBlob subjectivity of at least 0.5",
    ),
    (
        "loaded_per_1000",
        "Loaded terms\n/1,000 words",
        "Loaded terms in the outlet's own voice per 1,000 of its own words "
        "(quotations and vocabulary every outlet shares aside)",
    ),
    (
        "bias",
        "Bias\nestimate",
        "Mean per-sentence bias estimate (0–1) of the outlet's own sentences; shown only "
        "when it separates the outlets; see Help › Methodology",
    ),
    (
        "top_terms",
        "Most frequent\nloaded terms",
        "The loaded terms this outlet uses most in its own voice",
    ),
    ("quoted_words", "Quoted\nwords", "Words inside quotations: the sources' words"),
    (
        "quoted_subjectivity",
        "Quoted\nsubjectivity",
        "Mean TextBlob subjectivity of the quoted sentences",
    ),
    (
        "quoted_loaded_per_1000",
        "Quoted loaded\n/1,000 words",
        "Loaded terms inside quotations per 1,000 quoted words",
    ),
    ("quoted_terms", "Loaded terms\nin quotations", "The loaded terms the sources use most"),
)
#: Decimals shown per column (others: 2).
DECIMALS = {"loaded_per_1000": 1, "quoted_loaded_per_1000": 1, "z": 2}
#: Shares (0–1) shown as percentages, as the report shows them.
PERCENTS = ("subjective_share", "share")
#: Distinctive words shown per outlet.
DISTINCTIVE_PER_OUTLET = 15


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("secondary", True)
    _mute(label, label.palette())
    return label


def _mute(label: QLabel, source: QPalette) -> None:
    """Give ``label`` a secondary text colour (from ``source``) for light and dark themes."""
    palette = QPalette(source)
    role = QPalette.ColorRole
    text, window = palette.color(role.WindowText), palette.color(role.Window)
    muted = QColor.fromRgbF(
        text.redF() * 0.7 + window.redF() * 0.3,
        text.greenF() * 0.7 + window.greenF() * 0.3,
        text.blueF() * 0.7 + window.blueF() * 0.3,
    )
    palette.setColor(role.WindowText, muted)
    label.setPalette(palette)


class _FittedTable(CopyableTableView):
    """A table that is exactly as tall as its rows (the page scrolls, not the table)."""

    def __init__(self, name: str, max_rows: int = 25) -> None:
        super().__init__()
        self._max_rows = max_rows
        self.setAccessibleName(name)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setStretchLastSection(False)
        # A long text in the last column wraps onto more lines rather than being cut.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def fit(self) -> None:
        """Size columns to their contents and the table to its rows (up to ``max_rows``)."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        stretch = header.stretchLastSection()
        last = header.logicalIndex(header.count() - 1) if header.count() else -1
        for column in range(header.count()):
            if stretch and column == last:
                continue  # sized by the header to the room left
            header.resizeSection(column, min(header.sectionSize(column) + 8, 360))
        width = header.length() + 2 * self.frameWidth()
        if header.stretchLastSection():
            # The last (text) column takes what room is left and wraps (see _update_height).
            self._update_height()
            return
        # Compact tables sit at the left; wide ones fill the page and scroll sideways.
        self.setMaximumWidth(
            width + self.verticalScrollBar().sizeHint().width() * (rows > self._max_rows)
        )
        self._update_height()

    def _update_height(self) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        shown = max(1, min(rows, self._max_rows))
        header = self.horizontalHeader()
        last = header.logicalIndex(header.count() - 1) if header.count() else -1
        stretched = header.stretchLastSection() and last >= 0
        if stretched and rows:
            self.resizeRowsToContents()  # the stretched column wraps to its new width
        rows_height = (
            sum(self.rowHeight(r) for r in range(shown))
            if rows
            else self.verticalHeader().defaultSectionSize()
        )
        # A stretched last section is as wide as the room left: measure without it.
        needed = header.length() - (header.sectionSize(last) - 80 if stretched else 0)
        wide = needed + 2 * self.frameWidth() > self.width()
        scrollbar = self.horizontalScrollBar().sizeHint().height() if wide else 0
        height = header.sizeHint().height() + rows_height + 2 * self.frameWidth() + scrollbar
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_height()


class DashboardWidget(QWidget):
    """Per-outlet scores table, four charts, and the comparison's word tables."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corpus: Any = None
        self._comparison: Any = None

        self.scores_model = DataFrameModel(decimals=DECIMALS, percents=PERCENTS)
        self.distinctive_model = DataFrameModel(show_index=False, decimals=DECIMALS)
        self.labels_model = DataFrameModel(show_index=True)
        self.concepts_model = DataFrameModel(show_index=False)
        self.quoting_model = DataFrameModel(show_index=True, decimals=DECIMALS, percents=PERCENTS)
        self.sources_model = DataFrameModel(show_index=False)

        self.scores_view = self._table(self.scores_model, "Scores per outlet", 20)
        self.scores_view.horizontalHeader().setStretchLastSection(True)
        self.distinctive_view = self._table(self.distinctive_model, "Distinctive words", 15)
        self.labels_view = self._table(self.labels_model, "How outlets describe people", 12)
        self.concepts_view = self._table(self.concepts_model, "Word choice", 12)
        self.quoting_view = self._table(self.quoting_model, "Quoting", 20)
        self.sources_view = self._table(self.sources_model, "Sources", 15)

        self.subjectivity_chart = SubjectivityChart()
        self.loaded_chart = LoadedTermsChart()
        self.frames_chart = FramesChart()
        self.sources_chart = SourcesChart()

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._placeholder = QLabel(
            "Open or drop articles from two or more outlets: their scores, charts and "
            "word choices appear here."
        )
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setProperty("secondary", True)
        _mute(self._placeholder, self.palette())
        self._comparison_note = _note("")

        content = QWidget()
        content.setObjectName("dashboardContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(self._summary)
        layout.addWidget(self._placeholder)

        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(_section_title("Scores per outlet"))
        body.addWidget(
            _note(
                "Click a column to sort; select rows and press Ctrl+C to copy them "
                "for a spreadsheet. Hover a column title for what it measures."
            )
        )
        self.category_box = QCheckBox("Show loaded terms by &category")
        self.category_box.setToolTip(
            "Add a column per lexicon category (loaded terms of that category per 1,000 words)"
        )
        self.category_box.toggled.connect(self._show_category_columns)
        body.addWidget(self.category_box)
        body.addWidget(self.scores_view)
        body.addWidget(_section_title("Charts"))
        charts = QGridLayout()
        charts.setSpacing(12)
        for i, chart in enumerate(
            (self.subjectivity_chart, self.loaded_chart, self.frames_chart, self.sources_chart)
        ):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(1, 1, 1, 1)
            inner.addWidget(chart)
            charts.addWidget(frame, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        body.addLayout(charts)
        body.addWidget(self._comparison_note)
        self._comparison_widgets: list[QWidget] = []
        for title, note, view in (
            (
                "Distinctive words",
                "Words one outlet uses more than the others (weighted log-odds); only "
                "words with z of 1.96 or more, unlikely to be chance, and never names or dates.",
                self.distinctive_view,
            ),
            (
                "How outlets describe people",
                "Titles, appositions and clauses attached to the people in the story.",
                self.labels_view,
            ),
            (
                "Word choice",
                "Which word each outlet picks for the same thing (resources/concepts.tsv).",
                self.concepts_view,
            ),
            (
                "Quoting",
                "How much of each outlet's text is other people's words, and whose.",
                self.quoting_view,
            ),
            (
                "Sources",
                "Who each outlet cites: quotations and their words, claims reported "
                "without quotation marks, and sources no other outlet cites.",
                self.sources_view,
            ),
        ):
            widgets = [_section_title(title), _note(note), view]
            if view is self.distinctive_view:
                # Outlets with no word that passes the test, and why (too little text, ...).
                self.distinctive_notes = _note("")
                widgets.append(self.distinctive_notes)
            for widget in widgets:
                body.addWidget(widget)
            self._comparison_widgets += widgets
        body.addStretch(1)
        layout.addWidget(self._body)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._scroll = scroll
        self.set_data(None, None)

    # -- public API ------------------------------------------------------
    def set_data(self, corpus: Any, comparison: Any = None, *, outlet_table: Any = None) -> None:
        """Show ``corpus`` and ``comparison`` (either may be ``None``).

        ``outlet_table`` is ``analysis.tables.outlet_table(corpus)`` when the
        caller already has it (e.g. computed in a worker); otherwise it is
        computed here.
        """
        self._corpus = corpus
        self._comparison = comparison
        has_articles = corpus is not None and bool(corpus.articles)
        self._placeholder.setVisible(not has_articles)
        self._body.setVisible(has_articles)
        if not has_articles:
            self._summary.setText("")
            self.scores_model.set_frame(None)
            for model in (
                self.distinctive_model,
                self.labels_model,
                self.concepts_model,
                self.quoting_model,
                self.sources_model,
            ):
                model.set_frame(None)
            for chart in (
                self.subjectivity_chart,
                self.loaded_chart,
                self.frames_chart,
                self.sources_chart,
            ):
                chart.set_data({})
            return
        if outlet_table is None:
            outlet_table = self._outlet_table(corpus)
        self._show_scores(outlet_table)
        self.subjectivity_chart.set_data(chartdata.subjectivity_chart(corpus).samples_by_outlet())
        self.loaded_chart.set_data(
            chartdata.loaded_chart(corpus, outlet_table).cells_by_outlet()
            if outlet_table is not None
            else {}
        )
        self._show_comparison(comparison)
        sentences = sum(len(a.sentences) for a in corpus.articles)
        outlets = len(corpus.outlets)
        articles = len(corpus.articles)
        self._summary.setText(
            f"{outlets} outlet{'s' if outlets != 1 else ''} · {articles} article"
            f"{'s' if articles != 1 else ''} · {sentences:,} sentences"
        )

    def corpus(self) -> Any:
        return self._corpus

    def comparison(self) -> Any:
        return self._comparison

    def charts(self) -> tuple[Any, ...]:
        """The chart widgets (each has ``paint_to(painter, rect, palette)``)."""
        return (self.subjectivity_chart, self.loaded_chart, self.frames_chart, self.sources_chart)

    def changeEvent(self, event: Any) -> None:
        # Secondary labels carry a colour computed from the palette: recompute on theme change.
        if event.type() == QEvent.Type.PaletteChange:
            for label in self.findChildren(QLabel):
                if label.property("secondary"):
                    _mute(label, self.palette())
        super().changeEvent(event)

    # -- pieces ----------------------------------------------------------
    def _table(self, model: DataFrameModel, name: str, max_rows: int) -> _FittedTable:
        view = _FittedTable(name, max_rows)
        view.setModel(model)
        model.modelReset.connect(view.fit)
        return view

    @staticmethod
    def _outlet_table(corpus: Any) -> Any:
        from analysis.tables import outlet_table

        return outlet_table(corpus)

    def _show_scores(self, table: Any) -> None:
        if table is None:
            self.scores_model.set_frame(None)
            return
        known = [c for c, _, _ in SCORE_COLUMNS if c in table.columns]
        if self._corpus is not None and "bias" in known:
            from analysis.tables import bias_spread

            if not bias_spread(self._corpus).separates:
                # The estimate does not tell these outlets apart: it is not shown.
                known.remove("bias")
                table = table.drop(columns=["bias"])
        per_category = [c for c in table.columns if str(c).startswith(LOADED_PREFIX)]
        rest = [c for c in table.columns if c not in known and c not in per_category]
        # Per-category rates go right after the overall rate they break down.
        order: list[Any] = []
        for column in known:
            order.append(column)
            if column == "loaded_per_1000":
                order += per_category
        order += rest
        if "loaded_per_1000" not in known:
            order += per_category
        headers = {c: title for c, title, _ in SCORE_COLUMNS}
        tooltips = {c: tip for c, _, tip in SCORE_COLUMNS}
        categories = {c.id: c.label for c in self.loaded_chart.categories()}
        for column in per_category:
            category = str(column)[len(LOADED_PREFIX) :]
            label = categories.get(category, category.replace("_", " "))
            headers[column] = f"{label}\n/1,000 words"
            tooltips[column] = f"{label} terms per 1,000 words"
        headers[table.index.name or ""] = "Outlet"
        decimals = dict(DECIMALS)
        decimals.update({c: 1 for c in per_category})
        self.scores_model.set_columns(headers=headers, tooltips=tooltips, decimals=decimals)
        self.scores_model.set_frame(table[order])
        self._show_category_columns(self.category_box.isChecked())

    def _show_category_columns(self, shown: bool) -> None:
        """Show or hide the per-category rates (the loaded-terms chart shows them too)."""
        model = self.scores_model
        for column in range(model.columnCount()):
            if model.column_name(column).startswith(LOADED_PREFIX):
                self.scores_view.setColumnHidden(column, not shown)
        self.scores_view.fit()

    def _show_comparison(self, comparison: Any) -> None:
        import pandas as pd

        for widget in self._comparison_widgets:
            widget.setVisible(comparison is not None)
        if comparison is None:
            self._comparison_note.setText(
                "Comparing the outlets… (frames, quotes and word choice follow)"
            )
            self._comparison_note.setVisible(True)
            self.frames_chart.set_data({})
            self.sources_chart.set_data({})
            return
        self._comparison_note.setVisible(False)
        self.frames_chart.set_data(chartdata.frames_chart(comparison).cells_by_outlet())
        self.sources_chart.set_data(chartdata.sources_chart(comparison).cells_by_outlet())

        distinctive = _top_per_outlet(comparison.distinctive, DISTINCTIVE_PER_OUTLET)
        self.distinctive_notes.setText(
            "\n".join(f"{n.outlet}: {n.note}" for n in comparison.distinctive_notes)
        )
        self.distinctive_notes.setVisible(bool(comparison.distinctive_notes))
        self.distinctive_model.set_columns(
            headers={
                "outlet": "Outlet",
                "term": "Word",
                "z": "z-score",
                "count": "Uses here",
                "other_count": "Uses elsewhere",
                "articles": "Articles",
            },
            tooltips={
                "z": "How far this outlet's use of the word stands out "
                "(|z| > 1.96: unlikely to be chance)",
                "other_count": "Uses in all the other outlets together",
            },
        )
        self.distinctive_model.set_frame(
            pd.DataFrame(
                [
                    {
                        "outlet": t.outlet,
                        "term": t.term,
                        "z": t.z,
                        "count": t.count,
                        "other_count": t.other_count,
                        "articles": t.articles,
                    }
                    for t in distinctive
                ],
                columns=["outlet", "term", "z", "count", "other_count", "articles"],
            )
        )

        labels = comparison.labels
        outlets = list(comparison.outlets)
        label_rows = []
        for actor in labels.actors():
            descriptions = labels.descriptions(actor)
            label_rows.append(
                {"actor": actor, **{o: "; ".join(descriptions.get(o, ())) for o in outlets}}
            )
        frame = pd.DataFrame(label_rows, columns=["actor", *outlets]).set_index("actor")
        self.labels_model.set_columns(headers={"actor": "Person"})
        self.labels_model.set_frame(frame)

        concept_counts: dict[tuple[str, str], dict[str, int]] = {}
        for record in labels.concepts:
            row = concept_counts.setdefault((record.concept, record.term), {})
            row[record.outlet] = row.get(record.outlet, 0) + record.count
        concepts = pd.DataFrame(
            [
                {"concept": concept, "term": term, **{o: counts.get(o, 0) for o in outlets}}
                for (concept, term), counts in sorted(concept_counts.items())
                if any(counts.values())  # a word no outlet uses tells nothing here
            ],
            columns=["concept", "term", *outlets],
        )
        self.concepts_model.set_columns(headers={"concept": "Concept", "term": "Word"})
        self.concepts_model.set_frame(concepts)

        from analysis.compare.quotes import kind_label, kinds_summary, sources_frame

        kinds = kinds_summary(comparison.quotes)
        verbs: dict[str, list[tuple[int, str]]] = {}
        for record in comparison.quotes.verbs:
            verbs.setdefault(record.outlet, []).append((record.count, record.verb))
        quoting = pd.DataFrame(
            [
                {
                    "outlet": q.outlet,
                    "quotes": q.quotes,
                    "quoted_words": q.quoted_words,
                    "share": q.share,
                    "kinds": kinds.get(q.outlet, ""),
                    "verbs": ", ".join(
                        v
                        for _, v in sorted(verbs.get(q.outlet, []), key=lambda x: (-x[0], x[1]))[:5]
                    ),
                }
                for q in comparison.quotes.outlets
            ],
            columns=["outlet", "quotes", "quoted_words", "share", "kinds", "verbs"],
        ).set_index("outlet")
        self.quoting_model.set_columns(
            headers={
                "outlet": "Outlet",
                "quotes": "Quotations",
                "quoted_words": "Quoted words",
                "share": "Share of text quoted",
                "kinds": "Sources by kind",
                "verbs": "Attribution verbs used most",
            }
        )
        self.quoting_model.set_frame(quoting)
        sources = sources_frame(comparison.quotes)
        sources["only_here"] = sources["only_here"].map({True: "yes", False: ""})
        sources["kind"] = [
            kind_label(k, g) for k, g in zip(sources["kind"], sources["group"], strict=True)
        ]
        sources = sources.drop(columns="group")
        self.sources_model.set_columns(
            headers={
                "outlet": "Outlet",
                "source": "Source",
                "kind": "Kind",
                "role": "Role given",
                "quotes": "Quotations",
                "words": "Quoted words",
                "claims": "Reported claims",
                "only_here": "Only this outlet",
            }
        )
        self.sources_model.set_frame(sources)


def _top_per_outlet(terms: Any, limit: int) -> list[Any]:
    """The ``limit`` highest-z terms per outlet, grouped by outlet in their order."""
    by_outlet: dict[str, list[Any]] = {}
    for term in terms:
        by_outlet.setdefault(term.outlet, []).append(term)
    result = []
    for outlet_terms in by_outlet.values():
        result += sorted(outlet_terms, key=lambda t: -t.z)[:limit]
    return result


__all__ = ["DashboardWidget", "SCORE_COLUMNS"]
