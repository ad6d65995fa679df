"""Per-sentence evidence: highlights that explain themselves and a bias estimate.

:func:`sentence_evidence` turns TextBlob's word assessments and the lexicon's
matches for one sentence into highlights, and combines them into one number.

Highlight weights (in [0, 1], "how likely people who annotate media bias are
to mark this span") come from two small logistic models over general
evidence, never from a list of a dataset's words:

* subjective (TextBlob) words::

      w = sigmoid(a0 + a1 * subjectivity + a2 * |polarity| + a3 * log(1 + strong loaded terms)
                  + sum_j a_j * context_j)

* loaded terms (lexicon) of the built-in categories (a user's
  ``custom:<name>`` category keeps the weight the user gave)::

      w = sigmoid(c0 + c1 * logit(lexicon weight) + c[category] + c[term]
                  + c2 * log(1 + other strong loaded terms)
                  + c3 * TextBlob subjectivity of the words + c4 * |their polarity|
                  + sum_j c_j * context_j
                  + sum_k c[category, k] * context_k)

  where ``c[term]`` is a learned shift for that term of FrameLens's own
  lexicon (shrunk toward its category for rare terms), ``c[category, k]``
  a category's own addition to the coefficient of a few context features
  (:data:`CATEGORY_CONTEXT`: a word's likely part of speech and its
  commonness say different things in different categories; in the fitted
  model an emotive word weighs more as an adjective than as a noun, a label
  more as a noun than as an adjective, and rarity counts most for hedges
  and attribution verbs), and the lexicon weight
  already carries the quotation discount (halved inside a direct quotation,
  see analysis/lexicon.py).

The context features (:data:`CONTEXT_FEATURES`, :func:`word_context`) say
where the word stands: inside a quotation, a capitalised word that does not
open the sentence (a name), an adjective suffix (-ous, -ive, -ful, -less,
-ic, -able), an -ly adverb, a negation or an intensifier just before it, its
relative position in the sentence, its length, whether it is graded (a
superlative in -est, or after "more", "most", "less", "least"), whether
the span is a phrase of several words rather than one word, and its usage
(analysis/wordclass.py, from tables TextBlob ships): the likely part of
speech of its last word (adjective, adverb, verb, noun or proper noun, else
none), how common its rarest word is in general English (loaded words
tend to be rarer than neutral ones), how far into the article its
sentence starts (the share of the text before it: 0 in the first sentence;
framing gathers in the lead of a news story, less in its later paragraphs)
and whether its sentence opens a paragraph.
They change a weight, never a reason: every highlight keeps the reason of
its lexicon entry or TextBlob's ratings.

The per-sentence bias estimate is a logistic combination of sentence
features (:data:`FEATURES`)::

      bias = sigmoid(b0 + b1 * max loaded weight + b2 * log(1 + sum of loaded weights)
                     + sum over categories k of b_k * log(1 + weights of category k)
                     + b3 * TextBlob sentence subjectivity + b4 * |polarity|
                     + b5 * max subjective-word weight + b6 * log(1 + subjective-word weights)
                     + b7 * log(1 + highlights with weight >= 0.5)
                     + b8 * log(1 + TextBlob words with subjectivity >= 0.5)
                     + b9 * max(0, -polarity)
                     + style terms)

The evidence coefficients b1..b9 and b_k are >= 0, so adding a loaded term
(or a subjective word) never lowers the estimate.  The style terms describe
the wording and do not depend on the highlights, so their coefficients may
have either sign: share inside quotation marks, adjective suffixes,
superlatives, "!", numbers, neutral attribution ("said", "according to"),
sentence length, first/second-person pronouns, "?", intensifiers, negations
("not", "never", "no", "n't": denial and rebuttal are a mark of argument),
how far into the article the sentence starts and whether it opens a
paragraph.

The coefficients live in resources/lexicons/weights.tsv with their
provenance: the mean of the fold models of a cross-validation on expert
annotations (benchmarks/validity.py --fit; resources/methodology.md).
Without that file the hand-set defaults below apply.

What the number cannot tell: it scores wording, not facts.  A sentence can
be one-sided through what it leaves out (informational bias) with no loaded
word at all, and an opinion column can score high because opinion is its job.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import mul

from analysis.context import in_proper_name, neutral_words
from analysis.lexicon import CATEGORY_IDS, NEGATIONS, QUOTED_FACTOR, LexiconMatch, inside_quote
from analysis.memo import Memo
from analysis.model import Assessment, Highlight

__all__ = [
    "BiasModel",
    "article_position",
    "bias_features",
    "default_model",
    "opens_paragraph",
    "sentence_evidence",
    "style_features",
    "word_context",
]

#: Context of a highlighted word in its sentence, shared by both formulas
#: (see :func:`word_context`): inside a quotation, a capitalised word that
#: does not open the sentence (a name), an adjective suffix, an -ly adverb,
#: a negation or an intensifier just before it, its relative position, its
#: length, graded (superlative or after more/most/less/least), a phrase of
#: several words, its last word's likely part of speech (from the
#: tagger's lexicon, whatever the sentence), the commonness in [0, 1] of
#: its rarest word (analysis/wordclass.py), where its sentence starts in
#: the article (:func:`article_position`) and whether that sentence opens a
#: paragraph (:func:`opens_paragraph`).
CONTEXT_FEATURES: tuple[str, ...] = (
    "quoted",
    "capitalised",
    "adjective_suffix",
    "adverb",
    "negated",
    "intensified",
    "position",
    "length",
    "comparative",
    "phrase",
    "pos_adjective",
    "pos_adverb",
    "pos_verb",
    "pos_noun",
    "pos_proper",
    "commonness",
    "article_position",
    "paragraph_start",
)
#: The word classes of analysis/wordclass.py that are context features (the
#: others, "other" and "unknown", are the baseline).
_POS_CLASSES: tuple[str, ...] = ("adjective", "adverb", "verb", "noun", "proper")
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
#: A lexicon match at least this strong (and not quoted) counts as context.
CONTEXT_MIN = 0.5

#: Evidence features: they grow with the loaded terms and subjective words
#: found, and their coefficients are kept >= 0 (monotonicity).
EVIDENCE_FEATURES: tuple[str, ...] = (
    "loaded_max",
    "loaded_sum",
    *(f"cat_{c}" for c in CATEGORY_IDS),
    "cat_custom",
    "subjectivity",
    "abs_polarity",
    "subjective_max",
    "subjective_sum",
    "strong_count",
    "subjective_count",
    "negativity",
)
#: Style features of the sentence's wording; they do not depend on the
#: highlights, and their coefficients may have either sign.
STYLE_FEATURES: tuple[str, ...] = (
    "quoted_share",
    "adjective_suffixes",
    "superlatives",
    "exclamation",
    "numbers",
    "neutral_attribution",
    "length",
    "personal_pronouns",
    "question",
    "intensifiers",
    "negations",
    "article_position",
    "paragraph_start",
)
#: The names of the sentence features, in the order of the coefficients.
FEATURES: tuple[str, ...] = EVIDENCE_FEATURES + STYLE_FEATURES

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_ADJ_SUFFIXES = ("ous", "ive", "ful", "less", "ic", "ical", "able", "ible")
#: Three letters before "ly" (``{3,}`` would rescan a long word from every letter).
_ADVERB_RE = re.compile(r"[a-z]{3}ly$")
_INTENSIFIERS = frozenset(
    {
        "very",
        "so",
        "too",
        "extremely",
        "really",
        "most",
        "highly",
        "deeply",
        "utterly",
        "truly",
        "incredibly",
        "totally",
        "completely",
        "absolutely",
        "entirely",
        "particularly",
        "especially",
        "remarkably",
        "hugely",
        "wildly",
        "even",
        "such",
    }
)
_DEGREE = frozenset({"more", "most", "less", "least"})
_PERSONAL = frozenset({"i", "we", "you", "my", "our", "your", "me", "us", "ours", "yours"})
_NEUTRAL_SAY = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "according",
        "stated",
        "added",
        "explained",
        "noted",
        "reported",
        "announced",
    }
)


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
_PER_CATEGORY = (*CATEGORY_IDS, "custom")


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


def _parse_weights(lines: Iterable[str]) -> BiasModel:
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
        _parse_weights(path.read_text(encoding="utf-8").splitlines())
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


class _Quotes:
    """An article's quotations (:func:`analysis.lexicon.quote_regions`), indexed once.

    ``share`` is the share of a span's characters inside quotations, without
    rescanning every quotation for every sentence.
    """

    __slots__ = ("ends", "reach", "regions", "starts")

    def __init__(self, regions: tuple[tuple[int, int], ...]) -> None:
        self.regions = regions
        self.starts = [qs for qs, _ in regions]
        self.ends = [qe for _, qe in regions]
        # reach[k]: the furthest end among regions[:k + 1] (non-decreasing), so
        # the regions that all end before a position form a prefix.
        reach: list[int] = []
        furthest = -1
        for qe in self.ends:
            furthest = max(furthest, qe)
            reach.append(furthest)
        self.reach = reach

    def share(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        covered = 0
        # Regions before ``first`` end at or before ``start``; from ``stop`` on
        # they start at or after ``end``: neither can overlap.
        first = bisect.bisect_right(self.reach, start)
        stop = bisect.bisect_left(self.starts, end)
        starts, ends = self.starts, self.ends
        for k in range(first, stop):
            lo, hi = max(starts[k], start), min(ends[k], end)
            if hi > lo:
                covered += hi - lo
        return min(1.0, covered / (end - start))


@lru_cache(maxsize=8)
def _quotes(text: str) -> _Quotes:
    from analysis.lexicon import quote_regions

    return _Quotes(quote_regions(text))


def bias_features(
    text: str,
    sentence_start: int,
    sentence_end: int,
    subjectivity: float,
    polarity: float,
    highlights: Sequence[Highlight],
) -> tuple[float, ...]:
    """The sentence features (FEATURES order) computed from its highlights."""
    return _features(subjectivity, polarity, highlights) + style_features(
        text, sentence_start, sentence_end
    )


def _features(
    subjectivity: float, polarity: float, highlights: Sequence[Highlight]
) -> tuple[float, ...]:
    """The EVIDENCE_FEATURES of :func:`bias_features`."""
    per_cat = dict.fromkeys(_PER_CATEGORY, 0.0)
    loaded_max = loaded_sum = subjective_max = subjective_sum = 0.0
    strong = rated = 0
    for h in highlights:
        weight = h.weight
        if weight >= 0.5:
            strong += 1
        if h.kind == "loaded":
            loaded_max = max(loaded_max, weight)
            loaded_sum += weight
            per_cat[h.category if h.category in per_cat else "custom"] += weight
        elif h.kind == "subjective":
            subjective_max = max(subjective_max, weight)
            subjective_sum += weight
            if (h.subjectivity or 0.0) >= 0.5:
                rated += 1
    return (
        loaded_max,
        math.log1p(loaded_sum),
        *map(math.log1p, per_cat.values()),
        subjectivity,
        abs(polarity),
        subjective_max,
        math.log1p(subjective_sum),
        math.log1p(strong),
        math.log1p(rated),
        max(0.0, -polarity),
    )


def style_features(text: str, start: int, end: int) -> tuple[float, ...]:
    """The STYLE_FEATURES of ``text[start:end]``."""
    return _style(_Sentence(text, start, end), _quotes(text))


# What each distinct word adds to the style counts (alphabetic adjective
# suffix, superlative, starts with a digit, neutral attribution, personal
# pronoun, intensifier, negation), packed into one integer of _FLAG_BITS bits
# per count: the same word recurs thousands of times, so it is classified
# once, and a sentence's counts are one sum.  A sentence of fewer than
# 2 ** _FLAG_BITS words cannot carry one count into the next, and seven
# counts fit a machine integer, which sum() adds fastest.
_FLAG_BITS = 9
_FLAG_MASK = (1 << _FLAG_BITS) - 1
_FLAG_SHIFTS = tuple(k * _FLAG_BITS for k in range(7))


def _pack_flags(word: str) -> int:
    """The style counts one occurrence of ``word`` adds (0 or 1 each), packed."""
    w = word.lower()
    packed = 0
    if w.isalpha():
        if len(w) > 5 and w.endswith(_ADJ_SUFFIXES):
            packed = 1
        if w in _NEUTRAL_SAY:
            packed |= 1 << _FLAG_SHIFTS[3]
        if w in _PERSONAL:
            packed |= 1 << _FLAG_SHIFTS[4]
        if w in _INTENSIFIERS:
            packed |= 1 << _FLAG_SHIFTS[5]
    if _superlative(w) or w in ("most", "least"):
        packed |= 1 << _FLAG_SHIFTS[1]
    if w[0].isdigit():
        packed |= 1 << _FLAG_SHIFTS[2]
    if w in NEGATIONS or w.endswith(("n't", "n\u2019t")):
        packed |= 1 << _FLAG_SHIFTS[6]
    return packed


_packed_flags: Memo[int] = Memo(_pack_flags)


def _flags(word: str) -> tuple[int, ...]:
    """The style counts one occurrence of ``word`` adds, one by one."""
    packed = _packed_flags[word]
    return tuple((packed >> shift) & 1 for shift in _FLAG_SHIFTS)


def _style_counts(words: Sequence[str]) -> tuple[int, ...]:
    """The sums of :func:`_flags` over ``words``."""
    if len(words) > _FLAG_MASK:
        return tuple(map(sum, zip(*map(_flags, words), strict=True)))
    total = sum(map(_packed_flags.__getitem__, words))
    return tuple(map(_FLAG_MASK.__and__, map(total.__rshift__, _FLAG_SHIFTS)))


def _style(sentence: _Sentence, quotes: _Quotes) -> tuple[float, ...]:
    """:func:`style_features` of a sentence whose words and place are found already."""
    text, start, end, words = sentence.text, sentence.start, sentence.end, sentence.words
    adj, sup, digits, neutral, personal, intens, negations = _style_counts(words)
    sentence_has = text.find
    return (
        quotes.share(start, end),
        math.log1p(adj),
        math.log1p(sup),
        float(sentence_has("!", start, end) >= 0),
        math.log1p(digits),
        math.log1p(neutral),
        math.log1p(len(words)) / 3.0,
        math.log1p(personal),
        float(sentence_has("?", start, end) >= 0),
        math.log1p(intens),
        math.log1p(negations),
        sentence.in_article,
        sentence.in_paragraph,
    )


def _is_context(match: LexiconMatch) -> bool:
    return match.weight >= CONTEXT_MIN and not match.quoted


def word_context(
    text: str,
    sentence_start: int,
    sentence_end: int,
    start: int,
    end: int,
    *,
    quoted: bool | None = None,
    negated: bool = False,
    intensified: bool = False,
) -> tuple[float, ...]:
    """The CONTEXT_FEATURES of the word or phrase ``text[start:end]`` in its sentence.

    ``quoted`` is computed from the text when None; ``negated`` and
    ``intensified`` add to what the two words before the span show.
    """
    from analysis.lexicon import inside_quote

    words = [m.group() for m in _WORD_RE.finditer(text, max(sentence_start, start - 60), start)]
    before = [w.lower() for w in words[-2:]]
    first_word = _WORD_RE.search(text, sentence_start, sentence_end)
    opens = first_word is None or first_word.start() >= start
    if quoted is None:
        quoted = inside_quote(text, start, end)
    span = max(1, sentence_end - sentence_start)
    return _shape(
        before,
        _WORD_RE.findall(text, start, end),
        opens,
        quoted,
        negated,
        intensified,
        (start - sentence_start) / span,
        article_position(text, sentence_start),
        opens_paragraph(text, sentence_start),
    )


def article_position(text: str, sentence_start: int) -> float:
    """How far into the article a sentence starts: the share of ``text`` before it,
    in [0, 1) (0 for the first sentence, and for a sentence analysed alone)."""
    return sentence_start / len(text) if text else 0.0


def opens_paragraph(text: str, sentence_start: int) -> float:
    """1.0 when the sentence starting at ``sentence_start`` opens a paragraph:
    only white space before it, or a blank line (the loaders separate
    paragraphs with one; a single line break may be a wrapped line); else 0.0.
    A sentence analysed alone opens its paragraph."""
    i = sentence_start
    breaks = 0
    while i > 0 and text[i - 1].isspace():
        i -= 1
        breaks += text[i] == "\n"
    return float(i == 0 or breaks >= 2)


def _shape(
    before: Sequence[str],
    head: Sequence[str],
    opens: bool,
    quoted: bool,
    negated: bool,
    intensified: bool,
    position: float,
    in_article: float,
    in_paragraph: float,
) -> tuple[float, ...]:
    """The CONTEXT_FEATURES from the two lower-cased words ``before`` the span,
    the span's own words (``head``), whether the span opens the sentence, and
    what the caller already knows (quoted, negated, intensified, position in
    the sentence, the sentence's :func:`article_position` and
    :func:`opens_paragraph`)."""
    last = head[-1].lower() if head else ""
    adjective, adverb, length, superlative, usage = _word_shapes[last]
    if len(head) > 1:
        # A phrase is as rare as its rarest word ("power grab", "failed to").
        rarest = min(_word_shapes[w.lower()][4][-1] for w in head)
        usage = (*usage[:-1], rarest)
    negated = negated or any(map(_negating.__getitem__, before))
    intensified = intensified or bool(before and before[-1] in _INTENSIFIERS)
    # Graded: a superlative-looking word, or one after more/most/less/least.
    graded = superlative or bool(before and before[-1] in _DEGREE)
    return (
        float(quoted),
        float(bool(head) and head[0][:1].isupper() and not opens),
        adjective,
        adverb,
        float(negated),
        float(intensified),
        position,
        length,
        float(graded),
        float(len(head) > 1),
        *usage,
        in_article,
        in_paragraph,
    )


def _word_shape(last: str) -> tuple[float, float, float, bool, tuple[float, ...]]:
    """What a span's lower-cased last word adds to :func:`_shape`: adjective
    suffix, adverb, length, superlative, and its usage (the last six
    CONTEXT_FEATURES: its likely word class, one-hot over _POS_CLASSES, and
    its commonness, from analysis/wordclass.py; :func:`_shape` gives a phrase
    the commonness of its rarest word)."""
    from analysis.wordclass import word_class

    kind, common = word_class(last)
    return (
        float(len(last) > 5 and last.endswith(_ADJ_SUFFIXES)),
        float(bool(_ADVERB_RE.search(last))),
        min(len(last), 15) / 10.0,
        _superlative(last),
        (*(float(kind == c) for c in _POS_CLASSES), common),
    )


_word_shapes = Memo(_word_shape)


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


_negating = Memo(_is_negation)


def _superlative(word: str) -> bool:
    """A lower-cased word that looks like a superlative (-est, longer than five
    letters). Crude ("honest" passes too); the fitted coefficients absorb such misses."""
    return len(word) > 5 and word.endswith("est") and word.isalpha()


def _rating(assessments: Sequence[Assessment], start: int, end: int) -> tuple[float, float]:
    """TextBlob's strongest rating among the assessments overlapping ``[start, end)``."""
    best = (0.0, 0.0)
    for a in assessments:
        if a.start < end and start < a.end and a.subjectivity > best[0]:
            best = (a.subjectivity, a.polarity)
    return best


