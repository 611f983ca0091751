"""Addresses and places that chat announces with a cue phrase: "I live at 42 Elm Mountain", "deliver
to 24 oak estates please", "mijn adres is Kerkstraat 73bis", "we just moved to Leeds", "ik woon in
leiden", "je viens de déménager à Sint-Niklaas".

Street-type lists miss the streets chat users type ("12 Acacia Crest", "mohamedstraat 73bis",
"58 boyle mill" in lower case), and spaCy's small models take a town after "moved to" for a person
or an organisation. The cue phrase is the evidence here: what follows it is read token by token.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import re2
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import REPLY_PUNCTUATION_TOKENS, TextRecognizer, make_result
from recognizers.be.towns import BELGIAN_TOWNS
from recognizers.entities import ADDRESS, LOCATION
from recognizers.generic.uk_address import STOPWORDS as QUANTITY_WORDS
from recognizers.names.lexicons import (
    NameLexicon,
    Token,
    WordMemo,
    dutch_places,
    fold,
    load_lexicon,
    one_edit,
    slipped_forms,
    tokenize,
)
from recognizers.names.place_gazetteer import gazetteer_keys, place_list_key
from recognizers.names.place_words import DUTCH_COMPASS_POINTS, ENGLISH_REGION_WORDS, PLACE_NOUNS, province_after
from recognizers.nl.common import word_set
from recognizers.settings import PLACES_FILE
from recognizers.yaml_data import load_mapping

LANGUAGES = ("fr", "nl", "en")

MIN_TYPO_LENGTH = 5  # cue words this long also match with one typo ("movved", "deliiver")
MIN_LOWER_STREET_WORDS = 2  # "avenue de dumont": a street typed in lower case before a capitalised name
MIN_MISTYPED_STOP = 5  # chat words this long still end an address typed wrong ("mreci", "Cordilement")
MAX_NAME_WORDS = 6  # street-name words after a house number ("12 rue du Général de Gaulle")
MAX_NAME_WORDS_BEFORE_NUMBER = 4  # street-name words before it ("Laan van Meerdervoort 12")
MAX_PLACE_WORDS = 4
MAX_PLACE_TOKENS = 5  # a known place of up to this many tokens ("Alphen aan den Rijn")
#: compass words of the three languages and English: "East Preston" in a Dutch text
COMPASS_WORDS = ENGLISH_REGION_WORDS | DUTCH_COMPASS_POINTS | frozenset({"nord", "sud", "est", "ouest"})
MAX_ADDITION_LETTERS = 2  # "12a", "4B", "7ab"
MAX_ACRONYM = 4
MAX_HOUSE_DIGITS = 5
# A dwelling in a building: "Flat 2, Rowan Court", "Apartment 5, Brett Square" (British addresses
# name many buildings and streets without a house number).
DWELLING_UNITS = frozenset({"flat", "studio", "apartment", "apt", "unit", "suite"})
#: Words that end a British building's name after a flat's number ("Flat 3B, Lister House").
BUILDING_WORDS = frozenset({"house", "mansions", "tower", "towers", "building", "buildings", "apartments", "hall"})
MAX_CORNER_TOKENS = 8
MAX_ABBREVIATION = 4
#: Street words that end a street named without a house number after a cue: English words, Dutch
#: compound suffixes ("kerkstraat"); French streets start with their type (``FrAddressRecognizer``).
STREET_WITHOUT_NUMBER: dict[str, frozenset[str]] = {
    "en": frozenset({"road", "street", "lane", "avenue", "drive", "close", "crescent", "way", "court", "gardens",
                     "terrace", "grove", "square", "mews", "boulevard"}),
    "nl": frozenset({"straat", "weg", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef"}),
}  # fmt: skip
STREET_ARTICLES = frozenset({"the", "a", "an", "de", "het", "een"})
MAX_STREET_NAME_WORDS = 3
MIN_STREET_NAME = 3  # letters before a Dutch suffix: "kerkstraat", not "straat" or "d weg"
#: Words joining the two streets of a corner.
CONNECTORS = frozenset({"and", "&", "et", "en", "y", "und"})
#: A preposition between a street and its town: "op de Meir 45 in Antwerpen", "rue Neuve 45 à Bruxelles".
TOWN_PREPOSITIONS = frozenset({"in", "te", "à", "a"})
TAIL_WINDOW = 48  # characters read after an address for a postcode

#: Small words that may sit inside a street or town name but neither start nor end one on their own.
PARTICLES = word_set(
    "de der den van het 't ter ten te op aan la le les du des d l di da do dos das del della von zum zur "
    "am im an sur sous lès lez en of the on upon dei degli"
)
#: Words before a year ("in 2009", "sinds 2015", "depuis 2019"): a number of four digits after one
#: of them is no house number.
YEAR_WORDS = word_set("in since until till from en depuis sinds vanaf tot")
YEARS = range(1900, 2100)
#: Additions typed after a house number ("12 bis", "31bis", "7ter").
ADDITION_WORDS = frozenset({"bis", "ter", "quater", "hs", "huis", "bg", "bel", "zw", "rd"})
#: The floor after an Amsterdam house number, in capitals ("2e Jan Steenstraat 5 III": third floor).
DUTCH_FLOORS = frozenset({"I", "II", "III", "IV", "V"})
#: Letter-box words before a box number ("Kerkstraat 12 bus 3", "rue de la Loi 16 bte 2").
BOX_WORDS = frozenset({"bus", "bte", "boîte", "boite", "bt", "box", "apt", "apartment", "flat", "unit", "suite"})
#: What follows a number when it is a quantity, not a house number ("10 minutes from", "3 days").
UNITS = (
    word_set(
        "km kms kilometres kilometers kilomètres miles mile m metres meters mètres meter minutes minute mins min "
        "minuten minuut heures heure h uur jours jour dagen dag weeks semaines weken weeks months mois maanden "
        "years ans jaar jaren fois keer times people personnes mensen items articles euros euro eur € dollars "
        "pounds £ pm am uhr x stops arrêts haltes doors portes deuren"
    )
    | QUANTITY_WORDS
)

#: Kinds of street that name a British street on their own, after "the" ("5 the crescent", "12 The
#: Green"); not "road" or "street" ("4 the road is closed").
KIND_ALONE_STREETS = word_set(
    "avenue broadway causeway chase close copse crescent croft drive esplanade gardens glade green "
    "grove hill lane meadows mews orchard oval parade paddock promenade quadrant rise row spinney "
    "square strand terrace walk"
)

# A postcode typed after a street or before a town: Dutch "1234 AB", UK "LS1 4AB", Irish Eircode
# "D02 X285" (routing key, four characters of the Eircode alphabet: recognizers.generic.ie_eircode),
# 4 or 5 digits (Belgium, France, USA; "B-1000"), US ZIP+4.
# Tried in turn (RE2 stops at the first alternative that matches, even if a later one would end on
# a word boundary: "2000 Antwerpen" is no "2000 An").
_POSTCODES = tuple(
    re2.compile(pattern)
    for pattern in (
        r"[1-9][0-9]{3} ?[A-Za-z]{2}",
        r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}",
        r"(?i:[ACDEFHKNPRTVWXY][0-9]{2}|D6W) ?(?i:[0-9ACDEFHKNPRTVWXY]{4})",
        r"(?:[A-Za-z]-?)?[0-9]{4,5}(?:-[0-9]{4})?",
    )
)
_STATE = re2.compile(r"[A-Z]{2}")


def _collapse(word: str) -> str:
    """``word`` with runs of one letter typed several times reduced to one ("graaag" -> "grag")."""
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


@dataclass(frozen=True)
class Cue:
    """One cue phrase, as token keys, and what may follow it."""

    words: tuple[str, ...]
    address: bool = False
    place: bool = False
    weak: bool = False
    corner: bool = False
    known_only: bool = False  # origin cues: a firm follows as often as a town ("I'm from HSBC")


VARIANT_MEMO_SIZE = 16_384


@dataclass(frozen=True)
class CueSet:
    """The cue phrases of one language, indexed for a token-by-token scan."""

    by_first: dict[str, tuple[Cue, ...]]
    vocabulary: frozenset[str]
    typo_index: dict[str, frozenset[str]]
    stop_words: frozenset[str]
    questions: frozenset[str] = frozenset()  # ``place_questions``

    _memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _starts: WordMemo[tuple[Cue, ...]] = field(
        default_factory=lambda: WordMemo(VARIANT_MEMO_SIZE), compare=False, repr=False
    )

    @property
    def start_memo(self) -> WordMemo[tuple[Cue, ...]]:
        """``starting_with``'s memo, for a scan that looks words up inline (a miss: ask ``starting_with``)."""
        return self._starts

    def starting_with(self, key: str) -> tuple[Cue, ...]:
        """The cues whose first word ``key`` may be (its variants' cues), longest first, then those
        whose first word is ``key`` itself before those one typo away, then by their words: a fixed
        order, whatever the hash seed ("verhuisd naar", an address cue, before "verhuist naar", a
        place cue that "verhuisd" is one typo from). Memoised per word like ``variants``."""
        found = self._starts.get(key)
        if found is None:
            cues = (cue for first in self.variants(key) for cue in self.by_first.get(first, ()))
            found = self._starts.remember(
                key, tuple(sorted(cues, key=lambda c: (-len(c.words), c.words[0] != key, c.words)))
            )
        return found

    def variants(self, key: str) -> frozenset[str]:
        """The cue words ``key`` may be: itself, or a long cue word one typo away.

        Asked for every word of every message; memoised per word (chat repeats its words), the
        memo cleared when it reaches ``VARIANT_MEMO_SIZE`` words so it stays bounded.
        """
        memo = self._memo.get(key)
        if memo is not None:
            return memo
        found = {key} if key in self.vocabulary else set()
        if len(key) >= MIN_TYPO_LENGTH - 1 and key.isalpha():
            for deletion in {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}:
                found.update(w for w in self.typo_index.get(deletion, ()) if one_edit(key, w))
        if len(self._memo) >= VARIANT_MEMO_SIZE:
            self._memo.clear()
        result = self._memo[key] = frozenset(found)
        return result


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(fold(phrase)))


