"""Street addresses of one country in a message of another language.

An English-speaking customer of a Dutch, Belgian or French company types the address in its own
shape ("Kerkstraat 12, 9000 Gent", "17 rue Lafayette"), and a French or Dutch message may hold a
British one ("14 Elm Grove, Leeds LS6 2AB"). Each country's address recognizer is built for those
languages too, with guards for the street words that are words of the message's language. All
values are fictitious.
"""

from __future__ import annotations

import pytest
import re2
from presidio_analyzer import EntityRecognizer

from recognizers import be, fr, generic, nl
from recognizers.entities import ADDRESS
from recognizers.fr.address import FrAddressRecognizer
from recognizers.settings import RecognizerSettings

SETTINGS = RecognizerSettings()
IN_ENGLISH: list[EntityRecognizer] = fr.build("en", SETTINGS) + nl.build("en", SETTINGS) + be.build("en", SETTINGS)
BRITISH = {"UkAddressRecognizer", "UkPostcodeRecognizer"}
IN_FRENCH_AND_DUTCH = {
    language: [r for r in generic.build(language, SETTINGS) if type(r).__name__ in BRITISH] for language in ("fr", "nl")
}


def addresses(recognizers: list[EntityRecognizer], text: str) -> list[str]:
    """The addresses reported (score 0.5 or more, Presidio's threshold), in text order."""
    found = {
        (r.start, r.end)
        for recognizer in recognizers
        for r in recognizer.analyze(text, [ADDRESS])
        if r.score >= 0.5 and r.entity_type == ADDRESS
    }
    spans = sorted(found, key=lambda span: (span[0], -span[1]))
    kept = [span for span in spans if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)]
    return [text[start:end] for start, end in kept]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The workshop at 17 Rue Lafayette, 75009 Paris, starts at 6pm", "17 Rue Lafayette, 75009 Paris"),
        ("the parcel went to 17 rue lafayette by mistake", "17 rue lafayette"),
        ("it went to 8 rue de la République, 69002 Lyon and not to my home", "8 rue de la République, 69002 Lyon"),
        ("the office at 17 Avenue Foch is closed", "17 Avenue Foch"),
        ("our shop on Rue de la Loi 16, 1000 Brussels is closed", "Rue de la Loi 16, 1000 Brussels"),
        ("the office on Avenue Louise 54 is closed", "Avenue Louise 54"),
        ("the parcel went to Kerkstraat 12, 9000 Gent by mistake", "Kerkstraat 12, 9000 Gent"),
        ("parcel sent to kerkstraat 12 by mistake", "kerkstraat 12"),
        ("I am at Keizersgracht 123, 1015 CJ Amsterdam now", "Keizersgracht 123, 1015 CJ Amsterdam"),
        ("I lived at Oudezijds Burgwal 12 before", "Oudezijds Burgwal 12"),
    ],
)
def test_a_french_dutch_or_belgian_address_in_an_english_message(text: str, address: str) -> None:
    assert addresses(IN_ENGLISH, text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        # French street types that are English words, before a word in lower case
        "we live 3 avenue blocks away from the store",
        "Shipping to 2 square feet of space",
        "I need 2 place settings for the delivery",
        "the boulevard has 3 lanes",
        "we reached an impasse 2 times",
        # five digits and a capitalised word: a US house number or a quantity, not "75009 Paris"
        "order 48213 Delivered yesterday to my address",
        # English words on a Dutch street suffix ("-vest", "-wal") or on a weak one ("-pad", "-ring", "-park")
        "I want to invest 500 in the fund",
        "Harvest 2024 was a great festival",
        "the withdrawal 300 was not credited",
        "Renewal 2025 is due next week",
        "Harvest 12 bis was great",  # an addition after the number: the street word is still "Harvest"
        "Offering 3 discounts today",
        "I bought a Launchpad 2 yesterday",
        "Hyde Park 2 tickets please",
        "my Spring 2024 collection order",
        # an English street's type, then its unit
        "3747 3911 fourth avenue suite 112 calgary alberta",
    ],
)
def test_english_words_that_look_like_a_foreign_street_are_none(text: str) -> None:
    assert addresses(IN_ENGLISH, text) == []


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("fr", "le colis est parti au 14 Elm Grove, Leeds LS6 2AB par erreur", ["14 Elm Grove, Leeds", "LS6 2AB"]),
        ("fr", "notre magasin 221 Baker Street est fermé", ["221 Baker Street"]),
        ("nl", "het pakket ging per ongeluk naar 14 Elm Grove, Leeds LS6 2AB", ["14 Elm Grove, Leeds", "LS6 2AB"]),
        ("nl", "mijn zus woont op 3 Church Lane in Bath", ["3 Church Lane"]),
    ],
)
def test_a_british_address_in_a_french_or_dutch_message(language: str, text: str, found: list[str]) -> None:
    assert addresses(IN_FRENCH_AND_DUTCH[language], text) == found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "j'ai commandé 2 paires taille 42 le 1er mars"),
        ("fr", "livraison prévue entre 14h et 18h le 5 juin"),
        ("nl", "ik heb 3 keer gebeld en 2 mails gestuurd"),
        ("nl", "bestelling 4821 is nog niet binnen"),
    ],
)
def test_ordinary_french_and_dutch_chat_has_no_british_address(language: str, text: str) -> None:
    assert addresses(IN_FRENCH_AND_DUTCH[language], text) == []


def test_in_english_a_french_street_is_anchored_on_its_number_and_a_written_type() -> None:
    """The English instance is called only where its anchor matches (``processors.pattern_screen``):
    "r" or "ch" after a word ("for the", "each") anchor the French instance in most texts."""
    french, english = FrAddressRecognizer("fr"), FrAddressRecognizer("en")
    ordinary = "thanks for the help, each item arrived"
    assert any(re2.search(p, ordinary) for p in french.screen_regexes())
    assert not any(re2.search(p, ordinary) for p in english.screen_regexes())
    assert any(re2.search(p, "sent to 17 rue Lafayette") for p in english.screen_regexes())
    assert addresses([english], "the Rue de Rivoli is lovely at 17 bd Voltaire") == []
