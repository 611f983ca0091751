"""Street addresses written the continental way, street then number: "Via Roma 10", "Calle Mayor 12,
28013 Madrid", "ul. Miła 53", "Rua João Pessoa 1636", "Vesterskovvej 79", "Rákóczi út 13."."""

from __future__ import annotations

import re
from typing import ClassVar

import re2
from presidio_analyzer import RecognizerResult

from recognizers.base import LATIN_CAPITALS, LATIN_LETTERS, RE2_OPTIONS, Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.street_address import grow_over_block
from recognizers.nl.common import word_set

_LETTER = LATIN_LETTERS
_CAPITAL = LATIN_CAPITALS
# A name word: letters (an apostrophe or a hyphen inside: "d'Arenque", "Jean-Jaurès").
_NAME = rf"[{_LETTER}][{_LETTER}'’\-]*"
_CAPITALISED_NAME = rf"[{_CAPITAL}][{_LETTER}'’\-]*"
# Small words inside a name ("Rua Vinte e Cinco de Setembro", "Via delle Coste", "Paseo del Atlántico").
_PARTICLE = r"(?:de|del|della|delle|dei|degli|di|da|do|dos|das|du|la|las|los|el|e|y|i|d'|d’)"
MAX_NAME_WORDS = 5
_NAMES = rf"(?:{_PARTICLE}[ \t]+)?{_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME}){{0,{MAX_NAME_WORDS - 1}}}"
_CAPITALISED_NAMES = (
    rf"(?:{_PARTICLE}[ \t]+)?{_CAPITALISED_NAME}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME}){{0,{MAX_NAME_WORDS - 1}}}"
)
# The street's type before its name, in the countries' own words: Spanish, Catalan, Galician
# (calle, avenida, paseo, glorieta, camino, carretera, rambla, carrer, passeig, rúa), Portuguese
# (rua, travessa, praça, estrada, alameda), Italian (viale, piazza, piazzale, vicolo, contrada,
# lungomare), Polish (ulica, aleja, osiedle, plac), Czech (náměstí, třída), Romanian (strada, calea,
# bulevardul, șoseaua), Slovenian and Croatian (trg). A space follows them.
_PREFIX_WORDS = (
    r"(?:calle|avenida|paseo|glorieta|camino|carretera|rambla|carrer|passeig|rúa|rua|travessa|praça|praca"
    r"|estrada|alameda|viale|piazza|piazzale|vicolo|contrada|lungomare|ulica|aleja|osiedle|plac|náměstí"
    r"|třída|strada|calea|bulevardul|șoseaua|soseaua|trg)"
)
# Their abbreviations, which end in "." or "/" and may touch the name ("C/ Señores Curas", "ul.Miła");
# not the Polish "al." (aleja): "et al. Nature 2020".
_PREFIX_ABBREVIATIONS = r"(?:c/|avda\.|ctra\.|v\.le|p\.za|ul\.|os\.|nám\.)"
# Type words that are English words too ("via email", "the plaza", "corso", "largo"): capitalised,
# before a capitalised name.
_CAPITALISED_PREFIX_WORDS = r"(?:Via|Plaza|Corso|Largo)"
# The street's type after its name, a word of its own: German "Str.", "Platz", "Allee"; Hungarian
# "utca", "út", "útja", "tér", "körút" (names in lower case too: "hegyalja út 98."); Slovenian and
# Croatian "cesta"; Scandinavian "gata", "vej", "veien", "vegen", "gade" after a capitalised name
# ("Trenerys gata 232"; not "gate": "boarding gate 5").
_HUNGARIAN_TYPES = r"(?:utca|út|útja|tér|körút)"
_POSTFIX_TYPES = r"(?:str\.|platz|allee|cesta|gata|vej|veien|vegen|gade)"
# The type glued to the end of the name: Scandinavian -gatan, -gata, -vägen, -vej, -veien, -vegen,
# -gade, -stræde, -gränd; Finnish -katu, -kuja, -polku, -väylä; German -platz, -allee (-straße,
# -gasse, -weg are ``recognizers.nl.common``'s, shared with Dutch streets). Words of the three
# languages end in "-gate", "-gade" and "-tie" too ("delegate", "brigade"; Dutch "informatie",
# "editie", French "sortie", "partie"): those only capitalised ("Billingsgate", "Søndergade"), and
# "-tie" (Finnish "Tawastintie") in English messages only; ``_NOT_STREETS`` are never streets.
_SUFFIXES = r"(?:gatan|gata|vägen|vagen|vej|veien|vegen|stræde|gränd|katu|kuja|polku|väylä|platz|allee)"
_CAPITALISED_SUFFIXES = {"en": r"(?:gate|gade|tie)"}
_CAPITALISED_SUFFIXES_ELSEWHERE = r"(?:gate|gade)"
_NOT_STREETS = word_set("brigade brigades auntie aunties bowtie necktie cutie sweetie hottie")
# A house number: digits, a letter, "bis", a Hungarian full stop ("98."), a Polish flat ("12/3").
_NUMBER = r"[0-9]{1,4}(?:[A-Za-z]\b|[ \t]bis\b)?(?:/[0-9]{1,4})?\.?"


