"""The config loader: the default is valid; broken files give one clear line per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from processors.cli import main
from processors.config import DEFAULT_CONFIG_PATH, ConfigError, load_config, parse_config


def _default() -> dict:
    return yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))


def _errors(data: object) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(data, "test.yaml")
    return info.value.lines


def test_default_config_is_valid_and_hash_is_stable() -> None:
    config, path = load_config()
    assert path == DEFAULT_CONFIG_PATH.resolve()
    assert set(config.sinks) == {"analytics", "training"}
    assert config.sinks["training"].consent == "training"
    assert config.sinks["training"].consent_default is False
    assert config.policy_hash() == load_config()[0].policy_hash()
    assert len(config.policy_hash()) == 16


def test_unknown_key_is_rejected_with_its_yaml_path() -> None:
    data = _default()
    data["sinks"]["training"]["retenion_days"] = 3
    lines = _errors(data)
    assert len(lines) == 1
    assert "sinks.training.retenion_days" in lines[0]
    assert lines[0].startswith("test.yaml: ")


def test_every_problem_is_reported_once() -> None:
    data = _default()
    data["worker"]["batch_size"] = 0
    data["sinks"]["analytics"]["operators"]["PERSON"] = {"type": "mask", "keep_last": 99}
    data["languages"]["fallback"] = "de"
    lines = _errors(data)
    joined = "\n".join(lines)
    assert "worker.batch_size" in joined
    assert "sinks.analytics.operators.PERSON.keep_last" in joined
    assert "languages.fallback" in joined
    assert len(lines) == 3


def test_unknown_entity_type_and_operator_rejected() -> None:
    data = _default()
    data["sinks"]["analytics"]["operators"]["PERSONS"] = "redact"
    assert any("unknown entity types ['PERSONS']" in line for line in _errors(data))
    data = _default()
    data["sinks"]["analytics"]["default_operator"] = "shred"
    assert any("sinks.analytics.default_operator" in line for line in _errors(data))


def test_literal_secret_is_refused() -> None:
    data = _default()
    data["key_rings"]["analytics"]["keys"]["k1"] = "my-secret-in-yaml"
    lines = _errors(data)
    assert any("key_rings.analytics.keys.k1" in line for line in lines)


def test_secret_ref_needs_exactly_one_source() -> None:
    data = _default()
    data["key_rings"]["analytics"]["keys"]["k1"] = {"env": "A", "file": "/tmp/x"}
    assert any("exactly one of 'env' or 'file'" in line for line in _errors(data))


def test_dangling_key_ring_and_duplicate_topics() -> None:
    data = _default()
    data["sinks"]["training"]["key_ring"] = "nope"
    data["sinks"]["training"]["topic"] = data["sinks"]["analytics"]["topic"]
    joined = "\n".join(_errors(data))
    assert "key ring 'nope'" in joined
    assert "topics must all differ" in joined


def test_field_rules_cannot_expose_sender_id() -> None:
    data = _default()
    data["sinks"]["analytics"]["fields"]["sender.id"] = "keep"
    assert any("sender.id" in line and "fixed by the wire contract" in line for line in _errors(data))


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nsinks: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(bad)
    assert len(info.value.lines) == 1
    assert "line " in info.value.lines[0]


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "cannot read configuration" in info.value.lines[0]


def test_cli_config_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "check"]) == 0
    assert "valid" in capsys.readouterr().out
    data = _default()
    data["topics"]["partitons"] = 3
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["config", "check", str(broken)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "topics.partitons" in err[0]


def test_cli_config_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["config", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "sinks" in schema["properties"]
    assert schema["additionalProperties"] is False
    # fields are described by the docstrings under them (processors.config_reference)
    batch_size = schema["$defs"]["WorkerConfig"]["properties"]["batch_size"]
    assert batch_size["description"].startswith("Most messages taken from the stream per pipeline call.")


def test_misspelt_recognizer_name_is_refused_with_a_suggestion() -> None:
    """A misspelt name used to be accepted and switch nothing off."""
    data = _default()
    data["detection"]["disabled_recognizers"] = ["UsSsnRecognizer", "ChatNamePatternRecogniser"]
    lines = _errors(data)
    assert len(lines) == 1
    assert "detection.disabled_recognizers" in lines[0]
    assert "unknown recognizers ['ChatNamePatternRecogniser']" in lines[0]
    assert "did you mean 'ChatNamePatternRecognizer'?" in lines[0]
    data["detection"]["disabled_recognizers"] = ["UsSsnRecognizer", "ChatNamePatternRecognizer"]
    config = parse_config(data, "test.yaml")
    assert config.detection.disabled_recognizers == ["UsSsnRecognizer", "ChatNamePatternRecognizer"]
