"""Tests of analysis.compare: alignment, word diff, unique statements, JSON, order independence."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.compare import DEFAULT_THRESHOLD, Comparison, compare, comparison_to_json
from analysis.compare.align import align
from analysis.compare.diff import group_diff
from analysis.compare.tokens import TermMatcher
from analysis.errors import CancelledError
from analysis.model import Corpus
from tests.analysis.compare_corpus import make_corpus, seed_corpus, story_corpus


def group_texts(comparison: Comparison) -> set[frozenset[tuple[str, str]]]:
    """Groups as sets of (path, sentence text): independent of article order."""
    return {
        frozenset((comparison.articles[m.article], m.text) for m in g.members)
        for g in comparison.groups
    }


def find_group(comparison: Comparison, *needles: str) -> set[str]:
    """Outlets of the group holding a sentence with each needle (empty set if none)."""
    for g in comparison.groups:
        if all(any(n in m.text for m in g.members) for n in needles):
            return set(g.outlets)
    return set()


# --- hand-made cases ---------------------------------------------------------------


def test_same_fact_in_three_outlets_is_one_group() -> None:
    comparison = compare(story_corpus())
    assert find_group(comparison, "opened the Varden", "bridge opened on Tuesday") == {
        "Harbour Gazette",
        "Valley Courier",
        "Northern Ledger",
    }


def test_group_members_come_from_different_outlets_one_per_article() -> None:
    for g in compare(story_corpus()).groups:
        assert len(set(g.outlets)) >= 2
        assert len({m.article for m in g.members}) == len(g.members)


def test_member_spans_point_into_the_article_text() -> None:
    corpus = story_corpus()
    for g in compare(corpus).groups:
        for m in g.members:
            assert corpus.articles[m.article].article.text[m.start : m.end] == m.text


def test_added_appositive_is_marked_added() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "Norland, a firm Veskan ally, has called for a truce in the valley war."),
        ("B", "b.txt", "Norland has called for a truce in the valley war."),
    )
    comparison = compare(corpus)
    assert len(comparison.groups) == 1
    group = comparison.groups[0]
    outlet_a = group.outlets.index("A")
    added = [s.text for s in group.diff[outlet_a] if s.op == "added"]
    assert added == [", a firm Veskan ally,"]
    outlet_b = group.outlets.index("B")
    assert {s.op for s in group.diff[outlet_b]} == {"same"}


def test_diff_spans_cover_every_word_in_order() -> None:
    corpus = story_corpus()
    for g in compare(corpus).groups:
        for m, spans in zip(g.members, g.diff, strict=True):
            text = corpus.articles[m.article].article.text
            assert [s.start for s in spans] == sorted(s.start for s in spans)
            assert all(text[s.start : s.end] == s.text for s in spans)
            covered = "".join(s.text for s in spans).replace(" ", "")
            assert covered == m.text.replace(" ", "")


def test_group_diff_marks_changed_wording_and_dropped_words() -> None:
    texts = ["Rioters stormed the old market.", "Protesters stormed the market."]
    spans = [(0, len(texts[0])), (0, len(texts[1]))]
    diffs, dropped = group_diff(texts, spans, core=1)
    assert [(s.text, s.op) for s in diffs[0]] == [
        ("Rioters", "changed"),
        ("stormed the", "same"),
        ("old", "added"),
        ("market.", "same"),
    ]
    assert [(s.text, s.op) for s in diffs[1]] == [
        ("Protesters", "changed"),
        ("stormed the market.", "same"),
    ]
    assert dropped == (("Protesters",), ())


def test_dropped_passages_start_and_end_on_words() -> None:
    # A passage cut at a quotation mark read as garbage in the report:
    # “The "” / “" published by the council…”.
    texts = [
        'The "ten-point plan" issued by the council urges respect for the "rights of all tenants".',
        "The mayor issued a 10-point plan to end the strike on Friday.",
    ]
    spans = [(0, len(texts[0])), (0, len(texts[1]))]
    _, dropped = group_diff(texts, spans, core=0)
    assert dropped[1]
    for passage in dropped[1]:
        assert passage[0].isalnum() and passage[-1].isalnum(), passage


def test_unique_lists_what_only_one_outlet_reports() -> None:
    comparison = compare(story_corpus())
    unique = {(u.outlet, u.text) for u in comparison.unique}
    assert ("Northern Ledger", "Tourists crowded the new cafes along the quay.") in unique
    grouped = {m.text for g in comparison.groups for m in g.members}
    assert not grouped & {text for _, text in unique}


def test_no_unique_statements_with_a_single_outlet() -> None:
    corpus = make_corpus(("A", "a.txt", "The river rose three metres overnight."))
    assert compare(corpus).unique == ()


def test_a_higher_threshold_gives_fewer_groups() -> None:
    corpus = story_corpus()
    low = compare(corpus, threshold=0.2)
    high = compare(corpus, threshold=0.8)
    assert len(high.groups) < len(low.groups)
    assert all(g.similarity >= 0.8 for g in high.groups)


def test_unrelated_sentences_are_not_grouped() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "The orchestra played three symphonies to a full hall."),
        ("B", "b.txt", "Farmers expect a poor wheat harvest after the dry spring."),
    )
    assert compare(corpus).groups == ()


def test_concept_groups_make_synonyms_meet() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "The war resumed along the northern border of Veska at dawn."),
        ("B", "b.txt", "Hostilities resumed along the northern border of Veska at dawn."),
    )
    with_concepts = align(corpus)
    without = align(corpus, concepts=TermMatcher([]))
    assert with_concepts.pair(0, 1) > without.pair(0, 1)


def test_chaining_is_stopped_by_the_complete_link_check() -> None:
    # A~B and B~C share different halves; A and C share nothing.
    corpus = make_corpus(
        ("A", "a.txt", "Dockers in Varden walked out over pay."),
        (
            "B",
            "b.txt",
            "Dockers in Varden walked out over pay while ferries to Ostby stopped at noon.",
        ),
        ("C", "c.txt", "Ferries to Ostby stopped at noon."),
    )
    groups = compare(corpus, threshold=0.3).groups
    assert len(groups) == 1
    assert "B" in groups[0].outlets and len(groups[0].outlets) == 2


def test_progress_and_cancel() -> None:
    seen: list[tuple[int, int]] = []
    compare(story_corpus(), progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    with pytest.raises(CancelledError):
        compare(story_corpus(), cancel=lambda: True)


def test_compare_does_not_mutate_and_is_repeatable() -> None:
    corpus = story_corpus()
    before = repr(corpus)
    assert compare(corpus) == compare(corpus)
    assert repr(corpus) == before


def test_empty_corpus() -> None:
    comparison = compare(Corpus())
    assert comparison.groups == () and comparison.unique == () and comparison.distinctive == ()
    json.dumps(comparison_to_json(comparison))


def test_default_threshold_matches_the_command() -> None:
    from analysis.commands import compare as command

    assert command.DEFAULT_THRESHOLD == DEFAULT_THRESHOLD


# --- JSON ----------------------------------------------------------------------------


def test_json_schema_and_paths_as_given() -> None:
    corpus = story_corpus()
    document = comparison_to_json(compare(corpus), corpus)
    json.dumps(document)  # serialisable
    assert set(document) >= {"groups", "unique", "distinctive", "labels", "quotes", "frames"}
    paths = {a.article.path for a in corpus.articles}
    group = document["groups"][0]
    assert set(group["members"][0]) >= {"article", "start", "end", "text"}
    assert all(isinstance(a, str) for g in document["groups"] for a in g["anchors"])
    assert all(m["article"] in paths for g in document["groups"] for m in g["members"])
    assert len(group["diff"]) == len(group["members"])
    assert {s["op"] for d in group["diff"] for s in d["spans"]} <= {"same", "added", "changed"}
    assert all(u["article"] in paths for u in document["unique"])
    assert set(document["frames"]) == set(corpus.outlets)
    assert "economic" in document["frames"]["Harbour Gazette"]
    voss = document["quotes"]["outlets"]["Harbour Gazette"]["speakers"]["Elena Voss"]
    assert voss["quotes"] == 1 and voss["kind"] == "person"
    quote = document["quotes"]["quotes"][0]
    assert set(quote) >= {"speaker", "speaker_role", "speaker_kind", "direct"}


# --- properties ------------------------------------------------------------------------

_STORY = story_corpus()


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(_STORY.articles))))
def test_grouping_does_not_depend_on_article_order(order: list[int]) -> None:
    shuffled = replace(_STORY, articles=tuple(_STORY.articles[i] for i in order))
    assert group_texts(compare(shuffled)) == group_texts(compare(_STORY))


@pytest.mark.seeds
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(4)))
def test_seed_grouping_does_not_depend_on_article_order(seeds_dir: Path, order: list[int]) -> None:
    corpus = _seeds(seeds_dir)
    shuffled = replace(corpus, articles=tuple(corpus.articles[i] for i in order))
    assert group_texts(compare(shuffled)) == group_texts(compare(corpus))


# --- the real seed articles ------------------------------------------------------------

_SEED_CACHE: dict[Path, Corpus] = {}


def _seeds(seeds_dir: Path) -> Corpus:
    if seeds_dir not in _SEED_CACHE:
        _SEED_CACHE[seeds_dir] = seed_corpus(seeds_dir)
    return _SEED_CACHE[seeds_dir]


def _is_plan_sentence(text: str) -> bool:
    return "12-point" in text or "twelve-point" in text


@pytest.mark.seeds
def test_seeds_twelve_point_plan_sentences_form_one_group(seeds_dir: Path) -> None:
    # The three outlets word the plan's release differently and share few words
    # (similarity under the default threshold); the anchor "12-point" = "twelve-point"
    # brings them together.
    comparison = compare(_seeds(seeds_dir))
    plan_groups = [
        g for g in comparison.groups if any(_is_plan_sentence(m.text) for m in g.members)
    ]
    assert len(plan_groups) == 1
    group = plan_groups[0]
    assert {"CNN", "CBC News", "BBC News"} <= set(group.outlets)
    assert all(_is_plan_sentence(m.text) for m in group.members)
    assert "12-point" in group.anchors


@pytest.mark.seeds
def test_seeds_twelve_point_plan_is_not_grouped_without_anchors(seeds_dir: Path) -> None:
    # The same sentences on word overlap alone stay apart: the anchor does the work.
    from analysis.compare.align import align_items, default_aliases, sentence_items
    from analysis.compare.labels import default_concepts

    found = sentence_items(
        _seeds(seeds_dir), concepts=default_concepts(), aliases=default_aliases()
    )
    items = [replace(item, anchors=()) for item in found]
    alignment = align_items(items)
    for group in alignment.groups:
        outlets = {alignment.items[k].outlet for k in group}
        plan = all(_is_plan_sentence(alignment.items[k].text) for k in group)
        assert not (plan and {"CNN", "CBC News", "BBC News"} <= outlets)


@pytest.mark.seeds
def test_seeds_joint_statement_is_aligned_across_cnn_and_bbc(seeds_dir: Path) -> None:
    comparison = compare(_seeds(seeds_dir))
    assert any(
        {"CNN", "BBC News"} <= set(g.outlets) and all("concern" in m.text for m in g.members)
        for g in comparison.groups
    )


@pytest.mark.seeds
def test_seeds_all_outlets_have_unique_statements(seeds_dir: Path) -> None:
    comparison = compare(_seeds(seeds_dir))
    assert {u.outlet for u in comparison.unique} == set(comparison.outlets)


def test_comparison_survives_pickling() -> None:
    import pickle

    comparison = compare(story_corpus())
    assert pickle.loads(pickle.dumps(comparison)) == comparison


def test_realign_equals_a_full_comparison_at_the_new_threshold() -> None:
    from analysis.compare import realign

    corpus = story_corpus()
    assert realign(compare(corpus), corpus, threshold=0.7) == compare(corpus, threshold=0.7)


def test_compare_stops_when_cancelled_during_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing the window mid-comparison must not wait for the whole alignment."""
    import importlib

    from analysis.errors import CancelledError

    # The package exports a function named ``align``: fetch the module itself.
    monkeypatch.setattr(importlib.import_module("analysis.compare.align"), "CANCEL_EVERY", 1)

    corpus = _cancel_corpus()
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2  # let the first steps pass, then ask to stop

    with pytest.raises(CancelledError):
        compare(corpus, cancel=cancel)
    assert len(calls) == 3  # it stopped at the first check after the request


