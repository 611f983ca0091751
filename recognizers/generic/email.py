"""E-mail addresses, as typed in chat (also "jan (at) example.nl")."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import EMAIL_ADDRESS
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.tlds import KNOWN_TLDS, tld_alternation

# Anything that cannot continue the local part: the pattern consumes it (RE2 has no look-behind),
# so that "jan..doe@x.nl" or "x.@y.nl" never yields a truncated address.
_BEFORE = r"(?:^|[^\p{L}\p{N}._%+@-])"
_LOCAL = r"[\p{L}\p{N}_%+-]+(?:['’.][\p{L}\p{N}_%+-]+)*"
_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?"
_DOMAIN = rf"(?:{_LABEL}\.)+\p{{L}}{{2,24}}"

_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
_AT_WORDS = r"(?:at|arobase|arobas|apenstaartje|apenstaart|a)"
# "@" with spaces around it, or a bracketed "at": "jan @ example.nl", "jan(at)example.nl".
_AT = (
    rf"(?:[ \t]*{_OPEN}[ \t]*{_AT_WORDS}[ \t]*{_CLOSE}[ \t]*|[ \t]+@[ \t]*|[ \t]*@[ \t]+"
    r"|[ \t]+(?:arobase|arobas|apenstaartje)[ \t]+)"
)
_DOT_WORDS = r"(?:dot|point|punt|\.)"
_OBFUSCATED_DOT = rf"(?:[ \t]*{_OPEN}[ \t]*{_DOT_WORDS}[ \t]*{_CLOSE}[ \t]*|[ \t]+(?:dot|point|punt)[ \t]+)"
_DOT = rf"(?:\.|{_OBFUSCATED_DOT})"
_KNOWN_TLD = tld_alternation(KNOWN_TLDS)
# One of these is in every obfuscated address (lower case), for the cheap pre-check: an opening
# bracket, the spelled-out "at" words, or whitespace before "at".
_OBFUSCATION_MARKERS = ("(", "[", "{", "<", "arobas", "apenstaart", " at", "\tat")

_STANDARD = rf"{_BEFORE}(?P<pii>{_LOCAL}@{_DOMAIN})"
_SPACED_AT = rf"(?i){_BEFORE}(?P<pii>{_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_KNOWN_TLD})"
# A bare " at " is too common in English; accept it only when the dot is written out too.
_WORD_AT = rf"(?i){_BEFORE}(?P<pii>{_LOCAL}[ \t]+at[ \t]+{_LABEL}(?:{_DOT}{_LABEL})*{_OBFUSCATED_DOT}{_KNOWN_TLD})"

CONTEXT: dict[str, list[str]] = {
    "fr": ["mail", "email", "courriel", "adresse", "écrire", "contacter"],
    "nl": ["mail", "email", "mailadres", "emailadres", "adres", "mailen", "contact"],
    "en": ["mail", "email", "address", "contact", "write"],
}


class EmailRecognizer(GatedRecognizer):
    """E-mail addresses (``EMAIL_ADDRESS``).

    Format: RFC 5322 ``addr-spec`` restricted to what people type: a local part of letters
    (Unicode), digits and ``_ % + -`` with single inner dots or apostrophes (plus-addressing
    "jan+shop@x.nl" included), "@", then dot-separated domain labels and an alphabetic TLD.
    Official source: RFC 5322 section 3.4.1, https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1

    Scores: 0.85 for a well-formed address, raised to 1.0 when the TLD is in the local list
    (``tlds.KNOWN_TLDS``); 0.6 for an obfuscated address ("jan (at) example.nl",
    "jan @ example.nl", "jan at example dot nl"), which must end in a known TLD. Broken addresses
    (two dots, a dot before "@", no TLD) are not reported. No network: Presidio's own recognizer
    calls tldextract, which downloads the public suffix list.
    """

    def may_contain(self, text: str) -> bool:
        """An "@", or a bracketed or spelled-out "at"."""
        if "@" in text:
            return True
        lowered = text.lower()
        return any(marker in lowered for marker in _OBFUSCATION_MARKERS)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=EMAIL_ADDRESS,
            patterns=[
                Re2Pattern("email", _STANDARD, 0.85),
                Re2Pattern("email (spaced or bracketed at)", _SPACED_AT, 0.6),
                Re2Pattern("email (words at/dot)", _WORD_AT, 0.6),
            ],
            context=CONTEXT.get(supported_language, CONTEXT["en"]),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A plain address under a known TLD is certain; obfuscated ones keep their score."""
        if "@" not in pattern_text or any(ch.isspace() or ch in "()[]{}<>" for ch in pattern_text):
            return None
        tld = pattern_text.rsplit(".", 1)[-1].lower()
        return True if tld in KNOWN_TLDS else None
