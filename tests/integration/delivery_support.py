"""Helpers for the integration tests that run ``piiflow worker`` subprocesses against the real broker.

Shared by ``test_worker_e2e.py`` (process and output-topic helpers) and ``test_delivery.py`` (worker
processes that are killed and restarted, thousands of generated inputs, delivery checks).

Identities used by the delivery checks: a valid input is known by its ``message_id`` (kept in every
sink record); every input, valid or not, is also known by its coordinates in the input topic
(``partition``, ``offset``), which the dead-letter and audit records carry as ``source``.
"""

from __future__ import annotations

import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from messages import CONSENTS

REPO_ROOT = Path(__file__).resolve().parents[2]
BASE_CONFIG = REPO_ROOT / "config" / "piiflow.yaml"
KAFKA_SH = REPO_ROOT / "scripts" / "kafka.sh"
POLL_MS = 250

# Faust reads these settings from the environment when the app does not set them. A killed worker
# stays a member of the consumer group until its session times out; Faust's default (60 s) would
# make every kill cost a minute before its partitions are reassigned. 6 s is the broker's minimum.
FAST_GROUP_ENV = {"BROKER_SESSION_TIMEOUT": "6", "BROKER_HEARTBEAT_INTERVAL": "1"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def piiflow_executable() -> str:
    candidate = Path(sys.executable).parent / "piiflow"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("piiflow")
    assert found, "the piiflow console script is not installed (pip install -e .)"
    return found


# --- reading output topics -------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One record read from an output topic."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = orjson.loads(self.value)
        return data


class OutputReader:
    """Reads topics from the beginning, accumulating their records per topic (in offset order per partition).

    ``isolation_level="read_committed"`` reads what a downstream consumer of transactional output reads:
    only records of committed transactions (and of non-transactional producers).
    """

    def __init__(self, bootstrap: str, topics: list[str], isolation_level: str = "read_uncommitted") -> None:
        self.consumer = KafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None, isolation_level=isolation_level
        )
        partitions = []
        deadline = time.monotonic() + 30
        for topic in topics:
            while not (found := self.consumer.partitions_for_topic(topic)):
                assert time.monotonic() < deadline, f"no metadata for topic {topic}"
                time.sleep(0.2)
            partitions.extend(TopicPartition(topic, p) for p in sorted(found))
        self.partitions = partitions
        self.consumer.assign(partitions)
        self.consumer.seek_to_beginning(*partitions)
        self.records: dict[str, list[Record]] = {t: [] for t in topics}

    def poll(self, timeout_ms: int = POLL_MS) -> None:
        for tp, batch in self.consumer.poll(timeout_ms=timeout_ms, max_records=5000).items():
            self.records[tp.topic].extend(Record(tp.partition, r.offset, r.key, r.value) for r in batch)

    def pairs(self, topic: str) -> list[tuple[bytes | None, bytes]]:
        return [(r.key, r.value) for r in self.records[topic]]

    def read_to_end(self, deadline_s: float = 30) -> dict[str, list[Record]]:
        """Everything up to the current end offsets (deterministic once the writers stopped).

        Under read_committed the end offset is the last stable offset, and a transaction marker at the
        end of a partition is skipped by the consumer's position, so the loop ends there too."""
        end = self.consumer.end_offsets(self.partitions)
        deadline = time.monotonic() + deadline_s
        while any(self.consumer.position(tp) < end[tp] for tp in self.partitions):
            assert time.monotonic() < deadline, "could not read the output topics to their end: " + ", ".join(
                f"{tp.topic}[{tp.partition}] at {self.consumer.position(tp)}/{end[tp]}"
                for tp in self.partitions
                if self.consumer.position(tp) < end[tp]
            )
            self.poll()
        return self.records

    def counts(self) -> dict[str, int]:
        return {topic: len(records) for topic, records in self.records.items()}

    def close(self) -> None:
        self.consumer.close()


