"""An unknown word after an employer cue is a firm (``recognizers.names.employer_cues``): "I work for
Datamyne", "ik werk bij Velmora". Firms and names are fictitious."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.names.employer_cues import after_employer_cue


@pytest.mark.parametrize(
    ("language", "text", "word", "expected"),
    [
        ("en", "I work for Datamyne", "Datamyne", True),
        ("en", "I used to work  for Datamyne", "Datamyne", True),  # spaces folded
        ("en", "Jens spent a year at Teradon as the assistant", "Teradon", True),
        ("en", "my network for Leeds is down", "Leeds", False),  # whole words only
        ("en", "I work in Leeds", "Leeds", False),
        ("fr", "je travaille chez Sopralog", "Sopralog", True),
        ("nl", "sinds vorig jaar werk ik bij Velmora", "Velmora", True),
        ("nl", "ik woon bij Velmora", "Velmora", False),
        ("de", "ich arbeite bei Velmora", "Velmora", False),  # no list for this language
    ],
)
def test_after_an_employer_cue(language: str, text: str, word: str, expected: bool) -> None:
    assert after_employer_cue(text, text.index(word), language) is expected


def spans(detector: Detector, text: str, language: str) -> list[tuple[str, str]]:
    (entities,) = detector.detect([text], [language])
    return [(e.entity_type, text[e.start : e.end]) for e in entities]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I work for Datamyne", [("ORGANIZATION", "Datamyne")]),  # the model says a place
        ("en", "I work for Thinknum", [("ORGANIZATION", "Thinknum")]),  # the model says a person
        ("nl", "hij werkt bij Velmora in Eindhoven", [("ORGANIZATION", "Velmora"), ("LOCATION", "Eindhoven")]),
    ],
)
def test_the_firm_is_an_organisation(
    real_detector: Detector, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(real_detector, text, language) == expected


def test_a_first_name_after_the_cue_stays_a_person(real_detector: Detector) -> None:
    assert spans(real_detector, "I work for Thomas", "en") == [("PERSON", "Thomas")]
