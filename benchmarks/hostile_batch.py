"""Time and peak memory of loading a whole batch of hostile files (issue 8).

Builds, in a temporary folder, several copies of the hostile batch used by
tests/analysis/test_robustness_inputs.py (empty, binary, random, truncated,
encrypted and image-only PDFs, corrupt DOCX, a 300 MB DOCX zip bomb, HTML
with scripts and an 11 MB inline image, a 60 MB text file, odd encodings,
NUL bytes, French text, duplicates, a symlink loop), a 24 MB page of dense
markup and a page of 500,000 comments per copy, plus a thousand small
good files, then loads it all with one ``load_many`` call in a fresh
process and reports that process's wall time and peak resident memory.

Targets: under 2 GB peak and under 100 s.

A second part (issues 27 and 28) runs ``framelens batch`` (``run_batch``,
two worker processes) twice on a folder of batch-level hostile inputs,
with the output inside that folder: 1 MB of ``[`` in a .md, a front-matter
line of 1 MB of spaces, a page with an 11 MB script, JSON-LD nested 100,000
deep, a Word file of small parts packed 1000:1, a FIFO and /dev/zero behind
.txt names, a folder tree 1,200 deep, JSON Lines rows with a lone
surrogate, 100,000-deep nesting and a 5,000-digit number, a .gz holding
one 300 MB line, twenty rows of 12 MB, and a damaged .gz. It reports the
time of both runs and the peak memory of the main and worker processes.
Targets: under 1 GB, under 120 s, and the second run reads nothing the
first one wrote.

A third part (issue 27 item 6) compares, in a fresh process, what makes
the comparison's work grow: three articles of 1 MB of varied sentences and
twelve of 150 kB of nothing but short quotations. It reports the CPU time
of ``compare()`` (after loading and analysing) and the process's peak
memory. Targets: under 30 s and under 1 GB.

Run: ``.venv/bin/python benchmarks/hostile_batch.py [--copies 3] [--small 1000]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEAK_LIMIT_MB = 2048
TIME_LIMIT_S = 100.0
BATCH_PEAK_LIMIT_MB = 1024
BATCH_TIME_LIMIT_S = 120.0
COMPARE_TIME_LIMIT_S = 30.0
COMPARE_PEAK_LIMIT_MB = 1024


def _child(folder: str) -> None:
    import resource

    from analysis.load import load_many

    start = time.perf_counter()
    articles, failures = load_many([folder])
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    json.dump(
        {
            "seconds": elapsed,
            "peak_mb": peak_kb / 1024,
            "articles": len(articles),
            "failures": len(failures),
        },
        sys.stdout,
    )


def _build(root: Path, copies: int, small: int) -> int:
    sys.path.insert(0, str(REPO))
    from tests.analysis.loadfiles import build_hostile_batch, story

    expected = 0
    for copy in range(copies):
        folder = root / f"copy{copy}"
        folder.mkdir()
        expected += len(build_hostile_batch(folder, big_text_mb=60))
    heavy = root / "heavy"
    heavy.mkdir()
    unit = "<div class='c'><span>word</span> <a href='/x'>link</a></div>"
    for n in range(copies):
        # Dense markup near the 25 MB limit, and a page of endless comments.
        (heavy / f"dense{n}.html").write_text(
            f"<html><body><p>{story(20_000 + n)}</p>"
            + unit * (24 * 2**20 // len(unit))
            + "</body></html>",
            encoding="utf-8",
        )
        (heavy / f"comments{n}.html").write_text(
            f"<html><body><p>{story(30_000 + n)}</p>" + "<!-- c -->" * 500_000 + "</body></html>",
            encoding="utf-8",
        )
        expected += 2
    smalls = root / "small"
    smalls.mkdir()
    for n in range(small):
        (smalls / f"{n:05d}.txt").write_text(story(10_000 + n), encoding="utf-8")
    return expected + small


def _build_batch_inputs(root: Path) -> dict[str, int]:
    """The batch-level hostile inputs of issues 27 and 28; returns what each should give."""
    sys.path.insert(0, str(REPO))
    import gzip
    import os
    import zipfile

    from tests.analysis.loadfiles import story

    mb = 2**20
    folder = root / "in"
    folder.mkdir()
    (folder / "brackets.md").write_text("[" * mb, encoding="utf-8")
    (folder / "front-matter.txt").write_text(
        "title: x" + " " * mb + "y\n\n" + story(1), encoding="utf-8"
    )
    script = "<script>" + "x" * (11 * mb) + "</script>"
    page = f"<html><body><p>{story(2)}</p>{script}</body></html>"
    (folder / "big-script.html").write_text(page, encoding="utf-8")
    ld = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    (folder / "deep-ld.html").write_text(
        f"<html><head>{ld}</head><body><p>{story(3)}</p></body></html>", encoding="utf-8"
    )
    with zipfile.ZipFile(folder / "small-bombs.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(3):
            archive.writestr(f"word/media/{n}.bin", b"\0" * 500_000)
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    if os.path.exists("/dev/zero"):
        (folder / "zero.txt").symlink_to("/dev/zero")
    deep = folder
    for _ in range(1200):
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text(story(4), encoding="utf-8")
    rows = [json.dumps({"id": f"r{n}", "text": story(10 + n)}) for n in range(20)]
    rows += [
        '{"id": "surrogate", "title": "\\udfff", "text": ' + json.dumps(story(5)) + "}",
        '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "digits", "text": "x", "n": ' + "9" * 5000 + "}",
    ]
    (folder / "rows.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # One 300 MB line in a small .gz, then a good row.
    with gzip.open(folder / "long-line.jsonl.gz", "wb", compresslevel=1) as handle:
        handle.write(b'{"id": "long", "text": "')
        for _ in range(300):
            handle.write(b"a" * mb)
        handle.write(b'"}\n' + json.dumps({"id": "after", "text": story(6)}).encode() + b"\n")
    # Rows of 12 MB each: over the article limit, read one chunk at a time.
    with (folder / "heavy-rows.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(20):
            handle.write(json.dumps({"id": f"h{n}", "text": "word " * (12 * mb // 5)}) + "\n")
    packed = gzip.compress(
        (
            "\n".join(
                json.dumps({"id": f"g{n}", "text": story(40 + n), "pad": os.urandom(300).hex()})
                for n in range(100)
            )
            + "\n"
        ).encode()
    )
    (folder / "damaged.jsonl.gz").write_bytes(packed[: len(packed) // 2] + b"\0garbage" * 64)
    return {"inputs": 1}


def _batch_child(root: str) -> None:
    import resource

    from analysis.batchrun import run_batch

    folder = Path(root) / "in"
    out = folder / "scores.csv"  # inside the input folder: never read back
    start = time.perf_counter()
    first = run_batch([folder], out, workers=2, per="article")
    second = run_batch([folder], out, workers=2, per="article")
    elapsed = time.perf_counter() - start
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    json.dump(
        {
            "seconds": elapsed,
            "peak_mb": max(peak_self, peak_children),
            "articles": first.articles,
            "failures": first.failures,
            "skipped": len(first.skipped),
            "same_twice": (first.items, first.rows) == (second.items, second.rows),
        },
        sys.stdout,
    )


def _build_compare_inputs(folder: Path) -> None:
    words = [
        "harbour",
        "board",
        "bridge",
        "cost",
        "crowns",
        "mayor",
        "river",
        "union",
        "strike",
        "council",
        "port",
    ]
    for k in range(3):
        sentences = (
            f"The {words[n % 11]} and the {words[(n * 7 + k) % 11]} met {n} times in "
            f"{words[(n * 3) % 11]} week {n % 52}."
            for n in range(20_000)
        )
        (folder / f"long-{k}.txt").write_text(
            f"outlet: Outlet {k}\n\n" + " ".join(sentences), encoding="utf-8"
        )
    for k in range(12):
        quotes = " ".join(f'"Word {n} {k} here," she said.' for n in range(5_000))
        (folder / f"quotes-{k:02d}.txt").write_text(
            f"outlet: Outlet {k % 4}\n\n{quotes}", encoding="utf-8"
        )


def _compare_child(root: str) -> None:
    import resource

    from analysis.compare import compare
    from analysis.load import load_many
    from analysis.model import Corpus
    from analysis.pipeline import analyze_articles

    loaded, _ = load_many(sorted(Path(root).iterdir()))
    analysed, _ = analyze_articles(loaded, workers=2)
    started = time.process_time()
    comparison = compare(Corpus(articles=tuple(analysed)))
    spent = time.process_time() - started
    json.dump(
        {
            "articles": len(analysed),
            "megabytes": sum(len(a.article.text) for a in analysed) / 2**20,
            "seconds": spent,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "warnings": sum(len(s.warnings) for s in comparison.stories),
        },
        sys.stdout,
    )


def _run_child(flag: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run one part (:data:`CHILDREN`) on ``folder`` in a fresh process; its JSON is on stdout."""
    return subprocess.run(
        [sys.executable, __file__, flag, str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of the hostile batch")
    parser.add_argument("--small", type=int, default=1000, help="small good files added")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="framelens-hostile-") as tmp:
        root = Path(tmp)
        built = time.perf_counter()
        inputs = _build(root, args.copies, args.small)
        size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20
        print(
            f"built {inputs} inputs ({size_mb:,.0f} MB on disk) in "
            f"{time.perf_counter() - built:.1f} s"
        )
        result = json.loads(_run_child("--child", root).stdout)
    with tempfile.TemporaryDirectory(prefix="framelens-hostile-batch-") as tmp:
        _build_batch_inputs(Path(tmp))
        run = _run_child("--batch-child", Path(tmp))
        batch = json.loads(run.stdout)
        batch_stderr = run.stderr
        from tests.analysis.loadfiles import remove_tree

        remove_tree(Path(tmp) / "in")  # 1,200 deep: TemporaryDirectory's clean-up recurses
    with tempfile.TemporaryDirectory(prefix="framelens-hostile-compare-") as tmp:
        _build_compare_inputs(Path(tmp))
        compared = json.loads(_run_child("--compare-child", Path(tmp)).stdout)
    print(
        f"load_many: {result['articles']} articles + {result['failures']} failures "
        f"of {inputs} inputs in {result['seconds']:.1f} s, peak memory {result['peak_mb']:.0f} MB"
    )
    ok = result["peak_mb"] < PEAK_LIMIT_MB and result["seconds"] < TIME_LIMIT_S
    ok = ok and result["articles"] + result["failures"] == inputs
    print("within targets (< 2 GB, < 100 s, every input accounted for):", "yes" if ok else "NO")
    print(
        f"framelens batch, twice: {batch['articles']} articles, {batch['failures']} failures, "
        f"{batch['skipped']} skipped in {batch['seconds']:.1f} s, peak memory "
        f"{batch['peak_mb']:.0f} MB; second run read the same inputs: {batch['same_twice']}; "
        f"stderr lines: {len(batch_stderr.splitlines())}"
    )
    batch_ok = (
        batch["peak_mb"] < BATCH_PEAK_LIMIT_MB
        and batch["seconds"] < BATCH_TIME_LIMIT_S
        and batch["same_twice"]
    )
    print(
        f"compare: {compared['articles']} articles, {compared['megabytes']:.1f} MB of text, "
        f"{compared['seconds']:.1f} s of CPU, peak memory {compared['peak_mb']:.0f} MB, "
        f"{compared['warnings']} warnings on what was not compared"
    )
    compare_ok = (
        compared["seconds"] < COMPARE_TIME_LIMIT_S and compared["peak_mb"] < COMPARE_PEAK_LIMIT_MB
    )
    ok = ok and batch_ok and compare_ok
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _result import emit, figure

    emit(
        "hostile_batch",
        [
            figure(
                f"hostile batch through load_many: time ({inputs} inputs)",
                f"{result['seconds']:.1f} s",
                value=round(result["seconds"], 1),
                unit="s",
                target=f"< {TIME_LIMIT_S:.0f} s",
                passed=result["seconds"] < TIME_LIMIT_S,
            ),
            figure(
                "hostile batch through load_many: peak memory",
                f"{result['peak_mb']:.0f} MB",
                value=round(result["peak_mb"]),
                unit="MB",
                target="< 2 GB",
                passed=result["peak_mb"] < PEAK_LIMIT_MB,
            ),
            figure(
                "hostile batch through framelens batch (twice): time",
                f"{batch['seconds']:.1f} s",
                value=round(batch["seconds"], 1),
                unit="s",
                target=f"< {BATCH_TIME_LIMIT_S:.0f} s",
                passed=batch["seconds"] < BATCH_TIME_LIMIT_S,
            ),
            figure(
                "hostile batch through framelens batch: peak memory (main or worker)",
                f"{batch['peak_mb']:.0f} MB",
                value=round(batch["peak_mb"]),
                unit="MB",
                target="< 1 GB",
                passed=batch["peak_mb"] < BATCH_PEAK_LIMIT_MB,
            ),
            figure(
                "framelens batch never reads its own output",
                "yes" if batch["same_twice"] else "no",
                target="yes",
                passed=batch["same_twice"],
            ),
            figure(
                f"compare() on {compared['megabytes']:.1f} MB of long and quote-dense articles: "
                "CPU time",
                f"{compared['seconds']:.1f} s",
                value=round(compared["seconds"], 1),
                unit="s",
                target=f"< {COMPARE_TIME_LIMIT_S:.0f} s",
                passed=compared["seconds"] < COMPARE_TIME_LIMIT_S,
            ),
            figure(
                "compare of long and quote-dense articles: peak memory",
                f"{compared['peak_mb']:.0f} MB",
                value=round(compared["peak_mb"]),
                unit="MB",
                target="< 1 GB",
                passed=compared["peak_mb"] < COMPARE_PEAK_LIMIT_MB,
            ),
            figure(
                "every input ends as an article or a reason",
                f"{result['articles'] + result['failures']} of {inputs}",
                target=str(inputs),
                passed=result["articles"] + result["failures"] == inputs,
            ),
        ],
    )
    return 0 if ok else 1


#: The parts that run in a fresh process of their own, by command-line flag.
CHILDREN = {"--child": _child, "--batch-child": _batch_child, "--compare-child": _compare_child}

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in CHILDREN:
        sys.path.insert(0, str(REPO))
        CHILDREN[sys.argv[1]](sys.argv[2])
        sys.exit(0)
    sys.exit(main())
