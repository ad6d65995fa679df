"""Loaded-language lexicons: reading them and finding their terms in a text.

A :class:`Lexicon` is an immutable set of :class:`LexiconEntry` values (term,
category, weight, reason).  :meth:`Lexicon.match` finds them in a text:

* case-insensitive, on whole words (a term never matches inside a word);
* inflections come for free: ``slam`` matches slams, slammed, slamming;
  ``regime`` matches regimes; ``bully`` matches bullies, bullied; ``blame``
  matches blamed, blaming; an adjective also matches its -ly adverb
  (``brutal`` → brutally).  A leading ``=`` asks for the exact form only;
* a trailing ``*`` on a word is a prefix wildcard, as in LIWC (``infest*``);
* phrases match across spaces and hyphens alike (``so-called`` matches
  "so called", ``far-left`` matches "far left");
* the longest match wins, matches never overlap, and at equal length an exact
  form beats an inflection, which beats a wildcard; entries of a lexicon
  merged in later (a user's) beat the ones they were merged onto;
* context: a term inside a direct quotation is the source's word, not the
  outlet's, so its weight is halved, its reason says so and its ``quoted``
  flag is set; a term right after a negation ("not", "never", ...) says so
  in its reason;
* context rules (:mod:`analysis.context`): a term inside a proper name
  ("Qin Gang", "Cold War") is no match, nor is a term in a context its
  entry's ``not_in`` names (used as a noun, in a war report, ...); an entry
  of weight 0 never matches (a reader's "never mark this term"), and hides
  the shorter terms inside it;
* scare quotes are found by a rule, not a list: a phrase of one to four
  words in quotation marks, in a passage that names no speaker.

The index is a token trie, so matching costs a couple of dictionary look-ups
per word.  Files: our TSV format (resources/lexicons/README.md), LIWC ``.dic``
and MPQA ``.tff`` through :func:`load_lexicon`.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import accumulate, compress
from pathlib import Path
from typing import Any, NamedTuple

from analysis.categories import Category, load_categories
from analysis.context import applies_here, check_not_in
from analysis.errors import LexiconError
from analysis.memo import Memo
from analysis.quotation import inside_quote, quote_regions, speech_words

__all__ = [
    "CATEGORY_IDS",
    "Category",
    "Lexicon",
    "LexiconEntry",
    "LexiconMatch",
    "default_lexicon",
    "adverb_forms",
    "inflections",
    "inside_quote",
    "load_categories",
    "load_lexicon",
    "quote_regions",
]

#: The built-in categories (resources/lexicons/categories.tsv holds their looks).
CATEGORY_IDS: tuple[str, ...] = (
    "label",
    "emotive",
    "attribution",
    "hedge",
    "presupposition",
    "scare_quote",
)

TSV_HEADER = ("term", "category", "weight", "reason", "not_in")

#: A quoted term is the source's word: it keeps this share of its weight.
QUOTED_FACTOR = 0.5
SCARE_QUOTE_WEIGHT = 0.6
SCARE_QUOTE_TERM = "(rule: short quote with no speaker)"
QUOTED_NOTE = " (inside a quotation: the source's word, not the outlet's, so it weighs less)"

_TOKEN_RE = re.compile(r"[^\W_]+")
# The same tokens as a capturing group: split() then alternates the text
# between tokens with the tokens, and their lengths add up to the offsets.
_TOKEN_SPLIT_RE = re.compile(r"([^\W_]+)")


@lru_cache(maxsize=8)
def token_parts(text: str) -> list[str]:
    """``text`` split around its word tokens (runs of letters and digits): the
    text before the first token, the token, the text up to the next token, and
    so on, ending with the text after the last one (odd indexes are tokens).

    Lexicon matching and :func:`analysis.score.count_words` read the same
    article, so it is split once.  The list is shared: do not change it.
    """
    return _TOKEN_SPLIT_RE.split(text)


# What may separate the words of a phrase: spaces, hyphens, apostrophes.
_GAP_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2013'\u2019]{1,3}")
_TERM_WORD_RE = re.compile(r"[^\W_]+\*?")
_CATEGORY_RE = re.compile(r"^(?:[a-z_]+|custom:[\w\- ]+)$")

NEGATIONS = frozenset({"not", "never", "no", "t", "nor", "hardly", "without", "neither"})
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


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One term of a lexicon: what to look for, and what to tell the user."""

    term: str
    category: str
    weight: float
    reason: str
    #: The lexicon the entry came from (a file name, or "FrameLens").
    source: str = ""
    #: Contexts in which the entry does not apply (:data:`analysis.context.TAGS`,
    #: ``next:WORD``, ``prev:WORD``): the fifth column of a TSV lexicon.
    not_in: tuple[str, ...] = ()


