"""PoBoxRecognizer: French, Dutch and Belgian post office boxes, with the postcode and town after."""

from __future__ import annotations

import pytest

from recognizers.entities import ADDRESS
from recognizers.generic import build
from recognizers.generic.po_box import PoBoxRecognizer
from recognizers.settings import RecognizerSettings

RECOGNIZERS = {lang: PoBoxRecognizer(lang) for lang in ("fr", "nl")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("language", "text", "expected", "score"),
    [
        ("nl", "stuur het naar Postbus 1234", "Postbus 1234", 0.6),
        ("nl", "postbus 12345", "postbus 12345", 0.6),
        ("nl", "Postbus 123, 3500 AA Utrecht", "Postbus 123, 3500 AA Utrecht", 0.75),
        ("nl", "Postbus 5, 4600 AA Bergen op Zoom.", "Postbus 5, 4600 AA Bergen op Zoom", 0.75),
        ("nl", "Antwoordnummer 12345, 1000 VB Amsterdam", "Antwoordnummer 12345, 1000 VB Amsterdam", 0.75),
        ("nl", "Postbus 10, 1000 Brussel", "Postbus 10, 1000 Brussel", 0.75),
        ("fr", "envoyez à BP 123 75001 Paris", "BP 123 75001 Paris", 0.75),
        ("fr", "B.P. 45", "B.P. 45", 0.6),
        ("fr", "Boîte postale n° 45, 69002 Lyon", "Boîte postale n° 45, 69002 Lyon", 0.75),
        ("fr", "CS 70001 - 59650 Villeneuve d'Ascq", "CS 70001 - 59650 Villeneuve d'Ascq", 0.75),
        ("fr", "TSA 12345", "TSA 12345", 0.6),
    ],
)
def test_post_office_boxes(language: str, text: str, expected: str, score: float) -> None:
    assert found(language, text) == [(expected, score)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Bp 2019 was een goed jaar"),  # abbreviations count in capitals only
        ("fr", "cs 1.6 est un jeu"),
        ("nl", "de postbus is vol"),  # no number
        ("nl", "Postbus1234x"),  # glued
    ],
)
def test_not_post_office_boxes(language: str, text: str) -> None:
    assert found(language, text) == []


def test_french_and_dutch_only() -> None:
    """English "PO Box" is StreetAddressRecognizer's, and "BP 500" is a company in English news."""
    for language, present in (("fr", True), ("nl", True), ("en", False)):
        names = {type(r).__name__ for r in build(language, RecognizerSettings())}
        assert ("PoBoxRecognizer" in names) is present
