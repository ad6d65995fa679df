"""The list of unsaved work kept from runs that did not close normally.

Opened from the restore notice ("Choose…") when more than one autosave is
kept. Each entry shows when it was saved and what it holds; the user
restores one (the window replaces its work with it) or discards it. The
dialog is window-modal and returns at once (``open()``), like every dialog
of FrameLens.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from analysis.errors import SessionError
from analysis.safeio import printable
from analysis.session import load_session
from gui.autosave import Autosaver


def describe(path: Path) -> str:
    """One line for a kept autosave: its date and the articles it holds."""
    try:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except OSError:
        stamp = "?"
    try:
        session = load_session(path)
    except SessionError:
        return f"{stamp} — damaged ({printable(path.name)})"
    names = [s.title or s.outlet or Path(s.path).name or s.key for s in session.sources]
    shown = ", ".join(printable(n) for n in names[:3]) + ("…" if len(names) > 3 else "")
    return f"{stamp} — {len(session.sources)} article(s): {shown}"


class KeptAutosavesDialog(QDialog):
    """Restore or discard each kept autosave, newest first."""

    #: The user chose to restore this kept autosave (its path).
    restoreRequested = Signal(str)

    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.autosaver = autosaver
        self.setWindowTitle(self.tr("Unsaved work kept from earlier runs"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(560, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "FrameLens keeps the work of every run that did not close normally until "
                "you restore or discard it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for path in reversed(self.autosaver.kept()):
            item = QListWidgetItem(describe(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        has = bool(self.list.count())
        self.restore_button.setEnabled(has)
        self.discard_button.setEnabled(has)

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def restore_selected(self) -> None:
        path = self._selected()
        if path is not None:
            self.restoreRequested.emit(path)
            self.close()

    def discard_selected(self) -> None:
        path = self._selected()
        if path is not None:
            self.autosaver.discard(Path(path))
            self.refresh()
