"""The aligned-statements view: the same fact, side by side, one column per outlet.

The first row holds each outlet's headline. Each other row is an
:class:`~analysis.compare.results.AlignedGroup` (sentences of
different outlets that report one fact); words an outlet adds or words it
changes against the group's reference wording are highlighted, and what it
leaves out is listed under its sentence. Statements only one outlet carries
follow as "only in <outlet>" rows.

The match threshold is the user's: changing it emits :attr:`AlignedView.thresholdChanged`
(after a short pause, so dragging the slider does not start many jobs) and the
main window recomputes the comparison in a worker, then calls :meth:`set_data`.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from analysis.compare.align import DEFAULT_THRESHOLD

log = logging.getLogger(__name__)

#: The comparison's default threshold: one constant, analysis.compare.align.DEFAULT_THRESHOLD.
FALLBACK_THRESHOLD = DEFAULT_THRESHOLD
#: How long the threshold must stay still before thresholdChanged is emitted.
THRESHOLD_DELAY_MS = 350
#: Rows laid out at a time: QTextDocument tables cost about 3 ms a row, so a
#: big comparison is shown a page at a time ("Show more" at the bottom).
PAGE_ROWS = 80


def default_threshold() -> float:
    """The comparison's default match threshold."""
    try:
        from analysis.compare.align import DEFAULT_THRESHOLD
    except ImportError:  # the compare step is not installed: keep the documented default
        return FALLBACK_THRESHOLD
    return float(DEFAULT_THRESHOLD)


@dataclass(frozen=True)
class AlignedRow:
    """One row of the view, as plain data (what tests and the report can read).

    ``kind`` is ``"headline"`` for the row of headlines, ``"group"`` for a
    shared fact and ``"unique"`` for a statement only ``outlets[0]`` carries.
    ``cells`` maps outlet → the sentences shown in its column.
    """

    kind: str
    label: str
    cells: dict[str, tuple[str, ...]] = field(default_factory=dict)
    similarity: float | None = None
    #: ``(article, sentence)`` of the reference sentence (the group's core).
    ref: tuple[int, int] | None = None


def _mix(a: QColor, b: QColor, t: float) -> str:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    ).name()


class _Colours:
    """HTML colours derived from the widget palette (light and dark themes)."""

    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        base = palette.color(role.Base)
        text = palette.color(role.Text)
        dark = base.lightnessF() < 0.5
        self.text = text.name()
        self.base = base.name()
        self.muted = _mix(text, base, 0.45)
        self.rule = _mix(text, base, 0.8)
        self.header = _mix(text, base, 0.93)
        self.core = _mix(palette.color(role.Highlight), base, 0.85)
        # Okabe–Ito green and orange, toned to the background; underline styles
        # differ too (solid vs. italic) so a grayscale print keeps them apart.
        self.added = _mix(QColor("#009E73"), base, 0.55 if dark else 0.72)
        self.changed = _mix(QColor("#E69F00"), base, 0.5 if dark else 0.62)
        self.unique = _mix(QColor("#56B4E9"), base, 0.8 if dark else 0.88)


