"""Tests for gui.session_keeper: sessions saved and opened, autosave, lexicons, corrections."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from analysis.session import Session, load_session
from gui.mainwindow import AUTOSAVE_NAME, MainWindow
from gui.settings import Settings
from tests.gui.core_fakes import fake_analyze, make_window

SAMPLES = resources_dir() / "samples"

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def load(window: MainWindow, qtbot: QtBot, action: Any) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        action()


def test_session_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.add_text("Pasted story one.", outlet="Alpha", title="P1"))
    load(window, qtbot, lambda: window.add_paths([str(SAMPLES / "meridian-wire.txt")]))
    window.model.rename_outlet("Alpha", "Renamed")
    window.set_zoom(2)
    path = tmp_path / "work.framelens"
    assert window.sessions.save_to(path)
    assert not window.isWindowModified()
    saved = load_session(path)
    assert saved.renames == {"Alpha": "Renamed"} and saved.view["zoom"] == 2

    other = make_window(qtbot, tmp_path / "second", analyze=fake_analyze())
    load(other, qtbot, lambda: other.sessions.open(path))
    assert sorted(other.model.outlets()) == sorted(window.model.outlets())
    assert other.model.keys() == window.model.keys()
    assert other.settings.zoom == 2
    # (The embedded details come from the fake analysis, which numbers titles per run.)
    assert [(s.kind, s.key, s.path) for s in other.sessions.current().sources] == [
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
    assert not window.sessions.open(corrupt)
    assert (
        window.notices.history[-1].level == "error" and "damaged" in window.notices.history[-1].text
    )
    assert not window.sessions.open(newer)
    assert "newer FrameLens" in window.notices.history[-1].text
    assert window.sessions.path is None
    assert (corrupt.read_bytes(), newer.read_bytes()) == before


def test_autosave_and_restore(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    with qtbot.waitSignal(window.sessions.autosaved, timeout=10000):
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
window.sessions.autosaved.connect(lambda path: (print("autosaved", flush=True)))
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
    session: Session = window.sessions.current()
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
    load(window, qtbot, lambda: window.sessions.add_lexicon(str(lexicon)))
    assert zorblewaste_marked()
    assert window.sessions.current().lexicons == (str(lexicon),)
    assert window.model.outlets() == ["Alpha"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\tcategory\tweight\treason\nx\tnot-a-category\tlots\t\n", encoding="utf-8")
    window.sessions.add_lexicon(str(bad))
    assert window.notices.history[-1].level == "error"
    assert window.sessions.current().lexicons == (str(lexicon),)


def test_reader_corrections_update_scores_survive_a_session_and_reach_the_report(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from analysis.corrections import Correction
    from analysis.report import build_report_data

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
    window.sessions.add_correction(Correction("mark", "council vote", category="label"))
    assert "council vote" in loaded()
    summary = build_report_data(window.corpus, None, sections=["summary"])
    notes = [b.text for s in summary.sections for b in s.blocks if hasattr(b, "text")]
    assert any("1 highlight removed by the reader" in str(n) for n in notes)

    path = tmp_path / "work.framelens"
    assert window.sessions.save_to(path)
    other = make_window(qtbot, tmp_path / "second")
    load(other, qtbot, lambda: other.sessions.open(path))
    assert other.sessions.corrections == window.sessions.corrections
    again = [h.text for a in other.corpus.articles for h in a.highlights if h.kind == "loaded"]
    assert "slammed" not in again and "council vote" in again


def test_changes_mark_the_work_unsaved_in_the_title(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    assert window.windowTitle() == "Untitled comparison[*] — FrameLens"
    assert not window.isWindowModified()
    window.set_zoom(1)  # a view change with nothing open is nothing to lose
    assert not window.sessions.dirty
    load(window, qtbot, lambda: window.add_text("Words to keep.", outlet="A"))
    assert window.sessions.dirty and window.isWindowModified()
    assert window.sessions.save_to(tmp_path / "mine.framelens")
    assert window.windowTitle() == "mine.framelens[*] — FrameLens"
    assert not window.isWindowModified()
    window.set_zoom(2)
    assert window.isWindowModified()


def test_the_recent_menu_lists_sessions_then_files_that_still_exist(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMenu

    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    article = tmp_path / "a.txt"
    article.write_text("An article.", encoding="utf-8")
    session = tmp_path / "s.framelens"
    session.write_text("{}", encoding="utf-8")
    window.settings.recent_files = [str(article), str(tmp_path / "gone.txt")]
    window.settings.recent_sessions = [str(session)]
    menu = QMenu()
    window.sessions.fill_recent(menu)
    assert [a.text() for a in menu.actions()] == [
        "Session: s.framelens",
        "",
        "a.txt",
        "",
        "Clear Recent",
    ]
    menu.actions()[-1].trigger()
    assert window.settings.recent_files == [] and window.settings.recent_sessions == []
    window.sessions.fill_recent(menu)
    [none] = menu.actions()
    assert none.text() == "No recent files" and not none.isEnabled()


def test_the_title_names_a_session_with_an_undecodable_byte_readably(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    target = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.framelens"))
    assert window.sessions.save_to(target)
    assert window.windowTitle().startswith("caf\\xe9.framelens")
    assert "\ufffd" not in window.windowTitle()
