"""The features of the bias formulas: where a highlighted word stands, and how a
sentence is worded.

* :func:`word_context` gives the CONTEXT_FEATURES of a word or phrase in its
  sentence (inside a quotation, a name, an adjective suffix, an -ly adverb, a
  negation or intensifier before it, its position and length, graded, a
  phrase, its likely part of speech and commonness from analysis/wordclass.py,
  where its sentence stands in the article and whether it opens a paragraph);
* :func:`bias_features` gives a sentence's FEATURES: the EVIDENCE_FEATURES
  that grow with its highlights and the STYLE_FEATURES of its wording
  (:func:`style_features`).

The formulas that weigh them are in :mod:`analysis.bias.model`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from analysis.lexicon import CATEGORY_IDS, NEGATIONS, inside_quote, quote_regions
from analysis.memo import Memo
from analysis.model import Highlight

__all__ = [
    "CONTEXT_FEATURES",
    "EVIDENCE_FEATURES",
    "FEATURES",
    "STYLE_FEATURES",
    "article_position",
    "bias_features",
    "opens_paragraph",
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

_PER_CATEGORY = (*CATEGORY_IDS, "custom")


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


class _WordStyle(NamedTuple):
    """What one occurrence of a word adds to its sentence's STYLE_FEATURES counts
    (0 or 1 each); summed over a sentence's words, the counts themselves."""

    adjective_suffix: int
    superlative: int
    digit: int
    neutral_attribution: int
    personal_pronoun: int
    intensifier: int
    negation: int


def _word_style(word: str) -> _WordStyle:
    """The style counts one occurrence of ``word`` adds."""
    w = word.lower()
    alpha = w.isalpha()
    return _WordStyle(
        adjective_suffix=int(alpha and len(w) > 5 and w.endswith(_ADJ_SUFFIXES)),
        superlative=int(_superlative(w) or w in ("most", "least")),
        digit=int(w[0].isdigit()),
        neutral_attribution=int(alpha and w in _NEUTRAL_SAY),
        personal_pronoun=int(alpha and w in _PERSONAL),
        intensifier=int(alpha and w in _INTENSIFIERS),
        negation=int(w in NEGATIONS or w.endswith(("n't", "n\u2019t"))),
    )


# The same word recurs thousands of times in a corpus: it is classified once.
_word_styles: Memo[_WordStyle] = Memo(_word_style)
_NO_STYLE = _WordStyle(0, 0, 0, 0, 0, 0, 0)


def _style_counts(words: Sequence[str]) -> _WordStyle:
    """The sums of :func:`_word_style` over ``words``, field by field."""
    if not words:
        return _NO_STYLE
    return _WordStyle._make(map(sum, zip(*map(_word_styles.__getitem__, words), strict=True)))


def _style(sentence: _Sentence, quotes: _Quotes) -> tuple[float, ...]:
    """:func:`style_features` of a sentence whose words and place are found already."""
    text, start, end, words = sentence.text, sentence.start, sentence.end, sentence.words
    counts = _style_counts(words)
    sentence_has = text.find
    return (
        quotes.share(start, end),
        math.log1p(counts.adjective_suffix),
        math.log1p(counts.superlative),
        float(sentence_has("!", start, end) >= 0),
        math.log1p(counts.digit),
        math.log1p(counts.neutral_attribution),
        math.log1p(len(words)) / 3.0,
        math.log1p(counts.personal_pronoun),
        float(sentence_has("?", start, end) >= 0),
        math.log1p(counts.intensifier),
        math.log1p(counts.negation),
        sentence.in_article,
        sentence.in_paragraph,
    )


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
