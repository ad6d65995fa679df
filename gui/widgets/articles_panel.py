"""The articles panel: outlets and their articles, and the tools to regroup them.

Keyboard: F2 renames the selected outlet, Delete removes the selected
articles, Alt+Up/Alt+Down reorder, Ctrl+M moves articles to another outlet,
Ctrl+Shift+M merges the selected outlets. Articles can also be dragged onto
another outlet.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QStyle,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.models.articles_model import COL_DETAIL, COL_NAME, KIND_ROLE, ArticlesModel


class ArticlesPanel(QWidget):
    """Tree of outlets → articles with rename, merge, move, remove and reorder."""

    #: An article was activated (Enter or double click): its key.
    articleActivated = Signal(str)

    def __init__(self, model: ArticlesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QLabel(self.tr("Articles by outlet"))
        header.setObjectName("panelHeader")
        header.setContentsMargins(8, 6, 8, 6)
        header.setStyleSheet("#panelHeader { font-weight: 600; }")
        layout.addWidget(header)
        self.tree = QTreeView()
        self.tree.setModel(model)
        self.tree.setAccessibleName(self.tr("Articles by outlet"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.activated.connect(self._activated)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that asks the model for every row's size hint on
        # each change, some 40 ms for 200 articles with the GUI thread blocked.
        # The column holds only a few distinct texts, so they are measured instead.
        head.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.tree.expandAll)
        model.modelReset.connect(self._fit_detail_column)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setStyleSheet("QToolButton { padding: 1px 3px; }")
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree, 1)
        self.rename_action = self._action(
            self.tr("Rename"),
            "F2",
            self.rename_selected,
            self.tr("Rename the selected outlet (F2)"),
        )
        self.merge_action = self._action(
            self.tr("Merge"),
            "Ctrl+Shift+M",
            self.merge_selected,
            self.tr("Merge the selected outlets into one"),
        )
        self.move_action = self._action(
            self.tr("Move…"),
            "Ctrl+M",
            self.move_selected,
            self.tr("Move the selected articles to another outlet"),
        )
        self.remove_action = self._action(
            self.tr("Remove"),
            QKeySequence.StandardKey.Delete,
            self.remove_selected,
            self.tr("Remove the selected articles (Delete)"),
        )
        self.up_action = self._action(
            "↑", "Alt+Up", lambda: self.move_selected_by(-1), self.tr("Move up (Alt+Up)")
        )
        self.down_action = self._action(
            "↓", "Alt+Down", lambda: self.move_selected_by(1), self.tr("Move down (Alt+Down)")
        )
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        model.modelReset.connect(self._update_actions)
        self._update_actions()
        self._fit_detail_column()

    def _fit_detail_column(self) -> None:
        metrics = self.tree.fontMetrics()
        # The item delegate's padding: a focus-frame margin (plus one) on each side.
        margin = 2 * (self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        title = self.model.headerData(COL_DETAIL, Qt.Orientation.Horizontal)
        header = self.tree.header().fontMetrics().horizontalAdvance(str(title)) + 4 * margin
        texts = self.model.detail_texts()
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + margin
        self.tree.header().resizeSection(COL_DETAIL, max(header, widest))

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        tip: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    # -- selection ------------------------------------------------------------
    def selected_keys(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(COL_NAME)
        keys: list[str] = []
        for index in rows:
            key = self.model.key_of(index)
            if key:
                keys.append(key)
            elif index.data(KIND_ROLE) == "outlet":
                keys.extend(
                    k for k in self.model if self.model.outlet_of(k) == self.model.outlet_at(index)
                )
        return list(dict.fromkeys(keys))

    def selected_outlets(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(COL_NAME)
        return list(
            dict.fromkeys(
                o for i in rows if self.model.key_of(i) is None and (o := self.model.outlet_at(i))
            )
        )

    def _update_actions(self, *args: object) -> None:
        rows = self.tree.selectionModel().selectedRows(COL_NAME)
        outlets = self.selected_outlets()
        has_article = any(self.model.key_of(i) for i in rows)
        self.rename_action.setEnabled(len(outlets) == 1 and not has_article)
        self.merge_action.setEnabled(
            len(outlets) >= 2 or (len(outlets) == 1 and len(self.model.outlets()) > 1)
        )
        self.move_action.setEnabled(has_article)
        self.remove_action.setEnabled(bool(rows))
        self.up_action.setEnabled(len(rows) == 1)
        self.down_action.setEnabled(len(rows) == 1)

    def select_key(self, key: str) -> None:
        if key in self.model:
            index = self.model.article_index(key)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- actions --------------------------------------------------------------
    def rename_selected(self) -> None:
        outlets = self.selected_outlets()
        if len(outlets) == 1:
            self.tree.edit(self.model.outlet_index(outlets[0]))

    def merge_selected(self) -> None:
        outlets = self.selected_outlets()
        choices = outlets if len(outlets) >= 2 else self.model.outlets()
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge outlets"),
            self.tr("Merge {} into:").format(", ".join(outlets)),
            choices,
            0,
            True,
        )
        if ok and target.strip():
            self.model.merge_outlets(outlets, target.strip())

    def move_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Move articles"),
            self.tr("Move {} article(s) to the outlet (pick one or type a new name):").format(
                len(keys)
            ),
            self.model.outlets(),
            0,
            True,
        )
        if ok and target.strip():
            for key in keys:
                self.model.move_article(key, target.strip())

    def _move_keys(self, keys: list[str], outlet: str) -> None:
        for key in keys:
            self.model.move_article(key, outlet)

    def remove_selected(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.model.remove(keys)

    def move_selected_by(self, delta: int) -> None:
        rows = self.tree.selectionModel().selectedRows(COL_NAME)
        if len(rows) != 1:
            return
        key = self.model.key_of(rows[0])
        if key:
            self.model.move_article_by(key, delta)
            self.select_key(key)
        else:
            outlet = self.model.outlet_at(rows[0])
            if outlet:
                self.model.move_outlet_by(outlet, delta)
                self.tree.setCurrentIndex(self.model.outlet_index(outlet))

    def _activated(self, index: QModelIndex) -> None:
        key = self.model.key_of(index)
        if key:
            self.articleActivated.emit(key)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.rename_action, self.merge_action, self.move_action):
            menu.addAction(action)
        keys = self.selected_keys()
        if keys and self.model.outlets():
            sub = menu.addMenu(self.tr("Move to outlet"))
            for outlet in self.model.outlets():
                sub.addAction(outlet, partial(self._move_keys, keys, outlet))
        menu.addSeparator()
        menu.addAction(self.up_action)
        menu.addAction(self.down_action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
