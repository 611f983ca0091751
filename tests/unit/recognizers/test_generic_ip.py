"""IpRecognizer: IPv4/IPv6 in chat; versions, dates, times, MAC addresses and phone numbers are not IPs."""

from __future__ import annotations

import pytest

from recognizers.entities import IP_ADDRESS
from recognizers.generic.ip import IpRecognizer

RECOGNIZER = IpRecognizer("en")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in RECOGNIZER.analyze(text, [IP_ADDRESS])]


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("mon ip est 192.0.2.10 depuis hier", "192.0.2.10", 0.6),
        ("ip: 198.51.100.255.", "198.51.100.255", 0.6),
        ("range 203.0.113.0/24 blocked", "203.0.113.0/24", 0.6),
        ("keep getting address 10.0.0.1 blocked", "10.0.0.1", 0.6),
        ("ipv6 2001:db8::1 werkt niet", "2001:db8::1", 0.7),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", 0.7),
        ("link-local fe80::1%eth0 here", "fe80::1%eth0", 0.7),
        ("mapped ::ffff:192.0.2.1 ok", "::ffff:192.0.2.1", 0.7),
        ("net 2001:db8:abcd::/48", "2001:db8:abcd::/48", 0.7),
        ("ip: fe80::1:", "fe80::1", 0.7),
    ],
)
def test_addresses(text: str, expected: str, score: float) -> None:
    assert found(text) == [(expected, score)]


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3 installée",
        "build 10.0.19041.1 of Windows",  # four parts but 19041 > 255
        "le 12.03.2021 à 14h30",
        "appelez le 06.12.34.56.78",
        "rdv à 10:30",
        "at 14:30:05 precisely",
        "mac 00:1A:2B:3C:4D:5E",
        "256.1.1.1",
        "01.2.3.4",  # leading zero
        "a::b",
        "prix 12.50 €",
        "v1.2.3.4",
    ],
)
def test_not_addresses(text: str) -> None:
    assert found(text) == []
