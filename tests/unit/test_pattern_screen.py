"""The RE2 set screen in front of the regex recognizers: it must never keep a recognizer from a
text it would report on, and detection output must be the same with and without it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from presidio_analyzer import EntityRecognizer, RecognizerResult

from processors.chatcorpus import generate_wire_messages
from processors.detection import Detector
from processors.pattern_screen import PatternScreen, PatternScreenError, Screenable
from recognizers import base
from recognizers.base import RE2_OPTIONS, Re2Pattern, Re2PatternRecognizer


class _Digits(Re2PatternRecognizer):
    def __init__(self, name: str, regex: str) -> None:
        super().__init__("TEST_ID", [Re2Pattern("p", regex, 0.5)], name=name)


class _Always(EntityRecognizer):  # type: ignore[misc]
    """Not screenable: no ``screen_regexes``, so it must always be asked."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="Always")

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        return []


def _names(recognizers: Sequence[EntityRecognizer]) -> list[str]:
    return [r.name for r in recognizers]


def _asked(screen: PatternScreen, text: str) -> list[EntityRecognizer]:
    """The recognizers the screen's plan for ``text`` alone asks about it, in order."""
    return [recognizer for recognizer, indices in screen.plan([text]) if indices == [0]]


def test_only_recognizers_whose_pattern_matches_are_kept_in_order() -> None:
    screen = PatternScreen([_Digits("six", r"[0-9]{6}"), _Always(), _Digits("at", r"@")])

    assert _names(_asked(screen, "no numbers here")) == ["Always"]
    assert _names(_asked(screen, "ref 123456 please")) == ["six", "Always"]
    assert _names(_asked(screen, "mail me @ home, ref 123456")) == ["six", "Always", "at"]
    assert _names(_asked(screen, "")) == ["Always"]
    assert screen.screened_count == 2


class _OwnScreen(Re2PatternRecognizer):
    """Screened by a regex of its own, not by its pattern: its pattern has to be compiled apart."""

    def __init__(self) -> None:
        super().__init__("TEST_ID", [Re2Pattern("p", r"(?P<pii>[0-9]{4})-x", 0.5)], name="own")

    def screen_regexes(self) -> list[str]:
        return [r"-x"]


def test_pattern_recognizers_match_with_the_screen_s_compiled_regexes(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real_compile = base.compile_re2

    def counting(regex: str) -> Any:
        compiled.append(regex)
        return real_compile(regex)

    monkeypatch.setattr(base, "compile_re2", counting)
    six, own = _Digits("six", r"(?P<pii>[0-9]{6})"), _OwnScreen()

    PatternScreen([six, _Always(), own])

    assert compiled == [r"(?P<pii>[0-9]{4})-x"]  # only the pattern the filter does not hold
    assert "_compiled" in vars(six) and "_compiled" in vars(own)
    found = six.analyze("ref 123456 please", ["TEST_ID"])
    assert [(r.start, r.end, r.entity_type) for r in found] == [(4, 10, "TEST_ID")]
    assert [(r.start, r.end) for r in own.analyze("code 1234-x", ["TEST_ID"])] == [(5, 9)]


def test_two_screens_hand_their_recognizers_one_compiled_regex_per_source() -> None:
    """The languages' screens: recognizers of the same pattern (e-mail addresses in French and in
    English) match with one regex, so that its automata warm up on both languages' messages."""
    french, english = _Digits("fr", r"(?P<pii>[0-9]{7})-shared"), _Digits("en", r"(?P<pii>[0-9]{7})-shared")

    PatternScreen([french])
    PatternScreen([english, _Digits("other", r"(?P<pii>[0-9]{7})-apart")])

    assert french._compiled[0][1] is english._compiled[0][1]
    assert [(r.start, r.end) for r in english.analyze("ref 1234567-shared", ["TEST_ID"])] == [(4, 11)]


def test_a_pattern_recognizer_without_a_screen_compiles_its_patterns_at_first_use() -> None:
    six = _Digits("six", r"(?P<pii>[0-9]{6})")

    assert "_compiled" not in vars(six)
    assert [(r.start, r.end) for r in six.analyze("ref 123456 please", ["TEST_ID"])] == [(4, 10)]
    assert "_compiled" in vars(six)


def test_a_failed_scan_runs_every_recognizer() -> None:
    screen = PatternScreen([_Digits("six", r"[0-9]{6}"), _Always()])

    class _Failing:
        def Match(self, text: str) -> list[int] | None:  # the binding's method name
            return None  # a scan without the sentinel: broken, whatever the cause

    screen._filter = _Failing()  # type: ignore[assignment]

    assert _names(_asked(screen, "no numbers here")) == ["six", "Always"]


def test_a_plan_names_for_each_recognizer_the_texts_it_is_asked_about() -> None:
    screen = PatternScreen([_Digits("six", r"[0-9]{6}"), _Always(), _Digits("at", r"@")])
    texts = ["no numbers here", "ref 123456 please", "mail me @ home, ref 123456", ""]

    plan = screen.plan(texts)

    assert [(r.name, indices) for r, indices in plan] == [("six", [1, 2]), ("Always", [0, 1, 2, 3]), ("at", [2])]
    for position, text in enumerate(texts):  # the same answer as a plan for that text alone
        assert _names(_asked(screen, text)) == [r.name for r, indices in plan if position in indices]


def test_a_failed_scan_puts_its_text_before_every_recognizer() -> None:
    screen = PatternScreen([_Digits("six", r"[0-9]{6}"), _Always(), _Digits("at", r"@")])
    real = screen._filter

    class _FailingOnSecond:
        def Match(self, text: str) -> Any:  # the binding's method name
            return None if text == "second" else real.Match(text)

    screen._filter = _FailingOnSecond()  # type: ignore[assignment]

    plan = screen.plan(["first", "second", "ref 123456"])

    assert [(r.name, indices) for r, indices in plan] == [("six", [1, 2]), ("Always", [0, 1, 2]), ("at", [1])]


def test_a_pattern_re2_cannot_compile_is_named_at_start_up() -> None:
    class _Broken(_Digits):
        def screen_regexes(self) -> list[str]:
            return ["(unclosed"]

    with pytest.raises(PatternScreenError, match="Broken"):
        PatternScreen([_Broken("Broken", r"[0-9]")])


def _corpus_by_language(n: int) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for wire in generate_wire_messages(n, 11):
        language = wire.message.get("lang")
        if language:
            texts.setdefault(str(language), []).append(str(wire.message["text"]))
    # a few more shapes than the corpus plants, all fictitious
    texts.setdefault("fr", []).extend(["j'habite 12 rue de la paix 75002 paris", "75011 Paris svp"])
    texts.setdefault("nl", []).extend(["bel 06-12345678", "postcode 1234 AB Amsterdam"])
    texts.setdefault("en", []).extend(["call 020 7946 0958", "SW1A 1AA london"])
    return texts


def test_the_screen_never_drops_a_recognizer_that_reports(real_detector: Detector) -> None:
    """Each screened recognizer, asked directly on every text: if it reports, the screen kept it."""
    checked = 0
    for language, texts in _corpus_by_language(900).items():
        screen = real_detector._screens[language]
        screened: list[EntityRecognizer] = [r for r in screen.recognizers if isinstance(r, Screenable)]
        assert screened, language
        entities = real_detector.entities_by_language[language]
        with real_detector.nlp_engine.memory_zone(language):
            artifacts = list(real_detector.nlp_engine.artifacts_for(texts, language))
            for text, nlp_artifacts in zip(texts, artifacts, strict=True):
                kept = {id(r) for r in _asked(screen, text)}
                for recognizer in screened:
                    if recognizer.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts):
                        assert id(recognizer) in kept, (language, recognizer.name)
                        checked += 1
    assert checked > 300  # the corpus does exercise the regex recognizers


