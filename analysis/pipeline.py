"""Pipeline: inputs (paths or articles) → a :class:`~analysis.model.Corpus`, on all cores.

:func:`analyze` lists the files of the paths given (folders are expanded
with :func:`analysis.load.expand_inputs`), then loads every file
(:func:`analysis.load.inputs.load_one`) and analyses every article
(:func:`analysis.score.analyze_article`), keeping the order of the inputs.
``workers`` is the number of processes that load and analyse (default: the
usable cores):

* ``workers=1``, or fewer than :data:`MIN_PARALLEL` inputs: everything runs
  in the calling process (starting a worker costs more than a few articles);
* otherwise the inputs (file paths and articles given) go, in chunks of up
  to :data:`MAX_CHUNK`, to the worker processes of :mod:`analysis.parallel`,
  the one process engine (``framelens batch`` uses it too). A file is read
  and parsed by the worker that analyses it, so the caller only lists the
  files, turns duplicates away (by the fingerprint the worker sends) and
  keeps the order. Each worker loads the models once (:func:`_init_worker`:
  the lexicons, TextBlob's sentiment lexicon, nupunkt); the default lexicon
  is not sent, each worker builds its own. Results come back as plain
  tuples, which pickle several times faster than the dataclasses, and the
  caller rebuilds them around the :class:`Article` objects, in input order;
* ``cancel()`` is polled between inputs or while waiting for chunks;
  cancelling drops the chunks not started, waits for the running ones (one
  per worker) and raises :class:`~analysis.errors.CancelledError`, leaving
  no process behind.

:func:`analyze_rendered` also turns each analysed article into text (its
JSON, for ``framelens analyze --json``) in the process that analysed it.

benchmarks/cli_speed.py measures the whole ``framelens analyze`` process
against a plain TextBlob loop, with one and two processes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

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
    from analysis.load.inputs import Expanded
    from analysis.sentiment import SentimentLexicon

__all__ = [
    "MAX_CHUNK",
    "MIN_PARALLEL",
    "analyze",
    "analyze_articles",
    "analyze_rendered",
    "default_workers",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
#: Turns an analysed article into text, in the process that analysed it.
Render = Callable[[AnalyzedArticle], str]
#: One input: an article given, or the path of a file to load.
Item = Article | str

#: Below this many inputs no pool is started: a spawned worker process takes
#: about 0.15-0.3 s to start (benchmarks/throughput.py), while an article of 400
#: words takes about 2.5 ms, so a pool pays off only from a few dozen articles.
MIN_PARALLEL = 48
#: At most this many inputs per chunk (fewer for small inputs, so that every
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


class _Outcome(NamedTuple):
    """What became of one input that could be loaded (one that could not is
    the reason why, a ``str``)."""

    #: The article (None on its way back from a worker when the caller gave it).
    article: Article | None
    #: :func:`~analysis.load.duplicates.text_fingerprint` of a loaded file's
    #: text ("" for an article given): the caller turns duplicates away with it.
    fingerprint: str
    #: The analysis (packed between processes), or why the article could not be analysed.
    result: AnalyzedArticle | Packed | str
    #: ``render(result)``, when a ``render`` was given and the analysis succeeded.
    rendered: str | None


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


def _process(
    item: Item,
    lexicon: Lexicon | None,
    sentiment: SentimentLexicon | None,
    render: Render | None,
) -> _Outcome | str:
    """Load (a path) and analyse one input; a file that cannot be loaded gives the reason."""
    from analysis.load.duplicates import text_fingerprint
    from analysis.load.inputs import load_one

    if isinstance(item, Article):
        article, fingerprint = item, ""
    else:
        loaded, reason = load_one(item)
        if loaded is None:
            return reason
        article, fingerprint = loaded, text_fingerprint(loaded.text)
    result = _analyze_one(article, lexicon, sentiment)
    rendered = None if render is None or isinstance(result, str) else render(result)
    return _Outcome(article, fingerprint, result, rendered)


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


def _analyze_chunk(task: tuple[Sequence[Item], Render | None]) -> list[_Outcome | str]:
    items, render = task
    outcomes: list[_Outcome | str] = []
    for item in items:
        outcome = _process(item, _worker_lexicon, _worker_sentiment, render)
        if isinstance(outcome, _Outcome):
            result = outcome.result
            outcome = outcome._replace(
                # The caller has the articles it gave: only loaded ones travel back.
                article=None if isinstance(item, Article) else outcome.article,
                result=_pack(result) if isinstance(result, AnalyzedArticle) else result,
            )
        outcomes.append(outcome)
    return outcomes


# --- Caller side --------------------------------------------------------------------------------


def _unpacked(item: Item, outcome: _Outcome | str) -> _Outcome | str:
    """A worker's outcome for ``item`` with its article and analysis rebuilt."""
    if isinstance(outcome, str):
        return outcome
    article = item if isinstance(item, Article) else outcome.article
    assert article is not None  # a loaded article always travels back
    packed = outcome.result
    assert not isinstance(packed, AnalyzedArticle)  # packed by the worker
    return outcome._replace(article=article, result=_unpack(article, packed))


