"""A draft record of processing activities (GDPR art. 30(1)) from a piiflow policy.

Art. 30 asks a controller to keep, for each processing activity, its purposes, the categories of
data subjects and of personal data, the recipients, the time limits for erasure and a general
description of the security measures. For the copies piiflow publishes, the policy file already
decides most of these: one sink is one purpose, with its consent rule, what each type of personal
data becomes, the field rules, the topic and its retention, the keys. ``piiflow config ropa`` writes
them out from the file that is deployed, with its policy hash (the one every audit record carries),
so that the record a DPO keeps says what the pipeline does rather than what someone remembered.

It is a draft, and says so: what piiflow cannot know (the controller, a legal basis other than
consent, who reads the topics, transfers abroad, the raw topic's retention) is marked ``TO
COMPLETE``. It holds no key material: key rings are named, keys are not read.

Pure: a config in, a plain dict out (``record``); ``render_markdown`` turns the dict into text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from processors.config import (
    DropMessageOp,
    GeneraliseOp,
    KeepOp,
    MaskOp,
    Operator,
    PiiflowConfig,
    PlaceholderOp,
    PseudonymiseOp,
    RedactOp,
    SinkConfig,
    SurrogateOp,
)
from processors.operators import GENERALISED_AS, LISTED_PLACE_KEPT
from processors.policy import operator_for
from processors.surrogates import has_surrogate
from recognizers.entities import ALL_ENTITIES, LOCATION

TO_COMPLETE = "TO COMPLETE"

#: What a type becomes under each operator, and the class of the result for the recipient.
IDENTIFIABLE = "as written"
PSEUDONYMISED = "pseudonymised"
COARSENED = "coarsened"
REMOVED = "removed"
NOT_SENT = "message not sent"

#: Fields every sink record carries whatever the rules (``processors.pipeline``).
FIXED_FIELDS = (
    ("sender.id", PSEUDONYMISED, "keyed token of the sink's key ring"),
    ("conversation id", PSEUDONYMISED, "keyed token of the sink's key ring"),
    ("sender.role", IDENTIFIABLE, "customer, agent or bot: kept"),
)


def treatment(op: Operator, entity_type: str) -> tuple[str, str]:
    """(class, description) of what ``entity_type`` becomes under ``op`` in a sink's copy."""
    if isinstance(op, KeepOp):
        return IDENTIFIABLE, "kept as written"
    if isinstance(op, PseudonymiseOp):
        return PSEUDONYMISED, "replaced by a keyed token (same value, same token, within this sink)"
    if isinstance(op, SurrogateOp):
        if not has_surrogate(entity_type):
            return REMOVED, "replaced by a type placeholder (no fake values for this type)"
        return REMOVED, "replaced by a fake value of the same kind (the same fake for the same value)"
    if isinstance(op, MaskOp):
        return COARSENED, f"masked but for its last {op.keep_last} characters"
    if isinstance(op, GeneraliseOp):
        if entity_type == LOCATION:
            return IDENTIFIABLE, LISTED_PLACE_KEPT
        general = GENERALISED_AS.get(entity_type)
        if general is None:
            return REMOVED, "replaced by a placeholder (no generalisation for this type)"
        return COARSENED, f"reduced to {general}"
    if isinstance(op, DropMessageOp):
        return NOT_SENT, "the message is not sent to this sink"
    if isinstance(op, RedactOp):
        return REMOVED, "deleted from the text"
    assert isinstance(op, PlaceholderOp)
    numbered = " (numbered per distinct value within a conversation)" if op.numbered else ""
    return REMOVED, f"replaced by a type placeholder{numbered}"


