"""International and US postal address parts: "1600 Pennsylvania Avenue NW, Apt. 4", "Apt. 864",
"Springfield, IL 62704", "P.O. Box 287", "PSC 3294, Box 9168 APO AA 61487", and the address block
around them ("6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677").

UK street lines without a unit ("221B Baker Street, London") are ``UkAddressRecognizer``'s and UK
postcodes ``UkPostcodeRecognizer``'s; this recognizer adds what they leave out: longer house numbers,
the USPS street suffixes (Parkway, Highway, Mill, Spring, Forge…), a trailing unit, units on their
own, the "Town, ST 12345" line, PO boxes and US military addresses, then grows each of them over the
neighbouring lines of the same address (building number, street, unit, town, state, country, ZIP).
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.uk_address import STOPWORDS, WORDS
from recognizers.nl.common import word_set

# Latin letters, accented ones included, without \p{L} (see recognizers/base.py).
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"(?:[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?|[0-9]{{1,3}}(?:st|nd|rd|th))"
_TOWN_WORD = rf"[{_UPPER}][{_UPPER}{_LOWER}'’.\-]+"
_HOUSE_NUMBER = r"[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,6}[A-Za-z]?)?"
_STREET_TYPES = (
    r"(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Way|Terrace|Parkway|Highway|Circle|Trail"
    r"|Square|Crescent|Close|Alley|Plaza|Expressway|Freeway|Turnpike|Pike|Loop)"
    r"|(?:St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Trl|Sq|Cres|Expy|Fwy|Tpke)\.?)"
)
_DIRECTION = r"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"
_UNIT_WORDS = r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Rm)"
_UNIT = rf"{_UNIT_WORDS}\.?[ \t]*#?[ \t]*[0-9]{{1,5}}[A-Za-z]?"
# USPS Publication 28, Appendix C1 (street suffix abbreviations): the primary suffix names, and the
# standard abbreviations that are not everyday words. Names already in ``_STREET_TYPES`` score 0.6;
# the others ("Mill", "Spring", "Forge", "Estates", "Burg", "Mountain"…) are words of everyday English
# too ("2 Samsung Galaxy View"), so they score lower and lean on a context word.
USPS_SUFFIXES = word_set(
    "Alley Annex Anex Arcade Avenue Bayou Beach Bend Bluff Bluffs Bottom Boulevard Branch Bridge Brook Brooks "
    "Burg Burgs Bypass Camp Canyon Cape Causeway Center Centers Centre Circle Circles Cliff Cliffs Club Common "
    "Commons Corner Corners Course Court Courts Cove Coves Creek Crescent Crest Crossing Crossroad Crossroads "
    "Curve Dale Dam Divide Drive Drives Estate Estates Expressway Extension Extensions Fall Falls Ferry Field "
    "Fields Flat Flats Ford Fords Forest Forge Forges Fork Forks Fort Freeway Garden Gardens Gateway Glen Glens "
    "Green Greens Grove Groves Harbor Harbors Harbour Haven Heights Highway Hill Hills Hollow Inlet Island "
    "Islands Isle Junction Junctions Key Keys Knoll Knolls Lake Lakes Land Landing Lane Light Lights Loaf Lock "
    "Locks Lodge Loop Mall Manor Manors Meadow Meadows Mews Mill Mills Mission Motorway Mount Mountain "
    "Mountains Neck Orchard Oval Overpass Park Parks Parkway Parkways Pass Passage Path Pike Pine Pines Place "
    "Plain Plains Plaza Point Points Port Ports Prairie Radial Ramp Ranch Rapid Rapids Rest Ridge Ridges River "
    "Road Roads Route Row Rue Run Shoal Shoals Shore Shores Skyway Spring Springs Spur Spurs Square Squares "
    "Station Stravenue Stream Street Streets Summit Terrace Throughway Trace Track Trafficway Trail Trailer "
    "Tunnel Turnpike Underpass Union Unions Valley Valleys Viaduct View Views Village Villages Ville Vista "
    "Walk Walks Wall Way Ways Well Wells "
    # Royal Mail PAF thoroughfare descriptors not in the USPS list
    "Close Drove Embankment Esplanade Gate Grange Mead Parade Quay Rise Wharf Wynd Yard"
)
_USPS_ABBREVIATIONS = word_set(
    "Aly Anx Byp Cswy Ctr Crk Crst Xing Xrd Ests Expy Ext Frk Frst Gdns Gtwy Grv Hbr Hts Holw Jct Lndg Mdws "
    "Mnr Mtn Mtns Mt Orch Plz Pt Rdg Rnch Spg Spgs Sta Trce Trl Tunl Vly Vlg Vw Vis"
)
# Longest first: RE2 takes the first alternative that matches ("Mount" in "Mountain").
_USPS_TYPES = (
    "(?:(?:"
    + "|".join(sorted(USPS_SUFFIXES, key=lambda w: (-len(w), w)))
    + ")|(?:"
    + "|".join(sorted(_USPS_ABBREVIATIONS, key=lambda w: (-len(w), w)))
    + r")\.?)"
)
# A direction before the name too: "221 W 72nd St", "1600 N. Main Street".
_PRE_DIRECTION = r"(?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+)?"
_STREET = rf"{_HOUSE_NUMBER}[ \t]+{_PRE_DIRECTION}(?:{_WORD}[ \t]+){{1,4}}{_STREET_TYPES}{_DIRECTION}"
_STREET_USPS = rf"{_HOUSE_NUMBER}[ \t]+{_PRE_DIRECTION}(?:{_WORD}[ \t]+){{1,4}}{_USPS_TYPES}{_DIRECTION}"
_STREET_WITH_UNIT = rf"(?:{_STREET}|{_STREET_USPS})(?:,?[ \t]*(?:{_UNIT}|#[ \t]*[0-9]{{1,5}}[A-Za-z]?))"
# Unambiguous unit words alone ("Apt. 864", "Suite 838"); "Unit 4", "Flat 2", "Room 12" alone are
# too often something else and only count with an address word nearby.
_UNIT_ALONE = r"(?:Apt\.?|Apartment|Suite|Ste\.)[ \t]*#?[ \t]*[0-9]{1,5}[A-Za-z]?"
_UNIT_ALONE_WEAK = r"(?:Unit|Flat|Room)[ \t]+[0-9]{1,5}[A-Za-z]?"
# USPS state and territory codes, plus the military "states" AA, AE, AP.
_STATES = (
    r"(?:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[AWR]"
    r"|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])"
)
_ZIP = r"[0-9]{5}(?:-[0-9]{4})?"
_SPACE = r"[ \t]*\n?[ \t]*"  # address lines may be broken anywhere
_TOWN_STATE_ZIP = rf"{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,3}}{_SPACE},{_SPACE}{_STATES}{_SPACE}{_ZIP}"
_PO_BOX = r"(?i)(?:P\.?[ \t]?O\.?|Post[ \t]+Office)[ \t]*Box[ \t]*#?[ \t]*[0-9]{1,6}"
# US military mail (USPS Publication 28, section 23): "PSC 3294, Box 9168 / APO AA 61487".
_MILITARY_LINE = r"(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+[0-9]{5}(?:-[0-9]{4})?"
_MILITARY_UNIT = r"(?:PSC|CMR|Unit)[ \t]+[0-9]{1,5},?[ \t]+Box[ \t]+[0-9]{1,5}"
_MILITARY_SHIP = r"(?:USNS|USNV|USS|USCGC)[ \t]+[A-Za-z][A-Za-z'\-]{1,30}(?:[ \t]+[A-Za-z][A-Za-z'\-]{1,30})?"
# Case-insensitive: the shape (APO/FPO/DPO, AA/AE/AP, five digits) is specific enough in any case.
_MILITARY = rf"(?i)(?:(?:{_MILITARY_UNIT}|{_MILITARY_SHIP})[ \t,]*\n?[ \t]*)?{_MILITARY_LINE}"


# -- growing a match over the rest of its address block -------------------------------------------

#: What separates the lines of an address block as typed or pasted: new lines, commas, ">" quoting,
#: "|" or ";" and runs of spaces.
_SEPARATORS = ",\n>;|"
#: Unit and box words, followed by their number ("Apt. 762", "Suite 501", "Box 9972").
_UNIT_WORDS_GROW = frozenset({"apt", "apartment", "suite", "ste", "unit", "flat", "room", "rm", "box", "#"})
#: Small words inside street and town names ("Rua do Arenque", "Črni Vrh nad Idrijo", "ul. Miła").
_PARTICLES = word_set(
    "de del della di da do dos das du des la le les van von der den het ter nad pod am an im zum zur sur sous "
    "en lès on upon y i e u. ul. al el"
)
#: Words that end an address block even when capitalised: English stop words and chat words.
_NOT_ADDRESS = frozenset(STOP_WORDS) | word_set(
    "thanks thank thx please pls regards best cheers hi hello dear kind mobile phone tel fax desk email e-mail "
    "website office name address card number"
)
MAX_GROWN_CHARS = 160
MAX_NAME_RUN = 5
MAX_LEFT_WORDS = 7
MAX_CODE = 3
GROW_MIN_WORDS = 2  # words added around a match that make it a whole address block
GROWN_SCORE = 0.96  # a whole address block: above the parts other recognizers find in it (postcode 0.95)


def _is_number(word: str) -> bool:
    """A house, building or ZIP number: "25", "19.", "221B", "53-320", "62704-1234"."""
    core = word.rstrip(".")
    head, _, tail = core.partition("-")
    if tail and not (tail.isdigit() and head.isdigit()):
        return False
    if head[-1:].isalpha() and not tail:
        head = head[:-1]
    return head.isdigit() and len(head) <= 6 and core[:1].isdigit()


def _is_name(word: str) -> bool:
    """A capitalised word of a street, town or country name in any alphabet ("Koskikatu", "ΠΑΦΟΣ",
    "Stoke-on-Trent", "(Greek)"), not an English function or chat word."""
    core = word.strip("()")
    if not core or not core[0].isupper():
        return False
    if core.lower().rstrip(".") in _NOT_ADDRESS and not (core.isupper() and len(core) <= MAX_CODE):
        return False  # "NO", "IN", "ME": state and country codes are capitalised, stop words are not
    return all(ch.isalpha() or ch in "'’.-" for ch in core)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the whitespace- and separator-delimited words of ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    index = start
    while index < end:
        while index < end and (text[index].isspace() or text[index] in _SEPARATORS):
            index += 1
        if text.startswith("???", index):
            index += 3
            continue
        begin = index
        while index < end and not (text[index].isspace() or text[index] in _SEPARATORS):
            index += 1
        if index > begin:
            spans.append((begin, index))
    return spans


def grow_right(text: str, end: int) -> int:
    """End of the address block that continues after ``end``: units, building numbers, street, town,
    state, country and ZIP words, across separators, up to a word that is none of them, a sentence
    end ("?", "!", ". "), a label ("Mobile:") or two bare numbers in a row (a phone number)."""
    limit = min(len(text), end + MAX_GROWN_CHARS)
    spans = _words(text, end, limit)
    if spans and spans[-1][1] == limit < len(text) and not text[limit].isspace():
        spans.pop()  # a word cut by the window
    grown = end
    previous = "seed"
    names = 0
    index = 0
    while index < len(spans):
        begin, stop = spans[index]
        word = text[begin:stop]
        core = word.rstrip("?!:;")
        following = text[spans[index + 1][0] : spans[index + 1][1]] if index + 1 < len(spans) else ""
        kind = None
        if core.lower().rstrip(".") in _UNIT_WORDS_GROW and _is_number(following.rstrip("?!.,")):
            kind, index = "unit", index + 1
            begin, stop = spans[index]  # the unit's number: the match ends after it, not after "Sui"
            core = following.rstrip("?!:;")
            word = following
        elif _is_number(core):
            phone = _is_number(following) and not following[:1].isalpha()
            kind = "number" if previous != "number" and not phone else None  # "21 253 109 8211": a phone
        elif _is_name(core):
            kind = "name" if names < MAX_NAME_RUN else None
        elif core.lower() in _PARTICLES and previous == "name" and _is_name(following.rstrip("?!:;,.")):
            kind = "particle"
        if kind is None or word.endswith(":"):
            break
        names = names + 1 if kind in ("name", "particle") else 0
        previous = kind
        grown = (
            begin + len(core.rstrip(".")) if kind == "name" and not core.endswith(("u.", "ul.")) else begin + len(core)
        )
        if len(core) < len(word) or (word.endswith(".") and kind != "number" and len(core) > 4):
            break  # "Cyprus 36903? I am…", "…Australia. It…"
        if text[stop : stop + 2] in (". ", ".\n"):
            break
        index += 1
    return grown


def _street_line(words: list[str]) -> bool:
    """``words`` read as the street line of an address: a lone building number, "[number] name…
    number" ("6750 Koskikatu 25", "Rua do Arenque 1634") or "number [number] name…" ("95 Avenue des
    Tuileries"), the name starting with a capital and at most five words long."""
    numbers = [i for i, word in enumerate(words) if _is_number(word)]
    if len(words) == 1:
        return bool(numbers)
    names = [word for word in words if not _is_number(word)]
    if not numbers or not names or len(names) > MAX_NAME_RUN:
        return False
    leading = 2 if len(numbers) > 1 and numbers[:2] == [0, 1] else (1 if numbers[0] == 0 else 0)
    if not _is_name(words[leading]) or any(leading <= i < len(words) - 1 for i in numbers):
        return False  # a number inside the name: a sentence, not a street
    return leading > 0 or numbers[-1] == len(words) - 1


