"""The ``framelens analyze --json`` document: a :class:`~analysis.model.Corpus` as plain data.

The schema is stable (other tools read it)::

    {
      "articles": [
        {"path", "outlet", "outlet_source", "title", "author", "date",
         "words", "own_words", "subjectivity", "polarity", "loaded_per_1000",
         "quoted_loaded_per_1000", "text",
         "sentences": [{"start", "end", "subjectivity", "polarity", "bias", "quoted"}],
         "headline": {"start", "end", "subjectivity", "polarity", "bias"} | null,
         "furniture": [{"start", "end", "kind", "reason"}],
         "highlights": [{"start", "end", "text", "kind", "category", "weight", "reason",
                         "voice", "shared"}]}
      ],
      "outlets": [{"outlet", "articles", "words", "sentences", "subjectivity",
                   "polarity", "subjective_share", "loaded_per_1000",
                   "loaded_per_1000_<category>"..., "bias", "top_terms"}],
      "errors": [{"path", "error"}],
      "skipped": [{"path", "reason"}]
    }

Offsets are Python string indices into that article's ``"text"`` (count
code points, not bytes or UTF-16 units), and ``text[start:end]`` equals a
highlight's ``"text"``. ``kind`` is ``"subjective"`` (a TextBlob word) or
``"loaded"`` (a lexicon term or scare quote); ``weight`` in [0, 1] says how
strongly the span signals subjective or loaded language; ``reason`` is the
one-line explanation shown to users; ``voice`` is ``"outlet"`` (the outlet's
own words) or ``"quoted"`` (inside a direct quotation: a source's words);
``shared`` is true for a loaded term every outlet of the story uses (the
common name of the event, not one outlet's framing). An article's
``loaded_per_1000`` counts the loaded terms in its own voice, shared ones
aside, per 1,000 of its own words (``own_words``: the words outside
quotations); ``quoted_loaded_per_1000`` the quoted ones per 1,000 quoted
words. ``furniture`` lists the spans of page furniture (bylines, photo
credits, video blocks...; :mod:`analysis.cleanup`): no sentence reaches into
them and they count in no score. The headline is scored like a sentence but
is not one of ``sentences``. Article ``subjectivity``/``polarity`` are means
over all its sentences; a sentence's are exactly TextBlob's. The
``outlets`` rows are those of :func:`analysis.tables.outlet_table`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from analysis.model import AnalyzedArticle, Corpus

__all__ = [
    "article_json_text",
    "article_to_json",
    "corpus_json_text",
    "corpus_to_json",
    "plain_json",
]


def plain_json(value: Any) -> Any:
    """A JSON-safe Python value (numpy scalars unwrapped, NaN → None)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def article_to_json(analysed: AnalyzedArticle) -> dict[str, Any]:
    """One entry of ``"articles"``."""
    art = analysed.article
    return {
        "path": art.path,
        "outlet": art.outlet,
        "outlet_source": art.outlet_source,
        "title": art.title,
        "author": art.author,
        "date": art.date,
        "words": analysed.words,
        "own_words": analysed.own_words,
        "subjectivity": analysed.subjectivity,
        "polarity": analysed.polarity,
        "loaded_per_1000": analysed.loaded_per_1000,
        "quoted_loaded_per_1000": analysed.quoted_loaded_per_1000,
        "text": art.text,
        "sentences": [
            {
                "start": s.start,
                "end": s.end,
                "subjectivity": s.subjectivity,
                "polarity": s.polarity,
                "bias": s.bias,
                "quoted": s.quoted,
            }
            for s in analysed.sentences
        ],
        "headline": None
        if analysed.headline is None
        else {
            "start": analysed.headline.start,
            "end": analysed.headline.end,
            "subjectivity": analysed.headline.subjectivity,
            "polarity": analysed.headline.polarity,
            "bias": analysed.headline.bias,
        },
        "furniture": [
            {"start": f.start, "end": f.end, "kind": f.kind, "reason": f.reason}
            for f in art.furniture
        ],
        "highlights": [
            {
                "start": h.start,
                "end": h.end,
                "text": h.text,
                "kind": h.kind,
                "category": h.category,
                "weight": h.weight,
                "reason": h.reason,
                "voice": h.voice,
                "shared": h.shared,
            }
            for h in analysed.highlights
        ],
    }


def corpus_to_json(corpus: Corpus) -> dict[str, Any]:
    """The whole ``analyze --json`` document for ``corpus`` (see the module docstring)."""
    return {"articles": [article_to_json(a) for a in corpus.articles], **_after_articles(corpus)}


def _after_articles(corpus: Corpus) -> dict[str, Any]:
    """The document's entries after ``"articles"``."""
    from analysis.tables import outlet_rows

    return {
        "outlets": [
            {key: plain_json(value) for key, value in row.items()} for row in outlet_rows(corpus)
        ],
        "errors": [{"path": e.path, "error": e.error} for e in corpus.errors],
        "skipped": [{"path": s.path, "reason": s.error} for s in corpus.skipped],
    }


