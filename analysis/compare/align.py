"""Statement alignment: group the sentences of different outlets that report the same fact.

Method
------
1. Each sentence becomes the set of its content words: stopwords out, the
   rest lower-cased and lightly stemmed ("called" = "calls"), hyphen variants
   joined ("cease-fire" = "ceasefire", "twelve-point" = "12-point") and name
   compounds split ("Russia-Ukraine" = "Russia", "Ukraine"). Every term of a
   concept group in resources/concepts.tsv becomes its concept ("war" =
   "conflict" = "invasion"; "12-point plan" = "twelve-point document") and
   every alias in resources/aliases.tsv its canonical name ("Beijing" =
   "China", "published" = "released"). Sentences with fewer than
   ``min_words`` content words (datelines, "3 months ago") take no part.
2. Anchor terms (:mod:`.anchors`): figures with a unit or a size
   ("12-point", "$84,000", "40%"). An anchor counts when sentences of two or
   more outlets carry it and each article that has it has it in at most
   ``ANCHOR_MAX_PER_ARTICLE`` sentences on average; a counted anchor is added
   to its sentences' sets as one more word (so a shared anchor weighs twice).
3. The similarity of two sentences from different outlets is the
   IDF-weighted Dice coefficient of their sets,
   ``2·w(A ∩ B) / (w(A) + w(B))``, with each word weighted by its inverse
   document frequency over all sentences of the corpus: sharing a rare word
   counts more than sharing "Ukraine". All pairs come from an inverted index
   (numpy).
4. Pairs at or above the threshold are linked, and so are pairs that share
   an anchor at or above ``ANCHOR_FACTOR × threshold``. Links are taken
   strongest first and join two groups only when (a) no article would hold
   two sentences of the group and (b) every pair of the joined group from
   different outlets is at least ``CHAIN_FACTOR × threshold`` similar or
   shares an anchor (a complete-link check against chaining A~B~C with A and
   C unrelated). After a link that shares an anchor, the other sentences
   with that anchor join its group first, closest first, when they can link
   to a member: otherwise two sentences of one article on the same fact
   could split it into two groups.

Ties are broken by the sentences' path, position and text, never by input
order, so the groups do not depend on the order of the articles.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from analysis.compare.anchors import sentence_anchors
from analysis.compare.tokens import (
    WORD_RE,
    TermEntry,
    TermMatcher,
    content_stems,
)
from analysis.errors import COMPARISON_CANCELLED, check_cancel
from analysis.model import Corpus
from analysis.resources import read_term_table

log = logging.getLogger(__name__)

#: Default similarity (0–1) at which two sentences count as the same statement.
DEFAULT_THRESHOLD = 0.30
#: How many sentences the pair search handles between two checks of ``cancel()``
#: (a few milliseconds' work: the app's check also lets its window's thread
#: run, see gui/workers/compare_worker.py).
CANCEL_EVERY = 32
#: A sentence keeps at most this many candidate partners (its most similar ones): memory
#: and time stay linear in the number of sentences whatever the input (issue 27).
PAIRS_PER_SENTENCE = 24
#: A word in more sentences than this is the topic of the whole corpus (a name
#: or a verb every article repeats), no sign of one fact: it is left out of the
#: similarity like a stopword. This also bounds the work: each word adds at most
#: this many candidates to each of its sentences, so time and memory grow
#: linearly with the sentences (issue 27: a small vocabulary repeated over
#: 12,000 sentences otherwise takes minutes and gigabytes).
COMMON_TERM_SENTENCES = 200
#: Every pair inside a group must reach this share of the threshold.
CHAIN_FACTOR = 0.7
#: Sentences with fewer content words than this are not aligned.
MIN_WORDS = 3
#: Two sentences sharing an anchor term link at this share of the threshold.
ANCHOR_FACTOR = 0.6
#: An anchor counts when it comes, on average, in at most this many sentences
#: of each article that has it (more, and it is the article's topic, not one fact).
ANCHOR_MAX_PER_ARTICLE = 2.0


@dataclass(frozen=True, slots=True)
class SentenceItem:
    """A sentence taking part in alignment, with its order-independent sort key."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    outlet: str
    stems: tuple[str, ...]
    key: tuple[str, int, str]
    #: Anchor candidates of the sentence (:func:`.anchors.sentence_anchors`).
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment:
    """The raw result: groups as lists of item indices, and the pair similarities."""

    items: tuple[SentenceItem, ...]
    groups: tuple[tuple[int, ...], ...]
    #: Items in no group (every item is in exactly one group or here).
    unmatched: tuple[int, ...]
    #: Similarity of scored pairs (i < j), only pairs of different outlets.
    similarity: dict[tuple[int, int], float]
    #: Anchor terms shared by scored pairs (i < j), when the anchor counts in this corpus.
    shared_anchors: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)

    def pair(self, i: int, j: int) -> float:
        """Similarity of items ``i`` and ``j`` (0 when the pair was not scored)."""
        return self.similarity.get((i, j) if i < j else (j, i), 0.0)

    def anchors(self, group: Sequence[int]) -> tuple[str, ...]:
        """The anchor terms every member of ``group`` shares with every other, sorted."""
        common: set[str] | None = None
        for n, x in enumerate(group):
            for y in group[n + 1 :]:
                if self.items[x].outlet == self.items[y].outlet:
                    continue
                found = set(self.shared_anchors.get((x, y) if x < y else (y, x), ()))
                common = found if common is None else common & found
        return tuple(sorted(common or ()))


