"""Conversation context: the words of a conversation's previous message, as context for the next.

In chat a customer often answers the agent's question with a bare value: "wat is uw bsn?" then
"123456782". The context word is in the previous message, where per-message detection cannot see
it. The pipeline passes the previous message's words as Presidio's external context, which lifts
weak, context-dependent matches (a bare BSN, a 13-digit NIR without key) exactly as a context word
inside the message would. The detector also reads a message as the reply to the previous message's
question when it is nothing else (``recognizers.base.RepliesToQuestions``): "wat is uw
achternaam?" then "Brinkerhoff" is a name, "date of birth?" then "12/03/1985" a date of birth.

Held in memory only, lower-cased words of one message per conversation (of its last ``max_words``,
only those ``keep`` returns: in the pipeline, the words a recognizer's context word is part of, the
only ones that can change a result), for the ``capacity`` most recent conversations with any such
word; never logged or published. Like numbered placeholders,
it lives in one worker process: after a restart or a rebalance the first message of a conversation
has no previous context.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TypeVar

V = TypeVar("V")

_WORD = re.compile(r"[^\W\d_]{2,}")
#: How many conversations a worker keeps state for (context words here, language in
#: ``processors.conversation_language``), the most recent ones.
CONVERSATIONS_KEPT = 20_000


def keep_latest(store: OrderedDict[str, V], conversation: str, value: V, capacity: int) -> None:
    """Set ``conversation``'s entry of an LRU map of conversations, as its most recent, and drop the
    least recent beyond ``capacity``: the one bound of every per-conversation map of the pipeline
    (context words here, language, names)."""
    store[conversation] = value
    store.move_to_end(conversation)
    if len(store) > capacity:
        store.popitem(last=False)


class ConversationContext:
    """LRU map conversation id → words of its latest message.

    The words are kept as one space-separated string (they are letters only, so a space cannot be
    part of one): 30 words take about 250 bytes that way, against about 2 KB as a list of separate
    strings, which at 20,000 conversations is some 30 MB of a worker's memory.
    """

    def __init__(
        self,
        capacity: int = CONVERSATIONS_KEPT,
        max_words: int = 30,
        keep: Callable[[Sequence[str]], Sequence[str]] | None = None,
    ) -> None:
        self.capacity = capacity
        self.max_words = max_words
        self.keep = keep
        self._words: OrderedDict[str, str] = OrderedDict()

    def previous(self, conversation: str) -> list[str]:
        """Words of the conversation's previous message (empty when unknown)."""
        return self._words.get(conversation, "").split()

    def remember(self, conversation: str, text: str) -> None:
        """Keep the last ``max_words`` words of ``text`` (those ``keep`` keeps) as the conversation's
        latest message. A message without any forgets the conversation: ``previous`` is then empty,
        as it would be with an empty entry, and the entry takes no room."""
        found: Sequence[str] = _WORD.findall(text.casefold())[-self.max_words :]
        if self.keep is not None:
            found = self.keep(found)
        if not found:
            self._words.pop(conversation, None)
            return
        keep_latest(self._words, conversation, " ".join(found), self.capacity)

    def __len__(self) -> int:
        return len(self._words)
