"""Stories: group the articles of a corpus by the event they report, before facts are aligned.

Users drop whatever they saved; a folder may hold many events. Facts are only
aligned within a story (see :func:`analysis.compare.compare`), so a sentence
about one event is never grouped with a sentence about another.

Method
------
1. Each article (title and text) becomes a bag of content-word stems
   (:func:`.tokens.content_stems` without numbers and words shorter than
   three letters), weighted ``1 + log(tf)``.
2. Each stem is weighted by an inverse document frequency with a prior: a
   general English word-frequency table (TextBlob's ``en-spelling.txt``,
   Project Gutenberg and the BNC) counts as ``PRIOR_DOCUMENTS`` extra
   documents of ``PRIOR_DOC_WORDS`` words each, so a word's background
   document frequency is ``PRIOR_DOCUMENTS · (1 − exp(−PRIOR_DOC_WORDS · p))``
   for its corpus probability ``p``. In a folder of four articles on one
   event, the corpus alone cannot tell "said" from "Lukashenko"; the prior
   can. In a folder of hundreds, the corpus's own counts dominate.
3. Articles are clustered by average-link agglomeration on the cosine
   similarity of their vectors: the two closest clusters merge while their
   mean pairwise similarity is at least ``threshold``.
4. An article with fewer than ``MIN_STORY_WORDS`` content words is too short
   to be told apart (a pasted paragraph shares few words with anything): it
   joins the story it is most similar to on average. With fewer than two
   longer articles, everything is one story.

Articles of one story far apart in time (their ``date`` metadata) get a
warning: a follow-up months later may be a different event with the same
actors. Stories are numbered in corpus order ("story-1" holds the first
article); the order of the input does not change which articles go together.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from analysis.compare.results import Story
from analysis.compare.tokens import STOPWORDS, WORD_RE, normal, stem
from analysis.model import AnalyzedArticle

log = logging.getLogger(__name__)

#: Mean cosine similarity two clusters of articles need to merge into one story.
#: Chosen on the BASIL development stories of 2010-2014 (benchmarks/story_grouping.py).
STORY_THRESHOLD = 0.25
#: How many documents the background word-frequency table counts as.
PRIOR_DOCUMENTS = 100.0
#: The length, in words, of one background document.
PRIOR_DOC_WORDS = 500.0
#: Content words an article needs to be told apart from other stories; a shorter one
#: (a pasted paragraph) joins the story it is most similar to. (BASIL's shortest: 99.)
MIN_STORY_WORDS = 60
#: Shared words turned into matrix columns at a time when computing similarities.
SIMILARITY_BLOCK = 2048
#: Articles of one story further apart than this many days get a warning.
MAX_SPAN_DAYS = 60


@cache
def background_frequencies() -> Mapping[str, float]:
    """Stem → probability in general English (TextBlob's spelling table); empty when absent."""
    # Found without importing textblob (which takes seconds where nltk is not loaded yet).
    spec = importlib.util.find_spec("textblob")
    origin = spec.origin if spec is not None else None
    counts: dict[str, int] = {}
    try:
        if origin is None:
            raise OSError("the textblob package is not installed")
        path = Path(origin).parent / "en" / "en-spelling.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:  # a broken install: stories still form, from the corpus alone
        log.warning("no background word frequencies (%s); stories use the corpus alone", error)
        return {}
    for line in lines:
        if line.startswith(";"):
            continue
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            key = stem(normal(parts[0]))
            counts[key] = counts.get(key, 0) + int(parts[1])
    total = sum(counts.values()) or 1
    return {word: k / total for word, k in counts.items()}


@lru_cache(maxsize=65536)
def _key(word: str) -> str | None:
    n = normal(word)
    if len(n) < 3 or n in STOPWORDS or not n.isalpha():
        return None
    return stem(n)


def content_words(text: str) -> int:
    """How many words of ``text`` count for story grouping (no stopwords, numbers, short words)."""
    return sum(1 for word in WORD_RE.findall(text) if _key(word) is not None)


def _bag(text: str) -> dict[str, float]:
    counts: dict[str, int] = {}
    for word, k in Counter(WORD_RE.findall(text)).items():
        key = _key(word)
        if key is not None:
            counts[key] = counts.get(key, 0) + k
    return {w: 1.0 + math.log(k) for w, k in counts.items()}


def similarity_matrix(
    texts: Sequence[str], background: Mapping[str, float] | None = None
) -> np.ndarray:
    """Cosine similarities (n × n) of the texts' weighted word vectors (module docstring)."""
    bg = background_frequencies() if background is None else background
    bags = [_bag(t) for t in texts]
    n = len(bags)
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for w in bag:
            postings.setdefault(w, []).append(i)
    prior_n = PRIOR_DOCUMENTS if bg else 0.0
    idf = {
        w: 1.0
        + math.log(
            (n + prior_n)
            / (len(docs) + prior_n * -math.expm1(-PRIOR_DOC_WORDS * bg.get(w, 0.0)) + 1.0)
        )
        for w, docs in postings.items()
    }
    norms = np.array([math.sqrt(sum((v * idf[w]) ** 2 for w, v in bag.items())) for bag in bags])
    # A word of one article adds nothing to any pair: only shared words become columns,
    # a block of them at a time so that a thousand articles need some 16 MB.
    shared = [w for w, docs in postings.items() if len(docs) > 1]
    sim = np.zeros((n, n))
    for first in range(0, len(shared), SIMILARITY_BLOCK):
        block = shared[first : first + SIMILARITY_BLOCK]
        rows, columns, values = [], [], []
        for column, w in enumerate(block):
            for i in postings[w]:
                rows.append(i)
                columns.append(column)
                values.append(bags[i][w] * idf[w])
        matrix = np.zeros((n, len(block)))
        matrix[rows, columns] = values
        sim += matrix @ matrix.T
    norms[norms == 0] = 1.0
    sim /= np.outer(norms, norms)
    np.fill_diagonal(sim, 1.0)
    return sim


def average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters of ``range(len(sim))`` by average link, merging down to ``threshold``.

    The two closest clusters merge while their mean pairwise similarity is at
    least ``threshold``. Ties go to the lowest indices, so the result depends
    on the similarities only.
    """
    n = len(sim)
    work = sim.astype(float, copy=True)
    np.fill_diagonal(work, -np.inf)
    size = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(members) > 1:
        flat = int(np.argmax(work))
        i, j = divmod(flat, n)
        if work[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        merged = (work[i] * size[i] + work[j] * size[j]) / (size[i] + size[j])
        work[i, :] = merged
        work[:, i] = merged
        work[j, :] = -np.inf
        work[:, j] = -np.inf
        work[i, i] = -np.inf
        size[i] += size[j]
        members[i].extend(members.pop(j))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> date | None:
    """The calendar date of an ISO-like metadata date ("2024-05-02", "2024-05-02T10:00Z")."""
    m = _DATE_RE.search(text)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title(article: AnalyzedArticle) -> str:
    return article.article.display_title


def _story(
    number: int, indices: list[int], articles: Sequence[AnalyzedArticle], sim: np.ndarray
) -> Story:
    central = max(indices, key=lambda i: (sum(float(sim[i, k]) for k in indices if k != i), -i))
    dated = sorted(
        (d, i) for i in indices if (d := parse_date(articles[i].article.date)) is not None
    )
    span = (dated[-1][0] - dated[0][0]).days if len(dated) >= 2 else None
    warnings: tuple[str, ...] = ()
    if span is not None and span > MAX_SPAN_DAYS:
        warnings = (
            f"Its articles are {span} days apart ({dated[0][0].isoformat()} to "
            f"{dated[-1][0].isoformat()}): they may report different events; "
            f"read the aligned facts with care.",
        )
    return Story(f"story-{number}", _title(articles[central]), tuple(indices), span, warnings)


def find_stories(
    articles: Sequence[AnalyzedArticle],
    *,
    threshold: float = STORY_THRESHOLD,
    background: Mapping[str, float] | None = None,
) -> tuple[Story, ...]:
    """Group ``articles`` into stories (see the module docstring); every article is in one.

    ``threshold`` is the mean cosine similarity at which groups merge (higher:
    more, smaller stories; 0: one story for everything). ``background`` replaces
    the general English word probabilities (stem → probability; ``{}`` for none).
    """
    if not articles:
        return ()
    texts = [f"{a.article.title}\n{a.article.text}" for a in articles]
    sim = similarity_matrix(texts, background)
    long = [i for i, t in enumerate(texts) if content_words(t) >= MIN_STORY_WORDS]
    if threshold <= 0 or len(long) < 2:
        clusters = [list(range(len(articles)))]
    else:
        clusters = [[long[k] for k in c] for c in average_link(sim[np.ix_(long, long)], threshold)]
        for i in sorted(set(range(len(articles))) - set(long)):
            best = max(clusters, key=lambda c: (float(np.mean(sim[i, c])), -c[0]))
            best.append(i)
        clusters = sorted((sorted(c) for c in clusters), key=lambda c: c[0])
    return tuple(_story(n, c, articles, sim) for n, c in enumerate(clusters, start=1))
