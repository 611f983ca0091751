"""Web addresses: "https://...", "www...." and bare domains under a known TLD ("example.nl")."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import URL
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.tlds import AMBIGUOUS_BARE_TLDS, BARE_DOMAIN_TLDS, tld_alternation

_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?"
# Path, query and fragment: anything but spaces, quotes and angle brackets, not ending with
# sentence punctuation or a closing bracket ("see https://x.nl/a." reports "https://x.nl/a").
_PATH_CHARS = r"[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}»]"
_REST = rf"(?:[/?#]{_PATH_CHARS})?"
_PORT = r"(?::[0-9]{2,5})?"
# Something that cannot precede a host name: "@" (the domain of an e-mail), a letter, digit,
# dot, dash or slash (part of a longer token or of a path).
_BEFORE = r"(?:^|[^\p{L}\p{N}@._/\-])"
# Before a bare domain, also not an obfuscated e-mail's "(at) " / "[at] " / "@ " ("jan (at) example.nl").
_BEFORE_BARE = r"(?:^[ \t]*|[^\p{L}\p{N}@._/\-)\] \t]|[^)\]@ \t][ \t]+)"

_SCHEME = rf"(?i)(?:https?|ftp)://(?:[^\s@/<>\"']+@)?(?:{_LABEL}\.)*{_LABEL}{_PORT}{_REST}"
_WWW = rf"(?i){_BEFORE}(?P<pii>www[0-9]{{0,3}}\.(?:{_LABEL}\.)+\p{{L}}{{2,24}}{_PORT}{_REST})"
# Bare domains: lower-case TLD from the curated list ("Merci.De rien" is not a URL), labels of
# two or more characters ("t.nl" is a typo more often than a site).
_BARE_HOST = rf"(?:{_LABEL}\.)*[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}-]*[\p{{L}}\p{{N}}]"
_BARE = rf"{_BEFORE_BARE}(?P<pii>{_BARE_HOST}\.{tld_alternation(BARE_DOMAIN_TLDS)}{_PORT}{_REST})"

# A TLD that is also a word ("me", "co", "at") makes a bare domain only with a path after it:
# "paypal.me/sarahjones88", "t.me/jess_h", "wa.me/447911123456" ("said.no/" is not written).
_BARE_WITH_PATH = rf"{_BEFORE_BARE}(?P<pii>{_BARE_HOST}\.{tld_alternation(AMBIGUOUS_BARE_TLDS)}/{_PATH_CHARS})"


class UrlRecognizer(GatedRecognizer):
    """Web addresses (``URL``).

    Format: RFC 3986 URIs with an http(s)/ftp scheme; "www." host names; bare host names whose
    TLD is in the local list (``tlds.BARE_DOMAIN_TLDS``: common gTLDs and European ccTLDs, minus
    the TLDs that are everyday words such as "at", "es", "no", "me", which count only with a path
    after them: "paypal.me/sarahjones88"). Trailing punctuation is
    left out of the span, and the domain of an e-mail address is not a URL.
    Official source: RFC 3986, https://www.rfc-editor.org/rfc/rfc3986 ; TLDs from the IANA root
    zone database (kept local: no network at run time, unlike Presidio's tldextract).

    Scores: 0.8 with a scheme, 0.7 with "www.", 0.5 for a bare domain.
    """

    def may_contain(self, text: str) -> bool:
        """Every URL shape has a dot."""
        return "." in text

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["site", "lien", "url", "adresse", "page", "web"],
        "nl": ["site", "website", "link", "url", "pagina", "webadres"],
        "en": ["site", "website", "link", "url", "page", "web"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=URL,
            patterns=[
                Re2Pattern("URL with scheme", _SCHEME, 0.8),
                Re2Pattern("www host", _WWW, 0.7),
                Re2Pattern("bare domain (known TLD)", _BARE, 0.5),
                Re2Pattern("bare domain and path (TLD that is a word)", _BARE_WITH_PATH, 0.5),
            ],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
        )
