"""number_words: numbers people spell out, their values, and the RE2 that finds them."""

from __future__ import annotations

import pytest
import re2

from recognizers.generic import number_words as nw


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "vingt et un", 21),
        ("fr", "vingt-deux", 22),
        ("fr", "soixante-dix-huit", 78),
        ("fr", "soixante et onze", 71),
        ("fr", "quatre-vingts", 80),
        ("fr", "quatre-vingt-dix-neuf", 99),
        ("fr", "nonante-deux", 92),
        ("nl", "vierendertig", 34),
        ("nl", "tweeëntwintig", 22),
        ("nl", "tweeentwintig", 22),
        ("en", "thirty-four", 34),
        ("en", "ninety nine", 99),
    ],
)
def test_cardinals_fold_to_their_value(language: str, text: str, value: int) -> None:
    assert nw.cardinals(language)[nw.fold(text)] == value
    assert re2.compile("(?i)^" + nw.words_regex(f for f, _ in nw.cardinal_forms(language)) + "$").search(text)


@pytest.mark.parametrize(
    ("language", "text", "year"),
    [
        ("en", "nineteen eighty-five", 1985),
        ("en", "nineteen oh five", 1905),
        ("en", "two thousand and three", 2003),
        ("en", "twenty twenty-three", 2023),
        ("en", "two thousand", 2000),
        ("fr", "mille neuf cent quatre-vingt-cinq", 1985),
        ("fr", "dix-neuf cent nonante-deux", 1992),
        ("fr", "deux mille trois", 2003),
        ("nl", "negentienhonderdvijfentachtig", 1985),
        ("nl", "negentien vijfentachtig", 1985),
        ("nl", "negentienvijfentachtig", 1985),  # glued without "honderd"
        ("nl", "negentien-vijfentachtig", 1985),
        ("nl", "tweeduizendtweeëntwintig", 2022),
    ],
)
def test_years_in_words(language: str, text: str, year: int) -> None:
    assert re2.compile("(?i)^" + nw.year_words_regex(language) + "$").search(text)
    assert nw.year_value(text, language) == year


@pytest.mark.parametrize(
    ("language", "text"), [("en", "nineteen five"), ("en", "twenty"), ("nl", "negentien"), ("nl", "negentienvijf")]
)
def test_not_years(language: str, text: str) -> None:
    assert not re2.compile("(?i)^" + nw.year_words_regex(language) + "$").search(text)
    assert nw.year_value(text, language) is None


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("fr", "le trente et un mars", 31),
        ("fr", "le premier mars", 1),
        ("nl", "op de eenentwintigste", 21),
        ("nl", "derde mei", 3),
        ("en", "the twenty-first of June", 21),
        ("en", "the second of May", 2),
    ],
)
def test_day_in_words(language: str, text: str, day: int) -> None:
    assert nw.day_in(text, language) == day


def test_one_is_no_day_as_a_cardinal() -> None:
    # "un mars", "een mei": articles before a month, not the first of it
    assert nw.day_in("un mars", "fr") is None
    assert nw.day_in("een mei", "nl") is None
