"""A company named with its legal form ("SARL Dubois Frères", "Bakker Transport BV", "Harper & Lane Ltd")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import ORGANIZATION
from recognizers.names.lexicons import NameLexicon, Token, load_lexicon, sentence_initial, token_starts, tokenize

#: Legal forms written before the name, as French does ("SARL Dubois", "SAS Martin Logistique");
#: they may come after it too ("Renault SA").
LEADING_FORMS = ("SARL", "SASU", "SAS", "EURL", "SCI", "SNC", "SCOP", "SELARL", "GIE", "SA")
#: Legal forms written after the name: Belgian, Dutch, British, American, German ("Dupont SPRL",
#: "Bakker Transport B.V.", "Harper & Lane Ltd", "Kowalski Brothers LLC", "Weber GmbH"). Not "CV"
#: (a résumé as often as a partnership) nor "Co" (a county, a company, a chemical symbol).
TRAILING_FORMS = (
    "SRL", "SPRL", "ASBL", "VZW", "BVBA", "CVBA", r"B\.V\.", "BV", r"N\.V\.", "NV", r"V\.O\.F\.", "VOF",
    r"Ltd\.?", "Limited", "LLP", "LLC", "PLC", "plc", r"Inc\.?", r"Corp\.?", "GmbH", "AG", r"S\.A\.", r"S\.p\.A\.",
    "Pty",
)  # fmt: skip
#: One legal form, as written (case matters: "sa" is French for "his", "Limited" in a sentence is
#: "limited"), a whole word. RE2 and Python read it alike (the pattern screen runs it with RE2).
LEGAL_FORM_REGEX = rf"\b(?P<form>{'|'.join((*LEADING_FORMS, *TRAILING_FORMS))})(?:[^\w]|$)"
_LEGAL_FORM = re.compile(LEGAL_FORM_REGEX)
_LEADING = frozenset(LEADING_FORMS)
_NUMBER_AFTER = re.compile(r"[ \t]*\d")
#: Small words inside a company's name, between two capitalised words ("Leroy et Fils", "Harper &
#: Lane", "Bank of Scotland", "Van der Valk").
CONNECTORS = frozenset({"&", "et", "and", "en", "und", "de", "du", "des", "van", "der", "den", "of", "la", "le", "y"})
#: The connectors read backwards from a trailing form: "of" before it names a person as often as a
#: firm ("Jeremy Hartmann of Gradiant Research LLC"), so only "and" and its kin, and "and" only
#: outside a list ("Ranku, Biovia and Miller Ltd." names three firms).
BACKWARD_CONNECTORS = frozenset({"&", "et", "and", "en", "und", "y"})
AMPERSAND = "&"
MAX_NAME_WORDS = 4


class LegalFormRecognizer(TextRecognizer):
    """A company written with its legal form (``ORGANIZATION``), every language.

    Format: a legal form, written as registries write it ("SARL", "SAS", "EURL", "SCI", "SA";
    "SRL", "SPRL", "ASBL", "VZW", "BVBA"; "B.V.", "BV", "N.V.", "VOF"; "Ltd", "Limited", "LLP",
    "LLC", "plc", "Inc", "Corp", "GmbH", "AG"), with one to four capitalised words next to it on
    the same line, joined by spaces and small words: after a French form, with "et", "&",
    "van", "of" ("SARL Dubois Frères", "SAS Martin Logistique"); before the others, with "&",
    "and", "et", "en" ("Bakker Transport BV", "Dupont Rénovation SARL", "Harper & Lane Ltd").
    Before a form, "of" is not crossed ("Jeremy Hartmann of Gradiant Research LLC" holds a
    person), nor an "and" that ends a list of firms ("Ranku, Biovia and Miller Ltd.").

    Why: a firm is often named after its founder, so a surname sits inside the name ("Dubois",
    "Bakker"), and the models miss many small firms or keep only their first word. The whole
    name, legal form included, becomes one organisation.

    Not: a form with no capitalised word next to it ("in SA", "AG said"), one after a comma
    ("Las Vegas, NV") or before a number ("Reno NV 89501", "Adelaide SA 5000": a state and its
    postcode), a form in lower case ("sa maison"). A capitalised common word at a
    sentence's start is left out ("Contact Harper Ltd" is "Harper Ltd").

    Score: 0.85, as a name with a title.
    """

    SCORE = 0.85

    def __init__(self, supported_language: str = "en", lexicon_dir: Path | None = None) -> None:
        super().__init__(
            supported_entities=[ORGANIZATION],
            supported_language=supported_language,
            name=type(self).__name__,
        )
        self.lexicon: NameLexicon | None = load_lexicon(lexicon_dir, supported_language) if lexicon_dir else None

    def screen_regexes(self) -> list[str]:
        """The legal forms: a message without one holds no name this recognizer reports."""
        return [LEGAL_FORM_REGEX]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The companies named with their legal form in ``text``."""
        results: list[RecognizerResult] = []
        tokens: tuple[Token, ...] | None = None
        starts: tuple[int, ...] = ()
        taken_until = 0
        for match in _LEGAL_FORM.finditer(text):
            form_start, form_end = match.span("form")
            if form_start < taken_until or _NUMBER_AFTER.match(text, form_end):
                continue  # "Reno NV 89501", "Adelaide SA 5000": a state before its postcode
            if tokens is None:
                tokens, starts = tokenize(text), token_starts(text)
            first = bisect.bisect_left(starts, form_start)
            last = bisect.bisect_left(starts, form_end)  # the token after the form
            span: tuple[int, int] | None = None
            if match.group("form") in _LEADING:
                end = self._words_after(text, tokens, last)
                if end > last:
                    span = (form_start, tokens[end - 1].end)
            if span is None:
                start = self._words_before(text, tokens, first)
                if start < first:
                    span = (tokens[start].start, form_end)
            if span is not None:
                results.append(make_result(self, ORGANIZATION, *span, self.SCORE, "company name with its legal form"))
                taken_until = span[1]
        return results

    def _words_after(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """End (token index) of the capitalised words right after ``index`` ("SARL Dubois Frères")."""
        end = position = index
        words = 0
        while position < len(tokens) and words < MAX_NAME_WORDS and _joined(text, tokens, position - 1, position):
            token = tokens[position]
            if token.is_capitalised and token.is_word:
                words += 1
                end = position + 1
            elif token.key not in CONNECTORS:
                break
            position += 1
        return end

    def _words_before(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """Start (token index) of the capitalised words right before ``index`` ("Bakker Transport")."""
        start = position = index
        words = 0
        while position > 0 and words < MAX_NAME_WORDS and _joined(text, tokens, position - 1, position):
            token = tokens[position - 1]
            if token.is_capitalised and token.is_word:
                words += 1
                start = position - 1
            elif token.key not in BACKWARD_CONNECTORS:
                break
            position -= 1
        if start > 0 and tokens[start - 1].text == ",":
            # a list of firms: the name starts after its last "and" ("Ranku, Biovia and Miller Ltd.")
            for position in range(index - 1, start - 1, -1):
                if tokens[position].key in BACKWARD_CONNECTORS and tokens[position].key != AMPERSAND:
                    start = position + 1
                    break
        lexicon = self.lexicon
        while (
            start < index
            and lexicon is not None
            and sentence_initial(text, tokens[start].start)
            and _word_of_the_language(lexicon, tokens[start].key)
        ):
            start += 1  # "Contact Harper Ltd": the sentence's first word is a verb
        while start < index and not (tokens[start].is_capitalised and tokens[start].is_word):
            start += 1  # a connector does not open the name
        return start


def _joined(text: str, tokens: Sequence[Token], left: int, right: int) -> bool:
    """Tokens ``left`` and ``right`` are separated by spaces only, or touch ("Harper & Lane")."""
    if left < 0 or right >= len(tokens):
        return False
    gap = text[tokens[left].end : tokens[right].start]
    return gap == "" or (gap.isspace() and "\n" not in gap)


def _word_of_the_language(lexicon: NameLexicon, key: str) -> bool:
    """A common or dictionary word that is no known name: "Contact", "Please"; not "Harper"."""
    return lexicon.is_common_word(key) or (lexicon.is_word_form(key) and not lexicon.is_known_name(key))
