"""Names listed next to a name: "founders: Eklund, Michael and Hodge", "my kids emma, liam and noah".

Not a recognizer: recognizers see one text each, never what the others found, and a list is
evidence only once one of its items is known to be a person. ``processors.detection`` calls
``ListedNames.find`` on a message's resolved entities, for every recognizer's names at once.

Why: the name lists know "Michael" but not "Eklund" or "Hodge"; spaCy's small models read a lone
unknown surname as an organisation or a place, or not at all, and names typed in lower case in a
list ("silvana, adam, christopher") are each too weak alone. Coordination is strong evidence:
people list people with people. The rule stays narrow: items of one to three words on the line of
the name, joined to it by commas or the language's "and"/"or"; each word capitalised and no
common word, place, title, greeting, month or organisation word, or, in lower case, a listed
first name or surname that is no common word. The walk stops at the first item that fails, and a
list counts only with a conjunction or three items: "Hello Emma, Vodafone here" is no list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from recognizers.names.lexicons import NameLexicon, Token, fold, tokenize

#: Words that join the items of a list, per language ("Jan en Piet", "Marie et Paul").
LIST_CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or"}),
    "fr": frozenset({"et", "ou"}),
    "nl": frozenset({"en", "of"}),
}
# No "&": it joins the names of firms ("Lernout & Hauspie", "J. Leleux & Co") as often as people.
LIST_COMMAS = frozenset({",", ";"})
MAX_ITEM_WORDS = 3
MIN_WORD_LETTERS = 2
LISTED_NAMES = "ListedNames"  # the rule's name: ``Entity.recognizer``, ``detection.disabled_recognizers``
LISTED_SCORE = 0.6  # a name found only by its place in a list: as a lone known first name
MIN_SEED_SCORE = 0.6  # a weaker name (a capitalisation guess) does not vouch for its neighbours
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
MIN_ITEMS_BESIDE_PLACE = 2  # list items, the seed aside, that a first name that is also a place needs
BEFORE_WINDOW = 60  # characters searched before a name for a listed word and a separator
_WORD = r"[^\W\d_][\w'’-]*"  # a word as ``lexicons.tokenize`` cuts one (letters first)
_WORD_ONLY = re.compile(_WORD)


@dataclass(frozen=True, slots=True)
class ListedItem:
    """A list item next to a name, as a character span (it may already be a name itself)."""

    start: int
    end: int


class ListedNames:
    """The list items next to a language's person names that look like names themselves."""

    def __init__(self, lexicon: NameLexicon) -> None:
        self.lexicon = lexicon
        self.conjunctions = LIST_CONJUNCTIONS.get(lexicon.language, frozenset())
        conjunction = "|".join(sorted(self.conjunctions)) or "(?!)"
        # The words beside a name across a separator, found on the raw text: a name in chat is
        # mostly followed by a comma ("Hi Sarah, I ...") and hardly ever by a list, so the text is
        # tokenized only when such a word could be a listed name.
        self._word_after = re.compile(
            rf"[ \t]*(?:[,;][ \t]*(?:(?:{conjunction})[ \t]+)?|(?:{conjunction})[ \t]+)({_WORD})", re.IGNORECASE
        )

    def find(self, text: str, persons: Sequence[tuple[int, int, float]]) -> list[ListedItem]:
        """Name-like items listed with the names at ``persons`` (start, end, score), in text order,
        each once, seeds excluded. A seed is a name scored ``MIN_SEED_SCORE`` or more whose span
        starts and ends on token edges."""
        seeds = [(s, e) for s, e, score in persons if score >= MIN_SEED_SCORE and self._beside_separator(text, s, e)]
        if not seeds:
            return []
        tokens = tokenize(text)
        first_at = {t.start: i for i, t in enumerate(tokens)}
        last_at = {t.end: i for i, t in enumerate(tokens)}
        seen = set(seeds)
        found: list[ListedItem] = []
        for start, end in seeds:
            if start not in first_at or end not in last_at:
                continue
            # each walk goes on along the list past other names: one seed reaches every item
            after = self._items_after(text, tokens, last_at[end] + 1)
            before = self._items_before(text, tokens, first_at[start] - 1)
            items = [*after, *before]
            if len(items) < 2 and not any(conjunction for _, conjunction in items):
                continue  # "Hello Emma, Vodafone here": two items and a comma are a greeting as often
            if len(items) < MIN_ITEMS_BESIDE_PLACE:
                # "sarah and paris": a first name that is also a place is a name in a longer list only
                items = [(span, c) for span, c in items if fold(text[span[0] : span[1]]) not in self.lexicon.places]
            for span, _ in items:
                if span not in seen:
                    seen.add(span)
                    found.append(ListedItem(*span))
        return sorted(found, key=lambda item: item.start)

    # ----------------------------------------------------------------------------------------

    def _beside_separator(self, text: str, start: int, end: int) -> bool:
        """A cheap test before tokenizing: a name-like word across a comma or a conjunction right
        after or right before the span."""
        after = self._word_after.match(text, end)
        if after is not None and self._name_word(Token.of(after.group(1), after.start(1), after.end(1))):
            return True
        previous = text[max(0, start - 4) : start].rstrip(" \t")[-1:]
        if not previous or not (previous in LIST_COMMAS or previous.isalpha()):
            return False  # nothing, or punctuation other than a comma, right before the name
        words = text[max(0, start - BEFORE_WINDOW) : start].split()
        if words and words[-1].lower() in self.conjunctions:
            words.pop()  # "Sarah and" (a comma before "and" is stripped below)
        elif not (words and words[-1][-1] in LIST_COMMAS):
            return False
        word = words[-1].rstrip(",;") if words else ""
        if not word and len(words) > 1:
            word = words[-2]  # "Sarah , Tom"
        return _WORD_ONLY.fullmatch(word) is not None and self._name_word(Token.of(word, 0, len(word)))

    def _separator_width(self, tokens: Sequence[Token], index: int, step: int) -> int:
        """Tokens taken by a list separator at ``index`` walking by ``step``: ",", "and", ", and"."""
        if not 0 <= index < len(tokens):
            return 0
        token = tokens[index]
        comma, conjunction = token.text in LIST_COMMAS, token.key in self.conjunctions
        if not (comma or conjunction):
            return 0
        following = index + step
        if 0 <= following < len(tokens):
            other = tokens[following]
            if (comma and other.key in self.conjunctions) or (conjunction and other.text in LIST_COMMAS):
                return 2  # ", and" (read backwards from "and": "and" then ",")
        return 1

    def _items_after(self, text: str, tokens: Sequence[Token], index: int) -> list[tuple[tuple[int, int], bool]]:
        """The items of the list that goes on at ``tokens[index]`` (a separator), left to right,
        each with whether a conjunction joins it to the list."""
        items: list[tuple[tuple[int, int], bool]] = []
        while 0 < index < len(tokens):
            width = self._separator_width(tokens, index, 1)
            first = index + width
            if not width or first >= len(tokens) or not _spaced(text, tokens[index - 1], tokens[first]):
                break
            last = first + 1  # exclusive
            if not self._name_word(tokens[first]):
                break
            while (
                last < len(tokens)
                and last - first < MAX_ITEM_WORDS
                and _joined(text, tokens[last - 1], tokens[last])
                and self._name_word(tokens[last])
            ):
                last += 1
            if not self._item_ends(text, tokens, last) or not self._plausible(tokens[first:last]):
                break
            conjunction = any(t.key in self.conjunctions for t in tokens[index:first])
            items.append(((tokens[first].start, tokens[last - 1].end), conjunction))
            index = last
        return items

    def _items_before(self, text: str, tokens: Sequence[Token], index: int) -> list[tuple[tuple[int, int], bool]]:
        """The items of the list that goes on at ``tokens[index]`` (a separator), right to left,
        each with whether a conjunction joins it to the list."""
        items: list[tuple[tuple[int, int], bool]] = []
        while 0 <= index < len(tokens) - 1:
            width = self._separator_width(tokens, index, -1)
            last = index - width  # inclusive
            if not width or last < 0 or not _spaced(text, tokens[last], tokens[index + 1]):
                break
            if not self._name_word(tokens[last]):
                break
            first = last
            while (
                first > 0
                and last - first + 1 < MAX_ITEM_WORDS
                and _joined(text, tokens[first - 1], tokens[first])
                and self._name_word(tokens[first - 1])
            ):
                first -= 1
            if not self._item_starts(text, tokens, first) or not self._plausible(tokens[first : last + 1]):
                break
            conjunction = any(t.key in self.conjunctions for t in tokens[last + 1 : index + 1])
            items.append(((tokens[first].start, tokens[last].end), conjunction))
            index = first - 1
        return items

    def _item_ends(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """What follows an item read forwards (``tokens[index]``): nothing, punctuation, a
        possessive, or a word after a space that is no part of a longer name or address: not
        capitalised ("Nera Economic Consulting"), no number ("Maarit and Hersnapvej 75"), no name
        particle ("Jan van Dijk": the item would be half a name), no "&"."""
        if index >= len(tokens):
            return True
        token = tokens[index]
        if token.key in POSSESSIVES or token.text in POSSESSIVES:
            return True
        if not _joined(text, tokens[index - 1], token):
            return True
        return not (
            token.is_capitalised or token.key in self.lexicon.particles or token.text[:1].isdigit() or token.text == "&"
        )

    def _item_starts(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """What precedes an item read backwards: nothing, punctuation, or a word after which no
        name goes on: not capitalised, no name particle, no "&" ("Kinky & Cosy")."""
        if index == 0 or not _joined(text, tokens[index - 1], tokens[index]):
            return True
        previous = tokens[index - 1]
        return not (previous.is_capitalised or previous.key in self.lexicon.particles or previous.text == "&")

    def _plausible(self, words: Sequence[Token]) -> bool:
        """An item as a whole: no place ("Sarah and Paris"), one case throughout."""
        lex = self.lexicon
        key = " ".join(fold(t.text) for t in words)
        if key in lex.allow or (key in lex.places and not (len(words) == 1 and self._first_name_and_place(words[0]))):
            return False
        lower = [t.text.islower() for t in words]
        return all(lower) or not any(lower)

    def _first_name_and_place(self, token: Token) -> bool:
        """A listed first name in lower case that is also a place: alone as an item of a list of three
        names or more typed in lower case, the name ("kristina, chad and caleb", "emma, jordan and
        noah"; ``find`` drops it from shorter lists: "sarah and paris"); a capitalised one stays a
        place ("Sarah and Paris")."""
        return token.text.islower() and token.key in self.lexicon.first_names

    def _name_word(self, token: Token) -> bool:
        """A word that may be (part of) a listed person's name."""
        if not token.is_word or len(token.text) < MIN_WORD_LETTERS or token.is_upper:
            return False
        lex = self.lexicon
        key = token.key
        if (
            lex.is_common(key)
            or key in lex.titles
            or key in lex.greetings
            or key in lex.date_words
            or key in lex.duration_words  # "ma fille a 91 ans et Marcelle": "ans" is years, not Ans
            or (key in lex.places and not self._first_name_and_place(token))
            or key in lex.person_nouns
            or key in lex.particles
            or lex.has_suffix(key, lex.organization_words)
            or lex.has_suffix(key, lex.street_words)
            or lex.is_adjective(key)
        ):
            return False
        if token.is_capitalised:
            return lex.is_known_name(key) or not lex.in_dictionary(key)
        return token.text.islower() and lex.is_known_name(key)


def _joined(text: str, left: Token, right: Token) -> bool:
    """Two words of one item: separated by spaces only (no line break, no punctuation)."""
    gap = text[left.end : right.start]
    return bool(gap) and not gap.strip(" \t")


def _spaced(text: str, left: Token, right: Token) -> bool:
    """A separator and the item beside it are on one line."""
    return "\n" not in text[left.end : right.start]
