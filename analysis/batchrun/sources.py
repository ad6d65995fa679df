"""Where a batch's articles come from: folders, article files and tables of articles.

Each input becomes a :class:`Source` that yields :class:`Item` records
lazily, in a stable order: a folder or an article file
(:class:`FileSource`, walked by :func:`analysis.load.inputs.walk_inputs`,
the walk every FrameLens command uses), or a JSON Lines or CSV table, maybe
gzip-compressed (:class:`TableSource`), read as a stream of lines of
bounded length. :func:`chunked` cuts items into chunks bounded by count and
by bytes; :func:`numbered_chunks` numbers them across all sources.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Container, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from analysis.batchrun.journal import own_files
from analysis.batchrun.values import CHUNK_BYTES, MAX_ROW_BYTES, TABLE_SUFFIXES, Item, Refused
from analysis.errors import FrameLensError, LoadError
from analysis.load.jsondata import BadJson, parse_json
from analysis.model import LoadFailure


def is_table(path: Path) -> bool:
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

    return is_supported(path) or is_table(path)


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


class Scan(NamedTuple):
    articles: int
    chunks: int
    fingerprint: dict[str, Any]


class Source:
    """An input that yields articles lazily, in a stable order."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def items(self) -> Iterator[Item]:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, digest: Any) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def scan(self, chunk_size: int) -> Scan:
        """Count the articles and chunks, reading everything once (nothing is kept)."""
        digest = hashlib.sha256()
        articles = chunks = 0
        last = ""
        for chunk in chunked(self.items(), chunk_size, digest_into=digest):
            chunks += 1
            articles += len(chunk)
            last = chunk[-1].source
        del last
        return Scan(articles, chunks, self.describe(digest))


def chunked(
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


class FileSource(Source):
    """A folder (searched recursively) or a single article file.

    JSON Lines and CSV files inside a folder are read as tables of articles,
    so a folder of corpus shards (``part-0001.jsonl.gz``, ...) works too.
    Folders are walked by :func:`analysis.load.inputs.walk_inputs`, the walk
    every FrameLens command uses; the batch's own output is never read.
    """

    def __init__(self, shown: str, path: Path, text_column: str, exclude: Container[Any]) -> None:
        super().__init__(shown)
        self.path = path
        self.text_column = text_column
        self.exclude = exclude
        self.skipped: list[LoadFailure] = []

    def describe(self, digest: Any) -> dict[str, Any]:
        tables = []
        for walked in self._walk():
            if walked.kind == "file" and is_table(Path(walked.path)):
                with contextlib.suppress(OSError):
                    info = os.stat(walked.path)
                    tables.append([walked.path, info.st_size, info.st_mtime_ns])
        digest.update(json.dumps(tables).encode("utf-8", "surrogateescape"))
        return {"kind": "files", "input": str(self.path.resolve()), "names": digest.hexdigest()}

    def _walk(self) -> Iterator[Any]:
        from analysis.load.inputs import walk_inputs

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
            elif is_table(Path(walked.path)) and self.path.is_dir():
                table = Path(walked.path)
                yield from TableSource(str(table), table, self.text_column).items()
            else:
                yield Item(walked.path, 0, None)


class TableSource(Source):
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


def open_sources(
    inputs: Sequence[str | os.PathLike[str]], text_column: str, output: Path | None = None
) -> list[Source]:
    from analysis.load.limits import MAX_ARTICLE_CHARS

    # An article is one CSV field; the csv module's default limit is 128 KB.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS + 1))
    exclude = own_files(output) if output is not None else frozenset()
    sources: list[Source] = []
    for raw in inputs:
        shown = os.fspath(raw)
        path = Path(shown)
        if not os.path.lexists(shown):
            raise FrameLensError(f"{shown} does not exist. Check the path and try again.")
        if path.is_file() and is_table(path):
            sources.append(TableSource(shown, path, text_column))
        else:
            sources.append(FileSource(shown, path, text_column, exclude))
    return sources


def numbered_chunks(
    sources: Sequence[Source],
    chunk_counts: Sequence[int],
    chunk_size: int,
    skip: Container[int],
) -> Iterator[tuple[int, list[Item]]]:
    """Yield ``(ordinal, items)`` for every chunk not in ``skip``, reading lazily.

    ``chunk_counts`` are each source's chunks as :meth:`Source.scan` counted
    them (chunks end at ``chunk_size`` articles or :data:`CHUNK_BYTES`).
    """
    base = 0
    for source, chunks_here in zip(sources, chunk_counts, strict=True):
        if all(base + k in skip for k in range(chunks_here)):
            base += chunks_here  # a finished source is not even read
            continue
        ordinal = base
        for batch in chunked(source.items(), chunk_size):
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
