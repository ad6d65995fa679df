"""Paste the text of an article, and say which outlet published it and its title."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PasteDialog(QDialog):
    """Asks for the article text, its outlet (known ones offered) and its title."""

    def __init__(
        self, outlets: Sequence[str] = (), text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste Article Text"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.outlet = QComboBox()
        self.outlet.setEditable(True)
        self.outlet.addItems(list(outlets))
        self.outlet.setCurrentText("")
        line = self.outlet.lineEdit()
        assert line is not None  # the combo box is editable
        line.setPlaceholderText(self.tr("Leave empty to detect it from the text"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Headline (optional)"))
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("Optional"))
        form.addRow(self.tr("&Outlet:"), self.outlet)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Author:"), self.author)
        layout.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the article text here (Ctrl+V)."))
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(text)
        layout.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add Article"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        self.text.setFocus()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text.toPlainText().strip()))

    def values(self) -> dict[str, str]:
        """The text, outlet, title and author the user entered."""
        return {
            "text": self.text.toPlainText(),
            "outlet": self.outlet.currentText().strip(),
            "title": self.title_edit.text().strip(),
            "author": self.author.text().strip(),
        }
