"""AccountNumberRecognizer: customer, account, member, policy and patient numbers (fictitious)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ACCOUNT_NUMBER, ALL_ENTITIES, EVAL_LABEL
from recognizers.generic.account_number import AccountNumberRecognizer

RECOGNIZERS = {lang: AccountNumberRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [ACCOUNT_NUMBER])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "hoi, mijn klantnummer is 4839201", "4839201"),
        ("nl", "Polisnummer: 12.345.678", "12.345.678"),
        ("nl", "mijn lidnummer 88123 klopt niet", "88123"),  # the words after it are no group
        # a member number in six groups (a French mutual insurer's is the holder's NIR): whole
        ("fr", "ma mutuelle c'est la MGEN, numéro adhérent 1 85 07 75 123 456", "1 85 07 75 123 456"),
        ("nl", "patiëntnummer 2048771", "2048771"),
        ("fr", "numéro client : CL-2024-00183", "CL-2024-00183"),  # a letter prefix
        ("fr", "mon numéro de contrat est le 2023/456789", "2023/456789"),
        ("fr", "n° d'adhérent 5521 svp", "5521"),
        ("en", "my account number is 12345678 and", "12345678"),
        ("fr", "mon numéro de compte est 12345678901", "12345678901"),
        ("nl", "mijn rekeningnummer is 123456789", "123456789"),
        ("en", "Customer ID: ab12345", "ab12345"),
        ("en", "policy no. 99-123-456 expired", "99-123-456"),
        # the numbers employers, schools, insurers and loyalty schemes give people
        ("en", "my employee number is E48213", "E48213"),
        ("en", "student ID 20231234", "20231234"),
        ("en", "my loyalty card number is 6342 1234 5678", "6342 1234 5678"),
        ("fr", "mon matricule est 482913", "482913"),
        ("fr", "numéro de mutuelle 1234567", "1234567"),
        ("fr", "numéro étudiant 21904455", "21904455"),
        ("nl", "mijn personeelsnummer is 48213", "48213"),
        ("nl", "zorgpasnummer 123456789", "123456789"),
        ("nl", "mijn zorgverzekeringsnummer is 987654321", "987654321"),
        ("fr", "mon numéro pôle emploi 1234567A", "1234567A"),  # the job seekers' register
        ("fr", "identifiant France Travail : 7654321B", "7654321B"),
        ("nl", "mijn studentnummer 1234567", "1234567"),
        ("en", "membership number is 4451 2210", "4451 2210"),
        ("fr", "numéro adhérent mutuelle 4587123", "4587123"),
        # an energy supply point and its meter, a SIM card, a porting code, a frequent flyer's card
        ("nl", "mijn EAN-code is 871687120000123456 voor stroom", "871687120000123456"),
        ("nl", "EAN code gas: 871694840000123457", "871694840000123457"),
        ("nl", "mijn meternummer is 12345678", "12345678"),
        ("nl", "mijn simkaartnummer is 8931440400012345678", "8931440400012345678"),
        ("fr", "mon numéro PDL est le 14295632145896", "14295632145896"),
        ("fr", "le PRM de mon compteur Linky : 09123456789012", "09123456789012"),
        ("fr", "numéro PCE GI123456", "GI123456"),
        ("fr", "mon numéro de carte SIM (ICCID) 8933150319123456789", "8933150319123456789"),
        ("fr", "mon code RIO est 01P123456ABC", "01P123456ABC"),
        ("fr", "ma carte Flying Blue n° 1234567890", "1234567890"),
        ("en", "gas meter MPRN 1234567890", "1234567890"),
        ("en", "my meter serial is E10BG12345", "E10BG12345"),
        ("en", "SIM number 8944110068256270054 please unlock", "8944110068256270054"),
        ("en", "my PAC code is ABC123456", "ABC123456"),
        ("en", "my frequent flyer number is BA12345678", "BA12345678"),
    ],
)
def test_a_number_after_its_name(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UK bank details, one right after the other: the first match must not hide the second
        ("sort code 20-00-00 a/c 12345678", ["20-00-00", "12345678"]),
        ("sort code 20-00-00 account number 12345678", ["20-00-00", "12345678"]),
        ("my account number is 12345678 and sort code 12-34-56", ["12345678", "12-34-56"]),
        ("acc no: 41207788", ["41207788"]),
        ("sort code 20-00-00 acc 55779911", ["20-00-00", "55779911"]),  # "acc" alone
        ("acct. 00482913", ["00482913"]),
        ("sort code 20-00-00 account 12345678", ["20-00-00", "12345678"]),  # the bare word: eight digits
        ("my account is 41207788.", ["41207788"]),
    ],
)
def test_uk_bank_details(text: str, expected: list[str]) -> None:
    assert found("en", text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "My routing number is 021000021 and account 123456789012.", ["021000021", "123456789012"]),
        ("en", "The patient, John Smith (MRN 12345678), was admitted.", ["12345678"]),
        ("en", "his medical record number is A-4482913", ["A-4482913"]),
        ("fr", "numéro IPP 80012345", ["80012345"]),
        ("nl", "ziekenhuisnummer 1234567", ["1234567"]),
    ],
)
def test_us_bank_details_and_patient_numbers(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "bestelling 4839201 is niet aangekomen"),  # an order names a transaction
        ("fr", "numéro de commande 55321"),
        ("en", "order 55321 never arrived"),
        ("en", "my invoice number is 2024-0042"),
        ("nl", "klantnummer is onbekend"),  # no number
        ("en", "customer number is 123"),  # fewer than four characters
        ("en", "4839201"),  # alone: an order number as often as anything
        ("en", "in my account - 07808 608095"),  # "account" alone: a phone number follows as often
        ("en", "student discount of 20 percent"),
        # after the bare word, eight digits, or nine to seventeen that do not open with 0 (a phone's trunk)
        ("en", "account 012345678 and account 1234"),
        ("en", "I have had this account 10 years"),
        ("fr", "compte 12345678 svp"),  # the bare word counts in English only
        ("en", "the meter reading is 04512"),  # a reading, not the meter's number
        ("nl", "de meterstand is 04512"),
        ("fr", "mon compteur affiche 04512 kWh"),
        ("fr", "les JO de Rio 2016"),  # "code RIO" only
    ],
)
def test_no_account_number(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert ACCOUNT_NUMBER in ALL_ENTITIES and ACCOUNT_NUMBER not in EVAL_LABEL


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_training_surrogates_are_numbers(language: str) -> None:
    fake = surrogate(ACCOUNT_NUMBER, language, b"\x02" * 32)
    assert fake is not None and fake.isdigit() and len(fake) == 8
    assert fake == surrogate(ACCOUNT_NUMBER, language, b"\x02" * 32)


def test_the_detector_reports_it_and_an_iban_stays_an_iban(real_detector: Detector) -> None:
    text = "Mijn klantnummer is 4839201, rekening NL91ABNA0417164300"
    (entities,) = real_detector.detect([text], ["nl"])
    spans = [(e.entity_type, text[e.start : e.end]) for e in entities]
    assert ("ACCOUNT_NUMBER", "4839201") in spans
    assert ("IBAN_CODE", "NL91ABNA0417164300") in spans


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "12345678", "12345678"),
        ("nl", "CL-2024-00183.", "CL-2024-00183"),
        ("fr", "(4839201)", "4839201"),
        ("en", "0612345678", "0612345678"),  # the question says what it is, whatever its shape
        ("en", "no idea", None),
        ("en", "12", None),  # too short for an identifier
        ("en", "it is 12345678 I think", None),  # more than the number
    ],
)
def test_a_bare_reply_that_is_the_number(language: str, text: str, expected: str | None) -> None:
    asked = {
        "nl": {"wat", "is", "uw", "klantnummer"},
        "fr": {"votre", "numéro", "client"},
        "en": {"customer", "number"},
    }
    found = RECOGNIZERS[language].reply(text, [], frozenset(asked[language]))
    assert (text[found.start : found.end] if found is not None else None) == expected
    assert found is None or found.entity_type == ACCOUNT_NUMBER


@pytest.mark.parametrize(
    ("language", "asked"),
    [
        ("en", {"dear", "customer", "how", "can", "help"}),  # a greeting names no number
        ("fr", {"bonjour", "service", "client"}),
        ("en", {"what", "your", "phone", "number"}),  # a number, not a holder's
        ("nl", {"wat", "is", "uw", "ordernummer"}),  # an order: not the person's
    ],
)
def test_a_reply_after_no_question_for_the_number(language: str, asked: set[str]) -> None:
    assert RECOGNIZERS[language].reply("12345678", [], frozenset(asked)) is None
