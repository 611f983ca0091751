"""The chat allow-list (``config/lexicons/allow_list.yaml``) and the name recognizers end to end,
through the real detector (spaCy models, all recognizers, allow-list, overlap resolution).

Fictitious names only. These are the chat false-positive regressions: greetings, thanks, sign-offs,
sentence-initial words and product codes are never names, places or organisations.
"""

from __future__ import annotations

import pytest
import yaml

from processors.detection import Detector
from recognizers.settings import RecognizerSettings

NAME_TYPES = {"PERSON", "LOCATION", "ORGANIZATION"}
ALLOW_LIST = RecognizerSettings().lexicon_dir / "allow_list.yaml"


def names(detector: Detector, text: str, language: str) -> list[tuple[str, str]]:
    (entities,) = detector.detect([text], [language])
    return [(e.entity_type, text[e.start : e.end]) for e in entities if e.entity_type in NAME_TYPES]


def test_allow_list_format() -> None:
    data = yaml.safe_load(ALLOW_LIST.read_text(encoding="utf-8"))
    assert set(data) == {"fr", "nl", "en"}
    for words in data.values():
        assert all(isinstance(w, str) and w.strip() for w in words)
    for word in ("bonjour", "merci", "cordialement", "madame", "monsieur", "lundi"):
        assert word in data["fr"]
    for word in ("goedemorgen", "dank je wel", "meneer", "mevrouw", "groetjes"):
        assert word in data["nl"]
    for word in ("hi", "thanks", "regards", "sir", "monday"):
        assert word in data["en"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Bonjour"),
        ("fr", "Merci beaucoup"),
        ("fr", "Merci ! Votre demande a bien été enregistrée."),
        ("fr", "Cordialement"),
        ("fr", "Bonjour Madame, Monsieur"),
        ("fr", "Livraison pas reçue"),
        ("fr", "Pouvez-vous vérifier ma commande ?"),
        ("fr", "Mon XR-200 est cassé"),
        ("fr", "Le colis Colissimo est bloqué depuis lundi"),
        ("nl", "Dank je wel!"),
        ("nl", "Goedemorgen"),
        ("nl", "Hallo, is mijn pakket al verzonden?"),
        ("nl", "Met vriendelijke groet"),
        ("nl", "Geachte heer/mevrouw"),
        ("nl", "Bestelling XR-200 is kapot"),
        ("en", "Hi there"),
        ("en", "ok thanks"),
        ("en", "Thanks!"),
        ("en", "Kind regards"),
        ("en", "Dear Sir or Madam"),
        ("en", "Order XR-200 never arrived"),
        ("en", "The Evri driver never came"),
        ("nl", "Kan ik achteraf betalen met Klarna?"),
        ("nl", "Mijn Ziggo abonnement is zomaar duurder geworden"),
        ("fr", "Leroy Merlin me renvoie vers vous"),
        # the names of identifiers, which the models take for organisations
        ("en", "my Eircode is H91 E2K3"),
        ("en", "My VIN is on the registration"),
        ("nl", "Het VIN staat op het kentekenbewijs"),
        ("fr", "Tél. : +33 (0)4 76 12 34 56 – Courriel : jb.morel@free.fr"),  # a form's field names
        ("en", "I ordered the Rose Gold version"),  # a product colour
        ("fr", "mon adr mail c.durand@wanadoo.fr merci"),
        ("fr", "Je voudrais un Samsung Galaxy A54 coloris Lavande"),
    ],
)
def test_chat_false_positive_regressions(real_detector: Detector, language: str, text: str) -> None:
    assert names(real_detector, text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Bonjour, je m'appelle Marie Dupont, ma commande n'est pas arrivée.", ("PERSON", "Marie Dupont")),
        ("fr", "bonjour je m'appelle marie dupont", ("PERSON", "marie dupont")),
        ("fr", "Bonjour Marie, pouvez-vous me donner votre numéro ?", ("PERSON", "Marie")),
        ("nl", "Hoi, mijn naam is Jan de Vries.", ("PERSON", "Jan de Vries")),
        ("nl", "Goedendag, groetjes, Sophie Janssens", ("PERSON", "Sophie Janssens")),
        ("nl", "dhr. Jansen heeft gebeld", ("PERSON", "dhr. Jansen")),
        ("en", "Hi, I'm John Smith, my card was charged twice.", ("PERSON", "John Smith")),
        ("en", "my name is emma watson", ("PERSON", "emma watson")),
        ("en", "we just moved to Milton Keynes", ("LOCATION", "Milton Keynes")),
        ("fr", "J'ai parlé à Paul Leroy hier", ("PERSON", "Paul Leroy")),  # "leroy merlin" is listed, not "leroy"
    ],
)
def test_names_found_end_to_end(real_detector: Detector, language: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in names(real_detector, text, language)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my name is june", [("PERSON", "june")]),  # a month on the list, announced as a name
        ("fr", "bonjour je m'appelle avril", [("PERSON", "avril")]),
        ("en", "I ordered it in June", []),  # the list still keeps the month from being a name
        ("en", "hi, it's june here", []),  # a weaker cue does not override the list
    ],
)
def test_a_name_announced_outright_beats_the_allow_list(
    real_detector: Detector, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(real_detector, text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a month or holiday that is a first name, greeted or signing before a comma or at the end
        ("en", "Thanks June, I'm looking at your order now", [("PERSON", "June")]),
        ("fr", "je peux être rappelé au 06 11 32 07 85\nmerci, noël", [("PERSON", "noël")]),
        ("fr", "Joyeux Noël !", []),
        ("en", "Thanks June deliveries are late", []),  # no comma after it: a month
        # after "I'm", then where the writer works: "from ..."
        ("en", "Hi, I am June from customer support, let me check", [("PERSON", "June")]),
        ("en", "it is june from what i see", []),
        ("nl", "Hoi hoi, mijn pakket is kapot", []),  # a greeting is never the name after a greeting
        ("nl", "Hallo, Prima, dan wacht ik nog even", []),  # nor a chat word
        ("en", "my partner June called yesterday", [("PERSON", "June")]),  # capitalised after a relative
        ("en", "my husband may call you", []),  # in lower case a word as often
        ("en", "Hello,\non behalf of Mrs Griffin\nBest, Laura", [("PERSON", "Mrs Griffin"), ("PERSON", "Laura")]),
    ],
)
def test_a_first_name_on_the_allow_list_where_its_place_says_it_is_a_name(
    real_detector: Detector, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(real_detector, text, language) == expected


def test_a_relatives_name_is_no_special_category(real_detector: Detector) -> None:
    (entities,) = real_detector.detect(["my partner Christian called yesterday"], ["en"])
    assert [(e.entity_type, e.start, e.end) for e in entities] == [("PERSON", 11, 20)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Can you deliver on Christmas Eve?", "en"),  # "Eve" with the word before it is listed
        ("Geldt de Black Friday korting nog?", "nl"),  # "Black" with the word after it is listed
        ("la promo Black Friday est finie ?", "fr"),
        ("Ik heb de Philips Airfryer XXL besteld", "nl"),  # "de" taken as a surname's particle
        ("Mijn Fairphone 5 laadt niet op", "nl"),
        ("The Ninja Foodi lid is broken", "en"),
        ("I ordered the Nike Air Max in size 9 but got a 10", "en"),
        ("de Jumbo heeft geen Douwe Egberts meer", "nl"),
        ("Goedemorgen, Hoe Lang Duurt De Levering?", "nl"),  # title case: a capital says nothing
    ],
)
def test_brands_holidays_and_title_case_are_no_names(real_detector: Detector, text: str, language: str) -> None:
    assert [t for t in names(real_detector, text, language) if t[0] == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mon NN est 850730 033 28", "fr"),  # "NN": numéro national, not a place
        ("RRN 85.07.30-033.28", "nl"),
    ],
)
def test_the_name_of_an_identifier_is_no_place(real_detector: Detector, text: str, language: str) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [e.entity_type for e in entities] == ["BE_NATIONAL_NUMBER"]


