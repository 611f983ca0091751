"""``piiflow config ropa``: the draft record of processing activities (GDPR art. 30) a policy implies,
checked against the policy and against what the pipeline publishes (values are fictitious)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from processors.cli import main
from processors.config import PiiflowConfig, SinkConfig
from processors.deadletter import SourceRef
from processors.pipeline import Pipeline, RawRecord
from processors.ropa import (
    COARSENED,
    IDENTIFIABLE,
    NOT_SENT,
    PSEUDONYMISED,
    REMOVED,
    TO_COMPLETE,
    record,
    render_markdown,
    treatment,
)
from tests.conftest import REPO, config_with

CONFIG = REPO / "config" / "piiflow.yaml"
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def _activity(data: dict[str, object], sink: str) -> dict[str, object]:
    activities = data["activities"]
    assert isinstance(activities, list)
    (found,) = [a for a in activities if a["sink"] == sink]
    return found  # type: ignore[no-any-return]


def _types(activity: dict[str, object]) -> dict[str, tuple[str, str]]:
    rows = activity["personal_data"]
    assert isinstance(rows, list)
    return {row["type"]: (row["class"], row["treatment"]) for row in rows}


def test_the_default_policy_record(default_config: tuple[PiiflowConfig, Path]) -> None:
    config, path = default_config
    data = record(config, str(path), NOW)
    assert data["policy_hash"] == config.policy_hash()  # the hash every audit record carries
    assert data["generated"] == "2026-12-05T12:00:00Z"
    analytics, training = _activity(data, "analytics"), _activity(data, "training")
    assert analytics["purpose"] == config.sinks["analytics"].purpose
    # an absent analytics flag lets the message through: consent is not the basis for those
    assert "consent_default: true" in str(analytics["legal_basis"]) and TO_COMPLETE in str(analytics["legal_basis"])
    assert str(training["legal_basis"]).startswith("consent (art. 6(1)(a))")
    assert str(analytics["erasure"]).startswith("90 days") and str(training["erasure"]).startswith("365 days")
    assert "chat.analytics" in str(analytics["recipients"]) and TO_COMPLETE in str(analytics["recipients"])
    assert "consent.special_categories" in str(training["special_categories"])
    a, t = _types(analytics), _types(training)
    assert a["DATE_TIME"] == (IDENTIFIABLE, "kept as written")
    assert a["LOCATION"][0] == IDENTIFIABLE  # "generalise" keeps a place name: the record must say so
    assert a["DATE_OF_BIRTH"] == (COARSENED, "reduced to its year only")
    assert a["PERSON"][0] == REMOVED and a["SPECIAL_HEALTH"][0] == REMOVED
    assert t["PERSON"] == (REMOVED, "replaced by a fake value of the same kind (the same fake for the same value)")
    assert t["NL_VAT"] == (REMOVED, "replaced by a type placeholder (no fake values for this type)")
    fields = {row["field"]: row["class"] for row in analytics["fields"]}  # type: ignore[attr-defined]
    assert fields["sender.id"] == PSEUDONYMISED and fields["sender.email"] == PSEUDONYMISED
    assert fields["sender.name"] == REMOVED and fields["metadata.channel"] == IDENTIFIABLE
    retention = {row["topic"]: row["retention"] for row in data["supporting"]}  # type: ignore[attr-defined]
    assert retention == {"chat.raw": retention["chat.raw"], "pii.audit": "365 days", "chat.dlq": "14 days"}
    assert TO_COMPLETE in retention["chat.raw"]


@pytest.mark.parametrize(
    ("operator", "entity_type", "expected"),
    [
        ({"type": "keep"}, "PERSON", IDENTIFIABLE),
        ({"type": "pseudonymise"}, "EMAIL_ADDRESS", PSEUDONYMISED),
        ({"type": "mask", "keep_last": 2}, "IBAN_CODE", COARSENED),
        ({"type": "generalise"}, "AGE", COARSENED),
        ({"type": "generalise"}, "PERSON", REMOVED),  # no generalisation: a placeholder
        ({"type": "redact"}, "PHONE_NUMBER", REMOVED),
        ({"type": "drop_message"}, "CREDIT_CARD", NOT_SENT),
    ],
)
def test_each_operator_is_described_by_its_effect(operator: dict[str, object], entity_type: str, expected: str) -> None:
    fields = {"topic": "t", "purpose": "test purpose", "retention_days": 1, "key_ring": "r"}
    sink = SinkConfig.model_validate({**fields, "operators": {entity_type: operator}})
    assert treatment(sink.operators[entity_type], entity_type)[0] == expected


def test_what_the_policy_does_not_say_is_left_to_complete(default_config: tuple[PiiflowConfig, Path]) -> None:
    config, _ = default_config
    sinks = {name: sink.model_dump(mode="json") for name, sink in config.sinks.items()}
    sinks["analytics"]["consent"] = None
    kafka = config.kafka.model_dump(mode="json")
    kafka["security"] = {"protocol": "SSL"}
    detection = config.detection.model_dump(mode="json")
    detection["entities"] = ["PERSON", "EMAIL_ADDRESS"]
    data = record(config_with(sinks=sinks, kafka=kafka, detection=detection), "policy.yaml", NOW)
    analytics = _activity(data, "analytics")
    assert str(analytics["legal_basis"]).startswith(f"no consent flag is checked: {TO_COMPLETE}")
    assert "Kafka connection: SSL" in analytics["security"]  # type: ignore[operator]
    assert set(_types(analytics)) == {"PERSON", "EMAIL_ADDRESS"}  # only what is detected is listed


def test_the_record_matches_what_each_sink_receives(
    stub_pipeline_factory: Callable[..., Pipeline], default_config: tuple[PiiflowConfig, Path]
) -> None:
    """Each value the record calls "as written" reaches the sink's text; no other value does."""
    values = {
        "PERSON": "Marie Dupont",
        "EMAIL_ADDRESS": "marie.dupont@example.fr",
        "DATE_TIME": "lundi 3 mars",
        "LOCATION": "Lyon",
        "PHONE_NUMBER": "06 12 34 56 78",
    }
    patterns = {entity_type: rf"\b{value}\b" for entity_type, value in values.items()}
    pipeline = stub_pipeline_factory(patterns=patterns)
    text = "Je suis Marie Dupont, marie.dupont@example.fr, à Lyon lundi 3 mars, tel 06 12 34 56 78."
    body = {
        "schema_version": 1,
        "message_id": "m-1",
        "conversation_id": "conv-1",
        "timestamp": "2026-11-20T10:00:00Z",
        "sender": {"role": "customer", "id": "customer-1"},
        "text": text,
        "lang": "fr",
        "consent": {"analytics": True, "training": True},
    }
    (outcome,) = pipeline.process_batch([RawRecord(orjson.dumps(body), SourceRef("test", 0, 1))])
    published = {r.name: orjson.loads(r.value)["text"] for r in outcome.records if r.name in ("analytics", "training")}
    data = record(default_config[0], "piiflow.yaml", NOW)
    for sink in ("analytics", "training"):
        kinds = _types(_activity(data, sink))
        for entity_type, value in values.items():
            assert (value in published[sink]) == (kinds[entity_type][0] == IDENTIFIABLE), (sink, entity_type)


def test_markdown_and_json_from_the_command_line(capsys: pytest.CaptureFixture[str], key_env: dict[str, str]) -> None:
    assert main(["config", "ropa", str(CONFIG)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Record of processing activities (GDPR art. 30(1))")
    assert "## Processing activity: sink `analytics`" in text and "## Processing activity: sink `training`" in text
    assert "| DATE_TIME | as written | kept as written |" in text
    assert not any(secret in text for secret in key_env.values())  # keys are named, never read
    assert main(["config", "ropa", str(CONFIG), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["sink"] for a in data["activities"]] == ["analytics", "training"]
    assert render_markdown(data).startswith("# Record of processing activities")


def test_a_bad_config_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sinks: {}\n", encoding="utf-8")
    assert main(["config", "ropa", str(bad)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(str(bad) in line for line in err)
