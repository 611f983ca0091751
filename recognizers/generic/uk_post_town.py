"""The post town before a UK postcode on its line ("Hull HU9 1AB", "LEEDS, LS6 2AB")."""

from __future__ import annotations

import re
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, compile_re2, make_result
from recognizers.entities import ADDRESS
from recognizers.generic.uk_postcode import POSTCODE_SPACED
from recognizers.names.lexicons import country_keys, load_lexicon, place_key, world_place_keys

MAX_TOWN_WORDS = 4
# A word of a town's name: letters, with inner hyphens, apostrophes or dots ("Stoke-on-Trent",
# "Bishop's Stortford", "St. Albans").
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")
_WORD_INNER = "'’.-"
_HOUSE_NUMBER = re.compile(r"[0-9]{1,4}[A-Za-z]?")
#: Lower-case words inside a town's name, between capitalised ones ("Newcastle upon Tyne",
#: "Barrow in Furness", "Ashby de la Zouch", "Stow on the Wold").
INNER_WORDS = frozenset({"upon", "on", "in", "under", "by", "the", "next", "super", "de", "la", "le", "cum", "en"})
#: Words that name the postcode or the address, or greet, rather than a town ("Postcode LS6 2AB",
#: "Delivery: ...", "Cheers HU9 1AB").
NOT_TOWNS = frozenset(
    {
        "postcode", "postcodes", "post", "code", "zip", "zipcode", "address", "addresses", "area",
        "district", "sector", "delivery", "deliver", "billing", "shipping", "postal", "home", "office",
        "work", "new", "old", "current", "previous", "ref", "reference", "location", "destination",
        "collection", "return", "returns", "town", "city", "county", "region", "country", "hello", "hi",
        "hey", "dear", "cheers", "regards", "thanks", "thank", "please", "pls", "sorry", "yes",
        "no", "ok", "okay", "flat", "unit", "suite", "apartment", "house", "customer", "account",
        # a street's type ends the town: "Mill Lane Leeds LS6 2AB" gives "Leeds"
        "road", "street", "lane", "avenue", "drive", "close", "way", "place", "court", "crescent",
        "gardens", "terrace", "grove", "square", "rd", "ave",
        "order", "number", "my", "our", "your",
        # French and Dutch messages with a British address
        "adresse", "adres", "ville", "stad", "plaats", "woonplaats", "merci", "bedankt",
    }
)  # fmt: skip


MAX_TOWN_CHARS = 200  # four words of a town, with room: the text read before a postcode
MAX_LINES_CHARS = 400  # four parts of five words: the text read before a town
MAX_ADDRESS_LINES = 3
MAX_PART_WORDS = 5
MAX_LOCALITY_WORDS = 3
#: A unit before the building or the street: "Flat 2", "Unit 7".
UNIT_WORDS = frozenset({"flat", "unit", "apartment", "apt", "suite", "room"})
#: The last word of an address line without a number: a street's type ("Church Lane") or a
#: building's or estate's word ("The Old Rectory", "Rose Cottage", "Riverside Industrial Estate").
ADDRESS_WORDS = frozenset(
    {
        "street", "road", "avenue", "lane", "drive", "close", "way", "place", "court", "crescent", "gardens",
        "terrace", "grove", "square", "hill", "park", "row", "mews", "walk", "green", "parade", "rise", "view",
        "boulevard", "gate", "wharf", "yard", "croft", "chase", "meadows", "quay", "st", "rd", "ave", "ln",
        "house", "cottage", "cottages", "farm", "farmhouse", "rectory", "vicarage", "lodge", "barn", "barns",
        "mill", "manor", "hall", "grange", "estate", "centre", "center", "buildings", "mansions", "apartments",
        "flats", "tower", "towers", "heights", "villas", "chambers", "works", "bungalow", "stables", "priory",
    }
)  # fmt: skip


