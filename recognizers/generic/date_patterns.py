"""Building blocks (RE2 syntax) for dates, shared by ``DateRecognizer`` and ``DateOfBirthRecognizer``.

Not a recognizer: month and weekday names per language, and functions that assemble the date
expressions. Everything is generated once at import time. The builders return expressions without flags: the
recognizers compile them case-insensitively (``(?i)`` prefix).

Conventions (checked against the shared evaluation sets, never special-cased on them):

* French gold spans include the article: "le 12 juillet 1993", "les 13 et 14 janvier 1998"; the
  article is therefore part of a French ``DATE_TIME`` span (``with_article=True``) but never part
  of a ``DATE_OF_BIRTH`` span ("né le 3 août 1993" reports "3 août 1993").
* A year alone is never a date; a year with a month is ("juillet 1993").
* Two-digit years are accepted after an apostrophe ("17 mei '11") or inside numeric dates
  ("12/03/21"), never after a month name alone ("12 mars 10 personnes" is not a date with year 10).
* Day and year may be said in words, as voice transcripts and people avoiding digit filters write
  them (``number_words``): "le trois mars 1985", "drie maart negentienhonderdvijfentachtig", "the
  twelfth of June nineteen eighty". An English day in words needs "of" and a month that is not a
  lower-case "may" ("the first may be"); a year in words needs a day before the month.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from typing import Any

import re2

from recognizers.generic import number_words

# Month names: every spelling people type, with its month number. Abbreviations may carry a dot.
MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1, "janv": 1, "jan": 1,
        "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
        "mars": 3,
        "avril": 4, "avr": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7, "juil": 7,
        "août": 8, "aout": 8,
        "septembre": 9, "sept": 9,
        "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11,
        "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    },
    "nl": {
        "januari": 1, "jan": 1,
        "februari": 2, "febr": 2, "feb": 2,
        "maart": 3, "mrt": 3, "mar": 3,
        "april": 4, "apr": 4,
        "mei": 5,
        "juni": 6, "jun": 6,
        "juli": 7, "jul": 7,
        "augustus": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9,
        "oktober": 10, "okt": 10, "oct": 10,
        "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    },
    "en": {
        "january": 1, "jan": 1,
        "february": 2, "feb": 2,
        "march": 3, "mar": 3,
        "april": 4, "apr": 4,
        "may": 5,
        "june": 6, "jun": 6,
        "july": 7, "jul": 7,
        "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10,
        "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    },
}  # fmt: skip

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "nl": (
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "ma", "di", "wo", "do", "vr", "za", "zo",
    ),
    "en": (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "thurs", "tues", "thur", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ),
}  # fmt: skip

LANGUAGES: tuple[str, ...] = tuple(MONTHS)

DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
YEAR4 = r"(?:1[89][0-9]{2}|20[0-9]{2})"
APOSTROPHE = r"['’`´]"
N12 = r"[0-9]{1,2}"
# Written year: four digits or an apostrophe and two ("'93").
WRITTEN_YEAR = rf"(?:{YEAR4}|{APOSTROPHE}[0-9]{{2}})"
# A clock time glued to a date: "14:30", "14:30:05", "14h30", "14h", ISO "T14:30:05Z"; English
# "2:30 pm", "9:45 a.m." (the suffix is part of it: the patterns that use it are case-insensitive).
TIME = (
    r"(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:[ \t]?[ap]\.?m\b\.?)?"
    r"|h(?:[0-5][0-9])?)"
)
ISO_ZONE = r"(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])"
# Between day, month and year: "12 mars", "17-mei-2011", "15.jan.1928", "15- jan 1928".
SEP = r"(?:[ \t]*[-./][ \t]*|[ \t]+)"
# Before the year the separator may be empty, because the abbreviation's dot may already have
# been taken ("15.jan.1928" reads "jan." then "1928"; RE2 does not backtrack into it).
YEAR_SEP = r"(?:[ \t]*[-./]?[ \t]*)"

# Month names of four letters or fewer that are not abbreviations (so take no dot).
_SHORT_FULL_NAMES = frozenset({"mars", "mai", "juin", "août", "aout", "mei", "juni", "juli", "may", "june", "july"})

_ORDINALS = {
    "fr": r"(?:1(?:er|re|ère)|premier|DAY)",
    "nl": r"(?:DAY(?:ste|de|e)?)",
    "en": r"(?:DAY(?:st|nd|rd|th)?)",
}
_RANGE_WORDS = {"fr": r"(?:et|ou|au|à)", "nl": r"(?:en|of|tot|t/m)", "en": r"(?:and|or|to|&)"}
_LIST_WORDS = {"fr": r"(?:et|ou|au)", "nl": r"(?:en|of|tot|t/m)", "en": r"(?:and|or|to|&)"}
_TIME_WORDS = {"fr": r"(?:à|a|vers)", "nl": r"(?:om|rond)", "en": r"(?:at|@)"}


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A non-capturing alternation, longest first so that RE2's leftmost-first choice is the longest."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def month_regex(language: str, exclude: frozenset[str] = frozenset()) -> str:
    """Month names of ``language`` (minus ``exclude``); abbreviations (not full names) may carry a dot."""
    names = [name for name in MONTHS[language] if name not in exclude]
    full = [name for name in names if len(name) > 4 or name in _SHORT_FULL_NAMES]
    abbreviations = [name for name in names if name not in full]
    return rf"(?:{_alternation(full)}|{_alternation(abbreviations)}\.?)"


def weekday_regex(language: str) -> str:
    """Weekday names of ``language`` (abbreviations may carry a dot)."""
    return rf"(?:{_alternation(WEEKDAYS[language])}\.?)"


def _day(language: str) -> str:
    return _ORDINALS[language].replace("DAY", DAY)


def _english_month_not_may() -> str:
    """English month names, "may" only capitalised ("May 5", not "you may 2")."""
    return "(?:" + month_regex("en", exclude=frozenset({"may"})) + "|(?-i:May|MAY))"


def _year(language: str) -> str:
    """A year after a day and month: four digits, an apostrophe and two, or words ("deux mille
    trois"), the words ending at a word's end (RE2's ASCII ``\\b``: the words are ASCII at their end)."""
    return rf"(?:,?{YEAR_SEP}{WRITTEN_YEAR}|,?[ \t]+{number_words.year_words_regex(language)}\b)"


def written_date_regex(language: str, with_article: bool) -> str:
    """Day and month, optional weekday, year and time: "mardi 12 mars 2024 à 14h", "July 12th, 1993".

    Also ranges and lists that share a month or year ("les 13 et 14 janvier 1998",
    "les 29 juin et 22 juillet 1993"). Case-insensitive.
    """
    month = month_regex(language)
    weekday = weekday_regex(language)
    words = number_words.day_words_regex(language)
    if language == "en":  # "the twelfth of June": "of" and no lower-case "may" after a day in words
        day = _day(language)
        day_range = rf"{day}(?:[ \t]*(?:-|–|{_RANGE_WORDS[language]})[ \t]*{day})?"
        day_month = rf"(?:{day_range}(?:[ \t]+of)?{SEP}{month}|{words}[ \t]+of[ \t]+{_english_month_not_may()})"
    else:
        day = rf"(?:{_day(language)}|{words})"
        day_range = rf"{day}(?:[ \t]*(?:-|–|{_RANGE_WORDS[language]})[ \t]*{day})?"
        day_month = rf"{day_range}{SEP}{month}"
    article = r"(?:les?[ \t]+)?" if with_article and language == "fr" else ""
    repeat_article = r"(?:le[ \t]+)?" if language == "fr" else ""
    body = (
        rf"{day_month}(?:[ \t]*(?:,|{_LIST_WORDS[language]})[ \t]*{repeat_article}{day_month})*"
        rf"{_year(language)}?"
    )
    time = rf"(?:,?[ \t]+(?:{_TIME_WORDS[language]}[ \t]+)?{TIME})?"
    weekday_prefix = rf"(?:{weekday},?[ \t]+(?:the[ \t]+)?)?" if language == "en" else rf"(?:{weekday},?[ \t]+)?"
    return rf"{article}{weekday_prefix}{body}{time}"


def month_first_regex() -> str:
    """English month-first dates: "July 12, 1993", "Tuesday, March 12th", "March 3rd at 10:30",
    "June the twelfth, nineteen eighty".

    "may" is a month here only when capitalised ("May 5", not "you may 2"), or in lower case when
    an ordinal or a day and a year follow ("may 5th", "may 5 1954": "you may 5th" is no English).
    """
    month = _english_month_not_may()
    day = rf"(?:{_day('en')}|{number_words.day_words_regex('en')})"
    weekday = weekday_regex("en")
    day_range = rf"{day}(?:[ \t]*(?:-|–|and|to|&)[ \t]*{day})?"
    year = rf"(?:,?[ \t]+(?:{YEAR4}|{number_words.year_words_regex('en')}\b))"
    lower_may = rf"may[ \t]+(?:(?:the[ \t]+)?{DAY}(?:st|nd|rd|th)\b{year}?|{DAY}{year})"
    return (
        rf"(?:{weekday},?[ \t]+)?(?:{month}[ \t]+(?:the[ \t]+)?{day_range}{year}?|{lower_may})"
        rf"(?:,?[ \t]+(?:at[ \t]+)?{TIME})?"
    )


def year_first_regex(language: str) -> str:
    """Year, month name, day: "2019 augustus 1", "2011-mei-17", "1928.jan.15"."""
    return rf"{YEAR4}{SEP}{month_regex(language)}{SEP}{DAY}"


def month_year_regex(language: str) -> str:
    """Month (or a list of months) and a four-digit year: "juillet 1993", "mars, avril et juin 1989"."""
    month = month_regex(language)
    joiner = rf"(?:[ \t]*(?:,|-|–|/|{_LIST_WORDS[language]})[ \t]*)"
    of = r"(?:[ \t]+of)?" if language == "en" else ""
    return rf"{month}(?:{joiner}{month})*,?{of}[ \t]+{YEAR4}"


# Numeric dates. The separators must agree ("12/03/2021", not "12/03-2021"): RE2 has no
# back-references, so each separator gets its own alternative.
NUMERIC_DMY4 = rf"{N12}(?:/{N12}/|-{N12}-|\.{N12}\.){YEAR4}"
NUMERIC_DMY2 = rf"(?:{N12}(?:/{N12}/|-{N12}-){APOSTROPHE}?|[0-9]{{2}}\.[0-9]{{2}}\.{APOSTROPHE}?)[0-9]{{2}}"
NUMERIC_YMD = rf"{YEAR4}(?:-{N12}-|/{N12}/|\.{N12}\.){N12}"
NUMERIC_SPACED = rf"(?:{N12} {N12} {YEAR4}|{YEAR4} {N12} {N12})"
NUMERIC_DAY_MONTH = r"[0-3][0-9]/[01][0-9]"
# A range's first day, written without its year, before the full date that ends it: "14/02 t/m
# 21/02/2020", "du 14/02 au 21/02/2020", "from 3/4 until 17/4/2023" (the year is the second's).
_NUMERIC_RANGE_WORDS = {
    "fr": r"(?:au|à|a|-|–|jusqu'au|jusqu’au)",
    "nl": r"(?:t/m|t\.m\.|tot(?:[ \t]+en[ \t]+met)?|-|–)",
    "en": r"(?:to|until|till|through|thru|-|–)",
}


def range_start_regex(language: str) -> str:
    """A day/month (``pii``) followed by a range word and a complete numeric date."""
    words = _NUMERIC_RANGE_WORDS.get(language, _NUMERIC_RANGE_WORDS["en"])
    article = r"(?:le[ \t]+)?" if language == "fr" else ""
    end = rf"{N12}(?:/{N12}/|-{N12}-|\.{N12}\.)(?:{YEAR4}|[0-9]{{2}})"
    return rf"(?:^|[^0-9/.\-])(?P<pii>{N12}[/.\-]{N12})[ \t]*{words}[ \t]*{article}{end}(?:$|[^0-9])"


def numeric_date_regex(with_time: bool = True) -> str:
    """Every numeric date shape with an optional glued time (ISO ``T`` or a space)."""
    time = rf"(?:(?:T|[ \t]+|,[ \t]*){TIME}{ISO_ZONE}?)?" if with_time else ""
    return rf"(?:{NUMERIC_YMD}|{NUMERIC_DMY4}|{NUMERIC_DMY2}){time}"


_DIGITS = re.compile(r"[0-9]+")


def _valid_day(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year, month)[1]


def valid_numeric_date(text: str, month_first_allowed: bool) -> bool:
    """True when the first three numbers of ``text`` form a real calendar date.

    Four-digit first number: year-month-day. Otherwise day-month-year, or month-day-year when
    ``month_first_allowed`` (English). Two-digit years are read as 19xx/20xx: any value is fine.
    """
    numbers = _DIGITS.findall(text)
    if len(numbers) < 3:
        return False
    first, second, third = numbers[0], numbers[1], numbers[2]
    if len(first) == 4:
        return _valid_day(int(first), int(second), int(third))
    year = int(third) if len(third) == 4 else 2000  # 2000 is a leap year: 29/02/xx is accepted
    day, month = int(first), int(second)
    if _valid_day(year, month, day):
        return True
    return month_first_allowed and _valid_day(year, day, month)


def valid_day_month(text: str) -> bool:
    """True when the first two numbers are a day and a month (dd/mm)."""
    numbers = _DIGITS.findall(text)
    return len(numbers) >= 2 and _valid_day(2000, int(numbers[1]), int(numbers[0]))


def strip_accents(value: str) -> str:
    """Lower-case ``value`` without accents ("Août" -> "aout")."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_MONTH_LOOKUP: dict[str, dict[str, int]] = {
    language: {strip_accents(name): number for name, number in names.items()} for language, names in MONTHS.items()
}
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _year_words(language: str) -> Any:
    return re2.compile("(?i)" + number_words.year_words_regex(language) + r"\b")


def spelled_parts(text: str, language: str) -> tuple[int | None, int | None]:
    """(day, year) of a date candidate said in words ("le vingt-deux juin mille neuf cent
    quatre-vingt": 22, 1980), each None when not said in words."""
    year = None
    match = _year_words(language).search(text)
    if match is not None:
        year = number_words.year_value(match.group(), language)
        text = text[: match.start()] + " " + text[match.end() :]
    return number_words.day_in(text, language), year


def valid_written_date(text: str, language: str) -> bool:
    """False for impossible written dates ("31 février", "30 feb", "trente et un février"); True otherwise.

    Only the simple "day month [year]" reading is checked; lists and ranges are accepted.
    """
    months = [
        _MONTH_LOOKUP[language][w] for w in map(strip_accents, _WORD.findall(text)) if w in _MONTH_LOOKUP[language]
    ]
    if len(months) != 1:
        return True
    numbers = [int(n) for n in _DIGITS.findall(text)]
    word_day, word_year = spelled_parts(text, language)
    if numbers:
        day = numbers[0] if numbers[0] <= 31 else (numbers[-1] if numbers[-1] <= 31 else word_day or 1)
    elif word_day is not None:
        day = word_day
    else:
        return True
    year = next((n for n in numbers if n >= 1800), word_year or 2000)
    return _valid_day(year, months[0], day)


_TIME_IN_TEXT = re.compile(r"[0-9]{1,2}(?::[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?|h[0-9]{0,2})")
_YEAR_IN_TEXT = re.compile(r"(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])|['’`´][0-9]{2}")
_NUMERIC_SEPARATED = re.compile(r"^[0-9]{1,4}[/.\-]")


def check_date(text: str, language: str) -> tuple[bool, bool]:
    """``(valid, complete)`` for a date candidate found by one of this module's expressions.

    ``valid``: the calendar accepts it (no "31/02/2021", no "30 février"). ``complete``: it has a
    day, a month and a year in a separated numeric or written form; a month-year, a day-month,
    or a space-separated numeric date ("23 10 2011") is valid but not complete.
    """
    words = [strip_accents(word) for word in _WORD.findall(text)]
    if any(word in _MONTH_LOOKUP[language] for word in words):
        if not valid_written_date(text, language):
            return False, False
        has_year = _YEAR_IN_TEXT.search(text) is not None
        rest = _YEAR_IN_TEXT.sub(" ", _TIME_IN_TEXT.sub(" ", text))
        has_day = "premier" in words or any(1 <= int(n) <= 31 for n in _DIGITS.findall(rest))
        if not (has_day and has_year):
            word_day, word_year = spelled_parts(text, language)
            has_day = has_day or word_day is not None
            has_year = has_year or word_year is not None
        return True, has_day and has_year
    numbers = _DIGITS.findall(text)
    if len(numbers) == 2:
        return valid_day_month(text), False
    valid = valid_numeric_date(text, month_first_allowed=language == "en")
    return valid, valid and _NUMERIC_SEPARATED.match(text) is not None
