"""Names as the outlets write them: what a run of capitals holds and how it is
read into a person's or a body's name.

A name is a run of capitalised words (:data:`NAME`). :func:`clean_name` reads
the name out of such a run: it drops a title ("Belarusian President"), a
courtesy title, a sentence's opening word or participle ("Neither",
"Following"), a possessor ("Brazil's") and a suffix ("Jr."), and keeps the
words from the first given name on ("New York City Public Advocate Trish
James"; resources/given_names.tsv). A headline in title case
(:func:`title_case_line`) holds no clean names: its capitals run across
words that are none ("Pence Endorses Paul Ryan With Trump's Blessing").
"""

from __future__ import annotations

import re

from analysis.compare.sources import given_names, places, source_kinds
from analysis.compare.tokens import CALENDAR_WORDS, STOPWORDS
from analysis.segment import TITLE_ABBREVIATIONS

__all__ = ["NAME", "ROLES", "clean_name", "title_case_line"]

_CAP = r"[A-Z][\w’'.-]*"
#: A proper name: up to five capitalised words, with "da", "de", "bin" ... inside.
NAME = rf"{_CAP}(?:\s+(?:(?:da|de|del|van|von|bin|al|la|le)\s+)?{_CAP}){{0,4}}"

ROLES = frozenset(
    {
        "president", "president-elect", "leader", "counterpart", "minister", "spokesman",
        "spokeswoman", "spokesperson", "secretary", "chancellor", "diplomat", "ambassador",
        "envoy", "chief", "chairman", "chairwoman", "chair", "senator", "sen.", "rep.",
        "representative", "governor", "gov.", "mayor", "gen.", "king", "queen", "prince",
        "premier", "dictator", "strongman", "autocrat", "official", "adviser", "advisor",
        "director", "commander", "founder", "ceo", "judge", "justice", "attorney", "lawyer",
        "activist", "head", "speaker", "candidate", "nominee", "lawmaker", "congressman",
        "congresswoman", "deputy", "colonel", "col.", "lt.", "sgt.", "officer", "correspondent",
        "analyst", "editor", "whip", "agent", "capt.", "captain", "sheriff", "prosecutor",
        "commissioner", "councillor", "councilor", "councilman", "councilwoman", "alderman",
        "grandmother", "grandfather", "widow", "pensioner"
    }
)  # fmt: skip


_NOT_NAMES = CALENDAR_WORDS | frozenset(
    [
        "however",
        "meanwhile",
        "but",
        "and",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "yet",
        "still",
        "also",
        "so",
        "then",
        "now",
        "today",
        "yesterday",
        "last",
        "this",
        "that",
        "watch",
        "please",
        "thanks",
        "yes",
        "no",
        "well",
        "soon",
        "earlier",
        "later",
        # A sentence's opening word run into the name ("Neither Donald Trump nor ...",
        # "Regarding Trump's rhetoric").
        "neither",
        "either",
        "nor",
        "despite",
        "unlike",
        "amid",
        "among",
        "without",
        "with",
        "for",
        "from",
        "by",
        "as",
        "after",
        "before",
        "since",
        "while",
        "when",
        "if",
        "although",
        "because",
        "during",
        "until",
        "why",
        "how",
    ]
)
_HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."])


#: Words with a full stop that a name may hold besides titles and initials.
_NAME_ABBREVIATIONS = frozenset(["Jr", "Sr", "St", "Inc", "Co", "Corp", "Ltd", "Bros", "Mt", "Ft"])


def _ends_sentence(word: str) -> bool:
    """True for a word with a full stop that ends a sentence, not a name's
    abbreviation ("Tuesday." before "Mr. Ryan"; not "Sen.", "T.", "U.S.", "Jr.")."""
    bare = word[:-1]
    return (
        word.endswith(".")
        and len(bare) > 1
        and "." not in bare
        and bare not in TITLE_ABBREVIATIONS
        and bare not in _NAME_ABBREVIATIONS
    )


#: Nouns in -ing that begin names ("Morning Consult", "Spring Valley", "King Abdullah").
_ING_NOUNS = frozenset(
    [
        "morning",
        "evening",
        "spring",
        "king",
        "building",
        "wedding",
        "meeting",
        "hearing",
        "briefing",
        "ruling",
        "housing",
        "training",
        "thing",
        "wing",
        "ring",
        "string",
    ]
)


