"""The window's commands that ask the user first: file and paste dialogs, report, help.

The action table (:mod:`gui.actions`) calls these as ``commands.<name>``;
each asks what it needs (a file, a folder, the pasted text) and hands the
answer to the window's collaborators: the analysis queue, the session
keeper, :mod:`gui.report` or :mod:`gui.dialogs.help`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from analysis.errors import FrameLensError
from analysis.load import FILE_DIALOG_FILTER

if TYPE_CHECKING:
    from gui.mainwindow import MainWindow

#: The Open dialog's filter: the formats FrameLens reads, then every file.
OPEN_FILTER = FILE_DIALOG_FILTER + ";;All files (*)"
LEXICON_FILTER = "Lexicons (*.tsv *.dic *.tff);;All files (*)"


def samples_dir() -> Path:
    """The bundled fictional sample articles."""
    from analysis.resources import resources_dir

    return resources_dir() / "samples"


class WindowCommands(QObject):
    """What the File and Help menus do in ``window`` before its collaborators take over."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.notices = window.notices
        #: The paste dialog last opened (non-modal).
        self.paste_dialog: QDialog | None = None

    # -- opening -------------------------------------------------------------
    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Open Articles"), self.settings.last_dir, OPEN_FILTER
        )
        if paths:
            self.settings.last_dir = str(Path(paths[0]).parent)
            self.window.add_paths(paths)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open Folder"), self.settings.last_dir
        )
        if folder:
            self.settings.last_dir = folder
            self.window.add_paths([folder])

    def open_samples(self) -> None:
        try:
            folder = samples_dir()
        except FrameLensError as error:
            self.notices.error(str(error))
            return
        self.window.add_paths([str(folder)], remember=False)

    def paste_text(self, text: str = "") -> None:
        """Ask for an article's text (``text`` prefilled, e.g. dragged in) and add it."""
        from gui.dialogs.paste_dialog import PasteDialog

        window = self.window
        dialog = PasteDialog(window.model.outlets(), text if isinstance(text, str) else "", window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            v = dialog.values()
            window.add_text(v["text"], outlet=v["outlet"], title=v["title"], author=v["author"])

        dialog.accepted.connect(accepted)
        dialog.open()
        self.paste_dialog = dialog

    def add_lexicon(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Add Lexicon"), self.settings.last_dir, self.tr(LEXICON_FILTER)
        )
        if path:
            self.window.sessions.add_lexicon(path)

    # -- report, help -----------------------------------------------------------
    def report(self, name: str) -> None:
        """Print or export (``name``: a File menu entry point of :mod:`gui.report`)."""
        window = self.window
        if not len(window.model):
            self.notices.info(
                self.tr("Open some articles first: there is nothing to print or export.")
            )
            return
        try:
            import gui.report as report

            function = getattr(report, name)
        except (ImportError, AttributeError):
            self.notices.warning(self.tr("Printing and export are not available in this build."))
            return
        window.side.finish_now()
        try:
            function(window, window.corpus, window.comparison, settings=self.settings)
        except FrameLensError as error:
            self.notices.error(str(error))

    def show_help(self, name: str) -> None:
        """Show a help dialog (``name``: "show_methodology" or "show_about")."""
        try:
            from gui.dialogs import help as help_dialogs

            function = getattr(help_dialogs, name)
        except (ImportError, AttributeError):
            from analysis import __version__

            if name == "show_about":
                QMessageBox.about(
                    self.window,
                    self.tr("About FrameLens"),
                    f"FrameLens {__version__}\nSee how news outlets frame the same story.",
                )
            else:
                self.notices.info(self.tr("The methodology page is not available in this build."))
            return
        function(self.window)

    def show_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from gui.crash import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.window.status_label.setText(self.tr("Logs are in {}").format(folder))
