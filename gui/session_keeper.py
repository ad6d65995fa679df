"""The session keeper: the user's work saved, autosaved, reopened and offered back.

The window's work (its sources, outlet changes, lexicons, corrections and
view) is a :class:`Session`. The :class:`SessionKeeper` marks it dirty when
it changes and autosaves it (debounced) to the state folder through an
:class:`gui.autosave.Autosaver`, so after a crash the next start offers it
back (:class:`gui.restore_offer.RestoreOffer`); a failing autosave shows a
lasting warning. It also saves and opens ``.framelens`` files, relinks files
that moved, and keeps the Open Recent menu.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton

from analysis.corrections import Correction
from analysis.errors import FrameLensError, SessionError
from analysis.safeio import file_label
from analysis.session import SUFFIX, Session, Source, load_session, resolve_sources, save_session
from gui.autosave import Autosaver
from gui.restore_offer import RestoreOffer

if TYPE_CHECKING:
    from gui.mainwindow import MainWindow

AUTOSAVE_DELAY_MS = 400
#: The reader's "never" and "mark" corrections as a lexicon file, in the state folder.
READER_LEXICON = "reader-lexicon.tsv"


class SessionKeeper(QObject):
    """Keeps ``window``'s work safe: dirty flag, autosave, session files, recent files."""

    #: An autosave was written: its path.
    autosaved = Signal(str)
    #: The reader corrected a highlight (the views must be redrawn).
    correctionsChanged = Signal()

    def __init__(self, window: MainWindow, folder: Path, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.notices = window.notices
        self.settings = window.settings
        self.autosaver = Autosaver(folder, window.pool, self)
        # The keeper's state first, then the public signal (tests wait on it).
        self.autosaver.saved.connect(self._autosave_worked)
        self.autosaver.saved.connect(self.autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        self.restore_offer = RestoreOffer(self)
        #: The session file the work was opened from or saved to.
        self.path: Path | None = None
        self.dirty = False
        #: True while a session's view is applied: those changes are not the user's.
        self.restoring = False
        #: File sources of the session that were found nowhere (the user may locate them).
        self.missing: list[Source] = []
        #: The reader's corrections of highlights (analysis/corrections.py).
        self.corrections: list[Correction] = []
        self._warned = False
        # Shown for as long as autosaving fails: the work is not safe from a crash.
        self.autosave_warning = QPushButton(self.tr("⚠ Autosave failed: Save As…"))
        self.autosave_warning.clicked.connect(self.save_as)
        self.autosave_warning.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.autosave)
        self._armed = False

    def arm(self) -> None:
        """From now on, changes are autosaved (not while the window is being built)."""
        self._armed = True
        self.update_title()

    # -- the work as a session -------------------------------------------------
    def current(self) -> Session:
        """The user's work as a :class:`Session` (including items still being analysed)."""
        window, queue = self.window, self.window.queue
        keys = window.model.keys()
        sources = [self._embedded(queue.sources[k]) for k in keys if k in queue.sources]
        sources += [s for s in queue.pending() if s.key not in queue.sources]
        sources += self.missing
        renames, moves = dict(window.model.renames), dict(window.model.moves)
        order = tuple(keys)
        pending = queue.pending_state
        if pending is not None:  # a session being reopened: its changes apply once analysed
            renames = {**pending.renames, **renames}
            moves = {**pending.moves, **moves}
            order = order + tuple(k for k in pending.order if k not in set(order))
        return Session(
            sources=tuple(sources),
            renames=renames,
            moves=moves,
            order=order,
            lexicons=tuple(queue.lexicons),
            corrections=tuple(self.corrections),
            view=window.view_state(),
        )

    def _embedded(self, source: Source) -> Source:
        """A file source with the article's text and details, so the session travels."""
        model = self.window.model
        if source.kind != "file" or not self.settings.embed_text or source.key not in model:
            return source
        article = model.article(source.key).article
        return replace(
            source,
            text=article.text,
            outlet=model.detected_outlet(source.key),
            title=article.title,
            author=article.author,
            date=article.date,
            url=article.url,
        )

    def restore(self, session: Session, path: Path | None = None) -> None:
        """Replace the current work with ``session`` (reanalysing its sources).

        Files are looked for at their path, then relative to the session file
        (a moved folder), then read from their embedded text; files found
        nowhere are listed in a notice that offers to locate them.
        """
        window, queue = self.window, self.window.queue
        folder = Path(os.path.abspath(path)).parent if path is not None else None
        resolved = resolve_sources(session, folder)
        session = resolved.session
        queue.reset()
        queue.lexicons = list(session.lexicons)
        self.corrections = list(session.corrections)
        self.path = path
        queue.pending_state = session
        self.missing = [s for s in resolved.missing if s.key not in set(session.removed)]
        if self.missing:
            self._tell_missing()
        if resolved.missing_lexicons:
            self.notices.warning(
                self.tr(
                    "{} lexicon file(s) of this session were not found; the articles are "
                    "analysed without them (File > Add Lexicon adds them again)."
                ).format(len(resolved.missing_lexicons)),
                details=list(resolved.missing_lexicons),
            )
        self.restoring = True
        try:
            window.apply_view(session.view)
        finally:
            self.restoring = False
        removed = set(session.removed)
        sources = [s for s in session.sources if s.key not in removed]
        if queue.worker is not None:
            # The cancelled run ends on its own; queue the session's sources after it.
            queue.queued = list(sources)
        else:
            queue.add(sources)
        self.dirty = path is None
        self.update_title()

    # -- session files -----------------------------------------------------------
    def _filter(self) -> str:
        return self.tr("FrameLens sessions (*{})").format(SUFFIX)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Session"), self.settings.last_dir, self._filter()
        )
        if path:
            self.open(path)

    def open(self, path: str | os.PathLike[str]) -> bool:
        """Open the session file ``path``; False (and an error notice) when it cannot be read."""
        try:
            session = load_session(path)
        except SessionError as error:
            self.notices.error(str(error))
            return False
        self.settings.add_recent("recent_sessions", os.path.abspath(os.fspath(path)))
        self.restore(session, Path(path))
        self.dirty = False
        self.update_title()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path or Path(self.settings.last_dir or ".") / f"comparison{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Session"), start, self._filter()
        )
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            save_session(self.current(), path)
        except SessionError as error:
            self.notices.error(str(error))
            return False
        self.path = Path(path)
        self.settings.add_recent("recent_sessions", str(Path(path).resolve()))
        self.dirty = False
        self.update_title()
        self.window.status_label.setText(self.tr("Session saved to {}").format(path))
        return True

    def set_embed(self, on: bool) -> None:
        """Whether saved sessions carry the text of each file."""
        self.settings.embed_text = on
        self.changed(dirty=bool(len(self.window.model)))

    def _tell_missing(self) -> None:
        self.notices.warning(
            self.tr(
                "{} file(s) of this session were not found (moved or deleted) and the "
                "session holds no copy of their text. Locate the folder that holds them."
            ).format(len(self.missing)),
            details=[s.path for s in self.missing],
            actions=[(self.tr("Locate…"), self.locate_missing)],
        )

    def locate_missing(self, folder: str | None = None) -> None:
        """Ask for a folder; every missing file of the session found there is relinked."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.tr("Locate the missing files"), self.settings.last_dir
            )
        if not folder:
            return
        found = resolve_sources(Session(sources=tuple(self.missing)), search=folder)
        if len(found.missing) == len(self.missing):
            self.notices.warning(self.tr("None of the missing files are in {}.").format(folder))
            return
        # Reopen the whole session with the files relinked: their keys change,
        # and the outlet moves and the order follow them.
        relinked = resolve_sources(self.current(), search=folder)
        dirty = self.dirty
        self.restore(relinked.session, self.path)
        self.dirty = True if self.path is not None else dirty
        self.update_title()

    # -- the reader's lexicons and corrections ---------------------------------
    def add_lexicon(self, path: str) -> None:
        """Merge a user lexicon into the built-in one and analyse everything again."""
        try:
            from analysis.lexicon import load_lexicon

            load_lexicon(path)
        except FrameLensError as error:
            self.notices.error(str(error))
            return
        lexicons = self.window.queue.lexicons
        if path not in lexicons:
            lexicons.append(path)
        self.restore(self.current(), self.path)
        self.dirty = True
        self.notices.info(
            self.tr("Lexicon {} added; the articles are analysed again.").format(path)
        )

    def add_correction(self, correction: Correction) -> None:
        """Apply a reader's correction to every view and score, keep it in the
        session and write the reader's lexicon file (reader-lexicon.tsv)."""
        from analysis.corrections import reader_lexicon_tsv

        self.corrections.append(correction)
        folder = self.autosaver.folder  # the state folder (a temporary one in tests)
        with contextlib.suppress(OSError):  # the session keeps it; the file is a copy
            folder.mkdir(parents=True, exist_ok=True)
            (folder / READER_LEXICON).write_text(
                reader_lexicon_tsv(self.corrections), encoding="utf-8"
            )
        self.correctionsChanged.emit()
        self.changed()

    # -- dirty flag and autosave -------------------------------------------------
    def changed(self, *, dirty: bool = True) -> None:
        """Something the user would not want to lose changed: mark it and autosave soon."""
        if self.restoring:
            return
        if dirty and (len(self.window.model) or self.window.queue.pending()):
            self.dirty = True
        self.update_title()
        if self._armed:
            self._timer.start()

    def update_title(self) -> None:
        name = file_label(str(self.path)) if self.path else self.tr("Untitled comparison")
        self.window.setWindowTitle(f"{name}[*] — FrameLens")
        self.window.setWindowModified(self.dirty)

    def autosave(self, *, wait: bool = False) -> None:
        """Write the work to the autosave file (atomically, in a pool thread unless ``wait``)."""
        session = self.current()
        if session.is_empty:
            self.autosaver.remove()
            return
        self.autosaver.save(session, wait=wait)

    def autosave_now(self) -> None:
        """Write the autosave at once (a pending delayed one is dropped)."""
        self._timer.stop()
        self.autosave(wait=True)

    def stop_autosaving(self) -> None:
        """Drop a pending delayed autosave (the window is closing)."""
        self._timer.stop()

    def _autosave_failed(self, reason: str) -> None:
        """Autosaving fails: say so until it works again, and offer to save elsewhere."""
        self.autosave_warning.setToolTip(reason)
        if self._warned:  # already said; the button stays until it works
            return
        self._warned = True
        self.autosave_warning.show()
        self.notices.error(
            self.tr(
                "Your work is not being autosaved, so a crash would lose it. {} "
                "Save the session somewhere else to keep it safe."
            ).format(reason),
            actions=[(self.tr("Save Session As…"), self.save_as)],
        )

    def _autosave_worked(self, _path: str) -> None:
        self._warned = False
        self.autosave_warning.hide()

    # -- recent files ----------------------------------------------------------
    def fill_recent(self, menu: QMenu) -> None:
        """Refill the Open Recent menu: sessions first, then files that still exist."""
        menu.clear()
        files = [p for p in self.settings.recent_files if os.path.exists(p)]
        sessions = [p for p in self.settings.recent_sessions if os.path.exists(p)]
        for p in sessions:
            menu.addAction(self.tr("Session: {}").format(Path(p).name), partial(self.open, p))
        if sessions and files:
            menu.addSeparator()
        for p in files:
            menu.addAction(Path(p).name or p, lambda p=p: self.window.add_paths([p]))
        if not files and not sessions:
            none = menu.addAction(self.tr("No recent files"))
            none.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Recent"), self.clear_recent)

    def clear_recent(self) -> None:
        self.settings.recent_files = []
        self.settings.recent_sessions = []
