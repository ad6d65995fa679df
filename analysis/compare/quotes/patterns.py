"""The patterns of attribution: speech verbs, names, noun phrases, roles and cues."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.compare.names import ROLES

if TYPE_CHECKING:
    pass

from analysis.quotation import (
    MASK,
    speech_verbs,
)

#: Every form of every speech verb (resources/speech_verbs.tsv).
ATTRIBUTION_VERBS = frozenset(speech_verbs())


#: Forms that report a claim ("said that ..."); naming verbs ("called") only
#: attribute a quotation.
_CLAIM_VERBS = frozenset(
    f for f, v in speech_verbs().items() if v.category not in ("naming",) and v.verb != "continue"
)


_VERB_RE = "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True))


_MASK = MASK


#: A capitalised word; a period belongs to it only in an initial or an abbreviation,
#: so that a name never runs across a sentence end ("in Texas. Trump said").
_CAP = (  # from a word's start only: searched, it must not rescan a long word from inside
    r"(?<![\w’'-])(?:[A-Z]\.(?:[A-Z]\.)*(?![\w’'])|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Rev|Atty)\."
    r"|[A-Z][\w’'-]*)"
)


#: A proper name on one line (labels.NAME may run across a paragraph break).
_NAME = rf"{_CAP}(?:[ \t]+(?:(?:da|de|del|van|von|bin|al|la|le|of)[ \t]+)?{_CAP}){{0,7}}"


_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"


_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Aa]nother"
    r"|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Mm]ultiple|[Nn]umerous|[Vv]arious|[Bb]oth|[Mm]ost)"
)


#: Words that end a noun phrase rather than belong to it ("the plan and said").
_NOT_NP = (
    r"(?!(?:and|or|but|has|have|had|is|was|were|are|will|would|also|that|who|which|when"
    r"|in|on|at|to|with|after|before|during|as|than|not|by|said|says|told"
    # Clause words: "the governor's resignation because she believed".
    r"|because|since|although|though|while|whereas|if|unless|until|where|so)\b)"
)


#: A word of a noun phrase; an abbreviation keeps its last full stop ("the U.S. media").
_NP_WORD = r"\w(?:[\w’'-]|\.(?=\w))*(?:(?<=\.\w)\.)?"


_NP = rf"(?:{_DETERMINER}[ \t]+(?:{_NOT_NP}{_NP_WORD}[ \t]+){{0,5}}?{_NOT_NP}{_NP_WORD})"


#: "White House officials", "senior administration officials", "critics".
_GROUP = (
    # One word at a time, at most four: "(?:{_NAME}[ \t]+)*" split a run of capitalised
    # words into names in exponentially many ways (a title-case line hung it).
    rf"(?:(?:{_CAP}|senior|top|administration|campaign|party|government|some|many|other)"
    r"[ \t]+){0,4}"
    r"(?:officials|aides|sources|experts|analysts|observers|critics|advisers|advocates"
    r"|supporters|opponents|lawmakers|Democrats|Republicans|residents|witnesses|insiders"
    r"|outlets|voters|protesters|organizers|activists|scholars|economists|researchers)"
)


#: "state Sen. Ada Rusk", "Clinton spokesman Josh Schwerin", "Ohio State University
#: professor Ada Rusk": title words, lowercase or not, before a name.
_LOWER_TITLE = (
    r"(?:(?!(?:and|or|but|of|in|on|at|to|for|by|with|from|as|than|that"
    r"|which|who|the|a|an|said|says|told|while|when|whereas|although|though|because|since"
    r"|if|unless|until|where|so|then|also|not|even|just|only|now|after|before|once)\b"
    r"|[a-z]+ed\b)[a-z][\w’'.-]*[ \t]+)"
)


_TITLED_NAME = rf"(?:(?:{_LOWER_TITLE}{{0,3}}{_NAME}[ \t]+)?{_LOWER_TITLE}{{1,3}}(?=[A-Z]))?{_NAME}"


_NAMES = rf"{_TITLED_NAME}(?:[ \t]+and[ \t]+{_TITLED_NAME})?"


#: "Cruz’s lawyers", "Obama’s press secretary": someone a name's possessive introduces.
_POSSESSED = (
    rf"(?:{_NAME}['’]s?[ \t]+(?:{_NOT_NP}[a-z][\w-]*[ \t]+){{0,2}}?"
    r"(?:lawyers?|attorneys?|spokes(?:man|woman|person)|spokesmen|aides?|campaign|advisers?"
    r"|advisors?|secretary|staff|office|team|allies|representatives?|deputy|chief|director"
    r"|manager|administration|government))(?![\w’'])"
)


_POSSESSED_RE = re.compile(_POSSESSED)


SPEAKER = rf"(?:{_NP}|{_GROUP}|{_POSSESSED}|{_NAMES}|{_PRONOUN})"


#: A speaker right after a quote may carry lowercase title words ("state Sen. X").
_AFTER_SPEAKER = rf"(?:{_NP}|{_GROUP}|{_POSSESSED}|{_NAMES}|{_PRONOUN})"


#: Appositive ", a spokesman for X," or parenthetical " (D-Ohio)" between name and verb.
#: A lawmaker's party and state: "R-Texas", "D-N.Y.", "Republican of Nebraska"; never
#: the name of an appositive ("Ada Rusk, R-Texas, said" is Ada Rusk's).
_PARTY_TAG = (
    r"(?:[RDI]-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?"
    r"|(?:Republican|Democrat|Democratic|Independent)[ \t]+(?:of|from)[ \t]+"
    r"[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)"
)
#: One comma-free piece of an appositive: a party tag, a noun phrase ("a spokesman
#: for X", "30", "of Raleigh") or a relative clause ("who was among those polled").
_APPOSITIVE_PIECE = (
    rf"(?:{_PARTY_TAG}(?=[ \t]*,)"
    r"|(?:who|which|whose)\b[^,\x00\n“”\"]{2,100}?"
    r"|(?=[a-z0-9]|[A-Z][\w.-]*(?:['’]s|s['’])(?=[ \t])|(?:of|from|in)[ \t]+[A-Z])"
    r"(?!(?:he|she|they|we|it|i|and|but|or|that|as|when|while|if|because)\b)"
    # "Rusk’s attorney, meanwhile, blasted": a sentence adverb is no role (_ADVERBS).
    r"(?!(?:meanwhile|however|though|too|also|instead|then|likewise|nonetheless"
    r"|nevertheless|moreover|therefore|in[ \t]+turn|for[ \t]+(?:his|her|its|their)"
    r"[ \t]+part)[ \t]*,)"
    r"(?:(?!\b(?:said|says|is|was|were|are|has|had|have|will|would|did|does)\b)"
    r"[^,\x00\n“”\"]){2,120}?)"
)


_APPOSITIVE = (
    rf"(?P<app>[ \t]*,[ \t]*(?:(?P<appname>(?!{_PARTY_TAG}[ \t]*,){_NAME})"
    # "assistant secretary for population, refugees, and migration": a list in the role.
    rf"|(?P<role>{_APPOSITIVE_PIECE}"
    rf"(?:,[ \t]*(?:and[ \t]+)?(?:{_APPOSITIVE_PIECE}|[A-Z][\w.]*)){{0,3}})),)?"
)


_PAREN = r"(?P<paren>[ \t]*\([^)\n\x00]{1,60}\))?"


#: A parenthesis right after the speaker's name; a party tag in it ("(D-Vt.)") is a role.
_PAREN2 = r"(?:[ \t]*\((?P<tag>[^)\n\x00]{1,60})\))?"


_ADVERBS = (
    # "Rusk’s attorney, meanwhile, blasted": a sentence adverb set off by commas.
    r"(?:[ \t]*,[ \t]*(?:meanwhile|however|though|too|also|instead|then|likewise"
    r"|nonetheless|nevertheless|moreover|therefore|in[ \t]+turn"
    r"|for[ \t]+(?:his|her|its|their)[ \t]+part)[ \t]*,)?"
    r",?(?:[ \t]+(?:also|later|then|has|had|have|once|again|earlier|first|always|[a-z]+ly"
    r"|(?:last|this)[ \t]+(?:week|month|year|spring|summer|fall|winter)"
    r"|on[ \t]+[A-Z][a-z]+day|[A-Z][a-z]+day)){0,2}"
)


_LEAD = r"[\s,.;:!?—–\-]*"


_ING_VERBS = frozenset(f for f in speech_verbs() if f.endswith("ing"))


_FINITE_RE = "|".join(sorted(ATTRIBUTION_VERBS - _ING_VERBS, key=len, reverse=True))


#: ", saying ..." / "and said ...": the verb's subject is the clause's subject.
_CLAUSE_VERB_RE = re.compile(
    rf"(?:(?<![ \t])[, \t][ \t]*(?P<ing>{'|'.join(sorted(_ING_VERBS))})"
    r"|[ \t](?:and|but)[ \t]+(?:\w+ly[ \t]+)?"
    rf"(?P<fin>{_FINITE_RE}))(?![\w’'])"
)


#: A clause's subject: after an optional fronted phrase ("On Monday, she ...").
_SUBJECT_RE = re.compile(
    rf"^[\s\x00]*(?:[^,\x00\n]{{0,60}},[ \t]+){{0,2}}"
    # "And then Rusk went on the attack, saying": a conjunction before the subject.
    r"(?:(?:And|But|So|Yet|Then|And[ \t]+then|But[ \t]+then)[ \t]+)?"
    rf"(?P<speaker>{_AFTER_SPEAKER}){_APPOSITIVE}"
    # The subject is followed by its verb ("..., New Hampshire, Rusk went"), or a parenthesis.
    r"(?=[ \t]*\(|[ \t]+[a-z])"
)


def _np_with_place(most: int, prepositions: str, place: str) -> str:
    """A noun phrase of at most ``most`` + 1 words after its determiner, then one of
    ``prepositions`` and a ``place``: "an official in the mayor's office"."""
    return (
        rf"(?:{_DETERMINER}[ \t]+(?:{_NOT_NP}{_NP_WORD}[ \t]+){{0,{most}}}?{_NOT_NP}{_NP_WORD}"
        rf"[ \t]+(?:{prepositions})[ \t]+{place})"
    )


#: A noun phrase opening a sentence that ends in a named place or body: "A spokesman
#: for the U.S. Attorney's Office in Brooklyn said" is the spokesman's, not Brooklyn's.
_NP_IN_PLACE = rf"(?:(?:(?<![^\n\x00])|(?<=[.!?”\"][ \t])){_np_with_place(6, 'in|at|from', _NAME)})"


#: "X said" (speaker before the verb); a possessive is no subject ("Trump’s continued
#: appeal").
SPEAKER_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{_NP_IN_PLACE}|{SPEAKER})(?<![’']s)"
    rf"{_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_FINITE_RE})(?![\w’'])"
)


#: Lowercase role words between a verb and a name: "said former state Sen. X".
_NOT_ROLE = (
    r"(?!(?:in|on|at|to|of|by|for|with|during|after|before|that|this|it|he|she"
    r"|they|we|and|but|the|a|an|one|two|three|some|several|another|many)\b)"
)


#: ... with "of" inside a role: "said former secretary of state X".
_PRE_ROLE = (
    rf"(?P<pre>(?:{_NOT_ROLE}[a-z][\w’'.-]*[ \t]+(?:of[ \t]+{_NOT_ROLE}[a-z][\w’'.-]*[ \t]+)?)"
    r"{0,4})"
)


#: "said X" (verb before the speaker).
#: After "said", the longest noun phrase ("said a former port official who ...");
#: :func:`_resolve` cuts it at the first clause word.
_NP_LONG = rf"(?:{_DETERMINER}[ \t]+(?:\w[\w’'.-]*[ \t]+){{0,7}}\w[\w’'.-]*(?=[ \t]*[,.;:]|$))"


VERB_SPEAKER_RE = re.compile(
    rf"(?P<verb>{_VERB_RE})[ \t]+{_PRE_ROLE}(?P<speaker>{_NP_LONG}|{SPEAKER})"
    r"(?P<app>[ \t]*,[ \t]*(?P<role>[^,.;\x00\n“”\"]{2,120}?)(?=[,.;]|$))?"
)


#: "according to X" up to the next punctuation.
ACCORDING_RE = re.compile(
    # An acronym's full stops ("the U.S. Attorney's Office") do not end the source.
    r"(?i:according[ \t]+to)[ \t]+(?P<speaker>(?:(?:[A-Z]\.){2,}|[^,;:.“”\"()\x00\n]){2,80}?)"
    r"(?=[ \t]*[,;:.“”\"()\x00\n]|$)"
)


_AFTER_ACCORDING_RE = re.compile(rf"{_LEAD}{ACCORDING_RE.pattern}")


#: "..., according to Ada Rusk." closing a sentence.
_TRAILING_ACCORDING_RE = re.compile(rf",[ \t]+{ACCORDING_RE.pattern}[ \t]*[.!?]?[ \t]*$")


#: "As X put it".
_PUT_IT_RE = re.compile(rf"(?i:\bas)[ \t]+(?P<speaker>{SPEAKER})[ \t]+(?P<verb>put|puts)[ \t]+it\b")


#: Right after a quote, a noun phrase may carry a place or body: "“...,” an official in
#: the mayor's office said", "a voice-over in the ad states".
_NP_WITH_PLACE = _np_with_place(
    3, "in|at|on|with|from", rf"(?:{_NOT_NP}{_NP_WORD}[ \t]+){{0,4}}?{_NOT_NP}{_NP_WORD}"
)


_AFTER_SPEAKER_VERB_RE = re.compile(
    rf"{_LEAD}(?P<speaker>{_AFTER_SPEAKER}|{_NP_WITH_PLACE})"
    rf"{_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_VERB_RE})(?![\w’'])"
)


_AFTER_VERB_SPEAKER_RE = re.compile(rf"{_LEAD}{VERB_SPEAKER_RE.pattern}(?![\w’'])")


#: A verb right after the name of a verb-first cue: in "“...,” insists Mexico will pay"
#: the name is the subject of what is insisted, not the speaker.
#: (Matched right after a name; the look-behind keeps a search through blanks linear.)
_FINITE_NEXT_RE = re.compile(
    r"(?<![ \t])[ \t]+(?:will|would|is|was|are|were|has|had|have|must|should|can|could|may"
    r"|might|does|did)\b"
)


#: A signature after a quotation: "... — Ada Rusk (@adarusk)", as under a post.
_DASH_NAME_RE = re.compile(rf"[ \t]*[—–-][ \t]*(?P<speaker>{_NAME})(?![\w’'])")


#: Words for what someone said, after their possessive: "Rusk's claim that “...”",
#: "Rusk's “47 percent” comment".
_SAYING_NOUNS = (
    r"(?:claims?|assertions?|statements?|remarks?|comments?|suggestions?|charges?"
    r"|accusations?|promises?|pledges?|vows?|insistence|arguments?|warnings?|words"
    r"|tweets?|quips?|line|slogan|description|declaration|boast|jibe|retort)"
)
_POSSESSIVE_BEFORE_RE = re.compile(
    # Only with "that": in "called Rusk's comments “toxic”" the quotation is the caller's.
    # A short subject between "that" and the quotation: with a longer clause the
    # quotation judges the claim ("Rusk's claim that Holt is ... is “not true”").
    # "that" opens a clause with its subject, not a relative clause ("remarks that claimed").
    rf"(?P<speaker>{_NAME})['’]s?[ \t]+(?:[a-z]+[ \t]+)?{_SAYING_NOUNS}[ \t]+that[ \t]+"
    r"(?=[A-Z]|(?:he|she|it|they|we|the|a|an|his|her|its|their|this|there)\b)"
    r"[^\s“”\"\x00]+(?:[ \t]+[^\s“”\"\x00]+){0,3}[ \t]*$"
)
_POSSESSIVE_RIGHT_BEFORE_RE = re.compile(rf"(?P<speaker>{_NAME})['’]s?[ \t]*$")
#: (Matched right after a quotation; the look-behind keeps a search through blanks linear.)
_SAYING_NOUN_AFTER_RE = re.compile(rf"(?<![ \t])[ \t]*{_SAYING_NOUNS}\b")


#: A name right before a colon: "... - Harbour Weekly: “...”".
_NAME_COLON_RE = re.compile(rf"(?P<speaker>{_NAME})[ \t]*:$")


#: A sentence going on in lower case after a quotation: "“Why not?” asked Rusk".
#: (Matched right after a quotation; the look-behind keeps a search through blanks linear.)
_LOWER_NEXT_RE = re.compile(r"(?<![ \t])[ \t]*(?:,[ \t]*)?[a-z]")


#: "the" right before a capitalised run: "the Harbour Works".
_THE_BEFORE_RE = re.compile(r"(?<![\w’'])[Tt]he[ \t]+$")


#: A preposition right before a name: "wrote on Facebook", "a message to Rusk".
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w’'])(?:to|on|in|at|with|from|for|by|of|about|into|onto|via|against)[ \t]+$"
)


#: A preposition whose object is talked about or with, not a speaker: "between
#: Clinton and Sanders", "an interview with Sean Hannity". Not "for", "of", "to",
#: "at", "like" or "by" ("As for Trump, he said", "for Cruz to build", "according to
#: Jack Kelly", "look at Paul Ryan. He's said").
#: (Searched before a name; the look-behind keeps a search through blanks linear.)
TOPIC_PREPOSITION_RE = re.compile(
    r"(?<![\w’'])(?:between|with|against|among|amongst|into|toward|towards|about|than"
    r"|behind|beyond)[ \t]+$"
)


#: "the affidavit", "the State Department": a body or text "it" can stand for.
_BODY_RE = re.compile(r"\b[Tt]he[ \t]+(?P<phrase>[\w’'-]+(?:[ \t]+[\w’'-]+){0,2})")


_GENDERED_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


#: A rule line between the items of a live blog ("___.").
_BREAK_RE = re.compile(r"^[ \t]*_{3,}\.?[ \t]*$", re.MULTILINE)


#: A proper name from a word's start.
_NAME_RE = re.compile(rf"(?<![\w’'])(?:{_NAME})")


#: "Clinton spokesman Josh Schwerin": the role, then the name after the last lowercase word.
_ROLE_THEN_NAME_RE = re.compile(
    # The role never ends in a preposition: "the statement signed in Beijing" is no
    # role "the statement signed in" and a name "Beijing".
    rf"^(?P<role>.*\b(?!(?:of|de|da|del|van|von|bin|al|la|le|and|for|the|in|on|at|from"
    rf"|by|to|with|into|about|against|over|under|near)\b)[a-z][\w’'.-]*)"
    rf"[ \t]+(?P<name>{_NAME})$"
)


_THE_ROLE_RE = re.compile(
    rf"^\s*[Tt]he[ \t]+(?P<role>{'|'.join(sorted(ROLES, key=len, reverse=True))})\b"
)


#: Nouns of a person the outlet does not name that say he or she ("a local woman").
HE_NOUNS = frozenset(["man", "boy", "father", "son", "husband"])
SHE_NOUNS = frozenset(["woman", "girl", "mother", "daughter", "wife"])
_SOMEONE_NOUNS = frozenset(
    ["resident", "voter", "veteran", "student", "teacher", "worker", "farmer", "nurse",
     "doctor", "official", "activist", "supporter"]
)  # fmt: skip

#: A person the outlet does not name, opening a sentence as its subject: "A
#: 29-year-old Berlin woman, meanwhile, received ...", "One local man said".
_SOMEONE_RE = re.compile(
    r"^\s*(?:(?:But|And|Meanwhile|Still|Yet|Now),?[ \t]+)?"
    r"(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[\w’'.-]+[ \t]+){0,4}?"
    rf"(?P<head>{'|'.join(sorted(HE_NOUNS | SHE_NOUNS | _SOMEONE_NOUNS))}))"
    # "One local woman, Karen Robison, pulled ...": a name in apposition names her.
    r"(?=[ \t]*,(?![ \t]*[A-Z])|[ \t]+(?:who[ \t]+)?[a-z]+(?:ed|s)?\b)"
)


#: The rest of a sentence after a bare cue: "... Rusk said on Monday."
_BARE_CUE_END_RE = re.compile(r"(?![ \t]+that\b)[^.!?\n\x00]{0,50}(?:[.!?]|$)")


#: A subordinate clause opening: its subject is the one of a later ", saying".
_SUBORDINATE_RE = re.compile(
    r"(?<![\w’'])(?:as|when|while|because|after|before|since|where|although|though|if)[ \t]+"
    r"(?=[A-Za-z])"
)


#: A speech verb right before a quotation: "Vale shouted, “...”".
_VERB_BEFORE_RE = re.compile(rf"(?<![\w’'])(?:{_FINITE_RE})[ \t]*[,:]?[ \t]*$")


#: An appositive after a name: ", a port official,", ", chairman of the board,", ", 55,".
_APPOSITIVE_NEXT_RE = re.compile(
    r",[ \t]+(?:(?:an?|the|who|whose|his|her|their|its|one|\d+)\b|[a-z]+[ \t]+(?:of|for|at|to)\b)"
)


#: What may come right before a clause's subject: the sentence start, a comma, a
#: conjunction or a relative word ("..., in which Rusk expressed ...").
_BEFORE_SUBJECT_RE = re.compile(
    r"(?:^|[,;:(\u2014\u2013]|(?<![\w’'])(?:and|but|which|who|that|when|while|as|after|because"
    r"|if|where|so|then|before|since|although|though))[ \t\x00]*$"
)


#: A verb right after a subject: a past or present form, an auxiliary, or an adverb first.
#: The look-behind starts a search only where a run of blanks starts, so that a search
#: through a long run of blanks stays linear.
_VERB_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]+(?:[a-z]+ly[ \t]+)?(?:[a-z]+ed|[a-z]+[^s\W]s|has|had|have|is|was|were"
    r"|are|will|would|can|could|did|does|do|may|might|must|should|also|then|later|again|took|went|made"
    r"|gave|sent|ran|saw|came|got|put|set|hit|shot|spoke|stood|kept|left|led|met|won|lost"
    r"|thought|brought|felt|held|told|wrote|said|began|chose|drew|fought|knew|paid|sought"
    r"|struck|threw|wore|hung)\b"
)


_COLON_SUBJECT_RE = re.compile(
    rf"(?:^|[,;.][ \t]+)(?P<speaker>{_AFTER_SPEAKER}){_APPOSITIVE}"
    # The subject ends at its verb: "the harbour board was blunt:", not "the harbour".
    rf"(?={_VERB_AFTER_RE.pattern})"
    r"(?:[ \t]+[a-z][\w’'-]*){1,6}[ \t]*:[ \t]*$"
)


#: A copula right after a subject: "Afghanistan is", "the plan was".
_COPULA_AFTER_RE = re.compile(r"(?<![ \t])[ \t]+(?:is|was|are|were|remains|remained)\b")


#: "the commission recognized", "The ad targets": a noun phrase before a verb.
_THE_SUBJECT_RE = re.compile(
    rf"(?<![\w’'])(?P<np>[Tt]he[ \t]+(?:[\w’'-]+[ \t]+){{0,2}}?(?P<head>[a-z][\w’'-]*))"
    rf"(?={_VERB_AFTER_RE.pattern})"
)


_THAT_RE = re.compile(r"[ \t]+(?:that[ \t]+)?(?=\S)")


_TOLD_OBJECT_RE = re.compile(
    rf"[ \t]+(?:{_NP}|{_NAME}|him|her|them|us|me|reporters)(?:[ \t]+that)?"
)


_TRAILING_CUE_RE = re.compile(
    rf",[ \t]+(?:(?P<speaker>{SPEAKER}){_PAREN2}{_APPOSITIVE}{_PAREN}{_ADVERBS}[ \t]+"
    rf"(?P<verb>{_VERB_RE})(?:[ \t]+[\w’'.-]+){{0,4}}"
    rf"|(?P<verb2>{_VERB_RE})[ \t]+(?P<speaker2>{_TITLED_NAME}|{_NP})"
    r"(?:[ \t]*,[ \t]*(?P<role2>[^,.;\x00\n“”\"]{2,120}))?)[ \t]*[.!?]?[ \t]*$"
)


#: "The plan, says Ada Rusk, the harbour master, is ...": a cue set off by commas.
_PARENTHETICAL_RE = re.compile(
    r",[ \t]+(?P<verb>says|said|say|adds|added|notes|noted|argues|argued|writes|wrote"
    rf"|explains|explained)[ \t]+(?P<speaker>{_TITLED_NAME}|{_NP})"
    r"(?:[ \t]*,[ \t]*(?P<role>[^,\x00\n“”\"]{2,120}?))?[ \t]*,"
)


#: "Ada Rusk, who declared ..., “...”": the name a relative clause with a speech verb follows.
_WHO_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{_NAME})[ \t]*,[ \t]+who[ \t]+(?:(?:also|later|then|\w+ly)[ \t]+)?"
    rf"(?P<verb>{_FINITE_RE})(?![\w’'])"
)


#: "Rusk is telling reporters", "she’s predicting": a progressive speech verb.
_PROGRESSIVE_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER})(?:[ \t]+(?:is|was|are|were|has[ \t]+been|had[ \t]+been)"
    rf"|['’]s)[ \t]+(?:\w+ly[ \t]+)?(?P<verb>{'|'.join(sorted(_ING_VERBS))})(?![\w’'])"
)


#: "She went on to say:", "Rusk declined to tell ...": a speech verb after "to".
_TO_VERB_RE = re.compile(
    rf"(?<![\w’'])(?P<speaker>{SPEAKER})[ \t]+(?:(?!to\b)[a-z]+[ \t]+){{1,3}}to[ \t]+"
    r"(?P<verb>say|tell|add|ask|note|explain|argue|declare|warn|insist|suggest|write|tweet|claim"
    r"|recall|announce|predict|complain|joke|quip)(?![\w’'])"
)


#: "..., with Rusk noting that ...", "... - Rusk saying ...": a subject and its -ing verb.
_WITH_ING_RE = re.compile(
    rf"(?:\bwith|(?<![\w’'])[—–]|(?<=[ \t])-)[ \t]+(?P<speaker>{SPEAKER})[ \t]+"
    rf"(?P<verb>{'|'.join(sorted(_ING_VERBS))})(?![\w’'])"
)


_ANY_VERB_RE = re.compile(rf"(?<![\w’'])(?:{_VERB_RE}|according[ \t]+to)(?![\w’'])", re.IGNORECASE)


#: How a kind of source (people by group) reads in a table, singular and plural.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "official": ("official", "officials"),
    "expert": ("expert", "experts"),
    "ordinary": ("ordinary person", "ordinary people"),
    "person": ("other person", "other people"),
    "organisation": ("organisation", "organisations"),
    "document": ("document", "documents"),
    "unnamed": ("unnamed source", "unnamed sources"),
}
