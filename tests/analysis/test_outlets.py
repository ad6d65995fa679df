"""Tests for analysis.outlets: the outlet table, signatures and the detection order."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.load import load_many, load_path, load_text
from analysis.outlets import (
    UNKNOWN,
    detect_outlet,
    host_of,
    outlet_domains,
    outlet_for_site_name,
    outlet_for_url,
    outlet_from_signatures,
    signatures,
)
from analysis.resources import resource_path
from tests.analysis.loadfiles import STORY

BODY = STORY.replace("\n\n", " ")


def test_outlet_table_is_large_and_well_formed() -> None:
    rows = [
        line.split("\t")
        for line in resource_path("outlets.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ][1:]
    assert all(len(row) == 3 and all(cell.strip() for cell in row) for row in rows)
    domains = [row[0] for row in rows]
    assert len(domains) == len(set(domains)), "a domain is listed twice"
    assert len(set(outlet_domains().values())) >= 150


def test_signatures_compile_and_name_known_scopes() -> None:
    assert len(signatures()) >= 20
    assert {s.scope for s in signatures()} <= {"first-line", "head", "anywhere"}
    assert all(s.note for s in signatures())


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://edition.cnn.com/2023/03/01/world/x", "CNN"),
        ("https://www.bbc.co.uk/news/world-64817009", "BBC News"),
        ("http://BBC.com/news", "BBC News"),
        ("www.reuters.com/world/", "Reuters"),
        ("https://www.cbc.ca/news/world/x-1.67", "CBC News"),
        ("https://www.bloomberg.com:443/news/articles/x", "Bloomberg"),
        ("https://abcnews.go.com/International/x", "ABC News"),
        ("https://timesofindia.indiatimes.com/world/x", "The Times of India"),
        ("https://www.abc.net.au/news/x", "ABC News (Australia)"),
    ],
)
def test_outlet_for_url_matches_domains_and_subdomains(url: str, outlet: str) -> None:
    assert outlet_for_url(url) == outlet


@pytest.mark.parametrize(
    "url", ["", "https://example.org/x", "https://co.uk/", "https://notcnn.com/", "not a url"]
)
def test_outlet_for_url_unknown(url: str) -> None:
    assert outlet_for_url(url) is None


def test_host_of() -> None:
    assert host_of("HTTPS://WWW.Example.COM.:8080/a?b") == "example.com"
    assert host_of("http://[::1") == ""


@pytest.mark.parametrize(
    ("site_name", "outlet"),
    [
        ("BBC News", "BBC News"),
        ("bbc.co.uk", "BBC News"),
        ("guardian", "The Guardian"),
        ("BBC", "BBC News"),
        ("Reuters", "Reuters"),
        ("nytimes", "The New York Times"),
        ("The Guardian", "The Guardian"),
        ("Harbour Daily", "Harbour Daily"),
        ("  Harbour   Daily ", "Harbour Daily"),
    ],
)
def test_outlet_for_site_name(site_name: str, outlet: str) -> None:
    assert outlet_for_site_name(site_name) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("(Bloomberg) -- " + BODY, "Bloomberg"),
        ("LONDON (Reuters) - " + BODY, "Reuters"),
        ("WASHINGTON (AP) — " + BODY, "AP News"),
        ("PARIS (AFP) - " + BODY, "AFP"),
        ("(CNN) — " + BODY, "CNN"),
        ("- Ann Writer\n- BBC reporter\n" + BODY, "BBC News"),
        (BODY + "\n\nAccording to BBC Monitoring, the radio said so.", "BBC News"),
        (BODY + "\n\nWATCH | The bridge from above:\n\nDuration 1:01", "CBC News"),
        (
            "Find the latest breaking news and information on the top stories, science.\n\n" + BODY,
            "CNN",
        ),
    ],
)
def test_text_signatures(text: str, outlet: str) -> None:
    assert detect_outlet(text) == (outlet, "text signature")


def test_mentions_of_outlets_in_running_text_do_not_count() -> None:
    text = BODY + " The mayor told Reuters and the BBC that the CNN report was wrong."
    assert outlet_from_signatures(text) is None
    assert detect_outlet(text) == (UNKNOWN, "unknown")


def test_a_single_weak_signature_is_not_enough() -> None:
    text = BODY + "\n\nThe square was empty. (Jo Bloggs/The Associated Press)"
    assert outlet_from_signatures(text) is None


def test_detection_order_site_name_then_url_then_text() -> None:
    text = "(Reuters) - " + BODY
    url = "https://www.bbc.com/news/x"
    assert detect_outlet(text, url=url, site_name="Harbour Daily") == (
        "Harbour Daily",
        "html metadata",
    )
    assert detect_outlet(text, url=url) == ("BBC News", "domain")
    assert detect_outlet(text, url="https://unknown.example/x") == ("Reuters", "text signature")


def test_url_on_first_line_counts_as_domain() -> None:
    assert detect_outlet("https://www.theguardian.com/world/x\n\n" + BODY) == (
        "The Guardian",
        "domain",
    )


@pytest.mark.seeds
def test_seed_articles_come_out_as_their_outlets(seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    assert len(files) == 4
    articles, failures = load_many(files)
    assert failures == []
    assert [a.outlet for a in articles] == ["Bloomberg", "CNN", "CBC News", "BBC News"]
    assert all(a.outlet_source == "text signature" for a in articles)
    assert all(a.language == "en" and a.warnings == () for a in articles)


@pytest.mark.seeds
def test_seed_site_description_is_not_article_text(seeds_dir: Path) -> None:
    cnn = sorted(seeds_dir.glob("001_*.txt"))[0]
    raw = cnn.read_text("utf-8")
    article = load_path(cnn)
    first_line = raw.split("\n", 1)[0]
    # Kept visible, but page furniture: no sentence reaches into it.
    assert article.text == raw.strip()
    assert article.furniture[0].kind == "slogan"
    assert article.text[article.furniture[0].start : article.furniture[0].end] == first_line
    assert article.title == raw.split("\n")[2].strip()


@pytest.mark.data
def test_basil_articles_outlets_from_their_urls_and_all_english(data_dir: Path) -> None:
    import json

    expected = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}
    files = sorted((data_dir / "basil-dev" / "articles").glob("*/*.json"))
    assert len(files) >= 100
    for path in files:
        record = json.loads(path.read_text("utf-8"))
        text = "\n\n".join(" ".join(p) for p in record["body-paragraphs"])
        if not text.strip():
            continue
        article = load_text(text, url=record["url"])
        assert (article.outlet, article.outlet_source) == (
            expected[record["source"].lower()],
            "domain",
        ), path.name
        assert article.language == "en", path.name
