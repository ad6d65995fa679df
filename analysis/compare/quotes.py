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
4. the quotes around it: a quote with no cue carries on the speaker of the
   quote before it in its paragraph or the paragraph before, or takes the
   speaker of the next quote of its paragraph;
5. the subject of its sentence (``Rusk's plan is "dead on arrival"``).

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

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.compare.labels import ROLES, TITLE_RE, _clean_name, aliases, full_names
from analysis.compare.results import (
    OutletQuoting,
    Quote,
    Quotes,
    SpeakerCount,
    SpeakerKind,
    VerbCount,
)
from analysis.compare.tokens import CALENDAR_WORDS, STOPWORDS
from analysis.model import AnalyzedArticle, Corpus

if TYPE_CHECKING:
    import pandas as pd

from analysis.quotation import (
    MASK,
    QUOTE_MARKS,
    mask_quotations,
    quote_regions,
    quote_spans,
    speech_verbs,
)

__all__ = [
    "ACCORDING_RE",
    "KIND_LABELS",
    "ATTRIBUTION_VERBS",
    "SPEAKER_VERB_RE",
    "VERB_SPEAKER_RE",
    "quote_spans",
    "kinds_summary",
    "quotes",
    "phrase_head",
    "source_kinds",
    "source_word",
    "sources",
    "sources_frame",
]

#: Every form of every speech verb (resources/speech_verbs.tsv).
ATTRIBUTION_VERBS = frozenset(speech_verbs())
#: Forms that report a claim ("said that ..."); naming verbs ("called") only
#: attribute a quotation.
_CLAIM_VERBS = frozenset(
    f for f, v in speech_verbs().items() if v.category not in ("naming",) and v.verb != "continue"
)
_VERB_RE = "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True))
_MASK = MASK

#: A capitalised word; a period belongs to it only in an initial or an abbreviation,
#: so that a name never runs across a sentence end ("in Texas. Trump said").
_CAP = (  # from a word's start only: searched, it must not rescan a long word from inside
    r"(?<![\w’'-])(?:[A-Z]\.(?:[A-Z]\.)*(?![\w’'])|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Rev|Atty)\."
    r"|[A-Z][\w’'-]*)"
)
#: A proper name on one line (labels.NAME may run across a paragraph break).
_NAME = rf"{_CAP}(?:[ \t]+(?:(?:da|de|del|van|von|bin|al|la|le|of)[ \t]+)?{_CAP}){{0,5}}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Aa]nother"
    r"|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Mm]ultiple|[Nn]umerous|[Vv]arious|[Bb]oth|[Mm]ost)"
)
#: Words that end a noun phrase rather than belong to it ("the plan and said").
_NOT_NP = (
    r"(?!(?:and|or|but|has|have|had|is|was|were|are|will|would|also|that|who|which|when"
    r"|in|on|at|to|with|after|before|during|as|than|not|by|said|says|told)\b)"
)
_NP_WORD = r"\w(?:[\w’'-]|\.(?=\w))*"
_NP = rf"(?:{_DETERMINER}[ \t]+(?:{_NOT_NP}{_NP_WORD}[ \t]+){{0,5}}?{_NOT_NP}{_NP_WORD})"
#: "White House officials", "senior administration officials", "critics".
_GROUP = (
    # One word at a time, at most four: "(?:{_NAME}[ \t]+)*" split a run of capitalised
    # words into names in exponentially many ways (a title-case line hung it).
    rf"(?:(?:{_CAP}|senior|top|administration|campaign|party|government|some|many|other)"
    r"[ \t]+){0,4}"
    r"(?:officials|aides|sources|experts|analysts|observers|critics|advisers|advocates"
    r"|supporters|opponents|lawmakers|Democrats|Republicans|residents|witnesses|insiders"
    r"|outlets|voters|protesters|organizers|activists|scholars|economists|researchers)"
)
#: "state Sen. Ada Rusk", "Clinton spokesman Josh Schwerin", "Ohio State University
#: professor Ada Rusk": title words, lowercase or not, before a name.
_LOWER_TITLE = (
    r"(?:(?!(?:and|or|but|of|in|on|at|to|for|by|with|from|as|than|that"
    r"|which|who|the|a|an|said|says|told|while|when|whereas|although|though|because|since"
    r"|if|unless|until|where|so|then|also|not|even|just|only|now|after|before|once)\b"
    r"|[a-z]+ed\b)[a-z][\w’'.-]*[ \t]+)"
)
_TITLED_NAME = rf"(?:(?:{_LOWER_TITLE}{{0,3}}{_NAME}[ \t]+)?{_LOWER_TITLE}{{1,3}}(?=[A-Z]))?{_NAME}"
_NAMES = rf"{_TITLED_NAME}(?:[ \t]+and[ \t]+{_TITLED_NAME})?"
SPEAKER = rf"(?:{_NP}|{_GROUP}|{_NAMES}|{_PRONOUN})"
#: A speaker right after a quote may carry lowercase title words ("state Sen. X").
_AFTER_SPEAKER = rf"(?:{_NP}|{_GROUP}|{_NAMES}|{_PRONOUN})"
#: Appositive ", a spokesman for X," or parenthetical " (D-Ohio)" between name and verb.
#: One comma-free piece of an appositive: a noun phrase ("a spokesman for X", "30",
#: "of Raleigh") or a relative clause ("who was among those polled").
_APPOSITIVE_PIECE = (
    r"(?:(?:who|which|whose)\b[^,\x00\n“”\"]{2,100}?"
    r"|(?=[a-z0-9]|[A-Z][\w.-]*(?:['’]s|s['’])(?=[ \t])|(?:of|from|in)[ \t]+[A-Z])"
    r"(?!(?:he|she|they|we|it|i|and|but|or|that|as|when|while|if|because)\b)"
    r"(?:(?!\b(?:said|says|is|was|were|are|has|had|have|will|would|did|does)\b)"
    r"[^,\x00\n“”\"]){2,120}?)"
)
_APPOSITIVE = (
    rf"(?P<app>[ \t]*,[ \t]*(?:(?P<appname>{_NAME})"
    rf"|(?P<role>{_APPOSITIVE_PIECE}(?:,[ \t]*(?:{_APPOSITIVE_PIECE}|[A-Z][\w.]*)){{0,3}})),)?"
)
_PAREN = r"(?P<paren>[ \t]*\([^)\n\x00]{1,60}\))?"
_PAREN2 = r"(?:[ \t]*\([^)\n\x00]{1,60}\))?"
_ADVERBS = (
    r",?(?:[ \t]+(?:also|later|then|has|had|have|once|again|earlier|first|\w+ly"
    r"|(?:last|this)[ \t]+(?:week|month|year|spring|summer|fall|winter)"
    r"|on[ \t]+[A-Z][a-z]+day|[A-Z][a-z]+day)){0,2}"
)
_LEAD = r"[\s,.;:!?—–\-]*"

