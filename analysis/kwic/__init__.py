"""Keyword in context across outlets: every occurrence of a pattern, with its context.

A concordance (as in AntConc or Voyant's keyword-in-context view) that
compares outlets: :func:`concordance` finds a pattern in every article and
returns each occurrence with the text to its left and right, grouped by
outlet and story, with counts per outlet and per 1,000 words of the outlet's
own voice. An occurrence inside a direct quotation
(:func:`analysis.lexicon.quote_regions`) is the source's word, not the
outlet's: it is listed with ``voice="quoted"`` and counted apart.

The pattern language (matching ignores case and always takes whole words)::

    invasion                      the word, exactly this form
    special military operation    a phrase; its words may be joined by spaces or hyphens
    ~invade                       a lemma: every regular inflection (invade, invades,
                                  invaded, invading; analysis.lexicon.inflections)
    invad*                        * stands for any letters inside a word
    special * operation           a * alone stands for any one word
    invasion | war | conflict     alternatives, each counted on its own

Everything else the user types is literal text. Each alternative becomes one
regular expression built only from escaped literals, character classes and
word boundaries, so matching takes time linear in the text whatever is typed:
a ``*`` inside a word is matched as "the rest of the word" and checked
afterwards (:func:`.patterns._glob_match`), never by nested regex repetition. Where
alternatives overlap, the longest match wins (then the earlier alternative);
matches never overlap.

:func:`suggest_alternatives` proposes sets of alternatives from the story
itself: the concept groups whose terms the outlets split between them, and the
words that aligned statements put differently.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.kwic.patterns import Pattern, _lowered, _spans, find_spans, parse_pattern
from analysis.kwic.suggest import Suggestion, suggest_alternatives
from analysis.lexicon import quote_regions
from analysis.score import count_words

if TYPE_CHECKING:
    import pandas as pd

    from analysis.compare.results import Comparison
    from analysis.model import Article, Corpus

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_WIDTH",
    "Concordance",
    "Hit",
    "KwicCorpus",
    "OutletCount",
    "Pattern",
    "SortKey",
    "Suggestion",
    "TermCount",
    "Voice",
    "concordance",
    "find_spans",
    "parse_pattern",
    "suggest_alternatives",
]

#: Characters of context on each side of a hit, unless asked otherwise.
DEFAULT_WIDTH = 60
#: Limits that keep a pattern readable (and its regular expressions small).
MAX_ALTERNATIVES = 30
MAX_WORDS = 8
MAX_PATTERN = 1000

#: Columns of the CSV export, one row per hit.
CSV_COLUMNS = (
    "outlet", "story", "article", "start", "end", "left", "match", "right", "voice", "term",
)  # fmt: skip

Voice = Literal["outlet", "quoted"]
SortKey = Literal["position", "left", "right"]

_WORD_CHAR = r"[^\W_]"
_NOT_BEFORE = r"(?<![^\W_])"
_NOT_AFTER = r"(?![^\W_])"
# What may join the words of a phrase: spaces (one line break at most) and
# hyphens or dashes, as analysis.lexicon joins phrase words. A bounded run of
# one character class followed by a letter: no backtracking to speak of.
_GAP = r"[ \t\u00a0\n\-\u2010\u2011\u2013]{1,3}"
_HYPHENS_RE = re.compile(r"[\-\u2010\u2011\u2013]+")
_APOSTROPHES = "'\u2019"
_CONTEXT_WORD_RE = re.compile(r"[^\W_]+")


# ---------------------------------------------------------------- the texts


def _merged(regions: Sequence[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in regions:
        if starts and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return tuple(starts), tuple(ends)


@dataclass(frozen=True, slots=True)
class KwicCorpus:
    """The articles a concordance searches, prepared once (quotations, word counts).

    ``stories[i]`` is the story id of article ``i`` when the comparison groups
    articles into stories, else None (one story for all).
    """

    texts: tuple[str, ...]
    paths: tuple[str, ...]
    outlets: tuple[str, ...]
    stories: tuple[str | None, ...]
    #: Per article, the words outside quotations (the outlet's own voice).
    own_words: tuple[int, ...]
    #: Per article, the merged quotation spans as (starts, ends).
    quotes: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    #: Per article, the text in lower case (None when lower case changes its
    #: length, as for "İ": then the search ignores case instead).
    lowered: tuple[str | None, ...]

    @classmethod
    def from_articles(
        cls,
        articles: Sequence[Article],
        stories: Sequence[str | None] | None = None,
        words: Sequence[int] | None = None,
    ) -> KwicCorpus:
        """Prepare ``articles``; ``stories`` is parallel to them (None: one story).

        ``words`` are the articles' word counts when the analysis has them
        (:func:`analysis.score.count_words` of each text), else counted here.
        """
        if stories is not None and len(stories) != len(articles):
            raise ValueError("stories must be parallel to articles")
        texts = tuple(a.text for a in articles)
        quotes = tuple(_merged(quote_regions(t)) for t in texts)
        totals = list(words) if words is not None else [count_words(t) for t in texts]
        own = tuple(
            max(0, n - sum(count_words(t[s:e]) for s, e in zip(*q, strict=True)))
            for t, q, n in zip(texts, quotes, totals, strict=True)
        )
        return cls(
            texts=texts,
            paths=tuple(a.path for a in articles),
            outlets=tuple(a.outlet for a in articles),
            stories=tuple(stories) if stories is not None else (None,) * len(articles),
            own_words=own,
            quotes=quotes,
            lowered=tuple(_lowered(t) for t in texts),
        )

    @classmethod
    def from_corpus(cls, corpus: Corpus, comparison: Comparison | None = None) -> KwicCorpus:
        """Prepare an analysed corpus; story ids come from ``comparison`` when it has them."""
        return cls.from_articles(
            [a.article for a in corpus.articles],
            story_ids(comparison),
            [a.words for a in corpus.articles],
        )

    @property
    def outlet_order(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.outlets))

    def quoted(self, article: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of article ``article`` lies inside a quotation."""
        starts, ends = self.quotes[article]
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and starts[k] < start and end <= ends[k]


