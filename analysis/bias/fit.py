"""The fitter of the bias model: coefficients from expert annotations.

:func:`fit_model` fits the word, term and sentence coefficients of
:class:`~analysis.bias.model.BiasModel` on annotated sentences (training
folds only); :func:`average_models` averages fold models into the model
that ships (resources/lexicons/weights.tsv, written by
:func:`~analysis.bias.model.write_weights`).  ``benchmarks/validity.py
--fit`` loads the annotated data (BABE, BASIL), splits it into folds, calls
these and measures the held-out folds; nothing is fitted or tuned against a
whole share.  Fitting needs numpy and scipy (the test extras).

The features are computed by the same functions :func:`sentence_evidence`
uses (:func:`~analysis.bias.features.word_context`, ``_rating``), so fitting
and the app agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from analysis.bias.evidence import CONTEXT_MIN, _last_word, _rating, sentence_evidence
from analysis.bias.features import EVIDENCE_FEATURES, FEATURES, bias_features, word_context
from analysis.bias.model import (
    CATEGORY_CONTEXT,
    TERM_COEFS,
    TERM_NONNEG,
    WORD_NONNEG,
    BiasModel,
)
from analysis.lexicon import CATEGORY_IDS, LexiconMatch
from analysis.model import Assessment

__all__ = [
    "INNER_FOLDS",
    "SENTENCE_L2",
    "SHRINK",
    "TrainingSentence",
    "TrainingText",
    "average_models",
    "fit_model",
    "prf",
]

#: A token of an annotated text: start, end and whether annotators marked it.
Token = tuple[int, int, bool]


class TrainingText(Protocol):
    """An annotated text: its words, the group that keeps it in one fold (a
    BASIL triplet, a BABE sentence) and the dataset it comes from."""

    text: str
    group: str
    dataset: str


@dataclass(frozen=True)
class TrainingSentence:
    """One annotated sentence with the raw inputs of the bias formulas."""

    doc: int  # index of its text
    start: int
    end: int
    label: int | None  # None: no usable sentence label
    subjectivity: float
    polarity: float
    assessments: tuple[Assessment, ...]
    matches: tuple[LexiconMatch, ...]


#: Pseudo-observations that pull a term's learned weight toward its category's.
SHRINK = 5.0
#: Inner folds (by group, inside the training folds) for choosing the highlight
#: cut-offs on per-term shifts that were learned without the candidate's own text.
INNER_FOLDS = 4
#: L2 penalty of the sentence model: its 27 features are correlated (the
#: evidence features all grow with the highlights), and a firmer penalty ranked
#: held-out sentences better than 0.3 over three fold seeds.
SENTENCE_L2 = 1.0


def _fit_logistic(
    x: Sequence[Sequence[float]],
    y: Sequence[float],
    *,
    nonneg: Sequence[bool],
    l2: float = 1.0,
    sample_weight: Sequence[float] | None = None,
    strata: Sequence[str] | None = None,
) -> list[float]:
    """Logistic regression (intercept first) with optional non-negative coefficients.

    ``strata`` (e.g. the dataset of each row) get an intercept each while
    fitting, so that datasets with different base rates do not bend the
    slopes; the intercept returned is the mean of theirs.
    """
    import numpy as np
    from scipy.optimize import minimize

    xa = np.asarray(x, dtype=float)
    levels = sorted(set(strata)) if strata is not None else []
    if strata is not None and len(levels) > 1:
        extra = np.asarray([[float(s == lv) for lv in levels[1:]] for s in strata])
        xa = np.hstack([xa, extra])
        nonneg = [*nonneg, *([False] * (len(levels) - 1))]
    ya = np.asarray(y, dtype=float)
    wa = np.ones(len(ya)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    wa = wa / wa.sum() * len(ya)
    n, k = xa.shape
    design = np.hstack([np.ones((n, 1)), xa])

    def loss(beta: Any) -> tuple[float, Any]:
        z = design @ beta
        # log(1 + e^z) - y z, computed stably
        nll = np.sum(wa * (np.logaddexp(0.0, z) - ya * z))
        p = 1.0 / (1.0 + np.exp(-z))
        grad = design.T @ (wa * (p - ya))
        reg = l2 * np.sum(beta[1:] ** 2) / 2
        grad[1:] += l2 * beta[1:]
        return float(nll + reg), grad

    bounds = [(None, None)] + [((0.0, None) if nn else (None, None)) for nn in nonneg]
    result = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    beta = [float(v) for v in result.x]
    if strata is not None and len(levels) > 1:
        shifts = [0.0, *beta[k + 2 - len(levels) :]]
        beta = beta[: k + 2 - len(levels)]
        beta[0] += sum(shifts) / len(shifts)
    return beta


def _items(
    docs: Sequence[TrainingText],
    sents: Sequence[TrainingSentence],
    token_labels: Callable[[Any], list[Token]],
) -> tuple[list[Any], list[Any], dict[int, list[Token]]]:
    """Candidate highlights with their raw features and the tokens they cover.

    The features are computed by the same functions sentence_evidence uses
    (analysis.bias.word_context and _rating), so fitting and the app agree.
    """
    toks = {d: token_labels(docs[d]) for d in {s.doc for s in sents}}
    word_items = []
    term_items = []
    for s in sents:
        text = docs[s.doc].text
        doc_toks = toks[s.doc]
        inside = [m for m in s.matches if m.start >= s.start and m.end <= s.end]
        rated = [
            a for a in s.assessments if a.start >= s.start and a.end <= s.end and a.subjectivity > 0
        ]
        strong = sum(1 for m in inside if m.weight >= CONTEXT_MIN and not m.quoted)
        for a in rated:
            hs, he, _ = _last_word(text, a.start, a.end)
            cover = [i for i, (ts, te, _) in enumerate(doc_toks) if ts < he and hs < te]
            gold = any(doc_toks[i][2] for i in cover)
            shape = word_context(
                text,
                s.start,
                s.end,
                hs,
                he,
                negated=a.negated,
                intensified=bool(a.intensifier),
            )
            features = (a.subjectivity, abs(a.polarity), math.log1p(strong), *shape)
            word_items.append((features, gold, s.doc, cover))
        for m in inside:
            ctx = math.log1p(strong - (1 if m.weight >= CONTEXT_MIN and not m.quoted else 0))
            cover = [i for i, (ts, te, _) in enumerate(doc_toks) if ts < m.end and m.start < te]
            gold = any(doc_toks[i][2] for i in cover)
            cat = m.category if m.category in CATEGORY_IDS else "custom"
            shape = word_context(
                text,
                s.start,
                s.end,
                m.start,
                m.end,
                quoted=m.quoted,
                negated=m.negated,
            )
            subj, pol = _rating(rated, m.start, m.end)
            row = (_logit(m.weight), ctx, subj, abs(pol), *shape)
            term_items.append((m, cat, gold, s.doc, cover, row))
    return word_items, term_items, toks


def _logit(p: float) -> float:
    # Clamped at 1e-6, where analysis.bias.model's is at 1e-4: lexicon weights lie
    # well inside both, and the shipped weights were fitted with this one.
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def fit_model(
    docs: Sequence[TrainingText],
    sents: Sequence[TrainingSentence],
    provenance: str,
    token_labels: Callable[[Any], list[Token]],
) -> BiasModel:
    """Fit the word, term and sentence coefficients on ``sents`` (training folds only).

    ``token_labels(text)`` gives the word tokens of one of ``docs`` with whether
    annotators marked each; the highlight cut-offs maximise the mean token F1
    of the datasets.
    """
    word_items, term_items, toks = _items(docs, sents, token_labels)
    # Each dataset counts equally, whatever its size.
    dataset_of = {d: docs[d].dataset for d in toks}
    sizes: dict[str, int] = {}
    for item in word_items:
        sizes[dataset_of[item[2]]] = sizes.get(dataset_of[item[2]], 0) + 1
    wfit = _fit_logistic(
        [it[0] for it in word_items],
        [float(it[1]) for it in word_items],
        nonneg=list(WORD_NONNEG),
        sample_weight=[1.0 / sizes[dataset_of[it[2]]] for it in word_items],
    )
    cats = [*CATEGORY_IDS, "custom"]
    tsizes: dict[str, int] = {}
    for it in term_items:
        tsizes[dataset_of[it[3]]] = tsizes.get(dataset_of[it[3]], 0) + 1
    # Where each CATEGORY_CONTEXT feature sits in a term's row (the row has
    # no intercept, TERM_COEFS has).
    shape_at = [TERM_COEFS.index(f"term_{n}") - 1 for n in CATEGORY_CONTEXT]
    tx = [
        [
            *it[5],
            *(float(it[1] == c) for c in cats),
            *(float(it[1] == c) * it[5][a] for c in CATEGORY_IDS for a in shape_at),
        ]
        for it in term_items
    ]
    tfit = _fit_logistic(
        tx,
        [float(it[2]) for it in term_items],
        nonneg=[*TERM_NONNEG, *([False] * (len(cats) + len(CATEGORY_IDS) * len(shape_at)))],
        sample_weight=[1.0 / tsizes[dataset_of[it[3]]] for it in term_items],
        strata=[dataset_of[it[3]] for it in term_items],
        l2=0.3,
    )
    word_p = [
        _sigmoid(wfit[0] + sum(c * v for c, v in zip(wfit[1:], it[0], strict=True)))
        for it in word_items
    ]
    term_z = [tfit[0] + sum(c * v for c, v in zip(tfit[1:], row, strict=True)) for row in tx]
    # Per-term shifts, empirical-Bayes style: a term's observed rate, shrunk
    # toward what its category predicts by SHRINK pseudo-observations.
    ds_weight = {name: len(term_items) / (len(tsizes) * n) for name, n in tsizes.items()}
    keys = [f"{it[0].category}:{it[0].term.lower()}" for it in term_items]

    def shifts(rows: Iterable[int]) -> dict[str, float]:
        stats: dict[str, list[float]] = {}
        for i in rows:
            it = term_items[i]
            w = ds_weight[dataset_of[it[3]]]
            row = stats.setdefault(keys[i], [0.0, 0.0, 0.0])
            row[0] += w
            row[1] += w * float(it[2])
            row[2] += w * _sigmoid(term_z[i])
        found = {}
        for key, (n, g, pz) in stats.items():
            prior = pz / n
            post = (g + SHRINK * prior) / (n + SHRINK)
            shift = _logit(post) - _logit(prior)
            if abs(shift) > 0.01:
                found[key] = round(shift, 4)
        return found

    term_shift = shifts(range(len(term_items)))
    # The cut-offs are chosen on shifts each candidate's own text did not teach
    # (inner folds by group, nested inside the training folds): shifts learned
    # from a candidate itself make the training folds look easier than new text.
    groups = sorted({docs[d].group for d in toks})
    inner_of = {g: i % INNER_FOLDS for i, g in enumerate(groups)}
    inner = [inner_of[docs[it[3]].group] for it in term_items]
    term_p = [0.0] * len(term_items)
    for fold in range(INNER_FOLDS):
        learned = shifts(i for i in range(len(term_items)) if inner[i] != fold)
        for i in range(len(term_items)):
            if inner[i] == fold:
                term_p[i] = _sigmoid(term_z[i] + learned.get(keys[i], 0.0))

    # Choose the two probability cut-offs that maximise the mean token F1 of the datasets.
    import numpy as np

    index: dict[tuple[int, int], int] = {}
    gold_l: list[bool] = []
    ds_l: list[str] = []
    for d, dt in toks.items():
        for i, (_, _, gold) in enumerate(dt):
            index[(d, i)] = len(gold_l)
            gold_l.append(gold)
            ds_l.append(dataset_of[d])
    wmax = np.zeros(len(gold_l))
    tmax = np.zeros(len(gold_l))
    for p, it in zip(word_p, word_items, strict=True):
        for i in it[3]:
            j = index[(it[2], i)]
            wmax[j] = max(wmax[j], p)
    for p, it in zip(term_p, term_items, strict=True):
        for i in it[4]:
            j = index[(it[3], i)]
            tmax[j] = max(tmax[j], p)
    gold_a = np.asarray(gold_l, dtype=bool)
    ds_a = np.asarray(ds_l)
    masks = [ds_a == name for name in sorted(set(ds_l))]

    def f1_at(tw: float, tt: float) -> float:
        hit = (wmax >= tw) | (tmax >= tt)
        f1s = []
        for mask in masks:
            tp = int(np.sum(hit & gold_a & mask))
            fp = int(np.sum(hit & ~gold_a & mask))
            fn = int(np.sum(~hit & gold_a & mask))
            f1s.append(prf(tp, fp, fn)[2])
        return sum(f1s) / len(f1s)

    grid = [0.025 * k for k in range(4, 39)]
    best = max((f1_at(tw, tt), tw, tt) for tw in grid for tt in grid)
    _, tw, tt = best
    word = (wfit[0] - _logit(tw), *wfit[1:])
    nterm = len(TERM_COEFS)
    term_cat = {c: tfit[nterm + i] for i, c in enumerate(cats)}
    first, size = nterm + len(cats), len(shape_at)
    by_cat = {
        c: tuple(tfit[first + i * size : first + (i + 1) * size])
        for i, c in enumerate(CATEGORY_IDS)
    }
    term = (tfit[0] - _logit(tt), *tfit[1:nterm])
    partial = BiasModel(
        word=word,
        term=term,
        term_category=term_cat,
        term_shift=term_shift,
        term_category_context=by_cat,
        provenance=provenance,
    )

    # Sentence model on the features the fitted highlights give.
    xs, ys, sw = [], [], []
    ssizes: dict[str, int] = {}
    for s in sents:
        if s.label is not None:
            ssizes[dataset_of[s.doc]] = ssizes.get(dataset_of[s.doc], 0) + 1
    for s in sents:
        if s.label is None:
            continue
        _, marks = sentence_evidence(
            docs[s.doc].text,
            s.start,
            s.end,
            s.subjectivity,
            s.polarity,
            s.assessments,
            s.matches,
            model=partial,
        )
        xs.append(
            list(bias_features(docs[s.doc].text, s.start, s.end, s.subjectivity, s.polarity, marks))
        )
        ys.append(float(s.label))
        sw.append(1.0 / ssizes[dataset_of[s.doc]])
    nonneg = [name in EVIDENCE_FEATURES for name in FEATURES]
    strata = [dataset_of[s.doc] for s in sents if s.label is not None]
    sfit = _fit_logistic(xs, ys, nonneg=nonneg, sample_weight=sw, l2=SENTENCE_L2, strata=strata)
    return replace(partial, sentence=tuple(sfit))


def average_models(models: Sequence[BiasModel], provenance: str) -> BiasModel:
    """The coefficient-wise mean of fold models (a term shift missing in a fold counts 0)."""
    n = len(models)

    def mean(vectors: Iterable[Sequence[float]]) -> tuple[float, ...]:
        rows = list(vectors)
        return tuple(sum(col) / n for col in zip(*rows, strict=True))

    def mean_map(maps: Iterable[Mapping[str, float] | None]) -> dict[str, float]:
        total: dict[str, float] = {}
        for m in maps:
            for key, value in (m or {}).items():
                total[key] = total.get(key, 0.0) + value
        return {key: v / n for key, v in sorted(total.items()) if abs(v / n) > 0.01}

    zeros = (0.0,) * len(CATEGORY_CONTEXT)
    return BiasModel(
        word=mean(m.word for m in models),
        term=mean(m.term for m in models),
        term_category=mean_map(m.term_category for m in models),
        term_shift=mean_map(m.term_shift for m in models),
        term_category_context={
            c: mean((m.term_category_context or {}).get(c, zeros) for m in models)
            for c in CATEGORY_IDS
        },
        sentence=mean(m.sentence for m in models),
        provenance=provenance,
    )


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
