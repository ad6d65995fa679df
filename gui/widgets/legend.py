"""The highlight legend: a swatch and a checkbox per category to switch it on or off."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from analysis.categories import SUBJECTIVE_CATEGORY, Category, load_categories

_PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
    "double": Qt.PenStyle.DashDotDotLine,
    "dashdotdot": Qt.PenStyle.DashDotDotLine,
}


def swatch(c: Category, size: QSize | None = None) -> QIcon:
    """A small picture of how the category looks in the text: tint and underline style."""
    size = size or QSize(28, 16)
    pixmap = QPixmap(size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(c.colour)
    tint = QColor(colour)
    tint.setAlpha(150 if c.underline == "none" else 70)
    p.fillRect(0, 1, size.width(), size.height() - 5, tint)
    if c.underline != "none":
        pen = QPen(colour, 2)
        y = size.height() - 2.5
        if c.underline == "wave":
            path = QPainterPath(QPointF(0, y))
            for x in range(0, size.width(), 4):
                path.quadTo(QPointF(x + 1, y - 2.5), QPointF(x + 2, y))
                path.quadTo(QPointF(x + 3, y + 2.5), QPointF(x + 4, y))
            p.setPen(pen)
            p.drawPath(path)
        else:
            pen.setStyle(_PEN_STYLES.get(c.underline, Qt.PenStyle.SolidLine))
            p.setPen(pen)
            p.drawLine(QPointF(0, y), QPointF(size.width(), y))
    p.end()
    return QIcon(pixmap)


#: Short names that keep the legend on one line; the full label is in the tooltip.
SHORT_NAMES = {
    "subjective": "Subjective",
    "label": "Label",
    "emotive": "Emotive",
    "attribution": "Attribution",
    "hedge": "Hedge",
    "presupposition": "Presupposition",
    "scare_quote": "Scare quote",
}


class Legend(QWidget):
    """One checkbox per category; ``hiddenChanged`` carries the ids switched off."""

    hiddenChanged = Signal(object)  # set[str]

    def __init__(self, hidden: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(12)
        # Never let the legend force the window wider: it may be clipped instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title = QLabel(self.tr("Highlights:"))
        title.setStyleSheet("font-weight: 600")
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        hidden = set(hidden)
        for c in (SUBJECTIVE_CATEGORY, *load_categories()):
            box = QCheckBox(SHORT_NAMES.get(c.id, c.label))
            box.setIcon(swatch(c))
            box.setIconSize(QSize(28, 16))
            box.setToolTip(f"<b>{html.escape(c.label)}</b><br>{html.escape(c.description)}")
            box.setAccessibleName(c.label)
            box.setChecked(c.id not in hidden)
            box.toggled.connect(self._changed)
            layout.addWidget(box)
            self.boxes[c.id] = box
        layout.addStretch(1)

    def hidden(self) -> set[str]:
        return {cid for cid, box in self.boxes.items() if not box.isChecked()}

    def set_hidden(self, hidden: Iterable[str]) -> None:
        hidden = set(hidden)
        for cid, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(cid not in hidden)
            box.blockSignals(False)
        self.hiddenChanged.emit(self.hidden())

    def _changed(self, _checked: bool) -> None:
        self.hiddenChanged.emit(self.hidden())
