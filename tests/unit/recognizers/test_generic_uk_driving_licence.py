"""UkDrivingLicenceRecognizer: GB driving licence numbers standing alone (fictitious numbers)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers import build_recognizers
from recognizers.entities import ID_DOCUMENT
from recognizers.generic.uk_driving_licence import UkDrivingLicenceRecognizer

LICENCE = UkDrivingLicenceRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in LICENCE.analyze(text, [ID_DOCUMENT])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ref MORGA753116SM9IJ", "MORGA753116SM9IJ"),
        ("my licence is MORGA753116SM9IJ 35", "MORGA753116SM9IJ"),  # the issue number stays out
        ("LEE99 662154 J99AB", "LEE99 662154 J99AB"),  # a short surname padded, the parts set apart
        ("SMITH807229JJ9AA.", "SMITH807229JJ9AA"),  # a woman's month: 07 + 50
    ],
)
def test_a_licence_number_alone(text: str, expected: str) -> None:
    assert [value for value, _ in found(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "morga753116sm9ij",  # lower case: typed so, it is a code
        "MORGA713116SM9IJ",  # month 13
        "MORGA751326SM9IJ",  # day 32
        "MOR9A753116SM9IJ",  # a letter after the surname's padding
        "XMORGA753116SM9IJ",  # glued to a letter
        "MORGA753116SM9IJK",
    ],
)
def test_not_a_licence_number(text: str) -> None:
    assert found(text) == []


def test_the_detector_reports_it_as_an_identity_document(real_detector: Detector) -> None:
    text = "hi, my licence is MORGA753116SM9IJ, can you update the hire booking?"
    (entities,) = real_detector.detect([text], ["en"])
    assert ("ID_DOCUMENT", "MORGA753116SM9IJ") in [(e.entity_type, text[e.start : e.end]) for e in entities]


def test_built_for_english_only() -> None:
    def names(language: str) -> set[str]:
        return {type(r).__name__ for r in build_recognizers(language)}

    assert "UkDrivingLicenceRecognizer" in names("en")
    assert "UkDrivingLicenceRecognizer" not in names("fr")
    assert "UkDrivingLicenceRecognizer" not in names("nl")
