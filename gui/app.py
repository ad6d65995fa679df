"""Start the FrameLens window: ``run_app(files, demo=..., screenshot=...)``.

Only Qt and FrameLens's own light modules are imported here, so the window
appears quickly; the analysis libraries load in the worker when the first
articles arrive.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1400, 900)
#: The screenshot gives up (exit 1) when the analysis takes longer than this.
SCREENSHOT_TIMEOUT_MS = 180_000

NO_DISPLAY_MESSAGE = (
    "FrameLens needs a display to open its window, and none was found "
    "(neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
    "For headless use, run it with QT_QPA_PLATFORM=offscreen (for example with --screenshot), "
    "or run it under xvfb-run; the subcommands (framelens analyze, compare, report) "
    "need no display.\n"
)


def has_display() -> bool:
    """False on Linux/BSD when Qt would find no display to open a window on."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def configure_gc() -> None:
    """Make Python's cyclic garbage collector stall the event loop less.

    A full collection walks every live object; with the analysis results and
    pandas loaded that takes 30-60 ms, and it runs in whichever thread
    triggers it, holding the GIL, so the window freezes. Collecting less
    often, and moving long-lived objects out of the collector's way with
    :func:`gc.freeze` (see :func:`freeze_heap`), keeps
    collections short. Results are immutable and acyclic, so reference
    counting still frees them.
    """
    import gc

    gc.set_threshold(2_000, 10, 100)
    freeze_heap()


def freeze_heap() -> None:
    """Move the objects alive now (results, imported modules) out of the GC's way.

    The one place FrameLens touches the collector after start-up: full
    collections then walk only what was allocated since (:func:`configure_gc`).
    """
    import gc

    gc.freeze()


def make_application(argv: list[str] | None = None) -> object:
    """The QApplication (created once), named and themed from the settings."""
    from PySide6.QtWidgets import QApplication

    from gui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName(ORGANIZATION)
        QApplication.setApplicationName(APPLICATION)
        QApplication.setApplicationDisplayName("FrameLens")
        QApplication.setDesktopFileName("framelens")
        app = QApplication(argv or [sys.argv[0]])
    return app


def run_app(
    files: list[str], *, demo: bool, screenshot: str | None, theme: str | None = None
) -> int:
    """Open the main window (on ``files`` or the samples); return the exit status.

    With ``screenshot``, render the window at 1400×900 once the analysis has
    finished, save it as a PNG and return 0 (1 when it could not be made).
    ``theme`` ("light", "dark" or "system") overrides the saved setting for this
    run only; a screenshot is light unless ``theme`` says otherwise.
    """
    if not has_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from analysis import __version__
    from gui import crash
    from gui.mainwindow import MainWindow
    from gui.settings import Settings
    from gui.theme import apply_theme

    app = make_application([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_gc()
    app.setApplicationVersion(__version__)
    temp: tempfile.TemporaryDirectory[str] | None = None
    if screenshot:
        # A screenshot must not depend on (or change) the user's settings and autosave.
        temp = tempfile.TemporaryDirectory(prefix="framelens-shot-")
        settings = Settings(Path(temp.name) / "settings.ini")
        settings.first_run_done = True
        settings.confirm_close = False
        settings.theme = theme or "light"
        autosave_dir: Path | None = Path(temp.name)
    else:
        settings = Settings()
        autosave_dir = None
    apply_theme(app, theme or settings.theme)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(
            lambda _scheme: settings.theme == "system" and apply_theme(app, "system")
        )
    window = MainWindow(settings, autosave_dir=autosave_dir)
    handler = crash.install(lambda: window)
    status = {"code": 0}
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
        _arrange_screenshot(window, screenshot, status, app)
    window.show()
    if os.environ.get("FRAMELENS_EXIT_WHEN_SHOWN"):
        # benchmarks/gui_responsiveness.py: report the moment the window is up, then quit.
        import time

        def shown() -> None:
            sys.stdout.write(f"shown {time.time():.6f}\n")
            sys.stdout.flush()
            window.settings.confirm_close = False
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    else:
        QTimer.singleShot(0, lambda: window.startup(files, demo=demo))
    try:
        code = app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        del handler
        if temp is not None:
            temp.cleanup()
    return status["code"] if screenshot else int(code)


def _arrange_screenshot(window: object, path: str, status: dict[str, int], app: object) -> None:
    """Save the window to ``path`` when the articles are shown and compared."""
    from PySide6.QtCore import QTimer

    from gui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    state = {"analysed": False, "compared": False, "saved": False}

    def shoot() -> None:
        if state["saved"]:
            return
        state["saved"] = True
        window.side.finish_now()
        window.resize(*SCREENSHOT_SIZE)
        # Let layouts settle (column widths, scroll bars) before grabbing.
        QTimer.singleShot(200, save)

    def save() -> None:
        target = Path(path)
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(target), "PNG")
        if not ok:
            from analysis.safeio import printable

            sys.stderr.write(f"framelens: could not write the screenshot to {printable(target)}\n")
            status["code"] = 1
        elif not window.model.keys():
            sys.stderr.write("framelens: no article could be analysed; the screenshot shows none\n")
            status["code"] = 1
        window.settings.confirm_close = False
        window.close()
        app.quit()  # type: ignore[attr-defined]

    def analysed() -> None:
        state["analysed"] = True
        if state["compared"] or not window.model.keys():
            shoot()

    def compared() -> None:
        state["compared"] = True
        if state["analysed"]:
            shoot()

    def give_up() -> None:
        if not state["saved"]:
            sys.stderr.write("framelens: the analysis did not finish in time for the screenshot\n")
            status["code"] = 1
            state["saved"] = True
            window.settings.confirm_close = False
            window.close()
            app.quit()  # type: ignore[attr-defined]

    window.analysisDone.connect(analysed)
    window.comparisonDone.connect(compared)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
