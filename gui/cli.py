"""The one ``framelens`` entry point: the window, or a headless subcommand.

``framelens`` with no subcommand opens the main window (``framelens FILE...``
opens it on those files, ``--demo`` on the bundled samples). The subcommands
``analyze``, ``compare``, ``report``, ``kwic`` and ``batch`` never open a window.

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
from typing import TYPE_CHECKING, TextIO

from analysis import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

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
    "kwic": (
        "analysis.commands.kwic",
        "keyword in context: every occurrence of a word or phrase, grouped by outlet",
    ),
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
  framelens kwic "invasion | war | conflict" articles/
"""


class _Parser(argparse.ArgumentParser):
    """argparse, except that help or a version that cannot be written is an error.

    argparse drops an OSError from its own writes, so ``--help > /dev/full``
    exited 0 with nothing written; :func:`main` turns it into one line.
    """

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser (subcommand modules add their own options)."""
    parser = _Parser(
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
        "--theme",
        choices=("light", "dark", "system"),
        help="colour theme for this run (a screenshot is light unless this says otherwise)",
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
        if arg in ("--screenshot", "--theme"):
            options.append(arg)
            options.append(next(it, ""))
        elif arg.startswith("-"):
            options.append(arg)
        else:
            files.append(arg)
    return options, files


class OneLineMessages:
    """Standard error for the subcommands: each ``write`` is shown as one safe line.

    Messages name user files, whose names may hold newlines, escape
    sequences or undecodable bytes; here they are escaped
    (:func:`analysis.safeio.printable`), so a name can neither forge a line
    nor retitle, clear or recolour the terminal. A leading carriage return
    (the batch progress bar) and the final newline are kept.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        from analysis.safeio import printable

        lead = "\r" if text.startswith("\r") else ""
        end = "\n" if text.endswith("\n") else ""
        body = text[len(lead) : len(text) - len(end)]
        return self.stream.write(lead + printable(body) + end)

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def _run_subcommand(module_name: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run one subcommand; output that cannot be written is one line, never a traceback."""
    module = importlib.import_module(module_name)
    try:
        status = int(module.run(args, out, err))
        out.flush()
        return status
    except KeyboardInterrupt:
        err.write("framelens: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader (e.g. ``| head``) stopped early: not an error of ours.
        _detach_stdout(out)
        return 0
    except OSError as error:  # standard output on a full disk or device
        _detach_stdout(out)
        err.write(f"framelens {args.command}: cannot write the output: {error.strerror or error}\n")
        return 1


def _detach_stdout(out: TextIO) -> None:
    """After a failed write, point file descriptor 1 at /dev/null.

    Otherwise the interpreter's flush at exit fails again on what is still
    buffered, and prints "Exception ignored ..." with a traceback.
    """
    import contextlib
    import os

    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _flushed(status: int, err: TextIO) -> int:
    """``status`` once standard output is flushed; 1 with one line when it cannot be."""
    try:
        sys.stdout.flush()
    except OSError as error:
        _detach_stdout(sys.stdout)
        err.write(f"framelens: cannot write the output: {error.strerror or error}\n")
        return 1
    return status


def _safe_streams(out: TextIO | None, err: TextIO | None) -> tuple[TextIO, TextIO]:
    """Standard output that writes any text, and one-line standard error."""
    out = out or sys.stdout
    # Undecodable bytes of file names (lone surrogates) come out as \udcxx,
    # which in JSON output is the escape that reads back to them.
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    return out, OneLineMessages(err or sys.stderr)  # type: ignore[return-value]


#: Loggers whose warnings belong on standard error: FrameLens's own.
_OUR_LOGGERS = ("analysis", "gui", "framelens")


def _ours(record: logging.LogRecord) -> bool:
    return record.name.split(".", 1)[0] in _OUR_LOGGERS


def _configure_logging(*, verbose: bool, headless: bool) -> None:
    """Standard error carries FrameLens's own messages; library warnings (pypdf,
    trafilatura, Python warnings) go to the log file only (issue 28), unless -v."""
    from analysis.safeio import PrintableFormatter

    root = logging.getLogger()
    fresh = not root.handlers
    handler = logging.StreamHandler()
    # Messages name user files: escaped, so a name cannot drive the terminal.
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler])
    if not fresh or verbose:
        return
    for each in root.handlers:
        each.addFilter(_ours)
    logging.captureWarnings(True)
    if headless and not os.environ.get("FRAMELENS_NO_LOG_FILE"):
        # The window sets up the same log file itself (gui.crash.install).
        from gui.logfile import setup_file_logging

        setup_file_logging()


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run FrameLens; return the process exit status."""
    import multiprocessing

    # A frozen program's worker processes re-enter here; let them do their work.
    multiprocessing.freeze_support()
    raw_err = err or sys.stderr
    out, err = _safe_streams(out, err)
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
            sys.stdout.flush()
        except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 for --help
            return _flushed(int(exit_.code or 0), err)
        except OSError as error:  # --help or --version to a full device
            _detach_stdout(sys.stdout)
            err.write(f"framelens: cannot write the output: {error.strerror or error}\n")
            return 1
        if args.command:
            return _run_subcommand(SUBCOMMANDS[args.command][0], args, out, err)
    options, files = _split_files(args_list)
    try:
        args = parser.parse_args(options)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.selftest:
        from gui import selftest

        try:
            return _flushed(selftest.run(out, raw_err), err)
        except OSError as error:  # the report of the check cannot be written
            _detach_stdout(sys.stdout)
            err.write(f"framelens: cannot write the output: {error.strerror or error}\n")
            return 1
    from gui.app import run_app

    return run_app(files, demo=args.demo, screenshot=args.screenshot or None, theme=args.theme)


if __name__ == "__main__":
    sys.exit(main())
