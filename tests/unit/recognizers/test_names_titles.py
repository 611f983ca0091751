"""One title rule for every name recognizer: a title right before a person belongs to the span."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.entities import PERSON
from recognizers.names import ChatNamePatternRecognizer, DutchNameRecognizer, NameLookupRecognizer
from recognizers.names.lexicons import TITLE_LOOKBACK, _title_in_window, load_lexicon, title_start
from recognizers.settings import RecognizerSettings

LEXICON_DIR = Path(RecognizerSettings().lexicon_dir)
TITLES = {lang: load_lexicon(LEXICON_DIR, lang).titles for lang in ("fr", "nl", "en")}


@pytest.mark.parametrize(
    ("language", "text", "name", "expected"),
    [
        ("fr", "le requérant, M. Dupont, a saisi", "Dupont", "M. Dupont"),
        ("fr", "merci Mme Durand", "Durand", "Mme Durand"),
        ("fr", "Mlle Martin a appelé", "Martin", "Mlle Martin"),
        ("fr", "bonjour monsieur Leroy", "Leroy", "monsieur Leroy"),
        ("fr", "bonjour m. leroy", "leroy", "m. leroy"),
        ("nl", "ik sprak met dhr. Jansen", "Jansen", "dhr. Jansen"),
        ("nl", "mevr. de Vries belde", "de Vries", "mevr. de Vries"),
        ("nl", "meneer Bakker is er", "Bakker", "meneer Bakker"),
        ("nl", "brief aan de heer Smit", "Smit", "de heer Smit"),
        ("nl", "Prof. Dr. Smit", "Smit", "Prof. Dr. Smit"),
        ("en", "Dear Mrs Smith,", "Smith", "Mrs Smith"),
        ("en", "ask Dr. Brown", "Brown", "Dr. Brown"),
        ("en", "Ms Jones called", "Jones", "Ms Jones"),
        # a couple's titles: the span names both people
        ("fr", "Les requérants, M. et Mme Robins, sont nés", "Mme Robins", "M. et Mme Robins"),
        ("fr", "nous sommes M. et Mme Dupont", "Dupont", "M. et Mme Dupont"),
        ("en", "in the name of Mr and Mrs Thornbury", "Thornbury", "Mr and Mrs Thornbury"),
        ("en", "Mr & Mrs Okafor called", "Okafor", "Mr & Mrs Okafor"),
        ("nl", "op naam van dhr. en mevr. Jansen", "Jansen", "dhr. en mevr. Jansen"),
        ("nl", "meneer en mevrouw De Smet bellen", "De Smet", "meneer en mevrouw De Smet"),
    ],
)
def test_title_is_included(language: str, text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert text[title_start(text, start, TITLES[language]) : start + len(name)] == expected


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "il m Dupont", "Dupont"),  # lower-case "m" without a dot: a letter
        ("fr", "Madame\nDupont", "Dupont"),  # not on the same line
        ("fr", "Madame, Dupont", "Dupont"),  # punctuation in between
        ("en", "I met Smith", "Smith"),
        ("en", "Smith", "Smith"),
        ("fr", "la Cour et Dupont", "Dupont"),  # a conjunction without a title after it
    ],
)
def test_no_title(language: str, text: str, name: str) -> None:
    start = text.index(name)
    assert title_start(text, start, TITLES[language]) == start


@pytest.mark.parametrize(
    ("language", "text", "name", "expected"),
    [
        ("fr", "la Cour et M. Dupont ont conclu", "M. Dupont", "M. Dupont"),  # "Cour" is no title
        ("en", "me and Mrs Smith will come", "Mrs Smith", "Mrs Smith"),  # "me" is no title
        ("fr", "m et Mme Dupont", "Mme Dupont", "Mme Dupont"),  # a lower-case letter without its dot
    ],
)
def test_no_couples_title(language: str, text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert text[title_start(text, start, TITLES[language]) : start + len(name)] == expected


def persons(recognizer: object, text: str) -> list[str]:
    results = recognizer.analyze(text, [PERSON])  # type: ignore[attr-defined]
    return [text[r.start : r.end] for r in results if r.entity_type == PERSON]


def test_every_name_recognizer_keeps_the_title() -> None:
    assert persons(ChatNamePatternRecognizer("fr", LEXICON_DIR), "Bonjour Madame Durand, merci") == ["Madame Durand"]
    assert persons(ChatNamePatternRecognizer("en", LEXICON_DIR), "Hi Mr. Brown") == ["Mr. Brown"]
    assert persons(DutchNameRecognizer(LEXICON_DIR, "nl"), "ik sprak met dhr. Jansen") == ["dhr. Jansen"]
    assert persons(NameLookupRecognizer(LEXICON_DIR, "fr"), "le dossier de M. Jean Dupont") == ["M. Jean Dupont"]


def reference_title_start(text: str, start: int, titles: frozenset[str]) -> int:
    """``title_start`` without its quick reject (``_may_end_with_title``)."""
    while True:
        offset = max(0, start - TITLE_LOOKBACK)
        found = _title_in_window(text[offset:start], titles)
        if found is None:
            return start
        start = offset + found


# Pieces that make titles and near-titles: title words in several cases, dots, every kind of gap.
_PIECES = sorted(
    {w for titles in TITLES.values() for t in titles for w in t.replace(".", " . ").split()}
    | {"Dupont", "jan", "de", "Vries", "ß", "STRASSE", "1206", "x", "-", "'", "’", "_", "@"}
)
_GAPS = [" ", "  ", "\t", "\n", " \n ", "", ".", ". ", "\u00a0", ",", "\u2003"]


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(["fr", "nl", "en"]),
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), min_size=0, max_size=8),
    st.sampled_from(_PIECES),
    st.booleans(),
)
def test_the_quick_reject_never_changes_the_answer(
    language: str, pieces: list[tuple[str, str]], name: str, upper: bool
) -> None:
    prefix = "".join((word.upper() if upper and i % 2 else word) + gap for i, (word, gap) in enumerate(pieces))
    text = prefix + name + " a écrit"
    titles = TITLES[language]
    for start in {len(prefix), max(0, len(prefix) - 1), len(prefix) // 2}:
        assert title_start(text, start, titles) == reference_title_start(text, start, titles)


def test_the_property_sees_titles_found() -> None:
    """The generated texts do hold titles (else the test above would compare only rejects)."""
    text = "bonjour Prof. Dr. Smit"
    start = text.index("Smit")
    assert reference_title_start(text, start, TITLES["nl"]) == title_start(text, start, TITLES["nl"]) < start


LOOKUP = {"fr": NameLookupRecognizer(LEXICON_DIR, "fr"), "en": NameLookupRecognizer(LEXICON_DIR, "en")}
DUTCH_NAMES = DutchNameRecognizer(LEXICON_DIR, "nl")


def titled_persons(language: str, text: str) -> list[tuple[str, float]]:
    recognizer = DUTCH_NAMES if language == "nl" else LOOKUP[language]
    return [(text[r.start : r.end], r.score) for r in recognizer.analyze(text, [PERSON]) if r.entity_type == PERSON]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "La présence de Mme G. était due à une négligence.", "Mme G."),
        ("fr", "les requérants, M. et Mme T., engagèrent une procédure", "M. et Mme T."),  # the couple's titles too
        ("nl", "ik sprak gisteren met mevr. K. over de bestelling", "mevr. K."),
        ("en", "I spoke to Mrs K. yesterday", "Mrs K."),
        ("en", "Dr. A.B. wrote the letter", "Dr. A.B."),
    ],
)
def test_a_title_and_initials_are_a_person(language: str, text: str, expected: str) -> None:
    assert (expected, DutchNameRecognizer.TITLED_INITIALS_SCORE) in titled_persons(language, text)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "B. Imposition du régime dit de détenu dangereux", []),  # a numbered heading
        ("fr", "C. L'appel contre l'ordonnance relative à la garde", []),
        ("fr", "A. L’hémorragie cérébrale du requérant", []),
        ("fr", "Le dossier fut transmis à J. Martin le lendemain.", ["J. Martin"]),  # a listed surname
        ("fr", "Le dossier fut transmis à J. D'Amico le lendemain.", ["J. D'Amico"]),  # no word after "d'"
        ("fr", "Le dossier fut transmis à Mme Imposition.", ["Mme Imposition"]),  # a title: any surname
    ],
)
def test_an_initial_before_a_word_of_the_language_is_a_heading(language: str, text: str, expected: list[str]) -> None:
    assert [name for name, _ in titled_persons(language, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le jugement rendu par le juge Darwall fut confirmé.", ["juge Darwall"]),
        ("Le sergent Gamble et quatre autres policiers furent chargés.", ["sergent Gamble"]),
        ("Renvoyant à la conclusion de Lord Phillips dans cette affaire.", ["Lord Phillips"]),
        ("La décision de Sir Robert Carnwath fut rendue.", ["Sir Robert Carnwath"]),
        ("Le juge des enfants a été saisi.", []),  # after a particle, a word of the language is no surname
        ("Le juge d'instruction a rejeté la demande.", []),
    ],
)
def test_french_function_titles(text: str, expected: list[str]) -> None:
    assert [name for name, _ in titled_persons("fr", text)] == expected


@pytest.mark.parametrize(("language", "text"), [("fr", "Madame, je vous écris"), ("en", "Dear Sir, thanks")])
def test_a_title_alone_is_no_person(language: str, text: str) -> None:
    assert titled_persons(language, text) == []


def test_after_a_title_a_word_one_typo_from_a_brand_is_a_surname() -> None:
    lexicon = load_lexicon(LEXICON_DIR, "fr")
    # "Darby" is one letter from an allow-listed word: common by the typo rule, not a common word
    assert lexicon.is_common("darby") and not lexicon.is_common_word("darby")
    expected = [("M. Darby", DutchNameRecognizer.TITLED_SCORE)]
    assert titled_persons("fr", "Le recours de M. Darby fut rejeté.") == expected
