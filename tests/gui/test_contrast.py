"""Text stays readable in every theme, and after switching themes (WCAG AA, 4.5:1).

Each check renders a widget offscreen and reads its pixels: the most common
colour is the background, and the text is the pixel that stands out most
from it (the core of a glyph carries the text colour itself). A theme switch
used to leave the articles panel's header, the legend's title and the notice
text dark on dark, and washed-out widgets after switching back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from gui.mainwindow import TAB_ALIGNED, TAB_DASHBOARD, MainWindow
from gui.theme import apply_theme
from gui.widgets.charts import ChartPalette
from gui.widgets.dashboard import DashboardWidget
from tests.gui.core_fakes import make_window

SAMPLES = resources_dir() / "samples"
AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def rendered_contrast(widget: QWidget) -> float:
    """Contrast of the widget's strongest ink against its most common colour.

    The widget is cut out of its whole window as the window paints it: a
    widget grabbed alone is polished afresh and can look right where the
    window shows it wrong.
    """
    window = widget.window()
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    image = window.grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(rgb), background) for rgb in counts)


def switch(window: MainWindow, qtbot: QtBot, theme: str) -> None:
    with qtbot.waitSignal(window.side.built, timeout=20000):
        window.set_theme(theme)
    qtbot.wait(20)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")  # as the app does before it builds the window
    win = make_window(qtbot, tmp_path)
    win.resize(1400, 900)
    with qtbot.waitSignal(win.analysisDone, timeout=60000):
        win.add_paths([str(SAMPLES)])
    win.side.finish_now()
    win.notices.warning("Two inputs could not be loaded; the others were.")
    yield win
    apply_theme(app, "light")  # the next test starts light, as a new window would


def labelled(window: MainWindow) -> dict[str, QWidget]:
    """The text-bearing widgets a reader looks at first, by name."""
    panel_header = next(
        w for w in window.panel.findChildren(QLabel) if w.objectName() == "panelHeader"
    )
    column = window.side.columns[0]
    widgets: dict[str, QWidget] = {
        "articles panel header": panel_header,
        "articles list": window.panel.tree.viewport(),
        "notice text": window.notice_bar._label,
        "legend": window.legend,
        "column title": column.title,
        "column figures": column.stats,
        "column text": column.text.viewport(),
    }
    for i, button in enumerate(window.panel.toolbar.findChildren(QWidget)):
        if (
            button.isVisible()
            and button.isEnabled()
            and button.metaObject().className() == ("QToolButton")
        ):
            widgets[f"panel toolbar button {i}"] = button
    return widgets


def assert_readable(widgets: dict[str, QWidget], theme: str) -> None:
    low = {
        name: round(ratio, 2)
        for name, widget in widgets.items()
        if (ratio := rendered_contrast(widget)) < AA
    }
    assert not low, f"{theme}: text below {AA}:1 in {low}"


@pytest.mark.parametrize("themes", [["light"], ["dark"], ["dark", "light"], ["light", "dark"]])
def test_side_by_side_is_readable(window: MainWindow, qtbot: QtBot, themes: list[str]) -> None:
    window.panel.tree.selectAll()  # enables the panel's tool buttons, so they are checked too
    for theme in themes:
        switch(window, qtbot, theme)
    assert window.notice_bar.isVisible()
    assert_readable(labelled(window), " then ".join(themes))


@pytest.mark.parametrize("themes", [["light"], ["dark"], ["dark", "light"]])
def test_dashboard_and_aligned_view_are_readable(
    window: MainWindow, qtbot: QtBot, themes: list[str]
) -> None:
    with qtbot.waitSignal(window.comparisonDone, timeout=60000):
        for theme in themes:
            switch(window, qtbot, theme)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    qtbot.wait(50)
    dashboard = window.tabs.widget(TAB_DASHBOARD)
    assert isinstance(dashboard, DashboardWidget)
    widgets: dict[str, QWidget] = {
        "scores table": dashboard.scores_view.viewport(),
        "scores header": dashboard.scores_view.horizontalHeader(),
    }
    for label in dashboard.findChildren(QLabel):
        if label.isVisible() and not label.visibleRegion().isEmpty() and label.text().strip():
            widgets[f"dashboard label {label.text()[:30]!r}"] = label
    assert_readable(widgets, " then ".join(themes))
    for chart in dashboard.charts():
        colours = ChartPalette.from_qpalette(chart.palette())
        assert contrast(colours.text, colours.background) >= AA, chart
        assert contrast(colours.muted, colours.background) >= AA, chart
    window.tabs.setCurrentIndex(TAB_ALIGNED)
    qtbot.wait(50)
    assert_readable({"aligned statements": window.tabs.widget(TAB_ALIGNED)}, " then ".join(themes))
