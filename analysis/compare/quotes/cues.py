"""Cues before and after a quotation, and the subject of a sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


from analysis.compare.quotes.patterns import (
    _AFTER_ACCORDING_RE,
    _AFTER_SPEAKER_VERB_RE,
    _AFTER_VERB_SPEAKER_RE,
    _BARE_CUE_END_RE,
    _BEFORE_SUBJECT_RE,
    _CLAUSE_VERB_RE,
    _COLON_SUBJECT_RE,
    _COPULA_AFTER_RE,
    _DASH_NAME_RE,
    _FINITE_NEXT_RE,
    _NAME,
    _PARENTHETICAL_RE,
    _PROGRESSIVE_RE,
    _PUT_IT_RE,
    _SUBJECT_RE,
    _SUBORDINATE_RE,
    _THE_SUBJECT_RE,
    _TO_VERB_RE,
    _VERB_AFTER_RE,
    _WHO_VERB_RE,
    _WITH_ING_RE,
    ACCORDING_RE,
    ATTRIBUTION_VERBS,
    SPEAKER_VERB_RE,
    TOPIC_PREPOSITION_RE,
)
from analysis.compare.quotes.speakers import _NOBODY, _after_the, _raw, _resolve
from analysis.compare.quotes.words import _NOUN_LIKE
from analysis.compare.sources import source_kinds

if TYPE_CHECKING:
    from analysis.compare.quotes.article import _Article
    from analysis.compare.quotes.speakers import _Speaker


def _cue_after(
    art: _Article, region_end: int, limit: int, *, bare: bool = False
) -> tuple[_Speaker, str] | None:
    """The cue right after a quotation. With ``bare``, a cue in the next sentence
    counts only when it is the whole sentence ("Rusk said on Monday."), not the
    start of a new statement ("Some allies suggested that ...")."""
    window = art.masked[region_end:limit]
    according = _AFTER_ACCORDING_RE.match(window)
    if according is not None:
        speaker = _resolve(
            according.group("speaker"), "", region_end + according.start("speaker"), art
        )
        if speaker.name:
            return speaker, "according to"
    for regex in (_AFTER_SPEAKER_VERB_RE, _AFTER_VERB_SPEAKER_RE, _DASH_NAME_RE):
        m = regex.match(window)
        if m is None:
            continue
        if "\n" in window[: m.start("speaker")]:
            continue
        at = region_end + m.start("speaker")
        if regex is _DASH_NAME_RE:
            speaker = _resolve(m.group("speaker"), "", at, art)
            if speaker.name:
                return speaker, ""
            continue
        if bare and not _BARE_CUE_END_RE.match(window, m.end()):
            continue
        if (
            regex is _AFTER_VERB_SPEAKER_RE
            and m.group("speaker").lower() not in ("he", "she")
            and _FINITE_NEXT_RE.match(window, m.end())
        ):
            continue  # "“...,” insists Mexico will pay": Mexico says nothing
        raw, role, at, _verb = _raw(m)
        at += region_end
        if regex is _AFTER_VERB_SPEAKER_RE and m.group("pre"):
            role = role or m.group("pre").strip()
        speaker = _resolve(raw, role, at, art)
        if speaker.name:
            return speaker, m.group("verb").lower()
    return None


def _cue_in(
    art: _Article, lo: int, hi: int, clause: int | None = None
) -> tuple[_Speaker, str] | None:
    """The last speaker cue in ``masked[lo:hi]`` (a clause before a quote).

    ``clause`` is where the clause starts, for ", saying" and "and said", whose
    speaker is the clause's subject.
    """
    window = art.masked[lo:hi]
    found: list[tuple[int, int, str, str, str]] = []
    for m in SPEAKER_VERB_RE.finditer(window):
        raw, role, at, verb = _raw(m)
        found.append((m.end(), at, raw, role, verb))
    for m in _PARENTHETICAL_RE.finditer(window):
        raw, role, at, verb = _raw(m)
        found.append((m.end(), at, raw, role, verb))
    for m in _WITH_ING_RE.finditer(window):
        found.append((m.end(), m.start("speaker"), m.group("speaker"), "", m.group("verb")))
    for regex in (_WHO_VERB_RE, _PROGRESSIVE_RE, _TO_VERB_RE):
        for m in regex.finditer(window):
            found.append((m.end(), m.start("speaker"), m.group("speaker"), "", m.group("verb")))
    for m in ACCORDING_RE.finditer(window):
        found.append((m.end(), m.start("speaker"), m.group("speaker"), "", "according to"))
    for m in _PUT_IT_RE.finditer(window):
        found.append((m.end(), m.start("speaker"), m.group("speaker"), "", "put it"))
    start = lo if clause is None else clause
    # Forms that are nouns as often as verbs ("the Paris attacks") do not count here.
    cue_ends = sorted(end for end, _at, _raw_, _role, verb in found if verb not in _NOUN_LIKE)
    for m in _CLAUSE_VERB_RE.finditer(window):
        clause_start = start
        # The subordinate clause may open before the window: "... when Rusk lamented
        # the “mess” and criticized “...”" (the window starts after the first quote).
        subordinates = list(_SUBORDINATE_RE.finditer(art.masked, min(start, lo), lo + m.start()))
        inner = subordinates[-1] if subordinates else None
        sub = (
            _SUBJECT_RE.match(art.masked[inner.end() : lo + m.start()])
            if inner is not None and (not cue_ends or lo + cue_ends[0] <= inner.start())
            else None
        )
        if (
            inner is not None
            and sub is not None
            and _VERB_AFTER_RE.match(art.masked, inner.end() + sub.end("speaker"))
        ):
            # "Rusk asks as a guard walks in, saying ...": the subordinate clause's subject.
            clause_start = inner.end()
        elif cue_ends and cue_ends[0] <= m.start():
            # "Rusk added, saying", "with Rusk tweeting ... and asking": the cue
            # before it in the clause names the speaker.
            continue
        subject = _SUBJECT_RE.match(art.masked[clause_start : lo + m.start()])
        if subject is not None:
            verb = m.group("ing") or m.group("fin")
            found.append(
                (
                    m.end(),
                    clause_start - lo + _raw(subject)[2],
                    _raw(subject)[0],
                    _raw(subject)[1],
                    verb,
                )
            )
    # A form that may be a noun ("a Twitter comment") is the cue only when no other is.
    for _end, at, raw, role, verb in sorted(
        found, key=lambda f: (f[4] not in _NOUN_LIKE, f[0]), reverse=True
    ):
        speaker = _resolve(raw, role, lo + at, art)
        if speaker.name:
            return speaker, verb.lower()
    return None


def _colon_subject(art: _Article, lo: int, hi: int) -> tuple[_Speaker, str] | None:
    """ "Rusk fired back: “...”": the subject of the clause a colon ends, right before a quote."""
    m = _COLON_SUBJECT_RE.search(art.masked[lo:hi])
    if m is None:
        return None
    tail = art.masked[lo + m.end("speaker") : hi].lower()
    if any(w in ATTRIBUTION_VERBS for w in re.findall(r"[a-z]+", tail)):
        return None  # "Rusk told reporters:": the speech verb's cue reads better
    raw, role, at, _verb = _raw(m)
    speaker = _resolve(raw, role, lo + at, art)
    return (speaker, "") if speaker.name else None


def _subject(art: _Article, lo: int, hi: int) -> _Speaker:
    """The subject of the clause nearest before ``hi`` in ``masked[lo:hi]``: a name after
    a clause start and before a verb ("..., in which Rusk expressed ..."), a person
    rather than a body; else the first person or body named."""
    first, subject = _subject_in(art, lo, hi)
    return subject if subject.name else first


def _subject_in(
    art: _Article, lo: int, hi: int, *, active: bool = False
) -> tuple[_Speaker, _Speaker]:
    """(the first person or body named, the subject of the clause nearest before ``hi``)
    in ``masked[lo:hi]``; either may be nobody. With ``active``, a subject of "is" or
    "was" does not count: "Afghanistan is a “war of choice”" describes, it does not speak."""
    window = art.masked[lo:hi]
    first = _NOBODY
    talked_about = False
    persons: list[_Speaker] = []
    bodies: list[_Speaker] = []
    for m in re.finditer(rf"(?<![\w’'])(?:{_NAME})", window):
        speaker = _resolve(m.group(), "", lo + m.start(), art)
        subject = _BEFORE_SUBJECT_RE.search(window, 0, m.start()) and _VERB_AFTER_RE.match(
            window, m.end()
        )
        # "..., Paul Ryan worried that": a name before its verb is a person even when
        # the article names them only once.
        # "the Harbour Board of Licences": a capitalised run after "the" is a body.
        body = speaker.kind == "organisation" or (
            bool(speaker.name) and _after_the(art.masked, lo + m.start(), m.group())
        )
        person = (
            not body
            and speaker.kind == "person"
            and (art.is_person(speaker.name) or (subject and " " in speaker.name))
        )
        if not (person or body):
            continue
        if (
            not first.name
            and not talked_about
            and not (body and not subject and speaker.kind != "organisation")
            # "Theater tickets were ...": a word capitalised only as a sentence opener.
            and (subject or " " in m.group().strip() or m.group() in art.inside)
        ):
            # "Choosing between Clinton and Sanders is a “false choice”": the object of
            # a preposition is what is talked about, not who talks; nor is a name
            # after it.
            if TOPIC_PREPOSITION_RE.search(window, 0, m.start()):
                talked_about = True
            else:
                first = speaker
        if subject and active and _COPULA_AFTER_RE.match(window, m.end()):
            continue
        if subject:
            (persons if person else bodies).append(speaker)
    if persons:
        return first, persons[-1]
    # "Instead, the statement talked about “...”": a body or text as the subject.
    for m in _THE_SUBJECT_RE.finditer(window):
        if m.group("head").lower() in source_kinds() and _BEFORE_SUBJECT_RE.search(
            window, 0, m.start()
        ):
            if active and _COPULA_AFTER_RE.match(window, m.end()):
                continue
            speaker = _resolve(m.group("np"), "", lo + m.start(), art)
            if speaker.name:
                bodies.append(speaker)
    if bodies:
        return first, bodies[-1]
    return first, _NOBODY
