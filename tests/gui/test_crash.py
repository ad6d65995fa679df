"""The crash handler logs to a file and shows a dialog with copyable details; the app goes on."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from gui.crash import CrashDialog, CrashHandler, setup_file_logging

# Offscreen Qt says this whenever a top-level window is shown; it is harmless.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_handler_logs_and_shows_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    log_path = setup_file_logging(tmp_path)
    assert log_path is not None
    handler = CrashHandler(log_path)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        exc_info = sys.exc_info()
    try:
        handler(*exc_info)  # type: ignore[arg-type]
        assert len(handler.dialogs) == 1
        dialog = handler.dialogs[0]
        qtbot.addWidget(dialog)
        assert dialog.isVisible() and not dialog.isModal()
        assert "ValueError: boom in a slot" in dialog.details.toPlainText()
        assert "FrameLens" in dialog.details.toPlainText()
        dialog.copy_details()
        assert "boom in a slot" in QGuiApplication.clipboard().text()
        for h in logging.getLogger().handlers:
            h.flush()
        assert "boom in a slot" in log_path.read_text(encoding="utf-8")
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "baseFilename", "") == str(log_path):
                root.removeHandler(h)
                h.close()


def test_dialog_without_log_file(qtbot: QtBot) -> None:
    dialog = CrashDialog("details here", None)
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText() == "details here"
