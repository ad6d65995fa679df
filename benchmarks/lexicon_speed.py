"""How fast the default lexicon matches real articles (target: well under 5 ms per 1,000 words).

Times :meth:`analysis.lexicon.Lexicon.match` over the BASIL articles in
../shared/data (title and body joined into one text, as ``framelens analyze``
sees them) and prints milliseconds per 1,000 words: the median over articles
of the best of three runs, the quotation scan included (its cache is
cleared before every run).

Usage: ``.venv/bin/python benchmarks/lexicon_speed.py [--data DIR]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.lexicon import _merged_quotes, default_lexicon, quote_regions  # noqa: E402
from analysis.score import count_words  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    lexicon = default_lexicon()
    per_1000 = []
    for path in sorted((args.data / "basil-dev" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(
            [article.get("title", "")] + [" ".join(p) for p in article["body-paragraphs"]]
        )
        words = count_words(text)
        if words < 200:
            continue
        best = float("inf")
        for _ in range(3):
            quote_regions.cache_clear()
            _merged_quotes.cache_clear()
            t0 = time.perf_counter()
            lexicon.match(text)
            best = min(best, time.perf_counter() - t0)
        per_1000.append(best * 1000 * 1000 / words)
    print(
        f"{len(per_1000)} articles, {len(lexicon)} lexicon entries: "
        f"median {statistics.median(per_1000):.2f} ms per 1,000 words "
        f"(max {max(per_1000):.2f} ms)"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _result import emit, figure

    median = statistics.median(per_1000)
    emit(
        "lexicon_speed",
        [
            figure(
                "lexicon matching per 1,000 words (median over articles)",
                f"{median:.2f} ms (max {max(per_1000):.2f} ms)",
                value=round(median, 3),
                unit="ms",
                target="< 5 ms",
                passed=median < 5,
            )
        ],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
