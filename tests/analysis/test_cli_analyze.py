"""``framelens analyze``: output forms and exit status, driven through its module."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from analysis.commands import analyze as command

STORY = (
    "outlet: Harbour Times\ntitle: Bridge\n\n"
    "The mayor slammed the awful plan. Repairs start in May.\n"
)
OTHER = "outlet: Quay Post\n\nThe council approved repairs. Work starts in May.\n"


def run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="framelens analyze")
    command.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return command.run(args, out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def test_default_is_a_readable_outlet_table(folder: Path) -> None:
    code, out, err = run(str(folder), "--workers", "1")
    assert code == 0 and err == ""
    assert "Harbour Times" in out and "Quay Post" in out and "subjectivity" in out


def test_json_follows_the_schema(folder: Path) -> None:
    code, out, _ = run(str(folder), "--json", "--workers", "1")
    doc = json.loads(out)
    assert code == 0
    assert [a["outlet"] for a in doc["articles"]] == ["Harbour Times", "Quay Post"]
    assert {o["outlet"] for o in doc["outlets"]} == {"Harbour Times", "Quay Post"}
    assert doc["errors"] == []


def test_csv_per_outlet_and_per_sentence(folder: Path) -> None:
    code, out, _ = run(str(folder), "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["outlet"] for r in rows] == ["Harbour Times", "Quay Post"]
    assert "loaded_per_1000_attribution" in rows[0]
    _, out, _ = run(str(folder), "--csv", "--per", "sentence")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["text"] == "The mayor slammed the awful plan."


def test_bad_inputs_exit_1_with_one_line_each_and_no_traceback(folder: Path) -> None:
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.md").write_text("", encoding="utf-8")
    code, out, err = run(str(folder), str(folder / "missing.txt"), "--json")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("framelens analyze: ") for line in lines)
    assert "Traceback" not in err
    doc = json.loads(out)
    assert len(doc["articles"]) == 2 and len(doc["errors"]) == 3


def test_usage_errors_exit_2(folder: Path, tmp_path: Path) -> None:
    assert run(str(folder), "--json", "--csv")[0] == 2
    assert run(str(folder), "--workers", "0")[0] == 2
    assert run()[0] == 2
    broken = tmp_path / "broken.tsv"
    broken.write_text("term\tcategory\tweight\treason\nslam\tlabel\tnot-a-number\twhy\n")
    code, _, err = run(str(folder), "--lexicon", str(broken))
    assert code == 2 and "broken.tsv" in err and "Traceback" not in err


def test_user_lexicon_adds_terms(folder: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "term\tcategory\tweight\treason\nrepairs\tcustom:works\t0.8\tour test term\n",
        encoding="utf-8",
    )
    code, out, _ = run(str(folder / "b.txt"), "--json", "--lexicon", str(extra))
    doc = json.loads(out)
    assert code == 0
    assert any(h["category"] == "custom:works" for h in doc["articles"][0]["highlights"])
    assert "loaded_per_1000_custom:works" in doc["outlets"][0]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc to see the workers")
def test_ctrl_c_stops_the_workers_with_one_line_and_no_process_left(tmp_path: Path) -> None:
    # A terminal's Ctrl+C reaches the whole process group: the workers leave it
    # to the command, which says so in one line and leaves no process behind.
    import os
    import signal
    import subprocess
    import sys
    import time

    from analysis.pipeline import MIN_PARALLEL

    for k in range(MIN_PARALLEL * 6):
        body = " ".join(f"Sentence {n} of story {k} says the awful plan failed." for n in range(60))
        (tmp_path / f"{k:04d}.txt").write_text(f"outlet: O{k % 3}\n\n{body}\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo), "FRAMELENS_NO_LOG_FILE": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gui.cli", "analyze", "--json", "--workers", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=repo,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's job
        # As from a terminal: a shell's background job (this test run, perhaps)
        # ignores SIGINT, and a child would inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if children.exists() and children.read_text().split():
            break
        time.sleep(0.05)
    assert process.poll() is None, "the analysis ended before its workers were seen"
    time.sleep(0.5)  # the workers are analysing
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "framelens analyze: interrupted."
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing of the group is left
