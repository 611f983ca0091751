"""Dutch names and places from lookup lists (``DutchNameRecognizer``), and the same person grammar
for French and English (``NameLookupRecognizer``). Names are fictitious or common Dutch names."""

from __future__ import annotations

import pytest

from recognizers.names import build, lexicons
from recognizers.names.dutch_names import DutchNameRecognizer
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
DUTCH = DutchNameRecognizer(LEXICONS)
THRESHOLD = 0.5


def found(text: str, recognizer: DutchNameRecognizer = DUTCH) -> list[tuple[str, str]]:
    results = recognizer.analyze(text, [])
    return [(r.entity_type, text[r.start : r.end]) for r in results if r.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. de Vries woont in Den Haag", [("PERSON", "J. de Vries"), ("LOCATION", "Den Haag")]),
        ("dhr. Jansen heeft gebeld, mevr. Bakker ook", [("PERSON", "dhr. Jansen"), ("PERSON", "mevr. Bakker")]),
        ("Het pakket is voor Piet Visser", [("PERSON", "Piet Visser")]),
        ("Ik heb Jan van der Berg gesproken", [("PERSON", "Jan van der Berg")]),
        ("Graag contact met A.B.C. de Vries", [("PERSON", "A.B.C. de Vries")]),
        # an initial without its dot before an interfix
        ("Graag contact met A de Jong", [("PERSON", "A de Jong")]),
        ("Het pakket is voor J van Dijk", [("PERSON", "J van Dijk")]),
        ("De brief van mevrouw Visser-de Jong", [("PERSON", "mevrouw Visser-de Jong")]),
        # a first surname that is a common word ("berg"), glued to the next particle
        ("Patiënt mevr. A.B. van den Berg-de Vries", [("PERSON", "mevr. A.B. van den Berg-de Vries")]),
        ("Ik sprak Jan van der Bosch-van Dam", [("PERSON", "Jan van der Bosch-van Dam")]),
        # a second surname with an interfix of two words after the hyphen
        ("Bedankt, Nadine Hehl-van der Meulen", [("PERSON", "Nadine Hehl-van der Meulen")]),
        ("Groet, Felix Jaceps-van der Meer", [("PERSON", "Felix Jaceps-van der Meer")]),
        ("Het pakket ging naar Antwerpen in plaats van Gent", [("LOCATION", "Antwerpen"), ("LOCATION", "Gent")]),
        ("ik woon in amsterdam", [("LOCATION", "amsterdam")]),
        ("Bezorgd in Noord-Brabant", [("LOCATION", "Noord-Brabant")]),
        ("het pakket is voor jan jansen", [("PERSON", "jan jansen")]),
        ("het pakket is voor jan p jansen", [("PERSON", "jan p jansen")]),  # a middle initial
        ("minister Johan Sauwens (VU) zei", [("PERSON", "Johan Sauwens")]),  # "VU": a party, not Vu
        # a second surname without a hyphen, as Belgian double names are written
        ("Ik ben Lode Renders Lievens en ik heb een vraag", [("PERSON", "Lode Renders Lievens")]),
        ("Ik ben Laura Gielen De Coninck en ik heb een vraag", [("PERSON", "Laura Gielen De Coninck")]),
        ("Ik heb met van Dijk gesproken.", [("PERSON", "van Dijk")]),  # a lower-case interfix opens it
        # a town after "van der", "v/d", "vd" is a surname; after "van" it is still the town
        ("Ik heb met van der Sluis gesproken", [("PERSON", "van der Sluis")]),
        ("brief voor v/d Sluis", [("PERSON", "v/d Sluis")]),
        # "v.d." typed with its dots, glued: "van der" as written on forms and signatures
        ("dhr. v.d. Sluis belt terug", [("PERSON", "dhr. v.d. Sluis")]),
        ("mijn naam is Jan v.d. Berg", [("PERSON", "Jan v.d. Berg")]),
        ("Dr. A.B. v.d. Sluis", [("PERSON", "Dr. A.B. v.d. Sluis")]),
        ("Ik heb met Jan van 't Hof gesproken", [("PERSON", "Jan van 't Hof")]),
        # surnames of two words, the first a word of the language: listed, or "Oude"/"Olde" after a name
        ("Het pakket is voor Sanne Klein Gunnewiek", [("PERSON", "Sanne Klein Gunnewiek")]),
        ("Ik heb Jan Oude Elferink gesproken", [("PERSON", "Jan Oude Elferink")]),
        ("Ik heb Jan Olde Bennink gesproken", [("PERSON", "Jan Olde Bennink")]),
        ("Brief van Groot Koerkamp", [("PERSON", "Groot Koerkamp")]),
        # a province's abbreviation after a town that shares its name with another
        ("Bergen (NH) of Bergen (L)", [("LOCATION", "Bergen (NH)"), ("LOCATION", "Bergen (L)")]),
        ("Het pakket ging naar Rijswijk ZH", [("LOCATION", "Rijswijk ZH")]),
        ("Het pakket ging naar Zwolle FR", [("LOCATION", "Zwolle")]),  # "FR" alone is no province
        # "te" before a town after a title or a full name: where the person lives, no surname particle
        ("Brief van mevrouw Jansen te Utrecht", [("PERSON", "mevrouw Jansen"), ("LOCATION", "Utrecht")]),
        ("Ik heb Jan te Velde gesproken", [("PERSON", "Jan te Velde")]),
        # a place's people, office or parts, then "van" and an unknown name: a place
        ("De burgemeester van Vrolderbeek sprak", [("LOCATION", "Vrolderbeek")]),
        ("Ik woon vlakbij het station van Hoogkarspel", [("LOCATION", "Hoogkarspel")]),
        # "in het" and a country's adjective: a town ("bij het Britse Thomson" is the firm)
        ("Een rechtbank in het Duitse Waldkrich oordeelde", [("LOCATION", "Waldkrich")]),
        ("Een noodlanding in het Canadese Gander", [("LOCATION", "Gander")]),
        # a disease named after the people who described it (deduce's eponymous diseases)
        ("Het aantal gevallen van Guillain-Barré steeg", []),
        ("de bus van Sluis naar Brugge", [("LOCATION", "Sluis"), ("LOCATION", "Brugge")]),
        # world places of several words, even when they parse as a name ("Rio" a first name)
        ("het filmfestival van Los Angeles", [("LOCATION", "Los Angeles")]),
        ("in het Braziliaanse Rio De Janeiro", [("LOCATION", "Rio De Janeiro")]),
        # a full name in lower case with its interfix; the surname may be a word ("jong", "boer")
        ("ik ben de moeder van lotte de jong, zij heeft een account", [("PERSON", "lotte de jong")]),
        ("hij heet anne van den berg", [("PERSON", "anne van den berg")]),
    ],
)
def test_dutch_names_and_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Goedemorgen",
        "Dank je wel!",
        "Mijn bestelling is nog niet binnen",
        "April",
        "Rust",
        "ik ben blij met de levering",
        "De Britse en Amerikaanse klanten",
        "Groetjes",
        "Is het pakket XR-200 al verzonden?",
        "ik ga met de trein van de ochtend",
        "ik kom van de week langs",
    ],
)
def test_no_dutch_name_in_plain_chat(text: str) -> None:
    assert found(text) == []


