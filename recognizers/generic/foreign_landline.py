"""Landline numbers of France, the Netherlands, Belgium and the UK in another language's message."""

from __future__ import annotations

from phonenumbers import PhoneNumberType

from recognizers.base import digits_only
from recognizers.generic.foreign_mobile import ForeignShapeRecognizer, valid_of_type

_S = r"[ .\-]"  # one separator between groups
# Each shape with the separators its country writes, never as bare digits (an order number).
_FRENCH = rf"0[1-59](?:{_S}[0-9]{{2}}){{4}}"  # 01 42 68 53 00, 01-90-97-08-30, 09.87.65.43.21
# 070-8130090, 020 123 4567, 0546-123456, 0546 12 34 56
_DUTCH = (
    r"0[1-57-9][0-9](?:[ \-][0-9]{7}|[ \-][0-9]{3}[ \-]?[0-9]{4}|[ \-][0-9]{3}(?: [0-9]{2}){2})"
    r"|0[1-57-9][0-9]{2}(?:[ \-][0-9]{6}|[ \-][0-9]{3} [0-9]{3}|(?:[ \-][0-9]{2}){3})"
)
# 02 360 41 34, 02/360.41.34, 050 12 34 56, 050/12.34.56
_BELGIAN = r"0[1-9][ ./][0-9]{3}(?:[ .][0-9]{2}){2}|0[1-9][0-9](?:[ ./][0-9]{2}){3}"
# 020 7946 0958, 0161 496 0000, 01632 960123; the area code in brackets too: (020) 7946 0958
_BRITISH = (
    r"0[1-3][0-9] [0-9]{4} [0-9]{4}|0[1-3][0-9]{2} [0-9]{3} [0-9]{4}|0[1-3][0-9]{3} [0-9]{6}"
    r"|\(0[1-3][0-9]\) ?[0-9]{4} [0-9]{4}|\(0[1-3][0-9]{2}\) ?[0-9]{3} [0-9]{4}|\(0[1-3][0-9]{3}\) ?[0-9]{6}"
)
_SHAPES = {"French": _FRENCH, "Dutch": _DUTCH, "Belgian": _BELGIAN, "British": _BRITISH}
_LANDLINE_TYPES = frozenset({PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP})
#: The regions a national number of each length may belong to: digits decide, not the shape.
_REGIONS = {9: ("BE",), 10: ("FR", "NL"), 11: ("GB",)}
MIN_DIGITS = 9


def is_landline(candidate: str) -> bool:
    """A fixed-line (or VoIP) number libphonenumber knows as valid in a region of its length."""
    digits = digits_only(candidate)
    return valid_of_type(digits, _REGIONS.get(len(digits), ()), _LANDLINE_TYPES)


class ForeignLandlineRecognizer(ForeignShapeRecognizer):
    """Landline numbers of the neighbouring countries in their own national shapes
    (``PHONE_NUMBER``), in a message of another language: a Dutch customer writes "070-8130090" in
    English, a French one "01-90-97-08-30" in Dutch. ``ForeignMobileRecognizer`` does the same for
    mobiles; the national recognizers run for their own language only.

    Format: French "01 42 68 53 00" (pairs separated by spaces, dots or dashes), Dutch
    "070-8130090", "020 123 4567" or "0546 12 34 56", Belgian "02 360 41 34" or "050/12.34.56",
    British "020 7946 0958", "0161 496 0000" or "01632 960123", the area code also in brackets
    ("(020) 7946 0958"); always with separators, since bare
    digits are as often an order number. Validated with python-phonenumbers: a valid fixed-line or
    VoIP number of a country with that many digits (nine: Belgium; ten: France or the Netherlands;
    eleven: the UK). A number that continues a longer separated chain of digits is dropped.

    Score 0.6: the grouping is a phone's, and the number is a valid landline.
    """

    min_digits = MIN_DIGITS  # GatedRecognizer: only texts with nine digits or more can hold one
    KIND = "landline"
    COUNTRY_SHAPES = _SHAPES

    def validate_result(self, pattern_text: str) -> bool | None:
        """A valid landline of a country with that many digits; anything else is dropped."""
        return is_landline(pattern_text)
