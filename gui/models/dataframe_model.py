"""A read-only, sortable Qt table model over a pandas DataFrame.

The frame's index becomes the first column (an outlet table is indexed by
outlet, so the outlet name shows up as a normal, sortable column). Numbers are
right-aligned and formatted for reading; :data:`RAW_VALUE_ROLE` gives the
unformatted value and :data:`SORT_ROLE` the key the model sorts by, so views,
proxies and copy code never parse display strings back into numbers.

pandas is never imported here: the model only calls methods of the frame it is
given, so importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import logging
import math
import numbers
from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

log = logging.getLogger(__name__)

#: The unformatted cell value (a Python int/float/str/None; NaN becomes None).
RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The key used to sort: numbers as floats, text case-folded, missing values last.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The DataFrame column name (or index name) behind a column, from headerData.
COLUMN_NAME_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def _plain(value: Any) -> Any:
    """Turn numpy scalars and missing values into plain Python values."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, str):
        with contextlib.suppress(TypeError, ValueError):
            value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    # pandas.NA / NaT compare weirdly; they are the "missing" markers.
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _join_sequence(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return None


class DataFrameModel(QAbstractTableModel):
    """Read-only table model over a DataFrame, with its own stable sort.

    Column 0 (:attr:`INDEX_COLUMN`) shows the frame's index when
    ``show_index`` is true. ``headers`` maps column names to display titles,
    ``decimals`` maps column names to the number of decimals shown (default 2
    for floats; integers are shown without decimals), ``percents`` names the
    columns of shares (0–1) shown as percentages ("24%"; the raw value stays the
    share) and ``tooltips`` maps column names to header tooltips.
    """

    INDEX_COLUMN = 0

    def __init__(
        self,
        frame: Any = None,
        *,
        show_index: bool = True,
        headers: Mapping[str, str] | None = None,
        decimals: Mapping[str, int] | None = None,
        percents: Collection[str] = (),
        tooltips: Mapping[str, str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._show_index = show_index
        self._headers = dict(headers or {})
        self._decimals = dict(decimals or {})
        self._percents = frozenset(percents)
        self._tooltips = dict(tooltips or {})
        self._names: list[str] = []
        self._rows: list[list[Any]] = []
        #: Per column: does it hold numbers (its header is then right-aligned)?
        self._numeric: list[bool] = []
        self._frame: Any = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        if frame is not None:
            self.set_frame(frame)

    # -- data in ---------------------------------------------------------
    def set_frame(self, frame: Any) -> None:
        """Show ``frame`` (a DataFrame; ``None`` clears the model)."""
        self.beginResetModel()
        self._frame = frame
        self._names = []
        self._rows = []
        if frame is not None:
            columns = [str(c) for c in frame.columns]
            if self._show_index:
                index_name = frame.index.name
                self._names = [str(index_name) if index_name is not None else ""] + columns
                values = zip(
                    frame.index.tolist(), frame.itertuples(index=False, name=None), strict=True
                )
                self._rows = [[_plain(i), *(_plain(v) for v in row)] for i, row in values]
            else:
                self._names = columns
                self._rows = [
                    [_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)
                ]
        self._numeric = [
            any(_is_number(row[c]) for row in self._rows) for c in range(len(self._names))
        ]
        self.endResetModel()
        if self._sort is not None and self._rows:
            column, order = self._sort
            if column < len(self._names):
                self.sort(column, order)

    def set_columns(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        decimals: Mapping[str, int] | None = None,
        tooltips: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the header titles, decimals or header tooltips (``None`` keeps them)."""
        if headers is not None:
            self._headers = dict(headers)
        if decimals is not None:
            self._decimals = dict(decimals)
        if tooltips is not None:
            self._tooltips = dict(tooltips)
        if self._names:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._names) - 1)
            if self._rows:
                last = self.index(len(self._rows) - 1, len(self._names) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def frame(self) -> Any:
        """The DataFrame as given (unsorted); ``None`` when empty."""
        return self._frame

    def column_name(self, column: int) -> str:
        """The DataFrame column (or index) name behind ``column``."""
        return self._names[column]

    def column_of(self, name: str) -> int:
        """The model column showing DataFrame column ``name`` (-1 when absent)."""
        try:
            return self._names.index(name)
        except ValueError:
            return -1

    def raw_value(self, row: int, column: int) -> Any:
        """The unformatted value at ``(row, column)`` in the current sort order."""
        return self._rows[row][column]

    # -- Qt model API ----------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        name = self._names[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.format_value(name, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.format_value(name, value)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if _is_number(value):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == RAW_VALUE_ROLE:
            return value
        if role == SORT_ROLE:
            return self._sort_key(value)[1]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(self._names):
            return None
        name = self._names[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(name, name.replace("_", " "))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get(name)
        if role == COLUMN_NAME_ROLE:
            return name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = self._numeric[section]
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by ``column``; missing values always go last; the sort is stable."""
        if column >= len(self._names):
            return
        if column < 0:
            # Qt's convention: sorting by column -1 restores the original order.
            self._sort = None
            self.set_frame(self._frame)
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [id(r) for r in self._rows]
        descending = order == Qt.SortOrder.DescendingOrder
        present = [r for r in self._rows if r[column] is not None]
        missing = [r for r in self._rows if r[column] is None]
        present.sort(key=lambda r: self._sort_key(r[column]), reverse=descending)
        self._rows = present + missing
        new_position = {id(r): i for i, r in enumerate(self._rows)}
        new_indexes = [
            self.index(new_position[old_rows[p.row()]], p.column()) for p in old_persistent
        ]
        self.changePersistentIndexList(old_persistent, new_indexes)
        self.layoutChanged.emit()

    # -- formatting ------------------------------------------------------
    def format_value(self, name: str, value: Any) -> str:
        """The display text of ``value`` in column ``name``."""
        if value is None:
            return "–"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, numbers.Integral):
            return f"{int(value):,}"
        if isinstance(value, numbers.Real):
            if name in self._percents:
                return f"{float(value):.0%}"
            decimals = self._decimals.get(name, 2)
            return f"{float(value):,.{decimals}f}"
        joined = _join_sequence(value)
        if joined is not None:
            return joined
        return str(value)

    @staticmethod
    def _sort_key(value: Any) -> tuple[int, Any]:
        # Numbers sort before text so a mixed column still has a total order.
        if _is_number(value) or isinstance(value, bool):
            return (0, float(value))
        joined = _join_sequence(value)
        return (1, (joined if joined is not None else str(value)).casefold())
