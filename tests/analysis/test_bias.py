"""Tests for the analysis/bias/ package and the validity metrics in benchmarks/validity.py."""

from __future__ import annotations

import importlib.util
import io
import math
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.bias import (
    CATEGORY_CONTEXT,
    CONTEXT_FEATURES,
    EVIDENCE_FEATURES,
    FEATURES,
    STYLE_FEATURES,
    TERM_COEFS,
    TERM_NONNEG,
    WORD_COEFS,
    WORD_NONNEG,
    BiasModel,
    article_position,
    bias_features,
    default_model,
    opens_paragraph,
    sentence_evidence,
    style_features,
    word_context,
)
from analysis.bias.evidence import _subjective_reason
from analysis.bias.features import _WORD_RE, _style_counts, _two_words_before
from analysis.bias.fit import average_models, prf
from analysis.lexicon import CATEGORY_IDS, LexiconMatch, default_lexicon
from analysis.model import Assessment
from analysis.sentiment import analyze_sentence

SENTENCE = "The senator slammed the very bad plan, which allegedly exposed a staggering cover-up."


def evidence(text: str = SENTENCE, **kwargs: object) -> tuple[float, tuple]:  # type: ignore[type-arg]
    scored = analyze_sentence(text, 0)
    matches = default_lexicon().match(text)
    return sentence_evidence(
        text,
        0,
        len(text),
        scored.subjectivity,
        scored.polarity,
        scored.assessments,
        matches,
        **kwargs,  # type: ignore[arg-type]
    )


def test_highlights_explain_themselves_and_slice_the_text() -> None:
    bias, highlights = evidence()
    assert 0.0 <= bias <= 1.0
    assert {h.kind for h in highlights} == {"subjective", "loaded"}
    for h in highlights:
        assert SENTENCE[h.start : h.end] == h.text
        assert h.reason and 0.0 <= h.weight <= 1.0
        if h.kind == "subjective":
            assert h.category == "subjective"
            assert h.subjectivity is not None and h.polarity is not None
            assert f"{h.subjectivity:.2f}" in h.reason
        else:
            assert h.category in CATEGORY_IDS and h.term
    assert [h.start for h in highlights] == sorted(h.start for h in highlights)


def test_subjective_highlight_marks_the_word_and_names_the_intensifier() -> None:
    _, highlights = evidence()
    (bad,) = [h for h in highlights if h.kind == "subjective" and h.text == "bad"]
    assert "'very bad'" in bad.reason and "intensified by 'very'" in bad.reason


def test_only_the_sentence_range_is_used() -> None:
    text = "Calm words here. " + SENTENCE
    scored = analyze_sentence(text[17:], 17)
    matches = default_lexicon().match(text)
    _, inside = sentence_evidence(text, 0, 16, 0.0, 0.0, scored.assessments, matches)
    assert inside == ()


def test_loaded_sentence_scores_higher_than_a_plain_one() -> None:
    loaded, _ = evidence()
    plain, marks = evidence("The committee met on Tuesday to discuss the budget for 2025.")
    assert marks == () or all(h.weight < 0.5 for h in marks)
    assert loaded > plain


def test_shipped_weights_are_read_with_their_provenance() -> None:
    model = default_model()
    assert "BABE" in model.provenance and "BASIL" in model.provenance
    assert len(model.sentence) == len(FEATURES) + 1
    assert all(c >= 0 for c in model.sentence[1 : 1 + len(EVIDENCE_FEATURES)])
    assert all(c >= 0 for c, keep in zip(model.word[1:], WORD_NONNEG, strict=True) if keep)
    assert all(c >= 0 for c, keep in zip(model.term[1:], TERM_NONNEG, strict=True) if keep)
    # Shipped weights are the mean of cross-validation fold models, never a
    # fit against a whole development share.
    assert "mean of the 5 fold models" in model.provenance
    # The highlight cut-offs were chosen on inner folds of each training set.
    assert "inner folds" in model.provenance
    assert len(model.word) == len(WORD_COEFS) and len(model.term) == len(TERM_COEFS)
    # Every built-in category has its own part-of-speech and commonness terms.
    assert model.term_category_context is not None
    assert set(model.term_category_context) == set(CATEGORY_IDS)
    assert all(len(v) == len(CATEGORY_CONTEXT) for v in model.term_category_context.values())


