"""Context rules (analysis/context.py): names, word class, war reports, lexicon contexts."""

from __future__ import annotations

import pytest

from analysis.context import (
    after_be,
    applies_here,
    check_not_in,
    in_proper_name,
    reads_as_noun,
    war_report,
)
from analysis.lexicon import Lexicon, LexiconEntry, default_lexicon
from analysis.model import Article
from analysis.score import analyze_article

WAR_REPORT = (
    "Russian troops crossed the border at dawn and the army shelled the city. "
    "The invasion has forced a million people to flee, and Ukraine's military says "
    "its soldiers repelled an attack on the capital. "
)


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def loaded(text: str, lexicon: Lexicon | None = None) -> list[str]:
    result = analyze_article(Article(text=text, path="<test>"), lexicon=lexicon)
    return [h.text for h in result.highlights if h.kind == "loaded"]


def subjective(text: str) -> list[str]:
    result = analyze_article(Article(text=text, path="<test>"))
    return [h.text for h in result.highlights if h.kind == "subjective"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Chinese Foreign Minister Qin Gang spoke to reporters on Monday.", "Gang"),
        ("Chinese Foreign Minister Qin Gang spoke to reporters on Monday.", "Foreign"),
        ("The talks recalled the Cold War, the minister said.", "Cold"),
        ("Members of the Central Committee met in private.", "Central"),
        ("Cold War rivalries are back, the envoy said.", "Cold"),
        ("He met the Ministry of Foreign Affairs in Beijing.", "Foreign"),
        ("Russia's Foreign Minister Sergei Lavrov arrived late.", "Foreign"),
    ],
)
def test_a_word_inside_a_proper_name_is_part_of_the_name(text: str, word: str) -> None:
    assert in_proper_name(text, *span(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They Slam the plan every week.", "Slam"),
        ("Brutal Russian attacks continued overnight.", "Brutal"),
        ("Officials said the crackdown was brutal.", "brutal"),
        ("Extremely high prices hit families.", "Extremely"),
        # A run of common words is a nickname or slogan, not a name: the label stays.
        ("The senator blamed the Woke Mob for the protests.", "Mob"),
        ("Critics of the Mad King gathered outside.", "Mad"),
        # An epithet before a name is no title: it stays a word of its own.
        ("The rally booed as Crooked Hillary took the stage.", "Crooked"),
        ("He quoted the Marxist Antonio Gramsci at length.", "Marxist"),
        # A possessive ends a name: what follows it is a new phrase.
        ("Critics mocked the President's Circus Maximus of fascism.", "Circus"),
        # A headline in title case, even one that trails off.
        ("Top Six Awful Ideas Senate Republicans Blocked from the Bill...", "Awful"),
        # A headline in title case says nothing about names.
        ("Senators Slam Radical Plan To Gut Farm Subsidies\n\nThe vote is on Friday.", "Radical"),
    ],
)
def test_capitals_alone_do_not_make_a_name(text: str, word: str) -> None:
    assert not in_proper_name(text, *span(text, word))


def test_no_loaded_or_subjective_highlight_falls_inside_a_name() -> None:
    gang = Lexicon([LexiconEntry("gang", "label", 0.8, "frames a group as criminal")])
    text = "Chinese Foreign Minister Qin Gang said a drug gang was behind the attack."
    assert loaded(text, gang) == ["gang"]  # the gang, not the minister
    cold = "The summit revived memories of the Cold War, which ended in 1991."
    assert "Cold" not in subjective(cold)
    assert "cold" in subjective("The reception in Moscow was cold and brief.")


