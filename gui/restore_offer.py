"""The offer to restore work kept from runs that did not close normally.

At start the window asks its :class:`RestoreOffer` to :meth:`check`: the
newest kept autosave (see :mod:`gui.autosave`) is offered in a notice with
Restore and Discard (and Choose…, listing them all, when there are more).
Discarding one offers the next; restoring one over work done meanwhile keeps
that work in its turn, so nothing is lost whatever the user answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from analysis.errors import SessionError
from analysis.safeio import printable
from analysis.session import load_session

if TYPE_CHECKING:
    from gui.mainwindow import MainWindow


class RestoreOffer(QObject):
    """Offers kept autosaves to the user of ``window``, through its notices."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None

    def check(self, *, offer: bool) -> bool:
        """Keep an autosave left by a crash and offer kept work; True when offered.

        With ``offer`` False (files named on the command line) the kept work
        is only mentioned, with Choose….
        """
        for problem in self.window.autosaver.keep_unanswered():
            self.window.notices.error(problem)
        return self.offer_newest(offer=offer)

    def offer_newest(self, *, offer: bool = True) -> bool:
        """Offer the newest kept autosave (the others stay kept); False when none is left."""
        window, saver = self.window, self.window.autosaver
        while kept := saver.kept():
            path = kept[-1]
            problem = saver.check(path)
            if problem:
                window.notices.error(problem)
                continue
            session = load_session(path)
            if session.is_empty:
                saver.discard(path)
                continue
            break
        else:
            return False
        if not offer:
            window.notices.info(
                self.tr(
                    "Unsaved work from {} earlier run(s) is kept in {}; open it with "
                    "File > Open Session."
                ).format(len(kept), printable(saver.folder)),
                details=[printable(p) for p in kept],
                actions=[(self.tr("Choose…"), self.choose)],
            )
            return False

        def restore() -> None:
            self.restore(str(path))
            if saver.kept():
                window.notices.info(
                    self.tr("{} earlier unsaved session(s) are still kept.").format(
                        len(saver.kept())
                    ),
                    actions=[(self.tr("Choose…"), self.choose)],
                )

        def discard() -> None:
            saver.discard(path)
            self.offer_newest()

        text = self.tr(
            "FrameLens did not close normally. Restore the unsaved work ({} article(s))?"
        ).format(len(session.sources))
        actions = [(self.tr("Restore"), restore), (self.tr("Discard"), discard)]
        if len(kept) > 1:
            text += " " + self.tr("{} earlier unsaved session(s) are kept too.").format(
                len(kept) - 1
            )
            actions.append((self.tr("Choose…"), self.choose))
        window.notices.warning(text, actions=actions)
        return True

    def choose(self) -> None:
        """List the kept autosaves; the user restores or discards each."""
        from gui.dialogs.kept_autosaves import KeptAutosavesDialog

        dialog = KeptAutosavesDialog(self.window.autosaver, self.window)
        dialog.restoreRequested.connect(self.restore)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def restore(self, path: str) -> None:
        """Restore a kept autosave; the work on screen, if any, is kept in its place."""
        window = self.window
        try:
            session = load_session(path)
        except SessionError as error:
            window.notices.error(str(error))
            return
        current = window.current_session()
        if not current.is_empty and window.dirty:
            try:
                window.autosaver.keep(current)
            except SessionError as error:
                window.notices.error(
                    self.tr("The work on screen could not be kept, so it stays: {}").format(error)
                )
                return
        window.restore_session(session)
        # The restored work is safe in the autosave before the kept file goes.
        window.autosave_now()
        window.autosaver.discard(Path(path))
