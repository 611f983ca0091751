"""GDPR art. 9 special categories (``SpecialCategoryRecognizer``) per language and category, from the
curated lists in ``config/lexicons/special_categories_<lang>.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from recognizers.entities import SPECIAL_CATEGORIES
from recognizers.settings import RecognizerSettings
from recognizers.special import build
from recognizers.special.special_category import SpecialCategoryRecognizer

LEXICONS = RecognizerSettings().lexicon_dir
RECOGNIZERS = {lang: SpecialCategoryRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}
THRESHOLD = 0.5


def found(language: str, text: str) -> list[tuple[str, str]]:
    results = RECOGNIZERS[language].analyze(text, [])
    return [(r.entity_type, text[r.start : r.end]) for r in results if r.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("language", "text", "entity", "value"),
    [
        ("fr", "Je suis diabétique, il me faut une livraison rapide.", "SPECIAL_HEALTH", "diabétique"),
        ("fr", "je suis en arrêt maladie depuis lundi", "SPECIAL_HEALTH", "arrêt maladie"),
        ("fr", "DIABETIQUES", "SPECIAL_HEALTH", "DIABETIQUES"),
        ("fr", "je fais le ramadan cette année", "SPECIAL_RELIGION", "ramadan"),
        ("fr", "je suis musulmane", "SPECIAL_RELIGION", "musulmane"),
        ("fr", "il étudie l'islam", "SPECIAL_RELIGION", "islam"),
        ("fr", "le parti communiste m'a écrit", "SPECIAL_POLITICS", "parti communiste"),
        ("fr", "mon mari est d'origine marocaine", "SPECIAL_ETHNICITY", "d'origine marocaine"),
        ("fr", "je suis lesbienne", "SPECIAL_SEXUALITY", "lesbienne"),
        ("fr", "je suis syndiqué", "SPECIAL_TRADE_UNION", "syndiqué"),
        ("fr", "la CGT appelle à la grève", "SPECIAL_TRADE_UNION", "CGT"),
        (
            "fr",
            "le déverrouillage par empreinte digitale ne marche plus",
            "SPECIAL_GENETIC_BIOMETRIC",
            "empreinte digitale",
        ),
        ("nl", "Ik ben zwanger en kan niet tillen", "SPECIAL_HEALTH", "zwanger"),
        ("nl", "ik heb chemo gehad", "SPECIAL_HEALTH", "chemo"),
        ("nl", "Ik ben moslim", "SPECIAL_RELIGION", "moslim"),
        ("nl", "ik ben lid van de PVV", "SPECIAL_POLITICS", "PVV"),
        ("nl", "ik ben van Marokkaanse afkomst", "SPECIAL_ETHNICITY", "Marokkaanse afkomst"),
        ("nl", "ik ben homo", "SPECIAL_SEXUALITY", "homo"),
        ("nl", "ik ben lid van de FNV", "SPECIAL_TRADE_UNION", "FNV"),
        ("nl", "Mijn DNA-test is binnen", "SPECIAL_GENETIC_BIOMETRIC", "DNA-test"),
        ("en", "I have diabetes and need it fast", "SPECIAL_HEALTH", "diabetes"),
        ("en", "I'm on sick leave", "SPECIAL_HEALTH", "sick leave"),
        ("en", "I can't eat it, I'm Jewish", "SPECIAL_RELIGION", "Jewish"),
        ("en", "I voted for the Green Party", "SPECIAL_POLITICS", "Green Party"),
        ("en", "because of my ethnicity", "SPECIAL_ETHNICITY", "ethnicity"),
        ("en", "I'm bisexual", "SPECIAL_SEXUALITY", "bisexual"),
        ("en", "we're a same-sex couple", "SPECIAL_SEXUALITY", "same-sex couple"),
        ("en", "I get disability living allowance", "SPECIAL_HEALTH", "disability living allowance"),
        ("en", "I am on PIP since my accident", "SPECIAL_HEALTH", "on PIP"),
        ("fr", "nous sommes un couple de même sexe", "SPECIAL_SEXUALITY", "de même sexe"),
        ("nl", "wij zijn een homostel", "SPECIAL_SEXUALITY", "homostel"),
        ("en", "I'm a member of the trade union", "SPECIAL_TRADE_UNION", "trade union"),
        ("en", "my Face ID is broken", "SPECIAL_GENETIC_BIOMETRIC", "Face ID"),
        # GDPR art. 10, criminal convictions and offences
        ("en", "I have a criminal record so the check failed", "SPECIAL_CRIMINAL", "criminal record"),
        ("en", "my son is in prison and can't sign", "SPECIAL_CRIMINAL", "in prison"),
        ("en", "the judge gave him a suspended sentence", "SPECIAL_CRIMINAL", "suspended sentence"),
        ("fr", "j'ai un casier judiciaire", "SPECIAL_CRIMINAL", "casier judiciaire"),
        ("fr", "j'ai été placé en garde à vue", "SPECIAL_CRIMINAL", "garde à vue"),
        ("fr", "j'ai été condamné en 2019 et je sors de prison", "SPECIAL_CRIMINAL", "sors de prison"),
        ("fr", "il a fait de la prison pour vol", "SPECIAL_CRIMINAL", "fait de la prison"),
        ("fr", "j'ai été condamné en 2019 et depuis pas de crédit", "SPECIAL_CRIMINAL", "ai été condamné"),
        ("nl", "ik ben veroordeeld en krijg geen lening", "SPECIAL_CRIMINAL", "ben veroordeeld"),
        # prescription medicines name a condition or its treatment
        ("en", "I take metformin twice a day", "SPECIAL_HEALTH", "metformin"),
        ("fr", "je suis sous sertraline depuis un an", "SPECIAL_HEALTH", "sertraline"),
        ("nl", "ik slik metoprolol", "SPECIAL_HEALTH", "metoprolol"),
        ("nl", "ik ben hiv-positief", "SPECIAL_HEALTH", "hiv-positief"),
        ("en", "I'm a Unite member and I'll raise this", "SPECIAL_TRADE_UNION", "Unite member"),
        ("nl", "ik heb een strafblad", "SPECIAL_CRIMINAL", "strafblad"),
        ("nl", "ik kom net uit de gevangenis en heb geen inkomen", "SPECIAL_CRIMINAL", "uit de gevangenis"),
        ("nl", "hij heeft twee jaar vastgezeten", "SPECIAL_CRIMINAL", "vastgezeten"),
        ("nl", "mijn VOG werd geweigerd", "SPECIAL_CRIMINAL", "VOG werd geweigerd"),
        ("nl", "de straf van de rechter was 3 maanden", "SPECIAL_CRIMINAL", "straf"),  # ambiguous, context
        # a party's name next to an elected office
        ("en", "as a Labour councillor I need the invoice", "SPECIAL_POLITICS", "Labour"),
        ("fr", "je suis conseillère municipale RN", "SPECIAL_POLITICS", "RN"),
        ("nl", "ik ben raadslid voor de SP", "SPECIAL_POLITICS", "SP"),
        # common conditions and care a customer gives as a reason (delays, cancellations, payments)
        ("nl", "mijn vrouw ligt in het ziekenhuis met een hernia", "SPECIAL_HEALTH", "ligt in het ziekenhuis"),
        ("nl", "mijn vrouw ligt in het ziekenhuis met een hernia", "SPECIAL_HEALTH", "hernia"),
        ("nl", "ik had griep dus kon niet betalen", "SPECIAL_HEALTH", "griep"),
        ("nl", "hij heeft een hersenschudding opgelopen", "SPECIAL_HEALTH", "hersenschudding"),
        ("fr", "je me suis fait une fracture du poignet, le médecin m'a plâtré", "SPECIAL_HEALTH", "fracture"),
        ("fr", "j'ai une hernie discale, je ne peux pas porter le colis", "SPECIAL_HEALTH", "hernie discale"),
        ("fr", "mon père est aux urgences depuis hier", "SPECIAL_HEALTH", "aux urgences"),
        ("fr", "ma tension est trop haute selon mon médecin", "SPECIAL_HEALTH", "tension"),
        ("en", "I had the flu last week so I couldn't pay", "SPECIAL_HEALTH", "flu"),
        ("en", "I'm on antibiotics for a chest infection", "SPECIAL_HEALTH", "antibiotics"),
        ("en", "my son has dyslexia so please call instead", "SPECIAL_HEALTH", "dyslexia"),
        ("en", "I have anxiety and the doctor said to avoid stress", "SPECIAL_HEALTH", "anxiety"),
        ("en", "I suffer from anxiety", "SPECIAL_HEALTH", "anxiety"),  # "suffer from": a health word near it
        # benefits, statuses and permits given for an illness or a disability
        ("fr", "je reprends en mi-temps thérapeutique", "SPECIAL_HEALTH", "mi-temps thérapeutique"),
        ("fr", "je suis en affection longue durée", "SPECIAL_HEALTH", "affection longue durée"),
        ("nl", "ik heb een Wajong-uitkering", "SPECIAL_HEALTH", "Wajong-uitkering"),
        ("nl", "ik zit in de ziektewet", "SPECIAL_HEALTH", "in de ziektewet"),
        ("nl", "ik heb een PGB voor mijn zoon", "SPECIAL_HEALTH", "PGB"),
        ("en", "I have a blue badge for my car", "SPECIAL_HEALTH", "blue badge"),
        ("en", "I receive carer's allowance for my son", "SPECIAL_HEALTH", "carer's allowance"),
        ("nl", "ik lijd aan angst", "SPECIAL_HEALTH", "angst"),
        ("en", "my wife has MS and cannot use the stairs", "SPECIAL_HEALTH", "has MS"),
        ("nl", "mijn vrouw heeft MS", "SPECIAL_HEALTH", "heeft MS"),
        ("en", "I voted Reform last time", "SPECIAL_POLITICS", "Reform"),
        # a vote told by the candidate's name, or the side of the EU referendum
        ("fr", "j'ai voté Mélenchon", "SPECIAL_POLITICS", "Mélenchon"),
        ("nl", "ik heb op Wilders gestemd", "SPECIAL_POLITICS", "Wilders"),
        ("en", "I voted leave", "SPECIAL_POLITICS", "voted leave"),
        # diseases named after people (spaCy reads them as persons), and a diagnosis said of oneself
        ("en", "my son has Charcot-Marie-Tooth", "SPECIAL_HEALTH", "Charcot-Marie-Tooth"),
        ("fr", "j'ai un syndrome de Guillain-Barré", "SPECIAL_HEALTH", "Guillain-Barré"),
        ("nl", "ik heb de ziekte van Bechterew", "SPECIAL_HEALTH", "ziekte van Bechterew"),
        ("en", "I was diagnosed last year", "SPECIAL_HEALTH", "I was diagnosed"),
        ("en", "our daughter Chloe is ill so I can't come in", "SPECIAL_HEALTH", "is ill"),
        ("en", "my father is terminally ill", "SPECIAL_HEALTH", "terminally ill"),
        ("en", "I am a Christian from birth", "SPECIAL_RELIGION", "Christian"),  # no writer's name after "a"
        ("en", "i'm christian from birth", "SPECIAL_RELIGION", "christian"),  # lower case: "from" is no closer
        ("en", "thanks, christian values matter to us", "SPECIAL_RELIGION", "christian"),  # no surname after it
        ("fr", "j'ai été diagnostiquée en mars", "SPECIAL_HEALTH", "j'ai été diagnostiquée"),
        ("en", "I'm a carer for my brother who has cerebral palsy", "SPECIAL_HEALTH", "cerebral palsy"),
        ("fr", "mon fils est trisomique", "SPECIAL_HEALTH", "trisomique"),
        ("nl", "mijn dochter heeft het syndroom van Down", "SPECIAL_HEALTH", "syndroom van Down"),
        # the feminine past participle meets the listed masculine one ("hospitalisé")
        ("fr", "j'ai été hospitalisée en urgence", "SPECIAL_HEALTH", "hospitalisée"),
        ("fr", "elles ont été opérées hier", "SPECIAL_HEALTH", "opérées"),
        ("fr", "j'ai été suivie en psychiatrie", "SPECIAL_HEALTH", "psychiatrie"),
        # sight and hearing loss, as people say it of themselves
        ("en", "I'm registered blind so please call instead", "SPECIAL_HEALTH", "registered blind"),
        ("en", "my dad is partially sighted", "SPECIAL_HEALTH", "partially sighted"),
        ("fr", "je suis non-voyant, merci d'appeler", "SPECIAL_HEALTH", "non-voyant"),
        ("fr", "j'ai une perte auditive", "SPECIAL_HEALTH", "perte auditive"),
        ("nl", "ik ben visueel beperkt", "SPECIAL_HEALTH", "visueel beperkt"),
        ("nl", "mijn moeder heeft gehoorverlies", "SPECIAL_HEALTH", "gehoorverlies"),
        # a person described by their ethnic origin
        ("en", "as a black woman I felt profiled by your staff", "SPECIAL_ETHNICITY", "black woman"),
        ("fr", "en tant que femme noire je me suis sentie visée", "SPECIAL_ETHNICITY", "femme noire"),
        ("nl", "als zwarte vrouw voelde ik me gediscrimineerd", "SPECIAL_ETHNICITY", "zwarte vrouw"),
    ],
)
def test_terms_per_language_and_category(language: str, text: str, entity: str, value: str) -> None:
    assert (entity, value) in found(language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Bonjour, ma commande n'est pas arrivée"),
        ("fr", "Mon enceinte bluetooth ne marche plus"),  # a speaker, not a pregnancy
        ("fr", "Deux fois par jour je vérifie le suivi"),
        ("fr", "PS: merci pour votre aide"),
        ("fr", "Je vous prie d'agréer mes salutations"),
        ("nl", "het ging mis met de levering"),
        ("nl", "ik denk dat het pakket kwijt is"),
        ("nl", "Dank je wel!"),
        ("nl", "Is de staking van PostNL voorbij?"),  # no union context word near "staking"
        ("en", "I'm sick of waiting"),
        ("en", "where is my order?"),
        ("en", "The financial aid form"),
        ("en", "Thanks, great service"),
        ("en", "my postcode is N8D 0GP"),  # "GP" glued to a digit: part of a code
        ("en", "I live at 4 Stewart Station. Thanks, Christian"),  # the person signing
        ("en", "Hi Christian, your order has shipped"),
        ("en", "I was charged twice for the order"),  # billed, not prosecuted
        ("en", "card 4730 was charged twice and I'm 91 years old"),  # "years old": an age, no sentence
        ("en", "I'm on probation at work until March"),  # a trial period
        ("en", "the sentence in your email is confusing"),
        ("fr", "c'est un crime de faire payer ça"),  # a figure of speech
        ("nl", "ik moet een VOG aanvragen voor mijn nieuwe baan"),  # a routine certificate
        # ambiguous health words in their everyday senses, with no health word near them
        ("fr", "il y a une fracture numérique dans ce quartier"),
        ("fr", "il y avait de la tension dans la réunion"),
        ("fr", "je travaille à l'hôpital de Nantes"),
        ("nl", "ik heb een recept voor appeltaart gevonden"),
        ("nl", "de overgang naar het nieuwe systeem was lastig"),
        ("nl", "ik werk in het ziekenhuis als schoonmaker"),
        ("en", "the fracture in our relationship with your company is permanent"),
        ("en", "Has Ms Jones called?"),  # the civility of a name, not "has MS"
        ("en", "the reform of the tariff is unfair"),
        ("en", "same sex as before please"),  # a product option, no couple
        ("en", "the pip in the fruit"),
        ("fr", "bonne journée et bonne année"),  # "-ée" endings are stripped, no term comes of it
        ("fr", "la livraison est arrivée hier"),
        ("fr", "la porte de service a été condamnée"),  # sealed, no one convicted
        ("en", "let's unite against these prices"),  # the verb, not the union
        ("nl", "is de puffer jas ook in maat M?"),  # a jacket, not an inhaler
        ("nl", "ik lijd onder de behandeling door jullie klantenservice"),  # "lijden aan" only
        ("en", "we suffered a loss and the operation was cancelled"),  # "suffer from" only
        ("fr", "Macron a parlé hier"),  # a politician's name without a vote word
        ("fr", "j'ai voté par correspondance"),  # voting, no opinion
        ("en", "Trump Tower is tall"),
        ("en", "the fault was diagnosed with our tool"),  # a repair, no one's health
        ("en", "the change is ill-advised"),  # a hyphen makes another word
        ("en", "I'm Christian from support, how can I help?"),  # the writer's first name
        ("en", "hi christian, I'm Lynne from customer support"),  # greeted, in lower case
        ("en", "cheers, christian price"),  # signed in lower case, a surname ending the line
        ("en", "Have a great day Christian!"),  # after a sign-off of several words
        ("en", "my name is christian"),  # announced outright, in any case
        ("fr", "je m'appelle Christian Dupont"),
        ("en", "hey, a parcel is missing\nit's christian here"),  # in lower case, before "here"
        ("en", "Christian here, I'll look into it"),
        ("en", "this is Iris speaking"),
        ("fr", "la panne a été diagnostiquée"),
        ("nl", "het defect is gediagnosticeerd"),
    ],
)
def test_no_special_category_in_neutral_chat(language: str, text: str) -> None:
    assert found(language, text) == []


def test_ambiguous_term_needs_context() -> None:
    assert found("fr", "Elle arrive enceinte de 5 mois, le colis est lourd") == [("SPECIAL_HEALTH", "enceinte")]
    assert found("en", "he was charged and got 3 years") == [("SPECIAL_CRIMINAL", "charged")]
    (result,) = RECOGNIZERS["fr"].analyze("elle arrive enceinte de 5 mois", [])
    assert 0.6 <= result.score < RECOGNIZERS["fr"].analyze("je suis diabétique", [])[0].score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je suis enceinte", "suis enceinte"),
        ("Je m'appelle Élise, j'ai 34 ans et je suis enceinte", "suis enceinte"),
        ("ma femme est enceinte, livrez vite svp", "est enceinte"),
        ("Je suis enceinte de 5 mois, le colis est lourd", "suis enceinte"),
    ],
)
def test_an_ambiguous_term_said_of_a_person_needs_no_other_context(text: str, expected: str) -> None:
    """The word "enceinte" alone may be a speaker; "je suis enceinte" is a pregnancy (a term of its own)."""
    assert found("fr", text) == [("SPECIAL_HEALTH", expected)]


def test_unambiguous_score() -> None:
    (result,) = RECOGNIZERS["nl"].analyze("ik heb kanker", [])
    assert result.score >= 0.6


def test_requested_entities_filter() -> None:
    assert RECOGNIZERS["en"].analyze("I have diabetes", ["SPECIAL_RELIGION"]) == []


def test_lexicon_files_are_valid() -> None:
    for language in ("fr", "nl", "en"):
        data = yaml.safe_load((LEXICONS / f"special_categories_{language}.yaml").read_text(encoding="utf-8"))
        assert {f"SPECIAL_{key.upper()}" for key in data} == SPECIAL_CATEGORIES
        for section in data.values():
            assert section["terms"]
            assert set(section) <= {"terms", "ambiguous", "context", "score", "context_score"}


def test_a_dpo_extends_the_list(tmp_path: Path) -> None:
    (tmp_path / "special_categories_en.yaml").write_text("health:\n  terms: [frobnitis]\n", encoding="utf-8")
    recognizer = SpecialCategoryRecognizer("en", tmp_path)
    text = "I suffer from Frobnitis"
    assert [(r.entity_type, text[r.start : r.end]) for r in recognizer.analyze(text, [])] == [
        ("SPECIAL_HEALTH", "Frobnitis")
    ]


def test_unknown_category_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "special_categories_en.yaml").write_text("hobbies:\n  terms: [golf]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="hobbies"):
        SpecialCategoryRecognizer("en", tmp_path)


def test_build() -> None:
    assert [type(r).__name__ for r in build("nl", RecognizerSettings())] == [
        "SpecialCategoryRecognizer",
        "EthnicOriginRecognizer",
    ]
    assert build("de", RecognizerSettings()) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I'm blind so I can't read the letter", ("SPECIAL_HEALTH", "I'm blind")),
        ("en", "I am ill and can't come to the shop", ("SPECIAL_HEALTH", "I am ill")),
        ("en", "I'm bi", ("SPECIAL_SEXUALITY", "I'm bi")),
        ("nl", "ik ben bi", ("SPECIAL_SEXUALITY", "ben bi")),
        ("fr", "je suis noir et on m'a refusé l'entrée", ("SPECIAL_ETHNICITY", "je suis noir")),
        ("en", "I'm black and the guard followed me around the store", ("SPECIAL_ETHNICITY", "I'm black")),
        ("nl", "ik ben zwart en werd niet binnengelaten", ("SPECIAL_ETHNICITY", "ik ben zwart")),
    ],
)
def test_ambiguous_words_said_of_oneself(language: str, text: str, expected: tuple[str, str]) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the blinds are broken"),
        ("en", "I am ill-informed about this"),
        ("en", "I am bi-weekly subscribed"),
        ("en", "I'm sick of waiting"),
        ("nl", "ik ben bij de buren"),
        # a colour, with only the single words of a context phrase near it ("je", "que" of "parce que je suis")
        ("fr", "Je voudrais le modèle noir en taille M."),
        ("fr", "Est-ce que le canapé existe en blanc ?"),
        ("fr", "Est-ce que la promo Black Friday s'applique aux produits Apple ?"),
    ],
)
def test_the_same_words_in_other_senses(language: str, text: str) -> None:
    assert found(language, text) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Très bien Mme Chrétien, c'est noté"), ("fr", "M. Chrétien est venu"), ("en", "Mr. Christian called"),
     ("nl", "meneer Moslim belde"),
     # both in lower case, as chat types names
     ("fr", "salut! au nom de mme gay"), ("en", "for mr christian please")],
)  # fmt: skip
def test_a_capitalised_term_after_a_civility_is_a_surname(language: str, text: str) -> None:
    assert found(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "Je suis Chrétien", "Chrétien"),
        ("en", "I am a Christian", "Christian"),
        ("nl", "ik ben moslim", "moslim"),
        ("fr", "Madame, je suis gay", "gay"),  # a comma after the civility: the person addressed
    ],
)
def test_the_same_terms_elsewhere_are_still_reported(language: str, text: str, value: str) -> None:
    assert [v for _, v in found(language, text)] == [value]


def test_a_context_phrase_counts_whole() -> None:
    """ "en tant que" lifts the ambiguous "noire"; its words apart ("que", "en") do not."""
    assert found("fr", "en tant que noire je me sens mal") == [("SPECIAL_ETHNICITY", "noire")]
    assert found("fr", "que je suis en tant noire") == []


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("nl", "patiënt meldt suïcidale gedachten", "suïcidale"),  # the inflected adjective
        ("fr", "il a fait une tentative de suicide l'an dernier", "tentative de suicide"),
        ("en", "she had a psychotic episode last year", "psychotic"),
    ],
)
def test_suicide_and_psychosis_are_health(language: str, text: str, value: str) -> None:
    assert found(language, text) == [("SPECIAL_HEALTH", value)]
