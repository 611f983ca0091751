"""Word lists the name recognizers share: chat cues, common words, name and place gazetteers.

Not a recognizer. Everything is data, loaded once per process and per language (``functools.cache``)
into frozen sets, so that matching is a set lookup per token:

* ``config/lexicons/names.yaml`` (curated, per language): greetings, titles, introduction cues,
  sign-offs, name particles, chat vocabulary that is never a name, places deduce does not know.
* ``config/lexicons/allow_list.yaml``: words never reported as a name; a name never contains one.
* deduce's lookup lists (Dutch first names, surnames, interfix surnames, place names, common and
  stop words), read as a data package through ``importlib.resources``; deduce's engine never runs.
* Faker's person providers (first and last names of several locales) for international names.
* spaCy's stop-word lists and Faker's lorem vocabulary (the most frequent words of a language), and
  the word forms of an installed spaCy model's lemmatizer tables (a dictionary of the language);
  for Dutch, which has no model, the word forms of spacy-lookups-data's lemma tables
  (``lemma_table_words``), used only to tell a capitalised word of the language from a name.
* world places (``world_places``): the cities of the IANA time-zone names, Faker's world lists and
  pycountry's countries and subdivisions (ISO 3166, with their names in the message's language),
  for capitalised words in no other list.

``name_repeats`` finds the other occurrences of a name already found in a message (any case).

``tokenize`` is the one tokenizer the recognizers use: words (letters, inner hyphens and
apostrophes), numbers, and single punctuation characters, with character offsets.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gzip
import hashlib
import importlib
import importlib.resources
import importlib.util
import itertools
import json
import logging
import re
import sys
import threading
import unicodedata
from array import array
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from presidio_analyzer import RecognizerResult
from spacy.strings import hash_string  # type: ignore[attr-defined]
from srsly import msgpack

from recognizers.disk_cache import entry_path, read_entry, write_entry
from recognizers.entities import PERSON
from recognizers.settings import ALLOW_LIST_FILE, NAMES_FILE
from recognizers.yaml_data import load_mapping

LOG = logging.getLogger(__name__)
_Answer = TypeVar("_Answer")
_Key = TypeVar("_Key", bound=Hashable)


DEDUCE_PACKAGE = "deduce"
DEDUCE_LOOKUP = "deduce.data.lookup.src"

# Latin-script Faker locales whose first and last names piiflow's customers plausibly carry.
FAKER_NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "fr_FR", "fr_BE", "fr_CH", "fr_CA", "fr_DZ", "nl_NL", "nl_BE",
    "de_DE", "es_ES", "it_IT", "pt_PT", "pt_BR", "pl_PL", "tr_TR", "ro_RO", "cs_CZ", "hu_HU",
    "da_DK", "sv_SE", "no_NO", "fi_FI", "en_IN", "en_NG", "sw", "id_ID", "vi_VN", "hr_HR",
)  # fmt: skip

# Faker address lists that name real places, per language: (module locale, attribute).
FAKER_PLACE_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": (("nl_NL", "countries"), ("nl_BE", "cities"), ("nl_BE", "countries")),
    "fr": (("fr_FR", "countries"), ("fr_FR", "regions"), ("fr_FR", "departments")),
    "en": (("en_US", "states"), ("en_GB", "counties"), ("en", "countries")),
}
# Faker lists of street-name endings ("Falls", "Meadow", "Crescent"), per language.
FAKER_STREET_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("en_US", "street_suffixes"), ("en_GB", "street_suffixes")),
}
LOREM_LOCALE = {"fr": "fr_FR", "nl": "nl_NL", "en": "en_US"}
SPACY_STOP_WORDS = {
    "fr": "spacy.lang.fr.stop_words",
    "nl": "spacy.lang.nl.stop_words",
    "en": "spacy.lang.en.stop_words",
}

# Python's re, not RE2: the pattern cannot backtrack badly (each repetition starts with a separator
# that a letter run cannot match), and re's per-match overhead is far lower for many short tokens.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|[0-9]+|\S")


class Token(NamedTuple):
    """A word, number or punctuation character of a text, with its offsets.

    ``key`` is the lookup key (case-folded, curly apostrophes straightened); ``is_word``: letters,
    possibly with inner hyphens or apostrophes; ``is_capitalised``: starts with an upper-case letter
    ("Marie", "MARIE"); ``is_upper``: all upper case, more than one letter ("DUPONT", "SNCF").
    Computed once, when the token is made (``Token.of``). A named tuple rather than a frozen
    dataclass: every message makes a dozen or more, and a tuple is several times cheaper to build.
    """

    text: str
    start: int
    end: int
    key: str
    is_word: bool
    is_capitalised: bool
    is_upper: bool

    def title_case_word(self, min_letters: int) -> bool:
        """A word of ``min_letters`` or more typed with a capital, not all in capitals ("Grote",
        not "GROTE" nor "de"): how Dutch and chat set a surname that is a word apart."""
        return self.is_word and self.is_capitalised and not self.is_upper and len(self.key) >= min_letters

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Token:
        """The token ``text`` found at ``start:end``."""
        if text.isascii() and text.isdigit():
            return cls(text, start, end, text, False, False, False)
        return cls(text, start, end, *_word_facts(text))


@functools.lru_cache(maxsize=1 << 14)
def _word_facts(text: str) -> tuple[str, bool, bool, bool]:
    """Key and shape of a word; chat repeats its words, so each is worked out once (bounded cache;
    numbers, cheap and endless in variety, are not cached)."""
    first = text[0]
    return fold(text), first.isalpha(), first.isupper(), len(text) > 1 and text.isupper()


def fold(text: str) -> str:
    """Case-folded NFC text with straight apostrophes: the key of every lookup."""
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'")


def strip_accents(text: str) -> str:
    """``text`` without combining accents ("Drieënhuizen" -> "Drieenhuizen")."""
    if text.isascii():
        return text  # nothing to decompose (most words: the lookups of every message pass here)
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


class _KeptTokens(threading.local):
    """The tokens of the texts this thread tokenized while one of its ``keeping_tokens`` scopes is
    open (per thread, so that one thread's scopes never keep another's tokens alive)."""

    def __init__(self) -> None:
        self.tokens: dict[str, tuple[Token, ...]] = {}
        self.scopes = 0  # open scopes


_KEPT = _KeptTokens()


@contextlib.contextmanager
def keeping_tokens() -> Iterator[None]:
    """Keep the tokens of every text tokenized while the scope is open; forget them when it closes.

    Why: the detector runs one recognizer at a time over all the texts of a language in a batch, so
    the four or five recognizers that tokenize a text do so a whole batch apart, beyond the reach of
    ``tokenize``'s small cache. Scopes may nest: the tokens are forgotten when the outermost one
    closes, so no text outlives the batch being analysed.
    """
    kept = _KEPT
    kept.scopes += 1
    try:
        yield
    finally:
        kept.scopes -= 1
        if not kept.scopes:
            kept.tokens.clear()


def tokenize(text: str) -> tuple[Token, ...]:
    """Words, numbers and punctuation characters of ``text`` with their offsets.

    Cached for the last few texts (the recognizers of one message, asked one after the other,
    tokenize the same text in turn), and for every text while ``keeping_tokens`` is open.
    """
    kept = _KEPT.tokens
    tokens = kept.get(text)
    if tokens is None:
        tokens = _tokenize_recent(text)
        if _KEPT.scopes:
            kept[text] = tokens
    return tokens


@functools.lru_cache(maxsize=32)
def _tokenize_recent(text: str) -> tuple[Token, ...]:
    """``tokenize``'s work, cached for the last few texts."""
    tokens = []
    make = Token._make
    find = text.find
    end = 0
    # findall, then each token's offset with str.find from the previous token's end: the same offsets
    # as finditer's (only whitespace can lie between two tokens, since any other character is a
    # token itself), without a match object and two method calls per token
    for word in _TOKEN_RE.findall(text):
        start = find(word, end)
        end = start + len(word)
        if word.isascii() and word.isdigit():
            tokens.append(make((word, start, end, word, False, False, False)))
        else:
            tokens.append(make((word, start, end, *_word_facts(word))))
    return tuple(tokens)  # what ``Token.of`` makes, without a call per token (the hottest loop here)


@functools.lru_cache(maxsize=32)
def token_starts(text: str) -> tuple[int, ...]:
    """The start offsets of ``tokenize(text)``, for bisecting (cached like the tokens)."""
    return tuple(t.start for t in tokenize(text))


def sentence_initial(text: str, start: int) -> bool:
    """True when nothing but spaces, quotes, dashes or bullets stand between ``start`` and the
    beginning of the text, a line, or a sentence ('.', '!', '?', ':')."""
    index = start - 1
    while index >= 0 and (text[index].isspace() or text[index] in "\"'«»“”‘’-–—*•(["):
        if text[index] == "\n":
            return True
        index -= 1
    return index < 0 or text[index] in ".!?:;…"


# --------------------------------------------------------------------------------------------
# Loading


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        LOG.warning("lexicon file missing", extra={"path": str(path)})
        return {}
    return load_mapping(path)


def _folded(items: Iterable[object]) -> frozenset[str]:
    words = set()
    for item in items:
        if isinstance(item, bool):  # YAML 1.1 reads an unquoted yes/no/on/off as a boolean
            LOG.warning("lexicon entry is a boolean: quote yes/no/on/off in the YAML", extra={"entry": item})
            continue
        if str(item).strip():
            words.add(" ".join(fold(str(item)).split()))
    return frozenset(words)


def deduce_lines(*parts: str, required: bool = True) -> list[str]:
    """Lines of one deduce lookup file, e.g. ``deduce_lines("names", "lst_surname", "items.txt")``."""
    try:
        resource = importlib.resources.files(DEDUCE_LOOKUP).joinpath(*parts)
        text = resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        if required:
            LOG.warning("deduce lookup list unavailable", extra={"list": "/".join(parts)})
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def _deduce_list(*folder: str) -> frozenset[str]:
    """A deduce list's items minus its exceptions (the entries that are also everyday words)."""
    items = _folded(deduce_lines(*folder, "items.txt"))
    exceptions = _folded(deduce_lines(*folder, "exceptions.txt", required=False))
    return items - exceptions


def _faker_attribute(module: str, attribute: str) -> list[str]:
    try:
        provider = importlib.import_module(module).Provider
    except (ImportError, AttributeError):
        return []
    values: object = getattr(provider, attribute, ())
    if isinstance(values, Mapping):
        return [str(v) for v in values]
    if isinstance(values, (list, tuple)):
        # some lists hold (code, name) pairs: French departments
        return [str(v[-1]) if isinstance(v, tuple) else str(v) for v in values]
    return []


