"""Passwords, PINs, one-time codes and user names typed into a chat, after their name."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name, compile_re2, is_glued, make_result
from recognizers.entities import CREDENTIAL
from recognizers.generic.gated import GatedRecognizer
from recognizers.names.lexicons import load_lexicon
from recognizers.re2_spans import finditer_spans
from recognizers.settings import RecognizerSettings

# The credential's name, as people type it.
_NAMES: dict[str, str] = {
    "fr": (
        r"(?:mot de passe|mdp|code (?:pin|secret|confidentiel|d['’]acc[eè]s|de v[ée]rification|de s[ée]curit[ée])"
        r"(?: de (?:ma|la) carte(?: bancaire| bleue)?)?"
        # a card's security code by its place: "le code à 3 chiffres au dos : 123"
        r"|(?:code [àa] |les )(?:3|trois) chiffres(?: au dos| derri[èe]re)?(?: de (?:ma|la) carte)?"
        r"|pin|identifiant(?: de connexion)?|nom d['’]utilisateur|login|pseudo(?:nyme)?|cryptogramme(?: visuel)?"
        r"|cvv|cvc"  # a card's security code (not "crypto": a currency as often, "en crypto 2000 euros")
        # a door's code: who reads it can enter the building ("digicode 4521B")
        r"|digicode|code (?:d['’]acc[eè]s )?(?:de l['’]immeuble|de la porte|du portail|de la r[ée]sidence"
        r"|de l['’]entr[ée]e|d['’]entr[ée]e|porte|portail|interphone|du bo[iî]tier [àa] cl[ée]s?))"
    ),
    "nl": (
        r"(?:wachtwoord|ww|pincode|pin ?code|pin|gebruikersnaam|inlognaam|inlogcode|login|verificatiecode|cvc|cvv"
        r"|beveiligingscode|toegangscode|sms-code|deurcode|poortcode|alarmcode|sleutelkluis ?code"
        r"|(?:de )?(?:3|drie) cijfers op de achterkant(?: van (?:mijn|de) (?:pas|kaart))?"
        r"|code van de (?:voordeur|deur|poort|sleutelkluis))"
    ),
    "en": (
        r"(?:password|passwd|pwd|pw|passcode|pass code|pin(?: code| number)?|user ?name|user ?id|login|gamer ?tag"
        r"|memorable word|security code(?: on the back)?|verification code|one[- ]time (?:code|password)|otp|cvv|cvc"
        r"|(?:3|three)[- ]digit (?:security )?(?:code|number)(?: on the back)?"
        r"|(?:door|gate|entry|building|key ?safe|key ?box|lock ?box|keypad|alarm) code)"
    ),
}
_FILLERS: dict[str, str] = {
    "fr": r"(?:est|c['’]est|:|mon|ma|le|la|actuel|nouveau)",
    "nl": r"(?:is|zijn|mijn|het|de|luidt|was|nieuwe|oude)",
    "en": r"(?:is|are|was|my|the|it['’]s|new|old|current)",
}
# The value: one run of printable characters without spaces (a password may hold any of them),
# not ending in punctuation that ends the sentence rather than the credential ("the pin is
# 4821.", "jdoe_88,").
_VALUE = r"[^\s]{2,63}[^\s,.;)]"
# The names of a user name, which may be letters only ("username: sarahjones"); a password of
# letters only is too often a remark ("my password is wrong") to be told from one.
_USER_NAMES: dict[str, str] = {
    "fr": r"(?:identifiant(?: de connexion)?|nom d['’]utilisateur|login|pseudo)",
    "nl": r"(?:gebruikersnaam|inlognaam|login)",
    "en": r"(?:user ?name|user ?id|login|gamer ?tag)",
}
_LETTERS_VALUE = r"[A-Za-z]{4,32}"
MIN_USER_NAME = 4
# The names of a security question's answer, which is a word more often than not ("memorable word:
# fluffy", "first pet's name was Biscuit", "réponse secrète : Pompon", "geheim antwoord: Bello").
_ANSWER_NAMES: dict[str, str] = {
    "fr": (
        r"(?:r[ée]ponse secr[èe]te|r[ée]ponse [àa] (?:la|ma) question secr[èe]te|mot secret"
        r"|nom de mon premier (?:animal|chien|chat)|ville de naissance de ma m[èe]re)"
    ),
    "nl": (
        r"(?:geheim antwoord|antwoord op (?:de|mijn) (?:beveiligingsvraag|geheime vraag)|geheim woord"
        r"|naam van mijn eerste (?:huisdier|hond|kat))"
    ),
    "en": (
        r"(?:memorable (?:word|answer|information|info|name|place)|security answer|secret answer|secret word"
        r"|answer to (?:my|the) security question|first pet(?:['’]s name)?|(?:first )?pet['’]s name"
        r"|first school|favou?rite teacher)"
    ),
}
_ANSWER_FILLERS: dict[str, str] = {
    "fr": r"(?:est|c['’]est|:|=|était)",
    "nl": r"(?:is|was|luidt|:|=)",
    "en": r"(?:is|was|:|=)",
}
_ANSWER_VALUE = r"[A-Za-zÀ-ÖØ-öø-ÿ]{3,32}"
# Words after an answer's name that are a remark about it, not the answer ("my memorable word is
# wrong", "mon mot secret est incorrect", "mijn geheime woord is vergeten").
_ANSWER_REMARKS = frozenset(
    {"wrong", "incorrect", "invalid", "forgotten", "lost", "changed", "expired", "blocked", "locked", "right",
     "correct", "fine", "same", "different", "unknown", "faux", "fausse", "oublié", "oubliée", "perdu", "perdue",
     "bloqué", "bloquée", "changé", "correcte", "inconnu", "fout", "onjuist", "verkeerd", "vergeten", "kwijt",
     "geblokkeerd", "gewijzigd", "juist", "goed", "onbekend"}
)  # fmt: skip
# What may end a sentence right after a word: not enough to make that word a password ("mijn
# wachtwoord wijzigen?"), though a password may end with one ("S3cret!" keeps its "!").
_SENTENCE_END = ",.;:)?!…"


class CredentialRecognizer(GatedRecognizer):
    """Passwords, PINs, verification codes, door codes and user names (``CREDENTIAL``), every
    language, after their name: "my password is Hunter2!x", "mon mot de passe est azerty123",
    "mijn wachtwoord is Zomer2024!", "username: jdoe_88", "code pin 1234", "digicode 1984A",
    "de deurcode is 4821", "key safe code 1234" (a door's code lets whoever reads it into the
    customer's home).

    Format: none: the run of characters without spaces right after the name and at most two short
    words, holding a digit or a character other than a letter or an apostrophe (a word alone is a
    remark, not a password: "my password is not working", "my password doesn't work", "mon mot de
    passe est incorrect"). A trailing comma, full stop, semicolon or bracket ends the sentence, not
    the credential. After a user name's name ("username", "gebruikersnaam", "identifiant") four to
    32 letters also count, when they are no word of the language ("username: sarahjones"; not "my
    username is wrong", "mijn gebruikersnaam is onjuist").

    A credential in a chat log is a security incident before it is personal data (GDPR art. 32):
    it opens the customer's account to whoever reads the analytics or training set.

    Score: 0.9 after the name.
    """

    min_digits = 0
    NAMED_SCORE = 0.9
    MIN_CHARACTERS = 3

    CONTEXT: ClassVar[dict[str, list[str]]] = {"fr": [], "nl": [], "en": []}

    def __init__(self, supported_language: str = "en", lexicon_dir: Path | None = None) -> None:
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
        self._user_name = Re2Pattern(
            "user name of letters after its name",
            after_its_name(_USER_NAMES[language], _FILLERS[language], _LETTERS_VALUE, NAME_SEPARATOR, 2),
            self.NAMED_SCORE,
        )
        self._user_name_regex = compile_re2(self._user_name.regex)
        self._user_name_group = self._user_name_regex.groupindex.get("pii", 0)
        self._answer = Re2Pattern(
            "security answer after its name",
            after_its_name(_ANSWER_NAMES[language], _ANSWER_FILLERS[language], _ANSWER_VALUE, NAME_SEPARATOR, 1),
            self.NAMED_SCORE,
        )
        self._answer_regex = compile_re2(self._answer.regex)
        self._answer_group = self._answer_regex.groupindex.get("pii", 0)
        self.lexicon = load_lexicon(lexicon_dir or RecognizerSettings().lexicon_dir, language)

    def screen_regexes(self) -> list[str]:
        """The credential pattern, and the ones for user names of letters only and for answers."""
        return [*super().screen_regexes(), self._user_name.regex, self._answer.regex]

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """The credentials holding a digit or a symbol, then user names of letters only ("username:
        sarahjones", "mijn gebruikersnaam is jdevries") that are no word of the language ("my
        username is wrong") and no credential found already."""
        taken = [(r.start, r.end) for r in results]
        lexicon = self.lexicon
        for spans in finditer_spans(self._user_name_regex, text):
            start, end = spans[self._user_name_group]
            if start < 0 or is_glued(text, start, end) or any(s < end and start < e for s, e in taken):
                continue
            if text[end : end + 1] in ("'", "’"):
                continue  # "my login doesn't work"
            key = text[start:end].lower()
            if len(key) < MIN_USER_NAME or lexicon.is_common(key) or lexicon.is_word_form(key):
                continue
            results.append(make_result(self, CREDENTIAL, start, end, self.NAMED_SCORE, pattern=self._user_name))
            taken.append((start, end))
        for spans in finditer_spans(self._answer_regex, text):
            start, end = spans[self._answer_group]
            if start < 0 or is_glued(text, start, end) or any(s < end and start < e for s, e in taken):
                continue
            key = text[start:end].lower()
            if key in _ANSWER_REMARKS or key in lexicon.stop_words or key in lexicon.function_words:
                continue  # "my memorable word is wrong", "… is the same"
            results.append(make_result(self, CREDENTIAL, start, end, self.NAMED_SCORE, pattern=self._answer))
        return results

    def validate_result(self, pattern_text: str) -> bool | None:
        """A digit or a character other than a letter or an apostrophe, sentence punctuation at the
        end aside: a word alone, or one with an apostrophe, is no credential ("my password doesn't
        work", "mon mot de passe n'est pas accepté")."""
        value = pattern_text.rstrip(_SENTENCE_END)  # "mijn wachtwoord wijzigen?": a word
        if len(value) < self.MIN_CHARACTERS:
            return False
        return None if any(not (ch.isalpha() or ch in "'’") for ch in value) else False
