"""One accessor for the files in ``resources/``, from source, installed or frozen.

Search order: the PyInstaller bundle (``sys._MEIPASS/resources``), the source
tree (``<repo>/resources``), then the copy a wheel installs
(``analysis/_resources``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from analysis.errors import FrameLensError


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