@functools.cache
def faker_names() -> tuple[frozenset[str], frozenset[str]]:
    """First and last names of ``FAKER_NAME_LOCALES`` (case-folded), loaded once (from the
    start-up cache when an earlier process read them: ``_cached_word_sets``)."""
    first, last = _cached_word_sets("faker-names", ("faker",), _read_faker_names)
    return first, last


def _read_faker_names() -> tuple[frozenset[str], ...]:
    first: set[str] = set()
    last: set[str] = set()
    for locale in FAKER_NAME_LOCALES:
        module = f"faker.providers.person.{locale}"
        for attribute in ("first_names", "first_names_female", "first_names_male"):
            first.update(_faker_attribute(module, attribute))
        last.update(_faker_attribute(module, "last_names"))
    return _folded(first), _folded(n for n in last if " " not in n)


WORD_SETS_CACHE = "word-sets"
_WORD_SETS_FORMAT = 1


def cached_word_sets(
    kind: str, packages: tuple[str, ...], read: Callable[[], tuple[frozenset[str], ...]], reader: Path
) -> tuple[frozenset[str], ...]:
    """``_cached_word_sets`` for a reader outside this module: ``reader``, the file of the code
    that makes the sets, is part of the entry's identity, so that changing it makes a new entry."""
    return _cached_word_sets(kind, packages, read, (reader,))


def _cached_word_sets(
    kind: str,
    packages: tuple[str, ...],
    read: Callable[[], tuple[frozenset[str], ...]],
    readers: tuple[Path, ...] = (),
) -> tuple[frozenset[str], ...]:
    """``read()``'s word sets, from the start-up cache (``recognizers/disk_cache.py``) when they were
    read before. Why: Faker's and deduce's lists are read and folded in every process (the worker,
    each command, each test process): importing Faker alone takes 35 ms, its 30 person providers
    and their names 75 ms more, deduce's name lists 32 ms; reading them back takes a few ms.

    An entry is used only for the same files of ``packages`` (where each is installed, the size and
    modification time of its ``__init__``: another version is another entry), the same code here
    (a digest of this module, which folds the words, and of the ``readers``' files) and the same
    Python and Unicode versions. When one of ``packages`` is not installed nothing is cached:
    ``read()`` says what is missing each time.
    Nor when a package's or this module's file cannot be read as a file (installed in a zip archive,
    say): the sets are then read as if there were no cache.
    """
    installed = []
    try:
        for package in packages:
            spec = importlib.util.find_spec(package)
            if spec is None or spec.origin is None:
                return read()
            origin = Path(spec.origin)
            info = origin.stat()
            installed.append(f"{origin.resolve()}:{info.st_size}:{info.st_mtime_ns}")
        code = module_digest()
        for reader in readers:
            code += ":" + hashlib.sha256(reader.read_bytes()).hexdigest()
    except OSError:
        return read()
    identity: dict[str, object] = {
        "format": _WORD_SETS_FORMAT,
        "kind": kind,
        "packages": "\n".join(installed),
        "code": code,
        "python": sys.version.split()[0],
        "unicode": unicodedata.unidata_version,
    }
    path = entry_path(WORD_SETS_CACHE, identity, ".json")
    if path is not None:
        entry = read_entry(path, identity)
        if entry is not None:
            with contextlib.suppress(ValueError):
                stored = json.loads(entry[1])
                if isinstance(stored, list) and all(
                    isinstance(words, list) and all(isinstance(w, str) for w in words) for words in stored
                ):
                    return tuple(frozenset(words) for words in stored)
    sets = read()
    if path is not None:
        write_entry(path, identity, json.dumps([sorted(words) for words in sets]).encode("ascii"))
    return sets


def _cached_word_set(kind: str, packages: tuple[str, ...], read: Callable[[], frozenset[str]]) -> frozenset[str]:
    """``_cached_word_sets`` for one set."""
    (words,) = _cached_word_sets(kind, packages, lambda: (read(),))
    return words


