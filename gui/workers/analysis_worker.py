"""Load and analyse articles off the GUI thread, with progress and cancel.

An :class:`AnalysisWorker` runs on a ``QThreadPool`` (the global one by default).
It turns the sources (files, pasted text, dropped HTML) into articles, then
calls :func:`analysis.pipeline.analyze`, which spreads the work over worker
processes. It reports only through its typed signals (queued to the GUI
thread), never touching a widget:

- ``progress(done, total, phase)``: phase is "Loading" or "Analysing";
- ``finished(AnalysisResult)``;
- ``failed(str)``: a sentence for the user (a bug still reaches the crash handler's log);
- ``cancelled()``.

:meth:`cancel` sets a flag that the loaders and the pipeline poll.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.model import Article, Corpus, LoadFailure
from analysis.session import Source

log = logging.getLogger(__name__)

AnalyzeFunction = Callable[..., Corpus]


@dataclass(frozen=True)
class AnalysisResult:
    """What a run produced: the corpus (articles keyed by ``article.path``) and the sources."""

    corpus: Corpus
    sources: tuple[Source, ...]
    #: Per article of ``corpus``, a hash of its text (whitespace and case aside) to spot duplicates.
    fingerprints: tuple[str, ...] = ()


class WorkerSignals(QObject):
    """The worker's signals (the worker itself is not a QObject)."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # AnalysisResult
    failed = Signal(str)
    cancelled = Signal()


def _default_analyze(inputs: Sequence[Any], **kwargs: Any) -> Corpus:
    from analysis.pipeline import analyze

    return analyze(inputs, **kwargs)


class AnalysisWorker:
    """Turn sources into a :class:`Corpus` in a pool thread."""

    def __init__(
        self,
        sources: Sequence[Source],
        *,
        lexicons: Sequence[str] = (),
        analyze: AnalyzeFunction | None = None,
        workers: int | None = None,
    ) -> None:
        self.sources = tuple(sources)
        self.lexicons = tuple(lexicons)
        self.analyze = analyze or _default_analyze
        self.workers = workers
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self._done = threading.Event()
        #: Files in the folders given that FrameLens does not read, with why.
        self._skipped: tuple[LoadFailure, ...] = ()

    # -- control (GUI thread) -------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> None:
        # The pool runs the bound method, whose reference keeps the worker alive
        # until ``run`` has returned (a QRunnable subclass collected while its
        # pool thread was still leaving ``run`` was freed under it: a rare crash).
        (pool or QThreadPool.globalInstance()).start(self.run)

    def cancel(self) -> None:
        """Ask the run to stop at the next check (between files or chunks)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the run has ended (used on exit after :meth:`cancel`)."""
        return self._done.wait(timeout)

    # -- the work (pool thread) -------------------------------------------------
    def run(self) -> None:
        from analysis.errors import CancelledError, FrameLensError

        try:
            result = self._work()
        except CancelledError:
            self.signals.cancelled.emit()
        except FrameLensError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - report, never kill the app
            log.error("analysis failed\n%s", traceback.format_exc())
            self.signals.failed.emit(
                f"The analysis failed unexpectedly ({type(error).__name__}: {error}). "
                "Details are in the log file."
            )
        else:
            if self.is_cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self._done.set()

    def _progress(self, phase: str) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            self.signals.progress.emit(done, total, phase)

        return report

    def _work(self) -> AnalysisResult:
        from analysis.errors import CancelledError, LoadError

        cancel = self._cancel.is_set
        inputs: list[Any] = []
        failures: list[LoadFailure] = []
        files = [s.path for s in self.sources if s.kind == "file"]
        total = len(self.sources)
        self.signals.progress.emit(0, total, "Loading")
        for done, source in enumerate(self.sources, start=1):
            if cancel():
                raise CancelledError("Loading was cancelled.")
            if source.kind == "file":
                inputs.append(source.path)
                continue
            try:
                inputs.append(_article_from(source))
            except LoadError as error:
                failures.append(LoadFailure(source.key, error.reason))
            self.signals.progress.emit(done, total, "Loading")
        if files:
            # Load the files here, with progress; the pipeline then only analyses.
            inputs = self._load_files(inputs, failures)
        lexicon = self._lexicon()
        corpus = self.analyze(
            inputs,
            lexicon=lexicon,
            workers=self.workers,
            progress=self._progress("Analysing"),
            cancel=cancel,
        )
        if failures or self._skipped:
            # By name: the corpus also carries the reader's corrections.
            corpus = dataclasses.replace(
                corpus,
                errors=tuple(failures) + corpus.errors,
                skipped=self._skipped + corpus.skipped,
            )
        sources = [s for s in self.sources if s.kind != "file"]
        # A file restored from a session's embedded text keeps its text source.
        given = {s.key for s in sources}
        sources += [
            Source.file(a.article.path)
            for a in corpus.articles
            if _is_file(a.article) and a.article.path not in given
        ]
        from analysis.load.duplicates import text_fingerprint

        fingerprints = tuple(text_fingerprint(a.article.text) for a in corpus.articles)
        return AnalysisResult(corpus, tuple(sources), fingerprints)

    def _load_files(self, inputs: list[Any], failures: list[LoadFailure]) -> list[Any]:
        from analysis.load import load_many

        paths = [i for i in inputs if isinstance(i, str)]
        # Parsers (lxml, pypdf) run long C calls that hold the GIL and would
        # freeze the window, so beyond a few files they run in reader
        # processes. A handful of files is read here: starting a process
        # would cost more than it saves.
        executor = _reader_pool() if _worth_a_reader_pool(paths) else None
        try:
            result = load_many(
                paths,
                progress=self._progress("Loading"),
                cancel=self._cancel.is_set,
                executor=executor,
            )
            loaded, failed = result
            self._skipped = tuple(result.skipped)
        finally:
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        failures.extend(failed)
        articles = iter(loaded)
        out: list[Any] = [i for i in inputs if isinstance(i, Article)]
        out.extend(articles)
        return out

    def _lexicon(self) -> Any:
        if not self.lexicons:
            return None
        from analysis.lexicon import default_lexicon, load_lexicon

        lexicon = default_lexicon()
        for path in self.lexicons:
            lexicon = lexicon.merged(load_lexicon(path))
        return lexicon


#: From how many files (or with any folder) loading uses reader processes.
READER_POOL_FROM = 8


def _worth_a_reader_pool(paths: Sequence[str]) -> bool:
    import os

    return len(paths) >= READER_POOL_FROM or any(os.path.isdir(p) for p in paths)


def _reader_pool() -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a process forked from a Qt application with threads is unsafe.
    # One reader: a hostile page can take most of a gigabyte to parse, and two
    # at once (beside the app and the analysis workers) would double that.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=1, mp_context=context)


def _is_file(article: Article) -> bool:
    return not article.path.startswith("<")


def _article_from(source: Source) -> Article:
    if source.kind == "html":
        from analysis.load import load_html_string

        article = load_html_string(source.text, path=source.key, url=source.url)
        if source.outlet:
            from dataclasses import replace

            article = replace(article, outlet=source.outlet, outlet_source="user")
        return article
    from analysis.load import load_text

    return load_text(
        source.text,
        path=source.key,
        outlet=source.outlet or None,
        title=source.title,
        author=source.author,
        date=source.date,
        url=source.url,
    )
