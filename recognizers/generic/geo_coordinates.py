"""GPS coordinates: "51.50740, -0.12780", "48.8566° N, 2.3522° E", "48°51'24\"N 2°21'08\"E"."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import Re2Pattern
from recognizers.entities import GEO_COORDINATES
from recognizers.generic.gated import GatedRecognizer

_DEGREE = r"(?:°|º|˚| ?deg)"
_MINUTE = r"(?:'|′|’)"
_SECOND = r"(?:\"|″|''|”|′′)"
_SEP = r"[ \t]*[,;/]?[ \t]*"
# Decimal degrees, latitude then longitude, with a dot (a comma separates the two numbers):
# "51.50740, -0.12780", "51.5074 -0.1278".
_DECIMAL_PAIR = r"-?[0-9]{1,2}\.[0-9]{3,8}" + _SEP + r"-?[0-9]{1,3}\.[0-9]{3,8}"
# The same with a degree sign or hemisphere letters: "48.8566° N, 2.3522° E", "N 48.8566 E 2.3522".
_LAT_DECIMAL = rf"[0-9]{{1,2}}\.[0-9]{{2,8}}{_DEGREE}?"
_LON_DECIMAL = rf"[0-9]{{1,3}}\.[0-9]{{2,8}}{_DEGREE}?"
_HEMISPHERE_DECIMAL = (
    rf"(?:[NS][ \t]?{_LAT_DECIMAL}{_SEP}[EWO][ \t]?{_LON_DECIMAL}"
    rf"|{_LAT_DECIMAL}[ \t]?[NS]{_SEP}{_LON_DECIMAL}[ \t]?[EWO]"
    rf"|-?[0-9]{{1,2}}\.[0-9]{{2,8}}{_DEGREE}{_SEP}-?[0-9]{{1,3}}\.[0-9]{{2,8}}{_DEGREE})"
)
# Degrees, minutes (decimal or with seconds) and a hemisphere: "48°51'24\"N 2°21'08\"E",
# "N 52° 22.213 E 004° 53.840".
_MINUTES_SECONDS = (
    rf"[ \t]?[0-9]{{1,2}}(?:\.[0-9]{{1,6}})?{_MINUTE}?(?:[ \t]?[0-9]{{1,2}}(?:\.[0-9]{{1,4}})?{_SECOND})?"
)
_ANGLE_LAT = rf"[0-9]{{1,2}}{_DEGREE}{_MINUTES_SECONDS}"
_ANGLE_LON = rf"[0-9]{{1,3}}{_DEGREE}{_MINUTES_SECONDS}"
_ANGLES = (
    rf"(?:{_ANGLE_LAT}[ \t]?[NS]{_SEP}{_ANGLE_LON}[ \t]?[EWO]"
    rf"|[NS][ \t]?{_ANGLE_LAT}{_SEP}[EWO][ \t]?{_ANGLE_LON})"
)


# The writer saying they are where the position is, right before it, every language: "je suis à",
# "on est ici :", "I'm at", "we are here:", "ik ben nu op", "ik sta hier", "we zitten bij".
_WHERE_ONE_IS = re.compile(
    r"(?i)(?:\bje suis|\bj['’]y suis|\bon est|\bnous sommes|\bje me trouve|\bi['’]?m|\bi am|\bwe['’]re|\bwe are"
    r"|\bik ben|\bik sta|\bik zit|\bwe zijn|\bwe staan|\bwe zitten)"
    r"(?:[ \t]+(?:à|a|au|ici|là|at|here|now|right now|nu|hier|op|bij|in))*[ \t]*:?[ \t]*\Z"
)


class GeoCoordinatesRecognizer(GatedRecognizer):
    """GPS coordinates (``GEO_COORDINATES``), every language.

    Format: a latitude and a longitude, in that order, as phones and maps share them:
    - decimal degrees with a dot, 3 to 8 decimals each, separated by a comma, a semicolon, a slash
      or spaces ("51.50740, -0.12780");
    - decimal degrees with a degree sign or hemisphere letters ("48.8566° N, 2.3522° E",
      "N 48.8566 E 2.3522"; "O" is French and Dutch for east);
    - degrees and minutes, with or without seconds, and the hemisphere ("48°51'24\"N 2°21'08\"E",
      "N 52° 22.213 E 004° 53.840").
    The latitude must lie within ±90 and the longitude within ±180 degrees, minutes and seconds
    below 60. French and Dutch decimal commas ("48,8566") are not read: a comma would be ambiguous
    with the one between the two numbers.

    A position shared in a chat is location data (GDPR art. 4(1)) and, at four decimals (about
    11 m), points at a house. Source: ISO 6709 (representation of geographic point location).

    Scores: 0.85 with degree signs or hemisphere letters; 0.6 for a bare decimal pair with five
    decimals or more each, as maps copy them, or with a minus sign ("51.5074, -0.1278": west or
    south; a price is never negative); 0.4 with fewer and no sign ("12.9900 / 14.5000" may be two
    prices): context words such as "GPS", "coordinates", "locatie" raise it, and it scores 0.6
    when the writer says right before it that they are there ("je suis à", "I'm here:", "ik sta
    hier").
    """

    min_digits = 4
    MARKED_SCORE = 0.85
    DECIMAL_SCORE = 0.6
    SHORT_DECIMAL_SCORE = 0.4
    MIN_PRECISE_DECIMALS = 5  # what maps copy ("51.50735, -0.12776"); fewer is as often two prices

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": [
            "gps",
            "coordonnées",
            "coordonnees",
            "position",
            "localisation",
            "latitude",
            "longitude",
            "lat",
            "lon",
            "situé",
            "située",
            "trouve",
        ],
        "nl": ["gps", "coördinaten", "coordinaten", "locatie", "positie", "latitude", "longitude", "lat", "lon"],
        "en": [
            "gps",
            "coordinates",
            "coords",
            "location",
            "position",
            "latitude",
            "longitude",
            "lat",
            "lon",
            "located",
        ],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=GEO_COORDINATES,
            patterns=[
                Re2Pattern("degrees, minutes and hemisphere", _ANGLES, self.MARKED_SCORE),
                Re2Pattern("decimal degrees with signs or hemispheres", _HEMISPHERE_DECIMAL, self.MARKED_SCORE),
                Re2Pattern("decimal degrees", _DECIMAL_PAIR, self.DECIMAL_SCORE),
            ],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Two coordinates; latitude within ±90, longitude within ±180; minutes and seconds below 60."""
        coordinates = _coordinates(pattern_text)
        if len(coordinates) != 2:
            return False
        (latitude, *lat_rest), (longitude, *lon_rest) = coordinates
        if latitude > 90 or longitude > 180 or any(part >= 60 for part in (*lat_rest, *lon_rest)):
            return False
        return None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A bare decimal pair with fewer than five decimals on either number and no minus sign
        scores ``SHORT_DECIMAL_SCORE`` (it needs a context word), unless the writer says right
        before it that they are there ("je suis à 48.8566 2.3522", "I'm here: 51.5074, 0.1278",
        ``_WHERE_ONE_IS``: the context words cannot say it, "suis", "here", "ben" being stop words)."""
        for result in results:
            if result.score == self.DECIMAL_SCORE:
                value = text[result.start : result.end]
                decimals = [len(part.split(".")[1]) for part in _decimal_parts(value)]
                short = min(decimals, default=0) < self.MIN_PRECISE_DECIMALS and "-" not in value
                if short and not _WHERE_ONE_IS.search(text[max(0, result.start - 40) : result.start]):
                    result.score = self.SHORT_DECIMAL_SCORE
        return results


def _decimal_parts(value: str) -> list[str]:
    parts = []
    current = ""
    for ch in value:
        if ch.isdigit() or ch == ".":
            current += ch
        elif current:
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    return [part for part in parts if "." in part]


_NUMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)[ \t]?(°|º|˚|deg)?")


def _coordinates(value: str) -> list[list[float]]:
    """``value``'s coordinates, each as [degrees, minutes, seconds] (unsigned; minutes and seconds
    when written): a number after a degree sign's number belongs to it as minutes, then seconds."""
    coordinates: list[list[float]] = []
    opened_by_degree = False
    for match in _NUMBER.finditer(value):
        number = float(match.group(1))
        if match.group(2) or not coordinates or not opened_by_degree or len(coordinates[-1]) >= 3:
            coordinates.append([number])
            opened_by_degree = bool(match.group(2))
        else:
            coordinates[-1].append(number)
    return coordinates
