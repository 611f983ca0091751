"""``piiflow corpus``: write a generated, labelled chat corpus (see ``processors.chatcorpus``).

Default output is evaluation records (the shared sets' JSONL format, for ``piiflow eval``); with
``--wire``, input-contract messages as produced to the input topic, and optionally (``--planted``)
one line per message listing the values planted in it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Any

import orjson

from processors.chatcorpus import LANGUAGES, generate_records, generate_wire_messages


def cmd_corpus(args: argparse.Namespace) -> int:
    """Write ``--n`` generated messages to ``--out`` (or standard output)."""
    from processors.cli import UserError

    if args.n < 0:
        raise UserError("--n must be zero or more")
    languages = tuple(args.langs.split(",")) if args.langs else LANGUAGES
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:
        raise UserError(f"--langs: unsupported language(s) {', '.join(unknown)} (use fr, nl, en)")
    rows: list[dict[str, Any]]
    planted: list[dict[str, Any]] = []
    if args.wire:
        messages = generate_wire_messages(args.n, args.seed, languages)
        rows = [m.message for m in messages]
        planted = [
            {
                "message_id": m.message["message_id"],
                "text": [{"value": p.value, "label": p.label, "start": p.start, "end": p.end} for p in m.planted],
                "fields": m.planted_fields,
            }
            for m in messages
        ]
    else:
        if args.planted is not None:
            raise UserError("--planted goes with --wire (records carry their spans already)")
        rows = generate_records(args.n, args.seed, languages)
    _write(rows, args.out)
    if args.planted is not None:
        _write(planted, args.planted)
    if args.out is not None:
        kind = "wire messages" if args.wire else "records"
        print(f"{len(rows)} {kind} (seed {args.seed}) written to {args.out}", file=sys.stderr)
    return 0


def _write(rows: list[dict[str, Any]], path: Path | None) -> None:
    handle: IO[bytes]
    if path is None:
        handle = sys.stdout.buffer
        for row in rows:
            handle.write(orjson.dumps(row) + b"\n")
        handle.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        for row in rows:
            handle.write(orjson.dumps(row) + b"\n")


def register(subparsers: Any) -> None:
    """Add ``corpus`` to the ``piiflow`` command line."""
    p = subparsers.add_parser("corpus", help="generate a labelled FR/NL/EN chat corpus (fake, seeded)")
    p.add_argument("--n", type=int, default=5000, help="number of messages (default 5000)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument("--out", type=Path, default=None, help="JSONL output file (default: standard output)")
    p.add_argument("--wire", action="store_true", help="input-contract messages instead of eval records")
    p.add_argument("--planted", type=Path, default=None, help="with --wire: write planted values here")
    p.add_argument("--langs", default=None, help="comma-separated subset of fr,nl,en (default: all three)")
    p.set_defaults(func=cmd_corpus)
