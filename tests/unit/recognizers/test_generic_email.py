"""EmailRecognizer: typed addresses in FR/NL/EN chat, obfuscated forms, broken addresses."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import EMAIL_ADDRESS
from recognizers.generic.email import EmailRecognizer

RECOGNIZERS = {lang: EmailRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    recognizer = RECOGNIZERS[language]
    return [(text[r.start : r.end], round(r.score, 2)) for r in recognizer.analyze(text, [EMAIL_ADDRESS])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "mon mail c'est jean.dupont@example.fr merci", "jean.dupont@example.fr"),
        ("fr", "écrivez à marie+commandes@exemple.com svp", "marie+commandes@exemple.com"),
        ("fr", "Adresse: J.Dupont@Mail.Example.FR.", "J.Dupont@Mail.Example.FR"),
        ("nl", "mail naar jan.jansen@voorbeeld.nl aub", "jan.jansen@voorbeeld.nl"),
        ("nl", "a.b.c.naam-12@ziekenhuis.example.nl", "a.b.c.naam-12@ziekenhuis.example.nl"),
        ("nl", "mijn adres is achternaam_voornaam@example.com.", "achternaam_voornaam@example.com"),
        ("en", "you can reach me at john.o'brien@example.co.uk", "john.o'brien@example.co.uk"),
        ("en", "email: (jane_doe99@example.org)", "jane_doe99@example.org"),
        ("en", "<bob@example.io>", "bob@example.io"),
        ("fr", "c'est françois.lefèvre@exemple.fr", "françois.lefèvre@exemple.fr"),
    ],
)
def test_plain_addresses_under_known_tlds_are_certain(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, 1.0)]


def test_unknown_tld_keeps_the_pattern_score() -> None:
    assert found("en", "write to someone@example.zorglub") == [("someone@example.zorglub", 0.85)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mail jan (at) example.nl", "jan (at) example.nl"),
        ("fr", "jean[at]exemple[dot]fr", "jean[at]exemple[dot]fr"),
        ("fr", "jean.dupont @ gmail.com", "jean.dupont @ gmail.com"),
        ("fr", "jean.dupont@ gmail.com", "jean.dupont@ gmail.com"),
        ("fr", "jean arobase exemple.fr", "jean arobase exemple.fr"),
        ("en", "john at example dot com", "john at example dot com"),
        ("nl", "piet(at)voorbeeld(punt)be", "piet(at)voorbeeld(punt)be"),
        # dots written with spaces or as words, in the local part too
        ("fr", "mon mail: jean . dupont @ exemple . fr", "jean . dupont @ exemple . fr"),
        ("fr", "jean point dupont arobase exemple point fr", "jean point dupont arobase exemple point fr"),
        ("nl", "jan punt jansen apenstaartje voorbeeld punt nl", "jan punt jansen apenstaartje voorbeeld punt nl"),
        ("en", "john dot smith at example dot com", "john dot smith at example dot com"),
        ("en", "john (dot) smith (at) example (dot) com", "john (dot) smith (at) example (dot) com"),
        # a bare "@" with the domain's dot written another way
        ("fr", "mail jean@exemple dot fr", "jean@exemple dot fr"),
        ("fr", "mail jean.dupont@exemple . fr merci", "jean.dupont@exemple . fr"),
        # a bare "at" with a real dot: an address-like local part, or a mail provider's domain
        ("en", "email john.smith at example.com", "john.smith at example.com"),
        ("fr", "mail jean_dupont at exemple.fr", "jean_dupont at exemple.fr"),
        ("en", "it's johnsmith at gmail.com", "johnsmith at gmail.com"),
        ("nl", "mail naar pietjansen at ziggo.nl", "pietjansen at ziggo.nl"),
        ("en", "it's john dot smith at gmail.com", "john dot smith at gmail.com"),  # the local part's dot said
        # said without the TLD, at a mail provider's whose name is no word, the local part address-like
        ("en", "it's john dot smith at gmail", "john dot smith at gmail"),
        ("fr", "écrivez à jean point dupont arobase hotmail", "jean point dupont arobase hotmail"),
        ("en", "kelly_92 at yahoo thanks", "kelly_92 at yahoo"),
    ],
)
def test_obfuscated_addresses_score_lower(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "jan..doe@example.nl",  # two dots in a row
        "jan.@example.nl",  # dot before @
        ".jan@example.nl",  # dot first
        "jan@example",  # no TLD
        "jan@example.",  # trailing dot, no TLD
        "jan@-example.nl",  # label starting with a dash
        "jan@@example.nl",
        "see you at amazon.com",  # plain "at" without an obfuscated dot
        "order 12345 at bol.com was late",  # no letter before "at": an order number
        "price is 12.50 at tesco.com",  # an amount
        "Ok. Merci @ bientôt",  # a dot ending a sentence joins nothing
        "merci @ jean.dupont",  # unknown "TLD" for a spaced @
        "@jan bedankt",
        "prix 12 € @ 3 pièces",
        "my account at outlook is locked",  # no address-like local part before a provider without TLD
        "I work at orange",  # a provider named like a word
    ],
)
def test_broken_or_non_addresses_are_not_reported(text: str) -> None:
    assert found("en", text) == []
    assert found("fr", text) == []


def test_two_addresses_in_one_message() -> None:
    text = "a@example.nl,b@example.be"
    assert found("nl", text) == [("a@example.nl", 1.0), ("b@example.be", 1.0)]


def test_one_instance_per_language_with_context_words() -> None:
    for language, recognizer in RECOGNIZERS.items():
        assert recognizer.supported_language == language
        assert recognizer.supported_entities == [EMAIL_ADDRESS]
        assert recognizer.context


@pytest.mark.parametrize(
    ("language", "text", "address"),
    [
        ("fr", "Bonjour, mon mail c'est jean . dupont @ gmail . com merci", "jean . dupont @ gmail . com"),
        ("fr", "mon adresse: jean point dupont arobase orange point fr", "jean point dupont arobase orange point fr"),
        ("nl", "mijn mail is jan punt jansen apenstaartje ziggo punt nl", "jan punt jansen apenstaartje ziggo punt nl"),
        ("en", "my email is john dot smith at gmail dot com", "john dot smith at gmail dot com"),
        ("en", "email me at john.smith at gmail.com please", "john.smith at gmail.com"),
        ("en", "reach me: jane@example dot co dot uk", "jane@example dot co dot uk"),
    ],
)
def test_the_detector_reports_the_whole_obfuscated_address(
    real_detector: Detector, language: str, text: str, address: str
) -> None:
    """Through every recognizer, overlap resolution included: one e-mail covering the whole address
    (no URL, person or shorter e-mail left standing inside it)."""
    (entities,) = real_detector.detect([text], [language])
    start = text.index(address)
    inside = [e for e in entities if e.start < start + len(address) and e.end > start]
    assert [(e.entity_type, e.start, e.end) for e in inside] == [(EMAIL_ADDRESS, start, start + len(address))]