def load_aliases(path: str | Path) -> TermMatcher:
    """Read aliases (term, canonical, reason); raises LexiconError when malformed."""
    rows = read_term_table(Path(path), ("term", "canonical", "reason"))
    return TermMatcher([TermEntry(term, canonical, reason) for term, canonical, reason in rows])


@cache
def default_aliases() -> TermMatcher:
    """The built-in aliases, resources/aliases.tsv."""
    from analysis.resources import resource_path

    return load_aliases(resource_path("aliases.tsv"))


def _word_stems(text: str, start: int, end: int, aliases: TermMatcher | None) -> list[str]:
    if aliases is None:
        return _plain_stems(text, start, end)
    out: list[str] = []
    position = start
    for m in aliases.finditer(text, start, end):
        out.extend(_plain_stems(text, position, m.start))
        # The canonical form's own stems, so "Beijing" and "China" become one word.
        out.extend(content_stems(m.entry.group))
        position = m.end
    out.extend(_plain_stems(text, position, end))
    return out


def _plain_stems(text: str, start: int, end: int) -> list[str]:
    """Content stems with hyphenated names handled.

    A compound of names of four letters or more is split ("Russia-Ukraine war"
    meets "war in Ukraine"); initials go ("R-Texas": the party); any other
    compound is one word ("Wal-Mart" = "Walmart", "Coca-Cola" = "CocaCola",
    "cease-fire" = "ceasefire", see :func:`.tokens.normal`).
    """
    if "-" not in text[start:end]:
        return content_stems(text, start, end)
    out: list[str] = []
    for word in WORD_RE.finditer(text, start, end):
        parts = word.group().split("-")
        if len(parts) > 1 and all(p[:1].isupper() and p.isalpha() for p in parts):
            names = [p for p in parts if len(p) > 1]
            if all(len(p) >= 4 for p in names):
                out.extend(content_stems(" ".join(names)))
            else:
                out.extend(content_stems("".join(names)))
        else:
            out.extend(content_stems(word.group()))
    return out