def _last_word(text: str, start: int, end: int) -> tuple[int, int, list[str]]:
    """The span of the last word in ``text[start:end]`` (the whole span if none),
    with the words in that span: the word, or none."""
    if _WORD_RE.fullmatch(text, start, end):
        return start, end, [text[start:end]]  # one word (most spans): no search
    found = list(_WORD_RE.finditer(text, start, end))
    if not found:
        return start, end, []
    last = found[-1]
    return last.start(), last.end(), [last.group()]


def _subjective_reason(a: Assessment, shown: str) -> str:
    if a.polarity == 0:
        # 0.0 and -0.0 are one key of the cache but print "+0.00" and "-0.00".
        return _write_reason(shown, a.subjectivity, a.polarity, a.intensifier, a.negated)
    return _reason(shown, a.subjectivity, a.polarity, a.intensifier, a.negated)


def _write_reason(
    shown: str, subjectivity: float, polarity: float, intensifier: str, negated: bool
) -> str:
    # A reason is one line: an assessment may span a line break ("word\n!").
    shown = " ".join(shown.split())
    reason = f"TextBlob rates '{shown}' subjectivity {subjectivity:.2f}, polarity {polarity:+.2f}"
    notes = []
    if intensifier:
        notes.append(f"intensified by '{intensifier}'")
    if negated:
        notes.append("polarity flipped by a negation")
    if notes:
        reason += " (" + "; ".join(notes) + ")"
    return reason