def test_known_first_name_alone_is_reported() -> None:
    assert found("Kees") == [("PERSON", "Kees")]
    assert found("kees") == []  # lower case alone: too often a word


def test_capitalised_word_inside_a_sentence_is_a_low_score_person() -> None:
    (result,) = DUTCH.analyze("Ik sprak gisteren met Zyxbrecht over het pakket", [])
    assert result.entity_type == "PERSON"
    assert result.score == DutchNameRecognizer.CAPITALISED_SCORE


def test_name_does_not_cross_a_line_break() -> None:
    assert ("PERSON", "Piet") in found("Groet,\nPiet\nVisser")


def test_lookup_for_french_and_english_reports_people_and_listed_places() -> None:
    english = NameLookupRecognizer(LEXICONS, "en")
    assert found("They had 6: Hannah, Derek and Anna.", english) == [
        ("PERSON", "Hannah"),
        ("PERSON", "Derek"),
        ("PERSON", "Anna"),
    ]
    # a listed place backs the NER up (test_names_lookup_places.py: not inside another entity)
    assert found("I live in London", english) == [("LOCATION", "London")]
    assert found("i live in leeds", english) == [("LOCATION", "leeds")]
    french = NameLookupRecognizer(LEXICONS, "fr")
    assert found("Pouvez-vous rappeler Sophie Lambert ?", french) == [("PERSON", "Sophie Lambert")]
    # after a title, a lone capital is an initial, not the title "M." again
    assert found("la victime présumée, Mlle M., alors âgée de quinze ans", french) == [("PERSON", "Mlle M.")]
    # a greeting before a short title is no first name before an initial
    assert found("Dear Ms. Kunze, your appointment is confirmed", english) == [("PERSON", "Ms. Kunze")]


