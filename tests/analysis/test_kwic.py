"""Tests of analysis.kwic: the pattern language, contexts, voices, counts, sorting."""

from __future__ import annotations

import re

import pytest

from analysis.errors import PatternError
from analysis.kwic import (
    KwicCorpus,
    concordance,
    find_spans,
    parse_pattern,
    suggest_alternatives,
)
from analysis.model import Article
from tests.analysis.compare_corpus import STORY, story_corpus


def _corpus(*texts: tuple[str, str]) -> KwicCorpus:
    return KwicCorpus.from_articles(
        [Article(text=t, path=f"{n}.txt", outlet=o) for n, (o, t) in enumerate(texts)]
    )


def _found(pattern: str, text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_spans(parse_pattern(pattern), text)]


def test_a_word_matches_whole_words_in_any_case_and_only_that_form() -> None:
    text = "Invasion, invasions, the INVASION; pre-invasion talks; reinvasion."
    assert _found("invasion", text) == ["Invasion", "INVASION", "invasion"]


def test_a_phrase_matches_across_spaces_line_breaks_and_hyphens() -> None:
    text = "a special military operation, a special-military\noperation, special operations"
    assert _found("special military operation", text) == [
        "special military operation",
        "special-military\noperation",
    ]
    assert _found("cease-fire", "a cease fire, a cease-fire, a ceasefire") == [
        "cease fire",
        "cease-fire",
    ]


def test_a_lemma_matches_every_regular_inflection() -> None:
    text = "They invade, it invades, they invaded, invading now; an invader; invasion."
    assert _found("~invade", text) == ["invade", "invades", "invaded", "invading"]
    assert _found("~slam", "he slammed it; slams; slamming") == ["slammed", "slams", "slamming"]


def test_wildcards_inside_a_word_and_for_a_whole_word() -> None:
    text = "invaded invading invasion noninvasive ceasefire cease-fire"
    assert _found("invad*", text) == ["invaded", "invading"]
    assert _found("*sion", text) == ["invasion"]
    assert _found("c*f*re", text) == ["ceasefire"]
    assert _found("in*a*ing", text) == ["invading"]
    assert _found("special * operation", "a special military operation; special operation") == [
        "special military operation"
    ]


def test_alternatives_longest_match_wins_and_matches_never_overlap() -> None:
    pattern = parse_pattern("war | war crimes | conflict")
    text = "war crimes in the war; the conflict"
    spans = find_spans(pattern, text)
    assert [(text[s:e], pattern.terms[k].text) for s, e, k in spans] == [
        ("war crimes", "war crimes"),
        ("war", "war"),
        ("conflict", "conflict"),
    ]


def test_everything_but_the_syntax_is_literal() -> None:
    text = "a (a+)+$ b; U.S. and US; Putin’s plan; Putin's plan; $84,000"
    assert _found("(a+)+$", text) == ["(a+)+$"]
    assert _found("U.S.", text) == ["U.S."]
    assert _found("Putin's", text) == ["Putin’s", "Putin's"]
    assert _found("$84,000", text) == ["$84,000"]
    assert _found("a.c", "abc a.c") == ["a.c"]


def test_a_hostile_pattern_still_finds_what_it_should() -> None:
    word = "a" * 5000 + "b"
    assert _found("a*a*a*a*b", f"x {word} y") == [word]
    assert _found("a*a*a*a*c", f"x {word} y") == []


@pytest.mark.parametrize(
    "pattern",
    ["", "  |  ", "~", "in*.va", "*.x", "a b c d e f g h i", "*", "war | * *"],
)
def test_unreadable_patterns_raise_pattern_error(pattern: str) -> None:
    with pytest.raises(PatternError):
        parse_pattern(pattern)


def test_hits_carry_context_voice_and_offsets() -> None:
    text = 'The invasion began.\nOfficials said "the invasion must end" today.'
    result = concordance(_corpus(("Gazette", text)), "invasion", width=10)
    second_at = text.index("invasion", 5)
    assert [(h.start, h.end, h.voice) for h in result.hits] == [
        (4, 12, "outlet"),
        (second_at, second_at + 8, "quoted"),
    ]
    first, second = result.hits
    assert all(text[h.start : h.end] == h.match for h in result.hits)
    assert first.left == "The "
    # Line breaks collapse to spaces; the context is cut between words.
    assert first.right == " began."
    assert second.left == 'said "the '
    assert second.right == ' must end"'
    wide = concordance(_corpus(("Gazette", text)), "invasion", width=30).hits
    assert wide[0].right == ' began. Officials said "the'
    assert result.outlets[0].hits == 2 and result.outlets[0].quoted == 1