def _street(capitalised_suffixes: str) -> str:
    """The street and its number, with the suffixes that count only capitalised in a language."""
    return (
        rf"(?:(?i:{_PREFIX_WORDS})[ \t]+{_NAMES}"
        rf"|(?i:{_PREFIX_ABBREVIATIONS})[ \t]*{_NAMES}"
        rf"|{_CAPITALISED_PREFIX_WORDS}[ \t]+{_CAPITALISED_NAMES}"
        rf"|{_NAMES}[ \t]+(?i:{_HUNGARIAN_TYPES})"
        rf"|{_CAPITALISED_NAMES}[ \t]+(?i:{_POSTFIX_TYPES})"
        rf"|(?i:[{_LETTER}]{{3,}}{_SUFFIXES})"
        rf"|[{_CAPITAL}][{_LETTER}]{{2,}}{capitalised_suffixes})"
        rf"[ \t]+{_NUMBER}"
    )


# The postcode and town after it: "28013 Madrid", "00-590 Warszawa", "1100-053 Lisboa", "111 51
# Stockholm", "0154 Oslo"; the town one to three capitalised words ("Torroella de Montgrí").
_POSTCODE = r"(?:[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{3}[ \t][0-9]{2}|[0-9]{4,5})"
_TOWN = rf"{_CAPITALISED_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAPITALISED_NAME}){{0,2}}"
_TAIL = rf",?[ \t]+{_POSTCODE}[ \t]+{_TOWN}"
# Norwegian "gate" after the name is an English word too ("boarding gate 5"): with the postcode and
# town only ("Karl Johans gate 1, 0154 Oslo").
_NORWEGIAN_GATE = rf"{_CAPITALISED_NAMES}[ \t]+gate[ \t]+{_NUMBER}{_TAIL}"

# What every match holds, for the detector's pattern screen (``screen_regexes``): a type word
# before a name, or a type word or ending right before the number. The patterns themselves start
# with any run of name words, which made the screen's one pass over each message 5-11 us slower.
_SCREEN = (
    rf"(?i:{_PREFIX_WORDS})[ \t]|(?i:{_PREFIX_ABBREVIATIONS})|{_CAPITALISED_PREFIX_WORDS}[ \t]"
    rf"|(?i:{_HUNGARIAN_TYPES}|{_POSTFIX_TYPES}|gate)[ \t]+[0-9]"
    rf"|(?i:{_SUFFIXES})[ \t]+[0-9]|[{_LETTER}](?:gate|gade|tie)[ \t]+[0-9]"
)

