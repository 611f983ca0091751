"""EuropeanStreetRecognizer: streets named before their number, as continental countries write them
(fictitious addresses)."""

from __future__ import annotations

import pytest
import re2

from recognizers.base import RE2_OPTIONS
from recognizers.entities import ADDRESS
from recognizers.generic.european_street import EuropeanStreetRecognizer

RECOGNIZERS = {language: EuropeanStreetRecognizer(language) for language in ("en", "fr", "nl")}
TAIL = EuropeanStreetRecognizer.TAIL_SCORE
STREET = EuropeanStreetRecognizer.STREET_SCORE


def found(text: str, language: str = "en") -> list[tuple[str, float]]:
    results = RECOGNIZERS[language].analyze(text, [ADDRESS])
    return sorted(((text[r.start : r.end], r.score) for r in results), key=lambda item: text.index(item[0]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the type before the name, then the number, postcode and town
        ("send it to Calle Mayor 12, 28013 Madrid please", [("Calle Mayor 12, 28013 Madrid", TAIL)]),
        ("Via Roma 10, 00184 Roma", [("Via Roma 10, 00184 Roma", TAIL)]),
        ("Rua Augusta 100, 1100-053 Lisboa", [("Rua Augusta 100, 1100-053 Lisboa", TAIL)]),
        ("ul. Marszałkowska 10, 00-590 Warszawa", [("ul. Marszałkowska 10, 00-590 Warszawa", TAIL)]),
        ("Drottninggatan 5, 111 51 Stockholm", [("Drottninggatan 5, 111 51 Stockholm", TAIL)]),
        ("Karl Johans gate 1, 0154 Oslo", [("Karl Johans gate 1, 0154 Oslo", TAIL)]),
        # without them
        ("it's Avenida da Liberdade 200 in Lisbon", [("Avenida da Liberdade 200", STREET)]),
        ("C/ Señores Curas 88", [("C/ Señores Curas 88", STREET)]),
        ("Via delle Coste 41", [("Via delle Coste 41", STREET)]),
        ("calle mayor 12", [("calle mayor 12", STREET)]),  # chat's lower case, a type that is no English word
        ("Sludevej 13", [("Sludevej 13", STREET)]),
        ("Kiannonkatu 98", [("Kiannonkatu 98", STREET)]),
        ("hegyalja út 98.", [("hegyalja út 98.", STREET)]),
        ("Árpád fejedelem útja 3.", [("Árpád fejedelem útja 3.", STREET)]),
        ("ul. Miła 53/4", [("ul. Miła 53/4", STREET)]),
        ("Koepenicker Str. 74", [("Koepenicker Str. 74", STREET)]),
        # the name first: the match starts after the sentence before it
        ("I live in Trenerys gata 232", [("Trenerys gata 232", STREET)]),
        ("pedestrians must enter on hegyalja út 98. st.", [("hegyalja út 98.", STREET)]),
        ("We went to Karl Johans gate 1, 0154 Oslo", [("Karl Johans gate 1, 0154 Oslo", TAIL)]),
        ("Send it to Koepenicker Str. 74 please", [("Koepenicker Str. 74", STREET)]),
        # grown over the address block, as StreetAddressRecognizer grows its matches
        ("27534 Þorsteinsgata 63\nMOSS", [("27534 Þorsteinsgata 63\nMOSS", 0.96)]),
        ("ship to 2613 avenida praia 1 suite 463, thanks", [("2613 avenida praia 1 suite 463", 0.96)]),
    ],
)
def test_streets(text: str, expected: list[tuple[str, float]]) -> None:
    assert found(text) == expected
    # the cheaper regex the detector's pattern screen scans for matches wherever a pattern does
    (screen,) = RECOGNIZERS["en"].screen_regexes()
    assert re2.compile(screen, RE2_OPTIONS).search(text) is not None


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_language(language: str) -> None:
    assert found("Calle Mayor 12, 28013 Madrid", language) == [("Calle Mayor 12, 28013 Madrid", TAIL)]


@pytest.mark.parametrize(
    "text",
    [
        "I sent it via email 3 times",  # "via" in lower case is an English word
        "Via WhatsApp 2 days ago",  # a counted thing after the number
        "go to boarding gate 5",  # "gate" after a name only with the postcode and town
        "please delegate 5 tasks",  # "-gate" ending a word, lower case
        "the Plaza Hotel 3 nights",
        "Via the app 3",  # a sentence's word in the name
        "Corso 5 €",
        "my necktie 2",
        "it is gata 5",  # no name left before the type word
        "fire brigade 4 arrived",  # a word that ends like a street, in any case
        "the Auntie 3 account",
        "et al. Nature 2020",  # "al." (aleja) is the abbreviation of a citation too
    ],
)
def test_not_streets(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Informatie 2 staat online"),  # "-tie" ends Dutch and French words
        ("nl", "Editie 2024 is uit"),
        ("fr", "Sortie 12 de l'autoroute"),
        ("fr", "Partie 2 du formulaire"),
        ("fr", "la brigade 3 est passée"),
    ],
)
def test_not_streets_in_french_or_dutch(language: str, text: str) -> None:
    assert found(text, language) == []


def test_a_finnish_street_in_english() -> None:
    assert found("Puruntie 82") == [("Puruntie 82", STREET)]
