"""Option types shared by the headless subcommands."""

from __future__ import annotations

import argparse
from typing import TextIO


def positive_int(value: str) -> int:
    """An ``argparse`` type: a whole number of at least 1, or a usage error."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def capped_workers(requested: int | None, command: str, err: TextIO) -> int | None:
    """``--workers`` capped at the usable cores, saying so on ``err`` when it is cut.

    More processes than cores only add memory (issue 28: ``--workers 1000``
    started 62 processes and took 2.3 GB); None (all cores) is kept.
    """
    from analysis.pipeline import default_workers

    cores = default_workers()
    if requested is None or requested <= cores:
        return requested
    err.write(
        f"framelens {command}: --workers {requested} is more than the {cores} usable "
        f"cores; using {cores}.\n"
    )
    return cores
