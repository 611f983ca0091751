"""The Faust stream worker: a thin shell that feeds Kafka records to the pipeline core.

It takes events in batches (``take_events`` with a latency bound), runs ``Pipeline.process_batch``
in a single worker thread (the core is synchronous and CPU-bound; the event loop stays free for
heartbeats), publishes every output record and waits for the broker's acknowledgement (acks=all)
before the batch's events are acknowledged, so offsets are committed only after publish:
at-least-once. The wait overlaps the next batch's pipeline run: each event's message is held by an
extra reference (``Message.incref``) that ``take_events``' own acknowledgement does not release;
the delivery task releases it once the broker has acknowledged every output of the batch. At most
two batches are in flight, and outputs are sent in input order.
SIGTERM stops the worker gracefully (Faust's worker handles it: in-flight batch finished, offsets
committed, producer flushed).

``processing_guarantee: exactly_once`` runs Faust's transactions (one transactional producer per
assigned input partition, id ``<group>-<topic group>-<partition>``, offsets committed inside the
transaction every ``broker_commit_interval``), with two corrections (see ``_TransactionalPublisher``):
every output goes into the transaction of the input partition its input came from, and a commit never
overlaps the publication of a batch (send, broker acknowledgement, event acknowledgement).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import faust

from processors.config import PiiflowConfig
from processors.deadletter import SourceRef
from processors.heap import MallocTrimmer, freeze_startup_heap, glibc_malloc_trim, one_malloc_arena
from processors.kafka_security import read_password, ssl_context
from processors.metrics import PipelineMetrics
from processors.pipeline import Outcome, Pipeline, RawRecord
from processors.topics import ensure_topics

LOG = logging.getLogger(__name__)


def _credentials(config: PiiflowConfig) -> Any:
    security = config.kafka.security
    context = ssl_context(security)
    if security.protocol.startswith("SASL"):
        assert security.sasl_password is not None and security.sasl_mechanism is not None
        return faust.SASLCredentials(
            username=security.sasl_username,
            password=read_password(security.sasl_password),
            mechanism=security.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def build_app(config: PiiflowConfig, pipeline: Pipeline, metrics: PipelineMetrics | None = None) -> faust.App:
    """The Faust app with one agent over the input topic, plus /metrics, /health and /ready."""
    metrics = metrics or PipelineMetrics()
    app = faust.App(
        config.kafka.consumer_group,
        broker=[f"kafka://{server}" for server in config.kafka.bootstrap_servers],
        broker_credentials=_credentials(config),
        broker_client_id=config.kafka.client_id,
        processing_guarantee=config.worker.processing_guarantee,
        broker_commit_interval=config.worker.commit_interval_ms / 1000,
        producer_acks=-1,
        producer_linger=config.worker.producer_linger_ms / 1000,
        consumer_auto_offset_reset="earliest",
        topic_partitions=config.topics.partitions,
        topic_replication_factor=config.topics.replication_factor,
        web_port=config.worker.web_port,
        web_host=config.worker.web_host,
        datadir=str(Path(tempfile.gettempdir()) / f"piiflow-faust-{config.kafka.consumer_group}"),
        autodiscover=False,
        store="memory://",
        key_serializer="raw",
        value_serializer="raw",
    )
    source = app.topic(config.topics.input, key_type=bytes, value_type=bytes)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piiflow-pipeline")
    run_batch = functools.partial(
        process_then_trim, pipeline, MallocTrimmer(config.worker.malloc_trim_every, glibc_malloc_trim())
    )
    within = timedelta(milliseconds=config.worker.batch_timeout_ms)
    transactional = _TransactionalPublisher(app) if config.worker.processing_guarantee == "exactly_once" else None

    @app.agent(source)  # type: ignore[untyped-decorator]
    async def process(stream: Any) -> None:
        loop = asyncio.get_running_loop()
        if transactional is not None:
            transactional.install()
        in_flight: asyncio.Future[None] | None = None
        try:
            async for events in stream.take_events(config.worker.batch_size, within=within):
                started = time.perf_counter()
                records = [
                    RawRecord(
                        event.message.value or b"",
                        SourceRef(event.message.topic, event.message.partition, event.message.offset),
                        event.message.key,
                    )
                    for event in events
                ]
                outcomes = await loop.run_in_executor(executor, run_batch, records)
                pipeline_seconds = time.perf_counter() - started
                if transactional is not None:
                    await transactional.publish(events, outcomes)
                    metrics.observe_batch(outcomes, pipeline_seconds, time.perf_counter() - started)
                else:
                    if in_flight is not None:
                        await in_flight  # the previous batch is delivered and acknowledged (or its error raises)
                    pending = await _send_all(app.producer, outcomes)
                    for event in events:
                        event.message.incref()  # take_events' own ack must not release the offset: _deliver does
                    in_flight = asyncio.ensure_future(_deliver(pending, events, outcomes, pipeline_seconds, started))
                    in_flight.add_done_callback(_report_delivery_failure)
                _update_lag(app, metrics, events)
                LOG.debug("batch published", extra={"batch_size": len(records)})
        finally:
            if in_flight is not None and not in_flight.done():
                await asyncio.shield(in_flight)  # on stop or rebalance: finish the last delivery before commit

    async def _send_all(producer: Any, outcomes: list[Outcome]) -> list[Any]:
        """Hand every output record to the producer, in input order; the delivery futures back.

        Straight to the producer, as the transactional path does: ``Topic.send`` wraps each record
        in Faust's pending and future message objects and runs its sensors, for records that are
        already bytes (py-spy under full load: 4.1 % of the worker's CPU in ``Topic.send``, 2.5 %
        of it in the producer's own ``send``).
        """
        pending = []
        for outcome in outcomes:
            for record in outcome.records:
                pending.append(await producer.send(record.topic, record.key, record.value, None, None, None))
        return pending

    async def _deliver(
        pending: list[Any], events: Any, outcomes: list[Outcome], pipeline_seconds: float, started: float
    ) -> None:
        """Wait for the broker to acknowledge every output of a batch, then release its input offsets."""
        await asyncio.gather(*pending)
        for event in events:
            event.ack()
        metrics.observe_batch(outcomes, pipeline_seconds, time.perf_counter() - started)

    @app.task  # type: ignore[untyped-decorator]
    async def mark_ready() -> None:
        metrics.ready.set(1)

    @app.page("/metrics")  # type: ignore[untyped-decorator]
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(metrics.render(), content_type="text/plain")

    @app.page("/health")  # type: ignore[untyped-decorator]
    async def health_page(web: Any, request: Any) -> Any:
        return web.json({"status": "ok"})

    @app.page("/ready")  # type: ignore[untyped-decorator]
    async def ready_page(web: Any, request: Any) -> Any:
        ready = metrics.ready._value.get() == 1
        return web.json({"ready": ready}, status=200 if ready else 503)

    return app


class _TransactionalPublisher:
    """Publishing under ``exactly_once``: each input's outputs commit atomically with its offset.

    Faust 0.15 keeps one transaction open per assigned input partition and commits it, together with
    that partition's acknowledged offsets (``send_offsets_to_transaction``), every commit interval.
    Two things stop its own path from covering piiflow's outputs:

    * ``Topic.send`` goes through Faust's ``TransactionManager.send``, which picks the transaction from
      the *output* record's partition number, looked up in the consumer's metadata. Topics the worker
      does not read are not in it, so every output went out through the plain idempotent producer,
      outside any transaction (checked on the broker: no transactional producer, no markers). Even
      found, it would be the transaction of the input partition with the same *number*, which is the
      source partition only for co-partitioned outputs (same key, same partition count); piiflow keys
      its outputs by per-sink tokens, not by the conversation id. Here each output is sent with the
      transactional id of the input partition its input came from: no co-partitioning is needed, a
      Kafka transaction may write to any partition of any topic.
    * Faust commits (every commit interval, after ``broker_commit_every`` acks, on rebalance and stop)
      concurrently with the agent. A commit computes each partition's offset from the acknowledged
      events, then commits that partition's transaction with every output sent in it so far. Running
      while a batch is being sent (or between computing the offsets and committing) would commit
      outputs without their offsets: a duplicate after a crash (seen in tests/integration/test_delivery.py
      without this: one batch twice under read_committed). So the whole commit and the batch's "send,
      await delivery, acknowledge" exclude each other (one lock).

    A failure while publishing a batch may leave outputs in an open transaction whose offsets must not
    be committed; the process then exits at once, like a crash: the transaction is aborted when the
    partition's next owner initialises the same transactional id (or after transaction.timeout.ms).
    """

    def __init__(self, app: faust.App) -> None:
        self.app = app
        self.lock = asyncio.Lock()
        self.installed = False

    def install(self) -> None:
        """Make every Faust commit wait for the batch being published, if any (idempotent).

        Every commit path of Faust's consumer (periodic, ``broker_commit_every``, ``wait_empty`` on
        rebalance and stop, ``app.commit``) goes through ``consumer.commit``.
        """
        if self.installed:
            return
        consumer = self.app.consumer
        commit = consumer.commit
        lock = self.lock

        async def commit_between_batches(topics: Any = None, start_new_transaction: bool = True) -> bool:
            async with lock:
                return bool(await commit(topics, start_new_transaction=start_new_transaction))

        consumer.commit = commit_between_batches
        self.installed = True

    def transactional_id(self, tp: Any) -> str:
        # The id Faust's TransactionManager gives the producer of this input partition (and commits).
        return f"{self.app.conf.id}-{self.app.assignor.group_for_topic(tp.topic)}-{tp.partition}"

    async def publish(self, events: Any, outcomes: list[Outcome]) -> None:
        producer = self.app.producer
        async with self.lock:
            pending = []
            try:
                for event, outcome in zip(events, outcomes, strict=True):
                    transactional_id = self.transactional_id(event.message.tp)
                    for record in outcome.records:
                        send = producer.send(
                            record.topic, record.key, record.value, None, None, None, transactional_id=transactional_id
                        )
                        pending.append(await send)
                await asyncio.gather(*pending)
                for event in events:
                    event.ack()  # under the lock: the next commit includes these offsets and their outputs
            except BaseException as exc:
                if not pending and not isinstance(exc, Exception):
                    raise  # cancelled before the first send: the transactions hold nothing of this batch
                LOG.critical(
                    "publishing a batch in a transaction failed (%s); exiting so that the transaction is aborted",
                    type(exc).__name__,
                )
                logging.shutdown()
                os._exit(1)


def _report_delivery_failure(future: asyncio.Future[None]) -> None:
    """Log a failed delivery at once; the agent raises it when it takes the next batch.

    The batch's offsets stay unacknowledged, so they are never committed: after a restart the batch
    is processed again (at-least-once).
    """
    if not future.cancelled() and future.exception() is not None:
        LOG.critical("delivering a batch failed (%s); its offsets are not committed", type(future.exception()).__name__)


def _update_lag(app: faust.App, metrics: PipelineMetrics, events: Any) -> None:
    """Consumer lag per partition: highwater minus the next offset this worker will process."""
    last: dict[Any, int] = {}
    for event in events:
        last[event.message.tp] = event.message.offset
    for tp, offset in last.items():
        try:
            highwater = app.consumer.highwater(tp)
        except (KeyError, AttributeError, AssertionError):  # rebalancing: lag is best effort
            continue
        if highwater is not None:
            metrics.consumer_lag.labels(tp.topic, str(tp.partition)).set(max(0, highwater - offset - 1))


def process_then_trim(pipeline: Pipeline, trimmer: MallocTrimmer, records: list[RawRecord]) -> list[Outcome]:
    """One batch through the pipeline, then the trimmer's count (in the pipeline's thread, so a trim
    never holds up the event loop)."""
    outcomes = pipeline.process_batch(records)
    trimmer.processed(len(records))
    return outcomes


def run_worker(config: PiiflowConfig, config_path: Path, dev_mode: bool) -> int:
    """Load keys and models, create topics, then run until SIGTERM/SIGINT."""
    if one_malloc_arena():
        LOG.info("one malloc arena")
    pipeline = Pipeline(config, config_path, dev_mode=dev_mode)
    created = ensure_topics(config)
    LOG.info("topics ready", extra={"count": len(created)})
    app = build_app(config, pipeline)
    freeze_startup_heap()
    worker = faust.Worker(app, loglevel="WARNING", quiet=True, override_logging=False)
    LOG.info("worker starting", extra={"topic": config.topics.input})
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
