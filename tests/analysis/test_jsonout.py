"""analysis.jsonout: the documented ``analyze --json`` schema."""

from __future__ import annotations

import json

from analysis.jsonout import corpus_to_json
from analysis.model import Article, LoadFailure
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
