"""Tests of analysis.compare.frames: the 15 Policy Frames Codebook dimensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare.frames import (
    FRAME_IDS,
    NO_FRAME,
    default_frames,
    frame_scores,
    load_frames,
)
from analysis.errors import LexiconError
from tests.analysis.compare_corpus import make_corpus


def test_fifteen_frames_and_every_default_term_is_valid() -> None:
    assert len(FRAME_IDS) == 15
    matcher = default_frames()
    assert {e.group for e in matcher.entries} <= {*FRAME_IDS, NO_FRAME}
    assert all(e.reason for e in matcher.entries)


def test_sentence_and_outlet_scores() -> None:
    corpus = make_corpus(
        ("A", "a.txt", "The economy shrank. Troops crossed the river. The choir sang."),
        ("B", "b.txt", "Prices rose again."),
    )
    result = frame_scores(corpus)
    assert result.sentence_frames(0, 0) == ("economic",)
    assert result.sentence_frames(0, 1) == ("security",)
    assert result.sentence_frames(0, 2) == ()
    rows = {(f.outlet, f.frame): f for f in result.outlets}
    assert rows[("A", "economic")].share == pytest.approx(1 / 3)
    assert rows[("A", "economic")].per_1000 == pytest.approx(1000 / 10)
    assert rows[("B", "economic")].share == 1.0
    assert rows[("B", "security")].sentences == 0
    assert len(result.outlets) == 2 * 15


def test_user_frame_file_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "frames.tsv"
    good.write_text("term\tframe\treason\nchoir\tcultural_identity\tmusic\n", encoding="utf-8")
    corpus = make_corpus(("A", "a.txt", "The choir sang."))
    assert frame_scores(corpus, dictionary=load_frames(good)).sentence_frames(0, 0) == (
        "cultural_identity",
    )
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\tframe\treason\nchoir\tmusic\tmusic\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="music"):
        load_frames(bad)


@pytest.mark.parametrize(
    "sentence",
    [
        "The name sounded familiar to the crowd.",
        "It is important to stress the importance of the choir, importantly.",
        "He hired an Internet security company and a lawyer.",
        "The security firm reviewed the logs.",
        "She told Politico on Tuesday that she would run.",
        "He was courteous to the reporters.",
        "The committee measured the results.",
        "The healthy lunch was served at noon.",
    ],
)
def test_keywords_do_not_fire_on_unrelated_words(sentence: str) -> None:
    corpus = make_corpus(("A", "a.txt", sentence), ("B", "b.txt", "The choir sang."))
    assert frame_scores(corpus).hits == ()


@pytest.mark.parametrize(
    ("sentence", "frame"),
    [
        ("Families fled the shelling.", "quality_of_life"),
        ("The family left.", "quality_of_life"),
        ("Imports of grain fell.", "economic"),
        ("Beijing imported more oil.", "economic"),
        ("Troops guarded the border for national security.", "security"),
        ("Cuts to Social Security were debated.", "economic"),
        ("The court ruled on Monday.", "legality"),
        ("The new policy starts in May.", "policy"),
    ],
)
def test_keywords_still_fire_on_their_own_words(sentence: str, frame: str) -> None:
    corpus = make_corpus(("A", "a.txt", sentence), ("B", "b.txt", "The choir sang."))
    assert frame in frame_scores(corpus).sentence_frames(0, 0)


def test_a_no_frame_entry_blocks_the_keyword_inside_it(tmp_path: Path) -> None:
    path = tmp_path / "frames.tsv"
    path.write_text(
        "term\tframe\treason\nchoir\tcultural_identity\tmusic\n"
        "choir practice\tnone\ta rehearsal, no frame\n",
        encoding="utf-8",
    )
    corpus = make_corpus(("A", "a.txt", "The choir practice ran late. The choir sang."))
    result = frame_scores(corpus, dictionary=load_frames(path))
    assert result.sentence_frames(0, 0) == ()
    assert result.sentence_frames(0, 1) == ("cultural_identity",)
