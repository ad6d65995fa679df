"""Duplicate articles: the same text given twice is counted once.

Two inputs are the same article when their texts are equal with whitespace
normalised and case folded (:func:`text_fingerprint`). The first one seen
is kept; each later one becomes a :class:`~analysis.model.LoadFailure`
"duplicate of <first>", so no story is counted twice. The loaders
(:func:`analysis.load.load_many`) and the desktop app (articles added to
those already open) both decide with :class:`Duplicates`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from analysis.model import LoadFailure

__all__ = ["Duplicates", "is_duplicate", "text_fingerprint"]

_REASON = "duplicate of {first} (same text); skipped."


def text_fingerprint(text: str) -> str:
    """A hash of the text with whitespace normalised and case folded, to spot duplicates."""
    canonical = " ".join(text.casefold().split())
    return hashlib.blake2b(canonical.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def is_duplicate(failure: LoadFailure) -> bool:
    """True when ``failure`` is a duplicate skipped by :class:`Duplicates`."""
    return failure.error.startswith("duplicate of ")


class Duplicates:
    """The first input of each text seen so far, to turn later copies away.

    ``present(key)`` (by default always true) says whether the first input is
    still there: a copy of an article the user has since removed is new.
    """

    def __init__(self, present: Callable[[str], bool] | None = None) -> None:
        self._first: dict[str, str] = {}
        self._present = present

    def check(self, key: str, fingerprint: str) -> LoadFailure | None:
        """The failure for ``key`` when it repeats an earlier text, else None (and remember it).

        ``fingerprint`` is :func:`text_fingerprint` of the input's text.
        """
        first = self._first.get(fingerprint)
        if first is not None and (self._present is None or self._present(first)):
            return LoadFailure(key, _REASON.format(first=first))
        self._first[fingerprint] = key
        return None

    def clear(self) -> None:
        """Forget every text seen (a new session starts)."""
        self._first.clear()