def _legal_basis(sink: SinkConfig) -> str:
    if sink.consent is None:
        return (
            f"no consent flag is checked: {TO_COMPLETE} (e.g. contract, art. 6(1)(b); legitimate interest, "
            "art. 6(1)(f))"
        )
    if sink.consent_default:
        return (
            f"consent flag `{sink.consent}`: a refused flag excludes the message; an absent flag lets it "
            f"through (consent_default: true), so the basis for those messages is not consent: {TO_COMPLETE} "
            "(e.g. legitimate interest, art. 6(1)(f), with the balancing test)"
        )
    return f"consent (art. 6(1)(a)): only messages whose `consent.{sink.consent}` flag is true"


def _special_categories(sink: SinkConfig) -> str:
    if sink.special_categories == "drop_message":
        return "a message with art. 9 or art. 10 data is not sent to this sink"
    if sink.special_categories == "require_consent":
        return (
            f"sent only when the message's `consent.{sink.special_categories_consent}` flag is true (explicit "
            "consent, art. 9(2)(a)); the terms themselves are treated as the table below says"
        )
    return (
        "the terms are replaced by a placeholder of their category (unless an operator says otherwise); "
        "the message is sent"
    )


def _fields(sink: SinkConfig) -> list[dict[str, str]]:
    rows = [{"field": name, "class": cls, "treatment": what} for name, cls, what in FIXED_FIELDS]
    for path, action in sink.fields.items():
        cls = {"keep": IDENTIFIABLE, "pseudonymise": PSEUDONYMISED, "generalise": COARSENED}.get(action, REMOVED)
        what = {
            "keep": "kept",
            "pseudonymise": "keyed token",
            "generalise": "its first four digits (a year)",
            "drop": "dropped",
        }[action]
        rows.append({"field": path, "class": cls, "treatment": what})
    rows.append({"field": "any other sender or metadata field", "class": REMOVED, "treatment": "dropped"})
    return rows


def _data_categories(sink: SinkConfig, detected: list[str]) -> list[dict[str, str]]:
    rows = []
    for entity_type in detected:
        cls, what = treatment(operator_for(sink, entity_type), entity_type)
        threshold = sink.thresholds.get(entity_type)
        if threshold is not None:
            what += f"; acted on from a score of {threshold:g}"
        rows.append({"type": entity_type, "class": cls, "treatment": what})
    return rows


def _activity(name: str, sink: SinkConfig, config: PiiflowConfig, detected: list[str]) -> dict[str, Any]:
    security = [
        f"keyed HMAC-SHA256 tokens and surrogates under key ring `{sink.key_ring}`, used by this sink alone "
        "(its tokens cannot be joined with another sink's); keys come from the environment or files, never "
        "from the policy",
        "text published only after detection and the operators ran; a message that fails is published nowhere "
        "(dead letters, sealed)",
        "logs, metrics and audit records carry types, counts and scores, never text or values",
    ]
    protocol = config.kafka.security.protocol
    if protocol == "PLAINTEXT":
        security.append(f"Kafka connection: PLAINTEXT (no TLS, no SASL): {TO_COMPLETE} or justify")
    else:
        security.append(f"Kafka connection: {protocol}")
    return {
        "sink": name,
        "purpose": sink.purpose,
        "legal_basis": _legal_basis(sink),
        "data_subjects": (
            f"customers and service agents whose messages arrive on `{config.topics.input}`, and anyone named in them"
        ),
        "personal_data": _data_categories(sink, detected),
        "special_categories": _special_categories(sink),
        "fields": _fields(sink),
        "recipients": f"Kafka topic `{sink.topic}`; who consumes it: {TO_COMPLETE}",
        "transfers": f"{TO_COMPLETE} (piiflow moves no data outside the cluster it is given)",
        "erasure": (
            f"{sink.retention_days:g} days: the topic's `retention.ms` (set when piiflow creates it) and "
            "`expires_at` in every record; copies made downstream follow their own rules"
        ),
        "security": security,
    }