#: Words after the number that make it a quantity, not a house number ("Via Email 3 times").
_COUNTED = word_set(
    "times time days day hours hour minutes mins min weeks months years euros euro eur km x keer dagen uur "
    "minuten weken maanden jaar fois jours heures semaines mois ans items pieces stuks nights night people "
    "persons guests rooms stars nuits nuit personnes chambres étoiles nachten nacht personen kamers sterren"
)
#: Words of a sentence, never of a street's name ("Via the app 3", "Plaza is 5").
_SENTENCE_WORDS = word_set(
    "the a an my your our their his her its is are was were be to of for on in at by with and or from this that "
    "it you we they he she me us them mon ma mes est et ou un une het een mijn"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SYMBOL_AFTER = frozenset("%€$£")


class EuropeanStreetRecognizer(GatedRecognizer):
    """Street addresses in the continental order, the street's name then its number (``ADDRESS``),
    every language: customers write an address abroad as its country does ("Via Roma 10, 00184
    Roma", "Calle Mayor 12", "ul. Marszałkowska 10, 00-590 Warszawa", "Karl Johans gate 1",
    "Vesterskovvej 79", "Rákóczi út 13."), and the French, Dutch, Belgian, German and British
    shapes are other recognizers'.

    Format: the street's type before its name (Spanish, Portuguese, Italian, Polish, Czech,
    Romanian, Slovenian words: "Calle", "C/", "Rua", "Via", "Viale", "Piazza", "ul.", "plac",
    "náměstí", "strada", "trg"), after it as a word of its own (German "Str.", Hungarian "utca",
    "út", "tér", Slovenian "cesta", Scandinavian "gata", "vej"; "gate" with the postcode and
    town) or glued to it (Scandinavian "-gatan", "-vägen", "-vej", "-veien", "-gade"; Finnish
    "-katu", "-tie"), one to five name words (small words inside: "Via delle Coste", "Rua Vinte e
    Cinco de Setembro"), the house number (a letter, "bis", a Hungarian full stop, a Polish flat:
    "12/3"), then optionally the postcode and town ("28013 Madrid", "00-590 Warszawa", "1100-053
    Lisboa", "111 51 Stockholm"). Type words that are English words too ("Via", "Plaza",
    "Corso", "Largo") count capitalised only, and so do the endings "-gate" and "-gade"
    ("delegate", "brigade"); "-tie" ends many Dutch and French words ("informatie", "sortie") and
    counts in English messages only. Official source: Universal Postal Union, postal addressing
    systems by country, https://www.upu.int/en/Postal-Solutions/Programmes-Services/Addressing-Solutions

    Scores: 0.85 with the postcode and town, 0.6 without; 0.96 when grown by two words or more over
    its address block ("27534 Þorsteinsgata 63\nMOSS", as ``StreetAddressRecognizer`` grows its
    own). A number followed by a counted thing ("Via WhatsApp 2 days ago") and a name holding a
    sentence's words ("Via the app 3") are discarded.
    """

    min_digits = 1
    TAIL_SCORE = 0.85
    STREET_SCORE = 0.6

    CONTEXT: ClassVar[list[str]] = ["address", "adresse", "adres", "street", "rue", "straat", "live", "woon", "habite"]

    def __init__(self, supported_language: str = "en") -> None:
        street = _street(_CAPITALISED_SUFFIXES.get(supported_language, _CAPITALISED_SUFFIXES_ELSEWHERE))
        self._street_at_start = re2.compile(
            rf"^(?:{street}|{_CAPITALISED_NAMES}[ \t]+gate[ \t]+{_NUMBER})", RE2_OPTIONS
        )
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("street then number, postcode and town", street + _TAIL, self.TAIL_SCORE),
                Re2Pattern("street then number", street, self.STREET_SCORE),
                Re2Pattern("street then 'gate', number, postcode and town", _NORWEGIAN_GATE, self.TAIL_SCORE),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def screen_regexes(self) -> list[str]:
        """One regex that every match satisfies, cheaper to scan for than the patterns."""
        return [_SCREEN]

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A sentence, not a street: a sentence's words after a type word that opens the name ("Via
        the app 3"). Where the name comes first, the match starts with the leftmost run of words
        and ``adjust_results`` trims the sentence before the name instead."""
        return _TYPE_FIRST.match(pattern_text) is not None and _last_sentence_word(pattern_text) is not None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Drop a match whose number is a quantity: a counted thing or a currency after it; start a
        match whose name comes first after the sentence before it ("I live in Trenerys gata 232":
        "Trenerys gata 232"), or drop it when no name is left ("it is gata 5")."""
        kept = []
        for result in results:
            rest = text[result.end :].lstrip(" \t")
            if rest[:1] in _SYMBOL_AFTER:
                continue
            following = _WORD.match(rest)
            if following is not None and following.group(0).casefold() in _COUNTED:
                continue
            if any(word.casefold() in _NOT_STREETS for word in _WORD.findall(text[result.start : result.end])):
                continue
            last = _last_sentence_word(text[result.start : result.end])
            if last is not None:
                start = result.start + last
                start += len(text[start : result.end]) - len(text[start : result.end].lstrip(" \t"))
                if self._street_at_start.match(text[start : result.end]) is None:
                    continue
                result.start = start
            grow_over_block(text, result)
            kept.append(result)
        return kept


#: A match that opens with the street's type word ("Calle", "ul.", "Via"), not with its name.
_TYPE_FIRST = re.compile(rf"(?i:{_PREFIX_WORDS})[ \t]|(?i:{_PREFIX_ABBREVIATIONS})|{_CAPITALISED_PREFIX_WORDS}[ \t]")


def _last_sentence_word(value: str) -> int | None:
    """The end offset in ``value`` of its last word that is a sentence's, or None."""
    last = None
    for word in _WORD.finditer(value):
        if word.group(0).casefold() in _SENTENCE_WORDS:
            last = word.end()
    return last
