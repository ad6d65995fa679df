"""Tests for analysis.load.language: the cheap not-English flag."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.load import load_text
from analysis.load.language import guess_language, language_warning
from tests.analysis.loadfiles import OTHER_STORY, STORY

SAMPLES = {
    "fr": "Le conseil municipal a voté mardi la fermeture du vieux pont pour des travaux. "
    "Les habitants devront prendre le bac pendant les trois mois que durera le chantier, "
    "et les commerçants disent qu'ils sont inquiets pour la saison qui vient.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu "
    "schließen. Die Pendler müssen in den drei Monaten die Fähre nehmen, und die Händler "
    "sagen, dass sie sich Sorgen um die Saison machen, die bald beginnt.",
    "es": "El consejo de la ciudad votó el martes para cerrar el viejo puente por "
    "reparaciones. Los vecinos tendrán que usar el ferry durante los tres meses que "
    "durarán las obras, y los comerciantes dicen que están preocupados por la temporada.",
    "ru": "Городской совет во вторник проголосовал за закрытие старого моста на ремонт. "
    "Жителям придётся пользоваться паромом три месяца.",
    "zh": "市议会周二投票决定关闭旧桥进行维修。居民在三个月的工期内需要乘坐渡轮。",
    "ja": "市議会は火曜日、古い橋を修理のために閉鎖することを決めた。"
    "住民は三か月間フェリーを使う。",
}


@pytest.mark.parametrize("text", [STORY, OTHER_STORY, STORY.upper()])
def test_english_is_english(text: str) -> None:
    assert guess_language(text) == "en"


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_other_languages(code: str, text: str) -> None:
    assert guess_language(text) == code


def test_short_text_is_assumed_english() -> None:
    assert guess_language("Bonjour tout le monde") == "en"


def test_unknown_latin_script_language_is_undetermined() -> None:
    text = "Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan korjausten ajaksi. " * 3
    assert guess_language(text) == "und"


def test_english_quoting_a_foreign_phrase_stays_english() -> None:
    text = STORY + " The sign read: 'Le pont est fermé pour des travaux de la ville.'"
    assert guess_language(text) == "en"


def test_non_english_article_is_flagged() -> None:
    article = load_text(SAMPLES["de"])
    assert article.language == "de"
    assert article.warnings == (language_warning("de"),)
    assert "German" in article.warnings[0] and "English" in article.warnings[0]


def _script_language_by_letter(sample: str) -> str | None:
    """The script test as first written: every letter looked at in turn."""
    from collections import Counter

    from analysis.load.language import _SCRIPTS

    letters = [c for c in sample if c.isalpha()]
    scripts: Counter[str] = Counter()
    for char in letters:
        name = unicodedata.name(char, "")
        for prefix, code in _SCRIPTS:
            if name.startswith(prefix):
                scripts[code] += 1
                break
    if not scripts:
        return None
    code, count = scripts.most_common(1)[0]
    if count / len(letters) < 0.5:
        return None
    if code == "zh" and scripts.get("ja", 0) > 0.05 * len(letters):
        return "ja"
    return code


#: Pieces of text in several scripts, to be mixed in every proportion.
_PIECES = st.sampled_from(
    [*(text[:40] for text in SAMPLES.values()), "Ελληνικά λόγια", "שלום עולם", "مرحبا", "नमस्ते",
     "한국어", "カタカナ", "ひらがな", "“quoted” — dash", "x² ½ Ⅻ 3", STORY[:60]]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text()), max_size=12).map(" ".join))
def test_script_language_looks_only_at_non_ascii_letters(text: str) -> None:
    from analysis.load.language import _script_language

    assert _script_language(text) == _script_language_by_letter(text)
