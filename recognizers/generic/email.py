"""E-mail addresses, as typed in chat (also "jan (at) example.nl")."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import EMAIL_ADDRESS
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.tlds import KNOWN_TLDS, tld_alternation

# Anything that cannot continue the local part: the pattern consumes it (RE2 has no look-behind),
# so that "jan..doe@x.nl" or "x.@y.nl" never yields a truncated address.
_BEFORE = r"(?:^|[^\p{L}\p{N}._%+@-])"
_LOCAL_WORD = r"[\p{L}\p{N}_%+-]+"
_LOCAL = rf"{_LOCAL_WORD}(?:['’.]{_LOCAL_WORD})*"
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
# A dot with a space before it ("jean . dupont", "gmail .com"). A space after the dot alone is how a
# sentence ends ("Merci. jean @ ..."), so that one does not join words.
_SPACED_DOT = r"[ \t]+\.[ \t]*"
_ODD_DOT = rf"(?:{_SPACED_DOT}|{_OBFUSCATED_DOT})"  # a dot as no working address writes it
_DOT = rf"(?:\.|{_ODD_DOT})"
# The local part of an obfuscated address, whose dots may be obfuscated too ("jean point dupont").
_OBFUSCATED_LOCAL = rf"{_LOCAL_WORD}(?:(?:['’.]|{_ODD_DOT}){_LOCAL_WORD})*"
# A local part no everyday word before "at" has: with a dot, an underscore or a digit ("j.smith").
_ADDRESS_LIKE_LOCAL = (
    rf"(?:{_LOCAL_WORD}(?:\.{_LOCAL_WORD})+|[\p{{L}}\p{{N}}%+-]*[_\p{{N}}][\p{{L}}\p{{N}}_%+-]*(?:\.{_LOCAL_WORD})*)"
)
# The same with dots said or spaced too ("john dot smith", "jean . dupont"): before a bare "at".
_ADDRESS_LIKE_SPOKEN_LOCAL = (
    rf"(?:{_LOCAL_WORD}(?:(?:{_ODD_DOT}|[._]){_LOCAL_WORD})+|[\p{{L}}\p{{N}}%+-]*[_\p{{N}}][\p{{L}}\p{{N}}_%+-]*)"
)
# Mail providers common in France, the Netherlands, Belgium and the UK: the first label of the
# domain in "johnsmith at gmail.com" (an address written with a bare "at" and a real dot).
MAIL_PROVIDERS: frozenset[str] = frozenset(
    {
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud",
        "aol", "gmx", "protonmail", "proton", "orange", "wanadoo", "free", "sfr", "laposte",
        "neuf", "bbox", "ziggo", "kpnmail", "planet", "xs4all", "hetnet", "telenet", "skynet",
        "proximus", "scarlet", "btinternet", "btopenworld", "virginmedia", "talktalk", "sky",
    }
)  # fmt: skip
_KNOWN_TLD = tld_alternation(KNOWN_TLDS)
_MAIL_PROVIDER = tld_alternation(MAIL_PROVIDERS)
# One of these is in every obfuscated address (lower case), for the cheap pre-check: an opening
# bracket, the spelled-out "at" words, or whitespace before "at".
_OBFUSCATION_MARKERS = ("(", "[", "{", "<", "arobas", "apenstaart", " at", "\tat")

_STANDARD = rf"{_BEFORE}(?P<pii>{_LOCAL}@{_DOMAIN})"
_SPACED_AT = rf"(?i){_BEFORE}(?P<pii>{_OBFUSCATED_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_KNOWN_TLD})"
# A bare "@" with a dot written another way in the domain: "jan@example dot nl", "jan@example . nl".
_ODD_DOMAIN = rf"(?:{_LABEL}{_DOT})*{_LABEL}{_ODD_DOT}(?:{_LABEL}{_DOT})*{_KNOWN_TLD}"  # one dot or more written oddly
_BARE_AT = rf"(?i){_BEFORE}(?P<pii>{_OBFUSCATED_LOCAL}@{_ODD_DOMAIN})"
# A bare " at " is too common in English ("see you at amazon.com"); it counts when the dot is written
# out too, when the local part looks like an address's ("j.smith at example.com"), or when the domain
# is a mail provider's ("johnsmith at gmail.com").
_WORD_AT = rf"(?i){_BEFORE}(?P<pii>{_OBFUSCATED_LOCAL}[ \t]+at[ \t]+{_LABEL}(?:{_DOT}{_LABEL})*{_ODD_DOT}{_KNOWN_TLD})"
_WORD_AT_ADDRESS_LIKE = (
    rf"(?i){_BEFORE}(?P<pii>(?:{_ADDRESS_LIKE_SPOKEN_LOCAL}[ \t]+at[ \t]+{_LABEL}"
    rf"|{_LOCAL}[ \t]+at[ \t]+{_MAIL_PROVIDER})"
    rf"(?:\.{_LABEL})*\.{_KNOWN_TLD})"
)

# An address said without its TLD, as speech writes it ("john dot smith at gmail", "jean point
# dupont arobase hotmail"): only a provider whose name is no everyday word ("orange", "free", "live",
# "sky" are left out: "I work at orange"), and a local part with a dot, an underscore or a digit in
# it, so that "my account at outlook" stays a phrase.
BARE_MAIL_PROVIDERS: frozenset[str] = frozenset(
    {
        "gmail", "googlemail", "hotmail", "outlook", "yahoo", "ymail", "icloud", "gmx", "protonmail",
        "wanadoo", "laposte", "ziggo", "kpnmail", "xs4all", "hetnet", "telenet", "skynet", "btinternet",
        "virginmedia", "talktalk",
    }
)  # fmt: skip
_NO_TLD = (
    rf"(?i){_BEFORE}(?P<pii>{_ADDRESS_LIKE_SPOKEN_LOCAL}(?:{_AT}|[ \t]+at[ \t]+)"
    rf"{tld_alternation(BARE_MAIL_PROVIDERS)})(?:$|[^\p{{L}}\p{{N}}.@-]|\.(?:$|[^\p{{L}}\p{{N}}]))"
)

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
    (``tlds.KNOWN_TLDS``); 0.6 for an obfuscated address, which must end in a known TLD: "@" with
    spaces or as a bracketed or spelled-out word ("jan (at) example.nl", "jan @ example.nl", "jean
    arobase exemple.fr"), dots as words or with a space before them, in the local part too ("jan
    punt jansen apenstaartje ziggo punt nl", "jean . dupont @ gmail . com", "jan@example dot nl"),
    and a bare "at" when the dot is written out too, the local part has a dot, an underscore or a
    digit ("j.smith at example.com") or the domain is a mail provider's ("johnsmith at gmail.com");
    without its TLD, as speech writes it, when the domain is a mail provider's that is no everyday
    word and the local part has a dot, an underscore or a digit ("john dot smith at gmail").
    Without "@", the first word must have a letter ("12.50 at tesco.com" is a price). Broken
    addresses (two dots, a dot before "@", no TLD) are not reported. No network: Presidio's own recognizer
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
                Re2Pattern("email (bare at, obfuscated dot)", _BARE_AT, 0.6),
                Re2Pattern("email (words at/dot)", _WORD_AT, 0.6),
                Re2Pattern("email (word at, address-like)", _WORD_AT_ADDRESS_LIKE, 0.6),
                Re2Pattern("email (no TLD, a mail provider's)", _NO_TLD, 0.6),
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

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """An address written without "@" whose first word has no letter is an amount, a time or an
        order number before "at": "12345 at bol.com", "12.50 at tesco.com", "9.00 (at) work.nl"."""
        if "@" in pattern_text:
            return None
        words = pattern_text.split(maxsplit=1)
        first = words[0] if words else ""
        for bracket in "([{<":
            first = first.split(bracket, 1)[0]
        return not any(ch.isalpha() for ch in first)
