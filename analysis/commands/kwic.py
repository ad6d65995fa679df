"""``framelens kwic``: a keyword-in-context concordance across outlets, headless.

Usage::

    framelens kwic PATTERN PATH... [--json] [--width N] [--sort position|left|right]
                                   [--csv FILE]

PATTERN is a word, a phrase, ``~lemma``, a word with ``*`` wildcards, or
alternatives ``invasion | war | conflict`` (quote it for the shell; the
language is in :mod:`analysis.kwic`). PATHs are files or folders, as for
``framelens analyze``; the articles are only loaded, not scored. Output on
stdout: the counts per outlet (and per alternative), then every occurrence
on one line, aligned on the match and grouped by outlet; with ``--json`` one
JSON object (:meth:`analysis.kwic.Concordance.to_json`, schema in the
README). ``--csv FILE`` also writes every occurrence as CSV. Exit status: 0
when every input loaded, 1 when some did not (or none did), 2 for a usage
error (a pattern that cannot be read).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from analysis.commands.options import positive_int

if TYPE_CHECKING:
    from analysis.kwic import Concordance

__all__ = ["add_arguments", "run"]

#: Equal to analysis.kwic.DEFAULT_WIDTH (spelled out so that --help imports nothing).
DEFAULT_WIDTH = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``kwic`` options to its subparser."""
    parser.add_argument(
        "pattern",
        metavar="PATTERN",
        help="word, phrase, ~lemma, wild*card or 'a | b | c' alternatives",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object (schema in the README)"
    )
    parser.add_argument(
        "--width",
        type=positive_int,
        default=DEFAULT_WIDTH,
        metavar="N",
        help=f"characters of context on each side (default {DEFAULT_WIDTH})",
    )
    parser.add_argument(
        "--sort",
        choices=("position", "left", "right"),
        default="position",
        help="order of the hits inside each outlet: as in the text (default), "
        "by the words to the left or to the right",
    )
    parser.add_argument("--csv", metavar="FILE", help="also write every hit to FILE as CSV")


def _readable(c: Concordance) -> str:
    lines = [f"Pattern: {c.pattern}"]
    total = len(c.hits)
    lines.append(f"{total} hit{'s' if total != 1 else ''}; per 1,000 words of the outlet's "
                 "own voice (hits inside quotations counted apart)")
    lines.append("")
    name_width = max([len("outlet")] + [len(o) for o in c.outlet_names])
    terms = c.terms if len(c.terms) > 1 else ()
    head = f"{'outlet':<{name_width}}  {'hits':>5}  {'quoted':>6}  {'per 1,000':>9}"
    head += "".join(f"  {t:>{max(5, len(t))}}" for t in terms)
    lines.append(head)
    table = c.table()
    for o in c.outlets:
        row = f"{o.outlet:<{name_width}}  {o.hits:>5}  {o.quoted:>6}  {o.per_1000:>9.2f}"
        row += "".join(f"  {table[o.outlet][t]:>{max(5, len(t))}}" for t in terms)
        lines.append(row)
    current: tuple[str, str | None] | None = None
    for h in c.hits:
        if (h.outlet, h.story) != current:
            current = (h.outlet, h.story)
            lines.append("")
            lines.append(f"{h.outlet}" + (f" · story {h.story}" if h.story else ""))
        mark = "  (quoted)" if h.voice == "quoted" else ""
        lines.append(f"  {h.left:>{c.width}} [{h.match}] {h.right:<{c.width}}{mark}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framelens kwic``; return the exit status."""
    import json

    from analysis.errors import FrameLensError
    from analysis.kwic import KwicCorpus, concordance, parse_pattern
    from analysis.load.inputs import load_many

    try:
        pattern = parse_pattern(args.pattern)
    except FrameLensError as error:
        err.write(f"framelens kwic: {error}\n")
        return 2
    try:
        articles, failures = load_many(args.paths)
    except KeyboardInterrupt:
        err.write("framelens kwic: interrupted.\n")
        return 130
    for failure in failures:
        err.write(f"framelens kwic: {failure.path}: {failure.error}\n")
    result = concordance(
        KwicCorpus.from_articles(articles), pattern, width=args.width, sort=args.sort
    )
    if args.csv:
        from analysis.export import write_csv

        try:
            write_csv(args.csv, result.to_frame())
        except FrameLensError as error:
            err.write(f"framelens kwic: {error}\n")
            return 1
    if args.json:
        json.dump(result.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write(_readable(result))
    return 1 if failures or not articles else 0
