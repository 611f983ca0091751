"""A name a conversation gave, found again without a cue in its later messages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from processors.conversation_names import RECOGNIZER, ConversationNames
from processors.detection import Detector, Entity
from processors.pipeline import Pipeline, RawRecord
from recognizers.entities import PERSON
from recognizers.names.lexicons import load_lexicon
from tests.conftest import customer_message

LEXICONS = Path(__file__).resolve().parents[2] / "config" / "lexicons"
ENGLISH = load_lexicon(LEXICONS, "en")


def _wire(i: int, conversation: str, text: str, lang: str = "en") -> RawRecord:
    return customer_message(i, conversation, text, lang, prefix="names")


def _person(text: str, value: str) -> Entity:
    start = text.index(value)
    return Entity(PERSON, start, start + len(value), 0.85, "ChatNamePatternRecognizer")


def _recalled(store: ConversationNames, conversation: str, text: str) -> list[str]:
    return [text[e.start : e.end] for e in store.recall(conversation, text, [], ENGLISH) if e.recognizer == RECOGNIZER]


def test_a_name_given_before_is_found_again_in_the_same_conversation_only() -> None:
    store = ConversationNames()
    first = "Hi, I'm Mrs Sarah Connor"
    store.remember("a", first, [_person(first, "Mrs Sarah Connor")], ENGLISH)
    assert _recalled(store, "a", "it should be addressed to connor, or SARAH") == ["connor", "SARAH"]
    assert _recalled(store, "b", "it should be addressed to connor") == []  # another conversation
    assert _recalled(store, "a", "Mrs Jones will sign") == []  # the title is not the name


def test_a_common_word_counts_in_lower_case_only_when_capitalised() -> None:
    store = ConversationNames()
    first = "my name is Will Turner"
    store.remember("a", first, [_person(first, "Will Turner")], ENGLISH)
    assert _recalled(store, "a", "I will call back") == []  # the verb
    assert _recalled(store, "a", "Will can call back") == ["Will"]


def test_a_covered_word_is_left_to_its_entity() -> None:
    store = ConversationNames()
    first = "I'm Sarah Connor"
    store.remember("a", first, [_person(first, "Sarah Connor")], ENGLISH)
    later = "Sarah Connor again"
    entities = [_person(later, "Sarah Connor")]
    assert store.recall("a", later, entities, ENGLISH) == entities


def test_the_store_is_bounded() -> None:
    store = ConversationNames(capacity=2, max_words=2)
    for conversation, name in (("a", "Sarah Connor Smith"), ("b", "Joost Brinkman"), ("c", "Nadia Haddad")):
        text = f"I'm {name}"
        store.remember(conversation, text, [_person(text, name)], ENGLISH)
    assert len(store) == 2
    assert _recalled(store, "a", "connor") == []  # the oldest conversation went
    text = "I'm Joost Brinkman and Piet Bakker"
    store.remember("b", text, [_person(text, "Piet Bakker")], ENGLISH)
    assert _recalled(store, "b", "joost or brinkman or piet or bakker") == ["piet", "bakker"]  # the latest words


@pytest.mark.parametrize(
    ("lang", "first", "later", "leaked"),
    [
        ("en", "Hi, I'm Sarah Connor, my parcel hasn't arrived", "it should be addressed to connor", "connor"),
        ("nl", "Hallo, met Joost Brinkman", "kunt u het pakket voor brinkman bij de buren afleveren?", "brinkman"),
    ],
)
def test_the_pipeline_hides_the_name_in_the_later_message(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    first: str,
    later: str,
    leaked: str,
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    outcomes = pipeline.process_batch([_wire(1, f"conv-{lang}", first, lang), _wire(2, f"conv-{lang}", later, lang)])
    later_outcome = outcomes[1]
    assert [e.recognizer for e in later_outcome.entities if e.entity_type == PERSON] == [RECOGNIZER]
    analytics = [r for r in later_outcome.records if r.topic == config.sinks["analytics"].topic]
    assert analytics and leaked not in orjson.loads(analytics[0].value)["text"]
    # another conversation's message with the same word keeps it: nothing was given there
    other = pipeline.process_batch([_wire(3, "conv-other", later, lang)])[0]
    assert PERSON not in {e.entity_type for e in other.entities}


@pytest.mark.parametrize(
    "change",
    [
        {"disabled_recognizers": frozenset({RECOGNIZER})},  # switched off by name
        {"thresholds": {PERSON: 0.7}},  # names need more than the rule's score
    ],
)
def test_the_rule_can_be_switched_off(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    monkeypatch.setattr(real_detector, "settings", replace(real_detector.settings, **change))
    outcomes = pipeline.process_batch(
        [_wire(1, "conv-off", "Hi, I'm Sarah Connor"), _wire(2, "conv-off", "it should be addressed to connor")]
    )
    assert PERSON not in {e.entity_type for e in outcomes[1].entities}


def test_a_failure_of_the_rule_dead_letters_that_message_only(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)

    def broken(*args: object) -> list[Entity]:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline.conversation_names, "recall", broken)
    outcomes = pipeline.process_batch([_wire(1, "conv-x", "hello"), _wire(2, "conv-y", "hi")])
    assert [o.dead_letter_reason for o in outcomes] == ["detection_error", "detection_error"]
    assert all(not any(r.topic == config.sinks["analytics"].topic for r in o.records) for o in outcomes)
