"""Pipeline: inputs (paths or articles) → a :class:`~analysis.model.Corpus`, on all cores.

:func:`analyze` loads the paths with :func:`analysis.load.load_many`,
analyses every article with :func:`analysis.score.analyze_article` and keeps
the order of the inputs. ``workers`` is the number of processes that analyse
(default: the usable cores):

* ``workers=1``, or fewer than :data:`MIN_PARALLEL` articles: everything runs
  in the calling process (starting a worker costs more than a few articles);
* otherwise worker processes are started. When :func:`analyze` is called
  from the main thread (the command line, a script), the calling process is
  one of the ``workers``: it analyses chunks itself while the others start,
  so starting them costs no waiting, and only their share of the results has
  to be sent back. When it is called from another thread (the GUI's analysis
  worker), the caller must stay light so that the window stays responsive:
  then all the analysis runs in ``workers`` processes and the caller only
  waits (``in_caller`` overrides the choice).

How the workers start:

* on Linux, from the main thread of a process with no other thread (the
  command line, a script), they are *forked* (:class:`_ForkRun`): the caller
  loads the models first (the lexicons, TextBlob's sentiment lexicon,
  nupunkt), so a worker starts with them, and with the caller's warm caches,
  in a few milliseconds. The articles need not be sent either: a worker
  inherits them. The processes share the chunks through a counter in shared
  memory, each taking the next chunk when it is free (chunks shrink toward
  the end, so that all run out of work together), and each worker sends its
  results back through a pipe of its own. A worker that dies costs no
  article: the caller analyses the chunks it had taken;
* otherwise they are *spawned*, in a pool (:class:`_PoolRun`): a GUI process
  has Qt threads, and forking a process with threads can deadlock (``fork``
  copies locks held by other threads); ``spawn`` is also what Windows, macOS
  and a PyInstaller-frozen program (whose entry point calls
  ``multiprocessing.freeze_support``) use. A spawned worker loads the nupunkt
  model, TextBlob's sentiment lexicon and the loaded-term lexicon once, in
  the pool initializer (the default lexicon is not sent: building its index
  takes less time than unpickling it, and sending anything large would hold
  the caller up until the worker has started and read it); the caller keeps
  analysing while it starts, and at the end it does not wait for a slow
  worker but analyses that worker's last chunks itself too, keeping
  whichever result comes first;
* articles travel in chunks of up to :data:`MAX_CHUNK`, and results come back
  as plain tuples, which pickle several times faster than the dataclasses;
  the caller rebuilds them around its own :class:`Article` objects;
* from the main thread, the cycle collector is paused while the articles
  are analysed (:func:`collector_paused`); in a parallel run the caller
  sweeps each chunk's new results as it stores them (:meth:`_Run._store`);
* ``cancel()`` is polled between chunks; cancelling stops handing out
  chunks, waits for the running ones (at most one per worker) and raises
  :class:`~analysis.errors.CancelledError`, leaving no process behind.

benchmarks/throughput.py measures the start-up cost and the scaling.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from analysis.errors import CancelledError
from analysis.model import (
    AnalyzedArticle,
    Article,
    Assessment,
    Corpus,
    Highlight,
    LoadFailure,
    SentenceScore,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from analysis.lexicon import Lexicon
    from analysis.sentiment import SentimentLexicon

__all__ = [
    "MAX_CHUNK",
    "MIN_PARALLEL",
    "analyze",
    "analyze_articles",
    "collector_paused",
    "default_workers",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: Below this many articles no pool is started: a spawned worker process takes
#: about 0.15-0.3 s to start (benchmarks/throughput.py), while an article of 400
#: words takes about 2.5 ms, so a pool pays off only from a few dozen articles.
MIN_PARALLEL = 48
#: At most this many articles per chunk (fewer for small inputs, so that every
#: process gets several chunks and progress moves smoothly).
MAX_CHUNK = 8

#: An analysed article without its Article, as plain tuples (see _pack).
Packed = tuple[
    tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...], int
]


def default_workers() -> int:
    """The number of processes used when none is given: the usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _pack(result: AnalyzedArticle) -> Packed:
    # A NamedTuple is a tuple of its fields in order: tuple() copies them out
    # as a plain tuple (pickled without naming its class) in one C loop.
    return (
        tuple(map(tuple, result.sentences)),
        tuple(map(tuple, result.assessments)),
        tuple(map(tuple, result.highlights)),
        result.words,
    )


