"""Score large corpora in bounded memory, resumably, on all cores or on a Dask cluster.

``framelens batch`` (:mod:`analysis.commands.batch`) is a thin wrapper around
:func:`run_batch` (:mod:`.run`). The package reads in the order a run acts:
:mod:`.values` (options, chunks and results, the columns), :mod:`.sources`
(inputs → articles), :mod:`.scoring` (what a worker does with a chunk),
:mod:`.journal` (parts, progress file, lock, merge) and :mod:`.run`. How a
run works:

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
   :func:`analysis.score.analyze_article` -- through the one process engine,
   :func:`analysis.parallel.run_tasks`: in worker processes (``local``
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

from analysis.batchrun.journal import lock_path, parts_dir, progress_path
from analysis.batchrun.run import output_format, run_batch
from analysis.batchrun.scoring import clean_text, score_chunk
from analysis.batchrun.values import (
    DEFAULT_CHUNK_SIZE,
    SHOWN_FAILURES,
    Analyzer,
    BatchProgress,
    BatchSummary,
    ChunkResult,
    ChunkTask,
    Engine,
    Item,
    Per,
    Refused,
    article_columns,
    category_ids,
    output_schema,
    sentence_columns,
)
from analysis.parallel import default_workers

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "SHOWN_FAILURES",
    "Analyzer",
    "BatchProgress",
    "BatchSummary",
    "ChunkResult",
    "ChunkTask",
    "Engine",
    "Item",
    "Per",
    "Refused",
    "article_columns",
    "category_ids",
    "clean_text",
    "default_workers",
    "lock_path",
    "output_format",
    "output_schema",
    "parts_dir",
    "progress_path",
    "run_batch",
    "score_chunk",
    "sentence_columns",
]