@pytest.mark.parametrize(
    ("text", "word", "noun"),
    [
        ("Brazil offered an alternative to a push by Kyiv for its own plan.", "push", True),
        ("The United States makes its own diplomatic push in the region.", "push", True),
        ("Mapping data shows Russia's push into Ukraine over the last year.", "push", True),
        ("China will use that influence to push Russia to end the war.", "push", False),
        ("Beijing denies the claims made by Washington last week.", "claims", True),
        ("It is an island which Beijing claims as its own.", "claims", False),
        # A word that qualifies the noun after it is no noun itself.
        ("Critics seized on the mayor's offensive remark about immigrants.", "offensive", False),
        # After a preposition only a noun or a noun's modifier stands ...
        ("A photograph of him in duck pajamas went round the internet.", "duck", True),
        ("The plan was built on push notifications to every phone.", "push", True),
        # ... but not an -ing form or an adjective.
        ("He was accused of ducking every question.", "ducking", False),
        ("The mayor apologised for offensive remarks.", "offensive", False),
    ],
)
def test_word_class_from_the_words_before(text: str, word: str, noun: bool) -> None:
    assert reads_as_noun(text, span(text, word)[0]) is noun


def test_part_of_speech_decides_between_senses_of_a_lexicon_term() -> None:
    lexicon = default_lexicon()
    assert loaded("Brazil offered an alternative to a push by Kyiv for talks.", lexicon) == []
    # The verb's ordinary sense is to press for something: "push" is no entry (rule C).
    assert loaded("China will use that influence to push Russia to end the war.", lexicon) == []
    assert "pushed the narrative" in loaded("Aides pushed the narrative of a hoax.", lexicon)
    assert loaded("Officials rejected the demands of the striking nurses.", lexicon) == []
    assert "demand" in loaded("Nurses demand that the board resign.", lexicon)
    # "claim" casts doubt as a noun too ("the bizarre claim that"): no noun exception.
    assert "claim" in loaded("He repeated the claim that the wall will pay for itself.", lexicon)


def test_in_a_war_report_invasion_and_attack_describe_events() -> None:
    assert war_report(WAR_REPORT)
    found = loaded(WAR_REPORT + "Belarus was a platform to attack Kiev, but the push failed.")
    assert not {"invasion", "attack", "failed"} & {w.lower() for w in found}
    # Outside a war report the same entries still apply.
    politics = "Critics attack the governor's budget. The failed policy cost millions."
    assert not war_report(politics)
    assert {"attack", "failed"} <= {w.lower() for w in loaded(politics)}
    # Criticism described as an attack is the loaded sense, noun or verb.
    assert "attack" in loaded("The senator unleashed a fierce attack on his rivals.")


def test_a_listed_phrase_that_is_the_whole_name_still_applies() -> None:
    lexicon = Lexicon(
        [
            LexiconEntry("democrat party", "label", 0.8, "a partisan name for a party"),
            LexiconEntry("communist", "label", 0.8, "a label"),
        ]
    )
    assert loaded("Donors abandoned the Democrat Party last year.", lexicon) == ["Democrat Party"]
    assert loaded("Delegates of the Chinese Communist Party met in Beijing.", lexicon) == []


def test_next_and_prev_contexts() -> None:
    text = "The deal foresees the establishment of humanitarian corridors."
    assert not applies_here(text, *span(text, "establishment"), ("next:of",))
    other = "Voters are tired of the establishment, the candidate said."
    assert applies_here(other, *span(other, "establishment"), ("next:of",))
    assert loaded(text) == []
    test = "The missile test failed within seconds of the launch."
    assert not applies_here(test, *span(test, "failed"), ("prev:test",))


def test_descriptive_words_are_not_shaded_but_textblob_scores_stay() -> None:
    from textblob import TextBlob

    text = "It was the first joint statement on the war, issued in blue ink."
    assert not {"first", "joint", "blue"} & set(subjective(text))
    result = analyze_article(Article(text=text, path="<test>"))
    sentence = result.sentences[0]
    blob = TextBlob(text[sentence.start : sentence.end]).sentiment
    assert (sentence.subjectivity, sentence.polarity) == (blob.subjectivity, blob.polarity)


