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

nupunkt then splits each block, and every sentence is trimmed of surrounding
whitespace. Offsets are Python ``str`` indices into the text given, so
``text[start:end]`` is the sentence. The nupunkt model is loaded once per
process, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["block_spans", "sentence_spans"]

#: A line that starts a list item: "-", "*", "•", "–", "1.", "2)", "a)".
_LIST_ITEM = re.compile(r"\s*(?:[-*•·–—▪‣◦]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"[.?!]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
#: Lines this long or longer can come from hard-wrapping; a short line is a
#: headline or a caption even when the lines around it are long.
_WRAP_MIN = 40
#: In a wrapped paragraph every line but the last reaches this share of the longest.
_WRAP_SHARE = 0.6


@cache
def _splitter() -> Callable[[str], list[tuple[int, int]]]:
    """nupunkt's span function with its default English model loaded once."""
    import nupunkt

    nupunkt.sent_spans("Load the model. Once.")  # loads and caches the default model
    splitter: Callable[[str], list[tuple[int, int]]] = nupunkt.sent_spans
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``, in order.

    Each span is trimmed (``text[start:end]`` neither starts nor ends with
    whitespace) and non-empty; spans never overlap.
    """
    split = _splitter()
    spans: list[tuple[int, int]] = []
    for block_start, block_end in block_spans(text):
        block = text[block_start:block_end]
        # nupunkt only breaks at ".", "?" or "!": a block with none of them
        # (a headline, a caption) is one sentence.
        # A block whose only one is its last character (a one-sentence
        # paragraph, common in news) cannot be split either: nupunkt only
        # breaks after one of them.
        ends = _SENTENCE_END.findall(block)
        if not ends or (len(ends) == 1 and block.rstrip()[-1:] in ends):
            pieces = [(0, len(block))]
        else:
            pieces = split(block)
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
