"""analysis.modelcache: built once, then read back equal; never wrong, whatever the disk holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import modelcache
from analysis.modelcache import cached

TEXT = (
    'The mayor slammed the so-called experts, who allegedly "forgot" the budget. '
    "Critics insisted the reckless plan was a disaster; officials said it was not."
)


class Builder:
    """A model built from one source file, counting how often it is built."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.builds = 0

    def __call__(self) -> dict[str, int]:
        self.builds += 1
        return {word: len(word) for word in self.source.read_text(encoding="utf-8").split()}

    def load(self) -> dict[str, int]:
        return cached("words", 1, [self.source], self, lambda m: sorted(m.items()), dict)


@pytest.fixture
def builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Builder:
    monkeypatch.setenv("FRAMELENS_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("alpha beta gamma", encoding="utf-8")
    return Builder(source)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("words-*.marshal"))


def test_a_model_is_built_once_then_read_back_equal(builder: Builder, tmp_path: Path) -> None:
    first = builder.load()
    second = builder.load()
    assert first == second == {"alpha": 5, "beta": 4, "gamma": 5}
    assert builder.builds == 1
    assert len(_files(tmp_path / "cache")) == 1


def test_a_changed_source_is_rebuilt_and_replaces_the_old_cache(
    builder: Builder, tmp_path: Path
) -> None:
    builder.load()
    (old,) = _files(tmp_path / "cache")
    builder.source.write_text("delta", encoding="utf-8")
    assert builder.load() == {"delta": 5}
    assert builder.builds == 2
    (new,) = _files(tmp_path / "cache")
    assert new != old


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"{"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(
    builder: Builder, tmp_path: Path, damage: bytes
) -> None:
    builder.load()
    (path,) = _files(tmp_path / "cache")
    path.write_bytes(damage)
    assert builder.load() == {"alpha": 5, "beta": 4, "gamma": 5}
    assert builder.builds == 2
    assert builder.load() == {"alpha": 5, "beta": 4, "gamma": 5}
    assert builder.builds == 2  # the rewritten file is good again


def test_an_unwritable_cache_folder_only_costs_a_rebuild(
    builder: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("FRAMELENS_CACHE_DIR", str(blocker / "cache"))
    assert builder.load() == builder.load() == {"alpha": 5, "beta": 4, "gamma": 5}
    assert builder.builds == 2


def test_an_empty_cache_dir_setting_turns_the_cache_off(
    builder: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMELENS_CACHE_DIR", "")
    assert modelcache.cache_dir() is None
    builder.load()
    builder.load()
    assert builder.builds == 2


# The real models: in a fresh interpreter, once to build the cache and once to
# read it, each printing what the models give for the same text.
PROBE = """
import json
from analysis.lexicon import default_lexicon
from analysis.sentiment import analyze_sentence, sentiment_lexicon
text = {text!r}
lexicon = default_lexicon()
print(json.dumps({{
    "entries": [[e.term, e.category, e.weight, e.reason, e.source] for e in lexicon.entries],
    "names": lexicon.names,
    "matches": [
        [m.start, m.end, m.category, m.term, m.weight, m.reason] for m in lexicon.match(text)
    ],
    "sentiment": [list(analyze_sentence(text, 0, sentiment_lexicon()))[:2]],
    "words": len(sentiment_lexicon().words),
}}))
"""


def test_the_cached_lexicons_give_what_freshly_built_ones_give(tmp_path: Path) -> None:
    def probe(cache: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", PROBE.format(text=TEXT)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "FRAMELENS_CACHE_DIR": cache},
            check=True,
        )
        return done.stdout

    fresh = probe("")
    folder = tmp_path / "models"
    building = probe(str(folder))
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == ["lexicon", "sentiment"]
    reading = probe(str(folder))
    assert fresh == building == reading
    assert '"matches": [[' in fresh  # the text does hold loaded terms


def test_a_frozen_program_stands_for_its_code(
    builder: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Frozen modules are no files: the program file's size and time key the code.
    program = tmp_path / "framelens"
    program.write_bytes(b"the program")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    code = tmp_path / "bundle" / "analysis" / "lexicon.pyc"

    def load() -> dict[str, int]:
        def pairs(m: dict[str, int]) -> list[tuple[str, int]]:
            return sorted(m.items())

        return cached("words", 1, [builder.source, code], builder, pairs, dict)

    assert load() == load() == {"alpha": 5, "beta": 4, "gamma": 5}
    assert builder.builds == 1
    os.utime(program, ns=(1, 1))  # a new program, whatever its version says
    load()
    assert builder.builds == 2
