"""``detection.entities`` naming types that some language has no recognizer for.

``entities: [FR_NIR]`` used to stop every command with Presidio's "No matching recognizers were
found" traceback as soon as an English or Dutch text came: no recognizer of those languages serves
FR_NIR. Such a language now has no recognizers, its texts get no entities and skip spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from processors.detection import DetectionSettings, Detector

NIR_TEXT = "Mon numéro de sécurité sociale est 1 85 05 78 006 084 91"  # fictitious, valid key
NIR = "1 85 05 78 006 084 91"


@pytest.fixture(scope="module")
def nir_only(real_detector: Detector) -> Iterator[Detector]:
    settings = DetectionSettings(**{**vars(real_detector.settings), "entities": ["FR_NIR"]})
    yield Detector(settings, nlp_engine=real_detector.nlp_engine)


def test_only_the_configured_type_is_found_and_other_languages_get_nothing(nir_only: Detector) -> None:
    texts = [NIR_TEXT, "Hello, my name is John Smith, call me on +44 20 7946 0958", "Ik ben Jan de Vries uit Utrecht"]
    found = nir_only.detect(texts, ["fr", "en", "nl"])
    assert [(e.entity_type, NIR_TEXT[e.start : e.end]) for e in found[0]] == [("FR_NIR", NIR)]
    assert found[1] == [] and found[2] == []
    assert nir_only.recognizers_by_language["en"] == [] and nir_only.recognizers_by_language["nl"] == []
    assert [type(r).__name__ for r in nir_only.recognizers_by_language["fr"]] == ["FrNirRecognizer"]


def test_a_language_without_recognizers_is_not_run_through_spacy(
    nir_only: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped: list[str] = []
    engine = nir_only.nlp_engine
    original = engine.artifacts_for

    def spying(texts: list[str], language: str) -> object:
        piped.append(language)
        return original(texts, language)

    monkeypatch.setattr(engine, "artifacts_for", spying)
    nir_only.detect(["Hello John", NIR_TEXT + " !", "Hallo Jan"], ["en", "fr", "nl"])
    assert piped == ["fr"]


def test_the_empty_language_is_said_once_in_the_log(real_detector: Detector, caplog: pytest.LogCaptureFixture) -> None:
    settings = DetectionSettings(**{**vars(real_detector.settings), "entities": ["FR_NIR"]})
    with caplog.at_level(logging.WARNING, logger="processors.detection"):
        detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    warned = [r for r in caplog.records if "no recognizer serves the configured entities" in r.getMessage()]
    assert sorted(getattr(r, "language", "") for r in warned) == ["en", "nl"]
    assert detector.detect(["Hello John"], ["en"]) == [[]]
