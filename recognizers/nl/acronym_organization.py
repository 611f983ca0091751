"""An organisation named by its acronym after a Dutch article ("de NMBS", "het UWV", "bij de KPN")."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import make_result
from recognizers.entities import ORGANIZATION
from recognizers.nl.organization_base import DutchOrganizationRecognizer

#: An article, then an acronym of two to six capitals, a whole word: not glued to a hyphen ("de
#: NMBS-woordvoerder" names a spokesman, and a compound is one word), a digit ("de A12", a road)
#: or an apostrophe ("de CD's").
ACRONYM_REGEX = r"(?:^|[^\w-])(?:[Dd]e|[Hh]et|der|den) (?P<acronym>[A-Z]{2,6})(?:[^\w\-'’&.]|\.(?:\s|$)|$)"
_ACRONYM = re.compile(ACRONYM_REGEX)
#: Letters from which a capitalised word of the language is a word typed in capitals, not an acronym.
MIN_WORD_LETTERS = 4
#: Acronyms after an article that name no organisation: countries and unions of them read as
#: places ("de VS", "het VK"), events ("de GP", "het WK"), numbers, documents, taxes, benefits and
#: things of daily life ("het BSN", "de BTW", "de WOZ", "de AOW", "de PIN", "de PDF", "de USB"),
#: forms of companies ("de BV"), jobs ("de CEO"), and conditions, which the special categories
#: report ("de ADHD", "de MS", "de GGZ").
NOT_ORGANISATIONS = frozenset(
    {
        "vs", "vk", "usa", "uk", "nl", "be", "vae",
        "gp", "wk", "ek", "ok", "os",
        "bsn", "btw", "iban", "bic", "pin", "sms", "mms", "pdf", "id", "woz", "apk", "aow", "ww", "wia", "wao",
        "wmo", "wajong", "cao", "zzp", "vog", "ov", "ict", "it", "hr", "tv", "pc", "cd", "dvd", "usb", "gps",
        "wifi", "qr", "url", "faq", "gb", "mb", "kb", "tb", "dna", "rna", "bse", "cv", "bv", "nv", "vof", "ceo",
        "cfo", "cto", "coo", "pr", "cpu", "ram", "sim", "esim", "led", "lcd", "abs", "suv",
        "hiv", "aids", "adhd", "add", "ms", "als", "copd", "ptss", "ocd", "ggz", "soa", "ic", "seh",
    }
)  # fmt: skip


class DutchAcronymOrganizationRecognizer(DutchOrganizationRecognizer):
    """An organisation's acronym after a Dutch article (``ORGANIZATION``), Dutch only.

    Format: "de", "het", "der" or "den", one space, then two to six capital letters as a whole word
    ("bij de NMBS", "het IOC besliste", "klant bij de KPN", "het UWV"); then every other occurrence
    of the same acronym in the message, with or without an article ("De NMBS ... NMBS-topman" is not
    one: a compound is one word).

    Why: Dutch has no named-entity model here (README, models), and the organisations of Belgian and
    Dutch public life go by their acronyms. An article makes a noun of it: Dutch writes the
    capitals of a common abbreviation in lower case ("de sms", "het pdf'je"), so what stays in
    capitals after an article is a name; over nl_conll2002_testa, 69 of the 76 acronyms after an
    article were organisations, the others a country ("de VS") and two events ("de GP", "het WK").

    Not: words of four letters or more typed in capitals ("de NIEUWE", "het LEUK"), names in the name lists
    ("de BOYER", a particle and a surname typed in capitals), and those in ``NOT_ORGANISATIONS``:
    places, events, numbers, taxes, benefits, things, legal forms, jobs and health conditions
    (the special categories report those).

    Score: 0.65, an organisation the model would report (0.7) at a little less.
    """

    def screen_regexes(self) -> list[str]:
        """An article before capitals: a message without one holds no acronym this reports."""
        return [ACRONYM_REGEX]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The organisations' acronyms of ``text``, after an article and repeated."""
        acronyms = {match.group("acronym") for match in _ACRONYM.finditer(text)}
        named = sorted(acronym for acronym in acronyms if self._names_organisation(acronym))
        if not named:
            return []
        occurrences = re.finditer(rf"(?<![\w\-&.])(?:{'|'.join(named)})(?![\w\-'’&])", text)
        return [
            make_result(self, ORGANIZATION, match.start(), match.end(), self.SCORE, "acronym after an article")
            for match in occurrences
        ]

    def _names_organisation(self, acronym: str) -> bool:
        key = acronym.lower()
        lex = self.lexicon
        if key in NOT_ORGANISATIONS or lex.is_known_name(key):
            return False
        # a word typed in capitals ("de NIEUWE", "het LEUK"), not the short acronyms that Dutch word
        # lists hold in lower case ("kpn", "ing", "eu")
        word = lex.is_common(key) or lex.is_word_form(key) or lex.in_dictionary(key)
        return len(key) < MIN_WORD_LETTERS or not word
