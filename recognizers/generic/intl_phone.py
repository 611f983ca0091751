"""International phone numbers written with a country code: "+33 6 12 34 56 78", "0031 6 12345678"."""

from __future__ import annotations

from typing import ClassVar

import phonenumbers
import re2
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, is_glued, make_result, whole_phone_after
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.phone_validation import VALID_PHONE_SCORE

# Cheap RE2 pre-filter: most messages hold no "+<digit>" nor "00<digit>", and libphonenumber's
# matcher (pure Python) is only run on the others.
_TRIGGER = re2.compile(r"\+[ \t]?\(?[1-9]|(?:^|[^0-9])00[1-9]")
# The "00" international call prefix, read as "+" because the matcher only reads international
# numbers that start with "+"; and the "(0)" trunk digit some people keep after the country code
# ("+44 (0)20 7946 0018"), dropped because it makes the matcher stop early. A "00" after a digit
# group ("7946 0018") is part of the number, not a prefix.
_REWRITES = re2.compile(r"(?:^[ \t]*|[^0-9 \t][ \t]*)(?P<idd>00)[1-9]|[ \t]?(?P<trunk>\([ \t]?0[ \t]?\))")

NUMBER_BREAK = ";"  # one character, as the space it replaces: offsets stay; no phone holds one


def _rewrite(text: str) -> tuple[str, list[int]]:
    """The text the matcher reads, and for each of its characters the index it comes from."""
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _REWRITES.finditer(text):
        idd_start = match.start(1)
        start, end, replacement = (
            (idd_start, idd_start + 2, "+") if idd_start >= 0 else (match.start(2), match.end(2), "")
        )
        pieces.append(text[position:start])
        origin.extend(range(position, start))
        pieces.append(replacement)
        origin.extend([start] * len(replacement))
        position = end
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    scan = "".join(pieces)
    # a space between digits before a whole national phone that opens with its trunk zero
    # (``whole_phone_after``: "+33 3 92 84 92 24 07382 840231", a French number, then a British
    # mobile) becomes a stop the matcher does not read across: it took the chain for one number
    # too long to be any. Only the spaces before a "0" are asked about.
    breaks = [
        index
        for index in _spaces_before_zero(scan)
        if index > 0 and scan[index - 1].isdigit() and whole_phone_after(scan, index)
    ]
    for index in breaks:
        scan = scan[:index] + NUMBER_BREAK + scan[index + 1 :]
    return scan, origin


def _spaces_before_zero(text: str) -> list[int]:
    """The offsets of the spaces right before a "0" in ``text``."""
    found = []
    index = text.find(" 0")
    while index >= 0:
        found.append(index)
        index = text.find(" 0", index + 1)
    return found


POSSIBLE_INTL_SCORE = 0.5


class IntlPhoneRecognizer(TextRecognizer):
    """Phone numbers with an explicit country code (``PHONE_NUMBER``), every language.

    Format: "+<country code>" or "00<country code>" then the national number in any grouping,
    with the optional "(0)" trunk digit and extension: "+33 6 12 34 56 78", "+32 470 12 34 56",
    "+31 6 12345678", "0031 20 123 4567", "+44 (0)20 7946 0018", "+1-555-555-0100 x12".
    National numbers without a country code are left to the country recognizers.
    Official source: ITU-T E.164, https://www.itu.int/rec/T-REC-E.164 ; candidates found and
    checked by python-phonenumbers (Google libphonenumber), leniency POSSIBLE.

    Scores: 0.85 for a number libphonenumber knows as valid, 0.5 for a possible one.
    """

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["téléphon", "tél", "portable", "mobile", "numéro", "appel", "joindre", "whatsapp"],
        "nl": ["telefoon", "mobiel", "gsm", "nummer", "bellen", "whatsapp"],
        "en": ["phone", "mobile", "cell", "number", "fax", "whatsapp"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=[PHONE_NUMBER],
            supported_language=supported_language,
            name=type(self).__name__,
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
        )

    def screen_regexes(self) -> list[str]:
        """The pre-filter: no "+<digit>" nor "00<digit>", no result (``processors.pattern_screen``
        then skips the call on most messages)."""
        return [_TRIGGER.pattern]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Find "+<cc>" / "00<cc>" numbers with libphonenumber's matcher."""
        if _TRIGGER.search(text) is None:
            return []
        scan, origin = _rewrite(text)
        results: list[RecognizerResult] = []
        for found in phonenumbers.PhoneNumberMatcher(scan, "ZZ", leniency=phonenumbers.Leniency.POSSIBLE):
            start, end = origin[found.start], origin[found.end - 1] + 1
            if is_glued(text, start, end):
                continue
            valid = phonenumbers.is_valid_number(found.number)
            score = VALID_PHONE_SCORE if valid else POSSIBLE_INTL_SCORE
            region = phonenumbers.region_code_for_number(found.number) or "unknown region"
            why = f"{'valid' if valid else 'possible'} phone number ({region})"
            results.append(make_result(self, PHONE_NUMBER, start, end, score, why))
        return list(EntityRecognizer.remove_duplicates(results))
