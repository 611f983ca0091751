"""Dates of birth: a date introduced by "né le", "geboren op", "date of birth", "DOB"..."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from recognizers.base import LATIN_LETTERS, Re2Pattern, bare_reply, make_result
from recognizers.entities import DATE_OF_BIRTH, DATE_TIME
from recognizers.generic import date_patterns as dp
from recognizers.generic.gated import GatedRecognizer

# The trigger must start a word ("donné le 12 mars" is not "né le"): the pattern consumes the
# character before it (RE2 has no look-behind); the reported span is the date only (group "pii").
# Latin letters, not ``\p{L}``/``\p{N}``: a smaller RE2 automaton (``recognizers.base``).
_BEFORE = rf"(?:^|[^{LATIN_LETTERS}0-9])"

#: An age one turns on a birthday (the trigger's number: "turned 40 on", "j'ai eu 40 ans le").
_AGE_TURNED = r"[0-9]{1,3}"
_TRIGGERS: dict[str, str] = {
    "fr": (
        r"(?:né\(e\)|née?s?|nee|date[ \t]+de[ \t]+naissance|date[ \t]+(?:de[ \t]+)?naiss\.?|date[ \t]+naissance"
        r"|ddn|naissance|anniversaire"
        # the day one turns an age: "j'ai eu 40 ans le 3 mars", "il aura 7 ans le 12 juin"
        rf"|(?:eu|avoir|aurai|aura|auras|fêté|fête|fêter|feter|fete)[ \t]+(?:[ms]es[ \t]+)?{_AGE_TURNED}[ \t]+ans"
        r"|°)"  # Belgian forms and letters: "Jan Peeters, °12/03/1985"
    ),
    "nl": (
        r"(?:geboren(?:[ \t]+op)?|geboortedatum|geb\.?[ \t]*datum|geb\.|geb[ \t]*:|geboortedag|verjaardag"
        r"|jarig(?:[ \t]+op)?"
        # the day one turns an age: "ik word 40 op 3 maart", "ik ben 40 geworden op 3 maart"
        rf"|(?:word|wordt|worden)[ \t]+{_AGE_TURNED}(?:[ \t]+jaar)?|{_AGE_TURNED}(?:[ \t]+jaar)?[ \t]+geworden"
        r"|°)"  # Belgian forms and letters: "Jan Peeters, °12/03/1985"
    ),
    "en": (
        r"(?:born(?:[ \t]+on)?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|b-?day"
        r"|d\.[ \t]?o\.[ \t]?b\.?|dob"
        # the day one turns an age: "I turned 40 on March 3rd", "she'll be 7 on 12 June"
        rf"|(?:turn(?:ed|s|ing)|(?:i|s?he|they|we)(?:['’]ll|[ \t]+will)[ \t]+be)[ \t]+{_AGE_TURNED}"
        r"(?:[ \t]+years?[ \t]+old)?)"
    ),
}
# A birthplace between the birth word and the year: "née à Casablanca en 1988", "born in
# Lagos in 1990", "geboren in Paramaribo in 1988": one to three capitalised words (particles between).
_CAPITALISED_WORD = rf"[A-Z\x{{C0}}-\x{{DE}}][{LATIN_LETTERS}'’\-]*"
_PLACE_PARTICLE = r"(?:de|du|la|le|sur|en|op|aan|upon|on)[ \t]+"
_PLACE = rf"{_CAPITALISED_WORD}(?:[ \t]+(?:{_PLACE_PARTICLE})?{_CAPITALISED_WORD}){{0,2}}"
# Year (or month and year) of birth: "né en 1981", "geboren in juli 1981", "born in 1981".
_YEAR_TRIGGERS: dict[str, str] = {
    "fr": (
        rf"(?:(?:né\(e\)|née?s?|nee)[ \t]+(?:(?:à|a|au)[ \t]+{_PLACE}[ \t]+)?en|année[ \t]+de[ \t]+naissance"
        r"|°)"  # "(°1952)"
    ),
    "nl": rf"(?:geboren[ \t]+(?:(?:in|te)[ \t]+{_PLACE}[ \t]+)?in|geboortejaar|geb\.[ \t]+in|°)",
    "en": rf"(?:born[ \t]+(?:in[ \t]+{_PLACE},?[ \t]+)?in|year[ \t]+of[ \t]+birth|birth[ \t]+year)",
}
# A birthplace between the birth word and the date: "né à Lyon le 3 mars 1978", "geboren te Leiden
# op 3-2-1970", "born in Leeds on 3 March 1978". Without it the date reads as a plain ``DATE_TIME``,
# which the default analytics policy keeps as typed.
_BIRTHPLACE = {
    "fr": rf"(?:[ \t]+(?:à|a|au|aux)[ \t]+{_PLACE},?)?",
    "nl": rf"(?:[ \t]+(?:in|te)[ \t]+{_PLACE},?)?",
    "en": rf"(?:[ \t]+in[ \t]+{_PLACE},?)?",
}
# Words allowed between the trigger and the date: "my birthday is on the 12th of July",
# "née le 3 août", "geboren op 1 mei", "DOB: 12/03/1985", "né un 12 avril", "born on a Sunday, 12 April".
_FILLER = {
    "fr": r"(?:le|un|est|c'est|c’est|:|=)",
    "nl": r"(?:op|een|is|:|=)",
    "en": r"(?:on|the|a|is|was|['’]s|:|=)",
}


# Dutch puts the participle last: "ik ben op 12 mei 1978 geboren", "zij is 3-8-1993 geboren".
_TRIGGERS_AROUND: dict[str, tuple[str, str]] = {
    "nl": (
        r"(?:ben|is|zijn|werd|was)[ \t]+(?:op[ \t]+)?",
        rf"[ \t]+(?:geboren|{_AGE_TURNED}(?:[ \t]+jaar)?[ \t]+geworden)\b",  # "ik ben 3 maart 40 geworden"
    ),
}


#: Words of a question for the date of birth ("wat is uw geboortedatum?", "date de naissance ?",
#: "what's your DOB?"): after a conversation's message holding one, a reply that is a date and
#: nothing else is that date of birth (``DateOfBirthRecognizer.reply``).
BIRTH_QUESTIONS: dict[str, tuple[str, ...]] = {
    "fr": ("naissance", "anniversaire"),
    "nl": ("geboortedatum", "geboren", "geboortedag", "verjaardag"),
    "en": ("birth", "born", "dob", "birthday", "birthdate"),
}
#: A reply's date of birth scores as one after a birth word (above any ``DATE_TIME``).
REPLY_SCORE = 1.0


def _around_regex(language: str) -> str | None:
    """The date between an auxiliary and the participle ("ik ben op 12 mei 1978 geboren"), or None
    for a language that puts the participle first."""
    if language not in _TRIGGERS_AROUND:
        return None
    before, after = _TRIGGERS_AROUND[language]
    return rf"(?i){_BEFORE}{before}(?P<pii>(?:{'|'.join(_day_month_year_dates(language))})){after}"


#: A year of two digits after a written day and month ("born 3rd feb 89", "née le 12 mars 85"): a
#: date of birth's year, though after a month alone two digits are as often a count ("12 mars 10
#: personnes", ``date_patterns``); a whole number after a space only ("3 feb 1989" keeps its four
#: digits; "born on 3 feb, 89 people came" no year).
TWO_DIGIT_YEAR = r"[ \t]+[0-9]{2}\b"
_TWO_DIGIT_YEAR_AFTER = re.compile(TWO_DIGIT_YEAR)


#: A date of eight digits without separators, day first or year first ("geboortedatum 12031985",
#: "DOB 19850312"), as forms and ID cards print it: after a birth trigger only, where the calendar
#: must accept it (``_compact_date_valid``).
COMPACT_DATE = r"(?:[0-3][0-9][01][0-9](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}[01][0-9][0-3][0-9])\b"
COMPACT_DIGITS = 8


#: A birthday without its year after a birth trigger: day and month with a dot ("née le 25.12"), and
#: in English month first ("born on 12/25"); the calendar must accept it (``dp.valid_day_month``).
DOTTED_DAY_MONTH = r"[0-3][0-9]\.[01][0-9]"
MONTH_FIRST_DAY_MONTH = r"[01]?[0-9]/[0-3][0-9]"
_TWO_NUMBERS = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})")


#: A year of birth in two digits, the apostrophe optional: "born in '85", "né en 85", "geboren in '79";
#: not a number that goes on or carries a unit ("born in 85%", "born in 12.5", "born in 20weeks").
SHORT_YEAR = r"[’']?[0-9]{2}"
SHORT_YEAR_END = rf"(?:$|[.,](?:$|[^0-9])|[^0-9{LATIN_LETTERS}%.,])"
#: Words after a two-digit number that make it a length of time: "born in 20 weeks", "né en 12 heures".
_TIME_UNITS = frozenset(
    {"weeks", "week", "days", "day", "hours", "hour", "minutes", "mins", "hrs", "months", "month", "years", "year",
     "semaines", "semaine", "jours", "jour", "heures", "heure", "mois", "ans", "années",
     "weken", "dagen", "dag", "uur", "uren", "minuten", "maanden", "maand", "jaar", "jaren"}
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _day_month_year_dates(language: str) -> list[str]:
    """The date shapes every language writes day first: numeric, spaced, written (a written one
    first with a two-digit year after it, ``TWO_DIGIT_YEAR``)."""
    written = dp.written_date_regex(language, with_article=False)
    return [
        dp.numeric_date_regex(with_time=False),
        dp.NUMERIC_SPACED,
        rf"{written}{TWO_DIGIT_YEAR}",
        written,
    ]


def _dob_regexes(language: str) -> tuple[str, str]:
    lang = language if language in dp.LANGUAGES else "en"
    dates = _day_month_year_dates(lang)
    if lang == "en":
        dates.append(dp.month_first_regex())
    if lang in ("nl", "en"):
        dates.append(dp.year_first_regex(lang))
    dates.append(COMPACT_DATE)
    dates.append(rf"{dp.NUMERIC_DAY_MONTH}\b")  # "birthday: 03/12": day and month, no year
    dates.append(rf"{DOTTED_DAY_MONTH}\b")  # "née le 25.12"
    # "date of birth: 3.2.78": one-digit day or month, dots, a two-digit year; alone a version
    # number's shape ("update 3.2.78"), so only after a trigger
    dates.append(rf"{dp.N12}\.{dp.N12}\.[0-9]{{2}}\b")
    if lang == "en":
        dates.append(rf"{MONTH_FIRST_DAY_MONTH}\b")  # "born on 12/25"
    date = "(?:" + "|".join(dates) + ")"
    separator = rf"[ \t]*[:=\-–]?[ \t]*(?:{_FILLER[lang]}[ \t]*){{0,3}}"
    full = rf"(?i){_BEFORE}{_TRIGGERS[lang]}{_BIRTHPLACE[lang]}{separator}(?P<pii>{date})"
    year = (
        rf"(?i){_BEFORE}{_YEAR_TRIGGERS[lang]}[ \t]*:?[ \t]*"
        rf"(?P<pii>(?:{dp.month_regex(lang)}[ \t]+)?{dp.YEAR4})"
    )
    return full, year


def _short_year_regex(language: str) -> str:
    """A two-digit year of birth after the year triggers (``SHORT_YEAR``)."""
    lang = language if language in dp.LANGUAGES else "en"
    return rf"(?i){_BEFORE}{_YEAR_TRIGGERS[lang]}[ \t]*:?[ \t]*(?P<pii>{SHORT_YEAR}){SHORT_YEAR_END}"


def _compact_date_valid(digits: str) -> bool:
    """``COMPACT_DATE``'s eight digits are a calendar date, year first or day first."""
    if digits[:2] in ("19", "20") and dp.valid_numeric_date(f"{digits[:4]}-{digits[4:6]}-{digits[6:]}", False):
        return True
    return dp.valid_numeric_date(f"{digits[:2]}-{digits[2:4]}-{digits[4:]}", False)


