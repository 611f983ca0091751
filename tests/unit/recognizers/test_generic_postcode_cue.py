"""PostcodeCueRecognizer: postcodes standing alone after the word for them (fictitious messages)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import ADDRESS
from recognizers.generic.postcode_cue import PostcodeCueRecognizer

RECOGNIZERS = {lang: PostcodeCueRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "code postal 13001", "13001"),
        ("fr", "mon code postal est le 75011", "75011"),
        ("fr", "Code postal : 2A004", "2A004"),
        ("fr", "code postal 1000 (Bruxelles)", "1000"),
        ("nl", "mijn postcode is 1000", "1000"),
        ("nl", "postcode: 7412 SL graag", "7412 SL"),
        ("en", "my zip is 90210", "90210"),
        ("en", "zip code 90210-1234", "90210-1234"),
        ("en", "ZIP: 75534-030", "75534-030"),
        ("en", "My post code is 2371", "2371"),
    ],
)
def test_postcodes_after_their_name(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, PostcodeCueRecognizer.SCORE)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "mon fils est en CP 2024"),  # "CP" is also a school year
        ("fr", "code postal inconnu, commande 12345"),  # a word that is no filler ends the search
        ("fr", "commande 75011"),  # no postcode word
        ("nl", "mijn postcode is 1000 en ik woon"),  # lower-case letters are no Dutch postcode letters
        ("en", "the zip file 12345"),
        ("en", "zip code 123"),  # too short
        ("en", "zip code 123456"),  # too long
    ],
)
def test_what_is_no_postcode_after_its_name(language: str, text: str) -> None:
    if text == "mijn postcode is 1000 en ik woon":
        assert found(language, text) == [("1000", PostcodeCueRecognizer.SCORE)]
    else:
        assert found(language, text) == []


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "mon code postal est le 75011, merci"
    (entities,) = real_detector.detect([text], ["fr"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("ADDRESS", "75011")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a house number after the word for it: with a Dutch postcode, one front door
        ("nl", "mijn postcode is 3512 JK en huisnummer 8", [("3512 JK", 0.85), ("8", 0.6)]),
        # chat types the letters in lower case; two letters that are a word are none of it
        ("nl", "kerkstraat 12 in utrecht, postcode 3511 ab", [("3511 ab", 0.85)]),
        ("nl", "postcode 3511 en huisnummer 8", [("3511", 0.85), ("8", 0.6)]),
        ("nl", "huisnummer 12a", [("12a", 0.6)]),
        ("nl", "huisnr: 31 bis", [("31 bis", 0.6)]),
        ("en", "house number 12a", [("12a", 0.6)]),
        # the word without a number
        ("nl", "wat is uw huisnummer?", []),
        ("nl", "het huisnummer klopt niet", []),
        ("en", "what is your house number?", []),
        ("fr", "numéro 12", []),  # French has no house-number cue: "numéro" names too much
    ],
)
def test_house_numbers_after_their_name(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "59000", "59000"),
        ("fr", " 2A004.", "2A004"),
        ("nl", "9000", "9000"),
        ("nl", "3511 lk", "3511 lk"),
        ("en", "90210!", "90210"),
        ("fr", "12 euros", None),  # more than a postcode
        ("en", "1234, why?", None),
        ("nl", "3511 en", None),  # the two letters are a word
        ("en", "123", None),
    ],
)
def test_a_reply_to_a_question_for_the_postcode(language: str, text: str, expected: str | None) -> None:
    result = RECOGNIZERS[language].reply(text, [], frozenset({"postcode"}))
    assert (None if result is None else (result.entity_type, text[result.start : result.end])) == (
        None if expected is None else (ADDRESS, expected)
    )


def test_the_detector_reads_the_reply_after_the_question(real_detector: Detector) -> None:
    question = ["votre", "code", "postal"]
    entities = real_detector.detect(["59000", "59000"], ["fr", "fr"], [question, ["merci"]])
    assert [[(e.entity_type, e.start, e.end) for e in found] for found in entities] == [[("ADDRESS", 0, 5)], []]
