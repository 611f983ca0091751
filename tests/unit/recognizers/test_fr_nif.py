"""FrNifRecognizer: the mod-511 check, the tax notices' grouping, compact numbers, longer runs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import FR_NIF
from recognizers.fr.nif import FrNifRecognizer, nif_check

RECOGNIZER = FrNifRecognizer()
GROUPED = RECOGNIZER.GROUPED_SCORE
COMPACT = RECOGNIZER.COMPACT_SCORE
# python-stdnum's documented example (stdnum.fr.nif): valid, and the same with its last digit changed
VALID = "3023217600053"


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [FR_NIF])
    assert all(r.entity_type == FR_NIF for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


def test_check_digits_of_the_documented_example() -> None:
    assert nif_check(VALID[:10]) == VALID[10:] == "053"


def test_scores_grouped_reported_compact_needs_a_context_word() -> None:
    assert COMPACT < 0.5 < GROUPED


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("Numéro fiscal de référence : 30 23 217 600 053", "30 23 217 600 053", GROUPED),
        ("mon SPI 30.23.217.600.053 merci", "30.23.217.600.053", GROUPED),
        ("30 23 217 600 053", "30 23 217 600 053", GROUPED),
        ("code 3023217600053", "3023217600053", COMPACT),
    ],
)
def test_valid_numbers(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "numéro fiscal 30 23 217 600 054",  # check digits wrong
        "3023217600054",
        "40 23 217 600 053",  # a first digit above 3: no tax number
        "1 30 23 217 600 053",  # part of a longer grouped number
        "30 23 217 600 053 12",
        "30232176000531",  # fourteen digits
    ],
)
def test_not_tax_numbers(text: str) -> None:
    assert found(text) == []


@given(st.integers(min_value=0, max_value=3_999_999_999))
def test_every_body_with_its_check_is_found_grouped(body_value: int) -> None:
    body = f"{body_value:010d}"
    digits = body + nif_check(body)
    grouped = f"{digits[:2]} {digits[2:4]} {digits[4:7]} {digits[7:10]} {digits[10:]}"
    assert found(f"numéro fiscal : {grouped}") == [(grouped, GROUPED)]
