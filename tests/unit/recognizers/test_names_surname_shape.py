"""SurnameShapeRecognizer: surnames in no list, told by their ending (fictitious people)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers import build_recognizers
from recognizers.entities import PERSON
from recognizers.names.surname_shape import SurnameShapeRecognizer
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
RECOGNIZERS = {lang: SurnameShapeRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [PERSON])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Is there a better example than early Živković?", ["Živković"]),
        ("en", "Nekolná and Pearson were precision engineers.", ["Nekolná"]),
        ("en", "Gudmundsdóttir signed for it", ["Gudmundsdóttir"]),
        ("en", "Tkachenko said it would come monday", ["Tkachenko"]),
        ("en", "ask Anna Wiśniewska-Nowicka to call back", ["Anna Wiśniewska-Nowicka"]),
        ("fr", "Mavrogiannakis a signé le bon", ["Mavrogiannakis"]),
        ("fr", "le colis est pour Petrosyan", ["Petrosyan"]),
        ("nl", "Wij hebben Dumitrescu gebeld", ["Dumitrescu"]),
        ("nl", "KARAMANOGLU tekende voor ontvangst", ["KARAMANOGLU"]),
        # a phone number after the name is no house number
        ("en", "call Kowalczyk 06 12 34 56 78", ["Kowalczyk"]),
    ],
)
def test_surname_shaped_words(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Poisson d'avril !"),  # a word of the language
        ("fr", "Hérisson et Saucisson"),
        ("en", "The Lesson was long"),  # too short an ending's word, and a word
        ("en", "I love Alaska and Nebraska"),  # places
        ("en", "a Paraguayan and a Himalayan cat"),  # "-yan" after a vowel: adjectives
        ("en", "my Supernova lamp"),
        ("nl", "de Moesson kwam vroeg"),  # a Dutch word of the lemma tables
        ("nl", "We kunnen wonen in Zeist"),  # "-nen" is not read in Dutch
        ("en", "meet at 641 Dašická 688, Praha"),  # a street before its house number
        ("en", "ul. Kowalczyk 5, Warszawa"),  # a Polish street
        ("en", "tkachenko in lower case"),  # lower case is not read
    ],
)
def test_not_a_surname(language: str, text: str) -> None:
    assert found(language, text) == []


def test_built_for_every_language_and_screened() -> None:
    for language in ("fr", "nl", "en"):
        assert "SurnameShapeRecognizer" in {type(r).__name__ for r in build_recognizers(language)}
    assert "nen" in RECOGNIZERS["en"].screen_regexes()[0] and "nen" not in RECOGNIZERS["nl"].screen_regexes()[0]


def test_the_detector_reports_a_surname_opening_a_sentence(real_detector: Detector) -> None:
    text = "Tkachenko said it would come monday."
    (entities,) = real_detector.detect([text], ["en"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities if e.start == 0] == [(PERSON, "Tkachenko")]
