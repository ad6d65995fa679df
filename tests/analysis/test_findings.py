"""Key framing differences: every sentence is written from the analysis, with its numbers."""

from __future__ import annotations

import re

import pytest

from analysis.compare import compare
from analysis.compare.frames import FRAME_IDS, FRAME_LABELS
from analysis.findings import TOPICS, Finding, key_differences
from analysis.model import Corpus
from analysis.report import build_report_data
from tests.analysis.report_corpus import make_corpus


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture(scope="module")
def findings(corpus: Corpus) -> tuple[Finding, ...]:
    return key_differences(corpus, compare(corpus))


def test_each_outlet_has_its_facts_voices_and_loaded_language(
    corpus: Corpus, findings: tuple[Finding, ...]
) -> None:
    assert {f.topic for f in findings} <= set(TOPICS)
    for topic in ("Facts", "Whose voices", "Loaded language"):
        texts = [f.text for f in findings if f.topic == topic]
        for outlet in corpus.outlets:
            assert any(outlet in t for t in texts), (topic, outlet)


def test_unique_counts_match_the_comparison(corpus: Corpus, findings: tuple[Finding, ...]) -> None:
    comparison = compare(corpus)
    for outlet in corpus.outlets:
        n = sum(1 for u in comparison.unique if u.outlet == outlet)
        text = next(
            f.text
            for f in findings
            if f.topic == "Facts"
            and outlet in f.text
            and ("Only" in f.text or "Everything" in f.text)
        )
        if n:
            assert f"Only {outlet} reports {n} statement" in text
        else:
            assert text.startswith(f"Everything {outlet} reports")


def test_loaded_rates_are_computed_from_the_highlights(
    corpus: Corpus, findings: tuple[Finding, ...]
) -> None:
    for outlet in corpus.outlets:
        items = [a for a in corpus.articles if a.outlet == outlet]
        own = [
            h
            for a in items
            for h in a.highlights
            if h.kind == "loaded" and h.voice == "outlet" and not h.shared
        ]
        rate = 1000 * len(own) / sum(a.own_words for a in items)
        text = next(f.text for f in findings if f.topic == "Loaded language" and outlet in f.text)
        # The outlet's own voice only, as its scores count it.
        assert f"{rate:.1f} loaded terms per 1,000 words of its own" in text
        assert rate == pytest.approx(
            sum(a.loaded_count for a in items) * 1000 / sum(a.own_words for a in items)
        )


def test_frames_are_named_by_their_labels_never_ids(findings: tuple[Finding, ...]) -> None:
    for f in findings:
        words = set(re.findall(r"[a-z_]+", f.text))
        assert not {i for i in FRAME_IDS if "_" in i} & words
    frame_texts = [f.text for f in findings if f.topic == "Policy frames"]
    for text in frame_texts:
        assert text.split(":")[0] in FRAME_LABELS.values()


def test_examples_carry_one_pair_of_quotation_marks() -> None:
    from analysis.findings import _bare, _shorten

    assert _bare('"Quoted already," he said') == 'Quoted already," he said'
    assert _shorten("“" + "word " * 60 + "”").endswith("…")
    assert _bare("“common understandings”") == "common understandings"


def test_the_report_opens_with_the_key_differences(corpus: Corpus) -> None:
    data = build_report_data(corpus, compare(corpus))
    assert data.sections[0].id == "key"
    assert data.sections[0].title == "Key framing differences"
    assert data.sections[0].blocks


def test_without_a_comparison_only_loaded_language_is_said(corpus: Corpus) -> None:
    found = key_differences(corpus, None)
    assert found and {f.topic for f in found} == {"Loaded language"}



@pytest.mark.parametrize("quotes", [1, 2])
def test_loaded_terms_inside_quotations_are_counted_in_plain_words(quotes: int) -> None:
    from analysis.model import Article
    from analysis.score import analyze_article

    said = " ".join(['"It is an outrageous plan," a resident said.'] * quotes)
    text = f"The council approved the harbour bridge on Tuesday. {said} Work starts in May."
    article = analyze_article(Article(text=text, path="<test>", outlet="Harbour Gazette"))
    assert article.quoted_loaded_count == quotes
    (finding,) = key_differences(Corpus(articles=(article,)), None)
    assert f"({quotes} more inside quotations, the sources' words)" in finding.text
    assert "mores" not in finding.text
