"""Let spaCy's tokenizer cache common words although every batch runs in a memory zone.

Why: spaCy's tokenizer keeps, per whitespace-delimited chunk of text, the tokens it cut the chunk
into, and looks the chunk up before cutting it again (prefix, suffix and infix regexes, special
cases, a lexeme per piece). Inside a memory zone it never writes that cache (``_save_cached``
returns at once), and piiflow runs every batch inside one, so that the strings of a stream do not
pile up. Every chunk of every message was therefore cut afresh: 150-350 us a chat message in the
tokenizer alone, against 15-30 us with the chunks cached (docs/benchmarks.md).

``TokenizerCacheLearner.learn`` runs after a batch's zone has closed. It tokenizes, outside any
zone, the batch's chunks that are common words, so that spaCy caches them for good: a chunk
qualifies when, once stripped of edge punctuation, it is one of the model's own strings or a word
of piiflow's static word lists (stop words, function and common words, greetings, titles). Nothing
of a message that is not already in the model or in those lists is kept: a name or number that no
list holds is never tokenized outside a zone. The cache cannot change a result: it holds what the
tokenizer made of that very chunk, which is what spaCy does outside memory zones anyway.

Bounded: at most ``capacity`` chunks are tokenized for the cache per pipeline (spaCy's
``max_cache_size`` is raised to match; a chunk met again after the set below was emptied counts
again), and the chunks already considered are remembered by their hash only, in a set emptied when
it reaches ``SEEN_LIMIT``. A renewed pipeline (``PiiflowNlpEngine.renew``) starts a new learner.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language

DEFAULT_CAPACITY = 20_000
SEEN_LIMIT = 16_384
MAX_CHUNK = 40  # longer chunks are URLs, addresses or run-together text, not words
EDGE_PUNCT = "\"'«»“”‘’()[]{}<>,.;:!?…-–—*"


class TokenizerCacheLearner:
    """Fills one pipeline's tokenizer cache with the common-word chunks its batches meet."""

    def __init__(self, nlp: Language, words: Iterable[str] = (), capacity: int = DEFAULT_CAPACITY) -> None:
        self.nlp = nlp
        self.capacity = capacity
        self.learned = 0
        self.words: frozenset[str] = frozenset(w.lower() for w in getattr(nlp.Defaults, "stop_words", ()))
        self.add_words(words)
        self._seen: set[int] = set()
        tokenizer = nlp.tokenizer
        if hasattr(tokenizer, "max_cache_size"):
            tokenizer.max_cache_size = max(int(tokenizer.max_cache_size), capacity)

    def add_words(self, words: Iterable[str]) -> None:
        """More words whose chunks may be cached (lower case; phrases are ignored)."""
        self.words = self.words | frozenset(w.lower() for w in words if w and not any(c.isspace() for c in w))

    @property
    def full(self) -> bool:
        return self.learned >= self.capacity

    def qualifies(self, chunk: str) -> bool:
        """Whether ``chunk`` is a common word, possibly with punctuation at its edges. Call outside a
        memory zone: inside one, the batch's own strings are in the string store too."""
        if len(chunk) > MAX_CHUNK:
            return False
        core = chunk.strip(EDGE_PUNCT)
        return bool(core) and (core in self.nlp.vocab.strings or core.lower() in self.words)

    def learn(self, texts: Sequence[str]) -> int:
        """Tokenize the qualifying chunks of ``texts`` not seen before, so that spaCy caches them.
        Call after the batch's memory zone has closed. Returns how many chunks were learned."""
        if self.full:
            return 0
        seen = self._seen
        tokenizer = self.nlp.tokenizer
        learned = 0
        for text in texts:
            for chunk in text.split():
                key = hash(chunk)
                if key in seen:
                    continue
                if len(seen) >= SEEN_LIMIT:
                    seen.clear()
                seen.add(key)
                if self.qualifies(chunk):
                    tokenizer(chunk)
                    learned += 1
                    self.learned += 1
                    if self.full:
                        return learned
        return learned
