"""Quotes and speakers against PolNeAR: ../shared/tools/score_quotes.py on two parts.

Procedure:

1. The PolNeAR training split (../shared/data/polnear-train, 840 articles) is
   cut into two fixed parts by the MD5 of each article's name: a third
   (``md5 % 3 == 0``, 297 articles) is held out, the rest (543) is the part
   the attribution rules were tuned on. Each part is linked (not copied) into
   a temporary folder with its text/, attributions/ and chains/.
2. ``score_quotes.py`` runs ``framelens compare --json`` (this source tree,
   through a small wrapper) on each part and prints quote recall and
   precision, speaker accuracy and how often a speaker is given (rules in
   ../shared/data/README.md and the scorer's docstring).
3. The last line is the RESULT line of benchmarks/README.md, with the
   targets of issue 22 for the held-out part.

    .venv/bin/python benchmarks/quote_quality.py [--part held|tune|both]

Nothing of the data is written into the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _result import emit, figure  # noqa: E402

#: Goals for articles the rules were not tuned on (issue 22).
TARGETS = {
    "quote_recall": 0.95,
    "quote_precision": 0.93,
    "speaker_accuracy": 0.85,
    "speaker_given": 0.95,
}


def part_of(name: str) -> str:
    """ "held" for a third of the articles (by the MD5 of the name), "tune" for the rest."""
    return "held" if int(hashlib.md5(name.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def make_parts(source: Path, target: Path) -> dict[str, int]:
    """Link each article of ``source`` (text, attributions, chains) into target/<part>/."""
    counts = {"tune": 0, "held": 0}
    for text in sorted((source / "text").glob("*.txt")):
        part = part_of(text.stem)
        counts[part] += 1
        for sub, pattern in (
            ("text", text.name),
            ("attributions", text.stem + "_*.ann"),
            ("chains", text.stem + ".json"),
        ):
            folder = target / part / sub
            folder.mkdir(parents=True, exist_ok=True)
            for path in (source / sub).glob(pattern):
                (folder / path.name).symlink_to(path)
    return counts


def wrapper(folder: Path) -> Path:
    """An executable that runs this tree's ``framelens`` CLI."""
    exe = folder / "framelens"
    exe.write_text(
        f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m gui.cli "$@"\n',
        encoding="utf-8",
    )
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("held", "tune", "both"), default="both")
    args = parser.parse_args()
    data = SHARED / "data" / "polnear-train"
    scorer = SHARED / "tools" / "score_quotes.py"
    if not data.is_dir() or not scorer.is_file():
        print(f"PolNeAR or its scorer is absent ({data}, {scorer})", file=sys.stderr)
        emit("quote_quality", [figure("PolNeAR quotes", "skipped: data absent")])
        return 0
    figures = []
    with tempfile.TemporaryDirectory(prefix="framelens-polnear-") as tmp:
        root = Path(tmp)
        counts = make_parts(data, root / "parts")
        exe = wrapper(root)
        parts = ("tune", "held") if args.part == "both" else (args.part,)
        for part in parts:
            done = subprocess.run(
                [
                    sys.executable,
                    str(scorer),
                    str(exe),
                    "--data",
                    str(root / "parts"),
                    "--split",
                    part,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            scores = json.loads(done.stdout.strip().splitlines()[-1])
            label = "held out" if part == "held" else "tuned on"
            print(f"{part} ({counts[part]} articles): {json.dumps(scores)}")
            for key, goal in TARGETS.items():
                value = float(scores[key])
                held = part == "held"
                figures.append(
                    figure(
                        f"PolNeAR {key.replace('_', ' ')} ({label}, {counts[part]} articles)",
                        f"{value:.3f}",
                        value=value,
                        target=f">= {goal}" if held else "",
                        passed=(value >= goal) if held else None,
                    )
                )
    emit("quote_quality", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
