"""FrPhoneRecognizer: national and international forms, sloppy grouping, validation, chat noise."""

from __future__ import annotations

import pytest
from faker import Faker
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import PHONE_NUMBER
from recognizers.fr.phone import FrPhoneRecognizer, phone_candidates

RECOGNIZER = FrPhoneRecognizer()
VALID = RECOGNIZER.validated_score
BASE = RECOGNIZER.BASE_SCORE


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [PHONE_NUMBER])
    assert all(r.entity_type == PHONE_NUMBER for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mon numéro c'est le 06 12 34 56 78 merci", "06 12 34 56 78"),
        ("06.12.34.56.78", "06.12.34.56.78"),
        ("appelez moi au 06-12-34-56-78 svp", "06-12-34-56-78"),
        ("0612345678", "0612345678"),
        ("tel:0612345678", "0612345678"),
        ("tél.06.12.34.56.78", "06.12.34.56.78"),
        ("06 1234 5678", "06 1234 5678"),
        ("0612 345 678", "0612 345 678"),
        ("06 12 34 56 78", "06 12 34 56 78"),
        ("06 - 12 - 34 - 56 - 78", "06 - 12 - 34 - 56 - 78"),
        ("fixe : 01 42 68 53 00.", "01 42 68 53 00"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("whatsapp +33612345678 !", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        ("+33(0)612345678", "+33(0)612345678"),
        ("+33 06 12 34 56 78", "+33 06 12 34 56 78"),
        ("(+33) 6 12 34 56 78", "(+33) 6 12 34 56 78"),
        ("0033612345678", "0033612345678"),
        ("0033 6 12 34 56 78", "0033 6 12 34 56 78"),
        ("+33.6.12.34.56.78", "+33.6.12.34.56.78"),
        ("mon fixe 04\u00a072\u00a012\u00a034\u00a056", "04\u00a072\u00a012\u00a034\u00a056"),
    ],
)
def test_typed_formats_are_found_and_validated(text: str, value: str) -> None:
    assert found(text) == [(value, VALID)]


def test_unallocated_range_keeps_base_score() -> None:
    # 07 0x is not allocated (only 073-079 are): shaped like a phone, so kept, but not validated
    assert found("rappelez au 07 01 23 45 67") == [("07 01 23 45 67", BASE)]


def test_two_numbers_in_a_message() -> None:
    text = "portable 06 12 34 56 78 ou fixe 01 42 68 53 00"
    assert sorted(found(text)) == [("01 42 68 53 00", VALID), ("06 12 34 56 78", VALID)]


def test_a_phone_after_a_date_with_a_two_digit_year() -> None:
    # the date's year and the phone's first pair are not one number
    assert found("date de naissance : 05/02/66 06 53 22 17 17") == [("06 53 22 17 17", VALID)]


@pytest.mark.parametrize(
    "text",
    [
        "bonjour, je n'ai pas reçu ma commande 123456",
        "le colis devait arriver le 12/03/2024",
        "j'ai payé 49,99 € le 03.04.2024",
        "ça fait 3 semaines que j'attends !!",
        "livraison prévue entre 14h et 18h",
        "appelez le 3949",
        "06 12 34 56",  # too short
        "06 12 34 56 78 90",  # too long: continues a digit run
        "ref 12 06 12 34 56 78",  # a group of a longer number
        "x0612345678",  # glued to a letter
        "06123456789",  # 11 digits
        "2 95 10 99 126 111 93",  # a NIR
        "1 85 05 78 006 084 36",  # a NIR whose middle looks like 05 78 00 60 84
        "siret 732 829 320 00074",
        "iban FR76 3000 6000 0112 3456 7890 189",
        "carte 4970 1012 3456 7890",
        "0033",
    ],
)
def test_no_match_in_ordinary_chat(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("(+33) 06 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("+590 690 12 34 56", "+590690123456"),
    ],
)
def test_international_forms_become_e164(typed: str, e164: str) -> None:
    assert phone_candidates(typed) == [(e164, None)]


def test_national_forms_are_tried_in_each_french_region() -> None:
    assert [region for _, region in phone_candidates("0690 12 34 56")] == ["FR", "GP", "MQ", "GF", "RE", "YT"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mon portable en guadeloupe 0690 12 34 56", "0690 12 34 56"),
        ("à la réunion : 06 92 12 34 56", "06 92 12 34 56"),
        ("+590 690 12 34 56", "+590 690 12 34 56"),
        ("+262 692 12 34 56", "+262 692 12 34 56"),
    ],
)
def test_overseas_numbers_are_validated(text: str, value: str) -> None:
    assert found(text) == [(value, VALID)]


