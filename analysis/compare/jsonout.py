"""The ``framelens compare --json`` document.

Schema (``article`` is always the article's path as given; offsets are
character offsets into that article's text)::

    {
      "threshold": 0.45,
      "articles": [{"article": path, "outlet": str}],
      "stories": [{"id": str, "title": str, "articles": [path],   # facts align within a story
                   "span_days": int | null, "warnings": [str]}],
      "groups": [{
          "story": str,                     # id of the story

          "similarity": float,              # mean pairwise similarity, 0-1
          "core": int,                      # index into members of the core sentence
          "anchors": [str],                 # figures all members share ("12-point")
          "members": [{"article", "outlet", "sentence", "start", "end", "text"}],
          "diff": [{"article", "spans": [{"start", "end", "text", "op"}],  # op: same|added|changed
                    "dropped": [str]}]     # parallel to members
      }],
      "unique": [{"story", "article", "outlet", "sentence", "start", "end", "text"}],
      "headlines": [{"story", "article", "outlet", "text", "start", "end",  # start/end null when
                     "subjectivity", "polarity", "loaded": [str]}],  # only a declared title
      "distinctive": {outlet: [{"story", "term", "z", "log_odds", "count", "other_count",
                                "articles", "sentences": [{"article", "sentence"}]}]},
                          # within each story; only words with z >= 1.96, never names
      "distinctive_notes": [{"story", "outlet", "words", "note"}],  # outlets with none: why
      "labels": {
          "descriptors": {outlet: [{"actor", "text", "kind", "article", "sentence",
                                    "start", "end"}]},
          "concepts": {outlet: {concept: {term: count}}}
      },
      "quotes": {
          "quotes": [{"article", "outlet", "sentence", "start", "end", "text",
                      "speaker",        # full name as first given, or ""
                      "speaker_role",   # "a spokesman for the mayor", or ""
                      "speaker_kind",   # person|organisation|document|unnamed|""
                      "speaker_group",  # official|expert|ordinary|"" (people, unnamed)
                      "direct",         # true: in quotation marks; false: reported claim
                      "verb", "words"}],
          "outlets": {outlet: {"words", "quoted_words", "share", "quotes",
                               "speakers": {speaker: {"quotes", "words", "kind", "group",
                                                      "role", "indirect", "only_here"}},
                               "kinds": {kind: {"sources", "quotes", "words", "indirect"}},
                               "verbs": {verb: count}}}
      },
      "frames": {outlet: {frame_id: {"label", "sentences", "share", "hits", "per_1000"}}}
    }
"""

from __future__ import annotations

from typing import Any

from analysis.compare.frames import FRAME_LABELS
from analysis.compare.results import Comparison


