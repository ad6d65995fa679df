"""Tests for analysis.chartdata: every chart's data, in one order for screen and paper."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.chartdata import (
    frame_label,
    frames_chart,
    loaded_chart,
    sources_chart,
    subjectivity_chart,
)
from analysis.compare.results import OutletFrame, SpeakerCount
from tests.gui._dashboard_data import (
    make_comparison,
    make_corpus,
    make_outlet_table,
    with_custom_terms,
)


def test_subjectivity_keeps_every_sentence_per_outlet_in_corpus_order() -> None:
    corpus = make_corpus()
    chart = subjectivity_chart(corpus)
    assert [outlet for outlet, _ in chart.samples] == list(corpus.outlets)
    assert chart.samples_by_outlet()["Daily Ledger"] == [0.6, 0.5, 0.8]
    assert chart.rows == 3


def test_loaded_reads_the_outlet_table_columns_in_their_order() -> None:
    corpus = make_corpus()
    chart = loaded_chart(corpus, make_outlet_table(corpus))
    rates = chart.cells_by_outlet()
    assert rates["Daily Ledger"] == {"label": 32.3, "attribution": 32.3, "emotive": 32.2}
    assert [key for key, _ in chart.cells[1][1]] == ["label", "attribution", "emotive"]


def test_loaded_stacks_custom_categories_in_sorted_order_after_the_built_in_ones() -> None:
    from analysis.lexicon import CATEGORY_IDS

    chart = loaded_chart(with_custom_terms(make_corpus()))
    ledger = dict(chart.cells)["Daily Ledger"]
    keys = [key for key, _ in ledger]
    assert keys == [*CATEGORY_IDS, "custom:alpha", "custom:zeta"]
    words = make_corpus().articles[1].own_words
    assert dict(ledger)["custom:zeta"] == pytest.approx(1000 / words)
    assert dict(ledger)["label"] == 0.0


def test_frames_use_one_label_rule_for_codebook_and_other_ids() -> None:
    assert frame_label("public_opinion") == "Public opinion"
    assert frame_label("fairness") == "Fairness and equality"
    assert frame_label("civil_rights") == "Civil rights"
    comparison = make_comparison()
    chart = frames_chart(comparison)
    values = chart.cells_by_outlet()
    assert values["Harbour Herald"] == {"Economic": pytest.approx(2 / 3)}
    assert values["Daily Ledger"] == {
        "Economic": pytest.approx(1 / 3),
        "Fairness and equality": pytest.approx(1 / 3),
    }
    assert chart.rows == 3


def test_sources_add_up_quotations_of_one_speaker_and_skip_claims_only() -> None:
    comparison = make_comparison()
    speakers = (
        *comparison.quotes.speakers,
        SpeakerCount("Daily Ledger", "Lindqvist", 2, 12),
        SpeakerCount("Coastline Today", "Ahlberg", 0, 0),
    )
    comparison = dataclasses.replace(
        comparison, quotes=dataclasses.replace(comparison.quotes, speakers=speakers)
    )
    values = sources_chart(comparison).cells_by_outlet()
    assert values["Daily Ledger"] == {"Lindqvist": 3.0, "(unnamed)": 1.0}
    assert values["Coastline Today"] == {}


def test_frames_chart_lists_every_outlet_even_without_frames() -> None:
    comparison = make_comparison()
    frames = dataclasses.replace(
        comparison.frames,
        outlets=(OutletFrame("Harbour Herald", "economic", 1, 0.5, 1, 20.0),),
    )
    chart = frames_chart(dataclasses.replace(comparison, frames=frames))
    assert [outlet for outlet, _ in chart.cells] == list(comparison.outlets)


def test_subjectivity_leaves_quoted_sentences_out_as_the_outlet_table_does() -> None:
    from analysis.model import Corpus
    from analysis.tables import outlet_table

    corpus = make_corpus()
    first = corpus.articles[0]
    # The outlet's first sentence becomes a source's words.
    quoted = first.sentences[0]._replace(quoted=True)
    article = dataclasses.replace(first, sentences=(quoted, *first.sentences[1:]))
    corpus = Corpus(articles=(article, *corpus.articles[1:]))
    values = subjectivity_chart(corpus).samples_by_outlet()[first.outlet]
    assert values == [s.subjectivity for s in first.sentences[1:]]
    table = outlet_table(corpus)
    assert sum(values) / len(values) == pytest.approx(table.loc[first.outlet, "subjectivity"])


def test_subjectivity_keeps_an_outlet_that_only_quotes() -> None:
    from analysis.model import Corpus

    corpus = make_corpus()
    first = corpus.articles[0]
    sentences = tuple(s._replace(quoted=True) for s in first.sentences)
    corpus = Corpus(
        articles=(dataclasses.replace(first, sentences=sentences), *corpus.articles[1:])
    )
    values = subjectivity_chart(corpus).samples_by_outlet()[first.outlet]
    assert values == [s.subjectivity for s in first.sentences]
