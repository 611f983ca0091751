"""NlBsnRecognizer: elfproef, typed layouts, reported in Dutch unless said to be another number."""

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


def found(text: str, recognizer: NlBsnRecognizer = RECOGNIZER) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in recognizer.analyze(text, [NL_BSN])]


VALID = make_bsn("12345678")  # 123456782: fictitious, computed
VALID_LEADING_ZERO = make_bsn("01234567")  # 012345672


def test_fixture_values_are_what_the_docs_show() -> None:
    assert VALID == "123456782"
    assert elfproef(VALID)
    assert not elfproef("123456789")


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("mijn bsn is 123456782", "123456782", 0.55),
        ("mijn bsn is 1234 56 782", "1234 56 782", 0.6),
        ("bsn: 1234.56.782 graag verwerken", "1234.56.782", 0.6),
        ("burgerservicenummer 123 456 782.", "123 456 782", 0.55),
        ("sofinummer 123-456-782 ok?", "123-456-782", 0.55),
        ("(123456782)", "123456782", 0.3),  # nothing but the number: the conversation decides
    ],
)
def test_typed_layouts_are_found(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("Goedemiddag! 123456782", "123456782", 0.55),
        ("hoi 123456782. dank u.", "123456782", 0.55),
        ("Beste 1234.56.782", "1234.56.782", 0.6),
        ("123 456 782 Mvg.", "123 456 782", 0.55),
        ("de levering is niet aangekomen en 123456782", "123456782", 0.55),
        ("Is verzending gratis? 123 456 782", "123 456 782", 0.55),  # the question is another sentence
        ("klantenservice gebeld, 123456782", "123456782", 0.55),  # "klant" only as a whole word
        ("in 2000 123456782 gekregen", "123456782", 0.55),  # "00" inside a number is no country code
        ("bij de deur 123456782", "123456782", 0.55),  # "deur" is no "eur"
        ("050-5134250, 123 456 782", "123 456 782", 0.55),  # not alone: a phone number beside it
        ("1234.56.782", "1234.56.782", 0.6),  # the print layout, even alone
        ("123456782", "123456782", 0.3),
        ("  123 456 782 ", "123 456 782", 0.4),
    ],
)
def test_a_valid_number_is_reported_without_a_context_word(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("ordernummer 123456782", "123456782", 0.3),
        ("mijn bestelling met nummer 123456782", "123456782", 0.3),
        ("bestelling nr. 123456782 is zoek", "123456782", 0.3),
        ("bestelnr 123456782", "123456782", 0.3),
        ("order #123456782", "123456782", 0.3),
        ("#123456782", "123456782", 0.3),
        ("factuur 123456782 klopt niet", "123456782", 0.3),
        ("klantnummer: 123456782", "123456782", 0.3),
        ("mijn klant 123456782", "123456782", 0.3),
        ("referentie 1234.56.782", "1234.56.782", 0.4),
        ("ref. 123456782", "123456782", 0.3),
        ("ticket 123 456 782", "123 456 782", 0.4),
        ("pakket 123456782 ligt nog op het depot", "123456782", 0.3),
        ("de zending 123456782 is kwijt", "123456782", 0.3),
        ("track & trace: 123456782", "123456782", 0.3),
        ("artikelnummer 123456782", "123456782", 0.3),
        ("Order number 123456782", "123456782", 0.3),
    ],
)
def test_a_negative_word_before_it_keeps_it_below_the_threshold(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "bel me op +31 612345671",  # passes the elfproef, but a subscriber number after +31
        "bel 0031 612345671 aub",
        "+32 612345671",
        "06 12345678",
        "kaart 1234 5678 9012 3456",
        "iban NL91 ABNA 0417 1643 00",
        "betaald: 123456782,50",
        "123 456 782 123",
        "datum 12-03-2024",
    ],
)
def test_phones_cards_ibans_amounts_are_not_reported(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("€ 123.456.782 schade", "123.456.782", 0.4),
        ("het kost 123456782 euro", "123456782", 0.3),
        ("kvk 12345672", "12345672", 0.2),  # 8 digits stay below the threshold
    ],
)
def test_amounts_and_eight_digits_stay_below_the_threshold(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_only_dutch_messages_are_lifted() -> None:
    assert found("Bonjour 123456782", NlBsnRecognizer("fr")) == [("123456782", 0.3)]
    assert found("Bonjour 1234.56.782", NlBsnRecognizer("fr")) == [("1234.56.782", 0.4)]


def test_eight_digits_are_padded_with_the_dropped_zero() -> None:
    assert found(f"oud sofinummer {VALID_LEADING_ZERO[1:]}") == [(VALID_LEADING_ZERO[1:], 0.2)]
    assert found(f"bsn {VALID_LEADING_ZERO}") == [(VALID_LEADING_ZERO, 0.55)]


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
# (format, group lengths): bare, the print layout 4-2-3 and the 3-3-3 grouping, with each separator
layouts = st.sampled_from(
    [("{0}{1}{2}", (4, 2, 3))]
    + [(f"{{0}}{sep}{{1}}{sep}{{2}}", groups) for sep in " .-" for groups in ((4, 2, 3), (3, 3, 3))]
)


def typed_in(number: str, layout: tuple[str, tuple[int, int, int]]) -> str:
    form, (a, b, _) = layout
    return form.format(number[:a], number[a : a + b], number[a + b :])


@given(body=bodies, layout=layouts)
def test_every_valid_bsn_is_found(body: str, layout: tuple[str, tuple[int, int, int]]) -> None:
    check = bsn_check_digit(body)
    assume(check != 10 and int(body) != 0)
    number = body + str(check)
    typed = typed_in(number, layout)
    text = f"mijn bsn is {typed} groetjes"
    results = found(text)
    assert [value for value, _ in results] == [typed]
    assert all(score >= 0.5 for _, score in results)


@given(body=bodies, layout=layouts, word=st.sampled_from(["ordernummer", "bestelling", "factuur", "pakket", "#"]))
def test_a_valid_number_said_to_be_another_stays_below_the_threshold(
    body: str, layout: tuple[str, tuple[int, int, int]], word: str
) -> None:
    check = bsn_check_digit(body)
    assume(check != 10 and int(body) != 0)
    number = body + str(check)
    typed = typed_in(number, layout)
    results = found(f"{word} {typed} groetjes")
    assert [value for value, _ in results] == [typed]
    assert all(score < 0.5 for _, score in results)


@given(body=bodies, wrong=st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_rejected(body: str, wrong: int) -> None:
    check = bsn_check_digit(body)
    assume(check != 10)
    bad = (check + wrong) % 10  # another digit 0-9: never congruent to the check mod 11
    assert found(f"bsn {body}{bad}") == []
