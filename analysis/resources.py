"""One accessor for the files in ``resources/``, from source, installed or frozen.

Search order: the PyInstaller bundle (``sys._MEIPASS/resources``), the source
tree (``<repo>/resources``), then the copy a wheel installs
(``analysis/_resources``). :func:`read_term_table` reads the TSV tables
there (speech verbs, frames, labels, aliases, kinds of sources).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from analysis.errors import FrameLensError, LexiconError


@cache
def resources_dir() -> Path:
    """Return the folder that holds FrameLens's resource files."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "_resources"]
    for candidate in candidates:
        if (candidate / "lexicons").is_dir():
            return candidate
    raise FrameLensError(
        "FrameLens cannot find its resource files (looked in "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall FrameLens."
    )


def resource_path(*parts: str) -> Path:
    """Return the path of a resource file, e.g. ``resource_path("lexicons", "loaded.tsv")``."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FrameLensError(f"FrameLens's resource file {path} is missing. Reinstall FrameLens.")
    return path


def read_term_table(path: Path, columns: Sequence[str]) -> list[tuple[str, ...]]:
    """Rows of a TSV resource with a header line and ``#`` comments.

    Raises :class:`LexiconError` naming the file and line when a row is malformed.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path} could not be read: {error}") from error
    rows: list[tuple[str, ...]] = []
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if not header_seen:
            header_seen = True
            if tuple(c.lower() for c in cells[: len(columns)]) != tuple(columns):
                raise LexiconError(
                    f"{path}, line {number}: the header must be "
                    f"{' <tab> '.join(columns)}, not {line!r}."
                )
            continue
        if len(cells) < len(columns) or not all(cells[: len(columns)]):
            raise LexiconError(
                f"{path}, line {number}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {line!r}."
            )
        rows.append(cells[: len(columns)])
    return rows
