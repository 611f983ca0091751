"""Vehicle registration plates: French SIV, Dutch sidecodes, Belgian, UK; any plate after its name."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import LATIN_LETTERS, NAME_SEPARATOR, Re2Pattern, after_its_name
from recognizers.entities import LICENSE_PLATE
from recognizers.generic.gated import GatedRecognizer

# The plate's name, as people type it ("kenteken", "plaque d'immatriculation", "reg number").
_NAMES: dict[str, str] = {
    "fr": (
        r"(?:plaque(?: d['’ ]?immatriculation)?|immatriculation|immatricul[ée]e?|immat"
        r"|num[ée]ro d['’ ]?immatriculation)"
    ),
    "nl": r"(?:kenteken(?:nummer|plaat|bewijs)?|nummerplaat|nummerbord)",
    "en": (
        r"(?:(?:license|licence|number|registration|reg) plate|numberplate|plate number|plate no\.?"
        r"|car reg(?:istration)?|vehicle reg(?:istration)?|reg(?:istration)? (?:number|no\.?)|vrm)"
    ),
}
_FILLERS: dict[str, str] = {
    "fr": r"(?:num[ée]ro|n°|no|de|du|la|le|ma|mon|est|c['’]est|:)",
    "nl": r"(?:is|mijn|het|de|van|nummer|nr|luidt|was)",
    "en": r"(?:is|was|my|the|our|of|it['’]s|number|no)",
}
# A plate after its name: one to three runs of letters and digits joined by a dash or a space,
# five to eight characters with a letter and a digit (checked in ``validate_result``). A run of
# letters alone only next to a run with a digit ("AB12 CDE", "123 ABC 75", "AB-123-CD"), so that
# the word after the plate is never taken for its last group ("AB12 CDE and").
_DIGIT_RUN = r"[A-Za-z0-9]{0,7}[0-9][A-Za-z0-9]{0,7}"
_LETTER_RUN = r"[A-Za-z]{1,3}"
_ANY_PLATE = (
    rf"(?:{_DIGIT_RUN}(?:[ \-](?:{_DIGIT_RUN}|{_LETTER_RUN}(?:[ \-]{_DIGIT_RUN})?))?"
    rf"|{_LETTER_RUN}[ \-]{_DIGIT_RUN}(?:[ \-](?:{_DIGIT_RUN}|{_LETTER_RUN}))?)"
)
# Formats distinctive enough alone (capitals only):
# France, SIV since 2009: AA-123-AA (no I, O, U; dashes as printed).
_SIV_LETTER = "A-HJ-NP-TV-Z"
_FR_SIV = rf"[{_SIV_LETTER}]{{2}}-[0-9]{{3}}-[{_SIV_LETTER}]{{2}}"
# Belgium since 2010: 1-ABC-234 (first digit 1-9).
_BE = r"[1-9]-[A-Z]{3}-[0-9]{3}"
# United Kingdom since 2001: two letters, the age identifier (two digits), a space, three letters.
_UK = r"[A-Z]{2}[0-9]{2} [A-Z]{3}"
# The Netherlands, sidecodes 4 to 14: three groups of letters and digits, dashes as printed.
_NL = (
    r"(?:[A-Z]{2}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{2}-[0-9]{2}|[A-Z]{2}-[0-9]{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-[0-9]{2}|[0-9]{2}-[A-Z]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{3}-[0-9]|[0-9]-[A-Z]{3}-[0-9]{2}"
    r"|[A-Z]{2}-[0-9]{3}-[A-Z]|[A-Z]-[0-9]{3}-[A-Z]{2}|[A-Z]{3}-[0-9]{2}-[A-Z]|[A-Z]-[0-9]{2}-[A-Z]{3}"
    r"|[0-9]-[A-Z]{2}-[0-9]{3}|[0-9]{3}-[A-Z]{2}-[0-9])"
)
_LETTER = LATIN_LETTERS
_BEFORE, _AFTER = rf"(?:^|[^{_LETTER}0-9\-])", rf"(?:$|[^{_LETTER}0-9\-])"


class LicensePlateRecognizer(GatedRecognizer):
    """Vehicle registration plates (``LICENSE_PLATE``), every language.

    Format: French SIV "AB-123-CD" (letters without I, O, U), Belgian "1-ABC-234", UK "AB12 CDE",
    Dutch sidecodes 4 to 14 ("12-ABC-3", "XX-99-XX"...), in capitals with the printed dashes or
    space; or any plate of five to eight letters and digits, with a letter and a digit, after the
    plate's name and at most three short words ("mijn kenteken is 12-ABC-3", "plaque
    d'immatriculation : 123 ABC 75", "my reg number is AB12CDE").
    Official sources: Arrêté du 9 février 2009 (SIV, France); RDW, "Kentekenplaten" (sidecodes);
    DIV, "Plaques d'immatriculation" (Belgium); DVLA, INF104 "Vehicle registration numbers".

    A plate is personal data: the registration authority and insurers link it to the keeper.

    Scores: 0.85 after the plate's name; 0.6 for the French, Belgian and UK formats alone; 0.4 for
    a Dutch sidecode alone, which other codes share ("12-AB-34"): context words ("auto", "voiture",
    "car", "kenteken") lift it.
    """

    min_digits = 1
    NAMED_SCORE = 0.85
    MIN_CHARACTERS, MAX_CHARACTERS = 5, 8

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["plaque", "immatriculation", "voiture", "véhicule", "auto", "moto", "stationnement"],
        "nl": ["kenteken", "nummerplaat", "nummerbord", "auto", "wagen", "voertuig", "parkeer", "scooter"],
        "en": ["plate", "registration", "car", "vehicle", "parking", "van", "motorbike"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _NAMES else "en"
        super().__init__(
            supported_entity=LICENSE_PLATE,
            patterns=[
                Re2Pattern(
                    "plate after its name",
                    after_its_name(_NAMES[language], _FILLERS[language], _ANY_PLATE, NAME_SEPARATOR, 3) + _AFTER,
                    self.NAMED_SCORE,
                ),
                Re2Pattern("French SIV plate", rf"{_BEFORE}(?P<pii>{_FR_SIV}){_AFTER}", 0.6),
                Re2Pattern("Belgian plate", rf"{_BEFORE}(?P<pii>{_BE}){_AFTER}", 0.6),
                Re2Pattern("UK plate", rf"{_BEFORE}(?P<pii>{_UK}){_AFTER}", 0.6),
                Re2Pattern("Dutch sidecode", rf"{_BEFORE}(?P<pii>{_NL}){_AFTER}", 0.4),
            ],
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )

    def screen_regexes(self) -> list[str]:
        """For the detector's one-pass screen (``processors.pattern_screen``): the named-plate
        pattern, and for the four shapes one small regex every plate shape matches somewhere (a
        capital glued or dashed to a digit, or a digit dashed to a capital), instead of four that
        have no literal for the screen to filter on and would each run on every message."""
        return [self.patterns[0].regex, r"[A-Z]-?[0-9]|[0-9]-[A-Z]"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Five to eight letters and digits, at least one of each."""
        characters = [ch for ch in pattern_text if ch.isalnum()]
        if not self.MIN_CHARACTERS <= len(characters) <= self.MAX_CHARACTERS:
            return False
        if not any(ch.isdigit() for ch in characters) or not any(ch.isalpha() for ch in characters):
            return False
        return None
