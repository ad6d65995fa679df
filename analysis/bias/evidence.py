"""Per-sentence evidence: highlights that explain themselves and a bias estimate.

:func:`sentence_evidence` turns TextBlob's word assessments and the lexicon's
matches for one sentence into highlights (each with its weight, reason and
voice) and the sentence's bias estimate, with the formulas of
:mod:`analysis.bias.model` over the features of :mod:`analysis.bias.features`.
The context rules of analysis/context.py decide which words are shaded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from analysis.bias.features import _WORD_RE, _features, _quotes, _Sentence, _style
from analysis.bias.model import BiasModel, default_model
from analysis.context import in_proper_name, neutral_words
from analysis.lexicon import LexiconMatch, inside_quote
from analysis.model import Assessment, Highlight

__all__ = ["CONTEXT_MIN", "sentence_evidence"]

#: A lexicon match at least this strong (and not quoted) counts as context.
CONTEXT_MIN = 0.5


def _is_context(match: LexiconMatch) -> bool:
    return match.weight >= CONTEXT_MIN and not match.quoted


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
