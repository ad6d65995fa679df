"""analysis.compare.align: the pair similarities against a plain pairwise computation."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from analysis.compare.align import SentenceItem, similarity_pairs


def _items(seed: int, n: int = 60) -> list[SentenceItem]:
    rng = random.Random(seed)
    vocabulary = [f"w{k}" for k in range(40)]
    items = []
    for k in range(n):
        stems = tuple(rng.sample(vocabulary, rng.randint(1, 8)))
        outlet = rng.choice(("A", "B", "C"))
        items.append(SentenceItem(k, 0, 0, 1, " ".join(stems), outlet, stems, (f"p{k}", 0, "")))
    return items


def _pairwise(
    items: list[SentenceItem], floor: float, keep: set[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Every pair of different outlets, one at a time, terms summed in sorted order."""
    n = len(items)
    sets = [sorted(set(item.stems)) for item in items]
    df = Counter(term for terms in sets for term in terms)
    idf = {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items()}

    def weight(terms: list[str]) -> float:
        total = 0.0
        for term in terms:
            total += idf[term]
        return total

    out = {}
    for i in range(n):
        for j in range(i + 1, n):
            shared = sorted(set(sets[i]) & set(sets[j]))
            if items[i].outlet == items[j].outlet or not shared:
                continue
            dice = 2.0 * weight(shared) / (weight(sets[i]) + weight(sets[j]))
            if dice >= floor or (i, j) in keep:
                out[i, j] = min(1.0, dice)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_similarity_pairs_equal_the_pairwise_computation(seed: int) -> None:
    items = _items(seed)
    keep = {(0, k) for k in range(1, len(items), 3)}
    found = similarity_pairs(items, 0.3, keep=keep)
    assert found == _pairwise(items, 0.3, keep)
    assert list(found) == sorted(found)  # in (i, j) order
