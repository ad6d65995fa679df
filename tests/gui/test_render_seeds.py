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


def test_no_page_of_the_seeds_report_is_half_empty_mid_section(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QPdfWriter

    from gui.report.api import report_data
    from gui.report.builder import build_document, page_layout

    data = report_data(window.corpus, window.comparison)
    titles = {s.title for s in data.sections}
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(page_layout())
    report = build_document(data, writer)
    doc, height = report.doc, report.body.height()
    layout = doc.documentLayout()
    filled: dict[int, float] = {}
    first_on: dict[int, str] = {}
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if block.text().strip() or rect.height() > 0:
            page = int((rect.top() + 1) // height)  # a block opening a page may sit a hair above it
            if block.text().strip():
                first_on.setdefault(page, block.text())
            end = int((rect.bottom() - 1) // height)
            filled[end] = max(filled.get(end, 0.0), rect.bottom() - end * height)
        block = block.next()
    pages = doc.pageCount()
    half_empty = [
        page + 1
        for page in range(pages - 1)
        if filled.get(page, 0.0) < height / 2 and first_on.get(page + 1) not in titles
    ]
    assert not half_empty, (
        f"pages {half_empty} of {pages} are more than half empty mid-section: "
        + str([(p, round(filled.get(p - 1, 0.0) / height, 2), first_on.get(p)) for p in half_empty])
    )
