"""LicensePlateRecognizer: vehicle registration plates (fictitious plates; formats as printed)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ALL_ENTITIES, EVAL_LABEL, LICENSE_PLATE
from recognizers.generic.license_plate import LicensePlateRecognizer

RECOGNIZERS = {lang: LicensePlateRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [LICENSE_PLATE])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mijn kenteken is 12-ABC-3", "12-ABC-3"),
        ("nl", "kentekenplaat: gy-669-y", "gy-669-y"),
        ("fr", "ma plaque d'immatriculation est AB-123-CD", "AB-123-CD"),
        ("fr", "plaque 123 ABC 75 svp", "123 ABC 75"),  # the old French format, after its name only
        ("en", "my license plate is AB12 CDE and the colour is red", "AB12 CDE"),
        ("en", "my reg number is ab12cde thanks", "ab12cde"),
        ("en", "car reg: PU17 MZG", "PU17 MZG"),
    ],
)
def test_a_plate_after_its_name(language: str, text: str, expected: str) -> None:
    assert (expected, LicensePlateRecognizer.NAMED_SCORE) in found(language, text)


@pytest.mark.parametrize(
    ("language", "text", "expected", "score"),
    [
        ("fr", "le véhicule AB-123-CD est chez vous", "AB-123-CD", 0.6),
        ("nl", "de wagen 1-ABC-234 staat hier", "1-ABC-234", 0.6),  # Belgian
        ("en", "AB12 CDE was towed", "AB12 CDE", 0.6),
        ("nl", "99-XX-99", "99-XX-99", 0.4),  # a Dutch sidecode alone needs a context word
    ],
)
def test_plates_by_their_format(language: str, text: str, expected: str, score: float) -> None:
    assert (expected, score) in found(language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "plate number 12345678"),  # no letter
        ("en", "my registration number is 12345678"),
        ("fr", "produit AB-123-CD-45"),  # longer than a plate
        ("fr", "IO-123-UA"),  # I, O and U are not used on SIV plates
        ("en", "ab12 cde"),  # a UK plate alone: in capitals
        ("en", "my licence plate is lost, sorry"),
    ],
)
def test_no_plate(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert LICENSE_PLATE in ALL_ENTITIES and LICENSE_PLATE not in EVAL_LABEL


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_training_surrogates_are_plates(language: str) -> None:
    fake = surrogate(LICENSE_PLATE, language, b"\x01" * 32)
    assert fake is not None and 5 <= sum(ch.isalnum() for ch in fake) <= 8
    assert fake == surrogate(LICENSE_PLATE, language, b"\x01" * 32)


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "Goedemiddag, mijn kenteken is 12-ABC-3 en ik sta fout geparkeerd"
    (entities,) = real_detector.detect([text], ["nl"])
    assert ("LICENSE_PLATE", "12-ABC-3") in [(e.entity_type, text[e.start : e.end]) for e in entities]


@pytest.mark.parametrize(
    "plate",
    ["AB-123-CD", "1-ABC-234", "AB12 CDE", "12-ABC-3", "XX-XX-99", "99-XX-99", "GY-669-Y", "7-KUM-77", "ABC-12-D"],
)
def test_the_screen_regex_matches_every_plate_shape(plate: str) -> None:
    # the detector calls the recognizer only on texts one of its screen regexes matches
    import re2

    recognizer = RECOGNIZERS["nl"]
    assert found("nl", f"x {plate} x"), plate  # a shape the patterns find...
    assert any(re2.search(regex, plate) for regex in recognizer.screen_regexes())  # ...passes the screen
