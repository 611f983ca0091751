"""Organisations named by their acronym after a Dutch article (``recognizers.nl.acronym_organization``).

The acronyms are real organisations' (an acronym is public knowledge, not personal data); the rest
of each message is fictitious."""

from __future__ import annotations

import functools

import pytest

from processors.detection import Detector
from recognizers.entities import ORGANIZATION
from recognizers.nl.acronym_organization import ACRONYM_REGEX, DutchAcronymOrganizationRecognizer
from recognizers.settings import DEFAULT_LEXICON_DIR


@functools.cache
def recognizer() -> DutchAcronymOrganizationRecognizer:
    return DutchAcronymOrganizationRecognizer(DEFAULT_LEXICON_DIR)


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer().analyze(text, [ORGANIZATION])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik heb gisteren gebeld met de NMBS over mijn abonnement.", ["NMBS"]),
        ("Het IOC besliste gisteren dat de spelen doorgaan.", ["IOC"]),
        ("Mijn uitkering loopt via het UWV.", ["UWV"]),
        ("klant bij de ANWB sinds 2010", ["ANWB"]),
        # once named after an article, the acronym is the organisation wherever it stands
        ("De VLD wil minder belasting. VLD-voorzitter De Gucht zegt dat VLD wint.", ["VLD", "VLD"]),
    ],
)
def test_an_acronym_after_an_article(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mijn BSN is bekend bij de gemeente.",  # no article before it
        "Ik woon sinds 2010 in de VS.",  # a country
        "Na de GP van Monaco",  # an event
        "Is het BSN nodig?",  # a number, not an organisation
        "de NMBS-woordvoerder zei niets",  # a compound is one word
        "via de A12 naar huis",  # a road
        "dit is echt de NIEUWE versie",  # a word typed in capitals
        "Madame de BOYER a appelé",  # a particle and a surname in capitals
        "mijn zoon heeft de ADHD diagnose",  # a condition: the special categories report it
        "bij de ggd",  # lower case: a word
    ],
)
def test_no_organisation(text: str) -> None:
    assert found(text) == []


def test_the_screen_regex_finds_what_the_recognizer_reads() -> None:
    import re2

    assert re2.search(ACRONYM_REGEX, "bel de NMBS")
    assert not re2.search(ACRONYM_REGEX, "bel de nmbs")


def test_through_the_detector(real_detector: Detector) -> None:
    text = "Ik ben gisteren door de NMBS gebeld over mijn abonnement."
    entities = real_detector.detect([text], ["nl"])[0]
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("ORGANIZATION", "NMBS")]
