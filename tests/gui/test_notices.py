"""Notices: posted to a hub tests can observe, shown non-modally in the notice bar."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.notices import NoticeBar, Notices

# Offscreen Qt says this whenever a top-level window is shown; it is harmless.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_notice_is_posted_and_shown_with_details_and_actions(qtbot: QtBot) -> None:
    hub = Notices()
    bar = NoticeBar(hub)
    qtbot.addWidget(bar)
    ran: list[str] = []
    with qtbot.waitSignal(hub.posted) as blocker:
        hub.warning(
            "2 files could not be loaded",
            details=["a.pdf: encrypted", "b.txt: empty"],
            actions=[("Retry", lambda: ran.append("retry"))],
        )
    notice = blocker.args[0]
    assert notice.level == "warning" and notice.details == ("a.pdf: encrypted", "b.txt: empty")
    assert hub.history == [notice]
    assert bar.isVisibleTo(bar.parentWidget() or bar) or not bar.isHidden()
    assert bar.current is notice and bar.action_labels() == ["Retry"]
    assert "b.txt: empty" in bar._details.toPlainText()
    bar.trigger("Retry")
    assert ran == ["retry"]
    assert bar.current is None and bar.isHidden()


def test_newest_notice_replaces_the_shown_one(qtbot: QtBot) -> None:
    hub = Notices()
    bar = NoticeBar(hub)
    qtbot.addWidget(bar)
    hub.info("first")
    hub.error("second")
    assert bar.current is not None and bar.current.text == "second"
    assert [n.text for n in hub.history] == ["first", "second"]


def test_names_in_notices_cannot_forge_or_disguise_lines(qtbot: QtBot) -> None:
    """Issue 27, item 10: control characters in a file name are shown as escapes."""
    import os

    notices = Notices()
    name = os.fsdecode(b"caf\xe9\nfake line\x1b[2J\xe2\x80\xaetxt.exe")
    notice = notices.warning(f"{name} could not be loaded.", details=[f"{name}: empty"])
    assert notice.text == "caf\\xe9\\nfake line\\x1b[2J\\u202etxt.exe could not be loaded."
    assert notice.details == ("caf\\xe9\\nfake line\\x1b[2J\\u202etxt.exe: empty",)