def _cancel_corpus() -> Corpus:
    from analysis.model import AnalyzedArticle, Article, SentenceScore

    articles = []
    for k, outlet in enumerate(("North Post", "South Herald", "East Ledger")):
        text = " ".join(
            f"The council in town {k} voted on plan number {n} for the harbour and its workers."
            for n in range(6)
        )
        spans, start = [], 0
        while start < len(text):
            end = text.find(".", start) + 1
            spans.append(SentenceScore(start, end, 0.0, 0.0, 0.0))
            start = end + 1
        articles.append(
            AnalyzedArticle(
                Article(text=text, path=f"{outlet}.txt", outlet=outlet), tuple(spans), (), (), 90
            )
        )
    return Corpus(tuple(articles))


# --- headlines and page furniture ----------------------------------------------------


def _furnished_corpus() -> Corpus:
    """Two invented reports with headlines, a byline, a credit and a video block."""
    from analysis.load import load_text
    from analysis.pipeline import analyze

    gazette = load_text(
        "Mayor opens Varden bridge after six years\n\n"
        "- Ada Quill\n\n"
        "Mayor Elena Voss opened the Varden bridge on Tuesday after six years of work.\n\n"
        "A woman in a red coat cuts a ribbon on a bridge\n"
        "Voss cuts the ribbon on Tuesday. (Arno Pell/The Associated Press)\n\n"
        "WATCH | The opening:\n\nVarden bridge opens\n\n2 days ago\nDuration 1:10\n"
        "Crowds watch the first cars cross the new bridge.",
        path="gazette.txt",
        outlet="Harbour Gazette",
    )
    courier = load_text(
        "Varden bridge opens, six years late\n\n"
        "Elena Voss opened the Varden bridge on Tuesday after six years of work.\n\n"
        "Advertisement\n\n"
        "Critics said the bridge cost far too much.",
        path="courier.txt",
        outlet="Valley Courier",
    )
    return analyze([gazette, courier], workers=1)


