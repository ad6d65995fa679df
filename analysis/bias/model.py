"""The bias model: the coefficients of the three logistic formulas and their file.

:class:`BiasModel` holds the coefficients of the subjective-word, loaded-term
and sentence formulas (see :mod:`analysis.bias`); :func:`default_model` reads
the shipped ones from resources/lexicons/weights.tsv (written by
:func:`write_weights`, fitted by :mod:`analysis.bias.fit`) and the sentence
calibration from resources/lexicons/calibration.tsv.  Without those files
the hand-set defaults below apply.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from operator import mul
from pathlib import Path

from analysis.bias.features import CONTEXT_FEATURES, FEATURES, STYLE_FEATURES
from analysis.lexicon import CATEGORY_IDS, QUOTED_FACTOR, LexiconMatch

__all__ = [
    "CATEGORY_CONTEXT",
    "TERM_COEFS",
    "TERM_NONNEG",
    "WORD_COEFS",
    "WORD_NONNEG",
    "BiasModel",
    "default_model",
    "parse_calibration",
    "parse_weights",
    "write_weights",
]

#: Context features whose coefficient in the loaded-term formula may differ by
#: category (an emotive adjective is marked more often than an emotive noun,
#: a label noun more often than a label adjective; how rare a word is says
#: more in some categories than in others): a category's own coefficient
#: adds to the shared one.
CATEGORY_CONTEXT: tuple[str, ...] = ("pos_adjective", "pos_noun", "commonness")
_CATEGORY_CONTEXT_AT = tuple(CONTEXT_FEATURES.index(n) for n in CATEGORY_CONTEXT)
#: The coefficients of the subjective-word and loaded-term formulas.
WORD_COEFS: tuple[str, ...] = (
    "intercept",
    "subjectivity",
    "abs_polarity",
    "context",
    *(f"word_{n}" for n in CONTEXT_FEATURES),
)
TERM_COEFS: tuple[str, ...] = (
    "intercept",
    "lexicon_logit",
    "context",
    "textblob_subjectivity",
    "textblob_abs_polarity",
    *(f"term_{n}" for n in CONTEXT_FEATURES),
)
#: Coefficients that are kept >= 0 when fitting: a stronger rating or lexicon
#: weight never lowers a highlight's weight.
WORD_NONNEG: tuple[bool, ...] = (True, True, True, *([False] * len(CONTEXT_FEATURES)))
TERM_NONNEG: tuple[bool, ...] = (True, True, True, True, *([False] * len(CONTEXT_FEATURES)))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def _add_products(z: float, coefs: Sequence[float], values: Sequence[float]) -> float:
    """``z`` plus each coefficient times its value, added in order."""
    if len(coefs) != len(values):
        raise ValueError(f"{len(coefs)} coefficients for {len(values)} values")
    return sum(map(mul, coefs, values), z)


@cache
def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


_NO_SHAPE: tuple[float, ...] = (0.0,) * len(CONTEXT_FEATURES)


@dataclass(frozen=True, slots=True)
class BiasModel:
    """The coefficients of the three logistic formulas in the module docstring."""

    #: Subjective words: coefficients named in WORD_COEFS.
    word: tuple[float, ...] = (-4.0, 6.0, 1.0, 0.3, -1.0, *([0.0] * (len(CONTEXT_FEATURES) - 1)))
    #: Loaded terms: coefficients named in TERM_COEFS.
    term: tuple[float, ...] = (0.0, 1.0, 0.3, 0.0, 0.0, *([0.0] * len(CONTEXT_FEATURES)))
    #: Loaded terms: additive shift per category (missing → 0).
    term_category: Mapping[str, float] | None = None
    #: Loaded terms: learned shift per lexicon term, keyed "category:term"
    #: (cross-validated, shrunk toward the category; missing → 0).
    term_shift: Mapping[str, float] | None = None
    #: Loaded terms: per category, coefficients of the CATEGORY_CONTEXT
    #: features that add to the shared ones (missing → 0).
    term_category_context: Mapping[str, tuple[float, ...]] | None = None
    #: Sentence: intercept, then one coefficient per name in FEATURES
    #: (>= 0 for the EVIDENCE_FEATURES).
    sentence: tuple[float, ...] = (
        -2.0,
        # evidence
        1.5,
        1.0,
        0.4,
        0.4,
        0.3,
        0.2,
        0.2,
        0.3,
        0.3,
        1.5,
        0.3,
        0.5,
        0.3,
        0.0,
        0.0,
        0.0,
        # style
        -0.5,
        *([0.0] * (len(STYLE_FEATURES) - 1)),
    )
    #: Where the coefficients came from (shown in the methodology page).
    provenance: str = "hand-set defaults"
    #: Calibration of the sentence estimate (Platt scaling): intercept and slope
    #: applied to the sentence formula's log-odds, so that the estimate reads as
    #: the chance that annotators of whole news articles mark the sentence
    #: (resources/lexicons/calibration.tsv; (0, 1) leaves it as fitted).
    calibration: tuple[float, float] = (0.0, 1.0)

    def word_weight(
        self,
        subjectivity: float,
        polarity: float,
        context: float = 0.0,
        shape: Sequence[float] | None = None,
    ) -> float:
        """A subjective word's weight; ``shape`` is :func:`word_context` (zeros if None)."""
        z = self.word[0] + self.word[1] * subjectivity + self.word[2] * abs(polarity)
        z += self.word[3] * context
        return _sigmoid(_add_products(z, self.word[4:], shape or _NO_SHAPE))

    def term_weight(
        self,
        match: LexiconMatch,
        context: float = 0.0,
        shape: Sequence[float] | None = None,
        subjectivity: float = 0.0,
        polarity: float = 0.0,
    ) -> float:
        """A loaded term's weight; ``shape`` is :func:`word_context` (zeros if None),
        ``subjectivity``/``polarity`` TextBlob's rating of the same words (0 if none)."""
        if match.category not in CATEGORY_IDS:
            # A user's own category: nothing was learned about it, so the
            # weight the user gave (quotation discount included) stands.
            return match.weight
        shift = (self.term_category or {}).get(match.category, 0.0)
        if self.term_shift:
            shift += self.term_shift.get(f"{match.category}:{match.term.lower()}", 0.0)
        c = self.term
        values = tuple(shape or _NO_SHAPE)
        by_category = (self.term_category_context or {}).get(match.category)
        if by_category:
            for coef, at in zip(by_category, _CATEGORY_CONTEXT_AT, strict=True):
                shift += coef * values[at]
        base = c[0] + shift + c[2] * context + c[3] * subjectivity + c[4] * abs(polarity)

        def weight(lexicon_weight: float, shape_values: Sequence[float]) -> float:
            z = base + c[1] * _logit(lexicon_weight)
            return _sigmoid(_add_products(z, c[5:], shape_values))

        found = weight(match.weight, values)
        if match.quoted:
            # The reason tells the user a quoted term weighs less than the
            # outlet's own use of it would: hold the model to that.
            own = weight(min(1.0, match.weight / QUOTED_FACTOR), (0.0, *values[1:]))
            found = min(found, own)
        return found

    def sentence_bias(self, features: Sequence[float]) -> float:
        z = _add_products(self.sentence[0], self.sentence[1:], features)
        a, b = self.calibration
        return _sigmoid(a + b * z)


