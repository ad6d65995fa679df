"""Segment: split an article's text into sentences with character offsets.

nupunkt (a Punkt sentence splitter with a pre-trained English model) finds
sentence boundaries inside running prose, but it treats a line break as a
space. News text is full of lines that are sentences on their own without a
full stop: headlines, standfirsts, photo captions, list items, bylines. So the
text is first cut into *blocks*:

* a blank line always ends a block (paragraphs);
* a single line break ends a block too, unless the paragraph looks
  hard-wrapped (every line but the last is long and of similar length, as in
  plain-text e-mail or PDF text), in which case its lines are joined back into
  one block and only list items (lines starting with a bullet or "1.") start
  a new block.

nupunkt then splits each block, and its boundaries are checked: a boundary
never falls after a title ("Gov.", "Ms.", "Sens."), inside an initial
("Michael T. Flynn"), after an acronym that the sentence goes on from
("N.C.A.A. said", "U.S. Secretary"), before a closing bracket ("(R-S.C.)")
or a lower-case word, nor inside a quotation closed in the same block (a
passage quoted over several sentences stays one unit, with the words that
say who spoke; a quotation of more than :data:`MAX_QUOTE_CHARS` characters
is split all the same). Every sentence is trimmed of surrounding whitespace.
Spans given as ``skip`` (page furniture, a headline) are cut out of the
blocks first, so no sentence reaches into them. Splitting takes time linear in the
text, whatever it holds (see :func:`_masked_runs`). Offsets are Python ``str``
indices into the text given, so ``text[start:end]`` is the sentence. The
nupunkt model is loaded once per process, on first use.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate

__all__ = ["TITLE_ABBREVIATIONS", "block_spans", "sentence_spans"]

#: Titles written with a full stop before a name ("Gov.", "Sens."): never the end
#: of a sentence.
TITLE_ABBREVIATIONS = frozenset(
    {
        "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Gov", "Govs", "Sen", "Sens", "Rep",
        "Reps", "Gen", "Gens", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Rev", "Prof",
        "Pres", "Supt", "Atty", "Hon", "Fr", "Msgr", "Amb", "Cpl", "Pvt",
    }
)  # fmt: skip
_TITLE_END = re.compile(
    r"(?:^|(?<=[\s(\[\"“‘'—–-]))(?:" + "|".join(sorted(TITLE_ABBREVIATIONS)) + r")\.$"
)
#: A middle initial: "Michael T." (the name goes on after it).
_INITIAL_END = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.$")
#: An acronym written with periods: "U.S.", "N.C.A.A.", "D.C.".
_ACRONYM_END = re.compile(r"(?:^|(?<=[\s(\[\"“]))(?:[A-Za-z]\.){2,}$")
#: Words that start a new sentence after an acronym ("... in the U.S. He said").
_STARTERS = frozenset(
    {
        "A", "An", "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We",
        "I", "You", "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or", "So", "Yet",
        "Still", "Then", "There", "Here", "In", "On", "At", "For", "If", "When", "While",
        "After", "Before", "As", "Since", "Although", "However", "Meanwhile", "Moreover",
        "Also", "Now", "Some", "Many", "Most", "Both", "Each", "Other", "Others", "No", "Not",
        "What", "Why", "How", "Who", "Where", "Which",
    }
)  # fmt: skip
_CLOSING_QUOTES = "\u201d\"\u2019'\u00bb"
#: A name (up to four words) and a verb of saying: what follows a quotation it attributes.
_SAID_RE = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes"
    r"|replied|continued|recalled|tweeted|explained|insisted|noted|argued|declared)\b"
)
#: A quoted passage longer than this is split at its sentences all the same.
MAX_QUOTE_CHARS = 400

#: A line that starts a list item: "-", "*", "•", "–", "1.", "2)", "a)".
_LIST_ITEM = re.compile(r"\s*(?:[-*•·–—▪‣◦]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"[.?!]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
#: Lines this long or longer can come from hard-wrapping; a short line is a
#: headline or a caption even when the lines around it are long.
_WRAP_MIN = 40
#: In a wrapped paragraph every line but the last reaches this share of the longest.
_WRAP_SHARE = 0.6


#: nupunkt weighs every ".", "?", "!" or "…" against the whole run of
#: non-space characters after it, yet reports only the last one of a run: a
#: run holding more of them than this has the rest blanked out before nupunkt
#: sees it, which keeps the time linear (100,000 characters of ")." took 11 s).
_RUN_ENDS_KEPT = 16
#: A run that can hold more than :data:`_RUN_ENDS_KEPT` sentence ends.
_LONG_RUN = re.compile(rf"\S{{{_RUN_ENDS_KEPT + 1},}}")
_END_CHARS = re.compile(r"[.?!\u2026]")


def _masked_runs(block: str) -> str:
    """``block`` with all but the last few sentence ends of each non-space run blanked.

    The text keeps its length, so nupunkt's offsets stay valid. Only runs with
    more than :data:`_RUN_ENDS_KEPT` sentence ends change (prose has none):
    their early part becomes words and spaces, so nupunkt neither weighs its
    ends nor reads it as the word before the boundary it decides on.
    """
    parts: list[str] = []
    pos = 0
    for run in _LONG_RUN.finditer(block):
        ends = [m.start() for m in _END_CHARS.finditer(block, run.start(), run.end())]
        if len(ends) <= _RUN_ENDS_KEPT:
            continue
        cut = ends[-_RUN_ENDS_KEPT]
        parts.append(block[pos : run.start()])
        parts.append(_END_CHARS.sub(" ", block[run.start() : cut]))
        pos = cut
    if not parts:
        return block
    parts.append(block[pos:])
    return "".join(parts)


@cache
def _splitter() -> Callable[[str], list[tuple[int, int]]]:
    """nupunkt's span function with its default English model loaded once."""
    import nupunkt

    nupunkt.sent_spans("Load the model. Once.")  # loads and caches the default model
    spans: Callable[[str], list[tuple[int, int]]] = nupunkt.sent_spans

    def splitter(block: str) -> list[tuple[int, int]]:
        return spans(_masked_runs(block))

    return splitter


