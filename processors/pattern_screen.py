"""Which pattern recognizers can match a message at all, from one RE2 scan of it.

Why: a language has about twenty regex recognizers (phones, IBAN, NIR, BSN, postcodes, dates...)
and a chat message usually holds none of their values. Asking each one costs a Python call, an
encoding of the message to UTF-8 and at least one RE2 search: about 0.3 ms a message in all, more
than a sixth of detection. Their regexes, gathered in one ``RE2::Set``, answer "which of them match
anywhere in this text" in a single pass (about 6 us for a chat message), and only the recognizers
with a match are called; they then judge their candidates as before, so what is reported does not
change.

A recognizer takes part when it says which regexes its results come from (``screen_regexes``, see
``recognizers.base.Re2PatternRecognizer``); the others (names, NER, term lists) always run. The
scan fails closed: the set holds a pattern that matches every text, and a scan that does not report
it (RE2 out of memory) runs every recognizer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import re2
from presidio_analyzer import EntityRecognizer

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 256 << 20  # one automaton for all the patterns of a language
_ALWAYS = r"\A"  # matches every text, the empty one included: its absence means the scan failed


@runtime_checkable
class Screenable(Protocol):
    """A recognizer whose results all come from matches of the regexes it names."""

    def screen_regexes(self) -> Sequence[str]:
        """RE2 regexes, one of which matches somewhere in any text the recognizer reports on."""


class PatternScreenError(ValueError):
    """A recognizer's regexes could not be combined into one RE2 set."""


class PatternScreen:
    """The recognizers of one language worth calling on a text, in their original order."""

    def __init__(self, recognizers: Sequence[EntityRecognizer]) -> None:
        self.recognizers = list(recognizers)
        self._set = re2.Set.SearchSet(_OPTIONS)
        self._sentinel = self._set.Add(_ALWAYS)
        self._owner: dict[int, int] = {}
        unscreened: list[int] = []
        for index, recognizer in enumerate(self.recognizers):
            if not isinstance(recognizer, Screenable):
                unscreened.append(index)
                continue
            for regex in recognizer.screen_regexes():
                try:
                    self._owner[self._set.Add(regex)] = index
                except re2.error as exc:
                    raise PatternScreenError(f"recognizer {self.recognizers[index].name}: {exc}") from exc
        try:
            self._set.Compile()
        except re2.error as exc:
            raise PatternScreenError(f"the recognizers' patterns do not fit one RE2 set: {exc}") from exc
        self._unscreened = frozenset(unscreened)
        self.screened_count = len(self.recognizers) - len(unscreened)

    def recognizers_for(self, text: str) -> list[EntityRecognizer]:
        """Every recognizer that may find something in ``text``: unscreened ones, and screened ones
        with a regex that matches somewhere in it. All of them if the scan failed."""
        matches = self._set.Match(text)
        if not matches or self._sentinel not in matches:
            return self.recognizers
        wanted = self._unscreened.union(self._owner[m] for m in matches if m != self._sentinel)
        return [recognizer for index, recognizer in enumerate(self.recognizers) if index in wanted]
