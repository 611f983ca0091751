"""Prometheus metrics: counts, types and timings only, never values or text.

One ``PipelineMetrics`` per process, fed from the pipeline's outcomes by the worker (and usable by
any other driver). Label values are bounded: sink names, reason codes, entity types, languages.
"""

from __future__ import annotations

from collections.abc import Sequence

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from processors.pipeline import Outcome

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)


class PipelineMetrics:
    """The worker's metrics, in their own registry (so tests can build several)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.messages_in = Counter("piiflow_messages_in_total", "Input records processed", registry=r)
        self.messages_out = Counter("piiflow_messages_out_total", "Records published per sink", ["sink"], registry=r)
        self.dropped = Counter(
            "piiflow_messages_dropped_total", "Messages not sent to a sink, by reason", ["sink", "reason"], registry=r
        )
        self.dead_letters = Counter("piiflow_dead_letters_total", "Dead letters by reason code", ["reason"], registry=r)
        self.entities = Counter(
            "piiflow_entities_total", "Entities detected by type and language", ["entity_type", "language"], registry=r
        )
        self.special = Counter(
            "piiflow_special_category_messages_total", "Messages flagged per special category", ["category"], registry=r
        )
        self.languages = Counter("piiflow_language_total", "Messages per language used", ["language"], registry=r)
        self.latency = Histogram(
            "piiflow_processing_seconds",
            "Pipeline time per message (batch time divided by batch size)",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.batch_seconds = Histogram(
            "piiflow_batch_seconds", "Pipeline plus publish time per batch", buckets=LATENCY_BUCKETS, registry=r
        )
        self.batch_size = Histogram("piiflow_batch_size", "Messages per batch", buckets=BATCH_BUCKETS, registry=r)
        self.consumer_lag = Gauge(
            "piiflow_consumer_lag", "Highwater minus next offset to process", ["topic", "partition"], registry=r
        )
        self.ready = Gauge("piiflow_ready", "1 when models are loaded and the worker consumes", registry=r)

    def observe_batch(self, outcomes: Sequence[Outcome], pipeline_seconds: float, total_seconds: float) -> None:
        """Account for one processed batch."""
        size = len(outcomes)
        self.batch_size.observe(size)
        self.batch_seconds.observe(total_seconds)
        if size:
            per_message = pipeline_seconds / size
            for _ in range(size):
                self.latency.observe(per_message)
        self.messages_in.inc(size)
        for outcome in outcomes:
            for sink in outcome.sinks_sent:
                self.messages_out.labels(sink).inc()
            for sink, reason in outcome.sinks_dropped.items():
                self.dropped.labels(sink, _reason_code(reason)).inc()
            if outcome.dead_letter_reason:
                self.dead_letters.labels(outcome.dead_letter_reason).inc()
            if outcome.language:
                self.languages.labels(outcome.language).inc()
            for entity in outcome.entities:
                self.entities.labels(entity.entity_type, outcome.language or "unknown").inc()
            for category in outcome.special_categories:
                self.special.labels(category).inc()

    def render(self) -> bytes:
        """The Prometheus text exposition."""
        return bytes(generate_latest(self.registry))


def _reason_code(reason: str) -> str:
    """``no_consent:training:absent`` stays; anything unexpected is cut to its first two parts."""
    return ":".join(reason.split(":")[:3])
