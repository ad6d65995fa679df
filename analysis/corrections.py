"""The story-level pass over highlights: shared vocabulary and the reader's corrections.

Each article is analysed alone (analysis/score.py); two things need the
whole story, or the reader, and :func:`apply_context` adds them to a
:class:`~analysis.model.Corpus`, returning a new one:

* **the reader's corrections** (:class:`Correction`): "not loaded here"
  removes one highlight, "never mark this term" removes every highlight of
  that term (in all articles), and "mark as loaded" adds a loaded term of
  the category the reader chose wherever its words occur.  They change
  highlights only: each sentence's bias estimate is computed again from
  its corrected highlights (the model of analysis/bias/), and TextBlob's
  sentence subjectivity and polarity are never touched;
* **shared vocabulary**: a loaded term that every outlet of a story of at
  least :data:`SHARED_MIN_OUTLETS` outlets uses is the common name of the
  event, not one outlet's framing.  Its highlights stay, marked ``shared``
  with a reason that says so, and count in no outlet's rate.

Corrections live in the session (analysis/session.py) and, for "never" and
"mark", in the reader's lexicon file (:func:`reader_lexicon_tsv`, a
FrameLens TSV lexicon: a "never" entry has weight 0, which no match takes).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from analysis.model import AnalyzedArticle, Corpus, Highlight

__all__ = [
    "READER_WEIGHT",
    "SHARED_MIN_OUTLETS",
    "Correction",
    "apply_context",
    "correction_from_json",
    "correction_to_json",
    "describe",
    "highlight_key",
    "reader_lexicon_tsv",
]

CorrectionKind = Literal["not_here", "never", "mark"]
_KINDS: tuple[str, ...] = ("not_here", "never", "mark")

#: A story needs this many outlets before a term they all use counts as shared.
SHARED_MIN_OUTLETS = 3
#: The weight of a term the reader marked as loaded (the reader is sure).
READER_WEIGHT = 0.9
SHARED_NOTE = (
    " (every outlet of this story uses it: shared vocabulary for the event, "
    "not one outlet's framing)"
)
READER_REASON = "marked as loaded ({category}) by the reader"

_WORD = re.compile(r"[^\W_]+")


def highlight_key(h: Highlight) -> str:
    """What "never mark this term" names: the lexicon term, else the words shown."""
    if h.term and not h.term.startswith("("):
        return h.term.lower()
    return " ".join(_WORD.findall(h.text.lower()))


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction by the reader.

    ``kind`` "not_here": the highlight of ``kind_of`` at ``start``-``end`` in
    the article at ``path`` is removed; "never": every highlight whose
    :func:`highlight_key` is ``term`` is removed; "mark": ``term`` (words)
    is a loaded term of ``category`` wherever it occurs.
    """

    kind: CorrectionKind
    term: str
    category: str = ""
    path: str = ""
    start: int = -1
    end: int = -1
    #: For "not_here": the kind of highlight removed ("loaded" or "subjective").
    kind_of: str = "loaded"

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"unknown correction kind {self.kind!r}")
        if not _WORD.search(self.term):
            raise ValueError("a correction needs a term with letters or digits")
        if self.kind == "mark" and not self.category:
            raise ValueError("a term marked as loaded needs a category")


def correction_to_json(c: Correction) -> dict[str, Any]:
    """A correction as a JSON object (sessions, exports)."""
    item: dict[str, Any] = {"kind": c.kind, "term": c.term}
    if c.kind == "mark":
        item["category"] = c.category
    if c.kind == "not_here":
        item.update(path=c.path, start=c.start, end=c.end, highlight=c.kind_of)
    return item


def correction_from_json(item: object) -> Correction:
    """The correction a JSON object describes; ValueError if it is damaged."""
    if not isinstance(item, dict):
        raise ValueError("a correction is not an object")
    kind, term = item.get("kind"), item.get("term")
    if kind not in _KINDS or not isinstance(term, str):
        raise ValueError("a correction has no kind or term")
    start, end = item.get("start", -1), item.get("end", -1)
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError("a correction's offsets are not whole numbers")
    return Correction(
        kind=kind,
        term=term,
        category=str(item.get("category", "")),
        path=str(item.get("path", "")),
        start=start,
        end=end,
        kind_of=str(item.get("highlight", "loaded")),
    )


def describe(corrections: Sequence[Correction], removed: int, added: int) -> str:
    """One line for the report: "3 highlights removed by the reader; ..." ("" if none)."""
    if not corrections:
        return ""
    parts = [
        f"{removed} highlight{'s' if removed != 1 else ''} removed by the reader",
        f"{added} added",
    ]
    never = sorted({c.term for c in corrections if c.kind == "never"})
    marked = sorted({f"{c.term} ({c.category})" for c in corrections if c.kind == "mark"})
    if never:
        parts.append("never marked: " + ", ".join(never))
    if marked:
        parts.append("marked as loaded: " + ", ".join(marked))
    return "; ".join(parts)


def _phrase_re(term: str) -> re.Pattern[str]:
    words = _WORD.findall(term)
    gap = r"[\s\-\u2010\u2011'\u2019]{1,3}"
    return re.compile(r"(?<![^\W_])" + gap.join(map(re.escape, words)) + r"(?![^\W_])", re.I)


