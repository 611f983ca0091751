"""Fixtures for integration tests against a real Kafka broker.

The broker is the one named by ``PIIFLOW_KAFKA_BOOTSTRAP`` ("host:port") when that is set;
otherwise ``scripts/kafka.sh start`` runs a single-node KRaft broker from Maven Central jars
and the session stops it again at the end, if the session was the one that started it.

A broker that cannot be had fails the session under ``CI=true`` and skips the tests elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from kafka.admin import KafkaAdminClient

INTEGRATION_DIR = Path(__file__).resolve().parent
REPO_ROOT = INTEGRATION_DIR.parents[1]
KAFKA_SH = REPO_ROOT / "scripts" / "kafka.sh"

# Cold fetch from Maven Central plus the script's own 90 s start wait, with room to spare.
START_TIMEOUT_S = 600
STOP_TIMEOUT_S = 120


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Hooks in a conftest see every collected item, so restrict the marker to this directory.
    for item in items:
        if item.path.is_relative_to(INTEGRATION_DIR):
            item.add_marker(pytest.mark.integration)


def _kafka_sh(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(KAFKA_SH), *args],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _unavailable(reason: str) -> NoReturn:
    message = f"Kafka broker unavailable: {reason}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _first_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (proc.stderr + proc.stdout).splitlines() if line.strip()]
    errors = [line for line in lines if "error:" in line]
    return (errors or lines or [f"exit code {proc.returncode}"])[0]


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """``host:port`` of a running Kafka broker."""
    external = os.environ.get("PIIFLOW_KAFKA_BOOTSTRAP", "").strip()
    if external:
        yield external
        return

    try:
        already_running = _kafka_sh("status", timeout=30).returncode == 0
        started = _kafka_sh("start", timeout=START_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"scripts/kafka.sh start could not run: {exc}")
    if started.returncode != 0:
        _unavailable(f"scripts/kafka.sh start failed: {_first_error_line(started)}")

    bootstrap = _kafka_sh("bootstrap", timeout=30).stdout.strip()
    try:
        yield bootstrap
    finally:
        if not already_running:
            _kafka_sh("stop", timeout=STOP_TIMEOUT_S)


@pytest.fixture(scope="session")
def kafka_admin(kafka_bootstrap: str) -> Iterator[KafkaAdminClient]:
    """A kafka-python admin client connected to the test broker."""
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="piiflow-tests-admin")
    try:
        yield admin
    finally:
        admin.close()


@pytest.fixture
def unique_topic_prefix(request: pytest.FixtureRequest) -> str:
    """A topic-name prefix unique to this test run and test, e.g. ``it-test_smoke-1a2b3c4d-``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", request.node.name)[:80]
    return f"it-{name}-{uuid.uuid4().hex[:8]}-"
