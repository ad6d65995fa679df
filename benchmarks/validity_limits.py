"""What limits the validity figures: coverage, cut-offs and the pooled fit.

Three measurements over the development shares that ``benchmarks/validity.py``
reads, each printed per dataset:

* **coverage** (shipped weights, whole share): the word tokens under a
  loaded term, under a rated TextBlob word only, or under no candidate at
  all, split by gold label. Tokens under no candidate cannot be found by
  re-weighting; only new candidates reach them.
* **cut-offs** (``--cv``-style folds): the held-out word F1 of the fold
  models as fitted, and the best it gets when the word and term cut-offs
  are shifted for each dataset on its held-out folds themselves. That is
  an upper bound on what per-dataset cut-offs could add.
* **alone**: the held-out figures of models fitted on one dataset only,
  against the pooled fit of ``validity.py --cv``.

Usage::

    .venv/bin/python benchmarks/validity_limits.py [--data DIR] [--seed 7 11 13]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from collections.abc import Sequence
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


def coverage(
    docs: Sequence[Any], sents: Sequence[Any], model: BiasModel
) -> Counter[tuple[str, bool]]:
    """Word tokens by the candidate over them ("term", "word" or "none") and gold label.

    A token under a loaded term counts as "term" even when a rated word
    covers it too; "word" is a token under a rated TextBlob word only.
    """
    by_doc: dict[int, list[Any]] = {}
    for s in sents:
        by_doc.setdefault(s.doc, []).append(s)
    found: Counter[tuple[str, bool]] = Counter()
    for d, doc_sents in by_doc.items():
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


def cut_offs(
    docs: Sequence[Any], sents: Sequence[Any], seed: int
) -> dict[str, tuple[float, float, float, float]]:
    """Per dataset: the held-out word F1 as fitted, the best over SHIFTS, and that best's
    word and term shifts (means over the folds of one split)."""
    fold_of = validity.folds(docs, FOLDS, seed)
    names = list(dict.fromkeys(d.dataset for d in docs))
    f1: dict[tuple[str, float, float], float] = {}
    for fold in range(FOLDS):
        model = validity.fit_model(
            docs, [s for s in sents if fold_of[s.doc] != fold], f"fold {fold}"
        )
        for name in names:
            part = [s for s in sents if fold_of[s.doc] == fold and docs[s.doc].dataset == name]
            for dw, dt in itertools.product(SHIFTS, SHIFTS):
                row = validity.evaluate_model(docs, part, shifted(model, dw, dt)).row()
                f1[(name, dw, dt)] = f1.get((name, dw, dt), 0.0) + row[2] / FOLDS
    out = {}
    for name in names:
        best, dw, dt = max((f, w, t) for (n, w, t), f in f1.items() if n == name)
        out[name] = (f1[(name, 0.0, 0.0)], best, dw, dt)
    return out


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
        for name, (fitted, best, dw, dt) in cut_offs(all_docs, all_sents, seed).items():
            print(
                f"{name:8} as fitted {fitted:.4f}; best per-dataset cut-offs {best:.4f} "
                f"(word {dw:+.2f}, term {dt:+.2f} logits)",
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
