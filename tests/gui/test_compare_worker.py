"""The comparison worker: its result, and cancelling it (closing the window mid-comparison)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.workers.compare_worker import CompareWorker
from tests.gui.core_fakes import analyzed


def _corpus():  # type: ignore[no-untyped-def]
    from analysis.model import Corpus

    return Corpus(
        tuple(
            analyzed(
                f"The council voted to close the wharf on Tuesday. Workers in town {k} protested.",
                path=f"{outlet}.txt",
                outlet=outlet,
            )
            for k, outlet in enumerate(("North Post", "South Herald"))
        )
    )


def test_worker_delivers_the_comparison(qtbot: QtBot) -> None:
    worker = CompareWorker(_corpus())
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as blocker:
        worker.start()
    comparison, table = blocker.args[0]
    assert comparison.outlets == ("North Post", "South Herald")
    assert len(comparison.groups) == 2  # each sentence has its counterpart


def test_cancelled_worker_reports_cancelled_not_finished(qtbot: QtBot) -> None:
    worker = CompareWorker(_corpus())
    worker.cancel()
    with (
        qtbot.waitSignal(worker.signals.cancelled, timeout=20000),
        qtbot.assertNotEmitted(worker.signals.finished),
        qtbot.assertNotEmitted(worker.signals.failed),
    ):
        worker.start()


def test_a_new_threshold_redoes_only_the_alignment(qtbot: QtBot) -> None:
    from analysis.compare import compare

    corpus = _corpus()
    first = compare(corpus)
    worker = CompareWorker(corpus, threshold=0.9, previous=first)
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as blocker:
        worker.start()
    comparison, _table = blocker.args[0]
    assert comparison == compare(corpus, threshold=0.9)
    assert comparison.distinctive is first.distinctive  # reused, not recomputed


def test_the_comparer_tells_only_the_latest_request(qtbot: QtBot) -> None:
    from PySide6.QtCore import QThreadPool

    from analysis.model import Corpus
    from gui.workers.compare_worker import Comparer

    pool = QThreadPool()
    comparer = Comparer(pool)
    told: list[object] = []
    comparer.finished.connect(lambda corpus, _result: told.append(corpus))
    assert not comparer.start(Corpus())  # no outlet: nothing to compare
    first, second = _corpus(), _corpus()
    assert comparer.start(first)
    with qtbot.waitSignal(comparer.finished, timeout=20000):
        assert comparer.start(second)  # the first one's result would be stale
    pool.waitForDone(20000)
    qtbot.wait(20)  # let any queued signal of the first worker arrive
    assert len(told) == 1 and told[0] is second
