"""The shape of the code: the analysis library never imports Qt (PySide6 or shiboken6),
and no module grows past the size of one job."""

from __future__ import annotations

import ast
from pathlib import Path

QT_PACKAGES = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Name, ast.Attribute))
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        found += [
            f"{path}:{node.lineno}: {name}" for name in names if name.split(".")[0] in QT_PACKAGES
        ]
    return found


def test_analysis_has_no_qt_import(repo_dir: Path) -> None:
    files = sorted((repo_dir / "analysis").rglob("*.py"))
    assert files, "analysis/ has no Python files"
    offenders = [hit for path in files for hit in _qt_imports(path)]
    assert offenders == [], "analysis/ must not import Qt:\n" + "\n".join(offenders)


def test_the_scanner_finds_qt_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom PySide6.QtCore import Qt\nimport shiboken6\n"
        "import importlib\nimportlib.import_module('PySide6.QtGui')\n",
        encoding="utf-8",
    )
    assert len(_qt_imports(sample)) == 3


def test_no_module_does_too_many_jobs(repo_dir: Path) -> None:
    # Issue 25: a file over 700 lines (600 for the main window) is a sign that it
    # holds several concepts; split it into a package as compare/ is split.
    limits = {repo_dir / "gui" / "mainwindow.py": 600}
    too_long = []
    for folder in ("analysis", "gui"):
        for path in sorted((repo_dir / folder).rglob("*.py")):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > limits.get(path, 700):
                too_long.append(f"{path.relative_to(repo_dir)}: {lines} lines")
    assert too_long == [], "\n".join(too_long)
