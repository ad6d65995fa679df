"""Word tokens, normal forms and keyword matching shared by the comparison modules.

The normal form makes different spellings of one word meet: lower case,
curly apostrophes made straight, possessive "'s" dropped, hyphens removed
("cease-fire" = "ceasefire"), number words as digits ("twelve-point" =
"12-point"). :func:`stem` adds the Snowball (Porter 2) stemmer so that
"called", "calls" and "calling", or "apologized" and "apology", meet in
alignment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

#: A word (letters/digits with inner hyphens or apostrophes) or one punctuation mark.
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
#: Words only.
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "don",
        "may",
        "might",
        "must",
        "shall",
        "us",
    ]
)


#: Number words and their digits ("twelve-point" = "12-point").
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "dozen": "12",
    "hundred": "100", "thousand": "1000",
}  # fmt: skip


class Token(NamedTuple):
    """A token with its span in the text it came from."""

    start: int
    end: int
    text: str


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation marks of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, stop)]


def words(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words (no punctuation) of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, stop)]


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """The normal form of a word or punctuation mark (see the module docstring)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if "-" in w:
        w = "".join(NUMBER_WORDS.get(part, part) for part in w.split("-"))
    return NUMBER_WORDS.get(w, w)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a normal form: "apologized"/"apology" → "apolog".

    Forms of one word meet ("Democrat"/"Democratic", "elected"/"election");
    digits and words of three letters or fewer stay as they are.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    return str(_snowball().stem(word))


@cache
def _snowball() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # nltk comes with TextBlob

    return SnowballStemmer("english", ignore_stopwords=False)


def content_stems(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Stems of the words of ``text[start:end]`` that are not stopwords."""
    out = []
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        n = normal(m.group())
        if n and n not in STOPWORDS:
            out.append(stem(n))
    return out


class TermEntry(NamedTuple):
    """One row of a keyword resource: a term, the group it belongs to and why."""

    term: str
    group: str
    reason: str


class TermMatch(NamedTuple):
    """A keyword found in a text."""

    start: int
    end: int
    text: str
    entry: TermEntry


def _term_pattern(term: str) -> str:
    parts = []
    for piece in re.split(r"(\s+|\*|-|'|’)", term.strip()):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"[\s-]+")
        elif piece == "*":
            parts.append(r"[\w'’-]*")
        elif piece == "-":
            parts.append(r"[\s-]?")
        elif piece in ("'", "’"):
            parts.append("['’]")
        else:
            parts.append(re.escape(piece))
    return "".join(parts)


class TermMatcher:
    """Finds the terms of a keyword resource in text (case-insensitive, whole words).

    A term may hold several words and end in ``*`` ("econom*"). Where terms
    overlap, the longest wins, so "special military operation" is not also
    counted as "operation".
    """

    def __init__(self, entries: Sequence[TermEntry]) -> None:
        self.entries = tuple(entries)
        ordered = sorted(
            range(len(self.entries)),
            key=lambda i: (-len(self.entries[i].term), self.entries[i].term),
        )
        self._patterns = [re.compile(_term_pattern(self.entries[i].term), re.I) for i in ordered]
        self._order = ordered
        # A literal spelling beats a pattern that also matches it ("ceasefire" vs "cease-fire").
        self._exact = {}
        for i in reversed(ordered):
            self._exact[self.entries[i].term.lower().replace("’", "'")] = i
        if self.entries:
            alternation = "|".join(f"(?:{p.pattern})" for p in self._patterns)
            self._regex: re.Pattern[str] | None = re.compile(
                rf"(?<![\w'’-])(?:{alternation})(?![\w-])", re.I
            )
        else:
            self._regex = None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[TermMatch]:
        """Matches in ``text[start:end]`` with offsets into ``text``."""
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        for m in self._regex.finditer(text, start, stop):
            exact = self._exact.get(m.group().lower().replace("’", "'"))
            if exact is not None:
                yield TermMatch(m.start(), m.end(), m.group(), self.entries[exact])
                continue
            for index, pattern in zip(self._order, self._patterns, strict=True):
                if pattern.fullmatch(m.group()):
                    yield TermMatch(m.start(), m.end(), m.group(), self.entries[index])
                    break


#: Day and month names: capitalised like names, but never a person or a speaker.
CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
