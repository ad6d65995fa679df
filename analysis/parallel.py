"""The one process engine: run a function over many tasks in worker processes.

Both the pipeline (:mod:`analysis.pipeline`, what ``framelens analyze`` and
the app run) and ``framelens batch`` (:mod:`analysis.batchrun`) hand their
work to :func:`run_tasks`, which is :mod:`concurrent.futures` and nothing
more:

* a :class:`~concurrent.futures.ProcessPoolExecutor` whose initializer
  prepares each worker once (the caller's ``initializer`` loads the models;
  :func:`_start_worker` first routes the worker's warnings to the log file,
  leaves Ctrl+C to the caller and ends the worker if the caller dies);
* at most ``in_flight_per_worker`` tasks per worker submitted at a time, so
  a lazy stream of tasks (a batch of millions) is read only as fast as it is
  worked through;
* ``cancel()`` polled while waiting; cancelling (or Ctrl+C, or an error)
  drops the tasks not started, waits for the running ones (one per worker)
  and leaves no process behind;
* ``on_result(index, result)`` for each finished task, in the order tasks
  finish (``index`` is the task's place in the input), then ``progress(done)``.

An exception raised by ``function`` in a worker is raised again here, as it
was; a worker process that dies (killed, out of memory) raises
:class:`WorkerDied`. With ``workers=1`` the tasks run in the calling process,
in order, without the initializer. The second backend, ``"dask"``, maps the
same function over the tasks on a Dask cluster (the optional ``dask`` extra).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar

from analysis.errors import CancelledError, FrameLensError

__all__ = [
    "Backend",
    "IN_FLIGHT_PER_WORKER",
    "WorkerDied",
    "default_workers",
    "run_tasks",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

Backend = Literal["local", "dask"]

#: Tasks in flight per worker: one running, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2
#: How often a wait wakes up to poll ``cancel()`` (seconds).
POLL_SECONDS = 0.1
#: How long to try reaching a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "20s"


class WorkerDied(FrameLensError):
    """A worker process ended in the middle of a task (killed, out of memory)."""


def default_workers() -> int:
    """The number of processes used when none is given: the usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_tasks(
    function: Callable[[T], R],
    tasks: Iterable[T],
    on_result: Callable[[int, R], None],
    *,
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
    in_flight_per_worker: int = IN_FLIGHT_PER_WORKER,
    backend: Backend = "local",
    scheduler: str | None = None,
) -> int:
    """Run ``function`` on every task; return the number of workers that ran them.

    ``function`` (and ``initializer``) must be module-level functions: they
    travel to the worker processes. ``tasks`` is read lazily, a few ahead of
    the workers. ``cancel()`` returning True raises
    :class:`~analysis.errors.CancelledError` after the running tasks end.
    With ``backend="dask"``, ``scheduler`` is the address of a running
    cluster (else a local one with ``workers`` processes is started) and the
    return value counts its worker threads; the initializer does not run
    there, so ``function`` must work without it.
    """
    should_stop = cancel or _never
    if backend == "dask":
        return _run_dask(
            function, tasks, on_result, workers, scheduler, should_stop, progress,
            in_flight_per_worker,
        )  # fmt: skip
    if workers <= 1:
        for done, (index, task) in enumerate(enumerate(tasks), start=1):
            _check(should_stop)
            on_result(index, function(task))
            if progress is not None:
                progress(done)
        return 1
    _run_pool(
        function, tasks, on_result, workers, initializer, initargs, should_stop, progress,
        in_flight_per_worker,
    )  # fmt: skip
    return workers


def _never() -> bool:
    return False


def _check(cancel: Callable[[], bool]) -> None:
    if cancel():
        log.info("cancelled; stopping the worker processes")
        raise CancelledError("The work was cancelled.")


def _run_pool(
    function: Callable[[T], R],
    tasks: Iterable[T],
    on_result: Callable[[int, R], None],
    workers: int,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    cancel: Callable[[], bool],
    progress: Callable[[int], None] | None,
    in_flight_per_worker: int,
) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    limit = max(1, in_flight_per_worker) * workers
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=_start_worker,
        initargs=(_log_file(), initializer, initargs),
    )
    pending: dict[Future[R], int] = {}
    done = 0

    def collect(until: int) -> None:
        """Hand on finished results until at most ``until`` tasks are in flight."""
        nonlocal done
        while len(pending) > until:
            finished, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=pending.__getitem__):
                index = pending.pop(future)
                on_result(index, future.result())
                done += 1
                if progress is not None:
                    progress(done)
            _check(cancel)

    try:
        for index, task in enumerate(tasks):
            collect(until=limit - 1)
            _check(cancel)
            pending[pool.submit(function, task)] = index
        collect(until=0)
    except BrokenProcessPool as error:
        raise WorkerDied(
            "A worker process ended unexpectedly (out of memory, or killed)."
        ) from error
    finally:
        # The tasks not started are dropped; the running ones (one per worker) end first.
        pool.shutdown(wait=True, cancel_futures=True)