class OpenTransactions:
    """Whether a transaction holds records on the broker right now: a partition of the topic whose high
    watermark (what ``read_uncommitted`` sees) is above its last stable offset (``read_committed``'s end).

    The high watermark is read first: as the last stable offset only grows, a gap seen this way was still
    open when the second answer came back (or its commit markers were still being written)."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.uncommitted = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
        self.committed = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, isolation_level="read_committed")
        self.partitions = [TopicPartition(topic, p) for p in sorted(self.uncommitted.partitions_for_topic(topic) or ())]
        assert self.partitions, f"no metadata for topic {topic}"

    def open_records(self) -> int:
        """Records of the topic in transactions not yet committed or aborted."""
        high = self.uncommitted.end_offsets(self.partitions)
        stable = self.committed.end_offsets(self.partitions)
        return sum(max(0, high[tp] - stable[tp]) for tp in self.partitions)

    def close(self) -> None:
        self.uncommitted.close()
        self.committed.close()


# --- worker configuration and processes --------------------------------------------------------------


@dataclass(frozen=True)
class Topics:
    input: str
    analytics: str
    training: str
    dead_letter: str
    audit: str

    @classmethod
    def with_prefix(cls, prefix: str) -> Topics:
        return cls(
            input=f"{prefix}chat.raw",
            analytics=f"{prefix}chat.analytics",
            training=f"{prefix}chat.training",
            dead_letter=f"{prefix}chat.dlq",
            audit=f"{prefix}pii.audit",
        )

    def outputs(self) -> list[str]:
        return [self.analytics, self.training, self.dead_letter, self.audit]

    def sinks(self) -> dict[str, str]:
        return {"analytics": self.analytics, "training": self.training}


@dataclass
class WorkerSetup:
    """A config for one test's own topics and consumer group, and an environment with real keys."""

    config_path: Path
    data: dict[str, Any] = field(repr=False)
    topics: Topics
    group: str
    env: dict[str, str] = field(repr=False)
    key_env: dict[str, str] = field(repr=False)  # environment variable -> secret, for every key
    workdir: Path

    @classmethod
    def create(
        cls,
        bootstrap: str,
        prefix: str,
        workdir: Path,
        *,
        partitions: int = 3,
        batch_size: int = 16,
        batch_timeout_ms: int = 50,
        guarantee: str = "at_least_once",
        commit_interval_ms: int | None = None,
        log_level: str = "DEBUG",
        extra_env: dict[str, str] | None = None,
    ) -> WorkerSetup:
        topics = Topics.with_prefix(prefix)
        group = f"{prefix}piiflow"
        data: dict[str, Any] = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
        data["dev_mode"] = False
        data["kafka"]["bootstrap_servers"] = [bootstrap]
        data["kafka"]["consumer_group"] = group
        data["kafka"]["client_id"] = f"{prefix}piiflow"
        data["topics"].update(
            input=topics.input, dead_letter=topics.dead_letter, audit=topics.audit, partitions=partitions
        )
        data["sinks"]["analytics"]["topic"] = topics.analytics
        data["sinks"]["training"]["topic"] = topics.training
        data["worker"].update(
            web_port=free_port(),
            batch_timeout_ms=batch_timeout_ms,
            batch_size=batch_size,
            processing_guarantee=guarantee,
        )
        if commit_interval_ms is not None:
            data["worker"]["commit_interval_ms"] = commit_interval_ms
        lexicons = Path(data["detection"]["lexicon_dir"])
        data["detection"]["lexicon_dir"] = str(lexicons if lexicons.is_absolute() else BASE_CONFIG.parent / lexicons)
        # The inputs are a few templates per language with a sequence number (generate_inputs), so
        # the result cache would answer nearly all of them and a worker would get through the 5,000
        # between two kill points; the crash tests need each message to cost its real work.
        data["detection"]["result_cache_size"] = 0
        config_path = workdir / "piiflow.yaml"
        config_path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

        # A fresh random secret for every key the config names (all from environment variables).
        key_env = {
            ref["env"]: secrets.token_urlsafe(48)
            for ring in data["key_rings"].values()
            for ref in ring["keys"].values()
        }
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIIFLOW_")}
        env.update(key_env)
        env.update(PIIFLOW_LOG_LEVEL=log_level, TMPDIR=str(workdir), PYTHONUNBUFFERED="1")
        env.update(extra_env or {})
        return cls(config_path, data, topics, group, env, key_env, workdir)

    def instance_config(self, name: str) -> Path:
        """A copy of the config with its own web port, for a second worker process on this host."""
        data = {**self.data, "worker": {**self.data["worker"], "web_port": free_port()}}
        path = self.workdir / f"piiflow-{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path


