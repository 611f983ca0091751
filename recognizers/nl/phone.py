"""Dutch telephone numbers."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.nl.common import BARE_PHONE_SCORE, DIGIT_SEPARATOR, NUMBER_START
from recognizers.nl.phone_base import LowCountriesPhoneRecognizer

_S = DIGIT_SEPARATOR
_AREA = r"0(?:[1-57][0-9]|8[1-9])"  # geographic and 085/088; 06 mobile and 0800/090x apart


class NlPhoneRecognizer(LowCountriesPhoneRecognizer):
    """Dutch phone numbers, national and international forms, checked with libphonenumber.

    Numbering plan: Nummerplan telefoon- en ISDN-diensten (Rijksinspectie Digitale Infrastructuur)
    and the ITU-T E.164 entry for +31: a trunk "0" then 9 digits: mobiles 06 + 8 digits,
    landlines area code (010, 020, 0591 …) + subscriber number, 085/088 nationwide numbers;
    0800 (free) and 0900/0906/0909 (paid) service numbers have 4 or 7 digits after the prefix.
    Typed forms: "06-12345678", "06 12 34 56 78", "0612345678", "(06)-1234 5678", "+31 6 12345678",
    "+31(0)6 12345678", "0031 6 …", "020-1234567", "010 123 4567", "(020) 123 45 67", "(020)-1234567",
    "0591-123456".

    Scores by shape: international 0.75, mobile 0.7, landline with the area code set apart 0.6,
    10 bare digits 0.55 (a valid number in no other shape: more often a phone than an order
    number; none right after an order, invoice or parcel label, "bestelling 0201234567"),
    0800/090x service lines 0.4 (a company's line, rarely personal). Context words ("telefoon",
    "bel", "nummer"...) add 0.35.
    """

    validated_score = 0.0  # libphonenumber confirms the number; the pattern's score stays
    REGION = "NL"
    PATTERNS = (
        Re2Pattern(
            "nl_phone_international",
            rf"{NUMBER_START}(?P<pii>(?:\+|00)[ ]?31(?:{_S}?\(0\))?{_S}?0?[1-9](?:{_S}?[0-9]){{7,8}})",
            0.75,
        ),
        Re2Pattern("nl_phone_mobile", rf"{NUMBER_START}(?P<pii>(?:\(06\)[ \-]?|06)(?:{_S}?[0-9]){{8}})", 0.7),
        Re2Pattern(
            "nl_phone_landline",
            rf"{NUMBER_START}(?P<pii>(?:\({_AREA}\)[ \-]?|{_AREA}{_S})[0-9](?:{_S}?[0-9]){{6}}"
            rf"|(?:\({_AREA}[0-9]\)[ \-]?|{_AREA}[0-9]{_S})[0-9](?:{_S}?[0-9]){{5}})",
            0.6,
        ),
        Re2Pattern("nl_phone_bare", rf"{NUMBER_START}(?P<pii>{_AREA}[0-9]{{7}})", BARE_PHONE_SCORE),
        Re2Pattern(
            "nl_phone_service",
            rf"{NUMBER_START}(?P<pii>0(?:800|90[069]){_S}?[0-9](?:{_S}?[0-9]){{3}}(?:(?:{_S}?[0-9]){{3}})?)",
            0.4,
        ),
    )
    CONTEXT = (
        "telefoon",
        "telefonisch",
        "telnr",
        "mobiel",
        "gsm",
        "bel",
        "gebeld",
        "whatsapp",
        "sms",
        "bereikbaar",
        "contactnummer",
        "telnummer",
        "nummer",
    )
