"""``framelens batch``: score large corpora into Parquet or CSV, resumably.

Examples::

    framelens batch articles/ -o scores.parquet
    framelens batch corpus.jsonl.gz more.csv -o scores.csv --per sentence
    framelens batch corpus.jsonl -o scores.parquet --resume          # after an interruption
    framelens batch corpus.jsonl -o scores.parquet --engine dask --scheduler tcp://10.0.0.5:8786

The work is done by :func:`analysis.batchrun.run_batch`; this module parses the
options, draws the progress bar on stderr and prints the summary.
"""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING, TextIO

from analysis.commands.options import capped_workers, positive_int

if TYPE_CHECKING:
    from analysis.batchrun import BatchProgress, Engine

#: Redraw an interactive progress bar at most this often (seconds).
_TTY_INTERVAL = 0.2
#: On a log file (not a terminal), write a progress line at most this often.
_LOG_INTERVAL = 30.0
_BAR_WIDTH = 24


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``batch`` options to ``parser``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = """\
inputs:
  folders (searched recursively) and article files (.txt .md .html .pdf .docx),
  JSON Lines (.jsonl, .ndjson) and CSV (.csv) files with one article per line or
  row -- a text column and optional id, outlet, title, author, date, url columns --
  each optionally gzip-compressed (.gz), also inside folders (corpus shards). A blank
  outlet is detected from url and text.

output:
  one row per article, in input order: id, source, row, outlet, outlet_source, title,
  author, date, url, language, words, sentences, subjectivity, polarity,
  subjective_share, loaded, loaded_per_1000, loaded_per_1000_<category>, bias (mean),
  bias_max, top_terms -- or, with --per sentence, one row per sentence: id, source,
  row, outlet, sentence, start, end, text, subjectivity, polarity, bias, quoted,
  loaded, subjective_words. Inputs that fail are listed in OUTPUT.failures.csv.

interruptions:
  finished chunks are kept in OUTPUT.parts/ and recorded in OUTPUT.progress.json;
  run the same command with --resume to continue where it stopped.

examples:
  framelens batch articles/ -o scores.parquet
  framelens batch corpus.jsonl.gz -o sentences.csv --per sentence --workers 8
  framelens batch corpus.jsonl -o scores.parquet --engine dask --scheduler tcp://10.0.0.5:8786
"""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="folders, article files, or JSON Lines / CSV files of articles",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="scores.parquet or scores.csv"
    )
    parser.add_argument(
        "--per",
        choices=("article", "sentence"),
        default="article",
        help="one row per article (default) or per sentence",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="worker processes (default: all cores; with --engine dask and no --scheduler, "
        "the workers of the local Dask cluster)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="local process pool (default) or Dask (needs framelens[dask])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
        "without it --engine dask starts a local cluster)",
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue an interrupted run of the same command"
    )
    parser.add_argument(
        "--chunk-size",
        type=positive_int,
        metavar="N",
        help="articles per chunk, the unit of work and of resuming (default: 200)",
    )
    parser.add_argument(
        "--text-column",
        default="text",
        metavar="NAME",
        help="column of JSON Lines / CSV inputs that holds the text (default: text)",
    )
    parser.add_argument(
        "--id-column",
        default="id",
        metavar="NAME",
        help="column that identifies an article (default: id; else FILE:LINE)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="do not draw the progress bar on stderr"
    )


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class ProgressBar:
    """A one-line progress bar on a terminal, or a line now and then in a log file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        self.interactive = bool(isatty and isatty())
        self.last_draw = 0.0
        self.drawn = False
        self.width = 0

    def line(self, state: BatchProgress) -> str:
        """The text of the bar for ``state``."""
        total = max(state.total, 1)
        fraction = min(1.0, state.done / total)
        filled = int(round(fraction * _BAR_WIDTH))
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        new = state.done - state.resumed
        parts = [f"[{bar}] {fraction:4.0%}", f"{state.done:,}/{state.total:,} articles"]
        if state.elapsed > 0 and new > 0:
            rate = new / state.elapsed
            parts.append(f"{rate:,.1f} articles/s")
            parts.append(f"{state.words / state.elapsed:,.0f} words/s")
            parts.append(f"ETA {_duration((state.total - state.done) / rate)}")
        return "  ".join(parts)

    def __call__(self, state: BatchProgress) -> None:
        now = time.monotonic()
        finished = state.done >= state.total
        interval = _TTY_INTERVAL if self.interactive else _LOG_INTERVAL
        if self.drawn and not finished and now - self.last_draw < interval:
            return
        self.last_draw = now
        self.drawn = True
        if self.interactive:
            text = self.line(state)
            # Pad over the end of a longer previous line.
            padded = text.ljust(self.width)
            self.width = len(text)
            self.stream.write("\r" + padded + ("\n" if finished else ""))
        else:
            self.stream.write(self.line(state) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End an unfinished interactive line, so later messages start on their own."""
        if self.interactive and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framelens batch``: exit 0 if all went well, 1 if some inputs failed, 2 on errors."""
    from pathlib import Path

    from analysis.batchrun import DEFAULT_CHUNK_SIZE, output_format, progress_path, run_batch
    from analysis.errors import CancelledError, FrameLensError

    engine: Engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        err.write("framelens batch: --scheduler needs --engine dask.\n")
        return 2
    try:
        output_format(args.output)
    except FrameLensError as error:
        err.write(f"framelens batch: {error}\n")
        return 2
    bar = None if args.no_progress else ProgressBar(err)
    try:
        summary = run_batch(
            args.inputs,
            args.output,
            per=args.per,
            workers=capped_workers(args.workers, "batch", err),
            engine=engine,
            scheduler=args.scheduler,
            resume=args.resume,
            chunk_size=args.chunk_size or DEFAULT_CHUNK_SIZE,
            text_column=args.text_column,
            id_column=args.id_column,
            progress=bar,
        )
    except (KeyboardInterrupt, CancelledError):
        if bar is not None:
            bar.close()
        err.write(
            f"framelens batch: interrupted. The finished chunks are recorded in "
            f"{progress_path(Path(args.output))}; run the same command with "
            "--resume to continue.\n"
        )
        return 130
    except FrameLensError as error:
        if bar is not None:
            bar.close()
        err.write(f"framelens batch: {error}\n")
        return 2
    seconds = max(summary.seconds, 1e-9)
    new = summary.items - summary.resumed
    what = "sentence rows" if summary.per == "sentence" else "rows"
    where = "Dask worker threads" if summary.engine == "dask" else "local worker processes"
    out.write(
        f"Scored {summary.articles:,} articles ({summary.words:,} words) into "
        f"{summary.output}: {summary.rows:,} {what} in {_duration(summary.seconds)} "
        f"({new / seconds:,.1f} articles/s) on {summary.workers} {where}.\n"
    )
    if summary.resumed:
        out.write(f"{summary.resumed:,} articles were already done by the interrupted run.\n")
    if summary.skipped:
        err.write(
            f"framelens batch: {len(summary.skipped):,} files in the input folders were "
            "skipped (not articles or tables FrameLens reads), e.g. "
            f"{summary.skipped[0].path}: {summary.skipped[0].error}\n"
        )
    if summary.failures:
        err.write(
            f"framelens batch: {summary.failures:,} inputs could not be scored; "
            f"all are listed in {summary.failures_file}:\n"
        )
        for failure in summary.first_failures:
            err.write(f"  {failure.path}: {failure.error}\n")
        if summary.failures > len(summary.first_failures):
            more = summary.failures - len(summary.first_failures)
            err.write(f"  \u2026 and {more:,} more, listed in {summary.failures_file}\n")
        return 1
    return 0
