"""The window turns away an article whose text is already open, as the loaders do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from tests.gui.core_fakes import drop, make_window, urls

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLES = resources_dir() / "samples"


def test_a_copy_dropped_later_is_skipped_until_its_original_is_removed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    original = SAMPLES / "meridian-wire.txt"
    copy = tmp_path / "wire-copy.txt"
    shutil.copy(original, copy)
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        drop(window.side.viewport(), urls(original))
    drop(window.side.viewport(), urls(copy))
    # Nothing new to show: the run ends with the notice alone.
    qtbot.waitUntil(
        lambda: any("duplicate" in n.text for n in window.notices.history), timeout=60000
    )
    assert window.model.keys() == [str(original)]
    notice = window.notices.history[-1]
    assert "1 duplicate article(s) recognised and skipped" in notice.text
    assert list(notice.details) == [f"{copy}: duplicate of {original} (same text); skipped."]
    # Once the original is gone, the copy is an article like any other.
    window.model.remove([str(original)])
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        drop(window.side.viewport(), urls(copy))
    assert window.model.keys() == [str(copy)]