def _opening_participle(words: list[str]) -> bool:
    """A participle opening a sentence, run into the person's name after it
    ("Following Rusk on stage", "Regarding Ada Rusk's plan"): not a given name such
    as "Irving", nor a name's own word ("Playing Field Promotions", "Morning Consult")."""
    word, rest = words[0], words[1:]
    return (
        0 < len(rest) <= 3
        and word.lower() not in _ING_NOUNS
        and len(word) > 5
        and word.endswith("ing")
        and word[1:].islower()
        and word.lower() not in given_names()
        and (len(rest) == 1 or rest[0].lower() in given_names())
    )


def _from_given_name(words: list[str]) -> list[str]:
    """ "New York City Public Advocate Trish James", "Republican Christine Todd
    Whitman": capitals before the first given name are a title, not the name. A
    place ("South Carolina Republican", "Secure America Now"), an initial ("J.
    Gerald Hebert"), a body ("Great America PAC") or a last word that is no
    surname ("Now") stops the reading."""
    names = given_names()
    if (
        len(words) < 3
        or source_kinds().get(words[-1].lower()) is not None
        or words[-1].lower() in STOPWORDS
    ):
        return words
    for k, word in enumerate(words[:-1]):
        if re.fullmatch(r"[A-Z]\.?", word):
            return words
        if word in places() or (k and " ".join(words[: k + 1]) in places()):
            continue  # "America", "Carolina" of "South Carolina"
        if word.lower() in names:
            rest = words[k:]
            return rest if len(rest) <= 3 and all(w[:1].isupper() for w in rest) else words
    return words


def name_after_title(name: str) -> str:
    """The name a title introduces, up to the first line break or sentence end:
    "Jeb Bush.\n\nSpeaking" after "Gov." is "Jeb Bush."."""
    words = name.split("\n", 1)[0].split()
    for k, word in enumerate(words[:-1]):
        if _ends_sentence(word):
            return " ".join(words[: k + 1])
    return " ".join(words)


def clean_name(name: str) -> str:
    # A name never runs across a line break ("... Russia and Ukraine\n\nChina, a firm
    # Russian ally"): the part on the last line.
    words = name.rsplit("\n", 1)[-1].split()
    # A run of capitals across a sentence end ("Committee. Ms. Pelosi"): the last sentence's.
    for k in range(len(words) - 2, -1, -1):
        if _ends_sentence(words[k]):
            words = words[k + 1 :]
            break
    # A title run into the name ("Belarusian President Alexander Lukashenko"): keep what follows.
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in ROLES or words[k].lower() in ("state", "general"):
            # "Angus King of Maine": a role word before "of" and a place is a surname.
            if k + 1 < len(words) and words[k + 1] == "of":
                continue
            words = words[k + 1 :]
            break
    while words and (
        words[0].lower() in _NOT_NAMES
        or words[0].lower() in _HONORIFICS
        or _opening_participle(words)
    ):
        words = words[1:]
    # "Brazil's Celso Amorim": the possessor is not part of the name.
    for k in range(len(words) - 2, -1, -1):
        if re.search(r"['’]s$", words[k]):
            words = words[k + 1 :]
            break
    # "James R. Clapper Jr.": the suffix does not name anyone on its own.
    while len(words) > 1 and words[-1].rstrip(".,").lower() in ("jr", "sr", "ii", "iii"):
        words = words[:-1]
    if len(words) == 1 and words[0].rstrip(".,").lower() in ("jr", "sr", "ii", "iii"):
        return ""
    words = _from_given_name(words)
    cleaned = " ".join(words)
    cleaned = re.sub(r"['’]s?$", "", cleaned).rstrip(".")
    return cleaned


#: Words a title-case headline leaves in lower case.
_TITLE_CASE_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)


def title_case_line(line: str) -> bool:
    """A headline in title case ("Pence Endorses Paul Ryan With Trump's Blessing"):
    four words or more, every one capitalised but the small words; a sentence with
    many names still has a verb in lower case ("Ada Rusk and Ivo Brand met ...")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    return len(words) >= 4 and all(w[:1].isupper() or w.lower() in _TITLE_CASE_SMALL for w in words)
