"""BeEnterpriseNumberRecognizer: mod 97, typed forms, the VAT form, and the phone the digits also make."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from processors.config import load_config
from processors.detect_cli import DetectService
from recognizers.be.enterprise_number import BeEnterpriseNumberRecognizer, enterprise_number_valid
from recognizers.entities import BE_ENTERPRISE_NUMBER, PHONE_NUMBER

RECOGNIZERS = {language: BeEnterpriseNumberRecognizer(language) for language in ("fr", "nl")}
THRESHOLD = 0.5


def make_number(body: str) -> str:
    """Eight digits and their two check digits: a fictitious enterprise number."""
    return f"{body}{97 - int(body) % 97:02d}"


OLD = make_number("01234567")  # 0123456749
NEW = make_number("10012345")  # numbers starting with 1, issued once those with 0 ran out


def dotted(number: str) -> str:
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def found(text: str, language: str = "nl") -> list[str]:
    results = RECOGNIZERS[language].analyze(text, [BE_ENTERPRISE_NUMBER])
    return [text[r.start : r.end] for r in results if r.score >= THRESHOLD]


def test_fixtures() -> None:
    assert OLD == "0123456749"
    assert enterprise_number_valid(OLD) and enterprise_number_valid(NEW)
    assert not enterprise_number_valid("0123456748")
    assert not enterprise_number_valid("2123456749")  # the first digit is 0 or 1


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("nl", f"ons ondernemingsnummer is {dotted(OLD)}", dotted(OLD)),
        ("nl", f"KBO-nummer {OLD[:4]} {OLD[4:7]} {OLD[7:]}", f"{OLD[:4]} {OLD[4:7]} {OLD[7:]}"),
        ("nl", f"btw BE{NEW}", f"BE{NEW}"),
        ("fr", f"n° BCE : {dotted(NEW)}", dotted(NEW)),
        ("fr", f"TVA BE {dotted(OLD)}", f"BE {dotted(OLD)}"),
        ("fr", f"facture de l'indépendant {dotted(OLD)}", dotted(OLD)),  # the official dots
    ],
)
def test_found(language: str, text: str, value: str) -> None:
    assert found(text, language) == [value]


@pytest.mark.parametrize(
    "text",
    [
        f"bestelling {OLD}",  # ten digits, no name, no dots: an order number as much as anything
        f"ondernemingsnummer {OLD[:-1]}8",  # a failed check
        "ondernemingsnummer 2123456749",
    ],
)
def test_not_found(text: str) -> None:
    assert found(text) == []


@given(st.integers(min_value=0, max_value=19_999_999))
def test_every_valid_number_is_found_after_its_name(body: int) -> None:
    number = make_number(f"{body:08d}")
    assert found(f"ondernemingsnummer {number}") == [number]


@pytest.fixture(scope="module")
def service() -> DetectService:
    config, path = load_config()
    return DetectService(config, path)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the same ten digits make a Dutch or French landline: the name before them decides
        ("nl", f"KBO-nummer {OLD[:4]} {OLD[4:7]} {OLD[7:]}", BE_ENTERPRISE_NUMBER),
        ("fr", f"numéro d'entreprise {dotted(OLD)}", BE_ENTERPRISE_NUMBER),
        ("fr", f"appelez-moi au {dotted(OLD)}", PHONE_NUMBER),
    ],
)
def test_the_named_identifier_beats_the_phone(service: DetectService, language: str, text: str, expected: str) -> None:
    _, entities = service.detect([text], [language])[0]
    assert [e.entity_type for e in entities if e.entity_type in (BE_ENTERPRISE_NUMBER, PHONE_NUMBER)] == [expected]
