"""Issue 8: property tests over the whole analysis of one article.

For any Unicode text (combining marks, right-to-left scripts, emoji, NUL,
``\\r\\n``, very long words, nothing but punctuation, ...) loading it with
:func:`analysis.load.load_text` and scoring it with
:func:`analysis.score.analyze_article` never raises anything but
:class:`~analysis.errors.EmptyInputError` (for blank text), and the result is
consistent: sentence spans lie inside the text, in order and without overlap;
every highlight and assessment is a slice of the text; every score is in range.

The lexicon only runs on English text, and random text is rarely detected as
English, so every example is also analysed once more with the language forced
to ``"en"``. The budget is bounded (``max_examples``) so CI stays fast.
"""

from __future__ import annotations

import dataclasses
import math

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from analysis.errors import EmptyInputError
from analysis.load import load_text
from analysis.load.encoding import normalise_text
from analysis.model import AnalyzedArticle, Article
from analysis.score import analyze_article

#: Words that the lexicon or TextBlob mark, so highlights appear in random text.
MARKED = [
    "slammed", "regime", "thug", "claimed", "allegedly", "very", "not", "terrible",
    "good", "admitted", "so-called", "radical", "never", "disaster", "\"experts\"",
]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", ". ", "! ", "? ", "… ", "\x00"]
ODD = [
    "\u0301",  # combining acute accent
    "e\u0301\u0327\u0308",  # a stack of combining marks
    "\u202e",  # right-to-left override
    "\u200f\u200b\u2060",  # RTL mark, zero-width space, word joiner
    "שלום עולם",  # Hebrew
    "مرحبا بالعالم",  # Arabic
    "😀👍🏽👨‍👩‍👧",  # emoji, skin tone, ZWJ sequence
    "\ufeff",  # BOM inside text
    "…",
    "“”‘’«»„",
    "!?!?...;;::--",
    "x" * 5000,  # a very long word
    "\u2028\u2029\x85\x0b\x0c",  # Unicode line and paragraph separators
    "\x00\x01\x07\x1b",
]

#: Any text: arbitrary code points (no lone surrogates: a ``str`` from a file
#: or the clipboard never holds one), mixed with words the analysis marks and
#: the awkward pieces above.
ANY_TEXT = st.one_of(
    st.text(),
    st.lists(
        st.one_of(
            st.sampled_from(MARKED),
            st.sampled_from(SEPARATORS),
            st.sampled_from(ODD),
            st.text(max_size=12),
            st.text(alphabet=st.characters(whitelist_categories=("P", "S", "Zs")), max_size=20),
        ),
        max_size=80,
    ).map("".join),
)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_consistent(result: AnalyzedArticle) -> None:
    text = result.article.text
    previous_end = 0
    for sentence in result.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text), sentence
        assert sentence.start >= previous_end, "sentences overlap or are out of order"
        previous_end = sentence.end
        assert 0.0 <= sentence.subjectivity <= 1.0
        assert -1.0 <= sentence.polarity <= 1.0
        assert 0.0 <= sentence.bias <= 1.0
        assert not any(map(math.isnan, (sentence.subjectivity, sentence.polarity, sentence.bias)))
    for highlight in result.highlights:
        assert 0 <= highlight.start < highlight.end <= len(text), highlight
        assert highlight.text == text[highlight.start : highlight.end]
        assert 0.0 <= highlight.weight <= 1.0
        assert highlight.reason and "\n" not in highlight.reason
        if highlight.subjectivity is not None:
            assert 0.0 <= highlight.subjectivity <= 1.0
        if highlight.polarity is not None:
            assert -1.0 <= highlight.polarity <= 1.0
        # A highlight belongs to a sentence or to the headline (scored, not a sentence).
        spans = [*result.sentences, *([result.headline] if result.headline else [])]
        assert any(s.start <= highlight.start and highlight.end <= s.end for s in spans)
    for assessment in result.assessments:
        assert 0 <= assessment.start <= assessment.end <= len(text)
        assert 0.0 <= assessment.subjectivity <= 1.0
        assert -1.0 <= assessment.polarity <= 1.0
    assert result.words >= 0
    assert 0.0 <= result.subjectivity <= 1.0
    assert -1.0 <= result.polarity <= 1.0
    assert result.loaded_per_1000 >= 0.0
    # Shown by --hypothesis-show-statistics: how often the checks above had work to do.
    n = len(result.sentences)
    event(f"sentences: {n if n < 3 else '3+'}, highlights: {bool(result.highlights)}")


@PROPERTY
@given(ANY_TEXT)
@example("")
@example("\x00\x00\r\n\r\n")
@example("!!! ??? ... ;;; --- ***")
@example('The regime slammed the "experts".\r\nIt was a very terrible disaster!')
@example("e\u0301" * 3000)
@example("😀" * 500 + ". " + "👨‍👩‍👧 " * 200)
@example("שלום עולם. مرحبا بالعالم. The thug admitted it.")
def test_any_text_gives_consistent_offsets_and_scores(text: str) -> None:
    try:
        article = load_text(text)
    except EmptyInputError:
        # Blank once control characters are dropped: refused with a reason.
        assert not normalise_text(text).strip()
        return
    assert article.text == normalise_text(text).strip()
    check_consistent(analyze_article(article))
    if article.language != "en":
        # Also through the lexicon, which only runs on English text.
        check_consistent(analyze_article(dataclasses.replace(article, language="en")))


@PROPERTY
@given(ANY_TEXT)
@example("0:.:ALLEGEDLY\n!")  # an assessment across a line break: its reason stays one line
def test_raw_text_straight_into_the_analysis(text: str) -> None:
    """Text that skipped the loader (NUL, ``\\r``, surrounding blanks kept) is safe too."""
    check_consistent(analyze_article(Article(text=text, path="<raw>", language="en")))


def test_analysis_does_not_mutate_or_lose_the_article() -> None:
    article = load_text("The regime slammed the plan.  It was, allegedly, a disaster!")
    before = dataclasses.asdict(article)
    result = analyze_article(article)
    assert result.article is article
    assert dataclasses.asdict(article) == before
    assert [article.text[h.start : h.end] for h in result.highlights] == [
        h.text for h in result.highlights
    ]
    assert result.highlights, "the marked words were found"


#: Pieces of saved web pages, well-formed or not, in any order.
HTML_PIECES = [
    "<html>", "</html>", "<body>", "</body>", "<p>", "</p>", "<article>", "</article>",
    "<h1>", "</h1>", "<br>", "<div class='x'>", "</div>", "<script>", "</script>",
    "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<embed src='x'>",
    "<iframe src='http://example.invalid/'>", "</iframe>", "<img src='http://example.invalid/'>",
    "<meta charset='latin-1'>", "<meta http-equiv='refresh' content='0;url=http://x.invalid'>",
    "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "\"", "'", "<?xml?>",
    "<!DOCTYPE html>", "<svg><text>", "</svg>", "<template>", "</template>",
]  # fmt: skip


@PROPERTY
@given(
    st.lists(
        st.one_of(st.sampled_from(HTML_PIECES), st.sampled_from(MARKED), ANY_TEXT),
        max_size=40,
    ).map("".join)
)
def test_any_html_loads_or_is_refused_with_a_reason(html: str) -> None:
    from analysis.errors import LoadError
    from analysis.load import load_html_string

    try:
        article = load_html_string(html, path="<dropped>")
    except LoadError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert article.text and article.text == article.text.strip()
    assert "\x00" not in article.text and "\r" not in article.text
    check_consistent(analyze_article(article))
