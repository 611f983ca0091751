"""The compiled-regex cache: a cached pattern is exactly the pattern ``re`` compiles, a damaged or
foreign entry is never used, and a directory others can write to is refused."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from processors import regex_cache
from processors.regex_cache import MIN_CACHED_LENGTH, SUBDIR, CompiledRegexCache, cached_compiles

REPO = Path(__file__).resolve().parents[2]


def long_pattern(tag: str) -> str:
    """A pattern long enough to be cached, unique per test (``re`` keeps its own in-process cache),
    with what the French tokenizer's has: alternatives, letter classes, named and plain groups."""
    words = [f"{tag}{i}" for i in range(MIN_CACHED_LENGTH // 40 + 1)]
    alternatives = "|".join(f"(?:^{w}[-‐][^\\W\\d_]+(?:l['’])?[a-zàâçéèêëîïôûùüÿñæœ]*$)" for w in words)
    return f"(?P<head>x)?(y)?(?:{alternatives})"


def samples(tag: str) -> list[str]:
    return [f"{tag}0-Vampire", f"{tag}7-éTÉ", f"{tag}3-l'été", "nothing", f"{tag}1_x", f"X{tag}2-abc"]


def entries(directory: Path) -> list[Path]:
    return sorted((directory / SUBDIR).glob("*.re"))


def test_a_slow_pattern_is_stored_then_rebuilt_identical(tmp_path: Path) -> None:
    pattern = long_pattern("rt")
    assert len(pattern) >= MIN_CACHED_LENGTH
    with cached_compiles(tmp_path, slow_seconds=0.0) as cache:
        assert cache is not None
        first = re.compile(pattern, re.IGNORECASE)
    assert cache.stored == 1 and cache.hits == 0
    assert len(entries(tmp_path)) == 1
    rebuilt = CompiledRegexCache(tmp_path / SUBDIR).compile(pattern, re.IGNORECASE)
    fresh = re._compiler.compile(pattern, re.IGNORECASE)  # type: ignore[attr-defined]
    # Pattern equality compares the flags, the pattern string and the compiled code itself.
    assert rebuilt == fresh == first
    assert (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (fresh.flags, fresh.groups, fresh.groupindex)
    for text in samples("rt"):
        expected = fresh.match(text)
        got = rebuilt.match(text)
        assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups()))
    assert any(fresh.match(text) for text in samples("rt"))


def test_inside_the_block_re_compile_takes_the_cached_entry(tmp_path: Path) -> None:
    pattern = long_pattern("hit")
    (tmp_path / SUBDIR).mkdir(mode=0o700)
    CompiledRegexCache(tmp_path / SUBDIR, slow_seconds=0.0).compile(pattern, 0)
    with cached_compiles(tmp_path) as cache:
        assert cache is not None
        compiled = re.compile(pattern)
    assert cache.hits == 1 and cache.stored == 0
    assert compiled == re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]


def test_short_and_fast_patterns_are_not_stored(tmp_path: Path) -> None:
    with cached_compiles(tmp_path) as cache:
        assert cache is not None
        re.compile("short-pattern-[a-z]+-not-cached")
        re.compile(long_pattern("fast"))  # long, but compiles well under the default threshold
    assert cache.stored == 0 and entries(tmp_path) == []


@pytest.mark.parametrize("damage", ["code", "python", "pattern", "truncate", "garbage"])
def test_a_damaged_or_foreign_entry_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    pattern = long_pattern(f"dmg{damage}")
    with cached_compiles(tmp_path, slow_seconds=0.0):
        re.compile(pattern)
    [entry] = entries(tmp_path)
    header_line, raw = entry.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    if damage == "code":
        raw = bytes([raw[0] ^ 1]) + raw[1:]
    elif damage == "python":
        header["python"] = "2.7.18"
    elif damage == "pattern":
        header["pattern_sha256"] = "0" * 64
    elif damage == "truncate":
        raw = raw[: len(raw) // 2]
    entry.write_bytes(b"{not json\n" + raw if damage == "garbage" else json.dumps(header).encode() + b"\n" + raw)
    cache = CompiledRegexCache(tmp_path / SUBDIR, slow_seconds=0.0)
    compiled = cache.compile(pattern, 0)
    assert cache.hits == 0 and cache.stored == 1  # compiled as usual, and the entry written anew
    assert compiled == re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]
    assert CompiledRegexCache(tmp_path / SUBDIR).compile(pattern, 0) == compiled


