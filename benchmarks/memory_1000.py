"""Peak memory with 1,000 articles loaded (issue 9: at most 500 MB).

Writes 1,000 articles as .txt files (with an outlet/title header) into a
temporary folder -- the 150 BASIL development articles and the BABE
sentences grouped into articles (benchmarks/_corpus.py), then copies of them
with a distinct last line up to 1,000 -- and, in a fresh process, holds all
of them as the app does. Two ways to measure, chosen automatically:

* ``app``: the real main window (offscreen, with throw-away settings),
  given the 1,000 files through ``MainWindow.add_paths`` as a drop would,
  measured once their analysis is shown (``analysisDone``) and again once
  the window's cross-outlet comparison is done (``comparisonDone``);
* ``data`` (when the window API is not available): everything the app keeps
  for 1,000 articles, without the window -- the analysed corpus from
  :func:`analysis.pipeline.analyze` (worker processes, as in the app), the
  article, outlet and sentence tables the dashboard shows and, when
  :mod:`analysis.compare` is present, the cross-outlet comparison.

Reports the peak resident memory of that process (``ru_maxrss``) -- in
``data`` mode once with the analysis and tables and once more after the
comparison; the
worker processes that analyse are measured apart (they end when analysis
ends). ``--mode`` forces one way.

Run: ``.venv/bin/python benchmarks/memory_1000.py [--quick] [--mode app|data]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _corpus import babe_records, basil_records, repeated  # noqa: E402
from _result import emit, figure  # noqa: E402

TARGET_MB = 500
ARTICLES = 1000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _write_articles(folder: Path, count: int) -> list[str]:
    records = basil_records() + babe_records()
    copies = -(-count // len(records))
    paths: list[str] = []
    for n, record in enumerate(repeated(records, copies)):
        if n >= count:
            break
        path = folder / f"article-{n:04d}.txt"
        title = " ".join(record.get("title", "").split())
        header = f"outlet: {record['outlet']}\ntitle: {title}\n\n"
        path.write_text(header + record["text"], encoding="utf-8")
        paths.append(str(path))
    return paths


def _child_data(paths: list[str], with_compare: bool = True) -> dict[str, Any]:
    """Hold what the app holds for the articles, without the window."""
    steps: list[tuple[str, float, float, float]] = []
    start = time.perf_counter()

    def step(name: str) -> None:
        steps.append((name, time.perf_counter() - start, _rss_mb(), _peak_mb()))

    from analysis.pipeline import analyze
    from analysis.tables import article_table, outlet_table, sentence_table

    step("imports")
    corpus = analyze(paths)
    step("analysed")
    tables = (article_table(corpus), outlet_table(corpus), sentence_table(corpus))
    step("tables")
    comparison: Any = None
    try:
        from analysis.compare import compare
    except ImportError:
        compare = None  # type: ignore[assignment]
    if compare is not None and with_compare:
        comparison = compare(corpus)
        step("compared")
    assert len(corpus.articles) + len(corpus.errors) == len(paths)
    del tables, comparison
    return {
        "mode": "data",
        "articles": len(corpus.articles),
        "failures": len(corpus.errors),
        "words": sum(a.words for a in corpus.articles),
        "sentences": sum(len(a.sentences) for a in corpus.articles),
        "steps": steps,
    }


def _child_app(paths: list[str]) -> dict[str, Any]:
    """Open the real main window (offscreen) on the articles; wait for analysis and comparison."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[tuple[str, float, float, float]] = []
    start = time.perf_counter()

    def step(name: str) -> None:
        steps.append((name, time.perf_counter() - start, _rss_mb(), _peak_mb()))

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QThread
    from PySide6.QtWidgets import QApplication

    from gui.mainwindow import MainWindow
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="framelens-memory-state-") as state:
        # Never read or change the user's settings and autosave.
        settings = Settings(Path(state) / "settings.ini")
        settings.first_run_done = True
        settings.confirm_close = False
        window = MainWindow(settings, autosave_dir=Path(state))
        window.resize(1400, 900)
        window.show()
        step("window")
        seen = {"analysis": False, "comparison": False}
        window.analysisDone.connect(lambda: seen.__setitem__("analysis", True))
        window.comparisonDone.connect(lambda: seen.__setitem__("comparison", True))

        def wait(what: str, limit_ms: int = 900_000) -> None:
            timer = QElapsedTimer()
            timer.start()
            while not seen[what] and timer.elapsed() < limit_ms:
                QCoreApplication.processEvents()
                QThread.msleep(5)
            if not seen[what]:
                raise SystemExit(f"the window did not finish its {what} within {limit_ms} ms")

        window.add_paths(paths, remember=False)
        wait("analysis")
        step("analysed")
        wait("comparison")
        step("compared")
        loaded = len(window.model)
        window.shutdown()  # waits for the window's workers
        window.close()
        app.processEvents()
    return {"mode": "app", "articles": loaded, "failures": len(paths) - loaded, "steps": steps}


