"""The main window: loading by drop, grouping and renaming, sessions, autosave, responsiveness."""

from __future__ import annotations

import html
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QTimer, QUrl
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from analysis.session import Session, load_session
from gui.mainwindow import AUTOSAVE_NAME, MainWindow
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
        beats.append(window.worker is not None)
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
        window.cancel_action.trigger()
    assert window.worker is None and len(window.model) == 0
    assert "cancelled" in window.notices.history[-1].text


def test_links_are_never_fetched(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example/story")])
    assert drop(window.side.viewport(), mime)
    assert window.worker is None
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
    assert window.current_session().sources[0].kind == "html"


def test_session_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.add_text("Pasted story one.", outlet="Alpha", title="P1"))
    load(window, qtbot, lambda: window.add_paths([str(SAMPLES / "meridian-wire.txt")]))
    window.model.rename_outlet("Alpha", "Renamed")
    window.set_zoom(2)
    path = tmp_path / "work.framelens"
    assert window.save_session_to(path)
    assert not window.isWindowModified()
    saved = load_session(path)
    assert saved.renames == {"Alpha": "Renamed"} and saved.view["zoom"] == 2

    other = make_window(qtbot, tmp_path / "second", analyze=fake_analyze())
    load(other, qtbot, lambda: other.open_session(path))
    assert sorted(other.model.outlets()) == sorted(window.model.outlets())
    assert other.model.keys() == window.model.keys()
    assert other.settings.zoom == 2
    # (The embedded details come from the fake analysis, which numbers titles per run.)
    assert [(s.kind, s.key, s.path) for s in other.current_session().sources] == [
        (s.kind, s.key, s.path) for s in load_session(path).sources
    ]


def test_corrupt_and_newer_sessions_get_a_clear_notice_and_stay_unchanged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    corrupt = tmp_path / "corrupt.framelens"
    corrupt.write_text(
        '{"format": "framelens-session", "version": 1, "sources": [', encoding="utf-8"
    )
    newer = tmp_path / "newer.framelens"
    newer.write_text(json.dumps({"format": "framelens-session", "version": 99}), encoding="utf-8")
    before = corrupt.read_bytes(), newer.read_bytes()
    assert not window.open_session(corrupt)
    assert (
        window.notices.history[-1].level == "error" and "damaged" in window.notices.history[-1].text
    )
    assert not window.open_session(newer)
    assert "newer FrameLens" in window.notices.history[-1].text
    assert window.session_path is None
    assert (corrupt.read_bytes(), newer.read_bytes()) == before


