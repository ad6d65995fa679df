"""The window's tabs: side by side, aligned statements, dashboard, concordance.

The side-by-side page is given; the other three are built when first shown
(the dashboard imports QtCharts, which the window does not need at start).
Only the tab on screen is brought up to date when the data change
(:meth:`ViewTabs.set_data`); the others are when they are shown: refilling
a hidden dashboard or aligned view with every new result would block the
GUI thread for nothing.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from gui.notices import Notices
from gui.widgets.story_picker import story_comparison

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison
    from analysis.model import Corpus
    from gui.widgets.aligned_view import AlignedView
    from gui.widgets.dashboard import DashboardWidget
    from gui.widgets.kwic_view import ConcordanceView

log = logging.getLogger(__name__)

TAB_SIDE, TAB_ALIGNED, TAB_DASHBOARD, TAB_CONCORDANCE = range(4)


class ViewTabs(QTabWidget):
    """The views of one comparison, each built when first shown and filled when visible."""

    #: The aligned view's similarity threshold changed.
    thresholdChanged = Signal(float)
    #: Show sentence (article, sentence) in its column.
    sentenceActivated = Signal(int, int)
    #: A concordance hit: (article, start, end).
    hitActivated = Signal(int, int, int)

    def __init__(self, side_page: QWidget, notices: Notices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices = notices
        self.aligned: AlignedView | None = None
        self.dashboard: DashboardWidget | None = None
        #: The Concordance tab (gui.widgets.kwic_view), built when first shown.
        self.concordance: ConcordanceView | None = None
        self._corpus: Corpus | None = None
        self._comparison: Comparison | None = None
        self._story = ""
        self._outlet_table: pd.DataFrame | None = None
        #: Bumped whenever the data change; per tab, the version it shows.
        self._version = 0
        self._shown: dict[int, int] = {}
        self.setDocumentMode(True)
        self.addTab(side_page, self.tr("Side by side"))
        for name in (
            self.tr("Aligned statements"),
            self.tr("Dashboard"),
            self.tr("Concordance"),
        ):
            label = QLabel(self.tr("{} appear once articles are loaded.").format(name))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("color: palette(placeholder-text);")
            self.addTab(label, name)
        self.currentChanged.connect(self._tab_changed)

    def set_data(
        self,
        corpus: Corpus | None,
        comparison: Comparison | None,
        story: str = "",
        outlet_table: pd.DataFrame | None = None,
    ) -> None:
        """Show ``corpus`` (None: no articles) and its comparison, narrowed to ``story``."""
        self._corpus, self._comparison = corpus, comparison
        self._story, self._outlet_table = story, outlet_table
        self._version += 1
        self._update_current()

    def _update_current(self) -> None:
        index = self.currentIndex()
        if self._shown.get(index) == self._version:
            return  # already shows the current data
        self._shown[index] = self._version
        if index == TAB_ALIGNED and self.aligned is not None:
            self.aligned.set_data(self._corpus, story_comparison(self._comparison, self._story))
        elif index == TAB_CONCORDANCE and self.concordance is not None:
            self.concordance.set_data(self._corpus, self._comparison)
        elif index == TAB_DASHBOARD and self.dashboard is not None:
            try:
                self.dashboard.set_data(
                    self._corpus,
                    story_comparison(self._comparison, self._story),
                    outlet_table=self._outlet_table,
                )
            except Exception:  # noqa: BLE001 - a dashboard bug must not stop the other views
                log.exception("the dashboard could not show the data")

    def _tab_changed(self, index: int) -> None:
        if index == TAB_ALIGNED and self.aligned is None:
            self.aligned = cast(
                "AlignedView | None", self._load(index, "gui.widgets.aligned_view", "AlignedView")
            )
            if self.aligned is not None:
                self.aligned.thresholdChanged.connect(self.thresholdChanged)
                self.aligned.sentenceActivated.connect(self.sentenceActivated)
        elif index == TAB_DASHBOARD and self.dashboard is None:
            self.dashboard = cast(
                "DashboardWidget | None",
                self._load(index, "gui.widgets.dashboard", "DashboardWidget"),
            )
        elif index == TAB_CONCORDANCE and self.concordance is None:
            self.concordance = cast(
                "ConcordanceView | None",
                self._load(index, "gui.widgets.kwic_view", "ConcordanceView"),
            )
            if self.concordance is not None:
                self.concordance.hitActivated.connect(self.hitActivated)
        self._update_current()

    def _load(self, index: int, module_name: str, class_name: str) -> Any:
        try:
            widget = getattr(importlib.import_module(module_name), class_name)()
        except Exception as error:  # noqa: BLE001 - an unfinished view must not stop the app
            log.exception("cannot build %s", class_name)
            self.notices.warning(self.tr("This view is not available: {}").format(error))
            return None
        current = self.currentIndex()
        self.blockSignals(True)
        label = self.tabText(index)
        old = self.widget(index)
        self.removeTab(index)
        self.insertTab(index, widget, label)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        if old is not None:
            old.deleteLater()
        return widget
