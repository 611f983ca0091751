"""Context words of the French recognizers, run through Presidio's context enhancer.

The artifacts are built the way piiflow's NLP engine builds them: spaCy tokens, with the lower-cased
token text as the lemma. A blank French pipeline is enough (tokenizer and stop words).
"""

from __future__ import annotations

import pytest
import spacy
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.fr import build
from recognizers.fr.address import FrAddressRecognizer
from recognizers.fr.nir import FrNirRecognizer
from recognizers.fr.phone import FrPhoneRecognizer
from recognizers.fr.siren import FrSirenRecognizer
from recognizers.fr.siret import FrSiretRecognizer
from recognizers.settings import RecognizerSettings

NLP = spacy.blank("fr")
ENHANCER = LemmaContextAwareEnhancer()  # Presidio's defaults: +0.35, at least 0.4, 5 words before


class _Engine:
    """What ``NlpArtifacts`` asks of an NLP engine to pick keywords."""

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(NLP.vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return not any(ch.isalnum() for ch in word)


def artifacts(text: str) -> NlpArtifacts:
    doc = NLP(text)
    return NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.lower_ for t in doc],
        nlp_engine=_Engine(),
        language="fr",
    )


def scored(recognizer: EntityRecognizer, text: str) -> list[tuple[str, float]]:
    raw = recognizer.analyze(text, recognizer.supported_entities)
    enhanced = ENHANCER.enhance_using_context(text, raw, artifacts(text), [recognizer])
    return [(text[r.start : r.end], round(r.score, 2)) for r in enhanced]


@pytest.mark.parametrize(
    ("recognizer", "text", "value", "without", "with_context"),
    [
        (FrSirenRecognizer(), "le siren de ma société est 732829320", "732829320", 0.3, 0.65),
        (FrSirenRecognizer(), "numéro d'entreprise 732 829 320", "732 829 320", 0.4, 0.75),
        (FrSirenRecognizer(), "company number 732829320", "732829320", 0.3, 0.65),
        (FrSiretRecognizer(), "le siret est 73282932000074", "73282932000074", 0.5, 0.85),
        (FrNirRecognizer(), "mon numéro de sécu 1 85 05 78 006 084", "1 85 05 78 006 084", 0.2, 0.55),
        (FrNirRecognizer(), "carte vitale : 1850578006084", "1850578006084", 0.2, 0.55),
        (FrAddressRecognizer(), "j'habite à 75011 blorville", "75011 blorville", 0.25, 0.6),
        (FrAddressRecognizer(), "adresse de livraison 2 cours de la liberté", "2 cours de la liberté", 0.4, 0.75),
        (FrPhoneRecognizer(), "mon portable 07 01 23 45 67", "07 01 23 45 67", 0.7, 1.0),
    ],
)
def test_context_words_lift_ambiguous_matches(
    recognizer: EntityRecognizer, text: str, value: str, without: float, with_context: float
) -> None:
    assert scored(recognizer, text) == [(value, with_context)]
    bare = value if value[0].isdigit() else f"ok {value}"
    assert scored(recognizer, f"voilà : {bare}") == [(value, without)]


def test_no_context_word_leaves_the_score() -> None:
    assert scored(FrSirenRecognizer(), "commande 732829320 en retard") == [("732829320", 0.3)]


def test_context_words_are_single_lowercase_words() -> None:
    for recognizer in build("fr", RecognizerSettings()):
        assert recognizer.context, type(recognizer).__name__
        for word in recognizer.context:
            assert word == word.lower().strip()
            assert " " not in word
