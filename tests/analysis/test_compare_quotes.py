"""Tests of analysis.compare.quotes: quoted passages, speakers, shares and attribution verbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare.quotes import quote_spans, quotes
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
