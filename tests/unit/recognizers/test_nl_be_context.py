"""Context words through Presidio's real AnalyzerEngine and LemmaContextAwareEnhancer.

The engine gets a blank spaCy pipeline per language whose lemma is the lower-cased token (the
production NLP engine is another folder's concern): enough to show that ambiguous formats stay
below the 0.5 threshold alone and cross it with one of their context words.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from recognizers import be, nl
from recognizers.entities import ADDRESS, BE_NATIONAL_NUMBER, NL_BSN, NL_KVK, NL_VAT, PHONE_NUMBER
from recognizers.settings import RecognizerSettings

THRESHOLD = 0.5


@Language.component("piiflow_nl_be_test_lower_lemma")
def _lower_lemma(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


class BlankSpacyEngine(SpacyNlpEngine):  # type: ignore[misc]
    """A SpacyNlpEngine over blank pipelines (tokenizer, stop words, lower-case lemmas)."""

    def __init__(self, languages: list[str]) -> None:
        super().__init__(models=[{"lang_code": lang, "model_name": f"blank_{lang}"} for lang in languages])
        self.nlp = {}
        for lang in languages:
            pipeline = spacy.blank(lang)
            pipeline.add_pipe("piiflow_nl_be_test_lower_lemma")
            self.nlp[lang] = pipeline

    def load(self) -> None:
        """Pipelines are built in ``__init__``."""


def make_engine(language: str) -> AnalyzerEngine:
    settings = RecognizerSettings()
    recognizers = nl.build(language, settings) + be.build(language, settings)
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[language])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=BlankSpacyEngine([language]),
        supported_languages=[language],
        default_score_threshold=THRESHOLD,
    )


ENGINES = {language: make_engine(language) for language in ("nl", "fr")}


def reported(language: str, text: str, entity: str) -> list[tuple[str, float]]:
    results: list[Any] = ENGINES[language].analyze(text, language=language, entities=[entity])
    return [(text[r.start : r.end], round(r.score, 2)) for r in results]


@pytest.mark.parametrize(
    ("language", "entity", "with_context", "without_context", "value"),
    [
        ("nl", NL_BSN, "mijn bsn is 123456782", "referentie 123456782", "123456782"),
        ("nl", NL_BSN, "burgerservicenummer: 1234.56.782", "code 1234.56.782", "1234.56.782"),
        ("nl", NL_BSN, "sofinummer 12345672", "artikel 12345672", "12345672"),
        ("nl", NL_KVK, "kvk 12345678", "order 12345678", "12345678"),
        ("nl", NL_KVK, "ingeschreven bij de kamer van koophandel onder 87654321", "pakket 87654321", "87654321"),
        ("nl", NL_KVK, "handelsregister 1234 5678", "ticket 1234 5678", "1234 5678"),
        ("nl", PHONE_NUMBER, "bel me op 0201234567", "bestelling 0201234567", "0201234567"),
        ("nl", PHONE_NUMBER, "mijn nummer is 0201234567", "ordernummer 0201234567", "0201234567"),
        ("nl", PHONE_NUMBER, "mijn telefoonnummer is 0800-1234", "zie 0800-1234", "0800-1234"),
        ("nl", ADDRESS, "mijn postcode: 1234 ab", "referentie 1234 ab", "1234 ab"),
        # lower case: a capitalised compound on a weak suffix needs no context ("Lindenhof 3")
        ("nl", ADDRESS, "mijn adres is lindenhof 3", "bij lindenhof 3", "lindenhof 3"),
        ("nl", ADDRESS, "lever het af op annaring 82 graag", "zie annaring 82 graag", "annaring 82"),
        ("nl", PHONE_NUMBER, "mijn gsm 025123456", "factuur 025123456", "025123456"),
        ("fr", PHONE_NUMBER, "mon téléphone 025123456", "facture 025123456", "025123456"),
        ("fr", PHONE_NUMBER, "vous pouvez me joindre au 0800 12 345", "ref 0800 12 345", "0800 12 345"),
        ("fr", ADDRESS, "mon adresse: 7970 Beloeil", "article 7970 Beloeil", "7970 Beloeil"),
        ("fr", ADDRESS, "mon adresse: place Flagey 7", "voir place Flagey 7", "place Flagey 7"),
    ],
)
def test_context_word_lifts_an_ambiguous_candidate_over_the_threshold(
    language: str, entity: str, with_context: str, without_context: str, value: str
) -> None:
    assert reported(language, without_context, entity) == []
    [(span, score)] = reported(language, with_context, entity)
    assert span == value
    assert score >= THRESHOLD


@pytest.mark.parametrize(
    ("language", "entity", "text", "value"),
    [
        ("nl", PHONE_NUMBER, "06-12345678", "06-12345678"),
        ("nl", NL_VAT, "NL123456782B01", "NL123456782B01"),
        ("nl", ADDRESS, "Kerkstraat 12, 1234 AB Amsterdam", "Kerkstraat 12, 1234 AB Amsterdam"),
        ("nl", BE_NATIONAL_NUMBER, "85.07.30-033.28", "85.07.30-033.28"),
        ("fr", BE_NATIONAL_NUMBER, "85073003328", "85073003328"),
        ("fr", PHONE_NUMBER, "0475 12 34 56", "0475 12 34 56"),
        ("fr", ADDRESS, "rue de la Loi 16, 1000 Bruxelles", "rue de la Loi 16, 1000 Bruxelles"),
    ],
)
def test_specific_formats_need_no_context(language: str, entity: str, text: str, value: str) -> None:
    assert [span for span, _ in reported(language, text, entity)] == [value]


def test_build_returns_one_instance_per_language() -> None:
    settings = RecognizerSettings()
    assert {type(r).__name__ for r in nl.build("nl", settings)} == {
        "NlBsnRecognizer",
        "NlPhoneRecognizer",
        "NlPostcodeRecognizer",
        "NlAddressRecognizer",
        "NlKvkRecognizer",
        "NlVatRecognizer",
        "NlCareInstitutionRecognizer",
        "DutchAcronymOrganizationRecognizer",
        "DutchPublicBodyRecognizer",
    }
    assert nl.build("fr", settings) == []
    # a Dutch or Belgian street in an English message ("I'm at Keizersgracht 123, 1015 CJ Amsterdam")
    assert [(type(r).__name__, r.supported_language) for r in nl.build("en", settings)] == [
        ("NlAddressRecognizer", "en")
    ]
    for language in ("fr", "nl"):
        built = be.build(language, settings)
        assert {type(r).__name__ for r in built} == {
            "BeNationalNumberRecognizer",
            "BeEnterpriseNumberRecognizer",
            "BePhoneRecognizer",
            "BeAddressRecognizer",
            "BePostcodeRecognizer",
        }
        assert {r.supported_language for r in built} == {language}
    assert [(type(r).__name__, r.supported_language) for r in be.build("en", settings)] == [
        ("BeAddressRecognizer", "en")
    ]
