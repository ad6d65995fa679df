"""Tests of analysis.compare.distinctive: weighted log-odds with an informative Dirichlet prior."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.compare.distinctive import (
    MIN_OUTLET_WORDS,
    MIN_Z,
    distinctive_notes,
    distinctive_terms,
    weighted_log_odds,
)
from tests.analysis.compare_corpus import make_corpus


def test_hand_computed_example() -> None:
    # y_i = {cats: 3, dogs: 1}, y_j = {cats: 1, dogs: 3}, alpha = {cats: 1, dogs: 1}:
    # n_i = n_j = 4, alpha_0 = 2.
    # delta_cats = log(4 / (4 + 2 - 4)) - log(2 / (4 + 2 - 2)) = log 2 - log 0.5 = 1.386294
    # var = 1/4 + 1/2 = 0.75, z = 1.386294 / 0.866025 = 1.600755
    scores = weighted_log_odds(
        {"cats": 3, "dogs": 1}, {"cats": 1, "dogs": 3}, {"cats": 1.0, "dogs": 1.0}
    )
    delta, z = scores["cats"]
    assert delta == pytest.approx(1.386294, abs=1e-6)
    assert z == pytest.approx(1.600755, abs=1e-6)
    assert scores["dogs"][1] == pytest.approx(-1.600755, abs=1e-6)


def test_hand_computed_example_with_unequal_prior() -> None:
    # y_i = {a: 5, b: 0}, y_j = {a: 1, b: 4}, alpha = {a: 0.5, b: 1.5}; n_i = 5, n_j = 5, a_0 = 2.
    # delta_a = log(5.5 / 1.5) - log(1.5 / 5.5) = 2 * log(11/3) = 2.598566
    # var = 1/5.5 + 1/1.5 = 0.848485, z = 2.598566 / 0.921132 = 2.821056
    delta, z = weighted_log_odds({"a": 5}, {"a": 1, "b": 4}, {"a": 0.5, "b": 1.5})["a"]
    assert delta == pytest.approx(2.598566, abs=1e-6)
    assert z == pytest.approx(2.821056, abs=1e-6)


def test_distinctive_terms_on_a_corpus() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "Cats cats cats dogs."),
        ("B", "b.txt", "Dogs dogs dogs cats."),
    )
    # Totals {cats: 4, dogs: 4}; prior_size 2 gives alpha = 1 each: the example above.
    terms = distinctive_terms(corpus, min_count=3, prior_size=2.0, min_z=0.0)
    assert [(t.outlet, t.term) for t in terms] == [("A", "cats"), ("B", "dogs")]
    # z = 1.60 does not pass the test the dashboard explains (z >= 1.96).
    assert distinctive_terms(corpus, min_count=3, prior_size=2.0) == ()
    cats = terms[0]
    assert cats.z == pytest.approx(1.600755, abs=1e-6)
    assert (cats.count, cats.other_count, cats.articles) == (3, 1, 1)
    assert [tuple(r) for r in cats.refs] == [(0, 0)]


def test_minimum_count_and_stopwords() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "The harbour flooded. The harbour closed. Boats waited."),
        ("B", "b.txt", "The market opened. Traders sold fish. The market closed."),
    )
    terms = distinctive_terms(corpus, min_count=2, min_z=0.0)
    assert {(t.outlet, t.term) for t in terms} == {("A", "harbour"), ("B", "market")}
    assert all(t.term != "the" for t in terms)


def test_nothing_for_a_single_outlet() -> None:
    corpus = make_corpus(("A", "a.txt", "Harbour harbour harbour."))
    assert distinctive_terms(corpus) == ()


@given(
    st.dictionaries(st.sampled_from("abcde"), st.integers(0, 20), min_size=5, max_size=5),
    st.dictionaries(st.sampled_from("abcde"), st.integers(0, 20), min_size=5, max_size=5),
)
def test_swapping_sides_negates_the_scores(focus: dict[str, int], rest: dict[str, int]) -> None:
    prior = {w: 0.5 + focus[w] + rest[w] for w in "abcde"}
    forward = weighted_log_odds(focus, rest, prior)
    backward = weighted_log_odds(rest, focus, prior)
    for word in "abcde":
        assert forward[word][1] == pytest.approx(-backward[word][1], abs=1e-9)
        assert math.isfinite(forward[word][1])


def _repeat(sentence: str, times: int) -> str:
    return " ".join([sentence] * times)


def test_only_words_at_or_above_z_196_are_listed() -> None:
    corpus = make_corpus(
        ("A", "a.txt", _repeat("The regime crushed the harbour strike.", 12)),
        ("B", "b.txt", _repeat("The government ended the harbour strike.", 12)),
    )
    terms = distinctive_terms(corpus)
    assert MIN_Z == 1.96
    assert terms and all(t.z >= 1.96 for t in terms)
    assert {(t.outlet, t.term) for t in terms} >= {("A", "regime"), ("B", "government")}
    assert all(t.term not in ("harbour", "strike") for t in terms)  # both use them alike


def test_names_and_calendar_words_are_never_framing() -> None:
    corpus = make_corpus(
        ("A", "a.txt", _repeat("On Monday the regime of Lukashenko crushed a strike in May.", 12)),
        ("B", "b.txt", _repeat("The government ended the strike, officials said.", 12)),
    )
    listed = {t.term for t in distinctive_terms(corpus)}
    assert "regime" in listed
    assert not listed & {"lukashenko", "monday", "may"}
    # Asked for, names come back (days and months never do).
    assert "lukashenko" in {t.term for t in distinctive_terms(corpus, names=True)}


def test_a_word_starting_sentences_is_not_taken_for_a_name() -> None:
    corpus = make_corpus(
        ("A", "a.txt", _repeat("Regime forces crushed the strike. The regime won.", 10)),
        ("B", "b.txt", _repeat("Government forces ended the strike. The government won.", 10)),
    )
    assert "regime" in {t.term for t in distinctive_terms(corpus)}


def test_an_outlet_with_too_little_text_is_said_to_be_so() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "The regime crushed the harbour strike."),
        ("B", "b.txt", "The government ended the harbour strike."),
    )
    terms = distinctive_terms(corpus)
    assert terms == ()
    notes = distinctive_notes(corpus, terms)
    assert [n.outlet for n in notes] == ["A", "B"]
    assert all(n.words < MIN_OUTLET_WORDS and "Too little text" in n.note for n in notes)


def test_an_outlet_like_the_others_is_said_to_be_so() -> None:
    text = _repeat("Harbour workers ended a strike over wages and pensions.", 200)
    corpus = make_corpus(("A", "a.txt", text), ("B", "b.txt", text))
    notes = distinctive_notes(corpus, distinctive_terms(corpus))
    assert len(notes) == 2 and all("like the others" in n.note for n in notes)
    assert all(n.words >= MIN_OUTLET_WORDS for n in notes)


def test_no_notes_for_a_single_outlet() -> None:
    corpus = make_corpus(("A", "a.txt", "Harbour harbour harbour."))
    assert distinctive_notes(corpus, ()) == ()
