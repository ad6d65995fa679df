"""TextBlob's sentiment, computed faster and with every assessment placed in the text.

FrameLens reports, for each sentence, exactly the numbers that
``TextBlob(sentence).sentiment`` gives and the word-level assessments of
``TextBlob(sentence).sentiment_assessments.assessments``. TextBlob's analyzer
(``PatternAnalyzer`` → ``textblob._text.Sentiment``) is accurate but slow to
call once per sentence: every call builds a blob, runs the whole pattern
tokenizer with a dozen regular-expression passes, goes through a lazily
loaded dictionary whose every lookup is a Python-level call, and
``sentiment_assessments`` runs the analysis twice and defines a new
namedtuple class each time.

This module is an equivalent reimplementation of that algorithm:

* the lexicon is read once per process from TextBlob's own
  ``textblob/en/en-sentiment.xml`` exactly as ``textblob.en.Sentiment.load``
  reads it (the same averaging of word senses with the builtin ``sum``, and
  the same derived "-ly" adverbs), into a plain ``dict``; the file is found
  without importing TextBlob (which would import NLTK, about 1.5 s per worker
  process); both are done in :mod:`analysis.textblob_data`;
* tokenisation follows ``textblob._text.find_tokens`` step by step, but each
  whitespace-separated chunk is split into tokens once and cached, and the
  regular-expression passes for sarcasm marks and emoticons run only on the
  sentences that could contain one;
* the assessment loop is ``Sentiment.assessments`` with the same arithmetic
  in the same order, tracking which token each assessed word came from so
  that it can be mapped back to character offsets.

**Equality.** The results are *exactly* equal (``==`` on Python floats) to
TextBlob's for the same sentence text: the floating-point operations are the
same operations in the same order. The test-suite checks this with hypothesis
on generated sentences (lexicon words, negations, intensifiers, punctuation,
emoticons, "!", mixed case, line breaks) and on every sentence of the real
seed articles and of the BASIL articles. One caveat, TextBlob's own: it
builds its emoticon pattern from sets, so in a process with an unlucky hash
seed it reads ":o)" or ":c)" as ":o" or ":c" followed by ")"; this module always
reads the longer emoticon (see ``RE_EMOTICONS``).

The small constants below (punctuation, abbreviations, contractions,
emoticons) are those of ``textblob._text`` (MIT licence, from the pattern
library); a test checks that they still equal TextBlob's own.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from itertools import chain
from typing import NamedTuple

from analysis.memo import Memo
from analysis.model import Assessment
from analysis.textblob_data import SentimentLexicon, sentiment_lexicon

__all__ = [
    "RawAssessment",
    "SentenceSentiment",
    "SentimentLexicon",
    "analyze_sentence",
    "raw_sentiment",
    "sentiment_lexicon",
    "tokenize",
]

# --- TextBlob's constants (textblob._text; checked against it by the tests) -------------------

PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
ABBREVIATIONS = frozenset(
    (
        "a.", "adj.", "adv.", "al.", "a.m.", "c.", "cf.", "comp.", "conf.", "def.",
        "ed.", "e.g.", "esp.", "etc.", "ex.", "f.", "fig.", "gen.", "id.", "i.e.",
        "int.", "l.", "m.", "Med.", "Mil.", "Mr.", "n.", "n.q.", "orig.", "pl.",
        "pred.", "pres.", "p.m.", "ref.", "v.", "vs.", "w/",
    )
)  # fmt: skip
RE_ABBR1 = re.compile(r"^[A-Za-z]\.$")
RE_ABBR2 = re.compile(r"^([A-Za-z]\.)+$")
RE_ABBR3 = re.compile("^[A-Z][" + "|".join("bcdfghjklmnpqrstvwxz") + "]+.$")
EMOTICONS: dict[tuple[str, float], frozenset[str]] = {
    ("love", +1.00): frozenset(("<3", "♥")),
    ("grin", +1.00): frozenset((">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D")),
    ("taunt", +0.75): frozenset(
        (">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)")
    ),
    ("smile", +0.50): frozenset(
        (">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)")
    ),
    ("wink", +0.25): frozenset((">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)")),
    ("gasp", +0.05): frozenset((">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")),
    ("worry", -0.25): frozenset(
        (">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>")
    ),
    ("frown", -0.75): frozenset(
        (">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/")
    ),
    ("cry", -1.00): frozenset((":'(", ":'''(", ";'(")),
}
# TextBlob builds this alternation from sets, so its order changes with the hash seed of
# each process. Order matters only where one emoticon is a prefix of another (":o" and
# ":o)", ":c" and ":c)"): TextBlob then scores ":o)" as either, at random. Here the longer
# one always wins, which is one of TextBlob's two possible answers.
RE_EMOTICONS = re.compile(
    r"(%s)($|\s)"  # noqa: UP031 - TextBlob's own spelling of the pattern
    % "|".join(
        r" ?".join(re.escape(ch) for ch in e)
        for e in sorted((e for v in EMOTICONS.values() for e in v), key=lambda e: (-len(e), e))
    )
)
RE_SARCASM = re.compile(r"\( ?\! ?\)")
REPLACEMENTS = {
    "'d": " 'd",
    "'m": " 'm",
    "'s": " 's",
    "'ll": " 'll",
    "'re": " 're",
    "'ve": " 've",
    "n't": " n't",
}
EOS = "END-OF-SENTENCE"
MOOD = "mood"
IRONY = "irony"
NEGATIONS = frozenset(("no", "not", "n't", "never"))

_PUNCT_LEAD = tuple(PUNCTUATION.replace(".", ""))
_PUNCT_TRAIL = _PUNCT_LEAD + (".",)
_SENTENCE_END = frozenset(("...", ".", "!", "?", EOS))
_SENTENCE_TAIL = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", EOS))
_NON_SPACE = re.compile(r"\S")
_LINEBREAKS = re.compile(r"\n{2,}")
#: find_tokens puts spaces around each quotation mark, one mark after the other.
_QUOTES = tuple((q, f" {q} ") for q in "“”‘’'\"")
#: Every character of an emoticon: a sentence needs two tokens that meet at such
#: characters before the emoticon pass can change it.
_EMOTICON_CHARS = frozenset("".join(e for v in EMOTICONS.values() for e in v))
_EMOTICON_CLASS = re.escape("".join(sorted(_EMOTICON_CHARS)))
_EMOTICON_SEAM = re.compile(f"[{_EMOTICON_CLASS}] [{_EMOTICON_CLASS}]")
#: Pairs of neighbouring characters in an emoticon or in "(!)".
_SEAMS = frozenset(
    (e[k], e[k + 1])
    for e in (*(e for v in EMOTICONS.values() for e in v), "(!)")
    for k in range(len(e) - 1)
)
#: Lower-cased emoticon → polarity, the first group in TextBlob's order winning.
_EMOTICON_POLARITY: dict[str, float] = {}
for (_name, _polarity), _faces in EMOTICONS.items():
    for _face in _faces:
        _EMOTICON_POLARITY.setdefault(_face.lower(), _polarity)


# --- Tokenizer -----------------------------------------------------------------------------------


#: A whitespace-separated chunk of text split into TextBlob's tokens (cached):
#: (tokens, lower-cased tokens, first character of the first token, last
#: character of the last token, whether two of its tokens meet at a seam).
_Chunk = tuple[tuple[str, ...], tuple[str, ...], str, str, bool]


#: The marks that _split_chunk splits off the end of a word, the period aside
#: (it may end an abbreviation).
_MARKS = frozenset(_PUNCT_LEAD)


def _chunk(chunk: str) -> _Chunk:
    if chunk.isalnum():
        # No punctuation to split off: the chunk is one token (most words).
        return ((chunk,), (chunk.lower(),), chunk[0], chunk[-1], False)
    word, mark = chunk[:-1], chunk[-1]
    if word.isalnum() and (
        mark in _MARKS
        or (mark == "." and word[0].islower() and len(word) > 1 and chunk not in ABBREVIATIONS)
    ):
        # A word and one mark after it, the next most common chunk: what
        # _split_chunk gives, without its loops.  A period after a word of two
        # letters or more that starts in lower case ends no abbreviation TextBlob
        # knows: RE_ABBR1 wants one letter, RE_ABBR2 a period after each, RE_ABBR3
        # a capital first.
        return ((word, mark), (word.lower(), mark), word[0], mark, (word[-1], mark) in _SEAMS)
    tokens = _split_chunk(chunk)
    return (
        tokens,
        tuple(t.lower() for t in tokens),
        tokens[0][0] if tokens else "",
        tokens[-1][-1] if tokens else "",
        any((a[-1], b[0]) in _SEAMS for a, b in zip(tokens, tokens[1:], strict=False)),
    )


#: chunk → :data:`_Chunk`, computed on first sight.
_chunks: Memo[_Chunk] = Memo(_chunk)
_get_tokens = operator.itemgetter(0)
_get_lowered = operator.itemgetter(1)
_get_first = operator.itemgetter(2)
_get_last = operator.itemgetter(3)
_get_inner_seam = operator.itemgetter(4)


_LEAD_CHARS = frozenset(_PUNCT_LEAD)
_TRAIL_CHARS = frozenset(_PUNCT_TRAIL)
_LONGEST_REPLACEMENT = max(map(len, REPLACEMENTS))
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ABBR3_INNER = frozenset("bcdfghjklmnpqrstvwxz|")  # RE_ABBR3's character class


def _split_chunk(t: str) -> tuple[str, ...]:
    """One whitespace-separated chunk → tokens, as the loop in ``find_tokens`` does.

    TextBlob's loop cuts one character off the chunk at a time and matches
    its abbreviation patterns on the rest each time: quadratic on a chunk
    of a million brackets (issue 27). This walks indices instead and
    answers the patterns from two prefix lengths found once; the tokens are
    the same (``_split_chunk_reference`` is the loop, kept for the tests).
    """
    n = len(t)
    start = 0
    while (
        start < n
        and t[start] in _LEAD_CHARS
        and (n - start > _LONGEST_REPLACEMENT or t[start:] not in REPLACEMENTS)
    ):
        start += 1
    tokens: list[str] = list(t[:start])
    # RE_ABBR2 (``([A-Za-z]\.)+``) holds for t[start:end] when end - start is even
    # and within the run of letter-period pairs; RE_ABBR3 when the characters
    # after a capital are within the run of its inner characters.
    pairs = start
    while pairs + 1 < n and t[pairs] in _ASCII_LETTERS and t[pairs + 1] == ".":
        pairs += 2
    inner = start + 1
    while inner < n and t[inner] in _ABBR3_INNER:
        inner += 1
    capital = start < n and "A" <= t[start] <= "Z"

    def abbreviation(end: int) -> bool:
        size = end - start
        return (
            (size <= _LONGEST_ABBREVIATION and t[start:end] in ABBREVIATIONS)
            or (size == 2 and t[start] in _ASCII_LETTERS and t[start + 1] == ".")
            or (size >= 2 and size % 2 == 0 and end <= pairs)
            or (capital and size >= 3 and end - 1 <= inner and t[end - 1] != "\n")
        )

    end = n
    tail: list[str] = []
    while (
        end > start
        and t[end - 1] in _TRAIL_CHARS
        and (end - start > _LONGEST_REPLACEMENT or t[start:end] not in REPLACEMENTS)
    ):
        if t[end - 1] in _LEAD_CHARS:
            tail.append(t[end - 1])
            end -= 1
        if end - start >= 3 and t[end - 3 : end] == "...":
            tail.append("...")
            end -= 3
            while end > start and t[end - 1] == ".":
                end -= 1
        if end > start and t[end - 1] == ".":
            if abbreviation(end):
                break
            tail.append(".")
            end -= 1
    if end > start:
        tokens.append(t[start:end])
    tokens.extend(reversed(tail))
    return tuple(tokens)


def _split_chunk_reference(t: str) -> tuple[str, ...]:
    """TextBlob's own loop (quadratic on long chunks), the reference for the tests."""
    tokens: list[str] = []
    tail: list[str] = []
    while t.startswith(_PUNCT_LEAD) and t not in REPLACEMENTS:
        tokens.append(t[0])
        t = t[1:]
    while t.endswith(_PUNCT_TRAIL) and t not in REPLACEMENTS:
        if t.endswith(_PUNCT_LEAD):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if (
                t in ABBREVIATIONS
                or RE_ABBR1.match(t) is not None
                or RE_ABBR2.match(t) is not None
                or RE_ABBR3.match(t) is not None
            ):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tuple(tokens)


