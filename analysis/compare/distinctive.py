"""Distinctive words per outlet: weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words", section 3.5.1. For an
outlet *i* against all other outlets *j* together, with counts ``y``, totals
``n`` and prior pseudo-counts ``α_w`` (``α_0`` their sum)::

    δ_w = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w))
        − log((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w = δ_w / σ_w

The prior is informative: ``α_w`` is proportional to the word's count in the
whole corpus, scaled so that ``α_0`` equals ``prior_size`` (by default a
tenth of the corpus's words, ``PRIOR_SHARE``). It shrinks rare words towards
zero so a word used twice by one outlet does not outrank a word it uses much
more than the others do; a larger prior shrinks more.

Words are the lower-cased normal forms of :mod:`.tokens`, without stopwords,
numbers and one-letter words. A word is listed only when it passes the test
the dashboard explains, ``z ≥ 1.96`` (two-sided 5 % level), and is a word of
framing rather than of the story's cast or calendar: names (words capitalised
in at least ``NAME_SHARE`` of their uses inside a sentence, such as
"Lukashenko", "Beijing", "NATO") and day and month names are never listed.
Where no word of an outlet passes, :func:`distinctive_notes` says whether it
has too little text to tell (fewer than ``MIN_OUTLET_WORDS`` counted words).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from analysis.compare.results import DistinctiveNote, DistinctiveTerm, SentenceRef
from analysis.compare.tokens import CALENDAR_WORDS, STOPWORDS, WORD_RE, normal
from analysis.model import Corpus

#: z-score a word needs to be listed: the two-sided 5 % level, which the dashboard explains.
MIN_Z = 1.96
#: A word capitalised in at least this share of its uses that do not start a sentence is a name.
NAME_SHARE = 0.8
#: Below this many counted words, an outlet with no distinctive word has too little text to
#: tell (a rule of thumb, not a measured bound: about two or three articles of text).
MIN_OUTLET_WORDS = 1000
#: Default prior size as a share of the corpus's word count.
PRIOR_SHARE = 0.1
#: Words listed per outlet at most.
TOP_N = 30


def weighted_log_odds(
    focus: Mapping[str, int],
    rest: Mapping[str, int],
    prior: Mapping[str, float],
) -> dict[str, tuple[float, float]]:
    """``{word: (δ, z)}`` for every word of ``prior`` (see the module docstring).

    ``focus`` and ``rest`` are word counts of the two sides; a word missing
    from one side counts 0 there. Every word of either side must be in ``prior``
    with a positive pseudo-count.
    """
    n_i = sum(focus.values())
    n_j = sum(rest.values())
    a_0 = math.fsum(prior.values())
    return {
        word: _log_odds(focus.get(word, 0), rest.get(word, 0), a_w, n_i, n_j, a_0)
        for word, a_w in prior.items()
    }


def _log_odds(
    y_i: int, y_j: int, a_w: float, n_i: int, n_j: int, a_0: float
) -> tuple[float, float]:
    """(δ, z) of one word: counts on each side, its pseudo-count, the totals."""
    delta = math.log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - math.log(
        (y_j + a_w) / (n_j + a_0 - y_j - a_w)
    )
    variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
    return delta, delta / math.sqrt(variance)


@lru_cache(maxsize=65536)
def _term(word: str) -> str | None:
    n = normal(word)
    if len(n) < 2 or n in STOPWORDS or n in CALENDAR_WORDS or n.replace(".", "").isdigit():
        return None
    return n


def distinctive_terms(
    corpus: Corpus,
    *,
    min_count: int = 3,
    min_z: float = MIN_Z,
    top_n: int = TOP_N,
    prior_size: float | None = None,
    names: bool = False,
) -> tuple[DistinctiveTerm, ...]:
    """The words each outlet uses distinctively more than the others, highest z first.

    A word is listed for an outlet when it occurs there at least ``min_count``
    times and its z-score is at least ``min_z``; at most ``top_n`` per outlet.
    Names are left out unless ``names`` is true (see the module docstring).
    Nothing is listed for a corpus with fewer than two outlets.
    """
    outlets = corpus.outlets
    if len(outlets) < 2:
        return ()
    counts: dict[str, dict[str, int]] = {o: {} for o in outlets}
    refs: dict[str, dict[str, list[SentenceRef]]] = {o: {} for o in outlets}
    # Articles are visited in order, so a word's articles are counted by
    # remembering the last one it came in (no set per word).
    in_articles: dict[str, dict[str, int]] = {o: {} for o in outlets}
    last_article: dict[str, dict[str, int]] = {o: {} for o in outlets}
    inside: dict[str, int] = {}
    capitalised: dict[str, int] = {}
    for a, analyzed in enumerate(corpus.articles):
        text, outlet = analyzed.article.text, analyzed.outlet
        count, where_of = counts[outlet], refs[outlet]
        n_articles, last = in_articles[outlet], last_article[outlet]
        for s, sentence in enumerate(analyzed.sentences):
            ref = SentenceRef(a, s)
            for position, word in enumerate(WORD_RE.findall(text, sentence.start, sentence.end)):
                term = _term(word)
                if term is None:
                    continue
                if position:  # a sentence's first word is capitalised whatever it is
                    inside[term] = inside.get(term, 0) + 1
                    if word[0].isupper():
                        capitalised[term] = capitalised.get(term, 0) + 1
                count[term] = count.get(term, 0) + 1
                where = where_of.setdefault(term, [])
                if not where or where[-1] != ref:
                    where.append(ref)
                if last.get(term) != a:
                    last[term] = a
                    n_articles[term] = n_articles.get(term, 0) + 1
    total: dict[str, int] = {}
    for c in counts.values():
        for word, k in c.items():
            total[word] = total.get(word, 0) + k
    n_total = sum(total.values())
    if n_total == 0:
        return ()
    scale = (prior_size if prior_size is not None else PRIOR_SHARE * n_total) / n_total
    prior = {word: k * scale for word, k in total.items()}
    a_0 = math.fsum(prior.values())
    result: list[DistinctiveTerm] = []
    for outlet in outlets:
        focus = counts[outlet]
        n_i = sum(focus.values())
        n_j = n_total - n_i
        # Only words the outlet uses at least min_count times can be listed,
        # so only they are scored (most of the vocabulary is not).
        scored = []
        for word, y_i in focus.items():
            if y_i < min_count:
                continue
            if not names and capitalised.get(word, 0) >= NAME_SHARE * inside.get(word, 0) > 0:
                continue
            y_j = total[word] - y_i
            delta, z = _log_odds(y_i, y_j, prior[word], n_i, n_j, a_0)
            if z >= min_z:
                scored.append((z, word, delta, y_j))
        scored.sort(key=lambda t: (-t[0], t[1]))
        for z, word, delta, y_j in scored[:top_n]:
            result.append(
                DistinctiveTerm(
                    outlet, word, z, delta, focus[word], y_j,
                    in_articles[outlet][word], tuple(refs[outlet][word]),
                )
            )  # fmt: skip
    return tuple(result)


def distinctive_notes(
    corpus: Corpus, terms: tuple[DistinctiveTerm, ...], *, min_z: float = MIN_Z
) -> tuple[DistinctiveNote, ...]:
    """Per outlet without a listed word, why: too little text, or nothing stands out.

    Empty for a corpus with fewer than two outlets (nothing is compared).
    """
    outlets = corpus.outlets
    if len(outlets) < 2:
        return ()
    listed = {t.outlet for t in terms}
    words: dict[str, int] = {o: 0 for o in outlets}
    for analyzed in corpus.articles:
        text = analyzed.article.text
        for sentence in analyzed.sentences:
            words[analyzed.outlet] += sum(
                1 for w in WORD_RE.findall(text, sentence.start, sentence.end) if _term(w)
            )
    notes = []
    for outlet in outlets:
        if outlet in listed:
            continue
        n = words[outlet]
        if n < MIN_OUTLET_WORDS:
            note = (
                f"Too little text to tell: no word stands out at z ≥ {min_z:g} in its "
                f"{n:,} words counted (under {MIN_OUTLET_WORDS:,})."
            )
        else:
            note = f"No word stands out at z ≥ {min_z:g}: its wording is like the others'."
        notes.append(DistinctiveNote(outlet, n, note))
    return tuple(notes)
