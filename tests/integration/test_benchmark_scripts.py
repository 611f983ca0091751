"""The three benchmark scripts the README's Throughput section is made with, run small.

Their figures are only measured by hand, but a script that no longer runs (a renamed helper, a
changed config key, a worker that will not start) would leave the README's commands broken. Each
test runs one script as the README does, on a few messages, and checks what it prints: every
mode or phase present, every message accounted for, latencies and sizes that make sense, and no
topics left on the broker by the end-to-end script. No timing is compared: this VM's speed swings
too much for that.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kafka.admin import KafkaAdminClient

from recognizers import RECOGNIZER_NAMES

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
TIMEOUT_S = 600


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def _logged_dict(stderr: str, prefix: str) -> dict[str, Any]:
    """The dict printed after ``prefix`` on a line of the script's stderr."""
    line = next(line for line in stderr.splitlines() if line.startswith(prefix))
    value = ast.literal_eval(line[len(prefix) :].strip())
    assert isinstance(value, dict)
    return value


def _sane_phase(phase: dict[str, Any], messages: int) -> None:
    assert phase["messages"] == messages
    assert phase["missing"] == 0  # an audit record came back for every input
    assert phase["msg_per_s"] > 0
    assert 0 < phase["p50_ms"] <= phase["p99_ms"]
    assert phase["mean_batch"] >= 1


