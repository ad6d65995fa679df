"""Key framing differences: plain sentences with numbers, written from the analysis.

The report opens with these (and the dashboard can show them): what only one
outlet reports, how each outlet names the main actors, whose voices each
quotes, each outlet's loaded-term rate with its most frequent terms, and the
policy frames that differ most. Every sentence is computed from the analysed
corpus and its comparison; none is written by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.model import Corpus

if TYPE_CHECKING:
    from analysis.compare.results import Comparison

#: How many examples a finding names at most.
MAX_EXAMPLES = 3
#: A statement quoted as an example is shortened to about this many characters.
EXAMPLE_CHARS = 110
#: A frame difference is reported from this many percentage points apart.
MIN_FRAME_GAP = 0.10


@dataclass(frozen=True, slots=True)
class Finding:
    """One plain sentence about how the outlets differ, under a topic."""

    topic: str
    text: str


#: Topics in the order the report shows them.
TOPICS: tuple[str, ...] = (
    "Facts",
    "Naming the actors",
    "Whose voices",
    "Loaded language",
    "Policy frames",
)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _share(x: float) -> str:
    return f"{x:.0%}"


_QUOTE_MARKS = "\"'“”‘’«»"


def _bare(text: str) -> str:
    """``text`` without the quotation marks around it (the finding adds its own)."""
    return text.strip().strip(_QUOTE_MARKS).strip()


def _shorten(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(_bare(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _listing(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _facts(comparison: Comparison) -> list[Finding]:
    outlets = comparison.outlets
    found: list[Finding] = []
    groups = comparison.groups
    if groups:
        everyone = sum(1 for g in groups if set(g.outlets) >= set(outlets))
        text = (
            f"The outlets share {_plural(len(groups), 'statement')} of fact "
            f"(the same fact reported by two or more outlets)"
        )
        if len(outlets) > 2:
            text += f"; {everyone} of them appear in all {len(outlets)} outlets"
        found.append(Finding("Facts", text + "."))
    by_outlet: dict[str, list[str]] = {}
    for u in comparison.unique:
        by_outlet.setdefault(u.outlet, []).append(u.text)
    for outlet in outlets:
        statements = by_outlet.get(outlet, [])
        if not statements:
            found.append(
                Finding("Facts", f"Everything {outlet} reports appears in another outlet.")
            )
            continue
        longest = max(statements, key=len)
        found.append(
            Finding(
                "Facts",
                f"Only {outlet} reports {_plural(len(statements), 'statement')}, for "
                f"example: “{_shorten(longest)}”",
            )
        )
    return found


def _naming(comparison: Comparison) -> list[Finding]:
    labels = comparison.labels
    found: list[Finding] = []
    for actor in labels.actors():
        described = labels.descriptions(actor)
        if len(described) < 2:
            continue  # a naming difference needs two outlets that name the actor
        parts = [
            f"{outlet} calls {actor} “{_bare(texts[0])}”"
            for outlet, texts in described.items()
            if texts
        ]
        if len(parts) >= 2:
            found.append(Finding("Naming the actors", _listing(parts) + "."))
        if len(found) >= MAX_EXAMPLES:
            break
    return found


def _voices(comparison: Comparison) -> list[Finding]:
    from analysis.compare.quotes import KIND_LABELS

    quotes = comparison.quotes
    found: list[Finding] = []
    speakers: dict[str, Counter[str]] = {}
    for count in quotes.speakers:
        if count.speaker and count.quotes > 0:  # direct quotations only
            speakers.setdefault(count.outlet, Counter())[count.speaker] += count.quotes
    quoted_by: dict[str, set[str]] = {}
    for outlet, counts in speakers.items():
        for speaker in counts:
            quoted_by.setdefault(speaker, set()).add(outlet)
    share = {o.outlet: o for o in quotes.outlets}
    groups: dict[str, Counter[str]] = {}
    for q in quotes.quotes:
        if q.direct and q.speaker_group:
            groups.setdefault(q.outlet, Counter())[q.speaker_group] += 1
    for outlet in comparison.outlets:
        counts = speakers.get(outlet, Counter())
        record = share.get(outlet)
        if record is None or not record.quotes:
            found.append(Finding("Whose voices", f"{outlet} quotes no one directly."))
            continue
        top = [f"{name} ({n})" for name, n in counts.most_common(MAX_EXAMPLES)]
        only = sorted(s for s in counts if quoted_by.get(s) == {outlet})
        text = (
            f"{outlet} carries {_plural(record.quotes, 'quotation')} "
            f"({_share(record.share)} of its words)"
        )
        voices = [
            f"{n} from {KIND_LABELS[group][1]}"
            for group in ("official", "expert", "ordinary")
            if (n := groups.get(outlet, Counter())[group])
        ]
        if voices:
            # "11 quotations (23% of its words), 7 of them from officials and 1 from experts"
            voices[0] = voices[0].replace(" from ", " of them from ", 1)
            text += f", {_listing(voices)}"
        if top:
            text += f"; most quoted: {', '.join(top)}"
        if only and len(comparison.outlets) > 1:
            text += f"; only {outlet} quotes {_listing(only[:MAX_EXAMPLES])}"
        found.append(Finding("Whose voices", text + "."))
    return found


def _loaded(corpus: Corpus) -> list[Finding]:
    """Loaded-term rates in each outlet's own voice (as the scores table counts them)."""
    found: list[Finding] = []
    rates: list[tuple[float, str, list[str], int]] = []
    from analysis.tables import score_columns

    for outlet in corpus.outlets:
        items = [a for a in corpus.articles if a.outlet == outlet]
        terms: Counter[str] = Counter(
            _bare(h.text).lower() for a in items for h in a.highlights if h.counts
        )
        quoted = sum(a.quoted_loaded_count for a in items)
        rate = float(score_columns(items, ())["loaded_per_1000"])  # type: ignore[arg-type]
        top = [f"“{t}” ×{n}" for t, n in terms.most_common(MAX_EXAMPLES)]
        rates.append((rate, outlet, top, quoted))
    for rate, outlet, top, quoted in sorted(rates, reverse=True):
        text = f"{outlet} uses {rate:.1f} loaded terms per 1,000 words of its own"
        if top:
            text += f"; most often {', '.join(top)}"
        if quoted:
            text += f" ({quoted} more inside quotations, the sources' words)"
        found.append(Finding("Loaded language", text + "."))
    return found


