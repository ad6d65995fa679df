"""The FrameLens main window: articles panel, side-by-side view, aligned statements, dashboard.

The window is a table of actions (:mod:`gui.actions`) and a few
collaborators: :class:`WindowCommands` asks what the menus need (files,
pasted text) and starts reports and help; the :class:`AnalysisQueue` loads
and analyses what the user adds (in an :class:`AnalysisWorker`); the
:class:`SessionKeeper` keeps the work safe (autosave, restore offer, session
files, recent files, lexicons, corrections); the :class:`Comparer` compares
the articles; :class:`ViewTabs` holds the views. The event loop never waits
for a worker.

Heavy or optional parts are imported when first needed: the dashboard (and
QtCharts) when its tab is first shown, the report module when the user
prints or exports, the help dialogs when asked for.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from analysis.corrections import apply_context
from analysis.errors import FrameLensError
from analysis.model import Corpus
from analysis.session import SUFFIX, Source
from gui.actions import build_actions, build_menus, set_busy
from gui.analysis_queue import AnalysisQueue
from gui.app import freeze_heap
from gui.autosave import AUTOSAVE_NAME
from gui.models.articles_model import ArticlesModel
from gui.notices import Notice, NoticeBar, Notices
from gui.session_keeper import AUTOSAVE_DELAY_MS, SessionKeeper
from gui.settings import Settings
from gui.widgets.articles_panel import ArticlesPanel
from gui.widgets.find_bar import FindBar
from gui.widgets.legend import Legend
from gui.widgets.same_fact import SameFactPanel
from gui.widgets.side_by_side import Dropped, SideBySideView, dropped_inputs
from gui.widgets.story_picker import StoryPicker
from gui.widgets.view_tabs import TAB_ALIGNED, TAB_CONCORDANCE, TAB_DASHBOARD, TAB_SIDE, ViewTabs
from gui.window_commands import WindowCommands
from gui.workers.compare_worker import Comparer

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison

log = logging.getLogger(__name__)

__all__ = [
    "AUTOSAVE_NAME",
    "TAB_ALIGNED",
    "TAB_CONCORDANCE",
    "TAB_DASHBOARD",
    "TAB_SIDE",
    "MainWindow",
]

MIN_ZOOM, MAX_ZOOM = -6, 12


def state_dir() -> Path:
    """Where autosaves live: the platform's per-user state folder."""
    import platformdirs

    return Path(platformdirs.user_state_dir("FrameLens", appauthor=False))