def test_a_listed_phrase_ending_in_the_word_needs_the_word_before_it() -> None:
    from processors.detection import allow_listed

    allow = frozenset({"christmas eve"})
    text = "on Christmas Eve, and Eve called"
    assert allow_listed(text, text.index("Eve"), text.index("Eve") + 3, allow)
    assert not allow_listed(text, text.rindex("Eve"), text.rindex("Eve") + 3, allow)


def test_a_listed_phrase_opening_with_the_word_needs_the_word_after_it() -> None:
    from processors.detection import allow_listed

    allow = frozenset({"black friday"})
    text = "Black Friday deals, said Jack Black Thursday"
    assert allow_listed(text, 0, 5, allow)
    assert not allow_listed(text, text.rindex("Black"), text.rindex("Black") + 5, allow)
    glued = "Black-Friday"  # the phrase needs its space
    assert not allow_listed(glued, 0, 5, allow)


def test_a_listed_word_after_a_lower_case_article_is_still_listed() -> None:
    from processors.detection import allow_listed

    allow = frozenset({"philips"})
    text = "de Philips doet het niet, De Philips ook niet"
    assert allow_listed(text, 0, 10, allow)
    capitalised = text.index("De Philips")
    assert not allow_listed(text, capitalised, capitalised + 10, allow)  # a surname opening with "De"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("does the Netflix Premium plan include 4K?", "en"),  # a brand's product line
        ("est-ce que le Nespresso Vertuo est compatible ?", "fr"),
        ("mon Decathlon Rockrider a un pneu crevé", "fr"),  # a product after its brand
        ("de Ikea Billy kast mist schroeven", "nl"),
        ("Vous avez encore le Samsung Galaxy S21 en stock ?", "fr"),
    ],
)
def test_products_after_a_brand_are_no_names(real_detector: Detector, text: str, language: str) -> None:
    assert names(real_detector, text, language) == []


def test_a_greeting_that_is_listed_still_greets_a_name(real_detector: Detector) -> None:
    # sentence-initial, the listed word may be a greeting or a closing: the name stays
    assert ("PERSON", "Piet") in names(real_detector, "Daag Piet, tot morgen", "nl")


def test_brand_words_are_no_chat_words() -> None:
    from recognizers.names.lexicons import load_lexicon

    for language, word in [("en", "ikea"), ("fr", "decathlon"), ("nl", "coolblue")]:
        assert word in load_lexicon(RecognizerSettings().lexicon_dir, language).brand_words
    for language, word in [("en", "ta"), ("en", "christmas"), ("en", "cool"), ("fr", "merci"), ("nl", "hoi")]:
        assert word not in load_lexicon(RecognizerSettings().lexicon_dir, language).brand_words