class UkPostTownRecognizer(TextRecognizer):
    """The post town written before a UK postcode on the same line (``ADDRESS``), and the address
    lines before it: "Hull" of "Unit 7, Riverside Estate, Hull HU9 1AB", "LEEDS, LS6 2AB",
    "Newcastle upon Tyne NE1 4ST".
    The postcode is ``UkPostcodeRecognizer``'s; the town before it was found only after an
    address cue or a street, and a town that is also a word ("Hull", "Bath", "Wells",
    "Reading") in no town list. The town is reported alone: a span reaching over the postcode
    would drop the postcode's own result, then lose to a street's result that holds the town
    ("12 Mill Lane, Wells BA5 2AB"), and leave the postcode in the output.

    Format (Royal Mail's address layout: the post town, then the postcode, on the last lines or
    on one): one to four words right before a spaced postcode, a comma or blanks between, each
    capitalised or in capitals, lower-case joining words inside only ("upon", "on", "de la");
    none a stop or function word of the language, a word naming the postcode or the address
    ("Postcode", "Delivery", "Flat"), a greeting or a country; two words or more opening with a
    listed first name name the addressee ("John Smith LS6 2AB"), not a town. In lower case, a
    world town only ("leeds ls6 2ab"). The words end at a digit, punctuation, the line's start or
    a street's type ("Mill Lane Leeds LS6 2AB" gives "Leeds").
    Official source: Royal Mail, "How to address your mail" (post town in capitals, then the
    postcode), https://www.royalmail.com/sending/uk/how-to-address-your-mail

    The address lines written before the town on its line, each closed by a comma, are reported
    too (apart from the town, so that a stronger reading of one of them does not take the town),
    up to three: a house number and words, a unit ("Flat 2"), or capitalised words
    ending in a street's or a building's word ("The Old Rectory, Church Lane, Little Snoring NR21
    0HZ"; "Acme Ltd, Unit 7, Riverside Industrial Estate, Hull" stops at the firm). A house's name
    and a street without a number found no street recognizer, and identify a home as well.

    Scores: the town 0.7, above a street reading that ends on it ("4 Riverside Park, Reading",
    0.65), which would otherwise swallow it and then lose to a unit's reading ("Unit 4", 0.75);
    the lines 0.8, read in the address's own layout, above a reading of one of their parts.
    """

    SCORE = 0.7
    LINES_SCORE = 0.8

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.lexicon = load_lexicon(lexicon_dir, supported_language)
        self.world_places = world_place_keys(str(Path(lexicon_dir).resolve()), supported_language)
        self.countries = country_keys(supported_language)
        self._postcode = compile_re2(POSTCODE_SPACED)
        super().__init__(supported_entities=[ADDRESS], supported_language=supported_language, name=type(self).__name__)

    def screen_regexes(self) -> list[str]:
        """The postcode's regex (``processors.pattern_screen``: shared with ``UkPostcodeRecognizer``)."""
        return [POSTCODE_SPACED]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Towns before the postcodes of ``text``, and the address lines before them."""
        results: list[RecognizerResult] = []
        for match in self._postcode.finditer(text):
            start, end = match.span()
            if end < len(text) and text[end].isalnum():
                continue  # "LS6 2ABC": no postcode
            town = self._town(text, start)
            if town is None:
                continue
            results.append(make_result(self, ADDRESS, *town, self.SCORE, "post town before a postcode"))
            lines = _address_lines_before(text, town[0])
            if lines is not None:
                # apart from the town: a stronger reading of one line ("Unit 7") must not take it
                results.append(make_result(self, ADDRESS, *lines, self.LINES_SCORE, "address lines before a post town"))
        return results

    def _town(self, text: str, postcode_start: int) -> tuple[int, int] | None:
        """The span of the town before the postcode at ``postcode_start``, or None."""
        line_start = _line_start(text, postcode_start, MAX_TOWN_CHARS)
        before = text[line_start:postcode_start]
        gap = _last_gap(before)
        if gap is None:
            return None
        words = _words_before(before[:gap])
        if not words:
            return None
        keys = [word.casefold() for _, word in words]
        if any(word[0].isupper() for _, word in words):
            kept = self._capitalised_town(words, keys)
        elif place_key(" ".join(keys)) in self.world_places:
            kept = len(words)
        else:
            kept = 0
        if not kept:
            return None
        last_start, last_word = words[-1]
        return line_start + words[-kept][0], line_start + last_start + len(last_word)

    def _capitalised_town(self, words: list[tuple[int, str]], keys: list[str]) -> int:
        """How many of the last ``words`` are the town's (0: none): capitalised words, lower-case
        joining words between them, from the postcode back to the first word that is neither."""
        lexicon = self.lexicon
        kept = 0
        for position in range(len(words) - 1, -1, -1):
            word, key = words[position][1], keys[position]
            if not word[0].isupper():
                if key in INNER_WORDS and position > 0 and kept:
                    kept += 1
                    continue
                break
            if key in NOT_TOWNS or key in lexicon.stop_words or key in lexicon.function_words:
                break
            kept += 1
        while kept and not words[len(words) - kept][1][0].isupper():
            kept -= 1  # "on Hull": a joining word does not open the town
        if not kept:
            return 0
        town = keys[len(words) - kept :]
        if place_key(" ".join(town)) in self.countries:
            return 0  # "United Kingdom LS6 2AB": the country, left to the place recognizers
        if len(town) > 1 and town[0] in lexicon.first_names and place_key(" ".join(town)) not in self.world_places:
            return 0  # "John Smith LS6 2AB": the addressee
        return kept


def _address_lines_before(text: str, town_start: int) -> tuple[int, int] | None:
    """The span of the address lines written before the town on its line ("The Old Rectory,
    Church Lane" before ", Little Snoring"), or None: up to ``MAX_ADDRESS_LINES`` parts, each
    closed by a comma, read back from the town while each is an address's (``_address_part``).
    The part next to the town may be a locality, capitalised words of no address's kind ("Great
    Snoring" of "Mill Lane, Great Snoring, Fakenham"), when an address's part comes before it;
    the first part may open with other words, a cue's ("deliver to Hillside Farm")."""
    line_start = _line_start(text, town_start, MAX_LINES_CHARS)
    before = text[line_start:town_start].rstrip(" \t")
    if not before.endswith(","):
        return None
    parts = before[:-1].split(",")[-(MAX_ADDRESS_LINES + 1) :]
    first: int | None = None
    offset = len(before) - 1
    for position, part in enumerate(reversed(parts)):
        offset -= len(part)
        if _address_part(part):
            first = line_start + offset + len(part) - len(part.lstrip())
        elif position == 0 and _locality(part):
            pass  # counted only if an address's part comes before it
        else:
            opening = _address_part_ending(part)
            if opening is not None:
                first = line_start + offset + opening
            break
        offset -= 1  # the comma before the part
    if first is None:
        return None
    return first, line_start + len(before[:-1].rstrip())


def _line_start(text: str, position: int, window: int) -> int:
    """The start of the line holding ``position``, at most ``window`` characters back: a long line
    of many postcodes is read in bounded pieces, not once per postcode from its start."""
    lowest = max(0, position - window)
    return max(lowest, text.rfind("\n", lowest, position) + 1)


def _locality(part: str) -> bool:
    """A village or district named between the street and the post town: one to three
    capitalised words, joining words inside ("Great Snoring", "Stow on the Wold")."""
    words = part.split()
    return (
        1 <= len(words) <= MAX_LOCALITY_WORDS
        and words[0][0].isupper()
        and all(word.isalpha() and (word[0].isupper() or word in INNER_WORDS) for word in words)
    )


def _address_part_ending(part: str) -> int | None:
    """The offset in ``part`` of an address's part ending it after other words ("deliver to
    Hillside Farm" gives "Hillside Farm", "my address: 5 Park Road" "5 Park Road"): capitalised
    words, the last a street's or a building's, and the house number before them."""
    words = part.split()
    if not words or words[-1].casefold().rstrip(".") not in ADDRESS_WORDS:
        return None
    count = 0
    while count < min(len(words), MAX_PART_WORDS) and words[len(words) - 1 - count][0].isupper():
        count += 1
    if count < len(words) and _HOUSE_NUMBER.fullmatch(words[len(words) - 1 - count]):
        count += 1  # "…: 5 Park Road"
    if count == 0 or count == len(words):
        return None
    return part.rindex(" ".join(words[-count:]))


def _address_part(part: str) -> bool:
    """One comma-separated part of a British address line: a house number and words ("5 Park
    Road"), a unit ("Flat 2", "Unit 7"), or capitalised words ending in a street's or a building's
    word ("Church Lane", "The Old Rectory", "Riverside Industrial Estate")."""
    words = part.split()
    if not 1 <= len(words) <= MAX_PART_WORDS:
        return False
    first = words[0].casefold().rstrip(".")
    if first in UNIT_WORDS:
        if len(words) < 2 or not any(ch.isdigit() for ch in words[1]):
            return False
        # "Unit 4", or "Unit 4 Riverside Park": the unit in a building or an estate
        return len(words) == 2 or _address_part(" ".join(words[2:]))
    if words[0][0].isdigit():
        return len(words) > 1 and all(word[0].isupper() for word in words[1:])
    if not all(word[0].isupper() or word in INNER_WORDS for word in words):
        return False
    return words[-1].casefold().rstrip(".") in ADDRESS_WORDS


def _last_gap(before: str) -> int | None:
    """Where the blanks or the comma ending ``before`` (the text before a postcode) start, or
    None when a letter or digit touches the postcode."""
    position = len(before)
    while position and before[position - 1] in " \t":
        position -= 1
    if position and before[position - 1] == ",":
        position -= 1
        while position and before[position - 1] in " \t":
            position -= 1
    return position if position < len(before) else None


def _words_before(before: str) -> list[tuple[int, str]]:
    """The last words of ``before`` (offset, word), up to ``MAX_TOWN_WORDS``, read backwards to
    the first character no town's word holds (a digit, a comma, a colon). Character by
    character: a regex anchored at the end would be tried at every offset of a long line."""
    words: list[tuple[int, str]] = []
    position = len(before)
    while len(words) < MAX_TOWN_WORDS:
        end = position
        while end and before[end - 1] in " \t":
            end -= 1
        if words and end == position:
            break  # no blank between two words
        start = end
        while start and (before[start - 1].isalpha() or before[start - 1] in _WORD_INNER):
            start -= 1
        while start < end and not before[start].isalpha():
            start += 1  # "'Hull", "-Leeds": punctuation before the word
        if start == end or not _WORD.fullmatch(before, start, end):
            break
        words.append((start, before[start:end]))
        position = start
        if start and not before[start - 1].isspace():
            break  # "Estate,Hull", "(Hull": the word opens after punctuation
    words.reverse()
    return words
