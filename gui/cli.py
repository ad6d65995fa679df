"""The one ``framelens`` entry point: the window, or a headless subcommand.

``framelens`` with no subcommand opens the main window (``framelens FILE...``
opens it on those files, ``--demo`` on the bundled samples). The subcommands
``analyze``, ``compare``, ``report`` and ``batch`` never open a window.

Each subcommand lives in its own module exposing ``add_arguments(parser)`` and
``run(args, out, err) -> int``; this module only wires them up, so that
``framelens --help`` stays instant (nothing heavy is imported until a command
runs).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from analysis import __version__

#: Subcommand name → (module, one-line help).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "analyze": (
        "analysis.commands.analyze",
        "score subjectivity and loaded terms per article and outlet",
    ),
    "compare": (
        "analysis.commands.compare",
        "compare framing across outlets: aligned statements, distinctive words, "
        "labels, quotes, frames",
    ),
    "report": ("gui.commands.report", "write a comparison report as PDF or HTML"),
    "batch": (
        "analysis.commands.batch",
        "score large corpora into Parquet or CSV, resumable, on all cores or a Dask cluster",
    ),
}

EPILOG = """\
examples:
  framelens                         open the window
  framelens --demo                  open the window on the bundled sample articles
  framelens a.html b.pdf c.txt      open the window on these articles
  framelens analyze articles/ --json
  framelens compare a.txt b.txt --json
  framelens report articles/ -o report.pdf
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser (subcommand modules add their own options)."""
    parser = argparse.ArgumentParser(
        prog="framelens",
        description="See how different news outlets frame the same story.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"FrameLens {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample articles")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the main window at 1400x900 into PNG and exit (with --demo or files)",
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check the installation (analysis, lexicons, samples, PDF report), "
        "print 'ok' and exit",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # a subcommand not built into this installation
            continue
        module.add_arguments(sub_parser)
    return parser


def _split_files(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Separate ``framelens FILE...`` from options, so files never clash with subcommands."""
    options: list[str] = []
    files: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--screenshot":
            options.append(arg)
            options.append(next(it, ""))
        elif arg.startswith("-"):
            options.append(arg)
        else:
            files.append(arg)
    return options, files


#: Loggers whose warnings belong on standard error: FrameLens's own.
_OUR_LOGGERS = ("analysis", "gui", "framelens")


def _ours(record: logging.LogRecord) -> bool:
    return record.name.split(".", 1)[0] in _OUR_LOGGERS


def _configure_logging(*, verbose: bool, headless: bool) -> None:
    """Standard error carries FrameLens's own messages; library warnings (pypdf,
    trafilatura, Python warnings) go to the log file only (issue 28), unless -v."""
    root = logging.getLogger()
    fresh = not root.handlers
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not fresh or verbose:
        return
    for handler in root.handlers:
        handler.addFilter(_ours)
    logging.captureWarnings(True)
    if headless and not os.environ.get("FRAMELENS_NO_LOG_FILE"):
        # The window sets up the same log file itself (gui.crash.install).
        from gui.crash import setup_file_logging

        setup_file_logging()


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run FrameLens; return the process exit status."""
    import multiprocessing

    # A frozen program's worker processes re-enter here; let them do their work.
    multiprocessing.freeze_support()
    out = out or sys.stdout
    err = err or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    first_positional = next((a for a in args_list if not a.startswith("-")), None)
    _configure_logging(
        verbose=bool({"-v", "--verbose"} & set(args_list)),
        headless=first_positional in SUBCOMMANDS,
    )
    parser = build_parser()
    if first_positional in SUBCOMMANDS or {"-h", "--help", "--version"} & set(args_list):
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 for --help
            return int(exit_.code or 0)
        if args.command:
            module = importlib.import_module(SUBCOMMANDS[args.command][0])
            try:
                return int(module.run(args, out, err))
            except KeyboardInterrupt:
                err.write("framelens: interrupted\n")
                return 130
    options, files = _split_files(args_list)
    try:
        args = parser.parse_args(options)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.selftest:
        from gui import selftest

        return selftest.run(out, err)
    from gui.app import run_app

    return run_app(files, demo=args.demo, screenshot=args.screenshot or None)


if __name__ == "__main__":
    sys.exit(main())
