"""Tests for gui.actions: the action table and the menus and toolbar built from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from gui.actions import ACTIONS, MENUS, TOOLBAR, ActionSpec, Submenu, build_actions, build_menus
from gui.actions import set_busy as set_busy_actions
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _keys(items: tuple[Any, ...]) -> list[str]:
    found: list[str] = []
    for item in items:
        if isinstance(item, Submenu):
            found += _keys(item.items)
        elif item != "-" and "." not in item:
            found.append(item)
    return found


def test_every_action_has_one_key_and_a_place_in_the_menus() -> None:
    keys = [spec.key for spec in ACTIONS]
    assert len(keys) == len(set(keys))
    in_menus = _keys(MENUS)
    assert sorted(in_menus) == sorted(keys)  # each once, none unknown
    assert set(TOOLBAR) - {"-"} <= set(keys)


class _Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def hello(self, *args: Any) -> None:
        self.calls.append(("hello", args))

    def fill(self, menu: QMenu) -> None:
        menu.clear()
        menu.addAction("filled")


def test_a_table_becomes_actions_menus_and_a_toolbar(qtbot: QtBot) -> None:
    window = _Window()
    qtbot.addWidget(window)
    specs = (
        ActionSpec("plain", "&Plain", "hello", "Ctrl+K", "Say hello"),
        ActionSpec("with_args", "&Args", "hello", None, args=(3, "x")),
        ActionSpec("busy_only", "&Stop", "hello", "Esc", enabled_when="busy"),
        ActionSpec("idle_only", "&Go", "hello", enabled_when="idle"),
    )
    actions = build_actions(window, specs)
    assert actions["plain"].shortcut().toString() == "Ctrl+K"
    assert actions["plain"].toolTip() == "Say hello"
    assert set(window.actions()) == set(actions.values())  # shortcuts work without a menu
    actions["plain"].trigger()
    actions["with_args"].trigger()
    assert len(window.calls) == 2 and window.calls[1] == ("hello", (3, "x"))
    set_busy_actions(actions, False, specs)
    assert not actions["busy_only"].isEnabled() and actions["idle_only"].isEnabled()
    set_busy_actions(actions, True, specs)
    assert actions["busy_only"].isEnabled() and not actions["idle_only"].isEnabled()

    sub, live = Submenu("&Sub", ("with_args",)), Submenu("&Live", fill="fill")
    menus = (Submenu("&Top", ("plain", "-", sub, live)),)
    toolbar = build_menus(window, actions, menus, ("plain", "-", "with_args"))
    [top] = [a.menu() for a in window.menuBar().actions()]
    assert [a.text() for a in top.actions()] == ["&Plain", "", "&Sub", "&Live"]
    live_menu = top.actions()[3].menu()
    live_menu.aboutToShow.emit()
    assert [a.text() for a in live_menu.actions()] == ["filled"]
    assert [a.text() for a in toolbar.actions()] == ["&Plain", "", "&Args"]


def test_the_window_menus_follow_the_table(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Articles", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if a.text()]
    assert texts[:4] == ["&Open…", "Open &Folder…", "&Paste Text…", "Open &Recent"]
    assert texts[-2:] == ["&Export", "&Quit"]
    # Actions that would conflict with a running analysis follow it.
    assert not window.act["cancel"].isEnabled() and window.act["lexicon"].isEnabled()
    window.queue.busyChanged.emit(True)
    assert window.act["cancel"].isEnabled()
    assert not window.act["lexicon"].isEnabled() and not window.act["open_session"].isEnabled()
    window.queue.busyChanged.emit(False)
    assert not window.act["cancel"].isEnabled() and window.act["open_session"].isEnabled()


def test_tab_actions_and_the_theme_group(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.act["tab_concordance"].trigger()
    assert window.tabs.currentIndex() == 3
    window.act["tab_side"].trigger()
    assert window.tabs.currentIndex() == 0
    # (Triggering a theme would restyle the whole test application: test_contrast does that.)
    group = window.act["theme_dark"].actionGroup()
    assert group is not None and group.isExclusive()
    assert group.actions() == [window.act[k] for k in ("theme_system", "theme_light", "theme_dark")]
    assert window.act["theme_system"].isChecked()  # the settings' default
