"""Analysis throughput: FrameLens's pipeline against a plain TextBlob loop, same run.

Usage::

    .venv/bin/python benchmarks/throughput.py [--data DIR] [--repeat N] [--json]

The corpus is real news text from ../shared/data (never copied into the
project): every BASIL article (title, then its paragraphs), plus articles
made of BABE sentences, grouped by outlet and topic, twelve to an article, so
that there are at least 300 articles.

What is timed, each in a fresh Python process so that no cache is shared
between the measurements (imports excluded, on both sides, including the
modules the analysis imports on first use; everything else included):

* ``analysis``: ``analysis.pipeline.analyze(articles, workers=N)`` for one
  and for two processes (two is all the cores of the target machine; the
  analysis path of ``framelens analyze``): sentences, TextBlob-equal
  sentiment, lexicon matching, highlights and bias, including loading every
  model (the lexicons, nupunkt) and starting the worker process;
* ``sentiment``: the TextBlob-equal step alone
  (:func:`analysis.sentiment.analyze_sentence` over the same sentences, with
  the assessments placed in the text), in one process;
* ``textblob``: a plain loop of ``TextBlob(sentence).sentiment_assessments``
  over exactly the sentences the pipeline found;
* ``startup``: starting one spawned worker with its initializer (imports,
  lexicons, nupunkt) until it answers: what the app's analysis pays (a
  process with Qt threads must not fork);
* ``models``: loading the models (loaded-term index, TextBlob's sentiment
  lexicon, nupunkt) in a fresh process, with the model cache of
  :mod:`analysis.modelcache` emptied first (a first run after installing)
  and as that run left it (every later run, and every other measurement
  here: the children share a model cache of their own, never the user's);
* ``stages``: the CPU time of each step of one process, models loaded;
* ``machine``: a pure-Python busy loop in one and in two processes, to show
  how much parallelism the (possibly shared) machine offered during the run
  (with the load average before and after).

"1 process" is ``analyze(..., workers=1)``: everything in the calling
process, no pool.  "2 processes" is ``analyze(..., workers=2)``, what
``framelens analyze`` does on this machine: the caller loads the models and
forks two workers of :mod:`analysis.parallel` (nothing is kept running
between runs), which analyse the chunks.  Both are timed the same way, from
the call until the corpus is returned.  The two are timed on the corpus once
(about two seconds of work, of which loading the models cannot be shared)
and on the corpus three times over in one call (the sustained rate a researcher's large
corpus sees; every analysis must give the same numbers as the first).

The numbers are then checked to be identical: for every sentence, the
pipeline's polarity and subjectivity must ``==`` TextBlob's, and its
assessments (words, polarity, subjectivity) must equal TextBlob's. The script
prints a table with words per second and the ratios, and exits 1 if the
numbers differ.

The machine may be shared: run it when it is quiet, and use ``--repeat`` to
take the best of several runs of each measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _result import emit, figure

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared")) / "data"
BABE_GROUP = 12
#: The sustained measurement analyses the corpus this many times in one call.
SUSTAINED = 3

# Run in a child process: time one measurement, write the result to a pickle.
CHILD = r"""
import pickle, resource, sys, time
sys.path.insert(0, sys.argv[3])

def cpu():
    # This process and its finished children (the worker pool is joined).
    return sum(
        r.ru_utime + r.ru_stime
        for r in (resource.getrusage(resource.RUSAGE_SELF),
                  resource.getrusage(resource.RUSAGE_CHILDREN))
    )

mode, path = sys.argv[1], sys.argv[2]
with open(path, "rb") as f:
    payload = pickle.load(f)