def sentence_stems(
    text: str,
    start: int,
    end: int,
    concepts: TermMatcher | None = None,
    aliases: TermMatcher | None = None,
) -> list[str]:
    """Content stems of ``text[start:end]``; a concept-group term becomes one token.

    With the concept groups of resources/concepts.tsv, "12-point plan" and
    "twelve-point document", or "war" and "conflict", count as the same word;
    with the aliases of resources/aliases.tsv, "Beijing" counts as "China".
    """
    if concepts is None:
        return _word_stems(text, start, end, aliases)
    out: list[str] = []
    position = start
    for m in concepts.finditer(text, start, end):
        out.extend(_word_stems(text, position, m.start, aliases))
        out.append("§" + m.entry.group)
        position = m.end
    out.extend(_word_stems(text, position, end, aliases))
    return out


def sentence_items(
    corpus: Corpus,
    *,
    min_words: int = MIN_WORDS,
    concepts: TermMatcher | None = None,
    aliases: TermMatcher | None = None,
) -> list[SentenceItem]:
    """The sentences of the corpus with enough content words to align."""
    items = []
    for a, analyzed in enumerate(corpus.articles):
        text = analyzed.article.text
        for s, sentence in enumerate(analyzed.sentences):
            start, end = sentence.start, sentence.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            stems = sentence_stems(text, start, end, concepts, aliases)
            if len(stems) < min_words:
                continue
            body = text[start:end]
            items.append(
                SentenceItem(
                    a, s, start, end, body, analyzed.outlet, tuple(stems),
                    (analyzed.article.path, start, body), sentence_anchors(text, start, end),
                )
            )  # fmt: skip
    return items


def similarity_pairs(
    items: Sequence[SentenceItem],
    floor: float,
    keep: Collection[tuple[int, int]] = (),
    anchors: Mapping[int, Collection[str]] | None = None,
    cancel: Callable[[], bool] | None = None,
    limit: int | None = PAIRS_PER_SENTENCE,
) -> dict[tuple[int, int], float]:
    """IDF-weighted Dice similarity of pairs of different outlets at or above ``floor``.

    ``dice(A, B) = 2·w(A ∩ B) / (w(A) + w(B))`` over the sets of content
    stems, each stem weighted by its inverse document frequency over all the
    sentences of the corpus. ``anchors[k]`` are terms added to item ``k``'s
    set (on top of the words they are made of, so a shared anchor weighs
    twice). Pairs ``(i, j)``, ``i < j``, in ``keep`` are returned whatever
    their similarity, when they share a word. ``cancel()`` is checked every
    few dozen sentences (raising :class:`~analysis.errors.CancelledError`).

    ``limit`` bounds memory whatever the input: a pair is kept only when it
    is among the ``limit`` most similar partners of one of its two sentences
    (ties broken by the partner's key), so at most ``2·limit·n`` pairs are
    held; ``None`` keeps every pair. Pairs in ``keep`` are kept regardless.
    Returned in ``(i, j)`` order.
    """
    import numpy as np

    n = len(items)
    if n < 2:
        return {}
    extra = anchors or {}
    sets = [
        sorted(set(item.stems) | {"⚓" + a for a in extra.get(k, ())})
        for k, item in enumerate(items)
    ]
    postings: dict[str, list[int]] = {}
    for row, stems in enumerate(sets):
        for term in stems:
            postings.setdefault(term, []).append(row)
    codes = {outlet: c for c, outlet in enumerate(sorted({item.outlet for item in items}))}
    outlet_codes = np.fromiter((codes[item.outlet] for item in items), dtype=np.int64, count=n)
    # Rank of each item's key: ties among equally similar partners never depend on input order.
    rank = np.empty(n, dtype=np.int64)
    rank[sorted(range(n), key=lambda k: items[k].key)] = np.arange(n)
    sizes = np.zeros(n)
    rows_of: dict[str, Any] = {}
    idf_of: dict[str, float] = {}
    common = 0
    for term in sorted(postings):
        if len(postings[term]) > COMMON_TERM_SENTENCES:
            common += 1
            continue
        rows = np.asarray(postings[term], dtype=np.int64)
        idf = math.log((1 + n) / (1 + len(rows))) + 1.0
        sizes[rows] += idf
        if len(rows) > 1:
            rows_of[term] = rows
            idf_of[term] = idf
    kept: dict[int, set[int]] = {}
    for i, j in keep:
        kept.setdefault(i, set()).add(j)
        kept.setdefault(j, set()).add(i)
    # The shared weight w(A ∩ B) of row i with every other row comes from the
    # inverted index, one row at a time: i's terms, in sorted order, add their
    # IDF to the rows of their postings. So every float sum, hence every
    # similarity, is the same from either side and whatever the input order;
    # memory stays bounded by one row's candidates plus ``limit`` pairs a row,
    # and no numpy call runs long (a long C call holds the GIL and would
    # freeze the GUI thread).
    if common:
        log.info(
            "%d words in more than %d sentences each were left out of the comparison "
            "as the topic of the whole corpus.", common, COMMON_TERM_SENTENCES,
        )  # fmt: skip
    found: dict[tuple[int, int], float] = {}
    for i, stems in enumerate(sets):
        if i % CANCEL_EVERY == 0:
            check_cancel(cancel, COMPARISON_CANCELLED)
        lists = [rows_of[t] for t in stems if t in rows_of]
        if not lists:
            continue
        weights = [idf_of[t] for t in stems if t in rows_of]
        others = np.concatenate(lists)
        shared = np.bincount(
            others, weights=np.repeat(weights, [len(x) for x in lists]), minlength=n
        )
        shared[i] = 0.0
        jj = np.flatnonzero(shared)
        jj = jj[outlet_codes[jj] != outlet_codes[i]]
        dice = 2.0 * shared[jj] / (sizes[i] + sizes[jj])
        wanted = dice >= floor
        forced = np.isin(jj, list(kept[i])) if i in kept else np.zeros(len(jj), dtype=bool)
        if limit is not None and int(np.count_nonzero(wanted)) > limit:
            top = np.flatnonzero(wanted)
            order = np.lexsort((rank[jj[top]], -dice[top]))[:limit]
            wanted = np.zeros(len(jj), dtype=bool)
            wanted[top[order]] = True
        wanted |= forced
        for j, d in zip(jj[wanted].tolist(), dice[wanted].tolist(), strict=True):
            found[(i, j) if i < j else (j, i)] = min(1.0, d)
    return dict(sorted(found.items()))