_ING_VERBS = frozenset(f for f in speech_verbs() if f.endswith("ing"))
_FINITE_RE = "|".join(sorted(ATTRIBUTION_VERBS - _ING_VERBS, key=len, reverse=True))
#: ", saying ..." / "and said ...": the verb's subject is the clause's subject.
_CLAUSE_VERB_RE = re.compile(
    rf"(?:(?<![ \t])[, \t][ \t]*(?P<ing>{'|'.join(sorted(_ING_VERBS))})"
    r"|[ \t](?:and|but)[ \t]+(?:\w+ly[ \t]+)?"
    rf"(?P<fin>{_FINITE_RE}))(?![\w’'])"
)
#: A clause's subject: after an optional fronted phrase ("On Monday, she ...").
_SUBJECT_RE = re.compile(
    rf"^[\s\x00]*(?:[^,\x00\n]{{0,60}},[ \t]+){{0,2}}(?P<speaker>{_AFTER_SPEAKER}){_APPOSITIVE}"
    # The subject is followed by its verb ("..., New Hampshire, Rusk went"), or a parenthesis.
    r"(?=[ \t]*\(|[ \t]+[a-z])"
)
#: "X said" (speaker before the verb).
SPEAKER_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER}){_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_FINITE_RE})(?![\w’'])"
)
#: Lowercase role words between a verb and a name: "said former state Sen. X".
_NOT_ROLE = (
    r"(?!(?:in|on|at|to|of|by|for|with|during|after|before|that|this|it|he|she"
    r"|they|we|and|but|the|a|an)\b)"
)
#: ... with "of" inside a role: "said former secretary of state X".
_PRE_ROLE = (
    rf"(?P<pre>(?:{_NOT_ROLE}[a-z][\w’'.-]*[ \t]+(?:of[ \t]+{_NOT_ROLE}[a-z][\w’'.-]*[ \t]+)?)"
    r"{0,4})"
)
#: "said X" (verb before the speaker).
#: After "said", the longest noun phrase ("said a former port official who ...");
#: :func:`_resolve` cuts it at the first clause word.
_NP_LONG = rf"(?:{_DETERMINER}[ \t]+(?:\w[\w’'.-]*[ \t]+){{0,7}}\w[\w’'.-]*(?=[ \t]*[,.;:]|$))"
VERB_SPEAKER_RE = re.compile(
    rf"(?P<verb>{_VERB_RE})[ \t]+{_PRE_ROLE}(?P<speaker>{_NP_LONG}|{SPEAKER})"
    r"(?P<app>[ \t]*,[ \t]*(?P<role>[^,.;\x00\n“”\"]{2,120}?)(?=[,.;]|$))?"
)
#: "according to X" up to the next punctuation.
ACCORDING_RE = re.compile(
    r"(?i:according[ \t]+to)[ \t]+(?P<speaker>[^,;:.“”\"()\x00\n]{2,80}?)"
    r"(?=[ \t]*[,;:.“”\"()\x00\n]|$)"
)
_AFTER_ACCORDING_RE = re.compile(rf"{_LEAD}{ACCORDING_RE.pattern}")
#: "As X put it".
_PUT_IT_RE = re.compile(rf"(?i:\bas)[ \t]+(?P<speaker>{SPEAKER})[ \t]+(?P<verb>put|puts)[ \t]+it\b")
_AFTER_SPEAKER_VERB_RE = re.compile(
    rf"{_LEAD}(?P<speaker>{_AFTER_SPEAKER}){_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_VERB_RE})(?![\w’'])"
)
_AFTER_VERB_SPEAKER_RE = re.compile(rf"{_LEAD}{VERB_SPEAKER_RE.pattern}(?![\w’'])")
#: A signature after a quotation: "... — Ada Rusk (@adarusk)", as under a post.
_DASH_NAME_RE = re.compile(rf"[ \t]*[—–-][ \t]*(?P<speaker>{_NAME})(?![\w’'])")
#: A name right before a colon: "... - Harbour Weekly: “...”".
_NAME_COLON_RE = re.compile(rf"(?P<speaker>{_NAME})[ \t]*:$")

_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you", "him", "her", "them"])
#: Capitalised words that are never speakers: times, sentence openers.
_NOT_SPEAKERS = (
    CALENDAR_WORDS
    | STOPWORDS
    | frozenset(
        [
            "today",
            "yesterday",
            "tonight",
            "tomorrow",
            "however",
            "meanwhile",
            "still",
            "yes",
            "no",
            "well",
            "now",
            "then",
            "here",
            "there",
            "this",
            "that",
            "these",
            "those",
            "but",
            "and",
            "so",
            "also",
            "last",
            "earlier",
            "later",
        ]
    )
)
#: First words of place names ("United States", "New Hampshire"): not people.
_PLACE_WORDS = frozenset(
    [
        "United",
        "New",
        "North",
        "South",
        "East",
        "West",
        "Saudi",
        "Hong",
        "Sri",
        "El",
        "Los",
        "San",
        "Las",
        "Great",
        "Middle",
        "Latin",
        "Central",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Soviet",
        "European",
        "Washington",
        "White",
        "Capitol",
        "Supreme",
        "Rhode",
    ]
)
#: Capitalised sentence openers that are not names.
_OPENERS = frozenset(
    [
        "instead",
        "even",
        "outside",
        "thus",
        "though",
        "think",
        "someone",
        "others",
        "multiple",
        "good",
        "name",
        "links",
        "videos",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "nowadays",
        "indeed",
        "perhaps",
        "maybe",
        "meanwhile",
        "yet",
        "still",
        "again",
        "finally",
        "first",
        "second",
        "third",
        "next",
        "both",
        "each",
        "every",
        "many",
        "most",
        "several",
        "few",
        "all",
        "none",
        "nobody",
        "everyone",
        "anyone",
        "somebody",
        "everybody",
        "photo",
        "video",
        "watch",
        "read",
        "update",
        "called",
        "ask",
        "see",
        "despite",
        "according",
        "unlike",
        "like",
        "amid",
        "among",
    ]
)
#: Title words that may run into a name ("Senate President Pro Tem David Long").
_TITLE_WORDS = frozenset(
    [
        *ROLES,
        "senate",
        "house",
        "state",
        "pro",
        "tem",
        "majority",
        "minority",
        "whip",
        "vice",
        "assistant",
        "deputy",
        "former",
        "general",
        "press",
        "campaign",
        "manager",
        "chairman",
        "republican",
        "democratic",
        "democrat",
        "gop",
        "u.s.",
        "federal",
        "white",
        "sen",
        "rep",
        "gov",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "mr",
        "mrs",
        "ms",
        "dr",
        "rev.",
        "lt.",
        "gen.",
        "sgt.",
        "atty.",
        "rival",
        "candidate",
        "nominee",
        "presidential",
        "billionaire",
    ]
)


@cache
def source_kinds() -> dict[str, SpeakerKind]:
    """Head word (lower case) → kind of source, from resources/source_kinds.tsv."""
    from analysis.compare.tokens import read_term_table
    from analysis.resources import resource_path

    table: dict[str, SpeakerKind] = {}
    for word, kind, _reason in read_term_table(
        resource_path("source_kinds.tsv"), ("word", "kind", "reason")
    ):
        if kind in ("organisation", "document", "unnamed"):
            table[word.lower()] = kind  # type: ignore[assignment]
    return table


#: "the affidavit", "the State Department": a body or text "it" can stand for.
_BODY_RE = re.compile(r"\b[Tt]he[ \t]+(?P<phrase>[\w’'-]+(?:[ \t]+[\w’'-]+){0,2})")
_HE = frozenset(["he", "his", "him", "himself"])
_GENDERED_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


#: A rule line between the items of a live blog ("___.").
_BREAK_RE = re.compile(r"^[ \t]*_{3,}\.?[ \t]*$", re.MULTILINE)
#: A proper name from a word's start.
_NAME_RE = re.compile(rf"(?<![\w’'])(?:{_NAME})")


def _after_comma(text: str, at: int) -> bool:
    """True when ``text`` before ``at`` ends with a comma or a masked quotation (spaces aside)."""
    k = at
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] in ",\x00"


def _within(
    matches: list[re.Match[str]], starts: list[int], start: int, end: int
) -> list[re.Match[str]]:
    """The matches (sorted by start; ``starts`` are their starts) inside ``[start, end)``."""
    k = bisect.bisect_left(starts, start)
    found = []
    for m in matches[k:]:
        if m.start() >= end:
            break
        if m.end() <= end:
            found.append(m)
    return found


class _Person:
    """A person named in one article: the full name first given, its role."""

    __slots__ = ("name", "role")

    def __init__(self, name: str, role: str) -> None:
        self.name = name
        self.role = role


