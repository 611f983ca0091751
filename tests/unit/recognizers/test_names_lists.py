"""Names listed next to a name (``recognizers.names.name_lists``, ``detection.add_listed_names``).

All names are fictitious.
"""

from __future__ import annotations

import dataclasses

import pytest

from processors.detection import Detector, Entity, add_listed_names
from recognizers import check_recognizer_names
from recognizers.names.lexicons import inflected_first_names, load_lexicon
from recognizers.names.name_lists import LISTED_NAMES, LISTED_SCORE, ListedNames
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
LISTS = {lang: ListedNames(load_lexicon(LEXICONS, lang)) for lang in ("fr", "nl", "en")}


def listed(language: str, text: str, *names: str) -> list[str]:
    """The items ``ListedNames`` finds next to ``names`` (each found once in ``text``, score 0.85)."""
    persons = [(text.index(name), text.index(name) + len(name), 0.85) for name in names]
    return [text[item.start : item.end] for item in LISTS[language].find(text, persons)]


@pytest.mark.parametrize(
    ("language", "text", "seed", "expected"),
    [
        ("en", "our founders: Eklund, Michael and Hodge.", "Michael", ["Eklund", "Hodge"]),
        ("en", "my kids are emma, liam and noah", "liam", ["emma", "noah"]),
        ("en", "I spoke with Sarah and Kowalczyk yesterday", "Sarah", ["Kowalczyk"]),
        ("en", "Sarah, Tom, and Priya Raghunathan called", "Tom", ["Sarah", "Priya Raghunathan"]),
        ("en", "roberto and jodi will pick it up", "roberto", ["jodi"]),
        ("nl", "Mohamed, Ahmed en Yassine komen morgen", "Ahmed", ["Mohamed", "Yassine"]),
        ("nl", "ik heb gesproken met Jan en Wouterse", "Jan", ["Wouterse"]),
        ("fr", "j'ai parlé avec Marie et Dubreuil hier", "Marie", ["Dubreuil"]),
        ("fr", "Jean, Paulette et Clémentine seront là", "Paulette", ["Jean", "Clémentine"]),
        # a first name that is also a place, in lower case among lower-case names
        (
            "en",
            "they had 6: silvana, adam, kristina, chad and caleb.",
            "kristina",
            ["silvana", "adam", "chad", "caleb"],
        ),
    ],
)
def test_items_listed_with_a_name_are_found(language: str, text: str, seed: str, expected: list[str]) -> None:
    assert listed(language, text, seed) == expected


@pytest.mark.parametrize(
    ("language", "text", "seed"),
    [
        ("en", "Hello Emma, Vodafone here", "Emma"),  # two items and a comma: a greeting, no list
        ("en", "Hi Sarah, Thanks for your help", "Sarah"),  # a common word
        ("en", "Sarah and Paris are lovely", "Sarah"),  # a place
        ("en", "sarah and paris are lovely", "sarah"),  # ... in lower case too, in so short a list
        ("en", "I'm Sarah, Manchester branch", "Sarah"),
        ("en", "Sarah and Monday", "Sarah"),  # a weekday
        ("en", "Sarah, Mr and Mrs", "Sarah"),  # titles
        ("en", "Sarah and\nKowalczyk", "Sarah"),  # another line
        ("en", "Sarah & Kowalczyk", "Sarah"),  # "&" joins firms as often as people
        ("en", "Sarah and Nera Economic Consulting", "Sarah"),  # part of a longer capitalised name
        ("en", "Leon and Eyrarodda 66 please", "Leon"),  # a street with a house number
        ("en", "Sarah and Kowalczyk Brothers Ltd", "Sarah"),
        ("en", "sarah and bob, cheers", "sarah"),  # lower case: only listed names, and "bob" ... is one
        ("nl", "Jan en Piet van Dijk", "Jan"),  # the item would be half a name
        ("nl", "Groeten, Jan, Klantenservice", "Jan"),
        ("fr", "Merci Paul, Bonne journée", "Paul"),
        ("fr", "Salut ma fille a 91 ans et Marcelle ici", "Marcelle"),  # "ans": years, not Ans
    ],
)
def test_what_is_no_listed_name(language: str, text: str, seed: str) -> None:
    found = listed(language, text, seed)
    if text.startswith("sarah and bob"):
        assert found == ["bob"]  # a listed first name in lower case: the only item taken
    else:
        assert found == []


