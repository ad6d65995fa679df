"""Every view rendered on the real seed articles: nothing selected, readable, labels whole.

Pixel checks of what the eye would catch first; the eye checks the rest
(render with ``framelens --screenshot x.png ../shared/seeds`` and look).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from gui.mainwindow import TAB_ALIGNED, TAB_DASHBOARD, MainWindow
from gui.theme import apply_theme
from tests.gui.core_fakes import make_window
from tests.gui.test_contrast import AA, labelled, rendered_contrast
from tests.gui.test_no_selection import assert_nothing_selected, selection_share

pytestmark = pytest.mark.seeds


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    win = make_window(qtbot, tmp_path)
    win.resize(1400, 900)
    with qtbot.waitSignal(win.comparisonDone, timeout=120000):
        win.add_paths([str(seeds_dir)])
    win.side.finish_now()
    yield win


def low_contrast(widgets: dict[str, QWidget]) -> dict[str, float]:
    return {
        name: round(ratio, 2)
        for name, widget in widgets.items()
        if (ratio := rendered_contrast(widget)) < AA
    }


def test_side_by_side_on_the_seeds(window: MainWindow, qtbot: QtBot) -> None:
    assert len(window.side.columns) == 4
    assert_nothing_selected(window)
    qtbot.wait(50)
    assert selection_share(window) < 0.01
    assert not low_contrast(labelled(window))


def test_aligned_view_and_dashboard_on_the_seeds(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(TAB_ALIGNED)
    qtbot.wait(50)
    assert not low_contrast({"aligned statements": window.tabs.widget(TAB_ALIGNED)})
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    qtbot.wait(50)
    dashboard = window.tabs.widget(TAB_DASHBOARD)
    labels = {
        f"label {label.text()[:30]!r}": label
        for label in dashboard.findChildren(QLabel)
        if label.isVisible() and not label.visibleRegion().isEmpty() and label.text().strip()
    }
    assert labels and not low_contrast(labels)


def test_the_seeds_report_reads_as_an_editor_expects(window: MainWindow, tmp_path: Path) -> None:
    import re
    import unicodedata

    from gui.report.api import report_data
    from gui.report.builder import write_pdf
    from tests.gui.test_report_builder import pdf_text

    path = tmp_path / "seeds.pdf"
    pages = write_pdf(report_data(window.corpus, window.comparison), str(path))
    text = [" ".join(unicodedata.normalize("NFKC", page).split()) for page in pdf_text(path)]
    assert len(text) == pages >= 3
    assert "Key framing differences" in text[0]
    everything = " ".join(text)
    # No ids, no development log, no garbled "leaves out" passages.
    assert not re.search(r"\b[a-z]{3,}_[a-z_]{3,}\b", everything), re.findall(
        r"\b[a-z]{3,}_[a-z_]{3,}\b", everything
    )[:5]
    assert ".venv" not in everything and "fold seed" not in everything
    assert '“"' not in everything and '"”' not in everything
