"""Tests for gui.widgets.view_tabs: views built when first shown, filled when visible."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from gui.widgets.view_tabs import TAB_ALIGNED, TAB_DASHBOARD, TAB_SIDE, ViewTabs
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_views_are_built_when_first_shown(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    from gui.notices import Notices
    from gui.widgets.aligned_view import AlignedView

    tabs = ViewTabs(QLabel("side"), Notices())
    qtbot.addWidget(tabs)
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Side by side",
        "Aligned statements",
        "Dashboard",
        "Concordance",
    ]
    tabs.set_data(None, None)
    assert tabs.aligned is None and tabs.dashboard is None and tabs.concordance is None
    tabs.setCurrentIndex(TAB_ALIGNED)
    assert isinstance(tabs.aligned, AlignedView) and tabs.widget(TAB_ALIGNED) is tabs.aligned
    assert tabs.tabText(TAB_ALIGNED) == "Aligned statements"
    assert tabs.dashboard is None  # the others wait until they are shown
    with qtbot.waitSignal(tabs.sentenceActivated) as blocker:
        tabs.aligned.sentenceActivated.emit(1, 2)
    assert blocker.args == [1, 2]


def test_hidden_tabs_are_updated_when_shown(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    done = [window.analysisDone, window.comparisonDone]
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("One story here.", outlet="Alpha")
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    shown: list[Any] = []
    window.tabs.dashboard.set_data = lambda corpus, comparison, **_: shown.append(corpus)
    window.tabs.setCurrentIndex(TAB_SIDE)
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("Another story.", outlet="Beta")
    assert shown == []  # nothing is drawn into the hidden dashboard
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert [len(corpus.articles) for corpus in shown] == [2]
    window.tabs.setCurrentIndex(TAB_SIDE)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert len(shown) == 1  # unchanged data is not drawn again
