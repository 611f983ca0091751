"""People's names from first-name and surname lists, for languages that also have spaCy's NER."""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.names.dutch_names import DutchNameRecognizer
from recognizers.names.lexicons import Token

#: spaCy labels of places (fr LOC; en GPE, LOC, FAC): a listed place inside any other entity of the
#: model is part of a name ("Boston Consulting Group", "Église de Suède", "Jordan Smith").
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
#: spaCy labels of entities no place name is part of: a place inside one was glued to it by the
#: model ("Stavanger last year" read as a date).
PLACELESS_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: spaCy labels of people and organisations: a listed place read exactly as one of them may be one
#: ("Jordan", "Boston Scientific").
NAME_LABELS = frozenset({"PER", "PERSON", "ORG"})
#: What joins an institution to the place it is in: "tribunal de Gaziantep", "prison d'Opole".
PLACE_LINKS = (" de ", " d'", " d’", " du ", " of ", " van ", " in ")


class NameLookupRecognizer(DutchNameRecognizer):
    """The Dutch recognizer's person grammar (titles, initials, first names, particles, surnames)
    for French and English, as a second opinion next to spaCy's NER.

    spaCy's small models miss names in lists ("Hannah, Derek and Anna"), names typed in lower case
    and names they take for organisations. This recognizer reports people from the same lists
    (Faker's first and last names of many locales, deduce's Dutch names, ``names.yaml``), and
    places: listed places in lower case after a preposition ("j'habite à lyon", "I live in leeds"),
    and capitalised listed places the model missed ("Carry Me Back To Canada", "Slovenia leader
    gives..."), unless the model put them inside another entity ("Boston Consulting Group") other
    than as the place it is in ("la cour d'assises de Sinop", "l'Église de Suède"), or they are
    short acronyms ("RHA"). Unknown capitalised words are not reported (``capitalised_score`` 0):
    spaCy reads sentences better than a capitalisation rule.
    """

    WITH_PLACES = True
    WITH_PLACE_NOUNS = False  # Dutch words; in French and English the model reads the sentence
    WITH_ORGANISATION_NOUNS = False  # likewise
    SURNAME_ALONE_SCORE = 0.4  # a lone surname is too often a word, brand or place: leave it to the NER

    def __init__(self, lexicon_dir: Path, supported_language: str) -> None:
        super().__init__(lexicon_dir, supported_language, capitalised_score=0.0)

    def _place_stands(self, text: str, token: Token, end: int, nlp_artifacts: NlpArtifacts | None) -> bool:
        """A capitalised listed place (``token`` to ``end``) counts unless it is a short acronym or
        inside a model entity that is no place, where only the place the entity is in counts ("RHA
        de Trent"). An entity of a kind no place is part of (a date, a number: "Stavanger last
        year"), or one that is exactly the place under a wrong label other than a person or an
        organisation ("stuck in Winchester" read as a product, "in Chorley" as a nationality), does
        not stand in its way."""
        if token.is_upper and len(token.text) <= self.MAX_ACRONYM:
            return False
        for entity in getattr(nlp_artifacts, "entities", None) or ():
            if entity.start_char <= token.start < entity.end_char and entity.label_ not in PLACE_LABELS:
                if entity.label_ in PLACELESS_LABELS:
                    continue
                if (entity.start_char, entity.end_char) == (token.start, end) and entity.label_ not in NAME_LABELS:
                    continue
                # the place an institution is in: "la cour d'assises de Sinop", "l'Église de Suède"
                link = text[max(0, token.start - 5) : token.start].lower()
                return token.start > entity.start_char and link.endswith(PLACE_LINKS)
        return True
