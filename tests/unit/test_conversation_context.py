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


#: (language, the agent's question, the customer's reply, the entity type and value found in it).
REPLIES = [
    ("nl", "Wat is uw achternaam?", "Brinkerhoff", "PERSON", "Brinkerhoff"),
    ("nl", "Hoe heet u?", "sjoerd brinkerhoff", "PERSON", "sjoerd brinkerhoff"),
    ("fr", "Quel est votre nom de famille ?", "Lemarchal.", "PERSON", "Lemarchal"),
    ("fr", "Comment vous appelez-vous ?", "gaëlle lemarchal", "PERSON", "gaëlle lemarchal"),
    ("en", "What's your surname please?", "Arcuri", "PERSON", "Arcuri"),
    ("en", "Can I take your full name?", "tamsin okonkwo", "PERSON", "tamsin okonkwo"),
    # a date is kept by the default policy, a date of birth generalised
    ("nl", "Wat is uw geboortedatum?", "12-03-1985", "DATE_OF_BIRTH", "12-03-1985"),
    ("fr", "Quelle est votre date de naissance ?", "12/03/1985", "DATE_OF_BIRTH", "12/03/1985"),
    ("en", "Can you confirm your DOB please?", "3rd feb 1989.", "DATE_OF_BIRTH", "3rd feb 1989"),
    ("en", "Which town do you live in?", "harrogate", "LOCATION", "harrogate"),
    ("nl", "Wat is uw woonplaats?", "zeist.", "LOCATION", "zeist"),  # lower case: alone, no place
    ("fr", "Dans quelle ville habitez-vous ?", "villeurbanne", "LOCATION", "villeurbanne"),
    ("nl", "Wat is uw klantnummer?", "12345678", "ACCOUNT_NUMBER", "12345678"),
    ("en", "Could you give me your membership number?", "CL-2024-00183", "ACCOUNT_NUMBER", "CL-2024-00183"),
    ("nl", "Hoe oud bent u?", "45", "AGE", "45"),
    ("fr", "Quel âge avez-vous ?", "45", "AGE", "45"),
    # surname first as forms list it, a two-digit year, a postcode alone
    ("fr", "Pouvez-vous me donner votre nom ?", "Lemaire, Jacques", "PERSON", "Lemaire, Jacques"),
    ("en", "And your surname?", "Moore, D.", "PERSON", "Moore, D."),
    ("en", "Can you confirm your date of birth?", "3rd of May 79", "DATE_OF_BIRTH", "3rd of May 79"),
    ("fr", "Votre code postal ?", "59000", "ADDRESS", "59000"),
    ("nl", "En uw postcode?", "9000", "ADDRESS", "9000"),
]


@pytest.mark.parametrize(("lang", "question", "reply", "entity_type", "value"), REPLIES)
def test_a_bare_reply_after_the_question_for_it_is_caught(
    real_detector: Detector,
    key_env: dict[str, str],
    default_config: tuple,
    lang: str,
    question: str,
    reply: str,
    entity_type: str,
    value: str,
) -> None:
    """Alone the reply says too little (not the whole value as that type, or nothing); after the
    question it is found, and the analytics topic gets it as the policy says (a town the place
    lists hold is kept: it is its own generalisation)."""
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    conversation = f"{lang}-{entity_type}-{reply}"
    alone = pipeline.process_batch([_wire_in(1, f"alone-{conversation}", "customer", reply, lang)])[0]
    assert (entity_type, value) not in [(e.entity_type, reply[e.start : e.end]) for e in alone.entities]
    outcomes = pipeline.process_batch(
        [
            _wire_in(2, conversation, "agent", question, lang),
            _wire_in(3, conversation, "customer", reply, lang),
        ]
    )
    answer = outcomes[1]
    assert [(e.entity_type, reply[e.start : e.end]) for e in answer.entities] == [(entity_type, value)]
    analytics = orjson.loads(next(r.value for r in answer.records if r.name == "analytics"))
    assert (value in analytics["text"]) == (entity_type == "LOCATION")


@pytest.mark.parametrize(
    ("lang", "question", "reply"),
    [
        ("nl", "Wat is uw naam?", "Nee hoor"),
        ("fr", "Votre nom ?", "pourquoi ?"),
        ("en", "What's your name?", "thanks"),
        ("nl", "Wat is uw postcode?", "Brinkerhoff"),  # no question for the name
        ("en", "Dear customer, how can I help?", "12345678"),  # a greeting asks for no number
    ],
)
def test_a_reply_that_is_no_answer_stays_as_it_is(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple, lang: str, question: str, reply: str
) -> None:
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    outcomes = pipeline.process_batch(
        [
            _wire_in(1, f"no-{lang}-{reply}", "agent", question, lang),
            _wire_in(2, f"no-{lang}-{reply}", "customer", reply, lang),
        ]
    )
    assert outcomes[1].entities == []


@pytest.mark.parametrize(("lang", "question", "reply", "entity_type", "value"), REPLIES)
@pytest.mark.parametrize("between", [" ", "\nUser: ", "\nKlant : "])
def test_a_reply_inside_one_text_is_read_alike(
    real_detector: Detector, lang: str, question: str, reply: str, entity_type: str, value: str, between: str
) -> None:
    """A transcript in one message ("Bot: What is your name? User: Arcuri"): the text after its last
    question, a speaker label skipped, is read as the reply to that question."""
    text = f"Agent: {question}{between}{reply}"
    found = [(e.entity_type, text[e.start : e.end]) for e in real_detector.detect([text], [lang])[0]]
    assert (entity_type, value) in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Can you help me? Thanks"),
        ("en", "What is your name? I need it for the booking, please tell me now"),  # no bare reply
        ("nl", "Hoe oud is het pakket? ok"),
        ("fr", "Vous avez reçu mon colis ? merci"),
    ],
)
def test_a_question_inside_a_text_without_a_reply_adds_nothing(real_detector: Detector, lang: str, text: str) -> None:
    assert real_detector.detect([text], [lang])[0] == []
