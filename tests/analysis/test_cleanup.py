"""Tests for analysis/cleanup.py: page furniture, bylines and headlines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.cleanup import clean, furniture_rules, headline_span
from analysis.load import load_path, load_text
from analysis.score import analyze_article

BODY = (
    "The city council voted on Tuesday to expand the bus network, adding four routes "
    "that will serve the northern suburbs.\n\n"
    "The plan, which costs about $12 million, was approved by seven votes to two."
)

#: One line per rule of resources/furniture.tsv (and per context rule): a line
#: that is furniture, with the kind it must get. Written for these tests.
FURNITURE_LINES = [
    ("Duration 3:05", "media"),
    ("DURATION 12:40", "media"),
    ("WATCH | Residents describe the flooding:", "media"),
    ("LISTEN | The mayor on the budget", "media"),
    ("Media caption, The minister spoke to reporters", "media"),
    ("We are sorry, this video is not available in your country.", "media"),
    ("2 hours ago", "timestamp"),
    ("Published 14 minutes ago", "timestamp"),
    ("Updated 10:02 AM EST, Thu March 2, 2023", "timestamp"),
    ("Published: 4 June 2021", "timestamp"),
    ("8:45 p.m.", "timestamp"),
    ("Photo: Maria Lopez/Reuters", "credit"),
    ("Getty Images", "credit"),
    ("AP Photo/Jane Roe", "credit"),
    ("The Associated Press contributed to this report.", "credit"),
    ("Lena Ortiz contributed reporting.", "credit"),
    ("Find the latest breaking news and information on sport, weather and more.", "slogan"),
    ("Democracy Dies in Darkness", "slogan"),
    ("Click here to get the app", "promo"),
    ("Sign up for our morning newsletter", "promo"),
    ("Follow Sam Green on Twitter @samgreen.", "promo"),
    ("Do you support the mayor? Like the page:", "promo"),
    ("Read more:", "promo"),
    ('"Related:"', "promo"),
    ("Share this article", "promo"),
    ("FACEBOOK.", "promo"),
    ("Advertisement", "promo"),
    ("Correction: May 3, 2019", "note"),
    ("CORRECTION: An earlier story gave the wrong date for the vote.", "note"),
    ("UPDATE:", "note"),
    ("This story has been updated with comments from the council.", "note"),
    (
        "Because of a reporting error, an earlier version of this article misstated the cost.",
        "note",
    ),
    ("A version of this article appears in print on May 3, 2019, on page A1.", "note"),
    ("Copyright 2019 The Daily Planet. All rights reserved.", "note"),
]

#: Lines that look a little like furniture but are article text.
ARTICLE_LINES = [
    "The video, which lasted 2:18, was posted on Tuesday.",
    "Correction officers said the inmate had been moved.",
    "Watch what happens when the council votes, she said.",
    "Police said the photo was taken two hours ago.",
    "Updated figures show the deficit grew by 3%.",
    "Sign language interpreters will attend every meeting.",
    "Follow-up hearings are planned for June.",
    "He shared the article with his followers.",
    "The bill (HB 2/3) passed the House.",
    "Reuters reported that the talks had stalled.",
]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind) for f in clean(text).furniture]


@pytest.mark.parametrize(("line", "kind"), FURNITURE_LINES)
def test_furniture_line_is_found_whole(line: str, kind: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY}"
    assert _kinds(text) == [(line, kind)]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_line_is_not_furniture(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY}"
    assert _kinds(text) == []


#: Examples of the rules that match inside or at the start of a line.
CREDITS = [
    "(Jane Roe/The Associated Press)",
    "(Jane Roe/Reuters )",
    "(AP Photo/Evan Price)",
    "(Photo: Jane Roe/Getty Images)",
]
DATELINES = [
    "WASHINGTON — ",
    "KANSAS CITY, Mo. -- ",
    "LONDON, Jan. 5 (Reuters) - ",
    "(Reuters) - ",
    "(Bloomberg) -- ",
]
WIRE_CREDIT = "(Reporting by Jane Roe; Editing by John Doe)"
UPDATE_PREFIX = "UPDATE: "


def test_every_rule_has_a_test() -> None:
    """A rule added to resources/furniture.tsv needs an example in this module."""
    partial = [*CREDITS, *DATELINES, WIRE_CREDIT, UPDATE_PREFIX + BODY]
    for rule in furniture_rules():
        if rule.scope == "line":
            assert any(rule.pattern.fullmatch(line) for line, _ in FURNITURE_LINES), (
                rule.pattern.pattern
            )
        else:
            assert any(rule.pattern.match(example) for example in partial), rule.pattern.pattern


def test_every_rule_has_a_reason_and_a_known_kind() -> None:
    for rule in furniture_rules():
        assert rule.reason.strip().endswith(".")
        assert rule.kind in (
            "byline", "dateline", "credit", "alt text", "media", "timestamp", "promo", "slogan",
            "note",
        )  # fmt: skip


@pytest.mark.parametrize("credit", CREDITS)
def test_photo_credit_after_a_caption_is_furniture_and_the_caption_is_not(credit: str) -> None:
    caption = "The mayor speaks at the opening of the new station on Monday."
    text = f"{BODY}\n\n{caption} {credit}\n\n{BODY}"
    assert _kinds(text) == [(credit, "credit")]


def test_wire_reporting_credit_is_furniture() -> None:
    text = f"{BODY}\n\n{WIRE_CREDIT}"
    assert _kinds(text) == [(WIRE_CREDIT, "credit")]


def test_image_description_above_a_credited_caption_is_alt_text() -> None:
    alt = "A woman in a red coat waves from the steps of a bus"
    caption = "The mayor rides the first bus on the new route. (Jane Roe/The Associated Press)"
    text = f"{BODY}\n\n{alt}\n{caption}\n\n{BODY}"
    found = _kinds(text)
    assert (alt, "alt text") in found
    assert ("(Jane Roe/The Associated Press)", "credit") in found
    assert not any(kind == "alt text" and "mayor rides" in span for span, kind in found)


def test_sentence_above_a_credited_caption_in_running_lines_is_not_alt_text() -> None:
    # Text copied with single line breaks: the line above the caption is article text.
    text = (
        "The council voted on Tuesday.\nOfficials said the four new routes were approved\n"
        "The mayor rides the first bus. (Jane Roe/Reuters)\nThe routes start in May."
    )
    assert _kinds(text) == [("(Jane Roe/Reuters)", "credit")]


def test_line_above_a_caption_without_credit_is_not_alt_text() -> None:
    text = f"{BODY}\n\nCouncil approves plan\nThe mayor rides the first bus.\n\n{BODY}"
    assert _kinds(text) == []


def test_video_block_title_times_and_blurb_are_furniture() -> None:
    block = (
        "WATCH | How the new routes will work:\n\n"
        "Council explains bus expansion\n\n"
        "5 days ago\n"
        "Duration 1:45\n"
        "A transport planner walks through the four new routes and their timetables."
    )
    text = f"{BODY}\n\n{block}\n\n{BODY}"
    kinds = [kind for _, kind in _kinds(text)]
    assert kinds == ["media", "media", "timestamp", "media", "media"]
    assert _kinds(text)[1][0] == "Council explains bus expansion"
    assert _kinds(text)[-1][0].startswith("A transport planner")


def test_text_after_a_video_blurb_is_not_taken_with_it() -> None:
    # In text with single line breaks the line after the time is article text.
    text = f"{BODY}\nDuration 1:45\nThe council meets again on Friday.\nIt will vote then."
    assert _kinds(text) == [("Duration 1:45", "media")]


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (["- Jane Roe and John Doe", "- City reporter"], "Jane Roe and John Doe"),
        (["By Maria T. Lopez"], "Maria T. Lopez"),
        (["By Jane Roe, John Doe and Ann Lee, CNN"], "Jane Roe, John Doe and Ann Lee"),
        (["Political correspondent"], ""),
    ],
)
def test_byline_is_furniture_and_names_the_author(lines: list[str], author: str) -> None:
    text = "\n".join(lines) + "\n" + BODY
    result = clean(text)
    assert [(text[f.start : f.end], f.kind) for f in result.furniture] == [
        (line, "byline") for line in lines
    ]
    assert result.author == author


def test_a_line_of_names_deep_in_the_article_is_not_a_byline() -> None:
    text = BODY + "\n\n" + BODY + "\n\n- Jane Roe and John Doe\n\n" + BODY
    assert clean(text).author == ""


@pytest.mark.parametrize("dateline", DATELINES)
def test_dateline_before_the_first_sentence_is_furniture(dateline: str) -> None:
    text = dateline + BODY
    assert _kinds(text) == [(dateline, "dateline")]


def test_update_label_before_a_sentence_leaves_the_sentence() -> None:
    text = UPDATE_PREFIX + BODY
    assert _kinds(text) == [(UPDATE_PREFIX, "note")]


def test_first_line_known_as_site_boilerplate_is_furniture() -> None:
    line = "Find the latest breaking news and information on the top stories, and more."
    assert _kinds(f"{line}\n\n{BODY}") == [(line, "slogan")]


@pytest.mark.parametrize(
    ("first", "headline"),
    [
        ("Council expands bus network to northern suburbs", True),
        ("Will the new routes pay for themselves?", True),
        ("'Jail!' Council member slams plan", True),
        ("The council voted on Tuesday to expand the network.", False),  # a sentence
        ("Council expands bus network", True),
        ("Bus", False),  # one word
        ("SEE ALSO THE FULL LIST OF NEW ROUTES AND STOPS", False),  # shouted label
    ],
)
def test_headline_is_a_short_first_line(first: str, headline: bool) -> None:
    text = f"{first}\n\n{BODY}"
    span = headline_span(text)
    assert (span == (0, len(first))) is headline


def test_headline_comes_after_the_furniture_above_it() -> None:
    text = f"Advertisement\n\nCouncil expands bus network\n\n{BODY}"
    result = clean(text)
    assert result.title == "Council expands bus network"
    assert text[slice(*result.headline)] == result.title  # type: ignore[misc]


def test_declared_title_marks_the_line_repeating_it() -> None:
    text = f"Council Expands Bus Network\n\n{BODY}"
    assert headline_span(text, title="Council expands bus network") == (0, 27)
    assert headline_span(text, title="Something else") is None


def test_text_that_is_only_a_line_has_no_headline() -> None:
    assert headline_span("Council expands bus network") is None


def test_pasted_text_gets_its_headline_as_title_and_byline_as_author() -> None:
    text = f"Council expands bus network\n- Jane Roe\n{BODY}"
    article = load_text(text)
    assert article.title == "Council expands bus network"
    assert article.author == "Jane Roe"
    assert article.text == text  # nothing is removed
    given = load_text(text, title="My title", author="Someone")
    assert (given.title, given.author) == ("My title", "Someone")


def test_furniture_is_blanked_in_content_with_the_same_offsets() -> None:
    text = f"{BODY}\n\nDuration 1:45\n\n{BODY}"
    article = load_text(text)
    assert len(article.content) == len(article.text)
    assert "Duration" not in article.content
    assert article.content.replace(" ", "") == text.replace("Duration 1:45", "").replace(" ", "")


def test_furniture_and_headline_are_in_no_sentence_and_no_word_count() -> None:
    text = (
        f"Council expands bus network\n\nBy Jane Roe\n\n{BODY}\n\n"
        "Two people wait at a bus stop in the rain\n"
        "Passengers wait for the first bus. (Ann Lee/Reuters)\n\n"
        "WATCH | The new routes:\n\nBus routes explained\n\n2 days ago\nDuration 0:58\n"
        "A planner explains the routes."
    )
    article = load_text(text)
    analyzed = analyze_article(article)
    sentences = [text[s.start : s.end] for s in analyzed.sentences]
    for f in article.furniture:
        assert all(s.end <= f.start or s.start >= f.end for s in analyzed.sentences), text[
            f.start : f.end
        ]
    assert "Passengers wait for the first bus." in sentences
    assert not any("Council expands" in s for s in sentences)
    assert analyzed.headline is not None
    assert text[analyzed.headline.start : analyzed.headline.end] == "Council expands bus network"
    plain = analyze_article(load_text(f"Council expands bus network\n\n{BODY}\n\n"
                                      "Passengers wait for the first bus."))  # fmt: skip
    assert analyzed.words == plain.words


@pytest.mark.seeds
def test_seed_articles_furniture_titles_and_authors(seeds_dir: Path) -> None:
    articles = [load_path(p) for p in sorted(seeds_dir.glob("0*.txt"))]
    kinds = [sorted({f.kind for f in a.furniture}) for a in articles]
    assert kinds == [
        ["dateline"],
        ["slogan"],
        ["alt text", "credit", "media", "timestamp"],
        ["byline"],
    ]
    # The two with a headline line get it as title; the other two have none in their text.
    assert [bool(a.title) for a in articles] == [False, True, True, False]
    assert articles[3].author and " and " in articles[3].author
    cbc = articles[2]
    assert sum(f.kind == "credit" for f in cbc.furniture) == 4
    assert sum(f.kind == "alt text" for f in cbc.furniture) == 4
    for article in articles:
        analyzed = analyze_article(article)
        for s in analyzed.sentences:
            sentence = article.text[s.start : s.end]
            assert not re.search(r"Duration \d|\d+ months ago|^WATCH \|", sentence)
            assert not any(f.start < s.end and s.start < f.end for f in article.furniture)


@pytest.mark.data
def test_basil_articles_lose_only_datelines_and_notes(tmp_path: Path, data_dir: Path) -> None:
    """On 150 clean BASIL articles, furniture is only datelines and editors' notes."""
    import json

    files = sorted((data_dir / "basil-dev" / "articles").glob("*/*.json"))
    assert files
    kinds: set[str] = set()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in data["body-paragraphs"] if " ".join(p).strip())
        for found in clean(body, title=data["title"]).furniture:
            kinds.add(found.kind)
            assert found.end - found.start < 400
    assert kinds <= {"dateline", "note"}


