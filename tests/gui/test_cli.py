"""gui.cli: what every subcommand writes when names, disks or terminals are hostile.

- a file name with a non-UTF-8 byte goes through ``analyze --json/--csv/--per
  article``, ``compare --json`` and ``report -o x.html`` (issue 27, item 3);
- names cannot forge lines or drive the terminal on stderr (issue 27, item 10);
- standard output on a full device gives one line and no traceback for any
  subcommand (issue 28, item 4);
- a report meeting a full disk fails with one line, leaves no temporary file
  and keeps the report that was there (issue 27, item 4).
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import OneLineMessages, main

STORY = (
    "outlet: Harbour Times\ntitle: Bridge\n\n"
    "The mayor slammed the awful plan. Repairs start in May.\n"
)
OTHER = "outlet: Quay Post\n\nThe council approved repairs. Work starts in May.\n"
LATIN1_NAME = b"caf\xe9.txt"
#: An empty file (it fails to load, so its name is printed) whose name forges a line.
EVIL_NAME = b"bad\x1b]0;pwned\x07\x1b[2J\nframelens analyze: FORGED.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    base = os.fsencode(tmp_path / "articles")
    os.mkdir(base)
    with open(os.path.join(base, LATIN1_NAME), "wb") as handle:
        handle.write(STORY.encode())
    with open(os.path.join(base, b"b.txt"), "wb") as handle:
        handle.write(OTHER.encode())
    with open(os.path.join(base, EVIL_NAME), "wb"):
        pass
    return tmp_path / "articles"


def run(*argv: str, out: io.TextIOWrapper | None = None) -> tuple[int, str, str]:
    """Run ``framelens ARGV``; standard output as the bytes a real one would get, decoded."""
    raw = io.BytesIO()
    stdout = out or io.TextIOWrapper(raw, encoding="utf-8", newline="")
    stderr = io.StringIO()
    status = main(list(argv), out=stdout, err=stderr)
    stdout.flush()
    return status, raw.getvalue().decode("utf-8") if out is None else "", stderr.getvalue()


def _check_stderr(err: str) -> None:
    assert "Traceback" not in err
    assert "\x1b" not in err and "\x07" not in err
    for line in err.splitlines():
        assert line.startswith("framelens "), f"a forged or foreign line: {line!r}"


@pytest.mark.parametrize(
    "argv",
    [
        ("analyze", "--json"),
        ("analyze", "--csv"),
        ("analyze", "--per", "article"),
        ("analyze", "--per", "article", "--csv"),
        ("compare", "--json"),
    ],
)
def test_a_non_utf8_file_name_is_analysed_and_printed(folder: Path, argv: tuple[str, ...]) -> None:
    status, out, err = run(argv[0], str(folder), *argv[1:])
    assert status == 1  # the empty file failed; the others are reported
    _check_stderr(err)
    if "--json" in argv:
        # The JSON carries the name losslessly, as the escape \udce9.
        assert "caf\\udce9.txt" in out
        assert any(s.endswith(LATIN1_NAME) for s in _strings(json.loads(out)))
    elif "article" in argv and "--csv" in argv:
        assert "caf\\xe9.txt" in out
    else:
        assert "Harbour Times" in out


def _strings(value: object) -> list[bytes]:
    if isinstance(value, str):
        return [os.fsencode(value)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_names_are_escaped_in_every_message_line(folder: Path) -> None:
    _status, _out, err = run("analyze", str(folder))
    assert "bad\\x1b]0;pwned\\x07\\x1b[2J\\nframelens analyze: FORGED.txt" in err
    _check_stderr(err)


def test_one_line_messages_keep_the_progress_bar_and_the_newline() -> None:
    stream = io.StringIO()
    writer = OneLineMessages(stream)
    writer.write("\r[####      ] 40%")
    writer.write("framelens x: a\nb\x1b[31m.txt\n")
    assert stream.getvalue() == "\r[####      ] 40%framelens x: a\\nb\\x1b[31m.txt\n"


def test_a_report_names_a_non_utf8_file(folder: Path, tmp_path: Path, qapp: object) -> None:
    target = tmp_path / "r.html"
    status, out, err = run("report", str(folder), "-o", str(target))
    assert status == 1 and "Wrote" in out
    _check_stderr(err)
    assert "caf\\xe9.txt" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "r.html"]


def _framelens(repo_dir: Path, *argv: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``framelens ARGV`` in a child process (real standard streams)."""
    env = {**os.environ, "PYTHONPATH": str(repo_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "gui.cli", *argv],
        env=env,
        stdout=kwargs.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
        **kwargs,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("analyze",),
        ("analyze", "--json"),
        ("compare", "--json"),
        ("report", "-o", "{tmp}/r.html"),
        ("batch", "-o", "{tmp}/rows.csv", "--no-progress"),
    ],
)
def test_standard_output_on_a_full_device_is_one_line(
    tmp_path: Path, repo_dir: Path, argv: tuple[str, ...]
) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    command, *rest = argv
    with open("/dev/full", "w") as full:
        done = _framelens(
            repo_dir, command, str(folder), *(a.format(tmp=tmp_path) for a in rest), stdout=full
        )
    assert done.returncode == 1
    assert done.stderr == f"framelens {command}: cannot write the output: No space left on device\n"


def _limited(size: int) -> None:
    """In the child: files may not grow past ``size`` bytes (a nearly full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_a_report_to_a_full_disk_fails_and_keeps_the_old_report(
    folder: Path, tmp_path: Path, repo_dir: Path, suffix: str
) -> None:
    (folder / os.fsdecode(EVIL_NAME)).unlink()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"report{suffix}"
    target.write_bytes(b"the report from yesterday")
    done = _framelens(
        repo_dir, "report", str(folder), "-o", str(target), preexec_fn=lambda: _limited(20_000)
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"framelens report: Cannot write {target}: File too large.\n"
    assert target.read_bytes() == b"the report from yesterday"
    assert [p.name for p in out_dir.iterdir()] == [target.name]


def test_a_pdf_report_names_a_non_utf8_file_readably(
    folder: Path, tmp_path: Path, qapp: object
) -> None:
    from pypdf import PdfReader

    target = tmp_path / "r.pdf"
    status, out, err = run("report", str(folder), "-o", str(target), "--sections", "articles")
    assert status == 1 and "Wrote" in out
    _check_stderr(err)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "caf\\xe9.txt" in text
    assert "\ufffd" not in text


@pytest.mark.parametrize("argv", [("--help",), ("--version",), ("analyze", "--help")])
def test_help_on_a_full_device_is_an_error_of_one_line(
    repo_dir: Path, argv: tuple[str, ...]
) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        done = _framelens(repo_dir, *argv, stdout=full)
    assert done.returncode == 1
    assert done.stderr == "framelens: cannot write the output: No space left on device\n"
