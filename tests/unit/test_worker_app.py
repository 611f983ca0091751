"""The Faust app takes its commit, guarantee and producer settings from the worker config."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from processors.config import PiiflowConfig, WorkerConfig, load_config
from processors.worker import build_app


def _with_worker(**changes: object) -> PiiflowConfig:
    config, _ = load_config()
    return config.model_copy(update={"worker": config.worker.model_copy(update=changes)})


def test_commit_interval_and_guarantee_reach_faust() -> None:
    # build_app connects to nothing: the pipeline only runs once the agent gets messages
    app = build_app(_with_worker(commit_interval_ms=500, processing_guarantee="exactly_once"), pipeline=object())  # type: ignore[arg-type]
    assert app.conf.broker_commit_interval == 0.5
    assert app.conf.processing_guarantee.value == "exactly_once"
    default = build_app(_with_worker(), pipeline=object())  # type: ignore[arg-type]
    assert default.conf.broker_commit_interval == 2.8  # Faust's own default, kept


def test_a_commit_interval_below_100_ms_is_refused() -> None:
    with pytest.raises(ValidationError, match="commit_interval_ms"):
        WorkerConfig(commit_interval_ms=50)
