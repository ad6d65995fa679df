"""Shared fixtures: offscreen Qt, the real articles and datasets in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never try to reach a display in the test run (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
