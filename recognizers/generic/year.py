"""A year on its own ("né en 1985", "sinds 2019", "in 1994"), as a date."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import LATIN_LETTERS, Re2Pattern
from recognizers.entities import DATE_TIME
from recognizers.generic import date_patterns as dp
from recognizers.generic.gated import GatedRecognizer

_YEAR = r"(?:19|20)[0-9]{2}"
# What makes a 1900-2099 number something else: a label before it ("n° 1984", "kamer 2012",
# "order 2019"), a unit or currency after it ("1999 €", "2000 personnes"), decimals ("1999.50"),
# a date's next part ("2018-01-32", which no calendar has), a month name or a day before it, or
# other digit groups around it (``year_regex``). No unit of one letter that French elides ("l'",
# "m'": "en 1985 l'entreprise"). These alternatives match without the ``pii`` group, so nothing is
# reported; RE2 prefers them, being leftmost or listed first.
_LABELS = (
    r"(?:n°|nº|no|nr|num|numéro|numero|nummer|number|#|code|pin|ref|réf|référence|referentie|reference"
    r"|article|art|artikel|kamer|chambre|room|commande|order|bestelling|ticket|dossier|factuur|facture"
    r"|invoice|page|pagina|huisnummer|bus|boîte|postcode|code postal|tel|tél|phone|telefoon|bte|box)"
)
_UNITS = (
    r"(?:€|eur|euros?|\$|£|%|‰|km|kg|g|m2|m²|ml|mg|mm|cm|x|h|u|uur|heures?|hours?|min|minutes?"
    r"|minuten|pounds?|dollars?|gbp|usd|pages?|personnes?|mensen|people|points?|punten|kcal|calories"
    r"|mb|gb|tb|kb|w|kw|kwh|v|mah|fr|frank|francs?|ex|exemplaires?|stuks?|pieces?|pièces?|units?)"
)
# A law, decree or treaty named by its year ("la loi de 1962", "Human Rights Act 1998", "de wet van
# 1998"): a year of a text, of no one's life.
_LAWS = (
    r"(?:loi|lois|décret|decret|ordonnance|règlement|reglement|convention|traité|traite|act|statute|decree"
    r"|regulation|treaty|wet|besluit|verordening|verdrag)(?:[ \t]+(?:de|du|des|of|van|uit|from))?"
)
# Latin letters and digits, not ``\p{L}``/``\p{N}``: Unicode classes make RE2's automaton far larger,
# and this pattern meets every message with a four-digit number (``recognizers.base``).
_WORD_CHAR = rf"0-9{LATIN_LETTERS}"
_BEFORE = rf"(?:^|[^{_WORD_CHAR}.,:/\-])"


def year_regex(language: str) -> str:
    """The year pattern of ``language``: the year in group ``pii``, unless it is part of something
    else: a written date ("3 août 1993", "July 12, 1990", which ``DateRecognizer`` reports whole)
    or a run of digit groups ("FR14 2004 1010 ...", an IBAN; "0612 2019 88")."""
    return (
        rf"(?i){_BEFORE}(?:{_LABELS}[ \t.:°#]*{_YEAR}"
        rf"|{_LAWS}[ \t]+{_YEAR}"
        rf"|{_YEAR}[ \t]*{_UNITS}(?:$|[^{_WORD_CHAR}])"
        rf"|{_YEAR}[.,/\-][0-9]"
        rf"|{_YEAR}[ \t]+/[ \t]*[0-9]"  # a reference typed with spaces: "no 30 / 1993 / 425 / 504"
        rf"|{dp.month_regex(language)}[ \t.,]*{_YEAR}"
        rf"|[0-9]{{1,2}}(?:st|nd|rd|th|er|e|de|ste)?,[ \t]+{_YEAR}"
        rf"|[{_WORD_CHAR}]*[0-9](?:st|nd|rd|th|er|e|de|ste)?[ \t]+{_YEAR}"
        rf"|{_YEAR}[ \t]+[0-9]"
        rf"|(?P<pii>{_YEAR}))"
    )


class YearRecognizer(GatedRecognizer):
    """A year written alone (``DATE_TIME``), every language: "né en 1985", "sinds 2019",
    "the contract from 2021", "les années 1979, 1980 et 1981".

    Format: four digits from 1900 to 2099, standing alone (not inside a longer number, a
    reference like "30/1993" or "30 / 1993 / 425", or a date, which ``DateRecognizer`` reports
    whole). Not reported
    after a label that makes it a number ("n° 1984", "kamer 2012", "order 2019") or names a law
    by its year ("la loi de 1962", "Human Rights Act 1998", "de wet van 1998"), before a unit
    or currency ("1999 €", "2000 personnes"), or with decimals or the rest of a (here invalid)
    numeric date ("1999.50", "2018-01-32").
    A year alone identifies no one, but with other details (a birth year, the year someone moved)
    it narrows who a person is, and anonymisation standards such as the ECHR's redact years
    with dates. The default policy keeps ``DATE_TIME`` in analytics and training.

    Score: 0.5 (the reporting threshold), raised by a date word nearby ("année", "jaar", "year",
    "born"...; not "depuis", "sinds", "since": spaCy's stop words, which Presidio's context
    scoring skips).
    """

    min_digits = 4

    # Presidio matches context words as substrings of the words around: no short ones ("an" is in
    # "dans", "né" in "année", "end" in "weekend").
    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["année", "naissance"],
        "nl": ["jaar", "geboren", "geboortejaar"],
        "en": ["year", "born", "founded"],
    }
    SCORE = 0.5

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in dp.LANGUAGES else "en"
        super().__init__(
            supported_entity=DATE_TIME,
            patterns=[Re2Pattern("year alone", year_regex(language), self.SCORE)],
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )
