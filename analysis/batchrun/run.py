"""``run_batch``: score large corpora in bounded memory, resumably, on all cores or on Dask.

How a run works (the modules of :mod:`analysis.batchrun` in the order they act):

1. :mod:`.sources` turns each input into a source of articles and counts
   them in a first, cheap pass (for the progress bar), fingerprinting the
   inputs; then it cuts each source into numbered chunks, read lazily.
2. The chunks go to :func:`.scoring.score_chunk` through the one process
   engine, :func:`analysis.parallel.run_tasks` (``local``: worker processes;
   ``dask``: a Dask cluster), at most two chunks per worker in flight.
3. :mod:`.journal` writes each scored chunk as a part and records it in the
   progress file; ``resume=True`` skips what is recorded. At the end it
   merges the parts in input order into the output and lists the failures.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from analysis.batchrun.journal import Journal, merge, output_error, output_lock, write_failures
from analysis.batchrun.scoring import init_worker, score_chunk
from analysis.batchrun.sources import FileSource, numbered_chunks, open_sources
from analysis.batchrun.values import (
    CHUNK_BYTES,
    DEFAULT_CHUNK_SIZE,
    OUTPUT_FORMATS,
    Analyzer,
    BatchProgress,
    BatchSummary,
    ChunkResult,
    ChunkTask,
    Engine,
    Per,
    category_ids,
    output_schema,
)
from analysis.errors import CancelledError, FrameLensError
from analysis.parallel import WorkerDied, default_workers, run_tasks


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
    cancel_fn = cancel or (lambda: False)
    with output_lock(out_path):
        try:
            return _run_locked(
                inputs, out_path, fmt, per, workers, engine, scheduler, resume, chunk_size,
                text_column, id_column, analyzer, progress, cancel_fn, started,
            )  # fmt: skip
        except OSError as error:
            raise FrameLensError(output_error(out_path, error)) from error


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
    cancel_fn: Callable[[], bool],
    started: float,
) -> BatchSummary:
    sources = open_sources(inputs, text_column, out_path)
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
    journal = Journal.open(out_path, fingerprint, chunks, resume=resume)
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
        for ordinal, items in numbered_chunks(sources, chunk_counts, chunk_size, journal.done)
    )
    report()
    try:
        used_workers = run_tasks(
            score_chunk,
            tasks,
            lambda _index, result: on_result(result),
            workers=workers,
            initializer=init_worker,
            cancel=cancel_fn,
            backend=engine,
            scheduler=scheduler,
        )
    except CancelledError as error:
        raise CancelledError("The batch was cancelled.") from error
    except WorkerDied as error:
        raise FrameLensError(
            "A worker process died (out of memory, or killed). The chunks finished so far "
            "are saved: run the same command again with --resume, perhaps with fewer --workers."
        ) from error

    missing = chunks - len(journal.done)
    if missing:
        raise FrameLensError(
            f"{missing} chunks were not scored (the inputs changed while the batch ran?). "
            "Run the same command again with --resume."
        )
    merge(journal, out_path, fmt, schema)
    failures_file, first_failures = write_failures(journal, out_path)
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
            if isinstance(source, FileSource)
            for entry in source.skipped
        ),
    )
    journal.remove()
    return summary
