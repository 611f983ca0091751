"""TextRecognizer: the shared ``load``/``analyze`` of the recognizers that read the text themselves."""

from __future__ import annotations

from recognizers.entities import ORGANIZATION, PERSON, PHONE_NUMBER
from recognizers.generic.legal_form import LegalFormRecognizer
from recognizers.generic.spelled_phone import SpelledPhoneRecognizer

TEXT = "au nom de ma société, SARL Dubois Frères"


def test_analyze_answers_only_for_the_entities_asked_for() -> None:
    recognizer = LegalFormRecognizer("fr")
    found = [(r.entity_type, TEXT[r.start : r.end]) for r in recognizer.analyze(TEXT, [ORGANIZATION, PERSON])]
    assert found == [(ORGANIZATION, "SARL Dubois Frères")]
    assert recognizer.analyze(TEXT, []) != []  # no entities asked: every type
    assert recognizer.analyze(TEXT, [PERSON, PHONE_NUMBER]) == []


def test_load_has_nothing_to_do() -> None:
    recognizer = SpelledPhoneRecognizer("fr")
    recognizer.load()
    text = "zéro six douze trente-quatre cinquante-six soixante-dix-huit"
    assert [r.entity_type for r in recognizer.analyze(text, [PHONE_NUMBER])] == [PHONE_NUMBER]
