"""Dutch bodies named by a capitalised head noun, and portfolios after an office
(``recognizers.nl.public_body``).

The bodies are real public ones (a body's name is public knowledge, not personal data); the people
and the rest of each message are fictitious."""

from __future__ import annotations

import functools

import pytest
import re2

from processors.detection import Detector
from recognizers.entities import ORGANIZATION
from recognizers.nl.public_body import DutchPublicBodyRecognizer
from recognizers.settings import DEFAULT_LEXICON_DIR


@functools.cache
def recognizer() -> DutchPublicBodyRecognizer:
    return DutchPublicBodyRecognizer(DEFAULT_LEXICON_DIR)


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer().analyze(text, [ORGANIZATION])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De Europese Commissie besliste gisteren.", ["Europese Commissie"]),
        ("Ook de Vlaamse Gemeenschapscommissie reageerde.", ["Vlaamse Gemeenschapscommissie"]),
        ("Hij zit al jaren in de Commissie.", ["Commissie"]),
        ("De Koninklijke Nederlandse Voetbalbond schorst hem.", ["Koninklijke Nederlandse Voetbalbond"]),
        ("Dat meldt de Veiligheidsraad.", ["Veiligheidsraad"]),
        # "en" joins two names, it does not make one
        ("Fortis Bank en de Nationale Bank zijn akkoord.", ["Fortis Bank", "Nationale Bank"]),
        # past the head: "van" and words of the language, not the name after them
        ("De Raad van State oordeelde anders.", ["Raad van State"]),
        ("De Raad van Bestuur van Sabena besliste.", ["Raad van Bestuur"]),
        ("Een klacht bij de Commissie voor het Bank- en Financiewezen.", ["Commissie"]),
    ],
)
def test_a_body_named_by_its_head_noun(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dat zei minister van Cultuur Piet Verhoeven gisteren.", ["Cultuur"]),
        ("Volgens de minister van Binnenlandse Zaken is het zo.", ["Binnenlandse Zaken"]),
        ("minister van Arbeid en Sociale Zaken Anna de Wit", ["Arbeid en Sociale Zaken"]),
        ("Het ministerie van Defensie zweeg.", ["Defensie"]),
    ],
)
def test_a_portfolio_after_an_office(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Commissie besluit vandaag.",  # one word opening a sentence
        "Jan de Raad belde gisteren.",  # a person: a first name, then the surname
        "mevrouw De Kamer belde",  # a title before it
        "mijn bank heeft niet gereageerd",  # no capital, no name
        "de VRT-nieuwsdienst meldt het",  # a compound noun with the head after its hyphen
        "het Nieuwe Verbond",  # too short a compound: "Ver" is no word before the head
        "de minister van financiën",  # no capital, no portfolio named
    ],
)
def test_no_body(text: str) -> None:
    assert found(text) == []


def test_the_screen_regex_finds_what_the_recognizer_reads() -> None:
    (screen,) = recognizer().screen_regexes()
    assert re2.search(screen, "de Vlaamse Gemeenschapscommissie")
    assert re2.search(screen, "minister van Cultuur")
    assert not re2.search(screen, "waar blijft mijn pakket?")


def test_through_the_detector(real_detector: Detector) -> None:
    text = "Ik heb een klacht ingediend bij de Europese Commissie."
    entities = real_detector.detect([text], ["nl"])[0]
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("ORGANIZATION", "Europese Commissie")]
