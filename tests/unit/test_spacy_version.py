"""spaCy releases whose NER decoder takes the GIL in every transition check are recognised and
reported, and the installed one is not among them (pyproject.toml keeps spaCy below 3.8.8)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
import spacy

from processors import nlp
from processors.nlp import slow_ner_spacy


@pytest.mark.parametrize(
    ("version", "slow"),
    [
        ("3.8.0", False),
        ("3.8.7", False),
        ("3.8.8", True),
        ("3.8.18", True),
        ("3.8.18.dev0", True),
        ("3.9.0", False),
        ("3.7.5", False),
    ],
)
def test_slow_releases_are_3_8_8_up_to_3_9(version: str, slow: bool) -> None:
    assert slow_ner_spacy(version) is slow


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="no spaCy 3.8.7 wheels for Python 3.14: the pin allows any 3.8")
def test_the_installed_spacy_is_not_a_slow_release() -> None:
    # what the pin in pyproject.toml is for; fails if an install pulls a later 3.8
    assert not slow_ner_spacy(spacy.__version__), spacy.__version__


@pytest.fixture
def fresh_warning() -> Iterator[None]:
    """The once-per-process warning, as if this process had not loaded a model yet."""
    nlp._warn_if_slow_spacy.cache_clear()
    yield
    nlp._warn_if_slow_spacy.cache_clear()


@pytest.mark.usefixtures("fresh_warning")
def test_a_slow_release_is_reported_once_with_what_to_install(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(spacy, "__version__", "3.8.18")
    with caplog.at_level(logging.WARNING, logger=nlp.LOG.name):
        nlp._warn_if_slow_spacy()
        nlp._warn_if_slow_spacy()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "spacy>=3.8,<3.8.8" in warnings[0].getMessage()
    assert warnings[0].spacy == "3.8.18"


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="no spaCy 3.8.7 wheels for Python 3.14: the pin allows any 3.8")
@pytest.mark.usefixtures("fresh_warning")
def test_the_installed_release_is_not_reported(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=nlp.LOG.name):
        nlp._warn_if_slow_spacy()
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
