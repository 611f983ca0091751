"""UK and US identifiers (English only): postcode, street address, NINO, NHS number (mod 11), SSN."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import build_recognizers
from recognizers.entities import ADDRESS, UK_NHS, UK_NINO, US_SSN
from recognizers.generic.uk_address import UkAddressRecognizer
from recognizers.generic.uk_nhs import UkNhsRecognizer, nhs_check_digit, nhs_valid
from recognizers.generic.uk_nino import UkNinoRecognizer
from recognizers.generic.uk_postcode import UkPostcodeRecognizer
from recognizers.generic.us_ssn import UsSsnRecognizer, ssn_plausible

POSTCODE = UkPostcodeRecognizer()
ADDRESSES = UkAddressRecognizer()
NINO = UkNinoRecognizer()
NHS = UkNhsRecognizer()
SSN = UsSsnRecognizer()


def found(recognizer: object, entity: str, text: str) -> list[tuple[str, float]]:
    results = recognizer.analyze(text, [entity])  # type: ignore[attr-defined]
    return [(text[r.start : r.end], round(r.score, 2)) for r in results]


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("postcode SW1A 1AA please", "SW1A 1AA", 0.6),
        ("it's sw1a 1aa", "sw1a 1aa", 0.6),
        ("M1 1AE", "M1 1AE", 0.6),
        ("B33 8TH", "B33 8TH", 0.6),
        ("CR2 6XH,", "CR2 6XH", 0.6),
        ("DN55 1PT", "DN55 1PT", 0.6),
        ("GIR 0AA", "GIR 0AA", 0.6),
        ("sw1a1aa", "sw1a1aa", 0.4),
    ],
)
def test_uk_postcodes(text: str, expected: str, score: float) -> None:
    assert found(POSTCODE, ADDRESS, text) == [(expected, score)]


@pytest.mark.parametrize("text", ["QA1 1AA", "SW1A 1AC", "order AB12 3CD4", "V1 1AA", "1234 AB", "75001 Paris"])
def test_not_uk_postcodes(text: str) -> None:
    assert found(POSTCODE, ADDRESS, text) == []


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("I live at 221B Baker Street", "221B Baker Street", 0.6),
        ("send it to 12 High St, London please", "12 High St, London", 0.65),
        ("Flat 3, 10 Downing Street, London SW1A 2AA", "Flat 3, 10 Downing Street, London", 0.65),
        ("flat 4b, 18 Victoria Road please", "flat 4b, 18 Victoria Road", 0.6),  # chat's lower-case "flat"
        # a unit word without a number of its own: its number is the house number
        ("Flat 2 Kingsley Court, Leeds", "Flat 2 Kingsley Court, Leeds", 0.65),
        ("Apartment 5 The Crescent", "Apartment 5 The Crescent", 0.6),
        ("my address is 12 high st", "12 high st", 0.5),
        ("moved to 4 Acacia Avenue.", "4 Acacia Avenue", 0.6),
        ("10-12 Kings Road", "10-12 Kings Road", 0.6),
        ("at 5 Park Rd. tomorrow", "5 Park Rd.", 0.6),
        ("policy holder: Gareth Pritchard, 14 Heol y Nant, Cardiff CF14 6BA", "14 Heol y Nant, Cardiff", 0.65),
        ("we moved to 2 Stryd Fawr last year", "2 Stryd Fawr", 0.6),
        ("3 Kirk Wynd, Kirkcaldy", "3 Kirk Wynd, Kirkcaldy", 0.65),
        # a street named by its type alone, or one word ending in a type (with a town only)
        ("deliver to 5 The Crescent, Bath BA1 2LR", "5 The Crescent, Bath", 0.65),
        ("it's 2 The Green", "2 The Green", 0.6),
        ("4 The Old Mill Lane", "4 The Old Mill Lane", 0.6),
        ("ship to Flat 3, 18 Kingsway, Manchester M19 2LP", "Flat 3, 18 Kingsway, Manchester", 0.65),
        ("7 Moorgate, London", "7 Moorgate, London", 0.65),
    ],
)
def test_uk_addresses(text: str, expected: str, score: float) -> None:
    assert found(ADDRESSES, ADDRESS, text) == [(expected, score)]


@pytest.mark.parametrize(
    "text",
    [
        "I waited 2 hours on the road",
        "we have 3 close friends",
        "about 5 miles down the road",
        "bought 12 Street Fighter games",  # the street type must end the street name
        "2 green cars",
        "I have 2 Maes",  # a Welsh street type needs a name after it
        "we ordered 2 Subway sandwiches",  # one word ending in a type, no town after it
        "I waited 2 the road",  # "the" opens a street's name capitalised only
    ],
)
def test_not_uk_addresses(text: str) -> None:
    assert found(ADDRESSES, ADDRESS, text) == []


def test_address_town_is_not_a_greeting() -> None:
    assert found(ADDRESSES, ADDRESS, "10 Downing Street, Thanks") == [("10 Downing Street", 0.6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI number AB 12 34 56 C", "AB 12 34 56 C"),
        ("nino: ab123456c", "ab123456c"),
        ("JG-10-37-52-A", "JG-10-37-52-A"),
    ],
)
def test_uk_nino(text: str, expected: str) -> None:
    assert found(NINO, UK_NINO, text) == [(expected, 0.7)]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_nino_in_a_message_read_as_dutch_or_french(language: str) -> None:
    # English chat in a Dutch or French service, read as the service's language
    (recognizer,) = [r for r in build_recognizers(language) if isinstance(r, UkNinoRecognizer)]
    text = "EN884762A IBAN: GB91 ... Cheers, Owen"
    assert found(recognizer, UK_NINO, text) == [("EN884762A", 0.7)]


@pytest.mark.parametrize(
    "text",
    ["QQ123456C", "GB123456A", "BG 12 34 56 A", "ZZ123456D", "AB123456E", "DA123456A", "AO123456A", "AB12345C"],
)
def test_not_uk_nino(text: str) -> None:
    assert found(NINO, UK_NINO, text) == []


def test_nhs_check_digit_of_the_nhs_example() -> None:
    # The NHS Data Dictionary's worked example: 943 476 591 -> check digit 9.
    assert nhs_check_digit("943476591") == 9
    assert found(NHS, UK_NHS, "my NHS number is 943 476 5919") == [("943 476 5919", 1.0)]  # named
    assert found(NHS, UK_NHS, "943-476-5919") == [("943-476-5919", 0.6)]
    assert found(NHS, UK_NHS, "9434765919") == [("9434765919", 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",
        "000 000 0000",
        "943 476 59190",
        "94347659",
        "call me on 030-6298775",  # a Dutch landline's 3-7, its check digit right by chance
        "943 4765919",  # one separator of two: not how an NHS number is written, unless named
    ],
)
def test_not_nhs(text: str) -> None:
    assert found(NHS, UK_NHS, text) == []


def test_a_named_nhs_number_may_be_grouped_any_way() -> None:
    assert found(NHS, UK_NHS, "nhs 943 4765919") == [("943 4765919", 1.0)]


_NINE_DIGITS = st.text(alphabet="0123456789", min_size=9, max_size=9)


@settings(max_examples=300, deadline=None)
@given(first_nine=_NINE_DIGITS, separator=st.sampled_from(["", " ", "-"]))
def test_generated_nhs_numbers_are_found(first_nine: str, separator: str) -> None:
    check = nhs_check_digit(first_nine)
    number = first_nine + str(check) if check is not None else ""
    if check is None or len(set(number)) == 1:
        assert check is None or not nhs_valid(number)
        return
    typed = separator.join([number[:3], number[3:6], number[6:]])
    assert found(NHS, UK_NHS, f"nhs {typed} thanks") == [(typed, 1.0)]  # named: "nhs" right before
    assert found(NHS, UK_NHS, f"ref {typed} thanks") == [(typed, 0.6)]


@pytest.mark.parametrize(
    "text", ["NHS number: 943 476 5919", "nhs no. 9434765919", "my NHS 943-476-5919", "NHS nr 943 476 5919"]
)
def test_a_named_nhs_number_scores_highest(text: str) -> None:
    assert [score for _, score in found(NHS, UK_NHS, text)] == [1.0]


def test_a_named_nhs_number_with_a_wrong_check_digit_is_not_one() -> None:
    assert found(NHS, UK_NHS, "NHS number: 943 476 5918") == []


@settings(max_examples=300, deadline=None)
@given(first_nine=_NINE_DIGITS, data=st.data())
def test_one_corrupted_nhs_digit_is_rejected(first_nine: str, data: st.DataObject) -> None:
    check = nhs_check_digit(first_nine)
    if check is None:
        return
    number = first_nine + str(check)
    position = data.draw(st.integers(min_value=0, max_value=9))
    replacement = data.draw(st.sampled_from([d for d in "0123456789" if d != number[position]]))
    corrupted = number[:position] + replacement + number[position + 1 :]
    assert not nhs_valid(corrupted)
    assert found(NHS, UK_NHS, f"nhs {corrupted}") == []


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("Here's my SSN: 460-89-9847", "460-89-9847", 0.5),
        ("ssn 460 89 9847", "460 89 9847", 0.4),
        ("ssn 460.89.9847", "460.89.9847", 0.4),
        ("ssn 460899847", "460899847", 0.2),
    ],
)
def test_ssn(text: str, expected: str, score: float) -> None:
    assert found(SSN, US_SSN, text) == [(expected, score)]


@pytest.mark.parametrize(
    "text",
    [
        "000-12-3456",
        "666-12-3456",
        "912-12-3456",  # ITIN range
        "123-00-4567",
        "123-45-0000",
        "078-05-1120",  # the Woolworth sample
        "111-11-1111",
        "460-89 9847",  # mixed separators
        "tel 555-1234",
    ],
)
def test_not_ssn(text: str) -> None:
    assert found(SSN, US_SSN, text) == []


def test_ssn_allocation_rules() -> None:
    assert ssn_plausible("460-89-9847")
    for number in ("000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "078-05-1120"):
        assert not ssn_plausible(number), number
