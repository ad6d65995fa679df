"""Issue 8: hostile inputs, alone and mixed with good files in one batch.

Every input must end as an article or as a one-line reason: never an
exception, a hang or a lost good file. Property tests check the text
decoding and pasted-text loading on arbitrary Unicode.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import EmptyInputError, LoadError, NotTextError, TooLargeError
from analysis.load import load_many, load_path, load_text
from analysis.load.encoding import NotTextData, decode_bytes, normalise_text
from analysis.load.limits import MAX_TEXT_FILE_BYTES
from analysis.model import Article, LoadFailure
from tests.analysis.loadfiles import OTHER_STORY, STORY, build_hostile_batch, story


def check_batch(
    expect: dict[str, str], articles: list[Article], failures: list[LoadFailure]
) -> None:
    loaded = [a.path for a in articles]
    failed = [f.path for f in failures]
    assert len(loaded) == len(set(loaded)), "an article was loaded twice (through the loop?)"
    assert sorted(loaded + failed) == sorted(expect), "every input ends exactly once"
    for path, outcome in expect.items():
        assert (path in loaded) == (outcome == "article"), path
    for failure in failures:
        assert failure.error and "\n" not in failure.error
        assert "Traceback" not in failure.error


def test_hostile_batch_mixed_with_good_files(tmp_path: Path) -> None:
    expect = build_hostile_batch(tmp_path, big_text_mb=12)
    articles, failures = load_many([tmp_path])
    check_batch(expect, articles, failures)
    by_path = {a.path: a for a in articles}
    reasons = {Path(f.path).name: f.error for f in failures}
    assert "duplicate of" in reasons["copy-of-01.txt"]
    assert "password" in reasons["encrypted.pdf"]
    assert "no text layer" in reasons["scan.pdf"]
    assert "zip bomb" in reasons["bomb.docx"]
    assert "not text" in reasons["binary.txt"] and "PNG" in reasons["png.txt"]
    assert "MB" in reasons["huge.txt"]
    html = by_path[str(tmp_path / "good/03.html")]
    assert "Volunteers spent weeks" in html.text
    for leak in ("tracker", "while (true)", "base64", "iVBORw0KGgo"):
        assert leak not in html.text
    french = by_path[str(tmp_path / "lang/french.txt")]
    assert french.language == "fr"
    assert any("not English" in w for w in french.warnings)
    assert by_path[str(tmp_path / "enc/cp1252.txt")].text.startswith("“Quoted” — Story")
    assert by_path[str(tmp_path / "enc/latin1.txt")].text.startswith("Café Story")
    assert by_path[str(tmp_path / "enc/mixed.txt")].text.endswith("\nCafé")
    assert any("NUL" in w for w in by_path[str(tmp_path / "enc/nul.txt")].warnings)
    assert by_path[str(tmp_path / "good/02.md")].outlet == "Harbour Daily"


def test_sixty_megabyte_text_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = b"word " * 209_715 + b"\n"  # 1 MB (1,048,576 bytes)
    with path.open("wb") as handle:
        for _ in range(60):
            handle.write(block)
    with pytest.raises(TooLargeError) as caught:
        load_path(path)
    assert "60.0 MB" in caught.value.reason
    assert f"{MAX_TEXT_FILE_BYTES // (1024 * 1024)}.0 MB" in caught.value.reason
    assert str(path) in str(caught.value)


def test_file_vanishing_during_the_batch(tmp_path: Path) -> None:
    paths = [tmp_path / f"{n}.txt" for n in range(3)]
    for n, path in enumerate(paths):
        path.write_text(story(n))

    def delete_next(done: int, total: int) -> None:
        if done == 1:
            paths[1].unlink()

    articles, failures = load_many([tmp_path], progress=delete_next)
    assert [a.path for a in articles] == [str(paths[0]), str(paths[2])]
    assert failures == [
        LoadFailure(str(paths[1]), "the file no longer exists (was it moved or deleted?).")
    ]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (FileNotFoundError(2, "No such file"), "no longer exists"),
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_os_errors_while_opening_become_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)

    def failing_open(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("analysis.load.files.os.open", failing_open)
    articles, failures = load_many([path])
    assert articles == []
    assert words in failures[0].error


def test_a_thousand_files_at_once(tmp_path: Path) -> None:
    for n in range(1000):
        sub = tmp_path / f"batch{n % 10}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:04d}.txt").write_text(story(n), encoding="utf-8")
    calls: list[int] = []
    articles, failures = load_many([tmp_path], progress=lambda done, total: calls.append(done))
    assert failures == []
    assert len(articles) == 1000
    assert calls[-1] == 1000
    assert [a.path for a in articles] == sorted(a.path for a in articles)


def test_file_limit_is_reported_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("analysis.load.inputs.MAX_FILES", 3)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(story(n))
    extra = tmp_path / "extra.txt"
    extra.write_text(story(9))
    articles, failures = load_many([folder, extra])
    assert [Path(a.path).name for a in articles] == ["0.txt", "1.txt", "2.txt"]
    assert [f.path for f in failures] == [str(folder), str(extra)]
    assert all("at most 3 files" in f.error for f in failures)


def test_text_header_on_binary_data_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(STORY.encode() * 50 + os.urandom(200_000))
    with pytest.raises(NotTextError):
        load_path(path)


def test_all_nul_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    path.write_bytes(b"\x00" * 10_000)
    with pytest.raises(EmptyInputError):
        load_path(path)


# --- properties ----------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(st.text())
def test_normalise_text_properties(text: str) -> None:
    clean = normalise_text(text)
    assert "\r" not in clean and "\x00" not in clean
    assert normalise_text(clean) == clean
    assert clean.count("\n") == text.replace("\r\n", "\n").count("\n") + text.replace(
        "\r\n", "\n"
    ).count("\r")


#: Text as people write it: any character except control characters (which
#: mark binary data) and lone surrogates (which no encoding can store), plus
#: every kind of newline and tab.
TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs")),
        st.sampled_from(["\n", "\r", "\t"]),
    )
)


@PROPERTY_SETTINGS
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_unicode_text_round_trips_through_the_decoder(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == normalise_text(text) or (
        # A text starting with U+FEFF encoded without a BOM reads it as one.
        encoding == "utf-8" and text.startswith("\ufeff")
    )


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except NotTextData as error:
        assert str(error)
    else:
        assert "\r" not in decoded.text and "\x00" not in decoded.text


@PROPERTY_SETTINGS
@given(st.text())
def test_load_text_keeps_any_text(text: str) -> None:
    expected = normalise_text(text).strip()
    try:
        article = load_text(text)
    except EmptyInputError:
        assert expected == ""
    else:
        assert article.text == expected
        assert article.language
        assert article.outlet


@PROPERTY_SETTINGS
@given(st.text(min_size=1))
def test_load_path_never_raises_anything_but_load_errors(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("prop") / "a.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        article = load_path(path)
    except LoadError as error:
        assert str(path) in str(error)
    else:
        assert article.text.strip() == article.text


def test_very_large_page_gets_simple_extraction_with_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analysis.load import load_html_string

    monkeypatch.setattr("analysis.load.html.MAX_HTML_ELEMENTS", 50)
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(60))
    html = f"<html><body><nav><ul>{menu}</ul></nav><p>{STORY}</p></body></html>"
    article = load_html_string(html, path="<drop>")
    assert STORY.split("\n\n")[0] in article.text
    assert "Section 1" not in article.text  # the fallback still drops navigation
    assert any("very large" in w for w in article.warnings)


def test_page_of_countless_comments_and_scripts_loads(tmp_path: Path) -> None:
    # Removing these one by one is quadratic; this would take minutes.
    html = (
        "<html><body>"
        + "<!-- c -->" * 200_000
        + "<script>x()</script>" * 100_000
        + f"<p>{OTHER_STORY}</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = load_path(path)
    assert article.text.startswith("A small museum")
