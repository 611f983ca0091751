"""SignatureInitialsRecognizer: a byline's initials, a care agent's caret signature, and the
capitals in brackets or after a caret that name no one."""

from __future__ import annotations

import pytest

from recognizers.entities import PERSON
from recognizers.names.signature_initials import SignatureInitialsRecognizer


def found(text: str, language: str = "nl") -> list[str]:
    recognizer = SignatureInitialsRecognizer(language)
    return [text[r.start : r.end] for r in recognizer.analyze(text, [PERSON]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "(KS)", ["KS"]),  # a byline, the article's last line
        ("nl", "De groep speelt op 10 oktober in Gent.\n(PJB)", ["PJB"]),
        ("nl", "  (ABx)  ", ["ABx"]),  # a newsroom's own spelling
        ("nl", "(RoM)", ["RoM"]),
        ("en", "Sorry to hear that, please DM us your order number. ^JM", ["JM"]),
        ("en", "We've passed this on to the team ^ KB", ["KB"]),
        ("fr", "Nous revenons vers vous au plus vite. ^CL\nBonne journée", ["CL"]),
    ],
)
def test_initials_signing_a_text(language: str, text: str, expected: list[str]) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "de Verenigde Staten (VS) en Canada"),  # an abbreviation of what was just said
        ("nl", "Het bedrijf (KPN) meldt een storing."),
        ("nl", "(VS)"),  # a country code typed alone
        ("en", "(PS)"),  # chat shorthand
        ("en", "(OK)"),
        ("en", "the price in ^EUR"),
        ("en", "2^10 is 1024"),
        ("en", "(Ab)"),  # one capital: a word, not initials
        ("fr", "(TTC)"),
    ],
)
def test_capitals_that_name_no_one(language: str, text: str) -> None:
    assert found(text, language) == []
