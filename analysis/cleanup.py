"""Cleanup: find the page furniture and the headline in an article's text.

Pasted and saved articles carry text that is not the article: bylines, photo
credits, the description of an image, a video's title and running time,
"3 months ago", share buttons, a site's slogan. Scored, it would count as the
outlet's words; compared, it would be listed as a statement only one outlet
makes. :func:`clean` finds it, so the loader can record it on the
:class:`~analysis.model.Article` (``furniture``): the text stays as it was
(the window shows the furniture greyed), and the score step leaves it out of
the sentences, so no later step sees it.

The rules:

* the patterns of ``resources/furniture.tsv`` (one per line, each with its
  kind and the reason shown to the user);
* a first line that :mod:`analysis.outlets` knows as a site's boilerplate;
* bylines near the top ("By Jane Doe and John Roe", "- Jane Doe",
  "- BBC reporter"), whose names become the article's author;
* an image's description: the line that opens a paragraph whose next line
  is a photo caption ending in a credit;
* a video block: the line between a "WATCH |" link and the player's time
  line, and the player's blurb right under its running time.

:func:`headline_span` finds the headline: the first line that is not
furniture, when it reads as one (short, not ending like a sentence, more text
after it), or the line equal to the title the file declares.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, cast

from analysis.errors import FrameLensError
from analysis.model import Furniture, FurnitureKind

__all__ = ["Cleanup", "FurnitureRule", "clean", "furniture_rules", "headline_span"]

_KINDS = (
    "byline", "dateline", "credit", "alt text", "media", "timestamp", "promo", "slogan", "note",
)  # fmt: skip
_SCOPES = ("line", "inline", "prefix", "lead")
#: Characters at the top of the text where "lead" rules and bylines are looked for.
LEAD_CHARS = 600
#: Bylines are looked for in this many non-blank lines at the top.
BYLINE_LINES = 6
#: A headline has at most this many words.
HEADLINE_MAX_WORDS = 25

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
#: One person's name as bylines write it: 2-4 capitalised words, initials allowed.
_NAME = (
    r"[A-Z][\w'’.-]*[a-z][\w'’-]*"
    r"(?:\s+(?:[A-Z]\.\s+|(?:de|da|van|von|der|del|bin|al|le|la)\s+)?[A-Z][\w'’-]*[a-z][\w'’-]*){1,3}"
)
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*"
_BULLET = r"[-–—•·]\s*"
#: "By Jane Doe", "By Jane Doe and John Roe, CNN", "- Jane Doe and John Roe".
_BYLINE_RE = re.compile(
    rf"(?:{_BULLET})?(?i:by)\s+(?P<by>{_NAMES})(?:\s*(?:,|\||[-–—])\s*[^\n]{{1,60}})?"
    rf"|{_BULLET}(?P<dash>{_NAMES})"
)
_ROLES = (
    "reporter|reporters|correspondent|correspondents|editor|editors|writer|writers|journalist"
    "|journalists|contributor|contributors|staff|producer|producers|analyst|columnist|bureau"
)
#: "- BBC reporter", "Political correspondent", "Guardian staff and agencies".
_ROLE_RE = re.compile(
    # Starts only where a word starts: inside a long run of letters every start
    # would rescan the run (quadratic); a line is fullmatched anyway.
    rf"(?<![\w&.'’-])(?:{_BULLET})?(?:[A-Z][\w&.'’-]*\s+){{0,4}}(?i:{_ROLES})"
    r"(?:\s+(?i:and agencies|in|at|for)(?:\s+[A-Z][\w'’-]*){0,3})?\.?"
)
#: A caption ends in a photo credit when a credit rule matched at its end.
_CAPTION_MAX_WORDS = 40


class FurnitureRule(NamedTuple):
    """One line of resources/furniture.tsv."""

    kind: FurnitureKind
    scope: str
    pattern: re.Pattern[str]
    reason: str


class Cleanup(NamedTuple):
    """What :func:`clean` found in a text."""

    furniture: tuple[Furniture, ...]
    #: ``(start, end)`` of the headline line, or None.
    headline: tuple[int, int] | None
    #: The headline's text ("" without one).
    title: str
    #: The names of the byline ("" without one).
    author: str


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The rules of resources/furniture.tsv, in file order."""
    from analysis.resources import resource_path

    rules: list[FurnitureRule] = []
    header_seen = False
    path = resource_path("furniture.tsv")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            try:
                kind, scope, pattern, reason = line.split("\t")
                if kind not in _KINDS or scope not in _SCOPES:
                    raise ValueError(f"unknown kind {kind!r} or scope {scope!r}")
                compiled = re.compile(pattern if scope == "inline" else rf"(?:{pattern})")
            except (ValueError, re.error) as error:
                raise FrameLensError(
                    f"resources/furniture.tsv line {number} is malformed ({error}). "
                    "Reinstall FrameLens."
                ) from error
            rules.append(FurnitureRule(cast(FurnitureKind, kind), scope, compiled, reason))
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str
    #: True when a blank line (or the start of the text) comes right before it.
    para_start: bool


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank_before = True
    pos = 0
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            blank_before = True
            continue
        lead = len(raw) - len(raw.lstrip())
        line_start = start + lead
        line_end = start + len(raw.rstrip())
        lines.append(_Line(line_start, line_end, text[line_start:line_end], blank_before))
        blank_before = False
    return lines


