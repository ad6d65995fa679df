"""What English usage says about a word: its likely part of speech and how common it is.

Two tables that TextBlob ships (offline, no NLTK download) describe a word
without its sentence:

* ``textblob/en/en-lexicon.txt``: the lexicon of the pattern library's
  part-of-speech tagger, each word with its most likely Penn Treebank tag
  (Brill's tagger v1.14, trained on the Brown corpus and the Penn Treebank,
  MIT licence; with words added from CMU's Twitter part-of-speech data,
  CC-BY 3.0, as the file's header says);
* ``textblob/en/en-spelling.txt``: word counts behind TextBlob's spelling
  corrector (Norvig's big.txt: public-domain Project Gutenberg books and
  frequency lists from Wiktionary and the British National Corpus).

FrameLens ships neither: it reads them from the installed TextBlob (whose
folder the frozen program bundles), found as analysis/textblob_data.py finds
TextBlob's sentiment lexicon.

:func:`word_class` gives a lower-cased word's coarse class (adjective,
adverb, verb, noun, proper noun, other, unknown) and its commonness in
[0, 1] (``log10(1 + count) / 5``; a word missing from the counts is 0, as
rare as a word can be).  The bias model uses them as context of a
highlighted word (analysis/bias/): loaded words tend to be rarer than
neutral ones.  They change a highlight's weight, never its reason.

This is a per-word lookup, not the contextual tagger: the same word always
gets the same class, whatever its sentence.  Reading the two files takes
about 0.7 s, so the table is kept in the model cache
(:mod:`analysis.modelcache`) and read from there in milliseconds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

__all__ = ["CLASSES", "WordClasses", "word_class", "word_classes"]

#: The coarse classes, in the order of their codes (0 = unknown).
CLASSES: tuple[str, ...] = ("unknown", "adjective", "adverb", "verb", "noun", "proper", "other")
_UNKNOWN, _ADJ, _ADV, _VERB, _NOUN, _PROPER, _OTHER = range(len(CLASSES))
#: Commonness is stored in steps of 1/_STEPS of a decade of counts.
_STEPS = 20
#: log10 of the count that counts as fully common (the commonest word has ~80,000).
_DECADES = 5.0
# Words worth a row: letters, inner hyphens and apostrophes (no "president\/chief").
_PLAIN = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")

#: The table: the first _PREFIX letters of a word -> its rows, each "\n<word>
#: <class code><commonness as a letter>".  About 4,000 strings load from the
#: model cache in a millisecond, where a dict of 80,000 words takes 35 ms; a
#: lookup searches one short string (and is memoised by its callers).
WordClasses = dict[str, str]
_PREFIX = 3


def _coarse(tag: str) -> int:
    """The class of a Penn Treebank tag."""
    if tag.startswith("JJ"):
        return _ADJ
    if tag.startswith("RB"):
        return _ADV
    if tag.startswith("VB") or tag == "MD":
        return _VERB
    if tag.startswith("NNP"):
        return _PROPER
    if tag.startswith("NN"):
        return _NOUN
    return _OTHER


def _rows(path: Path) -> Iterator[list[str]]:
    """The data lines of a pattern-style table (";;;" starts a comment), split on spaces."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(";;;") or not line.strip():
                continue
            yield line.split()


def _read(lexicon_path: Path, spelling_path: Path) -> WordClasses:
    """Build the table from TextBlob's two files."""
    tags: dict[str, int] = {}
    proper: dict[str, int] = {}
    for row in _rows(lexicon_path):
        if len(row) < 2 or not _PLAIN.fullmatch(row[0]):
            continue
        word, tag = row[0], row[1]
        lower = word.lower()
        if word == lower:
            tags.setdefault(lower, _coarse(tag))
        elif word[0].isupper() and word[1:] == lower[1:]:
            # Only "Senator"-style entries: a capitalised word has the class of
            # its lower-case form if it has one ("President" the noun, not NNP).
            proper.setdefault(lower, _coarse(tag))
    for lower, code in proper.items():
        tags.setdefault(lower, code)
    counts: dict[str, int] = {}
    for row in _rows(spelling_path):
        if len(row) == 2 and row[1].isdigit():
            counts[row[0].lower()] = counts.get(row[0].lower(), 0) + int(row[1])
    rows: dict[str, list[str]] = {}
    for word in sorted(tags.keys() | counts.keys()):
        steps = round(min(1.0, math.log10(1 + counts.get(word, 0)) / _DECADES) * _STEPS)
        line = f"\n{word} {tags.get(word, _UNKNOWN)}{chr(97 + steps)}"
        rows.setdefault(word[:_PREFIX], []).append(line)
    return {prefix: "".join(found) for prefix, found in rows.items()}


@cache
def word_classes() -> WordClasses:
    """The table from TextBlob's ``en-lexicon.txt`` and ``en-spelling.txt`` (once per
    process; from :mod:`analysis.modelcache` when it holds the table built from them)."""
    from analysis.modelcache import cached
    from analysis.textblob_data import textblob_dir

    folder = textblob_dir() / "en"
    lexicon_path, spelling_path = folder / "en-lexicon.txt", folder / "en-spelling.txt"
    return cached(
        "wordclass",
        1,
        [lexicon_path, spelling_path, Path(__file__)],
        lambda: _read(lexicon_path, spelling_path),
        lambda table: table,
        lambda data: data,
    )


def word_class(word: str, table: WordClasses | None = None) -> tuple[str, float]:
    """The class (one of CLASSES) and commonness in [0, 1] of a lower-cased word.

    A word in neither table is ("unknown", 0.0); a hyphenated word missing
    from the tables takes the class of its last part and the commonness of
    its rarest part.
    """
    rows = (word_classes() if table is None else table).get(word[:_PREFIX], "")
    at = rows.find(f"\n{word} ") if word else -1
    if at < 0:
        parts = word.split("-")
        if len(parts) < 2 or not all(parts):
            return CLASSES[_UNKNOWN], 0.0
        known = [word_class(p, table) for p in parts]
        return known[-1][0], min(c for _, c in known)
    code = at + len(word) + 2
    return CLASSES[int(rows[code])], (ord(rows[code + 1]) - 97) / _STEPS