class WorkerProcess:
    """One ``piiflow worker`` subprocess with its own log file (and Faust data directory)."""

    def __init__(self, setup: WorkerSetup, name: str, config_path: Path | None = None) -> None:
        self.setup = setup
        self.name = name
        self.config_path = config_path or setup.config_path
        self.log_path = setup.workdir / f"worker-{name}.log"
        tmpdir = setup.workdir / f"tmp-{name}"
        tmpdir.mkdir(exist_ok=True)
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [piiflow_executable(), "worker", "--config", str(self.config_path)],
                cwd=setup.workdir,
                env={**setup.env, "TMPDIR": str(tmpdir)},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.started = time.monotonic()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill9(self) -> None:
        """SIGKILL: no shutdown code runs, nothing is flushed or committed."""
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self, timeout: float = 60) -> int | None:
        """SIGTERM and wait; returns the exit code, or None if the worker had to be killed."""
        if not self.alive():
            return self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill9()
            return None

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError(f"no VmRSS for pid {self.pid}")

    def web_port(self) -> int:
        return int(yaml.safe_load(self.config_path.read_text(encoding="utf-8"))["worker"]["web_port"])

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port()}/ready", timeout=2) as response:
                return b"true" in response.read()
        except OSError:
            return False

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        kept = [line for line in text.splitlines() if '"logger":"faker.' not in line]
        return "\n".join(kept[-lines:])


def wait_for(
    what: Callable[[], str],
    predicate: Callable[[], bool],
    deadline_s: float,
    workers: Iterable[WorkerProcess] = (),
    interval_s: float = 0.1,
) -> None:
    """Poll ``predicate`` until true; fail early if a worker died, or at the deadline."""
    deadline = time.monotonic() + deadline_s
    watched = list(workers)
    while not predicate():
        for worker in watched:
            if not worker.alive():
                pytest.fail(
                    f"worker {worker.name} exited with {worker.proc.returncode} while waiting for {what()}; "
                    f"log tail:\n{worker.log_tail()}"
                )
        if time.monotonic() > deadline:
            tails = "\n".join(f"--- worker {w.name}:\n{w.log_tail()}" for w in watched)
            pytest.fail(f"timed out after {deadline_s} s waiting for {what()}\n{tails}")
        time.sleep(interval_s)


def cleanup(admin: KafkaAdminClient, prefix: str) -> None:
    """Delete a test's topics (including Faust's internal ones) and its consumer group."""
    try:
        ours = [t for t in admin.list_topics() if t.startswith(prefix)]
        if ours:
            admin.delete_topics(ours, timeout_ms=30_000, raise_errors=False)
        admin.delete_groups([f"{prefix}piiflow"])
    except Exception as exc:  # cleanup must not hide the test's own outcome
        print(f"cleanup of {prefix}* failed: {exc!r}")


# --- generated inputs ------------------------------------------------------------------------------

# Short texts (a few tokens, sometimes a phone number or an e-mail): cheap for NER, so that thousands
# of messages take seconds, while every detection and routing step still runs.
_TEXTS = {
    "fr": [
        "Bonjour, ma commande {n} n'est pas arrivée.",
        "Vous pouvez m'appeler au 06 12 34 56 78.",
        "Merci pour votre aide, bonne journée.",
        "Le colis {n} est abîmé, que faire ?",
    ],
    "nl": [
        "Hoi, mijn pakket {n} is nog niet aangekomen.",
        "Bel me op 06-12345678 graag.",
        "Bedankt voor de hulp, fijne dag.",
        "Bestelling {n} is beschadigd.",
    ],
    "en": [
        "Hello, my order {n} has not arrived yet.",
        "Email me at client{n}@example.org please.",
        "Thanks for your help, have a nice day.",
        "Parcel {n} arrived damaged.",
    ],
}
_CONSENT_NAMES = sorted(CONSENTS)