def test_a_category_s_own_context_coefficients_move_only_its_terms() -> None:
    at = CONTEXT_FEATURES.index("pos_adjective")
    adjective = [0.0] * len(CONTEXT_FEATURES)
    adjective[at] = 1.0
    own = dict.fromkeys(CATEGORY_IDS, (0.0,) * len(CATEGORY_CONTEXT))
    own["emotive"] = tuple(1.5 if name == "pos_adjective" else 0.0 for name in CATEGORY_CONTEXT)
    plain, fitted = BiasModel(), BiasModel(term_category_context=own)

    def logit_gain(category: str, shape: list[float]) -> float:
        match = LexiconMatch(0, 4, "term", category, "why", 0.6, "term")
        p0, p1 = plain.term_weight(match, 0.0, shape), fitted.term_weight(match, 0.0, shape)
        return math.log(p1 / (1 - p1)) - math.log(p0 / (1 - p0))

    # sigmoid(z + 1.5 * pos_adjective) for an emotive adjective only.
    assert logit_gain("emotive", adjective) == pytest.approx(1.5)
    assert logit_gain("emotive", [0.0] * len(CONTEXT_FEATURES)) == pytest.approx(0.0)
    assert logit_gain("label", adjective) == pytest.approx(0.0)
    # A user's own category keeps the weight the user gave.
    custom = LexiconMatch(0, 4, "term", "custom:mine", "why", 0.6, "term")
    assert fitted.term_weight(custom, 0.0, adjective) == 0.6


def test_written_weights_read_back_the_same(repo_dir: Path, tmp_path: Path) -> None:
    from analysis.bias import parse_weights, write_weights

    model = default_model()
    path = tmp_path / "weights.tsv"
    write_weights(model, path, "round trip")
    back = parse_weights(path.read_text(encoding="utf-8").splitlines())
    assert back.word == pytest.approx(model.word, rel=1e-5)
    assert back.term == pytest.approx(model.term, rel=1e-5)
    assert back.sentence == pytest.approx(model.sentence, rel=1e-5)
    assert back.term_category == pytest.approx(model.term_category, rel=1e-5)
    assert back.term_category_context is not None and model.term_category_context is not None
    for category, values in model.term_category_context.items():
        assert back.term_category_context[category] == pytest.approx(values, rel=1e-5)


def _context_of(text: str) -> Callable[[str], dict[str, float]]:
    """word_context of a phrase of ``text`` (its first occurrence), by feature name."""

    def ctx(phrase: str) -> dict[str, float]:
        start = text.index(phrase)
        values = word_context(text, 0, len(text), start, start + len(phrase))
        return dict(zip(CONTEXT_FEATURES, values, strict=True))

    return ctx


def test_word_context_reads_quotes_names_negation_and_intensifiers() -> None:
    ctx = _context_of('Smith said the plan was not "reckless" but very bold, and Brown agreed.')

    assert ctx("reckless")["quoted"] == 1.0 and ctx("reckless")["negated"] == 1.0
    assert ctx("bold")["intensified"] == 1.0 and ctx("bold")["quoted"] == 0.0
    assert ctx("Brown")["capitalised"] == 1.0
    assert ctx("Smith")["capitalised"] == 0.0  # opens the sentence
    assert ctx("reckless")["adjective_suffix"] == 1.0 and ctx("plan")["adjective_suffix"] == 0.0
    assert ctx("plan")["negated"] == 0.0
    assert ctx("Smith")["position"] == 0.0 and 0.0 < ctx("agreed")["position"] < 1.0


def test_word_context_reads_graded_words_and_phrases() -> None:
    ctx = _context_of(
        "It was the most reckless and the cruelest plan, a power grab by the honest broker."
    )

    assert ctx("reckless")["comparative"] == 1.0  # after "most"
    assert ctx("cruelest")["comparative"] == 1.0  # a superlative
    assert ctx("plan")["comparative"] == 0.0 and ctx("broker")["comparative"] == 0.0
    assert ctx("power grab")["phrase"] == 1.0
    assert ctx("plan")["phrase"] == 0.0 and ctx("cruelest")["phrase"] == 0.0


