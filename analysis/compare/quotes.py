"""Quotes and sources: quoted passages, who said them, and the attribution verbs.

Quotation marks are paired by a small state machine over curly (“ ” ‘ ’) and
straight (" ') marks: a straight mark opens after a space or bracket and
closes after a word; a quote still open at the end of a paragraph ends there
(news style reopens it in the next paragraph); an apostrophe never opens a
quote. A quote belongs to the sentence where it starts.

The speaker is read from that sentence (outside the quote): "..., X said",
"..., said X", "X said: ...", "X told ...", "according to X". "He"/"she"
stands for the most recent person who spoke ("X said", quoted or not) or
who is the subject of a sentence ("Mayor X toured the quay"), within a few
sentences; a person merely mentioned in between ("He said that in his plan,
Y had ...") does not take over, unless named in a later sentence. Failing
that, the last named speaker of the article. Names are
shortened like actors in :mod:`.labels` ("Alexander Lukashenko" →
"Lukashenko") so the same person counts once across outlets.
"""

from __future__ import annotations

import bisect
import re

from analysis.compare.labels import NAME, TITLE_RE, _clean_name, aliases
from analysis.compare.results import OutletQuoting, Quote, Quotes, SpeakerCount, VerbCount
from analysis.compare.tokens import CALENDAR_WORDS, WORD_RE
from analysis.model import Corpus

ATTRIBUTION_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "claimed",
        "claims",
        "argued",
        "argues",
        "insisted",
        "insists",
        "warned",
        "warns",
        "noted",
        "explained",
        "explains",
        "admitted",
        "admits",
        "conceded",
        "concedes",
        "acknowledged",
        "acknowledges",
        "declared",
        "declares",
        "announced",
        "announces",
        "asserted",
        "asserts",
        "wrote",
        "writes",
        "tweeted",
        "tweets",
        "reported",
        "urged",
        "urges",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "suggested",
        "suggests",
        "alleged",
        "alleges",
        "contended",
        "complained",
        "complains",
        "boasted",
        "boasts",
        "vowed",
        "vows",
        "pledged",
        "denied",
        "denies",
        "confirmed",
        "confirms",
        "replied",
        "responded",
        "recalled",
        "predicted",
        "predicts",
        "maintained",
        "maintains",
        "charged",
        "countered",
        "quipped",
        "lamented",
    ]
)
_VERB_RE = "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True))
_PRONOUN = r"(?:he|she|they|it|we|I|He|She|They|It|We)"
#: Words that end a noun phrase rather than belong to it ("the conflict and said").
_NOT_NP_WORD = (
    r"(?!(?:and|or|but|has|have|had|is|was|were|are|will|would|also|that|who|which"
    r"|\w+ly)\b)"
)
_NP = (
    r"(?:(?:the|a|an|his|her|its|their|The|A|An|His|Her|Its|Their)[ \t]+"
    rf"(?:{_NOT_NP_WORD}[\w’'.-]+[ \t]+){{0,4}}?{_NOT_NP_WORD}[\w’'.-]+)"
)
SPEAKER = rf"(?:{_PRONOUN}|{NAME}|{_NP}|officials|experts|analysts|observers|critics)"
#: "has", "had also", "repeatedly" between a speaker and the verb.
_BETWEEN = r"(?:\s+(?:has|have|had|also|\w+ly)){0,2}"

