"""The content of a comparison report as immutable values, free of Qt and markup.

One :class:`ReportData` feeds every output format: the QTextDocument that the
preview, the printer and the PDF share, and the HTML export. It is a title, a
date and an ordered tuple of :class:`Section` values, each a tuple of typed
blocks (:class:`Paragraph`, :class:`Table`, :class:`Chart`, :class:`Legend`,
:class:`HighlightedText`, ...). Renderers walk the blocks; they never decide
*what* goes into a report, only how it looks.

Every string here is plain text taken from articles or computed from them.
Renderers must treat it as text (escape it in HTML, insert it with
``QTextCursor.insertText``), never as markup.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.categories import (
    DIFFERENCE,
    DIFFERENCE_CATEGORY,
    SUBJECTIVE,
    SUBJECTIVE_CATEGORY,
    Category,
    category,
    load_categories,
)
from analysis.categories import parse_categories as _parse_categories
from analysis.chartdata import Chart
from analysis.errors import LexiconError, ReportError
from analysis.model import AnalyzedArticle, Corpus, Highlight

if TYPE_CHECKING:
    from analysis.compare.results import Comparison, DiffSpan, Member

log = logging.getLogger(__name__)

#: Section ids in report order, with their headings. ``--sections`` and the
#: sections dialog use the ids.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("key", "Key framing differences"),
    ("articles", "Articles"),
    ("summary", "Per-outlet summary"),
    ("charts", "Charts"),
    ("aligned", "Aligned statements"),
    ("excerpts", "Highlighted excerpts"),
    ("distinctive", "Distinctive words"),
    ("labels", "Labels"),
    ("concordance", "Concordance"),
    ("quotes", "Quotes"),
    ("frames", "Frames"),
    ("methodology", "Methodology and limits"),
)
SECTION_IDS: tuple[str, ...] = tuple(s for s, _ in SECTIONS)
SECTION_TITLES: dict[str, str] = dict(SECTIONS)
DEFAULT_SECTIONS: tuple[str, ...] = SECTION_IDS

#: How many sentences each article contributes to the highlighted excerpts.
EXCERPT_SENTENCES = 4
#: How many aligned statement groups a report shows at most.
MAX_ALIGNED_GROUPS = 12
#: How many hits of each concordance pattern a report lists at most.
MAX_CONCORDANCE_HITS = 25
#: Characters of context each side of a concordance hit in a report.
CONCORDANCE_WIDTH = 40


# --------------------------------------------------------------------------- values


#: A report's legend entry is a highlight category (:mod:`analysis.categories`).
CategoryStyle = Category


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; ``category`` is empty for plain text."""

    text: str
    category: str = ""
    #: Why the span is marked, in plain words (HTML shows it as a tooltip).
    reason: str = ""
    #: "quoted" for a highlight inside a quotation (a source's words, drawn in
    #: its own style), "shared" for vocabulary every outlet uses, else "outlet".
    voice: str = "outlet"


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section: level 2 (e.g. an outlet) or 3 (an article)."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Plain running text; ``note`` paragraphs are smaller and grey.

    ``code`` paragraphs (formulas, examples) keep their line breaks and are
    set in a monospaced font.
    """

    text: str
    note: bool = False
    code: bool = False


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list of plain strings."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of display strings; ``numeric`` columns are right-aligned."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Legend:
    """The highlight styles used in the report, with their meaning."""

    categories: tuple[CategoryStyle, ...]


@dataclass(frozen=True, slots=True)
class HighlightedText:
    """A labelled passage (an excerpt or one outlet's version of a statement)."""

    label: str
    spans: tuple[Span, ...]
    #: Small print after the label, e.g. "sentence 4 · bias 0.62".
    note: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


Block = Heading | Paragraph | Bullets | Table | Chart | Legend | HighlightedText


@dataclass(frozen=True, slots=True)
class Section:
    """One report section: an id from :data:`SECTION_IDS`, a heading, blocks."""

    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report shows, in order. Renderers add only the look."""

    title: str
    #: The date the report was made, e.g. "23 November 2026".
    date: str
    #: One line under the title: how many articles from how many outlets.
    subtitle: str
    sections: tuple[Section, ...]
    #: Every highlight style in the report (renderers build their formats from it).
    styles: tuple[CategoryStyle, ...]

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    def style(self, category_id: str) -> CategoryStyle:
        """Return the style of ``category_id`` (custom categories share a neutral one)."""
        for style in self.styles:
            if style.id == category_id:
                return style
        return category(category_id)


# --------------------------------------------------------------------------- styles


def parse_categories(text: str) -> tuple[CategoryStyle, ...]:
    """Parse the text of ``categories.tsv`` (:func:`analysis.categories.parse_categories`).

    Raises :class:`ReportError` naming the row when one is malformed.
    """
    try:
        return _parse_categories(text)
    except LexiconError as exc:
        raise ReportError(str(exc)) from exc


def default_styles() -> tuple[CategoryStyle, ...]:
    """The lexicon categories plus the report's own: subjective words first, difference last."""
    try:
        return (SUBJECTIVE_CATEGORY, *load_categories(), DIFFERENCE_CATEGORY)
    except LexiconError as exc:
        raise ReportError(str(exc)) from exc


# --------------------------------------------------------------------------- helpers


def _fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def _article_label(item: AnalyzedArticle) -> str:
    return item.article.title or Path(item.article.path).name or item.article.path


def _source(item: AnalyzedArticle) -> str:
    """Where the article came from, short enough for a table cell.

    A URL loses its scheme, "www.", query and fragment; a file shows its
    name. The full value is in the data export.
    """
    url = item.article.url
    if url:
        short = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", url, flags=re.IGNORECASE)
        short = re.split(r"[?#]", short, maxsplit=1)[0].rstrip("/")
        return short if len(short) <= 60 else short[:28] + "…" + short[-28:]
    return Path(item.article.path).name or item.article.path


def _bias(item: AnalyzedArticle) -> float:
    if not item.sentences:
        return 0.0
    return sum(s.bias for s in item.sentences) / len(item.sentences)


def choose_highlights(highlights: Iterable[Highlight]) -> tuple[Highlight, ...]:
    """Return non-overlapping highlights in text order.

    Loaded terms win over subjective words, then heavier over lighter, so a
    word that is both shows the more specific (lexicon) reason.
    """
    ranked = sorted(
        highlights, key=lambda h: (h.kind != "loaded", -h.weight, h.start, -(h.end - h.start))
    )
    taken: list[Highlight] = []
    for h in ranked:
        if h.end <= h.start:
            continue
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    return tuple(sorted(taken, key=lambda h: h.start))


def spans_for(text: str, start: int, end: int, highlights: Sequence[Highlight]) -> tuple[Span, ...]:
    """Split ``text[start:end]`` into plain and highlighted spans.

    ``highlights`` must be non-overlapping and sorted (see
    :func:`choose_highlights`); those outside the range are ignored and those
    crossing its edges are clipped.
    """
    spans: list[Span] = []
    pos = start
    for h in highlights:
        if h.end <= start or h.start >= end:
            continue
        h_start, h_end = max(h.start, start), min(h.end, end)
        if h_start > pos:
            spans.append(Span(text[pos:h_start]))
        category = SUBJECTIVE if h.kind == "subjective" else h.category
        voice = "shared" if h.shared else h.voice
        spans.append(Span(text[h_start:h_end], category, h.reason, voice))
        pos = h_end
    if pos < end:
        spans.append(Span(text[pos:end]))
    return tuple(spans)


def _table_from_rows(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = ""
) -> Table:
    """Make a display table; floats get two decimals, numeric columns align right."""
    rows = [list(r) for r in rows]
    numeric = []
    for col in range(len(columns)):
        values = [r[col] for r in rows if r[col] is not None and r[col] != ""]
        numeric.append(bool(values) and all(_is_number(v) for v in values))
    shown = tuple(
        tuple("" if v is None else _fmt(v) if isinstance(v, float) else str(v) for v in r)
        for r in rows
    )
    return Table(tuple(columns), shown, tuple(numeric), caption)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and re.fullmatch(r"[-−+]?[\d.,]+%?", value) is not None


# --------------------------------------------------------------------------- sections


def _key_section(corpus: Corpus, comparison: Comparison | None) -> tuple[Block, ...]:
    from analysis.findings import TOPICS, key_differences

    findings = key_differences(corpus, comparison)
    blocks: list[Block] = []
    for topic in TOPICS:
        items = tuple(f.text for f in findings if f.topic == topic)
        if items:
            blocks.append(Heading(topic, 3))
            blocks.append(Bullets(items))
    if comparison is None:
        blocks.append(Paragraph("No comparison is available for this report.", note=True))
    return tuple(blocks)


def _articles_section(corpus: Corpus) -> tuple[Block, ...]:
    columns = ("#", "Outlet", "Title", "Author", "Date", "Source", "Words")
    rows = [
        (i, a.outlet, _article_label(a), a.article.author, a.article.date, _source(a), a.words)
        for i, a in enumerate(corpus.articles, start=1)
    ]
    # Author and date are often unknown; a column that is empty everywhere goes.
    keep = [
        c
        for c, name in enumerate(columns)
        if name not in ("Author", "Date") or any(r[c] for r in rows)
    ]
    blocks: list[Block] = [
        _table_from_rows([columns[c] for c in keep], ([r[c] for c in keep] for r in rows))
    ]
    if corpus.errors:
        blocks.append(Paragraph("These inputs could not be read and are not in the report:"))
        blocks.append(
            _table_from_rows(("Input", "Reason"), ((e.path, e.error) for e in corpus.errors))
        )
    return tuple(blocks)


@dataclass(frozen=True, slots=True)
class OutletScores:
    """Per-outlet numbers, defined as in :func:`analysis.tables.outlet_table`."""

    outlet: str
    articles: int
    words: int
    sentences: int
    subjectivity: float
    polarity: float
    subjective_share: float
    bias: float
    loaded_per_1000: float
    quoted_share: float
    top_terms: str
    #: Loaded terms inside quotations per 1,000 quoted words, and the most frequent.
    quoted_loaded_per_1000: float = 0.0
    quoted_terms: str = ""


def outlet_scores(corpus: Corpus) -> tuple[OutletScores, ...]:
    """Per-outlet summary numbers, outlets in order of first appearance."""
    from analysis.tables import score_columns

    result = []
    for outlet in corpus.outlets:
        items = [a for a in corpus.articles if a.outlet == outlet]
        scores = score_columns(items, ())
        words = sum(a.words for a in items)
        n = sum(len(a.sentences) for a in items)
        quoted = sum(1 for a in items for s in a.sentences if s.quoted)
        result.append(
            OutletScores(
                outlet=outlet,
                articles=len(items),
                words=words,
                sentences=n,
                subjectivity=float(scores["subjectivity"]),  # type: ignore[arg-type]
                polarity=float(scores["polarity"]),  # type: ignore[arg-type]
                subjective_share=float(scores["subjective_share"]),  # type: ignore[arg-type]
                bias=float(scores["bias"]),  # type: ignore[arg-type]
                loaded_per_1000=float(scores["loaded_per_1000"]),  # type: ignore[arg-type]
                quoted_share=quoted / n if n else 0.0,
                top_terms=str(scores["top_terms"]),
                quoted_loaded_per_1000=float(
                    scores["quoted_loaded_per_1000"]  # type: ignore[arg-type]
                ),
                quoted_terms=str(scores["quoted_terms"]),
            )
        )
    return tuple(result)


def _summary_section(scores: Sequence[OutletScores], corpus: Corpus) -> tuple[Block, ...]:
    from analysis.corrections import describe
    from analysis.tables import bias_spread

    spread = bias_spread(corpus)
    columns = [
        "Outlet",
        "Articles",
        "Words",
        "Sentences",
        "Subjectivity",
        "Polarity",
        "Subjective sentences",
        "Loaded / 1,000 words",
        "Bias",
        "Quoted sentences",
        "Quoted: loaded / 1,000",
    ]
    rows = [
        [
            s.outlet,
            s.articles,
            s.words,
            s.sentences,
            s.subjectivity,
            s.polarity,
            f"{s.subjective_share:.0%}",
            f"{s.loaded_per_1000:.1f}",
            s.bias,
            f"{s.quoted_share:.0%}",
            f"{s.quoted_loaded_per_1000:.1f}",
        ]
        for s in scores
    ]
    if not spread.separates:
        # The estimate does not tell these outlets apart: its column is left out.
        at = columns.index("Bias")
        del columns[at]
        for row in rows:
            del row[at]
    # Two tables, so that every header word fits its column on a portrait page:
    # the outlet's words and tone, then its loaded language and quotations.
    split = columns.index("Loaded / 1,000 words")
    table = _table_from_rows(columns[:split], [row[:split] for row in rows])
    voice = _table_from_rows(["Outlet", *columns[split:]], [[row[0], *row[split:]] for row in rows])
    terms = _table_from_rows(
        ("Outlet", "Most frequent loaded terms", "In quotations"),
        ((s.outlet, s.top_terms or "none", s.quoted_terms or "none") for s in scores),
    )
    if spread.separates:
        bias_note = (
            f"Bias is FrameLens's per-sentence estimate in [0, 1] (the chance that people "
            f"who annotate media bias mark the sentence), averaged the same way; "
            f"{spread.highest} and {spread.lowest} differ by {spread.spread:.3f}, more "
            f"than the {spread.noise:.3f} that sentence-to-sentence variation reaches."
        )
    elif spread.lowest:
        bias_note = (
            f"The bias estimate is not shown: its outlet means differ by {spread.spread:.3f}, "
            f"less than the {spread.noise:.3f} that sentence-to-sentence variation alone "
            "reaches, so it does not tell these outlets apart."
        )
    else:
        bias_note = "The bias estimate needs two outlets with two sentences or more to compare."
    blocks: list[Block] = [
        table,
        voice,
        Paragraph(
            "Each outlet's figures count its own voice: subjectivity (0 = factual, 1 = "
            "opinion) and polarity (−1 negative to +1 positive) are TextBlob's sentence "
            "scores averaged over the outlet's own sentences (quoted sentences aside); "
            "a sentence counts as subjective from 0.5. Loaded terms are counted per 1,000 "
            "of the outlet's own words; those inside quotations, the sources' words, are "
            "counted apart per 1,000 quoted words. " + bias_note,
            note=True,
        ),
        terms,
    ]
    fixes = describe(corpus.corrections, corpus.removed_by_reader, corpus.added_by_reader)
    if fixes:
        blocks.append(Paragraph("Corrections: " + fixes + ".", note=True))
    return tuple(blocks)


def _charts_section(corpus: Corpus, comparison: Comparison | None) -> tuple[Block, ...]:
    """The dashboard's charts, their data from :mod:`analysis.chartdata` as on screen."""
    from analysis import chartdata

    blocks: list[Block] = [chartdata.subjectivity_chart(corpus), chartdata.loaded_chart(corpus)]
    if comparison is not None:
        for chart in (chartdata.frames_chart(comparison), chartdata.sources_chart(comparison)):
            if any(pairs for _, pairs in chart.cells):
                blocks.append(chart)
    return tuple(blocks)


def _excerpts_section(
    corpus: Corpus, styles: Sequence[CategoryStyle], per_article: int
) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Paragraph(
            f"For each article, the {per_article} sentences with the highest bias "
            "estimate, in the order they appear. Each kind of mark has its own underline "
            "style, so the marks stay apart on a black-and-white printer. Marks in "
            "italics stand inside quotations (the sources' words, counted apart); a grey "
            "dotted underline marks a term every outlet uses (shared vocabulary).",
            note=True,
        ),
        Legend(tuple(styles)),
    ]
    for outlet in corpus.outlets:
        blocks.append(Heading(outlet, 2))
        reasons: dict[str, str] = {}
        for item in corpus.articles:
            if item.outlet != outlet:
                continue
            blocks.append(Heading(_article_label(item), 3))
            chosen = choose_highlights(item.highlights)
            top = sorted(range(len(item.sentences)), key=lambda i: -item.sentences[i].bias)[
                :per_article
            ]
            text = item.article.text
            for i in sorted(top):
                s = item.sentences[i]
                spans = spans_for(text, s.start, s.end, chosen)
                note = f"Sentence {i + 1} of {len(item.sentences)} · bias {s.bias:.2f}"
                if s.quoted:
                    note += " · quoted"
                blocks.append(HighlightedText("", _strip_spans(spans), note))
                for span in spans:
                    if span.category and span.category != SUBJECTIVE and span.reason:
                        reasons.setdefault(span.text.lower(), f"{span.text.strip()}: {span.reason}")
            if not top:
                blocks.append(Paragraph("This article has no sentences.", note=True))
        if reasons:
            blocks.append(Paragraph(f"Why the terms in {outlet}'s excerpts are marked:", note=True))
            blocks.append(Bullets(tuple(reasons.values())[:12]))
    return tuple(blocks)


