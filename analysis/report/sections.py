"""The report's sections: each turns the analysed corpus (and its comparison)
into a tuple of blocks (:mod:`analysis.report.document`).

The corpus sections (key differences, articles, per-outlet summary, charts,
highlighted excerpts) come first, then those that read the comparison
(aligned statements, distinctive words, labels, quotes, frames), then the
methodology (resources/methodology.md read by :mod:`analysis.report.markdown`).
The concordance is :mod:`analysis.report.concordance`'s.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.categories import DIFFERENCE, SUBJECTIVE
from analysis.model import AnalyzedArticle, Corpus, Highlight
from analysis.report.document import (
    Block,
    Bullets,
    CategoryStyle,
    Heading,
    HighlightedText,
    Legend,
    Paragraph,
    Span,
    Table,
    table_from_rows,
)
from analysis.report.markdown import methodology_blocks

if TYPE_CHECKING:
    from analysis.compare.results import Comparison, DiffSpan, Member

log = logging.getLogger(__name__)

#: How many sentences each article contributes to the highlighted excerpts.
EXCERPT_SENTENCES = 4
#: How many aligned statement groups a report shows at most.
MAX_ALIGNED_GROUPS = 12


# --------------------------------------------------------------------------- helpers


def _article_label(item: AnalyzedArticle) -> str:
    return item.article.display_title


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


# --------------------------------------------------------------------------- sections


def key_section(corpus: Corpus, comparison: Comparison | None) -> tuple[Block, ...]:
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


def articles_section(corpus: Corpus) -> tuple[Block, ...]:
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
        table_from_rows([columns[c] for c in keep], ([r[c] for c in keep] for r in rows))
    ]
    if corpus.errors:
        blocks.append(Paragraph("These inputs could not be read and are not in the report:"))
        blocks.append(
            table_from_rows(("Input", "Reason"), ((e.path, e.error) for e in corpus.errors))
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


def summary_section(scores: Sequence[OutletScores], corpus: Corpus) -> tuple[Block, ...]:
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
    table = table_from_rows(columns[:split], [row[:split] for row in rows])
    voice = table_from_rows(["Outlet", *columns[split:]], [[row[0], *row[split:]] for row in rows])
    terms = table_from_rows(
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


def charts_section(corpus: Corpus, comparison: Comparison | None) -> tuple[Block, ...]:
    """The dashboard's charts, their data from :mod:`analysis.chartdata` as on screen."""
    from analysis import chartdata

    blocks: list[Block] = [chartdata.subjectivity_chart(corpus), chartdata.loaded_chart(corpus)]
    if comparison is not None:
        for chart in (chartdata.frames_chart(comparison), chartdata.sources_chart(comparison)):
            if any(pairs for _, pairs in chart.cells):
                blocks.append(chart)
    return tuple(blocks)


def excerpts_section(
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
    blocks: list[Block] = [Heading("Headlines", 3), table_from_rows(columns, rows)]
    if without:
        blocks.append(Paragraph(f"No headline in the text of: {', '.join(without)}.", note=True))
    return blocks


def aligned_section(comparison: Comparison, corpus: Corpus, limit: int) -> tuple[Block, ...]:
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
        blocks.append(table_from_rows(("Outlet", "Statement"), rows))
    return tuple(blocks)


def distinctive_section(comparison: Comparison) -> tuple[Block, ...]:
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
    return table_from_rows(("Outlet", "Distinctive words"), rows)


def labels_section(comparison: Comparison) -> tuple[Block, ...]:
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
        blocks.append(table_from_rows(("Actor", "Outlet", "Described as"), rows))
    if labels.concepts:
        by_concept: dict[tuple[str, str], list[str]] = {}
        for c in labels.concepts:
            by_concept.setdefault((c.concept, c.outlet), []).append(f"{c.term} ({c.count})")
        blocks.append(Heading("Word choice for the same thing", 3))
        blocks.append(
            table_from_rows(
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


def quotes_section(comparison: Comparison) -> tuple[Block, ...]:
    quotes = comparison.quotes
    if not quotes.quotes and not quotes.outlets:
        return (Paragraph("No quotations were found.", note=True),)
    from analysis.compare.quotes import kind_label, kinds_summary, sources_frame

    kinds = kinds_summary(quotes)
    blocks: list[Block] = [
        table_from_rows(
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
            table_from_rows(
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
            table_from_rows(
                ("Outlet", "Source", "Kind", "Quotations", "Words", "Claims", "Only here"),
                (
                    (
                        r.outlet,
                        f"{r.source} ({r.role})" if r.role else r.source,
                        kind_label(r.kind, r.group),
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


def frames_section(comparison: Comparison) -> tuple[Block, ...]:
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
        table_from_rows(("Frame", *outlets), rows),
    )


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


def methodology_section(markdown: str, corpus: Corpus) -> tuple[Block, ...]:
    blocks = list(methodology_blocks(markdown))
    blocks.append(Heading("Limits"))
    blocks.append(Bullets(_LIMITS))
    if corpus.lexicons:
        blocks.append(Paragraph("Lexicons used: " + ", ".join(corpus.lexicons) + ".", note=True))
    return tuple(blocks)


def default_methodology() -> str:
    """The text of resources/methodology.md, or a short built-in summary if it is absent."""
    from analysis.resources import resources_dir

    try:
        return (resources_dir() / "methodology.md").read_text(encoding="utf-8")
    except OSError:
        log.warning("resources/methodology.md is missing; the report uses a short summary")
        return _FALLBACK_METHODOLOGY
