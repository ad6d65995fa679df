"""The comparison reads a bounded part of the articles (issue 27 item 6)."""

from __future__ import annotations

import time

import pytest

from analysis.compare import bounds, compare, comparison_to_json
from analysis.compare.bounds import bounded, compared_part
from analysis.model import Article, Corpus
from analysis.score import analyze_article, count_words
from tests.analysis.compare_corpus import STORY, make_corpus


def _long_article(sentences: int, outlet: str = "Harbour Gazette", path: str = "long.txt"):
    text = " ".join(
        f"The harbour board met for the {n}th time and said the bridge costs {n} crowns."
        for n in range(sentences)
    )
    return analyze_article(Article(text=text, path=path, outlet=outlet))


def test_a_short_article_is_read_whole() -> None:
    article = _long_article(3)
    assert compared_part(article, 10_000) is article


def test_a_long_article_is_cut_at_the_last_sentence_end_within_the_limit() -> None:
    article = _long_article(40)
    part = compared_part(article, 1_000)
    last = max(s.end for s in article.sentences if s.end <= 1_000)
    assert part.article.text == article.article.text[:last]
    assert part.sentences == tuple(s for s in article.sentences if s.end <= last)
    assert all(h.end <= last for h in part.highlights)
    assert part.words == count_words(part.article.text)
    # The offsets are those of the whole article.
    for s in part.sentences:
        assert part.article.text[s.start : s.end] == article.article.text[s.start : s.end]


def test_a_cut_article_is_named_in_its_story_warnings() -> None:
    corpus = make_corpus(*STORY)
    long = _long_article(40)
    corpus = Corpus(articles=(*corpus.articles, long))
    read = bounded(corpus, per_article=1_000)
    assert list(read.cut) == [3]
    assert read.compared == 4
    story = next(s for s in read.stories(_stories_of(read)) if 3 in s.articles)
    (note,) = [w for w in story.warnings if "compared in part" in w]
    kept, whole = read.cut[3]
    assert f"long.txt ({kept:,} of {whole:,} characters)" in note
    assert "1,000 characters of an article" in note


def test_a_story_names_three_cut_articles_and_counts_the_rest() -> None:
    corpus = Corpus(articles=tuple(_long_article(40, path=f"{k}.txt") for k in range(5)))
    read = bounded(corpus, per_article=1_000)
    notes = [w for s in read.stories(_stories_of(read)) for w in s.warnings]
    cut = [w for w in notes if "compared in part" in w]
    assert len(cut) == len({s.id for s in read.stories(_stories_of(read))})
    assert cut[0].startswith("5 articles compared in part: 0.txt (")
    assert "2.txt (" in cut[0] and "3.txt (" not in cut[0] and " and 2 more." in cut[0]


def _stories_of(read: bounds.Bounded):
    from analysis.compare.stories import find_stories

    return find_stories(read.corpus.articles[: read.compared])


def test_articles_past_the_total_are_a_story_of_their_own() -> None:
    corpus = make_corpus(*STORY)
    corpus = Corpus(articles=(*corpus.articles, _long_article(40), _long_article(5, path="b.txt")))
    total = sum(len(a.article.text) for a in corpus.articles[:3]) + 1_500
    read = bounded(corpus, total=total)
    assert read.compared == 4  # the fourth is read in part, the fifth not at all
    assert read.corpus.articles[4].article.text == ""
    assert read.corpus.articles[4].sentences == ()
    stories = read.stories(_stories_of(read))
    assert stories[-1].title == "Not compared"
    assert stories[-1].articles == (4,)
    assert "1 article (b.txt and after) not grouped into stories or aligned" in (
        stories[-1].warnings[0]
    )
    assert "Their labels, quotes and frames are counted." in stories[-1].warnings[0]
    # Steps that read one article at a time read it all the same.
    assert read.each.articles[4].article.text == corpus.articles[4].article.text
    # Every article is in exactly one story.
    assert sorted(i for s in stories for i in s.articles) == [0, 1, 2, 3, 4]


def test_compare_leaves_articles_past_the_total_out_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = make_corpus(*STORY)
    quoted = analyze_article(
        Article(
            text=" ".join(
                f'"The bridge costs {n} crowns," Ivo Brand, the harbour master, said.'
                for n in range(40)
            ),
            path="long.txt",
            outlet="Harbour Gazette",
        )
    )
    corpus = Corpus(articles=(*corpus.articles, quoted))
    monkeypatch.setattr(
        bounds, "MAX_TOTAL_CHARS", sum(len(a.article.text) for a in corpus.articles[:3])
    )
    comparison = compare(corpus)
    # Its quotes and labels are counted all the same: they read one article at a time.
    assert len([q for q in comparison.quotes.quotes if q.article == 3]) == 40
    assert ("Ivo Brand", "the harbour master") in {
        (d.actor, d.text) for d in comparison.labels.descriptors if d.article == 3
    }
    doc = comparison_to_json(comparison, corpus)
    left_out = [s for s in doc["stories"] if s["title"] == "Not compared"]  # type: ignore[union-attr]
    assert [s["articles"] for s in left_out] == [["long.txt"]]
    assert not any(m["article"] == "long.txt" for g in doc["groups"] for m in g["members"])  # type: ignore[union-attr]
    assert not any(u["article"] == "long.txt" for u in doc["unique"])  # type: ignore[union-attr]
    # The three short reports are still compared with each other.
    assert doc["groups"]


@pytest.mark.slow
def test_compare_time_is_bounded_on_huge_quote_dense_articles() -> None:
    # Nine articles of 150 kB, nothing but short quotations: before the bound, the
    # comparison of two 450 kB ones took 22 s of CPU time and grew with the text.
    articles = []
    for k in range(9):
        text = " ".join(f'"Word {n} {k} here," she said.' for n in range(5_000))
        articles.append(
            analyze_article(Article(text=text, path=f"{k}.txt", outlet=f"Outlet {k % 2}"))
        )
    corpus = Corpus(articles=tuple(articles))
    started = time.process_time()
    comparison = compare(corpus)
    spent = time.process_time() - started
    assert spent < 30, f"compare took {spent:.1f} s of CPU time"
    warnings = [w for s in comparison.stories for w in s.warnings]
    assert any("0.txt (" in w and "compared in part" in w for w in warnings)
    assert any(s.title == "Not compared" for s in comparison.stories)


@pytest.mark.parametrize("step", ["quotes", "labels"])
def test_steps_that_read_every_article_stop_between_articles_when_cancelled(step: str) -> None:
    from analysis.compare.labels import labels
    from analysis.compare.quotes import quotes
    from analysis.errors import CancelledError

    corpus = make_corpus(*STORY)
    assert len(corpus.articles) >= 3
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) == 2  # cancelled while the second article is reached

    run = quotes if step == "quotes" else labels
    with pytest.raises(CancelledError, match="The comparison was cancelled."):
        run(corpus, cancel=cancel)
    assert len(asked) == 2
