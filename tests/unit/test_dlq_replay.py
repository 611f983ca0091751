"""Dead letters open with the key and replay to a file byte for byte; stats never show payloads."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from processors.cli import main
from processors.config import DEFAULT_CONFIG_PATH, load_config
from processors.deadletter import DeadLetterSealer, SourceRef
from processors.keys import load_key_ring


def _dead_letters(tmp_path: Path, payloads: list[bytes], reasons: list[str]) -> Path:
    config, _ = load_config(DEFAULT_CONFIG_PATH)
    sealer = DeadLetterSealer(load_key_ring("deadletter", config.key_rings["deadletter"], dev_mode=False))
    path = tmp_path / "dlq.jsonl"
    with path.open("wb") as out:
        for i, (payload, reason) in enumerate(zip(payloads, reasons, strict=True)):
            source = SourceRef("chat.raw", 0, i)
            record = {
                "reason": reason,
                "source": source.as_dict(),
                "encryption": sealer.seal(payload, source, b"conv-9"),
            }
            out.write(orjson.dumps(record) + b"\n")
    return path


def test_replay_to_file_restores_payloads(
    tmp_path: Path, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    payloads = [b'{"text": "call me on 0612345678"}', b"not json \xff"]
    dlq = _dead_letters(tmp_path, payloads, ["schema_violation", "invalid_utf8"])
    assert b"0612345678" not in dlq.read_bytes()
    out = tmp_path / "replay.jsonl"
    assert main(["dlq", "replay", "--file", str(dlq), "--to-file", str(out)]) == 0
    assert out.read_bytes().splitlines() == payloads
    assert "replayed 2 dead letters" in capsys.readouterr().out


def test_replay_filters_by_reason_and_stats_show_no_payload(
    tmp_path: Path, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    dlq = _dead_letters(tmp_path, [b"secret-one", b"secret-two"], ["invalid_json", "oversized"])
    out = tmp_path / "replay.jsonl"
    assert main(["dlq", "replay", "--file", str(dlq), "--to-file", str(out), "--reason", "oversized"]) == 0
    assert out.read_bytes() == b"secret-two\n"
    assert main(["dlq", "stats", "--file", str(dlq)]) == 0
    printed = capsys.readouterr().out
    assert "invalid_json" in printed and "secret" not in printed


def test_replay_with_wrong_key_fails_with_one_line(
    tmp_path: Path, key_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dlq = _dead_letters(tmp_path, [b"payload"], ["invalid_json"])
    monkeypatch.setenv("PIIFLOW_KEY_DEADLETTER_D1", "a-completely-different-dead-letter-key-xyz")
    assert main(["dlq", "replay", "--file", str(dlq), "--dry-run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot open the dead letter" in err[0]
