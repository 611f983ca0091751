"""The resolved names looked for again across recognizers (``detection.add_name_repeats``).
Names are fictitious."""

from __future__ import annotations

import dataclasses

import pytest

from processors.detection import Detector, Entity, add_name_repeats
from recognizers.names.lexicons import (
    NAME_REPEATS,
    _word_outside_names,
    load_lexicon,
    name_repeats,
    token_starts,
    tokenize,
)
from recognizers.settings import RecognizerSettings

ENGLISH = load_lexicon(RecognizerSettings().lexicon_dir, "en")
TEXT = "A comedy film directed by Wacława Adamska and starring Adamska"
NAME = Entity("PERSON", 26, 41, 0.85, "SpacyNerRecognizer")


def test_a_repeat_read_as_a_place_is_the_person() -> None:
    place = Entity("LOCATION", 55, 62, 0.85, "SpacyNerRecognizer")
    out = add_name_repeats(TEXT, [NAME, place], ENGLISH)
    assert [(e.entity_type, TEXT[e.start : e.end]) for e in out] == [
        ("PERSON", "Wacława Adamska"),
        ("PERSON", "Adamska"),
    ]


def test_a_repeat_nothing_found_is_added() -> None:
    out = add_name_repeats(TEXT, [NAME], ENGLISH)
    assert [(e.entity_type, TEXT[e.start : e.end], e.recognizer) for e in out][1] == ("PERSON", "Adamska", NAME_REPEATS)


def test_a_repeat_inside_another_entity_is_left_alone() -> None:
    text = "A film by Wacława Adamska, shot at 12 Adamska Street"
    name = Entity("PERSON", 10, 25, 0.85, "SpacyNerRecognizer")
    address = Entity("ADDRESS", 35, 52, 0.9, "StreetAddressRecognizer")
    assert add_name_repeats(text, [name, address], ENGLISH) == [name, address]


def test_the_rule_can_be_switched_off_by_name(real_detector: Detector) -> None:
    (entities,) = real_detector.detect([TEXT], ["en"])
    assert ("PERSON", "Adamska") in [(e.entity_type, TEXT[e.start : e.end]) for e in entities]
    settings = dataclasses.replace(real_detector.settings, disabled_recognizers=frozenset({NAME_REPEATS}))
    detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    (entities,) = detector.detect([TEXT], ["en"])
    assert ("PERSON", "Adamska") not in [(e.entity_type, TEXT[e.start : e.end]) for e in entities]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # overlapping names cover "Vries" once: the third "Vries" is still a repeat
        ("Jan de Vries belde. Vries zei niets.", [(0, 12, 0.9), (4, 12, 0.7)], [(20, 25)]),
        ("Hi, this is Adamska. Adamska here again", [(12, 19, 0.9)], [(21, 28)]),
        ("Hi, this is Adamska, thanks for your help", [(12, 19, 0.9)], []),  # nothing comes again
    ],
)
def test_the_quick_test_before_the_search_keeps_every_repeat(
    text: str, names: list[tuple[int, int, float]], expected: list[tuple[int, int]]
) -> None:
    """``name_repeats`` skips its search when no word of a name comes again outside the names;
    the repeats it finds are the search's own."""
    lexicon = ENGLISH if text.startswith("Hi") else load_lexicon(RecognizerSettings().lexicon_dir, "nl")
    found = [(s, e) for s, e, _ in name_repeats(text, names, [], lexicon)]
    assert found == expected
    starts = token_starts(text)
    assert _word_outside_names(tokenize(text), starts, names) is bool(expected)


def test_a_name_typed_twice_in_a_row_is_found_twice() -> None:
    """The first name right before a repeat extends it ("annick de wilde" repeating "De Wilde"),
    but not when that first name is the found name itself: "geneviève geneviève"."""
    text = "le colis est au nom de geneviève geneviève"
    start = text.index("geneviève")
    found = [(start, start + len("geneviève"), 1.0)]
    french = load_lexicon(RecognizerSettings().lexicon_dir, "fr")
    repeats = name_repeats(text, found, [], french)
    assert [text[s:e] for s, e, _ in repeats] == ["geneviève"]
    assert repeats[0][0] == text.rindex("geneviève")


def test_a_surname_that_is_a_word_repeats_only_right_after_another_name() -> None:
    """ "vos" (fox) is a common Dutch word: looked for again only where it cannot be the word."""
    dutch = load_lexicon(RecognizerSettings().lexicon_dir, "nl")
    assert "vos" in dutch.common_words
    text = "hallo, dit is iris vos voor meneer vos"
    found = [(14, 18, 0.65), (text.index("meneer"), len(text), 1.0)]  # "iris", "meneer vos"
    assert [text[s:e] for s, e, _ in name_repeats(text, found, [], dutch)] == ["vos"]
    text = "de vos at de kip op, zegt meneer vos"
    found = [(text.index("meneer"), len(text), 1.0)]
    assert name_repeats(text, found, [], dutch) == []


def test_a_repeat_holding_a_place_takes_its_place() -> None:
    """The model read the repeat's surname as a country: the repeat is the person, whole."""
    text = "this is karen jordan karen jordan"
    name = Entity("PERSON", 8, 20, 0.85, "ChatNamePatternRecognizer")
    place = Entity("LOCATION", 27, 33, 0.85, "SpacyNerRecognizer")
    out = add_name_repeats(text, [name, place], ENGLISH)
    assert [(e.entity_type, text[e.start : e.end]) for e in out] == [
        ("PERSON", "karen jordan"),
        ("PERSON", "karen jordan"),
    ]
    assert out[1].start == 21
