"""The immutable values that :func:`analysis.compare.compare` returns.

Records are NamedTuples (``pandas.DataFrame(records)`` gives a table with
named columns); containers are frozen dataclasses holding tuples. Every record
that belongs to one outlet carries an ``outlet`` field, so a caller filters
instead of looking things up in nested dictionaries. Offsets are character
offsets into ``corpus.articles[article].article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

#: How a word of an aligned sentence relates to the group's core sentence.
DiffOp = Literal["same", "added", "changed"]

#: Where a descriptor sits relative to the actor's name.
DescriptorKind = Literal["appositive", "title", "relative clause"]

#: What kind of source a speaker is: a named person, a body ("the State
#: Department", "The Washington Post"), a text ("the report") or a person the
#: outlet does not name ("a senior official"); "" when no speaker is known.
SpeakerKind = Literal["person", "organisation", "document", "unnamed", ""]
#: Whose voice a person or unnamed source carries (resources/source_groups.tsv).
SpeakerGroup = Literal["official", "expert", "ordinary", ""]


class SentenceRef(NamedTuple):
    """A sentence: ``corpus.articles[article].sentences[sentence]``."""

    article: int
    sentence: int


class Member(NamedTuple):
    """One sentence of an aligned group (or a unique statement)."""

    article: int
    sentence: int
    start: int
    end: int
    text: str


class DiffSpan(NamedTuple):
    """A run of words of one member with the same relation to the core sentence.

    ``same``: the core sentence words it the same way; ``added``: the member
    says it and the core does not; ``changed``: the member words differently
    what the core says at that place. The spans of a member cover its sentence
    in order (whitespace between runs is left out).
    """

    start: int
    end: int
    text: str
    op: DiffOp


@dataclass(frozen=True, slots=True)
class AlignedGroup:
    """Sentences from different outlets that report the same fact.

    At most one sentence per article; at least two outlets. ``members`` are in
    corpus order (article index, then sentence index); ``diff[k]`` and
    ``dropped[k]`` belong to ``members[k]``.
    """

    members: tuple[Member, ...]
    #: Outlet of each member, parallel to ``members``.
    outlets: tuple[str, ...]
    #: Index into ``members`` of the core sentence: the one most similar to the others.
    core: int
    #: Per member, the word runs marked against the core sentence.
    diff: tuple[tuple[DiffSpan, ...], ...]
    #: Per member, the passages of the core sentence the member leaves out.
    dropped: tuple[tuple[str, ...], ...]
    #: Mean pairwise similarity (0–1) of the members from different outlets.
    similarity: float
    #: Anchor terms all members share ("12-point", "$84,000", "40%"), in normal form:
    #: with one, the group may hold sentences less similar than the threshold.
    anchors: tuple[str, ...] = ()
    #: Id of the story (:class:`.stories.Story`) the group belongs to.
    story: str = ""


class UniqueStatement(NamedTuple):
    """A sentence no other outlet reports.

    No sentence of another outlet reaches the threshold with it, nor shares an
    anchor figure with it at ``ANCHOR_FACTOR × threshold`` (see :mod:`.align`).
    """

    outlet: str
    article: int
    sentence: int
    start: int
    end: int
    text: str
    #: Id of the story (:class:`.stories.Story`) the sentence belongs to.
    story: str = ""


class Headline(NamedTuple):
    """An article's headline: compared across outlets in a row of its own.

    The headline is never one of the article's sentences, so it is in no
    group and never listed as unique.
    """

    outlet: str
    article: int
    text: str
    #: Span of the headline in the article text; None when the headline is only
    #: the title the file declares (front matter, page metadata).
    start: int | None
    end: int | None
    #: TextBlob's scores of the headline (:func:`analysis.score.score_line`).
    subjectivity: float = 0.0
    polarity: float = 0.0
    #: Loaded terms of FrameLens's lexicon in the headline, as written.
    loaded: tuple[str, ...] = ()
    #: The id of the story the article belongs to ("" before stories are found).
    story: str = ""


class DistinctiveTerm(NamedTuple):
    """A word one outlet uses more than the others (weighted log-odds, Monroe et al. 2008)."""

    outlet: str
    term: str
    #: The z-score of the log-odds ratio, this outlet against all others.
    z: float
    #: The log-odds ratio itself (with the informative Dirichlet prior).
    log_odds: float
    #: Occurrences in this outlet's articles. (The field shadows ``tuple.count``; the
    #: name is part of the published API, hence the ignore.)
    count: int  # type: ignore[assignment]
    #: Occurrences in all the other outlets' articles.
    other_count: int
    #: How many of this outlet's articles use the word.
    articles: int
    #: The sentences of this outlet where the word occurs, in corpus order.
    refs: tuple[SentenceRef, ...]
    #: The story whose articles the outlets were compared in (:class:`Story`).
    story: str = ""


class DistinctiveNote(NamedTuple):
    """Why an outlet has no distinctive word listed (too little text, or none stands out)."""

    outlet: str
    #: Words of the outlet counted for the test (no stopwords, numbers, dates).
    words: int
    note: str
    story: str = ""


class Descriptor(NamedTuple):
    """How an outlet describes an actor: "Lukashenko, a close ally of ..." and the like."""

    outlet: str
    #: The actor's short name ("Lukashenko"), shared across outlets.
    actor: str
    #: The description, as written ("a former property consultant").
    text: str
    kind: DescriptorKind
    article: int
    sentence: int
    #: Span of the description in the article text.
    start: int
    end: int


class ConceptCount(NamedTuple):
    """How often an outlet uses one term of a concept group (resources/concepts.tsv)."""

    outlet: str
    concept: str
    term: str
    count: int  # type: ignore[assignment]  # shadows tuple.count on purpose


@dataclass(frozen=True, slots=True)
class Labels:
    """Descriptors attached to actors, and which words each outlet picks for a concept."""

    descriptors: tuple[Descriptor, ...] = ()
    concepts: tuple[ConceptCount, ...] = ()

    def actors(self) -> tuple[str, ...]:
        """Actors described by at least one outlet, most described first."""
        counts: dict[str, int] = {}
        for d in self.descriptors:
            counts[d.actor] = counts.get(d.actor, 0) + 1
        return tuple(sorted(counts, key=lambda a: (-counts[a], a)))

    def descriptions(self, actor: str) -> dict[str, tuple[str, ...]]:
        """Per outlet, the distinct descriptions of ``actor`` in order of appearance."""
        result: dict[str, list[str]] = {}
        for d in self.descriptors:
            if d.actor == actor:
                texts = result.setdefault(d.outlet, [])
                if d.text not in texts:
                    texts.append(d.text)
        return {outlet: tuple(texts) for outlet, texts in result.items()}


class Quote(NamedTuple):
    """A quoted passage (or a reported claim) and who said it."""

    outlet: str
    article: int
    sentence: int
    #: Span of the quoted words, without the quotation marks (of the reported
    #: clause, for an indirect attribution).
    start: int
    end: int
    text: str
    #: The speaker by the full name the article first gives ("Alexander
    #: Lukashenko", "the report", "a senior official"), or "" when unknown.
    speaker: str
    #: The attribution verb ("said", "told", "according to"), or "".
    verb: str
    words: int
    #: The speaker's role as the outlet gives it ("a spokesman for the mayor"), or "".
    speaker_role: str = ""
    speaker_kind: SpeakerKind = ""
    #: True for words in quotation marks, False for a reported claim
    #: ("X said that ...", "according to X, ...").
    direct: bool = True
    #: For a person or an unnamed source, whose voice: "official", "expert",
    #: "ordinary" (from the role or phrase), or "" when the role does not say.
    speaker_group: SpeakerGroup = ""


class OutletQuoting(NamedTuple):
    """How much of one outlet's text is other people's words."""

    outlet: str
    words: int
    quoted_words: int
    #: ``quoted_words / words`` (0 for an outlet without words).
    share: float
    quotes: int


class SpeakerCount(NamedTuple):
    """Who an outlet quotes and how much: one row per outlet and source."""

    outlet: str
    speaker: str
    #: Direct quotes and their words.
    quotes: int
    words: int
    kind: SpeakerKind = ""
    #: The role the outlet gives the source first ("a spokesman for the mayor"), or "".
    role: str = ""
    #: Reported claims without quotation marks ("X said that ...").
    indirect: int = 0
    #: True when no other outlet of the corpus cites this source.
    only_here: bool = False
    #: Whose voice (see :attr:`Quote.speaker_group`).
    group: SpeakerGroup = ""


class VerbCount(NamedTuple):
    """How often an outlet uses an attribution verb ("said", "claimed", ...)."""

    outlet: str
    verb: str
    count: int  # type: ignore[assignment]  # shadows tuple.count on purpose


@dataclass(frozen=True, slots=True)
class Quotes:
    """Quotations, their speakers and the attribution verbs, per outlet."""

    quotes: tuple[Quote, ...] = ()
    outlets: tuple[OutletQuoting, ...] = ()
    speakers: tuple[SpeakerCount, ...] = ()
    verbs: tuple[VerbCount, ...] = ()


class FrameHit(NamedTuple):
    """A keyword of resources/frames.tsv found in a sentence."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    frame: str
    reason: str


