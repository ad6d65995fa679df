"""analysis.compare.align: the pair similarities against a plain pairwise computation."""

from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

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


def test_a_limit_keeps_each_sentences_most_similar_partners() -> None:
    items = _items(7, n=120)
    full = similarity_pairs(items, 0.0, limit=None)
    limited = similarity_pairs(items, 0.0, limit=5)
    assert set(limited) <= set(full)
    assert all(limited[pair] == full[pair] for pair in limited)
    for k in range(len(items)):
        partners = sorted(
            ((s, j) for (a, b), s in full.items() for j in (a, b) if k in (a, b) and j != k),
            reverse=True,
        )
        # Each sentence keeps at least its best partners (more, when they chose it).
        best = {j for s, j in partners[:5] if s > partners[min(5, len(partners)) - 1][0]}
        mine = {j for (a, b) in limited for j in (a, b) if k in (a, b) and j != k}
        assert best <= mine
    assert len(limited) <= 2 * 5 * len(items) < len(full)


def _sentence_places(corpus: object, min_words: int = 3) -> None:
    """Assert every sentence that takes part lies in exactly one group or in unique."""
    from analysis.compare import compare
    from analysis.compare.align import sentence_items
    from analysis.model import Corpus

    assert isinstance(corpus, Corpus)
    comparison = compare(corpus, min_words=min_words)
    places = Counter((m.article, m.sentence) for g in comparison.groups for m in g.members)
    places.update((u.article, u.sentence) for u in comparison.unique)
    taking_part = {(item.article, item.sentence) for item in sentence_items(corpus)}
    assert set(places) == taking_part
    assert set(places.values()) == {1}


def test_every_sentence_ends_in_exactly_one_place_samples(repo_dir: Path) -> None:
    from analysis.pipeline import analyze

    paths = sorted(str(p) for p in (repo_dir / "resources" / "samples").glob("*.txt"))
    _sentence_places(analyze(paths, workers=1))


def test_every_sentence_ends_in_exactly_one_place_seeds(seeds_dir: Path) -> None:
    from tests.analysis.compare_corpus import seed_corpus

    _sentence_places(seed_corpus(seeds_dir))


def test_every_sentence_ends_in_exactly_one_place_basil(data_dir: Path) -> None:
    import json

    from tests.analysis.compare_corpus import make_corpus

    triplets: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted((data_dir / "basil-dev" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in record["body-paragraphs"])
        triplets.setdefault(record["triplet-uuid"], []).append((record["source"], path.name, text))
    for key in sorted(triplets)[:8]:
        _sentence_places(make_corpus(*triplets[key]))


def test_work_stays_bounded_on_a_small_vocabulary_repeated() -> None:
    """12,000 sentences over a few hundred words: pairs bounded by the limit (issue 27)."""
    import time

    rng = random.Random(3)
    for size in (20, 600):  # every word common; words just under the common-word cut
        vocabulary = [f"w{k}" for k in range(size)]
        items = []
        for k in range(12_000):
            stems = tuple(rng.sample(vocabulary, 10))
            items.append(SentenceItem(k, 0, 0, 1, "", "ABC"[k % 3], stems, (f"p{k % 3}", k, "")))
        started = time.process_time()
        found = similarity_pairs(items, 0.1)
        seconds = time.process_time() - started
        # Unbounded, the second corpus keeps millions of pairs (gigabytes).
        assert len(found) <= 2 * 24 * len(items)
        assert seconds < 30  # about 4 s alone: a bound, not a benchmark


def test_spelling_variants_of_one_name_meet() -> None:
    from analysis.compare.align import sentence_stems

    def stems(text: str) -> list[str]:
        return sentence_stems(text, 0, len(text))

    assert "walmart" in stems("Wal-Mart hired a firm.")
    assert "walmart" in stems("Walmart hired a firm.")
    assert {"russia", "ukrain"} <= set(stems("The Russia-Ukraine war."))
    assert stems("They apologized.") == stems("Their apology.")


def test_resources_hold_in_other_stories() -> None:
    """A term that names something else in another story must not join its concept."""
    from analysis.compare.align import default_aliases, sentence_stems
    from analysis.compare.labels import default_concepts

    def stems(text: str) -> set[str]:
        return set(sentence_stems(text, 0, len(text), default_concepts(), default_aliases()))

    # Washington state, a surname, the US capital: none is the United States as such.
    assert not stems("Washington") & stems("the United States")
    # "Released from prison" is not "published".
    assert not stems("He was released from prison.") & stems("He published a memoir.")
    # A conflict of interest, a budget crisis and fighting a fire are no war.
    for text in ("a conflict of interest", "the budget crisis", "fighting the fire"):
        assert not stems(text) & stems("the war")
    # What the tables still join holds anywhere: a title's abbreviation, a state's.
    assert stems("Sen. Ann Lee of Tex.") == stems("Senator Ann Lee of Texas")


def test_alignment_of_long_articles_over_a_small_vocabulary_is_bounded() -> None:
    """Issue 27: long articles over a few words held every pair (11 GB at 12,000 sentences)."""
    import resource
    import time

    from analysis.compare.align import align
    from analysis.compare.tokens import stem
    from tests.analysis.compare_corpus import make_corpus

    rng = random.Random(5)
    vocabulary = [
        "harbor",
        "council",
        "vote",
        "budget",
        "river",
        "bridge",
        "school",
        "road",
        "mayor",
        "court",
    ]
    articles = []
    for outlet in ("Alpha", "Beta", "Gamma"):
        sentences = (
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 12))).capitalize() + "."
            for _ in range(1_500)  # enough: every word is in far more than 200 sentences
        )
        articles.append((outlet, f"{outlet}.txt", "\n\n".join(sentences)))
    corpus = make_corpus(*articles)
    stem("imports")  # the stemmer's import (TextBlob's nltk) is not the alignment's time
    started = time.process_time()
    alignment = align(corpus)
    assert time.process_time() - started < 30
    assert len(alignment.similarity) <= 2 * 24 * len(alignment.items)
    # ru_maxrss is in kB on Linux: the whole test process stays under 1 GB.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2**20
