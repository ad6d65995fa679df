"""Light and dark themes; by default FrameLens follows the system's colour scheme.

The Fusion style is used everywhere so the app looks the same on every
platform and its palette switches cleanly between light and dark. The
highlight colours (see :mod:`gui.widgets.highlighted_text`) are the
colour-blind-safe Okabe-Ito palette, drawn as translucent tints and
underlines, so they read on both backgrounds.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")


def _dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    base = {
        role.Window: "#26282b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1d1f21",
        role.AlternateBase: "#2b2d30",
        role.ToolTipBase: "#2f3236",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#9a9da1",  # 5.4:1 on the window, 6:1 on text areas
        role.Text: "#e6e6e6",
        role.Button: "#303236",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Link: "#56B4E9",
        role.Highlight: "#2f6fae",
        role.HighlightedText: "#ffffff",
        role.Light: "#3c3f44",
        role.Midlight: "#34373b",
        role.Mid: "#2a2c2f",
        role.Dark: "#151617",
        role.Shadow: "#000000",
    }
    for r, colour in base.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7c80"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in {
        role.Window: "#f3f3f4",
        role.WindowText: "#1e1f21",
        role.Base: "#ffffff",
        role.AlternateBase: "#f6f7f8",
        role.ToolTipBase: "#ffffe8",
        role.ToolTipText: "#1e1f21",
        role.Text: "#1e1f21",
        role.Button: "#ececed",
        role.ButtonText: "#1e1f21",
        role.Link: "#0072B2",
        role.Highlight: "#3478c6",
        role.HighlightedText: "#ffffff",
        role.PlaceholderText: "#686b6f",  # 4.8:1 on the window, 5.3:1 on text areas
    }.items():
        p.setColor(r, QColor(colour))
    return p


def system_is_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """``"light"`` or ``"dark"`` for a theme setting (``"system"`` asks the desktop)."""
    if theme == "system":
        return "dark" if system_is_dark() else "light"
    return theme if theme in ("light", "dark") else "light"


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` ("system", "light" or "dark") to ``app``; return "light" or "dark"."""
    app.setStyle("Fusion")
    effective = resolve(theme)
    app.setPalette(_dark_palette() if effective == "dark" else _light_palette())
    _repolish_style_sheets(app)
    log.debug("theme %s -> %s", theme, effective)
    return effective


def _repolish_style_sheets(app: QApplication) -> None:
    """Make widgets that carry a style sheet take up the new palette.

    Qt resolves a widget's style sheet against the palette in force when the
    sheet was set, and keeps those colours when the application's palette
    changes later: after a switch to dark, the articles panel's header, the
    legend's title and the notice text stayed dark on dark. Setting the sheet
    again resolves it against the new palette.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            if not widget.styleSheet():  # a widget may restyle itself on the change
                widget.setStyleSheet(sheet)


def is_dark(palette: QPalette) -> bool:
    """True when ``palette`` draws light text on a dark background."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