def _is_wrapped(lines: list[tuple[int, int]]) -> bool:
    """True when a paragraph's lines look hard-wrapped rather than separate units."""
    if len(lines) < 2:
        return False
    lengths = [end - start for start, end in lines]
    longest = max(lengths)
    if longest < _WRAP_MIN or longest > 200:
        return False
    return all(length >= _WRAP_SHARE * longest for length in lengths[:-1])


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text[start:end]``."""
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            spans.append((pos, stop))
        pos = stop + 1
    return spans


def block_spans(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` into blocks (paragraphs, or lines that stand alone), untrimmed."""
    blocks: list[tuple[int, int]] = []
    para_start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        para_end = len(text) if match is None else match.start()
        lines = _lines(text, para_start, para_end)
        if _is_wrapped(lines):
            block_start = lines[0][0]
            for (_, prev_end), (line_start, _) in zip(lines, lines[1:], strict=False):
                if _LIST_ITEM.match(text, line_start):
                    blocks.append((block_start, prev_end))
                    block_start = line_start
            blocks.append((block_start, lines[-1][1]))
        else:
            blocks.extend(lines)
        if match is not None:
            para_start = match.end()
    return blocks


def _cut(blocks: list[tuple[int, int]], skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``blocks`` with the ``skip`` spans (sorted, not overlapping) cut out of them."""
    if not skip:
        return blocks
    out: list[tuple[int, int]] = []
    k = 0
    for start, end in blocks:
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        j = k
        pos = start
        while j < len(skip) and skip[j][0] < end:
            if skip[j][0] > pos:
                out.append((pos, skip[j][0]))
            pos = max(pos, skip[j][1])
            j += 1
        if pos < end:
            out.append((pos, end))
    return out


def _false_boundary(before: str, after: str, inside_quote: bool) -> bool:
    """True when nupunkt's boundary between ``before`` and ``after`` is not a sentence end."""
    after = after.lstrip()
    if not after:
        return False
    if after[0] in ")]":
        return True
    if inside_quote:
        return True
    before = before.rstrip()
    if before[-1:] in _CLOSING_QUOTES and (after[0].islower() or _SAID_RE.match(after)):
        return True  # '"... inappropriate?" Walsh asked.'
    if not before.endswith("."):
        return False
    if after[0].islower():
        return True
    if _TITLE_END.search(before[-12:]):
        return True
    next_word = re.match(r"[\"“‘']?([A-Z][\w’'-]*)", after)
    if next_word is None:
        return False
    if _INITIAL_END.search(before[-40:]):
        return True
    return bool(_ACRONYM_END.search(before[-20:])) and next_word.group(1) not in _STARTERS


def _closed_quotes(block: str) -> list[tuple[int, int]]:
    """Quotations in ``block`` that close in it, no longer than :data:`MAX_QUOTE_CHARS`."""
    from analysis.lexicon import quote_regions

    return [
        (s, e)
        for s, e in quote_regions(block)
        if e - s <= MAX_QUOTE_CHARS and block[e - 1 : e] in ("\u201d", '"', "\u00bb")
    ]


def _rstripped_end(block: str, start: int, end: int) -> int:
    """The end of ``block[start:end]`` once trailing whitespace is trimmed."""
    while end > start and block[end - 1].isspace():
        end -= 1
    return end


def _repair(block: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the pieces nupunkt split at a false boundary (see :func:`_false_boundary`)."""
    if len(pieces) < 2:
        return pieces
    quotes = _closed_quotes(block)
    quote_starts = [qs for qs, _ in quotes]
    # The furthest end of the quotations opened so far (they are sorted by start):
    # one look per boundary instead of a pass over every quotation.
    reach = list(accumulate((qe for _, qe in quotes), max))
    joined = [pieces[0]]
    for start, end in pieces[1:]:
        prev_start, prev_end = joined[-1]
        cut = _rstripped_end(block, 0, prev_end)
        # Inside a quotation opened before the cut that goes on past the next piece's start.
        opened = bisect.bisect_left(quote_starts, cut)
        inside = opened > 0 and reach[opened - 1] > start + 1
        # The words before the boundary decide; a joined piece can grow long.
        tail = block[max(prev_start, cut - 64) : cut]
        if _false_boundary(tail, block[start:end], inside):
            joined[-1] = (prev_start, end)
        else:
            joined.append((start, end))
    return joined


def sentence_spans(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``, in order.

    Each span is trimmed (``text[start:end]`` neither starts nor ends with
    whitespace) and non-empty; spans never overlap. ``skip`` holds sorted,
    non-overlapping spans no sentence may reach into (page furniture, the
    headline); what is left of a line around them must hold a letter or a
    digit to count as a sentence.
    """
    split = _splitter()
    spans: list[tuple[int, int]] = []
    blocks = block_spans(text)
    cut = _cut(blocks, skip) if skip else blocks
    whole = set(blocks)
    for block_start, block_end in cut:
        block = text[block_start:block_end]
        if (block_start, block_end) not in whole and not any(ch.isalnum() for ch in block):
            continue  # what a cut left over: punctuation or space
        # nupunkt only breaks at ".", "?" or "!": a block with none of them
        # (a headline, a caption) is one sentence.
        # A block whose only one is its last character (a one-sentence
        # paragraph, common in news) cannot be split either: nupunkt only
        # breaks after one of them.
        ends = _SENTENCE_END.findall(block)
        if not ends or (len(ends) == 1 and block.rstrip()[-1:] in ends):
            pieces = [(0, len(block))]
        else:
            pieces = _repair(block, split(block))
        for start, end in pieces:
            # nupunkt's spans cover the block without gaps, whitespace included.
            piece = block[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = block_start + start + lead
            spans.append((s, s + len(stripped)))
    return spans
