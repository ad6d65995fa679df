"""Tests for analysis/batchrun/ and the ``framelens batch`` command (local engine)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from analysis import batchrun as batch
from analysis.batchrun import BatchProgress, journal, run_batch, sources
from analysis.errors import CancelledError, FrameLensError

# Our own fictional sentences (never text from ../shared).
_SENTENCES = (
    "The council approved the new bridge budget on Tuesday.",
    "Critics slammed the outrageous plan as a reckless giveaway.",
    "The mayor allegedly ignored the warnings of the engineers.",
    "Officials said the work would start in the spring.",
    "It is a truly wonderful day for the brave residents of the valley.",
    "The so-called reform regime failed to deliver any of its promises.",
    "Traffic will move to the old ferry route for six weeks.",
    "Residents claimed the terrible noise kept them awake.",
)


def _text(i: int) -> str:
    count = 2 + i % 5
    return " ".join(_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(count))


def _records(n: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for i in range(n):
        record: dict[str, Any] = {"id": f"story-{i}", "text": _text(i), "title": f"Story {i}"}
        if i % 3 == 0:
            record["outlet"] = "The Valley Gazette"
        else:
            record["url"] = f"https://www.bbc.co.uk/news/story-{i}"
        records.append(record)
    return records


def _write_jsonl(
    path: Path, records: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()
) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "corpus.jsonl", _records(24))


def _rows(path: Path) -> list[dict[str, Any]]:
    import pandas as pd

    frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)
    return list(frame.to_dict(orient="records"))


def _cancel_after(
    chunks: int, chunk_size: int
) -> tuple[Callable[[BatchProgress], None], Callable[[], bool]]:
    """A progress/cancel pair that asks to stop once ``chunks`` chunks are recorded."""
    seen = {"done": 0}

    def progress(state: BatchProgress) -> None:
        seen["done"] = state.done

    def cancel() -> bool:
        return seen["done"] >= chunks * chunk_size

    return progress, cancel


# --------------------------------------------------------------------------- rows


def test_article_rows_match_direct_analysis(corpus: Path, tmp_path: Path) -> None:
    from analysis.load import load_text
    from analysis.score import analyze_article

    out = tmp_path / "scores.parquet"
    summary = run_batch([corpus], out, workers=1, chunk_size=5)

    rows = _rows(out)
    records = _records(24)
    assert [r["id"] for r in rows] == [rec["id"] for rec in records]
    assert summary.articles == summary.rows == summary.items == 24
    assert summary.failures == 0 and summary.failures_file == ""
    for row, record in zip(rows, records, strict=True):
        expected = analyze_article(
            load_text(record["text"], path=record["id"], outlet=record.get("outlet"),
                      title=record["title"], url=record.get("url", ""))
        )  # fmt: skip
        assert row["words"] == expected.words
        assert row["sentences"] == len(expected.sentences)
        assert row["subjectivity"] == pytest.approx(expected.subjectivity)
        assert row["polarity"] == pytest.approx(expected.polarity)
        assert row["loaded_per_1000"] == pytest.approx(expected.loaded_per_1000)
        assert row["outlet"] == expected.article.outlet
        assert row["source"] == str(corpus)
        assert row["title"] == record["title"]
        rates = sum(row[f"loaded_per_1000_{c}"] for c in batch.category_ids())
        assert rates == pytest.approx(row["loaded_per_1000"])
        assert row["bias"] == pytest.approx(
            sum(s.bias for s in expected.sentences) / len(expected.sentences)
        )
    assert summary.words == sum(r["words"] for r in rows)
    # A given outlet is the user's; a missing one is detected from the URL.
    assert rows[0]["outlet"] == "The Valley Gazette" and rows[0]["outlet_source"] == "user"
    assert rows[1]["outlet_source"] == "domain"
    # Nothing is left behind but the output.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "scores.parquet"]


def test_sentence_rows(corpus: Path, tmp_path: Path) -> None:
    from analysis.load import load_text
    from analysis.score import analyze_article

    out = tmp_path / "sentences.parquet"
    summary = run_batch([corpus], out, per="sentence", workers=1, chunk_size=10)

    rows = _rows(out)
    first = _records(24)[0]
    expected = analyze_article(load_text(first["text"], path=first["id"], outlet=first["outlet"]))
    mine = [r for r in rows if r["id"] == first["id"]]
    assert [r["sentence"] for r in mine] == list(range(len(expected.sentences)))
    for row, sentence in zip(mine, expected.sentences, strict=True):
        assert row["text"] == expected.article.text[sentence.start : sentence.end]
        assert row["subjectivity"] == pytest.approx(sentence.subjectivity)
        assert row["bias"] == pytest.approx(sentence.bias)
    loaded = sum(1 for h in expected.highlights if h.kind == "loaded")
    assert sum(r["loaded"] for r in mine) == loaded
    assert summary.rows == len(rows) and summary.articles == 24


def test_csv_input_and_csv_output(tmp_path: Path) -> None:
    source = tmp_path / "corpus.csv"
    records = _records(7)
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "title", "outlet", "url", "text"])
        writer.writeheader()
        for record in records:
            writer.writerow(record)
    out = tmp_path / "scores.csv"
    summary = run_batch([source], out, workers=1, chunk_size=3)

    rows = _rows(out)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["row"] for r in rows] == list(range(1, 8))
    assert summary.rows == 7
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.replace('"', "").split(",") == list(batch.article_columns())


def test_gzip_jsonl_and_text_column(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for record in _records(4):
            handle.write(json.dumps({"body": record["text"]}) + "\n")
    out = tmp_path / "scores.parquet"
    run_batch([source], out, workers=1, text_column="body")
    rows = _rows(out)
    # Without an id column, a row is named by its file and line.
    assert [r["id"] for r in rows] == [f"{source}:{n}" for n in range(1, 5)]


def test_folder_input_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "b").mkdir(parents=True)
    (folder / "a.txt").write_text("outlet: The Valley Gazette\n\n" + _text(1), encoding="utf-8")
    (folder / "b" / "c.md").write_text(_text(2), encoding="utf-8")
    (folder / "b" / "d.txt").write_text(_text(3), encoding="utf-8")
    (folder / ".hidden.txt").write_text(_text(4), encoding="utf-8")
    (folder / "notes.xyz").write_text(_text(5), encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([folder], out, workers=1, chunk_size=2)

    rows = _rows(out)
    expected = [folder / "a.txt", folder / "b" / "c.md", folder / "b" / "d.txt"]
    assert [r["id"] for r in rows] == [str(p) for p in expected]
    assert rows[0]["outlet"] == "The Valley Gazette"
    assert all(r["row"] is None or r["row"] != r["row"] for r in rows)  # None or NaN: no row
    assert summary.failures == 0


def test_folder_of_corpus_shards(tmp_path: Path) -> None:
    folder = tmp_path / "shards"
    folder.mkdir()
    records = _records(6)
    _write_jsonl(folder / "part-1.jsonl", records[:4])
    with gzip.open(folder / "part-2.jsonl.gz", "wt", encoding="utf-8") as handle:
        for record in records[4:]:
            handle.write(json.dumps(record) + "\n")
    (folder / "readme.xyz").write_text("not an article", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([folder], out, workers=1, chunk_size=4)
    rows = _rows(out)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["row"] for r in rows] == [1, 2, 3, 4, 1, 2]
    assert summary.items == 6


def test_failures_are_listed_and_skipped(tmp_path: Path) -> None:
    source = _write_jsonl(
        tmp_path / "corpus.jsonl",
        _records(3),
        extra_lines=("{not json", json.dumps({"id": "blank", "text": "   "}), "[1, 2]"),
    )
    out = tmp_path / "scores.parquet"
    summary = run_batch([source], out, workers=1, chunk_size=2)

    assert [r["id"] for r in _rows(out)] == ["story-0", "story-1", "story-2"]
    assert summary.failures == 3 and summary.items == 6
    with open(summary.failures_file, encoding="utf-8", newline="") as handle:
        failures = list(csv.DictReader(handle))
    assert [f["path"] for f in failures] == [f"{source}:{n}" for n in (4, 5, 6)]
    assert "not valid JSON" in failures[0]["error"]
    assert "no text" in failures[1]["error"]
    assert [f.path for f in summary.first_failures] == [f["path"] for f in failures]


def test_two_processes_give_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    one = run_batch([corpus], tmp_path / "one.parquet", workers=1, chunk_size=4)
    two = run_batch([corpus], tmp_path / "two.parquet", workers=2, chunk_size=4)
    assert _rows(tmp_path / "one.parquet") == _rows(tmp_path / "two.parquet")
    assert (one.rows, one.words) == (two.rows, two.words)
    assert two.workers == 2


# --------------------------------------------------------------------------- resume


@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_cancel_equals_uninterrupted_run(
    corpus: Path, tmp_path: Path, workers: int
) -> None:
    reference = tmp_path / "reference.parquet"
    run_batch([corpus], reference, workers=1, chunk_size=3)

    out = tmp_path / "scores.parquet"
    progress, cancel = _cancel_after(chunks=2, chunk_size=3)
    with pytest.raises(CancelledError):
        run_batch([corpus], out, workers=workers, chunk_size=3, progress=progress, cancel=cancel)
    assert not out.exists()
    state = json.loads(batch.progress_path(out).read_text(encoding="utf-8"))
    done = sum(last - first + 1 for first, last in state["done"])
    assert 2 <= done < 8
    assert len(list(batch.parts_dir(out).glob("part-*.parquet"))) == done

    seen: list[BatchProgress] = []
    summary = run_batch([corpus], out, workers=workers, chunk_size=3, resume=True,
                        progress=seen.append)  # fmt: skip
    assert summary.resumed == 3 * done
    assert seen[0].done == 3 * done  # the bar starts where the last run stopped
    assert summary.items == summary.rows == 24
    assert _rows(out) == _rows(reference)
    assert not batch.progress_path(out).exists() and not batch.parts_dir(out).exists()


def test_crash_while_writing_a_part_loses_nothing_recorded(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    reference = tmp_path / "reference.parquet"
    run_batch([corpus], reference, workers=1, chunk_size=5)

    real_write = pq.write_table
    writes = {"n": 0}

    def failing_write(table: Any, where: Any, **kwargs: Any) -> None:
        writes["n"] += 1
        if writes["n"] == 3:
            where.write(b"half a part")  # the kill comes mid-write
            raise OSError("simulated crash")
        real_write(table, where, **kwargs)

    out = tmp_path / "scores.parquet"
    monkeypatch.setattr(pq, "write_table", failing_write)
    with pytest.raises(FrameLensError, match="simulated crash"):
        run_batch([corpus], out, workers=1, chunk_size=5)
    monkeypatch.setattr(pq, "write_table", real_write)

    state = json.loads(batch.progress_path(out).read_text(encoding="utf-8"))
    assert state["done"] == [[0, 1]]
    summary = run_batch([corpus], out, workers=1, chunk_size=5, resume=True)
    assert summary.resumed == 10
    assert _rows(out) == _rows(reference)


def test_a_recorded_part_that_vanished_is_scored_again(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.parquet"
    run_batch([corpus], reference, workers=1, chunk_size=5)
    out = tmp_path / "scores.parquet"
    progress, cancel = _cancel_after(chunks=3, chunk_size=5)
    with pytest.raises(CancelledError):
        run_batch([corpus], out, workers=1, chunk_size=5, progress=progress, cancel=cancel)
    (batch.parts_dir(out) / "part-00000001.parquet").unlink()

    summary = run_batch([corpus], out, workers=1, chunk_size=5, resume=True)
    assert summary.resumed == 10
    assert _rows(out) == _rows(reference)


def test_unfinished_run_needs_resume(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    progress, cancel = _cancel_after(chunks=1, chunk_size=5)
    with pytest.raises(CancelledError):
        run_batch([corpus], out, workers=1, chunk_size=5, progress=progress, cancel=cancel)
    with pytest.raises(FrameLensError, match="--resume"):
        run_batch([corpus], out, workers=1, chunk_size=5)
    # Other options than the interrupted run's cannot resume it.
    with pytest.raises(FrameLensError, match="differ"):
        run_batch([corpus], out, workers=1, chunk_size=4, resume=True)
    _write_jsonl(corpus, _records(25))
    with pytest.raises(FrameLensError, match="differ"):
        run_batch([corpus], out, workers=1, chunk_size=5, resume=True)


def test_resume_without_a_progress_file_starts_afresh(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    summary = run_batch([corpus], out, workers=1, chunk_size=50, resume=True)
    assert summary.resumed == 0 and summary.rows == 24


# --------------------------------------------------------------------------- streaming


def test_sources_are_read_lazily(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "corpus.jsonl", _records(30))
    opened = sources.open_sources([source], "text")
    read = {"n": 0}
    real_items = opened[0].items

    def counting_items() -> Any:
        for item in real_items():
            read["n"] += 1
            yield item

    opened[0].items = counting_items  # type: ignore[method-assign]
    chunks = sources.numbered_chunks(opened, [8], chunk_size=4, skip={1})
    assert next(chunks)[0] == 0
    assert read["n"] == 4
    ordinal, items = next(chunks)
    assert ordinal == 2 and [i.row for i in items] == [9, 10, 11, 12]  # chunk 1 skipped
    assert read["n"] == 12


def test_empty_input_gives_an_empty_table(tmp_path: Path) -> None:
    source = tmp_path / "empty.jsonl"
    source.write_text("\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([source], out, workers=1)
    assert summary.rows == 0
    import pyarrow.parquet as pq

    assert pq.read_schema(out).names == list(batch.article_columns())


# --------------------------------------------------------------------------- errors


def test_usage_errors(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(FrameLensError, match=r"\.parquet or \.csv"):
        run_batch([corpus], tmp_path / "scores.xlsx")
    with pytest.raises(FrameLensError, match="does not exist"):
        run_batch([tmp_path / "nowhere.jsonl"], tmp_path / "scores.parquet")
    table = tmp_path / "table.csv"
    table.write_text("body,outlet\nSome words.,X\n", encoding="utf-8")
    with pytest.raises(FrameLensError, match="--text-column"):
        run_batch([table], tmp_path / "scores.parquet")


def test_dask_engine_without_dask_says_what_to_install(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(FrameLensError, match=r"framelens\[dask\]"):
        run_batch([corpus], tmp_path / "scores.parquet", engine="dask")


# --------------------------------------------------------------------------- command


def _cli(*argv: str) -> tuple[int, str, str]:
    from gui.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["batch", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_command_writes_scores_and_a_progress_bar(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    code, stdout, stderr = _cli(str(corpus), "-o", str(out), "--workers", "1", "--chunk-size", "8")
    assert code == 0
    assert "Scored 24 articles" in stdout and str(out) in stdout
    assert "24/24 articles" in stderr and "100%" in stderr
    assert len(_rows(out)) == 24


def test_command_exit_codes(corpus: Path, tmp_path: Path) -> None:
    bad = _write_jsonl(tmp_path / "bad.jsonl", _records(2), extra_lines=("{oops",))
    code, _, stderr = _cli(str(bad), "-o", str(tmp_path / "s.parquet"), "--workers", "1")
    assert code == 1
    assert "1 inputs could not be scored" in stderr and "bad.jsonl:3" in stderr

    code, _, stderr = _cli(str(corpus), "-o", str(tmp_path / "s.txt"))
    assert code == 2 and ".parquet or .csv" in stderr
    code, _, stderr = _cli(
        str(corpus), "-o", str(tmp_path / "s.parquet"), "--engine", "local",
        "--scheduler", "tcp://127.0.0.1:1",
    )  # fmt: skip
    assert code == 2 and "--engine dask" in stderr
    code, _, _ = _cli(str(corpus), "-o", str(tmp_path / "s.parquet"), "--workers", "0")
    assert code == 2


def test_progress_bar_line() -> None:
    from analysis.commands.batch import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(BatchProgress(done=50, total=200, resumed=10, words=8000, elapsed=4.0))
    line = stream.getvalue()
    assert "25%" in line and "50/200 articles" in line
    assert "10.0 articles/s" in line and "2,000 words/s" in line
    assert "ETA 0:00:15" in line


def test_done_chunks_are_saved_as_ranges() -> None:
    done = journal.Done()
    for ordinal in (0, 2, 1, 5, 6, 9):
        done.add(ordinal)
    assert done.ranges() == [[0, 2], [5, 6], [9, 9]]
    assert len(done) == 6 and 5 in done and 3 not in done
    assert list(done) == [0, 1, 2, 5, 6, 9]
    assert done.prefix == 3  # what finished in order is not kept one by one


def test_progress_bar_redraws_one_line_on_a_terminal() -> None:
    from analysis.commands.batch import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar(stream)
    bar(BatchProgress(done=0, total=1000, resumed=0, words=0, elapsed=0.0))
    bar(BatchProgress(done=1000, total=1000, resumed=0, words=9000, elapsed=3.0))
    first, second = stream.getvalue().split("\r")[1:]
    assert "0/1,000 articles" in first and not first.endswith("\n")
    assert "1,000/1,000 articles" in second and second.endswith("\n")
    assert len(second.rstrip("\n")) >= len(first)  # covers the previous line


def _analyzer_failing_on_story_3(article: Any) -> Any:
    from analysis.score import analyze_article

    if article.path == "story-3":
        raise ValueError("an unexpected bug")
    return analyze_article(article)


def _analyzer_of_a_broken_install(article: Any) -> Any:
    raise ModuleNotFoundError("No module named 'analysis.sentiment'")


def test_an_unexpected_error_fails_one_article_not_the_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    summary = run_batch([corpus], out, workers=1, chunk_size=5,
                        analyzer=_analyzer_failing_on_story_3)  # fmt: skip
    assert summary.failures == 1 and summary.articles == 23
    assert summary.first_failures[0].path == f"{corpus}:4"
    assert "ValueError: an unexpected bug" in summary.first_failures[0].error
    assert "story-3" not in [r["id"] for r in _rows(out)]


def test_a_broken_installation_stops_the_run_resumably(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    with pytest.raises(ImportError):
        run_batch([corpus], out, workers=1, chunk_size=5,
                  analyzer=_analyzer_of_a_broken_install)  # fmt: skip
    assert batch.progress_path(out).exists() and not out.exists()
    summary = run_batch([corpus], out, workers=1, chunk_size=5, resume=True)
    assert summary.rows == 24
