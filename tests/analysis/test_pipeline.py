"""analysis.pipeline.analyze: paths and articles, input order, errors, workers, cancel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis import pipeline
from analysis.errors import CancelledError
from analysis.model import Article
from analysis.pipeline import MIN_PARALLEL, analyze
from analysis.score import analyze_article

STORIES = [
    "The ferry was late again on Monday. Passengers were furious and said it was a disgrace.",
    "Officials claimed the new timetable works well. Critics insisted it is a total failure.",
    "The harbour board met on Tuesday. It approved a modest budget for repairs.",
    "A so-called expert said the plan was brilliant! Nobody else agreed with him.",
]


def _articles(n: int) -> list[Article]:
    return [
        Article(
            text=f"Story {k}\n\n{STORIES[k % len(STORIES)]}", path=f"a{k}.txt", outlet=f"O{k % 3}"
        )
        for k in range(n)
    ]


def test_paths_and_articles_keep_input_order_and_failures_are_reported(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("outlet: Harbour Times\n\n" + STORIES[0], encoding="utf-8")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "b.txt").write_text(STORIES[2], encoding="utf-8")
    (folder / "a.txt").write_text(STORIES[1], encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    pasted = Article(text=STORIES[3], path="<pasted>", outlet="Pasted")
    corpus = analyze([first, pasted, folder, empty, tmp_path / "missing.txt"], workers=1)
    paths = [
        Path(a.article.path).name if a.article.path != "<pasted>" else "<pasted>"
        for a in corpus.articles
    ]
    assert paths == ["first.txt", "<pasted>", "a.txt", "b.txt"]
    assert corpus.articles[0].outlet == "Harbour Times"
    assert corpus.articles[1].article is pasted
    failed = sorted(Path(e.path).name for e in corpus.errors)
    assert failed == ["empty.txt", "missing.txt"]
    assert all(e.error for e in corpus.errors)
    assert corpus.lexicons and corpus.lexicons[0]


def test_results_equal_analyze_article() -> None:
    articles = _articles(3)
    corpus = analyze(articles, workers=1)
    assert list(corpus.articles) == [analyze_article(a) for a in articles]


def test_a_packed_result_unpacks_to_equal_values_of_the_same_types() -> None:
    # What a worker sends back and the caller rebuilds.
    article = Article(text='He "slammed" the very bad plan. It is not good at all!', path="a.txt")
    result = analyze_article(article)
    assert result.highlights and result.assessments
    rebuilt = pipeline._unpack(article, pipeline._pack(result))
    assert rebuilt == result
    for ours, theirs in [
        (rebuilt.sentences, result.sentences),
        (rebuilt.assessments, result.assessments),
        (rebuilt.highlights, result.highlights),
    ]:
        assert [type(x) for x in ours] == [type(x) for x in theirs]
    assert rebuilt.highlights[0].reason == result.highlights[0].reason


@pytest.mark.slow
@pytest.mark.parametrize("in_caller", [True, False])
def test_two_worker_processes_give_the_same_corpus_in_order(
    in_caller: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis import pipeline

    # This test process may have loaded Qt (the GUI tests): spawn, as the app
    # does. The forked pool is tested in a clean interpreter below.
    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)

    # Long enough articles that the worker process is up before the caller is done.
    articles = [
        Article(text=" ".join([STORIES[k % 4]] * 40), path=f"long{k}.txt", outlet=f"O{k % 3}")
        for k in range(MIN_PARALLEL * 2)
    ]
    sent_to_pool: list[int] = []
    submit = pipeline._PoolRun._submit

    def spy(self: pipeline._PoolRun, executor: object, limit: int) -> None:
        before = self.next
        submit(self, executor, limit)
        sent_to_pool.extend(range(before, self.next))

    monkeypatch.setattr(pipeline._PoolRun, "_submit", spy)
    seen: list[tuple[int, int]] = []
    parallel = analyze(
        articles, workers=2, in_caller=in_caller, progress=lambda d, t: seen.append((d, t))
    )
    serial = analyze(articles, workers=1)
    assert sent_to_pool, "no chunk went to the worker process"
    assert parallel == serial
    assert [a.article.path for a in parallel.articles] == [a.path for a in articles]
    assert seen[0] == (0, len(articles)) and seen[-1] == (len(articles), len(articles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


FORKED_RUN = """
import multiprocessing, os, sys
from analysis import pipeline
from analysis.errors import CancelledError
from analysis.model import Article

