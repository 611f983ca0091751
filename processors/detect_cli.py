"""``piiflow detect``: entities per input line, offsets into the input text as given.

Each input line is an object with ``text``, optional ``lang`` and optional ``id``. Lines are read in
batches and run through the same normalisation, language choice and ``Detector`` as the pipeline;
spans found on the normalised text are mapped back to the input's offsets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from processors.config import PiiflowConfig
from processors.detection import Detector, Entity
from processors.heap import MallocTrimmer, freeze_startup_heap, glibc_malloc_trim
from processors.language import LanguageResolver
from processors.ordered_pool import batched, map_in_order, processes_for
from processors.textnorm import normalize_with_offsets

BATCH = 256


class DetectService:
    """Detector + language resolver, as the pipeline uses them, for text-only callers (detect, eval)."""

    def __init__(self, config: PiiflowConfig, config_path: Path, on_demand: bool = False) -> None:
        """``on_demand``: models, recognizers and the language detector load when first needed
        (``Detector``): a file in one language loads one model. The commands pass it; benchmarks
        and library callers get everything loaded up front."""
        self.detector = Detector.from_config(config, config_path, on_demand=on_demand)
        self.languages = LanguageResolver.for_languages(
            config.languages,
            self.detector.settings.lexicon_dir,
            config.detection.result_cache_size,
            preload=not on_demand,
        )

    def detect(self, texts: list[str], langs: list[str | None]) -> list[tuple[str, list[Entity]]]:
        """(language used, entities with offsets into the original text) per text."""
        normalized = [normalize_with_offsets(t) for t in texts]
        chosen = [self.languages.resolve(n.text, lang).code for n, lang in zip(normalized, langs, strict=True)]
        found = self.detector.detect([n.text for n in normalized], chosen)
        out = []
        for norm, language, entities in zip(normalized, chosen, found, strict=True):
            mapped = []
            for e in entities:
                start, end = norm.original_span(e.start, e.end)
                mapped.append(Entity(e.entity_type, start, end, e.score, e.recognizer, e.why))
            out.append((language, mapped))
        return out


def _lines(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise ValueError(f"input line {number}: not valid JSON") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"input line {number}: expected an object with a string 'text'")
        yield item


def _lines_before_bad(handle: IO[bytes], bad_input: list[str]) -> Iterator[dict[str, Any]]:
    """``_lines`` up to the first bad line, whose reason goes into ``bad_input``."""
    try:
        yield from _lines(handle)
    except ValueError as exc:
        bad_input.append(str(exc))


def _batches(handle: IO[bytes], bad_input: list[str]) -> Iterator[list[dict[str, Any]]]:
    """Input objects in batches of ``BATCH``. At a bad line, the lines before it come out as a last
    batch and the reason goes into ``bad_input``."""
    return batched(_lines_before_bad(handle, bad_input), BATCH)


def _renderer(service: DetectService, trimmer: MallocTrimmer) -> Callable[[list[dict[str, Any]]], bytes]:
    """The output lines of one batch of input objects (what a ``--jobs`` child runs too).

    Each process that renders counts its batches on its own copy of ``trimmer`` (forked with it).
    """

    def render(batch: list[dict[str, Any]]) -> bytes:
        langs = [b.get("lang") if isinstance(b.get("lang"), str) else None for b in batch]
        results = service.detect([b["text"] for b in batch], langs)
        rows = (
            orjson.dumps({"id": item.get("id"), "lang": language, "entities": [e.as_dict() for e in entities]})
            for item, (language, entities) in zip(batch, results, strict=True)
        )
        rendered = b"".join(row + b"\n" for row in rows)
        trimmer.processed(len(batch))
        return rendered

    return render


def run_detect(config: PiiflowConfig, config_path: Path, source: str, jobs: int | None = 1) -> int:
    """Stream input lines to JSON result lines on stdout, in input order.

    ``jobs``: processes detecting at once (0: one per usable CPU; ``None``: the same, at most
    ``AUTO_JOBS_CAP``; ``processors.ordered_pool.processes_for``). The first batch is detected here,
    so that its languages' models are loaded before the other processes are forked and shared with
    them (``processors.ordered_pool``); a file of one batch never forks.
    """
    jobs, notice = processes_for(jobs)
    if notice:
        print(f"piiflow: {notice}", file=sys.stderr)
    service = DetectService(config, config_path, on_demand=True)
    freeze_startup_heap()
    render = _renderer(service, MallocTrimmer(config.worker.malloc_trim_every, glibc_malloc_trim()))
    handle: IO[bytes] = sys.stdin.buffer if source == "-" else Path(source).open("rb")  # noqa: SIM115
    out = sys.stdout.buffer
    bad_input: list[str] = []
    try:
        batches = _batches(handle, bad_input)
        first = next(batches, None)
        if first is not None:
            out.write(render(first))
            out.flush()
            rest = map_in_order(render, batches, jobs) if jobs > 1 else map(render, batches)
            for rendered in rest:
                out.write(rendered)
                out.flush()
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    if bad_input:
        print(f"piiflow: bad input: {bad_input[0]}", file=sys.stderr)
        return 1
    return 0
