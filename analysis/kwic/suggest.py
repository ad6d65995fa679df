"""Sets of alternatives for a concordance (:mod:`analysis.kwic`), proposed from the story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from analysis.compare.results import Comparison
    from analysis.compare.tokens import Token
    from analysis.model import Corpus


# ---------------------------------------------------------------- suggestions


class Suggestion(NamedTuple):
    """A set of alternatives worth comparing, found in the story itself."""

    #: A pattern ready to search: "war | conflict".
    pattern: str
    #: Where it comes from, in plain words.
    reason: str


def suggest_alternatives(
    corpus: Corpus, comparison: Comparison | None, *, limit: int = 8
) -> tuple[Suggestion, ...]:
    """Sets of terms the outlets use for the same thing, from this story.

    Two sources, both measured on the articles, never a fixed list:

    * concept groups (resources/concepts.tsv, the user's concepts file) with
      at least two terms in use, where the outlets do not all use the same
      ones;
    * aligned statements (the same fact in two outlets) where one outlet's
      one to three words stand where the other has different ones, content
      words only ("invasion" where another says "war").

    Suggestions that several statements or outlets share come first.
    """
    if comparison is None:
        return ()
    found: list[Suggestion] = []
    seen: set[frozenset[str]] = set()
    by_concept: dict[str, dict[str, set[str]]] = {}
    for row in comparison.labels.concepts:
        if row.count:
            by_concept.setdefault(row.concept, {}).setdefault(row.term, set()).add(row.outlet)
    ranked = sorted(
        by_concept.items(),
        key=lambda kv: (-len(set().union(*kv[1].values())), -len(kv[1]), kv[0]),
    )
    for concept, terms in ranked:
        users = list(terms.values())
        if len(terms) < 2 or all(u == users[0] for u in users):
            continue
        key = frozenset(t.lower() for t in terms)
        if key in seen:
            continue
        seen.add(key)
        found.append(Suggestion(" | ".join(terms), f"concept group “{concept}”"))
    for pair, outlets in _aligned_pairs(corpus, comparison):
        key = frozenset(pair)
        if key in seen:
            continue
        seen.add(key)
        found.append(Suggestion(" | ".join(pair), "aligned statements: " + " vs ".join(outlets)))
    return tuple(found[:limit])


def _trimmed(words: Sequence[str], stopwords: frozenset[str]) -> list[str]:
    """``words`` without stopwords at either end ("conflict over" → "conflict")."""
    start, stop = 0, len(words)
    while start < stop and words[start] in stopwords:
        start += 1
    while stop > start and words[stop - 1] in stopwords:
        stop -= 1
    return list(words[start:stop])


def _named(toks: Sequence[Token]) -> bool:
    """Whether a run of tokens holds a capitalised word (a name, most often)."""
    return any(t.text[:1].isupper() for t in toks)


def _aligned_pairs(
    corpus: Corpus, comparison: Comparison
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Word pairs that aligned statements of two outlets swap, most frequent first."""
    import difflib

    from analysis.compare.tokens import STOPWORDS, normal, stem, tokens

    counts: dict[tuple[str, str], int] = {}
    where: dict[tuple[str, str], tuple[str, str]] = {}
    for group in comparison.groups:
        core = group.members[group.core]
        core_text = corpus.articles[core.article].article.text
        core_toks = tokens(core_text, core.start, core.end)
        core_keys = [normal(t.text) for t in core_toks]
        for k, member in enumerate(group.members):
            if k == group.core or group.outlets[k] == group.outlets[group.core]:
                continue
            text = corpus.articles[member.article].article.text
            toks = tokens(text, member.start, member.end)
            keys = [normal(t.text) for t in toks]
            matcher = difflib.SequenceMatcher(None, core_keys, keys, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "replace" or not (1 <= i2 - i1 <= 3 and 1 <= j2 - j1 <= 3):
                    continue
                a = _trimmed(core_keys[i1:i2], STOPWORDS)
                b = _trimmed(keys[j1:j2], STOPWORDS)
                # Like for like: one or two words on each side, the same number.
                if not a or len(a) != len(b) or len(a) > 2:
                    continue
                if not all(w.isalpha() for w in a + b):
                    continue  # punctuation or figures: not a choice of words
                if _named(core_toks[i1:i2]) != _named(toks[j1:j2]):
                    continue  # a name against a common noun: who, not which word
                if {stem(w) for w in a} & {stem(w) for w in b}:
                    continue  # the same word inflected, or one word added to a phrase
                left, right = " ".join(a), " ".join(b)
                pair = (left, right) if left < right else (right, left)
                counts[pair] = counts.get(pair, 0) + 1
                outlets = (group.outlets[group.core], group.outlets[k])
                where.setdefault(pair, outlets if left < right else outlets[::-1])
    ranked = sorted(counts, key=lambda p: (-counts[p], p))
    return [(p, where[p]) for p in ranked]
