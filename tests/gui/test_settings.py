"""Settings: declared once, typed, persisted in the file the tests choose."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.settings import MAX_RECENT, Settings


def test_defaults_and_types(tmp_path: Path) -> None:
    s = Settings(tmp_path / "s.ini")
    assert s.is_new
    for name, setting in Settings.declared().items():
        value = getattr(s, name)
        assert value == setting.default
        assert isinstance(value, setting.type)


def test_values_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings(path)
    s.zoom = 3
    s.theme = "dark"
    s.hidden_categories = ["hedge"]
    s.sync_scroll = False
    s.geometry = b"\x00\x01binary"
    s.sync()
    again = Settings(path)
    assert not again.is_new
    assert (again.zoom, again.theme, again.hidden_categories) == (3, "dark", ["hedge"])
    assert again.sync_scroll is False
    assert again.geometry == b"\x00\x01binary"
    assert again.file_name() == str(path)


def test_wrong_type_is_refused_and_bad_stored_value_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings(path)
    with pytest.raises(TypeError):
        s.zoom = "big"  # type: ignore[assignment]
    s._qs.setValue("view/zoom", "not json")
    s._qs.setValue("view/sync_scroll", "3")
    assert s.zoom == 0
    assert s.sync_scroll is True


def test_recent_list_is_most_recent_first_and_bounded(tmp_path: Path) -> None:
    s = Settings(tmp_path / "s.ini")
    for i in range(MAX_RECENT + 3):
        s.add_recent("recent_files", f"/f{i}")
    s.add_recent("recent_files", "/f5")
    files = s.recent_files
    assert files[0] == "/f5" and len(files) == MAX_RECENT and files.count("/f5") == 1
