"""Legend: a checkbox per category; unticking one hides it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.widgets.legend import Legend

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_toggling_a_category_emits_the_hidden_set(qtbot: QtBot) -> None:
    legend = Legend(hidden={"hedge"})
    qtbot.addWidget(legend)
    legend.show()
    qtbot.waitExposed(legend)
    assert "subjective" in legend.boxes and not legend.boxes["hedge"].isChecked()
    with qtbot.waitSignal(legend.hiddenChanged) as blocker:
        box = legend.boxes["label"]
        qtbot.mouseClick(
            box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + box.rect().center() / 4
        )
    assert blocker.args[0] == {"hedge", "label"}
    assert legend.boxes["label"].toolTip()  # the category's description
    legend.set_hidden(set())
    assert legend.hidden() == set()
