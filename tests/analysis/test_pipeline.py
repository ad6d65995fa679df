"""analysis.pipeline.analyze: paths and articles, input order, errors, workers, cancel."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
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


@pytest.mark.parametrize("headline", ["", "Council slams the terrible plan"])
def test_a_packed_result_unpacks_to_equal_values_of_the_same_types(headline: str) -> None:
    # What a worker sends back and the caller rebuilds (the headline too: it
    # was once dropped, so a parallel run lost what a serial one kept).
    text = 'He "slammed" the very bad plan. It is not good at all!'
    article = Article(text=f"{headline}\n\n{text}" if headline else text, path="a.txt")
    if headline:
        article = replace(article, headline=(0, len(headline)))
    result = analyze_article(article)
    assert result.highlights and result.assessments
    assert (result.headline is not None) == bool(headline)
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
def test_two_worker_processes_give_the_same_corpus_in_order() -> None:
    # Long enough articles that the chunks take a while in the workers.
    articles = [
        Article(text=" ".join([STORIES[k % 4]] * 40), path=f"long{k}.txt", outlet=f"O{k % 3}")
        for k in range(MIN_PARALLEL * 2)
    ]
    seen: list[tuple[int, int]] = []
    parallel = analyze(articles, workers=2, progress=lambda d, t: seen.append((d, t)))
    serial = analyze(articles, workers=1)
    assert parallel == serial
    assert [a.article.path for a in parallel.articles] == [a.path for a in articles]
    assert seen[0] == (0, len(articles)) and seen[-1] == (len(articles), len(articles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


COMMAND_LINE_RUN = """
import multiprocessing, os
from analysis import pipeline
from analysis.errors import CancelledError
from analysis.model import Article

STORIES = {stories!r}
articles = [
    Article(text=" ".join([STORIES[k % 4]] * 40), path=f"long{{k}}.txt", outlet=f"O{{k % 3}}")
    for k in range({count})
]
seen = []
parallel = pipeline.analyze(articles, workers=2, progress=lambda d, t: seen.append(d))
serial = pipeline.analyze(articles, workers=1)
assert parallel == serial
assert [a.article.path for a in parallel.articles] == [a.path for a in articles]
assert seen[0] == 0 and seen[-1] == len(articles) and seen == sorted(seen), seen

# A worker that dies in the middle of a chunk: the caller analyses what is missing.
def die(chunk):
    os._exit(3)
pipeline._analyze_chunk = die
assert pipeline.analyze(articles, workers=2) == serial

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
def test_command_line_process_gets_the_same_corpus_and_loses_no_article() -> None:
    # A clean interpreter, as `framelens analyze` runs: the corpus equals the
    # serial one, a worker that dies costs no article, and cancelling leaves
    # no process behind.
    script = COMMAND_LINE_RUN.format(stories=STORIES, count=MIN_PARALLEL * 2)
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
def test_cancel_stops_the_pool() -> None:
    import multiprocessing

    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        analyze(_articles(MIN_PARALLEL * 8), workers=2, cancel=cancel)
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


@pytest.mark.slow
def test_files_loaded_in_the_workers_give_what_loading_here_gives(tmp_path: Path) -> None:
    # Each worker reads the files it analyses; the caller still turns away
    # duplicates (within a run of paths), reports bad files in order and keeps
    # the order of the inputs.
    from analysis.jsonout import article_json_text
    from analysis.pipeline import analyze_rendered

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(MIN_PARALLEL + 4):
        body = " ".join([STORIES[k % 4]] * 5)
        text = f"outlet: O{k % 3}\n\nStory {k}\n\n{body}\n"
        (folder / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "050-copy.txt").write_text((folder / "005.txt").read_text(), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    pasted = Article(text=STORIES[3], path="<pasted>", outlet="Pasted")
    inputs = [folder, pasted, folder / "005.txt", tmp_path / "missing.txt"]
    serial = analyze(inputs, workers=1)
    parallel, texts = analyze_rendered(inputs, article_json_text, workers=2)
    assert parallel == serial
    assert texts == [article_json_text(a) for a in serial.articles]
    errors = [(Path(e.path).name, e.error.split(" ")[0]) for e in serial.errors]
    assert errors == [("050-copy.txt", "duplicate"), ("empty.txt", "it"), ("missing.txt", "the")]
    assert [Path(s.path).name for s in serial.skipped] == ["notes.xyz"]
    # After the pasted article, 005.txt starts a new run of paths: not a duplicate.
    assert [Path(a.article.path).name for a in serial.articles][-2:] == ["<pasted>", "005.txt"]
