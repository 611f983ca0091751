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
        ("it is 6750 Koskikatu 25 Apt. 864 in Artilleros", [("6750 Koskikatu 25 Apt. 864", 0.96)]),
        ("Suite 838", [("Suite 838", 0.5)]),
        ("I live in Springfield, IL 62704-1234 now", [("Springfield, IL 62704-1234", 0.65)]),
        ("Portland, ME 04101", [("Portland, ME 04101", 0.65)]),
        ("Colorado Springs\n, CO\n 70079", [("Colorado Springs\n, CO\n 70079", 0.65)]),
        ("send it to P.O. Box 287 please", [("P.O. Box 287", 0.65)]),
        ("my po box 12 is full", [("po box 12", 0.65)]),
        ("PSC 3294, Box 9168\nAPO AA 61487", [("PSC 3294, Box 9168\nAPO AA 61487", 0.7)]),
        ("Unit 4719 Box 7394 DPO AP 70942", [("Unit 4719 Box 7394 DPO AP 70942", 0.7)]),
        ("the room is Unit 4", [("Unit 4", 0.4)]),
        # a direction before the street's name
        ("deliver to 221 W 72nd St please", [("221 W 72nd St", 0.6)]),
        ("1600 N. Main Street, Springfield", [("1600 N. Main Street, Springfield", 0.6)]),
        # the unit's word in lower case before the building number
        (
            "apartment 12, 1600 Amsterdam Ave, New York, NY 10023",
            [("apartment 12, 1600 Amsterdam Ave, New York, NY 10023", 0.96)],
        ),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # USPS Publication 28 suffixes beyond the common ones score lower (everyday words too)
        ("I live at 128 Acacia Spring", [("128 Acacia Spring", 0.55)]),
        ("new address: 42 Ember Mountain", [("42 Ember Mountain", 0.55)]),
        ("ship it to 7 Harlow Forge Apt. 3 thanks", [("7 Harlow Forge Apt. 3", 0.7)]),
        # an address block grows from its unit, street or town line over its other lines
        (
            "The address is 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677",
            [("6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677", 0.96)],
        ),
        (
            "Jan Example\n\n20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488",
            [("20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488", 0.96)],
        ),
        (
            "Please return to 56539 Rua Cyro Franco 1213\nGRASSE, PA 39551 in case of an issue.",
            [("56539 Rua Cyro Franco 1213\nGRASSE, PA 39551", 0.96)],
        ),
        (
            "send a new one to 1987 74 Elm Street\n Suite 680\n Kissousa\n Cyprus 36903? I am away",
            [("1987 74 Elm Street\n Suite 680\n Kissousa\n Cyprus 36903", 0.96)],
        ),
        (
            ">228 Ringvej 144\n>Apt. 902\n>Qaqortoq\n>Greenland 96817",
            [("228 Ringvej 144\n>Apt. 902\n>Qaqortoq\n>Greenland 96817", 0.96)],
        ),
        (
            "It's at 479 95 Avenue des Tuileries Apt. 892 GUÉRET LI",
            [("479 95 Avenue des Tuileries Apt. 892 GUÉRET LI", 0.96)],
        ),
        # the unit's word right before a street that starts with the unit's number
        ("Acme Ltd, Unit 4 Riverside Park, Reading", [("Unit 4 Riverside Park, Reading", 0.96)]),
        ("Acme Ltd, Unit\n4 Riverside Park", [("4 Riverside Park", 0.55)]),
        # a unit ending the block: the match ends after its number
        ("ship it to 42 Maple Leaf Road suite 463, thanks", [("42 Maple Leaf Road suite 463", 0.96)]),
        ("unit 4526 box 0671\ndpo ap 40902", [("unit 4526 box 0671\ndpo ap 40902", 0.7)]),
        ("USNV Botolen\nFPO AE 12382", [("USNV Botolen\nFPO AE 12382", 0.7)]),
        # growth stops at people, labels, phone numbers and sentences
        ("Mrs. Jane Example Suite 541", [("Suite 541", 0.5)]),
        ("Apt 4B. Thanks John", [("Apt 4B", 0.5)]),
        ("call 555 1234 Apt 5 please", [("Apt 5", 0.5)]),
        ("Suite 12\nMobile: 0490 39 07 81", [("Suite 12", 0.5)]),
        ("Portugal 30971? Apt. 236\n21 253 109 8211", [("Apt. 236", 0.5)]),
    ],
)
def test_address_blocks(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(text) == expected


def test_registered_for_english_only() -> None:
    def names(language: str) -> set[str]:
        return {r.name for r in build(language, RecognizerSettings())}

    assert "StreetAddressRecognizer" in names("en")
    assert "StreetAddressRecognizer" not in names("fr") | names("nl")
