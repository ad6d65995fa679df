"""The FrameLens main window: articles panel, side-by-side view, aligned statements, dashboard.

The window owns the user's work (the sources, the outlet changes in the
:class:`ArticlesModel`, the lexicons) and keeps it safe: every change is
autosaved (debounced) to the platform's state folder by an
:class:`gui.autosave.Autosaver`, so after a crash or a kill the next start
offers to restore it (every unanswered autosave is kept until the user
decides, and a failing autosave shows a lasting warning). Loading and analysis run in an
:class:`AnalysisWorker`; the comparison in a :class:`CompareWorker`; the
event loop never waits for either.

Heavy or optional parts are imported when first needed: the dashboard (and
QtCharts) when its tab is first shown, the report module when the user
prints or exports, the help dialogs when asked for.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from analysis.corrections import Correction, apply_context
from analysis.errors import FrameLensError, SessionError
from analysis.model import Corpus, LoadFailure
from analysis.safeio import file_label
from analysis.session import (
    SUFFIX,
    Session,
    Source,
    load_session,
    resolve_sources,
    save_session,
)
from gui.autosave import AUTOSAVE_NAME, Autosaver
from gui.models.articles_model import ArticlesModel
from gui.notices import Notice, NoticeBar, Notices
from gui.restore_offer import RestoreOffer
from gui.settings import Settings
from gui.widgets.articles_panel import ArticlesPanel
from gui.widgets.legend import Legend
from gui.widgets.same_fact import SameFactPanel
from gui.widgets.side_by_side import Dropped, SideBySideView, dropped_inputs
from gui.widgets.story_picker import StoryPicker, story_comparison
from gui.workers.analysis_worker import AnalysisResult, AnalysisWorker

log = logging.getLogger(__name__)

__all__ = ["AUTOSAVE_NAME", "MainWindow"]

AUTOSAVE_DELAY_MS = 400
MIN_ZOOM, MAX_ZOOM = -6, 12
OPEN_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml *.pdf *.docx);;All files (*)"
TAB_SIDE, TAB_ALIGNED, TAB_DASHBOARD, TAB_CONCORDANCE = range(4)


#: The reader's "never" and "mark" corrections as a lexicon file, in the state folder.
READER_LEXICON = "reader-lexicon.tsv"


def state_dir() -> Path:
    """Where autosaves live: the platform's per-user state folder."""
    import platformdirs

    return Path(platformdirs.user_state_dir("FrameLens", appauthor=False))


def samples_dir() -> Path:
    from analysis.resources import resources_dir

    return resources_dir() / "samples"