# The same rated words recur all through a corpus: each reason is written once.
_reason = lru_cache(maxsize=4096)(_write_reason)


class _Sentence:
    """One sentence's words, found once and shared by every highlight's context."""

    __slots__ = (
        "_first",
        "end",
        "in_article",
        "in_paragraph",
        "span",
        "start",
        "text",
        "words",
    )

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.words: list[str] = _WORD_RE.findall(text, start, end)
        self.span = max(1, end - start)
        self.in_article = article_position(text, start)
        self.in_paragraph = opens_paragraph(text, start)
        self._first: int | None = None

    def _first_word(self) -> int:
        """Where the sentence's first word starts (past its end when it has none)."""
        if self._first is None:
            found = _WORD_RE.search(self.text, self.start, self.end)
            self._first = self.end if found is None else found.start()
        return self._first

    def context(
        self,
        start: int,
        end: int,
        quoted: bool,
        negated: bool,
        intensified: bool,
        head: list[str] | None = None,
    ) -> tuple[float, ...]:
        """:func:`word_context` (same numbers), the sentence's first word found once;
        ``head`` is the span's words when the caller knows them."""
        text = self.text
        return _shape(
            [w.lower() for w in _two_words_before(text, self.start, start)],
            _WORD_RE.findall(text, start, end) if head is None else head,
            self._first_word() >= start,
            quoted,
            negated,
            intensified,
            (start - self.start) / self.span,
            self.in_article,
            self.in_paragraph,
        )


