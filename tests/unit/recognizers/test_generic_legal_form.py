"""Companies named with their legal form (``recognizers.generic.legal_form``). Fictitious firms."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import ORGANIZATION
from recognizers.generic.legal_form import LegalFormRecognizer
from recognizers.settings import DEFAULT_LEXICON_DIR

RECOGNIZERS = {lang: LegalFormRecognizer(lang, DEFAULT_LEXICON_DIR) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [ORGANIZATION])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "La facture est au nom de ma société, SARL Dubois Frères", ["SARL Dubois Frères"]),
        ("fr", "je travaille pour la SAS Martin Logistique à Lille", ["SAS Martin Logistique"]),
        ("fr", "ma boîte Dupont Rénovation SARL n'a pas reçu le virement", ["Dupont Rénovation SARL"]),
        ("fr", "mon entreprise, EURL Petit Conseil, est cliente", ["EURL Petit Conseil"]),
        ("fr", "la SCI Leroy et Fils a signé", ["SCI Leroy et Fils"]),
        ("fr", "le contrat de Garnier Immobilier SA est résilié", ["Garnier Immobilier SA"]),  # after the name
        ("nl", "ik werk bij Bakker Transport BV in Zwolle", ["Bakker Transport BV"]),
        ("nl", "de factuur voor Jansen Installatietechniek B.V. klopt niet", ["Jansen Installatietechniek B.V."]),
        ("nl", "Peeters & Zonen BVBA heeft betaald", ["Peeters & Zonen BVBA"]),
        ("en", "the invoice is addressed to Harper & Lane Ltd", ["Harper & Lane Ltd"]),
        ("en", "I'm the director of Whitfield Consulting Limited", ["Whitfield Consulting Limited"]),
        ("en", "please bill Kowalski Brothers LLC instead", ["Kowalski Brothers LLC"]),
        ("en", "my company, Patel Holdings plc, pays by direct debit", ["Patel Holdings plc"]),
        ("en", "Contact Harper Ltd. about it", ["Harper Ltd."]),  # a verb opening the sentence is no name
        ("en", "Jeremy Hartmann of Gradiant Research LLC spoke", ["Gradiant Research LLC"]),  # a person before "of"
        ("en", "suppliers: Ranku, Biovia and Miller Ltd. and others", ["Miller Ltd."]),  # a list of firms
    ],
)
def test_a_company_with_its_legal_form(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "elle a perdu sa carte"),  # "sa" in lower case is a possessive
        ("en", "we shipped it to Las Vegas, NV last week"),  # a state after a comma
        ("en", "send it to Reno NV 89501"),  # a state before its postcode
        ("en", "the AG said no"),  # no capitalised word next to the form
        ("en", "a limited offer, Limited stock"),  # the word, not the form after a name
        ("nl", "mijn CV staat online"),  # a résumé
    ],
)
def test_no_company(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_screen_regex_finds_the_forms_the_recognizer_reads() -> None:
    import re2

    (regex,) = RECOGNIZERS["en"].screen_regexes()
    compiled = re2.compile(regex)
    assert compiled.search("Bakker Transport B.V.") is not None
    assert compiled.search("no legal form in this message") is None
    assert RECOGNIZERS["en"].analyze("ik werk bij Bakker BV", ["PERSON"]) == []


def test_the_detector_reports_the_whole_firm(real_detector: Detector) -> None:
    text = "La facture est au nom de ma société, SARL Dubois Frères"
    (entities,) = real_detector.detect([text], ["fr"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [(ORGANIZATION, "SARL Dubois Frères")]
