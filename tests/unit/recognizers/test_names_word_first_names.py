"""First names that are also words ("Noël", "Rose", "Grace"): a name before a listed surname only.
Fictitious people."""

from __future__ import annotations

import pytest

from recognizers.entities import PERSON
from recognizers.names.dutch_names import DutchNameRecognizer
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.settings import RecognizerSettings

LEXICON_DIR = RecognizerSettings().lexicon_dir
RECOGNIZERS = {
    "fr": NameLookupRecognizer(LEXICON_DIR, "fr"),
    "en": NameLookupRecognizer(LEXICON_DIR, "en"),
    "nl": DutchNameRecognizer(LEXICON_DIR, "nl"),
}


def persons(language: str, text: str) -> list[tuple[str, str]]:
    results = RECOGNIZERS[language].analyze(text, [PERSON])
    return [
        (text[r.start : r.end], r.analysis_explanation.textual_explanation or "")
        for r in results
        if r.entity_type == PERSON
    ]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "Cordialement, Noël Dupont", "Noël Dupont"),
        ("en", "I spoke with Grace Kelly today", "Grace Kelly"),
    ],
)
def test_a_word_first_name_before_a_surname_is_a_name(language: str, text: str, name: str) -> None:
    found = persons(language, text)
    assert (name, "first name that is a word too, and surname") in [(span, why.split(";")[0]) for span, why in found]


@pytest.mark.parametrize(
    ("language", "text", "not_in_a_name"),
    [
        ("fr", "Joyeux Noël à tous", "Noël"),  # no surname after it
        ("nl", "Hoi Wouter, je spreekt met Tom", "Hoi"),  # a greeting, whatever the name lists say
    ],
)
def test_without_a_surname_or_as_a_greeting_it_stays_a_word(language: str, text: str, not_in_a_name: str) -> None:
    assert not any(not_in_a_name in span for span, _ in persons(language, text))


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "I spoke with Linda Green today", "Linda Green"),
        ("en", "a film directed by Brad L Key", "Brad L Key"),
    ],
)
def test_a_listed_surname_that_is_a_word_after_a_first_name(language: str, text: str, name: str) -> None:
    assert name in [span for span, _ in persons(language, text)]


def test_allow_listed_and_chat_words_do_not_become_surnames() -> None:
    assert persons("en", "Thanks Paul Will call later") == [("Paul", "known first name")]
    assert all("Merci" not in span for span, _ in persons("fr", "merci Pierre Merci"))
