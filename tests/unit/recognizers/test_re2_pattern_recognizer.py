"""``Re2PatternRecognizer``: what its pattern loop reports, independent of any one recognizer."""

from __future__ import annotations

from recognizers.base import Re2Pattern, Re2PatternRecognizer


class _Pairs(Re2PatternRecognizer):
    """Three two-digit groups, as a grouped number is typed."""

    def __init__(self) -> None:
        super().__init__("GROUPED", [Re2Pattern("pairs", r"\d\d(?: \d\d){2}", 0.5)])


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in _Pairs().analyze(text, ["GROUPED"])]


def test_a_match_glued_to_the_token_before_it_is_dropped() -> None:
    assert found("x12 34 56") == []
    assert found("12 34 56x") == []


def test_a_glued_match_does_not_hide_a_match_starting_inside_it() -> None:
    # The leftmost match "12 34 56" is glued to "x"; "34 56 78" starts inside it and stands free.
    assert found("ref x12 34 56 78") == ["34 56 78"]
    assert found("réf é12 34 56 78 et 11 22 33") == ["34 56 78", "11 22 33"]


def test_a_match_glued_only_at_its_end_hides_nothing() -> None:
    assert found("12 34 56x 78") == []
