"""The main window: loading by drop, grouping and renaming, sessions, autosave, responsiveness."""

from __future__ import annotations

import html
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QTimer, QUrl
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from gui.mainwindow import MainWindow
from gui.settings import Settings
from tests.gui.core_fakes import drop, fake_analyze, make_window, urls

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLES = resources_dir() / "samples"


def load(window: MainWindow, qtbot: QtBot, action: Any) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        action()


def test_drop_files_and_folders_groups_by_outlet_and_reports_failures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    folder = tmp_path / "more"
    folder.mkdir()
    shutil.copy(SAMPLES / "meridian-wire.txt", folder / "wire-copy.txt")  # a duplicate
    load(window, qtbot, lambda: drop(window.side.viewport(), urls(SAMPLES, bad, folder)))
    assert window.model.outlets() == [
        "The Daily Clarion",
        "The Marrowford Sentinel",
        "Meridian Wire",
        "Riverside Voice",
    ]
    assert [c.outlet for c in window.side.columns] == window.model.outlets()
    warnings = [n for n in window.notices.history if n.level == "warning"]
    assert warnings and any(str(bad) in d for d in warnings[-1].details)
    assert any("duplicate" in d for d in warnings[-1].details)
    # Highlights from the real engine explain themselves.
    view = window.side.column("The Marrowford Sentinel").text
    placed = view.placed[0]
    loaded = next(h for h in placed.highlights if h.kind == "loaded")
    tip = view.tooltip_at(view.document_position(placed.index, loaded.start))
    assert html.escape(loaded.text) in tip and html.escape(loaded.reason) in tip
    # Dropping the same files again adds nothing and says so.
    drop(window.side.viewport(), urls(SAMPLES / "daily-clarion.txt"))
    assert "already open" in window.notices.history[-1].text


def test_rename_regroups_and_legend_toggles(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.add_text("One story here.", outlet="Alpha"))
    load(window, qtbot, lambda: window.add_text("Another story.", outlet="Beta"))
    assert window.model.outlets() == ["Alpha", "Beta"]
    with qtbot.waitSignal(window.side.built):
        window.model.rename_outlet("Beta", "Alpha")
    assert [c.outlet for c in window.side.columns] == ["Alpha"]
    assert len(window.side.column("Alpha").articles) == 2
    window.legend.boxes["hedge"].setChecked(False)
    assert window.settings.hidden_categories == ["hedge"]
    assert window.side.column("Alpha").text.hidden == {"hedge"}


def test_event_loop_keeps_running_during_analysis(qtbot: QtBot, tmp_path: Path) -> None:
    gate = threading.Event()
    window = make_window(qtbot, tmp_path, analyze=fake_analyze(gate))
    beats: list[bool] = []

    def beat() -> None:
        beats.append(window.queue.worker is not None)
        if len(beats) >= 5:
            gate.set()  # the analysis finishes only after the window has handled 5 heartbeats

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    load(window, qtbot, lambda: window.add_text("Some text to analyse.", outlet="A"))
    heartbeat.stop()
    assert sum(beats[:5]) == 5  # every one of them fired while the worker was busy
    assert window.model.outlets() == ["A"]


def test_cancel_keeps_what_was_shown(qtbot: QtBot, tmp_path: Path) -> None:
    gate = threading.Event()
    window = make_window(qtbot, tmp_path, analyze=fake_analyze(gate))
    window.add_text("Text.", outlet="A")
    qtbot.waitUntil(lambda: window.progress.isVisible())
    with qtbot.waitSignal(window.analysisDone, timeout=20000):
        window.act["cancel"].trigger()
    assert window.queue.worker is None and len(window.model) == 0
    assert "cancelled" in window.notices.history[-1].text


def test_links_are_never_fetched(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example/story")])
    assert drop(window.side.viewport(), mime)
    assert window.queue.worker is None
    assert "does not download" in window.notices.history[-1].text
    assert window.notices.history[-1].details == ("https://news.example/story",)


def test_html_dragged_from_a_browser_is_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    mime = QMimeData()
    mime.setHtml(
        "<html><body><article><h1>Bridge</h1><p>"
        + "The bridge reopened today. " * 30
        + "</p></article><img src='http://tracker.example/p.gif'></body></html>"
    )
    load(window, qtbot, lambda: drop(window.side.viewport(), mime))
    assert len(window.model) == 1
    assert window.sessions.current().sources[0].kind == "html"


def test_first_start_offers_the_samples(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.is_new
    window = MainWindow(settings, autosave_dir=tmp_path / "state", analyze=fake_analyze())
    qtbot.addWidget(window)
    window.startup()
    assert window.notice_bar.action_labels() == ["Open Sample Articles"]
    # Once articles are shown, the welcome closes by itself.
    load(window, qtbot, lambda: window.add_text("A first story.", outlet="Alpha"))
    assert window.notice_bar.current is None and window.notice_bar.isHidden()
    window.settings.confirm_close = False
    window.close()
    second = MainWindow(Settings(tmp_path / "settings.ini"), autosave_dir=tmp_path / "state")
    qtbot.addWidget(second)
    second.startup()
    assert not second.notices.history


def test_keyboard_shortcuts_are_standard(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["Open…"] == "Ctrl+O"
    assert shortcuts["Save Session"] == "Ctrl+S"
    assert shortcuts["Print…"] == "Ctrl+P"
    assert shortcuts["Find…"] == "Ctrl+F"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Zoom In"] == "Ctrl+="
    assert shortcuts["Reset Zoom"] == "Ctrl+0"
    window.act["zoom_in"].trigger()
    assert window.settings.zoom == 1


def test_f6_moves_focus_between_panel_and_columns(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.add_text("One.", outlet="A"))
    load(window, qtbot, lambda: window.add_text("Two.", outlet="B"))
    window.activateWindow()
    window.panel.tree.setFocus()
    order = []
    for _ in range(3):
        window.act["focus"].trigger()
        focused = window.focusWidget()
        order.append(
            "panel"
            if focused is window.panel.tree
            else next((c.outlet for c in window.side.columns if c.text is focused), "?")
        )
    assert order == ["A", "B", "panel"]
