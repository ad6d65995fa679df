"""``framelens batch`` on hostile inputs and faults (issue 27 items 3, 7, 9, 11, 13; issue 28
items 3, 6, 7): each bad row or file is one reason, the good rows are kept, time and
memory stay bounded, and the output is never read back or written by two runs."""

from __future__ import annotations

import errno
import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from analysis import batchrun as batch
from analysis.batchrun import journal, run_batch, sources
from analysis.errors import FrameLensError
from analysis.pipeline import default_workers
from tests.analysis.loadfiles import remove_tree, story

REPO = Path(__file__).resolve().parents[2]


def _row(n: int, **extra: Any) -> str:
    return json.dumps({"id": f"s{n}", "text": story(n), **extra})


def _failures(out: Path) -> dict[str, str]:
    import csv

    target = out.with_name(out.name + ".failures.csv")
    if not target.exists():
        return {}
    with target.open(encoding="utf-8", newline="") as handle:
        return {row["path"]: row["error"] for row in csv.DictReader(handle)}


def _ids(out: Path) -> list[str]:
    import pandas as pd

    frame = pd.read_parquet(out) if out.suffix == ".parquet" else pd.read_csv(out)
    return [str(v) for v in frame["id"]]


def test_hostile_rows_are_one_reason_each_and_good_rows_are_kept(tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    lines = [
        _row(1),
        '{"id": "surrogate", "title": "\\udfff", "text": ' + json.dumps(story(2)) + "}",
        '{"id": "deep", "text": "x", "more": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "digits", "text": "x", "n": ' + "9" * 5000 + "}",
        '{"id": "deep title", "text": ' + json.dumps(story(3)) + ', "title": '
        + "[" * 900 + "]" * 900 + "}",
        _row(4),
    ]  # fmt: skip
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([source], out, workers=1)
    assert _ids(out) == ["s1", "surrogate", "deep title", "s4"]
    failures = _failures(out)
    assert set(failures) == {f"{source}:3", f"{source}:4"}
    assert "nested too deeply" in failures[f"{source}:3"]
    assert "number too long" in failures[f"{source}:4"]
    assert summary.failures == 2
    import pandas as pd

    assert list(pd.read_parquet(out)["title"])[1] == "\ufffd"
    # The same run again with --resume after an interruption would read the same rows.
    assert run_batch([source], tmp_path / "again.parquet", workers=1).rows == 4


def test_a_damaged_gzip_keeps_the_rows_before_and_the_other_inputs(tmp_path: Path) -> None:
    damaged = tmp_path / "a.jsonl.gz"
    # Incompressible padding, so the damage comes after several reads' worth of
    # rows; seeded, since what the damaged stream decodes to depends on the bytes.
    noise = random.Random(7)
    rows = [_row(n, padding=noise.randbytes(300).hex()) for n in range(150)]
    packed = gzip.compress(("\n".join(rows) + "\n").encode("utf-8"))
    damaged.write_bytes(packed[: len(packed) // 2] + b"\x00garbage" * 50)
    good = tmp_path / "b.jsonl"
    good.write_text(_row(100) + "\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([damaged, good], out, workers=1)
    ids = _ids(out)
    assert ids[-1] == "s100" and len(ids) > 1
    reasons = list(_failures(out).values())
    assert "damaged" in reasons[-1] and "rows before were kept" in reasons[-1]
    # Besides the damage, at most the row it cut in two.
    assert summary.failures == len(reasons) <= 2


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_an_over_long_row_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(sources, "MAX_ROW_BYTES", 5000)
    source = tmp_path / f"rows.{kind}"
    if kind == "jsonl":
        source.write_text(
            "\n".join([_row(1), json.dumps({"id": "huge", "text": "word " * 10_000}), _row(2)])
            + "\n",
            encoding="utf-8",
        )
    else:
        import csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "text"])
            writer.writerows([["s1", story(1)], ["huge", "word " * 10_000], ["s2", story(2)]])
    out = tmp_path / "scores.parquet"
    summary = run_batch([source], out, workers=1)
    assert _ids(out) == ["s1", "s2"]
    (reason,) = _failures(out).values()
    assert "rows of up to" in reason and summary.failures == 1


def test_chunks_are_bounded_by_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "CHUNK_BYTES", 1000)
    items = [batch.Item("t.jsonl", n, "x" * 400) for n in range(1, 8)]
    chunks = list(sources.chunked(iter(items), chunk_size=200))
    assert [len(c) for c in chunks] == [2, 2, 2, 1]
    assert [i for c in chunks for i in c] == items


def test_a_folder_tree_1200_deep_is_walked(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(1200):
        folder = folder / "d"
        folder.mkdir()  # one by one: mkdir(parents=True) recurses
    (folder / "deep.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "top.txt").write_text(story(2), encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-scores.parquet"
    try:
        summary = run_batch([tmp_path], out, workers=1)
    finally:
        remove_tree(tmp_path / "d")
    assert summary.articles == 2 and summary.failures == 0


def test_batch_never_reads_its_own_output(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(story(n), encoding="utf-8")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    out = folder / "sentences.csv"
    first = run_batch([folder], out, workers=1, per="sentence")
    # A failure file and leftovers of an interrupted run sit beside it too.
    (folder / "sentences.csv.failures.csv").write_text("path,error\nx,y\n", encoding="utf-8")
    (folder / "sentences.csv.tmp").write_text("id,text\n1,partial\n", encoding="utf-8")
    second = run_batch([folder], out, workers=1, per="sentence")
    assert (second.items, second.rows) == (first.items, first.rows) == (3, first.rows)
    assert [Path(s.path).name for s in second.skipped] == ["notes.xyz"]
    assert second.failures == 0


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    source.write_text(_row(1) + "\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    with journal.output_lock(out), pytest.raises(FrameLensError, match="Another framelens batch"):
        run_batch([source], out, workers=1, resume=True)
    assert run_batch([source], out, workers=1).articles == 1
    assert not batch.lock_path(out).exists()


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "Free some space"),
        (PermissionError(errno.EACCES, "Permission denied"), "folder you may write to"),
    ],
)
def test_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, advice: str
) -> None:
    import pyarrow.parquet as pq

    source = tmp_path / "rows.jsonl"
    source.write_text(_row(1) + "\n", encoding="utf-8")

    def failing_write(*_args: Any, **_kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(pq, "write_table", failing_write)
    with pytest.raises(FrameLensError) as raised:
        run_batch([source], tmp_path / "scores.parquet", workers=1)
    message = str(raised.value)
    assert advice in message and "\n" not in message


def test_workers_are_capped_at_the_cores(tmp_path: Path) -> None:
    import io

    from analysis.commands.options import capped_workers

    err = io.StringIO()
    assert capped_workers(1000, "batch", err) == default_workers()
    assert "--workers 1000 is more than" in err.getvalue()
    assert capped_workers(1, "batch", io.StringIO()) == 1


def test_csv_outputs_share_the_formula_rule(tmp_path: Path) -> None:
    from analysis.export import frame_to_csv

    source = tmp_path / "rows.jsonl"
    source.write_text(
        _row(1, title='=HYPERLINK("http://x.test","click")', outlet="@SUM(A1)") + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "scores.csv"
    run_batch([source], out, workers=1)
    written = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in written and "'@SUM" in written
    import pandas as pd

    assert frame_to_csv(pd.DataFrame({"a": ["-1+1", "ok"], "n": [-1, 2]})) == (
        "a,n\n'-1+1,-1\nok,2\n"
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "FRAMELENS_NO_LOG_FILE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "gui.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
        check=False,
    )


def test_analyze_csv_and_json_and_quiet_stderr(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"outlet: =cmd|' /C calc'!A0\n\n{story(1)}", encoding="utf-8")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    with (folder / "cut.pdf").open("wb") as handle:
        writer.write(handle)
    data = (folder / "cut.pdf").read_bytes()
    (folder / "cut.pdf").write_bytes(data[:-60])  # pypdf warns "EOF marker not found"

    listed = _cli("analyze", str(folder), "--csv")
    assert "\n'=cmd" in listed.stdout
    document = _cli("analyze", str(folder), "--json")
    skipped = json.loads(document.stdout)["skipped"]
    assert [Path(s["path"]).name for s in skipped] == ["notes.xyz"]
    assert "FrameLens does not read" in skipped[0]["reason"]
    # One line per failed input on standard error, no library warnings.
    assert document.stderr.strip().splitlines() == [
        line for line in document.stderr.strip().splitlines() if "cut.pdf" in line
    ]
    assert "pypdf" not in document.stderr


def _batch_in_process(*argv: str) -> tuple[int, str, str]:
    import io

    from gui.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["batch", "--no-progress", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_file_names_that_are_not_utf8_are_kept_and_printed_safely(tmp_path: Path) -> None:
    # Issue 27.3: file names are bytes on Linux (a Latin-1 "café.txt" from an old archive).
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text(story(1), encoding="utf-8")
        (folder / os.fsdecode(b"bad\xff.pdf")).write_bytes(b"%PDF-1.4 cut short")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "ok.txt").write_text(story(2), encoding="utf-8")
    for out in (tmp_path / "scores.csv", tmp_path / "scores.parquet"):
        code, stdout, stderr = _batch_in_process(str(folder), "-o", str(out), "--workers", "1")
        assert code == 1 and "Traceback" not in stderr
        assert stdout.startswith("Scored 2 articles")
        # Printed with the undecodable byte spelled out, on one line.
        assert f"{folder}/bad\\xff.pdf: " in stderr
        # Carried into the output and the failures file, the byte spelled the same way.
        assert sorted(Path(i).name for i in _ids(out)) == ["caf\\xe9.txt", "ok.txt"]
        assert [Path(p).name for p in _failures(out)] == ["bad\\xff.pdf"]


def test_stderr_lists_the_first_20_failures_then_how_many_more(tmp_path: Path) -> None:
    # Issue 27.9: a batch with thousands of bad rows must not flood the terminal.
    source = tmp_path / "rows.jsonl"
    source.write_text(_row(1) + "\n" + "{broken\n" * 25, encoding="utf-8")
    out = tmp_path / "scores.parquet"
    code, _stdout, stderr = _batch_in_process(str(source), "-o", str(out), "--workers", "1")
    lines = stderr.splitlines()
    assert code == 1
    listed = [line for line in lines if line.startswith(f"  {source}:")]
    assert len(listed) == 20 and listed[0].startswith(f"  {source}:2: ")
    failures_file = f"{out}.failures.csv"
    assert lines[-1] == f"  \u2026 and 5 more, listed in {failures_file}"
    assert len(_failures(out)) == 25


def test_more_workers_than_cores_are_capped_with_a_notice(tmp_path: Path) -> None:
    # Issue 28.6: --workers 1000 once started 62 processes and took 2.3 GB.
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(_row(n) + "\n" for n in range(6)), encoding="utf-8")
    out = tmp_path / "scores.parquet"
    code, stdout, stderr = _batch_in_process(
        str(source), "-o", str(out), "--workers", "1000", "--chunk-size", "2"
    )
    cores = default_workers()
    assert code == 0
    assert f"--workers 1000 is more than the {cores} usable cores; using {cores}." in stderr
    assert stdout.rstrip().endswith(f"on {cores} local worker processes.")
    assert len(_ids(out)) == 6


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from analysis.batchrun import journal
with journal.output_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_a_second_resume_run_in_another_process_is_refused(tmp_path: Path) -> None:
    # Issue 28.6: two --resume runs of one batch at once collided on one temporary name.
    source = tmp_path / "rows.jsonl"
    source.write_text(_row(1) + "\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        code, _stdout, stderr = _batch_in_process(str(source), "-o", str(out), "--resume")
        assert code == 2 and "Traceback" not in stderr
        assert "Another framelens batch is writing" in stderr and "Wait for it" in stderr
        assert not out.exists()
    finally:
        holder.communicate("", timeout=60)
    code, _stdout, _stderr = _batch_in_process(str(source), "-o", str(out), "--workers", "1")
    assert code == 0 and _ids(out) == ["s1"]


def test_library_and_worker_warnings_go_to_the_log_file_not_stderr(tmp_path: Path) -> None:
    # Issue 28.7: pypdf's "EOF marker not found" is logged in a worker process.
    from pypdf import PdfWriter

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.txt").write_text(story(n), encoding="utf-8")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    with (folder / "cut.pdf").open("wb") as handle:
        writer.write(handle)
    (folder / "cut.pdf").write_bytes((folder / "cut.pdf").read_bytes()[:-60])
    state = tmp_path / "state"
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(state)}
    env.pop("FRAMELENS_NO_LOG_FILE", None)
    out = tmp_path / "scores.parquet"
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", "batch", str(folder), "-o", str(out)]
        + ["--workers", "2", "--chunk-size", "1", "--no-progress"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "pypdf" not in done.stderr and "EOF marker" not in done.stderr
    assert [line for line in done.stderr.splitlines() if not line.startswith("  ")] == [
        line for line in done.stderr.splitlines() if line.startswith("framelens batch: ")
    ]
    (log_file,) = state.rglob("framelens.log")
    assert "EOF marker" in log_file.read_text(encoding="utf-8")


def test_batch_reads_the_files_analyze_reads(tmp_path: Path) -> None:
    # Issue 25.1: one walker; batch once scored README.md and a saved page's ad frame.
    from analysis.pipeline import analyze

    folder = tmp_path / "in"
    (folder / "Page_files").mkdir(parents=True)
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    paragraphs = "".join(f"<p>{story(n)}</p>" for n in (2, 3))
    (folder / "Page.html").write_text(
        f"<html><head><title>Bridge</title></head><body><article>{paragraphs}</article>"
        "</body></html>",
        encoding="utf-8",
    )
    (folder / "Page_files" / "ad.html").write_text(
        f"<html><body><p>{story(4)}</p></body></html>", encoding="utf-8"
    )
    (folder / "README.md").write_text(f"# About these files\n\n{story(5)}\n", encoding="utf-8")
    out = tmp_path / "scores.parquet"
    summary = run_batch([folder], out, workers=1)
    corpus = analyze([folder], workers=1)
    assert sorted(_ids(out)) == sorted(a.article.path for a in corpus.articles)
    assert sorted(Path(i).name for i in _ids(out)) == ["Page.html", "a.txt"]
    assert [Path(s.path).name for s in summary.skipped] == ["README.md"]
    assert [Path(s.path).name for s in corpus.skipped] == ["README.md"]
