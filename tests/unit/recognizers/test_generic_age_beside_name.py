"""Ages written right after a name (``recognizers.generic.age_beside_name``,
``detection.add_ages_beside_names``). Names are fictitious."""

from __future__ import annotations

import dataclasses

import pytest

from processors.detection import Detector, Entity, add_ages_beside_names
from recognizers.generic.age_beside_name import AGE_BESIDE_NAME, AGE_BESIDE_NAME_SCORE, ages_beside_names


def ages(text: str, name: str) -> list[str]:
    start = text.index(name)
    return [text[s:e] for s, e in ages_beside_names(text, [(start, start + len(name))])]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Jan Jansen (45) uit Utrecht heeft gebeld", "Jan Jansen", ["45"]),
        ("Jan Jansen ( 45 ) belde", "Jan Jansen", ["45"]),
        ("John Smith, 52, called yesterday", "John Smith", ["52"]),
        ("this is for John Smith, 52.", "John Smith", ["52"]),
        ("Caroline (29) heeft gebeld", "Caroline", ["29"]),
        ("Marie Dupont, 7", "Marie Dupont", ["7"]),
        ("jean blin, 20 ans\nBien à vous", "jean blin", ["20"]),  # the line ends the clause
        # "ici", "here", "hier" between the name and the age
        ("jean blin ici, 20 ans\nBien à vous, jean blin", "jean blin", ["20"]),
        ("colis #3093435, Joseph Antoine ici 21 ans, je vous écris", "Joseph Antoine", ["21"]),
        # with a unit: in brackets, between commas, after "van"/"de"
        ("ma fille Léa (9 ans) adore ce jouet", "Léa", ["9"]),
        ("my daughter Chloe (7 years) loves it", "Chloe", ["7"]),
        ("ma fille Léa, 9 ans, adore ce jouet", "Léa", ["9"]),
        ("mijn dochter Emma van 6 jaar vindt dit leuk", "Emma", ["6"]),
        ("onze zoon Daan van 8 maanden", "Daan", ["8"]),
        ("Léa de 9 ans", "Léa", ["9"]),
        # the age with its unit right after the name, then where the writer is from or a clause's end
        ("bonjour je suis Kevin 22 ans de lille", "Kevin", ["22"]),
        ("hi I'm Tom 34 years from Leeds", "Tom", ["34"]),
        ("ik ben Kees 45 jaar uit Utrecht", "Kees", ["45"]),
        ("moi c'est Inès 19 ans.", "Inès", ["19"]),
    ],
)
def test_an_age_right_after_a_name(text: str, name: str, expected: list[str]) -> None:
    assert ages(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jan Jansen (45 items) bestelde", "Jan Jansen"),  # the bracket holds more than a number
        ("John Smith, 52 Baker Street", "John Smith"),  # a house number: no comma after it
        ("John Smith (2024)", "John Smith"),  # four digits
        ("John Smith (0)", "John Smith"),
        ("John Smith (120)", "John Smith"),  # no one is that old
        ("John Smith, 05, called", "John Smith"),  # a leading zero: a code, a month
        ("John Smith said (45)", "John Smith"),  # not right after the name
        ("Jan, 12 jaar klant bij jullie", "Jan"),  # how long, not how old: no comma after the unit
        ("Tom here 12 items missing", "Tom"),  # a count: words after the number
        ("de fiets van Jansen van 3 jaar geleden", "Jansen"),  # a time span
        ("le colis de Paul de 2 ans plus tard", "Paul"),
        ("Emma van 6 jaargangen", "Emma"),  # no unit: a longer word
        ("Jan 12 jaar klant bij jullie", "Jan"),  # how long he has been a customer
        ("Kevin 2 ans de garantie svp", "Kevin"),  # a warranty's length
        ("Jan Jansen 10 jaar geleden", "Jansen"),
    ],
)
def test_no_age_after_a_name(text: str, name: str) -> None:
    assert ages(text, name) == []


def test_a_number_something_else_covers_stays_as_it_is() -> None:
    text = "Jan Jansen (45) belde"
    name = Entity("PERSON", 0, 10, 0.9, "DutchNameRecognizer")
    out = add_ages_beside_names(text, [name])
    assert [(e.entity_type, text[e.start : e.end], e.score, e.recognizer) for e in out] == [
        ("PERSON", "Jan Jansen", 0.9, "DutchNameRecognizer"),
        ("AGE", "45", AGE_BESIDE_NAME_SCORE, AGE_BESIDE_NAME),
    ]
    other = Entity("DATE_TIME", 12, 14, 0.6, "DateRecognizer")
    assert add_ages_beside_names(text, [name, other]) == [name, other]


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "Haar dochter Caroline (29) heeft gebeld"
    (entities,) = real_detector.detect([text], ["nl"])
    assert ("AGE", "29") in [(e.entity_type, text[e.start : e.end]) for e in entities]


def test_the_rule_can_be_switched_off_by_name(real_detector: Detector) -> None:
    settings = dataclasses.replace(real_detector.settings, disabled_recognizers=frozenset({AGE_BESIDE_NAME}))
    detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    # no relative's noun before the name: "dochter Caroline (29)" is the age recognizer's own
    text = "Caroline Peeters (29) heeft gebeld"
    (entities,) = real_detector.detect([text], ["nl"])
    assert "AGE" in [e.entity_type for e in entities]
    (entities,) = detector.detect([text], ["nl"])
    assert "AGE" not in [e.entity_type for e in entities]