STORIES = {stories!r}
assert pipeline._can_fork(), "a plain interpreter on Linux should fork"
runs = []
run = pipeline._ForkRun.run
def spy(self):
    result = run(self)
    runs.append(self.sent)
    return result
pipeline._ForkRun.run = spy
articles = [
    Article(text=" ".join([STORIES[k % 4]] * 40), path=f"long{{k}}.txt", outlet=f"O{{k % 3}}")
    for k in range({count})
]
seen = []
import gc
swept = []  # the caller's passes of the collector while it is paused
gc.callbacks.append(lambda phase, info: phase == "stop" and not gc.isenabled() and swept.append(1))
parallel = pipeline.analyze(articles, workers=2, progress=lambda d, t: seen.append(d))
gc.callbacks.clear()
assert swept, "the caller did not sweep the new results as they came"
serial = pipeline.analyze(articles, workers=1)
assert len(runs) == 1 and runs[0] > 0, f"no chunk came from the forked worker: {{runs}}"
assert parallel == serial
assert [a.article.path for a in parallel.articles] == [a.path for a in articles]
assert seen[0] == 0 and seen[-1] == len(articles) and seen == sorted(seen), seen
assert gc.get_freeze_count() == 0, "the objects frozen for the fork were not unfrozen"

# A worker that dies with a chunk taken: the caller analyses that chunk too.
pipeline._analyze_chunk = lambda chunk: os._exit(3)
assert pipeline.analyze(articles, workers=2) == serial
assert runs[1] == 0

# Cancelling stops the workers and leaves no process behind.
calls = []
try:
    pipeline.analyze(articles, workers=2, cancel=lambda: calls.append(1) or len(calls) > 3)
except CancelledError:
    pass
else:
    raise AssertionError("not cancelled")
assert multiprocessing.active_children() == []
print("ok")
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_command_line_process_forks_its_workers_and_gets_the_same_corpus() -> None:
    # A clean interpreter with no other thread, as `framelens analyze` runs:
    # the corpus equals the serial one, a worker that dies costs no article,
    # and cancelling leaves no process behind.
    script = FORKED_RUN.format(stories=STORIES, count=MIN_PARALLEL * 2)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_no_fork_from_a_thread_or_beside_one_or_with_qt_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from analysis import pipeline

    monkeypatch.delitem(sys.modules, "PySide6", raising=False)
    for name in [n for n in sys.modules if n.startswith("PySide6.")]:
        monkeypatch.delitem(sys.modules, name)
    # Whatever else this test process runs (pytest plugins may start threads),
    # from another thread it must never fork.
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(pipeline._can_fork()))
    thread.start()
    thread.join()
    assert seen == [False]
    # Beside a live thread, not even from the main thread.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not pipeline._can_fork()
    finally:
        stop.set()
        other.join()
    # With Qt loaded (it runs threads Python does not count), never.
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", sys)
    assert not pipeline._can_fork()


def test_progress_is_reported_in_process() -> None:
    seen: list[tuple[int, int]] = []
    analyze(_articles(3), workers=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancel_in_process_raises() -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(CancelledError):
        analyze(_articles(5), workers=1, cancel=cancel)


@pytest.mark.slow
@pytest.mark.parametrize("in_caller", [True, False])
def test_cancel_stops_the_pool(in_caller: bool) -> None:
    import multiprocessing

    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        analyze(_articles(MIN_PARALLEL * 8), workers=2, in_caller=in_caller, cancel=cancel)
    assert multiprocessing.active_children() == []


def test_analysis_from_another_thread_gives_the_same_corpus() -> None:
    import threading

    articles = _articles(MIN_PARALLEL * 2)
    box: list[object] = []

    def work() -> None:
        try:
            box.append(analyze(articles, workers=2))
        except Exception as error:  # noqa: BLE001 - handed to the test thread
            box.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=120)
    assert len(box) == 1
    if isinstance(box[0], Exception):
        raise box[0]
    assert box[0] == analyze(articles, workers=1)


