"""Recognizers that do not belong to one country: e-mail, IBAN, cards, IP, URL, dates, ages, phones.

Dates: numeric and written dates (``DateRecognizer``), a year alone (``YearRecognizer``), a
weekday alone (``WeekdayRecognizer``), a month after a time word (``MonthRecognizer``), birth dates
after their trigger (``DateOfBirthRecognizer``).

``PlaceCueRecognizer`` (fr, nl, en): addresses and towns announced by a cue phrase ("I live at",
"mijn adres is", "we just moved to"). Plus the English-only UK/US identifiers (phone, postcode,
street address, NHS, SSN; the NINO, whose shape is its own, and UK postcodes and street lines,
which French and Dutch messages hold too, in every language) and international/US
address parts (units, "Town, ST 12345", PO boxes, whole address blocks:
``StreetAddressRecognizer``); in every language, streets named before their number as continental
countries write them ("Via Roma 10, 00184 Roma", "ul. Miła 53": ``EuropeanStreetRecognizer``).
Phone numbers without a country code are the country folders' job;
here only "+<cc>"/"00<cc>" numbers (``IntlPhoneRecognizer``), digits right after a phone word
(``ContextPhoneRecognizer``) and the neighbouring countries' mobiles and landlines in their own
shapes in another language's message (``ForeignMobileRecognizer``, ``ForeignLandlineRecognizer``),
numbers written in words ("zéro six douze trente-quatre ...": ``SpelledPhoneRecognizer``) and
with the letter O for a zero ("O6 12 34 56 78": ``LookalikePhoneRecognizer``).
Identity document numbers after the document's name, every language (``IdDocumentRecognizer``). Post
office boxes in French and Dutch ("Postbus 1234", "BP 123": ``PoBoxRecognizer``). Postcodes standing
alone after the word for them ("code postal 13001", "my zip is 90210": ``PostcodeCueRecognizer``).
Vehicle registration plates (French, Belgian, UK and Dutch formats, any plate after its name:
``LicensePlateRecognizer``). Customer, account, member, policy, contract and patient numbers after
their name ("klantnummer 4839201", "numéro client : CL-2024-00183": ``AccountNumberRecognizer``).
Passwords, PINs, verification codes and user names after their name ("my password is ...":
``CredentialRecognizer``). Companies written with their legal form ("SARL Dubois Frères", "Bakker
Transport BV": ``LegalFormRecognizer``). Social-media handles ("@jess_harper92", "my insta is
lea.martin_75": ``SocialHandleRecognizer``). Device identifiers: MAC addresses ("3C:5A:B4:01:2F:9E":
``MacAddressRecognizer``) and phones' IMEI numbers ("IMEI 35 209900 176148 1": ``ImeiRecognizer``).
Vehicle identification numbers ("VIN 1M8GDM9AXKP042788", "numéro de châssis ...":
``VinRecognizer``). GPS coordinates ("51.50740, -0.12780", "48°51'24\"N 2°21'08\"E":
``GeoCoordinatesRecognizer``). Most recognizers skip, before any RE2 call, a message that cannot
hold their entity (too few digits, no "@"...): see ``gated.py``.

Score conventions shared by these recognizers (Presidio's default reporting threshold is 0.5;
its context enhancer adds about 0.35 when a context word precedes the match):

* 1.0: a checksum passed (IBAN mod 97, card Luhn + network prefix), a well-formed e-mail under a
  known TLD, a date after a birth trigger (``DATE_OF_BIRTH`` beats ``DATE_TIME`` on overlaps).
* 0.85: a complete valid date, a phone number libphonenumber knows as valid, an age with a unit
  or keyword ("34 jaar oud", "j'ai 34 ans").
* 0.5-0.8: strong formats without checksum (URL, IP, obfuscated e-mail, written day-month,
  month-year, UK postcode/address/NINO, NHS number passing mod 11, dashed SSN).
* below 0.5: shapes that need a context word to be reported (possible-only phone numbers,
  12-13 digit cards, compact SSN, "34 ans", "dd/mm", phone-like digits without a phone word).

A failed checksum or an impossible value (31/02, octet 256) discards the candidate.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.generic.account_number import AccountNumberRecognizer
from recognizers.generic.age import AgeRecognizer
from recognizers.generic.country_line import CountryLineRecognizer
from recognizers.generic.credential import CredentialRecognizer
from recognizers.generic.credit_card import CreditCardRecognizer
from recognizers.generic.crypto_wallet import CryptoWalletRecognizer
from recognizers.generic.date import DateRecognizer
from recognizers.generic.date_of_birth import DateOfBirthRecognizer
from recognizers.generic.email import EmailRecognizer
from recognizers.generic.european_street import EuropeanStreetRecognizer
from recognizers.generic.foreign_landline import ForeignLandlineRecognizer
from recognizers.generic.foreign_mobile import ForeignMobileRecognizer
from recognizers.generic.geo_coordinates import GeoCoordinatesRecognizer
from recognizers.generic.iban import IbanRecognizer
from recognizers.generic.id_document import IdDocumentRecognizer
from recognizers.generic.ie_eircode import IeEircodeRecognizer
from recognizers.generic.imei import ImeiRecognizer
from recognizers.generic.intl_phone import IntlPhoneRecognizer
from recognizers.generic.ip import IpRecognizer
from recognizers.generic.legal_form import LegalFormRecognizer
from recognizers.generic.license_plate import LicensePlateRecognizer
from recognizers.generic.lookalike_phone import LookalikePhoneRecognizer
from recognizers.generic.mac_address import MacAddressRecognizer
from recognizers.generic.month import MonthRecognizer
from recognizers.generic.phone_context import ContextPhoneRecognizer
from recognizers.generic.place_cue import PlaceCueRecognizer
from recognizers.generic.po_box import PoBoxRecognizer
from recognizers.generic.postcode_cue import PostcodeCueRecognizer
from recognizers.generic.social_handle import SocialHandleRecognizer
from recognizers.generic.spelled_phone import SpelledPhoneRecognizer
from recognizers.generic.street_address import StreetAddressRecognizer
from recognizers.generic.uk_address import UkAddressRecognizer
from recognizers.generic.uk_driving_licence import UkDrivingLicenceRecognizer
from recognizers.generic.uk_nhs import UkNhsRecognizer
from recognizers.generic.uk_nino import UkNinoRecognizer
from recognizers.generic.uk_phone import UkPhoneRecognizer
from recognizers.generic.uk_post_town import UkPostTownRecognizer
from recognizers.generic.uk_postcode import UkPostcodeRecognizer
from recognizers.generic.url import UrlRecognizer
from recognizers.generic.us_phone import UsPhoneRecognizer
from recognizers.generic.us_ssn import UsSsnRecognizer
from recognizers.generic.vin import VinRecognizer
from recognizers.generic.weekday import WeekdayRecognizer
from recognizers.generic.year import YearRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "AccountNumberRecognizer",
    "AgeRecognizer",
    "ContextPhoneRecognizer",
    "CountryLineRecognizer",
    "CredentialRecognizer",
    "CreditCardRecognizer",
    "CryptoWalletRecognizer",
    "DateOfBirthRecognizer",
    "DateRecognizer",
    "EmailRecognizer",
    "EuropeanStreetRecognizer",
    "ForeignLandlineRecognizer",
    "ForeignMobileRecognizer",
    "GeoCoordinatesRecognizer",
    "IbanRecognizer",
    "IdDocumentRecognizer",
    "IeEircodeRecognizer",
    "ImeiRecognizer",
    "IntlPhoneRecognizer",
    "IpRecognizer",
    "LegalFormRecognizer",
    "LicensePlateRecognizer",
    "LookalikePhoneRecognizer",
    "MacAddressRecognizer",
    "MonthRecognizer",
    "PlaceCueRecognizer",
    "PoBoxRecognizer",
    "PostcodeCueRecognizer",
    "SocialHandleRecognizer",
    "SpelledPhoneRecognizer",
    "StreetAddressRecognizer",
    "UkAddressRecognizer",
    "UkDrivingLicenceRecognizer",
    "UkNhsRecognizer",
    "UkNinoRecognizer",
    "UkPhoneRecognizer",
    "UkPostTownRecognizer",
    "UkPostcodeRecognizer",
    "UrlRecognizer",
    "UsPhoneRecognizer",
    "UsSsnRecognizer",
    "VinRecognizer",
    "WeekdayRecognizer",
    "YearRecognizer",
    "build",
]

LANGUAGES = ("fr", "nl", "en")


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The generic recognizers that apply to ``language`` (one instance each, for that language)."""
    if language not in LANGUAGES:
        return []
    recognizers: list[EntityRecognizer] = [
        EmailRecognizer(language),
        IbanRecognizer(language),
        CreditCardRecognizer(language),
        CryptoWalletRecognizer(language),
        IpRecognizer(language),
        UrlRecognizer(language),
        DateRecognizer(language),
        DateOfBirthRecognizer(language),
        YearRecognizer(language),
        WeekdayRecognizer(language),
        MonthRecognizer(language),
        AgeRecognizer(language),
        IntlPhoneRecognizer(language),
        ContextPhoneRecognizer(language, settings.lexicon_dir),
        ForeignMobileRecognizer(language),
        ForeignLandlineRecognizer(language),
        SpelledPhoneRecognizer(language),
        LookalikePhoneRecognizer(language),
        IdDocumentRecognizer(language),
        PlaceCueRecognizer(language, settings.lexicon_dir),
        CountryLineRecognizer(language, settings.lexicon_dir),
        EuropeanStreetRecognizer(language),
        PostcodeCueRecognizer(language),
        LicensePlateRecognizer(language),
        LegalFormRecognizer(language, settings.lexicon_dir),
        AccountNumberRecognizer(language),
        CredentialRecognizer(language, settings.lexicon_dir),
        SocialHandleRecognizer(language),
        MacAddressRecognizer(language),
        ImeiRecognizer(language),
        VinRecognizer(language),
        GeoCoordinatesRecognizer(language),
    ]
    if language in ("fr", "nl"):
        recognizers.append(PoBoxRecognizer(language))  # English "PO Box": StreetAddressRecognizer
        # a NINO's shape is its own in any language: "EN884762A IBAN: GB91 ... Cheers, Owen" may be
        # read as Dutch (English chat in a Dutch or Belgian customer service)
        recognizers.append(UkNinoRecognizer(language))
        # a British address in a French or Dutch message ("14 Elm Grove, Leeds LS6 2AB")
        recognizers += [
            UkPostcodeRecognizer(language),
            UkPostTownRecognizer(language, settings.lexicon_dir),
            UkAddressRecognizer(language),
        ]
    if language == "en":
        recognizers += [
            UkPhoneRecognizer(language),
            UkPostcodeRecognizer(language),
            UkPostTownRecognizer(language, settings.lexicon_dir),
            IeEircodeRecognizer(language),
            UkAddressRecognizer(language),
            StreetAddressRecognizer(language),
            UkNinoRecognizer(language),
            UkDrivingLicenceRecognizer(language),
            UkNhsRecognizer(language),
            UsSsnRecognizer(language),
            UsPhoneRecognizer(language),
        ]
    return recognizers
