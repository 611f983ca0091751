"""Customer, account, member, policy, contract, patient, employee and student numbers, after their name."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name, bare_reply, make_result
from recognizers.entities import ACCOUNT_NUMBER
from recognizers.generic.gated import GatedRecognizer

# The number's name, as people type it. Not order, invoice, ticket or parcel numbers: they name a
# transaction, not the person (a phone number after one is dropped for that reason:
# ``recognizers.nl.common.after_document_label``).
_NAMES: dict[str, str] = {
    "fr": (
        r"(?:num[ée]ro|n°|no|num)\.? ?(?:de |d['’] ?)?(?:client|adh[ée]rent(?: (?:de la |à la )?mutuelle)?"
        r"|abonn[ée]|contrat|police|patient"
        r"|dossier client|compte client|membre|sociétaire|allocataire|salari[ée]|employ[ée]|[ée]tudiant|assur[ée]"
        r"|mutuelle|adh[ée]sion|badge|carte de fid[ée]lit[ée]|fid[ée]lit[ée]|carte [ée]tudiant|compte(?: bancaire)?"
        r"|dossier m[ée]dical|point de livraison|compteur|carte sim|sim|p[ôo]le emploi|france travail)"
        r"|r[ée]f[ée]rence client|identifiant client|code client|n° d['’]allocataire|matricule|ipp"
        # the job seekers' register (France Travail, formerly Pôle emploi): 7 digits and a letter
        r"|identifiant (?:p[ôo]le emploi|france travail)"
        # an energy supply point and its meter, a SIM card, the code that ports a mobile line, a
        # frequent flyer's card: each names the customer's contract as a customer number does ("numéro
        # PDL" too: the pattern keeps what follows the name)
        r"|pdl|prm|pce|compteur (?:linky|gazpar)|iccid|code rio|flying blue|carte grand voyageur"
    ),
    "nl": (
        r"(?:klant|lid|lidmaatschaps|polis|contract|patiënt|patient|abonnee|relatie|debiteur|verzekerden|pas"
        r"|personeels|medewerkers?|werknemers|student|studenten|leerling|zorgpas|(?:zorg)?verzekerings|klantenpas"
        r"|spaarpas|bonuskaart|stam|dossier|ziekenhuis|aansluit|meter|simkaart|sim-?kaart|sim|ean)"
        r"(?:nummer|nr\.?|id)|(?:klant|student|medewerker|personeels) ?id|klant nummer|pati[eë]nt ?nr\.?"
        # an energy connection's EAN code, a SIM card's ICCID, a frequent flyer's card (as in French)
        r"|ean[- ]?code(?: (?:gas|stroom|elektriciteit|elektra))?|iccid|flying blue"
        r"|(?:bank)?rekening ?(?:nummer|nr\.?)"  # a bank account written without its IBAN
    ),
    "en": (
        r"(?:customer|account|acct|acc|member(?:ship)?|policy|contract|patient|subscriber|client|hospital"
        r"|employee|staff|student|personnel|payroll|badge|loyalty(?: card)?|library card|membership card"
        r"|insurance|works|meter(?: serial)?|sim(?: card)?|frequent flyer|supply)"
        r" ?(?:number|no\.?|num|#|id|ref(?:erence)?)"
        r"|a/c(?: ?(?:no\.?|number))?|sort ?code"  # UK bank details: "a/c 12345678", "sort code 20-00-00"
        r"|routing ?(?:number|no\.?|#)|aba(?: ?(?:number|no\.?|#))?"  # US bank details
        r"|mrn|medical record(?: ?(?:number|no\.?|#))?"  # a hospital's patient identifier
        r"|acc\.?|acct\.?"  # "sort code 20-00-00 acc 55779911"
        # an energy supply point and its meter (MPAN, MPRN), a SIM card, the codes that port a
        # mobile number or end a contract (PAC, STAC): each names the customer's contract
        r"|mpan|mprn|meter serial|iccid|pac(?: code)?|stac(?: code)?"
    ),
}
_FILLERS: dict[str, str] = {
    "fr": r"(?:est|c['’]est|:|mon|ma|le|la|n°|no)",
    "nl": r"(?:is|mijn|het|de|luidt|was|nr|nummer)",
    "en": r"(?:is|was|my|the|our|it['’]s|number|no)",
}
# An identifier: four to twenty letters and digits, at least three digits (``validate_result``),
# in one to six groups joined by a dash, dot, slash or space ("4839201", "CL-2024-00183",
# "12 345 678", a mutual insurer's member number that is the holder's NIR "1 85 07 75 123 456").
# Every group but a short letter prefix holds a digit, so that the words after the number are never
# taken for its last group ("88123 klopt niet", "12345678 and sort code").
_DIGIT_GROUP = r"[A-Za-z]{0,4}[0-9][A-Za-z0-9]{0,19}"
_VALUE = rf"(?:[A-Za-z]{{1,4}}[\-./ ])?{_DIGIT_GROUP}(?:[\-./ ]{_DIGIT_GROUP}){{0,5}}"
# A word boundary, not a character: a consumed character would hide a number named right after
# this one ("sort code 20-00-00 a/c 12345678"). Letters glued after it are refused by
# ``require_boundaries``; a seventh group only shortens the value to its first six.
_AFTER = r"\b"
#: An identifier alone (a reply to the question for it): ``_VALUE``, read by Python's re.
_BARE_VALUE = re.compile(_VALUE)
#: No longer reply is read: twenty letters and digits in six groups with their separators fit in it.
MAX_REPLY_CHARACTERS = 40
#: A bank account after the bare word "account" (English): exactly eight digits, the UK's account
#: number ("sort code 20-00-00 account 12345678"), or nine to seventeen digits in one run that opens
#: with no "0", a US account ("routing number 021000021 and account 123456789012"). Any other value
#: is left alone: a phone number follows the word as often ("in my account - 07808 608095").
_BARE_ACCOUNT = r"account"
_BANK_ACCOUNT_DIGITS = r"(?:[0-9]{8}|[1-9][0-9]{8,16})"


class AccountNumberRecognizer(GatedRecognizer):
    """Customer, account, member, policy, contract, subscriber and patient numbers, and the
    numbers employers, schools, insurers and loyalty schemes give people (employee, student,
    insurance and loyalty card numbers, "matricule", "personeelsnummer") (``ACCOUNT_NUMBER``),
    every language, after the number's name.

    Format: no standard one: each company numbers its customers its own way. Four to twenty
    letters and digits with at least three digits, in one to six groups ("4839201",
    "CL-2024-00183", "12 345 678"), right after the number's name and at most three short words
    ("mijn klantnummer is 4839201", "numéro client : CL-2024-00183", "my account number is
    12345678", "polisnummer 12.345.678", "numéro de compte 12345678901", "rekeningnummer
    123456789"), UK and US bank details ("sort code 20-00-00 a/c 12345678", "routing number
    021000021"; after the bare word "account" only eight digits, a British account number, or a
    run of nine to seventeen not opening with 0: "account 12345678"), and a hospital's patient
    number ("MRN 12345678", "medical record number", "IPP", "ziekenhuisnummer"). A number
    standing alone is never reported: without its name it is an order number as often as
    anything.

    Such a number is personal data: the company that issued it links it to the customer, and a
    training set that keeps it keeps a key back to the person (GDPR recital 26). Bank accounts in
    IBAN form are ``IBAN_CODE``, national numbers their own types; order, invoice and ticket
    numbers name a transaction and are left alone.

    Score: 0.85 after the number's name.
    """

    min_digits = 3
    NAMED_SCORE = 0.85
    MIN_CHARACTERS, MAX_CHARACTERS = 4, 20
    MIN_DIGITS = 3

    CONTEXT: ClassVar[dict[str, list[str]]] = {"fr": [], "nl": [], "en": []}
    #: Words of a question for such a number ("wat is uw klantnummer?", "votre numéro client ?",
    #: "your account number?"): after a message holding one, a reply that is an identifier and
    #: nothing else is that number (``reply``). Not order, invoice or parcel numbers (above).
    #: Dutch writes the number's name as one word, enough alone; French and English name a holder
    #: ("client", "customer", "member") that agents also say in every greeting ("service client",
    #: "Dear customer"), so one of ``NUMBER_WORDS`` must stand in the question too.
    QUESTIONS: ClassVar[dict[str, tuple[str, ...]]] = {
        "fr": ("client", "adhérent", "adherent", "abonné", "abonne", "contrat", "allocataire", "sociétaire",
               "mutuelle", "patient", "compte"),
        "nl": (),
        "en": ("customer", "account", "acct", "membership", "member", "policy", "patient", "subscriber",
               "employee", "student"),
    }  # fmt: skip
    #: Words naming such a number in one word (Dutch): a question holding one asks for it.
    NUMBER_NAMES: ClassVar[dict[str, tuple[str, ...]]] = {
        "fr": ("matricule",),
        "nl": ("klantnummer", "klantnr", "lidnummer", "lidmaatschapsnummer", "polisnummer", "contractnummer",
               "patiëntnummer", "patientnummer", "abonneenummer", "relatienummer", "debiteurnummer",
               "personeelsnummer", "studentnummer", "ziekenhuisnummer", "pasnummer", "rekeningnummer",
               "klantenpasnummer"),
        "en": (),
    }  # fmt: skip
    #: The word for "number" beside a holder's word ("customer number", "numéro client").
    NUMBER_WORDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "fr": ("numéro", "numero", "num", "référence", "reference", "identifiant"),
        "nl": (),
        "en": ("number", "num", "id", "ref", "reference"),
    }

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _NAMES else "en"
        patterns = [
            Re2Pattern(
                "number after its name",
                after_its_name(_NAMES[language], _FILLERS[language], _VALUE, NAME_SEPARATOR, 3) + _AFTER,
                self.NAMED_SCORE,
            ),
        ]
        if language == "en":
            bare = after_its_name(_BARE_ACCOUNT, r"(?:is|no)", _BANK_ACCOUNT_DIGITS, NAME_SEPARATOR, 1) + _AFTER
            patterns.append(Re2Pattern("bank account digits after 'account'", bare, self.NAMED_SCORE))
        super().__init__(
            supported_entity=ACCOUNT_NUMBER,
            patterns=patterns,
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )
        self._holders = frozenset(self.QUESTIONS[language])
        self._number_names = frozenset(self.NUMBER_NAMES[language])
        self._number_words = frozenset(self.NUMBER_WORDS[language])
        self.question_words = self._holders | self._number_names | self._number_words

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """``text`` as the number asked for when it is an identifier and nothing else (punctuation
        around it allowed), after a previous message asking for a customer, member, policy or
        account number (the detector asks this then only: ``question_words``,
        ``recognizers.base.RepliesToQuestions``): a word naming the number (``NUMBER_NAMES``), or a
        holder's word and a word for "number" (``QUESTIONS``, ``NUMBER_WORDS``) among ``asked``.
        ``found`` is not read: the question says what the digits are, even when they have a phone
        number's shape."""
        if not (asked & self._number_names or (asked & self._holders and asked & self._number_words)):
            return None
        span = bare_reply(text)
        if span is None:
            return None
        value = text[span[0] : span[1]]
        if (
            len(value) > MAX_REPLY_CHARACTERS
            or _BARE_VALUE.fullmatch(value) is None
            or self.validate_result(value) is False
        ):
            return None
        return make_result(self, ACCOUNT_NUMBER, *span, self.NAMED_SCORE, "reply to a question for the number")

    def validate_result(self, pattern_text: str) -> bool | None:
        """Four to twenty letters and digits, at least three of them digits."""
        characters = [ch for ch in pattern_text if ch.isalnum()]
        if not self.MIN_CHARACTERS <= len(characters) <= self.MAX_CHARACTERS:
            return False
        if sum(ch.isdigit() for ch in characters) < self.MIN_DIGITS:
            return False
        return None
