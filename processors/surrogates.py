"""Consistent, locale-aware fake values for training data.

A French name becomes another French name, a Dutch IBAN another Dutch IBAN with valid check
digits, a phone another phone of the same country. The fake is seeded from the keyed digest of the
original, so the same original always gets the same surrogate (for one sink's key) and the text
keeps its shape, while the original cannot be recovered without the key.

A person keeps the shape of the name it replaces, so that training text stays fluent: a lone
first name ("I'm Tom") gets a lone first name of the same sex where the locales' name lists know
it, a title stays as typed and gets a surname ("Mme Lebrun" -> "Mme Garnier"), an initial an
initial, and a name typed in lower case a name in lower case. The first name and the surname are
each seeded by their own keyed digest, so that a conversation keeps one person: "Marie Dupont",
"Bonjour Marie" and "Mme Dupont" become "Christiane Blin", "Bonjour Christiane" and "Mme Blin".
A phone number keeps its country, its kind (mobile or landline: the first national digit) and
its layout ("06 12 34 56 78" -> "06 47 81 20 93"). A surrogate never equals the value it
replaces, nor any part of a name the part it replaces; nor, given the message's other detected
values (``avoid``), any of them or a word of a name among them: "Carol" does not become "Karen"
in a message that names a real Karen, where the reader could not tell the two apart. Only such a
collision makes the surrogate depend on the message: the next try of the same seeding is taken.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache

import phonenumbers
from faker import Faker

from recognizers.base import luhn_valid
from recognizers.entities import (
    ACCOUNT_NUMBER,
    ADDRESS,
    BE_ENTERPRISE_NUMBER,
    BE_NATIONAL_NUMBER,
    CREDENTIAL,
    CREDIT_CARD,
    CRYPTO,
    EMAIL_ADDRESS,
    FR_NIF,
    FR_NIR,
    FR_SIREN,
    FR_SIRET,
    GEO_COORDINATES,
    IBAN_CODE,
    ID_DOCUMENT,
    IMEI,
    IP_ADDRESS,
    LICENSE_PLATE,
    LOCATION,
    MAC_ADDRESS,
    NL_BSN,
    NL_KVK,
    ORGANIZATION,
    PERSON,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
    UK_NHS,
    UK_NINO,
    URL,
    US_SSN,
    VIN,
)
from recognizers.fr.nif import nif_check
from recognizers.generic.crypto_wallet import bech32_address
from recognizers.generic.phone_validation import LANGUAGE_REGIONS
from recognizers.generic.uk_nhs import nhs_check_digit
from recognizers.generic.uk_nino import INVALID_PREFIXES as NINO_INVALID_PREFIXES

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


def _nif(fake: Faker) -> str:
    """A French tax number with its check, grouped as the tax notices print it."""
    body = f"{fake.random_int(0, 3)}{fake.random_int(0, 999_999_999):09d}"
    digits = body + nif_check(body)
    return f"{digits[:2]} {digits[2:4]} {digits[4:7]} {digits[7:10]} {digits[10:]}"


def _bsn(fake: Faker) -> str:
    while True:
        digits = [fake.random_int(0, 9) for _ in range(8)]
        digits[0] = fake.random_int(1, 9)
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, digits)) + str(last)


def _luhn_digits(body: str) -> str:
    """``body`` and the digit that makes it pass the Luhn check."""
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("a Luhn check digit always exists")


def _siren(fake: Faker) -> str:
    digits = _luhn_digits("".join(str(fake.random_int(0 if i else 1, 9)) for i in range(8)))
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _siret(fake: Faker) -> str:
    siren = _siren(fake).replace(" ", "")
    digits = _luhn_digits(siren + "".join(str(fake.random_int(0, 9)) for _ in range(4)))
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


def _be_national_number(fake: Faker) -> str:
    """A Belgian national number: birth date, serial, and 97 minus the rest of the nine digits
    (prefixed with 2 for a birth from 2000) modulo 97."""
    year = fake.random_int(1940, 2008)
    body = f"{year % 100:02d}{fake.random_int(1, 12):02d}{fake.random_int(1, 28):02d}{fake.random_int(1, 997):03d}"
    check = 97 - int(("2" if year >= 2000 else "") + body) % 97
    return f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:]}.{check:02d}"


def _be_enterprise_number(fake: Faker) -> str:
    body = f"0{fake.random_int(2000000, 9999999):07d}"
    return f"{body[:4]}.{body[4:7]}.{body[7:]}{97 - int(body) % 97:02d}"


def _nhs(fake: Faker) -> str:
    """A UK NHS number: nine digits and their modulus-11 check digit (``uk_nhs.nhs_check_digit``)."""
    while True:
        first_nine = "".join(str(d) for d in [fake.random_int(1, 9)] + [fake.random_int(0, 9) for _ in range(8)])
        check = nhs_check_digit(first_nine)
        if check is not None:
            text = first_nine + str(check)
            return f"{text[:3]} {text[3:6]} {text[6:]}"


#: Letters a National Insurance number's prefix may use (HMRC: never D, F, I, Q, U, V; O not second).
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def _nino(fake: Faker) -> str:
    while True:
        prefix = fake.random_element(_NINO_FIRST) + fake.random_element(_NINO_SECOND)
        if prefix not in NINO_INVALID_PREFIXES:
            break
    digits = f"{fake.random_int(0, 999999):06d}"
    return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {fake.random_element('ABCD')}"


def _us_ssn(fake: Faker) -> str:
    area = fake.random_int(1, 899)
    while area == 666:
        area = fake.random_int(1, 899)
    return f"{area:03d}-{fake.random_int(1, 99):02d}-{fake.random_int(1, 9999):04d}"


def _imei(fake: Faker) -> str:
    return _luhn_digits("35" + "".join(str(fake.random_int(0, 9)) for _ in range(12)))


#: Faker locales whose first-name lists tell a name's sex (the three languages and their neighbours).
_SEX_LOCALES = ("fr_FR", "fr_BE", "nl_NL", "nl_BE", "en_GB", "en_US")
#: Titles and honorifics kept as typed before a surrogate surname ("Mr", "Mme", "dhr.", "mevrouw").
_TITLE = re.compile(
    r"(?i)^((?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|m|mme|mlle|mmes|me|monsieur|madame|mademoiselle|"
    r"docteur|dhr|mevr|mw|mej|meneer|mevrouw|juffrouw|de heer|heer)\.?\s+)+)"
)
_INITIAL = re.compile(r"^[A-Za-z]\.?$")
#: Words that open a surname ("de Vries", "van den Berg", "Le Goff", "da Silva").
_SURNAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "ter", "ten", "te", "'t", "le", "la", "du", "des", "di", "da", "del", "dos"}
)
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


#: Seeds the generator for one part of a name (the first name, the surname) and a try number, so
#: that a part gets the same fake wherever it stands: "Marie Dupont", then "Marie", then "Mme
#: Dupont" in one conversation read as one person.
PartSeeder = Callable[[Faker, str, int], None]


def _person(fake: Faker, value: str, seed_part: PartSeeder | None, language: str, avoid: frozenset[str]) -> str:
    """A name of the same shape as ``value``: title kept, lone first name, initials, case; each
    part seeded by itself when ``seed_part`` is given, and never the part it replaces nor one of
    ``avoid`` (casefolded)."""

    def part(original: str, make: Callable[[], str]) -> str:
        made = ""
        for attempt in range(_MAX_TRIES):
            if seed_part is not None:
                seed_part(fake, original, attempt)
            made = make()
            if made.casefold() != original.casefold() and made.casefold() not in avoid:
                break
        return made

    title_match = _TITLE.match(value)
    title = title_match.group(1) if title_match else ""
    words = value[len(title) :].split()
    initial = len(words) > 1 and _INITIAL.match(words[0]) is not None  # "P. de Boer", "Mr D Patel"
    # after a title, a name that opens with a particle is a surname alone ("mevrouw de Vries")
    surname_only = bool(title) and bool(words) and words[0].lower() in _SURNAME_PARTICLES
    if not words:
        name = f"{fake.first_name()} {fake.last_name()}"
    elif len(words) == 1 or surname_only:
        if title:
            name = part(" ".join(words), lambda: str(fake.last_name()))
        else:
            name = part(words[0], lambda: _first_name(fake, words[0]))
    else:
        first = part(words[0].rstrip("."), lambda: _first_name(fake, words[0]))
        if initial:
            first = first[0] + ("." if words[0].endswith(".") else "")
        name = f"{first} {part(' '.join(words[1:]), lambda: str(fake.last_name()))}"
    if value.islower():
        name = name.lower()
    elif value.isupper():
        name = name.upper()
    return title + name


#: Digits a phone surrogate keeps after the country code or trunk "0": the first of the national
#: number, which tells a mobile from a landline ("06" stays a French mobile, "07" a British one).
_PHONE_KEPT_DIGITS = 1


def _phone(fake: Faker, value: str, seed_part: PartSeeder | None, language: str, avoid: frozenset[str]) -> str:
    """A phone number of the same country, kind and layout as ``value``: its separators, "+" or
    trunk "0" and first national digit kept, the other digits drawn until libphonenumber accepts
    the number; Faker's number of the locale when ``value`` is not one libphonenumber reads."""
    for region in LANGUAGE_REGIONS.get(language, ("GB",)):
        try:
            parsed = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            break
    else:
        return str(fake.phone_number())
    digits = [index for index, ch in enumerate(value) if ch.isdigit()]
    keep = len(digits) - len(str(parsed.national_number)) + _PHONE_KEPT_DIGITS
    if not 0 < keep < len(digits):
        return str(fake.phone_number())
    for _ in range(_MAX_TRIES * 4):
        out = list(value)
        for index in digits[keep:]:
            out[index] = str(fake.random_int(0, 9))
        made = "".join(out)
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(made, region)) and made != value and made not in avoid:
                return made
        except phonenumbers.NumberParseException:
            break
    return str(fake.phone_number())


