"""A narrow strip beside an article column: one bar per sentence, coloured by its bias.

The bar runs alongside the sentence's lines; the more biased the sentence
(``SentenceScore.bias`` in [0, 1]), the more saturated the bar. Quoted
sentences get a hollow bar: the words are someone else's. Hovering a bar
tells the numbers; clicking it selects the sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from gui.widgets.highlighted_text import HighlightedText

LOW = QColor("#c9ced6")
HIGH = QColor("#D55E00")
WIDTH = 10


def bias_colour(bias: float) -> QColor:
    """Neutral grey at 0, Okabe-Ito vermillion at 1."""
    t = max(0.0, min(1.0, bias))
    return QColor(
        round(LOW.red() + (HIGH.red() - LOW.red()) * t),
        round(LOW.green() + (HIGH.green() - LOW.green()) * t),
        round(LOW.blue() + (HIGH.blue() - LOW.blue()) * t),
    )


class BiasMargin(QWidget):
    """Sentence-bias bars for one :class:`HighlightedText`."""

    sentenceClicked = Signal(int, int)  # article index, sentence index

    def __init__(self, view: HighlightedText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(WIDTH + 4)
        self.setMouseTracking(True)
        self.setToolTip("")
        self.setAccessibleName(self.tr("Sentence bias margin"))
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.document().documentLayout().documentSizeChanged.connect(lambda _size: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(WIDTH + 4, 100)

    def _offset(self) -> float:
        # The viewport starts a few pixels below the top of the text edit (its frame).
        return self.view.viewport().y() - self.view.content_offset()

    def bars(self) -> list[tuple[QRectF, int, int]]:
        """Visible bars: rectangle in this widget, placed-article index, sentence index."""
        offset = self._offset()
        height = self.height()
        out = []
        for top, bottom, pi, si in self.view.sentence_geometry():
            y0, y1 = top + offset, bottom + offset
            if y1 < 0 or y0 > height:
                continue
            out.append((QRectF(2, y0 + 1, WIDTH, max(2.0, y1 - y0 - 2)), pi, si))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        for rect, pi, si in self.bars():
            s = self.view.placed[pi].analyzed.sentences[si]
            colour = bias_colour(s.bias)
            if s.quoted:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 2, 2)
        painter.end()

    def _hit(self, y: float) -> tuple[int, int] | None:
        for rect, pi, si in self.bars():
            if rect.top() - 1 <= y <= rect.bottom() + 1:
                return pi, si
        return None

    def tooltip_for(self, pi: int, si: int) -> str:
        s = self.view.placed[pi].analyzed.sentences[si]
        quoted = "<br><i>A quotation: someone else's words.</i>" if s.quoted else ""
        return (
            f"<b>Sentence bias {s.bias:.2f}</b><br>"
            f"TextBlob subjectivity {s.subjectivity:.2f}, polarity {s.polarity:+.2f}{quoted}"
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            hit = self._hit(event.pos().y())
            if hit:
                QToolTip.showText(event.globalPos(), self.tooltip_for(*hit), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        hit = self._hit(event.position().y())
        if hit:
            placed = self.view.placed[hit[0]]
            self.view.select_sentence(placed.index, hit[1], scroll=False)
            self.sentenceClicked.emit(placed.index, hit[1])
