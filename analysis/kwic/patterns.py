"""The concordance's pattern language: parsing a pattern, finding its spans in linear time.

See :mod:`analysis.kwic` for the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analysis.errors import PatternError
from analysis.lexicon import inflections

if TYPE_CHECKING:
    pass


#: Characters of context on each side of a hit, unless asked otherwise.
DEFAULT_WIDTH = 60
#: Limits that keep a pattern readable (and its regular expressions small).
MAX_ALTERNATIVES = 30
MAX_WORDS = 8
MAX_PATTERN = 1000

#: Columns of the CSV export, one row per hit.
CSV_COLUMNS = (
    "outlet", "story", "article", "start", "end", "left", "match", "right", "voice", "term",
)  # fmt: skip

Voice = Literal["outlet", "quoted"]
SortKey = Literal["position", "left", "right"]

_WORD_CHAR = r"[^\W_]"
_NOT_BEFORE = r"(?<![^\W_])"
_NOT_AFTER = r"(?![^\W_])"
# What may join the words of a phrase: spaces (one line break at most) and
# hyphens or dashes, as analysis.lexicon joins phrase words. A bounded run of
# one character class followed by a letter: no backtracking to speak of.
_GAP = r"[ \t\u00a0\n\-\u2010\u2011\u2013]{1,3}"
_HYPHENS_RE = re.compile(r"[\-\u2010\u2011\u2013]+")
_APOSTROPHES = "'\u2019"
_CONTEXT_WORD_RE = re.compile(r"[^\W_]+")


# ---------------------------------------------------------------- patterns


@dataclass(frozen=True, slots=True)
class Term:
    """One alternative of a pattern, compiled."""

    #: As the user typed it (spaces normalised), e.g. "~invade" or "war".
    text: str
    #: For lower-cased text (case-sensitive, so a literal start is searched fast).
    regex: re.Pattern[str]
    #: The same, ignoring case, for a text whose lower case changes its length.
    regex_any_case: re.Pattern[str]
    #: (regex group, glob) of each word holding a * that must be checked.
    globs: tuple[tuple[int, str], ...]
    #: A first word that starts with a * ("*ism"): the search looks for its
    #: end ("ism") and the match is then extended to the start of the word,
    #: where this glob is checked. (Searching for "letters then ism" would
    #: try every letter of every word.)
    lead_glob: str | None = None
    #: How many characters of the match belong to that first word.
    lead_tail: int = 0


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: its alternatives, in the order typed."""

    text: str
    terms: tuple[Term, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.terms)


def _glob_match(glob: str, word: str) -> bool:
    """Whether ``word`` matches ``glob`` (``*`` = any letters), ignoring case.

    Greedy and leftmost: the pieces between stars are found in order with
    ``str.find``, which is exact for globs whose only wildcard is ``*``.
    """
    pieces = glob.lower().split("*")
    w = word.lower()
    first, last = pieces[0], pieces[-1]
    if len(w) < len(first) + len(last) or not w.startswith(first) or not w.endswith(last):
        return False
    at, stop = len(first), len(w) - len(last)
    for piece in pieces[1:-1]:
        found = w.find(piece, at, stop)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _literal(word: str) -> str:
    """A word without wildcards as a regex: escaped, apostrophes of either kind."""
    out = []
    for ch in word:
        out.append(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch))
    return "".join(out)


def _started(literal: str, length: int, first: bool) -> str:
    """``literal`` (``length`` characters of text), not inside a word when ``first``.

    The check is a look-behind placed *after* the literal: the search still
    skips ahead to the literal's first character, and a start inside a word
    fails at once (a look-behind in front would be tried at every character).
    """
    if not first or not length:
        return literal
    return f"{literal}(?<!{_WORD_CHAR}[\\s\\S]{{{length}}})"


def _word_regex(word: str, lemma: bool, first: bool) -> tuple[str, str | None]:
    """The regex of one word of a term and, when one is needed, the glob to check.

    ``first``: the term's first word, which must start a word of the text.
    """
    bounded = first and word[0].isalnum()
    if "*" not in word:
        if lemma and word.isalpha():
            forms = sorted(inflections(word), key=len, reverse=True)
            alternatives = "|".join(_started(_literal(f), len(f), bounded) for f in forms)
            return f"(?:{alternatives})", None
        return _started(_literal(word), len(word), bounded), None
    if not word.replace("*", "").isalnum() and word.strip("*"):
        raise PatternError(
            f"In {word!r} a * can only stand among letters or digits (as in invad*)."
        )
    pieces = word.split("*")
    first_piece, last = pieces[0], pieces[-1]
    lead = _NOT_BEFORE if first and not first_piece else ""
    # One repetition only, between the word's fixed start and end: from a word
    # start it backtracks at most the length of that word. Pieces between two
    # stars are checked on the match (a second repetition could backtrack
    # quadratically).
    inner = f"{_WORD_CHAR}*" if first_piece or last else f"{_WORD_CHAR}+"
    start = _started(_literal(first_piece), len(first_piece), bounded)
    regex = f"{lead}({start}{inner}{_literal(last)})"
    return regex, word if len(pieces) > 2 else None


