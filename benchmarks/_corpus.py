"""Real news text as benchmark input, read from ../shared/data at run time.

The datasets stay in ../shared/data (never copied into the project): the
benchmarks read them by path and write whatever they need (JSON Lines, text
files) into a temporary folder that is deleted afterwards.

* :func:`basil_records` -- the 150 BASIL development articles (about 89,000 words);
* :func:`babe_records` -- the 2,551 BABE development sentences grouped, per
  outlet and in file order, into articles of 20 sentences (about 80,000 words);
* :func:`seed_paths`, :func:`basil_triplets` -- the seeds and BASIL triplets as articles to compare;
* :func:`repeated` -- copies of records with a distinct last line, for
  benchmarks that need many articles but not many distinct words (memory).
  Throughput must not use copies: the engine caches token splits, so
  repeated text would be scored faster than new text.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data"
BASIL = DATA / "basil-dev" / "articles"
BABE = DATA / "babe-dev.csv"
BABE_SENTENCES_PER_ARTICLE = 20

_BASIL_OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def basil_records() -> list[dict[str, str]]:
    """One record per BASIL article: id, outlet, title, date, url, text (paragraphs)."""
    files = sorted(BASIL.glob("*/*.json"))
    if not files:
        raise SystemExit(f"the BASIL articles are not here ({BASIL} is absent)")
    records = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        records.append(
            {
                "id": f"basil/{path.parent.name}/{path.stem}",
                "outlet": _BASIL_OUTLETS.get(str(data.get("source", "")).lower(), "Unknown"),
                "title": data.get("title", ""),
                "date": data.get("date", ""),
                "url": data.get("url", ""),
                "text": "\n\n".join(" ".join(p) for p in data["body-paragraphs"]),
            }
        )
    return records


def babe_records() -> list[dict[str, str]]:
    """BABE sentences as articles of 20 sentences of one outlet each."""
    if not BABE.is_file():
        raise SystemExit(f"the BABE sentences are not here ({BABE} is absent)")
    by_outlet: dict[str, list[str]] = {}
    with BABE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            by_outlet.setdefault(row["outlet"], []).append(row["text"])
    records = []
    for outlet, sentences in by_outlet.items():
        for start in range(0, len(sentences), BABE_SENTENCES_PER_ARTICLE):
            part = sentences[start : start + BABE_SENTENCES_PER_ARTICLE]
            records.append(
                {
                    "id": f"babe/{outlet}/{start // BABE_SENTENCES_PER_ARTICLE}",
                    "outlet": outlet,
                    "text": " ".join(part),
                }
            )
    return records


def repeated(records: list[dict[str, str]], copies: int) -> Iterator[dict[str, str]]:
    """``copies`` rounds of the records; each copy's text gets a distinct last line.

    The last line keeps copies from being identical texts (the app drops
    duplicates) while leaving the size of each article unchanged.
    """
    for copy in range(copies):
        for record in records:
            if copy == 0:
                yield record
            else:
                yield {
                    **record,
                    "id": f"{record['id']}-copy{copy}",
                    "text": record["text"] + f"\n\nCopy {copy} of this article.",
                }


def write_jsonl(path: Path, records: Iterable[dict[str, str]]) -> int:
    """Write the records as JSON Lines; return the number written."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
            count += 1
    return count


def seed_paths() -> list[str]:
    """The four real seed articles (one story), as file paths."""
    return [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]


def basil_triplets(count: int) -> list[list[object]]:
    """Articles (:class:`analysis.model.Article`) of the first ``count`` BASIL triplets.

    Sorted by triplet id; each article's text is its body paragraphs.
    """
    from analysis.model import Article

    triplets: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for path in sorted(BASIL.glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        triplets.setdefault(str(record["triplet-uuid"]), []).append((str(path), record))
    result: list[list[object]] = []
    for key in sorted(triplets)[:count]:
        articles: list[object] = []
        for path, record in sorted(triplets[key]):
            paragraphs = record["body-paragraphs"]
            assert isinstance(paragraphs, list)
            text = "\n\n".join(" ".join(p) for p in paragraphs)
            outlet = _BASIL_OUTLETS.get(str(record["source"]), str(record["source"]))
            articles.append(Article(text=text, path=path, outlet=outlet, outlet_source="user"))
        result.append(articles)
    return result
