"""Shared fixtures: offscreen Qt, the real articles and datasets in ../shared."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Qt must never try to reach a display in the test run (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing a test does may touch the user's own settings, autosave or log files:
# QSettings and platformdirs follow the XDG folders, pointed here at a fresh one.
_SANDBOX = tempfile.mkdtemp(prefix="framelens-test-home-")
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_SANDBOX, _name.lower())

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    """The top of the source tree."""
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The four real articles (Bloomberg, CNN, CBC, BBC) in ../shared/seeds."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"the real seed articles are not here ({path} is absent)")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The expert-annotated datasets (BASIL, BABE development shares) in ../shared/data."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"the annotated datasets are not here ({path} is absent)")
    return path