def test_word_context_reads_the_part_of_speech_and_commonness_of_the_last_word() -> None:
    ctx = _context_of("The president quietly slammed the reckless plan of Senator Obama.")
    pos = ("pos_adjective", "pos_adverb", "pos_verb", "pos_noun", "pos_proper")

    def classes(phrase: str) -> list[str]:
        return [name for name in pos if ctx(phrase)[name] == 1.0]

    assert classes("reckless") == ["pos_adjective"]
    assert classes("quietly") == ["pos_adverb"]
    assert classes("slammed") == ["pos_verb"]
    assert classes("president") == ["pos_noun"]
    assert classes("of") == []  # a function word: none of the classes
    # A phrase takes the class of its last word and the commonness of its rarest.
    assert classes("reckless plan") == ["pos_noun"]
    assert ctx("reckless plan")["commonness"] == ctx("reckless")["commonness"]
    assert ctx("reckless plan")["commonness"] < ctx("plan")["commonness"]
    # Loaded words are rarer than neutral ones; every value is in [0, 1].
    assert 0.0 <= ctx("reckless")["commonness"] < ctx("president")["commonness"] <= 1.0
    assert ctx("the")["commonness"] == 1.0
    # Usage is a property of the word, not of where it stands.
    quoted = _context_of('He called the plan "reckless" today.')("reckless")
    assert {n: quoted[n] for n in (*pos, "commonness")} == {
        n: ctx("reckless")[n] for n in (*pos, "commonness")
    }


def test_a_rarer_word_weighs_more_where_the_model_says_so_and_keeps_its_reason() -> None:
    common_at = len(WORD_COEFS) - len(CONTEXT_FEATURES) + CONTEXT_FEATURES.index("commonness")
    word = list(BiasModel().word)
    word[common_at] = -3.0
    model = BiasModel(word=tuple(word))
    text = "The plan was bad and atrocious."
    _, marks = evidence(text, model=model)
    rated = {h.text: h for h in marks if h.kind == "subjective"}
    shapes = {w: word_context(text, 0, len(text), h.start, h.end) for w, h in rated.items()}
    at = CONTEXT_FEATURES.index("commonness")
    assert shapes["atrocious"][at] < shapes["bad"][at]  # the rarer word
    for w, h in rated.items():
        subjectivity, polarity = h.subjectivity or 0.0, h.polarity or 0.0
        own = model.word_weight(subjectivity, polarity, 0.0, shapes[w])
        # The same rating on a word of the other's commonness: rarer weighs more.
        other = [*shapes[w]]
        other[at] = shapes["bad" if w == "atrocious" else "atrocious"][at]
        moved = model.word_weight(subjectivity, polarity, 0.0, other)
        assert (moved < own) == (w == "atrocious")
    assert all(h.reason.startswith("TextBlob rates") for h in rated.values())
    # The kind of a highlight stays one of the two the JSON schema knows.
    assert {h.kind for h in marks} <= {"subjective", "loaded"}


def test_sentence_features_count_strong_textblob_words_and_negativity() -> None:
    text = "The awful, terrible and new plan."
    ratings = {"awful": 1.0, "terrible": 1.0, "new": 0.45}
    placed = [
        Assessment(text.index(w), text.index(w) + len(w), (w,), s, -0.8, "")
        for w, s in ratings.items()
    ]
    _, highlights = sentence_evidence(text, 0, len(text), 0.8, -0.6, placed, [])
    values = dict(
        zip(FEATURES, bias_features(text, 0, len(text), 0.8, -0.6, highlights), strict=True)
    )
    # "new" is rated below 0.5: only the two strong words count.
    assert values["subjective_count"] == pytest.approx(math.log1p(2))
    assert values["negativity"] == pytest.approx(0.6)
    positive = dict(
        zip(FEATURES, bias_features(text, 0, len(text), 0.8, 0.6, highlights), strict=True)
    )
    assert positive["negativity"] == 0.0
    # Both are evidence: their coefficients are kept >= 0, so more never lowers the bias.
    assert {"subjective_count", "negativity"} <= set(EVIDENCE_FEATURES)