class OutletFrame(NamedTuple):
    """How strongly one outlet evokes one Policy Frames Codebook dimension."""

    outlet: str
    frame: str
    #: Sentences of the outlet with at least one keyword of the frame.
    sentences: int
    #: ``sentences`` divided by the outlet's number of sentences.
    share: float
    #: Keyword hits of the frame in the outlet.
    hits: int
    #: Keyword hits per 1,000 words of the outlet.
    per_1000: float


@dataclass(frozen=True, slots=True)
class Frames:
    """The 15 frame dimensions scored per sentence (hits) and per outlet."""

    hits: tuple[FrameHit, ...] = ()
    outlets: tuple[OutletFrame, ...] = ()

    def sentence_frames(self, article: int, sentence: int) -> tuple[str, ...]:
        """The frames a sentence evokes, in order of first keyword."""
        found = (h.frame for h in self.hits if h.article == article and h.sentence == sentence)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one event (or one running story); see :mod:`.stories`."""

    #: "story-1", "story-2", ... in the order of each story's first article.
    id: str
    #: The headline of the story's most central article (or its file name).
    title: str
    #: Indices into ``corpus.articles``, ascending.
    articles: tuple[int, ...]
    #: Days between the earliest and the latest dated article; None with fewer than two dates.
    span_days: int | None = None
    #: Plain-words notes, e.g. that the articles are months apart.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """How the outlets of a corpus report the same story differently.

    ``articles[i]`` and ``article_outlets[i]`` are the path (as given) and the
    outlet of ``corpus.articles[i]``; every ``article`` index in the records
    points into them.
    """

    threshold: float
    articles: tuple[str, ...]
    article_outlets: tuple[str, ...]
    outlets: tuple[str, ...]
    groups: tuple[AlignedGroup, ...] = ()
    unique: tuple[UniqueStatement, ...] = ()
    distinctive: tuple[DistinctiveTerm, ...] = ()
    labels: Labels = Labels()
    quotes: Quotes = Quotes()
    frames: Frames = Frames()
    #: One per article that has a headline, in corpus order.
    headlines: tuple[Headline, ...] = ()

    #: Outlets without a distinctive word, and why.
    distinctive_notes: tuple[DistinctiveNote, ...] = ()
    #: The stories the articles were grouped into; facts are aligned within one story only.
    stories: tuple[Story, ...] = ()

    def for_story(self, story_id: str) -> Comparison:
        """This comparison narrowed to one story's groups, unique statements and outlets.

        Article indices still point into the whole corpus; labels, quotes and
        frames stay those of all articles.
        An unknown ``story_id`` returns the comparison unchanged.
        """
        story = next((s for s in self.stories if s.id == story_id), None)
        if story is None:
            return self
        present = {self.article_outlets[i] for i in story.articles}
        return replace(
            self,
            outlets=tuple(o for o in self.outlets if o in present),
            groups=tuple(g for g in self.groups if g.story == story_id),
            unique=tuple(u for u in self.unique if u.story == story_id),
            headlines=tuple(h for h in self.headlines if h.story == story_id),
            distinctive=tuple(t for t in self.distinctive if t.story == story_id),
            distinctive_notes=tuple(n for n in self.distinctive_notes if n.story == story_id),
        )

    def story_of(self, article: int) -> Story | None:
        """The story holding article ``article`` (None when the comparison has no stories)."""
        for story in self.stories:
            if article in story.articles:
                return story
        return None