def story_ids(comparison: Comparison | None) -> list[str | None] | None:
    """Per article, the id of its story, when the comparison groups articles into stories.

    Reads the comparison's ``stories`` (each with an ``id`` and the indices of
    its ``articles``) where it has them; None when it has none, and then all
    articles make one story.
    """
    stories = getattr(comparison, "stories", ()) if comparison is not None else ()
    if comparison is None or not stories:
        return None
    found: list[str | None] = [None] * len(comparison.articles)
    for story in stories:
        for article in getattr(story, "articles", ()):
            if 0 <= article < len(found):
                found[article] = str(story.id)
    return found


# ---------------------------------------------------------------- results


class Hit(NamedTuple):
    """One occurrence; ``match`` equals the article text's ``[start:end]``."""

    #: Index of the article in the searched corpus.
    article: int
    outlet: str
    story: str | None
    start: int
    end: int
    #: Context, whitespace collapsed to single spaces, at most ``width`` characters
    #: and cut between words (a word longer than that is cut).
    left: str
    match: str
    right: str
    #: "quoted" inside a direct quotation (the source's word), else "outlet".
    voice: Voice
    #: The alternative of the pattern that matched, as typed.
    term: str


class OutletCount(NamedTuple):
    """How often one outlet uses the pattern."""

    outlet: str
    #: Every occurrence, in the outlet's voice and in quotations.
    hits: int
    #: Occurrences inside quotations (the sources' words).
    quoted: int
    #: Words of the outlet's own voice (outside quotations).
    own_words: int
    #: Occurrences in the outlet's own voice per 1,000 of its own words.
    per_1000: float


class TermCount(NamedTuple):
    """How often one outlet uses one alternative of the pattern."""

    outlet: str
    term: str
    hits: int
    quoted: int
    per_1000: float


def _per_1000(hits: int, words: int) -> float:
    return round(1000.0 * hits / words, 3) if words else 0.0


