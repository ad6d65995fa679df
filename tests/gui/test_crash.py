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


def _raise_in(kind: str, handler: CrashHandler) -> None:
    """Raise an uncaught exception in a thread of ``kind``, as a bug would."""
    import threading

    from PySide6.QtCore import QThreadPool

    def job() -> None:
        raise UnicodeEncodeError("utf-8", "caf\udce9", 3, 4, "surrogates not allowed")

    if kind == "python thread":
        thread = threading.Thread(target=job)
        thread.start()
        thread.join()
    elif kind == "pool thread":
        pool = QThreadPool()
        pool.start(job)
        pool.waitForDone(10_000)
    else:  # the hook called directly from a thread (what PySide does for a slot there)
        def call() -> None:
            try:
                job()
            except UnicodeEncodeError:
                handler(*sys.exc_info())  # type: ignore[arg-type]

        thread = threading.Thread(target=call)
        thread.start()
        thread.join()


@pytest.mark.parametrize("kind", ["hook from a thread", "python thread", "pool thread"])
def test_an_exception_in_a_worker_thread_is_shown_by_the_window_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Issue 28, item 1: the dialog is built in the window's thread, never in the worker's."""
    import threading

    from PySide6.QtWidgets import QApplication

    handler = CrashHandler(None)
    monkeypatch.setattr(sys, "excepthook", handler)
    monkeypatch.setattr(threading, "excepthook", handler.thread_hook)
    built_in: list[bool] = []
    real_show = handler.show_dialog

    def show(details: str) -> None:
        built_in.append(threading.current_thread() is threading.main_thread())
        real_show(details)

    monkeypatch.setattr(handler, "show_dialog", show)
    handler._bridge.report.disconnect()
    handler._bridge.report.connect(show)
    _raise_in(kind, handler)
    qtbot.waitUntil(lambda: len(handler.dialogs) == 1, timeout=10_000)
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert built_in == [True]
    assert dialog.thread() is QApplication.instance().thread()
    assert "UnicodeEncodeError" in dialog.details.toPlainText()