def test_style_features_count_negations_whatever_their_spelling() -> None:
    def negations(text: str) -> float:
        values = dict(zip(STYLE_FEATURES, style_features(text, 0, len(text)), strict=True))
        return values["negations"]

    assert negations("The plan passed on Tuesday.") == 0.0
    assert negations("The plan did not pass and never will.") == pytest.approx(math.log1p(2))
    # Contractions, with a straight or a curly apostrophe, and other cases.
    assert negations("They don't know; they won\u2019t say. NO deal.") == pytest.approx(
        math.log1p(3)
    )
    # A style feature: its sign is learned, and the highlights do not change it.
    assert "negations" in STYLE_FEATURES and "negations" not in EVIDENCE_FEATURES


def test_context_changes_a_highlight_weight_but_not_its_reason() -> None:
    negated_at = len(TERM_COEFS) - len(CONTEXT_FEATURES) + CONTEXT_FEATURES.index("negated")
    term = [0.0] * len(TERM_COEFS)
    term[1], term[negated_at] = 1.0, -2.0
    model = BiasModel(term=tuple(term))
    plain = "The plan was reckless."
    negated = "The plan was not reckless."
    weights = {}
    for text in (plain, negated):
        _, marks = evidence(text, model=model)
        (mark,) = [h for h in marks if h.kind == "loaded" and h.text == "reckless"]
        weights[text] = mark.weight
        assert mark.reason
    assert weights[negated] < weights[plain]


def match(start: int, end: int, text: str, category: str, weight: float) -> LexiconMatch:
    return LexiconMatch(start, end, text[start:end], category, "why", weight, "term")


TEXT = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
WORDS = [(TEXT.index(w), TEXT.index(w) + len(w)) for w in TEXT.split()]

matches_strategy = st.lists(
    st.tuples(
        st.integers(0, len(WORDS) - 1),
        st.sampled_from([*CATEGORY_IDS, "custom:mine"]),
        st.floats(0.0, 1.0),
    ),
    max_size=6,
)
assessments_strategy = st.lists(
    st.tuples(
        st.integers(0, len(WORDS) - 1), st.floats(0.0, 1.0), st.floats(-1.0, 1.0), st.booleans()
    ),
    max_size=6,
)


def build(
    ms: list[tuple[int, str, float]], assessments: list[tuple[int, float, float, bool]]
) -> tuple[list[LexiconMatch], list[Assessment]]:
    return (
        [match(*WORDS[i], TEXT, c, w) for i, c, w in ms],
        [
            Assessment(*WORDS[i], (TEXT[WORDS[i][0] : WORDS[i][1]],), s, p, "very" if inten else "")
            for i, s, p, inten in assessments
        ],
    )


@settings(max_examples=150, deadline=None)
@given(
    matches_strategy,
    assessments_strategy,
    st.floats(0.0, 1.0),
    st.floats(-1.0, 1.0),
    st.integers(0, len(WORDS) - 1),
    st.sampled_from([*CATEGORY_IDS, "custom:mine"]),
    st.floats(0.0, 1.0),
)
def test_bias_in_unit_interval_and_monotone_in_loaded_terms(
    ms: list[tuple[int, str, float]],
    assessments: list[tuple[int, float, float, bool]],
    subjectivity: float,
    polarity: float,
    where: int,
    category: str,
    weight: float,
) -> None:
    matches, placed = build(ms, assessments)
    before, _ = sentence_evidence(TEXT, 0, len(TEXT), subjectivity, polarity, placed, matches)
    extra = match(*WORDS[where], TEXT, category, weight)
    after, highlights = sentence_evidence(
        TEXT, 0, len(TEXT), subjectivity, polarity, placed, [*matches, extra]
    )
    assert 0.0 <= before <= 1.0 and 0.0 <= after <= 1.0
    assert after >= before - 1e-12
    assert all(0.0 <= h.weight <= 1.0 for h in highlights)


