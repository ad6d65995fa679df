"""Framing comparison across outlets: the compare step of load → segment → score → compare.

:func:`compare` takes an analysed :class:`~analysis.model.Corpus` (each article read up
to a bound, :mod:`.bounds`) and returns a
:class:`Comparison`: the articles grouped into stories (:mod:`.stories`),
the same facts of each story side by side with their word-level
differences (:mod:`.align`, :mod:`.diff`), statements only one outlet carries,
the headlines side by side, distinctive words per outlet
(:mod:`.distinctive`), how each outlet labels
actors and concepts (:mod:`.labels`), who is quoted and how (:mod:`.quotes`)
and the Policy Frames Codebook dimensions each outlet evokes (:mod:`.frames`).
:func:`comparison_to_json` gives the documented ``framelens compare --json`` shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from analysis.compare.align import DEFAULT_THRESHOLD, MIN_WORDS, Alignment, align
from analysis.compare.bounds import bounded
from analysis.compare.diff import group_diff
from analysis.compare.results import (
    AlignedGroup,
    Comparison,
    ConceptCount,
    Descriptor,
    DiffSpan,
    DistinctiveNote,
    DistinctiveTerm,
    FrameHit,
    Frames,
    Headline,
    Labels,
    Member,
    OutletFrame,
    OutletQuoting,
    Quote,
    Quotes,
    SentenceRef,
    SpeakerCount,
    Story,
    UniqueStatement,
    VerbCount,
)
from analysis.compare.stories import find_stories
from analysis.compare.tokens import TermMatcher
from analysis.errors import COMPARISON_CANCELLED, check_cancel
from analysis.model import Corpus

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedGroup",
    "Comparison",
    "ConceptCount",
    "Descriptor",
    "DiffSpan",
    "DistinctiveNote",
    "DistinctiveTerm",
    "FrameHit",
    "Frames",
    "Headline",
    "Labels",
    "Member",
    "OutletFrame",
    "OutletQuoting",
    "Quote",
    "Quotes",
    "SentenceRef",
    "SpeakerCount",
    "Story",
    "UniqueStatement",
    "VerbCount",
    "compare",
    "comparison_to_json",
    "realign",
]


def _groups(
    corpus: Corpus, alignment: Alignment, story: Story, index: Sequence[int]
) -> tuple[AlignedGroup, ...]:
    """Groups of an alignment of ``corpus`` (one story); ``index`` maps its articles back."""
    items = alignment.items
    result = []
    for group in alignment.groups:

        def centrality(
            k: int, group: tuple[int, ...] = group
        ) -> tuple[float, int, tuple[str, int, str]]:
            total = sum(alignment.pair(k, other) for other in group if other != k)
            # Ties (always, for two members): the shorter sentence is the core.
            return (-total, len(items[k].text), items[k].key)

        core_item = min(group, key=centrality)
        core = group.index(core_item)
        texts = [corpus.articles[items[k].article].article.text for k in group]
        spans = [(items[k].start, items[k].end) for k in group]
        diff, dropped = group_diff(texts, spans, core)
        pairs = [
            alignment.pair(x, y)
            for n, x in enumerate(group)
            for y in group[n + 1 :]
            if items[x].outlet != items[y].outlet
        ]
        result.append(
            AlignedGroup(
                members=tuple(
                    Member(index[items[k].article], items[k].sentence, items[k].start,
                           items[k].end, items[k].text)
                    for k in group
                ),
                outlets=tuple(items[k].outlet for k in group),
                core=core,
                diff=diff,
                dropped=dropped,
                similarity=sum(pairs) / len(pairs) if pairs else 0.0,
                anchors=alignment.anchors(group),
                story=story.id,
            )
        )  # fmt: skip
    return tuple(result)


def _unique(
    alignment: Alignment, outlets: tuple[str, ...], story: Story, index: Sequence[int]
) -> tuple[UniqueStatement, ...]:
    if len(outlets) < 2:
        return ()
    items = alignment.items
    return tuple(
        UniqueStatement(
            items[k].outlet, index[items[k].article], items[k].sentence, items[k].start,
            items[k].end, items[k].text, story.id,
        )
        for k in alignment.unmatched
    )  # fmt: skip


def headlines(corpus: Corpus) -> tuple[Headline, ...]:
    """The headline of every article that has one (its title), in corpus order.

    Every headline is scored the same way (:func:`analysis.score.score_line`),
    whether it is a line of the text or only the title the file declares.
    """
    from analysis.score import score_line

    found = []
    for a, analyzed in enumerate(corpus.articles):
        article = analyzed.article
        if not article.title:
            continue
        span = article.headline
        scored = score_line(article.title)
        found.append(
            Headline(
                analyzed.outlet,
                a,
                article.title,
                span[0] if span else None,
                span[1] if span else None,
                scored.subjectivity,
                scored.polarity,
                scored.loaded,
            )
        )
    return tuple(found)


def _align_stories(
    corpus: Corpus,
    stories: Sequence[Story],
    *,
    threshold: float,
    min_words: int,
    concepts: TermMatcher | None,
    aliases: TermMatcher | None,
    cancel: Callable[[], bool] | None,
) -> tuple[tuple[AlignedGroup, ...], tuple[UniqueStatement, ...]]:
    """Align each story on its own (:func:`.align.align` with these options);
    groups and unique statements in story order.

    With two or more outlets in the corpus, the sentences of a story that only
    one outlet covers are unique statements: no other outlet reports them.
    """
    groups: list[AlignedGroup] = []
    unique: list[UniqueStatement] = []
    for story in stories:
        part = Corpus(articles=tuple(corpus.articles[i] for i in story.articles))
        alignment = align(
            part,
            threshold=threshold,
            min_words=min_words,
            concepts=concepts,
            aliases=aliases,
            cancel=cancel,
        )
        groups.extend(_groups(part, alignment, story, story.articles))
        unique.extend(_unique(alignment, corpus.outlets, story, story.articles))
    return tuple(groups), tuple(unique)


def _distinctive_by_story(
    corpus: Corpus, stories: Sequence[Story], min_count: int
) -> tuple[tuple[DistinctiveTerm, ...], tuple[DistinctiveNote, ...]]:
    """Distinctive words with each story's outlets compared among themselves.

    Compared across stories, an outlet that covers another event would show
    that event's topic words, not its framing.
    """
    from analysis.compare.distinctive import distinctive_notes, distinctive_terms

    terms: list[DistinctiveTerm] = []
    notes: list[DistinctiveNote] = []
    for story in stories:
        index = story.articles
        part = Corpus(articles=tuple(corpus.articles[i] for i in index))
        found = distinctive_terms(part, min_count=min_count)
        terms += [
            t._replace(
                refs=tuple(SentenceRef(index[r.article], r.sentence) for r in t.refs),
                story=story.id,
            )
            for t in found
        ]
        notes += [n._replace(story=story.id) for n in distinctive_notes(part, found)]
    return tuple(terms), tuple(notes)


def compare(
    corpus: Corpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = MIN_WORDS,
    min_count: int = 3,
    concepts: TermMatcher | None = None,
    frames: TermMatcher | None = None,
    aliases: TermMatcher | None = None,
    story_threshold: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare how the outlets of ``corpus`` report the story (or stories).

    ``threshold`` (0–1) is the similarity at which two sentences of different
    outlets count as the same statement: raise it for fewer, surer groups.
    ``min_words`` is the fewest content words a sentence needs to be aligned
    or listed as unique; ``min_count`` the fewest occurrences a distinctive
    word needs in its outlet. ``concepts`` and ``frames`` replace the
    built-in resources/concepts.tsv and resources/frames.tsv (see
    :func:`.labels.load_concepts`, :func:`.frames.load_frames`); concept
    groups also make their terms count as one word in alignment.
    ``aliases`` replaces resources/aliases.tsv (other names of one thing,
    "Beijing" = "China", used in alignment only; see :func:`.align.load_aliases`).
    The articles are first grouped into stories (:mod:`.stories`) and facts
    are aligned within each story only; ``story_threshold`` replaces
    :data:`.stories.STORY_THRESHOLD` (0 puts every article in one story).
    ``progress(done, total)`` is called after each
    step and ``cancel()`` checked between steps and inside the alignment
    (raising :class:`~analysis.errors.CancelledError`).
    """
    from analysis.compare.frames import frame_scores
    from analysis.compare.labels import aliases as short_names
    from analysis.compare.labels import default_concepts, labels
    from analysis.compare.quotes import quotes

    outlets = corpus.outlets
    concept_groups = concepts if concepts is not None else default_concepts()
    steps = 5

    def step(done: int) -> None:
        check_cancel(cancel, COMPARISON_CANCELLED)
        if progress is not None:
            progress(done, steps)

    step(0)
    read = bounded(corpus)
    corpus = read.corpus
    compared = corpus.articles[: read.compared]
    stories = read.stories(
        find_stories(compared)
        if story_threshold is None
        else find_stories(compared, threshold=story_threshold)
    )

    groups, unique = _align_stories(
        corpus,
        stories,
        threshold=threshold,
        min_words=min_words,
        concepts=concept_groups,
        aliases=aliases,
        cancel=cancel,
    )
    step(1)
    distinctive, distinctive_why = _distinctive_by_story(corpus, stories, min_count)
    step(2)
    # Labels, quotes and frames read every article, one at a time (see .bounds);
    # labels and quotes both resolve short names to full ones: find them once.
    each = read.each
    names = short_names(each)
    labelled = labels(each, concepts=concept_groups, alias=names, cancel=cancel)
    step(3)
    quoted = quotes(each, alias=names, cancel=cancel)
    step(4)
    framed = frame_scores(each, dictionary=frames)
    step(5)
    return Comparison(
        threshold=threshold,
        articles=tuple(a.article.path for a in corpus.articles),
        article_outlets=tuple(a.outlet for a in corpus.articles),
        outlets=outlets,
        groups=groups,
        unique=unique,
        headlines=tuple(
            h._replace(story=next((s.id for s in stories if h.article in s.articles), ""))
            for h in headlines(corpus)
        ),
        distinctive=distinctive,
        distinctive_notes=distinctive_why,
        labels=labelled,
        quotes=quoted,
        frames=framed,
        stories=stories,
    )


