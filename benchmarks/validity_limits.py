"""What limits the validity figures: coverage, cut-offs and the pooled fit.

Four measurements over the development shares that ``benchmarks/validity.py``
reads, each printed per dataset:

* **coverage** (shipped weights, whole share): the word tokens under a
  loaded term, under a rated TextBlob word only, or under no candidate at
  all, split by gold label. Tokens under no candidate cannot be found by
  re-weighting; only new candidates reach them.
* **cut-offs** (``--cv``-style folds): the held-out word F1 of the fold
  models as fitted, and the best it gets when the word and term cut-offs
  are shifted for each dataset on its held-out folds themselves. That is
  an upper bound on what per-dataset cut-offs could add.
* **vocabulary** (same folds): the best held-out word F1 when, besides the
  fold model's highlights, every word that the annotators of the same
  dataset marked in at least a given share of its uses in the training
  folds is highlighted: what learning a vocabulary from the annotations,
  which FrameLens may not ship, would add.
* **alone**: the held-out figures of models fitted on one dataset only,
  against the pooled fit of ``validity.py --cv``.

Usage::

    .venv/bin/python benchmarks/validity_limits.py [--data DIR] [--seed 7 11 13]
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for _path in (REPO, HERE):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import validity  # noqa: E402  (benchmarks/validity.py)

from analysis.bias import BiasModel, default_model  # noqa: E402
from analysis.lexicon import default_lexicon  # noqa: E402

#: Shifts (in logits) of the word and term cut-offs tried on the held-out folds.
SHIFTS: tuple[float, ...] = (-1.5, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 1.5)
FOLDS = 5
#: Shares of annotated uses from which :func:`vocabulary` highlights a word.
RATES: tuple[float, ...] = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8)
#: Uses without a mark that :func:`word_rates` adds to every word, so that a
#: word seen once and marked does not count as always marked.
VOCABULARY_PRIOR = 2.0


def coverage(
    docs: Sequence[Any], sents: Sequence[Any], model: BiasModel
) -> Counter[tuple[str, bool]]:
    """Word tokens by the candidate over them ("term", "word" or "none") and gold label.

    A token under a loaded term counts as "term" even when a rated word
    covers it too; "word" is a token under a rated TextBlob word only.
    """
    found: Counter[tuple[str, bool]] = Counter()
    for d, doc_sents in validity.by_doc(sents).items():
        marks = [h for s in doc_sents for h in validity.evidence(docs[d], s, model)[1]]
        for start, end, gold in validity.tokens(docs[d]):
            over = {h.kind for h in marks if h.start < end and start < h.end}
            kind = "term" if "loaded" in over else "word" if over else "none"
            found[(kind, gold)] += 1
    return found


def shifted(model: BiasModel, word: float, term: float) -> BiasModel:
    """``model`` with its word and term cut-offs moved by ``word`` and ``term`` logits
    (a positive shift marks more)."""
    return replace(
        model,
        word=(model.word[0] + word, *model.word[1:]),
        term=(model.term[0] + term, *model.term[1:]),
    )


def fold_models(
    docs: Sequence[Any], sents: Sequence[Any], seed: int
) -> tuple[list[int], list[BiasModel]]:
    """The fold of each doc and the model of each fold (fitted on the other folds),
    as ``validity.py --cv`` cuts and fits them."""
    fold_of = validity.folds(docs, FOLDS, seed)
    models = [
        validity.fit_model(
            docs, [s for s in sents if fold_of[s.doc] != fold], f"fold {fold}", validity.tokens
        )
        for fold in range(FOLDS)
    ]
    return fold_of, models


def _held_out(
    docs: Sequence[Any], sents: Sequence[Any], fold_of: Sequence[int], fold: int, name: str
) -> list[Any]:
    return [s for s in sents if fold_of[s.doc] == fold and docs[s.doc].dataset == name]


def cut_offs(
    docs: Sequence[Any], sents: Sequence[Any], fold_of: Sequence[int], models: Sequence[BiasModel]
) -> dict[str, tuple[float, float, float, float]]:
    """Per dataset: the held-out word F1 as fitted, the best over SHIFTS, and that best's
    word and term shifts (means over the folds of one split)."""
    names = list(dict.fromkeys(d.dataset for d in docs))
    f1: dict[tuple[str, float, float], float] = {}
    for fold, model in enumerate(models):
        for name in names:
            part = _held_out(docs, sents, fold_of, fold, name)
            for dw, dt in itertools.product(SHIFTS, SHIFTS):
                row = validity.evaluate_model(docs, part, shifted(model, dw, dt)).row()
                f1[(name, dw, dt)] = f1.get((name, dw, dt), 0.0) + row[2] / FOLDS
    out = {}
    for name in names:
        best, dw, dt = max((f, w, t) for (n, w, t), f in f1.items() if n == name)
        out[name] = (f1[(name, 0.0, 0.0)], best, dw, dt)
    return out


def word_rates(docs: Sequence[Any], rows: Iterable[int]) -> dict[str, float]:
    """Each word's share of annotated uses in ``docs[rows]``, shrunk toward 0 by
    VOCABULARY_PRIOR uses: what a model learning its vocabulary from the
    annotations would know."""
    uses: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for d in rows:
        text = docs[d].text
        for start, end, gold in validity.tokens(docs[d]):
            word = text[start:end].lower()
            uses[word] += 1
            marked[word] += gold
    return {w: marked[w] / (n + VOCABULARY_PRIOR) for w, n in uses.items() if marked[w]}


def vocabulary(
    docs: Sequence[Any], sents: Sequence[Any], fold_of: Sequence[int], models: Sequence[BiasModel]
) -> dict[str, tuple[float, float]]:
    """Per dataset: the best held-out word F1 when, besides the fold model's
    highlights, every word whose rate in the same dataset's training folds
    (:func:`word_rates`) reaches one of RATES is highlighted, and that rate
    (inf: adding no word was best; ties go to the higher rate).

    FrameLens cannot ship such a vocabulary (BASIL has no licence, BABE is
    AGPL); this measures what it would add."""
    names = list(dict.fromkeys(d.dataset for d in docs))
    f1: dict[tuple[str, float], float] = {}
    for fold, model in enumerate(models):
        for name in names:
            train = sorted(
                {s.doc for s in sents if fold_of[s.doc] != fold and docs[s.doc].dataset == name}
            )
            rates = word_rates(docs, train)
            # Per held-out doc: the fold model's highlights, and each word's rate.
            found = []
            for d, doc_sents in validity.by_doc(
                _held_out(docs, sents, fold_of, fold, name)
            ).items():
                marks = [h for s in doc_sents for h in validity.evidence(docs[d], s, model)[1]]
                spans = [(h.start, h.end) for h in marks if h.weight >= validity.THRESHOLD]
                words = [
                    (start, end, rates.get(docs[d].text[start:end].lower(), 0.0))
                    for start, end, _ in validity.tokens(docs[d])
                ]
                found.append((docs[d], spans, words))
            for rate in (*RATES, math.inf):
                tp = fp = fn = 0
                for doc, spans, words in found:
                    added = [(start, end) for start, end, r in words if r >= rate]
                    counts = validity.token_counts(doc, spans + added)
                    tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
                f1[(name, rate)] = f1.get((name, rate), 0.0) + validity.prf(tp, fp, fn)[2] / FOLDS
    return {name: max((f, r) for (n, r), f in f1.items() if n == name) for name in names}


def main(argv: Sequence[str] | None = None, out: Any = sys.stdout) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, nargs="+", default=[7], help="fold splits")
    parser.add_argument(
        "--limit", type=int, default=None, help="use only the first N docs of each dataset"
    )
    args = parser.parse_args(argv)
    datasets = {
        "BABE": validity.load_babe(args.data / "babe-dev.csv", args.limit),
        "BASIL": validity.load_basil(args.data / "basil-dev", args.limit),
    }
    lexicon = default_lexicon()
    prepared = {name: validity.prepare(docs, lexicon) for name, docs in datasets.items()}

    print("Coverage of the gold tokens (shipped weights, whole share)", file=out)
    print(f"{'dataset':8} {'under':6} {'gold':>7} {'not gold':>9}", file=out)
    for name, docs in datasets.items():
        found = coverage(docs, prepared[name], default_model())
        for kind in ("term", "word", "none"):
            print(f"{name:8} {kind:6} {found[(kind, True)]:7} {found[(kind, False)]:9}", file=out)

    all_docs, all_sents = validity.pool(datasets, prepared)
    for seed in args.seed:
        print(f"\nHeld-out word F1, {FOLDS}-fold split of seed {seed}", file=out)
        fold_of, models = fold_models(all_docs, all_sents, seed)
        for name, (fitted, best, dw, dt) in cut_offs(all_docs, all_sents, fold_of, models).items():
            print(
                f"{name:8} as fitted {fitted:.4f}; best per-dataset cut-offs {best:.4f} "
                f"(word {dw:+.2f}, term {dt:+.2f} logits)",
                file=out,
            )
        for name, (best, rate) in vocabulary(all_docs, all_sents, fold_of, models).items():
            added = (
                "no word added" if rate == math.inf else f"words marked in >= {rate:.2f} of uses"
            )
            print(
                f"{name:8} with a vocabulary learned from {name}'s training folds: "
                f"best {best:.4f} ({added})",
                file=out,
            )
        for name in datasets:
            docs, sents = validity.pool({name: datasets[name]}, {name: prepared[name]})
            rows = validity.cross_validate(docs, sents, FOLDS, seed)[1][name]
            mean = [sum(r[i] for r in rows) / len(rows) for i in range(4)]
            print(
                f"{name:8} fitted on {name} alone: P {mean[0]:.4f} R {mean[1]:.4f} "
                f"F1 {mean[2]:.4f} AUC {mean[3]:.4f}",
                file=out,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
