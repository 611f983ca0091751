"""End-to-end benchmark against a real broker: throughput, produce-to-publish latency, worker RSS.

For each worker count (default 1 then 2): fresh topics (4 partitions), workers started and ready,
then N generated chat messages produced as fast as possible; throughput is N divided by the time
from the first produce to the last audit record (one per input). Latency is the audit record's
Kafka timestamp minus the time its input was produced, per message (same machine clock). A second
phase produces at half the measured rate to report latency under sustainable load, sending what is
due once per tick (``--tick-ms``, 20) as a chat backend's producer batches. Worker RSS is read from
/proc while the run passes 10k and 100k messages, and the end of a longer run (``--rss-run``): the
median of five readings 0.1 s apart at each mark.

CPU time of the workers, the broker and this client in each phase is read from /proc and printed
per message: on a shared machine it shows where the cores go. The workers' mean batch size in a
phase comes from their /metrics. Each phase sends a freshly generated corpus (never a small one
cycled: the worker's result cache would answer the repeats), with the share of texts that repeat an
earlier one in the phase reported (bot greetings, agent templates: 10-20 %). Each worker count (and
the RSS run) gets topics of its own, deleted once its workers have stopped (``--keep-topics`` keeps
them): repeated runs leave only their consumer groups' committed offsets, which expire.

A broker just started is slower for its first tens of thousands of messages. On this 2-core VM, in
runs of 14,000 inputs one after the other, its CPU per message was 1.05 ms in the first run and
0.31-0.33 ms in the fourth, and the p99 latency at 400 msg/s fell with it (two series, 2026-12-03).
``--broker-warmup N`` first sends N messages at full speed through workers on throwaway topics, so
that the measured runs meet a broker in its steady state, as a long-running cluster is.

  bash scripts/kafka.sh start
  python scripts/bench_e2e.py --n 20000 --workers 1,2 [--rss-run 100000]
  python scripts/bench_e2e.py --workers 1 --rate 100 --n 6000 --set worker.batch_timeout_ms=20
      (latency at a fixed rate only, after --warmup 2000 messages at full speed, with a config override)
  python scripts/bench_e2e.py --broker-warmup 50000 --n 20000 --workers 1,2
      (the same runs on a broker that has handled 50,000 messages since it started)
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import orjson
import yaml
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

REPO = Path(__file__).resolve().parent.parent
SEED = 77


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _override(data: dict[str, Any], assignment: str) -> None:
    """Apply ``section.key=value`` (value parsed as YAML) to the loaded config."""
    dotted, _, raw = assignment.partition("=")
    *path, last = dotted.split(".")
    node = data
    for part in path:
        node = node[part]
    node[last] = yaml.safe_load(raw)


def _config(
    bootstrap: str, prefix: str, tmp: Path, partitions: int, overrides: list[str]
) -> tuple[Path, dict[str, str], dict[str, Any]]:
    data: dict[str, Any] = yaml.safe_load((REPO / "config" / "piiflow.yaml").read_text(encoding="utf-8"))
    for assignment in overrides:
        _override(data, assignment)
    data["kafka"].update(bootstrap_servers=[bootstrap], consumer_group=f"{prefix}group", client_id=f"{prefix}c")
    data["topics"].update(
        input=f"{prefix}raw", dead_letter=f"{prefix}dlq", audit=f"{prefix}audit", partitions=partitions
    )
    data["sinks"]["analytics"]["topic"] = f"{prefix}analytics"
    data["sinks"]["training"]["topic"] = f"{prefix}training"
    data["detection"]["lexicon_dir"] = str(REPO / "config" / "lexicons")
    path = tmp / f"{prefix}piiflow.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    keys = {
        ref["env"]: secrets.token_urlsafe(48) for ring in data["key_rings"].values() for ref in ring["keys"].values()
    }
    return path, keys, data


def _start_workers(count: int, path: Path, keys: dict[str, str], data: dict[str, Any], tmp: Path) -> list[Any]:
    workers = []
    for index in range(count):
        port = _free_port()
        data["worker"]["web_port"] = port
        worker_config = tmp / f"worker{index}-{path.name}"
        worker_config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        env = {**os.environ, **keys, "PIIFLOW_LOG_LEVEL": "WARNING", "TMPDIR": str(tmp)}
        log = (tmp / f"worker{index}.log").open("wb")
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "piiflow"), "worker", "--config", str(worker_config)],  # this venv's
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        workers.append((proc, port))
    deadline = time.monotonic() + 180
    for proc, port in workers:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"worker exited early ({proc.returncode}); see {tmp}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as r:
                    if b"true" in r.read():
                        break
            except OSError:
                pass
            time.sleep(0.5)
    time.sleep(5)  # let the group settle its partition assignment before timing
    return workers


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


RSS_SAMPLES = 5
RSS_SAMPLE_GAP = 0.1  # seconds


def _steady_rss_mb(pid: int) -> float:
    """The median of a few RSS readings 0.1 s apart: a batch in flight holds its docs and results
    for a few hundred ms, and one reading taken then says more about the batch than the worker."""
    readings = []
    for index in range(RSS_SAMPLES):
        if index:
            time.sleep(RSS_SAMPLE_GAP)
        readings.append(_rss_mb(pid))
    return statistics.median(readings)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _batch_totals(workers: list[Any]) -> tuple[float, float]:
    """Sum and count of ``piiflow_batch_size`` over the workers' /metrics: mean batch size of a phase."""
    total = count = 0.0
    for _, port in workers:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            for line in response.read().decode().splitlines():
                if line.startswith("piiflow_batch_size_sum "):
                    total += float(line.split()[1])
                elif line.startswith("piiflow_batch_size_count "):
                    count += float(line.split()[1])
    return total, count


