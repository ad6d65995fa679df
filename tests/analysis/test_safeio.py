"""analysis.safeio: atomic writes on a full disk, orphan clean-up, printable names."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from analysis.safeio import (
    encodable,
    encodable_fields,
    file_label,
    printable,
    remove_orphans,
    write_atomically,
)


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, budget: int) -> None:
    """Make os.write fail with ENOSPC once ``budget`` bytes were written (a full disk)."""
    real_write = os.write
    left = [budget]

    def write(fd: int, data: bytes | memoryview) -> int:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[: left[0]]))
        left[0] -= n
        return n

    monkeypatch.setattr(os, "write", write)


def test_a_full_disk_raises_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")
    _full_disk_after(monkeypatch, 1000)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"x" * 5000)
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_atomically(target, b"new" * 100_000)
    assert target.read_bytes() == b"new" * 100_000
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_orphans_are_removed_when_old_enough(tmp_path: Path) -> None:
    old = tmp_path / ".autosave.framelens.1234abcd.part"
    young = tmp_path / ".autosave.framelens.5678abcd.part"
    mine = tmp_path / "notes.part"  # not hidden: not ours
    for p in (old, young, mine):
        p.write_bytes(b"x")
    os.utime(old, (1, 1))
    os.utime(mine, (1, 1))
    assert remove_orphans(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [young.name, "notes.part"]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"a\nframelens: forged.txt", "a\\nframelens: forged.txt"),
        (b"\x1b]0;pwned\x07\x1b[2J.txt", "\\x1b]0;pwned\\x07\\x1b[2J.txt"),
        ("txt.\u202eexe".encode(), "txt.\\u202eexe"),
        ("café ✓.txt".encode(), "café ✓.txt"),
    ],
)
def test_printable_names_cannot_drive_the_terminal(raw: bytes, shown: str) -> None:
    text = printable(os.fsdecode(raw))
    assert text == shown
    assert text.isprintable()
    text.encode("utf-8")


def test_encodable_spells_lone_surrogates() -> None:
    assert encodable(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert encodable("a\udfff") == "a\\udfff"
    assert encodable("plain\n") == "plain\n"


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        (os.fsdecode(b"/news/caf\xe9.txt"), "caf\\xe9.txt"),
        ("C:\\news\\bridge.txt", "bridge.txt"),
        ("/news/folder/", "folder"),
        ("a\nb.txt", "a\\nb.txt"),
        ("<pasted>", "<pasted>"),
    ],
)
def test_file_label_shows_the_last_part_of_a_path_readably(path: str, shown: str) -> None:
    assert file_label(path) == shown


def test_encodable_fields_reaches_every_string_of_nested_values() -> None:
    from analysis.report.document import Heading, Section, Table

    name = os.fsdecode(b"caf\xe9.txt")
    section = Section(
        "articles",
        "Articles",
        (Heading(name), Table(("File",), ((name,), ("plain.txt",)), (False,))),
    )
    fixed = encodable_fields(section)
    assert fixed.blocks[0] == Heading("caf\\xe9.txt")
    assert fixed.blocks[1].rows == (("caf\\xe9.txt",), ("plain.txt",))  # type: ignore[union-attr]
    assert fixed.title == "Articles"
    assert encodable_fields(fixed) is fixed  # nothing to change: the same value back