def _segwit_address(fake: Faker) -> str:
    """A SegWit v0 address of a random 20-byte hash, with its checksum (a valid shape, no wallet)."""
    return bech32_address([0, *(fake.random_int(0, 31) for _ in range(32))])


_MAKERS: dict[str, Callable[[Faker], str]] = {
    EMAIL_ADDRESS: lambda f: f.free_email(),
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
    CRYPTO: _segwit_address,
    GEO_COORDINATES: lambda f: f"{f.latitude():.5f}, {f.longitude():.5f}",
    FR_NIR: _nir,
    FR_NIF: _nif,
    NL_BSN: _bsn,
    NL_KVK: lambda f: f"{f.random_int(10000000, 99999999)}",
    FR_SIREN: _siren,
    FR_SIRET: _siret,
    BE_NATIONAL_NUMBER: _be_national_number,
    BE_ENTERPRISE_NUMBER: _be_enterprise_number,
    UK_NHS: _nhs,
    UK_NINO: _nino,
    US_SSN: _us_ssn,
    ORGANIZATION: lambda f: f.company(),
}
#: Makers that read the value they replace, to keep its shape.
_SHAPED_MAKERS: dict[str, Callable[[Faker, str, PartSeeder | None, str, frozenset[str]], str]] = {
    PERSON: _person,
    PHONE_NUMBER: _phone,
}


