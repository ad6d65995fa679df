"""Highlighted text: formats per category, tooltips that explain, toggles, and no remote loading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from analysis.categories import category, load_categories
from gui.widgets.highlighted_text import HighlightedText
from tests.gui.core_fakes import analyzed

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEXT = "The mayor slammed the so-called plan. It was a truly outrageous idea 😀 says <b>Bob</b>."


@pytest.fixture
def view(qtbot: QtBot) -> HighlightedText:
    widget = HighlightedText()
    qtbot.addWidget(widget)
    widget.set_articles(
        [
            (
                0,
                analyzed(
                    TEXT,
                    loaded=[
                        (
                            "slammed",
                            "attribution",
                            "A loaded verb for saying: it judges the speaker.",
                        ),
                        ("so-called", "hedge", "Casts doubt on the name."),
                    ],
                    subjective=[("outrageous", 0.9), ("truly", 0.3)],
                ),
            )
        ]
    )
    return widget


def fmt_at(view: HighlightedText, word: str) -> QTextCharFormat:
    position = view.document_position(0, TEXT.index(word)) + 1
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor.charFormat()


def test_categories_come_from_the_resource_file() -> None:
    ids = [c.id for c in load_categories()]
    assert {"label", "attribution", "hedge", "emotive"} <= set(ids)
    assert category("attribution").underline != category("hedge").underline
    assert category("custom:mine").label == "Mine"
    assert len({c.underline for c in load_categories()}) == len(load_categories())


def test_loaded_terms_are_underlined_in_their_category_style(view: HighlightedText) -> None:
    slammed = fmt_at(view, "slammed")
    hedge = fmt_at(view, "so-called")
    assert slammed.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    assert slammed.underlineStyle() != hedge.underlineStyle()
    assert slammed.underlineColor().name().lower() == category("attribution").colour.lower()
    plain = fmt_at(view, "mayor")
    assert plain.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_subjective_shade_follows_strength(view: HighlightedText) -> None:
    strong = fmt_at(view, "outrageous").background().color().alpha()
    weak = fmt_at(view, "truly").background().color().alpha()
    assert strong > weak > 0


def test_tooltip_explains_the_highlight(view: HighlightedText) -> None:
    tip = view.tooltip_at(view.document_position(0, TEXT.index("slammed")) + 2)
    assert "slammed" in tip and "Loaded attribution" in tip
    assert "judges the speaker" in tip
    assert "subjectivity 0.60" in tip and "polarity -0.30" in tip
    assert "Strength 0.80 of 1: how strongly FrameLens rates" in tip  # explained, not bare
    assert view.tooltip_at(view.document_position(0, TEXT.index("mayor"))) == ""


def test_article_text_is_plain_and_offsets_survive_astral_characters(view: HighlightedText) -> None:
    # The markup in the article is shown as text, not interpreted.
    assert "<b>Bob</b>" in view.toPlainText()
    position = view.document_position(0, TEXT.index("says"))
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    cursor.setPosition(position + 4, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "says"
    assert view.locate(position) is not None and view.locate(position)[1] == TEXT.index("says")  # type: ignore[index]


def test_toggling_a_category_removes_and_restores_it(view: HighlightedText) -> None:
    view.set_hidden_categories({"attribution"})
    assert fmt_at(view, "slammed").underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert fmt_at(view, "so-called").underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    assert view.tooltip_at(view.document_position(0, TEXT.index("slammed")) + 1) == ""
    view.set_hidden_categories({"subjective"})
    assert fmt_at(view, "slammed").underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    assert fmt_at(view, "outrageous").background().color().alpha() == 0


def test_no_resource_is_ever_loaded(view: HighlightedText) -> None:
    assert (
        view.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl("http://example.com/x.png")
        )
        is None
    )
    assert (
        view.loadResource(
            QTextDocument.ResourceType.StyleSheetResource.value, QUrl("file:///etc/passwd")
        )
        is None
    )
    assert not view.openLinks() and not view.openExternalLinks()


def test_sentence_lookup_and_selection(view: HighlightedText, qtbot: QtBot) -> None:
    position = view.document_position(0, TEXT.index("outrageous"))
    assert view.sentence_at(position) == (0, 1)
    cursor = view.textCursor()
    cursor.setPosition(position)
    with qtbot.waitSignal(view.sentenceSelected) as blocker:
        view.setTextCursor(cursor)
    assert blocker.args == [0, 1]
    assert len(view.extraSelections()) == 1


def test_several_articles_stack(qtbot: QtBot) -> None:
    view = HighlightedText()
    qtbot.addWidget(view)
    view.set_articles(
        [(3, analyzed("First one.", title="One")), (7, analyzed("Second one.", title="Two"))]
    )
    text = view.toPlainText()
    assert (
        text.index("One") < text.index("First one.") < text.index("Two") < text.index("Second one.")
    )
    assert view.sentence_at(view.document_position(7, 2)) == (7, 0)


def test_adding_articles_leaves_the_reader_where_they_are(qtbot: QtBot) -> None:
    # Qt moves a cursor that sits where text is inserted: the view's cursor
    # followed the end of the text, and every article added selected a
    # sentence, so the window's articles list jumped while the columns filled.
    view = HighlightedText()
    qtbot.addWidget(view)
    with qtbot.assertNotEmitted(view.sentenceSelected, wait=300):
        view.append_article(0, analyzed("First one. It is short.", title="One"))
        view.append_article(1, analyzed("Second one. Also short.", title="Two"))
    assert view.textCursor().position() == 0
    assert not view.textCursor().hasSelection()  # the anchor stays too, not only the position
    assert view.extraSelections() == []
    # A sentence the reader picked stays picked while more articles arrive.
    cursor = view.textCursor()
    cursor.setPosition(view.document_position(1, 0))
    with qtbot.waitSignal(view.sentenceSelected) as blocker:
        view.setTextCursor(cursor)
    assert blocker.args == [1, 0]
    with qtbot.assertNotEmitted(view.sentenceSelected, wait=300):
        view.append_article(2, analyzed("Third one.", title="Three"))
    assert view.textCursor().position() == view.document_position(1, 0)
    assert not view.textCursor().hasSelection()
    # Replacing the articles gives the view a new cursor; it stays put too.
    view.set_articles([(5, analyzed("Fresh text.", title="New"))])
    with qtbot.assertNotEmitted(view.sentenceSelected, wait=300):
        view.append_article(6, analyzed("More text.", title="More"))
    assert view.sentence_at(view.textCursor().position()) != (6, 0)


def test_page_furniture_is_greyed_and_explains_itself(qtbot: QtBot) -> None:
    from analysis.load import load_text
    from analysis.score import analyze_article

    text = (
        "Council expands bus network\n\n- Ada Quill\n\n"
        "The council voted on Tuesday to add four bus routes.\n\nDuration 1:45\n\n"
        "The routes start in May."
    )
    widget = HighlightedText()
    qtbot.addWidget(widget)
    widget.set_articles([(0, analyze_article(load_text(text)))])

    def fmt_at(offset: int) -> QTextCharFormat:
        cursor = QTextCursor(widget.document())
        cursor.setPosition(widget.document_position(0, offset) + 1)
        return cursor.charFormat()

    duration = text.index("Duration")
    assert fmt_at(duration).fontItalic()
    assert not fmt_at(text.index("The routes")).fontItalic()
    assert fmt_at(0).fontWeight() > 500  # the headline is bold
    assert "2 pieces of page furniture greyed, not scored" in widget.toPlainText()
    tip = widget.tooltip_at(widget.document_position(0, duration) + 1)
    assert "Page furniture" in tip and "media" in tip
    assert widget.tooltip_at(widget.document_position(0, text.index("Ada")) + 1).count("byline")
    # Switching highlight categories keeps the furniture greyed.
    widget.set_hidden_categories({"subjective"})
    assert fmt_at(duration).fontItalic()
    assert fmt_at(0).fontWeight() > 500


def test_context_menu_offers_corrections_and_emits_them(
    view: HighlightedText, qtbot: QtBot
) -> None:
    position = view.document_position(0, TEXT.index("slammed")) + 1
    offered = view.correction_actions(position)
    kinds = [c.kind for _, c in offered]
    assert kinds[:2] == ["not_here", "never"]
    not_here, never = offered[0][1], offered[1][1]
    assert (not_here.start, not_here.end, not_here.path) == (
        TEXT.index("slammed"),
        TEXT.index("slammed") + len("slammed"),
        "a.txt",
    )
    assert never.term == "slammed"
    marks = [c for _, c in offered if c.kind == "mark"]
    assert marks and {c.term for c in marks} == {"slammed"}
    assert "scare_quote" not in {c.category for c in marks}
    with qtbot.waitSignal(view.correctionRequested) as signal:
        view.correctionRequested.emit(never)
    assert signal.args == [never]


def test_a_selection_can_be_marked_as_loaded(view: HighlightedText) -> None:
    start = view.document_position(0, 0)
    words = " ".join(TEXT.split()[:2])
    end = view.document_position(0, TEXT.index(words) + len(words))
    offered = view.correction_actions(start, (start, end))
    marks = [c for _, c in offered if c.kind == "mark"]
    assert marks and marks[0].term == " ".join(w.lower().strip(".,") for w in TEXT.split()[:2])


def test_quoted_and_shared_highlights_have_their_own_style() -> None:
    from analysis.model import Highlight
    from gui.widgets.highlighted_text import _format_for

    own = Highlight(0, 4, "slam", "loaded", "attribution", 0.8, "r")
    quoted = own._replace(voice="quoted")
    shared = own._replace(shared=True)
    assert not _format_for(own, False).fontItalic()
    assert _format_for(quoted, False).fontItalic()
    assert _format_for(quoted, False).background().color().alpha() < (
        _format_for(own, False).background().color().alpha()
    )
    assert _format_for(shared, False).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
