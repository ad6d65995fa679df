"""Tests of analysis.compare.anchors and of how alignment uses anchors and aliases."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.compare import AlignedGroup, compare
from analysis.compare.align import (
    align,
    align_items,
    default_aliases,
    load_aliases,
    sentence_items,
)
from analysis.compare.anchors import sentence_anchors
from analysis.compare.tokens import TermMatcher
from analysis.errors import LexiconError
from analysis.model import Corpus
from tests.analysis.compare_corpus import CHARTER, make_corpus


def _outlets_with(groups: tuple[AlignedGroup, ...], needle: str) -> set[str]:
    for g in groups:
        if any(needle in m.text for m in g.members):
            return set(g.outlets)
    return set()


# --- anchor candidates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchors"),
    [
        ("a 9-point plan", ("9-point",)),
        ("the nine-point plan", ("9-point",)),
        ("the bridge cost $86,500 to paint", ("$86,500",)),
        ("40% of voters", ("40%",)),
        ("40 per cent of voters", ("40%",)),
        ("a $1.2 billion fund", ("$1.2 billion",)),
        ("about 3,000 sheep", ("3,000",)),
        ("a seven-term mayor", ("7-term",)),
    ],
)
def test_figures_in_normal_form(text: str, anchors: tuple[str, ...]) -> None:
    assert sentence_anchors(text) == anchors


def test_bare_numbers_and_years_are_not_anchors() -> None:
    assert sentence_anchors("On 12 May 2023, 300 people backed Bill 417 in three votes.") == ()


def test_anchor_offsets_limit_the_search() -> None:
    text = "A 14-point charter. A $5,000 fine."
    assert sentence_anchors(text, 0, 19) == ("14-point",)
    assert sentence_anchors(text, 20) == ("$5,000",)


# --- alignment with anchors ----------------------------------------------------------


def test_sentences_sharing_a_figure_form_one_group() -> None:
    comparison = compare(make_corpus(*CHARTER))
    assert _outlets_with(comparison.groups, "charter") == {
        "Harbour Gazette",
        "Valley Courier",
        "Northern Ledger",
    }
    (group,) = comparison.groups
    assert group.anchors == ("14-point",)
    assert group.similarity < comparison.threshold  # linked by the anchor, not the words


def test_the_same_sentences_without_the_figure_stay_apart() -> None:
    plain = tuple(
        (outlet, path, text.replace("14-point", "new").replace("fourteen-point", "new"))
        for outlet, path, text in CHARTER
    )
    assert compare(make_corpus(*plain)).groups == ()


def test_a_figure_an_article_repeats_everywhere_is_its_topic_not_an_anchor() -> None:
    topic = (
        "The 14-point charter is long. The 14-point charter is new. "
        "The 14-point charter is dull. The 14-point charter is late."
    )
    corpus = make_corpus(*((o, p, t + "\n\n" + topic) for o, p, t in CHARTER))
    alignment = align(corpus)
    assert alignment.shared_anchors == {}


def test_two_sentences_of_one_article_do_not_split_an_anchored_fact() -> None:
    # The Courier tells of the charter twice, once in the Gazette's words and once in
    # the Ledger's: pairing each with its twin would leave two groups on one fact.
    gazette = (
        "Harbour Gazette",
        "gazette.txt",
        "Officials in Varden released a 14-point charter urging an end to the dock strike.",
    )
    courier = (
        "Valley Courier",
        "courier.txt",
        "Officials in Varden released a 14-point charter urging an end to the strike.\n\n"
        "The harbour council published the fourteen-point charter on Monday evening.",
    )
    ledger = (
        "Northern Ledger",
        "ledger.txt",
        "A 14-point charter was published by the harbour council on Monday evening.",
    )
    groups = compare(make_corpus(gazette, courier, ledger)).groups
    assert len(groups) == 1
    assert set(groups[0].outlets) == {"Harbour Gazette", "Valley Courier", "Northern Ledger"}


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(3)))
def test_anchored_grouping_does_not_depend_on_article_order(order: list[int]) -> None:
    corpus = make_corpus(*CHARTER)
    shuffled = replace(corpus, articles=tuple(corpus.articles[i] for i in order))

    def texts(c: Corpus) -> set[frozenset[str]]:
        return {frozenset(m.text for m in g.members) for g in compare(c).groups}

    assert texts(shuffled) == texts(corpus)


# --- aliases -----------------------------------------------------------------------------


def test_capital_counts_as_its_country() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "Beijing urged both sides to resume grain exports through the strait."),
        ("B", "b.txt", "China urged both sides to resume grain exports through the strait."),
    )
    with_aliases = align(corpus)
    without = align(corpus, aliases=TermMatcher([]))
    assert with_aliases.pair(0, 1) == pytest.approx(1.0)
    assert without.pair(0, 1) < with_aliases.pair(0, 1)


def test_compare_and_realign_take_the_aliases() -> None:
    from analysis.compare import realign

    corpus = make_corpus(
        ("A", "a.txt", "Beijing urged both sides to resume grain exports through the strait."),
        ("B", "b.txt", "China urged both sides to resume grain exports through the strait."),
    )
    (with_aliases,) = compare(corpus).groups
    (without,) = compare(corpus, aliases=TermMatcher([])).groups
    assert without.similarity < with_aliases.similarity == pytest.approx(1.0)
    (again,) = realign(compare(corpus), corpus, threshold=0.5, aliases=TermMatcher([])).groups
    assert again.similarity == without.similarity


def test_name_compounds_are_split_and_initials_dropped() -> None:
    (item,) = sentence_items(
        make_corpus(("A", "a.txt", "Rep. Ada Rusk (R-Texas) backed the Norland-Veska treaty.")),
        aliases=default_aliases(),
    )
    assert {"norland", "veska", "texa"} <= set(item.stems)
    assert "r" not in item.stems


def test_alias_table_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("term\tcanonical\treason\nBeijing\tChina\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2"):
        load_aliases(path)


def test_items_without_anchors_are_aligned_on_words_alone() -> None:
    items = [replace(i, anchors=()) for i in sentence_items(make_corpus(*CHARTER))]
    assert align_items(items).groups == ()
