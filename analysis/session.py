"""Sessions: a saved comparison in a ``.framelens`` JSON file.

A session records what the user did, not the analysis results (those are
recomputed when the session is opened, so a session stays small and never
goes stale when the lexicons improve):

- the article sources: file paths, and for pasted text or HTML dropped from a
  browser the text itself (it exists nowhere else). A file is stored with its
  absolute path, its path relative to the session file, and (unless the app
  turns it off) the article's text, so a session opens after its folder moved
  or on another machine (:func:`resolve_sources`);
- the outlet changes: renames (applied to every article whose detected
  outlet has that name, including articles added later) and moves of single
  articles to another outlet;
- removed articles and the order of the articles;
- the user's lexicon additions (paths of lexicon files);
- the reader's corrections of highlights (analysis/corrections.py);
- view options (a free-form JSON object the app owns).

The file is JSON with ``"format": "framelens-session"`` and an integer
``"version"``. Saving is atomic (:func:`analysis.safeio.write_atomically`),
so a crash or a full disk never leaves half a file. A file that is not a
session, is damaged (invalid JSON, a byte-order mark is fine; absurd numbers
or nesting), or was written by a newer FrameLens raises :class:`SessionError`
with a one-line message saying so; this module never writes to a path it
failed to read.

File names are bytes on Linux; Python carries undecodable bytes as lone
surrogates (``surrogateescape``). The file stores them as JSON ``\\uDCxx``
escapes, which read back to the same surrogates, so such a path survives a
save and a load byte for byte.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from analysis.corrections import Correction, correction_from_json, correction_to_json
from analysis.errors import SessionError
from analysis.safeio import printable, remove_orphans, write_atomically

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
    #: The file path (kind "file"; for kind "text", the file the text was embedded from).
    path: str = ""
    #: The pasted text (kind "text") or the dropped HTML (kind "html"); for
    #: kind "file", the article's text embedded as a fallback (may be empty).
    text: str = ""
    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    #: Kind "file": the path relative to the session file's folder (derived on
    #: save, so not part of equality).
    relative: str = field(default="", compare=False)

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
    #: Lexicon path → its path relative to the session file (as read; derived on save).
    lexicon_relative: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: The reader's corrections of highlights, in the order they were made.
    corrections: tuple[Correction, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing worth restoring."""
        return not self.sources and not self.lexicons


_SOURCE_FIELDS = ("path", "relative", "text", "outlet", "title", "author", "date", "url")


def _relative(path: str, folder: str | None) -> str:
    if not folder or not path or not os.path.isabs(path):
        return ""
    try:
        return os.path.relpath(path, folder)
    except ValueError:  # another drive (Windows): no relative path
        return ""


def session_to_json(session: Session, *, folder: str | None = None) -> dict[str, Any]:
    """Return the JSON object written to a ``.framelens`` file.

    With ``folder`` (the session file's folder), each file source also
    records its path relative to it.
    """
    sources: list[dict[str, str]] = []
    for s in session.sources:
        item: dict[str, str] = {"kind": s.kind, "key": s.key}
        relative = _relative(s.path, folder) if s.kind == "file" else s.relative
        for name in _SOURCE_FIELDS:
            value = relative if name == "relative" else getattr(s, name)
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
        "lexicons": [_lexicon_entry(p, folder) for p in session.lexicons],
        "view": dict(session.view),
        "corrections": [correction_to_json(c) for c in session.corrections],
    }


