"""Lexicon files: our TSV format, LIWC ``.dic`` and MPQA ``.tff``.

:func:`load_lexicon` reads a file into a :class:`~analysis.lexicon.index.Lexicon`
(the format is sniffed from its lines and name) and refuses a malformed one
with a :class:`~analysis.errors.LexiconError` that names the file and the line;
:func:`default_lexicon` reads FrameLens's own, resources/lexicons/loaded.tsv,
once per process (from :mod:`analysis.modelcache` when it holds the index
built from it).  The formats are described in resources/lexicons/README.md.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from analysis.context import check_not_in
from analysis.errors import LexiconError
from analysis.lexicon.index import _CATEGORY_RE, CATEGORY_IDS, Lexicon, LexiconEntry, _term_words

__all__ = [
    "LIWC_CATEGORY_MAP",
    "MAX_LEXICON_BYTES",
    "MPQA_WEIGHTS",
    "TSV_HEADER",
    "default_lexicon",
    "load_lexicon",
]

TSV_HEADER = ("term", "category", "weight", "reason", "not_in")
# The modules whose code builds the index (named, not globbed: a frozen program
# has no source files, and analysis.modelcache keys a missing one by the program).
_PACKAGE_FILES = [Path(__file__).with_name(n) for n in ("formats.py", "index.py", "inflection.py")]


def _error(path: str | os.PathLike[str], line: int, problem: str) -> LexiconError:
    return LexiconError(f"{os.fspath(path)}, line {line}: {problem}")


#: The largest lexicon file read (LIWC and MPQA files are a few MB).
MAX_LEXICON_BYTES = 50 * 1024 * 1024


def _read_lines(path: str | os.PathLike[str]) -> list[str]:
    from analysis.errors import LoadError
    from analysis.load.files import read_bounded

    try:
        raw = read_bounded(path, MAX_LEXICON_BYTES, "lexicons", advice="")
    except LoadError as exc:
        raise LexiconError(f"{os.fspath(path)}: the lexicon cannot be read: {exc.reason}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(
            path, line, "the file is not UTF-8 text; save it as UTF-8 and try again"
        ) from exc
    return text.splitlines()


def _check_term(path: str | os.PathLike[str], number: int, term: str) -> str:
    term = " ".join(term.split())
    body = term[1:] if term.startswith("=") else term
    if not _term_words(body):
        raise _error(path, number, f"the term {term!r} has no letters or digits")
    if any("*" in word[:-1] for word in re.split(r"[\s\-]+", body)):
        raise _error(path, number, f"in {term!r} a * may only end a word (as in slam*)")
    return term


def _parse_weight(path: str | os.PathLike[str], number: int, text: str) -> float:
    try:
        weight = float(text)
    except ValueError as exc:
        raise _error(path, number, f"the weight {text!r} is not a number between 0 and 1") from exc
    if not 0.0 <= weight <= 1.0 or math.isnan(weight):
        raise _error(path, number, f"the weight {text!r} is outside 0 to 1")
    return weight


def _read_tsv(path: str | os.PathLike[str], name: str) -> list[LexiconEntry]:
    known = set(CATEGORY_IDS)
    entries: list[LexiconEntry] = []
    header_seen = False
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen and tuple(c.lower() for c in cells[:4]) == TSV_HEADER[:4]:
            header_seen = True
            continue
        if len(cells) < 4 or not cells[3]:
            raise _error(
                path,
                number,
                "expected 4 columns separated by tabs (term, category, weight, reason), "
                f"found {len(cells)}"
                + (
                    ""
                    if len(cells) >= 4
                    else "; check that the columns are separated by tabs, not spaces"
                ),
            )
        if len(cells) > 5:
            raise _error(path, number, f"expected 4 or 5 tab-separated columns, found {len(cells)}")
        try:
            not_in = check_not_in(cells[4]) if len(cells) == 5 else ()
        except ValueError as exc:
            raise _error(path, number, str(exc)) from exc
        term = _check_term(path, number, cells[0])
        category = cells[1]
        if category not in known and not category.startswith("custom:"):
            raise _error(
                path,
                number,
                f"unknown category {category!r}; use one of {', '.join(CATEGORY_IDS)} "
                f"or custom:<name> (e.g. custom:{category or 'mine'})",
            )
        if category == "scare_quote":
            raise _error(
                path, number, "scare quotes are found by a rule; they cannot be listed as terms"
            )
        if not _CATEGORY_RE.match(category):
            raise _error(
                path, number, f"the category {category!r} has characters a category id cannot have"
            )
        weight = _parse_weight(path, number, cells[2])
        entries.append(LexiconEntry(term, category, weight, cells[3], name, not_in))
    return entries


#: Where LIWC categories land among ours; everything else becomes custom:<name>.
LIWC_CATEGORY_MAP: Mapping[str, str] = {
    "negemo": "emotive",
    "posemo": "emotive",
    "affect": "emotive",
    "anger": "emotive",
    "anx": "emotive",
    "sad": "emotive",
    "swear": "label",
    "tentat": "hedge",
    "certain": "presupposition",
}


def _read_liwc(
    path: str | os.PathLike[str], name: str, category_map: Mapping[str, str] | None
) -> list[LexiconEntry]:
    mapping = dict(LIWC_CATEGORY_MAP if category_map is None else category_map)
    lines = _read_lines(path)
    cats: dict[str, str] = {}
    number = 0
    # The header: % on a line, "id<TAB>name" lines, % again.
    while number < len(lines) and not lines[number].strip():
        number += 1
    if number >= len(lines) or lines[number].strip() != "%":
        raise _error(path, number + 1, "a LIWC .dic file starts with a line holding only %")
    number += 1
    while True:
        if number >= len(lines):
            raise _error(path, number, "the category list is not closed by a line holding only %")
        line = lines[number].strip()
        number += 1
        if line == "%":
            break
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2 or not parts[0].isdigit():
            raise _error(
                path,
                number,
                f"expected 'number<TAB>category name', found {line!r} "
                "(is the % line that closes the category list missing?)",
            )
        cats[parts[0]] = parts[1]
    entries: list[LexiconEntry] = []
    for index in range(number, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        word = parts[0].strip()
        ids = [p for cell in parts[1:] for p in cell.split() if p.isdigit()]
        if not ids:
            raise _error(path, index + 1, f"the word {word!r} has no category number after it")
        unknown = [i for i in ids if i not in cats]
        if unknown:
            raise _error(
                path, index + 1, f"category number {unknown[0]} is not declared in the header"
            )
        names = [cats[i] for i in ids]
        ours = [mapping[n] for n in names if n in mapping]
        category = ours[0] if ours else f"custom:{names[0]}"
        # LIWC words are exact forms unless they end with *; our inflections would over-match.
        term = _check_term(path, index + 1, word if word.endswith("*") else "=" + word)
        shown = word.rstrip("*")
        entries.append(
            LexiconEntry(
                term,
                category,
                0.5,
                f"'{shown}' is in the LIWC categories {', '.join(names)} "
                f"of the user lexicon {name}",
                name,
            )
        )
    return entries


#: MPQA subjectivity types and the weight each gets.
MPQA_WEIGHTS: Mapping[str, float] = {"strongsubj": 0.8, "weaksubj": 0.4}


def _read_mpqa(path: str | os.PathLike[str], name: str, category: str) -> list[LexiconEntry]:
    best: dict[str, LexiconEntry] = {}
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields: dict[str, str] = {}
        for part in line.split():
            key, sep, value = part.partition("=")
            if not sep:
                raise _error(path, number, f"expected key=value pairs, found {part!r}")
            fields[key] = value
        kind = fields.get("type", "")
        word = fields.get("word1", "")
        if kind not in MPQA_WEIGHTS:
            raise _error(
                path, number, f"type must be strongsubj or weaksubj, found {kind or 'nothing'!r}"
            )
        if not word:
            raise _error(path, number, "the word1= field is missing")
        stemmed = fields.get("stemmed1", "n") == "y"
        polarity = fields.get("priorpolarity", "")
        # stemmed1=y means "any inflection": our inflection rules say exactly that,
        # where a wildcard would let "art" match "article".
        term = _check_term(path, number, word if stemmed else "=" + word)
        strength = "strongly" if kind == "strongsubj" else "weakly"
        reason = f"'{word}' is a {strength} subjective word"
        if polarity:
            reason += f" ({polarity})"
        reason += f" in the MPQA-format user lexicon {name}"
        entry = LexiconEntry(term, category, MPQA_WEIGHTS[kind], reason, name)
        key = term.lstrip("=").lower()
        if key not in best or best[key].weight < entry.weight:
            best[key] = entry
    return list(best.values())


def _sniff(lines: Sequence[str]) -> str:
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.strip() == "%":
            return "liwc"
        if "type=" in line and "word1=" in line:
            return "mpqa"
        return "tsv"
    return "tsv"


def load_lexicon(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    liwc_categories: Mapping[str, str] | None = None,
    mpqa_category: str = "emotive",
) -> Lexicon:
    """Read a lexicon file: our TSV format, LIWC ``.dic`` or MPQA ``.tff``.

    The format comes from the suffix (.tsv/.txt, .dic, .tff) or, for any
    other suffix, from the first line.  ``liwc_categories`` maps LIWC
    category names to ours (unmapped ones become ``custom:<name>``).  Raises
    :class:`~analysis.errors.LexiconError` naming the file and line.
    """
    label = name or Path(path).name
    suffix = Path(path).suffix.lower()
    kind = {".dic": "liwc", ".tff": "mpqa", ".tsv": "tsv"}.get(suffix)
    if kind is None:
        kind = _sniff(_read_lines(path))
    if kind == "liwc":
        entries = _read_liwc(path, label, liwc_categories)
    elif kind == "mpqa":
        entries = _read_mpqa(path, label, mpqa_category)
    else:
        entries = _read_tsv(path, label)
    if not entries:
        raise LexiconError(f"{os.fspath(path)}: the lexicon holds no terms.")
    return Lexicon(entries, name=label)


@cache
def default_lexicon() -> Lexicon:
    """FrameLens's own lexicon (resources/lexicons/loaded.tsv), read once (from
    :mod:`analysis.modelcache` when it holds the index built from that file)."""
    from analysis.modelcache import cached
    from analysis.resources import resource_path

    path = resource_path("lexicons", "loaded.tsv")
    return cached(
        "lexicon",
        3,
        # The built index depends on every module of this package.
        [path, resource_path("lexicons", "categories.tsv"), *_PACKAGE_FILES],
        lambda: load_lexicon(path, name="FrameLens"),
        _encode_lexicon,
        _decode_lexicon,
    )


def _encode_lexicon(lexicon: Lexicon) -> tuple[Any, ...]:
    """A lexicon with its built index as plain data (see :func:`_decode_lexicon`)."""
    return (
        [(e.term, e.category, e.weight, e.reason, e.source, e.not_in) for e in lexicon._entries],
        [len(layer) for layer in lexicon._layers],
        lexicon._names,
        lexicon._scare_quotes,
        lexicon._root,
    )


def _decode_lexicon(data: tuple[Any, ...]) -> Lexicon:
    """The lexicon :func:`_encode_lexicon` encoded, without building its index again
    (the index is plain data: its nodes are read back as they are)."""
    rows, sizes, names, scare_quotes, root = data
    entries = [LexiconEntry(r[0], r[1], r[2], r[3], r[4], tuple(r[5])) for r in rows]
    layers = []
    first = 0
    for size in sizes:
        layers.append(tuple(entries[first : first + size]))
        first += size
    return Lexicon._from_layers(tuple(layers), tuple(names), scare_quotes, root)
