"""``framelens analyze``: score articles and print the per-outlet table, CSV or JSON.

Usage::

    framelens analyze PATH... [--json | --csv] [--per outlet|article|sentence]
                              [--lexicon FILE]... [--workers N]

PATHs are files (.txt, .md, .html, .htm, .pdf, .docx) or folders (searched
recursively). Output on stdout:

* default: a readable table, one row per outlet (``--per`` picks articles or
  sentences instead);
* ``--csv``: the same table as CSV with every column of
  :mod:`analysis.tables` (per outlet unless ``--per`` says otherwise);
* ``--json``: one JSON object, the schema of :mod:`analysis.jsonout`.

Each input that cannot be loaded is one line on stderr (and an entry of
``"errors"`` in the JSON). Exit status: 0 when every input loaded, 1 when
some did not (the rest are still analysed and reported), 2 for a usage error
(bad option, unreadable lexicon file).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from analysis.commands.options import capped_workers, positive_int

if TYPE_CHECKING:
    import pandas as pd

    from analysis.model import Corpus

__all__ = ["add_arguments", "run"]

#: Columns of the readable (not CSV) table, per level.
_READABLE = {
    "outlet": [
        "articles", "words", "sentences", "subjectivity", "polarity",
        "subjective_share", "loaded_per_1000", "bias", "top_terms",
    ],
    "article": [
        "outlet", "title", "words", "sentences", "subjectivity", "polarity",
        "subjective_share", "loaded_per_1000", "bias", "top_terms",
    ],
    "sentence": ["article", "outlet", "subjectivity", "polarity", "bias", "quoted", "text"],
}  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``analyze`` options to its subparser."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    form = parser.add_mutually_exclusive_group()
    form.add_argument(
        "--json", action="store_true", help="print one JSON object (schema in the README)"
    )
    form.add_argument("--csv", action="store_true", help="print the table as CSV, all columns")
    parser.add_argument(
        "--per",
        choices=("outlet", "article", "sentence"),
        default="outlet",
        help="one row per outlet (default), article or sentence",
    )
    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="add a lexicon (FrameLens .tsv, LIWC .dic or MPQA .tff); may be repeated",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: all cores)",
    )


def _table(corpus: Corpus, per: str) -> pd.DataFrame:
    from analysis.tables import article_table, outlet_table, sentence_table

    if per == "article":
        return article_table(corpus)
    if per == "sentence":
        return sentence_table(corpus)
    return outlet_table(corpus)


def _readable(frame: pd.DataFrame, per: str) -> str:
    if frame.empty:
        return "No article could be analysed.\n"
    shown = frame[_READABLE[per]].copy()
    if per == "sentence":
        shown["text"] = shown["text"].str.slice(0, 60)
    if "title" in shown:
        shown["title"] = shown["title"].str.slice(0, 40)
    shown = shown.rename(columns={"subjective_share": "subj_share", "loaded_per_1000": "loaded/1k"})
    text: str = shown.to_string(float_format=lambda v: f"{v:.3f}", max_colwidth=60)
    return text + "\n"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framelens analyze``; return the exit status."""
    from analysis.errors import FrameLensError
    from analysis.jsonout import article_json_text, corpus_json_text
    from analysis.lexicon import default_lexicon, load_lexicon
    from analysis.pipeline import analyze, analyze_rendered

    try:
        lexicon = default_lexicon()
        for path in args.lexicon:
            lexicon = lexicon.merged(load_lexicon(path))
    except FrameLensError as error:  # an unreadable lexicon file: a usage error
        err.write(f"framelens analyze: {error}\n")
        return 2
    try:
        workers = capped_workers(args.workers, "analyze", err)
        if args.json:
            # Each article's JSON is written by the worker process that analysed it.
            corpus, articles = analyze_rendered(
                args.paths, article_json_text, lexicon=lexicon, workers=workers
            )
        else:
            corpus = analyze(args.paths, lexicon=lexicon, workers=workers)
    except KeyboardInterrupt:
        err.write("framelens analyze: interrupted.\n")
        return 130
    except FrameLensError as error:
        err.write(f"framelens analyze: {error}\n")
        return 1
    for failure in corpus.errors:
        err.write(f"framelens analyze: {failure.path}: {failure.error}\n")
    if args.json:
        document = corpus_json_text(corpus, articles) + "\n"
    elif args.csv:
        from analysis.export import frame_to_csv

        document = frame_to_csv(_table(corpus, args.per), index=True)
    else:
        document = _readable(_table(corpus, args.per), args.per)
    try:
        out.write(document)
        out.flush()
    except BrokenPipeError:
        # The reader (e.g. ``| head``) stopped early: not an error of ours.
        pass
    return 1 if corpus.errors else 0
