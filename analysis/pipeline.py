"""Pipeline: inputs (paths or articles) → a :class:`~analysis.model.Corpus`, on all cores.

:func:`analyze` loads the paths with :func:`analysis.load.load_many`,
analyses every article with :func:`analysis.score.analyze_article` and keeps
the order of the inputs. ``workers`` is the number of processes that analyse
(default: the usable cores):

* ``workers=1``, or fewer than :data:`MIN_PARALLEL` articles: everything runs
  in the calling process (starting a worker costs more than a few articles);
* otherwise the articles go, in chunks of up to :data:`MAX_CHUNK`, to the
  worker processes of :mod:`analysis.parallel`, the one process engine
  (``framelens batch`` uses it too). Each worker loads the models once
  (:func:`_init_worker`: the lexicons, TextBlob's sentiment lexicon,
  nupunkt); the default lexicon is not sent, each worker builds its own.
  Results come back as plain tuples, which pickle several times faster than
  the dataclasses, and the caller rebuilds them around its own
  :class:`Article` objects, in input order;
* ``cancel()`` is polled between articles or while waiting for chunks;
  cancelling drops the chunks not started, waits for the running ones (one
  per worker) and raises :class:`~analysis.errors.CancelledError`, leaving
  no process behind.

benchmarks/cli_speed.py measures the whole ``framelens analyze`` process
against a plain TextBlob loop, with one and two processes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
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
from analysis.parallel import default_workers

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon
    from analysis.sentiment import SentimentLexicon

__all__ = [
    "MAX_CHUNK",
    "MIN_PARALLEL",
    "analyze",
    "analyze_articles",
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

#: An analysed article without its Article, as plain tuples (see _pack):
#: sentences, assessments, highlights, words, headline.
Packed = tuple[
    tuple[tuple[Any, ...], ...],
    tuple[tuple[Any, ...], ...],
    tuple[tuple[Any, ...], ...],
    int,
    tuple[Any, ...] | None,
]


def _pack(result: AnalyzedArticle) -> Packed:
    # A NamedTuple is a tuple of its fields in order: tuple() copies them out
    # as a plain tuple (pickled without naming its class) in one C loop.
    return (
        tuple(map(tuple, result.sentences)),
        tuple(map(tuple, result.assessments)),
        tuple(map(tuple, result.highlights)),
        result.words,
        None if result.headline is None else tuple(result.headline),
    )


def _unpack(article: Article, packed: Packed | str) -> AnalyzedArticle | str:
    if isinstance(packed, str):
        return packed
    sentences, assessments, highlights, words, headline = packed
    # tuple.__new__ turns each packed tuple into the NamedTuple as it is (what
    # NamedTuple._make does), without binding every field as an argument:
    # the caller of a parallel run unpacks the other processes' articles.
    return AnalyzedArticle(
        article=article,
        sentences=tuple(map(_as_sentence, sentences)),
        assessments=tuple(map(_as_assessment, assessments)),
        highlights=tuple(map(_as_highlight, highlights)),
        words=words,
        headline=None if headline is None else _as_sentence(headline),
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


# --- Worker side (module level, so that ``spawn`` can find it) ----------------------------------

_worker_lexicon: Lexicon | None = None
_worker_sentiment: SentimentLexicon | None = None


def _init_worker(lexicon: Lexicon | None) -> None:
    """Load everything heavy once per worker process.

    When workers are forked, the caller runs it first, so that they start
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


def _analyze_chunk(articles: Sequence[Article]) -> list[Packed | str]:
    packed: list[Packed | str] = []
    for article in articles:
        result = _analyze_one(article, _worker_lexicon, _worker_sentiment)
        packed.append(result if isinstance(result, str) else _pack(result))
    return packed


# --- Caller side --------------------------------------------------------------------------------