def _phase_batches(workers: list[Any], before: tuple[float, float], messages: int) -> list[float]:
    """Messages and batches the workers counted since ``before``, once they count ``messages``.

    A worker observes a batch once the broker has acknowledged all of its records, so an audit
    record can reach this benchmark before its batch is counted: reading /metrics at once found no
    batch at all after a 150-message phase (CI, 2026-12-07). Wait for the count, at most 10 s.
    """
    deadline = time.time() + 10
    while True:
        batches = [after - earlier for after, earlier in zip(_batch_totals(workers), before, strict=True)]
        if batches[0] >= messages or time.time() >= deadline:
            return batches
        time.sleep(0.05)


def _broker_pid() -> int | None:
    pid_file = REPO / ".kafka" / "kafka.pid"
    try:
        pid = int(pid_file.read_text().strip())
        _cpu_seconds(pid)
    except (OSError, ValueError):
        return None
    return pid


PHASE_SEEDS = {"full": 0, "half": 1, "warmup": 2, "fixed": 3, "rss": 4, "broker-warmup": 5}


def _messages(n: int, phase: str) -> list[dict[str, Any]]:
    """``n`` generated messages, a fresh corpus per phase.

    Never a small corpus sent again: the worker keeps the results of messages it has seen
    (``detection.result_cache_size``), so cycled messages would measure the cache, not detection.
    Each corpus keeps the repeats a generated chat stream has by itself (bot greetings, agent
    templates), reported as ``repeats`` in the phase's results.
    """
    sys.path.insert(0, str(REPO))
    from processors.chatcorpus import generate_wire_messages

    out = [w.message for w in generate_wire_messages(n, SEED + PHASE_SEEDS[phase])]
    for i, m in enumerate(out):
        m["message_id"] = f"bench-{phase}-{i:07d}"
    return out


def _repeat_share(messages: list[dict[str, Any]]) -> float:
    """Share of messages whose text repeats an earlier message's, word for word."""
    return round(1 - len({m["text"] for m in messages}) / max(1, len(messages)), 3)


