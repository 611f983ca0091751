"""Names a conversation has given: found again in its later messages.

A customer gives a name once, with a cue ("Hi, I'm Sarah Connor", "met Joost Brinkman"), and uses
it again later without one ("it should be addressed to connor", "het pakket voor brinkman"):
per-message detection sees no reason to call the later word a name, and it reached the output.
The pipeline remembers the words of each conversation's detected names and, in its later
messages, reports a word that is one of them as a PERSON too: written with a capital, or, in
lower case, when it is no common word of the message's language ("will" after "Will Smith" may be
the verb; "connor" is only the name).

Held in memory only, in the process that runs ``Pipeline.prepare`` and ``finish`` (the worker;
``piiflow redact``'s own process), for the ``capacity`` most recent conversations that named
someone, at most ``max_words`` words each; never logged or published. Like the conversation's
context words, it starts empty after a restart or a rebalance.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from processors.conversation import CONVERSATIONS_KEPT, keep_latest
from processors.detection import Entity
from recognizers.entities import PERSON
from recognizers.names.lexicons import CONVERSATION_NAMES, NameLexicon, tokenize

RECOGNIZER = CONVERSATION_NAMES
WHY = "name given earlier in the conversation"
SCORE = 0.6
#: Shorter words are initials, particles and titles ("J", "de", "Mr"): not worth recalling.
MIN_LETTERS = 3


class ConversationNames:
    """LRU map conversation id → the words of the names it has given (folded, as tokens key them)."""

    def __init__(self, capacity: int = CONVERSATIONS_KEPT, max_words: int = 12) -> None:
        self.capacity = capacity
        self.max_words = max_words
        self._names: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def recall(self, conversation: str, text: str, entities: Sequence[Entity], lexicon: NameLexicon) -> list[Entity]:
        """``entities`` with, added, each word of ``text`` that is a word of a name the conversation
        gave before and that no entity covers yet: capitalised, or not a common word of the
        message's language (``lexicon``)."""
        known = self._names.get(conversation)
        if not known:
            return list(entities)
        found = list(entities)
        for token in tokenize(text):
            if token.key not in known or any(e.start < token.end and token.start < e.end for e in entities):
                continue
            if token.is_capitalised or token.text.isupper() or not _word_of_the_language(token.key, lexicon):
                found.append(Entity(PERSON, token.start, token.end, SCORE, RECOGNIZER, WHY))
        return sorted(found, key=lambda e: (e.start, e.end)) if len(found) > len(entities) else found

    def remember(self, conversation: str, text: str, entities: Sequence[Entity], lexicon: NameLexicon) -> None:
        """Add the words of ``text``'s PERSON entities to the conversation's names (the latest
        ``max_words``), but for titles, particles, greetings and stop words ("Mme", "van", "Hi")."""
        words = [
            token.key
            for entity in entities
            if entity.entity_type == PERSON
            for token in tokenize(text[entity.start : entity.end])
            if token.is_word and len(token.key) >= MIN_LETTERS and not _name_furniture(token.key, lexicon)
        ]
        if not words:
            return
        kept = tuple(dict.fromkeys((*self._names.get(conversation, ()), *words)))[-self.max_words :]
        keep_latest(self._names, conversation, kept, self.capacity)

    def __len__(self) -> int:
        return len(self._names)


def _name_furniture(key: str, lexicon: NameLexicon) -> bool:
    """A title, particle, greeting, closing or stop word: inside a name's span, not the name."""
    return key in lexicon.stop_words or key in lexicon.particles or key in lexicon.greetings_and_closings


def _word_of_the_language(key: str, lexicon: NameLexicon) -> bool:
    """A common word, or a first name that is an everyday word ("will", "pat"): in lower case
    after the name was given, as likely the word ("I will call") as the name."""
    return lexicon.is_common(key) or key in lexicon.word_first_names
