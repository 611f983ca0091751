"""``finditer_spans`` gives exactly the spans of google-re2's ``finditer``, in characters."""

from __future__ import annotations

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

import recognizers.re2_spans as re2_spans
from recognizers.re2_spans import finditer_spans

REGEXES = [
    r"(?P<pii>\d{2})",
    r"(?i)(bonjour|hi)\s+(?P<name>\w+)?",
    r"é+|(x)?",  # can match empty: the search must step over one character, not one byte
    r"(?:^|[^0-9])(?P<idd>00)[1-9]|(?P<trunk>\(0\))",
    r"\p{L}+",
    r"$",
]
ALPHABET = st.sampled_from([*"ab 0129éèñ€😀\n(x)Hi", "bonjour ", "00", "(0)"])


def _wrapper_spans(regex: re2._Regexp, text: str, pos: int = 0) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(i) for i in range(regex.groups + 1)) for m in regex.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.sampled_from(REGEXES))
def test_same_spans_as_the_wrapper(text: str, pattern: str) -> None:
    regex = re2.compile(pattern)
    assert list(finditer_spans(regex, text)) == _wrapper_spans(regex, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.sampled_from(REGEXES), st.integers(0, 40))
def test_same_spans_as_the_wrapper_from_a_position(text: str, pattern: str, pos: int) -> None:
    regex = re2.compile(pattern)
    pos = min(pos, len(text))
    assert list(finditer_spans(regex, text, pos)) == _wrapper_spans(regex, text, pos)


def test_a_search_from_a_position_still_sees_the_text_before_it() -> None:
    regex = re2.compile(r"\b\d\d")
    # "12" glued to "x" is no match from position 1 either; "34" after "é" (2 bytes) is, in characters
    assert list(finditer_spans(regex, "x12 é 34", 1)) == [((6, 8),)]
    assert list(finditer_spans(regex, "ééé 12 34", 5)) == [((7, 9),)]


def test_known_spans_in_ascii_and_accented_text() -> None:
    regex = re2.compile(r"(?P<pii>\d\d) ?(€)?")
    assert list(finditer_spans(regex, "a 12 34")) == [((2, 5), (2, 4), (-1, -1)), ((5, 7), (5, 7), (-1, -1))]
    # "é" and "€" are 2 and 3 bytes in UTF-8: spans are still in characters
    assert list(finditer_spans(regex, "é 12 € 34€")) == [((2, 6), (2, 4), (5, 6)), ((7, 10), (7, 9), (9, 10))]


def test_without_the_native_search_the_wrapper_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(re2_spans, "_UNANCHORED", None)
    regex = re2.compile(r"(?P<pii>\d\d)")
    assert list(finditer_spans(regex, "é 12 34")) == [((2, 4), (2, 4)), ((5, 7), (5, 7))]
