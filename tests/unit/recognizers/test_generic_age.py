"""AgeRecognizer: the number is the span; durations ("10 jaar geleden", "il y a 10 ans") and
quantities ("I am 5 minutes late", "ben 50 euro kwijt") are not ages. Texts are fictitious."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.pattern_screen import PatternScreen
from recognizers.entities import AGE
from recognizers.generic.age import AgeRecognizer

RECOGNIZERS = {lang: AgeRecognizer(lang) for lang in ("fr", "nl", "en")}
SCREENS = {lang: PatternScreen([recognizer]) for lang, recognizer in RECOGNIZERS.items()}


def reported(language: str, text: str) -> list[str]:
    """Spans at or above the default reporting threshold (0.5)."""
    recognizer = RECOGNIZERS[language]
    return [text[r.start : r.end] for r in recognizer.analyze(text, [AGE]) if r.score >= 0.5]


def scored(language: str, text: str) -> list[tuple[str, float]]:
    """Every candidate with its raw score (Presidio's context words not applied)."""
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [AGE])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "j'ai 34 ans", ["34"]),
        ("fr", "J’ai 34ans et je veux résilier", ["34"]),
        ("fr", "mon fils a 3 ans", ["3"]),
        ("fr", "elle a eu 40 ans hier", ["40"]),
        ("fr", "âgé de 72 ans", ["72"]),
        ("fr", "âge : 34", ["34"]),
        ("nl", "10 jaar oud", ["10"]),
        ("nl", "10-jarige patient", ["10"]),
        ("nl", "op 11-12 jarige leeftijd herhalen", ["11-12"]),
        ("nl", "leeftijd 3-4 jaar", ["3-4"]),
        ("nl", "patient is 6,5 jaar oud", ["6,5"]),
        ("nl", "op 12,5-jarige leeftijd", ["12,5"]),
        ("nl", "tussen 11-12,5 jaar oud", ["11-12,5"]),
        ("nl", "ik ben 34 jaar", ["34"]),
        ("en", "I'm 34 years old", ["34"]),
        ("en", "a 34-year-old customer", ["34"]),
        ("en", "34 y/o", ["34"]),
        ("en", "i'm 31 yo.", ["31"]),
        ("en", "aged 34", ["34"]),
        ("en", "age: 34", ["34"]),
        ("en", "My brother just turned 60", ["60"]),
        ("en", "I'm 45 years of age", ["45"]),
        ("en", "my age is 45", ["45"]),
        ("nl", "mijn leeftijd is 45", ["45"]),
        ("fr", "mon âge est de 45 ans", ["45"]),
        # a person described by their age
        ("fr", "c'est pour ma fille de 7 ans", ["7"]),
        # ages in words
        ("en", "I'm fifty-two years old", ["fifty-two"]),
        ("en", "she's seventy three years of age", ["seventy three"]),
        ("fr", "j'ai cinquante-deux ans", ["cinquante-deux"]),
        ("fr", "mon père a quatre-vingt-sept ans", ["quatre-vingt-sept"]),
        ("nl", "ik ben tweeënvijftig jaar", ["tweeënvijftig"]),
        ("nl", "zij is achtenzestig jaar oud", ["achtenzestig"]),
        ("fr", "un homme d’environ 40 ans", []),  # a hedge: "environ" is no unit's number
        ("nl", "mijn zoon van 12 jaar", ["12"]),
        ("en", "a boy of 7 years", ["7"]),
    ],
)
def test_ages(language: str, text: str, expected: list[str]) -> None:
    assert reported(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "il y a 10 ans"),
        ("fr", "il y a vingt ans"),
        ("fr", "j'ai deux ans de garantie"),
        ("nl", "ik ben twee jaar klant"),
        ("en", "I waited fifty years for this"),
        ("en", "one year old phone"),  # "one" is left out: a thing's age
        ("fr", "client depuis 10 ans"),
        ("fr", "garantie 2 ans"),
        ("fr", "cela fait 3 ans"),
        ("nl", "10 jaar geleden"),
        ("nl", "al 10 jaar klant"),
        ("nl", "elke 2 jaar afspraak"),
        ("nl", "ik ben 5 minuten te laat"),
        ("nl", "Batterij: 1,3 jaar"),
        ("en", "for 10 years"),
        ("en", "I'm 5 minutes late"),
        ("en", "10 years ago"),
        ("en", "age 200"),
        ("en", "The average is 45"),
        ("en", "I'm 5 minutes late"),
    ],
)
def test_not_ages(language: str, text: str) -> None:
    assert reported(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the customer, then a whole number without unit
        ("en", "I am 42 my IBAN is GB00 0000", [("42", 0.7)]),
        ("en", "Hiya! I am 63", [("63", 0.7)]),
        ("en", "I'm 62 yers old", [("62", 0.7)]),  # a misspelt unit is no count
        ("en", "im 45. call me back", [("45", 0.7)]),
        ("en", "i am 91 this is julia", [("91", 0.7)]),
        ("nl", "ik ben 33", [("33", 0.7)]),
        ("nl", "ben 28, mijn nummer is", [("28", 0.7)]),  # Dutch chat drops the pronoun
        ("nl", "dag ben 89 groeten", [("89", 0.7)]),
        ("nl", "Ben 70 Groetjes", [("70", 0.7)]),
        ("nl", "ik word 40 volgende week", [("40", 0.7)]),
        ("fr", "j'ai 61.", [("61", 0.6)]),
        ("fr", "Bonjour, j’ai 45 !", [("45", 0.6)]),
        # someone the customer speaks about
        ("en", "my son is 84.", [("84", 0.7)]),
        ("en", "my daughter is 4 and she loves it", [("4", 0.7)]),
        ("en", "my dad's 81 and lives alone", [("81", 0.7)]),  # "is" contracted onto the relative
        ("en", "my daughter Emma's 9, she loves it", [("9", 0.7)]),
        ("en", "she's 70, can she get a discount?", [("70", 0.7)]),
        ("nl", "mijn vader is 80 en woont alleen", [("80", 0.7)]),
        ("nl", "hij is 12", [("12", 0.7)]),
        ("nl", "mijn zoon van 12 heeft het besteld", [("12", 0.7)]),
        ("nl", "een man van 45 belde", [("45", 0.7)]),
        # the age in brackets after the person, their name between them or not
        ("nl", "mijn vader (82) heeft dementie", [("82", 0.85)]),
        ("en", "my son Jack (12) ordered this", [("12", 0.85)]),
        ("fr", "ma fille (7) a cassé l'écran", [("7", 0.85)]),
        # a phone number after it, "+" and its country code: no "27+"
        ("en", "We just moved to Cardiff. my son is 27 +44 7529 151893", [("27", 0.7)]),
        # "gr" (Dutch chat's "groeten") then a name ending the message: no grams
        ("nl", "de kortingscode werkt niet\nben 62 gr stella", [("62", 0.7)]),
        ("nl", "BSN 420960211 en ben 30 gr Julius", [("30", 0.7)]),
        # the same with the age in words (not French: "j'ai trente" counts things as often)
        ("en", "i'm thirty-four", [("thirty-four", 0.7)]),
        ("en", "my dad is eighty two and lives alone", [("eighty two", 0.7)]),
        ("en", "she's seventeen", [("seventeen", 0.7)]),
        ("nl", "ik ben vierendertig", [("vierendertig", 0.7)]),
        ("nl", "mijn moeder is negentig", [("negentig", 0.7)]),
    ],
)
def test_person_and_number_without_unit(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert scored(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I am 5 minutes late"),
        ("en", "I am 2 days late"),
        ("en", "I'm 100% sure"),
        ("en", "I'm 100 % sure"),
        ("en", "I am 3rd in line"),
        ("en", "I'm 20 pounds short"),
        ("en", "I'm 15 mins away"),
        ("en", "I'm 5'10"),
        ("en", "I am 14:30 at the shop"),
        ("en", "I'm 65+ hours in"),
        ("en", "i am 27 +3 on the list"),  # a sum: too few digits after "+" for a phone
        ("en", "she is 12 weeks pregnant"),
        ("en", "he's 30 km from the depot"),
        ("en", "I am 5"),  # below the customer ages
        ("nl", "ik ben 10 minuten te laat"),
        ("nl", "ben 10 min te laat"),
        ("nl", "ik ben 2 dagen weg"),
        ("nl", "ben 2 dagen weg"),
        ("nl", "ben 50 euro kwijt"),
        ("nl", "ik ben 50 gr kwijt"),  # grams: a counted thing after "gr"
        ("nl", "ben 40 gr per dag"),  # more than a signature after it
        ("nl", "ben 20 keer gebeld"),
        ("nl", "ik ben 3,5 uur onderweg"),
        ("nl", "ben 14 maart jarig"),
        ("nl", "ben 24/7 bereikbaar"),
        ("fr", "je suis à 5 km"),
        ("fr", "je suis 61"),  # not French: no rule
        ("fr", "j'ai 3 colis"),
        ("fr", "j'ai 45 commandes en attente"),
        ("fr", "j'ai 20 et je voudrais savoir"),  # a word follows: "j'ai N" counts things
        ("nl", "mijn zoon van 12 euro zakgeld"),
        ("nl", "de man van 3 bestellingen"),
        ("nl", "een contract van 12 maanden"),
        ("fr", "un homme de 2 mètres"),
        ("en", "my wife (Sarah) and I"),
        ("en", "kids (2) and adults (4)"),  # counts of people, in the plural
        ("en", "my son's 3 cars are blue"),  # a possessive: a noun after the number
        ("en", "my dad's 81st birthday"),
        ("en", "I'm two minutes away"),
        ("en", "I'm eleven"),  # below the customer ages
        ("en", "I'm fifty-fifty on it"),  # a word of its own
        ("en", "I'm twenty past, on my way"),  # a time
        ("en", "I am 20 past the hour"),
        ("en", "she's five feet tall"),
        ("nl", "ik ben twee minuten te laat"),
        ("fr", "j'ai trente"),
    ],
)
def test_person_and_quantity_is_not_an_age(language: str, text: str) -> None:
    assert scored(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "84 ans", [("84", 0.6)]),
        ("fr", "Bonjour madame 61 ans Merci", [("61", 0.6)]),
        ("fr", "76 ans Bonne soirée!", [("76", 0.6)]),
        ("fr", "je m'appelle Claire Martin. 54 ans", [("54", 0.6)]),
        ("nl", "34 jaar", [("34", 0.6)]),
        ("nl", "59 jaar 🙂", [("59", 0.6)]),
        ("nl", "67 jaar voor meneer Jansen", [("67", 0.6)]),
        ("nl", "Goedenavond 49 jaar Met vriendelijke groet", [("49", 0.6)]),
        ("nl", "ben 33 jaar", [("33", 0.6)]),  # the unit rejects "ben 33" but not "33 jaar"
        ("nl", "45 jr, graag teruggebeld", [("45", 0.6)]),
        ("en", "Hi, 45 years. Thanks", [("45", 0.6)]),  # English: a clause of its own only
        # two ages back to back: the space between them ends the first and starts the second
        ("fr", "Ok merci. 29 ans 27 ans.", [("29", 0.6), ("27", 0.6)]),
        ("nl", "55 jaar 19 jaar Met vriendelijke groet", [("55", 0.6), ("19", 0.6)]),
        # a comma ends the clause of a duration word: "binnen, 64 jaar" is no "binnen 64 jaar"
        ("nl", "is nog steeds niet binnen, 64 jaar. Alvast bedankt", [("64", 0.6)]),
        ("nl", "Prima, dan wacht ik nog even - 57 jaar", [("57", 0.6)]),  # so does a dash
    ],
)
def test_bare_number_and_unit_reported_when_no_duration(
    language: str, text: str, expected: list[tuple[str, float]]
) -> None:
    assert scored(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a duration word before it: kept below the threshold
        ("fr", "il y a 10 ans", [("10", 0.3)]),
        ("fr", "il y a 20 ans", [("20", 0.3)]),
        ("fr", "client depuis 15 ans", [("15", 0.3)]),
        ("fr", "pendant plus de 30 ans", [("30", 0.3)]),
        ("fr", "âge : environ 34 ans", [("34", 0.3)]),  # a hedge: "environ 15 ans" is mostly a duration
        ("nl", "al 15 jaar", [("15", 0.3)]),
        ("nl", "sinds 20 jaar tevreden", [("20", 0.3)]),
        ("nl", "ruim 30 jaar", [("30", 0.3)]),
        ("nl", "om de 12 jaar", [("12", 0.3)]),
        ("nl", "binnen 64 jaar", [("64", 0.3)]),
        ("en", "for 5 years", [("5", 0.3)]),
        ("en", "for 15 years.", [("15", 0.3)]),
        ("en", "I've been a customer 15 years.", [("15", 0.3)]),  # English: not a clause of its own
        ("en", "45 years and counting", [("45", 0.3)]),
        # small numbers are warranty or contract terms
        ("fr", "2 ans", [("2", 0.3)]),
        ("nl", "5 jaar", [("5", 0.3)]),
        ("nl", "Batterij: 1,3 jaar", [("1,3", 0.3)]),
        ("nl", "tussen 30-40 jaar", [("30-40", 0.3)]),  # a range is a category, not someone's age
    ],
)
def test_bare_number_and_unit_kept_weak(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert scored(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a duration continuation after the unit: dropped, with or without a subject
        ("fr", "2 ans de garantie"),
        ("fr", "15 ans de garantie"),
        ("fr", "20 ans d'ancienneté"),
        ("fr", "ça fait 20 ans que je suis client"),
        ("fr", "j'ai 2 ans de garantie"),
        ("nl", "10 jaar geleden"),
        ("nl", "20 jaar geleden gekocht"),
        ("nl", "al 15 jaar klant"),
        ("nl", "ik ben 15 jaar klant"),
        ("nl", "30 jaar lang"),
        ("en", "15 years ago"),
        ("en", "I'm 10 years late"),
        ("en", "I was 10 years with you"),
        # a difference of ages, not one
        ("en", "my daughter Mia is 2 years behind at school"),
        ("en", "she is 3 years older than me"),
        ("nl", "mijn zoon Daan is 2 jaar jonger"),
    ],
)
def test_duration_continuation_drops_the_candidate(language: str, text: str) -> None:
    assert scored(language, text) == []


