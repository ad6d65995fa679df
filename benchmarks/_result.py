"""The machine-readable last line every benchmark prints, read by benchmarks/run_all.py.

Convention (see benchmarks/README.md): the last line a benchmark writes to
stdout is ``RESULT `` followed by one JSON object::

    RESULT {"benchmark": "throughput", "figures": [
        {"figure": "analysis speed vs plain TextBlob loop", "measured": "3.4x",
         "value": 3.4, "unit": "x", "target": ">= 3x", "pass": true}]}

(on one line). ``figure`` and ``measured`` are required; ``value``/``unit``
give the number, ``target`` the goal in words and ``pass`` true, false, or
null when the figure has no target. A benchmark may import this module
(``from _result import emit, figure``) or print the line itself.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO


def figure(
    name: str,
    measured: str,
    *,
    value: float | None = None,
    unit: str = "",
    target: str = "",
    passed: bool | None = None,
) -> dict[str, Any]:
    """One row of the results table."""
    return {
        "figure": name,
        "measured": measured,
        "value": value,
        "unit": unit,
        "target": target,
        "pass": passed,
    }


def emit(benchmark: str, figures: list[dict[str, Any]], stream: TextIO | None = None) -> None:
    """Print the ``RESULT {json}`` line (last, flushed)."""
    out = stream or sys.stdout
    payload = {"benchmark": benchmark, "figures": figures}
    out.write("RESULT " + json.dumps(payload, ensure_ascii=False) + "\n")
    out.flush()
