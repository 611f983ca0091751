"""One title rule for every name recognizer: a title right before a person belongs to the span."""

from __future__ import annotations

from pathlib import Path

import pytest

from recognizers.entities import PERSON
from recognizers.names import ChatNamePatternRecognizer, DutchNameRecognizer, NameLookupRecognizer
from recognizers.names.lexicons import load_lexicon, title_start
from recognizers.settings import RecognizerSettings

LEXICON_DIR = Path(RecognizerSettings().lexicon_dir)
TITLES = {lang: load_lexicon(LEXICON_DIR, lang).titles for lang in ("fr", "nl", "en")}


@pytest.mark.parametrize(
    ("language", "text", "name", "expected"),
    [
        ("fr", "le requérant, M. Dupont, a saisi", "Dupont", "M. Dupont"),
        ("fr", "merci Mme Durand", "Durand", "Mme Durand"),
        ("fr", "Mlle Martin a appelé", "Martin", "Mlle Martin"),
        ("fr", "bonjour monsieur Leroy", "Leroy", "monsieur Leroy"),
        ("fr", "bonjour m. leroy", "leroy", "m. leroy"),
        ("nl", "ik sprak met dhr. Jansen", "Jansen", "dhr. Jansen"),
        ("nl", "mevr. de Vries belde", "de Vries", "mevr. de Vries"),
        ("nl", "meneer Bakker is er", "Bakker", "meneer Bakker"),
        ("nl", "brief aan de heer Smit", "Smit", "de heer Smit"),
        ("nl", "Prof. Dr. Smit", "Smit", "Prof. Dr. Smit"),
        ("en", "Dear Mrs Smith,", "Smith", "Mrs Smith"),
        ("en", "ask Dr. Brown", "Brown", "Dr. Brown"),
        ("en", "Ms Jones called", "Jones", "Ms Jones"),
    ],
)
def test_title_is_included(language: str, text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert text[title_start(text, start, TITLES[language]) : start + len(name)] == expected


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "il m Dupont", "Dupont"),  # lower-case "m" without a dot: a letter
        ("fr", "Madame\nDupont", "Dupont"),  # not on the same line
        ("fr", "Madame, Dupont", "Dupont"),  # punctuation in between
        ("en", "I met Smith", "Smith"),
        ("en", "Smith", "Smith"),
    ],
)
def test_no_title(language: str, text: str, name: str) -> None:
    start = text.index(name)
    assert title_start(text, start, TITLES[language]) == start


def persons(recognizer: object, text: str) -> list[str]:
    results = recognizer.analyze(text, [PERSON])  # type: ignore[attr-defined]
    return [text[r.start : r.end] for r in results if r.entity_type == PERSON]


def test_every_name_recognizer_keeps_the_title() -> None:
    assert persons(ChatNamePatternRecognizer("fr", LEXICON_DIR), "Bonjour Madame Durand, merci") == ["Madame Durand"]
    assert persons(ChatNamePatternRecognizer("en", LEXICON_DIR), "Hi Mr. Brown") == ["Mr. Brown"]
    assert persons(DutchNameRecognizer(LEXICON_DIR, "nl"), "ik sprak met dhr. Jansen") == ["dhr. Jansen"]
    assert persons(NameLookupRecognizer(LEXICON_DIR, "fr"), "le dossier de M. Jean Dupont") == ["M. Jean Dupont"]
