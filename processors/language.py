"""Which language a message is in: the producer's ``lang`` when given, else offline detection.

lingua is restricted to the configured languages, which is what makes short messages ("ok merci",
"Dank je!") workable; below a confidence floor the configured fallback is used. The result says
where the language came from, so outputs and the audit trail can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lingua import Language as LinguaLanguage
from lingua import LanguageDetectorBuilder

from processors.config import LanguagesConfig
from processors.result_cache import ResultCache
from recognizers.yaml_data import load_yaml

LanguageSource = Literal["given", "detected", "fallback"]

_LINGUA = {"fr": LinguaLanguage.FRENCH, "nl": LinguaLanguage.DUTCH, "en": LinguaLanguage.ENGLISH}
_CODES = {v: k for k, v in _LINGUA.items()}
LANGUAGE_HINTS_FILE = "language_hints.yaml"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SHORT_MESSAGE_WORDS = 4
DEFAULT_CACHE_SIZE = 10_000


def load_hints(path: Path | None, supported: list[str]) -> dict[str, frozenset[str]]:
    """Hint words per language from a YAML mapping ``{lang: [words]}``; none when no file."""
    if path is None or not path.exists():
        return {}
    data = load_yaml(path) or {}
    return {lang: frozenset(str(w).lower() for w in data.get(lang, [])) for lang in supported}


@dataclass(frozen=True)
class LanguageChoice:
    """The language used for a message and how it was decided."""

    code: str
    source: LanguageSource


class LanguageResolver:
    """Resolve a message's language among ``supported`` (ISO 639-1 codes)."""

    def __init__(
        self,
        supported: list[str],
        fallback: str,
        min_confidence: float,
        hints_path: Path | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.supported = list(supported)
        self.hints = load_hints(hints_path, self.supported)
        self.fallback = fallback
        self.min_confidence = min_confidence
        languages = [_LINGUA[code] for code in self.supported]
        self._detector = (
            LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
            if len(languages) > 1
            else None
        )
        # languages detected for recent texts: bots and agents repeat whole messages
        self._detected: ResultCache[LanguageChoice] = ResultCache(cache_size)

    @classmethod
    def for_languages(
        cls, languages: LanguagesConfig, lexicon_dir: Path, cache_size: int = DEFAULT_CACHE_SIZE
    ) -> LanguageResolver:
        """The resolver a config's ``languages`` section describes, hints from ``lexicon_dir``."""
        return cls(
            list(languages.supported),
            languages.fallback,
            languages.min_confidence,
            lexicon_dir / LANGUAGE_HINTS_FILE,
            cache_size,
        )

    def resolve(self, text: str, given: str | None) -> LanguageChoice:
        """The producer's language if supported, else the detected one, else the fallback."""
        if given in self.supported:
            return LanguageChoice(given, "given")
        if self._detector is None:
            return LanguageChoice(self.supported[0], "fallback")
        if not any(ch.isalpha() for ch in text):
            return LanguageChoice(self.fallback, "fallback")
        if not self._detected.enabled:
            return self._detect(text)
        key = self._detected.digest(text)
        choice = self._detected.get(key)
        if choice is None:
            choice = self._detect(text)
            self._detected.put(key, choice)
        return choice

    def _detect(self, text: str) -> LanguageChoice:
        """The language of ``text`` from the hint words or lingua, else the fallback."""
        assert self._detector is not None
        hinted = self._from_hints(text)
        if hinted is not None:
            return LanguageChoice(hinted, "detected")
        best = self._detector.compute_language_confidence_values(text)
        if best and best[0].value >= self.min_confidence:
            return LanguageChoice(_CODES[best[0].language], "detected")
        return LanguageChoice(self.fallback, "fallback")

    def _from_hints(self, text: str) -> str | None:
        """For a very short message, the one language whose chat words it uses most, if any."""
        if not self.hints:
            return None
        words = _WORD.findall(text.lower())
        if not words or len(words) > SHORT_MESSAGE_WORDS:
            return None
        counts = {lang: sum(w in hints for w in words) for lang, hints in self.hints.items()}
        best = max(counts.values())
        winners = [lang for lang, count in counts.items() if count == best]
        return winners[0] if best > 0 and len(winners) == 1 else None

    def resolve_many(self, texts: list[str], given: list[str | None]) -> list[LanguageChoice]:
        """Batch form (lingua's own batching uses threads we do not want in a worker)."""
        return [self.resolve(text, lang) for text, lang in zip(texts, given, strict=True)]
