"""A bounded memo of what a function gives for each word, for the hot loops.

The same words recur thousands of times in a corpus, so the analysis
classifies each distinct one once.  A :class:`Memo` is a dict, so a loop
reads it through C (``map(memo.__getitem__, words)``); a word not seen yet
is computed by ``__missing__``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Memo(dict[str, T]):
    """word -> ``compute(word)``, computed on first lookup; cleared when it
    grows past ``limit`` (a corpus of any size keeps memory bounded)."""

    def __init__(self, compute: Callable[[str], T], limit: int = 200_000) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, word: str) -> T:
        value = self.compute(word)
        if len(self) >= self.limit:
            self.clear()
        self[word] = value
        return value
