"""A day of the week on its own ("on Tuesday morning", "je livre lundi", "vrijdag bellen"), as a date."""

from __future__ import annotations

from recognizers.generic.date_word import DateWordRecognizer

#: Full names only: the abbreviations are words too ("sat", "sun", "wed"; "do", "zo", "ma").
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}


def weekday_regex(language: str) -> str:
    """A weekday name of ``language``, plural too ("on Mondays", "les lundis", "maandags"). A
    name glued to other letters is part of another word ("zondagsschool"): the recognizer's
    boundary check (``recognizers.base``) drops it."""
    return rf"(?i)\b(?:{'|'.join(WEEKDAY_NAMES[language])})s?\b"


class WeekdayRecognizer(DateWordRecognizer):
    """A day of the week written alone (``DATE_TIME``), every language: "flew to Oslo on Tuesday
    morning", "livraison prévue lundi", "ik bel u vrijdag terug".

    Format: the full name of a weekday in the message's language, in any case, optionally plural
    ("Mondays", "les lundis", "'s maandags" as "maandags"); not the abbreviations, which are
    common words ("sat", "sun", "ma", "do"). A weekday inside a written date ("mardi 12 mars",
    "Tuesday, March 12th") is ``DateRecognizer``'s: its longer span wins the overlap.
    Source: CLDR day names (fr, nl, en), https://cldr.unicode.org/

    A weekday identifies no one; it is labelled because it is a date expression (Presidio and
    the common anonymisation gold standards label it DATE_TIME), and the default policy keeps
    ``DATE_TIME`` in analytics and training, so the published text is unchanged.

    Score: 0.5 (the reporting threshold), below every written date's, so a date containing the
    weekday wins.
    """

    PATTERN_NAME = "weekday alone"
    regex = staticmethod(weekday_regex)
