"""People's names from first-name and surname lists, for languages that also have spaCy's NER."""

from __future__ import annotations

from pathlib import Path

from recognizers.names.dutch_names import DutchNameRecognizer


class NameLookupRecognizer(DutchNameRecognizer):
    """The Dutch recognizer's person grammar (titles, initials, first names, particles, surnames)
    for French and English, as a second opinion next to spaCy's NER.

    spaCy's small models miss names in lists ("Hannah, Derek and Anna"), names typed in lower case
    and names they take for organisations. This recognizer reports only people, from the same
    lists (Faker's first and last names of many locales, deduce's Dutch names, ``names.yaml``), and
    places only when typed in lower case after a preposition ("j'habite à lyon", "I live in leeds"):
    capitalised places stay with the NER, and unknown capitalised words are not reported
    (``capitalised_score`` 0): spaCy reads sentences better than a capitalisation rule.
    """

    WITH_PLACES = False  # capitalised places: the NER's; lower-case ones after a preposition: ours
    SURNAME_ALONE_SCORE = 0.4  # a lone surname is too often a word, brand or place: leave it to the NER

    def __init__(self, lexicon_dir: Path, supported_language: str) -> None:
        super().__init__(lexicon_dir, supported_language, capitalised_score=0.0)
