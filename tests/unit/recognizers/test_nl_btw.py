"""NlVatRecognizer: "NL…B.." with either the 11-test (old) or MOD 97-10 (since 2020)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.entities import NL_VAT
from recognizers.nl.btw import NlVatRecognizer, mod97_valid
from recognizers.nl.common import elfproef

RECOGNIZER = NlVatRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [NL_VAT])]


def elfproef_digits(body: str) -> str | None:
    check = sum(weight * int(digit) for weight, digit in zip(range(9, 1, -1), body, strict=True)) % 11
    return None if check == 10 else body + str(check)


def mod97_suffix(digits: str) -> str | None:
    """Two digits that make "NL<digits>B<suffix>" pass MOD 97-10, if any."""
    for suffix in range(1, 100):
        if mod97_valid(f"NL{digits}B{suffix:02d}"):
            return f"{suffix:02d}"
    return None


OLD_STYLE = "NL123456782B01"  # 11-test on 123456782: fictitious, computed
NEW_DIGITS = "000099998"
NEW_SUFFIX = mod97_suffix(NEW_DIGITS)


def test_fixtures() -> None:
    assert elfproef("123456782")
    assert NEW_SUFFIX is not None
    assert not elfproef(NEW_DIGITS)
    assert mod97_valid(f"NL{NEW_DIGITS}B{NEW_SUFFIX}")


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        (f"btw-id {OLD_STYLE}", OLD_STYLE, 0.9),
        ("ons btw nummer is nl123456782b01", "nl123456782b01", 0.9),
        ("NL 1234.56.782.B01 op de factuur", "NL 1234.56.782.B01", 0.9),
        ("NL123456782 B01", "NL123456782 B01", 0.9),
        ("nl 123 456 782 b 01", "nl 123 456 782 b 01", 0.9),
        ("oud btw-nummer 123456782B01", "123456782B01", 0.6),
    ],
)
def test_typed_forms(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_new_style_mod97_number_is_accepted() -> None:
    value = f"NL{NEW_DIGITS}B{NEW_SUFFIX}"
    assert found(f"btw {value}") == [(value, 0.9)]


@pytest.mark.parametrize(
    "text",
    [
        "NL123456789B01",  # neither check
        "NL12345678B01",  # 8 digits
        "NL123456782B1",
        "NL123456782X01",
        "BE0123456749",  # Belgian
        "NL91ABNA0417164300",  # an IBAN
        "XNL123456782B01",
    ],
)
def test_not_a_dutch_vat_number(text: str) -> None:
    assert found(text) == []


bodies = st.text(alphabet="0123456789", min_size=8, max_size=8)


@given(body=bodies, suffix=st.integers(min_value=1, max_value=99))
def test_every_elfproef_number_is_found(body: str, suffix: int) -> None:
    digits = elfproef_digits(body)
    assume(digits is not None and int(digits) != 0)
    value = f"NL{digits}B{suffix:02d}"
    assert found(f"btw {value}") == [(value, 0.9)]


@given(digits=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_mod97_number_is_found(digits: str) -> None:
    suffix = mod97_suffix(digits)
    assume(suffix is not None)
    value = f"NL{digits}B{suffix}"
    assert found(f"btw {value}") == [(value, 0.9)]


@given(digits=st.text(alphabet="0123456789", min_size=9, max_size=9), suffix=st.integers(min_value=0, max_value=99))
def test_a_number_failing_both_checks_is_rejected(digits: str, suffix: int) -> None:
    value = f"NL{digits}B{suffix:02d}"
    assume(not elfproef(digits) and not mod97_valid(value))
    assert found(f"btw {value}") == []