def _run_phase(
    bootstrap: str,
    data: dict[str, Any],
    messages: list[dict[str, Any]],
    rate: float | None,
    workers: list[Any],
    rss_marks: tuple[int, ...] = (),
    tick: float = 0.02,
) -> dict[str, Any]:
    producer = KafkaProducer(bootstrap_servers=[bootstrap], acks="all", linger_ms=5)
    consumer = KafkaConsumer(
        data["topics"]["audit"], bootstrap_servers=[bootstrap], auto_offset_reset="latest", group_id=None
    )
    consumer.poll(timeout_ms=1000)  # assignment before producing, so nothing is missed
    sent: dict[str, float] = {}
    latencies: list[float] = []
    broker = _broker_pid()
    pids = [p.pid for p, _ in workers] + ([broker] if broker else [])
    cpu_before = {pid: _cpu_seconds(pid) for pid in pids}
    own_before = time.process_time()
    batches_before = _batch_totals(workers)
    rss: dict[int, list[float]] = {}
    seen = 0
    first = time.time()
    last_audit = first
    next_mark = iter(rss_marks)
    mark = next(next_mark, None)

    def drain(timeout_ms: int) -> None:
        nonlocal seen, last_audit, mark
        for records in consumer.poll(timeout_ms=timeout_ms, max_records=5000).values():
            for record in records:
                message_id = orjson.loads(record.value).get("message_id")
                if message_id in sent:
                    latencies.append(record.timestamp / 1000 - sent.pop(message_id))
                    seen += 1
                    last_audit = record.timestamp / 1000
                    while mark is not None and seen >= mark:
                        rss[mark] = [_steady_rss_mb(p.pid) for p, _ in workers]
                        mark = next(next_mark, None)

    for i, message in enumerate(messages):
        if rate:
            # Sleep to the send time rather than poll the audit topic meanwhile: latency comes from
            # the audit records' broker timestamps, so reading them late costs nothing, while
            # polling every few ms took 2-4 ms of CPU per message from the benchmark and the broker.
            # Wake once per tick and send every message then due: one produce request per message
            # cost the broker 0.62 ms and this client 1.17 ms of CPU per message at 250 msg/s,
            # against 0.25 and 0.67 with 20 ms ticks, all on the cores the workers need.
            delay = first + i / rate - time.time()
            if delay > 0:
                time.sleep(delay + tick)
            if i % 200 == 0:
                drain(0)
        key = str(message["conversation_id"]).encode()
        sent[message["message_id"]] = time.time()
        producer.send(data["topics"]["input"], key=key, value=orjson.dumps(message))
        if i % 500 == 0:
            drain(0)
    producer.flush()
    deadline = time.time() + 900
    while sent and time.time() < deadline:
        drain(500)
    cpu = {pid: _cpu_seconds(pid) - before for pid, before in cpu_before.items()}
    own = time.process_time() - own_before
    batches = _phase_batches(workers, batches_before, len(messages) - len(sent))
    producer.close()
    consumer.close()
    lat = sorted(latencies)
    done = max(1, len(lat))
    return {
        "messages": len(messages),
        "repeats": _repeat_share(messages),
        "missing": len(sent),
        "seconds": round(last_audit - first, 2),
        "msg_per_s": round(len(lat) / max(1e-9, last_audit - first), 1),
        "p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
        "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 1) if lat else None,
        "mean_batch": round(batches[0] / batches[1], 1) if batches[1] else None,
        "rss_mb": {k: [round(x) for x in v] for k, v in rss.items()},
        "cpu_ms_per_msg": {
            "workers": round(sum(cpu[p.pid] for p, _ in workers) * 1000 / done, 2),
            "broker": round(cpu[broker] * 1000 / done, 2) if broker else None,
            "benchmark": round(own * 1000 / done, 2),
        },
    }


def _delete_topics(admin: KafkaAdminClient, prefix: str) -> None:
    """Delete the topics a run created: its five (input, sinks, audit, dead letters) and Faust's
    assignor topic, all named with the run's ``prefix``. Each worker count and the RSS run make fresh
    ones, so on a shared cluster they would otherwise pile up (six a run). Its consumer group is left
    to expire: this kafka-python has no call to delete one."""
    mine = [topic for topic in admin.list_topics() if topic.startswith(prefix)]
    if not mine:
        return
    try:
        admin.delete_topics(mine, timeout_ms=30_000)
    except KafkaError as exc:  # the figures are measured by now: say what is left behind, go on
        print(f"could not delete the benchmark's topics {prefix}*: {type(exc).__name__}: {exc}", file=sys.stderr)