@functools.cache
def module_digest() -> str:
    """SHA-256 of this module's source: a change to how words are folded is a new cache entry."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@functools.cache
def faker_places(language: str) -> frozenset[str]:
    """Real place names from Faker's address providers for ``language`` (case-folded; cached like
    ``faker_names``)."""
    return _cached_word_set(f"faker-places-{language}", ("faker",), lambda: _read_faker_places(language))


def _read_faker_places(language: str) -> frozenset[str]:
    places: list[str] = []
    for locale, attribute in FAKER_PLACE_LISTS.get(language, ()):
        values = _faker_attribute(f"faker.providers.address.{locale}", attribute)
        places.extend(values)
    return _folded(places)


class Dictionary:
    """A sorted array of 64-bit word hashes (spaCy's ``hash_string``): 8 bytes a word form, where a
    set of Python ints would take about ten times more."""

    def __init__(self, hashes: Iterable[int] = ()) -> None:
        self._hashes = array("Q", sorted(set(hashes)))

    @classmethod
    def from_bytes(cls, data: bytes) -> Dictionary:
        """The dictionary ``to_bytes`` gave (sorted, unique hashes in this machine's byte order)."""
        dictionary = cls()
        dictionary._hashes.frombytes(data)
        return dictionary

    def to_bytes(self) -> bytes:
        """The hashes as bytes, for the start-up cache."""
        return self._hashes.tobytes()

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        value = hash_string(key)
        index = bisect.bisect_left(self._hashes, value)
        return index < len(self._hashes) and self._hashes[index] == value


def _lookup_table_hashes(path: Path) -> Iterator[int]:
    """Hashes of every word form of a spaCy ``lookups.bin`` (lemma tables), read as a stream so that
    the tables are never held in memory whole."""
    with path.open("rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False, strict_map_key=False)
        for _ in range(unpacker.read_map_header()):
            name = unpacker.unpack()
            if name == "lemma_lookup":  # {hash(form): [lemma]}: the lemmas too ("partir" is no form here)
                for _ in range(unpacker.read_map_header()):
                    yield int(unpacker.unpack())
                    yield from (hash_string(str(lemma)) for lemma in unpacker.unpack())
            elif name == "lemma_exc":  # {pos: {form: [lemma]}}
                for _ in range(unpacker.read_map_header()):
                    unpacker.skip()
                    for _ in range(unpacker.read_map_header()):
                        yield hash_string(str(unpacker.unpack()))
                        yield from (hash_string(str(lemma)) for lemma in unpacker.unpack())
            elif name == "lemma_index":  # {pos: [lemma]}
                for _ in range(unpacker.read_map_header()):
                    unpacker.skip()
                    for _ in range(unpacker.read_array_header()):
                        yield hash_string(str(unpacker.unpack()))
            else:
                unpacker.skip()


@functools.cache
def dictionary_hashes(models: tuple[str, ...]) -> Dictionary:
    """The word forms in the lemmatizer tables of the first installed model of ``models``: a
    dictionary of the language's words, inflected forms included.

    Only the model's data files are read (``lemmatizer/lookups/lookups.bin``); nothing runs.
    Proper nouns that are also words ("Pierre", "Paris" in WordNet) are in it too, which is why a
    dictionary word only lowers a name's score when it is in no name list.
    """
    for model in models:
        spec = importlib.util.find_spec(model)
        if spec is None or spec.origin is None:
            continue
        package = Path(spec.origin).parent
        for tables in sorted(package.glob("*/lemmatizer/lookups/lookups.bin")):
            return _cached_dictionary(tables)
    return Dictionary()


DICTIONARY_CACHE = "dictionary"
_DICTIONARY_FORMAT = 2  # 2: the lemmas of the lookup and exception tables too


def _cached_dictionary(tables: Path) -> Dictionary:
    """The dictionary of ``tables``, from the start-up cache (``recognizers/disk_cache.py``) when it
    was read before: streaming the French tables' 500,000 entries takes about 0.4 s each start."""
    return _cached_hashes("model", (tables,), lambda: Dictionary(_lookup_table_hashes(tables)))


def _cached_hashes(kind: str, sources: tuple[Path, ...], read: Callable[[], Dictionary]) -> Dictionary:
    """``read()``'s dictionary, from the start-up cache when it was read before. An entry is used
    only for the same kind of words, files (paths, sizes, modification times), byte order and
    format."""
    files = []
    for source in sources:
        info = source.stat()
        files.append(f"{source.resolve()}:{info.st_size}:{info.st_mtime_ns}")
    identity: dict[str, object] = {
        "format": _DICTIONARY_FORMAT,
        "kind": kind,
        "source": "\n".join(files),
        "byteorder": sys.byteorder,
        "itemsize": array("Q").itemsize,
    }
    path = entry_path(DICTIONARY_CACHE, identity, ".hashes")
    if path is not None:
        entry = read_entry(path, identity)
        if entry is not None and len(entry[1]) % array("Q").itemsize == 0:
            return Dictionary.from_bytes(entry[1])
    dictionary = read()
    if path is not None:
        write_entry(path, identity, dictionary.to_bytes())
    return dictionary


#: The lemma tables of spacy-lookups-data whose words make a language's word forms.
LEMMA_TABLES = ("lemma_lookup", "lemma_index", "lemma_exc")
LEMMA_TABLES_PACKAGE = "spacy_lookups_data"


@functools.cache
def lemma_table_words(language: str, part_of_speech: str = "") -> Dictionary:
    """Every word of ``language``'s lemma tables in spacy-lookups-data: inflected forms (the lookup
    table's keys and exceptions) and lemmas by part of speech (the index). For Dutch about 400,000
    word forms, where no spaCy model brings a dictionary. With ``part_of_speech`` ("verb"), only the
    index's lemmas of that part of speech (Dutch verbs: their infinitives).

    The index comes from Wiktionary and lists many proper nouns too ("jan", "sabena"), so these words
    only tell an unknown capitalised word from a name (``NameLexicon.is_word_form``); they never lower
    a listed name as ``dictionary_hashes`` does. Empty, with a warning, when the package or the
    language's tables are missing.
    """
    spec = importlib.util.find_spec(LEMMA_TABLES_PACKAGE)
    data = Path(spec.origin).parent / "data" if spec is not None and spec.origin is not None else None
    tables = tuple(data / f"{language}_{table}.json.gz" for table in LEMMA_TABLES) if data is not None else ()
    tables = tuple(table for table in tables if table.is_file())
    if part_of_speech:
        tables = tuple(table for table in tables if table.name.endswith("_lemma_index.json.gz"))
    if not tables:
        LOG.warning(
            "no lemma tables for %r (install spacy-lookups-data): unknown capitalised words that are"
            " words of the language may be reported as names",
            language,
        )
        return Dictionary()
    kind = f"lemma-tables-{part_of_speech or 'all'}"
    return _cached_hashes(kind, tables, lambda: Dictionary(_lemma_table_hashes(tables, part_of_speech)))


def _lemma_table_hashes(tables: tuple[Path, ...], part_of_speech: str = "") -> Iterator[int]:
    """Hashes of the folded words of spacy-lookups-data tables: {form: lemma} (lookup), {pos: [lemma]}
    (index) and {pos: {form: [lemma]}} (exceptions); only ``part_of_speech``'s when one is given."""
    for table in tables:
        with gzip.open(table, "rt", encoding="utf-8") as stream:
            content = json.load(stream)
        for key, value in content.items():
            if part_of_speech and key != part_of_speech:
                continue
            if isinstance(value, list | dict):  # the lemmas of a part of speech; its forms
                yield from (hash_string(fold(str(word))) for word in value)
            else:
                yield hash_string(fold(str(key)))
                yield hash_string(fold(str(value)))


@functools.cache
def inflected_first_names(language: str) -> frozenset[str]:
    """Faker's and deduce's first names that ``language``'s lemma lookup table in spacy-lookups-data
    maps to another word only: inflected forms, mostly of verbs ("said": say, "rose": rise, "drew":
    draw, "aimée": aimer). Cached like ``faker_names``; empty without the tables."""
    return _cached_word_set(
        f"inflected-first-names-{language}",
        (LEMMA_TABLES_PACKAGE, "faker", DEDUCE_PACKAGE),
        lambda: _read_inflected_first_names(language),
    )


def _read_inflected_first_names(language: str) -> frozenset[str]:
    spec = importlib.util.find_spec(LEMMA_TABLES_PACKAGE)
    if spec is None or spec.origin is None:
        return frozenset()
    table = Path(spec.origin).parent / "data" / f"{language}_lemma_lookup.json.gz"
    if not table.is_file():
        return frozenset()
    names = faker_names()[0] | dutch_names()[0]
    with gzip.open(table, "rt", encoding="utf-8") as stream:
        lookup = json.load(stream)
    inflected = set()
    for form, lemma in lookup.items():
        key = fold(str(form))
        lemmas = lemma if isinstance(lemma, list) else [lemma]
        if key in names and all(fold(str(word)) != key for word in lemmas):
            inflected.add(key)
    return frozenset(inflected)


@functools.cache
def faker_street_words(language: str) -> frozenset[str]:
    """Street-name endings from Faker's address providers ("Falls", "Meadow"; cached like
    ``faker_names``)."""
    return _cached_word_set(f"faker-street-words-{language}", ("faker",), lambda: _read_faker_street_words(language))


def _read_faker_street_words(language: str) -> frozenset[str]:
    words: list[str] = []
    for locale, attribute in FAKER_STREET_LISTS.get(language, ()):
        words.extend(_faker_attribute(f"faker.providers.address.{locale}", attribute))
    return _folded(words)


@functools.cache
def dutch_names() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """deduce's first names, surnames, interfix surnames ("Vries" after "de") and interfixes
    (from the start-up cache when an earlier process read them: ``_cached_word_sets``)."""
    first, surnames, interfix_surnames, interfixes = _cached_word_sets(
        "deduce-names", (DEDUCE_PACKAGE,), _read_dutch_names
    )
    return first, surnames, interfix_surnames, interfixes


def _read_dutch_names() -> tuple[frozenset[str], ...]:
    first = _deduce_list("names", "lst_first_name")
    surnames = _deduce_list("names", "lst_surname")
    interfix_surnames = _deduce_list("names", "lst_interfix_surname")
    interfixes = _folded(deduce_lines("names", "lst_interfix", "items.txt"))
    return first, surnames, interfix_surnames, interfixes


@functools.cache
def dutch_name_exceptions(
    folders: tuple[str, ...] = ("lst_first_name", "lst_surname", "lst_interfix_surname"),
) -> frozenset[str]:
    """deduce's exceptions to its name lists (of ``folders``): Dutch words that look like names."""
    exceptions: set[str] = set()
    for folder in folders:
        exceptions |= _folded(deduce_lines("names", folder, "exceptions.txt", required=False))
    return frozenset(exceptions)


@functools.cache
def dutch_places() -> frozenset[str]:
    """deduce's Dutch residences, municipalities, provinces and regions (case-folded)."""
    places: set[str] = set()
    for kind in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= _deduce_list("locations", "lst_placename", kind)
    return frozenset(places)


# Faker address lists of world places (English or local spellings), for proper nouns in no other list.
FAKER_WORLD_PLACE_LISTS = (
    ("en_US", "states"), ("en_CA", "provinces"), ("en_AU", "states"), ("en_IN", "states"), ("en_IN", "cities"),
    ("de_DE", "states"), ("de_DE", "cities"), ("de_AT", "cities"), ("de_CH", "cities"), ("pl_PL", "cities"),
    ("ro_RO", "cities"), ("hr_HR", "cities"), ("es_ES", "states"),
)  # fmt: skip
ZONEINFO_AREAS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")
MIN_WORLD_PLACE_LENGTH = 4


#: pycountry's gettext domains: country names (ISO 3166-1) and subdivision names (ISO 3166-2)
ISO_PLACE_DOMAINS = ("iso3166-1", "iso3166-2")
#: characters of ISO names that are no place name as written ("Bonaire, Sint Eustatius and Saba",
#: "Korea (the Republic of)", "Mayotte / Mahoré")
ISO_NAME_BREAKERS = frozenset(",()/;[]")


@functools.cache
def world_places(language: str | None = None) -> frozenset[str]:
    """World cities, states and regions (case-folded): the cities of the IANA time-zone names
    ("Kigali", "Los Angeles"; empty where the system has no time-zone data), Faker's world
    coordinates list and several locales' states and cities, and pycountry's countries and
    subdivisions ("Hampshire", "Andalucía"), also as ``language`` writes them ("Jeruzalem",
    "Andalusië" in Dutch; the translations of one language only: "Maurice" is Mauritius in
    French, a man in English). For capitalised words that are in no name list: "Sydney" in a
    sentence is a place, not a person."""
    if not language:
        names: set[str] = set()
        with contextlib.suppress(Exception):  # no tzdata: no cities from it
            import zoneinfo

            for zone in zoneinfo.available_timezones():
                if zone.startswith(ZONEINFO_AREAS):
                    names.add(zone.rsplit("/", 1)[-1].replace("_", " "))
        # Faker's and pycountry's parts cached like ``faker_names``; the system's time zones are read every time
        names |= _cached_word_set("faker-world-places", ("faker",), _read_faker_world_places)
        names |= _cached_word_set("iso-places", ("pycountry",), _read_iso_places)
        return _world_place_names(names)
    # the language's translations on top of the shared set, which is read and folded once
    translated = _cached_word_set(f"iso-places-{language}", ("pycountry",), lambda: _read_iso_places(language))
    return world_places() | _world_place_names(translated)


@functools.lru_cache(maxsize=1 << 14)
def place_key(text: str) -> str:
    """Lookup key of a place name: folded, accents and hyphens gone. Cached (bounded): every
    capitalised word of every message is looked up, one to four words wide."""
    return " ".join(strip_accents(fold(text)).replace("-", " ").split())


@functools.cache
def world_place_keys(lexicon_dir: str, language: str) -> frozenset[str]:
    """Keys of the world places as ``language`` writes them, without the names made of the
    language's common words only: ISO subdivisions named by a compass point or a plain word
    ("Central", "Noord-West", "Komen") would make those words places."""
    lexicon = load_lexicon(Path(lexicon_dir), language)
    return frozenset(
        place_key(p)
        for p in world_places(language)
        if not all(lexicon.is_common_word(w) for w in p.replace("-", " ").split())
    )


#: Names people write on an address's last line that ISO 3166 does not give in this form.
COUNTRY_ALIASES = (
    "UK", "U.K.", "USA", "U.S.A.", "England", "Scotland", "Wales", "Northern Ireland", "Great Britain",
    "Holland", "Nederland", "België", "Belgique", "Belgie", "Deutschland", "España", "Italia", "Suisse",
    "Schweiz", "Österreich",
)  # fmt: skip


@functools.cache
def country_keys(language: str) -> frozenset[str]:
    """Place keys of the countries' names (ISO 3166-1: name, common and official name, in English
    and as ``language`` writes them) and of ``COUNTRY_ALIASES``. The ISO names come from the
    start-up cache, as the world places do: reading pycountry costs every process about 40 ms."""
    names = _cached_word_set(f"iso-countries-{language}", ("pycountry",), lambda: _read_iso_countries(language))
    return frozenset(place_key(name) for name in (*COUNTRY_ALIASES, *names) if "," not in name)


def _read_iso_countries(language: str) -> frozenset[str]:
    """pycountry's country names (name, common and official name) in English and translated into
    ``language`` (its gettext catalogue; an untranslated name is the English one)."""
    try:
        import gettext

        import pycountry
    except ImportError:
        LOG.warning("pycountry is not installed: no country names for the address-block rules")
        return frozenset()
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True).gettext
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.update((name, translate(name)))
    return frozenset(names)


def _world_place_names(names: Iterable[str]) -> frozenset[str]:
    """Folded place names, without those too short, in capitals or with digits, and ISO names as
    no one writes them ("Korea (the Republic of)")."""
    return _folded(
        n
        for n in names
        if len(n) >= MIN_WORLD_PLACE_LENGTH
        and not n.isupper()
        and not any(c.isdigit() for c in n)
        and not any(c in ISO_NAME_BREAKERS for c in n)
    )


def _read_iso_places(language: str | None = None) -> frozenset[str]:
    """pycountry's country names (official short name and common name) and subdivision names, or,
    with ``language``, their translations into it (from pycountry's gettext catalogues; a name the
    catalogue does not translate is left out: the untranslated set has it)."""
    names: set[str] = set()
    try:
        import gettext

        import pycountry
    except ImportError:
        LOG.warning("pycountry is not installed: no country or subdivision names for the name recognizers")
        return frozenset()
    countries = [(c.name, getattr(c, "common_name", None)) for c in pycountry.countries]
    subdivisions = [(s.name, None) for s in pycountry.subdivisions]
    for domain, entries in zip(ISO_PLACE_DOMAINS, (countries, subdivisions), strict=True):
        translate = (
            gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True).gettext
            if language
            else None
        )
        for name, common in entries:
            for item in (name, common):
                if not item:
                    continue
                if translate is None:
                    names.add(item)
                elif (translated := translate(item)) != item:
                    names.add(translated)
    return frozenset(names)


def _read_faker_world_places() -> frozenset[str]:
    """Faker's world coordinates list and several locales' states and cities, as written there."""
    names: set[str] = set()
    with contextlib.suppress(ImportError, AttributeError):
        names.update(str(row[2]) for row in importlib.import_module("faker.providers.geo").Provider.land_coords)
    for locale, attribute in FAKER_WORLD_PLACE_LISTS:
        names.update(_faker_attribute(f"faker.providers.address.{locale}", attribute))
    return frozenset(names)


@functools.cache
def function_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language``: pronouns, articles, auxiliaries ("me", "het", "the")."""
    module = SPACY_STOP_WORDS.get(language)
    if not module:
        return frozenset()
    with contextlib.suppress(ImportError):
        return _folded(importlib.import_module(module).STOP_WORDS)
    return frozenset()


@functools.cache
def _frequent_words(language: str) -> frozenset[str]:
    """spaCy's stop words, Faker's lorem words and, in Dutch, deduce's common-word lists (cached
    like ``faker_names``)."""
    packages = ("spacy", "faker", DEDUCE_PACKAGE) if language == "nl" else ("spacy", "faker")
    return _cached_word_set(f"frequent-words-{language}", packages, lambda: _read_frequent_words(language))


def _read_frequent_words(language: str) -> frozenset[str]:
    words: set[str] = set(function_words(language))
    locale = LOREM_LOCALE.get(language)
    if locale:
        for phrase in _faker_attribute(f"faker.providers.lorem.{locale}", "word_list"):
            words.update(phrase.split())
    if language == "nl":
        words.update(deduce_lines("whitelist", "lst_common_word", "items.txt"))
        words.update(deduce_lines("whitelist", "lst_stop_word", "items.txt"))
        words.update(deduce_lines("whitelist", "lst_medical_term", "items.txt"))
        words.update(deduce_lines("whitelist", "lst_eponymous_disease", "lst_eponymous_single", "items.txt"))
        # diseases named after two or three people, hyphenated ("Creutzfeldt-Jakob", "Guillain-Barré")
        words.update(deduce_lines("whitelist", "lst_eponymous_disease", "items.txt"))
    return _folded(words)


# --------------------------------------------------------------------------------------------
# The per-language lexicon


MIN_TYPO_LENGTH = 5
# Words a per-word memo holds before it is emptied. A worker has some 25 of these memos; with the
# word strings they keep alive an entry takes 80-140 bytes, so on a stream that keeps bringing new
# words (names, e-mail addresses) 50,000 per memo came to over 100 MB of a worker's memory. At 2^14
# the few thousand words chat keeps repeating still fit, and a refill costs milliseconds.
TYPO_MEMO_SIZE = 16_384
DEMONYM_ENDINGS = ("e", "en", "s", "se", "n", "ers")
MIN_CUE_TYPO_LENGTH = 6  # cue words ("mevrouw", "partner", "conjoint") are matched with one typo from 6 letters
#: Cue words of 5 letters ("merci", "under", "there") are matched typed with two neighbouring letters
#: swapped ("mreci", "unedr", "tehre") or a letter doubled ("merrci"): other typos of so short a
#: word reach too many other words.
SHORT_CUE_LENGTH = 5
#: ... or typed with one inner letter left out ("mrci", "uner"): the shortest typed cue word, four letters
SHORTEST_TYPED_CUE = SHORT_CUE_LENGTH - 1


VOWELS = frozenset("aeiouy")
MIN_MISTYPED_LENGTH = 5  # shorter words are one letter from too many others ("ubul" / "bul")
MIN_MISSING_LETTER_LENGTH = 4  # "meci" (merci); three letters plus one make too many words
TYPO_LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôöûüù"


def one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of ``a`` and ``b`` is exactly one (or they are equal)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _deletions(word: str) -> set[str]:
    """``word`` and every string one deletion away from it."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _swaps(word: str) -> list[str]:
    """``word`` with two neighbouring letters swapped, at each place ("hebebn" -> "hebben")."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


MIN_SLIPPED_CLOSING = 5  # a closing this long is still one typed wrong ("Cordilement", "Mreci")


def slipped_forms(words: Iterable[str], min_length: int) -> frozenset[str]:
    """The forms ``words`` of ``min_length`` letters or more take with one slip of the keys: two
    neighbouring letters swapped ("mreci", "mecri") or one left out ("cordilement"). Callers
    still ask that a form is no word or name of its own before they take it for the slip."""
    pool = set(words)
    forms: set[str] = set()
    for word in pool:
        if len(word) >= min_length and word.isalpha():
            forms.update(_swaps(word))
            forms.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return frozenset(forms - pool)


class BoundedMemo(dict[_Key, _Answer]):
    """Answers already worked out, for inputs that keep coming back (chat repeats its words).
    Bounded: emptied when it holds ``limit`` entries (``TYPO_MEMO_SIZE`` unless given). Callers
    look up with ``get`` themselves (a call per lookup would cost more than some of the answers)."""

    def __init__(self, limit: int | None = None) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: _Key, answer: _Answer) -> _Answer:
        """Store and return ``answer`` for ``key``."""
        if len(self) >= (TYPO_MEMO_SIZE if self.limit is None else self.limit):
            self.clear()
        self[key] = answer
        return answer


@functools.lru_cache(maxsize=16)
def _as_suffixes(words: frozenset[str]) -> tuple[str, ...]:
    """``words`` as the tuple ``str.endswith`` takes (the sets are a lexicon's few fixed word lists)."""
    return tuple(words)


class WordMemo(BoundedMemo[str, _Answer]):
    """Answers already worked out for words, per lexicon (a lexicon never changes once loaded)."""


MAX_ABBREVIATION = 3  # letters: "ta", "pls", "fyi" are chat words, not brands (``NameLexicon.brand_words``)


@dataclass(frozen=True)
class NameLexicon:
    """Everything the name recognizers of one language look up, case-folded."""

    language: str
    greetings: frozenset[str]
    """Openers that precede a name ("bonjour", "hi", "dear") and are trimmed from NER spans."""
    titles: frozenset[str]
    """Civilities and titles ("madame", "dhr", "mr"): cue a name and belong to its span (``title_start``)."""
    intros: tuple[str, ...]
    """Phrases after which whatever follows is the writer's name ("je m'appelle", "my name is")."""
    weak_intros: tuple[str, ...]
    """Phrases that announce a name only when a name-like word follows ("ik ben", "I'm")."""
    start_intros: tuple[str, ...]
    """Weak cues that count only at the start of a line or sentence ("ici", "met", "this is")."""
    relation_intros: tuple[str, ...]
    """A relative or colleague named next ("mijn partner", "my husband", "ma fille"): weak cues."""
    contact_intros: tuple[str, ...]
    """Someone one spoke to, tells or who took something ("I spoke to", "gesproken met", "tell",
    "zeg tegen"): weak cues, a lower-case word a listed first name."""
    source_intros: tuple[str, ...]
    """Whose word a statement is ("according to", "selon", "volgens"): contact cues whose name,
    in either case, must be a listed one (news writes a role or a firm there)."""
    first_name_cues: tuple[str, ...]
    """After which a lone listed first name is a person even when a place shares it: a message's
    sender ("a message from"), a thing's holder ("le compte de"), whom one thanks ("merci à")."""
    naming_verbs: tuple[str, ...]
    """Verbs that name someone ("was called", "is named"): a cue only after a person word
    (``naming_subjects``): "my grandfather was called Djevad", not "the app is called Tikkie"."""
    naming_subjects: frozenset[str]
    """Pronouns and nouns of people before a naming verb ("he", "guy", "driver"); the relation
    cues' nouns ("son", "grandmother") count too."""
    name_questions: frozenset[str]
    """Words of a question for the name ("naam", "surname", "prénom"): the next message of the
    conversation, when it is a name and nothing else, is the name asked for."""
    after_cues: frozenset[str]
    """Words a writer puts right after their own name ("Jan hier", "Emma here", "Paul ici")."""
    sign_offs: tuple[str, ...]
    """Closings a signature follows ("cordialement", "groetjes", "regards")."""
    particles: frozenset[str]
    """Lower-case words that may sit inside a name ("de", "van der", "du")."""
    stop_words: frozenset[str]
    """Curated chat words never part of a name."""
    common_words: frozenset[str]
    """Frequent words of the language (stop words, chat vocabulary, frequent-word lists)."""
    allow: frozenset[str]
    """The language's allow-list: never a name, place or organisation."""
    first_names: frozenset[str]
    surnames: frozenset[str]
    street_words: frozenset[str]
    """Words that make a span a street ("Street", "rue"): such a PERSON is a LOCATION."""
    organization_words: frozenset[str]
    """Words that make a span an organisation ("Court", "Orchestra", "Ltd")."""
    date_words: frozenset[str]
    """Month and weekday names: with a number, a date expression is a date."""
    duration_words: frozenset[str]
    """Units that make a date expression a duration ("weeks", "jours")."""
    places: frozenset[str]
    """Place names curated in ``names.yaml`` and Faker's real place lists (countries, regions, cities)."""
    place_prepositions: frozenset[str] = frozenset()
    """Words that introduce a place ("in", "naar", "à"): a place name after one is a place."""
    dictionary: Dictionary = field(default_factory=Dictionary)
    """The language's dictionary word forms (see ``dictionary_hashes``)."""
    word_first_names: frozenset[str] = frozenset()
    """First names that are words of the language above all (deduce's first-name exceptions: "Elke",
    "Erna", "Ernst"): in no name list, a name only before a listed surname ("Elke Cornelis")."""
    word_forms: Dictionary = field(default_factory=Dictionary)
    """Word forms of the language's lemma tables, proper nouns among them (``lemma_table_words``)."""
    verbs: Dictionary = field(default_factory=Dictionary)
    """The lemma tables' verbs (in Dutch, infinitives: "melden", "werken")."""
    adjective_suffixes: tuple[str, ...] = ()
    """Endings of capitalised adjectives and demonyms that are not names ("-ische", "Britse")."""
    function_words: frozenset[str] = frozenset()
    """Pronouns, articles and auxiliaries (spaCy's stop words): "me" is a pronoun before a title."""
    demonyms: frozenset[str] = frozenset()
    """Nationality and inhabitant nouns and adjectives ("Belgen", "Brits", "Hongaar"): never a name."""
    person_nouns: frozenset[str] = frozenset()
    """Functions and professions written before a person's name ("minister", "professor", "coach")."""
    organization_nouns: frozenset[str] = frozenset()
    """Kinds of organisation written before its name ("bedrijf", "verzekeraar"), alone or ending a compound."""
    work_nouns: frozenset[str] = frozenset()
    """Kinds of work, product, system or event written before its name ("het softwareprogramma",
    "het kaartspel", "de wedstrijd"), alone or ending a compound: what follows names a thing."""
    name_verbs: frozenset[str] = frozenset()
    """Verbs people are the subject of ("lives", "said"): the name-like words before one are a name."""
    person_verbs: frozenset[str] = frozenset()
    """Verbs only people are the subject of ("lives", "spent"): a sentence's first word before one
    is a name even when no list knows it (``ChatNamePatternRecognizer._names_before_cue``)."""
    after_vocatives: tuple[str, ...] = ()
    """Openings of a request after the name of the one it asks and a comma ("Femke, kun je ...",
    "Sarah, can you ...", "Ludivine, pouvez-vous ..."): that name opens a sentence."""
    subject_verbs: frozenset[str] = frozenset()
    """Auxiliaries and common verbs right after a sentence's subject ("is", "werd", "heeft", "est"):
    a sentence's first word before one, a word no list or dictionary knows, is taken for a name at
    a lower score than before ``person_verbs`` (firms and places stand there too)."""
    corrections: tuple[str, ...] = ()
    """Words between a name and a spelling the writer rules out ("Lefebvre pas Lefèvre", "Smyth not Smith")."""
    maiden_markers: tuple[str, ...] = ()
    """Words between a name and another surname of the same person ("Mme Haddad née Benyahia",
    "mevrouw Jansen geb. De Vries", "Mrs Smith née Jones")."""

    def common_vocabulary(self) -> frozenset[str]:
        """The single words of the lexicon's lists of ordinary language (stop, function and common
        words, greetings, titles, particles, date and duration words): no names, no places."""
        lists = (
            self.stop_words,
            self.function_words,
            self.common_words,
            self.greetings,
            self.titles,
            self.particles,
            self.after_cues,
            self.date_words,
            self.duration_words,
        )
        return frozenset(word for words in lists for word in words if " " not in word)

    def has_suffix(self, key: str, words: frozenset[str]) -> bool:
        """``key`` is, or in a compounding language ends with, one of ``words`` ("Schoutelaan")."""
        if key in words:
            return True
        if self.language != "nl" or not key.endswith(_as_suffixes(words)):
            return False  # one C-level test for the many keys that end with none of them
        return any(key.endswith(w) and len(key) > len(w) + 2 for w in words)

    def is_adjective(self, key: str) -> bool:
        """A capitalised adjective or demonym by its ending ("Israëlische", "Palestijnen"), or a
        nationality or inhabitant word ("Belgen", "Brits", "Britse", "Hongaar")."""
        if self.adjective_suffixes and key.endswith(self.adjective_suffixes):
            return True
        return self.is_demonym(key)

    def is_demonym(self, key: str) -> bool:
        """A ``demonyms`` entry, or one with an inflection ("Britse", "Belgen", "Vlamingen")."""
        if not self.demonyms:
            return False
        if key in self.demonyms:
            return True
        if key.endswith("ese") and f"{key[:-3]}ees" in self.demonyms:
            return True  # Dutch "Canadese", "Chinese": the inflection of "Canadees", "Chinees"
        return any(key.endswith(end) and key[: -len(end)] in self.demonyms for end in DEMONYM_ENDINGS)

    def is_common(self, key: str) -> bool:
        """A frequent word, a chat word or an allow-listed word of the language, a greeting or
        allow-listed word with one typo ("Bojnour", "Hlelo", "Crodialement"), or a hyphenated word
        made of common words only ("Est-ce", "peut-être").

        Remembered per word: the name recognizers ask about a dozen words a message, the same
        words message after message."""
        memo = self._common_memo
        found = memo.get(key)
        return found if found is not None else memo.remember(key, self._is_common(key))

    def _is_common(self, key: str) -> bool:
        return self.is_common_word(key) or self.is_typo_of_chat_word(key)

    def is_common_word(self, key: str) -> bool:
        """``is_common`` without the typo rule: a frequent, chat or allow-listed word, or a
        hyphenated word made of common words only."""
        if key in self.common_words or key in self.stop_words or key in self.allow:
            return True
        if "-" in key and not self.is_known_name(key):
            parts = [p for p in key.split("-") if p]
            return bool(parts) and all(
                p in self.common_words or p in self.stop_words or p in self.function_words for p in parts
            )
        return False

    @functools.cached_property
    def _common_memo(self) -> WordMemo[bool]:
        return WordMemo()

    @functools.cached_property
    def closing_words(self) -> frozenset[str]:
        """The sign-offs of one word ("cordialement", "cdt", "thanks", "groetjes")."""
        return frozenset(p for p in self.sign_offs if " " not in p)

    @functools.cached_property
    def greetings_and_closings(self) -> frozenset[str]:
        """Greetings and one-word sign-offs: what a name is greeted or signed after ("Hi Jan",
        "Thanks, Christian", "Cdt Vincent Colin")."""
        return self.greetings | self.closing_words

    @functools.cached_property
    def _slipped_closings(self) -> frozenset[str]:
        return slipped_forms(self.greetings_and_closings, MIN_SLIPPED_CLOSING)

    def is_slipped_closing(self, key: str) -> bool:
        """A greeting or one-word closing of five letters or more typed with one slip of the keys
        ("Cordilement", "Meci", "mreci"), that is no word or listed name itself ("States" is no
        slip of "stats")."""
        return key in self._slipped_closings and not (self.is_known_name(key) or self.in_dictionary(key))

    @functools.cached_property
    def brand_words(self) -> frozenset[str]:
        """Allow-listed words that are no greeting, closing, title, stop word, date word, common or
        dictionary word, nor an abbreviation of three letters or fewer ("ta", "pls", "dhl"): in
        practice the brands and services customers name ("Ikea", "Netflix", "Decathlon").
        A name right after one is a product ("Ikea Billy"), and a place or firm opening with one is
        a product line ("Netflix Premium")."""
        return frozenset(
            key
            for key in self.allow
            if " " not in key
            and key not in self.greetings_and_closings
            and key not in self.titles
            and key not in self.stop_words
            and key not in self.date_words
            and key not in self.common_words
            and len(key) > MAX_ABBREVIATION
            and not self.in_dictionary(key)  # "christmas", "cool", "daag", "excuses": words, no brands
        )

    @functools.cached_property
    def cue_and_function_words(self) -> frozenset[str]:
        """Chat, function, greeting, title and date words: what a listed surname that is also a word
        is never taken for a surname as ("mr king" is one, "mr may" and "mr hi" are not)."""
        return self.stop_words | self.function_words | self.greetings | self.titles | self.date_words

    @functools.cached_property
    def bare_titles(self) -> frozenset[str]:
        """The one-word titles without their dot ("mr", "dr", "mevr")."""
        return frozenset(t.rstrip(".") for t in self.titles if " " not in t)

    @functools.cached_property
    def relation_nouns(self) -> frozenset[str]:
        """The nouns of the relation cues ("partner", "collega", "aunt", "femme"): in lower case
        before a name they name the person's tie to someone, never part of the name."""
        not_nouns = self.particles | self.function_words
        return frozenset(_relation_noun(p.split(), not_nouns) for p in self.relation_intros if len(p.split()) > 1)

    @functools.cached_property
    def span_edge_words(self) -> frozenset[str]:
        """Words trimmed from either end of a model's name span: greetings, one-word sign-offs that
        are no name (``nameless_closings``: "Cdt vincent"), titles, chat and allow-listed words,
        name particles (computed once: the union is thousands of words)."""
        return self.greetings | self.nameless_closings | self.titles | self.stop_words | self.allow | self.particles

    @functools.cached_property
    def nameless_closings(self) -> frozenset[str]:
        """One-word sign-offs of three letters or more that are no listed name ("cdt", "groetjes",
        "cheers"; not "best", a surname, nor "ty", short for thank you and a first name too)."""
        return frozenset(w for w in self.closing_words if len(w) >= 3 and not self.is_known_name(w))

    @functools.cached_property
    def typo_index(self) -> dict[str, tuple[str, ...]]:
        """Single-word greetings, sign-offs and allow-listed words of five letters or more, under
        each of their one-letter deletions (symmetric-delete index: one lookup per deletion)."""
        # the words of phrases too: "Fjine dag" is "fijne dag" with a typo
        phrases = self.allow | self.greetings | set(self.sign_offs)
        words = {w.strip(",.;:!?&") for p in phrases for w in p.replace("/", " ").split()}
        index: dict[str, set[str]] = {}
        for word in words:
            if len(word) >= MIN_TYPO_LENGTH:
                for variant in _deletions(word):
                    index.setdefault(variant, set()).add(word)
        return {variant: tuple(sorted(ws)) for variant, ws in index.items()}

    def is_typo_of_chat_word(self, key: str) -> bool:
        """One typo away from a greeting, sign-off or allow-listed word ("Bojnour", "Crodialement").

        A known name is never a typo: "Bente" is one letter from "beste", "Colin" from "colis",
        "Marcel" from "merci", and people are named so. Nor is a listed or world place that is no
        dictionary word: "Mardin" is one letter from "mardi", "Lille" and "Mersin" from chat words."""
        if len(key) < MIN_TYPO_LENGTH or self.is_known_name(key):
            return False
        memo = self._typo_memo
        found = memo.get(key)
        if found is None:
            found = memo.remember(key, self._one_typo_of_chat_word(key) and not self._place_not_word(key))
        return found

    def is_short_typo_of_chat_word(self, key: str) -> bool:
        """A word of one letter less than ``MIN_TYPO_LENGTH`` that is a greeting, sign-off or
        allow-listed word of that length or more with a letter left out ("Ydel": Yodel, "Bsch",
        "Boch": Bosch), when ``key`` is itself no name, word or place. Shorter words are one typo
        from too many others: only the letter missing is asked."""
        if len(key) != MIN_TYPO_LENGTH - 1 or not key.isalpha():
            return False
        return (
            any(len(word) == len(key) + 1 for word in self.typo_index.get(key, ()))
            and not self._is_listed_word(key)
            and not self.is_word_form(key)
            and key not in self.places
        )

    def _place_not_word(self, key: str) -> bool:
        """A listed or world place that the dictionary does not hold ("mardin", "lille")."""
        return (key in self.places or key in world_places(self.language)) and not self.in_dictionary(key)

    def _one_typo_of_chat_word(self, key: str) -> bool:
        index = self.typo_index
        return any(one_edit(key, target) for v in _deletions(key) for target in index.get(v, ()))

    @functools.cached_property
    def _typo_memo(self) -> WordMemo[bool]:
        return WordMemo()

    @functools.cached_property
    def cue_typo_index(self) -> dict[str, tuple[str, ...]]:
        """Single cue words of ``MIN_CUE_TYPO_LENGTH`` letters or more (the last word of an intro,
        relation cue or sign-off, a title, a greeting), under each of their one-letter deletions."""
        index: dict[str, set[str]] = {}
        for word in (w for w in self._cue_last_words if len(w) >= MIN_CUE_TYPO_LENGTH):
            for variant in _deletions(word):
                index.setdefault(variant, set()).add(word)
        return {variant: tuple(sorted(ws)) for variant, ws in index.items()}

    @functools.cached_property
    def short_cue_words(self) -> frozenset[str]:
        """Single cue words of ``SHORT_CUE_LENGTH`` letters (the last word of a cue phrase, as in
        ``cue_typo_index``)."""
        return frozenset(w for w in self._cue_last_words if len(w) == SHORT_CUE_LENGTH)

    @functools.cached_property
    def unaccented_common_words(self) -> frozenset[str]:
        """The language's frequent and stop words that carry accents, typed without them ("ete",
        "numero", "deja"): chat drops accents, and the word is then in no list."""
        words = self.common_words | self.stop_words
        return frozenset(bare for bare in (strip_accents(w) for w in words if not w.isascii()) if bare not in words)

    @functools.cached_property
    def short_cue_inner_deletions(self) -> dict[str, str]:
        """Five-letter cue words under each of their inner-letter deletions ("mrci": merci, "uner":
        under); first and last letters kept. Where two cue words share one ("maam": ma'am, madam),
        the first in alphabetical order: both are cues, and the answer must not vary between runs."""
        index: dict[str, str] = {}
        for word in sorted(self.short_cue_words):
            for i in range(1, len(word) - 1):
                index.setdefault(word[:i] + word[i + 1 :], word)
        return index

    @functools.cached_property
    def _cue_last_words(self) -> frozenset[str]:
        """The last word of every intro, relation, contact and start cue, sign-off, greeting and
        title, when it is letters only (apostrophes and hyphens aside): the words typos are matched to."""
        words = set()
        for phrase in (
            *self.intros,
            *self.weak_intros,
            *self.start_intros,
            *self.relation_intros,
            *self.contact_intros,
            *self.source_intros,
            *self.sign_offs,
            *self.greetings,
            *self.titles,
        ):
            last = phrase.split()[-1] if phrase.split() else ""
            if last.replace("'", "").replace("-", "").isalpha():
                words.add(last)
        return frozenset(words)

    def cue_typo(self, key: str) -> str | None:
        """The cue word ``key`` is a one-letter typo of ("merouw" -> "mevrouw", "parter" ->
        "partner", "mneer" -> "meneer"; of a five-letter word, only a swap or a doubled letter:
        "mreci" -> "merci"; of four letters, a five-letter one with an inner letter left out: "mrci"),
        when ``key`` is not itself a word or a name of the language."""
        if len(key) < SHORTEST_TYPED_CUE:
            return None
        memo = self._cue_typo_memo
        if key in memo:
            return memo[key]
        return memo.remember(key, self._typed_cue(key))

    def is_unknown_word(self, key: str) -> bool:
        """No name, frequent word, stop word, allow-listed word, dictionary word or word form of the
        language: what a typo may have made of a cue word ("ordder", "mrci"). Remembered per word."""
        memo = self._unknown_memo
        found = memo.get(key)
        return (
            found
            if found is not None
            else memo.remember(key, not (self._is_listed_word(key) or self.is_word_form(key)))
        )

    @functools.cached_property
    def _unknown_memo(self) -> WordMemo[bool]:
        return WordMemo()

    def _is_listed_word(self, key: str) -> bool:
        return (
            self.is_known_name(key)
            or key in self.common_words
            or key in self.stop_words
            or key in self.allow
            or self.in_dictionary(key)
        )

    def _typed_cue(self, key: str) -> str | None:
        if self._is_listed_word(key):
            return None  # a word or a name of the language is never a cue word typed wrong
        if len(key) == SHORTEST_TYPED_CUE:
            return None if self.is_word_form(key) else self.short_cue_inner_deletions.get(key)
        short = self.short_cue_words
        if len(key) == SHORT_CUE_LENGTH:
            swapped = next((word for word in _swaps(key) if word in short), None)
            if swapped is not None:
                return swapped
            if self.is_word_form(key):
                return None  # "namen" (names) is no "namens" typed short, though Dutch has no dictionary
            # else a longer cue word with a letter left out ("mneer": meneer)
        elif len(key) == SHORT_CUE_LENGTH + 1:
            doubled = {key[:i] + key[i + 1 :] for i in range(1, len(key)) if key[i] == key[i - 1]}
            found_short = next((word for word in sorted(doubled) if word in short), None)
            if found_short is not None:
                return found_short
        found = None
        index = self.cue_typo_index
        for variant in _deletions(key):
            for target in index.get(variant, ()):
                if target != key and len(target) >= MIN_CUE_TYPO_LENGTH and one_edit(key, target):
                    found = target
                    break
            if found is not None:
                break
        return found

    @functools.cached_property
    def _cue_typo_memo(self) -> WordMemo[str | None]:
        return WordMemo()

    def in_dictionary(self, key: str) -> bool:
        """A word of the language's dictionary, in lower case ("pouvez", "livraison"); remembered
        per word (each look-up hashes the word and bisects the dictionary's hashes)."""
        memo = self._dictionary_memo
        found = memo.get(key)
        return found if found is not None else memo.remember(key, key in self.dictionary)

    @functools.cached_property
    def _dictionary_memo(self) -> WordMemo[bool]:
        return WordMemo()

    def is_mistyped_word(self, key: str) -> bool:
        """A word of the dictionary typed with one letter too many or two letters swapped
        ("noormal", "aolrs", "Comemnt", "Rembuorsez", "joignbale"), or one of the language's
        frequent words with a letter missing ("Meci", "Slut", "vici"), when ``key`` is itself no
        word and no known name; or a word of three letters or more without a vowel ("bcp",
        "stck"). Remembered per word."""
        memo = self._mistyped_memo
        found = memo.get(key)
        return found if found is not None else memo.remember(key, self._mistyped(key))

    def is_mistyped_common_word(self, key: str) -> bool:
        """One of the language's frequent words typed with one letter too many, one missing or two
        swapped ("heebben", "hebebn", "dliver", "evnoyez", "meci"), when ``key`` is itself no word
        and no known name. Stricter than ``is_mistyped_word``: only the short list of frequent words
        is asked, so that a name one letter from a rare word stays ("Leverett", "Peres").
        Remembered per word."""
        memo = self._mistyped_common_memo
        found = memo.get(key)
        return found if found is not None else memo.remember(key, self._mistyped_common(key))

    @functools.cached_property
    def _mistyped_common_memo(self) -> WordMemo[bool]:
        return WordMemo()

    def _mistyped_common(self, key: str) -> bool:
        if len(key) < MIN_MISSING_LETTER_LENGTH or not key.isalpha() or key in self.common_words:
            return False
        if self.is_known_name(key) or self.is_word_form(key):
            return False
        if key in self.common_word_deletions:
            return True  # a letter missing: "meci" is "merci" without its "r"
        common = self.common_words
        extra = _deletions(key) if len(key) >= MIN_MISTYPED_LENGTH else set()
        return any(candidate in common for candidate in (*extra, *_swaps(key)))

    @functools.cached_property
    def common_word_deletions(self) -> frozenset[str]:
        """The frequent words and the chat words the name lists stop at ("bonne", "commande",
        "bedankt"), each with one of its letters (of ``TYPO_LETTERS``) left out: a word in here is
        such a word with a letter missing ("Bnne soirée"), found with one look-up instead of trying
        every letter at every place of it (some 300 candidates a word)."""
        letters = frozenset(TYPO_LETTERS)
        return frozenset(
            word[:i] + word[i + 1 :]
            for word in self.common_words | self.stop_words
            for i in range(len(word))
            if word[i] in letters
        )

    def _mistyped(self, key: str) -> bool:
        if self.is_known_name(key) or self.in_dictionary(key) or not key.isalpha():
            return False
        if len(key) >= 3 and key.isascii() and not any(ch in VOWELS for ch in key):
            return True  # Latin script only: "Συγγρού" has vowels of its own
        if len(key) >= MIN_MISSING_LETTER_LENGTH and key in self.common_word_deletions:
            # a letter missing from one of the language's frequent words ("meci", "slut", "vici"):
            # only the short list of frequent words is asked
            return True
        if len(key) < MIN_MISTYPED_LENGTH:
            return False
        # one letter too many: the one-deletion set the typo indexes use (``key`` itself is no word)
        if any(self.in_dictionary(candidate) for candidate in (*_deletions(key), *_swaps(key))):
            return True
        # one letter missing ("Écivez", "Rembousez"): every letter tried at every place, some 300
        # look-ups, for a word that got this far (no name, no word) and once per word (the memo)
        dictionary = self.dictionary
        return any(key[:i] + letter + key[i:] in dictionary for i in range(len(key) + 1) for letter in TYPO_LETTERS)

    @functools.cached_property
    def _mistyped_memo(self) -> WordMemo[bool]:
        return WordMemo()

    def is_language_word(self, key: str) -> bool:
        """A dictionary, common or organisation word, also under a plural or possessive ending
        ("Lines", "Analytics's", "Sports"): what a person's name is not made of."""
        stem = key.removesuffix("'s")
        forms = {key, stem, stem.removesuffix("s"), stem.removesuffix("es")}
        return any(
            self.in_dictionary(form) or self.is_common(form) or self.has_suffix(form, self.organization_words)
            for form in forms
            if form
        )

    def brand_like_pair(self, first: str, last: str) -> bool:
        """A first name that is a dictionary word, then a word of the language in no surname list
        ("Sky Sports", "Amber Energy"): a brand or a product, not a first name and a surname."""
        return self.in_dictionary(first) and self.is_language_word(last) and last not in self.surnames

    def is_word_form(self, key: str) -> bool:
        """A word of the language's lemma tables ("wereldoorlog", "landschappen"), or its dictionary."""
        return key in self.word_forms or self.in_dictionary(key)

    def is_known_name(self, key: str) -> bool:
        """In a first-name or surname gazetteer, or a hyphenated name of such names ("smith-osborne",
        "jean-baptiste")."""
        if key in self.first_names or key in self.surnames:
            return True
        if "-" not in key:
            return False
        # every part a name, none a function word: "riou-sur-hervé" is a town ("sur" is a surname too)
        return all(
            len(p) >= 2
            and (p in self.first_names or p in self.surnames)
            and p not in self.function_words
            and p not in self.particles
            and p not in self.stop_words
            for p in key.split("-")
        )


def _most_words_first(values: Iterable[object] | None) -> tuple[str, ...]:
    """Folded phrases, those of most words first ("et pas" before "pas"), then alphabetically."""
    return tuple(sorted(_folded(values or []), key=lambda p: (-len(p.split()), p)))


def _phrases(values: object, variants: dict[str, list[str]] | None = None) -> tuple[str, ...]:
    """Folded phrases, longest first; a phrase opening with a key of ``variants`` also with each of
    its variants in its place (names.yaml ``possessive_variants``: "mijn vriendin", "me vriendin")."""
    if not isinstance(values, list):
        return ()
    folded = {" ".join(fold(str(v)).split()) for v in values if str(v).strip()}
    for phrase in list(folded):
        first, _, rest = phrase.partition(" ")
        if rest:
            folded.update(f"{variant} {rest}" for variant in (variants or {}).get(first, ()))
    return tuple(sorted(folded, key=lambda p: (-len(p), p)))


def _merged(variants: dict[str, list[str]], others: object) -> dict[str, list[str]]:
    """``variants`` with names.yaml ``other_possessives`` (``others``) added to each key's list."""
    merged = {key: list(values) for key, values in variants.items()}
    for key, values in _variants(others).items():
        merged.setdefault(key, []).extend(values)
    return merged


def _variants(values: object) -> dict[str, list[str]]:
    """names.yaml ``possessive_variants``, folded."""
    if not isinstance(values, dict):
        return {}
    return {fold(str(k)): [" ".join(fold(str(v)).split()) for v in vs or []] for k, vs in values.items()}


@functools.cache
def _load(lexicon_dir: str, language: str) -> NameLexicon:
    directory = Path(lexicon_dir)
    section = _read_yaml(directory / NAMES_FILE).get(language) or {}
    allow_words = _read_yaml(directory / ALLOW_LIST_FILE).get(language) or []
    first_faker, last_faker = faker_names()
    first_nl, surnames_nl, _, _ = dutch_names()
    if language == "nl":
        # deduce's exceptions are Dutch words that look like names ("Rust", "April"): never a
        # name in Dutch text, whichever list they come from
        not_names = dutch_name_exceptions()
        first_faker, last_faker = first_faker - not_names, last_faker - not_names
    word_first_names = _folded(section.get("word_first_names") or [])
    if language == "nl":
        word_first_names |= dutch_name_exceptions(("lst_first_name",))
    extra_first = _folded(section.get("first_names") or [])
    allow = _folded(allow_words)
    titles = _folded(section.get("titles") or [])
    stop_words = _folded(section.get("stop_words") or [])
    common = _frequent_words(language) | _folded(section.get("common_words") or [])
    variants = _variants(section.get("possessive_variants"))
    return NameLexicon(
        language=language,
        greetings=_folded(section.get("greetings") or []),
        titles=titles,
        intros=_phrases(section.get("intros"), variants),
        weak_intros=_phrases(section.get("weak_intros"), variants),
        start_intros=_phrases(section.get("start_intros")),
        relation_intros=_phrases(section.get("relation_intros"), _merged(variants, section.get("other_possessives"))),
        contact_intros=_phrases(section.get("contact_intros"), variants),
        source_intros=_phrases(section.get("source_intros")),
        first_name_cues=_phrases(section.get("first_name_cues")),
        naming_verbs=_phrases(section.get("naming_verbs")),
        naming_subjects=_folded(section.get("naming_subjects") or []),
        name_questions=_folded(section.get("name_questions") or []),
        after_cues=_folded(section.get("after_cues") or []),
        after_vocatives=_most_words_first(section.get("after_vocatives")),
        sign_offs=_phrases(section.get("sign_offs")),
        particles=_folded(section.get("particles") or []),
        stop_words=stop_words | titles,
        common_words=common,
        allow=allow,
        first_names=first_faker | first_nl | extra_first,
        surnames=last_faker | surnames_nl,
        street_words=_folded(section.get("street_words") or []) | faker_street_words(language),
        organization_words=_folded(section.get("organization_words") or []),
        date_words=_folded(section.get("date_words") or []),
        duration_words=_folded(section.get("duration_words") or []),
        places=_folded(section.get("places") or []) | faker_places(language),
        place_prepositions=_folded(section.get("place_prepositions") or []),
        dictionary=dictionary_hashes(tuple(str(m) for m in section.get("dictionary_models") or [])),
        word_first_names=word_first_names,
        word_forms=lemma_table_words(str(section["lemma_tables"])) if section.get("lemma_tables") else Dictionary(),
        verbs=lemma_table_words(str(section["lemma_tables"]), "verb") if section.get("lemma_tables") else Dictionary(),
        adjective_suffixes=tuple(fold(str(x)) for x in section.get("adjective_suffixes") or []),
        function_words=function_words(language),
        demonyms=_folded(section.get("demonyms") or []),
        person_nouns=_folded(section.get("person_nouns") or []),
        organization_nouns=_folded(section.get("organization_nouns") or []),
        work_nouns=_folded(section.get("work_nouns") or []),
        name_verbs=_folded(section.get("name_verbs") or []),
        corrections=_most_words_first(section.get("corrections")),
        maiden_markers=_most_words_first(section.get("maiden_markers")),
        person_verbs=_folded(section.get("person_verbs") or []),
        subject_verbs=_folded(section.get("subject_verbs") or []),
    )


def load_lexicon(lexicon_dir: Path, language: str) -> NameLexicon:
    """The lexicon of ``language`` read from ``lexicon_dir``, loaded once per process."""
    return _load(str(Path(lexicon_dir).resolve()), language)


# --------------------------------------------------------------------------------------------
# Titles


TITLE_LOOKBACK = 40  # characters looked at before a name for its titles ("de weledelgeleerde heer")
SHORT_TITLE = 2  # "m", "me" typed in lower case without a dot are letters or pronouns, not titles
#: Short titles that are no word of the three languages: titles in lower case without their dot
#: too, as chat types them ("spoke to mr smith", "dr patel"), like the longer "mrs", "mevr".
WORDLESS_SHORT_TITLES = frozenset({"mr", "dr", "ms", "mx"})


def title_start(text: str, start: int, titles: frozenset[str]) -> int:
    """The start of a person's name at ``start`` once the titles typed right before it are included.

    One rule for every name recognizer: a title reveals the person's gender (and sometimes their
    profession), so it belongs to the span that gets masked: "M. Dupont", "Mme Durand",
    "dhr. de Vries", "Prof. Dr. Smit", "Mrs Smith". A title is a ``titles`` entry (``names.yaml``)
    of one to three words, optionally followed by its dot, separated from what follows by spaces on
    the same line; short lower-case titles count only with a dot ("m. dupont", not "m dupont"),
    but for those that are no word (``WORDLESS_SHORT_TITLES``: "mr smith", "dr patel").
    A couple's titles joined by "et", "and", "en" or "&" before the name are the name's too ("M. et
    Mme Robins", "Mr and Mrs Smith", "dhr. en mevr. Jansen"): the span names both people.
    Returns ``start`` when no title precedes it.
    """
    titled: bool | None = None  # whether a title opens the span so far, asked only when needed
    while True:
        offset = max(0, start - TITLE_LOOKBACK)
        prefix = text[offset:start]
        found = _title_in_window(prefix, titles) if _may_end_with_title(prefix, titles) else None
        if found is None and _may_end_with_conjunction(prefix):
            if titled is None:
                titled = _is_title_at(text, start, titles)  # "Mme Robins" found with its title
            if titled:
                found = _couples_title(prefix, titles)
        if found is None:
            return start
        start = offset + found
        titled = True


def _may_end_with_conjunction(prefix: str) -> bool:
    """A quick, exact reject for ``_couples_title``: ``prefix`` ends with a couple's conjunction and
    a space or tab (most names follow none)."""
    body = prefix.rstrip(" \t")
    return len(body) < len(prefix) and body[-3:].lower().endswith(("et", "and", "en", "&"))


#: a title of a couple before another title of the name: "M. et ", "Mr and ", "dhr. en ", "Mr & "
_COUPLES_TITLE = re.compile(r"(?:^|(?<=\s))([^\W\d_]{1,12}\.?)[ \t]+(?:et|and|en|&)[ \t]+$", re.IGNORECASE)
#: a word and its dot, if any, where a title may stand
_WORD_AT = re.compile(r"[^\W\d_]+\.?")


def _is_title_at(text: str, start: int, titles: frozenset[str]) -> bool:
    """A title opens ``text`` at ``start`` ("Mme Robins", "Mr. Smith")."""
    match = _WORD_AT.match(text, start)
    if match is None:
        return False
    word = fold(match.group())
    return word in titles or word.rstrip(".") in titles


def _couples_title(prefix: str, titles: frozenset[str]) -> int | None:
    """Where, in ``prefix`` (ending right before a title), a title and a conjunction joined to that
    title start ("M. et " before "Mme Robins"); None when there is none."""
    match = _COUPLES_TITLE.search(prefix)
    if match is None:
        return None
    word = fold(match.group(1))
    dotted = word.endswith(".")
    bare = word[:-1] if dotted else word
    if word in titles or bare in titles:
        if (
            len(bare) <= SHORT_TITLE
            and not dotted
            and not match.group(1)[0].isupper()
            and bare not in WORDLESS_SHORT_TITLES
        ):
            return None  # "m et mme": lower-case letters, not a title
        return match.start(1)
    return None


def _title_in_window(prefix: str, titles: frozenset[str]) -> int | None:
    """Where, in ``prefix`` (the look-back window before a name), the title ending it starts."""
    tokens = [Token.of(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(prefix)]
    if not tokens:
        return None
    gap = prefix[tokens[-1].end :]
    dotted = tokens[-1].text == "."
    if "\n" in gap or gap.strip() or not (gap or dotted):
        return None
    words = tokens[:-1] if dotted else tokens
    if dotted and words and words[-1].end != tokens[-1].start:
        return None
    for width in (3, 2, 1):
        phrase = words[-width:]
        if len(phrase) < width or not all(t.is_word for t in phrase):
            continue
        if "\n" in prefix[phrase[0].start : phrase[-1].end]:
            continue  # consecutive word tokens: only spaces between them, but on one line
        key = " ".join(t.key for t in phrase)
        if not ((dotted and f"{key}." in titles) or key in titles):
            continue
        if (
            width == 1
            and len(key) <= SHORT_TITLE
            and not dotted
            and not phrase[0].is_capitalised
            and key not in WORDLESS_SHORT_TITLES
        ):
            continue
        return phrase[0].start
    return None


def _may_end_with_title(prefix: str, titles: frozenset[str]) -> bool:
    """False when no title can end ``prefix`` as ``_title_in_window`` reads it: a quick, exact reject.

    ``_title_in_window`` tokenizes the whole look-back window, though only its last word decides whether
    a title may end there, and most names follow no title (about 20 us a name, for nothing). Tokens
    never span whitespace, so the last token of the window is the last token of its last
    whitespace-free run: that run alone is tokenized here. A title ends the window only when the gap
    after that token holds no line break, is not empty unless the token is a dot, and the word
    before the gap (or before the dot, in the same run) is the last word of a title.
    """
    body = prefix.rstrip()
    if not body or "\n" in prefix[len(body) :]:
        return False
    tokens = _TOKEN_RE.findall(body.rsplit(None, 1)[-1])
    dotted = tokens[-1] == "."
    if dotted:
        if len(tokens) < 2:
            return False  # the dot opens its run: no word right before it
        word = tokens[-2]
    elif len(body) == len(prefix):
        return False  # no gap and no dot: the window ends inside a word
    else:
        word = tokens[-1]
    return fold(word) in _title_last_words(titles)


@functools.lru_cache(maxsize=16)
def _title_last_words(titles: frozenset[str]) -> frozenset[str]:
    """The last word of every title, with and without its dot ("m." gives "m." and "m")."""
    last = {title.split()[-1] for title in titles if title.split()}
    return frozenset(last | {word[:-1] for word in last if word.endswith(".")})


def brand_plus_after(text: str, end: int) -> bool:
    """A "+" glued after a name ends a brand's name ("Canal+", "Disney+"), not a person's."""
    return text[end : end + 1] == "+"


# titles that, in capitals and without their dot, name a firm: "ING" is the bank, "ing." the engineer
ACRONYM_TITLES = frozenset({"ing"})


def firm_not_title(word: str) -> bool:
    """``word``, written without a dot after it, is a firm's acronym rather than a title ("klant
    bij ING België")."""
    return word.isupper() and word.casefold() in ACRONYM_TITLES


def include_titles(text: str, results: Iterable[RecognizerResult], titles: frozenset[str]) -> None:
    """Move the start of every PERSON result back over the titles right before it (``title_start``)."""
    for result in results:
        if result.entity_type == PERSON:
            result.start = title_start(text, result.start, titles)


# --------------------------------------------------------------------------------------------
# Repeated names


REPEAT_MIN_SCORE = 0.6  # only names found with some confidence are looked for again
#: The entity rule that looks, across recognizers, for the resolved names again (``processors.detection``):
#: its name in ``Entity.recognizer`` and ``detection.disabled_recognizers``.
NAME_REPEATS = "NameRepeats"
#: The pipeline's rule that finds a conversation's names again in its later messages
#: (``processors.conversation_names``): its name in ``Entity.recognizer`` and ``disabled_recognizers``.
CONVERSATION_NAMES = "ConversationNames"
REPEAT_SCORE_DROP = 0.05
MIN_REPEAT_LETTERS = 3  # a single word looked for again has three letters or more ("Liv", not "Jo")
MAX_REPEAT_WORDS = 4


def _word_runs(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """``tokens`` split into runs of words separated by spaces only (no punctuation, no line break)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if current and (
            not token.is_word
            or text[current[-1].end : token.start].strip()
            or "\n" in text[current[-1].end : token.start]
        ):
            runs.append(current)
            current = []
        if token.is_word:
            current.append(token)
    if current:
        runs.append(current)
    return runs


def _word_outside_names(
    tokens: Sequence[Token], starts: Sequence[int], names: Sequence[tuple[int, int, float]]
) -> bool:
    """Whether a word of one of the ``names`` (start, end, score) comes again outside them.

    A repeat opens with a word of a name, at a token no name covers (one overlapping a name is
    dropped), so without such a word ``name_repeats`` has nothing to find: a linear pass instead of
    its whole search, which came to some 20 us a message over the benchmark corpus for 40 repeats
    in 14,000 calls."""
    covered: dict[int, str] = {}
    for start, end, _ in names:
        for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            covered[index] = tokens[index].key
    keys = set(covered.values())
    return any(token.key in keys and index not in covered and token.is_word for index, token in enumerate(tokens))


def name_repeats(
    text: str,
    found: Iterable[tuple[int, int, float]],
    taken: Iterable[tuple[int, int]],
    lexicon: NameLexicon,
    min_score: float = REPEAT_MIN_SCORE,
) -> list[tuple[int, int, float]]:
    """Other occurrences in ``text`` of the names found at ``found`` (start, end, score), in any case.

    People repeat their name: "op naam van Anna. Anna", an introduction and a signature, "Dit is Aya,
    mijn partner aya". Each name is looked for whole and by its parts: every run of its words that
    does not end with a particle ("de Vries", "Vries", "Jan" in "Jan de Vries"); a single word only
    when it has three letters or more and is no stop word, title or particle, and when it is a common
    word ("vos", "bos") only right after another name found ("dit is iris vos voor meneer vos") or
    alone on the last line ("mark here\nmark"). Occurrences that
    overlap ``taken`` (spans already reported) or follow a place preposition ("in Breda") are
    skipped. Returns (start, end, score) spans, scored a little below the name they repeat.
    """
    sources = [(s, e, score) for s, e, score in found if score >= min_score]
    if not sources:
        return []
    tokens = tokenize(text)
    starts = token_starts(text)
    if not _word_outside_names(tokens, starts, sources):
        return []  # most messages: no word of a name comes again elsewhere, so nothing can repeat it
    lex = lexicon
    wanted: dict[str, dict[tuple[str, ...], float]] = {}
    # single common words ("vos", "bos"): a repeat only right after another name ("dit is iris vos
    # voor meneer vos"), where the word cannot be the common one
    after_a_name_only: set[tuple[str, ...]] = set()
    for start, end, score in sources:
        inside = tokens[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        for run in _word_runs(text, inside):
            keys = [t.key for t in run if t.key not in lex.titles]
            for i in range(len(keys)):
                for j in range(i + 1, min(len(keys), i + MAX_REPEAT_WORDS) + 1):
                    part = tuple(keys[i:j])
                    if part[-1] in lex.particles or all(k in lex.particles for k in part):
                        continue
                    if len(part) == 1 and (
                        len(part[0]) < MIN_REPEAT_LETTERS
                        or part[0] in lex.stop_words
                        or part[0] in lex.allow
                        or part[0] in lex.particles
                    ):
                        continue
                    if len(part) == 1 and part[0] in lex.common_words:
                        after_a_name_only.add(part)
                    best = wanted.setdefault(part[0], {})
                    best[part] = max(best.get(part, 0.0), score - REPEAT_SCORE_DROP)
    if not wanted:
        return []
    spans = sorted(taken) + [(s, e) for s, e, _ in sources]
    out: list[tuple[int, int, float]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        options = wanted.get(token.key) if token.is_word else None
        if not options:
            index += 1
            continue
        match = None
        for part in sorted(options, key=len, reverse=True):
            last = index + len(part)
            if last > len(tokens):
                continue
            if part in after_a_name_only and not (
                _right_after(text, token.start, sources) or _signs_alone(text, token.start, token.end)
            ):
                continue
            candidate = tokens[index:last]
            if all(t.is_word and t.key == k for t, k in zip(candidate, part, strict=True)) and all(
                not text[a.end : b.start].strip() and "\n" not in text[a.end : b.start]
                for a, b in itertools.pairwise(candidate)
            ):
                match = (token.start, candidate[-1].end, round(options[part], 2), last)
                break
        if match is None:
            index += 1
            continue
        start, end, score, last = match
        after_preposition = index > 0 and tokens[index - 1].key in lex.place_prepositions
        glued = _glued(text, start, end)
        if (
            index > 0
            and _first_name_before(text, tokens[index - 1], tokens[index], lex)
            and all(tokens[index - 1].start >= e or tokens[index - 1].end <= s for s, e in spans)
        ):
            # "annick de wilde" repeats "De Wilde" with a first name; not the name itself right
            # before ("au nom de geneviève geneviève": the first name twice)
            start = tokens[index - 1].start
        if not after_preposition and not glued and all(end <= s or start >= e for s, e in spans):
            out.append((start, end, score))
            spans.append((start, end))
        index = last
    return out


def _signs_alone(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is alone on the message's last line, a signature ("…\nmark here\nmark")."""
    line_start = text.rfind("\n", 0, start) + 1
    return line_start > 0 and not text[line_start:start].strip() and not text[end:].strip(" \t\n.!")


def _right_after(text: str, start: int, names: Iterable[tuple[int, int, float]]) -> bool:
    """One of ``names`` ends right before ``start``, only spaces between them on the line."""
    return any(end <= start and text[end:start].strip(" \t") == "" for _, end, _ in names)


def _first_name_before(text: str, before: Token, token: Token, lexicon: NameLexicon) -> bool:
    """``before`` is a first name (no common word) typed right before ``token`` on the same line."""
    gap = text[before.end : token.start]
    return (
        before.is_word
        and before.key in lexicon.first_names
        and not lexicon.is_common(before.key)
        and not gap.strip()
        and "\n" not in gap
    )


def _glued(text: str, start: int, end: int) -> bool:
    """Part of an address, handle or identifier: "anna" in "anna.smit@mail.nl" or "@anna"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after_next = text[end + 1] if end + 1 < len(text) else " "
    return (
        before.isalnum()
        or before in "@./_-"
        or after.isalnum()
        or after == "@"
        or (after in "._-" and after_next.isalnum())
    )


def _relation_noun(words: Sequence[str], function_words: Collection[str]) -> str:
    """The noun of a relation cue: its last word, or the last before a particle or function word
    ("moeder" in "de moeder van", "mother" in "the mother of", "mari" in "mon mari")."""
    nouns = [w for w in words if w not in function_words]
    return nouns[-1] if nouns else words[-1]
