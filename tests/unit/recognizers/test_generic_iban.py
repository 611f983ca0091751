"""IbanRecognizer: every registry country, typed formats, ISO 7064 mod-97 property tests."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.entities import IBAN_CODE
from recognizers.generic.iban import BBAN_FORMATS, IbanRecognizer, bban_length, iban_mod97_valid

RECOGNIZER = IbanRecognizer("nl")

# Total IBAN lengths of the SWIFT IBAN Registry, kept apart from the BBAN structures on purpose.
REGISTRY_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# The registry's own example IBANs (fictitious accounts).
REGISTRY_EXAMPLES = [
    "NL91ABNA0417164300", "BE68539007547034", "FR1420041010050500013M02606", "DE89370400440532013000",
    "GB29NWBK60161331926819", "LU280019400644750000", "ES9121000418450200051332",
    "IT60X0542811101000000123456", "CH9300762011623852957", "AT611904300234573201",
    "PL61109010140000071219812874", "PT50000201231234567890154", "IE29AIBK93115212345678",
    "DK5000400440116243", "FI2112345600000785", "SE4550000000058398257466", "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S", "GR1601101250000000012300695", "CY17002001280000001200527600",
    "BG80BNBG96611020345678", "RO49AAAA1B31007593840000", "HU42117730161111101800000000",
    "CZ6508000000192000145399", "SK3112000000198742637541", "SI56263300012039086",
    "HR1210010051863000160", "EE382200221020145685", "LV80BANK0000435195001", "LT121000011101001000",
    "IS140159260076545510730339", "LI21088100002324013AA", "MC5811222000010123456789030",
    "SM86U0322509800000000270100", "VA59001123000012345678", "AD1200012030200359100100",
    "GI75NWBK000000007099453",
]  # fmt: skip


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in RECOGNIZER.analyze(text, [IBAN_CODE])]


def grouped(iban: str, separator: str = " ") -> str:
    return separator.join(iban[i : i + 4] for i in range(0, len(iban), 4))


def test_bban_structures_match_the_registry_lengths() -> None:
    assert set(BBAN_FORMATS) == set(REGISTRY_LENGTHS)
    for country, length in REGISTRY_LENGTHS.items():
        assert bban_length(country) + 4 == length, country


@pytest.mark.parametrize("iban", REGISTRY_EXAMPLES)
def test_registry_examples_are_found_in_every_typed_format(iban: str) -> None:
    assert iban_mod97_valid(iban)
    for typed in (iban, grouped(iban), grouped(iban, "-"), iban.lower(), grouped(iban.lower())):
        assert found(f"mijn rekening: {typed}, bedankt") == [(typed, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "NL91ABNA0417164301",  # wrong check digits
        "NL91 ABNA 0417 1643 0",  # one character short
        "BE68539007547034567",  # too long for Belgium: glued digits
        "XX91ABNA0417164300",  # no such country
        "NL91ABNA041716430O",  # letter O where the Dutch BBAN has digits
        "commande FR12345 du 12/03",
        "ref AB12CD34EF56",
    ],
)
def test_invalid_candidates_are_discarded(text: str) -> None:
    assert found(text) == []


def test_trailing_words_are_not_swallowed() -> None:
    text = "iban BE68 5390 0754 7034 merci beaucoup"
    assert found(text) == [("BE68 5390 0754 7034", 1.0)]


def test_two_ibans_in_one_message() -> None:
    text = "van NL91ABNA0417164300 naar BE68539007547034"
    assert found(text) == [("NL91ABNA0417164300", 1.0), ("BE68539007547034", 1.0)]


_CLASSES = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}


@st.composite
def ibans(draw: st.DrawFn) -> str:
    """A random, checksum-valid IBAN of a random registry country."""
    import re

    country = draw(st.sampled_from(sorted(BBAN_FORMATS)))
    bban = ""
    for count, kind in re.findall(r"(\d+)!([nac])", BBAN_FORMATS[country]):
        bban += draw(st.text(alphabet=_CLASSES[kind], min_size=int(count), max_size=int(count)))
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


@settings(max_examples=300, deadline=None)
@given(iban=ibans(), spaced=st.booleans(), lower=st.booleans())
def test_generated_valid_ibans_are_found(iban: str, spaced: bool, lower: bool) -> None:
    typed = grouped(iban) if spaced else iban
    typed = typed.lower() if lower else typed
    assert iban_mod97_valid(iban)
    assert found(f"virement sur {typed} svp") == [(typed, 1.0)]


@settings(max_examples=300, deadline=None)
@given(iban=ibans(), data=st.data())
def test_one_corrupted_character_is_rejected(iban: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=4, max_value=len(iban) - 1))
    original = iban[position]
    alphabet = string.digits if original.isdigit() else string.ascii_uppercase
    replacement = data.draw(st.sampled_from([ch for ch in alphabet if ch != original]))
    corrupted = iban[:position] + replacement + iban[position + 1 :]
    assert not iban_mod97_valid(corrupted)
    assert found(f"iban {corrupted} ok") == []