def record(config: PiiflowConfig, source: str, now: datetime | None = None) -> dict[str, Any]:
    """The draft art. 30 record of ``config`` (read from ``source``), as plain data."""
    wanted = config.detection.entities
    detected = sorted(set(wanted) & ALL_ENTITIES if wanted is not None else ALL_ENTITIES)
    return {
        "title": "Record of processing activities (GDPR art. 30(1)): draft generated from a piiflow policy",
        "generated": (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": source,
        "policy_name": config.policy_name,
        "policy_hash": config.policy_hash(),
        "controller": f"name and contact details of the controller and of the DPO: {TO_COMPLETE}",
        "detection": {
            "languages": list(config.languages.supported),
            "entity_types": detected,
            "score_threshold": config.detection.score_threshold,
            "note": (
                "detection finds most, not all, personal data (docs/quality.md): the copies are pseudonymised "
                "data, not anonymous data"
            ),
        },
        "activities": [_activity(name, sink, config, detected) for name, sink in config.sinks.items()],
        "supporting": [
            {
                "what": "raw input",
                "topic": config.topics.input,
                "retention": f"not set by piiflow (the broker's default or yours): {TO_COMPLETE}",
            },
            {
                "what": "audit trail (one record per message: ids, types, counts, decisions; no text, no values)",
                "topic": config.topics.audit,
                "retention": f"{config.topics.audit_retention_days:g} days",
            },
            {
                "what": "dead letters (the original payload, sealed with AES-256-GCM under key ring "
                f"`{config.dead_letter_key_ring}`)",
                "topic": config.topics.dead_letter,
                "retention": f"{config.topics.dead_letter_retention_days:g} days",
            },
        ],
    }


def _table(rows: list[dict[str, str]], columns: tuple[str, ...]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row[c].replace("|", "\\|") for c in columns) + " |" for row in rows]
    return lines


def _grouped(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Types treated alike in one row ("ACCOUNT_NUMBER, ADDRESS, ...")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        groups.setdefault((row["class"], row["treatment"]), []).append(row["type"])
    return [{"types": ", ".join(types), "class": cls, "treatment": what} for (cls, what), types in groups.items()]


def render_markdown(data: dict[str, Any]) -> str:
    """``record``'s data as a Markdown document."""
    lines = [
        f"# {data['title']}",
        "",
        f"Generated {data['generated']} from `{data['source']}`: policy `{data['policy_name']}`, hash "
        f"`{data['policy_hash']}` (every audit record of a message processed under this policy carries it).",
        f"Items piiflow cannot know are marked {TO_COMPLETE}.",
        "",
        f"**Controller.** {data['controller']}",
        "",
        "**Detection.** Languages: " + ", ".join(data["detection"]["languages"]) + "; reported from a score of "
        f"{data['detection']['score_threshold']:g}; types: " + ", ".join(data["detection"]["entity_types"]) + ". "
        f"Note: {data['detection']['note']}.",
    ]
    for activity in data["activities"]:
        lines += [
            "",
            f"## Processing activity: sink `{activity['sink']}`",
            "",
            f"- **Purpose.** {activity['purpose']}",
            f"- **Legal basis.** {activity['legal_basis']}",
            f"- **Data subjects.** {activity['data_subjects']}",
            f"- **Special categories (art. 9) and criminal data (art. 10).** {activity['special_categories']}",
            f"- **Recipients.** {activity['recipients']}",
            f"- **Transfers to third countries.** {activity['transfers']}",
            f"- **Time limit for erasure.** {activity['erasure']}",
            "- **Security measures (art. 32).** " + "; ".join(activity["security"]) + ".",
            "",
            "Personal data in the message text, and what the recipient gets:",
            "",
            *_table(_grouped(activity["personal_data"]), ("types", "class", "treatment")),
            "",
            "Message fields:",
            "",
            *_table(activity["fields"], ("field", "class", "treatment")),
        ]
    lines += ["", "## Supporting data", ""]
    lines += _table(data["supporting"], ("what", "topic", "retention"))
    return "\n".join(lines) + "\n"
