"""Tests for gui.analysis_queue: queueing, duplicates, cancelling and the failure notice."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from analysis.model import LoadFailure
from analysis.resources import resources_dir
from analysis.session import Source
from gui.analysis_queue import AnalysisQueue
from gui.models.articles_model import ArticlesModel
from gui.notices import Notices
from gui.settings import Settings
from tests.gui.core_fakes import drop, fake_analyze, make_window, urls

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLES = resources_dir() / "samples"


@pytest.fixture
def make_queue(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    pools: list[QThreadPool] = []

    def make(gate: threading.Event | None = None) -> AnalysisQueue:
        model = ArticlesModel()
        pool = QThreadPool()
        pools.append(pool)
        queue = AnalysisQueue(
            model,
            Notices(model),
            Settings(tmp_path / "settings.ini"),
            pool,
            analyze=fake_analyze(gate),
            workers=1,
        )
        return queue

    yield make
    for pool in pools:
        pool.waitForDone(30000)


def text(key: str, words: str) -> Source:
    return Source(kind="text", key=key, text=words, outlet="Alpha")


def test_sources_queued_while_a_worker_runs_follow_as_one_batch(make_queue, qtbot: QtBot) -> None:
    gate = threading.Event()
    queue = make_queue(gate)
    statuses: list[str] = []
    queue.status.connect(statuses.append)
    queue.add([text("<pasted 1>", "One story.")])
    assert queue.busy and [s.key for s in queue.inflight] == ["<pasted 1>"]
    queue.add([text("<pasted 2>", "Two story."), text("<pasted 3>", "Three story.")])
    assert [s.key for s in queue.queued] == ["<pasted 2>", "<pasted 3>"]
    with qtbot.waitSignal(queue.settled, timeout=30000):
        gate.set()
    assert not queue.busy and len(queue.model) == 3
    assert "Loading 1 item(s)…" in statuses and "Loading 2 item(s)…" in statuses
    assert set(queue.sources) == {"<pasted 1>", "<pasted 2>", "<pasted 3>"}


def test_the_same_text_twice_is_dropped_as_a_duplicate(make_queue, qtbot: QtBot) -> None:
    queue = make_queue()
    with qtbot.waitSignal(queue.settled, timeout=30000):
        queue.add([text("<pasted 1>", "The same words.")])
    with qtbot.waitSignal(queue.settled, timeout=30000):
        queue.add([text("<pasted 2>", "The same words.")])
    assert queue.model.keys() == ["<pasted 1>"]
    notice = queue.notices.history[-1]
    assert notice.level == "info" and "1 duplicate article(s)" in notice.text
    assert notice.details == ("<pasted 2>: duplicate of <pasted 1> (same text); skipped.",)


def test_a_path_already_queued_is_named_not_added(make_queue, qtbot: QtBot, tmp_path: Path) -> None:
    gate = threading.Event()
    queue = make_queue(gate)
    article = tmp_path / "a.txt"
    article.write_text("An article.", encoding="utf-8")
    queue.add_paths([str(article)])
    queue.add_paths([str(article)])
    notice = queue.notices.history[-1]
    assert "already open" in notice.text and notice.details == (str(article),)
    assert queue.settings.recent_files == [str(article)]
    with qtbot.waitSignal(queue.settled, timeout=30000):
        gate.set()


def test_cancel_keeps_what_was_shown_and_drops_what_waits(make_queue, qtbot: QtBot) -> None:
    gate = threading.Event()
    queue = make_queue(gate)
    busy: list[bool] = []
    queue.busyChanged.connect(busy.append)
    queue.add([text("<pasted 1>", "Text.")])
    queue.add([text("<pasted 2>", "More text.")])
    with qtbot.waitSignal(queue.settled, timeout=30000):
        assert queue.cancel()
    assert busy == [True, False] and queue.queued == [] and len(queue.model) == 0
    assert "cancelled" in queue.notices.history[-1].text
    assert not queue.cancel()  # nothing runs any more


def test_skipped_files_are_named_in_an_info_notice(make_queue) -> None:
    queue = make_queue()
    skipped = [LoadFailure("in/notes.xyz", "FrameLens does not read '.xyz' files; ...")]
    queue.report_failures([], skipped)
    notice = queue.notices.history[-1]
    assert notice.level == "info" and "1 file(s) in the folders skipped" in notice.text
    assert list(notice.details) == ["in/notes.xyz: FrameLens does not read '.xyz' files; ..."]


def test_failures_and_skipped_files_share_one_warning(make_queue) -> None:
    queue = make_queue()
    failed = [LoadFailure("bad.pdf", "the PDF is encrypted.")]
    skipped = [LoadFailure("in/notes.xyz", "not read")]
    queue.report_failures(failed, skipped)
    notice = queue.notices.history[-1]
    assert notice.level == "warning"
    # No article is open, so the notice says none of the inputs loaded.
    assert "None of the 1 input(s) could be loaded" in notice.text and "skipped" in notice.text
    assert len(notice.details) == 2


def test_a_copy_dropped_later_is_skipped_until_its_original_is_removed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    original = SAMPLES / "meridian-wire.txt"
    copy = tmp_path / "wire-copy.txt"
    shutil.copy(original, copy)
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        drop(window.side.viewport(), urls(original))
    drop(window.side.viewport(), urls(copy))
    # Nothing new to show: the run ends with the notice alone.
    qtbot.waitUntil(
        lambda: any("duplicate" in n.text for n in window.notices.history), timeout=60000
    )
    assert window.model.keys() == [str(original)]
    notice = window.notices.history[-1]
    assert "1 duplicate article(s) recognised and skipped" in notice.text
    assert list(notice.details) == [f"{copy}: duplicate of {original} (same text); skipped."]
    # Once the original is gone, the copy is an article like any other.
    window.model.remove([str(original)])
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        drop(window.side.viewport(), urls(copy))
    assert window.model.keys() == [str(copy)]


def test_opening_a_folder_names_its_unread_files(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "outlet: Harbour Times\n\nThe mayor slammed the plan. Repairs start in May.\n",
        encoding="utf-8",
    )
    (folder / "notes.xyz").write_text("x", encoding="utf-8")
    with qtbot.waitSignal(window.analysisDone, timeout=120_000):
        window.add_paths([str(folder)])
    assert window.model.keys() == [str(folder / "a.txt")]
    notice = window.notices.history[-1]
    assert notice.level == "info" and "1 file(s) in the folders skipped" in notice.text
    assert [d.split(":")[0] for d in notice.details] == [str(folder / "notes.xyz")]
