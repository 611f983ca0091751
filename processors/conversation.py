"""Conversation context: the words of a conversation's previous message, as context for the next.

In chat a customer often answers the agent's question with a bare value: "wat is uw bsn?" then
"123456782". The context word is in the previous message, where per-message detection cannot see
it. The pipeline passes the previous message's words as Presidio's external context, which lifts
weak, context-dependent matches (a bare BSN, a 13-digit NIR without key) exactly as a context word
inside the message would.

Held in memory only, lower-cased words of one message per conversation (at most ``max_words``), for
the ``capacity`` most recent conversations; never logged or published. Like numbered placeholders,
it lives in one worker process: after a restart or a rebalance the first message of a conversation
has no previous context.
"""

from __future__ import annotations

import re
from collections import OrderedDict

_WORD = re.compile(r"[^\W\d_]{2,}")


class ConversationContext:
    """LRU map conversation id → words of its latest message.

    The words are kept as one space-separated string (they are letters only, so a space cannot be
    part of one): 30 words take about 250 bytes that way, against about 2 KB as a list of separate
    strings, which at 20,000 conversations is some 30 MB of a worker's memory.
    """

    def __init__(self, capacity: int = 20_000, max_words: int = 30) -> None:
        self.capacity = capacity
        self.max_words = max_words
        self._words: OrderedDict[str, str] = OrderedDict()

    def previous(self, conversation: str) -> list[str]:
        """Words of the conversation's previous message (empty when unknown)."""
        return self._words.get(conversation, "").split()

    def remember(self, conversation: str, text: str) -> None:
        """Keep the last ``max_words`` words of ``text`` as the conversation's latest message."""
        words = " ".join(_WORD.findall(text.casefold())[-self.max_words :])
        self._words[conversation] = words
        self._words.move_to_end(conversation)
        if len(self._words) > self.capacity:
            self._words.popitem(last=False)

    def __len__(self) -> int:
        return len(self._words)
