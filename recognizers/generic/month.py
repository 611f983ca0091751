"""A month named alone after a time word ("en février", "in januari", "since March"), as a date."""

from __future__ import annotations

from recognizers.generic.date_word import DateWordRecognizer

#: Full month names: the abbreviations are words or numbers too ("mar", "dec", "sept").
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "fr": (
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
        "septembre", "octobre", "novembre", "décembre", "decembre",
    ),
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december",
    ),
    "en": (
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
    ),
}  # fmt: skip

#: Words after which a month name is the month: prepositions and "early/late/mid" words. A month
#: name elsewhere is often something else ("Mars", "May", "April" are names; "mars" is "March"
#: and the planet).
TIME_WORDS: dict[str, tuple[str, ...]] = {
    "fr": (
        "en", "début", "debut", "fin", "mi-", "depuis", "courant", "jusqu'en", "jusqu’en", "d'ici", "d’ici",
        "dès", "avant", "après", "apres", "au mois de", "le mois de", "du mois de", "mois de",
    ),
    "nl": ("in", "begin", "eind", "half", "medio", "sinds", "vanaf", "tot", "voor", "na", "eerder in", "later in"),
    "en": (
        "in", "since", "until", "till", "by", "early", "late", "mid", "mid-", "before", "after", "during",
        "last", "next",
    ),
}  # fmt: skip


def month_after_time_word_regex(language: str) -> str:
    """A month name of ``language`` right after one of its time words; the month is the ``pii``
    group. English "May" counts only capitalised after the time word ("in May"): "in may" is as
    often the verb ("things in may change")."""
    words = "|".join(w.replace("-", r"\-") if w.endswith("-") else rf"{w}\s+" for w in TIME_WORDS[language])
    months = "|".join(MONTH_NAMES[language])
    may = "|May" if language == "en" else ""
    return rf"(?i:\b(?:{words}))(?P<pii>(?i:{months}){may})\b"


class MonthRecognizer(DateWordRecognizer):
    """A month written alone after a time word (``DATE_TIME``), every language: "se sont poursuivies
    en février", "licencié en mai de la même année", "ik ben in januari verhuisd", "since March".

    Format: the full name of a month in the message's language, in any case, right after a
    preposition or a word such as "début", "eind", "early". Not the abbreviations, which are words
    or numbers ("sept", "mar"); not a month name alone, which is often a name ("April", "Mars").
    Inside a written date ("le 12 février 2020", "in March 2021") the date's longer span wins.
    Source: CLDR month names (fr, nl, en), https://cldr.unicode.org/

    A month identifies no one; it is labelled because it is a date expression (the ECHR
    anonymisation gold standard and Presidio label it DATE_TIME), and the default policy keeps
    ``DATE_TIME`` in analytics and training, so the published text is unchanged.

    Score: 0.5 (the reporting threshold), below every written date's.
    """

    PATTERN_NAME = "month after a time word"
    regex = staticmethod(month_after_time_word_regex)
