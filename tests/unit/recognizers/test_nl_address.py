"""NlAddressRecognizer: street + number (+ addition, postcode, town) in chat, and look-alikes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import ADDRESS
from recognizers.nl.address import NlAddressRecognizer

RECOGNIZER = NlAddressRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZER.analyze(text, [ADDRESS])]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("ik woon op Kerkstraat 12", "Kerkstraat 12", 0.6),
        ("kerkstraat 12a graag bezorgen", "kerkstraat 12a", 0.6),
        ("ik woon op de Vondelstraat 12-2hoog in Amsterdam", "Vondelstraat 12-2hoog", 0.6),  # the floor
        ("Laan van Meerdervoort 101-3", "Laan van Meerdervoort 101-3", 0.6),
        ("laan van meerdervoort 101", "laan van meerdervoort 101", 0.6),
        ("Hoofdweg 5 bis", "Hoofdweg 5 bis", 0.6),
        ("Prinsengracht 263-II", "Prinsengracht 263-II", 0.6),
        ("Van Baerlestraat 27 hs", "Van Baerlestraat 27 hs", 0.6),
        ("Burgemeester de Vlugtlaan 125", "Burgemeester de Vlugtlaan 125", 0.6),
        ("'s-Gravendijkwal 10", "'s-Gravendijkwal 10", 0.6),
        ("St.-Jansstraat 3", "St.-Jansstraat 3", 0.6),  # a saint's abbreviation with its dot
        ("stationsplein 1, toch?", "stationsplein 1", 0.6),
        ("kerkstr. 4", "kerkstr. 4", 0.6),
        ("Dorpsstraat nr 7", "Dorpsstraat nr 7", 0.6),
        ("Kerkstraat 12 is mijn adres", "Kerkstraat 12", 0.6),  # " is" is no addition "i"
        ("Naar Kerkstraat 12 sturen", "Kerkstraat 12", 0.6),  # a leading chat word is trimmed
        ("Kerkstraat 12, 1234 AB Amsterdam", "Kerkstraat 12, 1234 AB Amsterdam", 0.85),
        ("kerkstraat 12a 1234ab amsterdam", "kerkstraat 12a 1234ab amsterdam", 0.85),
        ("Lindenhof 3, 1234 AB", "Lindenhof 3, 1234 AB", 0.85),
        # -hof is also an ordinary noun: weak, but a capitalised compound is written as a street
        ("Lindenhof 3", "Lindenhof 3", 0.55),
        ("lindenhof 3", "lindenhof 3", 0.45),
        ("Aaaabaan 1", "Aaaabaan 1", 0.55),
        ("Julianaln 5", "Julianaln 5", 0.6),  # abbreviated suffixes of address files and forms
        ("Kerkstr 12", "Kerkstr 12", 0.6),
        ("Eikendrf 4", "Eikendrf 4", 0.6),  # dreef, abbreviated
        ("Seedyk 14", "Seedyk 14", 0.6),  # Frisian spellings of dijk and straat
        ("Tsjerkestrjitte 3", "Tsjerkestrjitte 3", 0.6),
        ("Noorderbolwerk 2", "Noorderbolwerk 2", 0.6),
        # a Flemish street with a Belgian postcode, the fields joined by commas as forms do
        ("Lever het af op Bartlaan 2, 9990, Maldegem graag", "Bartlaan 2, 9990, Maldegem", 0.85),
        ("Bezorgen op Kerkstraat 16b, 2830 Willebroek", "Kerkstraat 16b, 2830 Willebroek", 0.85),
        ("Marktpln 2, 1234 AB Gouda", "Marktpln 2, 1234 AB Gouda", 0.85),
        ("Molenwg 3", "Molenwg 3", 0.55),  # weak like the word it stands for, capitalised
        ("molenwg 3", "molenwg 3", 0.45),
        ("Stadspark 3", "Stadspark 3", 0.55),
        ("LINDENHOF 3", "LINDENHOF 3", 0.45),  # capitals throughout: no telling
    ],
)
def test_addresses(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    "text",
    [
        "ik ben onderweg 10 min",
        "nog even naar de supermarkt 2 keer per week",
        "kerkstraat 12 minuten lopen",
        "de straat is 3 dagen dicht",
        "weg 3",  # a suffix alone is not a street
        "ik ga weg van mijn 2 abonnementen",
        "de snelweg 2 uur dicht",
        "order 12345 is onderweg",
        "betaald € 12,50 op 12-03-2024",
        "Kerkstraat zonder nummer",
        "Kerkstraat12",
    ],
)
def test_not_an_address(text: str) -> None:
    assert found(text) == []


streets = st.sampled_from(["Kerkstraat", "Dorpsweg", "Schoolplein", "Herengracht", "Molenkade", "Lindelaan"])


@given(street=streets, number=st.integers(min_value=1, max_value=9999), lower=st.booleans())
def test_every_street_and_number_is_found(street: str, number: int, lower: bool) -> None:
    address = f"{street.lower() if lower else street} {number}"
    assert found(f"bezorg het op {address} aub") == [(address, 0.6)]
