"""Sessions: round trip, atomic save, and clear errors for damaged or newer files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analysis.corrections import Correction
from analysis.errors import SessionError
from analysis.session import (
    FORMAT,
    VERSION,
    Session,
    Source,
    load_session,
    save_session,
    session_from_json,
    session_to_json,
)


def sample_session() -> Session:
    return Session(
        sources=(
            Source.file("/news/a.txt"),
            Source(
                kind="text",
                key="<pasted 1>",
                text="Pasted “text” ✓\nline 2",
                outlet="Mine",
                title="T",
            ),
            Source(
                kind="html",
                key="<dropped 2>",
                text="<p>Hi <b>there</b></p>",
                url="https://x.test/a",
            ),
        ),
        renames={"Unknown": "My Outlet"},
        moves={"/news/a.txt": "Other"},
        removed=(),
        order=("<pasted 1>", "/news/a.txt"),
        lexicons=("/lex/mine.tsv",),
        corrections=(
            Correction("not_here", "crisis", path="/news/a.txt", start=10, end=16),
            Correction("never", "slam"),
            Correction("mark", "death panel", category="label"),
        ),
        view={"zoom": 2, "hidden_categories": ["hedge"], "sync_scroll": False},
    )


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.framelens"
    session = sample_session()
    save_session(session, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert load_session(path) == session


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "s.framelens"
    save_session(sample_session(), path)
    save_session(Session(sources=(Source.file("/b.txt"),)), path)
    assert [p.name for p in tmp_path.iterdir()] == ["s.framelens"]
    assert load_session(path).sources == (Source.file("/b.txt"),)


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.framelens"
    save_session(sample_session(), path)
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SessionError, match="No space left"):
        save_session(Session(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.framelens"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "damaged"),
        (b"\xff\xfe\x00garbage", "damaged"),
        (json.dumps({"hello": 1}).encode(), "not a FrameLens session"),
        (json.dumps({"format": FORMAT}).encode(), "version"),
        (
            json.dumps({"format": FORMAT, "version": 1, "sources": [{"kind": "tape"}]}).encode(),
            "damaged",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "outlets": {"renames": {"a": 3}}}).encode(),
            "damaged",
        ),
    ],
)
def test_corrupt_file_gives_a_clear_error_and_is_not_touched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.framelens"
    path.write_bytes(content)
    with pytest.raises(SessionError, match=message) as info:
        load_session(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_newer_version_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "new.framelens"
    content = json.dumps({"format": FORMAT, "version": VERSION + 1, "sources": []}).encode()
    path.write_bytes(content)
    with pytest.raises(SessionError, match="newer FrameLens") as info:
        load_session(path)
    assert "Update FrameLens" in str(info.value)
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="could not be read"):
        load_session(tmp_path / "nope.framelens")


def test_older_fields_default() -> None:
    session = session_from_json({"format": FORMAT, "version": 1})
    assert session == Session()
    assert session.is_empty


def test_json_has_lexicon_paths_and_outlet_changes() -> None:
    data = session_to_json(sample_session())
    assert data["lexicons"] == [{"path": "/lex/mine.tsv"}]
    assert data["outlets"] == {
        "renames": {"Unknown": "My Outlet"},
        "moves": {"/news/a.txt": "Other"},
    }
    assert data["sources"][1]["text"].startswith("Pasted")


def test_damaged_corrections_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.framelens"
    data = {"format": FORMAT, "version": VERSION, "corrections": [{"kind": "forget", "term": "x"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionError, match="damaged"):
        load_session(path)
