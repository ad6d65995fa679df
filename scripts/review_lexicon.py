#!/usr/bin/env python3
"""Review resources/lexicons/loaded.tsv by written rules (issue 23).

Every entry of the loaded-terms lexicon gets one decision — keep, drop, or
keep with exceptions (the ``not_in`` column) — and the rule it follows.  The
rules are written down here and in resources/lexicons/README.md ("The review
of loaded.tsv"); they come from news style (wire-service usage, the
literature on loaded language), never from how a term scores on the
annotated data.  Where a rule can be applied mechanically it is: the word
class of analysis/wordclass.py decides which entries are adjectives and
adverbs (kept as evaluative words) and which speech verbs also read as nouns
(candidates for ``not_in: noun``); the named lists below hold the decisions
a tagger cannot make (whether a word is the standard news name of a thing).

Usage (from the repository root)::

    PYTHONPATH=. python scripts/review_lexicon.py          # print the decisions
    PYTHONPATH=. python scripts/review_lexicon.py --write  # apply them to loaded.tsv

Running it again after ``--write`` changes nothing: dropped entries are gone
and the exceptions are already in the file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.wordclass import word_class  # noqa: E402

LEXICON = REPO / "resources" / "lexicons" / "loaded.tsv"

#: Rule id -> (decision, the rule in one line).
RULES: dict[str, tuple[str, str]] = {
    "A": (
        "drop",
        "standard news name of a group, a position, an event or a policy, with no more "
        "neutral word in news use (wire-service usage: 'militants', 'gun control', "
        "'anti-abortion', 'bailout', 'genocide')",
    ),
    "B": (
        "drop",
        "neutral attribution: words a wire report uses to attribute a claim or to avoid "
        "presuming guilt ('alleged', 'reportedly', 'accused', 'pleaded', 'condemned', "
        "'sources said')",
    ),
    "C": (
        "drop",
        "a literal sense dominates in news and no context rule tells the senses apart "
        "('tsunami', 'hack' the cyber attack, 'demonstrated' the protest, 'pork', "
        "'would-be', matched as the modal 'would be')",
    ),
    "D": (
        "drop",
        "a plain quantity, record or aspect word that carries no judgement ('many people', "
        "'record-breaking', 'continued to')",
    ),
    "E-noun": (
        "except",
        "word class: the loaded sense is the verb or adjective; as a noun the word names a "
        "thing ('a torch', 'the lecture', 'this kind of'): not_in noun",
    ),
    "E-verb": (
        "except",
        "word class: the loaded sense is the noun, after a determiner ('a crank', 'a "
        "free-for-all'); elsewhere the words are literal ('crank up', 'free for all "
        "residents'): not_in verb",
    ),
    "E-war": (
        "except",
        "in a report on an armed conflict the phrase describes what happened ('full-scale "
        "invasion', 'war on Ukraine', 'under fire'): not_in war",
    ),
    "E-colloc": (
        "except",
        "collocation: a fixed phrase whose ordinary sense dominates, mostly legal, "
        "economic or technical terms ('treason charges', 'contempt of court', 'terror "
        "attack', 'crude oil', 'gross domestic product', 'natural disaster', 'endangered "
        "species', 'handout photo', 'woke up'): not_in next/prev WORD",
    ),
    "E-passive": (
        "except",
        "a verb whose loaded sense needs an agent or a clause: in the passive it reports "
        "what happened to a thing ('no laws were broken', 'two packages were "
        "discovered', 'the van was seized'); 'that' after it keeps the factive sense: "
        "not_in passive",
    ),
    "K-adj": (
        "keep",
        "an evaluative adjective or adverb, or an intensifier (word class adjective or "
        "adverb): its judging sense dominates",
    ),
    "K-label": ("keep", "name-calling, an epithet or a partisan label"),
    "K-speech": ("keep", "a verb or noun of speaking that takes a stance on what was said"),
    "K-hedge": ("keep", "a hedge, weasel phrase or presupposition (Recasens et al. 2013)"),
    "K-drama": ("keep", "a dramatising or judging noun or verb"),
    "K-first": ("keep", "kept with the exceptions set by the first review"),
}

#: The entries each dropping rule names.
DROP: dict[str, tuple[str, ...]] = {
    "A": (
        # groups: the name news uses for them
        "gang", "cartel", "mafia", "militant", "militants", "insurgents", "junta",
        "nazi", "nazis", "neo-nazi", "neo-nazis", "supremacist", "white supremacist",
        "white supremacists", "white supremacy", "white nationalist", "white nationalists",
        "white nationalism", "islamist", "islamists", "jihadist", "jihadists", "jihadi",
        "antifa", "anarchist", "anarchists", "rioters", "looters", "hooligan", "hooligans",
        "oligarch", "oligarchs", "billionaires", "criminals", "thieves", "gangster",
        "gangsters", "mobster", "mobsters", "embezzler", "fraudsters",
        # political positions: the standard descriptors
        "far-right", "far-left", "the far right", "the far left", "religious right",
        "christian right", "conservative", "conservatives", "liberal", "liberals", "progressive",
        "progressives", "left-wing", "right-wing", "leftwing", "rightwing", "socialist",
        "socialists", "socialism", "communist", "communists", "communism", "marxism",
        "nationalist", "nationalists",
        # policies and debates: the neutral names (AP style)
        "anti-abortion", "abortion rights", "gun control", "gun rights",
        "illegal immigration", "undocumented", "welfare state", "entitlement programs",
        "entitlements", "grassroots", "sanctuary city", "sanctuary cities",
        "critical race theory", "quid pro quo", "war on terror",
        # events: the standard names
        "bailout", "crackdown", "backlash", "emergency", "epidemic", "unrest", "rioting",
        "looting", "genocide", "holocaust", "ethnic cleansing", "coup attempt",
        "attempted coup",
    ),
    "B": (
        "allege", "alleged", "alleging", "allegedly", "accuse", "accused", "accusing",
        "suspected", "reportedly", "plead", "pleaded", "condemn", "condemned", "denounce",
        "denounced", "sources say", "sources said", "reports say", "it was reported",
        "confirmed that", "opponents say", "supporters say", "self-described",
    ),
    "C": (
        "tsunami", "avalanche", "hemorrhage", "haemorrhage", "pork", "hack", "demonstrate",
        "demonstrated",
        # a phrase matches across hyphens and spaces: this one is mostly the modal "would be"
        "would-be",
        # to press for or move something on ("push for reform", "pushing forward its
        # proposals"); peddling a claim needs its object ("pushed the narrative" stays)
        "push",
    ),
    "D": ("many people", "continues to", "continued to", "record-breaking"),
}  # fmt: skip

_LEGAL = (
    "next:charges,next:charge,next:case,next:cases,next:investigation,next:trial,"
    "next:probe,next:inquiry,next:conviction,next:allegations"
)

_CLAIM_PREV = (
    "prev:settle,prev:settled,prev:settling,prev:harassment,prev:insurance,"
    "prev:discrimination,prev:compensation,prev:disability,prev:injury,prev:damages,"
    "prev:asylum,prev:pension,prev:benefit,prev:benefits,prev:bankruptcy,prev:refugee,"
    "prev:file,prev:filed,prev:filing,prev:legal"
)
_CLAIM_NEXT = (
    "next:responsibility,next:asylum,next:residency,next:citizenship,next:benefits,"
    "next:damages,next:compensation,next:refugee,next:unemployment,next:as"
)

# a court dismisses a case: the legal term, not a verb of speaking
_DISMISSED_LEGAL = (
    "prev:judge,prev:court,prev:courts,prev:jury,next:charges,next:case,next:cases,"
    "next:lawsuit,next:lawsuits,next:suit,next:claims,next:indictment,next:appeal"
)

#: The entries each exception rule names, with the contexts it adds.
EXCEPT: dict[str, dict[str, str]] = {
    "E-noun": {
        # speech verbs whose noun is a thing (mechanical candidates, checked below)
        "torch": "noun", "hammer": "noun", "trash": "noun", "shred": "noun", "crow": "noun",
        "thunder": "noun", "lecture": "noun", "spout": "noun", "trumpet": "noun",
        "hawk": "noun", "duck": "noun", "skirt": "noun", "cave": "noun", "grill": "noun",
        "hound": "noun", "badger": "noun", "parrot": "noun", "waffle": "noun",
        "lashes": "noun", "swoop": "noun", "posture": "noun", "bash": "noun",
        # other verbs and adjectives whose noun is a thing
        "twist": "noun", "fold": "noun", "wreck": "noun", "smash": "noun", "garbage": "noun",
        "rubbish": "noun", "nuts": "noun", "epic": "noun",
        # hedges whose first word is a noun after a determiner ("this kind of attack")
        "kind of": "noun", "sort of": "noun",
    },
    # matched across hyphens and spaces, "free-for-all" reads as a verb phrase where
    # not after a determiner: "free for all residents"
    "E-verb": {"crank": "verb", "free-for-all": "verb"},
    "E-war": {
        "full-scale": "war", "war on": "war", "assault on": "war", "under fire": "war",
        "under siege": "war", "besieged": "war", "overrun": "war", "war zone": "war",
        "war-torn": "war", "weapons of war": "war", "scorched earth": "war",
        "scorched-earth": "war", "wipe out": "war", "wiped out": "war", "blow up": "war",
        "blew up": "war", "torpedo": "war", "torpedoed": "war",
    },
    "E-passive": {
        "broken": "passive", "discover": "passive", "discovered": "passive",
        "reveal": "passive", "revealed": "passive", "uncovered": "passive",
        "seized": "passive",
        # passive, "dismissed" is fired: "the agent was dismissed"
        "dismissed": "passive," + _DISMISSED_LEGAL,
    },
    "E-colloc": {
        "treason": _LEGAL, "extortion": _LEGAL, "blackmail": _LEGAL, "bribery": _LEGAL,
        "obstruction": "next:of", "contempt": "next:of",
        "terror": (
            "next:attack,next:attacks,next:group,next:groups,next:suspect,next:suspects,"
            "next:charges,next:plot,next:cell,next:threat,next:alert,next:list,next:law,"
            "next:laws,next:offences,next:offenses"
        ),
        "crude": "next:oil",
        "hostile": "next:takeover,next:bid",
        "handout": "next:photo,next:picture,next:image,next:video",
        "handouts": "next:photo,next:picture,next:image,next:video",
        "historic": (
            "next:district,next:site,next:building,next:buildings,next:centre,next:center,"
            "next:preservation,next:town,next:city"
        ),
        "stealth": "next:bomber,next:bombers,next:fighter,next:fighters,next:jet,next:aircraft",
        "exposed": "next:to",
        "in a way": "next:that,next:which,next:to",
        "woke": "next:up",
        "amnesty": "prev:tax,prev:granted,prev:grant,next:international",
        "mock": "next:trial,next:trials,next:election,next:exam,next:exams,next:drill,next:up",
        "entitled": "next:to",
        "extreme": "next:weather,next:heat,next:cold,next:temperatures,next:poverty",
        "extraordinary": "next:session,next:summit,next:meeting,next:general",
        "sick": "next:leave,next:pay,next:note",
        "gross": (
            "next:domestic,next:national,next:income,next:margin,next:margins,next:profit,"
            "next:revenue,next:sales"
        ),
        "foul": "next:play",
        "disaster": (
            "prev:natural,next:relief,next:zone,next:area,next:management,next:response,"
            "next:recovery"
        ),
        "windfall": "next:tax,next:taxes",
        "scheme": (
            "prev:pension,prev:furlough,prev:loan,prev:loans,prev:insurance,prev:support,"
            "prev:pilot,prev:visa,prev:compensation,prev:bonus,prev:savings,prev:subsidy"
        ),
        "agenda": "next:for,next:item,next:items",
        # the legal and insurance sense: a demand for money or a right, not a doubted
        # statement ("settle the harassment claims", "claims against the state",
        # "claimed responsibility for the attack", "claim asylum"; territory: "an
        # island it claims as its own")
        "claim": _CLAIM_PREV + "," + _CLAIM_NEXT + ",next:against",
        "claimed": _CLAIM_NEXT,
        "claiming": _CLAIM_NEXT + ",next:discrimination",
        "criminal": (
            "next:investigations,next:probes,next:inquiries,next:cases,next:courts,"
            "next:records,next:laws,next:trials,next:proceedings,next:prosecutions,"
            "next:complaints,next:referrals,next:defense,next:defence,next:division"
        ),
        # an exact form: the adjective's plural is the literal noun ("mailing of
        # explosives"), and "an explosive" is the thing itself (see E-noun)
        "=explosive": (
            "next:device,next:devices,next:material,next:materials,next:vest,next:charge,"
            "next:charges,noun"
        ),
        "endanger": "next:species",
        "endangered": "next:species,next:animals,next:animal,next:list",
    },
}  # fmt: skip


def _single(term: str) -> str | None:
    """The bare word of a one-word entry (no prefix, wildcard or space), else None."""
    word = term.lstrip("=").rstrip("*").lower()
    return None if (" " in word or "-" in word) else word


def default_rule(term: str, category: str, not_in: str) -> str:
    """The keeping rule of an entry no named rule takes (word class decides first)."""
    if not_in:
        return "K-first"
    word = _single(term)
    if word is not None and word_class(word)[0] in ("adjective", "adverb"):
        return "K-adj"
    return {
        "label": "K-label",
        "attribution": "K-speech",
        "hedge": "K-hedge",
        "presupposition": "K-hedge",
    }.get(category, "K-drama")


def noun_candidates(rows: list[list[str]]) -> set[str]:
    """Mechanical candidates for E-noun among speech verbs: one-word attribution
    entries in a base form (no -ed) that the tagger's lexicon lists as a noun."""
    found = set()
    for cells in rows:
        word = _single(cells[0])
        if cells[1] != "attribution" or word is None or word.endswith("ed"):
            continue
        if word_class(word)[0] in ("noun", "proper", "unknown"):
            found.add(word)
    return found


