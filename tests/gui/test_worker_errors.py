"""Issue 28, item 1: an exception in any worker thread reaches the window's thread as a signal.

Each kind of worker in gui/workers/ (and the autosave writer) is made to
raise something no one planned for; the failure must arrive as its
``failed`` signal, delivered in the window's (main) thread, with a one-line
message, and nothing may reach ``sys.excepthook`` (which would mean the
exception escaped the thread).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from analysis.session import Session, Source
from tests.gui.core_fakes import analyzed

SURPRISES = [
    UnicodeEncodeError("utf-8", "caf\udce9", 3, 4, "surrogates not allowed"),
    RecursionError("maximum recursion depth exceeded"),
    MemoryError(),
    KeyError("boom"),
]


def _analysis_worker(error: BaseException, tmp_path: Path) -> Any:
    from gui.workers.analysis_worker import AnalysisWorker

    def analyze(*_args: Any, **_kwargs: Any) -> Any:
        raise error

    return AnalysisWorker([Source(kind="text", key="<p 1>", text="Some text.")], analyze=analyze)


def _compare_worker(error: BaseException, tmp_path: Path) -> Any:
    from analysis.model import Corpus
    from gui.workers.compare_worker import CompareWorker

    corpus = Corpus((analyzed("The council met.", path="a.txt", outlet="A"),))
    worker = CompareWorker(corpus)

    class Exploding:
        def is_set(self) -> bool:
            raise error

        def set(self) -> None:
            pass

    worker._cancel = Exploding()  # the comparison calls it as it goes
    return worker


def _autosaver(error: BaseException, tmp_path: Path) -> Any:
    import gui.autosave
    from gui.autosave import Autosaver

    def save_session(*_args: Any, **_kwargs: Any) -> None:
        raise error

    gui.autosave.save_session = save_session  # restored by the fixture below
    saver = Autosaver(tmp_path, QThreadPool.globalInstance())

    class Start:
        signals = saver

        def start(self) -> None:
            saver.save(Session(sources=(Source(kind="text", key="<p>", text="x"),)))

    return Start()


@pytest.fixture
def restore_autosave_module() -> Any:
    import gui.autosave

    real = gui.autosave.save_session
    yield
    gui.autosave.save_session = real


@pytest.mark.parametrize("error", SURPRISES, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize(
    "make", [_analysis_worker, _compare_worker, _autosaver], ids=["analysis", "compare", "autosave"]
)
def test_a_surprise_in_a_worker_arrives_as_a_signal_in_the_window_thread(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    restore_autosave_module: Any,
    make: Any,
    error: BaseException,
) -> None:
    escaped: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: escaped.append(a))
    monkeypatch.setattr(threading, "excepthook", lambda a: escaped.append(a))
    worker = make(error, tmp_path)
    received: list[tuple[str, bool]] = []
    worker.signals.failed.connect(
        lambda message: received.append(
            (message, threading.current_thread() is threading.main_thread())
        )
    )
    worker.start()
    qtbot.waitUntil(lambda: bool(received), timeout=20_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    [(message, in_window_thread)] = received
    assert in_window_thread
    assert type(error).__name__ in message and "\n" not in message
    assert escaped == []
