"""The Concordance tab: live search, keyboard only, counts, alternatives, report, CSV."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from analysis.compare import compare
from analysis.kwic import KwicCorpus, concordance
from gui.models.kwic_model import HIT_ROLE, ConcordanceModel, OutletCountsModel
from gui.settings import Settings
from gui.widgets.kwic_view import ConcordanceView
from tests.analysis.compare_corpus import story_corpus

# The offscreen platform cannot pass a window's size limits on; Qt says so for
# every top-level widget with a layout. Harmless here, and not a FrameLens problem.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


#: Keyboard focus and shortcuts need an active window: the Xvfb run has no window
#: manager to activate one; the offscreen run (where Qt activates it) covers these.
NEEDS_ACTIVE_WINDOW = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") == "xcb",
    reason="needs an active window; Xvfb runs without a window manager",
)


@pytest.fixture(scope="module")
def story():
    corpus = story_corpus()
    return corpus, compare(corpus)


@pytest.fixture
def view(qtbot: QtBot, story) -> ConcordanceView:
    widget = ConcordanceView()
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.set_data(*story)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot: QtBot, view: ConcordanceView, text: str) -> None:
    view.pattern.setFocus()
    view.pattern.selectAll()
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(view.pattern, text)


def test_models_pass_the_model_tester(qtmodeltester, story) -> None:
    corpus, comparison = story
    result = concordance(KwicCorpus.from_corpus(corpus), "bridge | harbour")
    hits = ConcordanceModel()
    hits.set_concordance(result)
    qtmodeltester.check(hits)
    counts = OutletCountsModel()
    counts.set_concordance(result)
    qtmodeltester.check(counts)
    assert counts.columnCount() == 4 + 2
    assert hits.rowCount() == len(result.hits) > 0
    first = hits.index(0, ConcordanceModel.LEFT)
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert hits.index(0, ConcordanceModel.OUTLET).data() == result.hits[0].outlet
    # The outlet is named on the first hit of its group only.
    assert hits.index(1, ConcordanceModel.OUTLET).data() in ("", result.hits[1].outlet)


@NEEDS_ACTIVE_WINDOW
def test_typing_searches_live_and_keyboard_reaches_the_hit(
    qtbot: QtBot, view: ConcordanceView, story
) -> None:
    corpus, _ = story
    _type(qtbot, view, "bridge")
    result = view.result
    assert result is not None and len(result.hits) == view.model.rowCount() > 2
    assert "hits in" in view.status.text()
    # Down moves to the hits, Down again to the second one, Enter shows it.
    qtbot.keyClick(view.pattern, Qt.Key.Key_Down)
    assert view.hits.hasFocus()
    qtbot.keyClick(view.hits, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.hitActivated) as signal:
        qtbot.keyClick(view.hits, Qt.Key.Key_Return)
    article, start, end = signal.args
    assert corpus.articles[article].article.text[start:end].lower() == "bridge"
    assert view.hits.currentIndex().data(HIT_ROLE) == result.hits[1]
    # Escape goes back to the field.
    qtbot.keyClick(view.hits, Qt.Key.Key_Escape)
    assert view.pattern.hasFocus()


def test_alternatives_fill_the_table_and_the_chart(qtbot: QtBot, view: ConcordanceView) -> None:
    _type(qtbot, view, "invasion | conflict")
    counts = view.counts_model
    headers = [counts.headerData(c, Qt.Orientation.Horizontal) for c in range(counts.columnCount())]
    assert headers[-2:] == ["invasion", "conflict"]
    rows = {
        counts.index(r, 0).data(): [
            counts.index(r, c).data() for c in range(4, counts.columnCount())
        ]
        for r in range(counts.rowCount())
    }
    assert rows["Harbour Gazette"] == [1, 0]
    assert rows["Valley Courier"] == [0, 1]
    assert rows["Northern Ledger"] == [0, 0]
    assert view.chart.isVisible()
    assert view.chart.values()["Valley Courier"] == {"invasion": 0, "conflict": 1}
    _type(qtbot, view, "bridge")
    assert not view.chart.isVisible()


def test_a_bad_pattern_explains_itself(qtbot: QtBot, view: ConcordanceView) -> None:
    view.pattern.setFocus()
    with qtbot.waitSignal(view.searched, check_params_cb=lambda n: n == -1):
        qtbot.keyClicks(view.pattern, "in*.va")
    assert "can only stand among letters" in view.status.text()
    assert view.model.rowCount() == 0


def test_sorting_by_context_from_the_keyboard(qtbot: QtBot, view: ConcordanceView) -> None:
    _type(qtbot, view, "bridge")
    view.sort.setFocus()
    qtbot.keyClick(view.sort, Qt.Key.Key_Down)
    assert view.current_sort() == "left"
    assert view.result is not None and view.result.sort == "left"
    shown = [view.model.hit(r) for r in range(view.model.rowCount())]
    assert shown == list(view.result.hits)


def test_suggestions_come_from_the_story_and_fill_the_field(
    qtbot: QtBot, view: ConcordanceView
) -> None:
    patterns = [view.suggestions.itemData(i) for i in range(view.suggestions.count())]
    assert "protesters | rioters" in patterns
    view.suggestions.setFocus()
    index = patterns.index("protesters | rioters")
    with qtbot.waitSignal(view.searched):
        view.suggestions.setCurrentIndex(index)
        view.suggestions.activated.emit(index)
    assert view.pattern.text() == "protesters | rioters"
    assert {h.match.lower() for h in view.result.hits} == {"protesters", "rioters"}


def test_add_to_report_export_and_print(
    qtbot: QtBot, view: ConcordanceView, tmp_path: Path
) -> None:
    _type(qtbot, view, "bridge")
    Settings().report_concordance = []
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert Settings().report_concordance == ["bridge"]
    assert "Remove" in view.report_button.text()
    view.toggle_in_report()
    assert Settings().report_concordance == []
    written = view.export_csv(str(tmp_path / "hits.csv"))
    assert written is not None
    rows = list(csv.DictReader(written.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == len(view.result.hits)
    assert {r["match"].lower() for r in rows} == {"bridge"}
    data = view.report_data()
    assert data.section_ids == ("concordance",)
    assert "bridge" in data.title
    from gui.report.builder import write_pdf

    assert write_pdf(data, str(tmp_path / "concordance.pdf")) >= 1
    preview = view.print_concordance()
    assert preview is not None
    preview.close()


def test_nothing_loaded_and_hidden_view_waits(qtbot: QtBot, story) -> None:
    widget = ConcordanceView()
    qtbot.addWidget(widget)
    assert "Load articles" in widget.status.text()
    widget.pattern.setText("bridge")
    widget.set_data(*story)  # hidden: nothing searched yet
    assert widget.result is None
    widget.show()
    qtbot.waitUntil(lambda: widget.result is not None)
    assert widget.model.rowCount() > 0
    QApplication.processEvents()


@NEEDS_ACTIVE_WINDOW
def test_the_window_jumps_to_a_hit_in_the_side_by_side_view(qtbot: QtBot, tmp_path: Path) -> None:
    from gui.mainwindow import TAB_CONCORDANCE, TAB_SIDE
    from tests.gui.core_fakes import fake_analyze, make_window

    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    done = [window.analysisDone, window.comparisonDone]
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("The bridge opened. Rain fell on the new bridge.", outlet="Alpha")
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("Nobody crossed the bridge.", outlet="Beta")
    assert window.tabs.concordance is None  # built when first shown
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == TAB_CONCORDANCE
    view = window.tabs.concordance
    qtbot.waitUntil(view.pattern.hasFocus)
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(view.pattern, "bridge")
    assert view.model.rowCount() == 3
    qtbot.keyClick(view.pattern, Qt.Key.Key_Return)
    qtbot.keyClick(view.hits, Qt.Key.Key_Down)
    hit = view.hits.currentIndex().data(HIT_ROLE)
    qtbot.keyClick(view.hits, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == TAB_SIDE
    text_view = window.side.column(hit.outlet).text
    cursor = text_view.textCursor()
    assert cursor.selectedText() == "bridge"
    assert cursor.selectionStart() == text_view.document_position(hit.article, hit.start)
    assert text_view.hasFocus()
    # Articles added while the tab is hidden are searched when it is shown again.
    with qtbot.waitSignals(done, timeout=60000):
        window.add_text("A second bridge is planned.", outlet="Gamma")
    assert view.model.rowCount() == 3
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    assert view.pattern.text() == "bridge"


def test_groups_name_the_story_only_when_there_are_several(story) -> None:
    from types import SimpleNamespace

    corpus, _ = story
    grouped = SimpleNamespace(
        articles=("a", "b", "c"),
        stories=(
            SimpleNamespace(id="story-1", articles=(0, 2)),
            SimpleNamespace(id="story-2", articles=(1,)),
        ),
    )
    model = ConcordanceModel()
    model.set_concordance(concordance(KwicCorpus.from_corpus(corpus, grouped), "bridge"))
    names = {model.index(r, 0).data() for r in range(model.rowCount())} - {""}
    assert names == {
        "Harbour Gazette · story-1",
        "Valley Courier · story-2",
        "Northern Ledger · story-1",
    }
    model.set_concordance(concordance(KwicCorpus.from_corpus(corpus), "bridge"))
    names = {model.index(r, 0).data() for r in range(model.rowCount())} - {""}
    assert names == {"Harbour Gazette", "Valley Courier", "Northern Ledger"}
