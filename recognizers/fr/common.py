"""Pieces shared by the French recognizers: separators people type, and the digit-run guard.

Chat users group long numbers as they please ("06 12 34 56 78", "06.12.34.56.78", "1 85 05 78 006
084 36", "732 829 320 00074"). ``SEP`` is the optional separator allowed between digit groups: a
space (also the no-break and narrow no-break spaces that copy-paste from French documents brings),
a dot or a dash, optionally surrounded by one space each side (" - ").

Grouped numbers raise a problem ``require_boundaries`` cannot see: "732 829 320" is a whole token,
yet in "732 829 320 00074" it is only the start of a SIRET, and "05 78 006 084" sits inside the
NIR "1 85 05 78 006 084 36". ``DigitRunRecognizer`` drops a match that the text continues, on
either side, with a separator and another digit.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import Re2PatternRecognizer, space_parts_numbers
from recognizers.generic.gated import digit_count

_SPACES = r"[ \x{A0}\x{202F}]"
SEP = rf"{_SPACES}?[.\-]?{_SPACES}?"
"""Optional separator between digit groups (RE2 syntax): '', ' ', '.', '-', ' - ', '  '."""

SEP_REQUIRED = rf"(?:{_SPACES}[.\-]?{_SPACES}?|[.\-]{_SPACES}?)"
"""Like ``SEP`` but at least one character: tells "732 829 320" from "732829320"."""

SEPARATOR_CHARS = frozenset(" .-\u00a0\u202f")
"""The characters ``SEP`` may consume; removed before computing a checksum."""


def compact(value: str) -> str:
    """``value`` without the separators people type, upper-cased (for Corsican 2A/2B, VAT keys)."""
    return "".join(ch for ch in value if ch not in SEPARATOR_CHARS).upper()


def continues_digit_run(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is preceded or followed by a separator and a digit.

    Such a span is one group of a longer grouped number, not a number of its own, except after a
    lone year ("né le 30 novembre 1984 06 12 34 56 78"): a 19xx/20xx group that no other digit group
    precedes ends a date, it does not start the number; and across a space with a long unseparated
    run on one side ("0647176813 2 70 06 65 022 547 06": ``space_parts_numbers``).
    """
    before = start >= 2 and text[start - 1] in SEPARATOR_CHARS and text[start - 2].isdigit()
    if before and (_lone_year_before(text, start - 1) or space_parts_numbers(text, start - 1)):
        before = False
    after = end + 1 < len(text) and text[end] in SEPARATOR_CHARS and text[end + 1].isdigit()
    if after and space_parts_numbers(text, end):
        after = False
    return before or after


def _lone_year_before(text: str, separator: int) -> bool:
    """The digits just before ``text[separator]`` are a 4-digit 19xx/20xx year not glued to more digits."""
    run_start = separator
    while run_start > 0 and text[run_start - 1].isdigit():
        run_start -= 1
    run = text[run_start:separator]
    if len(run) != 4 or run[:2] not in {"19", "20"}:
        return False
    return not (run_start >= 2 and text[run_start - 1] in SEPARATOR_CHARS and text[run_start - 2].isdigit())


class DigitRunRecognizer(Re2PatternRecognizer):
    """A ``Re2PatternRecognizer`` for grouped numbers: drops matches that a longer number continues.

    ``MIN_DIGITS`` is the fewest digits a match holds: most chat messages hold fewer, and skipping
    them before any regex runs is what keeps the French set cheap on every message.
    """

    MIN_DIGITS = 0
    #: A match typed without separators and this long stands alone even when a group of digits
    #: follows it ("179056923070577 37 ans": a NIR with its key, then an age); None: never.
    COMPACT_STANDS_ALONE: int | None = None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Matches of the patterns, minus the ones that are part of a longer digit sequence."""
        if digit_count(text) < self.MIN_DIGITS:
            return []
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not continues_digit_run(text, r.start, r.end) or self._stands_alone(text, r)]

    def _stands_alone(self, text: str, result: RecognizerResult) -> bool:
        value = text[result.start : result.end]
        return (
            self.COMPACT_STANDS_ALONE is not None
            and len(value) >= self.COMPACT_STANDS_ALONE
            and not any(ch in SEPARATOR_CHARS for ch in value)
        )