def grow_left(text: str, start: int) -> int:
    """Start of the street line right before ``start`` (see ``_street_line``): the building number
    before "3968 Bay Street", "6750 Koskikatu 25" before "Apt. 864", a street line ending the line
    above a "Town, ST 12345" line."""
    spans = _words(text, max(0, start - MAX_GROWN_CHARS), start)
    if not spans:
        return start
    gap = text[spans[-1][1] : start]
    if gap.count("\n") > 1 or ":" in gap:
        return start
    index = len(spans)
    while index > 0 and len(spans) - index < MAX_LEFT_WORDS:
        word = text[spans[index - 1][0] : spans[index - 1][1]]
        if index < len(spans):
            between = text[spans[index - 1][1] : spans[index][0]]
            if "\n" in between or any(ch in _SEPARATORS for ch in between):
                break
        lower_word = word.islower() and word.isalpha() and word not in _NOT_ADDRESS
        if _is_number(word) or _is_name(word) or word.lower() in _PARTICLES or lower_word:
            index -= 1
            continue
        break
    words = [text[a:b] for a, b in spans[index:]]
    for offset in range(len(words)):
        if _street_line(words[offset:]):
            if len(words) - offset == 1 and offset > 0 and _is_number(words[offset - 1]):
                return start  # "555 1234 Apt 5": a phone or an amount before the address
            # "apartment 12, 1600 Amsterdam Ave": the unit's word before its number, in any case
            unit_word = offset > 0 and words[offset - 1].lower().rstrip(".") in _UNIT_WORDS_GROW
            return spans[index + offset - unit_word][0]
    # "Unit 4 Riverside Park", "Flat 2 Kingsley Court": the match starts at the unit's number, its
    # word right before it on the same line (else "Unit" stayed in the clear before the address).
    last = text[spans[-1][0] : spans[-1][1]]
    if text[start : start + 1].isdigit() and gap in (" ", "\t") and last.lower().rstrip(".") in _UNIT_WORDS_GROW:
        return spans[-1][0]
    return start


