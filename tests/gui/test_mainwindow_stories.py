"""The main window with articles on two events: a story list, one story shown at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.mainwindow import TAB_ALIGNED, TAB_SIDE
from gui.widgets.story_picker import story_comparison
from tests.analysis.test_compare_stories import BRIDGE, BRIDGE_2, HARVEST, HARVEST_2
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def shown_articles(window) -> set[int]:
    return {p.index for column in window.side.columns for p in column.text.placed}


def test_two_events_are_two_stories_shown_one_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    with qtbot.waitSignals([window.analysisDone, window.comparisonDone], timeout=60000):
        for text, outlet in (
            (BRIDGE, "Harbour Gazette"), (HARVEST, "Harbour Gazette"),
            (HARVEST_2, "Valley Courier"), (BRIDGE_2, "Valley Courier"),
        ):  # fmt: skip
            window.add_text(text, outlet=outlet)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=60000)
    stories = window.comparison.stories
    assert len(stories) == 2
    picker = window.story_picker
    assert not picker.isHidden()
    window.side.finish_now()
    assert shown_articles(window) == set(stories[0].articles)

    picker.set_current(stories[1].id)
    window.side.finish_now()
    assert shown_articles(window) == set(stories[1].articles)

    window.tabs.setCurrentIndex(TAB_ALIGNED)
    qtbot.waitUntil(lambda: window.tabs.aligned is not None)
    rows = window.tabs.aligned.rows()
    assert rows
    story_articles = set(stories[1].articles)
    statements = [row for row in rows if row.kind != "headline"]
    assert statements
    assert all(row.ref is not None and row.ref[0] in story_articles for row in statements)
    # The headline row holds this story's headlines only.
    assert all(
        h.article in story_articles
        for h in story_comparison(window.comparison, stories[1].id).headlines
    )

    # Showing a sentence of the other story switches to that story.
    other = stories[0].articles[0]
    window.show_sentence(other, 0)
    assert window.tabs.currentIndex() == TAB_SIDE
    assert picker.current() == stories[0].id
    assert other in shown_articles(window)
