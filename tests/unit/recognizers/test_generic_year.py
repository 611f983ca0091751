"""YearRecognizer: a year standing alone is a date; numbers that only look like one are not."""

from __future__ import annotations

import pytest

from recognizers.entities import DATE_TIME
from recognizers.generic.year import YearRecognizer

RECOGNIZERS = {lang: YearRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [DATE_TIME])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "leur affaire a débuté en 1989 et s'est achevée en 1996.", ["1989", "1996"]),
        ("fr", "Pour les années 1979, 1980 et 1981, le requérant", ["1979", "1980", "1981"]),
        ("fr", "en 1985 l'entreprise a fermé", ["1985"]),
        ("fr", "jusqu’en 2001", ["2001"]),
        ("nl", "klant sinds 2019 (en tevreden)", ["2019"]),
        ("en", "founded in 1990. Since then", ["1990"]),
        ("en", "the 2021 contract", ["2021"]),
        ("fr", "la loi a changé en 1962", ["1962"]),  # a law word, not the law's name
        ("en", "the act of 1998 happened in 2001", ["2001"]),
    ],
)
def test_years_alone(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "commande n° 2019"),
        ("fr", "chambre 2012 svp"),
        ("nl", "kamer 2012"),
        ("en", "order #2019 is late"),
        ("en", "ticket: 1984"),
        ("fr", "j'ai payé 1999 € hier"),
        ("fr", "2000 personnes"),
        ("en", "it costs 1999.50"),
        ("nl", "2018-01-32"),  # the rest of an (invalid) date: not a year alone
        ("en", "ref 30/1993/425"),
        ("fr", "l'affaire Boner c. Royaume-Uni (no 30 / 1993 / 425 / 504)"),  # a reference typed with spaces
        ("en", "call 0612019999"),  # inside a longer number
        ("en", "1850 and 2150"),  # outside 1900-2099
        ("en", "the year 19999"),
        ("fr", "né le 3 août 1993"),  # a written date: DateRecognizer reports it whole
        ("nl", "in juli 1993"),
        ("en", "on July 12, 1990"),
        ("en", "12th 2019"),
        ("fr", "FR14 2004 1010 0505 0001 3M02 606"),  # a group of an IBAN
        ("en", "card 4111 2019 1111 1111"),
        ("fr", "au titre de la loi de 1962 sur les pensions"),  # a law named by its year
        ("fr", "l'article 68 de la loi du 1928"),
        ("en", "under the Human Rights Act 1998"),
        ("nl", "volgens de wet van 1998"),
        ("fr", "la convention de 1951 relative au statut des réfugiés"),
    ],
)
def test_numbers_that_are_not_years(language: str, text: str) -> None:
    assert found(language, text) == []


def test_each_language_has_its_date_words() -> None:
    assert "année" in RECOGNIZERS["fr"].context
    assert "jaar" in RECOGNIZERS["nl"].context
    assert "year" in RECOGNIZERS["en"].context