def test_a_closing_typed_wrong_is_no_surname_after_a_first_name() -> None:
    french = NameLookupRecognizer(LEXICONS, "fr")
    # "Meci": "merci" with a letter left out, after the first name a street is named after
    assert found("j'habite au 3A avenue de Valentin Meci", french) == [("PERSON", "Valentin")]
    assert found("Pouvez-vous rappeler Valentin Mercier ?", french) == [("PERSON", "Valentin Mercier")]


def test_a_lower_case_name_does_not_take_the_verb_after_it() -> None:
    english = NameLookupRecognizer(LEXICONS, "en")
    assert found("my colleague priya said", english) == []  # "Said" is a listed surname, here a verb
    assert found("my colleague priya patel", english) == [("PERSON", "priya patel")]


def test_build_per_language() -> None:
    settings = RecognizerSettings()
    assert {type(r).__name__ for r in build("nl", settings)} == {
        "ChatNamePatternRecognizer",
        "DutchNameRecognizer",
        "SignatureInitialsRecognizer",
        "SpelledNameRecognizer",
        "SurnameShapeRecognizer",
    }
    assert {type(r).__name__ for r in build("fr", settings)} == {
        "SpacyNerRecognizer",
        "NameLookupRecognizer",
        "ChatNamePatternRecognizer",
        "InitialAliasRecognizer",
        "SignatureInitialsRecognizer",
        "SpelledNameRecognizer",
        "SurnameShapeRecognizer",
    }
    assert build("de", settings) == []


def test_compound_ends_with_a_listed_word_only_in_dutch() -> None:
    """``has_suffix``: a listed word, or in Dutch a word ending with one after at least three letters."""
    dutch = DUTCH.lexicon
    street = sorted(dutch.street_words, key=len)[0]
    assert dutch.has_suffix(street, dutch.street_words)
    assert dutch.has_suffix("kerk" + street, dutch.street_words)  # "Kerklaan"
    assert not dutch.has_suffix("ab" + street, dutch.street_words)  # too short a stem
    assert not dutch.has_suffix("kerkgebouwtje", dutch.street_words)
    english = NameLookupRecognizer(LEXICONS, "en").lexicon
    assert not english.has_suffix("kerk" + street, dutch.street_words)  # English does not compound


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("materiële schade in de Noord-Duitse stad Stralsund", "Stralsund"),
        ("het lichaam werd nabij Pulborough teruggevonden", "Pulborough"),
        ("het dorpsplein van de deelgemeente Rooborst", "Rooborst"),
        # "staat" after a place's adjective: Georgia is a first name too
        ("een provinciaal nest in de Amerikaanse staat Georgia", "Georgia"),
        # an unknown capitalised word that is a town of the gazetteer
        ("een woordvoerder van de politie van Sussex zei", "Sussex"),
    ],
)
def test_a_name_after_a_place_word_is_a_place(text: str, place: str) -> None:
    assert ("LOCATION", place) in found(text)


