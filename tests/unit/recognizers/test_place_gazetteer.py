"""GeoNames' towns (``place_gazetteer``) after a place cue (``PlaceCueRecognizer``) or a place
preposition (``NameLookupRecognizer``), fr/nl/en.

Towns are real places (no personal data); every person's name here is fictitious.
"""

from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

import pytest

from processors.detection import Detector
from recognizers.entities import ADDRESS, LOCATION, PERSON
from recognizers.generic.place_cue import PlaceCueRecognizer
from recognizers.names import place_gazetteer
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.names.place_gazetteer import GAZETTEER, gazetteer_places
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
RECOGNIZERS = {lang: PlaceCueRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in RECOGNIZERS[language].analyze(text, [])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # lower-case towns the curated lists do not know, after a place cue
        ("en", "i live in harrogate", [(LOCATION, "harrogate")]),
        ("en", "we moved to kettering last year", [(LOCATION, "kettering")]),
        ("en", "my friend lives in harburg", [(LOCATION, "harburg")]),  # a German city of 100,000 or more
        ("fr", "je vis a plouzane depuis 2 ans", [(LOCATION, "plouzane")]),
        ("fr", "je suis à vierzon ce week-end", [(LOCATION, "vierzon")]),  # a weak cue: no dictionary word
        ("en", "im in kettering", [(LOCATION, "kettering")]),  # ... or a town of 10,000 or more
        ("fr", "j'habite a st etienne", [(LOCATION, "st etienne")]),  # "Saint-Étienne" as chat shortens it
        ("fr", "on vient de déménager à sarlat", [(LOCATION, "sarlat")]),  # "Sarlat-la-Canéda"
        # a town after an address, in lower case
        ("en", "deliver to 12 high street, kettering", [(ADDRESS, "12 high street, kettering")]),
        # places near which one lives
        ("en", "we live near harrogate", [(LOCATION, "harrogate")]),
        ("fr", "j'habite près de Lyon", [(LOCATION, "Lyon")]),
        ("nl", "ik woon vlakbij Zwolle", [(LOCATION, "Zwolle")]),
        # a shorter cue inside a longer one that found nothing: "ik kom uit" then "uit de buurt van"
        ("nl", "ik kom uit de buurt van utrecht", [(LOCATION, "utrecht")]),
    ],
)
def test_gazetteer_towns_after_cues(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # after a weak cue, a lower-case village named like a dictionary word stays a word
        ("en", "i'm in stock"),
        ("en", "currently in stock"),
        ("en", "near the door"),
        ("en", "close to 50 pounds"),
        ("fr", "je suis à la maison"),
        ("fr", "pas loin de 20 euros"),
        # a common phrase that a hamlet is named after ("De Buurt")
        ("nl", "ik kom uit de buurt"),
        ("nl", "het ligt dichtbij de ingang"),
    ],
)
def test_words_after_cues_are_no_towns(language: str, text: str) -> None:
    assert found(language, text) == []


def test_a_signature_after_an_address_is_no_town() -> None:
    """Mitchell (South Dakota) and Robinson (Illinois) are towns; after an address in lower case a
    known name opens a signature, not a town."""
    text = "my address is 111 gill union, mitchell robinson here"
    assert found("en", text) == [(ADDRESS, "111 gill union")]
    assert PERSON not in {entity for entity, _ in found("en", text)}


def test_towns_named_like_common_words_do_not_count() -> None:
    en = RECOGNIZERS["en"]
    assert en._gazetteer_place("harrogate")
    assert "street" in en.gazetteer and not en._gazetteer_place("street")  # Street, Somerset
    assert "hope" in en.gazetteer and not en._gazetteer_place("hope")  # Hope, Derbyshire
    fr = RECOGNIZERS["fr"]
    assert fr._gazetteer_place("sarlat")  # Sarlat-la-Canéda, shortened
    assert "digne" in fr.gazetteer_heads and not fr._gazetteer_place("digne")  # Digne-les-Bains: a word
    assert "saint" not in fr.gazetteer_heads  # Saint-Étienne is not "saint"


def test_each_language_reads_its_countries() -> None:
    assert "Vierzon" in gazetteer_places("fr")
    assert "Vierzon" not in gazetteer_places("en")  # 27,000 inhabitants, in France
    assert "Harrogate" in gazetteer_places("en")
    assert "Marseille" in gazetteer_places("nl")  # a city of 100,000 or more: in every language


def test_shipped_list_names_its_source_and_licence() -> None:
    data = resources.files("recognizers").joinpath("data", GAZETTEER).read_bytes()
    header = gzip.decompress(data).decode("utf-8").splitlines()[0]
    assert "GeoNames" in header
    assert "CC BY 4.0" in header


