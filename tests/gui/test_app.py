"""The application entry: a clear message without a display, and the --screenshot mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.app import NO_DISPLAY_MESSAGE, has_display, run_app


def test_no_display_gives_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert not has_display()
    assert run_app([], demo=False, screenshot=None) == 1
    err = capsys.readouterr().err
    assert err == NO_DISPLAY_MESSAGE
    assert "QT_QPA_PLATFORM=offscreen" in err and "xvfb-run" in err


def run_python(code: str, tmp_path: Path, repo_dir: Path) -> None:
    """Run ``code`` in a fresh offscreen interpreter with its own settings folders."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FRAMELENS_NO_LOG_FILE="1",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=repo_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def test_screenshot_of_the_demo_is_a_real_picture(tmp_path: Path, repo_dir: Path) -> None:
    from PySide6.QtGui import QImage

    target = tmp_path / "shot.png"
    code = (
        "import sys; from gui.app import run_app; "
        f"sys.exit(run_app([], demo=True, screenshot={str(target)!r}))"
    )
    run_python(code, tmp_path, repo_dir)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 50  # text, highlights and bars, not a blank window
    assert not (tmp_path / "config").exists()  # the user's settings were not touched


@pytest.mark.parametrize("theme, dark", [("dark", True), ("light", False)])
def test_screenshot_takes_a_theme(tmp_path: Path, repo_dir: Path, theme: str, dark: bool) -> None:
    from PySide6.QtGui import QColor, QImage

    target = tmp_path / "shot.png"
    code = (
        "import sys; from gui.cli import main; "
        f"sys.exit(main(['--demo', '--theme', {theme!r}, '--screenshot', {str(target)!r}]))"
    )
    run_python(code, tmp_path, repo_dir)
    image = QImage(str(target))
    # The status bar's background, bottom left, is the window colour.
    window = QColor(image.pixel(5, image.height() - 3))
    assert (window.lightness() < 100) is dark