def _compile_term(text: str) -> Term:
    lemma = text.startswith("~")
    body = text[1:].strip() if lemma else text
    # Lower case: the regex for lower-cased text needs it, and ignoring case
    # the other one matches all the same.
    words = [w for part in body.lower().split() for w in _HYPHENS_RE.split(part) if w]
    if not words:
        raise PatternError(f"{text!r} holds nothing to search for; type a word.")
    if len(words) > MAX_WORDS:
        raise PatternError(f"{text!r} has more than {MAX_WORDS} words; search a shorter phrase.")
    if all(w.strip("*") == "" for w in words):
        raise PatternError(
            f"{text!r} would match every word; add letters (invad*) or a word "
            "(special * operation)."
        )
    parts: list[str] = []
    globs: list[tuple[int, str]] = []
    group = 0
    lead_glob: str | None = None
    lead_tail = ""
    if words[0].startswith("*") and (words[0].strip("*") or len(words) > 1):
        lead_glob = words[0]
        lead_tail = words[0].split("*")[-1]
        if not words[0].replace("*", "").isalnum() and words[0].strip("*"):
            raise PatternError(
                f"In {words[0]!r} a * can only stand among letters or digits (as in invad*)."
            )
        parts.append(_literal(lead_tail))
    for n, word in enumerate(words):
        if n == 0 and lead_glob is not None:
            continue
        regex, glob = _word_regex(word, lemma, n == 0)
        group += "*" in word  # each word with a * is one capturing group
        if glob is not None:
            globs.append((group, glob))
        parts.append(regex)
    source = _GAP.join(parts)
    if words[-1][-1].isalnum() or words[-1][-1] == "*":
        source += _NOT_AFTER
    return Term(
        text,
        re.compile(source),
        re.compile(source, re.IGNORECASE),
        tuple(globs),
        lead_glob,
        len(lead_tail),
    )


def parse_pattern(pattern: str) -> Pattern:
    """Parse a pattern (see the module docstring); raises :class:`PatternError`."""
    if len(pattern) > MAX_PATTERN:
        raise PatternError(f"The pattern is longer than {MAX_PATTERN} characters; shorten it.")
    texts = [" ".join(t.split()) for t in pattern.split("|")]
    texts = list(dict.fromkeys(t for t in texts if t and t != "~"))
    if not texts:
        raise PatternError("The pattern is empty; type a word, a phrase or word | word.")
    if len(texts) > MAX_ALTERNATIVES:
        raise PatternError(f"The pattern has more than {MAX_ALTERNATIVES} alternatives.")
    return Pattern(" | ".join(texts), tuple(_compile_term(t) for t in texts))


def _find(term: Term, text: str, lowered: str | None) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``text``; ``lowered`` is ``text.lower()`` when it has its length."""
    found: list[tuple[int, int]] = []
    if lowered is not None:
        search, text = term.regex.search, lowered
    else:
        search = term.regex_any_case.search
    at = 0
    while True:
        m = search(text, at)
        if m is None:
            return found
        s, e = m.span()
        ok = True
        if term.lead_glob is not None:
            word_end = s + term.lead_tail
            while s > 0 and text[s - 1].isalnum():
                s -= 1
            ok = word_end > s and _glob_match(term.lead_glob, text[s:word_end])
        if ok and all(_glob_match(glob, m.group(g)) for g, glob in term.globs):
            found.append((s, e))
            at = e if e > m.start() else m.start() + 1
        else:
            at = m.start() + 1  # another word may match further on


def _lowered(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) else None


def find_spans(pattern: Pattern, text: str) -> list[tuple[int, int, int]]:
    """(start, end, alternative) of every match in ``text``, in order, never overlapping."""
    return _spans(pattern, text, _lowered(text))


def _spans(pattern: Pattern, text: str, lowered: str | None) -> list[tuple[int, int, int]]:
    candidates = [
        (s, e, k) for k, term in enumerate(pattern.terms) for s, e in _find(term, text, lowered)
    ]
    if len(pattern.terms) > 1:
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    chosen: list[tuple[int, int, int]] = []
    reached = 0
    for s, e, k in candidates:
        if s >= reached:
            chosen.append((s, e, k))
            reached = e
    return chosen
