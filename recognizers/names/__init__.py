"""Recognizers of names: people, places and organisations, in chat.

* ``SpacyNerRecognizer`` (fr, en): spaCy's NER entities, cleaned up for chat.
* ``ChatNamePatternRecognizer`` (fr, nl, en): names announced by chat phrasing ("je m'appelle",
  "mijn naam is", "Hi John", "Cordialement, Marie"), lower-case names included.
* ``NameLookupRecognizer`` (fr, en): people from first-name and surname lists, next to the NER.
* ``DutchNameRecognizer`` (nl): Dutch names and places from lookup lists, as Dutch has no NER model.
* ``InitialAliasRecognizer`` (fr): people named by one initial, as rulings anonymise them ("de W.").
* ``SpelledNameRecognizer`` (fr, nl, en): a name spelled out letter by letter ("spelled S M I T H").
* ``SignatureInitialsRecognizer`` (fr, nl, en): the initials a writer signs with ("(KS)" under an
  article, "^JM" after a customer-care reply).
* ``SurnameShapeRecognizer`` (fr, nl, en): a surname in no list, told by its ending ("Shevchenko",
  "Živković", "Gudmundsdóttir").

The word lists are data (``config/lexicons/names.yaml``, ``allow_list.yaml``, deduce's and Faker's
lists), loaded once per process by ``recognizers.names.lexicons``.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.names.chat_patterns import ChatNamePatternRecognizer
from recognizers.names.dutch_names import DutchNameRecognizer
from recognizers.names.initial_alias import InitialAliasRecognizer
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.names.signature_initials import SignatureInitialsRecognizer
from recognizers.names.spacy_ner import SpacyNerRecognizer
from recognizers.names.spelled_name import SpelledNameRecognizer
from recognizers.names.surname_shape import SurnameShapeRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "ChatNamePatternRecognizer",
    "DutchNameRecognizer",
    "InitialAliasRecognizer",
    "NameLookupRecognizer",
    "SignatureInitialsRecognizer",
    "SpacyNerRecognizer",
    "SpelledNameRecognizer",
    "SurnameShapeRecognizer",
    "build",
]

NER_LANGUAGES = frozenset({"fr", "en"})
CHAT_LANGUAGES = frozenset({"fr", "nl", "en"})
LOOKUP_LANGUAGES = frozenset({"nl"})
INITIAL_ALIAS_LANGUAGES = frozenset({"fr"})


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The names recognizers that apply to ``language``."""
    recognizers: list[EntityRecognizer] = []
    if language in NER_LANGUAGES:
        recognizers.append(SpacyNerRecognizer(language, settings.lexicon_dir))
        recognizers.append(NameLookupRecognizer(settings.lexicon_dir, language))
    if language in CHAT_LANGUAGES:
        recognizers.append(ChatNamePatternRecognizer(language, settings.lexicon_dir))
        recognizers.append(SignatureInitialsRecognizer(language))
        recognizers.append(SpelledNameRecognizer(language))
        recognizers.append(SurnameShapeRecognizer(language, settings.lexicon_dir))
    if language in LOOKUP_LANGUAGES:
        recognizers.append(DutchNameRecognizer(settings.lexicon_dir, language))
    if language in INITIAL_ALIAS_LANGUAGES:
        recognizers.append(InitialAliasRecognizer(language))
    return recognizers