def test_gazetteer_keys_come_back_from_the_start_up_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Made once, then read back equal from the cache; a damaged entry is made again."""
    monkeypatch.setenv("PIIFLOW_CACHE_DIR", str(tmp_path / "cache"))
    made: list[str] = []
    read = place_gazetteer._read_gazetteer_keys

    def counting(language: str) -> tuple[frozenset[str], frozenset[str]]:
        made.append(language)
        return read(language)

    monkeypatch.setattr(place_gazetteer, "_read_gazetteer_keys", counting)
    first = place_gazetteer.gazetteer_keys.__wrapped__("fr")
    second = place_gazetteer.gazetteer_keys.__wrapped__("fr")
    assert made == ["fr"]
    assert second == first
    assert "vierzon" in first[0] and "sarlat" in first[1]
    [entry] = (tmp_path / "cache" / place_gazetteer.GAZETTEER_CACHE).glob("*.json")
    entry.write_bytes(entry.read_bytes().replace(b'"vierzon"', b'"vierzom"'))  # no longer its digest
    assert place_gazetteer.gazetteer_keys.__wrapped__("fr") == first
    assert made == ["fr", "fr"]


NAME_LOOKUP = {lang: NameLookupRecognizer(LEXICONS, lang) for lang in ("fr", "en")}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a lower-case town after a place preposition, no cue phrase needed
        ("en", "the parcel is stuck in harrogate", [(LOCATION, "harrogate")]),
        ("fr", "le colis est bloqué à vierzon", [(LOCATION, "vierzon")]),
        ("fr", "il est parti à mont-de-marsan hier", [(LOCATION, "mont-de-marsan")]),  # hyphenated, accents
        ("fr", "le colis est bloqué à sète", [(LOCATION, "sète")]),
        # a town of 10,000 or more whose name the French dictionary lists too
        ("fr", "il est parti à rodez hier", [(LOCATION, "rodez")]),
        # in English, whose dictionary lists its towns' names, one that is rare in lower case
        ("en", "it was sent from salisbury", [(LOCATION, "salisbury")]),
        ("en", "my order went to halifax instead", [(LOCATION, "halifax")]),
        # words, people and firms stay what they are
        ("en", "it is in stock", []),
        ("fr", "je suis à fond", []),
        ("fr", "c'est payable à vue", []),  # Vue, Loire-Atlantique: 1,600 inhabitants
        ("en", "selma is from stillwater supercomputing inc.", []),  # a firm named after its town
    ],
)
def test_gazetteer_towns_after_a_place_preposition(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    results = NAME_LOOKUP[language].analyze(text, [])
    assert [(r.entity_type, text[r.start : r.end]) for r in results if r.entity_type == LOCATION] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a capitalised town after a preposition that introduces places, which the curated lists miss
        ("en", "the parcel is stuck in Penzance", [(LOCATION, "Penzance")]),
        ("en", "the driver is in Thirsk now", [(LOCATION, "Thirsk")]),
        ("fr", "la commande est arrivée à Lunel", [(LOCATION, "Lunel")]),
        # a person's name or a dictionary word only for a town of 10,000 or more
        ("en", "the parcel is stuck in Winchester", [(LOCATION, "Winchester")]),
        # not after a preposition people follow as often ("to", "from"), nor a month or a common word
        ("en", "it was sent from Widnes", []),
        ("en", "see you in March", []),
        ("en", "Item Is In Stock", []),
        ("en", "In Penzance the weather is fine", [(LOCATION, "Penzance")]),  # after the sentence's first word
    ],
)
def test_capitalised_gazetteer_towns_after_a_strong_place_preposition(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    results = NAME_LOOKUP[language].analyze(text, [])
    assert [(r.entity_type, text[r.start : r.end]) for r in results if r.entity_type == LOCATION] == expected


def test_a_model_entity_that_cannot_hold_a_place_does_not_hide_the_town(real_detector: Detector) -> None:
    # the small English model reads "Stavanger last year" as a date and "Chorley" as a nationality
    for text, town in (("we met in Stavanger last year", "Stavanger"), ("The driver is in Chorley now", "Chorley")):
        (entities,) = real_detector.detect([text], ["en"])
        assert (LOCATION, town) in [(e.entity_type, text[e.start : e.end]) for e in entities]


def test_english_towns_whose_names_are_frequent_words_are_no_towns_whatever_their_size() -> None:
    assert place_gazetteer.lexeme_probabilities("en") is not None  # spacy-lookups-data, a dependency
    towns = place_gazetteer.gazetteer_keys("en")[2]
    assert {"kettering", "salisbury", "halifax"} <= towns  # rare in lower case
    assert not {"reading", "bath", "rugby", "split"} & towns  # frequent words of English
    assert place_gazetteer.lexeme_probabilities("fr") is None  # French has no table: its rule stays
