"""FrVatRecognizer: numeric key (12 + 3 × (SIREN mod 97)) mod 97, letter keys, typed forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import FR_VAT
from recognizers.fr.vat import FrVatRecognizer, vat_valid

RECOGNIZER = FrVatRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [FR_VAT])
    assert all(r.entity_type == FR_VAT for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


def luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str((10 - total % 10) % 10)


def key_of(siren: str) -> str:
    return f"{(12 + 3 * (int(siren) % 97)) % 97:02d}"


def test_key_formula_on_documented_examples() -> None:
    assert key_of("303265045") == "40"  # FR 40 303 265 045 (stdnum)
    assert key_of("732829320") == "44"  # FR 44 732 829 320


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tva intracom FR 40 303 265 045", "FR 40 303 265 045"),
        ("FR40303265045", "FR40303265045"),
        ("n° tva: fr40303265045.", "fr40303265045"),
        ("Fr 40 303265045", "Fr 40 303265045"),
        ("FR-40-303-265-045", "FR-40-303-265-045"),
        ("FR 23 334 175 221", "FR 23 334 175 221"),
        ("FRK7399859412", "FRK7399859412"),  # new-style keys (stdnum's examples)
        ("FR 4Z 123456782", "FR 4Z 123456782"),
    ],
)
def test_valid_vat_numbers_score_one(text: str, value: str) -> None:
    assert found(text) == [(value, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "FR 84 323 140 391",  # wrong key (stdnum)
        "FR41303265045",
        "FRIO334175221",  # I and O are not key characters
        "FR40303265046",  # SIREN fails Luhn
        "iban FR76 3000 6000 0112 3456 7890 189",
        "suivi colis XY123456789FR",
        "AFR40303265045",  # glued
        "FR403032650451",
        "le 12/03/2024",
    ],
)
def test_no_match(text: str) -> None:
    assert found(text) == []


def test_vat_valid_without_prefix() -> None:
    assert vat_valid("40303265045")
    assert not vat_valid("4030326504")


SIRENS = st.integers(0, 99_999_999).map(lambda n: f"{n:08d}").map(lambda b: b + luhn_digit(b))


@given(siren=SIRENS, spaced=st.booleans())
def test_property_numeric_key_is_found(siren: str, spaced: bool) -> None:
    typed = f"FR {key_of(siren)} {siren[:3]} {siren[3:6]} {siren[6:]}" if spaced else f"FR{key_of(siren)}{siren}"
    text = f"notre numéro de TVA est {typed} merci"
    start = text.index(typed)
    results = RECOGNIZER.analyze(text, [FR_VAT])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [(FR_VAT, start, start + len(typed), 1.0)]


@given(siren=SIRENS, delta=st.integers(1, 96))
def test_property_wrong_numeric_key_is_rejected(siren: str, delta: int) -> None:
    wrong = (int(key_of(siren)) + delta) % 97
    assert found(f"tva FR{wrong:02d}{siren}") == []
