"""DashboardWidget: scores table, charts and comparison tables from hand-made results."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from analysis.model import Corpus
from gui.widgets.dashboard import DashboardWidget
from tests.gui._dashboard_data import make_comparison, make_corpus, make_outlet_table

# The offscreen platform cannot pass a window's size limits on; Qt says so for
# every top-level widget with a layout. Harmless here, and not a FrameLens problem.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def dashboard(qtbot) -> DashboardWidget:
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    return widget


def cells(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def header(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_empty_dashboard_shows_a_placeholder(qtbot, dashboard: DashboardWidget) -> None:
    dashboard.show()
    dashboard.set_data(Corpus(), None)
    assert dashboard.scores_model.rowCount() == 0
    assert dashboard._placeholder.isVisible()
    assert not dashboard._body.isVisible()
    dashboard.set_data(None, None)
    assert dashboard.scores_model.rowCount() == 0


def test_scores_table_shows_one_row_per_outlet(
    qtbot, qtmodeltester, dashboard: DashboardWidget
) -> None:
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, make_comparison(corpus), outlet_table=make_outlet_table(corpus))
    model = dashboard.scores_model
    qtmodeltester.check(model, force_py=True)
    assert cells(model, 0) == list(corpus.outlets)
    titles = header(model)
    assert titles[:4] == ["Outlet", "Articles", "Words", "Sentences"]
    # Per-category rates follow the overall rate, titled with the category label,
    # and are hidden until asked for (the loaded-terms chart shows them).
    overall = titles.index("Loaded terms\n/1,000 words")
    assert titles[overall + 1] == "Loaded label\n/1,000 words"
    view = dashboard.scores_view
    assert view.isColumnHidden(overall + 1) and not view.isColumnHidden(overall)
    dashboard.category_box.setChecked(True)
    assert not view.isColumnHidden(overall + 1)
    dashboard.category_box.setChecked(False)
    assert view.isColumnHidden(overall + 1)
    assert cells(model, titles.index("Subjectivity")) == ["0.10", "0.63", "0.25"]
    assert cells(model, titles.index("Subjective\nshare")) == ["0%", "67%", "0%"]
    assert dashboard._body.isVisible() and not dashboard._placeholder.isVisible()
    assert dashboard._summary.text() == "3 outlets · 3 articles · 8 sentences"


def test_scores_table_sorts_and_copies(qtbot, dashboard: DashboardWidget) -> None:
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, None, outlet_table=make_outlet_table(corpus))
    view = dashboard.scores_view
    column = dashboard.scores_model.column_of("subjectivity")
    view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert cells(dashboard.scores_model, 0) == ["Daily Ledger", "Coastline Today", "Harbour Herald"]
    view.selectRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[0] == "Outlet"
    assert lines[1].startswith("Daily Ledger\t1\t31\t3\t0.63")
    assert len(lines) == 2


def test_charts_receive_the_data(qtbot, dashboard: DashboardWidget) -> None:
    corpus = make_corpus()
    dashboard.set_data(corpus, make_comparison(corpus), outlet_table=make_outlet_table(corpus))
    subjectivity, loaded, frames, sources = dashboard.charts()
    assert list(subjectivity.sentences()) == list(corpus.outlets)
    assert loaded.rates()["Daily Ledger"]["attribution"] == pytest.approx(32.3)
    assert {k for v in frames.values().values() for k in v} == {
        "Economic",
        "Fairness and equality",
        "Public opinion",
    }
    assert sources.values()["Daily Ledger"] == {"Lindqvist": 1.0, "(unnamed)": 1.0}
    for chart in dashboard.charts():
        assert chart.height() > 100
        assert hasattr(chart, "paint_to")


def test_comparison_tables(qtbot, qtmodeltester, dashboard: DashboardWidget) -> None:
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, make_comparison(corpus), outlet_table=make_outlet_table(corpus))
    distinctive = dashboard.distinctive_model
    qtmodeltester.check(distinctive, force_py=True)
    assert header(distinctive)[:3] == ["Outlet", "Word", "z-score"]
    assert cells(distinctive, 1) == ["slammed", "betrayal", "crowns", "residents"]
    labels = dashboard.labels_model
    assert header(labels) == ["Person", *corpus.outlets]
    assert [labels.index(0, c).data() for c in range(4)] == ["Lindqvist", "Mayor", "Mayor", ""]
    concepts = dashboard.concepts_model
    assert cells(concepts, 1) == ["higher", "hike", "increase"]
    quoting = dashboard.quoting_model
    # Shares read as percentages, as in the report.
    assert cells(quoting, quoting.column_of("share")) == ["0%", "13%", "0%"]
    assert dashboard.distinctive_view.isVisible()


def test_while_comparing_the_comparison_sections_wait(qtbot, dashboard: DashboardWidget) -> None:
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, None, outlet_table=make_outlet_table(corpus))
    assert dashboard.scores_model.rowCount() == 3
    assert not dashboard.distinctive_view.isVisible()
    assert "Comparing" in dashboard._comparison_note.text()
    assert dashboard.frames_chart.values() == {}


def test_twenty_outlets(qtbot, dashboard: DashboardWidget) -> None:
    import pandas as pd

    base = make_outlet_table()
    table = pd.concat(
        [base.iloc[[i % 3]].rename(index=lambda _, i=i: f"Outlet {i}") for i in range(20)]
    )
    table.index.name = "outlet"
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, None, outlet_table=table)
    assert dashboard.scores_model.rowCount() == 20
    assert dashboard.loaded_chart.rows() == 20
    image = dashboard.grab().toImage()
    assert not image.isNull()


def test_copy_selected_cells(qtbot, dashboard: DashboardWidget) -> None:
    corpus = make_corpus()
    dashboard.show()
    dashboard.set_data(corpus, make_comparison(corpus), outlet_table=make_outlet_table(corpus))
    view = dashboard.distinctive_view
    view.selectionModel().select(
        view.model().index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert view.copy_selection().splitlines()[1] == "Coastline Today\tresidents\t1.70\t1\t0\t1"


def test_the_sample_articles_end_to_end(qtbot, dashboard: DashboardWidget) -> None:
    """Real pipeline output (not hand-made values) fills every part of the dashboard."""
    from tests.gui._dashboard_data import sample_results

    corpus, comparison = sample_results()
    if len(corpus.outlets) < 2:
        pytest.skip("the sample articles are not all there yet")
    dashboard.show()
    dashboard.set_data(corpus, comparison)  # computes the outlet table itself
    assert cells(dashboard.scores_model, 0) == list(corpus.outlets)
    from analysis.tables import bias_spread

    shown = ["subjectivity", "loaded_per_1000", "quoted_loaded_per_1000"]
    if bias_spread(corpus).separates:
        shown.append("bias")
    for column in shown:
        assert dashboard.scores_model.column_of(column) > 0
    assert dashboard.distinctive_model.rowCount() > 0
    assert dashboard.quoting_model.rowCount() == len(corpus.outlets)
    rates = dashboard.loaded_chart.rates()
    assert set(rates) == set(corpus.outlets)
    assert any(v > 0 for outlet in rates.values() for v in outlet.values())
    for chart in dashboard.charts():
        image = chart.to_image()
        assert not image.isNull()


def test_bias_column_is_shown_only_where_it_separates_the_outlets(
    dashboard: DashboardWidget,
) -> None:
    from analysis.tables import bias_spread

    corpus = make_corpus()
    dashboard.set_data(corpus, None)  # the real outlet table
    model = dashboard.scores_model
    names = [model.column_name(c) for c in range(model.columnCount())]
    assert ("bias" in names) is bias_spread(corpus).separates
    assert "quoted_loaded_per_1000" in names and "quoted_terms" in names


def test_dashboard_and_report_draw_the_same_charts(qtbot, dashboard: DashboardWidget) -> None:
    """One chart data for screen and paper: same labels, same order, same pixels.

    The story has what used to drift: custom categories first used in an
    order other than sorted (the bars' stacking), a frame id outside the
    codebook (its label) and one speaker counted in two records (the sum).
    """
    import dataclasses

    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QImage, QPainter

    from analysis.compare.results import OutletFrame, SpeakerCount
    from analysis.report import build_report_data
    from gui.report.chartdraw import draw_chart
    from gui.widgets.charts import ChartPalette
    from tests.gui._dashboard_data import with_custom_terms

    corpus = with_custom_terms(make_corpus())
    comparison = make_comparison(corpus)
    frames = (
        *comparison.frames.outlets,
        OutletFrame("Daily Ledger", "civil_rights", 1, 0.3, 1, 9.0),
    )
    speakers = (*comparison.quotes.speakers, SpeakerCount("Daily Ledger", "Lindqvist", 2, 12))
    comparison = dataclasses.replace(
        comparison,
        frames=dataclasses.replace(comparison.frames, outlets=frames),
        quotes=dataclasses.replace(comparison.quotes, speakers=speakers),
    )
    dashboard.set_data(corpus, comparison)
    report = build_report_data(corpus, comparison, sections=["charts"], methodology="")
    printed = {chart.kind: chart for chart in report.sections[0].blocks}
    shown = {
        "subjectivity": dashboard.subjectivity_chart.sentences(),
        "loaded": dashboard.loaded_chart.rates(),
        "frames": dashboard.frames_chart.values(),
        "sources": dashboard.sources_chart.values(),
    }
    for kind, data in shown.items():
        chart = printed[kind]
        on_paper = chart.samples_by_outlet() if kind == "subjectivity" else chart.cells_by_outlet()
        # The same rows and keys in the same order, with the same values.
        assert [(o, list(v.items()) if isinstance(v, dict) else v) for o, v in data.items()] == [
            (o, list(v.items()) if isinstance(v, dict) else v) for o, v in on_paper.items()
        ], kind
    assert "Civil rights" in shown["frames"]["Daily Ledger"]
    assert shown["sources"]["Daily Ledger"]["Lindqvist"] == 3.0
    ledger = list(shown["loaded"]["Daily Ledger"])
    assert ledger.index("custom:alpha") < ledger.index("custom:zeta")

    def picture(draw) -> QImage:
        image = QImage(QSize(640, 360), QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        draw(painter, QRectF(0, 0, 640, 360))
        painter.end()
        return image

    for widget in dashboard.charts():
        kind = next(k for k, w in zip(shown, dashboard.charts(), strict=True) if w is widget)
        on_screen = picture(lambda p, r, w=widget: w.paint_to(p, r, ChartPalette.for_print()))
        on_paper = picture(lambda p, r, c=printed[kind]: draw_chart(p, r, c))
        assert on_screen == on_paper, kind
