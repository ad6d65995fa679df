"""Anchor terms: the specific words that pin a sentence to one fact.

Two outlets seldom share many words when they report the same fact: one
writes "the council released a 14-point charter urging an end to the strike",
another "the fourteen-point charter that Varden published names no culprit".
What they do share is a term too specific to meet by chance: a number with a
unit or a size ("14-point" = "fourteen-point", "$86,500", "40%" = "40 per
cent", "3.5 million", "1,200").

:func:`sentence_anchors` finds the candidates of one sentence in a normal
form. Whether a candidate anchors anything depends on the corpus: alignment
(:mod:`.align`) keeps only those that come in sentences of at least two
outlets and in few sentences of each article (a name or a figure that an
article repeats in every paragraph is its topic, not one fact).

Left out on purpose: bare numbers ("three", "12", "2023", "Bill 417"),
which are as often days, years or identifiers of the story's topic as
quantities, and proper names. Names of two or more words ("Xi Jinping",
"Fox News") were tried as anchors on the seeds and 30 BASIL triplets: they
made 93 new groups (figures alone: 14), and most of those read were wrong.
An article names each actor in full about once, on first mention, so full
names paired the first mentions of the story's main actors across outlets,
whatever those sentences said.
"""

from __future__ import annotations

import re

from analysis.compare.tokens import NUMBER_WORDS

_SCALE = r"million|billion|trillion|thousand|bn|m"
#: A figure: optional currency, digits (with thousands separators or a decimal part),
#: then an optional percentage, scale word or hyphenated unit ("12-point").
_FIGURE_RE = re.compile(
    rf"""
    (?<![\w.,$€£¥-])
    (?P<currency>[$€£¥]\s?)?
    (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:
        (?P<percent>\s?%|\s?per\s?cent\b|\s?percent\b)
      | \s?(?P<scale>(?:{_SCALE})\b)
      | (?P<unit>(?:-[^\W\d_]+)+)
    )?
    (?![\w%])
    """,
    re.X | re.I,
)
#: A number word joined to a unit: "twelve-point", "five-year".
_NUMBER_WORD_RE = re.compile(
    r"(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|dozen|hundred|thousand)(?:-[^\W\d_]+)+(?![\w-])",
    re.I,
)


def _digits(number: str) -> str:
    """``number`` without its separators, then with commas: "84000" and "84,000" → "84,000"."""
    bare = number.replace(",", "")
    return bare if "." in bare else f"{int(bare):,}"


def _compound(word: str) -> str:
    """A hyphenated figure with number words as digits: "Twelve-Point" → "12-point"."""
    return "-".join(NUMBER_WORDS.get(part, part) for part in word.lower().split("-"))


def _figure(match: re.Match[str]) -> str | None:
    number = _digits(match["number"])
    scale = match["scale"].lower() if match["scale"] else ""
    if match["currency"]:
        return match["currency"].strip() + number + (" " + scale if scale else "")
    if match["percent"]:
        return number + "%"
    if scale:
        return number + " " + scale
    if match["unit"]:
        return _compound(match["number"] + match["unit"])
    # A bare integer is as often a year, a day or an identifier (a bill, a route, a
    # flight: the topic, not one fact) as a quantity; grouped digits are a quantity.
    return number if "," in match["number"] else None


def sentence_anchors(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """The anchor candidates of ``text[start:end]`` in normal form, each once, in order.

    Figures become ``"12-point"``, ``"$84,000"``, ``"40%"``, ``"3.5 million"``
    (so "twelve-point" = "12-point" and "40 per cent" = "40%").
    """
    stop = len(text) if end is None else end
    found: dict[str, None] = {}
    for m in _FIGURE_RE.finditer(text, start, stop):
        key = _figure(m)
        if key is not None:
            found[key] = None
    for m in _NUMBER_WORD_RE.finditer(text, start, stop):
        found[_compound(m.group())] = None
    return tuple(found)
