"""Issue 24, item 5: a session opens after its folder moved, or on a machine without the files.

A session stores each file's path relative to itself and (by default) the
article's text. Opened elsewhere it finds the files by the relative path,
else uses the embedded text, else offers to locate them (one folder relinks
all) and never opens empty with "could not be loaded; the others were".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from analysis.resources import resources_dir
from gui.mainwindow import MainWindow
from tests.gui.core_fakes import make_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLES = resources_dir() / "samples"
NAMES = ("meridian-wire.txt", "daily-clarion.txt")


def load(window: MainWindow, qtbot: QtBot, action: object) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=120_000):
        action()  # type: ignore[operator]


def _save_in(folder: Path, qtbot: QtBot, tmp_path: Path, *, embed: bool = True) -> list[str]:
    (folder / "articles").mkdir(parents=True)
    for name in NAMES:
        shutil.copy(SAMPLES / name, folder / "articles" / name)
    window = make_window(qtbot, tmp_path / "first")
    window.settings.embed_text = embed
    load(window, qtbot, lambda: window.add_paths([str(folder / "articles")]))
    outlets = window.model.outlets()
    window.model.rename_outlet(outlets[0], "Renamed Outlet")
    assert window.sessions.save_to(folder / "work.framelens")
    return sorted(window.model.outlets())


def _warnings(window: MainWindow) -> list[str]:
    return [n.text for n in window.notices.history if n.level != "info"]


def test_a_session_opens_after_its_folder_moved(qtbot: QtBot, tmp_path: Path) -> None:
    outlets = _save_in(tmp_path / "before", qtbot, tmp_path)
    (tmp_path / "before").rename(tmp_path / "after")
    window = make_window(qtbot, tmp_path / "second")
    load(window, qtbot, lambda: window.sessions.open(tmp_path / "after" / "work.framelens"))
    assert sorted(window.model.keys()) == sorted(
        str(tmp_path / "after" / "articles" / n) for n in NAMES
    )
    assert sorted(window.model.outlets()) == outlets and "Renamed Outlet" in outlets
    assert _warnings(window) == []


def test_a_session_opens_without_its_files_from_the_embedded_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    outlets = _save_in(tmp_path / "here", qtbot, tmp_path)
    shutil.rmtree(tmp_path / "here" / "articles")  # "another machine": only the session
    window = make_window(qtbot, tmp_path / "second")
    load(window, qtbot, lambda: window.sessions.open(tmp_path / "here" / "work.framelens"))
    assert len(window.model) == 2
    assert sorted(window.model.outlets()) == outlets
    texts = [window.model.article(k).article.text for k in window.model.keys()]  # noqa: SIM118 - a Qt model, not a dict
    assert all(len(t) > 500 for t in texts)
    assert _warnings(window) == []
    # Saved again, the text stays in the session (it still travels).
    window.sessions.save_to(tmp_path / "here" / "again.framelens")
    from analysis.session import load_session

    assert all(s.text for s in load_session(tmp_path / "here" / "again.framelens").sources)


def test_missing_files_without_text_are_offered_to_locate(qtbot: QtBot, tmp_path: Path) -> None:
    outlets = _save_in(tmp_path / "here", qtbot, tmp_path, embed=False)
    (tmp_path / "here" / "articles").rename(tmp_path / "elsewhere")
    window = make_window(qtbot, tmp_path / "second")
    window.sessions.open(tmp_path / "here" / "work.framelens")
    assert len(window.model) == 0
    warnings = _warnings(window)
    assert len(warnings) == 1 and "2 file(s) of this session were not found" in warnings[0]
    assert "the others were" not in warnings[0]
    assert window.notice_bar.action_labels() == ["Locate…"]
    # Saving meanwhile keeps the missing files in the session.
    assert len(window.sessions.current().sources) == 2
    load(window, qtbot, lambda: window.sessions.locate_missing(str(tmp_path / "elsewhere")))
    assert sorted(window.model.keys()) == sorted(str(tmp_path / "elsewhere" / n) for n in NAMES)
    assert sorted(window.model.outlets()) == outlets


def test_embedding_is_a_menu_choice_kept_in_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.session import load_session

    window = make_window(qtbot, tmp_path)
    assert window.act["embed"].isChecked() and window.settings.embed_text
    load(window, qtbot, lambda: window.add_paths([str(SAMPLES / NAMES[0])]))
    window.act["embed"].trigger()
    assert not window.settings.embed_text
    window.sessions.save_to(tmp_path / "plain.framelens")
    assert [s.text for s in load_session(tmp_path / "plain.framelens").sources] == [""]


def test_a_missing_lexicon_does_not_stop_the_session(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.session import Session, Source, save_session

    session = Session(
        sources=(Source(kind="text", key="<pasted 1>", text="The council met on Tuesday."),),
        lexicons=("/nowhere/gone.tsv",),
    )
    save_session(session, tmp_path / "s.framelens")
    window = make_window(qtbot, tmp_path / "w")
    load(window, qtbot, lambda: window.sessions.open(tmp_path / "s.framelens"))
    assert len(window.model) == 1
    assert any("lexicon file(s) of this session were not found" in w for w in _warnings(window))
    assert not [n for n in window.notices.history if n.level == "error"]
