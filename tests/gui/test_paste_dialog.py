"""Paste dialog: asks for the text, the outlet (known ones offered) and the title."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.dialogs.paste_dialog import PasteDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_values_and_ok_only_with_text(qtbot: QtBot) -> None:
    dialog = PasteDialog(["Alpha", "Beta"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "The council voted on Tuesday.")
    assert ok.isEnabled()
    dialog.outlet.setCurrentText("Beta")
    qtbot.keyClicks(dialog.title_edit, "Vote")
    assert dialog.values() == {
        "text": "The council voted on Tuesday.",
        "outlet": "Beta",
        "title": "Vote",
        "author": "",
    }
    assert [dialog.outlet.itemText(i) for i in range(dialog.outlet.count())] == ["Alpha", "Beta"]
