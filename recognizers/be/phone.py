"""Belgian telephone numbers."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.nl.common import BARE_PHONE_SCORE, DIGIT_SEPARATOR, NUMBER_START
from recognizers.nl.phone_base import LowCountriesPhoneRecognizer

_S = DIGIT_SEPARATOR


class BePhoneRecognizer(LowCountriesPhoneRecognizer):
    """Belgian phone numbers, national and international forms, checked with libphonenumber.

    Numbering plan: BIPT/IBPT "Belgisch nummeringsplan / Plan de numérotation belge" and the
    ITU-T E.164 entry for +32: a trunk "0" then 8 digits for landlines (one-digit zones 02
    Brussels, 03 Antwerp, 04 Liège, 09 Ghent + 7 digits; two-digit zones 010-089 + 6 digits) or
    9 digits for mobiles (045x-049x). 0800 (free) and 090x (paid) lines have 5 digits after the
    prefix. Typed forms: "0475 12 34 56", "0475/12.34.56", "0475123456", "+32 475 12 34 56",
    "+32 (0)475 …", "0032 475 …", "02 512 34 56", "02/512.34.56", "09-223 45 67", "071 23 45 67".

    Scores by shape: international 0.75, mobile 0.7, landline with the zone set apart 0.6,
    9 bare digits 0.55 (a valid number in no other shape: more often a phone than an order
    number; none right after an order, invoice or parcel label, "factuur 025123456"), 0800/090x
    service lines 0.4. Context words (French and Dutch) add 0.35.
    """

    validated_score = 0.0  # libphonenumber confirms the number; the pattern's score stays
    REGION = "BE"
    PATTERNS = (
        Re2Pattern(
            "be_phone_international",
            rf"{NUMBER_START}(?P<pii>(?:\+|00)[ ]?32(?:{_S}?\(0\))?{_S}?0?[1-9](?:{_S}?[0-9]){{7,8}})",
            0.75,
        ),
        Re2Pattern("be_phone_mobile", rf"{NUMBER_START}(?P<pii>04[5-9][0-9](?:{_S}?[0-9]){{6}})", 0.7),
        Re2Pattern(
            "be_phone_landline",
            rf"{NUMBER_START}(?P<pii>(?:\(0[2349]\)[ ]?|0[2349]{_S})[0-9](?:{_S}?[0-9]){{6}}"
            rf"|(?:\(0[1-9][0-9]\)[ ]?|0[1-9][0-9]{_S})[0-9](?:{_S}?[0-9]){{5}})",
            0.6,
        ),
        Re2Pattern("be_phone_bare", rf"{NUMBER_START}(?P<pii>0[1-9][0-9]{{7}})", BARE_PHONE_SCORE),
        Re2Pattern(
            "be_phone_service",
            rf"{NUMBER_START}(?P<pii>0(?:800|90[0-9]){_S}?[0-9](?:{_S}?[0-9]){{4}})",
            0.4,
        ),
    )
    CONTEXT = (
        # Dutch
        "telefoon",
        "telefonisch",
        "telnr",
        "gsm",
        "mobiel",
        "bel",
        "gebeld",
        "bereikbaar",
        "whatsapp",
        "sms",
        "nummer",
        # French
        "téléphone",
        "telephone",
        "tél",
        "portable",
        "appeler",
        "appelez",
        "rappeler",
        "joindre",
        "joignable",
    )
