"""The shared shape of the recognizers of a date word written alone: a weekday, a month after a time word."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern, Re2PatternRecognizer
from recognizers.entities import DATE_TIME
from recognizers.generic import date_patterns as dp


class DateWordRecognizer(Re2PatternRecognizer):
    """One pattern (``PATTERN_NAME``, ``regex`` of the language) reported as ``DATE_TIME`` at
    ``SCORE``, the reporting threshold: below every written date's, so a date holding the word
    wins the overlap. Languages without date words of their own read English ones."""

    SCORE = 0.5
    PATTERN_NAME: ClassVar[str] = ""
    CONTEXT: ClassVar[list[str]] = []

    @staticmethod
    def regex(language: str) -> str:
        """The pattern for ``language`` (one of ``date_patterns.LANGUAGES``)."""
        raise NotImplementedError

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in dp.LANGUAGES else "en"
        super().__init__(
            supported_entity=DATE_TIME,
            patterns=[Re2Pattern(self.PATTERN_NAME, self.regex(language), self.SCORE)],
            context=self.CONTEXT,
            supported_language=supported_language,
        )
