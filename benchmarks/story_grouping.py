"""Story grouping: are 150 articles on 50 events grouped into their 50 stories?

The test set is built at run time in a temporary folder with
../shared/tools/basil_stories.py from ../shared/data/basil-dev: 50 BASIL
triplets (Fox News, The New York Times, HuffPost on one event), 150 plain-text
articles in one folder (one subfolder per triplet, which only the scorer
reads). ``compare()`` groups them into stories (analysis/compare/stories.py);
the figure is the F1 of same-story article pairs against the triplets.

The story threshold was chosen on the stories of 2010, 2012 and 2014
("tuning", 30 stories); the stories of 2016 and 2018 ("held out", 20
stories) were not looked at while tuning. Pair F1 is reported on all 150,
on pairs within the tuning years and on pairs within the held-out years.
Also: whether the four seed articles (../shared/seeds) form one story, alone
and mixed into the 150; how many aligned groups mix different events with
stories and without (``story_threshold=0``: one story for all); and how long
``compare()`` takes on the first 50 articles (median of ``--repeat``).

    .venv/bin/python benchmarks/story_grouping.py [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
SHARED = REPO.parent / "shared"
TUNING_YEARS = ("2010", "2012", "2014")


def pair_scores(
    predicted: dict[str, str], gold: dict[str, str], keys: list[str]
) -> tuple[float, float, float]:
    """Precision, recall and F1 of same-story pairs among ``keys``."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(keys, 2):
        same, together = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same and together
        fp += together and not same
        fn += same and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="no seeds-mixed run, time once")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from _result import emit, figure

    articles_dir = SHARED / "data" / "basil-dev" / "articles"
    seeds = sorted((SHARED / "seeds").glob("0*.txt"))
    if not articles_dir.is_dir() or not seeds:
        print(f"{articles_dir} or the seeds are absent")
        emit("story_grouping", [])
        return 0

    from analysis.compare import compare
    from analysis.compare.stories import find_stories
    from analysis.pipeline import analyze

    year = {}
    for f in articles_dir.glob("*/*.json"):
        year[json.loads(f.read_text(encoding="utf-8"))["triplet-uuid"]] = f.parent.name
    figures = []
    with tempfile.TemporaryDirectory(prefix="framelens-stories-") as tmp:
        out = Path(tmp) / "basil"
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "basil_stories.py"), str(articles_dir),
             str(out)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        corpus = analyze([str(out)])
        paths = [a.article.path for a in corpus.articles]
        gold = {p: Path(p).parent.name for p in paths}
        print(f"{len(paths)} articles, {len(set(gold.values()))} stories")

        start = time.perf_counter()
        stories = find_stories(corpus.articles)
        grouping_s = time.perf_counter() - start
        predicted = {paths[i]: s.id for s in stories for i in s.articles}
        tuning = [p for p in paths if year[gold[p]] in TUNING_YEARS]
        held = [p for p in paths if year[gold[p]] not in TUNING_YEARS]
        rows = {
            "all 150": pair_scores(predicted, gold, paths),
            f"tuning ({len(tuning)} articles, 2010-2014)": pair_scores(predicted, gold, tuning),
            f"held out ({len(held)} articles, 2016-2018)": pair_scores(predicted, gold, held),
        }
        print(f"{len(stories)} stories found in {grouping_s:.3f} s")
        for name, (p, r, f1) in rows.items():
            print(f"  {name}: pair precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")
            figures.append(
                figure(
                    f"same-story article pairs, {name}: F1 (precision, recall)",
                    f"{f1:.3f} ({p:.3f}, {r:.3f})",
                    value=round(f1, 4), target=">= 0.95", passed=f1 >= 0.95,
                )
            )  # fmt: skip
        for s in stories:
            labels = sorted({gold[paths[i]][:8] for i in s.articles})
            if len(labels) > 1 or len(s.articles) != 3:
                print(f"  {s.id} ({len(s.articles)} articles, gold {', '.join(labels)}): {s.title}")

        seed_corpus = analyze([str(p) for p in seeds])
        seed_stories = find_stories(seed_corpus.articles)
        figures.append(
            figure(
                "the four seed articles, alone: stories", str(len(seed_stories)),
                value=len(seed_stories), target="1", passed=len(seed_stories) == 1,
            )
        )  # fmt: skip
        if not args.quick:
            mixed = find_stories(corpus.articles + seed_corpus.articles)
            n = len(corpus.articles)
            holding = {s.id for s in mixed for i in s.articles if i >= n}
            together = len(holding) == 1 and all(
                i >= n for s in mixed if s.id in holding for i in s.articles
            )
            figures.append(
                figure(
                    "the seeds mixed into the 150: one story of their own",
                    "yes" if together else f"no ({len(holding)} stories hold seeds)",
                    target="yes", passed=together,
                )
            )  # fmt: skip

        with_stories = compare(corpus)
        without = compare(corpus, story_threshold=0)
        for name, c in (("with stories", with_stories), ("one story for all", without)):
            mixing = sum(
                1 for g in c.groups if len({gold[paths[m.article]] for m in g.members}) > 1
            )
            print(f"  groups mixing events, {name}: {mixing} of {len(c.groups)}")
            figures.append(
                figure(
                    f"aligned groups mixing different events, {name}",
                    f"{mixing} of {len(c.groups)}", value=mixing,
                    target="0" if name == "with stories" else None,
                    passed=(mixing == 0) if name == "with stories" else None,
                )
            )  # fmt: skip

        fifty = analyze(paths[:50])
        compare(fifty)  # warm-up
        timings: dict[str, list[tuple[float, float]]] = {"stories": [], "one story": []}
        for _ in range(1 if args.quick else args.repeat):
            for name, threshold in (("stories", None), ("one story", 0.0)):
                wall, cpu = time.perf_counter(), time.process_time()
                compare(fifty, story_threshold=threshold)
                timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))
        median = {n: statistics.median(w for w, _ in t) for n, t in timings.items()}
        cpu_median = {n: statistics.median(c for _, c in t) for n, t in timings.items()}
        print(
            f"compare() on 50 articles: with stories {median['stories']:.3f} s "
            f"(CPU {cpu_median['stories']:.3f} s), one story for all {median['one story']:.3f} s "
            f"(CPU {cpu_median['one story']:.3f} s), median of {len(timings['stories'])}"
        )
        figures.append(
            figure(
                f"compare() on 50 articles with story grouping (median of "
                f"{len(timings['stories'])}; CPU time; without grouping in brackets)",
                f"{median['stories']:.2f} s (CPU {cpu_median['stories']:.2f} s; without "
                f"{median['one story']:.2f} s, CPU {cpu_median['one story']:.2f} s)",
                value=round(median["stories"], 3), unit="s",
                target="< 2 s", passed=median["stories"] < 2.0,
            )
        )  # fmt: skip
    emit("story_grouping", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
