"""FrRibRecognizer: French bank details as a RIB (bank, branch, account, key). Fictitious values
whose keys are computed as Banque de France's rule says, and the published example with a letter."""

from __future__ import annotations

import pytest

from recognizers.entities import IBAN_CODE
from recognizers.fr.rib import FrRibRecognizer, rib_key_valid

RIB = FrRibRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RIB.analyze(text, [IBAN_CODE])]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("30004 00123 00012345678 43", True),
        ("20041 01005 0500013M026 06", True),  # an account number with a letter
        ("30006 00001 12345678901 89", True),  # the RIB inside FR76 3000 6000 0112 3456 7890 189
        ("30004 00123 00012345678 12", False),  # a wrong key
        ("30004 00123 0001234567 43", False),  # a digit short
    ],
)
def test_the_key(value: str, valid: bool) -> None:
    assert rib_key_valid(value) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon RIB : 30004 00123 00012345678 43", [("30004 00123 00012345678 43", 0.85)]),
        ("rib 20041-01005-0500013M026-06 merci", [("20041-01005-0500013M026-06", 0.85)]),
        # in one run: the key is a gate, a context word does the rest
        ("30004001230001234567843", [("30004001230001234567843", 0.4)]),
    ],
)
def test_a_rib(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "mon RIB : 30004 00123 00012345678 12",  # a wrong key
        "FR7630006000011234567890189",  # the IBAN's own recognizer's
        "commande 30004 00123 00012345678 43 99",  # part of a longer run of digit groups
    ],
)
def test_not_a_rib(text: str) -> None:
    assert found(text) == []
