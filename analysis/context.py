"""Context rules: whether a loaded term or a subjective word counts where it stands.

A lexicon matches words; whether a word is loaded depends on where it
stands.  This module holds the rules, each readable on its own
(resources/lexicons/README.md lists them with examples):

* **names**: a word inside a proper name ("Qin Gang", "Foreign Minister",
  "Cold War", "Central Committee") is part of the name, never loaded or
  subjective language (:func:`in_proper_name`);
* **part of speech**: an entry of resources/lexicons/loaded.tsv may say, in
  its fifth column, the contexts in which it does not apply (:data:`TAGS`):
  ``noun`` (after a determiner or a possessive: "a push by Kyiv", "its
  claims"), ``verb`` (anywhere else), ``war`` (in a report on an armed
  conflict, where "invasion" and "attack" describe what happened),
  ``passive`` (after was, were, been or being: "no laws were broken",
  "two packages were discovered", unless "that" follows),
  ``next:WORD`` and ``prev:WORD`` (just before or after WORD:
  "establishment of");
* **neutral news words**: TextBlob rates some words that news uses
  descriptively ("first", "last", "blue"); resources/lexicons/context.tsv
  lists them and they are not shaded (TextBlob's sentence scores keep them).

The word-class guesses come from :mod:`analysis.wordclass` (tables TextBlob
ships; no NLTK download).  Every function reads only the article text and
offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

__all__ = [
    "TAGS",
    "after_be",
    "applies_here",
    "check_not_in",
    "in_proper_name",
    "neutral_words",
    "reads_as_noun",
    "war_cues",
    "war_report",
]

#: The contexts an entry's ``not_in`` column may name (plus next:WORD, prev:WORD).
TAGS: tuple[str, ...] = ("noun", "verb", "war", "passive")

#: An article counts as a report on an armed conflict from this many cue words on.
WAR_CUES_MIN = 3

_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
# What may stand between two words of one name: a space (no punctuation).
_NAME_GAP = re.compile(r"[ \u00a0]{1,2}")
# Lower-case words that may join the capitalised words of one name.
_NAME_JOINERS = frozenset({"of", "da", "de", "del", "van", "von", "al", "bin"})
_DETERMINERS = frozenset(
    {
        "a", "an", "the", "its", "his", "her", "their", "our", "your", "my", "this",
        "that", "these", "those", "whose", "any", "each", "every", "another", "no",
        "some", "such",
    }
)  # fmt: skip
# Words that, just before a word, make it a verb ("to push", "will attack").
_VERB_BEFORE = frozenset(
    {
        "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
        "did", "does", "do", "not", "never", "i", "we", "they", "you", "he", "she", "it",
    }
)  # fmt: skip
# Prepositions after which a word is a noun or a noun's modifier ("in duck
# pajamas", "mailing of explosives"), unless it is an -ing form ("of ducking").
_PREPOSITIONS = frozenset(
    {
        "in", "on", "of", "for", "with", "from", "by", "about", "at", "into", "over",
        "under", "after", "before", "without", "against", "between", "during", "like",
    }
)  # fmt: skip
# Forms of "be" that make a past participle after them passive.
_BE_PASSIVE = frozenset({"was", "were", "been", "being"})
_SENTENCE_OPENERS = frozenset(".!?:;\n\"'\u201c\u201d\u2018\u2019(\u2014\u2013-|")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and len(word) > 1


def _word_before(text: str, start: int) -> re.Match[str] | None:
    """The word that ends right before ``start`` with only spaces between, if any."""
    i = start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == start or i == 0 or start - i > 2:
        return None
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'\u2019-"):
        j -= 1
    found = _WORD.fullmatch(text, j, i)
    return found


def _word_after(text: str, end: int) -> re.Match[str] | None:
    """The word that starts right after ``end`` with only spaces between, if any."""
    gap = _NAME_GAP.match(text, end)
    if gap is None:
        return None
    return _WORD.match(text, gap.end())


def _opens_sentence(text: str, start: int) -> bool:
    """True when nothing but white space and opening punctuation stands between
    ``start`` and the end of the previous sentence (or the start of the text)."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_OPENERS


