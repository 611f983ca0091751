"""MacAddressRecognizer and ImeiRecognizer: device identifiers typed into a chat (fictitious values).

The IMEIs below are made up; their last digit is the Luhn check digit of the first fourteen.
"""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.base import digits_only, luhn_valid
from recognizers.entities import ALL_ENTITIES, EVAL_LABEL, IMEI, MAC_ADDRESS
from recognizers.generic.imei import ImeiRecognizer
from recognizers.generic.mac_address import MacAddressRecognizer

MAC = {lang: MacAddressRecognizer(lang) for lang in ("fr", "nl", "en")}
IMEIS = {lang: ImeiRecognizer(lang) for lang in ("fr", "nl", "en")}
VALID_IMEI = "356938035643809"  # Luhn-valid, made up
WRONG_CHECK_DIGIT = "356938035643808"


def macs(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in MAC[language].analyze(text, [MAC_ADDRESS])]


def imeis(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in IMEIS[language].analyze(text, [IMEI])]


def test_the_made_up_imeis_have_the_check_digits_the_tests_say() -> None:
    assert luhn_valid(VALID_IMEI) and not luhn_valid(WRONG_CHECK_DIGIT)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my router MAC is 3C:5A:B4:01:2F:9E", [("3C:5A:B4:01:2F:9E", 0.9)]),
        ("en", "device 3c-5a-b4-01-2f-9e keeps dropping", [("3c-5a-b4-01-2f-9e", 0.85)]),
        ("fr", "la box a l'adresse MAC 3c5a.b401.2f9e", [("3c5a.b401.2f9e", 0.9)]),  # dotted: named only
        ("nl", "mijn mac-adres: a4:83:e7:2b:10:c5", [("a4:83:e7:2b:10:c5", 0.9)]),
        ("en", "MAC 12-34-56-78-90-12", [("12-34-56-78-90-12", 0.9)]),  # decimal pairs after the name
    ],
)
def test_a_mac_address(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert macs(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "reference 12-34-56-78-90-12"),  # decimal pairs alone: a reference as often
        ("en", "mac 00:00:00:00:00:00"),  # the all-zero address names no device
        ("en", "ff:ff:ff:ff:ff:ff is the broadcast address"),
        ("en", "product 3c5a.b401.2f9e"),  # dotted without the name: a product code's shape
        ("en", "call at 14:30:00"),
        ("en", "2001:db8:85a3::8a2e:370:7334"),  # an IPv6 address, not a MAC
    ],
)
def test_no_mac_address(language: str, text: str) -> None:
    assert macs(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", f"IMEI {VALID_IMEI} on the box", [(VALID_IMEI, 0.95)]),
        ("en", "my imei is 35-693803-564380-9", [("35-693803-564380-9", 0.95)]),
        ("fr", "numéro IMEI : 35 693803 564380 9", [("35 693803 564380 9", 0.95)]),
        ("nl", f"het IMEI-nummer is {VALID_IMEI}", [(VALID_IMEI, 0.95)]),
        ("en", f"imei: {WRONG_CHECK_DIGIT}", [(WRONG_CHECK_DIGIT, 0.6)]),  # a typo still names the phone
        ("en", "IMEISV 3569380356438012", [("3569380356438012", 0.6)]),  # 16 digits, no check digit
        ("en", f"the handset {VALID_IMEI} is blocked", [(VALID_IMEI, 0.4)]),  # bare: context raises it
    ],
)
def test_an_imei(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert imeis(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"order {WRONG_CHECK_DIGIT} was shipped"),  # bare, failed check digit
        ("en", "order 456938035643808 was shipped"),  # bare, Luhn-valid but no IMEI prefix
        ("en", f"order 1{VALID_IMEI} was shipped"),  # part of a longer number
    ],
)
def test_no_imei(language: str, text: str) -> None:
    assert luhn_valid("456938035643808")
    assert imeis(language, text) == []


def test_the_types_are_known_and_have_no_eval_label() -> None:
    assert {MAC_ADDRESS, IMEI} <= ALL_ENTITIES
    assert MAC_ADDRESS not in EVAL_LABEL and IMEI not in EVAL_LABEL


def test_training_surrogates_have_the_same_shape() -> None:
    mac = surrogate(MAC_ADDRESS, "en", b"\x07" * 32)
    imei = surrogate(IMEI, "en", b"\x07" * 32)
    assert mac is not None and len(mac.split(":")) == 6
    assert imei is not None and len(imei) == 15 and luhn_valid(imei) and imei.startswith("35")
    assert imei == surrogate(IMEI, "en", b"\x07" * 32)


def test_the_detector_reports_both(real_detector: Detector) -> None:
    text = f"Mon téléphone (IMEI {VALID_IMEI}) ne voit plus la box 3C:5A:B4:01:2F:9E"
    (entities,) = real_detector.detect([text], ["fr"])
    spans = {(e.entity_type, text[e.start : e.end]) for e in entities}
    assert ("IMEI", VALID_IMEI) in spans
    assert ("MAC_ADDRESS", "3C:5A:B4:01:2F:9E") in spans
    assert digits_only(VALID_IMEI) == VALID_IMEI