@dataclass(frozen=True)
class DeliveryInput:
    """One generated input record and where piiflow must deliver it."""

    key: bytes | None
    value: bytes
    message_id: str | None  # None when the payload is unreadable (its dead letter has no message id)
    conversation: str
    seq: int  # position of the message within its conversation (1, 2, ...)
    valid: bool
    analytics: bool = False
    training: bool = False


def _valid_input(rng: random.Random, tag: str, conversation: str, lang: str, seq: int) -> DeliveryInput:
    message_id = f"{tag}-{conversation}-{seq:04d}"
    consent = CONSENTS[rng.choice(_CONSENT_NAMES)]
    value: dict[str, Any] = {
        "schema_version": 1,
        "message_id": message_id,
        "conversation_id": conversation,
        "timestamp": f"2026-11-20T10:{seq % 60:02d}:00Z",
        "sender": {"role": rng.choice(["customer", "agent", "bot"]), "id": f"cust-{conversation}"},
        "text": rng.choice(_TEXTS[lang]).format(n=seq),
        "lang": lang,
        "metadata": {"channel": "web", "seq": seq},
    }
    if consent is not None:
        value["consent"] = consent
    flags = consent or {}
    return DeliveryInput(
        key=conversation.encode(),
        value=orjson.dumps(value),
        message_id=message_id,
        conversation=conversation,
        seq=seq,
        valid=True,
        analytics=flags.get("analytics") is not False,
        training=flags.get("training") is True,
    )


def _malformed_input(rng: random.Random, tag: str, conversation: str, seq: int) -> DeliveryInput:
    message_id = f"{tag}-{conversation}-{seq:04d}-bad"
    kind = rng.randrange(3)
    if kind == 0:  # truncated JSON: no readable message id
        value = b'{"schema_version": 1, "message_id": "' + message_id.encode() + b'", "text": "appelez-moi'
        return DeliveryInput(conversation.encode(), value, None, conversation, seq, valid=False)
    if kind == 1:  # required fields missing
        value = orjson.dumps({"schema_version": 1, "message_id": message_id, "text": "hello"})
    else:  # unsupported schema version
        value = orjson.dumps({"schema_version": 9, "message_id": message_id, "conversation_id": conversation})
    return DeliveryInput(conversation.encode(), value, message_id, conversation, seq, valid=False)


