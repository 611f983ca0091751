"""``ScoredRe2Recognizer``: a ``Re2PatternRecognizer`` that gets a second look at each candidate
*with the surrounding text* (``refine``), which ``validate_result`` cannot see.

By default it rejects a number that is only a piece of a longer separated chain ("12-03-2024",
"1234 5678 9012") or that follows a spaced Dutch or Belgian mobile prefix ("06 12345678"): the
numeric identifiers built on it are Dutch and Belgian. Recognizers override ``refine`` to grade a
candidate by its shape (postcode letters, street suffix, following word), or switch the chain
check off (``reject_number_chains``) when they match no numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

import re2
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import Re2Pattern, Re2PatternRecognizer, space_parts_numbers

_CHAIN_SEPARATORS = "-./"
_DECIMALS = re2.compile(r"^,[0-9]{1,2}(?:[^0-9]|$)")  # "12345678,50": an amount


def extends_number(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a piece of a longer separated number, or of an amount.

    "-", "." and "/" followed (or preceded) by a digit always chain; a space chains only when the
    candidate itself is spaced ("123 456 782 123" is one longer number, "123456782 2" is not) and
    no long unseparated run sits across it ("44083073623 0032 479 94 57 43": ``space_parts_numbers``);
    ",dd" after it makes it the integer part of an amount ("12345678,50").
    """
    separators = _CHAIN_SEPARATORS + (" " if " " in text[start:end] else "")
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    glued_before = len(before) == 2 and before[1] in separators and before[0].isdigit()
    glued_before = glued_before and not space_parts_numbers(text, start - 1)
    glued_after = len(after) == 2 and after[0] in separators and after[1].isdigit()
    glued_after = glued_after and not space_parts_numbers(text, end)
    decimal = _DECIMALS.match(text[end : end + 4]) is not None
    return glued_before or glued_after or decimal


_MOBILE_PREFIX = re2.compile(r"(?:^|[^0-9])(?:(?:\+|00)[ ]?3[12][ ]?(?:\(0\)[ ]?)?0?|0)[46][ \x{00A0}]?$")


def after_mobile_prefix(text: str, start: int) -> bool:
    """True when ``text[start:]`` follows a spaced mobile prefix ("06 12345678", "+32 4 …")."""
    return _MOBILE_PREFIX.search(text[max(0, start - 14) : start]) is not None


class ScoredRe2Recognizer(Re2PatternRecognizer):
    """``Re2PatternRecognizer`` plus a look at the text around each surviving candidate.

    A subclass declares ``ENTITY``, ``PATTERNS`` and ``CONTEXT`` and takes the language only
    (``NlBsnRecognizer("nl")``), or passes them to ``__init__`` by keyword.
    ``refine(text, start, end, score)`` returns the final ``(start, end, score)`` or ``None`` to
    drop the candidate. The default drops numbers that continue a separated digit chain when
    ``reject_number_chains`` is set (numeric identifiers); recognizers override it to grade a
    candidate by what surrounds it, or to trim a leading word that is not part of it.
    """

    reject_number_chains: bool = True
    #: What a subclass reports, with which patterns and context words, when it passes none to
    #: ``__init__``: most Dutch and Belgian recognizers are a table of these and two methods.
    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[Sequence[Re2Pattern]] = ()
    CONTEXT: ClassVar[Iterable[str]] = ()

    def __init__(
        self,
        supported_language: str = "nl",
        *,
        supported_entity: str | None = None,
        patterns: Sequence[Re2Pattern] | None = None,
        context: Iterable[str] | None = None,
    ) -> None:
        entity = supported_entity or self.ENTITY
        if not entity:
            raise TypeError(f"{type(self).__name__}: no entity (set ENTITY or pass supported_entity)")
        super().__init__(
            supported_entity=entity,
            patterns=self.PATTERNS if patterns is None else patterns,
            context=self.CONTEXT if context is None else context,
            supported_language=supported_language,
        )

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Final span and score of ``text[start:end]`` given its neighbourhood; ``None`` drops it."""
        if self.reject_number_chains and (extends_number(text, start, end) or after_mobile_prefix(text, start)):
            return None
        return start, end, score

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the RE2 patterns, then ``refine`` every candidate against the full text."""
        kept: list[RecognizerResult] = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            refined = self.refine(text, result.start, result.end, result.score)
            if refined is None:
                continue
            result.start, result.end, score = refined
            if score != result.score:
                result.score = score
                if result.analysis_explanation is not None:
                    result.analysis_explanation.score = score
            kept.append(result)
        return kept
