"""FrNirRecognizer: key checksum (Corsica included), typed formats, keyless bodies, chat noise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import FR_NIR
from recognizers.fr.nir import FrNirRecognizer

RECOGNIZER = FrNirRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    results = RECOGNIZER.analyze(text, [FR_NIR])
    assert all(r.entity_type == FR_NIR for r in results)
    return [(text[r.start : r.end], r.score) for r in results]


def key_of(body: str) -> str:
    """Independent key computation: 97 - (n mod 97), 2A -> 19 and 2B -> 18 (INSEE)."""
    place = {"2A": "19", "2B": "18"}.get(body[5:7].upper(), body[5:7])
    return f"{97 - int(body[:5] + place + body[7:]) % 97:02d}"


BODY = "1850578006084"  # man born May 1985 in department 78: fictitious
KEY = key_of(BODY)


def spaced(number: str, sep: str = " ") -> str:
    """The carte Vitale grouping: 1 85 05 78 006 084 36."""
    parts = [number[0], number[1:3], number[3:5], number[5:7], number[7:10], number[10:13], number[13:]]
    return sep.join(p for p in parts if p)


def test_documented_examples_are_valid() -> None:
    # python-stdnum's doctests for stdnum.fr.nir
    assert found("2 95 10 99 126 111 93") == [("2 95 10 99 126 111 93", 1.0)]
    assert found("253072B07300470") == [("253072B07300470", 1.0)]
    assert found("253072A07300443") == [("253072A07300443", 1.0)]


def test_corsica_key_uses_19_and_18() -> None:
    assert key_of("253072A073004") == "43"
    assert key_of("253072B073004") == "70"
    # the same digits with the plain department 20 have another key: the mapping matters
    assert found("253072A07300470") == []
    assert found("2 53 07 2b 073 004 70") == [("2 53 07 2b 073 004 70", 1.0)]


@pytest.mark.parametrize(
    "typed",
    [
        spaced(BODY + KEY),
        BODY + KEY,
        spaced(BODY + KEY, "."),
        spaced(BODY + KEY, "-"),
        spaced(BODY + KEY, " - "),
        spaced(BODY + KEY, "\u00a0"),
        f"{BODY} {KEY}",
        f"{spaced(BODY)}{KEY}",
    ],
)
def test_typed_formats_with_valid_key_score_one(typed: str) -> None:
    text = f"mon numéro de sécu c'est le {typed} merci"
    assert found(text) == [(typed, 1.0)]


def test_overseas_place_typed_three_plus_two() -> None:
    body = "2900597123456"  # born in 971 (Guadeloupe), commune 23
    key = key_of(body)
    typed = f"2 90 05 971 23 456 {key}"
    assert found(f"nir : {typed}") == [(typed, 1.0)]


@pytest.mark.parametrize("sex", ["3", "4", "7", "8"])
def test_other_sex_digits_accepted_with_key(sex: str) -> None:
    body = sex + BODY[1:]
    number = body + key_of(body)
    assert found(number) == [(number, 1.0)]


def test_wrong_key_is_rejected() -> None:
    wrong = f"{(int(KEY) % 97) + 1:02d}"
    assert found(f"sécu {spaced(BODY + wrong)}") == []
    assert found(BODY + wrong) == []


def test_keyless_body_is_low_score() -> None:
    assert found(f"numéro sécu {spaced(BODY)} je n'ai pas la clé") == [(spaced(BODY), RECOGNIZER.NO_KEY_SCORE)]
    assert found(BODY) == [(BODY, 0.2)]


@pytest.mark.parametrize(
    "text",
    [
        "3017620422003",  # EAN-13 of a French product: starts with 3, no key
        "1851378006084",  # month 13 does not exist
        "1854578006084",  # nor 45
        "1850078006084",  # nor 00
    ],
)
def test_keyless_implausible_bodies_are_rejected(text: str) -> None:
    assert found(text) == []


def test_fictitious_month_accepted() -> None:
    body = "1853378006084"  # month 33: incomplete civil status
    assert found(body + key_of(body)) == [(body + key_of(body), 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "bonjour, je n'ai pas reçu ma commande 123456",
        "le colis devait arriver le 12/03/2024",
        "mon numéro c'est le 06 12 34 56 78 merci",
        "siret 732 829 320 00074",
        "suivi 6A12345678901",
        "carte 4970 1012 3456 7890",
        "iban FR76 3000 6000 0112 3456 7890 189",
        "j'ai payé 1 250,00 € le 03.04.2024",
        f"x{BODY}{KEY}",  # glued to a letter
        f"{BODY}{KEY}7",  # 16 digits: part of something longer
        f"12 {spaced(BODY + KEY)}",  # continues a digit run
    ],
)
def test_no_match_in_ordinary_chat(text: str) -> None:
    assert found(text) == []


def test_two_numbers_in_one_message() -> None:
    other = "2951099126111"
    text = f"moi {BODY}{KEY} et ma femme {spaced(other + key_of(other))}"
    assert [value for value, _ in found(text)] == [BODY + KEY, spaced(other + key_of(other))]


BODIES = st.builds(
    lambda sex, year, month, dept, commune, order: f"{sex}{year:02d}{month:02d}{dept}{commune:03d}{order:03d}",
    st.sampled_from("123478"),
    st.integers(0, 99),
    st.sampled_from([*range(1, 13), *range(20, 43), *range(50, 100)]),
    st.sampled_from([f"{d:02d}" for d in range(1, 96)] + ["2A", "2B", "2a", "2b", "99"]),
    st.integers(0, 999),
    st.integers(1, 999),
)


@given(body=BODIES, sep=st.sampled_from(["", " ", ".", "-"]))
def test_property_any_valid_nir_is_found(body: str, sep: str) -> None:
    number = spaced(body + key_of(body), sep) if sep else body + key_of(body)
    text = f"voici mon numéro de sécurité sociale {number}, merci"
    start = text.index(number)
    results = RECOGNIZER.analyze(text, [FR_NIR])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [(FR_NIR, start, start + len(number), 1.0)]


@given(body=BODIES, delta=st.integers(1, 96))
def test_property_wrong_key_is_rejected(body: str, delta: int) -> None:
    wrong = (int(key_of(body)) + delta - 1) % 97 + 1  # another key in 01-97
    assert found(f"sécu {body}{wrong:02d}") == []


def test_a_compact_nir_with_its_key_stands_alone_before_other_digits() -> None:
    # "… 37 ans" after it is an age, not a group of the same number; a grouped NIR keeps the guard
    assert found(f"voici mon numéro {BODY}{KEY} 37 ans") == [(BODY + KEY, 1.0)]
    assert found(f"{spaced(BODY + KEY)} 12") == []


def test_nir_right_after_a_phone_is_found() -> None:
    # The phone's last group and the NIR's first digits made a glued match that hid the NIR
    text = "joignable au +33 6 12 34 56 78. 295109912611193"
    assert found(text) == [("295109912611193", 1.0)]


def test_a_grouped_nir_after_a_phone_typed_with_dashes_is_found() -> None:
    # the phone's groups joined by dashes make it one number typed whole: the space after it does
    # not join the NIR's groups to it (a generated chat message had "mon tel : 07-65-... 2 48 07 …")
    text = f"mon tel : 07-65-61-02-16 {spaced(BODY + KEY)}"
    assert found(text) == [(spaced(BODY + KEY), 1.0)]


def test_a_grouped_nir_before_a_whole_phone_is_found() -> None:
    # the groups after the NIR make one valid mobile, the end of the chain: a number of its own
    text = f"voici mon numéro {spaced(BODY + KEY)} 06 12 34 56 78 merci"
    assert found(text) == [(spaced(BODY + KEY), 1.0)]
