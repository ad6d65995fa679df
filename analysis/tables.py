"""Score tables: a :class:`~analysis.model.Corpus` as pandas DataFrames.

Three levels, each a new DataFrame (the corpus is never changed):

* :func:`sentence_table` – one row per sentence;
* :func:`article_table` – one row per article;
* :func:`outlet_table` – one row per outlet, indexed by the outlet's name.

Definitions shared by the three:

* **words**: word tokens, see :func:`analysis.score.count_words`;
* a sentence is **subjective** when its TextBlob subjectivity is at least
  :data:`SUBJECTIVE_THRESHOLD` (0.5);
* **voice**: the outlet's own words are those outside direct quotations; a
  sentence is the outlet's own when less than half of it is quoted
  (``SentenceScore.quoted``).  The outlet's rates count its own voice only:
  ``subjectivity``, ``polarity``, ``subjective_share`` and ``bias`` are
  means over its own sentences (over all its sentences when every one is
  quoted); the ``quoted_*`` columns describe the quoted language apart;
* a **loaded term** is a highlight of kind ``"loaded"`` (a lexicon match or a
  scare quote) that :attr:`~analysis.model.Highlight.counts`: in the
  outlet's voice and not vocabulary every outlet of the story shares;
  *loaded per 1,000 words* is ``1000 * loaded terms / own words`` (words
  outside quotations); ``quoted_loaded_per_1000`` is the same for the loaded
  terms inside quotations per 1,000 quoted words;
* **top terms**: the most frequent loaded terms (lower-cased text) in the
  outlet's own voice, at most :data:`TOP_TERMS` of them, as
  ``"term (count); term (count)"``; ``quoted_terms`` the same inside quotations.

The per-category columns are ``loaded_per_1000_<category>`` for every
built-in category (:data:`analysis.lexicon.CATEGORY_IDS`), then for every
other category that occurs in the corpus (a user lexicon's
``custom:<name>``), in sorted order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from analysis.model import AnalyzedArticle, Corpus
from analysis.safeio import encodable

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BiasSpread",
    "SUBJECTIVE_THRESHOLD",
    "bias_spread",
    "TOP_TERMS",
    "article_table",
    "categories",
    "outlet_rows",
    "outlet_table",
    "score_columns",
    "sentence_table",
    "top_terms",
]

SUBJECTIVE_THRESHOLD = 0.5
TOP_TERMS = 5

#: The columns on quoted language, after the outlet's own-voice columns.
QUOTED_COLUMNS = ("quoted_words", "quoted_subjectivity", "quoted_loaded_per_1000", "quoted_terms")

SENTENCE_COLUMNS = (
    "article", "outlet", "start", "end", "text", "subjectivity", "polarity", "bias", "quoted",
)  # fmt: skip


def categories(corpus: Corpus) -> tuple[str, ...]:
    """The loaded-term categories that get a column: built-in ones, then others found."""
    from analysis.lexicon import CATEGORY_IDS

    found = {h.category for a in corpus.articles for h in a.highlights if h.kind == "loaded"} - set(
        CATEGORY_IDS
    )
    return (*CATEGORY_IDS, *sorted(found))


def top_terms(
    articles: Iterable[AnalyzedArticle], limit: int = TOP_TERMS, *, quoted: bool = False
) -> str:
    """The most frequent loaded terms in the outlet's own voice (``quoted``: inside
    quotations) as ``"term (count); ..."`` (ties: first seen first)."""
    counts: Counter[str] = Counter(
        " ".join(h.text.lower().split())
        for a in articles
        for h in a.highlights
        if (h.kind == "loaded" and h.voice == "quoted" and not h.shared if quoted else h.counts)
    )
    return "; ".join(f"{term} ({n})" for term, n in counts.most_common(limit))


def sentence_table(corpus: Corpus) -> pd.DataFrame:
    """One row per sentence, in corpus order.

    Columns: ``article`` (position of the article in the corpus, from 0),
    ``outlet``, ``start`` and ``end`` (character offsets into the article
    text), ``text`` (the sentence), ``subjectivity`` and ``polarity``
    (TextBlob's, equal to ``TextBlob(text).sentiment``), ``bias`` (the
    per-sentence bias estimate in [0, 1], see analysis/bias/) and
    ``quoted`` (True when the sentence lies mostly inside quotation marks).
    """
    import pandas as pd

    rows = [
        (
            k,
            a.outlet,
            s.start,
            s.end,
            a.article.text[s.start : s.end],
            s.subjectivity,
            s.polarity,
            s.bias,
            s.quoted,
        )
        for k, a in enumerate(corpus.articles)
        for s in a.sentences
    ]
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    frame.index.name = "sentence"
    return frame


def _loaded_counts(articles: Sequence[AnalyzedArticle], cats: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(cats, 0)
    for a in articles:
        for h in a.highlights:
            if h.counts and h.category in counts:
                counts[h.category] += 1
    return counts


def score_columns(articles: Sequence[AnalyzedArticle], cats: Sequence[str]) -> dict[str, object]:
    """The score columns shared by the article and outlet tables (and batch rows)."""
    every = [s for a in articles for s in a.sentences]
    quoted = [s for s in every if s.quoted]
    sentences = [s for s in every if not s.quoted] or every
    n = len(sentences)
    words = sum(a.words for a in articles)
    own_words = sum(a.own_words for a in articles)
    quoted_words = words - own_words
    loaded = sum(a.loaded_count for a in articles)
    quoted_loaded = sum(a.quoted_loaded_count for a in articles)
    per_cat = _loaded_counts(articles, cats)
    row: dict[str, object] = {
        "words": words,
        "sentences": len(every),
        "subjectivity": sum(s.subjectivity for s in sentences) / n if n else 0.0,
        "polarity": sum(s.polarity for s in sentences) / n if n else 0.0,
        "subjective_share": (
            sum(1 for s in sentences if s.subjectivity >= SUBJECTIVE_THRESHOLD) / n if n else 0.0
        ),
        "loaded_per_1000": 1000.0 * loaded / own_words if own_words else 0.0,
    }
    for cat in cats:
        row[f"loaded_per_1000_{cat}"] = 1000.0 * per_cat[cat] / own_words if own_words else 0.0
    row["bias"] = sum(s.bias for s in sentences) / n if n else 0.0
    row["top_terms"] = top_terms(articles)
    row["quoted_words"] = quoted_words
    row["quoted_subjectivity"] = (
        sum(s.subjectivity for s in quoted) / len(quoted) if quoted else float("nan")
    )
    row["quoted_loaded_per_1000"] = 1000.0 * quoted_loaded / quoted_words if quoted_words else 0.0
    row["quoted_terms"] = top_terms(articles, quoted=True)
    return row


def article_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article, indexed by its position in the corpus (``article``).

    Columns: ``path``, ``outlet``, ``outlet_source`` (the rule that found the
    outlet), ``title``, ``author``, ``date``, ``words``, ``sentences``,
    ``subjectivity`` and ``polarity`` (means over the sentences),
    ``subjective_share`` (share of sentences with subjectivity >= 0.5),
    ``loaded_per_1000`` and ``loaded_per_1000_<category>`` (loaded terms per
    1,000 words, overall and per category), ``bias`` (mean sentence bias
    estimate) and ``top_terms``.
    """
    import pandas as pd

    cats = categories(corpus)
    rows = []
    for a in corpus.articles:
        art = a.article
        rows.append(
            {
                # A file name's undecodable bytes spelled \xNN: tables hold text.
                "path": encodable(art.path),
                "outlet": encodable(art.outlet),
                "outlet_source": art.outlet_source,
                "title": encodable(art.title),
                "author": encodable(art.author),
                "date": encodable(art.date),
                **score_columns([a], cats),
            }
        )
    columns = ["path", "outlet", "outlet_source", "title", "author", "date", *_score_columns(cats)]
    frame = pd.DataFrame(rows, columns=columns)
    frame.index.name = "article"
    return frame


