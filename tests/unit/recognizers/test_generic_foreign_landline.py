"""Landline numbers of France, the Netherlands, Belgium and the UK in another language's message
(``ForeignLandlineRecognizer``). Numbers are fictitious, in ranges libphonenumber knows as fixed lines."""

from __future__ import annotations

import pytest

from recognizers.generic.foreign_landline import ForeignLandlineRecognizer, is_landline

RECOGNIZERS = {language: ForeignLandlineRecognizer(language) for language in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, []) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "sure, call 070-8130090 after 5", "070-8130090"),  # Dutch, in English
        ("en", "our office is 020 123 4567, ask for reception", "020 123 4567"),
        ("fr", "mon fixe aux Pays-Bas : 0546 12 34 56", "0546 12 34 56"),
        ("en", "jack@example.com and 02 360 41 34 Ta :)", "02 360 41 34"),  # Belgian, in English
        ("en", "050/12.34.56", "050/12.34.56"),
        ("nl", "en met jayden van wijland, 01-90-97-08-30", "01-90-97-08-30"),  # French, in Dutch
        ("nl", "ons Franse nummer is 01 42 68 53 00", "01 42 68 53 00"),
        ("fr", "appelez le 020 7946 0958 à Londres", "020 7946 0958"),  # British, in French
        ("nl", "bel 0161 496 0000 in Manchester", "0161 496 0000"),
        ("fr", "vous pouvez me rappeelr au (020) 3779 6274", "(020) 3779 6274"),  # the area code in brackets
    ],
)
def test_a_landline_in_its_own_shape(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "order 0708130090 shipped"),  # bare digits: an order number as likely
        ("en", "ref 12-070-8130090"),  # a piece of a longer separated number
        ("en", "parcel 00 12 34 56 78"),  # no area code starts with 00
        ("en", "02 000 00 00"),  # not an allocated Belgian range
        ("nl", "0612 34 56 78"),  # a mobile's digits: ForeignMobileRecognizer's, not this one's
    ],
)
def test_no_landline(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_number_of_digits_picks_the_country() -> None:
    assert is_landline("02 360 41 34")  # nine digits: Belgian
    assert is_landline("070-8130090")  # ten: Dutch (or French)
    assert is_landline("0161 496 0000")  # eleven: British
    assert not is_landline("06 12 34 56 78")  # a mobile


def test_the_languages_own_shapes_are_left_to_its_recognizers() -> None:
    # a French landline in French is FrPhoneRecognizer's; a Belgian one in Dutch, BePhoneRecognizer's
    assert found("fr", "01 42 68 53 00") == []
    assert found("nl", "02 360 41 34") == []
    assert found("en", "020 7946 0958") == []