def test_an_article_without_a_headline_is_called_by_its_opening_words() -> None:
    text = (
        "- Ann Rivers\n- Staff reporter\n"
        "The harbour board voted on Tuesday to close the old ferry pier for two years "
        "while engineers rebuild its deck.\nThe vote was six to one."
    )
    article = load_text(text, path="/saved/000_9f3a1c.txt")
    assert article.title == ""  # no headline is invented
    # The byline is furniture and skipped; the cut is marked.
    assert article.display_title == "The harbour board voted on Tuesday to close the old\u00a0…"
    short = load_text("Parking fees rise in May.\nThe council agreed.", path="/saved/a.txt")
    assert short.title == "" and short.display_title == "Parking fees rise in May."
    quoted = load_text(
        "Both mayors say they are \u201cdeeply worried\u201d about the plan, which "
        "the \u201cbus board\u201d backs.\nMore."
    )
    assert (
        quoted.display_title
        == "Both mayors say they are \u201cdeeply worried\u201d about the plan\u00a0\u2026"
    )
    cut = load_text(
        "Both mayors say they are \u201cdeeply worried about the costs of the plan\u201d.\nX."
    )
    assert cut.display_title == "Both mayors say they are\u00a0\u2026"
    titled = load_text("Council expands bus network\n\nThe council added four routes.")
    assert titled.display_title == titled.title == "Council expands bus network"
