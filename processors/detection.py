"""Detection: texts in, entities out, in batches per language. The only detection code path.

``Detector.detect`` groups texts by language, runs spaCy over each group with ``nlp.pipe`` inside a
memory zone (so the string store does not grow without bound), hands each text's NLP artifacts to
Presidio's analyzer with only that language's recognizers, then applies piiflow's own rules:
per-entity thresholds, the allow-list (curated chat words that are never names), and overlap
resolution so each character belongs to at most one reported entity.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.context_aware_enhancers import lemma_context_aware_enhancer as _enhancer_module
from presidio_analyzer.nlp_engine import NlpArtifacts

from processors.config import PiiflowConfig, resolve_relative
from processors.nlp import PiiflowNlpEngine
from recognizers import RecognizerSettings, build_recognizers
from recognizers.entities import (
    ALL_ENTITIES,
    DATE_TIME,
    LOCATION,
    ORGANIZATION,
    PERSON,
    STRUCTURED_IDS,
)

LOG = logging.getLogger(__name__)
ALLOW_LIST_FILE = "allow_list.yaml"


class _ShallowCopy:
    """Stands in for the ``copy`` module inside Presidio's enhancer during our calls."""

    @staticmethod
    def deepcopy(results: list[RecognizerResult]) -> list[RecognizerResult]:
        return list(results)


class InPlaceContextEnhancer(LemmaContextAwareEnhancer):  # type: ignore[misc]
    """Presidio's lemma context enhancer without its defensive deep copy of every result.

    The deep copy (results, explanations, metadata) cost ~0.2 ms per chat message here, more than
    most recognizers. Our raw results are created per call and never reused, so updating them in
    place is safe. The swap is scoped to the call; the pipeline runs detection on one thread.
    """

    def enhance_using_context(self, *args: Any, **kwargs: Any) -> list[RecognizerResult]:
        saved = _enhancer_module.copy
        _enhancer_module.copy = _ShallowCopy
        try:
            return list(super().enhance_using_context(*args, **kwargs))
        finally:
            _enhancer_module.copy = saved


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected span. ``why`` is a short, value-free explanation (pattern, checksum, context)."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    why: str = ""

    def as_dict(self) -> dict[str, object]:
        """The ``piiflow detect`` wire form."""
        return {
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": round(self.score, 4),
            "recognizer": self.recognizer,
        }


def _explain(result: RecognizerResult) -> str:
    exp = result.analysis_explanation
    if exp is None:
        return ""
    parts = []
    if getattr(exp, "pattern_name", None):
        parts.append(f"pattern {exp.pattern_name}")
    if getattr(exp, "validation_result", None) is not None:
        parts.append("checksum ok" if exp.validation_result else "checksum failed")
    if getattr(exp, "supportive_context_word", None):
        parts.append(f"context '{exp.supportive_context_word}'")
    if getattr(exp, "textual_explanation", None):
        parts.append(str(exp.textual_explanation))
    return "; ".join(parts)


def _casefold_key(text: str) -> str:
    """Allow-list key: case-folded, accents kept, surrounding punctuation and spaces stripped."""
    stripped = text.strip().strip(".,;:!?¡¿'\"()[]{}«»“”‘’-–—")
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


# Types a statistical model or a capitalisation guess can produce. Where one overlaps a type found by
# a format, a checksum or a curated term (an address, a phone, an IBAN, a health term), the latter
# wins whatever the scores: "75011 paris" stays an ADDRESS rather than leaving "75011" visible beside
# a LOCATION "paris", and a UK mobile the English model calls a DATE stays a PHONE_NUMBER.
SOFT_TYPES = frozenset({PERSON, LOCATION, ORGANIZATION, DATE_TIME})


def resolve_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep, greedily, the best entity wherever spans overlap: pattern-backed types first, then
    higher score, then longer span."""
    ranked = sorted(entities, key=lambda e: (e.entity_type in SOFT_TYPES, -e.score, -(e.end - e.start), e.start))
    kept: list[Entity] = []
    for entity in ranked:
        if all(entity.end <= other.start or entity.start >= other.end for other in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, e.end))


@dataclass
class DetectionSettings:
    """The detection part of the config, resolved (paths made absolute, lists loaded)."""

    languages: list[str]
    models: dict[str, list[str]]
    score_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    entities: list[str] | None = None
    disabled_recognizers: frozenset[str] = frozenset()
    lexicon_dir: Path = RecognizerSettings().lexicon_dir
    allow_list: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: PiiflowConfig, config_path: Path) -> DetectionSettings:
        """Resolve the config's detection settings relative to the config file."""
        det = config.detection
        lexicon_dir = resolve_relative(config_path, det.lexicon_dir)
        allow: dict[str, set[str]] = defaultdict(set)
        allow_file = lexicon_dir / ALLOW_LIST_FILE
        if allow_file.exists():
            data = yaml.safe_load(allow_file.read_text(encoding="utf-8")) or {}
            for lang, words in data.items():
                allow[str(lang)].update(_casefold_key(str(w)) for w in words or [])
        for lang, words in det.allow_list.items():
            allow[lang].update(_casefold_key(w) for w in words)
        return cls(
            languages=list(config.languages.supported),
            models={lang: list(config.languages.models[lang]) for lang in config.languages.supported},
            score_threshold=det.score_threshold,
            thresholds=dict(det.thresholds),
            entities=list(det.entities) if det.entities is not None else None,
            disabled_recognizers=frozenset(det.disabled_recognizers),
            lexicon_dir=lexicon_dir,
            allow_list={lang: frozenset(words) for lang, words in allow.items()},
        )


