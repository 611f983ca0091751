"""``piiflow explain``: what piiflow finds in one text, why, and what each sink would receive.

A debug tool for people writing policies and recognizers. It wraps the text in a one-message record
of the wire contract and runs it through the real ``Pipeline`` (the same normalisation, language
choice, ``Detector`` and per-sink rendering as the worker), twice: once with every consent flag set
to true, once with no ``consent`` object at all, so the per-sink decisions for both cases show.

Unlike every other piiflow command it prints the input text and the detected values: the user
typed them on their own command line. Keys come from the configuration when they are readable;
otherwise ephemeral dev-mode keys are used for the missing key rings, and the output says so.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from processors.config import DEFAULT_CONFIG_PATH, PiiflowConfig, SinkConfig, load_config
from processors.contract import Consent
from processors.deadletter import SourceRef
from processors.detection import Entity
from processors.language import LanguageResolver, WordStep
from processors.pipeline import Outcome, Pipeline, RawRecord
from processors.policy import operator_for
from processors.textnorm import normalize_with_offsets

NOTICE = (
    "debug output: contains the input text and the values detected in it; do not paste it into tickets, logs or chats"
)
SOURCE_TOPIC = "explain"
MESSAGE_ID = "explain-1"
CONVERSATION_ID = "explain-conversation"
SENDER_ID = "explain-sender"
_PALETTE = ("yellow", "cyan", "magenta", "green", "bright_red", "bright_blue", "orange3", "orchid", "turquoise2")
_SOURCE_EXPLANATION = {
    "given": "given: the record's `lang` field (--lang) names a supported language, so it is used as is",
    "detected": "detected offline among the supported languages",
    "fallback": "fallback: no confident detection (or no letters), so the configured fallback language is used",
    "conversation": "conversation: the message is not clear about its language, so its conversation's is used",
}
_WORD_STEP_EXPLANATION: dict[WordStep, str] = {
    "hint words": "a short message using one language's chat words",
    "word evidence": "two or more of one language's chat and stop words, more than twice any other's",
    "stop-word vote": "a clear majority of stop words found in one language only",
}


@dataclass(frozen=True)
class ExplainRequest:
    """What to explain: the text, an optional language and the config to use."""

    text: str
    lang: str | None
    config: PiiflowConfig
    config_path: Path


# -- building the explanation -----------------------------------------------------------------------


def _all_consent_flags(config: PiiflowConfig) -> list[str]:
    flags = set(Consent.model_fields)
    for sink in config.sinks.values():
        if sink.consent:
            flags.add(sink.consent)
        flags.add(sink.special_categories_consent)
    return sorted(flags)


def wire_record(text: str, lang: str | None, consent: dict[str, bool] | None, now: datetime) -> dict[str, Any]:
    """A one-message record of the input wire contract (schema version 1)."""
    record: dict[str, Any] = {
        "schema_version": 1,
        "message_id": MESSAGE_ID,
        "conversation_id": CONVERSATION_ID,
        "timestamp": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "sender": {"role": "customer", "id": SENDER_ID},
        "text": text,
    }
    if lang:
        record["lang"] = lang
    if consent is not None:
        record["consent"] = consent
    return record


def _language_details(resolver: LanguageResolver, text: str, code: str | None, source: str | None) -> dict[str, Any]:
    """The language used and how it was chosen (lingua's confidences when it was asked)."""
    details: dict[str, Any] = {
        "code": code,
        "source": source,
        "explanation": _SOURCE_EXPLANATION.get(source or "", "not chosen (the message became a dead letter first)"),
        "supported": list(resolver.supported),
        "fallback": resolver.fallback,
        "min_confidence": resolver.min_confidence,
    }
    if source == "given":
        return details
    worded = resolver.from_words(text) if source == "detected" else None
    if worded is not None:
        details["method"] = f"by {worded[1]}: {_WORD_STEP_EXPLANATION[worded[1]]}"
    elif source == "detected":
        details["method"] = "by lingua, restricted to the supported languages"
    lingua = resolver.lingua()
    if lingua is not None and any(ch.isalpha() for ch in text):
        values = lingua.compute_language_confidence_values(text)
        details["confidences"] = {v.language.iso_code_639_1.name.lower(): round(float(v.value), 4) for v in values}
    return details


def _entity_row(entity: Entity, original: str, normalized_span: tuple[int, int]) -> dict[str, Any]:
    start, end = normalized_span
    return {
        "entity_type": entity.entity_type,
        "start": start,
        "end": end,
        "value": original[start:end],
        "score": round(entity.score, 4),
        "recognizer": entity.recognizer,
        "why": entity.why,
    }


def _sink_actions(sink: SinkConfig, entities: list[Entity], detector_threshold: float) -> list[str]:
    """Per entity (in order): the operator this sink applies, or why it leaves the span alone."""
    actions = []
    for entity in entities:
        needed = sink.thresholds.get(entity.entity_type, detector_threshold) if sink.thresholds else None
        if needed is not None and entity.score < needed:
            actions.append(f"left as is (score below the sink's threshold {needed})")
        else:
            actions.append(operator_for(sink, entity.entity_type).type)
    return actions


def _decision(audit: dict[str, Any], sink: str) -> dict[str, Any]:
    entry = audit.get("sinks", {}).get(sink, {})
    decision = {"decision": entry.get("decision")}
    if "basis" in entry:
        decision["basis"] = entry["basis"]
    if "reason" in entry:
        decision["reason"] = entry["reason"]
    return decision


def _records(outcome: Outcome) -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, Any] | None]:
    """The audit record, the sink records by sink name, and the dead letter (if any) of an outcome."""
    audit: dict[str, Any] = {}
    sinks: dict[str, dict[str, Any]] = {}
    dead: dict[str, Any] | None = None
    for record in outcome.records:
        value = orjson.loads(record.value)
        if record.kind == "audit":
            audit = value
        elif record.kind == "sink":
            sinks[record.name] = value
        else:
            dead = {k: v for k, v in value.items() if k != "encryption"}
    return audit, sinks, dead


