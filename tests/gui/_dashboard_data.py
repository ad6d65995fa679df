"""Small hand-made results for the dashboard, chart and aligned-view tests.

The story and the outlets are fictional (written for these tests). Values are
built by hand, not by the pipeline, so the widget tests do not depend on the
analysis steps' numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

from analysis.compare.results import (
    AlignedGroup,
    Comparison,
    ConceptCount,
    Descriptor,
    DiffSpan,
    DistinctiveTerm,
    Frames,
    Labels,
    Member,
    OutletFrame,
    OutletQuoting,
    Quotes,
    SentenceRef,
    SpeakerCount,
    UniqueStatement,
    VerbCount,
)
from analysis.model import AnalyzedArticle, Article, Corpus, Highlight, SentenceScore

TEXTS = {
    "Harbour Herald": (
        "The council approved the new ferry fares on Tuesday. "
        "Mayor Lindqvist said the increase was needed to keep the service running. "
        "Commuters will pay two crowns more per trip."
    ),
    "Daily Ledger": (
        "The council slammed commuters with a steep ferry fare hike on Tuesday. "
        "Mayor Lindqvist claimed the increase was needed to keep the service afloat. "
        "Critics called the vote a betrayal of working families."
    ),
    "Coastline Today": (
        "On Tuesday the council approved higher ferry fares. "
        "Residents gathered outside the town hall before the vote."
    ),
}
SUBJECTIVITY = {
    "Harbour Herald": (0.1, 0.2, 0.0),
    "Daily Ledger": (0.6, 0.5, 0.8),
    "Coastline Today": (0.2, 0.3),
}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def _spans(text: str) -> list[tuple[int, int]]:
    # Strip the leading space the simple splitter leaves in front of a sentence.
    result = []
    for start, end in _sentences(text):
        while text[start] == " ":
            start += 1
        result.append((start, end))
    return result


def make_corpus() -> Corpus:
    """Three fictional outlets, one article each."""
    articles = []
    for outlet, text in TEXTS.items():
        spans = _spans(text)
        sentences = tuple(
            SentenceScore(start, end, SUBJECTIVITY[outlet][i], 0.1 * i - 0.1, 0.2 + 0.2 * i)
            for i, (start, end) in enumerate(spans)
        )
        articles.append(
            AnalyzedArticle(
                article=Article(
                    text=text, path=f"{outlet}.txt", outlet=outlet, outlet_source="user"
                ),
                sentences=sentences,
                assessments=(),
                highlights=(),
                words=len(text.split()),
            )
        )
    return Corpus(articles=tuple(articles))


def _member(corpus: Corpus, article: int, sentence: int) -> Member:
    analyzed = corpus.articles[article]
    s = analyzed.sentences[sentence]
    return Member(article, sentence, s.start, s.end, analyzed.article.text[s.start : s.end])


def _diff(member: Member, marks: dict[str, str]) -> tuple[DiffSpan, ...]:
    """Word runs of ``member``: words in ``marks`` get that op, the rest "same"."""
    spans = []
    for match in re.finditer(r"\S+", member.text):
        word = match.group().strip(".")
        op = marks.get(word, "same")
        start = member.start + match.start()
        spans.append(DiffSpan(start, start + len(match.group()), match.group(), op))  # type: ignore[arg-type]
    return tuple(spans)


def make_comparison(corpus: Corpus | None = None, threshold: float = 0.45) -> Comparison:
    """Two aligned facts, three unique statements and a little of everything else."""
    corpus = corpus or make_corpus()
    outlets = corpus.outlets
    g1 = (_member(corpus, 0, 0), _member(corpus, 1, 0), _member(corpus, 2, 0))
    group1 = AlignedGroup(
        members=g1,
        outlets=outlets,
        core=0,
        diff=(
            _diff(g1[0], {}),
            _diff(
                g1[1],
                {"slammed": "changed", "commuters": "added", "steep": "added", "hike": "changed"},
            ),
            _diff(g1[2], {"higher": "added"}),
        ),
        dropped=((), ("approved",), ("new",)),
        similarity=0.62,
    )
    g2 = (_member(corpus, 0, 1), _member(corpus, 1, 1))
    group2 = AlignedGroup(
        members=g2,
        outlets=outlets[:2],
        core=0,
        diff=(_diff(g2[0], {}), _diff(g2[1], {"claimed": "changed", "afloat": "changed"})),
        dropped=((), ()),
        similarity=0.81,
    )
    unique = (
        UniqueStatement(outlets[0], 0, 2, *_member(corpus, 0, 2)[2:]),
        UniqueStatement(outlets[1], 1, 2, *_member(corpus, 1, 2)[2:]),
        UniqueStatement(outlets[2], 2, 1, *_member(corpus, 2, 1)[2:]),
    )
    distinctive = (
        DistinctiveTerm(outlets[1], "slammed", 2.4, 1.1, 1, 0, 1, (SentenceRef(1, 0),)),
        DistinctiveTerm(outlets[1], "betrayal", 2.1, 1.0, 1, 0, 1, (SentenceRef(1, 2),)),
        DistinctiveTerm(outlets[0], "crowns", 1.9, 0.9, 1, 0, 1, (SentenceRef(0, 2),)),
        DistinctiveTerm(outlets[2], "residents", 1.7, 0.8, 1, 0, 1, (SentenceRef(2, 1),)),
    )
    labels = Labels(
        descriptors=(
            Descriptor(outlets[0], "Lindqvist", "Mayor", "title", 0, 1, 55, 60),
            Descriptor(outlets[1], "Lindqvist", "Mayor", "title", 1, 1, 72, 77),
        ),
        concepts=(
            ConceptCount(outlets[0], "price rise", "increase", 1),
            ConceptCount(outlets[1], "price rise", "hike", 1),
            ConceptCount(outlets[2], "price rise", "higher", 1),
        ),
    )
    quotes = Quotes(
        quotes=(),
        outlets=(
            OutletQuoting(outlets[0], 27, 0, 0.0, 0),
            OutletQuoting(outlets[1], 31, 4, 0.13, 1),
            OutletQuoting(outlets[2], 17, 0, 0.0, 0),
        ),
        speakers=(
            SpeakerCount(outlets[0], "Lindqvist", 1, 9),
            SpeakerCount(outlets[1], "Lindqvist", 1, 9),
            SpeakerCount(outlets[1], "", 1, 4),
        ),
        verbs=(VerbCount(outlets[0], "said", 1), VerbCount(outlets[1], "claimed", 1)),
    )
    frames = Frames(
        hits=(),
        outlets=(
            OutletFrame(outlets[0], "economic", 2, 2 / 3, 2, 74.1),
            OutletFrame(outlets[1], "economic", 1, 1 / 3, 1, 32.3),
            OutletFrame(outlets[1], "fairness", 1, 1 / 3, 1, 32.3),
            OutletFrame(outlets[2], "public_opinion", 1, 0.5, 1, 58.8),
        ),
    )
    return Comparison(
        threshold=threshold,
        articles=tuple(a.article.path for a in corpus.articles),
        article_outlets=tuple(a.outlet for a in corpus.articles),
        outlets=outlets,
        groups=(group1, group2),
        unique=unique,
        distinctive=distinctive,
        labels=labels,
        quotes=quotes,
        frames=frames,
    )


def make_outlet_table(corpus: Corpus | None = None) -> Any:
    """A frame with the columns of ``analysis.tables.outlet_table`` (values hand-made)."""
    import pandas as pd

    corpus = corpus or make_corpus()
    rows = []
    for i, outlet in enumerate(corpus.outlets):
        rows.append(
            {
                "outlet": outlet,
                "articles": 1,
                "words": [27, 31, 17][i],
                "sentences": [3, 3, 2][i],
                "subjectivity": [0.1, 0.633, 0.25][i],
                "polarity": [0.0, -0.2, 0.05][i],
                "subjective_share": [0.0, 0.667, 0.0][i],
                "loaded_per_1000": [0.0, 96.8, 0.0][i],
                "loaded_per_1000_label": [0.0, 32.3, 0.0][i],
                "loaded_per_1000_attribution": [0.0, 32.3, 0.0][i],
                "loaded_per_1000_emotive": [0.0, 32.2, 0.0][i],
                "bias": [0.12, 0.58, 0.2][i],
                "top_terms": ["", "slammed, claimed, betrayal", ""][i],
            }
        )
    return pd.DataFrame(rows).set_index("outlet")


def with_custom_terms(corpus: Corpus) -> Corpus:
    """The Daily Ledger uses a custom:zeta term before a custom:alpha one."""
    ledger = corpus.articles[1]
    text = ledger.article.text
    spans = [(text.index("slammed"), "custom:zeta"), (text.index("steep"), "custom:alpha")]
    highlights = tuple(
        Highlight(start, text.index(" ", start), text[start : text.index(" ", start)],
                  "loaded", category, 0.8, "a user lexicon's term")
        for start, category in spans
    )  # fmt: skip
    articles = list(corpus.articles)
    articles[1] = dataclasses.replace(ledger, highlights=highlights)
    return dataclasses.replace(corpus, articles=tuple(articles))


@functools.cache
def sample_results() -> tuple[Corpus, Comparison]:
    """The bundled sample articles (our own fictional writing), analysed and compared once."""
    from analysis.compare import compare
    from analysis.pipeline import analyze
    from analysis.resources import resources_dir

    paths = sorted((resources_dir() / "samples").glob("*.txt"))
    corpus = analyze(paths, workers=1)
    return corpus, compare(corpus)
