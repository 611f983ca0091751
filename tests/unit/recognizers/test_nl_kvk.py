"""NlKvkRecognizer: 8 digits, no checksum, so only reportable with context (see test_nl_be_context)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.entities import NL_KVK
from recognizers.nl.common import is_date_digits
from recognizers.nl.kvk import NlKvkRecognizer

RECOGNIZER = NlKvkRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [NL_KVK])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("kvk 12345678", "12345678"),
        ("KvK-nummer: 87654321.", "87654321"),
        ("ingeschreven onder 1234 5678", "1234 5678"),
        ("kvk 1234.5678", "1234.5678"),
    ],
)
def test_eight_digits_are_candidates_below_threshold(text: str, value: str) -> None:
    assert found(text) == [(value, 0.2)]


@pytest.mark.parametrize(
    "text",
    [
        "kvk 00000000",
        "geboren 12032024",  # ddmmyyyy
        "factuurdatum 20240312",  # yyyymmdd
        "bestelling 123456789",  # 9 digits
        "1234567",
        "12-03-2024",
        "06 12345678",  # mobile subscriber part
        "kaart 1234 5678 9012 3456",
        "€ 12345678,50",
    ],
)
def test_not_a_kvk_number(text: str) -> None:
    assert found(text) == []


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_non_date_eight_digit_number_is_a_low_score_candidate(digits: str) -> None:
    assume(int(digits) != 0 and not is_date_digits(digits))
    assert found(f"kvk {digits}") == [(digits, 0.2)]
