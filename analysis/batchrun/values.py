"""The values of a batch run: options, what travels to a worker and back, the columns.

Everything here is small and immutable; the rest of :mod:`analysis.batchrun`
passes these around.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from analysis.model import AnalyzedArticle, Article, LoadFailure

Per = Literal["article", "sentence"]
Engine = Literal["local", "dask"]
#: Scores one article; module-level functions only (it travels to worker processes).
Analyzer = Callable[[Article], AnalyzedArticle]

#: Articles per chunk: a second or two of work, so a kill loses little and the
#: per-chunk costs (a part file, the progress file) stay small.
DEFAULT_CHUNK_SIZE = 200
#: A chunk also ends once its rows hold this much text, so a chunk of 200
#: rows of 9 MB never has to be in memory at once: memory is bounded by
#: bytes, not by the number of articles.
CHUNK_BYTES = 16 * 1024 * 1024
#: The longest JSON Lines line or CSV line read; a longer one is skipped unread
#: with a reason (an article has at most 10 million characters; JSON escapes
#: can make its line a few times longer).
MAX_ROW_BYTES = 64 * 1024 * 1024
#: Rows per Parquet row group in the merged output.
ROW_GROUP_ROWS = 50_000
#: Table inputs, by suffix (each may also end in ``.gz``).
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
#: Output formats, by suffix.
OUTPUT_FORMATS = {".parquet": "parquet", ".csv": "csv"}
#: Number of failures kept in :attr:`BatchSummary.first_failures` for display.
SHOWN_FAILURES = 20

PROGRESS_FORMAT = "framelens-batch-progress"
PROGRESS_VERSION = 1


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a run stands; passed to the ``progress`` callback after every chunk."""

    #: Articles handled so far (scored or failed), including those resumed.
    done: int
    #: Articles in all inputs.
    total: int
    #: Articles an earlier, interrupted run had already handled.
    resumed: int
    #: Words in the articles scored by this run.
    words: int
    #: Seconds since this run started scoring.
    elapsed: float


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a finished run did."""

    output: str
    per: Per
    engine: Engine
    workers: int
    #: Articles read (scored or failed), including those resumed.
    items: int
    #: Articles scored (rows of ``per="article"`` output).
    articles: int
    #: Rows in the output (articles, or sentences with ``per="sentence"``).
    rows: int
    #: Words in the scored articles.
    words: int
    #: Articles an earlier, interrupted run had already handled.
    resumed: int
    #: Seconds this run took (counting and merging included).
    seconds: float
    failures: int = 0
    #: ``<output>.failures.csv`` when some inputs failed, else "".
    failures_file: str = ""
    first_failures: tuple[LoadFailure, ...] = ()
    #: Files in the input folders that a batch does not read, with why (not failures).
    skipped: tuple[LoadFailure, ...] = ()


class Refused(NamedTuple):
    """The record of a row or file that cannot be read, with the reason (one line)."""

    reason: str


class Item(NamedTuple):
    """One article as a reader found it: small and cheap to send to a worker."""

    #: The article file, or the table file the row comes from.
    source: str
    #: 1-based line (JSON Lines) or record (CSV, after the header) number; 0 for article files.
    row: int
    #: The raw JSON line, the CSV record, None for an article file, or
    #: :class:`Refused` for a row or file that could not be read.
    record: str | dict[str, str] | Refused | None


@dataclass(frozen=True, slots=True)
class ChunkTask:
    """A chunk of articles to score, as sent to a worker."""

    ordinal: int
    items: tuple[Item, ...]
    per: Per = "article"
    text_column: str = "text"
    id_column: str = "id"
    #: None means :func:`analysis.score.analyze_article` with the default lexicon.
    analyzer: Analyzer | None = None


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A scored chunk: its output rows as columns, and what failed."""

    ordinal: int
    items: int
    columns: dict[str, list[Any]] = field(default_factory=dict)
    articles: int = 0
    rows: int = 0
    words: int = 0
    failures: tuple[LoadFailure, ...] = ()


def category_ids() -> tuple[str, ...]:
    """The built-in lexicon categories, each with a ``loaded_per_1000_<id>`` column."""
    from analysis.lexicon import CATEGORY_IDS

    return CATEGORY_IDS


def article_columns() -> tuple[str, ...]:
    """Column names of ``per="article"`` output, in order."""
    return (
        "id", "source", "row", "outlet", "outlet_source", "title", "author", "date", "url",
        "language", "words", "sentences", "subjectivity", "polarity", "subjective_share",
        "loaded", "loaded_per_1000", *(f"loaded_per_1000_{c}" for c in category_ids()),
        "bias", "bias_max", "top_terms",
    )  # fmt: skip


def sentence_columns() -> tuple[str, ...]:
    """Column names of ``per="sentence"`` output, in order."""
    return (
        "id", "source", "row", "outlet", "sentence", "start", "end", "text",
        "subjectivity", "polarity", "bias", "quoted", "loaded", "subjective_words",
    )  # fmt: skip


_INT_COLUMNS = frozenset(
    {"row", "words", "sentences", "loaded", "sentence", "start", "end", "subjective_words"}
)
_BOOL_COLUMNS = frozenset({"quoted"})
_STR_COLUMNS = frozenset(
    {"id", "source", "outlet", "outlet_source", "title", "author", "date", "url", "language",
     "text", "top_terms"}
)  # fmt: skip


def output_schema(per: Per) -> Any:
    """The pyarrow schema of the output (and of every part)."""
    import pyarrow as pa

    names = article_columns() if per == "article" else sentence_columns()
    fields = []
    for name in names:
        if name in _INT_COLUMNS:
            kind = pa.int64()
        elif name in _BOOL_COLUMNS:
            kind = pa.bool_()
        elif name in _STR_COLUMNS:
            kind = pa.string()
        else:
            kind = pa.float64()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)
