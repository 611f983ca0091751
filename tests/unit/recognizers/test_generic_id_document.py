"""IdDocumentRecognizer: passport, identity card, driving licence and residence permit numbers after
the document's name, in FR/NL/EN (fictitious numbers)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers.entities import EVAL_LABEL, ID_DOCUMENT
from recognizers.generic.id_document import IdDocumentRecognizer, is_date

RECOGNIZERS = {lang: IdDocumentRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    results = RECOGNIZERS[language].analyze(text, [ID_DOCUMENT])
    return [(text[r.start : r.end], round(r.score, 2)) for r in results]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my passport number is 123456789", "123456789"),
        ("en", "passport no. 123456789 thanks", "123456789"),
        ("en", "my driver's license number is 2270-66-1551", "2270-66-1551"),
        ("en", "My driver's license number is F162823540116", "F162823540116"),
        ("en", "UK driving licence: MORGA753116SM9IJ", "MORGA753116SM9IJ"),
        ("en", "her ID card is 4Y7K92L0", "4Y7K92L0"),
        ("en", "Residence permit number ZU1234567", "ZU1234567"),
        ("fr", "mon numéro de passeport est le 12AB34567", "12AB34567"),
        ("fr", "n° de carte d'identité : 123456789012", "123456789012"),
        ("fr", "ma carte nationale d’identité n° X4RTBPFW4", "X4RTBPFW4"),
        ("fr", "mon titre de séjour n° 1234567890", "1234567890"),
        ("fr", "mon permis n° 12AB34567", "12AB34567"),  # the driving licence, named short
        ("fr", "permis de conduire 12AA34567", "12AA34567"),
        ("nl", "mijn paspoortnummer is NXC3R8P21", "NXC3R8P21"),
        ("nl", "rijbewijsnummer: 5123456789", "5123456789"),
        ("nl", "mijn eID-kaart 592-1234567-89", "592-1234567-89"),
        ("nl", "het documentnummer van mijn ID-kaart is IR12345K7", "IR12345K7"),
        ("nl", "verblijfsvergunning nr. V12345678", "V12345678"),
        ("en", "my passport number is AB 123456", "AB 123456"),  # capitals before a space
        ("en", "DL# D1234567 issued in California", "D1234567"),  # US forms' abbreviation
        ("en", "my medicare number is 1EG4-TE5-MK73", "1EG4-TE5-MK73"),
        # the issuing country's adjective between the name and the number
        ("fr", "n° de carte d'identité belge 592-1234567-89", "592-1234567-89"),
        ("nl", "mijn Belgische identiteitskaart 592-1234567-89", "592-1234567-89"),
        ("en", "BRP number ZU1234567", "ZU1234567"),  # the UK's biometric residence permit
    ],
)
def test_numbers_after_the_documents_name(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, 0.7)]


# Each number fails its own check (elfproef, NIR key, mod 97, SSN rules, NINO prefix): mistyped or
# invented, still named as the person's national number.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mijn bsn: 111222334", "111222334"),
        ("en", "my Irish PPS number is 1234567TA", "1234567TA"),  # Ireland's personal public service number
        ("en", "PPSN: 1234567T", "1234567T"),
        ("nl", "burgerservicenummer is 12345678", "12345678"),
        ("nl", "rijksregisternummer 85.07.30-033.29", "85.07.30-033.29"),
        ("nl", "mijn sofinummer 123456789", "123456789"),
        ("fr", "mon numéro de sécurité sociale est 2 69 05 49 588 157 81", "2 69 05 49 588 157 81"),
        ("fr", "ma carte vitale a le numéro 1 84 12 75 108 025 44", "1 84 12 75 108 025 44"),  # key mistyped
        ("fr", "numéro national 85073003329", "85073003329"),
        ("fr", "NIR : 169054958815781", "169054958815781"),
        ("en", "my SSN is 123-45-6789", "123-45-6789"),
        ("en", "my NI number is QQ 12 34 56 C", "QQ 12 34 56 C"),  # with its suffix letter
        ("en", "my SSN is 123-45-6789 I think", "123-45-6789"),  # a capital beyond D is a word
        ("en", "national insurance number: 12345678", "12345678"),
        ("en", "BSN 8141.91.552", "8141.91.552"),
        ("fr", "mon numéro fiscal est 1234567890123", "1234567890123"),  # tax numbers: no public check
        ("fr", "identifiant fiscal : 0123456789012", "0123456789012"),
        ("nl", "mijn fiscaal nummer is 123456789", "123456789"),
        ("en", "my UTR is 1234567890", "1234567890"),
        ("en", "tax id 12-3456789", "12-3456789"),
        ("en", "EIN 12-3456789 for my LLC", "12-3456789"),  # a sole trader's employer number
    ],
)
def test_numbers_after_a_national_numbers_name(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [(expected, 0.5)]


@pytest.mark.parametrize(
    ("language", "text", "expected_type"),
    [
        ("nl", "mijn bsn: 111222333", "NL_BSN"),  # passes the elfproef
        ("nl", "mijn bsn: 111222334", ID_DOCUMENT),
        ("fr", "mon NIR est 2 69 05 49 588 157 80", "FR_NIR"),
        ("nl", "rijksregisternummer 85.07.30-033.28", "BE_NATIONAL_NUMBER"),
        ("en", "my NI number is AB 12 34 56 C", "UK_NINO"),
        ("en", "NHS number 943 476 5919", "UK_NHS"),  # not the US phone of the same digits
        ("en", "my SSN is 123-45-6789", ID_DOCUMENT),
    ],
)
def test_a_number_that_passes_its_check_keeps_its_type(
    real_detector: Detector, language: str, text: str, expected_type: str
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [e.entity_type for e in entities if e.entity_type not in ("ORGANIZATION", "PERSON")] == [expected_type]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my passport expires 12/03/2031"),  # a word that is no filler ends the search
        ("en", "passport number: 12/03/2031"),  # a date
        ("en", "identity card 2 weeks ago"),  # too short
        ("en", "ID card number is 1111111"),  # one repeated digit
        ("en", "my passport photo costs 12.50"),
        ("en", "passport number is ABCDEFGH"),  # no digit
        ("en", "my licence number is 1234"),  # too short
        ("fr", "J'ai perdu mon passeport. Ma commande 12345678 est en retard"),
        ("fr", "passeport valable jusqu'au 12/03/2031"),
        ("nl", "mijn rijbewijs heb ik sinds 2010"),
        ("nl", "rijbewijs B, klantnummer 12345678"),
        ("nl", "paspoort\n12345678"),  # another line
        ("en", "passport; order 12345678"),
        ("en", "the tin can 12345"),  # "can" is no filler word
        ("fr", "j'ai le permis depuis 2010"),
    ],
)
def test_other_numbers_near_a_documents_name_are_not_reported(language: str, text: str) -> None:
    assert found(language, text) == []


def test_a_number_without_the_documents_name_is_not_reported() -> None:
    for language in RECOGNIZERS:
        assert found(language, "ma commande 12AB34567 / mijn bestelling NXC3R8P21 / order 123456789") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12/03/2031", True), ("2031-03-12", True), ("1.3.31", True), ("2270-66-1551", False), ("12-13-2020", False)],
)
def test_is_date(value: str, expected: bool) -> None:
    assert is_date(value) is expected


def test_scored_as_a_national_identifier() -> None:
    assert EVAL_LABEL[ID_DOCUMENT] == "NATIONAL_ID"


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "Hi, this is Jane. My passport number is 123456789, can you update it?", "123456789"),
        ("fr", "Bonjour, mon numéro de passeport est le 12AB34567 merci", "12AB34567"),
        ("nl", "Hoi, mijn paspoortnummer is NXC3R8P21 en mijn rijbewijs 5123456789", "NXC3R8P21"),
    ],
)
def test_the_detector_reports_it(real_detector: Detector, language: str, text: str, value: str) -> None:
    (entities,) = real_detector.detect([text], [language])
    start = text.index(value)
    assert (ID_DOCUMENT, start, start + len(value)) in [(e.entity_type, e.start, e.end) for e in entities]
