"""Field docstrings reach the config's JSON Schema as pydantic's ``use_attribute_docstrings`` would
put them there, without pydantic reading them at import (``processors.config.StrictModel``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import orjson
import pytest

from processors.config import PiiflowConfig, StrictModel
from processors.config_reference import documented_schema

# Every case the extraction must get right: a field declared in a base class, a multi-line
# docstring whose indentation ``inspect.cleandoc`` removes, a description set with ``Field`` (which
# wins), a field without docstring, a blank line between a field and its docstring, a nested
# model reached through ``$defs``, and strings that are not field docstrings (after a method, a
# class docstring, a class variable's).
SOURCE = '''
"""A module of documented models."""
from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field


class Base(BaseModel):
    """The base."""

    model_config = ConfigDict(extra="forbid"{option})
    inherited: int = 1
    """Declared in the base."""


class Inner(BaseModel):
    model_config = ConfigDict({option_alone})
    depth: int = 2
    """How deep.

        Indented continuation,
        cleaned as pydantic cleans it.
    """


class Root(Base):
    """The root."""

    plain: int = 0
    """One line."""
    explicit: int = Field(default=0, description="From Field.")
    """Not used: Field's description wins."""
    undocumented: int = 0
    after_blank: str = "x"

    """After a blank line, still this field's."""
    inner: Inner = Inner()
    """The nested model."""
    constant: ClassVar[int] = 3
    """Not a field: a class variable."""

    def method(self) -> int:
        """Not a field docstring."""
        return self.plain
'''


def _module(directory: Path, name: str, with_option: bool) -> ModuleType:
    path = directory / f"{name}.py"
    path.write_text(
        SOURCE.format(
            option=", use_attribute_docstrings=True" if with_option else "",
            option_alone="use_attribute_docstrings=True" if with_option else "",
        ),
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_documented_schema_is_what_pydantic_makes_of_the_docstrings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        by_pydantic = _module(tmp_path, "piiflow_docs_on", with_option=True).Root.model_json_schema()
        ours = documented_schema(_module(tmp_path, "piiflow_docs_off", with_option=False).Root)
    finally:
        sys.modules.pop("piiflow_docs_on", None)
        sys.modules.pop("piiflow_docs_off", None)
    assert orjson.dumps(ours) == orjson.dumps(by_pydantic)  # same keys, same order
    fields = ours["properties"]
    assert fields["inherited"]["description"] == "Declared in the base."
    assert fields["explicit"]["description"] == "From Field."
    assert fields["after_blank"]["description"] == "After a blank line, still this field's."
    assert "description" not in fields["undocumented"]
    depth = ours["$defs"]["Inner"]["properties"]["depth"]["description"]
    assert depth == "How deep.\n\nIndented continuation,\ncleaned as pydantic cleans it."


def test_config_models_leave_docstrings_to_the_schema() -> None:
    """pydantic does not read them at import (the slow part), so the fields hold no description;
    the schema has them."""
    assert not StrictModel.model_config.get("use_attribute_docstrings")
    assert PiiflowConfig.model_fields["sinks"].description is None
    assert "description" in documented_schema()["properties"]["sinks"]
