"""Repeated messages: their detection and language results come from a bounded, keyed cache, and
are exactly what analysing them again would give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from processors.chatcorpus import generate_wire_messages
from processors.detection import DetectionSettings, Detector
from processors.language import LanguageResolver
from processors.result_cache import ResultCache


def test_least_recently_used_entry_goes_first() -> None:
    cache: ResultCache[str] = ResultCache(2)
    a, b, c = (cache.digest("fr", text) for text in ("a", "b", "c"))
    cache.put(a, "A")
    cache.put(b, "B")
    assert cache.get(a) == "A"  # a is now the most recent
    cache.put(c, "C")
    assert cache.get(b) is None
    assert (cache.get(a), cache.get(c), len(cache)) == ("A", "C", 2)
    assert (cache.hits, cache.misses) == (3, 1)


def test_capacity_zero_keeps_nothing() -> None:
    cache: ResultCache[str] = ResultCache(0)
    key = cache.digest("en", "hello")
    cache.put(key, "x")
    assert not cache.enabled
    assert cache.get(key) is None and len(cache) == 0
    with pytest.raises(ValueError, match="capacity"):
        ResultCache(-1)


def test_digests_separate_language_text_and_context() -> None:
    cache: ResultCache[str] = ResultCache(10)
    keys = {
        cache.digest("fr", "ab"),
        cache.digest("en", "ab"),
        cache.digest("fr", "a", "b"),  # text "a", context word "b"
        cache.digest("fr", "a\x00b"),
        cache.digest("fr", "ab", "bsn"),
        cache.digest("fr", "ab", "bs", "n"),
    }
    assert len(keys) == 6
    assert all(len(key) == 16 for key in keys)


def test_digests_are_keyed_per_cache_and_hold_no_text() -> None:
    one: ResultCache[str] = ResultCache(10)
    two: ResultCache[str] = ResultCache(10)
    text = "Je m'appelle Marie Dupont"
    assert one.digest("fr", text) != two.digest("fr", text)
    one.put(one.digest("fr", text), "entities")
    stored = b"".join(one._entries)
    assert text.encode() not in stored and b"Marie" not in stored


@pytest.fixture(scope="module")
def cached_detector(real_detector: Detector) -> Iterator[Detector]:
    """A detector with the result cache on, sharing the real detector's loaded models."""
    settings = DetectionSettings(**{**vars(real_detector.settings), "result_cache_size": 1000})
    yield Detector(settings, nlp_engine=real_detector.nlp_engine)


def _corpus(n: int) -> tuple[list[str], list[str]]:
    messages = [w.message for w in generate_wire_messages(n, 7)]
    return [m["text"] for m in messages], [m.get("lang") or "en" for m in messages]


def test_cached_results_equal_fresh_analysis(real_detector: Detector, cached_detector: Detector) -> None:
    texts, languages = _corpus(400)
    assert len(set(texts)) < len(texts)  # bot greetings repeat: the corpus exercises repeats in a batch
    fresh = real_detector.detect(texts, languages)
    cached_detector.results.clear()
    first = cached_detector.detect(texts, languages)
    hits_in_first = cached_detector.results.hits
    second = cached_detector.detect(texts, languages)

    assert first == fresh
    assert second == fresh
    assert sum(len(found) for found in fresh) > 100
    assert hits_in_first == len(texts) - len(set(zip(texts, languages, strict=True)))
    assert cached_detector.results.hits - hits_in_first == len(texts)


def test_results_are_fresh_lists(cached_detector: Detector) -> None:
    text = "Mon numéro est le 06 12 34 56 78"
    first = cached_detector.detect([text], ["fr"])[0]
    first.clear()
    assert [e.entity_type for e in cached_detector.detect([text], ["fr"])[0]] == ["PHONE_NUMBER"]


def test_context_words_are_part_of_the_key(real_detector: Detector, cached_detector: Detector) -> None:
    bsn = "111222333"  # passes the elfproef; alone it is too ambiguous to report
    contexts = [[], ["wat", "is", "uw", "bsn"], []]
    expected = [real_detector.detect([bsn], ["nl"], [context])[0] for context in contexts]
    got = cached_detector.detect([bsn] * 3, ["nl"] * 3, contexts)

    assert got == expected
    assert [e.entity_type for e in got[1]] == ["NL_BSN"] and got[0] == got[2] == []


def test_repeated_text_is_detected_once() -> None:
    resolver = LanguageResolver(["fr", "nl", "en"], "en", 0.3)
    calls: list[str] = []
    detect = resolver._detect

    def counting(text: str) -> object:
        calls.append(text)
        return detect(text)

    resolver._detect = counting  # type: ignore[method-assign]
    text = "Merci de patienter, tous nos conseillers sont occupés."
    choices = [resolver.resolve(text, None) for _ in range(3)]
    assert [c.code for c in choices] == ["fr"] * 3
    assert len(calls) == 1
    assert resolver.resolve(text, "nl").code == "nl"  # a given language still wins


def test_language_cache_off_detects_every_time() -> None:
    resolver = LanguageResolver(["fr", "nl", "en"], "en", 0.3, cache_size=0)
    calls: list[str] = []
    detect = resolver._detect
    resolver._detect = lambda text: calls.append(text) or detect(text)  # type: ignore[method-assign]
    for _ in range(2):
        assert resolver.resolve("Even geduld, al onze medewerkers zijn in gesprek.", None).code == "nl"
    assert len(calls) == 2


def test_a_question_word_is_part_of_the_key(real_detector: Detector, cached_detector: Detector) -> None:
    """A place asked for in English and given in a Dutch reply: the question word ("city") lifts no
    score, but it makes the reply a place, so it must key the cache in every language."""
    contexts = [[], ["which", "city"], []]
    expected = [real_detector.detect(["zeist"], ["nl"], [context])[0] for context in contexts]
    got = cached_detector.detect(["zeist"] * 3, ["nl"] * 3, contexts)
    assert got == expected
    assert [e.entity_type for e in got[1]] == ["LOCATION"] and got[0] == got[2] == []


def test_contexts_differing_in_words_that_cannot_matter_share_a_result(
    real_detector: Detector, cached_detector: Detector
) -> None:
    """Each message twice, after two different previous messages (as in the pipeline): whatever the
    cache answers equals a fresh analysis with that context, and repeats after a different previous
    message are answered from the cache when the words that differ cannot lift a score."""
    import random
    import re

    texts, languages = _corpus(300)
    words = [re.findall(r"[^\W\d_]{2,}", text.casefold())[-30:] for text in texts]
    others = words[1:] + words[:1]
    rng = random.Random(5)
    rng.shuffle(others)
    cached_detector.results.clear()
    for contexts in (words, others):
        before = cached_detector.results.hits
        got = cached_detector.detect(texts, languages, contexts)
        assert got == real_detector.detect(texts, languages, contexts)
    # each message whose two contexts differ only in words holding no recognizer context word was
    # answered from the cache the second time
    same_key = sum(
        a != b and cached_detector._relevant_context[lang].of(a) == cached_detector._relevant_context[lang].of(b)
        for a, b, lang in zip(words, others, languages, strict=True)
    )
    assert same_key > 20
    assert cached_detector.results.hits - before >= same_key
    relevant = cached_detector._relevant_context["nl"]
    assert relevant.of(["Wat", "is", "uw", "BSN"]) == ("bsn",)
    assert relevant.of(["vandaag", "morgen"]) == ()