def to_json(c: Comparison) -> dict[str, Any]:
    """Build the JSON-ready dictionary of ``c`` (see the module docstring)."""
    path = c.articles

    def sentence_ref(
        article: int, sentence: int, start: int, end: int, text: str
    ) -> dict[str, Any]:
        return {
            "article": path[article],
            "outlet": c.article_outlets[article],
            "sentence": sentence,
            "start": start,
            "end": end,
            "text": text,
        }

    groups = [
        {
            "story": g.story,
            "similarity": round(g.similarity, 4),
            "core": g.core,
            "anchors": list(g.anchors),
            "members": [sentence_ref(*m) for m in g.members],
            "diff": [
                {
                    "article": path[m.article],
                    "spans": [s._asdict() for s in spans],
                    "dropped": list(dropped),
                }
                for m, spans, dropped in zip(g.members, g.diff, g.dropped, strict=True)
            ],
        }
        for g in c.groups
    ]
    unique = [
        {"story": u.story, **sentence_ref(u.article, u.sentence, u.start, u.end, u.text)}
        for u in c.unique
    ]
    distinctive: dict[str, list[dict[str, Any]]] = {o: [] for o in c.outlets}
    for t in c.distinctive:
        distinctive[t.outlet].append(
            {
                "story": t.story,
                "term": t.term,
                "z": round(t.z, 4),
                "log_odds": round(t.log_odds, 4),
                "count": t.count,
                "other_count": t.other_count,
                "articles": t.articles,
                "sentences": [{"article": path[r.article], "sentence": r.sentence} for r in t.refs],
            }
        )
    descriptors: dict[str, list[dict[str, Any]]] = {o: [] for o in c.outlets}
    for d in c.labels.descriptors:
        descriptors[d.outlet].append(
            {
                "actor": d.actor,
                "text": d.text,
                "kind": d.kind,
                "article": path[d.article],
                "sentence": d.sentence,
                "start": d.start,
                "end": d.end,
            }
        )
    concepts: dict[str, dict[str, dict[str, int]]] = {o: {} for o in c.outlets}
    for k in c.labels.concepts:
        concepts[k.outlet].setdefault(k.concept, {})[k.term] = k.count
    quote_outlets: dict[str, dict[str, Any]] = {
        q.outlet: {
            "words": q.words,
            "quoted_words": q.quoted_words,
            "share": round(q.share, 4),
            "quotes": q.quotes,
            "speakers": {},
            "kinds": {},
            "verbs": {},
        }
        for q in c.quotes.outlets
    }
    for s in c.quotes.speakers:
        quote_outlets[s.outlet]["speakers"][s.speaker] = {
            "quotes": s.quotes,
            "words": s.words,
            "kind": s.kind,
            "group": s.group,
            "role": s.role,
            "indirect": s.indirect,
            "only_here": s.only_here,
        }
        kind = quote_outlets[s.outlet]["kinds"].setdefault(
            s.kind or "unknown", {"sources": 0, "quotes": 0, "words": 0, "indirect": 0}
        )
        kind["sources"] += 1
        kind["quotes"] += s.quotes
        kind["words"] += s.words
        kind["indirect"] += s.indirect
    for v in c.quotes.verbs:
        quote_outlets[v.outlet]["verbs"][v.verb] = v.count
    frames: dict[str, dict[str, dict[str, Any]]] = {o: {} for o in c.outlets}
    for f in c.frames.outlets:
        frames[f.outlet][f.frame] = {
            "label": FRAME_LABELS[f.frame],
            "sentences": f.sentences,
            "share": round(f.share, 4),
            "hits": f.hits,
            "per_1000": round(f.per_1000, 3),
        }
    return {
        "threshold": c.threshold,
        "articles": [
            {"article": p, "outlet": o} for p, o in zip(path, c.article_outlets, strict=True)
        ],
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": [path[a] for a in s.articles],
                "span_days": s.span_days,
                "warnings": list(s.warnings),
            }
            for s in c.stories
        ],
        "groups": groups,
        "unique": unique,
        "headlines": [
            {
                "story": h.story,
                "article": path[h.article],
                "outlet": h.outlet,
                "text": h.text,
                "start": h.start,
                "end": h.end,
                "subjectivity": round(h.subjectivity, 4),
                "polarity": round(h.polarity, 4),
                "loaded": list(h.loaded),
            }
            for h in c.headlines
        ],
        "distinctive": distinctive,
        "distinctive_notes": [
            {"story": n.story, "outlet": n.outlet, "words": n.words, "note": n.note}
            for n in c.distinctive_notes
        ],
        "labels": {"descriptors": descriptors, "concepts": concepts},
        "quotes": {
            "quotes": [
                {
                    **sentence_ref(q.article, q.sentence, q.start, q.end, q.text),
                    "speaker": q.speaker,
                    "speaker_role": q.speaker_role,
                    "speaker_kind": q.speaker_kind,
                    "speaker_group": q.speaker_group,
                    "direct": q.direct,
                    "verb": q.verb,
                    "words": q.words,
                }
                for q in c.quotes.quotes
            ],
            "outlets": quote_outlets,
        },
        "frames": frames,
    }
