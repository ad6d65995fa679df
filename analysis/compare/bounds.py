"""How much of the articles the comparison reads.

Alignment, labels, quotes and frames take time that grows with the length of
the text, and the loaders accept articles of up to ten million characters,
twenty thousand of them. A news article, even a long feature, is a few tens
of thousands of characters; a longer "article" is a book, a transcript or a
pasted archive. So the comparison reads each article up to
:data:`MAX_COMPARED_CHARS` (to the end of the last sentence within it), and
the articles in order up to :data:`MAX_TOTAL_CHARS` in all; the articles
after that are left out of the comparison, in a story of their own. Every
cut is said in a story's warnings. The articles themselves, their scores and
their highlights stay whole.
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
    """A corpus cut to what the comparison reads, with a note for each cut."""

    #: The same articles in the same order; the ones after ``compared`` are empty.
    corpus: Corpus
    #: How many articles (from the first) are compared.
    compared: int
    #: By article index: why that article is compared only in part.
    notes: dict[int, str]
    #: Characters of all articles read at most.
    total: int = MAX_TOTAL_CHARS

    def stories(self, found: Sequence[Story]) -> tuple[Story, ...]:
        """``found`` (the stories of the compared articles) with the notes of their
        articles as warnings, and the articles left out as a story of their own."""
        notes = self.notes
        stories = [
            replace(s, warnings=s.warnings + tuple(notes[i] for i in s.articles if i in notes))
            for s in found
        ]
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
                        f"after) not compared: the comparison reads up to "
                        f"{self.total:,} characters at once, which the "
                        f"{_articles(self.compared)} before fill. Compare fewer "
                        f"articles at once to include them.",
                    ),
                )
            )
        return tuple(stories)


def bounded(corpus: Corpus, per_article: int | None = None, total: int | None = None) -> Bounded:
    """``corpus`` cut to what the comparison reads (see the module docstring):
    ``per_article`` and ``total`` default to :data:`MAX_COMPARED_CHARS` and
    :data:`MAX_TOTAL_CHARS`."""
    per_article = MAX_COMPARED_CHARS if per_article is None else per_article
    total = MAX_TOTAL_CHARS if total is None else total
    parts: list[AnalyzedArticle] = []
    notes: dict[int, str] = {}
    compared = len(corpus.articles)
    left = total
    for i, whole in enumerate(corpus.articles):
        if i > compared or left < min(len(whole.article.text), MIN_PART_CHARS):
            # What is left of the total would read a scrap of this article, or none.
            compared = min(compared, i)
            parts.append(compared_part(whole, 0))
            continue
        part = compared_part(whole, min(per_article, left))
        if part is not whole:
            notes[i] = (
                f"Only the first {len(part.article.text):,} of the "
                f"{len(whole.article.text):,} characters of {file_label(whole.article.path)} "
                f"were compared (the comparison reads up to {per_article:,} characters of "
                f"an article and {total:,} in all); its scores and highlights cover all of it."
            )
        left -= len(part.article.text)
        parts.append(part)
    if not notes and compared == len(corpus.articles):
        return Bounded(corpus, compared, notes, total)
    return Bounded(replace(corpus, articles=tuple(parts)), compared, notes, total)


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
