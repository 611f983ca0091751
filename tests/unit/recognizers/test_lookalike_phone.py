"""Phone numbers typed with the letter O for a zero (``recognizers.generic.lookalike_phone``).

Fictitious numbers: Ofcom's drama range (07700 900xxx, 020 7946 0xxx), and the 06 12 34 56 78 /
06-12345678 placeholders of French and Dutch forms."""

from __future__ import annotations

import functools

import pytest
import re2

from processors.detection import Detector
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.lookalike_phone import POSSIBLE_SCORE, LookalikePhoneRecognizer
from recognizers.generic.phone_validation import VALID_PHONE_SCORE


@functools.cache
def recognizer(language: str) -> LookalikePhoneRecognizer:
    return LookalikePhoneRecognizer(language)


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in recognizer(language).analyze(text, [PHONE_NUMBER])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "mon num c'est O6 12 34 56 78 merci", [("O6 12 34 56 78", VALID_PHONE_SCORE)]),
        ("fr", "fixe : O1.45.67.89.1O", [("O1.45.67.89.1O", VALID_PHONE_SCORE)]),
        ("nl", "mijn nummer is O6-12345678", [("O6-12345678", VALID_PHONE_SCORE)]),
        ("en", "it's O20 7946 0958 at work", [("O20 7946 0958", VALID_PHONE_SCORE)]),
        # Ofcom's drama range is only "possible": reported, lower
        ("en", "call me on o7700 9OO123", [("o7700 9OO123", POSSIBLE_SCORE)]),
        ("en", "+44 77OO 900123", [("+44 77OO 900123", POSSIBLE_SCORE)]),
    ],
)
def test_a_phone_number_with_o_for_zero(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "call me on 07700 900123"),  # no letter: the other phone recognizers read it
        ("en", "order 2OO5 2OO6"),  # too few real digits
        ("en", "OOO OOO OOO"),
        ("en", "model O1234OO5"),  # no phone number once read
        ("fr", "réf ABO6123456789"),  # inside a word
        ("nl", "de code is 1O2O3O4O5O6O"),  # too many letters
    ],
)
def test_no_phone_number(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_screen_regex_finds_what_the_recognizer_reads() -> None:
    (screen,) = recognizer("fr").screen_regexes()
    assert re2.search(screen, "O6 12 34 56 78")
    assert re2.search(screen, "07700 9OO123")
    assert not re2.search(screen, "06 12 34 56 78 ou onze")


def test_through_the_detector(real_detector: Detector) -> None:
    text = "bonjour, rappelez moi au O6 12 34 56 78 svp"
    entities = real_detector.detect([text], ["fr"])[0]
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("PHONE_NUMBER", "O6 12 34 56 78")]
