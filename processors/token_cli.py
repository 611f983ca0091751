"""``piiflow token``: the tokens a person's identifiers got in each sink, for access and erasure requests.

Sink records carry keyed tokens instead of identifiers (``processors/pseudonym.py``): the sender id,
the conversation id, the fields and entity types a sink pseudonymises. To find one person's records
downstream (GDPR art. 15 and 17), their identifiers must be turned into the same tokens with each
sink's key. This command does exactly what the pipeline does for each sink: same key ring, same
namespace, same normalisation, same token length; with every key of the ring, since records written
before a key rotation carry the old key's id. Where a sink does not pseudonymise the value (a
placeholder, a surrogate, a dropped field), it says so: there is no token to look for.

Values are read from the arguments or, better, one per line from standard input (they stay out of
the shell history). Output is one JSON line per sink, value and key: the value's position in the
input, never the value itself. Keys are read as the worker reads them; there is no dev mode, since
ephemeral keys made tokens no one can find again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from processors.config import PiiflowConfig, PseudonymiseOp, SinkConfig, load_config
from processors.keys import KeyRing, load_key_ring
from processors.pipeline import CONVERSATION_NAMESPACE, SENDER_NAMESPACE
from processors.policy import field_action, operator_for
from processors.pseudonym import FIELD_NAMESPACE, Pseudonymizer
from recognizers.entities import ALL_ENTITIES

AUDIT = "audit"  # the pseudo-sink of the audit trail, whose records carry conversation tokens
SENDER = "sender.id"
CONVERSATION = "conversation"
DEFAULT_LENGTH = 16  # the pipeline's length for ids and pseudonymised fields


class TokenUsageError(ValueError):
    """A ``--as`` or ``--sink`` the config does not know."""


def _namespace_and_length(sink: SinkConfig, kind: str) -> tuple[str, int] | str:
    """Where ``sink`` keeps a token of a ``kind`` value: (namespace, hex length), or why it keeps none."""
    if kind == SENDER:
        return SENDER_NAMESPACE, DEFAULT_LENGTH
    if kind == CONVERSATION:
        return CONVERSATION_NAMESPACE, DEFAULT_LENGTH
    if kind in ALL_ENTITIES:
        operator = operator_for(sink, kind)
        if isinstance(operator, PseudonymiseOp):
            return kind, operator.length
        return f"the sink's operator for {kind} is {getattr(operator, 'type', operator)}: no token"
    action = field_action(sink, kind)
    if action == "pseudonymise":
        return FIELD_NAMESPACE.get(kind, kind), DEFAULT_LENGTH
    return f"the sink's rule for the field {kind} is {action}: no token"


def _check(config: PiiflowConfig, kind: str, sinks: list[str]) -> None:
    if kind not in (SENDER, CONVERSATION) and kind not in ALL_ENTITIES and "." not in kind:
        raise TokenUsageError(
            f"--as {kind!r}: use sender.id, conversation, a field path (sender.email, metadata.order_ref) "
            "or an entity type (EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE...)"
        )
    unknown = [s for s in sinks if s != AUDIT and s not in config.sinks]
    if unknown:
        known = ", ".join([*config.sinks, AUDIT])
        raise TokenUsageError(f"--sink {unknown[0]!r} is not in the config (sinks: {known})")


def tokens(
    config: PiiflowConfig, rings: dict[str, KeyRing], kind: str, values: list[str], sinks: list[str], language: str
) -> list[dict[str, Any]]:
    """One row per sink, value and key of the sink's ring (the active key first): the token, or
    ``token: null`` and why."""
    rows: list[dict[str, Any]] = []
    for sink_name in sinks:
        if sink_name == AUDIT:
            ring = rings[config.audit_key_ring]
            where: tuple[str, int] | str = (
                (CONVERSATION_NAMESPACE, DEFAULT_LENGTH)
                if kind == CONVERSATION
                else "audit records carry only the conversation as a token"
            )
        else:
            ring = rings[config.sinks[sink_name].key_ring]
            where = _namespace_and_length(config.sinks[sink_name], kind)
        key_ids = [ring.active, *sorted(k for k in ring.material if k != ring.active)]
        for position, value in enumerate(values, start=1):
            if isinstance(where, str):
                rows.append({"sink": sink_name, "as": kind, "value": position, "token": None, "why": where})
                continue
            namespace, length = where
            for key_id in key_ids:
                token = Pseudonymizer(ring, key_id=key_id).token(namespace, value, language, length)
                rows.append({"sink": sink_name, "as": kind, "value": position, "key_id": key_id, "token": token})
    return rows


def _values(args: argparse.Namespace) -> list[str]:
    if args.values and args.values != ["-"]:
        return [str(v) for v in args.values]
    return [line.strip() for line in sys.stdin if line.strip()]


def cmd_token(args: argparse.Namespace) -> int:
    """Print each value's token in each chosen sink (all sinks and the audit trail by default)."""
    config, _ = load_config(args.config)
    sinks = args.sink or [*config.sinks, AUDIT]
    try:
        _check(config, args.kind, sinks)
    except TokenUsageError as exc:
        print(f"piiflow: {exc}", file=sys.stderr)
        return 2
    ring_names = {config.audit_key_ring if s == AUDIT else config.sinks[s].key_ring for s in sinks}
    rings = {name: load_key_ring(name, config.key_rings[name], dev_mode=False) for name in sorted(ring_names)}
    values = _values(args)
    for row in tokens(config, rings, args.kind, values, sinks, args.lang):
        sys.stdout.write(orjson.dumps(row).decode() + "\n")
    return 0


def register(subparsers: Any) -> None:
    """Add ``piiflow token``."""
    p = subparsers.add_parser(
        "token", help="a person's identifiers as each sink's tokens (to find their records for access or erasure)"
    )
    p.add_argument("values", nargs="*", help="the values; none or '-': one per line from standard input")
    p.add_argument(
        "--as",
        dest="kind",
        required=True,
        help="what the values are: sender.id, conversation, a field path (sender.email, metadata.order_ref) "
        "or an entity type pseudonymised in texts (EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE...)",
    )
    p.add_argument("--sink", action="append", help=f"only this sink (repeatable; '{AUDIT}' for the audit trail)")
    p.add_argument("--lang", default="en", choices=["fr", "nl", "en"], help="phone numbers without a country code")
    p.add_argument("--config", type=Path, default=None)
    p.set_defaults(func=cmd_token)
