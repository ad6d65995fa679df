"""The one report builder: ReportData → QTextDocument → pages with header and footer.

Print preview, printing and PDF export all go through :func:`build_document`
and :func:`paint_pages`, so what the preview shows is what prints. The
document is built with :class:`QTextCursor` and formats only: article text is
inserted with ``insertText`` and is never parsed as HTML, and the document
refuses to load any resource. Charts are not images in the document: an
inline placeholder reserves their room, and :func:`paint_pages` draws them
there with the dashboard's QPainter functions, as vector graphics.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from analysis.report import (
    Bullets,
    CategoryStyle,
    Chart,
    Heading,
    HighlightedText,
    Legend,
    Paragraph,
    ReportData,
    Section,
    Table,
)
from analysis.safeio import encodable_fields
from gui.highlight_format import char_format
from gui.report import styles
from gui.report.chartdraw import logical_size, paint_chart
from gui.report.pagination import keep_headings, keep_together

log = logging.getLogger(__name__)

#: Paper names accepted by the API and the CLI.
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
#: Device resolution of PDF files: QPrinter's high resolution (what the preview uses).
PRINT_DPI = 1200
#: Page margins in millimetres (left, top, right, bottom).
MARGINS_MM = QMarginsF(18, 14, 18, 14)
#: Sections that start on a new page (long, self-contained parts).
NEW_PAGE_SECTIONS = frozenset({"excerpts", "methodology"})

#: The transparent image that reserves a chart's place in the document.
_PLACEHOLDER = "framelens-chart-placeholder"

#: categories.tsv underline style → Qt underline. Qt has no double underline,
#: so "double" is drawn dash-dot-dot (still unique among the categories).


def page_layout(paper: str = "a4", landscape: bool = False) -> QPageLayout:
    """The report's page layout for ``paper`` ("a4" or "letter")."""
    try:
        size = QPageSize(PAPER_SIZES[paper.lower()])
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r}; use a4 or letter") from None
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


class ReportDocument(QTextDocument):
    """A QTextDocument that never loads a resource (a report is always offline)."""

    def loadResource(self, type: int, name: object) -> object:  # noqa: A002 - Qt's name
        log.warning("report document refused to load resource %r", name)
        return None


class _Formats:
    """The character and block formats of one report, built from report.css."""

    def __init__(self, data: ReportData) -> None:
        ink = QColor(styles.colour("ink"))
        self.accent = QColor(styles.colour("accent"))
        self.muted = QColor(styles.colour("muted"))
        self.rule = QColor(styles.colour("rule"))
        self.header_bg = QColor(styles.colour("header-bg"))
        self.stripe = QColor(styles.colour("stripe"))

        self.body = QTextCharFormat()
        self.body.setFontFamilies(styles.FONT_FAMILIES)
        self.body.setFontPointSize(styles.size_pt("body-size"))
        self.body.setForeground(ink)

        def derived(
            size: str, *, bold: bool = False, colour: QColor | None = None
        ) -> QTextCharFormat:
            fmt = QTextCharFormat(self.body)
            fmt.setFontPointSize(styles.size_pt(size))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if colour is not None:
                fmt.setForeground(colour)
            return fmt

        self.title = derived("title-size", bold=True, colour=self.accent)
        self.h1 = derived("h1-size", bold=True, colour=self.accent)
        self.h2 = derived("h2-size", bold=True)
        self.h3 = derived("body-size", bold=True, colour=self.accent)
        self.note = derived("note-size", colour=self.muted)
        self.bold = derived("body-size", bold=True)
        self.th = derived("note-size", bold=True)
        self.td = derived("note-size")
        self.code = derived("note-size")
        self.code.setFontFamilies(styles.MONO_FAMILIES)
        self.code.setFontFixedPitch(True)
        self.categories: dict[str, QTextCharFormat] = {}
        for style in data.styles:
            self.categories[style.id] = self._category(style)
        self._data = data

    def _category(self, style: CategoryStyle) -> QTextCharFormat:
        # The window's own look (gui.highlight_format), so paper matches the screen.
        return char_format(style)

    def category(self, base: QTextCharFormat, category: str) -> QTextCharFormat:
        """``base`` with the highlight of ``category`` merged in."""
        fmt = QTextCharFormat(base)
        extra = self.categories.get(category)
        if extra is None:
            extra = self._category(self._data.style(category))
            self.categories[category] = extra
        fmt.merge(extra)
        return fmt


def _pt(dpi: float, points: float) -> float:
    """Points → device units (for painting straight onto the device)."""
    return points * dpi / 72.0