def _unquoted(passage: str) -> str:
    """``passage`` without double quotation marks: cut out of a sentence, they seldom pair up."""
    return " ".join(passage.translate({ord(c): None for c in '"“”«»'}).split())


def _strip_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Trim leading/trailing whitespace and fold inner newlines of a passage."""
    out = [Span(re.sub(r"\s*\n\s*", " ", s.text), s.category, s.reason) for s in spans]
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].category, out[0].reason)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].category, out[-1].reason)
    return tuple(s for s in out if s.text)


# --------------------------------------------------------------------------- comparison


def _group_spans(text: str, member: Member, diff: Sequence[DiffSpan]) -> tuple[Span, ...]:
    """One aligned sentence as spans, words the core sentence lacks marked."""
    spans: list[Span] = []
    pos = member.start
    for d in diff:
        if d.op == "same" or d.end <= pos:
            continue
        if d.start > pos:
            spans.append(Span(text[pos : d.start]))
        reason = "Not in the core sentence" if d.op == "added" else "Worded differently"
        spans.append(Span(text[max(d.start, pos) : d.end], DIFFERENCE, reason))
        pos = d.end
    if pos < member.end:
        spans.append(Span(text[pos : member.end]))
    return _strip_spans(tuple(spans))


def _headlines_blocks(comparison: Comparison) -> list[Block]:
    """The headlines side by side, one row per article that has one."""
    if not comparison.headlines:
        return []
    rows = [
        (h.outlet, " ".join(h.text.split()), h.subjectivity, ", ".join(h.loaded))
        for h in comparison.headlines
    ]
    without = [o for o in comparison.outlets if o not in {h.outlet for h in comparison.headlines}]
    columns = ("Outlet", "Headline", "Subjectivity", "Loaded terms")
    blocks: list[Block] = [Heading("Headlines", 3), _table_from_rows(columns, rows)]
    if without:
        blocks.append(Paragraph(f"No headline in the text of: {', '.join(without)}.", note=True))
    return blocks


def _aligned_section(comparison: Comparison, corpus: Corpus, limit: int) -> tuple[Block, ...]:
    """The aligned statements; with several stories, one part per story."""
    if len(comparison.stories) < 2:
        warnings = comparison.stories[0].warnings if comparison.stories else ()
        notes = tuple(Paragraph(w, note=True) for w in warnings)
        return notes + _story_aligned(comparison, corpus, limit)
    blocks: list[Block] = [
        Paragraph(
            f"The articles report {len(comparison.stories)} different stories; statements "
            "are compared within each story only.",
            note=True,
        )
    ]
    for number, story in enumerate(comparison.stories, start=1):
        outlets = ", ".join(dict.fromkeys(comparison.article_outlets[i] for i in story.articles))
        count = len(story.articles)
        blocks.append(
            Heading(
                f"Story {number}: {story.title} ({count} article{'s' if count != 1 else ''}: "
                f"{outlets})",
                2,
            )
        )
        blocks.extend(Paragraph(w, note=True) for w in story.warnings)
        blocks.extend(_story_aligned(comparison.for_story(story.id), corpus, limit))
    return tuple(blocks)


def _story_aligned(comparison: Comparison, corpus: Corpus, limit: int) -> tuple[Block, ...]:
    groups = sorted(comparison.groups, key=lambda g: (-len(set(g.outlets)), -g.similarity))
    headlines = _headlines_blocks(comparison)
    if not groups:
        return (
            *headlines,
            Paragraph("No statement was found in more than one outlet.", note=True),
        )
    blocks: list[Block] = [
        *headlines,
        Paragraph(
            f"Statements that several outlets report, the {min(limit, len(groups))} most "
            f"widely shared of {len(groups)}. In each group the core sentence is the one most "
            "like the others; in the other versions, words in bold on a shaded background "
            "are added to or worded differently from the core.",
            note=True,
        ),
    ]
    for number, group in enumerate(groups[:limit], start=1):
        outlets = ", ".join(dict.fromkeys(group.outlets))
        blocks.append(
            Heading(f"Statement {number}: {outlets} (similarity {group.similarity:.2f})", 3)
        )
        for k, member in enumerate(group.members):
            item = (
                corpus.articles[member.article] if member.article < len(corpus.articles) else None
            )
            if item is None:
                continue
            if k == group.core:
                spans = _strip_spans((Span(item.article.text[member.start : member.end]),))
                note = "core sentence"
            else:
                spans = _group_spans(item.article.text, member, group.diff[k])
                note = ""
            dropped = group.dropped[k] if k < len(group.dropped) else ()
            if dropped:
                note = (
                    (note + " · " if note else "")
                    + "leaves out: "
                    + " / ".join(f"“{_unquoted(d)}”" for d in dropped)
                )
            blocks.append(HighlightedText(group.outlets[k], spans, note))
    if comparison.unique:
        per_outlet = 3
        rows = []
        for outlet in comparison.outlets:
            mine = [u for u in comparison.unique if u.outlet == outlet][:per_outlet]
            rows += [(u.outlet, re.sub(r"\s+", " ", u.text).strip()) for u in mine]
        blocks.append(Heading("Reported by one outlet only", 3))
        blocks.append(
            Paragraph(
                f"Up to {per_outlet} per outlet, in article order; all "
                f"{len(comparison.unique)} are in the data export.",
                note=True,
            )
        )
        blocks.append(_table_from_rows(("Outlet", "Statement"), rows))
    return tuple(blocks)


def _distinctive_section(comparison: Comparison) -> tuple[Block, ...]:
    if len(comparison.outlets) < 2:
        return (
            Paragraph("No distinctive words (a comparison needs two or more outlets).", note=True),
        )
    intro = Paragraph(
        "Words each outlet uses more than the others of the same story (weighted log-odds "
        "with an informative prior, Monroe et al. 2008), strongest first; the number is how "
        "often the outlet uses the word. Only words with z of 1.96 or more (unlikely to "
        "be chance) are listed, never names, days or months.",
        note=True,
    )
    if len(comparison.stories) < 2:
        return (intro, _distinctive_table(comparison))
    blocks: list[Block] = [intro]
    for number, story in enumerate(comparison.stories, start=1):
        blocks.append(Heading(f"Story {number}: {story.title}", 2))
        part = comparison.for_story(story.id)
        if len(part.outlets) < 2:
            blocks.append(Paragraph("One outlet only: nothing to compare.", note=True))
        else:
            blocks.append(_distinctive_table(part))
    return tuple(blocks)


def _distinctive_table(comparison: Comparison) -> Table:
    notes = {n.outlet: n.note for n in comparison.distinctive_notes}
    rows = []
    for outlet in comparison.outlets:
        terms = sorted(
            (t for t in comparison.distinctive if t.outlet == outlet), key=lambda t: -t.z
        )
        if terms:
            rows.append((outlet, ", ".join(f"{t.term} ({t.count})" for t in terms[:15])))
        elif outlet in notes:
            rows.append((outlet, notes[outlet]))
    return _table_from_rows(("Outlet", "Distinctive words"), rows)


def _labels_section(comparison: Comparison) -> tuple[Block, ...]:
    labels = comparison.labels
    blocks: list[Block] = []
    actors = labels.actors()
    if actors:
        rows = []
        for actor in actors[:15]:
            for outlet, texts in labels.descriptions(actor).items():
                rows.append((actor, outlet, "; ".join(texts[:3])))
        blocks.append(
            Paragraph("How each outlet describes the people and groups in the story.", note=True)
        )
        blocks.append(_table_from_rows(("Actor", "Outlet", "Described as"), rows))
    if labels.concepts:
        by_concept: dict[tuple[str, str], list[str]] = {}
        for c in labels.concepts:
            by_concept.setdefault((c.concept, c.outlet), []).append(f"{c.term} ({c.count})")
        blocks.append(Heading("Word choice for the same thing", 3))
        blocks.append(
            _table_from_rows(
                ("Concept", "Outlet", "Words used"),
                (
                    (concept, outlet, ", ".join(terms))
                    for (concept, outlet), terms in by_concept.items()
                ),
            )
        )
    if not blocks:
        blocks.append(Paragraph("No descriptions of people or groups were found.", note=True))
    return tuple(blocks)


def concordance_blocks(
    corpus: Corpus,
    comparison: Comparison | None,
    patterns: Sequence[str],
    *,
    limit: int = MAX_CONCORDANCE_HITS,
    width: int = CONCORDANCE_WIDTH,
) -> tuple[Block, ...]:
    """The concordance of each pattern the user chose (:mod:`analysis.kwic`): counts
    per outlet and alternative, a chart of which outlet uses which, the first hits.

    With no pattern, says how to choose one and lists suggestions from the story.
    """
    from analysis.chartdata import terms_chart
    from analysis.errors import PatternError
    from analysis.kwic import KwicCorpus, concordance, suggest_alternatives

    if not patterns:
        blocks: list[Block] = [
            Paragraph(
                "No terms were chosen for the concordance. Type a word, a phrase or "
                "alternatives such as 'invasion | war | conflict' in the Concordance tab "
                "and press Add to report (or pass --kwic to framelens report).",
                note=True,
            )
        ]
        suggested = suggest_alternatives(corpus, comparison)
        if suggested:
            blocks.append(Paragraph("Alternatives the outlets of this story split between them:"))
            blocks.append(Bullets(tuple(f"{s.pattern} ({s.reason})" for s in suggested)))
        return tuple(blocks)
    prepared = KwicCorpus.from_corpus(corpus, comparison)
    blocks = [
        Paragraph(
            "Every occurrence of the chosen terms in context. Rates are per 1,000 words of "
            "the outlet's own voice; occurrences inside quotations are the sources' words "
            "and are counted apart.",
            note=True,
        )
    ]
    for pattern in patterns:
        blocks.append(Heading(pattern, 3))
        try:
            result = concordance(prepared, pattern, width=width)
        except PatternError as error:
            blocks.append(Paragraph(str(error), note=True))
            continue
        table = result.table()
        several = len(result.terms) > 1
        columns = ["Outlet", "Hits", "In quotations", "Per 1,000 own words"]
        if several:
            columns += list(result.terms)
        rows = []
        for o in result.outlets:
            row: list[Any] = [o.outlet, o.hits, o.quoted, o.per_1000]
            if several:
                row += [table[o.outlet][t] for t in result.terms]
            rows.append(row)
        blocks.append(_table_from_rows(columns, rows))
        if several and any(o.hits for o in result.outlets):
            blocks.append(terms_chart(result))
        if result.hits:
            shown = result.hits[:limit]
            caption = (
                f"First {len(shown)} of {len(result.hits)} occurrences"
                if len(shown) < len(result.hits)
                else ""
            )
            # The left context is right-aligned so that every line lines up on the term.
            blocks.append(
                Table(
                    ("Outlet", "Left", "Term", "Right", "Voice"),
                    tuple(
                        (h.outlet, h.left.strip(), h.match, h.right.strip(),
                         "quoted" if h.voice == "quoted" else "")
                        for h in shown
                    ),
                    (False, True, False, False, False),
                    caption,
                )
            )  # fmt: skip
        else:
            blocks.append(Paragraph("No outlet uses these terms.", note=True))
    return tuple(blocks)


def _quotes_section(comparison: Comparison) -> tuple[Block, ...]:
    quotes = comparison.quotes
    if not quotes.quotes and not quotes.outlets:
        return (Paragraph("No quotations were found.", note=True),)
    from analysis.compare.quotes import kinds_summary, sources_frame

    kinds = kinds_summary(quotes)
    blocks: list[Block] = [
        _table_from_rows(
            ("Outlet", "Quotations", "Quoted words", "Share of words quoted", "Sources by kind"),
            (
                (o.outlet, o.quotes, o.quoted_words, f"{o.share:.0%}", kinds.get(o.outlet, ""))
                for o in quotes.outlets
            ),
        )
    ]
    speakers: dict[str, list[str]] = {}
    for sc in sorted(quotes.speakers, key=lambda x: -x.quotes):
        if not sc.quotes:
            continue  # a source of reported claims only
        speakers.setdefault(sc.outlet, []).append(f"{sc.speaker or '(unnamed)'} ({sc.quotes})")
    verbs: dict[str, list[str]] = {}
    for vc in sorted(quotes.verbs, key=lambda x: -x.count):
        verbs.setdefault(vc.outlet, []).append(f"{vc.verb} ({vc.count})")
    if speakers or verbs:
        blocks.append(Heading("Who is quoted, and how", 3))
        blocks.append(
            _table_from_rows(
                ("Outlet", "Speakers (quotations)", "Attribution verbs"),
                (
                    (o, ", ".join(speakers.get(o, [])[:8]), ", ".join(verbs.get(o, [])[:8]))
                    for o in comparison.outlets
                    if o in speakers or o in verbs
                ),
            )
        )
    table = sources_frame(quotes)
    if not table.empty:
        blocks.append(Heading("Whose voice: sources per outlet", 3))
        blocks.append(
            Paragraph(
                "Each outlet's most cited sources: quotations, their words and claims "
                "reported without quotation marks. A source marked 'only here' is cited by "
                "no other outlet of the story.",
                note=True,
            )
        )
        top = table.groupby("outlet", sort=False).head(_SOURCES_PER_OUTLET)
        blocks.append(
            _table_from_rows(
                ("Outlet", "Source", "Kind", "Quotations", "Words", "Claims", "Only here"),
                (
                    (
                        r.outlet,
                        f"{r.source} ({r.role})" if r.role else r.source,
                        r.kind,
                        r.quotes,
                        r.words,
                        r.claims,
                        "yes" if r.only_here else "",
                    )
                    for r in top.itertuples()
                ),
            )
        )
    return tuple(blocks)


#: How many sources per outlet the report's "whose voice" table lists.
_SOURCES_PER_OUTLET = 8


def _frames_section(comparison: Comparison) -> tuple[Block, ...]:
    records = comparison.frames.outlets
    if not records:
        return (Paragraph("No frame keywords were found.", note=True),)
    from analysis.chartdata import frame_label

    frames = list(dict.fromkeys(r.frame for r in sorted(records, key=lambda r: -r.share)))
    share = {(r.outlet, r.frame): r.share for r in records}
    outlets = list(comparison.outlets)
    rows = [
        (frame_label(frame), *(f"{share.get((o, frame), 0.0):.0%}" for o in outlets))
        for frame in frames
        if any(share.get((o, frame), 0.0) > 0 for o in outlets)
    ]
    return (
        Paragraph(
            "Share of each outlet's sentences that use a keyword of the frame (the 15 "
            "dimensions of the Policy Frames Codebook, Boydstun et al. 2014).",
            note=True,
        ),
        _table_from_rows(("Frame", *outlets), rows),
    )


# --------------------------------------------------------------------------- methodology

_FALLBACK_METHODOLOGY = """\
# How FrameLens scores articles

