"""Quotes and sources: quoted passages, reported claims, who said them, per outlet.

Quotations are found by :mod:`analysis.quotation` (the one quotation
detector). Speakers are read from the outlet's own words only: every
quotation is masked before any name, cue or pronoun is looked for, so a name
inside a quotation is never a speaker or an antecedent.

The cue of a quote, in order:

1. right after it: ``"...," X said``, ``"...," said X``, with an appositive
   or a parenthetical between name and verb (``"...," Ada Rusk, the port's
   spokeswoman, said``; ``"...," Ada Rusk (D) said``), also across a sentence
   end (``"...." Rusk said.``);
2. before it in its sentence: ``X said: "..."``, ``X told reporters that
   "..."``, ``X called the plan "..."``, ``According to X, "..."``;
3. a sentence ending with a colon before it (``Rusk continued:``);
4. the subject of its own sentence, when the quote sits in a sentence of its
   own after a subject (``The board declined to give a date for the "review
   of every offer"``);
5. the quotes around it: a quote with no cue carries on the speaker of the
   quote before it in its paragraph or the paragraph before, or takes the
   speaker of the next quote of its paragraph;
6. the first person or body its sentence names (``Rusk's plan is "dead on
   arrival"``), else the person a "he" there would stand for.

"He"/"she" is the newest person before it who is a speaker or a sentence's
subject, outside quotations; "the senator" is the newest person the article
gives that title. A surname alone is the person of the article who carries
it (the most recently named, when several do). Weekdays, months, pronouns
that resolve to nobody and common words are never speakers.

Each speaker has a kind (person, organisation, document, unnamed; head words
in resources/source_kinds.tsv) and a role: the title or appositive the
outlet gives the person, outside quotations.

Reported claims without quotation marks (``X said that ...``, ``according to
X, ...``, ``..., X said.``) are listed too, with ``direct=False``; they do not
count in the quoted share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.compare.labels import aliases, full_names
from analysis.compare.quotes.article import _Article
from analysis.compare.quotes.attribution import _direct_quotes, _indirect, _is_title
from analysis.compare.quotes.patterns import ACCORDING_RE, KIND_LABELS
from analysis.compare.quotes.speakers import phrase_head, source_word
from analysis.compare.results import (
    OutletQuoting,
    Quote,
    Quotes,
    SpeakerCount,
    SpeakerGroup,
    SpeakerKind,
    VerbCount,
)
from analysis.compare.sources import source_group, source_kinds
from analysis.errors import COMPARISON_CANCELLED, check_cancel
from analysis.model import Corpus

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KIND_LABELS",
    "kind_label",
    "kinds_summary",
    "phrase_head",
    "quotes",
    "source_kinds",
    "source_word",
    "sources",
    "sources_frame",
]


def quotes(
    corpus: Corpus,
    *,
    alias: dict[str, str] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Quotes:
    """Quotes and reported claims with their speakers; shares, sources and verbs per outlet.

    ``alias`` is :func:`~analysis.compare.labels.aliases` of ``corpus``, when the
    caller has it already. ``cancel()`` is checked before each article (raising
    :class:`~analysis.errors.CancelledError`).
    """
    alias = alias if alias is not None else aliases(corpus)
    corpus_full = full_names(alias)
    found: list[Quote] = []
    words: dict[str, int] = {o: 0 for o in corpus.outlets}
    quoted: dict[str, int] = {o: 0 for o in corpus.outlets}
    n_quotes: dict[str, int] = {o: 0 for o in corpus.outlets}
    verbs: dict[tuple[str, str], int] = {}
    from analysis.score import count_words

    for a, analyzed in enumerate(corpus.articles):
        check_cancel(cancel, COMPARISON_CANCELLED)
        text, outlet = analyzed.article.content, analyzed.outlet
        words[outlet] += analyzed.words
        art = _Article(analyzed, alias)
        every = _direct_quotes(art)
        claims = _indirect(art, every)
        direct = [q for q in every if not _is_title(art, q)]
        bodies: list[str] = []  # documents and organisations quoted so far
        for q in sorted([*direct, *claims], key=lambda q: q.start):
            n_words = count_words(text[q.start : q.end])
            speaker = q.speaker.name
            if q.speaker.kind == "person" and " " not in speaker:
                # "Xi" here, "Xi Jinping" in another outlet: one source across outlets.
                speaker = corpus_full.get(speaker, speaker)
            elif q.speaker.kind in ("document", "organisation") and speaker:
                speaker = _as_introduced(speaker, bodies)
                bodies.append(speaker)
            found.append(
                Quote(
                    outlet,
                    a,
                    art.sentence(q.start),
                    q.start,
                    q.end,
                    text[q.start : q.end],
                    speaker,
                    q.verb,
                    n_words,
                    q.speaker.role,
                    q.speaker.kind,
                    q.direct,
                    source_group(q.speaker.kind, q.speaker.role, speaker),
                )
            )
            if q.direct:
                quoted[outlet] += n_words
                n_quotes[outlet] += 1
        for m in (*art.speaker_verbs, *art.verb_speakers):
            verb = m.group("verb").lower()
            verbs[(outlet, verb)] = verbs.get((outlet, verb), 0) + 1
        for _ in ACCORDING_RE.finditer(art.masked):
            verbs[(outlet, "according to")] = verbs.get((outlet, "according to"), 0) + 1
    return Quotes(
        quotes=tuple(found),
        outlets=tuple(
            OutletQuoting(
                o,
                words[o],
                quoted[o],
                min(1.0, quoted[o] / words[o]) if words[o] else 0.0,
                n_quotes[o],
            )
            for o in corpus.outlets
        ),
        speakers=sources(found),
        verbs=tuple(
            VerbCount(o, v, n)
            for (o, v), n in sorted(verbs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
        ),
    )


def _as_introduced(name: str, earlier: list[str]) -> str:
    """A document or body by the longer name the article quoted it under before:
    "the proposal said" after "the peace proposal ... called" is "peace proposal"."""
    if " " in name or not name[:1].islower():
        return name
    for before in reversed(earlier):
        if " " in before and before.lower().endswith(" " + name.lower()):
            return before
    return name


def sources(found: list[Quote] | tuple[Quote, ...]) -> tuple[SpeakerCount, ...]:
    """Who each outlet cites: direct quotes, their words and reported claims per source.

    A source is keyed by its name; ``only_here`` marks a source no other
    outlet cites. Rows are per outlet, most quoted first.
    """
    rows: dict[tuple[str, str], list[int]] = {}
    kind: dict[tuple[str, str], SpeakerKind] = {}
    group: dict[tuple[str, str], SpeakerGroup] = {}
    role: dict[tuple[str, str], str] = {}
    outlets_of: dict[str, set[str]] = {}
    for q in found:
        if not q.speaker:
            continue
        key = (q.outlet, q.speaker)
        entry = rows.setdefault(key, [0, 0, 0])
        if q.direct:
            entry[0] += 1
            entry[1] += q.words
        else:
            entry[2] += 1
        kind.setdefault(key, q.speaker_kind)
        if q.speaker_group and not group.get(key):
            group[key] = q.speaker_group
        if q.speaker_role and not role.get(key):
            role[key] = q.speaker_role
        outlets_of.setdefault(q.speaker, set()).add(q.outlet)
    order = {o: k for k, o in enumerate(dict.fromkeys(q.outlet for q in found))}
    n_outlets = len(order)
    return tuple(
        SpeakerCount(
            o,
            sp,
            n,
            w,
            kind.get((o, sp), ""),
            role.get((o, sp), ""),
            ind,
            n_outlets > 1 and len(outlets_of[sp]) == 1,
            group.get((o, sp), ""),
        )
        for (o, sp), (n, w, ind) in sorted(
            rows.items(), key=lambda kv: (order[kv[0][0]], -kv[1][0], -kv[1][2], kv[0][1])
        )
    )


def sources_frame(quoted: Quotes) -> pd.DataFrame:
    """One row per outlet and source: the "whose voice" table of the dashboard and report.

    Columns: outlet, source, kind, group (official, expert, ordinary or ""),
    role, quotes (direct), words (in direct quotes), claims (reported without
    quotation marks), only_here (no other outlet cites the source). Rows per
    outlet, most quoted first.
    """
    import pandas as pd

    columns = [
        "outlet", "source", "kind", "group", "role", "quotes", "words", "claims", "only_here"
    ]  # fmt: skip
    return pd.DataFrame(
        [
            (
                s.outlet,
                s.speaker,
                s.kind,
                s.group,
                s.role,
                s.quotes,
                s.words,
                s.indirect,
                s.only_here,
            )
            for s in quoted.speakers
        ],
        columns=columns,
    )


def kind_label(kind: str, group: str) -> str:
    """A source's kind as a table shows it: "person, official", "unnamed, expert",
    "organisation"."""
    return f"{kind}, {group}" if kind and group else kind


def kinds_summary(quoted: Quotes) -> dict[str, str]:
    """Per outlet, its sources by kind in words, people by whose voice they carry:
    "3 officials, 1 expert, 2 other people, 2 organisations, 1 document"."""
    counts: dict[str, dict[str, int]] = {o.outlet: {} for o in quoted.outlets}
    for s in quoted.speakers:
        kinds = counts.setdefault(s.outlet, {})
        # People by whose voice they carry; unnamed sources stay unnamed.
        key = s.group if s.kind == "person" and s.group else s.kind
        kinds[key] = kinds.get(key, 0) + 1
    result: dict[str, str] = {}
    for outlet, kinds in counts.items():
        grouped = any(kinds.get(g) for g in ("official", "expert", "ordinary"))
        parts = []
        for k in KIND_LABELS:
            if n := kinds.get(k, 0):
                one, many = KIND_LABELS[k] if grouped or k != "person" else ("person", "people")
                parts.append(f"{n} {one if n == 1 else many}")
        result[outlet] = ", ".join(parts)
    return result
