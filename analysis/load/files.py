"""Reading files safely: the one bounded, type-checked way FrameLens opens a file.

Every file FrameLens reads -- articles, lexicons, sessions, batch tables --
is opened by :func:`open_checked` (or read whole by :func:`read_bounded`):

- opened non-blocking, so a FIFO swapped in for the file never blocks;
- checked with ``fstat`` on the open descriptor, so what is read is what
  was checked (no race between a check and the open): anything but a
  regular file (a pipe, ``/dev/zero``, ``/dev/urandom``, a socket) is
  refused with a reason, without reading a byte;
- bounded: a file above its limit is refused from its size, and the read
  itself never takes more than the limit plus one byte, whatever the size
  claims.

OS errors become plain-words reasons (:func:`os_error`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from analysis.errors import LoadError, TooLargeError
from analysis.load.limits import human_size

#: ``os.open`` flags: never block (a FIFO), never become the controlling
#: terminal (a tty), never leak into child processes.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_SPLIT_ADVICE = "Split it into smaller files or remove what is not the article."


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


def too_large(
    path: str, size: int, limit: int, kind: str, advice: str = _SPLIT_ADVICE
) -> TooLargeError:
    """The error for a file above its size limit."""
    return TooLargeError(
        path,
        f"the file is {human_size(size)}; FrameLens reads {kind} of up to "
        f"{human_size(limit)}. {advice}".rstrip(),
    )


def not_regular_reason(mode: int) -> str:
    """Why a file of this ``st_mode`` is refused (it is not a regular file)."""
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file."
    if stat.S_ISFIFO(mode):
        what = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "something else"
    return f"this is {what}, not a regular file; FrameLens reads only regular files."


def open_checked(
    path: str | os.PathLike[str],
    limit: int | None,
    kind: str,
    *,
    advice: str = _SPLIT_ADVICE,
) -> BinaryIO:
    """Open a regular file of at most ``limit`` bytes (None: any size) for reading.

    Never blocks and never reads: raises :class:`LoadError` for anything but
    a regular file (checked on the open descriptor) and for OS errors, and
    :class:`TooLargeError` above ``limit``. The caller closes the file.
    """
    shown = os.fspath(path)
    try:
        # Checked before opening too: opening some devices has effects.
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError(shown, not_regular_reason(mode))
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise os_error(shown, error) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(shown, not_regular_reason(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise too_large(shown, info.st_size, limit, kind, advice)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(
    path: str | os.PathLike[str], limit: int, kind: str, *, advice: str = _SPLIT_ADVICE
) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes; never read more than ``limit + 1``.

    Raises :class:`TooLargeError` (without reading the file) when it is too
    large and :class:`LoadError` for what is not a regular file and for OS
    errors (vanished, permission, ...).
    """
    shown = os.fspath(path)
    with open_checked(path, limit, kind, advice=advice) as handle:
        try:
            # st_size can lie (a growing file): bound the read itself.
            data = handle.read(limit + 1)
        except OSError as error:
            raise os_error(shown, error) from error
    if len(data) > limit:
        raise too_large(shown, len(data), limit, kind, advice)
    return data


def file_size(path: str | os.PathLike[str]) -> int:
    """The size of a file in bytes, or a :class:`LoadError` for OS errors."""
    try:
        return Path(path).stat().st_size
    except OSError as error:
        raise os_error(os.fspath(path), error) from error
