"""Keyed pseudonyms: the same value always gives the same token for one sink's key, and nothing else.

A token is ``tok_<keyid>_<hex>``: the hex is HMAC-SHA256 over a namespace (the entity family) and
the normalised value, truncated. Normalising first ("06 12 34 56 78", "0612345678" and
"+33 6 12 34 56 78" are one phone) is what makes tokens join across messages and formats. Without
the key a token cannot be reversed or recomputed; different sinks have different keys, so their
tokens cannot be joined unless the config makes them share a key ring.
"""

from __future__ import annotations

import hmac
import unicodedata

import phonenumbers

from processors.keys import KeyRing
from recognizers.entities import EMAIL_ADDRESS, PHONE_NUMBER

_PHONE_REGION = {"fr": "FR", "nl": "NL", "en": "GB"}
# Fields of the wire contract whose values are entities of a known family (so they join the text's tokens).
FIELD_NAMESPACE = {"sender.email": EMAIL_ADDRESS, "sender.phone": PHONE_NUMBER, "sender.name": "PERSON"}


def normalise_value(namespace: str, value: str, language: str = "en") -> str:
    """Canonical form of a value, so that formatting differences do not change its token."""
    value = unicodedata.normalize("NFKC", value).strip()
    if namespace == PHONE_NUMBER:
        try:
            parsed = phonenumbers.parse(value, _PHONE_REGION.get(language, "FR"))
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            return "".join(ch for ch in value if ch.isdigit() or ch == "+")
    if namespace == EMAIL_ADDRESS:
        return value.casefold()
    # str methods mapped in C rather than generator expressions: conversation and sender ids pass
    # here for every message and every sink
    if any(map(str.isdigit, value)):
        alphanumeric = "".join(filter(str.isalnum, value))
        if len(alphanumeric) >= 6:
            return alphanumeric.upper()  # identifiers: IBAN, NIR, BSN, cards
    return " ".join(value.casefold().split())


class Pseudonymizer:
    """Token factory for one key ring (one sink, or the audit trail)."""

    def __init__(self, ring: KeyRing, purpose: str = "pseudonym", key_id: str | None = None) -> None:
        """Tokens with the ring's active key, or with ``key_id`` (to find records written before a
        key rotation: ``piiflow token``)."""
        self.key_id, self._key = ring.derive(purpose, key_id)

    def digest(self, namespace: str, value: str, language: str = "en") -> bytes:
        """The raw keyed hash of a normalised value (also seeds surrogates)."""
        message = f"{namespace}\x1f{normalise_value(namespace, value, language)}".encode()
        return hmac.digest(self._key, message, "sha256")  # one C call; the same HMAC as hmac.new(...).digest()

    def token(self, namespace: str, value: str, language: str = "en", length: int = 16) -> str:
        """``tok_<keyid>_<hex>`` of ``length`` hex characters."""
        return f"tok_{self.key_id}_{self.digest(namespace, value, language).hex()[:length]}"
