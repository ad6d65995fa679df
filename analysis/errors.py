"""The one error family that :mod:`analysis` raises.

Every message is written for the person using FrameLens: it names the file or
setting concerned, says what is wrong in plain words and, where there is one,
what to do about it. Low-level causes are chained with ``raise ... from``.

Hierarchy::

    FrameLensError
    ├── LoadError            an input could not become an article
    │   ├── UnsupportedTypeError
    │   ├── EmptyInputError
    │   ├── NotTextError
    │   ├── TooLargeError
    │   ├── EncryptedError
    │   └── NoTextLayerError (image-only PDF)
    ├── LexiconError         a lexicon file could not be read
    ├── SessionError         a session file could not be read or written
    ├── ReportError          a report could not be produced
    ├── PatternError         a concordance search pattern cannot be read
    └── CancelledError       the user cancelled a long operation
                             (:func:`check_cancel` raises it)
"""

from __future__ import annotations

from collections.abc import Callable


class FrameLensError(Exception):
    """Base class of every error FrameLens raises on purpose.

    ``str(error)`` is a complete sentence fit to show to the user.
    """


class LoadError(FrameLensError):
    """An input could not become an article.

    ``path`` is the input as the user gave it and ``reason`` the plain-words
    reason without the path, so a list of failures can show both columns.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnsupportedTypeError(LoadError):
    """The file's type is not one FrameLens reads."""


class EmptyInputError(LoadError):
    """The input holds no text at all (empty, blank, or only markup)."""


class NotTextError(LoadError):
    """The input is binary data, not text."""


class TooLargeError(LoadError):
    """The input exceeds a size or decompression limit."""


class EncryptedError(LoadError):
    """The document is encrypted and cannot be read without its password."""


class NoTextLayerError(LoadError):
    """A PDF holds only images (a scan) and no text layer."""


class LexiconError(FrameLensError):
    """A lexicon file is malformed; the message names the file and line."""


class SessionError(FrameLensError):
    """A session file could not be read or written."""


class ReportError(FrameLensError):
    """A report could not be produced or written."""


class PatternError(FrameLensError):
    """A concordance search pattern (:mod:`analysis.kwic`) cannot be read."""


class CancelledError(FrameLensError):
    """The user cancelled a long-running operation."""

    def __init__(self, message: str = "The operation was cancelled.") -> None:
        super().__init__(message)


#: What every step of :func:`analysis.compare.compare` says when it is cancelled.
COMPARISON_CANCELLED = "The comparison was cancelled."


def check_cancel(
    cancel: Callable[[], bool] | None, message: str = "The operation was cancelled."
) -> None:
    """Raise :class:`CancelledError` with ``message`` when ``cancel`` is given and
    ``cancel()`` is true: the check long loops make between units of work."""
    if cancel is not None and cancel():
        raise CancelledError(message)