def parse_weights(lines: Iterable[str]) -> BiasModel:
    """Read ``group<TAB>name<TAB>value`` lines (resources/lexicons/weights.tsv)."""
    values: dict[tuple[str, str], float] = {}
    provenance = ""
    for line in lines:
        if line.startswith("# provenance:"):
            provenance = line.partition(":")[2].strip()
        if not line.strip() or line.startswith("#"):
            continue
        group, name, value = line.rstrip("\n").split("\t")
        if group == "group":
            continue
        values[(group, name)] = float(value)
    base = BiasModel()
    word = tuple(values.get(("word", n), d) for n, d in zip(WORD_COEFS, base.word, strict=True))
    term = tuple(values.get(("term", n), d) for n, d in zip(TERM_COEFS, base.term, strict=True))
    cats = {n: v for (g, n), v in values.items() if g == "term_category"}
    per_category = {
        c: tuple(values.get(("term_category_context", f"{c}:{n}"), 0.0) for n in CATEGORY_CONTEXT)
        for c in CATEGORY_IDS
    }
    per_category = {c: v for c, v in per_category.items() if any(v)}
    shifts = {n: v for (g, n), v in values.items() if g == "term_shift"}
    sentence = tuple(
        values.get(("sentence", n), d)
        for n, d in zip(("intercept", *FEATURES), base.sentence, strict=True)
    )
    return BiasModel(
        word=word,
        term=term,
        term_category=cats or None,
        term_shift=shifts or None,
        term_category_context=per_category or None,
        sentence=sentence,
        provenance=provenance or "resources/lexicons/weights.tsv",
    )


@cache
def default_model() -> BiasModel:
    """The fitted coefficients from resources/lexicons/weights.tsv, else the defaults."""
    from analysis.resources import resources_dir

    path = resources_dir() / "lexicons" / "weights.tsv"
    model = (
        parse_weights(path.read_text(encoding="utf-8").splitlines())
        if path.is_file()
        else BiasModel()
    )
    calibration = resources_dir() / "lexicons" / "calibration.tsv"
    if calibration.is_file():
        model = replace(model, calibration=parse_calibration(calibration.read_text("utf-8")))
    return model


def parse_calibration(text: str) -> tuple[float, float]:
    """The intercept and slope of ``calibration<TAB>intercept|slope<TAB>value`` lines."""
    values = {"intercept": 0.0, "slope": 1.0}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, name, value = line.split("\t")
        if group == "calibration" and name in values:
            values[name] = float(value)
    return values["intercept"], values["slope"]


def write_weights(model: BiasModel, path: Path, note: str) -> None:
    """Write a model as resources/lexicons/weights.tsv (group, name, value), the
    format :func:`parse_weights` reads."""
    lines = [
        "# FrameLens bias-model coefficients (see analysis/bias/__init__.py for the formulas).",
        f"# provenance: {model.provenance}",
        f"# {note}",
        "# Licence: numbers measured by the FrameLens developers (MIT, like the code).",
        "# They are coefficients over general features (TextBlob scores, lexicon categories and",
        "# weights, quotation context) and per-term shifts for the terms of FrameLens's own",
        "# lexicon (loaded.tsv); no word list, sentence or span of any dataset is stored here.",
        "group\tname\tvalue",
    ]
    lines += [f"word\t{n}\t{v:.6g}" for n, v in zip(WORD_COEFS, model.word, strict=True)]
    lines += [f"term\t{n}\t{v:.6g}" for n, v in zip(TERM_COEFS, model.term, strict=True)]
    lines += [f"term_category\t{n}\t{v:.6g}" for n, v in (model.term_category or {}).items()]
    lines += [
        f"term_category_context\t{c}:{n}\t{v:.6g}"
        for c, values in (model.term_category_context or {}).items()
        for n, v in zip(CATEGORY_CONTEXT, values, strict=True)
    ]
    lines += [f"term_shift\t{n}\t{v:.4g}" for n, v in sorted((model.term_shift or {}).items())]
    lines += [
        f"sentence\t{n}\t{v:.6g}"
        for n, v in zip(("intercept", *FEATURES), model.sentence, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