class FindBar(QWidget):
    """Ctrl+F: find text in the article columns (Enter next, Shift+Enter previous, Esc closes)."""

    def __init__(self, find: Callable[[str, bool], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = find
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Text in the articles"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.search(False))
        layout.addWidget(self.edit, 1)
        previous = QPushButton(self.tr("Previous"))
        previous.clicked.connect(lambda: self.search(True))
        following = QPushButton(self.tr("Next"))
        following.clicked.connect(lambda: self.search(False))
        self.status = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.hide)
        for w in (previous, following, self.status, close):
            layout.addWidget(w)
        self.hide()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.search(True)
        else:
            super().keyPressEvent(event)

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def search(self, backward: bool) -> bool:
        text = self.edit.text()
        if not text:
            return False
        found = self._search(text, backward)
        self.status.setText("" if found else self.tr("Not found"))
        return found


class MainWindow(QMainWindow):
    """The main window. ``settings`` and ``autosave_dir`` are injectable for tests."""

    #: The analysis of a batch finished and its articles are shown (or it failed/was cancelled).
    analysisDone = Signal()
    #: The comparison for the current articles is available (or failed).
    comparisonDone = Signal()
    #: An autosave was written: its path.
    autosaved = Signal(str)

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
        self._analyze = analyze
        # None: the pipeline's default, a process per core. Fewer is worse for the
        # window: with one worker the pipeline analyses in the worker thread,
        # which then competes with the event loop for the GIL.
        self._workers = workers
        self.notices = Notices(self)
        #: The window's own pool, so that closing it can wait for its workers.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(3)
        self.autosaver = Autosaver(autosave_dir or state_dir(), self.pool, self)
        self.autosave_path = self.autosaver.path
        # The window's state first, then the public signal (tests wait on it).
        self.autosaver.saved.connect(self._autosave_worked)
        self.autosaver.saved.connect(self.autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        self.restore_offer = RestoreOffer(self)
        #: File sources of the session that were found nowhere (the user may locate them).
        self._missing: list[Source] = []
        self._autosave_warned = False
        self.model = ArticlesModel(self)
        self.sources: dict[str, Source] = {}
        self.lexicons: list[str] = []
        #: The reader's corrections of highlights (analysis/corrections.py).
        self.corrections: list[Correction] = []
        self.errors: list[LoadFailure] = []
        self.session_path: Path | None = None
        self.dirty = False
        self.corpus = Corpus()
        self.comparison: Any = None
        self.outlet_table: Any = None
        self.worker: AnalysisWorker | None = None
        self._queue: list[Source] = []
        self._inflight: list[Source] = []
        self._pending_state: Session | None = None
        self._compare_worker: Any = None
        self._compare_threshold: float | None = None
        self._compare_pending = False
        self._counter = 0
        self._fingerprints: dict[str, str] = {}
        self._dashboard: Any = None
        self._aligned: Any = None
        #: The Concordance tab (gui.widgets.kwic_view), built when first shown.
        self.concordance: Any = None
        #: Corpus articles the columns show (one story), or None for all.
        self._story_articles: tuple[int, ...] | None = None
        #: Bumped whenever the corpus or comparison changes; per tab, the version it shows.
        self._data_version = 0
        self._tab_versions: dict[int, int] = {}
        self._restoring_view = False

        self.setWindowTitle("FrameLens")
        self.setAcceptDrops(True)
        self._set_icon()
        self._build_ui()
        self._build_actions()
        self._build_menus()
        self._restore_settings()

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(autosave_delay_ms)
        self._autosave_timer.timeout.connect(self.autosave)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self._refresh_views)
        self.model.changed.connect(self._model_changed)
        self._update_title()

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
        self.side.correctionRequested.connect(self.add_correction)
        self.side.openRequested.connect(self.open_files)
        self.side.samplesRequested.connect(self.open_samples)
        self.side.built.connect(self._side_built)
        self.story_picker = StoryPicker()
        self.story_picker.storyChanged.connect(self._story_changed)
        self.same_fact = SameFactPanel()
        self.same_fact.sentenceActivated.connect(self.show_sentence)
        self.same_fact.setMaximumHeight(220)

        side_page = QSplitter(Qt.Orientation.Vertical)
        side_page.setObjectName("sideSplitter")
        side_page.addWidget(self.side)
        side_page.addWidget(self.same_fact)
        side_page.setStretchFactor(0, 5)
        side_page.setStretchFactor(1, 1)
        side_page.setCollapsible(0, False)
        side_page.setSizes([720, 90])
        self.side_page = side_page

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(side_page, self.tr("Side by side"))
        self.tabs.addTab(self._placeholder("Aligned statements"), self.tr("Aligned statements"))
        self.tabs.addTab(self._placeholder("Dashboard"), self.tr("Dashboard"))
        self.tabs.addTab(self._placeholder("Concordance"), self.tr("Concordance"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.find_bar = FindBar(self.find_text)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.notice_bar)
        right_layout.addWidget(self.story_picker)
        right_layout.addWidget(self.legend)
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
        # Shown for as long as autosaving fails: the work is not safe from a crash.
        self.autosave_warning = QPushButton(self.tr("⚠ Autosave failed: Save As…"))
        self.autosave_warning.clicked.connect(self.save_session_as)
        self.autosave_warning.hide()
        status.addPermanentWidget(self.autosave_warning)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    def _placeholder(self, name: str) -> QWidget:
        label = QLabel(self.tr("{} appear once articles are loaded.").format(name))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    def _act(
        self,
        text: str,
        slot: Callable[..., Any],
        shortcut: Any = None,
        tip: str = "",
        icon: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(QIcon.fromTheme(icon))
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.open_action = self._act(
            self.tr("&Open…"),
            self.open_files,
            SK.Open,
            self.tr("Open article files"),
            "document-open",
        )
        self.open_folder_action = self._act(
            self.tr("Open &Folder…"),
            self.open_folder,
            "Ctrl+Shift+O",
            self.tr("Open every article in a folder"),
            "folder-open",
        )
        self.paste_action = self._act(
            self.tr("&Paste Text…"),
            self.paste_text,
            "Ctrl+Shift+V",
            self.tr("Paste the text of an article"),
            "edit-paste",
        )
        self.samples_action = self._act(
            self.tr("Open &Sample Articles"),
            self.open_samples,
            None,
            self.tr("Open the bundled fictional sample articles"),
        )
        self.open_session_action = self._act(
            self.tr("Open &Session…"),
            self.open_session_dialog,
            "Ctrl+Alt+O",
            self.tr("Open a saved .framelens session"),
        )
        self.save_action = self._act(
            self.tr("&Save Session"),
            self.save_session,
            SK.Save,
            self.tr("Save the comparison as a session"),
            "document-save",
        )
        self.save_as_action = self._act(
            self.tr("Save Session &As…"),
            self.save_session_as,
            SK.SaveAs,
            self.tr("Save the comparison under a new name"),
            "document-save-as",
        )
        self.embed_action = self._act(
            self.tr("&Embed Article Text in Sessions"),
            self._embed_toggled,
            None,
            self.tr("Sessions carry each file's text, so they open where the files are missing"),
            checkable=True,
        )
        self.embed_action.setChecked(self.settings.embed_text)
        self.lexicon_action = self._act(
            self.tr("Add &Lexicon…"),
            self.add_lexicon,
            None,
            self.tr("Add your own loaded-terms lexicon (TSV, LIWC .dic, MPQA .tff)"),
        )
        self.print_action = self._act(
            self.tr("&Print…"),
            lambda: self._report("print_report"),
            SK.Print,
            self.tr("Print the comparison report"),
            "document-print",
        )
        self.preview_action = self._act(
            self.tr("Print Pre&view…"),
            lambda: self._report("preview_report"),
            "Ctrl+Shift+P",
            self.tr("Preview the printed report"),
            "document-print-preview",
        )
        self.export_pdf_action = self._act(
            self.tr("Export &PDF…"),
            lambda: self._report("export_pdf"),
            "Ctrl+E",
            self.tr("Export the report as PDF"),
        )
        self.export_html_action = self._act(
            self.tr("Export &HTML…"),
            lambda: self._report("export_html"),
            None,
            self.tr("Export the report as a web page"),
        )
        self.export_data_action = self._act(
            self.tr("Export &Data…"),
            lambda: self._report("export_data"),
            None,
            self.tr("Export the tables as CSV, Excel or JSON"),
        )
        self.quit_action = self._act(
            self.tr("&Quit"), self.close, "Ctrl+Q", self.tr("Quit FrameLens"), "application-exit"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._act(
            self.tr("&Find…"),
            self.find_bar.open,
            SK.Find,
            self.tr("Find text in the articles"),
            "edit-find",
        )
        self.find_next_action = self._act(
            self.tr("Find &Next"), lambda: self.find_bar.search(False), SK.FindNext
        )
        self.find_prev_action = self._act(
            self.tr("Find Pre&vious"), lambda: self.find_bar.search(True), SK.FindPrevious
        )
        self.zoom_in_action = self._act(
            self.tr("Zoom &In"),
            lambda: self.set_zoom(self.settings.zoom + 1),
            ["Ctrl+=", "Ctrl++"],
            self.tr("Larger text"),
            "zoom-in",
        )
        self.zoom_out_action = self._act(
            self.tr("Zoom &Out"),
            lambda: self.set_zoom(self.settings.zoom - 1),
            SK.ZoomOut,
            self.tr("Smaller text"),
            "zoom-out",
        )
        self.zoom_reset_action = self._act(
            self.tr("&Reset Zoom"),
            lambda: self.set_zoom(0),
            "Ctrl+0",
            self.tr("Default text size"),
            "zoom-original",
        )
        self.sync_action = self._act(
            self.tr("Scroll Columns &Together"),
            self._sync_toggled,
            None,
            self.tr("Scroll all outlet columns together"),
            checkable=True,
        )
        self.sync_action.setChecked(self.settings.sync_scroll)
        self.panel_action = self._act(
            self.tr("Show &Articles Panel"), self._panel_toggled, "Ctrl+B", checkable=True
        )
        self.panel_action.setChecked(True)
        self.cancel_action = self._act(
            self.tr("&Cancel Analysis"),
            self.cancel_analysis,
            "Esc",
            self.tr("Stop loading and analysing"),
        )
        self.cancel_action.setEnabled(False)
        self.tab_actions = [
            self._act(name, lambda _=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
            for i, name in enumerate(
                (
                    self.tr("&Side by Side"),
                    self.tr("A&ligned Statements"),
                    self.tr("&Dashboard"),
                    self.tr("&Concordance"),
                )
            )
        ]
        self.focus_action = self._act(
            self.tr("Switch &Focus"),
            self.cycle_focus,
            "F6",
            self.tr("Move the keyboard focus between the articles panel and the columns"),
        )
        self.methodology_action = self._act(
            self.tr("&Methodology"),
            self.show_methodology,
            SK.HelpContents,
            self.tr("What the scores mean and how they are computed"),
            "help-contents",
        )
        self.about_action = self._act(self.tr("&About FrameLens"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.log_action = self._act(self.tr("Show &Log Folder"), self.show_log_folder)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for theme, label in (
            ("system", self.tr("Follow &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = self._act(label, lambda _=False, t=theme: self.set_theme(t), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action
        self.theme_actions.get(self.settings.theme, self.theme_actions["system"]).setChecked(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (self.open_action, self.open_folder_action, self.paste_action):
            file_menu.addAction(a)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self.samples_action)
        file_menu.addSeparator()
        for a in (self.open_session_action, self.save_action, self.save_as_action):
            file_menu.addAction(a)
        file_menu.addAction(self.embed_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lexicon_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.preview_action)
        export = file_menu.addMenu(self.tr("&Export"))
        for a in (self.export_pdf_action, self.export_html_action, self.export_data_action):
            export.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = bar.addMenu(self.tr("&Edit"))
        for a in (self.find_action, self.find_next_action, self.find_prev_action):
            edit.addAction(a)

        view = bar.addMenu(self.tr("&View"))
        for a in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view.addAction(a)
        view.addSeparator()
        for a in self.tab_actions:
            view.addAction(a)
        view.addSeparator()
        view.addAction(self.sync_action)
        view.addAction(self.panel_action)
        view.addAction(self.focus_action)
        theme = view.addMenu(self.tr("&Theme"))
        for a in self.theme_actions.values():
            theme.addAction(a)

        articles = bar.addMenu(self.tr("&Articles"))
        for a in (
            self.panel.rename_action,
            self.panel.merge_action,
            self.panel.move_action,
            self.panel.remove_action,
        ):
            articles.addAction(a)
        articles.addSeparator()
        articles.addAction(self.cancel_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.methodology_action)
        help_menu.addAction(self.log_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        tools = self.addToolBar(self.tr("Main"))
        tools.setObjectName("mainToolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.open_action, self.open_folder_action, self.paste_action):
            tools.addAction(a)
        tools.addSeparator()
        tools.addAction(self.save_action)
        tools.addSeparator()
        tools.addAction(self.print_action)
        tools.addAction(self.export_pdf_action)
        tools.addSeparator()
        tools.addAction(self.find_action)
        tools.addAction(self.zoom_out_action)
        tools.addAction(self.zoom_in_action)
        tools.addSeparator()
        tools.addAction(self.sync_action)
        self.toolbar = tools

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

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
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

    def set_zoom(self, steps: int) -> None:
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.settings.zoom = steps
        self.side.set_zoom(steps)
        self.status_label.setText(
            self.tr("Text size {:+d}").format(steps) if steps else self.tr("Default text size")
        )
        self._changed()

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        from gui.theme import apply_theme

        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self._refresh_views()

    def _sync_toggled(self, on: bool) -> None:
        self.settings.sync_scroll = on
        self.side.set_sync_scroll(on)
        self._changed()

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

    def _panel_toggled(self, on: bool) -> None:
        self.panel.setVisible(on)

    def _categories_changed(self, hidden: set[str]) -> None:
        self.settings.hidden_categories = sorted(hidden)
        self.side.set_hidden_categories(hidden)
        self._changed()

    # ------------------------------------------------------------ startup
    def startup(self, files: Sequence[str] = (), *, demo: bool = False) -> None:
        """What happens right after the window is shown: restore, open files, first-start offer."""
        try:
            restore = self._check_autosave(offer=not files and not demo)
        except Exception:  # noqa: BLE001 - old work must never stop the files from opening
            log.exception("the autosaved work could not be checked")
            restore = False
        if demo:
            self.open_samples()
        elif files:
            sessions = [f for f in files if f.endswith(SUFFIX)]
            others = [f for f in files if not f.endswith(SUFFIX)]
            for f in sessions[:1]:
                self.open_session(f)
            if others:
                self.add_paths(others)
        elif self._first_run and not restore:
            self._welcome = self.notices.info(
                self.tr(
                    "Welcome to FrameLens! Drop news articles on the window, or start with "
                    "the sample articles: one fictional story told by four fictional outlets."
                ),
                actions=[(self.tr("Open Sample Articles"), self.open_samples)],
            )
        self.settings.first_run_done = True

    def _check_autosave(self, *, offer: bool) -> bool:
        """Offer to restore work autosaved by runs that did not end normally."""
        return self.restore_offer.check(offer=offer)

    # ------------------------------------------------------------ loading
    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open Articles"), self.settings.last_dir, OPEN_FILTER
        )
        if paths:
            self.settings.last_dir = str(Path(paths[0]).parent)
            self.add_paths(paths)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open Folder"), self.settings.last_dir
        )
        if folder:
            self.settings.last_dir = folder
            self.add_paths([folder])

    def open_samples(self) -> None:
        try:
            folder = samples_dir()
        except FrameLensError as error:
            self.notices.error(str(error))
            return
        self.add_paths([str(folder)], remember=False)

    def paste_text(self, text: str = "") -> None:
        from gui.dialogs.paste_dialog import PasteDialog

        dialog = PasteDialog(self.model.outlets(), text if isinstance(text, str) else "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            v = dialog.values()
            self.add_text(v["text"], outlet=v["outlet"], title=v["title"], author=v["author"])

        dialog.accepted.connect(accepted)
        dialog.open()
        self._paste_dialog = dialog

    def _new_key(self, prefix: str) -> str:
        while True:
            self._counter += 1
            key = f"<{prefix} {self._counter}>"
            if key not in self.sources and key not in self.model:
                return key

    def add_text(self, text: str, *, outlet: str = "", title: str = "", author: str = "") -> None:
        """Add pasted text as an article."""
        if not text.strip():
            self.notices.warning(self.tr("Nothing to add: the pasted text is empty."))
            return
        source = Source(
            kind="text",
            key=self._new_key("pasted"),
            text=text,
            outlet=outlet,
            title=title,
            author=author,
        )
        self.add_sources([source])

    def add_html(self, html: str, url: str = "") -> None:
        """Add HTML dragged from a browser as an article."""
        source = Source(kind="html", key=self._new_key("dropped"), text=html, url=url)
        self.add_sources([source])

    def add_paths(self, paths: Iterable[str], *, remember: bool = True) -> None:
        """Load and analyse files and folders."""
        fresh: list[Source] = []
        already: list[str] = []
        for p in paths:
            path = os.path.abspath(os.fspath(p))
            if path in self.model or any(s.key == path for s in self._inflight + self._queue):
                already.append(path)
                continue
            fresh.append(Source.file(path))
            if remember:
                self.settings.add_recent("recent_files", path)
        if already:
            self.notices.info(
                self.tr("{} file(s) are already open and were not added again.").format(
                    len(already)
                ),
                details=already,
            )
        if fresh:
            self.add_sources(fresh)

    def handle_drop(self, dropped: Dropped) -> None:
        """Load what was dropped on the window; never fetch a link without the user."""
        if dropped.paths:
            self.add_paths(dropped.paths)
        if dropped.html:
            self.add_html(dropped.html, dropped.html_url)
        elif dropped.text:
            self.paste_text(dropped.text)
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

    def add_sources(self, sources: Sequence[Source]) -> None:
        """Queue sources for loading and analysis (one worker at a time)."""
        self._queue.extend(sources)
        self._changed(refresh=False)
        if self.worker is None:
            self._start_next()

    def _start_next(self) -> None:
        if not self._queue:
            return
        batch, self._queue = self._queue, []
        self._inflight = batch
        worker = AnalysisWorker(
            batch, lexicons=self.lexicons, analyze=self._analyze, workers=self._workers
        )
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        self.worker = worker
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_action.setEnabled(True)
        self.lexicon_action.setEnabled(False)
        self.open_session_action.setEnabled(False)
        self.status_label.setText(self.tr("Loading {} item(s)…").format(len(batch)))
        worker.start(self.pool)

    def cancel_analysis(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self._queue = []
            self.status_label.setText(self.tr("Cancelling…"))
        elif self.find_bar.isVisible():
            self.find_bar.hide()
        elif self.notice_bar.isVisible():
            self.notice_bar.dismiss()

    def _progress(self, done: int, total: int, phase: str) -> None:
        if self.sender() is not getattr(self.worker, "signals", None):
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{phase} %v/%m")
        self.status_label.setText(self.tr("{} {} of {}…").format(phase, done, total))

    def _worker_ended(self) -> None:
        self.worker = None
        self._inflight = []
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_action.setEnabled(False)
        self.lexicon_action.setEnabled(True)
        self.open_session_action.setEnabled(True)

    def _finished(self, result: AnalysisResult) -> None:
        self._worker_ended()
        corpus = result.corpus
        failures = list(corpus.errors)
        new_items = []
        fingerprints = result.fingerprints or tuple(str(i) for i in range(len(corpus.articles)))
        for analyzed, fingerprint in zip(corpus.articles, fingerprints, strict=False):
            key = analyzed.article.path
            first = self._fingerprints.get(fingerprint)
            if first is not None and first in self.model:
                failures.append(LoadFailure(key, f"duplicate of {first} (same text); skipped."))
                continue
            self._fingerprints[fingerprint] = key
            new_items.append((key, analyzed))
        by_key = {s.key: s for s in result.sources}
        for key, _ in new_items:
            if key in by_key:
                self.sources[key] = by_key[key]
        self.model.add(new_items)
        self.freeze_heap()
        if self._pending_state is not None:
            state, self._pending_state = self._pending_state, None
            self.model.set_state(dict(state.renames), dict(state.moves), list(state.order))
        self.errors = failures
        self._report_failures(failures, corpus.skipped)
        n = len(new_items)
        self.status_label.setText(
            self.tr("{} article(s) added · {} outlet(s) · {} article(s) in all").format(
                n, len(self.model.outlets()), len(self.model)
            )
        )
        self._after_batch()

    @staticmethod
    def freeze_heap() -> None:
        """Move the objects alive now (results, imported modules) out of the GC's way.

        See :func:`gui.app.configure_gc`: full collections then walk only
        what was allocated since, so they no longer freeze the window.
        """
        import gc

        gc.freeze()

    def _report_failures(
        self, failures: Sequence[LoadFailure], skipped: Sequence[LoadFailure] = ()
    ) -> None:
        """One notice: inputs that failed, duplicates, and files of folders not read."""
        if not failures and not skipped:
            return
        dup = [f for f in failures if f.error.startswith("duplicate of")]
        bad = [f for f in failures if not f.error.startswith("duplicate of")]
        details = [f"{f.path}: {f.error}" for f in (*failures, *skipped)]
        parts = []
        if bad:
            text = (
                self.tr("{} input(s) could not be loaded; the others were.")
                if len(self.model)
                else self.tr("None of the {} input(s) could be loaded.")
            )
            parts.append(text.format(len(bad)))
        if dup:
            parts.append(
                self.tr("{} duplicate article(s) recognised and skipped.").format(len(dup))
            )
        if skipped:
            parts.append(
                self.tr("{} file(s) in the folders skipped: not articles FrameLens reads.").format(
                    len(skipped)
                )
            )
        post = self.notices.warning if bad else self.notices.info
        post(" ".join(parts), details=details)

    def _failed(self, message: str) -> None:
        self._worker_ended()
        self.notices.error(message)
        self.status_label.setText(self.tr("Analysis failed"))
        self._after_batch()

    def _cancelled(self) -> None:
        self._worker_ended()
        self.notices.info(self.tr("Loading was cancelled; the articles already shown are kept."))
        self.status_label.setText(self.tr("Cancelled"))
        self._pending_state = None
        self._after_batch()

    def _after_batch(self) -> None:
        if self._queue:
            self._start_next()
        else:
            self._changed(refresh=False)
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
        if self.worker is None and not self._queue and len(self.model):
            self.analysisDone.emit()

    # ------------------------------------------------------------ views
    def _model_changed(self) -> None:
        self.sources = {k: s for k, s in self.sources.items() if k in self.model}
        self._refresh_timer.start()
        self._changed(refresh=False)

    def _refresh_views(self) -> None:
        self.corpus = apply_context(
            self.model.corpus(self.errors, self.corpus.lexicons), self.corrections
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
        from gui.workers.compare_worker import CompareWorker

        if threshold is not None:
            self._compare_threshold = threshold
        corpus = self.corpus
        if len(corpus.outlets) < 1:
            self.comparisonDone.emit()
            return
        if self._compare_worker is not None:
            self._compare_worker.cancel()  # its result would be stale anyway
        # A new threshold for the same articles: only the alignment is redone.
        previous = self.comparison if threshold is not None else None
        worker = CompareWorker(corpus, threshold=self._compare_threshold, previous=previous)
        current = self._is_current_compare
        worker.signals.finished.connect(
            lambda result, c=corpus, w=worker: current(w) and self._compared(c, result)
        )
        worker.signals.failed.connect(
            lambda message, c=corpus, w=worker: current(w) and self._compare_failed(c, message)
        )
        self._compare_worker = worker
        worker.start(self.pool)

    def _is_current_compare(self, worker: Any) -> bool:
        """Whether ``worker`` is the latest comparison (an older one's result is stale)."""
        return worker is self._compare_worker

    def _compared(self, corpus: Corpus, result: Any) -> None:
        if corpus is not self.corpus:
            return  # a stale result: the articles changed meanwhile
        self.comparison, self.outlet_table = result
        self.freeze_heap()
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
        # Only the tab on screen is brought up to date; the others are when they
        # are shown (_tab_changed): refilling a hidden dashboard or aligned view
        # with every new result would block the GUI thread for nothing.
        self._data_version += 1
        self._update_current_tab()

    def _update_current_tab(self) -> None:
        index = self.tabs.currentIndex()
        if self._tab_versions.get(index) == self._data_version:
            return  # already shows the current data
        self._tab_versions[index] = self._data_version
        if index == TAB_ALIGNED and self._aligned is not None:
            self._aligned.set_data(
                self.corpus if len(self.model) else None,
                story_comparison(self.comparison, self.story_picker.current()),
            )
        elif index == TAB_CONCORDANCE and self.concordance is not None:
            self.concordance.set_data(self.corpus if len(self.model) else None, self.comparison)
        elif index == TAB_DASHBOARD and self._dashboard is not None:
            try:
                self._dashboard.set_data(
                    self.corpus if len(self.model) else None,
                    story_comparison(self.comparison, self.story_picker.current()),
                    outlet_table=self.outlet_table,
                )
            except Exception:  # noqa: BLE001 - a dashboard bug must not stop the other views
                log.exception("the dashboard could not show the data")

    def _tab_changed(self, index: int) -> None:
        # The legend's toggles act on the side-by-side columns only.
        self.legend.setVisible(index == TAB_SIDE)
        if index == TAB_ALIGNED and self._aligned is None:
            self._aligned = self._load_tab(index, "gui.widgets.aligned_view", "AlignedView")
            if self._aligned is not None:
                self._aligned.thresholdChanged.connect(lambda t: self._start_compare(t))
                self._aligned.sentenceActivated.connect(self.show_sentence)
        elif index == TAB_DASHBOARD and self._dashboard is None:
            self._dashboard = self._load_tab(index, "gui.widgets.dashboard", "DashboardWidget")
        elif index == TAB_CONCORDANCE and self.concordance is None:
            self.concordance = self._load_tab(index, "gui.widgets.kwic_view", "ConcordanceView")
            if self.concordance is not None:
                self.concordance.hitActivated.connect(self.show_span)
        self._update_current_tab()
        if not self._restoring_view:
            self._changed(refresh=False, dirty=False)

    def _load_tab(self, index: int, module_name: str, class_name: str) -> Any:
        import importlib

        try:
            widget = getattr(importlib.import_module(module_name), class_name)()
        except Exception as error:  # noqa: BLE001 - an unfinished view must not stop the app
            log.exception("cannot build %s", class_name)
            self.notices.warning(self.tr("This view is not available: {}").format(error))
            return None
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        label = self.tabs.tabText(index)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, label)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if old is not None:
            old.deleteLater()
        return widget

    def _story_changed(self, _story: str) -> None:
        """Show one story: its articles in the columns, its facts in the aligned view."""
        shown = self.story_picker.articles()
        if shown != self._story_articles:
            self._story_articles = shown
            self.side.set_corpus(self.corpus, shown)
        self._push_to_tabs()

    def _show_story_of(self, article: int) -> None:
        """Switch to the story holding corpus article ``article`` when another one is shown."""
        shown = self.story_picker.articles()
        if shown is not None and article not in shown and self.comparison is not None:
            story = self.comparison.story_of(article)
            if story is not None:
                self.story_picker.set_current(story.id)

    def _sentence_selected(self, article: int, sentence: int) -> None:
        self.same_fact.show_sentence(article, sentence)
        if 0 <= article < len(self.corpus.articles):
            self.panel.select_key(self.model.keys()[article])

    def show_sentence(self, article: int, sentence: int) -> None:
        """Show sentence ``sentence`` of corpus article ``article`` in its column."""
        if not 0 <= article < len(self.corpus.articles):
            return
        self.tabs.setCurrentIndex(TAB_SIDE)
        self._show_story_of(article)
        self.side.finish_now()
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
        try:
            view = self.side.column(analyzed.outlet).text
            first = view.document_position(article, start)
            last = view.document_position(article, end)
        except KeyError:
            return
        cursor = view.textCursor()
        cursor.setPosition(first)
        cursor.setPosition(last, cursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.setFocus()

    def show_article(self, key: str) -> None:
        keys = self.model.keys()
        if key not in keys:
            return
        index = keys.index(key)
        self.tabs.setCurrentIndex(TAB_SIDE)
        self._show_story_of(index)
        self.side.finish_now()
        outlet = self.model.outlet_of(key)
        try:
            view = self.side.column(outlet).text
            position = view.document_position(index, 0)
        except KeyError:
            return
        cursor = view.textCursor()
        cursor.setPosition(position)
        view.setTextCursor(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect(cursor).top() - 60)
        view.setFocus()

    def find_text(self, text: str, backward: bool) -> bool:
        from PySide6.QtGui import QTextDocument

        self.side.finish_now()
        views = self.side.text_views()
        if not views:
            return False
        focused = next((i for i, v in enumerate(views) if v.hasFocus()), None)
        start = focused if focused is not None else getattr(self, "_find_view", 0) % len(views)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        order = [(start + (-k if backward else k)) % len(views) for k in range(len(views) + 1)]
        for n, i in enumerate(order):
            view = views[i]
            if n > 0:  # moved on to another column: start at its top (or bottom)
                cursor = view.textCursor()
                cursor.movePosition(
                    cursor.MoveOperation.End if backward else cursor.MoveOperation.Start
                )
                view.setTextCursor(cursor)
            if view.find(text, flags):
                self._find_view = i
                view.ensureCursorVisible()
                return True
        return False

    # ------------------------------------------------------------ sessions
    def current_session(self) -> Session:
        """The user's work as a :class:`Session` (including items still being analysed)."""
        keys = self.model.keys()
        sources = [self._embedded(self.sources[k]) for k in keys if k in self.sources]
        sources += [s for s in self._inflight + self._queue if s.key not in self.sources]
        sources += self._missing
        renames, moves, order = dict(self.model.renames), dict(self.model.moves), tuple(keys)
        pending = self._pending_state
        if pending is not None:  # a session being reopened: its changes apply once analysed
            renames = {**pending.renames, **renames}
            moves = {**pending.moves, **moves}
            order = order + tuple(k for k in pending.order if k not in set(order))
        return Session(
            sources=tuple(sources),
            renames=renames,
            moves=moves,
            order=order,
            lexicons=tuple(self.lexicons),
            corrections=tuple(self.corrections),
            view={
                "zoom": self.settings.zoom,
                "hidden_categories": sorted(self.side.hidden),
                "sync_scroll": self.side.sync_scroll,
                "tab": self.tabs.currentIndex(),
            },
        )

    def _embedded(self, source: Source) -> Source:
        """A file source with the article's text and details, so the session travels."""
        if source.kind != "file" or not self.settings.embed_text or source.key not in self.model:
            return source
        from dataclasses import replace

        article = self.model.article(source.key).article
        return replace(
            source,
            text=article.text,
            outlet=self.model.detected_outlet(source.key),
            title=article.title,
            author=article.author,
            date=article.date,
            url=article.url,
        )

    def restore_session(self, session: Session, path: Path | None = None) -> None:
        """Replace the current work with ``session`` (reanalysing its sources).

        Files are looked for at their path, then relative to the session file
        (a moved folder), then read from their embedded text; files found
        nowhere are listed in a notice that offers to locate them.
        """
        folder = Path(os.path.abspath(path)).parent if path is not None else None
        resolved = resolve_sources(session, folder)
        session = resolved.session
        if self.worker is not None:
            self.worker.cancel()
        self._queue = []
        self.model.clear()
        self.sources = {}
        self._fingerprints = {}
        self.errors = []
        self.lexicons = list(session.lexicons)
        self.corrections = list(session.corrections)
        self.session_path = path
        self._counter = 0
        self._pending_state = session
        self._missing = [s for s in resolved.missing if s.key not in set(session.removed)]
        if self._missing:
            self._tell_missing()
        if resolved.missing_lexicons:
            self.notices.warning(
                self.tr(
                    "{} lexicon file(s) of this session were not found; the articles are "
                    "analysed without them (File > Add Lexicon adds them again)."
                ).format(len(resolved.missing_lexicons)),
                details=list(resolved.missing_lexicons),
            )
        view = session.view
        self._restoring_view = True
        try:
            if isinstance(view.get("zoom"), int):
                self.set_zoom(int(view["zoom"]))
            hidden = view.get("hidden_categories")
            if isinstance(hidden, list):
                self.legend.set_hidden(str(h) for h in hidden)
            if isinstance(view.get("sync_scroll"), bool):
                self.sync_action.setChecked(bool(view["sync_scroll"]))
                self._sync_toggled(bool(view["sync_scroll"]))
            if isinstance(view.get("tab"), int) and 0 <= view["tab"] <= 2:
                self.tabs.setCurrentIndex(int(view["tab"]))
        finally:
            self._restoring_view = False
        removed = set(session.removed)
        sources = [s for s in session.sources if s.key not in removed]
        if self.worker is not None:
            # The cancelled run ends on its own; queue the session's sources after it.
            self._queue = list(sources)
        else:
            self.add_sources(sources)
        self.dirty = path is None
        self._update_title()

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Session"),
            self.settings.last_dir,
            self.tr("FrameLens sessions (*{})").format(SUFFIX),
        )
        if path:
            self.open_session(path)

    def open_session(self, path: str | os.PathLike[str]) -> bool:
        try:
            session = load_session(path)
        except SessionError as error:
            self.notices.error(str(error))
            return False
        self.settings.add_recent("recent_sessions", os.path.abspath(os.fspath(path)))
        self.restore_session(session, Path(path))
        self.dirty = False
        self._update_title()
        return True

    def _embed_toggled(self, on: bool) -> None:
        self.settings.embed_text = on
        self._changed(dirty=bool(len(self.model)))

    def _tell_missing(self) -> None:
        n = len(self._missing)
        self.notices.warning(
            self.tr(
                "{} file(s) of this session were not found (moved or deleted) and the "
                "session holds no copy of their text. Locate the folder that holds them."
            ).format(n),
            details=[s.path for s in self._missing],
            actions=[(self.tr("Locate…"), self.locate_missing)],
        )

    def locate_missing(self, folder: str | None = None) -> None:
        """Ask for a folder; every missing file of the session found there is relinked."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Locate the missing files"), self.settings.last_dir
            )
        if not folder:
            return
        found = resolve_sources(Session(sources=tuple(self._missing)), search=folder)
        if len(found.missing) == len(self._missing):
            self.notices.warning(self.tr("None of the missing files are in {}.").format(folder))
            return
        # Reopen the whole session with the files relinked: their keys change,
        # and the outlet moves and the order follow them.
        relinked = resolve_sources(self.current_session(), search=folder)
        dirty = self.dirty
        self.restore_session(relinked.session, self.session_path)
        self.dirty = True if self.session_path is not None else dirty
        self._update_title()

    def save_session(self) -> bool:
        if self.session_path is None:
            return self.save_session_as()
        return self.save_session_to(self.session_path)

    def save_session_as(self) -> bool:
        start = str(
            self.session_path or Path(self.settings.last_dir or ".") / f"comparison{SUFFIX}"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Session"), start, self.tr("FrameLens sessions (*{})").format(SUFFIX)
        )
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_session_to(Path(path))

    def save_session_to(self, path: Path) -> bool:
        try:
            save_session(self.current_session(), path)
        except SessionError as error:
            self.notices.error(str(error))
            return False
        self.session_path = Path(path)
        self.settings.add_recent("recent_sessions", str(Path(path).resolve()))
        self.dirty = False
        self._update_title()
        self.status_label.setText(self.tr("Session saved to {}").format(path))
        return True

    def _changed(self, *, refresh: bool = False, dirty: bool = True) -> None:
        """Something the user would not want to lose changed: mark it and autosave soon."""
        if self._restoring_view:
            return
        if dirty and (len(self.model) or self._queue or self._inflight):
            self.dirty = True
        self._update_title()
        if hasattr(self, "_autosave_timer"):
            self._autosave_timer.start()

    def autosave(self, *, wait: bool = False) -> None:
        """Write the work to the autosave file (atomically, in a pool thread unless ``wait``)."""
        session = self.current_session()
        if session.is_empty:
            self._remove_autosave()
            return
        self.autosaver.save(session, wait=wait)

    def autosave_now(self) -> None:
        """Write the autosave at once (a pending delayed one is dropped)."""
        self._autosave_timer.stop()
        self.autosave(wait=True)

    def _autosave_failed(self, reason: str) -> None:
        """Autosaving fails: say so until it works again, and offer to save elsewhere."""
        self.autosave_warning.setToolTip(reason)
        if self._autosave_warned:  # already said; the button stays until it works
            return
        self._autosave_warned = True
        self.autosave_warning.show()
        self.notices.error(
            self.tr(
                "Your work is not being autosaved, so a crash would lose it. {} "
                "Save the session somewhere else to keep it safe."
            ).format(reason),
            actions=[(self.tr("Save Session As…"), self.save_session_as)],
        )

    def _autosave_worked(self, _path: str) -> None:
        self._autosave_warned = False
        self.autosave_warning.hide()

    def _remove_autosave(self) -> None:
        self.autosaver.remove()

    def _update_title(self) -> None:
        path = self.session_path
        name = file_label(str(path)) if path else self.tr("Untitled comparison")
        self.setWindowTitle(f"{name}[*] — FrameLens")
        self.setWindowModified(self.dirty)

    def add_lexicon(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add Lexicon"),
            self.settings.last_dir,
            self.tr("Lexicons (*.tsv *.dic *.tff);;All files (*)"),
        )
        if path:
            self.add_lexicon_path(path)

    def add_correction(self, correction: Correction) -> None:
        """Apply a reader's correction to every view and score, keep it in the
        session and write the reader's lexicon file (reader-lexicon.tsv)."""
        from analysis.corrections import reader_lexicon_tsv

        self.corrections.append(correction)
        folder = self.autosave_path.parent  # the state folder (a temporary one in tests)
        with contextlib.suppress(OSError):  # the session keeps it; the file is a copy
            folder.mkdir(parents=True, exist_ok=True)
            (folder / READER_LEXICON).write_text(
                reader_lexicon_tsv(self.corrections), encoding="utf-8"
            )
        self._refresh_views()
        self._changed()

    def add_lexicon_path(self, path: str) -> None:
        """Merge a user lexicon into the built-in one and analyse everything again."""
        try:
            from analysis.lexicon import load_lexicon

            load_lexicon(path)
        except FrameLensError as error:
            self.notices.error(str(error))
            return
        if path not in self.lexicons:
            self.lexicons.append(path)
        session = self.current_session()
        self.restore_session(session, self.session_path)
        self.dirty = True
        self.notices.info(
            self.tr("Lexicon {} added; the articles are analysed again.").format(path)
        )

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = [p for p in self.settings.recent_files if os.path.exists(p)]
        sessions = [p for p in self.settings.recent_sessions if os.path.exists(p)]
        for p in sessions:
            menu.addAction(
                self.tr("Session: {}").format(Path(p).name), lambda p=p: self.open_session(p)
            )
        if sessions and files:
            menu.addSeparator()
        for p in files:
            menu.addAction(Path(p).name or p, lambda p=p: self.add_paths([p]))
        if not files and not sessions:
            none = menu.addAction(self.tr("No recent files"))
            none.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Recent"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self.settings.recent_sessions = []

    # ------------------------------------------------------------ report, help
    def _report(self, name: str) -> None:
        if not len(self.model):
            self.notices.info(
                self.tr("Open some articles first: there is nothing to print or export.")
            )
            return
        try:
            import gui.report as report

            function = getattr(report, name)
        except (ImportError, AttributeError):
            self.notices.warning(self.tr("Printing and export are not available in this build."))
            return
        self.side.finish_now()
        try:
            function(self, self.corpus, self.comparison)
        except FrameLensError as error:
            self.notices.error(str(error))

    def show_methodology(self) -> None:
        self._help("show_methodology")

    def show_about(self) -> None:
        self._help("show_about")

    def _help(self, name: str) -> None:
        try:
            from gui.dialogs import help as help_dialogs

            function = getattr(help_dialogs, name)
        except (ImportError, AttributeError):
            from analysis import __version__

            if name == "show_about":
                QMessageBox.about(
                    self,
                    self.tr("About FrameLens"),
                    f"FrameLens {__version__}\nSee how news outlets frame the same story.",
                )
            else:
                self.notices.info(self.tr("The methodology page is not available in this build."))
            return
        function(self)

    def show_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from gui.crash import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.status_label.setText(self.tr("Logs are in {}").format(folder))

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.dirty and len(self.model) and self.settings.confirm_close:
            answer = QMessageBox.question(
                self,
                self.tr("Save the comparison?"),
                self.tr(
                    "The comparison has unsaved changes. Save it as a session before quitting?"
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save_session()
            ):
                event.ignore()
                return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop the workers, save the settings, and drop the autosave (a clean exit)."""
        self._autosave_timer.stop()
        if self.worker is not None:
            self.worker.cancel()
        if self._compare_worker is not None:
            self._compare_worker.cancel()
        self._queue = []
        # Both workers stop at their next check (between chunks, or every few
        # hundred sentences of the alignment), so this wait is short.
        self.pool.waitForDone(30000)
        self.side._timer.stop()
        self.save_settings()
        self._remove_autosave()
