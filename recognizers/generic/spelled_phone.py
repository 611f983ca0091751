"""Phone numbers written in words ("zéro six douze trente-quatre ...", "oh seven seven double oh nine ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.number_words import TENS, UNITS
from recognizers.generic.phone_validation import LANGUAGE_REGIONS
from recognizers.names.lexicons import tokenize

#: Words that repeat the digit after them (British: "double oh", "triple two").
REPEATS = {"en": {"double": 2, "triple": 3}, "fr": {}, "nl": {"dubbel": 2}}
#: Words inside a number: French "vingt et un".
JOINERS = {"fr": frozenset({"et"}), "nl": frozenset(), "en": frozenset()}
PLUS_WORDS = frozenset({"plus", "+"})
MIN_WORDS = 4  # a phone number read out has at least four groups; "six", "vingt et un" are no phone
MIN_DIGITS = 9
#: A group in digits of a number read out: up to four digits ("06 douze 34 56 78"), or up to eight
#: beside two number words ("nul zes 12345678", "07911 one two three four five six").
MAX_GROUP_DIGITS = 4
MAX_LONG_GROUP_DIGITS = 8
MIN_WORDS_BESIDE_LONG_GROUP = 2
MAX_DIGITS = 15
#: What may separate the groups of a number read out: spaces, commas, dots, dashes, slashes.
_GAP = re.compile(r"[\s,.\-/]*")


def _dutch_compounds(language: str) -> re.Pattern[str] | None:
    """Dutch writes 21-99 as one word, the unit first: "vierendertig", "zesenvijftig"."""
    if language != "nl":
        return None
    units = "|".join(k for k, v in UNITS["nl"].items() if 1 <= v <= 9)
    tens = "|".join(TENS["nl"])
    return re.compile(rf"({units})(?:en|ën)({tens})")


def screen_regex(language: str) -> str:
    """Three number words in a row: a message without them holds no number read out."""
    words = sorted({*UNITS[language], *TENS[language], *REPEATS[language]}, key=len, reverse=True)
    atom = f"(?:{'|'.join(words)})"
    word = rf"{atom}(?:-{atom})*"  # "soixante-dix-huit", "thirty-four"
    if language == "nl":
        units = "|".join(k for k, v in UNITS["nl"].items() if 1 <= v <= 9)
        word = rf"(?:{word}|(?:{units})(?:en|ën)(?:{'|'.join(TENS['nl'])}))"  # "vierendertig"
    gap = r"[\s,.\-/]+(?:(?:et|and)\s+)?"
    return rf"(?i)\b{word}{gap}{word}{gap}{word}\b"


def mixed_screen_regex(language: str) -> str:
    """A number word between groups of digits ("06 douze 34 56 78", "zéro six 12 34 56 78"): a
    number read out partly in digits has one beside a group of them; or two number words beside a
    long group ("nul zes 12345678", "07911 one two ...")."""
    words = sorted({*UNITS[language], *TENS[language]}, key=len, reverse=True)
    word = rf"(?:{'|'.join(words)})"
    gap = r"[\s,.\-/]+"
    return (
        rf"(?i)(?:\b{word}{gap}[0-9]{{2}}{gap}[0-9]{{2}}\b|\b[0-9]{{2,4}}{gap}{word}{gap}[0-9]{{2}}\b"
        rf"|\b[0-9]{{2}}{gap}[0-9]{{2}}{gap}{word}\b"
        rf"|\b{word}{gap}{word}{gap}[0-9]{{5,{MAX_LONG_GROUP_DIGITS}}}\b"
        rf"|\b0[0-9]{{4,{MAX_LONG_GROUP_DIGITS - 1}}}{gap}{word}{gap}{word}\b)"
    )


class SpelledPhoneRecognizer(TextRecognizer):
    """A phone number written in words (``PHONE_NUMBER``), French, Dutch and English.

    Format: four or more groups, each a number from zero to ninety-nine in words or in digits
    (four in words, or at least one in words among groups of digits: "06 douze 34 56 78", or two
    in words beside a group of up to eight digits: "nul zes 12345678"),
    separated by spaces, commas, dots or dashes, that read together as a valid phone number of a
    country the language is spoken in (``phonenumbers``): "zéro six, douze, trente-quatre,
    cinquante-six, soixante-dix-huit" (06 12 34 56 78), "nul zes twaalf vierendertig zesenvijftig
    achtenzeventig", "oh seven seven double oh nine double one two three four five"; "plus" in
    front for an international number ("plus trente-trois six ..."). Compound numbers as each
    language writes them: "soixante-dix-huit", "quatre-vingt-douze", "vingt et un", "nonante",
    "vierendertig", "thirty-four", "double oh".

    Why: chat written by voice assistants and people who dodge number filters spells numbers out;
    every digit recognizer misses them.

    Score: 0.85: a valid number read out in full is seldom anything else; 1.0 partly in digits.
    """

    SCORE = 0.85
    #: Partly in digits: the digit recognizers find the digits' part, lifted by a phone word up to
    #: 1.0; the whole number must win the overlap (a tie goes to the longer span).
    MIXED_SCORE = 1.0

    def __init__(self, supported_language: str = "en") -> None:
        self.language = supported_language if supported_language in UNITS else "en"
        super().__init__(
            supported_entities=[PHONE_NUMBER],
            supported_language=supported_language,
            name=type(self).__name__,
        )
        self._units = UNITS[self.language]
        self._tens = TENS[self.language]
        self._repeats = REPEATS[self.language]
        self._joiners = JOINERS[self.language]
        self._compound = _dutch_compounds(self.language)

    def screen_regexes(self) -> list[str]:
        """Three number words in a row, or one between groups of digits."""
        return [screen_regex(self.language), mixed_screen_regex(self.language)]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The phone numbers written in words in ``text``."""
        # words, digit runs and "+": the punctuation between them is read from the text (``_GAP``)
        tokens = [(t.key, t.start, t.end) for t in tokenize(text) if t.is_word or t.text == "+" or t.text.isdigit()]
        results: list[RecognizerResult] = []
        index = 0
        while index < len(tokens):
            end, digits, groups, in_digits, longest, run_end = self._run(text, tokens, index)
            # partly in digits: a number as people give theirs, from its trunk 0 or its "+" (a run of
            # counts with a number word among them, "14, three 20 30 40", reads as a foreign number);
            # a long group of digits needs two number words beside it ("nul zes 12345678")
            enough = (
                groups + in_digits >= MIN_WORDS
                if longest <= MAX_GROUP_DIGITS
                else groups >= MIN_WORDS_BESIDE_LONG_GROUP
            )
            mixed = groups >= 1 and enough and digits.startswith(("0", "+"))
            spelled = groups >= MIN_WORDS or mixed
            if spelled and self._valid(digits):
                start = tokens[index][1]
                score = self.MIXED_SCORE if in_digits else self.SCORE
                results.append(make_result(self, PHONE_NUMBER, start, tokens[end - 1][2], score, "phone in words"))
                index = end
            else:
                index = max(index + 1, run_end)  # each token read once: a run that is no number is skipped
        return results

    def _run(
        self, text: str, tokens: Sequence[tuple[str, int, int]], index: int
    ) -> tuple[int, str, int, int, int, int]:
        """(end token index, digits, numbers in words, groups in digits, digits of the longest
        group, end of the run of number tokens) of the number read out from ``index``."""
        position = index
        plus = tokens[position][0] in PLUS_WORDS
        if plus:
            position += 1
        atoms: list[tuple[str, int]] = []  # (number word or digits, token index)
        while position < len(tokens):
            word, start, _ = tokens[position]
            if position > index and _GAP.fullmatch(text, tokens[position - 1][2], start) is None:
                break
            if word.isdigit():
                if len(word) > MAX_LONG_GROUP_DIGITS:
                    break  # a number in digits is the digit recognizers' (and no part of a spoken one)
                if len(word) > MAX_GROUP_DIGITS and not self._long_group_fits(atoms):
                    break  # "06 douze 34 56 78 123456": the number is complete, an order follows
                atoms.append((word, position))
            elif word in self._joiners:
                atoms.append((word, position))  # "vingt et un": read with the number before it
            else:
                parts = self._atoms(word)
                if parts is None:
                    break
                atoms.extend((part, position) for part in parts)
            position += 1
        digits, groups, in_digits, used = self._digits(atoms)
        end = atoms[used - 1][1] + 1 if used else index
        longest = max((len(atom) for atom, _ in atoms[:used] if atom.isdigit()), default=0)
        return end, ("+" if plus else "") + digits, groups, in_digits, longest, position

    def _long_group_fits(self, atoms: Sequence[tuple[str, int]]) -> bool:
        """A long group of digits goes on a number read out only first ("07911 one two ...") or
        after a few number words ("nul zes 12345678"): not after digits, nor after enough words
        for a whole number ("zéro six douze trente-quatre cinquante-six soixante-dix-huit 123456")."""
        if not atoms:
            return True
        words = sum(1 for atom, _ in atoms if not atom.isdigit() and atom not in self._joiners)
        return not atoms[-1][0].isdigit() and words < MIN_WORDS

    def _digits(self, atoms: Sequence[tuple[str, int]]) -> tuple[str, int, int, int]:
        """(digits, numbers in words, groups in digits, atoms used) of a run of number words and
        digits, read greedily: "soixante dix huit" is 78, "vingt et un" 21, "double oh" 00."""
        digits = ""
        groups = in_digits = used = index = 0
        repeat = 1  # how many times the next digit counts ("double", "triple")
        while index < len(atoms):
            atom = atoms[index][0]
            if atom.isdigit():
                if repeat > 1:
                    break
                digits += atom
                in_digits += 1
                index += 1
                used = index
                continue
            if atom in self._repeats:
                repeat = self._repeats[atom]
                index += 1
                continue
            value, width = self._number(atoms, index)
            if width == 0 or (repeat > 1 and value > 9):
                break
            digits += str(value) * repeat
            repeat = 1
            groups += 1
            index += width
            used = index
        return digits, groups, in_digits, used

    def _number(self, atoms: Sequence[tuple[str, int]], index: int) -> tuple[int, int]:
        """(value, atoms read) of the number below a hundred starting at ``index``; (0, 0) if none."""
        units, tens = self._units, self._tens

        def word(at: int) -> str:
            return atoms[at][0] if at < len(atoms) else ""

        base, at = 0, index
        if word(at) == "quatre" and word(at + 1) in ("vingt", "vingts"):
            base, at = 80, at + 2
        elif word(at) in tens:
            base, at = tens[word(at)], at + 1
        if base:
            after_joiner = at + 1 if word(at) in self._joiners else at
            following = word(after_joiner)
            if base in (60, 80) and following == "dix" and units.get(word(after_joiner + 1), 0) in (7, 8, 9):
                return base + 10 + units[word(after_joiner + 1)], after_joiner + 2 - index  # "soixante-dix-huit"
            if following in units and (1 <= units[following] <= 9 or (base in (60, 80) and units[following] >= 10)):
                return base + units[following], after_joiner + 1 - index  # "trente-quatre", "soixante-douze"
            return base, at - index
        if word(at) == "dix" and units.get(word(at + 1), 0) in (7, 8, 9):
            return 10 + units[word(at + 1)], 2  # "dix-sept"
        if word(at) in units:
            return units[word(at)], 1
        return 0, 0

    def _atoms(self, word: str) -> list[str] | None:
        """The number words of one token ("soixante-dix-huit" -> three), or None if it is none."""
        parts = word.split("-")
        out: list[str] = []
        for part in parts:
            if part in self._units or part in self._tens or part in self._repeats or part in self._joiners:
                out.append(part)
                continue
            compound = self._compound.fullmatch(part) if self._compound is not None else None
            if compound is None:
                return None
            out.extend(compound.groups()[::-1])  # "vierendertig": thirty, then four
        return out if any(p not in self._joiners for p in out) else None

    def _valid(self, digits: str) -> bool:
        """A valid phone number of one of the language's countries."""
        bare = digits.lstrip("+")
        if not MIN_DIGITS <= len(bare) <= MAX_DIGITS:
            return False
        for region in LANGUAGE_REGIONS[self.language]:
            try:
                number = phonenumbers.parse(digits, None if digits.startswith("+") else region)
            except phonenumbers.NumberParseException:
                return False
            if phonenumbers.is_valid_number(number):
                return True
        return False
