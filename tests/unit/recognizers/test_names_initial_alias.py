"""InitialAliasRecognizer: people named by one initial in French rulings, and letters that are labels."""

from __future__ import annotations

import pytest

from recognizers.entities import PERSON
from recognizers.names.initial_alias import InitialAliasRecognizer

RECOGNIZER = InitialAliasRecognizer("fr")


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, [PERSON]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alors que K était soumis à un contre-interrogatoire", ["K"]),
        ("le témoignage de W. était injuste", ["W."]),
        ("Le 16 octobre 1998, W. a témoigné.", ["W."]),
        ("[L.] a indiqué aux policiers qu'elle viendrait", ["L."]),
        ('ils ont été poursuivis par " K ", un ancien patient', ["K"]),
        ("la relation entre le médecin et K.", ["K."]),
        ("le témoin, W., a dit qu'il était absent", ["W."]),  # after a noun for a person
    ],
)
def test_a_person_named_by_an_initial(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "j'ai le permis de type B",
        "tout est expliqué de A à Z",
        "je prends l'option B",
        "il faut de la vitamine D",
        "au bâtiment C, escalier B",
        "les détenus de catégories A (à haut risque) et B",
        "rendez-vous au point de B",
        "je suis passé par A puis par B",
        "choisissez entre A et B",
        "mon fils (8 ans) est malade",
    ],
)
def test_a_letter_that_labels_a_thing(text: str) -> None:
    assert found(text) == []


def test_registered_for_french_only() -> None:
    from recognizers import build_recognizers
    from recognizers.settings import RecognizerSettings

    names = {
        language: {type(r).__name__ for r in build_recognizers(language, RecognizerSettings())}
        for language in ("fr", "nl", "en")
    }
    assert "InitialAliasRecognizer" in names["fr"]
    assert "InitialAliasRecognizer" not in names["nl"] | names["en"]
