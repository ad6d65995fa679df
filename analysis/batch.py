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
import stat
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from analysis import __version__
from analysis.errors import CancelledError, FrameLensError, LoadError
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


class Item(NamedTuple):
    """One article as a reader found it: small and cheap to send to a worker."""

    #: The article file, or the table file the row comes from.
    source: str
    #: 1-based line (JSON Lines) or record (CSV, after the header) number; 0 for article files.
    row: int
    #: The raw JSON line, the CSV record, or None for an article file.
    record: str | dict[str, str] | None


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
    value = record.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _item_label(item: Item) -> str:
    return f"{item.source}:{item.row}" if item.row else item.source


def _article_from_record(item: Item, text_column: str, id_column: str) -> Article:
    """Build the article of a JSON Lines or CSV row; raise LoadError when there is none."""
    from analysis.load import load_text

    label = _item_label(item)
    record: Any = item.record
    if isinstance(record, str):
        try:
            record = json.loads(record)
        except json.JSONDecodeError as error:
            raise LoadError(label, f"this line is not valid JSON ({error.msg}).") from error
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
            log.exception("unexpected error while scoring %s", _item_label(item))
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
                columns[name].append(row[name])
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


def _open_text(path: Path) -> IO[str]:
    # Malformed bytes become U+FFFD rather than stopping a long run halfway.
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline="")
    return path.open(encoding="utf-8-sig", errors="replace", newline="")


class _Scan(NamedTuple):
    articles: int
    fingerprint: dict[str, Any]