def test_staat_is_also_a_verb() -> None:
    assert ("LOCATION", "Barrichello") not in found("Nu staat Barrichello dus op de eerste plaats.")
    assert ("PERSON", "Georgia") in found("Nu staat Georgia op de eerste plaats.")


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised word of the language inside a sentence (spacy-lookups-data's lemma tables)
        "Vijftig jaar na het einde van de Tweede Wereldoorlog",
        "voorzitter van de Commissie voor Monumenten en Landschappen",
        "Het duurde 124 Grote Prijzen vooraleer hij won",
        # "te" and a verb in lower case is an infinitive, not the place Landen or Melden
        "hoe lang duurt het om te landen",
        "De minister wist te melden dat het klaar is",
        # an article opening a sentence before a lower-case word: not De Groep or De Hoeve
        "De groep speelt op zaterdag.",
        "De hoeve maakt deel uit van het dorp.",
        # stressed with accents, "een" and "meer" are still words, not Een and Meer
        "Eén medewerker moest naar huis.",
        "Méér kan ik niet doen.",
    ],
)
def test_words_of_the_language_are_no_names_or_places(text: str) -> None:
    assert found(text) == []


def test_names_and_places_beside_words_of_the_language() -> None:
    # an unknown capitalised word that is no word of the language is still a person
    assert found("Het duurde lang voordat Zyxbrecht won") == [("PERSON", "Zyxbrecht")]
    # a listed first name that Wiktionary lists as a noun too is still a name
    assert found("Ik heb Kees gisteren gebeld") == [("PERSON", "Kees")]
    assert found("ik ben geboren te Leiden") == [("LOCATION", "Leiden")]
    assert found("ik woon in de meern") == [("LOCATION", "de meern")]
    assert found("Den Haag is mooi") == [("LOCATION", "Den Haag")]


def test_lemma_tables_give_word_forms_and_verbs() -> None:
    lexicon = DUTCH.lexicon
    assert lexicon.is_word_form("wereldoorlog")
    assert lexicon.is_word_form("landschappen")  # an inflected form
    assert not lexicon.is_word_form("zyxbrecht")
    assert "melden" in lexicon.verbs
    assert "landschappen" not in lexicon.verbs


def test_missing_lemma_tables_give_no_words_and_say_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(lexicons, "LEMMA_TABLES_PACKAGE", "piiflow_no_such_package")
    words = lexicons.lemma_table_words.__wrapped__("nl")
    assert len(words) == 0
    assert "install spacy-lookups-data" in caplog.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # first names the lists leave out for being Dutch words, before a listed surname
        ("hoi met Elke Cornelis", [("PERSON", "Elke Cornelis")]),
        ("ik heb Ernst de Vries gesproken", [("PERSON", "Ernst de Vries")]),
        ("de bestelling is voor Erna van der Linden", [("PERSON", "Erna van der Linden")]),
        ("Elke klant krijgt korting", []),  # the word
        ("tijdens de Zomer van Antwerpen", [("LOCATION", "Antwerpen")]),  # a city, no surname
        # first names that are demonyms too (a Norwegian, French, a Finn), before a surname
        ("Noor Jansen komt morgen langs", [("PERSON", "Noor Jansen")]),
        ("Frans Peeters heeft gisteren gebeld", [("PERSON", "Frans Peeters")]),
        ("Finn de Vries heeft een klacht", [("PERSON", "Finn de Vries")]),
        ("Ik spreek Frans en Engels", []),  # the language
        ("Noor wint de schaatsrace", []),  # the Norwegian, no surname
        ("de Noor Solberg won de race", [("PERSON", "Solberg")]),  # an article: the Norwegian
        # an address block has every word capitalised, but no function word: the name still counts
        ("Noor Peeters, 2000 Antwerpen", [("PERSON", "Noor Peeters"), ("LOCATION", "Antwerpen")]),
        ("Hoe Lang Duurt De Levering Voor Noor Peeters", [("PERSON", "Peeters")]),  # title case
        # a surname that is a word and a village too, after a known first name
        ("Zoë Berg heeft twee keer betaald", [("PERSON", "Zoë Berg")]),
        ("Tom Geel belde gisteren", [("PERSON", "Tom Geel")]),
        ("we gaan met Anna naar Berg", [("PERSON", "Anna"), ("LOCATION", "Berg")]),
        # a lower-case surname that is a village too (Rutten), after a known first name
        ("kunt u mij doorverbinden met amira rutten?", [("PERSON", "amira rutten")]),
    ],
)
def test_first_names_that_are_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het verkrijgt die positie door de overname van SHFi.", []),  # a brand's spelling
        ("We denken vooral aan TotalFina Elf.", []),
        ("Op een computer met ShareZilla krijg je spam", []),
        ("Gisteren belde Kelvraan over de levering", [("PERSON", "Kelvraan")]),  # an unknown capitalised word
        ("Gisteren belde McKelvraan over de levering", [("PERSON", "McKelvraan")]),  # a name prefix's capital
        ("Gisteren belde DeKelvra over de levering", [("PERSON", "DeKelvra")]),
    ],
)
def test_a_capital_inside_an_unknown_word_is_no_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_school_named_like_a_person_is_an_organisation() -> None:
    text = "mijn dochter zit op de basisschool De Regenboog in Veenendaal"
    assert ("ORGANIZATION", "De Regenboog") in found(text)
    assert ("PERSON", "De Regenboog") not in found(text)


