"""VinRecognizer: vehicle identification numbers typed into a chat (fictitious values).

The VINs below are made up. ``CHECKED`` has the North American check digit in its ninth position;
``UNCHECKED`` has a filler there, as European makers often print.
"""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ALL_ENTITIES, EVAL_LABEL, VIN
from recognizers.generic.vin import VinRecognizer, vin_check_digit, vin_check_digit_valid

RECOGNIZERS = {lang: VinRecognizer(lang) for lang in ("fr", "nl", "en")}
CHECKED = "2T3AB45C0PW123456"
UNCHECKED = "XLRTE47MS0E123456"
CHECKED_LETTERS_LAST = "2T3AB45C5PW12ABCD"


def vins(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [VIN])]


def test_the_made_up_vins_have_the_check_digits_the_tests_say() -> None:
    assert vin_check_digit_valid(CHECKED) and vin_check_digit_valid(CHECKED_LETTERS_LAST)
    assert not vin_check_digit_valid(UNCHECKED)
    assert vin_check_digit(CHECKED) == "0"
    assert vin_check_digit("2T3AB45C0PW12345") is None  # 16 characters
    assert vin_check_digit("2T3AB45C0PW12345O") is None  # "O" is never in a VIN


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", f"My VIN is {CHECKED}", [(CHECKED, 0.95)]),
        ("en", f"vin: {UNCHECKED}", [(UNCHECKED, 0.85)]),  # European: a filler where the check digit goes
        ("en", f"chassis number {UNCHECKED.lower()} on the V5C", [(UNCHECKED.lower(), 0.85)]),
        ("fr", f"numéro de châssis : {UNCHECKED}", [(UNCHECKED, 0.85)]),
        ("fr", f"le n° VIN est le {CHECKED}.", [(CHECKED, 0.95)]),
        ("nl", f"het chassisnummer is {UNCHECKED}", [(UNCHECKED, 0.85)]),
        ("nl", f"VIN-nummer: {CHECKED}", [(CHECKED, 0.95)]),
        ("en", f"the code {CHECKED} is on the sticker", [(CHECKED, 0.6)]),  # bare, check digit valid
        ("en", f"the code {UNCHECKED} is on the sticker", [(UNCHECKED, 0.3)]),  # bare: context must raise it
        ("en", f"ref {CHECKED_LETTERS_LAST} please", [(CHECKED_LETTERS_LAST, 0.3)]),  # no serial digits at the end
    ],
)
def test_a_vin(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert vins(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "order 12345678901234567 shipped"),  # digits alone
        ("en", "code ABCDEFGHJKLMNPRST"),  # letters alone
        ("en", f"VIN {CHECKED[:-1]}"),  # 16 characters
        ("en", f"VIN {CHECKED}8"),  # 18 characters
        ("en", "VIN 2T3AB45C0PW1O3456"),  # "O" is never in a VIN
        ("fr", "le vin est bon, merci"),  # "vin" is wine
        ("en", f"token x{CHECKED}"),  # glued to a longer code
    ],
)
def test_no_vin(language: str, text: str) -> None:
    assert vins(language, text) == []


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert VIN in ALL_ENTITIES and VIN not in EVAL_LABEL


def test_the_training_surrogate_is_a_valid_vin() -> None:
    fake = surrogate(VIN, "fr", b"\x07" * 32)
    assert fake is not None and len(fake) == 17 and vin_check_digit_valid(fake)
    assert fake == surrogate(VIN, "fr", b"\x07" * 32)


def test_the_detector_reports_a_named_vin_and_a_bare_one_beside_a_car_word(real_detector: Detector) -> None:
    named = f"Mijn auto heeft chassisnummer {UNCHECKED}, kunt u dat nakijken?"
    bare = f"The car's number is {UNCHECKED} on the windscreen"
    without_context = f"Reference {UNCHECKED} for your ticket"
    found = real_detector.detect([named, bare, without_context], ["nl", "en", "en"])
    spans = [
        {(e.entity_type, text[e.start : e.end]) for e in entities}
        for text, entities in zip([named, bare, without_context], found, strict=True)
    ]
    assert (VIN, UNCHECKED) in spans[0]
    assert (VIN, UNCHECKED) in spans[1]
    assert all(entity_type != VIN for entity_type, _ in spans[2])


def test_the_explanation_carries_the_score_given() -> None:
    (result,) = RECOGNIZERS["en"].analyze(f"My VIN is {CHECKED}", [VIN])
    assert result.analysis_explanation is not None
    assert result.analysis_explanation.score == result.score == 0.95
