"""Tests of analysis.quotation: the one quotation detector, the quoted share, speech verbs."""

from __future__ import annotations

import pytest

from analysis import lexicon, score
from analysis.quotation import (
    MASK,
    inside_quote,
    mask_quotations,
    quote_regions,
    quote_spans,
    quoted_share,
    speech_verbs,
)


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_the_old_homes_use_this_detector() -> None:
    assert lexicon.quote_regions is quote_regions
    assert lexicon.inside_quote is inside_quote
    assert score.quoted_share is quoted_share


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a curly quote closed by a straight one (typed by hand), and the reverse
        ('“We won," Ada Rusk said.', ["We won"]),
        ('"We won,” Ada Rusk said.', ["We won"]),
        # marks inside markup quote nobody
        ('<post id="123" author="@rusk">The quay is open.</post>', []),
        # nested quotations are part of the outer one
        ("“He called it ‘a disgrace’ twice,” she said.", ["He called it ‘a disgrace’ twice"]),
        # two single quotes are one double quote (news archives), apostrophes stay
        ("''The quay stays,'' said Ada Rusk.", ["The quay stays"]),
        ("Rusk's plan is ''a disgrace,'' Brand's aide said.", ["a disgrace"]),
        ("He said ''no.'' Then ''yes,'' she said.", ["no.", "yes"]),
    ],
)
def test_quote_spans_pairing(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_mask_keeps_offsets_and_hides_only_quoted_words() -> None:
    text = "Rusk said: “Mama Holt, the best cook, is gone.”\nHolt left."
    masked = mask_quotations(text)
    assert len(masked) == len(text)
    assert "Mama" not in masked and "Rusk said:" in masked and "Holt left." in masked
    assert masked[text.index("“")] == MASK and "\n" in masked


def test_quoted_share_counts_nested_quotes_once() -> None:
    text = "“He called it ‘a disgrace’,” she said."
    share = quoted_share(text, 0, len(text), quote_regions(text))
    assert 0.5 < share < 1.0


def test_speech_verbs_have_forms_and_categories() -> None:
    verbs = speech_verbs()
    assert verbs["said"].verb == "say" and verbs["said"].category == "neutral"
    assert verbs["claimed"].category == "doubting"
    assert verbs["tweeted"].category == "written"
    assert all(v.reason for v in verbs.values())


def test_speech_words_are_the_verb_forms_and_the_cue_words() -> None:
    from analysis.quotation import speech_verbs, speech_words

    words = speech_words()
    assert set(speech_verbs()) <= words
    assert {"according", "put", "quoted", "said", "termed", "branded"} <= words
    assert "harbour" not in words


def test_scare_quotes_read_the_one_speech_word_list() -> None:
    from analysis.lexicon import Lexicon

    lexicon = Lexicon((), scare_quotes=True)
    assert lexicon.match('The so-called "reform" passed.') != ()
    for text in (
        'According to the mayor, the plan is a "reform" at last.',
        'The mayor termed the plan a "reform" at last.',
        'As the mayor put it, the plan is a "reform" at last.',
    ):
        assert lexicon.match(text) == (), text


def test_an_opening_mark_typed_where_the_closing_one_goes_closes() -> None:
    text = "“It's unusual,“ said Ada Rusk, a lawyer. “It's a hard thing.”"
    assert [text[s:e] for s, e in quote_spans(text)] == ["It's unusual", "It's a hard thing."]


def test_a_closing_mark_typed_where_the_opening_one_goes_opens() -> None:
    text = "Her post spread.\n\n\u202a”Sorry, Ada, you should have said no!!” posted Ivo Brand."
    assert [text[s:e] for s, e in quote_spans(text)] == ["Sorry, Ada, you should have said no!!"]
    # A closing mark after a word still closes nothing that is not open.
    assert quote_spans("He said no” and left.") == []
