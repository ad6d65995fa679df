"""Writing what the user makes without losing it, and naming files safely.

One home for three rules every output of FrameLens follows:

- :func:`write_atomically`: a file is written to a temporary ``.part`` file
  in the same folder, flushed to disk, then renamed over the target. A full
  disk, a crash or a kill never leaves half a file and never destroys the
  file that was there before; a failed write removes its temporary file and
  raises :class:`OSError` (the caller turns it into its one-line error).
- :func:`remove_orphans`: temporary files left by a kill during a write are
  removed on the next start (or the next write to that path).
- :func:`printable`: file names are bytes on Linux, decoded by Python with
  ``surrogateescape``, and may hold control characters. Every message that
  shows a name shows ``printable(name)``: undecodable bytes as ``\\xNN`` and
  control characters (newlines, escape sequences, bidirectional overrides)
  as escapes, so a name can neither forge a line nor drive the terminal.
  :func:`encodable` makes any text writable as UTF-8 (files, HTML, XLSX)
  and :func:`encodable_fields` every string of a report; :func:`file_label`
  is how a file's name is shown in the window and the report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import re
import secrets
import time
from pathlib import Path
from typing import Any, TypeVar

#: Suffix of every temporary file FrameLens writes beside a target.
PART_SUFFIX = ".part"

# C0 and C1 controls, DEL, and the invisible format characters that reorder or
# hide text in a terminal (bidirectional embeddings, overrides and isolates).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    # surrogateescape maps an undecodable byte 0xNN to U+DCNN.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def encodable(text: str) -> str:
    """``text`` with lone surrogates (undecodable file-name bytes) spelled ``\\xNN``.

    The result always encodes as UTF-8; text without surrogates is returned as is.
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def printable(text: object) -> str:
    """``text`` safe to show on one terminal line (see the module docstring)."""
    shown = encodable(str(text))
    if not _CONTROL.search(shown):
        return shown
    return _CONTROL.sub(_escape_control, shown)


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def file_label(path: str) -> str:
    """The last part of ``path`` as the user sees it: an article or session label.

    The one way a file's name is shown in the window and the report: the
    name after the last ``/`` or ``\\`` (the whole input when there is none),
    passed through :func:`printable`.
    """
    return printable(path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path)


_T = TypeVar("_T")


def encodable_fields(value: _T) -> _T:
    """``value`` with :func:`encodable` applied to every string it holds.

    ``value`` is a string, a tuple or list, or a frozen dataclass of such
    values, nested (a report's data); the rest is returned as is, and so is
    anything holding no lone surrogate. Qt turns a lone surrogate into U+FFFD
    (a question mark in a box); this keeps the undecodable byte readable.
    """
    result: _T = _encodable_any(value)
    return result


def _encodable_any(value: Any) -> Any:
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, tuple | list):
        items = [_encodable_any(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = _encodable_any(old)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


class PrintableFormatter(logging.Formatter):
    """Log lines with every line of the record passed through :func:`printable`.

    A logged file name can then neither forge a log line nor drive the
    terminal that shows standard error; a traceback keeps its line breaks.
    """

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(printable(line) for line in super().format(record).split("\n"))


def part_name(target: Path) -> Path:
    """A fresh temporary name beside ``target``: ``.NAME.RANDOM.part``."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{PART_SUFFIX}")


def write_atomically(path: str | os.PathLike[str], data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` all or nothing; raise :class:`OSError` when it cannot.

    Every byte is checked written and synced before the rename, so a full
    disk is an error here, never a truncated file; the old file at ``path``
    stays until the new one is complete. ``private`` files (sessions, which
    hold pasted text) are readable by their owner only.
    """
    target = Path(path)
    remove_orphans(target.parent, of=target.name)  # left by a kill during an earlier write
    tmp = part_name(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600 if private else 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:  # pragma: no cover - os.write raises instead
                    raise OSError(28, "No space left on device")
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_orphans(
    folder: str | os.PathLike[str], *, of: str | None = None, older_than_s: float = 60.0
) -> int:
    """Remove FrameLens temporary files in ``folder`` older than ``older_than_s``; count them.

    Matches ``.NAME.RANDOM.part`` (written by :func:`write_atomically`) and
    ``.NAME.RANDOM.tmp`` (sessions of earlier versions); with ``of``, only
    those of the target named ``of`` (in a user's folder, never another
    program's files). A young one may be another FrameLens's write in
    progress, so it is left alone.
    """
    prefix = f".{of}." if of is not None else "."
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or not name.endswith((PART_SUFFIX, ".tmp")):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime >= older_than_s:
                os.unlink(entry.path)
                removed += 1
    return removed
