"""Towns and villages from GeoNames, for towns typed in lower case: "i live in harrogate", "je suis à
vierzon", "18100 vierzon", "stuck in wakefield".

Chat users type place names in lower case, where only a list tells a town from a word. The curated
lists (``names.yaml``, Faker, deduce's Dutch places, Belgian towns) know the Netherlands and
Belgium well, France and Britain hardly at all. This list adds every populated place of 500
inhabitants or more of the countries whose French, Dutch or English chat users piiflow reads, the
larger places (5,000 or more) of the other English-speaking countries and of Germany, and the world's
cities of 100,000 or more: ``recognizers/data/geonames_places.tsv.gz``, built from GeoNames (CC BY 4.0)
by ``scripts/build_place_gazetteer.py``.

A gazetteer this size names a village after almost any word, so it is read only where something
else says a place may follow, and its readers leave out the names that are also words of the
language ("Street", "Hope"): ``PlaceCueRecognizer`` after a cue phrase, ``FrAddressRecognizer``
after a postcode, and the name lists (``DutchNameRecognizer``, ``NameLookupRecognizer``) for a
lower-case word after a place preposition ("in", "à", "naar"). The keys (``gazetteer_keys``) are
kept in the start-up cache.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import importlib.util
import json
import sys
import unicodedata
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from recognizers.disk_cache import entry_path, read_entry, write_entry
from recognizers.names.lexicons import LEMMA_TABLES_PACKAGE, fold, module_digest, strip_accents
from recognizers.names.place_words import DUTCH_COMPASS_POINTS, ENGLISH_REGION_WORDS

GAZETTEER = "geonames_places.tsv.gz"

#: the countries whose every listed place a language's chat may name; elsewhere only the cities of
#: ``WORLD_FLOOR`` inhabitants or more, and the larger places of ``LARGER_PLACES``
LANGUAGE_COUNTRIES: dict[str, frozenset[str]] = {
    "fr": frozenset({"FR", "BE", "CH", "LU", "MC", "RE", "GP", "MQ", "GF", "YT"}),
    "nl": frozenset({"NL", "BE"}),
    "en": frozenset({"GB", "IE", "US", "CA", "AU", "NZ"}),
}
#: where compound names are shortened in speech to their first part ("Thonon" for Thonon-les-Bains)
SHORTENED_COUNTRIES = frozenset({"FR", "BE", "CH", "LU"})
LARGER_PLACES = frozenset({"US", "CA", "AU", "NZ", "DE"})
LARGER_FLOOR = 5_000
WORLD_FLOOR = 100_000
#: a place this large is a town people name even when a dictionary lists its name (Rodez, Kettering)
TOWN_FLOOR = 10_000
MIN_GAZETTEER_KEY = 3  # GeoNames' "Y" and "Eu" are no help in chat
SAINT_SHORT = {"saint": "st", "sainte": "ste"}
MIN_SHORTENED_NAME = 4  # "Aix" (-en-Provence) is also a name; "Sarlat" (-la-Canéda) is a town
#: words that open many places' names in some language, never a town alone ("East-Ham", "Nord-Ostsee")
NAME_OPENERS = (
    ENGLISH_REGION_WORDS
    | DUTCH_COMPASS_POINTS
    | frozenset({"nord", "ouest", "saint", "sainte", "sint", "sankt", "santa", "port", "great", "little", "grand"})
    | frozenset({"petit", "petite", "haut", "haute", "bas", "basse", "vieux", "vieil", "neuf", "neuve", "mont"})
)
#: where a language's dictionary lists its towns' names too (the English one holds "leeds",
#: "stavanger"), a town's word must also be rare in lower case to count as a town whatever the
#: dictionary says: natural log of its probability in spacy-lookups-data's lexeme table below this
#: ("kettering" -18.9, "dudley" -16.7; "reading" -8.8, "split" -10.2, "bath" -11.7, "rugby" -12.5)
RARE_LOWERCASE_LOGPROB = -15.0
_GAZETTEER_KEYS: dict[str, str] = {}  # name -> key, shared by the languages
GAZETTEER_CACHE = "gazetteer"
_GAZETTEER_CACHE_FORMAT = 3  # 2: the towns of TOWN_FLOOR or more; 3: and rare in lower case


def gazetteer_file() -> Traversable:
    """The shipped list."""
    return resources.files("recognizers").joinpath("data", GAZETTEER)


@functools.cache
def _rows() -> tuple[tuple[str, int, str], ...]:
    """(country code, population, name) of every row of the shipped list."""
    data = gazetteer_file().read_bytes()
    rows = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        country, population, name = line.split("\t", 2)
        rows.append((country, int(population), name))
    return tuple(rows)


@functools.cache
def gazetteer_places(language: str) -> frozenset[str]:
    """Names of the places ``language``'s chat users may name, as GeoNames writes them."""
    return frozenset(_populations(language))


@functools.cache
def _populations(language: str) -> dict[str, int]:
    """The largest population listed under each name of ``gazetteer_places(language)``."""
    countries = LANGUAGE_COUNTRIES.get(language, frozenset())
    populations: dict[str, int] = {}
    for country, population, name in _rows():
        if (
            country in countries
            or population >= WORLD_FLOOR
            or (country in LARGER_PLACES and population >= LARGER_FLOOR)
        ):
            populations[name] = max(population, populations.get(name, 0))
    return populations