- Subjectivity and polarity are TextBlob's pattern-based scores for each sentence.
- Loaded terms come from FrameLens's own lexicon; each match carries its category and a reason.
- The bias estimate combines a sentence's subjectivity with its loaded terms.
"""

_LIMITS = (
    "Scores are word-based: they do not understand irony, context or who is speaking, "
    "although sentences inside quotations are marked as quoted.",
    "TextBlob and the lexicon are built for English; other languages are not scored reliably.",
    "A high score flags language worth a closer look; it is not a verdict on an outlet or author.",
    "Aligned statements are matched by wording; two outlets can report the same fact in words "
    "too different to be aligned.",
)


def methodology_blocks(markdown: str) -> tuple[Block, ...]:
    """Turn simple Markdown into blocks of plain text.

    Headings (``#``; the first level becomes a level-2 heading, deeper ones
    level 3), paragraphs, bullet and numbered lists, pipe tables and fenced
    code (kept as plain lines). Emphasis marks and link targets are dropped.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []
    table: list[list[str]] = []
    code: list[str] = []
    in_code = False

    def flush() -> None:
        if code:
            blocks.append(Paragraph("\n".join(code), code=True))
            code.clear()
        if paragraph:
            blocks.append(Paragraph(_inline(" ".join(paragraph))))
            paragraph.clear()
        if bullets:
            blocks.append(Bullets(tuple(_inline(b) for b in bullets)))
            bullets.clear()
        if table:
            width = max(len(r) for r in table)
            rows = [r + [""] * (width - len(r)) for r in table]
            blocks.append(_table_from_rows(rows[0], rows[1:]))
            table.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            flush()
            in_code = not in_code
        elif in_code:
            code.append(raw.rstrip())
        elif raw.startswith(("    ", "\t")) and line and not bullets and (code or not paragraph):
            # An indented code block (a formula): kept line by line, indent relative.
            code.append(raw.rstrip()[4:] if raw.startswith("    ") else raw.rstrip()[1:])
        elif not line:
            if not code:
                flush()
        elif line.startswith("#"):
            flush()
            level = 2 if len(line) - len(line.lstrip("#")) <= 2 else 3
            blocks.append(Heading(_inline(line.lstrip("#").strip()), level))
        elif line.startswith("|"):
            if paragraph or bullets:
                flush()
            cells = [_inline(c.strip()) for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                table.append(cells)
        elif re.match(r"([-*+]|\d+[.)]) ", line):
            if paragraph or table:
                flush()
            bullets.append(re.sub(r"^([-*+]|\d+[.)]) ", "", line))
        elif bullets and raw.startswith((" ", "\t")):
            bullets[-1] += " " + line
        else:
            if bullets or table or code:
                flush()
            paragraph.append(line)
    flush()
    return tuple(blocks)


def _inline(text: str) -> str:
    """Drop Markdown emphasis, code marks and link targets, keeping the words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)", r"\1", text)
    return text


def default_methodology() -> str:
    """The text of resources/methodology.md, or a short built-in summary if it is absent."""
    from analysis.resources import resources_dir

    try:
        return (resources_dir() / "methodology.md").read_text(encoding="utf-8")
    except OSError:
        log.warning("resources/methodology.md is missing; the report uses a short summary")
        return _FALLBACK_METHODOLOGY


def _methodology_section(markdown: str, corpus: Corpus) -> tuple[Block, ...]:
    blocks = list(methodology_blocks(markdown))
    blocks.append(Heading("Limits"))
    blocks.append(Bullets(_LIMITS))
    if corpus.lexicons:
        blocks.append(Paragraph("Lexicons used: " + ", ".join(corpus.lexicons) + ".", note=True))
    return tuple(blocks)


# --------------------------------------------------------------------------- entry point


def normalise_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    """Validate section ids and put them in report order (None → all sections).

    Raises :class:`ReportError` naming unknown ids and listing the valid ones.
    """
    if sections is None:
        return DEFAULT_SECTIONS
    wanted = [s.strip().lower() for s in sections if s.strip()]
    unknown = [s for s in wanted if s not in SECTION_TITLES]
    if unknown:
        raise ReportError(
            f"Unknown report section {', '.join(repr(u) for u in unknown)}; "
            f"choose from {', '.join(SECTION_IDS)}."
        )
    return tuple(s for s in SECTION_IDS if s in wanted)


def format_date(when: _dt.date) -> str:
    """A date as people write it, e.g. "3 May 2026" (no locale surprises)."""
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return f"{when.day} {months[when.month - 1]} {when.year}"


def build_report_data(
    corpus: Corpus,
    comparison: Comparison | None = None,
    *,
    sections: Iterable[str] | None = None,
    title: str = "",
    date: _dt.date | None = None,
    styles: Sequence[CategoryStyle] | None = None,
    methodology: str | None = None,
    excerpt_sentences: int = EXCERPT_SENTENCES,
    aligned_groups: int = MAX_ALIGNED_GROUPS,
    concordance: Sequence[str] = (),
) -> ReportData:
    """Collect a report's content from an analysed corpus and its comparison.

    ``comparison`` is :func:`analysis.compare.compare`'s result; without one,
    the comparison sections say so instead of showing data. ``sections``
    picks and orders sections (ids from :data:`SECTION_IDS`; None for all).
    ``styles`` default to the built-in categories and ``methodology`` to
    resources/methodology.md. ``concordance`` holds the patterns the user chose
    for the concordance section (:func:`concordance_blocks`).
    """
    chosen = normalise_sections(sections)
    styles = tuple(styles) if styles is not None else default_styles()
    outlets = corpus.outlets
    n = len(corpus.articles)
    subtitle = (
        f"{n} article{'s' if n != 1 else ''} from {len(outlets)} "
        f"outlet{'s' if len(outlets) != 1 else ''}"
    )
    if outlets:
        subtitle += ": " + ", ".join(outlets)
    if not title:
        title = "FrameLens comparison report"
    scores = outlet_scores(corpus)
    no_comparison = "No comparison is available for this report."
    built: list[Section] = []
    for sid in chosen:
        blocks: tuple[Block, ...]
        if sid == "key":
            blocks = _key_section(corpus, comparison)
        elif sid == "articles":
            blocks = _articles_section(corpus)
        elif sid == "summary":
            blocks = _summary_section(scores, corpus)
        elif sid == "charts":
            blocks = _charts_section(corpus, comparison)
        elif sid == "excerpts":
            legend = [s for s in styles if s.id != DIFFERENCE]
            blocks = _excerpts_section(corpus, legend, excerpt_sentences)
        elif sid == "concordance":
            blocks = concordance_blocks(corpus, comparison, concordance)
        elif sid == "methodology":
            blocks = _methodology_section(
                methodology if methodology is not None else default_methodology(), corpus
            )
        elif comparison is None:
            blocks = (Paragraph(no_comparison, note=True),)
        elif sid == "aligned":
            blocks = _aligned_section(comparison, corpus, aligned_groups)
        elif sid == "distinctive":
            blocks = _distinctive_section(comparison)
        elif sid == "labels":
            blocks = _labels_section(comparison)
        elif sid == "quotes":
            blocks = _quotes_section(comparison)
        else:  # frames
            blocks = _frames_section(comparison)
        built.append(Section(sid, SECTION_TITLES[sid], blocks))
    return ReportData(
        title=title,
        date=format_date(date or _dt.date.today()),
        subtitle=subtitle,
        sections=tuple(built),
        styles=styles,
    )