def _lexicon_entry(path: str, folder: str | None) -> dict[str, str]:
    relative = _relative(path, folder)
    return {"path": path, "relative": relative} if relative else {"path": path}


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
    for name in ("key", *_SOURCE_FIELDS):
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
        shown = str(version) if version < 10**6 else "unknown"
        raise SessionError(
            f"{name} was saved by a newer FrameLens (session format {shown}; this version "
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
        lexicon_relative: dict[str, str] = {}
        for entry in lexicons:
            path = entry.get("path") if isinstance(entry, dict) else entry
            if not isinstance(path, str) or not path:
                raise ValueError("a lexicon entry has no path")
            lexicon_paths.append(path)
            relative = entry.get("relative") if isinstance(entry, dict) else None
            if isinstance(relative, str) and relative:
                lexicon_relative[path] = relative
        view = data.get("view", {})
        if not isinstance(view, dict):
            raise ValueError("the view options are not an object")
        corrections = data.get("corrections", [])
        if not isinstance(corrections, list):
            raise ValueError("the corrections are not a list")
        return Session(
            sources=tuple(_source(s) for s in sources),
            renames=_str_map(outlets.get("renames", {}), "the outlet renames"),
            moves=_str_map(outlets.get("moves", {}), "the article moves"),
            removed=_str_list(data.get("removed", []), "the removed articles"),
            order=_str_list(data.get("order", []), "the article order"),
            lexicons=tuple(lexicon_paths),
            lexicon_relative=lexicon_relative,
            view=view,
            corrections=tuple(correction_from_json(c) for c in corrections),
        )
    except ValueError as error:
        raise SessionError(f"{name} is damaged: {error}.") from error


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read a ``.framelens`` file; raise :class:`SessionError` with a one-line message."""
    shown = printable(os.fspath(path))
    from analysis.errors import LoadError, TooLargeError
    from analysis.load.files import read_bounded

    try:
        raw = read_bounded(os.fspath(path), MAX_SESSION_BYTES, "sessions", advice="")
    except TooLargeError as error:
        raise SessionError(f"The session {shown} is too large: {error.reason}") from error
    except LoadError as error:
        raise SessionError(f"The session {shown} could not be read: {error.reason}") from error
    try:
        # "utf-8-sig": a byte-order mark (added by some editors) is not an error.
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SessionError(
            f"The session {shown} is damaged (it is not valid JSON) and cannot be opened."
        ) from error
    except (ValueError, RecursionError) as error:
        # A number of thousands of digits, or arrays nested thousands deep.
        raise SessionError(
            f"The session {shown} is damaged (it holds a number too long or data nested "
            "too deeply) and cannot be opened."
        ) from error
    return session_from_json(data, name=f"The session {shown}")


def session_bytes(session: Session, *, folder: str | None = None) -> bytes:
    """The UTF-8 bytes of the ``.framelens`` file for ``session`` (see :func:`save_session`)."""
    try:
        text = json.dumps(session_to_json(session, folder=folder), ensure_ascii=False, indent=1)
    except (TypeError, ValueError, RecursionError) as error:
        raise SessionError(f"The session could not be written: {error}.") from error
    # Lone surrogates (undecodable bytes of file names) cannot be UTF-8; they
    # only occur inside JSON strings, where "backslashreplace" writes them as
    # the JSON escape \udcxx, which json.loads reads back to the same character.
    return text.encode("utf-8", "backslashreplace")


def save_session(session: Session, path: str | os.PathLike[str]) -> None:
    """Write ``session`` to ``path`` atomically; file sources get their relative path."""
    target = Path(path)
    folder = os.path.dirname(os.path.abspath(target))
    payload = session_bytes(session, folder=folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Temporary files of this session left by a kill during an earlier save.
        remove_orphans(target.parent, of=target.name)
        write_atomically(target, payload, private=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SessionError(
            f"The session could not be saved to {printable(target)}: {reason}."
        ) from error


@dataclass(frozen=True, slots=True)
class Resolved:
    """A session's sources matched to what exists now (see :func:`resolve_sources`)."""

    session: Session
    #: File sources found nowhere and without embedded text (the user may locate them).
    missing: tuple[Source, ...] = ()
    #: How many files were found at their path relative to the session (a moved folder).
    relinked: int = 0
    #: How many missing files are restored from their embedded text.
    embedded: int = 0
    #: Lexicon files found nowhere (left out of the returned session).
    missing_lexicons: tuple[str, ...] = ()


def _exists(path: str) -> bool:
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False


def resolve_sources(
    session: Session,
    folder: str | os.PathLike[str] | None = None,
    *,
    search: str | os.PathLike[str] | None = None,
) -> Resolved:
    """Match each file source of ``session`` to a file that exists now.

    In order: the absolute path; the relative path from ``folder`` (the
    session file's folder: the whole folder moved or was copied to another
    machine); with ``search``, a file of the same name in that folder (the
    user located one file, and the others beside it are found too); lexicon
    files the same way (one found nowhere is left out and listed). A file
    found nowhere is loaded from its embedded text (a ``"text"`` source that
    keeps the old key, so the outlet changes still apply); without embedded
    text it is listed in ``missing`` and left out of the returned session's
    sources. Keys of relinked files change to their new path everywhere.
    """
    renamed: dict[str, str] = {}
    sources: list[Source] = []
    missing: list[Source] = []
    relinked = embedded = 0
    for source in session.sources:
        if source.kind != "file" or _exists(source.path):
            sources.append(source)
            continue
        found = _find(source.path, source.relative, folder, search)
        if found:
            relinked += 1
            renamed[source.key] = found
            sources.append(Source(**{**_fields(source), "key": found, "path": found}))
        elif source.text:
            embedded += 1
            sources.append(Source(**{**_fields(source), "kind": "text"}))
        else:
            missing.append(source)
    lexicons: list[str] = []
    missing_lexicons: list[str] = []
    for path in session.lexicons:
        found = path if _exists(path) else ""
        found = found or _find(path, session.lexicon_relative.get(path, ""), folder, search)
        (lexicons if found else missing_lexicons).append(found or path)
    if not renamed and not missing and not embedded and lexicons == list(session.lexicons):
        return Resolved(session)

    def key(k: str) -> str:
        return renamed.get(k, k)

    resolved = replace(
        session,
        sources=tuple(sources),
        moves={key(k): v for k, v in session.moves.items()},
        removed=tuple(key(k) for k in session.removed),
        order=tuple(key(k) for k in session.order),
        lexicons=tuple(lexicons),
    )
    return Resolved(resolved, tuple(missing), relinked, embedded, tuple(missing_lexicons))


def _find(
    path: str,
    relative: str,
    folder: str | os.PathLike[str] | None,
    search: str | os.PathLike[str] | None,
) -> str:
    """Where a file that is not at ``path`` is now ("" when nowhere)."""
    if folder is not None and relative:
        candidate = os.path.normpath(os.path.join(os.fspath(folder), relative))
        if _exists(candidate):
            return candidate
    if search is not None:
        base = os.path.basename(path.replace("\\", "/").rstrip("/"))
        candidate = os.path.join(os.fspath(search), base)
        if base and _exists(candidate):
            return candidate
    return ""


def _fields(source: Source) -> dict[str, Any]:
    return {name: getattr(source, name) for name in ("kind", "key", *_SOURCE_FIELDS)}
