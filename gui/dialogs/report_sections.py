"""The dialog where the user picks a report's sections, paper and orientation.

The choice is remembered in gui.settings (``report_sections``,
``report_paper``, ``report_landscape``) and offered again next time; the
report API reads it back when it is given no sections.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from analysis.report import SECTION_IDS, SECTIONS
from gui.settings import Settings

#: One line under each section's check box.
SECTION_HINTS = {
    "articles": "outlet, title, author, date and source of every article",
    "summary": "per-outlet scores table",
    "charts": "subjectivity, loaded terms, frames and sources charts",
    "aligned": "statements several outlets report, with their differences marked",
    "excerpts": "each article's most loaded sentences, highlighted, with a legend",
    "distinctive": "the words each outlet uses more than the others",
    "labels": "how each outlet describes the people in the story",
    "quotes": "who is quoted, how much, with which verbs",
    "frames": "which frames each outlet evokes",
    "methodology": "how the scores are made and what they cannot tell",
}


class ReportSectionsDialog(QDialog):
    """Check boxes for the sections, paper size and orientation, remembered."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report contents")
        self._settings = settings if settings is not None else Settings()
        remembered = set(self._settings.report_sections) or set(SECTION_IDS)

        self.checks: dict[str, QCheckBox] = {}
        sections_box = QGroupBox("Sections")
        sections_layout = QVBoxLayout(sections_box)
        for sid, title in SECTIONS:
            check = QCheckBox(f"{title} — {SECTION_HINTS.get(sid, '')}")
            check.setObjectName(f"section_{sid}")
            check.setChecked(sid in remembered)
            check.toggled.connect(self._update_ok)
            sections_layout.addWidget(check)
            self.checks[sid] = check
        toggles = QHBoxLayout()
        all_button = QPushButton("Select all")
        all_button.clicked.connect(lambda: self._set_all(True))
        none_button = QPushButton("Clear")
        none_button.clicked.connect(lambda: self._set_all(False))
        toggles.addWidget(all_button)
        toggles.addWidget(none_button)
        toggles.addStretch(1)
        sections_layout.addLayout(toggles)

        page_box = QGroupBox("Page")
        form = QFormLayout(page_box)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(self._settings.report_paper), 0))
        form.addRow("Paper:", self.paper)
        self.portrait = QRadioButton("Portrait")
        self.landscape = QRadioButton("Landscape")
        group = QButtonGroup(self)
        group.addButton(self.portrait)
        group.addButton(self.landscape)
        (self.landscape if self._settings.report_landscape else self.portrait).setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.portrait)
        row.addWidget(self.landscape)
        row.addStretch(1)
        form.addRow("Orientation:", row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sections_box)
        layout.addWidget(page_box)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _set_all(self, checked: bool) -> None:
        for check in self.checks.values():
            check.setChecked(checked)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.sections()))

    def sections(self) -> tuple[str, ...]:
        """The checked section ids, in report order."""
        return tuple(sid for sid in SECTION_IDS if self.checks[sid].isChecked())

    def paper_size(self) -> str:
        return str(self.paper.currentData())

    def is_landscape(self) -> bool:
        return self.landscape.isChecked()

    def accept(self) -> None:
        """Remember the choice, then close."""
        self._settings.report_sections = list(self.sections())
        self._settings.report_paper = self.paper_size()
        self._settings.report_landscape = self.is_landscape()
        super().accept()


def ask_sections(parent: QWidget | None = None, settings: Settings | None = None) -> bool:
    """Show the dialog modally; True when the user confirmed (the choice is then saved).

    The report API picks the saved choice up by itself, so the File menu does::

        if ask_sections(window):
            api.preview_report(window, corpus, comparison)
    """
    dialog = ReportSectionsDialog(settings, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