class LexiconMatch(NamedTuple):
    """A term found in a text; ``text`` equals the text's ``[start:end]`` slice.

    A NamedTuple, like :class:`analysis.model.Highlight`: an article has
    hundreds of them.
    """

    start: int
    end: int
    text: str
    category: str
    reason: str
    weight: float
    term: str
    #: True when the match lies inside a direct quotation.
    quoted: bool = False
    #: True when a negation ("not", "never", ...) comes just before the match.
    negated: bool = False


# ---------------------------------------------------------------- inflections


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


# ---------------------------------------------------------------- the index


# A trie node over lower-cased word tokens, as plain data: the model cache
# (analysis/modelcache.py) stores the built index with marshal and reads it
# back as it is, with no object to rebuild per node.
# [children by token, wildcard children by prefix, the lengths of those
#  prefixes (longest first), the entry's number in Lexicon._entries (-1: none),
#  its rank]
_Node = list[Any]
_CHILDREN, _WILD, _WILD_LENGTHS, _ENTRY, _RANK = range(5)


def _new_node() -> _Node:
    return [{}, {}, (), -1, (-1, -1)]


def _child(node: _Node, token: str, wildcard: bool) -> _Node:
    table = node[_WILD] if wildcard else node[_CHILDREN]
    found: _Node | None = table.get(token)
    if found is None:
        found = table[token] = _new_node()
        if wildcard:
            node[_WILD_LENGTHS] = tuple(sorted({len(k) for k in table}, reverse=True))
    return found


def _step(node: _Node, token: str) -> list[tuple[_Node, int]]:
    """Children reached by ``token``, with 1 for an exact step, 0 for a wildcard."""
    found: list[tuple[_Node, int]] = []
    child = node[_CHILDREN].get(token)
    if child is not None:
        found.append((child, 1))
    wild = node[_WILD]
    for length in node[_WILD_LENGTHS]:
        if length <= len(token):
            child = wild.get(token[:length])
            if child is not None:
                found.append((child, 0))
    return found


#: What a word can do at the trie's root: nothing (False), start a term
#: (True), or only start a phrase whose second word is one of these keys.
_First = bool | dict[str, _Node]


def _first_step(root: _Node, word: str) -> _First:
    found = _step(root, word)
    if len(found) == 1:
        node, exact = found[0]
        if exact and node[_ENTRY] < 0 and not node[_WILD]:
            return node[_CHILDREN]  # type: ignore[no-any-return]
    return bool(found)


def _term_words(term: str) -> list[str]:
    text = term.lower().replace("\u2019", "'")
    return _TERM_WORD_RE.findall(text)


def _term_variants(term: str) -> list[tuple[tuple[tuple[str, bool], ...], int]]:
    """The token sequences a term matches, each with a rank (2 exact, 1 inflected).

    A token is ``(text, is_wildcard)``.  Inflections apply to the first or the
    last word of a phrase ("lash out" → "lashed out", "death tax" → "death
    taxes"), never to both at once.
    """
    exact_only = term.startswith("=")
    words = _term_words(term[1:] if exact_only else term)
    base = tuple((w.rstrip("*"), w.endswith("*")) for w in words)
    if not base:
        return []
    variants: list[tuple[tuple[tuple[str, bool], ...], int]] = [(base, 2)]
    if exact_only:
        return variants
    positions = {0, len(base) - 1}
    for pos in sorted(positions):
        word, wild = base[pos]
        if wild:
            continue
        forms = inflections(word)[1:]
        if len(base) == 1:
            forms += adverb_forms(word)
        for form in forms:
            variant = base[:pos] + ((form, False),) + base[pos + 1 :]
            variants.append((variant, 1))
    return variants


# ---------------------------------------------------------------- quotations


