"""Whole-process speed: ``framelens analyze --json`` against a plain TextBlob loop.

Usage::

    .venv/bin/python benchmarks/cli_speed.py [--repeat N] [--quick] [--base DIR]

The corpus is benchmarks/throughput.py's (BASIL articles and BABE sentences
grouped into articles, read from ../shared/data at run time), written as
``.txt`` files (``outlet:`` front matter, then the text) to a temporary
folder. Each measurement is one fresh process, timed by the wall clock from
its start to its exit, so start-up (interpreter, imports, models, worker
processes) and writing the output (to a file) are included:

* ``textblob``: ``python -c`` that imports TextBlob, reads the sentences the
  pipeline finds in those files (a JSON list), runs
  ``TextBlob(sentence).sentiment_assessments`` on each and writes the
  results as JSON;
* ``analyze-1``, ``analyze-2``: ``python -m gui.cli analyze --json
  --workers N FOLDER``;
* ``analyze-1 x3``, ``analyze-2 x3``: the same on the corpus three times
  (copies with a distinct last line, so none is dropped as a duplicate), the
  sustained rate where start-up weighs less.

Runs are round-robin (a burst of load elsewhere hits every measurement
alike); the median of ``--repeat`` runs counts, and the spread (min-max) is
printed. ``--base DIR`` also times the same commands from another checkout
(e.g. ``git worktree add /tmp/old HEAD~1``), interleaved, for a before/after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _result import emit, figure  # noqa: E402
from throughput import DEFAULT_DATA, build_corpus  # noqa: E402

REPO = HERE.parent
COPIES = 3

#: A pure-Python busy loop in one process, or split over two: how much
#: parallelism the (possibly shared) machine offers during the run.
BURN = r"""
import sys
from multiprocessing import get_context
def burn(n):
    x = 0
    for i in range(n):
        x += i * i
    return x
n = 30_000_000
if sys.argv[1] == "1":
    burn(n)
