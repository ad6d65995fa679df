"""analysis.tables: sentence, article and outlet DataFrames with documented columns."""

from __future__ import annotations

import pytest

from analysis.lexicon import CATEGORY_IDS
from analysis.model import Article, Corpus
from analysis.pipeline import analyze
from analysis.tables import article_table, outlet_table, sentence_table

A = "The plan is a wonderful idea. Officials claimed it was cheap. It opens in May."
B = "The regime slammed critics. It was an outrageous, shameful move!"
C = "Trains run on time. The line reopened on Friday."


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return analyze(
        [
            Article(text=A, path="a.txt", outlet="Daily A", title="Plan"),
            Article(text=B, path="b.txt", outlet="Daily B"),
            Article(text=C, path="c.txt", outlet="Daily A"),
        ],
        workers=1,
    )


def test_sentence_table_has_one_row_per_sentence(corpus: Corpus) -> None:
    table = sentence_table(corpus)
    assert list(table.columns) == [
        "article", "outlet", "start", "end", "text", "subjectivity", "polarity", "bias", "quoted",
    ]  # fmt: skip
    assert len(table) == sum(len(a.sentences) for a in corpus.articles)
    first = table.iloc[0]
    assert first["text"] == "The plan is a wonderful idea."
    assert first["subjectivity"] == corpus.articles[0].sentences[0].subjectivity


def test_article_table_scores(corpus: Corpus) -> None:
    table = article_table(corpus)
    assert table.index.name == "article"
    for cat in CATEGORY_IDS:
        assert f"loaded_per_1000_{cat}" in table.columns
    row = table.loc[1]
    analysed = corpus.articles[1]
    assert row["words"] == analysed.words
    assert row["loaded_per_1000"] == pytest.approx(analysed.loaded_per_1000)
    assert row["subjectivity"] == pytest.approx(analysed.subjectivity)
    share = sum(s.subjectivity >= 0.5 for s in analysed.sentences) / len(analysed.sentences)
    assert row["subjective_share"] == pytest.approx(share)
    per_cat = sum(row[f"loaded_per_1000_{c}"] for c in CATEGORY_IDS)
    assert per_cat == pytest.approx(row["loaded_per_1000"])
    assert "slammed" in row["top_terms"]


def test_outlet_table_aggregates_over_sentences_and_words(corpus: Corpus) -> None:
    table = outlet_table(corpus)
    assert list(table.index) == ["Daily A", "Daily B"]
    row = table.loc["Daily A"]
    group = [corpus.articles[0], corpus.articles[2]]
    sentences = [s for a in group for s in a.sentences]
    assert row["articles"] == 2
    assert row["words"] == sum(a.words for a in group)
    assert row["sentences"] == len(sentences)
    assert row["subjectivity"] == pytest.approx(
        sum(s.subjectivity for s in sentences) / len(sentences)
    )
    assert row["bias"] == pytest.approx(sum(s.bias for s in sentences) / len(sentences))
    loaded = sum(a.loaded_count for a in group)
    assert row["loaded_per_1000"] == pytest.approx(1000 * loaded / row["words"])


def test_empty_corpus_gives_empty_tables() -> None:
    empty = Corpus()
    assert sentence_table(empty).empty
    assert article_table(empty).empty
    assert outlet_table(empty).empty
