"""A message that is not clear about its language takes its conversation's."""

from __future__ import annotations

import orjson

from processors.conversation_language import ConversationLanguages
from processors.detection import Detector
from processors.language import LanguageChoice
from processors.pipeline import Pipeline, RawRecord
from tests.conftest import customer_message


def _wire(i: int, conversation: str, text: str, lang: str | None = None) -> RawRecord:
    return customer_message(i, conversation, text, lang, prefix="lang")


def test_an_unclear_message_takes_the_language_of_the_latest_clear_one() -> None:
    store = ConversationLanguages()
    assert store.choose("a", LanguageChoice("en", "fallback", sure=False)) == LanguageChoice("en", "fallback", False)
    assert store.choose("a", LanguageChoice("fr", "given")) == LanguageChoice("fr", "given")
    assert store.choose("a", LanguageChoice("en", "detected", sure=False)) == LanguageChoice(
        "fr", "conversation", sure=False
    )
    assert store.choose("b", LanguageChoice("nl", "detected", sure=False)).code == "nl"  # another conversation
    # a clear message in another language is followed: the customer switched
    assert store.choose("a", LanguageChoice("nl", "detected")).code == "nl"
    assert store.choose("a", LanguageChoice("en", "fallback", sure=False)).code == "nl"


def test_the_store_is_bounded_and_forgets_the_least_recent() -> None:
    store = ConversationLanguages(capacity=2)
    for conversation in ("a", "b", "c"):
        store.choose(conversation, LanguageChoice("fr", "given"))
    assert len(store) == 2
    unsure = LanguageChoice("en", "fallback", sure=False)
    assert store.choose("a", unsure) == unsure
    assert store.choose("c", unsure).code == "fr"


def test_a_french_conversations_short_message_runs_the_french_recognizers(
    real_detector: Detector, key_env: dict[str, str], default_config: tuple
) -> None:
    """Alone, a bare NIR has no language (English, the fallback), where no NIR is looked for."""
    config, path = default_config
    pipeline = Pipeline(config, path, detector=real_detector)
    nir = text = "184127510822641"  # fictitious, valid key
    alone = pipeline.process_batch([_wire(1, "conv-alone", text)])[0]
    assert (alone.language, "FR_NIR" in {e.entity_type for e in alone.entities}) == ("en", False)
    outcomes = pipeline.process_batch(
        [
            _wire(2, "conv-fr", "Bonjour, je n'ai pas reçu ma commande", "fr"),
            _wire(3, "conv-fr", text),
        ]
    )
    answer = outcomes[1]
    assert answer.language == "fr"
    assert "FR_NIR" in {e.entity_type for e in answer.entities}
    sources = []
    for record in answer.records:
        value = orjson.loads(record.value)
        assert nir not in value.get("text", "")
        if record.kind == "sink":
            sources.append(value["lang_source"])
    assert sources == ["conversation", "conversation"]  # analytics, training
