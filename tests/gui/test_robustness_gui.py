"""Issue 8 in the window: hostile drops, a thousand files, and work that survives a kill.

The real loaders and the real analysis run (no fakes): a mixed batch of good
and hostile files (tests/analysis/loadfiles.py) is dropped on the window.
The good files must show, every failure must be listed with a one-line
reason in a non-modal notice, no dialog may block and the event loop must
keep turning while the batch loads (a heartbeat timer counts its turns).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from analysis.session import load_session
from gui.mainwindow import AUTOSAVE_NAME, MainWindow
from tests.analysis.loadfiles import build_hostile_batch, hostile_html, story
from tests.gui.core_fakes import drop, make_window, urls

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@dataclass
class Heartbeat:
    """A timer on the GUI thread: counts its turns and looks for blocking dialogs."""

    window: MainWindow
    busy_beats: int = 0
    beats: int = 0
    blocking: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.beat)

    def beat(self) -> None:
        self.beats += 1
        if self.window.queue.worker is not None:
            self.busy_beats += 1
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.blocking.append(type(modal).__name__)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget.isModal():
                self.blocking.append(type(widget).__name__)


@pytest.fixture
def heartbeat(qtbot: QtBot) -> Iterator[Any]:
    beats: list[Heartbeat] = []

    def start(window: MainWindow) -> Heartbeat:
        beat = Heartbeat(window)
        beat.timer.start()
        beats.append(beat)
        return beat

    yield start
    for beat in beats:
        beat.timer.stop()


def drop_and_wait(window: MainWindow, qtbot: QtBot, *paths: Path, timeout: int = 120_000) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=timeout):
        assert drop(window.side.viewport(), urls(*paths))


def no_traceback_anywhere(window: MainWindow, caplog: pytest.LogCaptureFixture) -> None:
    for notice in window.notices.history:
        for line in (notice.text, *notice.details):
            assert "Traceback" not in line and "\n" not in line, line
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage()[:300] for r in errors]


def test_hostile_batch_dropped_on_the_window(
    qtbot: QtBot, tmp_path: Path, heartbeat: Any, caplog: pytest.LogCaptureFixture
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    expect = build_hostile_batch(batch, big_text_mb=11)
    window = make_window(qtbot, tmp_path)
    beat = heartbeat(window)
    drop_and_wait(window, qtbot, batch)

    good = sorted(p for p, outcome in expect.items() if outcome == "article")
    bad = sorted(p for p, outcome in expect.items() if outcome == "failure")
    assert sorted(window.model.keys()) == good
    # One notice (non-modal) lists every failure, one line each, with its reason.
    notice = next(n for n in reversed(window.notices.history) if n.level == "warning")
    assert "could not be loaded; the others were" in notice.text
    assert window.notice_bar.isVisible() and window.notice_bar.current == notice
    for path in bad:
        lines = [d for d in notice.details if d.startswith(path + ": ")]
        assert len(lines) == 1, path
        reason = lines[0].removeprefix(path + ": ")
        assert len(reason) > 10 and "\n" not in reason, lines[0]
    assert len(notice.details) == len(bad)
    # The window stayed alive and nothing blocked it.
    assert beat.busy_beats >= 5, "the event loop did not turn while the batch loaded"
    assert beat.blocking == []
    assert QApplication.activeModalWidget() is None
    no_traceback_anywhere(window, caplog)
    # Every good article is shown, in its outlet's column.
    shown = sum(len(c.articles) for c in window.side.columns)
    assert shown == len(good)


@pytest.mark.slow
def test_a_thousand_small_files_at_once(
    qtbot: QtBot, tmp_path: Path, heartbeat: Any, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "many"
    for n in range(1000):
        sub = folder / f"part{n // 100}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:04d}.txt").write_text(story(n), encoding="utf-8")
    # Two processes analyse, as in the app: the pool path of the pipeline.
    window = make_window(qtbot, tmp_path, workers=2)
    beat = heartbeat(window)
    drop_and_wait(window, qtbot, folder, timeout=300_000)
    assert len(window.model) == 1000
    # The comparison of the thousand runs next, still without freezing the window.
    beats_before = beat.beats
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=300_000)
    assert beat.beats - beats_before >= 5
    assert not [n for n in window.notices.history if n.level != "info"]
    assert beat.busy_beats >= 5 and beat.blocking == []
    no_traceback_anywhere(window, caplog)
    session = window.sessions.current()
    assert len(session.sources) == 1000


def small_mixed_batch(root: Path) -> tuple[list[str], list[str]]:
    """A few good and bad files: (good paths, bad paths)."""
    root.mkdir()
    good = []
    for n in range(3):
        path = root / f"good{n}.txt"
        path.write_text(story(n), encoding="utf-8")
        good.append(str(path))
    page = root / "page.html"
    page.write_text(hostile_html(), encoding="utf-8")
    good.append(str(page))
    bad = []
    for name, data in (("empty.txt", b""), ("binary.txt", bytes(range(256)) * 50)):
        (root / name).write_bytes(data)
        bad.append(str(root / name))
    return sorted(good), sorted(bad)


def test_work_survives_a_kill_and_is_offered_back(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good, bad = small_mixed_batch(tmp_path / "in")
    window = make_window(qtbot, tmp_path)
    drop_and_wait(window, qtbot, tmp_path / "in")
    with qtbot.waitSignal(window.analysisDone, timeout=60_000):
        window.add_text(
            "Words pasted by hand, found nowhere else. The regime slammed them.", outlet="Handmade"
        )
    with qtbot.waitSignal(window.sessions.autosaved, timeout=10_000):
        window.model.rename_outlet("Handmade", "Hand Made")
    before = sorted(window.model.keys())
    outlets = window.model.outlets()
    autosave = tmp_path / "state" / AUTOSAVE_NAME
    assert autosave.exists()
    saved = load_session(autosave)
    assert any(s.kind == "text" and "found nowhere else" in s.text for s in saved.sources)
    # The process dies here (no closeEvent, no shutdown): the autosave stays.
    # A new window on the same state folder is the next start.
    second = make_window(qtbot, tmp_path)
    second.startup()
    assert second.notice_bar.action_labels() == ["Restore", "Discard"]
    with qtbot.waitSignal(second.analysisDone, timeout=120_000):
        second.notice_bar.trigger("Restore")
    assert sorted(second.model.keys()) == before
    assert set(good) <= set(before)
    assert second.model.outlets() == outlets and "Hand Made" in outlets
    pasted = [k for k in second.model if k.startswith("<")]
    assert "found nowhere else" in second.model.article(pasted[0]).article.text
    no_traceback_anywhere(second, caplog)
    # A clean exit of the restored window removes the autosave (nothing left to offer).
    second.close()
    assert not autosave.exists()
    third = make_window(qtbot, tmp_path)
    third.startup()
    assert "Restore" not in third.notice_bar.action_labels(), "restored work offered twice"
    assert not list((tmp_path / "state").glob("*.framelens"))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "framelens-session", "version": 1, "sour', "damaged"),
        (b"\x00\xff" * 100, "damaged"),
        (b'{"format": "framelens-session", "version": 99, "sources": []}', "newer FrameLens"),
    ],
)
def test_a_bad_autosave_is_kept_aside_with_a_clear_message(
    qtbot: QtBot, tmp_path: Path, content: bytes, words: str
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    autosave = state / AUTOSAVE_NAME
    autosave.write_bytes(content)
    window = make_window(qtbot, tmp_path)
    window.startup()
    errors = [n for n in window.notices.history if n.level == "error"]
    assert len(errors) == 1 and words in errors[0].text
    kept = state / (AUTOSAVE_NAME + ".damaged")
    assert kept.read_bytes() == content, "the unreadable autosave was not kept as it was"
    assert str(kept) in errors[0].text
    assert QApplication.activeModalWidget() is None
    # The window still works.
    path = tmp_path / "ok.txt"
    path.write_text(story(1), encoding="utf-8")
    drop_and_wait(window, qtbot, path)
    assert window.model.keys() == [str(path)]
    assert os.path.exists(kept)


def test_markup_pasted_or_dragged_from_a_browser_shows_literally(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    remote = "http://example.invalid"
    window = make_window(qtbot, tmp_path)
    page = QMimeData()
    page.setHtml(
        f'<html><head><link rel="stylesheet" href="{remote}/s.css"><script>alert(1)</script>'
        f'</head><body><img src="{remote}/pixel.gif"><iframe src="{remote}/ad"></iframe>'
        f"<article><p>{story(1)}</p><p>Written as text: &lt;img src=&quot;{remote}/x.png&quot;"
        "&gt;</p></article></body></html>"
    )
    with qtbot.waitSignal(window.analysisDone, timeout=60_000):
        assert drop(window.side.viewport(), page)
    pasted = f'{story(2)} <img src="{remote}/y.png"> <script>alert(2)</script>'
    with qtbot.waitSignal(window.analysisDone, timeout=60_000):
        window.add_text(pasted, outlet="Pasted")
    texts = {c.outlet: c.text for c in window.side.columns}
    shown = "\n".join(view.toPlainText() for view in texts.values())
    assert f'<img src="{remote}/x.png">' in shown
    assert f'<img src="{remote}/y.png"> <script>alert(2)</script>' in shown
    assert "alert(1)" not in shown  # the page's own script is dropped, never run or shown
    for view in texts.values():
        document = view.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                assert not it.fragment().charFormat().isImageFormat()
                it += 1
            block = block.next()
    no_traceback_anywhere(window, caplog)
