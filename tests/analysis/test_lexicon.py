"""Tests for analysis/lexicon.py: matching, file formats, errors, the shipped lexicon."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import LexiconError
from analysis.lexicon import (
    CATEGORY_IDS,
    Lexicon,
    LexiconEntry,
    adverb_forms,
    default_lexicon,
    inflections,
    load_categories,
    load_lexicon,
    quote_regions,
)


def lex(*rows: tuple[str, str, float], scare_quotes: bool = False) -> Lexicon:
    return Lexicon(
        (LexiconEntry(t, c, w, f"reason for {t}") for t, c, w in rows),
        name="test",
        scare_quotes=scare_quotes,
    )


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.term) for m in lexicon.match(text)]


# ---------------------------------------------------------------- inflections


def test_inflections_of_regular_verbs_and_nouns() -> None:
    assert {"slams", "slammed", "slamming"} <= set(inflections("slam"))
    assert "regimes" in inflections("regime")
    assert {"bullies", "bullied"} <= set(inflections("bully"))
    assert {"blamed", "blaming"} <= set(inflections("blame"))
    assert {"lied", "lying"} <= set(inflections("lie"))
    assert "crashes" in inflections("crash")
    assert inflections("Slam")[0] == "slam"


def test_adverbs_from_adjectives() -> None:
    assert adverb_forms("brutal") == ("brutally",)
    assert adverb_forms("horrible") == ("horribly",)
    assert "hysterically" in adverb_forms("hysteric")
    assert adverb_forms("angry") == ("angrily",)
    assert adverb_forms("bad") == ()


@pytest.mark.parametrize(
    "text",
    ["She slams it.", "She slammed it.", "She is slamming it.", "SLAM!", "They Slam it."],
)
def test_inflected_and_any_case_forms_match(text: str) -> None:
    lexicon = lex(("slam", "attribution", 0.7))
    assert [t for _, t in found(lexicon, text)] == ["slam"]


def test_whole_words_only() -> None:
    lexicon = lex(("slam", "attribution", 0.7), ("regime", "label", 0.8))
    assert found(lexicon, "Islam and the slammer; regimented") == []


def test_adjective_matches_its_adverb() -> None:
    lexicon = lex(("brutal", "emotive", 0.7))
    assert found(lexicon, "It was brutally honest.") == [("brutally", "brutal")]


def test_exact_form_only_with_equals_sign() -> None:
    lexicon = lex(("=kept", "presupposition", 0.5))
    assert found(lexicon, "He kept it; he keeps it; kepts") == [("kept", "=kept")]


# ---------------------------------------------------------------- phrases, wildcards, overlaps


def test_phrases_match_across_spaces_and_hyphens() -> None:
    lexicon = lex(("so-called", "hedge", 0.6), ("far left", "label", 0.8))
    assert found(lexicon, "the so called experts") == [("so called", "so-called")]
    assert found(lexicon, "the so-called experts") == [("so-called", "so-called")]
    assert found(lexicon, "a far-left group") == [("far-left", "far left")]
    assert found(lexicon, "so. Called") == []


def test_phrase_inflects_its_first_or_last_word() -> None:
    lexicon = lex(("lash out", "attribution", 0.7), ("death tax", "label", 0.8))
    assert found(lexicon, "He lashed out at death taxes.") == [
        ("lashed out", "lash out"),
        ("death taxes", "death tax"),
    ]


def test_wildcard_is_a_prefix_match() -> None:
    lexicon = lex(("infest*", "label", 0.8))
    assert found(lexicon, "Infested, infestation, infest, but not fest") == [
        ("Infested", "infest*"),
        ("infestation", "infest*"),
        ("infest", "infest*"),
    ]


def test_longest_match_wins_and_matches_never_overlap() -> None:
    lexicon = lex(
        ("witch", "label", 0.3),
        ("witch hunt", "label", 0.8),
        ("hunt", "emotive", 0.2),
        ("partisan witch hunt", "label", 0.9),
    )
    matches = lexicon.match("a partisan witch hunt and a witch hunt, a hunt")
    assert [m.term for m in matches] == ["partisan witch hunt", "witch hunt", "hunt"]
    for a, b in zip(matches, matches[1:], strict=False):
        assert a.end <= b.start


def test_exact_entry_beats_inflection_of_another() -> None:
    lexicon = lex(("claim", "attribution", 0.6), ("claims", "custom:noun", 0.2))
    assert found(lexicon, "his claims") == [("claims", "claims")]


def test_match_offsets_and_range() -> None:
    lexicon = lex(("regime", "label", 0.8))
    text = "The regime fell. A new regime rose."
    whole = lexicon.match(text)
    assert [text[m.start : m.end] for m in whole] == ["regime", "regime"]
    assert all(m.text == text[m.start : m.end] for m in whole)
    second = lexicon.match(text, 17, len(text))
    assert [m.start for m in second] == [text.index("regime", 17)]


# ---------------------------------------------------------------- context


def test_quoted_term_counts_half_and_says_why() -> None:
    lexicon = lex(("disgraceful", "emotive", 0.8))
    outside, inside = lexicon.match('It was disgraceful. "It was disgraceful," she said.')
    assert not outside.quoted and outside.weight == 0.8
    assert inside.quoted and inside.weight == pytest.approx(0.4)
    assert "quotation" in inside.reason


def test_negation_is_named_in_the_reason() -> None:
    lexicon = lex(("clearly", "presupposition", 0.55))
    (m,) = lexicon.match("It was not clearly wrong.")
    assert m.negated and "'not'" in m.reason


def test_scare_quotes_need_no_speaker() -> None:
    lexicon = Lexicon((), scare_quotes=True)
    (m,) = lexicon.match('The so-called "reform" passed.')
    assert m.category == "scare_quote" and m.text == '"reform"'
    assert lexicon.match('The minister called it "a reform" on Monday.') == ()
    assert (
        lexicon.match("\u201cThis is a long full sentence of quoted speech,\u201d she said.") == ()
    )
    assert lexicon.match('They watched "Orange Is the New Black" again.') == ()


def test_quote_regions_pair_curly_straight_and_single_quotes() -> None:
    text = "He said \u201cno\u201d and 'yes' but don't; \"open"
    regions = quote_regions(text)
    assert (text.index("\u201c"), text.index("\u201d") + 1) in regions
    assert (text.index("'yes'"), text.index("'yes'") + 5) in regions
    assert regions[-1] == (text.index('"open'), len(text))


# ---------------------------------------------------------------- merging


def test_merged_user_entries_override_and_originals_stay_unchanged() -> None:
    base = lex(("slam", "attribution", 0.7), ("regime", "label", 0.8))
    user = Lexicon([LexiconEntry("slam", "custom:mine", 0.1, "mine", "user")], name="user")
    merged = base.merged(user)
    (m,) = merged.match("They slammed it")
    assert (m.category, m.weight) == ("custom:mine", 0.1)
    assert merged.names == ("test", "user")
    assert len(merged) == 2
    assert base.match("They slammed it")[0].category == "attribution"


# ---------------------------------------------------------------- our TSV format


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_load_our_tsv(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mine.tsv",
        "# my words\nterm\tcategory\tweight\treason\n"
        "gobbledygook\temotive\t0.7\tdismisses speech as nonsense\n"
        "brainiac*\tcustom:slang\t0.3\tslang label\n",
    )
    lexicon = load_lexicon(path)
    assert lexicon.name == "mine.tsv"
    assert [(e.term, e.category, e.weight) for e in lexicon] == [
        ("gobbledygook", "emotive", 0.7),
        ("brainiac*", "custom:slang", 0.3),
    ]
    assert [m.reason for m in lexicon.match("Pure gobbledygook from brainiacs")] == [
        "dismisses speech as nonsense",
        "slang label",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("word\temotive\t0.5", r"line 3: expected 4 columns"),
        ("word emotive 0.5 reason", r"line 3: expected 4 columns.*tabs"),
        ("word\temotive\tstrong\treason", r"line 3: the weight 'strong' is not a number"),
        ("word\temotive\t1.5\treason", r"line 3: the weight '1.5' is outside 0 to 1"),
        ("word\tangry\t0.5\treason", r"line 3: unknown category 'angry'.*custom:angry"),
        ("wo*rd\temotive\t0.5\treason", r"line 3: .*a \* may only end a word"),
        ("---\temotive\t0.5\treason", r"line 3: .*no letters"),
        ("x\tscare_quote\t0.5\treason", r"line 3: scare quotes are found by a rule"),
    ],
)
def test_malformed_tsv_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "bad.tsv", f"term\tcategory\tweight\treason\n# comment\n{line}\n")
    with pytest.raises(LexiconError, match=re.escape(str(path)) + ", " + message):
        load_lexicon(path)


def test_unreadable_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot be read"):
        load_lexicon(tmp_path / "missing.tsv")
    with pytest.raises(LexiconError, match="holds no terms"):
        load_lexicon(write(tmp_path / "empty.tsv", "# nothing\n"))
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("ok\temotive\t0.5\tfine\nnaïve\temotive\t0.5\tr\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="line 2: the file is not UTF-8"):
        load_lexicon(latin)


# ---------------------------------------------------------------- LIWC .dic


LIWC = "%\n1\tnegemo\n2\tfunnywords\n3\ttentat\n%\nbadwolf*\t1\ngizmo\t2\nmaybe\t3\t2\nboth\t2\t1\n"


def test_load_liwc_dic(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path / "my.dic", LIWC))
    by_term = {e.term: e for e in lexicon}
    assert by_term["badwolf*"].category == "emotive"
    assert by_term["=gizmo"].category == "custom:funnywords"
    assert by_term["=maybe"].category == "hedge"
    assert by_term["=both"].category == "emotive"  # a FrameLens category wins over custom
    assert "negemo" in by_term["badwolf*"].reason
    assert [m.text for m in lexicon.match("Badwolfish gizmo gizmos maybe")] == [
        "Badwolfish",
        "gizmo",
        "maybe",
    ]


def test_liwc_category_map_can_be_given(tmp_path: Path) -> None:
    lexicon = load_lexicon(
        write(tmp_path / "my.dic", LIWC), liwc_categories={"funnywords": "label"}
    )
    assert {e.term: e.category for e in lexicon}["=gizmo"] == "label"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\tnegemo\n%\nword\t1\n", "line 1: a LIWC .dic file starts with a line holding only %"),
        ("%\n1\tnegemo\n", "line 2: the category list is not closed"),
        (
            "%\n1\tnegemo\nword\t1\n",
            "line 3: expected 'number<TAB>category name', found 'word\\t1' (is the %",
        ),
        ("%\n1\tnegemo\n%\nword\t7\n", "line 4: category number 7 is not declared"),
        ("%\n1\tnegemo\n%\nword\n", "line 4: the word 'word' has no category number"),
        ("%\nnegemo\n%\nword\t1\n", "line 2: expected 'number<TAB>category name'"),
    ],
)
def test_malformed_liwc(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon(write(tmp_path / "bad.dic", text))


# ---------------------------------------------------------------- MPQA .tff


TFF = (
    "type=strongsubj len=1 word1=grumpish pos1=adj stemmed1=n priorpolarity=negative\n"
    "type=weaksubj len=1 word1=wobble pos1=verb stemmed1=y priorpolarity=negative\n"
    "type=weaksubj len=1 word1=grumpish pos1=noun stemmed1=n priorpolarity=negative\n"
)


def test_load_mpqa_tff(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path / "subj.tff", TFF))
    by_term = {e.term: e for e in lexicon}
    assert by_term["=grumpish"].weight == 0.8  # the strongest reading of a word is kept
    assert by_term["wobble"].weight == 0.4
    assert "strongly subjective" in by_term["=grumpish"].reason
    assert [m.text for m in lexicon.match("grumpish, wobbled, wobbling, grumpishes")] == [
        "grumpish",
        "wobbled",
        "wobbling",
    ]


def test_format_is_sniffed_when_the_suffix_says_nothing(tmp_path: Path) -> None:
    assert len(load_lexicon(write(tmp_path / "subj.txt2", TFF))) == 2
    assert len(load_lexicon(write(tmp_path / "liwc.lex", LIWC))) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("type=strongsubj word1=x pos1\n", "line 1: expected key=value pairs, found 'pos1'"),
        ("type=subj word1=x\n", "line 1: type must be strongsubj or weaksubj"),
        ("type=weaksubj len=1\n", "line 1: the word1= field is missing"),
    ],
)
def test_malformed_mpqa(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon(write(tmp_path / "bad.tff", text))


# ---------------------------------------------------------------- the shipped lexicon


def test_default_lexicon_is_large_and_explains_itself() -> None:
    lexicon = default_lexicon()
    entries = lexicon.entries
    assert len(entries) >= 500
    assert {e.category for e in entries} == set(CATEGORY_IDS) - {"scare_quote"}
    for e in entries:
        assert 0.0 <= e.weight <= 1.0
        assert len(e.reason) > 20 and "\t" not in e.reason


def test_default_lexicon_on_a_loaded_sentence() -> None:
    text = (
        "Critics slammed the regime's so-called reform, which supposedly "
        "exposed a staggering cover-up."
    )
    categories = {m.text: m.category for m in default_lexicon().match(text)}
    assert categories["slammed"] == "attribution"
    assert categories["regime"] == "label"
    assert categories["so-called"] == "hedge"
    assert categories["supposedly"] == "hedge"
    assert categories["exposed"] == "presupposition"
    assert categories["staggering"] == "emotive"


def test_categories_file() -> None:
    cats = load_categories()
    assert tuple(c.id for c in cats) == CATEGORY_IDS
    assert len({c.underline for c in cats}) == len(cats)
    assert {c.underline for c in cats} <= {"solid", "dash", "dot", "wave", "double", "dashdot"}
    assert len({c.colour for c in cats}) == len(cats)
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c.colour) for c in cats)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc slam regime\"'\u201c\u201d-.\n")), max_size=80))
def test_matches_are_slices_in_order_without_overlap(text: str) -> None:
    lexicon = default_lexicon().merged(lex(("slam", "attribution", 0.7), ("regime", "label", 0.8)))
    matches = lexicon.match(text)
    terms = [m for m in matches if m.category != "scare_quote"]
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert 0.0 <= m.weight <= 1.0 and m.reason
    for a, b in zip(terms, terms[1:], strict=False):
        assert a.end <= b.start