def _px(points: float) -> float:
    """Points → document units: Qt's text layout treats format lengths as
    1/96-inch pixels and scales them to the paint device itself."""
    return points * 96.0 / 72.0


class _Builder:
    """Writes one ReportData into a ReportDocument with a QTextCursor."""

    def __init__(self, data: ReportData, doc: ReportDocument, dpi: float, width: float) -> None:
        self.data = data
        self.doc = doc
        self.dpi = dpi
        self.width = width
        self.f = _Formats(data)
        self.cursor = QTextCursor(doc)
        #: (document position, chart, height in device units) of each chart.
        self.charts: list[tuple[int, Chart, float]] = []
        self.max_chart_height = 0.0
        #: Block numbers of headings, kept with what follows them (see keep_headings).
        self.headings: list[int] = []
        #: (first, last) block numbers of what must not be split over two pages:
        #: a bullet, a passage with its label, a sub-heading with what it heads.
        self.units: list[tuple[int, int]] = []
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(Qt.GlobalColor.transparent)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_PLACEHOLDER), blank)
        self._first_block = True

    # -- blocks -----------------------------------------------------------------------

    def block(
        self,
        *,
        top: float = 0.0,
        bottom: float = 4.0,
        indent: float = 0.0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        page_break: bool = False,
    ) -> None:
        """Start a new paragraph (the first call reuses the document's first block)."""
        fmt = QTextBlockFormat()
        fmt.setTopMargin(_px(top))
        fmt.setBottomMargin(_px(bottom))
        fmt.setLeftMargin(_px(indent))
        fmt.setAlignment(align)
        fmt.setLineHeight(112, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        # The block's own character format sets the font of list bullets.
        if self._first_block:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(self.f.body)
            self._first_block = False
        else:
            self.cursor.insertBlock(fmt, self.f.body)

    def _last_block(self) -> int:
        """The number of the last block written so far.

        After a table the cursor waits in an empty block that the next
        :meth:`block` call takes over, so that block is not written yet.
        """
        number = self.cursor.block().blockNumber()
        return number - 1 if self._first_block else number

    def text(self, text: str, fmt: QTextCharFormat) -> None:
        # insertText treats text as text: "<script>" stays those nine characters.
        self.cursor.insertText(text, fmt)

    def build(self) -> None:
        self.block(bottom=2)
        self.text(self.data.title, self.f.title)
        self.block(bottom=2)
        self.text(self.data.subtitle, self.f.body)
        self.block(bottom=10)
        self.text(f"Report made on {self.data.date} with FrameLens. Contents: ", self.f.note)
        self.text(" · ".join(s.title for s in self.data.sections), self.f.note)
        for section in self.data.sections:
            self.section(section)

    def section(self, section: Section) -> None:
        first = section is self.data.sections[0]
        self.block(top=14, bottom=6, page_break=not first and section.id in NEW_PAGE_SECTIONS)
        self.headings.append(self.cursor.block().blockNumber())
        self.text(section.title, self.f.h1)
        self._rule()
        heading_block = self.cursor.block().blockNumber()
        unit_start: int | None = None
        starts: list[int] = []  # the first block number of each of the section's blocks
        for block in section.blocks:
            starts.append(self._last_block() + 1)
            if isinstance(block, Heading) and unit_start is not None:
                self.units.append((unit_start, self._last_block()))
                unit_start = None
            if isinstance(block, Heading) and block.level >= 3:
                unit_start = self._last_block() + 1
            if isinstance(block, Heading):
                if block.level <= 2:
                    self.block(top=10, bottom=3)
                    self.text(block.text, self.f.h2)
                else:
                    self.block(top=6, bottom=2)
                    self.text(block.text, self.f.h3)
                self.headings.append(self.cursor.block().blockNumber())
            elif isinstance(block, Paragraph) and block.code:
                self.block(indent=10, bottom=5)
                # U+2028 breaks the line inside one paragraph, as <br> would.
                self.text(block.text.replace("\n", "\u2028"), self.f.code)
            elif isinstance(block, Paragraph):
                self.block(bottom=5)
                self.text(block.text, self.f.note if block.note else self.f.body)
            elif isinstance(block, Bullets):
                self.bullets(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Chart):
                self.chart(block)
            elif isinstance(block, Legend):
                self.legend(block)
            elif isinstance(block, HighlightedText):
                self.passage(block)
        if unit_start is not None:
            self.units.append((unit_start, self._last_block()))
        if len(starts) >= 2:
            # A section's last block never stands alone at the top of a page.
            self.units.append((starts[-2], self._last_block()))
        content = next(
            (k for k, b in enumerate(section.blocks) if not isinstance(b, Heading)), None
        )
        if content is not None:
            # The section's heading stays with its first table, chart or paragraph.
            end = starts[content + 1] - 1 if content + 1 < len(starts) else None
            self.units.append((heading_block, end or self._last_block()))

    def _rule(self) -> None:
        # A trailing horizontal ruler, as Qt draws for <hr>, under the section heading.
        fmt = self.cursor.blockFormat()
        fmt.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        self.cursor.setBlockFormat(fmt)

    def bullets(self, block: Bullets) -> None:
        list_fmt = QTextListFormat()
        list_fmt.setStyle(QTextListFormat.Style.ListDisc)
        list_fmt.setIndent(1)
        text_list = None
        for item in block.items:
            self.block(bottom=2)
            if text_list is None:
                text_list = self.cursor.createList(list_fmt)
            else:
                text_list.add(self.cursor.block())
            self.text(item, self.f.body)
            number = self.cursor.block().blockNumber()
            self.units.append((number, number))
        self.block(bottom=2)
        if text_list is not None:
            text_list.remove(self.cursor.block())
            fmt = self.cursor.blockFormat()
            fmt.setIndent(0)
            self.cursor.setBlockFormat(fmt)

    def _table_format(self, widths: Sequence[float] | None = None) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorderCollapse(True)
        fmt.setBorder(_px(0.5))
        fmt.setBorderBrush(QBrush(self.f.rule))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellPadding(_px(2.5))
        fmt.setCellSpacing(0)
        fmt.setTopMargin(_px(3))
        fmt.setBottomMargin(_px(6))
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if widths:
            fmt.setColumnWidthConstraints(
                [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
            )
        return fmt

    def _cell_block(self, numeric: bool) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
        return fmt

    def table(self, table: Table) -> None:
        if table.caption:
            self.block(bottom=2)
            self.text(table.caption, self.f.note)
        self.block(bottom=0)
        fmt = self._table_format(_column_widths(table))
        fmt.setHeaderRowCount(1)
        qt_table = self.cursor.insertTable(len(table.rows) + 1, len(table.columns), fmt)
        header_cell = QTextTableCellFormat()
        header_cell.setBackground(self.f.header_bg)
        stripe_cell = QTextTableCellFormat()
        stripe_cell.setBackground(self.f.stripe)
        for col, name in enumerate(table.columns):
            cell = qt_table.cellAt(0, col)
            cell.setFormat(header_cell)
            c = cell.firstCursorPosition()
            c.setBlockFormat(self._cell_block(table.numeric[col]))
            c.insertText(name, self.f.th)
        for r, row in enumerate(table.rows, start=1):
            for col, value in enumerate(row):
                cell = qt_table.cellAt(r, col)
                if r % 2 == 0:
                    cell.setFormat(stripe_cell)
                c = cell.firstCursorPosition()
                if table.numeric[col]:  # left is the default; skipping it saves a relayout
                    c.setBlockFormat(self._cell_block(True))
                c.insertText(value, self.f.td)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._first_block = True

    def chart(self, chart: Chart) -> None:
        self.block(top=6, bottom=0)
        # The document only reserves the chart's place (an inline image never
        # splits across pages); paint_pages draws the chart there with
        # draw_chart, as vector graphics on the page's own painter.
        fmt = QTextImageFormat()
        fmt.setName(_PLACEHOLDER)
        size = logical_size(chart, self.width * 96.0 / self.dpi)
        fmt.setWidth(size.width())
        # A chart never outgrows a page: a taller one is squeezed to fit.
        height_px = min(size.height(), self.max_chart_height * 96.0 / self.dpi)
        fmt.setHeight(height_px)
        self.charts.append((self.cursor.position(), chart, height_px * self.dpi / 96.0))
        self.cursor.insertImage(fmt)
        if chart.caption:
            self.block(bottom=8, indent=0)
            self.text(chart.caption, self.f.note)

    def legend(self, legend: Legend) -> None:
        self.block(bottom=0)
        fmt = self._table_format((22, 78))
        qt_table = self.cursor.insertTable(len(legend.categories), 2, fmt)
        for r, style in enumerate(legend.categories):
            sample = qt_table.cellAt(r, 0).firstCursorPosition()
            sample.insertText(style.label, self.f.category(self.f.td, style.id))
            desc = qt_table.cellAt(r, 1).firstCursorPosition()
            desc.insertText(style.description, self.f.td)
            if not style.shaded:
                desc.insertText(
                    f" Marked by a {_underline_name(style.underline)} underline.", self.f.td
                )
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._first_block = True

    def passage(self, passage: HighlightedText) -> None:
        first = self._last_block() + 1
        self._passage(passage)
        self.units.append((first, self.cursor.block().blockNumber()))

    def _passage(self, passage: HighlightedText) -> None:
        if passage.label or passage.note:
            self.block(top=3, bottom=0, indent=10)
            if passage.label:
                self.text(passage.label + "   ", self.f.bold)
            self.text(passage.note, self.f.note)
        self.block(indent=10, bottom=4)
        for span in passage.spans:
            if span.category:
                fmt = self.f.category(self.f.body, span.category)
                if span.voice != "outlet":
                    # A source's words (quoted) or every outlet's (shared): set apart.
                    fmt.setFontItalic(True)
                    if span.voice == "shared":
                        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                        fmt.setUnderlineColor(QColor("#888888"))
                self.text(span.text, fmt)
            else:
                self.text(span.text, self.f.body)


def _underline_name(underline: str) -> str:
    qt = {
        "double": "dash-dot-dot",
        "dashdot": "dash-dot",
        "dash": "dashed",
        "dot": "dotted",
        "wave": "wavy",
        "solid": "solid",
    }
    return qt.get(underline, underline)


def _column_widths(table: Table) -> list[float] | None:
    """Share the width by how much text each column holds.

    A column gets at least its longest word (headers wrap at spaces, never
    inside a word) and at most 40 characters' worth, so one long title
    cannot squeeze the numbers.
    """
    if not table.columns:
        return None
    weights = []
    for col, name in enumerate(table.columns):
        header_word = max([len(w) for w in name.split()] + [1])
        cells = [row[col] for row in table.rows]
        token = max([len(w) for c in cells for w in c.split()] + [0])
        content = max([len(c) for c in cells] + [0])
        weights.append(max(header_word * 1.15 + 2.5, min(token, 24) + 3.0, min(content, 40)))
    total = sum(weights)
    return [100.0 * w / total for w in weights]


class LaidOutReport(NamedTuple):
    """A report laid out for one device: the document, its body area and charts."""

    doc: ReportDocument
    #: The body area of a page in device units (below the header, above the footer).
    body: QRectF
    #: (document position, chart, height in device units), drawn by paint_pages.
    charts: tuple[tuple[int, Chart, float], ...]
    dpi: float


def build_document(data: ReportData, device: QPaintDevice) -> LaidOutReport:
    """Lay ``data`` out for ``device`` (a QPrinter, QPdfWriter or image).

    The document is paginated to the device's body area.
    """
    data = encodable_fields(data)  # undecodable bytes of file names shown as \xNN
    dpi = float(device.logicalDpiY())
    width, height = float(device.width()), float(device.height())
    header_h = _pt(dpi, 24)
    footer_h = _pt(dpi, 22)
    body = QRectF(0, header_h, width, height - header_h - footer_h)
    doc = ReportDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    font = QFont()
    font.setFamilies(styles.FONT_FAMILIES)
    font.setPointSizeF(styles.size_pt("body-size"))
    doc.setDefaultFont(font)
    doc.setUndoRedoEnabled(False)
    builder = _Builder(data, doc, dpi, body.width())
    builder.max_chart_height = body.height() * 0.9
    # One edit block: Qt lays the document out once at the end instead of
    # after every cell (which makes big tables quadratic).
    builder.cursor.beginEditBlock()
    builder.build()
    builder.cursor.endEditBlock()
    doc.setPageSize(body.size())
    # Units first (a heading moved on its own first would leave the statement
    # before it alone on a page), then any heading still at a page's foot.
    keep_together(doc, builder.units, body.height())
    # A heading keeps about three lines of what follows with it.
    keep_headings(doc, builder.headings, body.height(), room=_pt(dpi, 54))
    return LaidOutReport(doc, body, tuple(builder.charts), dpi)


def paint_pages(
    data: ReportData,
    device: QPagedPaintDevice,
    *,
    pages: Sequence[int] | None = None,
) -> int:
    """Build the report for ``device`` and paint every page with header and footer.

    ``pages`` (1-based) restricts printing to some pages, as a print dialog's
    page range does. Returns the number of pages in the report.
    """
    data = encodable_fields(data)  # the header shows the title too
    report = build_document(data, device)
    count = report.doc.pageCount()
    wanted = [p for p in (pages or range(1, count + 1)) if 1 <= p <= count]
    painter = QPainter()
    if not painter.begin(device):
        from analysis.errors import ReportError

        raise ReportError("The report could not be drawn: the printer or file is not ready.")
    try:
        for n, page in enumerate(wanted):
            if n:
                device.newPage()
            _paint_page(painter, report, data, page, count)
    finally:
        painter.end()
    return count


def _chart_rect(doc: QTextDocument, pos: int, height: float, width: float) -> QRectF:
    """Where the placeholder at ``pos`` sits, in document coordinates."""
    block = doc.findBlock(pos)
    layout = block.layout()
    line = layout.lineForTextPosition(pos - block.position())
    top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
    if not line.isValid():
        return QRectF(top_left.x(), top_left.y(), width, height)
    # PySide returns (x, cursor position) for QTextLine.cursorToX (typed "object").
    found: tuple[float, int] = line.cursorToX(pos - block.position())  # type: ignore[assignment]
    y = line.y() + line.ascent() - height
    return QRectF(top_left.x() + found[0], top_left.y() + max(y, line.y()), width, height)


def _paint_page(
    painter: QPainter, report: LaidOutReport, data: ReportData, page: int, count: int
) -> None:
    doc, body, dpi = report.doc, report.body, report.dpi
    index = page - 1
    painter.save()
    painter.translate(body.left(), body.top() - index * body.height())
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    # Every format sets its own colours, so the default palette does not show.
    doc.drawContents(painter, clip)
    painter.setClipRect(clip)
    for pos, chart, height in report.charts:
        rect = _chart_rect(doc, pos, height, body.width())
        if rect.intersects(clip):
            paint_chart(painter, rect, chart, dpi)
    painter.restore()

    muted = QColor(styles.colour("muted"))
    font = QFont()
    font.setFamilies(styles.FONT_FAMILIES)
    font.setPointSizeF(styles.size_pt("note-size"))
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line_h = metrics.height()
    width = body.width()
    # Header: report title on the left, date on the right, a rule below.
    date_w = metrics.horizontalAdvance(data.date) + _pt(dpi, 8)
    title = metrics.elidedText(data.title, Qt.TextElideMode.ElideRight, width - date_w)
    top = 0.0
    painter.setPen(muted)
    painter.drawText(QRectF(0, top, width - date_w, line_h), Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(
        QRectF(width - date_w, top, date_w, line_h), Qt.AlignmentFlag.AlignRight, data.date
    )
    rule_y = top + line_h + _pt(dpi, 3)
    painter.setPen(QPen(QColor(styles.colour("rule")), _pt(dpi, 0.6)))
    painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
    # Footer: a rule, "FrameLens" on the left and the page number on the right.
    foot_y = body.bottom() + _pt(dpi, 8)
    painter.drawLine(QPointF(0, foot_y), QPointF(width, foot_y))
    painter.setPen(muted)
    text_y = foot_y + _pt(dpi, 3)
    painter.drawText(QRectF(0, text_y, width / 2, line_h), Qt.AlignmentFlag.AlignLeft, "FrameLens")
    painter.drawText(
        QRectF(width / 2, text_y, width / 2, line_h),
        Qt.AlignmentFlag.AlignRight,
        f"Page {page} of {count}",
    )
    painter.restore()


def write_pdf(data: ReportData, path: str, *, paper: str = "a4", landscape: bool = False) -> int:
    """Write the report as a PDF file; return its page count.

    Raises :class:`analysis.errors.ReportError` when the file cannot be written.
    """
    from pathlib import Path

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from analysis.errors import ReportError
    from analysis.safeio import encodable, printable, write_atomically

    target = Path(path)
    if not target.parent.is_dir():
        raise ReportError(
            f"Cannot write {printable(target)}: the folder {printable(target.parent)} "
            "does not exist."
        )
    # QPdfWriter does not say when the disk is full: it leaves a truncated
    # file. So the PDF is made in memory and written by write_atomically,
    # which checks every byte and replaces an older report only when done.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    # The resolution of a high-resolution QPrinter, so the PDF is laid out
    # exactly as the print preview shows it (same line and page breaks).
    writer.setResolution(PRINT_DPI)
    writer.setTitle(encodable(data.title))
    writer.setCreator("FrameLens")
    writer.setPageLayout(page_layout(paper, landscape))
    try:
        pages = paint_pages(data, writer)
    finally:
        del writer  # QPdfWriter finishes the file when it is destroyed
    pdf = bytes(buffer.data().data())
    buffer.close()
    if not pdf.rstrip().endswith(b"%%EOF"):
        raise ReportError(f"Cannot write {printable(target)}: the PDF could not be made.")
    try:
        write_atomically(target, pdf)
    except OSError as exc:
        raise ReportError(f"Cannot write {printable(target)}: {exc.strerror or exc}.") from exc
    return pages
