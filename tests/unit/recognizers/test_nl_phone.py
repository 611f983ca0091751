"""NlPhoneRecognizer: typed Dutch formats in chat sentences, libphonenumber validation, dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import PHONE_NUMBER
from recognizers.nl.phone import NlPhoneRecognizer

RECOGNIZER = NlPhoneRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [PHONE_NUMBER])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("bel me op 06-12345678 aub", "06-12345678", 0.7),
        ("mijn nummer is (06)-1234 5678", "(06)-1234 5678", 0.7),  # the area code in brackets
        ("mobiel (06)12345678", "(06)12345678", 0.7),
        ("mijn nummer: 06 12 34 56 78", "06 12 34 56 78", 0.7),
        ("0612345678", "0612345678", 0.7),
        ("06 - 1234 5678 is mijn mobiel", "06 - 1234 5678", 0.7),
        ("tel.06.12.34.56.78", "06.12.34.56.78", 0.7),
        ("app naar +31 6 12345678!", "+31 6 12345678", 0.75),
        ("+31(0)6 12345678", "+31(0)6 12345678", 0.75),
        ("+31 (0)6-12345678", "+31 (0)6-12345678", 0.75),
        ("0031 6 1234 5678", "0031 6 1234 5678", 0.75),
        ("+31612345678", "+31612345678", 0.75),
        ("+31 20 123 4567 (kantoor)", "+31 20 123 4567", 0.75),
        ("vaste lijn 020-1234567", "020-1234567", 0.6),
        ("010 123 4567", "010 123 4567", 0.6),
        ("(020) 123 45 67", "(020) 123 45 67", 0.6),
        ("(020)-1234567", "(020)-1234567", 0.6),
        ("bel 0591-123456 na 5 uur", "0591-123456", 0.6),
        ("0201234567", "0201234567", 0.55),  # a valid number in no other shape
        ("gratis 0800-1234", "0800-1234", 0.4),
        ("0900 1234567 (betaald)", "0900 1234567", 0.4),
    ],
)
def test_typed_formats(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_two_numbers_side_by_side() -> None:
    text = "06-12345678 of 06-87654321"
    assert [value for value, _ in found(text)] == ["06-12345678", "06-87654321"]


def test_number_after_a_year_or_a_date_is_still_found() -> None:
    assert found("sinds 2024 0612345678") == [("0612345678", 0.7)]
    assert found("op 12-03-2024 0612345678") == [("0612345678", 0.7)]


@pytest.mark.parametrize(
    "text",
    [
        "06-1234567",  # one digit short
        "061234567890",  # too long
        "0601234567",  # 060 is not a mobile range
        "06-12-2024 10:30",  # a date and a time
        "op 06.12.2024 om 10 uur",
        "betaald € 12,50",
        "ordernummer 1234567890",
        "om 10:30 en 14:45",
        "+32 475 12 34 56",  # Belgian: BePhoneRecognizer's
        "+33 6 12 34 56 78",
        "12-03-2024",
        "x0612345678",
        "0612345678-12",  # part of a longer reference
    ],
)
def test_not_a_dutch_phone(text: str) -> None:
    assert found(text) == []


mobile_digits = st.builds(
    lambda second, rest: f"6{second}{rest}",
    st.sampled_from("123458"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)


@given(nsn=mobile_digits, style=st.sampled_from(["0{a}{b}", "0{a}-{b}", "0{a} {b}", "+31 {a} {b}", "0031{a}{b}"]))
def test_every_mobile_number_is_found(nsn: str, style: str) -> None:
    typed = style.format(a=nsn[0], b=nsn[1:])
    typed = typed.replace("0 6", "06") if style == "0{a} {b}" else typed
    results = found(f"bel me op {typed} aub")
    assert [value for value, _ in results] == [typed]
    assert all(score >= 0.7 for _, score in results)


@given(st.text(max_size=60))
def test_arbitrary_text_gives_sane_spans(text: str) -> None:
    for result in RECOGNIZER.analyze(text, [PHONE_NUMBER]):
        assert 0 <= result.start < result.end <= len(text)
        assert 0.0 < result.score <= 1.0


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("0201234567", 0.55),  # a whole answer to "what is your number?"
        ("bestelling 0201234567", None),  # an order's number
        ("factuurnummer: 0201234567", None),
        ("order #0201234567", None),
        ("colis n° 0201234567", None),
        ("mijn bestelling is binnen, 0201234567 is mijn nummer", 0.55),  # the label is not right before it
        ("de recorder 0201234567", 0.55),  # a word ending like "order" is no label
        ("bestelling 020-1234567", 0.6),  # typed as a phone: a phone
    ],
)
def test_bare_digits_after_a_document_label_are_that_documents(text: str, score: float | None) -> None:
    value = text.rsplit(maxsplit=1)[-1] if score == 0.6 else "0201234567"
    assert found(text) == ([] if score is None else [(value, score)])
