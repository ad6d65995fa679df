"""What kind of source a speaker is: its kind, the group of voice its role
gives it, and the places that speak without being people.

The vocabularies are readable files in resources/: source_kinds.tsv (the head
words of organisations, documents and unnamed sources), source_groups.tsv
(role words of officials, experts and ordinary people) and places.tsv
(countries, states, provinces and capitals); given_names.tsv gives the pronoun
a first name most likely goes with.
"""

from __future__ import annotations

import re
from functools import cache
from typing import cast

from analysis.compare.results import SpeakerGroup, SpeakerKind
from analysis.resources import read_term_table

__all__ = [
    "PARTIES",
    "PARTY_TAG",
    "given_names",
    "places",
    "source_group",
    "source_groups",
    "source_kinds",
]


def _word_table(file: str, column: str, values: tuple[str, ...]) -> dict[str, str]:
    """word (lower case) → ``column`` of resources/``file`` (word, column, reason),
    for the rows whose value is one of ``values``."""
    from analysis.resources import resource_path

    rows = read_term_table(resource_path(file), ("word", column, "reason"))
    return {word.lower(): value for word, value, _reason in rows if value in values}


@cache
def source_kinds() -> dict[str, SpeakerKind]:
    """Head word (lower case) → kind of source, from resources/source_kinds.tsv."""
    table = _word_table("source_kinds.tsv", "kind", ("organisation", "document", "unnamed"))
    return cast("dict[str, SpeakerKind]", table)


#: A party tag as US outlets give lawmakers: "R-Texas", "D-N.Y.", "I-Vt.".
PARTY_TAG = r"[RDI]-[A-Z][A-Za-z.]*"

#: US parties as outlets name a member ("the Vermont Democrat"): the letter of the
#: party's tag and the words that name it near a name.
PARTIES = {
    "republican": ("R", r"Republican"),
    "democrat": ("D", r"Democrat(?:ic)?"),
    "independent": ("I", r"[Ii]ndependent"),
}
_PARTY_TAG_RE = re.compile(rf"(?<![\w-]){PARTY_TAG}")


#: Bodies whose offices are not public ones: a role that names one is no official's.
_NON_GOVERNMENT_RE = re.compile(
    r"\b(?:[Uu]nions?|[Cc]ampaigns?|[Cc]ompany|[Cc]ompanies|[Ff]irm|[Aa]ssociation|[Cc]oalition"
    r"|[Mm]ovement|[Cc]harity|[Cc]hurch|[Ff]ederation|[Ff]oundation|[Ii]nstitute|[Ll]obby"
    r"|[Gg]roup|[Cc]orporation|[Bb]ank|[Nn]ewspaper)\b"
)


@cache
def source_groups() -> dict[str, SpeakerGroup]:
    """Role word (lower case) → group of voice, from resources/source_groups.tsv."""
    table = _word_table("source_groups.tsv", "group", ("official", "expert", "ordinary"))
    return cast("dict[str, SpeakerGroup]", table)


def source_group(kind: SpeakerKind, role: str, speaker: str) -> SpeakerGroup:
    """Whose voice a source carries: the group of the first role word listed in
    resources/source_groups.tsv ("Sen., R-Texas" → official, "a history professor
    at Yale" → expert); an unnamed source is read by its own phrase ("a senior
    official", "local residents"). Organisations, documents and roles that say
    nothing listed get ""."""
    if kind == "person":
        text = role
    elif kind == "unnamed":
        text = f"{speaker} {role}"
    else:
        return ""
    groups = source_groups()
    if _PARTY_TAG_RE.search(role):
        return "official"  # "R-Texas", "(D-Va.)": a member of a legislature
    if kind == "person" and _NON_GOVERNMENT_RE.search(role):
        # "general secretary of the River Workers' Union", "president of the company":
        # an office of a union, a campaign or a firm is no public office.
        return ""
    for word in re.findall(r"[\w’'.-]+", text.lower()):
        group = groups.get(word) or groups.get(word.rstrip("."))
        if group:
            return group
    return ""


@cache
def places() -> frozenset[str]:
    """Names of countries, states, provinces and capitals, from resources/places.tsv:
    a place may speak through its government but is never a person."""
    from analysis.resources import resource_path

    rows = read_term_table(resource_path("places.tsv"), ("name", "kind", "reason"))
    return frozenset(name for name, _kind, _reason in rows)


@cache
def given_names() -> dict[str, str]:
    """First name (lower case) → "he" or "she", from resources/given_names.tsv (the 1990 US
    Census lists; only names borne by one sex at least 95% of the time)."""
    from analysis.resources import resource_path

    rows = read_term_table(resource_path("given_names.tsv"), ("name", "pronoun", "reason"))
    return {name.lower(): pronoun for name, pronoun, _reason in rows if pronoun in ("he", "she")}
