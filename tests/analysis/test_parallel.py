"""analysis.parallel.run_tasks: results by index, bounded reading, progress, cancel,
errors and dead workers, Ctrl+C, and when workers may be forked."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator

import pytest

from analysis import parallel
from analysis.errors import CancelledError
from analysis.parallel import WorkerDied, run_tasks


def square(n: int) -> int:
    return n * n


def fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three is not allowed")
    return n


def die_on_three(n: int) -> int:
    if n == 3:
        os._exit(7)
    return n


def _offset(by: int) -> None:
    global _OFFSET
    _OFFSET = by


_OFFSET = 0


def add_offset(n: int) -> int:
    return n + _OFFSET


def _run(tasks: object, function: object = square, **kwargs: object) -> dict[int, object]:
    got: dict[int, object] = {}
    run_tasks(function, tasks, got.__setitem__, **kwargs)  # type: ignore[arg-type]
    return got


def test_one_worker_runs_in_order_in_this_process() -> None:
    seen: list[int] = []
    got: list[tuple[int, int]] = []
    used = run_tasks(
        square, range(5), lambda i, r: got.append((i, r)), workers=1, progress=seen.append
    )
    assert used == 1
    assert got == [(i, i * i) for i in range(5)]
    assert seen == [1, 2, 3, 4, 5]


@pytest.mark.slow
def test_worker_processes_give_every_result_at_its_index_and_count_progress() -> None:
    seen: list[int] = []
    got = _run(range(40), workers=2, progress=seen.append)
    assert got == {i: i * i for i in range(40)}
    assert seen == list(range(1, 41))
    assert multiprocessing.active_children() == []


@pytest.mark.slow
def test_the_initializer_prepares_each_worker() -> None:
    got = _run(range(6), add_offset, workers=2, initializer=_offset, initargs=(100,))
    assert got == {i: i + 100 for i in range(6)}


@pytest.mark.slow
def test_tasks_are_read_only_a_few_ahead_of_the_workers() -> None:
    read: list[int] = []
    handed: list[int] = []

    def tasks() -> Iterator[int]:
        for n in range(30):
            read.append(n)
            yield n

    def on_result(index: int, result: int) -> None:
        # Tasks read but not yet handed back: at most the in-flight limit
        # (2 workers x 2), plus the one read next.
        handed.append(index)
        assert len(read) - len(handed) <= 2 * 2 + 1, (len(read), len(handed))

    run_tasks(square, tasks(), on_result, workers=2, in_flight_per_worker=2)
    assert sorted(handed) == list(range(30))


@pytest.mark.slow
def test_an_error_in_a_worker_is_raised_as_it_was() -> None:
    with pytest.raises(ValueError, match="three is not allowed"):
        _run(range(8), fail_on_three, workers=2)
    assert multiprocessing.active_children() == []


@pytest.mark.slow
def test_a_worker_that_dies_raises_worker_died() -> None:
    with pytest.raises(WorkerDied, match="ended unexpectedly"):
        _run(range(8), die_on_three, workers=2)
    assert multiprocessing.active_children() == []


@pytest.mark.slow
def test_cancel_stops_the_workers_and_leaves_no_process() -> None:
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        _run(range(10_000), workers=2, cancel=cancel)
    assert multiprocessing.active_children() == []


@pytest.mark.slow
def test_ctrl_c_while_waiting_leaves_no_process() -> None:
    # KeyboardInterrupt reaches the caller (the workers ignore SIGINT); the
    # engine stops handing out tasks and ends the running ones.
    def interrupt(index: int, result: int) -> None:
        if index == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_tasks(square, range(1000), interrupt, workers=2)
    assert multiprocessing.active_children() == []


def test_workers_are_never_forked_from_a_thread_beside_one_or_with_qt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "PySide6", raising=False)
    for name in [n for n in sys.modules if n.startswith("PySide6.")]:
        monkeypatch.delitem(sys.modules, name)
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(parallel.start_method()))
    thread.start()
    thread.join()
    assert seen == ["spawn"]
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.start_method() == "spawn"
    finally:
        stop.set()
        other.join()
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", sys)
    assert parallel.start_method() == "spawn"
