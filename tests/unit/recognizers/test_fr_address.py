"""FrAddressRecognizer: street lines as typed in chat, where they end, postcodes, and chat noise."""

from __future__ import annotations

import pytest
from faker import Faker
from hypothesis import given
from hypothesis import strategies as st

from recognizers.entities import ADDRESS
from recognizers.fr.address import FrAddressRecognizer, plausible_postcode

R = FrAddressRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    results = R.analyze(text, [ADDRESS])
    assert all(r.entity_type == ADDRESS for r in results)
    return sorted((text[r.start : r.end], r.score) for r in results)


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("j'habite au 12 rue de la paix 75002 paris merci", "12 rue de la paix 75002 paris", R.STREET_POSTCODE_SCORE),
        ("12 rue Victor Hugo, 69003 Lyon", "12 rue Victor Hugo, 69003 Lyon", R.STREET_POSTCODE_SCORE),
        ("12, boulevard du 8 mai 1945 69003 lyon", "12, boulevard du 8 mai 1945 69003 lyon", R.STREET_POSTCODE_SCORE),
        ("12 rue du 1er mai 13001 marseille 2e", "12 rue du 1er mai 13001 marseille 2e", R.STREET_POSTCODE_SCORE),
        (
            "mon adresse: 3 place de la république 75011 Paris Cedex 07 et voilà",
            "3 place de la république 75011 Paris Cedex 07",
            R.STREET_POSTCODE_SCORE,
        ),
        ("12 Rue Saint-Honoré, 75001 Paris, France", "12 Rue Saint-Honoré, 75001 Paris", R.STREET_POSTCODE_SCORE),
        ("envoyez au 4 allée des pins 85000 la roche sur yon svp", "4 allée des pins 85000 la roche sur yon", 0.85),
        ("7 chemin des vignes 59650 villeneuve d'ascq", "7 chemin des vignes 59650 villeneuve d'ascq", 0.85),
        ("12 rue st. denis 75001 paris", "12 rue st. denis 75001 paris", R.STREET_POSTCODE_SCORE),
        ("rue de la paix 75002 paris", "rue de la paix 75002 paris", R.STREET_POSTCODE_NO_NUMBER_SCORE),
        ("livrer au 5 bis avenue jean jaurès svp", "5 bis avenue jean jaurès", R.STREET_STRONG_SCORE),
        ("12bis rue des lilas", "12bis rue des lilas", R.STREET_STRONG_SCORE),
        ("12-14 allée des tilleuls", "12-14 allée des tilleuls", R.STREET_STRONG_SCORE),
        ("3 av. foch", "3 av. foch", R.STREET_STRONG_SCORE),
        ("21 bd haussmann", "21 bd haussmann", R.STREET_STRONG_SCORE),
        ("8 IMPASSE DU MOULIN", "8 IMPASSE DU MOULIN", R.STREET_STRONG_SCORE),
        ("2 quai de la loire", "2 quai de la loire", R.STREET_STRONG_SCORE),
        ("10 route nationale 7", "10 route nationale 7", R.STREET_WEAK_SCORE),
        ("12 route de lyon", "12 route de lyon", R.STREET_WEAK_SCORE),
        # a weak type after "au" and a number, with a capitalised name
        ("remis au 5 place Bellecour à 14h", "5 place Bellecour", R.STREET_STRONG_SCORE),
        ("au 3e étage du 8 place Bellecour", "8 place Bellecour", R.STREET_STRONG_SCORE),  # "du" too
        ("passez au 3 cours Mirabeau", "3 cours Mirabeau", R.STREET_STRONG_SCORE),
        ("je suis avenue montaigne", "avenue montaigne", R.STREET_NO_NUMBER_SCORE),
        ("lieu-dit les granges", "lieu-dit les granges", R.STREET_NO_NUMBER_SCORE),
        # a named group of homes locates one without a number, when its name is written as a name
        ("bâtiment C, résidence Les Tilleuls", "résidence Les Tilleuls", R.NAMED_ESTATE_SCORE),
        ("au hameau de Vaux", "hameau de Vaux", R.NAMED_ESTATE_SCORE),
        ("Bât. B, Rés. Les Pins", "Rés. Les Pins", R.NAMED_ESTATE_SCORE),
        # the building's complements after the street or the estate
        (
            "on habite à la résidence Les Érables, bât. C, apt 12, 69100 Villeurbanne",
            "résidence Les Érables, bât. C, apt 12, 69100 Villeurbanne",
            0.75,
        ),
        ("5 rue des Lilas, esc B, 3e étage, porte 12", "5 rue des Lilas, esc B, 3e étage, porte 12", 0.6),
        ("12 rue Victor Hugo, appt. 4", "12 rue Victor Hugo, appt. 4", 0.6),
        ("résidence Les Tilleuls, bâtiment A", "résidence Les Tilleuls, bâtiment A", R.NAMED_ESTATE_SCORE),
        ("12 rue de la paix, porte a gauche", "12 rue de la paix", 0.6),  # "a" for "à"
        ("12 rue de la paix, porte à côté", "12 rue de la paix", 0.6),  # no label
        ("12 rue de la paix, apt je sais plus", "12 rue de la paix", 0.6),
        # ... or of firms
        ("la zone artisanale de Kerbois", "zone artisanale de Kerbois", R.NAMED_ESTATE_SCORE),
        ("envoyez à ZI des Glaisins, 74940 Annecy-le-Vieux", "ZI des Glaisins, 74940 Annecy-le-Vieux", 0.75),
        ("ma résidence principale", "résidence principale", R.STREET_NO_NUMBER_SCORE),
        # "r" for "rue": only with a postcode and a town after it
        ("5 r de la paix 75002 paris", "5 r de la paix 75002 paris", R.STREET_POSTCODE_SCORE),
        ("12 r. victor hugo, 69003 lyon", "12 r. victor hugo, 69003 lyon", R.STREET_POSTCODE_SCORE),
        # ... or typed "r." after a house number: a weak type, a postcode without its town
        ("mon adresse 12 bis r. de la paix 75002", "12 bis r. de la paix 75002", R.STREET_POSTCODE_SCORE),
        ("au 5 r. Victor Hugo", "5 r. Victor Hugo", R.STREET_STRONG_SCORE),
        ("j'habite 5 r. victor hugo", "5 r. victor hugo", R.STREET_WEAK_SCORE),
    ],
)
def test_street_addresses(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12 rue de la paix et je voudrais savoir", "12 rue de la paix"),
        ("au 12 rue de la paix. Merci", "12 rue de la paix"),
        ("12 rue de la paix.Paris", "12 rue de la paix"),
        ("12 rue de la paix 06 12 34 56 78", "12 rue de la paix"),
        ("livraison 8 rue des lilas 123456", "8 rue des lilas"),
        ("12 rue de la paix, merci beaucoup", "12 rue de la paix"),
        ("12 rue de la paix mais le colis n'est pas arrivé", "12 rue de la paix"),
        ("12 rue de la paix j'attends", "12 rue de la paix"),
        ("3 rue des Lilas depuis 2019", "3 rue des Lilas"),
    ],
)
def test_street_name_ends_at_chat_words(text: str, value: str) -> None:
    assert [v for v, _ in found(text)] == [value]


