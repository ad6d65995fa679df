"""Chart widgets for the dashboard: each keeps its data and paints with :mod:`.draw`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QImage,
    QPainter,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.widgets.charts.draw import (
    draw_frames_chart,
    draw_loaded_chart,
    draw_sources_chart,
    draw_subjectivity_chart,
    draw_terms_chart,
    preferred_height,
)
from gui.widgets.charts.output import render_image
from gui.widgets.charts.style import ChartPalette, Series, _font_px, series_for_loaded


# --------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------
class ChartWidget(QWidget):
    """A widget that shows one chart and can paint it anywhere with :meth:`paint_to`.

    Subclasses implement :meth:`paint_to` and :meth:`rows`. Right-click offers
    "Copy Image".
    """

    KIND = "bars"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_action = QAction("Copy Image", self)
        copy_action.triggered.connect(self.copy_image)
        self.addAction(copy_action)
        self._update_height()

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        """Draw the chart into ``rect`` of any painter (``palette=None``: print colours)."""
        raise NotImplementedError

    def rows(self) -> int:
        """How many rows (outlets or heat-map rows) the chart has."""
        return 1

    def chart_palette(self) -> ChartPalette:
        return ChartPalette.from_qpalette(self.palette(), self.font())

    def _update_height(self) -> None:
        px = _font_px(self.font())
        self.setFixedHeight(round(preferred_height(self.rows(), font_px=px, kind=self.KIND)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, self.height())

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        try:
            self.paint_to(painter, QRectF(self.rect()), self.chart_palette())
        finally:
            painter.end()

    def to_image(self, size: QSize | None = None) -> QImage:
        """The chart in print colours (white background) as an image."""
        size = size or self.size()
        return render_image(lambda p, r: self.paint_to(p, r), size)

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.to_image())


class SubjectivityChart(ChartWidget):
    """Box plot of sentence subjectivity per outlet (:func:`draw_subjectivity_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._sentences: dict[str, list[float]] = {}
        super().__init__(parent)
        self.setAccessibleName("Subjectivity per outlet chart")
        self.setToolTip(
            "TextBlob subjectivity of every sentence, per outlet: the box holds the middle\n"
            "half of the sentences, the line is the median, the diamond the mean and the\n"
            "whiskers reach the least and most subjective sentence. Right-click to copy."
        )

    def set_data(self, sentences: Mapping[str, Sequence[float]]) -> None:
        self._sentences = {k: list(v) for k, v in sentences.items()}
        self._update_height()

    def sentences(self) -> dict[str, list[float]]:
        """The data shown: ``{outlet: [sentence subjectivity, ...]}``."""
        return {k: list(v) for k, v in self._sentences.items()}

    def rows(self) -> int:
        return len(self._sentences)

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_subjectivity_chart(painter, rect, self._sentences, palette)


class LoadedTermsChart(ChartWidget):
    """Stacked bars of loaded terms per 1,000 words by category (:func:`draw_loaded_chart`)."""

    KIND = "loaded"

    def __init__(
        self, parent: QWidget | None = None, categories: Sequence[Series] | None = None
    ) -> None:
        self._rates: dict[str, dict[str, float]] = {}
        self._categories = tuple(categories) if categories is not None else series_for_loaded()
        super().__init__(parent)
        self.setAccessibleName("Loaded terms per outlet chart")
        self.setToolTip(
            "Loaded terms from FrameLens's lexicon per 1,000 words, split by category.\n"
            "Each category has a colour and a fill pattern. Right-click to copy."
        )

    def set_data(self, rates: Mapping[str, Mapping[str, float]]) -> None:
        self._rates = {k: dict(v) for k, v in rates.items()}
        self._update_height()

    def rates(self) -> dict[str, dict[str, float]]:
        """The data shown: ``{outlet: {category: per 1,000 words}}``."""
        return {k: dict(v) for k, v in self._rates.items()}

    def categories(self) -> tuple[Series, ...]:
        """The lexicon categories (ids, labels, colours, patterns) the chart uses."""
        return self._categories

    def rows(self) -> int:
        return len(self._rates)

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_loaded_chart(painter, rect, self._rates, self._categories, palette)


class _HeatmapChart(ChartWidget):
    KIND = "heatmap"
    MAX_ROWS = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        self._values: dict[str, dict[str, float]] = {}
        super().__init__(parent)

    def set_data(self, values: Mapping[str, Mapping[str, float]]) -> None:
        self._values = {k: dict(v) for k, v in values.items()}
        self._update_height()

    def values(self) -> dict[str, dict[str, float]]:
        """The data shown: ``{outlet: {row key: value}}``."""
        return {k: dict(v) for k, v in self._values.items()}

    def rows(self) -> int:
        keys = {k for v in self._values.values() for k, x in v.items() if x > 0}
        longest = max((len(o) for o in self._values), default=0)
        # Long outlet names wrap onto more lines, and many outlets are written
        # vertically: both need a taller header.
        header = 0 if longest <= 12 else 1 if len(self._values) <= 6 else 4
        return min(len(keys), self.MAX_ROWS) + header


class FramesChart(_HeatmapChart):
    """Heat map of frames per outlet (:func:`draw_frames_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Frames per outlet chart")
        self.setToolTip(
            "Share of each outlet's sentences with a keyword of a Policy Frames Codebook\n"
            "dimension (resources/frames.tsv). Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_frames_chart(painter, rect, self._values, palette)


class SourcesChart(_HeatmapChart):
    """Heat map of quoted speakers per outlet (:func:`draw_sources_chart`)."""

    MAX_ROWS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Quoted sources per outlet chart")
        self.setToolTip(
            "How many quotations each outlet attributes to each speaker;\n"
            "(unnamed) counts quotations without a named speaker. Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_sources_chart(painter, rect, self._values, palette, max_rows=self.MAX_ROWS)


class TermsChart(_HeatmapChart):
    """Heat map of which outlet uses which alternative of a pattern (:func:`draw_terms_chart`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Which outlet uses which term chart")
        self.setToolTip(
            "How often each outlet uses each alternative of the concordance pattern,\n"
            "quotations included. Right-click to copy."
        )

    def paint_to(
        self, painter: QPainter, rect: QRectF, palette: ChartPalette | None = None
    ) -> None:
        draw_terms_chart(painter, rect, self._values, palette)
