"""Help › Methodology and Help › About FrameLens.

:class:`HelpWindow` renders ``resources/methodology.md`` (what each score
means, how it is computed, what it cannot tell) with external resources
disabled: the page can show pictures from FrameLens's own resources folder and
nothing else, so opening Help never touches the network. Links to web pages
open in the user's browser only when clicked.

:class:`AboutDialog` shows the versions of FrameLens, Python, Qt and PySide6,
and the licences of the bundled components as their installed package
metadata declares them (:func:`component_licences`).
"""

from __future__ import annotations

import html
import logging
import platform
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

METHODOLOGY_FILE = "methodology.md"

#: Shown when resources/methodology.md is missing (e.g. a broken install).
FALLBACK_METHODOLOGY = """\
# How FrameLens measures framing

The full methodology page (``resources/methodology.md``) is missing from this
installation. Reinstalling FrameLens restores it.

In short:

- **Subjectivity** (0 = factual, 1 = opinion) and **polarity** (−1 to +1) are
  TextBlob's scores for each sentence; an outlet's score is the mean over its
  sentences.
- **Loaded terms** come from FrameLens's own lexicon: labels, emotive words,
  loaded attribution verbs, hedges, presupposing words and scare quotes. Each
  highlight says why it is marked.
- **Aligned statements** pair sentences of different outlets that report the
  same fact, and mark the words each outlet adds or changes.

These are indicators for a careful reader, not verdicts: a high score says
where to look, not that an article is biased.
"""


class _LocalBrowser(QTextBrowser):
    """A QTextBrowser that loads images only from one local folder, never the network."""

    def __init__(self, root: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = root.resolve() if root is not None else None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self.blocked: list[str] = []

    def set_root(self, root: Path | None) -> None:
        self._root = root.resolve() if root is not None else None
        if self._root is not None:
            self.setSearchPaths([str(self._root)])

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url)
        if self._allowed(url):
            return super().loadResource(kind, url)
        self.blocked.append(url.toString())
        log.info("Help page: not loading %s (external resources are disabled)", url.toString())
        return None

    def _allowed(self, url: QUrl) -> bool:
        if self._root is None or url.scheme() not in ("", "file"):
            return False
        local = url.toLocalFile() if url.scheme() == "file" else url.path()
        path = Path(local)
        if not path.is_absolute():
            path = self._root / path
        try:
            return path.resolve().is_relative_to(self._root)
        except (OSError, ValueError):
            return False

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            # A click is the user's choice to leave the app; nothing is fetched here.
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and (not url.path() or url.scheme() == ""):
            self.scrollToAnchor(url.fragment())
        else:
            log.info("Help page: ignoring link %s", url.toString())


def methodology_path() -> Path | None:
    """Where the methodology page is, or ``None`` when it is missing."""
    try:
        from analysis.resources import resources_dir

        path = resources_dir() / METHODOLOGY_FILE
    except Exception as error:  # noqa: BLE001 - any failure means "show the fallback"
        log.warning("Cannot locate the resources folder: %s", error)
        return None
    return path if path.is_file() else None


