"""The town of an address block, on the line above its country ("ALFRICK\\nUnited Kingdom")."""

from __future__ import annotations

import re
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import ADDRESS
from recognizers.names.lexicons import country_keys, load_lexicon, place_key, world_place_keys

MAX_TOWN_WORDS = 5
#: The longest line read as a country's: "United Kingdom of Great Britain and Northern Ireland",
#: a postcode, markers.
MAX_COUNTRY_LINE = 72
# A line's markers before its text (quoted mail, bullets, a form's "???" for a lost glyph) and
# its punctuation after it.
_LEADING = re.compile(r"[\s>?*•|\-–]+")
_TRAILING = re.compile(r"[\s.,;]+$")
_COUNTRY_END = re.compile(r"\s*[\d(]")  # where a country line's name ends
# The country line: a name, an optional note in brackets ("Cyprus (Greek)"), an optional postcode.
_COUNTRY_LINE = re.compile(r"(?P<country>[^\d(]+?)(?:\s*\([^)\d]*\))?(?:[\s,]+(?P<postcode>[A-Z0-9][A-Z0-9 \-]{1,9}))?")
# A region's code on its own line between the town and the country, as forms print it (", RS").
_REGION_LINE = re.compile(r",\s*[^\W\d_]{2,3}")
# A postcode alone on its line: letters and digits, a digit among them.
_POSTCODE_LINE = re.compile(r"(?=[A-Z0-9 \-]*[0-9])[A-Z0-9][A-Z0-9 \-]{2,9}")
# A town: words of letters, with hyphens, apostrophes, dots, a bracketed other name
# ("ΑΣΚΕΙΑ (ΑΣΣΕΙΑ)"); no digit, no "@", no ":" (a label).
_TOWN_WORD = re.compile(r"[^\W\d_][^\W\d_'’.\-]*(?:['’.\-][^\W\d_]+)*\.?|\([^\W\d_][^\W\d_ ]*\)")


