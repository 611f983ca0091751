"""CryptoWalletRecognizer: Bitcoin and Ethereum addresses (published example addresses)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers import build_recognizers
from recognizers.entities import ALL_ENTITIES, CRYPTO, EVAL_LABEL
from recognizers.generic.crypto_wallet import CryptoWalletRecognizer, base58check_valid, bech32_valid

WALLETS = CryptoWalletRecognizer()


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in WALLETS.analyze(text, [CRYPTO])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bitcoin wiki's and BIP-173/350's example addresses
        ("send it to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 please", ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", 0.9)),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", 0.9)),
        ("refund: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh.", ("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", 0.9)),
        ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", 0.9)),
        (
            "taproot bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
            ("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", 0.9),
        ),
        ("0x71C7656EC7ab88b098defB751B7401B5f6d8976F", ("0x71C7656EC7ab88b098defB751B7401B5f6d8976F", 0.7)),
    ],
)
def test_wallet_addresses(text: str, expected: tuple[str, float]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3",  # one character changed: the checksum fails
        "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlj",
        "bc1QXY2KGDYGJRSQTZQ2N0YRF2493P83KKFJHX0WLH",  # two cases in one address
        "ref 1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",  # a transaction hash
        "order 12345678901234567890123456",
    ],
)
def test_not_a_wallet(text: str) -> None:
    assert found(text) == []


def test_checksums() -> None:
    assert base58check_valid("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
    assert not base58check_valid("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNV0")  # "0" is no Base58 digit
    assert bech32_valid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
    assert not bech32_valid("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")  # a testnet prefix


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert CRYPTO in ALL_ENTITIES and CRYPTO not in EVAL_LABEL
    for language in ("fr", "nl", "en"):
        assert "CryptoWalletRecognizer" in {type(r).__name__ for r in build_recognizers(language)}


def test_training_surrogates_are_valid_segwit_addresses() -> None:
    fake = surrogate(CRYPTO, "en", b"\x05" * 32)
    assert fake is not None and fake.startswith("bc1q") and bech32_valid(fake)
    assert fake == surrogate(CRYPTO, "en", b"\x05" * 32)


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "remboursez sur mon portefeuille bitcoin 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 svp"
    (entities,) = real_detector.detect([text], ["fr"])
    assert (CRYPTO, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2") in [(e.entity_type, text[e.start : e.end]) for e in entities]
