"""``framelens compare``: how the outlets frame the same story, on the command line.

Usage::

    framelens compare PATH... [--json] [--threshold X] [--min-words N]
                              [--concepts FILE] [--frames FILE] [--workers N]

PATHs are files or folders, as for ``framelens analyze``. Output on stdout: a
readable summary (aligned statements with the words each outlet adds or
changes, statements only one outlet carries, distinctive words, labels,
quotes and frames per outlet), or with ``--json`` one JSON object whose
schema is in :mod:`analysis.compare.jsonout` and the README. Inputs that
cannot be loaded are listed on stderr. Exit status: 0 when every input
loaded, 1 when some did not, 2 for a usage error (bad threshold, unreadable
concept or frame file).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from analysis.commands.options import capped_workers, positive_int

if TYPE_CHECKING:
    from analysis.compare.results import Comparison

__all__ = ["add_arguments", "run"]

#: Shown in --help; equal to analysis.compare.align.DEFAULT_THRESHOLD (a test checks it),
#: spelled out so that ``--help`` does not import the analysis code.
DEFAULT_THRESHOLD = 0.30


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(
            f"the threshold must be above 0 and at most 1, not {number}"
        )
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``compare`` options to its subparser."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object (schema in the README)"
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="X",
        help=f"similarity (0-1) at which sentences count as the same statement "
        f"(default {DEFAULT_THRESHOLD}; higher = fewer, surer groups)",
    )
    parser.add_argument(
        "--min-words",
        type=positive_int,
        default=3,
        metavar="N",
        help="fewest content words a sentence needs to be aligned (default 3)",
    )
    parser.add_argument(
        "--concepts",
        metavar="FILE",
        help="concept groups TSV (concept, term, reason) to use instead of the built-in one",
    )
    parser.add_argument(
        "--frames",
        metavar="FILE",
        help="frame keyword TSV (term, frame, reason) to use instead of the built-in one",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes for the analysis (default: all cores)",
    )


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _distinctive_lines(c: Comparison, indent: str) -> list[str]:
    notes = {n.outlet: n.note for n in c.distinctive_notes}
    lines = []
    for outlet in c.outlets:
        terms = [t for t in c.distinctive if t.outlet == outlet][:10]
        listed = ", ".join(f"{t.term} ({t.z:.1f}, {t.count})" for t in terms)
        lines.append(f"{indent}{outlet}: {listed or notes.get(outlet, '-')}")
    return lines


def _readable(c: Comparison) -> str:
    lines: list[str] = []
    lines.append(f"Outlets: {', '.join(c.outlets) or '(none)'}; articles: {len(c.articles)}")
    lines.append("")
    lines.append(f"Stories (facts are aligned within a story only): {len(c.stories)}")
    for story in c.stories:
        lines.append(f"  {story.id}: {_short(story.title, 100)} ({len(story.articles)} articles)")
        lines.extend(f"    ! {w}" for w in story.warnings)
    lines.append("")
    lines.append(
        f"Same statements in different outlets (threshold {c.threshold}): {len(c.groups)} groups"
    )
    for n, group in enumerate(sorted(c.groups, key=lambda g: -g.similarity), start=1):
        shared = f", shared figure {', '.join(group.anchors)}" if group.anchors else ""
        tag = f" [{group.story}]" if len(c.stories) > 1 else ""
        lines.append(f"  #{n}{tag} similarity {group.similarity:.2f}{shared}")
        for outlet, spans in zip(group.outlets, group.diff, strict=True):
            marked = " ".join(
                s.text if s.op == "same" else f"[{'+' if s.op == 'added' else '~'}{s.text}]"
                for s in spans
            )
            lines.append(f"    {outlet}: {_short(marked, 220)}")
    lines.append("  ([+...] only this outlet says it; [~...] worded differently)")
    lines.append("")
    lines.append("Statements only one outlet carries:")
    for outlet in c.outlets:
        own = [u for u in c.unique if u.outlet == outlet]
        lines.append(f"  {outlet}: {len(own)}")
        for u in own[:5]:
            lines.append(f"    - {_short(u.text)}")
    lines.append("")
    lines.append("Distinctive words (weighted log-odds z-score >= 1.96, count; no names):")
    for story in c.stories if len(c.stories) > 1 else ():
        part = c.for_story(story.id)
        if len(part.outlets) > 1:
            lines.append(f"  {story.id}:")
            lines.extend(_distinctive_lines(part, "    "))
    if len(c.stories) < 2:
        lines.extend(_distinctive_lines(c, "  "))
    lines.append("")
    lines.append("Labels (how each outlet describes an actor):")
    for actor in c.labels.actors()[:12]:
        lines.append(f"  {actor}:")
        for outlet, texts in c.labels.descriptions(actor).items():
            lines.append(f"    {outlet}: {'; '.join(texts)}")
    concepts = sorted({k.concept for k in c.labels.concepts if k.count})
    if concepts:
        lines.append("Concept words per outlet:")
        for concept in concepts:
            lines.append(f"  {concept}:")
            for outlet in c.outlets:
                words = [
                    f"{k.term} {k.count}"
                    for k in c.labels.concepts
                    if k.concept == concept and k.outlet == outlet and k.count
                ]
                lines.append(f"    {outlet}: {', '.join(words) or '-'}")
    lines.append("")
    lines.append("Quotes:")
    for q in c.quotes.outlets:
        speakers = [s for s in c.quotes.speakers if s.outlet == q.outlet and s.quotes][:5]
        verbs = [v for v in c.quotes.verbs if v.outlet == q.outlet][:6]
        lines.append(
            f"  {q.outlet}: {q.share:.0%} of words inside quotes ({q.quotes} quotes); "
            f"quoted: {', '.join(f'{s.speaker} {s.quotes}' for s in speakers) or '-'}; "
            f"verbs: {', '.join(f'{v.verb} {v.count}' for v in verbs) or '-'}"
        )
    lines.append("")
    lines.append("Frames (share of sentences evoking each; top 4):")
    from analysis.compare.frames import FRAME_LABELS

    for outlet in c.outlets:
        rows = sorted(
            (f for f in c.frames.outlets if f.outlet == outlet and f.sentences),
            key=lambda f: (-f.share, f.frame),
        )[:4]
        listed = ", ".join(f"{FRAME_LABELS[f.frame]} {f.share:.0%}" for f in rows) or "-"
        lines.append(f"  {outlet}: {listed}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framelens compare``; return the exit status."""
    import json

    from analysis.compare import compare, comparison_to_json
    from analysis.compare.frames import load_frames
    from analysis.compare.labels import load_concepts
    from analysis.errors import FrameLensError
    from analysis.pipeline import analyze

    try:
        concepts = load_concepts(args.concepts) if args.concepts else None
        frames = load_frames(args.frames) if args.frames else None
    except FrameLensError as error:
        err.write(f"framelens compare: {error}\n")
        return 2
    try:
        corpus = analyze(args.paths, workers=capped_workers(args.workers, "compare", err))
        comparison = compare(
            corpus,
            threshold=args.threshold,
            min_words=args.min_words,
            concepts=concepts,
            frames=frames,
        )
    except KeyboardInterrupt:
        err.write("framelens compare: interrupted.\n")
        return 130
    except FrameLensError as error:
        err.write(f"framelens compare: {error}\n")
        return 1
    for failure in corpus.errors:
        err.write(f"framelens compare: {failure.path}: {failure.error}\n")
    if args.json:
        json.dump(comparison_to_json(comparison), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write(_readable(comparison))
    return 1 if corpus.errors else 0