def merge_tags(old: str, new: str) -> str:
    """The union of two not_in cells, old tags first."""
    tags = [t for t in old.split(",") if t]
    tags += [t for t in new.split(",") if t and t not in tags]
    return ",".join(tags)


def review(lines: list[str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The file's new lines and (term, decision, rule) for every entry, the dropped
    ones included (also those an earlier run took out of the file)."""
    drop = {term: rule for rule, terms in DROP.items() for term in terms}
    excepted = {term: (rule, tags) for rule, m in EXCEPT.items() for term, tags in m.items()}
    rows = [
        line.rstrip("\n").split("\t")
        for line in lines
        if line.strip() and not line.startswith("#") and not line.startswith("term\t")
    ]
    candidates = noun_candidates(rows)
    wrong = [
        t
        for t in ("torch", "hammer", "trash", "crow", "lecture", "hawk", "duck", "cave")
        if t in excepted and t not in candidates
    ]
    if wrong:
        raise SystemExit(f"not a mechanical noun candidate: {wrong}")
    out: list[str] = []
    log: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            out.append(line)
            continue
        cells = line.rstrip("\n").split("\t")
        term = cells[0].lower()
        seen.add(term)
        if term in drop:
            log.append((cells[0], "drop", drop[term]))
            continue
        if term in excepted:
            rule, tags = excepted[term]
            while len(cells) < 5:
                cells.append("")
            cells[4] = merge_tags(cells[4], tags)
            log.append((cells[0], "except", rule))
            out.append("\t".join(cells) + "\n")
            continue
        log.append(
            (cells[0], "keep", default_rule(cells[0], cells[1], cells[4] if len(cells) > 4 else ""))
        )
        out.append(line)
    # A dropped entry missing from the file was dropped by an earlier run.
    log += [(term, "drop", rule) for term, rule in drop.items() if term not in seen]
    missing = sorted(set(excepted) - seen)
    if missing:
        raise SystemExit(f"named by an exception rule but not in the file: {missing}")
    return out, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite loaded.tsv")
    args = parser.parse_args(argv)
    lines = LEXICON.read_text(encoding="utf-8").splitlines(keepends=True)
    out, log = review(lines)
    counts = Counter(rule for _, _, rule in log)
    print("| Rule | Decision | Entries | The rule |\n|---|---|---|---|")
    for rule, (decision, text) in RULES.items():
        print(f"| {rule} | {decision} | {counts.get(rule, 0)} | {text} |")
    for rule in RULES:
        terms = [t for t, d, r in log if r == rule and d != "keep"]
        if terms:
            print(f"\n{rule} ({RULES[rule][0]}, {len(terms)}): {', '.join(terms)}")
    dropped = sum(1 for _, d, _ in log if d == "drop")
    print(f"\n{len(log)} entries reviewed; {dropped} dropped, {len(log) - dropped} kept")
    if args.write:
        LEXICON.write_text("".join(out), encoding="utf-8")
        print(f"wrote {LEXICON}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