class _Article:
    """One article's names, sentences and pronoun antecedents, outside quotations."""

    def __init__(self, analyzed: AnalyzedArticle, alias: dict[str, str]) -> None:
        self.text = text = analyzed.article.content
        self.regions = quote_regions(text)
        self.masked = mask_quotations(text)
        self.starts = [s.start for s in analyzed.sentences]
        self.ends = [s.end for s in analyzed.sentences]
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
        self.alias = alias
        # Full names first given, by surname; roles by full name.
        self.full: dict[str, list[tuple[int, str]]] = {}
        self.roles: dict[str, str] = {}
        self.titled: list[tuple[int, str, str]] = []  # (offset, role word, full name)
        self._index_names()
        # One-word names the outlet has speak ("Rusk said", "said Rusk").
        self.breaks = [m.end() for m in _BREAK_RE.finditer(text)]
        # Every "X said" and "said X" of the outlet's own text, found once.
        self.speaker_verbs = list(SPEAKER_VERB_RE.finditer(self.masked))
        self.verb_speakers = list(VERB_SPEAKER_RE.finditer(self.masked))
        self.speaker_verb_starts = [m.start() for m in self.speaker_verbs]
        self.verb_speaker_starts = [m.start() for m in self.verb_speakers]
        self.speaking: set[str] = set()
        for m in self.speaker_verbs:
            raw = m.group("speaker").strip()
            if raw[:1].isupper() and " " not in raw:
                self.speaking.add(raw)
        for m in self.verb_speakers:
            raw = m.group("speaker").strip()
            if m.group("pre") or not _after_comma(self.masked, m.start()):
                continue  # "told Vale": the one spoken to, not a speaker
            if raw[:1].isupper() and " " not in raw:
                self.speaking.add(raw)
        # (offset, full name) of persons who speak or open a sentence, for pronouns.
        self.salient: list[tuple[int, str]] = []
        self._index_subjects()
        self.gender: dict[str, str] = {}
        self._index_gender()

    # ------------------------------------------------------------ names

    def _index_names(self) -> None:
        masked = self.masked
        multi_seen: set[str] = set()
        self.alone: set[str] = set()
        self.given: dict[str, list[tuple[int, str]]] = {}
        self.inside: set[str] = set()
        self.seen: dict[str, int] = {}
        self.titles_of: set[str] = set()
        for m in re.finditer(rf"(?<![\w’'])(?:{_NAME})(?![\w’'])", masked):
            cleaned = _clean_name(m.group())
            if cleaned and " " not in cleaned:
                self.alone.add(cleaned)
                self.seen[cleaned] = self.seen.get(cleaned, 0) + 1
                # Capitalised inside a sentence, it is a name, not a sentence opener.
                if re.search(r"[\w,;:][ \t]+$", masked[max(0, m.start() - 3) : m.start()]):
                    self.inside.add(cleaned)
        self.names = list(_NAME_RE.finditer(masked))
        for m in self.names:
            name = _strip_titles(_clean_name(m.group()))
            if not name or " " not in name or _organisation_word(name):
                continue
            words = name.split()
            if words[0].lower() in _NOT_SPEAKERS or words[-1].lower() in _NOT_SPEAKERS:
                continue
            if name not in multi_seen:
                multi_seen.add(name)
                self.full.setdefault(words[-1], []).append((m.start(), name))
                # "Xi Jinping" → "Xi": some names put the family name first.
                self.given.setdefault(words[0], []).append((m.start(), name))
        for m in TITLE_RE.finditer(masked):
            name = self.full_name(_strip_titles(_clean_name(m.group("name"))), m.start())
            if not name or name.lower() in _NOT_SPEAKERS:
                continue
            role = m.group("desc").strip()
            self.titles_of.add(name)
            words = [w for w in role.split() if w.lower() not in ("the", "his", "her", "its")]
            role = " ".join(words)
            for w in words:
                if w.lower() in ROLES:
                    word = w.lower().rstrip(".")
                    self.titled.append((m.start(), _ROLE_NAMES.get(word, word), name))
            if role and name not in self.roles:
                self.roles[name] = role
        from analysis.compare.labels import sentence_descriptors

        for s, e in zip(self.starts, self.ends, strict=True):
            for raw, desc, kind, d_start, _ in sentence_descriptors(masked, s, e):
                if kind != "appositive" or _MASK in desc:
                    continue
                name = self.full_name(_strip_titles(raw), d_start)
                if name and name not in self.roles:
                    self.roles[name] = desc
                for w in desc.split()[:4]:
                    if w.lower() in ROLES and name:
                        self.titled.append((d_start, w.lower(), name))
        self.titled.sort()

    def full_name(self, name: str, at: int) -> str:
        """The full name first given to the person a (sur)name at ``at`` stands for."""
        if not name:
            return ""
        if " " in name:
            surname = name.split()[-1]
            for _, full in self.full.get(surname, ()):
                if full.endswith(name) or name.endswith(full):
                    return full if len(full) >= len(name) else name
            return name
        # "Xi" → "President Xi Jinping": a family name first only for a titled person,
        # not "Trump" → "Trump Train".
        known = self.full.get(name) or [
            (pos, full) for pos, full in self.given.get(name, ()) if full in self.titles_of
        ]
        if not known:
            return name
        # Several people share the surname: the one named just before, else the
        # first one the article introduced (its main actor of that name).
        recent = [full for pos, full in known if at - 400 <= pos <= at]
        return recent[-1] if recent else known[0][1]

    def recurring(self, name: str) -> bool:
        """A capitalised word the article uses twice or more: a name, not an opener."""
        return self.seen.get(name, 0) >= 2

    def is_person(self, name: str) -> bool:
        """A full name the article also gives by surname, or with a title."""
        if not name:
            return False
        if name in self.titles_of or name in self.full:
            return True
        words = name.split()
        return len(words) > 1 and words[-1] in self.alone and words[0] not in _PLACE_WORDS

    # ------------------------------------------------------------ places

    def sentence(self, at: int) -> int:
        return max(0, bisect.bisect_right(self.starts, at) - 1)

    def paragraph(self, at: int) -> int:
        return bisect.bisect_right(self.paragraphs, at) - 1

    # ------------------------------------------------------------ pronouns

    def _index_subjects(self) -> None:
        masked = self.masked
        for k, (s, e) in enumerate(zip(self.starts, self.ends, strict=True)):
            del k
            piece = masked[s:e]
            titled = _THE_ROLE_RE.match(piece)
            if titled is not None:
                # "The president downplayed ...": the person the article gives that title.
                name = self.resolve_title(titled.group("role").lower(), s)
                if name:
                    self.salient.append((s + titled.start("role"), name))
                    continue
            for m in re.finditer(rf"(?<![\w’'])(?:{_NAME})", piece):
                if len(piece[: m.start()].split()) > 8:
                    break
                if re.search(r"['’]s?$", m.group()) and piece[: m.start()].strip(" \t\n\x00"):
                    continue  # "He praised Rusk's plan": a possessive, not the subject
                name = _person_name(m.group())
                if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                    continue
                full = self.full_name(name, s + m.start())
                # "Andrew Hale took his daughter": a two-word name followed by a verb.
                # "Ada Rusk, a port official, voiced ...": an appositive stands for the verb.
                verb_next = (
                    _VERB_AFTER_RE.match(piece, m.end()) is not None
                    or _APPOSITIVE_NEXT_RE.match(piece, m.end()) is not None
                    or re.search(r"['’]s?$", m.group()) is not None  # "Rusk's plan ..." opening
                    # "One local woman, Ada Rusk, pulled ...": the name is the appositive.
                    or (
                        re.search(r",[ \t]*$", piece[: m.start()]) is not None
                        and re.match(r",[ \t]+[a-z]", piece[m.end() :]) is not None
                    )
                )
                if self.is_person(full) or (
                    verb_next
                    and full.split()[0] not in _PLACE_WORDS
                    and (" " in full or self._single_person(full))
                ):
                    self.salient.append((s + m.start(), full))
                    break
            for m in _within(self.speaker_verbs, self.speaker_verb_starts, s, e):
                raw = _raw(m)[0]
                tail = re.search(rf"(?:{_NAME})$", raw)
                if (
                    raw[:1].islower()
                    and tail is not None
                    and not re.search(rf"\b{_DETERMINER}[ \t]+$", raw[: tail.start()])
                ):
                    raw = tail.group()  # "a confident-seeming Rusk bragged", not "the Middle East"
                if raw.split()[0].lower() in _PRONOUNS or raw[:1].islower() or " and " in raw:
                    continue
                name = _strip_titles(_clean_name(raw))
                if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                    continue
                full = self.full_name(name, m.start())
                if " " in full or self.is_person(full) or self._single_person(full):
                    self.salient.append((m.start(), full))
            for m in _within(self.verb_speakers, self.verb_speaker_starts, s, e):
                # "..., said Ada Rusk, who ...": the speaker after a trailing verb.
                raw = m.group("speaker")
                if (
                    not _after_comma(masked, m.start())
                    or m.group("pre")
                    or not raw[:1].isupper()
                    or " and " in raw
                    or raw.split()[0].lower() in _PRONOUNS
                ):
                    continue
                name = _person_name(raw)
                if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                    continue
                full = self.full_name(name, m.start("speaker"))
                if " " in full or self.is_person(full) or self._single_person(full):
                    self.salient.append((m.start("speaker"), full))
        self.salient.sort()
        self.mentions: list[tuple[int, str]] = []
        for m in self.names:
            name = _person_name(m.group())
            if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                continue
            full = self.full_name(name, m.start())
            if self.is_person(full) or (
                len(full.split()) == 2
                and full.split()[0] not in _PLACE_WORDS
                and not any(w.isupper() for w in full.split())
            ):
                self.mentions.append((m.start(), full))

    def _single_person(self, name: str) -> bool:
        """A one-word name the article uses again mid-sentence ("Sanders said ... Sanders"):
        a person known by surname only, not a sentence opener or a place word."""
        return (
            " " not in name
            and name in self.speaking
            and self.recurring(name)
            and name not in _PLACE_WORDS
            and name.lower() not in _OPENERS
            and name.lower() not in source_kinds()
            and not name.isupper()
        )

    def salient_in(self, lo: int, hi: int) -> str:
        """The last person who speaks or opens a sentence in ``text[lo:hi]``, or ""."""
        k = bisect.bisect_left(self.salient, (hi, "")) - 1
        return self.salient[k][1] if k >= 0 and self.salient[k][0] >= lo else ""

    def note_speaker(self, at: int, name: str) -> None:
        """A resolved speaker becomes an antecedent for later pronouns."""
        if " and " not in name:
            bisect.insort(self.salient, (at, name))

    def _index_gender(self) -> None:
        """He or she for each person: honorifics, role words and the pronouns after a subject."""
        votes: dict[str, list[int]] = {}
        for m in re.finditer(rf"\b(?P<h>Mr|Mrs|Ms)\.?[ \t]+(?P<name>{_NAME})", self.masked):
            name = self.full_name(_strip_titles(_clean_name(m.group("name"))), m.start())
            votes.setdefault(name, [0, 0])[0 if m.group("h") == "Mr" else 1] += 3
        for _, word, name in self.titled:
            if word.endswith("woman"):
                votes.setdefault(name, [0, 0])[1] += 3
            elif word.endswith("man") and word != "chairman":
                votes.setdefault(name, [0, 0])[0] += 1
        for at, name in self.salient:
            k = self.sentence(at)
            stop = self.ends[min(k + 1, len(self.ends) - 1)] if self.ends else len(self.masked)
            p = _GENDERED_RE.search(self.masked, at, stop)
            if p is None:
                continue
            # "Quill worked with Dorn as he ...": another person named between the
            # name and the pronoun may be the one it stands for.
            opens = not self.masked[self.starts[self.sentence(p.start())] : p.start()].strip()
            j = bisect.bisect_right(self.mentions, (at, "\uffff"))
            if (
                not opens
                and j < len(self.mentions)
                and self.mentions[j][0] < p.start()
                and any(other != name for pos, other in self.mentions[j:] if pos < p.start())
            ):
                continue
            votes.setdefault(name, [0, 0])[0 if p.group().lower() in _HE else 1] += 1
        for name, (he, she) in votes.items():
            if he != she:
                self.gender[name] = "he" if he > she else "she"

    def resolve_pronoun(self, at: int, pronoun: str = "") -> str:
        """The person "he"/"she" at offset ``at`` stands for, or ""."""
        want = "he" if pronoun.lower() in _HE else "she" if pronoun else ""
        # A rule line ("___") between items of a live blog: nobody is carried over it.
        b = bisect.bisect_left(self.breaks, at) - 1
        floor = max(at - 1500, self.breaks[b] if b >= 0 else 0)
        k = bisect.bisect_left(self.salient, (at, "")) - 1
        while k >= 0 and self.salient[k][0] >= floor:
            name = self.salient[k][1]
            if not want or self.gender.get(name, want) == want:
                return name
            k -= 1
        # Nobody spoke or opened a sentence nearby: the newest person named at all.
        k = bisect.bisect_left(self.mentions, (at, "")) - 1
        while k >= 0 and self.mentions[k][0] >= floor:
            name = self.mentions[k][1]
            if not want or self.gender.get(name, want) == want:
                return name
            k -= 1
        return ""

    def resolve_it(self, at: int) -> tuple[str, SpeakerKind]:
        """The body or text "it" at ``at`` stands for ("the affidavit ... It continued")."""
        window = self.masked[max(0, at - 600) : at]
        for m in reversed(list(_BODY_RE.finditer(window))):
            words = m.group("phrase").split()
            for j, word in enumerate(words):
                kind = source_kinds().get(word.lower())
                if kind in ("document", "organisation"):
                    return " ".join(words[: j + 1]), kind
        return "", ""

    def resolve_title(self, role: str, at: int) -> str:
        """The person "the senator" at ``at`` stands for: of the people the article gives
        that title, the one named or quoted most recently, else the newest titled."""
        titled = {name for _pos, word, name in self.titled if word == role}
        k = bisect.bisect_left(self.salient, (at, "")) - 1
        while k >= 0 and titled:
            if self.salient[k][1] in titled:
                return self.salient[k][1]
            k -= 1
        best = ""
        for pos, word, name in self.titled:
            if pos >= at:
                break
            if word == role:
                best = name
        if not best:
            for _pos, word, name in self.titled:
                if word == role:
                    return name
        return best


