"""Print a sample of aligned groups to judge by hand: do they report the same fact?

Procedure (the one behind the precision in the README):

1. Corpora: the four seed articles (../shared/seeds) as one corpus, and the
   first ``--triplets`` BASIL triplets (../shared/data/basil-dev, sorted by
   triplet id; Fox News, New York Times and HuffPost on the same event) as one
   corpus per triplet, each article's text being its body paragraphs.
2. Each corpus is analysed (analysis.pipeline.analyze) and compared
   (analysis.compare.compare) at ``--threshold``.
3. ``--sample`` groups are drawn at random (seeded, so the same sample comes
   out every time) from all groups, and printed with their similarity and
   member sentences.
4. A person reads each group and counts it correct when every member reports
   the same fact or event (wording may differ; a member that only shares the
   topic makes the group wrong). Precision = correct / judged.

Nothing is written: the article texts stay in ../shared.

    .venv/bin/python benchmarks/align_precision.py --threshold 0.3 --sample 40
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def basil_triplets(data_dir: Path, count: int) -> list[list[object]]:
    """Articles of the first ``count`` BASIL triplets (sorted by triplet id)."""
    from analysis.model import Article

    triplets: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for path in sorted((data_dir / "basil-dev" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        triplets.setdefault(str(record["triplet-uuid"]), []).append((str(path), record))
    result: list[list[object]] = []
    for key in sorted(triplets)[:count]:
        articles: list[object] = []
        for path, record in sorted(triplets[key]):
            paragraphs = record["body-paragraphs"]
            assert isinstance(paragraphs, list)
            text = "\n\n".join(" ".join(p) for p in paragraphs)
            outlet = BASIL_OUTLETS.get(str(record["source"]), str(record["source"]))
            articles.append(Article(text=text, path=path, outlet=outlet, outlet_source="user"))
        result.append(articles)
    return result


def seed_paths() -> list[str]:
    return [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--triplets", type=int, default=10)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from analysis.compare import DEFAULT_THRESHOLD, compare
    from analysis.pipeline import analyze

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    corpora = [analyze(seed_paths(), workers=1)]
    corpora += [analyze(t, workers=1) for t in basil_triplets(SHARED / "data", args.triplets)]  # type: ignore[arg-type]
    groups = []
    for n, corpus in enumerate(corpora):
        comparison = compare(corpus, threshold=threshold)
        groups += [(n, g) for g in comparison.groups]
    print(f"threshold {threshold}: {len(groups)} groups in {len(corpora)} corpora")
    sample = random.Random(args.seed).sample(groups, min(args.sample, len(groups)))
    for k, (n, group) in enumerate(sample, start=1):
        name = "seeds" if n == 0 else f"basil triplet {n}"
        shared = f", shared figure {', '.join(group.anchors)}" if group.anchors else ""
        print(f"\n#{k} ({name}, similarity {group.similarity:.2f}{shared})")
        for outlet, member in zip(group.outlets, group.members, strict=True):
            print(f"  [{outlet}] {member.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
