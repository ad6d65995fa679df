"""Side-by-side view: columns per outlet, built incrementally, and drops on its viewport."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from analysis.model import Corpus
from gui.widgets.side_by_side import SideBySideView, dropped_inputs
from tests.gui.core_fakes import analyzed, drop

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot) -> SideBySideView:
    widget = SideBySideView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_drop_files_and_folders_on_the_viewport(
    view: SideBySideView, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(tmp_path / "a.txt")), QUrl.fromLocalFile(str(tmp_path / "folder"))]
    )
    with qtbot.waitSignal(view.dropped) as blocker:
        assert drop(view.viewport(), mime)
    assert blocker.args[0].paths == [str(tmp_path / "a.txt"), str(tmp_path / "folder")]


def test_drop_of_nothing_usable_is_refused(view: SideBySideView, qtbot: QtBot) -> None:
    mime = QMimeData()
    mime.setData("application/x-unknown", b"123")
    with qtbot.assertNotEmitted(view.dropped):
        assert not drop(view.viewport(), mime)


def test_dropped_inputs_sorts_links_html_and_text() -> None:
    links = QMimeData()
    links.setUrls([QUrl("https://news.example/story")])
    assert dropped_inputs(links).urls == ["https://news.example/story"]
    page = QMimeData()
    page.setHtml("<p>Story <img src='http://tracker.example/p.gif'></p>")
    page.setUrls([QUrl("https://news.example/story")])
    d = dropped_inputs(page)
    assert (
        d.html.startswith("<p>Story") and d.html_url == "https://news.example/story" and not d.urls
    )
    text = QMimeData()
    text.setText("Some article text.\nSecond line.")
    assert dropped_inputs(text).text.startswith("Some article")


def test_columns_per_outlet_filled_incrementally(view: SideBySideView, qtbot: QtBot) -> None:
    corpus = Corpus(
        tuple(
            analyzed(
                f"Story {i}. More words here.",
                path=f"p{i}",
                outlet=("A", "B", "C")[i % 3],
                title=f"T{i}",
            )
            for i in range(30)
        )
    )
    with qtbot.waitSignal(view.built, timeout=10000):
        view.set_corpus(corpus)
    assert [c.outlet for c in view.columns] == ["A", "B", "C"]
    assert len(view.column("B").articles) == 10
    assert "Story 1." in view.column("B").text.toPlainText()
    view.set_corpus(Corpus())
    assert view.columns == []


def test_synchronised_scrolling(view: SideBySideView, qtbot: QtBot) -> None:
    long_text = " ".join(f"Sentence number {i} is here." for i in range(300))
    corpus = Corpus(
        (analyzed(long_text, path="a", outlet="A"), analyzed(long_text, path="b", outlet="B"))
    )
    with qtbot.waitSignal(view.built):
        view.set_corpus(corpus)
    a, b = (c.text.verticalScrollBar() for c in view.columns)
    qtbot.waitUntil(lambda: a.maximum() > 0 and b.maximum() > 0)
    a.setValue(a.maximum() // 2)
    assert abs(b.value() - b.maximum() // 2) <= 2
    view.set_sync_scroll(False)
    a.setValue(0)
    assert b.value() > 0


def test_scrolling_together_keeps_the_same_fact_level(view: SideBySideView, qtbot: QtBot) -> None:
    # Outlet B opens with a long preamble, so the same fact sits much lower in
    # its column: a shared fraction of the scroll range would show other text.
    from analysis.compare.results import AlignedGroup, Member

    fact = "The bridge opened on Tuesday after six years of work."
    a_text = " ".join(f"Alpha line {i} is here." for i in range(40)) + " " + fact
    a_text += " " + " ".join(f"Alpha tail {i} is here." for i in range(120))
    b_text = " ".join(f"Beta preamble {i} runs on." for i in range(160)) + " " + fact
    b_text += " " + " ".join(f"Beta tail {i} is here." for i in range(120))
    first, second = analyzed(a_text, path="a", outlet="A"), analyzed(b_text, path="b", outlet="B")
    corpus = Corpus((first, second))
    with qtbot.waitSignal(view.built):
        view.set_corpus(corpus)

    def sentence_of(item: object, text: str) -> tuple[int, int, int]:
        start = item.article.text.index(text)  # type: ignore[attr-defined]
        i = next(k for k, s in enumerate(item.sentences) if s.start == start)  # type: ignore[attr-defined]
        return i, start, start + len(text)

    ia, sa, ea = sentence_of(first, fact)
    ib, sb, eb = sentence_of(second, fact)
    group = AlignedGroup(
        members=(Member(0, ia, sa, ea, fact), Member(1, ib, sb, eb, fact)),
        outlets=("A", "B"),
        core=0,
        diff=((), ()),
        dropped=((), ()),
        similarity=1.0,
    )
    view.set_alignment([group])
    a_view, b_view = (c.text for c in view.columns)
    qtbot.waitUntil(lambda: a_view.verticalScrollBar().maximum() > 0)
    a_bar = a_view.verticalScrollBar()
    # Scroll A until its copy of the fact is the first shared sentence in view.
    y_a = view._sentence_y(a_view, 0, sa)
    assert y_a is not None
    a_bar.setValue(a_bar.value() + y_a - 40)
    y_a = view._sentence_y(a_view, 0, sa)
    y_b = view._sentence_y(b_view, 1, sb)
    assert y_a is not None and y_b is not None
    assert abs(y_a - y_b) <= 2, (y_a, y_b)
