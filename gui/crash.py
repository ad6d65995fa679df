"""Unexpected exceptions: log them to a file and show a non-modal crash dialog.

:func:`install` replaces ``sys.excepthook`` and ``threading.excepthook``.
When a bug raises inside a Qt slot, PySide6 calls the hook and carries on,
so the app keeps running: the hook writes the traceback to ``framelens.log``
in the platform's log folder (``platformdirs.user_log_dir("FrameLens")``)
and opens a :class:`CrashDialog` whose details the user can copy into a bug
report.

The hook may be called from any thread (an exception escaping a pool
thread's job, or a Python thread). Widgets may only be made in the window's
thread: building the dialog in a worker thread killed the program
(``QObject::setParent: Cannot set parent, new parent is in a different
thread``, then SIGSEGV). So off that thread the hook only logs and emits a
queued signal; the dialog is built when the signal arrives in the window's
thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# The log file's home is gui.logfile (free of Qt); the window reaches it through here too.
from gui.logfile import LOG_NAME as LOG_NAME
from gui.logfile import log_dir as log_dir
from gui.logfile import setup_file_logging

log = logging.getLogger(__name__)


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The text a user copies into a bug report: versions and the traceback."""
    from analysis import __version__

    try:
        from PySide6 import __version__ as qt_version
    except ImportError:  # pragma: no cover - PySide6 is always there in the GUI
        qt_version = "?"
    header = (
        f"FrameLens {__version__}, Python {sys.version.split()[0]}, "
        f"PySide6 {qt_version}, {sys.platform}\n\n"
    )
    return header + "".join(traceback.format_exception(exc_type, exc, tb))


class CrashDialog(QDialog):
    """Says that something went wrong, shows copyable details and where the log is."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("FrameLens ran into a problem"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something unexpected went wrong. FrameLens is still running and your work "
                "is autosaved, but the last action may not have finished. Please copy the "
                "details below into a bug report."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.details, 1)
        if log_path is not None:
            where = QLabel(self.tr("Logged to {}").format(log_path))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_path is not None:
            folder = QPushButton(self.tr("Open log folder"))
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
            )
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class _Bridge(QObject):
    """Lives in the window's thread; a report emitted from any thread is queued to it."""

    report = Signal(str)


class CrashHandler:
    """The excepthook: log, then show a dialog (at most a few at once), from any thread.

    Must be created in the window's (the application's) thread.
    """

    def __init__(self, log_path: Path | None, parent: Callable[[], QWidget | None] | None = None):
        self.log_path = log_path
        self.parent = parent or (lambda: None)
        self.dialogs: list[CrashDialog] = []
        self._bridge = _Bridge()
        self._bridge.report.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        app = QApplication.instance()
        # The window's thread is the program's main thread.
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if issubclass(exc_type, KeyboardInterrupt) and on_gui_thread:
            QApplication.quit()
            return
        details = format_details(exc_type, exc, tb)
        log.error("unexpected error\n%s", details)
        if app is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        if on_gui_thread:
            self.show_dialog(details)
        else:
            self._bridge.report.emit(details)  # queued: shown by the window's thread

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: an exception that ended a Python thread."""
        if args.exc_type is SystemExit:
            return
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        self(args.exc_type, exc, args.exc_traceback)

    def show_dialog(self, details: str) -> None:
        """Show the crash dialog (the window's thread only)."""
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        if len(self.dialogs) >= 3:  # a bug firing in a loop must not bury the screen
            return
        dialog = CrashDialog(details, self.log_path, self.parent())
        dialog.setModal(False)
        dialog.show()
        self.dialogs.append(dialog)


def install(parent: Callable[[], QWidget | None] | None = None) -> CrashHandler:
    """Log to the platform log folder and show crash dialogs for uncaught exceptions."""
    path = None if os.environ.get("FRAMELENS_NO_LOG_FILE") else setup_file_logging()
    handler = CrashHandler(path, parent)
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler
