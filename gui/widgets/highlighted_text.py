"""Read-only article text with its highlights, each explaining itself on hover.

- Subjective words (TextBlob) are shaded: the stronger the word, the darker
  the shade.
- Loaded terms (the lexicon) get their category's colour as a tint and an
  underline whose *style* differs per category (solid, dash, dot, wave, ...),
  so the categories stay apart in grayscale print and for colour-blind
  readers. Categories come from ``resources/lexicons/categories.tsv``.
- Hovering a highlight shows the term, its category, the reason and
  TextBlob's subjectivity and polarity.
- Page furniture (bylines, photo credits, video blocks, ...; see
  :mod:`analysis.cleanup`) is greyed and italic; hovering it says what it is
  and that it counts in no score. The headline line is bold.
- A source's words (highlights inside a quotation) are set in italics with a
  lighter tint; vocabulary every outlet shares has a grey dotted underline.
- Right-click a highlight: "Not loaded here" or "Never mark this term";
  right-click a selection or a word: "Mark as loaded" with a category.  Each
  emits :attr:`HighlightedText.correctionRequested` with an
  :class:`analysis.corrections.Correction`; the window applies it.

Safety: article text is inserted as plain text with ``QTextCursor`` and
character formats, never through ``setHtml``; :meth:`loadResource` returns
nothing for every URL, so no view ever fetches a remote (or local) resource;
links are never followed. Tooltips escape the article text.
"""

from __future__ import annotations

import bisect
import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from analysis.categories import (
    SUBJECTIVE,
    SUBJECTIVE_CATEGORY,
    category,
    load_categories,
)
from analysis.corrections import Correction, highlight_key
from analysis.model import AnalyzedArticle, Furniture, Highlight
from analysis.tables import score_columns
from gui.highlight_format import char_format
from gui.theme import is_dark

log = logging.getLogger(__name__)


def furniture_tooltip(furniture: Furniture) -> str:
    """Rich-text tooltip for a span of page furniture."""
    reason = html.escape(furniture.reason) if furniture.reason else ""
    return (
        f"<p style='white-space:pre-wrap'><b>Page furniture</b> — {html.escape(furniture.kind)}"
        + (f"<br>{reason}" if reason else "")
        + "<br>Not part of the article: left out of every score and comparison.</p>"
    )


def highlight_tooltip(highlights: Sequence[Highlight]) -> str:
    """Rich-text tooltip explaining every highlight covering one place (text escaped)."""
    parts = []
    for h in highlights:
        c = category(h.category)
        title = f"<b>“{html.escape(h.text)}”</b> — {html.escape(c.label)}"
        lines = [title]
        if h.kind == "loaded" and h.term:
            lines.append(f"Lexicon term: <i>{html.escape(h.term)}</i>")
        if h.reason:
            lines.append(html.escape(h.reason))
        if h.subjectivity is not None or h.polarity is not None:
            subj = "–" if h.subjectivity is None else f"{h.subjectivity:.2f}"
            pol = "–" if h.polarity is None else f"{h.polarity:+.2f}"
            lines.append(f"TextBlob: subjectivity {subj}, polarity {pol}")
        else:
            lines.append("TextBlob: no score for these words")
        lines.append(
            f"Strength {h.weight:.2f} of 1: how strongly FrameLens rates these words as "
            "loaded or subjective here (lexicon, TextBlob and context together); "
            "agreement with experts is measured on highlights of 0.5 and more"
        )
        if h.kind == "loaded":
            lines.append(
                "Shared vocabulary: not counted in any outlet's rate"
                if h.shared
                else "In a quotation: counted apart from the outlet's own words"
                if h.voice == "quoted"
                else "In the outlet's own voice"
            )
        parts.append("<br>".join(lines))
    return "<p style='white-space:pre-wrap'>" + "<hr>".join(parts) + "</p>"


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _OffsetMap:
    """Python string index → QTextDocument position (UTF-16 code units)."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_doc(self, index: int) -> int:
        return index + bisect.bisect_left(self.astral, index) if self.astral else index

    def to_text(self, position: int) -> int:
        if not self.astral:
            return position
        # Each astral character before the index adds one extra document position.
        lo, hi = 0, position
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_doc(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo


@dataclass
class _Placed:
    """One article placed in the document."""

    index: int  # the article's index in the corpus shown
    analyzed: AnalyzedArticle
    base: int  # document position of the first character of the text
    length: int  # document length of the text
    offsets: _OffsetMap
    starts: list[int]  # highlight starts (text offsets), sorted, for hit testing
    highlights: list[Highlight]  # parallel to starts


class HighlightedText(QTextBrowser):
    """A column of one or more articles, stacked, with highlights and tooltips."""

    #: (article index, sentence index) when the caret moves into a sentence.
    sentenceSelected = Signal(int, int)
    #: A correction the reader asked for from the context menu (a Correction).
    correctionRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # drops go to the view that holds the columns
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        self.placed: list[_Placed] = []
        self.hidden: set[str] = set()
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0
        self._selected: tuple[int, int] | None = None
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(120)
        self._select_timer.timeout.connect(self._emit_sentence)
        self.cursorPositionChanged.connect(self._select_timer.start)

    # -- safety -------------------------------------------------------------
    def loadResource(self, type_: int, url: QUrl | str) -> object:  # noqa: N802 - Qt API
        """Never load anything: article text must not fetch images, styles or pages."""
        log.debug("blocked a resource request for %s", url)
        return None

    # -- content ------------------------------------------------------------
    def clear_articles(self) -> None:
        self.placed = []
        self._selected = None
        self.setExtraSelections([])
        self.clear()

    def set_articles(self, items: Iterable[tuple[int, AnalyzedArticle]]) -> None:
        """Show these articles, stacked, replacing what was shown."""
        self.clear_articles()
        for index, analyzed in items:
            self.append_article(index, analyzed)

    def append_article(self, index: int, analyzed: AnalyzedArticle) -> None:
        """Add one article below the others (cheap enough to call per event-loop turn).

        The view's own cursor and selection stay exactly where they were, and
        no ``sentenceSelected`` is sent. Left to Qt, a cursor at the end of the
        text moves with each article inserted there, so every article added
        selected its last sentence and the window's articles list jumped while
        the columns filled; and a cursor told to keep its position on insert
        keeps only its position: its anchor moves, so the whole column ends up
        selected. Text is only ever added at the end, so the offsets of the
        cursor before the insertion are still right after it.
        """
        before = self.textCursor()
        anchor, position = before.anchor(), before.position()
        was_blocked = self.blockSignals(True)
        try:
            self._insert_article(index, analyzed)
            after = self.textCursor()
            if (after.anchor(), after.position()) != (anchor, position):
                restored = QTextCursor(self.document())
                restored.setPosition(anchor)
                restored.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(restored)
        finally:
            self.blockSignals(was_blocked)

    def _insert_article(self, index: int, analyzed: AnalyzedArticle) -> None:
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        article = analyzed.article
        if self.placed:
            rule = QTextBlockFormat()
            rule.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
            rule.setTopMargin(10)
            rule.setBottomMargin(14)
            cursor.insertBlock(rule, QTextCharFormat())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        title_fmt = QTextCharFormat()
        title_fmt.setFontWeight(QFont.Weight.Bold)
        title_fmt.setFontPointSize(self._point_size() * 1.3)
        # An article without a headline is called by its opening words: set in
        # italics, so they do not pass for a headline the outlet wrote.
        title_fmt.setFontItalic(not article.title)
        cursor.insertText(article.display_title, title_fmt)
        meta = [x for x in (article.author, article.date) if x]
        meta.append(f"{analyzed.words} words")
        own = score_columns([analyzed], ())  # the outlet's own voice, as everywhere
        meta.append(f"subjectivity {own['subjectivity']:.2f}")
        meta.append(f"{analyzed.loaded_per_1000:.1f} loaded terms / 1,000 own words")
        if article.furniture:
            n = len(article.furniture)
            meta.append(f"{n} piece{'s' if n != 1 else ''} of page furniture greyed, not scored")
        meta_fmt = QTextCharFormat()
        meta_fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        meta_fmt.setFontPointSize(self._point_size() * 0.9)
        block = QTextBlockFormat()
        block.setBottomMargin(8)
        cursor.insertBlock(block, meta_fmt)
        cursor.insertText(" · ".join(meta), meta_fmt)
        for warning in article.warnings:
            cursor.insertBlock(QTextBlockFormat(), meta_fmt)
            cursor.insertText("⚠ " + warning, meta_fmt)
        body = QTextBlockFormat()
        body.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.insertBlock(body, QTextCharFormat())
        base = cursor.position()
        offsets = _OffsetMap(article.text)
        highlights = sorted(analyzed.highlights, key=lambda h: (h.start, h.end))
        self._insert_formatted(cursor, article.text, highlights, article.furniture)
        placed = _Placed(
            index=index,
            analyzed=analyzed,
            base=base,
            length=cursor.position() - base,
            offsets=offsets,
            starts=[h.start for h in highlights],
            highlights=highlights,
        )
        self.placed.append(placed)
        self._bold_headline(QTextCursor(doc), placed)
        cursor.endEditBlock()

    def _furniture_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        fmt.setFontItalic(True)
        return fmt

    def _insert_formatted(
        self,
        cursor: QTextCursor,
        text: str,
        highlights: Sequence[Highlight],
        furniture: Sequence[Furniture] = (),
    ) -> None:
        """Insert ``text`` run by run, each run with the formats of the highlights over it.

        One pass of ``insertText`` calls is much cheaper than inserting the
        text and then re-formatting each highlight, which re-lays out the
        paragraph every time (it matters when hundreds of articles are shown).
        Page furniture is inserted greyed (no highlight ever covers it).
        """
        dark = is_dark(self.palette())
        shown = [h for h in highlights if self._shown(h)]
        cuts = sorted(
            {
                0,
                len(text),
                *(h.start for h in shown),
                *(h.end for h in shown),
                *(f.start for f in furniture),
                *(f.end for f in furniture),
            }
        )
        plain = QTextCharFormat()
        greyed = self._furniture_format()
        furniture_starts = [f.start for f in furniture]
        cache: dict[tuple[int, ...], QTextCharFormat] = {}
        active: list[int] = []
        next_h = 0
        for a, b in zip(cuts, cuts[1:], strict=False):
            while next_h < len(shown) and shown[next_h].start <= a:
                active.append(next_h)
                next_h += 1
            active = [i for i in active if shown[i].end > a]
            if not active:
                k = bisect.bisect_right(furniture_starts, a) - 1
                inside = k >= 0 and a < furniture[k].end
                cursor.insertText(text[a:b], greyed if inside else plain)
                continue
            key = tuple(active)
            fmt = cache.get(key)
            if fmt is None:
                fmt = QTextCharFormat()
                # Subjective shading first, so a loaded term inside it keeps its own look.
                for i in sorted(active, key=lambda i: shown[i].kind != "subjective"):
                    fmt.merge(_format_for(shown[i], dark))
                cache[key] = fmt
            cursor.insertText(text[a:b], fmt)

    def _shown(self, h: Highlight) -> bool:
        if h.kind == "subjective":
            return SUBJECTIVE not in self.hidden
        return h.category not in self.hidden

    def _point_size(self) -> float:
        return max(6.0, self._base_point_size + self._zoom)

    def _bold_headline(self, cursor: QTextCursor, placed: _Placed) -> None:
        span = placed.analyzed.article.headline
        if span is None:
            return
        cursor.setPosition(placed.base + placed.offsets.to_doc(span[0]))
        cursor.setPosition(
            placed.base + placed.offsets.to_doc(span[1]), QTextCursor.MoveMode.KeepAnchor
        )
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(bold)

    def _format(self, cursor: QTextCursor, placed: _Placed) -> None:
        dark = is_dark(self.palette())
        self._bold_headline(cursor, placed)
        greyed = self._furniture_format()
        for f in placed.analyzed.article.furniture:
            cursor.setPosition(placed.base + placed.offsets.to_doc(f.start))
            cursor.setPosition(
                placed.base + placed.offsets.to_doc(f.end), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(greyed)
        # Subjective shading first, so a loaded term inside it keeps its own look.
        ordered = sorted(placed.highlights, key=lambda h: h.kind != "subjective")
        for h in ordered:
            if h.category in self.hidden or (h.kind == "subjective" and SUBJECTIVE in self.hidden):
                continue
            fmt = _format_for(h, dark)
            cursor.setPosition(placed.base + placed.offsets.to_doc(h.start))
            cursor.setPosition(
                placed.base + placed.offsets.to_doc(h.end), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(fmt)

    def set_hidden_categories(self, hidden: Iterable[str]) -> None:
        """Switch highlight categories off (and the others on)."""
        hidden = set(hidden)
        if hidden == self.hidden:
            return
        self.hidden = hidden
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        plain.setBackground(Qt.GlobalColor.transparent)
        plain.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        plain.setFontUnderline(False)
        for placed in self.placed:
            cursor.setPosition(placed.base)
            cursor.setPosition(placed.base + placed.length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(plain)
            self._format(cursor, placed)
        cursor.endEditBlock()

    def set_zoom(self, steps: int) -> None:
        """Make the text ``steps`` points larger (negative: smaller) than the default."""
        delta = steps - self._zoom
        if delta:
            self._zoom = steps
            self.zoomIn(delta)

    # -- hit testing --------------------------------------------------------
    def locate(self, position: int) -> tuple[_Placed, int] | None:
        """The article at document ``position`` and the text offset in it."""
        bases = [p.base for p in self.placed]
        i = bisect.bisect_right(bases, position) - 1
        if i < 0:
            return None
        placed = self.placed[i]
        if position > placed.base + placed.length:
            return None
        return placed, placed.offsets.to_text(position - placed.base)

    def highlights_at(self, position: int) -> list[Highlight]:
        """The highlights (shown ones only) covering document ``position``."""
        found = self.locate(position)
        if found is None:
            return []
        placed, offset = found
        stop = bisect.bisect_right(placed.starts, offset)
        return [
            h
            for h in placed.highlights[:stop]
            if h.start <= offset < h.end
            and h.category not in self.hidden
            and not (h.kind == "subjective" and SUBJECTIVE in self.hidden)
        ]

    def furniture_at(self, position: int) -> Furniture | None:
        """The page furniture at document ``position``, if any."""
        found = self.locate(position)
        if found is None:
            return None
        placed, offset = found
        for f in placed.analyzed.article.furniture:
            if f.start <= offset < f.end:
                return f
        return None

    # -- corrections --------------------------------------------------------
    def correction_actions(
        self, position: int, selection: tuple[int, int] | None = None
    ) -> list[tuple[str, Correction]]:
        """The corrections the context menu offers at document ``position``
        (``selection``: document positions of the selected text), as (label, correction)."""
        offered: list[tuple[str, Correction]] = []
        hits = self.highlights_at(position)
        found = self.locate(position)
        if found is None:
            return offered
        placed = found[0]
        loaded = [h for h in hits if h.kind == "loaded"]
        for h in loaded or hits[:1]:
            key = highlight_key(h)
            what = "loaded" if h.kind == "loaded" else "subjective"
            offered.append(
                (
                    f"Not {what} here: “{h.text}”",
                    Correction(
                        "not_here",
                        key,
                        path=placed.analyzed.article.path,
                        start=h.start,
                        end=h.end,
                        kind_of=h.kind,
                    ),
                )
            )
            offered.append((f"Never mark “{key}”", Correction("never", key)))
        words = self._words_for_mark(placed, position, selection)
        if words:
            for c in load_categories():
                if c.id == "scare_quote":
                    continue
                offered.append(
                    (f"Mark “{words}” as loaded: {c.label}", Correction("mark", words, c.id))
                )
        return offered

    def _words_for_mark(
        self, placed: _Placed, position: int, selection: tuple[int, int] | None
    ) -> str:
        text = placed.analyzed.article.text
        if selection is not None and selection[1] > selection[0]:
            start = placed.offsets.to_text(max(selection[0], placed.base) - placed.base)
            end = placed.offsets.to_text(
                min(selection[1], placed.base + placed.length) - placed.base
            )
        else:
            offset = placed.offsets.to_text(position - placed.base)
            start = end = offset
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
        words = " ".join(re.findall(r"[^\W_]+", text[start:end].lower()))
        return words if 0 < len(words.split()) <= 6 else ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        menu = self.createStandardContextMenu(event.pos())
        position = self.cursorForPosition(event.pos()).position()
        cursor = self.textCursor()
        selection = None
        if cursor.hasSelection():
            selection = (cursor.selectionStart(), cursor.selectionEnd())
        offered = self.correction_actions(position, selection)
        if offered:
            menu.addSeparator()
            marks = None
            for label, correction in offered:
                target = menu
                if correction.kind == "mark":
                    if marks is None:
                        marks = menu.addMenu(self.tr("Mark as loaded"))
                    target = marks
                    label = label.rsplit(": ", 1)[-1]
                action = target.addAction(label)
                action.triggered.connect(
                    lambda _=False, c=correction: self.correctionRequested.emit(c)
                )
        menu.popup(event.globalPos())

    def tooltip_at(self, position: int) -> str:
        """The tooltip for document ``position`` ("" where nothing is highlighted)."""
        hits = self.highlights_at(position)
        if hits:
            return highlight_tooltip(hits)
        furniture = self.furniture_at(position)
        return furniture_tooltip(furniture) if furniture is not None else ""

    def document_position(self, article_index: int, text_offset: int) -> int:
        """Document position of ``text_offset`` in the article ``article_index``."""
        for placed in self.placed:
            if placed.index == article_index:
                return placed.base + placed.offsets.to_doc(text_offset)
        raise KeyError(article_index)

    def sentence_at(self, position: int) -> tuple[int, int] | None:
        """(article index, sentence index) at document ``position``."""
        found = self.locate(position)
        if found is None:
            return None
        placed, offset = found
        sentences = placed.analyzed.sentences
        starts = [s.start for s in sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= sentences[i].end:
            return placed.index, i
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            viewport_pos = self.viewport().mapFrom(self, event.pos())
            position = self.cursorForPosition(viewport_pos).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- sentences ----------------------------------------------------------
    def _emit_sentence(self) -> None:
        where = self.sentence_at(self.textCursor().position())
        if where is not None and where != self._selected:
            self.select_sentence(*where, scroll=False)
            self.sentenceSelected.emit(*where)

    def select_sentence(self, article_index: int, sentence: int, *, scroll: bool = True) -> None:
        """Mark a sentence (and scroll to it)."""
        for placed in self.placed:
            if placed.index != article_index:
                continue
            s = placed.analyzed.sentences[sentence]
            cursor = QTextCursor(self.document())
            cursor.setPosition(placed.base + placed.offsets.to_doc(s.start))
            cursor.setPosition(
                placed.base + placed.offsets.to_doc(s.end), QTextCursor.MoveMode.KeepAnchor
            )
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(45)
            selection.format.setBackground(colour)
            self.setExtraSelections([selection])
            self._selected = (article_index, sentence)
            if scroll:
                start = QTextCursor(self.document())
                start.setPosition(cursor.selectionStart())
                rect = self.cursorRect(start)
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)
            return

    def sentence_geometry(self) -> list[tuple[float, float, int, int]]:
        """Per visible sentence: (top, bottom) in the document, placed index, sentence index.

        Only the sentences in the viewport are measured, so painting stays
        cheap however long the column is (measuring forces text layout).
        """
        viewport = self.viewport()
        first = self.cursorForPosition(viewport.rect().topLeft()).position()
        last = self.cursorForPosition(viewport.rect().bottomRight()).position()
        doc = self.document()
        layout = doc.documentLayout()
        result: list[tuple[float, float, int, int]] = []
        for pi, placed in enumerate(self.placed):
            if placed.base + placed.length < first:
                continue
            if placed.base > last:
                break
            for si, s in enumerate(placed.analyzed.sentences):
                start = placed.base + placed.offsets.to_doc(s.start)
                end = placed.base + placed.offsets.to_doc(max(s.start, s.end - 1))
                if end < first:
                    continue
                if start > last:
                    break
                top = _y_of(doc, layout, start, False)
                bottom = _y_of(doc, layout, end, True)
                if top is None or bottom is None:
                    continue
                result.append((top, max(bottom, top + 2), pi, si))
        return result

    def content_offset(self) -> int:
        """Vertical scroll offset of the document in the viewport."""
        return self.verticalScrollBar().value()


def _y_of(doc: object, layout: object, position: int, bottom: bool) -> float | None:
    block = doc.findBlock(position)  # type: ignore[attr-defined]
    if not block.isValid():
        return None
    rect = layout.blockBoundingRect(block)  # type: ignore[attr-defined]
    text_layout = block.layout()
    line = text_layout.lineForTextPosition(position - block.position())
    if not line.isValid():
        return float(rect.top() + (rect.height() if bottom else 0))
    return float(rect.top() + line.y() + (line.height() if bottom else 0))


def _format_for(h: Highlight, dark: bool) -> QTextCharFormat:
    return char_format(
        SUBJECTIVE_CATEGORY if h.kind == "subjective" else category(h.category),
        strength=h.weight,
        dark=dark,
        quoted=h.voice == "quoted",
        shared=h.shared and h.kind != "subjective",
    )