def test_a_partnership_of_a_profession_is_an_organisation() -> None:
    text = "stuur het naar mijn werk: Van Dijk Accountants, Stationsweg 4"
    assert ("ORGANIZATION", "Van Dijk") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de besprekingen in Camp David zijn mislukt", [("LOCATION", "Camp David")]),
        ("Samen de Mont Blanc beklimmen", [("LOCATION", "Mont Blanc")]),
        ("het nationale park Caldera de Taburiente", [("LOCATION", "Caldera de Taburiente")]),
        ("mijn buurman Jan Camp belde", [("PERSON", "Jan Camp")]),  # a surname "Camp" stays one
    ],
)
def test_a_landmark_head_and_a_name_are_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_demonym_after_a_landmark_head_is_no_landmark() -> None:
    # "Sierra Leonese" names people of a country, not a mountain range
    assert not any(kind == "LOCATION" for kind, _ in found("andere Sierra Leonese oorlogsmisdadigers"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline: a world place opening the line, in no Dutch list
        ("Caracas / Brussel", [("LOCATION", "Caracas"), ("LOCATION", "Brussel")]),
        ("Harare", [("LOCATION", "Harare")]),
        # "de VS": the United States as Dutch abbreviates them; "vs" in lower case is "versus"
        ("in de ogen van de VS is dat te veel", [("LOCATION", "VS")]),
        ("ik vs jij", []),
    ],
)
def test_world_places_that_open_a_sentence_and_dutch_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_world_place_that_is_a_first_name_opening_a_sentence_stays_a_name() -> None:
    assert found("Georgia belde gisteren") == [("PERSON", "Georgia")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "je voudrais résilier mon abonnement Canal+ car je déménage"),  # a brand with its "+"
        ("fr", "Le modèle iPhone 15 Pro Max 256 Go est-il disponible ?"),  # a product line, not Max
        ("en", "Hey, is Sky Sports included in the package?"),  # a first name that is a word, then a word
    ],
)
def test_brands_and_products_named_like_people_are_no_names(language: str, text: str) -> None:
    assert not any(kind == "PERSON" for kind, _ in found(text, NameLookupRecognizer(LEXICONS, language)))


def test_a_persons_job_ending_like_a_firms_keeps_the_person() -> None:
    # "-verlener" names firms ("oliedienstverlener Schlumberger") and people ("schuldhulpverlener")
    assert found("mijn schuldhulpverlener Tim van de Wijngaard belt u") == [("PERSON", "Tim van de Wijngaard")]
    assert found("oliedienstverlener Schlumberger") == [("ORGANIZATION", "Schlumberger")]


def test_den_bosch_is_a_place() -> None:
    assert found("ik woon in Den Bosch") == [("LOCATION", "Den Bosch")]


