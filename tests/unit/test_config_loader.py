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


def _config_beside(tmp_path: Path, lexicons: Path | None) -> Path:
    """The default config written into ``tmp_path``, its lexicon_dir the relative ``lexicons``, with
    a copy of the folder ``lexicons`` there when given."""
    import shutil

    data = _default()
    data["detection"]["lexicon_dir"] = "lexicons"
    path = tmp_path / "piiflow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    if lexicons is not None:
        shutil.copytree(lexicons, tmp_path / "lexicons")
    return path


def _check_then_detect(path: Path, capsys: pytest.CaptureFixture[str], check_exit: int = 2) -> list[str]:
    """``config check`` then ``detect`` of one French line with the config at ``path``; ``detect``
    must stop with exit 2 before writing anything. Their stderr lines, logs left out."""
    source = path.parent / "in.jsonl"
    source.write_text('{"text": "Je suis diabétique", "lang": "fr"}\n', encoding="utf-8")
    assert main(["config", "check", str(path)]) == check_exit
    assert main(["detect", str(source), "--config", str(path)]) == 2
    captured = capsys.readouterr()
    assert "{" not in captured.out  # no result line
    return [line for line in captured.err.splitlines() if not line.startswith("{")]


def test_lexicon_dir_is_read_beside_the_config_and_must_hold_every_required_list(tmp_path: Path) -> None:
    """A config copied away from its lists used to run with special categories, chat name cues and
    place cues silently undetected."""
    from processors.config import checked_lexicon_dir

    path = _config_beside(tmp_path, None)
    config, _ = load_config(path)
    with pytest.raises(ConfigError) as info:
        checked_lexicon_dir(config, path)
    assert info.value.lines == [
        f"{path}: detection.lexicon_dir: {tmp_path / 'lexicons'} is not a folder (a relative path is read "
        "from the config file's folder; piiflow's lists are in its config/lexicons)"
    ]
    _config_beside(tmp_path, DEFAULT_CONFIG_PATH.parent / "lexicons")
    assert checked_lexicon_dir(config, path) == tmp_path / "lexicons"
    (tmp_path / "lexicons" / "special_categories_nl.yaml").unlink()
    (tmp_path / "lexicons" / "names.yaml").unlink()
    with pytest.raises(ConfigError) as info:
        checked_lexicon_dir(config, path)
    assert len(info.value.lines) == 1
    assert " lacks names.yaml, special_categories_nl.yaml (" in info.value.lines[0]
    # the allow list and the language hints may be absent: they only make detection more precise
    (tmp_path / "lexicons" / "allow_list.yaml").unlink()
    (tmp_path / "lexicons" / "language_hints.yaml").unlink()
    for name in ("names.yaml", "special_categories_nl.yaml"):
        (tmp_path / "lexicons" / name).write_bytes((DEFAULT_CONFIG_PATH.parent / "lexicons" / name).read_bytes())
    assert checked_lexicon_dir(config, path) == tmp_path / "lexicons"


def test_commands_refuse_a_config_without_its_lists_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _config_beside(tmp_path, None)
    lines = _check_then_detect(path, capsys)
    assert len(lines) == 2
    assert all(line.startswith(f"piiflow: config error: {path}: detection.lexicon_dir: ") for line in lines)


def test_an_empty_entity_list_is_refused() -> None:
    """``entities: []`` would let every message through untouched."""
    data = _default()
    data["detection"]["entities"] = []
    lines = _errors(data)
    assert len(lines) == 1
    assert "detection.entities" in lines[0] and "an empty list would detect nothing" in lines[0]


def test_a_broken_term_list_stops_commands_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in a list a data engineer edited used to end in a YAML parser's traceback (exit 1)."""
    path = _config_beside(tmp_path, DEFAULT_CONFIG_PATH.parent / "lexicons")
    broken = tmp_path / "lexicons" / "special_categories_fr.yaml"
    broken.write_text("health:\n  terms: [diabète\n", encoding="utf-8")
    expected = f"piiflow: config error: {broken}: line 3, column 1: did not find expected ',' or ']'"
    assert _check_then_detect(path, capsys) == [expected, expected]
    broken.write_text("health:\n  terms: [diabète]\nastrology:\n  terms: [bélier]\n", encoding="utf-8")
    # config check parses the lists; what a list says is checked when its recognizer builds
    assert _check_then_detect(path, capsys, check_exit=0) == [
        f"piiflow: config error: {broken}: unknown special category 'astrology'"
    ]
