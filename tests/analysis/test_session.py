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


# --- reliability round two (issues 27, 28 and 24) ------------------------------


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.framelens"
    save_session(sample_session(), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_session(path) == sample_session()


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "framelens-session", "version": ' + b"7" * 5000 + b"}",
        b'{"format": "framelens-session", "version": 1, "view": {"a": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}",
    ],
    ids=["5000-digit version", "nested 100000 deep"],
)
def test_absurd_numbers_and_nesting_give_a_one_line_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "absurd.framelens"
    path.write_bytes(content)
    with pytest.raises(SessionError, match="damaged") as info:
        load_session(path)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300
    assert path.read_bytes() == content


def test_a_file_name_with_an_undecodable_byte_survives_save_and_load(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9 \x1b[2J.txt"
    name = os.fsdecode(raw)
    session = Session(
        sources=(Source.file(name),), moves={name: "Other"}, order=(name,), removed=()
    )
    path = tmp_path / "s.framelens"
    save_session(session, path)
    path.read_bytes().decode("utf-8")  # the file itself is valid UTF-8 ...
    json.loads(path.read_bytes())  # ... and valid JSON
    loaded = load_session(path)
    assert loaded == session
    assert os.fsencode(loaded.sources[0].path) == raw  # byte for byte


def test_a_lone_surrogate_in_text_is_saved_too(tmp_path: Path) -> None:
    session = Session(sources=(Source(kind="text", key="<pasted 1>", text="a\udfffb"),))
    save_session(session, tmp_path / "s.framelens")
    assert load_session(tmp_path / "s.framelens") == session


def test_file_sources_record_their_relative_path(tmp_path: Path) -> None:
    article = tmp_path / "articles" / "a.txt"
    save_session(Session(sources=(Source.file(str(article)),)), tmp_path / "s.framelens")
    data = json.loads((tmp_path / "s.framelens").read_text(encoding="utf-8"))
    assert data["sources"][0]["path"] == str(article)
    assert data["sources"][0]["relative"] == os.path.join("articles", "a.txt")


def _travelling_session(folder: Path) -> tuple[Session, list[str]]:
    (folder / "articles").mkdir(parents=True)
    paths = []
    for name in ("a.txt", "b.txt"):
        (folder / "articles" / name).write_text(f"Text of {name}.", encoding="utf-8")
        paths.append(str(folder / "articles" / name))
    session = Session(
        sources=tuple(Source.file(p) for p in paths),
        moves={paths[0]: "Mine"},
        order=(paths[1], paths[0]),
        removed=(),
    )
    save_session(session, folder / "s.framelens")
    return session, paths


def test_a_session_opens_after_its_folder_moved(tmp_path: Path) -> None:
    from analysis.session import resolve_sources

    _session, old = _travelling_session(tmp_path / "before")
    (tmp_path / "before").rename(tmp_path / "after")
    loaded = load_session(tmp_path / "after" / "s.framelens")
    resolved = resolve_sources(loaded, tmp_path / "after")
    new = [str(tmp_path / "after" / "articles" / n) for n in ("a.txt", "b.txt")]
    assert [s.path for s in resolved.session.sources] == new
    assert [s.key for s in resolved.session.sources] == new
    assert resolved.session.moves == {new[0]: "Mine"}
    assert resolved.session.order == (new[1], new[0])
    assert resolved.relinked == 2 and not resolved.missing
    assert all(not os.path.exists(p) for p in old)


def test_missing_files_fall_back_to_their_embedded_text_or_are_listed(tmp_path: Path) -> None:
    from analysis.session import resolve_sources

    session = Session(
        sources=(
            Source(
                kind="file", key="/gone/a.txt", path="/gone/a.txt", text="Kept text.", title="A"
            ),
            Source.file("/gone/b.txt"),
        )
    )
    resolved = resolve_sources(session, tmp_path)
    first = resolved.session.sources[0]
    assert (first.kind, first.key, first.text) == ("text", "/gone/a.txt", "Kept text.")
    assert first.title == "A"
    assert resolved.embedded == 1
    assert resolved.missing == (Source.file("/gone/b.txt"),)
    assert len(resolved.session.sources) == 1


def test_locating_one_folder_relinks_every_missing_file(tmp_path: Path) -> None:
    from analysis.session import resolve_sources

    elsewhere = tmp_path / "found"
    elsewhere.mkdir()
    for name in ("a.txt", "b.txt"):
        (elsewhere / name).write_text("x", encoding="utf-8")
    session = Session(sources=(Source.file("/gone/a.txt"), Source.file("/gone/b.txt")))
    assert len(resolve_sources(session).missing) == 2
    resolved = resolve_sources(session, search=elsewhere)
    assert [s.path for s in resolved.session.sources] == [
        str(elsewhere / "a.txt"),
        str(elsewhere / "b.txt"),
    ]
    assert not resolved.missing


def test_save_removes_its_own_orphaned_temporary_files_only(tmp_path: Path) -> None:
    path = tmp_path / "s.framelens"
    orphan = tmp_path / ".s.framelens.ab12cd34.part"
    old_style = tmp_path / ".s.framelens.xyz.tmp"
    foreign = tmp_path / ".other.part"
    for p in (orphan, old_style, foreign):
        p.write_bytes(b"x" * 10)
        os.utime(p, (1, 1))  # left by a kill long ago
    save_session(sample_session(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.part", "s.framelens"]


def test_lexicons_travel_with_the_session_or_are_listed(tmp_path: Path) -> None:
    from analysis.session import resolve_sources

    before = tmp_path / "before"
    (before / "lex").mkdir(parents=True)
    (before / "lex" / "mine.tsv").write_text("term\tcategory\tweight\treason\n", encoding="utf-8")
    session = Session(lexicons=(str(before / "lex" / "mine.tsv"), "/nowhere/gone.tsv"))
    save_session(session, before / "s.framelens")
    before.rename(tmp_path / "after")
    loaded = load_session(tmp_path / "after" / "s.framelens")
    resolved = resolve_sources(loaded, tmp_path / "after")
    assert resolved.session.lexicons == (str(tmp_path / "after" / "lex" / "mine.tsv"),)
    assert resolved.missing_lexicons == ("/nowhere/gone.tsv",)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_sessions_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    save_session(sample_session(), tmp_path / "s.framelens")
    assert (tmp_path / "s.framelens").stat().st_mode & 0o077 == 0


def test_damaged_corrections_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.framelens"
    data = {"format": FORMAT, "version": VERSION, "corrections": [{"kind": "forget", "term": "x"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionError, match="damaged"):
        load_session(path)