@settings(max_examples=60, deadline=None)
@given(matches_strategy, st.floats(0.0, 0.99))
def test_a_stronger_term_never_lowers_the_bias(
    ms: list[tuple[int, str, float]], weight: float
) -> None:
    matches, _ = build(ms, [])
    weak = match(*WORDS[0], TEXT, "label", weight)
    strong = match(*WORDS[0], TEXT, "label", min(1.0, weight + 0.01))
    low, _ = sentence_evidence(TEXT, 0, len(TEXT), 0.2, 0.0, [], [*matches, weak])
    high, _ = sentence_evidence(TEXT, 0, len(TEXT), 0.2, 0.0, [], [*matches, strong])
    assert high >= low - 1e-12


def test_hand_set_model_still_works() -> None:
    bias, highlights = evidence(model=BiasModel())
    assert 0.0 <= bias <= 1.0 and highlights
    features = bias_features(SENTENCE, 0, len(SENTENCE), 0.5, -0.2, highlights)
    assert len(features) == len(FEATURES)


# ---------------------------------------------------------------- validity metrics


def load_benchmark(repo_dir: Path, name: str) -> ModuleType:
    """benchmarks/NAME.py as a module (benchmarks/ is not a package)."""
    path = repo_dir / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"framelens_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_validity(repo_dir: Path) -> ModuleType:
    return load_benchmark(repo_dir, "validity")


def test_metrics_against_a_hand_computed_example(repo_dir: Path) -> None:
    v = load_validity(repo_dir)
    # 2 positives, 2 negatives; of the 4 (pos, neg) pairs 3 are ordered right.
    assert v.roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert v.roc_auc([0.5, 0.5], [0, 1]) == pytest.approx(0.5)  # a tie counts half
    text = "They slammed the bizarre plan today"
    doc = v.Doc(text, [(0, len(text))], [1], [], {"slammed", "bizarre"})
    slammed = (text.index("slammed"), text.index("slammed") + 7)
    plan = (text.index("plan"), text.index("plan") + 4)
    assert v.token_counts(doc, [slammed, plan]) == (1, 1, 1)
    p, r, f = prf(1, 1, 1)
    assert (p, r, f) == (0.5, 0.5, 0.5)
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    span_doc = v.Doc(text, [(0, len(text))], [1], [(text.index("the"), text.index("plan") - 1)])
    assert v.token_counts(span_doc, [plan]) == (0, 1, 2)


def test_fold_models_are_averaged_coefficient_by_coefficient() -> None:
    a = BiasModel(
        term_shift={"label:regime": 1.0, "emotive:awful": 0.5}, term_category={"label": 1.0}
    )
    b = BiasModel(
        word=tuple(c + 1.0 for c in BiasModel().word),
        term_shift={"label:regime": 0.0},
        term_category={"label": 0.0},
        term_category_context={"label": (1.0, 2.0, 3.0)},
    )
    mean = average_models([a, b], "mean of 2 fold models")
    assert mean.word == pytest.approx(tuple(c + 0.5 for c in BiasModel().word))
    assert mean.sentence == pytest.approx(BiasModel().sentence)
    # A term missing from a fold model counts as no shift in that fold.
    assert mean.term_shift == pytest.approx({"label:regime": 0.5, "emotive:awful": 0.25})
    assert mean.term_category == pytest.approx({"label": 0.5})
    # A category missing from a fold model counts as zeros in that fold.
    assert mean.term_category_context is not None
    assert mean.term_category_context["label"] == pytest.approx((0.5, 1.0, 1.5))
    assert mean.term_category_context["emotive"] == pytest.approx((0.0, 0.0, 0.0))
    assert mean.provenance == "mean of 2 fold models"


@pytest.mark.data
def test_validity_on_a_small_slice(repo_dir: Path, data_dir: Path) -> None:
    v = load_validity(repo_dir)
    babe = v.load_babe(data_dir / "babe-dev.csv", limit=40)
    basil = v.load_basil(data_dir / "basil-dev", limit=3)
    assert len(babe) == 40 and len(basil) == 3
    for docs in (babe, basil):
        sents = v.prepare(docs, default_lexicon())
        scores = v.evaluate_model(docs, sents, default_model())
        gold = sum(g for d in docs for _, _, g in v.tokens(d))
        assert scores.tp + scores.fn == gold
        p, r, f, auc = scores.row()
        assert all(0.0 <= x <= 1.0 for x in (p, r, f, auc))
        baseline = v.evaluate_textblob(docs, sents, 0.5)
        assert baseline.tp + baseline.fn == gold
    out = io.StringIO()
    assert v.main(["--data", str(data_dir), "--limit", "12"], out=out) == 0
    table = out.getvalue()
    assert "framelens analyze (in-sample)" in table and "TextBlob words >= 0.5" in table


