"""The CLI's embedded mode (`redact`) and `detect`, with the real detector, end to end on files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processors import detection
from processors.cli import main
from processors.detection import Detector
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "chat_messages.jsonl"


@pytest.fixture
def reuse_detector(monkeypatch: pytest.MonkeyPatch, real_detector: Detector) -> Detector:
    """Build the (slow) detector once per session even though each CLI call asks for one."""
    monkeypatch.setattr(detection.Detector, "from_config", classmethod(lambda cls, c, p, **kwargs: real_detector))
    return real_detector


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_redact_default_runs_in_dev_mode_and_routes_by_consent(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("ANALYTICS_K1", "TRAINING_K1", "AUDIT_K1", "DEADLETTER_D1"):
        monkeypatch.delenv(f"PIIFLOW_KEY_{name}", raising=False)
    assert main(["redact", str(SAMPLES), "--out-dir", str(tmp_path), "--quiet"]) == 0
    files = {p.name for p in tmp_path.iterdir()}
    assert files == {"analytics.jsonl", "training.jsonl", "dlq.jsonl", "audit.jsonl"}
    inputs = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    consented = {m["message_id"] for m in inputs if (m.get("consent") or {}).get("training") is True}
    training = _jsonl(tmp_path / "training.jsonl")
    assert training, "some messages have training consent"
    assert {r["message_id"] for r in training} <= consented
    assert len(_jsonl(tmp_path / "audit.jsonl")) == len(SAMPLES.read_text(encoding="utf-8").splitlines())
    assert len(_jsonl(tmp_path / "dlq.jsonl")) == 4
    everything = "".join((tmp_path / f).read_text(encoding="utf-8") for f in files)
    raw_ids = {m["sender"]["id"] for m in inputs if isinstance(m.get("sender"), dict)}
    for raw_id in {i for i in raw_ids if len(i) > 3}:  # m-023/m-024 have one-letter ids
        assert raw_id not in everything
    out = capsys.readouterr().out
    assert "DEV MODE" in out
    assert "sent to training" in out


def test_redact_with_explicit_config_needs_keys(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PIIFLOW_KEY_ANALYTICS_K1", raising=False)
    config = REPO / "config" / "piiflow.yaml"
    code = main(["redact", str(SAMPLES), "--out-dir", str(tmp_path), "--config", str(config)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "missing key" in err[0] and "PIIFLOW_KEY_ANALYTICS_K1" in err[0]


def test_redact_missing_input_is_one_line(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["redact", str(tmp_path / "nope.jsonl"), "--out-dir", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"piiflow: {tmp_path / 'nope.jsonl'}: input file not found"


def test_detect_output_format_and_order(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "écrivez-moi à jeanne.martin@example.fr svp", "lang": "fr"},
        {"id": "b", "text": "Dank je wel!"},
        {"id": 3, "text": "mail: bob\u200b@example.org"},
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["detect", str(source)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", 3]
    assert rows[0]["lang"] == "fr" and rows[1]["lang"] == "nl"
    email = next(e for e in rows[0]["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert lines[0]["text"][email["start"] : email["end"]] == "jeanne.martin@example.fr"
    assert set(email) == {"start", "end", "entity_type", "score", "recognizer"}
    # the zero-width space inside the e-mail does not hide it, and offsets point into the input
    hidden = next(e for e in rows[2]["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert lines[2]["text"][hidden["start"] : hidden["end"]] == "bob\u200b@example.org"
