"""Word-level differences inside an aligned group, against the group's core sentence.

Each member is compared with the core sentence (the member most similar to
the others) by :class:`difflib.SequenceMatcher` over word and punctuation
tokens in their normal form ("cease-fire" = "ceasefire"). A member's words
are ``same`` where the core has them, ``added`` where the core has nothing
there, and ``changed`` where the core words it differently. The core's own
words are ``same`` when another member shares them, ``changed`` when the
others word them differently and ``added`` when no member has anything there.
What a member leaves out of the core is listed in ``dropped``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from analysis.compare.results import DiffOp, DiffSpan
from analysis.compare.tokens import Token, normal, tokens


def _runs(text: str, toks: Sequence[Token], ops: Sequence[DiffOp]) -> tuple[DiffSpan, ...]:
    spans: list[DiffSpan] = []
    run_start = 0
    for k in range(1, len(toks) + 1):
        if k == len(toks) or ops[k] != ops[run_start]:
            start, end = toks[run_start].start, toks[k - 1].end
            spans.append(DiffSpan(start, end, text[start:end], ops[run_start]))
            run_start = k
    return tuple(spans)


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def group_diff(
    texts: Sequence[str], spans: Sequence[tuple[int, int]], core: int
) -> tuple[tuple[tuple[DiffSpan, ...], ...], tuple[tuple[str, ...], ...]]:
    """Diff spans and dropped passages for each member.

    ``texts[k]`` is the text of member ``k``'s article and ``spans[k]`` its
    sentence's (start, end) in it; ``core`` indexes the core member.
    """
    toks = [tokens(text, start, end) for text, (start, end) in zip(texts, spans, strict=True)]
    keys = [[normal(t.text) for t in ts] for ts in toks]
    core_toks = toks[core]
    core_shared = [False] * len(core_toks)
    core_replaced = [False] * len(core_toks)
    ops_per_member: list[list[DiffOp]] = []
    dropped: list[tuple[str, ...]] = []
    for k, member_toks in enumerate(toks):
        ops: list[DiffOp] = ["same"] * len(member_toks)
        lost: list[str] = []
        if k != core:
            matcher = difflib.SequenceMatcher(None, keys[core], keys[k], autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    for i in range(i1, i2):
                        core_shared[i] = True
                elif tag == "insert":
                    ops[j1:j2] = ["added"] * (j2 - j1)
                elif tag == "replace":
                    ops[j1:j2] = ["changed"] * (j2 - j1)
                    for i in range(i1, i2):
                        core_replaced[i] = True
                if tag in ("delete", "replace"):
                    # Only words count, and a passage starts and ends on one:
                    # a quotation mark or comma at its edge read as garbage
                    # ("The "" / "" published…").
                    words = [t for t in core_toks[i1:i2] if _is_word(t.text)]
                    if words:
                        lost.append(texts[core][words[0].start : words[-1].end])
        ops_per_member.append(ops)
        dropped.append(tuple(lost))
    if len(toks) > 1:
        ops_per_member[core] = [
            "same" if shared else "changed" if replaced else "added"
            for shared, replaced in zip(core_shared, core_replaced, strict=True)
        ]
    diffs = tuple(
        _runs(text, ts, ops) for text, ts, ops in zip(texts, toks, ops_per_member, strict=True)
    )
    return diffs, tuple(dropped)