def _sentences(tokens: list[str]) -> list[list[str]]:
    """Group tokens into sentences exactly as ``find_tokens`` does (EOS dropped)."""
    sentences: list[list[str]] = [[]]
    i = j = 0
    n = len(tokens)
    while j < n:
        if tokens[j] in _SENTENCE_END:
            while j < n and tokens[j] in _SENTENCE_TAIL:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    return [s for s in sentences if s]


def tokenize(text: str) -> list[str]:
    """TextBlob's tokens for ``text`` (before lower-casing), in order.

    Equal to ``" ".join(textblob.en.sentiment.tokenizer(text)).split()``.
    """
    return _tokenize(text)[0]


def _tokenize(text: str) -> tuple[list[str], list[str]]:
    """TextBlob's tokens for ``text`` and the same tokens lower-cased."""
    s = text
    if "'" in s:
        for a, b in REPLACEMENTS.items():
            if a in s:
                s = s.replace(a, b)
    for a, b in _QUOTES:
        if a in s:
            s = s.replace(a, b)
    if "\n" in s:
        s = s.replace("\r\n", "\n")
        s = _LINEBREAKS.sub(f" {EOS} ", s)
    chunks = list(map(_chunks.__getitem__, s.split()))
    # The sentence grouping of find_tokens matters only to drop EOS marks and
    # for the sarcasm and emoticon passes, which can only merge tokens that
    # meet at a "seam" (see _SEAMS); without either, the tokens are final.
    if (
        EOS not in s
        and not any(map(_get_inner_seam, chunks))
        and _SEAMS.isdisjoint(
            zip(map(_get_last, chunks), map(_get_first, chunks[1:]), strict=False)
        )
    ):
        return (
            list(chain.from_iterable(map(_get_tokens, chunks))),
            list(chain.from_iterable(map(_get_lowered, chunks))),
        )
    tokens = list(chain.from_iterable(map(_get_tokens, chunks)))
    out: list[str] = []
    for sentence in _sentences(tokens):
        joined = " ".join(sentence)
        if "(" in joined:
            joined = RE_SARCASM.sub("(!)", joined)
        if _EMOTICON_SEAM.search(joined):
            joined = RE_EMOTICONS.sub(_join_emoticon, joined)
        out.extend(joined.split())
    return out, [t.lower() for t in out]