@functools.cache
def load_cues(lexicon_dir: str, language: str) -> CueSet:
    """The cue phrases of ``language`` from ``places.yaml`` (loaded once per process)."""
    path = Path(lexicon_dir) / PLACES_FILE
    data = load_mapping(path) if path.exists() else {}
    section = data.get(language) or {}
    flags: dict[tuple[str, ...], dict[str, bool]] = {}
    kinds = {
        "address_cues": "address",
        "place_cues": "place",
        "weak_place_cues": "weak",
        "origin_cues": "origin",
        "corner_cues": "corner",
    }
    for kind, flag in kinds.items():
        for phrase in section.get(kind) or []:
            words = _phrase_keys(str(phrase))
            if words:
                flags.setdefault(words, dict.fromkeys(kinds.values(), False))[flag] = True
    by_first: dict[str, list[Cue]] = {}
    for words, f in flags.items():
        known_only = f["origin"] and not (f["place"] or f["weak"])
        weak = (f["weak"] or f["origin"]) and not f["place"]
        place = f["place"] or f["weak"] or f["origin"]
        cue = Cue(words, address=f["address"], place=place, weak=weak, corner=f["corner"], known_only=known_only)
        by_first.setdefault(words[0], []).append(cue)
    vocabulary = frozenset(w for words in flags for w in words)
    typo: dict[str, set[str]] = {}
    for word in vocabulary:
        if len(word) >= MIN_TYPO_LENGTH and word.isalpha():
            for deletion in {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}:
                typo.setdefault(deletion, set()).add(word)
    stop_words = frozenset(fold(str(w)) for w in section.get("stop_words") or [])
    return CueSet(
        by_first={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in by_first.items()},
        vocabulary=vocabulary,
        typo_index={k: frozenset(v) for k, v in typo.items()},
        stop_words=stop_words,
        questions=frozenset(fold(str(w)) for w in section.get("place_questions") or []),
    )


@functools.cache
def known_places(lexicon_dir: str, language: str) -> frozenset[str]:
    """Place names a lower-case word may be: the name lexicon's places (``names.yaml``, Faker's
    countries, regions and counties), deduce's Dutch places, and Belgian towns (fr, nl). Cached: the
    recognizers and the operators' ``ListedPlaces`` share one copy."""
    places = set(load_lexicon(Path(lexicon_dir), language).places)
    if language in ("nl", "fr"):
        places |= dutch_places() | BELGIAN_TOWNS
    return frozenset(place_list_key(p) for p in places)


#: The longest name read as an address's addressee ("Factuuradres: Anne-Marie van der Berg, ...").
MAX_ADDRESSEE_WORDS = 4


