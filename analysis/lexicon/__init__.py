"""Loaded-language lexicons: reading them and finding their terms in a text.

A :class:`Lexicon` is an immutable set of :class:`LexiconEntry` values (term,
category, weight, reason).  :meth:`Lexicon.match` finds them in a text:

* case-insensitive, on whole words (a term never matches inside a word);
* inflections come for free: ``slam`` matches slams, slammed, slamming;
  ``regime`` matches regimes; ``bully`` matches bullies, bullied; ``blame``
  matches blamed, blaming; an adjective also matches its -ly adverb
  (``brutal`` → brutally).  A leading ``=`` asks for the exact form only;
* a trailing ``*`` on a word is a prefix wildcard, as in LIWC (``infest*``);
* phrases match across spaces and hyphens alike (``so-called`` matches
  "so called", ``far-left`` matches "far left");
* the longest match wins, matches never overlap, and at equal length an exact
  form beats an inflection, which beats a wildcard; entries of a lexicon
  merged in later (a user's) beat the ones they were merged onto;
* context: a term inside a direct quotation is the source's word, not the
  outlet's, so its weight is halved, its reason says so and its ``quoted``
  flag is set; a term right after a negation ("not", "never", ...) says so
  in its reason;
* context rules (:mod:`analysis.context`): a term inside a proper name
  ("Qin Gang", "Cold War") is no match, nor is a term in a context its
  entry's ``not_in`` names (used as a noun, in a war report, ...); an entry
  of weight 0 never matches (a reader's "never mark this term"), and hides
  the shorter terms inside it;
* scare quotes are found by a rule, not a list: a phrase of one to four
  words in quotation marks, in a passage that names no speaker.

The package has three parts: :mod:`.index` (the entries and the token trie
that finds them: a couple of dictionary look-ups per word), :mod:`.inflection`
(the forms a term's words match) and :mod:`.formats` (our TSV format,
resources/lexicons/README.md, LIWC ``.dic`` and MPQA ``.tff`` through
:func:`load_lexicon`; FrameLens's own lexicon through :func:`default_lexicon`).
"""

from __future__ import annotations

from analysis.categories import Category, load_categories
from analysis.lexicon.formats import TSV_HEADER, default_lexicon, load_lexicon
from analysis.lexicon.index import (
    CATEGORY_IDS,
    NEGATIONS,
    QUOTED_FACTOR,
    Lexicon,
    LexiconEntry,
    LexiconMatch,
    token_parts,
)
from analysis.lexicon.inflection import adverb_forms, inflections
from analysis.quotation import inside_quote, quote_regions

__all__ = [
    "CATEGORY_IDS",
    "NEGATIONS",
    "QUOTED_FACTOR",
    "TSV_HEADER",
    "Category",
    "Lexicon",
    "LexiconEntry",
    "LexiconMatch",
    "adverb_forms",
    "default_lexicon",
    "inflections",
    "inside_quote",
    "load_categories",
    "load_lexicon",
    "quote_regions",
    "token_parts",
]
