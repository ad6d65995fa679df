"""Alignment quality against hand-annotated stories: recall and precision together.

Runs ``../shared/tools/score_align.py`` (the scorer shared with the
annotations) on ``framelens compare --json`` over the hand-annotated BASIL
stories in ``../shared/data/align-dev``: every fact that two or more outlets
report, with every sentence of each outlet that reports it. The scorer counts

- strict pair recall: pairs of two outlets' sentences reporting one fact
  ("same" strength) that share a group;
- pair precision: pairs of two outlets' sentences in one group that some
  annotated fact covers;
- unique precision: statements listed as "only in one outlet" that no
  annotated fact mentions.

The stories are scored one at a time as well (``--verbose`` of the scorer),
so figures for a tuning set and a held-out set can be read from one run:
``--held ID,ID`` names the stories kept out of tuning (the default is the
two kept aside while the alignment was tuned, see benchmarks/RESULTS.md).
The program is this source tree, run through a small wrapper written to a
temporary folder. Targets are issue 21's goal for stories FrameLens has not
seen: strict recall >= 0.75 with precision >= 0.90 and unique precision >= 0.90.

    .venv/bin/python benchmarks/align_quality.py [--held 01c59743,1f99798f] [--threshold X]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _result import emit, figure

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_align.py"
GOLD = SHARED / "data" / "align-dev"
#: Kept out of tuning when the alignment was last tuned (benchmarks/RESULTS.md).
HELD_OUT = ("01c59743", "1f99798f")


def _wrapper(folder: Path) -> Path:
    exe = folder / "framelens"
    exe.write_text(
        f"#!/bin/sh\nPYTHONPATH={REPO} exec {sys.executable} -m gui.cli \"$@\"\n", encoding="utf-8"
    )
    exe.chmod(0o755)
    return exe


Scores = tuple[dict[str, float], dict[str, dict[str, int]]]


def _score(exe: Path, gold: Path, threshold: float | None) -> Scores:
    args = [sys.executable, str(SCORER), str(exe), "--gold", str(gold), "--verbose"]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=1200, check=True)
    per_story: dict[str, dict[str, int]] = {}
    for line in done.stderr.splitlines():
        story, _, rest = line.partition(" ")
        if rest.startswith("{"):
            per_story[story] = json.loads(rest.replace("'", '"'))
    return json.loads(done.stdout.strip().splitlines()[-1]), per_story


def _rates(totals: dict[str, int]) -> tuple[float, float, float]:
    return (
        totals["got_strict"] / max(1, totals["strict_pairs"]),
        totals["ok_pairs"] / max(1, totals["pred_pairs"]),
        totals["unique_ok"] / max(1, totals["unique"]),
    )


def _add(rows: list[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        for key, value in row.items():
            out[key] = out.get(key, 0) + value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", default=",".join(HELD_OUT), help="story ids kept out of tuning")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--quick", action="store_true", help="the same run (it takes about 20 s)")
    args = parser.parse_args()
    if not SCORER.is_file() or not GOLD.is_dir():
        print(f"skipped: {SCORER} or {GOLD} is absent", file=sys.stderr)
        emit("align_quality", [])
        return 0
    held = tuple(h for h in args.held.split(",") if h)
    with tempfile.TemporaryDirectory(prefix="align-quality-") as tmp:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        overall, per_story = _score(_wrapper(Path(tmp)), GOLD, args.threshold)
    print(f"{'story':10} {'set':5} {'strict recall':>14} {'precision':>10} {'unique prec.':>13}")
    for story, row in sorted(per_story.items()):
        rs, p, up = _rates(row)
        kind = "held" if story.startswith(held) else "tune"
        print(
            f"{story:10} {kind:5} {rs:8.3f} ({row['got_strict']}/{row['strict_pairs']})"
            f" {p:6.3f} ({row['ok_pairs']}/{row['pred_pairs']})"
            f" {up:6.3f} ({row['unique_ok']}/{row['unique']})"
        )
    print("all stories:", json.dumps(overall))
    figures = []
    for name, rows in (
        ("held-out", [r for s, r in per_story.items() if s.startswith(held)]),
        ("tuning", [r for s, r in per_story.items() if not s.startswith(held)]),
    ):
        if not rows:
            continue
        rs, p, up = _rates(_add(rows))
        label = f"align-dev {name} ({len(rows)} stories)"
        figures += [
            figure(f"{label}: strict pair recall", f"{rs:.3f}", value=round(rs, 3),
                   target=">= 0.75", passed=rs >= 0.75),
            figure(f"{label}: pair precision", f"{p:.3f}", value=round(p, 3),
                   target=">= 0.90", passed=p >= 0.90),
            figure(f"{label}: unique precision", f"{up:.3f}", value=round(up, 3),
                   target=">= 0.90", passed=up >= 0.90),
        ]  # fmt: skip
    emit("align_quality", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
