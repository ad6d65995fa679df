"""How much of the articles the comparison reads.

Alignment, labels, quotes and frames take time that grows with the length of
the text, and the loaders accept articles of up to ten million characters,
twenty thousand of them. A news article, even a long feature, is a few tens
of thousands of characters; a longer "article" is a book, a transcript or a
pasted archive. So the comparison reads each article up to
:data:`MAX_COMPARED_CHARS` (to the end of the last sentence within it).
Finding stories and aligning statements compare articles with each other,
which takes time that grows faster than the text: they read the articles in
order up to :data:`MAX_TOTAL_CHARS` in all, and the articles after that
are left out of them, in a story of their own ("Not compared"). Labels,
quotes and frames read one article at a time, in time proportional to the
text, as the analysis before them does: they read every article
(:attr:`Bounded.each`). Every cut is said in a story's warnings. The
articles themselves, their scores and their highlights stay whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from analysis.compare.results import Story
from analysis.model import AnalyzedArticle, Corpus
from analysis.safeio import file_label
from analysis.score import count_words

__all__ = ["MAX_COMPARED_CHARS", "MAX_TOTAL_CHARS", "Bounded", "bounded", "compared_part"]

#: Characters of one article the comparison reads: about 16,000 words, three
#: times the longest of the 840 PolNeAR news articles.
MAX_COMPARED_CHARS = 100_000
#: Characters of all articles the comparison reads: about 190 news articles.
MAX_TOTAL_CHARS = 750_000
#: The least of an article worth comparing when the total is nearly used up.
MIN_PART_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class Bounded:
    """A corpus cut to what the comparison reads, and where it was cut."""

    #: The same articles in the same order; the ones after ``compared`` are empty.
    corpus: Corpus
    #: Every article cut to ``per_article`` only: what labels, quotes and frames read.
    each: Corpus
    #: How many articles (from the first) are compared.
    compared: int
    #: By index of an article compared in part: (characters read, characters in all).
    cut: dict[int, tuple[int, int]]
    #: Characters of one article and of all articles read at most.
    per_article: int = MAX_COMPARED_CHARS
    total: int = MAX_TOTAL_CHARS

    def stories(self, found: Sequence[Story]) -> tuple[Story, ...]:
        """``found`` (the stories of the compared articles) with the notes of their
        articles as warnings, and the articles left out as a story of their own."""
        stories = [replace(s, warnings=(*s.warnings, *self._cut_note(s.articles))) for s in found]
        left_out = tuple(range(self.compared, len(self.corpus.articles)))
        if left_out:
            stories.append(
                Story(
                    f"story-{len(stories) + 1}",
                    "Not compared",
                    left_out,
                    warnings=(
                        f"{_articles(len(left_out))} ("
                        f"{file_label(self.corpus.articles[left_out[0]].article.path)} and "
                        f"after) not grouped into stories or aligned: that reads up to "
                        f"{self.total:,} characters at once, which the "
                        f"{_articles(self.compared)} before fill. Their labels, quotes "
                        f"and frames are counted. Compare fewer articles at once to "
                        f"align them.",
                    ),
                )
            )
        return tuple(stories)

    def _cut_note(self, articles: Sequence[int]) -> tuple[str, ...]:
        """One line on the articles of a story compared in part, naming the first three."""
        cut = [i for i in articles if i in self.cut]
        if not cut:
            return ()
        named = [
            f"{file_label(self.corpus.articles[i].article.path)} "
            f"({self.cut[i][0]:,} of {self.cut[i][1]:,} characters)"
            for i in cut[:3]
        ]
        more = f" and {len(cut) - 3:,} more" if len(cut) > 3 else ""
        return (
            f"{_articles(len(cut)).capitalize()} compared in part: {', '.join(named)}{more}. "
            f"The comparison reads up to {self.per_article:,} characters of an article and "
            f"{self.total:,} in all; scores and highlights cover the whole articles.",
        )


def bounded(corpus: Corpus, per_article: int | None = None, total: int | None = None) -> Bounded:
    """``corpus`` cut to what the comparison reads (see the module docstring):
    ``per_article`` and ``total`` default to :data:`MAX_COMPARED_CHARS` and
    :data:`MAX_TOTAL_CHARS`."""
    per_article = MAX_COMPARED_CHARS if per_article is None else per_article
    total = MAX_TOTAL_CHARS if total is None else total
    parts: list[AnalyzedArticle] = []
    each: list[AnalyzedArticle] = []
    cut: dict[int, tuple[int, int]] = {}
    compared = len(corpus.articles)
    left = total
    for i, whole in enumerate(corpus.articles):
        alone = compared_part(whole, per_article)
        each.append(alone)
        if i > compared or left < min(len(whole.article.text), MIN_PART_CHARS):
            # What is left of the total would read a scrap of this article, or none.
            compared = min(compared, i)
            part = compared_part(whole, 0)
        else:
            part = alone if left >= per_article else compared_part(whole, left)
            left -= len(part.article.text)
        read = part if i < compared else alone
        if read is not whole:
            cut[i] = (len(read.article.text), len(whole.article.text))
        parts.append(part)
    each_corpus = replace(corpus, articles=tuple(each)) if cut else corpus
    if cut or compared < len(corpus.articles):
        corpus = replace(corpus, articles=tuple(parts))
    return Bounded(corpus, each_corpus, compared, cut, per_article, total)


def _articles(n: int) -> str:
    return "1 article" if n == 1 else f"{n:,} articles"


def compared_part(analyzed: AnalyzedArticle, limit: int = MAX_COMPARED_CHARS) -> AnalyzedArticle:
    """``analyzed`` cut to its first ``limit`` characters, at a sentence end where one
    falls within them; the same value when it is not longer.

    Offsets stay those of the whole article: only what ends after the cut is left out.
    """
    article = analyzed.article
    if len(article.text) <= limit:
        return analyzed
    cut = max((s.end for s in analyzed.sentences if s.end <= limit), default=0) or limit
    headline_kept = article.headline is None or article.headline[1] <= cut
    kept = replace(
        article,
        text=article.text[:cut],
        furniture=tuple(f for f in article.furniture if f.end <= cut),
        headline=article.headline if headline_kept else None,
    )
    return replace(
        analyzed,
        article=kept,
        sentences=tuple(s for s in analyzed.sentences if s.end <= cut),
        assessments=tuple(a for a in analyzed.assessments if a.end <= cut),
        highlights=tuple(h for h in analyzed.highlights if h.end <= cut),
        words=count_words(kept.content),
        headline=analyzed.headline if headline_kept else None,
    )
