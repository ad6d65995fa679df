"""Does the bias estimate separate outlets, and is it calibrated?

Prints, for the sentence bias estimate exactly as ``framelens analyze`` computes it:

* its spread across outlets (:func:`analysis.tables.bias_spread`: the
  highest minus the lowest outlet mean of the outlets' own sentences, and
  the noise level it must exceed) on the seed articles, on every BASIL
  development story (fox, nyt, hpo) and on the BASIL stories pooled by outlet;
* its calibration on the BASIL and BABE development shares: the mean
  estimate against the share of sentences annotators marked (BASIL: a
  lexical-bias span; BABE: "Biased"), overall and in five bins of the
  estimate.  The coefficients (resources/lexicons/weights.tsv) are the mean
  of cross-validation fold models fitted on these shares, so the figures
  are close to in-sample: they show whether the scale means what it says,
  not how it generalises.

* with ``--fit-calibration PATH``: Platt scaling of the estimate on BASIL
  (whole news articles, the kind of text the app reads; BABE's sentences
  were sampled half biased and would set the wrong base rate): a 5-fold
  cross-validation by story fits an intercept and slope on the log-odds on
  four folds and measures the fifth; the mean of the five fits is written
  to PATH (resources/lexicons/calibration.tsv) with the held-out figures.

Usage::

    .venv/bin/python benchmarks/bias_separation.py [--data ../shared/data] [--seeds ../shared/seeds]
        [--fit-calibration resources/lexicons/calibration.tsv]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.model import Article, Corpus  # noqa: E402
from analysis.pipeline import analyze  # noqa: E402
from analysis.tables import bias_spread, outlet_table  # noqa: E402
from benchmarks.validity import Doc, load_babe, load_basil  # noqa: E402

BINS = (0.0, 0.05, 0.1, 0.2, 0.4, 1.01)


def _spread_line(name: str, corpus: Corpus) -> str:
    spread = bias_spread(corpus)
    means = {o: round(float(v), 3) for o, v in outlet_table(corpus)["bias"].items()}
    return (
        f"{name}: outlet means {means}; spread {spread.spread:.3f}, noise {spread.noise:.3f}, "
        f"separates: {spread.separates}"
    )


def basil_stories(data: Path) -> list[list[Article]]:
    """The BASIL development stories as articles, one list per triplet (outlet from the source)."""
    import json

    names = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}
    stories: dict[str, list[Article]] = {}
    for path in sorted((data / "basil-dev" / "articles").glob("*/*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(
            " ".join(p).strip() for p in raw["body-paragraphs"] if " ".join(p).strip()
        )
        outlet = names.get(raw["source"].lower(), raw["source"])
        stories.setdefault(raw["triplet-uuid"], []).append(
            Article(text=body, path=str(path), outlet=outlet, title=raw["title"].strip())
        )
    return list(stories.values())


def calibration(name: str, docs: Sequence[Doc]) -> list[str]:
    """Mean estimate against the annotated share, overall and per bin (engine sentences
    mapped to gold sentences as benchmarks/validity.py does)."""
    pairs = [(p, y) for p, y, _ in _pairs(docs)]
    mean = statistics.fmean(p for p, _ in pairs)
    marked = statistics.fmean(y for _, y in pairs)
    lines = [f"{name}: {len(pairs)} sentences, mean estimate {mean:.3f}, marked share {marked:.3f}"]
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(p, y) for p, y in pairs if lo <= p < hi]
        if inside:
            lines.append(
                f"  estimate {lo:.2f}-{min(hi, 1.0):.2f}: {len(inside):5d} sentences, "
                f"mean estimate {statistics.fmean(p for p, _ in inside):.3f}, "
                f"marked {statistics.fmean(y for _, y in inside):.3f}"
            )
    return lines


def _pairs(docs: Sequence[Doc]) -> list[tuple[float, int, str]]:
    """(estimate as the engine computes it, label, story) per gold sentence."""
    from analysis.score import analyze_article

    found = []
    for doc in docs:
        result = analyze_article(Article(text=doc.text, path="<calibration>"))
        for (s, e), label in zip(doc.sentences, doc.labels, strict=True):
            if label is not None:
                overlapping = [x.bias for x in result.sentences if x.start < e and s < x.end]
                found.append((max(overlapping, default=0.0), label, doc.group))
    return found


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def fit_platt(zs: Sequence[float], ys: Sequence[int], steps: int = 50) -> tuple[float, float]:
    """Intercept and slope of a logistic regression of ``ys`` on ``zs`` (Newton's method)."""
    a, b = 0.0, 1.0
    for _ in range(steps):
        ga = gb = haa = hab = hbb = 0.0
        for z, y in zip(zs, ys, strict=True):
            p = _sigmoid(a + b * z)
            w = p * (1 - p)
            ga += p - y
            gb += (p - y) * z
            haa += w
            hab += w * z
            hbb += w * z * z
        det = haa * hbb - hab * hab
        if det <= 1e-12:
            break
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    return a, b


def fit_calibration(data: Path, path: Path, k: int = 5, seed: int = 7) -> list[str]:
    """Cross-validated Platt scaling on BASIL; writes the mean fit to ``path``."""
    import random

    from analysis.bias import default_model

    a0, b0 = default_model().calibration
    pairs = _pairs(load_basil(data / "basil-dev"))
    # The engine's estimate with the shipped calibration undone: the model's log-odds.
    rows = [((_logit(p) - a0) / b0, y, g) for p, y, g in pairs]
    stories = sorted({g for _, _, g in rows})
    random.Random(seed).shuffle(stories)
    fold_of = {g: i % k for i, g in enumerate(stories)}
    fits, lines = [], []
    held: list[tuple[float, float, int]] = []
    for fold in range(k):
        train = [(z, y) for z, y, g in rows if fold_of[g] != fold]
        a, b = fit_platt([z for z, _ in train], [y for _, y in train])
        fits.append((a, b))
        held += [(_sigmoid(z), _sigmoid(a + b * z), y) for z, y, g in rows if fold_of[g] == fold]
    raw = statistics.fmean(r for r, _, _ in held)
    cal = statistics.fmean(c for _, c, _ in held)
    marked = statistics.fmean(y for _, _, y in held)
    brier_raw = statistics.fmean((r - y) ** 2 for r, _, y in held)
    brier_cal = statistics.fmean((c - y) ** 2 for _, c, y in held)
    lines.append(
        f"BASIL held-out ({k} folds by story): marked share {marked:.3f}; mean estimate "
        f"uncalibrated {raw:.3f}, calibrated {cal:.3f}; Brier {brier_raw:.4f} -> {brier_cal:.4f}"
    )
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(c, y) for _, c, y in held if lo <= c < hi]
        if inside:
            lines.append(
                f"  calibrated {lo:.2f}-{min(hi, 1.0):.2f}: {len(inside):5d} sentences, "
                f"mean estimate {statistics.fmean(c for c, _ in inside):.3f}, "
                f"marked {statistics.fmean(y for _, y in inside):.3f}"
            )
    a = statistics.fmean(f[0] for f in fits)
    b = statistics.fmean(f[1] for f in fits)
    path.write_text(
        "# Calibration of the sentence bias estimate (analysis/bias/model.py,\n"
        "# BiasModel.calibration).\n"
        "# provenance: Platt scaling on the BASIL development share (Fan et al. 2019, research\n"
        f"# use): the mean of the {k} fits of a {k}-fold cross-validation by story "
        "(benchmarks/bias_separation.py --fit-calibration).\n"
        f"# {lines[0]}\n"
        "# Licence: numbers measured by the FrameLens developers (MIT, like the code).\n"
        "group\tname\tvalue\n"
        f"calibration\tintercept\t{a:.5f}\ncalibration\tslope\t{b:.5f}\n",
        encoding="utf-8",
    )
    lines.append(f"wrote {path}: intercept {a:.4f}, slope {b:.4f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--no-calibration", action="store_true")
    parser.add_argument("--fit-calibration", type=Path, help="write the calibration here")
    args = parser.parse_args(argv)
    if args.fit_calibration:
        for line in fit_calibration(args.data, args.fit_calibration):
            print(line)
        return 0

    seeds = analyze(sorted(args.seeds.glob("*.txt")), workers=1)
    print(_spread_line("seeds", seeds))
    stories = basil_stories(args.data)
    spreads = []
    separated = 0
    pooled = []
    for articles in stories:
        corpus = analyze(articles, workers=1)
        pooled.extend(corpus.articles)
        spread = bias_spread(corpus)
        spreads.append(spread.spread)
        separated += spread.separates
    print(
        f"BASIL stories: {len(stories)}; the estimate separates the outlets in {separated}; "
        f"spread median {statistics.median(spreads):.3f}, largest {max(spreads):.3f}"
    )
    print(_spread_line("BASIL pooled by outlet", Corpus(articles=tuple(pooled))))
    if not args.no_calibration:
        for line in calibration("BASIL", load_basil(args.data / "basil-dev")):
            print(line)
        for line in calibration("BABE", load_babe(args.data / "babe-dev.csv")):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
