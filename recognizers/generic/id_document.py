"""Identity document numbers (passport, identity card, driving licence, residence permit) after a
word that names the document."""

from __future__ import annotations

import re
from typing import ClassVar

from recognizers.base import LATIN_LETTERS, Re2Pattern, after_its_name
from recognizers.entities import ID_DOCUMENT
from recognizers.generic.gated import GatedRecognizer

# The document's name, as people type it ("paspoortnummer", "numéro de passeport", "driver's license").
_DOCUMENTS: dict[str, str] = {
    "fr": (
        r"(?:passeport|carte (?:nationale )?d['’ ]?identit[ée]|cni|pi[èe]ce d['’ ]?identit[ée]"
        r"|permis(?: de conduire)?|titre de s[ée]jour|carte de s[ée]jour|carte de r[ée]sident)"
    ),
    "nl": (
        r"(?:paspoort[a-z]*|identiteitskaart[a-z]*|identiteitsbewijs[a-z]*|id[ -]?kaart[a-z]*|eid[ -]?kaart[a-z]*"
        r"|rijbewijs[a-z]*|verblijfsvergunning[a-z]*|verblijfsdocument[a-z]*|documentnummer)"
    ),
    "en": (
        r"(?:passport|id card|identity card|identity document|national id(?:entity)?(?: card)?"
        r"|driver['’]?s licen[cs]e|driving licen[cs]e|licen[cs]e number|residence permit|residence card"
        r"|brp|biometric residence permit"
        # the US forms' abbreviation of a driver's licence ("DL# D1234567"), Medicare's beneficiary id
        r"|dl ?#|dl no\.?|dl number|medicare(?: number| id| card number)?)"
    ),
}
# A national number's name, for a number that fails its check ("bsn: 111222334", "my SSN is
# 123-45-6789"): still the person's identifier, mistyped or made up. A number that passes is
# reported by its own recognizer, with a higher score. Tax numbers are named here too: the French
# SPI ("numéro fiscal"; one that passes its check is FR_NIF), the UK UTR, a TIN.
_NATIONAL_NUMBERS: dict[str, str] = {
    "fr": (
        r"(?:nir|s[ée]curit[ée] sociale|s[ée]cu|insee|carte vitale|registre national|num[ée]ro national|niss"
        r"|bsn|burgerservicenummer|num[ée]ro fiscal(?: de r[ée]f[ée]rence)?|identifiant fiscal|num[ée]ro spi|spi"
        r"|num[ée]ro d['’ ]identification fiscale)"
    ),
    "nl": (
        r"(?:bsn|bsn[ -]?nummer|burgerservicenummer|sofi[ -]?nummer|rijksregisternummer|rijksregister"
        r"|insz(?:[ -]?nummer)?|bis[ -]?nummer|nationaal nummer|fiscaal nummer|fiscaal identificatienummer"
        r"|rsin)"
    ),
    "en": (
        r"(?:ssn|social security(?: number)?|national insurance(?: number)?|ni number|nino|nhs(?: number)?"
        r"|national number|bsn|citizen service number|tax id|tax identification number|tax reference|tin|utr"
        r"|unique taxpayer reference|ppsn?(?: number| no\.?)?|personal public service(?: number)?"  # Ireland
        r"|ein|employer identification number|itin)"  # US tax numbers: a sole trader's is the person's
    ),
}
# A value: runs of letters and digits joined by a dash, dot or slash, or by a space before a run
# with a digit ("12AB34567", "2270-66-1551"); the first run has a digit, so words after the
# document's name ("is", "nummer") are never taken for it, except one to three capitals before a
# space ("AB 123456", "QQ 12 34 56 C"), and a last capital A to D set apart (a National Insurance
# number's suffix).
# Latin letters, not ``\p{L}``: Unicode classes make RE2's automaton far larger (``recognizers.base``).
_LETTER = LATIN_LETTERS
_RUN = rf"[{_LETTER}0-9]"
_VALUE = (
    rf"(?:(?-i:[A-Z]{{1,3}})[ ])?{_RUN}*[0-9]{_RUN}*(?:[\-./]{_RUN}+|[ ]{_RUN}*[0-9]{_RUN}*){{0,6}}"
    r"(?:[ ](?-i:[A-D])\b)?"  # a National Insurance number's suffix letter, set apart ("QQ 12 34 56 C")
)
# Between the name and the value: separators and a few short words, nothing else ("number is ",
# " n° ", "nummer: ", " est le "); any other word ends the search ("passport expires 2031").
_SEPARATOR = r"[ \t:=#°º()\[\].,'’\-–]"
MAX_FILLERS = 5
_FILLERS: dict[str, str] = {
    # the issuing country's adjective too: "carte d'identité belge 592-...", "Belgian ID card"
    "fr": (
        r"(?:num[ée]ro|num|no|n|nr|de|du|d|mon|ma|son|sa|leur|est|a|porte|c|le|la|l|il|elle|vaut|suivant"
        r"|belge|fran[çc]aise?|n[ée]erlandaise?|britannique)"
    ),
    "nl": r"(?:nummer|nr|no|is|mijn|zijn|haar|hun|het|de|van|luidt|was|graag|belgische?|nederlandse?|franse?)",
    "en": r"(?:number|no|nr|num|is|was|my|his|her|their|the|of|it|its|s|reads|here|belgian|french|dutch|british|uk)",
}
_DIGITS = frozenset("0123456789")
_DATE_LIKE = re.compile(r"([0-9]{1,4})([./\-])([0-9]{1,2})\2([0-9]{1,4})")