class HelpWindow(QDialog):
    """The methodology page, with a find field (Ctrl+F). Non-modal: keep it open while working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("FrameLens Help — Methodology")
        self.setModal(False)
        self.resize(780, 760)
        self.browser = _LocalBrowser(None)
        self.browser.setAccessibleName("Methodology")
        self.browser.document().setDocumentMargin(14)
        self._find = QLineEdit()
        self._find.setPlaceholderText("Find in this page…")
        self._find.setClearButtonEnabled(True)
        self._find.setAccessibleName("Find in help")
        self._find.returnPressed.connect(self.find_next)
        self._status = QLabel()
        find_next = QPushButton("Find &Next")
        find_next.clicked.connect(self.find_next)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        bar = QHBoxLayout()
        bar.addWidget(self._find, 1)
        bar.addWidget(find_next)
        bar.addWidget(self._status)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find_shortcut.activated.connect(self._focus_find)
        self.reload()

    def reload(self) -> None:
        """(Re)read the methodology page; shows a short fallback when it is missing."""
        path = methodology_path()
        text = FALLBACK_METHODOLOGY
        self.using_fallback = True
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
                self.using_fallback = False
            except (OSError, UnicodeDecodeError) as error:
                log.warning("Cannot read %s: %s", path, error)
        self.browser.set_root(path.parent if path is not None else None)
        self.browser.document().setBaseUrl(
            QUrl.fromLocalFile(str(path.parent) + "/") if path is not None else QUrl()
        )
        self.browser.setMarkdown(text)

    def find_next(self) -> bool:
        """Find the next match of the find field (wrapping once); return whether found."""
        needle = self._find.text()
        if not needle:
            self._status.setText("")
            return False
        found = self.browser.find(needle)
        if not found:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            found = self.browser.find(needle)
        self._status.setText("" if found else "Not found")
        return found

    def _focus_find(self) -> None:
        self._find.setFocus()
        self._find.selectAll()


# --------------------------------------------------------------------------
# About
# --------------------------------------------------------------------------
class ComponentLicence(NamedTuple):
    """A bundled component and its licence as found on this installation."""

    name: str
    #: The distribution (package) name the metadata was read from.
    distribution: str
    version: str
    #: The licence found (SPDX expression where the metadata gives one).
    licence: str
    #: Where ``licence`` came from: "License-Expression", "License",
    #: "classifier", a file name, or "not installed".
    source: str
    #: What FrameLens's documentation says the licence is.
    expected: str


#: (display name, distribution, documented licence).
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0-only"),
    ("PySide6 Addons", "PySide6-Addons", "LGPL-3.0-only"),
    ("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    ("TextBlob", "textblob", "MIT"),
    ("NLTK", "nltk", "Apache-2.0"),
    ("pandas", "pandas", "BSD-3-Clause"),
    ("NumPy", "numpy", "BSD-3-Clause"),
    ("nupunkt", "nupunkt", "MIT"),
    ("trafilatura", "trafilatura", "Apache-2.0"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("lxml_html_clean", "lxml_html_clean", "BSD-3-Clause"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
    ("python-docx", "python-docx", "MIT"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("pyarrow", "pyarrow", "Apache-2.0"),
)

_CLASSIFIER_SPDX = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "GNU Library or Lesser General Public License (LGPL)": "LGPL",
}


def _licence_from_metadata(distribution: str) -> tuple[str, str, str]:
    """(version, licence, source) of an installed distribution."""
    import importlib.metadata as md

    try:
        meta = md.metadata(distribution)
    except md.PackageNotFoundError:
        return "", "", "not installed"

    def field(name: str) -> str:
        values = meta.get_all(name) or []
        return str(values[0]) if values else ""

    version = field("Version")
    expression = field("License-Expression").strip()
    if expression:
        return version, expression, "License-Expression"
    declared = field("License").strip()
    # Some packages paste their whole licence text into License: keep short ones only.
    if declared and "\n" not in declared and len(declared) <= 80:
        return version, declared, "License"
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            name = classifier.rsplit(" :: ", 1)[-1]
            return version, _CLASSIFIER_SPDX.get(name, name), "classifier"
    if declared:
        return version, declared.splitlines()[0][:80], "License (first line)"
    return version, "", "no licence in metadata"


def _pattern_lexicon_licences() -> list[ComponentLicence]:
    """The pattern code and sentiment lexicon inside TextBlob, read from their own headers."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("textblob")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return [
            ComponentLicence(
                "pattern sentiment lexicon (in TextBlob)",
                "textblob",
                "",
                "",
                "not installed",
                "PDDL",
            )
        ]
    root = Path(next(iter(spec.submodule_search_locations)))
    result = []
    code = root / "_text.py"
    licence = ""
    if code.is_file():
        match = re.search(r"Licen[cs]e:\s*([^\n]+)", code.read_text(encoding="utf-8")[:2000])
        licence = match.group(1).strip() if match else ""
    result.append(
        ComponentLicence(
            "pattern text code (in TextBlob)",
            "textblob",
            "",
            licence,
            "textblob/_text.py header" if licence else "header not found",
            "BSD",
        )
    )
    lexicon = root / "en" / "en-sentiment.xml"
    licence = ""
    if lexicon.is_file():
        with lexicon.open(encoding="utf-8") as handle:
            head = handle.read(4000)
        match = re.search(r'license="([^"]+)"', head)
        licence = match.group(1).strip() if match else ""
    result.append(
        ComponentLicence(
            "pattern sentiment lexicon (in TextBlob)",
            "textblob",
            "",
            licence,
            "textblob/en/en-sentiment.xml header" if licence else "header not found",
            "PDDL",
        )
    )
    return result


def component_licences() -> list[ComponentLicence]:
    """Every bundled component with the licence its installed metadata declares."""
    result = []
    for name, distribution, expected in COMPONENTS:
        version, licence, source = _licence_from_metadata(distribution)
        result.append(ComponentLicence(name, distribution, version, licence, source, expected))
        if distribution == "textblob":
            result += _pattern_lexicon_licences()
    return result