_SO_CALLED_RE = re.compile(r"\bso[\s\-\u2010\u2011]called\b", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")

# The quotation detector lives in analysis.quotation; quote_regions, inside_quote
# and _merged_quotes stay importable from here.


# ---------------------------------------------------------------- the lexicon


class Lexicon:
    """An immutable lexicon of loaded terms that can find them in a text.

    ``Lexicon(entries, name=...)``; :meth:`merged` layers a user's lexicon
    on top (its entries override ours for the same term).  ``scare_quotes``
    turns the scare-quote rule on or off.
    """

    __slots__ = ("_entries", "_first", "_layers", "_names", "_root", "_scare_quotes")

    def __init__(
        self,
        entries: Iterable[LexiconEntry] = (),
        *,
        name: str = "",
        scare_quotes: bool = True,
    ) -> None:
        layer = tuple(entries)
        self._layers: tuple[tuple[LexiconEntry, ...], ...] = (layer,)
        self._names: tuple[str, ...] = (name,) if name else ()
        self._scare_quotes = scare_quotes
        self._entries = layer
        self._root = _new_node()
        self._index()
        self._first: Memo[_First] = Memo(partial(_first_step, self._root))

    @classmethod
    def _from_layers(
        cls,
        layers: tuple[tuple[LexiconEntry, ...], ...],
        names: tuple[str, ...],
        scare_quotes: bool,
        root: _Node | None = None,
    ) -> Lexicon:
        """A lexicon of these layers; ``root`` is their index when it is already built."""
        lexicon = cls.__new__(cls)
        lexicon._layers = layers
        lexicon._names = names
        lexicon._scare_quotes = scare_quotes
        lexicon._entries = tuple(e for layer in layers for e in layer)
        lexicon._root = _new_node() if root is None else root
        if root is None:
            lexicon._index()
        lexicon._first = Memo(partial(_first_step, lexicon._root))
        return lexicon

    def _index(self) -> None:
        number = 0  # the entry's position in self._entries
        for tier, layer in enumerate(self._layers):
            for entry in layer:
                for tokens, rank in _term_variants(entry.term):
                    node = self._root
                    for token, wild in tokens:
                        node = _child(node, token, wild)
                    priority = (tier, rank)
                    # Later layers, then exact forms, then (in file order) first entries win.
                    if priority > node[_RANK]:
                        node[_ENTRY] = number
                        node[_RANK] = priority
                number += 1

    # -- the collection

    @property
    def name(self) -> str:
        """The names of the merged lexicons, joined by " + "."""
        return " + ".join(self._names)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the merged lexicons, the base one first."""
        return self._names

    @property
    def scare_quotes(self) -> bool:
        return self._scare_quotes

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """Every entry in force: a later layer's entry hides an earlier one for the same term."""
        result: dict[str, LexiconEntry] = {}
        for layer in self._layers:
            for entry in layer:
                key = entry.term.lower()
                if key in result and result[key] in layer:
                    continue  # first entry of a file wins within that file
                result.pop(key, None)
                result[key] = entry
        return tuple(result.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon({self.name or 'unnamed'!r}, {len(self)} entries)"

    def categories(self) -> tuple[str, ...]:
        """The categories used by the entries, in order of first use."""
        return tuple(dict.fromkeys(e.category for e in self.entries))

    def merged(self, other: Lexicon) -> Lexicon:
        """A new lexicon: this one with ``other`` on top (its entries win)."""
        return Lexicon._from_layers(
            self._layers + other._layers,
            self._names + other._names,
            self._scare_quotes or other._scare_quotes,
        )

    def with_weights(self, weights: Mapping[str, float]) -> Lexicon:
        """A new lexicon whose entries of each category get the given weight."""
        layers = tuple(
            tuple(
                LexiconEntry(
                    e.term, e.category, weights[e.category], e.reason, e.source, e.not_in
                )
                if e.category in weights
                else e
                for e in layer
            )
            for layer in self._layers
        )
        return Lexicon._from_layers(layers, self._names, self._scare_quotes)

    # -- matching

    def match(self, text: str, start: int = 0, end: int | None = None) -> tuple[LexiconMatch, ...]:
        """Every term found in ``text[start:end]``, in order, never overlapping.

        Offsets are into ``text``; context (quotations, negation) is read from
        the whole of ``text``.
        """
        stop = len(text) if end is None else min(end, len(text))
        # Plain lists built by C loops (split, accumulate, map): much cheaper
        # than a match object per token.  ``parts`` alternates the text
        # between tokens with the tokens, so a token starts where the
        # lengths of the parts before it add up to.
        if start == 0 and stop == len(text):
            parts = token_parts(text)
        else:
            parts = _TOKEN_SPLIT_RE.split(text[start:stop])
        raw = parts[1::2]
        starts = list(accumulate(map(len, parts[:-1]), initial=start))[1::2]
        words = list(map(str.lower, raw))
        root = self._root
        # Only a word that the trie's root knows can start a match; whether it
        # does is remembered per distinct word (the lexicon never changes).
        steps = list(map(self._first.__getitem__, words))
        matches: list[LexiconMatch] = []
        following = 0  # the first token not inside the last match
        count = len(words)
        # Visit only the tokens a match can start at (their step is True or
        # the dict of second words; False is the rest, most of the text).
        for i in compress(range(count), steps):
            if i < following:
                continue
            step = steps[i]
            if isinstance(step, dict) and (i + 1 >= count or words[i + 1] not in step):
                continue  # only a phrase starts here, and its second word is not next
            best = self._longest(text, starts, raw, words, i, root)
            if best is None:
                continue
            last, number = best
            entry = self._entries[number]
            s, e = starts[i], starts[last] + len(raw[last])
            following = last + 1
            if entry.weight <= 0.0 or not applies_here(text, s, e, entry.not_in):
                continue
            matches.append(self._make_match(text, words, i, s, e, entry))
        if self._scare_quotes:
            matches.extend(_scare_quotes(text, start, stop))
            matches.sort(key=lambda m: (m.start, -m.end))
        return tuple(matches)

    @staticmethod
    def _longest(
        text: str,
        starts: Sequence[int],
        raw: Sequence[str],
        words: Sequence[str],
        i: int,
        root: _Node,
    ) -> tuple[int, int] | None:
        """The last token and the entry number of the longest term starting at token ``i``."""
        best: tuple[int, tuple[int, int, int], int] | None = None
        frontier = _step(root, words[i])
        j = i
        while frontier:
            for node, exact in frontier:
                if node[_ENTRY] >= 0:
                    rank = node[_RANK]
                    key = (j, rank[0], rank[1] + exact)
                    if best is None or key > best[1]:
                        best = (j, key, node[_ENTRY])
            j += 1
            if j >= len(words) or not _GAP_RE.fullmatch(
                text, starts[j - 1] + len(raw[j - 1]), starts[j]
            ):
                break
            token = words[j]
            frontier = [pair for node, _ in frontier for pair in _step(node, token)]
        return None if best is None else (best[0], best[2])

    @staticmethod
    def _make_match(
        text: str,
        words: Sequence[str],
        i: int,
        s: int,
        e: int,
        entry: LexiconEntry,
    ) -> LexiconMatch:
        weight = entry.weight
        reason = entry.reason
        negation = next(
            (words[k] for k in range(max(0, i - 2), i) if words[k] in NEGATIONS),
            "",
        )
        if negation:
            shown = "n't" if negation == "t" else negation
            reason += f" (negated here by '{shown}')"
        quoted = inside_quote(text, s, e)
        if quoted:
            weight *= QUOTED_FACTOR
            reason += QUOTED_NOTE
        return LexiconMatch(
            start=s,
            end=e,
            text=text[s:e],
            category=entry.category,
            reason=reason,
            weight=round(weight, 4),
            term=entry.term,
            quoted=quoted,
            negated=bool(negation),
        )


def _sentence_window(text: str, qs: int, qe: int, start: int, stop: int) -> str:
    """The text of the sentence around a quotation (at most 200 characters each side)."""
    lo = max(start, qs - 200)
    hi = min(stop, qe + 200)
    before = text[lo:qs]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    if cut >= 0:
        lo += cut + 1
    after = _SENTENCE_END_RE.search(text, qe, hi)
    if after:
        hi = after.start() + 1
    return text[lo:hi]


def _scare_quotes(text: str, start: int, stop: int) -> list[LexiconMatch]:
    found: list[LexiconMatch] = []
    for qs, qe in quote_regions(text):
        if qs < start or qe > stop or qe - qs < 3:
            continue
        inner = text[qs + 1 : qe - 1].strip().rstrip(".,;:!?")
        words = _TOKEN_RE.findall(inner)
        if not 1 <= len(words) <= 4 or any(c in inner for c in ".!?\n"):
            continue
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            continue  # a title or a name, not a doubt
        if words[0][0].isdigit():
            continue
        window = _SO_CALLED_RE.sub(" ", _sentence_window(text, qs, qe, start, stop))
        if any(w.lower() in speech_words() for w in _TOKEN_RE.findall(window)):
            continue  # a speaker is named: an ordinary partial quote
        found.append(
            LexiconMatch(
                start=qs,
                end=qe,
                text=text[qs:qe],
                category="scare_quote",
                reason=(
                    f"'{inner}' is put in quotation marks with no speaker named: "
                    "scare quotes signal that the outlet doubts or mocks the wording"
                ),
                weight=SCARE_QUOTE_WEIGHT,
                term=SCARE_QUOTE_TERM,
            )
        )
    return found


# ---------------------------------------------------------------- reading files


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
            raise _error(
                path, number, f"expected 4 or 5 tab-separated columns, found {len(cells)}"
            )
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
        [path, resource_path("lexicons", "categories.tsv"), Path(__file__)],
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
