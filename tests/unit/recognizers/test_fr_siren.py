"""FrSirenRecognizer: Luhn gate, compact and grouped forms, low scores, no match inside longer numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import FR_SIREN
from recognizers.fr.siren import FrSirenRecognizer

RECOGNIZER = FrSirenRecognizer()
COMPACT = RECOGNIZER.COMPACT_SCORE
GROUPED = RECOGNIZER.GROUPED_SCORE


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [FR_SIREN])
    assert all(r.entity_type == FR_SIREN for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


def luhn_digit(body: str) -> str:
    """The digit that makes ``body`` + digit pass Luhn (independent of the recognizer's helper)."""
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str((10 - total % 10) % 10)


def test_scores_are_low_and_ordered() -> None:
    assert COMPACT < GROUPED < 0.5  # bare 9 digits need a context word to be reported


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("siren 732 829 320", "732 829 320", GROUPED),
        ("notre siren: 732829320.", "732829320", COMPACT),
        ("société n° 732.829.320", "732.829.320", GROUPED),
        ("732-829-320", "732-829-320", GROUPED),
        ("La Poste 356 000 000", "356 000 000", GROUPED),
    ],
)
def test_valid_sirens(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_luhn_digit_helper_matches_documented_example() -> None:
    assert luhn_digit("73282932") == "0"


@pytest.mark.parametrize(
    "text",
    [
        "siren 732 829 321",  # wrong check digit
        "732829329",
        "siret 732 829 320 00074",  # the SIREN part of a SIRET is the SIRET's
        "73282932000074",
        "tva FR 44 732 829 320",  # ... and of a VAT number
        "FR44732829320",
        "commande 123456",
        "le 12/03/2024",
        "mon numéro c'est le 06 12 34 56 78",
        "x732829320",
        "7328293200",
    ],
)
def test_no_match(text: str) -> None:
    assert found(text) == []


SIRENS = st.integers(0, 99_999_999).map(lambda n: f"{n:08d}").map(lambda body: body + luhn_digit(body))


@given(siren=SIRENS, grouped=st.booleans())
def test_property_any_luhn_valid_siren_is_found(siren: str, grouped: bool) -> None:
    typed = f"{siren[:3]} {siren[3:6]} {siren[6:]}" if grouped else siren
    text = f"le siren de ma société est {typed} merci"
    start = text.index(typed)
    results = RECOGNIZER.analyze(text, [FR_SIREN])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [
        (FR_SIREN, start, start + len(typed), GROUPED if grouped else COMPACT)
    ]


@given(siren=SIRENS, delta=st.integers(1, 9))
def test_property_wrong_check_digit_is_rejected(siren: str, delta: int) -> None:
    wrong = siren[:8] + str((int(siren[8]) + delta) % 10)
    assert found(f"siren {wrong}") == []