#: "X said" (speaker before the verb).
SPEAKER_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER}){_BETWEEN}\s+(?P<verb>{_VERB_RE})(?![\w’'])"
)
#: "said X" (verb before the speaker), only right after a quote or a comma.
_ROLE_WORDS = r"(?:(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?=[A-Z]))?"
VERB_SPEAKER_RE = re.compile(
    rf"(?:^|[,”\"’]\s*)(?P<verb>{_VERB_RE})\s+{_ROLE_WORDS}(?P<speaker>{SPEAKER})(?![\w’'])"
)
#: "according to X" up to the next punctuation.
ACCORDING_RE = re.compile(
    r"(?i:according to)\s+(?P<speaker>[^,;:.“”\"()]{2,80}?)(?=\s*[,;:.“”\"()]|$)"
)


_MARK_RE = re.compile("[\n“”‘’\"']")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted passages of ``text``, without their marks."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    kind = ""

    def close(end: int) -> None:
        nonlocal open_at, kind
        start = open_at
        while start < end and text[start].isspace():
            start += 1
        stop = end
        # The comma before a closing mark belongs to the reporting sentence, not the quote.
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        open_at, kind = -1, ""

    n = len(text)
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            if open_at >= 0:
                close(i)
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        at_open_place = i == 0 or prev.isspace() or prev in "([{—–-/"
        opens = at_open_place and not nxt.isspace()
        if ch == "“" or (ch == '"' and opens):
            if kind == "double":
                close(i)  # an unclosed quote: a new one starts here
            if open_at < 0:
                open_at, kind = i + 1, "double"
        elif ch in '”"':
            if kind == "double":
                close(i)
        elif ch in "‘'" and opens and nxt.isalpha():
            if open_at < 0:
                open_at, kind = i + 1, "single"
        elif ch in "’'" and kind == "single" and not nxt.isalpha() and not prev.isspace():
            close(i)
    if open_at >= 0:
        close(n)
    return spans


def _speaker(sentence: str, quote_start: int, quote_end: int) -> tuple[str, str, int]:
    """(speaker, verb, speaker offset) for a quote at sentence-relative [quote_start, quote_end)."""
    after_at = quote_end + 1
    after = sentence[after_at:]
    before = sentence[: max(0, quote_start - 1)]
    for pattern in (
        rf"\s*,?\s*(?P<speaker>{SPEAKER}){_BETWEEN}\s+(?P<verb>{_VERB_RE})(?![\w’'])",
        rf"\s*,?\s*(?P<verb>{_VERB_RE})\s+{_ROLE_WORDS}(?P<speaker>{SPEAKER})(?![\w’'])",
    ):
        m = re.match(pattern, after)
        if m:
            return m.group("speaker"), m.group("verb"), after_at + m.start("speaker")
    # The quote itself becomes a mark no phrase can run across.
    outside = before + " ¶ " + after
    middle = len(before) + 1
    candidates: list[tuple[int, str, str, int]] = []
    for regex in (SPEAKER_VERB_RE, VERB_SPEAKER_RE, ACCORDING_RE):
        for m in regex.finditer(outside):
            verb = m.group("verb") if "verb" in regex.groupindex else "according to"
            at = m.start("speaker")
            offset = at if at < len(before) else at - (len(before) + 3) + after_at
            candidates.append((abs(m.start() - middle), m.group("speaker"), verb, offset))
    if not candidates:
        return "", "", 0
    _, speaker, verb, offset = min(candidates)
    return speaker, verb, offset


def _normal_speaker(speaker: str, alias: dict[str, str]) -> str:
    s = speaker.strip()
    if re.fullmatch(NAME, s):
        cleaned = _clean_name(s)
        if cleaned:
            return alias.get(cleaned, cleaned)
    if s.lower().startswith("the "):
        s = s[4:]
    return s


def _person_finder(corpus: Corpus, alias: dict[str, str]) -> re.Pattern[str] | None:
    """A regex of the names that are people: they carry a title ("President X") somewhere."""
    forms: set[str] = set()
    for analyzed in corpus.articles:
        for m in TITLE_RE.finditer(analyzed.article.content):
            name = _clean_name(m.group("name"))
            if name:
                forms.add(name)
                forms.add(alias.get(name, name))
    forms.update(full for full, short in alias.items() if short in forms)
    if not forms:
        return None
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:{names})(?![\w’'])")


#: How far back (characters) "he"/"she" looks for the person it stands for.
_PRONOUN_REACH = 600
#: How many words may come before a sentence's subject ("U.S. State Department spokesman").
_SUBJECT_REACH = 8
#: Capitalised words after a speech verb that are times, not people ("said Monday").
_NOT_SPEAKERS = CALENDAR_WORDS | {"today", "yesterday", "tonight"}


class _PronounResolver:
    """Who "he"/"she" at a position of one article stands for (see the module docstring).

    Built once per article: the speakers of speech verbs outside quotes and the
    persons that open a sentence, in text order, each pronoun speaker resolved
    from those before it.
    """

    def __init__(
        self,
        text: str,
        sentence_starts: list[int],
        spans: list[tuple[int, int]],
        persons: re.Pattern[str] | None,
        alias: dict[str, str],
    ) -> None:
        self._text = text
        self._starts = sentence_starts
        self._persons = persons
        self._alias = alias
        self._positions: list[int] = []
        self._names: list[str] = []
        pieces: list[str] = []
        cursor = 0
        for start, end in spans:
            if start >= cursor:
                pieces += [text[cursor:start], " " * (end - start)]
                cursor = end
        outside = "".join([*pieces, text[cursor:]])
        quoted_sentences = {self._sentence(start) for start, _ in spans}
        events: list[tuple[int, str, bool]] = []
        for regex in (SPEAKER_VERB_RE, VERB_SPEAKER_RE):
            for m in regex.finditer(outside):
                at = m.start("speaker")
                speaker = m.group("speaker").strip()
                if self._sentence(at) != self._sentence(m.end("speaker") - 1) or (
                    speaker.lower() in _NOT_SPEAKERS
                ):
                    continue  # "said Monday. She added": no speaker runs across sentences
                if speaker.lower() in ("he", "she"):
                    events.append((at, "", True))
                    continue
                name = self._person(speaker)
                if (
                    not name
                    and speaker[:1].isupper()
                    and re.fullmatch(NAME, speaker)
                    and self._sentence(at) in quoted_sentences
                ):
                    # A named speaker of a quote counts even without a title.
                    name = _normal_speaker(speaker, alias)
                if name:
                    events.append((at, name, False))
        # "Taxes, he said, were never the answer": where "he" speaks, the subject does not.
        pronoun_sentences = {self._sentence(at) for at, _, pronoun in events if pronoun}
        if persons is not None:
            seen: set[int] = set()
            for subject in persons.finditer(outside):
                s = self._sentence(subject.start())
                if s < 0 or s in seen:
                    continue
                seen.add(s)  # only the first person of a sentence can be its subject
                before = outside[sentence_starts[s] : subject.start()]
                if (
                    s not in pronoun_sentences
                    and "," not in before
                    and len(before.split()) < _SUBJECT_REACH
                ):
                    name = alias.get(subject.group(), subject.group())
                    events.append((subject.start(), name, False))
        for at, name, pronoun in sorted(set(events)):
            # A pronoun speaker carries on a speaker or a subject, never a mere mention.
            resolved = name
            if pronoun:
                resolved, from_event = self._resolve(at)
                resolved = resolved if from_event else ""
            if resolved and (not self._positions or self._positions[-1] != at):
                self._positions.append(at)
                self._names.append(resolved)

    def _person(self, speaker: str) -> str:
        if self._persons is None or not self._persons.fullmatch(speaker):
            return ""
        return self._alias.get(speaker, speaker)

    def _sentence(self, at: int) -> int:
        return bisect.bisect_right(self._starts, at) - 1

    def resolve(self, at: int) -> str:
        """The person a pronoun at offset ``at`` stands for, or "" when nobody fits."""
        return self._resolve(at)[0]

    def _resolve(self, at: int) -> tuple[str, bool]:
        """(person, whether a speaker or subject gave it rather than a mere mention)."""
        k = bisect.bisect_left(self._positions, at) - 1
        near = k >= 0 and at - self._positions[k] <= _PRONOUN_REACH
        if self._persons is not None:
            mentions = list(self._persons.finditer(self._text, max(0, at - _PRONOUN_REACH), at))
            if mentions:
                m = mentions[-1]
                # A name after the last speaker in the speaker's own sentence is what the
                # speaker talked about ("She said that in his letter, Brand had ..."); a name in
                # a later sentence is the newer candidate.
                if not near or (
                    m.start() > self._positions[k]
                    and self._sentence(m.start()) != self._sentence(self._positions[k])
                ):
                    return self._alias.get(m.group(), m.group()), False
        return (self._names[k], True) if near else ("", False)


def quotes(corpus: Corpus, *, alias: dict[str, str] | None = None) -> Quotes:
    """Quotes with speakers, the quoted share of each outlet, speakers and verbs per outlet.

    ``alias`` is :func:`~analysis.compare.labels.aliases` of ``corpus``, when the
    caller has it already.
    """
    alias = alias if alias is not None else aliases(corpus)
    persons = _person_finder(corpus, alias)
    found: list[Quote] = []
    words: dict[str, int] = {o: 0 for o in corpus.outlets}
    quoted: dict[str, int] = {o: 0 for o in corpus.outlets}
    n_quotes: dict[str, int] = {o: 0 for o in corpus.outlets}
    verbs: dict[tuple[str, str], int] = {}
    for a, analyzed in enumerate(corpus.articles):
        text, outlet = analyzed.article.content, analyzed.outlet
        words[outlet] += analyzed.words
        starts = [s.start for s in analyzed.sentences]
        spans = quote_spans(text)
        resolver: _PronounResolver | None = None  # built for the first "he"/"she" only
        last_named = ""
        outside_parts: list[str] = []
        cursor = 0
        for q_start, q_end in spans:
            outside_parts.append(text[cursor : max(cursor, q_start - 1)])
            cursor = q_end + 1
            s = bisect.bisect_right(starts, q_start) - 1
            if s < 0:
                continue
            sentence = analyzed.sentences[s]
            rel_start = q_start - sentence.start
            rel_end = min(q_end, sentence.end) - sentence.start
            speaker, verb, offset = _speaker(
                text[sentence.start : sentence.end], rel_start, rel_end
            )
            speaker = _normal_speaker(speaker, alias) if speaker else ""
            if speaker.lower() in ("he", "she"):
                if resolver is None:
                    resolver = _PronounResolver(text, starts, spans, persons, alias)
                speaker = resolver.resolve(sentence.start + offset) or last_named or speaker
            elif (
                speaker
                and speaker[:1].isupper()
                and speaker.lower() not in ("he", "she", "it", "they", "we", "i")
            ):
                last_named = speaker
            n_words = len(WORD_RE.findall(text, q_start, q_end))
            found.append(
                Quote(outlet, a, s, q_start, q_end, text[q_start:q_end], speaker, verb, n_words)
            )
            quoted[outlet] += n_words
            n_quotes[outlet] += 1
        outside_parts.append(text[cursor:])
        outside = " ".join(outside_parts)
        for regex in (SPEAKER_VERB_RE, VERB_SPEAKER_RE):
            for m in regex.finditer(outside):
                verb = m.group("verb").lower()
                verbs[(outlet, verb)] = verbs.get((outlet, verb), 0) + 1
        for _ in ACCORDING_RE.finditer(outside):
            verbs[(outlet, "according to")] = verbs.get((outlet, "according to"), 0) + 1
    speakers: dict[tuple[str, str], list[int]] = {}
    for q in found:
        if q.speaker:
            entry = speakers.setdefault((q.outlet, q.speaker), [0, 0])
            entry[0] += 1
            entry[1] += q.words
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
        speakers=tuple(
            SpeakerCount(o, sp, n, w)
            for (o, sp), (n, w) in sorted(
                speakers.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1])
            )
        ),
        verbs=tuple(
            VerbCount(o, v, n)
            for (o, v), n in sorted(verbs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
        ),
    )
