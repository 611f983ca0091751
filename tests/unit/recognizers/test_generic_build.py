"""The generic folder as a whole: build contract, context words through Presidio's enhancer,
ordinary chat that must stay clean, no network, linear time on hostile input."""

from __future__ import annotations

import socket
import time
from unittest import mock

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.entities import ALL_ENTITIES
from recognizers.generic import build
from recognizers.generic.gated import GatedRecognizer, digit_count
from recognizers.settings import RecognizerSettings

LANGUAGES = ("fr", "nl", "en")
RECOGNIZERS = {lang: build(lang, RecognizerSettings()) for lang in LANGUAGES}
NLP = {lang: spacy.blank(lang) for lang in LANGUAGES}
ENHANCER = LemmaContextAwareEnhancer()  # Presidio's defaults: +0.35, at least 0.4, 5 words before
ENGLISH_ONLY = {
    "UkPhoneRecognizer",
    "IeEircodeRecognizer",
    "StreetAddressRecognizer",
    "UkNhsRecognizer",
    "UsSsnRecognizer",
    "UsPhoneRecognizer",
}


class _Engine:
    """What ``NlpArtifacts`` asks of an NLP engine to pick keywords (piiflow: lemma = lower-cased token)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(NLP[self.language].vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return not any(ch.isalnum() for ch in word)


def artifacts(text: str, language: str) -> NlpArtifacts:
    doc = NLP[language](text)
    return NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.lower_ for t in doc],
        nlp_engine=_Engine(language),
        language=language,
    )


def analyze(language: str, text: str) -> list[RecognizerResult]:
    """Every generic recognizer of ``language``, then the context enhancer, then Presidio's dedup."""
    recognizers = RECOGNIZERS[language]
    raw = [r for recognizer in recognizers for r in recognizer.analyze(text, list(ALL_ENTITIES))]
    enhanced = ENHANCER.enhance_using_context(text, raw, artifacts(text, language), recognizers)
    return list(EntityRecognizer.remove_duplicates(enhanced))


def reported(language: str, text: str) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start : r.end]) for r in analyze(language, text) if r.score >= 0.5)


def test_build_returns_one_instance_per_language() -> None:
    for language, recognizers in RECOGNIZERS.items():
        names = [type(r).__name__ for r in recognizers]
        assert len(names) == len(set(names))
        assert all(r.supported_language == language for r in recognizers)
        assert all(set(r.supported_entities) <= ALL_ENTITIES for r in recognizers)
        assert (set(names) >= ENGLISH_ONLY) == (language == "en")
        assert not ENGLISH_ONLY & set(names) or language == "en"
        # every language: the shapes are their own, and a British address or NINO turns up in a
        # French or Dutch message ("le colis est parti au 14 Elm Grove, Leeds LS6 2AB")
        assert {"UkNinoRecognizer", "UkPostcodeRecognizer", "UkAddressRecognizer"} <= set(names)
    assert build("de", RecognizerSettings()) == []


def test_context_words_are_lower_case_single_words_and_not_stop_words() -> None:
    for language, recognizers in RECOGNIZERS.items():
        for recognizer in recognizers:
            for word in recognizer.context:
                assert word == word.lower() and " " not in word, (type(recognizer).__name__, word)
                assert not NLP[language].vocab[word].is_stop, (language, type(recognizer).__name__, word)


