"""The word lists of attribution: words that are never speakers, titles, places,
clause words (the kinds of sources, resources/source_kinds.tsv, are read in
:mod:`analysis.compare.labels`, beside the roles)."""

from __future__ import annotations

from analysis.compare.names import ROLES
from analysis.compare.tokens import CALENDAR_WORDS, STOPWORDS
from analysis.quotation import speech_verbs

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


#: Words that end a name as a time or an opener, never as a surname ("Ada Rusk
#: Friday"); a capitalised function word after a given name may be one ("George Will").
_TIME_TAILS = _NOT_SPEAKERS - (STOPWORDS - CALENDAR_WORDS)


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


#: Last words of place names ("Broad Street", "Cook County"): a place, never a person.
_PLACE_HEADS = frozenset(
    [
        "street",
        "avenue",
        "road",
        "boulevard",
        "square",
        "park",
        "bridge",
        "river",
        "county",
        "city",
        "town",
        "hall",
        "center",
        "centre",
        "airport",
        "station",
        "island",
        "lake",
        "mountain",
        "valley",
        "beach",
        "bay",
        "coast",
        "district",
        "plaza",
        "stadium",
        "arena",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "hospital",
    ]
)


#: Capitalised sentence openers that are not names.
_OPENERS = frozenset(
    [
        # "Former prosecutor and Mayor Ada Rusk": an adjective of a title, never a name.
        "former",
        # "Close to three dozen House Democrats": an amount's opener.
        "close",
        "nearly",
        "almost",
        "roughly",
        "outgoing",
        "incoming",
        "acting",
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


_HE = frozenset(["he", "his", "him", "himself"])


_STRIPPABLE = _TITLE_WORDS | {w.rstrip(".") for w in _TITLE_WORDS} | _NOT_SPEAKERS | _OPENERS


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


#: An uncued quotation of at most this many words is a scare quote or a name.
_SCARE_WORDS = 2
