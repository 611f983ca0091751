"""DateOfBirthRecognizer: birth triggers in FR/NL/EN; the span is the date; it outranks DATE_TIME."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from recognizers.entities import DATE_OF_BIRTH, DATE_TIME
from recognizers.generic.date import DateRecognizer
from recognizers.generic.date_of_birth import DateOfBirthRecognizer

RECOGNIZERS = {lang: DateOfBirthRecognizer(lang) for lang in ("fr", "nl", "en")}
SPELLED_BIRTH_DATE = "vingt-deux juin mille neuf cent soixante-dix-huit"


def found(language: str, text: str) -> list[tuple[str, float]]:
    recognizer = RECOGNIZERS[language]
    return [(text[r.start : r.end], round(r.score, 2)) for r in recognizer.analyze(text, [DATE_OF_BIRTH])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "je suis né le 3 août 1993 à Lyon", "3 août 1993"),
        ("fr", "née le 12/03/1985", "12/03/1985"),
        ("fr", "Né(e) le : 1er mars 1990", "1er mars 1990"),
        ("fr", "date de naissance : 12.03.1985", "12.03.1985"),
        ("fr", "ddn 04/11/1972", "04/11/1972"),
        ("fr", "il est né en 1981", "1981"),
        ("fr", "née en juillet 1981", "juillet 1981"),
        ("fr", "mon anniversaire c'est le 12 mars", "12 mars"),
        ("nl", "geboren op 12 juli 1993", "12 juli 1993"),
        ("nl", "Ik ben op 12 mei 1978 geboren in Paramaribo.", "12 mei 1978"),  # the participle after the date
        ("nl", "zij is 3-8-1993 geboren", "3-8-1993"),
        ("nl", "geboortedatum: 12-03-1985", "12-03-1985"),
        ("nl", "geb. 3-8-1993", "3-8-1993"),
        ("nl", "Geb.datum 01-02-1990", "01-02-1990"),
        ("nl", "geboren in 1981", "1981"),
        ("en", "born on 12 July 1993", "12 July 1993"),
        ("en", "date of birth 6/24/1991", "6/24/1991"),
        ("en", "DOB: 1985-03-12", "1985-03-12"),
        ("en", "d.o.b. 12/03/85", "12/03/85"),
        ("en", "She was born on 2/8/1935. Her maiden name", "2/8/1935"),
        ("en", "Born: July 12, 1993", "July 12, 1993"),
        ("en", "date of birth: may 5th 1954 and my NI number", "may 5th 1954"),  # "may" in lower case
        ("fr", "je suis née le trois mars 1985", "trois mars 1985"),
        ("fr", "né le vingt-deux juin mille neuf cent soixante-dix-huit", SPELLED_BIRTH_DATE),
        ("nl", "ik ben geboren op twaalf juni negentienhonderdtachtig", "twaalf juni negentienhonderdtachtig"),
        ("nl", "ik ben geboren op drie maart negentienvijfentachtig", "drie maart negentienvijfentachtig"),
        ("en", "my date of birth is the twelfth of June nineteen eighty", "twelfth of June nineteen eighty"),
        ("en", "DOB: first of May 1975", "first of May 1975"),
        # a birthplace between the birth word and the year
        ("fr", "je suis née à Casablanca en 1988", "1988"),
        ("nl", "ik ben geboren in Paramaribo in 1988", "1988"),
        ("en", "I was born in Lagos in 1990", "1990"),
        ("en", "my birthday is on the 12th of July", "12th of July"),
        ("en", "born in 1981", "1981"),
        # a two-digit year after a written day and month, after a birth word only
        ("en", "my dob is the 3rd of feb 89", "3rd of feb 89"),
        ("fr", "je suis née le 12 mars 85", "12 mars 85"),
        ("nl", "ik ben op 3 april 85 geboren", "3 april 85"),
        ("en", "born on 3 feb, 89 people came", "3 feb"),  # after a comma, a count
        ("en", "born on 3 February 1989", "3 February 1989"),
        # a year of birth in two digits
        ("en", "I was born in '85", "'85"),
        ("en", "born in 85, if that helps", "85"),
        ("fr", "je suis né en 85", "85"),
        ("nl", "geboren in '79", "'79"),
        # a birthday
        ("nl", "ik ben jarig op 3 november", "3 november"),
        # Belgian forms and letters write "°" for born
        ("nl", "Jan Peeters, °12/03/1985, Gent", "12/03/1985"),
        ("fr", "Marie Dubois (°1952) est cliente", "1952"),
        # eight digits as forms print them, day first or year first
        ("nl", "geboortedatum 12031985, klantnr 5544", "12031985"),
        ("en", "DOB 19850312.", "19850312"),
        # a birthday: day and month, the possessive "'s" as the verb
        ("en", "birthday: 03/12", "03/12"),
        ("en", "my bday's 12th march", "12th march"),
        # a birthplace between the birth word and the full date
        ("fr", "né à Lyon le 3 mars 1978", "3 mars 1978"),
        ("fr", "née à Saint-Étienne le 03/03/1978", "03/03/1978"),
        ("nl", "Geboren te Leiden op 3-2-1970", "3-2-1970"),
        ("nl", "geboren in Den Haag op 3 februari 1970", "3 februari 1970"),
        ("en", "born in Leeds on 3 March 1978", "3 March 1978"),
        ("en", "born in New York City, on the 3rd of March 1978", "3rd of March 1978"),
        ("en", "born in Hull 12/04/87", "12/04/87"),
        # an article before the day
        ("fr", "je suis né un 12 avril", "12 avril"),
        ("fr", "je suis née un dimanche 12 avril 1987", "dimanche 12 avril 1987"),
        ("en", "I was born on a Sunday, 12 April 1987", "Sunday, 12 April 1987"),
        # a birthday without its year: with a dot, or in English month first
        ("fr", "née le 25.12", "25.12"),
        ("nl", "geboren op 25.12", "25.12"),
        ("en", "born on 12/25", "12/25"),
        # one-digit day and month with dots and a two-digit year, after a trigger only
        ("en", "date of birth: 3.2.78", "3.2.78"),
        ("fr", "né le 3.2.78", "3.2.78"),
        ("en", "my birthday is 2/29 lol", "2/29"),
        # the day one turns an age: a birthday
        ("fr", "j'ai eu 40 ans le 3 mars", "3 mars"),
        ("fr", "j'ai fêté mes 50 ans le 2 avril", "2 avril"),
        ("nl", "ik word 40 op 3 maart", "3 maart"),
        ("nl", "ik ben 40 geworden op 3 maart", "3 maart"),
        ("nl", "ik ben 3 maart 40 geworden", "3 maart"),
        ("en", "I turned 40 on March 3rd", "March 3rd"),
        ("en", "she'll be 7 on 12 June", "12 June"),
        ("fr", "date de naiss. 12.03.85", "12.03.85"),
    ],
)
def test_birth_dates(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, 1.0)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "le colis a été donné le 12 mars 2021"),  # "né" inside "donné"
        ("fr", "né le 31/02/1990"),  # impossible date
        ("fr", "livré le 12 mars 2021"),
        ("nl", "gebeld op 12 juli 1993"),
        ("nl", "geboren"),
        ("nl", "de bestelling is op 12 mei 2024 geplaatst"),  # another participle after the date
        ("en", "order placed on 12 July 1993"),
        ("en", "reborn in 1981"),
        ("en", "the baby was born in 12 hours"),  # a length of time
        ("fr", "il est né en 20 minutes"),
        ("en", "born in 85.5 degrees"),
        ("fr", "dossier n°12/03/1985"),  # "n°" is "numéro"
        ("fr", "il fait 20° le 12/03"),
        ("en", "DOB 31021985"),  # no 31 February
        ("fr", "date de naissance 120319851"),  # nine digits
        ("en", "born in Leeds, moved to York in May 2001"),  # a date further on is another event
        ("en", "the bill will be 40 on 3 March"),  # no one turns 40: a sum
        ("en", "I turned 40 last week"),
        ("fr", "né à Lyon, j'ai déménagé le 3 mars 2001"),
        ("en", "born on 2/30"),  # no such day, either way round
        ("fr", "né le 12/25"),  # month first is English only
        ("en", "born 3.5 weeks early"),
        ("en", "update 3.2.78 installed"),  # a version number's shape
        ("fr", "né le 31.2.78"),  # no 31 February
    ],
)
def test_no_birth_date(language: str, text: str) -> None:
    assert found(language, text) == []


def test_birth_date_outranks_the_plain_date() -> None:
    text = "née le 3 août 1993"
    birth = RECOGNIZERS["fr"].analyze(text, [DATE_OF_BIRTH])
    plain = DateRecognizer("fr").analyze(text, [DATE_TIME])
    assert [(text[r.start : r.end]) for r in plain] == ["le 3 août 1993"]
    assert max(r.score for r in birth) > max(r.score for r in plain)


def _date(text: str, start: int, end: int) -> list[RecognizerResult]:
    return [RecognizerResult(DATE_TIME, start, end, 0.85)]


@pytest.mark.parametrize(
    ("language", "text", "span", "expected"),
    [
        ("nl", "12-03-1985", (0, 10), "12-03-1985"),
        ("fr", "(12/03/1985)", (1, 11), "12/03/1985"),
        ("en", "3rd feb 1989!", (0, 12), "3rd feb 1989"),
        ("en", "I think 3rd feb 1989", (8, 20), None),  # more than the date: no bare reply
        ("en", "3rd feb 1989 or 4th", (0, 12), None),
        # an article before the date; a two-digit year after a written one
        ("en", "the 3rd of May", (4, 14), "3rd of May"),
        ("fr", "le 5 juin", (3, 9), "5 juin"),
        ("en", "3rd of May 79", (0, 10), "3rd of May 79"),
        ("en", "31st of Feb 79", (0, 11), None),  # no such date
        ("en", "placed 3rd of May", (7, 17), None),
    ],
)
def test_a_reply_that_is_a_date(language: str, text: str, span: tuple[int, int], expected: str | None) -> None:
    found = RECOGNIZERS[language].reply(text, _date(text, *span), frozenset({"birth"}))
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.entity_type == DATE_OF_BIRTH and text[found.start : found.end] == expected


def test_a_reply_without_a_date_is_none() -> None:
    assert RECOGNIZERS["en"].reply("Brinkerhoff", [], frozenset({"birth"})) is None
