"""International / US address parts (English): street with unit, unit alone, town-state-ZIP, PO box, military."""

from __future__ import annotations

import pytest

from recognizers.entities import ADDRESS
from recognizers.generic import build
from recognizers.generic.street_address import StreetAddressRecognizer
from recognizers.settings import RecognizerSettings

ADDRESSES = StreetAddressRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in ADDRESSES.analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please ship to 1600 Pennsylvania Avenue NW, Apt. 4 thanks", [("1600 Pennsylvania Avenue NW, Apt. 4", 0.7)]),
        ("my address is 42 Maple Leaf Rd Apt. 12B", [("42 Maple Leaf Rd Apt. 12B", 0.7)]),
        ("we moved to 12345 Old Mill Parkway last week", [("12345 Old Mill Parkway", 0.6)]),
        ("deliver at 123 5th Ave, #5 please", [("123 5th Ave, #5", 0.7)]),
        ("it is 6750 Koskikatu 25 Apt. 864 in Artilleros", [("Apt. 864", 0.5)]),
        ("Suite 838", [("Suite 838", 0.5)]),
        ("I live in Springfield, IL 62704-1234 now", [("Springfield, IL 62704-1234", 0.65)]),
        ("Portland, ME 04101", [("Portland, ME 04101", 0.65)]),
        ("Colorado Springs\n, CO\n 70079", [("Colorado Springs\n, CO\n 70079", 0.65)]),
        ("send it to P.O. Box 287 please", [("P.O. Box 287", 0.65)]),
        ("my po box 12 is full", [("po box 12", 0.65)]),
        ("PSC 3294, Box 9168\nAPO AA 61487", [("PSC 3294, Box 9168\nAPO AA 61487", 0.7)]),
        ("Unit 4719 Box 7394 DPO AP 70942", [("Unit 4719 Box 7394 DPO AP 70942", 0.7)]),
        ("the room is Unit 4", [("Unit 4", 0.4)]),
    ],
)
def test_addresses(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I ordered 3 items on Main page",
        "version 2 Drive",
        "it's 12 Hours On The Road",
        "unit 4 is broken",
        "apt 3 is fine",
        "I paid 25 Dollars, CA 90210",
        "order 12345 shipped, OK",
        "call me at 555 1234",
        "",
    ],
)
def test_not_addresses(text: str) -> None:
    assert found(text) == []


def test_registered_for_english_only() -> None:
    def names(language: str) -> set[str]:
        return {r.name for r in build(language, RecognizerSettings())}

    assert "StreetAddressRecognizer" in names("en")
    assert "StreetAddressRecognizer" not in names("fr") | names("nl")
