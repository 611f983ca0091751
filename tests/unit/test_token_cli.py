"""``piiflow token``: a person's identifiers as each sink's tokens, checked against what ``redact``
wrote with the same keys (the sample messages are fictitious)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from processors import detection
from processors.cli import main
from processors.config import load_config
from processors.detection import Detector
from processors.keys import KeyRing
from processors.token_cli import AUDIT, tokens
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "chat_messages.jsonl"
CONFIG = REPO / "config" / "piiflow.yaml"
SENDER = "cust-48151"  # Marie Dupont's customer id in the samples
EMAIL = "marie.dupont@example.fr"


@pytest.fixture
def redacted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, real_detector: Detector, key_env: dict[str, str]) -> Path:
    """The samples through ``redact`` with the test keys: what the sinks hold."""
    monkeypatch.setattr(detection.Detector, "from_config", classmethod(lambda cls, c, p, **kwargs: real_detector))
    out = tmp_path / "out"
    assert main(["redact", str(SAMPLES), "--out-dir", str(out), "--config", str(CONFIG), "--quiet"]) == 0
    return out


def _rows(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_sender_token_finds_the_senders_records_in_every_sink(
    redacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    sent_by = {m["message_id"] for m in inputs if isinstance(m.get("sender"), dict) and m["sender"]["id"] == SENDER}
    assert main(["token", "--as", "sender.id", "--config", str(CONFIG), SENDER]) == 0
    rows = _rows(capsys)
    for sink in ("analytics", "training"):
        (row,) = [r for r in rows if r["sink"] == sink]
        found = {r["message_id"] for r in _records(redacted / f"{sink}.jsonl") if r["sender"]["id"] == row["token"]}
        written = {r["message_id"] for r in _records(redacted / f"{sink}.jsonl")}
        assert found and found == sent_by & written
    (audit,) = [r for r in rows if r["sink"] == AUDIT]
    assert audit["token"] is None  # the audit trail keeps the conversation only


def test_a_field_and_a_conversation_as_the_sinks_and_the_audit_trail_wrote_them(
    redacted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{EMAIL}\n\n"))  # standard input: out of shell history
    assert main(["token", "--as", "sender.email", "--sink", "analytics", "--config", str(CONFIG)]) == 0
    (row,) = _rows(capsys)
    analytics = _records(redacted / "analytics.jsonl")
    assert any(r["sender"].get("email") == row["token"] for r in analytics)
    assert main(["token", "--as", "conversation", "--config", str(CONFIG), "conv-fr-1"]) == 0
    by_sink = {r["sink"]: r["token"] for r in _rows(capsys)}
    assert any(r["conversation_id"] == by_sink["analytics"] for r in analytics)
    audit = _records(redacted / "audit.jsonl")
    assert any(by_sink[AUDIT] in json.dumps(r) for r in audit)


def test_a_sink_that_keeps_no_token_says_why(key_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "--as", "EMAIL_ADDRESS", "--config", str(CONFIG), EMAIL]) == 0
    rows = _rows(capsys)
    assert all(r["token"] is None for r in rows)
    assert "placeholder" in str(next(r["why"] for r in rows if r["sink"] == "analytics"))
    assert EMAIL not in json.dumps(rows)  # positions, never the values


def test_every_key_of_a_rotated_ring_gives_its_own_token(key_env: dict[str, str]) -> None:
    config, _ = load_config(CONFIG)
    ring_name = config.sinks["training"].key_ring
    ring = KeyRing(ring_name, "k2", {"k1": b"a" * 32, "k2": b"b" * 32})
    rows = tokens(config, {ring_name: ring}, "sender.id", [SENDER], ["training"], "en")
    assert [r["key_id"] for r in rows] == ["k2", "k1"]  # the active key first
    assert [str(r["token"])[:7] for r in rows] == ["tok_k2_", "tok_k1_"]
    assert rows[0]["token"] != rows[1]["token"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["token", "--as", "nonsense", "x"], "--as 'nonsense'"),
        (["token", "--as", "sender.id", "--sink", "nope", "x"], "--sink 'nope' is not in the config"),
    ],
)
def test_a_usage_error_is_one_line(
    argv: list[str], message: str, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--config", str(CONFIG)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_a_missing_key_is_one_line(
    key_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PIIFLOW_KEY_TRAINING_K1")
    assert main(["token", "--as", "sender.id", "--sink", "training", "--config", str(CONFIG), SENDER]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing key" in err[0] and "PIIFLOW_KEY_TRAINING_K1" in err[0]