if mode == "burn1" or mode == "burn2":
    import multiprocessing
    def burn(n):
        x = 0
        for i in range(n):
            x += i * i
        return x
    n = payload
    if mode == "burn1":
        cpu0 = cpu()
        start = time.perf_counter()
        burn(n)
        elapsed = time.perf_counter() - start
        cpu_used = cpu() - cpu0
    else:
        with multiprocessing.get_context("fork").Pool(2) as pool:
            pool.map(burn, [1, 1])
            cpu0 = cpu()
            start = time.perf_counter()
            pool.map(burn, [n // 2, n // 2])
            elapsed = time.perf_counter() - start
            cpu_used = cpu() - cpu0
    results = None
elif mode in ("models", "models_cold"):
    # Loading the models in a fresh process, with the model cache (built on a
    # first run, see analysis/modelcache.py) emptied first or as the last run left it.
    import os, shutil
    if mode == "models_cold":
        shutil.rmtree(os.environ["FRAMELENS_CACHE_DIR"], ignore_errors=True)
    # Imports only: also those the analysis makes on first use, as TextBlob's is left out.
    import analysis.lexicon, analysis.score, analysis.segment, analysis.sentiment
    import analysis.modelcache, nupunkt, multiprocessing.connection, concurrent.futures
    from analysis.pipeline import _init_worker
    cpu0 = cpu()
    start = time.perf_counter()
    _init_worker(None)
    elapsed = time.perf_counter() - start
    cpu_used = cpu() - cpu0
    results = None
elif mode == "startup":
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    import os
    from analysis.pipeline import _init_worker
    cpu0 = cpu()
    start = time.perf_counter()
    with ProcessPoolExecutor(
        1, mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker, initargs=(None,),
    ) as pool:
        pool.submit(os.getpid).result()
        elapsed = time.perf_counter() - start
        cpu_used = cpu() - cpu0
    results = None
elif mode == "stages":
    # Where the time of one process goes (models loaded first, not timed).
    import bisect
    from analysis.bias import sentence_evidence
    from analysis.lexicon import default_lexicon
    from analysis.score import analyze_article
    from analysis.segment import sentence_spans
    from analysis.sentiment import analyze_sentence
    articles = payload
    lexicon = default_lexicon()
    analyze_article(articles[0], lexicon=lexicon)
    cpu0 = cpu()
    start = time.perf_counter()
    marks = [time.process_time()]
    spans = [sentence_spans(a.text) for a in articles]
    marks.append(time.process_time())
    scored = [[analyze_sentence(a.text[s:e], s) for s, e in sp] for a, sp in zip(articles, spans)]
    marks.append(time.process_time())
    matches = [lexicon.match(a.text) for a in articles]
    marks.append(time.process_time())
    for a, sp, sc, ms in zip(articles, spans, scored, matches):
        starts = [m.start for m in ms]
        for (s, e), x in zip(sp, sc):
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            sentence_evidence(a.text, s, e, x.subjectivity, x.polarity, x.assessments, ms[lo:hi])
    marks.append(time.process_time())
    for a in articles:
        analyze_article(a, lexicon=lexicon)
    marks.append(time.process_time())
    elapsed = time.perf_counter() - start
    cpu_used = cpu() - cpu0
    results = [b - a for a, b in zip(marks, marks[1:])]
elif mode == "sentiment":
    from analysis.sentiment import analyze_sentence
    sentences = payload
    cpu0 = cpu()
    start = time.perf_counter()
    raw = [analyze_sentence(s) for s in sentences]
    elapsed = time.perf_counter() - start
    cpu_used = cpu() - cpu0
    results = None
elif mode == "textblob":
    from textblob import TextBlob
    sentences = payload
    cpu0 = cpu()
    start = time.perf_counter()
    raw = [TextBlob(s).sentiment_assessments for s in sentences]
    elapsed = time.perf_counter() - start
    cpu_used = cpu() - cpu0
    results = [
        (r.polarity, r.subjectivity, [(tuple(a[0]), a[1], a[2]) for a in r.assessments])
        for r in raw
    ]
else:
    from analysis.pipeline import analyze
    # Imports only: also those the analysis makes on first use, as TextBlob's is left out.
    import analysis.lexicon, analysis.score, analysis.segment, analysis.sentiment
    import analysis.modelcache, nupunkt, multiprocessing.connection, concurrent.futures
    workers = int(mode.split("x")[0])
    cpu0 = cpu()
    start = time.perf_counter()
    corpus = analyze(payload, workers=workers)
    elapsed = time.perf_counter() - start
    # A worker left to finish a chunk the caller also did: count its CPU too.
    import multiprocessing
    for child in multiprocessing.active_children():
        child.join()
    cpu_used = cpu() - cpu0
    results = [
        [(a.article.text[s.start:s.end], s.polarity, s.subjectivity,
          [(x.words, x.polarity, x.subjectivity) for x in a.assessments
           if s.start <= x.start and x.end <= s.end])
         for s in a.sentences]
        for a in corpus.articles
    ]
    results = (results, sum(a.words for a in corpus.articles))
with open(path, "wb") as f:
    pickle.dump(((elapsed, cpu_used), results), f)
"""


def build_corpus(data: Path) -> list[Any]:
    """BASIL articles plus BABE sentences grouped into articles (>= 300 in all)."""
    import csv

    sys.path.insert(0, str(REPO))
    from analysis.model import Article

    articles = []
    for path in sorted((data / "basil-dev" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in doc["body-paragraphs"])
        articles.append(
            Article(text=f"{doc['title']}\n\n{body}", path=str(path), outlet=doc["source"])
        )
    groups: dict[tuple[str, str], list[str]] = {}
    with (data / "babe-dev.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            groups.setdefault((row["outlet"], row["topic"]), []).append(row["text"].strip())
    for (outlet, topic), texts in sorted(groups.items()):
        for k in range(0, len(texts), BABE_GROUP):
            chunk = texts[k : k + BABE_GROUP]
            articles.append(
                Article(text="\n\n".join(chunk), path=f"babe:{outlet}:{topic}:{k}", outlet=outlet)
            )
    return articles


def measure(jobs: dict[str, Any], repeat: int) -> dict[str, tuple[float, float, Any]]:
    """Run each job ``repeat`` times, round-robin, each in a fresh child process.

    Round-robin, so that a burst of load from elsewhere on a shared machine
    hits every measurement alike. Returns, per job, the best wall-clock time,
    the CPU time of that run (all processes) and the last run's results.
    """
    best: dict[str, tuple[float, float, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "payload.pickle"
        # The children's own model cache, so that the user's is never touched.
        env = {**os.environ, "FRAMELENS_CACHE_DIR": str(Path(tmp) / "models")}
        for _ in range(repeat):
            for mode, payload in jobs.items():
                path.write_bytes(pickle.dumps(payload))
                subprocess.run(
                    [sys.executable, "-c", CHILD, mode, str(path), str(REPO)],
                    check=True,
                    cwd=REPO,
                    env=env,
                )
                (elapsed, cpu), results = pickle.loads(path.read_bytes())
                if mode not in best or elapsed < best[mode][0]:
                    best[mode] = (elapsed, cpu, results)
                else:
                    best[mode] = (*best[mode][:2], results)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="one run of each (--repeat 1)")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    if not (args.data / "basil-dev").is_dir():
        print(f"The BASIL data is not in {args.data}; nothing to measure.", file=sys.stderr)
        emit("throughput", [])
        return 0
    load_before = _loadavg()
    articles = build_corpus(args.data)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    # The sentences the pipeline will find (checked against its output below).
    from analysis.segment import sentence_spans

    sentences = [a.text[s:e] for a in articles for s, e in sentence_spans(a.text)]
    burn = 4_000_000
    timed = measure(
        {
            # First: the cold load builds the model cache every later job reads.
            "models_cold": None,
            "models": None,
            "textblob": sentences,
            "sentiment": sentences,
            "1": articles,
            "2": articles,
            "1x3": articles * SUSTAINED,
            "2x3": articles * SUSTAINED,
            "burn1": burn,
            "burn2": burn,
            "startup": None,
            "stages": articles,
        },
        args.repeat,
    )
    t_blob, c_blob, theirs = timed["textblob"]
    t_one, c_one, _ = timed["1"]
    t_sent, c_sent, _ = timed["sentiment"]
    t_two, c_two, (ours, words) = timed["2"]
    t_one3, c_one3, _ = timed["1x3"]
    t_two3, c_two3, (ours3, words3) = timed["2x3"]
    if ours3 != ours * SUSTAINED:
        print("The corpus analysed three times gave other numbers.", file=sys.stderr)
        return 1
    if [s[0] for article in ours for s in article] != sentences:
        print("The pipeline found other sentences than sentence_spans.", file=sys.stderr)
        return 1
    machine_scaling = timed["burn1"][0] / timed["burn2"][0]
    load_after = _loadavg()

    flat = [s for article in ours for s in article]
    mismatches = sum(
        1
        for (_, p, s, a), (tp, ts, ta) in zip(flat, theirs, strict=True)
        if (p, s) != (tp, ts) or a != ta
    )
    figures = {
        "articles": len(articles),
        "sentences": len(sentences),
        "words": words,
        "assessments": sum(len(a) for *_, a in flat),
        "cores": cores,
        "textblob_s": t_blob,
        "textblob_cpu_s": c_blob,
        "sentiment_step_s": t_sent,
        "sentiment_step_cpu_s": c_sent,
        "workers1_s": t_one,
        "workers1_cpu_s": c_one,
        "workers2_s": t_two,
        "workers2_cpu_s": c_two,
        "textblob_words_per_s": words / t_blob,
        "workers1_words_per_s": words / t_one,
        "workers2_words_per_s": words / t_two,
        "speedup_vs_textblob": t_blob / t_two,
        "speedup_vs_textblob_1_process": t_blob / t_one,
        "cpu_ratio_textblob_vs_framelens": c_blob / c_two,
        "scaling_2_vs_1": t_one / t_two,
        "sustained_workers1_s": t_one3,
        "sustained_workers2_s": t_two3,
        "sustained_scaling_2_vs_1": t_one3 / t_two3,
        "machine_scaling_2_vs_1": machine_scaling,
        "worker_startup_s": timed["startup"][0],
        "sentences_differing": mismatches,
    }

    def timing(wall: float, cpu: float) -> str:
        return f"{wall:7.3f} s wall {cpu:7.3f} s CPU {words / wall:9,.0f} words/s"

    def timing3(wall: float, cpu: float) -> str:
        return f"{wall:7.3f} s wall {cpu:7.3f} s CPU {words3 / wall:9,.0f} words/s"

    rows = [
        ("corpus", f"{len(articles)} articles, {len(sentences)} sentences, {words} words"),
        ("TextBlob loop (sentiment_assessments)", timing(t_blob, c_blob)),
        ("FrameLens sentiment step alone, 1 process", timing(t_sent, c_sent)),
        ("FrameLens analysis, 1 process", timing(t_one, c_one)),
        ("FrameLens analysis, 2 processes", timing(t_two, c_two)),
        ("speed-up vs TextBlob loop, sentiment step alone", f"{t_blob / t_sent:7.2f} x"),
        ("speed-up vs TextBlob loop, 1 process", f"{t_blob / t_one:7.2f} x"),
        ("speed-up vs TextBlob loop, 2 processes (target >= 3)", f"{t_blob / t_two:7.2f} x"),
        ("CPU time, TextBlob loop / FrameLens 2 processes", f"{c_blob / c_two:7.2f} x"),
        ("scaling 2 processes vs 1, the corpus once", f"{t_one / t_two:7.2f} x"),
        (f"FrameLens analysis, the corpus {SUSTAINED} times, 1 process", timing3(t_one3, c_one3)),
        (f"FrameLens analysis, the corpus {SUSTAINED} times, 2 processes", timing3(t_two3, c_two3)),
        (
            f"scaling 2 processes vs 1, the corpus {SUSTAINED} times (target >= 1.8)",
            f"{t_one3 / t_two3:7.2f} x",
        ),
        ("machine: busy loop, 2 processes vs 1", f"{machine_scaling:7.2f} x"),
        ("machine: load average (1 min) before / after", f"{load_before} / {load_after}"),
        ("start a spawned worker process (the app), ready", f"{timed['startup'][0]:7.3f} s"),
        (
            "load the models, model cache empty / filled",
            f"{timed['models_cold'][0]:7.3f} s / {timed['models'][0]:.3f} s",
        ),
        ("identical numbers", "yes" if mismatches == 0 else f"NO: {mismatches} sentences differ"),
    ]
    seg, sent, lex, bias, whole = timed["stages"][2]
    figures["stages_cpu_s"] = {
        "segment": seg,
        "sentiment": sent,
        "lexicon_match": lex,
        "bias_and_highlights": bias,
        "analyze_article_total": whole,
    }
    rows += [
        ("CPU per stage, 1 process, models loaded:", ""),
        ("  sentences (segment.sentence_spans)", f"{seg:7.3f} s"),
        ("  TextBlob-equal sentiment (sentiment)", f"{sent:7.3f} s"),
        ("  loaded terms (Lexicon.match)", f"{lex:7.3f} s"),
        ("  highlights and bias (bias.sentence_evidence)", f"{bias:7.3f} s"),
        ("  all of score.analyze_article", f"{whole:7.3f} s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  result")
    print("-" * (width + 56))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    if args.json:
        print(json.dumps(figures, indent=1))
    identical = mismatches == 0
    vs_blob = t_blob / t_two
    scaling = t_one3 / t_two3
    emit(
        "throughput",
        [
            figure(
                "analysis vs plain TextBlob loop",
                f"{vs_blob:.2f}x ({words / t_two:,.0f} vs {words / t_blob:,.0f} words/s, "
                f"2 processes; 1 process {t_blob / t_one:.2f}x)",
                value=round(vs_blob, 2),
                unit="x",
                target=">= 3x, identical numbers",
                passed=identical and vs_blob >= 3.0,
            ),
            figure(
                "2 processes vs 1",
                f"{scaling:.2f}x on {len(articles) * SUSTAINED} articles ({t_one3:.3f} s vs "
                f"{t_two3:.3f} s); {t_one / t_two:.2f}x on {len(articles)} "
                f"({t_one:.3f} s vs {t_two:.3f} s); "
                f"machine busy loop {machine_scaling:.2f}x, load {load_before}/{load_after}",
                value=round(scaling, 2),
                unit="x",
                target=">= 1.8x",
                passed=scaling >= 1.8,
            ),
            figure(
                "identical numbers to TextBlob",
                "yes, every sentence and assessment"
                if identical
                else f"NO: {mismatches} of {len(sentences)} sentences differ",
                target="identical",
                passed=identical,
            ),
            figure(
                "machine quietness: busy loop 2 processes vs 1",
                f"{machine_scaling:.2f}x (2.0 = two idle cores)",
                value=round(machine_scaling, 2),
                unit="x",
            ),
            figure(
                "start a spawned worker process",
                f"{timed['startup'][0]:.3f} s",
                value=round(timed["startup"][0], 3),
                unit="s",
            ),
            figure(
                "load the models (model cache filled; empty)",
                f"{timed['models'][0]:.3f} s ({timed['models_cold'][0]:.3f} s on a first run)",
                value=round(timed["models"][0], 3),
                unit="s",
            ),
        ],
    )
    return 0 if identical else 1


def _loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text(encoding="ascii").split()[0]
    except OSError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
