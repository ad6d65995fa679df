"""Time and peak memory of loading a whole batch of hostile files (issue 8).

Builds, in a temporary folder, several copies of the hostile batch used by
tests/analysis/test_robustness_inputs.py (empty, binary, random, truncated,
encrypted and image-only PDFs, corrupt DOCX, a 300 MB DOCX zip bomb, HTML
with scripts and an 11 MB inline image, a 60 MB text file, odd encodings,
NUL bytes, French text, duplicates, a symlink loop), a 24 MB page of dense
markup and a page of 500,000 comments per copy, plus a thousand small
good files, then loads it all with one ``load_many`` call in a fresh
process and reports that process's wall time and peak resident memory.

Targets: under 2 GB peak and under 100 s.

Run: ``.venv/bin/python benchmarks/hostile_batch.py [--copies 3] [--small 1000]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEAK_LIMIT_MB = 2048
TIME_LIMIT_S = 100.0


def _child(folder: str) -> None:
    import resource

    from analysis.load import load_many

    start = time.perf_counter()
    articles, failures = load_many([folder])
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    json.dump(
        {
            "seconds": elapsed,
            "peak_mb": peak_kb / 1024,
            "articles": len(articles),
            "failures": len(failures),
        },
        sys.stdout,
    )


def _build(root: Path, copies: int, small: int) -> int:
    sys.path.insert(0, str(REPO))
    from tests.analysis.loadfiles import build_hostile_batch, story

    expected = 0
    for copy in range(copies):
        folder = root / f"copy{copy}"
        folder.mkdir()
        expected += len(build_hostile_batch(folder, big_text_mb=60))
    heavy = root / "heavy"
    heavy.mkdir()
    unit = "<div class='c'><span>word</span> <a href='/x'>link</a></div>"
    for n in range(copies):
        # Dense markup near the 25 MB limit, and a page of endless comments.
        (heavy / f"dense{n}.html").write_text(
            f"<html><body><p>{story(20_000 + n)}</p>"
            + unit * (24 * 2**20 // len(unit))
            + "</body></html>",
            encoding="utf-8",
        )
        (heavy / f"comments{n}.html").write_text(
            f"<html><body><p>{story(30_000 + n)}</p>" + "<!-- c -->" * 500_000 + "</body></html>",
            encoding="utf-8",
        )
        expected += 2
    smalls = root / "small"
    smalls.mkdir()
    for n in range(small):
        (smalls / f"{n:05d}.txt").write_text(story(10_000 + n), encoding="utf-8")
    return expected + small


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of the hostile batch")
    parser.add_argument("--small", type=int, default=1000, help="small good files added")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="framelens-hostile-") as tmp:
        root = Path(tmp)
        built = time.perf_counter()
        inputs = _build(root, args.copies, args.small)
        size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20
        print(
            f"built {inputs} inputs ({size_mb:,.0f} MB on disk) in "
            f"{time.perf_counter() - built:.1f} s"
        )
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(root)],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        )
    result = json.loads(run.stdout)
    print(
        f"load_many: {result['articles']} articles + {result['failures']} failures "
        f"of {inputs} inputs in {result['seconds']:.1f} s, peak memory {result['peak_mb']:.0f} MB"
    )
    ok = result["peak_mb"] < PEAK_LIMIT_MB and result["seconds"] < TIME_LIMIT_S
    ok = ok and result["articles"] + result["failures"] == inputs
    print("within targets (< 2 GB, < 100 s, every input accounted for):", "yes" if ok else "NO")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _result import emit, figure

    emit(
        "hostile_batch",
        [
            figure(
                f"hostile batch through load_many: time ({inputs} inputs)",
                f"{result['seconds']:.1f} s",
                value=round(result["seconds"], 1),
                unit="s",
                target=f"< {TIME_LIMIT_S:.0f} s",
                passed=result["seconds"] < TIME_LIMIT_S,
            ),
            figure(
                "hostile batch through load_many: peak memory",
                f"{result['peak_mb']:.0f} MB",
                value=round(result["peak_mb"]),
                unit="MB",
                target="< 2 GB",
                passed=result["peak_mb"] < PEAK_LIMIT_MB,
            ),
            figure(
                "every input ends as an article or a reason",
                f"{result['articles'] + result['failures']} of {inputs}",
                target=str(inputs),
                passed=result["articles"] + result["failures"] == inputs,
            ),
        ],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(REPO))
        _child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