def test_autosave_and_restore(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    with qtbot.waitSignal(window.autosaved, timeout=10000):
        load(window, qtbot, lambda: window.add_text("Precious pasted words.", outlet="Mine"))
    autosave = tmp_path / "state" / AUTOSAVE_NAME
    assert load_session(autosave).sources[0].text == "Precious pasted words."
    # A second window on the same state (as after a crash) offers the work back.
    again = make_window(qtbot, tmp_path, analyze=fake_analyze())
    again.startup()
    assert "Restore" in again.notice_bar.action_labels()
    load(again, qtbot, lambda: again.notice_bar.trigger("Restore"))
    assert again.model.outlets() == ["Mine"]
    # A clean exit removes the autosave.
    again.close()
    assert not autosave.exists()


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
    window.zoom_in_action.trigger()
    assert window.settings.zoom == 1


_KILLED_APP = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from gui.mainwindow import MainWindow
from gui.settings import Settings
from tests.gui.core_fakes import drop, fake_analyze

app = QApplication([])
window = MainWindow(Settings(sys.argv[1]), autosave_dir=Path(sys.argv[2]), analyze=fake_analyze())
window.show()
window.autosaved.connect(lambda path: (print("autosaved", flush=True)))
window.add_text("Words that must survive a kill.", outlet="Survivor")
app.exec()
"""


def test_restore_after_sigkill(qtbot: QtBot, tmp_path: Path, repo_dir: Path) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    state = tmp_path / "state"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo_dir))
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_APP, str(tmp_path / "killed.ini"), str(state)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=repo_dir,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "autosaved"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if proc.stdout is not None:
            proc.stdout.close()
    settings = Settings(tmp_path / "next.ini")
    settings.confirm_close = False
    window = MainWindow(settings, autosave_dir=state, analyze=fake_analyze())
    qtbot.addWidget(window)
    window.startup()
    assert window.notice_bar.action_labels() == ["Restore", "Discard"]
    with qtbot.waitSignal(window.analysisDone, timeout=30000):
        window.notice_bar.trigger("Restore")
    session: Session = window.current_session()
    assert session.sources[0].text == "Words that must survive a kill."
    assert window.model.outlets() == ["Survivor"]
    assert proc.returncode == -signal.SIGKILL


def test_user_lexicon_is_applied_and_kept_in_the_session(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    text = "The council met on Tuesday. Residents called the plan a zorblewaste."
    load(window, qtbot, lambda: window.add_text(text, outlet="Alpha"))

    def zorblewaste_marked() -> bool:
        return any(
            h.text == "zorblewaste" and h.kind == "loaded"
            for a in window.corpus.articles
            for h in a.highlights
        )

    assert not zorblewaste_marked()
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "term\tcategory\tweight\treason\n"
        "zorblewaste\tlabel\t0.8\t'zorblewaste' brands a project as wasteful\n",
        encoding="utf-8",
    )
    load(window, qtbot, lambda: window.add_lexicon_path(str(lexicon)))
    assert zorblewaste_marked()
    assert window.current_session().lexicons == (str(lexicon),)
    assert window.model.outlets() == ["Alpha"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\tcategory\tweight\treason\nx\tnot-a-category\tlots\t\n", encoding="utf-8")
    window.add_lexicon_path(str(bad))
    assert window.notices.history[-1].level == "error"
    assert window.current_session().lexicons == (str(lexicon),)


def test_f6_moves_focus_between_panel_and_columns(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.add_text("One.", outlet="A"))
    load(window, qtbot, lambda: window.add_text("Two.", outlet="B"))
    window.activateWindow()
    window.panel.tree.setFocus()
    order = []
    for _ in range(3):
        window.focus_action.trigger()
        focused = window.focusWidget()
        order.append(
            "panel"
            if focused is window.panel.tree
            else next((c.outlet for c in window.side.columns if c.text is focused), "?")
        )
    assert order == ["A", "B", "panel"]


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
    with qtbot.waitSignal(window.autosaved, timeout=10000):
        load(window, qtbot, lambda: window.add_text("New work.", outlet="New"))
    [kept] = window.autosaver.kept()
    assert load_session(kept) == old
    # Restoring later still brings the old work back, renames included.
    load(window, qtbot, lambda: window.notice_bar.trigger("Restore"))
    assert window.model.outlets() == ["Renamed"]
    assert load_session(state / AUTOSAVE_NAME).renames == {"Old": "Renamed"}
    # The work done meanwhile is kept in turn, not lost.
    [kept] = window.autosaver.kept()
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
    with qtbot.waitSignal(second_run.autosaved, timeout=10000):
        load(second_run, qtbot, lambda: second_run.add_text("Second work.", outlet="Two"))
    # Third run: both are kept, the newest is offered, the older listed.
    third = make_window(qtbot, tmp_path, analyze=fake_analyze())
    third.startup()
    kept = third.autosaver.kept()
    assert [load_session(p).sources[0].text for p in kept] == ["First work.", "Second work."]
    assert third.notice_bar.action_labels() == ["Restore", "Discard", "Choose…"]
    assert "1 earlier unsaved session" in third.notice_bar.current.text
    # Discarding the newest offers the older one next; it restores with its renames.
    third.notice_bar.trigger("Discard")
    assert third.notice_bar.action_labels() == ["Restore", "Discard"]
    load(third, qtbot, lambda: third.notice_bar.trigger("Restore"))
    assert third.model.outlets() == ["First Outlet"]
    assert third.autosaver.kept() == []


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
    window.restore_offer.choose()
    dialog = window.restore_offer.dialog
    assert isinstance(dialog, KeptAutosavesDialog)
    assert dialog.list.count() == 3 and "O3" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(2)  # the oldest
    load(window, qtbot, dialog.restore_selected)
    assert window.model.outlets() == ["O1"]
    assert len(window.autosaver.kept()) == 2


def test_hidden_tabs_are_updated_when_shown(qtbot: QtBot, tmp_path: Path) -> None:
    from gui.mainwindow import TAB_DASHBOARD, TAB_SIDE

    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    done = [window.analysisDone, window.comparisonDone]
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("One story here.", outlet="Alpha")
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    shown: list[Any] = []
    window._dashboard.set_data = lambda corpus, comparison, **_: shown.append(corpus)
    window.tabs.setCurrentIndex(TAB_SIDE)
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("Another story.", outlet="Beta")
    assert shown == []  # nothing is drawn into the hidden dashboard
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert [len(corpus.articles) for corpus in shown] == [2]
    window.tabs.setCurrentIndex(TAB_SIDE)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert len(shown) == 1  # unchanged data is not drawn again


def test_reader_corrections_update_scores_survive_a_session_and_reach_the_report(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from analysis.corrections import Correction
    from analysis.report_data import build_report_data

    window = make_window(qtbot, tmp_path)
    text = "Rivals slammed the plan on Monday. The council vote was a shameful farce."
    load(window, qtbot, lambda: window.add_text(text, outlet="Alpha"))

    def loaded() -> list[str]:
        return [h.text for a in window.corpus.articles for h in a.highlights if h.kind == "loaded"]

    assert "slammed" in loaded()
    rate = window.corpus.articles[0].loaded_per_1000
    view = window.side.column("Alpha").text
    placed = view.placed[0]
    position = view.document_position(placed.index, text.index("slammed")) + 1
    never = next(c for _, c in view.correction_actions(position) if c.kind == "never")
    view.correctionRequested.emit(never)
    assert "slammed" not in loaded()
    assert window.corpus.articles[0].loaded_per_1000 < rate
    assert (tmp_path / "state" / "reader-lexicon.tsv").read_text(encoding="utf-8").count("slam")
    window.add_correction(Correction("mark", "council vote", category="label"))
    assert "council vote" in loaded()
    summary = build_report_data(window.corpus, None, sections=["summary"])
    notes = [b.text for s in summary.sections for b in s.blocks if hasattr(b, "text")]
    assert any("1 highlight removed by the reader" in str(n) for n in notes)

    path = tmp_path / "work.framelens"
    assert window.save_session_to(path)
    other = make_window(qtbot, tmp_path / "second")
    load(other, qtbot, lambda: other.open_session(path))
    assert other.corrections == window.corrections
    again = [h.text for a in other.corpus.articles for h in a.highlights if h.kind == "loaded"]
    assert "slammed" not in again and "council vote" in again


def test_the_title_names_a_session_with_an_undecodable_byte_readably(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    target = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.framelens"))
    assert window.save_session_to(target)
    assert window.windowTitle().startswith("caf\\xe9.framelens")
    assert "\ufffd" not in window.windowTitle()
