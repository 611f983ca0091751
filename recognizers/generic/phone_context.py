"""Phone numbers in any national format, reported only when a phone word precedes them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import LATIN_LETTERS, Re2Pattern, digits_only
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.phone_validation import LANGUAGE_REGIONS, check_phone
from recognizers.names.lexicons import NameLexicon, load_lexicon, tokenize
from recognizers.settings import RecognizerSettings

# Digit groups (some in brackets) separated by one space, dot, dash or slash, optional extension:
# "0494 92 82 32", "(08) 8747 6301", "71-33-52-22", "01.84.17.61.18", "345-899-3560x4587"; or a
# number typed a digit at a time, up to fifteen ("0 7 9 1 1 2 2 3 4 5 6": at most eight groups left
# its last three digits in the text). Groups of several digits stay at eight: more would run on
# into the next number ("tel +33 2 86 72 27 88 1 93 08 12 792 982 40", a phone and a NIR), and a
# match of over fifteen digits is no phone at all (``validate_result``).
_GROUP = r"(?:\([0-9]{1,5}\)|[0-9]{1,5})"
_SEP = r"(?:[ \t]?[.\-/][ \t]?|[ \t])"
_SINGLE_DIGITS = r"\+?[0-9](?:[ \t.\-][0-9]){6,14}\b"
_PHONE_LIKE = rf"(?:{_SINGLE_DIGITS}|\+?{_GROUP}(?:{_SEP}?{_GROUP}){{1,7}})(?:[ \t]*(?:x|ext\.?)[ \t]*[0-9]{{1,5}})?"
# A phone word shortly before the number (no digit in between; "tel" only as "tel:"/"tel." or right
# before the number, since it is a French and a Dutch word): works without NLP artifacts,
# and covers words spaCy treats as stop words (English "call"), which Presidio's context
# enhancer ignores.
_TRIGGERS: dict[str, str] = {
    "fr": (
        r"(?:appel[a-zà-öø-ÿ]*|rappel[a-zà-öø-ÿ]*|téléphon[a-zà-öø-ÿ]*|telephon[a-zà-öø-ÿ]*|tél|port|portable|mobile"
        r"|fixe|fax|gsm"
        r"|whatsapp|sms|joindre|joignable|r[ée]pond(?:s|ez|ait|ent)?[ \t]+(?:pas[ \t]+|plus[ \t]+)?au)"
    ),
    "nl": (
        r"(?:bel|bellen|belt|belde|gebeld|terugbellen|telefoon[a-zà-öø-ÿ]*|mobiel|mobiele|mobieltje|gsm|fax"
        r"|whatsapp|sms|bereikbaar|bereiken[ \t]+(?:op|via|onder)|vaste?[ \t]+(?:nummer|lijn))"
    ),
    "en": (
        r"(?:call|calling|called|ring|phone|telephone|tel|mobile|mob|cell|cellphone|fax|desk|whatsapp|sms"
        r"|text|dial|landline|reach[ \t]+(?:me|us|him|her|them|my[ \t]+[a-z]+)|messages?[ \t]+(?:me[ \t]+)?(?:to|on|at)"
        r"|answer(?:s|ed|ing)?[ \t]+(?:at|on)|reachable[ \t]+(?:at|on))"
    ),
}
# "my number is 07756 134953", "mijn nummer: 01.14.65.54.37": a possessive and the bare word for
# number, then only "is"/"est"/":" before digits that open like a phone number (a trunk "0" or a
# "+"). "number" alone is no phone word ("order number 12345678", "mon numéro de commande"): here
# nothing but those words may stand between it and the number.
# One word may say which number it is, before it ("my work number", "my Turkish number", "my
# wife's number", "mijn Poolse nummer", "mon nouveau numéro") or, in French, after it ("mon numéro
# pro", "mon numéro marocain"): words of phones only, never "order" or "account".
_WHICH_NUMBER_BEFORE = (
    r"(?:work|home|office|other|new|old|second|personal|private|uk|british|english|french|dutch|belgian|irish"
    r"|german|spanish|italian|polish|turkish|moroccan|algerian|portuguese|romanian|indian|pakistani|american"
    r"|[a-z]+['’]s|werk|nieuwe|oude|andere|tweede|privé|prive|zakelijke|belgische|nederlandse|franse|duitse"
    r"|engelse|britse|poolse|turkse|marokkaanse|spaanse|italiaanse|portugese|nouveau|nouvel|autre|deuxième)"
)
_WHICH_NUMBER_AFTER = (
    r"(?:pro|perso|fixe|portable|turc|marocain|algérien|algerien|tunisien|belge|français|francais|anglais"
    r"|portugais|espagnol|italien|polonais|roumain|allemand|suisse|néerlandais|neerlandais)"
)
_MY_NUMBER = (
    rf"(?:my|mijn|m'n|m’n|mon)[ \t]+(?:(?:{_WHICH_NUMBER_BEFORE}[ \t]+)?(?:phone[ \t]+|tel[ \t]+|gsm[ \t]+)?"
    rf"(?:number|nummer|nr|numéro|numero)(?:[ \t]+{_WHICH_NUMBER_AFTER})?"
    # chat's shorter forms: "my number's 07...", "mon tel c 06...", "mon tél cest le 06..."
    r"(?:'s|’s)?|tel|tél|phone)"
    r"(?:[ \t]+(?:is|est|=|c'est(?:[ \t]+le)?|c’est(?:[ \t]+le)?|cest(?:[ \t]+le)?|c))?[ \t]*:?[ \t]*"
)
# "07756 134953 is my number", "0494 92 82 32 c'est mon numéro", "06 12345678 is mijn nummer": the
# same words after the number, which end the clause ("... c'est mon numéro de commande" is none).
_IS_MY_NUMBER = (
    r"[ \t]*(?:is|=|est|c'est|c’est)[ \t]+(?:my|mijn|m'n|m’n|mon)[ \t]+"
    r"(?:(?:phone|mobile|new|cell|tel|gsm|nouveau|nieuwe|mobiele)[ \t]+)?(?:number|nummer|nr|numéro|numero)"
    rf"[ \t]*(?:$|[^ \t{LATIN_LETTERS}])"
)
_TRUNK_PHONE = rf"(?:{_SINGLE_DIGITS}|(?:\+|\(?0)[0-9]{{0,4}}\)?(?:{_SEP}?{_GROUP}){{1,7}})"
# A label typed right after the number, as in signatures and contact lists: "0494 92 82 32
# (mobile)", "416 60 039 office", "930.167.3943 fax", "3660170548-Fax", "06 12 34 56 78 portable".
# Words that also follow other numbers ("home", "work", "perso", "thuis", "werk") count only in
# brackets: "order 12345678 home delivery" is no phone. Labels written without brackets end in an
# ASCII letter (the pattern ends them with ``\b``).
_LABELS: dict[str, tuple[str, str]] = {
    "fr": (
        r"portable|mobile|fixe|fax|t[ée]l[ée]phone|t[ée]l|gsm|whatsapp",
        r"domicile|bureau|perso|pro|travail|maison",
    ),
    "nl": (r"mobiel|gsm|fax|telefoon|tel|kantoor|vast|whatsapp", r"thuis|werk|priv[ée]|zakelijk"),
    "en": (r"office|fax|mobile|cell|landline|phone|tel|direct|whatsapp", r"home|work|private|main"),
}
# Latin letters, not ``\p{L}``/``\p{N}``: Unicode classes make RE2's automaton far larger, and this
# pattern meets every message with seven digits (``recognizers.base``).
_LETTER = LATIN_LETTERS
_DATE_LIKE = re.compile(r"[0-9]{1,4}([./\-])[0-9]{1,2}\1[0-9]{1,4}")
# The name of another number between the phone word and the digits: the digits are that number
# ("heeft gisteren gebeld en mijn bsn is 187582397", "I called about order 12345678").
OTHER_NUMBER_NAME = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofinummer|nir|niss|rijksregister\w*|s[ée]curit[ée] sociale|s[ée]cu|ssn"
    r"|nino|ni number|national insurance|nhs|iban|rib|passport|paspoort|passeport|klantnummer|ordernummer"
    r"|order|bestelling|bestelnummer|factuur|facture|commande|invoice|ref|r[ée]f[ée]rence|referentie|dossier"
    r"|contrat|contract|polis|policy|account|compte|rekening|tracking|colis|pakket|parcel)\b"
)
_AFTER_PHONE_WORD = "phone word + phone-like digits"
# The same further away, for digits that open like a phone number (a trunk "0" or a "+"): the
# person to call may stand between ("please call my husband Declan on 087 123 4567", "you can
# reach Declan on 0871234567").
_AFTER_PHONE_WORD_FAR = "phone word, a few words + trunk-prefixed digits"
_FAR_REACH = r"reach"  # with a name between, not only "reach me": the digits must open like a phone's
CONTEXT_NEEDED_SCORE = 0.3  # phone-like digits with no phone word in the pattern
_CONTEXT_NEEDED = "phone-like digits (context needed)"
# Beside a name, as signatures write a number: "Femke (06-98765432)", "Sarah Jones\n6145620168".
_BESIDE_A_NAME = "phone-like digits beside a name"
BESIDE_A_NAME_SCORE = 0.6
MIN_SIGNATURE_DIGITS = 9  # an account or order number of seven or eight digits may stand under a name too
MAX_NAME_CHARS = 60  # characters before the brackets read for the name
MAX_NAME_LINE_WORDS = 4  # "Sarah Jones", "Dr. Anne-Marie van den Berg"
_QUOTE_MARKS = " \t>"  # a quoted e-mail's signature: "> Sarah Jones\n> 6145620168"
_GAP = 24  # the pattern allows 19 characters between the phone word and the digits, plus the word's end
_FAR_GAP = 50  # the far pattern allows 44
_GAPS = {_AFTER_PHONE_WORD: _GAP, _AFTER_PHONE_WORD_FAR: _FAR_GAP}  # where the other number's name is looked for
_EXTENSION = re.compile(r"[ \t]*(?:x|ext\.?)[ \t]*[0-9]+$")
MAX_PHONE_DIGITS = 15  # ITU-T E.164
_GROUP_GAP = re.compile(r"[ \t]+")


class ContextPhoneRecognizer(GatedRecognizer):
    """Phone numbers of any country without a country code (``PHONE_NUMBER``), every language.

    Format: 7 to 15 digits in groups separated by spaces, dots, dashes or slashes, optional
    area code in brackets and extension: "0494 92 82 32", "(08) 8747 6301", "467 3395".
    The shape alone is not enough (order numbers, amounts look the same): it is reported when a
    phone word comes shortly before it, in the pattern itself ("call me at", "you can reach me on",
    "appelez-moi au", "bel me op", "u kunt mij bereiken op", "Tel:", "tel 059 07 76 92",
    "message me on"; up to 44 characters after it when the digits open with "0" or "+": "call my
    husband Declan on 087 123 4567"), right after "my number is" when it opens with "0" or "+" ("mijn nummer is
    07756 134953": a number of another country than the message's language; also with a word
    saying which number: "mijn Turkse nummer is", "my wife's number is", "mon numéro pro"), a phone label right
    after it, as signatures and contact lists write them ("416 60 039 office", "930.167.3943 fax",
    "06 12 34 56 78 (portable)", "020-1234567 (werk)"), "is my number" right after it ("7276203456
    is my number", "06 12345678 is mijn nummer"), nine digits or more beside a name as signatures
    write them ("Femke (06-98765432)", "Sarah Jones" then "6145620168" alone on the next line), or
    found by Presidio's context enhancer.
    "number", "numéro", "nummer" alone are deliberately not phone words ("order number 12345678").
    Official source: ITU-T E.164 (at most 15 digits), https://www.itu.int/rec/T-REC-E.164

    Scores: 0.6 after a phone word or before a label in the pattern; 0.3 otherwise (0.65 with
    context). Date-like
    ("12.03.2021") and single-digit-repeat numbers
    are discarded. Country recognizers and ``IntlPhoneRecognizer`` give higher scores to the
    numbers they can validate.
    """

    min_digits = 7

    # Substrings of the lower-cased tokens before the number (Presidio's enhancer, stop words
    # skipped): stems such as "appel" (appelez, rappeler) and "téléphon"; no "call" (an English
    # stop word), "ring" (during, string) or "bel" (belangrijk); "number", "numéro", "nummer"
    # left out on purpose (order numbers).
    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["téléphon", "tél", "portable", "mobile", "appel", "joindre", "joignable", "fax", "whatsapp"],
        "nl": ["telefoon", "mobiel", "gsm", "bellen", "gebeld", "fax", "whatsapp"],
        "en": ["phone", "mobile", "cell", "fax", "desk", "whatsapp", "landline"],
    }

    def __init__(self, supported_language: str = "en", lexicon_dir: Path | None = None) -> None:
        language = supported_language if supported_language in _TRIGGERS else "en"
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir or RecognizerSettings().lexicon_dir, language)
        labels, bracketed = _LABELS[language]
        self._regions = LANGUAGE_REGIONS[language]
        super().__init__(
            supported_entity=PHONE_NUMBER,
            patterns=[
                Re2Pattern(
                    _AFTER_PHONE_WORD,
                    rf"(?i)(?:^|[^{_LETTER}0-9])(?:(?:{_TRIGGERS[language]}[^{_LETTER}0-9]|tel[ \t]*[.:])"
                    rf"(?:[^0-9]{{0,19}}[^0-9(+])?|tel[ \t]+)(?P<pii>{_PHONE_LIKE})",
                    0.6,
                ),
                Re2Pattern(
                    _AFTER_PHONE_WORD_FAR,
                    rf"(?i)(?:^|[^{_LETTER}0-9])(?:{_TRIGGERS[language]}|{_FAR_REACH})[^{_LETTER}0-9]"
                    rf"[^0-9]{{0,43}}[^0-9(+{_LETTER}](?P<pii>{_TRUNK_PHONE})",
                    0.6,
                ),
                Re2Pattern(
                    "phone-like digits + phone label",
                    rf"(?i)(?:^|[^{_LETTER}0-9+(])(?P<pii>{_PHONE_LIKE})"
                    # ends on the label (``\b``: its last letter is ASCII) or the bracket, so that the
                    # line break after it can open the next number of a contact list
                    rf"(?:(?:[ \t]*[\-–/:][ \t]*|[ \t]+)(?:{labels})\b|[ \t]*\([ \t]*(?:{labels}|{bracketed})[ \t]*\))",
                    0.6,
                ),
                Re2Pattern(
                    "my number + phone-like digits",
                    rf"(?i)(?:^|[^{_LETTER}0-9]){_MY_NUMBER}(?P<pii>{_TRUNK_PHONE})",
                    0.6,
                ),
                Re2Pattern(
                    "phone-like digits + is my number",
                    rf"(?i)(?:^|[^{_LETTER}0-9+(])(?P<pii>{_PHONE_LIKE}){_IS_MY_NUMBER}",
                    0.6,
                ),
                Re2Pattern(_CONTEXT_NEEDED, _PHONE_LIKE, CONTEXT_NEEDED_SCORE),
            ],
            context=self.CONTEXT[language],
            supported_language=supported_language,
        )

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A number after a phone word falls back to the score of phone-like digits
        alone when the name of another number stands between them (``OTHER_NUMBER_NAME``): the
        digits are that number. Phone-like digits alone count as a phone beside a name, as a
        signature writes it (``_beside_a_name``). Digits too many for one number are two numbers
        typed in a row, or none (``_numbers_in_a_row``). Digits glued to a "#" are a reference
        ("my order #2803038", "pakket #1829794"), never a phone, whatever word stands near: "iPhone"
        holds the context word "phone"."""
        results = [r for r in results if not text[: r.start].endswith("#")]
        results = [part for result in results for part in self._numbers_in_a_row(text, result)]
        for result in results:
            explanation = result.analysis_explanation
            if explanation is None:
                continue
            if explanation.pattern_name == _CONTEXT_NEEDED and self._beside_a_name(text, result.start, result.end):
                result.score = explanation.score = BESIDE_A_NAME_SCORE
                explanation.pattern_name = _BESIDE_A_NAME
                continue
            gap = _GAPS.get(explanation.pattern_name)
            if gap is not None and OTHER_NUMBER_NAME.search(text[max(0, result.start - gap) : result.start]):
                result.score = explanation.score = CONTEXT_NEEDED_SCORE
        return results

    def _numbers_in_a_row(self, text: str, result: RecognizerResult) -> list[RecognizerResult]:
        """``result`` itself when it holds at most ``MAX_PHONE_DIGITS`` digits. Otherwise the two
        numbers of a contact line ("tel: 0492 27 19 07 0470 26 47 89"), split where a space
        leaves two valid numbers of the language's countries (either one alone when only it is
        valid: the country patterns read the other); none when no split gives one. The numbers'
        own patterns reject a piece of a longer spaced chain, so before this the line had none."""
        value = text[result.start : result.end]
        if len(digits_only(_EXTENSION.sub("", value))) <= MAX_PHONE_DIGITS:
            return [result]
        splits = []
        for gap in _GROUP_GAP.finditer(value):
            halves = ((0, gap.start()), (gap.end(), len(value)))
            valid = [(start, end) for start, end in halves if self._valid(value[start:end])]
            if valid:
                splits.append(valid)
        if not splits:
            return []
        # both halves valid first, then the longest valid half
        best = max(splits, key=lambda valid: (len(valid), max(end - start for start, end in valid)))
        return [
            RecognizerResult(
                PHONE_NUMBER,
                result.start + start,
                result.start + end,
                result.score,
                result.analysis_explanation,
                result.recognition_metadata,
            )
            for start, end in best
        ]

    def _valid(self, candidate: str) -> bool:
        """A number of 7 to 15 digits that opens like a phone number ("0", "+", "(") and that
        libphonenumber knows in one of the language's countries."""
        if not candidate.startswith(("0", "+", "(")) or not 7 <= len(digits_only(candidate)) <= MAX_PHONE_DIGITS:
            return False
        return any(check_phone(candidate, region) is True for region in self._regions)

    def _beside_a_name(self, text: str, start: int, end: int) -> bool:
        """The digits at ``start:end`` (nine or more) stand beside a person's name as a signature
        writes a number: alone in brackets right after a capitalised known name ("Femke
        (06-98765432)", "Thanks, Sarah (7607710431)"), or alone on the line after a line of one to
        four capitalised words (name particles aside), one of them a known name ("Sarah Jones\n6145620168",
        "Sanne de Vries\n0931 002516")."""
        if len(digits_only(text[start:end])) < MIN_SIGNATURE_DIGITS:
            return False
        before = text[:start].rstrip(" \t")
        after = text[end:].lstrip(" \t")
        if before.endswith("(") and after.startswith(")"):
            last = tokenize(before[-MAX_NAME_CHARS:-1])[-1:]
            return bool(last) and last[0].is_capitalised and self.lexicon.is_known_name(last[0].key)
        line_start = before.rstrip(_QUOTE_MARKS)
        if not (line_start.endswith("\n") and (not after or after.startswith(("\n", "\r")))):
            return False
        previous_line = line_start.rstrip("\r\n").rsplit("\n", 1)[-1].strip(_QUOTE_MARKS)
        particles = self.lexicon.particles
        names = [t for t in tokenize(previous_line) if t.is_word and t.key not in particles]
        return (
            0 < len(names) <= MAX_NAME_LINE_WORDS
            and all(t.is_capitalised for t in names)
            and any(self.lexicon.is_known_name(t.key) for t in names)
            and not any(self.lexicon.is_common(t.key) and not self.lexicon.is_known_name(t.key) for t in names)
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """7-15 digits (extension aside), not a date, not one repeated digit; up to twice as many
        for two numbers in a row (``adjust_results`` splits them)."""
        number = digits_only(_EXTENSION.sub("", pattern_text))
        if not 7 <= len(number) <= 2 * MAX_PHONE_DIGITS or len(set(number)) == 1:
            return False
        if _DATE_LIKE.fullmatch(pattern_text.strip()):
            return False
        return None
