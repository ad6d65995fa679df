"""Every FrameLens setting, declared once with its type and default.

Nothing else in FrameLens calls ``QSettings`` directly. The app reads and
writes settings through a :class:`Settings` object::

    settings = Settings()              # the platform's settings store
    settings = Settings(path)          # an INI file (tests use a temporary one)
    settings.zoom                      # -> int
    settings.zoom = 2

Values are stored as JSON text, so lists, booleans and numbers come back
with the declared type on every platform (QSettings' own conversions differ
between the INI, registry and plist back ends). Window geometry and state are
bytes, stored base64-encoded.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

ORGANIZATION = "FrameLens"
APPLICATION = "FrameLens"
MAX_RECENT = 10


class Setting(Generic[T]):
    """A descriptor for one setting: key, type and default."""

    def __init__(self, key: str, type_: type, default: T, doc: str = "") -> None:
        self.key = key
        self.type = type_
        self.default = default
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Settings | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return obj._read(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj._write(self, value)


class Settings:
    """Typed access to FrameLens's settings (see the declarations below)."""

    first_run_done = Setting("app/first_run_done", bool, False, "The first-start offer was shown.")
    confirm_close = Setting(
        "app/confirm_close", bool, True, "Ask to save unsaved work when the window closes."
    )
    geometry = Setting("window/geometry", bytes, b"", "Main window geometry.")
    window_state = Setting("window/state", bytes, b"", "Toolbars and docks.")
    splitter = Setting("window/splitter", bytes, b"", "Articles panel / views splitter.")
    side_splitter = Setting(
        "window/side_splitter", bytes, b"", "Columns / 'same fact elsewhere' splitter."
    )
    current_tab = Setting("window/tab", int, 0, "Side by side, aligned statements or dashboard.")
    theme = Setting("view/theme", str, "system", "'system', 'light' or 'dark'.")
    zoom = Setting("view/zoom", int, 0, "Text zoom in steps of one point, -6..+12.")
    hidden_categories: Setting[list[str]] = Setting(
        "view/hidden_categories", list, [], "Highlight categories switched off in the legend."
    )
    sync_scroll = Setting("view/sync_scroll", bool, True, "Scroll the outlet columns together.")
    recent_files: Setting[list[str]] = Setting(
        "recent/files", list, [], "Recently opened articles and folders."
    )
    recent_sessions: Setting[list[str]] = Setting(
        "recent/sessions", list, [], "Recently opened sessions."
    )
    last_dir = Setting("recent/last_dir", str, "", "Folder of the last file dialog.")
    embed_text = Setting(
        "session/embed_text", bool, True, "Sessions carry each file's text, so they travel."
    )
    report_sections: Setting[list[str]] = Setting(
        "report/sections",
        list,
        [],
        "Report section ids picked in the sections dialog ([] = all; see analysis.report).",
    )
    report_paper = Setting("report/paper", str, "a4", "Report paper size: 'a4' or 'letter'.")
    report_landscape = Setting("report/landscape", bool, False, "Print reports in landscape.")
    report_concordance: Setting[list[str]] = Setting(
        "report/concordance",
        list,
        [],
        "Concordance patterns the report shows (the Concordance tab's Add to report).",
    )

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(os.fspath(path), QSettings.Format.IniFormat)

    @classmethod
    def declared(cls) -> dict[str, Setting[Any]]:
        """Every declared setting by attribute name."""
        return {k: v for k, v in vars(cls).items() if isinstance(v, Setting)}

    @property
    def is_new(self) -> bool:
        """True when nothing has been stored yet (the very first start)."""
        return not self._qs.allKeys()

    def file_name(self) -> str:
        """Where the settings live (a file path, or a registry key on Windows)."""
        return self._qs.fileName()

    def sync(self) -> None:
        """Write pending changes to storage now."""
        self._qs.sync()

    def _read(self, setting: Setting[Any]) -> Any:
        raw = self._qs.value(setting.key)
        if raw is None:
            return _copy(setting.default)
        try:
            if setting.type is bytes:
                return base64.b64decode(str(raw).encode("ascii"))
            value = json.loads(str(raw))
        except ValueError:
            log.warning("setting %s has an unreadable value; using the default", setting.key)
            return _copy(setting.default)
        if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, setting.type) or (setting.type is int and isinstance(value, bool)):
            log.warning("setting %s has the wrong type; using the default", setting.key)
            return _copy(setting.default)
        return value

    def _write(self, setting: Setting[Any], value: Any) -> None:
        if setting.type is bytes:
            stored = base64.b64encode(bytes(value)).decode("ascii")
        else:
            if not isinstance(value, setting.type):
                raise TypeError(f"setting {setting.name} needs {setting.type.__name__}")
            stored = json.dumps(value)
        self._qs.setValue(setting.key, stored)

    def add_recent(self, name: str, path: str) -> list[str]:
        """Put ``path`` first in the recent list ``name`` ("recent_files"/"recent_sessions")."""
        items = [p for p in getattr(self, name) if p != path]
        items.insert(0, path)
        items = items[:MAX_RECENT]
        setattr(self, name, items)
        return items


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