_STRIPPABLE = _TITLE_WORDS | {w.rstrip(".") for w in _TITLE_WORDS} | _NOT_SPEAKERS | _OPENERS


def _person_name(raw: str) -> str:
    """A name without titles, honorifics or a trailing time ("Sen. Ada Rusk Friday")."""
    name = _strip_titles(_clean_name(raw))
    while " " in name and name.split()[-1].lower() in _NOT_SPEAKERS:
        name = name.rsplit(None, 1)[0]
    return name


def _strip_titles(name: str) -> str:
    """ "Senate President Pro Tem David Long" → "David Long"; "What Beijing" → "Beijing";
    "Ada Rusk of Vermont" → "Ada Rusk" (a person's place is not part of the name)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _STRIPPABLE:
        words = words[1:]
    if "of" in words:
        k = words.index("of")
        if k >= 2 and not _organisation_word(" ".join(words[:k])):
            words = words[:k]
    return " ".join(words)


def _organisation_word(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    last = words[-1].lower().strip(".,")
    kinds = source_kinds()
    if kinds.get(last) == "organisation":
        return True
    return len(words) == 1 and len(last) >= 2 and words[0].isupper()


def _kind_of_phrase(phrase: str) -> SpeakerKind:
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if not words:
        return ""
    kinds = source_kinds()
    # "a spokesman for the office": the head is the word before "for"/"of".
    for k, w in enumerate(words):
        if w in ("for", "of", "at", "with", "from", "in") and k > 0:
            words = words[:k]
            break
    return kinds.get(words[-1], "unnamed")


class _Speaker:
    """A resolved speaker: name, kind, role."""

    __slots__ = ("kind", "name", "role")

    def __init__(self, name: str, kind: SpeakerKind, role: str) -> None:
        self.name = name
        self.kind = kind
        self.role = role


_NOBODY = _Speaker("", "", "")


#: "Clinton spokesman Josh Schwerin": the role, then the name after the last lowercase word.
_ROLE_THEN_NAME_RE = re.compile(
    rf"^(?P<role>.*\b(?!(?:of|de|da|del|van|von|bin|al|la|le|and|for|the)\b)[a-z][\w’'.-]*)"
    rf"[ \t]+(?P<name>{_NAME})$"
)


#: Head nouns that never speak: times, amounts, abstract words.
_NOT_SOURCES = frozenset(
    [
        "year",
        "years",
        "week",
        "weeks",
        "day",
        "days",
        "month",
        "months",
        "time",
        "times",
        "past",
        "future",
        "percent",
        "s",
        "line",
        "issue",
        "way",
        "part",
        "end",
        "lot",
        "number",
        "point",
        "fact",
        "case",
        "thing",
        "things",
        "idea",
        "question",
        "spread",
        "nomination",
        "opinion",
        "voice",
        "story",
        "law",
        "even",
        "third",
        "second",
        "first",
        "half",
        "rest",
        "use",
        "kind",
        "sort",
        "matter",
        "moment",
        "night",
        "morning",
        "evening",
        "afternoon",
        "hour",
        "ago",
        "like",
        "recent",
        "original",
        "other",
        "familiar",
        "mistake",
        "merit",
        "clause",
        "drug",
        "drugs",
        "ceremony",
        "ceremonies",
        "comments",
        "communications",
        "room",
        "questions",
        "tea",
        "rifles",
        "package",
        "interactions",
        "records",
        "resolution",
        "suit",
        "wake",
        "terms",
        "measure",
        "exchange",
        "cry",
        "fight",
        "location",
        "former",
        "previous",
        "term",
        "dramatic",
    ]
)
#: Abbreviated titles and the role words a later "the ..." uses.
_ROLE_NAMES = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general"}
_THE_ROLE_RE = re.compile(
    rf"^\s*[Tt]he[ \t]+(?P<role>{'|'.join(sorted(ROLES, key=len, reverse=True))})\b"
)
#: Adverbs and verbs that end a speaker's noun phrase ("some leaders ever", "nominee went").
_CLAUSE_WORDS = frozenset(
    [
        "ever",
        "never",
        "already",
        "just",
        "even",
        "only",
        "went",
        "came",
        "made",
        "got",
        "are",
        "is",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
    ]
)
#: Words that end a speaker's noun phrase ("the president over the weekend").
_PHRASE_END = frozenset(
    [
        "over",
        "because",
        "during",
        "about",
        "after",
        "before",
        "on",
        "in",
        "with",
        "by",
        "to",
        "from",
        "since",
        "while",
        "when",
        "who",
        "which",
        "that",
        "he",
        "she",
        "they",
        "calling",
        "saying",
        "said",
        "says",
        "told",
    ]
)


def phrase_head(phrase: str) -> str:
    """The head word of a noun phrase: "a spokesman for the office" → "spokesman"."""
    words: list[str] = re.findall(r"[\w’'-]+", phrase.lower())
    for k, w in enumerate(words):
        if w in ("for", "of", "at", "with", "from", "in") and k > 0:
            return words[k - 1]
    return words[-1] if words else ""


def source_word(head: str) -> bool:
    """A noun that can speak ("official", "report", "businessman"): not a time, an amount,
    a function word or a thing that says nothing ("a year", "the past", "a mistake")."""
    return bool(head) and not (
        head in _NOT_SOURCES or head in _NOT_SPEAKERS or head in STOPWORDS or head.isdigit()
    )


def _resolve(raw: str, role: str, at: int, art: _Article) -> _Speaker:
    """The speaker a cue's subject ``raw`` at offset ``at`` names."""
    raw = raw.strip().strip(",")
    if not raw or _MASK in raw or re.search(r"['’]s?$", raw):
        return _NOBODY  # "Rusk's comments": a possessive, not a speaker
    first = raw.split()[0].lower()
    role = role.strip()
    if raw.lower() in ("he", "she"):
        name = art.resolve_pronoun(at, raw)
        return _Speaker(name, "person", art.roles.get(name, "")) if name else _NOBODY
    if raw.lower() == "it":
        phrase, kind = art.resolve_it(at)
        return _Speaker(phrase, kind, "") if phrase else _NOBODY
    if raw.lower() in _PRONOUNS or raw.lower() in _NOT_SPEAKERS:
        return _NOBODY
    split = _ROLE_THEN_NAME_RE.match(raw)
    if (
        split is not None
        and raw.split()[-1][:1].isupper()
        and split.group("name").split()[0].lower() not in _NOT_SPEAKERS
    ):
        # "state Senator Ivo Brand", "the harbour master Lina Holt": role, then name.
        raw, role = split.group("name"), role or split.group("role")
        first = raw.split()[0].lower()
    if first == "both" and " and " in raw:
        raw = raw.split(None, 1)[1]  # "both Rusk and Brand"
        first = raw.split()[0].lower()
    if (raw[:1].islower() or re.match(_DETERMINER + r"\b", raw)) and " and " not in raw:
        words = raw.split()
        # "the president over the weekend": the phrase ends at a preposition or clause word
        for k, w in enumerate(words[1:], start=1):
            # "the order released Friday": a participle or a time ends the phrase
            if (
                w.lower() in _PHRASE_END
                or w.lower() in _NOT_SPEAKERS
                or (k >= 2 and w.islower() and w.endswith("ed"))
                or (w.islower() and w.endswith("ing") and w not in source_kinds())
                or w.lower() in _CLAUSE_WORDS
            ):
                words = words[:k]
                break
        raw = " ".join(words).rstrip(".,;:")
        phrase = re.sub(rf"^{_DETERMINER}[ \t]+", "", raw) if first == "the" else raw
        if not phrase:
            return _NOBODY
        head = phrase_head(phrase)
        if first in ("the", "this", "that") and head in ROLES:
            name = art.resolve_title(head, at)
            if name:
                return _Speaker(name, "person", art.roles.get(name, phrase))
        last_word = phrase.split()[-1]
        if (
            last_word[:1].isupper()
            and first == "the"
            and (source_word(head) or head == last_word.lower())
        ):
            kind = _kind_of_phrase(phrase)
            # "the Justice Department", "the Post": a named body.
            return _Speaker(phrase, kind if kind != "unnamed" else "organisation", role)
        if not source_word(head):
            return _NOBODY  # "a year", "the time": not a source
        kind = _kind_of_phrase(phrase)
        return _Speaker(phrase if first == "the" else raw, kind, role)
    if " and " in raw:
        # "China and Belarus", "Ada Rusk and Ivo Brand": one source of two names.
        parts = [_resolve(p, "", at, art) for p in raw.split(" and ", 1)]
        if not all(p.name for p in parts):
            return _NOBODY
        both: SpeakerKind = "person" if any(p.kind == "person" for p in parts) else "organisation"
        return _Speaker(" and ".join(p.name for p in parts), both, role)
    split = _ROLE_THEN_NAME_RE.match(raw)
    if split is not None and raw.split()[-1][:1].isupper():
        raw, role = split.group("name"), role or split.group("role")
    name = _person_name(raw)
    if name in art.full and " " not in name:
        pass  # a surname that is also a word ("Will"): the article names the person
    elif not name or name.lower() in _NOT_SPEAKERS or name.split()[0].lower() in _NOT_SPEAKERS:
        return _NOBODY
    last = name.split()[-1].lower()
    kinds = source_kinds()
    if raw.split()[-1].islower():
        # "White House officials": a group the outlet does not name.
        return _Speaker(raw, kinds.get(last, "unnamed"), role)
    if _organisation_word(name):
        return _Speaker(name, "organisation", role)
    if kinds.get(last) == "document":
        return _Speaker(name, "document", role)
    if " " not in name and name not in art.full and name not in art.inside:
        lowered = name.lower()
        if lowered in source_kinds():
            return _Speaker(name, source_kinds()[lowered], role)  # "Officials said"
        if (lowered.endswith(("ing", "ed", "ly")) and name not in art.speaking) or (
            lowered in _OPENERS
        ):
            return _NOBODY  # "Asked", "Instead": a sentence opener, not a name
    last_word = name.split()[-1]
    if re.search(r"-[a-z]+(?:ing|ed)$", last_word) or (
        (last_word.endswith(("ian", "ese", "ish")) or last_word == "Democratic")
        and (" " not in name or name.split()[0] in _PLACE_WORDS)
        and not art.is_person(name)
        and last_word not in art.given
        and last_word not in art.speaking
    ):
        # "Republican-repelling", "Central Asian", "Democratic": an adjective, not a name.
        return _NOBODY
    full = art.full_name(name, at)
    title_role = " ".join(raw.split()[: len(raw.split()) - len(name.split())])
    if role and title_role and not role.endswith(","):
        role = f"{role} {title_role}"  # "state" + "Senator"
    given = role or art.roles.get(full, "") or title_role
    given = given.rsplit(". ", 1)[-1]  # a role never runs across a sentence end
    role_head = given.split()[-1].lower() if given else ""
    if source_kinds().get(role_head) == "organisation":
        return _Speaker(full, "organisation", given)  # "state news agency Belta"
    # "Beijing, which repeats ..., said": "which" is never said of a person.
    titled = not given.lower().startswith("which") and any(
        w.lower().rstrip(".") in ROLES for w in given.split()[:4]
    )
    if (
        not art.is_person(full)
        and not titled
        and (" " not in full or full.split()[0] in _PLACE_WORDS)
    ):
        # "China said", "NATO warned", "the United States noted": not a person.
        return _Speaker(full, "organisation", given)
    return _Speaker(full, "person", given)


