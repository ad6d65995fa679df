"""How responsive the window is: launch time, and the longest event-loop stall during analysis.

Two figures (issue 4):

1. **Launch to window shown**: the time from starting the process
   (``python -m gui.cli`` with ``FRAMELENS_EXIT_WHEN_SHOWN=1``, which makes
   the app report the moment its window is shown and quit) until the window
   is up. Target: under 1 s from source. The median of several runs.
2. **Longest stall while 200 articles are analysed**: the main window opens
   200 articles; a 5 ms heartbeat ``QTimer`` records the largest gap between
   two ticks from the drop until the articles are shown, compared and the
   columns filled. Target: at most 50 ms. Analysis runs in worker
   processes (the real pipeline), the comparison in a worker thread, the
   columns are filled a slice at a time.

Input: the 150 BASIL development articles and BABE sentences grouped into
articles (../shared/data, read at run time, never copied), 200 in all; when
the data are absent, the bundled fictional samples with their sentences
shuffled into 200 distinct articles.

Usage: ``.venv/bin/python benchmarks/gui_responsiveness.py [--quick]``
(``--quick``: 60 articles, 3 launches). Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FRAMELENS_NO_LOG_FILE", "1")

from _result import emit, figure  # noqa: E402

STALL_TARGET_MS = 50.0
LAUNCH_TARGET_S = 1.0


def launch_times(runs: int) -> list[float]:
    """Seconds from process start to the window shown, per run."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ, FRAMELENS_EXIT_WHEN_SHOWN="1", XDG_CONFIG_HOME=tmp, XDG_STATE_HOME=tmp
        )
        for _ in range(runs):
            start = time.time()
            done = subprocess.run(
                [sys.executable, "-m", "gui.cli"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
            if done.returncode != 0 or not shown:
                raise SystemExit(f"the app did not start: {done.stderr[-2000:]}")
            times.append(float(shown[0].split()[1]) - start)
    return times


def write_articles(folder: Path, count: int) -> str:
    """Write ``count`` articles into ``folder``; return where they came from."""
    try:
        from _corpus import babe_records, basil_records

        records = basil_records() + babe_records()
        source = "BASIL + BABE development articles"
    except SystemExit:
        records = []
    if len(records) < count:
        records = _shuffled_samples(count)
        source = "bundled samples, sentences shuffled"
    for i, r in enumerate(records[:count]):
        head = f"outlet: {r['outlet']}\ntitle: {r.get('title', '') or f'Article {i}'}\n\n"
        (folder / f"a{i:04d}.txt").write_text(head + r["text"], encoding="utf-8")
    return source


def _shuffled_samples(count: int) -> list[dict[str, str]]:
    from analysis.load.frontmatter import split_front_matter

    rng = random.Random(4)
    samples = []
    for path in sorted((REPO / "resources" / "samples").glob("*.txt")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        samples.append((meta.get("outlet", "Unknown"), re.split(r"(?<=[.!?\"])\s+", body.strip())))
    records = []
    for i in range(count):
        outlet, sentences = samples[i % len(samples)]
        order = sentences[:]
        rng.shuffle(order)
        records.append({"outlet": outlet, "title": f"Story {i}", "text": " ".join(order)})
    return records


def longest_stall(count: int, verbose: bool = False) -> tuple[float, float, int, str]:
    """(max gap ms, seconds until shown and compared, articles shown, input source)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import configure_gc
    from gui.mainwindow import MainWindow
    from gui.settings import Settings
    from gui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    configure_gc()  # as run_app does
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        source = write_articles(folder, count)
        settings = Settings(Path(tmp) / "settings.ini")
        settings.confirm_close = False
        apply_theme(app, "light")  # type: ignore[arg-type]
        window = MainWindow(settings, autosave_dir=Path(tmp) / "state")
        window.resize(1400, 900)
        window.show()
        app.processEvents()  # type: ignore[attr-defined]
        clock = QElapsedTimer()
        gaps: list[int] = []
        last = [0]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            if verbose and now - last[0] > 20:
                print(f"  stall of {now - last[0]} ms ending at {now} ms", file=sys.stderr)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        state = {"analysed": False, "compared": False}

        def check() -> None:
            if state["analysed"] and state["compared"] and not window.side.building:
                app.quit()  # type: ignore[attr-defined]

        def mark(what: str) -> None:
            if verbose:
                print(f"  {what} at {clock.elapsed()} ms", file=sys.stderr)

        window.analysisDone.connect(lambda: (mark("shown"), state.update(analysed=True), check()))
        window.comparisonDone.connect(
            lambda: (mark("compared"), state.update(compared=True), check())
        )
        window.model.changed.connect(lambda: mark("articles added"))
        QTimer.singleShot(600_000, app.quit)  # type: ignore[attr-defined]
        start = time.perf_counter()
        clock.start()
        heartbeat.start()
        window.add_paths([str(folder)], remember=False)
        app.exec()  # type: ignore[attr-defined]
        heartbeat.stop()
        elapsed = time.perf_counter() - start
        shown = len(window.model)
        window.close()
    return float(max(gaps) if gaps else 0), elapsed, shown, source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="60 articles, 3 launches")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--launches", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="list every stall over 20 ms")
    args = parser.parse_args()
    count = args.articles or (60 if args.quick else 200)
    runs = args.launches or (3 if args.quick else 5)

    times = launch_times(runs)
    median = statistics.median(times)
    print(
        f"launch to window shown: median {median:.3f} s, min {min(times):.3f} s, "
        f"runs {', '.join(f'{t:.3f}' for t in times)}",
        file=sys.stderr,
    )
    stall, elapsed, shown, source = longest_stall(count, args.verbose)
    print(
        f"{shown} of {count} articles ({source}) shown and compared in {elapsed:.1f} s; "
        f"longest event-loop stall {stall:.0f} ms",
        file=sys.stderr,
    )
    emit(
        "gui_responsiveness",
        [
            figure(
                "launch to window shown (from source)",
                f"{median:.2f} s (median of {runs})",
                value=round(median, 3),
                unit="s",
                target="< 1 s",
                passed=median < LAUNCH_TARGET_S,
            ),
            figure(
                f"longest event-loop stall while {count} articles are analysed",
                f"{stall:.0f} ms ({shown} articles, {elapsed:.1f} s in all)",
                value=stall,
                unit="ms",
                target="<= 50 ms",
                passed=stall <= STALL_TARGET_MS,
            ),
        ],
    )


if __name__ == "__main__":
    main()
