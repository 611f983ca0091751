"""The README's configuration reference, generated from the config models' JSON Schema.

``piiflow config reference`` prints it; a test checks that the README holds exactly this text
between its markers, so the reference cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

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


def render() -> str:
    """Markdown: one table per model, top-level first."""
    schema = PiiflowConfig.model_json_schema()
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
