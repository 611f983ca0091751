"""The one-shot commands freeze their start-up heap once the models are loaded, as the worker does."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from processors import detect_cli, eval_cli
from processors.config import load_config


class _Recorder:
    def __init__(self) -> None:
        self.events: list[str] = []


def _service(recorder: _Recorder) -> type:
    """A DetectService stand-in that records when it is built and when it detects."""

    class _Service:
        def __init__(self, config: Any, config_path: Path, on_demand: bool = False) -> None:
            recorder.events.append("models loaded")

        def detect(self, texts: list[str], langs: list[str | None]) -> list[tuple[str, list[Any]]]:
            recorder.events.append(f"detect {len(texts)}")
            return [("en", []) for _ in texts]

    return _Service


def test_piiflow_detect_freezes_after_loading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recorder = _Recorder()

    monkeypatch.setattr(detect_cli, "DetectService", _service(recorder))
    monkeypatch.setattr(detect_cli, "freeze_startup_heap", lambda: recorder.events.append("heap frozen"))
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "hello"}\n', encoding="utf-8")
    config, path = load_config()

    assert detect_cli.run_detect(config, path, str(source)) == 0
    assert recorder.events == ["models loaded", "heap frozen", "detect 1"]


def test_piiflow_eval_freezes_after_loading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recorder = _Recorder()

    monkeypatch.setattr(eval_cli, "DetectService", _service(recorder))
    monkeypatch.setattr(eval_cli, "freeze_startup_heap", lambda: recorder.events.append("heap frozen"))
    dataset = tmp_path / "set.jsonl"
    record = '{"id": "t#0", "lang": "en", "text": "Call Jan", "spans": [], "annotated_labels": ["PERSON"]}'
    dataset.write_text(record + "\n", encoding="utf-8")
    args = argparse.Namespace(datasets=[dataset], config=None, json=None, limit=None, batch=8, quiet=True)

    assert eval_cli.cmd_eval(args) == 0
    assert recorder.events == ["models loaded", "heap frozen", "detect 1"]


def test_piiflow_redact_freezes_after_loading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from processors import cli, embedded, heap, report_cli

    recorder = _Recorder()
    config, _ = load_config()

    def pipeline(args: argparse.Namespace, auto_dev: bool) -> tuple[Any, Any]:
        recorder.events.append("models loaded")
        return argparse.Namespace(ephemeral_keys=[]), config

    def redact_file(*args: Any) -> str:
        recorder.events.append("redacted")
        return "summary"

    monkeypatch.setattr(cli, "_pipeline", pipeline)
    monkeypatch.setattr(heap, "freeze_startup_heap", lambda: recorder.events.append("heap frozen"))
    monkeypatch.setattr(embedded, "redact_file", redact_file)
    monkeypatch.setattr(report_cli, "print_redact_summary", lambda *args: None)
    source = tmp_path / "in.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    args = argparse.Namespace(input=source, out_dir=tmp_path / "out", quiet=True, jobs=1)

    assert cli.cmd_redact(args) == 0
    assert recorder.events == ["models loaded", "heap frozen", "redacted"]


@pytest.mark.parametrize(("every", "expected"), [(2, 1), (0, 0)])
def test_piiflow_detect_trims_the_heap_as_configured(
    every: int, expected: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    recorder = _Recorder()
    trims: list[int] = []
    monkeypatch.setattr(detect_cli, "DetectService", _service(recorder))
    monkeypatch.setattr(detect_cli, "freeze_startup_heap", lambda: None)
    monkeypatch.setattr(detect_cli, "glibc_malloc_trim", lambda: lambda: trims.append(len(recorder.events)))
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "hello"}\n{"text": "hi"}\n{"text": "bye"}\n', encoding="utf-8")
    config, path = load_config()
    config = config.model_copy(update={"worker": config.worker.model_copy(update={"malloc_trim_every": every})})

    assert detect_cli.run_detect(config, path, str(source)) == 0
    assert recorder.events == ["models loaded", "detect 3"]
    assert len(trims) == expected  # one batch of three lines: counted after it was detected
    assert all(seen == 2 for seen in trims)
