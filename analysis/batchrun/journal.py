"""What a batch run writes, and how it survives a kill: parts, progress file, lock, merge.

Each scored chunk is written atomically (a temporary file, then a rename) as
a Parquet *part* in ``<output>.parts/``, and only then recorded in the
progress file ``<output>.progress.json`` (:class:`Journal`, written
atomically too), so a kill at any moment loses at most the chunks in
flight. :func:`output_lock` keeps a second run off the same output. When
every chunk is done, :func:`merge` concatenates the parts in ordinal order
into the output and :func:`write_failures` lists what failed.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from analysis import __version__
from analysis.batchrun.values import (
    PROGRESS_FORMAT,
    PROGRESS_VERSION,
    ROW_GROUP_ROWS,
    SHOWN_FAILURES,
    ChunkResult,
)
from analysis.errors import FrameLensError
from analysis.model import LoadFailure
from analysis.safeio import encodable

log = logging.getLogger(__name__)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class Done:
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
def output_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for a run; refuse when another run holds it.

    The lock is the operating system's (``flock``), so it ends with the
    process, however that ends: a killed run never leaves a stale lock.
    """
    path = lock_path(output)
    for _attempt in range(3):
        try:
            handle = path.open("a+b")
        except OSError as error:
            raise FrameLensError(output_error(output, error)) from error
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


class Journal:
    """The progress file: the fingerprint of the run and the chunks done so far.

    A chunk is recorded only after its part file is complete on disk, and the
    file is replaced atomically, so whatever it lists can be trusted.
    """

    def __init__(self, output: Path, fingerprint: dict[str, Any], chunks: int) -> None:
        self.path = progress_path(output)
        self.parts = parts_dir(output)
        self.fingerprint = fingerprint
        self.chunks = chunks
        self.done = Done()
        self.items = self.articles = self.rows = self.words = self.failures = 0

    @classmethod
    def open(
        cls, output: Path, fingerprint: dict[str, Any], chunks: int, *, resume: bool
    ) -> Journal:
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
        atomic_write_bytes(self.path, json.dumps(state, indent=1).encode("utf-8"))

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
            atomic_write_bytes(failures_file, json.dumps(data).encode("utf-8"))
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


def own_files(output: Path) -> frozenset[tuple[tuple[int, int], str]]:
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


def merge(journal: Journal, output: Path, fmt: str, schema: Any) -> None:
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


def write_failures(journal: Journal, output: Path) -> tuple[str, tuple[LoadFailure, ...]]:
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
                writer.writerow([encodable(entry["path"]), encodable(entry["error"])])
                if len(shown) < SHOWN_FAILURES:
                    shown.append(LoadFailure(entry["path"], entry["error"]))
    os.replace(tmp, target)
    return str(target), tuple(shown)


def output_error(output: Path, error: OSError) -> str:
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