def version_info() -> dict[str, str]:
    """FrameLens, Python, Qt and PySide6 versions and the platform."""
    import PySide6

    from analysis import __version__

    return {
        "FrameLens": __version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Platform": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "Frozen": "yes" if getattr(sys, "frozen", False) else "no",
    }


def about_text() -> str:
    """Plain text of the About box (what "Copy Details" puts on the clipboard)."""
    lines = [f"{k}: {v}" for k, v in version_info().items()]
    lines.append("")
    lines.append("Bundled components (licence as declared by the installed package):")
    for c in component_licences():
        version = f" {c.version}" if c.version else ""
        lines.append(f"  {c.name}{version}: {c.licence or 'unknown'} [{c.source}]")
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    """Versions and the licences of bundled components, with a "Copy Details" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About FrameLens")
        self.resize(640, 620)
        versions = version_info()
        self.components = component_licences()

        title = QLabel(
            f"<h2 style='margin-bottom:0'>FrameLens {html.escape(versions['FrameLens'])}</h2>"
            "<p>See how different news outlets frame the same story: subjectivity, loaded "
            "terms and framing differences, side by side, offline.</p>"
            "<p>FrameLens is free software under the MIT licence. Its scores are indicators "
            "that show a careful reader where to look; they are not verdicts.</p>"
        )
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)

        rows = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in versions.items()
            if k != "FrameLens"
        )
        comp_rows = "".join(
            "<tr>"
            f"<td>{html.escape(c.name)}</td>"
            f"<td>{html.escape(c.version) or '—'}</td>"
            f"<td>{html.escape(c.licence) or '<i>unknown</i>'}</td>"
            f"<td><small>{html.escape(c.source)}</small></td>"
            "</tr>"
            for c in self.components
        )
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setOpenExternalLinks(False)
        self.details.anchorClicked.connect(QDesktopServices.openUrl)
        self.details.setAccessibleName("Versions and licences")
        self.details.setHtml(
            f"<table cellspacing='0' cellpadding='3'>{rows}</table>"
            "<h3>Bundled components</h3>"
            "<p>Licences as declared by each installed package's metadata (or, for "
            "TextBlob's bundled pattern files, by the files' own headers).</p>"
            "<table width='100%' cellspacing='0' cellpadding='3' border='0'>"
            "<tr><th align='left'>Component</th><th align='left'>Version</th>"
            "<th align='left'>Licence</th><th align='left'>Found in</th></tr>"
            f"{comp_rows}</table>"
            "<p>Qt and PySide6 are used under the GNU Lesser General Public License v3 "
            "(LGPL-3.0): you may replace the Qt and PySide6 libraries FrameLens uses with "
            "your own builds. See <a href='https://www.qt.io/licensing/'>qt.io/licensing</a>.</p>"
        )
        copy = QPushButton("&Copy Details")
        copy.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> str:
        """Copy versions and licences as plain text (for bug reports); return the text."""
        text = about_text()
        QGuiApplication.clipboard().setText(text)
        return text


def show_methodology(parent: QWidget | None = None) -> HelpWindow:
    """Show the methodology window, non-modal (one per parent, raised if already open)."""
    window = _open_dialogs.get(("help", id(parent)))
    if not isinstance(window, HelpWindow):
        window = HelpWindow(parent)
        _remember("help", parent, window)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog without blocking (window-modal over ``parent``)."""
    dialog = _open_dialogs.get(("about", id(parent)))
    if not isinstance(dialog, AboutDialog):
        dialog = AboutDialog(parent)
        _remember("about", parent, dialog)
    dialog.open()
    return dialog


#: Dialogs already built, by (kind, id(parent)); reused rather than rebuilt.
_open_dialogs: dict[tuple[str, int], QDialog] = {}


def _remember(kind: str, parent: QWidget | None, dialog: QDialog) -> None:
    key = (kind, id(parent))
    _open_dialogs[key] = dialog
    # The dialog is a child of ``parent``: forget it when Qt deletes it.
    dialog.destroyed.connect(lambda *_: _open_dialogs.pop(key, None))


__all__ = [
    "AboutDialog",
    "ComponentLicence",
    "FALLBACK_METHODOLOGY",
    "HelpWindow",
    "about_text",
    "component_licences",
    "methodology_path",
    "show_about",
    "show_methodology",
    "version_info",
]
