"""The window's analysis queue: what waits to be loaded and analysed, one worker at a time.

Sources (files, pasted text, dropped HTML) are queued with :meth:`add` or
:meth:`add_paths`; everything queued while a worker runs goes to the next
worker as one batch. Inputs already open are not queued again, and an
article whose text is the same as one already shown is dropped as a
duplicate. Each batch ends in one notice naming what failed, what was a
duplicate and which files of a folder were not read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.load.duplicates import Duplicates, is_duplicate
from analysis.model import Corpus, LoadFailure
from analysis.session import Session, Source
from gui.models.articles_model import ArticlesModel
from gui.notices import Notices
from gui.settings import Settings
from gui.workers.analysis_worker import AnalysisResult, AnalysisWorker


class AnalysisQueue(QObject):
    """Queues sources for an :class:`AnalysisWorker` and adds its articles to the model."""

    #: A worker started (True) or ended (False).
    busyChanged = Signal(bool)
    #: The running worker's progress: done, total, phase.
    progress = Signal(int, int, str)
    #: Sources were queued.
    enqueued = Signal()
    #: A one-line status for the status bar.
    status = Signal(str)
    #: A batch ended (added, failed or cancelled) and nothing more is queued.
    settled = Signal()

    def __init__(
        self,
        model: ArticlesModel,
        notices: Notices,
        settings: Settings,
        pool: QThreadPool,
        *,
        analyze: Callable[..., Corpus] | None = None,
        workers: int | None = None,
    ) -> None:
        super().__init__(model)
        self.model = model
        self.notices = notices
        self.settings = settings
        self.pool = pool
        #: User lexicons merged into the built-in one (paths).
        self.lexicons: list[str] = []
        self._analyze = analyze
        # None: the pipeline's default, a process per core. Fewer is worse for the
        # window: with one worker the pipeline analyses in the worker thread,
        # which then competes with the event loop for the GIL.
        self._workers = workers
        self.worker: AnalysisWorker | None = None
        self.queued: list[Source] = []
        self.inflight: list[Source] = []
        #: The source of every article shown, by key (what a session saves).
        self.sources: dict[str, Source] = {}
        #: Inputs of the last batch that could not be loaded.
        self.errors: list[LoadFailure] = []
        #: A session being reopened: its renames, moves and order apply once analysed.
        self.pending_state: Session | None = None
        #: The first article of each text; a later copy is skipped while the first is open.
        self._duplicates = Duplicates(present=lambda key: key in self.model)
        self._counter = 0
        model.changed.connect(self._model_changed)

    # -- state ----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A worker runs or sources wait."""
        return self.worker is not None or bool(self.queued)

    def pending(self) -> list[Source]:
        """Sources being analysed or waiting to be."""
        return self.inflight + self.queued

    def new_key(self, prefix: str) -> str:
        """A key for a source without a path: ``<pasted 3>``."""
        while True:
            self._counter += 1
            key = f"<{prefix} {self._counter}>"
            if key not in self.sources and key not in self.model:
                return key

    def reset(self, pending_state: Session | None = None) -> None:
        """Forget every article and source (a session replaces them); stop the worker."""
        if self.worker is not None:
            self.worker.cancel()
        self.queued = []
        self.model.clear()
        self.sources = {}
        self._duplicates.clear()
        self.errors = []
        self._counter = 0
        self.pending_state = pending_state

    def _model_changed(self) -> None:
        self.sources = {k: s for k, s in self.sources.items() if k in self.model}

    # -- queueing -------------------------------------------------------------
    def add_paths(self, paths: Iterable[str], *, remember: bool = True) -> None:
        """Queue files and folders; the ones already open or queued are named, not added."""
        fresh: list[Source] = []
        already: list[str] = []
        for p in paths:
            path = os.path.abspath(os.fspath(p))
            if path in self.model or any(s.key == path for s in self.pending()):
                already.append(path)
                continue
            fresh.append(Source.file(path))
            if remember:
                self.settings.add_recent("recent_files", path)
        if already:
            self.notices.info(
                self.tr("{} file(s) are already open and were not added again.").format(
                    len(already)
                ),
                details=already,
            )
        if fresh:
            self.add(fresh)

    def add(self, sources: Sequence[Source]) -> None:
        """Queue sources for loading and analysis (one worker at a time)."""
        self.queued.extend(sources)
        self.enqueued.emit()
        if self.worker is None:
            self._start_next()

    def _start_next(self) -> None:
        if not self.queued:
            return
        batch, self.queued = self.queued, []
        self.inflight = batch
        worker = AnalysisWorker(
            batch, lexicons=self.lexicons, analyze=self._analyze, workers=self._workers
        )
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        self.worker = worker
        self.busyChanged.emit(True)
        self.status.emit(self.tr("Loading {} item(s)…").format(len(batch)))
        worker.start(self.pool)

    def cancel(self) -> bool:
        """Stop the running worker and drop what waits; False when none runs."""
        if self.worker is None:
            return False
        self.worker.cancel()
        self.queued = []
        self.status.emit(self.tr("Cancelling…"))
        return True

    # -- the worker's outcome -------------------------------------------------
    def _progress(self, done: int, total: int, phase: str) -> None:
        if self.sender() is getattr(self.worker, "signals", None):
            self.progress.emit(done, total, phase)

    def _worker_ended(self) -> None:
        self.worker = None
        self.inflight = []
        self.busyChanged.emit(False)

    def _finished(self, result: AnalysisResult) -> None:
        self._worker_ended()
        corpus = result.corpus
        failures = list(corpus.errors)
        new_items = []
        fingerprints = result.fingerprints or tuple(str(i) for i in range(len(corpus.articles)))
        for analyzed, fingerprint in zip(corpus.articles, fingerprints, strict=False):
            key = analyzed.article.path
            duplicate = self._duplicates.check(key, fingerprint)
            if duplicate is not None:
                failures.append(duplicate)
                continue
            new_items.append((key, analyzed))
        by_key = {s.key: s for s in result.sources}
        for key, _ in new_items:
            if key in by_key:
                self.sources[key] = by_key[key]
        self.model.add(new_items)
        from gui.app import freeze_heap

        freeze_heap()
        if self.pending_state is not None:
            state, self.pending_state = self.pending_state, None
            self.model.set_state(dict(state.renames), dict(state.moves), list(state.order))
        self.errors = failures
        self.report_failures(failures, corpus.skipped)
        self.status.emit(
            self.tr("{} article(s) added · {} outlet(s) · {} article(s) in all").format(
                len(new_items), len(self.model.outlets()), len(self.model)
            )
        )
        self._after_batch()

    def report_failures(
        self, failures: Sequence[LoadFailure], skipped: Sequence[LoadFailure] = ()
    ) -> None:
        """One notice: inputs that failed, duplicates, and files of folders not read."""
        if not failures and not skipped:
            return
        dup = [f for f in failures if is_duplicate(f)]
        bad = [f for f in failures if not is_duplicate(f)]
        details = [f"{f.path}: {f.error}" for f in (*failures, *skipped)]
        parts = []
        if bad:
            text = (
                self.tr("{} input(s) could not be loaded; the others were.")
                if len(self.model)
                else self.tr("None of the {} input(s) could be loaded.")
            )
            parts.append(text.format(len(bad)))
        if dup:
            parts.append(
                self.tr("{} duplicate article(s) recognised and skipped.").format(len(dup))
            )
        if skipped:
            parts.append(
                self.tr("{} file(s) in the folders skipped: not articles FrameLens reads.").format(
                    len(skipped)
                )
            )
        post = self.notices.warning if bad else self.notices.info
        post(" ".join(parts), details=details)

    def _failed(self, message: str) -> None:
        self._worker_ended()
        self.notices.error(message)
        self.status.emit(self.tr("Analysis failed"))
        self._after_batch()

    def _cancelled(self) -> None:
        self._worker_ended()
        self.notices.info(self.tr("Loading was cancelled; the articles already shown are kept."))
        self.status.emit(self.tr("Cancelled"))
        self.pending_state = None
        self._after_batch()

    def _after_batch(self) -> None:
        if self.queued:
            self._start_next()
        else:
            self.settled.emit()
