"""Structured JSON logs on stderr.

Records carry the message, level, logger and whitelisted structured fields (ids, counts, types,
reasons). Message text and detected values are never passed to a logger by piiflow's code; as a
second line of defence, exception tracebacks are reduced to the exception type, since an
exception message can quote its input.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime

import orjson

SAFE_FIELDS = (
    "message_id",
    "sink",
    "reason",
    "count",
    "language",
    "model",
    "topic",
    "partition",
    "offset",
    "batch_size",
    "elapsed_ms",
    "entity_type",
)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, msg, and the whitelisted extras."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in SAFE_FIELDS:
            if name in record.__dict__:
                payload[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            payload["exception"] = record.exc_info[0].__name__
        return orjson.dumps(payload, default=str).decode()


def configure_logging(level: str = "INFO") -> None:
    """Route every logger to stderr as JSON at ``level``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("kafka", "aiokafka", "faust", "mode", "presidio-analyzer"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