@functools.cache
def shortened_places(language: str) -> frozenset[str]:
    """The hyphenated names of ``gazetteer_places(language)`` in ``SHORTENED_COUNTRIES``."""
    countries = LANGUAGE_COUNTRIES.get(language, frozenset()) & SHORTENED_COUNTRIES
    return frozenset(name for country, _, name in _rows() if country in countries and "-" in name)


def place_list_key(text: str) -> str:
    """Place-list key: case-folded, accents, hyphens and apostrophes dropped."""
    return " ".join(strip_accents(fold(text)).replace("-", " ").replace("'", " ").split())


@functools.cache
def gazetteer_keys(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Keys of GeoNames' towns and villages (``place_gazetteer``) for ``language``: (the names,
    saint's names also as chat shortens them: "st etienne", "ste foy"; the first parts of the
    hyphenated names of France, Belgium, Switzerland and Luxembourg, as people shorten them:
    "sarlat" for Sarlat-la-Canéda, "thonon" for Thonon-les-Bains; the keys of either kind that
    name a town of ``TOWN_FLOOR`` inhabitants or more, which a reader may take even when the word
    is in the dictionary: Rodez, Kettering; where the language has a table of word probabilities
    (English), only those whose words are rare in lower case: Kettering, not Reading or Bath). Not
    yet filtered: which of them count is decided per word found, so that a process does not judge
    40,000 names at start-up to look up a handful.

    From the start-up cache (``recognizers/disk_cache.py``) when made before from the same list
    file, table and code: reading and folding the list takes about 0.2 s (English about a second
    more, for its word probabilities), reading the keys back 0.03 s."""
    identity = _gazetteer_identity(language)
    path = entry_path(GAZETTEER_CACHE, identity, ".json") if identity is not None else None
    if path is not None and identity is not None:
        entry = read_entry(path, identity)
        if entry is not None:
            with contextlib.suppress(ValueError):
                stored = json.loads(entry[1])
                if (
                    isinstance(stored, list)
                    and len(stored) == 3
                    and all(isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in stored)
                ):
                    return frozenset(stored[0]), frozenset(stored[1]), frozenset(stored[2])
    names, heads, towns = _read_gazetteer_keys(language)
    if path is not None and identity is not None:
        write_entry(path, identity, json.dumps([sorted(names), sorted(heads), sorted(towns)]).encode("utf-8"))
    return names, heads, towns


def lexeme_probabilities(language: str) -> Path | None:
    """spacy-lookups-data's table of the language's word probabilities, if installed (English has
    one; French and Dutch do not)."""
    spec = importlib.util.find_spec(LEMMA_TABLES_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    table = Path(spec.origin).parent / "data" / f"{language}_lexeme_prob.json.gz"
    return table if table.is_file() else None


def _common_in_lower_case(language: str, words: set[str]) -> frozenset[str]:
    """The ``words`` that the language's lexeme table finds frequent in lower case (a log
    probability of ``RARE_LOWERCASE_LOGPROB`` or more); none without a table. Read only while the
    gazetteer's keys are made (about a second for English's million entries), then cached with them."""
    table = lexeme_probabilities(language)
    if table is None:
        return frozenset()
    with gzip.open(table, "rt", encoding="utf-8") as stream:
        probabilities = json.load(stream)
    return frozenset(w for w in words if probabilities.get(w, RARE_LOWERCASE_LOGPROB - 1) >= RARE_LOWERCASE_LOGPROB)


def _gazetteer_identity(language: str) -> dict[str, object] | None:
    """What a cached entry of ``gazetteer_keys`` must have been made from; None when the list is
    not a file (installed in a zip archive): nothing is cached then."""
    try:
        source = Path(str(gazetteer_file()))
        info = source.stat()
        code = hashlib.sha256(Path(__file__).read_bytes())
    except (OSError, TypeError):
        return None
    table = lexeme_probabilities(language)
    table_identity = ""
    if table is not None:
        with contextlib.suppress(OSError):
            stat = table.stat()
            table_identity = f"{table.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    return {
        "format": _GAZETTEER_CACHE_FORMAT,
        "language": language,
        "source": f"{source.resolve()}:{info.st_size}:{info.st_mtime_ns}",
        "lexeme_probabilities": table_identity,
        "code": code.hexdigest() + module_digest(),
        "python": sys.version.split()[0],
        "unicode": unicodedata.unidata_version,
    }


def _read_gazetteer_keys(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    names: set[str] = set()
    heads: set[str] = set()
    towns: set[str] = set()
    shortened = shortened_places(language)
    for name, population in _populations(language).items():
        key = _GAZETTEER_KEYS.get(name)
        if key is None:  # the languages share most names: each is folded once per process
            key = _GAZETTEER_KEYS[name] = place_list_key(name)
        words = key.split()
        if len(key) < MIN_GAZETTEER_KEY or not words:
            continue
        keys = [key]
        if words[0] in SAINT_SHORT:
            keys.append(" ".join([SAINT_SHORT[words[0]], *words[1:]]))
        names.update(keys)
        if name in shortened and len(words[0]) >= MIN_SHORTENED_NAME and words[0] not in NAME_OPENERS:
            heads.add(words[0])
            keys.append(words[0])
        if population >= TOWN_FLOOR:
            towns.update(keys)
    common = _common_in_lower_case(language, {word for key in towns for word in key.split()})
    towns = {key for key in towns if not any(word in common for word in key.split())}
    return frozenset(names), frozenset(heads - names), frozenset(towns)
