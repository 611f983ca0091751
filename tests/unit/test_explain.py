"""``piiflow explain``: the JSON form, through the CLI, over the real pipeline (and a stub detector)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from processors import detection
from processors.cli import main
from processors.detection import DetectionSettings, Detector
from tests.conftest import STUB_PATTERNS, StubDetector

EMAIL = "jane.doe@example.com"
TEXT = f"Hello, you can reach me at {EMAIL} tomorrow."
KEY_VARS = ("ANALYTICS_K1", "TRAINING_K1", "AUDIT_K1", "DEADLETTER_D1")


def run_explain(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["explain", *args, "--json"]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


@pytest.fixture
def no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in KEY_VARS:
        monkeypatch.delenv(f"PIIFLOW_KEY_{name}", raising=False)


@pytest.fixture
def stub_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regex entities instead of spaCy/Presidio: fast, and independent of the recognizers' state."""

    def build(cls: type, config: Any, path: Any, on_demand: bool = False) -> StubDetector:
        return StubDetector(STUB_PATTERNS, DetectionSettings.from_config(config, path))

    monkeypatch.setattr(detection.Detector, "from_config", classmethod(build))


@pytest.fixture
def reuse_detector(monkeypatch: pytest.MonkeyPatch, real_detector: Detector) -> Detector:
    """The session's real detector instead of building one per CLI call."""
    monkeypatch.setattr(detection.Detector, "from_config", classmethod(lambda cls, c, p, **kwargs: real_detector))
    return real_detector


def assert_email_explained(result: dict[str, Any]) -> None:
    start = TEXT.index(EMAIL)
    emails = [e for e in result["entities"] if e["entity_type"] == "EMAIL_ADDRESS"]
    assert len(emails) == 1
    assert (emails[0]["start"], emails[0]["end"]) == (start, start + len(EMAIL))
    assert emails[0]["value"] == EMAIL
    assert emails[0]["recognizer"]
    assert set(result["sinks"]) == {"analytics", "training"}
    analytics = result["sinks"]["analytics"]
    record = analytics["consent_all_true"]["record"]
    assert analytics["consent_all_true"]["decision"] == "sent"
    assert record["schema_version"] == 1
    assert EMAIL not in record["text"]
    assert "<EMAIL_ADDRESS_1>" in record["text"]
    assert record["conversation_id"].startswith("tok_")
    # consent absent: analytics allows by default, training denies (consent_default false)
    assert analytics["consent_absent"]["decision"] == "sent"
    assert analytics["consent_absent"]["basis"] == "consent_default:analytics"
    training = result["sinks"]["training"]
    assert training["consent_all_true"]["decision"] == "sent"
    assert EMAIL not in training["consent_all_true"]["record"]["text"]
    assert training["consent_absent"] == {"decision": "dropped", "reason": "no_consent:training:absent"}
    assert result["input_record"]["consent"]["training"] is True


def test_explain_real_detector(reuse_detector: Detector, no_keys: None, capsys: pytest.CaptureFixture[str]) -> None:
    if "EMAIL_ADDRESS" not in reuse_detector.entities_by_language.get("en", []):
        pytest.skip("no e-mail recognizer registered for English in this tree")
    result = run_explain(capsys, TEXT, "--lang", "en")
    assert result["language"] == {**result["language"], "code": "en", "source": "given"}
    assert result["keys"]["mode"] == "dev_ephemeral"
    assert_email_explained(result)
    email = next(e for e in result["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert "pattern" in email["why"]  # the recognizer's explanation (pattern, checksum, context word)


def test_explain_json_with_stub_detector_and_dev_keys(
    stub_detector: None, no_keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_explain(capsys, TEXT)
    assert result["language"]["code"] == "en"
    assert result["language"]["source"] in {"detected", "fallback"}
    assert result["keys"]["mode"] == "dev_ephemeral"
    assert result["keys"]["ephemeral_key_rings"] == ["analytics", "audit", "deadletter", "training"]
    assert result["dead_letter"] is None
    assert result["notice"].startswith("debug output")
    assert_email_explained(result)
    actions = result["sinks"]["training"]["entity_actions"]
    assert actions == [{"entity": 0, "entity_type": "EMAIL_ADDRESS", "action": "surrogate"}]


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("merci beaucoup", "by hint words"),
        ("i've been chrged twwice, on behalf of mrs thorpe", "by word evidence"),
        ("Je voudrais savoir où en est ma livraison, je n'ai rien vu", "by word evidence"),
        ("Livraison express Amsterdam Rotterdam entrepôt retard", "by lingua"),
    ],
)
def test_explain_names_the_step_that_chose_the_language(
    stub_detector: None, no_keys: None, capsys: pytest.CaptureFixture[str], text: str, method: str
) -> None:
    language = run_explain(capsys, text)["language"]
    assert language["source"] == "detected"
    assert language["method"].startswith(method)


def test_explain_uses_configured_keys_when_present(
    stub_detector: None, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_explain(capsys, TEXT, "--lang", "en")
    assert result["keys"] == {**result["keys"], "mode": "configured", "ephemeral_key_rings": []}
    first = result["sinks"]["analytics"]["consent_all_true"]["record"]["conversation_id"]
    again = run_explain(capsys, TEXT, "--lang", "en")
    assert again["sinks"]["analytics"]["consent_all_true"]["record"]["conversation_id"] == first


def test_explain_special_category_and_offsets_on_unnormalised_text(
    stub_detector: None, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Je suis dia\u200bbétique, écrivez à marie@exemple.fr"  # zero-width space inside a word
    result = run_explain(capsys, text, "--lang", "fr")
    entity = next(e for e in result["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert text[entity["start"] : entity["end"]] == "marie@exemple.fr"
    assert result["normalized_text_differs"] is True
    health = next(e for e in result["entities"] if e["entity_type"] == "SPECIAL_HEALTH")
    assert health["value"] == "dia\u200bbétique"  # detected on the normalised text, reported on the input's offsets
    assert result["special_categories"] == ["SPECIAL_HEALTH"]
    training = result["sinks"]["training"]
    assert training["consent_all_true"]["decision"] == "sent"  # special_categories consent is true here
    assert "diabétique" not in training["consent_all_true"]["record"]["text"]
    assert "diabétique" not in result["sinks"]["analytics"]["consent_all_true"]["record"]["text"]
    assert training["consent_absent"]["decision"] == "dropped"


def test_explain_terminal_output(
    stub_detector: None, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", TEXT, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "debug output" in out
    assert EMAIL in out  # the debug tool shows the detected value, by design
    assert "what each sink would receive" in out
    assert "configured keys" in out


def test_explain_dead_letter_is_reported(
    stub_detector: None, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_explain(capsys, "x" * 20_000)
    assert result["dead_letter"]["reason"] == "text_too_long"
    assert result["entities"] == []
    assert result["sinks"]["analytics"]["consent_all_true"]["decision"] == "dropped"
