"""The comparison worker: its result, and cancelling it (closing the window mid-comparison)."""

from __future__ import annotations

import pytest
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


def test_the_cancel_check_hands_the_lock_over_every_few_milliseconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # numpy releases and retakes the interpreter lock so quickly that the
    # window's thread, waiting for it, seldom got it while the alignment ran;
    # the comparison's cancel check sleeps briefly now and then to let it in.
    import gui.workers.compare_worker as module

    clock = [100.0]
    slept: list[float] = []
    monkeypatch.setattr(module.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(module.time, "sleep", slept.append)
    flag = [False]
    check = module._yielding(lambda: flag[0])
    assert check() is False and slept == []  # no work done yet: no sleep
    clock[0] += module.YIELD_EVERY_S / 2
    assert check() is False and slept == []
    clock[0] += module.YIELD_EVERY_S
    flag[0] = True
    assert check() is True  # the cancel state comes through
    assert slept == [module.YIELD_S]
    assert check() is True and slept == [module.YIELD_S]  # counted from the sleep
