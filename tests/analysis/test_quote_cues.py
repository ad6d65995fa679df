"""Cues a reader follows to the speaker: a cue closing the sentence, "according to" a
piece of work, a subordinate clause, a signature under a quotation, a possessive
claim, a list inside a role. The sentences are our own."""

from __future__ import annotations

from analysis.compare.quotes import quotes
from analysis.compare.results import Quote
from tests.analysis.compare_corpus import make_corpus


def _direct(text: str) -> list[Quote]:
    return [q for q in quotes(make_corpus(("A", "a.txt", text))).quotes if q.direct]


def _speakers(text: str) -> list[str]:
    return [q.speaker for q in _direct(text)]


def test_a_clause_word_ends_the_noun_phrase_before_a_verb() -> None:
    text = (
        "Ada Rusk said she had not called for the mayor’s resignation because she "
        "believed “we need to focus on the harbour.”"
    )
    assert _speakers(text) == ["Ada Rusk"]


def test_a_cue_closing_the_sentence_outweighs_a_noun_that_looks_like_a_verb() -> None:
    text = (
        "The port has stirred mixed feelings in many coastal states, and it has used "
        "“velvet gloves” in its dealings with them, said Lina Holt, a historian at the "
        "Harbour Institute."
    )
    assert _speakers(text) == ["Lina Holt"]


def test_a_speech_verb_before_the_quote_outweighs_a_source_closing_the_sentence() -> None:
    text = (
        "On Monday, Paul Rusk said he was “happy to see” that the ferry was back, "
        "according to The Harbour Weekly."
    )
    assert _speakers(text) == ["Paul Rusk"]


def test_according_to_a_piece_of_work_by_someone_names_its_author() -> None:
    text = (
        "Ivo Brand, an economist, said “we don’t know.” Supporters say the move will "
        "help. A “living wage” for a single docker is about $14 an hour, according to "
        "calculations by Lina Holt of the Harbour Institute."
    )
    assert _speakers(text) == ["Ivo Brand", "Lina Holt"]


def test_the_subject_of_a_when_clause_speaks_for_both_of_its_verbs() -> None:
    text = (
        "The worry about the ferry was plain on Wednesday when Council Speaker Paul Rusk "
        "of Linde lamented the “sorry” state of the docks and criticised the “blame "
        "game” on display in the council."
    )
    assert _speakers(text) == ["Paul Rusk", "Paul Rusk"]


def test_a_dash_and_a_name_under_a_quotation_sign_it() -> None:
    text = (
        "Ivo Brand spoke first.\n\n"
        "“Great speech. She is tested. She is ready.”\n\n"
        "-Mayor Lina Holt, writing after the vote.\n\n"
        "Overheard.\n\n"
        "“The whole idea of a ‘Crooked Council’ needs to stop.”\n\n"
        "- Ada Rusk, Linde."
    )
    assert _speakers(text) == ["Lina Holt", "Ada Rusk"]


def test_a_long_line_with_a_dash_under_a_quotation_signs_nothing() -> None:
    text = (
        "Ivo Brand spoke first. He said the council would meet again soon.\n\n"
        "“Great speech. She is tested. She is ready.”\n\n"
        "- Lina Holt and her deputies then walked out of the hall before the vote "
        "on the harbour budget was taken."
    )
    assert _speakers(text) == ["Ivo Brand"]


def test_a_possessive_claim_right_before_the_quote_names_the_speaker() -> None:
    text = (
        "Mayor Lina Holt on Thursday blamed the press for making an issue out of Paul "
        "Rusk’s claim that Ivo Brand “sank the ferry,” saying they were nitpicking."
    )
    assert _speakers(text) == ["Paul Rusk"]
    text = "Wages fell. Paul Rusk’s “47 percent” comment was nearly as dismissive."
    assert _speakers(text) == ["Paul Rusk"]


def test_a_quotation_that_judges_a_claim_is_not_the_claimant_s() -> None:
    text = (
        "Harbour spokeswoman Ada Linde said Thursday that Rusk’s claim that Brand is "
        "in favour of selling the ferry is “simply not true.”"
    )
    assert _speakers(text) == ["Ada Linde"]
    text = (
        "Ivo Brand spoke. Mr. Brand, who has called Mr. Rusk’s comments “plainly wrong,” "
        "portrayed the plan as a passing storm."
    )
    assert _speakers(text) == ["Ivo Brand"]


def test_a_role_may_hold_a_list() -> None:
    text = (
        "Ivo Brand spoke first. “The new plans will not solve this, but they are steps "
        "in the right direction,” Lina Holt, assistant secretary for ports, ferries, and "
        "canals, said on the same call."
    )
    (quote,) = _direct(text)
    assert quote.speaker == "Lina Holt"
    assert "ferries" in quote.speaker_role


