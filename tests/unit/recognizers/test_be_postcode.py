"""BePostcodeRecognizer: a 4-digit postcode counts only with a town after it."""

from __future__ import annotations

import pytest

from recognizers.be.postcode import BePostcodeRecognizer
from recognizers.entities import ADDRESS

RECOGNIZER = BePostcodeRecognizer("fr")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("j'habite à 1000 Bruxelles", "1000 Bruxelles", 0.6),
        ("9000 gent", "9000 gent", 0.6),  # known town, lower case
        ("B-4000 Liège", "B-4000 Liège", 0.6),
        ("4000 liege", "4000 liege", 0.6),
        ("9100 Sint-Niklaas", "9100 Sint-Niklaas", 0.6),
        ("1348 Louvain-la-Neuve", "1348 Louvain-la-Neuve", 0.6),
        ("1000 Bruxelles merci", "1000 Bruxelles", 0.6),
        ("1000 Bruxelles Merci", "1000 Bruxelles", 0.6),  # a chat word after the town is dropped
        ("6600 Bastogne", "6600 Bastogne", 0.6),
        ("7970 Beloeil", "7970 Beloeil", 0.4),  # capitalised, not in the list: needs context
    ],
)
def test_postcode_and_town(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "1000",
        "en 2024 nous avons",
        "2000 euros",
        "2000 Euro",
        "j'ai payé 1500 pour rien",
        "1998 Ik was klant",
        "le 12/03/2024 Lundi",
        "12-1000 Bruxelles",  # part of a longer number
        "10000 Bruxelles",
        "0999 Bruxelles",
    ],
)
def test_not_a_postcode(text: str) -> None:
    assert found(text) == []