def generate_inputs(
    n: int, conversations: int, seed: int, tag: str = "d", malformed_every: int = 0
) -> list[DeliveryInput]:
    """``n`` inputs over ``conversations`` conversations (FR/NL/EN, mixed consent), interleaved at random
    but each conversation in increasing ``seq`` order; every ``malformed_every``-th input is malformed."""
    rng = random.Random(seed)
    langs = ["fr", "nl", "en"]
    remaining = {f"c{c:04d}": n // conversations + (1 if c < n % conversations else 0) for c in range(conversations)}
    lang_of = {conv: langs[index % 3] for index, conv in enumerate(remaining)}
    next_seq: dict[str, int] = defaultdict(lambda: 1)
    out: list[DeliveryInput] = []
    open_convs = [c for c, left in remaining.items() if left]
    while open_convs:
        conv = rng.choice(open_convs)
        seq = next_seq[conv]
        next_seq[conv] += 1
        remaining[conv] -= 1
        if not remaining[conv]:
            open_convs.remove(conv)
        if malformed_every and len(out) % malformed_every == malformed_every - 1:
            out.append(_malformed_input(rng, tag, conv, seq))
        else:
            out.append(_valid_input(rng, tag, conv, lang_of[conv], seq))
    return out


def produce(bootstrap: str, topic: str, inputs: list[DeliveryInput]) -> list[tuple[int, int]]:
    """Produce every input (key = conversation id); returns its (partition, offset), in input order."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, batch_size=256 * 1024)
    try:
        futures = [producer.send(topic, key=item.key, value=item.value) for item in inputs]
        producer.flush(timeout=60)
        coords = []
        for future in futures:
            metadata = future.get(timeout=30)
            coords.append((metadata.partition, metadata.offset))
        return coords
    finally:
        producer.close(timeout=10)


# --- delivery checks -------------------------------------------------------------------------------


def _source(record: dict[str, Any], input_topic: str) -> tuple[int, int] | None:
    source = record.get("source") or {}
    if source.get("topic") != input_topic:
        return None
    return int(source["partition"]), int(source["offset"])


def audited_sources(records: list[Record], input_topic: str) -> set[tuple[int, int]]:
    """Input coordinates that have at least one audit record."""
    found = set()
    for record in records:
        source = _source(record.json(), input_topic)
        if source is not None:
            found.add(source)
    return found


@dataclass
class DeliveryReport:
    """What the outputs hold for the inputs: losses (problems) and duplicates (extra copies per topic)."""

    problems: list[str]
    duplicates: dict[str, int]
    valid_in_dead_letters: int

    def summary(self) -> str:
        return ", ".join(f"{name} +{count}" for name, count in self.duplicates.items())


def check_delivery(
    inputs: list[DeliveryInput], coords: list[tuple[int, int]], topics: Topics, outputs: dict[str, list[Record]]
) -> DeliveryReport:
    """No loss: each valid input is in every sink its consent routes it to (or dead-lettered), in no other
    sink; each malformed input is in the dead letters; every input has an audit record. Duplicates are
    counted per topic (copies beyond the first of one message id, or of one input coordinate)."""
    problems: list[str] = []
    by_coord = dict(zip(coords, inputs, strict=True))
    dead = [r.json() for r in outputs[topics.dead_letter]]
    dead_sources = Counter(_source(r, topics.input) for r in dead)
    audits = [r.json() for r in outputs[topics.audit]]
    audit_sources = Counter(_source(r, topics.input) for r in audits)
    duplicates: dict[str, int] = {}
    valid_dead = 0

    sink_ids: dict[str, Counter[str]] = {}
    for sink, topic in topics.sinks().items():
        ids = Counter(orjson.loads(r.value)["message_id"] for r in outputs[topic])
        sink_ids[sink] = ids
        duplicates[sink] = sum(ids.values()) - len(ids)
    duplicates["dead_letter"] = sum(dead_sources.values()) - len(dead_sources)
    duplicates["audit"] = sum(audit_sources.values()) - len(audit_sources)

    for coord, item in by_coord.items():
        label = f"input {item.message_id or '(unreadable)'} at partition {coord[0]} offset {coord[1]}"
        if not audit_sources[coord]:
            problems.append(f"{label}: no audit record")
        if not item.valid:
            if not dead_sources[coord]:
                problems.append(f"{label}: malformed but not in the dead letters")
            continue
        dead_lettered = bool(dead_sources[coord])
        valid_dead += dead_lettered
        for sink, allowed in (("analytics", item.analytics), ("training", item.training)):
            present = sink_ids[sink][item.message_id or ""] > 0
            if allowed and not present and not dead_lettered:
                problems.append(f"{label}: missing from {sink}")
            if present and not allowed:
                problems.append(f"{label}: in {sink} without consent")
    unknown_ids = {m for ids in sink_ids.values() for m in ids} - {i.message_id for i in inputs}
    if unknown_ids:
        problems.append(f"sink records for unknown message ids: {sorted(unknown_ids)[:5]}")
    unknown_sources = set(audit_sources) - set(by_coord)
    if unknown_sources:
        problems.append(f"audit records for unknown sources: {sorted(unknown_sources, key=str)[:5]}")
    if len(problems) > 20:
        problems = [*problems[:20], f"... and {len(problems) - 20} more"]
    return DeliveryReport(problems, duplicates, valid_dead)
