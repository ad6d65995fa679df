"""Precision of frame keyword hits on real sentences, judged by hand.

The sample: the sentences judged in benchmarks/frame_judgements.tsv, drawn
once (``--draw``, seed 21) as 50 sentences of the BASIL development articles
of 2016 and 2018 (../shared/data/basil-dev, BASIL's own sentence split) and
the four seed articles (../shared/seeds, the engine's sentence split) where
the dictionary of the day or the one before the change
(``--compare OLD.tsv``) found a hit. Every hit in the sample was judged by a
person: does the word, in this sentence, evoke that frame of the Policy
Frames Codebook? The verdicts are keyed by article, sentence, offset and
frame (no article text is stored). The figure is the share of hits judged
right; hits without a verdict (after a dictionary change) are counted and
listed with ``--show``.

    .venv/bin/python benchmarks/frame_precision.py [--compare OLD_FRAMES.tsv] [--show]
    .venv/bin/python benchmarks/frame_precision.py --draw --compare OLD.tsv --show  # new sample
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
SHARED = REPO.parent / "shared"
JUDGEMENTS = Path(__file__).with_name("frame_judgements.tsv")
YEARS = ("2016", "2018")

Key = tuple[str, int, int, str]


def sentences() -> list[tuple[str, int, str]]:
    """(article id, sentence index, sentence text) of the sample's source articles."""
    from analysis.segment import sentence_spans

    found = []
    for year in YEARS:
        for path in sorted((SHARED / "data" / "basil-dev" / "articles" / year).glob("*.json")):
            article = json.loads(path.read_text(encoding="utf-8"))
            flat = [s for paragraph in article["body-paragraphs"] for s in paragraph]
            found += [(f"basil/{year}/{path.stem}", k, s) for k, s in enumerate(flat)]
    for path in sorted((SHARED / "seeds").glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = sentence_spans(text)
        found += [(f"seed/{path.stem[:3]}", k, text[a:b]) for k, (a, b) in enumerate(spans)]
    return found


def hits(matcher: object, text: str) -> list[tuple[int, str, str]]:
    """(start, word, frame) of the frame hits in ``text`` (none-entries left out)."""
    from analysis.compare.frames import NO_FRAME

    return [
        (m.start, m.text, m.entry.group)
        for m in matcher.finditer(text)  # type: ignore[attr-defined]
        if m.entry.group != NO_FRAME
    ]


def load_judgements() -> dict[Key, str]:
    if not JUDGEMENTS.is_file():
        return {}
    with JUDGEMENTS.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], int(r[1]), int(r[2]), r[4]): r[5] for r in rows[1:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=50, help="with --draw")
    parser.add_argument("--draw", action="store_true", help="draw a new sample to judge")
    parser.add_argument("--compare", type=Path, help="a second frames TSV (e.g. the old one)")
    parser.add_argument("--show", action="store_true", help="print hits without a verdict")
    parser.add_argument("--quick", action="store_true", help="(the same run: it is quick)")
    args = parser.parse_args()
    from _result import emit, figure

    if not (SHARED / "data" / "basil-dev").is_dir() or not (SHARED / "seeds").is_dir():
        print("../shared data is absent")
        emit("frame_precision", [])
        return 0
    from analysis.compare.frames import default_frames, load_frames

    dictionaries = {"current dictionary": default_frames()}
    if args.compare:
        dictionaries[f"dictionary {args.compare.name}"] = load_frames(args.compare)
    judged = load_judgements()
    if args.draw or not judged:
        pool = [s for s in sentences() if any(hits(m, s[2]) for m in dictionaries.values())]
        sample = random.Random(21).sample(pool, min(args.sentences, len(pool)))
    else:
        keys = {(doc, k) for doc, k, _, _ in judged}
        sample = [s for s in sentences() if (s[0], s[1]) in keys]
    figures = []
    for name, matcher in dictionaries.items():
        right = wrong = 0
        missing: list[str] = []
        by_frame: dict[str, list[int]] = {}
        for doc, k, text in sample:
            for start, word, frame in hits(matcher, text):
                verdict = judged.get((doc, k, start, frame))
                if verdict is None:
                    missing.append(f"{doc}\t{k}\t{start}\t{word}\t{frame}\t?\t{text}")
                    continue
                ok = verdict == "yes"
                right += ok
                wrong += not ok
                by_frame.setdefault(frame, [0, 0])[0 if ok else 1] += 1
        total = right + wrong
        precision = right / total if total else 0.0
        print(f"{name}: {total} judged hits in {len(sample)} sentences, {right} right, "
              f"precision {precision:.3f}; {len(missing)} hits without a verdict")  # fmt: skip
        for frame, (r, w) in sorted(by_frame.items()):
            print(f"  {frame:<20} {r} right, {w} wrong")
        if args.show:
            print("\n".join(missing))
        figures.append(
            figure(
                f"frame hits judged right, {name} ({total} hits, {len(sample)} sentences)",
                f"{precision:.2f} ({right} of {total}; {len(missing)} unjudged)",
                value=round(precision, 4), target=None, passed=None,
            )
        )  # fmt: skip
    emit("frame_precision", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
