"""BeNationalNumberRecognizer: mod 97 for both centuries, birth-date plausibility, typed forms."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.be.national_number import BeNationalNumberRecognizer, national_number_valid
from recognizers.entities import BE_NATIONAL_NUMBER

RECOGNIZERS = [BeNationalNumberRecognizer("fr"), BeNationalNumberRecognizer("nl")]


def make_number(body: str, born_2000_or_later: bool = False) -> str:
    base = int(("2" if born_2000_or_later else "") + body)
    return f"{body}{97 - base % 97:02d}"


def found(text: str, language: str = "fr") -> list[tuple[str, float]]:
    recognizer = next(r for r in RECOGNIZERS if r.supported_language == language)
    return [(text[r.start : r.end], r.score) for r in recognizer.analyze(text, [BE_NATIONAL_NUMBER])]


BORN_1985 = make_number("850730033")  # fictitious, computed: 85073003328
BORN_2005 = make_number("050312123", born_2000_or_later=True)


def test_fixtures() -> None:
    assert BORN_1985 == "85073003328"
    assert national_number_valid(BORN_1985)
    assert national_number_valid(BORN_2005)
    assert make_number("050312123") != BORN_2005  # the "2" prefix changes the check digits


def dotted(number: str) -> str:
    return f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize(
    ("template", "layout", "score"),
    [
        ("mon numéro national est {}", dotted, 0.95),
        ("mijn rijksregisternummer: {}", dotted, 0.95),
        ("NN {} merci", lambda n: n, 0.85),
        ("{}", lambda n: f"{n[:6]} {n[6:9]} {n[9:]}", 0.95),
        ("insz {}.", lambda n: f"{n[:6]}-{n[6:9]}.{n[9:]}", 0.95),
        ("({})", lambda n: f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:9]} {n[9:]}", 0.95),
    ],
)
def test_typed_forms(language: str, template: str, layout: object, score: float) -> None:
    assert callable(layout)
    for number in (BORN_1985, BORN_2005):
        typed = layout(number)
        assert found(template.format(typed), language) == [(typed, score)]


@pytest.mark.parametrize(
    "text",
    [
        "85.07.30-033.29",  # wrong check
        "85073003329",
        "85.13.30-033.xx",
        "851330033" + f"{97 - 851330033 % 97:02d}",  # month 13: not a date
        "850732033" + f"{97 - 850732033 % 97:02d}",  # day 32
        "850730033280",  # 12 digits
        "ref 1234567890123",
        "le 30.07.1985 à 10:30",
        "+32 475 12 34 56",
    ],
)
def test_not_a_national_number(text: str) -> None:
    assert found(text) == []


def test_bis_numbers_month_plus_20_or_40() -> None:
    for month in ("27", "47"):
        number = make_number(f"85{month}30033")
        assert found(f"bis {number}") == [(number, 0.85)]


dates = st.builds(
    lambda year, month, day, counter: f"{year:02d}{month:02d}{day:02d}{counter:03d}",
    st.integers(0, 99),
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(1, 998),
)


@given(body=dates, born_2000_or_later=st.booleans(), formatted=st.booleans())
def test_every_valid_number_is_found(body: str, born_2000_or_later: bool, formatted: bool) -> None:
    number = make_number(body, born_2000_or_later)
    typed = dotted(number) if formatted else number
    assert found(f"numéro national {typed} svp") == [(typed, 0.95 if formatted else 0.85)]


@given(body=dates, delta=st.integers(1, 96))
def test_a_wrong_check_is_rejected(body: str, delta: int) -> None:
    good = {make_number(body)[9:], make_number(body, born_2000_or_later=True)[9:]}
    bad = f"{(int(make_number(body)[9:]) + delta) % 100:02d}"
    assume(bad not in good)
    assert found(f"rijksregisternummer {body}{bad}") == []
