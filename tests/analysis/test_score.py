"""analysis.score.analyze_article: sentences, TextBlob scores, highlights, words, quotes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.model import Article
from analysis.score import WORD_RE, _non_space, analyze_article, count_words

TEXT = (
    "Mayor slams 'reckless' harbour plan\n\n"
    "The mayor slammed the plan on Monday, calling it a disastrous waste of money. "
    "Officials insisted the harbour project was allegedly on budget.\n\n"
    "“This is a terrible, terrible idea and everyone knows it,” the mayor said.\n"
    "The council meets again on 3 June."
)


@pytest.fixture(scope="module")
def analysed() -> object:
    return analyze_article(Article(text=TEXT, path="story.txt", outlet="Harbour Times"))


def test_sentence_scores_equal_textblob(analysed: object) -> None:
    from textblob import TextBlob

    assert isinstance(analysed, type(analyze_article(Article(text="x", path="x"))))
    for s in analysed.sentences:  # type: ignore[attr-defined]
        blob = TextBlob(TEXT[s.start : s.end])
        assert (s.polarity, s.subjectivity) == tuple(blob.sentiment)
        assert 0.0 <= s.bias <= 1.0


def test_highlights_explain_themselves_and_match_the_text(analysed: object) -> None:
    highlights = analysed.highlights  # type: ignore[attr-defined]
    kinds = {h.kind for h in highlights}
    assert kinds == {"subjective", "loaded"}
    for h in highlights:
        assert TEXT[h.start : h.end] == h.text
        assert 0.0 <= h.weight <= 1.0
        assert h.reason
    loaded = {h.text.lower() for h in highlights if h.kind == "loaded"}
    assert "slammed" in loaded or "slams" in loaded
    assert any(h.category == "subjective" and "terrible" in h.text for h in highlights)


def test_assessments_lie_inside_their_sentences(analysed: object) -> None:
    spans = [(s.start, s.end) for s in analysed.sentences]  # type: ignore[attr-defined]
    for a in analysed.assessments:  # type: ignore[attr-defined]
        assert any(s <= a.start and a.end <= e for s, e in spans)


def test_quoted_sentence_is_marked(analysed: object) -> None:
    by_text = {
        TEXT[s.start : s.end]: s.quoted
        for s in analysed.sentences  # type: ignore[attr-defined]
    }
    quoted = [t for t, q in by_text.items() if q]
    assert quoted == ["“This is a terrible, terrible idea and everyone knows it,” the mayor said."]


def test_words_are_counted_as_documented() -> None:
    assert count_words("Don't stop — the U.S. well-known 3.5% rise, 1,000 times!") == 9
    assert count_words(" ... :-) ") == 0
    article = Article(text=TEXT, path="x")
    assert analyze_article(article).words == count_words(TEXT)


# Text where runs of letters and digits meet joiners, doubled joiners,
# underscores and other marks at every position.
_PIECES = st.sampled_from(
    ["a", "Bb", "9", "\u00e9", "'", "\u2019", "-", ".", ",", "_", " ", "!", "--", ".,"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_words_counted_from_the_token_runs_are_the_word_pattern_matches(text: str) -> None:
    # count_words counts chains of runs instead of running WORD_RE itself.
    assert count_words(text) == len(WORD_RE.findall(text))


def test_non_english_text_gets_no_loaded_terms() -> None:
    article = Article(text=TEXT, path="x", language="fr")
    result = analyze_article(article)
    assert all(h.kind == "subjective" for h in result.highlights)
    assert result.sentences


def test_input_is_not_changed_and_result_is_frozen() -> None:
    article = Article(text=TEXT, path="x")
    before = dataclasses.astuple(article)
    result = analyze_article(article)
    assert dataclasses.astuple(article) == before
    assert result.article is article
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.words = 0  # type: ignore[misc]


def test_empty_article_has_no_sentences() -> None:
    result = analyze_article(Article(text="", path="empty"))
    assert result.sentences == () and result.words == 0 and result.subjectivity == 0.0


def test_non_space_characters_are_those_the_pattern_for_spaces_leaves() -> None:
    # _non_space splits with str.split(); every character \s matches must count as space.
    spaces = "".join(c for c in map(chr, range(0x3100)) if re.fullmatch(r"\s", c))
    text = f"a{spaces}b\u00a0c d"
    assert _non_space(text) == len(re.sub(r"\s", "", text)) == 4


def test_many_short_quotations_are_scored_in_bounded_time() -> None:
    import time

    from analysis.quotation import quote_regions, quoted_share
    from analysis.score import QUOTED_SHARE

    # Every sentence looked at every quotation before it: quadratic (30,000
    # characters of '. "', 10,000 quoted sentences, took 95 s); each sentence
    # looks at its own quotations now.
    text = '. "' * 20_000
    started = time.process_time()
    result = analyze_article(Article(text=text, path="quotes.txt"))
    assert time.process_time() - started < 30.0
    regions = quote_regions(text)
    assert all(
        s.quoted == (quoted_share(text, s.start, s.end, regions) >= QUOTED_SHARE)
        for s in result.sentences[:200]
    )
    assert sum(s.quoted for s in result.sentences) > 0
