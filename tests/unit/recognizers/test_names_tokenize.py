"""The name recognizers' tokenizer: the tokens and offsets of the regex's ``finditer``, with the
word facts each token carries."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.names import lexicons
from recognizers.names.lexicons import _TOKEN_RE, Token, keeping_tokens, tokenize

PIECES = st.sampled_from([*"ab Zé0 9\t\n.,-'’_@", "J.", "l'", "van der", "😀", "\u00a0", "\u200b", "ﬁ", "١٢"])


def _reference(text: str) -> tuple[Token, ...]:
    return tuple(Token.of(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_tokens_equal_those_of_finditer(text: str) -> None:
    assert tokenize(text) == _reference(text)


def test_offsets_point_at_the_tokens() -> None:
    text = "Bonjour  Marie-Claire, j'ai 2 colis\tpour l'adresse 12 rue X."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:6] == ["Bonjour", "Marie-Claire", ",", "j'ai", "2", "colis"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[1].key == "marie-claire" and tokens[1].is_capitalised and not tokens[4].is_word


def test_tokens_are_kept_for_the_whole_scope_and_forgotten_after_it() -> None:
    texts = [f"message {n} from Jan" for n in range(100)]  # more than the small cache of recent texts
    with keeping_tokens():
        first = [tokenize(t) for t in texts]
        with keeping_tokens():  # a nested scope closing does not forget the outer one's tokens
            tokenize("inner text")
        assert all(tokenize(t) is tokens for t, tokens in zip(texts, first, strict=True))  # not tokenized again
        assert len(lexicons._KEPT.tokens) == 101
    assert lexicons._KEPT.tokens == {}  # no text outlives the scope
    assert [tokenize(t) for t in texts] == first


def test_tokens_are_forgotten_when_the_scope_fails() -> None:
    try:
        with keeping_tokens():
            tokenize("Bonjour Marie")
            raise RuntimeError("detection failed")
    except RuntimeError:
        pass
    assert lexicons._KEPT.tokens == {}
    assert lexicons._KEPT.scopes == 0


def test_each_thread_keeps_its_own_tokens() -> None:
    seen: dict[str, int] = {}

    def other_thread() -> None:
        tokenize("not kept: this thread has no scope open")
        with keeping_tokens():
            tokenize("kept by the other thread only")
            seen["inside"] = len(lexicons._KEPT.tokens)
        seen["after"] = len(lexicons._KEPT.tokens)

    with keeping_tokens():
        tokenize("kept by the main thread")
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert list(lexicons._KEPT.tokens) == ["kept by the main thread"]  # the other's scope closing left it alone
    assert seen == {"inside": 1, "after": 0}
    assert lexicons._KEPT.tokens == {}
