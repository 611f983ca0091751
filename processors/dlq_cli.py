"""``piiflow dlq``: look at dead letters by reason, and replay them after a fix.

``dlq stats`` counts records by reason (no payloads). ``dlq replay`` opens each sealed payload with
the dead-letter key ring and re-submits it, with its original Kafka key, to the input topic (or
writes it to a JSONL file for ``piiflow redact``). Opening needs the real key: dead letters written
in dev mode cannot be replayed. Replayed payloads never touch stdout or logs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag

from processors.config import PiiflowConfig, load_config
from processors.deadletter import DeadLetterSealer
from processors.keys import load_key_ring


def _records_from_file(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                yield orjson.loads(line)


def _records_from_topic(config: PiiflowConfig, timeout_ms: int) -> Iterator[dict[str, Any]]:
    from kafka import KafkaConsumer

    from processors.kafka_security import kafka_python_security

    consumer = KafkaConsumer(
        config.topics.dead_letter,
        bootstrap_servers=config.kafka.bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=timeout_ms,
        group_id=None,
        **kafka_python_security(config.kafka.security),
    )
    try:
        for message in consumer:
            yield orjson.loads(message.value)
    finally:
        consumer.close()


def _select(args: argparse.Namespace, config: PiiflowConfig) -> Iterator[dict[str, Any]]:
    source = _records_from_file(args.file) if args.file else _records_from_topic(config, args.timeout_ms)
    for record in source:
        if args.reason and record.get("reason") not in args.reason:
            continue
        yield record


def cmd_stats(args: argparse.Namespace) -> int:
    """Dead letters per reason code."""
    config, _ = load_config(args.config)
    counts = Counter(str(r.get("reason")) for r in _select(args, config))
    for reason, count in counts.most_common():
        print(f"{count:8d}  {reason}")
    print(f"{sum(counts.values()):8d}  total")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    """Open and re-submit dead letters (to the input topic, or to a JSONL file)."""
    config, _ = load_config(args.config)
    ring_name = config.dead_letter_key_ring
    sealer = DeadLetterSealer(load_key_ring(ring_name, config.key_rings[ring_name], dev_mode=False))
    producer: Any = None
    out = args.to_file.open("wb") if args.to_file else None
    if out is None and not args.dry_run:
        from kafka import KafkaProducer

        from processors.kafka_security import kafka_python_security

        producer = KafkaProducer(
            bootstrap_servers=config.kafka.bootstrap_servers,
            acks="all",
            **kafka_python_security(config.kafka.security),
        )
    replayed = 0
    try:
        for record in _select(args, config):
            try:
                payload = sealer.open(record)
                key = sealer.open_key(record)
            except (InvalidTag, KeyError, ValueError):
                where = record.get("source")
                print(
                    f"piiflow: cannot open the dead letter from {where}: wrong key ring/key id, or the record "
                    f"was altered; {replayed} replayed before it",
                    file=sys.stderr,
                )
                return 2
            replayed += 1
            if args.dry_run:
                continue
            if out is not None:
                out.write(payload.rstrip(b"\n") + b"\n")
            else:
                producer.send(config.topics.input, key=key, value=payload)
        if producer is not None:
            producer.flush()
    finally:
        if producer is not None:
            producer.close()
        if out is not None:
            out.close()
    target = "checked (dry run)" if args.dry_run else f"to {args.to_file or config.topics.input}"
    print(f"replayed {replayed} dead letters {target}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``piiflow dlq stats|replay``."""
    parser = subparsers.add_parser("dlq", help="dead-letter tools: stats, replay after a fix")
    sub = parser.add_subparsers(dest="dlq_command", required=True)
    for name, func, doc in (
        ("stats", cmd_stats, "count dead letters by reason"),
        ("replay", cmd_replay, "decrypt and re-submit dead letters"),
    ):
        p = sub.add_parser(name, help=doc)
        p.add_argument("--config", type=Path, default=None)
        p.add_argument(
            "--file", type=Path, default=None, help="read dead letters from a JSONL file (redact's dlq.jsonl)"
        )
        p.add_argument("--reason", action="append", help="only this reason code (repeatable)")
        p.add_argument("--timeout-ms", type=int, default=5000, help="stop reading the topic after this idle time")
        if name == "replay":
            p.add_argument("--to-file", type=Path, default=None, help="write payloads to a JSONL file instead of Kafka")
            p.add_argument("--dry-run", action="store_true", help="only check that every record opens")
        p.set_defaults(func=func)
