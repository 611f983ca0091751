"""End to end: the real ``piiflow worker`` against a real broker, with real keys (not dev mode).

The test writes a config for its own topics and consumer group, starts ``piiflow worker`` as a
subprocess, produces FR/NL/EN chat messages (valid ones under various consents, malformed ones) and
waits, polling with a deadline, until every expected output has arrived. It then stops the worker
with SIGTERM (it must exit 0, with its offsets committed), reads every output topic from the
beginning up to its end offsets, and checks routing, consent, dead letters and that no planted
personal value is readable in any output or in the worker's logs.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from delivery_support import OutputReader, Topics, cleanup, free_port, piiflow_executable
from kafka import KafkaProducer
from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient
from kafka.errors import KafkaError
from messages import PLANTED, InputCase, build_inputs, leaks

from processors.config import load_config
from processors.deadletter import DeadLetterSealer
from processors.keys import load_key_ring

REPO_ROOT = Path(__file__).resolve().parents[2]
BASE_CONFIG = REPO_ROOT / "config" / "piiflow.yaml"

# Names in the text (messages.PLANTED.names) depend on NER and name lookups that are still being
# tuned; they are caught today, but PIIFLOW_E2E_CHECK_NAMES=0 switches their check in the sinks off.
# (Names are always checked in the dead letters, the audit trail and the logs: no text is kept there.)
CHECK_NAMES_IN_SINKS = os.environ.get("PIIFLOW_E2E_CHECK_NAMES", "1") != "0"

STARTUP_DEADLINE_S = 90  # models load, topics get created
OUTPUT_DEADLINE_S = 120  # every expected output record has arrived
STOP_DEADLINE_S = 30  # SIGTERM to exit


@dataclass
class Run:
    """One worker run: its config, environment and log file."""

    config_path: Path
    topics: Topics
    group: str
    env: dict[str, str] = field(repr=False)
    key_env: dict[str, str] = field(repr=False)  # environment variable -> secret, for every key
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        """The last log lines, without Faker's DEBUG chatter about locales."""
        kept = [line for line in self.log_text().splitlines() if '"logger":"faker.' not in line]
        return "\n".join(kept[-lines:])


@pytest.fixture
def worker_run(kafka_bootstrap: str, unique_topic_prefix: str, tmp_path: Path) -> Run:
    """A config for this test's own topics and group, and an environment with real keys."""
    prefix = unique_topic_prefix
    topics = Topics.with_prefix(prefix)
    group = f"{prefix}piiflow"
    data: dict[str, Any] = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
    data["dev_mode"] = False
    data["kafka"]["bootstrap_servers"] = [kafka_bootstrap]
    data["kafka"]["consumer_group"] = group
    data["kafka"]["client_id"] = f"{prefix}piiflow"
    data["topics"].update(input=topics.input, dead_letter=topics.dead_letter, audit=topics.audit)
    data["sinks"]["analytics"]["topic"] = topics.analytics
    data["sinks"]["training"]["topic"] = topics.training
    data["worker"].update(web_port=free_port(), batch_timeout_ms=50, batch_size=16)
    lexicons = Path(data["detection"]["lexicon_dir"])
    data["detection"]["lexicon_dir"] = str(lexicons if lexicons.is_absolute() else BASE_CONFIG.parent / lexicons)
    config_path = tmp_path / "piiflow.yaml"
    config_path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    # A fresh random secret for every key the config names (all from environment variables).
    key_env = {
        ref["env"]: secrets.token_urlsafe(48) for ring in data["key_rings"].values() for ref in ring["keys"].values()
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIIFLOW_")}
    env.update(key_env)
    # DEBUG so that every log line piiflow can write is checked for leaks; TMPDIR keeps Faust's
    # data directory inside the test's temporary directory.
    env.update(PIIFLOW_LOG_LEVEL="DEBUG", TMPDIR=str(tmp_path), PYTHONUNBUFFERED="1")
    return Run(config_path, topics, group, env, key_env, tmp_path / "worker.log")


@pytest.fixture
def cleanup_topics(kafka_admin: KafkaAdminClient, unique_topic_prefix: str) -> Iterator[None]:
    """Delete this test's topics (including Faust's internal ones) and consumer group afterwards."""
    yield
    cleanup(kafka_admin, unique_topic_prefix)


# --- Kafka helpers -------------------------------------------------------------------------------


def _wait_for(
    what: Callable[[], str],
    predicate: Callable[[], bool],
    deadline_s: float,
    worker: subprocess.Popen[bytes],
    run: Run,
) -> None:
    """Poll ``predicate`` until true; fail early if the worker died, or at the deadline."""
    deadline = time.monotonic() + deadline_s
    while not predicate():
        if worker.poll() is not None:
            pytest.fail(
                f"worker exited with {worker.returncode} while waiting for {what()}; log tail:\n{run.log_tail()}"
            )
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {deadline_s} s waiting for {what()}; log tail:\n{run.log_tail()}")
        time.sleep(0.2)


def _produce(bootstrap: str, topic: str, cases: list[InputCase]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        for case in cases:
            producer.send(topic, key=case.key, value=case.value)
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=10)


def _stop(worker: subprocess.Popen[bytes]) -> int | None:
    """SIGTERM and wait; returns the exit code, or None if the worker had to be killed."""
    if worker.poll() is not None:
        return worker.returncode
    worker.send_signal(signal.SIGTERM)
    try:
        return worker.wait(timeout=STOP_DEADLINE_S)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)
        return None


