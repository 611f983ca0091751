"""The name recognizers' tokenizer: the tokens and offsets of the regex's ``finditer``, with the
word facts each token carries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.names.lexicons import _TOKEN_RE, Token, tokenize

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
