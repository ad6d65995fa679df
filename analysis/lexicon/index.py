"""The lexicon's index: its entries, and finding their terms in a text.

A :class:`Lexicon` is an immutable set of :class:`LexiconEntry` values; its
index is a token trie over every form of every term (the forms come from
:mod:`analysis.lexicon.inflection`), so :meth:`Lexicon.match` costs a couple
of dictionary look-ups per word.  The matching rules (whole words, longest
match, quotation and negation context, the context rules of
:mod:`analysis.context`, scare quotes) are listed in :mod:`analysis.lexicon`.
Reading lexicon files is :mod:`analysis.lexicon.formats`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, compress
from typing import Any, NamedTuple

from analysis.context import applies_here
from analysis.lexicon.inflection import adverb_forms, inflections
from analysis.memo import Memo
from analysis.quotation import inside_quote, quote_regions, speech_words

__all__ = [
    "CATEGORY_IDS",
    "NEGATIONS",
    "QUOTED_FACTOR",
    "Lexicon",
    "LexiconEntry",
    "LexiconMatch",
    "token_parts",
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