def _two_words_before(text: str, sentence_start: int, start: int) -> list[str]:
    """The last two words that scanning :func:`word_context`'s window,
    ``text[max(sentence_start, start - 60):start]``, finds.

    A scan that starts later falls in step with the full one after its first
    match (that match ends where the full scan's does), so when a scan of the
    last 24 characters finds three words or more, its last two are the
    answer; only otherwise is the whole window scanned.
    """
    window = max(sentence_start, start - 60)
    near = max(window, start - 24)
    words: list[str] = _WORD_RE.findall(text, near, start)
    if len(words) < 3 and near > window:
        words = _WORD_RE.findall(text, window, start)
    return words[-2:]


def sentence_evidence(
    text: str,
    sentence_start: int,
    sentence_end: int,
    subjectivity: float,
    polarity: float,
    assessments: Sequence[Assessment],
    matches: Sequence[LexiconMatch],
    *,
    model: BiasModel | None = None,
) -> tuple[float, tuple[Highlight, ...]]:
    """The sentence's bias estimate in [0, 1] and its highlights, in text order.

    ``assessments`` and ``matches`` may cover more than the sentence; only
    those inside ``[sentence_start, sentence_end)`` are used.  ``subjectivity``
    and ``polarity`` are TextBlob's scores for the sentence.

    The numbers are those of :func:`word_context`, :func:`bias_features` and
    :func:`style_features`; the sentence's words and the article's quotations
    are only found once here instead of once per highlight.
    """
    params = model or default_model()
    quotes = _quotes(text)
    sentence = _Sentence(text, sentence_start, sentence_end)
    inside = [m for m in matches if m.start >= sentence_start and m.end <= sentence_end]
    rated = [
        a
        for a in assessments
        if a.start >= sentence_start and a.end <= sentence_end and a.subjectivity > 0
    ]
    strong = sum(1 for m in inside if _is_context(m))
    highlights: list[Highlight] = []
    if rated:
        log_strong = math.log1p(strong)
        word_weight = params.word_weight
    neutral = neutral_words()
    for a in rated:
        # Mark the assessed word itself; an intensifier or negation before it
        # is named in the reason instead.
        start, end, head = _last_word(text, a.start, a.end)
        if head and (head[0].lower() in neutral or in_proper_name(text, start, end)):
            continue  # a descriptive word or part of a name: not shaded (analysis/context.py)
        quoted = inside_quote(text, start, end)
        shape = sentence.context(start, end, quoted, a.negated, bool(a.intensifier), head)
        weight = word_weight(a.subjectivity, a.polarity, log_strong, shape)
        highlights.append(
            Highlight(
                start=start,
                end=end,
                text=head[0] if head else text[start:end],
                kind="subjective",
                category="subjective",
                weight=round(weight, 4),
                reason=_subjective_reason(a, text[a.start : a.end]),
                subjectivity=a.subjectivity,
                polarity=a.polarity,
                voice="quoted" if quoted else "outlet",
            )
        )
    for m in inside:
        context = math.log1p(strong - (1 if _is_context(m) else 0))
        shape = sentence.context(m.start, m.end, m.quoted, m.negated, False)
        subj, pol = _rating(rated, m.start, m.end)
        highlights.append(
            Highlight(
                start=m.start,
                end=m.end,
                text=text[m.start : m.end],
                kind="loaded",
                category=m.category,
                weight=round(params.term_weight(m, context, shape, subj, pol), 4),
                reason=m.reason,
                term=m.term,
                voice="quoted" if m.quoted else "outlet",
            )
        )
    highlights.sort(key=lambda h: (h.start, -h.end, h.kind))
    features = _features(subjectivity, polarity, highlights) + _style(sentence, quotes)
    bias = params.sentence_bias(features)
    return min(1.0, max(0.0, bias)), tuple(highlights)
