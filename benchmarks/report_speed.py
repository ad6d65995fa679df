"""How long a 20-article comparison report takes to become a PDF (target: under 3 s).

Input: the four real seed articles (../shared/seeds) plus 16 BASIL articles
(../shared/data/basil-dev), read at run time and never copied. The corpus is
analysed and compared once; then the report is built and written as PDF
(and, for comparison, as HTML) ``--repeat`` times, and the median is kept.

The figure with the target is *report to PDF*: ReportData from the analysed
corpus and comparison, layout, charts and painting every page into a file.
Analysis and comparison are timed separately, since the app has them already
when the user prints.

    .venv/bin/python benchmarks/report_speed.py [--repeat 3] [--articles 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _corpus import SHARED, basil_records  # noqa: E402
from _result import emit, figure  # noqa: E402

TARGET_SECONDS = 3.0


def articles(count: int) -> list:
    """The seed articles, then BASIL articles up to ``count``, as Article values."""
    from analysis.load import load_path, load_text

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"the seed articles are not here ({SHARED / 'seeds'} is absent)")
    loaded = [load_path(p) for p in seeds][:count]
    for record in basil_records()[: max(count - len(loaded), 0)]:
        loaded.append(
            load_text(
                record["text"],
                path=record["id"],
                outlet=record["outlet"],
                title=record["title"],
                date=record["date"],
                url=record["url"],
            )
        )
    return loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["report_speed"])  # noqa: F841

    from analysis.compare import compare
    from analysis.pipeline import analyze
    from analysis.report import build_report_data
    from gui.report.builder import write_pdf
    from gui.report.html import write_html

    inputs = articles(args.articles)
    start = time.perf_counter()
    corpus = analyze(inputs)
    analysed = time.perf_counter() - start
    start = time.perf_counter()
    comparison = compare(corpus)
    compared = time.perf_counter() - start

    pdf_times, html_times, pages = [], [], 0
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeat):
            start = time.perf_counter()
            data = build_report_data(corpus, comparison)
            pages = write_pdf(data, str(Path(folder) / "report.pdf"))
            pdf_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            write_html(build_report_data(corpus, comparison), str(Path(folder) / "report.html"))
            html_times.append(time.perf_counter() - start)
    pdf = statistics.median(pdf_times)
    html = statistics.median(html_times)
    n = len(corpus.articles)
    print(
        f"{n} articles, {len(corpus.outlets)} outlets, {pages} pages: "
        f"analyse {analysed:.2f} s, compare {compared:.2f} s, "
        f"report to PDF {pdf:.2f} s (runs: {', '.join(f'{t:.2f}' for t in pdf_times)}), "
        f"to HTML {html:.2f} s"
    )
    emit(
        "report_speed",
        [
            figure(
                f"{n}-article report to PDF ({pages} pages)",
                f"{pdf:.2f} s",
                value=round(pdf, 3),
                unit="s",
                target=f"< {TARGET_SECONDS:g} s",
                passed=pdf < TARGET_SECONDS,
            ),
            figure(f"{n}-article report to HTML", f"{html:.2f} s", value=round(html, 3), unit="s"),
            figure(
                f"analyse + compare {n} articles (before the report)",
                f"{analysed + compared:.2f} s",
                value=round(analysed + compared, 3),
                unit="s",
            ),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
