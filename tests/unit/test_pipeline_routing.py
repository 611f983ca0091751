"""The pure pipeline: routing, consent, fail-closed, dead letters, audit, pseudonym stability."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from processors.config import PiiflowConfig
from processors.deadletter import DeadLetterSealer, SourceRef
from processors.keys import MissingKeyError, load_key_rings
from processors.pipeline import Outcome, Pipeline, RawRecord
from tests.conftest import REPO, config_with

SAMPLES = REPO / "samples" / "chat_messages.jsonl"


def records_of(path: Path) -> list[RawRecord]:
    lines = [line for line in path.read_bytes().splitlines() if line.strip()]
    return [RawRecord(line, SourceRef("test", 0, i)) for i, line in enumerate(lines)]


def message(i: int, text: str, conversation: str = "conv-1", **extra: object) -> RawRecord:
    body = {
        "schema_version": 1,
        "message_id": f"m-{i}",
        "conversation_id": conversation,
        "timestamp": "2026-11-20T10:00:00Z",
        "sender": {"role": "customer", "id": f"customer-{conversation}"},
        "text": text,
        "lang": "fr",
        **extra,
    }
    return RawRecord(orjson.dumps(body), SourceRef("test", 0, i))


def by_kind(outcomes: list[Outcome]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for outcome in outcomes:
        for record in outcome.records:
            grouped.setdefault(record.name, []).append(orjson.loads(record.value))
    return grouped


def test_samples_are_routed_by_consent_and_nothing_raw_leaks(
    stub_pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = stub_pipeline_factory()
    records = records_of(SAMPLES)
    outcomes = pipeline.process_batch(records)
    out = by_kind(outcomes)
    inputs = [orjson.loads(r.value) for r in records if r.value.startswith(b"{")]
    valid = {
        m["message_id"]: m
        for m in inputs
        if m.get("schema_version") == 1 and "sender" in m and m["sender"].get("role") in {"customer", "agent", "bot"}
    }
    # every record is accounted for: its sinks, or the dead letters; one audit each
    assert len(out["audit"]) == len(records)
    assert len(out["dlq"]) == len(records) - len(valid)
    training_ids = {r["message_id"] for r in out["training"]}
    analytics_ids = {r["message_id"] for r in out["analytics"]}
    for message_id, msg in valid.items():
        consent = msg.get("consent") or {}
        assert (message_id in training_ids) == (consent.get("training") is True and message_id != "m-005")
        assert (message_id in analytics_ids) == (consent.get("analytics") is not False)
    # no raw sender id, conversation id or sender e-mail anywhere downstream
    raw_ids = {m["sender"]["id"] for m in valid.values()} | {m["conversation_id"] for m in valid.values()}
    raw_ids |= {m["sender"].get("email") for m in valid.values() if m["sender"].get("email")}
    for name in ("analytics", "training", "dlq", "audit"):
        blob = b"\n".join(orjson.dumps(r) for r in out[name]).decode()
        for raw in raw_ids:
            assert raw not in blob, (name, raw)
    for record in out["analytics"] + out["training"]:
        assert record["sender"]["id"].startswith("tok_k1_")
        assert record["policy"]["name"] == "default-gdpr"
        assert record["expires_at"] > "2026"


def test_special_category_policies(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = stub_pipeline_factory()
    text = "Je suis diabétique depuis 2010."
    both = {"analytics": True, "training": True}
    [plain, consented] = pipeline.process_batch(
        [
            message(1, text, consent=both),
            message(2, text, consent={**both, "special_categories": True}),
        ]
    )
    assert plain.sinks_dropped["training"] == "special_category:no_consent:special_categories"
    analytics = orjson.loads(next(r.value for r in plain.records if r.name == "analytics"))
    assert "diabétique" not in analytics["text"]
    assert analytics["pii"]["special_categories"] == ["SPECIAL_HEALTH"]
    assert "training" in consented.sinks_sent


def test_analytics_keeps_a_listed_place_and_hides_a_name_misread_as_one(
    stub_pipeline_factory: Callable[..., Pipeline],
) -> None:
    """The default policy generalises places: a town a list holds stays, a word no list holds
    (a surname the model took for a place) gets the placeholder."""
    pipeline = stub_pipeline_factory(patterns={"LOCATION": r"\b(?:Montélimar|Lemaire)\b"})
    [outcome] = pipeline.process_batch([message(1, "Lemaire habite à Montélimar.", consent={"analytics": True})])
    analytics = orjson.loads(next(r.value for r in outcome.records if r.name == "analytics"))
    assert analytics["text"] == "<LOCATION> habite à Montélimar."


def test_a_surrogate_is_never_another_name_of_the_same_message(
    stub_pipeline_factory: Callable[..., Pipeline],
) -> None:
    """Training gets surrogates: "Carol" alone becomes some fake name; in a message that also names
    that fake name for real, Carol gets another one, and the real one its own."""
    consent = {"training": True}
    alone = stub_pipeline_factory(patterns={"PERSON": r"\bCarol\b"}).process_batch(
        [message(1, "Carol phoned", consent=consent)]
    )
    fake = orjson.loads(next(r.value for r in alone[0].records if r.name == "training"))["text"].removesuffix(" phoned")
    assert fake and fake != "Carol"
    both = stub_pipeline_factory(patterns={"PERSON": rf"\b(?:Carol|{fake})\b"}).process_batch(
        [message(2, f"Carol phoned, then {fake} phoned", consent=consent)]
    )
    text = orjson.loads(next(r.value for r in both[0].records if r.name == "training"))["text"]
    first, second = text.removesuffix(" phoned").split(" phoned, then ")
    assert fake not in (first, second) and "Carol" not in (first, second) and first != second


def test_numbered_placeholders_are_stable_within_a_conversation(
    stub_pipeline_factory: Callable[..., Pipeline],
) -> None:
    pipeline = stub_pipeline_factory()
    outcomes = pipeline.process_batch(
        [
            message(1, "Bonjour, je suis Marie Dupont et voici Jan de Vries", consent={"analytics": True}),
            message(2, "Jan de Vries et Marie Dupont encore", consent={"analytics": True}),
            message(3, "Jan de Vries ailleurs", conversation="conv-2", consent={"analytics": True}),
        ]
    )
    texts = [orjson.loads(o.records[0].value)["text"] for o in outcomes]
    assert texts[0] == "Bonjour, je suis <PERSON_1> et voici <PERSON_2>"
    assert texts[1] == "<PERSON_2> et <PERSON_1> encore"
    assert texts[2] == "<PERSON_1> ailleurs"


def test_detection_failure_fails_closed(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = stub_pipeline_factory()

    def boom(texts: list[str], languages: list[str], contexts: object = None) -> list:
        raise RuntimeError("model exploded")

    pipeline.detector.detect = boom  # type: ignore[method-assign]
    [outcome] = pipeline.process_batch([message(1, "mon mail: a.b@example.org", consent={"analytics": True})])
    assert outcome.dead_letter_reason == "detection_error"
    assert [r.name for r in outcome.records] == ["dlq", "audit"]
    assert b"a.b@example.org" not in b"".join(r.value for r in outcome.records)


def test_one_poison_message_does_not_sink_its_batch(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = stub_pipeline_factory()
    real = pipeline.detector.detect

    def fragile(texts: list[str], languages: list[str], contexts: object = None) -> list:
        if any("poison" in t for t in texts):
            if len(texts) == 1:
                raise ValueError("cannot")
            raise ValueError("batch")
        return real(texts, languages, contexts)

    pipeline.detector.detect = fragile  # type: ignore[method-assign]
    outcomes = pipeline.process_batch(
        [message(1, "ok", consent={"analytics": True}), message(2, "poison"), message(3, "fine")]
    )
    assert [o.dead_letter_reason for o in outcomes] == [None, "detection_error", None]


def test_rendering_failure_fails_closed(
    stub_pipeline_factory: Callable[..., Pipeline], monkeypatch: pytest.MonkeyPatch
) -> None:
    import processors.pipeline as pipeline_module

    def broken(*args: object, **kwargs: object) -> str:
        raise KeyError("operator")

    monkeypatch.setattr(pipeline_module, "render_text", broken)
    pipeline = stub_pipeline_factory()
    [outcome] = pipeline.process_batch([message(1, "Marie", consent={"analytics": True, "training": True})])
    assert outcome.dead_letter_reason == "anonymisation_error"
    assert not [r for r in outcome.records if r.kind == "sink"]


def test_dead_letter_payload_is_sealed_and_opens_with_the_key(
    stub_pipeline_factory: Callable[..., Pipeline], default_config: tuple[PiiflowConfig, Path]
) -> None:
    pipeline = stub_pipeline_factory()
    payload = b'{"schema_version": 1, "text": "secret jean@example.org"}'
    [outcome] = pipeline.process_batch([RawRecord(payload, SourceRef("chat.raw", 2, 42))])
    dead = orjson.loads(outcome.records[0].value)
    assert dead["reason"] == "schema_violation"
    assert b"jean@example.org" not in outcome.records[0].value
    rings = load_key_rings(default_config[0])
    assert DeadLetterSealer(rings["deadletter"]).open(dead) == payload
    dead["source"]["offset"] = 43  # tampering with the source is detected
    with pytest.raises(Exception):  # noqa: B017 - cryptography raises InvalidTag
        DeadLetterSealer(rings["deadletter"]).open(dead)


def test_pseudonyms_are_stable_across_pipelines_and_differ_across_keys(
    stub_pipeline_factory: Callable[..., Pipeline], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = message(1, "écrivez à marie.dupont@example.fr", consent={"analytics": True})
    first = orjson.loads(stub_pipeline_factory().process_batch([record])[0].records[0].value)
    second = orjson.loads(stub_pipeline_factory().process_batch([record])[0].records[0].value)
    assert first["sender"]["id"] == second["sender"]["id"]
    assert first["conversation_id"] == second["conversation_id"]
    monkeypatch.setenv("PIIFLOW_KEY_ANALYTICS_K1", "another-analytics-key-0123456789abcdefghijkl")
    third = orjson.loads(stub_pipeline_factory().process_batch([record])[0].records[0].value)
    assert third["sender"]["id"] != first["sender"]["id"]


def test_sinks_tokens_cannot_be_joined(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    [outcome] = stub_pipeline_factory().process_batch(
        [message(1, "salut", consent={"analytics": True, "training": True})]
    )
    sink_ids = {r.name: orjson.loads(r.value)["sender"]["id"] for r in outcome.records if r.kind == "sink"}
    assert sink_ids["analytics"] != sink_ids["training"]


def test_missing_key_refuses_without_dev_mode(
    monkeypatch: pytest.MonkeyPatch, default_config: tuple[PiiflowConfig, Path], key_env: dict[str, str]
) -> None:
    monkeypatch.delenv("PIIFLOW_KEY_TRAINING_K1", raising=False)
    with pytest.raises(MissingKeyError, match="PIIFLOW_KEY_TRAINING_K1"):
        load_key_rings(default_config[0])
    rings = load_key_rings(default_config[0], dev_mode=True)
    assert rings["training"].ephemeral


def test_short_key_is_refused(monkeypatch: pytest.MonkeyPatch, default_config: tuple[PiiflowConfig, Path]) -> None:
    for name in ("ANALYTICS_K1", "TRAINING_K1", "AUDIT_K1", "DEADLETTER_D1"):
        monkeypatch.setenv(f"PIIFLOW_KEY_{name}", "x" * 40)
    monkeypatch.setenv("PIIFLOW_KEY_AUDIT_K1", "short")
    with pytest.raises(MissingKeyError, match="shorter than 32 bytes"):
        load_key_rings(default_config[0])


def test_field_rules_drop_unnamed_metadata(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    record = message(
        1,
        "merci",
        consent={"analytics": True},
        metadata={"channel": "web", "customer_phone": "0612345678", "product": "box"},
    )
    value = orjson.loads(stub_pipeline_factory().process_batch([record])[0].records[0].value)
    assert value["metadata"] == {"channel": "web", "product": "box"}


def test_retention_sets_expiry(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    pipeline = stub_pipeline_factory(clock=lambda: fixed)
    [outcome] = pipeline.process_batch([message(1, "merci", consent={"analytics": True, "training": True})])
    expiries = {r.name: orjson.loads(r.value)["expires_at"] for r in outcome.records if r.kind == "sink"}
    assert expiries == {"analytics": "2026-04-01T00:00:00Z", "training": "2027-01-01T00:00:00Z"}


def test_drop_message_policy(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    config = config_with()
    data = config.model_dump(mode="json")
    data["sinks"]["analytics"]["special_categories"] = "drop_message"
    from processors.config import parse_config

    pipeline = stub_pipeline_factory(parse_config(data))
    [outcome] = pipeline.process_batch([message(1, "je suis diabétique", consent={"analytics": True})])
    assert outcome.sinks_dropped["analytics"] == "special_category:drop_message"


def test_audit_record_carries_no_values(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    text = "appelez Marie au 06 12 34 56 78"
    [outcome] = stub_pipeline_factory().process_batch([message(1, text, consent={"analytics": True})])
    audit = orjson.loads(outcome.records[-1].value)
    assert audit["entities"]["PHONE_NUMBER"]["count"] == 1
    assert audit["entities"]["PERSON"]["recognizers"] == ["Stub"]
    assert audit["sinks"]["training"] == {
        "decision": "dropped",
        "reason": "no_consent:training:absent",
        "key_id": "k1",
    }
    blob = outcome.records[-1].value.decode()
    assert "06 12 34 56 78" not in blob and "Marie" not in blob and "conv-1" not in blob


def test_drop_message_operator_per_entity(stub_pipeline_factory: Callable[..., Pipeline]) -> None:
    from processors.config import parse_config

    data = config_with().model_dump(mode="json")
    data["sinks"]["training"]["operators"]["PHONE_NUMBER"] = "drop_message"
    pipeline = stub_pipeline_factory(parse_config(data))
    both = {"analytics": True, "training": True}
    [with_phone, without] = pipeline.process_batch(
        [message(1, "rappelez-moi au 06 12 34 56 78", consent=both), message(2, "merci beaucoup", consent=both)]
    )
    assert with_phone.sinks_dropped["training"] == "entity_policy:drop_message:PHONE_NUMBER"
    assert with_phone.sinks_sent == ["analytics"]
    assert without.sinks_sent == ["analytics", "training"]
