"""A small hand-made corpus for the report tests (our own fictional writing).

Its texts deliberately hold markup and entities (``<script>``, a remote
``<img>``, ``&amp;``) that every report format must show as plain text.
"""

from __future__ import annotations

import re

from analysis.model import AnalyzedArticle, Article, Corpus, Highlight, LoadFailure, SentenceScore

HOSTILE_TITLE = "Council <script>alert('x')</script> vote & the bridge"
HOSTILE_IMG = '<img src="http://tracker.example/pixel.png">'

#: (outlet, title, author, text) — fictional articles about one invented story.
ARTICLES = (
    (
        "Harbour Gazette",
        HOSTILE_TITLE,
        "Mira Olsen",
        "The city council approved the new bridge on Tuesday. "
        "Critics slammed the outrageous cost of the so-called harbour link. "
        "The mayor claimed the project would create 400 jobs. "
        f"A reader wrote {HOSTILE_IMG} in the comments &amp; left. "
        "Construction starts in spring.",
    ),
    (
        "Valley Courier",
        "Bridge plan passes after long debate",
        "Tom Reyes",
        "The city council approved the new bridge on Tuesday after a long debate. "
        "The mayor said the project would create 400 jobs. "
        "Opponents allegedly plan a devastating legal challenge. "
        "Work is expected to begin in spring.",
    ),
    (
        "Northern Ledger",
        "Council backs harbour bridge",
        "",
        "Councillors approved the new bridge on Tuesday. "
        "The mayor insisted the regime of delays was over. "
        "Residents described the plan as a wonderful, beautiful idea. "
        "Construction starts in spring.",
    ),
    (
        "Valley Courier",
        "What the bridge means for commuters",
        "Ana Pike",
        "Commuters will save ten minutes a day, the transport office said. "
        "Some residents admitted they were sceptical. "
        "The staggering price tag worries taxpayers. "
        '=HYPERLINK("x") was painted on a sign.',
    ),
)

#: term → (category, reason); "subjective" terms become TextBlob-style highlights.
TERMS = {
    "slammed": ("attribution", "A loaded verb for criticising"),
    "outrageous": ("emotive", "Tells the reader how to feel"),
    "so-called": ("hedge", "Distances the outlet from the name"),
    "claimed": ("attribution", "Casts doubt on the speaker"),
    "allegedly": ("hedge", "Casts doubt on the claim"),
    "devastating": ("emotive", "Inflates the effect"),
    "insisted": ("attribution", "Implies resistance"),
    "regime": ("label", "A loaded label"),
    "admitted": ("presupposition", "Presents the statement as a concession"),
    "staggering": ("emotive", "Inflates a number"),
    "wonderful": ("subjective", "TextBlob: subjectivity 1.00"),
    "beautiful": ("subjective", "TextBlob: subjectivity 1.00"),
    "long": ("subjective", "TextBlob: subjectivity 0.40"),
}


def _analyse(outlet: str, title: str, author: str, text: str, n: int) -> AnalyzedArticle:
    article = Article(
        text=text,
        path=f"/tmp/article{n}.txt",
        outlet=outlet,
        outlet_source="user",
        title=title,
        author=author,
        date=f"2026-05-0{n + 1}",
        url=f"https://example.org/{n}" if n % 2 else "",
    )
    highlights = []
    for term, (category, reason) in TERMS.items():
        for m in re.finditer(re.escape(term), text):
            kind = "subjective" if category == "subjective" else "loaded"
            highlights.append(
                Highlight(m.start(), m.end(), m.group(), kind, category, 0.7, reason, term=term)
            )
    sentences = []
    for m in re.finditer(r"\S.*?\.(?=\s|$)", text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        inside = [h for h in highlights if start <= h.start < m.end()]
        bias = min(1.0, 0.1 + 0.3 * len(inside))
        sentences.append(SentenceScore(start, m.end(), 0.2 + 0.2 * len(inside), 0.0, bias))
    words = len(text.split())
    return AnalyzedArticle(article, tuple(sentences), (), tuple(highlights), words)


def make_corpus() -> Corpus:
    """Four articles from three outlets, one failure, with highlights placed by offset."""
    return Corpus(
        articles=tuple(_analyse(*a, n) for n, a in enumerate(ARTICLES)),
        errors=(LoadFailure("/tmp/broken.pdf", "The PDF holds only images (a scan)."),),
        lexicons=("FrameLens built-in",),
    )
