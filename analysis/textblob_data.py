"""TextBlob's data files, found without importing TextBlob, and its sentiment lexicon.

Importing TextBlob imports NLTK (about 1.5 s per worker process), so
:func:`textblob_dir` finds the installed package through its import spec
instead.  :func:`sentiment_lexicon` reads ``textblob/en/en-sentiment.xml``
exactly as ``textblob.en.Sentiment.load`` reads it (the same averaging of word
senses with the builtin ``sum``, and the same derived "-ly" adverbs), once
per process, from :mod:`analysis.modelcache` when it holds it.  The scoring
that uses it is :mod:`analysis.sentiment`; analysis/wordclass.py reads two
more of TextBlob's files from the same folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["SentimentLexicon", "sentiment_lexicon", "textblob_dir"]


class SentimentLexicon(NamedTuple):
    """TextBlob's English sentiment lexicon as plain dictionaries.

    ``words`` maps a lower-case word to ``(polarity, subjectivity, intensity,
    is_modifier)`` – the part-of-speech-averaged scores TextBlob uses for
    untagged text, and whether the word can be an adverb (``"RB"``) that
    modifies the next word. ``labels`` maps a word to its label (e.g.
    "profanity").
    """

    words: dict[str, tuple[float, float, float, bool]]
    labels: dict[str, str]


def textblob_dir() -> Path:
    """Where the textblob package lives, found without importing it (and NLTK)."""
    import importlib.util

    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        from analysis.errors import FrameLensError

        raise FrameLensError(
            "TextBlob is not installed, so sentiment cannot be scored. "
            "Install it with: pip install textblob"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _avg(values: Iterable[float]) -> float:
    # textblob._text.avg, including its use of the builtin sum (whose rounding
    # differs between Python versions: it must be the same call).
    values = list(values)
    return sum(values) / float(len(values) or 1)


@cache
def sentiment_lexicon() -> SentimentLexicon:
    """Load TextBlob's ``en-sentiment.xml`` as ``textblob.en.Sentiment.load`` does (once;
    from :mod:`analysis.modelcache` when it holds the lexicon built from that file)."""
    from analysis.modelcache import cached

    path = textblob_dir() / "en" / "en-sentiment.xml"
    return cached(
        "sentiment",
        1,
        [path, Path(__file__)],
        lambda: _read_sentiment_lexicon(path),
        lambda lexicon: (lexicon.words, lexicon.labels),
        lambda data: SentimentLexicon(*data),
    )


def _read_sentiment_lexicon(path: Path) -> SentimentLexicon:
    from xml.etree import ElementTree

    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        from analysis.errors import FrameLensError

        raise FrameLensError(
            f"TextBlob's sentiment lexicon {path} cannot be read ({error}). Reinstall textblob."
        ) from error
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    labels: dict[str, str] = {}
    for node in root.findall("word"):
        form = node.attrib.get("form")
        pos = node.attrib.get("pos")
        psi = (
            float(node.attrib.get("polarity", 0.0)),
            float(node.attrib.get("subjectivity", 0.0)),
            float(node.attrib.get("intensity", 1.0)),
        )
        label = node.attrib.get("label")
        if form:
            senses.setdefault(form, {}).setdefault(pos, []).append(psi)
        if form and label:
            labels[form] = label
    words: dict[str, dict[str | None, tuple[float, ...]]] = {}
    for form, psis_by_pos in senses.items():
        words[form] = {
            pos: tuple(_avg(each) for each in zip(*psis, strict=True))
            for pos, psis in psis_by_pos.items()
        }
    for scores_by_pos in list(words.values()):
        scores_by_pos[None] = tuple(
            _avg(each) for each in zip(*scores_by_pos.values(), strict=True)
        )
    # textblob.en.Sentiment.load: map "terrible" to the adverb "terribly".
    for form, scores_by_pos in list(words.items()):
        if "JJ" in scores_by_pos:
            if form.endswith("y"):
                form = form[:-1] + "i"
            if form.endswith("le"):
                form = form[:-2]
            scores = scores_by_pos["JJ"]
            entry = words.setdefault(form + "ly", {})
            entry["RB"] = entry[None] = scores
    flat: dict[str, tuple[float, float, float, bool]] = {}
    for form, scores_by_pos in words.items():
        p, s, i = scores_by_pos[None]
        flat[form] = (p, s, i, "RB" in scores_by_pos)
    return SentimentLexicon(flat, labels)