def test_a_possessive_claim_inside_someone_s_report_stays_theirs() -> None:
    text = (
        "In a statement Friday, Ada Rusk said Mr. Holt had conveyed Mr. Brand’s "
        "suggestion that she join a “harbour board” instead."
    )
    assert _speakers(text) == ["Ada Rusk"]
    text = (
        "Ivo Brand, a former mayor, put out a statement shortly after Rusk’s remarks "
        "that claimed the council “has consistently failed the docks.”"
    )
    assert _speakers(text) == ["Ivo Brand"]


def test_a_study_by_an_institution_keeps_the_institution_s_whole_name() -> None:
    text = (
        "At least 30 ports charge a “landing fee”, according to a study by the Center "
        "for Harbour Studies, a group that supports the fee."
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("Center for Harbour Studies", "organisation")


def test_she_said_after_a_man_s_quote_is_not_his() -> None:
    text = (
        "“It was unlike any rally,” wrote Peter Brand in The Harbour Weekly.\n\n"
        "The woman who started it all told reporters she lives in Linde.\n\n"
        "“He truly cares about the docks,” she said of the mayor. “It just came out "
        "of my mouth.”"
    )
    assert _speakers(text) == ["Peter Brand", "", ""]


def test_a_pronoun_that_is_not_a_cue_does_not_block_the_speaker() -> None:
    text = (
        "Ivo Brand blasted the harbour master at a rally, calling her a “poor "
        "witness,” and then wrote that she was “Disgraceful!”"
    )
    assert _speakers(text) == ["Ivo Brand", "Ivo Brand"]


def test_part_of_the_people_is_the_source() -> None:
    text = (
        "The charges were expected to include “mail fraud,” two of the people said.\n\n"
        "“The inquiry is continuing,” several of the people noted."
    )
    assert _speakers(text) == ["two of the people", "several of the people"]


def test_a_possessive_inside_a_body_s_name_is_part_of_it() -> None:
    text = (
        "Rusk used campaign funds for “family vacations,” according to the U.S. "
        "Attorney’s Office.\n\nThe plan is “an offer they can’t refuse,” the Post’s "
        "Ada Linde wrote."
    )
    assert _speakers(text) == ["U.S. Attorney’s Office", "Ada Linde"]


def test_a_release_from_a_body_names_the_body() -> None:
    text = (
        "Rusk used campaign funds for “family vacations,” according to a press release "
        "from the Harbour Board of Linde.\n\nSales grew “60 percent a year,” according "
        "to a recent report from Harbour Energy Finance."
    )
    (first, second) = _direct(text)
    assert (first.speaker, first.speaker_kind) == ("Harbour Board of Linde", "organisation")
    # "from" an unknown capitalised name: the report, not a person of that name.
    assert second.speaker_kind != "person"


def test_a_constitutional_amendment_is_a_document() -> None:
    text = "The 14th Amendment states that “all persons born here are citizens.”"
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("14th Amendment", "document")


def test_a_name_before_a_verb_after_the_quote_is_not_the_speaker() -> None:
    text = (
        "Ivo Brand, who has called the rival port “a disgrace” and “a swamp,” insists "
        "Linde will pay for the new pier."
    )
    assert "Linde" not in _speakers(text)
    text = (
        "Paul Rusk tried to clarify his comment that the mayor backed a “phony budget,” "
        "saying he was referring to the ferry."
    )
    assert _speakers(text) == ["Paul Rusk"]


def test_someone_a_possessive_introduces_speaks_not_the_possessor() -> None:
    text = (
        "Paul Rusk spoke. Ada Linde spoke.\n\n"
        "Rusk’s spokesman said “no.”\n\n"
        "“Not yet,” said Linde’s press secretary.\n\n"
        "But Mr. Rusk’s lawyers said “never.”"
    )
    found = [(q.speaker, q.speaker_kind) for q in _direct(text)]
    assert found == [
        ("Rusk’s spokesman", "unnamed"),
        ("Linde’s press secretary", "unnamed"),
        ("Mr. Rusk’s lawyers", "unnamed"),
    ]
    text = "Paul Rusk spoke. Rusk’s campaign said it would hold “a major speech.”"
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("Rusk’s campaign", "organisation")


def test_a_named_person_after_a_possessed_role_stays_a_person() -> None:
    text = (
        "Paul Fishman spoke. A spokeswoman for Mr. Fishman’s office, Rebekah Carmichael, "
        "said “we cannot comment.”"
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_kind) == ("Rebekah Carmichael", "person")


def test_a_sentence_adverb_between_commas_is_no_role() -> None:
    text = (
        "Paul Rusk spoke. Rusk’s attorney, meanwhile, blasted the board on Monday, "
        "saying the decision was “a departure.”"
    )
    (quote,) = _direct(text)
    assert (quote.speaker, quote.speaker_role) == ("Rusk’s attorney", "")


def test_a_possessive_name_is_no_subject_of_the_word_after_it() -> None:
    # "Rusk’s continued appeal": "continued" qualifies the noun; "he" stays with Hale.
    text = (
        "Tom Hale, the actor, spoke about his new show. When the host steered Hale "
        "toward the election, he offered his thoughts on Mayor Paul Rusk’s continued "
        "appeal among dockers.\n\n"
        "“I think it’s funny,” he said."
    )
    assert _speakers(text) == ["Tom Hale"]


def test_the_subject_after_a_long_fronted_phrase_is_who_he_stands_for() -> None:
    text = (
        "Others were close to following Mr. Dorn. “If Paul stays Paul, I will not vote "
        "for him,” declared Senator Ivo Brand.\n\n"
        "In a victory speech in Linde County on Tuesday night, Mr. Paul Rusk struck a "
        "measured tone. “I will never let you down,” he said."
    )
    assert _speakers(text)[-1] == "Paul Rusk"


def test_a_titled_name_ends_at_its_paragraph() -> None:
    # "Gov. Ada Holt.\n\nSpeaking" is no person "Speaking".
    text = (
        "He said his rival was far behind: former Linde Gov. Jon Holt.\n\n"
        "Speaking to the Harbour Weekly on Monday, Paul Rusk refrained from attacking "
        "his rivals. “It was our best night,” he said."
    )
    assert _speakers(text) == ["Paul Rusk"]


def test_a_name_after_a_preposition_is_talked_about_not_talking() -> None:
    text = (
        "Mayor Ada Holt spoke first. Nora Quill, a ferry user from Linde, is among those "
        "who say they will not back Ms. Holt. The campaign was the first time she had "
        "been involved.\n\n"
        "Choosing between Holt and Rusk is a “false choice, because there are four "
        "names on the ballot,” she said."
    )
    assert _speakers(text) == ["Nora Quill"]


def test_the_one_talked_with_is_not_the_subject() -> None:
    text = (
        "Paul Rusk spoke to the harbour show hosted by Ivo Brand. Brand asked about "
        "the ferry.\n\n"
        "During an interview with Ivo Brand that aired on Wednesday night, Paul Rusk "
        "discussed the new ferry.\n\n"
        "When he first described it, he said, “We’re going to build a big, fat ferry.”"
    )
    assert _speakers(text) == ["Paul Rusk"]


def test_a_noun_phrase_with_a_place_after_a_quote_is_its_speaker() -> None:
    text = (
        "“We will not pay,” said Ada Rusk, the mayor. “It is over,” an official in the "
        "mayor’s office said. “They know the port is strong,” a voice-over in the ad "
        "states."
    )
    found = _direct(text)
    assert [(q.speaker, q.speaker_kind) for q in found] == [
        ("Ada Rusk", "person"),
        ("an official", "unnamed"),
        ("a voice-over", "document"),
    ]


def test_an_abbreviation_stays_inside_a_noun_phrase() -> None:
    text = "The U.S. media has always claimed to be an “unbiased” review of the harbour."
    assert [(q.speaker, q.speaker_kind) for q in _direct(text)] == [("U.S. media", "organisation")]


def test_it_stands_for_the_whole_name_of_a_body() -> None:
    text = (
        "On Friday the state news agency said it had suspended 125 accounts. It "
        "also said it had “expanded the teams” that review reports."
    )
    assert [(q.speaker, q.speaker_kind) for q in _direct(text)] == [
        ("state news agency", "organisation")
    ]


def test_a_place_ending_the_speakers_noun_phrase_is_not_the_speaker() -> None:
    text = (
        "The inquiry went on. A spokesman for the U.S. Attorney’s Office in Linde said "
        "he could not “confirm, deny or comment” on the case."
    )
    assert [(q.speaker, q.speaker_kind) for q in _direct(text)] == [("A spokesman", "unnamed")]


def test_a_capitalised_word_in_ly_is_a_name_not_an_adverb() -> None:
    text = "The Linde Weekly reported that he “served in the navy.”"
    assert [(q.speaker, q.speaker_kind) for q in _direct(text)] == [
        ("Linde Weekly", "organisation")
    ]


def test_a_lawsuit_speaks_as_the_suit() -> None:
    text = (
        "Ada Rusk filed a lawsuit on Monday. “Ferries flow from this gap into the "
        "bay,” the suit says, “draining the harbour.”"
    )
    assert [(q.speaker, q.speaker_kind) for q in _direct(text)] == [
        ("suit", "document"),
        ("suit", "document"),
    ]


def test_the_titled_subject_after_a_fronted_phrase_is_who_he_stands_for() -> None:
    text = (
        "President Paul Rusk spoke on Sunday. His rival Ivo Brand cancelled a rally.\n\n"
        "Speaking to reporters at the harbour on Sunday, the president called for calm. "
        "He did not mention the ban. But it was on his mind as he called on the city "
        "not to “give in to fear.”"
    )
    assert _speakers(text) == ["Paul Rusk"]