def is_date(value: str) -> bool:
    """A day, month and year ("12/03/2031", "2031-03-12"), not an "2270-66-1551" that only has the
    shape of one."""
    match = _DATE_LIKE.fullmatch(value)
    if match is None:
        return False
    first, _, middle, last = match.groups()
    if not 1 <= int(middle) <= 12:
        return False
    if len(first) == 4:
        return 1 <= int(last) <= 31 and len(last) <= 2
    return 1 <= int(first) <= 31 and len(first) <= 2 and len(last) in (2, 4)


class IdDocumentRecognizer(GatedRecognizer):
    """Numbers of identity documents (``ID_DOCUMENT``): passports, identity cards, driving
    licences, residence permits, in every language, when the document is named just before; and
    national numbers named just before that fail their check ("bsn: 111222334", "my SSN is
    123-45-6789", "NI number QQ 12 34 56 C"): mistyped or not, still the person's identifier; and
    tax numbers named just before ("mon numéro fiscal est ...", the French SPI, when it fails the
    check ``FrNifRecognizer`` applies; "my UTR is ..."; "TIN").

    Format: no one format. French passports are nine characters ("12AB34567"), French identity
    cards twelve digits or nine letters and digits, Dutch passports and identity cards nine
    letters and digits (no "O"), Belgian eID cards twelve digits ("592-1234567-89"), UK passports
    nine digits, UK driving licences sixteen characters, US licences one letter and up to 14
    digits. So the value is any run of 5 to 20 letters and digits, with at least two digits,
    joined by dashes, dots, slashes or spaces, after the document's name and at most five short
    words ("number", "is", "numéro", "est", "le", "nummer", "mijn"...):
    "paspoortnummer: NXC3R8P21", "mon numéro de passeport est le 12AB34567", "my driver's
    license number is 2270-66-1551". None of these numbers has a public check digit over the whole
    value (the machine-readable zone's check digits are not typed in chat).
    Official sources: ICAO Doc 9303 (travel documents), https://www.icao.int/publications/pages/publication.aspx?docnum=9303;
    Rijksoverheid, documentnummer, https://www.rijksoverheid.nl/onderwerpen/paspoort-en-identiteitskaart

    Scores: 0.7 after a document's name, 0.5 after a national number's name. Dates ("valable
    jusqu'au 12/03/2031") and a repeated single digit are discarded;
    a value that is also a phone number or a checked national number is reported as that by its
    recognizer, whose score is higher (a national number that passes its check: FR_NIR, FR_NIF, NL_BSN,
    BE_NATIONAL_NUMBER, UK_NINO, UK_NHS, US_SSN).
    """

    min_digits = 2
    # below every national recognizer's score for a number that passes its check and is named
    # (UK_NINO 0.7, US_SSN 0.5 + context): those keep their own type on the same span
    NATIONAL_NUMBER_SCORE = 0.5
    MIN_LENGTH, MAX_LENGTH = 5, 20

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["passeport", "identité", "permis", "séjour"],
        "nl": ["paspoort", "identiteitskaart", "rijbewijs", "verblijfsvergunning", "documentnummer"],
        "en": ["passport", "licence", "license", "identity", "permit"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _DOCUMENTS else "en"
        super().__init__(
            supported_entity=ID_DOCUMENT,
            patterns=[
                Re2Pattern(
                    "identity document's name + number",
                    after_its_name(_DOCUMENTS[language], _FILLERS[language], _VALUE, _SEPARATOR, MAX_FILLERS),
                    0.7,
                ),
                Re2Pattern(
                    "national number's name + number",
                    after_its_name(_NATIONAL_NUMBERS[language], _FILLERS[language], _VALUE, _SEPARATOR, MAX_FILLERS),
                    self.NATIONAL_NUMBER_SCORE,
                ),
            ],
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """5-20 letters and digits, two digits at least, not a date, not one repeated character."""
        characters = [ch for ch in pattern_text if ch.isalnum()]
        digits = sum(ch in _DIGITS for ch in characters)
        if not self.MIN_LENGTH <= len(characters) <= self.MAX_LENGTH or digits < 2 or len(set(characters)) == 1:
            return False
        if is_date(pattern_text):
            return False
        return None
