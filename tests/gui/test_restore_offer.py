"""Tests for gui.restore_offer: kept autosaves are offered, never overwritten."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from analysis.session import Session, load_session
from gui.mainwindow import AUTOSAVE_NAME, MainWindow
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def load(window: MainWindow, qtbot: QtBot, action: Any) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        action()


def test_unanswered_restore_offer_is_never_overwritten(qtbot: QtBot, tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    from analysis.session import Source, save_session

    old = Session(
        sources=(Source(kind="text", key="<pasted 1>", text="Old work.", outlet="Old"),),
        renames={"Old": "Renamed"},
    )
    save_session(old, state / AUTOSAVE_NAME)
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.startup()
    assert "Restore" in window.notice_bar.action_labels()
    # The user ignores the offer and works on something else, which is autosaved.
    with qtbot.waitSignal(window.sessions.autosaved, timeout=10000):
        load(window, qtbot, lambda: window.add_text("New work.", outlet="New"))
    [kept] = window.sessions.autosaver.kept()
    assert load_session(kept) == old
    # Restoring later still brings the old work back, renames included.
    load(window, qtbot, lambda: window.notice_bar.trigger("Restore"))
    assert window.model.outlets() == ["Renamed"]
    assert load_session(state / AUTOSAVE_NAME).renames == {"Old": "Renamed"}
    # The work done meanwhile is kept in turn, not lost.
    [kept] = window.sessions.autosaver.kept()
    assert load_session(kept).sources[0].text == "New work."


def test_two_crashes_in_a_row_keep_both_sessions(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 27, item 1: kill twice without answering; the first session is still there."""
    from analysis.session import Source, save_session

    state = tmp_path / "state"
    state.mkdir()
    first = Session(
        sources=(Source(kind="text", key="<pasted 1>", text="First work.", outlet="One"),),
        renames={"One": "First Outlet"},
    )
    save_session(first, state / AUTOSAVE_NAME)
    # Second run: the offer goes unanswered, new work is autosaved, then a kill.
    second_run = make_window(qtbot, tmp_path, analyze=fake_analyze())
    second_run.startup()
    with qtbot.waitSignal(second_run.sessions.autosaved, timeout=10000):
        load(second_run, qtbot, lambda: second_run.add_text("Second work.", outlet="Two"))
    # Third run: both are kept, the newest is offered, the older listed.
    third = make_window(qtbot, tmp_path, analyze=fake_analyze())
    third.startup()
    kept = third.sessions.autosaver.kept()
    assert [load_session(p).sources[0].text for p in kept] == ["First work.", "Second work."]
    assert third.notice_bar.action_labels() == ["Restore", "Discard", "Choose…"]
    assert "1 earlier unsaved session" in third.notice_bar.current.text
    # Discarding the newest offers the older one next; it restores with its renames.
    third.notice_bar.trigger("Discard")
    assert third.notice_bar.action_labels() == ["Restore", "Discard"]
    load(third, qtbot, lambda: third.notice_bar.trigger("Restore"))
    assert third.model.outlets() == ["First Outlet"]
    assert third.sessions.autosaver.kept() == []


def test_the_list_of_kept_sessions_restores_any_of_them(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.session import Source, save_session
    from gui.dialogs.kept_autosaves import KeptAutosavesDialog

    state = tmp_path / "state"
    state.mkdir()
    for n in (1, 2, 3):
        work = Session(sources=(Source(kind="text", key="<p>", text=f"Work {n}.", outlet=f"O{n}"),))
        save_session(work, state / f"previous-autosave-2026120{n}-000000.framelens")
        os.utime(state / f"previous-autosave-2026120{n}-000000.framelens", (n * 1000, n * 1000))
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.startup()
    window.sessions.restore_offer.choose()
    dialog = window.sessions.restore_offer.dialog
    assert isinstance(dialog, KeptAutosavesDialog)
    assert dialog.list.count() == 3 and "O3" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(2)  # the oldest
    load(window, qtbot, dialog.restore_selected)
    assert window.model.outlets() == ["O1"]
    assert len(window.sessions.autosaver.kept()) == 2
