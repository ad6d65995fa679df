"""``framelens --selftest``: its known values are TextBlob's, and it passes from source."""

from __future__ import annotations

import io

import pytest
from textblob import TextBlob

from gui import selftest


def test_known_values_are_textblobs_own() -> None:
    sentiment = TextBlob(selftest.KNOWN_SENTENCE).sentiment
    assert sentiment.subjectivity == selftest.KNOWN_SUBJECTIVITY
    assert sentiment.polarity == selftest.KNOWN_POLARITY
    assert selftest.KNOWN_SUBJECTIVITY > 0.5  # a lexicon-less bundle would give 0.0


def test_selftest_passes_and_prints_ok(qapp: object) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[-1] == "ok"
    assert any(line.startswith("sentiment: subjectivity 0.7667") for line in lines)
    assert any(line.startswith("report: one-page report rendered to PDF") for line in lines)


def test_selftest_names_the_failed_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise AssertionError("subjectivity 0.0 instead of 0.7667")

    monkeypatch.setattr(selftest, "CHECKS", (("sentiment", broken),))
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err) == 1
    assert "selftest failed: sentiment: subjectivity 0.0" in err.getvalue()
    assert "ok" not in out.getvalue().splitlines()
