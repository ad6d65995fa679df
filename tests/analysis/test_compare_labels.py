"""Tests of analysis.compare.labels: descriptors of actors and concept-group counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare import compare
from analysis.compare.labels import labels, load_concepts, sentence_descriptors
from analysis.errors import LexiconError
from tests.analysis.compare_corpus import seed_corpus, story_corpus


def _found(sentence: str) -> set[tuple[str, str, str]]:
    return {
        (name, desc, kind)
        for name, desc, kind, _, _ in sentence_descriptors(sentence, 0, len(sentence))
    }


def test_appositive_and_title() -> None:
    found = _found("Port Minister Ada Rusk, a longtime rival of the mayor, resigned on Monday.")
    assert ("Ada Rusk", "Port Minister", "title") in found
    assert ("Ada Rusk", "a longtime rival of the mayor", "appositive") in found


def test_relative_clause_and_possessive_appositive() -> None:
    found = _found("The talks included Ivo Brand, Norland's top negotiator, and Lina Holt.")
    assert ("Ivo Brand", "Norland's top negotiator", "appositive") in found
    found = _found("Voters backed Ivo Brand, who has led the port union since 2009.")
    assert ("Ivo Brand", "who has led the port union since 2009", "relative clause") in found


def test_lists_and_fronted_places_are_not_descriptors() -> None:
    assert not _found("Delegates came from Ostby, Varden, Lund and Mora.")
    assert not _found("In Varden, the council voted to close the bridge.")


def test_descriptions_per_outlet_use_the_full_name() -> None:
    result = labels(story_corpus())
    descriptions = result.descriptions("Elena Voss")
    assert descriptions["Harbour Gazette"] == ("Mayor", "a former shipyard engineer")
    assert descriptions["Valley Courier"] == ("who critics call reckless",)
    assert "Elena Voss" in result.actors()


def test_concept_counts_per_outlet() -> None:
    counts = {
        (c.outlet, c.concept, c.term): c.count for c in compare(story_corpus()).labels.concepts
    }
    assert counts[("Harbour Gazette", "protesters", "protesters")] == 1
    assert counts[("Valley Courier", "protesters", "rioters")] == 1
    assert counts[("Valley Courier", "protesters", "protesters")] == 0
    # "conflict" names other things too ("conflict of interest"): no war concept term.
    assert not any(k[1:] == ("war", "conflict") for k in counts)


def test_user_concept_file(tmp_path: Path) -> None:
    path = tmp_path / "concepts.tsv"
    path.write_text(
        "# mine\nconcept\tterm\treason\nbridge\tbridge\tplain\nbridge\tharbour link\tspin\n",
        encoding="utf-8",
    )
    corpus = story_corpus()
    counts = {
        (c.outlet, c.term): c.count for c in labels(corpus, concepts=load_concepts(path)).concepts
    }
    assert counts[("Harbour Gazette", "bridge")] == 3
    assert counts[("Harbour Gazette", "harbour link")] == 0


def test_malformed_concept_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "concepts.tsv"
    path.write_text("concept\tterm\treason\nbridge only\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2"):
        load_concepts(path)


@pytest.mark.seeds
def test_seeds_lukashenko_is_described_differently(seeds_dir: Path) -> None:
    descriptions = labels(seed_corpus(seeds_dir)).descriptions("Alexander Lukashenko")
    cnn, bbc = set(descriptions["CNN"]), set(descriptions["BBC News"])
    assert cnn and bbc and not cnn & bbc
    assert any("ally" in d for d in bbc)
    assert not any("ally" in d for d in cnn)


def test_clauses_and_list_items_are_not_descriptors() -> None:
    assert not _found("For Ivo Brand, the vote was a defeat.")
    found = _found(
        "Letters went to former Mayor Ada Rusk, former Port Minister Ivo Brand and others."
    )
    assert ("Ada Rusk", "former Port Minister Ivo Brand", "appositive") not in found
    assert ("Ivo Brand", "former Port Minister", "title") in found


def test_description_after_name_of_place_belongs_to_the_person() -> None:
    found = _found("The plan was backed by Lina Holt of Ostby, the leader of the dock workers.")
    assert ("Lina Holt", "the leader of the dock workers", "appositive") in found


def test_labels_never_come_from_inside_a_quotation() -> None:
    from tests.analysis.compare_corpus import make_corpus

    text = (
        "Ivo Brand, the harbour master, spoke on Monday.\n\n"
        "“Mama Rusk, the best cook on the quay, is gone,” he said."
    )
    found = labels(make_corpus(("A", "a.txt", text))).descriptors
    assert [(d.actor, d.text) for d in found] == [("Ivo Brand", "the harbour master")]


def test_the_next_item_of_a_list_is_not_a_label() -> None:
    sentence = (
        "The plan urges an end to the tariffs imposed on Norland, measures to protect "
        "the quay, and new talks."
    )
    assert not _found(sentence)


def test_people_who_share_a_surname_keep_their_own_labels() -> None:
    from tests.analysis.compare_corpus import make_corpus

    text = (
        "Governor Ada Rusk opened the quay. Her son, Tom Rusk, a fisherman, watched.\n\n"
        "Rusk, a keen sailor, waved from his boat."
    )
    found = {(d.actor, d.text) for d in labels(make_corpus(("A", "a.txt", text))).descriptors}
    assert ("Ada Rusk", "Governor") in found
    assert ("Tom Rusk", "a fisherman") in found
    assert ("Tom Rusk", "a keen sailor") in found


def test_figures_adverbs_and_places_after_a_comma_are_not_descriptors() -> None:
    assert not _found("Among likely voters it was Ada Rusk, 49 percent to 44 percent.")
    assert not _found("Ivo Brand, meanwhile, kept the port open.")
    assert not _found("Ivo Brand, toward the end of the debate, raised the tariff.")
    assert not _found("In the Senate, a flurry of late votes decided the matter.")


def test_a_description_ends_before_the_clause_cut_after_it() -> None:
    found = _found("Ivo Brand, a retired harbour pilot and union organiser who, they say, sings.")
    assert ("Ivo Brand", "a retired harbour pilot and union organiser", "appositive") in found
    assert not {d for d in found if d[1].split()[-1] == "who"}
    assert not _found("It went to Lina Holt, who, in the end, declined.")


def test_an_actor_never_runs_across_a_sentence_end_or_a_line_break() -> None:
    from tests.analysis.compare_corpus import make_corpus

    text = (
        "Port talks between Norland and Ostby\n\n"
        "Ostby, a close ally of Norland, joined the talks. The council met on Tuesday.\n\n"
        "But Brand, the harbour master, said nothing. Mr. Brand, a former pilot, left.\n\n"
        "Ivo Brand opened the quay on Monday."
    )
    found = {(d.actor, d.text) for d in labels(make_corpus(("A", "a.txt", text))).descriptors}
    assert ("Ostby", "a close ally of Norland") in found
    assert ("Ivo Brand", "the harbour master") in found
    assert ("Ivo Brand", "a former pilot") in found
    assert not [actor for actor, _ in found if "." in actor or "Norland Ostby" in actor]


def test_titles_before_a_name_are_not_part_of_it() -> None:
    found = _found("Harbour Weekly Editor Ivo Brand, who led the charge, spoke first.")
    assert ("Ivo Brand", "who led the charge", "relative clause") in found
    assert ("Ivo Brand", "Harbour Weekly Editor", "title") in found
    found = _found("Majority Whip Lina Holt, who counts the votes, agreed.")
    assert ("Lina Holt", "who counts the votes", "relative clause") in found


def test_a_title_before_the_name_of_a_body_describes_no_one() -> None:
    assert not _found("The Justice Department opened an inquiry into the port.")
    found = _found("Norland County Sheriff Ivo Brand closed the quay.")
    assert ("Ivo Brand", "Norland County Sheriff", "title") in found
    found = _found("Residents cheered when City Prosecutor Lina Holt spoke to the council.")
    assert ("Lina Holt", "City Prosecutor", "title") in found


def test_a_surname_is_not_taken_for_the_start_of_an_organisation() -> None:
    from tests.analysis.compare_corpus import make_corpus

    text = (
        "Ivo Brand met staff at the Brand Harbour Sailing Club on Monday.\n\n"
        "Brand, an avid sailor, stayed for lunch."
    )
    found = {(d.actor, d.text) for d in labels(make_corpus(("A", "a.txt", text))).descriptors}
    assert found == {("Ivo Brand", "an avid sailor")}


@pytest.mark.seeds
def test_seeds_and_basil_descriptors_never_lie_inside_a_quotation(
    seeds_dir: Path, data_dir: Path
) -> None:
    import json

    from analysis.quotation import inside_quote
    from tests.analysis.compare_corpus import make_corpus

    corpora = [seed_corpus(seeds_dir)]
    by_story: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted((data_dir / "basil-dev" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p).strip() for p in article["body-paragraphs"])
        by_story.setdefault(article["triplet-uuid"], []).append(
            (article["source"], path.name, body)
        )
    corpora += [make_corpus(*articles) for articles in by_story.values()]
    checked = 0
    for corpus in corpora:
        for d in labels(corpus).descriptors:
            text = corpus.articles[d.article].article.content
            assert not inside_quote(text, d.start, d.end), d
            checked += 1
    assert checked > 100
