"""The offer to restore work kept from runs that did not close normally.

At start the window's session keeper asks its :class:`RestoreOffer` to :meth:`check`: the
newest kept autosave (see :mod:`gui.autosave`) is offered in a notice with
Restore and Discard (and Choose…, listing them all, when there are more).
Discarding one offers the next; restoring one over work done meanwhile keeps
that work in its turn, so nothing is lost whatever the user answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

from analysis.errors import SessionError
from analysis.safeio import printable
from analysis.session import load_session

if TYPE_CHECKING:
    from gui.session_keeper import SessionKeeper


class RestoreOffer(QObject):
    """Offers kept autosaves to the user of ``keeper``'s window, through its notices."""

    def __init__(self, keeper: SessionKeeper) -> None:
        super().__init__(keeper)
        self.keeper = keeper
        #: The list of kept autosaves, once shown.
        self.dialog: QDialog | None = None

    def check(self, *, offer: bool) -> bool:
        """Keep an autosave left by a crash and offer kept work; True when offered.

        With ``offer`` False (files named on the command line) the kept work
        is only mentioned, with Choose….
        """
        for problem in self.keeper.autosaver.keep_unanswered():
            self.keeper.notices.error(problem)
        return self.offer_newest(offer=offer)

    def offer_newest(self, *, offer: bool = True) -> bool:
        """Offer the newest kept autosave (the others stay kept); False when none is left."""
        keeper, saver = self.keeper, self.keeper.autosaver
        while kept := saver.kept():
            path = kept[-1]
            problem = saver.check(path)
            if problem:
                keeper.notices.error(problem)
                continue
            session = load_session(path)
            if session.is_empty:
                saver.discard(path)
                continue
            break
        else:
            return False
        if not offer:
            keeper.notices.info(
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
                keeper.notices.info(
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
        keeper.notices.warning(text, actions=actions)
        return True

    def choose(self) -> None:
        """List the kept autosaves; the user restores or discards each."""
        from gui.dialogs.kept_autosaves import KeptAutosavesDialog

        dialog = KeptAutosavesDialog(self.keeper.autosaver, self.keeper.window)
        dialog.restoreRequested.connect(self.restore)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def restore(self, path: str) -> None:
        """Restore a kept autosave; the work on screen, if any, is kept in its place."""
        keeper = self.keeper
        try:
            session = load_session(path)
        except SessionError as error:
            keeper.notices.error(str(error))
            return
        current = keeper.current()
        if not current.is_empty and keeper.dirty:
            try:
                keeper.autosaver.keep(current)
            except SessionError as error:
                keeper.notices.error(
                    self.tr("The work on screen could not be kept, so it stays: {}").format(error)
                )
                return
        keeper.restore(session)
        # The restored work is safe in the autosave before the kept file goes.
        keeper.autosave_now()
        keeper.autosaver.discard(Path(path))