def test_bare_number_and_unit_explains_why_it_is_reported() -> None:
    [result] = RECOGNIZERS["fr"].analyze("84 ans", [AGE])
    assert result.analysis_explanation.pattern_name == "age: number + unit, not a duration"
    assert result.analysis_explanation.original_score == 0.6


def _tokens(text: str) -> list[str]:
    return text.split(" ")


_CHAT_WORDS = _tokens(
    "ik ben Ben I am I'm im j'ai my son is hij zij mijn vader leeftijd âge aged age : , . ! ? - "
    "12 45 5 100 3,5 14:30 % € ans jaar jr years old y/o jarige oud de d' il y a depuis geleden ago for "
    "minutes min dagen euro klant garantie que later 🙂 fifty two-three vingt-deux tweeënvijftig"
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_CHAT_WORDS), max_size=12), language=st.sampled_from(["fr", "nl", "en"]))
def test_the_union_pre_check_never_hides_a_match(words: list[str], language: str) -> None:
    text = " ".join(words)
    recognizer = RECOGNIZERS[language]
    # the pre-check is the detector's RE2 set scan over the recognizers' patterns
    unfiltered = recognizer.analyze(text, [AGE])
    [(_, asked)] = SCREENS[language].plan([text])
    filtered = recognizer.analyze(text, [AGE]) if asked else []
    assert [(r.start, r.end, r.score) for r in filtered] == [(r.start, r.end, r.score) for r in unfiltered]
    assert all(0.0 < r.score <= 1.0 and text[r.start : r.end][0].isalnum() for r in filtered)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "Patiënte, 3 maanden oud, werd gezien met haar moeder.", ["3"]),
        ("nl", "onze baby van 6 weken huilt veel", ["6"]),
        ("fr", "mon bébé de 3 mois a de la fièvre", ["3"]),
        ("en", "our baby is 8 weeks old", ["8"]),
        ("en", "my 6 month old has a rash", ["6"]),  # the singular compound names the child
        ("en", "my 6-month-old has a rash", ["6"]),  # hyphenated
    ],
)
def test_a_babys_age_in_months_or_weeks(language: str, text: str, expected: list[str]) -> None:
    assert reported(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "this phone is 3 weeks old and already broken"),  # no person or child before it
        ("nl", "de bestelling is 2 weken oud"),
        ("nl", "mijn abonnement van 3 maanden loopt af"),
        ("en", "my husband of 3 months"),  # how long, not how old
        ("fr", "j'attends depuis 3 mois"),
    ],
)
def test_months_or_weeks_of_things_are_no_age(language: str, text: str) -> None:
    assert reported(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my son Will is 12 and needs a bigger size", ["12"]),  # the relative's name between
        ("nl", "mijn zoon Tim is 8 en heeft een nieuwe fiets nodig", ["8"]),
        ("nl", "mijn zoon Daan is 6 jaar", ["6"]),  # with the plain unit too
        ("nl", "mijn dochter Emma is 3 jaar bij jullie lid", []),  # a duration
        ("en", "my son Jack is 6 years and very tall for it", ["6"]),
        ("en", "my son is 27 email me at his address", ["27"]),  # "email me": the verb, no count of e-mails
        ("en", "I'm 5 emails behind", []),
        ("en", "on behalf of my grandad, Mr Albert Hughes, who is 88", ["88"]),  # "who" is a person
        ("en", "my mum, who's 92, can't use the app", ["92"]),
        ("en", "the lady who is 3 doors down took it in", []),  # a count of doors
        ("en", "the driver who is 5 minutes away", []),
    ],
)
def test_a_relatives_age_after_their_name(language: str, text: str, expected: list[str]) -> None:
    assert reported(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "45", "45"),
        ("en", "45!", "45"),
        ("fr", "(7)", "7"),
        ("en", "ninety", None),
        ("en", "1234", None),  # no age
        ("en", "45 or 46", None),
        ("en", "4.5", None),
    ],
)
def test_a_bare_reply_that_is_the_age(language: str, text: str, expected: str | None) -> None:
    found = RECOGNIZERS[language].reply(text, [], frozenset({"leeftijd", "âge", "age"}))
    assert (text[found.start : found.end] if found is not None else None) == expected
    assert found is None or found.entity_type == AGE
