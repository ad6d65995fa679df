"""Tests for gui.dialogs.report_sections: picking sections, remembered in settings."""

from __future__ import annotations

import pytest

from analysis.report import SECTION_IDS


@pytest.fixture
def settings(tmp_path):
    from gui.settings import Settings

    return Settings(tmp_path / "settings.ini")


def test_all_sections_checked_the_first_time(qtbot, settings):
    from gui.dialogs.report_sections import ReportSectionsDialog

    dialog = ReportSectionsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.sections() == SECTION_IDS
    assert dialog.paper_size() == "a4" and not dialog.is_landscape()


def test_choice_is_remembered(qtbot, settings, tmp_path):
    from gui.dialogs.report_sections import ReportSectionsDialog
    from gui.settings import Settings

    dialog = ReportSectionsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.checks["charts"].setChecked(False)
    dialog.checks["quotes"].setChecked(False)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.landscape.setChecked(True)
    dialog.accept()
    settings.sync()

    again = ReportSectionsDialog(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert "charts" not in again.sections() and "quotes" not in again.sections()
    assert len(again.sections()) == len(SECTION_IDS) - 2
    assert again.paper_size() == "letter" and again.is_landscape()


def test_ok_needs_at_least_one_section(qtbot, settings):
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.dialogs.report_sections import ReportSectionsDialog

    dialog = ReportSectionsDialog(settings)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for check in dialog.checks.values():
        check.setChecked(False)
    assert not ok.isEnabled()
    dialog.checks["methodology"].setChecked(True)
    assert ok.isEnabled()
    assert dialog.sections() == ("methodology",)


def test_report_api_reads_the_remembered_sections(qtbot, settings, monkeypatch):
    import gui.settings
    from gui.report import api

    settings.report_sections = ["methodology", "articles"]
    monkeypatch.setattr(gui.settings, "Settings", lambda: settings)
    assert api.remembered_sections() == ("articles", "methodology")
