"""BeAddressRecognizer: Dutch- and French-style Belgian addresses, boxes, postcode and town."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.be.address import BeAddressRecognizer
from recognizers.entities import ADDRESS

FRENCH = BeAddressRecognizer("fr")
DUTCH = BeAddressRecognizer("nl")


def found(text: str, recognizer: BeAddressRecognizer = FRENCH) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in recognizer.analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("j'habite rue de la Loi 16, 1000 Bruxelles", "rue de la Loi 16, 1000 Bruxelles", 0.85),
        ("rue de la loi 16 1000 bruxelles", "rue de la loi 16 1000 bruxelles", 0.85),
        ("avenue Louise 54 bte 3", "avenue Louise 54 bte 3", 0.6),
        ("Avenue Louise 54 boîte 12, 1050 Ixelles", "Avenue Louise 54 boîte 12, 1050 Ixelles", 0.85),
        ("chaussée de Wavre 123 b3, B-1050 Ixelles", "chaussée de Wavre 123 b3, B-1050 Ixelles", 0.85),
        ("livrez au boulevard Anspach 1", "boulevard Anspach 1", 0.6),
        ("rue d'Arlon 5", "rue d'Arlon 5", 0.6),
        ("av. de Tervueren 12", "av. de Tervueren 12", 0.6),
        ("place Flagey 7", "place Flagey 7", 0.45),  # "place" is also an ordinary word
        ("place Flagey 7, 1050 Ixelles", "place Flagey 7, 1050 Ixelles", 0.85),
    ],
)
def test_french_style(text: str, value: str, score: float) -> None:
    assert found(text, FRENCH) == [(value, score)]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("ik woon Kerkstraat 12, 9000 Gent", "Kerkstraat 12, 9000 Gent", 0.85),
        ("kerkstraat 12 bus 3, 9000 gent", "kerkstraat 12 bus 3, 9000 gent", 0.85),
        ("Meensesteenweg 45", "Meensesteenweg 45", 0.6),
        ("Frankrijklei 5 bus 2", "Frankrijklei 5 bus 2", 0.6),
        ("Grote Markt 1, 2000 Antwerpen", "Grote Markt 1, 2000 Antwerpen", 0.85),
        ("Laan van Nieuw Oost-Indië 12", "Laan van Nieuw Oost-Indië 12", 0.6),
        # a Flemish main road named after the town it leads to
        ("Els, Steenweg op Gent 45, 9300 Aalst", "Steenweg op Gent 45, 9300 Aalst", 0.85),
        ("steenweg op Brussel 212", "steenweg op Brussel 212", 0.6),
        # German street words, as in the German-speaking east
        ("Hauptstraße 5, 4700 Eupen", "Hauptstraße 5, 4700 Eupen", 0.85),
        ("Bergstrasse 12", "Bergstrasse 12", 0.6),
        ("Kirchgasse 3 bus 1", "Kirchgasse 3 bus 1", 0.6),
    ],
)
def test_dutch_style(text: str, value: str, score: float) -> None:
    assert found(text, DUTCH) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "à la place de 3 articles",
        "la rue est fermée 2 jours",
        "place Flagey 3 fois",
        "je suis rue de la Loi depuis 16 ans",
        "sur la route depuis 2 heures",
        "au cours de 3 mois",
        "en route 12 minutes",
        "rue sans numéro",
        "le 12/03/2024 à 10:30, € 12,50",
    ],
)
def test_not_an_address(text: str) -> None:
    assert found(text, FRENCH) == []


@pytest.mark.parametrize("text", ["de steenweg op Antwerpen 3 keer", "we reden de steenweg op naar Gent 2 uur lang"])
def test_not_an_address_in_dutch(text: str) -> None:
    assert found(text, DUTCH) == []


names = st.sampled_from(["de la Loi", "Louise", "Royale", "du Midi", "de Namur", "des Tanneurs"])
kinds = st.sampled_from(["rue", "avenue", "boulevard", "chaussée"])


@given(kind=kinds, name=names, number=st.integers(1, 999), postcode=st.integers(1000, 9999))
def test_every_french_address_with_town_is_found(kind: str, name: str, number: int, postcode: int) -> None:
    address = f"{kind} {name} {number}, {postcode} Bruxelles"
    assert found(f"mon adresse: {address}. merci") == [(address, 0.85)]
