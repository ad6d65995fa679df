"""Sessions: a saved comparison in a ``.framelens`` JSON file.

A session records what the user did, not the analysis results (those are
recomputed when the session is opened, so a session stays small and never
goes stale when the lexicons improve):

- the article sources: file paths, and for pasted text or HTML dropped from a
  browser the text itself (it exists nowhere else);
- the outlet changes: renames (applied to every article whose detected
  outlet has that name, including articles added later) and moves of single
  articles to another outlet;
- removed articles and the order of the articles;
- the user's lexicon additions (paths of lexicon files);
- view options (a free-form JSON object the app owns).

The file is JSON with ``"format": "framelens-session"`` and an integer
``"version"``. Saving is atomic (a temporary file in the same folder, then
:func:`os.replace`), so a crash or a full disk never leaves half a file. A
file that is not a session, is damaged, or was written by a newer FrameLens
raises :class:`SessionError` with a message saying so; this module never
writes to a path it failed to read.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from analysis.errors import SessionError

FORMAT = "framelens-session"
#: The session format this FrameLens writes; it reads this version and older.
VERSION = 1
SUFFIX = ".framelens"
#: Sessions larger than this are refused (pasted text is the only large part).
MAX_SESSION_BYTES = 200 * 1024 * 1024

SourceKind = Literal["file", "text", "html"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from.

    ``key`` identifies the article in the session (moves, removals, order):
    the path for files, a generated name such as ``"<pasted 1>"`` otherwise.
    """

    kind: SourceKind
    key: str
    #: The file path (kind "file").
    path: str = ""
    #: The pasted text (kind "text") or the dropped HTML (kind "html").
    text: str = ""
    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""

    @staticmethod
    def file(path: str) -> Source:
        """A source read from the file at ``path``."""
        return Source(kind="file", key=path, path=path)


@dataclass(frozen=True, slots=True)
class Session:
    """Everything needed to reopen a comparison the way the user left it."""

    sources: tuple[Source, ...] = ()
    #: Detected outlet name → the name the user gave it.
    renames: Mapping[str, str] = field(default_factory=dict)
    #: Article key → outlet the user moved it to.
    moves: Mapping[str, str] = field(default_factory=dict)
    #: Keys of articles the user removed.
    removed: tuple[str, ...] = ()
    #: Article keys in the order the user arranged them (others follow in source order).
    order: tuple[str, ...] = ()
    #: Paths of the user's lexicon files, merged into the built-in lexicon.
    lexicons: tuple[str, ...] = ()
    #: View options owned by the app (zoom, hidden categories, synchronized scrolling, ...).
    view: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing worth restoring."""
        return not self.sources and not self.lexicons


def session_to_json(session: Session) -> dict[str, Any]:
    """Return the JSON object written to a ``.framelens`` file."""
    sources: list[dict[str, str]] = []
    for s in session.sources:
        item: dict[str, str] = {"kind": s.kind, "key": s.key}
        for name in ("path", "text", "outlet", "title", "author", "date", "url"):
            value = getattr(s, name)
            if value:
                item[name] = value
        sources.append(item)
    return {
        "format": FORMAT,
        "version": VERSION,
        "sources": sources,
        "outlets": {"renames": dict(session.renames), "moves": dict(session.moves)},
        "removed": list(session.removed),
        "order": list(session.order),
        "lexicons": [{"path": p} for p in session.lexicons],
        "view": dict(session.view),
    }


def _str_map(value: object, what: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError(f"{what} must map names to names")
    return dict(value)


def _str_list(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of names")
    return tuple(value)


def _source(item: object) -> Source:
    if not isinstance(item, dict):
        raise ValueError("an article source is not an object")
    kind = item.get("kind")
    if kind not in ("file", "text", "html"):
        raise ValueError(f"unknown article source kind {kind!r}")
    values = {}
    for name in ("key", "path", "text", "outlet", "title", "author", "date", "url"):
        value = item.get(name, "")
        if not isinstance(value, str):
            raise ValueError(f"the article source field {name!r} is not text")
        values[name] = value
    if kind == "file" and not values["path"]:
        raise ValueError("a file source has no path")
    key = values.pop("key") or values["path"]
    if not key:
        raise ValueError("an article source has no key")
    return Source(kind=kind, key=key, **values)


def session_from_json(data: object, *, name: str = "the session") -> Session:
    """Build a :class:`Session` from a parsed ``.framelens`` JSON object.

    Raises :class:`SessionError` naming ``name`` when the object is not a
    FrameLens session, is damaged, or comes from a newer version.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(f"{name} is not a FrameLens session file.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError(f"{name} is damaged: its format version is missing or invalid.")
    if version > VERSION:
        raise SessionError(
            f"{name} was saved by a newer FrameLens (session format {version}; this version "
            f"reads up to {VERSION}). Update FrameLens to open it; the file was left unchanged."
        )
    try:
        sources = data.get("sources", [])
        if not isinstance(sources, list):
            raise ValueError("the article sources are not a list")
        outlets = data.get("outlets", {})
        if not isinstance(outlets, dict):
            raise ValueError("the outlet changes are not an object")
        lexicons = data.get("lexicons", [])
        if not isinstance(lexicons, list):
            raise ValueError("the lexicons are not a list")
        lexicon_paths: list[str] = []
        for entry in lexicons:
            path = entry.get("path") if isinstance(entry, dict) else entry
            if not isinstance(path, str) or not path:
                raise ValueError("a lexicon entry has no path")
            lexicon_paths.append(path)
        view = data.get("view", {})
        if not isinstance(view, dict):
            raise ValueError("the view options are not an object")
        return Session(
            sources=tuple(_source(s) for s in sources),
            renames=_str_map(outlets.get("renames", {}), "the outlet renames"),
            moves=_str_map(outlets.get("moves", {}), "the article moves"),
            removed=_str_list(data.get("removed", []), "the removed articles"),
            order=_str_list(data.get("order", []), "the article order"),
            lexicons=tuple(lexicon_paths),
            view=view,
        )
    except ValueError as error:
        raise SessionError(f"{name} is damaged: {error}.") from error


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read a ``.framelens`` file; raise :class:`SessionError` with a clear message."""
    shown = os.fspath(path)
    from analysis.errors import LoadError, TooLargeError
    from analysis.load.files import read_bounded

    try:
        raw = read_bounded(shown, MAX_SESSION_BYTES, "sessions", advice="")
    except TooLargeError as error:
        raise SessionError(f"The session {shown} is too large: {error.reason}") from error
    except LoadError as error:
        raise SessionError(f"The session {shown} could not be read: {error.reason}") from error
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SessionError(
            f"The session {shown} is damaged (it is not valid JSON) and cannot be opened."
        ) from error
    return session_from_json(data, name=f"The session {shown}")


def save_session(session: Session, path: str | os.PathLike[str]) -> None:
    """Write ``session`` to ``path`` atomically (temporary file, then ``os.replace``)."""
    target = Path(path)
    payload = json.dumps(session_to_json(session), ensure_ascii=False, indent=1)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent)
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise SessionError(f"The session could not be saved to {target}: {reason}.") from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        reason = error.strerror or str(error)
        raise SessionError(f"The session could not be saved to {target}: {reason}.") from error
