"""Option types shared by the headless subcommands."""

from __future__ import annotations

import argparse


def positive_int(value: str) -> int:
    """An ``argparse`` type: a whole number of at least 1, or a usage error."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number