def _marked(analysed: AnalyzedArticle, marks: Sequence[Correction]) -> list[Highlight]:
    from analysis.lexicon import inside_quote

    text = analysed.article.text
    found: list[Highlight] = []
    for c in marks:
        for m in _phrase_re(c.term).finditer(text):
            quoted = inside_quote(text, m.start(), m.end())
            found.append(
                Highlight(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(),
                    kind="loaded",
                    category=c.category,
                    weight=READER_WEIGHT,
                    reason=READER_REASON.format(category=c.category.removeprefix("custom:")),
                    term=c.term,
                    voice="quoted" if quoted else "outlet",
                )
            )
    return found


def _corrected(
    analysed: AnalyzedArticle, corrections: Sequence[Correction]
) -> tuple[list[Highlight], int, int]:
    """The article's highlights after the corrections, with how many were removed and added."""
    path = analysed.article.path
    never = {c.term.lower() for c in corrections if c.kind == "never"}
    here = {
        (c.start, c.end, c.kind_of)
        for c in corrections
        if c.kind == "not_here" and c.path == path
    }
    marks = [c for c in corrections if c.kind == "mark"]
    added = [
        h for h in _marked(analysed, marks) if (h.start, h.end, "loaded") not in here
    ]
    kept: list[Highlight] = []
    removed = 0
    for h in analysed.highlights:
        covered = h.kind == "loaded" and any(a.start < h.end and h.start < a.end for a in added)
        if (h.start, h.end, h.kind) in here or highlight_key(h) in never or covered:
            removed += not covered
            continue
        kept.append(h)
    kept.extend(added)
    kept.sort(key=lambda h: (h.start, -h.end, h.kind))
    return kept, removed, len(added)


def _shared_terms(articles: Sequence[AnalyzedArticle], marked: set[str]) -> set[str]:
    by_outlet: dict[str, set[str]] = {}
    for a in articles:
        terms = by_outlet.setdefault(a.outlet, set())
        terms.update(highlight_key(h) for h in a.highlights if h.kind == "loaded")
    if len(by_outlet) < SHARED_MIN_OUTLETS:
        return set()
    return set.intersection(*by_outlet.values()) - marked


def _rescored(analysed: AnalyzedArticle, highlights: list[Highlight]) -> AnalyzedArticle:
    """The article with ``highlights`` and each sentence's bias computed from them."""
    import bisect

    from analysis.bias import bias_features, default_model

    model = default_model()
    text = analysed.article.text
    starts = [h.start for h in highlights]
    sentences = []
    for s in analysed.sentences:
        inside = highlights[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]
        features = bias_features(text, s.start, s.end, s.subjectivity, s.polarity, inside)
        bias = min(1.0, max(0.0, model.sentence_bias(features)))
        sentences.append(s._replace(bias=bias))
    return dataclasses.replace(analysed, highlights=tuple(highlights), sentences=tuple(sentences))


def apply_context(corpus: Corpus, corrections: Iterable[Correction] = ()) -> Corpus:
    """``corpus`` with the reader's corrections applied and shared vocabulary marked.

    Returns a new corpus (the input is not changed) whose ``corrections``,
    ``removed_by_reader`` and ``added_by_reader`` say what the reader changed.
    """
    fixes = tuple(corrections)
    articles: list[AnalyzedArticle] = []
    removed = added = 0
    for a in corpus.articles:
        if fixes:
            kept, gone, new = _corrected(a, fixes)
            removed += gone
            added += new
            if gone or new:
                a = _rescored(a, kept)
        articles.append(a)
    shared = _shared_terms(articles, {c.term.lower() for c in fixes if c.kind == "mark"})
    if shared:
        articles = [_with_shared(a, shared) for a in articles]
    return dataclasses.replace(
        corpus,
        articles=tuple(articles),
        corrections=fixes,
        removed_by_reader=removed,
        added_by_reader=added,
    )


def _with_shared(analysed: AnalyzedArticle, shared: set[str]) -> AnalyzedArticle:
    if not any(h.kind == "loaded" and highlight_key(h) in shared for h in analysed.highlights):
        return analysed
    highlights = tuple(
        h._replace(shared=True, reason=h.reason + SHARED_NOTE)
        if h.kind == "loaded" and highlight_key(h) in shared
        else h
        for h in analysed.highlights
    )
    return dataclasses.replace(analysed, highlights=highlights)


def reader_lexicon_tsv(
    corrections: Iterable[Correction], categories: Mapping[str, str] | None = None
) -> str:
    """The reader's "never" and "mark" corrections as a FrameLens TSV lexicon.

    A "never" entry has weight 0 (no match takes it); a "mark" entry the
    reader's weight.  ``categories`` maps category ids to labels for the reasons.
    """
    labels = dict(categories or {})
    lines = [
        "# The reader's corrections (written by FrameLens): weight 0 = never mark this term.",
        "term\tcategory\tweight\treason",
    ]
    seen: set[str] = set()
    for c in corrections:
        if c.kind == "not_here" or c.term.lower() in seen:
            continue
        seen.add(c.term.lower())
        term = " ".join(_WORD.findall(c.term.lower()))
        if c.kind == "never":
            # The term as the lexicon wrote it (slam*), so its every form is hidden.
            lines.append(f"{c.term.lower()}\temotive\t0\tthe reader asked never to mark '{term}'")
        else:
            label = labels.get(c.category, c.category.removeprefix("custom:"))
            lines.append(
                f"{term}\t{c.category}\t{READER_WEIGHT}\t"
                f"{READER_REASON.format(category=label)}"
            )
    return "\n".join(lines) + "\n"
