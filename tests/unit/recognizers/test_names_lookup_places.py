"""NameLookupRecognizer's capitalised places (fr, en): listed places the model missed, none inside
another model entity, no short acronyms. Place names are real; the sentences are made up."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from processors.detection import Detector
from recognizers.names.dutch_names import _place_heads
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
LOOKUP = {lang: NameLookupRecognizer(LEXICONS, lang) for lang in ("fr", "en")}


@dataclass
class _Span:
    start_char: int
    end_char: int
    label_: str


@dataclass
class _Artifacts:
    entities: list[_Span]


def places(language: str, text: str, entities: list[_Span] | None = None) -> list[str]:
    artifacts = _Artifacts(entities or [])
    results = LOOKUP[language].analyze(text, ["LOCATION"], artifacts)  # type: ignore[arg-type]
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Carry Me Back To Canada, a song", ["Canada"]),
        ("en", "Slovenia leader gives a speech", ["Slovenia"]),
        ("en", "he moved out of the Czech Republic", ["Czech Republic"]),
        ("fr", "il réside à Genève depuis 2001", ["Genève"]),
        ("en", "i live in leeds", ["leeds"]),  # lower case after a preposition, as before
    ],
)
def test_listed_places_are_reported(language: str, text: str, expected: list[str]) -> None:
    assert places(language, text) == expected


def test_a_place_inside_another_model_entity_is_part_of_its_name() -> None:
    text = "I worked at Boston Consulting Group"
    firm = _Span(text.index("Boston"), len(text), "ORG")
    assert places("en", text, [firm]) == []
    assert places("en", text, [_Span(firm.start_char, firm.start_char + 6, "GPE")]) == ["Boston"]


@pytest.mark.parametrize(
    ("text", "institution", "place"),
    [
        ("il n'était pas membre de l'Église de Suède", "Église de Suède", "Suède"),
        ("la Central Criminal Court de Londres l'a condamné", "Central Criminal Court de Londres", "Londres"),
    ],
)
def test_the_place_an_institution_is_in_is_a_place(text: str, institution: str, place: str) -> None:
    start = text.index(institution)
    assert places("fr", text, [_Span(start, start + len(institution), "ORG")]) == [place]


def test_short_acronyms_are_no_places() -> None:
    assert places("en", "the RHA decided") == []


def test_place_heads_are_the_first_words_of_place_keys() -> None:
    assert _place_heads(frozenset({"stoke on trent", "leeds", "'s hertogenbosch"})) == frozenset(
        {"stoke", "leeds", "'s"}
    )


def test_the_detector_reports_a_country_the_model_missed(real_detector: Detector) -> None:
    text = "Carry Me Back To Canada"
    (entities,) = real_detector.detect([text], ["en"])
    assert ("LOCATION", "Canada") in [(e.entity_type, text[e.start : e.end]) for e in entities]


def found(text: str) -> list[tuple[str, str]]:
    results = LOOKUP["en"].analyze(text, [], _Artifacts([]))  # type: ignore[arg-type]
    return [(r.entity_type, text[r.start : r.end]) for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My daughter goes to St Joseph's in Salford.", "St Joseph's"),
        ("We go to St. Mary's Primary on Elm Road.", "St. Mary's Primary"),  # with its institution words
        ("He was treated at St Thomas' Hospital last week.", "St Thomas' Hospital"),  # not the Virgin Island
    ],
)
def test_a_saints_name_in_the_possessive_is_an_institution(text: str, expected: str) -> None:
    found_here = found(text)
    assert ("ORGANIZATION", expected) in found_here
    assert [v for t, v in found_here if t == "PERSON"] == []


def test_a_feast_day_is_no_institution() -> None:
    assert [t for t, _ in found("Saint Patrick's Day is on Monday.")] == []


def test_initials_without_dots_stay_with_the_surname() -> None:
    assert ("PERSON", "Mr A J Patel") in found("Card holder: Mr A J Patel.")


def test_an_institutions_noun_in_lower_case_is_no_place() -> None:
    text = "mon fils est inscrit au collège Pierre Mendès France"
    results = LOOKUP["fr"].analyze(text, [], _Artifacts([]))  # type: ignore[arg-type]
    assert [text[r.start : r.end] for r in results if r.entity_type == "LOCATION"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Smiths at number 12 have my parcel", "Smiths"),
        ("I left it with the Patels next door", "Patels"),
        ("the Joneses are away this week", "Joneses"),
    ],
)
def test_a_surname_in_the_plural_after_the_names_a_household(text: str, expected: str) -> None:
    assert ("PERSON", expected) in found(text)


def test_a_plural_that_is_a_word_names_no_household() -> None:
    assert [v for t, v in found("I love the Beatles and the greens") if t == "PERSON"] == []
