"""A table view that copies its selection as tab-separated text (Ctrl+C).

Pasting into a spreadsheet gives one cell per value. The copy uses each cell's
display text, so numbers arrive as the user sees them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def selection_to_tsv(view: QTableView, *, with_headers: bool = True) -> str:
    """The selected cells of ``view`` as TSV (the bounding rows × columns).

    Cells inside the bounding box that are not selected are left empty, so
    the pasted table keeps its shape. Tabs and newlines inside a cell become
    spaces.
    """
    model = view.model()
    selection: QItemSelectionModel | None = view.selectionModel()
    if model is None or selection is None:
        return ""
    indexes = [i for i in selection.selectedIndexes() if not view.isColumnHidden(i.column())]
    if not indexes:
        return ""
    header = view.horizontalHeader()
    # Visual order, so a copy matches what is on screen after columns are moved.
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes}, key=header.visualIndex)
    chosen = {(i.row(), i.column()) for i in indexes}

    def clean(value: Any) -> str:
        text = "" if value is None else str(value)
        return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ")

    lines = []
    if with_headers:
        lines.append(
            "\t".join(
                clean(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                for c in columns
            )
        )
    for row in rows:
        lines.append(
            "\t".join(
                clean(model.index(row, c).data(Qt.ItemDataRole.DisplayRole))
                if (row, c) in chosen
                else ""
                for c in columns
            )
        )
    return "\n".join(lines) + "\n"


class CopyableTableView(QTableView):
    """A QTableView with Ctrl+C (and a context-menu action) copying the selection as TSV.

    Sorting by clicking a header is on; rows are selected whole by default
    (``set_row_selection(False)`` selects single cells).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copy_headers = True
        # No sort indicator until the user clicks a header: rows start in the
        # model's own order (e.g. outlets as the user arranged them).
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        copy_action = QAction("Copy", self)
        copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_action.triggered.connect(self.copy_selection)
        self.addAction(copy_action)
        select_all = QAction("Select All", self)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        select_all.triggered.connect(self.selectAll)
        self.addAction(select_all)

    def set_row_selection(self, rows: bool) -> None:
        """Select whole rows (True) or single cells (False)."""
        behaviour = (
            QAbstractItemView.SelectionBehavior.SelectRows
            if rows
            else QAbstractItemView.SelectionBehavior.SelectItems
        )
        self.setSelectionBehavior(behaviour)

    def copy_selection(self) -> str:
        """Put the selection on the clipboard as TSV (and as the text), and return it."""
        text = selection_to_tsv(self, with_headers=self.copy_headers)
        if text:
            mime = QMimeData()
            mime.setText(text)
            mime.setData("text/tab-separated-values", text.encode("utf-8"))
            QGuiApplication.clipboard().setMimeData(mime)
        return text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The action's shortcut covers normal use; this catches the key when the
        # view receives it directly (e.g. events sent by tests or other widgets).
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)
