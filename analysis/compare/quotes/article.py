"""One article's names, sentences and pronoun antecedents, outside quotations."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from analysis.compare.labels import TITLE_RE
from analysis.compare.names import ROLES, clean_name, name_after_title, title_case_line
from analysis.compare.results import (
    SpeakerKind,
)
from analysis.compare.sources import PARTIES, given_names, places, source_kinds
from analysis.model import AnalyzedArticle

if TYPE_CHECKING:
    pass

from analysis.compare.quotes.patterns import (
    _APPOSITIVE_NEXT_RE,
    _BODY_RE,
    _BREAK_RE,
    _DETERMINER,
    _GENDERED_RE,
    _MASK,
    _NAME,
    _NAME_RE,
    _SOMEONE_RE,
    _THE_ROLE_RE,
    _VERB_AFTER_RE,
    HE_NOUNS,
    SHE_NOUNS,
    SPEAKER_VERB_RE,
    TOPIC_PREPOSITION_RE,
    VERB_SPEAKER_RE,
)
from analysis.compare.quotes.speakers import (
    _after_the,
    _organisation_word,
    _person_name,
    _raw,
    _strip_titles,
)
from analysis.compare.quotes.words import (
    _HE,
    _NOT_SPEAKERS,
    _OPENERS,
    _PLACE_HEADS,
    _PLACE_WORDS,
    _PRONOUNS,
    _ROLE_NAMES,
    _TIME_TAILS,
)
from analysis.quotation import (
    mask_quotations,
    quote_regions,
)


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


#: Spaces that are not " " (same length, so offsets hold).
_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


#: "Ada Rusk of Marlow, " right before a place that ends a speaker's description.
_OF_PLACE_BEFORE_RE = re.compile(rf"(?P<name>{_NAME})[ \t]+of[ \t]+[^,.;\n]{{1,40}},[ \t]*$")


#: "with Ada Rusk visiting Norland": a name as the subject of an -ing clause.
_WITH_SUBJECT_RE = re.compile(
    rf"\bwith[ \t]+(?P<name>{_NAME})[ \t]+"
    r"(?!(?:during|including|regarding|concerning|following|according|morning|evening)\b)"
    r"[a-z]+ing\b"
)


#: How an article tags a party member near the name: "R-Ariz.", "(D)", "a Republican".
_PARTY_TAGS = {
    party: re.compile(rf"[^.;“”\"]*?(?:\b{letter}-|\({letter}\b|\b{words}\b)")
    for party, (letter, words) in PARTIES.items()
}


#: A fronted phrase up to the sentence's first comma ("On Tuesday night, ").
_FRONTED_RE = re.compile(
    r"(?:(?:And|But|Yet|So)[ \t]+)?(?i:in|on|at|after|before|during|when|while|since|as|despite"
    r"|with|without|following|asked|amid|over|through|throughout|from|earlier|later|last"
    r"|this|for|by|unlike|like|speaking)\b[^,\n]{0,120},[ \t]+"
)


#: Times a capitalised name may end in ("Election Day", "Super Tuesday Eve").
_TIME_NOUNS = frozenset(["day", "week", "month", "year", "night", "eve", "morning", "evening"])


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
        # A no-break space separates words as a space does ("Sen.\xa0Rusk").
        self.masked = mask_quotations(text).translate(_SPACES)
        self.starts = [s.start for s in analyzed.sentences]
        self.ends = [s.end for s in analyzed.sentences]
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
        self.alias = alias
        # Title-case lines ("Pence Endorses Paul Ryan With Trump's Blessing"): a
        # headline's capitals run across words that are no name.
        self.headlines: list[tuple[int, int]] = [
            (m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if title_case_line(m.group())
        ]
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
        # (end of sentence, name, kind) of bodies and texts quoted, for "it".
        self.bodies: list[tuple[int, str, SpeakerKind]] = []
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
            cleaned = clean_name(m.group())
            if cleaned and " " not in cleaned:
                self.alone.add(cleaned)
                self.seen[cleaned] = self.seen.get(cleaned, 0) + 1
                # Capitalised inside a sentence, it is a name, not a sentence opener.
                if re.search(r"[\w,;:][ \t]+$", masked[max(0, m.start() - 3) : m.start()]):
                    self.inside.add(cleaned)
        self.names = [m for m in _NAME_RE.finditer(masked) if not self.in_headline(m.start())]
        for m in self.names:
            name = _strip_titles(clean_name(m.group()))
            if (
                not name
                or " " not in name
                or _organisation_word(name)
                or _after_the(masked, m.start(), m.group())
            ):
                continue
            words = name.split()
            if words[0].lower() in _NOT_SPEAKERS or words[-1].lower() in _TIME_TAILS:
                continue
            if name not in multi_seen:
                multi_seen.add(name)
                self.full.setdefault(words[-1], []).append((m.start(), name))
                # "Xi Jinping" → "Xi": some names put the family name first.
                self.given.setdefault(words[0], []).append((m.start(), name))
        for m in TITLE_RE.finditer(masked):
            raw = name_after_title(m.group("name"))
            name = self.full_name(_strip_titles(clean_name(raw)), m.start())
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

    def in_headline(self, at: int) -> bool:
        """True when offset ``at`` lies on a title-case line."""
        k = bisect.bisect_right(self.headlines, (at, len(self.text))) - 1
        return k >= 0 and self.headlines[k][0] <= at < self.headlines[k][1]

    def full_name(self, name: str, at: int, first_name: bool = False) -> str:
        """The full name first given to the person a (sur)name at ``at`` stands for;
        with ``first_name``, a given name alone ("Hillary shot back") too."""
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
        # "Hillary shot back" → "Hillary Clinton": a first name alone stands for the
        # person the article gave it to.
        first_name = first_name and name.lower() in given_names() and not self.place(name)
        known = self.full.get(name) or [
            (pos, full)
            for pos, full in self.given.get(name, ())
            if full in self.titles_of or first_name
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

    def place(self, name: str) -> bool:
        """A country, state or capital ("China", "Moscow"), unless the article names a
        person with that surname ("Jim Jordan ... Jordan")."""
        return name in places() and name not in self.full

    def person_before_place(self, at: int) -> str:
        """The person a place at ``at`` belongs to: "Ada Rusk of Marlow, Vermont says"
        → "Ada Rusk" for "Vermont", else ""."""
        m = _OF_PLACE_BEFORE_RE.search(self.masked, max(0, at - 100), at)
        if m is None:
            return ""
        name = _person_name(m.group("name"))
        return self.full_name(name, m.start()) if " " in name else ""

    def is_person(self, name: str) -> bool:
        """A full name the article also gives by surname, or with a title."""
        if not name or self.place(name):
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
        for s, e in zip(self.starts, self.ends, strict=True):
            if self.in_headline(s):
                continue
            piece = masked[s:e]
            someone = _SOMEONE_RE.match(piece)
            if someone is not None:
                # "A 29-year-old Berlin woman ... she wrote": a person the outlet does
                # not name is what a later "she" stands for, not the last name given.
                phrase = someone.group("np")
                self.salient.append((s + someone.start("np"), phrase[:1].lower() + phrase[1:]))
                continue
            # "Speaking to reporters on Sunday, the president framed ...": the subject
            # may follow a fronted phrase.
            fronted = _FRONTED_RE.match(piece)
            at = 0
            titled = _THE_ROLE_RE.match(piece)
            if titled is None and fronted is not None:
                at = fronted.end()
                titled = _THE_ROLE_RE.match(piece[at:])
            if titled is not None:
                # "The president downplayed ...": the person the article gives that title.
                name = self.resolve_title(titled.group("role").lower(), s + at)
                if name:
                    self.salient.append((s + at + titled.start("role"), name))
                    continue
            object_end = -1
            for m in re.finditer(rf"(?<![\w’'])(?:{_NAME})", piece):
                before = piece[: m.start()]
                # "Choosing between Clinton and Sanders is ...": the object of a
                # preposition, and a name joined to it, is no subject.
                if TOPIC_PREPOSITION_RE.search(piece, 0, m.start()) or (
                    object_end >= 0
                    and re.fullmatch(r",?[ \t]+and[ \t]+", piece[object_end : m.start()])
                ):
                    object_end = m.end()
                    continue
                # Only the first words hold the subject, or the words right after a long
                # fronted phrase ("In a victory speech in Westchester County on Tuesday
                # night, Mr. Trump struck ...").
                if len(before.split()) > 8:
                    if fronted is not None and m.start() < fronted.end():
                        continue
                    if fronted is None or m.start() != fronted.end():
                        break
                if re.search(r"['’]s?$", m.group()) and before.strip(" \t\n\x00"):
                    continue  # "He praised Rusk's plan": a possessive, not the subject
                name = _person_name(m.group())
                if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                    continue
                if _after_the(masked, s + m.start(), m.group()):
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
                    and not self.place(full)
                    and (" " in full or self._single_person(full))
                ):
                    self.salient.append((s + m.start(), full))
                    break
            for m in _within(self.speaker_verbs, self.speaker_verb_starts, s, e):
                raw = _raw(m)[0]
                tail = re.search(rf"(?:{_NAME})$", raw)
                if (
                    tail is not None
                    and re.search(r"(?<![\w’'-])[a-z][\w-]{3,}[ \t]", raw[: tail.start()])
                    and not re.search(rf"\b{_DETERMINER}[ \t]+$", raw[: tail.start()])
                ):
                    # "a confident-seeming Rusk bragged", "Port spokesman Ivo Brand said":
                    # the name after the role, not "the Middle East".
                    raw = tail.group()
                if raw.split()[0].lower() in _PRONOUNS or raw[:1].islower() or " and " in raw:
                    continue
                if _after_the(masked, m.start(), raw):
                    continue  # "The Harbour Works reported": a body
                name = _strip_titles(clean_name(raw))
                if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                    continue
                full = self.full_name(name, m.start())
                if self.place(full):
                    full = self.person_before_place(m.start())
                    if not full:
                        continue
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
                if self.place(full):
                    continue
                if " " in full or self.is_person(full) or self._single_person(full):
                    self.salient.append((m.start("speaker"), full))
        # "..., with Blinken visiting Kazakhstan": the subject of an absolute clause.
        for m in _WITH_SUBJECT_RE.finditer(masked):
            name = _person_name(m.group("name"))
            if not name or name.lower() in _NOT_SPEAKERS or _organisation_word(name):
                continue
            full = self.full_name(name, m.start("name"))
            if not self.place(full) and (" " in full or self.is_person(full)):
                self.salient.append((m.start("name"), full))
        self.salient.sort()
        self.mentions: list[tuple[int, str]] = []
        for m in self.names:
            name = _person_name(m.group())
            if (
                not name
                or name.lower() in _NOT_SPEAKERS
                or _organisation_word(name)
                or _after_the(masked, m.start(), m.group())
            ):
                continue
            full = self.full_name(name, m.start())
            if self.is_person(full) or (
                not self.place(full)
                and len(full.split()) == 2
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
            and not self.place(name)
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
        """He or she for each person: the article's honorifics and role words first,
        then the first name (resources/given_names.tsv), then the pronouns that
        follow the person as a subject."""
        strong: dict[str, list[int]] = {}
        for m in re.finditer(rf"\b(?P<h>Mr|Mrs|Ms)\.?[ \t]+(?P<name>{_NAME})", self.masked):
            name = self.full_name(_strip_titles(clean_name(m.group("name"))), m.start())
            strong.setdefault(name, [0, 0])[0 if m.group("h") == "Mr" else 1] += 3
        for _, word, name in self.titled:
            if word.endswith("woman"):
                strong.setdefault(name, [0, 0])[1] += 3
        votes: dict[str, list[int]] = {}
        for _, word, name in self.titled:
            if word.endswith("man") and not word.endswith("woman") and word != "chairman":
                # "Trump spokesman Hope Hicks": a -man title leans, it does not decide.
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
        # "Brigid Harrison ... she said": a first name borne by one sex outweighs the
        # pronouns counted after the name, which may stand for someone else.
        firsts = given_names()
        people = {name for names in self.full.values() for _pos, name in names}
        people.update(name for _pos, name in self.salient)
        people.update(name for _pos, name in self.mentions)
        for name in people:
            first = firsts.get(name.split()[0].lower()) if " " in name else None
            if first:
                self.gender[name] = first
        for name, (he, she) in strong.items():
            if he != she:
                self.gender[name] = "he" if he > she else "she"
        for _pos, name in self.salient:
            head = name.split()[-1]
            if head in HE_NOUNS or head in SHE_NOUNS:
                self.gender[name] = "he" if head in HE_NOUNS else "she"

    def resolve_pronoun(self, at: int, pronoun: str = "") -> str:
        """The person "he"/"she" at offset ``at`` stands for, or ""."""
        want = "he" if pronoun.lower() in _HE else "she" if pronoun else ""
        # A rule line ("___") between items of a live blog: nobody is carried over it.
        b = bisect.bisect_left(self.breaks, at) - 1
        floor = max(at - 1500, self.breaks[b] if b >= 0 else 0)
        # Nobody spoke or opened a sentence nearby: the newest person named at all.
        return self._newest(self.salient, at, floor, want) or self._newest(
            self.mentions, at, floor, want
        )

    def party_member(self, at: int, party: str, state: str = "") -> str:
        """The person "the Arizona Republican" at ``at`` stands for: the newest person
        who speaks or opens a sentence nearby and whom the article tags with that party
        and state ("Sen. John McCain, R-Ariz.", "Rep. Ada Rusk (D-Vt.)", "a Republican
        of Arizona"), else ""."""
        tag = _PARTY_TAGS[party]
        where = (
            re.compile(rf"[^.;“”\"]*?\b(?:{re.escape(state)}|[RDI]-{re.escape(state[:3])})")
            if state
            else None
        )
        k = bisect.bisect_left(self.salient, (at, "")) - 1
        checked: set[str] = set()
        while k >= 0 and self.salient[k][0] >= at - 1500:
            name = self.salient[k][1]
            k -= 1
            if name in checked:
                continue
            checked.add(name)
            surname = re.escape(name.split()[-1])
            for m in re.finditer(rf"\b{surname}\b", self.masked[:at]):
                end = m.end() + 60
                if tag.match(self.masked, m.end(), end) and (
                    where is None or where.match(self.masked, m.end(), end)
                ):
                    return name
        return ""

    def _newest(self, people: list[tuple[int, str]], at: int, floor: int, want: str) -> str:
        """The newest of ``people`` (offset, full name) between ``floor`` and ``at``
        whose gender is ``want`` or unknown ("" wants anyone); else ""."""
        k = bisect.bisect_left(people, (at, "")) - 1
        while k >= 0 and people[k][0] >= floor:
            name = people[k][1]
            k -= 1
            words = name.lower().split()
            if (
                self.place(name)
                or words[-1] in _TIME_TAILS
                or (len(words) > 1 and words[-1] in _PLACE_HEADS)
                or (words[-1] in _TIME_NOUNS and words[0] not in given_names())
                or (len(words) == 1 and not self.is_person(name) and name not in self.gender)
            ):
                continue  # "Moscow", "Election Day", "Boston": never a he or a she
            if not want or self.gender.get(name, want) == want:
                return name
        return ""

    def note_body(self, at: int, name: str, kind: SpeakerKind) -> None:
        """A body or text quoted at ``at`` becomes what a later "it" may stand for;
        it counts from the end of its sentence, where its name was given."""
        k = self.sentence(at)
        end = self.ends[k] if self.ends else at
        bisect.insort(self.bodies, (end, name, kind))

    def resolve_it(self, at: int) -> tuple[str, SpeakerKind]:
        """The body or text "it" at ``at`` stands for ("the affidavit ... It continued"):
        the body quoted last ("..., according to the agency Belta. ... it added"),
        unless "the <body>" is named after that quote."""
        lo = max(0, at - 600)
        window = self.masked[lo:at]
        phrases = list(_BODY_RE.finditer(window))
        k = bisect.bisect_left(self.bodies, (at, "", "")) - 1
        if k >= 0 and self.bodies[k][0] >= lo:
            body_end, body, body_kind = self.bodies[k]
            if not phrases or lo + phrases[-1].start() < body_end:
                return body, body_kind
        for m in reversed(phrases):
            words = m.group("phrase").split()
            # "the social media company": the last word of a body or text is its head.
            for j in range(len(words) - 1, -1, -1):
                kind = source_kinds().get(words[j].lower())
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
