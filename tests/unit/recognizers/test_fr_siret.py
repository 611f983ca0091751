"""FrSiretRecognizer: Luhn on SIRET and SIREN, La Poste's sum-of-digits rule, typed forms."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.entities import FR_SIRET
from recognizers.fr.siret import FrSiretRecognizer, siret_valid

RECOGNIZER = FrSiretRecognizer()
COMPACT = RECOGNIZER.COMPACT_SCORE
GROUPED = RECOGNIZER.GROUPED_SCORE


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [FR_SIRET])
    assert all(r.entity_type == FR_SIRET for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


def luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str((10 - total % 10) % 10)


def la_poste_siret(nic4: str) -> str:
    """A La Poste establishment: 356000000 + NIC whose last digit brings the digit sum to a multiple of 5."""
    body = "356000000" + nic4
    return body + str(-sum(int(d) for d in body) % 5)


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("siret 732 829 320 00074", "732 829 320 00074", GROUPED),
        ("SIRET : 73282932000074", "73282932000074", COMPACT),
        ("732829320 00074", "732829320 00074", GROUPED),
        ("732.829.320.00074", "732.829.320.00074", GROUPED),
        ("siège de La Poste 35600000000048", "35600000000048", COMPACT),  # head office: Luhn
    ],
)
def test_valid_sirets(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_la_poste_establishments_use_the_sum_of_digits() -> None:
    number = la_poste_siret("1234")
    assert sum(map(int, number)) % 5 == 0
    assert found(f"bureau de poste siret {number}") == [(number, COMPACT)]
    wrong = number[:13] + str((int(number[13]) + 1) % 10)
    assert found(f"siret {wrong}") == []


@pytest.mark.parametrize(
    "text",
    [
        "siret 732 829 320 00079",  # wrong check digit (stdnum's example)
        "73282932000079",
        "commande 12345678901234",  # 14 digits failing Luhn
        "iban FR76 3000 6000 0112 3456 7890 189",
        "carte 4970 1012 3456 7890",
        "le 12/03/2024",
        "732 829 320 000745",
    ],
)
def test_no_match(text: str) -> None:
    assert found(text) == []


def test_siren_must_also_pass_luhn() -> None:
    # 14 digits passing Luhn whose first 9 do not: not a SIRET
    body = "1234567890123"
    number = body + luhn_digit(body)
    assert not siret_valid(number)
    assert found(number) == []


SIRETS = st.integers(0, 99_999_999).map(lambda n: f"{n:08d}").map(lambda b: b + luhn_digit(b))


@given(siren=SIRETS, nic=st.integers(0, 9999), grouped=st.booleans())
def test_property_any_valid_siret_is_found(siren: str, nic: int, grouped: bool) -> None:
    assume(siren != "356000000")
    body = f"{siren}{nic:04d}"
    number = body + luhn_digit(body)
    typed = f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}" if grouped else number
    text = f"voici le siret de l'établissement {typed}, merci"
    start = text.index(typed)
    results = RECOGNIZER.analyze(text, [FR_SIRET])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [
        (FR_SIRET, start, start + len(typed), GROUPED if grouped else COMPACT)
    ]


@given(siren=SIRETS, nic=st.integers(0, 9999), delta=st.integers(1, 9))
def test_property_wrong_check_digit_is_rejected(siren: str, nic: int, delta: int) -> None:
    assume(siren != "356000000")
    body = f"{siren}{nic:04d}"
    wrong = body + str((int(luhn_digit(body)) + delta) % 10)
    assert found(f"siret {wrong}") == []
