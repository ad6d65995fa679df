"""Every pattern that runs on user text takes time linear in it (issue 27 item 5).

Two guards: each module-level pattern of ``analysis`` is run over long
repetitive inputs of the kinds that make backtracking patterns quadratic
(runs of one character, a trigger then a long run, no closing delimiter);
and each loader is fed worst-case 1 MB files. A quadratic pattern needs
tens of seconds to minutes on these; a linear one, milliseconds, so the
budgets leave a wide margin. Times are this process's CPU time, so a busy
machine does not make a linear pattern look slow.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import analysis
from analysis.errors import LoadError
from analysis.load import load_html_string, load_path
from analysis.load.pdf import join_pages

#: Patterns only ever matched at a given position (``match``), never searched.
ANCHORED_ONLY = {
    "analysis.segment._LIST_ITEM": "matched at a line start only (segment.py)",
    "analysis.load.frontmatter._KEY_RE": "matched at a line start only (frontmatter.py)",
    "analysis.compare.quotes.patterns._AFTER_ACCORDING_RE": "matched right after a quote",
    "analysis.compare.quotes.patterns._SUBJECT_RE": "anchored at a clause start (^) (quotes/)",
    "analysis.compare.quotes.patterns._AFTER_SPEAKER_VERB_RE": "matched right after a quote",
    "analysis.compare.quotes.patterns._AFTER_VERB_SPEAKER_RE": "matched right after a quote",
    "analysis.compare.quotes.patterns._DASH_NAME_RE": "matched right after a quote",
    "analysis.compare.quotes.patterns._THAT_RE": "matched right after a speech verb (quotes/)",
    "analysis.compare.quotes.patterns._TOLD_OBJECT_RE": "matched right after 'told' (quotes/)",
    "analysis.compare.quotes.patterns._THE_ROLE_RE": "matched at a sentence start (quotes/)",
    "analysis.compare.quotes.patterns._ROLE_THEN_NAME_RE": "matched on a speaker phrase (quotes/)",
    "analysis.segment._SAID_RE": "matched right after a sentence boundary (segment.py)",
}
#: Characters repeated to the input's length, after a trigger.
UNITS = (" ", "a", "A", "a ", "A ", "1", "1,", "*", "-", "'", "\n", "(", "[", ".", ",", "**a ")
TRIGGERS = ("", "title: x", "# x", "Smith, a", "the Smith of ", "[a](", "![a", "data:", "\u201c")
ENDINGS = ("", "y", "\u201d")
#: Every input is tried short; the slowest few again long. Going from the
#: short to the long length multiplies a linear pattern's time by 16 and a
#: quadratic one's by 256: seconds instead of milliseconds.
SCREEN_CHARS = 1_500
CONFIRM_CHARS = 24_000
CONFIRMED = 3
PATTERN_BUDGET_S = 2.0


def _inputs(length: int) -> list[str]:
    return [
        trigger + (unit * (length // len(unit) + 1))[:length] + ending
        for trigger in TRIGGERS
        for unit in UNITS
        for ending in ENDINGS
    ]


def _seconds(pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> float:
    subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    started = time.process_time()
    for _ in pattern.finditer(subject):  # type: ignore[arg-type]
        pass
    return time.process_time() - started


def _module_patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Each compiled pattern of ``analysis``, named after the module that defines it
    (a pattern imported into another module is the same pattern, tested once)."""
    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and re.search(rf"^{name}\b[^=\n]*=", source, re.M):
                found[f"{info.name}.{name}"] = value
    return found


PATTERNS = _module_patterns()


def test_the_audit_sees_the_patterns_that_were_quadratic() -> None:
    for name in (
        "analysis.load.text._MD_LINK_RE",
        "analysis.compare.labels.APPOSITIVE_RE",
        "analysis.compare.labels._OF_NAME_RE",
        "analysis.bias.features._ADVERB_RE",
    ):
        assert name in PATTERNS


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(ANCHORED_ONLY)))
def test_module_pattern_is_linear_on_long_repetitive_text(name: str) -> None:
    pattern = PATTERNS[name]
    short = _inputs(SCREEN_CHARS)
    slowest = sorted(range(len(short)), key=lambda i: -_seconds(pattern, short[i]))[:CONFIRMED]
    long = _inputs(CONFIRM_CHARS)
    for index in slowest:
        spent = _seconds(pattern, long[index])
        assert spent < PATTERN_BUDGET_S, f"{name} took {spent:.1f} s on {long[index][:40]!r}..."


MB = 1024 * 1024
#: A quadratic loader took 44 s (80,000 '[') to minutes on 1 MB inputs.
LOADER_BUDGET_S = 15.0


def _mb(unit: str, head: str = "", tail: str = "") -> str:
    return head + unit * ((MB - len(head) - len(tail)) // len(unit)) + tail


WORST_TEXT_FILES = {
    "brackets.md": _mb("["),
    "images.md": _mb("!["),
    "link-targets.md": _mb("[a]("),
    "open-bold.md": _mb("**a "),
    "heading-spaces.md": _mb(" ", "# x", "y"),
    "rule-like.md": _mb("- ", "", "x"),
    "front-matter-spaces.txt": _mb(" ", "title: x", "y\n\nThe council voted."),
    "fenced-spaces.md": _mb(" ", "---\ntitle: x", "y\n---\nThe council voted."),
    "appositive-spaces.txt": _mb(" ", "Smith, a", "y\u201d"),
    "capitals.txt": _mb("A"),
    "capital-words.txt": _mb("A ", "", "of "),
    "commas.txt": _mb("1,"),
    "newlines.txt": _mb("\n", "x"),
}


@pytest.mark.parametrize("name", sorted(WORST_TEXT_FILES))
def test_text_loaders_read_worst_case_megabytes_in_bounded_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(WORST_TEXT_FILES[name], encoding="utf-8")
    started = time.process_time()
    with contextlib.suppress(LoadError):  # refusing with a reason is fine; minutes are not
        load_path(path)
    assert time.process_time() - started < LOADER_BUDGET_S


WORST_PAGES = {
    "open-tags": _mb("<"),
    "open-scripts": _mb("<script>"),
    "open-comments": _mb("<!--"),
    "data-uris": _mb("data:"),
    "equals-quotes": _mb('="'),
    "xml-declaration": _mb(" ", "<?xml", "<p>x</p>"),
    "nested-divs": _mb("<div>", "", "<p>The council voted.</p>"),
    "unclosed-names": _mb("<a", "", "<p>The council voted.</p>"),
}


@pytest.mark.parametrize("name", sorted(WORST_PAGES))
def test_the_page_loader_reads_worst_case_megabytes_in_bounded_time(name: str) -> None:
    started = time.process_time()
    with contextlib.suppress(LoadError):
        load_html_string(WORST_PAGES[name], path=name)
    assert time.process_time() - started < LOADER_BUDGET_S


@pytest.mark.parametrize("unit", [" ", "1 ", "page 1 of ", "a-\n", "\n"])
def test_pdf_text_joining_is_linear(unit: str) -> None:
    started = time.process_time()
    join_pages([_mb(unit)] * 2)
    assert time.process_time() - started < LOADER_BUDGET_S


def test_markdown_keeps_its_meaning() -> None:
    from analysis.load.text import markdown_to_text

    text = "# Title ##\nSee [the plan](http://x.org/a) and ![pic](p.png) **now** __here__.\n***\n"
    assert markdown_to_text(text) == "Title\nSee the plan and  now here.\n\n"
    # Unclosed or space-bounded markers stay, as before the rewrite.
    assert markdown_to_text("a ** b** **c ** d") == "a ** b** **c ** d"
