"""One-shot commands load a language's model, recognizers and lingua only when a text needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from processors.config import PiiflowConfig
from processors.detect_cli import DetectService
from processors.detection import DetectionSettings, Detector
from processors.language import LanguageResolver
from processors.nlp import ModelLoadError

# fictitious people and numbers
DUTCH = [
    "Goedemiddag, mijn naam is Fenna Zwartveld en mijn telefoonnummer is 06 12345678.",
    "Kunt u mij terugbellen? Groetjes, Sanne",
]
ENGLISH = [
    "Hi, this is Oliver Brackwood, you can reach me at oliver.brackwood@example.com",
    "My husband Theo will pick up the parcel on Friday.",
]


def _settings(default_config: tuple[PiiflowConfig, Path]) -> DetectionSettings:
    config, path = default_config
    settings = DetectionSettings.from_config(config, path)
    settings.result_cache_size = 0  # compare analyses, not cached copies
    return settings


def _rows(found: list[list]) -> list[list[tuple[str, int, int, float, str]]]:
    return [[(e.entity_type, e.start, e.end, round(e.score, 6), e.recognizer) for e in entities] for entities in found]


def test_a_detector_on_demand_loads_only_the_languages_it_meets(
    default_config: tuple[PiiflowConfig, Path], real_detector: Detector
) -> None:
    detector = Detector(_settings(default_config), on_demand=True)
    assert detector.nlp_engine.nlp == {}
    assert detector.recognizers_by_language == {}
    assert detector._analyzer is None  # with an empty registry Presidio would load its own recognizers

    dutch = detector.detect(DUTCH, ["nl"] * len(DUTCH))
    assert sorted(detector.nlp_engine.nlp) == ["nl"]
    assert sorted(detector.recognizers_by_language) == ["nl"]
    english = detector.detect(ENGLISH, ["en"] * len(ENGLISH))
    assert sorted(detector.nlp_engine.nlp) == ["en", "nl"]

    # the same entities as the detector that loaded everything up front
    assert _rows(dutch) == _rows(real_detector.detect(DUTCH, ["nl"] * len(DUTCH)))
    assert _rows(english) == _rows(real_detector.detect(ENGLISH, ["en"] * len(ENGLISH)))
    assert any(e.entity_type == "PERSON" for entities in dutch for e in entities)
    assert any(e.entity_type == "EMAIL_ADDRESS" for entities in english for e in entities)
    # Presidio's registry hands the recognizers back as a set: compare which, not in what order
    assert {r.name for r in detector.recognizers_by_language["nl"]} == {
        r.name for r in real_detector.recognizers_by_language["nl"]
    }


def test_context_words_across_languages_prepare_every_language(
    default_config: tuple[PiiflowConfig, Path], real_detector: Detector
) -> None:
    detector = Detector(_settings(default_config), on_demand=True)
    words = ["telefoon", "email", "courriel", "bonjour", "fiets"]
    assert detector.context_words_that_matter(words) == real_detector.context_words_that_matter(words)
    assert sorted(detector.recognizers_by_language) == sorted(real_detector.recognizers_by_language)


def test_a_missing_model_stops_an_eager_detector_at_once_and_an_on_demand_one_at_its_language(
    default_config: tuple[PiiflowConfig, Path],
) -> None:
    settings = _settings(default_config)
    settings.models = {**settings.models, "fr": ["fr_core_news_does_not_exist"]}
    with pytest.raises(ModelLoadError, match="'fr'"):
        Detector(settings)
    on_demand = Detector(settings, on_demand=True)
    assert on_demand.detect(ENGLISH[:1], ["en"])[0]  # English works without the French model
    with pytest.raises(ModelLoadError, match="'fr'"):
        on_demand.detect(["Bonjour, je m'appelle Albane Courtemiche."], ["fr"])


def test_lingua_is_built_when_a_message_needs_it(default_config: tuple[PiiflowConfig, Path]) -> None:
    config, path = default_config
    hints = path.parent / "lexicons" / "language_hints.yaml"
    supported = list(config.languages.supported)
    lazy = LanguageResolver(supported, "en", 0.3, hints, preload=False)
    eager = LanguageResolver(supported, "en", 0.3, hints)
    assert lazy._lingua is None and eager._lingua is not None
    assert lazy.resolve(DUTCH[0], "nl").code == "nl"
    assert lazy._lingua is None  # a given language needs no detection
    # no hint word, no stop word: lingua decides
    text = "Livraison express Amsterdam Rotterdam entrepôt retard"
    assert lazy.resolve(text, None) == eager.resolve(text, None)
    assert lazy._lingua is not None


def test_piiflow_detect_loads_on_demand(default_config: tuple[PiiflowConfig, Path]) -> None:
    config, path = default_config
    service = DetectService(config, path, on_demand=True)
    assert service.detector.nlp_engine.nlp == {}
    [(language, entities)] = service.detect([DUTCH[0]], ["nl"])
    assert language == "nl" and entities
    assert sorted(service.detector.nlp_engine.nlp) == ["nl"]
    assert service.languages._lingua is None


def test_recognizers_run_in_the_order_they_were_built(
    default_config: tuple[PiiflowConfig, Path], real_detector: Detector
) -> None:
    """Presidio's registry hands recognizers back from a set; the detector keeps the build order,
    so that every process runs them alike."""
    from recognizers import RecognizerSettings, build_recognizers

    settings = _settings(default_config)
    for language, chosen in real_detector.recognizers_by_language.items():
        names = {r.name for r in chosen}
        built = build_recognizers(
            language, RecognizerSettings(lexicon_dir=settings.lexicon_dir, disabled=settings.disabled_recognizers)
        )
        assert [r.name for r in chosen] == [r.name for r in built if r.name in names]
        assert len(chosen) > 10


def test_piiflow_detect_jobs_stops_at_a_missing_model_after_the_lines_before_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import yaml

    from processors.cli import main

    repo = Path(__file__).resolve().parents[2]
    data = yaml.safe_load((repo / "config" / "piiflow.yaml").read_text(encoding="utf-8"))
    data["languages"]["models"]["nl"] = ["nl_core_news_does_not_exist"]
    data["detection"]["lexicon_dir"] = str(repo / "config" / "lexicons")
    config = tmp_path / "piiflow.yaml"
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    # 300 English lines (a batch here, the rest in a forked process), then Dutch ones
    rows = [{"id": i, "text": ENGLISH[i % 2], "lang": "en"} for i in range(300)]
    rows += [{"id": 300 + i, "text": DUTCH[i % 2], "lang": "nl"} for i in range(300)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    assert main(["detect", str(source), "--jobs", "2", "--config", str(config)]) == 2
    captured = capsys.readouterr()
    written = [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert written == list(range(256))  # the parent's batch; the forked one mixing in Dutch failed
    err = captured.err.strip().splitlines()
    assert err[-1].startswith("piiflow: missing model: no spaCy model could be loaded for language 'nl'")
