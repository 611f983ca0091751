"""BePhoneRecognizer: Belgian formats in French and Dutch chat, libphonenumber validation, dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.be.phone import BePhoneRecognizer
from recognizers.entities import PHONE_NUMBER

RECOGNIZER = BePhoneRecognizer("fr")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [PHONE_NUMBER])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("appelez-moi au 0475 12 34 56 svp", "0475 12 34 56", 0.7),
        ("gsm: 0475/12.34.56", "0475/12.34.56", 0.7),
        ("0475123456", "0475123456", 0.7),
        ("0499 123 456", "0499 123 456", 0.7),
        ("mijn gsm is +32 475 12 34 56", "+32 475 12 34 56", 0.75),
        ("+32 (0)475 12 34 56", "+32 (0)475 12 34 56", 0.75),
        ("0032 475 12 34 56", "0032 475 12 34 56", 0.75),
        ("+3225123456", "+3225123456", 0.75),
        ("bureau 02 512 34 56", "02 512 34 56", 0.6),
        ("02/512.34.56", "02/512.34.56", 0.6),
        ("09-223 45 67", "09-223 45 67", 0.6),
        ("071 23 45 67", "071 23 45 67", 0.6),
        ("(02) 512 34 56", "(02) 512 34 56", 0.6),
        ("025123456", "025123456", 0.55),
        ("gratuit: 0800 12 345", "0800 12 345", 0.4),
    ],
)
def test_typed_formats(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "0475 12 34 5",  # one digit short
        "021234567",  # 02 1… is not assigned
        "le 02/03/2024 à 9:30",
        "le 02/03/2024 9:30",
        "rendez-vous 12.03.2024",
        "facture 0123456789012",
        "€ 12,50",
        "+31 6 12345678",  # Dutch: NlPhoneRecognizer's
        "+33 1 23 45 67 89",
        "0475123456-01",  # part of a reference
    ],
)
def test_not_a_belgian_phone(text: str) -> None:
    assert found(text) == []


mobiles = st.builds(
    lambda prefix, rest: f"4{prefix}{rest}",
    st.sampled_from(["56", "60", "67", "68", "70", "75", "77", "79", "83", "86", "93", "96", "99"]),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)


@given(nsn=mobiles, style=st.sampled_from(["0{a} {b} {c} {d}", "0{a}/{b}.{c}.{d}", "+32 {a} {b} {c} {d}"]))
def test_every_mobile_number_is_found(nsn: str, style: str) -> None:
    typed = style.format(a=nsn[:3], b=nsn[3:5], c=nsn[5:7], d=nsn[7:])
    results = found(f"mon gsm {typed} merci")
    assert [value for value, _ in results] == [typed]
    assert all(score >= 0.7 for _, score in results)


@given(st.text(max_size=60))
def test_arbitrary_text_gives_sane_spans(text: str) -> None:
    for result in RECOGNIZER.analyze(text, [PHONE_NUMBER]):
        assert 0 <= result.start < result.end <= len(text)
        assert 0.0 < result.score <= 1.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mijn rijksregisternummer is 44083073623 0032 479 94 57 43", "0032 479 94 57 43"),
        ("rijksregisternr 73121054989 09 227 19 50", "09 227 19 50"),
        ("geboren op 26-06-1948 02 813 68 03 dank u.", "02 813 68 03"),
        ("mon iban be56 9898 2297 7388 0487 83 45 60", "0487 83 45 60"),
    ],
)
def test_phone_after_a_whole_number_and_a_space_is_found(text: str, value: str) -> None:
    # eleven digits typed without a separator are a number of their own, not a group of the phone
    results = BePhoneRecognizer("nl").analyze(text, [PHONE_NUMBER])
    assert [text[r.start : r.end] for r in results] == [value]


def test_phone_after_a_short_digit_group_is_still_a_piece_of_a_longer_number() -> None:
    assert found("ref 12 0479 94 57 43") == []
