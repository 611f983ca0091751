"""Kafka connection security (TLS, SASL PLAIN/SCRAM) for both clients piiflow uses.

The password is read from the environment or a file at connection time and handed to the client
library only; it is never logged or put in an error message.
"""

from __future__ import annotations

import os
import ssl
from typing import Any

from processors.config import KafkaSecurity, SecretRef
from processors.keys import MissingKeyError


def read_password(ref: SecretRef) -> str:
    """The SASL password from its environment variable or file."""
    if ref.env is not None:
        value = os.environ.get(ref.env)
        if not value:
            raise MissingKeyError(f"Kafka SASL password: set {ref.describe()}")
        return value
    assert ref.file is not None
    try:
        return ref.file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise MissingKeyError(f"Kafka SASL password: cannot read {ref.describe()} ({exc.strerror})") from None


def ssl_context(security: KafkaSecurity) -> ssl.SSLContext | None:
    """A TLS context when the protocol uses TLS."""
    if not security.protocol.endswith("SSL"):
        return None
    context = ssl.create_default_context(cafile=str(security.ssl_cafile) if security.ssl_cafile else None)
    if security.ssl_certfile:
        context.load_cert_chain(str(security.ssl_certfile), str(security.ssl_keyfile) if security.ssl_keyfile else None)
    return context


def kafka_python_security(security: KafkaSecurity) -> dict[str, Any]:
    """Keyword arguments for kafka-python clients."""
    options: dict[str, Any] = {"security_protocol": security.protocol}
    context = ssl_context(security)
    if context is not None:
        options["ssl_context"] = context
    if security.protocol.startswith("SASL"):
        assert security.sasl_password is not None
        options.update(
            sasl_mechanism=security.sasl_mechanism,
            sasl_plain_username=security.sasl_username,
            sasl_plain_password=read_password(security.sasl_password),
        )
    return options
