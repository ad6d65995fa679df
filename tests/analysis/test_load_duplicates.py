"""Tests for analysis.load.duplicates: one rule for the same article given twice."""

from __future__ import annotations

from analysis.load.duplicates import Duplicates, is_duplicate, text_fingerprint
from analysis.model import LoadFailure

TEXT = "The council approved the new ferry fares.\n\nCommuters will pay more."


def test_fingerprint_ignores_whitespace_and_case_but_not_words() -> None:
    same = "  the COUNCIL approved\tthe new ferry fares.\nCommuters will pay   more.\n"
    assert text_fingerprint(same) == text_fingerprint(TEXT)
    assert text_fingerprint(TEXT.replace("more", "less")) != text_fingerprint(TEXT)


def test_the_first_is_kept_and_later_copies_name_it() -> None:
    duplicates = Duplicates()
    assert duplicates.check("a.txt", text_fingerprint(TEXT)) is None
    assert duplicates.check("other.txt", text_fingerprint("Another story.")) is None
    failure = duplicates.check("b.md", text_fingerprint(TEXT.upper()))
    assert failure == LoadFailure("b.md", "duplicate of a.txt (same text); skipped.")
    assert is_duplicate(failure)
    assert not is_duplicate(LoadFailure("c.txt", "it contains no text."))
    # The copy is not remembered in place of the first.
    assert duplicates.check("c.txt", text_fingerprint(TEXT)).error.startswith("duplicate of a.txt")


def test_a_copy_of_an_article_no_longer_there_is_new() -> None:
    open_now = {"a.txt"}
    duplicates = Duplicates(present=open_now.__contains__)
    assert duplicates.check("a.txt", text_fingerprint(TEXT)) is None
    assert duplicates.check("b.txt", text_fingerprint(TEXT)) is not None
    open_now.discard("a.txt")
    assert duplicates.check("b.txt", text_fingerprint(TEXT)) is None
    open_now.add("b.txt")
    assert duplicates.check("c.txt", text_fingerprint(TEXT)).error.startswith("duplicate of b.txt")


def test_clear_forgets_every_text() -> None:
    duplicates = Duplicates()
    duplicates.check("a.txt", text_fingerprint(TEXT))
    duplicates.clear()
    assert duplicates.check("b.txt", text_fingerprint(TEXT)) is None
