"""The app's notice names the files of a folder that FrameLens skipped (issue 27 item 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.model import LoadFailure
from tests.gui.core_fakes import make_window


def test_skipped_files_are_named_in_an_info_notice(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    skipped = [LoadFailure("in/notes.xyz", "FrameLens does not read '.xyz' files; ...")]
    window._report_failures([], skipped)
    notice = window.notices.history[-1]
    assert notice.level == "info" and "1 file(s) in the folders skipped" in notice.text
    assert list(notice.details) == ["in/notes.xyz: FrameLens does not read '.xyz' files; ..."]


def test_failures_and_skipped_files_share_one_warning(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    failed = [LoadFailure("bad.pdf", "the PDF is encrypted.")]
    skipped = [LoadFailure("in/notes.xyz", "not read")]
    window._report_failures(failed, skipped)
    notice = window.notices.history[-1]
    assert notice.level == "warning"
    # No article is open, so the notice says none of the inputs loaded.
    assert "None of the 1 input(s) could be loaded" in notice.text and "skipped" in notice.text
    assert len(notice.details) == 2


def test_opening_a_folder_names_its_unread_files(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "outlet: Harbour Times\n\nThe mayor slammed the plan. Repairs start in May.\n",
        encoding="utf-8",
    )
    (folder / "notes.xyz").write_text("x", encoding="utf-8")
    with qtbot.waitSignal(window.analysisDone, timeout=120_000):
        window.add_paths([str(folder)])
    assert window.model.keys() == [str(folder / "a.txt")]
    notice = window.notices.history[-1]
    assert notice.level == "info" and "1 file(s) in the folders skipped" in notice.text
    assert [d.split(":")[0] for d in notice.details] == [str(folder / "notes.xyz")]
