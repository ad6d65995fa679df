"""Sentence boundaries against BASIL's, and the page furniture found in real texts.

1. Boundaries. BASIL (../shared/data/basil-dev) gives every article as
   paragraphs of sentences. Each article's text is its paragraphs joined as
   ``basil_stories.py`` writes them; a gold boundary is the end of a BASIL
   sentence, a found one the end of a sentence of
   :func:`analysis.segment.sentence_spans`. Precision and recall are counted
   twice: for every boundary, and for the boundaries outside quotations
   (BASIL keeps some multi-sentence quotations whole and splits others;
   FrameLens keeps a quotation of up to 400 characters whole, so that its
   speaker stays with it). Years 2010-2014 were used while writing the rules;
   2016 and 2018 were not looked at (held out).
2. Furniture. :func:`analysis.cleanup.clean` on BASIL's bodies (with their
   titles), on the 840 texts of ../shared/data/polnear-train/text and on the
   four seeds: spans per kind and headlines found. ``--show N`` prints N
   spans drawn at random (seeded) from PolNeAR for a person to judge.

    .venv/bin/python benchmarks/cleanup_quality.py [--show 40]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _result import emit, figure  # noqa: E402

SHARED = REPO.parent / "shared"
TUNE_YEARS = ("2010", "2012", "2014")
HELD_OUT_YEARS = ("2016", "2018")


def _basil(years: tuple[str, ...]) -> list[tuple[str, set[int], str]]:
    """(text, gold boundary offsets, title) per BASIL article of ``years``."""
    out = []
    for year in years:
        for path in sorted((SHARED / "data" / "basil-dev" / "articles" / year).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            text = ""
            gold: set[int] = set()
            paragraphs = [p for p in record["body-paragraphs"] if " ".join(p).strip()]
            for i, paragraph in enumerate(paragraphs):
                if i:
                    text += "\n\n"
                for j, sentence in enumerate(paragraph):
                    if j:
                        text += " "
                    text += sentence
                    gold.add(len(text.rstrip()))
            out.append((text, gold, str(record["title"])))
    return out


def boundaries(years: tuple[str, ...]) -> dict[str, float]:
    from analysis.lexicon import quote_regions
    from analysis.segment import sentence_spans

    counts = Counter[str]()
    for text, gold, _ in _basil(years):
        found = {end for _, end in sentence_spans(text)}
        closed = [(s, e) for s, e in quote_regions(text) if text[e - 1 : e] in '\u201d"']

        def outside(p: int, closed: list[tuple[int, int]] = closed) -> bool:
            return not any(s < p < e - 1 for s, e in closed)

        for name, keep in (("all", lambda p: True), ("outside", outside)):
            g = {p for p in gold if keep(p)}
            f = {p for p in found if keep(p)}
            counts[name + " tp"] += len(g & f)
            counts[name + " fp"] += len(f - g)
            counts[name + " fn"] += len(g - f)
    result: dict[str, float] = {}
    for name in ("all", "outside"):
        tp, fp, fn = counts[name + " tp"], counts[name + " fp"], counts[name + " fn"]
        result[name + " precision"] = tp / max(1, tp + fp)
        result[name + " recall"] = tp / max(1, tp + fn)
    return result


def furniture(show: int) -> list[dict[str, object]]:
    from analysis.cleanup import clean

    figures = []
    corpora = {
        "BASIL bodies (150)": [(t, title) for t, _, title in _basil(TUNE_YEARS + HELD_OUT_YEARS)],
        "PolNeAR texts (840)": [
            (p.read_text(encoding="utf-8", errors="replace"), "")
            for p in sorted((SHARED / "data" / "polnear-train" / "text").glob("*.txt"))
        ],
        "seeds (4)": [
            (p.read_text(encoding="utf-8").strip(), "")
            for p in sorted((SHARED / "seeds").glob("0*.txt"))
        ],
    }
    sample: list[str] = []
    for name, texts in corpora.items():
        kinds = Counter[str]()
        titles = authors = 0
        for text, title in texts:
            found = clean(text, title=title)
            kinds.update(f.kind for f in found.furniture)
            titles += bool(found.headline)
            authors += bool(found.author)
            if name.startswith("PolNeAR"):
                sample += [f"[{f.kind}] {text[f.start : f.end][:160]!r}" for f in found.furniture]
        measured = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"
        figures.append(
            figure(
                f"furniture spans in {name}",
                f"{sum(kinds.values())} ({measured}); headline in text {titles}, "
                f"byline author {authors}",
                value=sum(kinds.values()),
            )
        )
    if show:
        for line in random.Random(7).sample(sample, min(show, len(sample))):
            print(line)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N PolNeAR spans to judge")
    args = parser.parse_args()
    if not (SHARED / "data").is_dir():
        print(f"{SHARED / 'data'} is absent: nothing to measure", file=sys.stderr)
        return 1
    figures = []
    for label, years in (
        ("2010-2014, used for tuning", TUNE_YEARS),
        ("2016-2018, held out", HELD_OUT_YEARS),
    ):
        r = boundaries(years)
        figures.append(
            figure(
                f"BASIL sentence boundaries outside quotations, {label}",
                f"precision {r['outside precision']:.3f}, recall {r['outside recall']:.3f}",
                value=round(r["outside precision"], 3),
            )
        )
        figures.append(
            figure(
                f"BASIL sentence boundaries, all, {label}",
                f"precision {r['all precision']:.3f}, recall {r['all recall']:.3f}",
                value=round(r["all precision"], 3),
            )
        )
    figures += furniture(args.show)
    for f in figures:
        print(f"{f['figure']}: {f['measured']}")
    emit("cleanup_quality", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