def test_pipeline_benchmark_reports_every_mode(tmp_path: Path) -> None:
    out = tmp_path / "pipeline.json"
    proc = _run(
        str(SCRIPTS / "bench_pipeline.py"),
        *("--n", "60", "--batch", "16", "--repeat", "1", "--warmup", "16", "--json", str(out)),
    )
    results = json.loads(out.read_text())
    assert set(results) == {"a", "a2", "b", "c", "d", "d0", "bd", "bd0"}
    for mode in ("a", "a2", "b", "c", "d", "d0"):
        run = results[mode]
        assert (run["mode"], run["messages"], run["warmup"]) == (mode, 60, 16)
        assert run["msg_per_s"] > 0
        assert 0 < run["p50_ms"] <= run["p99_ms"]
        assert run["peak_rss_mb"] > 50  # a process with spaCy models loaded
    [share] = results["bd"]["b_share_of_d"]
    assert 0 < share < 100  # (b) runs (d)'s spaCy pass and more, so it cannot be faster
    assert set(results["bd"]["recognizers"]) == RECOGNIZER_NAMES
    # against stock spaCy's pass no bound above: (b) runs spaCy faster than stock spaCy does
    [stock_share] = results["bd0"]["b_share_of_d0"]
    assert stock_share > 0
    assert set(results["bd0"]["recognizers"]) == RECOGNIZER_NAMES
    assert "60 generated chat messages (FR/NL/EN), batch 16, after a warm-up of 16" in proc.stdout
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| (")]
    assert [row.split(")")[0] for row in rows] == ["| (a", "| (a2", "| (b", "| (c", "| (d", "| (d0"]
    assert rows[0].split(" | ")[2] == "1.0"  # (a) is the base of the "× (a)" column
    assert "(b) and (d) paired in one process" in proc.stdout
    assert "(b) and (d0) paired in one process" in proc.stdout


def test_pipeline_benchmark_runs_only_the_recognizers_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "pipeline.json"
    proc = _run(
        str(SCRIPTS / "bench_pipeline.py"),
        *("--n", "40", "--batch", "16", "--repeat", "1", "--modes", "bd", "--json", str(out)),
        *("--recognizers", "SpacyNerRecognizer,EmailRecognizer"),
    )
    results = json.loads(out.read_text())
    assert results["bd"]["recognizers"] == ["EmailRecognizer", "SpacyNerRecognizer"]
    assert "; piiflow running only SpacyNerRecognizer, EmailRecognizer." in proc.stdout
    refused = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench_pipeline.py"), "--recognizers", "SpacyNerRecogniser"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "unknown recognizers ['SpacyNerRecogniser']" in refused.stderr


def test_startup_benchmark_times_both_commands() -> None:
    proc = _run(str(SCRIPTS / "bench_startup.py"), "--lines", "3", "--repeat", "1")
    for command in ("piiflow", "presidio"):
        row = next(line for line in proc.stdout.splitlines() if line.startswith(f"| {command} |"))
        times = [float(x) for x in re.findall(r"[0-9]+\.[0-9]+", row.split(" | ")[1])]
        assert len(times) == 3 and 0 < times[0] <= times[1] <= times[2]
        assert int(row.split(" | ")[2].strip(" |")) > 50  # peak RSS, MB


def _bench_topics(admin: KafkaAdminClient) -> set[str]:
    return {topic for topic in admin.list_topics() if topic.startswith("bench")}


def _left_behind(admin: KafkaAdminClient, before: set[str]) -> set[str]:
    """Benchmark topics that were not there before the run, once deletions have had 15 s to show."""
    deadline = time.monotonic() + 15
    while (new := _bench_topics(admin) - before) and time.monotonic() < deadline:
        time.sleep(0.5)
    return new


def test_end_to_end_benchmark_against_the_broker(kafka_bootstrap: str, kafka_admin: KafkaAdminClient) -> None:
    before = _bench_topics(kafka_admin)
    proc = _run(
        str(SCRIPTS / "bench_e2e.py"),
        *("--bootstrap", kafka_bootstrap, "--n", "200", "--workers", "1", "--partitions", "2", "--rss-run", "600"),
    )
    line = next(line for line in proc.stderr.splitlines() if line.startswith("1 worker(s): full"))
    first, half = line[len("1 worker(s): full") :].split(" / half rate ")
    _sane_phase(ast.literal_eval(first.strip()), 200)
    _sane_phase(ast.literal_eval(half.strip()), 2000)  # max(2000, n / 4) messages at half the rate
    rss = _logged_dict(proc.stderr, "rss run:")
    assert rss["messages"] == 600 and rss["missing"] == 0
    assert list(rss["rss_mb"]) == [600] and rss["rss_mb"][600][0] > 50  # the 10,000 mark is never reached
    assert re.search(r"^\| 1 \| 200 \([0-9.]+ %\) \| [0-9.]+ \| [0-9.]+ \|", proc.stdout, re.MULTILINE)
    assert "Worker RSS (MB) by messages processed: {600: [" in proc.stdout
    assert _left_behind(kafka_admin, before) == set()  # both runs' topics deleted once their workers stopped


def test_end_to_end_benchmark_at_a_fixed_rate_after_a_broker_warmup(
    kafka_bootstrap: str, kafka_admin: KafkaAdminClient
) -> None:
    before = _bench_topics(kafka_admin)
    proc = _run(
        str(SCRIPTS / "bench_e2e.py"),
        *("--bootstrap", kafka_bootstrap, "--workers", "1", "--partitions", "2"),
        *("--rate", "100", "--n", "100", "--warmup", "50", "--set", "worker.batch_timeout_ms=30"),
        *("--broker-warmup", "150"),
    )
    _sane_phase(_logged_dict(proc.stderr, "broker warm-up:"), 150)
    _sane_phase(_logged_dict(proc.stderr, "1 worker(s) at 100.0 msg/s:"), 100)
    assert "broker warmed up with 150 messages first." in proc.stdout
    assert _left_behind(kafka_admin, before) == set()


def test_end_to_end_benchmark_keeps_its_topics_when_asked(kafka_bootstrap: str, kafka_admin: KafkaAdminClient) -> None:
    before = _bench_topics(kafka_admin)
    _run(
        str(SCRIPTS / "bench_e2e.py"),
        *("--bootstrap", kafka_bootstrap, "--workers", "1", "--partitions", "1"),
        *("--rate", "50", "--n", "20", "--warmup", "0", "--keep-topics"),
    )
    kept = _bench_topics(kafka_admin) - before
    try:
        assert {topic.split(".", 1)[1] for topic in kept} >= {"raw", "analytics", "training", "audit", "dlq"}
    finally:
        if kept:
            kafka_admin.delete_topics(sorted(kept), timeout_ms=30_000)
