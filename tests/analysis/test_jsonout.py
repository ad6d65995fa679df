"""analysis.jsonout: the documented ``analyze --json`` schema."""

from __future__ import annotations

import json
from enum import IntEnum

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.jsonout import corpus_to_json
from analysis.model import Article, Corpus, LoadFailure
from analysis.pipeline import analyze

ARTICLE_KEYS = {
    "path", "outlet", "outlet_source", "title", "author", "date", "words", "own_words",
    "subjectivity", "polarity", "loaded_per_1000", "quoted_loaded_per_1000", "text",
    "sentences", "highlights", "headline", "furniture",
}  # fmt: skip


def test_schema_and_offsets() -> None:
    text = "Critics slammed the “plan”. It is a truly awful, disgraceful waste!"
    corpus = analyze([Article(text=text, path="x.txt", outlet="Paper")], workers=1)
    corpus = type(corpus)(
        articles=corpus.articles,
        errors=(LoadFailure("bad.pdf", "the PDF is encrypted."),),
        lexicons=corpus.lexicons,
    )
    doc = json.loads(json.dumps(corpus_to_json(corpus), allow_nan=False))
    assert set(doc) == {"articles", "outlets", "errors", "skipped"}
    (article,) = doc["articles"]
    assert set(article) == ARTICLE_KEYS
    assert article["text"] == text
    for s in article["sentences"]:
        assert set(s) == {"start", "end", "subjectivity", "polarity", "bias", "quoted"}
    assert article["highlights"]
    for h in article["highlights"]:
        assert set(h) == {
            "start", "end", "text", "kind", "category", "weight", "reason", "voice", "shared",
        }  # fmt: skip
        assert h["voice"] in ("outlet", "quoted") and h["shared"] is False
        assert text[h["start"] : h["end"]] == h["text"]
        assert h["kind"] in ("subjective", "loaded")
        assert 0 <= h["weight"] <= 1
    (outlet,) = doc["outlets"]
    assert outlet["outlet"] == "Paper" and outlet["articles"] == 1
    assert isinstance(outlet["words"], int)
    assert doc["errors"] == [{"path": "bad.pdf", "error": "the PDF is encrypted."}]


def _story_corpus() -> Corpus:
    # Three outlets that all use "slammed": shared vocabulary, marked by the
    # story-level pass after each article was analysed on its own.
    texts = [
        "Critics slammed the “plan”.\nIt is a truly awful, disgraceful waste!",
        "The mayor slammed the budget. Officials said: “We disagree.”",
        "Residents slammed the delay\u2028and the cost. Ça coûte cher.",
    ]
    articles = [
        Article(text=text, path=f"{k}.txt", outlet=f"Paper {k}") for k, text in enumerate(texts)
    ]
    corpus = analyze(articles, workers=1)
    return Corpus(
        articles=corpus.articles,
        errors=(LoadFailure("bad.pdf", "the PDF is encrypted."),),
        lexicons=corpus.lexicons,
        skipped=(LoadFailure("notes.xyz", "not an article."),),
    )


def test_the_document_text_is_json_dumps_with_indent_1() -> None:
    from analysis.jsonout import corpus_json_text

    corpus = _story_corpus()
    assert any(h.shared for a in corpus.articles for h in a.highlights)
    expected = json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=1)
    assert corpus_json_text(corpus) == expected
    empty = Corpus()
    assert corpus_json_text(empty) == json.dumps(
        corpus_to_json(empty), ensure_ascii=False, indent=1
    )


def test_articles_rendered_apart_make_the_same_document() -> None:
    from analysis.jsonout import article_json_text, corpus_json_text
    from analysis.pipeline import analyze_rendered

    corpus = _story_corpus()
    articles = [a.article for a in corpus.articles]
    rendered, texts = analyze_rendered(articles, article_json_text, workers=1)
    assert texts == [article_json_text(a) for a in rendered.articles]
    assert corpus_json_text(rendered, texts) == json.dumps(
        corpus_to_json(rendered), ensure_ascii=False, indent=1
    )


def test_outlet_rows_are_the_outlet_table() -> None:
    from analysis.tables import outlet_rows, outlet_table

    corpus = _story_corpus()
    table = outlet_table(corpus).reset_index().to_dict(orient="records")
    rows = outlet_rows(corpus)
    assert [list(r) for r in rows] == [list(r) for r in table]
    for row, expected in zip(rows, table, strict=True):
        for key, value in row.items():
            other = expected[key]
            assert type(value) is type(other), key
            assert value == other or str(value) == str(other) == "nan", key


# --- The indented text without json.dumps's pure-Python encoder ---------------------------------

#: Strings that look like the separators _indented relies on, and text json.dumps escapes
#: or keeps as it is (ensure_ascii=False): quotes, backslashes, controls, U+2028, emoji.
_TRICKY = st.sampled_from(
    ["", "},\n  {", "},\n   {", '"', "\\", "\n", "\t\x00\x1f", "\u2028", "é ∂ 😀", "[]", "{}"]
)
_STRINGS = st.one_of(st.text(), _TRICKY)
_PLAIN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN, infinities, -0.0 and subnormals included
    _STRINGS,
)
_KEYS = st.one_of(_STRINGS, st.integers(), st.floats(), st.booleans(), st.none())


class _Level(IntEnum):
    LOW = 1


class _Text(str):
    pass


def _documents() -> st.SearchStrategy[object]:
    flat_dict = st.dictionaries(_STRINGS, _PLAIN, min_size=1)
    return st.recursive(
        st.one_of(_PLAIN, st.just(_Level.LOW), st.builds(_Text, _STRINGS)),
        lambda inner: st.one_of(
            st.lists(inner),
            st.lists(inner).map(tuple),
            st.lists(flat_dict, min_size=1),  # an article's sentences, highlights
            st.lists(st.one_of(flat_dict, st.just({}))),
            st.dictionaries(_STRINGS, inner),
            st.dictionaries(_KEYS, inner),  # keys json.dumps turns into strings
        ),
        max_leaves=20,
    )


@settings(max_examples=150, deadline=None)
@given(value=_documents(), depth=st.integers(0, 3))
def test_indented_is_json_dumps_with_indent_1(value: object, depth: int) -> None:
    from analysis.jsonout import _indented

    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
    assert _indented(value, depth) == expected


def test_indented_article_entries_are_json_dumps_with_indent_1() -> None:
    from analysis.jsonout import _indented, article_to_json

    for analysed in _story_corpus().articles:
        entry = article_to_json(analysed)
        assert entry["sentences"] and entry["highlights"]
        assert _indented(entry, 2) == json.dumps(entry, ensure_ascii=False, indent=1).replace(
            "\n", "\n  "
        )
