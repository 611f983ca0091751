"""``Re2PatternRecognizer``: what its pattern loop reports, independent of any one recognizer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import recognizers.base as base
from recognizers.base import Re2Pattern, Re2PatternRecognizer
from recognizers.re2_spans import Spans, finditer_spans


class _Pairs(Re2PatternRecognizer):
    """Three two-digit groups, as a grouped number is typed (a dash may stand between them)."""

    def __init__(self) -> None:
        super().__init__("GROUPED", [Re2Pattern("pairs", r"\d\d(?: (?:- )?\d\d){2}", 0.5)])


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in _Pairs().analyze(text, ["GROUPED"])]


def test_a_match_glued_to_the_token_before_it_is_dropped() -> None:
    assert found("x12 34 56") == []
    assert found("12 34 56x") == []


def test_a_glued_match_does_not_hide_a_match_starting_inside_it() -> None:
    # The leftmost match "12 - 34 56" is glued to "x"; "34 56 78" starts inside it and stands free.
    assert found("ref x12 - 34 56 78") == ["34 56 78"]
    assert found("réf é12 - 34 56 78 et 11 22 33") == ["34 56 78", "11 22 33"]
    # but a match that continues the glued digits with one separator is a piece of the same number
    assert found("ref x12 34 56 78") == []


def test_a_match_glued_only_at_its_end_is_dropped_and_searched_past() -> None:
    assert found("12 34 56x 78") == []
    assert found("12 34 56x 78 90 12") == ["78 90 12"]


def test_searches_again_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # every "x12 34 56" is a glued match; after MAX_RESUMES searches again the rest is scanned as before
    calls = []

    def counted(regex: object, text: str, pos: int = 0) -> Iterator[Spans]:
        calls.append(pos)
        return finditer_spans(regex, text, pos)

    monkeypatch.setattr(base, "finditer_spans", counted)
    found(" ".join(["x12 34 56"] * 20))
    assert len(calls) == 1 + base.MAX_RESUMES


@pytest.mark.parametrize(
    ("text", "separator", "parts"),
    [
        ("44083073623 0032", 11, True),  # a long unseparated run before the space
        ("12 0647176813", 2, True),  # ... or after it
        ("06 12345678", 2, True),  # phone patterns match this mobile whole; after_mobile_prefix guards its tail
        ("0479 94", 4, False),  # groups of a number typed in groups
        ("1234567 89", 7, False),  # seven digits: still a group
        ("12345678-9", 8, False),  # only a space parts two numbers
        ("geboren op 26-06-1948 02 813", 21, True),  # a whole date ends before the space
        ("le 24.10.1994 1 85", 13, True),
        ("ref 26-06 1948 02", 14, False),  # a year after a separated pair: not a whole date
        ("naissance : 05/02/66 06 53", 20, True),  # a two-digit year between slashes
        ("01.23.45 67 89", 8, False),  # ... not between dots: a phone typed in pairs
        ("creditcard 4126 9169 1978 8305 786 767 741", 30, True),  # a whole card (Luhn) ends before it
        ("ref 1111 4126 9169 1978 8305 786", 28, False),  # ... not four groups of a longer chain
        ("carte: 4915-2455-1958-6678 06.64", 26, True),  # a whole card typed with dashes
        ("ref 4915-2455-1958-6679 06.64", 23, False),  # ... its Luhn check wrong: maybe one number
        ("+32 473 00 33 51 87 jaar", 16, True),  # an age after the space: its unit follows
        ("iban be56 9898 2297 7388 0487", 24, True),  # a whole IBAN (length and check digits)
        ("iban be56 9898 2297 7389 0487", 24, False),  # ... its check digits wrong: maybe one number
        ("iban be56 9898 2297 0487", 19, False),  # ... too short: the IBAN goes on
        # a phone number typed whole with dashes or dots, then another number
        ("tel : 07-65-61-02-16 2 48 07 66 863 878 53", 20, True),
        ("2 48 07 66 863 878 53 06.12.34.56.78", 21, True),
        ("tel 07-65-61 02 16", 12, False),  # three groups: maybe one number in mixed groups
        # a whole phone number after the space ends the chain: the digits before it are another number
        ("numéro 2 73 03 88 449 542 62 06 02 07 25 24", 28, True),
        ("bel 09 432 13 66 0032 484 88 48 31", 16, True),
        ("tel 06 12 34 56 78", 6, False),  # a phone's own groups: too few digits before
        ("ref 1234 5678 0612 3456", 13, False),  # what follows is no valid phone
    ],
)
def test_space_parts_numbers(text: str, separator: int, parts: bool) -> None:
    assert base.space_parts_numbers(text, separator) is parts
