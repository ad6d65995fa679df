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