def _score_columns(cats: Sequence[str]) -> list[str]:
    return [
        "words",
        "sentences",
        "subjectivity",
        "polarity",
        "subjective_share",
        "loaded_per_1000",
        *(f"loaded_per_1000_{c}" for c in cats),
        "bias",
        "top_terms",
        *QUOTED_COLUMNS,
    ]


def outlet_table(corpus: Corpus) -> pd.DataFrame:
    """One row per outlet (in order of first appearance), indexed by ``outlet``.

    Columns: ``articles`` (how many), ``words`` and ``sentences`` (totals),
    ``subjectivity`` and ``polarity`` (means over the outlet's own
    sentences, quoted ones aside, so a long article weighs more than a short
    one), ``subjective_share`` (share of those sentences with subjectivity
    >= 0.5), ``loaded_per_1000`` and ``loaded_per_1000_<category>`` (loaded
    terms in its own voice per 1,000 of its own words), ``bias`` (mean sentence bias estimate) and
    ``top_terms`` (over all its articles).
    """
    import pandas as pd

    columns = ["outlet", "articles", *_score_columns(categories(corpus))]
    return pd.DataFrame(outlet_rows(corpus), columns=columns).set_index("outlet")


def outlet_rows(corpus: Corpus) -> list[dict[str, object]]:
    """The rows of :func:`outlet_table` as plain dicts (``outlet`` first), without
    pandas: ``analyze --json`` needs no more, and importing pandas cost its
    process 0.4-0.6 CPU-seconds (benchmarks/RESULTS.md)."""
    cats = categories(corpus)
    by_outlet: dict[str, list[AnalyzedArticle]] = {}
    for a in corpus.articles:
        by_outlet.setdefault(a.outlet, []).append(a)
    return [
        {"outlet": outlet, "articles": len(group), **score_columns(group, cats)}
        for outlet, group in by_outlet.items()
    ]


