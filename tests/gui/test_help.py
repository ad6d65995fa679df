"""Help window (methodology page, no external resources) and About dialog (versions, licences)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument

from gui.dialogs import help as help_module
from gui.dialogs.help import AboutDialog, HelpWindow, component_licences, version_info

# The offscreen platform cannot resize-limit or raise windows and says so; harmless here.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints", r"This plugin does not support raise"
)


def test_help_shows_the_methodology_page(qtbot, repo_dir) -> None:
    window = HelpWindow()
    qtbot.addWidget(window)
    page = repo_dir / "resources" / "methodology.md"
    text = window.browser.toPlainText()
    if page.is_file():
        assert not window.using_fallback
        first_heading = next(
            line.lstrip("# ").strip()
            for line in page.read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        )
        for char in "*_`":  # Markdown emphasis is not part of the shown text
            first_heading = first_heading.replace(char, "")
        assert first_heading in text
    else:
        assert window.using_fallback
        assert "How FrameLens measures framing" in text


def test_help_falls_back_when_the_page_is_missing(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(help_module, "methodology_path", lambda: None)
    window = HelpWindow()
    qtbot.addWidget(window)
    assert window.using_fallback
    assert "Subjectivity" in window.browser.toPlainText()


def test_help_renders_markdown_and_blocks_remote_images(qtbot, tmp_path, monkeypatch) -> None:
    page = tmp_path / "methodology.md"
    (tmp_path / "local.png").write_bytes(b"")
    page.write_text(
        "# Method\n\nSome **bold** text.\n\n"
        "![remote](https://example.invalid/tracker.png)\n\n"
        "![outside](/etc/hostname)\n\n"
        "![local](local.png)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(help_module, "methodology_path", lambda: page)
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.using_fallback
    assert window.browser.toPlainText().startswith("Method")
    browser = window.browser
    image = QTextDocument.ResourceType.ImageResource
    assert browser.loadResource(image, QUrl("https://example.invalid/tracker.png")) is None
    assert browser.loadResource(image, QUrl("/etc/hostname")) is None
    assert browser.loadResource(image, QUrl("../escape.png")) is None
    assert browser._allowed(QUrl("local.png"))
    assert "https://example.invalid/tracker.png" in browser.blocked


def test_help_find(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(help_module, "methodology_path", lambda: None)
    window = HelpWindow()
    qtbot.addWidget(window)
    window._find.setText("polarity")
    assert window.find_next()
    assert window.browser.textCursor().selectedText().lower() == "polarity"
    window._find.setText("no such words here")
    assert not window.find_next()
    assert window._status.text() == "Not found"


def test_external_links_open_in_the_browser_only_when_clicked(qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(help_module.QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = HelpWindow()
    qtbot.addWidget(window)
    assert opened == []
    window.browser.anchorClicked.emit(QUrl("https://example.org/paper"))
    assert opened == [QUrl("https://example.org/paper")]
    window.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert len(opened) == 1


def test_versions() -> None:
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    from analysis import __version__

    info = version_info()
    assert info["FrameLens"] == __version__
    assert info["Qt"] == qVersion()
    assert info["PySide6"] == PySide6.__version__
    assert info["Python"].startswith(platform.python_version())


def test_licences_come_from_installed_metadata() -> None:
    import importlib.metadata as md

    licences = {c.name: c for c in component_licences()}
    for name, distribution, _expected in help_module.COMPONENTS:
        component = licences[name]
        try:
            version = md.version(distribution)
        except md.PackageNotFoundError:
            assert component.source == "not installed"
            continue
        assert component.version == version
        assert component.licence, f"{distribution} declares no licence"
    # What the installed packages declare (checked here so a change is noticed).
    expected_start = {
        "PySide6 (Qt for Python)": "LGPL-3.0-only",
        "TextBlob": "MIT",
        "pandas": "BSD-3-Clause",
        "nupunkt": "MIT",
        "trafilatura": "Apache-2.0",
        "pypdf": "BSD-3-Clause",
        "python-docx": "MIT",
        "charset-normalizer": "MIT",
        "platformdirs": "MIT",
        "NumPy": "BSD-3-Clause",
        "lxml": "BSD-3-Clause",
    }
    for name, licence in expected_start.items():
        if licences[name].source != "not installed":
            assert licences[name].licence.startswith(licence), (name, licences[name])
    code = licences["pattern text code (in TextBlob)"]
    assert code.licence == "BSD"
    lexicon = licences["pattern sentiment lexicon (in TextBlob)"]
    assert lexicon.licence == "PDDL"


def test_about_dialog_lists_everything_and_copies(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "PySide6" in text and "LGPL" in text
    for component in dialog.components:
        assert component.name in text
    copied = dialog.copy_details()
    assert QGuiApplication.clipboard().text() == copied
    assert "FrameLens: " in copied and "pandas" in copied


def test_show_functions_for_the_help_menu(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = help_module.show_methodology(parent)
    assert first.isVisible() and not first.isModal()
    assert help_module.show_methodology(parent) is first  # raised, not opened twice
    about = help_module.show_about(parent)
    assert about.isVisible() and about.isModal()
    about.close()
    assert help_module.show_about(parent) is about
    about.close()
    first.close()
