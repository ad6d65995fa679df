"""Speakers' names as a reader reads them: first names, title-case headlines,
sentence openers and titles run into a name. The sentences are our own."""

from __future__ import annotations

import pytest

from analysis.compare.names import clean_name, title_case_line
from analysis.compare.quotes import quotes
from analysis.compare.quotes.speakers import _organisation_word
from analysis.compare.results import Quote
from analysis.compare.sources import given_names
from tests.analysis.compare_corpus import make_corpus


def _direct(text: str) -> list[Quote]:
    return [q for q in quotes(make_corpus(("A", "a.txt", text))).quotes if q.direct]


def test_given_names_come_from_the_census_lists_with_a_reason() -> None:
    names = given_names()
    assert names["peter"] == "he"
    assert names["ada"] == "she"
    # Shared names and family names that come first decide nothing.
    assert "kelly" not in names
    assert "lin" not in names
    assert "li" not in names


def test_she_skips_a_man_named_by_his_first_name() -> None:
    text = (
        "Peter Brand endorsed Paul Rusk last week. Rusk stood beside him on the stage.\n\n"
        "To the port historian Ada Linde, Rusk's stare seemed to reflect sadness.\n\n"
        "“It looked like heartbreak,” she said."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Ada Linde"


def test_he_skips_a_woman_named_by_her_first_name() -> None:
    text = (
        "Ada Linde opened the hall on Monday.\n\n"
        "The crowd heard the words of Peter Brand at the harbour in 1865.\n\n"
        "He concluded, “Let us finish the work we are in.”"
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Peter Brand"


def test_a_man_title_leans_but_does_not_decide() -> None:
    # "spokesman" is said of women too: it never outweighs her first name.
    text = (
        "Peter Brand said the group raised no money. Port spokesman Ada Linde confirmed "
        "that the group was set up on its own.\n\n"
        "“They are not part of the port,” she said."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Ada Linde"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Following Rusk", "Rusk"),
        ("Neither Ada Rusk", "Ada Rusk"),
        ("Regarding Rusk", "Rusk"),
        ("Although Rusk", "Rusk"),
        # A participle that is a name's own word stays.
        ("Playing Field Promotions", "Playing Field Promotions"),
        ("Morning Consult", "Morning Consult"),
        ("Sterling Brand", "Sterling Brand"),
    ],
)
def test_a_sentence_opener_is_not_part_of_the_name(raw: str, name: str) -> None:
    assert clean_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("New York City Public Advocate Ada Linde", "Ada Linde"),
        ("Republican Ada Todd Linde", "Ada Todd Linde"),
        ("Navy SEAL Peter Brand", "Peter Brand"),
        # A place, an initial or a body stops the reading.
        ("South Carolina Republican", "South Carolina Republican"),
        ("J. Peter Brand", "J. Peter Brand"),
        ("Great Harbour PAC", "Great Harbour PAC"),
        ("Secure America Now", "Secure America Now"),
        ("Mary Ann Linde", "Mary Ann Linde"),
    ],
)
def test_capitals_before_a_given_name_are_a_title(raw: str, name: str) -> None:
    assert clean_name(raw) == name


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Linde Endorses Peter Brand With Ada Rusk’s Blessing.", True),
        ("Why Fishermen Are Celebrating Ada Rusk’s Harbour Speech", True),
        # Many names, but a verb in lower case: a sentence.
        ("Senator Ivo Brand and Senator Ada Rusk met on Monday.", False),
        ("Ada Rusk said no.", False),
    ],
)
def test_title_case_lines_are_headlines(line: str, headline: bool) -> None:
    assert title_case_line(line) is headline


