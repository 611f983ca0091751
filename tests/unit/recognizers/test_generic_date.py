"""DateRecognizer: numeric and written dates in French, Dutch and English; what is not a date."""

from __future__ import annotations

import pytest

from recognizers.entities import DATE_TIME
from recognizers.generic.date import DateRecognizer

RECOGNIZERS = {lang: DateRecognizer(lang) for lang in ("fr", "nl", "en")}
LONG_FRENCH_DATE = "le trente et un mai mille neuf cent quatre-vingt-cinq"


def found(language: str, text: str) -> list[tuple[str, float]]:
    recognizer = RECOGNIZERS[language]
    return [(text[r.start : r.end], round(r.score, 2)) for r in recognizer.analyze(text, [DATE_TIME])]


@pytest.mark.parametrize(
    ("language", "text", "expected", "score"),
    [
        # French: the article is part of the span (ECHR gold convention)
        ("fr", "Le 12 juillet 1993, la Cour a statué", "Le 12 juillet 1993", 0.85),
        ("fr", "livré le 3 août 1993 ?", "le 3 août 1993", 0.85),
        ("fr", "rdv le 1er mars", "le 1er mars", 0.7),
        ("fr", "mardi 12 mars ça vous va", "mardi 12 mars", 0.7),
        ("fr", "le mardi 12 mars 2024 à 14h30 svp", "le mardi 12 mars 2024 à 14h30", 0.85),
        # an English clock time keeps its "pm" / "a.m."
        ("en", "on Tuesday 5 September at 2:30 pm, confirmed", "Tuesday 5 September at 2:30 pm", 0.7),
        ("en", "see you July 12, 1993 at 9:45 a.m. sharp", "July 12, 1993 at 9:45 a.m.", 0.85),
        ("en", "logged 12/03/2024 10:15am by the app", "12/03/2024 10:15am", 0.85),
        ("fr", "les 13 et 14 janvier 1998", "les 13 et 14 janvier 1998", 0.85),
        ("fr", "les 29 juin et 22 juillet 1993", "les 29 juin et 22 juillet 1993", 0.85),
        ("fr", "arrêt du 15 novembre 1996,", "15 novembre 1996", 0.85),
        ("fr", "commande du 12 déc. 2021", "12 déc. 2021", 0.85),
        ("fr", "LE 3 AOÛT 1993", "LE 3 AOÛT 1993", 0.85),
        ("fr", "en juillet 1993", "juillet 1993", 0.6),
        ("fr", "en mars, avril et juin 1989", "mars, avril et juin 1989", 0.6),
        ("fr", "né le 12/03/2021", "12/03/2021", 0.85),
        ("fr", "facture 12-03-21", "12-03-21", 0.85),
        ("fr", "le 12.03.2021", "12.03.2021", 0.85),
        # Dutch
        ("nl", "op 12 juli 1993 gebeld", "12 juli 1993", 0.85),
        ("nl", "levering 3 aug. 2021", "3 aug. 2021", 0.85),
        ("nl", "17-mei-2011", "17-mei-2011", 0.85),
        ("nl", "15.jan.1928", "15.jan.1928", 0.85),
        ("nl", "17 mei '11", "17 mei '11", 0.85),
        ("nl", "2019 augustus 1", "2019 augustus 1", 0.85),
        ("nl", "dinsdag 3 aug. 2021", "dinsdag 3 aug. 2021", 0.85),
        ("nl", "ma 12 mei bellen", "ma 12 mei", 0.7),
        ("nl", "12-04-'02", "12-04-'02", 0.85),
        ("nl", "30-5-`22", "30-5-`22", 0.85),
        ("nl", "datum 23 10 2011", "23 10 2011", 0.5),
        ("nl", "sinds juli 1993", "juli 1993", 0.6),
        # English, month-first numeric accepted
        ("en", "on 12 July 1993 I", "12 July 1993", 0.85),
        ("en", "July 12, 1993", "July 12, 1993", 0.85),
        ("en", "the 12th of July", "12th of July", 0.7),
        ("en", "Tuesday, March 12th works", "Tuesday, March 12th", 0.7),
        ("en", "since 6/24/1991", "6/24/1991", 0.85),
        ("en", "When: 2000-04-16 11:34:35", "2000-04-16 11:34:35", 0.85),
        ("en", "at 2021-03-12T14:30:05Z", "2021-03-12T14:30:05Z", 0.85),
        ("en", "May 2, 2020", "May 2, 2020", 0.85),
        # lower-case "may" before an ordinal, or a day and a year: chat's month, no verb
        ("en", "it arrived on may 5th", "may 5th", 0.7),
        ("en", "date: may 12 1990", "may 12 1990", 0.85),
        ("en", "back in July 1993", "July 1993", 0.6),
        # day and year said in words (voice transcripts): complete when both are there
        ("fr", "le trois mars 1985", "le trois mars 1985", 0.85),
        ("fr", "on se voit le vingt-deux juin ?", "le vingt-deux juin", 0.7),
        ("fr", "le premier mars je serai absent", "le premier mars", 0.7),
        ("fr", "le trente et un mai mille neuf cent quatre-vingt-cinq", LONG_FRENCH_DATE, 0.85),
        ("fr", "six mars et sept avril", "six mars et sept avril", 0.7),
        ("nl", "op de derde mei ben ik er niet", "derde mei", 0.7),
        ("nl", "drie maart negentienhonderdvijfentachtig", "drie maart negentienhonderdvijfentachtig", 0.85),
        ("nl", "tweeëntwintig juni tweeduizend drie", "tweeëntwintig juni tweeduizend drie", 0.85),
        ("en", "on the twenty-first of March at 3pm", "twenty-first of March", 0.7),
        ("en", "the twelfth of June nineteen eighty", "twelfth of June nineteen eighty", 0.85),
        ("en", "June the twelfth, two thousand and three", "June the twelfth, two thousand and three", 0.85),
    ],
)
def test_dates(language: str, text: str, expected: str, score: float) -> None:
    assert found(language, text) == [(expected, score)]


