"""Reading files safely: bounded reads and plain-words reasons for OS errors."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from analysis.errors import LoadError, TooLargeError
from analysis.load.limits import human_size


def os_error(path: str, error: OSError) -> LoadError:
    """Translate an OS error into a :class:`LoadError` with a plain-words reason."""
    if isinstance(error, FileNotFoundError):
        return LoadError(path, "the file no longer exists (was it moved or deleted?).")
    if isinstance(error, PermissionError):
        return LoadError(path, "FrameLens is not allowed to read this file (permission denied).")
    if isinstance(error, IsADirectoryError):
        return LoadError(path, "this is a folder, not a file.")
    if error.errno == errno.ELOOP:
        return LoadError(path, "the path is a loop of symbolic links.")
    reason = error.strerror or str(error)
    return LoadError(path, f"the file could not be read ({reason}).")


def too_large(path: str, size: int, limit: int, kind: str) -> TooLargeError:
    """The error for a file above its size limit."""
    return TooLargeError(
        path,
        f"the file is {human_size(size)}; FrameLens reads {kind} of up to "
        f"{human_size(limit)}. Split it into smaller files or remove what is not the article.",
    )


def read_bounded(path: str | os.PathLike[str], limit: int, kind: str) -> bytes:
    """Read a whole file of at most ``limit`` bytes; never read more than ``limit + 1``.

    Raises :class:`TooLargeError` (without reading the file) when it is too
    large and :class:`LoadError` for OS errors (vanished, permission, ...).
    """
    shown = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise too_large(shown, size, limit, kind)
            # st_size can lie (a growing file, a device): bound the read itself.
            data = handle.read(limit + 1)
    except OSError as error:
        raise os_error(shown, error) from error
    if len(data) > limit:
        raise too_large(shown, len(data), limit, kind)
    return data


def file_size(path: str | os.PathLike[str]) -> int:
    """The size of a file in bytes, or a :class:`LoadError` for OS errors."""
    try:
        return Path(path).stat().st_size
    except OSError as error:
        raise os_error(os.fspath(path), error) from error
