"""A person's age written right after their name: "Jan Jansen (45)", "John Smith, 52, called",
"ma fille Léa (9 ans)", "Léa, 9 ans,", "mijn dochter Emma van 6 jaar".

Not a recognizer: the number alone is no age; what makes it one is the name just before it, which
another recognizer found. ``processors.detection`` calls ``ages_beside_names`` on a message's
resolved names, as it does ``recognizers.names.name_lists`` for listed names. Ages with a unit or a
keyword ("34 ans", "aged 52") are ``AgeRecognizer``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

AGE_BESIDE_NAME = "AgeBesideName"  # the rule's name: ``Entity.recognizer``, ``detection.disabled_recognizers``
MAX_AGE = 110
AGE_BESIDE_NAME_SCORE = 0.6
#: An age's unit, in years, months or weeks, fr/nl/en ("9 ans", "6 jaar", "7 yrs", "3 mois").
_UNIT = r"(?:ans?|jaar|jr|years?|yrs?|y/?o|mois|maanden|maand|months?|semaines?|weken|weeks?)\.?"
#: The word that says the writer is speaking, between their name and age: "jean blin ici, 20 ans".
_HERE = r"(?:[ \t]+(?:ici|here|hier))"
#: A time span, not an age: "van 3 jaar geleden", "de 2 ans plus tard", "de 2 ans de garantie".
_NOT_AFTER = r"(?![ \t]+(?:geleden|terug|later|plus|avant|après|apres|de[ \t]+(?:garantie|contrat)))"
# Right after the name: "(45)", "( 45 )", "(9 ans)"; ", 52," / ", 52." / ", 52" / ", 9 ans," ending
# a clause, a line or the text ("Jan, 12 jaar klant" is how long he has been one), "ici" / "here" /
# "hier" before it, the comma then optional ("jean blin ici, 20 ans", "Joseph Antoine ici 21 ans,");
# or "van"/"de" and an age
# with its unit ("Emma van 6 jaar", "Léa de 9 ans"); or the age with its unit right after the name,
# then the end of a clause or where the writer is from ("je suis Kevin 22 ans de lille", "Tom 34
# years from Leeds"; not "Jan 12 jaar klant", how long he has been one).
_AFTER_NAME = re.compile(
    rf"[ \t]*(?:\([ \t]*([0-9]{{1,3}})(?:[ \t]*{_UNIT})?[ \t]*\)"
    rf"|(?:{_HERE}[ \t]*,?|,)[ \t]*([0-9]{{1,3}})(?:[ \t]*{_UNIT})?[ \t]*(?:[,;.!?)\n]|$)"
    rf"|[ \t]+(?:van|de)[ \t]+([0-9]{{1,3}})[ \t]*{_UNIT}(?![^\W\d_]){_NOT_AFTER}"
    rf"|([0-9]{{1,3}})[ \t]*{_UNIT}(?![^\W\d_]){_NOT_AFTER}"
    rf"(?=[ \t]*(?:[,;.!?)\n]|$)|[ \t]+(?:de|d['’]|from|van|uit)[ \t]*[^\W\d_]))",
    re.IGNORECASE,
)
#: What may follow a name before its age: a bracket, a comma, "van"/"de", "ici"/"here"/"hier", or
#: the age's number.
_AFTER_NAME_START = ("(", ",", "v", "d", "V", "D", "i", "h", "I", "H", *"0123456789")


def ages_beside_names(text: str, persons: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ages (1 to ``MAX_AGE``) written in brackets or between commas right after the
    names at ``persons`` (start, end); the number must not be glued to a longer one or a word."""
    found = []
    for _, end in persons:
        if text[end : end + 3].lstrip(" \t")[:1] not in _AFTER_NAME_START:
            continue  # most names: a quick look instead of a regex match
        match = _AFTER_NAME.match(text, end)
        if match is None:
            continue
        group = next(index for index in (1, 2, 3, 4) if match.group(index) is not None)
        value = match.group(group)
        if not 1 <= int(value) <= MAX_AGE or (value.startswith("0") and len(value) > 1):
            continue
        found.append((match.start(group), match.end(group)))
    return found
