"""Consistent, locale-aware fake values for training data.

A French name becomes another French name, a Dutch IBAN another Dutch IBAN with valid check
digits, a phone another phone of the same country. The fake is seeded from the keyed digest of the
original, so the same original always gets the same surrogate (for one sink's key) and the text
keeps its shape, while the original cannot be recovered without the key.

A person keeps the shape of the name it replaces, so that training text stays fluent: a lone
first name ("I'm Tom") gets a lone first name of the same sex where the locales' name lists know
it, a title stays as typed and gets a surname ("Mme Lebrun" -> "Mme Garnier"), an initial an
initial, and a name typed in lower case a name in lower case. A surrogate never equals the value
it replaces.
"""

from __future__ import annotations

import importlib
import re
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
    ORGANIZATION,
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


#: Faker locales whose first-name lists tell a name's sex (the three languages and their neighbours).
_SEX_LOCALES = ("fr_FR", "fr_BE", "nl_NL", "nl_BE", "en_GB", "en_US")
#: Titles and honorifics kept as typed before a surrogate surname ("Mr", "Mme", "dhr.", "mevrouw").
_TITLE = re.compile(
    r"(?i)^((?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|m|mme|mlle|mmes|me|monsieur|madame|mademoiselle|"
    r"docteur|dhr|mevr|mw|mej|meneer|mevrouw|juffrouw|de heer|heer)\.?\s+)+)"
)
_INITIAL = re.compile(r"^[A-Za-z]\.?$")
_MAX_TRIES = 8


@cache
def _first_names_by_sex() -> tuple[frozenset[str], frozenset[str]]:
    """(male, female) first names of ``_SEX_LOCALES``, folded to lower case; a name on both lists
    (e.g. "Dominique", "Sacha") is on neither."""
    male: set[str] = set()
    female: set[str] = set()
    for locale in _SEX_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        # tuples, or OrderedDicts of name to weight (iterated, their keys)
        male.update(name.lower() for name in getattr(provider, "first_names_male", ()))
        female.update(name.lower() for name in getattr(provider, "first_names_female", ()))
    return frozenset(male - female), frozenset(female - male)


def _first_name(fake: Faker, original: str) -> str:
    male, female = _first_names_by_sex()
    key = original.lower()
    if key in male:
        return str(fake.first_name_male())
    if key in female:
        return str(fake.first_name_female())
    return str(fake.first_name())


def _person(fake: Faker, value: str) -> str:
    """A name of the same shape as ``value``: title kept, lone first name, initials, case."""
    title_match = _TITLE.match(value)
    title = title_match.group(1) if title_match else ""
    words = value[len(title) :].split()
    initial = len(words) > 1 and _INITIAL.match(words[0]) is not None  # "P. de Boer", "Mr D Patel"
    if not words:
        name = f"{fake.first_name()} {fake.last_name()}"
    elif len(words) == 1:
        name = str(fake.last_name()) if title else _first_name(fake, words[0])
    else:
        first = _first_name(fake, words[0])
        if initial:
            first = first[0] + ("." if words[0].endswith(".") else "")
        name = f"{first} {fake.last_name()}"
    if value.islower():
        name = name.lower()
    elif value.isupper():
        name = name.upper()
    return title + name


_MAKERS: dict[str, Callable[[Faker], str]] = {
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
    ORGANIZATION: lambda f: f.company(),
}
#: Makers that read the value they replace, to keep its shape.
_SHAPED_MAKERS: dict[str, Callable[[Faker, str], str]] = {PERSON: _person}


def has_surrogate(entity_type: str) -> bool:
    """Whether ``surrogate`` makes fake values of this type (others get a placeholder)."""
    return entity_type in _MAKERS or entity_type in _SHAPED_MAKERS


def surrogate(entity_type: str, language: str, digest: bytes, value: str = "") -> str | None:
    """A fake value of ``entity_type`` seeded by ``digest``, shaped like ``value`` where the type
    has a shape, and never equal to it; ``None`` when there is no maker or every try gave the
    value back."""
    shaped = _SHAPED_MAKERS.get(entity_type)
    plain = _MAKERS.get(entity_type)
    if shaped is not None:
        make: Callable[[Faker], str] = lambda fake: shaped(fake, value)  # noqa: E731
    elif plain is not None:
        make = plain
    else:
        return None
    fake = _faker(language)
    seed = int.from_bytes(digest[:8], "big")
    for attempt in range(_MAX_TRIES):
        fake.seed_instance(seed + attempt)
        made = make(fake)
        if made.casefold() != value.casefold():
            return made
    return None
