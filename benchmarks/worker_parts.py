"""CPU seconds of each part of a worker's per-article work, in one process.

Usage::

    .venv/bin/python benchmarks/worker_parts.py [--rounds N] [--quick] [--base DIR]

The corpus is that of benchmarks/cli_speed.py (423 real articles written as
``.txt`` files to a temporary folder). A fresh process loads every file
(``analysis.load.inputs.load_one``), then times, with
``time.process_time``, each part of what a worker of ``framelens analyze
--json`` does per article: loading (and apart from it the language guess
and the page cleanup), the fingerprint, the analysis, the article's JSON
entry and the packing of the result. Each part but the analysis is the
minimum of 5 passes; the analysis is one pass, since its word memos warm
up (a worker sees each article once). 16 articles are analysed first, as a
worker's imports and tables would be.

``--base DIR`` runs the same in another checkout, alternately; every part
is the minimum over ``--rounds`` processes (default 3). These are CPU
seconds of one process, not wall-clock: a busy machine still moves them by
10-20 %, so compare trees measured in the same minutes, or count
instructions (benchmarks/instructions.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _result import emit, figure  # noqa: E402
from cli_speed import write_corpus  # noqa: E402
from throughput import DEFAULT_DATA, REPO, build_corpus  # noqa: E402

PARTS = (
    "loading",
    "language guess",
    "page cleanup",
    "fingerprint",
    "analysis",
    "JSON entry",
    "packing",
)

CHILD = r"""
import json, sys, time
from pathlib import Path
import analysis.pipeline as pipeline
from analysis.cleanup import clean
from analysis.jsonout import article_json_text
from analysis.load.duplicates import text_fingerprint
from analysis.load.inputs import load_one
from analysis.load.language import guess_language
from analysis.score import analyze_article

paths = sorted(str(p) for p in Path(sys.argv[1]).iterdir())
pipeline._init_worker(None)
lex, sentiment = pipeline._worker_lexicon, pipeline._worker_sentiment
def analyse(article):
    return analyze_article(article, lexicon=lex, sentiment=sentiment)
for path in paths[:16]:
    article_json_text(analyse(load_one(path)[0]))
def cpu(function, items, passes=5):
    best = None
    for _ in range(passes):
        start = time.process_time()
        out = [function(item) for item in items]
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best, out
parts = {}
parts["loading"], loaded = cpu(load_one, paths)
articles = [article for article, _ in loaded]
parts["language guess"], _ = cpu(lambda a: guess_language(a.text), articles)
parts["page cleanup"], _ = cpu(lambda a: clean(a.text, title=a.title), articles)
parts["fingerprint"], _ = cpu(lambda a: text_fingerprint(a.text), articles)
parts["analysis"], results = cpu(analyse, articles, passes=1)
parts["JSON entry"], _ = cpu(article_json_text, results)
parts["packing"], _ = cpu(pipeline._pack, results)
print(json.dumps(parts))
"""


def measure(repo: Path, folder: Path) -> dict[str, float]:
    """One fresh process of ``repo``: CPU seconds per part."""
    env = {**os.environ, "PYTHONPATH": str(repo), "FRAMELENS_NO_LOG_FILE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    parts: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=3, help="processes per tree (default 3)")
    parser.add_argument("--quick", action="store_true", help="one round")
    parser.add_argument("--base", type=Path, help="another checkout to time alongside")
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
    if not (args.data / "basil-dev").is_dir():
        print(f"The BASIL data is not in {args.data}; nothing to measure.", file=sys.stderr)
        emit("worker_parts", [])
        return 0
    trees = {"this tree": REPO}
    if args.base is not None:
        trees["base"] = args.base.resolve()
    best: dict[str, dict[str, float]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "once"
        write_corpus(folder, build_corpus(args.data), 1)
        for _ in range(args.rounds):
            for name, repo in trees.items():
                for part, spent in measure(repo, folder).items():
                    best[name][part] = min(spent, best[name].get(part, spent))
    print(f"{'part':<16}" + "".join(f"{name:>12}" for name in trees))
    for part in PARTS:
        print(f"{part:<16}" + "".join(f"{best[name][part]:>10.3f} s" for name in trees))
    totals = {
        name: sum(v for part, v in parts.items() if part not in ("language guess", "page cleanup"))
        for name, parts in best.items()
    }
    print(f"{'total':<16}" + "".join(f"{totals[name]:>10.3f} s" for name in trees))
    figures = [
        figure(
            f"worker CPU per part, {name} (min of {args.rounds})",
            ", ".join(f"{part} {best[name][part]:.3f} s" for part in PARTS)
            + f"; total {totals[name]:.3f} s",
            value=round(totals[name], 3),
            unit="s",
        )
        for name in trees
    ]
    emit("worker_parts", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