def explain(request: ExplainRequest, pipeline: Pipeline | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The explanation as a JSON-ready object (see ``piiflow explain --json``)."""
    config = request.config
    pipeline = pipeline or Pipeline(config, request.config_path, dev_mode=True)
    now = now or datetime.now(UTC)
    consent_all = dict.fromkeys(_all_consent_flags(config), True)
    with_consent = wire_record(request.text, request.lang, consent_all, now)
    without_consent = wire_record(request.text, request.lang, None, now)
    raw = [
        RawRecord(orjson.dumps(with_consent), SourceRef(SOURCE_TOPIC, 0, 0)),
        RawRecord(orjson.dumps(without_consent), SourceRef(SOURCE_TOPIC, 0, 1)),
    ]
    outcome_all, outcome_absent = pipeline.process_batch(raw)
    audit_all, sink_records, dead = _records(outcome_all)
    audit_absent, _, _ = _records(outcome_absent)

    normalized = normalize_with_offsets(request.text)
    entities = outcome_all.entities
    rows = [_entity_row(e, request.text, normalized.original_span(e.start, e.end)) for e in entities]
    threshold = pipeline.detector.settings.score_threshold
    sinks: dict[str, Any] = {}
    for name, sink in config.sinks.items():
        actions = _sink_actions(sink, entities, threshold)
        sinks[name] = {
            "topic": sink.topic,
            "purpose": sink.purpose,
            "consent_flag": sink.consent,
            "consent_default": sink.consent_default,
            "special_categories": sink.special_categories,
            "entity_actions": [
                {"entity": i, "entity_type": e.entity_type, "action": a}
                for i, (e, a) in enumerate(zip(entities, actions, strict=True))
            ],
            "consent_all_true": {**_decision(audit_all, name), "record": sink_records.get(name)},
            "consent_absent": _decision(audit_absent, name),
        }
    ephemeral = list(pipeline.ephemeral_keys)
    return {
        "notice": NOTICE,
        "config": str(request.config_path),
        "policy": {"name": config.policy_name, "hash": pipeline.policy_hash},
        "keys": {
            "mode": "dev_ephemeral" if ephemeral else "configured",
            "ephemeral_key_rings": ephemeral,
            "explanation": (
                f"dev-mode ephemeral keys for key rings {', '.join(ephemeral)} (their keys are not readable here): "
                "tokens and surrogates differ from production and change on every run"
                if ephemeral
                else "the configured keys: tokens and surrogates are the ones the worker would produce"
            ),
        },
        "text": request.text,
        "normalized_text_differs": normalized.text != request.text,
        "language": _language_details(
            pipeline.languages, normalized.text, outcome_all.language, audit_all.get("lang_source")
        ),
        "entities": rows,
        "special_categories": list(outcome_all.special_categories),
        "dead_letter": dead,
        "input_record": with_consent,
        "sinks": sinks,
    }


# -- terminal rendering -------------------------------------------------------------------------------


def _colours(rows: list[dict[str, Any]]) -> dict[str, str]:
    colours: dict[str, str] = {}
    for row in rows:
        colours.setdefault(row["entity_type"], _PALETTE[len(colours) % len(_PALETTE)])
    return colours


def _highlighted(text: str, rows: list[dict[str, Any]], colours: dict[str, str]) -> Text:
    out = Text()
    cursor = 0
    for number, row in sorted(enumerate(rows, start=1), key=lambda item: item[1]["start"]):
        if row["start"] < cursor:
            continue
        out.append(text[cursor : row["start"]])
        out.append(text[row["start"] : row["end"]], style=f"bold black on {colours[row['entity_type']]}")
        out.append(f"[{number}]", style=f"dim {colours[row['entity_type']]}")
        cursor = row["end"]
    out.append(text[cursor:])
    return out


def _decision_text(decision: dict[str, Any]) -> Text:
    sent = decision.get("decision") == "sent"
    label = "sent" if sent else "dropped"
    why = decision.get("basis") if sent else decision.get("reason")
    return Text.assemble((label, "bold green" if sent else "bold red"), f"\n{why}" if why else "")


def render(result: dict[str, Any], console: Console) -> None:
    """Print the explanation for a human."""
    console.print(Text(f"piiflow explain — {result['notice']}", style="bold yellow"))
    rows: list[dict[str, Any]] = result["entities"]
    colours = _colours(rows)
    console.print(Panel(_highlighted(result["text"], rows, colours), title="text", title_align="left"))

    lang = result["language"]
    line = Text.assemble(("language: ", "bold"), str(lang["code"]), f" — {lang['explanation']}")
    if lang.get("method"):
        line.append(f", {lang['method']}")
    if lang.get("confidences"):
        scores = ", ".join(f"{k} {v:.2f}" for k, v in lang["confidences"].items())
        line.append(f"; lingua confidences: {scores} (min_confidence {lang['min_confidence']})")
    console.print(line)
    keys = result["keys"]
    console.print(
        Text.assemble(("keys: ", "bold"), (keys["explanation"], "yellow" if keys["ephemeral_key_rings"] else ""))
    )
    console.print(Text.assemble(("policy: ", "bold"), f"{result['policy']['name']} ({result['policy']['hash']})"))

    if result["dead_letter"]:
        dead = result["dead_letter"]
        console.print(Text(f"dead letter: {dead['reason']} — {dead['detail']}", style="bold red"))

    table = Table(title=f"entities ({len(rows)})", title_justify="left")
    for column in ("#", "type", "span", "value", "score", "recognizer", "why"):
        table.add_column(column, justify="right" if column in {"#", "score"} else "left", overflow="fold")
    for number, row in enumerate(rows, start=1):
        table.add_row(
            str(number),
            Text(row["entity_type"], style=colours[row["entity_type"]]),
            f"{row['start']}–{row['end']}",
            Text(row["value"]),
            f"{row['score']:.2f}",
            Text(row["recognizer"]),
            Text(row["why"] or "—"),
        )
    if rows:
        console.print(table)
    else:
        console.print(Text("no entities detected", style="bold"))
    if result["special_categories"]:
        console.print(
            Text("special categories (GDPR art. 9): " + ", ".join(result["special_categories"]), style="bold magenta")
        )

    sinks = Table(title="what each sink would receive", title_justify="left", show_lines=True)
    sinks.add_column("sink", overflow="fold")
    sinks.add_column("consent all true", overflow="fold")
    sinks.add_column("text received (consent all true)", overflow="fold", ratio=3)
    sinks.add_column("consent absent", overflow="fold")
    for name, sink in result["sinks"].items():
        record = sink["consent_all_true"]["record"]
        received = Text(record["text"]) if record else Text("—", style="dim")
        actions = ", ".join(f"[{a['entity'] + 1}] {a['action']}" for a in sink["entity_actions"])
        sinks.add_row(
            Text.assemble((name, "bold"), f"\n{sink['topic']}", (f"\n{actions}" if actions else "", "dim")),
            _decision_text(sink["consent_all_true"]),
            received,
            _decision_text(sink["consent_absent"]),
        )
    console.print(sinks)
    console.print(Text("full records: piiflow explain … --json", style="dim"))


# -- command ------------------------------------------------------------------------------------------


def cmd_explain(args: argparse.Namespace) -> int:
    """Run the explanation and print it (rich terminal output, or JSON with ``--json``)."""
    text = sys.stdin.read() if args.text == "-" else args.text
    config, path = load_config(args.config)
    result = explain(ExplainRequest(text, args.lang, config, path))
    if args.json:
        sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        render(result, Console(highlight=False))
    return 0


def register(subparsers: Any) -> None:
    """Add ``piiflow explain`` to the command line."""
    p = subparsers.add_parser(
        "explain",
        help="debug: show what is detected in a text and what each sink would receive (prints the text)",
        description=(
            "Debug tool: run one text through the real pipeline and show the detected spans (type, score, "
            "recognizer, why), the language and how it was chosen, and what each sink would receive with "
            "every consent flag true and with consent absent. Unlike every other piiflow command, it PRINTS "
            "YOUR TEXT AND THE DETECTED VALUES: use it on your own test text, not on customer data in "
            "shared terminals or logs. Keys: the configured ones when readable, else ephemeral dev-mode keys "
            "(the output says which)."
        ),
    )
    p.add_argument("text", help="the text to explain (- reads it from standard input)")
    p.add_argument("--lang", choices=["fr", "nl", "en"], default=None, help="language (default: detect it)")
    p.add_argument("--json", action="store_true", help="print one machine-readable JSON object instead")
    p.add_argument("--config", type=Path, default=None, help=f"YAML config (default: {DEFAULT_CONFIG_PATH})")
    p.set_defaults(func=cmd_explain)
