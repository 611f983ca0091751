"""Per-sink policy: may this message go to this sink, and what does the sink's copy look like.

A sink serves one purpose. ``decide`` applies consent (the message's flag for the sink, or the
sink's default when the flag is absent) and the special-category rule; ``render_text`` applies the
sink's operators to the detected entities; ``render_fields`` keeps, drops or pseudonymises the
structured fields (sender extras, metadata) by path, dropping whatever no rule names.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Any

from processors.config import DropMessageOp, FieldAction, Operator, PlaceholderOp, SinkConfig
from processors.contract import InputMessage
from processors.detection import Entity
from processors.operators import OperatorContext, apply_operator
from processors.pseudonym import FIELD_NAMESPACE
from recognizers.entities import SPECIAL_CATEGORIES

_SPECIAL_PLACEHOLDER = PlaceholderOp(type="placeholder")


@dataclass(frozen=True)
class Decision:
    """Whether a sink receives the message, and the basis (sent) or reason (dropped)."""

    send: bool
    basis: str


def decide(sink: SinkConfig, message: InputMessage, special: set[str], found: set[str] | None = None) -> Decision:
    """Apply consent, the special-category rule and ``drop_message`` operators for one sink."""
    if sink.consent is not None:
        flag = message.consent.flag(sink.consent) if message.consent else None
        if flag is None and not sink.consent_default:
            return Decision(False, f"no_consent:{sink.consent}:absent")
        if flag is False:
            return Decision(False, f"no_consent:{sink.consent}:refused")
        basis = f"consent:{sink.consent}" if flag else f"consent_default:{sink.consent}"
    else:
        basis = "purpose:" + sink.purpose
    if special:
        if sink.special_categories == "drop_message":
            return Decision(False, "special_category:drop_message")
        if sink.special_categories == "require_consent":
            flag = message.consent.flag(sink.special_categories_consent) if message.consent else None
            if flag is not True:
                return Decision(False, f"special_category:no_consent:{sink.special_categories_consent}")
    for entity_type in sorted(found or ()):
        if isinstance(operator_for(sink, entity_type), DropMessageOp):
            return Decision(False, f"entity_policy:drop_message:{entity_type}")
    return Decision(True, basis)


def operator_for(sink: SinkConfig, entity_type: str) -> Operator:
    """The sink's operator for a type; special categories are never kept verbatim under 'redact'."""
    if entity_type in SPECIAL_CATEGORIES and sink.special_categories == "redact":
        return sink.operators.get(entity_type, _SPECIAL_PLACEHOLDER)
    return sink.operators.get(entity_type, sink.default_operator)


def sink_entities(sink: SinkConfig, entities: list[Entity], default_threshold: float) -> list[Entity]:
    """Entities this sink acts on: a sink may ask for a higher (or lower) score per type.

    A sink-level threshold below the detector's only matters for entities already reported.
    """
    if not sink.thresholds:
        return entities
    return [e for e in entities if e.score >= sink.thresholds.get(e.entity_type, default_threshold)]


def render_text(text: str, entities: list[Entity], sink: SinkConfig, ctx: OperatorContext) -> str:
    """The sink's copy of ``text``: each entity replaced as the sink's operators say."""
    pieces: list[str] = []
    cursor = 0
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.start < cursor:  # overlaps were resolved upstream; be safe anyway
            continue
        pieces.append(text[cursor : entity.start])
        value = text[entity.start : entity.end]
        pieces.append(apply_operator(operator_for(sink, entity.entity_type), entity.entity_type, value, ctx))
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def field_action(sink: SinkConfig, path: str) -> FieldAction:
    """The sink's rule for the field at ``path``: its own, the most specific matching pattern's, or drop."""
    if path in sink.fields:
        return sink.fields[path]
    matches = [pattern for pattern in sink.fields if fnmatch.fnmatchcase(path, pattern)]
    if matches:
        return sink.fields[max(matches, key=len)]  # the most specific pattern wins
    return "drop"


def _render_value(action: FieldAction, path: str, value: Any, ctx: OperatorContext) -> Any | None:
    if action == "keep":
        return value
    if action == "pseudonymise" and isinstance(value, str | int | float):
        return ctx.pseudonymizer.token(FIELD_NAMESPACE.get(path, path), str(value), ctx.language)
    if action == "generalise" and isinstance(value, str):
        year = value[:4]
        return year if year.isdigit() else None
    return None


def render_fields(prefix: str, values: dict[str, Any] | None, sink: SinkConfig, ctx: OperatorContext) -> dict[str, Any]:
    """Apply field rules to a mapping (``sender`` extras or ``metadata``); unnamed fields are dropped."""
    out: dict[str, Any] = {}
    for name, value in (values or {}).items():
        path = f"{prefix}.{name}"
        rendered = _render_value(field_action(sink, path), path, value, ctx)
        if rendered is not None:
            out[name] = rendered
    return out
