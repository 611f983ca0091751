"""The input wire contract: what a raw chat message on the input topic must look like.

Parsing turns bytes into an ``InputMessage`` or a ``Rejection`` with a reason code. A rejection's
detail names the offending field and the kind of problem, never the value: it goes to the
dead-letter topic and to logs, where message content must not appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SCHEMA_VERSION = 1
LANGUAGE_CODES = frozenset({"fr", "nl", "en"})


def primary_language(tag: str) -> str:
    """The code of one of piiflow's languages for a BCP 47 tag or a locale naming it, case and
    region ignored ("nl-BE", "fr_FR", "EN" give "nl", "fr", "en"); any other tag as it came.

    Why: producers label messages the way their platform does. A Belgian shop's "nl-BE" or
    "fr-BE" is Dutch or French for every model and list piiflow has; refusing it sent every such
    message to the dead-letter topic."""
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in LANGUAGE_CODES else tag


class Sender(BaseModel):
    """Who wrote the message. Optional extra fields (name, email, phone…) are personal data."""

    model_config = ConfigDict(extra="allow", frozen=True)

    role: Literal["customer", "agent", "bot"]
    id: str = Field(min_length=1, max_length=512)


class Consent(BaseModel):
    """Consent flags captured upstream; a missing flag means 'not given' unless a sink says otherwise."""

    model_config = ConfigDict(extra="allow", frozen=True)

    analytics: bool | None = None
    training: bool | None = None
    special_categories: bool | None = None

    def flag(self, name: str) -> bool | None:
        """The value of a consent flag by name (known or extra), ``None`` when absent."""
        value = getattr(self, name, None)
        if value is None and self.model_extra:
            value = self.model_extra.get(name)
        return value if isinstance(value, bool) else None


class InputMessage(BaseModel):
    """One chat message as produced to the input topic (schema version 1)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    schema_version: Literal[1]
    message_id: str = Field(min_length=1, max_length=256)
    conversation_id: str = Field(min_length=1, max_length=256)
    timestamp: datetime
    sender: Sender
    text: str
    lang: Literal["fr", "nl", "en"] | None = None
    consent: Consent | None = None
    metadata: dict[str, Any] | None = None

    @field_validator("lang", mode="before")
    @classmethod
    def _primary_language(cls, value: object) -> object:
        """A tag such as "nl-BE", "FR" or "en_GB" names a language piiflow has; "de" still does not
        (``primary_language``)."""
        return primary_language(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Rejection:
    """Why a payload cannot be processed: a stable reason code and a value-free detail."""

    reason: str
    detail: str
    message_id: str | None = None


def _safe_message_id(data: dict[str, Any]) -> str | None:
    value = data.get("message_id")
    return value if isinstance(value, str) and 0 < len(value) <= 256 else None


def parse_message(payload: bytes, max_bytes: int, max_text_chars: int) -> InputMessage | Rejection:
    """Validate one raw payload against the contract."""
    if len(payload) > max_bytes:
        return Rejection("oversized", f"payload of {len(payload)} bytes exceeds limit {max_bytes}")
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        reason = "invalid_utf8" if "utf-8" in str(exc).lower() else "invalid_json"
        return Rejection(reason, "payload is not valid UTF-8 JSON")
    if not isinstance(data, dict):
        return Rejection("not_an_object", f"payload is a JSON {type(data).__name__}, expected an object")
    message_id = _safe_message_id(data)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        return Rejection("unsupported_schema_version", "schema_version must be 1", message_id)
    try:
        message = InputMessage.model_validate(data)
    except ValidationError as exc:
        problems = sorted({f"{'.'.join(str(p) for p in e['loc'])}: {e['type']}" for e in exc.errors()})
        return Rejection("schema_violation", "; ".join(problems)[:500], message_id)
    if len(message.text) > max_text_chars:
        return Rejection(
            "text_too_long",
            f"text of {len(message.text)} characters exceeds limit {max_text_chars}",
            message_id,
        )
    return message
