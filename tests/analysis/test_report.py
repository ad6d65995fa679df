"""Tests for analysis.report: the report's content as immutable values."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from analysis.errors import ReportError
from analysis.model import Highlight
from analysis.report import (
    DIFFERENCE,
    SECTION_IDS,
    SUBJECTIVE,
    Bullets,
    Chart,
    Heading,
    HighlightedText,
    Legend,
    Paragraph,
    ReportData,
    Table,
    build_report_data,
    choose_highlights,
    format_date,
    methodology_blocks,
    normalise_sections,
    outlet_scores,
    parse_categories,
    spans_for,
)
from tests.analysis.report_corpus import HOSTILE_IMG, HOSTILE_TITLE, make_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture(scope="module")
def comparison(corpus):
    from analysis.compare import compare

    return compare(corpus)


@pytest.fixture(scope="module")
def data(corpus, comparison) -> ReportData:
    return build_report_data(corpus, comparison, date=dt.date(2026, 5, 3), methodology="# M\n\nx")


def blocks_of(data: ReportData, sid: str):
    return next(s for s in data.sections if s.id == sid).blocks


def test_all_sections_in_order_by_default(data):
    assert data.section_ids == SECTION_IDS
    assert data.date == "3 May 2026"
    assert data.subtitle.startswith("4 articles from 3 outlets: Harbour Gazette")


def test_sections_are_picked_and_put_in_report_order(corpus):
    data = build_report_data(corpus, None, sections=["methodology", "articles"], methodology="")
    assert data.section_ids == ("articles", "methodology")


def test_unknown_section_names_the_valid_ones():
    with pytest.raises(ReportError, match="'bogus'.*choose from key, articles"):
        normalise_sections(["articles", "bogus"])


def test_values_are_immutable(data):
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.title = "changed"  # type: ignore[misc]


def test_building_does_not_change_the_corpus(corpus, comparison):
    before = make_corpus()
    build_report_data(corpus, comparison, methodology="")
    assert corpus == before


def test_articles_table_keeps_article_strings_verbatim(data):
    table = blocks_of(data, "articles")[0]
    assert isinstance(table, Table)
    assert table.columns[:3] == ("#", "Outlet", "Title")
    assert table.rows[0][2] == HOSTILE_TITLE
    assert [r[1] for r in table.rows] == [
        "Harbour Gazette",
        "Valley Courier",
        "Northern Ledger",
        "Valley Courier",
    ]
    failures = blocks_of(data, "articles")[-1]
    assert isinstance(failures, Table) and failures.rows == (
        ("/tmp/broken.pdf", "The PDF holds only images (a scan)."),
    )


def test_summary_matches_the_outlet_table(corpus, data):
    from analysis.tables import outlet_table

    frame = outlet_table(corpus)
    scores = {s.outlet: s for s in outlet_scores(corpus)}
    for outlet, row in frame.iterrows():
        assert scores[outlet].subjectivity == pytest.approx(row["subjectivity"])
        assert scores[outlet].bias == pytest.approx(row["bias"])
        assert scores[outlet].loaded_per_1000 == pytest.approx(row["loaded_per_1000"])
        assert scores[outlet].words == row["words"]
    table = blocks_of(data, "summary")[0]
    assert isinstance(table, Table)
    from analysis.tables import bias_spread

    # The bias column is shown only where the estimate separates the outlets.
    assert ("Bias" in table.columns) is bias_spread(corpus).separates
    assert table.numeric[1:] == (True,) * (len(table.columns) - 1)


def test_charts_carry_the_dashboard_data(corpus, data):
    charts = [b for b in blocks_of(data, "charts") if isinstance(b, Chart)]
    kinds = [c.kind for c in charts]
    assert kinds[:2] == ["subjectivity", "loaded"]
    subjectivity = dict(charts[0].samples)
    assert len(subjectivity["Valley Courier"]) == sum(
        len(a.sentences) for a in corpus.articles if a.outlet == "Valley Courier"
    )
    loaded = dict(charts[1].cells)
    assert dict(loaded["Harbour Gazette"])["attribution"] > 0


def test_excerpts_rebuild_the_sentences_and_mark_terms(corpus, data):
    blocks = blocks_of(data, "excerpts")
    legend = next(b for b in blocks if isinstance(b, Legend))
    ids = [c.id for c in legend.categories]
    assert ids[0] == SUBJECTIVE and "attribution" in ids and DIFFERENCE not in ids
    passages = [b for b in blocks if isinstance(b, HighlightedText)]
    sentences = {
        a.article.text[s.start : s.end].strip() for a in corpus.articles for s in a.sentences
    }
    assert passages and all(p.text in sentences for p in passages)
    marked = {s.text: s.category for p in passages for s in p.spans if s.category}
    assert marked["slammed"] == "attribution"
    assert marked["so-called"] == "hedge"
    assert marked["wonderful"] == SUBJECTIVE
    reasons = [b for b in blocks if isinstance(b, Bullets)]
    assert any(
        "slammed: A loaded verb for criticising" in item for b in reasons for item in b.items
    )
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 3]
    assert HOSTILE_TITLE in headings


def test_hostile_text_stays_plain_text_in_excerpts(corpus):
    data = build_report_data(corpus, None, sections=["excerpts"], excerpt_sentences=10)
    texts = [b.text for b in data.sections[0].blocks if isinstance(b, HighlightedText)]
    assert any(HOSTILE_IMG in t and "&amp;" in t for t in texts)


def test_aligned_statements_mark_what_differs(data):
    blocks = blocks_of(data, "aligned")
    versions = [b for b in blocks if isinstance(b, HighlightedText)]
    assert {v.label for v in versions} >= {"Harbour Gazette", "Valley Courier"}
    assert any(v.note == "core sentence" for v in versions)
    differences = [s.text for v in versions for s in v.spans if s.category == DIFFERENCE]
    assert differences, "the differing words of at least one version are marked"


def test_without_a_comparison_the_comparison_sections_say_so(corpus):
    data = build_report_data(corpus, None, methodology="")
    for sid in ("aligned", "distinctive", "labels", "quotes", "frames"):
        (block,) = blocks_of(data, sid)
        assert "No comparison" in block.text  # type: ignore[union-attr]


def test_choose_highlights_prefers_loaded_and_never_overlaps():
    text = "a slammed b"
    subjective = Highlight(2, 9, "slammed", "subjective", "subjective", 0.9, "TextBlob")
    loaded = Highlight(2, 9, "slammed", "loaded", "attribution", 0.5, "loaded verb")
    inner = Highlight(4, 6, "am", "loaded", "emotive", 0.9, "x")
    chosen = choose_highlights([subjective, inner, loaded])
    assert chosen == (inner,) or chosen == (loaded,)
    spans = spans_for(text, 0, len(text), chosen)
    assert "".join(s.text for s in spans) == text
    assert choose_highlights([subjective, loaded]) == (loaded,)


def test_spans_clip_highlights_to_the_range():
    text = "one two three"
    h = Highlight(2, 7, "e two", "loaded", "label", 0.5, "r")
    spans = spans_for(text, 4, 13, (h,))
    assert [(s.text, s.category) for s in spans] == [("two", "label"), (" three", "")]


def test_parse_categories_reads_the_shipped_file_and_rejects_bad_rows():
    from analysis.resources import resource_path

    styles = parse_categories(resource_path("lexicons", "categories.tsv").read_text("utf-8"))
    assert {s.underline for s in styles} >= {"solid", "dash", "dot", "wave"}
    assert len({s.underline for s in styles}) == len(styles), "one underline per category"
    with pytest.raises(ReportError, match="row 2"):
        parse_categories("id\tlabel\tcolour\tunderline\tdescription\nx\tX\tred\tsolid\td\n")


def test_methodology_markdown_becomes_plain_blocks():
    markdown = (
        "# Title\n\nSome **bold** text\nwrapped.\n\n- one\n- [two](http://x)\n\n"
        "### Deeper\n\n| Score | Range |\n|---|:--:|\n| `bias` | 0-1 |\n"
    )
    blocks = methodology_blocks(markdown)
    assert blocks[0] == Heading("Title", 2)
    assert blocks[1].text == "Some bold text wrapped."  # type: ignore[union-attr]
    assert blocks[2] == Bullets(("one", "two"))
    assert blocks[3] == Heading("Deeper", 3)
    table = blocks[4]
    assert isinstance(table, Table)
    assert table.columns == ("Score", "Range") and table.rows == (("bias", "0-1"),)


def test_indented_formula_stays_one_code_paragraph():
    blocks = methodology_blocks("A number:\n\n    x = a + b\n           + c\n\nAfter.\n")
    assert blocks[1] == Paragraph("x = a + b\n       + c", code=True)
    assert blocks[2] == Paragraph("After.")


def test_format_date_has_no_locale():
    assert format_date(dt.date(2024, 12, 9)) == "9 December 2024"


def test_concordance_section_shows_the_chosen_terms_per_outlet() -> None:
    from tests.analysis.compare_corpus import story_corpus

    story = story_corpus()
    data = build_report_data(
        story, None, sections=["concordance"], concordance=["invasion | conflict", "bridge"]
    )
    (section,) = data.sections
    assert section.id == "concordance"
    headings = [b.text for b in section.blocks if isinstance(b, Heading)]
    assert headings == ["invasion | conflict", "bridge"]
    counts = next(b for b in section.blocks if isinstance(b, Table))
    assert counts.columns[-2:] == ("invasion", "conflict")
    rows = {r[0]: r for r in counts.rows}
    assert rows["Harbour Gazette"][-2:] == ("1", "0")
    assert rows["Valley Courier"][-2:] == ("0", "1")
    (chart,) = [b for b in section.blocks if isinstance(b, Chart)]
    assert chart.kind == "terms"
    assert dict(chart.cells)["Valley Courier"] == (("invasion", 0.0), ("conflict", 1.0))
    hits = [b for b in section.blocks if isinstance(b, Table) and b.columns[1] == "Left"]
    assert hits and all(
        row[2].lower() in ("invasion", "conflict", "bridge") for table in hits for row in table.rows
    )


def test_concordance_section_without_terms_says_how_to_choose() -> None:
    from tests.analysis.compare_corpus import story_corpus

    data = build_report_data(story_corpus(), None, sections=["concordance"])
    (section,) = data.sections
    assert any("No terms were chosen" in b.text for b in section.blocks if isinstance(b, Paragraph))
