"""CredentialRecognizer: passwords, PINs, codes and user names typed into a chat (fictitious)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ALL_ENTITIES, CREDENTIAL, EVAL_LABEL
from recognizers.generic.credential import CredentialRecognizer

RECOGNIZERS = {lang: CredentialRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, [CREDENTIAL])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my password is Hunter2!x", ["Hunter2!x"]),
        # a card's security code named by its place
        ("en", "security code on the back is 123", ["123"]),
        ("en", "the 3-digit number on the back: 456", ["456"]),
        ("fr", "le code à 3 chiffres au dos : 123", ["123"]),
        ("fr", "code secret de ma carte 4821", ["4821"]),
        ("nl", "de 3 cijfers op de achterkant zijn 123", ["123"]),
        ("en", "username: jdoe_88, password: S3cret!", ["jdoe_88", "S3cret!"]),  # the comma ends the name
        ("fr", "mon pseudo c'est darkvador75", ["darkvador75"]),
        ("en", "my gamertag is xXSniperXx99", ["xXSniperXx99"]),
        ("en", "the pin is 4821.", ["4821"]),
        ("en", "my login is jane.doe", ["jane.doe"]),
        ("fr", "mon mot de passe est azerty123", ["azerty123"]),
        ("fr", "code pin 1234", ["1234"]),
        ("nl", "mijn wachtwoord is Zomer2024!", ["Zomer2024!"]),
        ("en", "login: jsmith84, pw hunter2", ["jsmith84", "hunter2"]),  # "pw", "ww": as chat shortens them
        ("nl", "gebruikersnaam jan123 ww geheim99", ["jan123", "geheim99"]),
        ("nl", "gebruikersnaam jan.devries88", ["jan.devries88"]),
        ("nl", "de verificatiecode is 583920", ["583920"]),
        # a door's code: physical access to the customer's home
        ("fr", "code d'accès de l'immeuble: 4521B", ["4521B"]),
        ("fr", "le digicode est 1984A, 2e étage", ["1984A"]),
        ("nl", "de deurcode is 4821", ["4821"]),
        ("nl", "code van de sleutelkluis: 0707", ["0707"]),
        ("en", "the door code is 4521#", ["4521#"]),
        ("en", "key safe code 1234 by the back door", ["1234"]),
        # a user name may be letters only, when it is no word of the language
        ("en", "username: sarahjones", ["sarahjones"]),
        ("fr", "mon identifiant est mdupont", ["mdupont"]),
        ("nl", "mijn gebruikersnaam is jdevries", ["jdevries"]),
        # a security question's answer, a word more often than not
        ("en", "security answer: fluffy", ["fluffy"]),
        ("en", "first pet's name was Biscuit", ["Biscuit"]),
        ("en", "my memorable word is sunshine", ["sunshine"]),
        ("fr", "le nom de mon premier animal : Pompon", ["Pompon"]),
        ("nl", "geheim antwoord: Bello", ["Bello"]),
        # a card's security code
        ("fr", "exp 09/27, cvv 123", ["123"]),
        ("nl", "de cvc is 123", ["123"]),
    ],
)
def test_a_credential_after_its_name(language: str, text: str, expected: list[str]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my password is not working"),  # a word: a remark, not a password
        ("fr", "le code à 3 chiffres ne marche pas"),
        ("fr", "mon pseudo est nul"),
        ("en", "my gamertag is stupid"),
        ("en", "I forgot my password, can you reset it?"),
        ("fr", "mon mot de passe est incorrect"),
        ("nl", "Hoe kan ik mijn wachtwoord wijzigen?"),  # sentence punctuation is no symbol
        ("en", "pin 3 is bent"),  # too short
        ("nl", "ik heb met mijn pin betaald"),
        ("fr", "code pin bloqué après 3 essais"),
        ("en", "the door code doesn't work"),
        ("fr", "le digicode ne marche plus"),
        # an apostrophe is no symbol: a contraction or an elision is a remark
        ("en", "my password doesn't work"),
        ("en", "my login doesn't work"),
        ("fr", "mon mot de passe n'est pas accepté"),
        # a word of the language after a user name's name is a remark too
        ("en", "my username is wrong"),
        ("nl", "mijn gebruikersnaam is onjuist"),
        ("fr", "mon identifiant est bloqué"),
        # a remark about the answer, or the question
        ("en", "my memorable word is wrong"),
        ("nl", "mijn geheim woord is vergeten"),
        ("en", "what's your memorable word?"),
        ("fr", "j'ai investi en crypto 2000 euros"),  # a currency, not the card's code
    ],
)
def test_no_credential(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert CREDENTIAL in ALL_ENTITIES and CREDENTIAL not in EVAL_LABEL


def test_training_surrogates_are_other_passwords() -> None:
    fake = surrogate(CREDENTIAL, "en", b"\x03" * 32)
    assert fake is not None and len(fake) == 12
    assert fake == surrogate(CREDENTIAL, "en", b"\x03" * 32)


def test_the_detector_reports_it_instead_of_a_name_inside_it(real_detector: Detector) -> None:
    text = "Hi, my password is Hunter2!x and it stopped working"
    (entities,) = real_detector.detect([text], ["en"])
    spans = [(e.entity_type, text[e.start : e.end]) for e in entities]
    assert ("CREDENTIAL", "Hunter2!x") in spans
    assert not any(t == "PERSON" for t, _ in spans)
