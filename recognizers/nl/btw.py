"""Dutch VAT identification number (btw-identificatienummer / btw-nummer)."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import NL_VAT
from recognizers.nl.common import NUMBER_START, elfproef
from recognizers.scored_re2 import ScoredRe2Recognizer

_SEP = r"[ .\-]?"
_NINE_DIGITS = r"(?:[0-9]{9}|[0-9]{4}[ .][0-9]{2}[ .][0-9]{3}|[0-9]{3}[ .][0-9]{3}[ .][0-9]{3})"
_SUFFIX = rf"{_SEP}[Bb]{_SEP}[0-9]{{2}}"


def mod97_valid(compact: str) -> bool:
    """ISO 7064 MOD 97-10 over "NL" + 9 digits + "B" + 2 digits (letters as 10-35): remainder 1."""
    try:
        number = int("".join(str(int(char, 36)) for char in compact.upper()))
    except ValueError:
        return False
    return number % 97 == 1


def compact_vat(text: str) -> str:
    """ "NL 1234.56.782.B01" -> "NL123456782B01" (the prefix added when it was not typed)."""
    value = "".join(char for char in text.upper() if char.isalnum())
    return value if value.startswith("NL") else "NL" + value


class NlVatRecognizer(ScoredRe2Recognizer):
    """Btw-id: "NL" + 9 digits + "B" + 2 digits ("NL123456782B01", "nl 1234.56.782.b01").

    Sources: Belastingdienst ("Btw-identificatienummer en omzetbelastingnummer") and the EU VIES
    format list. Since 1 January 2020 a sole trader's btw-id no longer contains the BSN and its
    check is ISO 7064 MOD 97-10 over the whole "NL…B.." string; older btw-ids (and every
    company's, built on the RSIN) pass the 11-test on the 9 digits. Either check is accepted
    (as python-stdnum's ``nl.btw`` does); a number passing neither is refused.

    The "NL…B.." shape with a check is specific: 0.9. Typed without "NL" ("123456782B01", the
    old btw-nummer) it is 0.6. Context words add 0.35.
    """

    validated_score = 0.0
    ENTITY = NL_VAT
    PATTERNS = (
        Re2Pattern("nl_vat_prefixed", rf"(?P<pii>[Nn][Ll]{_SEP}{_NINE_DIGITS}{_SUFFIX})", 0.9),
        Re2Pattern("nl_vat_bare", rf"{NUMBER_START}(?P<pii>{_NINE_DIGITS}{_SUFFIX})", 0.6),
    )
    CONTEXT = ("btw", "omzetbelasting", "belastingnummer", "factuur")

    def validate_result(self, pattern_text: str) -> bool:
        """11-test on the 9 digits (old numbers, RSIN-based) or MOD 97-10 (since 2020)."""
        compact = compact_vat(pattern_text)
        if len(compact) != 14:
            return False
        return elfproef(compact[2:11]) or mod97_valid(compact)
