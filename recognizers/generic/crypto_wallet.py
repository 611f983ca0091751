"""Cryptocurrency wallet addresses: Bitcoin (legacy and SegWit) and Ethereum."""

from __future__ import annotations

import hashlib
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import CRYPTO
from recognizers.generic.gated import GatedRecognizer

# Bitcoin's Base58 alphabet (no 0, O, I, l) and the bech32 one (no 1, b, i, o after the "1").
BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
BECH32_CONSTANT, BECH32M_CONSTANT = 1, 0x2BC830A3  # BIP-173 (SegWit v0), BIP-350 (v1+, Taproot)
_LEGACY_VERSIONS = (0x00, 0x05)  # pay-to-public-key-hash ("1..."), pay-to-script-hash ("3...")
_LEGACY_LENGTH = 25  # version byte, 20-byte hash, 4-byte checksum

_LEGACY = r"\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b"
_SEGWIT = r"\b(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}\b"
_ETHEREUM = r"\b0x[0-9a-fA-F]{40}\b"


def base58check_valid(address: str) -> bool:
    """A legacy Bitcoin address whose last four bytes are the double SHA-256 of the rest."""
    number = 0
    for character in address:
        digit = BASE58_ALPHABET.find(character)
        if digit < 0:
            return False
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    raw = b"\0" * (len(address) - len(address.lstrip("1"))) + body
    if len(raw) != _LEGACY_LENGTH or raw[0] not in _LEGACY_VERSIONS:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for index, generator in enumerate(_BECH32_GENERATOR):
            if (top >> index) & 1:
                checksum ^= generator
    return checksum


def _expand(prefix: str) -> list[int]:
    return [ord(ch) >> 5 for ch in prefix] + [0] + [ord(ch) & 31 for ch in prefix]


def bech32_valid(address: str) -> bool:
    """A SegWit address ("bc1…", one case throughout) whose bech32 or bech32m checksum holds."""
    if address != address.lower() and address != address.upper():
        return False
    prefix, separator, data = address.lower().rpartition("1")
    if prefix != "bc" or not separator or len(data) < 7:
        return False
    values = [BECH32_CHARSET.find(ch) for ch in data]
    if min(values) < 0:
        return False
    return _polymod(_expand(prefix) + values) in (BECH32_CONSTANT, BECH32M_CONSTANT)


def bech32_address(payload: list[int], constant: int = BECH32_CONSTANT) -> str:
    """The "bc1" address of ``payload`` (5-bit values, the witness version first) with its
    checksum: the training surrogates' maker."""
    check = _polymod([*_expand("bc"), *payload, 0, 0, 0, 0, 0, 0]) ^ constant
    checksum = [(check >> 5 * (5 - index)) & 31 for index in range(6)]
    return "bc1" + "".join(BECH32_CHARSET[value] for value in payload + checksum)


class CryptoWalletRecognizer(GatedRecognizer):
    """Cryptocurrency wallet addresses (``CRYPTO``), every language: Bitcoin legacy
    ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy") and SegWit
    ("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh") addresses, Ethereum addresses ("0x" and 40
    hexadecimal digits). A wallet address is a pseudonymous identifier: the chain's public history
    ties it to every payment its owner made, and an exchange to the owner's identity. Refund and
    fraud chats hold them. Presidio reports Bitcoin addresses by default as ``CRYPTO``; so does
    piiflow, under the same name.

    Format and checks: Base58Check for legacy addresses (version byte 0x00 or 0x05, the last four
    bytes the double SHA-256 of the rest); bech32 (BIP-173) or bech32m (BIP-350) for SegWit ones,
    one case throughout; Ethereum's mixed-case checksum (EIP-55) needs Keccak-256, which Python's
    standard library does not have, so an Ethereum address is checked by its shape only.
    Official sources: https://en.bitcoin.it/wiki/Base58Check_encoding ;
    https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki ;
    https://github.com/bitcoin/bips/blob/master/bip-0350.mediawiki ; https://eips.ethereum.org/EIPS/eip-55

    Scores: 0.9 for a Bitcoin address whose checksum holds (a failed one is dropped: a random
    run of letters and digits); 0.7 for an Ethereum address; "wallet", "bitcoin", "portefeuille",
    "adres" nearby raise them.
    """

    min_digits = 1  # every address opens with "1", "3", "bc1" or "0x"
    CHECKED_SCORE = 0.9
    ETHEREUM_SCORE = 0.7

    CONTEXT: ClassVar[list[str]] = [
        "wallet", "bitcoin", "btc", "ethereum", "eth", "crypto", "portefeuille", "adresse", "address", "adres",
    ]  # fmt: skip

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=CRYPTO,
            patterns=[
                Re2Pattern("Bitcoin legacy address", _LEGACY, self.CHECKED_SCORE),
                Re2Pattern("Bitcoin SegWit address", _SEGWIT, self.CHECKED_SCORE),
                Re2Pattern("Ethereum address", _ETHEREUM, self.ETHEREUM_SCORE),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Bitcoin addresses by their checksum; Ethereum ones by their shape (the pattern's)."""
        if pattern_text.startswith(("0x", "0X")):
            return None
        valid = bech32_valid(pattern_text) if pattern_text[:3].lower() == "bc1" else base58check_valid(pattern_text)
        return None if valid else False
