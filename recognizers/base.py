"""Base classes shared by piiflow's recognizers.

Why not Presidio's ``PatternRecognizer``: it runs Python's backtracking ``regex`` engine, so one
hostile chat message can pin a partition for as long as the timeout allows. ``Re2PatternRecognizer``
keeps Presidio's contract (``validate_result``/``invalidate_result``, context words, explanations)
but compiles every pattern once with RE2, whose matching time is linear in the text length.

RE2 has no look-around and its ``\\b`` only knows ASCII letters. Instead, a pattern may capture the
value in a group named ``pii`` (the reported span), and ``require_boundaries`` (on by default)
rejects a match glued to a letter or digit on either side, judged with Python's Unicode-aware
``str.isalnum``. Prefer explicit Latin letter ranges to ``\\p{L}`` in large patterns: the Unicode
class makes RE2's automaton about 150 times larger.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import re2
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.re2_spans import finditer_spans

LATIN_LETTERS = r"A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}"
"""The letters of French, Dutch and English words (ASCII, Latin-1, Latin Extended-A and -B), for
an RE2 character class (``[{LATIN_LETTERS}0-9]``) in place of ``\\p{L}``: a pattern met by fresh
text costs RE2 far less with it (the module docstring)."""
#: Latin-1 capitals and lower-case letters apart, for patterns that need the case of a word's first
#: letter ("Surinaamse", "Pakistani"): A-Z and À-Þ but "×"; a-z and ß-ÿ but "÷".
LATIN_CAPITALS = r"A-Z\x{C0}-\x{D6}\x{D8}-\x{DE}"
LATIN_LOWER = r"a-z\x{DF}-\x{F6}\x{F8}-\x{FF}"


#: What stands between a value's name and the value (``after_its_name``): spaces, a colon, "=",
#: "#", brackets, dashes ("kenteken: …", "postcode = …", "account number (…)", "plaque – …").
#: Recognition metadata of a name a phrase announced outright ("my name is June", "je m'appelle
#: Marie"): the detector does not drop it for being on the allow list, whose months and chat words
#: are never names elsewhere.
ANNOUNCED_NAME_KEY = "piiflow_announced_name"
#: English, the language a country's recognizer also serves when a customer types that country's
#: values in an English message (``FrAddressRecognizer("en")``, ``BeAddressRecognizer("en")``...).
ENGLISH = "en"


@runtime_checkable
class RepliesToQuestions(Protocol):
    """A recognizer that reads a message as the reply to a question the conversation's previous
    message asked: "wat is uw achternaam?" then "Brinkerhoff", "date of birth?" then "12/03/1985".
    Alone such a reply says too little; the detector asks ``reply`` only when the message's context
    words (the previous message's) hold one of ``question_words``, or when a message holds both a
    question with one and the short text after it ("Bot: What is your name? User: Arcuri":
    ``Detector._replies_inside``), and adds what it returns to the message's raw results.
    ``found`` are the raw results of every recognizer for the message; ``asked`` the question's
    words, in lower case (a reader may need two of them: "customer" and "number")."""

    name: str
    question_words: frozenset[str]

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """What ``text`` gives in reply, or None when it is no such reply."""


#: What may stand around the value of a bare reply: spaces and punctuation ("12-03-1985.", "(45)").
REPLY_PUNCTUATION = " \t\n.,;:!()[]\"'«»“”"
#: The punctuation tokens a bare reply of words may hold, around or inside them ("Brinkerhoff.",
#: "J. de Vries!", "Stoke-on-Trent", "'s-Hertogenbosch").
REPLY_PUNCTUATION_TOKENS = frozenset(".,!;:-–—'’\"«»“”()")


def bare_reply(text: str) -> tuple[int, int] | None:
    """The span of ``text`` without the spaces and punctuation around it (``REPLY_PUNCTUATION``),
    or None when nothing else is there."""
    start = len(text) - len(text.lstrip(REPLY_PUNCTUATION))
    end = len(text.rstrip(REPLY_PUNCTUATION))
    return (start, end) if start < end else None


NAME_SEPARATOR = r"[ \t:=#()\-–]"


def after_its_name(name: str, fillers: str, value: str, separator: str, max_fillers: int) -> str:
    """RE2 for a value right after the word that names it, case-insensitive: ``name`` (an
    alternation) not glued to a letter or digit before it, one or more ``separator`` characters,
    at most ``max_fillers`` short ``fillers`` words each followed by separators ("number is",
    "est le", "mijn"), then ``value`` as the ``pii`` group. Shared by the recognizers that find a
    value by its name (identity documents, postcodes, plates), so they read the text alike."""
    return (
        rf"(?i)(?:^|[^{LATIN_LETTERS}0-9])(?:{name}){separator}+"
        rf"(?:{fillers}{separator}+){{0,{max_fillers}}}(?P<pii>{value})"
    )


#: How every pattern of ours is compiled, by the recognizers and by the detector's pattern screen
#: alike (``processors.pattern_screen``), so that the screen's compiled regexes can serve the
#: recognizers (``Re2PatternRecognizer.adopt_compiled``).
RE2_OPTIONS = re2.Options()
RE2_OPTIONS.max_mem = 64 << 20  # a generous but bounded DFA budget per pattern


@dataclass(frozen=True)
class Re2Pattern:
    """One regular expression (RE2 syntax), its name for explanations, and its base score."""

    name: str
    regex: str
    score: float


def compile_re2(regex: str) -> Any:
    """``regex`` compiled as the pattern recognizers compile theirs (``RE2_OPTIONS``)."""
    return re2.compile(regex, RE2_OPTIONS)


def is_glued(text: str, start: int, end: int) -> bool:
    """True when the span touches a letter or digit on either side (so it is part of a longer token)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before.isalnum() or after.isalnum()


#: Searches again after a glued match, per pattern and text: bounded, so that a text of many short
#: digit groups ("0 1 2 3 ...") costs a few searches more, not one per group.
MAX_RESUMES = 8


#: A run of this many digits typed without a separator is a number of its own, not one group of a
#: number typed in groups: across a space, "44083073623 0032 479 94 57 43" is a national number
#: then a phone, "0647176813 2 70 06 65 022 547 06" a phone then a NIR. People type groups of two
#: to five digits; the Dutch "06 12345678" is the exception, and its prefix is the short side.
COMPACT_NUMBER_DIGITS = 8

_GROUP_SPACES = frozenset(" \u00a0\u202f")
_GROUP_PUNCTUATION = frozenset("-./")  # what joins a number's digit groups, besides spaces
#: A phone number typed whole with punctuation between its groups (``_punctuated_chain``).
MIN_PUNCTUATED_JOINS = 3
MIN_PUNCTUATED_DIGITS = 9
MAX_PUNCTUATED_DIGITS = 11
#: A whole phone number after a space (``whole_phone_after``): its digits, the digits before it,
#: and the countries whose numbers it is checked against.
MIN_WHOLE_PHONE_DIGITS = 9
MAX_WHOLE_PHONE_DIGITS = 15
MIN_DIGITS_BEFORE_A_PHONE = 7
WHOLE_PHONE_REGIONS = ("FR", "BE", "NL", "GB")


def digit_run_before(text: str, index: int) -> int:
    """How many digits run right up to ``text[index]`` (exclusive)."""
    start = index
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return index - start


def digit_run_after(text: str, index: int) -> int:
    """How many digits run from ``text[index]`` on."""
    end = index
    while end < len(text) and text[end].isdigit():
        end += 1
    return end - index


#: A whole date right before a space: "geboren op 26-06-1948 02 813 68 03", "née le 24.10.1994 1 85 ...";
#: with a two-digit year only between slashes ("05/02/66 06 53 22 17 17"): dots and dashes group
#: phones in pairs ("01.23.45 67 89")
_DATE_BEFORE = re2.compile(
    r"(?:^|[^0-9])[0-3]?[0-9](?:[-./][01]?[0-9][-./](?:19|20)[0-9][0-9]|/[01]?[0-9]/[0-9][0-9])$"
)
#: An IBAN typed in groups right before a space ("be56 9898 2297 7388 0487 83 45 60"): whole when
#: its length is its country's and its check digits hold (``_whole_iban_before``)
_IBAN_GROUPS_BEFORE = re2.compile(r"(?:^|[^0-9A-Za-z])([A-Za-z]{2}[0-9]{2}(?: [0-9A-Za-z]{1,4}){2,8})$")
#: An IBAN's first groups right before a space, whole or not ("NL83 SNSB 1054 5595 06")
_IBAN_START_BEFORE = re2.compile(r"(?:^|[^0-9A-Za-z])[A-Za-z]{2}[0-9]{2}(?: [0-9A-Za-z]{1,4})+$")
#: A card number typed in four groups of four right before a space (whole when its Luhn check holds)
_CARD_GROUPS_BEFORE = re2.compile(r"(?:^|[^0-9 \-]|[^0-9] )([0-9]{4}(?:(?: [0-9]{4}){3}|(?:-[0-9]{4}){3}))$")
#: The words of an age's unit in years, fr/nl/en ("87 jaar", "45 ans", "62 years"), and the word
#: that makes a length of time an age after it ("73 jaar oud", "91 years old").
AGE_UNIT_WORDS = ("jaar", "ans", "years", "yrs", "jr")
AGE_OLD_WORDS = frozenset({"old", "oud"})
#: One or two digits, then an age's unit: "87 jaar", "45 ans", "62 years"
_AGE_AFTER = re2.compile(rf"(?i)[0-9]{{1,2}}[ \t]+(?:{'|'.join(AGE_UNIT_WORDS)})\b")
_LOOKBACK = 48  # characters looked at before a space for a date, an IBAN or a card number that ends there


def space_parts_numbers(text: str, separator: int) -> bool:
    """``text[separator]`` is a space that ends one number and starts another rather than joining
    two groups of one: a run of ``COMPACT_NUMBER_DIGITS`` digits or more on either side, a whole
    date, IBAN or card number right before it, or an age (digits and an age's unit) after it."""
    if text[separator] not in _GROUP_SPACES:
        return False
    if digit_run_before(text, separator) >= COMPACT_NUMBER_DIGITS:
        return True
    if digit_run_after(text, separator + 1) >= COMPACT_NUMBER_DIGITS:
        return True
    before = text[max(0, separator - _LOOKBACK) : separator]
    if _DATE_BEFORE.search(before) is not None or _whole_iban_before(before) or _whole_card_before(before):
        return True
    if _punctuated_chain(text, separator, -1) or _punctuated_chain(text, separator + 1, 1):
        return True  # "07-65-61-02-16 2 48 07 66 863 878 53": a number grouped with dashes, then another
    if whole_phone_after(text, separator):
        return True  # "2 73 03 88 449 542 62 06 02 07 25 24": a NIR, then a phone that ends the chain
    # "+32 473 00 33 51 87 jaar": the group after the space counts years, no phone's digits
    return _AGE_AFTER.match(text, separator + 1) is not None


def whole_phone_after(text: str, separator: int) -> bool:
    """Seven digits or more of a chain run up to the space at ``separator``, and the rest of the
    chain after it is one valid phone number of France, Belgium, the Netherlands or the United
    Kingdom, opening with its trunk "0" or "00" ("2 73 03 88 449 542 62 06 02 07 25 24": a NIR
    then a mobile; "09 432 13 66 0032 484 88 48 31": two phones). A phone's own groups are no
    whole number (nine digits at least, a "0" first), so one number typed in groups is not cut."""
    if separator + 1 >= len(text) or text[separator + 1] != "0":
        return False
    end = separator + 1
    digits = 0
    while end < len(text):
        char = text[end]
        if char.isdigit():
            digits += 1
        elif not (char in _GROUP_SPACES and end + 1 < len(text) and text[end + 1].isdigit()):
            break
        end += 1
    if not MIN_WHOLE_PHONE_DIGITS <= digits <= MAX_WHOLE_PHONE_DIGITS:
        return False
    if _chain_digits_before(text, separator) < MIN_DIGITS_BEFORE_A_PHONE:
        return False
    # here, not at the top: recognizers.generic's __init__ imports the recognizers, which import this module
    from recognizers.generic.phone_validation import check_phone

    candidate = text[separator + 1 : end]
    return any(check_phone(candidate, region) is True for region in WHOLE_PHONE_REGIONS)


def _chain_digits_before(text: str, separator: int) -> int:
    """The digits of the chain of groups (single spaces, dots or dashes between them) ending at
    ``separator``; 0 when an IBAN's groups open it ("NL83 SNSB 1054 5595 06 83 ...": the IBAN may
    go on, whatever follows)."""
    index = separator - 1
    digits = 0
    while index >= 0:
        char = text[index]
        if char.isdigit():
            digits += 1
        elif not ((char in _GROUP_SPACES or char in _GROUP_PUNCTUATION) and index > 0 and text[index - 1].isdigit()):
            break
        index -= 1
    if digits and _IBAN_START_BEFORE.search(text[max(0, separator - _LOOKBACK) : separator]) is not None:
        return 0
    return digits


def _punctuated_chain(text: str, index: int, step: int) -> bool:
    """The digit groups that end right before ``text[index]`` (``step`` -1) or start at it (``step``
    1) are a phone number's worth typed whole: nine to eleven digits in four groups or more joined
    by dashes, dots or slashes ("07-65-61-02-16", "06.12.34.56.78"), which a space next to it does
    not continue. Fewer groups may be the start of a number typed in mixed groups ("01.23.45 67
    89"); a longer chain, a card or an account number, has its own checks (``_whole_card_before``)."""
    position = index - 1 if step < 0 else index
    joins = digits = 0
    previous_digit = False
    while 0 <= position < len(text):
        char = text[position]
        if char.isdigit():
            digits += 1
            previous_digit = True
        elif char in _GROUP_PUNCTUATION and previous_digit:
            following = position + step
            if not (0 <= following < len(text) and text[following].isdigit()):
                break
            joins += 1
            previous_digit = False
        else:
            break
        position += step
    return joins >= MIN_PUNCTUATED_JOINS and MIN_PUNCTUATED_DIGITS <= digits <= MAX_PUNCTUATED_DIGITS


def _whole_card_before(before: str) -> bool:
    """A card number in four groups of four (spaces or dashes between them) right before, its Luhn
    check right: "4126 9169 1978 8305 786 767 741", "4915-2455-1958-6678 06.64.91.20.41" are a
    card, then another number."""
    match = _CARD_GROUPS_BEFORE.search(before)
    return match is not None and luhn_valid(match.group(1).replace(" ", "").replace("-", ""))


def _whole_iban_before(before: str) -> bool:
    match = _IBAN_GROUPS_BEFORE.search(before)
    if match is None:
        return False
    from recognizers.generic.iban import BBAN_FORMATS, bban_length, iban_mod97_valid  # iban imports this module

    compact = match.group(1).replace(" ", "").upper()
    country = compact[:2]
    return country in BBAN_FORMATS and len(compact) == 4 + bban_length(country) and iban_mod97_valid(compact)


def continues_digits(text: str, start: int) -> bool:
    """A digit, then one space, dot, dash or slash, right before ``start``: what starts there
    continues a number typed in groups (unless a space parts two numbers: ``space_parts_numbers``)."""
    return (
        start >= 2
        and text[start - 1] in " .-/"
        and text[start - 2].isdigit()
        and not space_parts_numbers(text, start - 1)
    )


def glued_token_end(text: str, start: int) -> int:
    """Where the run of letters and digits through ``text[start]`` ends (past ``start`` in any case)."""
    end = start + 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return end


class Re2PatternRecognizer(LocalRecognizer):  # type: ignore[misc]
    """A Presidio pattern recognizer that matches with RE2 (linear time, no ReDoS).

    Subclasses set the entity, patterns and context words, and override ``validate_result``
    (checksums: ``True`` sets the score to ``validated_score``, ``False`` discards the match) and
    ``invalidate_result`` (``True`` discards the match). Context words boost the score through
    Presidio's context enhancer when they appear near the match.
    """

    validated_score: float = EntityRecognizer.MAX_SCORE

    def __init__(
        self,
        supported_entity: str,
        patterns: Sequence[Re2Pattern],
        context: Iterable[str] | None = None,
        supported_language: str = "en",
        name: str | None = None,
        require_boundaries: bool = True,
    ) -> None:
        self.patterns = list(patterns)
        self.require_boundaries = require_boundaries
        super().__init__(
            supported_entities=[supported_entity],
            supported_language=supported_language,
            name=name or type(self).__name__,
            context=list(context or []),
        )

    def load(self) -> None:
        """Patterns are compiled on first use, or handed over by the pattern screen; nothing to load."""

    @functools.cached_property
    def _compiled(self) -> list[tuple[Re2Pattern, Any, int]]:
        """Each pattern with its compiled regex and the group reported as the value (``pii`` if the
        pattern names one, looked up once, not per match). Compiled at first use, unless
        ``adopt_compiled`` set them first."""
        return self._compile({})

    def adopt_compiled(self, compiled: Mapping[str, Any]) -> None:
        """Use regexes already compiled with ``RE2_OPTIONS`` (keyed by their source), compiling now
        any pattern not among them.

        Why: the detector's pattern screen compiles every pattern of the language once more into
        its RE2 filter (``processors.pattern_screen``). Compiling each twice cost about 90 ms of a
        language's start-up, most of a one-line ``piiflow detect``'s recognizer building, and held
        two copies of each program and its automata; the same source compiled with the same options
        matches the same."""
        self.__dict__["_compiled"] = self._compile(compiled)

    def _compile(self, compiled: Mapping[str, Any]) -> list[tuple[Re2Pattern, Any, int]]:
        result = []
        for pattern in self.patterns:
            regex = compiled.get(pattern.regex)
            if regex is None:
                regex = compile_re2(pattern.regex)
            result.append((pattern, regex, regex.groupindex.get("pii", 0)))
        return result

    def screen_regexes(self) -> list[str]:
        """Regexes one of which matches somewhere in every text this recognizer reports on.

        The detector scans each message with the regexes of all recognizers at once and calls
        ``analyze`` only when one of these matched (``processors.pattern_screen``). True of
        ``self.patterns`` as long as ``analyze`` reports matches of them in the text it was given;
        a subclass that finds its candidates another way must name its own regexes.
        """
        return [pattern.regex for pattern in self.patterns]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Checksum or format check of a candidate; ``None`` means 'no opinion'."""
        return None

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """``True`` drops the candidate (a known false positive shape)."""
        return None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """The validated candidates of ``text``, as a subclass rescores or drops them where the
        decision needs the text around a match or the pattern that found it; default: unchanged."""
        return results

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run every pattern over ``text`` and keep the candidates that survive validation."""
        results: list[RecognizerResult] = []
        entity = self.supported_entities[0]
        for pattern, compiled, group in self._compiled:
            resume: int | None = 0
            resumes = 0
            while resume is not None:
                spans_found, resume = finditer_spans(compiled, text, resume), None
                for spans in spans_found:
                    start, end = spans[group]
                    if start < 0 or end <= start:
                        continue
                    if self.require_boundaries and is_glued(text, start, end):
                        if resumes < MAX_RESUMES:
                            # Glued to a letter or digit, the match is none; but being the leftmost,
                            # it hid any match starting inside it: in "colis 5740-1065 - 06 95 78 46
                            # 05", "065 - 06 95 78 4" hid the phone, in "CB ... 03111. 03-94-57-21-40"
                            # "03111. 03-94-5" did. Search again after its first token.
                            resume, resumes = glued_token_end(text, start), resumes + 1
                            break
                        continue
                    if resumes and continues_digits(text, start):
                        continue  # found again inside "1234 5678 9012 3456": a piece of the same number
                    candidate = text[start:end]
                    score = pattern.score
                    validation = self.validate_result(candidate)
                    if validation is False or self.invalidate_result(candidate):
                        continue
                    if validation is True:
                        score = max(score, self.validated_score)
                    results.append(make_result(self, entity, start, end, score, pattern=pattern, validation=validation))
        return self.adjust_results(text, list(EntityRecognizer.remove_duplicates(results)))


class TextRecognizer(LocalRecognizer):  # type: ignore[misc]
    """A recognizer that reads the message itself (word lists, chat cues, a name grammar, the NER's
    entities) rather than through ``Re2PatternRecognizer``'s patterns.

    What each of them repeated lives here once: Presidio's ``load`` has nothing to do (lists,
    memos and regexes are built in ``__init__``), and ``analyze`` answers nothing when the caller
    asks for none of the recognizer's entity types. Subclasses implement ``find``, which may
    still filter by ``entities`` when they report several types.
    """

    def load(self) -> None:
        """Everything is built in ``__init__``."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``find``'s results, or none when none of ``supported_entities`` is asked for."""
        if entities and not any(entity in entities for entity in self.supported_entities):
            return []
        return self.find(text, entities, nlp_artifacts)

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The entities of ``text`` (``entities``: what the caller asked for; empty means all)."""
        raise NotImplementedError


def make_result(
    recognizer: EntityRecognizer,
    entity_type: str,
    start: int,
    end: int,
    score: float,
    why: str | None = None,
    pattern: Re2Pattern | None = None,
    validation: bool | None = None,
) -> RecognizerResult:
    """A Presidio result with its explanation and the recognizer's name and id (for context scoring).

    ``pattern``/``validation`` feed ``piiflow explain``'s "why" for pattern recognizers; ``why`` is
    a short value-free text for the others (lookups, NER, term lists).
    """
    explanation = AnalysisExplanation(
        recognizer=recognizer.name,
        original_score=pattern.score if pattern else score,
        pattern_name=pattern.name if pattern else None,
        pattern=pattern.regex if pattern else None,
        validation_result=validation,
        textual_explanation=why,
    )
    explanation.score = score
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def digits_only(value: str) -> str:
    """The digits of ``value``, in order: checksums ignore the separators people type."""
    return "".join(ch for ch in value if ch.isdecimal())


def luhn_valid(number: str) -> bool:
    """Luhn (mod 10) check used by cards, SIREN and SIRET."""
    if not number.isdecimal():
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0
