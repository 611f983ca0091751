"""Which pattern recognizers can match a message at all, from one prefiltered RE2 pass over it.

Why: a language has about twenty regex recognizers (phones, IBAN, NIR, BSN, postcodes, dates...)
and a chat message usually holds none of their values. Asking each one costs a Python call, an
encoding of the message to UTF-8 and at least one RE2 search. Asking RE2 once which of their
regexes match anywhere in the text, and calling only the recognizers with a match, does the same
work in one call; the recognizers then judge their candidates as before, so what is reported does
not change.

The one call is RE2's ``FilteredRE2`` (``re2.Filter``), not an ``RE2::Set``. A set of fifty
unanchored patterns, most of which can start on any word (e-mail local parts, URLs, addresses),
builds one product automaton whose states keep multiplying: measured over fresh generated chat it
cost 170-320 us a message, about what it saved. The filter instead pulls out the literal strings
each regex needs ("@", "rue", "iban"...), finds them all with one small literal automaton, and runs
only the regexes whose literals are present, plus those with none (most digit patterns), each on
its own small automaton: 15 us a message on the same texts, and the same answers.

A recognizer takes part when it says which regexes its results come from (``screen_regexes``, see
``recognizers.base.Re2PatternRecognizer``); the others (names, NER, term lists) always run. The
scan fails closed: the filter holds a pattern that matches every text, and a result without it
runs every recognizer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import re2
from presidio_analyzer import EntityRecognizer

from recognizers.base import RE2_OPTIONS, Re2PatternRecognizer

_ALWAYS = r"\A"  # matches every text, the empty one included: its absence means the scan failed
#: Compiled regexes by source, from the first screen that held each (``PatternScreen._share_compiled``).
#: Bounded: the sources are the recognizers' patterns, fixed in the code.
_SHARED: dict[str, Any] = {}


@runtime_checkable
class Screenable(Protocol):
    """A recognizer whose results all come from matches of the regexes it names."""

    def screen_regexes(self) -> Sequence[str]:
        """RE2 regexes, one of which matches somewhere in any text the recognizer reports on."""


class PatternScreenError(ValueError):
    """A recognizer's regexes could not be combined into one RE2 filter."""


class PatternScreen:
    """The recognizers of one language worth calling on a text, in their original order."""

    def __init__(self, recognizers: Sequence[EntityRecognizer]) -> None:
        self.recognizers = list(recognizers)
        self._filter = re2.Filter()
        self._sentinel = self._filter.Add(_ALWAYS, RE2_OPTIONS)
        # A regex two recognizers name (the UK postcode's: the postcode's and the post town's
        # recognizers) enters the filter once and wakes both.
        self._owners: dict[int, list[int]] = {}
        added: dict[str, int] = {}
        unscreened: list[int] = []
        for index, recognizer in enumerate(self.recognizers):
            if not isinstance(recognizer, Screenable):
                unscreened.append(index)
                continue
            for regex in recognizer.screen_regexes():
                filter_index = added.get(regex)
                if filter_index is None:
                    try:
                        filter_index = added[regex] = self._filter.Add(regex, RE2_OPTIONS)
                    except re2.error as exc:
                        raise PatternScreenError(f"recognizer {self.recognizers[index].name}: {exc}") from exc
                self._owners.setdefault(filter_index, []).append(index)
        try:
            self._filter.Compile()
        except re2.error as exc:
            raise PatternScreenError(f"the recognizers' patterns do not fit one RE2 filter: {exc}") from exc
        self._share_compiled()
        self._unscreened = frozenset(unscreened)
        self.screened_count = len(self.recognizers) - len(unscreened)

    def _share_compiled(self) -> None:
        """Hand each pattern recognizer compiled regexes of its patterns, the same source compiled
        with the same options (``recognizers.base.Re2PatternRecognizer.adopt_compiled``), so that
        no pattern is compiled twice; a recognizer compiles now whatever the filters lack. The
        regex of a source is the first screen's (``_SHARED``): the languages' recognizers of
        e-mail addresses, URLs or IBANs then match with one regex and one set of automata, which
        warm up on every language's messages, as when each recognizer compiled its own through
        ``re2.compile``'s cache. With each screen's own regexes instead, the first 5,000 messages
        of the pipeline benchmark cost 15-25 us more a message (the e-mail recognizer's cold
        automata three times over)."""
        compiled: dict[int, dict[str, Any]] = {}
        for filter_index, indices in self._owners.items():
            regex = self._filter.re(filter_index)
            for index in indices:
                compiled.setdefault(index, {})[regex.pattern] = _SHARED.setdefault(regex.pattern, regex)
        for index, recognizer in enumerate(self.recognizers):
            if isinstance(recognizer, Re2PatternRecognizer):
                recognizer.adopt_compiled(compiled.get(index, {}))

    def plan(self, texts: Sequence[str]) -> list[tuple[EntityRecognizer, list[int]]]:
        """Each recognizer, in order, with the indices (increasing) of the ``texts`` worth calling it
        on: every text for unscreened ones; for screened ones, the texts where one of its regexes
        matches, and every text whose scan failed. The texts are scanned one after the other, which
        keeps the regexes' automata in the processor's caches."""
        every = list(range(len(texts)))
        wanted: list[list[int]] = [[] for _ in self.recognizers]
        owners = self._owners
        for position, text in enumerate(texts):
            matches = self._filter.Match(text)
            if not matches or self._sentinel not in matches:
                for indices in wanted:
                    indices.append(position)
                continue
            for index in {index for m in matches if m != self._sentinel for index in owners[m]}:
                wanted[index].append(position)
        return [
            (recognizer, every if index in self._unscreened else wanted[index])
            for index, recognizer in enumerate(self.recognizers)
        ]