class _Source:
    """An input that yields articles lazily, in a stable order."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def scan(self) -> _Scan:  # pragma: no cover - abstract
        raise NotImplementedError

    def items(self) -> Iterator[Item]:  # pragma: no cover - abstract
        raise NotImplementedError


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    """Article and table files under ``folder`` in name order, lazily, each folder once.

    Hidden files and folders and files of other types are skipped quietly.
    """
    from analysis.load import is_supported

    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        log.warning("cannot list %s: %s", folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            info = os.stat(entry.path)  # follows links; a dangling one raises
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key not in seen:  # a link loop ends here
                seen.add(key)
                yield from _walk(Path(entry.path), seen)
        elif stat.S_ISREG(info.st_mode):
            path = Path(entry.path)
            if is_supported(path) or _is_table(path):
                yield path


class _FileSource(_Source):
    """A folder (searched recursively) or a single article file.

    JSON Lines and CSV files inside a folder are read as tables of articles,
    so a folder of corpus shards (``part-0001.jsonl.gz``, ...) works too.
    """

    def __init__(self, shown: str, path: Path, text_column: str) -> None:
        super().__init__(shown)
        self.path = path
        self.text_column = text_column

    def _paths(self) -> Iterator[Path]:
        if self.path.is_dir():
            info = self.path.stat()
            yield from _walk(self.path, {(info.st_dev, info.st_ino)})
        else:
            yield self.path  # unsupported types fail with the loader's reason

    def scan(self) -> _Scan:
        digest = hashlib.sha256()
        count = 0
        for path in self._paths():
            digest.update(os.fsencode(path) + b"\0")
            if not _is_table(path):
                count += 1
                continue
            table = _TableSource(str(path), path, self.text_column).scan()
            digest.update(json.dumps(table.fingerprint, sort_keys=True).encode("utf-8"))
            count += table.articles
        fingerprint = {
            "kind": "files",
            "input": str(self.path.resolve()),
            "count": count,
            "names": digest.hexdigest(),
        }
        return _Scan(count, fingerprint)

    def items(self) -> Iterator[Item]:
        for path in self._paths():
            if not _is_table(path):
                yield Item(str(path), 0, None)
            else:
                yield from _TableSource(str(path), path, self.text_column).items()


class _TableSource(_Source):
    """A JSON Lines or CSV file of articles, one per line or row."""

    def __init__(self, shown: str, path: Path, text_column: str) -> None:
        super().__init__(shown)
        self.path = path
        self.text_column = text_column
        self.kind = _table_kind(path)

    def _fingerprint(self, count: int) -> dict[str, Any]:
        info = self.path.stat()
        return {
            "kind": self.kind,
            "input": str(self.path.resolve()),
            "count": count,
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

    def scan(self) -> _Scan:
        count = 0
        try:
            if self.kind == "csv":
                with _open_text(self.path) as handle:
                    reader = csv.reader(handle)
                    self._check_header(next(reader, []), "header line")
                    count = sum(1 for record in reader if any(record))
            else:
                first_checked = False
                with _open_text(self.path) as handle:
                    for line in handle:
                        if not line.strip():
                            continue
                        count += 1
                        if not first_checked:
                            first_checked = True
                            with contextlib.suppress(json.JSONDecodeError):
                                first = json.loads(line)
                                if isinstance(first, dict):
                                    self._check_header(first, "first line")
        except (OSError, EOFError, csv.Error) as error:
            raise FrameLensError(f"{self.shown} cannot be read: {error}.") from error
        return _Scan(count, self._fingerprint(count))

    def items(self) -> Iterator[Item]:
        source = str(self.path)
        try:
            with _open_text(self.path) as handle:
                if self.kind == "csv":
                    reader = csv.DictReader(handle)
                    number = 0
                    for record in reader:
                        if not any(record.values()):
                            continue
                        number += 1
                        # Extra fields of a ragged row land under the key None.
                        record.pop(None, None)
                        yield Item(source, number, record)
                else:
                    for number, line in enumerate(handle, start=1):
                        if line.strip():
                            yield Item(source, number, line)
        except (OSError, EOFError, csv.Error) as error:
            raise FrameLensError(f"{self.shown} cannot be read: {error}.") from error


def _open_sources(inputs: Sequence[str | os.PathLike[str]], text_column: str) -> list[_Source]:
    from analysis.load.limits import MAX_ARTICLE_CHARS

    # An article is one CSV field; the csv module's default limit is 128 KB.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS + 1))
    sources: list[_Source] = []
    for raw in inputs:
        shown = os.fspath(raw)
        path = Path(shown)
        if not path.exists():
            raise FrameLensError(f"{shown} does not exist. Check the path and try again.")
        if path.is_file() and _is_table(path):
            sources.append(_TableSource(shown, path, text_column))
        else:
            sources.append(_FileSource(shown, path, text_column))
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
    counts: Sequence[int],
    chunk_size: int,
    skip: Container[int],
) -> Iterator[tuple[int, list[Item]]]:
    """Yield ``(ordinal, items)`` for every chunk not in ``skip``, reading lazily."""
    base = 0
    for source, count in zip(sources, counts, strict=True):
        chunks_here = -(-count // chunk_size)
        if all(base + k in skip for k in range(chunks_here)):
            base += chunks_here  # a finished source is not even read
            continue
        items = source.items()
        ordinal = base
        while True:
            batch = list(islice(items, chunk_size))
            if not batch:
                break
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


def _init_worker() -> None:
    """Prepare a worker process: ignore Ctrl+C, load the models once."""
    import signal

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
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
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
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    tmp = output.with_name(output.name + ".tmp")
    writer: Any = (
        pq.ParquetWriter(tmp, schema) if fmt == "parquet" else pacsv.CSVWriter(tmp, schema)
    )
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
        if buffered:
            writer.write_table(pa.concat_tables(buffered))
    finally:
        writer.close()
    os.replace(tmp, output)


def _write_failures(journal: _Journal, output: Path) -> tuple[str, tuple[LoadFailure, ...]]:
    """Collect the failures of every chunk into ``<output>.failures.csv``."""
    target = output.with_name(output.name + ".failures.csv")
    if not journal.failures:
        target.unlink(missing_ok=True)
        return "", ()
    shown: list[LoadFailure] = []
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
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
    workers = max(1, workers or default_workers())
    cancel_fn: Cancel = cancel or (lambda: False)

    sources = _open_sources(inputs, text_column)
    scans = [source.scan() for source in sources]
    counts = [scan.articles for scan in scans]
    total = sum(counts)
    chunks = sum(-(-count // chunk_size) for count in counts)
    fingerprint = {
        "sources": [scan.fingerprint for scan in scans],
        "per": per,
        "chunk_size": chunk_size,
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
        for ordinal, items in _chunks(sources, counts, chunk_size, journal.done)
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
    )
    journal.remove()
    return summary