def test_a_directory_others_may_write_to_is_not_used(tmp_path: Path) -> None:
    (tmp_path / SUBDIR).mkdir(mode=0o700)
    os.chmod(tmp_path / SUBDIR, 0o777)
    pattern = long_pattern("shared")
    with cached_compiles(tmp_path, slow_seconds=0.0) as cache:
        assert cache is None
        compiled = re.compile(pattern)
    assert entries(tmp_path) == []
    assert compiled.match(samples("shared")[0])


def test_a_directory_that_cannot_be_made_leaves_compiling_as_usual(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with cached_compiles(blocker, slow_seconds=0.0) as cache:
        assert cache is None
        assert re.compile(long_pattern("nodir")).match(samples("nodir")[0])


def test_the_block_restores_re(tmp_path: Path) -> None:
    original = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(re.error), cached_compiles(tmp_path):
        re.compile("(unbalanced" + "x" * MIN_CACHED_LENGTH)
    assert re._compiler.compile is original  # type: ignore[attr-defined]
    assert regex_cache._compiler.compile is original


def test_the_french_tokenizer_pattern_comes_from_the_cache_on_the_second_start(tmp_path: Path) -> None:
    """The pattern this cache exists for: spaCy's French token_match, about 4 s to compile. A fresh
    process stores it; the next takes it from the cache, and it is the pattern ``re`` compiles."""
    script = textwrap.dedent(
        """
        import json, re
        from processors import regex_cache
        made = []
        init = regex_cache.CompiledRegexCache.__init__
        def spy(self, *args, **kwargs):
            init(self, *args, **kwargs)
            made.append(self)
        regex_cache.CompiledRegexCache.__init__ = spy
        from processors.nlp import load_pipeline
        nlp, _ = load_pipeline("fr", ["fr_core_news_sm"])
        token_match = nlp.tokenizer.token_match.__self__
        check = {"hits": sum(c.hits for c in made), "stored": sum(c.stored for c in made)}
        if check["hits"]:
            check["same"] = token_match == re._compiler.compile(token_match.pattern, 0)
        print(json.dumps(check))
        """
    )
    env = {**os.environ, "PIIFLOW_CACHE_DIR": str(tmp_path)}

    def start() -> dict[str, object]:
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True
        )
        result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
        return result

    assert start() == {"hits": 0, "stored": 1}
    assert len(entries(tmp_path)) == 1
    assert start() == {"hits": 1, "stored": 0, "same": True}


def test_character_classes_optimised_once_give_the_same_code() -> None:
    """Within ``_charsets_optimised_once`` each distinct class is worked out once; the compiled
    pattern is the plain compile's, and re's own function is back afterwards."""
    original = re._compiler._optimize_charset  # type: ignore[attr-defined]
    calls: list[int] = []

    def counting(*args: object) -> object:
        calls.append(1)
        return original(*args)

    pattern = long_pattern("classes")
    for flags in (0, re.IGNORECASE):
        calls.clear()
        re._compiler._optimize_charset = counting  # type: ignore[attr-defined]
        try:
            with regex_cache._PATCH_LOCK, regex_cache._charsets_optimised_once():
                tree = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
                code = re._compiler._code(tree, flags)  # type: ignore[attr-defined]
        finally:
            re._compiler._optimize_charset = original  # type: ignore[attr-defined]
        plain_tree = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
        assert code == re._compiler._code(plain_tree, flags)  # type: ignore[attr-defined]
        assert 0 < len(calls) < 10  # a handful of distinct classes, among hundreds of occurrences
    assert re._compiler._optimize_charset is original  # type: ignore[attr-defined]
