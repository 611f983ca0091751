"""Which language a message is in: the producer's ``lang`` when given, else offline detection.

Without a given language, in order:

1. a very short message (four words or fewer) goes to the one language whose chat hint words it
   uses most ("ok merci", "Dank je!");
2. a longer one goes to a language with two or more of its hint words and exclusive stop words
   (below), and more than twice as many as any other language has ("Bonjuor madame, ecrviez moi
   a …": "madame", "moi"; "i've been chrged twwice, on behalf of mrs thorpe": "i've", "been");
3. a message with three or more stop words found in only one of the configured languages' spaCy
   stop lists, and at least three times as many plus one as any other language has, goes to that
   language ("je voudrais savoir où en est ma commande");
4. otherwise lingua decides, restricted to the configured languages; below a confidence floor the
   configured fallback is used.

Why steps 2 and 3: lingua costs 70-100 us a chat message here, and where the vote is that clear it is also
the more accurate of the two. Measured on messages with a known language (14k generated chat
messages with a ``lang``, the four sets of ``../shared/eval/``): the vote decided 54 % of them and
was wrong on 2, where lingua was wrong on 49 of the same messages. Step 2 took language errors
on 60,000 generated messages and the four shared sets from 1,836 to 1,434, and on three fresh
generated sets from 395 to 280 (2026-12-07). The result says where the language came from, so
outputs and the audit trail can report it; ``processors.conversation_language`` gives a message
that is not sure of its language its conversation's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from processors.config import LanguagesConfig
from processors.contract import primary_language
from processors.regex_cache import cached_compiles
from processors.result_cache import ResultCache
from recognizers.names.lexicons import function_words
from recognizers.yaml_data import load_mapping

LanguageSource = Literal["given", "detected", "fallback", "conversation"]
WordStep = Literal["hint words", "word evidence", "stop-word vote"]

_LINGUA = {"fr": LinguaLanguage.FRENCH, "nl": LinguaLanguage.DUTCH, "en": LinguaLanguage.ENGLISH}
_CODES = {v: k for k, v in _LINGUA.items()}
LANGUAGE_HINTS_FILE = "language_hints.yaml"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SHORT_MESSAGE_WORDS = 4
EVIDENCE_MIN_WORDS = 2  # hint words and exclusive stop words a longer message's language needs ...
EVIDENCE_MARGIN = 2  # ... and more than this many times any other language's count
VOTE_MIN_WORDS = 3  # exclusive stop words the winning language needs ...
VOTE_MARGIN = 3  # ... and at least this many times the runner-up's count, plus one
SURE_CONFIDENCE = 0.9  # lingua's confidence at which a message's language overrules its conversation's
ELISION_MAX = 2  # "j'", "l'", "qu'": a stop word of its own, split from the word it is glued to
DEFAULT_CACHE_SIZE = 10_000


def load_hints(path: Path | None, supported: list[str]) -> dict[str, frozenset[str]]:
    """Hint words per language from a YAML mapping ``{lang: [words]}``; none when no file."""
    if path is None or not path.exists():
        return {}
    data = load_mapping(path)
    return {lang: frozenset(str(w).lower() for w in data.get(lang, [])) for lang in supported}


def exclusive_stop_words(supported: list[str]) -> dict[str, frozenset[str]]:
    """Per language, spaCy's stop words that are stop words of none of the other languages
    ("the", "het", "nous" count; "de", "je", "in" do not)."""
    # the French stop words live in spacy.lang.fr, whose import compiles the tokenizer's large
    # regex: cached like a model load (processors.regex_cache)
    with cached_compiles():
        lists = {code: function_words(code) for code in supported}
    return {
        code: words.difference(*(other for other_code, other in lists.items() if other_code != code))
        for code, words in lists.items()
    }


def _vote_words(text: str) -> list[str]:
    """Lower-case words of ``text``, French elisions split off ("j'ai" -> "j'", "ai")."""
    words: list[str] = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        head, apostrophe, rest = word.partition("'")
        if apostrophe and len(head) <= ELISION_MAX:
            words += (head + apostrophe, rest)
        else:
            words.append(word)
    return words


@dataclass(frozen=True)
class LanguageChoice:
    """The language used for a message and how it was decided. ``sure``: the message itself says
    so clearly (given; two or more of the language's words; lingua at ``SURE_CONFIDENCE`` or
    above), so that it may overrule the language its conversation had until then
    (``processors.conversation_language``)."""

    code: str
    source: LanguageSource
    sure: bool = True


class LanguageResolver:
    """Resolve a message's language among ``supported`` (ISO 639-1 codes)."""

    def __init__(
        self,
        supported: list[str],
        fallback: str,
        min_confidence: float,
        hints_path: Path | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
        preload: bool = True,
    ) -> None:
        """``preload``: build lingua's detector (0.6 s, its language models) now rather than for
        the first message that needs it; a worker does, so that no message waits for it."""
        self.supported = list(supported)
        self.hints = load_hints(hints_path, self.supported)
        self.fallback = fallback
        self.min_confidence = min_confidence
        self._multilingual = len(self.supported) > 1
        self._lingua: LanguageDetector | None = None
        if preload:
            self.lingua()
        self._stop_words = exclusive_stop_words(self.supported) if self._multilingual else {}
        # languages detected for recent texts: bots and agents repeat whole messages
        self._detected: ResultCache[LanguageChoice] = ResultCache(cache_size)

    def lingua(self) -> LanguageDetector | None:
        """lingua's detector over the supported languages, built on first use; None for one language."""
        if self._lingua is None and self._multilingual:
            languages = [_LINGUA[code] for code in self.supported]
            self._lingua = LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
        return self._lingua

    @classmethod
    def for_languages(
        cls,
        languages: LanguagesConfig,
        lexicon_dir: Path,
        cache_size: int = DEFAULT_CACHE_SIZE,
        preload: bool = True,
    ) -> LanguageResolver:
        """The resolver a config's ``languages`` section describes, hints from ``lexicon_dir``."""
        return cls(
            list(languages.supported),
            languages.fallback,
            languages.min_confidence,
            lexicon_dir / LANGUAGE_HINTS_FILE,
            cache_size,
            preload,
        )

    def resolve(self, text: str, given: str | None) -> LanguageChoice:
        """The producer's language if supported (a tag such as "nl-BE" or "FR" names its language:
        ``primary_language``), else the detected one, else the fallback."""
        if given is not None and given not in self.supported:
            given = primary_language(given)
        if given in self.supported:
            return LanguageChoice(given, "given")
        if not self._multilingual:
            return LanguageChoice(self.supported[0], "fallback", sure=False)
        if not any(ch.isalpha() for ch in text):
            return LanguageChoice(self.fallback, "fallback", sure=False)
        if not self._detected.enabled:
            return self._detect(text)
        key = self._detected.digest(text)
        choice = self._detected.get(key)
        if choice is None:
            choice = self._detect(text)
            self._detected.put(key, choice)
        return choice

    def _detect(self, text: str) -> LanguageChoice:
        """The language of ``text`` from the word steps or lingua, else the fallback."""
        hinted = self._hint_winner(text)
        if hinted is not None:
            code, count = hinted
            return LanguageChoice(code, "detected", sure=count > 1)  # one chat word alone is not sure
        worded = self._from_sentence_words(text)
        if worded is not None:
            return LanguageChoice(worded[0], "detected")
        detector = self.lingua()
        assert detector is not None  # several languages (``resolve``)
        best = detector.compute_language_confidence_values(text)
        if best and best[0].value >= self.min_confidence:
            return LanguageChoice(_CODES[best[0].language], "detected", best[0].value >= SURE_CONFIDENCE)
        return LanguageChoice(self.fallback, "fallback", sure=False)

    def from_words(self, text: str) -> tuple[str, WordStep] | None:
        """The language the word steps (1 to 3 above) settle on for ``text``, and which step did, if any."""
        hinted = self._hint_winner(text)
        if hinted is not None:
            return hinted[0], "hint words"
        return self._from_sentence_words(text)

    def _from_sentence_words(self, text: str) -> tuple[str, WordStep] | None:
        """Steps 2 and 3 (``from_words``), for a message the hint step leaves."""
        steps: tuple[tuple[WordStep, Callable[[str], str | None]], ...] = (
            ("word evidence", self._from_word_evidence),
            ("stop-word vote", self._from_stop_words),
        )
        for step, decide in steps:
            code = decide(text)
            if code is not None:
                return code, step
        return None

    def _hint_winner(self, text: str) -> tuple[str, int] | None:
        """For a very short message, the one language whose chat words it uses most, if any, and how
        many of them it uses (one alone does not make the message sure of its language)."""
        if not self.hints:
            return None
        words = _WORD.findall(text.lower())
        if not words or len(words) > SHORT_MESSAGE_WORDS:
            return None
        counts = {lang: sum(w in hints for w in words) for lang, hints in self.hints.items()}
        best = max(counts.values())
        winners = [lang for lang, count in counts.items() if count == best]
        return (winners[0], best) if best > 0 and len(winners) == 1 else None

    def _from_word_evidence(self, text: str) -> str | None:
        """For a longer message, the language with a clear lead in hint words and exclusive stop
        words together, if any: lingua misreads short chat with typos and names ("i've been chrged
        twwice, on behalf of mrs thorpe" read as Dutch), where a few sure words settle it."""
        if not self.hints:
            return None
        words = _WORD.findall(text.lower().replace("’", "'"))
        if len(words) <= SHORT_MESSAGE_WORDS:
            return None
        split = _vote_words(text)

        def evidence(code: str, stop: frozenset[str]) -> int:
            hints = self.hints[code]
            return sum(w in hints for w in words) + sum(w in stop and w not in hints for w in split)

        counts = sorted(((evidence(code, stop), code) for code, stop in self._stop_words.items()), reverse=True)
        (top, code), runner_up = counts[0], counts[1][0] if len(counts) > 1 else 0
        return code if top >= EVIDENCE_MIN_WORDS and top > EVIDENCE_MARGIN * runner_up else None

    def _from_stop_words(self, text: str) -> str | None:
        """The language with a clear majority of the exclusive stop words of ``text``, if any."""
        if not self._stop_words:
            return None
        words = _vote_words(text)
        counts = sorted(
            ((sum(w in stop for w in words), code) for code, stop in self._stop_words.items()), reverse=True
        )
        (top, code), runner_up = counts[0], counts[1][0] if len(counts) > 1 else 0
        return code if top >= VOTE_MIN_WORDS and top >= VOTE_MARGIN * runner_up + 1 else None

    def resolve_many(self, texts: list[str], given: list[str | None]) -> list[LanguageChoice]:
        """Batch form (lingua's own batching uses threads we do not want in a worker)."""
        return [self.resolve(text, lang) for text, lang in zip(texts, given, strict=True)]
