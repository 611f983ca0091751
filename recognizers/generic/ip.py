"""IP addresses (IPv4 dotted quad, IPv6 full and compressed)."""

from __future__ import annotations

import ipaddress
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import IP_ADDRESS
from recognizers.generic.gated import GatedRecognizer, digit_count

# Any run of dot-separated numbers with four or more parts: the pattern takes the whole run so that
# a version "10.0.19041.1" or a dotted phone number "06.12.34.56.78" fails validation as a whole
# instead of yielding an address cut out of it. Three parts ("1.2.3", "12.03.2021") never match.
_IPV4 = r"[0-9]{1,5}(?:\.[0-9]{1,5}){3,}(?:/[0-9]{1,3})?"

_H = r"[0-9A-Fa-f]{1,4}"
_V4_TAIL = r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}"
# Full form (8 groups), or with one "::" (groups on either side), optionally ending with an
# embedded IPv4 ("::ffff:192.0.2.1"), a zone ("%eth0") and a prefix length ("/64").
_IPV6 = (
    rf"(?:{_H}(?::{_H}){{7}}"
    rf"|(?:{_H}(?::{_H}){{0,6}})?::(?:(?:{_H}:){{0,5}}{_V4_TAIL}|{_H}(?::{_H}){{0,6}})?"
    rf"|{_H}(?::{_H}){{5}}:{_V4_TAIL})"
    r"(?:%[0-9A-Za-z]{1,16})?(?:/[0-9]{1,3})?"
)


def _hex_digit_count(value: str) -> int:
    address = value.partition("%")[0].partition("/")[0]
    return sum(ch in "0123456789abcdefABCDEF" for ch in address)


class IpRecognizer(GatedRecognizer):
    """IP addresses (``IP_ADDRESS``).

    Format: IPv4 dotted quad, each octet 0-255 without leading zeros, optional CIDR suffix
    ("192.0.2.10", "198.51.100.0/24"); IPv6 in full or compressed form, with an optional
    embedded IPv4, zone index and prefix length ("2001:db8::1", "fe80::1%eth0").
    Official sources: RFC 791 (IPv4), RFC 4291 section 2.2 and RFC 5952 (IPv6 text form),
    https://www.rfc-editor.org/rfc/rfc4291#section-2.2

    Scores: 0.6 (IPv4) and 0.7 (IPv6); Python's ``ipaddress`` must accept the candidate or it is
    discarded. Version numbers with three parts, dates, times ("10:30", "14:30:05") and MAC
    addresses are rejected; a four-part version number ("1.2.3.4") is a known ambiguity.
    """

    def may_contain(self, text: str) -> bool:
        """An IPv4 needs dots and four digits; an IPv6 needs colons."""
        return ":" in text or ("." in text and digit_count(text) >= 4)

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["ip", "ipv4", "ipv6", "adresse", "serveur", "routeur", "connexion"],
        "nl": ["ip", "ipv4", "ipv6", "adres", "server", "router", "verbinding"],
        "en": ["ip", "ipv4", "ipv6", "address", "server", "router", "connection"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=IP_ADDRESS,
            patterns=[Re2Pattern("IPv4", _IPV4, 0.6), Re2Pattern("IPv6", _IPV6, 0.7)],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """``ipaddress`` decides; an IPv6 needs some substance ("a::b" is more likely code)."""
        address = pattern_text.partition("%")[0] if ":" in pattern_text else pattern_text
        try:
            ipaddress.ip_interface(address)
        except ValueError:
            return False
        if ":" in pattern_text and _hex_digit_count(pattern_text) < 3 and not pattern_text.startswith("::"):
            return False
        return None
