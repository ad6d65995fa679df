"""Score large corpora in bounded memory, resumably, on all cores or on a Dask cluster.

``framelens batch`` (:mod:`analysis.commands.batch`) is a thin wrapper around
:func:`run_batch`. How a run works:

1. Each input becomes a *source*: a folder or an article file (read with
   :mod:`analysis.load`, so every file type the app opens works), or a table
   of articles -- JSON Lines (``.jsonl``, ``.ndjson``) or CSV (``.csv``), each
   optionally gzip-compressed (``.gz``) -- with one article per line or row: a
   ``text`` column and optional ``id``, ``outlet``, ``title``, ``author``,
   ``date`` and ``url`` columns. A blank or missing outlet is detected from
   the URL and the text, as for files. Tables inside a folder are read as
   tables (a folder of corpus shards works).
2. A first, cheap pass counts the articles (for the progress bar) and
   fingerprints the inputs. Then each source is cut into *chunks* of
   ``chunk_size`` articles, numbered in input order (the chunk's *ordinal*).
   Sources are read lazily: only the chunks in flight are ever in memory.
3. :func:`score_chunk` scores a chunk -- load or build each article, then
   :func:`analysis.score.analyze_article` -- in worker processes (``local``
   engine) or on Dask workers (``dask`` engine), with at most two chunks per
   worker in flight.
4. Each scored chunk is written atomically (a temporary file, then a rename)
   as a Parquet *part* in ``<output>.parts/``, and only then recorded in the
   progress file ``<output>.progress.json`` (written atomically too). A kill
   at any moment loses at most the chunks in flight; ``resume=True`` skips
   the recorded chunks.
5. When every chunk is done, the parts are merged in ordinal order into the
   output (Parquet row groups, or CSV), so the rows come in input order
   whatever the engine and the number of workers; then the parts and the
   progress file are removed. Inputs that fail are listed in
   ``<output>.failures.csv``.

Identical texts are not removed (unlike :func:`analysis.load.load_many`):
spotting duplicates would need every text seen so far in memory.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import gzip
import hashlib
import json
import logging
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from analysis import __version__
from analysis.errors import CancelledError, FrameLensError, LoadError
from analysis.load.jsondata import BadJson, parse_json
from analysis.model import AnalyzedArticle, Article, LoadFailure
from analysis.pipeline import collector_paused, default_workers

log = logging.getLogger(__name__)

Per = Literal["article", "sentence"]
Engine = Literal["local", "dask"]
#: Scores one article; module-level functions only (it travels to worker processes).
Analyzer = Callable[[Article], AnalyzedArticle]

#: Articles per chunk: a second or two of work, so a kill loses little and the
#: per-chunk costs (a part file, the progress file) stay small.
DEFAULT_CHUNK_SIZE = 200
#: Chunks in flight per worker: one running, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2
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
#: How long to try reaching a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "20s"
#: Number of failures kept in :attr:`BatchSummary.first_failures` for display.
SHOWN_FAILURES = 20

PROGRESS_FORMAT = "framelens-batch-progress"
PROGRESS_VERSION = 1


# --------------------------------------------------------------------------- values


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


# --------------------------------------------------------------------------- columns


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


def _article_row(item: Item, scored: AnalyzedArticle) -> dict[str, Any]:
    """The article's scores, defined as in :func:`analysis.tables.article_table`."""
    from analysis.tables import score_columns

    article = scored.article
    return {
        "id": article.path,
        "source": item.source,
        "row": item.row or None,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "title": article.title,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        **score_columns([scored], category_ids()),
        "loaded": scored.loaded_count,
        "bias_max": max((s.bias for s in scored.sentences), default=0.0),
    }


def _sentence_rows(item: Item, scored: AnalyzedArticle) -> Iterator[dict[str, Any]]:
    article = scored.article
    highlights = sorted(scored.highlights, key=lambda h: h.start)
    starts = [h.start for h in highlights]
    for index, sentence in enumerate(scored.sentences):
        inside = highlights[
            bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)
        ]
        yield {
            "id": article.path,
            "source": item.source,
            "row": item.row or None,
            "outlet": article.outlet,
            "sentence": index,
            "start": sentence.start,
            "end": sentence.end,
            "text": article.text[sentence.start : sentence.end],
            "subjectivity": sentence.subjectivity,
            "polarity": sentence.polarity,
            "bias": sentence.bias,
            "quoted": sentence.quoted,
            "loaded": sum(1 for h in inside if h.kind == "loaded"),
            "subjective_words": sum(1 for h in inside if h.kind == "subjective"),
        }


# --------------------------------------------------------------------------- scoring (workers)


