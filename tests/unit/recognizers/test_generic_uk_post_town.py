"""UkPostTownRecognizer: the post town before a UK postcode on its line (fictitious addresses)."""

from __future__ import annotations

import time

import pytest

from processors.detection import Detector
from recognizers import build_recognizers
from recognizers.entities import ADDRESS
from recognizers.generic.uk_post_town import UkPostTownRecognizer
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
RECOGNIZERS = {lang: UkPostTownRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a town that is also a word, after a comma
        ("en", "ship to my work: Unit 7, Riverside Estate, Hull HU9 1AB", ["Hull", "Riverside Estate"]),
        ("en", "Riverside Estate, Bath BA1 1AA", ["Bath", "Riverside Estate"]),
        ("en", "it is in Reading RG1 1AA", ["Reading"]),
        # capitals, a comma between town and postcode, joining words inside
        ("en", "LEEDS, LS6 2AB", ["LEEDS"]),
        ("en", "Newcastle upon Tyne NE1 4ST", ["Newcastle upon Tyne"]),
        ("en", "I moved to Stoke-on-Trent ST4 2AB last year", ["Stoke-on-Trent"]),
        ("en", "St Albans AL1 1AB", ["St Albans"]),
        # a street's type ends the town
        ("en", "12 Mill Lane Leeds LS6 2AB", ["Leeds"]),
        # a world town in lower case
        ("en", "leeds ls6 2ab", ["leeds"]),
        ("en", "(Hull HU9 1AB)", ["Hull"]),
        # a British address in a French or Dutch message
        ("fr", "j'habite maintenant à Leeds LS6 2AB", ["Leeds"]),
        ("nl", "mijn adres in Engeland: 5 Park Road, Hull HU9 1AB", ["Hull", "5 Park Road"]),
    ],
)
def test_the_town_before_the_postcode(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a house's name and a street without a number, before the town
        ("The Old Rectory, Church Lane, Little Snoring NR21 0HZ", ["Little Snoring", "The Old Rectory, Church Lane"]),
        ("Flat 2/1, 15 Byres Road, Glasgow G11 5RD", ["Glasgow", "Flat 2/1, 15 Byres Road"]),
        # the lines stop at a part that is no address's: a firm, a word
        (
            "Acme Ltd, Unit 7, Riverside Industrial Estate, Hull HU1 2AA",
            ["Hull", "Unit 7, Riverside Industrial Estate"],
        ),
        ("Thanks, Church Lane, Leeds LS6 2AB", ["Leeds", "Church Lane"]),
        ("c/o Priya Shah, Unit 4 Riverside Park, Reading RG1 8LS", ["Reading", "Unit 4 Riverside Park"]),
        ("I said, Hull HU9 1AB", ["Hull"]),
        # a locality between the street and the town, and a cue before the first line
        (
            "Rose Cottage, Mill Lane, Great Snoring, Fakenham NR21 0AA",
            ["Fakenham", "Rose Cottage, Mill Lane, Great Snoring"],
        ),
        ("Acme Ltd, Great Snoring, Fakenham NR21 0AA", ["Fakenham"]),  # a locality alone is not read
        ("deliver to Hillside Farm, Long Lane, Ashbourne DE6 1AB", ["Ashbourne", "Hillside Farm, Long Lane"]),
        ("my old house, Hull HU9 1AB", ["Hull"]),  # lower-case words
    ],
)
def test_the_address_lines_before_the_town(text: str, expected: list[str]) -> None:
    assert found("en", text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Postcode HU9 1AB"),  # a word naming the postcode
        ("en", "my postcode is HU9 1AB"),  # lower-case words before it
        ("en", "hull hu9 1ab"),  # a word in lower case, no world town
        ("en", "Cheers HU9 1AB"),  # a greeting
        ("en", "John Smith LS6 2AB"),  # the addressee
        ("en", "United Kingdom LS6 2AB"),  # the country
        ("en", "Flat 3 LS6 2AB"),  # a digit before the postcode
        ("en", "Leeds\nLS6 2AB"),  # another line
        ("en", "LeedsLS6 2AB"),  # glued
        ("en", "Leeds LS6 2ABC"),  # no postcode
        ("nl", "Adres: HU9 1AB"),
    ],
)
def test_no_town(language: str, text: str) -> None:
    assert found(language, text) == []


def test_built_for_every_language_and_screened_by_the_postcode() -> None:
    for language in ("fr", "nl", "en"):
        names = [type(r).__name__ for r in build_recognizers(language)]
        assert "UkPostTownRecognizer" in names and "UkPostcodeRecognizer" in names
    (screen_regex,) = RECOGNIZERS["en"].screen_regexes()
    postcode = next(r for r in build_recognizers("en") if type(r).__name__ == "UkPostcodeRecognizer")
    assert screen_regex in postcode.screen_regexes()  # one entry in the pattern screen for both


def test_the_detector_reports_the_town_and_keeps_the_postcode(real_detector: Detector) -> None:
    # a street reading ending on the town ("4 Riverside Park, Reading") must not take the town
    # with it when it loses to a unit's reading ("Unit 4")
    text = (
        "send the replacement to 12 Mill Lane, Wells BA5 2AB or Riverside Estate, Hull HU9 1AB, "
        "or c/o Priya Shah, Unit 4 Riverside Park, Reading RG1 8LS"
    )
    (entities,) = real_detector.detect([text], ["en"])
    covered = {i for e in entities for i in range(e.start, e.end)}
    for value in ("12 Mill Lane", "Wells", "BA5 2AB", "Hull", "HU9 1AB", "Unit 4 Riverside Park", "Reading"):
        start = text.index(value)
        assert set(range(start, start + len(value))) <= covered, value


@pytest.mark.parametrize(
    "hostile",
    ["A" * 20000 + " LS6 2AB", "Leeds " * 4000 + "LS6 2AB", "LS6 2AB " * 3000, "Church Lane, Leeds LS6 2AB, " * 10000],
)
def test_hostile_input_stays_fast(hostile: str) -> None:
    start = time.perf_counter()
    RECOGNIZERS["en"].analyze(hostile, [ADDRESS])
    assert time.perf_counter() - start < 2.0
