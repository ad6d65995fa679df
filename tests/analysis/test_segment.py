"""analysis.segment: sentences with offsets; lines that stand alone are sentences."""

from __future__ import annotations

import time
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An acronym the sentence goes on from, with a lower-case or a capitalised word.
        (
            "The N.C.A.A. said on Monday that it would review the case. Officials declined.",
            ["The N.C.A.A. said on Monday that it would review the case.", "Officials declined."],
        ),
        (
            "The talks coincided with a visit by U.S. Secretary of State Ann Vale. She left.",
            ["The talks coincided with a visit by U.S. Secretary of State Ann Vale.", "She left."],
        ),
        # ... but an acronym does end a sentence before a word that starts one.
        (
            "He grew up in Washington, D.C. He moved west in 1990.",
            ["He grew up in Washington, D.C.", "He moved west in 1990."],
        ),
        # A party and state in brackets.
        (
            "Sen. Ann Vale (R-S.C.) said the bill was dead. Others disagreed.",
            ["Sen. Ann Vale (R-S.C.) said the bill was dead.", "Others disagreed."],
        ),
        (
            "The plan came from Rep. Tom Reed (D-Ark.). It failed.",
            ["The plan came from Rep. Tom Reed (D-Ark.).", "It failed."],
        ),
        (
            "He spoke beside Rep. Paul Ross (R-Wis.), who agreed. The vote was close.",
            ["He spoke beside Rep. Paul Ross (R-Wis.), who agreed.", "The vote was close."],
        ),
        # Titles, singular and plural.
        (
            "On Friday Gov. Asa Reed signed the bill. It takes effect in July.",
            ["On Friday Gov. Asa Reed signed the bill.", "It takes effect in July."],
        ),
        (
            "The letter was signed by Sens. Ann Vale and Tom Reed. Both are Democrats.",
            ["The letter was signed by Sens. Ann Vale and Tom Reed.", "Both are Democrats."],
        ),
        (
            "Asked about it, Ms. Vale said she would not run. The caucus was surprised.",
            ["Asked about it, Ms. Vale said she would not run.", "The caucus was surprised."],
        ),
        # A state abbreviation inside the sentence, and one ending it.
        (
            "The firm is based in Little Rock, Ark. and employs 900 people. It opened in 1962.",
            [
                "The firm is based in Little Rock, Ark. and employs 900 people.",
                "It opened in 1962.",
            ],
        ),
        (
            "The firm is based in Little Rock, Ark. It opened in 1962.",
            ["The firm is based in Little Rock, Ark.", "It opened in 1962."],
        ),
        # Middle initials.
        (
            "Former adviser Michael T. Flynn pleaded guilty. He is cooperating.",
            ["Former adviser Michael T. Flynn pleaded guilty.", "He is cooperating."],
        ),
        (
            "The director, James B. Comey, testified on Thursday. He said little.",
            ["The director, James B. Comey, testified on Thursday.", "He said little."],
        ),
    ],
)
def test_no_boundary_inside_abbreviations_titles_and_initials(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation over several sentences stays with the words saying who spoke.
        (
            '"We will win. We will win big," Vale said. The crowd cheered.',
            ['"We will win. We will win big," Vale said.', "The crowd cheered."],
        ),
        (
            "Vale told the crowd: “Life is not fair. The bad guy sometimes wins.” They laughed.",
            [
                "Vale told the crowd: “Life is not fair. The bad guy sometimes wins.”",
                "They laughed.",
            ],
        ),
        # The attribution after a question or an exclamation is not a new sentence.
        (
            '"Is the location right?" Walsh asked. He left.',
            ['"Is the location right?" Walsh asked.', "He left."],
        ),
        (
            '"Where are you going? Stop!" he recalled. Then he ran.',
            ['"Where are you going? Stop!" he recalled.', "Then he ran."],
        ),
        # A quotation that is a sentence of its own stays one.
        (
            "“It is wrong.” The Senate then voted.",
            ["“It is wrong.”", "The Senate then voted."],
        ),
    ],
)
def test_quoted_passage_over_several_sentences_stays_attributable(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_long_quotation_is_split_at_its_sentences() -> None:
    quote = " ".join(f"This is sentence number {n} of a long speech." for n in range(12))
    text = f"“{quote}” Vale said."
    assert len(sentences(text)) == 12


def test_quotation_left_open_does_not_swallow_the_paragraph() -> None:
    text = "“We will win. The others will not. That is all. Vale left the stage early."
    assert len(sentences(text)) == 4


def test_skipped_spans_are_cut_out_of_the_sentences() -> None:
    text = "The mayor opened the station. (Ann Vale/Reuters)\n\nDuration 1:45\n\nIt cost $9m."
    credit = text.index("(Ann")
    duration = text.index("Duration")
    skip = [(credit, credit + len("(Ann Vale/Reuters)")), (duration, duration + 13)]
    assert [text[s:e] for s, e in sentence_spans(text, skip)] == [
        "The mayor opened the station.",
        "It cost $9m.",
    ]


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


MB = 1024 * 1024
#: Quadratic splitting took 11 s on 100,000 characters of ")." (about 20 minutes
#: on a megabyte); linear splitting takes a few seconds on the worst shapes.
SEGMENT_BUDGET_S = 30.0
WORST_SHAPES = {
    "paren-period runs": ").",
    "spaced ellipses": ". . . ",
    "one huge sentence": "word ",
    "many abbreviations": "Mr. Dr. U.S. e.g. ",
    "initials": "A. ",
    "tiny sentences": "! .",
    "quoted fragments": '. "',
    "short quotations": '"He ran." ',
    "end marks": "?!",
}


@pytest.mark.parametrize("name", sorted(WORST_SHAPES))
def test_worst_case_megabytes_split_in_bounded_time(name: str) -> None:
    unit = WORST_SHAPES[name]
    text = unit * (MB // len(unit))
    started = time.process_time()
    spans = sentence_spans(text)
    assert time.process_time() - started < SEGMENT_BUDGET_S
    assert spans
    assert all(start < end for start, end in spans)


def test_a_run_of_sentence_ends_leaves_the_prose_around_it_alone() -> None:
    prose = "Mr. Vale met the mayor on Tuesday. They spoke for an hour! Was it enough?"
    run = ")." * 5000
    text = f"{prose} {run} {prose}"
    found = sentences(text)
    assert found[:2] == sentences(prose)[:2]
    assert found[-2:] == sentences(prose)[-2:]
    # The run and the words next to it are covered, whatever nupunkt makes of them.
    assert "".join(found).replace(" ", "") == text.replace(" ", "")


def test_urls_and_dotted_names_are_split_as_before() -> None:
    text = (
        "See https://example.org/2020/01/02/a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.html?x=1. "
        "The U.S.-N.A.T.O. talks went on. They ended."
    )
    assert sentences(text) == [
        "See https://example.org/2020/01/02/a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.html?x=1.",
        "The U.S.-N.A.T.O. talks went on.",
        "They ended.",
    ]