def _text_field(record: Mapping[str, Any], name: str) -> str:
    """A metadata field as text; numbers are written out, lists and objects ignored
    (they may be nested too deeply to print)."""
    value = record.get(name)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` without lone surrogates (U+D800-U+DFFF, from JSON ``"\\udfff"``):
    each becomes U+FFFD, so the text can be written as UTF-8 (Parquet, CSV)."""
    if value.isascii():
        return value
    return _SURROGATES_RE.sub("\ufffd", value)


def _item_label(item: Item) -> str:
    return f"{item.source}:{item.row}" if item.row else item.source


def _article_from_record(item: Item, text_column: str, id_column: str) -> Article:
    """Build the article of a JSON Lines or CSV row; raise LoadError when there is none."""
    from analysis.load import load_text

    label = _item_label(item)
    record: Any = item.record
    if isinstance(record, Refused):
        raise LoadError(label, record.reason)
    if isinstance(record, str):
        try:
            record = parse_json(record)
        except BadJson as error:
            raise LoadError(label, f"this line cannot be used: {error}.") from error
        if not isinstance(record, dict):
            raise LoadError(label, "this line is not a JSON object ({...}).")
    assert isinstance(record, dict)
    text = record.get(text_column)
    if not isinstance(text, str) or not text.strip():
        raise LoadError(label, f"it has no text in its '{text_column}' column.")
    outlet = _text_field(record, "outlet").strip()
    return load_text(
        text,
        path=_text_field(record, id_column).strip() or label,
        outlet=outlet or None,
        title=_text_field(record, "title"),
        author=_text_field(record, "author"),
        date=_text_field(record, "date"),
        url=_text_field(record, "url"),
    )


def _load_item(item: Item, text_column: str, id_column: str) -> Article:
    if item.record is None:
        from analysis.load import load_path

        return load_path(item.source)
    return _article_from_record(item, text_column, id_column)


def score_chunk(task: ChunkTask) -> ChunkResult:
    """Load and score every article of a chunk; never raises for a bad article.

    This is the one function both engines map over the chunks. An article
    that cannot be loaded or scored becomes a :class:`LoadFailure`, so one
    bad row never stops a run of millions.
    """
    # Bounded by the chunk: whatever the loaders leave for the cycle collector
    # waits until the chunk is scored (see analysis.pipeline.collector_paused).
    with collector_paused():
        return _score_chunk(task)


def _score_chunk(task: ChunkTask) -> ChunkResult:
    if task.analyzer is None:
        from analysis.score import analyze_article

        analyzer: Analyzer = analyze_article
    else:
        analyzer = task.analyzer
    names = article_columns() if task.per == "article" else sentence_columns()
    columns: dict[str, list[Any]] = {name: [] for name in names}
    failures: list[LoadFailure] = []
    articles = rows = words = 0
    for item in task.items:
        try:
            scored = analyzer(_load_item(item, task.text_column, task.id_column))
        except LoadError as error:
            failures.append(LoadFailure(_item_label(item), error.reason))
            continue
        except FrameLensError as error:
            failures.append(LoadFailure(_item_label(item), str(error)))
            continue
        except (ImportError, SyntaxError):
            raise  # a broken installation: no article could be scored, so stop
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the run
            # One line in the log; the traceback only when debugging.
            log.warning("unexpected error while scoring %s: %r", _item_label(item), error)
            log.debug("traceback for %s", _item_label(item), exc_info=True)
            failures.append(
                LoadFailure(
                    _item_label(item),
                    f"it could not be scored ({type(error).__name__}: {error}).",
                )
            )
            continue
        articles += 1
        words += scored.words
        new_rows = (
            [_article_row(item, scored)]
            if task.per == "article"
            else list(_sentence_rows(item, scored))
        )
        for row in new_rows:
            for name in names:
                value = row[name]
                columns[name].append(clean_text(value) if isinstance(value, str) else value)
        rows += len(new_rows)
    return ChunkResult(
        ordinal=task.ordinal,
        items=len(task.items),
        columns=columns,
        articles=articles,
        rows=rows,
        words=words,
        failures=tuple(failures),
    )


# --------------------------------------------------------------------------- sources


def _is_table(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in TABLE_SUFFIXES


def _table_kind(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    return "csv" if name.endswith(".csv") else "jsonl"


def _wanted(path: Path) -> bool:
    """What a batch reads: article files and tables of articles."""
    from analysis.load import is_supported

    return is_supported(path) or _is_table(path)


class Refused(NamedTuple):
    """The record of a row or file that cannot be read, with the reason (one line)."""

    reason: str


class _Overlong(Exception):
    """A line longer than :data:`MAX_ROW_BYTES`; it was skipped, not read."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _overlong_reason(size: int) -> str:
    from analysis.load.limits import human_size

    return (
        f"this row is over {human_size(size)}; FrameLens reads rows of up to "
        f"{human_size(MAX_ROW_BYTES)}. It was skipped."
    )


class _CappedLines:
    """The lines of a binary file as text, each read with at most :data:`MAX_ROW_BYTES`.

    Memory stays bounded by the cap whatever the file holds (a 3 GB line in
    a 3 MB ``.gz``): a longer line is skipped unread and ``__next__``
    raises :class:`_Overlong` for it, after which iteration goes on with the
    next line. Malformed UTF-8 becomes U+FFFD rather than stopping a run.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.first = True
        self.number = 0

    def __iter__(self) -> _CappedLines:
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_ROW_BYTES + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > MAX_ROW_BYTES and not line.endswith(b"\n"):
            size = len(line)
            while (rest := self.handle.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                size += len(rest)
            raise _Overlong(size + len(rest))
        text = line.decode("utf-8", errors="replace")
        if self.first:
            self.first = False
            text = text.removeprefix("\ufeff")
        return text


@contextlib.contextmanager
def _open_table(path: Path) -> Iterator[IO[bytes]]:
    """A table file opened through the one checked reader; gunzipped when it ends in .gz."""
    from analysis.load.files import open_checked

    with open_checked(path, None, "tables") as handle:
        if not path.name.lower().endswith(".gz"):
            yield handle
            return
        with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
            yield unpacked  # type: ignore[misc]


def _read_error_reason(error: BaseException, row: int) -> str:
    where = f"after row {row}" if row else "at its start"
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        what = "its compressed data is damaged or cut short"
    else:
        what = f"it could not be read ({getattr(error, 'strerror', None) or error})"
    return f"{what} {where}; the rows before were kept, the rest was not read."


def _item_size(item: Item) -> int:
    record = item.record
    if isinstance(record, str):
        return len(record)
    if isinstance(record, dict):
        return sum(len(v) for v in record.values() if isinstance(v, str))
    return 0


class _Scan(NamedTuple):
    articles: int
    chunks: int
    fingerprint: dict[str, Any]


class _Source:
    """An input that yields articles lazily, in a stable order."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def items(self) -> Iterator[Item]:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, digest: Any) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def scan(self, chunk_size: int) -> _Scan:
        """Count the articles and chunks, reading everything once (nothing is kept)."""
        digest = hashlib.sha256()
        articles = chunks = 0
        last = ""
        for chunk in _chunked(self.items(), chunk_size, digest_into=digest):
            chunks += 1
            articles += len(chunk)
            last = chunk[-1].source
        del last
        return _Scan(articles, chunks, self.describe(digest))


def _chunked(
    items: Iterator[Item], chunk_size: int, digest_into: Any = None
) -> Iterator[list[Item]]:
    """Cut ``items`` into chunks of at most ``chunk_size`` articles and about
    :data:`CHUNK_BYTES` of text, so memory is bounded by bytes, not by count."""
    chunk: list[Item] = []
    size = 0
    source = ""
    for item in items:
        if digest_into is not None and item.source != source:
            source = item.source
            digest_into.update(os.fsencode(source) + b"\0")
        item_size = _item_size(item)
        if chunk and size + item_size > CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += item_size
        if len(chunk) >= chunk_size:  # yielded at once: nothing is read ahead
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _FileSource(_Source):
    """A folder (searched recursively) or a single article file.

    JSON Lines and CSV files inside a folder are read as tables of articles,
    so a folder of corpus shards (``part-0001.jsonl.gz``, ...) works too.
    Folders are walked by :func:`analysis.load.batch.walk_inputs`, the walk
    every FrameLens command uses; the batch's own output is never read.
    """

    def __init__(
        self, shown: str, path: Path, text_column: str, exclude: Container[Any]
    ) -> None:
        super().__init__(shown)
        self.path = path
        self.text_column = text_column
        self.exclude = exclude
        self.skipped: list[LoadFailure] = []

    def describe(self, digest: Any) -> dict[str, Any]:
        tables = []
        for walked in self._walk():
            if walked.kind == "file" and _is_table(Path(walked.path)):
                with contextlib.suppress(OSError):
                    info = os.stat(walked.path)
                    tables.append([walked.path, info.st_size, info.st_mtime_ns])
        digest.update(json.dumps(tables).encode("utf-8", "surrogateescape"))
        return {"kind": "files", "input": str(self.path.resolve()), "names": digest.hexdigest()}

    def _walk(self) -> Iterator[Any]:
        from analysis.load.batch import walk_inputs

        if not self.path.is_dir():
            # A single file: unsupported types fail with the loader's reason.
            yield from walk_inputs([self.path], wanted=lambda _path: True)
            return
        yield from walk_inputs([self.path], wanted=_wanted, exclude=self.exclude)

    def items(self) -> Iterator[Item]:
        self.skipped = []
        for walked in self._walk():
            if walked.kind == "skipped":
                self.skipped.append(LoadFailure(walked.path, walked.reason))
            elif walked.kind == "failed":
                yield Item(walked.path, 0, Refused(walked.reason))
            elif _is_table(Path(walked.path)) and self.path.is_dir():
                table = Path(walked.path)
                yield from _TableSource(str(table), table, self.text_column).items()
            else:
                yield Item(walked.path, 0, None)


class _TableSource(_Source):
    """A JSON Lines or CSV file of articles, one per line or row.

    Read as a stream of lines of at most :data:`MAX_ROW_BYTES`; a longer
    row, a damaged compressed stream or a read error becomes one failure
    (a :class:`Refused` record) and the rows before it are kept.
    """

    def __init__(self, shown: str, path: Path, text_column: str) -> None:
        super().__init__(shown)
        self.path = path
        self.text_column = text_column
        self.kind = _table_kind(path)

    def describe(self, digest: Any) -> dict[str, Any]:
        info = self.path.stat()
        return {
            "kind": self.kind,
            "input": str(self.path.resolve()),
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
        }

    def _check_header(self, columns: Iterable[str], what: str) -> None:
        names = list(columns)
        if self.text_column not in names:
            shown = ", ".join(f"'{n}'" for n in names[:20]) or "none"
            raise FrameLensError(
                f"{self.shown}: the {what} has no '{self.text_column}' column (it has {shown}). "
                "Name the column that holds the article text with --text-column."
            )

    def items(self) -> Iterator[Item]:
        source = str(self.path)
        number = 0
        try:
            with _open_table(self.path) as handle:
                lines = _CappedLines(handle)
                if self.kind == "csv":
                    for number, record in self._csv_records(lines):
                        yield Item(source, number, record)
                else:
                    for line in self._json_lines(lines):
                        number = lines.number
                        yield Item(source, number, line)
        except LoadError as error:
            yield Item(source, 0, Refused(error.reason))
        except (OSError, EOFError, zlib.error) as error:
            yield Item(source, number + 1, Refused(_read_error_reason(error, number)))

    def _json_lines(self, lines: _CappedLines) -> Iterator[str | Refused]:
        checked = False
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except _Overlong as error:
                yield Refused(_overlong_reason(error.size))
                continue
            if not line.strip():
                continue
            if not checked:
                checked = True
                with contextlib.suppress(BadJson):
                    first = parse_json(line)
                    if isinstance(first, dict):
                        self._check_header(first, "first line")
            yield line

    def _csv_records(self, lines: _CappedLines) -> Iterator[tuple[int, dict[str, str] | Refused]]:
        reader = csv.reader(lines)
        try:
            header = next(reader, [])
        except (_Overlong, csv.Error) as error:
            raise FrameLensError(
                f"{self.shown}: the header line cannot be read ({error})."
            ) from error
        self._check_header(header, "header line")
        number = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except _Overlong as error:
                number += 1
                yield number, Refused(_overlong_reason(error.size))
                continue
            except csv.Error as error:
                number += 1
                yield number, Refused(f"this row cannot be read as CSV ({error}).")
                continue
            if not any(fields):
                continue
            number += 1
            # Extra fields of a ragged row are dropped; missing ones are empty.
            padded = fields + [""] * (len(header) - len(fields))
            yield number, dict(zip(header, padded, strict=False))


def _own_files(output: Path) -> frozenset[tuple[tuple[int, int], str]]:
    """What a batch writing ``output`` must never read back (issue 28): the output,
    its parts folder, progress, failures, lock and temporary files."""
    try:
        info = os.stat(output.parent)
    except OSError:
        return frozenset()
    key = (info.st_dev, info.st_ino)
    names = {output.name, parts_dir(output).name, progress_path(output).name}
    names |= {f"{output.name}.failures.csv", lock_path(output).name}
    names |= {f"{name}.tmp" for name in list(names)}
    return frozenset((key, name) for name in names)


def _open_sources(
    inputs: Sequence[str | os.PathLike[str]], text_column: str, output: Path | None = None
) -> list[_Source]:
    from analysis.load.limits import MAX_ARTICLE_CHARS

    # An article is one CSV field; the csv module's default limit is 128 KB.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS + 1))
    exclude = _own_files(output) if output is not None else frozenset()
    sources: list[_Source] = []
    for raw in inputs:
        shown = os.fspath(raw)
        path = Path(shown)
        if not os.path.lexists(shown):
            raise FrameLensError(f"{shown} does not exist. Check the path and try again.")
        if path.is_file() and _is_table(path):
            sources.append(_TableSource(shown, path, text_column))
        else:
            sources.append(_FileSource(shown, path, text_column, exclude))
    return sources


# --------------------------------------------------------------------------- progress file


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class _Done:
    """The set of finished chunk ordinals, kept as "all below ``prefix``" plus a few more.

    Chunks finish almost in order, so the extra set stays as small as the
    number of chunks in flight, and saving the progress file after each of a
    million chunks never has to sort a million numbers.
    """

    def __init__(self) -> None:
        self.prefix = 0
        self.extra: set[int] = set()

    def __contains__(self, ordinal: object) -> bool:
        if not isinstance(ordinal, int):
            return False
        return ordinal < self.prefix or ordinal in self.extra

    def __len__(self) -> int:
        return self.prefix + len(self.extra)

    def add(self, ordinal: int) -> None:
        if ordinal in self:
            return
        self.extra.add(ordinal)
        while self.prefix in self.extra:
            self.extra.remove(self.prefix)
            self.prefix += 1

    def __iter__(self) -> Iterator[int]:
        yield from range(self.prefix)
        yield from sorted(self.extra)

    def ranges(self) -> list[list[int]]:
        """``{0, 1, 2, 5}`` → ``[[0, 2], [5, 5]]`` (inclusive), to keep the file small."""
        ranges: list[list[int]] = [[0, self.prefix - 1]] if self.prefix else []
        for n in sorted(self.extra):
            if ranges and ranges[-1][1] == n - 1:
                ranges[-1][1] = n
            else:
                ranges.append([n, n])
        return ranges


def lock_path(output: Path) -> Path:
    """The file a run locks while it writes ``output``, so two runs never collide."""
    return output.with_name(output.name + ".lock")


@contextlib.contextmanager
def _output_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for a run; refuse when another run holds it.

    The lock is the operating system's (``flock``), so it ends with the
    process, however that ends: a killed run never leaves a stale lock.
    """
    path = lock_path(output)
    for _attempt in range(3):
        try:
            handle = path.open("a+b")
        except OSError as error:
            raise FrameLensError(_output_error(output, error)) from error
        with handle:
            if not _try_lock(handle):
                raise FrameLensError(
                    f"Another framelens batch is writing {output} (it holds {path.name}). "
                    "Wait for it to finish, or stop it, then run this command again."
                )
            if not _same_file(handle, path):
                continue  # the run before removed it as we opened it: lock the new one
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    path.unlink()  # still locked: a waiting run sees the change and retries
            return
    raise FrameLensError(f"{path} keeps changing; is another framelens batch writing {output}?")


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    held = os.fstat(handle.fileno())
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _try_lock(handle: IO[bytes]) -> bool:
    """Lock the open file without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def progress_path(output: Path) -> Path:
    """The sidecar file that records a run's completed chunks."""
    return output.with_name(output.name + ".progress.json")


def parts_dir(output: Path) -> Path:
    """The folder of a run's scored chunks until they are merged."""
    return output.with_name(output.name + ".parts")


def _part_path(folder: Path, ordinal: int) -> Path:
    return folder / f"part-{ordinal:08d}.parquet"


def _failures_path(folder: Path, ordinal: int) -> Path:
    return folder / f"part-{ordinal:08d}.failures.json"


class _Journal:
    """The progress file: the fingerprint of the run and the chunks done so far.

    A chunk is recorded only after its part file is complete on disk, and the
    file is replaced atomically, so whatever it lists can be trusted.
    """

    def __init__(self, output: Path, fingerprint: dict[str, Any], chunks: int) -> None:
        self.path = progress_path(output)
        self.parts = parts_dir(output)
        self.fingerprint = fingerprint
        self.chunks = chunks
        self.done = _Done()
        self.items = self.articles = self.rows = self.words = self.failures = 0

    @classmethod
    def open(
        cls, output: Path, fingerprint: dict[str, Any], chunks: int, *, resume: bool
    ) -> _Journal:
        journal = cls(output, fingerprint, chunks)
        if journal.path.exists():
            if not resume:
                raise FrameLensError(
                    f"{journal.path} records an unfinished run for {output.name}. "
                    "Add --resume to continue it, or delete that file and the folder "
                    f"{journal.parts.name} to start again."
                )
            journal._load()
        else:
            if journal.parts.exists():
                # Parts without a progress file were never recorded: start afresh.
                for stale in journal.parts.glob("part-*"):
                    stale.unlink()
            journal.parts.mkdir(parents=True, exist_ok=True)
            journal.save()
        return journal

    def _load(self) -> None:
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise FrameLensError(
                f"{self.path} cannot be read ({error}). Delete it and the folder "
                f"{self.parts.name} to start the run again."
            ) from error
        if state.get("format") != PROGRESS_FORMAT or state.get("version") != PROGRESS_VERSION:
            raise FrameLensError(
                f"{self.path} was written by another version of FrameLens. Delete it and "
                f"the folder {self.parts.name} to start the run again."
            )
        if state.get("fingerprint") != self.fingerprint:
            raise FrameLensError(
                f"The inputs or options differ from those of the unfinished run recorded in "
                f"{self.path} (same files, unchanged, with the same --per, --chunk-size and "
                "columns are needed). Run the same command again with --resume, or delete "
                f"that file and the folder {self.parts.name} to start again."
            )
        complete = True
        for first, last in state["done"]:
            for ordinal in range(first, last + 1):
                if _part_path(self.parts, ordinal).exists():
                    self.done.add(ordinal)
                else:
                    log.warning("part %d is recorded but missing; scoring it again", ordinal)
                    complete = False
        self.parts.mkdir(parents=True, exist_ok=True)
        if complete:
            totals = state["totals"]
            self.items, self.articles = totals["items"], totals["articles"]
            self.rows, self.words, self.failures = (
                totals["rows"],
                totals["words"],
                totals["failures"],
            )
            return
        # Some part vanished: count again from the parts that are left.
        for ordinal in self.done:
            meta = _read_part_meta(self.parts, ordinal)
            self.items += meta["items"]
            self.articles += meta["articles"]
            self.rows += meta["rows"]
            self.words += meta["words"]
            self.failures += meta["failures"]

    def save(self) -> None:
        state = {
            "format": PROGRESS_FORMAT,
            "version": PROGRESS_VERSION,
            "framelens": __version__,
            "fingerprint": self.fingerprint,
            "chunks": self.chunks,
            "parts": self.parts.name,
            "done": self.done.ranges(),
            "totals": {
                "items": self.items,
                "articles": self.articles,
                "rows": self.rows,
                "words": self.words,
                "failures": self.failures,
            },
        }
        _atomic_write_bytes(self.path, json.dumps(state, indent=1).encode("utf-8"))

    def record(self, result: ChunkResult, schema: Any) -> None:
        """Write the chunk's part (and its failures), then mark it done."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        meta = {
            "items": result.items,
            "articles": result.articles,
            "rows": result.rows,
            "words": result.words,
            "failures": len(result.failures),
        }
        failures_file = _failures_path(self.parts, result.ordinal)
        if result.failures:
            data = [{"path": f.path, "error": f.error} for f in result.failures]
            _atomic_write_bytes(failures_file, json.dumps(data).encode("utf-8"))
        table = pa.Table.from_pydict(result.columns, schema=schema)
        table = table.replace_schema_metadata({b"framelens": json.dumps(meta).encode("utf-8")})
        part = _part_path(self.parts, result.ordinal)
        tmp = part.with_name(part.name + ".tmp")
        with tmp.open("wb") as handle:
            pq.write_table(table, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, part)
        self.done.add(result.ordinal)
        self.items += result.items
        self.articles += result.articles
        self.rows += result.rows
        self.words += result.words
        self.failures += len(result.failures)
        self.save()

    def remove(self) -> None:
        for leftover in self.parts.glob("part-*"):
            leftover.unlink()
        with contextlib.suppress(OSError):
            self.parts.rmdir()
        self.path.unlink(missing_ok=True)


def _read_part_meta(folder: Path, ordinal: int) -> dict[str, int]:
    import pyarrow.parquet as pq

    metadata = pq.read_schema(_part_path(folder, ordinal)).metadata or {}
    meta: dict[str, int] = json.loads(metadata[b"framelens"])
    return meta


# --------------------------------------------------------------------------- engines


def _chunks(
    sources: Sequence[_Source],
    chunk_counts: Sequence[int],
    chunk_size: int,
    skip: Container[int],
) -> Iterator[tuple[int, list[Item]]]:
    """Yield ``(ordinal, items)`` for every chunk not in ``skip``, reading lazily.

    ``chunk_counts`` are each source's chunks as :meth:`_Source.scan` counted
    them (chunks end at ``chunk_size`` articles or :data:`CHUNK_BYTES`).
    """
    base = 0
    for source, chunks_here in zip(sources, chunk_counts, strict=True):
        if all(base + k in skip for k in range(chunks_here)):
            base += chunks_here  # a finished source is not even read
            continue
        ordinal = base
        for batch in _chunked(source.items(), chunk_size):
            if ordinal not in skip:
                yield ordinal, batch
            ordinal += 1
        # A source that changed length since it was counted keeps later ordinals stable.
        base += chunks_here
        if ordinal > base:
            raise FrameLensError(
                f"{source.shown} changed while the batch was running (it has more articles "
                "than when it was counted). Run the batch again without --resume."
            )


def _exit_with_parent() -> None:
    """End this worker when the main process dies (killed with -9, say).

    Pool workers otherwise wait for work forever once their parent is gone.
    """
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's sentinel closes, i.e. when it dies
        os._exit(1)

    threading.Thread(target=watch, name="framelens-parent-watch", daemon=True).start()


def _log_file() -> str | None:
    """The file this process logs to, if any (set up by the command line or the app)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


def _worker_logging(log_file: str | None) -> None:
    """Send a worker's warnings (pypdf's, trafilatura's, ours) to the parent's log
    file, never to standard error: a fresh process would print them there."""
    root = logging.getLogger()
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


def _init_worker(log_file: str | None = None) -> None:
    """Prepare a worker process: quiet logging, ignore Ctrl+C, load the models once."""
    import signal

    _worker_logging(log_file)
    # Ctrl+C is the main process's business: it stops handing out chunks and
    # leaves what is recorded intact; workers finish their current chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    # Loading the models here overlaps with the main process reading the inputs.
    from analysis.lexicon import default_lexicon
    from analysis.segment import sentence_spans
    from analysis.sentiment import sentiment_lexicon

    default_lexicon()
    sentiment_lexicon()
    sentence_spans("Warm up the sentence splitter. Then go.")


OnResult = Callable[[ChunkResult], None]
Cancel = Callable[[], bool]


def _run_inline(tasks: Iterator[ChunkTask], on_result: OnResult, cancel: Cancel) -> None:
    for task in tasks:
        if cancel():
            raise CancelledError("The batch was cancelled.")
        on_result(score_chunk(task))


def _run_local(
    tasks: Iterator[ChunkTask], workers: int, on_result: OnResult, cancel: Cancel
) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    limit = IN_FLIGHT_PER_WORKER * workers
    # "spawn": a fresh interpreter per worker, safe whatever threads the caller runs.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(_log_file(),)
    )
    pending: set[Future[ChunkResult]] = set()

    def collect(block: bool) -> None:
        nonlocal pending
        done, pending = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=lambda f: f.result().ordinal):
            on_result(future.result())

    try:
        for task in tasks:
            while len(pending) >= limit:
                collect(block=True)
            if cancel():
                raise CancelledError("The batch was cancelled.")
            pending.add(pool.submit(score_chunk, task))
        while pending:
            collect(block=True)
            if pending and cancel():
                raise CancelledError("The batch was cancelled.")
    except BrokenProcessPool as error:
        raise FrameLensError(
            "A worker process died (out of memory, or killed). The chunks finished so far "
            "are saved: run the same command again with --resume, perhaps with fewer --workers."
        ) from error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(
    tasks: Iterator[ChunkTask],
    workers: int,
    scheduler: str | None,
    on_result: OnResult,
    cancel: Cancel,
) -> int:
    """Map :func:`score_chunk` over the chunks on Dask; return the number of worker threads."""
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
        limit = IN_FLIGHT_PER_WORKER * threads
        running = dask.as_completed()
        for task in tasks:
            while running.count() >= limit:
                finished = next(running)
                on_result(finished.result())
                finished.release()
            if cancel():
                raise CancelledError("The batch was cancelled.")
            running.add(client.submit(score_chunk, task, pure=False))
        for finished in running:
            on_result(finished.result())
            finished.release()
            if running.count() and cancel():
                raise CancelledError("The batch was cancelled.")
        return threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- merge


def _merge(journal: _Journal, output: Path, fmt: str, schema: Any) -> None:
    """Concatenate the parts in ordinal order into ``output``, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = output.with_name(output.name + ".tmp")
    writer: Any = pq.ParquetWriter(tmp, schema) if fmt == "parquet" else _CsvWriter(tmp)
    try:
        buffered: list[Any] = []
        rows = 0
        for ordinal in range(journal.chunks):
            table = pq.read_table(_part_path(journal.parts, ordinal)).replace_schema_metadata()
            buffered.append(table)
            rows += table.num_rows
            if rows >= ROW_GROUP_ROWS:
                writer.write_table(pa.concat_tables(buffered))
                buffered, rows = [], 0
        if buffered or fmt == "csv":
            writer.write_table(pa.concat_tables(buffered) if buffered else schema.empty_table())
    finally:
        writer.close()
    os.replace(tmp, output)


class _CsvWriter:
    """Row groups to CSV through :func:`analysis.export.frame_to_csv`, the one CSV
    writer (text cells a spreadsheet would run as formulas are defused)."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("w", encoding="utf-8", errors="backslashreplace", newline="")
        self.header = True

    def write_table(self, table: Any) -> None:
        from analysis.export import frame_to_csv

        # Whole numbers stay whole where a column has gaps ("row" of article files).
        frame = table.to_pandas(integer_object_nulls=True)
        self.handle.write(frame_to_csv(frame, header=self.header))
        self.header = False

    def close(self) -> None:
        self.handle.close()


def _write_failures(journal: _Journal, output: Path) -> tuple[str, tuple[LoadFailure, ...]]:
    """Collect the failures of every chunk into ``<output>.failures.csv``."""
    target = output.with_name(output.name + ".failures.csv")
    if not journal.failures:
        target.unlink(missing_ok=True)
        return "", ()
    shown: list[LoadFailure] = []
    tmp = target.with_name(target.name + ".tmp")
    # A name may hold bytes that are not UTF-8: written escaped, never a crash.
    with tmp.open("w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "error"])
        for ordinal in range(journal.chunks):
            path = _failures_path(journal.parts, ordinal)
            if not path.exists():
                continue
            for entry in json.loads(path.read_text(encoding="utf-8")):
                writer.writerow([entry["path"], entry["error"]])
                if len(shown) < SHOWN_FAILURES:
                    shown.append(LoadFailure(entry["path"], entry["error"]))
    os.replace(tmp, target)
    return str(target), tuple(shown)


# --------------------------------------------------------------------------- entry point


def output_format(output: str | os.PathLike[str]) -> str:
    """``"parquet"`` or ``"csv"`` from the output's suffix; FrameLensError otherwise."""
    suffix = Path(output).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise FrameLensError(
            f"{os.fspath(output)}: the output must end in .parquet or .csv "
            f"(not '{suffix or 'no suffix'}')."
        )
    return OUTPUT_FORMATS[suffix]


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    per: Per = "article",
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    resume: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    text_column: str = "text",
    id_column: str = "id",
    analyzer: Analyzer | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BatchSummary:
    """Score every article of ``inputs`` into ``output`` (.parquet or .csv).

    ``workers`` defaults to all cores (local engine) or the number of worker
    processes of the local Dask cluster; with ``engine="dask"`` and a
    ``scheduler`` address the cluster's own workers are used. ``progress`` is
    called after every chunk; ``cancel()`` is checked as often, and a True
    answer raises :class:`CancelledError` with everything finished so far
    recorded, so ``resume=True`` continues from there. ``analyzer`` must be a
    module-level function (it is sent to the workers).
    """
    started = time.monotonic()
    out_path = Path(output)
    fmt = output_format(out_path)
    if per not in ("article", "sentence"):
        raise FrameLensError(f"per must be 'article' or 'sentence', not {per!r}.")
    if engine not in ("local", "dask"):
        raise FrameLensError(f"The engine must be 'local' or 'dask', not {engine!r}.")
    if chunk_size < 1:
        raise FrameLensError("The chunk size must be at least 1 article.")
    if not out_path.parent.is_dir():
        raise FrameLensError(f"The folder of {out_path} does not exist; create it first.")
    # More processes than cores only costs memory (issue 28: 1000 asked, 62 started).
    workers = max(1, min(workers or default_workers(), default_workers()))
    cancel_fn: Cancel = cancel or (lambda: False)
    with _output_lock(out_path):
        try:
            return _run_locked(
                inputs, out_path, fmt, per, workers, engine, scheduler, resume, chunk_size,
                text_column, id_column, analyzer, progress, cancel_fn, started,
            )  # fmt: skip
        except OSError as error:
            raise FrameLensError(_output_error(out_path, error)) from error


def _output_error(output: Path, error: OSError) -> str:
    """One line on an OS error while writing the output, its parts or progress file."""
    import errno

    where = error.filename or output
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "Free some space, then run the same command again with --resume."
    elif isinstance(error, PermissionError):
        advice = "Choose an output in a folder you may write to (-o)."
    else:
        advice = "The finished chunks are kept: run the same command again with --resume."
    return f"Cannot write {where}: {reason}. {advice}"


def _run_locked(
    inputs: Sequence[str | os.PathLike[str]],
    out_path: Path,
    fmt: str,
    per: Per,
    workers: int,
    engine: Engine,
    scheduler: str | None,
    resume: bool,
    chunk_size: int,
    text_column: str,
    id_column: str,
    analyzer: Analyzer | None,
    progress: Callable[[BatchProgress], None] | None,
    cancel_fn: Cancel,
    started: float,
) -> BatchSummary:
    sources = _open_sources(inputs, text_column, out_path)
    scans = [source.scan(chunk_size) for source in sources]
    total = sum(scan.articles for scan in scans)
    chunk_counts = [scan.chunks for scan in scans]
    chunks = sum(chunk_counts)
    fingerprint = {
        "sources": [scan.fingerprint for scan in scans],
        "per": per,
        "chunk_size": chunk_size,
        "chunk_bytes": CHUNK_BYTES,
        "text_column": text_column,
        "id_column": id_column,
        "categories": list(category_ids()),
        "format": fmt,
    }
    journal = _Journal.open(out_path, fingerprint, chunks, resume=resume)
    resumed = journal.items
    schema = output_schema(per)
    scoring_started = time.monotonic()
    words_now = 0

    def report() -> None:
        if progress is not None:
            progress(
                BatchProgress(
                    done=journal.items,
                    total=total,
                    resumed=resumed,
                    words=words_now,
                    elapsed=time.monotonic() - scoring_started,
                )
            )

    def on_result(result: ChunkResult) -> None:
        nonlocal words_now
        journal.record(result, schema)
        words_now += result.words
        report()

    tasks = (
        ChunkTask(ordinal, tuple(items), per, text_column, id_column, analyzer)
        for ordinal, items in _chunks(sources, chunk_counts, chunk_size, journal.done)
    )
    report()
    used_workers = workers
    if engine == "dask":
        used_workers = _run_dask(tasks, workers, scheduler, on_result, cancel_fn)
    elif workers == 1:
        _run_inline(tasks, on_result, cancel_fn)
    else:
        _run_local(tasks, workers, on_result, cancel_fn)

    missing = chunks - len(journal.done)
    if missing:
        raise FrameLensError(
            f"{missing} chunks were not scored (the inputs changed while the batch ran?). "
            "Run the same command again with --resume."
        )
    _merge(journal, out_path, fmt, schema)
    failures_file, first_failures = _write_failures(journal, out_path)
    summary = BatchSummary(
        output=str(out_path),
        per=per,
        engine=engine,
        workers=used_workers,
        items=journal.items,
        articles=journal.articles,
        rows=journal.rows,
        words=journal.words,
        resumed=resumed,
        seconds=time.monotonic() - started,
        failures=journal.failures,
        failures_file=failures_file,
        first_failures=first_failures,
        skipped=tuple(
            entry
            for source in sources
            if isinstance(source, _FileSource)
            for entry in source.skipped
        ),
    )
    journal.remove()
    return summary
