"""No article column is ever shown selected: after loading, and after every rebuild.

A column once ended up entirely selected after each load (its cursor kept its
position on insert, but not its anchor), which painted the selection colour
over every highlight. These tests check the cursor of every column after each
path that rebuilds the columns, and the rendered pixels of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from gui.mainwindow import MainWindow
from tests.gui.core_fakes import make_window

SAMPLES = resources_dir() / "samples"


def load(window: MainWindow, qtbot: QtBot, action: Any) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        action()


def rebuilt(window: MainWindow, qtbot: QtBot, action: Any) -> None:
    with qtbot.waitSignal(window.side.built, timeout=20000):
        action()


def assert_nothing_selected(window: MainWindow) -> None:
    views = window.side.text_views()
    assert views, "no column was built"
    for view in views:
        cursor = view.textCursor()
        assert not cursor.hasSelection(), (
            f"a column has {cursor.selectionEnd() - cursor.selectionStart()} characters selected"
        )
        assert cursor.position() == 0


def selection_share(window: MainWindow) -> float:
    """The share of the columns' rendered pixels painted in the selection colour."""
    painted = total = 0
    for view in window.side.text_views():
        image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        colour = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        target = QColor(colour).rgb() & 0xFFFFFF
        width, height = image.width(), image.height()
        for y in range(0, height, 2):
            for x in range(0, width, 2):
                total += 1
                if image.pixel(x, y) & 0xFFFFFF == target:
                    painted += 1
    return painted / max(total, 1)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.resize(1400, 900)
    load(win, qtbot, lambda: win.add_paths([str(SAMPLES)]))
    if win.side.building:
        with qtbot.waitSignal(win.side.built, timeout=20000):
            pass
    return win


def test_loading_selects_nothing_and_the_pixels_show_it(window: MainWindow, qtbot: QtBot) -> None:
    assert len(window.side.text_views()) >= 4
    assert_nothing_selected(window)
    qtbot.wait(50)
    assert selection_share(window) < 0.01


def test_no_rebuild_path_selects_anything(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    outlets = window.model.outlets()
    rebuilt(window, qtbot, lambda: window.set_theme("dark"))
    assert_nothing_selected(window)
    rebuilt(window, qtbot, lambda: window.set_theme("light"))
    assert_nothing_selected(window)
    rebuilt(window, qtbot, lambda: window.model.rename_outlet(outlets[0], "Renamed Outlet"))
    assert_nothing_selected(window)
    rebuilt(window, qtbot, lambda: window.model.merge_outlets([outlets[1]], "Renamed Outlet"))
    assert_nothing_selected(window)
    load(
        window, qtbot, lambda: window.add_text("A pasted story. It has two sentences.", outlet="P")
    )
    if window.side.building:
        with qtbot.waitSignal(window.side.built, timeout=20000):
            pass
    assert_nothing_selected(window)
    path = tmp_path / "work.framelens"
    assert window.sessions.save_to(path)
    other = make_window(qtbot, tmp_path / "second")
    other.resize(1400, 900)
    load(other, qtbot, lambda: other.sessions.open(path))
    if other.side.building:
        with qtbot.waitSignal(other.side.built, timeout=20000):
            pass
    assert_nothing_selected(other)
    qtbot.wait(50)
    assert selection_share(other) < 0.01
