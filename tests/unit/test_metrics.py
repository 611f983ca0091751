"""Metrics move with outcomes and carry no values."""

from __future__ import annotations

from collections.abc import Callable

import orjson

from processors.deadletter import SourceRef
from processors.metrics import PipelineMetrics
from processors.pipeline import Pipeline, RawRecord


def _record(i: int, text: str, consent: dict[str, bool] | None) -> RawRecord:
    body = {
        "schema_version": 1,
        "message_id": f"m-{i}",
        "conversation_id": "c",
        "timestamp": "2026-11-20T10:00:00Z",
        "sender": {"role": "customer", "id": "cust"},
        "text": text,
        "lang": "fr",
    }
    if consent is not None:
        body["consent"] = consent
    return RawRecord(orjson.dumps(body), SourceRef("t", 0, i))


def test_counters_follow_outcomes(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = stub_pipeline_factory()
    outcomes = pipeline.process_batch(
        [
            _record(1, "écrire à marie.x@example.fr", {"analytics": True, "training": True}),
            _record(2, "je suis diabétique", None),
            RawRecord(b"garbage", SourceRef("t", 0, 3)),
        ]
    )
    metrics = PipelineMetrics()
    metrics.observe_batch(outcomes, pipeline_seconds=0.03, total_seconds=0.05)
    text = metrics.render().decode()
    assert "piiflow_messages_in_total 3.0" in text
    assert 'piiflow_messages_out_total{sink="analytics"} 2.0' in text
    assert 'piiflow_messages_out_total{sink="training"} 1.0' in text
    assert 'piiflow_messages_dropped_total{reason="no_consent:training:absent",sink="training"} 1.0' in text
    assert 'piiflow_dead_letters_total{reason="invalid_json"} 1.0' in text
    assert 'piiflow_entities_total{entity_type="EMAIL_ADDRESS",language="fr"} 1.0' in text
    assert 'piiflow_special_category_messages_total{category="SPECIAL_HEALTH"} 1.0' in text
    assert "piiflow_processing_seconds_count 3.0" in text
    assert "marie.x" not in text and "diabétique" not in text