def test_a_title_case_headline_names_nobody() -> None:
    text = (
        "Linde Endorses Peter Brand With Rusk’s Blessing.\n\n"
        "Harbour master Ada Rusk has yet to back the plan.\n\n"
        "Rusk told the Gazette, “I like Peter, but these are hard times.”"
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Ada Rusk"


def test_a_long_title_before_the_name_keeps_the_name_whole() -> None:
    text = (
        "Former Norland State Senator Dr. Ada Linde called for a new harbour board.\n\n"
        "Dr. Linde stated:\n\n"
        "“The board has failed the town.”"
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("Ada Linde", "person")


def test_a_day_is_never_he_or_she() -> None:
    text = (
        "Peter Brand voted early. Ada Linde did not.\n\n"
        "Election Day came and went.\n\n"
        "“It was quiet,” he said."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Peter Brand"


def test_two_single_quotes_quote_and_the_cue_after_them_names_the_speaker() -> None:
    # News archives write the double quote as two single quotes.
    text = (
        "Ivo Brand spoke first.\n\n"
        "''Brand put the plan down quite a bit,'' said Ada Rusk, a port official. "
        "''There was a lot of combustion.''"
    )
    assert [(q.text, q.speaker) for q in _direct(text)] == [
        ("Brand put the plan down quite a bit", "Ada Rusk"),
        ("There was a lot of combustion.", "Ada Rusk"),
    ]


def test_they_before_a_quote_names_no_one() -> None:
    text = (
        "Ada Rusk spoke at the rally.\n\n"
        "As they walked down Broad Street, they chanted “no justice, no peace.”"
    )
    (quote,) = _direct(text)
    assert quote.speaker == ""  # neither Ada Rusk nor "Broad Street"


def test_a_person_the_outlet_does_not_name_is_what_she_stands_for() -> None:
    text = (
        "Ivo Brand runs the port.\n\n"
        "A 29-year-old Marlow woman, meanwhile, was fined after she had posted comments "
        "online. “Out with them!” she wrote."
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("a 29-year-old Marlow woman", "unnamed")


def test_a_woman_named_in_apposition_is_named() -> None:
    text = (
        "Ivo Brand drew a small crowd.\n\n"
        "One local woman, Ada Rusk, pulled him aside after the event.\n\n"
        "“I’m so glad you came,” she told him."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Ada Rusk"


def test_he_with_no_man_named_nearby_is_nobody() -> None:
    text = (
        "Ada Rusk spoke at the rally.\n\n"
        "The Harbour Party of Norland, which Rusk founded, held its own meeting. "
        "He said “the quay stays.”"
    )
    (quote,) = _direct(text)
    assert quote.speaker == ""


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("National Democratic Party of Norland", True),
        ("Office of Harbour Safety", True),
        ("Angus King of Maine", False),
        ("NATO", True),
    ],
)
def test_a_body_is_read_by_its_head_before_of(name: str, body: bool) -> None:
    assert _organisation_word(name) is body


def test_part_of_a_group_is_the_unnamed_source() -> None:
    text = (
        "Ivo Brand spoke.\n\n"
        "Although no charges have been filed, two of the law enforcement officials said "
        "“there was a high likelihood” of charges."
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == (
        "two of the law enforcement officials",
        "unnamed",
    )


def test_a_plural_text_is_a_document() -> None:
    (quote,) = _direct("“The two leaders had a frank meeting,” said the statements.")
    assert (quote.speaker, quote.speaker_kind) == ("statements", "document")


def test_a_party_tag_is_never_the_speaker() -> None:
    text = (
        "Sen. Ivo Brand, R-TX, who heads the party committee, said Tuesday, "
        "“It is a blockbuster,” and predicted, “It will make the race close.”"
    )
    assert [q.speaker for q in _direct(text)] == ["Ivo Brand", "Ivo Brand"]


def test_a_pronoun_with_a_contraction_is_never_the_speaker() -> None:
    text = (
        "Ada Rusk wrote a post. Then again, I’m guessing you’re coming up a little short "
        "in the “good role model” department, she wrote."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Ada Rusk"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Prosecutors said Rusk “mischaracterized” the purchases.", "Prosecutors", "unnamed"),
        (
            "Close to three dozen members signed a letter from Ada Rusk, calling the deal "
            "“fiscally irresponsible.”",
            "Ada Rusk",
            "person",
        ),
    ],
)
def test_groups_and_amounts_opening_a_sentence(text: str, speaker: str, kind: str) -> None:
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == (speaker, kind)
