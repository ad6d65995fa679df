"""Frames: the 15 dimensions of the Policy Frames Codebook, per sentence and per outlet.

Boydstun, Card, Gross, Resnik and Smith (2014), "Tracking the Development of
Media Frames within and across Policy Issues". A sentence evokes a frame when
it contains a keyword of that frame from ``resources/frames.tsv`` (our own
dictionary; users may pass their own file). Per outlet we report the share of
its sentences that evoke each frame and the keyword hits per 1,000 words.
A keyword dictionary sees words, not meaning: read the numbers as "how often
each outlet uses the vocabulary of a frame". Entries of the frame ``none``
block a keyword inside a phrase that evokes no frame ("Internet security
company"); the precision of the hits on real sentences is measured by
benchmarks/frame_precision.py.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from analysis.compare.results import FrameHit, Frames, OutletFrame
from analysis.compare.tokens import TermEntry, TermMatcher
from analysis.errors import LexiconError
from analysis.model import Corpus
from analysis.resources import read_term_table

#: (id, label) of the 15 frame dimensions, in the codebook's order.
FRAMES: tuple[tuple[str, str], ...] = (
    ("economic", "Economic"),
    ("capacity", "Capacity and resources"),
    ("morality", "Morality"),
    ("fairness", "Fairness and equality"),
    ("legality", "Legality, constitutionality and jurisprudence"),
    ("policy", "Policy prescription and evaluation"),
    ("crime", "Crime and punishment"),
    ("security", "Security and defense"),
    ("health", "Health and safety"),
    ("quality_of_life", "Quality of life"),
    ("cultural_identity", "Cultural identity"),
    ("public_opinion", "Public opinion"),
    ("political", "Political"),
    ("external_regulation", "External regulation and reputation"),
    ("other", "Other"),
)
FRAME_IDS = tuple(f for f, _ in FRAMES)
FRAME_LABELS = dict(FRAMES)
#: The frame of a dictionary entry that holds a keyword but evokes no frame
#: ("internet security", "Politico"): it wins as the longer match and is not counted.
NO_FRAME = "none"


def load_frames(path: str | Path) -> TermMatcher:
    """Read a frame dictionary (term, frame, reason); raises LexiconError when malformed."""
    path = Path(path)
    entries = []
    for term, frame, reason in read_term_table(path, ("term", "frame", "reason")):
        if frame not in FRAME_LABELS and frame != NO_FRAME:
            raise LexiconError(
                f"{path}: the frame {frame!r} of term {term!r} is not one of "
                f"{', '.join(FRAME_IDS)} (or {NO_FRAME} for a phrase that evokes no frame)."
            )
        entries.append(TermEntry(term, frame, reason))
    return TermMatcher(entries)


@cache
def default_frames() -> TermMatcher:
    """The built-in dictionary, resources/frames.tsv."""
    from analysis.resources import resource_path

    return load_frames(resource_path("frames.tsv"))


def frame_scores(corpus: Corpus, *, dictionary: TermMatcher | None = None) -> Frames:
    """Frame keyword hits per sentence and the per-outlet shares and rates."""
    matcher = dictionary if dictionary is not None else default_frames()
    hits: list[FrameHit] = []
    sentences: dict[str, int] = {o: 0 for o in corpus.outlets}
    words: dict[str, int] = {o: 0 for o in corpus.outlets}
    evoking: dict[tuple[str, str], int] = {}
    hit_count: dict[tuple[str, str], int] = {}
    for a, analyzed in enumerate(corpus.articles):
        outlet, text = analyzed.outlet, analyzed.article.text
        sentences[outlet] += len(analyzed.sentences)
        words[outlet] += analyzed.words
        for s, sentence in enumerate(analyzed.sentences):
            seen: set[str] = set()
            for m in matcher.finditer(text, sentence.start, sentence.end):
                frame = m.entry.group
                if frame == NO_FRAME:
                    continue
                hits.append(FrameHit(a, s, m.start, m.end, m.text, frame, m.entry.reason))
                hit_count[(outlet, frame)] = hit_count.get((outlet, frame), 0) + 1
                seen.add(frame)
            for frame in seen:
                evoking[(outlet, frame)] = evoking.get((outlet, frame), 0) + 1
    outlets = tuple(
        OutletFrame(
            outlet,
            frame,
            evoking.get((outlet, frame), 0),
            evoking.get((outlet, frame), 0) / sentences[outlet] if sentences[outlet] else 0.0,
            hit_count.get((outlet, frame), 0),
            1000.0 * hit_count.get((outlet, frame), 0) / words[outlet] if words[outlet] else 0.0,
        )
        for outlet in corpus.outlets
        for frame in FRAME_IDS
    )
    return Frames(tuple(hits), outlets)