def test_coverage_sorts_each_token_by_the_candidate_over_it(repo_dir: Path) -> None:
    limits = load_benchmark(repo_dir, "validity_limits")
    v = load_validity(repo_dir)
    # "slammed" is a loaded term (and annotated), "nice" only a rated TextBlob
    # word, the other four words no candidate at all.
    text = "They slammed the nice plan today"
    doc = v.Doc(text, [(0, len(text))], [1], [], {"slammed"})
    sents = v.prepare([doc], default_lexicon())
    found = limits.coverage([doc], sents, default_model())
    assert found == {("term", True): 1, ("word", False): 1, ("none", False): 4}


def test_a_positive_cut_off_shift_raises_the_weights(repo_dir: Path) -> None:
    limits = load_benchmark(repo_dir, "validity_limits")
    model = default_model()
    moved = limits.shifted(model, 0.5, -0.5)
    assert moved.word_weight(0.6, 0.2) > model.word_weight(0.6, 0.2)
    match = LexiconMatch(0, 7, "slammed", "attribution", "why", 0.75, "slammed")
    assert moved.term_weight(match) < model.term_weight(match)
    assert moved.sentence == model.sentence and moved.term_shift == model.term_shift


def test_word_rates_are_shares_of_marked_uses_shrunk_toward_zero(repo_dir: Path) -> None:
    limits = load_benchmark(repo_dir, "validity_limits")
    v = load_validity(repo_dir)
    text = "Critics slammed it. Others slammed it too. Nobody cared."
    marked = text.index("slammed")
    doc = v.Doc(text, [(0, len(text))], [1], [(marked, marked + len("slammed"))])
    other = v.Doc("It slammed shut.", [(0, 16)], [0], [])
    # "slammed": marked in 1 of its 3 uses, plus VOCABULARY_PRIOR unmarked ones;
    # words never marked are left out.
    rates = limits.word_rates([doc, other], [0, 1])
    assert rates == {"slammed": pytest.approx(1 / (3 + limits.VOCABULARY_PRIOR))}
    assert limits.word_rates([doc, other], [1]) == {}


@pytest.mark.data
def test_validity_limits_on_a_small_slice(repo_dir: Path, data_dir: Path) -> None:
    limits = load_benchmark(repo_dir, "validity_limits")
    out = io.StringIO()
    assert limits.main(["--data", str(data_dir), "--limit", "15"], out=out) == 0
    table = out.getvalue()
    for name in ("BABE", "BASIL"):
        assert f"{name:8} fitted on {name} alone" in table
        assert all(f"{name:8} {kind:6}" in table for kind in ("term", "word", "none"))
    assert table.count("best per-dataset cut-offs") == 2
    assert table.count("with a vocabulary learned from") == 2


@settings(max_examples=80, deadline=None)
@given(
    st.floats(0.01, 0.5),
    st.sampled_from(sorted(set(CATEGORY_IDS) - {"scare_quote"})),
    st.lists(st.floats(0.0, 1.0), min_size=len(CONTEXT_FEATURES), max_size=len(CONTEXT_FEATURES)),
)
def test_a_quoted_term_never_outweighs_the_outlets_own_use(
    quoted_weight: float, category: str, shape: list[float]
) -> None:
    # The lexicon halves a quoted term's weight and its reason says it weighs
    # less; the fitted model must not undo that.
    model = default_model()
    quoted = LexiconMatch(0, 4, "term", category, "why", quoted_weight, "term", quoted=True)
    own = LexiconMatch(0, 4, "term", category, "why", quoted_weight * 2, "term")
    assert (
        model.term_weight(quoted, 0.0, [1.0, *shape[1:]])
        <= model.term_weight(own, 0.0, [0.0, *shape[1:]]) + 1e-12
    )


