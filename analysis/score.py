"""Score: one article → its sentences, TextBlob assessments, loaded terms and bias.

The steps, for one :class:`~analysis.model.Article`:

1. sentences from :func:`analysis.segment.sentence_spans`, outside the page
   furniture the loader found (``Article.furniture``, :mod:`analysis.cleanup`)
   and outside the headline, which is scored on its own
   (``AnalyzedArticle.headline``) so it is compared in its own row;
2. per sentence, TextBlob's polarity, subjectivity and word assessments
   (:func:`analysis.sentiment.analyze_sentence`, equal to
   ``TextBlob(sentence).sentiment_assessments``), placed in the article text;
3. loaded terms from the lexicon (:meth:`analysis.lexicon.Lexicon.match`,
   run once over the whole text and shared out among the sentences); skipped
   for text that is not English, where the lexicon does not apply;
4. per sentence, :func:`analysis.bias.sentence_evidence` turns both into
   highlights and the bias estimate.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from analysis.model import AnalyzedArticle, Article, Assessment, Highlight, SentenceScore
from analysis.quotation import _non_space, quoted_share  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon, LexiconMatch
    from analysis.sentiment import SentimentLexicon

__all__ = [
    "WORD_RE",
    "LineScore",
    "analyze_article",
    "count_words",
    "quoted_share",
    "quoted_word_count",
    "score_line",
]

#: A word: letters or digits, possibly joined by an apostrophe, hyphen or a
#: period/comma between digits or letters ("don't", "well-known", "U.S", "3.5",
#: "1,000"). Punctuation, symbols and emoticons are not words.
WORD_RE = re.compile(r"[^\W_]+(?:['’\-.,][^\W_]+)*")

#: A sentence counts as quoted when at least this share of its characters
#: (whitespace aside) lies inside quotation marks.
QUOTED_SHARE = 0.5


#: What joins two runs of letters and digits into one word of WORD_RE, alone
#: between them.
_JOINERS = frozenset("'’-.,")


def count_words(text: str) -> int:
    """The number of word tokens in ``text`` (matches of :data:`WORD_RE`).

    Counted from the runs of letters and digits the lexicon's matching finds
    too (:func:`analysis.lexicon.token_parts`): a word of WORD_RE is a chain of
    runs, each joined to the next by one of ``'’-.,`` alone.
    """
    from analysis.lexicon import token_parts

    parts = token_parts(text)
    return len(parts) // 2 - sum(map(_JOINERS.__contains__, parts[2:-1:2]))


@lru_cache(maxsize=64)
def quoted_word_count(text: str) -> int:
    """Words of ``text`` inside direct quotations (:func:`analysis.quotation.quote_regions`,
    overlapping quotations counted once)."""
    from analysis.quotation import quote_regions

    total = 0
    last = 0
    for qs, qe in quote_regions(text):
        qs = max(qs, last)
        if qe > qs:
            total += len(WORD_RE.findall(text, qs, qe))
            last = qe
    return total


class LineScore(NamedTuple):
    """The scores of one line outside any article text (a title a file declares)."""

    subjectivity: float
    polarity: float
    #: The loaded terms found in it, as written, in order.
    loaded: tuple[str, ...]


def score_line(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    sentiment: SentimentLexicon | None = None,
) -> LineScore:
    """TextBlob's subjectivity and polarity of ``text`` and the lexicon's loaded terms in it.

    For headlines: every outlet's is scored the same way, whether or not it
    is part of the article text.
    """
    from analysis.lexicon import default_lexicon
    from analysis.sentiment import analyze_sentence

    lex = default_lexicon() if lexicon is None else lexicon
    scored = analyze_sentence(text, 0, sentiment)
    loaded = tuple(dict.fromkeys(m.text for m in lex.match(text)))
    return LineScore(scored.subjectivity, scored.polarity, loaded)


def analyze_article(
    article: Article,
    *,
    lexicon: Lexicon | None = None,
    sentiment: SentimentLexicon | None = None,
) -> AnalyzedArticle:
    """Analyse one article: sentences, TextBlob scores, loaded terms, highlights, bias.

    ``lexicon`` defaults to :func:`analysis.lexicon.default_lexicon` and
    ``sentiment`` to :func:`analysis.sentiment.sentiment_lexicon` (TextBlob's).
    ``AnalyzedArticle.words`` is :func:`count_words` of the article text
    without its furniture (:attr:`~analysis.model.Article.content`).
    ``SentenceScore.quoted`` is True when at least half of the sentence
    (whitespace aside) lies inside quotation marks
    (:func:`analysis.quotation.quote_regions`): the outlet is reporting someone
    else's words.
    """
    from analysis.bias import sentence_evidence
    from analysis.lexicon import default_lexicon
    from analysis.quotation import _merged_quotes
    from analysis.segment import sentence_spans
    from analysis.sentiment import analyze_sentence

    text = article.text
    lex = default_lexicon() if lexicon is None else lexicon
    skip = [(f.start, f.end) for f in article.furniture]
    if article.headline is not None:
        skip = sorted([*skip, article.headline])
    spans = sentence_spans(text, skip)
    matches: tuple[LexiconMatch, ...] = lex.match(text) if article.language == "en" else ()
    match_starts = [m.start for m in matches]
    # Quotations merged into disjoint spans, in order: each sentence looks only
    # at those it overlaps (all of them for every sentence was quadratic).
    quote_starts, quote_ends = _merged_quotes(text)
    sentences: list[SentenceScore] = []
    assessments: list[Assessment] = []
    highlights: list[Highlight] = []

    def score(start: int, end: int) -> SentenceScore:
        scored = analyze_sentence(text[start:end], start, sentiment)
        lo = bisect.bisect_left(match_starts, start)
        hi = bisect.bisect_left(match_starts, end)
        bias, marks = sentence_evidence(
            text,
            start,
            end,
            scored.subjectivity,
            scored.polarity,
            scored.assessments,
            matches[lo:hi],
        )
        first = max(bisect.bisect_right(quote_starts, start) - 1, 0)
        last = bisect.bisect_left(quote_starts, end)
        near = tuple(zip(quote_starts[first:last], quote_ends[first:last], strict=True))
        quoted = bool(near) and quoted_share(text, start, end, near) >= QUOTED_SHARE
        assessments.extend(scored.assessments)
        highlights.extend(marks)
        return SentenceScore(start, end, scored.subjectivity, scored.polarity, bias, quoted)

    headline = score(*article.headline) if article.headline is not None else None
    for start, end in spans:
        sentences.append(score(start, end))
    return AnalyzedArticle(
        article=article,
        sentences=tuple(sentences),
        assessments=tuple(assessments),
        highlights=tuple(highlights),
        words=count_words(article.content),
        headline=headline,
    )
