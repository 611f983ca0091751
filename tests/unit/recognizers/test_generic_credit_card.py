"""CreditCardRecognizer: networks, groupings, Luhn property tests, ordinary numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.detection import Detector
from recognizers.base import luhn_valid
from recognizers.entities import CREDIT_CARD
from recognizers.generic.credit_card import WEAK_LENGTHS, CreditCardRecognizer, brand_of

RECOGNIZER = CreditCardRecognizer("fr")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in RECOGNIZER.analyze(text, [CREDIT_CARD])]


def luhn_complete(body: str) -> str:
    """``body`` plus the Luhn check digit."""
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


# Network test numbers published by the networks / payment processors (never real accounts).
@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4111111111111111", "visa"),
        ("4000056655665556", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard 2-series"),
        ("378282246310005", "amex"),
        ("371449635398431", "amex"),
        ("6011111111111117", "discover"),
        ("3566002020360505", "jcb"),
        ("36227206271667", "diners"),
        ("6703444444444449", "bancontact"),
        ("6200000000000005", "unionpay"),
    ],
)
def test_network_test_numbers(number: str, brand: str) -> None:
    assert brand_of(number) == brand
    assert found(f"ma carte {number} expire bientôt") == [(number, 1.0)]


@pytest.mark.parametrize(
    "typed",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "3782 822463 10005",  # Amex 4-6-5
        "3622 720627 1667",  # Diners 4-6-4
    ],
)
def test_grouped_numbers(typed: str) -> None:
    assert found(f"card: {typed}.") == [(typed, 1.0)]


def test_expiry_after_the_number_does_not_hide_it() -> None:
    text = "carte 4111 1111 1111 1111 12/26 cvv 123"
    assert found(text) == [("4111 1111 1111 1111", 1.0)]


def test_nineteen_digit_grouping() -> None:
    number = luhn_complete("411111111111111111")
    typed = f"{number[:4]} {number[4:8]} {number[8:12]} {number[12:16]} {number[16:]}"
    assert found(f"kaart {typed}") == [(typed, 1.0)]


def test_short_numbers_need_context() -> None:
    maestro12 = luhn_complete("50186466790")
    assert found(f"card {maestro12}") == [(maestro12, 0.4)]


@pytest.mark.parametrize(("language", "cue"), [("fr", "CB"), ("nl", "mijn creditcard")])
def test_card_words_of_each_language_lift_short_numbers(real_detector: Detector, language: str, cue: str) -> None:
    maestro12 = luhn_complete("67616629084")
    text = f"{cue} {maestro12}"
    (entities,) = real_detector.detect([text], [language])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [(CREDIT_CARD, maestro12)]


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111112",  # Luhn fails, typed as one run
        "4111 1111 1111 111",  # Luhn fails, fifteen digits
        "1234 5678 9012 3456",
        "commande 123456789012345",  # no network starts with 1
        "ticket 9999999999999995",  # Luhn-valid but no network starts with 9
        "total 1 250,00 €",
        "tel 0612345678",
        "suivi colis 7000123456789",
    ],
)
def test_not_cards(text: str) -> None:
    assert found(text) == []


def test_a_card_typed_with_a_digit_wrong_keeps_the_pattern_score() -> None:
    assert found("4111 1111 1111 1112") == [("4111 1111 1111 1112", 0.4)]  # grouped as a card: needs context
    assert found("4111-1111-1111-1112") == [("4111-1111-1111-1112", 0.4)]
    assert found("4111 1111-1111 1112") == []  # mixed separators: no card's print


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "ma carte bleue 4970 1012 3456 7899 a été débitée deux fois", ["4970 1012 3456 7899"]),
        ("en", "my card 4539 1488 0343 6468 was charged twice", ["4539 1488 0343 6468"]),
        ("fr", "commande 4970 1012 3456 7899", []),  # no card word: an order number
        ("fr", "ma carte 4970101234567899", []),  # one run of digits: too many other numbers look so
    ],
)
def test_a_mistyped_card_is_reported_beside_a_card_word(
    real_detector: Detector, language: str, text: str, expected: list[str]
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [text[e.start : e.end] for e in entities if e.entity_type == CREDIT_CARD] == expected


_PREFIXES = [("4", 16), ("51", 16), ("2720", 16), ("34", 15), ("6011", 16), ("3530", 16), ("6703", 17), ("4", 19)]


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), data=st.data(), grouping=st.sampled_from(["", " ", "-"]))
def test_generated_luhn_valid_numbers_are_found(prefix: tuple[str, int], data: st.DataObject, grouping: str) -> None:
    start, length = prefix
    body = start + data.draw(
        st.text(alphabet="0123456789", min_size=length - len(start) - 1, max_size=length - len(start) - 1)
    )
    number = luhn_complete(body)
    assert length not in WEAK_LENGTHS
    typed = number if not grouping or length == 15 else grouping.join(number[i : i + 4] for i in range(0, length, 4))
    assert found(f"payer avec {typed} merci") == [(typed, 1.0)]


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), data=st.data())
def test_one_corrupted_digit_is_rejected(prefix: tuple[str, int], data: st.DataObject) -> None:
    start, length = prefix
    body = start + data.draw(
        st.text(alphabet="0123456789", min_size=length - len(start) - 1, max_size=length - len(start) - 1)
    )
    number = luhn_complete(body)
    position = data.draw(st.integers(min_value=0, max_value=length - 1))
    replacement = data.draw(st.sampled_from([d for d in "0123456789" if d != number[position]]))
    corrupted = number[:position] + replacement + number[position + 1 :]
    assert not luhn_valid(corrupted)
    assert found(f"card {corrupted}") == []