def test_postcode_before_a_street_is_not_a_town() -> None:
    assert found("12345 rue de la paix") == [("rue de la paix", R.STREET_NO_NUMBER_SCORE)]


def test_two_addresses_in_one_message() -> None:
    text = "avant 12 rue des lilas 75011 paris, maintenant 3 rue de la gare 69001 lyon"
    assert [v for v, _ in found(text)] == ["12 rue des lilas 75011 paris", "3 rue de la gare 69001 lyon"]


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        # towns of GeoNames' list, in any case
        ("75011 Paris", "75011 Paris", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("je suis à 69003 Lyon depuis", "69003 Lyon", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("envoyez à 85000 la roche sur yon merci", "85000 la roche sur yon", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("75011 paris la semaine prochaine", "75011 paris", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("97110 Pointe-à-Pitre", "97110 Pointe-à-Pitre", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("20000 Ajaccio", "20000 Ajaccio", R.POSTCODE_KNOWN_TOWN_SCORE),
        ("18100 vierzon ce week-end", "18100 vierzon", R.POSTCODE_KNOWN_TOWN_SCORE),
        # a town of no list: the context words must lift it
        ("12345 Blorville", "12345 Blorville", R.POSTCODE_TOWN_SCORE),
        ("12345 blorville", "12345 blorville", R.POSTCODE_TOWN_LOWER_SCORE),
        # a French word in lower case is a unit before a town ("84100 orange": Orange, Vaucluse)
        ("84100 orange", "84100 orange", R.POSTCODE_TOWN_LOWER_SCORE),
    ],
)
def test_standalone_postcode_and_town(text: str, value: str, score: float) -> None:
    assert found(text) == [(value, score)]


def test_scores_are_ordered() -> None:
    assert R.POSTCODE_TOWN_LOWER_SCORE < R.POSTCODE_TOWN_SCORE < R.STREET_WEAK_SCORE < R.STREET_STRONG_SCORE
    assert R.STREET_NO_NUMBER_SCORE < R.STREET_STRONG_SCORE < R.STREET_POSTCODE_SCORE


@pytest.mark.parametrize(
    "text",
    [
        "bonjour, je n'ai pas reçu ma commande 123456",
        "commande 12345 annulée",
        "j'ai payé 12000 euros",
        "il y a 25000 habitants",
        "le colis devait arriver le 12/03/2024",
        "le 12 mars à 14h",
        "la rue est bloquée",
        "un ecrue de laine",
        "2 rues plus loin",
        "je voudrais 2 places pour samedi",
        "j'ai 3 cours demain",  # weak type, no name
        "2 route",
        "00123 paris",  # no department 00
        "96000 test",  # nor 96
        "123456 paris",  # 6 digits
        "mon numéro c'est le 06 12 34 56 78 merci",
        "siret 732 829 320 00074",
        "j'ai 2 r à faire",  # "r" without a postcode and a town
        "3 r des lilas",
        "la série 5 r design 75000 km",
        "je travaille en zone industrielle",  # no name
        "c'est en ZA",
        "res les pins",  # an abbreviation and a name in lower case
    ],
)
def test_no_match_in_ordinary_chat(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("1 place de parking", R.STREET_WEAK_SCORE),  # weak street types stay below 0.5
        ("2 cours de yoga", R.STREET_WEAK_SCORE),
        ("il reste au 2 cours de yoga", R.STREET_WEAK_SCORE),  # after "au", a name in lower case
        ("un gâteau 2 place Nette", R.STREET_WEAK_SCORE),  # "au" inside a word
        ("dans la rue principale", R.STREET_NO_NUMBER_SCORE),
        ("la série 5 r. design", R.STREET_WEAK_SCORE),  # "r." after a number: weak, as "place"
    ],
)
def test_ambiguous_phrases_score_low(text: str, score: float) -> None:
    results = found(text)
    assert len(results) == 1
    assert results[0][1] == score < 0.5


@pytest.mark.parametrize(
    ("postcode", "plausible"),
    [("75011", True), ("01000", True), ("20000", True), ("97110", True), ("98000", True), ("00123", False)],
)
def test_plausible_postcode(postcode: str, plausible: bool) -> None:
    assert plausible_postcode(postcode) is plausible


FAKE = Faker("fr_FR")


@given(seed=st.integers(0, 2**32 - 1), lower=st.booleans())
def test_property_faker_addresses_are_found_whole(seed: int, lower: bool) -> None:
    FAKE.seed_instance(seed)
    street = FAKE.street_address()  # "12, rue de Martin"
    postcode, city = FAKE.postcode(), FAKE.city()
    full = f"{street} {postcode} {city}"
    if lower:
        full = full.lower()
    text = f"bonjour, mon adresse est {full}"
    start = text.index(full)
    expected_end = len(text) if plausible_postcode(postcode) else start + len(street)
    results = R.analyze(text, [ADDRESS])
    assert [(r.entity_type, r.start, r.end) for r in results] == [(ADDRESS, start, expected_end)]
    assert results[0].score >= R.STREET_STRONG_SCORE
