"""Page breaks for the report: what QTextDocument cannot be told to keep together.

:func:`gui.report.builder.build_document` lays the report out, then moves
short units that straddle a page break (a bullet, a passage with its
label, a sub-heading with what it heads), and headings left at the foot of
a page, to the next page by giving their first block a page break before.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

#: A unit longer than this share of a page may be split: moving it whole
#: would leave the page before it more than half empty.
KEEP_TOGETHER_MAX = 0.5


def keep_together(doc: QTextDocument, units: Sequence[tuple[int, int]], page_height: float) -> None:
    """Move each unit that straddles a page break to the next page, when it is short.

    Units are taken in document order (an outer unit before the ones inside
    it), as each move shifts everything after it; a unit over half a page is
    left to break, so no page is left more than half empty by a move.
    """
    layout = doc.documentLayout()
    doc.pageCount()
    for first, last in sorted(units, key=lambda u: (u[0], -u[1])):
        if last < first:
            continue
        head, tail = doc.findBlockByNumber(first), doc.findBlockByNumber(last)
        top = layout.blockBoundingRect(head).top()
        bottom = layout.blockBoundingRect(tail).bottom()
        if bottom - top > page_height * KEEP_TOGETHER_MAX:
            continue
        if int(top // page_height) == int((bottom - 1) // page_height):
            continue
        fmt = head.blockFormat()
        if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            continue
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(head).setBlockFormat(fmt)
        doc.pageCount()


def keep_headings(
    doc: QTextDocument, headings: Sequence[int], page_height: float, *, room: float
) -> None:
    """Move a heading that sits at the foot of a page, or whose text starts on the
    next page, to the next page.

    QTextDocument has no "keep with next"; a heading whose top lies within
    the last few lines of a page would otherwise be parted from its text, and
    so would one whose text :func:`keep_together` moved on. Headings are
    checked in order, as each move shifts those after it. ``room`` is the
    height (in device units) a heading needs below it.
    """
    layout = doc.documentLayout()
    # Qt lays long documents out lazily; positions are only final (and edits
    # only safe) once the whole layout is done, which pageCount() forces.
    doc.pageCount()
    numbers = set(headings)
    for number in headings:
        block = doc.findBlockByNumber(number)
        top = layout.blockBoundingRect(block).top()
        after = block.next()
        parted = after.isValid() and int(
            layout.blockBoundingRect(after).top() // page_height
        ) > int(top // page_height)
        if not parted and page_height - (top % page_height) >= room:
            continue
        # A run of headings ("Outlet", then an article's title) moves as one; the
        # break goes before its first heading, and off the text it heads (which
        # keep_together may have moved on).
        first = block
        while first.previous().isValid() and first.previous().blockNumber() in numbers:
            first = first.previous()
        inside = first.next()
        while inside.isValid() and inside.blockNumber() <= after.blockNumber():
            fmt = inside.blockFormat()
            if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                QTextCursor(inside).setBlockFormat(fmt)
            inside = inside.next()
        fmt = first.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(first).setBlockFormat(fmt)
        doc.pageCount()
