"""GeoCoordinatesRecognizer: GPS positions typed or pasted into a chat (fictitious positions)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ALL_ENTITIES, EVAL_LABEL, GEO_COORDINATES
from recognizers.generic.geo_coordinates import GeoCoordinatesRecognizer

RECOGNIZERS = {lang: GeoCoordinatesRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [GEO_COORDINATES])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I'm at 51.50735, -0.12776 right now", [("51.50735, -0.12776", 0.6)]),
        ("en", "parked at 51.5073509,-0.1277583", [("51.5073509,-0.1277583", 0.6)]),
        ("en", "I'm at 51.5074, -0.1278 if that helps", [("51.5074, -0.1278", 0.6)]),  # signed: no price
        ("en", "gps 51.5074, 0.1278", [("51.5074, 0.1278", 0.4)]),  # four decimals, no sign: context needed
        ("en", "12.9900 / 14.5000", [("12.9900 / 14.5000", 0.4)]),
        ("fr", "48.8566° N, 2.3522° E", [("48.8566° N, 2.3522° E", 0.85)]),
        ("nl", "N 52.3702 O 4.8952", [("N 52.3702 O 4.8952", 0.85)]),  # "O": oost
        ("fr", "48°51'24\"N 2°21'08\"E", [("48°51'24\"N 2°21'08\"E", 0.85)]),
        ("nl", "N 52° 22.213 O 004° 53.840", [("N 52° 22.213 O 004° 53.840", 0.85)]),
    ],
)
def test_coordinates(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "latitude 95.12345, 10.12345"),  # no latitude beyond 90
        ("en", "12.34567, 190.12345"),  # no longitude beyond 180
        ("fr", "48°71'24\"N 2°21'08\"E"),  # 71 minutes
        ("en", "version 1.2.3"),
        ("en", "meet at 14.30"),
        ("nl", "prijs 12,99 / 14,50 euro"),  # decimal commas are not read
    ],
)
def test_no_coordinates(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_type_counts_as_a_location_in_evaluation() -> None:
    assert GEO_COORDINATES in ALL_ENTITIES and EVAL_LABEL[GEO_COORDINATES] == "LOCATION"


def test_training_surrogates_are_other_coordinates() -> None:
    fake = surrogate(GEO_COORDINATES, "nl", b"\x09" * 32)
    assert fake is not None
    latitude, longitude = (float(part) for part in fake.split(", "))
    assert abs(latitude) <= 90 and abs(longitude) <= 180


def test_the_detector_raises_coordinates_after_a_context_word(real_detector: Detector) -> None:
    text = "mijn locatie: 52.3702, 4.8952"
    (entities,) = real_detector.detect([text], ["nl"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("GEO_COORDINATES", "52.3702, 4.8952")]


@pytest.mark.parametrize(
    ("language", "text", "position"),
    [
        ("fr", "je suis à 48.8566 2.3522", "48.8566 2.3522"),  # where one says one is
        ("en", "I'm here: 51.5074, 0.1278", "51.5074, 0.1278"),
        ("nl", "ik sta hier 52.3702, 4.8952", "52.3702, 4.8952"),
    ],
)
def test_the_detector_raises_coordinates_where_one_says_one_is(
    real_detector: Detector, language: str, text: str, position: str
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("GEO_COORDINATES", position)]
