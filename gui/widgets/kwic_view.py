"""The Concordance tab: every occurrence of a word or phrase, in context, across outlets.

Type a pattern (a word, a phrase, ``~lemma``, ``wild*`` or ``a | b | c``, see
:mod:`analysis.kwic`) and the hits update as you type: one line per hit,
aligned on the term, grouped by outlet (and story), with counts per outlet
and, for alternatives, a table and heat map of which outlet uses which.
Suggestions from the story fill the field. Enter (or a double click, or a
click on the term) on a hit emits :attr:`ConcordanceView.hitActivated`; the
window then shows the hit in the side-by-side view.

Keyboard: type in the field; Down or Enter moves to the hits; Enter shows a
hit; Escape goes back to the field; Alt+S sorts, Alt+G suggests.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.chartdata import terms_chart
from analysis.errors import FrameLensError
from gui.models.kwic_model import HIT_ROLE, ConcordanceModel, OutletCountsModel

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from analysis.compare.results import Comparison
    from analysis.kwic import Concordance, KwicCorpus, SortKey, Suggestion
    from analysis.model import Corpus
    from analysis.report import ReportData
    from gui.widgets.charts import TermsChart

log = logging.getLogger(__name__)

#: How long typing must pause before the search runs (ms).
TYPING_DELAY_MS = 150
#: Most hits listed (the counts cover all): a very common word stays quick to show.
MAX_SHOWN = 2000
#: Most patterns the report keeps.
MAX_REPORT_PATTERNS = 6

# The window builds this tab at start-up: the analysis code, the charts and
# the report are imported when first used, so the window appears as fast.

SORTS: tuple[tuple[str, str], ...] = (
    ("position", "Order in the text"),
    ("left", "Left context"),
    ("right", "Right context"),
)


class _ElideLeft(QStyledItemDelegate):
    """Draws a cell elided on the left, so the words next to the term stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceView(QWidget):
    """Keyword in context across outlets, live while typing (see the module docstring)."""

    #: (corpus article index, start, end) of the hit to show in the text.
    hitActivated = Signal(int, int, int)
    #: Emitted after every search, with the number of hits (-1: the pattern has an error).
    searched = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corpus: Corpus | None = None
        self._comparison: Comparison | None = None
        self._prepared: KwicCorpus | None = None
        self._stale = False
        self.result: Concordance | None = None

        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(
            "Search all outlets: a word, a phrase, ~lemma, wild*card or invasion | war | conflict"
        )
        self.pattern.setClearButtonEnabled(True)
        self.pattern.setAccessibleName("Concordance pattern")
        self.pattern.setToolTip(
            "invasion: the word · special military operation: a phrase · ~invade: every "
            "inflection\ninvad*: * is any letters · special * operation: * alone is any word"
            " · a | b | c: alternatives\nDown or Enter: go to the hits"
        )
        self.pattern.textChanged.connect(self._typed)
        self.pattern.installEventFilter(self)
        label = QLabel("&Find:")
        label.setBuddy(self.pattern)

        self.sort = QComboBox()
        for key, text in SORTS:
            self.sort.addItem(text, key)
        self.sort.setAccessibleName("Sort hits by")
        self.sort.currentIndexChanged.connect(self._resort)
        sort_label = QLabel("&Sort:")
        sort_label.setBuddy(self.sort)

        self.suggestions = QComboBox()
        self.suggestions.setAccessibleName("Suggested alternatives from this story")
        self.suggestions.setToolTip(
            "Terms the outlets of this story use for the same thing (concept groups and "
            "aligned statements); choose one to search it"
        )
        self.suggestions.activated.connect(self._suggestion_chosen)
        suggest_label = QLabel("Su&ggested:")
        suggest_label.setBuddy(self.suggestions)

        self.report_button = QPushButton("Add to &report")
        self.report_button.setToolTip("Show this pattern in the report's Concordance section")
        self.report_button.clicked.connect(self.toggle_in_report)
        self.export_button = QPushButton("E&xport CSV…")
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.print_button = QPushButton("&Print…")
        self.print_button.clicked.connect(self.print_concordance)

        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName("Concordance summary")

        self.counts_model = OutletCountsModel(self)
        self.counts = QTableView()
        self.counts.setModel(self.counts_model)
        self.counts.setAccessibleName("Hits per outlet")
        self.counts.verticalHeader().hide()
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.setTabKeyNavigation(False)
        self._chart: TermsChart | None = None  # made for the first set of alternatives

        self.model = ConcordanceModel(self)
        self.hits = QTableView()
        self.hits.setModel(self.model)
        self.hits.setAccessibleName("Concordance hits")
        self.hits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hits.setTabKeyNavigation(False)
        self.hits.setWordWrap(False)
        self.hits.setShowGrid(False)
        self.hits.setAlternatingRowColors(True)
        self.hits.verticalHeader().hide()
        self.hits.verticalHeader().setDefaultSectionSize(self.hits.fontMetrics().height() + 6)
        self._elide_left = _ElideLeft(self.hits)
        self.hits.setItemDelegateForColumn(ConcordanceModel.LEFT, self._elide_left)
        header = self.hits.horizontalHeader()
        header.setSectionResizeMode(ConcordanceModel.OUTLET, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ConcordanceModel.LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ConcordanceModel.MATCH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConcordanceModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ConcordanceModel.VOICE, QHeaderView.ResizeMode.ResizeToContents)
        self.hits.setColumnWidth(ConcordanceModel.OUTLET, 130)
        self.hits.doubleClicked.connect(self._activate)
        self.hits.clicked.connect(self._clicked)
        self.hits.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.pattern, 1)
        top.addWidget(sort_label)
        top.addWidget(self.sort)
        top.addWidget(self.report_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        second = QHBoxLayout()
        second.addWidget(self.status, 1)
        second.addWidget(suggest_label)
        second.addWidget(self.suggestions, 1)

        summary = QWidget()
        summary_layout = QHBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.counts, 3)
        self._summary_layout = summary_layout
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(summary)
        splitter.addWidget(self.hits)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.pattern, self.sort)
        self.setTabOrder(self.sort, self.report_button)
        self.setTabOrder(self.report_button, self.export_button)
        self.setTabOrder(self.export_button, self.print_button)
        self.setTabOrder(self.print_button, self.suggestions)
        self.setTabOrder(self.suggestions, self.counts)
        self.setTabOrder(self.counts, self.hits)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self._update_buttons()
        self._show_status()

    # ------------------------------------------------------------ data
    def set_data(self, corpus: Corpus | None, comparison: Comparison | None) -> None:
        """Search these articles (None: none). The work waits until the tab is shown."""
        if corpus is self._corpus and comparison is self._comparison:
            return
        self._corpus = corpus
        self._comparison = comparison
        self._prepared = None
        self._stale = True
        if self.isVisible():
            self._refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self._refresh()
        self.pattern.setFocus()

    def _refresh(self) -> None:
        self._stale = False
        self._fill_suggestions()
        self.search_now()

    @property
    def chart(self) -> TermsChart:
        """The heat map of which outlet uses which alternative (hidden for one term)."""
        if self._chart is None:
            from gui.widgets.charts import TermsChart

            self._chart = TermsChart()
            self._chart.hide()
            self._summary_layout.addWidget(self._chart, 2, Qt.AlignmentFlag.AlignTop)
        return self._chart

    def _fill_suggestions(self) -> None:
        from analysis.kwic import suggest_alternatives

        self.suggestions.clear()
        found: tuple[Suggestion, ...] = ()
        if self._corpus is not None and self._corpus.articles:
            try:
                found = suggest_alternatives(self._corpus, self._comparison)
            except Exception:  # noqa: BLE001 - suggestions are optional
                log.exception("no suggestions")
        if not found:
            self.suggestions.addItem("(none yet: they come with the comparison)", "")
            self.suggestions.setEnabled(False)
            return
        self.suggestions.setEnabled(True)
        self.suggestions.addItem("Choose a set of alternatives…", "")
        for s in found:
            self.suggestions.addItem(f"{s.pattern}   ({s.reason})", s.pattern)

    def _suggestion_chosen(self, index: int) -> None:
        pattern = self.suggestions.itemData(index)
        if pattern:
            self.pattern.setText(pattern)
            self.search_now()
            self.pattern.setFocus()

    # ------------------------------------------------------------ searching
    def _typed(self) -> None:
        self._timer.start()

    def set_pattern(self, text: str) -> None:
        """Search ``text`` at once (as if typed and paused)."""
        self.pattern.setText(text)
        self.search_now()

    def current_sort(self) -> SortKey:
        key: SortKey = self.sort.currentData()
        return key

    def search_now(self) -> None:
        """Run the search for the field's pattern now."""
        from analysis.kwic import KwicCorpus, concordance

        self._timer.stop()
        text = self.pattern.text().strip()
        corpus = self._corpus
        error = ""
        result = None
        if text and corpus is not None and corpus.articles:
            if self._prepared is None:
                self._prepared = KwicCorpus.from_corpus(corpus, self._comparison)
            try:
                result = concordance(
                    self._prepared, text, sort=self.current_sort(), max_hits=MAX_SHOWN
                )
            except FrameLensError as exc:
                error = str(exc)
        self._show(result)
        self._show_status(error)
        self.searched.emit(-1 if error else len(result.hits) if result else 0)

    def _resort(self) -> None:
        if self.result is not None:
            self._show(self.result.sorted_by(self.current_sort()))

    def _show(self, result: Concordance | None) -> None:
        self.result = result
        self.model.set_concordance(result)
        self.counts_model.set_concordance(result)
        several = result is not None and len(result.terms) > 1
        if several and result is not None:
            self.chart.set_data(terms_chart(result).cells_by_outlet())
            self.chart.show()
        elif self._chart is not None:
            self._chart.hide()
        # Every outlet's row stays visible (room for a horizontal scroll bar too).
        rows = self.counts_model.rowCount()
        height = (
            self.counts.horizontalHeader().sizeHint().height()
            + rows * self.counts.verticalHeader().defaultSectionSize()
            + 2 * self.counts.frameWidth()
        )
        self.counts.setMinimumHeight(min(height, 320))
        self.counts.setMaximumHeight(height + self.counts.horizontalScrollBar().sizeHint().height())
        self._update_buttons()

    def _show_status(self, error: str = "") -> None:
        if error:
            self.status.setText(error)
            self.status.setStyleSheet("color: palette(link-visited);")
            return
        self.status.setStyleSheet("")
        result = self.result
        if self._corpus is None or not self._corpus.articles:
            self.status.setText("Load articles to search them.")
        elif result is None:
            self.status.setText(
                "Type a word, a phrase, ~lemma, wild* or alternatives separated by |."
            )
        else:
            outlets = sum(1 for o in result.outlets if o.hits)
            quoted = sum(o.quoted for o in result.outlets)
            total = result.total
            shown = f" (listing the first {len(result.hits):,})" if len(result.hits) < total else ""
            self.status.setText(
                f"{total:,} hit{'s' if total != 1 else ''}{shown} in "
                f"{outlets} of {len(result.outlets)} outlets ({quoted:,} inside quotations); "
                "rates per 1,000 words of each outlet's own voice"
            )

    def _update_buttons(self) -> None:
        has = self.result is not None and bool(self.result.hits)
        self.export_button.setEnabled(has)
        self.print_button.setEnabled(self.result is not None)
        self.report_button.setEnabled(self.result is not None)
        if self.result is not None and self.result.pattern in self.report_patterns():
            self.report_button.setText("Remove from &report")
        else:
            self.report_button.setText("Add to &report")

    # ------------------------------------------------------------ keyboard, activation
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.pattern and key in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.search_now()
                self.focus_hits()
                return True
            if watched is self.hits:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._activate(self.hits.currentIndex())
                    return True
                if key == Qt.Key.Key_Escape:
                    self.pattern.setFocus()
                    self.pattern.selectAll()
                    return True
        return super().eventFilter(watched, event)

    def focus_hits(self) -> None:
        """Move the focus to the hits, on the first one when none is current."""
        if not self.model.rowCount():
            return
        self.hits.setFocus()
        if not self.hits.currentIndex().isValid():
            self.hits.setCurrentIndex(self.model.index(0, ConcordanceModel.MATCH))

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == ConcordanceModel.MATCH:
            self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = index.data(HIT_ROLE)
        self.hitActivated.emit(hit.article, hit.start, hit.end)

    # ------------------------------------------------------------ report, print, export
    @staticmethod
    def report_patterns() -> list[str]:
        from gui.settings import Settings

        return [str(p) for p in Settings().report_concordance]

    def toggle_in_report(self) -> None:
        """Add the current pattern to the report's Concordance section, or take it out."""
        from gui.settings import Settings

        if self.result is None:
            return
        patterns = self.report_patterns()
        if self.result.pattern in patterns:
            patterns.remove(self.result.pattern)
            note = f"Taken out of the report: {self.result.pattern}"
        else:
            patterns = (patterns + [self.result.pattern])[-MAX_REPORT_PATTERNS:]
            note = f"The report's Concordance section shows: {' · '.join(patterns)}"
        Settings().report_concordance = patterns
        self._update_buttons()
        self.status.setText(note)

    def report_data(self) -> ReportData:
        """A report holding only this concordance (what Print prints)."""
        from analysis.model import Corpus
        from analysis.report import build_report_data

        pattern = self.result.pattern if self.result is not None else ""
        return build_report_data(
            self._corpus or Corpus(),
            self._comparison,
            sections=["concordance"],
            title=f"FrameLens concordance: {pattern}",
            concordance=[pattern] if pattern else [],
        )

    def print_concordance(self) -> QPrintPreviewDialog | None:
        """Open the print preview of the concordance (counts, chart, hits); print from there."""
        from gui.report.printing import open_preview
        from gui.settings import Settings

        if self.result is None:
            return None
        return open_preview(self, self.report_data(), Settings())

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write every hit as CSV (asks where when ``path`` is None); None when cancelled."""
        from analysis.export import write_csv

        if self.result is None:
            return None
        if path is None:
            from gui.settings import Settings

            settings = Settings()
            start = str(Path(settings.last_dir or Path.home()) / "framelens-concordance.csv")
            path, _ = QFileDialog.getSaveFileName(self, "Export CSV", start, "CSV (*.csv)")
            if not path:
                return None
            settings.last_dir = str(Path(path).parent)
        try:
            written = write_csv(path, self.result.to_frame())
        except FrameLensError as exc:
            self._show_status(str(exc))
            return None
        self.status.setText(f"Saved {len(self.result.hits)} hits to {written}")
        return written
