"""Direct quotations and indirect claims of one article, with their speakers."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from analysis.compare.quotes.cues import (
    _colon_subject,
    _cue_after,
    _cue_in,
    _subject,
    _subject_in,
)
from analysis.compare.quotes.patterns import (
    _ANY_VERB_RE,
    _CLAIM_VERBS,
    _LOWER_NEXT_RE,
    _MASK,
    _NAME,
    _NAME_COLON_RE,
    _POSSESSIVE_BEFORE_RE,
    _POSSESSIVE_RIGHT_BEFORE_RE,
    _PREPOSITION_BEFORE_RE,
    _SAYING_NOUN_AFTER_RE,
    _THAT_RE,
    _TOLD_OBJECT_RE,
    _TRAILING_ACCORDING_RE,
    _TRAILING_CUE_RE,
    _VERB_BEFORE_RE,
    ACCORDING_RE,
    ATTRIBUTION_VERBS,
    SPEAKER_VERB_RE,
)
from analysis.compare.quotes.speakers import (
    _NOBODY,
    _raw,
    _resolve,
    _Speaker,
    phrase_head,
    source_word,
)
from analysis.compare.quotes.words import (
    _NOUN_LIKE,
    _SCARE_WORDS,
    _ZERO_THAT,
)
from analysis.quotation import (
    QUOTE_MARKS,
    quote_spans,
)

if TYPE_CHECKING:
    from analysis.compare.quotes.article import _Article
    from analysis.compare.quotes.speakers import _Speaker


class _Found:
    __slots__ = ("cued", "direct", "end", "region", "speaker", "start", "verb")

    def __init__(self, start: int, end: int, region: tuple[int, int], direct: bool) -> None:
        self.start = start
        self.end = end
        self.region = region
        self.direct = direct
        self.speaker = _NOBODY
        self.verb = ""
        self.cued = False  # the speaker comes from a cue, not from the quotes around


def _name_before_colon(art: _Article, lo: int, hi: int) -> _Speaker:
    """ "Pollsters agree - Ada Rusk: “...”": the name a colon at ``hi - 1`` follows, in
    ``masked[lo:hi]``; not the object of a preposition ("Rusk wrote on Facebook:")."""
    named = _NAME_COLON_RE.search(art.masked, lo, hi) if hi > lo else None
    if named is None or _PREPOSITION_BEFORE_RE.search(art.masked, lo, named.start()):
        return _NOBODY
    return _resolve(named.group("speaker"), "", named.start(), art)


def _direct_quotes(art: _Article) -> list[_Found]:
    """The quotations of one article with their speakers (see the module docstring)."""
    text = art.text
    spans = quote_spans(text)
    outer: list[tuple[int, int]] = []
    last_end = -1
    for qs, qe in art.regions:
        if qs >= last_end:
            outer.append((qs, qe))
            last_end = qe
    # The outer regions are sorted and disjoint: the one holding a quote is found by bisection.
    outer_starts = [r[0] for r in outer]

    def region_of(s: int, e: int) -> tuple[int, int]:
        n = bisect.bisect_right(outer_starts, s) - 1
        return outer[n] if n >= 0 and s < outer[n][1] else (s, e)

    found = [_Found(s, e, region_of(s, e), True) for s, e in spans]
    # 1-3: cues in the quote's own sentence, or a colon before it.
    for k, q in enumerate(found):
        rs, re_ = q.region
        sentence = art.sentence(q.start)
        s_start = art.starts[sentence] if art.starts else 0
        para_end = text.find("\n", re_)
        para_end = len(text) if para_end < 0 else para_end
        next_q = found[k + 1].region[0] if k + 1 < len(found) else len(text)
        limit = min(para_end, next_q, re_ + 240)
        lo = max(s_start, found[k - 1].region[1] if k else 0)
        if lo > rs:
            lo = art.paragraphs[art.paragraph(rs)]
        # A quote that ends its sentence ("...."): a cue before it in its sentence
        # comes first; what follows may be a new statement.
        ends_sentence = text[max(rs, re_ - 3) : re_].rstrip(QUOTE_MARKS + " ")[-1:] in ".!?"
        if ends_sentence and _LOWER_NEXT_RE.match(art.masked, re_):
            ends_sentence = False  # "“Why not?” asked Rusk": the sentence goes on
        cue = _colon_subject(art, lo, rs)
        speaker = _name_before_colon(art, lo, len(art.masked[:rs].rstrip()))
        if not speaker.name:
            speaker = _possessor(art, lo, rs, re_)
        if speaker.name:
            cue = (speaker, "")
        if cue is None and ends_sentence:
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        # "Nothing the mayor said “will help,” the senator said": a quote run into its
        # sentence (no comma or colon before it) and closed by a comma hands over to
        # the cue after it; "When Vale shouted, “Go,” Rusk joked" keeps the one before.
        if (
            cue is None
            and text[rs:re_].rstrip(QUOTE_MARKS + " ").endswith(",")
            and not art.masked[max(lo, rs - 3) : rs].rstrip(" \t").endswith((",", ":"))
        ):
            cue = _cue_after(art, re_, limit, bare=False)
        # "When Vale shouted, “...,” Rusk joked": a verb right before the quote is its cue.
        if cue is None and _VERB_BEFORE_RE.search(art.masked, max(lo, rs - 40), rs):
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        if cue is None:
            opens = not art.masked[max(s_start, lo) : rs].strip(" \t\n")
            cue = _cue_after(art, re_, limit, bare=ends_sentence and not opens)
        if cue is None and not ends_sentence:
            cue = _cue_in(art, lo, rs, min(lo, s_start))
        if cue is None or cue[1] in _NOUN_LIKE:
            # "..., the newspaper reported." closing the quote's sentence; it also
            # outweighs a cue that may be a noun: "in many Asian states ... used
            # “velvet gloves”, said Ada Rusk."
            trailing = _trailing_cue(art, re_, art.ends[sentence] if art.ends else len(text))
            cue = trailing or cue
        if cue is None:
            before = art.masked[:rs].rstrip()
            if before.endswith(":"):
                colon = len(before) - 1
                lo = art.starts[art.sentence(colon)] if art.starts else 0
                if k and found[k - 1].region[1] > lo:
                    lo = found[k - 1].region[1]
                speaker = _name_before_colon(art, lo, colon + 1)
                if speaker.name:
                    cue = (speaker, "")
                if cue is None:
                    cue = _cue_in(art, lo, colon + 1)
                if cue is None:
                    subject = _subject(art, lo, colon)
                    cue = (subject, "") if subject.name else None
        if cue is None and text[re_:para_end].strip(" \t.") == "":
            cue = _signature_below(art, para_end)
        if cue is not None:
            q.speaker, q.verb = cue
            q.cued = True
            if q.speaker.kind == "person":
                art.note_speaker(rs, q.speaker.name)
            elif q.speaker.kind in ("organisation", "document"):
                art.note_body(rs, q.speaker.name, q.speaker.kind)
    # 4: quotes around it.
    for k, q in enumerate(found):
        if q.speaker.name:
            continue
        para = art.paragraph(q.region[0])
        para_start = art.paragraphs[para]
        s_start = art.starts[art.sentence(q.start)] if art.starts else 0
        # "“...,” she said" after a man's quote is not his.
        cue_pronoun = _pronoun_cue(art, max(s_start, para_start), q.region, speech=True)
        opens_paragraph = not art.masked[para_start : q.region[0]].strip()
        prev = found[k - 1] if k else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        sentence = art.sentence(q.start)
        s_start = art.starts[sentence] if art.starts else 0
        if (
            not opens_paragraph
            and sentence > 0
            and not art.masked[s_start : q.region[0]].strip()
            and art.starts[sentence - 1] >= para_start
            and (prev is None or prev.region[1] <= art.starts[sentence - 1])
        ):
            # "Lynch announced the lawsuit. “We are seeking ...”": a quote opening a
            # sentence carries on a cue in the sentence before it, in its paragraph.
            cue = _cue_in(art, art.starts[sentence - 1], s_start)
            if cue is not None and cue[0].kind == "person" and _fits(art, cue[0], cue_pronoun):
                q.speaker, q.verb = cue[0], ""
                continue
        if (prev is None or prev.region[1] <= s_start) and art.masked[
            max(s_start, para_start) : q.region[0]
        ].strip(" \t\n\x00"):
            # "The agency declined to detail the “specific focus”": a sentence of its own
            # with a subject before the quote; the quote before it is another matter.
            subject = _subject_in(art, max(s_start, para_start), q.region[0], active=True)[1]
            if subject.name and _fits(art, subject, cue_pronoun):
                q.speaker = subject
                continue
        if prev is not None and prev.speaker.name and _fits(art, prev.speaker, cue_pronoun):
            prev_para = art.paragraph(prev.region[0])
            if prev_para == para or (opens_paragraph and prev_para >= para - 2):
                # "Holt praised the plan.¶“We need it.”": a person who opens the
                # paragraph between them speaks, not the quote before it.
                between = (
                    art.salient_in(art.paragraphs[prev_para + 1], para_start)
                    if prev_para < para - 1
                    else ""
                )
                if between and between != prev.speaker.name:
                    q.speaker = _Speaker(between, "person", art.roles.get(between, ""))
                else:
                    q.speaker = prev.speaker
                q.verb = ""
                continue
        if (
            nxt is not None
            and nxt.speaker.name
            and art.paragraph(nxt.region[0]) == para
            and _fits(art, nxt.speaker, cue_pronoun)
        ):
            q.speaker, q.verb = nxt.speaker, ""
            continue
        if (
            prev is not None
            and not prev.speaker.name
            and art.paragraph(prev.region[0]) == para
            and _pronoun_cue(
                art,
                max(art.starts[art.sentence(prev.start)] if art.starts else 0, para_start),
                prev.region,
                speech=True,
            )
            in ("he", "she")
        ):
            continue  # "“...,” she said. “...”" with no woman named: still nobody
        # 5: the subject of its sentence.
        subject = _subject(art, max(s_start, para_start), q.region[0])
        if subject.name and _fits(art, subject, cue_pronoun):
            q.speaker = subject
            continue
        pronoun = _pronoun_cue(art, max(s_start, para_start), q.region)
        if pronoun in ("they", "we"):
            continue  # "they chanted “...”": a group the outlet does not name
        # "He said “...”" with no man named nearby: nobody, not the last woman named.
        name = art.resolve_pronoun(q.region[0], pronoun)
        if name:
            q.speaker = _Speaker(name, "person", art.roles.get(name, ""))
    return found


def _fits(art: _Article, speaker: _Speaker, pronoun: str) -> bool:
    """A speaker the pronoun of a quote's speech cue may stand for: not a person
    for "they"/"we", a person of that sex (or of unknown sex) for "he"/"she"."""
    if pronoun in ("they", "we"):
        return speaker.kind != "person"
    if pronoun not in ("he", "she") or speaker.kind != "person":
        return True
    return art.gender.get(speaker.name, pronoun) == pronoun


def _possessor(art: _Article, lo: int, rs: int, re_: int) -> _Speaker:
    """ "Rusk's claim that “...”", "Rusk's “47 percent” comment": the person whose words
    the quotation is, named in the possessive right before it."""
    before = max(lo, rs - 120)
    m = _POSSESSIVE_BEFORE_RE.search(art.masked, before, rs)
    if m is None:
        m = _POSSESSIVE_RIGHT_BEFORE_RE.search(art.masked, before, rs)
        if m is not None and not _SAYING_NOUN_AFTER_RE.match(art.masked, re_):
            m = None
    if m is None:
        return _NOBODY
    outer = _cue_in(art, lo, m.start("speaker"))
    if outer is not None and outer[0].kind == "person":
        return _NOBODY  # "Rusk said Holt had conveyed Vale's suggestion that ...": Rusk's words
    speaker = _resolve(m.group("speaker"), "", m.start("speaker"), art)
    return speaker if speaker.kind == "person" else _NOBODY


#: (Matched at a line's start; the look-behind keeps a search through blanks linear.)
_DASH_RE = re.compile(r"(?<![ \t—–-])[ \t]*[—–-]+[ \t]*")


def _signature_below(art: _Article, para_end: int) -> tuple[_Speaker, str] | None:
    """ "“Great speech.”¶-President Obama, tweeting": a short line under a quotation that
    ends its paragraph, opening with a dash and a name, signs it."""
    below = art.paragraph(para_end) + 1
    if below >= len(art.paragraphs):
        return None
    line_start = art.paragraphs[below]
    line_end = art.text.find("\n", line_start)
    line = art.masked[line_start : len(art.text) if line_end < 0 else line_end]
    dash = _DASH_RE.match(line)
    if dash is None or len(line.split()) > 12:
        return None
    # Matched on the line's rest: a name does not start right after a hyphen ("-Rusk").
    m = re.match(_NAME, line[dash.end() :])
    if m is None:
        return None
    speaker = _resolve(m.group(), "", line_start + dash.end(), art)
    return (speaker, "") if speaker.name else None


def _trailing_cue(art: _Article, lo: int, hi: int) -> tuple[_Speaker, str] | None:
    """The cue at the end of ``masked[lo:hi]``, the rest of a sentence after a
    quotation: "..., the newspaper reported.", "..., according to Ada Rusk."."""
    if hi <= lo:
        return None
    m = _TRAILING_CUE_RE.search(art.masked, lo, hi)
    if m is not None:
        raw, role, at, verb = _raw(m)
        speaker = _resolve(raw, role, at, art)
        if speaker.name:
            return speaker, verb.lower()
    a = _TRAILING_ACCORDING_RE.search(art.masked, lo, hi)
    if a is not None:
        speaker = _resolve(a.group("speaker"), "", a.start("speaker"), art)
        if speaker.name:
            return speaker, "according to"
    return None


def _pronoun_cue(art: _Article, lo: int, region: tuple[int, int], *, speech: bool = False) -> str:
    """ "he", "she", "they" or "we" right before the quotation at ``region`` (from
    ``lo``) or right after it, in lower case; else "". With ``speech``, only as the
    subject of a speech verb: "she said", not "that she was “Disgraceful!”"."""
    before = _PRONOUN_CUE_RE.search(art.masked, lo, region[0]) if region[0] > lo else None
    after = _HE_SHE_AFTER_RE.match(art.masked, region[1])
    for m in (before, after):
        if m is not None and (not speech or m.group("v") in ATTRIBUTION_VERBS):
            return m.group("p").lower()
    return ""


#: "he said", "they chanted", "she wrote:" right before the quote it cues, or
#: ", she said" right after it.
_PRONOUN_CUE_RE = re.compile(
    r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ww]e)[ \t]+(?:\w+ly[ \t]+)?(?P<v>[a-z]+)[ \t,:]*$"
)
_HE_SHE_AFTER_RE = re.compile(r"[ \t,]{0,3}(?P<p>he|she)[ \t]+(?P<v>[a-z]+)")


def _claimant(speaker: _Speaker) -> bool:
    """A speaker a claim can be attributed to: a person, or a phrase with a source head."""
    if not speaker.name:
        return False
    if speaker.kind == "person" or (speaker.kind == "organisation" and speaker.name[:1].isupper()):
        return True
    return source_word(phrase_head(speaker.name))


def _indirect(art: _Article, direct: list[_Found]) -> list[_Found]:
    """Reported claims in the sentences without quotation marks."""
    found: list[_Found] = []
    quoted = {art.sentence(q.start) for q in direct}
    for k, (s, e) in enumerate(zip(art.starts, art.ends, strict=True)):
        piece = art.masked[s:e]
        if k in quoted or _MASK in piece or "\n" in piece.strip() or len(piece.split()) < 6:
            continue
        claim: tuple[int, int, str, str, str] | None = None
        m = _TRAILING_CUE_RE.search(piece)
        if m is not None and _raw(m)[3].lower() in _CLAIM_VERBS:
            raw, role, _at, verb = _raw(m)
            claim = (0, m.start(), raw, role, verb)
        if claim is None:
            a = ACCORDING_RE.search(piece)
            if a is not None:
                if piece[: a.start()].strip():
                    claim = (0, a.start(), a.group("speaker"), "", "according to")
                else:  # "According to X, ...": the claim follows the cue
                    claim = (a.end(), len(piece), a.group("speaker"), "", "according to")
        if claim is None:
            for m in SPEAKER_VERB_RE.finditer(piece):
                verb = m.group("verb").lower()
                if verb not in _CLAIM_VERBS:
                    continue
                rest = piece[m.end() :]
                if verb in ("told", "tells", "tell", "telling"):
                    obj = _TOLD_OBJECT_RE.match(rest)
                    if obj is None:
                        continue
                    skip = obj.end()
                else:
                    t = _THAT_RE.match(rest)
                    if t is None or ("that" not in t.group() and verb not in _ZERO_THAT):
                        continue
                    skip = t.end()
                if len(rest[skip:].split()) < 4 or rest[skip : skip + 1] in ",.;:":
                    continue
                raw, role, _at, _verb = _raw(m)
                claim = (m.end() + skip, len(piece), raw, role, verb)
                break
        if claim is None:
            continue
        c_start, c_end, raw, role, verb = claim
        content = piece[c_start:c_end]
        lead = len(content) - len(content.lstrip(" \t,"))
        content = content.strip(" \t,").rstrip(".!?").rstrip()
        if len(content.split()) < 4:
            continue
        speaker = _resolve(raw, role, s, art)
        if not _claimant(speaker):
            continue
        q = _Found(s + c_start + lead, s + c_start + lead + len(content), (s, e), False)
        q.speaker, q.verb = speaker, verb.lower()
        found.append(q)
    return found


def _is_title(art: _Article, q: _Found) -> bool:
    """Not someone's words: a quoted title ("Meet the Press"), a scare-quoted word or two,
    a number, in a sentence with no speech verb."""
    text = art.text
    if q.cued:
        return False
    k = art.sentence(q.start)
    if art.starts and _ANY_VERB_RE.search(art.masked, art.starts[k], art.ends[k]):
        return False
    inner = text[q.start : q.end].strip(QUOTE_MARKS + " .,!?")
    words = re.findall(r"[^\W\d_][\w’'-]*", inner)
    if len(words) <= _SCARE_WORDS:
        return True
    small = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
    big = [w for w in words if w.lower() not in small]
    return len(words) <= 12 and bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)