class MainWindow(QMainWindow):
    """The main window. ``settings`` and ``autosave_dir`` are injectable for tests."""

    #: The analysis of a batch finished and its articles are shown (or it failed/was cancelled).
    analysisDone = Signal()
    #: The comparison for the current articles is available (or failed).
    comparisonDone = Signal()

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        autosave_dir: Path | None = None,
        analyze: Callable[..., Corpus] | None = None,
        workers: int | None = None,
        autosave_delay_ms: int = AUTOSAVE_DELAY_MS,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._first_run = self.settings.is_new
        self._welcome: Notice | None = None
        self.notices = Notices(self)
        #: The window's own pool, so that closing it can wait for its workers.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(3)
        self.model = ArticlesModel(self)
        self.queue = AnalysisQueue(
            self.model,
            self.notices,
            self.settings,
            self.pool,
            analyze=analyze,
            workers=workers,
        )
        self.sessions = SessionKeeper(self, autosave_dir or state_dir(), autosave_delay_ms)
        self.sessions.correctionsChanged.connect(self._refresh_views)
        self.commands = WindowCommands(self)
        self.corpus = Corpus()
        self.comparison: Comparison | None = None
        self.outlet_table: pd.DataFrame | None = None
        self.comparer = Comparer(self.pool, self)
        self.comparer.finished.connect(self._compared)
        self.comparer.failed.connect(self._compare_failed)
        self._compare_pending = False
        #: Corpus articles the columns show (one story), or None for all.
        self._story_articles: tuple[int, ...] | None = None

        self.setWindowTitle("FrameLens")
        self.setAcceptDrops(True)
        self._set_icon()
        self._build_ui()
        self.act = build_actions(self)
        self.act["embed"].setChecked(self.settings.embed_text)
        self.act["sync"].setChecked(self.settings.sync_scroll)
        self.act["panel"].setChecked(True)
        self.act.get(f"theme_{self.settings.theme}", self.act["theme_system"]).setChecked(True)
        set_busy(self.act, False)
        self.toolbar = build_menus(self, self.act)
        self._restore_settings()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self._refresh_views)
        self.queue.enqueued.connect(self.sessions.changed)
        self.queue.busyChanged.connect(self._busy_changed)
        self.queue.progress.connect(self._progress)
        self.queue.status.connect(self.status_label.setText)
        self.queue.settled.connect(self._settled)
        self.model.changed.connect(self._model_changed)
        self.sessions.arm()

    # ------------------------------------------------------------------ UI
    def _set_icon(self) -> None:
        try:
            from analysis.resources import resources_dir

            icon = QIcon()
            for size in (16, 24, 32, 48, 64, 128, 256):
                path = resources_dir() / "icons" / f"framelens-{size}.png"
                if path.exists():
                    icon.addFile(str(path), QSize(size, size))
            self.setWindowIcon(icon)
        except FrameLensError:
            pass

    def _build_ui(self) -> None:
        self.panel = ArticlesPanel(self.model)
        self.panel.articleActivated.connect(self.show_article)
        self.notice_bar = NoticeBar(self.notices)
        hidden = set(self.settings.hidden_categories)
        self.legend = Legend(hidden)
        self.legend.hiddenChanged.connect(self._categories_changed)
        self.side = SideBySideView()
        self.side.hidden = hidden
        self.side.sync_scroll = self.settings.sync_scroll
        self.side.zoom = self.settings.zoom
        self.side.dropped.connect(self.handle_drop)
        self.side.sentenceSelected.connect(self._sentence_selected)
        self.side.correctionRequested.connect(self.sessions.add_correction)
        self.side.openRequested.connect(self.commands.open_files)
        self.side.samplesRequested.connect(self.commands.open_samples)
        self.side.built.connect(self._side_built)
        self.story_picker = StoryPicker()
        self.story_picker.storyChanged.connect(self._story_changed)
        self.same_fact = SameFactPanel()
        self.same_fact.sentenceActivated.connect(self.show_sentence)
        self.same_fact.setMaximumHeight(220)

        self.side_page = QSplitter(Qt.Orientation.Vertical)
        self.side_page.setObjectName("sideSplitter")
        self.side_page.addWidget(self.side)
        self.side_page.addWidget(self.same_fact)
        self.side_page.setStretchFactor(0, 5)
        self.side_page.setStretchFactor(1, 1)
        self.side_page.setCollapsible(0, False)
        self.side_page.setSizes([720, 90])

        self.tabs = ViewTabs(self.side_page, self.notices)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.thresholdChanged.connect(self._start_compare)
        self.tabs.sentenceActivated.connect(self.show_sentence)
        self.tabs.hitActivated.connect(self.show_span)
        self.find_bar = FindBar(self.side)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        for widget in (self.notice_bar, self.story_picker, self.legend):
            right_layout.addWidget(widget)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.find_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._splitter_sized = False
        self.setCentralWidget(self.splitter)

        status = self.statusBar()
        self.status_label = QLabel(self.tr("Ready"))
        status.addWidget(self.status_label, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop loading and analysing (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.cancel_button.hide()
        status.addPermanentWidget(self.sessions.autosave_warning)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        s = self.settings
        if s.geometry:
            self.restoreGeometry(QByteArray(s.geometry))
        else:
            self.resize(1400, 900)
        if s.window_state:
            self.restoreState(QByteArray(s.window_state))
        if s.splitter:
            self.splitter.restoreState(QByteArray(s.splitter))
        if s.side_splitter:
            self.side_page.restoreState(QByteArray(s.side_splitter))
        self.tabs.setCurrentIndex(max(0, min(2, s.current_tab)))
        self.legend.setVisible(self.tabs.currentIndex() == TAB_SIDE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._splitter_sized:
            self._splitter_sized = True
            if not self.settings.splitter:
                # After the first layout pass, or the splitter rescales the sizes.
                QTimer.singleShot(
                    0, lambda: self.splitter.setSizes([300, max(500, self.splitter.width() - 300)])
                )

    def save_settings(self) -> None:
        s = self.settings
        s.geometry = bytes(self.saveGeometry().data())
        s.window_state = bytes(self.saveState().data())
        s.splitter = bytes(self.splitter.saveState().data())
        s.side_splitter = bytes(self.side_page.saveState().data())
        s.current_tab = self.tabs.currentIndex()
        s.first_run_done = True
        s.sync()

    def view_state(self) -> dict[str, Any]:
        """What a session remembers of the view."""
        return {
            "zoom": self.settings.zoom,
            "hidden_categories": sorted(self.side.hidden),
            "sync_scroll": self.side.sync_scroll,
            "tab": self.tabs.currentIndex(),
        }

    def apply_view(self, view: Mapping[str, Any]) -> None:
        """Show the view a session remembers (values of the wrong type are ignored)."""
        if isinstance(view.get("zoom"), int):
            self.set_zoom(int(view["zoom"]))
        hidden = view.get("hidden_categories")
        if isinstance(hidden, list):
            self.legend.set_hidden(str(h) for h in hidden)
        if isinstance(view.get("sync_scroll"), bool):
            self.act["sync"].setChecked(bool(view["sync_scroll"]))
            self.set_sync_scroll(bool(view["sync_scroll"]))
        if isinstance(view.get("tab"), int) and 0 <= view["tab"] <= 2:
            self.tabs.setCurrentIndex(int(view["tab"]))

    def set_zoom(self, steps: int) -> None:
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.settings.zoom = steps
        self.side.set_zoom(steps)
        self.status_label.setText(
            self.tr("Text size {:+d}").format(steps) if steps else self.tr("Default text size")
        )
        self.sessions.changed()

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.settings.zoom + steps)

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        from gui.theme import apply_theme

        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self._refresh_views()

    def set_sync_scroll(self, on: bool) -> None:
        self.settings.sync_scroll = on
        self.side.set_sync_scroll(on)
        self.sessions.changed()

    def cycle_focus(self) -> None:
        """F6: articles panel → first column → next column … → articles panel."""
        views = self.side.text_views() if self.tabs.currentIndex() == TAB_SIDE else []
        current = self.focusWidget()  # also right when the window is not active
        focused = next((i for i, v in enumerate(views) if v is current), None)
        if focused is None and current is not self.panel.tree:
            self.panel.tree.setFocus()
        elif focused is None:
            (views[0] if views else self.tabs.currentWidget() or self.panel.tree).setFocus()
        elif focused + 1 < len(views):
            views[focused + 1].setFocus()
        else:
            self.panel.tree.setFocus()

    def _categories_changed(self, hidden: set[str]) -> None:
        self.settings.hidden_categories = sorted(hidden)
        self.side.set_hidden_categories(hidden)
        self.sessions.changed()

    # ------------------------------------------------------------ startup
    def startup(self, files: Sequence[str] = (), *, demo: bool = False) -> None:
        """What happens right after the window is shown: restore, open files, first-start offer."""
        try:
            restore = self.sessions.restore_offer.check(offer=not files and not demo)
        except Exception:  # noqa: BLE001 - old work must never stop the files from opening
            log.exception("the autosaved work could not be checked")
            restore = False
        if demo:
            self.commands.open_samples()
        elif files:
            for f in [f for f in files if f.endswith(SUFFIX)][:1]:
                self.sessions.open(f)
            others = [f for f in files if not f.endswith(SUFFIX)]
            if others:
                self.add_paths(others)
        elif self._first_run and not restore:
            self._welcome = self.notices.info(
                self.tr(
                    "Welcome to FrameLens! Drop news articles on the window, or start with "
                    "the sample articles: one fictional story told by four fictional outlets."
                ),
                actions=[(self.tr("Open Sample Articles"), self.commands.open_samples)],
            )
        self.settings.first_run_done = True

    # ------------------------------------------------------------ loading
    def add_text(self, text: str, *, outlet: str = "", title: str = "", author: str = "") -> None:
        """Add pasted text as an article."""
        if not text.strip():
            self.notices.warning(self.tr("Nothing to add: the pasted text is empty."))
            return
        key = self.queue.new_key("pasted")
        self.queue.add([Source("text", key, text=text, outlet=outlet, title=title, author=author)])

    def add_html(self, html: str, url: str = "") -> None:
        """Add HTML dragged from a browser as an article."""
        self.queue.add([Source(kind="html", key=self.queue.new_key("dropped"), text=html, url=url)])

    def add_paths(self, paths: Iterable[str], *, remember: bool = True) -> None:
        """Load and analyse files and folders."""
        self.queue.add_paths(paths, remember=remember)

    def handle_drop(self, dropped: Dropped) -> None:
        """Load what was dropped on the window; never fetch a link without the user."""
        if dropped.paths:
            self.add_paths(dropped.paths)
        if dropped.html:
            self.add_html(dropped.html, dropped.html_url)
        elif dropped.text:
            self.commands.paste_text(dropped.text)
        if dropped.urls:
            self.notices.info(
                self.tr(
                    "FrameLens works offline and does not download web pages. Save the page "
                    "in your browser (Ctrl+S) and drop the saved file, or drag the article "
                    "text itself from the page."
                ),
                details=dropped.urls,
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if dropped_inputs(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        dropped = dropped_inputs(event.mimeData())
        if dropped:
            event.acceptProposedAction()
            self.handle_drop(dropped)

    def cancel_analysis(self) -> None:
        """Esc: stop the analysis, else close the find bar, else the notice."""
        if self.queue.cancel():
            return
        if self.find_bar.isVisible():
            self.find_bar.hide()
        elif self.notice_bar.isVisible():
            self.notice_bar.dismiss()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        set_busy(self.act, busy)

    def _progress(self, done: int, total: int, phase: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{phase} %v/%m")
        self.status_label.setText(self.tr("{} {} of {}…").format(phase, done, total))

    def _settled(self) -> None:
        self.sessions.changed()
        if not len(self.model):
            self.analysisDone.emit()

    def _side_built(self) -> None:
        # The comparison starts once the columns are filled: running both at
        # once would make them take turns at the GIL and stall the window.
        if self._compare_pending:
            self._compare_pending = False
            self._start_compare()
        if len(self.model) and self.notice_bar.current is self._welcome is not None:
            self.notice_bar.dismiss()  # the welcome has done its job once articles are shown
        if not self.queue.busy and len(self.model):
            self.analysisDone.emit()

    # ------------------------------------------------------------ views
    def _model_changed(self) -> None:
        self._refresh_timer.start()
        self.sessions.changed()

    def _refresh_views(self) -> None:
        self.corpus = apply_context(
            self.model.corpus(self.queue.errors, self.corpus.lexicons), self.sessions.corrections
        )
        self.comparison = None
        self.outlet_table = None
        self._compare_pending = True
        self.side.set_alignment(())
        self._story_articles = None  # before the picker empties: no refill from it
        self.story_picker.set_stories(())
        self.side.set_corpus(self.corpus)  # emits built when filled; the comparison starts then
        self.same_fact.set_data(self.corpus, None)
        self._push_to_tabs()

    def _start_compare(self, threshold: float | None = None) -> None:
        # A new threshold for the same articles: only the alignment is redone.
        previous = self.comparison if threshold is not None else None
        if not self.comparer.start(self.corpus, threshold, previous):
            self.comparisonDone.emit()

    def _compared(self, corpus: Corpus, result: tuple[Comparison, pd.DataFrame | None]) -> None:
        if corpus is not self.corpus:
            return  # a stale result: the articles changed meanwhile
        self.comparison, self.outlet_table = result
        freeze_heap()
        self.same_fact.set_data(self.corpus, self.comparison)
        self.side.set_alignment(self.comparison.groups)
        # Emits storyChanged (which refills the columns and tabs) when the story shown changes.
        self.story_picker.set_stories(
            self.comparison.stories, [a.outlet for a in self.corpus.articles]
        )
        self._push_to_tabs()
        self.comparisonDone.emit()

    def _compare_failed(self, corpus: Corpus, message: str) -> None:
        if corpus is not self.corpus:
            return
        log.warning("comparison failed: %s", message)
        self.notices.warning(message)
        self.comparisonDone.emit()

    def _push_to_tabs(self) -> None:
        self.tabs.set_data(
            self.corpus if len(self.model) else None,
            self.comparison,
            self.story_picker.current(),
            self.outlet_table,
        )

    def _tab_changed(self, index: int) -> None:
        # The legend's toggles act on the side-by-side columns only.
        self.legend.setVisible(index == TAB_SIDE)
        self.sessions.changed(dirty=False)

    def _story_changed(self, _story: str) -> None:
        """Show one story: its articles in the columns, its facts in the aligned view."""
        shown = self.story_picker.articles()
        if shown != self._story_articles:
            self._story_articles = shown
            self.side.set_corpus(self.corpus, shown)
        self._push_to_tabs()

    def _show_side(self, article: int) -> None:
        """The side-by-side tab, on the story holding corpus article ``article``, filled."""
        self.tabs.setCurrentIndex(TAB_SIDE)
        shown = self.story_picker.articles()
        if shown is not None and article not in shown and self.comparison is not None:
            story = self.comparison.story_of(article)
            if story is not None:
                self.story_picker.set_current(story.id)
        self.side.finish_now()

    def _sentence_selected(self, article: int, sentence: int) -> None:
        self.same_fact.show_sentence(article, sentence)
        if 0 <= article < len(self.corpus.articles):
            self.panel.select_key(self.model.keys()[article])

    def show_sentence(self, article: int, sentence: int) -> None:
        """Show sentence ``sentence`` of corpus article ``article`` in its column."""
        if not 0 <= article < len(self.corpus.articles):
            return
        self._show_side(article)
        self.side.select_sentence(self.corpus.articles[article].outlet, article, sentence)
        self.same_fact.show_sentence(article, sentence)

    def show_span(self, article: int, start: int, end: int) -> None:
        """Select ``[start, end)`` of corpus article ``article`` in its column (a
        concordance hit), marking its sentence; the column gets the focus."""
        if not 0 <= article < len(self.corpus.articles):
            return
        analyzed = self.corpus.articles[article]
        starts = [s.start for s in analyzed.sentences]
        if starts:
            self.show_sentence(article, max(0, bisect.bisect_right(starts, start) - 1))
        else:
            self.tabs.setCurrentIndex(TAB_SIDE)
            self.side.finish_now()
        self.side.select_span(analyzed.outlet, article, start, end)

    def show_article(self, key: str) -> None:
        keys = self.model.keys()
        if key in keys:
            self._show_side(keys.index(key))
            self.side.scroll_to_article(self.model.outlet_of(key), keys.index(key))

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.sessions.dirty and len(self.model) and self.settings.confirm_close:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                self.tr("Save the comparison?"),
                self.tr(
                    "The comparison has unsaved changes. Save it as a session before quitting?"
                ),
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if answer == buttons.Cancel or (answer == buttons.Save and not self.sessions.save()):
                event.ignore()
                return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop the workers, save the settings, and drop the autosave (a clean exit)."""
        self.sessions.stop_autosaving()
        self.queue.cancel()
        self.comparer.cancel()
        # Both workers stop at their next check (between chunks, or every few
        # hundred sentences of the alignment), so this wait is short.
        self.pool.waitForDone(30000)
        self.side._timer.stop()
        self.save_settings()
        self.sessions.autosaver.remove()
