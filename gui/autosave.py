"""Autosaves: the user's work written to the state folder, and kept until the user decides.

The window hands its work (a :class:`Session`) to an :class:`Autosaver`,
which writes ``autosave.framelens`` atomically in a pool thread, one write at
a time. A clean exit removes it; so a file found there at the next start is
work from a run that crashed or was killed.

Such work is never overwritten: at start it is moved to a name of its own,
``previous-autosave-<date>.framelens``, and stays there until the user
restores or discards it. Two crashes in a row therefore keep both sessions
(:meth:`Autosaver.kept` lists them, oldest first). A kept file that cannot
be read is renamed ``<name>.damaged`` (never deleted) and reported.

Every outcome reaches the window's thread as a signal: ``saved(path)`` or
``failed(reason)``, whatever the write raised, so a failing autosave is never
silent and never raises in the pool thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.errors import SessionError
from analysis.safeio import printable, remove_orphans
from analysis.session import SUFFIX, Session, load_session, save_session

log = logging.getLogger(__name__)

AUTOSAVE_NAME = "autosave" + SUFFIX
#: Kept autosaves are named PREFIX + a date (+ a number) + SUFFIX.
KEPT_PREFIX = "previous-autosave"


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``stem-3``… when taken (never overwrite)."""
    candidate = folder / f"{stem}{suffix}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


class Autosaver(QObject):
    """Writes the autosave, keeps unanswered ones, and reports every outcome as a signal."""

    #: An autosave was written: its path.
    saved = Signal(str)
    #: An autosave could not be written: a one-line reason.
    failed = Signal(str)

    def __init__(self, folder: Path, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.path = folder / AUTOSAVE_NAME
        self.pool = pool
        self._lock = threading.Lock()
        #: An autosave of a crashed run that could not be moved aside (a read-only
        #: folder, where no new autosave can overwrite it either).
        self._unmoved: Path | None = None

    # -- writing --------------------------------------------------------------
    def save(self, session: Session, *, wait: bool = False) -> None:
        """Write ``session`` (in a pool thread unless ``wait``); report by signal."""
        if wait:
            self._write(session)
        else:
            self.pool.start(lambda: self._write(session))

    def _write(self, session: Session) -> None:
        # Autosaves are written one at a time, in order: a slow disk never reorders them.
        try:
            with self._lock:
                save_session(session, self.path)
        except SessionError as error:
            log.warning("autosave failed: %s", error)
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a bug must reach the window, not the thread
            log.error("autosave failed\n%s", traceback.format_exc())
            self.failed.emit(
                f"The work could not be autosaved ({type(error).__name__}: "
                f"{printable(error)}). Details are in the log file."
            )
        else:
            self.saved.emit(str(self.path))

    def remove(self) -> None:
        """Drop the autosave (a clean exit, or nothing left to protect)."""
        with self._lock:
            _unlink_quietly(self.path)

    # -- work of earlier runs -------------------------------------------------
    def keep_unanswered(self) -> list[str]:
        """At start: move an autosave left by a crash to a name of its own.

        Also removes temporary files left by a kill during a save. Returns
        one-line reasons for autosaves that could not be read (each kept as
        ``.damaged``).
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # autosaves will fail and say so; nothing to keep here
            log.warning("cannot create the autosave folder %s: %s", self.folder, error)
            return []
        remove_orphans(self.folder)
        problems: list[str] = []
        if self.path.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(_mtime(self.path)))
            target = _free_name(self.folder, f"{KEPT_PREFIX}-{stamp}", SUFFIX)
            problem = self.check(self.path)
            if problem:
                problems.append(problem)
            else:
                try:
                    os.replace(self.path, target)
                except OSError as error:
                    log.warning("cannot keep the autosave aside: %s", error)
                    self._unmoved = self.path
        return problems

    def check(self, path: Path) -> str:
        """ "" when ``path`` reads as a session; else set it aside and say why in one line."""
        try:
            load_session(path)
        except SessionError as error:
            aside = self.set_aside(path)
            return (
                f"The autosaved work could not be restored: {error} "
                f"It was kept as {printable(aside)}."
            )
        return ""

    def keep(self, session: Session) -> Path:
        """Keep ``session`` as unanswered work (before other work replaces it on screen)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = _free_name(self.folder, f"{KEPT_PREFIX}-{stamp}", SUFFIX)
        save_session(session, target)
        return target

    def set_aside(self, path: Path) -> Path:
        """Rename an unreadable autosave to ``<name>.damaged`` (numbered if taken)."""
        aside = _free_name(path.parent, path.name, ".damaged")
        try:
            os.replace(path, aside)
        except OSError as error:
            log.warning("cannot set the damaged autosave aside: %s", error)
            return path
        return aside

    def kept(self) -> list[Path]:
        """Autosaves of earlier runs that the user has not answered, oldest first."""
        try:
            found = [
                p
                for p in self.folder.iterdir()
                if p.name.startswith(KEPT_PREFIX) and p.name.endswith(SUFFIX)
            ]
        except OSError:
            found = []
        if self._unmoved is not None and self._unmoved.exists():
            found.append(self._unmoved)
        return sorted(found, key=lambda p: (_mtime(p), p.name))

    def discard(self, path: Path) -> None:
        """The user decided: forget the kept autosave ``path``."""
        if path == self._unmoved:
            self._unmoved = None
        _unlink_quietly(path)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("cannot remove %s: %s", path, error)