@pytest.mark.parametrize(
    ("language", "text", "name", "value", "without", "with_context"),
    [
        ("en", "What is the limit for card 4421521028146?", "CreditCardRecognizer", "4421521028146", 0.4, 0.75),
        ("fr", "ma carte bancaire 501864667909", "CreditCardRecognizer", "501864667909", 0.4, 0.75),
        ("en", "my number is 01632 960123", "UkPhoneRecognizer", "01632 960123", 0.4, 0.75),
        ("en", "my ssn is 460899847", "UsSsnRecognizer", "460899847", 0.2, 0.55),
        ("en", "the hospital gave me 943 476 5919", "UkNhsRecognizer", "943 476 5919", 0.6, 0.95),
        ("fr", "âge : environ 34 ans", "AgeRecognizer", "34", 0.3, 0.65),
        ("nl", "leeftijd ongeveer 34 jaar", "AgeRecognizer", "34", 0.3, 0.65),
        ("fr", "date de livraison 14/07", "DateRecognizer", "14/07", 0.4, 0.75),
        # phone word too far for the pattern's own trigger (20 characters, or 44 before digits that open
        # with "0" or "+"), near enough for the enhancer
        (
            "nl",
            "telefoonnummer van mijn werk en thuis: 470 12 34 56",
            "ContextPhoneRecognizer",
            "470 12 34 56",
            0.3,
            0.65,
        ),
        ("fr", "mon portable, celui de ma fille aînée: 612345678", "ContextPhoneRecognizer", "612345678", 0.3, 0.65),
    ],
)
def test_context_words_lift_weak_matches(
    language: str, text: str, name: str, value: str, without: float, with_context: float
) -> None:
    recognizer = next(r for r in RECOGNIZERS[language] if type(r).__name__ == name)
    raw = [r for r in recognizer.analyze(text, []) if text[r.start : r.end] == value]
    assert [round(r.score, 2) for r in raw] == [without]
    enhanced = ENHANCER.enhance_using_context(text, raw, artifacts(text, language), [recognizer])
    assert [round(r.score, 2) for r in enhanced] == [with_context]


ORDINARY_CHAT = {
    "fr": [
        "Bonjour, ma commande n° 123456789 n'est pas arrivée",
        "le colis 7000123456789 est bloqué depuis hier",  # ("depuis mardi": a date, WeekdayRecognizer)
        "j'ai payé 49,99 € le 3 fois sans frais",
        "rdv à 14h30 ou 10:30 ?",
        "l'appli en version 2.4.1 plante",
        "il y a 10 ans que je suis client",
        "merci beaucoup, bonne journée !",
        "je voudrais changer mon forfait 20 Go à 9.99",
        "ticket #45821 toujours ouvert",
        "le code promo ETE2024 ne marche pas",
        "j'ai appelé 3 fois sans réponse",
        "livraison prévue entre 8h et 13h",
        "Merci.De rien",
        "référence AB12CD34EF56",
        "total 1 250,00 € TTC",
        "j'habite à 10 minutes de la gare",
        "je suis à votre disposition",
        "réf. 2021-98765",
    ],
    "nl": [
        "Hallo, mijn bestelling 123456789 is nog niet binnen",
        "ik heb 10 jaar geleden een abonnement genomen",
        "al 10 jaar klant en nu dit",
        "de app versie 3.2.1 crasht",
        "om 14:30 of 10.30 uur?",
        "het kost € 12,50 per maand",
        "pakket 3SABCD1234567 is onderweg",
        "dank je wel, fijne dag!",
        "ik heb 3 keer gebeld vandaag",
        "factuurnummer 2021-98765",
        "bestelnummer 4500012345",
        "over 2 weken opnieuw proberen",
        "ik woon hier al 10 jaar",
        "ik woon op de 3e verdieping",
    ],
    "en": [
        "Hi, my order 123456789 hasn't arrived",
        "tracking number 1Z999AA10123456784",
        "I paid $49.99 for 3 items",
        "can we do 2:30 pm or 10:30?",
        "version 10.0.19041.1 of the app",
        "I've been a customer for 10 years",
        "thanks a lot, have a nice day!",
        "I called 3 times today",
        "ticket #45821 is still open",
        "invoice INV-2021-0042",
        "the 24/7 support line never answers",
        "I may 2x the order",
        "my order number is 12345678",
        "I waited 2 hours on the road",
        "I live at home",
        "deliver to my office",
        "I'm in a hurry",
        "moved to the new plan",
        "I live 10 minutes from the station",
        "send it to 3 people",
    ],
}


