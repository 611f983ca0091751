"""A small, local list of top-level domains, shared by ``EmailRecognizer`` and ``UrlRecognizer``.

Kept in code on purpose: no network at run time (Presidio's tldextract would try to download the
public suffix list). The list covers the common generic TLDs and the European country codes a
FR/NL/EN customer-service chat meets; an address under another TLD is still found by the
patterns that do not need the list (an e-mail with "@", a URL with "http://" or "www."), at a
lower score.

Source: IANA root zone database, https://www.iana.org/domains/root/db
"""

from __future__ import annotations

GENERIC_TLDS: frozenset[str] = frozenset(
    {
        "com", "net", "org", "info", "biz", "edu", "gov", "int", "mil", "name", "pro", "mobi",
        "app", "dev", "io", "ai", "co", "me", "tv", "cc", "xyz", "online", "site", "store",
        "shop", "tech", "cloud", "email", "live", "blog", "club", "art", "eus", "bzh", "brussels",
        "vlaanderen", "amsterdam", "paris", "london", "berlin", "frl", "gent", "eu",
    }
)  # fmt: skip

COUNTRY_TLDS: frozenset[str] = frozenset(
    {
        "nl", "be", "fr", "lu", "de", "at", "ch", "li", "uk", "ie", "es", "pt", "it", "mt", "gr",
        "cy", "dk", "se", "no", "fi", "is", "pl", "cz", "sk", "hu", "si", "hr", "ro", "bg", "ee",
        "lv", "lt", "mc", "ad", "sm", "va", "gi", "ma", "tn", "dz", "sn", "ci", "cm", "ca", "us",
        "au", "nz", "za", "ru", "ua", "tr", "sr", "cw", "aw", "re", "gp", "mq", "gf", "nc", "pf",
        "in", "jp", "cn", "br", "mx", "ar",
    }
)  # fmt: skip

KNOWN_TLDS: frozenset[str] = GENERIC_TLDS | COUNTRY_TLDS

# TLDs that are also everyday words in French, Dutch or English ("tu.es", "look.at", "said.no"):
# a bare domain ("example.nl", no scheme, no "www.") must not end with one of these.
AMBIGUOUS_BARE_TLDS: frozenset[str] = frozenset(
    {"at", "es", "no", "me", "co", "in", "is", "us", "ma", "re", "ca", "it", "ai", "art", "cc", "int",
     "name", "pro", "live", "email", "club", "ar", "sr", "tv", "ci", "sn", "cm", "za", "nc", "pf"}
)  # fmt: skip

BARE_DOMAIN_TLDS: frozenset[str] = KNOWN_TLDS - AMBIGUOUS_BARE_TLDS


def tld_alternation(tlds: frozenset[str]) -> str:
    """An RE2 alternation of ``tlds``, longest first (leftmost-first matching prefers it)."""
    return "(?:" + "|".join(sorted(tlds, key=lambda t: (-len(t), t))) + ")"
