"""WeekdayRecognizer: a weekday written alone is a date; inside a written date, the date wins."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import DATE_TIME
from recognizers.generic.weekday import WeekdayRecognizer

RECOGNIZERS = {lang: WeekdayRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [DATE_TIME])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Mr. Jansen flew to Oslo on Tuesday morning.", ["Tuesday"]),
        ("en", "do you deliver on Sundays?", ["Sundays"]),
        ("en", "see you MONDAY", ["MONDAY"]),
        ("fr", "vous livrez le samedi ?", ["samedi"]),
        ("fr", "je rappelle lundi ou mardi", ["lundi", "mardi"]),
        ("nl", "ik bel u vrijdag terug", ["vrijdag"]),
        ("nl", "bezorgen jullie ook op zondag?", ["zondag"]),
    ],
)
def test_weekdays_alone(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the sun was out, sat on the wed"),  # abbreviations are words
        ("nl", "ik ga naar de zondagsschool"),  # inside another word
        ("fr", "le lundimatin"),
        ("en", "Sundaytimes"),
    ],
)
def test_no_weekday(language: str, text: str) -> None:
    assert found(language, text) == []


def test_a_written_date_keeps_its_weekday_and_the_allow_list_keeps_dates(real_detector: Detector) -> None:
    """The allow list ("lundi", "monday") stops names, not dates; a whole date beats its weekday."""
    for language, text, expected in [
        ("fr", "livraison prévue lundi", [(DATE_TIME, "lundi")]),
        ("en", "Tuesday, March 12th 2024", [(DATE_TIME, "Tuesday, March 12th 2024")]),
        ("fr", "le mardi 3 août 1993 à 14h", [(DATE_TIME, "le mardi 3 août 1993 à 14h")]),
    ]:
        (entities,) = real_detector.detect([text], [language])
        assert [(e.entity_type, text[e.start : e.end]) for e in entities] == expected, text
