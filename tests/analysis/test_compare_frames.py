"""Tests of analysis.compare.frames: the 15 Policy Frames Codebook dimensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare.frames import FRAME_IDS, default_frames, frame_scores, load_frames
from analysis.errors import LexiconError
from tests.analysis.compare_corpus import make_corpus


def test_fifteen_frames_and_every_default_term_is_valid() -> None:
    assert len(FRAME_IDS) == 15
    matcher = default_frames()
    assert {e.group for e in matcher.entries} <= set(FRAME_IDS)
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