# sentence_evidence finds each sentence's words once and indexes the quotations
# once; its numbers must stay those of the public, one-call-per-word functions.
_TRICKY = [
    'He said it was "a truly disgraceful sham" and not a well-known, very dangerous plot.',
    "Officials \u201cinsisted\u201d the so-called reform was utterly shameful; critics weren't "
    "convinced, and the long-winded, extraordinarily self-serving, remarkably incompetent "
    "administration allegedly slammed them!",
    "'Radical' activists? No, said Ms Vale: the most outrageous claims were never proven.",
]


@pytest.mark.parametrize("text", _TRICKY)
@pytest.mark.parametrize(
    "lead", ["", "A plain first sentence.\n\n", "A plain first sentence. " * 8]
)
def test_evidence_equals_the_per_word_functions(text: str, lead: str) -> None:
    # The sentence alone, opening a later paragraph, and deep inside one.
    model = default_model()
    full, start, end = lead + text, len(lead), len(lead) + len(text)
    scored = analyze_sentence(text, start)
    matches = default_lexicon().match(full, start, end)
    bias, highlights = sentence_evidence(
        full, start, end, scored.subjectivity, scored.polarity, scored.assessments, matches
    )
    strong = sum(1 for m in matches if m.weight >= 0.5 and not m.quoted)
    by_span = {(a.start, a.end): a for a in scored.assessments}
    loaded = {(m.start, m.end): m for m in matches}
    assert highlights
    for h in highlights:
        if h.kind == "loaded":
            m = loaded[(h.start, h.end)]
            shape = word_context(
                full, start, end, m.start, m.end, quoted=m.quoted, negated=m.negated
            )
            context = strong - (1 if m.weight >= 0.5 and not m.quoted else 0)
            rated = [
                a
                for a in scored.assessments
                if a.subjectivity > 0 and a.start < m.end and m.start < a.end
            ]
            best = max(rated, key=lambda a: a.subjectivity, default=None)
            subj, pol = (best.subjectivity, best.polarity) if best else (0.0, 0.0)
            expected = model.term_weight(m, math.log1p(context), shape, subj, pol)
        else:
            a = next(a for (s, e), a in by_span.items() if s <= h.start and h.end <= e)
            shape = word_context(
                full,
                start,
                end,
                h.start,
                h.end,
                negated=a.negated,
                intensified=bool(a.intensifier),
            )
            expected = model.word_weight(a.subjectivity, a.polarity, math.log1p(strong), shape)
        assert h.weight == round(expected, 4)
    features = bias_features(full, start, end, scored.subjectivity, scored.polarity, highlights)
    assert bias == min(1.0, max(0.0, model.sentence_bias(features)))


def _later(sentence: str, lead: str) -> tuple[float, tuple, str, int]:  # type: ignore[type-arg]
    """``sentence`` after ``lead`` in one article: its evidence, the text, where it starts."""
    text = lead + sentence
    start = len(lead)
    scored = analyze_sentence(sentence, start)
    matches = default_lexicon().match(text, start, len(text))
    bias, marks = sentence_evidence(
        text, start, len(text), scored.subjectivity, scored.polarity, scored.assessments, matches
    )
    return bias, marks, text, start


def test_article_position_is_the_share_of_the_text_before_the_sentence() -> None:
    text = "One. Two three. Four."
    assert article_position(text, 0) == 0.0
    assert article_position(text, text.index("Two")) == 5 / len(text)
    assert article_position("", 0) == 0.0
    at = CONTEXT_FEATURES.index("article_position")
    _, marks, long_text, start = _later(SENTENCE, "A plain first sentence. " * 8)
    assert marks
    for h in marks:
        shape = word_context(long_text, start, len(long_text), h.start, h.end)
        assert shape[at] == start / len(long_text)
        # Only where the sentence stands differs from the same sentence alone,
        # which opens the article and its paragraph.
        alone = word_context(SENTENCE, 0, len(SENTENCE), h.start - start, h.end - start)
        para = CONTEXT_FEATURES.index("paragraph_start")
        assert (alone[at], alone[para]) == (0.0, 1.0)
        assert shape[para] == 0.0
        assert [v for i, v in enumerate(shape) if i not in (at, para)] == [
            v for i, v in enumerate(alone) if i not in (at, para)
        ]
    style = style_features(long_text, start, len(long_text))
    assert style[STYLE_FEATURES.index("article_position")] == start / len(long_text)
    assert style[STYLE_FEATURES.index("paragraph_start")] == 0.0


