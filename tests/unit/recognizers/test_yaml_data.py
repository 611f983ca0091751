"""The lexicon files parse to the same data through libyaml as through PyYAML's Python parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from recognizers import yaml_data
from recognizers.settings import RecognizerSettings

LEXICON_FILES = sorted(Path(RecognizerSettings().lexicon_dir).glob("*.yaml"))


def test_the_lexicons_are_all_found() -> None:
    assert {p.name for p in LEXICON_FILES} >= {"names.yaml", "places.yaml", "allow_list.yaml", "language_hints.yaml"}


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: p.name)
def test_same_data_as_the_python_parser(path: Path) -> None:
    data = yaml_data.load_yaml(path)
    assert data, "a lexicon file is never empty"
    assert data == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert yaml_data._SAFE_LOADER is expected


def test_only_plain_data_is_built(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        yaml_data.load_yaml(hostile)


def test_an_empty_file_is_none(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert yaml_data.load_yaml(empty) is None


def test_load_mapping_says_in_one_line_what_is_wrong_and_where(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("fr:\n  place_cues: [habite à\n", encoding="utf-8")
    with pytest.raises(yaml_data.LexiconError) as info:
        yaml_data.load_mapping(path)
    assert str(info.value) == f"{path}: line 3, column 1: did not find expected ',' or ']'"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(yaml_data.LexiconError, match=r"expected a mapping at the top level, found a list$"):
        yaml_data.load_mapping(path)
    path.write_bytes("fr: [caf\xe9]\n".encode("latin-1"))
    with pytest.raises(yaml_data.LexiconError, match=r"not UTF-8 text$"):
        yaml_data.load_mapping(path)
    path.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(yaml_data.LexiconError):
        yaml_data.load_mapping(path)
    path.write_text("", encoding="utf-8")
    assert yaml_data.load_mapping(path) == {}
    path.write_text("fr: [a, b]\n", encoding="utf-8")
    assert yaml_data.load_mapping(path) == {"fr": ["a", "b"]}
