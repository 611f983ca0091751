"""The entity types piiflow detects, and what each means for scoring and policy.

One catalogue, so that recognizers, policies, the audit trail and the evaluation all speak
the same names. ``EVAL_LABEL`` maps each type onto the canonical labels of the shared
evaluation sets (``../shared/eval/README.md``); a type absent from it is neither right nor
wrong there (company identifiers, special categories).
"""

from __future__ import annotations

PERSON = "PERSON"
LOCATION = "LOCATION"
ADDRESS = "ADDRESS"  # street address or postcode: a place you can send a letter to
ORGANIZATION = "ORGANIZATION"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
PHONE_NUMBER = "PHONE_NUMBER"
IBAN_CODE = "IBAN_CODE"
CREDIT_CARD = "CREDIT_CARD"
IP_ADDRESS = "IP_ADDRESS"
URL = "URL"
DATE_TIME = "DATE_TIME"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
AGE = "AGE"

FR_NIR = "FR_NIR"
FR_NIF = "FR_NIF"  # the tax number of a person ("numéro fiscal", SPI)
FR_SIREN = "FR_SIREN"
FR_SIRET = "FR_SIRET"
FR_VAT = "FR_VAT"
NL_BSN = "NL_BSN"
NL_KVK = "NL_KVK"
NL_VAT = "NL_VAT"
BE_NATIONAL_NUMBER = "BE_NATIONAL_NUMBER"
BE_ENTERPRISE_NUMBER = "BE_ENTERPRISE_NUMBER"
UK_NINO = "UK_NINO"
UK_NHS = "UK_NHS"
US_SSN = "US_SSN"
# Passport, identity card, driving licence and residence permit numbers, found after the
# document's name (no checksum over the typed value): scored as a national identifier.
ID_DOCUMENT = "ID_DOCUMENT"
# Vehicle registration plates: the registration authority and insurers link them to the keeper.
# No canonical evaluation label: neither right nor wrong on the shared sets.
LICENSE_PLATE = "LICENSE_PLATE"
# Customer, account, member, policy, contract and patient numbers: the issuing company links them
# to the person. No canonical evaluation label: neither right nor wrong on the shared sets.
ACCOUNT_NUMBER = "ACCOUNT_NUMBER"
# Passwords, PINs, one-time codes and user names typed into a chat: a security incident before
# personal data. No canonical evaluation label.
CREDENTIAL = "CREDENTIAL"
# Social-media handles ("@jess_harper92"): online identifiers (GDPR art. 4(1)) that lead to a public
# profile and most often name their owner. No canonical evaluation label.
SOCIAL_HANDLE = "SOCIAL_HANDLE"
# Device identifiers: a network card's MAC address and a phone's IMEI. Online identifiers of the
# person who carries the device (GDPR recital 30). No canonical evaluation label.
MAC_ADDRESS = "MAC_ADDRESS"
IMEI = "IMEI"
# Vehicle identification numbers (VIN, "numéro de châssis", "chassisnummer"): printed on the
# registration certificate and linked to the keeper like a plate. No canonical evaluation label.
VIN = "VIN"
# Cryptocurrency wallet addresses (Bitcoin, Ethereum): pseudonymous identifiers the chain's public
# history ties to their owner's payments. Presidio's name for them. No canonical evaluation label.
CRYPTO = "CRYPTO"
# GPS coordinates ("51.50740, -0.12780"): location data (GDPR art. 4(1)), scored as a location.
GEO_COORDINATES = "GEO_COORDINATES"

# GDPR art. 9 special categories: reported as spans and as message-level flags.
SPECIAL_HEALTH = "SPECIAL_HEALTH"
SPECIAL_RELIGION = "SPECIAL_RELIGION"
SPECIAL_POLITICS = "SPECIAL_POLITICS"
SPECIAL_ETHNICITY = "SPECIAL_ETHNICITY"
SPECIAL_SEXUALITY = "SPECIAL_SEXUALITY"
SPECIAL_TRADE_UNION = "SPECIAL_TRADE_UNION"
SPECIAL_GENETIC_BIOMETRIC = "SPECIAL_GENETIC_BIOMETRIC"
# GDPR art. 10, criminal convictions and offences: not an art. 9 category, but processing them needs
# an official authority or a law, so policies treat them as one (flags, "redact", "require_consent").
SPECIAL_CRIMINAL = "SPECIAL_CRIMINAL"

SPECIAL_CATEGORIES: frozenset[str] = frozenset(
    {
        SPECIAL_HEALTH,
        SPECIAL_RELIGION,
        SPECIAL_POLITICS,
        SPECIAL_ETHNICITY,
        SPECIAL_SEXUALITY,
        SPECIAL_TRADE_UNION,
        SPECIAL_GENETIC_BIOMETRIC,
        SPECIAL_CRIMINAL,
    }
)

NATIONAL_IDS: frozenset[str] = frozenset({FR_NIR, FR_NIF, NL_BSN, BE_NATIONAL_NUMBER, UK_NINO, UK_NHS, US_SSN})

# Company identifiers: not personal data by themselves, but a sole trader's SIREN or KvK
# number identifies a person, so policies treat them like identifiers.
COMPANY_IDS: frozenset[str] = frozenset({FR_SIREN, FR_SIRET, FR_VAT, NL_KVK, NL_VAT, BE_ENTERPRISE_NUMBER})

# Structured identifiers: the ones a checksum or a strict format makes near-certain.
STRUCTURED_IDS: frozenset[str] = frozenset({EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE, CREDIT_CARD} | NATIONAL_IDS)

EVAL_LABEL: dict[str, str] = {
    PERSON: "PERSON",
    LOCATION: "LOCATION",
    ADDRESS: "LOCATION",
    GEO_COORDINATES: "LOCATION",
    ORGANIZATION: "ORGANIZATION",
    EMAIL_ADDRESS: "EMAIL_ADDRESS",
    PHONE_NUMBER: "PHONE_NUMBER",
    IBAN_CODE: "IBAN_CODE",
    CREDIT_CARD: "CREDIT_CARD",
    IP_ADDRESS: "IP_ADDRESS",
    URL: "URL",
    DATE_TIME: "DATE_TIME",
    DATE_OF_BIRTH: "DATE_TIME",
    AGE: "AGE",
    **{national_id: "NATIONAL_ID" for national_id in NATIONAL_IDS},
    ID_DOCUMENT: "NATIONAL_ID",
}

ALL_ENTITIES: frozenset[str] = (
    frozenset(EVAL_LABEL)
    | SPECIAL_CATEGORIES
    | COMPANY_IDS
    | {LICENSE_PLATE, VIN, ACCOUNT_NUMBER, CREDENTIAL, SOCIAL_HANDLE, MAC_ADDRESS, IMEI, CRYPTO}
)