def _title_case_line(text: str, start: int) -> bool:
    """True when the line around ``start`` is a headline set in title case or
    capitals (no closing full stop, and nearly every word after the first
    capitalised, short function words aside): there capitals say nothing
    about names."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].rstrip(" \t\"'\u201d\u2019)")
    # A line that ends as a sentence needs more words to count as a headline.
    ends = line.endswith((".", "!", "?", ":")) and not line.endswith(("...", "\u2026"))
    words = [w for w in _WORD.findall(line)[1:] if len(w) > 3]
    if len(words) < (6 if ends else 3):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.85 * len(words)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s", "s'", "s\u2019"))


def _class(word: str) -> str:
    from analysis.wordclass import word_class

    return word_class(word.lower())[0]


def _initial_pair(first: str, second: str) -> bool:
    """Whether a sentence's capitalised first word and the capitalised word after
    it make one name: a name or unknown word ("Qin Gang"), a title ("President
    Xi"), or an adjective before a common word ("Cold War", "Foreign Minister");
    not a pronoun or verb ("They Slam"), nor an adjective before a name
    ("Brutal Russian attacks")."""
    kind = _class(first)
    if kind in ("proper", "unknown", "noun"):
        return True
    return kind == "adjective" and _class(second) in ("noun", "adjective")


def _run(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The capitalised words joined to ``text[start:end]`` into one run (itself included),
    as :func:`in_proper_name` describes, and where the span's first word is in it.
    A possessive ends a run ("Trump's Circus Maximus" is two runs)."""
    words = text[start:end].split()
    index = 0
    at = start
    while not _opens_sentence(text, at):
        before = _word_before(text, at)
        if before is not None and before.group().lower() in _NAME_JOINERS:
            before = _word_before(text, before.start())
        if before is None or not _capitalised(before.group()) or _possessive(before.group()):
            break
        if _opens_sentence(text, before.start()) and not _initial_pair(before.group(), words[0]):
            break
        words.insert(0, before.group())
        index += 1
        at = before.start()
    opens = at == start and _opens_sentence(text, start)
    at = end
    while not _possessive(words[-1]):
        after = _word_after(text, at)
        if after is not None and after.group().lower() in _NAME_JOINERS:
            after = _word_after(text, after.end())
        if after is None or not _capitalised(after.group()):
            break
        if opens and len(words) == 1 and not _initial_pair(words[0], after.group()):
            break
        words.append(after.group())
        at = after.end()
    return words, index


def in_proper_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a proper name.

    A candidate is a run of two or more capitalised words separated by single
    spaces, possibly joined by "of" ("Ministry of Foreign Affairs"); the
    first word of a sentence, capitalised anyway, joins the word after it
    only as :func:`_initial_pair` says.  The run is a name when one of its
    words is a name or unknown to the tagger ("Qin Gang", "President Xi") or
    its last word is the head of an institution or title
    (resources/lexicons/context.tsv: "Cold War", "Foreign Minister",
    "Central Committee").  A run of common words only is a nickname or a
    slogan ("Woke Mob", "Mad King"), where the loaded word is the point: not
    a name; so is a capitalised word before a name with no title between
    them, an epithet ("Egomaniac Trump", "Marxist Antonio Gramsci").  On a
    line in title case (a headline) the rule does not apply.
    """
    span = text[start:end]
    if not span[:1].isupper() or _title_case_line(text, start):
        return False
    run, at = _run(text, start, end)
    if len(run) < 2 or len(span.split()) == len(run) > 1:
        # A phrase of the lexicon that is the whole run ("Democrat Party") was
        # listed as a name on purpose.
        return False
    heads = name_heads()
    if run[-1].lower() in heads:
        return True
    named = [
        k
        for k, w in enumerate(run)
        if _class(w) in ("proper", "unknown") and (not w.isupper() or len(w) > 4)
    ]
    if not named:
        return False
    # Before the first name, only a title joins it ("Foreign Minister Wang Yi",
    # "President Xi"); other words are epithets ("Egomaniac Trump", "Elite Pete").
    first = named[0]
    return at >= first or any(w.lower() in heads for w in run[at:first])


def reads_as_noun(text: str, start: int) -> bool:
    """True when the word at ``start`` reads as a noun: right after a determiner
    or possessive ("a push", "its claims", "Russia's push"), or after an
    adjective that follows one ("its diplomatic push"), and not itself
    followed by a noun it would qualify ("King's offensive remark"); or right
    after a preposition, where only a noun or a noun's modifier stands ("in duck
    pajamas"), unless it is an adjective or an -ing or -ed form ("accused of
    ducking")."""
    before = _word_before(text, start)
    if before is None:
        return False
    word_end = _WORD.match(text, start)
    if word_end is None:
        return False
    word = word_end.group().lower()
    adjective = _class(word) == "adjective"
    if before.group().lower() in _PREPOSITIONS and not word.endswith(("ing", "ed")):
        return not adjective
    after = _word_after(text, word_end.end())
    # An adjective qualifies any noun phrase after it ("an explosive congressional
    # hearing", "the explosive Norwalk video"); other words only a common noun.
    qualified = ("noun", "adjective", "proper", "unknown") if adjective else ("noun",)
    if after is not None and _class(after.group()) in qualified:
        return False
    from analysis.wordclass import word_class

    # Up to three adjectives (or "own") may stand between the determiner and
    # the noun: "its own diplomatic push".
    for _ in range(4):
        word = before.group().lower()
        if word in _DETERMINERS or word.endswith(("'s", "\u2019s", "s'")):
            return True
        if word in _VERB_BEFORE or not (word == "own" or word_class(word)[0] == "adjective"):
            return False
        before = _word_before(text, before.start())
        if before is None:
            return False
    return False


def after_be(text: str, start: int) -> bool:
    """True when the word at ``start`` follows was, were, been or being, with at
    most one adverb or "not" between ("were broken", "was quickly discovered")."""
    before = _word_before(text, start)
    if before is not None and before.group().lower() not in _BE_PASSIVE:
        word = before.group().lower()
        if word == "not" or _class(word) == "adverb":
            before = _word_before(text, before.start())
    return before is not None and before.group().lower() in _BE_PASSIVE


def _next_is(text: str, end: int, word: str) -> bool:
    after = _word_after(text, end)
    return after is not None and after.group().lower() == word


@cache
def war_cues() -> frozenset[str]:
    """Words that mark a report on an armed conflict (resources/lexicons/context.tsv)."""
    return frozenset(w for w, rule in _context_rows() if rule == "war_cue")


@cache
def name_heads() -> frozenset[str]:
    """Head nouns of institutions and titles that end a name (resources/lexicons/context.tsv)."""
    return frozenset(w for w, rule in _context_rows() if rule == "name_head")


@cache
def neutral_words() -> frozenset[str]:
    """TextBlob-rated words that are not shaded as subjective (resources/lexicons/context.tsv)."""
    return frozenset(w for w, rule in _context_rows() if rule == "neutral")


@cache
def _context_rows() -> tuple[tuple[str, str], ...]:
    from analysis.errors import LexiconError
    from analysis.resources import resource_path

    path = resource_path("lexicons", "context.tsv")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        cells = line.split("\t")
        rules = ("war_cue", "neutral", "name_head")
        if len(cells) != 3 or cells[1] not in rules or not cells[2].strip():
            raise LexiconError(f"{path}, line {number}: expected word, rule, reason")
        rows.append((cells[0].strip().lower(), cells[1]))
    return tuple(rows)


@lru_cache(maxsize=64)
def war_report(text: str) -> bool:
    """True when ``text`` reports an armed conflict: at least WAR_CUES_MIN of its
    words are war cues (war, troops, invaded, shelling, ceasefire, ...)."""
    cues = war_cues()
    count = 0
    for word in _WORD.findall(text):
        if word.lower() in cues:
            count += 1
            if count >= WAR_CUES_MIN:
                return True
    return False


def check_not_in(value: str) -> tuple[str, ...]:
    """The tags of a ``not_in`` cell, checked; raises ValueError naming a bad tag."""
    tags = tuple(t.strip().lower() for t in value.split(",") if t.strip())
    for tag in tags:
        kind, sep, word = tag.partition(":")
        if sep and kind in ("next", "prev") and _WORD.fullmatch(word):
            continue
        if not sep and tag in TAGS:
            continue
        raise ValueError(f"unknown context {tag!r}; use {', '.join(TAGS)}, next:WORD or prev:WORD")
    return tags


def applies_here(text: str, start: int, end: int, not_in: Sequence[str]) -> bool:
    """False when the match ``text[start:end]`` stands in a proper name or in one
    of the contexts ``not_in`` names (see :data:`TAGS`)."""
    if in_proper_name(text, start, end):
        return False
    for tag in not_in:
        if tag == "war":
            if war_report(text):
                return False
        elif tag == "passive":
            if after_be(text, start) and not _next_is(text, end, "that"):
                return False
        elif tag == "noun":
            if reads_as_noun(text, start):
                return False
        elif tag == "verb":
            if not reads_as_noun(text, start):
                return False
        elif tag.startswith("next:"):
            if _next_is(text, end, tag[5:]):
                return False
        elif tag.startswith("prev:"):
            before = _word_before(text, start)
            if before is not None and before.group().lower() == tag[5:]:
                return False
    return True
