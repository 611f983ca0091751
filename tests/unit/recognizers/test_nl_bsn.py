"""NlBsnRecognizer: elfproef, typed layouts, scores below the threshold without context."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.entities import NL_BSN
from recognizers.nl.bsn import NlBsnRecognizer
from recognizers.nl.common import elfproef

RECOGNIZER = NlBsnRecognizer()


def bsn_check_digit(body: str) -> int:
    """The 9th digit that makes 8 digits pass the elfproef (10 means: no valid BSN)."""
    return sum(weight * int(digit) for weight, digit in zip(range(9, 1, -1), body, strict=True)) % 11


def make_bsn(body: str) -> str:
    check = bsn_check_digit(body)
    assert check != 10
    return body + str(check)


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [NL_BSN])]


VALID = make_bsn("12345678")  # 123456782: fictitious, computed
VALID_LEADING_ZERO = make_bsn("01234567")  # 012345672


def test_fixture_values_are_what_the_docs_show() -> None:
    assert VALID == "123456782"
    assert elfproef(VALID)
    assert not elfproef("123456789")


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("mijn bsn is 123456782", "123456782", 0.3),
        ("mijn bsn is 1234 56 782", "1234 56 782", 0.4),
        ("bsn: 1234.56.782 graag verwerken", "1234.56.782", 0.4),
        ("burgerservicenummer 123 456 782.", "123 456 782", 0.4),
        ("sofinummer 123-456-782 ok?", "123-456-782", 0.4),
        ("(123456782)", "123456782", 0.3),
    ],
)
def test_typed_layouts_are_found_below_threshold(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_eight_digits_are_padded_with_the_dropped_zero() -> None:
    assert found(f"oud sofinummer {VALID_LEADING_ZERO[1:]}") == [(VALID_LEADING_ZERO[1:], 0.2)]
    assert found(f"bsn {VALID_LEADING_ZERO}") == [(VALID_LEADING_ZERO, 0.3)]


@pytest.mark.parametrize(
    "text",
    [
        "mijn bsn is 123456789",  # wrong check digit
        "ordernummer 123456789 is niet aangekomen",
        "bestelling 1234567820 (10 cijfers)",
        "1234567829",
        "x123456782",
        "123456782x",
        "kaart 1234 5678 9012 3456",
        "betaald € 12,50 op 12-03-2024 om 10:30",
        "geboren in 1985, nu 2024",
        "12032024",  # a date as 8 digits passes nothing
        "123 456 782 123",  # part of a longer spaced number
        "06 12345678",  # a mobile number's subscriber part
    ],
)
def test_not_a_bsn(text: str) -> None:
    assert found(text) == []


def test_result_metadata_names_the_recognizer() -> None:
    [result] = RECOGNIZER.analyze("bsn 123456782", [NL_BSN])
    assert result.entity_type == NL_BSN
    assert result.recognition_metadata["recognizer_name"] == "NlBsnRecognizer"
    assert result.analysis_explanation.validation_result is True


bodies = st.text(alphabet="0123456789", min_size=8, max_size=8)
layouts = st.sampled_from(["{0}{1}{2}", "{0} {1} {2}", "{0}.{1}.{2}", "{0}-{1}-{2}"])


@given(body=bodies, layout=layouts)
def test_every_valid_bsn_is_found(body: str, layout: str) -> None:
    check = bsn_check_digit(body)
    assume(check != 10 and int(body) != 0)
    number = body + str(check)
    typed = layout.format(number[:4], number[4:6], number[6:])
    text = f"mijn bsn is {typed} groetjes"
    results = found(text)
    assert [value for value, _ in results] == [typed]
    assert all(score < 0.5 for _, score in results)


@given(body=bodies, wrong=st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_rejected(body: str, wrong: int) -> None:
    check = bsn_check_digit(body)
    assume(check != 10)
    bad = (check + wrong) % 10  # another digit 0-9: never congruent to the check mod 11
    assert found(f"bsn {body}{bad}") == []
