"""AlignedView: a row per aligned fact, "only in" rows, highlights, threshold signal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from gui.widgets.aligned_view import AlignedView, default_threshold
from tests.gui._dashboard_data import make_comparison, make_corpus

# The offscreen platform cannot pass a window's size limits on; Qt says so for
# every top-level widget with a layout. Harmless here, and not a FrameLens problem.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot) -> AlignedView:
    widget = AlignedView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


@pytest.fixture
def shown(view: AlignedView) -> AlignedView:
    corpus = make_corpus()
    view.set_data(corpus, make_comparison(corpus))
    return view


def test_empty_view_explains_itself(view: AlignedView) -> None:
    view.set_data(None, None)
    assert view.rows() == []
    assert "two or more outlets" in view.browser().toPlainText()


def test_one_row_per_group_then_only_in_rows(shown: AlignedView) -> None:
    rows = shown.rows()
    assert [r.kind for r in rows] == ["group", "group", "unique", "unique", "unique"]
    assert [r.label for r in rows] == [
        "Fact 1",
        "Fact 2",
        "Only in Harbour Herald",
        "Only in Daily Ledger",
        "Only in Coastline Today",
    ]
    assert set(rows[0].cells) == {"Harbour Herald", "Daily Ledger", "Coastline Today"}
    assert set(rows[1].cells) == {"Harbour Herald", "Daily Ledger"}
    assert rows[3].cells == {
        "Daily Ledger": ("Critics called the vote a betrayal of working families.",)
    }
    text = shown.browser().toPlainText()
    for label in ("Fact 1", "Fact 2", "Only in Harbour Herald", "Only in Coastline Today"):
        assert label in text
    assert (
        shown._summary.text()
    ) == "2 facts reported by more than one outlet · 3 statements in one outlet only"


def test_one_column_per_outlet(shown: AlignedView) -> None:
    table = shown.browser().document().rootFrame().childFrames()[0]
    assert table.columns() == 4  # the row label and three outlets
    assert table.rows() == 1 + 5  # header, two facts, three unique statements


def test_added_and_changed_words_are_marked(shown: AlignedView) -> None:
    html = shown.browser().toHtml()
    # "slammed" is a changed word (italic), "steep" an added one (underlined).
    assert "slammed" in html and "steep" in html
    document = shown.browser().document()
    marked = {}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            for word in fragment.text().split():
                marked.setdefault(word, set())
                if fmt.fontItalic():
                    marked[word].add("changed")
                if fmt.fontUnderline() and not fmt.isAnchor():
                    marked[word].add("added")
            iterator += 1
        block = block.next()
    assert marked["slammed"] == {"changed"}
    assert marked["steep"] == {"added"}
    assert marked["council"] == set()
    assert "leaves out" in shown.browser().toPlainText()
    legend = shown._legend.text()
    assert "added words" in legend and "changed words" in legend


def test_filter_and_unique_toggle(qtbot, shown: AlignedView) -> None:
    shown._filter.setText("betrayal")
    assert [r.label for r in shown.visible_rows()] == ["Only in Daily Ledger"]
    shown._filter.clear()
    shown._unique_box.setChecked(False)
    assert [r.kind for r in shown.visible_rows()] == ["group", "group"]
    assert "Only in" not in shown.browser().toPlainText()


def test_threshold_follows_the_comparison_silently(qtbot, view: AlignedView) -> None:
    assert view.threshold() == pytest.approx(default_threshold())
    corpus = make_corpus()
    with qtbot.assertNotEmitted(view.thresholdChanged, wait=500):
        view.set_data(corpus, make_comparison(corpus, threshold=0.6))
    assert view.threshold() == pytest.approx(0.6)
    assert view._slider.value() == 60


def test_changing_the_threshold_emits_once(qtbot, shown: AlignedView) -> None:
    with qtbot.waitSignal(shown.thresholdChanged, timeout=3000) as blocker:
        shown._spin.setValue(0.5)
        shown._spin.setValue(0.55)  # a quick second step: still one signal
    assert blocker.args == [pytest.approx(0.55)]
    assert shown._slider.value() == 55
    with qtbot.waitSignal(shown.thresholdChanged, timeout=3000) as blocker:
        shown._slider.setValue(30)
    assert blocker.args == [pytest.approx(0.3)]
    assert shown.threshold() == pytest.approx(0.3)


def test_show_in_article_link(qtbot, shown: AlignedView) -> None:
    with qtbot.waitSignal(shown.sentenceActivated) as blocker:
        shown.browser().anchorClicked.emit(QUrl("sentence:1:2"))
    assert blocker.args == [1, 2]
    assert shown.rows()[0].ref == (0, 0)


def test_dark_palette_rebuilds(qtbot, shown: AlignedView) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette(shown.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    before = shown.browser().toHtml()
    shown.setPalette(palette)
    assert shown.browser().toHtml() != before
    assert len(shown.rows()) == 5


def test_the_sample_articles_end_to_end(view: AlignedView) -> None:
    """Real comparison output: every group becomes a row, every word run is shown."""
    from tests.gui._dashboard_data import sample_results

    corpus, comparison = sample_results()
    if len(corpus.outlets) < 2:
        pytest.skip("the sample articles are not all there yet")
    view.set_data(corpus, comparison)
    rows = view.rows()
    assert sum(r.kind == "group" for r in rows) == len(comparison.groups)
    assert sum(r.kind == "unique" for r in rows) == len(comparison.unique)
    text = " ".join(view.browser().toPlainText().split())
    for group in comparison.groups[:5]:
        for member in group.members:
            assert " ".join(member.text.split()) in text


def test_big_comparisons_are_shown_a_page_at_a_time(view: AlignedView) -> None:
    import dataclasses

    from gui.widgets.aligned_view import PAGE_ROWS

    corpus = make_corpus()
    small = make_comparison(corpus)
    big = dataclasses.replace(small, groups=small.groups * PAGE_ROWS, unique=())
    view.set_data(corpus, big)
    total = 2 * PAGE_ROWS
    assert len(view.rows()) == total
    assert view.shown_rows() == PAGE_ROWS
    table = view.browser().document().rootFrame().childFrames()[0]
    assert table.rows() == 1 + PAGE_ROWS + 1  # header, a page, the "show more" row
    assert f"Show {PAGE_ROWS} more" in view.browser().toPlainText()
    view.browser().anchorClicked.emit(QUrl("more:"))
    assert view.shown_rows() == total
    assert "not shown yet" not in view.browser().toPlainText()
    view._filter.setText("Mayor")  # a new filter starts at the first page again
    assert view.shown_rows() == min(PAGE_ROWS, len(view.visible_rows()))


def test_headlines_come_first_in_a_row_of_their_own(view: AlignedView) -> None:
    from dataclasses import replace

    from analysis.compare import Headline

    corpus = make_corpus()
    outlets = corpus.outlets
    comparison = replace(
        make_comparison(corpus),
        headlines=(
            Headline(outlets[0], 0, "Fares rise again", None, None),
            Headline(outlets[2], 2, "Council backs fare plan", None, None),
        ),
    )
    view.set_data(corpus, comparison)
    rows = view.rows()
    assert [r.kind for r in rows][:2] == ["headline", "group"]
    assert rows[0].cells == {
        outlets[0]: ("Fares rise again",),
        outlets[2]: ("Council backs fare plan",),
    }
    text = view.browser().toPlainText()
    assert "Headline" in text and "Council backs fare plan" in text
    assert text.index("Fares rise again") < text.index("Fact 1")
    # The summary still counts facts and statements, not the headline row.
    assert view._summary.text().startswith("2 facts")
