""" "Same fact elsewhere": how the other outlets reported the selected sentence.

Uses the comparison's aligned groups (:mod:`analysis.compare`): when the user
selects a sentence in a column, this panel lists the sentences of the other
outlets that report the same fact, or says that no other outlet does.
Clicking one shows it in its column. Text is inserted as plain text; links
are our own ``sentence:A:S`` anchors and are never opened as URLs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget


class SameFactPanel(QTextBrowser):
    """Lists the other outlets' versions of the selected sentence."""

    #: (article index, sentence index) the user wants to see in its column.
    sentenceActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("How other outlets reported the selected sentence"))
        self.anchorClicked.connect(self._clicked)
        self.document().setDocumentMargin(10)
        self.corpus: Any = None
        self.comparison: Any = None
        self.current: tuple[int, int] | None = None
        self.show_hint()

    def loadResource(self, type_: int, url: QUrl | str) -> object:  # noqa: N802 - Qt API
        return None  # never fetch anything

    def set_data(self, corpus: Any, comparison: Any) -> None:
        self.corpus = corpus
        self.comparison = comparison
        if self.current is not None:
            self.show_sentence(*self.current)
        else:
            self.show_hint()

    def _write(self, parts: list[tuple[str, QTextCharFormat]]) -> None:
        self.clear()
        cursor = QTextCursor(self.document())
        for text, fmt in parts:
            cursor.insertText(text, fmt)

    def _formats(self) -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        muted = QTextCharFormat()
        muted.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        return bold, plain, muted

    def show_hint(self) -> None:
        _, _, muted = self._formats()
        self._write(
            [
                (
                    self.tr(
                        "Select a sentence in any column to see how the other outlets "
                        "reported the same fact."
                    ),
                    muted,
                )
            ]
        )

    def groups_for(self, article: int, sentence: int) -> list[Any]:
        if self.comparison is None:
            return []
        return [
            g
            for g in self.comparison.groups
            if any(m.article == article and m.sentence == sentence for m in g.members)
        ]

    def show_sentence(self, article: int, sentence: int) -> None:
        """Show the other outlets' versions of sentence ``sentence`` of article ``article``."""
        self.current = (article, sentence)
        bold, plain, muted = self._formats()
        if self.corpus is None or article >= len(self.corpus.articles):
            self.show_hint()
            return
        if self.comparison is None:
            self._write([(self.tr("Comparing the outlets…"), muted)])
            return
        own = self.corpus.articles[article].outlet
        groups = self.groups_for(article, sentence)
        if not groups:
            self._write(
                [
                    (self.tr("Only {} reports this statement").format(own), bold),
                    (
                        self.tr(
                            " — no sentence of another outlet is similar enough "
                            "(see the Aligned statements tab to change the threshold)."
                        ),
                        muted,
                    ),
                ]
            )
            return
        parts: list[tuple[str, QTextCharFormat]] = []
        for group in groups:
            parts.append(
                (
                    self.tr("Reported by {} outlets (similarity {:.2f})").format(
                        len(set(group.outlets)), group.similarity
                    ),
                    muted,
                )
            )
            for member, outlet in zip(group.members, group.outlets, strict=False):
                if member.article == article and member.sentence == sentence:
                    continue
                link = QTextCharFormat(bold)
                link.setAnchor(True)
                link.setAnchorHref(f"sentence:{member.article}:{member.sentence}")
                parts.append(("\n" + outlet + ": ", link))
                parts.append((member.text, plain))
            parts.append(("\n", plain))
        self._write(parts)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("sentence:"):
            _, a, s = text.split(":")
            self.sentenceActivated.emit(int(a), int(s))
