"""Side-by-side view: one column per outlet, its articles stacked, optionally scrolled together.

The view is a horizontal :class:`QScrollArea`; when there are more outlets
than fit, it scrolls sideways. It is also the main drop target: files,
folders, links and HTML dragged from a browser (see :func:`dropped_inputs`).
Dropped items are only reported through signals; nothing is read or fetched
here.

Columns are filled a few articles per event-loop turn (:meth:`set_corpus`),
so showing hundreds of articles never freezes the window.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from analysis.model import AnalyzedArticle, Corpus
from analysis.tables import score_columns
from gui.widgets.bias_margin import BiasMargin
from gui.widgets.highlighted_text import HighlightedText

log = logging.getLogger(__name__)

#: Time budget per event-loop turn when filling the columns.
BUILD_SLICE_S = 0.006
COLUMN_MIN_WIDTH = 250


@dataclass
class Dropped:
    """What a drop carried, sorted by what FrameLens does with it."""

    paths: list[str] = field(default_factory=list)  # local files and folders
    urls: list[str] = field(default_factory=list)  # remote links: never fetched silently
    html: str = ""  # HTML dragged from a browser
    html_url: str = ""  # the page it came from, when the browser says
    text: str = ""  # plain text dragged in

    def __bool__(self) -> bool:
        return bool(self.paths or self.urls or self.html or self.text)


def dropped_inputs(mime: QMimeData) -> Dropped:
    """Sort the contents of a drop into files, remote links, HTML and text."""
    result = Dropped()
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            result.paths.append(url.toLocalFile())
        elif url.scheme() in ("http", "https"):
            result.urls.append(url.toString())
    if result.paths:
        return result
    if mime.hasHtml() and mime.html().strip():
        result.html = mime.html()
        result.html_url = result.urls[0] if result.urls else ""
        result.urls = []
        return result
    if not result.urls and mime.hasText():
        text = mime.text().strip()
        url = QUrl(text)
        if "\n" not in text and url.scheme() in ("http", "https"):
            result.urls.append(text)
        elif "\n" not in text and url.isLocalFile():
            result.paths.append(url.toLocalFile())
        else:
            result.text = text
    return result


class OutletColumn(QFrame):
    """One outlet: a header, the bias margin and the stacked articles."""

    def __init__(self, outlet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.setObjectName("outletColumn")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel(outlet)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("outletTitle")
        self.title.setStyleSheet("#outletTitle { font-size: 13pt; font-weight: 700; }")
        self.stats = QLabel()
        self.stats.setObjectName("outletStats")
        self.stats.setTextFormat(Qt.TextFormat.PlainText)
        self.stats.setWordWrap(True)
        self.stats.setStyleSheet("#outletStats { color: palette(placeholder-text); }")
        head = QVBoxLayout()
        head.setContentsMargins(6, 4, 6, 2)
        head.setSpacing(0)
        head.addWidget(self.title)
        head.addWidget(self.stats)
        layout.addLayout(head)
        body = QHBoxLayout()
        body.setSpacing(0)
        self.text = HighlightedText()
        self.text.setAccessibleName(self.tr("{} articles").format(outlet))
        self.margin = BiasMargin(self.text)
        body.addWidget(self.margin)
        body.addWidget(self.text, 1)
        layout.addLayout(body, 1)
        self.articles: list[AnalyzedArticle] = []

    def add(self, index: int, analyzed: AnalyzedArticle) -> None:
        self.articles.append(analyzed)
        self.text.append_article(index, analyzed)
        self._update_stats()

    def _update_stats(self) -> None:
        n = len(self.articles)
        # The outlet's own voice, defined once for the dashboard and the report.
        scores = score_columns(self.articles, ())
        words, subj, per_k = scores["words"], scores["subjectivity"], scores["loaded_per_1000"]
        self.stats.setText(
            f"{n} article{'s' if n != 1 else ''} · {words:,} words · subjectivity {subj:.2f}"
            f" · {per_k:.1f} loaded terms per 1,000 own words"
        )


class SideBySideView(QScrollArea):
    """The outlet columns, side by side; the drop target of the window."""

    #: A drop brought something to load.
    dropped = Signal(object)  # Dropped
    #: (corpus article index, sentence index) the user selected in a column.
    sentenceSelected = Signal(int, int)
    #: A reader's correction of a highlight (analysis.corrections.Correction).
    correctionRequested = Signal(object)
    #: All columns are filled.
    built = Signal()
    openRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        # Drag events go to the viewport, which hands them to our handlers below.
        self.viewport().setAcceptDrops(True)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.columns: list[OutletColumn] = []
        self.sync_scroll = True
        self.hidden: set[str] = set()
        self.zoom = 0
        self._syncing = False
        self._same: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._queue: list[tuple[int, AnalyzedArticle]] = []
        self._outlets_to_add: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)
        self._show_placeholder()

    # -- empty state ----------------------------------------------------------
    def _show_placeholder(self) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        title = QLabel(self.tr("Drop news articles here"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        hint = QLabel(
            self.tr(
                "Text, Markdown, web pages, PDF and Word files, whole folders, or a story "
                "dragged from your browser. FrameLens groups the articles by outlet and shows "
                "how each one frames the same story."
            )
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(560)
        hint.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        open_button = QPushButton(self.tr("Open Files…"))
        open_button.clicked.connect(self.openRequested)
        samples = QPushButton(self.tr("Try the Sample Articles"))
        samples.clicked.connect(self.samplesRequested)
        buttons.addWidget(open_button)
        buttons.addWidget(samples)
        buttons.addStretch(1)
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(hint)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setWidget(box)
        self.columns = []

    # -- content --------------------------------------------------------------
    def set_corpus(self, corpus: Corpus, only: Collection[int] | None = None) -> None:
        """Show ``corpus``: one column per outlet, filled over the next event-loop turns.

        ``only`` limits the columns to those corpus articles (one story); the
        indices the view reports stay corpus indices.
        """
        self._timer.stop()
        self._queue = []
        self._outlets_to_add = []
        if not corpus.articles:
            self._show_placeholder()
            self.built.emit()
            return
        holder = QWidget()
        self._row = QHBoxLayout(holder)
        self._row.setContentsMargins(4, 4, 4, 4)
        self._row.setSpacing(8)
        self._columns_by_outlet: dict[str, OutletColumn] = {}
        self.columns = []
        self.setWidget(holder)
        # Empty columns first (cheap to lay out), then the articles: adding a
        # column later would re-wrap the text of every column already filled.
        shown = [(i, a) for i, a in enumerate(corpus.articles) if only is None or i in only]
        self._outlets_to_add = list(reversed(dict.fromkeys(a.outlet for _, a in shown)))
        self._queue = shown
        self._queue.reverse()
        self._timer.start()

    def _add_column(self, outlet: str) -> OutletColumn:
        column = OutletColumn(outlet)
        column.text.set_hidden_categories(self.hidden)
        column.text.set_zoom(self.zoom)
        column.text.sentenceSelected.connect(self.sentenceSelected)
        column.text.correctionRequested.connect(self.correctionRequested)
        column.margin.sentenceClicked.connect(self.sentenceSelected)
        column.text.verticalScrollBar().valueChanged.connect(
            lambda value, c=column: self._scrolled(c, value)
        )
        self._row.addWidget(column, 1)
        self._columns_by_outlet[outlet] = column
        self.columns.append(column)
        return column

    @property
    def building(self) -> bool:
        return self._timer.isActive()

    def _build_slice(self) -> None:
        deadline = time.perf_counter() + BUILD_SLICE_S
        while self._outlets_to_add and time.perf_counter() < deadline:
            self._add_column(self._outlets_to_add.pop())
        if self._outlets_to_add:
            return
        while self._queue and time.perf_counter() < deadline:
            index, analyzed = self._queue.pop()
            column = self._columns_by_outlet.get(analyzed.outlet)
            if column is None:  # columns are made as their first article comes up
                column = self._add_column(analyzed.outlet)
            column.add(index, analyzed)
        if not self._queue:
            self._timer.stop()
            self.built.emit()

    def finish_now(self) -> None:
        """Fill every column at once (for printing and screenshots)."""
        while self._queue or self._outlets_to_add:
            self._build_slice()

    def column(self, outlet: str) -> OutletColumn:
        for c in self.columns:
            if c.outlet == outlet:
                return c
        raise KeyError(outlet)

    def text_views(self) -> list[HighlightedText]:
        return [c.text for c in self.columns]

    def set_hidden_categories(self, hidden: Iterable[str]) -> None:
        self.hidden = set(hidden)
        for c in self.columns:
            c.text.set_hidden_categories(self.hidden)

    def set_zoom(self, steps: int) -> None:
        self.zoom = steps
        for c in self.columns:
            c.text.set_zoom(steps)

    def set_sync_scroll(self, on: bool) -> None:
        self.sync_scroll = on

    def select_sentence(self, outlet: str, article: int, sentence: int) -> None:
        with contextlib.suppress(KeyError):
            self.column(outlet).text.select_sentence(article, sentence)

    def select_span(self, outlet: str, article: int, start: int, end: int) -> None:
        """Select ``[start, end)`` of corpus article ``article`` in its column; focus it."""
        try:
            view = self.column(outlet).text
            first = view.document_position(article, start)
            last = view.document_position(article, end)
        except KeyError:
            return
        cursor = view.textCursor()
        cursor.setPosition(first)
        cursor.setPosition(last, cursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.setFocus()

    def scroll_to_article(self, outlet: str, article: int) -> None:
        """Put the start of corpus article ``article`` near the top of its column; focus it."""
        try:
            view = self.column(outlet).text
            position = view.document_position(article, 0)
        except KeyError:
            return
        cursor = view.textCursor()
        cursor.setPosition(position)
        view.setTextCursor(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect(cursor).top() - 60)
        view.setFocus()

    def set_alignment(self, groups: Iterable[Any]) -> None:
        """The aligned statements (``AlignedGroup``s): scrolling together follows them."""
        same: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for group in groups:
            refs = [(m.article, m.sentence) for m in group.members]
            for ref in refs:
                same.setdefault(ref, []).extend(r for r in refs if r != ref)
        self._same = same

    def _scrolled(self, source: OutletColumn, value: int) -> None:
        """Scroll the other columns so the same fact stands level in each.

        The first sentence in view (from the top) that another outlet also
        reports is the anchor: each column that reports it scrolls so that its
        version stands at the same height. A column with no version of any
        fact in view keeps the same fraction of its length.
        """
        if not self.sync_scroll or self._syncing:
            return
        bar = source.text.verticalScrollBar()
        fraction = value / bar.maximum() if bar.maximum() else 0.0
        anchor = self._fact_in_view(source.text)
        self._syncing = True
        try:
            for c in self.columns:
                if c is source:
                    continue
                if anchor is None or not self._level_with(c.text, *anchor):
                    other = c.text.verticalScrollBar()
                    other.setValue(round(fraction * other.maximum()))
        finally:
            self._syncing = False

    def _fact_in_view(self, view: HighlightedText) -> tuple[int, list[tuple[int, int]]] | None:
        """(height in the viewport, other outlets' sentences) of the first shared fact in view."""
        if not self._same:
            return None
        height = view.viewport().height()
        # Start at the article at the top of the view, not at the first one:
        # this runs on every scroll step.
        top = view.cursorForPosition(QPoint(0, 0)).position()
        first = max(0, bisect.bisect_right([p.base for p in view.placed], top) - 1)
        for placed in view.placed[first:]:
            for i, sentence in enumerate(placed.analyzed.sentences):
                others = self._same.get((placed.index, i))
                if not others:
                    continue
                y = self._sentence_y(view, placed.index, sentence.start)
                if y is None:
                    continue
                if y > height:
                    return None  # this and the rest of the text are below the view
                if y >= 0:
                    return y, others
        return None

    @staticmethod
    def _sentence_y(view: HighlightedText, article: int, offset: int) -> int | None:
        try:
            position = view.document_position(article, offset)
        except KeyError:
            return None
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        return int(view.cursorRect(cursor).top())

    def _level_with(self, view: HighlightedText, y: int, refs: list[tuple[int, int]]) -> bool:
        """Scroll ``view`` so one of ``refs`` stands ``y`` pixels down; False if none is in it."""
        for article, sentence in refs:
            placed = next((p for p in view.placed if p.index == article), None)
            if placed is None or sentence >= len(placed.analyzed.sentences):
                continue
            there = self._sentence_y(view, article, placed.analyzed.sentences[sentence].start)
            if there is None:
                continue
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + there - y)
            return True
        return False

    # -- drops ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if dropped_inputs(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if dropped_inputs(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        dropped = dropped_inputs(event.mimeData())
        if not dropped:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(dropped)
