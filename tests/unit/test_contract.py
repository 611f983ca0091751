"""The input wire contract: valid messages parse, anything else is a value-free rejection."""

from __future__ import annotations

import orjson
import pytest

from processors.contract import InputMessage, Rejection, parse_message

VALID = {
    "schema_version": 1,
    "message_id": "m-1",
    "conversation_id": "c-1",
    "timestamp": "2026-11-20T10:00:00Z",
    "sender": {"role": "customer", "id": "cust-1", "email": "someone@example.org"},
    "text": "bonjour",
    "consent": {"analytics": True, "training": False},
}


def parse(payload: bytes) -> InputMessage | Rejection:
    return parse_message(payload, max_bytes=4096, max_text_chars=100)


def test_valid_message_parses_with_extras() -> None:
    message = parse(orjson.dumps(VALID))
    assert isinstance(message, InputMessage)
    assert message.sender.model_extra == {"email": "someone@example.org"}
    assert message.consent is not None and message.consent.flag("training") is False
    assert message.consent.flag("special_categories") is None


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"not json", "invalid_json"),
        (b'{"text": "\xff\xfe"}', "invalid_utf8"),
        (b"[1, 2]", "not_an_object"),
        (orjson.dumps({**VALID, "schema_version": 2}), "unsupported_schema_version"),
        (orjson.dumps({**VALID, "sender": {"role": "alien", "id": "x"}}), "schema_violation"),
        (orjson.dumps({k: v for k, v in VALID.items() if k != "timestamp"}), "schema_violation"),
        (orjson.dumps({**VALID, "text": "x" * 101}), "text_too_long"),
        (b"{" + b" " * 5000 + b"}", "oversized"),
    ],
)
def test_rejections_have_reason_codes(payload: bytes, reason: str) -> None:
    result = parse(payload)
    assert isinstance(result, Rejection)
    assert result.reason == reason


def test_rejection_detail_never_quotes_values() -> None:
    secret = "jean.secret@example.fr"
    result = parse(orjson.dumps({**VALID, "sender": {"role": secret, "id": secret}}))
    assert isinstance(result, Rejection)
    assert secret not in result.detail
    assert "sender.role" in result.detail
    assert result.message_id == "m-1"


@pytest.mark.parametrize(
    ("given", "parsed"),
    [("fr", "fr"), ("nl-BE", "nl"), ("fr-BE", "fr"), ("FR", "fr"), ("en_GB", "en"), (" nl ", "nl"), ("NL-be", "nl")],
)
def test_a_language_tag_of_a_supported_language_names_it(given: str, parsed: str) -> None:
    """A Belgian producer's "nl-BE" sent every message to the dead-letter topic."""
    message = parse(orjson.dumps({**VALID, "lang": given}))
    assert isinstance(message, InputMessage)
    assert message.lang == parsed


@pytest.mark.parametrize("given", ["de", "de-DE", "fra", "", "-", 3])
def test_other_languages_are_still_refused_without_quoting_them(given: object) -> None:
    result = parse(orjson.dumps({**VALID, "lang": given}))
    assert isinstance(result, Rejection)
    assert result.reason == "schema_violation"
    assert "lang" in result.detail
    assert "de-DE" not in result.detail
