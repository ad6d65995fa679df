from __future__ import annotations

from analysis.memo import Memo


def test_a_word_is_computed_once_and_read_through_map() -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = Memo(length)
    assert list(map(memo.__getitem__, ["ab", "abc", "ab", "ab"])) == [2, 3, 2, 2]
    assert calls == ["ab", "abc"]


def test_the_memo_is_cleared_when_it_grows_past_its_limit() -> None:
    memo = Memo(str.upper, limit=3)
    for word in ["a", "b", "c", "d"]:
        assert memo[word] == word.upper()
    # The fourth word found three held: they were dropped, it was kept.
    assert dict(memo) == {"d": "D"}
