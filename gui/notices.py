"""The one way FrameLens tells the user something went wrong (or needs a choice).

Code anywhere in the GUI posts a :class:`Notice` to a :class:`Notices` hub;
the main window shows the newest in a :class:`NoticeBar` above its views,
non-modally (no ``QMessageBox.exec()`` that stops the user). Tests observe
the hub: its ``posted`` signal and its ``history``.

A notice has a level, one line of text, optional details (e.g. one line per
file that failed to load, shown on request) and optional actions (buttons
such as "Restore" or "Open samples").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

Level = Literal["info", "warning", "error"]

_LEVEL_COLOURS = {  # (light background, dark background, accent)
    "info": ("#e8f1fb", "#1d3347", "#0072B2"),
    "warning": ("#fdf3e1", "#463617", "#E69F00"),
    "error": ("#fbe9e4", "#4a2219", "#D55E00"),
}


@dataclass(frozen=True)
class Notice:
    """One message for the user."""

    text: str
    level: Level = "info"
    details: tuple[str, ...] = ()
    #: (button label, callback) pairs; clicking one runs it and dismisses the notice.
    actions: tuple[tuple[str, Callable[[], object]], ...] = field(default=())


class Notices(QObject):
    """The hub notices are posted to; the notice bar and tests listen to it."""

    posted = Signal(object)  # Notice

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[Notice] = []

    def post(
        self,
        text: str,
        level: Level = "info",
        *,
        details: Sequence[str] = (),
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> Notice:
        """Show ``text`` to the user; return the notice.

        Text and details often name files: control characters (a newline in a
        name, escape sequences, bidirectional overrides) and undecodable bytes
        are shown as escapes, so a name cannot forge or disguise a line.
        """
        from analysis.safeio import printable

        notice = Notice(
            printable(text), level, tuple(printable(d) for d in details), tuple(actions)
        )
        self.history.append(notice)
        del self.history[:-200]  # bounded: a long session must not grow it forever
        getattr(log, "info" if level == "info" else "warning")("%s", text)
        self.posted.emit(notice)
        return notice

    def info(self, text: str, **kwargs: object) -> Notice:
        return self.post(text, "info", **kwargs)  # type: ignore[arg-type]

    def warning(self, text: str, **kwargs: object) -> Notice:
        return self.post(text, "warning", **kwargs)  # type: ignore[arg-type]

    def error(self, text: str, **kwargs: object) -> Notice:
        return self.post(text, "error", **kwargs)  # type: ignore[arg-type]


class NoticeBar(QWidget):
    """A dismissable strip showing the newest notice, with its details and actions."""

    def __init__(self, notices: Notices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAutoFillBackground(True)
        self.current: Notice | None = None
        self._pending = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 6, 6)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        self._icon = QLabel()
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self._icon)
        row.addWidget(self._label, 1)
        self._actions_box = QHBoxLayout()
        row.addLayout(self._actions_box)
        self._details_button = QPushButton(self.tr("Details"))
        self._details_button.setCheckable(True)
        self._details_button.toggled.connect(self._toggle_details)
        row.addWidget(self._details_button)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss (Esc)"))
        close.setAccessibleName(self.tr("Dismiss notice"))
        close.clicked.connect(self.dismiss)
        row.addWidget(close)
        outer.addLayout(row)
        self._details = QPlainTextEdit()
        self._details.setReadOnly(True)
        self._details.setMaximumHeight(140)
        self._details.hide()
        outer.addWidget(self._details)
        self._action_buttons: list[QPushButton] = []
        notices.posted.connect(self.show_notice)
        self.hide()

    def show_notice(self, notice: Notice) -> None:
        """Show ``notice`` (replacing the one shown)."""
        self.current = notice
        self._restyle()
        symbol = {"info": "ℹ", "warning": "⚠", "error": "⛔"}[notice.level]
        self._icon.setText(symbol)
        self._label.setText(notice.text)
        for button in self._action_buttons:
            button.deleteLater()
        self._action_buttons = []
        for label, callback in notice.actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, cb=callback: self._run(cb))
            self._actions_box.addWidget(button)
            self._action_buttons.append(button)
        self._details.setPlainText("\n".join(notice.details))
        self._details_button.setVisible(bool(notice.details))
        self._details_button.setChecked(False)
        self._details.hide()
        self.show()

    def _restyle(self) -> None:
        """Tint the bar for the current notice's level and the palette in force."""
        if self.current is None:
            return
        light, dark, accent = _LEVEL_COLOURS[self.current.level]
        app = QApplication.instance()
        window = (app.palette() if isinstance(app, QApplication) else self.palette()).color(
            QPalette.ColorRole.Window
        )
        sheet = (
            f"#noticeBar {{ background: {dark if window.lightness() < 128 else light};"
            f" border-left: 4px solid {accent}; }}"
        )
        if sheet != self.styleSheet():  # setting a sheet changes the palette again
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """A theme switch retints the bar, so its text stays readable."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def action_labels(self) -> list[str]:
        """Labels of the action buttons shown (for tests and accessibility)."""
        return [label for label, _ in self.current.actions] if self.current else []

    def trigger(self, label: str) -> None:
        """Run the action ``label`` of the current notice, as a click would."""
        if self.current is None:
            raise KeyError(label)
        for name, callback in self.current.actions:
            if name == label:
                self._run(callback)
                return
        raise KeyError(label)

    def _run(self, callback: Callable[[], object]) -> None:
        self.dismiss()
        callback()

    def _toggle_details(self, shown: bool) -> None:
        self._details.setVisible(shown)

    def dismiss(self) -> None:
        self.current = None
        self.hide()
