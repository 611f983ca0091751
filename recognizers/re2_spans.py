"""Match spans of an RE2 regex over a text, without the google-re2 wrapper's per-match work.

Why: the wrapper's ``finditer`` is written in Python. For every call it encodes the text, and for
every match it sorts and decodes the group offsets, defines a closure and builds a ``Match``
object: about 3.5 us a match and 2.6 us a call without one, several times what RE2's own search
costs on a chat message. The recognizers only need the spans. ``finditer_spans`` makes the same
calls to RE2 (``_re2.RE2.Match``, unanchored, from where the previous match ended) and yields the
spans as the wrapper's ``Match.span(group)`` would give them, in characters. For an ASCII text
bytes and characters coincide and there is nothing to decode.

The wrapper's ``_regexp`` attribute and its ``_re2`` module are not public API. If they are
missing (another google-re2 version), every call goes through the wrapper's ``finditer`` instead:
slower, the same spans. ``tests/unit/recognizers/test_re2_spans.py`` compares both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import re2

Spans = tuple[tuple[int, int], ...]
_NULL_SPAN = (-1, -1)


def _unanchored() -> Any:
    """RE2's UNANCHORED constant, or None if this google-re2 does not expose it as expected."""
    native = getattr(re2, "_re2", None)
    anchor = getattr(getattr(native, "RE2", None), "Anchor", None)
    return getattr(anchor, "UNANCHORED", None)


_UNANCHORED = _unanchored()


def _native(regex: Any) -> Any:
    """The compiled ``_re2.RE2`` behind a wrapper regex, or None."""
    native = getattr(regex, "_regexp", None)
    return native if _UNANCHORED is not None and hasattr(native, "Match") else None


def finditer_spans(regex: Any, text: str, pos: int = 0) -> Iterator[Spans]:
    """For each match of ``regex`` (a ``re2.compile`` result) in ``text``, left to right and not
    overlapping, the spans of the whole match and of every group, in characters; ``(-1, -1)`` for
    a group that took no part. The same as ``[m.span(i) for i in range(groups + 1)]`` for each
    ``m`` of ``regex.finditer(text, pos)``: matches start at character ``pos`` or later, and "^"
    and word boundaries still see the text before it."""
    native = _native(regex)
    if native is None:
        groups = range(regex.groups + 1)
        for match in regex.finditer(text, pos):
            yield tuple(match.span(i) for i in groups)
        return
    if text.isascii():
        yield from _ascii_spans(native, text.encode("ascii"), pos)
    else:
        yield from _utf8_spans(native, text.encode("utf-8"), pos, len(text[:pos].encode("utf-8")))


def _ascii_spans(native: Any, data: bytes, pos: int) -> Iterator[Spans]:
    """Byte offsets are character offsets."""
    end = len(data)
    search = native.Match
    while True:
        spans = search(_UNANCHORED, data, pos, end)
        whole = spans[0]
        if whole == _NULL_SPAN:
            return
        yield tuple(spans)
        if pos == end:
            return
        pos = pos + 1 if whole[1] == pos else whole[1]  # past an empty match, as the wrapper does


def _utf8_spans(native: Any, data: bytes, start_char: int, start_byte: int) -> Iterator[Spans]:
    """Byte offsets decoded to character offsets, walking forward from the previous match (matches
    do not go backwards, so decoding stays linear in the text, as in the wrapper)."""
    pos, end = start_byte, len(data)
    search = native.Match
    byte_at, char_at = start_byte, start_char  # a decoded position at or before every offset still to come
    while True:
        spans = search(_UNANCHORED, data, pos, end)
        whole = spans[0]
        if whole == _NULL_SPAN:
            return
        chars: dict[int, int] = {}
        for offset in sorted({o for span in spans for o in span if o >= 0}):
            if offset < byte_at:  # not expected; decode from the start rather than go wrong
                byte_at, char_at = 0, 0
            char_at += len(data[byte_at:offset].decode("utf-8"))
            byte_at = offset
            chars[offset] = char_at
        yield tuple(span if span == _NULL_SPAN else (chars[span[0]], chars[span[1]]) for span in spans)
        if pos == end:
            return
        if whole[1] == pos:  # past an empty match: one character, as the wrapper does
            pos += 1
            while pos < end and data[pos] & 0xC0 == 0x80:
                pos += 1
        else:
            pos = whole[1]