class PlaceCueRecognizer(TextRecognizer):
    """Street addresses (``ADDRESS``) and towns (``LOCATION``) announced by a cue phrase, fr/nl/en.

    Cues (``config/lexicons/places.yaml``, per language): address cues ("I live at", "my address
    is", "new address:", "deliver to", "j'habite au", "livrez à", "mijn adres is", "bezorgen op"…),
    place cues ("moved to", "I live in", "based in", "verhuisd naar", "ik woon in", "déménager à",
    "j'habite à"…) and weak place cues ("I'm in", "je suis sur", "ik zit in"). Cue words of five
    letters or more match with one typo.

    After an address cue, in any case: a house number (with an addition: "12a", "31bis", "7 ter",
    "12-3", "bus 3") and one to six name words ("42 Brown Mountain", "12 rue de la Paix"), or one to
    four name words and a house number ("Kerkstraat 73bis", "Via Roma 131"), then optionally a
    postcode and a town ("…, 1234 AB Leiden", "…, Leeds LS1 4AB"); the addressee may stand between
    the cue and the street, ended by a comma or a new line ("Factuuradres: Noor Peeters, Meir 50,
    2000 Antwerpen": one to four capitalised words, one of them a listed name, none a listed
    place; the name is left to the name recognizers). Name words stop at punctuation, a
    new line, a number, or a chat word ("please", "graag", "merci", "and", "my"…); small particles
    ("de", "van", "of") only inside. A number followed by a unit ("10 minutes from") is no address.
    After a place cue: a place name of a place list in any case (``names.yaml``, Faker, deduce's
    Dutch places, ``recognizers/be/towns.py``, GeoNames' towns from ``place_gazetteer`` without
    those named like common words), or one to four capitalised words that are not
    common words ("Milton Keynes", "Stoke-on-Trent", "'s-Hertogenbosch"), or a lower-case name
    hyphenated in three parts ("stoke-on-trent"). After a weak cue a capitalised word must not be
    a known first name either ("I'm in Sarah's team"), nor a lower-case GeoNames town a dictionary
    word or a person's name ("i'm in stock"); after an address, a lower-case town not a person's
    name ("…, mitchell robinson here").
    Source: the phrasing of customer-service chat; address layouts as in NEN 5825, bpost, La Poste
    and Royal Mail (see the street recognizers of each country).

    Scores: address 0.96, 1.0 with a postcode or town: above the parts other recognizers find
    inside it (a postcode 0.95, a street 0.6 + 0.35 for a context word, a street and town 1.0 with
    a context word: the longer span wins the tie), so the whole address survives overlap resolution
    (an ADDRESS beats the soft NER types whatever their score); place from a list 0.95, capitalised
    place 0.9: above spaCy's PERSON (0.85) and the name lists' best guess (0.9 ties, the longer
    span wins) on the same word.
    """

    ADDRESS_SCORE = 0.96
    STREET_SCORE = 0.85  # a street without a house number: it narrows a person down to a street
    ADDRESS_TAIL_SCORE = 1.0
    KNOWN_PLACE_SCORE = 0.95
    PLACE_SCORE = 0.9

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        directory = str(Path(lexicon_dir).resolve())
        self.cues = load_cues(directory, supported_language)
        self.places = known_places(directory, supported_language)
        # GeoNames' places: any case after a place cue, but after a weak cue ("I'm in") not when a
        # dictionary word ("i'm in stock": Stock is an Essex village)
        self.gazetteer, self.gazetteer_heads, self.gazetteer_towns = gazetteer_keys(supported_language)
        self._gazetteer_memo: WordMemo[bool] = WordMemo()  # verdicts on the towns people name
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        # compass words that open a town's name: "South Shields", "Noord Scharwoude"
        self.compass = {"en": ENGLISH_REGION_WORDS, "nl": DUTCH_COMPASS_POINTS}.get(supported_language, frozenset())
        self.stop_words = self.cues.stop_words
        self.function_words = self.lexicon.stop_words | self.lexicon.function_words
        self._stretched_stops = frozenset(_collapse(w) for w in self.stop_words if len(w) >= MIN_TYPO_LENGTH - 1)
        # the longer chat words typed wrong ("mreci", "cordilement"), for ``_is_stop``
        self._slipped_stops = slipped_forms(self.stop_words, MIN_MISTYPED_STOP)
        self.units = UNITS | self.lexicon.duration_words
        super().__init__(
            supported_entities=[ADDRESS, LOCATION],
            supported_language=supported_language,
            name=type(self).__name__,
        )
        self.question_words = self.cues.questions  # ``reply``

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """``text`` as a place when it is nothing else, in reply to a question for the town the
        conversation's previous message asked ("which city do you live in?", then "Harrogate"; the
        detector asks this then only: ``question_words``, ``recognizers.base.RepliesToQuestions``):
        a listed or GeoNames place in any case, or capitalised words read as a place as after a
        weak cue ("I'm in ..."), with only punctuation around. ``found`` and ``asked`` are not read."""
        tokens = tokenize(text)
        words = [index for index, token in enumerate(tokens) if token.is_word]
        if not words or any(not token.is_word and token.text not in REPLY_PUNCTUATION_TOKENS for token in tokens):
            return None
        first = words[0] - 1 if words[0] > 0 and tokens[words[0] - 1].text in "'’" else words[0]
        place = self._place(text, tokens, first, weak=True)
        if place is None or place[0] != words[-1] + 1:
            return None
        end, listed = place
        score = self.KNOWN_PLACE_SCORE if listed else self.PLACE_SCORE
        return make_result(
            self, LOCATION, tokens[first].start, tokens[end - 1].end, score, "reply to a question for the town"
        )

    # ----------------------------------------------------------------------------------------
    # scan

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Addresses and places after the cue phrases of ``text``."""
        tokens = tokenize(text)
        results: list[RecognizerResult] = []
        # Most words open no cue. Their answer comes from the cue set's memo inline, a dict lookup,
        # rather than through two method calls per word: the three languages' recognizers took
        # 14.3-14.5 instead of 17.8-25.7 us a generated message (same results).
        memo = self.cues.start_memo
        starting_with = self.cues.starting_with
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not token.is_word:
                index += 1
                continue
            opens = memo.get(token.key)
            if opens is None:
                opens = starting_with(token.key)
            if not opens:
                index += 1
                continue
            cue_end, cue = self._cue_at(text, tokens, index)
            if cue is None:
                index += 1
                continue
            found = (
                self._corner(text, tokens, index, cue_end)
                if cue.corner
                else self._after_cue(text, tokens, cue_end, cue)
            )
            if found is None:
                index += 1  # a shorter cue may start inside: "ik kom [uit de buurt van] utrecht"
                continue
            entity, start, end, score, why, next_index = found
            if not entities or entity in entities:
                results.append(make_result(self, entity, start, end, score, why))
            index = next_index
        return results

    def _cue_at(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, Cue | None]:
        """(end index, cue) of the longest cue phrase starting at ``tokens[index]``."""
        token = tokens[index]
        if not token.is_word:
            return index + 1, None
        for cue in self.cues.starting_with(token.key):
            end = self._match_rest(text, tokens, index, cue.words)
            if end is not None:
                return end, cue
        return index + 1, None

    def _match_rest(self, text: str, tokens: Sequence[Token], index: int, words: tuple[str, ...]) -> int | None:
        position = index + 1
        for word in words[1:]:
            if position >= len(tokens) or "\n" in text[tokens[position - 1].end : tokens[position].start]:
                return None
            key = tokens[position].key
            if key != word and (len(word) < MIN_TYPO_LENGTH or word not in self.cues.variants(key)):
                return None
            position += 1
        return position

    def _after_cue(
        self, text: str, tokens: Sequence[Token], index: int, cue: Cue
    ) -> tuple[str, int, int, float, str, int] | None:
        """What the cue announces: (entity, start, end, score, why, next token index), or None."""
        while index < len(tokens) and tokens[index].text in ":-–—=" and self._same_line(text, tokens, index):
            index += 1
        if index >= len(tokens) or not self._same_line(text, tokens, index):
            return None
        address = self._address(text, tokens, index, words_first=cue.address)
        if address is None and cue.address:
            # "Factuuradres: Noor Peeters, Meir 50, 2000 Antwerpen": the addressee, then the street
            after_name = self._after_addressee(text, tokens, index)
            if after_name is not None:
                address = self._address(text, tokens, after_name, words_first=True)
        if address is not None:
            start_i, street_end = address
            end_i = self._tail(text, tokens, street_end)
            start, end = tokens[start_i].start, self._end_offset(text, tokens, end_i)
            score = self.ADDRESS_TAIL_SCORE if end_i > street_end else self.ADDRESS_SCORE
            return ADDRESS, start, end, score, "street address after an address cue", end_i
        street = self._street_without_number(text, tokens, index)
        if street is not None:
            start_i, street_end = street
            end_i = self._tail(text, tokens, street_end)
            start, end = tokens[start_i].start, self._end_offset(text, tokens, end_i)
            return ADDRESS, start, end, self.STREET_SCORE, "street without a number after a cue", end_i
        place = self._place(text, tokens, index, weak=cue.weak or not cue.place)
        if place is None:
            return None
        end_i, known = place
        if not known and (not cue.place or cue.known_only):
            return None  # "deliver to John", "I'm from HSBC": only a known place counts after these cues
        if self._surname_then_first_name_after(text, tokens, cue, end_i):
            return None  # "ik ben van damme stefaan": "Van Damme Stefaan", surname first, not from Damme
        if self.supported_language == "nl":
            end_i = province_after(text, tokens, end_i)  # "ik woon in Bergen (NH)"
        score = self.KNOWN_PLACE_SCORE if known else self.PLACE_SCORE
        why = "known place after a place cue" if known else "capitalised name after a place cue"
        return LOCATION, tokens[index].start, tokens[end_i - 1].end, score, why, end_i

    def _surname_then_first_name_after(self, text: str, tokens: Sequence[Token], cue: Cue, end: int) -> bool:
        """The cue ends with a name particle ("ik ben van") and a listed first name that ends its
        line or comes before a comma follows the place (``tokens[end]``), which a name list holds
        too: the particle and the place open a surname written before the first name, as Belgian
        forms do ("ik ben van damme stefaan")."""
        if cue.words[-1] not in self.lexicon.particles or end >= len(tokens):
            return False
        first = tokens[end]
        return (
            self.lexicon.is_known_name(tokens[end - 1].key)  # the place is a listed surname too ("Damme")
            and first.is_word
            and first.key in self.lexicon.first_names
            and self._same_line(text, tokens, end)
            and (not text[first.end :].split("\n", 1)[0].strip(" \t.,!") or text[first.end : first.end + 1] == ",")
        )

    def _after_addressee(self, text: str, tokens: Sequence[Token], index: int) -> int | None:
        """The index after a person's name that opens an address, a comma or a new line after it:
        one to four capitalised words, one of them a listed first name or surname and none a
        place ("Noor Peeters, ", "Sophie Lang\n"); else None. The name is the name recognizers'."""
        end = index
        while end < len(tokens) and end - index < MAX_ADDRESSEE_WORDS and self._same_line(text, tokens, end):
            token = tokens[end]
            if not (token.is_word and token.is_capitalised and token.text.isalpha()):
                break
            end += 1
        if end == index or end >= len(tokens):
            return None
        words = tokens[index:end]
        lexicon = self.lexicon
        if not any(lexicon.is_known_name(t.key) for t in words) or any(t.key in self.places for t in words):
            return None
        if tokens[end].text == ",":
            end += 1
        elif self._same_line(text, tokens, end):
            return None
        return end if end < len(tokens) else None

    def _street_without_number(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
        """(start, end) indexes of a street named without a house number right after a cue: a Dutch
        compound ending in a street suffix, after an optional article ("ik woon in de kerkstraat",
        "aan de Dorpsweg"), or one to three name words and an English street word ("i live on
        station road", "Baker Street"; in lower case not after an article: "on a busy road")."""
        words = STREET_WITHOUT_NUMBER.get(self.supported_language)
        if not words:
            return None
        position = index
        article = tokens[position].key in STREET_ARTICLES
        if article:
            position += 1
        if position >= len(tokens) or not self._same_line(text, tokens, position):
            return None
        first = tokens[position]
        if self.supported_language == "nl":
            key = first.key
            if first.is_word and any(key.endswith(s) and len(key) >= len(s) + MIN_STREET_NAME for s in words):
                return position, position + 1
            return None
        if article and not first.is_capitalised:
            return None
        end = position
        while end < len(tokens) and end - position <= MAX_STREET_NAME_WORDS and self._same_line(text, tokens, end):
            token = tokens[end]
            if not token.is_word or not token.text.isalpha() or self._is_stop(token):
                return None
            if end > position and token.key in words:
                return position, end + 1
            if token.is_capitalised != first.is_capitalised:
                return None  # "Baker street", "station Road": no street's name is written so
            end += 1
        return None

    def _corner(
        self, text: str, tokens: Sequence[Token], cue_start: int, index: int
    ) -> tuple[str, int, int, float, str, int] | None:
        """ "the corner of 5th Avenue and Elm Street": two streets joined by "and" (cue included)."""
        first_end = self._street_words(text, tokens, index)
        if first_end == index or first_end >= len(tokens) or tokens[first_end].key not in CONNECTORS:
            return None
        if not self._same_line(text, tokens, first_end):
            return None
        second_end = self._street_words(text, tokens, first_end + 1)
        for begin, end in ((index, first_end), (first_end + 1, second_end)):
            if not any(t.is_capitalised or self._is_house_number(t) for t in tokens[begin:end]):
                return None  # "the corner of the street and the park": no street named
        start, end = tokens[cue_start].start, tokens[second_end - 1].end
        return ADDRESS, start, end, self.ADDRESS_SCORE, "street corner after a corner cue", second_end

    def _street_words(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """End index of a street named without layout rules: words, numbers and abbreviation dots."""
        position = index
        while (
            position < len(tokens) and position - index < MAX_CORNER_TOKENS and self._same_line(text, tokens, position)
        ):
            token = tokens[position]
            if token.key in CONNECTORS:
                break
            if self._name_word(tokens, position, text) or self._is_house_number(token):
                position += 1
            elif token.text == "." and self._glued(tokens, position) and position > index:
                position += 1  # "Str.", "ul."
            else:
                break
        while (
            position > index
            and tokens[position - 1].text == "."
            and (position == len(tokens) or not tokens[position].is_word or tokens[position].key in CONNECTORS)
        ):
            if position - 1 > index and len(tokens[position - 2].text) <= MAX_ABBREVIATION:
                break  # keep "Str." whole
            position -= 1
        return position

    @staticmethod
    def _same_line(text: str, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` follows the previous token on the same line (or starts the text)."""
        return index == 0 or "\n" not in text[tokens[index - 1].end : tokens[index].start]

    @staticmethod
    def _glued(tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` touches the previous token ("31" "bis" in "31bis")."""
        return 0 < index < len(tokens) and tokens[index].start == tokens[index - 1].end

    @staticmethod
    def _end_offset(text: str, tokens: Sequence[Token], end_index: int) -> int:
        return tokens[end_index - 1].end

    # ----------------------------------------------------------------------------------------
    # addresses

    def _is_stop(self, token: Token) -> bool:
        """A chat word that ends an address or place, also with letters typed twice ("graaag",
        "pleasee") or, five letters or more, one slip of the keys ("mreci", "Cordilement"); other
        typos are not allowed, they make names ("Dupuis" is no "depuis")."""
        key = token.key
        if key in self.stop_words or ("'" in key and key.split("'", 1)[0] in self.stop_words):
            return True
        if len(key) >= MIN_TYPO_LENGTH and _collapse(key) in self._stretched_stops:
            return True
        # a longer one typed with two letters swapped or one left out ("mreci", "Cordilement"), that
        # is no word, name or place itself: the thanks after an address, not a street's last word
        return key in self._slipped_stops and not (
            self.lexicon.is_known_name(key) or self.lexicon.in_dictionary(key) or key in self.places
        )

    def _name_word(self, tokens: Sequence[Token], index: int, text: str) -> bool:
        """A word that may be part of a street name at ``index`` (particles only before another word)."""
        token = tokens[index]
        if not token.is_word or not self._same_line(text, tokens, index):
            return False
        if self._particle(token):
            following = index + 1
            while following < len(tokens) and tokens[following].is_word and self._particle(tokens[following]):
                following += 1  # "rue de la Paix"
            return (
                following < len(tokens)
                and self._same_line(text, tokens, following)
                and tokens[following].is_word
                and not self._is_stop(tokens[following])
            )
        if token.text.startswith(("d'", "d’", "l'", "l’")):
            return True
        glued = text[token.end : token.end + 2]
        if glued[:1] == "@" or (glued[:1] in (".", "_") and glued[1:].isalnum()):
            return False  # the start of an e-mail address or handle ("sean.kirby@..."), not a street word
        if (
            len(token.text) <= MAX_ADDITION_LETTERS
            and index + 1 < len(tokens)
            and self._glued(tokens, index + 1)
            and tokens[index + 1].text[:1].isdigit()
        ):
            return False  # the letters of a code ("F23 TEVW", "N78D70Y"), not of a street name
        return not self._is_stop(token)

    @staticmethod
    def _particle(token: Token) -> bool:
        return token.key in PARTICLES or (token.key.endswith("'") and token.key[:-1] in PARTICLES)

    def _number_end(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """Index after a house number at ``index`` and its addition ("12a", "31bis", "12-3", "7 ter")."""
        end = index + 1
        if end < len(tokens) and self._glued(tokens, end) and tokens[end].is_word:
            word = tokens[end]
            if len(word.text) <= MAX_ADDITION_LETTERS or word.key in ADDITION_WORDS:
                end += 1
        elif (
            end + 1 < len(tokens)
            and tokens[end].text in "-/"
            and self._glued(tokens, end)
            and self._glued(tokens, end + 1)
            and (tokens[end + 1].text.isdigit() or len(tokens[end + 1].text) <= MAX_ADDITION_LETTERS)
        ):
            end += 2
        if (
            end < len(tokens)
            and (
                tokens[end].key in ADDITION_WORDS
                or (self.supported_language == "nl" and tokens[end].text in DUTCH_FLOORS)
            )
            and self._same_line(text, tokens, end)
        ):
            end += 1
        if (
            end + 1 < len(tokens)
            and tokens[end].key in BOX_WORDS
            and tokens[end + 1].text.isdigit()
            and self._same_line(text, tokens, end)
        ):
            end = self._number_end(text, tokens, end + 1)
        return end

    @staticmethod
    def _is_house_number(token: Token) -> bool:
        return token.text.isdigit() and len(token.text) <= MAX_HOUSE_DIGITS and token.text.strip("0") != ""

    def _address(self, text: str, tokens: Sequence[Token], index: int, words_first: bool) -> tuple[int, int] | None:
        """(start, end) token indices of a street address at ``index``, or None."""
        start = index
        while index < len(tokens) and tokens[index].key in PARTICLES and tokens[index].text.islower():
            index += 1  # "ik woon op de Kerkstraat 12": the article is not the street
        if index >= len(tokens):
            return None
        if self._is_house_number(tokens[index]):
            return self._number_first(text, tokens, index)
        named = self._unit_of_named_building(text, tokens, index) or self._unit_then_street(text, tokens, index)
        if named is not None:
            return named
        # Dutch names a street without a street word after an article, capitalised: "ik woon in de
        # Meir 45", "op de Coolsingel 40" (not "ik zit in groep 7")
        named_street = (
            self.supported_language == "nl"
            and index > start
            and tokens[index - 1].key in STREET_ARTICLES
            and tokens[index].is_capitalised
            and not self.lexicon.is_common(tokens[index].key)
        )
        return self._words_first(text, tokens, index, strict=not (words_first or named_street))

    def _unit_of_named_building(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
        """ "Flat 2, Rowan Court", "Studio 5 Coleman Gardens", "Flat 3B, Lister House, Commercial
        Road": a dwelling's number in a building or street named without a number, as British
        addresses write it; the name's words must end with a street word or a building word
        ("House", "Mansions", "Tower"), and a street after a building's name, after a comma, is
        part of the address. The town and postcode after it are the tail's."""
        position = self._after_dwelling_number(text, tokens, index)
        if position is None or position >= len(tokens):
            return None
        last_street = self._last_street_word(text, tokens, position, buildings=True)
        if last_street < 0 and not tokens[index].is_capitalised:
            last_street = self._lower_case_street(text, tokens, position)
        if last_street <= position:
            return None  # no street word after a name: "Flat 2, London" is the tail's to read
        end = last_street + 1
        if tokens[last_street].key in BUILDING_WORDS:
            end = self._street_after_building(text, tokens, end)
        return index, end

    def _after_dwelling_number(self, text: str, tokens: Sequence[Token], index: int) -> int | None:
        """Index after a dwelling unit at ``index``, its number and a comma ("Flat 2, ", "apt 4b "),
        or ``None`` when ``index`` holds no unit followed by a number."""
        if tokens[index].key not in DWELLING_UNITS or index + 2 >= len(tokens):
            return None
        number = tokens[index + 1]
        if not number.text[:1].isdigit() or len(number.text) > MAX_HOUSE_DIGITS + 1:
            return None
        position = self._number_end(text, tokens, index + 1)
        if position < len(tokens) and tokens[position].text == "," and self._same_line(text, tokens, position):
            position += 1
        return position

    def _unit_then_street(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
        """ "flat 2b, 77 station approach", "Apt 4, 12 Elm Road": a dwelling's number, then the
        house number and its street (``_number_first``), as British addresses write it."""
        position = self._after_dwelling_number(text, tokens, index)
        if position is None or position >= len(tokens) or not self._is_house_number(tokens[position]):
            return None
        if not self._same_line(text, tokens, position):
            return None
        street = self._number_first(text, tokens, position)
        return (index, street[1]) if street is not None else None

    def _street_after_building(self, text: str, tokens: Sequence[Token], end: int) -> int:
        """The end of a street named after a building's name and a comma ("Lister House,
        Commercial Road"), or ``end`` when none follows."""
        if end >= len(tokens) or tokens[end].text != "," or not self._same_line(text, tokens, end):
            return end
        last_street = self._last_street_word(text, tokens, end + 1, buildings=False)
        return last_street + 1 if last_street > end + 1 else end

    def _lower_case_street(self, text: str, tokens: Sequence[Token], start: int) -> int:
        """Index of the street word ending a building or street named in lower case after a unit
        typed in lower case ("flat 9 carlton mews"), or -1: name words that are no common words,
        then a word of ``STREET_WITHOUT_NUMBER`` ("flat 2 is on the road" is a sentence)."""
        street_words = STREET_WITHOUT_NUMBER.get(self.supported_language, frozenset())
        position = start
        while (
            position < len(tokens)
            and position - start < MAX_STREET_NAME_WORDS
            and tokens[position].is_word
            and tokens[position].key not in street_words
            and not self.lexicon.is_common(tokens[position].key)
            and self._same_line(text, tokens, position)
        ):
            position += 1
        if (
            start < position < len(tokens)
            and tokens[position].key in street_words
            and self._same_line(text, tokens, position)
        ):
            return position
        return -1

    def _last_street_word(self, text: str, tokens: Sequence[Token], start: int, buildings: bool) -> int:
        """Index of the last street word (or, with ``buildings``, building word) among the
        capitalised name words from ``start`` ("Rowan Court", "Lister House"), or -1."""
        position = start
        last_street = -1
        while (
            position < len(tokens)
            and position - start < MAX_NAME_WORDS_BEFORE_NUMBER
            and tokens[position].is_capitalised
            and self._name_word(tokens, position, text)
        ):
            if self._street_like(tokens[position]) or (buildings and tokens[position].key in BUILDING_WORDS):
                last_street = position
            position += 1
        return last_street

    def _number_first(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
        """ "42 Brown Mountain", "12, rue de la Paix", "255 Hersnapvej 18"."""
        position = self._number_end(text, tokens, index)
        if position < len(tokens) and tokens[position].text == "," and self._same_line(text, tokens, position):
            position += 1  # "12, rue de la Paix"
        elif (
            position + 1 < len(tokens)
            and self._is_house_number(tokens[position])
            and tokens[position + 1].is_word
            and self._same_line(text, tokens, position)
        ):
            position = self._number_end(text, tokens, position)  # building and house number: "975 3968 Bay Street"
        words_start = position
        while (
            position < len(tokens)
            and position - words_start < MAX_NAME_WORDS
            and self._name_word(tokens, position, text)
            and not self._after_english_street(tokens, words_start, position)
            and not self._name_after_lower_case_street(text, tokens, words_start, position)
        ):
            position += 1
        names = [t for t in tokens[words_start:position] if t.key not in PARTICLES]
        # "5 the crescent", "12 the green": a British street named by its kind alone, after "the"
        kind_alone = len(names) == 1 and tokens[words_start].key == "the" and names[0].key in KIND_ALONE_STREETS
        if not names or (tokens[words_start].key in self.units and not kind_alone) or names[0].key in self.units:
            return None
        if (
            position < len(tokens)
            and self._is_house_number(tokens[position])
            and self._same_line(text, tokens, position)
        ):
            after = self._number_end(text, tokens, position)
            if self._ends_address(text, tokens, after):
                return index, after  # continental order after a building number: "255 Hersnapvej 18"
        if (
            len(names) == 1
            and not self._street_like(names[0])
            and not names[0].is_capitalised
            and not self._followed_by_tail(text, tokens, position)
        ):
            return None  # "send it to 3 people"
        return index, position

    def _name_after_lower_case_street(
        self, text: str, tokens: Sequence[Token], words_start: int, position: int
    ) -> bool:
        """``tokens[position]`` opens a capitalised first name and surname that end the line, after a
        street of two words or more typed all in lower case: the writer's name after the address
        ("167 avenue de dumont Lucas Diaz"), not the street's last words."""
        street = tokens[words_start:position]
        if len(street) < MIN_LOWER_STREET_WORDS or not all(t.text.islower() for t in street):
            return False
        first = tokens[position]
        if not (first.is_capitalised and not first.is_upper and first.key in self.lexicon.first_names):
            return False
        if first.key in self.lexicon.particles or street[-1].key in PARTICLES:
            return False  # "boulevard de De Sousa": the street named after a person
        rest = text[first.end :].split("\n", 1)[0].split()
        return len(rest) == 1 and rest[0][:1].isupper() and rest[0].strip(".,!").isalpha()

    def _after_english_street(self, tokens: Sequence[Token], words_start: int, position: int) -> bool:
        """``tokens[position]`` is a lower-case common word after a name and its street word ("110
        Jordan Key account email ..."): the street has ended ("12 rue du moulin" goes on: "rue"
        opens the French street)."""
        token = tokens[position]
        if position - words_start < 2 or token.is_capitalised or token.key in PARTICLES:
            return False
        previous = tokens[position - 1]
        return self._street_like(previous) and self.lexicon.is_common(token.key)

    def _words_first(self, text: str, tokens: Sequence[Token], index: int, strict: bool) -> tuple[int, int] | None:
        """ "Kerkstraat 73bis", "Laan van Meerdervoort 12", "rue de la Loi 16 bte 3"."""
        position = index
        while (
            position < len(tokens)
            and position - index < MAX_NAME_WORDS_BEFORE_NUMBER + 2
            and self._name_word(tokens, position, text)
        ):
            position += 1
        names = [t for t in tokens[index:position] if t.key not in PARTICLES]
        if not names or len(names) > MAX_NAME_WORDS_BEFORE_NUMBER:
            return None
        if position >= len(tokens) or not self._is_house_number(tokens[position]):
            return None
        if not self._same_line(text, tokens, position):
            return None
        if self._trunk_of_a_phone(tokens, position):
            return None  # "verhuisd naar rotterdam 043-8038848": a town, then a phone number
        if _year_after_time_word(tokens, position):
            return None  # "moved to Manchester in 2009", "verhuisd naar Ede sinds 2015"
        if strict and not any(self._street_like(t) for t in names):
            return None  # "ik zit in groep 7"
        if all(t.is_upper and len(t.text) <= MAX_ACRONYM for t in names):
            return None  # "PSC 7951" (US military mail), "NL 12": acronyms, not street names
        everyday = names[0].key in self.units or all(t.key in self.lexicon.common_words for t in names)
        if everyday and not any(self._street_like(t) for t in names):
            return None  # "order 12", "page 3"
        end = self._number_end(text, tokens, position)
        if not self._ends_address(text, tokens, end):
            return None  # "de 3e verdieping", "kamer 12 minuten"
        return index, end

    def _trunk_of_a_phone(self, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` opens with a trunk zero and a dash or slash joins it to more digits than
        a house number has ("043-8038848", "010/4567890"): an area code, not a house number."""
        token = tokens[index]
        if not token.text.startswith("0") or index + 2 >= len(tokens):
            return False
        joiner, rest = tokens[index + 1], tokens[index + 2]
        return (
            joiner.text in "-/"
            and self._glued(tokens, index + 1)
            and self._glued(tokens, index + 2)
            and rest.text.isdigit()
            and len(rest.text) > MAX_HOUSE_DIGITS
        )

    def _street_like(self, token: Token) -> bool:
        return self.lexicon.has_suffix(token.key, self.lexicon.street_words)

    def _ends_address(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """What follows a house number ends an address: end, punctuation, a new line, a chat word,
        a postcode or a town."""
        if index >= len(tokens) or not self._same_line(text, tokens, index):
            return True
        token = tokens[index]
        if not token.is_word and not token.text.isdigit():
            return token.text not in "%€$£"
        if token.key in TOWN_PREPOSITIONS and index + 1 < len(tokens) and self._same_line(text, tokens, index + 1):
            town = self._place(text, tokens, index + 1, weak=False, capitalised=False, tail=True)
            if town is not None and town[1]:
                return True  # a town of the lists after it (reported on its own), not inches
        if token.key in self.units:
            return False
        if token.key in self.lexicon.street_words:
            return True  # "lives on Via Tasso 129 street", "Sludevej 13 St."
        return self._is_stop(token) or self._followed_by_tail(text, tokens, index)

    def _followed_by_tail(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        return self._tail(text, tokens, index) > index

    def _tail(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """Index after a postcode and/or town following an address at ``index`` (``index`` if none)."""
        position = index
        for _ in range(3):
            start = position
            if start < len(tokens) and tokens[start].text == "," and self._same_line(text, tokens, start):
                start += 1
            if start >= len(tokens) or not self._same_line(text, tokens, start):
                break
            after_comma = start > position
            postcode = self._postcode(text, tokens, start)
            if postcode is not None:
                position = postcode
                continue
            if position > index and _STATE.fullmatch(tokens[start].text) and after_comma:
                if self._number_not_postcode(text, tokens, start + 1):
                    break  # "Derby CT1W 1GU, SA 91 16 73 A": an identifier's letters, not a state
                position = start + 1  # "Springfield, IL"
                continue
            town = self._place(text, tokens, start, weak=False, capitalised=after_comma or position > index, tail=True)
            if town is None:
                break
            first = tokens[start].key
            if (
                not town[1]
                and position > index
                and first in self.lexicon.first_names
                and first not in self.lexicon.particles
            ):
                break  # "…, Cardiff DL11 8UJ Sylvia Williams": a signature after the town, no second town
            if start == position and self._name_after_lower_case_street(
                text, tokens, max(0, index - MIN_LOWER_STREET_WORDS), start
            ):
                break  # "167 avenue de dumont Lucas Diaz": the writer's name after a street in lower case
            if (
                town[0] < len(tokens)
                and tokens[town[0]].key in self.lexicon.after_cues
                and first in self.lexicon.first_names
                and self._same_line(text, tokens, town[0])
            ):
                break  # "28 sheppard meadows, Dominic Reed here": the writer's name before "here", no town
            position = self._after_cedex(text, tokens, town[0])
        return position

    def _after_cedex(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """Index after a French business-mail "Cedex" and its office number right after a town
        ("69002 Lyon Cedex 02"), or ``index`` when none follows."""
        if index >= len(tokens) or tokens[index].key != "cedex" or not self._same_line(text, tokens, index):
            return index
        index += 1
        following = tokens[index] if index < len(tokens) else None
        if following is not None and following.text.isdigit() and len(following.text) <= 2:
            return index + 1 if self._same_line(text, tokens, index) else index
        return index

    def _number_not_postcode(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]``, on the line of the token before it, opens with a digit and no postcode."""
        return (
            index < len(tokens)
            and self._same_line(text, tokens, index)
            and tokens[index].text[0].isdigit()
            and self._postcode(text, tokens, index) is None
        )

    def _postcode(self, text: str, tokens: Sequence[Token], index: int) -> int | None:
        """Index after a postcode starting at ``tokens[index]``, or None."""
        first = tokens[index]
        if not (first.text[0].isdigit() or (first.is_word and len(first.text) <= 2)):
            return None
        chunk = text[first.start : first.start + TAIL_WINDOW]
        end = -1
        for pattern in _POSTCODES:
            match = pattern.match(chunk)
            if match is None or not any(ch.isdigit() for ch in match.group()):
                continue
            candidate = first.start + match.end()
            if candidate < len(text) and text[candidate].isalnum():
                continue
            if match.group().isdigit() and text[candidate : candidate + 2].strip()[:1].isdigit():
                continue  # "4111 1111 …": a card or phone number, not a postcode
            end = candidate
            break
        if end < 0:
            return None
        position = index
        while position < len(tokens) and tokens[position].end <= end:
            position += 1
        return position if tokens[position - 1].end == end else None

    # ----------------------------------------------------------------------------------------
    # places

    def _place(
        self, text: str, tokens: Sequence[Token], index: int, weak: bool, capitalised: bool = True, tail: bool = False
    ) -> tuple[int, bool] | None:
        """(end index, from a list) of a place name at ``tokens[index]``, or None. ``tail``: the town
        after an address, where a signature may stand instead ("…, mitchell robinson here")."""
        start = index
        if tokens[start].text in "'’" and start + 1 < len(tokens) and self._glued(tokens, start + 1):
            start += 1  # "'s-Hertogenbosch": the apostrophe is its own token
        if start >= len(tokens) or not tokens[start].is_word:
            return None
        known = self._known_place(text, tokens, index, weak, tail)
        if known is not None and (tokens[start].is_capitalised or not weak or not self._common(tokens, index, known)):
            run = self._capitalised_run(text, tokens, start, weak) if tokens[start].is_capitalised else None
            if run is not None and run[0] > known and tokens[known].key in PARTICLES:
                return run[0], True  # "Newcastle upon Tyne": the list knows "Newcastle"
            return known, True  # "Dendermonde Cdt BESNARD": a signature follows the town
        if not capitalised:
            return None
        return self._capitalised_run(text, tokens, start, weak)

    def _capitalised_run(self, text: str, tokens: Sequence[Token], start: int, weak: bool) -> tuple[int, bool] | None:
        """(end index, False) of one to four capitalised words that read as a place name."""
        first = tokens[start]
        parts = first.text.replace("’", "'").split("-")
        if not first.is_capitalised:
            return (start + 1, False) if len(parts) >= 3 and all(p.isalpha() for p in parts) else None
        if len(first.text) < 2 or (first.is_upper and len(first.text) <= 2 and not weak):
            return None
        compass = (
            first.key in self.compass
            and start + 1 < len(tokens)
            and tokens[start + 1].is_capitalised
            and self._same_line(text, tokens, start + 1)
            and self._proper(tokens[start + 1], weak)
        )
        if not compass and (not self._proper(first, weak) or first.key.endswith("'s")):
            return None  # "I'm in Sarah's team"
        position = start + 1
        while position < len(tokens) and position - start < MAX_PLACE_WORDS and self._same_line(text, tokens, position):
            token = tokens[position]
            if self._postcode(text, tokens, position) is not None:
                break  # "London BD5X 5DX"
            if token.is_upper and not first.is_upper:
                break  # "Wigan Cdt BESNARD": a surname in capitals signs the message
            if (
                token.is_word
                and token.is_capitalised
                # after a compass word a first name is a town's: "East Preston", "North Shields"
                and (self._proper(token, weak=position > start + 1 or first.key not in COMPASS_WORDS))
            ):
                position += 1
                continue
            following = position + 1
            if (
                token.key in PARTICLES
                and following < len(tokens)
                and tokens[following].is_capitalised
                and self._same_line(text, tokens, following)
                and self._proper(tokens[following], weak=False)
            ):
                position += 2  # "Stoke on Trent", "Bergen op Zoom"
                continue
            break
        return position, False

    def _proper(self, token: Token, weak: bool) -> bool:
        """A capitalised word that reads as a proper noun: not a common or stop word (nor, after a
        weak cue, a known first name)."""
        key = token.key
        parts = key.split("-")
        lexicon = self.lexicon
        if key in self.stop_words or lexicon.is_common(key) or key in lexicon.titles:
            return False
        if any(lexicon.is_common(p) for p in parts) and len(parts) == 1:
            return False
        if lexicon.has_suffix(key, lexicon.organization_words):
            return False
        return not (weak and key in lexicon.first_names)

    def _common(self, tokens: Sequence[Token], start: int, end: int) -> bool:
        """Every word of ``tokens[start:end]`` is a common word ("reading" in "I'm in reading mode")."""
        return all(self.lexicon.is_common(t.key) for t in tokens[start:end] if t.is_word)

    def _known_place(
        self, text: str, tokens: Sequence[Token], index: int, weak: bool = False, tail: bool = False
    ) -> int | None:
        """End index of the longest place-list or gazetteer name starting at ``tokens[index]``.
        A gazetteer name in lower case must not open with a person's name after a weak cue or an
        address ("…, mitchell robinson here": Mitchell is a town in South Dakota), nor be made of
        dictionary words only after a weak cue ("i'm in stock")."""
        best = None
        for width in range(1, MAX_PLACE_TOKENS + 1):
            end = index + width
            if end > len(tokens) or not self._same_line(text, tokens, end - 1):
                break
            last = tokens[end - 1]
            if not (last.is_word or last.text in "'’-"):
                break
            if not last.is_word:
                continue
            key = place_list_key(text[tokens[index].start : last.end])
            if key in self.places or (
                self._gazetteer_place(key) and not ((weak or tail) and self._doubtful(tokens, index, end, key, weak))
            ):
                if width > 1 and not tokens[index].is_capitalised and self._common(tokens, index, end):
                    continue  # "ik kom uit de buurt van utrecht": De Buurt is a hamlet, "de buurt" the area
                if width == 2 and not tokens[index].is_capitalised and self._kind_of_place(tokens[index:end]):
                    continue  # "i live in the village of ...": The Village is a town in Oklahoma
                if width == 1 and not tokens[index].is_capitalised and tokens[index].key in self.function_words:
                    continue  # "ik woon in een huis": Een is a village in Drenthe, "een" an article
                best = end
        if best is None and "-" in tokens[index].text:
            best = self._town_and_district(tokens[index].text, index)
        return best

    def _kind_of_place(self, words: Sequence[Token]) -> bool:
        """An article and a noun for a kind of place, in lower case ("the village", "la ville")."""
        article, noun = words
        return article.key in self.function_words and noun.key in PLACE_NOUNS.get(self.supported_language, ())

    def _town_and_district(self, word: str, index: int) -> int | None:
        """``index + 1`` when the hyphenated ``word`` is a listed town and a listed district or
        town ("antwerpen-berchem", "Brussel-Laken"), which no list holds whole; otherwise None."""
        town, _, district = word.partition("-")
        town_key, district_key = place_list_key(town), place_list_key(district)
        if town_key in self.places and (district_key in self.places or district_key in self.gazetteer):
            return index + 1
        return None

    def _gazetteer_place(self, key: str) -> bool:
        """``key`` names a GeoNames town (``gazetteer_keys``) that is not named like the language's
        words: not all its words common ("Street" in Somerset, "Hope" in Derbyshire); a shortened
        name no dictionary word and no person's name either. Remembered per key."""
        found = self._gazetteer_memo.get(key)
        if found is not None:
            return found
        lexicon = self.lexicon
        if key in self.gazetteer:
            found = not all(lexicon.is_common_word(w) for w in key.split())
        elif key in self.gazetteer_heads:
            found = not (lexicon.is_common_word(key) or lexicon.in_dictionary(key) or lexicon.is_known_name(key))
        else:
            return False
        return self._gazetteer_memo.remember(key, found)

    def _doubtful(self, tokens: Sequence[Token], start: int, end: int, key: str, words: bool) -> bool:
        """``tokens[start:end]`` (whose place key is ``key``) in lower case and opening with a known
        first name or surname ("mitchell"), or (``words``) made of dictionary words only ("stock")
        and no town of ``TOWN_FLOOR`` inhabitants or more ("kettering")."""
        if tokens[start].is_capitalised:
            return False
        lexicon = self.lexicon
        if lexicon.is_known_name(tokens[start].key):
            return True
        if not words or key in self.gazetteer_towns:
            return False  # a town of 10,000 or more: "im in kettering"
        return all(lexicon.in_dictionary(t.key) for t in tokens[start:end] if t.is_word)


def _year_after_time_word(tokens: Sequence[Token], position: int) -> bool:
    """``tokens[position]`` is a year after a time word: "in 2009", "sinds 2015"."""
    number = tokens[position].text
    return (
        position > 0
        and tokens[position - 1].key in YEAR_WORDS
        and len(number) == 4
        and number.isdigit()
        and int(number) in YEARS
    )
