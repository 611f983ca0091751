"""AgeRecognizer: the number is the span; durations ("10 jaar geleden", "il y a 10 ans") are not ages."""

from __future__ import annotations

import pytest

from recognizers.entities import AGE
from recognizers.generic.age import AgeRecognizer

RECOGNIZERS = {lang: AgeRecognizer(lang) for lang in ("fr", "nl", "en")}


def reported(language: str, text: str) -> list[str]:
    """Spans at or above the default reporting threshold (0.5)."""
    recognizer = RECOGNIZERS[language]
    return [text[r.start : r.end] for r in recognizer.analyze(text, [AGE]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "j'ai 34 ans", ["34"]),
        ("fr", "J’ai 34ans et je veux résilier", ["34"]),
        ("fr", "mon fils a 3 ans", ["3"]),
        ("fr", "elle a eu 40 ans hier", ["40"]),
        ("fr", "âgé de 72 ans", ["72"]),
        ("fr", "âge : 34", ["34"]),
        ("nl", "10 jaar oud", ["10"]),
        ("nl", "10-jarige patient", ["10"]),
        ("nl", "op 11-12 jarige leeftijd herhalen", ["11-12"]),
        ("nl", "leeftijd 3-4 jaar", ["3-4"]),
        ("nl", "patient is 6,5 jaar oud", ["6,5"]),
        ("nl", "op 12,5-jarige leeftijd", ["12,5"]),
        ("nl", "tussen 11-12,5 jaar oud", ["11-12,5"]),
        ("nl", "ik ben 34 jaar", ["34"]),
        ("en", "I'm 34 years old", ["34"]),
        ("en", "a 34-year-old customer", ["34"]),
        ("en", "34 y/o", ["34"]),
        ("en", "i'm 31 yo.", ["31"]),
        ("en", "aged 34", ["34"]),
        ("en", "age: 34", ["34"]),
        ("en", "My brother just turned 60", ["60"]),
    ],
)
def test_ages(language: str, text: str, expected: list[str]) -> None:
    assert reported(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "il y a 10 ans"),
        ("fr", "client depuis 10 ans"),
        ("fr", "garantie 2 ans"),
        ("fr", "cela fait 3 ans"),
        ("nl", "10 jaar geleden"),
        ("nl", "al 10 jaar klant"),
        ("nl", "elke 2 jaar afspraak"),
        ("nl", "ik ben 5 minuten te laat"),
        ("nl", "Batterij: 1,3 jaar"),
        ("en", "for 10 years"),
        ("en", "I'm 5 minutes late"),
        ("en", "10 years ago"),
        ("en", "age 200"),
        ("en", "I'm 34"),  # no unit: too ambiguous
    ],
)
def test_not_ages(language: str, text: str) -> None:
    assert reported(language, text) == []


def test_bare_number_and_unit_is_kept_below_the_threshold() -> None:
    results = RECOGNIZERS["fr"].analyze("34 ans", [AGE])
    assert [(r.start, r.end, r.score) for r in results] == [(0, 2, 0.3)]