# The document as ``framelens analyze --json`` writes it is
# ``json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=1)``. That
# pretty-printer is pure Python and was the slowest serial step of the command
# (benchmarks/RESULTS.md), so each article's text is made apart, in the worker
# process that analysed it (analysis.pipeline.analyze_rendered), and joined
# here. The result is the same text: json.dumps writes no newline inside a
# string (it escapes them), so indenting an entry is adding spaces after each
# newline.


#: The types json.dumps writes as one value (not their subclasses: an IntEnum,
#: say, goes the way of anything unusual, to json.dumps itself).
_PLAIN = frozenset((str, int, float, bool, type(None)))
_STR = frozenset((str,))


def _indented(value: Any, depth: int) -> str:
    """``value`` as json.dumps(indent=1) writes it ``depth`` levels deep in a document.

    With an indent, json.dumps runs its pure-Python encoder. Here the C
    encoder writes, in one call each, plain values, containers of them and
    lists of dicts of them (an article's sentences, its highlights), with the
    separators indent=1 puts between items at that depth: an article's entry
    takes 40 % less CPU (half the instructions). Other dicts (of str keys),
    lists and tuples are opened here; anything else is json.dumps's. The
    test-suite compares the two on generated documents.
    """
    kind = type(value)
    if kind in _PLAIN:
        return _encode(value)
    if kind is dict and _STR.issuperset(map(type, value)):
        items: Any = value.values()
        opening, closing = "{", "}"
    elif kind is list or kind is tuple:
        items, opening, closing = value, "[", "]"
    else:
        return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
    if not value:
        return opening + closing
    inner = "\n" + " " * (depth + 1)
    if _PLAIN.issuperset(map(type, items)):
        body = _encoder(depth + 1)(value)[1:-1]
    elif kind is not dict and all(map(_is_flat_dict, value)):
        body = _flat_dicts_body(value, depth)
    elif kind is dict:
        body = ("," + inner).join(
            f"{_encode(key)}: {_indented(item, depth + 1)}" for key, item in value.items()
        )
    else:
        body = ("," + inner).join(_indented(item, depth + 1) for item in value)
    return f"{opening}{inner}{body}\n{' ' * depth}{closing}"


def _is_flat_dict(value: Any) -> bool:
    """A non-empty dict of str keys and plain values."""
    return (
        type(value) is dict
        and bool(value)
        and _STR.issuperset(map(type, value))
        and _PLAIN.issuperset(map(type, value.values()))
    )


def _flat_dicts_body(dicts: Sequence[dict[str, Any]], depth: int) -> str:
    """The inside of a list of :func:`_is_flat_dict` dicts ``depth`` levels deep, in one C call."""
    # Written with the dicts' separators throughout, then the list's own put
    # back: json.dumps escapes newlines in strings and a key follows a dict's
    # separator, so "},<newline and indent>{" is only ever the list's.
    outer = "\n" + " " * (depth + 1)
    inner = outer + " "
    text = _encoder(depth + 2)(dicts)[2:-2]  # without the list's "[{" and "}]"
    text = text.replace("}," + inner + "{", outer + "}," + outer + "{" + inner)
    return "{" + inner + text + outer + "}"


#: One JSON value (a key or a plain value) as json.dumps writes it.
_encode = json.JSONEncoder(ensure_ascii=False).encode


@lru_cache(maxsize=16)
def _encoder(depth: int) -> Callable[[Any], str]:
    """The C encoder, items separated as indent=1 separates them ``depth`` levels deep."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + " " * depth, ": ")).encode


def article_json_text(analysed: AnalyzedArticle) -> str:
    """One entry of ``"articles"``, indented as in the document (:func:`corpus_json_text`)."""
    return _indented(article_to_json(analysed), 2)


def corpus_json_text(corpus: Corpus, articles: Sequence[str] | None = None) -> str:
    """``json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=1)``, from its parts.

    ``articles`` are the articles' :func:`article_json_text`, when they are
    made already (:func:`analysis.pipeline.analyze_rendered` makes them in
    its worker processes).
    """
    if articles is None:
        articles = [article_json_text(a) for a in corpus.articles]
    after = [f' "{key}": {_indented(value, 1)}' for key, value in _after_articles(corpus).items()]
    if not articles:
        return "{\n" + ",\n".join([' "articles": []', *after]) + "\n}"
    # One join over the articles, one over the whole: the articles are most of
    # the document (20 MB for 1,269 articles), each copy of it costs.
    listed = ",\n  ".join(articles)
    return "".join(['{\n "articles": [\n  ', listed, "\n ],\n", ",\n".join(after), "\n}"])
