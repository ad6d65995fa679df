"""Tests for gui.report.pagination: short units and headings are not parted by a page break."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from gui.report.pagination import keep_headings, keep_together

BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def document(lines: int) -> tuple[QTextDocument, float]:
    """``lines`` one-line blocks; pages about ten lines high. Returns (doc, page height)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    for n in range(lines):
        if n:
            cursor.insertBlock()
        cursor.insertText(f"Line {n}")
    line = doc.documentLayout().blockBoundingRect(doc.firstBlock()).height()
    height = line * 10.5
    doc.setPageSize(QSizeF(400, height))
    return doc, height


def breaks(doc: QTextDocument) -> list[int]:
    block, found = doc.firstBlock(), []
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() & BREAK:
            found.append(block.blockNumber())
        block = block.next()
    return found


def test_a_short_unit_across_a_page_break_moves_to_the_next_page(qapp: object) -> None:
    doc, height = document(30)
    keep_together(doc, [(9, 11)], height)  # lines 9-11 straddle the end of page 1
    assert breaks(doc) == [9]


def test_a_unit_on_one_page_or_over_half_a_page_stays(qapp: object) -> None:
    doc, height = document(30)
    keep_together(doc, [(2, 5), (4, 16)], height)  # inside page 1; 13 lines: too long to move
    assert breaks(doc) == []


def test_a_heading_at_the_foot_of_a_page_moves_on(qapp: object) -> None:
    doc, height = document(30)
    line = height / 10.5
    keep_headings(doc, [3, 9], height, room=line * 3)  # line 9 is the page's last
    assert breaks(doc) == [9]


def test_a_heading_goes_with_a_unit_moved_to_the_next_page(qapp: object) -> None:
    # Line 6 heads lines 7-10; they straddle the end of page 1 and move on, so
    # the heading, though it has room below it, moves too and the break with it.
    doc, height = document(30)
    line = height / 10.5
    keep_together(doc, [(7, 10)], height)
    assert breaks(doc) == [7]
    keep_headings(doc, [6], height, room=line * 3)
    assert breaks(doc) == [6]
    layout = doc.documentLayout()
    heading = layout.blockBoundingRect(doc.findBlockByNumber(6)).top()
    text = layout.blockBoundingRect(doc.findBlockByNumber(7)).top()
    assert int(heading // height) == int(text // height) == 1


def test_two_headings_in_a_row_move_as_one(qapp: object) -> None:
    # An outlet's name (line 5) and an article's title (line 6) head lines 7-10,
    # which move on: both headings follow them, not the title alone.
    doc, height = document(30)
    line = height / 10.5
    keep_together(doc, [(7, 10)], height)
    keep_headings(doc, [5, 6], height, room=line * 3)
    assert breaks(doc) == [5]