def _stop(workers: list[Any]) -> None:
    for proc, _ in workers:
        proc.send_signal(signal.SIGTERM)
    for proc, _ in workers:
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def _fresh_run(
    args: argparse.Namespace, admin: KafkaAdminClient, tmp: Path, label: str, count: int
) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    """``count`` workers on topics of their own (named ``bench<time><label>.``): the config and the
    workers for the run's phases; afterwards the workers stop and, unless ``--keep-topics``, the
    topics go."""
    prefix = f"bench{int(time.time())}{label}."
    path, keys, data = _config(args.bootstrap, prefix, tmp, args.partitions, args.set)
    workers = _start_workers(count, path, keys, data, tmp)
    try:
        yield data, workers
    finally:
        _stop(workers)
        if not args.keep_topics:
            _delete_topics(admin, prefix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bootstrap", default=os.environ.get("PIIFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument(
        "--rss-run",
        type=int,
        default=0,
        help="messages for the RSS run (1 worker), e.g. 100000; RSS read at 10k and every 100k",
    )
    parser.add_argument("--rate", type=float, default=0, help="only a fixed-rate latency phase at this msg/s")
    parser.add_argument("--tick-ms", type=float, default=20, help="fixed-rate phases send what is due once per tick")
    parser.add_argument("--warmup", type=int, default=2000, help="with --rate: messages sent at full speed first")
    parser.add_argument("--set", action="append", default=[], help="config override, e.g. worker.batch_timeout_ms=20")
    parser.add_argument("--keep-topics", action="store_true", help="leave each run's topics on the broker")
    parser.add_argument(
        "--broker-warmup",
        type=int,
        default=0,
        help="messages sent through throwaway topics at full speed before any measured run, e.g. 50000: "
        "a broker just started spends its first tens of thousands of messages warming up",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="piiflow-bench-"))
    admin = KafkaAdminClient(bootstrap_servers=[args.bootstrap])
    counts = [int(c) for c in args.workers.split(",")]
    if args.broker_warmup:
        with _fresh_run(args, admin, tmp, "warm", max(counts)) as (data, workers):
            warm = _run_phase(args.bootstrap, data, _messages(args.broker_warmup, "broker-warmup"), None, workers)
        print(f"broker warm-up: {warm}", file=sys.stderr)
    rows = []
    for count in counts:
        with _fresh_run(args, admin, tmp, f"w{count}", count) as (data, workers):
            if args.rate:
                if args.warmup:  # first batches and the group's rebalances, as the full-speed run does
                    _run_phase(args.bootstrap, data, _messages(args.warmup, "warmup"), None, workers)
                fixed = _run_phase(
                    args.bootstrap, data, _messages(args.n, "fixed"), args.rate, workers, tick=args.tick_ms / 1000
                )
                print(f"{count} worker(s) at {args.rate} msg/s: {fixed}", file=sys.stderr)
                continue
            full = _run_phase(args.bootstrap, data, _messages(args.n, "full"), None, workers)
            half_rate = full["msg_per_s"] / 2
            half = _run_phase(
                args.bootstrap,
                data,
                _messages(max(2000, args.n // 4), "half"),
                half_rate,
                workers,
                tick=args.tick_ms / 1000,
            )
        rows.append((count, full, half, half_rate))
        print(f"{count} worker(s): full {full} / half rate {half}", file=sys.stderr)
    rss_row = None
    if args.rss_run:
        with _fresh_run(args, admin, tmp, "rss", 1) as (data, workers):
            rss_row = _run_phase(
                args.bootstrap,
                data,
                _messages(args.rss_run, "rss"),
                None,
                workers,
                rss_marks=tuple(
                    sorted(
                        {10_000, min(100_000, args.rss_run), *range(100_000, args.rss_run + 1, 100_000), args.rss_run}
                    )
                ),
            )
        print(f"rss run: {rss_row}", file=sys.stderr)
    admin.close()
    shutil.rmtree(tmp, ignore_errors=True)  # configs and worker logs; kept when a run fails (see the error)
    print(
        f"End-to-end benchmark, {datetime.now(UTC):%Y-%m-%d}, {platform.node()}: {os.cpu_count()} cores, "
        f"single-node Kafka on the same machine, {args.partitions} partitions, generated chat messages; "
        f"spaCy {package_version('spacy')}"
        + (f"; broker warmed up with {args.broker_warmup} messages first." if args.broker_warmup else ".")
    )
    if rows:
        print(
            "\n| workers | messages (repeated texts) | sustained msg/s | at half rate: msg/s | p50 ms | p99 ms "
            "| mean batch "
            "| CPU ms/msg at full speed: workers, broker, benchmark | same at half rate |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
    for count, full, half, half_rate in rows:
        cpu, half_cpu = full["cpu_ms_per_msg"], half["cpu_ms_per_msg"]
        print(
            f"| {count} | {full['messages']} ({100 * full['repeats']:.1f} %) "
            f"| {full['msg_per_s']} | {round(half_rate, 1)} | {half['p50_ms']} "
            f"| {half['p99_ms']} | {half['mean_batch']} | {cpu['workers']}, {cpu['broker']}, {cpu['benchmark']} "
            f"| {half_cpu['workers']}, {half_cpu['broker']}, {half_cpu['benchmark']} |"
        )
    if rss_row:
        marks = rss_row["rss_mb"]
        print(f"\nWorker RSS (MB) by messages processed: {marks}; missing {rss_row['missing']}")


if __name__ == "__main__":
    main()