def _frames(comparison: Comparison) -> list[Finding]:
    from analysis.compare.frames import FRAME_LABELS

    share: dict[str, dict[str, float]] = {}
    for record in comparison.frames.outlets:
        share.setdefault(record.frame, {})[record.outlet] = float(record.share)
    gaps = []
    for frame, by_outlet in share.items():
        values = {o: by_outlet.get(o, 0.0) for o in comparison.outlets}
        if len(values) < 2:
            continue
        high = max(values, key=lambda o: values[o])
        low = min(values, key=lambda o: values[o])
        gaps.append((values[high] - values[low], frame, high, low, values))
    found: list[Finding] = []
    for gap, frame, high, low, values in sorted(gaps, reverse=True)[:MAX_EXAMPLES]:
        if gap < MIN_FRAME_GAP:
            break
        found.append(
            Finding(
                "Policy frames",
                f"{FRAME_LABELS.get(frame, frame)}: {_share(values[high])} of {high}'s "
                f"sentences use its keywords, against {_share(values[low])} of {low}'s.",
            )
        )
    return found


def key_differences(corpus: Corpus, comparison: Comparison | None) -> tuple[Finding, ...]:
    """The key framing differences between the corpus's outlets, topic by topic.

    Without a comparison (or with one outlet) only the loaded-language
    findings can be written.
    """
    found = []
    if comparison is not None and len(comparison.outlets) > 1:
        found += _facts(comparison)
        found += _naming(comparison)
        found += _voices(comparison)
    found += _loaded(corpus)
    if comparison is not None and len(comparison.outlets) > 1:
        found += _frames(comparison)
    return tuple(found)
