"""Tests for gui.window_commands: what the menus ask before the collaborators act."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from analysis.load import FILE_DIALOG_FILTER
from tests.gui.core_fakes import fake_analyze, make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_open_offers_the_readable_formats_then_every_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("An article about the wharf.", encoding="utf-8")
    asked: list[str] = []

    def answer(parent: Any, caption: str, start: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(article)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(answer))
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        window.act["open"].trigger()
    assert asked == [FILE_DIALOG_FILTER + ";;All files (*)"]
    assert asked[0].startswith("Articles (") and "*.docx" in asked[0]
    assert window.settings.last_dir == str(article.parent)
    assert window.model.keys() == [str(article)]


def test_report_without_articles_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    window.act["export_pdf"].trigger()
    assert "nothing to print or export" in window.notices.history[-1].text


def test_report_gets_the_window_settings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.report import api

    window = make_window(qtbot, tmp_path, analyze=fake_analyze())
    with qtbot.waitSignal(window.analysisDone, timeout=60000):
        window.add_text("A story to report.", outlet="Alpha")
    calls: list[tuple[Any, ...]] = []

    def export(target: Any, corpus: Any, comparison: Any, **kwargs: Any) -> None:
        calls.append((target, corpus, kwargs))

    monkeypatch.setattr(api, "export_html", export)
    window.act["export_html"].trigger()
    [(target, corpus, kwargs)] = calls
    assert target is window and corpus is window.corpus
    assert kwargs == {"settings": window.settings}
