"""``framelens --selftest``: check that an installation (frozen or not) really works.

It checks what a broken bundle gets wrong silently:

1. TextBlob's lexicon is there: a known sentence gets its known, non-zero
   subjectivity (a bundle without ``en/en-sentiment.xml`` scores everything 0.0);
2. every lexicon, outlet table, frame dictionary and sample article loads;
3. a one-page report renders to PDF through Qt (offscreen, no display needed).

It prints one line per check, then ``ok`` and exits 0; otherwise it names the
failed check and exits 1.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

#: A sentence and TextBlob's scores for it (tests/gui/test_selftest.py checks these
#: against TextBlob itself, so they cannot drift).
KNOWN_SENTENCE = "The brilliant plan was a terrible failure."
KNOWN_SUBJECTIVITY = 0.7666666666666666
KNOWN_POLARITY = -0.1388888888888889


def check_sentiment() -> str:
    from analysis.load import load_text
    from analysis.score import analyze_article

    result = analyze_article(load_text(KNOWN_SENTENCE, outlet="Self-test"))
    if len(result.sentences) != 1:
        raise AssertionError(f"expected 1 sentence, found {len(result.sentences)}")
    sentence = result.sentences[0]
    if abs(sentence.subjectivity - KNOWN_SUBJECTIVITY) > 1e-9:
        raise AssertionError(
            f"subjectivity {sentence.subjectivity} instead of {KNOWN_SUBJECTIVITY}: "
            "TextBlob's sentiment lexicon (en-sentiment.xml) is missing or wrong"
        )
    if abs(sentence.polarity - KNOWN_POLARITY) > 1e-9:
        raise AssertionError(f"polarity {sentence.polarity} instead of {KNOWN_POLARITY}")
    return f"subjectivity {sentence.subjectivity:.4f} as expected"


def check_resources() -> str:
    from analysis.bias import default_model
    from analysis.compare.frames import default_frames
    from analysis.compare.labels import default_concepts
    from analysis.lexicon import default_lexicon, load_categories
    from analysis.load import load_path
    from analysis.outlets import outlet_domains
    from analysis.resources import resources_dir

    root = resources_dir()
    lexicon = default_lexicon()
    categories = load_categories()
    default_model()
    from analysis.context import name_heads, neutral_words, war_cues

    if not (war_cues() and neutral_words() and name_heads()):  # resources/lexicons/context.tsv
        raise AssertionError("the context words (lexicons/context.tsv) are missing")
    default_frames()
    default_concepts()
    domains = outlet_domains()
    samples = sorted((root / "samples").glob("*.txt"))
    if len(samples) < 3:
        raise AssertionError(f"only {len(samples)} sample articles in {root / 'samples'}")
    outlets = {load_path(path).outlet for path in samples}
    return (
        f"{len(lexicon.entries)} lexicon entries in {len(categories)} categories, "
        f"{len(samples)} samples from {len(outlets)} outlets, {len(domains)} outlet domains"
    )


def check_report() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from analysis.compare import compare
    from analysis.pipeline import analyze
    from analysis.resources import resources_dir
    from gui.report.api import export_pdf

    _app = QApplication.instance() or QApplication([])
    corpus = analyze(sorted((resources_dir() / "samples").glob("*.txt")), workers=1)
    comparison = compare(corpus)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "selftest.pdf"
        export_pdf(target, corpus, comparison, sections=("summary",))
        data = target.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise AssertionError("the PDF report is empty or not a PDF")
    return f"one-page report rendered to PDF ({len(data)} bytes)"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("sentiment", check_sentiment),
    ("resources", check_resources),
    ("report", check_report),
)


def run(out: TextIO, err: TextIO) -> int:
    """Run every check; print ``ok`` and return 0, or the reason and 1."""
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as error:  # a self-test reports every failure, whatever it is
            err.write(f"selftest failed: {name}: {error}\n")
            if os.environ.get("FRAMELENS_DEBUG"):
                traceback.print_exc(file=err)
            return 1
        out.write(f"{name}: {detail}\n")
    out.write("ok\n")
    return 0
