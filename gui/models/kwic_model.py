"""Table models of a concordance (:class:`analysis.kwic.Concordance`).

:class:`ConcordanceModel` has one row per hit: outlet, left context, the
match, right context, voice. The left context is right-aligned and the match
starts every line at the same place, so the lines read aligned on the
keyword; the outlet (and story) is shown on the first hit of each group.
:data:`HIT_ROLE` gives a row's :class:`~analysis.kwic.Hit`.

:class:`OutletCountsModel` has one row per outlet: hits, hits inside
quotations, the rate per 1,000 words of the outlet's own voice and, for a
pattern with alternatives, one column per alternative.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from analysis.kwic import Concordance, Hit

_Index = QModelIndex | QPersistentModelIndex

#: The :class:`~analysis.kwic.Hit` of a row (any column).
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on the first hit of an outlet (and story) group.
GROUP_START_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _group(hit: Hit, stories: bool = True) -> str:
    return hit.outlet + (f" · {hit.story}" if stories and hit.story else "")


class ConcordanceModel(QAbstractTableModel):
    """One row per hit of a concordance, in its order (grouped by outlet and story)."""

    OUTLET, LEFT, MATCH, RIGHT, VOICE = range(5)
    HEADERS = ("Outlet", "Left context", "Term", "Right context", "Voice")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()
        self._starts: frozenset[int] = frozenset()
        self._stories = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_concordance(self, concordance: Concordance | None) -> None:
        """Show ``concordance`` (None: no rows)."""
        self.beginResetModel()
        self._hits = concordance.hits if concordance is not None else ()
        # A story is named only when the hits come from more than one.
        self._stories = len({h.story for h in self._hits}) > 1
        starts = set()
        previous = None
        for row, hit in enumerate(self._hits):
            if self._group(hit) != previous:
                starts.add(row)
                previous = self._group(hit)
        self._starts = frozenset(starts)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def _group(self, hit: Hit) -> str:
        return _group(hit, self._stories)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == self.LEFT else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == HIT_ROLE:
            return hit
        if role == GROUP_START_ROLE:
            return index.row() in self._starts
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.OUTLET:
                return self._group(hit) if index.row() in self._starts else ""
            return (
                self._group(hit),
                hit.left.strip(),
                hit.match,
                hit.right.strip(),
                "quoted" if hit.voice == "quoted" else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            voice = (
                "inside a quotation: the source's word"
                if hit.voice == "quoted"
                else "in the outlet's own voice"
            )
            line = f"…{hit.left}{hit.match}{hit.right}…"
            return f"{self._group(hit)}: {line} ({voice}; Enter shows it)"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._group(hit)}: {hit.left}{hit.match}{hit.right}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == self.LEFT else _LEFT
        if role == Qt.ItemDataRole.FontRole and column in (self.MATCH, self.OUTLET):
            return self._bold
        return None


class OutletCountsModel(QAbstractTableModel):
    """One row per outlet: hits, quoted hits, rate per 1,000 own words, per alternative."""

    OUTLET, HITS, QUOTED, RATE = range(4)
    HEADERS = ("Outlet", "Hits", "Quoted", "Per 1,000 own words")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._concordance: Concordance | None = None
        self._table: dict[str, dict[str, int]] = {}
        self._terms: tuple[str, ...] = ()

    def set_concordance(self, concordance: Concordance | None) -> None:
        self.beginResetModel()
        self._concordance = concordance
        self._table = concordance.table() if concordance is not None else {}
        several = concordance is not None and len(concordance.terms) > 1
        self._terms = concordance.terms if several and concordance is not None else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._concordance is None:
            return 0
        return len(self._concordance.outlets)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS) + len(self._terms)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(self.HEADERS):
                return self.HEADERS[section]
            return self._terms[section - len(self.HEADERS)]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.RATE:
            return (
                "Hits in the outlet's own voice (outside quotations) per 1,000 words "
                "of its own voice"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == self.QUOTED:
            return "Hits inside quotations: the sources' words, not the outlet's"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._concordance is None:
            return None
        row = self._concordance.outlets[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            raw = role == Qt.ItemDataRole.UserRole
            if column == self.OUTLET:
                return row.outlet
            if column == self.HITS:
                return row.hits
            if column == self.QUOTED:
                return row.quoted
            if column == self.RATE:
                return row.per_1000 if raw else f"{row.per_1000:.2f}"
            return self._table[row.outlet][self._terms[column - len(self.HEADERS)]]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.OUTLET:
            return _RIGHT
        return None