def _raw(m: re.Match[str]) -> tuple[str, str, int, str]:
    """(speaker as written, role, offset of the speaker in the match's string, verb) of a cue.

    "her lawyer, Ada Rusk, said": the name in the appositive is the speaker and
    the phrase before it the role. A trailing cue's verb-first form fills the
    ``speaker2``/``verb2``/``role2`` groups instead.
    """
    groups = m.re.groupindex
    if "speaker2" in groups and m.group("speaker2"):
        return m.group("speaker2"), m.group("role2") or "", m.start("speaker2"), m.group("verb2")
    verb = m.group("verb") if "verb" in groups and m.group("verb") else ""
    raw, at = m.group("speaker"), m.start("speaker")
    role = m.group("role") or "" if "role" in groups else ""
    if "appname" in groups and m.group("appname"):
        return m.group("appname"), raw, m.start("appname"), verb
    return raw, role, at, verb


#: The rest of a sentence after a bare cue: "... Rusk said on Monday."
_BARE_CUE_END_RE = re.compile(r"(?![ \t]+that\b)[^.!?\n\x00]{0,50}(?:[.!?]|$)")


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
        subordinates = list(_SUBORDINATE_RE.finditer(window, 0, m.start()))
        inner = subordinates[-1] if subordinates else None
        sub = (
            _SUBJECT_RE.match(art.masked[lo + inner.end() : lo + m.start()])
            if inner is not None and (not cue_ends or cue_ends[0] <= inner.start())
            else None
        )
        if (
            inner is not None
            and sub is not None
            and _VERB_AFTER_RE.match(art.masked, lo + inner.end() + sub.end("speaker"))
        ):
            # "Rusk asks as a guard walks in, saying ...": the subordinate clause's subject.
            clause_start = lo + inner.end()
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


