"""Tests for gui.widgets.find_bar: finding text across the article columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from analysis.model import Corpus
from gui.widgets.find_bar import FindBar
from gui.widgets.side_by_side import SideBySideView
from tests.gui.core_fakes import analyzed


@pytest.fixture
def bar(qtbot: QtBot) -> FindBar:
    side = SideBySideView()
    qtbot.addWidget(side)
    side.set_corpus(
        Corpus(
            (
                analyzed("The wharf closed. Nobody came.", path="a.txt", outlet="North Post"),
                analyzed("Crowds met at the wharf.", path="b.txt", outlet="South Herald"),
            )
        )
    )
    side.finish_now()
    find_bar = FindBar(side)
    qtbot.addWidget(find_bar)
    return find_bar


def selections(bar: FindBar) -> list[str]:
    return [view.textCursor().selectedText() for view in bar.side.text_views()]


def test_search_moves_through_the_columns_and_wraps(bar: FindBar) -> None:
    bar.open()
    bar.edit.setText("wharf")
    assert bar.search(False)
    assert selections(bar) == ["wharf", ""]
    assert bar.search(False)  # the first column has no second hit: on to the next
    assert selections(bar)[1] == "wharf"
    assert bar.search(False)  # and round again to the first
    assert bar.status.text() == ""


def test_backward_search_and_a_miss(bar: FindBar) -> None:
    bar.edit.setText("Crowds")
    assert bar.search(True)
    assert selections(bar)[1] == "Crowds"
    bar.edit.setText("zeppelin")
    assert not bar.search(False)
    assert bar.status.text() == "Not found"
    bar.edit.setText("")
    assert not bar.search(False)  # nothing to look for


def test_escape_closes_the_bar(qtbot: QtBot, bar: FindBar) -> None:
    bar.show()
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert bar.isHidden()
