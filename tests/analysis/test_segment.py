"""analysis.segment: sentences with offsets; lines that stand alone are sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.segment import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_prose_is_split_by_nupunkt_and_abbreviations_survive() -> None:
    text = "Mr. Vale met the mayor on Tuesday. They spoke for an hour! Was it enough?"
    assert sentences(text) == [
        "Mr. Vale met the mayor on Tuesday.",
        "They spoke for an hour!",
        "Was it enough?",
    ]


def test_headline_byline_caption_and_list_items_are_sentences() -> None:
    text = (
        "Harbour bridge to close for repairs\n"
        "By Ada Quill, Transport Reporter\n\n"
        "The bridge will shut in May. Ferries will run instead.\n"
        "Photo: the bridge at dawn\n\n"
        "What changes:\n"
        "- buses take the ring road\n"
        "- ferries run every ten minutes\n"
    )
    assert sentences(text) == [
        "Harbour bridge to close for repairs",
        "By Ada Quill, Transport Reporter",
        "The bridge will shut in May.",
        "Ferries will run instead.",
        "Photo: the bridge at dawn",
        "What changes:",
        "- buses take the ring road",
        "- ferries run every ten minutes",
    ]


def test_hard_wrapped_paragraph_is_joined_back() -> None:
    text = (
        "The council voted on Thursday to keep the old harbour bridge open\n"
        "for another two years while engineers study the cost of a full\n"
        "replacement. Critics said the delay was risky.\n"
    )
    assert sentences(text) == [
        "The council voted on Thursday to keep the old harbour bridge open\n"
        "for another two years while engineers study the cost of a full\n"
        "replacement.",
        "Critics said the delay was risky.",
    ]


def test_offsets_index_the_original_text_with_crlf_and_indents() -> None:
    text = "  Title line\r\n\r\n   First one. Second one.  \r\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Title line", "First one.", "Second one."]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n\t ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\t\r,“”'A")), max_size=120))
def test_spans_are_trimmed_ordered_and_cover_every_visible_character(text: str) -> None:
    spans = sentence_spans(text)
    covered = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        covered.update(range(start, end))
        last_end = end
    visible = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert visible <= covered


@pytest.mark.seeds
def test_seed_articles_split_into_plausible_sentences(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = sentences(text)
        assert len(found) >= 5, path.name
        # A sentence never spans a blank line.
        assert all("\n\n" not in s for s in found)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.!?,;:“”'\")(")), max_size=80))
# One sentence end, last (taken without nupunkt), or followed by more.
@example("He left the room.")
@example("Did he leave? ")
@example("He left the room.)")
@example("He said “go.”")
@example("He left. ")
@example("A. b")
def test_one_line_blocks_split_like_nupunkt(text: str) -> None:
    """nupunkt's sentences, some joined again where a boundary was false (never new ones)."""
    import nupunkt

    line = text.replace("\n", " ")
    theirs = [
        (s + len(line[s:e]) - len(line[s:e].lstrip()), s + len(line[s:e].rstrip()))
        for s, e in nupunkt.sent_spans(line)
        if line[s:e].strip()
    ]
    ours = sentence_spans(line)
    assert {s for s, _ in ours} <= {s for s, _ in theirs}
    assert {e for _, e in ours} <= {e for _, e in theirs}
    assert ours[0][0] == theirs[0][0] if theirs else not ours
    assert ours[-1][1] == theirs[-1][1] if theirs else not ours