else:
    with get_context("fork").Pool(2) as pool:
        pool.map(burn, [n // 2, n // 2])
"""

TEXTBLOB = r"""
import json, sys
from textblob import TextBlob
with open(sys.argv[1], encoding="utf-8") as f:
    sentences = json.load(f)
out = []
for s in sentences:
    r = TextBlob(s).sentiment_assessments
    out.append([r.polarity, r.subjectivity, [[a[0], a[1], a[2]] for a in r.assessments]])
json.dump(out, sys.stdout)
"""


def write_corpus(folder: Path, articles: list[object], copies: int) -> None:
    folder.mkdir()
    for copy in range(copies):
        for k, article in enumerate(articles):
            text = article.text  # type: ignore[attr-defined]
            if copy:
                text += f"\n\nCopy {copy} of this article."
            outlet = article.outlet  # type: ignore[attr-defined]
            (folder / f"a{copy}-{k:04d}.txt").write_text(
                f"outlet: {outlet}\n\n{text}\n", encoding="utf-8"
            )


def pipeline_sentences(folder: Path) -> tuple[list[str], int]:
    """The sentences (and words) ``framelens analyze`` finds in the folder's files."""
    from analysis.pipeline import analyze

    corpus = analyze([folder], workers=1)
    sentences = [a.article.text[s.start : s.end] for a in corpus.articles for s in a.sentences]
    return sentences, sum(a.words for a in corpus.articles)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], repo: Path, out: Path, cache: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all its processes) of one run of ``command``."""
    # A model cache of the benchmark's own (warmed by the first run), never the user's.
    env = {**os.environ, "PYTHONPATH": str(repo), "FRAMELENS_CACHE_DIR": str(cache)}
    cpu = _children_cpu()
    start = time.perf_counter()
    with out.open("wb") as handle:
        subprocess.run(command, stdout=handle, check=True, cwd=repo, env=env)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs, no x3 corpus")
    parser.add_argument("--base", type=Path, help="another checkout to time alongside")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 3
    if not (args.data / "basil-dev").is_dir():
        print(f"The BASIL data is not in {args.data}; nothing to measure.", file=sys.stderr)
        emit("cli_speed", [])
        return 0
    articles = build_corpus(args.data)
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        once, thrice = root / "once", root / "thrice"
        write_corpus(once, articles, 1)
        sentences, words = pipeline_sentences(once)
        sentence_file = root / "sentences.json"
        sentence_file.write_text(json.dumps(sentences), encoding="utf-8")
        cli = [python, "-m", "gui.cli", "analyze", "--json", "--workers"]
        jobs: dict[str, tuple[list[str], Path]] = {
            "textblob": ([python, "-c", TEXTBLOB, str(sentence_file)], REPO),
            "analyze-1": ([*cli, "1", str(once)], REPO),
            "analyze-2": ([*cli, "2", str(once)], REPO),
        }
        jobs["machine-1"] = ([python, "-c", BURN, "1"], REPO)
        jobs["machine-2"] = ([python, "-c", BURN, "2"], REPO)
        if not args.quick:
            write_corpus(thrice, articles, COPIES)
            jobs["analyze-1 x3"] = ([*cli, "1", str(thrice)], REPO)
            jobs["analyze-2 x3"] = ([*cli, "2", str(thrice)], REPO)
        if args.base is not None:
            for name in [n for n in jobs if n.startswith("analyze")]:
                jobs[f"base {name}"] = (jobs[name][0], args.base.resolve())
        cache = root / "models"
        warm: dict[str, tuple[list[str], Path]] = {}
        for name, (command, repo) in jobs.items():
            if "analyze" in name:
                warm.setdefault(str(repo), (command, repo))
        for command, repo in warm.values():
            timed(command, repo, root / "out.json", cache)  # fills the model cache
        times: dict[str, list[float]] = {name: [] for name in jobs}
        cpus: dict[str, list[float]] = {name: [] for name in jobs}
        for _ in range(args.repeat):
            for name, (command, repo) in jobs.items():
                wall, cpu = timed(command, repo, root / "out.json", cache)
                times[name].append(wall)
                cpus[name].append(cpu)
                print(f"{name}: {wall:.3f} s wall, {cpu:.3f} s CPU", file=sys.stderr)
    med = {name: statistics.median(values) for name, values in times.items()}
    print(f"corpus: {len(articles)} articles, {len(sentences)} sentences, {words} words")
    for name, values in times.items():
        spread = f"{min(values):.3f}-{max(values):.3f}"
        cpu = statistics.median(cpus[name])
        print(
            f"{name:<18} median {med[name]:7.3f} s  (min-max {spread} s, {len(values)} runs), "
            f"CPU {cpu:.3f} s"
        )
    vs_blob = med["textblob"] / med["analyze-2"]
    vs_blob_lo = min(times["textblob"]) / max(times["analyze-2"])
    vs_blob_hi = max(times["textblob"]) / min(times["analyze-2"])
    print(f"analyze-2 vs TextBlob loop: {vs_blob:.2f}x (from {vs_blob_lo:.2f} to {vs_blob_hi:.2f})")
    machine = med["machine-1"] / med["machine-2"]
    print(f"machine: busy loop, 2 processes vs 1: {machine:.2f}x (2.0 = two idle cores)")
    figures = [
        figure(
            "framelens analyze --json (2 processes) vs TextBlob loop, whole process",
            f"{vs_blob:.2f}x (median {med['analyze-2']:.2f} s vs {med['textblob']:.2f} s)",
            value=round(vs_blob, 2),
            unit="x",
            target=">= 3x",
            passed=vs_blob >= 3.0,
        )
    ]
    for suffix in ("", " x3"):
        one, two = f"analyze-1{suffix}", f"analyze-2{suffix}"
        if one not in med:
            continue
        scaling = med[one] / med[two]
        print(f"2 processes vs 1{suffix}: {scaling:.2f}x")
        if args.base is not None:
            print(f"base 2 processes vs 1{suffix}: {med['base ' + one] / med['base ' + two]:.2f}x")
        figures.append(
            figure(
                f"framelens analyze, 2 processes vs 1, whole process{suffix}",
                f"{scaling:.2f}x (median {med[one]:.2f} s vs {med[two]:.2f} s)",
                value=round(scaling, 2),
                unit="x",
                target=">= 1.8x" if suffix else "",
                passed=scaling >= 1.8 if suffix else None,
            )
        )
    figures.append(
        figure(
            "machine quietness: busy loop 2 processes vs 1",
            f"{machine:.2f}x (2.0 = two idle cores)",
            value=round(machine, 2),
            unit="x",
        )
    )
    emit("cli_speed", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