def start_method() -> str:
    """How worker processes start: forked where that is safe, else spawned.

    Forking is safe on Linux from the main thread of a process running no
    other thread and no Qt (a lock another thread holds would stay held in
    the child forever); everywhere else (the app, Windows, macOS, a frozen
    program) workers are spawned.
    """
    import multiprocessing
    import sys

    # Forking buys the start-up: a forked worker has the caller's models
    # loaded and starts in milliseconds, a spawned one imports and loads them.
    safe = (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
        and not any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules)
    )
    return "fork" if safe else "spawn"


# --- In the worker process ----------------------------------------------------------------------


def _start_worker(
    log_file: str | None, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
) -> None:
    """Prepare a worker process, then run the caller's ``initializer``."""
    import signal

    _worker_logging(log_file)
    # Ctrl+C is the caller's business: it stops handing out tasks and the
    # running ones end; a worker that also stopped would print a second traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    if initializer is not None:
        initializer(*initargs)


def _log_file() -> str | None:
    """The file this process logs to, if any (set up by the command line or the app)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


def _worker_logging(log_file: str | None) -> None:
    """Send a worker's warnings (pypdf's, trafilatura's, ours, Python warnings) to
    the caller's log file, never to standard error (issue 28)."""
    root = logging.getLogger()
    for inherited in list(root.handlers):  # a forked worker has the caller's stderr handler
        root.removeHandler(inherited)
    handler: logging.Handler = logging.NullHandler()
    if log_file:
        with contextlib.suppress(OSError):
            handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    logging.captureWarnings(True)


def _exit_with_parent() -> None:
    """End this worker when the caller dies (killed with -9, say): pool workers
    otherwise wait for work forever once their parent is gone."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's sentinel closes, i.e. when it dies
        os._exit(1)

    threading.Thread(target=watch, name="framelens-parent-watch", daemon=True).start()


# --- The Dask backend ---------------------------------------------------------------------------


def _run_dask(
    function: Callable[[T], R],
    tasks: Iterable[T],
    on_result: Callable[[int, R], None],
    workers: int,
    scheduler: str | None,
    cancel: Callable[[], bool],
    progress: Callable[[int], None] | None,
    in_flight_per_worker: int,
) -> int:
    """:func:`run_tasks` on Dask; return the number of worker threads."""
    try:
        import distributed
    except ImportError as error:
        raise FrameLensError(
            "The Dask engine needs the optional Dask packages. Install them with "
            "pip install 'framelens[dask]' (or pip install 'dask[distributed]')."
        ) from error
    dask: Any = distributed  # untyped: keep mypy --strict quiet about its calls
    cluster: Any = None
    client: Any
    try:
        if scheduler:
            client = dask.Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
        else:
            cluster = dask.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: never clash with another cluster
                silence_logs=logging.ERROR,
            )
            client = dask.Client(cluster)
    except (OSError, TimeoutError, ValueError) as error:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise FrameLensError(
            f"Could not connect to {where} ({error}). Check the address (for example "
            "tcp://10.0.0.5:8786) and that the scheduler is running."
        ) from error
    try:
        threads: int = max(1, sum(client.nthreads().values()))
        limit = max(1, in_flight_per_worker) * threads
        running = dask.as_completed()
        index_of: dict[str, int] = {}
        done = 0

        def take_one() -> None:
            nonlocal done
            finished = next(running)
            on_result(index_of.pop(finished.key), finished.result())
            finished.release()
            done += 1
            if progress is not None:
                progress(done)

        for index, task in enumerate(tasks):
            while running.count() >= limit:
                take_one()
            _check(cancel)
            future = client.submit(function, task, pure=False)
            index_of[future.key] = index
            running.add(future)
        while running.count():
            take_one()
            if running.count():
                _check(cancel)
        return threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
