"""MonthRecognizer: a month named after a time word is a date; alone, or inside a written date, it is not its own."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import DATE_TIME
from recognizers.generic.month import MonthRecognizer

RECOGNIZERS = {lang: MonthRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [DATE_TIME])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "les auditions se sont poursuivies en février.", ["février"]),
        ("fr", "licencié en mai de la même année", ["mai"]),
        ("fr", "livraison prévue début mars", ["mars"]),
        ("fr", "au mois de juin", ["juin"]),
        ("fr", "j'attends depuis Septembre", ["Septembre"]),
        ("nl", "ik ben in januari verhuisd", ["januari"]),
        ("nl", "eind september komt het pakket", ["september"]),
        ("en", "I moved in May last year", ["May"]),
        ("en", "waiting since march for a refund", ["march"]),
        ("en", "due mid-October", ["October"]),
    ],
)
def test_a_month_after_a_time_word(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "things in may change"),  # lower-case "may" is as often the verb
        ("en", "April called about her order"),  # a month name alone is often a name
        ("fr", "Mars est une planète"),
        ("fr", "j'ai acheté des mars"),  # the sweets
        ("nl", "in maartse buien"),  # inside another word
        ("en", "in Marchmont Street"),
    ],
)
def test_no_month(language: str, text: str) -> None:
    assert found(language, text) == []


def test_a_written_date_keeps_its_longer_span(real_detector: Detector) -> None:
    text = "Le paiement a été fait le 12 février 2020, puis en mars."
    (entities,) = real_detector.detect([text], ["fr"])
    dates = [text[e.start : e.end] for e in entities if e.entity_type == DATE_TIME]
    assert dates == ["le 12 février 2020", "mars"]