def shared_anchors(items: Sequence[SentenceItem]) -> dict[tuple[int, int], tuple[str, ...]]:
    """Anchors shared by pairs ``(i, j)``, ``i < j``, of different outlets.

    An anchor candidate counts when sentences of at least two outlets carry it
    and it comes in at most ``ANCHOR_MAX_PER_ARTICLE`` sentences per article
    that has it, on average (a sentence an article repeats word for word
    counts once).
    """
    carriers: dict[str, list[int]] = {}
    for k, item in enumerate(items):
        for anchor in item.anchors:
            carriers.setdefault(anchor, []).append(k)
    result: dict[tuple[int, int], list[str]] = {}
    for anchor in sorted(carriers):
        ks = carriers[anchor]
        if len({items[k].outlet for k in ks}) < 2:
            continue
        articles = {items[k].article for k in ks}
        sentences = {(items[k].article, items[k].text) for k in ks}
        if len(sentences) > ANCHOR_MAX_PER_ARTICLE * len(articles):
            continue
        for n, i in enumerate(ks):
            for j in ks[n + 1 :]:
                if items[i].outlet != items[j].outlet:
                    result.setdefault((i, j) if i < j else (j, i), []).append(anchor)
    return {pair: tuple(anchors) for pair, anchors in result.items()}