def _words(text: str) -> int:
    return len(_WORD.findall(text))


@cache
def _line_rules() -> tuple[re.Pattern[str], tuple[FurnitureRule, ...]]:
    """The "line" rules as one alternation (one regex call per line), and the rules by group."""
    rules = tuple(r for r in furniture_rules() if r.scope == "line")
    pattern = "|".join(f"(?P<r{k}>{r.pattern.pattern})" for k, r in enumerate(rules))
    return re.compile(pattern), rules


def _rule_matches(text: str, lines: list[_Line]) -> list[Furniture]:
    found: list[Furniture] = []
    any_line, line_rules = _line_rules()
    for line in lines:
        whole = any_line.fullmatch(line.text)
        if whole is not None and whole.lastgroup is not None:
            rule = line_rules[int(whole.lastgroup[1:])]
            found.append(Furniture(line.start, line.end, rule.kind, rule.reason))
    for rule in furniture_rules():
        if rule.scope == "line":
            continue
        if rule.scope == "inline":
            for m in rule.pattern.finditer(text):
                found.append(Furniture(m.start(), m.end(), rule.kind, rule.reason))
            continue
        for line in lines:
            if rule.scope == "lead" and line.start >= LEAD_CHARS:
                break
            # "prefix" and "lead": the start of the line; the rest stays article text.
            start = rule.pattern.match(line.text)
            if start and start.end() < len(line.text):
                end = line.start + start.end()
                found.append(Furniture(line.start, end, rule.kind, rule.reason))
    return found


def _site_boilerplate(lines: list[_Line]) -> list[Furniture]:
    """A first line that outlets' signatures mark as site boilerplate."""
    from analysis.outlets import signatures

    if not lines:
        return []
    first = lines[0]
    for signature in signatures():
        first_line = signature.boilerplate and signature.scope == "first-line"
        if first_line and signature.pattern.search(first.text):
            reason = f"Site boilerplate: {signature.note}." if signature.note else ""
            return [Furniture(first.start, first.end, "slogan", reason)]
    return []


def _bylines(lines: list[_Line], taken: list[Furniture]) -> tuple[list[Furniture], str]:
    """Byline lines among the first lines, and the names they give."""
    found: list[Furniture] = []
    names: list[str] = []
    sentences = 0
    cover = _Cover(f for f in taken if f.start < LEAD_CHARS)
    for line in lines[:BYLINE_LINES]:
        if line.start >= LEAD_CHARS:
            break
        if cover.covers(line.start, line.end):
            continue
        m = _BYLINE_RE.fullmatch(line.text)
        if m:
            names.append(m.group("by") or m.group("dash"))
            found.append(Furniture(line.start, line.end, "byline", "The byline: who wrote it."))
        elif _ROLE_RE.fullmatch(line.text) and _words(line.text) <= 8:
            found.append(
                Furniture(line.start, line.end, "byline", "The byline: the writer's role.")
            )
        elif _words(line.text) > HEADLINE_MAX_WORDS:
            break  # the article has begun
        elif re.search(r"[.?!][\"”’']?$", line.text) and _words(line.text) >= 8:
            sentences += 1
            if sentences >= 2:
                break  # past a standfirst: the article has begun
    return found, " and ".join(dict.fromkeys(names))


class _Cover:
    """Where some spans lie, for quick "is this line inside them?" questions."""

    def __init__(self, spans: Iterable[Furniture], kind: str = "") -> None:
        starts: list[int] = []
        ends: list[int] = []
        for f in sorted(spans, key=lambda f: f.start):
            if kind and f.kind != kind:
                continue
            if ends and f.start <= ends[-1]:
                ends[-1] = max(ends[-1], f.end)
            else:
                starts.append(f.start)
                ends.append(f.end)
        self.starts, self.ends = starts, ends

    def covers(self, start: int, end: int) -> bool:
        """True when the spans cover all of ``[start, end)``."""
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]