def _left_key(hit: Hit) -> tuple[str, ...]:
    return tuple(w.lower() for w in reversed(_CONTEXT_WORD_RE.findall(hit.left)))


def _right_key(hit: Hit) -> tuple[str, ...]:
    return tuple(w.lower() for w in _CONTEXT_WORD_RE.findall(hit.right))


@dataclass(frozen=True, slots=True)
class Concordance:
    """Every occurrence of a pattern, grouped by outlet and story, with counts."""

    pattern: str
    #: The alternatives, as typed.
    terms: tuple[str, ...]
    #: Grouped by outlet (in corpus order), then story, then in the order of ``sort``.
    hits: tuple[Hit, ...]
    #: One row per outlet of the corpus, in corpus order (outlets without hits too).
    outlets: tuple[OutletCount, ...]
    #: One row per outlet and alternative.
    term_counts: tuple[TermCount, ...]
    #: Article paths (``Hit.article`` indexes them).
    articles: tuple[str, ...]
    width: int = DEFAULT_WIDTH
    sort: SortKey = "position"

    def sorted_by(self, sort: SortKey) -> Concordance:
        """The same concordance with hits sorted by ``sort`` inside each outlet and story."""
        return Concordance(
            self.pattern,
            self.terms,
            _ordered(self.hits, self.outlet_names, sort),
            self.outlets,
            self.term_counts,
            self.articles,
            self.width,
            sort,
        )

    @property
    def total(self) -> int:
        """Every occurrence, including hits left out by ``max_hits``."""
        return sum(o.hits for o in self.outlets)

    @property
    def outlet_names(self) -> tuple[str, ...]:
        return tuple(o.outlet for o in self.outlets)

    def table(self) -> dict[str, dict[str, int]]:
        """Per outlet, per alternative, the number of hits (zeros included)."""
        result: dict[str, dict[str, int]] = {
            o: dict.fromkeys(self.terms, 0) for o in self.outlet_names
        }
        for row in self.term_counts:
            result[row.outlet][row.term] = row.hits
        return result

    def to_json(self) -> dict[str, object]:
        """The ``framelens kwic --json`` document (schema in the README)."""
        return {
            "pattern": self.pattern,
            "terms": list(self.terms),
            "hits": [self._record(h) for h in self.hits],
            "outlets": {
                o.outlet: {
                    "hits": o.hits,
                    "per_1000": o.per_1000,
                    "quoted": o.quoted,
                    "own_words": o.own_words,
                    "terms": {
                        t.term: {"hits": t.hits, "quoted": t.quoted, "per_1000": t.per_1000}
                        for t in self.term_counts
                        if t.outlet == o.outlet
                    },
                }
                for o in self.outlets
            },
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per hit (columns :data:`CSV_COLUMNS`), for CSV export."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=list(CSV_COLUMNS))

    def rows(self) -> list[dict[str, object]]:
        """One plain record per hit: outlet, story, article path, offsets, context."""
        return [{**self._record(h), "story": h.story or ""} for h in self.hits]

    def _record(self, h: Hit) -> dict[str, object]:
        """A hit as plain values (the JSON's hit; a CSV row with the story as text)."""
        return {
            "outlet": h.outlet,
            "story": h.story,
            "article": self.articles[h.article],
            "start": h.start,
            "end": h.end,
            "left": h.left,
            "match": h.match,
            "right": h.right,
            "voice": h.voice,
            "term": h.term,
        }


def _ordered(hits: Sequence[Hit], outlets: Sequence[str], sort: SortKey) -> tuple[Hit, ...]:
    rank = {o: k for k, o in enumerate(outlets)}
    stories: dict[str | None, int] = {}
    for h in hits:
        stories.setdefault(h.story, len(stories))
    if sort == "left":
        return tuple(
            sorted(
                hits,
                key=lambda h: (rank[h.outlet], stories[h.story], _left_key(h), h.article, h.start),
            )
        )
    if sort == "right":
        return tuple(
            sorted(
                hits,
                key=lambda h: (rank[h.outlet], stories[h.story], _right_key(h), h.article, h.start),
            )
        )
    return tuple(sorted(hits, key=lambda h: (rank[h.outlet], stories[h.story], h.article, h.start)))


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    if not width:
        return "", ""
    # Twice the width of raw text: collapsing whitespace only shortens it.
    before = text[max(0, start - 2 * width) : start]
    after = text[end : end + 2 * width]
    left = " ".join(before.split())
    right = " ".join(after.split())
    if before[-1:].isspace() and left:
        left += " "
    if after[:1].isspace() and right:
        right = " " + right
    # Cut at the word nearest the width, so that no word is shown in part.
    if len(left) > width:
        inside_word = left[-width - 1] != " "
        left = left[-width:]
        cut = left.find(" ")
        if inside_word and 0 <= cut < len(left) - 1:
            left = left[cut + 1 :]
    if len(right) > width:
        inside_word = right[width] != " "
        right = right[:width]
        cut = right.rfind(" ")
        if inside_word and cut > 0:
            right = right[:cut]
    return left, right


def concordance(
    corpus: KwicCorpus,
    pattern: str | Pattern,
    *,
    width: int = DEFAULT_WIDTH,
    sort: SortKey = "position",
    max_hits: int | None = None,
) -> Concordance:
    """Every occurrence of ``pattern`` in ``corpus`` with ``width`` characters each side.

    ``max_hits`` keeps only that many hits (the first ones in outlet, story and
    text order, then sorted) for a view that must stay quick however common
    the word; the counts always cover every occurrence and
    :attr:`Concordance.total` says how many there are. Raises
    :class:`PatternError` for a pattern that cannot be read.
    """
    parsed = parse_pattern(pattern) if isinstance(pattern, str) else pattern
    labels = parsed.labels
    outlets = corpus.outlet_order
    per_term: dict[tuple[str, str], list[int]] = {(o, t): [0, 0] for o in outlets for t in labels}
    # (article, start, end, alternative, quoted) of every occurrence.
    found: list[tuple[int, int, int, int, bool]] = []
    for a, text in enumerate(corpus.texts):
        outlet = corpus.outlets[a]
        for s, e, k in _spans(parsed, text, corpus.lowered[a]):
            quoted = corpus.quoted(a, s, e)
            cell = per_term[(outlet, labels[k])]
            cell[0] += 1
            cell[1] += quoted
            found.append((a, s, e, k, quoted))
    if max_hits is not None and len(found) > max_hits:
        rank = {o: n for n, o in enumerate(outlets)}
        stories: dict[str | None, int] = {}
        for story in corpus.stories:
            stories.setdefault(story, len(stories))
        found.sort(
            key=lambda f: (rank[corpus.outlets[f[0]]], stories[corpus.stories[f[0]]], f[0], f[1])
        )
        del found[max_hits:]
    hits = []
    for a, s, e, k, quoted in found:
        text = corpus.texts[a]
        left, right = _context(text, s, e, width)
        hits.append(
            Hit(a, corpus.outlets[a], corpus.stories[a], s, e, left, text[s:e], right,
                "quoted" if quoted else "outlet", labels[k])
        )  # fmt: skip
    words = dict.fromkeys(outlets, 0)
    for outlet, n in zip(corpus.outlets, corpus.own_words, strict=True):
        words[outlet] += n
    counts = []
    for o in outlets:
        total = sum(per_term[(o, t)][0] for t in labels)
        quoted_n = sum(per_term[(o, t)][1] for t in labels)
        counts.append(
            OutletCount(o, total, quoted_n, words[o], _per_1000(total - quoted_n, words[o]))
        )
    term_counts = tuple(
        TermCount(o, t, n, q, _per_1000(n - q, words[o])) for (o, t), (n, q) in per_term.items()
    )
    return Concordance(
        parsed.text,
        labels,
        _ordered(hits, outlets, sort),
        tuple(counts),
        term_counts,
        corpus.paths,
        width,
        sort,
    )