#: A subordinate clause opening: its subject is the one of a later ", saying".
_SUBORDINATE_RE = re.compile(
    r"(?<![\w’'])(?:as|when|while|because|after|before|since|where|although|though|if)[ \t]+"
    r"(?=[A-Za-z])"
)
#: Speech-verb forms that are as often plural nouns ("the Paris attacks", "his remarks").
_NOUN_LIKE = frozenset(
    [
        "attacks",
        "attack",
        "remarks",
        "remark",
        "comment",
        "comments",
        "calls",
        "call",
        "claims",
        "claim",
        "charges",
        "promises",
        "promise",
        "tweets",
        "tweet",
        "reports",
        "pledge",
        "vow",
        "vows",
        "pledges",
        "reads",
        "fears",
        "hopes",
        "shows",
        "finds",
        "notes",
        "states",
    ]
)

#: A speech verb right before a quotation: "Vale shouted, “...”".
_VERB_BEFORE_RE = re.compile(rf"(?<![\w’'])(?:{_FINITE_RE})[ \t]*[,:]?[ \t]*$")

_COLON_SUBJECT_RE = re.compile(
    rf"(?:^|[,;.][ \t]+)(?P<speaker>{_AFTER_SPEAKER}){_APPOSITIVE}"
    r"(?:[ \t]+[a-z][\w’'-]*){1,4}[ \t]*:[ \t]*$"
)


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


#: An appositive after a name: ", a port official,", ", chairman of the board,", ", 55,".
_APPOSITIVE_NEXT_RE = re.compile(
    r",[ \t]+(?:(?:an?|the|who|whose|his|her|their|its|one|\d+)\b|[a-z]+[ \t]+(?:of|for|at|to)\b)"
)
#: What may come right before a clause's subject: the sentence start, a comma, a
#: conjunction or a relative word ("..., in which Rusk expressed ...").
_BEFORE_SUBJECT_RE = re.compile(
    r"(?:^|[,;:(\u2014\u2013]|(?<![\w’'])(?:and|but|which|who|that|when|while|as|after|because"
    r"|if|where|so|then|before|since|although|though))[ \t\x00]*$"
)
#: A verb right after a subject: a past or present form, an auxiliary, or an adverb first.
#: The look-behind starts a search only where a run of blanks starts, so that a search
#: through a long run of blanks stays linear.
_VERB_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]+(?:[a-z]+ly[ \t]+)?(?:[a-z]+ed|[a-z]+[^s\W]s|has|had|have|is|was|were|are|will"
    r"|would|can|could|did|does|do|may|might|must|should|also|then|later|again|took|went|made"
    r"|gave|sent|ran|saw|came|got|put|set|hit|shot|spoke|stood|kept|left|led|met|won|lost"
    r"|thought|brought|felt|held|told|wrote|said|began|chose|drew|fought|knew|paid|sought"
    r"|struck|threw|wore|hung)\b"
)


#: "the commission recognized", "The ad targets": a noun phrase before a verb.
_THE_SUBJECT_RE = re.compile(
    rf"(?<![\w’'])(?P<np>[Tt]he[ \t]+(?:[\w’'-]+[ \t]+){{0,2}}?(?P<head>[a-z][\w’'-]*))"
    rf"(?={_VERB_AFTER_RE.pattern})"
)


def _subject(art: _Article, lo: int, hi: int) -> _Speaker:
    """The subject of the clause nearest before ``hi`` in ``masked[lo:hi]``: a name after
    a clause start and before a verb ("..., in which Rusk expressed ..."), a person
    rather than a body; else the first person or body named."""
    window = art.masked[lo:hi]
    first = _NOBODY
    persons: list[_Speaker] = []
    bodies: list[_Speaker] = []
    for m in re.finditer(rf"(?<![\w’'])(?:{_NAME})", window):
        speaker = _resolve(m.group(), "", lo + m.start(), art)
        person = speaker.kind == "person" and art.is_person(speaker.name)
        if not (person or speaker.kind == "organisation"):
            continue
        if not first.name:
            first = speaker
        if _BEFORE_SUBJECT_RE.search(window, 0, m.start()) and _VERB_AFTER_RE.match(
            window, m.end()
        ):
            (persons if speaker.kind == "person" else bodies).append(speaker)
    if persons:
        return persons[-1]
    # "Instead, the statement talked about “...”": a body or text as the subject.
    for m in _THE_SUBJECT_RE.finditer(window):
        if m.group("head").lower() in source_kinds() and _BEFORE_SUBJECT_RE.search(
            window, 0, m.start()
        ):
            speaker = _resolve(m.group("np"), "", lo + m.start(), art)
            if speaker.name:
                bodies.append(speaker)
    if bodies:
        return bodies[-1]
    return first


class _Found:
    __slots__ = ("cued", "direct", "end", "region", "speaker", "start", "verb")

    def __init__(self, start: int, end: int, region: tuple[int, int], direct: bool) -> None:
        self.start = start
        self.end = end
        self.region = region
        self.direct = direct
        self.speaker = _NOBODY
        self.verb = ""
        self.cued = False  # the speaker comes from a cue, not from the quotes around


