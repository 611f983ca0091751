"""Generated messages with planted values: no planted value shows in any sink output.

The corpus (processors/chatcorpus.py) plants names, e-mails, phones, IBANs, cards, national ids,
addresses and dates of birth in FR/NL/EN chat, typed many ways, plus personal data in structured
fields. The default policy keeps DATE_TIME and generalises AGE/LOCATION in analytics, so those labels
are not asserted; every other planted value must be absent from every sink record.
"""

from __future__ import annotations

import orjson
import pytest

from processors.chatcorpus import generate_wire_messages
from processors.deadletter import SourceRef
from processors.detection import Detector
from processors.pipeline import Pipeline, RawRecord

KEPT_OR_GENERALISED = {"DATE_TIME", "AGE", "LOCATION"}
# Identifiers: a leak of one of these is never acceptable; names are held to the corpus-wide rate.
STRUCTURED = {"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "NATIONAL_ID"}


@pytest.fixture(scope="module")
def outcomes_and_cases(real_detector: Detector) -> tuple[list, list]:
    import os

    from tests.conftest import KEY_ENV

    saved = {k: os.environ.get(k) for k in KEY_ENV}
    os.environ.update(KEY_ENV)
    try:
        from processors.config import load_config

        config, path = load_config()
        pipeline = Pipeline(config, path, detector=real_detector)
        cases = generate_wire_messages(600, seed=4242)
        records = [RawRecord(orjson.dumps(c.message), SourceRef("prop", 0, i)) for i, c in enumerate(cases)]
        outcomes = []
        for start in range(0, len(records), 64):
            outcomes.extend(pipeline.process_batch(records[start : start + 64]))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return cases, outcomes


def _leaks(cases: list, outcomes: list, labels: set[str] | None) -> list[tuple[str, str, str]]:
    found = []
    for case, outcome in zip(cases, outcomes, strict=True):
        sink_text = b"\n".join(r.value for r in outcome.records if r.kind == "sink").decode()
        if not sink_text:
            continue
        for planted in case.planted:
            if planted.label in KEPT_OR_GENERALISED or (labels is not None and planted.label not in labels):
                continue
            if planted.value in sink_text or orjson.dumps(planted.value).decode()[1:-1] in sink_text:
                found.append((case.message["message_id"], planted.label, planted.value))
        for field_value in case.planted_fields.values():
            if labels is None and field_value in sink_text:
                found.append((case.message["message_id"], "field", field_value))
    return found


def test_no_planted_identifier_reaches_a_sink(outcomes_and_cases: tuple[list, list]) -> None:
    cases, outcomes = outcomes_and_cases
    assert sum(len(c.planted) for c in cases) > 300  # the corpus really plants values
    leaks = _leaks(cases, outcomes, STRUCTURED)
    assert not leaks, [(m, label) for m, label, _ in leaks]


def test_planted_values_overall_leak_rate_is_small(outcomes_and_cases: tuple[list, list]) -> None:
    cases, outcomes = outcomes_and_cases
    asserted = sum(1 for c in cases for p in c.planted if p.label not in KEPT_OR_GENERALISED)
    leaks = _leaks(cases, outcomes, None)
    assert len(leaks) <= 0.03 * asserted, (len(leaks), asserted, [(m, label) for m, label, _ in leaks][:20])


def test_structured_fields_never_reach_a_sink(outcomes_and_cases: tuple[list, list]) -> None:
    cases, outcomes = outcomes_and_cases
    fields = [(c, v) for c in cases for v in c.planted_fields.values()]
    assert fields
    for case, value in fields:
        outcome = outcomes[cases.index(case)]
        sink_text = b"\n".join(r.value for r in outcome.records if r.kind == "sink").decode()
        assert value not in sink_text