def test_a_weak_seed_vouches_for_nothing() -> None:
    text = "Eklund, Michael and Hodge"
    start = text.index("Michael")
    assert LISTS["en"].find(text, [(start, start + 7, 0.5)]) == []


TEXT = "our founders: Eklund, Michael and Hodge."
MICHAEL = Entity("PERSON", TEXT.index("Michael"), TEXT.index(" and"), 0.85, "NameLookupRecognizer", "first name")
HODGE_AS_FIRM = Entity("ORGANIZATION", TEXT.index("Hodge"), len(TEXT) - 1, 0.7, "SpacyNerRecognizer", "spaCy ORG")


def test_items_become_names_and_a_firm_item_is_retyped() -> None:
    out = add_listed_names(TEXT, [MICHAEL, HODGE_AS_FIRM], LISTS["en"])
    assert [(e.entity_type, TEXT[e.start : e.end], e.score, e.recognizer) for e in out] == [
        ("PERSON", "Eklund", LISTED_SCORE, LISTED_NAMES),
        ("PERSON", "Michael", 0.85, "NameLookupRecognizer"),
        ("PERSON", "Hodge", 0.7, "SpacyNerRecognizer"),
    ]
    assert out[0].why == "listed with a name"
    assert out[2].why == "spaCy ORG; listed with a name"


def test_an_item_overlapping_another_type_is_left_alone() -> None:
    text = "Eklund, Michael and Hodge"
    michael = Entity("PERSON", 8, 15, 0.85, "NameLookupRecognizer")
    email_like = Entity("EMAIL_ADDRESS", 0, 6, 1.0, "EmailRecognizer")  # any pattern-backed type
    out = add_listed_names(text, [email_like, michael], LISTS["en"])
    assert [(e.entity_type, text[e.start : e.end]) for e in out] == [
        ("EMAIL_ADDRESS", "Eklund"),
        ("PERSON", "Michael"),
        ("PERSON", "Hodge"),
    ]


def test_the_allow_list_keeps_an_item_out() -> None:
    out = add_listed_names(TEXT, [MICHAEL], LISTS["en"], allow=frozenset({"hodge"}))
    assert [TEXT[e.start : e.end] for e in out] == ["Eklund", "Michael"]


def test_the_detector_reports_listed_names(real_detector: Detector) -> None:
    texts = ["my kids are emma, liam and noah", "Hello Emma, Vodafone here"]
    first, second = real_detector.detect(texts, ["en", "en"])
    assert [(e.entity_type, texts[0][e.start : e.end]) for e in first] == [
        ("PERSON", "emma"),
        ("PERSON", "liam"),
        ("PERSON", "noah"),
    ]
    assert ("PERSON", "Vodafone") not in [(e.entity_type, texts[1][e.start : e.end]) for e in second]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my kids emma, noah and liam all have accounts", ["emma", "noah", "liam"]),
        ("fr", "mes enfants léa, hugo et chloé sont sur le contrat", ["léa", "hugo", "chloé"]),
        ("nl", "mijn kinderen daan, sem en lotte staan ook op het abonnement", ["daan", "sem", "lotte"]),
    ],
)
def test_a_plural_relative_opens_a_list_of_names(
    real_detector: Detector, language: str, text: str, expected: list[str]
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [text[e.start : e.end] for e in entities if e.entity_type == "PERSON"] == expected


def test_the_rule_can_be_switched_off_by_name(real_detector: Detector) -> None:
    check_recognizer_names([LISTED_NAMES])  # a known name for ``detection.disabled_recognizers``
    settings = dataclasses.replace(real_detector.settings, disabled_recognizers=frozenset({LISTED_NAMES}))
    detector = Detector(settings, nlp_engine=real_detector.nlp_engine)
    text = "my kids are emma, liam and noah"
    (entities,) = detector.detect([text], ["en"])
    assert [text[e.start : e.end] for e in entities] == ["liam"]


def test_inflected_first_names_are_word_forms_of_another_lemma() -> None:
    english = inflected_first_names("en")
    assert {"said", "rose", "drew"} <= english  # say, rise, draw
    assert not {"grace", "june", "mark", "bill"} & english  # their own lemmas
    assert "pierre" not in inflected_first_names("fr")