def test_not_in_column_is_read_and_checked(tmp_path) -> None:
    from analysis.errors import LexiconError
    from analysis.lexicon import load_lexicon

    path = tmp_path / "mine.tsv"
    path.write_text(
        "term\tcategory\tweight\treason\tnot_in\n"
        "raid\temotive\t0.7\tdramatises a search\twar, noun\n",
        encoding="utf-8",
    )
    (entry,) = load_lexicon(path).entries
    assert entry.not_in == ("war", "noun")
    assert check_not_in("next:of,prev:the") == ("next:of", "prev:the")
    path.write_text("term\tcategory\tweight\treason\tnot_in\nraid\temotive\t0.7\tx\tsports\n")
    with pytest.raises(LexiconError, match="line 2: unknown context 'sports'"):
        load_lexicon(path)


def test_the_lexicon_entries_with_contexts_use_known_tags() -> None:
    with_context = [e for e in default_lexicon().entries if e.not_in]
    assert len(with_context) >= 20
    for entry in with_context:
        assert check_not_in(",".join(entry.not_in)) == entry.not_in
    terms = {e.term for e in default_lexicon().entries}
    assert "according to" not in terms  # neutral attribution is not loaded


def test_weight_zero_entry_never_marks_and_hides_shorter_terms() -> None:
    base = Lexicon([LexiconEntry("slam", "attribution", 0.7, "harsh verb")], name="base")
    never = Lexicon([LexiconEntry("slam", "attribution", 0.0, "the reader: never")], name="reader")
    text = "Rivals slammed the plan."
    assert [m.text for m in base.match(text)] == ["slammed"]
    assert base.merged(never).match(text) == ()


def test_seeds_have_no_loaded_invasion_or_name_highlight(seeds_dir) -> None:
    from analysis.pipeline import analyze

    corpus = analyze(sorted(seeds_dir.glob("*.txt")), workers=1)
    assert len(corpus.articles) == 4
    for a in corpus.articles:
        text = a.article.text
        for h in a.highlights:
            assert h.voice in ("outlet", "quoted")
            if h.kind == "loaded":
                assert not h.text.lower().startswith("invasion")
        at = text.find("Qin Gang")
        if at >= 0:
            assert not [h for h in a.highlights if h.start < at + 8 and at < h.end]


def matched(text: str) -> set[str]:
    return {m.text.lower() for m in default_lexicon().match(text)}


@pytest.mark.parametrize(
    ("literal", "loaded_sense", "word"),
    [
        # Word class: the loaded sense is the verb; the noun names a thing.
        ("Runners carried the torch through the city.", "Rivals torch the plan.", "torch"),
        (
            "She gave the lecture at noon.",
            "He lectured reporters on the budget.",
            "lectured",
        ),
        ("This kind of attack is rare.", "The plan is kind of strange.", "kind of"),
        # Collocations: legal, economic and technical terms.
        ("He faces treason charges.", "The senator called it treason.", "treason"),
        ("Gross domestic product rose.", "It was gross misconduct by aides.", "gross"),
        ("Crude oil prices fell.", "It was a crude attempt to win votes.", "crude"),
        ("The firm fought a hostile takeover.", "The crowd was hostile to the mayor.", "hostile"),
        ("He woke up early on Monday.", "The woke crowd booed.", "woke"),
        ("The region suffered a natural disaster.", "The launch was a disaster.", "disaster"),
        ("He was found in contempt of court.", "She spoke with contempt for voters.", "contempt"),
        # The legal sense of a claim: a demand for money or a right.
        (
            "The county used public money to settle harassment claims.",
            "The county repeated its claims that the audit was rigged.",
            "claims",
        ),
        (
            "A little-known group claimed responsibility for the fire.",
            "The group claimed the fire was an accident.",
            "claimed",
        ),
        ("Farmers filed claims against the insurer.", "Nobody believes his claims.", "claims"),
        ("It guards a reef that it claims as its own.", "It claims the reef is empty.", "claims"),
        (
            "She heads criminal investigations at the agency.",
            "It was criminal negligence.",
            "criminal",
        ),
        (
            "A judge dismissed the lawsuit on Friday.",
            "The mayor dismissed the critics.",
            "dismissed",
        ),
        # An exact form: the plural of the adjective is the literal noun.
        (
            "Police found an explosive in the van.",
            "The memo made explosive allegations.",
            "explosive",
        ),
    ],
)
def test_review_exceptions_keep_the_loaded_sense(
    literal: str, loaded_sense: str, word: str
) -> None:
    assert word not in matched(literal)
    assert word in matched(loaded_sense)


