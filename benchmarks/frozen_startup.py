"""The packaged program: its size, and the time from launch to the main window shown.

Figures (issue 6):

1. **Bundle size**: the unpacked one-folder build (``dist/framelens``, made by
   ``python3 scripts/dev.py package``). Target: at most 250 MB.
2. **Launch to window shown, warm**: the frozen ``framelens`` is started with
   ``FRAMELENS_EXIT_WHEN_SHOWN=1``, which makes the app print the moment its
   main window is shown and quit; the first run warms the file cache and is
   not counted; the median of the others is reported. Target: under 1 s.

Usage: ``.venv/bin/python benchmarks/frozen_startup.py [--program PATH] [--runs N]``.
The default program is ``dist/framelens/framelens``; the installed package's is
``/opt/framelens/framelens``. Runs offscreen. Skips (no RESULT figures) when
the program has not been built.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from _result import emit, figure  # noqa: E402

SIZE_TARGET_MB = 250.0
LAUNCH_TARGET_S = 1.0


def folder_size_mb(folder: Path) -> float:
    """Apparent size of every file below ``folder`` (links not followed), in MB."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total / 1e6


def launch_seconds(program: Path, runs: int) -> list[float]:
    """Seconds from process start to the window shown, for each run after a warm-up."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            FRAMELENS_EXIT_WHEN_SHOWN="1",
            FRAMELENS_NO_LOG_FILE="1",
            XDG_CONFIG_HOME=tmp,
            XDG_STATE_HOME=tmp,
        )
        for run in range(runs + 1):
            start = time.time()
            done = subprocess.run(
                [str(program)], env=env, capture_output=True, text=True, timeout=120
            )
            shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
            if done.returncode != 0 or not shown:
                raise SystemExit(
                    f"{program} did not report its window (exit {done.returncode}):\n"
                    f"{done.stderr[-2000:]}"
                )
            if run:  # the first run only warms the cache
                times.append(float(shown[0].split()[1]) - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--program", type=Path, default=REPO / "dist" / "framelens" / "framelens")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.program.exists():
        print(f"{args.program} is not built: run `python3 scripts/dev.py package` first")
        emit("frozen_startup", [])
        return
    size = folder_size_mb(args.program.parent)
    times = launch_seconds(args.program, args.runs)
    median = statistics.median(times)
    print(f"bundle: {args.program.parent} = {size:.0f} MB unpacked")
    print("launch to window shown (warm): " + ", ".join(f"{t:.3f}" for t in times) + " s")
    emit(
        "frozen_startup",
        [
            figure(
                "frozen bundle size (unpacked)",
                f"{size:.0f} MB",
                value=round(size, 1),
                unit="MB",
                target=f"<= {SIZE_TARGET_MB:.0f} MB",
                passed=size <= SIZE_TARGET_MB,
            ),
            figure(
                "frozen program: launch to window shown (warm, median)",
                f"{median:.2f} s (min {min(times):.2f} s, {len(times)} runs)",
                value=round(median, 3),
                unit="s",
                target=f"< {LAUNCH_TARGET_S:.0f} s",
                passed=median < LAUNCH_TARGET_S,
            ),
        ],
    )


if __name__ == "__main__":
    main()