def test_a_lower_case_word_after_a_weak_preposition_is_no_town() -> None:
    # "Bus" is a French commune; "de" before it is no place preposition of its own
    french = NameLookupRecognizer(LEXICONS, "fr")
    assert found("ma carte de bus est perdue", french) == []
    assert found("j'habite à lyon", french) == [("LOCATION", "lyon")]


def test_a_name_stops_where_a_code_starts() -> None:
    """ "FR" of "FR76 5921 ..." opens the IBAN: no surname of the person before it."""
    lookup = NameLookupRecognizer(LEXICONS, "fr")
    text = "c'est pour M. Pascal FR76 5921 6253 3136 5817 9483 314"
    assert [value for _, value in found(text, lookup)] == ["M. Pascal"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ik heb Mark Janssen gebeld", "Mark Janssen"),  # Mark is a listed place too
        ("Voormalig topzwemmer Mark Spitz, die in München won", "Mark Spitz"),
        ("bel Mark Van Dam even", "Mark Van Dam"),
    ],
)
def test_a_first_name_that_is_a_place_before_a_surname_is_a_person(text: str, name: str) -> None:
    """Read as the place, the first name went out under the place's policy (analytics keeps places)."""
    result = found(text)
    assert ("PERSON", name) in result
    assert ("LOCATION", "Mark") not in result


@pytest.mark.parametrize("text", ["ik ben naar Mark gereden", "ik woon in Mark Centrum"])
def test_the_place_a_first_name_is_stays_a_place(text: str) -> None:
    assert ("LOCATION", "Mark") in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname the allow list holds as a brand, after initials or a first name
        ("groet, J. Bosch", "J. Bosch"),
        ("groet, J.W. Bosch", "J.W. Bosch"),
        ("Jan Bosch belde", "Jan Bosch"),
        # "de" and a listed surname that is a village too, in a mail header
        ('Van: "de Vries, Jan" <jan@example.nl>', "de Vries"),
    ],
)
def test_listed_surnames_that_are_brands_or_villages(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("mijn Bosch wasmachine is kapot", ("PERSON", "Bosch")),  # the brand alone
        ("De nummer twee van de Ronde van Frankrijk", ("PERSON", "de Ronde")),  # a race
    ],
)
def test_brands_and_races_stay_what_they_are(text: str, absent: tuple[str, str]) -> None:
    assert absent not in found(text)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a form's surname in capitals, its interfix too; Bergen and Voorhout are towns
        ("Met vriendelijke groet, VAN BERGEN Tobias", "VAN BERGEN"),
        ("Mvg VAN VOORHOUT Noah", "VAN VOORHOUT"),  # unlisted, but a first name follows
        ("Hoi, dit is DE KEYSER Christelle", "DE KEYSER"),
    ],
)
def test_a_surname_in_capitals_with_its_interfix(text: str, surname: str) -> None:
    result = found(text)
    assert ("PERSON", surname) in result
    assert not any(kind == "LOCATION" for kind, _ in result)


def test_a_message_all_in_capitals_is_no_surname() -> None:
    assert found("DE KAT IS WEG") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dutch writes words in lower case: with its capital after a first name and an interfix,
        # a word of the language is the surname ("grote", "dorp"); Mark is a place too
        ("Mark de Grote hier.", [("PERSON", "Mark de Grote")]),
        ("Jan de Grote belt u terug", [("PERSON", "Jan de Grote")]),
        # not in lower case: "jan de grote" may be "Jan the tall one"
        ("jan de grote belt u terug", []),
    ],
)
def test_a_word_of_the_language_after_a_first_name_and_an_interfix(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_one_word_sign_off_is_no_surname() -> None:
    # French name grammar: "Nancy" (a town here) and "Cdt" (cordialement) are no first name and surname
    recognizer = NameLookupRecognizer(LEXICONS, "fr")
    found_here = found("je viens de déménager à Nancy Cdt David Cousin", recognizer)
    assert ("PERSON", "David Cousin") in found_here
    assert not any("Cdt" in value for _, value in found_here)