def _chunks(items: Sequence[Item], workers: int) -> list[Sequence[Item]]:
    """Chunks of up to :data:`MAX_CHUNK` inputs, at least eight per worker."""
    size = max(1, min(MAX_CHUNK, len(items) // (workers * 8)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _outcomes(
    items: Sequence[Item],
    lexicon: Lexicon | None,
    workers: int | None,
    progress: Progress | None,
    cancel: Cancel | None,
    render: Render | None,
) -> list[_Outcome | str]:
    """Every input loaded and analysed, in parallel when worthwhile, in input order."""
    from analysis.lexicon import default_lexicon

    total = len(items)
    n_workers = default_workers() if workers is None else max(1, workers)
    if progress is not None:
        progress(0, total)
    if n_workers > 1 and total >= MIN_PARALLEL:
        return _in_workers(items, lexicon, n_workers, progress, cancel, render)
    lex = default_lexicon() if lexicon is None else lexicon
    outcomes: list[_Outcome | str] = []
    for item in items:
        if cancel is not None and cancel():
            raise CancelledError("The analysis was cancelled.")
        outcomes.append(_process(item, lex, None, render))
        if progress is not None:
            progress(len(outcomes), total)
    return outcomes


def _in_workers(
    items: Sequence[Item],
    lexicon: Lexicon | None,
    workers: int,
    progress: Progress | None,
    cancel: Cancel | None,
    render: Render | None,
) -> list[_Outcome | str]:
    """The inputs loaded and analysed in chunks by ``workers`` processes of
    :mod:`analysis.parallel`."""
    from analysis.lexicon import default_lexicon
    from analysis.parallel import WorkerDied, run_tasks, start_method

    if start_method() == "fork":
        # Forked workers inherit what the caller has loaded: load it once, here.
        _init_worker(lexicon)
    chunks = _chunks(items, workers)
    results: list[list[_Outcome | str] | None] = [None] * len(chunks)
    done = 0

    def store(k: int, outcomes: list[_Outcome | str]) -> None:
        nonlocal done
        results[k] = outcomes
        done += len(outcomes)
        if progress is not None:
            progress(done, len(items))

    try:
        run_tasks(
            _analyze_chunk,
            [(chunk, render) for chunk in chunks],
            lambda k, packed: store(
                k, [_unpacked(i, p) for i, p in zip(chunks[k], packed, strict=True)]
            ),
            workers=workers,
            initializer=_init_worker,
            initargs=(lexicon,),
            cancel=cancel,
        )
    except CancelledError as error:
        raise CancelledError("The analysis was cancelled.") from error
    except WorkerDied:
        # Killed, or out of memory: its chunks are done here, so no input is lost.
        log.warning("a worker process ended early; analysing its chunks here")
        lex = default_lexicon() if lexicon is None else lexicon
        for k, chunk in enumerate(chunks):
            if results[k] is None:
                if cancel is not None and cancel():
                    raise CancelledError("The analysis was cancelled.") from None
                store(k, [_process(item, lex, None, render) for item in chunk])
    return [outcome for chunk in results if chunk is not None for outcome in chunk]


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
    analysed: list[AnalyzedArticle] = []
    failed: list[LoadFailure] = []
    for article, outcome in zip(
        articles, _outcomes(articles, lexicon, workers, progress, cancel, None), strict=True
    ):
        assert isinstance(outcome, _Outcome)  # an article given is never loaded
        if isinstance(outcome.result, AnalyzedArticle):
            analysed.append(outcome.result)
        else:
            failed.append(LoadFailure(article.path, str(outcome.result)))
    return analysed, failed


def analyze(
    inputs: Iterable[str | os.PathLike[str] | Article],
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Corpus:
    """Load and analyse ``inputs`` (paths, folders or :class:`Article` objects).

    Paths are loaded as :func:`analysis.load.load_many` loads them (folders
    are expanded recursively, a file whose text repeats an earlier one of
    the same run of paths is a duplicate); the ones that fail become
    ``Corpus.errors`` and the rest are analysed (an article whose analysis
    fails, which would be a bug, is logged and becomes an error too, so
    that it never stops the others). Articles keep the order of the inputs
    (a folder's files in its sorted order). ``workers`` is the number of
    processes that load and analyse (default: the usable cores).
    ``progress(done, total)`` counts inputs done (articles given and files
    found); ``cancel()`` is polled between inputs and chunks and makes this
    raise :class:`~analysis.errors.CancelledError`.
    """
    corpus, _ = _analyze(inputs, lexicon, workers, progress, cancel, None)
    return corpus


def analyze_rendered(
    inputs: Iterable[str | os.PathLike[str] | Article],
    render: Render,
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[Corpus, list[str]]:
    """:func:`analyze`, and ``render(a)`` for each article ``a`` of the corpus, in order.

    ``render`` (a module-level function: it travels to the worker processes)
    runs where the article was analysed; an article the story-level pass
    (:func:`analysis.corrections.apply_context`) changes is rendered again here.
    """
    corpus, rendered = _analyze(inputs, lexicon, workers, progress, cancel, render)
    texts = [text for text in rendered if text is not None]  # every article has its text
    assert len(texts) == len(corpus.articles)
    return corpus, texts


def _analyze(
    inputs: Iterable[str | os.PathLike[str] | Article],
    lexicon: Lexicon | None,
    workers: int | None,
    progress: Progress | None,
    cancel: Cancel | None,
    render: Render | None,
) -> tuple[Corpus, list[str | None]]:
    from analysis.corrections import apply_context
    from analysis.lexicon import default_lexicon
    from analysis.load.duplicates import Duplicates
    from analysis.load.inputs import expand_inputs

    lex = default_lexicon() if lexicon is None else lexicon
    # Consecutive paths form a run, expanded together (duplicates are turned
    # away within a run, as load_many does); an Article in between keeps its place.
    runs: list[Article | Expanded] = []
    paths: list[str | os.PathLike[str]] = []
    for item in inputs:
        if isinstance(item, Article):
            if paths:
                runs.append(expand_inputs(paths))
                paths = []
            runs.append(item)
        else:
            paths.append(item)
    if paths:
        runs.append(expand_inputs(paths))
    items: list[Item] = []
    for run in runs:
        items.extend([run] if isinstance(run, Article) else map(str, run.files))
    # The default lexicon is not sent to workers: each loads its own copy.
    outcomes = iter(
        _outcomes(
            items,
            None if lex is default_lexicon() else lex,
            workers,
            progress,
            cancel,
            render,
        )
    )
    analysed: list[AnalyzedArticle] = []
    rendered: list[str | None] = []
    errors: list[LoadFailure] = []
    failed: list[LoadFailure] = []
    skipped: list[LoadFailure] = []

    def keep(outcome: _Outcome) -> None:
        if isinstance(outcome.result, AnalyzedArticle):
            analysed.append(outcome.result)
            rendered.append(outcome.rendered)
        else:
            assert outcome.article is not None
            failed.append(LoadFailure(outcome.article.path, str(outcome.result)))

    for run in runs:
        if isinstance(run, Article):
            outcome = next(outcomes)
            assert isinstance(outcome, _Outcome)  # an article given is never loaded
            keep(outcome)
            continue
        errors.extend(run.failures)
        skipped.extend(run.skipped)
        duplicates = Duplicates()
        for path in map(str, run.files):
            outcome = next(outcomes)
            if isinstance(outcome, str):
                errors.append(LoadFailure(path, outcome))
            elif (duplicate := duplicates.check(path, outcome.fingerprint)) is not None:
                errors.append(duplicate)
            else:
                keep(outcome)
    corpus = Corpus(
        articles=tuple(analysed),
        errors=(*errors, *failed),
        lexicons=lex.names,
        skipped=tuple(skipped),
    )
    context = apply_context(corpus)
    if render is not None:
        rendered = [
            text if after is before else render(after)
            for text, before, after in zip(rendered, analysed, context.articles, strict=True)
        ]
    return context, rendered