class CountryLineRecognizer(TextRecognizer):
    """The town of an address written as a block, on the line above its country (``ADDRESS``),
    every language: "Przemek Kucharski\\n\\nALFRICK\\nUnited Kingdom", "...\\nPorto Alegre\\n,
    RS\\n Brazil 95828". The street recognizers find the street line; a town in no list, in
    capitals or with a region's code between it and the country went unfound.

    Format: a line that is a country's name and nothing else (ISO 3166-1 in English or the
    message's language, "UK", "USA", "England"…; a note in brackets and a postcode may follow:
    "Cyprus (Greek) 51034", "Portugal 30971"), and the nearest line above it (one blank line may
    come between): one to five words of letters, no digit, no "@" or ":", not a person's name
    (two or more words opening with a listed first name: "Maha Cazares\\nSpain" names the
    addressee, not a town), no stop or function word but a particle inside ("I love\\nFrance" is a
    sentence; "Chiclana de la Frontera" a town), not only words of the language unless a world
    place ("Next Day\\nUK" is a delivery option; "Grand Rapids" a town); with a region's code on a
    line between (", RS"), the line above that. Quote and bullet markers opening the lines (">",
    "???", "-") are skipped. The country line's postcode is reported with the town; the country
    alone is left to the place recognizers. A town above a region's code is a town whatever
    follows ("Danielskuil\\n, NC\\n 29451"), and so is a postcode alone on the line under the code.

    Score: 0.7, an address's part (a postal address locates the person).
    """

    SCORE = 0.7

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.countries = country_keys(supported_language)
        self.lexicon = load_lexicon(lexicon_dir, supported_language)
        self.world_places = world_place_keys(str(Path(lexicon_dir).resolve()), supported_language)
        super().__init__(supported_entities=[ADDRESS], supported_language=supported_language, name=type(self).__name__)

    def screen_regexes(self) -> list[str]:
        """An address block has two lines at least: a text without a line break is not read
        (``processors.pattern_screen``: most chat messages are one line)."""
        return [r"\n"]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Towns above country lines, with the postcode after the country."""
        if "\n" not in text or not any(self._may_close_a_block(line) for line in text.split("\n")):
            return []
        lines = _lines(text)
        results: list[RecognizerResult] = []
        regions: set[int] = set()  # region lines reported with their town
        for index, (start, end) in enumerate(lines):
            if _REGION_LINE.fullmatch(text, start, end):
                # "Porto Alegre\n, RS": a town above a region's code, whatever follows
                above = _nearest_above(lines, index)
                if above is not None and self._town(text[lines[above][0] : lines[above][1]]):
                    regions.add(index)
                    town_start = lines[above][0]
                    results.append(make_result(self, ADDRESS, town_start, end, self.SCORE, "town above a region code"))
                continue
            if index - 1 in regions and _POSTCODE_LINE.fullmatch(text, start, end):
                # "…\n, NC\n 29451": the postcode on its own line under the region's code
                results.append(make_result(self, ADDRESS, start, end, self.SCORE, "postcode under a region code"))
                continue
            match = _COUNTRY_LINE.fullmatch(text, start, end)
            if match is None or place_key(match["country"]) not in self.countries:
                continue
            above = _nearest_above(lines, index)
            if above is None:
                continue
            if above not in regions:
                town_start, town_end = lines[above]
                if not self._town(text[town_start:town_end]):
                    continue
                results.append(
                    make_result(self, ADDRESS, town_start, town_end, self.SCORE, "town above a country line")
                )
            if match["postcode"] and any(ch.isdigit() for ch in match["postcode"]):
                postcode_start, postcode_end = match.span("postcode")
                results.append(
                    make_result(self, ADDRESS, postcode_start, postcode_end, self.SCORE, "postcode after a country")
                )
        return results

    def _may_close_a_block(self, line: str) -> bool:
        """A quick look first (most multi-line messages hold no address): the line may be a
        region's code (it opens with a comma) or a country's (its words before any digit or
        bracket name one)."""
        if len(line) > MAX_COUNTRY_LINE:
            return False
        start, end = _core(line, 0, len(line))
        core = line[start:end]
        if core.startswith(","):
            return True
        cut = _COUNTRY_END.search(core)
        return place_key(core[: cut.start()] if cut else core) in self.countries

    def _town(self, line: str) -> bool:
        """One to five words of letters; no stop or function word but a particle inside; not only
        words of the language unless a world place; not a country; not a name opening with a
        listed first name (the class's docstring says why)."""
        words = line.split()
        if not 1 <= len(words) <= MAX_TOWN_WORDS or not all(_TOWN_WORD.fullmatch(w) for w in words):
            return False
        if place_key(line) in self.countries:
            return False  # a country above a country: a list, not an address
        keys = [w.casefold() for w in words]
        lexicon = self.lexicon
        if any(
            (key in lexicon.stop_words or key in lexicon.function_words)
            and not (0 < position < len(keys) - 1 and key in lexicon.particles)
            for position, key in enumerate(keys)
        ):
            return False  # "I love\nFrance": a sentence's words; "Chiclana de la Frontera" keeps "de la"
        if all(lexicon.is_language_word(key) for key in keys) and place_key(line) not in self.world_places:
            return False  # "Next Day\nUK": words of the language, no place ("Grand Rapids" is one)
        return not (len(words) > 1 and not line.isupper() and keys[0] in lexicon.first_names)


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's text span without its markers and trailing punctuation (empty lines too)."""
    spans = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        spans.append(_core(text, start, end))
    return spans


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the line ``text[start:end]`` without its markers and trailing punctuation: the
    quick look (``_may_close_a_block``) and the parse read a line alike."""
    leading = _LEADING.match(text, start, end)
    if leading is not None:
        start = leading.end()
    trailing = _TRAILING.search(text[start:end])
    if trailing is not None:
        end = start + trailing.start()
    return start, max(start, end)


def _nearest_above(lines: list[tuple[int, int]], index: int) -> int | None:
    """The index of the nearest non-empty line above ``index``, one empty line allowed between."""
    for above in (index - 1, index - 2):
        if above < 0:
            return None
        start, end = lines[above]
        if start < end:
            return above
    return None