# Metropolitan mobile blocks: 060-068 (069x and 0639 are overseas) and 073-079.
MOBILE = st.builds(
    lambda block, rest: f"0{block}{rest:07d}",
    st.sampled_from([*range(60, 69), *range(73, 80)]),
    st.integers(0, 9_999_999),
).filter(lambda n: not n.startswith("0639"))


def group(number: str, style: str) -> str:
    if style == "pairs":
        return " ".join(number[i : i + 2] for i in range(0, 10, 2))
    if style == "dots":
        return ".".join(number[i : i + 2] for i in range(0, 10, 2))
    if style == "intl":
        return "+33 " + number[1] + " " + " ".join(number[i : i + 2] for i in range(2, 10, 2))
    if style == "intl0":
        return "+33 (0)" + number[1:]
    return number


@given(number=MOBILE, style=st.sampled_from(["pairs", "dots", "intl", "intl0", "compact"]))
def test_property_allocated_mobiles_are_validated(number: str, style: str) -> None:
    typed = group(number, style)
    text = f"vous pouvez me joindre au {typed} en soirée"
    start = text.index(typed)
    results = RECOGNIZER.analyze(text, [PHONE_NUMBER])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [
        (PHONE_NUMBER, start, start + len(typed), VALID)
    ]


FAKE = Faker("fr_FR")


@given(seed=st.integers(0, 2**32 - 1))
def test_property_faker_french_numbers_are_found(seed: int) -> None:
    FAKE.seed_instance(seed)
    typed = FAKE.phone_number()
    text = f"mon tel {typed} merci"
    results = found(text)
    assert len(results) == 1
    value, score = results[0]
    assert value == typed
    assert score >= BASE


def test_phone_right_after_a_year_is_found() -> None:
    from recognizers.fr.phone import FrPhoneRecognizer

    text = "ddn 30 novembre 1984 05 37 54 18 82. merci"
    found = [text[r.start : r.end] for r in FrPhoneRecognizer().analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.5]
    assert found == ["05 37 54 18 82"]
    chained = "réf 12 1984 05 37 54 18 82"  # a longer digit chain: not a phone of its own
    assert not [r for r in FrPhoneRecognizer().analyze(chained, ["PHONE_NUMBER"]) if r.score >= 0.5]


def test_phone_after_a_number_joined_by_a_dash_is_found() -> None:
    # "065 - 06 12 34 56 7", glued to "1" and to "8", was the leftmost match and hid the phone
    text = "il manque un article dans le colis 5740-1065 - 06 12 34 56 78. merci"
    assert found(text) == [("06 12 34 56 78", VALID)]


def test_phone_after_a_number_that_a_glued_match_runs_into_is_found() -> None:
    # "03111. 03-94-5" starts at a boundary but is glued to "7" at its end; it hid the phone
    text = "Bonjour! CB 3405 721654 03111. 03-94-57-21-40. Merci beaucoup"
    assert found(text) == [("03-94-57-21-40", VALID)]


def test_compact_phone_then_a_spaced_nir_are_two_numbers() -> None:
    from recognizers.fr.nir import FrNirRecognizer

    # ten digits typed without a separator end a number: the NIR that follows is not its tail
    text = "tel 0647176813 2 70 06 65 022 547 06"
    assert [value for value, _ in found(text)] == ["0647176813"]
    nirs = [text[r.start : r.end] for r in FrNirRecognizer().analyze(text, ["FR_NIR"]) if r.score >= 0.5]
    assert nirs == ["2 70 06 65 022 547 06"]


def test_spaced_nir_after_a_whole_date_is_found() -> None:
    from recognizers.fr.nir import FrNirRecognizer

    text = "Bonjour à vous, née le 24.10.1994 1 85 09 94 801 569 26 Merci beaucoup"
    nirs = [text[r.start : r.end] for r in FrNirRecognizer().analyze(text, ["FR_NIR"]) if r.score >= 0.5]
    assert nirs == ["1 85 09 94 801 569 26"]


def test_spaced_phone_after_a_short_group_is_still_a_chain() -> None:
    assert found("réf 12 06 12 34 56 78") == []
