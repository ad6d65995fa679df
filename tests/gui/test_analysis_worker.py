"""The analysis worker: progress, finished, cancel, failures, all through signals."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from analysis.session import Source
from gui.workers.analysis_worker import AnalysisResult, AnalysisWorker
from tests.gui.core_fakes import fake_analyze


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_progress_and_finished(qtbot: QtBot, tmp_path: Path) -> None:
    paths = [
        write(tmp_path, f"a{i}.txt", f"outlet: Daily {i}\n\nStory number {i} is told.")
        for i in range(3)
    ]
    sources = [Source.file(p) for p in paths] + [
        Source(kind="text", key="<pasted 1>", text="Pasted words here.", outlet="Mine")
    ]
    worker = AnalysisWorker(sources, analyze=fake_analyze())
    progress: list[tuple[int, int, str]] = []
    worker.signals.progress.connect(lambda d, t, p: progress.append((d, t, p)))
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as blocker:
        worker.start()
    result = blocker.args[0]
    assert isinstance(result, AnalysisResult)
    assert sorted(a.article.path for a in result.corpus.articles) == sorted(paths + ["<pasted 1>"])
    assert {s.key for s in result.sources} == set(paths) | {"<pasted 1>"}
    assert ("Analysing" in {p for _, _, p in progress}) and progress[-1][0] == progress[-1][1] == 4


def test_bad_files_are_reported_and_good_ones_kept(qtbot: QtBot, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "A perfectly ordinary story about a bridge.")
    empty = write(tmp_path, "empty.txt", "")
    worker = AnalysisWorker(
        [Source.file(good), Source.file(empty), Source.file(str(tmp_path / "gone.txt"))],
        analyze=fake_analyze(),
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as blocker:
        worker.start()
    corpus = blocker.args[0].corpus
    assert [a.article.path for a in corpus.articles] == [good]
    assert {e.path for e in corpus.errors} == {empty, str(tmp_path / "gone.txt")}
    assert all(e.error for e in corpus.errors)


def test_cancel(qtbot: QtBot) -> None:
    gate = threading.Event()  # never set: the fake analysis waits until cancelled
    sources = [Source(kind="text", key=f"<pasted {i}>", text=f"Text {i}.") for i in range(5)]
    worker = AnalysisWorker(sources, analyze=fake_analyze(gate))
    # A slot that stays connected for the whole test: the worker emits progress
    # several times, and a queued emission must never reach a slot that a
    # finished waitSignal has already disconnected and freed (PySide6 crashes then).
    progress: list[int] = []
    worker.signals.progress.connect(lambda done, total, phase: progress.append(done))
    worker.start()
    qtbot.waitUntil(lambda: bool(progress), timeout=20000)
    with (
        qtbot.waitSignal(worker.signals.cancelled, timeout=20000),
        qtbot.assertNotEmitted(worker.signals.finished),
    ):
        worker.cancel()
    assert worker.wait(5)


def test_unexpected_error_becomes_failed(qtbot: QtBot) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("engine bug")

    worker = AnalysisWorker(
        [Source(kind="text", key="<pasted 1>", text="Hello there.")], analyze=broken
    )
    with qtbot.waitSignal(worker.signals.failed, timeout=20000) as blocker:
        worker.start()
    assert "engine bug" in blocker.args[0]


def test_skipped_files_join_the_corpus_by_name(qtbot: QtBot, tmp_path: Path) -> None:
    from analysis.model import Corpus

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor spoke. Repairs start in May.\n", encoding="utf-8")
    (folder / "notes.xyz").write_text("x", encoding="utf-8")

    def analyze(inputs: object, **_: object) -> Corpus:
        return Corpus(corrections=(), removed_by_reader=2)

    worker = AnalysisWorker([Source.file(str(folder))], analyze=analyze)
    with qtbot.waitSignal(worker.signals.finished, timeout=60_000) as done:
        worker.start()
    corpus = done.args[0].corpus
    assert [f.path for f in corpus.skipped] == [str(folder / "notes.xyz")]
    assert corpus.corrections == () and corpus.removed_by_reader == 2