def _context_rules(lines: list[_Line], found: list[Furniture]) -> list[Furniture]:
    """Image descriptions and video blocks, recognised by the lines next to them."""
    extra: list[Furniture] = []
    taken = _Cover(found)
    media, times = _Cover(found, "media"), _Cover(found, "timestamp")
    credit_starts: dict[int, list[int]] = {}  # end of a credit -> where credits ending there start
    for f in found:
        if f.kind == "credit":
            credit_starts.setdefault(f.end, []).append(f.start)
    for i, line in enumerate(lines):
        # An image's description: a short line right above a caption that ends in a
        # credit, with no blank line between (pages save the alt text before the caption).
        if i + 1 < len(lines) and not lines[i + 1].para_start:
            caption = lines[i + 1]
            credit = any(start > caption.start for start in credit_starts.get(caption.end, ()))
            if (
                credit
                and line.para_start  # alt text and caption make a paragraph of their own
                and not taken.covers(line.start, line.end)
                and _words(line.text) <= _CAPTION_MAX_WORDS
                and not re.search('["“”]', line.text)
                and line.text[:1].isupper()
            ):
                extra.append(
                    Furniture(
                        line.start,
                        line.end,
                        "alt text",
                        "The description of a photo (its alt text), saved above the caption.",
                    )
                )
        # A video block: the player's blurb right under its running time, and the
        # video's title between a "WATCH |" link and its time lines.
        if media.covers(line.start, line.end) and re.search(r"\d:\d\d", line.text):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            after = lines[i + 2] if i + 2 < len(lines) else None
            blurb_ends_block = after is None or after.para_start
            blurb = nxt is not None and not nxt.para_start and blurb_ends_block
            if nxt is not None and blurb and not taken.covers(nxt.start, nxt.end):
                extra.append(
                    Furniture(
                        nxt.start, nxt.end, "media",
                        "The description of an embedded video, saved with the player.",
                    )
                )  # fmt: skip
            # Back up over the time lines to the video's title and its link.
            k = i - 1
            while k >= 0 and times.covers(lines[k].start, lines[k].end):
                k -= 1
            if k >= 1 and media.covers(lines[k - 1].start, lines[k - 1].end):
                title = lines[k]
                if _words(title.text) <= HEADLINE_MAX_WORDS and not taken.covers(
                    title.start, title.end
                ):
                    extra.append(
                        Furniture(
                            title.start, title.end, "media",
                            "The title of an embedded video.",
                        )
                    )  # fmt: skip
    return extra


def _merge(found: list[Furniture]) -> tuple[Furniture, ...]:
    """Sorted, without overlaps (the earlier, then the longer span wins)."""
    result: list[Furniture] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if result and f.start < result[-1].end:
            if f.end > result[-1].end:
                last = result[-1]
                result[-1] = last._replace(end=f.end)
            continue
        result.append(f)
    return tuple(result)


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def headline_span(
    text: str, furniture: tuple[Furniture, ...] = (), *, title: str = ""
) -> tuple[int, int] | None:
    """``(start, end)`` of the headline line of ``text``, or None.

    With a declared ``title`` (front matter, page metadata), the headline is
    the first line that is not furniture when it says the same. Without one,
    it is that line when it reads as a headline: at most
    :data:`HEADLINE_MAX_WORDS` words, not ending in ``. , ; :``, starting
    with a capital, a digit or a quotation mark, and followed by more text.
    """
    taken = _Cover(furniture)
    lines = [line for line in _lines(text) if not taken.covers(line.start, line.end)]
    if len(lines) < 2:
        return None
    first = lines[0]
    if title:
        return (first.start, first.end) if _normal(first.text) == _normal(title) else None
    words = _words(first.text)
    if not 2 <= words <= HEADLINE_MAX_WORDS:
        return None
    if first.text.rstrip("\"”’'")[-1:] in ".,;:" or not re.match(r"[\"“‘'A-Z0-9]", first.text):
        return None
    if first.text.upper() == first.text and words > 3:
        return None  # a shouted label, not a headline
    return first.start, first.end


def clean(text: str, *, title: str = "") -> Cleanup:
    """The page furniture of ``text``, its headline and its byline's names.

    ``title`` is the title the file declares, if any: the headline is then
    the line that repeats it (see :func:`headline_span`).
    """
    lines = _lines(text)
    found = _rule_matches(text, lines) + _site_boilerplate(lines)
    bylines, author = _bylines(lines, found)
    found += bylines
    found += _context_rules(lines, found)
    furniture = _merge(found)
    headline = headline_span(text, furniture, title=title)
    headline_text = text[headline[0] : headline[1]] if headline else ""
    return Cleanup(furniture, headline, " ".join(headline_text.split()), author)