def test_headlines_are_compared_in_their_own_row_not_as_statements() -> None:
    corpus = _furnished_corpus()
    comparison = compare(corpus)
    assert [(h.outlet, h.text) for h in comparison.headlines] == [
        ("Harbour Gazette", "Mayor opens Varden bridge after six years"),
        ("Valley Courier", "Varden bridge opens, six years late"),
    ]
    for h in comparison.headlines:
        assert h.start is not None and h.end is not None
        assert corpus.articles[h.article].article.text[h.start : h.end] == h.text
    statements = [m.text for g in comparison.groups for m in g.members]
    statements += [u.text for u in comparison.unique]
    assert not any("Varden bridge opens" in s or "after six years\n" in s for s in statements)
    document = comparison_to_json(comparison, corpus)
    first = document["headlines"][0]
    assert {k: first[k] for k in ("article", "outlet", "text", "start", "end")} == {
        "article": "gazette.txt",
        "outlet": "Harbour Gazette",
        "text": "Mayor opens Varden bridge after six years",
        "start": 0,
        "end": 41,
    }
    assert set(first) == {
        "story", "article", "outlet", "text", "start", "end", "subjectivity", "polarity",
        "loaded",
    }  # fmt: skip
    assert first["story"] == document["stories"][0]["id"]