def test_nothing_to_analyse_gives_an_empty_corpus() -> None:
    corpus = analyze([], workers=2)
    assert corpus.articles == () and corpus.errors == ()


def test_an_article_that_breaks_the_analysis_becomes_an_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from analysis import score

    real = score.analyze_article

    def fragile(article: Article, **kwargs: object) -> object:
        if article.path == "a1.txt":
            raise ValueError("unforeseen text")
        return real(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(score, "analyze_article", fragile)
    corpus = analyze(_articles(3), workers=1)
    assert [a.article.path for a in corpus.articles] == ["a0.txt", "a2.txt"]
    (error,) = corpus.errors
    assert error.path == "a1.txt" and "unforeseen text" in error.error
    assert "a1.txt" in caplog.text


def test_forked_chunks_cover_every_article_in_order_and_shrink_at_the_end() -> None:
    from analysis import pipeline

    articles = _articles(301)
    chunks = pipeline._guided_chunks(articles, workers=2)
    assert [a for chunk in chunks for a in chunk] == articles
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) <= pipeline.MAX_CHUNK
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] == 1


def test_the_analysis_makes_no_reference_cycles_so_the_collector_can_pause() -> None:
    # analyze_articles pauses the cycle collector while it runs: that is only
    # safe while the analysis leaves nothing for it to collect.
    import gc

    from analysis.resources import resource_path

    samples = sorted(resource_path("samples").glob("*.txt"))
    assert samples, "the bundled sample articles are missing"
    articles = [Article(text=p.read_text(encoding="utf-8"), path=str(p)) for p in samples]
    articles += _articles(12)
    analyze(articles[:1], workers=1)  # models loaded: their set-up is not the analysis
    gc.collect()
    gc.disable()
    try:
        corpus = analyze(articles, workers=1)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert len(corpus.articles) == len(articles)
    assert gc.isenabled()


def test_a_parallel_run_sweeps_the_new_results_as_they_come(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With the collector paused, its pass over the new results would run all
    # at once after the last chunk, when the other processes have no work
    # left: a parallel run sweeps them chunk by chunk instead. One process
    # keeps the single pass (fewer instructions in all).
    import gc

    swept: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and not gc.isenabled():
            swept.append(info["generation"])

    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)  # FORKED_RUN checks the fork
    articles = _articles(MIN_PARALLEL)
    gc.callbacks.append(note)
    try:
        parallel = analyze(articles, workers=2)
        sweeps = list(swept)
        swept.clear()
        serial = analyze(articles, workers=1)
    finally:
        gc.callbacks.remove(note)
    assert parallel == serial
    assert len(sweeps) >= 2 and set(sweeps) == {0}  # the youngest generation, per chunk
    assert swept == []
    assert gc.isenabled()


def test_the_collector_is_enabled_again_after_an_analysis_even_a_cancelled_one() -> None:
    import gc

    assert gc.isenabled()
    during: list[bool] = []
    analyze(_articles(3), workers=1, progress=lambda done, total: during.append(gc.isenabled()))
    assert during and not any(during)  # paused while the main thread analyses
    assert gc.isenabled()
    with pytest.raises(CancelledError):
        analyze(_articles(3), workers=1, cancel=lambda: True)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(_articles(3), workers=1)
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_an_analysis_in_another_thread_leaves_the_collector_running() -> None:
    # The app analyses in a worker thread while its window goes on.
    import gc
    import threading

    seen: list[bool] = []

    def analyse() -> None:
        analyze(_articles(2), workers=1, progress=lambda done, total: seen.append(gc.isenabled()))

    thread = threading.Thread(target=analyse)
    thread.start()
    thread.join()
    assert seen and all(seen)
