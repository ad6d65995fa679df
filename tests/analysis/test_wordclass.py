"""Tests for analysis/wordclass.py: word classes and commonness from TextBlob's tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import wordclass
from analysis.wordclass import CLASSES, _read, word_class, word_classes

LEXICON = """;;; a comment line
reckless JJ
quietly RB
slammed VBD
president NN
President NNP
Senator NNP
the DT
president\\/chief NN
"""
SPELLING = """;;; counts
the 80030
president 371
reckless 11
quietly 1
"""


@pytest.fixture
def table(tmp_path: Path) -> wordclass.WordClasses:
    lexicon, spelling = tmp_path / "en-lexicon.txt", tmp_path / "en-spelling.txt"
    lexicon.write_text(LEXICON, encoding="utf-8")
    spelling.write_text(SPELLING, encoding="utf-8")
    return _read(lexicon, spelling)


def test_classes_come_from_the_penn_tags(table: wordclass.WordClasses) -> None:
    assert word_class("reckless", table)[0] == "adjective"
    assert word_class("quietly", table)[0] == "adverb"
    assert word_class("slammed", table)[0] == "verb"
    # The lower-case entry wins over the capitalised title ("President" NNP).
    assert word_class("president", table)[0] == "noun"
    # A word listed only capitalised is a name.
    assert word_class("senator", table)[0] == "proper"
    assert word_class("the", table)[0] == "other"
    # Rows that are not plain words are skipped.
    assert word_class("president\\/chief", table) == ("unknown", 0.0)


def test_commonness_grows_with_the_count_and_unknown_words_are_rarest(
    table: wordclass.WordClasses,
) -> None:
    assert word_class("the", table)[1] == 1.0  # 80,030 occurrences: log10 > 4.9, rounded to 1
    assert word_class("president", table)[1] == pytest.approx(0.5)  # log10(372) / 5 = 0.51
    assert word_class("reckless", table)[1] == pytest.approx(0.2)  # log10(12) / 5 = 0.22
    assert 0.0 < word_class("quietly", table)[1] < word_class("reckless", table)[1]
    # In the tagger's lexicon but never counted: as rare as can be.
    assert word_class("slammed", table) == ("verb", 0.0)
    assert word_class("xyzzy", table) == ("unknown", 0.0)
    assert word_class("", table) == ("unknown", 0.0)


def test_an_unlisted_hyphenated_word_takes_its_last_part_and_rarest_part(
    table: wordclass.WordClasses,
) -> None:
    assert word_class("president-reckless", table) == ("adjective", pytest.approx(0.2))
    assert word_class("the-xyzzy", table) == ("unknown", 0.0)
    assert word_class("-the", table) == ("unknown", 0.0)


def test_textblobs_own_tables_describe_news_words() -> None:
    table = word_classes()
    assert {kind for kind, _ in map(word_class, ("reckless", "radical"))} == {"adjective"}
    assert word_class("slammed")[0] == "verb" and word_class("president")[0] == "noun"
    # Loaded words are rarer than the neutral words around them.
    assert word_class("reckless")[1] < word_class("president")[1] < word_class("the")[1]
    assert word_class("reckless") == word_class("reckless", table)
    assert set(CLASSES) >= {kind for kind, _ in map(word_class, ("very", "obama", "of"))}


def test_the_table_is_read_back_from_the_model_cache_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMELENS_CACHE_DIR", str(tmp_path))
    word_classes.cache_clear()
    try:
        built = word_classes()
        assert list(tmp_path.glob("wordclass-*.marshal"))
        word_classes.cache_clear()
        assert word_classes() == built
    finally:
        word_classes.cache_clear()
