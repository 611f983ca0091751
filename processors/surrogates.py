"""Consistent, locale-aware fake values for training data.

A French name becomes another French name, a Dutch IBAN another Dutch IBAN with valid check
digits, a phone another phone of the same country. The fake is seeded from the keyed digest of the
original, so the same original always gets the same surrogate (for one sink's key) and the text
keeps its shape, while the original cannot be recovered without the key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from faker import Faker

from recognizers.base import luhn_valid
from recognizers.entities import (
    ACCOUNT_NUMBER,
    ADDRESS,
    CREDENTIAL,
    CREDIT_CARD,
    EMAIL_ADDRESS,
    FR_NIR,
    GEO_COORDINATES,
    IBAN_CODE,
    ID_DOCUMENT,
    IMEI,
    IP_ADDRESS,
    LICENSE_PLATE,
    LOCATION,
    MAC_ADDRESS,
    NL_BSN,
    PERSON,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
    URL,
    VIN,
)

_LOCALE = {"fr": "fr_FR", "nl": "nl_NL", "en": "en_GB"}


@cache
def _faker(language: str) -> Faker:
    return Faker(_LOCALE.get(language, "en_GB"))


def _nir(fake: Faker) -> str:
    sex = fake.random_element(["1", "2"])
    year = f"{fake.random_int(40, 99):02d}"
    month = f"{fake.random_int(1, 12):02d}"
    place = f"{fake.random_int(1, 95):02d}{fake.random_int(1, 990):03d}"
    body = f"{sex}{year}{month}{place}{fake.random_int(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def _bsn(fake: Faker) -> str:
    while True:
        digits = [fake.random_int(0, 9) for _ in range(8)]
        digits[0] = fake.random_int(1, 9)
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, digits)) + str(last)


def _imei(fake: Faker) -> str:
    body = "35" + "".join(str(fake.random_int(0, 9)) for _ in range(12))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("a Luhn check digit always exists")


_MAKERS: dict[str, Callable[[Faker], str]] = {
    PERSON: lambda f: f.name(),
    EMAIL_ADDRESS: lambda f: f.free_email(),
    PHONE_NUMBER: lambda f: f.phone_number(),
    IBAN_CODE: lambda f: f.iban(),
    CREDIT_CARD: lambda f: f.credit_card_number(),
    ADDRESS: lambda f: f.address().replace("\n", ", "),
    LOCATION: lambda f: f.city(),
    IP_ADDRESS: lambda f: f.ipv4_private(),
    URL: lambda f: f.url(),
    ID_DOCUMENT: lambda f: f.passport_number(),
    LICENSE_PLATE: lambda f: f.license_plate(),
    ACCOUNT_NUMBER: lambda f: f.bothify("########"),
    CREDENTIAL: lambda f: f.password(length=12),
    SOCIAL_HANDLE: lambda f: "@" + f.user_name(),
    MAC_ADDRESS: lambda f: f.mac_address(),
    IMEI: _imei,
    VIN: lambda f: f.vin(),
    GEO_COORDINATES: lambda f: f"{f.latitude():.5f}, {f.longitude():.5f}",
    FR_NIR: _nir,
    NL_BSN: _bsn,
}


def has_surrogate(entity_type: str) -> bool:
    """Whether ``surrogate`` makes fake values of this type (others get a placeholder)."""
    return entity_type in _MAKERS


def surrogate(entity_type: str, language: str, digest: bytes) -> str | None:
    """A fake value of ``entity_type`` seeded by ``digest``; ``None`` when there is no maker."""
    maker = _MAKERS.get(entity_type)
    if maker is None:
        return None
    fake = _faker(language)
    fake.seed_instance(int.from_bytes(digest[:8], "big"))
    return maker(fake)
