"""Tests for analysis/bias/fit.py: the fitter that writes resources/lexicons/weights.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("scipy")

from analysis.bias import FEATURES, TERM_COEFS, WORD_COEFS, parse_weights, write_weights
from analysis.bias.fit import TrainingSentence, fit_model
from analysis.bias.model import TERM_NONNEG, WORD_NONNEG
from analysis.lexicon import default_lexicon
from analysis.sentiment import analyze_sentence

_WORD = re.compile(r"\w+")


@dataclass
class Text:
    text: str
    group: str
    dataset: str
    marked: frozenset[str]


def token_labels(doc: Text) -> list[tuple[int, int, bool]]:
    return [(m.start(), m.end(), m.group().lower() in doc.marked) for m in _WORD.finditer(doc.text)]


# Sentences we wrote: loaded ones (their loaded words marked) and plain ones.
LOADED = [
    ("The senator slammed the disastrous plan as a sham.", {"slammed", "disastrous", "sham"}),
    ("Critics blasted the outrageous and shameful giveaway.", {"outrageous", "shameful"}),
    ("The mayor's so-called reform is a complete fiasco.", {"so", "called", "fiasco"}),
    ("Rivals mocked the pathetic, bungled rollout.", {"mocked", "pathetic", "bungled"}),
]
PLAIN = [
    "The council approved the budget on Tuesday.",
    "The minister met farmers in the capital.",
    "Officials said the bridge will reopen in May.",
    "The company reported sales of four million units.",
]


def training_set() -> tuple[list[Text], list[TrainingSentence]]:
    docs: list[Text] = []
    sents: list[TrainingSentence] = []
    lexicon = default_lexicon()
    rows = [(t, frozenset(m), 1) for t, m in LOADED] + [(t, frozenset(), 0) for t in PLAIN]
    for k, (text, marked, label) in enumerate(rows * 2):
        doc = Text(text, f"g{k}", "one" if k % 2 else "two", marked)
        scored = analyze_sentence(text, 0)
        sents.append(
            TrainingSentence(
                len(docs),
                0,
                len(text),
                label,
                scored.subjectivity,
                scored.polarity,
                scored.assessments,
                lexicon.match(text),
            )
        )
        docs.append(doc)
    return docs, sents


def test_a_fitted_model_has_every_coefficient_and_round_trips(tmp_path: Path) -> None:
    docs, sents = training_set()
    model = fit_model(docs, sents, "a test fit", token_labels)
    assert len(model.word) == len(WORD_COEFS)
    assert len(model.term) == len(TERM_COEFS)
    assert len(model.sentence) == 1 + len(FEATURES)
    # A stronger rating or lexicon weight never lowers a weight.
    assert all(c >= 0 for c, nn in zip(model.word[1:], WORD_NONNEG, strict=True) if nn)
    assert all(c >= 0 for c, nn in zip(model.term[1:], TERM_NONNEG, strict=True) if nn)
    assert model.provenance == "a test fit"
    path = tmp_path / "weights.tsv"
    write_weights(model, path, "written by a test")
    back = parse_weights(path.read_text(encoding="utf-8").splitlines())
    assert back.sentence == pytest.approx(model.sentence, rel=1e-5)
    assert back.provenance == "a test fit"


def test_loaded_sentences_score_above_plain_ones_after_fitting() -> None:
    from analysis.bias import sentence_evidence

    docs, sents = training_set()
    model = fit_model(docs, sents, "a test fit", token_labels)

    def estimate(s: TrainingSentence) -> float:
        bias, _ = sentence_evidence(
            docs[s.doc].text,
            s.start,
            s.end,
            s.subjectivity,
            s.polarity,
            s.assessments,
            s.matches,
            model=model,
        )
        return bias

    loaded = [estimate(s) for s in sents if s.label == 1]
    plain = [estimate(s) for s in sents if s.label == 0]
    assert min(loaded) > max(plain)
