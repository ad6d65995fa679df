"""Labels: how each outlet names the actors and the concepts of a story.

Descriptors are found with patterns over each sentence, no parser:

- appositive: a name, a comma and a noun phrase closed by a comma, dash or
  the sentence end ("Castell, a former property consultant,"; "Dana Whitlow,
  the port's harbour master,");
- relative clause: a name, a comma and "who"/"which ..." ("Castell, who
  proposed the plan, ...");
- title: a role word with its modifiers right before a name ("Belarusian
  President Alexander Lukashenko", "his Belarusian counterpart Alexander
  Lukashenko").

Descriptors are read with quotations masked (:func:`analysis.quotation.
mask_quotations`): a label always comes from the outlet's own voice. Actors
are named by the full name their article gives them: a surname alone goes to
the person of that article who carries it (people who share a surname stay
apart), and failing that to the one full name the corpus gives it
(:func:`full_names`; "Lukashenko" → "Alexander Lukashenko"). Concept groups
(resources/concepts.tsv, user-editable) are counted per outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from analysis.compare.names import _NOT_NAMES, NAME, ROLES, clean_name, title_case_line
from analysis.compare.results import (
    ConceptCount,
    Descriptor,
    DescriptorKind,
    Labels,
)
from analysis.compare.sources import source_kinds
from analysis.compare.tokens import (
    STOPWORDS,
    TermEntry,
    TermMatcher,
)
from analysis.errors import COMPARISON_CANCELLED, check_cancel
from analysis.model import Corpus
from analysis.quotation import MASK, mask_quotations
from analysis.resources import read_term_table

#: Roles of several words, matched as a whole ("Secretary of State Antony Blinken").
MULTIWORD_ROLES = (
    "secretary of state",
    "secretary-general",
    "secretary general",
    "attorney general",
)
_ROLE_RE = "|".join(
    sorted(
        (re.escape(r).replace(r"\ ", r"\s+") for r in (*ROLES, *MULTIWORD_ROLES)),
        key=len,
        reverse=True,
    )
)
_MODIFIER = (
    r"(?:[A-Z][\w’'.-]*|top|former|close|longtime|then|his|her|its|their|the|deputy|acting"
    r"|chief|foreign|prime|state|national|security|defense|defence)"
)
#: A title before a name, on one line ("Chinese President Xi Jinping"; never
#: "... in Ukraine\n\nChinese President").
TITLE_RE = re.compile(
    rf"(?<![\w’'])(?P<desc>(?:{_MODIFIER}[ \t\u00a0]+){{0,4}}(?i:{_ROLE_RE})(?![\w-]))"
    rf"[ \t\u00a0]+(?P<name>{NAME})"
)
_DESC_CHAR = r"[^,;:()“”\"—–]"
_DESC_EDGE = r"[^\s,;:()“”\"—–]"
#: The description starts and ends on a non-space character, and the
#: lookahead has one ``\s*``: otherwise a run of spaces is rescanned at
#: every step (time quadratic in the run).
APPOSITIVE_RE = re.compile(
    rf"(?<![\w’'])(?P<name>{NAME}),\s+(?P<desc>{_DESC_EDGE}(?:{_DESC_CHAR}*?{_DESC_EDGE})?)"
    # One run of spaces, then the end of the description (``\s*[.!?]?\s*$``
    # would rescan the spaces at every step back).
    r"(?=\s*(?:[,;)—–]|(?<=\s)-\s|[.!?]\s*$|$))"
)
_NOT_DESCRIPTOR_START = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "according",
        "however",
        "including",
        "despite",
        "rather",
        "near",
        "amid",
        "unlike",
        "both",
        "also",
        "then",
        "too",
        "as",
        "while",
        "when",
        "where",
        "whereas",
        "although",
        "though",
        "if",
        "because",
        "after",
        "before",
        "since",
        "until",
        "unless",
        "whether",
        "not",
        "now",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "according",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "with",
        "without",
        "in",
        "on",
        "at",
        "from",
        "to",
        "for",
        "by",
        "of",
        "into",
        "over",
        "under",
        "about",
        "against",
        "among",
        "than",
        "like",
        # sentence adverbs and prepositions of time or place: "Obama, meanwhile, ...",
        # "Paul Ryan, toward the end of the debate, ..."
        "meanwhile",
        "toward",
        "towards",
        "during",
        "nonetheless",
        "nevertheless",
        "instead",
        "still",
        "again",
        "indeed",
        "later",
        "earlier",
        "today",
        "yesterday",
        "along",
        "across",
        "through",
        "throughout",
        "around",
        "within",
    ]
)
#: Relative pronouns: a description that ends in one was cut before its clause.
_RELATIVE = ("who", "which", "that", "whose")
_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "from",
        "to",
        "for",
        "with",
        "by",
        "after",
        "before",
        "during",
        "since",
        "of",
        "into",
        "over",
        "under",
        "near",
        "about",
    ]
)
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "from",
        "into",
        "near",
        "across",
        "inside",
        "outside",
        "throughout",
        "on",
        "against",
    ]
)
_LOCATIVE_OF = _LOCATIVE | {"of"}


def aliases(corpus: Corpus) -> dict[str, str]:
    """Map each multi-word name to the short name the corpus also uses alone."""
    name_re = re.compile(rf"(?<![\w’']){NAME}")
    singles: set[str] = set()
    multis: set[str] = set()
    for analyzed in corpus.articles:
        for m in name_re.finditer(analyzed.article.content):
            name = clean_name(m.group())
            if not name:
                continue
            (multis if " " in name else singles).add(name)
    mapping = {}
    for name in multis:
        parts = name.split()
        for candidate in (parts[-1], parts[0]):
            if candidate in singles and candidate.lower() not in STOPWORDS:
                mapping[name] = candidate
                break
    return mapping


#: Finite verbs: a "descriptor" holding one before any "who"/"which" is a clause
#: ("Sessions, the split with Mattis was ..."), not a description.
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "said",
        "says",
        "told",
    ]
)
#: Words that open a sentence or clause and are not part of a title ("While President X").
_LEADING_JUNK = frozenset(
    [
        "while",
        "although",
        "though",
        "when",
        "as",
        "after",
        "before",
        "since",
        "because",
        "if",
        "and",
        "but",
        "or",
        "so",
        "yet",
        "then",
        "also",
        "it’s",
        "it's",
        "that",
    ]
)


def _descriptor_ok(desc: str) -> bool:
    words = desc.split()
    if not 1 <= len(words) <= 16:
        return False
    first = words[0]
    lowered_first = first.lower()
    # "Mitt Romney, 49 percent to 44 percent": a figure, not a description.
    if lowered_first in _NOT_DESCRIPTOR_START or first[:1].isdigit():
        return False
    # "reportedly without ...", "echoed Trump's call ...", "speaking at ...": an adverb or
    # a verb, not a noun phrase.
    if lowered_first.endswith(("ly", "ed", "ing")) and first[:1].islower():
        return False
    # "Barack Obama, former Secretary of State Hillary Clinton, ...": the next item of a list.
    title = TITLE_RE.match(desc)
    if title is not None and title.end() == len(desc):
        return False
    # "sanctions on X, measures to ensure ...": a bare plural opens the next item of a list.
    if re.fullmatch(r"[a-z]+[^su']s", first) and first not in ("his", "its", "this", "hers"):
        return False
    # "Kazakhstan, Kyrgyzstan, ..." is a list, not a description; "China's top diplomat" is.
    if first[:1].isupper() and not re.search(r"['’]s?$", first):
        return False
    for word in words:
        w = word.lower().strip(",.;:")
        if w in _RELATIVE:
            break
        if w in _FINITE:
            return False
    return len(words) >= 2 or first[:1].islower()


def _institution(name: str) -> bool:
    """True for a one-word name that is the head of a body ("Sheriff Department",
    "County Prosecutor Office"): the title before it names no person."""
    return " " not in name and source_kinds().get(name.lower()) == "organisation"


def _bad_name(name: str) -> bool:
    first = name.split()[0].lower() if name else ""
    return not name or name.lower() in _NOT_NAMES or first in _PREPOSITIONS or first in STOPWORDS


#: Starts only at a word's start, so a long run of capitals is scanned once.
_OF_NAME_RE = re.compile(rf"(?<![\w’'])(?P<name>{NAME})\s+of\s+$")


def sentence_descriptors(
    text: str, start: int, end: int
) -> list[tuple[str, str, DescriptorKind, int, int]]:
    """(name, descriptor, kind, start, end) found in ``text[start:end]``."""
    found: list[tuple[str, str, DescriptorKind, int, int]] = []
    sentence = text[start:end]
    if title_case_line(sentence):
        return found
    for m in TITLE_RE.finditer(sentence):
        desc = m.group("desc")
        kept = desc.split()
        while kept and (kept[0].lower() == "the" or kept[0].lower() in _LEADING_JUNK):
            kept = kept[1:]
        if not kept:
            continue
        name = clean_name(m.group("name"))
        if _bad_name(name) or _institution(name):
            continue
        skipped = len(desc.split()) - len(kept)
        word_starts = [w.start() for w in re.finditer(r"\S+", desc)]
        d_start = start + m.start("desc") + word_starts[skipped]
        d_end = start + m.end("desc")
        found.append((name, text[d_start:d_end], "title", d_start, d_end))
    for m in APPOSITIVE_RE.finditer(sentence):
        before_text = sentence[: m.start()]
        before = before_text.split()
        first_word = m.group("name").split()[0].lower()
        # "In Beijing, the two leaders ...", "In the House, his relationship ...": a
        # fronted place or time, not an appositive.
        if (1 <= len(before) <= 3 and before[0].lower() in _PREPOSITIONS) or (
            not before and first_word in _PREPOSITIONS
        ):
            continue
        desc = m.group("desc").strip()
        first = desc.split()[0].lower() if desc else ""
        kind: DescriptorKind = (
            "relative clause" if first in ("who", "which", "whose") else "appositive"
        )
        # "a retired FBI profiler and forensic linguist who": the description
        # without the pronoun of the clause cut after it; a lone "who" is none.
        words = desc.split()
        if kind == "appositive" and len(words) > 1 and words[-1].lower() in _RELATIVE:
            desc = desc[: desc.rfind(words[-1])].rstrip()
        if kind == "relative clause" and len(words) < 2:
            continue
        name = clean_name(m.group("name"))
        # "Mark Warner of Virginia, the top Democrat ...": the description is Warner's.
        owner = _OF_NAME_RE.search(before_text)
        if owner is not None:
            name = clean_name(owner.group("name"))
        elif (
            before
            and before[-1].lower() in (_LOCATIVE if kind == "appositive" else _LOCATIVE_OF)
            and not any(w.lower() in ROLES for w in m.group("name").split())
        ):
            # "met the mayor in Greyfield, the first visit ...", "out of Syria, which
            # ...": after a place preposition the phrase usually describes the event, not
            # the place (a titled name, "of President X, who ...", is a person).
            continue
        if _bad_name(name):
            continue
        if kind == "appositive" and not _descriptor_ok(desc):
            continue
        d_start = start + m.start("desc")
        d_end = d_start + len(desc)
        found.append((name, desc, kind, d_start, d_end))
    return found


def load_concepts(path: str | Path) -> TermMatcher:
    """Read concept groups (concept, term, reason); raises LexiconError when malformed."""
    rows = read_term_table(Path(path), ("concept", "term", "reason"))
    return TermMatcher([TermEntry(term, concept, reason) for concept, term, reason in rows])


@cache
def default_concepts() -> TermMatcher:
    """The built-in concept groups, resources/concepts.tsv."""
    from analysis.resources import resource_path

    return load_concepts(resource_path("concepts.tsv"))


#: A full name: two to four capitalised words or initials ("Peter J. Carr"), nothing
#: that runs across a sentence end ("Russia. But Beijing").
_PERSON_NAME_RE = re.compile(  # from a word's start only: linear when searched
    r"(?<![\w’'-])(?:[A-Z]\.|[A-Z][\w’'-]*)(?: (?:[A-Z]\.|[A-Z][\w’'-]*)){1,3}"
)


def full_names(alias: dict[str, str]) -> dict[str, str]:
    """A name used alone → the one full name the corpus gives it ("Lukashenko" →
    "Alexander Lukashenko"), from :func:`aliases`; a name several people share
    ("Hutchinson" for a governor and his son) is left out."""
    by_short: dict[str, set[str]] = {}
    for full, short in alias.items():
        if _PERSON_NAME_RE.fullmatch(full) and not any(
            w.lower() in STOPWORDS or w.lower() in _NOT_NAMES for w in full.split()
        ):
            by_short.setdefault(short, set()).add(full)
    return {short: min(fulls) for short, fulls in by_short.items() if len(fulls) == 1}


def _article_actor(
    name: str, at: int, known: list[tuple[int, str]], corpus_full: dict[str, str]
) -> str:
    """The full name of the person ``name`` at ``at`` stands for in one article.

    A surname goes to the full name of that article that ends (or, for family
    names first, starts) with it, the one named last before ``at`` when several
    do; failing that, to the corpus's one full name for it.
    """
    if " " in name:
        return name
    # A surname ends a full name; a family name first ("Xi" of "Xi Jinping") starts a
    # two-word one ("Trump" is not "Trump National Golf Club").
    matches = [
        (pos, full)
        for pos, full in known
        if name == full.split()[-1] or (name == full.split()[0] and full.count(" ") == 1)
    ]
    if matches:
        before = [full for pos, full in matches if pos <= at]
        return before[-1] if before else matches[0][1]
    return corpus_full.get(name, name)


_NAME_RE = re.compile(rf"(?<![\w’']){NAME}")


def labels(
    corpus: Corpus,
    *,
    concepts: TermMatcher | None = None,
    alias: dict[str, str] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Labels:
    """Descriptors of actors and concept-group counts per outlet.

    ``cancel()`` is checked before each article (raising
    :class:`~analysis.errors.CancelledError`).

    Actors are named by the full name their article gives them (a surname alone
    resolves within the article; people who share a surname stay apart).
    ``alias`` is :func:`aliases` of ``corpus``, when the caller has it already.
    """
    matcher = concepts if concepts is not None else default_concepts()
    alias = alias if alias is not None else aliases(corpus)
    corpus_full = full_names(alias)
    descriptors: list[Descriptor] = []
    counts: dict[tuple[str, str, str], int] = {}
    used_concepts: set[str] = set()
    for a, analyzed in enumerate(corpus.articles):
        check_cancel(cancel, COMPARISON_CANCELLED)
        text, outlet = analyzed.article.content, analyzed.outlet
        # Labels come from the outlet's own voice: quotations are blanked out first.
        masked = mask_quotations(text)
        known: list[tuple[int, str]] = []
        # Names within sentences only: a name never runs across a sentence end
        # or a paragraph break ("... on Tuesday.\n\nBut Cornyn, ...").
        for sentence in analyzed.sentences:
            for found in _NAME_RE.finditer(masked, sentence.start, sentence.end):
                full = clean_name(found.group())
                if " " in full and not _bad_name(full):
                    known.append((found.start(), full))
        for s, sentence in enumerate(analyzed.sentences):
            for name, _desc, kind, d_start, d_end in sentence_descriptors(
                masked, sentence.start, sentence.end
            ):
                if MASK in masked[d_start:d_end]:
                    continue
                actor = _article_actor(name, d_start, known, corpus_full)
                descriptors.append(
                    Descriptor(outlet, actor, text[d_start:d_end], kind, a, s, d_start, d_end)
                )
        for m in matcher.finditer(text):
            key = (outlet, m.entry.group, m.entry.term)
            counts[key] = counts.get(key, 0) + 1
            used_concepts.add(m.entry.group)
    concept_rows = tuple(
        ConceptCount(
            outlet, entry.group, entry.term, counts.get((outlet, entry.group, entry.term), 0)
        )
        for outlet in corpus.outlets
        for entry in matcher.entries
        if entry.group in used_concepts
    )
    return Labels(tuple(descriptors), concept_rows)
