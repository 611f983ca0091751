"""The previous message's words lift a bare value typed in answer to the agent's question."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.conversation import ConversationContext
from processors.deadletter import SourceRef
from processors.detection import Detector
from processors.pipeline import Pipeline, RawRecord


def _wire(i: int, conversation: str, role: str, text: str) -> RawRecord:
    body = {
        "schema_version": 1,
        "message_id": f"ctx-{i}",
        "conversation_id": conversation,
        "timestamp": "2026-11-20T10:00:00Z",
        "sender": {"role": role, "id": f"{role}-1"},
        "text": text,
        "lang": "nl",
        "consent": {"analytics": True},
    }
    return RawRecord(orjson.dumps(body), SourceRef("t", 0, i))


def test_store_is_bounded_and_keeps_the_latest_message() -> None:
    store = ConversationContext(capacity=2, max_words=3)
    store.remember("a", "Wat is uw BSN nummer alstublieft?")
    assert store.previous("a") == ["bsn", "nummer", "alstublieft"]
    store.remember("b", "xy")
    store.remember("c", "hallo daar")
    assert store.previous("a") == [] and len(store) == 2


def test_only_kept_words_are_stored_and_a_message_without_any_forgets() -> None:
    store = ConversationContext(keep=lambda words: [w for w in words if "bsn" in w])
    store.remember("a", "Wat is uw BSN-nummer, bsnr?")
    assert store.previous("a") == ["bsn", "bsnr"]
    store.remember("a", "Dank u wel")
    assert store.previous("a") == [] and len(store) == 0


def test_bare_bsn_after_the_question_is_caught(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    bsn = "111222333"  # passes the elfproef; alone it is too ambiguous to report
    alone = pipeline.process_batch([_wire(1, "conv-alone", "customer", bsn)])[0]
    assert "NL_BSN" not in {e.entity_type for e in alone.entities}
    outcomes = pipeline.process_batch(
        [
            _wire(2, "conv-q", "agent", "Wat is uw burgerservicenummer (bsn)?"),
            _wire(3, "conv-q", "customer", bsn),
        ]
    )
    answer = outcomes[1]
    assert [e.entity_type for e in answer.entities] == ["NL_BSN"]
    analytics = orjson.loads(next(r.value for r in answer.records if r.name == "analytics"))
    assert bsn not in analytics["text"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_previous_gives_back_the_last_words_as_found(text: str) -> None:
    """Stored as one string, split again: the same words as the regex finds, in order."""
    import re

    store = ConversationContext(max_words=30)
    store.remember("c", text)
    assert store.previous("c") == re.findall(r"[^\W\d_]{2,}", text.casefold())[-30:]


def test_a_conversation_takes_a_few_hundred_bytes() -> None:
    import tracemalloc

    text = " ".join(f"woord{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60))
    tracemalloc.start()
    try:
        store = ConversationContext()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(2000):
            store.remember(f"conversation-{i:05d}", text + f" x{chr(97 + i % 26)}")
        per_conversation = (tracemalloc.get_traced_memory()[0] - before) / 2000
    finally:
        tracemalloc.stop()
    assert per_conversation < 600  # id, 30 words in one string, the map's slot


def test_keeping_only_the_words_that_matter_changes_no_result(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple
) -> None:
    """The pipeline keeps only previous-message words a recognizer's context word is part of: the
    same entities and scores as keeping all of them, and context still changes some results."""
    from processors.chatcorpus import generate_wire_messages

    config, path = default_config
    records = [
        RawRecord(orjson.dumps(w.message), SourceRef("t", 0, i)) for i, w in enumerate(generate_wire_messages(600, 11))
    ]

    def entities(store: ConversationContext | None) -> list[list[tuple[str, int, int, float]]]:
        pipeline = Pipeline(config, path, detector=real_detector)
        if store is not None:
            pipeline.conversations = store
        out = []
        for start in range(0, len(records), 50):
            for outcome in pipeline.process_batch(records[start : start + 50]):
                out.append([(e.entity_type, e.start, e.end, round(e.score, 6)) for e in outcome.entities])
        return out

    kept = entities(None)
    assert kept == entities(ConversationContext())  # every word of the previous message
    assert kept != entities(ConversationContext(capacity=0))  # no previous message at all


def _wire_in(i: int, conversation: str, role: str, text: str, lang: str) -> RawRecord:
    body = orjson.loads(_wire(i, conversation, role, text).value)
    body["lang"] = lang
    return RawRecord(orjson.dumps(body), SourceRef("t", 0, i))


@pytest.mark.parametrize(
    ("lang", "question", "reply", "name"),
    [
        ("nl", "Wat is uw achternaam?", "Brinkerhoff", "Brinkerhoff"),
        ("nl", "Hoe heet u?", "sjoerd brinkerhoff", "sjoerd brinkerhoff"),
        ("fr", "Quel est votre nom de famille ?", "Lemarchal.", "Lemarchal"),
        ("fr", "Comment vous appelez-vous ?", "gaëlle lemarchal", "gaëlle lemarchal"),
        ("en", "What's your surname please?", "Arcuri", "Arcuri"),
        ("en", "Can I take your full name?", "tamsin okonkwo", "tamsin okonkwo"),
    ],
)
def test_a_bare_name_after_the_question_for_it_is_caught(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    question: str,
    reply: str,
    name: str,
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    alone = pipeline.process_batch([_wire_in(1, f"alone-{lang}", "customer", reply, lang)])[0]
    # alone, the words say too little: not the whole name, or not at all
    assert ("PERSON", name) not in [(e.entity_type, reply[e.start : e.end]) for e in alone.entities]
    outcomes = pipeline.process_batch(
        [
            _wire_in(2, f"asked-{lang}", "agent", question, lang),
            _wire_in(3, f"asked-{lang}", "customer", reply, lang),
        ]
    )
    answer = outcomes[1]
    assert [(e.entity_type, reply[e.start : e.end]) for e in answer.entities] == [("PERSON", name)]
    analytics = orjson.loads(next(r.value for r in answer.records if r.name == "analytics"))
    assert name not in analytics["text"]


@pytest.mark.parametrize(
    ("lang", "question", "reply"),
    [
        ("nl", "Wat is uw naam?", "Nee hoor"),
        ("fr", "Votre nom ?", "pourquoi ?"),
        ("en", "What's your name?", "thanks"),
        ("nl", "Wat is uw postcode?", "Brinkerhoff"),  # no question for the name
    ],
)
def test_a_reply_that_is_no_name_stays_as_it_is(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple, lang: str, question: str, reply: str
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    outcomes = pipeline.process_batch(
        [
            _wire_in(1, f"no-{lang}", "agent", question, lang),
            _wire_in(2, f"no-{lang}", "customer", reply, lang),
        ]
    )
    assert outcomes[1].entities == []


@pytest.mark.parametrize(
    ("lang", "question", "reply", "date"),
    [
        ("nl", "Wat is uw geboortedatum?", "12-03-1985", "12-03-1985"),
        ("fr", "Quelle est votre date de naissance ?", "12/03/1985", "12/03/1985"),
        ("en", "Can you confirm your DOB please?", "3rd feb 1989.", "3rd feb 1989"),
    ],
)
def test_a_bare_date_after_the_question_for_the_birth_date_is_one(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    question: str,
    reply: str,
    date: str,
) -> None:
    """A date is kept by the default policy, a date of birth generalised: the reply to "what is your
    date of birth?" must not reach the analytics topic whole."""
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    alone = pipeline.process_batch([_wire_in(1, f"dob-alone-{lang}", "customer", reply, lang)])[0]
    assert [e.entity_type for e in alone.entities] == ["DATE_TIME"]
    outcomes = pipeline.process_batch(
        [
            _wire_in(2, f"dob-{lang}", "agent", question, lang),
            _wire_in(3, f"dob-{lang}", "customer", reply, lang),
        ]
    )
    answer = outcomes[1]
    assert [(e.entity_type, reply[e.start : e.end]) for e in answer.entities] == [("DATE_OF_BIRTH", date)]
    analytics = orjson.loads(next(r.value for r in answer.records if r.name == "analytics"))
    assert date not in analytics["text"]