def align_items(
    items: Sequence[SentenceItem],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    cancel: Callable[[], bool] | None = None,
) -> Alignment:
    """Group ``items`` (see the module docstring for the method)."""
    anchored = shared_anchors(items)
    valid = {a for anchors in anchored.values() for a in anchors}
    features = {k: [a for a in item.anchors if a in valid] for k, item in enumerate(items)}
    carriers: dict[str, list[int]] = {}
    for k, found in features.items():
        for a in found:
            carriers.setdefault(a, []).append(k)
    floor = CHAIN_FACTOR * threshold
    anchor_floor = ANCHOR_FACTOR * threshold
    sims = similarity_pairs(
        items, min(floor, anchor_floor), keep=anchored, anchors=features, cancel=cancel
    )

    def score(i: int, j: int) -> float:
        return sims.get((i, j) if i < j else (j, i), 0.0)

    def linkable(i: int, j: int) -> bool:
        s = score(i, j)
        return s >= threshold or (s >= anchor_floor and ((i, j) if i < j else (j, i)) in anchored)

    def compatible(i: int, j: int) -> bool:
        pair = (i, j) if i < j else (j, i)
        return items[i].outlet == items[j].outlet or score(i, j) >= floor or pair in anchored

    links: list[tuple[float, tuple[str, int, str], tuple[str, int, str], int, int]] = []
    for i, j in sims:
        if linkable(i, j):
            first, second = sorted((items[i].key, items[j].key))
            links.append((sims[i, j], first, second, i, j))
    links.sort(key=lambda link: (-link[0], link[1], link[2]))
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def merge(i: int, j: int) -> bool:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            return False
        a, b = members[gi], members[gj]
        if {items[k].article for k in a} & {items[k].article for k in b}:
            return False
        if not all(compatible(x, y) for x in a for y in b):
            return False
        merged = members.pop(gi) + members.pop(gj)
        new_id = merged[0]
        for k in merged:
            group_of[k] = new_id
        members[new_id] = merged
        return True

    def grow(k: int, anchor: str) -> None:
        # Other sentences with the anchor join this group before they can pair among
        # themselves: one fact, otherwise split by two sentences of one article.
        def closeness(c: int) -> tuple[float, tuple[str, int, str]]:
            best = max(score(c, m) for m in members[group_of[k]] if linkable(c, m))
            return (-best, items[c].key)

        while True:
            group = members[group_of[k]]
            taken = {items[m].article for m in group}
            candidates = [
                c
                for c in carriers[anchor]
                if items[c].article not in taken and any(linkable(c, m) for m in group)
            ]
            if not any(merge(k, c) for c in sorted(candidates, key=closeness)):
                return

    for _, _, _, i, j in links:
        if merge(i, j):
            for anchor in anchored.get((i, j) if i < j else (j, i), ()):
                grow(i, anchor)

    groups = tuple(
        tuple(sorted(m, key=lambda k: (items[k].article, items[k].sentence)))
        for m in members.values()
        if len(m) > 1
    )
    groups = tuple(sorted(groups, key=lambda g: (items[g[0]].article, items[g[0]].sentence)))
    grouped = {k for group in groups for k in group}
    # Every item ends in exactly one place: a group, or unmatched (also when its
    # links were all refused by the checks above).
    unmatched = tuple(k for k in range(len(items)) if k not in grouped)
    return Alignment(tuple(items), groups, unmatched, sims, anchored)


def align(
    corpus: Corpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = MIN_WORDS,
    concepts: TermMatcher | None = None,
    aliases: TermMatcher | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Alignment:
    """Align the sentences of ``corpus`` across outlets.

    ``concepts`` defaults to the concept groups of resources/concepts.tsv and
    ``aliases`` to resources/aliases.tsv; pass ``TermMatcher([])`` for either
    to align on the words alone.
    """
    if concepts is None:
        from analysis.compare.labels import default_concepts

        concepts = default_concepts()
    if aliases is None:
        aliases = default_aliases()
    items = sentence_items(corpus, min_words=min_words, concepts=concepts, aliases=aliases)
    return align_items(items, threshold=threshold, cancel=cancel)
