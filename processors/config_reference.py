"""The README's configuration reference, generated from the config models' JSON Schema.

``piiflow config reference`` prints it; a test checks that the README holds exactly this text
between its markers, so the reference cannot drift from the code.
"""

from __future__ import annotations

import ast
import inspect
import sys
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from processors.config import PiiflowConfig

BEGIN = "<!-- config-reference:begin -->"
END = "<!-- config-reference:end -->"


def _type_of(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " \\| ".join(f"`{v}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "anyOf" in schema:
        return " \\| ".join(_type_of(s, defs) for s in schema["anyOf"])
    if "oneOf" in schema:
        return "operator"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type_of(schema.get('items', {}), defs)}"
    if kind == "object":
        extra = schema.get("additionalProperties")
        return f"map of {_type_of(extra, defs)}" if isinstance(extra, dict) else "map"
    return str(kind)


def _default(schema: dict[str, Any], required: bool) -> str:
    if required:
        return "**required**"
    if "default" not in schema:
        return "see default config"
    value = schema["default"]
    text = repr(value) if not isinstance(value, str) else value
    return f"`{text}`" if len(text) < 60 else "see default config"


def _rows(name: str, schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    rows = []
    required = set(schema.get("required", []))
    for field, spec in schema.get("properties", {}).items():
        doc = " ".join((spec.get("description") or "").split())
        rows.append(f"| `{field}` | {_type_of(spec, defs)} | {_default(spec, field in required)} | {doc} |")
    return rows


def attribute_docstrings(module: ModuleType) -> dict[str, dict[str, str]]:
    """Per top-level class of ``module``, the docstrings written right under its annotated
    attributes (``name: type = value`` then a string literal), cleaned with ``inspect.cleandoc``:
    what pydantic's ``use_attribute_docstrings`` reads, read here only when a schema is asked for
    (``processors.config.StrictModel`` says why)."""
    docs: dict[str, dict[str, str]] = {}
    for node in ast.parse(inspect.getsource(module)).body:
        if not isinstance(node, ast.ClassDef):
            continue
        found: dict[str, str] = {}
        previous: ast.stmt | None = None
        for statement in node.body:
            if (
                isinstance(previous, ast.AnnAssign)
                and isinstance(previous.target, ast.Name)
                and isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found[previous.target.id] = inspect.cleandoc(statement.value.value)
            previous = statement
        docs[node.name] = found
    return docs


def _field_doc(model: type, field: str, docs: dict[str, dict[str, str]]) -> str | None:
    """The docstring of ``field`` in the class that declares it (the first in ``model``'s MRO)."""
    for cls in model.__mro__:
        if field in vars(cls).get("__annotations__", {}):
            return docs.get(cls.__name__, {}).get(field)
    return None


def documented_schema(root: type[BaseModel] = PiiflowConfig) -> dict[str, Any]:
    """The JSON Schema of ``root`` (the configuration), each field described by its docstring
    unless the field sets a description itself: the schema pydantic gives with
    ``use_attribute_docstrings``. The models are classes of ``root``'s module, named by ``$defs``."""
    module = sys.modules[root.__module__]
    schema = root.model_json_schema()
    docs = attribute_docstrings(module)
    models: list[tuple[type, dict[str, Any]]] = [(root, schema)]
    for name, spec in schema.get("$defs", {}).items():
        model = getattr(module, name, None)
        if isinstance(model, type):  # else a name pydantic made up: left as pydantic wrote it
            models.append((model, spec))
    for model, spec in models:
        properties = spec.get("properties", {})
        for field, prop in properties.items():
            doc = _field_doc(model, field, docs)
            if doc is not None and "description" not in prop:
                # keys in order, as pydantic writes them
                properties[field] = dict(sorted({**prop, "description": doc}.items()))
    return schema


def render() -> str:
    """Markdown: one table per model, top-level first."""
    schema = documented_schema()
    defs = schema.get("$defs", {})
    out = [BEGIN, "", "### `PiiflowConfig` (top level)", "", "| key | type | default | notes |", "|---|---|---|---|"]
    out += _rows("PiiflowConfig", schema, defs)
    for name in sorted(defs):
        model = defs[name]
        doc = (model.get("description") or "").strip().replace("\n", " ")
        out += ["", f"### `{name}`", "", doc, "", "| key | type | default | notes |", "|---|---|---|---|"]
        out += _rows(name, model, defs)
    out += ["", END]
    return "\n".join(out)
