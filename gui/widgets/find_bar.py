"""The find bar (Ctrl+F): find text in the side-by-side view's article columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from gui.widgets.side_by_side import SideBySideView


class FindBar(QWidget):
    """Find text in the article columns (Enter next, Shift+Enter previous, Esc closes).

    A search starts in the focused column (or the one of the last hit) and
    moves on through the other columns, wrapping round.
    """

    def __init__(self, side: SideBySideView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        #: The column of the last hit, where the next search starts when none has the focus.
        self._view = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Text in the articles"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.search(False))
        layout.addWidget(self.edit, 1)
        previous = QPushButton(self.tr("Previous"))
        previous.clicked.connect(lambda: self.search(True))
        following = QPushButton(self.tr("Next"))
        following.clicked.connect(lambda: self.search(False))
        self.status = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.hide)
        for w in (previous, following, self.status, close):
            layout.addWidget(w)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.search(True)
        else:
            super().keyPressEvent(event)

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def search(self, backward: bool) -> bool:
        """Find the bar's text again (``backward``: the previous hit); False when absent."""
        text = self.edit.text()
        if not text:
            return False
        found = self.find_text(text, backward)
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def find_text(self, text: str, backward: bool) -> bool:
        """Select the next (previous) ``text`` in the columns; False when none holds it."""
        self.side.finish_now()
        views = self.side.text_views()
        if not views:
            return False
        focused = next((i for i, v in enumerate(views) if v.hasFocus()), None)
        start = focused if focused is not None else self._view % len(views)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        order = [(start + (-k if backward else k)) % len(views) for k in range(len(views) + 1)]
        for n, i in enumerate(order):
            view = views[i]
            if n > 0:  # moved on to another column: start at its top (or bottom)
                cursor = view.textCursor()
                cursor.movePosition(
                    cursor.MoveOperation.End if backward else cursor.MoveOperation.Start
                )
                view.setTextCursor(cursor)
            if view.find(text, flags):
                self._view = i
                view.ensureCursorVisible()
                return True
        return False
