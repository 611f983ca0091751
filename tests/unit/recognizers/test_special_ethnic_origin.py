"""EthnicOriginRecognizer: an ethnic origin said with a nationality (fictitious sentences)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers import build_recognizers
from recognizers.entities import SPECIAL_ETHNICITY
from recognizers.special.ethnic_origin import EthnicOriginRecognizer

RECOGNIZERS = {lang: EthnicOriginRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [SPECIAL_ETHNICITY])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I'm of Pakistani heritage", "Pakistani heritage"),
        ("en", "my wife is of West Indian descent", "West Indian descent"),
        ("en", "a family of Afro-Caribbean heritage", "Afro-Caribbean heritage"),
        ("en", "people with Irish roots", "Irish roots"),
        ("fr", "je suis d'origine sénégalaise", "d'origine sénégalaise"),
        ("fr", "mes parents sont d'origine nord-africaine et vivent à Lyon", "d'origine nord-africaine"),
        ("fr", "Il est d’origine vietnamienne", "d’origine vietnamienne"),
        ("nl", "ik ben van Surinaamse afkomst", "van Surinaamse afkomst"),
        ("nl", "hij is van turkse komaf", "van turkse komaf"),
        ("nl", "ik heb Marokkaanse roots", "Marokkaanse roots"),
    ],
)
def test_an_origin_with_a_nationality(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "cheese of Italian origin"),  # a product's origin
        ("en", "a developer of humble background"),  # no nationality
        ("fr", "ce fromage est d'origine italienne"),  # no person said to be so
        ("fr", "je suis d'origine modeste"),  # a social origin
        ("fr", "je suis originaire de Lyon"),  # where one comes from: a place
        ("nl", "de herkomst van Italiaanse kaas"),
        ("nl", "hij is van goede komaf"),  # no nationality
    ],
)
def test_no_ethnic_origin(language: str, text: str) -> None:
    assert found(language, text) == []


def test_a_message_without_the_keywords_is_not_searched() -> None:
    assert not RECOGNIZERS["en"].may_contain("I'm from Pakistan")
    assert RECOGNIZERS["nl"].may_contain("van Turkse AFKOMST")


def test_built_for_every_language() -> None:
    for language in ("fr", "nl", "en"):
        assert "EthnicOriginRecognizer" in {type(r).__name__ for r in build_recognizers(language)}


def test_the_detector_flags_the_message(real_detector: Detector) -> None:
    text = "I'm of Pakistani heritage, deliver to 14 Elm Grove, Leeds LS6 2AB"
    (entities,) = real_detector.detect([text], ["en"])
    assert (SPECIAL_ETHNICITY, "Pakistani heritage") in [(e.entity_type, text[e.start : e.end]) for e in entities]
