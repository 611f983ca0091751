"""French postal addresses: street lines, and "75011 Paris"-style postcode + town."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import re2
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import ENGLISH, Re2Pattern, Re2PatternRecognizer, make_result
from recognizers.entities import ADDRESS
from recognizers.names.lexicons import load_lexicon
from recognizers.names.place_gazetteer import gazetteer_keys, place_list_key
from recognizers.settings import RecognizerSettings

# Street types, as people type them (AFNOR NF Z 10-011 abbreviations and the usual spellings).
# Strong types are hardly ever anything but a street; weak ones are everyday words too ("1 place de
# parking", "2 cours de yoga"), so they score lower and need a number or a postcode.
_STRONG_TYPES = (
    "rue|ruelle|avenue|av|ave|boulevard|bd|bld|blvd|bvd|impasse|imp|allée|allee|allées|allees|"
    "chemin|chem|quai|square|lieu-dit|lieudit|lieu dit|faubourg|fbg|chaussée|chaussee|venelle|"
    "hameau|esplanade|promenade|sentier|rond-point|rond point|montée|montee|traverse|"
    "lotissement|résidence|residence|parvis|grande rue|grand'rue|grand-rue"
)
_WEAK_TYPES = (
    "place|pl|cours|crs|voie|route|rte|passage|villa|clos|domaine|cité|cite|ch|sq|res|rés|résid|resid|r|"
    # business estates: "ZI des Glaisins", "ZA du Moulin", "zone artisanale de Kerbois"
    "zi|za|zac|zone industrielle|zone artisanale|zone d'activités|zone d'activites|parc d'activités|"
    "parc d'activites"
)
_STRONG = frozenset(_STRONG_TYPES.split("|"))
#: Types that name one group of homes ("résidence Les Tilleuls", "Rés. Les Pins", "lotissement Le Clos
#: Fleuri", "hameau de Vaux") or of firms ("ZI des Glaisins"): with a capitalised name they locate a
#: home or a workplace without a number, as a street does not.
_NAMED_ESTATES = frozenset(
    {
        "résidence", "residence", "res", "rés", "résid", "resid", "lotissement", "hameau", "lieu-dit", "lieudit",
        "lieu dit", "zi", "za", "zac", "zone industrielle", "zone artisanale", "zone d'activités", "zone d'activites",
        "parc d'activités", "parc d'activites",
    }
)  # fmt: skip
_STREET_TYPES = _STRONG | frozenset(_WEAK_TYPES.split("|"))
#: Types that are no English word ("rue", "allée", "quai"): in an English message the others ("3 avenue
#: blocks", "2 square feet", "5 place settings") name a French street only before a capitalised name
#: ("17 Avenue Foch") or with a postcode after it.
_FRENCH_ONLY_TYPES = _STRONG - frozenset(
    {"avenue", "av", "ave", "boulevard", "bd", "bld", "blvd", "bvd", "impasse", "imp", "square", "esplanade",
     "promenade", "traverse", "residence"}
)  # fmt: skip
#: Types too short to stand without a postcode and a town after the street ("5 r de la paix 75002 paris"),
#: unless typed with their dot after a house number ("5 r. Victor Hugo")
_POSTCODE_ONLY_TYPES = frozenset({"r"})

# RE2 only finds anchors: "[number [bis]] [,] street-type " and "postcode ". The words after an
# anchor are read in Python (``_tokens``), at most ``MAX_WINDOW_WORDS`` of them, so the cost per
# anchor is bounded and one address's window cannot swallow the next address.
_HOUSE_NUMBER = r"[0-9]{1,4}(?:-[0-9]{1,4})?(?: ?(?:bis|ter|quater|[a-d]))?"
_STREET_BODY = rf"(?:(?P<num>{_HOUSE_NUMBER}) ?,? {{1,3}})?(?P<type>{_STRONG_TYPES}|{_WEAK_TYPES})\.? {{1,3}}"
_STREET = rf"(?i){_STREET_BODY}"
_POSTCODE = r"[0-9]{5} {1,3}"
# Both anchors in one RE2 pass; the street anchor cannot start on five digits, so they never compete.
_ANCHORS = re2.compile(rf"(?i:{_STREET_BODY})|(?P<cp>{_POSTCODE})")
# In an English message a French street is read after its house number and on a type written out
# ("17 rue Lafayette", "8 Avenue Foch"): "r", "pl", "ch" and the like, and a type without a number,
# would be anchors in most English texts ("for the", "each") for addresses English hardly holds.
_ABBREVIATED_TYPES = frozenset(
    {"av", "ave", "bd", "bld", "blvd", "bvd", "imp", "chem", "fbg", "pl", "crs", "rte", "ch", "sq", "res", "rés",
     "résid", "resid", "r", "zi", "za", "zac"}
)  # fmt: skip
_WRITTEN_TYPES = "|".join(t for t in f"{_STRONG_TYPES}|{_WEAK_TYPES}".split("|") if t not in _ABBREVIATED_TYPES)
_ENGLISH_ANCHORS = re2.compile(
    rf"(?i:(?P<num>{_HOUSE_NUMBER}) ?,? {{1,3}}(?P<type>{_WRITTEN_TYPES})\.? {{1,3}})|(?P<cp>{_POSTCODE})"
)

MAX_WINDOW_WORDS = 14
MAX_WINDOW_CHARS = 320
_LETTER = r"0-9A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}"  # Latin is all French needs
_WINDOW_WORD = rf"[{_LETTER}][{_LETTER}\x{{300}}-\x{{36F}}'’\-]*\.?"
_WINDOW = re2.compile(rf"{_WINDOW_WORD}(?:(?: {{1,3}}| {{0,3}}, {{0,3}}){_WINDOW_WORD}){{0,{MAX_WINDOW_WORDS - 1}}}")
"""The words after an anchor: at most ``MAX_WINDOW_WORDS``, separated by spaces or a comma."""


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit as data)."""
    return frozenset(words.split())


