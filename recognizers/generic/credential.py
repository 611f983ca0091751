"""Passwords, PINs, one-time codes and user names typed into a chat, after their name."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name
from recognizers.entities import CREDENTIAL
from recognizers.generic.gated import GatedRecognizer

# The credential's name, as people type it.
_NAMES: dict[str, str] = {
    "fr": (
        r"(?:mot de passe|mdp|code (?:pin|secret|confidentiel|d['’]acc[eè]s|de v[ée]rification|de s[ée]curit[ée])"
        r"|pin|identifiant(?: de connexion)?|nom d['’]utilisateur|login|cryptogramme)"
    ),
    "nl": (
        r"(?:wachtwoord|pincode|pin ?code|pin|gebruikersnaam|inlognaam|inlogcode|login|verificatiecode"
        r"|beveiligingscode|toegangscode|sms-code)"
    ),
    "en": (
        r"(?:password|passwd|pwd|passcode|pass code|pin(?: code| number)?|user ?name|user ?id|login"
        r"|memorable word|security code|verification code|one[- ]time (?:code|password)|otp|cvv|cvc)"
    ),
}
_FILLERS: dict[str, str] = {
    "fr": r"(?:est|c['’]est|:|mon|ma|le|la|actuel|nouveau)",
    "nl": r"(?:is|mijn|het|de|luidt|was|nieuwe|oude)",
    "en": r"(?:is|was|my|the|it['’]s|new|old|current)",
}
# The value: one run of printable characters without spaces (a password may hold any of them),
# not ending in punctuation that ends the sentence rather than the credential ("the pin is
# 4821.", "jdoe_88,").
_VALUE = r"[^\s]{2,63}[^\s,.;)]"
# What may end a sentence right after a word: not enough to make that word a password ("mijn
# wachtwoord wijzigen?"), though a password may end with one ("S3cret!" keeps its "!").
_SENTENCE_END = ",.;:)?!…"


class CredentialRecognizer(GatedRecognizer):
    """Passwords, PINs, verification codes and user names (``CREDENTIAL``), every language, after
    their name: "my password is Hunter2!x", "mon mot de passe est azerty123", "mijn wachtwoord is
    Zomer2024!", "username: jdoe_88", "code pin 1234".

    Format: none: the run of characters without spaces right after the name and at most two short
    words, holding a digit or a character other than a letter (a word alone is a remark, not a
    password: "my password is not working", "mon mot de passe est incorrect"). A trailing comma,
    full stop, semicolon or bracket ends the sentence, not the credential.

    A credential in a chat log is a security incident before it is personal data (GDPR art. 32):
    it opens the customer's account to whoever reads the analytics or training set.

    Score: 0.9 after the name.
    """

    min_digits = 0
    NAMED_SCORE = 0.9
    MIN_CHARACTERS = 3

    CONTEXT: ClassVar[dict[str, list[str]]] = {"fr": [], "nl": [], "en": []}

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _NAMES else "en"
        super().__init__(
            supported_entity=CREDENTIAL,
            patterns=[
                Re2Pattern(
                    "credential after its name",
                    after_its_name(_NAMES[language], _FILLERS[language], _VALUE, NAME_SEPARATOR, 2),
                    self.NAMED_SCORE,
                ),
            ],
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A digit or a character other than a letter, sentence punctuation at the end aside: a word
        alone is no credential."""
        value = pattern_text.rstrip(_SENTENCE_END)  # "mijn wachtwoord wijzigen?": a word
        if len(value) < self.MIN_CHARACTERS:
            return False
        return None if any(not ch.isalpha() for ch in value) else False