def _chunks(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    """Chunks of up to :data:`MAX_CHUNK` articles, at least eight per worker."""
    size = max(1, min(MAX_CHUNK, len(articles) // (workers * 8)))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def analyze_articles(
    articles: Sequence[Article],
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[list[AnalyzedArticle], list[LoadFailure]]:
    """Analyse loaded articles, in parallel when worthwhile, in input order.

    Returns the analysed articles and the ones that could not be analysed.
    ``progress(done, total)`` counts articles; ``cancel()`` is checked
    between articles (between chunks in worker processes) and makes this
    raise :class:`~analysis.errors.CancelledError`.
    """
    from analysis.lexicon import default_lexicon

    total = len(articles)
    n_workers = default_workers() if workers is None else max(1, workers)
    if progress is not None:
        progress(0, total)
    results: list[AnalyzedArticle | str]
    if n_workers == 1 or total < MIN_PARALLEL:
        lex = default_lexicon() if lexicon is None else lexicon
        results = []
        for article in articles:
            if cancel is not None and cancel():
                raise CancelledError("The analysis was cancelled.")
            results.append(_analyze_one(article, lex))
            if progress is not None:
                progress(len(results), total)
    else:
        results = _in_workers(articles, lexicon, n_workers, progress, cancel)
    analysed = [r for r in results if not isinstance(r, str)]
    failed = [
        LoadFailure(article.path, r)
        for article, r in zip(articles, results, strict=True)
        if isinstance(r, str)
    ]
    return analysed, failed


def _in_workers(
    articles: Sequence[Article],
    lexicon: Lexicon | None,
    workers: int,
    progress: Progress | None,
    cancel: Cancel | None,
) -> list[AnalyzedArticle | str]:
    """The articles analysed in chunks by ``workers`` processes of :mod:`analysis.parallel`."""
    from analysis.lexicon import default_lexicon
    from analysis.parallel import WorkerDied, run_tasks, start_method

    if start_method() == "fork":
        # Forked workers inherit what the caller has loaded: load it once, here.
        _init_worker(lexicon)
    chunks = _chunks(articles, workers)
    results: list[list[AnalyzedArticle | str] | None] = [None] * len(chunks)
    done = 0

    def store(k: int, analysed: list[AnalyzedArticle | str]) -> None:
        nonlocal done
        results[k] = analysed
        done += len(analysed)
        if progress is not None:
            progress(done, len(articles))

    try:
        run_tasks(
            _analyze_chunk,
            chunks,
            lambda k, packed: store(
                k, [_unpack(a, p) for a, p in zip(chunks[k], packed, strict=True)]
            ),
            workers=workers,
            initializer=_init_worker,
            initargs=(lexicon,),
            cancel=cancel,
        )
    except CancelledError as error:
        raise CancelledError("The analysis was cancelled.") from error
    except WorkerDied:
        # Killed, or out of memory: its chunks are analysed here, so no article is lost.
        log.warning("a worker process ended early; analysing its chunks here")
        lex = default_lexicon() if lexicon is None else lexicon
        for k, chunk in enumerate(chunks):
            if results[k] is None:
                if cancel is not None and cancel():
                    raise CancelledError("The analysis was cancelled.") from None
                store(k, [_analyze_one(a, lex) for a in chunk])
    return [a for chunk in results if chunk is not None for a in chunk]


def analyze(
    inputs: Iterable[str | os.PathLike[str] | Article],
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Corpus:
    """Load and analyse ``inputs`` (paths, folders or :class:`Article` objects).

    Paths are loaded with :func:`analysis.load.load_many` (folders are
    expanded recursively); the ones that fail become ``Corpus.errors`` and the
    rest are analysed (an article whose analysis fails, which would be a bug,
    is logged and becomes an error too, so that it never stops the others).
    Articles keep the order of the inputs (a folder's files in its sorted
    order). ``workers`` is the number of processes that
    analyse (default: the usable cores). ``progress(done, total)`` reports analysed articles (after
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
    )
    from analysis.corrections import apply_context

    corpus = Corpus(
        articles=tuple(analysed),
        errors=(*errors, *failed),
        lexicons=lex.names,
        skipped=tuple(skipped),
    )
    return apply_context(corpus)