def has_surrogate(entity_type: str) -> bool:
    """Whether ``surrogate`` makes fake values of this type (others get a placeholder)."""
    return entity_type in _MAKERS or entity_type in _SHAPED_MAKERS


def surrogate(
    entity_type: str,
    language: str,
    digest: bytes,
    value: str = "",
    part_digest: Callable[[str], bytes] | None = None,
    avoid: frozenset[str] = frozenset(),
) -> str | None:
    """A fake value of ``entity_type`` seeded by ``digest``, shaped like ``value`` where the type
    has a shape, and never equal to it nor to one of ``avoid`` (casefolded: the message's other
    values and their name words, ``operators.taken_values``); ``None`` when there is no maker or
    every try gave one of them. ``part_digest`` (the keyed digest of one part of a name) seeds
    each part of a person's name by itself."""
    shaped = _SHAPED_MAKERS.get(entity_type)
    plain = _MAKERS.get(entity_type)
    seed_part: PartSeeder | None = None
    if part_digest is not None:
        digest_of = part_digest

        def seed_part(fake: Faker, part: str, attempt: int) -> None:
            fake.seed_instance(int.from_bytes(digest_of(part)[:8], "big") + attempt)

    if shaped is not None:
        make: Callable[[Faker], str] = lambda fake: shaped(fake, value, seed_part, language, avoid)  # noqa: E731
    elif plain is not None:
        make = plain
    else:
        return None
    fake = _faker(language)
    seed = int.from_bytes(digest[:8], "big")
    for attempt in range(_MAX_TRIES):
        fake.seed_instance(seed + attempt)
        made = make(fake)
        if made.casefold() != value.casefold() and made.casefold() not in avoid:
            return made
    return None
