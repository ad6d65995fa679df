"""The articles, grouped by outlet: a two-level tree model with the user's changes.

Top-level rows are outlets (in order of their first article), their children
the articles. The model keeps the analysed articles as the engine returned
them and the user's changes on top, exactly as a session stores them:

- ``renames``: detected outlet name → the name the user chose; applies to
  every article detected with that name, including ones added later;
- ``moves``: article key → outlet the user moved that article to;
- ``order``: the article keys in the user's order.

:meth:`corpus` returns a new :class:`Corpus` with the effective outlets
(``outlet_source == "user"`` where the user changed one) grouped outlet by
outlet, which the views, the comparison and the reports use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from analysis.model import AnalyzedArticle, Corpus, LoadFailure
from analysis.safeio import printable

Index = QModelIndex | QPersistentModelIndex

COL_NAME = 0
COL_DETAIL = 1
COLUMNS = ("Outlet / article", "Detected by")

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "outlet" or "article"
OUTLET_ROLE = Qt.ItemDataRole.UserRole + 3

MIME_KEYS = "application/x-framelens-article-keys"
_ROOT = QModelIndex()  # the invisible root, as a default argument
_OUTLET_ID = 0xFFFFFFFF  # internalId of outlet rows; article rows carry their outlet's row


class ArticlesModel(QAbstractItemModel):
    """Outlets and their articles; every user change emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._articles: dict[str, AnalyzedArticle] = {}
        self._order: list[str] = []
        self.renames: dict[str, str] = {}
        self.moves: dict[str, str] = {}
        self._outlets: list[str] = []
        self._groups: dict[str, list[str]] = {}
        self._sources: dict[str, list[str]] = {}

    # -- state ----------------------------------------------------------------
    def keys(self) -> list[str]:
        """Article keys in display order (outlet by outlet)."""
        return [k for o in self._outlets for k in self._groups[o]]

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def article(self, key: str) -> AnalyzedArticle:
        return self._articles[key]

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[str]:
        """The article keys in display order."""
        return iter(self.keys())

    def __contains__(self, key: object) -> bool:
        return key in self._articles

    def detected_outlet(self, key: str) -> str:
        return self._articles[key].article.outlet

    def outlet_of(self, key: str) -> str:
        """The outlet the article is shown under (after renames and moves)."""
        if key in self.moves:
            return self.moves[key]
        detected = self.detected_outlet(key)
        return self.renames.get(detected, detected)

    def source_of(self, key: str) -> str:
        """How the shown outlet was found ("user" when the user changed it)."""
        a = self._articles[key].article
        return "user" if self.outlet_of(key) != a.outlet else a.outlet_source

    def detail_texts(self) -> set[str]:
        """The distinct texts of the "Detected by" column (to size it without asking every row)."""
        texts = {", ".join(sources) for sources in self._sources.values()}
        for sources in self._sources.values():
            if len(sources) > 1:
                texts.update(sources)
        return texts

    def corpus(self, errors: Sequence[LoadFailure] = (), lexicons: Sequence[str] = ()) -> Corpus:
        """The articles with their effective outlets, grouped outlet by outlet."""
        out = []
        for key in self.keys():
            analyzed = self._articles[key]
            outlet = self.outlet_of(key)
            if outlet != analyzed.article.outlet:
                article = dataclasses.replace(analyzed.article, outlet=outlet, outlet_source="user")
                analyzed = dataclasses.replace(analyzed, article=article)
            out.append(analyzed)
        return Corpus(articles=tuple(out), errors=tuple(errors), lexicons=tuple(lexicons))

    # -- changes --------------------------------------------------------------
    def add(self, items: Iterable[tuple[str, AnalyzedArticle]]) -> list[str]:
        """Add articles under their keys; return the keys added (known keys are skipped)."""
        added = []
        for key, analyzed in items:
            if key in self._articles:
                continue
            self._articles[key] = analyzed
            self._order.append(key)
            added.append(key)
        if added:
            self._rebuild()
        return added

    def set_state(
        self,
        renames: dict[str, str] | None = None,
        moves: dict[str, str] | None = None,
        order: Sequence[str] | None = None,
    ) -> None:
        """Apply saved outlet changes and order (from a session)."""
        if renames is not None:
            self.renames = dict(renames)
        if moves is not None:
            self.moves = dict(moves)
        if order is not None:
            known = [k for k in order if k in self._articles]
            self._order = known + [k for k in self._order if k not in set(known)]
        self._rebuild()

    def clear(self) -> None:
        self._articles.clear()
        self._order.clear()
        self.renames.clear()
        self.moves.clear()
        self._rebuild()

    def remove(self, keys: Iterable[str]) -> None:
        keys = set(keys) & set(self._articles)
        if not keys:
            return
        for key in keys:
            del self._articles[key]
            self.moves.pop(key, None)
        self._order = [k for k in self._order if k not in keys]
        self._rebuild()

    def rename_outlet(self, old: str, new: str) -> None:
        """Show every article now under ``old`` under ``new`` (merging if ``new`` exists)."""
        new = new.strip()
        if not new or new == old or old not in self._groups:
            return
        for key in self._groups[old]:
            if key in self.moves:
                self.moves[key] = new
            else:
                self.renames[self.detected_outlet(key)] = new
        # A name renamed back to itself is no change at all.
        self.renames = {k: v for k, v in self.renames.items() if k != v}
        self._rebuild()

    def merge_outlets(self, names: Iterable[str], into: str) -> None:
        for name in list(names):
            if name != into:
                self.rename_outlet(name, into)

    def move_article(self, key: str, outlet: str) -> None:
        outlet = outlet.strip()
        if not outlet or key not in self._articles or self.outlet_of(key) == outlet:
            return
        detected = self.detected_outlet(key)
        if self.renames.get(detected, detected) == outlet:
            self.moves.pop(key, None)
        else:
            self.moves[key] = outlet
        self._rebuild()

    def move_article_by(self, key: str, delta: int) -> None:
        """Move an article up (-1) or down (+1) among its outlet's articles."""
        group = self._groups.get(self.outlet_of(key), [])
        i = group.index(key)
        j = i + delta
        if not 0 <= j < len(group):
            return
        other = group[j]
        a, b = self._order.index(key), self._order.index(other)
        self._order[a], self._order[b] = other, key
        self._rebuild()

    def move_outlet_by(self, outlet: str, delta: int) -> None:
        """Move an outlet (all its articles) up or down among the outlets."""
        i = self._outlets.index(outlet)
        j = i + delta
        if not 0 <= j < len(self._outlets):
            return
        outlets = list(self._outlets)
        outlets[i], outlets[j] = outlets[j], outlets[i]
        self._order = [k for o in outlets for k in self._groups[o]]
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups: dict[str, list[str]] = {}
        for key in self._order:
            groups.setdefault(self.outlet_of(key), []).append(key)
        self._groups = groups
        self._outlets = list(groups)
        # What the view asks for on every repaint, computed once per change.
        self._sources = {
            outlet: sorted({self.source_of(k) for k in keys}) for outlet, keys in groups.items()
        }
        self.endResetModel()
        self.changed.emit()

    # -- Qt model -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _OUTLET_ID)
        if parent.internalId() == _OUTLET_ID:
            return self.createIndex(row, column, parent.row())
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent(), which shares the name
            return super().parent()
        if not child.isValid() or child.internalId() == _OUTLET_ID:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _OUTLET_ID)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        if not parent.isValid():
            return len(self._outlets)
        if parent.internalId() == _OUTLET_ID and parent.column() == 0:
            return len(self._groups[self._outlets[parent.row()]])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def outlet_index(self, outlet: str) -> QModelIndex:
        return self.index(self._outlets.index(outlet), 0)

    def article_index(self, key: str) -> QModelIndex:
        outlet = self.outlet_of(key)
        return self.index(self._groups[outlet].index(key), 0, self.outlet_index(outlet))

    def key_of(self, index: Index) -> str | None:
        if not index.isValid() or index.internalId() == _OUTLET_ID:
            return None
        return self._groups[self._outlets[int(index.internalId())]][index.row()]

    def outlet_at(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == _OUTLET_ID:
            return self._outlets[index.row()]
        return self._outlets[int(index.internalId())]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        outlet = self.outlet_at(index)
        key = self.key_of(index)
        if role == KIND_ROLE:
            return "article" if key else "outlet"
        if role == OUTLET_ROLE:
            return outlet
        if role == KEY_ROLE:
            return key
        if key is None:
            keys = self._groups[outlet]  # type: ignore[index]
            sources = self._sources[outlet]  # type: ignore[index]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                if index.column() == COL_NAME:
                    return (
                        outlet if role == Qt.ItemDataRole.EditRole else f"{outlet}  ({len(keys)})"
                    )
                return ", ".join(sources)
            if role == Qt.ItemDataRole.ToolTipRole:
                detected = sorted({self.detected_outlet(k) for k in keys})
                return (
                    f"{outlet}: {len(keys)} article(s)\n"
                    f"Outlet found by: {', '.join(sources)}\n"
                    f"Detected as: {', '.join(detected)}\n"
                    "F2 renames; drop articles here to move them."
                )
            if role == Qt.ItemDataRole.FontRole and index.column() == COL_NAME:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            return None
        analyzed = self._articles[key]
        a = analyzed.article
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == COL_NAME:
                return a.display_title
            source = self.source_of(key)
            # Only say it when this article's outlet was found differently from its siblings'.
            return source if len(self._sources[outlet]) > 1 else ""  # type: ignore[index]

        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [a.display_title, printable(key)]
            if a.author or a.date:
                lines.append(" · ".join(x for x in (a.author, a.date) if x))
            lines.append(f"Detected outlet: {a.outlet} (by {a.outlet_source})")
            lines.append(
                f"{analyzed.words} words · subjectivity {analyzed.subjectivity:.2f} · "
                f"{analyzed.loaded_per_1000:.1f} loaded terms per 1,000 own words"
            )
            lines.extend("⚠ " + w for w in a.warnings)
            return "\n".join(lines)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.key_of(index) is None:
            extra = Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == COL_NAME:
                extra |= Qt.ItemFlag.ItemIsEditable
            return base | extra
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        outlet = self.outlet_at(index)
        if role != Qt.ItemDataRole.EditRole or self.key_of(index) is not None or outlet is None:
            return False
        self.rename_outlet(outlet, str(value))
        return True

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_KEYS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        keys = list(dict.fromkeys(k for i in indexes if (k := self.key_of(i))))
        mime = QMimeData()
        mime.setData(MIME_KEYS, "\n".join(keys).encode("utf-8"))
        return mime

    def dropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME_KEYS):
            return False
        target = self.outlet_at(parent)
        if target is None:
            return False
        keys = bytes(data.data(MIME_KEYS).data()).decode("utf-8").split("\n")
        # Apply after the view has finished its drag bookkeeping: the reset invalidates indexes.
        from PySide6.QtCore import QTimer

        def move() -> None:
            for key in keys:
                if key:
                    self.move_article(key, target)

        QTimer.singleShot(0, move)
        return False  # not True: the view must not remove the dragged rows itself