def _app_available() -> bool:
    """True when the main window offers what the app mode drives."""
    probe = (
        "import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen');"
        "from gui.mainwindow import MainWindow as W;"
        "import sys; sys.exit(0 if all(hasattr(W, n) for n in "
        "('add_paths', 'analysisDone', 'comparisonDone')) else 1)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=HERE.parent, capture_output=True, check=False
    )
    return run.returncode == 0


def _run_child(mode: str, paths_file: Path) -> dict[str, Any] | None:
    run = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(paths_file)],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
        check=False,
    )
    if run.returncode != 0:
        sys.stderr.write(run.stderr[-4000:])
        print(f"the {mode} run failed (exit {run.returncode})")
        return None
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    for name, seconds, rss, peak in result["steps"]:
        print(f"{mode:12} {name:9} {seconds:7.1f} s   resident {rss:6.0f} MB   peak {peak:6.0f} MB")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 articles instead of 1,000")
    parser.add_argument("--mode", choices=("app", "data"), help="default: app when available")
    args = parser.parse_args()
    count = 300 if args.quick else ARTICLES
    full = count == ARTICLES
    target = f"<= {TARGET_MB} MB" + ("" if full else f" (for {ARTICLES:,})")
    app = args.mode == "app" or (args.mode is None and _app_available())
    # With the window measured, the window-less run only says where memory goes.
    modes = ["app", "data-nocompare"] if app and args.mode is None else ["app" if app else "data"]

    figures = []
    with tempfile.TemporaryDirectory(prefix="framelens-memory-") as tmp:
        paths = _write_articles(Path(tmp), count)
        paths_file = Path(tmp) / "paths.json"
        paths_file.write_text(json.dumps(paths), encoding="utf-8")
        for mode in modes:
            result = _run_child(mode, paths_file)
            if result is None:
                figures.append(figure(f"peak memory, {count:,} articles ({mode})", "run failed",
                                      target=target, passed=False))  # fmt: skip
                continue
            steps = {name: (sec, rss, peak) for name, sec, rss, peak in result["steps"]}
            peak = max(step[2] for step in steps.values())
            loaded = result["articles"]
            ok = peak <= TARGET_MB and loaded == count
            if mode == "app":
                seconds = steps["compared"][0] - steps["window"][0]
                figures.append(
                    figure(f"peak memory, {loaded:,} articles loaded in the app "
                           "(analysis + comparison)",
                           f"{peak:.0f} MB ({seconds:.0f} s until analysed and compared)",
                           value=round(peak), unit="MB", target=target,
                           passed=ok if full else None)
                )  # fmt: skip
            elif mode == "data-nocompare":
                figures.append(
                    figure(f"of which analysis + tables, {loaded:,} articles (no window)",
                           f"{steps['tables'][2]:.0f} MB", value=round(steps["tables"][2]),
                           unit="MB")
                )  # fmt: skip
            else:
                held = steps["tables"][2]
                figures.append(
                    figure(f"peak memory, {loaded:,} articles analysed + tables (no window)",
                           f"{held:.0f} MB", value=round(held), unit="MB", target=target,
                           passed=(held <= TARGET_MB and loaded == count) if full else None)
                )  # fmt: skip
                if "compared" in steps:
                    seconds = steps["compared"][0] - steps["tables"][0]
                    figures.append(
                        figure(f"peak memory, + cross-outlet comparison of {loaded:,}",
                               f"{peak:.0f} MB (compare took {seconds:.0f} s)",
                               value=round(peak), unit="MB", target=target,
                               passed=(peak <= TARGET_MB) if full else None)
                    )  # fmt: skip
    emit("memory_1000", figures)
    return 0 if all(f["pass"] is not False for f in figures) else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child_paths = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
        if sys.argv[2] == "app":
            measured = _child_app(child_paths)
        else:
            measured = _child_data(child_paths, with_compare=sys.argv[2] == "data")
        print(json.dumps(measured))
        sys.exit(0)
    sys.exit(main())
