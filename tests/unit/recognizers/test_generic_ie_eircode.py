"""IeEircodeRecognizer: Irish postcodes in their typed forms, and the reference numbers that look alike."""

from __future__ import annotations

import pytest

from recognizers.entities import ADDRESS
from recognizers.generic.ie_eircode import IeEircodeRecognizer

RECOGNIZER = IeEircodeRecognizer("en")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("send it to 14 Main Street, D02 X285 please", "D02 X285", 0.55),  # fictitious codes
        ("it's A65 F4E2", "A65 F4E2", 0.55),
        ("dublin 6w: D6W 1234", "D6W 1234", 0.4),  # four digits: a reference number's shape too
        ("code t12t9dh", "t12t9dh", 0.4),  # compact
    ],
)
def test_eircodes(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "B12 X285",  # B is no letter of the Eircode alphabet
        "D02 X2855",  # five characters
        "AD02 X285",  # glued to a letter
        "D02 XB85",  # B again, in the identifier
        "i'll pay a45 then",  # lower-case words take the shape: no context, no report
    ],
)
def test_not_eircodes(text: str) -> None:
    assert [value for value, score in found(text) if score >= 0.5] == []
