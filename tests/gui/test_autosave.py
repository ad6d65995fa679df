"""gui.autosave in the window: failures are seen, odd names are saved, damage is kept aside.

Issue 27 items 2 and 3, issue 28 items 1, 4 and 5.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from analysis.session import load_session
from gui.autosave import AUTOSAVE_NAME
from gui.mainwindow import MainWindow
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

STORY = "The minister said the plan was a disaster. Critics called it reckless.\n"


def load(window: MainWindow, qtbot: QtBot, action: object) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=60_000):
        action()  # type: ignore[operator]


def test_a_failing_autosave_is_shown_until_it_works(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be", encoding="utf-8")
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.sessions.autosaver.folder = blocker / "state"
    window.sessions.autosaver.path = blocker / "state" / AUTOSAVE_NAME
    window.startup()
    with qtbot.waitSignal(window.sessions.autosaver.failed, timeout=10_000):
        load(window, qtbot, lambda: window.add_text("Precious words.", outlet="Mine"))
    errors = [n for n in window.notices.history if n.level == "error"]
    assert len(errors) == 1 and "not being autosaved" in errors[0].text
    assert "Not a directory" in errors[0].text
    assert [label for label, _ in errors[0].actions] == ["Save Session As…"]
    assert not window.sessions.autosave_warning.isHidden()
    assert "Not a directory" in window.sessions.autosave_warning.toolTip()
    # Further failures do not repeat the notice; the status button stays.
    with qtbot.waitSignal(window.sessions.autosaver.failed, timeout=10_000):
        window.model.rename_outlet("Mine", "Ours")
    assert len([n for n in window.notices.history if n.level == "error"]) == 1
    # Once autosaving works again the warning goes.
    window.sessions.autosaver.folder = tmp_path / "state"
    window.sessions.autosaver.path = tmp_path / "state" / AUTOSAVE_NAME
    with qtbot.waitSignal(window.sessions.autosaved, timeout=10_000):
        window.model.rename_outlet("Ours", "Theirs")
    assert window.sessions.autosave_warning.isHidden()


def test_a_non_utf8_file_name_is_autosaved_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(STORY.encode())
    window = make_window(qtbot, tmp_path)
    with qtbot.waitSignal(window.sessions.autosaved, timeout=30_000):
        load(window, qtbot, lambda: window.add_paths([os.fsdecode(raw)]))
    assert not [n for n in window.notices.history if n.level == "error"]
    autosaved = load_session(window.sessions.autosaver.path)
    assert [os.fsencode(s.path) for s in autosaved.sources] == [raw]
    target = tmp_path / "work.framelens"
    assert window.sessions.save_to(target)
    assert [os.fsencode(s.path) for s in load_session(target).sources] == [raw]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_screenshot_of_a_folder_with_a_non_utf8_name_does_not_crash(
    tmp_path: Path, repo_dir: Path
) -> None:
    """The SIGSEGV reproducer of issue 28, item 1."""
    folder = tmp_path / "articles"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(STORY.encode())
    (folder / "other.txt").write_text("The council approved the plan on Tuesday.\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(repo_dir),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "FRAMELENS_NO_LOG_FILE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", "--screenshot", str(tmp_path / "s.png"), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert (tmp_path / "s.png").stat().st_size > 0


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "framelens-session", "version": ' + b"9" * 5000 + b"}",
        b'{"format": "framelens-session", "version": 1, "view": ' + b"[" * 100_000 + b"}",
    ],
    ids=["5000-digit version", "deep nesting"],
)
def test_a_damaged_autosave_is_kept_and_the_files_still_open(
    qtbot: QtBot, tmp_path: Path, content: bytes
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / AUTOSAVE_NAME).write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text(STORY, encoding="utf-8")
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.startup([str(article)]))
    assert window.model.keys() == [str(article)]
    kept = state / (AUTOSAVE_NAME + ".damaged")
    assert kept.read_bytes() == content
    errors = [n for n in window.notices.history if n.level == "error"]
    assert len(errors) == 1 and "damaged" in errors[0].text and "\n" not in errors[0].text


def test_a_session_with_a_byte_order_mark_opens(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.session import Session, Source, save_session

    path = tmp_path / "bom.framelens"
    save_session(Session(sources=(Source(kind="text", key="<p 1>", text="Hello there."),)), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    load(window, qtbot, lambda: window.sessions.open(path))
    assert len(window.model) == 1


def test_orphaned_temporary_files_are_removed_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    orphans = [state / f".{AUTOSAVE_NAME}.{n:08x}.part" for n in range(55)]
    orphans.append(state / f".{AUTOSAVE_NAME}.abc123.tmp")  # the older naming
    for path in orphans:
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1, 1))  # left by kills long ago
    young = state / f".{AUTOSAVE_NAME}.ffffffff.part"  # another FrameLens writing now
    young.write_bytes(b"x")
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.startup()
    assert [p.name for p in state.iterdir()] == [young.name]


def test_restoring_kept_work_keeps_the_work_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.session import Session, Source, save_session

    state = tmp_path / "state"
    state.mkdir()
    old = Session(sources=(Source(kind="text", key="<pasted 1>", text="Old work.", outlet="Old"),))
    save_session(old, state / AUTOSAVE_NAME)
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.startup()
    load(window, qtbot, lambda: window.add_text("Work done meanwhile.", outlet="New"))
    load(window, qtbot, lambda: window.notice_bar.trigger("Restore"))
    assert window.model.outlets() == ["Old"]
    [kept] = window.sessions.autosaver.kept()
    assert load_session(kept).sources[0].text == "Work done meanwhile."


def test_work_that_cannot_be_moved_aside_is_still_offered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.session import Session, Source, save_session

    state = tmp_path / "state"
    state.mkdir()
    save_session(
        Session(sources=(Source(kind="text", key="<p 1>", text="Kept.", outlet="K"),)),
        state / AUTOSAVE_NAME,
    )

    def read_only(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("gui.autosave.os.replace", read_only)
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.startup()
    assert window.notice_bar.action_labels() == ["Restore", "Discard"]
    monkeypatch.undo()
