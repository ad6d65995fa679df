"""Analysis work counted in CPU instructions, which a busy machine does not change.

Usage::

    .venv/bin/python benchmarks/instructions.py [--base REV] [--data DIR]

Wall-clock ratios on a shared machine move by ±25% from one run to the next
(see the README's Speed section); the number of instructions a program
executes does not.  This script runs, under valgrind's callgrind, each in a
fresh process:

* ``FrameLens``: ``analysis.pipeline.analyze(articles, workers=1)`` over the
  corpus of ``benchmarks/throughput.py`` (423 real articles), models loaded
  from a model cache of its own, filled by a run outside valgrind first;
* ``TextBlob``: the plain loop of ``TextBlob(sentence).sentiment_assessments``
  over the same sentences;
* with ``--base REV``: FrameLens as it was at git revision REV (checked out
  into a temporary folder), to compare a change with what came before.

Each count is that of the whole process minus that of the same process
stopped right after its imports and inputs, so what remains is the
analysis alone.  The script prints instructions per word and the ratios.  It
needs ``valgrind`` (``apt-get install valgrind``) and takes a few minutes;
``run_all.py`` does not run it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _result import emit, figure
from throughput import DEFAULT_DATA, REPO, build_corpus

CHILD = r"""
import json, sys
what, repo, inputs, run = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "run"
sys.path.insert(0, repo)
with open(inputs, encoding="utf-8") as f:
    data = json.load(f)
if what == "textblob":
    from textblob import TextBlob
    if run:
        for s in data["sentences"]:
            TextBlob(s).sentiment_assessments
else:
    from analysis.model import Article
    from analysis.pipeline import analyze
    import analysis.bias, analysis.lexicon, analysis.score, analysis.segment, analysis.sentiment
    import analysis.modelcache, nupunkt  # imported on first use: imports are not counted
    articles = [Article(text=t, path=p, outlet=o) for t, p, o in data["articles"]]
    if run:
        analyze(articles, workers=1)
"""


def _instructions(what: str, repo: Path, inputs: Path, env: dict[str, str]) -> int:
    """Instructions of the analysis alone: a whole run minus one that stops before it."""
    counts = []
    for run in ("run", "skip"):
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                "-c",
                CHILD,
                what,
                str(repo),
                str(inputs),
                run,
            ],
            capture_output=True,
            text=True,
            env={**env, "PYTHONHASHSEED": "0"},
            check=True,
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise RuntimeError(f"callgrind printed no count:\n{done.stderr[-2000:]}")
        counts.append(int(found.group(1)))
    return counts[0] - counts[1]


def _framelens(repo: Path, inputs: Path, cache: Path) -> int:
    env = {**os.environ, "FRAMELENS_CACHE_DIR": str(cache)}
    # Fill this version's model cache outside valgrind: the count is that of
    # every later run, not of the first one after installing.
    subprocess.run(
        [sys.executable, "-c", CHILD, "framelens", str(repo), str(inputs), "run"],
        env=env,
        check=True,
    )
    return _instructions("framelens", repo, inputs, env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--base", metavar="REV", help="also count FrameLens at this git revision")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is missing (apt-get install valgrind); nothing to count.", file=sys.stderr)
        emit("instructions", [])
        return 0
    if not (args.data / "basil-dev").is_dir():
        print(f"The BASIL data is not in {args.data}; nothing to count.", file=sys.stderr)
        emit("instructions", [])
        return 0
    articles = build_corpus(args.data)  # also puts the project on sys.path
    from analysis.score import count_words
    from analysis.segment import sentence_spans

    words = sum(count_words(a.text) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.json"
        inputs.write_text(
            json.dumps(
                {
                    "articles": [(a.text, a.path, a.outlet) for a in articles],
                    "sentences": [a.text[s:e] for a in articles for s, e in sentence_spans(a.text)],
                }
            ),
            encoding="utf-8",
        )
        blob = _instructions("textblob", REPO, inputs, dict(os.environ))
        ours = _framelens(REPO, inputs, Path(tmp) / "cache-here")
        base = None
        if args.base:
            tree = Path(tmp) / "base"
            git = ["git", "-C", str(REPO), "worktree"]
            subprocess.run([*git, "add", "--detach", "-q", str(tree), args.base], check=True)
            try:
                base = _framelens(tree, inputs, Path(tmp) / "cache-base")
            finally:
                subprocess.run([*git, "remove", "--force", str(tree)], check=True)

    def per_word(n: int) -> str:
        return f"{n / 1e6:,.0f}M instructions, {n / words:,.0f} per word"

    print(f"corpus: {len(articles)} articles, {words:,} words")
    print(f"TextBlob loop (sentiment_assessments)   {per_word(blob)}")
    print(f"FrameLens analysis, 1 process            {per_word(ours)}")
    print(f"TextBlob / FrameLens                     {blob / ours:.2f} x")
    figures = [
        figure(
            "instructions: TextBlob loop / FrameLens analysis (1 process)",
            f"{blob / ours:.2f}x ({blob / words:,.0f} vs {ours / words:,.0f} per word)",
            value=round(blob / ours, 2),
            unit="x",
        )
    ]
    if base is not None:
        change = ours / base - 1
        print(f"FrameLens at {args.base}  {per_word(base)}")
        print(f"this version against {args.base}        {change:+.1%}")
        figures.append(
            figure(
                f"instructions: FrameLens against {args.base}",
                f"{change:+.1%} ({ours / 1e6:,.0f}M vs {base / 1e6:,.0f}M)",
                value=round(100 * change, 1),
                unit="%",
            )
        )
    emit("instructions", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
