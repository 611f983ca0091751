"""Smoke test: the broker accepts a topic, takes messages and gives them back."""

from __future__ import annotations

import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

PARTITIONS = 3
MESSAGES = 10


def test_produce_and_consume_round_trip(
    kafka_bootstrap: str, kafka_admin: KafkaAdminClient, unique_topic_prefix: str
) -> None:
    topic = f"{unique_topic_prefix}smoke"
    kafka_admin.create_topics(
        [NewTopic(topic, num_partitions=PARTITIONS, replication_factor=1)],
        timeout_ms=30_000,
        wait_for_metadata=True,
    )
    try:
        sent = [f"message-{i}".encode() for i in range(MESSAGES)]
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=0)
        try:
            assert producer.partitions_for(topic) == set(range(PARTITIONS))
            for i, value in enumerate(sent):
                producer.send(topic, key=str(i).encode(), value=value, partition=i % PARTITIONS)
            producer.flush(timeout=30)
        finally:
            producer.close(timeout=10)

        consumer = KafkaConsumer(
            topic,
            bootstrap_servers=kafka_bootstrap,
            group_id=f"{unique_topic_prefix}group",
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        received: list[bytes] = []
        seen_partitions: set[int] = set()
        try:
            deadline = time.monotonic() + 60
            while len(received) < MESSAGES and time.monotonic() < deadline:
                for tp, records in consumer.poll(timeout_ms=1_000).items():
                    seen_partitions.add(tp.partition)
                    received.extend(record.value for record in records)
        finally:
            consumer.close()

        assert sorted(received) == sorted(sent)
        assert seen_partitions == set(range(PARTITIONS))
    finally:
        kafka_admin.delete_topics([topic], timeout_ms=30_000)
