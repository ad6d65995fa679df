"""Run :func:`analysis.compare.compare` (and the outlet table) off the GUI thread.

Comparing many articles (alignment is quadratic in sentences) can take
seconds, so it runs in a pool thread like the analysis. Signals:
``finished((Comparison, outlet_table DataFrame or None))`` and ``failed(str)``.
A newer request makes an older result stale: the window's :class:`Comparer` keeps only
the result of its latest worker.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    # Not imported at run time: importing analysis.compare took some 45 ms,
    # in the GUI thread at the first comparison; the pool thread imports it
    # when it runs.
    from analysis.compare.results import Comparison
    from analysis.model import Corpus

log = logging.getLogger(__name__)


#: The comparison thread sleeps this long every YIELD_EVERY_S seconds of work
#: (see :func:`_yielding`).
YIELD_S = 0.0002
YIELD_EVERY_S = 0.004


def _yielding(cancelled: Callable[[], bool]) -> Callable[[], bool]:
    """``cancelled``, which also hands the interpreter lock to the window's thread now and then.

    numpy releases the lock around its loops. A thread waiting for it is
    woken each time, finds that the comparison thread has already taken it
    back, and waits another switch interval (5 ms), so for as long as the
    alignment runs numpy calls in a loop the window's thread seldom gets
    the lock: it froze for 20-75 ms at a time
    (benchmarks/gui_responsiveness.py). A short sleep, every few
    milliseconds of work, lets it in.
    """
    last = time.perf_counter()

    def check() -> bool:
        nonlocal last
        now = time.perf_counter()
        if now - last >= YIELD_EVERY_S:
            time.sleep(YIELD_S)
            last = time.perf_counter()
        return cancelled()

    return check


class CompareSignals(QObject):
    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()


class CompareWorker:
    """Compare the outlets of ``corpus`` in a pool thread.

    Not a ``QRunnable``: the pool runs the bound method :meth:`run`, and
    that reference keeps the worker alive until ``run`` has returned. (A
    ``QRunnable`` whose Python wrapper is collected while the pool thread is
    still leaving ``run`` is freed under it, a rare crash.)
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        threshold: float | None = None,
        previous: Comparison | None = None,
    ) -> None:
        self.corpus = corpus
        self.threshold = threshold
        #: A comparison of the same corpus: only its alignment is redone.
        self.previous = previous
        self.signals = CompareSignals()
        self._cancel = threading.Event()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self.run)

    def cancel(self) -> None:
        """Ask the comparison to stop soon (it checks between steps and during alignment)."""
        self._cancel.set()

    def run(self) -> None:
        from analysis.errors import CancelledError

        try:
            from analysis.compare import compare, realign

            cancel = _yielding(self._cancel.is_set)
            if self.previous is not None and self.threshold is not None:
                # A threshold change: distinctive words, labels, quotes and
                # frames do not depend on it.
                comparison = realign(
                    self.previous, self.corpus, threshold=self.threshold, cancel=cancel
                )
            elif self.threshold is not None:
                comparison = compare(self.corpus, threshold=self.threshold, cancel=cancel)
            else:
                comparison = compare(self.corpus, cancel=cancel)
            from analysis.tables import outlet_table

            result = (comparison, outlet_table(self.corpus))
        except CancelledError:
            self.signals.cancelled.emit()
        except ImportError as error:
            self.signals.failed.emit(f"The comparison is not available in this build ({error}).")
        except Exception as error:  # noqa: BLE001 - report, never kill the app
            log.error("comparison failed\n%s", traceback.format_exc())
            self.signals.failed.emit(
                f"Comparing the outlets failed ({type(error).__name__}: {error})."
            )
        else:
            self.signals.finished.emit(result)


class Comparer(QObject):
    """Runs one :class:`CompareWorker` at a time; only the latest request's outcome is told.

    A new request cancels the running one (its result would be stale).
    ``finished`` and ``failed`` carry the corpus compared, so the window can
    also drop a result for articles it no longer shows.
    """

    #: (corpus, (Comparison, outlet table DataFrame or None))
    finished = Signal(object, object)
    #: (corpus, one-line message)
    failed = Signal(object, str)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.worker: CompareWorker | None = None
        #: The aligned view's threshold, once the user changed it (None: the default).
        self.threshold: float | None = None

    def start(
        self, corpus: Corpus, threshold: float | None = None, previous: Comparison | None = None
    ) -> bool:
        """Compare ``corpus`` (at ``threshold``, realigning ``previous``); False: nothing to do."""
        if threshold is not None:
            self.threshold = threshold
        if len(corpus.outlets) < 1:
            return False
        self.cancel()
        worker = CompareWorker(corpus, threshold=self.threshold, previous=previous)

        def finished(result: object) -> None:
            if worker is self.worker:
                self.finished.emit(corpus, result)

        def failed(message: str) -> None:
            if worker is self.worker:
                self.failed.emit(corpus, message)

        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        self.worker = worker
        worker.start(self.pool)
        return True

    def cancel(self) -> None:
        """Ask the running comparison to stop (its result will not be told)."""
        if self.worker is not None:
            self.worker.cancel()
