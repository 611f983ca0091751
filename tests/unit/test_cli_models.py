"""``piiflow models``: every configured language loads, as in a worker, and the start-up cache fills."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from processors.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_models_loads_every_language_and_fills_the_start_up_cache(tmp_path: Path) -> None:
    # a process of its own: spaCy's language data is compiled once per process, and this one's
    # test session compiled it already
    env = {**os.environ, "PIIFLOW_CACHE_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "processors.cli", "--log-level", "WARNING", "models"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["fr", "nl", "en"]
    assert lines[0].startswith("fr: fr_core_news_sm (spaCy NER); ")
    assert lines[1].startswith("nl: blank:nl (no NER")
    assert all(line.endswith(" recognizers") for line in lines)
    # what scripts/setup.sh and the Dockerfile call it for: the next starts read these
    assert any((tmp_path / "regex").iterdir())
    assert any((tmp_path / "dictionary").iterdir())


def test_models_says_which_model_is_missing_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load((REPO / "config" / "piiflow.yaml").read_text(encoding="utf-8"))
    data["languages"]["models"]["nl"] = ["nl_core_news_does_not_exist"]
    data["detection"]["lexicon_dir"] = str(REPO / "config" / "lexicons")
    config = tmp_path / "piiflow.yaml"
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["models", "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("piiflow: missing model: no spaCy model could be loaded for language 'nl'")