class BiasSpread(NamedTuple):
    """How far apart the outlets' mean bias estimates are, against their noise."""

    #: The highest minus the lowest outlet mean (own-voice sentences).
    spread: float
    #: The difference the sentence-to-sentence variation alone would reach
    #: (the two extreme outlets' standard errors combined, times a z that
    #: corrects for every pair of outlets being compared).
    noise: float
    #: The outlets with the lowest and the highest mean.
    lowest: str
    highest: str

    @property
    def separates(self) -> bool:
        """True when the spread exceeds the noise: the estimate tells these outlets apart."""
        return self.spread > self.noise


def bias_spread(corpus: Corpus) -> BiasSpread:
    """The spread of the outlets' mean sentence bias (own voice) and its noise level.

    Two outlets differ when their means differ by more than ``z`` standard
    errors of the difference, with ``z`` for a two-sided 5 % test corrected
    for the ``k (k - 1) / 2`` pairs of ``k`` outlets (Bonferroni).  With
    fewer than two outlets, or one sentence per outlet, nothing separates.
    """
    from statistics import NormalDist

    groups: dict[str, list[float]] = {}
    for a in corpus.articles:
        own = [s.bias for s in a.sentences if not s.quoted] or [s.bias for s in a.sentences]
        groups.setdefault(a.outlet, []).extend(own)
    stats = {}
    for outlet, values in groups.items():
        n = len(values)
        if n < 2:
            continue
        mean = sum(values) / n
        var = sum((v - mean) ** 2 for v in values) / (n - 1)
        stats[outlet] = (mean, var / n)
    if len(stats) < 2:
        return BiasSpread(0.0, math.inf, "", "")
    lowest = min(stats, key=lambda o: stats[o][0])
    highest = max(stats, key=lambda o: stats[o][0])
    pairs = len(stats) * (len(stats) - 1) / 2
    z = NormalDist().inv_cdf(1 - 0.025 / pairs)
    noise = z * math.sqrt(stats[lowest][1] + stats[highest][1])
    return BiasSpread(stats[highest][0] - stats[lowest][0], noise, lowest, highest)