@pytest.mark.parametrize(
    ("lang", "question", "reply", "place"),
    [
        ("en", "Which town do you live in?", "harrogate", "harrogate"),
        ("nl", "Wat is uw woonplaats?", "Zeist.", "Zeist"),
        ("fr", "Dans quelle ville habitez-vous ?", "Villeurbanne", "Villeurbanne"),
    ],
)
def test_a_bare_town_after_the_question_for_it_is_caught(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    question: str,
    reply: str,
    place: str,
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    outcomes = pipeline.process_batch(
        [
            _wire_in(1, f"town-{lang}", "agent", question, lang),
            _wire_in(2, f"town-{lang}", "customer", reply, lang),
        ]
    )
    answer = outcomes[1]
    # the default policy keeps a town in analytics (its own generalisation); found, the policy decides
    assert [(e.entity_type, reply[e.start : e.end]) for e in answer.entities] == [("LOCATION", place)]


@pytest.mark.parametrize(
    ("lang", "question", "reply", "entity_type"),
    [
        ("nl", "Wat is uw klantnummer?", "12345678", "ACCOUNT_NUMBER"),
        ("en", "Could you give me your membership number?", "CL-2024-00183", "ACCOUNT_NUMBER"),
        ("nl", "Hoe oud bent u?", "45", "AGE"),
        ("fr", "Quel âge avez-vous ?", "45", "AGE"),
    ],
)
def test_a_bare_number_after_the_question_for_it_is_caught(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    question: str,
    reply: str,
    entity_type: str,
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    alone = pipeline.process_batch([_wire_in(1, f"number-alone-{lang}", "customer", reply, lang)])[0]
    assert entity_type not in {e.entity_type for e in alone.entities}
    outcomes = pipeline.process_batch(
        [
            _wire_in(2, f"number-{lang}-{entity_type}", "agent", question, lang),
            _wire_in(3, f"number-{lang}-{entity_type}", "customer", reply, lang),
        ]
    )
    answer = outcomes[1]
    assert [(e.entity_type, reply[e.start : e.end]) for e in answer.entities] == [(entity_type, reply)]
    analytics = orjson.loads(next(r.value for r in answer.records if r.name == "analytics"))
    assert reply not in analytics["text"]