MAX_NAME_WORDS = 7
MAX_TOWN_WORDS = 5

# Chat words that end a street name or a town: conjunctions, pronouns, verbs, politeness, and what
# usually follows an address in a message; English ones too, for a French address in an English
# message ("sent to 17 rue Lafayette by mistake"). Elided forms are checked on the part before the
# apostrophe ("j'habite" -> "j").
_STOP = _word_set(
    """
    et ou mais donc car ni or svp stp merci mci bonjour bonsoir salut cordialement please thanks thx pls
    je j tu il elle on nous vous ils elles c ça ca cela ceci qui que qu quand quoi comment pourquoi où
    est sont suis es êtes etes sommes était etait étais ai as avons avez ont avais avait va vais
    mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces s m t
    ne n pas plus jamais rien si comme alors puis ensuite aussi encore déjà deja toujours bien très tres
    pour par avec sans chez dans vers depuis pendant après apres avant entre près pres à a jusqu jusque
    hier demain aujourd maintenant lorsqu puisqu
    tel tél téléphone telephone portable mobile mail email e-mail digicode interphone
    livraison colis commande facture
    and my the is at in
    by to for from with of on was were will would can could should it this that there here when if so
    but not yes be been have has had do does did me we you he she they them his her our your their
    instead today tomorrow yesterday now again already because since until after before near which
    who what where while as also only just thank
    """
)
# Small words inside names ("rue de la Paix") that cannot end one.
_PARTICLES = _word_set("de du des d la le les l au aux en sur sous lès lez")
# Words after which a town goes on ("La Roche-sur-Yon" typed "la roche sur yon", "Saint Denis"),
# also as the last part of a hyphenated word ("Saint-Jean-de Luz").
_TOWN_OPENERS = _word_set("le la les l saint st ste sainte de du des da dos")
_TOWN_LINKS = _word_set("sur sous en lès lez les de du des aux")
_TOWN_CONTINUED = _TOWN_OPENERS | _TOWN_LINKS
_ARRONDISSEMENT_CITIES = _word_set("paris lyon marseille")
# What follows a 5-digit number in chat when it is not a postcode.
_NOT_TOWNS = _word_set(
    """
    euros euro eur dollars usd livres km kms kilomètres kilometres m mètres metres m2 m² kg g tonnes
    points pts habitants hab personnes fois jours j ans mois semaines heures h min minutes secondes sec
    ex exemplaires articles pièces pieces unités unites colis commandes commande produits clients
    abonnés abonnes vues pages mots caractères caracteres lignes octets ko mo go mb gb kb w kw kwh
    mah mhz ghz ttc ht cts centimes paquets boîtes boites bouteilles litres l ml cl cm mm ref réf
    référence reference numéro numero no n° cedex
    """
)
_MONTHS = _word_set(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre"
)
_ROAD_NUMBERED = _word_set("nationale départementale departementale rn rd n° cd")
#: Where in the building, after the street or the estate: "bât. C, apt 12", "escalier B", "porte 4".
_COMPLEMENTS = _word_set(
    "bât bat bâtiment batiment bt esc escalier apt appt app appart appartement porte logement lgt entrée entree"
)
_FLOORS = _word_set("étage etage")
#: A floor's ordinal: "3e", "1er", "2ème", "4eme".
_FLOOR_ORDINAL = re.compile(r"[0-9]{1,2}(?:e|er|ère|ere|ème|eme|è)")
#: A complement's label: a number with a letter maybe ("12", "B2", "12b"), or a capital, or a
#: lower-case letter that is no French word ("bât. A", "bat c"; not "a", "à", "y": "porte à côté").
_COMPLEMENT_LABEL = re.compile(r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?|[A-Zb-xz]")
_TRIM = ".-'’"

Span = tuple[int, int]


def _tokens(text: str, start: int) -> list[Span]:
    """Word and comma spans of the window after an anchor (see ``_WINDOW``).

    A dot may end a word; it ends the window too unless the word is a short abbreviation
    ("st.", "ste.", "gal.").
    """
    # A slice, not ``match(text, start)``: the RE2 wrapper re-encodes the whole text on every call,
    # which would make a message full of anchors quadratic.
    chunk = text[start : start + MAX_WINDOW_CHARS]
    match = _WINDOW.match(chunk)
    window = match.group() if match is not None else ""
    spans: list[Span] = []
    position = 0
    for piece in window.replace(",", " , ").split():
        begin = chunk.index(piece, position)
        position = begin + len(piece)
        spans.append((start + begin, start + position))
        if piece.endswith(".") and len(piece) > 4 and piece[:-1].lower() not in _COMPLEMENTS:
            break
    cut = start + len(chunk)
    if spans and spans[-1][1] == cut < len(text) and text[cut].isalnum():
        spans.pop()  # a word cut by the slice
    return spans


def _complements(text: str, tokens: Sequence[Span], index: int, end: int) -> tuple[int, int]:
    """(index, end) after the building's complements at ``tokens[index]``, each with its label and
    an optional comma: "bât. C, apt 12, 3e étage" after "résidence Les Érables, ". A resident is
    found by them as by the house number; ``end`` unchanged when there are none."""
    while index + 1 < len(tokens):
        word, label = _word(text, tokens[index]), text[slice(*tokens[index + 1])]
        if not (
            (word in _COMPLEMENTS and _COMPLEMENT_LABEL.fullmatch(label))
            or (_FLOOR_ORDINAL.fullmatch(word) and _word(text, tokens[index + 1]) in _FLOORS)
        ):
            break
        end = _end_of(text, tokens[index + 1])
        index += 2
        if index < len(tokens) and text[tokens[index][0]] == ",":
            index += 1
    return index, end


def _word(text: str, span: Span) -> str:
    return text[span[0] : span[1]].lower().rstrip(_TRIM)


def _is_stop(word: str) -> bool:
    head = word.replace("’", "'").split("'", 1)[0]
    return word in _STOP or ("'" in word.replace("’", "'") and head in _STOP)


def plausible_postcode(value: str) -> bool:
    """Five digits whose department part exists: 01-95 (20 for Corsica), 97 and 98 overseas."""
    return len(value) == 5 and value.isdecimal() and (1 <= int(value[:2]) <= 95 or value[:2] in ("97", "98"))


def _end_of(text: str, span: Span) -> int:
    """Span end without trailing punctuation typed after the word."""
    end = span[1]
    while end > span[0] and text[end - 1] in _TRIM:
        end -= 1
    return end


def _after_au(text: str, start: int) -> bool:
    """The word "au" or "du" right before ``start`` (a house number): "remis au 5 place
    Bellecour", "au 3e étage du 8 place Bellecour"."""
    before = text[:start].rstrip(" \t")
    if len(before) == start or before[-2:].lower() not in ("au", "du"):
        return False
    return len(before) == 2 or not (before[-3].isalnum() or before[-3] in "'’")


def _capitalised_name(text: str, tokens: Sequence[Span]) -> bool:
    """The name's first word that is no particle is capitalised ("de Vaux", "Les Tilleuls")."""
    for start, end in tokens:
        if text[start:end].lower() not in _PARTICLES:
            return text[start].isupper()
    return False


class FrAddressRecognizer(Re2PatternRecognizer):
    """French postal addresses as typed in chat, lower-case included.

    Format (La Poste / AFNOR NF Z 10-011, "adresse postale"): ``[number [bis|ter]] [,] type name
    [,] [postcode town]``, e.g. "12 rue de la Paix, 75002 Paris", "5 bis av. jean jaurès",
    "12, boulevard du 8 mai 1945 69003 lyon", "lieu-dit les granges". Postcode: 5 digits whose
    first two (three overseas) are the department. A standalone "75011 Paris" is reported too.

    RE2 finds the anchors (a number and a street type; a postcode); Python then reads at most 14
    words after each: the name stops at a chat word ("merci", "et", "je"...), a comma or a 5-digit number,
    never ends on a particle ("de", "la"), and allows small numbers only in dates and road numbers
    ("rue du 8 mai 1945", "route nationale 7"); a following postcode takes the town with it.

    Scores: street + postcode 0.85; number + strong type ("rue", "avenue"...) 0.6; number + weak
    type ("place", "cours", "route"...) 0.4, 0.6 after "au" with a capitalised name ("remis au 5
    place Bellecour"); strong type without number 0.3; weak type without number only with a
    postcode (0.75); "r" (rue) only with a postcode and a town, or typed "r." after a house number
    ("5 r. Victor Hugo", as a weak type). Standalone postcode + town: 0.7 when the town is a place
    of GeoNames' list ("18100 vierzon": ``place_gazetteer``), else 0.35 if the town is
    capitalised, 0.25 in lower case (chat: "12000 euros", "12345 annulée" must not pass alone);
    context words ("adresse", "habite", "livraison"...) lift them.

    In an English message (the instance built for "en": a French address typed by an English
    speaker) a street is read only after its house number and on a type written out ("17 rue
    Lafayette"; not "r", "bd", nor a type without a number), a type that is an English word too
    ("avenue", "place", "square", "route") only before a capitalised name ("17 Avenue Foch") or
    with a postcode, and a standalone postcode only before a town of GeoNames' list; English words
    end a name as chat words do.
    """

    STREET_STRONG_SCORE = 0.6
    STREET_WEAK_SCORE = 0.4
    STREET_NO_NUMBER_SCORE = 0.3
    NAMED_ESTATE_SCORE = 0.55  # above the threshold: "résidence Les Tilleuls", no number needed
    STREET_POSTCODE_SCORE = 0.85
    STREET_POSTCODE_NO_NUMBER_SCORE = 0.75
    POSTCODE_TOWN_SCORE = 0.35
    POSTCODE_TOWN_LOWER_SCORE = 0.25
    POSTCODE_KNOWN_TOWN_SCORE = 0.7

    PATTERNS = (
        Re2Pattern(name="fr_street_address", regex=_STREET, score=STREET_STRONG_SCORE),
        Re2Pattern(name="fr_postcode_town", regex=_POSTCODE, score=POSTCODE_TOWN_SCORE),
    )
    CONTEXT = (
        "adresse",
        "habite",
        "habitons",
        "domicile",
        "domicilié",
        "livraison",
        "livrer",
        "livré",
        "expédition",
        "envoyer",
        "postal",
        "ville",
        "réside",
        "demeure",
        "address",
        "live",
        "delivery",
        "shipping",
    )

    def __init__(self, supported_language: str = "fr", lexicon_dir: Path | None = None) -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            require_boundaries=False,  # the start is checked in ``analyze``; words end the span
        )
        # the towns of GeoNames' list as French chat names them (``place_gazetteer.gazetteer_keys``)
        self.towns = gazetteer_keys("fr")[0]
        self._in_english = supported_language == ENGLISH
        self.lexicon = load_lexicon(lexicon_dir or RecognizerSettings().lexicon_dir, "fr")
        self._anchors = _ENGLISH_ANCHORS if self._in_english else _ANCHORS
        groups = self._anchors.groupindex
        self._num_group: int = groups["num"]
        self._type_group: int = groups["type"]
        self._cp_group: int = groups["cp"]

    def screen_regexes(self) -> list[str]:
        """Every address starts at an anchor: the patterns themselves are never run as such."""
        return [self._anchors.pattern]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Street addresses, and postcode + town pairs outside them, in one pass over the anchors."""
        street_pattern, town_pattern = self.patterns
        results: list[RecognizerResult] = []
        covered = 0  # end of the last reported address: anchors before it are inside it
        for match in self._anchors.finditer(text):
            if match.start() < covered:
                continue
            if match.start(self._cp_group) < 0:
                street = self._read_street(text, match)
                if street is not None:
                    start, covered, score = street
                    results.append(self._result(street_pattern, start, covered, score))
            else:
                town = self._read_postcode_town(text, *match.span())
                if town is not None:
                    start, (covered, score) = match.start(), town
                    results.append(self._result(town_pattern, start, covered, score))
        return list(EntityRecognizer.remove_duplicates(results))

    def _read_street(self, text: str, match: Any) -> tuple[int, int, float] | None:
        """(start, end, score) of the street address an anchor starts, or None."""
        start = match.start(self._num_group)
        has_number = start >= 0
        type_start, type_end = match.span(self._type_group)
        if not has_number:
            start = type_start
        if start > 0 and text[start - 1].isalnum():
            return None
        strong = text[type_start:type_end].lower() in _STRONG
        tokens = _tokens(text, match.end())
        name_count = self._read_name(text, tokens)
        if name_count == 0:
            return None
        end = _end_of(text, tokens[name_count - 1])
        index = name_count
        if index < len(tokens) and text[tokens[index][0]] == ",":
            index += 1
        index, end = _complements(text, tokens, index, end)
        # "5 r. Victor Hugo": with its dot and a house number, "r" is the street's type as typed
        dotted = has_number and text[type_end : type_end + 1] == "."
        abbreviated = text[type_start:type_end].lower() in _POSTCODE_ONLY_TYPES and not dotted
        if index < len(tokens) and plausible_postcode(text[slice(*tokens[index])]):
            town_end = self._read_town(text, tokens[index + 1 :], standalone=abbreviated)
            if town_end is None and abbreviated:
                return None  # "la série 5 r design 75000 km": no town, no address
            end = town_end if town_end is not None else tokens[index][1]
            score = self.STREET_POSTCODE_SCORE if has_number else self.STREET_POSTCODE_NO_NUMBER_SCORE
        elif abbreviated or (
            self._english_word_type(text[type_start:type_end]) and not _capitalised_name(text, tokens[:name_count])
        ):
            return None
        elif has_number:
            # "remis au 5 place Bellecour": "au" before the number, a capitalised name after a weak type
            at_number = _after_au(text, start) and _capitalised_name(text, tokens[:name_count])
            score = self.STREET_STRONG_SCORE if strong or at_number else self.STREET_WEAK_SCORE
        elif text[type_start:type_end].lower() in _NAMED_ESTATES and _capitalised_name(text, tokens[:name_count]):
            score = self.NAMED_ESTATE_SCORE
        elif strong:
            score = self.STREET_NO_NUMBER_SCORE
        else:
            return None
        return start, end, score

    def _english_word_type(self, street_type: str) -> bool:
        """In an English message, a street type that is an English word too ("avenue", "place")."""
        return self._in_english and street_type.lower() not in _FRENCH_ONLY_TYPES

    @staticmethod
    def _read_name(text: str, tokens: list[Span]) -> int:
        """How many leading tokens form the street name (0: no usable name)."""
        count = 0
        previous = ""
        for index, span in enumerate(tokens[:MAX_NAME_WORDS]):
            word = _word(text, span)
            if not word or word == "," or _is_stop(word):
                break
            if not any(ch.isalpha() for ch in word):
                # Numbers belong to a name only as a date or a road number ("rue du 8 mai 1945",
                # "route nationale 7"); otherwise they start what follows (a phone, a postcode).
                following = _word(text, tokens[index + 1]) if index + 1 < len(tokens) else ""
                date_or_road = previous in _MONTHS or previous in _ROAD_NUMBERED
                day = len(word) <= 2 and following in _MONTHS
                if not (word.isdigit() and len(word) <= 4 and (date_or_road or day)):
                    break
            count += 1
            previous = word
        while count and _word(text, tokens[count - 1]) in _PARTICLES:
            count -= 1
        names = [_word(text, span) for span in tokens[:count]]
        if not any(w[0].isalpha() and w not in _PARTICLES for w in names):
            return 0
        return count

    @staticmethod
    def _read_town(text: str, tokens: list[Span], standalone: bool) -> int | None:
        """End offset of the town starting ``tokens`` (None: no town there)."""
        if not tokens:
            return None
        first = _word(text, tokens[0])
        if not first or not first[0].isalpha() or _is_stop(first) or first in _STREET_TYPES:
            return None
        if standalone and first in _NOT_TOWNS:
            return None
        if standalone and text[tokens[0][0]].islower() and first.endswith(("é", "ée", "és", "ées", "ez", "ait")):
            return None  # "commande 12345 annulée": a participle, not a town
        count = 1
        index = 1
        while index < len(tokens) and count < MAX_TOWN_WORDS:
            word = _word(text, tokens[index])
            previous = _word(text, tokens[index - 1])
            following = _word(text, tokens[index + 1]) if index + 1 < len(tokens) else ""
            if not word or word == "," or _is_stop(word):
                break
            if word == "cedex":
                index += 1
                if index < len(tokens) and _word(text, tokens[index]).isdigit():
                    index += 1
                break
            if previous.rsplit("-", 1)[-1] in _TOWN_CONTINUED and word[0].isalpha():
                index += 1
            elif word in _TOWN_LINKS and following and following[0].isalpha() and not _is_stop(following):
                index += 2
            elif word.startswith(("d'", "d’", "l'", "l’")):
                index += 1
            elif index == 1 and first in _ARRONDISSEMENT_CITIES and word.rstrip("eèmr").isdigit():
                index += 1
                break
            else:
                break
            count += 1
        return _end_of(text, tokens[min(index, len(tokens)) - 1])

    def _read_postcode_town(self, text: str, start: int, anchor_end: int) -> tuple[int, float] | None:
        """(end, score) of a standalone postcode + town, or None."""
        postcode = text[start : start + 5]
        if (start > 0 and text[start - 1].isalnum()) or not plausible_postcode(postcode):
            return None
        tokens = _tokens(text, anchor_end)
        end = self._read_town(text, tokens, standalone=True)
        if end is None:
            return None
        known = self._known_town_end(text, tokens, end)
        if known is not None:
            return known, self.POSTCODE_KNOWN_TOWN_SCORE
        if self._in_english:
            return None  # five digits and a word in English: a US house number ("27534 Elm"), a quantity
        capitalised = text[tokens[0][0]].isupper()
        return end, self.POSTCODE_TOWN_SCORE if capitalised else self.POSTCODE_TOWN_LOWER_SCORE

    def _known_town_end(self, text: str, tokens: list[Span], end: int) -> int | None:
        """End of the longest run of the town's words (up to ``end``) that names a place of the
        GeoNames list ("18100 vierzon ce week-end" -> "vierzon") and is not one French word in
        lower case ("10000 tours"), or None."""
        words = [span for span in tokens if span[1] <= end and text[span[0]] != ","]
        for count in range(len(words), 0, -1):
            last = _end_of(text, words[count - 1])
            key = place_list_key(text[words[0][0] : last])
            if key in self.towns:
                # a single French word in lower case is a quantity's unit first ("10000 tours",
                # "12000 pas"), unless a curated list knows the town ("75011 paris")
                word = " " not in key and text[words[0][0]].islower() and self.lexicon.in_dictionary(key)
                return None if word and key not in self.lexicon.places else last
        return None

    def _result(self, pattern: Re2Pattern, start: int, end: int, score: float) -> RecognizerResult:
        return make_result(self, ADDRESS, start, end, score, pattern=pattern)
