"""An address whose parts were found apart, joined with the town between them
(``recognizers.generic.address_parts``, ``detection.join_address_parts``). Addresses are fictitious."""

from __future__ import annotations

import dataclasses

import pytest

from processors.detection import Detector, Entity, join_address_parts
from recognizers.generic.address_parts import ADDRESS_PARTS, joined_addresses


def spans(text: str, *parts: tuple[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for kind, value in parts:
        start = text.index(value)
        out.append((start, start + len(value), kind))
    return out


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "send it to 114 malcolm divide, nichollsmouth, w7 0ye",
            [("ADDRESS", "114 malcolm divide"), ("ADDRESS", "w7 0ye")],
        ),
        (
            "I live at Flat 62, Geraldine Landing, New Jason, B3T 6JQ",
            [("ADDRESS", "Flat 62, Geraldine Landing"), ("LOCATION", "New Jason"), ("ADDRESS", "B3T 6JQ")],
        ),
        ("12 Mill Road, Stratford upon Avon, CV37 6AB", [("ADDRESS", "12 Mill Road"), ("ADDRESS", "CV37 6AB")]),
        ("Kerkstraat 1, Oedelem, 8730", [("ADDRESS", "Kerkstraat 1"), ("ADDRESS", "8730")]),
        # chat leaves the commas out
        ("22 canal street manchester m1 3hp", [("ADDRESS", "22 canal street"), ("ADDRESS", "m1 3hp")]),
        ("kerkstraat 12 zevenhuizen 1234 AB", [("ADDRESS", "kerkstraat 12"), ("ADDRESS", "1234 AB")]),
    ],
)
def test_parts_and_the_town_between_them_are_one_address(text: str, parts: list[tuple[str, str]]) -> None:
    assert joined_addresses(text, spans(text, *parts)) == [(0, len(parts) - 1)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # two addresses, not one: a clause or a connector between them
        (
            "my address is 113 Debra Manor, Birmingham KA78 3HU, I live at 116 Bull Freeway",
            [("ADDRESS", "113 Debra Manor, Birmingham KA78 3HU"), ("ADDRESS", "116 Bull Freeway")],
        ),
        ("12 Elm Street, and then, 45 Oak Road", [("ADDRESS", "12 Elm Street"), ("ADDRESS", "45 Oak Road")]),
        ("22 canal street and then m1 3hp", [("ADDRESS", "22 canal street"), ("ADDRESS", "m1 3hp")]),
        (
            "my address is 37 elm cliff, leeds ls6 1qx my address is 34 oak river",
            [("ADDRESS", "37 elm cliff, leeds ls6 1qx"), ("ADDRESS", "34 oak river")],
        ),
        ("12 Elm Street, Leeds\nLS1 1AA", [("ADDRESS", "12 Elm Street"), ("ADDRESS", "LS1 1AA")]),  # two lines
        ("12 Elm Street, Block 4, LS1 1AA", [("ADDRESS", "12 Elm Street"), ("ADDRESS", "LS1 1AA")]),  # a digit
        # a phone between them is no town
        (
            "12 Elm Street, 07700 900123, LS1 1AA",
            [("ADDRESS", "12 Elm Street"), ("PHONE_NUMBER", "07700 900123"), ("ADDRESS", "LS1 1AA")],
        ),
    ],
)
def test_parts_of_two_addresses_stay_apart(text: str, parts: list[tuple[str, str]]) -> None:
    assert joined_addresses(text, spans(text, *parts)) == []


def test_three_parts_are_one_address() -> None:
    text = "Unit 4, Abbey Mills, Kirkstall, 12 Mill Road, Leeds, LS5 3AA"
    parts = spans(text, ("ADDRESS", "Unit 4, Abbey Mills"), ("ADDRESS", "12 Mill Road"), ("ADDRESS", "LS5 3AA"))
    assert joined_addresses(text, parts) == [(0, 2)]
    # two addresses next to each other with only a comma between: nothing to join
    assert joined_addresses(text, spans(text, ("ADDRESS", "Abbey Mills"), ("ADDRESS", "Kirkstall"))) == []


def test_joined_entity() -> None:
    text = "send it to 114 malcolm divide, nichollsmouth, w7 0ye please"
    street = Entity("ADDRESS", 11, 29, 0.96, "PlaceCueRecognizer")
    postcode = Entity("ADDRESS", 46, 52, 0.6, "UkPostcodeRecognizer")
    (joined,) = join_address_parts(text, [street, postcode])
    assert (text[joined.start : joined.end], joined.score, joined.recognizer) == (
        "114 malcolm divide, nichollsmouth, w7 0ye",
        0.96,
        ADDRESS_PARTS,
    )


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "billing address: 114 malcolm divide, nichollsmouth, w7 0ye"
    (entities,) = real_detector.detect([text], ["en"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [
        ("ADDRESS", "114 malcolm divide, nichollsmouth, w7 0ye")
    ]


def test_the_rule_can_be_switched_off_by_name(real_detector: Detector) -> None:
    settings = dataclasses.replace(real_detector.settings, disabled_recognizers=frozenset({ADDRESS_PARTS}))
    detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    text = "billing address: 114 malcolm divide, nichollsmouth, w7 0ye"
    (entities,) = detector.detect([text], ["en"])
    assert len([e for e in entities if e.entity_type == "ADDRESS"]) == 2