def realign(
    comparison: Comparison,
    corpus: Corpus,
    *,
    threshold: float,
    min_words: int = MIN_WORDS,
    concepts: TermMatcher | None = None,
    aliases: TermMatcher | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """``comparison`` with its groups and unique statements redone at ``threshold``.

    For a threshold slider: only the alignment step runs again (the other
    parts do not depend on the threshold). ``corpus`` must be the corpus
    ``comparison`` was made from. ``cancel`` is checked as in :func:`compare`.
    """
    read = bounded(corpus)
    corpus = read.corpus
    stories = comparison.stories or read.stories(find_stories(corpus.articles[: read.compared]))
    groups, unique = _align_stories(
        corpus,
        stories,
        threshold=threshold,
        min_words=min_words,
        concepts=concepts,
        aliases=aliases,
        cancel=cancel,
    )
    return replace(comparison, threshold=threshold, groups=groups, unique=unique, stories=stories)


def comparison_to_json(comparison: Comparison, corpus: Corpus | None = None) -> dict[str, object]:
    """The ``framelens compare --json`` document (schema in :mod:`analysis.compare.jsonout`).

    ``corpus`` is accepted for symmetry with ``corpus_to_json`` and not needed:
    the comparison keeps the article paths.
    """
    from analysis.compare.jsonout import to_json

    return to_json(comparison)