def test_a_hyphenated_entry_is_not_a_modal_or_a_price() -> None:
    # A phrase matches across hyphens and spaces: "would-be" would match the modal.
    assert "would be" not in matched("It would be hard to say, the minister said.")
    assert "free for all" not in matched("Tuition will be free for all residents.")
    assert "free-for-all" in matched("The debate turned into a free-for-all.")


def test_review_exceptions_in_a_war_report() -> None:
    report = WAR_REPORT + "It was the first year of the full-scale invasion and the war on Ukraine."
    assert not {"full-scale", "war on"} & matched(report)
    politics = "The governor waged a full-scale campaign, a war on the unions."
    assert {"full-scale", "war on"} <= matched(politics)


def test_review_drops_standard_names_and_neutral_attribution() -> None:
    # Rule A (standard news names) and B (neutral attribution): never loaded.
    text = (
        "Police said the alleged gang leader, accused of theft, pleaded not guilty; "
        "conservative lawmakers condemned the bailout, reportedly after the genocide vote."
    )
    assert not matched(text)


def test_review_script_matches_the_lexicon_file() -> None:
    """The rules of scripts/review_lexicon.py are applied: a rerun changes nothing."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "review_lexicon.py"
    spec = importlib.util.spec_from_file_location("review_lexicon", path)
    assert spec is not None and spec.loader is not None
    review = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(review)
    lines = review.LEXICON.read_text(encoding="utf-8").splitlines(keepends=True)
    out, log = review.review(lines)
    assert out == lines
    dropped = {term for term, decision, _ in log if decision == "drop"}
    assert {"alleged", "militants"} <= dropped
    assert not dropped & {e.term for e in default_lexicon().entries}
    assert {rule for _, _, rule in log} <= set(review.RULES)


@pytest.mark.parametrize(
    ("literal", "loaded_sense", "word"),
    [
        (
            "The inspector said no rules were broken.",
            "Voters are tired of broken promises.",
            "broken",
        ),
        (
            "Two more parcels were discovered at a post office.",
            "Reporters discovered that the permit was forged.",
            "discovered",
        ),
        (
            "The size of the payment was revealed in a filing.",
            "The memo revealed a plot to silence critics.",
            "revealed",
        ),
        ("The truck was seized by customs officers.", "Rebels seized the airport.", "seized"),
        (
            "The agent was dismissed last summer.",
            "The minister dismissed the warnings.",
            "dismissed",
        ),
    ],
)
def test_in_the_passive_a_verb_reports_what_happened_to_a_thing(
    literal: str, loaded_sense: str, word: str
) -> None:
    assert word not in matched(literal)
    assert word in matched(loaded_sense)


def test_the_passive_keeps_a_factive_verb_before_that() -> None:
    text = "It was revealed that the permit was forged."
    assert "revealed" in matched(text)
    assert after_be(text, text.index("revealed"))
    assert after_be("No laws were clearly broken.", 21)  # one adverb between


def test_explosive_the_noun_is_literal_and_its_plural_never_matches() -> None:
    assert "explosive" not in matched("He was charged with shipping an explosive by mail.")
    assert "explosives" not in matched("The firm gives explosives training to the police.")
    assert "explosive" in matched("The memo made explosive allegations.")
    assert "explosive" in matched("It was an explosive congressional hearing.")
    assert "explosive" in matched("She gave the explosive Norwalk recording to the paper.")