def test_a_sentence_opens_a_paragraph_after_a_blank_line_not_after_a_wrapped_line() -> None:
    text = "  First one. Second one.\n\nThird one.\n \t\n  Fourth one.\nFifth one."
    names = ("First one", "Second one", "Third one", "Fourth one", "Fifth one")
    assert {name: opens_paragraph(text, text.index(name)) for name in names} == {
        "First one": 1.0,  # only white space before it
        "Second one": 0.0,
        "Third one": 1.0,
        "Fourth one": 1.0,  # a blank line holding spaces and a tab
        "Fifth one": 0.0,  # one line break: a wrapped line, not a new paragraph
    }
    assert opens_paragraph("", 0) == 1.0
    at = CONTEXT_FEATURES.index("paragraph_start")
    third = text.index("Third")
    assert word_context(text, third, third + 10, third, third + 5)[at] == 1.0
    fifth = text.index("Fifth")
    assert style_features(text, fifth, len(text))[STYLE_FEATURES.index("paragraph_start")] == 0.0


def test_the_shipped_model_weighs_the_same_wording_less_deeper_into_an_article() -> None:
    # Fitted on expert annotations: the same wording marks less, and the
    # sentence's estimate is lower, deep into an article than in its lead.
    bias0, first = evidence()
    bias1, later, _, start = _later(SENTENCE, "A plain first sentence. " * 30)
    assert [(h.start + start, h.end + start, h.reason) for h in first] == [
        (h.start, h.end, h.reason) for h in later
    ]
    assert all(b.weight < a.weight for a, b in zip(first, later, strict=True))
    assert bias1 < bias0


# Text made of words, joiners, spaces and punctuation, where word boundaries are hard.
_PIECES = st.sampled_from(
    ["a", "bb", "ccc", "x-y", "it's", "\u2019", "-", "'", " ", "  ", ",", "\u00e9", "_", "9"]
    + ["U.S.", "well-known"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.data())
def test_words_before_a_span_are_those_of_the_whole_window(text: str, data: st.DataObject) -> None:
    # The short scan of _two_words_before must find what word_context's
    # 60-character window finds.
    start = data.draw(st.integers(0, len(text)))
    sentence_start = data.draw(st.integers(0, start))
    window = _WORD_RE.findall(text, max(sentence_start, start - 60), start)
    assert _two_words_before(text, sentence_start, start) == window[-2:]


@pytest.mark.parametrize("copies", [0, 1, 3, 600])
def test_style_counts_count_each_kind_of_word(copies: int) -> None:
    words = ["very", "Didn't", "cheapest", "1999", "said", "we", "famous"] * copies
    counts = _style_counts(words)
    assert counts.intensifier == counts.negation == counts.superlative == copies
    assert counts.digit == counts.neutral_attribution == counts.personal_pronoun == copies
    assert counts.adjective_suffix == copies  # "famous"
    assert _style_counts(["the", "plan"]) == (0,) * 7


def test_reasons_are_written_once_per_rating_yet_keep_the_sign_of_zero() -> None:
    def rated(polarity: float) -> Assessment:
        return Assessment(0, 4, ("good",), 0.6, polarity)

    reason = _subjective_reason(rated(0.5), "good")
    assert reason == "TextBlob rates 'good' subjectivity 0.60, polarity +0.50"
    assert _subjective_reason(rated(0.5), "good") is reason  # cached
    # 0.0 == -0.0, so a cache keyed by value would give the first one's text to both.
    assert _subjective_reason(rated(-0.0), "good").endswith("polarity -0.00")
    assert _subjective_reason(rated(0.0), "good").endswith("polarity +0.00")
    assert _subjective_reason(rated(-0.0), "good").endswith("polarity -0.00")
