"""People referred to by one initial, as court rulings and case files anonymise them ("le
témoignage de W.", "K était soumis à un contre-interrogatoire")."""

from __future__ import annotations

import re

from recognizers.base import Re2Pattern
from recognizers.entities import PERSON
from recognizers.scored_re2 import ScoredRe2Recognizer

# Latin letters, not \p{L}: the pattern meets every French message (``recognizers.base``).
_NOT_LETTER = r"[^A-Za-z\x{C0}-\x{17F}]"
_OPEN, _CLOSE = r"(?:[\"«\[][ ]?)?", r"(?:[ ]?[\"»\]])?"
_INITIAL = r"[A-Z]\.?"
#: The words after which a person stands: "de W.", "à K", "par \" K \"", "entre le Dr Price et K".
_BEFORE_FR = r"(?:de|à|par|que|qu['’]|entre|pour|avec|contre|dont|et)"
#: A verb right after an initial opening a sentence or clause: "W. a témoigné", "K était soumis".
_VERB_FR = (
    r"(?:a|avait|aurait|était|est|fut|sera|serait|ont|prétendait|prétend|déclara|déclare|affirma|affirme"
    r"|indiqua|indique|témoigna|témoigne|soutint|soutient|expliqua|explique)"
)
#: Nouns for a person, after which an initial in brackets or commas names them: "la plaignante (M.)".
_PERSON_NOUN_FR = (
    r"(?:plaignante?|requérante?|témoin|victime|accusée?|prévenue?|mineure?|patiente?|enfant|fille|fils"
    r"|épouse|époux|mère|père|frère|sœur|soeur|voisine?|employée?|agente?)s?"
)
#: Words that take a letter as a label, not a person: "de type B", "la catégorie de permis B".
_LABEL_WORDS = frozenset(
    {
        "type", "catégorie", "categorie", "classe", "groupe", "niveau", "annexe", "série", "modèle", "version",
        "zone", "bâtiment", "batiment", "escalier", "porte", "point", "plan", "vitamine", "section", "partie",
        "lettre", "option", "permis", "hall", "terminal", "quai", "voie", "colonne", "case", "étage",
    }
)  # fmt: skip


#: A label word followed by a letter, earlier in the sentence ("catégories A (…) et B").
_LABEL_LIST = re.compile(r"(?i)\b(?:" + "|".join(sorted(_LABEL_WORDS)) + r")s? [A-Z]\b")


#: Two lone capitals joined as points or options: "entre A et B", "par A puis par B", "A ou B".
_LETTER_PAIR = re.compile(r"(?<![\w.])[A-Z](?![\w.])[ ,]+(?:et|ou|puis|à|vers)(?: par| à| de)? [A-Z](?![\w.])")


class InitialAliasRecognizer(ScoredRe2Recognizer):
    """A person named by one capital letter, with or without a dot, brackets or quotes (French).

    Format: court rulings and case files replace the parties' and witnesses' names with an
    initial ("le témoignage de W.", "l'absence de K", "[L.] a été présente le premier jour", "par
    \" K \""). The letter counts after a preposition or conjunction that takes a person (de, à,
    par, que, entre, pour, avec, contre, dont, et), or opening a sentence or clause before a verb
    of speech or state ("W. a témoigné", "Le 16 octobre, W. a témoigné"), or in brackets or commas
    after a noun for a person ("le témoin, W., a dit"; "(M.)" stays "Monsieur" for the allow-list).
    It does not after a word
    that takes a letter as a label ("de type B", "le plan B", "bâtiment de C", "catégories A et
    B"), before "à" or a number ("de A à Z"), nor in a pair of letters ("entre A et B", "par A
    puis par B").

    Score 0.6: an initial is a pseudonym already, but the case still names a person by it, and
    the rest of the ruling may undo it.
    """

    validated_score = 0.0
    reject_number_chains = False
    PATTERNS = (
        Re2Pattern(
            "initial after a preposition",
            rf"(?:^|{_NOT_LETTER}){_BEFORE_FR}[ ]+{_OPEN}(?P<pii>{_INITIAL}){_CLOSE}(?:[ ,;:)]|$)",
            0.6,
        ),
        Re2Pattern(
            "initial after a person noun",
            rf"(?:^|{_NOT_LETTER}){_PERSON_NOUN_FR}[ ]*[(,][ ]*(?P<pii>{_INITIAL})[ ]*[),]",
            0.6,
        ),
        Re2Pattern(
            "initial opening a sentence",
            rf"(?:^|[.!?,;:][ ]+){_OPEN}(?P<pii>{_INITIAL}){_CLOSE}[ ]+{_VERB_FR}(?:[ ,]|$)",
            0.6,
        ),
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(supported_entity=PERSON, patterns=self.PATTERNS, supported_language=supported_language)

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Refuse letters that label a thing ("de type B") or open a range ("de A à Z")."""
        after = text[end:].lstrip(' "»]').split(None, 1)
        if after and (after[0].rstrip(",.;:") in ("à", "-", "–") or after[0][:1].isdigit()):
            return None
        head = [word.casefold().removesuffix("s") for word in text[:start].rstrip(' "«[').rsplit(None, 2)]
        if len(head) >= 2 and head[-2] in _LABEL_WORDS:
            return None  # "de type B": the word before the preposition takes a letter
        if head and head[-1] in _LABEL_WORDS:
            return None
        if "et" in head[-1:] and _LABEL_LIST.search(text[max(0, start - 60) : start]):
            return None  # "de catégories A (…) et B": the second label of a list
        if _LETTER_PAIR.search(text[max(0, start - 20) : end + 20]):
            return None  # "entre A et B", "par A puis par B": points or options, not people
        return start, end, score
