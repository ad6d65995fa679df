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
* ``FrameLens, 2 processes``: ``analyze(articles, workers=2)``, the work of
  the caller and of the worker it forks added up: what two processes do
  beyond one (each warms its own word memos; the worker's results are
  packed, pickled, unpickled and unpacked) bounds how much faster than one
  they can be.  Which process takes which chunk depends on timing, so this
  count moves a little from run to run;
* ``TextBlob``: the plain loop of ``TextBlob(sentence).sentiment_assessments``
  over the same sentences;
* with ``--base REV``: FrameLens as it was at git revision REV, to compare a
  change with what came before.  Both versions are copied into fresh
  temporary folders of the same name length and counted from there (see
  :func:`_copy`).

Each count is that of the whole process minus that of the same process
stopped right after its imports and inputs, so what remains is the
analysis alone.  The script prints instructions per word and the ratios.  It
needs ``valgrind`` (``apt-get install valgrind``) and takes about ten
minutes; ``run_all.py`` does not run it.  Run one at a time: it works in a
temporary folder of a fixed name.
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
from collections.abc import Sequence
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
        analyze(articles, workers=2 if what == "framelens2" else 1)
"""


def _count(what: str, run: str, repo: Path, inputs: Path, env: dict[str, str]) -> int:
    """Instructions of one whole run of CHILD (``run``: "run" or "skip").

    A forked process starts with its parent's count so far, so callgrind
    writes out and zeroes the count before every fork (``--dump-before``):
    the sum of what the files say is then every process's own work, once.
    """
    with tempfile.TemporaryDirectory(dir=inputs.parent) as out:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--dump-before=fork",
                f"--callgrind-out-file={out}/callgrind.%p",
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
        found = [
            int(m.group(1))
            for path in Path(out).iterdir()
            if (m := re.search(r"^summary: (\d+)$", path.read_text(), re.MULTILINE))
        ]
    if not found:
        raise RuntimeError(f"callgrind wrote no count:\n{done.stderr[-2000:]}")
    return sum(found)


def _instructions(what: str, repo: Path, inputs: Path, env: dict[str, str]) -> int:
    """Instructions of the analysis alone: a whole run minus one that stops before it."""
    return _count(what, "run", repo, inputs, env) - _count(what, "skip", repo, inputs, env)


def _copy(folder: Path, rev: str | None) -> Path:
    """The project's files as they are (``rev`` None) or at git revision ``rev``,
    copied into ``folder``.

    Both versions are counted from fresh folders of the same name length: the
    same code counted from the repository and from a temporary checkout had
    differed by 0.9% (7,136M against 7,072M); from two fresh copies it
    counts the same (7,101M both).
    """
    folder.mkdir()
    if rev is not None:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        return folder
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return folder


def _framelens(repo: Path, inputs: Path, cache: Path, modes: Sequence[str]) -> list[int]:
    """The analysis's instructions in each of ``modes`` ("framelens": one
    process, "framelens2": two), for the version in ``repo``."""
    env = {**os.environ, "FRAMELENS_CACHE_DIR": str(cache)}
    # Fill this version's model cache outside valgrind: the count is that of
    # every later run, not of the first one after installing.
    subprocess.run(
        [sys.executable, "-c", CHILD, "framelens", str(repo), str(inputs), "run"],
        env=env,
        check=True,
    )
    # Stopped before the analysis, every mode runs the same: counted once.
    skip = _count("framelens", "skip", repo, inputs, env)
    return [_count(mode, "run", repo, inputs, env) - skip for mode in modes]


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
    # A folder of a fixed name (with random names the same code had counted
    # 0.5% apart in two runs; with this one, 0.3%: 7,101M and 7,123M). Within
    # one run the two versions count alike. Two runs at once would share the
    # folder: run one at a time.
    tmp = Path(tempfile.gettempdir()) / "framelens-instructions"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        inputs = tmp / "inputs.json"
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
        here = _copy(tmp / "here", None)
        ours, both = _framelens(here, inputs, tmp / "cache-here", ("framelens", "framelens2"))
        base = None
        if args.base:
            tree = _copy(tmp / "base", args.base)
            (base,) = _framelens(tree, inputs, tmp / "cache-base", ("framelens",))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def per_word(n: int) -> str:
        return f"{n / 1e6:,.0f}M instructions, {n / words:,.0f} per word"

    print(f"corpus: {len(articles)} articles, {words:,} words")
    print(f"TextBlob loop (sentiment_assessments)   {per_word(blob)}")
    print(f"FrameLens analysis, 1 process            {per_word(ours)}")
    print(f"TextBlob / FrameLens                     {blob / ours:.2f} x")
    extra = both / ours - 1
    print(f"FrameLens analysis, 2 processes (both)   {per_word(both)}")
    print(
        f"2 processes against 1                    {extra:+.1%}: at most "
        f"{2 / (1 + extra):.2f}x faster than one"
    )
    figures = [
        figure(
            "instructions: TextBlob loop / FrameLens analysis (1 process)",
            f"{blob / ours:.2f}x ({blob / words:,.0f} vs {ours / words:,.0f} per word)",
            value=round(blob / ours, 2),
            unit="x",
        ),
        figure(
            "instructions: FrameLens 2 processes (both) against 1",
            f"{extra:+.1%} ({both / 1e6:,.0f}M vs {ours / 1e6:,.0f}M): "
            f"two processes at most {2 / (1 + extra):.2f}x faster than one",
            value=round(100 * extra, 1),
            unit="%",
        ),
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
