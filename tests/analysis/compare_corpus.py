"""Corpora for the compare tests: our own fictional sentences, and the real seeds by path.

``make_corpus`` segments with the engine's splitter and leaves the scores at
zero: the compare step reads only text, sentence spans, outlets and word
counts. ``seed_corpus`` runs the real pipeline on ../shared/seeds.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.model import AnalyzedArticle, Article, Corpus, SentenceScore
from analysis.segment import sentence_spans

#: The outlet of each seed file, from ../shared/seeds/README.md.
SEED_OUTLETS = {"000": "Bloomberg", "001": "CNN", "002": "CBC News", "003": "BBC News"}

#: Three fictional reports of one invented event, in three invented outlets.
STORY = (
    (
        "Harbour Gazette",
        "gazette.txt",
        "Mayor Elena Voss, a former shipyard engineer, opened the Varden bridge on Tuesday.\n\n"
        "The bridge cost 40 million crowns and took six years to build.\n\n"
        '"This bridge joins two halves of one city," Voss said.\n\n'
        "Protesters gathered near the harbour to denounce the invasion of the old fish market.\n\n"
        "Fishermen fear the economy of the harbour will suffer.",
    ),
    (
        "Valley Courier",
        "courier.txt",
        "Elena Voss, who critics call reckless, opened the Varden bridge on Tuesday.\n\n"
        "The bridge cost 40 million crowns, twice the first estimate, and took six years"
        " to build.\n\n"
        "Voss told reporters that the bridge “joins two halves of one city”.\n\n"
        "According to the harbour police, the crowd stayed calm.\n\n"
        "Rioters gathered near the harbour during the conflict over the fish market.",
    ),
    (
        "Northern Ledger",
        "ledger.txt",
        "The Varden bridge opened on Tuesday after six years of work.\n\n"
        "Engineers tested the steel cables for three weeks before the opening.\n\n"
        "“It was a long road,” said project chief Arno Pell.\n\n"
        "Tourists crowded the new cafes along the quay.",
    ),
)


#: Three invented reports of one invented fact, a charter's release: they share the
#: figure ("14-point" = "fourteen-point") and few other words.
CHARTER = (
    (
        "Harbour Gazette",
        "gazette.txt",
        "Officials in Varden released a 14-point charter urging an end to the dock strike.\n\n"
        "The orchestra played three symphonies to a full hall.",
    ),
    (
        "Valley Courier",
        "courier.txt",
        "Norland's envoy stood behind the fourteen-point charter, which names no culprit.\n\n"
        "Farmers expect a poor wheat harvest after the dry spring.",
    ),
    (
        "Northern Ledger",
        "ledger.txt",
        "A 14-point charter was published by the harbour council on Monday evening.\n\n"
        "Tourists crowded the new cafes along the quay.",
    ),
)


def analyzed(text: str, *, path: str, outlet: str) -> AnalyzedArticle:
    """An AnalyzedArticle with real sentence spans and neutral scores."""
    sentences = tuple(
        SentenceScore(start, end, 0.0, 0.0, 0.0) for start, end in sentence_spans(text)
    )
    words = len(re.findall(r"\w+(?:[-'’]\w+)*", text))
    article = Article(text=text, path=path, outlet=outlet, outlet_source="user")
    return AnalyzedArticle(article, sentences, (), (), words)


def make_corpus(*articles: tuple[str, str, str]) -> Corpus:
    """A corpus from ``(outlet, path, text)`` triples."""
    return Corpus(
        tuple(analyzed(text, path=path, outlet=outlet) for outlet, path, text in articles)
    )


def story_corpus() -> Corpus:
    return make_corpus(*STORY)


def seed_corpus(seeds_dir: Path) -> Corpus:
    """The four seed articles through the real pipeline, outlets from the seeds README."""
    from dataclasses import replace

    from analysis.pipeline import analyze

    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    corpus = analyze(paths, workers=1)
    fixed = tuple(
        replace(a, article=replace(a.article, outlet=SEED_OUTLETS[Path(a.article.path).name[:3]]))
        for a in corpus.articles
    )
    return replace(corpus, articles=fixed)
