"""Phone numbers written in words (``recognizers.generic.spelled_phone``). Fictitious numbers."""

from __future__ import annotations

import time

import pytest
import re2

from processors.detection import Detector
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.spelled_phone import SpelledPhoneRecognizer

RECOGNIZERS = {lang: SpelledPhoneRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [PHONE_NUMBER])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Vous pouvez me rappeler au zéro six douze trente-quatre cinquante-six soixante-dix-huit ?",
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        ),
        (
            "fr",
            "mon numéro: zéro six, douze, trente quatre, cinquante six, soixante dix huit",  # no hyphens
            "zéro six, douze, trente quatre, cinquante six, soixante dix huit",
        ),
        (
            "fr",
            "appelez le zéro un quarante-cinq vingt et un quatre-vingt-dix-neuf zéro trois",  # "vingt et un"
            "zéro un quarante-cinq vingt et un quatre-vingt-dix-neuf zéro trois",
        ),
        (
            "fr",
            "plus trente-trois six douze trente-quatre cinquante-six soixante-dix-huit",  # +33
            "plus trente-trois six douze trente-quatre cinquante-six soixante-dix-huit",
        ),
        (
            "nl",
            "bel me op nul zes twaalf vierendertig zesenvijftig achtenzeventig",  # Dutch compounds
            "nul zes twaalf vierendertig zesenvijftig achtenzeventig",
        ),
        (
            "nl",
            "mijn nummer is nul zes een twee drie vier vijf zes zeven acht",
            "nul zes een twee drie vier vijf zes zeven acht",
        ),
        (
            "en",
            "call me on oh seven nine one two three double four five six seven",  # "double four"
            "oh seven nine one two three double four five six seven",
        ),
        (
            "en",
            "my number is zero seven nine one two three four five six seven eight",
            "zero seven nine one two three four five six seven eight",
        ),
        (
            "en",
            "it's oh one six one four nine six, double oh, double oh",
            "oh one six one four nine six, double oh, double oh",
        ),
        # partly in digits: one number word among the groups is enough
        ("fr", "mon numéro c'est le 06 douze 34 56 78", "06 douze 34 56 78"),
        ("fr", "appelez le zéro six 12 34 56 78", "zéro six 12 34 56 78"),
        ("fr", "06 12 34 56 septante-huit", "06 12 34 56 septante-huit"),
        # two number words beside a long group of digits
        ("nl", "bel me op nul zes 12345678 aub", "nul zes 12345678"),
        ("en", "my number is 07911 one two three four five six", "07911 one two three four five six"),
    ],
)
def test_a_phone_number_read_out(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "j'ai deux enfants de six et douze ans et trois chats"),
        ("fr", "j'ai vingt et un ans et trois enfants"),
        ("fr", "zéro six douze trente-quatre"),  # too short for a phone number
        ("nl", "ik heb twee katten en drie honden en een vis"),
        ("en", "I have one two three four reasons"),
        ("en", "it costs twenty five pounds, and thirty two more for delivery"),
        ("en", "one two three four five six seven eight nine ten"),  # no valid number
        ("fr", "06 12 34 56 78"),  # digits only: the digit recognizers'
        ("fr", "j'ai 2 enfants de 12 et 14 ans, un de 3"),
        ("en", "rooms 12 and 14, three 20 30 40"),  # no valid number
        ("nl", "ik heb twee 12345678 en drie"),  # one number word beside a long group
        ("en", "i bought two three 2345678 items"),  # no trunk 0
        ("fr", "zéro six 123456789"),  # a group of nine digits is a number of its own
    ],
)
def test_numbers_in_words_that_are_no_phone(language: str, text: str) -> None:
    assert found(language, text) == []


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_screen_passes_what_the_recognizer_reads(language: str) -> None:
    regex, mixed = RECOGNIZERS[language].screen_regexes()
    screen = re2.compile(regex)
    samples = {
        "fr": "rappelez le zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        "nl": "nul zes twaalf vierendertig zesenvijftig achtenzeventig",
        "en": "oh seven nine one two three double four five six seven",
    }
    assert screen.search(samples[language]) is not None
    assert found(language, samples[language])
    assert screen.search("bonjour, ik heb een vraag, good to go") is None
    assert re2.compile(mixed).search("bonjour, ik heb een vraag, good to go, 12 34") is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "le 06 douze 34 56 78"),
        ("fr", "zéro six 12 34 56 78"),
        ("fr", "06 12 34 56 septante-huit"),
        ("nl", "nul zes 12345678"),
        ("en", "07911 one two three four five six"),
    ],
)
def test_the_mixed_screen_passes_a_number_partly_in_digits(language: str, text: str) -> None:
    _, mixed = RECOGNIZERS[language].screen_regexes()
    assert re2.compile(mixed).search(text) is not None
    assert found(language, text)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a complete number, then a long group of digits (an order): the number alone, as before
        ("fr", "06 douze 34 56 78 123456", "06 douze 34 56 78"),
        (
            "fr",
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit 123456",
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        ),
    ],
)
def test_a_long_group_after_a_whole_number_stays_out(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


def test_the_whole_number_beats_its_digits(real_detector: Detector) -> None:
    text = "appelez-moi au zéro six 12 34 56 78"
    (entities,) = real_detector.detect([text], ["fr"])
    assert [text[e.start : e.end] for e in entities if e.entity_type == PHONE_NUMBER] == ["zéro six 12 34 56 78"]


def test_a_long_run_of_number_words_stays_fast() -> None:
    text = "un deux " * 2000
    started = time.perf_counter()
    assert found("fr", text) == []
    assert time.perf_counter() - started < 1.0


def test_the_detector_masks_it(real_detector: Detector) -> None:
    text = "Vous pouvez me rappeler au zéro six douze trente-quatre cinquante-six soixante-dix-huit ?"
    (entities,) = real_detector.detect([text], ["fr"])
    phones = [text[e.start : e.end] for e in entities if e.entity_type == PHONE_NUMBER]
    assert phones == ["zéro six douze trente-quatre cinquante-six soixante-dix-huit"]
