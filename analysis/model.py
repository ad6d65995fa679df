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
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.safeio import file_label

if TYPE_CHECKING:
    from analysis.corrections import Correction

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
#: Whose words a highlight is in: the outlet's own, or a source's inside a quotation.
Voice = Literal["outlet", "quoted"]

#: What a piece of page furniture is (see analysis/cleanup.py and resources/furniture.tsv).
FurnitureKind = Literal[
    "byline",  # who wrote it: "By Jane Doe", "- BBC reporter"
    "dateline",  # "WASHINGTON —", "(Reuters) -" before the first sentence
    "credit",  # photo and contributor credits
    "alt text",  # an image's description, saved above its caption
    "media",  # video and audio blocks: "WATCH |", "Duration 2:18", the player's blurb
    "timestamp",  # "3 months ago", "Updated 10:02 AM"
    "promo",  # share buttons, newsletter and app promotions, "Related:" links
    "slogan",  # a site's description of itself
    "note",  # correction notes, copyright lines
]


#: An article without a title is called by this many of its opening words.
LEAD_TITLE_WORDS = 10


def _opens_quote(words: list[str]) -> bool:
    """True when ``words`` open a curly quotation they do not close."""
    return sum(w.count("\u201c") - w.count("\u201d") for w in words) > 0


class Furniture(NamedTuple):
    """A span of page furniture: shown greyed, never scored, compared or counted."""

    start: int
    end: int
    kind: FurnitureKind
    #: One line shown to the user: why this is furniture, not article text.
    reason: str


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
    #: Page furniture in ``text`` (bylines, photo credits, video blocks...), in
    #: order and not overlapping: kept visible, left out of every score and comparison.
    furniture: tuple[Furniture, ...] = ()
    #: ``(start, end)`` of the headline line in ``text``, when the text carries one.
    headline: tuple[int, int] | None = None

    @property
    def display_title(self) -> str:
        """What to call the article on screen and in print.

        Its title; without one (a paste that starts with the body), its
        opening words up to :data:`LEAD_TITLE_WORDS`, furniture skipped,
        with "…" where they are cut ("Brazil and China are calling for an
        international conference …"): they say more than a file name such as
        ``000_7ba55f64.txt``, which is the last resort (:func:`file_label`).
        """
        if self.title:
            return self.title
        line = self.content.lstrip().split("\n", 1)[0]
        words = line.split()
        if len(words) > LEAD_TITLE_WORDS:
            words = words[:LEAD_TITLE_WORDS]
            # Cut before a quotation the cut would leave open: "say they are …".
            while len(words) > 1 and _opens_quote(words):
                words.pop()
            # A no-break space: the "…" never wraps onto a line of its own.
            return " ".join(words).rstrip(",;:\u2014\u2013-") + "\u00a0\u2026"
        if words:
            return " ".join(words)
        return file_label(self.path) or "Untitled"

    @property
    def content(self) -> str:
        """``text`` with the furniture blanked out (same length and offsets; newlines kept).

        Whole-text scans (quotations, names, concept counts) read this, so
        furniture never counts, whichever step looks at it.
        """
        if not self.furniture:
            return self.text
        parts: list[str] = []
        cursor = 0
        for f in self.furniture:
            parts.append(self.text[cursor : f.start])
            hole = self.text[f.start : f.end]
            parts.append("".join("\n" if ch == "\n" else " " for ch in hole))
            cursor = f.end
        parts.append(self.text[cursor:])
        return "".join(parts)


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
    #: "quoted" when the span lies inside a direct quotation (a source's words),
    #: else "outlet" (the outlet's own voice).
    voice: Voice = "outlet"
    #: True for a loaded term every outlet of the story uses (the common name
    #: of the event, analysis/corrections.py): shared vocabulary, not one
    #: outlet's framing, so it counts in no outlet's rate.
    shared: bool = False

    @property
    def counts(self) -> bool:
        """True for a loaded term in the outlet's own voice that is not shared
        vocabulary: what the outlet's loaded-term rates count."""
        return self.kind == "loaded" and self.voice == "outlet" and not self.shared


class SentenceScore(NamedTuple):
    """A sentence with its scores. ``text[start:end]`` is the sentence."""

    start: int
    end: int
    #: Equal to ``TextBlob(sentence_text).sentiment`` for that sentence.
    subjectivity: float
    polarity: float
    #: Per-sentence bias estimate in [0, 1] (formula in analysis/bias/).
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
    #: The headline (``article.headline``) scored like a sentence; it is not one of
    #: ``sentences``, so it is compared in its own row, never grouped or listed as unique.
    headline: SentenceScore | None = None

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
        """Loaded terms in the outlet's own voice, shared vocabulary aside
        (:attr:`Highlight.counts`)."""
        return sum(1 for h in self.highlights if h.counts)

    @property
    def quoted_loaded_count(self) -> int:
        """Loaded terms inside quotations (the sources' words), shared vocabulary aside."""
        return sum(
            1
            for h in self.highlights
            if h.kind == "loaded" and h.voice == "quoted" and not h.shared
        )

    @property
    def quoted_words(self) -> int:
        """Words inside direct quotations (:func:`analysis.lexicon.quote_regions`)."""
        from analysis.score import quoted_word_count

        return quoted_word_count(self.article.text)

    @property
    def own_words(self) -> int:
        """Words in the outlet's own voice: all words but the quoted ones."""
        return max(0, self.words - self.quoted_words)

    @property
    def loaded_per_1000(self) -> float:
        """Loaded terms in the outlet's own voice per 1,000 of its own words."""
        own = self.own_words
        return 1000.0 * self.loaded_count / own if own else 0.0

    @property
    def quoted_loaded_per_1000(self) -> float:
        """Loaded terms inside quotations per 1,000 quoted words."""
        quoted = self.quoted_words
        return 1000.0 * self.quoted_loaded_count / quoted if quoted else 0.0


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
    #: The reader's corrections applied to the highlights (analysis/corrections.py).
    corrections: tuple[Correction, ...] = ()
    #: How many highlights the corrections removed and added.
    removed_by_reader: int = 0
    added_by_reader: int = 0
    #: Files in the folders given that FrameLens does not read (``notes.xyz``),
    #: each with the reason; not errors.
    skipped: tuple[LoadFailure, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlet names in order of first appearance."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles))
