"""Context words of every recognizer: long enough to mean something as a substring.

Presidio's context scoring (``context_matching_mode="substring"``, piiflow's setting) lifts a
result when one of the recognizer's context words is a substring of a word near it. A one-letter
word ("m", meant for "M. Dupont") is in nearly every window, the result's own word included
("Izmir"): it lifted every French name by 0.35 and let names win over places.
"""

from __future__ import annotations

import pytest

from processors.detection import Detector
from recognizers import build_recognizers


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_no_context_word_of_one_letter(language: str) -> None:
    short = {
        (type(recognizer).__name__, word)
        for recognizer in build_recognizers(language)
        for word in recognizer.context or []
        if len(word) < 2
    }
    assert short == set()


def test_the_detector_matches_context_words_as_substrings(real_detector: Detector) -> None:
    """The premise of the test above: if piiflow switches to whole-word matching, revisit it."""
    assert real_detector.analyzer.context_aware_enhancer.context_matching_mode == "substring"