def _direct_quotes(art: _Article) -> list[_Found]:
    """The quotations of one article with their speakers (see the module docstring)."""
    text = art.text
    spans = quote_spans(text)
    outer: list[tuple[int, int]] = []
    last_end = -1
    for qs, qe in art.regions:
        if qs >= last_end:
            outer.append((qs, qe))
            last_end = qe
    # The outer regions are sorted and disjoint: the one holding a quote is found by bisection.
    outer_starts = [r[0] for r in outer]

    def region_of(s: int, e: int) -> tuple[int, int]:
        n = bisect.bisect_right(outer_starts, s) - 1
        return outer[n] if n >= 0 and s < outer[n][1] else (s, e)

    found = [_Found(s, e, region_of(s, e), True) for s, e in spans]
    # 1-3: cues in the quote's own sentence, or a colon before it.
    for k, q in enumerate(found):
        rs, re_ = q.region
        sentence = art.sentence(q.start)
        s_start = art.starts[sentence] if art.starts else 0
        para_end = text.find("\n", re_)
        para_end = len(text) if para_end < 0 else para_end
        next_q = found[k + 1].region[0] if k + 1 < len(found) else len(text)
        limit = min(para_end, next_q, re_ + 240)
        lo = max(s_start, found[k - 1].region[1] if k else 0)
        if lo > rs:
            lo = art.paragraphs[art.paragraph(rs)]
        # A quote that ends its sentence ("...."): a cue before it in its sentence
        # comes first; what follows may be a new statement.
        ends_sentence = text[max(rs, re_ - 3) : re_].rstrip(QUOTE_MARKS + " ")[-1:] in ".!?"
        cue = _colon_subject(art, lo, rs)
        named = _NAME_COLON_RE.search(art.masked[lo:rs].rstrip())
        if named is not None:
            # "Pollsters agree - Ada Rusk: “...”": the name the colon follows.
            speaker = _resolve(named.group("speaker"), "", lo + named.start(), art)
            cue = (speaker, "") if speaker.name else cue
        if cue is None and ends_sentence:
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        # "When Vale shouted, “...,” Rusk joked": a verb right before the quote is its cue.
        if cue is None and _VERB_BEFORE_RE.search(art.masked, max(lo, rs - 40), rs):
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        if cue is None:
            opens = not art.masked[max(s_start, lo) : rs].strip(" \t\n")
            cue = _cue_after(art, re_, limit, bare=ends_sentence and not opens)
        if cue is None and not ends_sentence:
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        if cue is None:
            # "..., the newspaper reported." closing the quote's sentence.
            s_end = art.ends[sentence] if art.ends else len(text)
            if s_end > re_:
                m = _TRAILING_CUE_RE.search(art.masked[re_:s_end])
                if m is not None:
                    raw, role, at, verb = _raw(m)
                    speaker = _resolve(raw, role, re_ + at, art)
                    if speaker.name:
                        cue = speaker, verb.lower()
        if cue is None:
            before = art.masked[:rs].rstrip()
            if before.endswith(":"):
                colon = len(before) - 1
                lo = art.starts[art.sentence(colon)] if art.starts else 0
                if k and found[k - 1].region[1] > lo:
                    lo = found[k - 1].region[1]
                named = _NAME_COLON_RE.search(art.masked[lo : colon + 1])
                if named is not None:
                    speaker = _resolve(named.group("speaker"), "", lo + named.start(), art)
                    cue = (speaker, "") if speaker.name else None
                if cue is None:
                    cue = _cue_in(art, lo, colon + 1)
                if cue is None:
                    subject = _subject(art, lo, colon)
                    cue = (subject, "") if subject.name else None
        if cue is not None:
            q.speaker, q.verb = cue
            q.cued = True
            if q.speaker.kind == "person":
                art.note_speaker(rs, q.speaker.name)
    # 4: quotes around it.
    for k, q in enumerate(found):
        if q.speaker.name:
            continue
        para = art.paragraph(q.region[0])
        para_start = art.paragraphs[para]
        opens_paragraph = not art.masked[para_start : q.region[0]].strip()
        prev = found[k - 1] if k else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        sentence = art.sentence(q.start)
        s_start = art.starts[sentence] if art.starts else 0
        if (
            not opens_paragraph
            and sentence > 0
            and not art.masked[s_start : q.region[0]].strip()
            and art.starts[sentence - 1] >= para_start
            and (prev is None or prev.region[1] <= art.starts[sentence - 1])
        ):
            # "Lynch announced the lawsuit. “We are seeking ...”": a quote opening a
            # sentence carries on a cue in the sentence before it, in its paragraph.
            cue = _cue_in(art, art.starts[sentence - 1], s_start)
            if cue is not None and cue[0].kind == "person":
                q.speaker, q.verb = cue[0], ""
                continue
        if prev is not None and prev.speaker.name:
            prev_para = art.paragraph(prev.region[0])
            if prev_para == para or (opens_paragraph and prev_para >= para - 2):
                # "Holt praised the plan.¶“We need it.”": a person who opens the
                # paragraph between them speaks, not the quote before it.
                between = (
                    art.salient_in(art.paragraphs[prev_para + 1], para_start)
                    if prev_para < para - 1
                    else ""
                )
                if between and between != prev.speaker.name:
                    q.speaker = _Speaker(between, "person", art.roles.get(between, ""))
                else:
                    q.speaker = prev.speaker
                q.verb = ""
                continue
        if nxt is not None and nxt.speaker.name and art.paragraph(nxt.region[0]) == para:
            q.speaker, q.verb = nxt.speaker, ""
            continue
        # 5: the subject of its sentence.
        s_start = art.starts[art.sentence(q.start)] if art.starts else 0
        subject = _subject(art, max(s_start, para_start), q.region[0])
        if subject.name:
            q.speaker = subject
            continue
        if prev is not None and prev.speaker.name and art.paragraph(prev.region[0]) >= para - 2:
            q.speaker = prev.speaker
            continue
        name = art.resolve_pronoun(q.region[0])
        if name:
            q.speaker = _Speaker(name, "person", art.roles.get(name, ""))
    return found


_THAT_RE = re.compile(r"[ \t]+(?:that[ \t]+)?(?=\S)")
_TOLD_OBJECT_RE = re.compile(
    rf"[ \t]+(?:{_NP}|{_NAME}|him|her|them|us|me|reporters)(?:[ \t]+that)?"
)
_TRAILING_CUE_RE = re.compile(
    rf",[ \t]+(?:(?P<speaker>{SPEAKER}){_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_VERB_RE})(?:[ \t]+[\w’'.-]+){{0,4}}"
    rf"|(?P<verb2>{_VERB_RE})[ \t]+(?P<speaker2>{_TITLED_NAME}|{_NP})"
    r"(?:[ \t]*,[ \t]*(?P<role2>[^,.;\x00\n“”\"]{2,120}))?)[ \t]*[.!?]?[ \t]*$"
)
#: "The plan, says Ada Rusk, the harbour master, is ...": a cue set off by commas.
_PARENTHETICAL_RE = re.compile(
    r",[ \t]+(?P<verb>says|said|say|adds|added|notes|noted|argues|argued|writes|wrote"
    rf"|explains|explained)[ \t]+(?P<speaker>{_TITLED_NAME}|{_NP})"
    r"(?:[ \t]*,[ \t]*(?P<role>[^,\x00\n“”\"]{2,120}?))?[ \t]*,"
)
#: "Ada Rusk, who declared ..., “...”": the name a relative clause with a speech verb follows.
_WHO_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{_NAME})[ \t]*,[ \t]+who[ \t]+(?:(?:also|later|then|\w+ly)[ \t]+)?"
    rf"(?P<verb>{_FINITE_RE})(?![\w’'])"
)
#: "Rusk is telling reporters", "she’s predicting": a progressive speech verb.
_PROGRESSIVE_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER})(?:[ \t]+(?:is|was|are|were|has[ \t]+been|had[ \t]+been)"
    rf"|['’]s)[ \t]+(?:\w+ly[ \t]+)?(?P<verb>{'|'.join(sorted(_ING_VERBS))})(?![\w’'])"
)
#: "She went on to say:", "Rusk declined to tell ...": a speech verb after "to".
_TO_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER})[ \t]+(?:(?!to\b)[a-z]+[ \t]+){{1,3}}to[ \t]+"
    r"(?P<verb>say|tell|add|ask|note|explain|argue|declare|warn|insist|suggest|write|tweet|claim"
    r"|recall|announce|predict|complain|joke|quip)(?![\w’'])"
)
#: "..., with Rusk noting that ...".
_WITH_ING_RE = re.compile(
    rf"\bwith[ \t]+(?P<speaker>{SPEAKER})[ \t]+(?P<verb>{'|'.join(sorted(_ING_VERBS))})(?![\w’'])"
)


