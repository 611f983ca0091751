"""Topic administration with kafka-python: create what the config names, with retention.

Faust only creates its own internal topics; the input, sink, dead-letter and audit topics are
created here (idempotently) with the configured partitions and ``retention.ms`` from each sink's
retention, so the retention a policy promises is also enforced by the broker.
"""

from __future__ import annotations

from typing import Any

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

from processors.config import PiiflowConfig
from processors.kafka_security import kafka_python_security

DAY_MS = 24 * 3600 * 1000


def planned_topics(config: PiiflowConfig) -> dict[str, dict[str, str]]:
    """Topic name → topic configs (retention) for every topic piiflow reads or writes."""
    topics: dict[str, dict[str, str]] = {config.topics.input: {}}
    for sink in config.sinks.values():
        topics[sink.topic] = {"retention.ms": str(int(sink.retention_days * DAY_MS))}
    topics[config.topics.dead_letter] = {"retention.ms": str(int(config.topics.dead_letter_retention_days * DAY_MS))}
    topics[config.topics.audit] = {"retention.ms": str(int(config.topics.audit_retention_days * DAY_MS))}
    return topics


def admin_client(config: PiiflowConfig) -> KafkaAdminClient:
    """A kafka-python admin client for the configured cluster."""
    options: dict[str, Any] = kafka_python_security(config.kafka.security)
    return KafkaAdminClient(
        bootstrap_servers=config.kafka.bootstrap_servers,
        client_id=f"{config.kafka.client_id}-admin",
        **options,
    )


def ensure_topics(config: PiiflowConfig) -> list[str]:
    """Create missing topics; returns the names created."""
    admin = admin_client(config)
    try:
        existing = set(admin.list_topics())
        created = []
        for name, topic_config in planned_topics(config).items():
            if name in existing:
                continue
            topic = NewTopic(
                name,
                num_partitions=config.topics.partitions,
                replication_factor=config.topics.replication_factor,
                topic_configs=topic_config,
            )
            try:
                admin.create_topics([topic])
                created.append(name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()
