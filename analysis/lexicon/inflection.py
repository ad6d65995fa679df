"""Regular English inflections of a lexicon term's words.

A term of the lexicon matches its inflected forms too: ``slam`` matches slams,
slammed, slamming; ``bully`` bullies, bullied; ``blame`` blamed, blaming; an
adjective also matches its -ly adverb (``brutal`` → brutally).  The index
(:mod:`analysis.lexicon.index`) adds these forms for every word of a term
that has no leading ``=`` (exact form) or trailing ``*`` (wildcard).
"""

from __future__ import annotations

__all__ = ["adverb_forms", "inflections"]

_VOWELS = frozenset("aeiou")
_NO_INFLECT = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "up",
        "out",
        "off",
        "into",
        "onto",
        "over",
        "under",
        "and",
        "or",
        "but",
        "if",
        "is",
        "are",
        "was",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "me",
        "him",
        "them",
        "us",
        "not",
        "no",
        "so",
    ]
)


def inflections(word: str) -> tuple[str, ...]:
    """Regular English inflections of ``word`` (lower case), the word itself first.

    Over-generation is harmless (a form that is not English never occurs in a
    text), so the rules are generous: -s/-es, -ed/-d, -ing, -y → -ies/-ied,
    e-dropping (blame → blaming), consonant doubling (slam → slammed) and
    -ie → -ying (lie → lying).
    """
    w = word.lower()
    if len(w) < 3 or w in _NO_INFLECT or not w.isalpha():
        return (w,)
    forms = [w]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(w + "es")
    else:
        forms.append(w + "s")
    if w.endswith("ie"):
        forms += [w + "d", w[:-2] + "ying"]
    elif w.endswith("e"):
        forms += [w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and w[-2] not in _VOWELS:
        forms += [w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    else:
        forms += [w + "ed", w + "ing"]
        last, before, third = w[-1], w[-2], w[-3]
        if last not in _VOWELS and last not in "wxy" and before in _VOWELS and third not in _VOWELS:
            forms += [w + last + "ed", w + last + "ing"]
    return tuple(dict.fromkeys(forms))


def adverb_forms(word: str) -> tuple[str, ...]:
    """The -ly adverb of an adjective (brutal → brutally, horrible → horribly,
    hysteric → hysterically, angry → angrily); empty for short or unlikely words."""
    w = word.lower()
    if len(w) < 5 or not w.isalpha() or w.endswith(("ly", "ing", "ed", "s")):
        return ()
    if w.endswith("le") and w[-3] not in _VOWELS:
        return (w[:-1] + "y",)
    if w.endswith("ic"):
        return (w + "ally", w + "ly")
    if w.endswith("y") and w[-2] not in _VOWELS:
        return (w[:-1] + "ily",)
    return (w + "ly",)
