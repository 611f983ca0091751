"""The start-up cache: an entry is used only when it is whole and made from the same source, and the
cached dictionary of a model's lemma tables is the dictionary the tables give."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.strings import hash_string  # type: ignore[attr-defined]
from srsly import msgpack_dumps

from processors.regex_cache import cached_compiles
from recognizers import disk_cache
from recognizers.disk_cache import default_cache_dir, private_dir, read_entry, write_entry
from recognizers.names import lexicons
from recognizers.names.lexicons import DICTIONARY_CACHE, Dictionary, _cached_dictionary

WORDS = ["chat", "chats", "pouvez", "livraison", "aller", "allé"]


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PIIFLOW_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def lemma_tables(path: Path, lookup: list[str] = WORDS[:4]) -> Path:
    """A small ``lookups.bin`` in spaCy's layout: lookup by hash, exceptions and index by form."""
    tables = {
        "lemma_lookup": {hash_string(w): [w[:4]] for w in lookup},
        "lemma_exc": {"verb": {"allé": ["aller"]}},
        "lemma_index": {"verb": ["aller"]},
        "lemma_rules": {"noun": [["s", ""]]},
    }
    path.write_bytes(msgpack_dumps(tables))
    return path


def test_the_cached_dictionary_is_the_dictionary_of_the_tables(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = lemma_tables(tmp_path / "lookups.bin")
    fresh = Dictionary(lexicons._lookup_table_hashes(tables))
    assert all(w in fresh for w in WORDS) and "absent" not in fresh
    first = _cached_dictionary(tables)
    assert first.to_bytes() == fresh.to_bytes()
    assert len(list((cache_dir / DICTIONARY_CACHE).glob("*.hashes"))) == 1

    def unread(path: Path) -> object:
        raise AssertionError("the tables were read again")

    monkeypatch.setattr(lexicons, "_lookup_table_hashes", unread)
    again = _cached_dictionary(tables)
    assert again.to_bytes() == fresh.to_bytes()
    assert all(w in again for w in WORDS) and "absent" not in again


def test_a_changed_source_file_is_read_again(cache_dir: Path, tmp_path: Path) -> None:
    tables = lemma_tables(tmp_path / "lookups.bin")
    assert "nouveau" not in _cached_dictionary(tables)
    lemma_tables(tables, [*WORDS[:4], "nouveau"])
    stamp = tables.stat().st_mtime_ns + 1_000_000_000
    os.utime(tables, ns=(stamp, stamp))
    assert "nouveau" in _cached_dictionary(tables)


def test_a_damaged_entry_is_ignored_and_made_again(cache_dir: Path, tmp_path: Path) -> None:
    tables = lemma_tables(tmp_path / "lookups.bin")
    expected = _cached_dictionary(tables).to_bytes()
    [entry] = (cache_dir / DICTIONARY_CACHE).glob("*.hashes")
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF  # one hash changed: the payload no longer matches its digest
    entry.write_bytes(bytes(data))
    assert _cached_dictionary(tables).to_bytes() == expected
    assert entry.read_bytes() != bytes(data)  # written anew


def test_entries_are_used_only_with_every_expected_field(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    assert write_entry(path, {"format": 1, "source": "a"}, b"payload")
    assert read_entry(path, {"format": 1, "source": "a"}) == (
        {"format": 1, "source": "a", "payload_sha256": json.loads(path.read_bytes().split(b"\n")[0])["payload_sha256"]},
        b"payload",
    )
    assert read_entry(path, {"format": 2, "source": "a"}) is None
    assert read_entry(path, {"format": 1, "source": "a", "python": "3.11"}) is None
    path.write_bytes(path.read_bytes()[:-1])
    assert read_entry(path, {"format": 1}) is None
    assert read_entry(tmp_path / "missing", {}) is None


def test_the_cache_directory_is_private_or_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    made = private_dir("kind", tmp_path)
    assert made == tmp_path / "kind" and (made.stat().st_mode & 0o777) == 0o700
    (tmp_path / "shared").mkdir()
    os.chmod(tmp_path / "shared", 0o777)
    with caplog.at_level("INFO", logger=disk_cache.__name__):
        assert private_dir("shared", tmp_path) is None
        assert private_dir("shared", tmp_path) is None
    assert sum("not private" in r.getMessage() for r in caplog.records) == 1  # said once
    monkeypatch.setenv("PIIFLOW_CACHE_DIR", "off")
    assert private_dir("kind") is None


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PIIFLOW_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    for off in ("off", "OFF", ""):
        monkeypatch.setenv("PIIFLOW_CACHE_DIR", off)
        assert default_cache_dir() is None
    monkeypatch.delenv("PIIFLOW_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "piiflow"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "piiflow"


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """A container run under an arbitrary uid may have neither $HOME nor a passwd entry."""
    monkeypatch.delenv("PIIFLOW_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert default_cache_dir() is None
    with cached_compiles() as cache:
        assert cache is None


# --- Faker's and deduce's word sets ----------------------------------------------------------


class _Reads:
    """A ``read`` for ``_cached_word_sets`` that counts its calls."""

    def __init__(self, sets: tuple[frozenset[str], ...]) -> None:
        self.sets = sets
        self.calls = 0

    def __call__(self) -> tuple[frozenset[str], ...]:
        self.calls += 1
        return self.sets


SETS = (frozenset({"émilie", "o'neill", "zoë", "\ud800lone"}), frozenset())  # a lone surrogate too


def test_word_sets_are_read_once_then_come_from_the_cache(cache_dir: Path) -> None:
    sets = SETS
    reads = _Reads(sets)
    assert lexicons._cached_word_sets("test-kind", ("json",), reads) == sets
    assert lexicons._cached_word_sets("test-kind", ("json",), reads) == sets
    assert reads.calls == 1
    assert len(list((cache_dir / lexicons.WORD_SETS_CACHE).glob("*.json"))) == 1
    other = _Reads((frozenset({"x"}),))
    assert lexicons._cached_word_sets("other-kind", ("json",), other) == (frozenset({"x"}),)  # its own entry
    assert other.calls == 1


def test_word_sets_of_a_missing_package_are_never_cached(cache_dir: Path) -> None:
    reads = _Reads((frozenset({"a"}),))
    for _ in range(2):
        assert lexicons._cached_word_sets("test-kind", ("json", "no_such_package_here"), reads) == reads.sets
    assert reads.calls == 2
    assert not list((cache_dir / lexicons.WORD_SETS_CACHE).glob("*.json"))


def test_word_sets_of_a_package_that_is_not_a_plain_file_are_read_without_the_cache(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package installed in a zip archive has an ``origin`` that ``stat`` cannot open."""
    import importlib.machinery

    origin = cache_dir / "site.zip" / "zipped" / "__init__.py"
    zipped = importlib.machinery.ModuleSpec("zipped", None, origin=str(origin))
    monkeypatch.setattr(lexicons.importlib.util, "find_spec", lambda name: zipped)
    reads = _Reads((frozenset({"a"}),))
    assert lexicons._cached_word_sets("test-kind", ("zipped",), reads) == reads.sets
    assert reads.calls == 1
    assert not list((cache_dir / lexicons.WORD_SETS_CACHE).glob("*.json"))


def test_word_sets_are_read_again_when_this_module_or_the_entry_changes(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _Reads((frozenset({"a", "b"}),))
    lexicons._cached_word_sets("test-kind", ("json",), reads)
    [entry] = (cache_dir / lexicons.WORD_SETS_CACHE).glob("*.json")
    entry.write_bytes(entry.read_bytes().replace(b'"a"', b'"c"'))  # no longer matches its digest
    assert lexicons._cached_word_sets("test-kind", ("json",), reads) == reads.sets
    assert reads.calls == 2
    monkeypatch.setattr(lexicons, "module_digest", lambda: "another version of the folding code")
    assert lexicons._cached_word_sets("test-kind", ("json",), reads) == reads.sets
    assert reads.calls == 3


def test_cached_word_sets_equal_the_lists_read_afresh(cache_dir: Path) -> None:
    """Every word set that goes through the cache, read twice (the second time from the cache), is
    what reading Faker, deduce and spaCy afresh gives."""
    by_language = {"places": lexicons.faker_places, "street": lexicons.faker_street_words}
    cached: dict[str, Callable[[], object]] = {
        "names": lexicons.faker_names.__wrapped__,
        "dutch": lexicons.dutch_names.__wrapped__,
        "world": lexicons.world_places.__wrapped__,
        "world-nl": functools.partial(lexicons.world_places.__wrapped__, "nl"),
        "frequent-en": functools.partial(lexicons._frequent_words.__wrapped__, "en"),
        "frequent-nl": functools.partial(lexicons._frequent_words.__wrapped__, "nl"),
    }
    for kind, function in by_language.items():
        for lang in ("en", "fr", "nl") if kind == "places" else ("en", "nl"):
            cached[f"{kind}-{lang}"] = functools.partial(function.__wrapped__, lang)
    first = {name: make() for name, make in cached.items()}
    # world places are read through two entries (Faker's, pycountry's), and one more per language
    assert len(list((cache_dir / lexicons.WORD_SETS_CACHE).glob("*.json"))) == len(cached) + 1
    second = {name: make() for name, make in cached.items()}
    assert second == first
    afresh = {
        "names": lexicons._read_faker_names(),
        "dutch": lexicons._read_dutch_names(),
        **{f"places-{lang}": lexicons._read_faker_places(lang) for lang in ("en", "fr", "nl")},
        **{f"street-{lang}": lexicons._read_faker_street_words(lang) for lang in ("en", "nl")},
        **{f"frequent-{lang}": lexicons._read_frequent_words(lang) for lang in ("en", "nl")},
    }
    for name, words in afresh.items():
        assert second[name] == words, name
    assert "sydney" in second["world"] and "antwerpen" in second["places-nl"]
    assert "hampshire" in second["world"] and "jeruzalem" in second["world-nl"] - second["world"]
    assert len(second["names"][0]) > 5_000 and len(second["dutch"][1]) > 5_000
