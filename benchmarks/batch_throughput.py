"""Throughput of ``framelens batch`` on real news text, and what ten million articles would cost.

Writes the 150 BASIL development articles (``--quick``: only those) and the
BABE development sentences grouped into articles (benchmarks/_corpus.py) as a
JSON Lines file in a temporary folder -- every text distinct, since repeated
text would hit the engine's token cache -- then scores it with
:func:`analysis.batchrun.run_batch` three ways, each in a fresh process:

* ``local-1``: the local engine with one process (no pool),
* ``local-all``: the local engine with a pool of one process per core,
* ``dask``: the Dask engine on a local cluster with one single-threaded
  worker process per core (as on a real cluster).

Two kinds of figures, because the machine may be shared:

* **wall clock**: articles/s and words/s over the whole run (start-up of the
  pool or cluster included) and in the steady state (after every worker has
  finished a chunk); the fastest of ``--repeat`` runs counts. Other programs
  running at the same time slow these down.
* **CPU time**: words per CPU-second (all processes of the run: main,
  workers, Dask scheduler and nannies), measured as the difference between
  the full corpus and its first 20 articles, so that start-up (spawning,
  imports, loading models) cancels out. Other programs hardly change it; it
  is the basis of the ten-million-article estimate (core-hours), with the
  mean article length measured here and linear scaling over cores (the
  engine has nothing shared between workers; benchmarks/throughput.py
  measures 1 vs 2 processes).

Also reported: the peak memory of the main process and the output size.

Run: ``.venv/bin/python benchmarks/batch_throughput.py [--quick] [--repeat N]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _corpus import babe_records, basil_records, write_jsonl  # noqa: E402
from _result import emit, figure  # noqa: E402

TEN_MILLION = 10_000_000
#: Small chunks, so that even the quick run has a steady state to measure.
CHUNK_SIZE = 10
#: The start-up baseline: two chunks, so that a pool starts both its workers.
BASELINE_ARTICLES = 2 * CHUNK_SIZE
CONFIGS = ("local-1", "local-all", "dask")


def _cpu_seconds() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # ended workers
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _child(config: str, corpus: str, output: str) -> None:
    """Score ``corpus`` with one configuration; print a JSON line of measurements."""
    import resource

    from analysis.batchrun import BatchProgress, default_workers, run_batch

    cores = default_workers()
    stamps: list[tuple[float, int, int]] = []  # (time, articles done, words done)

    def progress(state: BatchProgress) -> None:
        stamps.append((time.perf_counter(), state.done, state.words))

    engine = "dask" if config == "dask" else "local"
    workers = 1 if config == "local-1" else cores
    cpu_start = _cpu_seconds()
    start = time.perf_counter()
    summary = run_batch(
        [corpus],
        output,
        engine=engine,  # type: ignore[arg-type]
        workers=workers,
        chunk_size=CHUNK_SIZE,
        progress=progress,
    )
    wall = time.perf_counter() - start
    if summary.failures:
        raise SystemExit(f"{summary.failures} articles failed, e.g. {summary.first_failures[0]}")
    cpu = _cpu_seconds() - cpu_start  # the pool and the cluster have ended: all counted
    # The steady state starts when every worker has finished a chunk: chunks
    # finished before that carry the start-up (process spawn, imports).
    finished = [s for s in stamps if s[1] > 0]
    first, last = finished[min(workers, len(finished)) - 1], finished[-1]
    print(
        json.dumps(
            {
                "config": config,
                "workers": summary.workers,
                "articles": summary.articles,
                "words": summary.words,
                "failures": summary.failures,
                "wall": wall,
                "cpu": cpu,
                "steady_articles": last[1] - first[1],
                "steady_words": last[2] - first[2],
                "steady_seconds": last[0] - first[0],
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "output_bytes": os.path.getsize(output),
            }
        )
    )


def _measure(config: str, corpus: Path, folder: Path) -> dict[str, Any]:
    out = folder / f"{config}-{corpus.stem}.parquet"
    run = subprocess.run(
        [sys.executable, __file__, "--child", config, str(corpus), str(out)],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
        check=False,
    )
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        raise SystemExit(f"the {config} run failed (exit {run.returncode})")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def _rate(result: dict[str, Any], key: str) -> float:
    """Steady-state wall-clock rate of ``key`` ("words" or "articles") per second."""
    if result["steady_seconds"] > 0 and result[f"steady_{key}"] > 0:
        return float(result[f"steady_{key}"] / result["steady_seconds"])
    return float(result[key] / result["wall"])


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    if hours >= 48:
        return f"{hours / 24:,.1f} days"
    return f"{hours:,.1f} h" if hours >= 1 else f"{seconds / 60:,.0f} min"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the BASIL articles only")
    parser.add_argument(
        "--repeat", type=int, default=1, help="full runs of each configuration (fastest counts)"
    )
    args = parser.parse_args()

    records = basil_records() + ([] if args.quick else babe_records())
    results: dict[str, dict[str, Any]] = {}
    per_cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="framelens-batch-bench-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        count = write_jsonl(corpus, records)
        baseline = folder / "baseline.jsonl"
        write_jsonl(baseline, records[:BASELINE_ARTICLES])
        words = sum(len(r["text"].split()) for r in records)
        print(f"scoring {count} distinct articles ({words:,} words) from BASIL and BABE")
        for config in CONFIGS:
            runs = [_measure(config, corpus, folder) for _ in range(max(1, args.repeat))]
            result = max(runs, key=lambda r: _rate(r, "words"))
            base = _measure(config, baseline, folder)
            cpu = min(r["cpu"] for r in runs) - base["cpu"]
            per_cpu[config] = (result["words"] - base["words"]) / cpu
            results[config] = result
            print(
                f"{config:10} {result['workers']} workers: {result['wall']:.1f} s wall, "
                f"{result['articles'] / result['wall']:,.1f} articles/s and "
                f"{result['words'] / result['wall']:,.0f} words/s overall, "
                f"{_rate(result, 'articles'):,.1f} articles/s and "
                f"{_rate(result, 'words'):,.0f} words/s steady; "
                f"{per_cpu[config]:,.0f} words per CPU-second beyond start-up "
                f"({base['cpu']:.1f} CPU-s for the first {base['articles']} articles); "
                f"peak {result['peak_mb']:.0f} MB, output {result['output_bytes'] / 1024:,.0f} KB"
            )

    one, many, dask = results["local-1"], results["local-all"], results["dask"]
    cores = many["workers"]
    words_per_article = one["words"] / one["articles"]
    scaling = _rate(many, "words") / _rate(one, "words")
    # The estimate uses the costlier of the engines' CPU rates: conservative.
    local_rate = min(per_cpu["local-1"], per_cpu["local-all"])
    core_seconds = TEN_MILLION * words_per_article / local_rate
    dask_core_seconds = TEN_MILLION * words_per_article / per_cpu["dask"]
    bytes_per_article = one["output_bytes"] / one["articles"]
    here = core_seconds / cores
    one_16 = core_seconds / 16
    cluster_128 = dask_core_seconds / 128
    print(
        f"\nten million articles of {words_per_article:,.0f} words (the mean here) at "
        f"{local_rate:,.0f} words per CPU-second: {core_seconds / 3600:,.0f} core-hours "
        f"({dask_core_seconds / 3600:,.0f} with Dask); with every core busy, {_hours(here)} "
        f"on this {cores}-core machine, {_hours(one_16)} on one 16-core machine, "
        f"{_hours(cluster_128)} on 8 x 16 cores with Dask; output about "
        f"{TEN_MILLION * bytes_per_article / 1e9:,.1f} GB of Parquet"
    )

    def rates(result: dict[str, Any], config: str) -> str:
        return (
            f"{_rate(result, 'articles'):,.0f} articles/s, {_rate(result, 'words'):,.0f} words/s "
            f"steady ({result['words'] / result['wall']:,.0f} words/s with start-up); "
            f"{per_cpu[config]:,.0f} words per CPU-second"
        )

    emit(
        "batch_throughput",
        [
            figure("batch, local engine, 1 process", rates(one, "local-1"),
                   value=round(_rate(one, "words")), unit="words/s"),
            figure(f"batch, local engine, {cores} processes", rates(many, "local-all"),
                   value=round(_rate(many, "words")), unit="words/s"),
            figure(f"batch wall-clock scaling, 1 → {cores} processes", f"{scaling:.2f}x",
                   value=round(scaling, 2), unit="x"),
            figure(f"batch, Dask local cluster ({dask['workers']} worker processes)",
                   rates(dask, "dask"), value=round(_rate(dask, "words")), unit="words/s"),
            figure("batch peak memory, main process (local engine, all cores)",
                   f"{many['peak_mb']:.0f} MB", value=round(many["peak_mb"]), unit="MB"),
            figure(
                "10 million articles (estimate)",
                f"{core_seconds / 3600:,.0f} core-hours ({words_per_article:,.0f} words/article "
                f"at {local_rate:,.0f} words per CPU-second): {_hours(here)} here, "
                f"{_hours(one_16)} on 16 cores, {_hours(cluster_128)} on 8 x 16 cores (Dask); "
                f"{TEN_MILLION * bytes_per_article / 1e9:,.1f} GB of Parquet",
                value=round(core_seconds / 3600), unit="core-hours",
            ),
        ],
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], sys.argv[4])
        sys.exit(0)
    sys.exit(main())
