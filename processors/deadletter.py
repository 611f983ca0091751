"""Dead letters that do not leak: the original payload is sealed with AES-256-GCM.

A record carries the reason code, a value-free detail, where the payload came from and the key id;
the payload itself is encrypted under the dead-letter key ring, with the source reference as
associated data (so a sealed payload cannot be passed off as coming from elsewhere). An operator
holding the key can open it and replay it after a fix (``piiflow dlq replay``).
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from processors.keys import KeyRing

ALGORITHM = "AES-256-GCM"
_PURPOSE = "dead-letter"


@dataclass(frozen=True)
class SourceRef:
    """Where a raw record came from (Kafka coordinates, or a file and line in embedded mode)."""

    topic: str
    partition: int
    offset: int

    def as_dict(self) -> dict[str, Any]:
        """JSON form (also the associated data of the sealed payload)."""
        return {"topic": self.topic, "partition": self.partition, "offset": self.offset}


class DeadLetterSealer:
    """Seal and open dead-letter payloads with a key ring (active key seals, any known key opens)."""

    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring

    def seal(self, payload: bytes, source: SourceRef, kafka_key: bytes | None = None) -> dict[str, Any]:
        """The encrypted form of ``payload`` (and of its Kafka key, if any) bound to ``source``."""
        key_id, key = self.ring.derive(_PURPOSE)
        aad = orjson.dumps(source.as_dict())
        sealed = {
            "algorithm": ALGORITHM,
            "key_ring": self.ring.name,
            "key_id": key_id,
            "ciphertext": _seal(key, payload, aad),
        }
        if kafka_key is not None:
            sealed["key_ciphertext"] = _seal(key, kafka_key, aad + b"|key")
        return sealed

    def open(self, record: dict[str, Any]) -> bytes:
        """The original payload of a dead-letter record (raises if the key or the data is wrong)."""
        encryption = record["encryption"]
        _, key = self.ring.derive(_PURPOSE, encryption["key_id"])
        return _open(key, encryption["ciphertext"], orjson.dumps(record["source"]))

    def open_key(self, record: dict[str, Any]) -> bytes | None:
        """The original Kafka key of a dead-letter record, ``None`` if it had none."""
        encryption = record["encryption"]
        if "key_ciphertext" not in encryption:
            return None
        _, key = self.ring.derive(_PURPOSE, encryption["key_id"])
        return _open(key, encryption["key_ciphertext"], orjson.dumps(record["source"]) + b"|key")


def _seal(key: bytes, data: bytes, aad: bytes) -> str:
    nonce = os.urandom(12)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, data, aad)).decode()


def _open(key: bytes, blob_b64: str, aad: bytes) -> bytes:
    blob = base64.b64decode(blob_b64)
    return AESGCM(key).decrypt(blob[:12], blob[12:], aad)
