"""SpelledNameRecognizer: names spelled out letter by letter after a cue, and single letters that
spell nothing."""

from __future__ import annotations

import pytest

from recognizers.entities import PERSON
from recognizers.names.spelled_name import SpelledNameRecognizer


def found(text: str, language: str) -> list[str]:
    recognizer = SpelledNameRecognizer(language)
    return [text[r.start : r.end] for r in recognizer.analyze(text, [PERSON]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my surname is spelled S M I T H", ["S M I T H"]),
        ("en", "that's S-M-I-T-H", ["S-M-I-T-H"]),
        ("en", "it's spelt K O W A L S K I, with a W", ["K O W A L S K I"]),
        ("en", "name: j.a.m.e.s", ["j.a.m.e.s"]),
        ("fr", "ça s'écrit L E F È V R E", ["L E F È V R E"]),
        ("fr", "mon nom s'écrit D-U-P-O-N-T", ["D-U-P-O-N-T"]),
        ("fr", "c'est f a u r e", ["f a u r e"]),
        ("nl", "dat is J A N S E N", ["J A N S E N"]),
        ("nl", "met P E T E R S, goedemiddag", ["P E T E R S"]),
        ("nl", 'mijn naam is "B O S"', ["B O S"]),
    ],
)
def test_a_name_spelled_after_a_cue(language: str, text: str, expected: list[str]) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "spelled S M"),  # two letters: initials, read by other rules
        ("en", "it's S M I Thompson"),  # the letters run into a word
        ("en", "the A B C of it"),  # no cue before the letters
        ("en", "options a, b, c and d"),
        ("fr", "c'est A-B-12"),  # a reference with digits: not a name
        ("nl", "kies uit A B C in het menu"),
    ],
)
def test_letters_that_spell_no_name(language: str, text: str) -> None:
    assert found(text, language) == []
