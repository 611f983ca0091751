"""Firms named after people (``recognizers.generic.firm_names``, ``detection.relabel_firms``).
Names and firms are fictitious."""

from __future__ import annotations

import dataclasses

import pytest

from processors.detection import Detector, Entity, relabel_firms
from recognizers.generic.firm_names import FIRM_NAMES, FIRM_SCORE, firm_names
from recognizers.names.lexicons import load_lexicon
from recognizers.settings import DEFAULT_LEXICON_DIR

FIRST_NAMES = frozenset({"tom", "anna", "pieter", "mark", "julie", "steven", "thomas"})
ORGANIZATION_WORDS = frozenset({"orchestra", "llp"})


def firms(text: str, language: str = "en") -> list[str]:
    """The firms found, every capitalised word standing for a name found by a recognizer."""
    words = [(i, i + len(w)) for i, w in _words(text) if w[0].isupper()]
    return [text[s:e] for s, e in firm_names(text, language, words, FIRST_NAMES, ORGANIZATION_WORDS)]


def _words(text: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for word in text.split():
        position = text.index(word, position)
        out.append((position, word.strip(",.")))
        position += len(word)
    return out


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Lopez, Santos and Coleman is a design agency based in Leeds.", "en", ["Lopez, Santos and Coleman"]),
        ("Veerle spent a year at Quist, Marlow and Fenwick as an intern.", "en", ["Quist, Marlow and Fenwick"]),
        ("Tomomi is from Hawkes, Ridley & Sant", "en", ["Hawkes, Ridley & Sant"]),
        ("The Kemble, Romero and Hale Orchestra was founded in 1973.", "en", ["Kemble, Romero and Hale Orchestra"]),
        ("Ridley, Marsh and Vance LLP wrote to us", "en", ["Ridley, Marsh and Vance LLP"]),
        ("Kind regards,\nEsat Jenko\n> Marlow, Hendry and Simms\n> 12 Lovers Lane", "en", ["Marlow, Hendry and Simms"]),
        ("Thomas and Sons is a Brazilian firm", "en", ["Thomas and Sons"]),
        ("ask Hendry & Co. about it", "en", ["Hendry & Co."]),
        ("Le devis vient de Martin et Fils, à Lyon", "fr", ["Martin et Fils"]),
        ("de offerte komt van Jansen & Zonen uit Zwolle", "nl", ["Jansen & Zonen"]),
        ("ik werk bij Kuipers, Bosma en Wijers sinds mei", "nl", ["Kuipers, Bosma en Wijers"]),
    ],
)
def test_a_firm_named_after_people(text: str, language: str, expected: list[str]) -> None:
    assert firms(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "our 3 founders: Morrison, Rogers and Torres. The idea was born on the beach",  # people
        "Ambrose, Walsh and Bishop took the wickets",  # people: a plural verb
        "I spoke with Smith, Jones and Brown at the desk",
        "The meeting with Tom, Anna and Pieter is tomorrow",  # three first names
        "I was at Mark, Julie and Stevens's place",  # a possessive: whose, it does not say
        "Thomas and son came by yesterday",  # a lower-case "son"
        "Usamov and Bowers were precision engineers.",  # two names: people as often as a firm
        "Smith, Jones and Brown",  # one line, no other line: a list as often as a firm
    ],
)
def test_people_stay_people(text: str) -> None:
    assert firms(text) == []


def test_a_firm_needs_a_name_found_in_it() -> None:
    text = "Lopez, Santos and Coleman is a design agency"
    assert firm_names(text, "en", [], FIRST_NAMES, ORGANIZATION_WORDS) == []
    assert firm_names(text, "de", [(0, 5)], FIRST_NAMES, ORGANIZATION_WORDS) == []  # no such language


def test_the_names_inside_become_one_organisation() -> None:
    text = "Lopez, Santos and Coleman is a design agency"
    lexicon = load_lexicon(DEFAULT_LEXICON_DIR, "en")
    names = [Entity("PERSON", 0, 5, 0.85, "SpacyNerRecognizer"), Entity("PERSON", 7, 13, 0.85, "SpacyNerRecognizer")]
    out = relabel_firms(text, "en", names, lexicon, report=True)
    assert [(e.entity_type, text[e.start : e.end], e.score, e.recognizer) for e in out] == [
        ("ORGANIZATION", "Lopez, Santos and Coleman", FIRM_SCORE, FIRM_NAMES)
    ]
    assert relabel_firms(text, "en", names, lexicon, report=False) == []  # ORGANIZATION not configured


def test_a_full_name_reaching_past_the_firm_stays() -> None:
    text = "Gedelegeerd Bestuurder van J. Leleux & Co"
    lexicon = load_lexicon(DEFAULT_LEXICON_DIR, "nl")
    name = Entity("PERSON", text.index("J."), text.index(" &"), 0.6, "DutchNameRecognizer")
    assert relabel_firms(text, "nl", [name], lexicon, report=True) == [name]


def test_a_firm_over_another_type_is_left_as_found() -> None:
    text = "Lopez, Santos and Coleman is a design agency"
    lexicon = load_lexicon(DEFAULT_LEXICON_DIR, "en")
    found = [Entity("PERSON", 0, 5, 0.85, "SpacyNerRecognizer"), Entity("LOCATION", 7, 13, 0.85, "SpacyNerRecognizer")]
    assert relabel_firms(text, "en", found, lexicon, report=True) == found


def test_the_detector_reports_it(real_detector: Detector) -> None:
    text = "Aristide spent a year at Jones, Mitchell and Williams as the assistant to the director."
    (entities,) = real_detector.detect([text], ["en"])
    spans = [(e.entity_type, text[e.start : e.end]) for e in entities]
    assert ("ORGANIZATION", "Jones, Mitchell and Williams") in spans
    assert not any(t == "PERSON" and v in ("Jones", "Mitchell", "Williams") for t, v in spans)


def test_the_rule_can_be_switched_off_by_name(real_detector: Detector) -> None:
    settings = dataclasses.replace(real_detector.settings, disabled_recognizers=frozenset({FIRM_NAMES}))
    detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    text = "Aristide spent a year at Jones, Mitchell and Williams as the assistant to the director."
    (entities,) = detector.detect([text], ["en"])
    assert "FirmNames" not in [e.recognizer for e in entities]
