"""Immutable values that flow through the pipeline: load → segment → score → compare.

Every offset is a character offset into ``Article.text`` (Python ``str``
indices), so ``article.text[h.start:h.end] == h.text`` for every highlight.
Values are frozen dataclasses (change one with :func:`dataclasses.replace`,
which returns a new object), except the three an article has thousands of:
:class:`Assessment`, :class:`Highlight` and :class:`SentenceScore` are
NamedTuples (change one with ``_replace``), which cost a fraction of a
dataclass to create, copy between processes and keep in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

#: How an article's outlet was found, in the order the rules are tried.
OutletSource = Literal[
    "front matter",  # outlet: line in a .txt/.md header
    "html metadata",  # og:site_name, JSON-LD publisher, application-name
    "domain",  # the article's URL or canonical link, looked up in resources/outlets.tsv
    "text signature",  # a dateline, byline or boilerplate such as "(Reuters) -"
    "user",  # the user named or moved it
    "unknown",  # nothing matched: the outlet is "Unknown"
]

HighlightKind = Literal["subjective", "loaded"]


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article: its clean text and what is known about it."""

    text: str
    #: The input as the user gave it (a path, or ``"<pasted>"`` for pasted text).
    path: str
    outlet: str = "Unknown"
    outlet_source: OutletSource = "unknown"
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    #: ``"en"`` when the text reads as English; otherwise the lexicons do not apply
    #: and a warning says so.
    language: str = "en"
    #: Plain-words notes for the user, e.g. "The text does not look like English".
    warnings: tuple[str, ...] = ()


class Assessment(NamedTuple):
    """One of TextBlob's word-level assessments, placed in the article text.

    ``words`` are TextBlob's lower-cased tokens (an intensifier such as "very"
    and a negation such as "not" are part of the same assessment as the word
    they modify); ``start``/``end`` cover them in the article text.
    """

    start: int
    end: int
    words: tuple[str, ...]
    subjectivity: float
    polarity: float
    #: The intensifier applied, if any ("very", "extremely", ...).
    intensifier: str = ""
    #: True when a negation ("not", "never", ...) flipped the polarity.
    negated: bool = False


class Highlight(NamedTuple):
    """A marked span: a subjective word (TextBlob) or a loaded term (lexicon)."""

    start: int
    end: int
    text: str
    kind: HighlightKind
    #: "subjective" for TextBlob words; a lexicon category id for loaded terms
    #: (see resources/lexicons/categories.tsv), e.g. "label", "attribution".
    category: str
    #: In [0, 1]: how strongly this span signals subjective or loaded language.
    weight: float
    #: One line shown to the user explaining why the span is marked.
    reason: str
    #: TextBlob's scores for the span's words, when TextBlob knows them.
    subjectivity: float | None = None
    polarity: float | None = None
    #: The lexicon entry that matched (e.g. "slam*"), empty for TextBlob words.
    term: str = ""


class SentenceScore(NamedTuple):
    """A sentence with its scores. ``text[start:end]`` is the sentence."""

    start: int
    end: int
    #: Equal to ``TextBlob(sentence_text).sentiment`` for that sentence.
    subjectivity: float
    polarity: float
    #: Per-sentence bias estimate in [0, 1] (formula in analysis/bias.py).
    bias: float
    #: True when the sentence lies inside a quotation (the outlet reports
    #: someone else's words).
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with its sentences, TextBlob assessments and highlights."""

    article: Article
    sentences: tuple[SentenceScore, ...]
    assessments: tuple[Assessment, ...]
    highlights: tuple[Highlight, ...]
    words: int

    @property
    def outlet(self) -> str:
        return self.article.outlet

    @property
    def subjectivity(self) -> float:
        """Mean sentence subjectivity (0 for an article with no sentences)."""
        if not self.sentences:
            return 0.0
        return sum(s.subjectivity for s in self.sentences) / len(self.sentences)

    @property
    def polarity(self) -> float:
        """Mean sentence polarity (0 for an article with no sentences)."""
        if not self.sentences:
            return 0.0
        return sum(s.polarity for s in self.sentences) / len(self.sentences)

    @property
    def loaded_count(self) -> int:
        return sum(1 for h in self.highlights if h.kind == "loaded")

    @property
    def loaded_per_1000(self) -> float:
        """Loaded-term highlights per 1,000 words."""
        return 1000.0 * self.loaded_count / self.words if self.words else 0.0


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """An input that could not be loaded, with the reason in plain words."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """The result of analysing a batch of inputs: what loaded and what did not."""

    articles: tuple[AnalyzedArticle, ...] = ()
    errors: tuple[LoadFailure, ...] = ()
    #: Names of the lexicons used, in order (the built-in one first).
    lexicons: tuple[str, ...] = field(default=())
    #: Files in the folders given that FrameLens does not read (``notes.xyz``),
    #: each with the reason; not errors.
    skipped: tuple[LoadFailure, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlet names in order of first appearance."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles))