def _unpack(article: Article, packed: Packed | str) -> AnalyzedArticle | str:
    if isinstance(packed, str):
        return packed
    sentences, assessments, highlights, words = packed
    # tuple.__new__ turns each packed tuple into the NamedTuple as it is (what
    # NamedTuple._make does), without binding every field as an argument:
    # the caller of a parallel run unpacks the other processes' articles.
    return AnalyzedArticle(
        article=article,
        sentences=tuple(map(_as_sentence, sentences)),
        assessments=tuple(map(_as_assessment, assessments)),
        highlights=tuple(map(_as_highlight, highlights)),
        words=words,
    )


_as_sentence = partial(tuple.__new__, SentenceScore)
_as_assessment = partial(tuple.__new__, Assessment)
_as_highlight = partial(tuple.__new__, Highlight)


def _analyze_one(
    article: Article, lexicon: Lexicon | None, sentiment: SentimentLexicon | None = None
) -> AnalyzedArticle | str:
    """The analysed article, or the reason it could not be analysed.

    An article that breaks the analysis (a bug, or text no one foresaw) must
    not stop the others: it becomes an entry of ``Corpus.errors``.
    """
    from analysis.score import analyze_article

    try:
        return analyze_article(article, lexicon=lexicon, sentiment=sentiment)
    except Exception as error:  # noqa: BLE001 - reported as a failure, logged in full
        log.exception("analysing %s failed", article.path)
        return f"the article could not be analysed ({type(error).__name__}: {error})."


@contextmanager
def collector_paused() -> Iterator[bool]:
    """Python's cycle collector paused while articles are analysed; yields
    whether this call paused it.

    The analysis allocates hundreds of thousands of small tuples and makes no
    reference cycle (tests/analysis/test_pipeline.py checks it): reference
    counting frees all it drops.  The collector's passes find nothing, yet
    each full pass walks every object alive, the models and the results so
    far: about a tenth of the time on a large corpus.

    Only the main thread pauses it: an analysis that another thread runs (the
    app's) must not stop collection for a whole process whose window goes on.
    """
    paused = gc.isenabled() and threading.current_thread() is threading.main_thread()
    if paused:
        gc.disable()
    try:
        yield paused
    finally:
        if paused:
            gc.enable()


# --- Worker side (module level, so that ``spawn`` can find it) ----------------------------------

_worker_lexicon: Lexicon | None = None
_worker_sentiment: SentimentLexicon | None = None


def _init_worker(lexicon: Lexicon | None) -> None:
    """Load everything heavy once per worker process.

    Before forking, the caller runs it itself, so that forked workers start
    with everything loaded.
    """
    global _worker_lexicon, _worker_sentiment
    from analysis.bias import default_model
    from analysis.lexicon import default_lexicon
    from analysis.segment import sentence_spans
    from analysis.sentiment import sentiment_lexicon
    from analysis.wordclass import word_classes

    _worker_lexicon = default_lexicon() if lexicon is None else lexicon
    _worker_sentiment = sentiment_lexicon()
    default_model()
    word_classes()
    sentence_spans("Warm up the sentence splitter. Then go.")


def _ready() -> int:
    return os.getpid()


def _analyze_chunk(articles: Sequence[Article]) -> list[Packed | str]:
    packed: list[Packed | str] = []
    with collector_paused():
        for article in articles:
            result = _analyze_one(article, _worker_lexicon, _worker_sentiment)
            packed.append(result if isinstance(result, str) else _pack(result))
    return packed


# --- Caller side --------------------------------------------------------------------------------


def _chunks(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    size = max(1, min(MAX_CHUNK, len(articles) // (workers * 8)))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def analyze_articles(
    articles: Sequence[Article],
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    in_caller: bool | None = None,
) -> tuple[list[AnalyzedArticle], list[LoadFailure]]:
    """Analyse loaded articles, in parallel when worthwhile, in input order.

    Returns the analysed articles and the ones that could not be analysed.
    ``progress(done, total)`` counts articles; ``cancel()`` is checked
    between chunks and makes this raise
    :class:`~analysis.errors.CancelledError`. ``in_caller`` says whether the
    calling process analyses too (default: when called from the main thread).
    """
    with collector_paused() as paused:
        return _analyze_articles(articles, lexicon, workers, progress, cancel, in_caller, paused)


def _analyze_articles(
    articles: Sequence[Article],
    lexicon: Lexicon | None,
    workers: int | None,
    progress: Progress | None,
    cancel: Cancel | None,
    in_caller: bool | None,
    sweep: bool = False,
) -> tuple[list[AnalyzedArticle], list[LoadFailure]]:
    from analysis.lexicon import default_lexicon

    total = len(articles)
    n_workers = default_workers() if workers is None else max(1, workers)
    if progress is not None:
        progress(0, total)
    if n_workers == 1 or total < MIN_PARALLEL:
        lex = default_lexicon() if lexicon is None else lexicon
        results: list[AnalyzedArticle | str] = []
        for article in articles:
            if cancel is not None and cancel():
                raise CancelledError("The analysis was cancelled.")
            results.append(_analyze_one(article, lex))
            if progress is not None:
                progress(len(results), total)
    else:
        if in_caller is None:
            in_caller = threading.current_thread() is threading.main_thread()
        run = _ForkRun if _can_fork() else _PoolRun
        results = run(articles, lexicon, n_workers, in_caller, progress, cancel, sweep).run()
    analysed = [r for r in results if not isinstance(r, str)]
    failed = [
        LoadFailure(article.path, r)
        for article, r in zip(articles, results, strict=True)
        if isinstance(r, str)
    ]
    return analysed, failed


def _can_fork() -> bool:
    """Whether workers may be forked from this process rather than spawned.

    Only on Linux, from the main thread of a process that runs no other
    thread: forking copies every lock in the state it is in, and a lock held
    by another thread at that moment would stay held in the child forever. A
    process that has loaded Qt is never forked: Qt runs threads of its own
    that Python does not count.
    """
    import multiprocessing
    import sys

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
        and not any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules)
    )


