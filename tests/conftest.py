"""Shared fixtures: keys in the environment, a stub detector for policy tests, the real detector."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from processors.config import DEFAULT_CONFIG_PATH, PiiflowConfig, load_config, parse_config
from processors.deadletter import SourceRef
from processors.detection import DetectionSettings, Detector, Entity
from processors.keys import KeyRing
from processors.pipeline import Pipeline, RawRecord

REPO = Path(__file__).resolve().parent.parent
KEY_ENV = {
    "PIIFLOW_KEY_ANALYTICS_K1": "analytics-test-key-0123456789abcdefghijklmnop",
    "PIIFLOW_KEY_TRAINING_K1": "training-test-key-0123456789abcdefghijklmnopq",
    "PIIFLOW_KEY_AUDIT_K1": "audit-test-key-0123456789abcdefghijklmnopqrstu",
    "PIIFLOW_KEY_DEADLETTER_D1": "deadletter-test-key-0123456789abcdefghijklmn",
}


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Real (test) keys in the environment, as a deployment would have them."""
    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
    return KEY_ENV


@pytest.fixture(scope="session")
def default_config() -> tuple[PiiflowConfig, Path]:
    """The shipped default configuration."""
    return load_config(DEFAULT_CONFIG_PATH)


def customer_message(i: int, conversation: str, text: str, lang: str | None = None, prefix: str = "msg") -> RawRecord:
    """One wire-contract message from a customer who consents to every sink, as the worker reads it."""
    body: dict[str, object] = {
        "schema_version": 1,
        "message_id": f"{prefix}-{i}",
        "conversation_id": conversation,
        "timestamp": "2026-11-20T10:00:00Z",
        "sender": {"role": "customer", "id": "customer-1"},
        "text": text,
        "consent": {"analytics": True, "training": True},
    }
    if lang is not None:
        body["lang"] = lang
    return RawRecord(orjson.dumps(body), SourceRef("t", 0, i))


def config_with(**changes: object) -> PiiflowConfig:
    """The default config as a dict, with top-level sections replaced, validated again."""
    import yaml

    data = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    data.update(changes)
    return parse_config(data)


class StubDetector:
    """A detector whose entities are given by regexes (entity type → pattern): policy tests only."""

    def __init__(self, patterns: dict[str, str], settings: DetectionSettings) -> None:
        self.patterns = {k: re.compile(v) for k, v in patterns.items()}
        self.settings = settings
        self.calls = 0

    def detect(
        self, texts: list[str], languages: list[str], contexts: list[list[str]] | None = None
    ) -> list[list[Entity]]:
        self.calls += 1
        out = []
        for text in texts:
            found = [
                Entity(t, m.start(), m.end(), 0.9, "Stub") for t, rx in self.patterns.items() for m in rx.finditer(text)
            ]
            out.append(sorted(found, key=lambda e: e.start))
        return out

    def context_words_that_matter(self, words: list[str]) -> tuple[str, ...]:
        return tuple(words)  # regexes read no context: keeping every word changes nothing


STUB_PATTERNS = {
    "EMAIL_ADDRESS": r"[\w.+-]+@[\w-]+\.[\w.]+",
    "PHONE_NUMBER": r"\b0\d(?:[ .-]?\d\d){4}\b",
    "PERSON": r"\b(?:Marie Dupont|Jan de Vries|John Smith|Marie|Jan|John)\b",
    "SPECIAL_HEALTH": r"\bdiabétique\b",
    "DATE_OF_BIRTH": r"\b\d{1,2} (?:mars|March) \d{4}\b",
}


@pytest.fixture
def stub_pipeline_factory(
    key_env: dict[str, str], default_config: tuple[PiiflowConfig, Path]
) -> Callable[..., Pipeline]:
    """Build pipelines over a stub detector (fast: no spaCy)."""
    _, path = default_config

    def make(config: PiiflowConfig | None = None, patterns: dict[str, str] | None = None, **kwargs: object) -> Pipeline:
        config = config or default_config[0]
        settings = DetectionSettings.from_config(config, path)
        detector = StubDetector(patterns or STUB_PATTERNS, settings)
        return Pipeline(config, path, detector=detector, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session")
def real_detector(default_config: tuple[PiiflowConfig, Path]) -> Iterator[Detector]:
    """The real detector (loads spaCy models once per test session).

    Its result cache is off: tests that compare two runs (with and without the pattern screen, say)
    must compare two analyses, not an analysis with its cached copy. ``test_result_cache.py``
    tests the cache on a detector of its own.
    """
    config, path = default_config
    settings = DetectionSettings.from_config(config, path)
    settings.result_cache_size = 0
    yield Detector(settings)


def ring(name: str, secret: str, key_id: str = "k1") -> KeyRing:
    """A key ring from a literal test secret."""
    return KeyRing(name, key_id, {key_id: secret.encode()})
