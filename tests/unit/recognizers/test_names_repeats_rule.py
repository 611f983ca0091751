"""The resolved names looked for again across recognizers (``detection.add_name_repeats``).
Names are fictitious."""

from __future__ import annotations

import dataclasses

from processors.detection import Detector, Entity, add_name_repeats
from recognizers.names.lexicons import NAME_REPEATS, load_lexicon
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
