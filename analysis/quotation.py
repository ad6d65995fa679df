"""Quotations: where they are in a text, the verbs that report speech, the share quoted.

The one home of these three things; :mod:`analysis.lexicon` (loaded terms
inside quotes, scare quotes), :mod:`analysis.score` (quoted sentences) and
:mod:`analysis.compare.quotes` (quotes and their speakers) all read them here.

Quotation marks are paired as follows. Curly quotes (“ ” ‘ ’) and guillemets
pair with each other, nested ones too; a straight ``"`` opens when it is
followed by a non-space and closes the open one otherwise; a single quote
counts when it cannot be an apostrophe (it opens after a non-letter before a
letter, and closes before a non-letter). Two single quotes ``''`` (the
typewriter double quote of news archives: ``''We will,'' she said``) count as
one double quote. A curly quote closed by a straight
one, or the reverse ("...” typed by hand), still pairs. Marks inside markup
tags (``<a href="...">``) are not quotation marks. A quotation left open ends at the
end of its paragraph: news style reopens it in the next paragraph.

Speech verbs come from ``resources/speech_verbs.tsv`` (verb, forms, category,
reason), user-readable like the other resources; :func:`speech_words` adds the
two cue words that are not verbs of their own ("according to X", "as X put
it") and "quoted" ("X was quoted as saying").
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import NamedTuple

__all__ = [
    "MASK",
    "QUOTE_MARKS",
    "SpeechVerb",
    "speech_words",
    "inside_quote",
    "mask_quotations",
    "quote_regions",
    "quote_spans",
    "quoted_share",
    "quoted_words",
    "speech_verbs",
]

#: Every character that can open or close a quotation.
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_QUOTE_CHARS_RE = re.compile("[\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]")
_TAG_RE = re.compile(r"<[A-Za-z/][^<>\n]*>")
_OPEN_CLOSE = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019"}


def _opens(prev: str) -> bool:
    """A quotation may open after ``prev``: a space, a line's start, a bracket or an
    invisible direction mark (as pasted from social media)."""
    return prev.isspace() or prev in "([\u202a\u202b\u202c\u200e\u200f\ufeff"


@lru_cache(maxsize=32)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of direct quotations in ``text``, quote marks included, in order.

    Nested quotations are listed too (inside their outer one); see the module
    docstring for how marks pair.
    """
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, position)
    n = len(text)
    # Marks inside markup (<post id="..." author="...">) quote nobody.
    tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text)] if "<" in text else []
    t = 0
    skip = -1
    # Only quote marks and newlines matter: visit just those characters.
    for found in _QUOTE_CHARS_RE.finditer(text):
        i = found.start()
        if i == skip:
            continue  # the second mark of a ''
        while t < len(tags) and tags[t][1] <= i:
            t += 1
        if t < len(tags) and tags[t][0] < i:
            continue
        ch = text[i]
        if ch == "\n":
            if stack:
                regions.append((stack[0][1], i))
                stack.clear()
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if (
            ch == "\u201c"
            and stack
            and stack[-1][0] == "\u201d"
            and not prev.isspace()
            and (nxt.isspace() or nxt in ",.;:!?)")
        ):
            # “It's unusual,“ said Rusk: an opening mark typed where the closing one goes.
            regions.append((stack.pop()[1], i + 1))
        elif ch in ("\u201c", "\u00ab"):
            stack.append((_OPEN_CLOSE[ch], i))
        elif ch == "\u2018" and not prev.isalnum():
            stack.append(("\u2019", i))
        elif ch in ("\u201d", "\u00bb") or (ch == "\u2019" and not nxt.isalnum()):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == ch:
                    regions.append((stack[k][1], i + 1))
                    del stack[k:]
                    break
            else:
                if ch == "\u201d" and stack and stack[-1][0] == '"':
                    regions.append((stack.pop()[1], i + 1))  # "...” mixed marks
                elif ch == "\u201d" and not stack and _opens(prev) and nxt.isalnum():
                    # ”Sorry, Sarah ...” at a line's start: a closing mark typed where
                    # the opening one goes.
                    stack.append(("\u201d", i))
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                regions.append((stack.pop()[1], i + 1))
            elif (
                stack
                and stack[-1][0] == "\u201d"
                and not prev.isspace()
                and (nxt.isspace() or nxt in ",.;:!?)")
            ):
                regions.append((stack.pop()[1], i + 1))  # “..." mixed marks
            elif not nxt.isspace():
                stack.append(('"', i))
        elif ch == "'" and nxt == "'":
            # ''...'': one double quote of two marks.
            skip = i + 1
            after = text[i + 2] if i + 2 < n else " "
            if stack and stack[-1][0] == "''":
                regions.append((stack.pop()[1], i + 2))
            elif not after.isspace():
                stack.append(("''", i))
        elif ch == "'":
            if stack and stack[-1][0] == "'" and not prev.isspace() and not nxt.isalnum():
                regions.append((stack.pop()[1], i + 1))
            elif not prev.isalnum() and nxt.isalpha():
                stack.append(("'", i))
    if stack:
        regions.append((stack[0][1], n))
    regions.sort()
    return tuple(regions)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost quotations of ``text``, without their marks.

    The same quotations as :func:`quote_regions` (nested ones dropped), trimmed
    of the marks, of surrounding spaces and of a comma before the closing mark
    (it belongs to the reporting sentence: ``"We will," she said``).
    """
    spans: list[tuple[int, int]] = []
    last_end = -1
    for qs, qe in quote_regions(text):
        if qs < last_end:
            continue  # nested inside the previous quotation
        last_end = qe
        start = qs + (2 if text.startswith("''", qs) else 1)
        stop = qe - 1 if qe > qs + 1 and text[qe - 1] in QUOTE_MARKS else qe
        if stop - 1 > start and text.startswith("''", stop - 1):
            stop -= 1  # the first mark of a closing ''
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
            stop -= 1
        if stop > start:
            spans.append((start, stop))
    return spans


@lru_cache(maxsize=32)
def _merged_quotes(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in quote_regions(text):
        if starts and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return tuple(starts), tuple(ends)


def inside_quote(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a direct quotation (:func:`quote_regions`)."""
    starts, ends = _merged_quotes(text)
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and starts[k] < start and end <= ends[k]