def test_day_month_without_year_needs_context() -> None:
    assert found("fr", "livraison le 14/07") == [("14/07", 0.4)]


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("nl", "Opname 14/02 t/m 21/02/2020 afdeling cardiologie", "14/02"),
        ("fr", "hospitalisé du 14/02 au 21/02/2020", "14/02"),
        ("en", "I was off work from 3/4 until 17/4/2023", "3/4"),
    ],
)
def test_a_range_gives_its_first_day_the_complete_dates_year(language: str, text: str, first: str) -> None:
    assert (first, 0.7) in found(language, text)


def test_a_day_month_before_no_complete_date_still_needs_context() -> None:
    assert found("nl", "levering 14/02 t/m 21/02") == [("14/02", 0.4), ("21/02", 0.4)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "rdv à 14h30"),
        ("fr", "il est 10:30"),
        ("fr", "commande 123456 livrée"),
        ("fr", "version 1.2.3"),
        ("fr", "prix 12.50 €"),
        ("fr", "31/02/2021"),  # no 31 February
        ("fr", "le 12 mars 2021abc"),  # glued: not a clean token
        ("fr", "en 1994"),  # a year alone
        ("fr", "mars"),
        ("nl", "10 jaar geleden"),
        ("nl", "over 1 jaar controle"),
        ("nl", "bestelnummer 2021-98765"),
        ("en", "I may 2 things"),  # lower-case "may" is a verb
        ("en", "you may 5 days later"),  # a day and no year: still the verb
        ("en", "on Tuesday"),  # a weekday alone
        ("en", "13/25/2020"),
        ("en", "born 2/30/1990"),
        ("en", "version 2.4.10"),
        ("en", "24/7 support"),
        ("en", "score 3/4"),
        ("en", "in 1977"),
        ("en", "the first may be cheaper"),  # a lower-case "may" after a day in words is a verb
        ("en", "first of may I ask"),
        ("en", "two mars bars"),  # English days in words are ordinals
        ("fr", "un mars"),  # "un" is an article too
    ],
)
def test_not_dates(language: str, text: str) -> None:
    assert found(language, text) == []


def test_impossible_day_in_words_is_dropped() -> None:
    # no 31 February, in words either: only the month and year are left
    assert found("fr", "le trente et un février 2020") == [("février 2020", 0.6)]


def test_month_names_are_per_language() -> None:
    assert found("en", "12 juillet 1993") == []
    assert found("fr", "12 July 1993") == []
    assert found("nl", "12 juli 1993") == [("12 juli 1993", 0.85)]


def test_french_numeric_dates_are_day_first() -> None:
    assert found("fr", "6/24/1991") == []
    assert found("en", "24/6/1991") == [("24/6/1991", 0.85)]