#: Verbs that report a claim without "that" ("she said the port is safe").
_ZERO_THAT = frozenset(
    f
    for f, v in speech_verbs().items()
    if v.verb
    in (
        "say",
        "tell",
        "argue",
        "claim",
        "insist",
        "warn",
        "believe",
        "think",
        "add",
        "contend",
        "acknowledge",
        "admit",
        "deny",
        "predict",
        "suggest",
    )
)


def _claimant(speaker: _Speaker) -> bool:
    """A speaker a claim can be attributed to: a person, or a phrase with a source head."""
    if not speaker.name:
        return False
    if speaker.kind == "person" or (speaker.kind == "organisation" and speaker.name[:1].isupper()):
        return True
    return source_word(phrase_head(speaker.name))


def _indirect(art: _Article, direct: list[_Found]) -> list[_Found]:
    """Reported claims in the sentences without quotation marks."""
    found: list[_Found] = []
    quoted = {art.sentence(q.start) for q in direct}
    for k, (s, e) in enumerate(zip(art.starts, art.ends, strict=True)):
        piece = art.masked[s:e]
        if k in quoted or _MASK in piece or "\n" in piece.strip() or len(piece.split()) < 6:
            continue
        claim: tuple[int, int, str, str, str] | None = None
        m = _TRAILING_CUE_RE.search(piece)
        if m is not None and _raw(m)[3].lower() in _CLAIM_VERBS:
            raw, role, _at, verb = _raw(m)
            claim = (0, m.start(), raw, role, verb)
        if claim is None:
            a = ACCORDING_RE.search(piece)
            if a is not None:
                if piece[: a.start()].strip():
                    claim = (0, a.start(), a.group("speaker"), "", "according to")
                else:  # "According to X, ...": the claim follows the cue
                    claim = (a.end(), len(piece), a.group("speaker"), "", "according to")
        if claim is None:
            for m in SPEAKER_VERB_RE.finditer(piece):
                verb = m.group("verb").lower()
                if verb not in _CLAIM_VERBS:
                    continue
                rest = piece[m.end() :]
                if verb in ("told", "tells", "tell", "telling"):
                    obj = _TOLD_OBJECT_RE.match(rest)
                    if obj is None:
                        continue
                    skip = obj.end()
                else:
                    t = _THAT_RE.match(rest)
                    if t is None or ("that" not in t.group() and verb not in _ZERO_THAT):
                        continue
                    skip = t.end()
                if len(rest[skip:].split()) < 4 or rest[skip : skip + 1] in ",.;:":
                    continue
                raw, role, _at, _verb = _raw(m)
                claim = (m.end() + skip, len(piece), raw, role, verb)
                break
        if claim is None:
            continue
        c_start, c_end, raw, role, verb = claim
        content = piece[c_start:c_end]
        lead = len(content) - len(content.lstrip(" \t,"))
        content = content.strip(" \t,").rstrip(".!?").rstrip()
        if len(content.split()) < 4:
            continue
        speaker = _resolve(raw, role, s, art)
        if not _claimant(speaker):
            continue
        q = _Found(s + c_start + lead, s + c_start + lead + len(content), (s, e), False)
        q.speaker, q.verb = speaker, verb.lower()
        found.append(q)
    return found


#: An uncued quotation of at most this many words is a scare quote or a name.
_SCARE_WORDS = 2


_ANY_VERB_RE = re.compile(rf"(?<![\w’'])(?:{_VERB_RE}|according[ \t]+to)(?![\w’'])", re.IGNORECASE)


def _is_title(art: _Article, q: _Found) -> bool:
    """Not someone's words: a quoted title ("Meet the Press"), a scare-quoted word or two,
    a number, in a sentence with no speech verb."""
    text = art.text
    if q.cued:
        return False
    k = art.sentence(q.start)
    if art.starts and _ANY_VERB_RE.search(art.masked, art.starts[k], art.ends[k]):
        return False
    inner = text[q.start : q.end].strip(QUOTE_MARKS + " .,!?")
    words = re.findall(r"[^\W\d_][\w’'-]*", inner)
    if len(words) <= _SCARE_WORDS:
        return True
    small = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
    big = [w for w in words if w.lower() not in small]
    return len(words) <= 12 and bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def quotes(corpus: Corpus, *, alias: dict[str, str] | None = None) -> Quotes:
    """Quotes and reported claims with their speakers; shares, sources and verbs per outlet.

    ``alias`` is :func:`~analysis.compare.labels.aliases` of ``corpus``, when the
    caller has it already.
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
        text, outlet = analyzed.article.content, analyzed.outlet
        words[outlet] += analyzed.words
        art = _Article(analyzed, alias)
        every = _direct_quotes(art)
        claims = _indirect(art, every)
        direct = [q for q in every if not _is_title(art, q)]
        for q in sorted([*direct, *claims], key=lambda q: q.start):
            n_words = count_words(text[q.start : q.end])
            speaker = q.speaker.name
            if q.speaker.kind == "person" and " " not in speaker:
                # "Xi" here, "Xi Jinping" in another outlet: one source across outlets.
                speaker = corpus_full.get(speaker, speaker)
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


def sources(found: list[Quote] | tuple[Quote, ...]) -> tuple[SpeakerCount, ...]:
    """Who each outlet cites: direct quotes, their words and reported claims per source.

    A source is keyed by its name; ``only_here`` marks a source no other
    outlet cites. Rows are per outlet, most quoted first.
    """
    rows: dict[tuple[str, str], list[int]] = {}
    kind: dict[tuple[str, str], SpeakerKind] = {}
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
        )
        for (o, sp), (n, w, ind) in sorted(
            rows.items(), key=lambda kv: (order[kv[0][0]], -kv[1][0], -kv[1][2], kv[0][1])
        )
    )


#: How a kind of source reads in a table, singular and plural.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "person": ("person", "people"),
    "organisation": ("organisation", "organisations"),
    "document": ("document", "documents"),
    "unnamed": ("unnamed source", "unnamed sources"),
}


def sources_frame(quoted: Quotes) -> pd.DataFrame:
    """One row per outlet and source: the "whose voice" table of the dashboard and report.

    Columns: outlet, source, kind, role, quotes (direct), words (in direct
    quotes), claims (reported without quotation marks), only_here (no other
    outlet cites the source). Rows per outlet, most quoted first.
    """
    import pandas as pd

    columns = ["outlet", "source", "kind", "role", "quotes", "words", "claims", "only_here"]
    return pd.DataFrame(
        [
            (s.outlet, s.speaker, s.kind, s.role, s.quotes, s.words, s.indirect, s.only_here)
            for s in quoted.speakers
        ],
        columns=columns,
    )


def kinds_summary(quoted: Quotes) -> dict[str, str]:
    """Per outlet, its sources by kind in words: "5 people, 2 organisations, 1 document"."""
    counts: dict[str, dict[str, int]] = {o.outlet: {} for o in quoted.outlets}
    for s in quoted.speakers:
        kinds = counts.setdefault(s.outlet, {})
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    result: dict[str, str] = {}
    for outlet, kinds in counts.items():
        parts = [
            f"{n} {KIND_LABELS[k][0] if n == 1 else KIND_LABELS[k][1]}"
            for k in KIND_LABELS
            if (n := kinds.get(k, 0))
        ]
        result[outlet] = ", ".join(parts)
    return result
