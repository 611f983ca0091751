"""Terminal output of ``piiflow redact``: a progress bar on long files and a summary table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from processors.embedded import RedactSummary

PROGRESS_MIN_LINES = 2000


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


@contextmanager
def progress_for(path: Path, enabled: bool = True) -> Iterator[Callable[[int], None] | None]:
    """A progress callback for long files (on stderr), or ``None``."""
    total = _count_lines(path) if enabled else 0
    if total < PROGRESS_MIN_LINES:
        yield None
        return
    columns = (TextColumn("redacting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("redact", total=total)
        yield lambda n: progress.advance(task, n)


def print_redact_summary(summary: RedactSummary, out_dir: Path, ephemeral: list[str]) -> None:
    """The end-of-run table: messages per sink, drops, dead letters, entities per type and language."""
    console = Console()
    table = Table(title=f"piiflow redact: {summary.messages} messages → {out_dir}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for sink, count in sorted(summary.per_sink.items()):
        table.add_row(f"sent to {sink}", str(count))
    for reason, count in sorted(summary.dropped.items()):
        table.add_row(f"not sent: {reason}", str(count))
    for reason, count in sorted(summary.dead_letters.items()):
        table.add_row(f"dead letter: {reason}", str(count))
    for language, count in sorted(summary.languages.items()):
        table.add_row(f"language {language}", str(count))
    console.print(table)
    entities = Table(title="entities detected (type × language)")
    languages = sorted({lang for _, lang in summary.entities})
    entities.add_column("type")
    for language in languages:
        entities.add_column(language, justify="right")
    for entity_type in sorted({t for t, _ in summary.entities}):
        entities.add_row(entity_type, *[str(summary.entities.get((entity_type, lang), 0)) for lang in languages])
    console.print(entities)
    if ephemeral:
        console.print(
            f"[bold yellow]DEV MODE[/]: ephemeral keys for {', '.join(ephemeral)}; "
            "pseudonyms are not stable across runs and dead letters cannot be opened later."
        )
