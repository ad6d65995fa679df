"""The reader's corrections and shared vocabulary (analysis/corrections.py); voice in rates."""

from __future__ import annotations

import json

import pytest

from analysis.corrections import (
    Correction,
    apply_context,
    correction_from_json,
    correction_to_json,
    describe,
    reader_lexicon_tsv,
)
from analysis.lexicon import load_lexicon
from analysis.model import Article, Corpus
from analysis.pipeline import analyze
from analysis.tables import bias_spread, outlet_table

STORIES = {
    "Alpha": "Officials slammed the plan on Monday. \u201cIt is a disgraceful scheme,\u201d "
    "the mayor said. The council will vote again in March.",
    "Beta": "Critics slammed the budget. The mayor called the vote \u201ca farce\u201d "
    "and left early. Residents are angry about the cuts.",
    "Gamma": "Unions slammed the cuts as the council met. The outcome was a shameful day "
    "for the city, one member said.",
}


def corpus(stories: dict[str, str] = STORIES) -> Corpus:
    articles = [
        Article(text=text, path=f"{outlet.lower()}.txt", outlet=outlet)
        for outlet, text in stories.items()
    ]
    return analyze(articles, workers=1)


def loaded_texts(c: Corpus, outlet: str) -> list[str]:
    (article,) = [a for a in c.articles if a.outlet == outlet]
    return [h.text for h in article.highlights if h.kind == "loaded"]


def test_a_term_every_outlet_uses_is_shared_and_counts_in_no_rate() -> None:
    c = corpus()
    for a in c.articles:
        slammed = [h for h in a.highlights if h.text == "slammed"]
        assert slammed and all(h.shared for h in slammed)
        assert "shared vocabulary" in slammed[0].reason
        assert all(h.term != "slam" or not h.counts for h in a.highlights)
    # Two outlets are not yet a story: nothing is shared.
    two = corpus({k: STORIES[k] for k in ("Alpha", "Beta")})
    assert not any(h.shared for a in two.articles for h in a.highlights)


def test_outlet_rate_counts_its_own_voice_from_the_highlights() -> None:
    c = corpus()
    table = outlet_table(c)
    for a in c.articles:
        own = [h for h in a.highlights if h.counts]
        assert all(h.kind == "loaded" and h.voice == "outlet" and not h.shared for h in own)
        assert a.loaded_per_1000 == pytest.approx(1000 * len(own) / a.own_words)
        assert table.loc[a.outlet, "loaded_per_1000"] == pytest.approx(a.loaded_per_1000)
    alpha = next(a for a in c.articles if a.outlet == "Alpha")
    quoted = [h.text for h in alpha.highlights if h.kind == "loaded" and h.voice == "quoted"]
    assert "disgraceful" in quoted
    assert "disgraceful" not in table.loc["Alpha", "top_terms"]
    assert "disgraceful" in table.loc["Alpha", "quoted_terms"]
    assert table.loc["Alpha", "quoted_loaded_per_1000"] > 0


def test_a_quoted_term_never_claims_the_outlets_voice() -> None:
    c = corpus()
    for a in c.articles:
        for h in a.highlights:
            if h.kind == "loaded" and h.voice == "quoted":
                assert "own voice" not in h.reason and "outlet's voice" not in h.reason


def test_corrections_remove_add_and_rescore() -> None:
    c = corpus()
    alpha = next(a for a in c.articles if a.outlet == "Alpha")
    target = next(h for h in alpha.highlights if h.text == "disgraceful")
    fixes = [
        Correction("not_here", "disgraceful", path="alpha.txt", start=target.start, end=target.end),
        Correction("never", "shameful"),
        Correction("mark", "cuts", category="emotive"),
    ]
    fixed = apply_context(c, fixes)
    assert "disgraceful" not in loaded_texts(fixed, "Alpha")
    assert "shameful" not in loaded_texts(fixed, "Gamma")
    assert loaded_texts(fixed, "Beta").count("cuts") == 1
    assert fixed.removed_by_reader == 2 and fixed.added_by_reader == 2
    assert describe(fixed.corrections, fixed.removed_by_reader, fixed.added_by_reader).startswith(
        "2 highlights removed by the reader"
    )
    beta_before = outlet_table(c).loc["Beta", "loaded_per_1000"]
    assert outlet_table(fixed).loc["Beta", "loaded_per_1000"] > beta_before
    # TextBlob's sentence scores never change; the input corpus is untouched.
    for before, after in zip(c.articles, fixed.articles, strict=True):
        assert [(s.subjectivity, s.polarity) for s in before.sentences] == [
            (s.subjectivity, s.polarity) for s in after.sentences
        ]
    assert "disgraceful" in loaded_texts(c, "Alpha")


def test_corrections_round_trip_as_json_and_as_a_lexicon(tmp_path) -> None:
    fixes = [
        Correction("not_here", "crisis", path="a.txt", start=4, end=10),
        Correction("never", "slam"),
        Correction("mark", "death panel", category="label"),
    ]
    as_json = [json.loads(json.dumps(correction_to_json(f))) for f in fixes]
    assert [correction_from_json(item) for item in as_json] == fixes
    path = tmp_path / "reader.tsv"
    path.write_text(reader_lexicon_tsv(fixes), encoding="utf-8")
    entries = {e.term: e for e in load_lexicon(path).entries}
    assert entries["slam"].weight == 0 and entries["death panel"].category == "label"
    with pytest.raises(ValueError):
        correction_from_json({"kind": "forget", "term": "x"})


def test_bias_spread_says_when_the_estimate_separates() -> None:
    c = corpus()
    spread = bias_spread(c)
    assert spread.spread >= 0 and spread.noise > 0
    assert spread.separates is (spread.spread > spread.noise)
    one = corpus({"Alpha": STORIES["Alpha"]})
    assert not bias_spread(one).separates


def test_seed_rates_count_only_the_outlets_voice(seeds_dir) -> None:
    from analysis.jsonout import corpus_to_json
    from analysis.lexicon import quote_regions
    from analysis.score import WORD_RE

    c = analyze(sorted(seeds_dir.glob("*.txt")), workers=1)
    # From the analyze --json document alone: the highlights and the text.
    for doc in corpus_to_json(c)["articles"]:
        text = doc["text"]
        quoted_words = 0
        last = 0
        for qs, qe in quote_regions(text):
            quoted_words += len(WORD_RE.findall(text, max(qs, last), qe)) if qe > last else 0
            last = max(last, qe)
        # "words" leaves page furniture out (analysis.cleanup); quoted words are the rest.
        own_words = doc["words"] - quoted_words
        own = [
            h for h in doc["highlights"]
            if h["kind"] == "loaded" and h["voice"] == "outlet" and not h["shared"]
        ]  # fmt: skip
        assert doc["own_words"] == own_words
        assert doc["loaded_per_1000"] == pytest.approx(1000 * len(own) / own_words)
        quoted = [h for h in doc["highlights"] if h["voice"] == "quoted"]
        assert all(text.count(h["text"]) for h in quoted)
    for a in c.articles:
        own = sum(
            1 for h in a.highlights if h.kind == "loaded" and h.voice == "outlet" and not h.shared
        )
        assert a.loaded_per_1000 == pytest.approx(1000 * own / a.own_words)
        assert all(h.voice in ("outlet", "quoted") for h in a.highlights)
