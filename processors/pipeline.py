"""The pipeline core: raw records in, routed output records out. Pure, synchronous, no Kafka.

For each batch: parse against the wire contract, normalise the text, choose the language, detect
(batched), then per sink decide (consent, special categories) and render the sink's copy. Every
record yields exactly one audit record and either its sink outputs or one dead letter: a message is
never half-published. Any failure inside detection or rendering sends the message to the dead
letters (sealed), which is what "fail closed" means here. The Faust worker and the embedded
``redact`` mode both call ``process_batch``, whose three steps (``prepare``, ``detect_job``,
``finish``) ``redact --jobs`` runs with detection in other processes; there is no other path.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import orjson

from processors.config import PiiflowConfig, SinkConfig
from processors.contract import InputMessage, Rejection, parse_message
from processors.conversation import ConversationContext
from processors.conversation_language import ConversationLanguages
from processors.conversation_names import SCORE as CONVERSATION_NAMES_SCORE
from processors.conversation_names import ConversationNames
from processors.deadletter import DeadLetterSealer, SourceRef
from processors.detection import Detector, Entity
from processors.keys import KeyRing, load_key_rings
from processors.language import LanguageChoice, LanguageResolver
from processors.operators import ConversationNumbering, OperatorContext, taken_values
from processors.policy import decide, render_fields, render_text, sink_entities
from processors.pseudonym import Pseudonymizer
from processors.textnorm import normalize_text
from recognizers.entities import PERSON, SPECIAL_CATEGORIES
from recognizers.generic.listed_places import ListedPlaces
from recognizers.names.lexicons import CONVERSATION_NAMES, NameLexicon, load_lexicon

LOG = logging.getLogger(__name__)
AUDIT_SCHEMA = "piiflow.audit/1"
DEAD_LETTER_SCHEMA = "piiflow.dead_letter/1"
CONVERSATION_NAMESPACE = "conversation_id"
SENDER_NAMESPACE = "sender.id"

RecordKind = Literal["sink", "dead_letter", "audit"]


@dataclass(frozen=True)
class RawRecord:
    """One input record: the payload bytes, its Kafka key (if any) and where it came from."""

    value: bytes
    source: SourceRef
    key: bytes | None = None


@dataclass(frozen=True)
class OutputRecord:
    """One record to publish: to a sink, the dead-letter topic, or the audit topic."""

    kind: RecordKind
    name: str
    topic: str
    key: bytes | None
    value: bytes


@dataclass
class Outcome:
    """Everything one input record produced; ``records`` ends with its audit record."""

    message_id: str | None
    records: list[OutputRecord] = field(default_factory=list)
    dead_letter_reason: str | None = None
    language: str | None = None
    entities: list[Entity] = field(default_factory=list)
    special_categories: list[str] = field(default_factory=list)
    sinks_sent: list[str] = field(default_factory=list)
    sinks_dropped: dict[str, str] = field(default_factory=dict)


@dataclass
class _Prepared:
    message: InputMessage
    text: str
    language: LanguageChoice
    context: list[str] = field(default_factory=list)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _entity_summary(entities: list[Entity]) -> dict[str, Any]:
    summary: dict[str, dict[str, Any]] = {}
    for entity in entities:
        item = summary.setdefault(entity.entity_type, {"count": 0, "min_score": 1.0, "recognizers": set()})
        item["count"] += 1
        item["min_score"] = round(min(item["min_score"], entity.score), 4)
        item["recognizers"].add(entity.recognizer)
    return {k: {**v, "recognizers": sorted(v["recognizers"])} for k, v in sorted(summary.items())}


@dataclass(frozen=True)
class DetectionJob:
    """What detection needs of a prepared batch (picklable: it may go to another process)."""

    indices: list[int]
    texts: list[str]
    languages: list[str]
    contexts: list[list[str]]
    message_ids: list[str | None]


@dataclass(frozen=True)
class DetectionResult:
    """Entities per batch index, the indices whose detection failed, and the seconds it took."""

    entities: dict[int, list[Entity]]
    failures: dict[int, Rejection]
    seconds: float


@dataclass(frozen=True)
class PreparedBatch:
    """A batch after ``Pipeline.prepare``: what ``Pipeline.finish`` needs besides the detections."""

    records: list[RawRecord]
    parsed: list[InputMessage | Rejection]
    prepared: dict[int, _Prepared]
    now: datetime
    seconds: float
    job: DetectionJob


def detect_job(detector: Detector, job: DetectionJob) -> DetectionResult:
    """Detect in one batch; if the batch fails, retry one by one to isolate the culprit (its message
    becomes a ``detection_error`` dead letter, the others go on)."""
    started = time.perf_counter()
    try:
        found = detector.detect(job.texts, job.languages, job.contexts)
        return DetectionResult(dict(zip(job.indices, found, strict=True)), {}, time.perf_counter() - started)
    except Exception as exc:
        LOG.warning("batch detection failed (%s); retrying messages one by one", type(exc).__name__)
    detections: dict[int, list[Entity]] = {}
    failures: dict[int, Rejection] = {}
    for i, text, language, context, message_id in zip(
        job.indices, job.texts, job.languages, job.contexts, job.message_ids, strict=True
    ):
        try:
            detections[i] = detector.detect([text], [language], [context])[0]
        except Exception as exc:
            failures[i] = Rejection("detection_error", f"detection raised {type(exc).__name__}", message_id)
    return DetectionResult(detections, failures, time.perf_counter() - started)


class Pipeline:
    """Routes raw chat messages to minimised per-sink copies, dead letters and audit records."""

    def __init__(
        self,
        config: PiiflowConfig,
        config_path: Path,
        detector: Detector | None = None,
        key_rings: dict[str, KeyRing] | None = None,
        dev_mode: bool | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.config = config
        self.policy_hash = config.policy_hash()
        self.clock = clock
        rings = key_rings if key_rings is not None else load_key_rings(config, dev_mode)
        self.key_ids = {name: ring.active for name, ring in rings.items()}
        self.ephemeral_keys = sorted(name for name, ring in rings.items() if ring.ephemeral)
        self.sink_pseudonymizers = {name: Pseudonymizer(rings[sink.key_ring]) for name, sink in config.sinks.items()}
        self.numbering = {name: ConversationNumbering() for name in config.sinks}
        self.audit_pseudonymizer = Pseudonymizer(rings[config.audit_key_ring])
        self.sealer = DeadLetterSealer(rings[config.dead_letter_key_ring])
        self.detector = detector or Detector.from_config(config, config_path)
        self.conversations = ConversationContext(keep=self.detector.context_words_that_matter)
        self.conversation_names = ConversationNames()
        self._lexicons: dict[str, NameLexicon] = {}
        self.conversation_languages = ConversationLanguages()
        # the places ``generalise`` keeps (``recognizers.generic.listed_places``)
        self.places = ListedPlaces(self.detector.settings.lexicon_dir, config.languages.supported)
        self.languages = LanguageResolver.for_languages(
            config.languages, self.detector.settings.lexicon_dir, config.detection.result_cache_size
        )

    # -- public API -----------------------------------------------------------------------------

    def process_batch(self, records: Sequence[RawRecord]) -> list[Outcome]:
        """Process records in order; one outcome per record, in the same order."""
        batch = self.prepare(records)
        return self.finish(batch, detect_job(self.detector, batch.job))

    def prepare(self, records: Sequence[RawRecord]) -> PreparedBatch:
        """``process_batch``'s first step: parse, normalise, choose the language and take each
        message's conversation context. Stateful (conversation context and language): batches must be prepared
        in input order. ``piiflow redact --jobs`` runs this step and ``finish`` in its own process
        and the detection step (``detect_job``) in forked ones."""
        started = time.perf_counter()
        now = self.clock()
        parsed: list[InputMessage | Rejection] = [
            parse_message(r.value, self.config.limits.max_message_bytes, self.config.limits.max_text_chars)
            for r in records
        ]
        prepared: dict[int, _Prepared] = {}
        for index, item in enumerate(parsed):
            if isinstance(item, InputMessage):
                text = normalize_text(item.text)
                language = self.conversation_languages.choose(
                    item.conversation_id, self.languages.resolve(text, item.lang)
                )
                previous = self.conversations.previous(item.conversation_id)
                prepared[index] = _Prepared(item, text, language, previous)
                self.conversations.remember(item.conversation_id, text)
        job = DetectionJob(
            indices=list(prepared),
            texts=[p.text for p in prepared.values()],
            languages=[p.language.code for p in prepared.values()],
            contexts=[p.context for p in prepared.values()],
            message_ids=[p.message.message_id for p in prepared.values()],
        )
        return PreparedBatch(list(records), parsed, prepared, now, time.perf_counter() - started, job)

    def finish(self, batch: PreparedBatch, detected: DetectionResult) -> list[Outcome]:
        """``process_batch``'s last step: route, render and audit each record, in input order
        (stateful too: each conversation's placeholder numbering)."""
        elapsed_ms = (batch.seconds + detected.seconds) * 1000 / max(1, len(batch.records))
        outcomes = []
        for index, record in enumerate(batch.records):
            item = batch.parsed[index]
            if isinstance(item, Rejection):
                outcomes.append(self._dead_letter(record, item, batch.now, None))
            elif index in detected.failures:
                language = batch.prepared[index].language
                outcomes.append(self._dead_letter(record, detected.failures[index], batch.now, language))
            else:
                prepared = batch.prepared[index]
                try:
                    entities = self._with_names_given_before(prepared, detected.entities[index])
                except Exception as exc:  # fail closed: this message to the dead letters, the others go on
                    why = f"conversation names raised {type(exc).__name__}"
                    rejection = Rejection("detection_error", why, prepared.message.message_id)
                    outcomes.append(self._dead_letter(record, rejection, batch.now, prepared.language))
                    continue
                outcomes.append(self._route(record, prepared, entities, batch.now, elapsed_ms))
        return outcomes

    def _with_names_given_before(self, item: _Prepared, entities: list[Entity]) -> list[Entity]:
        """``entities`` and the words of names the conversation gave in earlier messages
        (``processors.conversation_names``), then this message's names remembered for the next;
        ``entities`` as they are where the rule is off, PERSON is not detected or its threshold is
        above the rule's score."""
        language = item.language.code
        settings = self.detector.settings
        if (
            CONVERSATION_NAMES in settings.disabled_recognizers
            or (settings.entities is not None and PERSON not in settings.entities)
            or settings.thresholds.get(PERSON, settings.score_threshold) > CONVERSATION_NAMES_SCORE
        ):
            return entities
        lexicon = self._lexicons.get(language)
        if lexicon is None:
            lexicon = self._lexicons[language] = load_lexicon(settings.lexicon_dir, language)
        conversation = item.message.conversation_id
        entities = self.conversation_names.recall(conversation, item.text, entities, lexicon)
        self.conversation_names.remember(conversation, item.text, entities, lexicon)
        return entities

    # -- steps ----------------------------------------------------------------------------------

    def _route(
        self, record: RawRecord, item: _Prepared, entities: list[Entity], now: datetime, elapsed_ms: float
    ) -> Outcome:
        message = item.message
        special = sorted({e.entity_type for e in entities} & SPECIAL_CATEGORIES)
        outcome = Outcome(message.message_id, language=item.language.code, entities=entities)
        outcome.special_categories = special
        decisions: dict[str, dict[str, Any]] = {}
        try:
            taken = taken_values(item.text, entities)  # once a message: what no sink's surrogate may be
            for name, sink in self.config.sinks.items():
                decision = decide(sink, message, set(special), {e.entity_type for e in entities})
                decisions[name] = {
                    "decision": "sent" if decision.send else "dropped",
                    ("basis" if decision.send else "reason"): decision.basis,
                    "key_id": self.sink_pseudonymizers[name].key_id,
                }
                if decision.send:
                    outcome.records.append(self._sink_record(name, sink, item, entities, special, now, taken))
                    outcome.sinks_sent.append(name)
                else:
                    outcome.sinks_dropped[name] = decision.basis
        except Exception as exc:
            rejection = Rejection("anonymisation_error", f"rendering raised {type(exc).__name__}", message.message_id)
            return self._dead_letter(record, rejection, now, item.language)
        outcome.records.append(self._audit_record(record, item, entities, special, decisions, now, elapsed_ms))
        return outcome

    def _sink_record(
        self,
        name: str,
        sink: SinkConfig,
        item: _Prepared,
        entities: list[Entity],
        special: list[str],
        now: datetime,
        taken: frozenset[str],
    ) -> OutputRecord:
        message = item.message
        pseudonymizer = self.sink_pseudonymizers[name]
        conversation = pseudonymizer.token(CONVERSATION_NAMESPACE, message.conversation_id)
        ctx = OperatorContext(
            pseudonymizer,
            item.language.code,
            conversation,
            self.numbering[name],
            self.places,
            taken,
        )
        acted_on = sink_entities(sink, entities, self.detector.settings.score_threshold)
        sender: dict[str, Any] = {
            "role": message.sender.role,
            "id": pseudonymizer.token(SENDER_NAMESPACE, message.sender.id),
        }
        sender.update(render_fields("sender", message.sender.model_extra, sink, ctx))
        value: dict[str, Any] = {
            "schema_version": 1,
            "message_id": message.message_id,
            "conversation_id": conversation,
            "timestamp": _iso(message.timestamp),
            "sender": sender,
            "text": render_text(item.text, acted_on, sink, ctx),
            "lang": item.language.code,
            "lang_source": item.language.source,
            "pii": {
                "entities": dict(sorted(Counter(e.entity_type for e in entities).items())),
                "special_categories": special,
            },
            "policy": {"name": self.config.policy_name, "hash": self.policy_hash, "sink": name},
            "expires_at": _iso(now + timedelta(days=sink.retention_days)),
        }
        metadata = render_fields("metadata", message.metadata, sink, ctx)
        if metadata:
            value["metadata"] = metadata
        return OutputRecord("sink", name, sink.topic, conversation.encode(), orjson.dumps(value))

    def _audit_record(
        self,
        record: RawRecord,
        item: _Prepared | None,
        entities: list[Entity],
        special: list[str],
        decisions: dict[str, dict[str, Any]],
        now: datetime,
        elapsed_ms: float,
        dead_letter_reason: str | None = None,
    ) -> OutputRecord:
        conversation = (
            self.audit_pseudonymizer.token(CONVERSATION_NAMESPACE, item.message.conversation_id) if item else None
        )
        value = {
            "schema": AUDIT_SCHEMA,
            "message_id": item.message.message_id if item else None,
            "conversation": conversation,
            "processed_at": _iso(now),
            "source": record.source.as_dict(),
            "lang": item.language.code if item else None,
            "lang_source": item.language.source if item else None,
            "outcome": "dead_letter" if dead_letter_reason else "processed",
            "dead_letter_reason": dead_letter_reason,
            "sinks": decisions,
            "entities": _entity_summary(entities),
            "special_categories": special,
            "policy": {"name": self.config.policy_name, "hash": self.policy_hash},
            "key_ids": {
                "audit": self.audit_pseudonymizer.key_id,
                **{k: v["key_id"] for k, v in decisions.items()},
            },
            "processing_ms": round(elapsed_ms, 3),
        }
        key = conversation.encode() if conversation else None
        return OutputRecord("audit", "audit", self.config.topics.audit, key, orjson.dumps(value))

    def _dead_letter(
        self, record: RawRecord, rejection: Rejection, now: datetime, language: LanguageChoice | None
    ) -> Outcome:
        value = {
            "schema": DEAD_LETTER_SCHEMA,
            "reason": rejection.reason,
            "detail": rejection.detail,
            "message_id": rejection.message_id,
            "source": record.source.as_dict(),
            "received_at": _iso(now),
            "encryption": self.sealer.seal(record.value, record.source, record.key),
        }
        dead = OutputRecord("dead_letter", "dlq", self.config.topics.dead_letter, None, orjson.dumps(value))
        decisions = {
            name: {"decision": "dropped", "reason": f"dead_letter:{rejection.reason}", "key_id": None}
            for name in self.config.sinks
        }
        audit = self._audit_record(record, None, [], [], decisions, now, 0.0, rejection.reason)
        audit_value = orjson.loads(audit.value)
        audit_value["message_id"] = rejection.message_id
        audit_value["lang"] = language.code if language else None
        audit = OutputRecord("audit", "audit", audit.topic, audit.key, orjson.dumps(audit_value))
        outcome = Outcome(rejection.message_id, [dead, audit], rejection.reason)
        outcome.sinks_dropped = {name: f"dead_letter:{rejection.reason}" for name in self.config.sinks}
        return outcome


def group_by_name(outcomes: Sequence[Outcome]) -> dict[str, list[OutputRecord]]:
    """Output records grouped by sink name, ``dlq`` and ``audit`` (embedded mode's files)."""
    grouped: dict[str, list[OutputRecord]] = defaultdict(list)
    for outcome in outcomes:
        for record in outcome.records:
            grouped[record.name].append(record)
    return grouped