def test_page_furniture_is_in_no_group_unique_list_or_distinctive_word() -> None:
    corpus = _furnished_corpus()
    comparison = compare(corpus, min_count=1)
    statements = [m.text for g in comparison.groups for m in g.members]
    statements += [u.text for u in comparison.unique]
    assert "Voss cuts the ribbon on Tuesday." in statements  # the caption stays
    for furniture in ("Ada Quill", "Arno Pell", "Duration", "days ago", "WATCH", "red coat",
                      "Crowds watch", "Advertisement", "Varden bridge opens\n"):  # fmt: skip
        assert not any(furniture in s for s in statements), furniture
    terms = {t.term for t in comparison.distinctive}
    assert not terms & {"quill", "pell", "duration", "watch", "advertisement", "associated"}
    assert corpus.articles[0].article.author == "Ada Quill"


def test_a_declared_title_is_a_headline_without_a_span() -> None:
    from analysis.load import load_text
    from analysis.pipeline import analyze

    corpus = analyze(
        [
            load_text("The bridge opened on Tuesday.", path="a.txt", outlet="A", title="Bridge"),
            load_text("The bridge opened on Tuesday.", path="b.txt", outlet="B"),
        ],
        workers=1,
    )
    assert [(h.text, h.start, h.end) for h in compare(corpus).headlines] == [("Bridge", None, None)]


def test_every_headline_is_scored_the_same_way_in_the_text_or_not() -> None:
    from analysis.load import load_text
    from analysis.pipeline import analyze
    from analysis.score import score_line

    title = "Critics slam outrageous bridge deal"
    body = "The bridge opened on Tuesday after six years of work."
    corpus = analyze(
        [
            load_text(f"{title}\n\n{body}", path="a.txt", outlet="A"),
            load_text(body, path="b.txt", outlet="B", title=title),
        ],
        workers=1,
    )
    in_text, declared = compare(corpus).headlines
    assert in_text.start == 0 and declared.start is None
    expected = score_line(title)
    for h in (in_text, declared):
        assert (h.subjectivity, h.polarity, h.loaded) == tuple(expected)
    assert "slam" in expected.loaded and expected.subjectivity > 0