@pytest.mark.parametrize(("language", "text"), [(lang, t) for lang, ts in ORDINARY_CHAT.items() for t in ts])
def test_ordinary_chat_reports_nothing(language: str, text: str) -> None:
    assert reported(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Bonjour, je suis né le 3 août 1993, mon iban FR14 2004 1010 0505 0001 3M02 606, "
            "mail jean.dupont@exemple.fr, tél +33 6 12 34 56 78",
            [
                ("DATE_OF_BIRTH", "3 août 1993"),
                ("DATE_TIME", "le 3 août 1993"),
                ("EMAIL_ADDRESS", "jean.dupont@exemple.fr"),
                ("IBAN_CODE", "FR14 2004 1010 0505 0001 3M02 606"),
                ("PHONE_NUMBER", "+33 6 12 34 56 78"),
            ],
        ),
        (
            "nl",
            "mijn zoon van 10 jaar oud, bel me op 06-12345678 of mail jan (at) voorbeeld.nl",
            [("AGE", "10"), ("EMAIL_ADDRESS", "jan (at) voorbeeld.nl"), ("PHONE_NUMBER", "06-12345678")],
        ),
        (
            "en",
            "I'm 34 years old, DOB 12/03/1989, card 4111 1111 1111 1111, ip 192.0.2.10, SW1A 1AA",
            [
                ("ADDRESS", "SW1A 1AA"),
                ("AGE", "34"),
                ("CREDIT_CARD", "4111 1111 1111 1111"),
                ("DATE_OF_BIRTH", "12/03/1989"),
                ("DATE_TIME", "12/03/1989"),
                ("IP_ADDRESS", "192.0.2.10"),
            ],
        ),
    ],
)
def test_mixed_messages(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert reported(language, text) == expected


def test_no_network_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for language in LANGUAGES:
        fresh = build(language, RecognizerSettings())
        text = "mail a@example.nl, site https://example.be, +32 470 12 34 56, ip 192.0.2.1"
        assert [r for recognizer in fresh for r in recognizer.analyze(text, [])]


@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 20000,
        "1 " * 10000,
        "a@" * 10000,
        "le 12 " * 4000,
        "+3" * 10000,
        "x." * 10000,
        ":" * 20000 + "1",
        "(0)" * 7000,
    ],
)
def test_hostile_input_stays_fast(hostile: str) -> None:
    start = time.perf_counter()
    for language in LANGUAGES:
        for recognizer in RECOGNIZERS[language]:
            recognizer.analyze(hostile, [])
    assert time.perf_counter() - start < 5.0


_CHAT_ALPHABET = "0123456789 .,:;-/()[]@+'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéàû€\t\n"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_CHAT_ALPHABET, max_size=80))
def test_the_cheap_pre_check_never_hides_a_match(text: str) -> None:
    for language in LANGUAGES:
        for recognizer in RECOGNIZERS[language]:
            if not isinstance(recognizer, GatedRecognizer):
                continue
            # the recognizer's own analyze with the pre-check forced open (some, like AgeRecognizer,
            # judge candidates against the surrounding text after the patterns)
            with mock.patch.object(recognizer, "may_contain", return_value=True):
                ungated = recognizer.analyze(text, [])
            gated = recognizer.analyze(text, [])
            assert [(r.start, r.end, r.score) for r in gated] == [(r.start, r.end, r.score) for r in ungated], (
                type(recognizer).__name__,
                text,
            )


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_digit_count_counts_ascii_digits_only(text: str) -> None:
    """Other scripts' digits (Arabic-Indic, full-width) are not what the patterns' [0-9] matches."""
    assert digit_count(text) == sum(ch in "0123456789" for ch in text)
    assert digit_count(text + "٣４") == digit_count(text)


def test_the_pre_check_skips_messages_without_digits() -> None:
    skipped = [r for r in RECOGNIZERS["en"] if isinstance(r, GatedRecognizer) and not r.may_contain("ok thanks!")]
    assert len(skipped) >= 14
