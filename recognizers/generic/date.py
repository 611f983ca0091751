"""Calendar dates, numeric or written with month names, in French, Dutch and English."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import DATE_TIME
from recognizers.generic import date_patterns as dp
from recognizers.generic.gated import GatedRecognizer


def date_patterns(language: str) -> list[Re2Pattern]:
    """The date expressions of ``language`` with their base scores."""
    patterns = [
        Re2Pattern("written date", "(?i)" + dp.written_date_regex(language, with_article=True), 0.7),
        Re2Pattern("month and year", "(?i)" + dp.month_year_regex(language), 0.6),
        Re2Pattern("numeric date", "(?i)" + dp.numeric_date_regex(), 0.6),
        Re2Pattern("numeric date (spaces)", dp.NUMERIC_SPACED, 0.5),
        Re2Pattern("day/month", dp.NUMERIC_DAY_MONTH, 0.4),
        Re2Pattern("day/month opening a range", "(?i)" + dp.range_start_regex(language), 0.7),
    ]
    if language == "en":
        patterns.append(Re2Pattern("written date (month first)", "(?i)" + dp.month_first_regex(), 0.7))
    if language in ("nl", "en"):
        patterns.append(Re2Pattern("written date (year first)", "(?i)" + dp.year_first_regex(language), 0.7))
    return patterns


class DateRecognizer(GatedRecognizer):
    """Calendar dates (``DATE_TIME``), one instance per language.

    Formats: numeric "12/03/2021", "12-03-21", "12.03.2021", "2021-03-12", "2021-03-12T14:30:05Z"
    (a glued time is part of the span), "12-04-'02", "23 10 2011", "14/07", the first day of "14/02
    t/m 21/02/2020"; written with the language's month names and abbreviations: French "12 juillet
    1993", "1er mars", "le mardi 3 août 1993 à 14h", "les 13 et 14 janvier 1998", "juillet 1993"; Dutch "12 juli 1993",
    "3 aug. 2021", "17-mei-2011", "2019 augustus 1", "17 mei '11"; English "12 July 1993",
    "July 12, 1993", "12th of July", "Tuesday, March 12th", "5 September at 2:30 pm"; day and year in words, as voice
    transcripts write them: "le trois mars 1985", "drie maart negentienhonderdvijfentachtig", "the
    twelfth of June nineteen eighty" (``number_words``). A time alone is not a date; a year alone
    is ``YearRecognizer``'s. English numeric dates may be month-first ("6/24/1991"); French and Dutch ones are
    day-first. French spans include the article ("le 12 juillet 1993"), as in the ECHR
    anonymisation gold standard.
    Official source: ISO 8601 for the numeric year-first form; national conventions (CLDR date
    formats fr/nl/en), https://cldr.unicode.org/

    Scores: 0.85 for a complete, calendar-valid date (day, month and year); 0.7 for a written day
    and month; 0.6 for a month and year; 0.5 for a space-separated numeric date; 0.4 for "dd/mm"
    (reported with context only); 0.7 for a day/month that opens a range to a complete date ("14/02
    t/m 21/02/2020", "du 14/02 au 21/02/2020"). Impossible dates ("31/02/2021") are discarded.
    ``DateOfBirthRecognizer`` scores 1.0 so that it wins overlaps.
    """

    # no digit gate: a date may be said in words ("le trois mars"); the detector's pattern screen
    # (``processors.pattern_screen``) already calls this only on messages one of its patterns matches
    min_digits = 0

    validated_score = 0.85

    # Presidio matches a context word as a substring of the lower-cased tokens before the match
    # (piiflow's NLP engine sets the lemma to the token text), so stems catch the inflections:
    # "expir" -> "expire", "expiration"; "bezorg" -> "bezorging", "bezorgd".
    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["date", "rdv", "rendez", "livraison", "livré", "livrer", "échéance", "expir", "naissance"],
        "nl": ["datum", "afspraak", "levering", "geleverd", "bezorg", "geboren"],
        "en": ["date", "appointment", "deliver", "expir", "born", "birthday"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        self._language = supported_language if supported_language in dp.LANGUAGES else "en"
        super().__init__(
            supported_entity=DATE_TIME,
            patterns=date_patterns(self._language),
            context=self.CONTEXT[self._language],
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Impossible dates are dropped; complete dates get the validated score."""
        valid, complete = dp.check_date(pattern_text, self._language)
        if not valid:
            return False
        return True if complete else None
