"""``framelens report``: write a comparison report as PDF or HTML, headless.

    framelens report PATH... -o report.pdf|report.html
        [--sections a,b,c] [--paper a4|letter] [--landscape] [--title TEXT]
        [--kwic PATTERN]...

The output format follows the suffix of ``-o``. Exit status: 0 when every
input was read, 1 when some could not be (the report lists them) or no
article could be read at all, 2 for a usage error (unknown section, paper
or output suffix).
"""

from __future__ import annotations

import argparse
from typing import TextIO

#: Output suffix → format.
FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ``report`` options (no heavy imports here: --help stays instant)."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="articles or folders of articles")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="where to write the report: a .pdf or .html file",
    )
    parser.add_argument(
        "--sections",
        metavar="A,B,C",
        help="comma-separated sections to include, in report order (default: all): "
        "articles, summary, charts, aligned, excerpts, distinctive, labels, concordance, "
        "quotes, frames, methodology",
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper size of a PDF (default a4)"
    )
    parser.add_argument("--landscape", action="store_true", help="landscape pages (PDF)")
    parser.add_argument("--title", default="", help="the report's title")
    parser.add_argument(
        "--kwic",
        action="append",
        default=[],
        metavar="PATTERN",
        help="a concordance pattern for the concordance section, e.g. 'invasion | war' "
        "(repeat for several)",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Analyse, compare and write the report; return the exit status."""
    import os
    from pathlib import Path

    suffix = Path(args.output).suffix.lower()
    if suffix not in FORMATS:
        err.write(
            f"framelens report: cannot tell the format of {args.output!r}; "
            "end the file name with .pdf or .html\n"
        )
        return 2
    from analysis.errors import FrameLensError
    from analysis.report import normalise_sections

    sections = None
    if args.sections is not None:
        try:
            sections = normalise_sections(args.sections.split(","))
        except FrameLensError as exc:
            err.write(f"framelens report: {exc}\n")
            return 2
        if not sections:
            err.write("framelens report: --sections names no section\n")
            return 2

    # A headless run needs no display; Qt must know before the application exists.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["framelens"])  # noqa: F841 - keep alive

    from analysis.compare import compare
    from analysis.pipeline import analyze
    from gui.report.api import write_report

    try:
        corpus = analyze(args.paths)
        for failure in corpus.errors:
            err.write(f"framelens report: {failure.path}: {failure.error}\n")
        if not corpus.articles:
            err.write("framelens report: no article could be read; no report written\n")
            return 1
        comparison = compare(corpus)
        pages = write_report(
            args.output,
            corpus,
            comparison,
            sections=sections,
            paper=args.paper,
            landscape=args.landscape,
            title=args.title,
            concordance=args.kwic,
        )
    except FrameLensError as exc:
        err.write(f"framelens report: {exc}\n")
        return 1
    what = f"{pages} pages" if pages else "HTML"
    out.write(
        f"Wrote {args.output} ({what}, {len(corpus.articles)} articles from "
        f"{len(corpus.outlets)} outlets)\n"
    )
    return 1 if corpus.errors else 0
