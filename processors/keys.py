"""Secret keys: loaded from the environment or files named in the config, never from YAML.

Each key ring holds named keys (``k1``, ``k2``…) of which one is active. The secret material is
stretched with HKDF into one 32-byte key per use (pseudonyms, surrogates, dead-letter encryption),
so the same material never serves two purposes. Without a key the worker refuses to start, unless
dev mode is on: then an ephemeral random key is used and a warning says so on every start.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from processors.config import KeyRingConfig, PiiflowConfig, SecretRef

LOG = logging.getLogger(__name__)
MIN_SECRET_BYTES = 32


class MissingKeyError(Exception):
    """A configured key could not be read; the message says where it was expected."""


@dataclass(frozen=True)
class KeyRing:
    """The usable keys of one ring: ``active`` for new output, all of them for reading back."""

    name: str
    active: str
    material: dict[str, bytes]
    ephemeral: bool = False

    def derive(self, purpose: str, key_id: str | None = None) -> tuple[str, bytes]:
        """A 32-byte key for ``purpose`` from key ``key_id`` (default: the active one)."""
        key_id = key_id or self.active
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"piiflow/{purpose}".encode())
        return key_id, hkdf.derive(self.material[key_id])


def _read_secret(ring: str, key_id: str, ref: SecretRef) -> bytes:
    if ref.env is not None:
        value = os.environ.get(ref.env)
        if not value:
            raise MissingKeyError(f"key '{key_id}' of key ring '{ring}': set {ref.describe()}")
        material = value.encode()
    else:
        assert ref.file is not None
        try:
            material = ref.file.read_bytes().strip()
        except OSError as exc:
            raise MissingKeyError(
                f"key '{key_id}' of key ring '{ring}': cannot read {ref.describe()} ({exc.strerror})"
            ) from None
    if len(material) < MIN_SECRET_BYTES:
        raise MissingKeyError(
            f"key '{key_id}' of key ring '{ring}' from {ref.describe()} is shorter than {MIN_SECRET_BYTES} bytes"
        )
    return material


def load_key_ring(name: str, config: KeyRingConfig, dev_mode: bool) -> KeyRing:
    """Read every key of a ring; in dev mode a missing ring becomes one ephemeral key."""
    try:
        material = {key_id: _read_secret(name, key_id, ref) for key_id, ref in config.keys.items()}
    except MissingKeyError:
        if not dev_mode:
            raise
        return KeyRing(name, config.active, {config.active: secrets.token_bytes(32)}, ephemeral=True)
    return KeyRing(name, config.active, material)


def load_key_rings(config: PiiflowConfig, dev_mode: bool | None = None) -> dict[str, KeyRing]:
    """All key rings of the config; raises ``MissingKeyError`` unless dev mode covers it."""
    dev = config.dev_mode if dev_mode is None else dev_mode
    rings = {name: load_key_ring(name, ring, dev) for name, ring in config.key_rings.items()}
    ephemeral = sorted(name for name, ring in rings.items() if ring.ephemeral)
    if ephemeral:
        LOG.warning(
            "DEV MODE: ephemeral random keys for key rings %s; pseudonyms change on every start and "
            "dead letters cannot be decrypted later. Never use dev mode in production.",
            ", ".join(ephemeral),
        )
    return rings