# --- the test ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("cleanup_topics")
def test_worker_end_to_end(
    kafka_bootstrap: str,
    kafka_admin: KafkaAdminClient,
    worker_run: Run,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = worker_run
    topics = run.topics
    cases = build_inputs()
    valid = [c for c in cases if c.valid]
    malformed = [c for c in cases if not c.valid]
    expected_analytics = {c.message_id for c in valid if c.analytics}
    expected_training = {c.message_id for c in valid if c.training}
    expected_counts = {
        topics.analytics: len(expected_analytics),
        topics.training: len(expected_training),
        topics.dead_letter: len(malformed),
        topics.audit: len(cases),
    }
    # The data must exercise every branch, or the assertions below prove little.
    assert len(valid) >= 30 and len(malformed) >= 8
    assert 0 < len(expected_training) < len(expected_analytics) < len(valid)
    assert any(c.training and not c.analytics for c in valid)

    started = time.monotonic()
    timings: dict[str, float] = {}
    with run.log_path.open("wb") as log:
        worker = subprocess.Popen(
            [piiflow_executable(), "worker", "--config", str(run.config_path)],
            cwd=run.config_path.parent,
            env=run.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    reader: OutputReader | None = None
    exit_code: int | None = None
    try:
        # 1. The worker creates the topics once its keys and models are loaded.
        wanted = {topics.input, *topics.outputs()}
        _wait_for(
            lambda: "the worker to create its topics",
            lambda: wanted <= set(kafka_admin.list_topics()),
            STARTUP_DEADLINE_S,
            worker,
            run,
        )
        kafka_admin.wait_for_topics(sorted(wanted), timeout_ms=30_000)
        timings["startup"] = time.monotonic() - started

        # 2. Produce, then poll the outputs until every expected record is there, or until the worker
        # has committed every input offset (it commits only after the broker acknowledged a batch's
        # outputs, so everything is published then, even when the routing is not what we expect).
        _produce(kafka_bootstrap, topics.input, cases)
        produced = time.monotonic()
        reader = OutputReader(kafka_bootstrap, topics.outputs())
        next_offset_check = 0.0

        def complete() -> bool:
            nonlocal next_offset_check
            assert reader is not None
            reader.poll()
            if all(reader.counts()[t] >= n for t, n in expected_counts.items()):
                return True
            if time.monotonic() >= next_offset_check:
                next_offset_check = time.monotonic() + 1.0
                return sum(_committed_on_input(kafka_admin, run).values()) >= len(cases)
            return False

        _wait_for(
            lambda: f"the outputs {expected_counts} (got {reader.counts() if reader else None})",
            complete,
            OUTPUT_DEADLINE_S,
            worker,
            run,
        )
        timings["processing"] = time.monotonic() - produced

        # 3. The web server: health, readiness, and metrics that moved with the traffic.
        health = _http_get(run, "/health")
        ready = _http_get(run, "/ready")
        metrics_text = ""

        def metrics_caught_up() -> bool:
            nonlocal metrics_text
            metrics_text = _http_get(run, "/metrics")
            return f"piiflow_messages_in_total {float(len(cases))}" in metrics_text

        _wait_for(lambda: "the metrics to count every input", metrics_caught_up, 30, worker, run)
    finally:
        # 3. Graceful stop.
        stopping = time.monotonic()
        exit_code = _stop(worker)
        timings["shutdown"] = time.monotonic() - stopping

    assert exit_code == 0, (
        f"worker did not stop gracefully on SIGTERM (exit code {exit_code}, None = killed after "
        f"{STOP_DEADLINE_S} s); log tail:\n{run.log_tail()}"
    )

    # 4. Everything written, read deterministically up to the end offsets now that the worker stopped.
    assert reader is not None
    try:
        reader.read_to_end()
        outputs = {topic: reader.pairs(topic) for topic in topics.outputs()}
    finally:
        reader.close()
    timings["total"] = time.monotonic() - started

    for name, secret in run.key_env.items():  # as an operator's shell would have them
        monkeypatch.setenv(name, secret)
    problems = _check_outputs(run, cases, outputs)
    problems += _check_offsets_committed(kafka_admin, run, len(cases))
    problems += _check_topics(kafka_admin, run)
    problems += [
        f"worker log contains planted value {value!r}" for value in leaks(run.log_text(), PLANTED.everything())
    ]
    problems += _check_metrics(metrics_text, health, ready, expected_counts, topics, len(malformed))

    with capsys.disabled():
        print(
            f"\n[worker e2e] {len(cases)} inputs ({len(valid)} valid, {len(malformed)} malformed): "
            + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
        )
    saved = _save_outputs(run, outputs)
    assert not problems, "\n".join([*problems, f"(outputs saved in {saved}, worker log in {run.log_path})"])


# --- checks --------------------------------------------------------------------------------------


def _http_get(run: Run, path: str) -> str:
    """GET from the worker's web server (port from the test's config)."""
    import urllib.request

    port = yaml.safe_load(run.config_path.read_text(encoding="utf-8"))["worker"]["web_port"]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return str(response.read().decode())
    except OSError as exc:
        return f"unreachable: {exc}"


def _check_metrics(
    text: str, health: str, ready: str, expected: dict[str, int], topics: Topics, malformed: int
) -> list[str]:
    problems = []
    if '"status":"ok"' not in health.replace(" ", ""):
        problems.append(f"/health did not answer ok: {health[:200]}")
    if '"ready":true' not in ready.replace(" ", ""):
        problems.append(f"/ready did not answer ready: {ready[:200]}")
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, number = line.rpartition(" ")
            values[name] = float(number)
    wanted = {
        'piiflow_messages_out_total{sink="analytics"}': expected[topics.analytics],
        'piiflow_messages_out_total{sink="training"}': expected[topics.training],
    }
    for name, value in wanted.items():
        if values.get(name) != value:
            problems.append(f"metric {name} = {values.get(name)}, expected {value}")
    dead = sum(v for k, v in values.items() if k.startswith("piiflow_dead_letters_total{"))
    if dead != malformed:
        problems.append(f"dead-letter metrics sum to {dead}, expected {malformed}")
    if not any(k.startswith("piiflow_entities_total{") and v > 0 for k, v in values.items()):
        problems.append("no entity counter moved")
    if values.get("piiflow_processing_seconds_count") != expected[topics.audit]:  # one audit record per input
        problems.append(f"processing latency histogram counted {values.get('piiflow_processing_seconds_count')}")
    return problems


def _save_outputs(run: Run, outputs: dict[str, list[tuple[bytes | None, bytes]]]) -> Path:
    """Keep what the worker wrote (keys and values, one JSON line each) next to its log, for diagnosis."""
    folder = run.log_path.parent / "outputs"
    folder.mkdir(exist_ok=True)
    for topic, records in outputs.items():
        lines = [
            orjson.dumps({"key": (key or b"").decode("utf-8", "replace"), "value": orjson.loads(value)})
            for key, value in records
        ]
        (folder / f"{topic}.jsonl").write_bytes(b"".join(line + b"\n" for line in lines))
    return folder


def _decode(records: list[tuple[bytes | None, bytes]]) -> list[dict[str, Any]]:
    return [orjson.loads(value) for _, value in records]


def _raw(records: list[tuple[bytes | None, bytes]]) -> bytes:
    return b"\n".join((key or b"") + b"\t" + value for key, value in records)


def _dead_letter_sealer(config_path: Path) -> DeadLetterSealer:
    """The dead-letter key ring as an operator would load it: from the config, key in the environment."""
    config, _ = load_config(config_path)
    name = config.dead_letter_key_ring
    return DeadLetterSealer(load_key_ring(name, config.key_rings[name], dev_mode=False))


def _check_outputs(run: Run, cases: list[InputCase], outputs: dict[str, list[tuple[bytes | None, bytes]]]) -> list[str]:
    topics = run.topics
    problems: list[str] = []
    valid = [c for c in cases if c.valid]
    malformed = [c for c in cases if not c.valid]

    # Sinks: each valid message exactly where its consent allows it, and nowhere else.
    for sink, topic, allowed in (
        ("analytics", topics.analytics, {c.message_id for c in valid if c.analytics}),
        ("training", topics.training, {c.message_id for c in valid if c.training}),
    ):
        records = _decode(outputs[topic])
        ids = Counter(r["message_id"] for r in records)
        missing = sorted(allowed - set(ids))
        unexpected = sorted(set(ids) - allowed)
        duplicated = sorted(m for m, n in ids.items() if n > 1)
        if missing:
            problems.append(f"{sink}: missing messages {missing}")
        if unexpected:
            problems.append(f"{sink}: messages it must not receive (consent) {unexpected}")
        if duplicated:
            problems.append(f"{sink}: duplicated messages {duplicated}")
        for record in records:
            if record.get("policy", {}).get("sink") != sink:
                problems.append(f"{sink}: {record['message_id']} carries policy {record.get('policy')}")
            # Sender fields besides the role are pseudonymised or dropped, never kept in clear.
            sender = record.get("sender", {})
            clear = {k: v for k, v in sender.items() if k != "role" and not str(v).startswith("tok_")}
            if clear or "id" not in sender:
                problems.append(f"{sink}: {record['message_id']} sender fields not pseudonymised: {clear}")
        planted = PLANTED.enforced_in_sinks(CHECK_NAMES_IN_SINKS)
        for key, value in outputs[topic]:
            found = leaks((key or b"") + b"\t" + value, planted)
            if found:
                message_id = orjson.loads(value).get("message_id")
                problems.append(f"{sink}: {message_id} leaks {found}")

    # Dead letters: one per malformed input, the reason it deserves, sealed, and it opens.
    sealer = _dead_letter_sealer(run.config_path)
    expected_reason = {c.value: c for c in malformed}
    opened: Counter[bytes] = Counter()
    dead_letters = _decode(outputs[topics.dead_letter])
    for record in dead_letters:
        label = f"dead letter {record.get('reason')} (message_id {record.get('message_id')})"
        if record.get("source", {}).get("topic") != topics.input:
            problems.append(f"{label}: source {record.get('source')} is not the input topic")
        encryption = record.get("encryption", {})
        if encryption.get("algorithm") != "AES-256-GCM" or encryption.get("key_id") != "d1":
            problems.append(f"{label}: unexpected encryption header {encryption}")
        try:
            payload = sealer.open(record)
        except Exception as exc:
            problems.append(f"{label}: does not decrypt with the dead-letter key ({type(exc).__name__})")
            continue
        case = expected_reason.get(payload)
        if case is None:
            problems.append(f"{label}: decrypts to a payload that was not a malformed input")
            continue
        opened[payload] += 1
        if record.get("reason") != case.dead_letter_reason:
            problems.append(f"{label}: expected reason {case.dead_letter_reason}")
        if record.get("message_id") != case.message_id:
            problems.append(f"{label}: expected message_id {case.message_id}")
        if not record.get("detail"):
            problems.append(f"{label}: no detail")
        raw = orjson.dumps(record).lower()
        clear = [f for f in case.readable_fragments() if f.lower().encode() in raw]
        if clear:
            problems.append(f"{label}: input readable in clear: {clear}")
    for case in malformed:
        if opened[case.value] != 1:
            problems.append(
                f"malformed input (expected {case.dead_letter_reason}, message_id {case.message_id}) "
                f"is in the dead letters {opened[case.value]} times, expected once"
            )
    for value in leaks(_raw(outputs[topics.dead_letter]), PLANTED.everything()):
        problems.append(f"dead-letter topic leaks {value!r}")

    # Audit: one record per input, outcomes and sink decisions consistent with the routing.
    audits = _decode(outputs[topics.audit])
    if len(audits) != len(cases):
        problems.append(f"audit: {len(audits)} records for {len(cases)} inputs")
    processed = Counter(a["message_id"] for a in audits if a.get("outcome") == "processed")
    for case in valid:
        if processed[case.message_id] != 1:
            problems.append(f"audit: {case.message_id} has {processed[case.message_id]} 'processed' records")
    by_id = {a["message_id"]: a for a in audits if a.get("outcome") == "processed"}
    for case in valid:
        audit = by_id.get(case.message_id)
        if audit is None:
            continue
        for sink, allowed in (("analytics", case.analytics), ("training", case.training)):
            decision = audit.get("sinks", {}).get(sink, {}).get("decision")
            if decision != ("sent" if allowed else "dropped"):
                problems.append(f"audit: {case.message_id} {sink} decision {decision!r}, allowed={allowed}")
    reasons = Counter(a.get("dead_letter_reason") for a in audits if a.get("outcome") == "dead_letter")
    expected_reasons = Counter(c.dead_letter_reason for c in malformed)
    if reasons != expected_reasons:
        problems.append(f"audit: dead-letter reasons {dict(reasons)}, expected {dict(expected_reasons)}")
    for value in leaks(_raw(outputs[topics.audit]), PLANTED.everything()):
        problems.append(f"audit topic leaks {value!r}")
    return problems


def _check_topics(kafka_admin: KafkaAdminClient, run: Run) -> list[str]:
    """The worker created its topics with the configured partitions and each sink's retention."""
    config, _ = load_config(run.config_path)
    day_ms = 24 * 3600 * 1000
    retention = {
        **{sink.topic: sink.retention_days for sink in config.sinks.values()},
        config.topics.dead_letter: config.topics.dead_letter_retention_days,
        config.topics.audit: config.topics.audit_retention_days,
    }
    problems = []
    described = kafka_admin.describe_topics([config.topics.input, *retention])
    for topic in described:
        if len(topic["partitions"]) != config.topics.partitions:
            problems.append(f"topic {topic['name']} has {len(topic['partitions'])} partitions")
    resources = [ConfigResource(ConfigResourceType.TOPIC, name, ["retention.ms"]) for name in retention]
    configs = kafka_admin.describe_configs(resources)["topic"]
    for name, days in retention.items():
        actual = configs.get(name, {}).get("retention.ms", {}).get("value")
        if actual != str(int(days * day_ms)):
            problems.append(f"topic {name} has retention.ms {actual}, expected {days} days")
    return problems


def _committed_on_input(kafka_admin: KafkaAdminClient, run: Run) -> dict[int, int]:
    """The worker group's committed offset per input partition (empty before its first commit)."""
    try:
        committed = kafka_admin.list_group_offsets(run.group).get(run.group, {})
    except KafkaError:
        return {}
    return {tp.partition: meta.offset for tp, meta in committed.items() if tp.topic == run.topics.input}


def _check_offsets_committed(kafka_admin: KafkaAdminClient, run: Run, produced: int) -> list[str]:
    """After a graceful stop, the group's committed offsets cover every input record (topics are new,
    so offsets start at 0 and their sum is the number of records the worker finished)."""
    on_input = _committed_on_input(kafka_admin, run)
    total = sum(on_input.values())
    if total != produced:
        return [f"committed offsets on the input topic {on_input} sum to {total}, expected {produced}"]
    return []
