"""MAC addresses: "3C:5A:B4:01:2F:9E", "3c-5a-b4-01-2f-9e", "mac 3c5a.b401.2f9e"."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name
from recognizers.entities import MAC_ADDRESS
from recognizers.generic.gated import GatedRecognizer

_HEX = r"[0-9A-Fa-f]{2}"
# Six hex pairs, all separated by ":" or all by "-" (IEEE 802 canonical and Windows forms); RE2 has
# no back-references, so each separator is its own alternative.
_MAC = rf"(?:{_HEX}(?::{_HEX}){{5}}|{_HEX}(?:-{_HEX}){{5}})"
# Cisco's three dotted groups of four ("3c5a.b401.2f9e"): a product code's shape too, so only after
# the address's name.
_MAC_DOTTED = r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"
_NAMES = (
    r"(?:mac|mac[ -]?adres|mac[ -]?address|adresse mac|wi-?fi[ -]address|bluetooth[ -]address"
    r"|adresse physique|fysiek adres|physical address)"
)
_FILLERS = r"(?:is|est|le|la|l'|my|mon|ma|mijn|van|de|du|of|the|address|adresse|adres)"


class MacAddressRecognizer(GatedRecognizer):
    """MAC addresses (``MAC_ADDRESS``), every language.

    Format: six pairs of hex digits separated by ":" or "-", the same separator throughout
    ("3C:5A:B4:01:2F:9E", "3c-5a-b4-01-2f-9e"); after the address's name ("MAC", "adresse MAC",
    "MAC-adres", "Wi-Fi address") also Cisco's dotted form ("3c5a.b401.2f9e"). Pairs of decimal
    digits only, separated by "-", count only after the name ("12-34-56-78-90-12" is as often a
    reference number); all-zero and broadcast addresses identify no device.

    A network card's address is an online identifier of the person who carries the device (GDPR
    recital 30): routers, shops and Wi-Fi tracking link it to them. Source: IEEE 802-2014, section 8
    (48-bit MAC addresses and their hexadecimal representation).

    Scores: 0.85 with separators (the shape is specific), 0.9 after the address's name.
    """

    SCORE = 0.85
    NAMED_SCORE = 0.9

    CONTEXT: ClassVar[list[str]] = ["mac", "router", "routeur", "wifi", "wi-fi", "bluetooth", "adresse", "adres"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=MAC_ADDRESS,
            patterns=[
                Re2Pattern(
                    "MAC address after its name",
                    after_its_name(_NAMES, _FILLERS, rf"(?:{_MAC}|{_MAC_DOTTED})", NAME_SEPARATOR, 2),
                    self.NAMED_SCORE,
                ),
                Re2Pattern("MAC address", _MAC, self.SCORE),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def may_contain(self, text: str) -> bool:
        """Twelve hex digits and their separators: at least 14 characters and a ":", "-" or "."."""
        return len(text) >= 14 and (":" in text or "-" in text or "." in text)

    def validate_result(self, pattern_text: str) -> bool | None:
        """Not the all-zero or broadcast address."""
        digits = "".join(ch for ch in pattern_text.lower() if ch in "0123456789abcdef")
        return False if digits in ("0" * 12, "f" * 12) else None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Dash-separated pairs of decimal digits only count after the address's name
        ("12-34-56-78-90-12" alone is a reference number as often as an address)."""
        return [r for r in results if r.score >= self.NAMED_SCORE or not _decimal_pairs(text[r.start : r.end])]


def _decimal_pairs(value: str) -> bool:
    return "-" in value and value.replace("-", "").isdigit()