class DateOfBirthRecognizer(GatedRecognizer):
    """Dates of birth (``DATE_OF_BIRTH``): a date right after a birth trigger.

    Format: French "né le 3 août 1993", "née le 12/03/1985", "date de naissance : 12.03.1985",
    "né en 1981"; Dutch "geboren op 12 juli 1993", "geboortedatum: 12-03-1985", "geb. 3-8-1993",
    "geboren in 1981", "ik ben op 12 mei 1978 geboren", "ik ben jarig op 3 november"; the day one
    turns an age ("j'ai eu 40 ans le 3 mars", "ik word 40 op 3 maart", "ik ben 3 maart 40 geworden",
    "I turned 40 on March 3rd", "she'll be 7 on 12 June": a birthday); a two-digit year
    after the year triggers ("born in '85", "né en 85"; not before a unit of time: "born in 12
    hours"); English "born on 12 July 1993", "date of birth 6/24/1991", "DOB: 1985-03-12",
    "d.o.b. 12/03/85", "born in 1981", "my birthday is on the 12th of July", "je suis née le
    trois mars 1985", "DOB: first of May 1975". Every date format of
    ``DateRecognizer`` (without the French article) is accepted after the trigger; the reported
    span is the date alone.
    Official source: none (a contextual rule); date formats as in ``DateRecognizer``.

    Score: 1.0 for a calendar-valid date (above every ``DATE_TIME`` score, so that the birth date
    wins the overlap); an impossible date is discarded.
    """

    # no digit gate: a date may be said in words ("le trois mars"); the detector's pattern screen
    # (``processors.pattern_screen``) already calls this only on messages one of its patterns matches
    min_digits = 0

    def __init__(self, supported_language: str = "en") -> None:
        self._language = supported_language if supported_language in dp.LANGUAGES else "en"
        full, year = _dob_regexes(self._language)
        super().__init__(
            supported_entity=DATE_OF_BIRTH,
            patterns=[
                Re2Pattern("date after a birth trigger", full, 0.9),
                Re2Pattern("year of birth", year, 0.9),
                Re2Pattern("two-digit year of birth", _short_year_regex(self._language), 0.9),
                *self._around_patterns(),
            ],
            supported_language=supported_language,
        )
        self.question_words = frozenset(BIRTH_QUESTIONS[self._language])
        # what may stand around a reply's date: "the 3rd of May", "le 5 juin", "3rd of May 79"
        self._reply_before = re.compile(rf"(?i)(?:{_FILLER[self._language]}[ \t]+)*")

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """The date ``text`` is made of, as a date of birth, when the conversation's previous
        message asked for one (the detector calls this then only: ``question_words``). A customer
        answers "wat is uw geboortedatum?" with "12-03-1985": a bare ``DATE_TIME``, which the default
        policy keeps, would take a full birth date to the analytics topic."""
        span = bare_reply(text)
        if span is None:
            return None
        for result in found:
            if result.entity_type != DATE_TIME or not span[0] <= result.start < result.end <= span[1]:
                continue
            if self._reply_before.fullmatch(text, span[0], result.start) is None:
                continue  # words before the date: "the 3rd of May" passes, "order placed 3 May" not
            end = result.end
            if end < span[1] and _TWO_DIGIT_YEAR_AFTER.fullmatch(text, end, span[1]) is not None:
                # "3rd of May 79": a year of two digits, which only a birth word admits
                if not self.validate_result(text[result.start : span[1]]):
                    continue
                end = span[1]
            if end != span[1]:
                continue
            why = "reply to a question for the date of birth"
            return make_result(self, DATE_OF_BIRTH, result.start, end, REPLY_SCORE, why)
        return None

    def _around_patterns(self) -> list[Re2Pattern]:
        around = _around_regex(self._language)
        return [] if around is None else [Re2Pattern("date before the birth participle", around, 0.9)]

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A two-digit year before a unit of time is a length of time ("born in 20 weeks")."""
        kept = []
        for result in results:
            value = text[result.start : result.end].lstrip("'’")
            if len(value) == 2 and value.isdigit():
                following = _NEXT_WORD.match(text, result.end)
                if following and following.group(1).lower() in _TIME_UNITS:
                    continue
            kept.append(result)
        return kept

    def validate_result(self, pattern_text: str) -> bool | None:
        """A bare year of birth is accepted; any other date must exist in the calendar."""
        if pattern_text.isdigit() and len(pattern_text) == 4:
            return True
        if len(pattern_text.lstrip("'’")) == 2 and pattern_text.lstrip("'’").isdigit():
            return True  # "'85": ``SHORT_YEAR``
        if pattern_text.isdigit() and len(pattern_text) == COMPACT_DIGITS:
            return _compact_date_valid(pattern_text)
        numbers = _TWO_NUMBERS.fullmatch(pattern_text)
        if numbers is not None:
            month_first = self._language == "en" and "/" in pattern_text
            swapped = f"{numbers.group(2)}/{numbers.group(1)}"
            return dp.valid_day_month(pattern_text) or (month_first and dp.valid_day_month(swapped))
        valid, _ = dp.check_date(pattern_text, self._language)
        return valid
