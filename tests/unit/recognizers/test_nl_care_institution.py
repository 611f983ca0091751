"""Dutch healthcare institutions from deduce's lists (``recognizers.nl.care_institution``).

The institutions are real organisations from the lists (a test of a lookup needs listed names);
the people and the rest of each message are fictitious."""

from __future__ import annotations

import functools

import pytest

from processors.detection import Detector
from recognizers.entities import ORGANIZATION
from recognizers.names.lexicons import tokenize
from recognizers.nl.care_institution import NlCareInstitutionRecognizer, care_institutions, institution_words
from recognizers.settings import DEFAULT_LEXICON_DIR


@functools.cache
def recognizer() -> NlCareInstitutionRecognizer:
    return NlCareInstitutionRecognizer(DEFAULT_LEXICON_DIR)


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer().analyze(text, [ORGANIZATION])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik lig sinds gisteren in het Isala in Zwolle", ["Isala"]),
        ("Isala heeft mijn afspraak verzet", ["Isala"]),
        ("Mijn moeder is opgenomen in het UMC Utrecht, afdeling cardiologie.", ["UMC Utrecht"]),
        ("Ik had een afspraak bij het Erasmus MC maar die is verzet", ["Erasmus MC"]),
        ("de brief kwam van het Erasmus Medisch Centrum", ["Erasmus Medisch Centrum"]),
        ("ik werk bij het St. Antonius Ziekenhuis als verpleegkundige", ["St. Antonius Ziekenhuis"]),
        ("ik lag in het Antoniusziekenhuis", ["Antoniusziekenhuis"]),  # the hospital word joined
        ("ik lag in 't Lange Land Ziekenhuis", ["'t Lange Land Ziekenhuis"]),
        ("Het Lange Land Ziekenhuis belde terug", ["Het Lange Land Ziekenhuis"]),
        ("Mijn dochter gaat naar 's Heeren Loo in Ermelo", ["'s Heeren Loo"]),
        ("mijn huisarts zit bij Huisartsenpraktijk De Linde in Utrecht", ["Huisartsenpraktijk De Linde"]),
        ("Buurtzorg komt elke ochtend langs bij mijn vader", ["Buurtzorg"]),
        ("Ik heb de rekening van het Algemeen Ziekenhuis ontvangen", ["Algemeen Ziekenhuis"]),
        ("Het LUMC heeft de uitslag gestuurd", ["LUMC"]),  # an abbreviation, in capitals
        ("uitslag komt van het 'Isala' zelf", ["Isala"]),  # quotes are not the name's
    ],
)
def test_a_listed_institution_is_an_organisation(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De praktijk is gesloten op maandag.",  # a listed word, no name
        "Medisch centrum is gesloten",  # two listed words, only the sentence's first capitalised
        "De meander van de rivier is mooi",  # a word of the language
        "Gisteren belde Albert Schweitzer me nog",  # a hospital, and a man's name: the person rules decide
        "het lumc heeft gebeld",  # an abbreviation in lower case
        "bekend dat het Amerikaanse Salt Lake City had gewonnen",  # one word of a longer proper noun
        "ik ga morgen naar Zeist",  # a town
    ],
)
def test_words_and_names_that_are_no_institution(text: str) -> None:
    assert found(text) == []


def test_entity_filter_and_no_match_outside_the_list() -> None:
    text = "ik lig in het Isala"
    assert recognizer().analyze(text, ["PERSON"]) == []
    assert found("ik lig in het Zonnelicht Gasthuis van Nergenshuizen") == []


def test_lookup_words_follow_deduce_transforms() -> None:
    # "Zkh." and "Gasthuis" read as "ziekenhuis", "St." as "Sint", "ij" as "y", "&" as "en"
    assert institution_words(tokenize("St. Lucas Zkh.")) == ("sint", "lucas", "ziekenhuis")
    assert institution_words(tokenize("Wilhelmina Gasthuis")) == ("wilhelmina", "ziekenhuis")
    assert institution_words(tokenize("Alrijne & Co")) == ("alryne", "en", "co")
    # a comma ends the name: deduce's "Parnassia, Centrum Eerste Psychose" is found as "Parnassia"
    assert institution_words(tokenize("Parnassia, Centrum")) == ("parnassia",)
    names, prefixes, abbreviations = care_institutions()
    assert {"erasmus mc", "umc utrecht", "sint antoniusziekenhuis"} <= names
    assert "erasmus" in prefixes and "UMCU" in abbreviations


def test_the_detector_reports_the_institution_over_the_name_rules(real_detector: Detector) -> None:
    texts = [
        "Mijn moeder ligt in het UMC Utrecht",  # the place rule alone reads "Utrecht"
        "ik ben in behandeling bij Altrecht voor mijn depressie",  # the name rule alone reads a person
    ]
    results = real_detector.detect(texts, ["nl", "nl"])
    spans = [{(t[e.start : e.end], e.entity_type) for e in found} for t, found in zip(texts, results, strict=True)]
    assert ("UMC Utrecht", ORGANIZATION) in spans[0]
    assert not any(value == "Utrecht" for value, _ in spans[0])
    assert ("Altrecht", ORGANIZATION) in spans[1]
    assert not any(kind == "PERSON" for _, kind in spans[1])