class StreetAddressRecognizer(GatedRecognizer):
    """Street addresses and address parts in international / US formats (``ADDRESS``), English.

    Formats: house number, one to four capitalised words and a street type, optionally a direction
    and a unit ("1600 Pennsylvania Avenue NW", "42 Maple Leaf Rd Apt. 12"); a unit alone ("Apt. 864",
    "Suite 838"); a town line with a USPS state code and ZIP code ("Springfield, IL 62704-1234");
    a PO box; a US military address ("PSC 3294, Box 9168 APO AA 61487").
    Official source: USPS Publication 28, Postal Addressing Standards (street suffixes, secondary
    unit designators, state abbreviations, military addresses), https://pe.usps.com/text/pub28/

    Scores: 0.7 street with unit, military; 0.65 town-state-ZIP, PO box; 0.6 street; 0.5 unit alone
    ("Apt.", "Suite"); 0.4 "Unit/Flat/Room N" alone (reported with a context word). A street whose
    name words include function words ("2 hours on the road") is discarded.
    """

    min_digits = 1
    GROW_MIN_SCORE = 0.5  # "Unit 4" alone (0.4) is not evidence enough to grow over its neighbours

    CONTEXT: ClassVar[list[str]] = ["address", "street", "live", "living", "moved", "deliver", "ship", "send", "mail"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("street address with unit", _STREET_WITH_UNIT, 0.7),
                Re2Pattern("street address", _STREET, 0.6),
                Re2Pattern("street address (USPS suffix)", _STREET_USPS, 0.55),
                Re2Pattern("unit designator", _UNIT_ALONE, 0.5),
                Re2Pattern("unit designator (weak)", _UNIT_ALONE_WEAK, 0.4),
                Re2Pattern("town, state and ZIP code", _TOWN_STATE_ZIP, 0.65),
                Re2Pattern("PO box", _PO_BOX, 0.65),
                Re2Pattern("US military address", _MILITARY, 0.7),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A sentence, not an address: function words or counted units among the words."""
        words = WORDS.findall(pattern_text)
        return any(word.lower() in STOPWORDS and not word.isupper() for word in words)  # "ME", "IN": states

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """The patterns, each match grown over the rest of its address block."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if result.score < self.GROW_MIN_SCORE:
                continue
            grow_over_block(text, result)
        return list(EntityRecognizer.remove_duplicates(results))


def grow_over_block(text: str, result: RecognizerResult) -> None:
    """``result`` grown over the rest of its address block (``grow_left``, ``grow_right``); a
    whole block, ``GROW_MIN_WORDS`` words added or more, scores ``GROWN_SCORE``. Shared with
    ``EuropeanStreetRecognizer``, whose streets stand in the same blocks."""
    start = grow_left(text, result.start)
    end = grow_right(text, result.end)
    if start < result.start or end > result.end:
        added = _words(text, start, result.start) + _words(text, result.end, end)
        result.start, result.end = start, end
        if len(added) >= GROW_MIN_WORDS:
            result.score = max(result.score, GROWN_SCORE)
            if result.analysis_explanation is not None:
                result.analysis_explanation.score = result.score
