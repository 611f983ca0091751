"""``piiflow eval``: run the detector over labelled sets and print typed and privacy scores.

Detection goes through ``DetectService`` (normalisation, language choice, ``Detector``), the same path
as ``piiflow detect`` and the pipeline; the record's ``lang`` is passed as the producer's language.
Scoring rules are in ``processors.evaluation``. This module also registers ``piiflow corpus`` (see
``processors.corpus_cli``), since the command line only discovers a fixed list of modules.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from processors.config import DEFAULT_CONFIG_PATH, load_config
from processors.detect_cli import BATCH, DetectService
from processors.evaluation import (
    EXCLUDED_FROM_HEADLINE,
    GroupReport,
    Record,
    Report,
    Span,
    load_records,
    score,
    to_spans,
)
from processors.heap import freeze_startup_heap


def detect_records(
    service: DetectService,
    records: Sequence[Record],
    batch_size: int = BATCH,
    advance: Callable[[int], None] | None = None,
) -> list[list[Span]]:
    """piiflow's detections for each record, as canonical-label spans (see ``evaluation.to_spans``)."""
    out: list[list[Span]] = []
    for begin in range(0, len(records), batch_size):
        batch = records[begin : begin + batch_size]
        results = service.detect([r.text for r in batch], [r.lang for r in batch])
        out.extend(to_spans(entities) for _, entities in results)
        if advance is not None:
            advance(len(batch))
    return out


def _pct(value: float) -> str:
    return f"{value:.3f}"


def group_table(group: GroupReport, title: str | None = None) -> Table:
    """One rich table: per-label counts and scores, then the micro and privacy rows."""
    table = Table(title=escape(title or f"{group.dataset} [{group.lang}] — {group.records} records"))
    table.caption = "TP gold: gold spans found; TP det: detections on a gold span (see processors.evaluation)"
    for column in ("label", "gold", "pred", "TP gold", "TP det", "FP", "FN", "P", "R", "F1", "privacy R"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label, c in sorted(group.labels.items()):
        style = "dim" if label in EXCLUDED_FROM_HEADLINE else None
        table.add_row(
            label,
            str(c.gold),
            str(c.predicted),
            str(c.tp),
            str(c.tp_pred),
            str(c.fp),
            str(c.fn),
            _pct(c.precision),
            _pct(c.recall),
            _pct(c.f1),
            _pct(c.privacy_recall) if c.gold else "-",
            style=style,
        )
    micro = group.micro
    table.add_section()
    table.add_row(
        "micro (no ORG)",
        str(micro.gold),
        str(micro.predicted),
        str(micro.tp),
        str(micro.tp_pred),
        str(micro.fp),
        str(micro.fn),
        _pct(micro.precision),
        _pct(micro.recall),
        _pct(micro.f1),
        _pct(group.privacy_recall),
        style="bold",
    )
    table.add_row("privacy R, ORG included", *[""] * 9, _pct(group.privacy_recall_all))
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    """A table per dataset × language."""
    console = console or Console()
    for group in report.groups.values():
        console.print(group_table(group))


def cmd_eval(args: argparse.Namespace) -> int:
    """Score piiflow on labelled JSONL sets."""
    from processors.cli import UserError

    for path in args.datasets:
        if not path.is_file():
            raise UserError(f"{path}: dataset not found")
    config, config_path = load_config(args.config)
    records: list[Record] = []
    for path in args.datasets:
        try:
            records.extend(load_records(path, limit=args.limit))
        except (ValueError, KeyError) as exc:
            raise UserError(f"{path}: not an evaluation set ({exc})") from None
    service = DetectService(config, config_path, on_demand=True)
    freeze_startup_heap()
    started = time.perf_counter()
    columns = (TextColumn("detecting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True, disable=args.quiet) as progress:
        task = progress.add_task("eval", total=len(records))
        predictions = detect_records(service, records, args.batch, lambda n: progress.advance(task, n))
    elapsed = time.perf_counter() - started
    report = score(records, predictions)
    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, 120))
    print_report(report, console)
    rate = len(records) / elapsed if elapsed else 0.0
    console.print(f"{len(records)} records in {elapsed:.1f} s ({rate:.0f} records/s), config {config_path}")
    if args.json is not None:
        data: dict[str, Any] = {
            "config": str(config_path),
            "datasets": [str(p) for p in args.datasets],
            "limit": args.limit,
            "seconds": round(elapsed, 2),
            **report.as_dict(),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
        console.print(f"report written to {args.json}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``eval`` (and ``corpus``) to the ``piiflow`` command line."""
    p = subparsers.add_parser("eval", help="score detection on labelled JSONL sets (shared eval format)")
    p.add_argument("datasets", nargs="+", type=Path, metavar="DATASET.jsonl")
    p.add_argument("--config", type=Path, default=None, help=f"YAML config (default: {DEFAULT_CONFIG_PATH})")
    p.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the full report as JSON")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N records of each set")
    p.add_argument("--batch", type=int, default=BATCH, help=f"texts per detection batch (default {BATCH})")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_eval)
    if "corpus" not in subparsers.choices:
        from processors.corpus_cli import register as register_corpus

        register_corpus(subparsers)
