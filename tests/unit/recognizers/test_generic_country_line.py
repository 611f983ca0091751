"""CountryLineRecognizer: the town above an address block's country line (fictitious addresses)."""

from __future__ import annotations

import pytest

from recognizers import build_recognizers
from recognizers.entities import ADDRESS
from recognizers.generic.country_line import CountryLineRecognizer, country_keys
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
RECOGNIZERS = {lang: CountryLineRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Przemek Kucharski\n\nALFRICK\nUnited Kingdom", ["ALFRICK"]),
        ("en", "Maha Cazares\n\nChiclana de la Frontera\nSpain", ["Chiclana de la Frontera"]),
        # a region's code between the town and the country; the postcode after the country
        ("en", "5850 Jana Nerudy 894\nPorto Alegre\n, RS\n Brazil 95828", ["Porto Alegre\n, RS", "95828"]),
        ("en", "??? apt. 169\n??? marke\n??? belgium 97466", ["marke", "97466"]),
        # a region's code without a country: the town above it, the postcode under it
        ("en", "Apt. 204\nDanielskuil\n, NC\n 29451", ["Danielskuil\n, NC", "29451"]),
        ("en", "> Suite 112\n> Kastro\n> Cyprus (Greek) 51034", ["Kastro", "51034"]),
        ("nl", "Jan Peeters\nKerkstraat 1\nMarke\nBelgië", ["Marke"]),
        ("fr", "Mme Durand\n12 rue Haute\nSaint-Brieuc\nFrance", ["Saint-Brieuc"]),
        # punctuation after the country, as the parse strips it: the quick look must too
        ("en", "Przemek Kucharski\nALFRICK\nUnited Kingdom,", ["ALFRICK"]),
    ],
)
def test_the_town_above_the_country(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Maha Cazares\nSpain"),  # the addressee, no town
        ("en", "I love\nFrance"),  # a sentence's words
        ("en", "Delivery options\nNext Day\nUK"),  # words of the language, no place
        ("en", "We ship to\nBelgium\nFrance"),  # a list of countries
        ("en", "Apt. 4\nUnited Kingdom"),  # a digit: the street's line, the street recognizers' job
        ("en", "ALFRICK United Kingdom"),  # one line
        ("nl", "Groeten uit\nBelgië"),
    ],
)
def test_no_town(language: str, text: str) -> None:
    assert found(language, text) == []


def test_country_names_in_the_language_and_aliases() -> None:
    assert {"belgie", "frankrijk", "uk"} <= country_keys("nl")
    assert {"belgique", "royaume uni", "usa"} <= country_keys("fr")


def test_built_for_every_language() -> None:
    for language in ("fr", "nl", "en"):
        assert "CountryLineRecognizer" in {type(r).__name__ for r in build_recognizers(language)}


def test_only_multi_line_texts_are_screened_in() -> None:
    assert RECOGNIZERS["en"].screen_regexes() == [r"\n"]


def test_a_block_without_a_country_or_region_line_is_not_parsed() -> None:
    recognizer = RECOGNIZERS["en"]
    assert not recognizer._may_close_a_block("3369 24 Clarke Avenue")
    assert recognizer._may_close_a_block("> Cyprus (Greek) 51034")
    assert recognizer._may_close_a_block(", RS")
    assert not recognizer._may_close_a_block("x" * 100)