class AlignedView(QWidget):
    """One row per fact, one column per outlet; word differences highlighted."""

    #: The user settled on a new match threshold (0–1).
    thresholdChanged = Signal(float)
    #: The user asked to see a sentence in its article: (article index, sentence index).
    sentenceActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corpus: Any = None
        self._comparison: Any = None
        self._rows: list[AlignedRow] = []
        self._row_html: list[str] = []
        self._limit = PAGE_ROWS

        self._spin = QDoubleSpinBox()
        self._spin.setRange(0.10, 0.95)
        self._spin.setSingleStep(0.05)
        self._spin.setDecimals(2)
        self._spin.setAccessibleName("Match threshold")
        self._spin.setToolTip(
            "How similar two sentences must be (0–1) to count as the same fact.\n"
            "Lower finds more matches, including looser ones."
        )
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(10, 95)
        self._slider.setSingleStep(5)
        self._slider.setPageStep(10)
        self._slider.setFixedWidth(140)
        self._slider.setToolTip(self._spin.toolTip())
        self._slider.setAccessibleName("Match threshold slider")
        threshold_label = QLabel("&Match threshold:")
        threshold_label.setBuddy(self._spin)

        self._unique_box = QCheckBox("Show statements in one outlet &only")
        self._unique_box.setChecked(True)
        self._filter = QLineEdit()
        self._filter.setPlaceholderText("Filter statements…")
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName("Filter statements")
        self._filter.setMaximumWidth(260)

        self._summary = QLabel()
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._legend = QLabel()
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend.setWordWrap(True)

        self._browser = QTextBrowser()
        self._browser.setOpenLinks(False)
        self._browser.setOpenExternalLinks(False)
        self._browser.anchorClicked.connect(self._anchor_clicked)
        self._browser.setAccessibleName("Aligned statements")

        controls = QHBoxLayout()
        controls.addWidget(threshold_label)
        controls.addWidget(self._spin)
        controls.addWidget(self._slider)
        controls.addSpacing(16)
        controls.addWidget(self._unique_box)
        controls.addStretch(1)
        controls.addWidget(self._filter)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self._summary)
        layout.addWidget(self._legend)
        layout.addWidget(self._browser, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THRESHOLD_DELAY_MS)
        self._timer.timeout.connect(self._emit_threshold)
        self._last_emitted: float | None = None

        self._spin.valueChanged.connect(self._spin_changed)
        self._slider.valueChanged.connect(self._slider_changed)
        self._unique_box.toggled.connect(self._first_page)
        self._filter.textChanged.connect(self._first_page)
        self.set_threshold(default_threshold())
        self._rebuild()

    # -- public API ------------------------------------------------------
    def set_data(self, corpus: Any, comparison: Any) -> None:
        """Show ``comparison`` (of ``corpus``); ``None`` shows an empty view.

        The threshold control follows ``comparison.threshold`` without emitting
        :attr:`thresholdChanged`.
        """
        self._corpus = corpus
        self._comparison = comparison
        if comparison is not None:
            self.set_threshold(float(comparison.threshold))
        self._rows = self._make_rows()
        self._limit = PAGE_ROWS
        self._rebuild()

    def threshold(self) -> float:
        return round(self._spin.value(), 2)

    def set_threshold(self, value: float) -> None:
        """Move the control to ``value`` without emitting :attr:`thresholdChanged`."""
        with QSignalBlocker(self._spin), QSignalBlocker(self._slider):
            self._spin.setValue(value)
            self._slider.setValue(round(value * 100))
        self._timer.stop()
        self._last_emitted = self.threshold()

    def rows(self) -> list[AlignedRow]:
        """Every row (headlines, then groups, then unique statements), before filtering."""
        return list(self._rows)

    def visible_rows(self) -> list[AlignedRow]:
        """The rows that pass the filter and the "only" checkbox (all pages)."""
        return [row for row, _ in self._shown()]

    def shown_rows(self) -> int:
        """How many rows are laid out now (at most the pages shown so far)."""
        return min(self._limit, len(self._shown()))

    def show_more(self) -> None:
        """Lay out the next page of rows, keeping the scroll position."""
        bar = self._browser.verticalScrollBar()
        position = bar.value()
        self._limit += PAGE_ROWS
        self._rebuild()
        bar.setValue(position)

    def browser(self) -> QTextBrowser:
        """The text browser showing the table (for printing or tests)."""
        return self._browser

    # -- threshold -------------------------------------------------------
    def _spin_changed(self, value: float) -> None:
        with QSignalBlocker(self._slider):
            self._slider.setValue(round(value * 100))
        self._timer.start()

    def _slider_changed(self, value: int) -> None:
        with QSignalBlocker(self._spin):
            self._spin.setValue(value / 100)
        self._timer.start()

    def _emit_threshold(self) -> None:
        value = self.threshold()
        if value != self._last_emitted:
            self._last_emitted = value
            log.debug("threshold changed to %.2f", value)
            self.thresholdChanged.emit(value)

    # -- building --------------------------------------------------------
    def _outlets(self) -> list[str]:
        if self._comparison is None:
            return []
        return list(self._comparison.outlets)

    def _make_rows(self) -> list[AlignedRow]:
        comparison = self._comparison
        self._row_html = []
        if comparison is None:
            return []
        rows = []
        colours = _Colours(self.palette())
        if comparison.headlines:
            row, headline_html = self._headline_row(comparison.headlines, colours)
            rows.append(row)
            self._row_html.append(self._row_to_html(row, headline_html, colours))
        for number, group in enumerate(comparison.groups, start=1):
            cells: dict[str, list[str]] = {}
            html_cells: dict[str, list[str]] = {}
            for k, member in enumerate(group.members):
                outlet = group.outlets[k]
                cells.setdefault(outlet, []).append(member.text)
                html_cells.setdefault(outlet, []).append(self._member_html(group, k, colours))
            core = group.members[group.core]
            row = AlignedRow(
                "group",
                f"Fact {number}",
                {o: tuple(t) for o, t in cells.items()},
                float(group.similarity),
                (core.article, core.sentence),
            )
            rows.append(row)
            self._row_html.append(self._row_to_html(row, html_cells, colours))
        for statement in comparison.unique:
            row = AlignedRow(
                "unique",
                f"Only in {statement.outlet}",
                {statement.outlet: (statement.text,)},
                None,
                (statement.article, statement.sentence),
            )
            rows.append(row)
            cell = {statement.outlet: [html.escape(statement.text)]}
            self._row_html.append(self._row_to_html(row, cell, colours))
        return rows

    def _headline_row(
        self, headlines: Any, colours: _Colours
    ) -> tuple[AlignedRow, dict[str, list[str]]]:
        """The row of headlines: each in bold, with its subjectivity and loaded terms."""
        cells: dict[str, list[str]] = {}
        html_cells: dict[str, list[str]] = {}
        for h in headlines:
            cells.setdefault(h.outlet, []).append(h.text)
            body = f"<b>{html.escape(h.text)}</b>"
            note = self._headline_note(h)
            if note:
                body += f'<br><span style="color:{colours.muted}; font-size:small;">{note}</span>'
            html_cells.setdefault(h.outlet, []).append(body)
        row = AlignedRow("headline", "Headline", {o: tuple(t) for o, t in cells.items()})
        return row, html_cells

    @staticmethod
    def _headline_note(headline: Any) -> str:
        note = f"subjectivity {headline.subjectivity:.2f}"
        if headline.loaded:
            note += " · loaded: " + ", ".join(f"“{html.escape(t)}”" for t in headline.loaded)
        if headline.start is None:
            note += " · title given by the file"
        return note

    def _member_html(self, group: Any, k: int, colours: _Colours) -> str:
        member = group.members[k]
        text = self._article_text(member.article)
        # Without the article text (or if it does not match) the spans' own
        # words are joined with spaces: the gaps between runs are whitespace.
        source = (
            text if text is not None and text[member.start : member.end] == member.text else None
        )
        parts = []
        position = member.start
        for span in group.diff[k]:
            if source is not None and span.start > position:
                parts.append(html.escape(source[position : span.start]))
            elif source is None and parts:
                parts.append(" ")
            words = html.escape(span.text)
            if span.op == "added" and k != group.core:
                parts.append(
                    f'<span style="background-color:{colours.added}; text-decoration: underline;">'
                    f"{words}</span>"
                )
            elif span.op == "changed" and k != group.core:
                parts.append(
                    f'<span style="background-color:{colours.changed}; font-style: italic;">'
                    f"{words}</span>"
                )
            else:
                parts.append(words)
            position = span.end
        if source is not None and position < member.end:
            parts.append(html.escape(source[position : member.end]))
        if not group.diff[k]:
            parts = [html.escape(member.text)]
        body = "".join(parts)
        if k == group.core:
            body = (
                f'<span style="color:{colours.muted}; font-size:small;">'
                "reference wording</span><br>" + body
            )
        dropped = group.dropped[k] if k < len(group.dropped) else ()
        if dropped and k != group.core:
            left_out = " · ".join(f"“{html.escape(d)}”" for d in dropped)
            body += (
                f'<br><span style="color:{colours.muted}; font-size:small;">leaves out: '
                f"<s>{left_out}</s></span>"
            )
        return body

    def _article_text(self, article: int) -> str | None:
        corpus = self._corpus
        if corpus is None or not 0 <= article < len(corpus.articles):
            return None
        return str(corpus.articles[article].article.text)

    def _row_to_html(self, row: AlignedRow, cells: dict[str, list[str]], colours: _Colours) -> str:
        outlets = self._outlets()
        if row.kind == "headline":
            head = f"<b>{html.escape(row.label)}</b>"
        elif row.kind == "group":
            head = (
                f"<b>{html.escape(row.label)}</b><br>"
                f'<span style="color:{colours.muted}; font-size:small;">'
                f"{(row.similarity or 0) * 100:.0f}% alike</span>"
            )
        else:
            head = f'<span style="font-size:small;"><b>{html.escape(row.label)}</b></span>'
        if row.ref is not None:
            head += (
                f'<br><a href="sentence:{row.ref[0]}:{row.ref[1]}" '
                f'style="font-size:small;">show in article</a>'
            )
        tds = [f'<td width="11%" style="background-color:{colours.header};">{head}</td>']
        for outlet in outlets:
            content = cells.get(outlet)
            if content:
                style = ""
                if row.kind == "unique":
                    style = f' style="background-color:{colours.unique};"'
                tds.append(f"<td{style}>" + "<hr>".join(content) + "</td>")
            else:
                marker = {"group": "—", "headline": "no headline in the text"}.get(row.kind, "")
                tds.append(f'<td style="color:{colours.muted};" align="center">{marker}</td>')
        return "<tr>" + "".join(tds) + "</tr>"

    def _shown(self) -> list[tuple[AlignedRow, str]]:
        needle = self._filter.text().strip().casefold()
        shown = []
        for row, row_html in zip(self._rows, self._row_html, strict=True):
            if row.kind == "unique" and not self._unique_box.isChecked():
                continue
            if needle and not any(
                needle in text.casefold() for texts in row.cells.values() for text in texts
            ):
                continue
            shown.append((row, row_html))
        return shown

    def _rebuild(self) -> None:
        colours = _Colours(self.palette())
        self._legend.setText(
            f'<span style="background-color:{colours.added}; text-decoration: underline;">'
            "&nbsp;added words&nbsp;</span>&nbsp; words this outlet adds to the reference wording"
            f' &nbsp;&nbsp; <span style="background-color:{colours.changed}; font-style: italic;">'
            "&nbsp;changed words&nbsp;</span>&nbsp; words it puts differently"
            f' &nbsp;&nbsp; <span style="color:{colours.muted};"><s>left out</s></span>'
            "&nbsp; what it omits"
            f' &nbsp;&nbsp; <span style="background-color:{colours.unique};">'
            "&nbsp;only in…&nbsp;</span>"
            "&nbsp; no other outlet reports it"
        )
        comparison = self._comparison
        if comparison is None or not comparison.outlets:
            self._summary.setText("")
            self._browser.setHtml(
                f'<p style="color:{colours.muted};" align="center"><br><br>'
                "Open articles from two or more outlets to line up what each of them reports.</p>"
            )
            return
        groups = sum(1 for r in self._rows if r.kind == "group")
        unique = sum(1 for r in self._rows if r.kind == "unique")
        shown = self._shown()
        summary = (
            f"{groups} fact{'s' if groups != 1 else ''} reported by more than one outlet · "
            f"{unique} statement{'s' if unique != 1 else ''} in one outlet only"
        )
        if len(shown) != len(self._rows):
            summary += f" · {len(shown)} match"
        self._summary.setText(summary)
        outlets = self._outlets()
        width = max(10, 89 // max(1, len(outlets)))
        header = "".join(
            f'<th width="{width}%" align="left" style="background-color:{colours.header};">'
            f"{html.escape(o)}</th>"
            for o in outlets
        )
        body = "".join(row_html for _, row_html in shown[: self._limit])
        rest = len(shown) - self._limit
        if rest > 0:
            body += (
                f'<tr><td colspan="{len(outlets) + 1}" align="center">'
                f'<a href="more:">Show {min(rest, PAGE_ROWS)} more</a> '
                f'<span style="color:{colours.muted};">({rest} not shown yet)</span></td></tr>'
            )
        if not shown:
            body = (
                f'<tr><td colspan="{len(outlets) + 1}" align="center" '
                f'style="color:{colours.muted};">'
                "No statements match.</td></tr>"
            )
        self._browser.setHtml(
            f'<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            f'style="border-collapse: collapse; border-color:{colours.rule};">'
            f'<thead><tr><th width="11%" style="background-color:{colours.header};"></th>'
            f"{header}</tr></thead>"
            f"{body}</table>"
        )

    def _first_page(self) -> None:
        self._limit = PAGE_ROWS
        self._rebuild()

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == "more:":
            self.show_more()
            return
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "sentence":
            try:
                article, sentence = int(parts[1]), int(parts[2])
            except ValueError:
                return
            self.sentenceActivated.emit(article, sentence)

    def changeEvent(self, event: Any) -> None:
        # Rebuild the HTML when the theme changes: its colours come from the palette.
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self._comparison is not None:
            self._rows = self._make_rows()
            self._rebuild()
        super().changeEvent(event)
