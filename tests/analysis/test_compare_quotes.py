"""Tests of analysis.compare.quotes: quoted passages, speakers, shares and attribution verbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare.quotes import kinds_summary, quotes, sources_frame
from analysis.compare.results import Quote
from analysis.quotation import quote_spans
from tests.analysis.compare_corpus import make_corpus, seed_corpus, story_corpus


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will rebuild," Voss said.', ["We will rebuild"]),
        ("Voss said: “The bridge is safe.”", ["The bridge is safe."]),
        ("He called it ‘a disgrace’ twice.", ["a disgrace"]),
        ("He called it 'a disgrace' twice.", ["a disgrace"]),
        ("The city's mayor and the fishermen's guild don't agree.", []),
        ("“It rained.\n\n“Then it stopped,” she said.", ["It rained.", "Then it stopped"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def _speakers(text: str) -> list[tuple[str, str]]:
    corpus = make_corpus(("A", "a.txt", text))
    return [(q.speaker, q.verb) for q in quotes(corpus).quotes if q.direct]


def test_speaker_after_the_quote() -> None:
    assert _speakers('"We will rebuild," Voss said.') == [("Voss", "said")]
    assert _speakers("“It was a long road,” said project chief Arno Pell.") == [
        ("Arno Pell", "said")
    ]


def test_speaker_before_the_quote_and_told() -> None:
    assert _speakers("Ada Rusk told reporters: “The port stays open.”") == [("Ada Rusk", "told")]


def test_according_to() -> None:
    assert _speakers("The port will reopen “within weeks”, according to the harbour office.") == [
        ("harbour office", "according to")
    ]


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = "“We are ready,” Ada Rusk said.\n\n“The port stays open,” she added."
    assert _speakers(text) == [("Ada Rusk", "said"), ("Ada Rusk", "added")]


def test_surname_resolves_to_the_full_name_first_given() -> None:
    text = "“We are ready,” Ada Rusk said.\n\n“No delay,” Rusk said."
    assert _speakers(text) == [("Ada Rusk", "said"), ("Ada Rusk", "said")]


def test_shares_speakers_and_verbs_per_outlet() -> None:
    result = quotes(story_corpus())
    shares = {q.outlet: q for q in result.outlets}
    gazette = shares["Harbour Gazette"]
    assert gazette.quotes == 1 and gazette.quoted_words == 8
    assert gazette.share == pytest.approx(8 / gazette.words)
    speakers = {(s.outlet, s.speaker): s.quotes for s in result.speakers}
    assert speakers[("Valley Courier", "Elena Voss")] == 1
    assert speakers[("Northern Ledger", "Arno Pell")] == 1
    verbs = {(v.outlet, v.verb): v.count for v in result.verbs}
    assert verbs[("Valley Courier", "told")] == 1
    assert verbs[("Valley Courier", "according to")] == 1
    assert verbs[("Harbour Gazette", "said")] == 1


def test_pronoun_resolves_to_the_last_person_named_before_it() -> None:
    text = (
        "“We are ready,” Ivo Brand said.\n\n"
        "Mayor Lina Holt toured the quay on Monday.\n\n"
        "In a speech, she warned that the strike “hurt everyone”."
    )
    assert _speakers(text) == [("Ivo Brand", "said"), ("Lina Holt", "warned")]


def test_pronoun_keeps_the_speaker_over_a_name_the_speaker_mentions() -> None:
    text = (
        "Mayor Lina Holt said the strike had to end.\n\n"
        "She said that in his letter, Governor Ivo Brand had “made this plain”.\n\n"
        "“We will reopen the port,” she added."
    )
    assert _speakers(text)[-1] == ("Lina Holt", "added")


def test_pronoun_follows_a_newer_sentence_subject() -> None:
    text = (
        "“We are ready,” Mayor Lina Holt said.\n\n"
        "Governor Ivo Brand, who toured the quay, called the strike costly.\n\n"
        "“Nobody wins,” he added."
    )
    assert _speakers(text)[-1] == ("Ivo Brand", "added")


def test_a_time_after_a_speech_verb_is_not_a_speaker() -> None:
    text = (
        "Governor Ivo Brand opened the talks.\n\n"
        "“The deal is off,” Mayor Lina Holt wrote Friday. She added: “It is not over.”"
    )
    assert _speakers(text)[-1] == ("Lina Holt", "added")


@pytest.mark.seeds
def test_seeds_he_added_after_a_mentioned_name_is_the_speaker(seeds_dir: Path) -> None:
    # In CNN's article, a "he added" quote on Belarus's peace proposals follows a
    # sentence in which Lukashenko reports what Xi had said: the speaker is Lukashenko.
    found = [
        q
        for q in quotes(seed_corpus(seeds_dir)).quotes
        if q.outlet == "CNN" and "Belarus" in q.text and "peace proposals" in q.text
    ]
    assert found
    assert {q.speaker for q in found} == {"Alexander Lukashenko"}


# --- attribution patterns, one test each (sentences written for these tests) -----------


def _quotes(text: str) -> list[Quote]:
    return list(quotes(make_corpus(("A", "a.txt", text))).quotes)


def _one(text: str) -> Quote:
    found = [q for q in _quotes(text) if q.direct]
    assert len(found) == 1
    return found[0]


def test_appositive_between_name_and_verb_gives_the_role() -> None:
    q = _one('"The bridge will hold," Ada Rusk, a spokeswoman for the port authority, said.')
    assert (q.speaker, q.speaker_role, q.speaker_kind) == (
        "Ada Rusk",
        "a spokeswoman for the port authority",
        "person",
    )


def test_parenthetical_and_title_before_the_name() -> None:
    q = _one('"We need the votes," state Senator Ivo Brand (D) said.')
    assert q.speaker == "Ivo Brand" and "Senator" in q.speaker_role


def test_verb_before_the_name_with_a_trailing_role() -> None:
    q = _one('"It is over," said Lina Holt, the harbour master.')
    assert (q.speaker, q.speaker_role) == ("Lina Holt", "the harbour master")


def test_cue_in_the_next_sentence() -> None:
    q = _one("Lina Holt spoke after the vote.\n\n“We will vote again in spring.” Holt said.")
    assert q.speaker == "Lina Holt"


def test_colon_before_a_quote_paragraph() -> None:
    q = _one("Ada Rusk took the stage. Rusk continued:\n\n“The quay must stay open.”")
    assert (q.speaker, q.verb) == ("Ada Rusk", "continued")


def test_a_quote_paragraph_without_cue_continues_the_speaker() -> None:
    text = (
        "“The quay is safe,” Ada Rusk said. “It has stood for a century.”\n\n"
        "“We will not close it.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Ada Rusk"] * 3


def test_a_pronoun_never_resolves_to_a_name_inside_a_quote() -> None:
    text = (
        "Ada Rusk spoke after the ceremony.\n\n"
        "“I stood next to Mayor Ivo Brand at the opening,” she said."
    )
    assert _one(text).speaker == "Ada Rusk"


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Ivo Brand met Ada Rusk on Monday. Mr. Brand left early, and he did not speak.\n\n"
        "Rusk stayed. She was calm. “The talks were useful,” she said."
    )
    assert _one(text).speaker == "Ada Rusk"


def test_weekdays_and_pronouns_are_never_speakers() -> None:
    q = _one("“The port is closed,” officials said Friday.")
    assert (q.speaker, q.speaker_kind) == ("officials", "unnamed")
    q = _one("“The port is closed,” it was announced on Friday.")
    assert q.speaker.lower() not in ("friday", "it")


def test_documents_organisations_and_unnamed_sources_are_kinds_of_their_own() -> None:
    assert _one("“Repairs are overdue,” the report said.").speaker_kind == "document"
    q = _one("“No comment,” The Harbour Gazette reported.")
    assert (q.speaker, q.speaker_kind) == ("Harbour Gazette", "organisation")
    q = _one("“We were not consulted,” a senior port official said.")
    assert (q.speaker, q.speaker_kind) == ("a senior port official", "unnamed")


def test_indirect_attribution_is_reported_with_direct_false() -> None:
    found = _quotes("Ada Rusk said that the quay would reopen in March after the repairs.")
    assert [(q.speaker, q.direct) for q in found] == [("Ada Rusk", False)]
    assert found[0].text == "the quay would reopen in March after the repairs"
    found = _quotes("According to the harbour office, the quay will reopen in March after repairs.")
    assert [(q.speaker, q.speaker_kind, q.direct) for q in found] == [
        ("harbour office", "organisation", False)
    ]
    assert found[0].text.startswith("the quay will reopen")


def test_indirect_claims_do_not_count_in_the_quoted_share() -> None:
    result = quotes(make_corpus(("A", "a.txt", "Ada Rusk said that the quay would reopen soon.")))
    assert result.outlets[0].quotes == 0 and result.outlets[0].quoted_words == 0


def test_people_who_share_a_surname_stay_apart() -> None:
    text = (
        "Governor Ada Rusk opened the quay on Monday.\n\n"
        "“It is a good day,” Ada Rusk said.\n\n"
        "Her cousin, Tom Rusk, a fisherman, watched from his boat.\n\n"
        "“Nobody asked us,” Tom Rusk said. “We fish here,” Rusk added."
    )
    assert [q.speaker for q in _quotes(text)] == ["Ada Rusk", "Tom Rusk", "Tom Rusk"]


def test_a_quoted_title_with_no_speech_is_not_a_quote() -> None:
    assert _quotes("She watched “Harbour Nights” on Sunday with friends.") == []


def test_sources_per_outlet_mark_who_only_one_outlet_cites() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "“The quay is safe,” Ada Rusk said. “It is late,” Ivo Brand said."),
        ("B", "b.txt", "“The quay is safe,” Ada Rusk said."),
    )
    rows = {(s.outlet, s.speaker): s for s in quotes(corpus).speakers}
    assert not rows[("A", "Ada Rusk")].only_here
    assert rows[("A", "Ivo Brand")].only_here and rows[("A", "Ivo Brand")].kind == "person"
    frame = sources_frame(quotes(corpus))
    assert list(frame.columns) == [
        "outlet",
        "source",
        "kind",
        "group",
        "role",
        "quotes",
        "words",
        "claims",
        "only_here",
    ]
    assert kinds_summary(quotes(corpus)) == {"A": "2 people", "B": "1 person"}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("“The quay is safe,” Ada Rusk, a spokeswoman for the port authority, said.", "official"),
        ("“The quay is safe,” said Sen. Ada Rusk, R-Norland.", "official"),
        ("“The quay is safe,” Ada Rusk (D-Vt.) said.", "official"),
        ("“The quay is safe,” said Ada Rusk, a history professor at Marlow College.", "expert"),
        ("“The quay is safe,” said Ada Rusk, a local resident who fishes there.", "ordinary"),
        ("“The quay is safe,” a senior port official said.", "official"),
        ("“The quay is safe,” said Ada Rusk, who has fished there for years.", ""),
        ("“The quay is safe,” the harbour board said.", ""),
    ],
)
def test_whose_voice_a_source_carries_comes_from_its_role(text: str, group: str) -> None:
    assert _one(text).speaker_group == group


def test_sources_by_kind_name_officials_experts_and_ordinary_people() -> None:
    text = (
        "“The quay is safe,” said Ada Rusk, a spokeswoman for the port authority. "
        "“It is not,” said Ivo Brand, a history professor at Marlow College. "
        "“We are scared,” said Lina Holt, a local resident. "
        "“We will see,” said Tom Dorn. "
        "“The repairs are late,” the harbour board said."
    )
    found = quotes(make_corpus(("A", "a.txt", text)))
    assert kinds_summary(found) == {
        "A": "1 official, 1 expert, 1 ordinary person, 1 other person, 1 organisation"
    }
    frame = sources_frame(found).set_index("source")
    assert frame.loc["Ivo Brand", "group"] == "expert"
    assert frame.loc["Tom Dorn", "group"] == ""


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mr. Rusk, 45, said the quay was “safe.”", ""),
        (
            "Mayor Ada Rusk, 52, the boss of the council, said the quay was “safe.”",
            "Mayor, the boss of the council",
        ),
        ("“The quay is safe,” said Ada Rusk, who is 46.", ""),
        (
            "Mr. Ivo Brand, a former harbour master, said the quay was “safe.”",
            "a former harbour master",
        ),
    ],
)
def test_an_age_or_a_courtesy_title_is_no_role(text: str, role: str) -> None:
    assert _one(text).speaker_role == role


@pytest.mark.seeds
def test_seeds_no_weekday_pronoun_or_common_word_is_a_speaker(seeds_dir: Path) -> None:
    _assert_speakers_are_sources(quotes(seed_corpus(seeds_dir)).quotes)


def test_basil_no_weekday_pronoun_or_common_word_is_a_speaker(data_dir: Path) -> None:
    import json

    by_story: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted((data_dir / "basil-dev" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p).strip() for p in article["body-paragraphs"])
        story = by_story.setdefault(article["triplet-uuid"], [])
        story.append((article["source"], path.name, body))
    assert by_story
    for articles in by_story.values():
        _assert_speakers_are_sources(quotes(make_corpus(*articles)).quotes)


def _assert_speakers_are_sources(found: tuple[Quote, ...] | list[Quote]) -> None:
    from analysis.compare.quotes import phrase_head, source_word
    from analysis.compare.tokens import CALENDAR_WORDS

    pronouns = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"}
    for q in found:
        words = q.speaker.lower().split()
        if not words:
            continue
        assert words[-1] not in CALENDAR_WORDS, q
        assert words[-1] not in pronouns, q
        if q.speaker_kind != "person" and q.speaker[:1].islower():
            # a common noun speaks only when it names a source: "officials", "the report"
            assert source_word(phrase_head(q.speaker)), q


def test_a_colon_after_the_subject_of_a_clause() -> None:
    text = "When the mayor spoke of costs, Ada Rusk fired back: “The quay pays for itself.”"
    assert _one(text).speaker == "Ada Rusk"


def test_a_cue_set_off_by_commas_inside_the_sentence() -> None:
    text = "The trouble, says Ada Rusk, the harbour master, is that the quay is “too old to save.”"
    q = _one(text)
    assert (q.speaker, q.speaker_role) == ("Ada Rusk", "the harbour master")


def test_a_possessive_is_never_the_speaker() -> None:
    text = "Ivo Brand spoke on Monday. Brand's comments were “not helpful,” Ada Rusk said."
    assert _one(text).speaker == "Ada Rusk"


def test_an_appositive_of_several_pieces_and_a_relative_clause() -> None:
    q = _one('"The fees scare me," Ivo Brand, 30, of Ostby, who fishes off the quay, said.')
    assert q.speaker == "Ivo Brand" and q.speaker_role.startswith("30, of Ostby, who fishes")


def test_title_words_around_an_organisation_before_the_name() -> None:
    q = _one("“The rules are broad,” former Harbour Board member Lina Holt explained.")
    assert (q.speaker, q.speaker_role) == ("Lina Holt", "former Harbour Board member")


def test_a_document_that_reads() -> None:
    q = _one('"Friends, the quay needs you," the letter read.')
    assert (q.speaker, q.speaker_kind) == ("letter", "document")


def test_verb_first_keeps_the_whole_noun_phrase_up_to_its_clause() -> None:
    q = _one('Brand "was handled so lightly," said a former port police official who saw it.')
    assert (q.speaker, q.speaker_kind) == ("a former port police official", "unnamed")


def test_the_senator_is_the_titled_person_named_last() -> None:
    text = (
        "Senator Ivo Brand and Senator Ada Rusk met on Monday.\n\n"
        "Rusk spoke first. Brand answered her at length.\n\n"
        "“The quay stays,” the senator said."
    )
    assert _one(text).speaker == "Ivo Brand"


def test_it_stands_for_the_text_or_body_named_before() -> None:
    text = (
        "The harbour report was published on Monday. It continued:\n\n"
        "“The quay cannot be saved without new piles.”"
    )
    q = _one(text)
    assert (q.speaker, q.speaker_kind) == ("harbour report", "document")


def test_a_pronoun_with_nobody_speaking_nearby_is_the_person_last_named() -> None:
    text = "The vote went to Ada Rusk's plan, and the hall was full. “We won,” she said."
    assert _one(text).speaker == "Ada Rusk"


def _direct(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in _quotes(text) if q.direct]


def test_a_clause_subject_after_two_fronted_phrases() -> None:
    text = "Speaking at a hall in Ames, Iowa, Rusk went after Vale, calling him “a tired old hand.”"
    assert _one(text).speaker == "Rusk"


def test_while_is_never_a_title_word() -> None:
    text = (
        "Tom Birch met Omar Vale in May.\n\n"
        "Birch refers to his old friend as “Mr. Vale,” while Vale refers to him as “Tom.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Tom Birch", "Omar Vale"]


def test_a_surname_the_outlet_uses_alone_is_an_antecedent() -> None:
    text = (
        "Senator Bernie Linden of Vermont has gained ground.\n\n"
        'Rivals piled on, with Omar Dorn tweeting that it was a "mess" for the party.\n\n'
        'Linden waved the matter away in May. On Friday, he remarked: "There is a process."'
    )
    assert _direct(text)[-1] == ("There is a process.", "Bernie Linden")


def test_the_name_after_a_trailing_said_is_an_antecedent() -> None:
    text = (
        "“Rules cost us a fortune,” Ivo Brand said.\n\n"
        "Paperwork is a burden for the port, said Lena Holt, a harbour pilot.\n\n"
        "“We fill in forms all day,” she said."
    )
    assert _direct(text)[-1] == ("We fill in forms all day", "Lena Holt")


def test_a_cue_in_the_next_sentence_must_be_the_whole_sentence() -> None:
    text = (
        "Ada Rusk's office took the rare step of attacking the agency, accusing it of "
        "“overreach run amok.” Some allies suggested that the officials were driven by politics."
    )
    assert _one(text).speaker != "Some allies"


def test_added_saying_takes_the_subject_of_added() -> None:
    text = (
        "Vale cannot say that “from his seat,” Lena Holt added, saying it should be "
        "“up to the court.”"
    )
    assert [s for _t, s in _direct(text)] == ["Lena Holt", "Lena Holt"]


def test_a_speech_verb_right_before_a_quote_is_its_cue() -> None:
    text = "When a fisherman shouted, “Dorn,” Ada Rusk joked, “Come on up!”"
    assert [s for _t, s in _direct(text)] == ["a fisherman", "Ada Rusk"]


def test_a_place_after_of_is_not_part_of_a_persons_name() -> None:
    assert _one("“The quay stays,” said Sen. Ada Rusk of Vermont.").speaker == "Ada Rusk"


def test_a_subject_with_an_appositive_is_an_antecedent() -> None:
    text = (
        "Bob Sutton, chairman of the county board, voiced confidence in the plan.\n\n"
        "“It will pass easily,” he said."
    )
    assert _one(text).speaker == "Bob Sutton"


def test_who_declared_is_telling_and_went_on_to_say_are_cues() -> None:
    assert _one("Lima won the backing of Ivo Brand, who declared, “It is time.”").speaker == (
        "Ivo Brand"
    )
    text = "Ada Rusk is telling reporters that she will win “a lot of seats” next week."
    assert _one(text).speaker == "Ada Rusk"
    text = "Ada Rusk spoke for an hour. She went on to say: “None of them will back it.”"
    assert _one(text).speaker == "Ada Rusk"


def test_a_noun_like_verb_form_is_the_cue_only_when_no_other_is() -> None:
    text = "Ada Rusk wrote in a Twitter comment of her own: “We are thrilled.”"
    assert _one(text).speaker == "Ada Rusk"


def test_an_adjective_is_never_a_speaker() -> None:
    text = "He saved his passion for the Harbour-repelling cause of “open quays for all.”"
    assert all(q.speaker != "Harbour-repelling" for q in _quotes(text))


def test_a_person_opening_the_paragraph_before_speaks_an_uncued_quote() -> None:
    text = (
        "Ada Rusk spoke first. “We will build,” Rusk said.\n\n"
        "Lena Holt praised the plan and the port.\n\n"
        "“We need someone who gets things done.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Ada Rusk", "Lena Holt"]


def test_a_name_set_off_as_an_appositive_is_an_antecedent() -> None:
    text = (
        "“It is a good day,” Ivo Brand said.\n\n"
        "One local woman, Karen Dale, pulled the mayor aside.\n\n"
        "“I am so glad you came,” she told him."
    )
    assert [q.speaker for q in _quotes(text)] == ["Ivo Brand", "Karen Dale"]


def test_a_quote_opening_a_sentence_takes_the_cue_of_the_sentence_before() -> None:
    text = (
        "“Rules cost us,” Ivo Brand said.\n\n"
        "The port is shut. Lena Holt announced on Monday a suit against the port board. "
        "“We are seeking an order from the court.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Ivo Brand", "Lena Holt"]


def test_a_body_or_text_can_be_the_subject_of_an_uncued_quote() -> None:
    text = (
        "The ballot board met in May.\n\n"
        "In rejecting a similar plea, the board recognized that a court should settle it "
        "— “so that all know the rule once and for all.”"
    )
    quote = _one(text)
    assert (quote.speaker, quote.speaker_kind) == ("board", "organisation")


def test_a_subordinate_clause_has_its_own_subject_for_saying() -> None:
    text = (
        "“Who can count the states?” Ada Rusk asks as a repairman walks in front of her, "
        "saying he is “here to fix the holes.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Ada Rusk", "a repairman"]


def test_a_time_between_the_speaker_and_the_verb() -> None:
    text = "Senator Lena Holt (D) last week said the memos were not “secret” at all."
    assert _one(text).speaker == "Lena Holt"


def test_a_surname_ending_like_an_adjective_is_still_a_name() -> None:
    text = "“Every minute counts,” said party strategist Keith Nahigian, a campaign veteran."
    assert _one(text).speaker == "Keith Nahigian"


def test_a_live_blog_rule_line_stops_pronouns() -> None:
    text = (
        "Omar Vale spoke in Ames on Monday.\n\n___.\n\n5:50 p.m.\n\n"
        "The storm closed the roads.\n\n“We stay open,” he said."
    )
    assert _one(text).speaker != "Omar Vale"


def test_a_sentence_opener_is_not_part_of_a_name() -> None:
    text = "Vale spoke at length. Maybe Vale is right. “We stay open,” Vale said."
    assert _one(text).speaker == "Vale"


def test_a_family_name_first_only_for_a_titled_person() -> None:
    text = (
        "President Xi Jinping arrived on Monday. “We are friends,” Xi said.\n\n"
        "The Vale Express, a bus, left at noon. “Vale is wrong,” Vale said."
    )
    assert [q.speaker for q in _quotes(text)] == ["Xi Jinping", "Vale"]


def test_a_role_with_of_between_said_and_the_name() -> None:
    text = '"The first line of defense is at home," said former secretary of state Ada Rusk.'
    assert _one(text).speaker == "Ada Rusk"


def test_proposed_is_a_speech_verb() -> None:
    text = (
        "Governor Omar Vale signed an order, while Lena Holt, the former mayor, proposed "
        'we "wake up and smell the coffee" at once.'
    )
    assert _one(text).speaker == "Lena Holt"


def test_a_name_before_its_verb_is_the_subject_even_when_named_once() -> None:
    text = (
        "After the Harbour Council vote, Talia Ormond fretted that the docks "
        'would become "a graveyard of cranes" within a year.'
    )
    assert _one(text).speaker == "Talia Ormond"


def test_a_no_break_space_separates_title_and_name() -> None:
    text = "“The ferry will run all winter,” Sen.\xa0Ivo Brand said on Monday."
    assert _one(text).speaker == "Ivo Brand"


def test_a_conjunction_before_the_subject_of_saying() -> None:
    text = (
        "Ada Rusk defended the plan. And then Ivo Brand went on the attack, saying, "
        "“Nobody asked the fishermen!”"
    )
    assert _speakers(text)[-1] == ("Ivo Brand", "saying")


def test_an_uncued_quote_takes_the_subject_of_its_own_sentence() -> None:
    text = (
        "“We will not sell the ferry,” Ada Rusk said. The harbour board declined to give "
        "a date for the “final and binding review of every offer” it has received."
    )
    assert [q.speaker for q in quotes(make_corpus(("A", "a.txt", text))).quotes] == [
        "Ada Rusk",
        "harbour board",
    ]


def test_a_name_after_a_preposition_is_not_the_speaker_of_a_colon() -> None:
    text = "Mira Volk wrote on Harbourgram: “Nobody on this coast wants the new ferry fees.”"
    assert _one(text).speaker == "Mira Volk"


def test_a_question_going_on_in_lower_case_takes_the_cue_after_it() -> None:
    text = (
        "Ivo Brand said the fees were fair, but “who would pay for them?” asked Lina Holt, "
        "a fisherman."
    )
    assert _speakers(text) == [("Lina Holt", "asked")]


def test_a_dash_then_a_name_and_its_ing_verb() -> None:
    text = (
        "The two met on Monday - Ada Rusk saying she was “quite hopeful about the talks” "
        "and Ivo Brand staying silent."
    )
    assert _speakers(text) == [("Ada Rusk", "saying")]


def test_a_capitalised_run_after_the_is_not_a_person() -> None:
    text = (
        "Ada Rusk met the staff of the Harbour Works. The Harbour Works reported a profit. "
        "“We are ready,” she said."
    )
    assert _speakers(text) == [("Ada Rusk", "said")]


def test_the_subject_before_a_colon_ends_at_its_verb() -> None:
    text = (
        "Ivo Brand hoped to keep his licence.\n\nLater, the city harbour board fired back: "
        "“No further appeals will be heard on this matter.”"
    )
    assert _one(text).speaker == "city harbour board"


def test_a_surname_that_is_a_function_word_speaks() -> None:
    text = (
        "Ada Will, a columnist, criticised the harbour plan on Monday.\n\n"
        "“It will sink the port and the town with it,” Will wrote."
    )
    assert _speakers(text) == [("Ada Will", "wrote")]


def test_the_subject_of_is_describes_and_does_not_speak() -> None:
    text = (
        "“We will fight the fees,” Ivo Brand said on Monday.\n\n"
        "He repeated his claim that Marlow is “a town the ferry forgot” at a rally."
    )
    assert [s for s, _verb in _speakers(text)] == ["Ivo Brand", "Ivo Brand"]


def test_one_before_a_group_word_after_said_is_part_of_the_source() -> None:
    text = "“There is a lot of anger in the caucus,” said one Democrat who opposed the plan."
    assert _speakers(text) == [("one Democrat", "said")]


def _quote_cpu(count: int) -> float:
    import time

    text = " ".join(f'"Item {n} is here," she said.' for n in range(count))
    corpus = make_corpus(("A", "a.txt", text))
    start = time.process_time()
    found = quotes(corpus).quotes
    assert len(found) == count
    return time.process_time() - start


def test_attribution_time_grows_linearly_with_the_quotations() -> None:
    # Issue 27: each quotation searched every cue of its article (a list of
    # match starts rebuilt per call), so 33,000 quotations took 19 s in one line.
    # Four times the quotations must take well under sixteen times as long
    # (measured: 4.3 to 5.5 times now, 8.5 times before). The bound of 6 failed
    # about once in ten runs on a loaded machine, so it is 8: still half of
    # what a quadratic search takes.
    _quote_cpu(200)  # warm the caches
    small = min(_quote_cpu(2_000) for _ in range(2))
    large = min(_quote_cpu(8_000) for _ in range(2))
    assert large < 8 * small + 0.2, (small, large)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            'Sen. Ada Rusk, R-Texas, who heads the port committee, said, "It is a blockbuster."',
            "Sen., R-Texas, who heads the port committee",
        ),
        ('Senator Ivo Brand, Republican of Norland, called it "a sad day for the quay."', ""),
        ('Speaker Lina Holt, D-N.Y., said the law is "pretty clear".', "Speaker, D-N.Y."),
    ],
)
def test_a_party_tag_between_name_and_verb_is_a_role_not_the_speaker(text: str, role: str) -> None:
    quote = _one(text)
    assert quote.speaker in ("Ada Rusk", "Ivo Brand", "Lina Holt")
    assert quote.speaker_kind == "person"
    if role:
        assert quote.speaker_role == role


def test_a_title_and_an_appositive_make_one_readable_role() -> None:
    assert _one('Sen. Ada Rusk, a port official, said "we will build it."').speaker_role == (
        "Sen., a port official"
    )
    # A lower-case word before the title is part of it.
    assert _one('"We will build it," state Sen. Ada Rusk said.').speaker_role == "state Sen."


@pytest.mark.parametrize(
    "text",
    [
        'Ivo Brand, chairman of the Harbour National Committee, said "we will build it."',
        'Ada Rusk, a spokeswoman for the Brand campaign, said "we will build it."',
        'Lina Holt, a University of Norland law professor, said "we will build it."',
        'Sen. Tom Vik, the top Democrat on the Senate port panel, said "we will build it."',
    ],
)
def test_a_person_described_by_the_body_they_work_for_is_a_person(text: str) -> None:
    assert _one(text).speaker_kind == "person"


def test_a_body_named_by_its_role_is_an_organisation() -> None:
    quote = _one('"We will build it," the state news agency Belta reported.')
    assert quote.speaker_kind == "organisation"


def test_a_role_never_runs_across_a_paragraph_break() -> None:
    text = (
        "Harbour leaders call for talks on the quay in Norland\n\n"
        'Port President Ada Rusk said "we will build it."'
    )
    assert _one(text).speaker_role == "Port President"


def test_a_surname_that_is_a_title_word_stays_a_name() -> None:
    quote = _one('"It will pass," Sen. Ivo King of Norland, who sits with the Greens, told us.')
    assert quote.speaker == "Ivo King"
    assert quote.speaker_role == "Sen., who sits with the Greens"


def test_according_to_reads_an_acronym_whole() -> None:
    (quote,) = _quotes('"The fees rose," according to the U.S. Attorney\'s Office.')
    assert quote.speaker != "U" and quote.speaker_kind == "organisation"


def test_he_never_stands_for_a_country() -> None:
    # A country opening a sentence is no antecedent; the person named after it is.
    text = (
        "Ada Rusk met the mayor on Monday.\n\n"
        "Wednesday’s trip to China comes as the port makes its own push, with Ivo Brand "
        "visiting Norland. In a speech there, he noted that the strike "
        "“has caused deep concern throughout the region.”"
    )
    quote = _one(text)
    assert (quote.speaker, quote.speaker_kind) == ("Ivo Brand", "person")


def test_a_place_that_speaks_and_opens_sentences_is_not_a_person() -> None:
    text = (
        "Kazakhstan says it is neutral. Kazakhstan has called for talks.\n\n"
        "“We expect nothing,” he said."
    )
    assert _one(text).speaker == ""  # nobody the article names is a "he"


def test_during_after_with_is_no_clause_subject() -> None:
    text = (
        "Ada Rusk said she discussed the plan with Brand during informal talks, saying "
        "she believed he was “sincerely striving” to end the strike."
    )
    assert _one(text).speaker == "Ada Rusk"


def test_a_person_of_a_town_and_state_is_the_speaker_not_the_state() -> None:
    text = (
        "Dean Hale cheered on Monday.\n\n"
        "Lina Holt of Columbia, South Carolina, said: “We can win this.”"
    )
    assert (_one(text).speaker, _one(text).speaker_kind) == ("Lina Holt", "person")


def test_a_statement_signed_in_a_city_is_the_source_not_the_city() -> None:
    quote = _one(
        "“Peace must come first,” read the joint-statement signed in Beijing, which "
        "repeats language used by the president."
    )
    assert (quote.speaker, quote.speaker_kind, quote.speaker_role) == (
        "joint-statement",
        "document",
        "",
    )


def test_something_is_never_a_role() -> None:
    found = _quotes("Rusk was accused of hiding the ledger, something Brand says lacks evidence.")
    assert all(q.speaker_role != "something" for q in found)


def test_a_document_keeps_the_name_it_was_first_quoted_under() -> None:
    text = (
        "The peace proposal called for an end to the “Cold War mentality.”\n\n"
        "“There are no winners in conflict wars,” the proposal said."
    )
    found = [q for q in _quotes(text) if q.direct]
    assert [(q.speaker, q.speaker_kind) for q in found] == [
        ("peace proposal", "document"),
        ("peace proposal", "document"),
    ]


def test_some_on_a_platform_is_an_unnamed_group() -> None:
    text = "Ada Rusk entered the tower. According to some on Twitter, Rusk was “incognito.”"
    quote = _one(text)
    assert (quote.speaker, quote.speaker_kind) == ("some on Twitter", "unnamed")


def test_it_after_a_quoted_agency_is_that_agency() -> None:
    text = (
        "The two ports issued a statement expressing “deep concern about the strike,” "
        "according to the state news agency Quaylink.\n\n"
        "“Both ports are ready to restore order,” it added."
    )
    found = [q for q in _quotes(text) if q.direct]
    assert [(q.speaker, q.speaker_kind) for q in found][-1] == ("Quaylink", "organisation")


def test_it_after_a_quoted_country_is_that_country_not_a_body_named_inside() -> None:
    text = (
        "Norland has said it is neutral and has kept contacts with the government of "
        "the port.\n\n"
        "Norland has said it has a “friendship without borders” with Marlow.\n\n"
        "It has accused the port of “fanning the fire” by supplying the strikers."
    )
    found = [q for q in _quotes(text) if q.direct]
    assert [q.speaker for q in found] == ["Norland", "Norland"]


def test_a_title_with_an_acronym_before_a_full_name() -> None:
    quote = _one(
        '"We take no issue with the movement," the NAACP President Ada Lee Rusk said in a '
        "written statement."
    )
    assert (quote.speaker, quote.speaker_kind, quote.speaker_role) == (
        "Ada Lee Rusk",
        "person",
        "NAACP President",
    )


def test_the_state_and_party_of_a_member_named_before() -> None:
    text = (
        "Sen. Ivo Brand, R-Ariz., said the comments were “wildly inaccurate.”\n\n"
        "The Arizona Republican said Dorn must make “an appropriate decision.”"
    )
    found = [q for q in _quotes(text) if q.direct]
    assert [(q.speaker, q.speaker_kind) for q in found] == [
        ("Ivo Brand", "person"),
        ("Ivo Brand", "person"),
    ]


def test_a_party_member_of_another_state_is_not_named() -> None:
    text = (
        "Rep. Ada Rusk (D-Ga.) spoke first.\n\n"
        "The California Democrat said the vote was “exhilarating.”"
    )
    quote = _one(text)
    assert (quote.speaker, quote.speaker_kind) == ("California Democrat", "unnamed")


def test_a_role_runs_across_mr_and_us() -> None:
    quote = _one(
        "Lina Holt, a former spokesman for Mr. Brand’s U.S. Harbour Council, said the rule "
        "was “an absurdity.”"
    )
    assert (quote.speaker, quote.speaker_kind) == ("Lina Holt", "person")
    assert quote.speaker_role == "a former spokesman for Mr. Brand’s U.S. Harbour Council"


def test_a_one_word_name_the_article_calls_he_is_a_person() -> None:
    text = (
        "Dorn said his remarks were misread.\n\n"
        "Trying to quell the furor, Dorn issued a statement saying: “We must win.”\n\n"
        "He sent an e-mail to members on Friday."
    )
    quote = _one(text)
    assert (quote.speaker, quote.speaker_kind) == ("Dorn", "person")


def test_a_quote_run_into_its_sentence_takes_the_cue_after_it() -> None:
    text = (
        "Sen. Ivo Brand, R-Norland, spoke after the address.\n\n"
        "Nothing the mayor said “will ease the fears of the dockers,” the Norland "
        "senator said."
    )
    assert _one(text).speaker == "Ivo Brand"


def test_a_quote_after_a_comma_keeps_the_verb_before_it() -> None:
    text = "When Ivo Vale shouted, “Go home,” Ada Rusk joked."
    quote = _one(text)
    assert (quote.speaker, quote.speaker_role) == ("Ivo Vale", "")


def test_a_conjunction_before_a_title_is_not_part_of_the_role() -> None:
    quote = _one("But Norland Attorney General Ada Rusk said the law was “clear.”")
    assert (quote.speaker, quote.speaker_role) == ("Ada Rusk", "Norland Attorney General")


def test_a_party_tag_in_parentheses_is_part_of_the_role() -> None:
    quote = _one("Sen. Ada Rusk (R-Pa.) said the plan was “dead.”")
    assert (quote.speaker, quote.speaker_role) == ("Ada Rusk", "Sen., R-Pa.")
    assert _one("Ada Rusk (who runs the quay) said it was “safe.”").speaker_role == ""


def test_former_opening_a_title_is_not_a_name() -> None:
    quote = _one(
        "Former prosecutor and Marlow Mayor Ada Rusk, who backs the plan, trashed the "
        "board on the radio, calling it a “no-brainer” to sell the quay."
    )
    assert quote.speaker == "Ada Rusk"