def _take(counter: Any, lock: Any, total: int) -> int:
    """The index of the next chunk nobody has taken (and take it), or -1 if none is left."""
    with lock:
        k: int = counter.value
        if k >= total:
            return -1
        counter.value = k + 1
    return k


def _forked_worker(
    chunks: Sequence[Sequence[Article]], counter: Any, lock: Any, writer: Any
) -> None:
    """A forked worker: take chunks until none is left and send back each result.

    Ctrl-C reaches the whole process group; the caller handles it and stops
    the workers, so a worker ignores it (no second traceback).
    """
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while (k := _take(counter, lock, len(chunks))) >= 0:
            result = _analyze_chunk(chunks[k])
            writer.send_bytes(pickle.dumps((k, result), pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:
        pass  # the caller stopped reading (cancelled or failed): nothing left to do
    finally:
        writer.close()


def _guided_chunks(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    """Chunks of up to MAX_CHUNK articles that shrink toward the end, so that
    the processes run out of work at nearly the same moment."""
    chunks = []
    i = 0
    while i < len(articles):
        size = max(1, min(MAX_CHUNK, (len(articles) - i) // (4 * workers)))
        chunks.append(articles[i : i + size])
        i += size
    return chunks


class _Run:
    """What both kinds of parallel analysis share: the chunks, their results
    in input order, progress and cancelling."""

    def __init__(
        self,
        articles: Sequence[Article],
        lexicon: Lexicon | None,
        workers: int,
        in_caller: bool,
        progress: Progress | None,
        cancel: Cancel | None,
        sweep: bool = False,
    ) -> None:
        self.lexicon = lexicon
        self.sweep = sweep
        self.in_caller = in_caller
        self.helpers = workers - 1 if in_caller else workers
        self.chunks = self._chunk(articles, workers)
        self.results: list[list[AnalyzedArticle | str] | None] = [None] * len(self.chunks)
        self.progress = progress
        self.cancel = cancel
        self.total = len(articles)
        self.done = 0

    @staticmethod
    def _chunk(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
        return _chunks(articles, workers)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            log.info("analysis cancelled; stopping the worker processes")
            raise CancelledError("The analysis was cancelled.")

    @staticmethod
    def _here(
        chunk: Sequence[Article], lexicon: Lexicon | None, sentiment: SentimentLexicon | None = None
    ) -> list[AnalyzedArticle | str]:
        """A chunk analysed in the calling process."""
        return [_analyze_one(a, lexicon, sentiment) for a in chunk]

    def _store(self, k: int, analysed: list[AnalyzedArticle | str]) -> None:
        self.results[k] = analysed
        self.done += len(analysed)
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.sweep:
            # With the collector paused, its first pass after the analysis
            # walks every new result at once, while no other process has work
            # left (50-65 ms on benchmarks/throughput.py's corpus three times
            # over). Swept chunk by chunk (the youngest generation alone: what
            # the chunk added), the same results are walked while the workers
            # still run, for no more instructions in all. One process has
            # nothing to overlap, and there the single pass costs fewer.
            gc.collect(0)


class _ForkRun(_Run):
    """One parallel analysis with workers forked from the calling process.

    The models are loaded before forking, so every worker starts with them.
    The processes share the chunks through a counter in shared memory: each
    takes the next chunk when it is ready for one (no process waits for work
    while another has a queue), and a worker sends each chunk's result through
    a pipe of its own.
    """

    sent = 0  # chunks analysed by a worker

    @staticmethod
    def _chunk(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
        return _guided_chunks(articles, workers)

    def run(self) -> list[AnalyzedArticle | str]:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        _init_worker(self.lexicon)
        # Move every object to the collector's permanent generation before
        # forking: no collection then writes to the models and articles both
        # processes share, so their pages are not copied (copy-on-write). It
        # saves 0.2-0.3 CPU-seconds per run (benchmarks/throughput.py corpus).
        ours = gc.get_freeze_count() == 0
        gc.freeze()
        try:
            return self._share(context)
        finally:
            if ours:
                gc.unfreeze()

    def _share(self, context: Any) -> list[AnalyzedArticle | str]:
        """Fork the workers and share the chunks with them (see the class docstring)."""
        counter = context.RawValue("q", 0)
        lock = context.Lock()
        workers = []
        readers = []
        for _ in range(self.helpers):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer.fileno())
            worker = context.Process(
                target=_forked_worker, args=(self.chunks, counter, lock, writer), daemon=True
            )
            worker.start()
            writer.close()
            workers.append(worker)
            readers.append(reader)
        try:
            if self.in_caller:
                lexicon, sentiment = _worker_lexicon, _worker_sentiment
                while True:
                    self._check_cancel()
                    k = _take(counter, lock, len(self.chunks))
                    if k < 0:
                        break
                    self._store(k, self._here(self.chunks[k], lexicon, sentiment))
                    self._receive(readers, timeout=0)
            while readers:
                self._check_cancel()
                self._receive(readers, timeout=0.1)
        except BaseException:
            # Nobody takes another chunk; the running ones end, their results unread.
            with lock:
                counter.value = len(self.chunks)
            for reader in readers:
                reader.close()
            raise
        finally:
            for worker in workers:
                worker.join()
        missing = [k for k, chunk in enumerate(self.results) if chunk is None]
        if missing:
            # A worker died (killed, out of memory) with chunks it had taken.
            log.warning("a worker process ended early; analysing %d chunks here", len(missing))
            for k in missing:
                self._check_cancel()
                self._store(k, self._here(self.chunks[k], _worker_lexicon, _worker_sentiment))
        log.debug("%d of %d chunks analysed by forked workers", self.sent, len(self.chunks))
        return [a for chunk in self.results if chunk is not None for a in chunk]

    def _receive(self, readers: list[Any], timeout: float) -> None:
        """Store the results that have arrived (waiting up to ``timeout`` seconds);
        a reader whose worker has ended is dropped."""
        import pickle
        from multiprocessing.connection import wait

        ready: list[Any] = wait(readers, timeout)
        for reader in ready:
            try:
                k, packed = pickle.loads(reader.recv_bytes())
            except EOFError:
                readers.remove(reader)
                reader.close()
                continue
            self.sent += 1
            self._store(k, [_unpack(a, p) for a, p in zip(self.chunks[k], packed, strict=True)])


def _widen(fd: int) -> None:
    """Make a pipe's buffer 1 MiB where Linux allows it, so that a worker
    seldom waits for the caller to read (it reads between its own chunks)."""
    import fcntl

    with suppress(OSError):  # the default buffer works, with a little more waiting
        fcntl.fcntl(fd, 1031, 1 << 20)  # F_SETPIPE_SZ


class _PoolRun(_Run):
    """One parallel analysis with spawned workers, optionally with the caller working too."""

    next: int  # the first chunk nobody has taken yet
    pending: dict[Future[list[Packed | str]], int]
    used_pool: bool  # whether any chunk was sent to the pool
    abandoned: bool  # whether a chunk still running was done here instead

    def run(self) -> list[AnalyzedArticle | str]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.next = 0
        self.pending = {}
        self.used_pool = False
        self.abandoned = False
        executor = ProcessPoolExecutor(
            max_workers=self.helpers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.lexicon,),
        )
        finished = False
        try:
            if self.in_caller:
                self._work_alongside(executor)
            else:
                self._wait_for_pool(executor)
            finished = True
        finally:
            # Drop the chunks not started and wait for the running ones, so
            # that no process outlives this call (on cancel or error too). The
            # exception: when the caller did all the work itself (the workers
            # were still starting, or slower than the caller at the end),
            # waiting would only add their delay; they exit on their own as
            # soon as they are done.
            wait = not finished or (self.used_pool and not self.abandoned)
            executor.shutdown(wait=wait, cancel_futures=True)
        return [a for chunk in self.results if chunk is not None for a in chunk]

    def _collect(self, timeout: float | None) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        finished, _ = wait(self.pending, timeout=timeout, return_when=FIRST_COMPLETED)
        for future in finished:
            k = self.pending.pop(future)
            packed = future.result()
            self._store(k, [_unpack(a, p) for a, p in zip(self.chunks[k], packed, strict=True)])

    def _submit(self, executor: Any, limit: int) -> None:
        while self.next < len(self.chunks) and len(self.pending) < limit:
            self.used_pool = True
            self.pending[executor.submit(_analyze_chunk, self.chunks[self.next])] = self.next
            self.next += 1

    def _wait_for_pool(self, executor: Any) -> None:
        self._submit(executor, len(self.chunks))
        while self.pending:
            self._check_cancel()
            # A short timeout keeps the cancel flag responsive while chunks run.
            self._collect(timeout=0.1)

    def _work_alongside(self, executor: Any) -> None:
        from analysis.lexicon import default_lexicon

        lexicon = default_lexicon() if self.lexicon is None else self.lexicon
        # Chunks go to the pool only once a worker has started, so a small job
        # never waits for process start-up; two chunks per worker stay queued.
        ready: Future[int] | None = executor.submit(_ready)
        limit = 2 * self.helpers
        while self.next < len(self.chunks):
            self._check_cancel()
            if ready is not None and ready.done():
                ready.result()
                ready = None
            if ready is None:
                self._submit(executor, limit)
            if self.next >= len(self.chunks):
                break
            k = self.next
            self.next += 1
            self._store(k, self._here(self.chunks[k], lexicon))
            if self.pending:
                self._collect(timeout=0)
        # Take back the chunks the pool has not started, rather than wait for them.
        for future, k in sorted(self.pending.items(), key=lambda item: -item[1]):
            if future.cancel():
                del self.pending[future]
                self._check_cancel()
                self._store(k, self._here(self.chunks[k], lexicon))
        # The last chunks a worker is running (at most two per worker): on a
        # busy machine a worker can be much slower than the caller, so rather
        # than wait, the caller analyses them too and keeps whichever result
        # comes first (the results are identical: the analysis is deterministic).
        for future, k in sorted(self.pending.items(), key=lambda item: item[1]):
            self._collect(timeout=0)
            if future not in self.pending:
                continue
            self._check_cancel()
            analysed = self._here(self.chunks[k], lexicon)
            if future in self.pending:
                del self.pending[future]
                self.abandoned = True
                self._store(k, analysed)
        while self.pending:
            self._check_cancel()
            self._collect(timeout=0.1)


def analyze(
    inputs: Iterable[str | os.PathLike[str] | Article],
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    in_caller: bool | None = None,
) -> Corpus:
    """Load and analyse ``inputs`` (paths, folders or :class:`Article` objects).

    Paths are loaded with :func:`analysis.load.load_many` (folders are
    expanded recursively); the ones that fail become ``Corpus.errors`` and the
    rest are analysed (an article whose analysis fails, which would be a bug,
    is logged and becomes an error too, so that it never stops the others).
    Articles keep the order of the inputs (a folder's files in its sorted
    order). ``workers`` is the number of processes that
    analyse (default: the usable cores); see the module docstring for
    ``in_caller``. ``progress(done, total)`` reports analysed articles (after
    loading); ``cancel()`` is polled while loading and between chunks of
    analysis and makes this raise :class:`~analysis.errors.CancelledError`.
    """
    from analysis.lexicon import default_lexicon

    lex = default_lexicon() if lexicon is None else lexicon
    articles: list[Article] = []
    errors: list[LoadFailure] = []
    skipped: list[LoadFailure] = []
    run: list[str | os.PathLike[str]] = []

    def flush() -> None:
        if not run:
            return
        from analysis.load import load_many

        loaded = load_many(list(run), cancel=cancel)
        articles.extend(loaded.articles)
        errors.extend(loaded.failures)
        skipped.extend(loaded.skipped)
        run.clear()

    # Consecutive paths are loaded together (load_many also drops duplicates
    # among them); an Article in between keeps its place.
    for item in inputs:
        if isinstance(item, Article):
            flush()
            articles.append(item)
        else:
            run.append(item)
    flush()
    # The default lexicon is not sent to workers: each loads its own copy.
    analysed, failed = analyze_articles(
        articles,
        lexicon=None if lex is default_lexicon() else lex,
        workers=workers,
        progress=progress,
        cancel=cancel,
        in_caller=in_caller,
    )
    from analysis.corrections import apply_context

    corpus = Corpus(
        articles=tuple(analysed),
        errors=(*errors, *failed),
        lexicons=lex.names,
        skipped=tuple(skipped),
    )
    return apply_context(corpus)