#: What :func:`mask_quotations` puts in place of quoted characters.
MASK = "\x00"


@lru_cache(maxsize=32)
def mask_quotations(text: str) -> str:
    """``text`` with every quotation (marks included) blanked out by :data:`MASK`.

    Newlines stay, and so do offsets: a pattern run over the result finds only
    the outlet's own words (names, labels, cues), never words inside a quotation.
    """
    chars = list(text)
    starts, ends = _merged_quotes(text)
    for s, e in zip(starts, ends, strict=True):
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)


def _non_space(text: str) -> int:
    # str.split() splits at the characters \s matches: the pieces add up to
    # the characters that are not spaces.
    return sum(map(len, text.split()))


def quoted_share(text: str, start: int, end: int, regions: tuple[tuple[int, int], ...]) -> float:
    """Share of the non-space characters of ``text[start:end]`` inside ``regions``.

    ``regions`` are sorted ``(start, end)`` spans such as :func:`quote_regions`
    returns (nested ones are counted once).
    """
    inside = 0
    covered = start
    for qs, qe in regions:
        if qs >= end:
            break
        lo = max(qs, covered)
        hi = min(qe, end)
        if hi > lo:
            inside += _non_space(text[lo:hi])
            covered = hi
    if not inside:
        return 0.0
    return inside / _non_space(text[start:end])


def quoted_words(text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> int:
    """Words of ``text`` inside ``spans`` (counted as :func:`analysis.score.count_words` does)."""
    from analysis.score import count_words

    return sum(count_words(text[s:e]) for s, e in spans)


class SpeechVerb(NamedTuple):
    """One form of a speech verb from resources/speech_verbs.tsv."""

    form: str
    verb: str
    category: str
    reason: str


@cache
def speech_verbs() -> dict[str, SpeechVerb]:
    """Every form of every speech verb (lower case) → its entry."""
    from analysis.resources import read_term_table, resource_path

    path = resource_path("speech_verbs.tsv")
    table: dict[str, SpeechVerb] = {}
    for verb, forms, category, reason in read_term_table(
        path, ("verb", "forms", "category", "reason")
    ):
        for form in forms.split(","):
            form = form.strip().lower()
            if form:
                table[form] = SpeechVerb(form, verb, category, reason)
    return table


#: Words that name a speaker nearby without being a speech verb of their own:
#: "according to X", "as X put it", "X was quoted as saying".
_CUE_WORDS = frozenset(["according", "put", "quoted"])


@cache
def speech_words() -> frozenset[str]:
    """Every word that signals reported speech: the speech verbs' forms and the cue words."""
    return frozenset(speech_verbs()) | _CUE_WORDS
