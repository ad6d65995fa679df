"""From a cue's words to a speaker: names, roles, organisations, documents, unnamed sources."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.compare.names import ROLES, clean_name
from analysis.compare.results import (
    SpeakerKind,
)
from analysis.compare.sources import PARTIES, PARTY_TAG, given_names, source_kinds
from analysis.compare.tokens import STOPWORDS
from analysis.segment import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    pass


from analysis.compare.quotes.patterns import (
    _DETERMINER,
    _MASK,
    _POSSESSED_RE,
    _ROLE_THEN_NAME_RE,
    _THE_BEFORE_RE,
)
from analysis.compare.quotes.words import (
    _CLAUSE_WORDS,
    _NOT_SOURCES,
    _NOT_SPEAKERS,
    _OPENERS,
    _PHRASE_END,
    _PLACE_WORDS,
    _PRONOUNS,
    _ROLE_NAMES,
    _STRIPPABLE,
    _TIME_TAILS,
)

if TYPE_CHECKING:
    from analysis.compare.quotes.article import _Article


def _after_the(text: str, at: int, name: str) -> bool:
    """ "the Associated Press", "the Harbour Works": a capitalised run after "the" names
    a body or a thing, not a person ("the Rev. Ada Rusk" keeps its title)."""
    words = name.lower().split()
    if words and words[0] == "the":  # the name's own first word
        words = words[1:]
    elif _THE_BEFORE_RE.search(text, max(0, at - 5), at) is None:
        return False
    return bool(words) and words[0].rstrip(".") not in ROLES and words[0] not in _ROLE_NAMES


def _person_name(raw: str) -> str:
    """A name without titles, honorifics or a trailing time ("Sen. Ada Rusk Friday")."""
    name = _strip_titles(clean_name(raw))
    while " " in name and name.split()[-1].lower() in _TIME_TAILS:
        name = name.rsplit(None, 1)[0]
    return name


_ROLE_PREPOSITIONS = frozenset(
    ["for", "of", "at", "with", "from", "in", "on", "to", "about", "over", "under", "behind"]
)


def _role_head(role: str) -> str:
    """The head noun of a role: of its first comma piece, before any clause or
    prepositional phrase ("Sen., R-Texas, who heads the port committee" → "sen.";
    "the top Democrat on the Senate panel" → "democrat"; "state news agency" →
    "agency")."""
    first = re.split(r"\b(?:who|which|whose)\b", role)[0].split(",")[0]
    words = first.split()
    for k in range(1, len(words)):
        # "of" inside a name ("a University of Denver law professor") ends nothing.
        inside_name = words[k] == "of" and words[k - 1][:1].isupper()
        if words[k] in _ROLE_PREPOSITIONS and not inside_name:
            words = words[:k]
            break
    return words[-1].lower() if words else ""


def _after_sentence_end(role: str) -> str:
    """The part of ``role`` after its last sentence end; "Mr. Trump" and "U.S." end none."""
    for m in reversed(list(re.finditer(r"(\S+)\. ", role))):
        word = m.group(1)
        if word in TITLE_ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):
            continue
        return role[m.end() :]
    return role


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
    """A body's name: its head word ("Justice Department"; before "of" in "National
    Democratic Party of Germany") is an organisation's (resources/source_kinds.tsv),
    or it is one word in capitals ("NATO")."""
    words = name.split()
    if not words:
        return False
    head = words[: words.index("of")] if "of" in words[1:] else words
    last = head[-1].lower().strip(".,")
    kinds = source_kinds()
    if kinds.get(last) == "organisation":
        return True
    return len(words) == 1 and len(last) >= 2 and words[0].isupper()


def _kind_of_phrase(phrase: str) -> SpeakerKind:
    head = phrase_head(phrase)  # "a spokesman for the office" → "spokesman"
    if not head:
        return ""
    kinds = source_kinds()
    # "the joint-statement": a compound's last part is its head; "the statements":
    # a plural is of its singular's kind.
    last = head.rsplit("-", 1)[-1]
    return kinds.get(head) or kinds.get(last) or kinds.get(last.removesuffix("s"), "unnamed")


#: Words that open a clause or stand for a thing, never a source's role
#: ("Beijing, which repeats ...", "something Beijing says").
_NOT_ROLE_STARTS = frozenset(
    ["which", "something", "anything", "nothing", "everything", "for", "aware", "to", "in",
     "on", "after", "before", "as", "if", "because", "since", "once", "until"]
)  # fmt: skip

#: A conjunction left before a role by its sentence: "But Colorado Attorney General".
_ROLE_OPENER_RE = re.compile(
    r"^(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Oo]r|[Ww]hen|[Ww]hile|[Tt]hough|[Aa]lthough)\b[ \t,]*"
)

#: A courtesy title that opens a role says nothing of it: "Mr.", "Ms., a lawyer".
_HONORIFIC_RE = re.compile(r"^(?:Mr|Mrs|Ms|Messrs)\.?(?:,[ \t]*|[ \t]*$)")

#: An age between commas inside a role: "Mayor, 52, the boss of the council".
_AGE_PIECE_RE = re.compile(r",[ \t]*\d{1,3}(?=[ \t]*(?:,|$))")

#: An age given as the role: "45", "who is 46", "46 years old".
_AGE_RE = re.compile(r"(?:who[ \t]+is[ \t]+)?\d{1,3}(?:[ \t]+years?[ \t]+old)?")


#: A party tag as the whole of a parenthesis: "D-Vt.", "R-N.Y.", "D".
_PARTY_PAREN_RE = re.compile(rf"[RDI]|{PARTY_TAG}")

#: An amount opens the phrase: "38 million pound scheme", "2 percent".
_AMOUNT_RE = re.compile(
    r"(?<![\d,.])\d[\d,.]*[ \t]+"
    r"(?:million|billion|trillion|pounds?|dollars?|euros?|percent|per[ \t]+cent)\b"
)

#: "NAACP President Benjamin Todd Jealous": capitalised title words ending in a role word
#: from the ROLES list, then a name of two to four capitalised words.
_TITLED_NAME_RE = re.compile(
    r"^(?P<title>(?:[A-Z][\w’'.&-]*[ \t]+)*?(?:"
    + "|".join(sorted((re.escape(r.capitalize()) for r in ROLES), key=len, reverse=True))
    + r"))[ \t]+(?P<name>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){1,3})$"
)

#: Never a speaker's name: a pronoun with a contraction ("I’m"), a party tag ("R-TX").
_NO_SPEAKER_RE = re.compile(rf"(?i:i|you|we|they|he|she|it)['’](?:m|re|ve|ll|d|s)|{PARTY_TAG}")

#: A part of a group: "two of the law enforcement officials", "several of the people".
_PART_OF_RE = re.compile(
    r"(?<![\w’'])(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ne|[Bb]oth"
    # "One of the nation’s largest civil rights groups", "two of the people".
    r"|[Aa]ll|[Nn]one|\d+)[ \t]+of[ \t]+the[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,5}?"
    r"(?P<head>[a-z]+s|people)\b"
)

#: One more word of a body's name: "... for Immigration Studies", "... of the Interior".
_BODY_WORD = r"(?:[ \t]+(?:(?:of|for|on|and)[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'.-]*)"

#: "calculations by Ada Rusk", "a press release from the Harbour Board": a piece of
#: work whose author is named after "by" or "from".
_WORK_BY_RE = re.compile(
    r"(?<![\w’'-])(?:(?:[Aa]n?|[Tt]he)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}?"
    r"(?:[a-z]+s|analysis|research|study|report|survey|poll|review|count|tally|estimate"
    r"|calculation|release|statement|letter|memo)[ \t]+(?P<by>by|from)[ \t]+"
    # The author is the run of capitalised words: "Florida Atlantic University broadcast
    # on MSNBC" is the university's.
    rf"(?P<author>(?:the[ \t]+)?[A-Z][\w’'.-]*{_BODY_WORD}*"
    # ... with the role a possessive names: "the State Department's inspector general".
    r"(?:(?<=['’]s)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2})?)(?:[ \t,].*)?"
)


#: "the Center for Immigration Studies": a body's name, joined by "of", "for", "on".
_INSTITUTION_RE = re.compile(rf"the[ \t]+(?P<name>[A-Z][\w’'.-]*{_BODY_WORD}{{1,7}})")


#: A quantifier that stands for people when a place follows ("some on Twitter").
_QUANTIFIERS = frozenset(["some", "many", "several", "others", "few", "most"])


class _Speaker:
    """A resolved speaker: name, kind, role."""

    __slots__ = ("kind", "name", "role")

    def __init__(self, name: str, kind: SpeakerKind, role: str) -> None:
        self.name = name
        self.kind = kind
        self.role = _clean_role(role)


def _clean_role(role: str) -> str:
    """A role as a reader would give it: no courtesy title alone ("Mr.", "Ms., who
    ..." → "who ..."), no age ("45", "who is 46"), no clause or phrase that is
    not a role ("which repeats ...", "something", "for the record", "aware of this")."""
    role = _HONORIFIC_RE.sub("", _ROLE_OPENER_RE.sub("", role.strip()))
    role = _AGE_PIECE_RE.sub("", role)  # "Mayor, 52, the boss" → "Mayor, the boss"
    first = role.split(None, 1)[0].lower() if role else ""
    if first in _NOT_ROLE_STARTS or _AGE_RE.fullmatch(role):
        return ""
    return role


_NOBODY = _Speaker("", "", "")


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


#: Words that open a sentence before a possessed phrase ("But Mr. Rusk’s lawyer").
_LEADING_WORDS = _NOT_SPEAKERS | _OPENERS


def _one_name(split: re.Match[str]) -> bool:
    """ "the U.S. Attorney’s Office": a capitalised possessive before a body's word is
    part of one name ("the Post’s Ruth Marcus" is a role and a name)."""
    return bool(
        re.search(r"[A-Z][\w.]*['’]s$", split.group("role").rstrip())
        and _organisation_word(split.group("name"))
    )


def _resolve(raw: str, role: str, at: int, art: _Article) -> _Speaker:
    """The speaker a cue's subject ``raw`` at offset ``at`` names."""
    raw = raw.strip().strip(",")
    if not raw or _MASK in raw or re.search(r"['’]s?$", raw):
        return _NOBODY  # "Rusk's comments": a possessive, not a speaker
    if _NO_SPEAKER_RE.fullmatch(raw):
        # "I’m guessing", "R-Texas, ... predicted": a pronoun or a party tag is
        # nobody's name.
        return _NOBODY
    first = raw.split()[0].lower()
    role = role.strip()
    if raw.lower() in ("he", "she"):
        name = art.resolve_pronoun(at, raw)
        if name[:1].islower():
            return _Speaker(name, "unnamed", "")  # "a 29-year-old Berlin woman"
        return _Speaker(name, "person", art.roles.get(name, "")) if name else _NOBODY
    if raw.lower() == "it":
        phrase, kind = art.resolve_it(at)
        return _Speaker(phrase, kind, "") if phrase else _NOBODY
    if raw.lower() in _PRONOUNS or (raw.lower() in _NOT_SPEAKERS and raw not in art.full):
        return _NOBODY
    if _POSSESSED_RE.fullmatch(raw):
        # "Obama’s spokesman", "Cruz’s lawyers": not Obama, not Cruz; "But" opening the
        # sentence is not part of it.
        words = raw.split()
        while len(words) > 2 and words[0].lower() in _LEADING_WORDS:
            words = words[1:]
        return _Speaker(" ".join(words), source_kinds().get(words[-1].lower(), "unnamed"), role)
    split = _ROLE_THEN_NAME_RE.match(raw)
    if split is not None and _one_name(split):
        split = None  # "the U.S. Attorney’s Office": one name, not a role and a name
    if (
        split is not None
        and raw.split()[-1][:1].isupper()
        and split.group("name").split()[0].lower() not in _NOT_SPEAKERS
    ):
        # "state Senator Ivo Brand", "the harbour master Lina Holt": role, then name.
        raw, role = split.group("name"), role or split.group("role")
        first = raw.split()[0].lower()
    group = raw.split()
    if (
        first in _QUANTIFIERS
        and 3 <= len(group) <= 4
        and group[1].lower() in ("in", "on", "at", "within")
    ):
        # "some on Twitter", "Many in the party": the group is the phrase.
        return _Speaker(raw.rstrip(".,;:"), "unnamed", role)
    part_of = _PART_OF_RE.match(raw)
    if part_of is not None and source_word(part_of.group("head").lower().rstrip(".,;:")):
        # "two of the law enforcement officials", "several of the people": the group.
        return _Speaker(part_of.group().rstrip(".,;:"), "unnamed", role)
    work = _WORK_BY_RE.fullmatch(raw)
    if work is not None:
        institution = _INSTITUTION_RE.fullmatch(work.group("author"))
        if institution is not None:  # "a study by the Center for Immigration Studies"
            return _Speaker(institution.group("name"), "organisation", role)
        author = _resolve(work.group("author"), role, at + work.start("author"), art)
        # "a release from Judicial Watch": "from" names a person only where the
        # article does; "by" names an author.
        if author.name and (work.group("by") == "by" or art.is_person(author.name)):
            return author
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
        title_name = _TITLED_NAME_RE.match(phrase)
        if title_name is not None and first == "the":
            # "the NAACP President Benjamin Todd Jealous": a title, then the person.
            name, title = title_name.group("name"), title_name.group("title")
            return _resolve(name, role or title, at, art)
        if first == "the" and head in PARTIES and len(phrase.split()) <= 3:
            # "The Arizona Republican said": the member of that party named just before.
            state = " ".join(w for w in phrase.split()[:-1] if w[:1].isupper())
            name = art.party_member(at, head, state)
            if name:
                return _Speaker(name, "person", art.roles.get(name, phrase))
            return _Speaker(phrase, "unnamed", role)  # a party member not named near
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
        if not source_word(head) or _AMOUNT_RE.match(phrase):
            return _NOBODY  # "a year", "the time", "the 38 million pound scheme": not a source
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
    if split is not None and raw.split()[-1][:1].isupper() and not _one_name(split):
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
    full = art.full_name(name, at, first_name=True)
    if art.place(full):
        owner = art.person_before_place(at)
        if owner:  # "Ada Rusk of Marlow, Vermont, said": Vermont is where she lives
            return _Speaker(owner, "person", art.roles.get(owner, ""))
    # The words before the name ("independent Sen." of "independent Sen. Angus King of
    # Maine"); without the name in the subject, all but as many words as it has.
    at_name = raw.find(name)
    title_role = (
        " ".join(raw[:at_name].split())
        if at_name >= 0
        else " ".join(raw.split()[: len(raw.split()) - len(name.split())])
    )
    if role and title_role and not role.endswith(","):
        words = role.split()
        if role.islower() and len(words) <= 2 and words[0] not in ("a", "an", "the"):
            role = f"{role} {title_role}"  # "state" + "Senator"
        else:
            role = f"{title_role}, {role}"  # "Sen." + "a port official", "R-Texas"
    given = role or art.roles.get(full, "") or title_role
    given = _after_sentence_end(given)  # a role never runs across a sentence end
    role_head = _role_head(given)
    if source_kinds().get(role_head) == "organisation" and (
        full.split()[0].lower() not in given_names()  # "Mr. Fishman’s office, Rebekah Carmichael"
    ):
        return _Speaker(full, "organisation", given)  # "state news agency Belta"
    # "Beijing, which repeats ..., said": "which" is never said of a person.
    titled = not given.lower().startswith("which") and any(
        w.lower().rstrip(".") in ROLES for w in given.split()[:4]
    )
    if art.place(full) or (
        not art.is_person(full)
        and full not in art.gender  # "Steele ... He sent an e-mail": a person
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
    tag = m.group("tag") if "tag" in groups else None
    if tag and _PARTY_PAREN_RE.fullmatch(tag.strip()):
        role = f"{tag.strip()}, {role}" if role else tag.strip()  # "Ada Rusk (D-Vt.)"
    if "appname" in groups and m.group("appname"):
        return m.group("appname"), raw, m.start("appname"), verb
    return raw, role, at, verb