def _join_emoticon(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


# --- Assessments ---------------------------------------------------------------------------------

#: Emoticons TextBlob can recognise: it only looks up tokens that are not
#: alphabetic, at most 5 characters long and not a substring of PUNCTUATION.
_EMOTICON_TOKENS: dict[str, float] = {
    face: polarity
    for face, polarity in _EMOTICON_POLARITY.items()
    if not face.isalpha() and len(face) <= 5 and face not in PUNCTUATION
}
#: Unknown words that matter even when no modifier or negation is pending.
_SPECIAL = frozenset((*NEGATIONS, "!", "(!)", *_EMOTICON_TOKENS))


class RawAssessment(NamedTuple):
    """One assessment as TextBlob gives it, plus where its words came from.

    ``words``, ``polarity``, ``subjectivity`` and ``label`` are the four
    members of TextBlob's assessment tuple; ``token_indexes`` holds, for each
    word, its index in the sentence's token list; ``intensifier`` is the
    modifier that scaled the word's scores, if any; ``negated`` says whether a
    negation halved and flipped the polarity.
    """

    words: tuple[str, ...]
    polarity: float
    subjectivity: float
    label: str | None
    token_indexes: tuple[int, ...]
    intensifier: str
    negated: bool


class _Entry:
    """A mutable assessment while the loop runs (TextBlob's dict w/p/s/i/n/x)."""

    __slots__ = ("words", "p", "s", "i", "n", "x", "indexes", "intensifier")

    def __init__(self, word: str, p: float, s: float, i: float, x: str | None, k: int) -> None:
        self.words = [word]
        self.p = p
        self.s = s
        self.i = i
        self.n = 1
        self.x = x
        self.indexes = [k]
        self.intensifier = ""


def _assess(words: list[str], lexicon: SentimentLexicon) -> list[_Entry]:
    """``textblob._text.Sentiment.assessments`` for untagged words (pos None).

    The same statements in the same order, except that an unknown word is
    skipped at once when nothing is pending (no modifier, no negation) and it
    is not "!", "(!)", a negation or an emoticon: TextBlob's loop does nothing
    for it then either.
    """
    known = lexicon.words
    labels = lexicon.labels
    special = _SPECIAL
    a: list[_Entry] = []
    m: str | None = None  # preceding modifier (a known adverb)
    n: str | None = None  # preceding negation
    n_at = -1
    for k, w in enumerate(words):
        entry = known.get(w)
        if entry is not None:
            p, s, i, is_modifier = entry
            if m is None:
                a.append(_Entry(w, p, s, i, labels.get(w), k))
            else:
                last = a[-1]
                last.words.append(w)
                last.indexes.append(k)
                last.p = max(-1.0, min(p * last.i, +1.0))
                last.s = max(-1.0, min(s * last.i, +1.0))
                last.i = i
                last.x = labels.get(w)
                last.intensifier = m
            if n is not None:
                last = a[-1]
                last.words.insert(0, n)
                last.indexes.insert(0, n_at)
                last.i = 1.0 / last.i
                last.n = -1
            m = None
            n = None
            if is_modifier:
                m = w
            if w in NEGATIONS:
                n = w
                n_at = k
            continue
        if n is None and m is None and w not in special:
            continue
        if w in NEGATIONS:
            n = w
            n_at = k
        elif n and len(w.strip("'")) > 1:
            n = None
        if n is not None and m is not None and m.endswith("ly"):
            last = a[-1]
            last.words.append(n)
            last.indexes.append(n_at)
            last.n = -1
            n = None
        elif m and len(w) > 2:
            m = None
        if w == "!" and len(a) > 0:
            last = a[-1]
            last.words.append("!")
            last.indexes.append(k)
            last.p = max(-1.0, min(last.p * 1.25, +1.0))
        if w == "(!)":
            irony = _Entry(w, 0.0, 1.0, 1.0, IRONY, k)
            a.append(irony)
        polarity = _EMOTICON_TOKENS.get(w)
        if polarity is not None:
            a.append(_Entry(w, polarity, 1.0, 1.0, MOOD, k))
    return a


def _mean(values: Iterable[float]) -> float:
    # Sentiment.__call__'s avg: an int 0 plus each score in order, divided by
    # float(n or 1). Not the builtin sum, which rounds differently on Python 3.12+.
    total: float = 0
    count = 0
    for value in values:
        total += value
        count += 1
    return total / float(count or 1)


class RawSentiment(NamedTuple):
    """TextBlob's numbers for one text, with the tokens its assessments refer to."""

    polarity: float
    subjectivity: float
    assessments: list[RawAssessment]
    tokens: list[str]


def raw_sentiment(text: str, lexicon: SentimentLexicon | None = None) -> RawSentiment:
    """``TextBlob(text).sentiment_assessments``, computed here.

    ``polarity``/``subjectivity`` equal TextBlob's exactly, and
    ``[(list(a.words), a.polarity, a.subjectivity, a.label) for a in assessments]``
    equals TextBlob's ``assessments``.
    """
    lex = sentiment_lexicon() if lexicon is None else lexicon
    tokens, lowered = _tokenize(text)
    entries = _assess(lowered, lex)
    assessments = [
        RawAssessment(
            tuple(e.words),
            e.p * -0.5 if e.n < 0 else e.p,
            e.s,
            e.x,
            tuple(e.indexes),
            e.intensifier,
            e.n < 0,
        )
        for e in entries
    ]
    return RawSentiment(
        _mean(a.polarity for a in assessments),
        _mean(a.subjectivity for a in assessments),
        assessments,
        tokens,
    )


# --- Placing assessments in the text -------------------------------------------------------------


def _token_offsets(text: str, tokens: list[str], upto: int) -> list[tuple[int, int]]:
    """Character spans of ``tokens[:upto + 1]`` in ``text``.

    TextBlob's tokens are the text's characters with whitespace inserted or
    removed, except that it drops runs of periods after an ellipsis and a
    literal "END-OF-SENTENCE"; so each token is found at the cursor after
    whitespace, else spread over whitespace (a joined emoticon such as
    ": )"), else further on.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    size = len(text)
    find = text.find
    for tok in tokens[: upto + 1]:
        found = find(tok, cursor)
        if found >= 0 and (found == cursor or text[cursor:found].isspace()):
            cursor = found + len(tok)
            spans.append((found, cursor))
            continue
        match = _NON_SPACE.search(text, cursor)
        pos = start = size if match is None else match.start()
        for ch in tok:
            while pos < size and text[pos].isspace():
                pos += 1
            if pos < size and text[pos] == ch:
                pos += 1
            else:
                break
        else:
            spans.append((start, pos))
            cursor = pos
            continue
        if found < 0:
            # A joined emoticon further on, past or around the literal TextBlob
            # drops ("END-OF-SENTENCE ; )", "; END-OF-SENTENCE )").
            gap = r"(?:\s|END-OF-SENTENCE)*"
            spread = re.compile(gap.join(map(re.escape, tok))).search(text, cursor)
            if spread is None:  # not seen for TextBlob's tokens; keep the cursor
                spans.append((cursor, cursor))
                continue
            cursor = spread.end()
            spans.append((spread.start(), cursor))
            continue
        cursor = found + len(tok)
        spans.append((found, cursor))
    return spans


class SentenceSentiment(NamedTuple):
    """One sentence's TextBlob scores and its assessments placed in the text."""

    polarity: float
    subjectivity: float
    assessments: tuple[Assessment, ...]


def analyze_sentence(
    text: str, offset: int = 0, lexicon: SentimentLexicon | None = None
) -> SentenceSentiment:
    """Score ``text`` as ``TextBlob(text).sentiment_assessments`` does.

    Assessment offsets are ``offset`` plus the position in ``text``: pass the
    sentence's start to get offsets into the article.
    """
    lex = sentiment_lexicon() if lexicon is None else lexicon
    tokens, lowered = _tokenize(text)
    entries = _assess(lowered, lex)
    if not entries:
        return SentenceSentiment(0.0, 0.0, ())
    spans = _token_offsets(text, tokens, max(max(e.indexes) for e in entries))
    placed = []
    polarity_total: float = 0
    subjectivity_total: float = 0
    for e in entries:
        negated = e.n < 0
        polarity = e.p * -0.5 if negated else e.p
        # The same additions, in the same order, as Sentiment.__call__'s avg.
        polarity_total += polarity
        subjectivity_total += e.s
        indexes = e.indexes
        placed.append(
            Assessment(
                offset
                + (
                    spans[indexes[0]][0] if len(indexes) == 1 else min(spans[k][0] for k in indexes)
                ),
                offset
                + (
                    spans[indexes[-1]][1]
                    if len(indexes) == 1
                    else max(spans[k][1] for k in indexes)
                ),
                tuple(e.words),
                e.s,
                polarity,
                e.intensifier,
                negated,
            )
        )
    count = float(len(entries))
    return SentenceSentiment(polarity_total / count, subjectivity_total / count, tuple(placed))
