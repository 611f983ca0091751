"""Phone number checks shared by the phone recognizers (python-phonenumbers, Google's libphonenumber port)."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException

# Scores shared by the phone recognizers: a number libphonenumber knows as assigned ("valid")
# is near-certain; a "possible" one (right length, unassigned or fictitious range such as
# Ofcom's 07700 900xxx) is reported only with a context word.
VALID_PHONE_SCORE = 0.85
POSSIBLE_PHONE_SCORE = 0.4
#: Countries whose numbers a message of the language may give, the first the default (the number
#: read out in words, two numbers typed in a row).
LANGUAGE_REGIONS = {"fr": ("FR", "BE", "CH", "LU"), "nl": ("NL", "BE"), "en": ("GB", "IE")}


def check_phone(candidate: str, region: str, country_codes: frozenset[int] | None = None) -> bool | None:
    """``True`` valid, ``None`` only possible, ``False`` not a phone number of ``country_codes``.

    ``region`` is the ISO 3166 region used to read a national number ("GB": "020 7946 0000").
    """
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return False
    if country_codes is not None and number.country_code not in country_codes:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    if phonenumbers.is_possible_number(number):
        return None
    return False