class Detector:
    """Batched, per-language detection over Presidio recognizers and spaCy pipelines."""

    def __init__(self, settings: DetectionSettings, nlp_engine: PiiflowNlpEngine | None = None) -> None:
        self.settings = settings
        self.nlp_engine = nlp_engine or PiiflowNlpEngine.from_candidates(settings.models)
        recognizer_settings = RecognizerSettings(
            lexicon_dir=settings.lexicon_dir, disabled=settings.disabled_recognizers
        )
        registry = RecognizerRegistry(supported_languages=settings.languages)
        self.entities_by_language: dict[str, list[str]] = {}
        for language in settings.languages:
            recognizers = build_recognizers(language, recognizer_settings)
            for recognizer in recognizers:
                registry.add_recognizer(recognizer)
            supported = {e for r in recognizers for e in r.supported_entities} & ALL_ENTITIES
            wanted = set(settings.entities) if settings.entities is not None else supported
            self.entities_by_language[language] = sorted(supported & wanted)
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=settings.languages,
            context_aware_enhancer=InPlaceContextEnhancer(
                context_similarity_factor=0.35, min_score_with_context_similarity=0.4
            ),
        )
        self._min_threshold = min([settings.score_threshold, *settings.thresholds.values()])
        # Resolved once: Presidio's analyze() filters the registry on every call, which costs more
        # than most recognizers do on a short chat message.
        self.recognizers_by_language: dict[str, list[EntityRecognizer]] = {
            language: registry.get_recognizers(
                language=language, entities=self.entities_by_language[language], all_fields=False
            )
            for language in settings.languages
        }

    @classmethod
    def from_config(cls, config: PiiflowConfig, config_path: Path) -> Detector:
        """Build the detector the config describes (loads the spaCy models)."""
        return cls(DetectionSettings.from_config(config, config_path))

    def threshold(self, entity_type: str) -> float:
        """The score an entity of this type needs to be reported."""
        return self.settings.thresholds.get(entity_type, self.settings.score_threshold)

    def detect(
        self,
        texts: Sequence[str],
        languages: Sequence[str],
        contexts: Sequence[list[str]] | None = None,
    ) -> list[list[Entity]]:
        """Entities for each text, in input order; ``languages[i]`` must be a configured language.

        ``contexts[i]``, if given, are extra context words for text ``i`` (e.g. the conversation's
        previous message): they lift context-dependent matches like words inside the text do.
        """
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, language in enumerate(languages):
            by_language[language].append(index)
        out: list[list[Entity]] = [[] for _ in texts]
        for language, indices in by_language.items():
            batch = [texts[i] for i in indices]
            with self.nlp_engine.memory_zone(language):
                artifacts = self.nlp_engine.artifacts_for(batch, language)
                for index, text, nlp_artifacts in zip(indices, batch, artifacts, strict=True):
                    extra = contexts[index] if contexts is not None else None
                    results = self._analyze(text, language, nlp_artifacts, extra)
                    out[index] = self._postprocess(text, language, results)
        return out

    def _analyze(
        self, text: str, language: str, nlp_artifacts: NlpArtifacts, context: list[str] | None = None
    ) -> list[RecognizerResult]:
        """What ``AnalyzerEngine.analyze`` does, over the precomputed recognizer list."""
        recognizers = self.recognizers_by_language[language]
        entities = self.entities_by_language[language]
        raw: list[RecognizerResult] = []
        for recognizer in recognizers:
            found = recognizer.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts)
            if not found:
                continue
            for result in found:
                metadata = result.recognition_metadata
                if metadata is None:
                    result.recognition_metadata = metadata = {}
                metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
                metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
            raw.extend(found)
        if not raw:
            return raw
        enhanced = self.analyzer._enhance_using_context(text, raw, nlp_artifacts, recognizers, context or None)
        kept = [r for r in enhanced if r.score >= self._min_threshold]
        return list(EntityRecognizer.remove_duplicates(kept))

    def _postprocess(self, text: str, language: str, results: list[RecognizerResult]) -> list[Entity]:
        allow = self.settings.allow_list.get(language, frozenset())
        entities = []
        for result in results:
            if result.score < self.threshold(result.entity_type):
                continue
            if (
                result.entity_type not in STRUCTURED_IDS
                and allow
                and _casefold_key(text[result.start : result.end]) in allow
            ):
                continue
            metadata = result.recognition_metadata or {}
            entities.append(
                Entity(
                    entity_type=result.entity_type,
                    start=result.start,
                    end=result.end,
                    score=float(result.score),
                    recognizer=str(metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown")),
                    why=_explain(result),
                )
            )
        return resolve_overlaps(entities)