class _NoScreen:
    def __init__(self, recognizers: list[EntityRecognizer]) -> None:
        self.recognizers = recognizers

    def plan(self, texts: list[str]) -> list[tuple[EntityRecognizer, list[int]]]:
        return [(recognizer, list(range(len(texts)))) for recognizer in self.recognizers]


def test_detection_is_the_same_with_and_without_the_screen(
    real_detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts_by_language = _corpus_by_language(600)
    texts = [t for ts in texts_by_language.values() for t in ts]
    languages = [lang for lang, ts in texts_by_language.items() for _ in ts]

    screened = real_detector.detect(texts, languages)
    monkeypatch.setattr(
        real_detector, "_screens", {lang: _NoScreen(s.recognizers) for lang, s in real_detector._screens.items()}
    )
    unscreened = real_detector.detect(texts, languages)

    assert screened == unscreened
    assert sum(len(found) for found in screened) > 300


def test_a_batch_gets_the_entities_its_texts_get_one_at_a_time(real_detector: Detector) -> None:
    """The detector runs one recognizer at a time over a whole batch: every text must still get
    exactly what it gets analysed alone (same entities, scores, recognizers and reasons)."""
    texts_by_language = _corpus_by_language(600)
    texts = [t for ts in texts_by_language.values() for t in ts]
    languages = [lang for lang, ts in texts_by_language.items() for _ in ts]

    batched = real_detector.detect(texts, languages)
    alone = [real_detector.detect([text], [language])[0] for text, language in zip(texts, languages, strict=True)]

    assert batched == alone
    assert sum(len(found) for found in batched) > 300


def test_the_filter_reports_exactly_the_regexes_that_match(real_detector: Detector) -> None:
    """The filter's literal prefilter must never hide a regex that matches: per text and on one long
    text holding them all (a literal scan that failed would drop every regex that has literals)."""
    import re2

    for language, texts in _corpus_by_language(300).items():
        screen = real_detector._screens[language]
        regexes = [
            (index, r)
            for index, rec in enumerate(screen.recognizers)
            if isinstance(rec, Screenable)
            for r in rec.screen_regexes()
        ]
        compiled = [(index, re2.compile(r, RE2_OPTIONS)) for index, r in regexes]
        for text in [*texts, "\n".join(texts)]:
            expected = {index for index, regex in compiled if regex.search(text)}
            kept = {id(r) for r in _asked(screen, text)}
            got = {
                index for index, rec in enumerate(screen.recognizers) if isinstance(rec, Screenable) and id(rec) in kept
            }
            assert got == expected, language


def test_a_regex_two_recognizers_name_wakes_both() -> None:
    """The UK postcode's regex screens the postcode's and the post town's recognizers: it enters
    the filter once, and a match asks both."""
    first, second = _Digits("first", r"[0-9]{5}-twice"), _Digits("second", r"[0-9]{5}-twice")
    screen = PatternScreen([first, _Always(), second, _Digits("other", r"@")])

    assert _names(_asked(screen, "ref 12345-twice")) == ["first", "Always", "second"]
    assert _names(_asked(screen, "nothing")) == ["Always"]
    assert len(screen._owners) == 2 and sorted(map(len, screen._owners.values())) == [1, 2]