def test_counts_per_outlet_and_per_1000_own_words() -> None:
    gazette = "war " * 10 + '"war war" she said.'  # 14 words, 2 of them quoted
    courier = "peace and conflict " * 4  # 12 words
    result = concordance(_corpus(("Gazette", gazette), ("Courier", courier)), "war | conflict")
    counts = {o.outlet: o for o in result.outlets}
    assert counts["Gazette"].hits == 12 and counts["Gazette"].quoted == 2
    assert counts["Gazette"].own_words == 12
    assert counts["Gazette"].per_1000 == pytest.approx(1000 * 10 / 12, abs=0.001)
    assert counts["Courier"].hits == 4 and counts["Courier"].per_1000 == pytest.approx(
        1000 * 4 / 12, abs=0.001
    )
    assert result.table() == {
        "Gazette": {"war": 12, "conflict": 0},
        "Courier": {"war": 0, "conflict": 4},
    }


def test_hits_are_grouped_by_outlet_then_story_then_sorted() -> None:
    articles = [
        Article(text="zebra war one. apple war two.", path="a.txt", outlet="B"),
        Article(text="mango war three.", path="b.txt", outlet="A"),
        Article(text="kiwi war four.", path="c.txt", outlet="B"),
    ]
    corpus = KwicCorpus.from_articles(articles, stories=["s1", "s1", "s2"])
    result = concordance(corpus, "war")
    assert [(h.outlet, h.story, h.left.split()[-1]) for h in result.hits] == [
        ("B", "s1", "zebra"),
        ("B", "s1", "apple"),
        ("B", "s2", "kiwi"),
        ("A", "s1", "mango"),
    ]
    by_left = result.sorted_by("left")
    assert [h.left.split()[-1] for h in by_left.hits] == ["apple", "zebra", "kiwi", "mango"]
    by_right = result.sorted_by("right")
    assert [h.right.split()[0] for h in by_right.hits[:2]] == ["one.", "two."]
    assert concordance(corpus, "war", sort="left").hits == by_left.hits


def test_json_and_csv_rows_follow_the_schema() -> None:
    result = concordance(
        _corpus(
            ("Gazette", "=cmd war"),
        ),
        "war",
    )
    document = result.to_json()
    assert document["pattern"] == "war"
    assert set(document["hits"][0]) >= {
        "article", "outlet", "story", "start", "end", "left", "match", "right", "voice",
    }  # fmt: skip
    assert document["outlets"]["Gazette"]["hits"] == 1
    frame = result.to_frame()
    assert list(frame["left"]) == ["=cmd "]


def test_suggestions_come_from_the_story() -> None:
    from analysis.compare import compare

    corpus = story_corpus()
    suggestions = suggest_alternatives(corpus, compare(corpus))
    patterns = [s.pattern for s in suggestions]
    # The invented outlets call the same gathering by different words.
    assert any({"protesters", "rioters"} <= set(p.split(" | ")) for p in patterns), patterns
    for s in suggestions:
        terms = s.pattern.split(" | ")
        assert len(terms) >= 2
        texts = " ".join(text for _, _, text in STORY).lower()
        assert all(re.search(rf"\b{re.escape(t.lower())}\b", texts) for t in terms), s
    assert suggest_alternatives(corpus, None) == ()


def test_max_hits_lists_the_first_hits_and_counts_them_all() -> None:
    corpus = _corpus(("B", "war war war"), ("A", "war war"))
    result = concordance(corpus, "war", max_hits=3, sort="right")
    assert result.total == 5
    # The first three in outlet and text order, then sorted (empty right context first).
    assert [(h.outlet, h.start) for h in result.hits] == [("B", 8), ("B", 4), ("B", 0)]
    assert {o.outlet: o.hits for o in result.outlets} == {"B": 3, "A": 2}


def test_story_ids_come_from_the_comparisons_stories() -> None:
    from types import SimpleNamespace

    corpus = story_corpus()
    grouped = SimpleNamespace(
        articles=("a", "b", "c"),
        stories=(
            SimpleNamespace(id="story-1", articles=(0, 2)),
            SimpleNamespace(id="story-2", articles=(1,)),
        ),
    )
    prepared = KwicCorpus.from_corpus(corpus, grouped)  # type: ignore[arg-type]
    assert prepared.stories == ("story-1", "story-2", "story-1")
    hits = concordance(prepared, "bridge").hits
    assert {(h.outlet, h.story) for h in hits} == {
        ("Harbour Gazette", "story-1"),
        ("Valley Courier", "story-2"),
        ("Northern Ledger", "story-1"),
    }
    assert KwicCorpus.from_corpus(corpus, SimpleNamespace(articles=(), stories=())).stories == (
        None,
        None,
        None,
    )  # type: ignore[arg-type]
