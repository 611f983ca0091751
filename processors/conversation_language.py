"""A conversation's language, for its messages that do not say theirs clearly.

A conversation stays in one language, while many of its messages are too short or too full of
values and typos for their own language to be clear: "Hello CB 4938 0468 8254 2097" in a French
conversation, "dit is labado jesper" in a Dutch one. Detected alone they can come out in the wrong
language, and then the wrong recognizers run (a NIR is only looked for in French text). So each
conversation keeps the language of its latest message that was clear about it (given by the
producer, two or more of the language's own words, or lingua sure of it: ``LanguageChoice.sure``),
and a message that is not clear takes that language instead of its own guess. A clear message
always keeps its own language, so a customer who switches language is followed.

Held in memory only: conversation id → language code, for the ``capacity`` most recent
conversations with a clear message; never logged or published. Like the conversation context
(``processors.conversation``), it lives in one worker process: after a restart or a rebalance a
conversation's first unclear message is detected alone.
"""

from __future__ import annotations

from collections import OrderedDict

from processors.conversation import CONVERSATIONS_KEPT, keep_latest
from processors.language import LanguageChoice


class ConversationLanguages:
    """LRU map conversation id → language of its latest clear message."""

    def __init__(self, capacity: int = CONVERSATIONS_KEPT) -> None:
        self.capacity = capacity
        self._languages: OrderedDict[str, str] = OrderedDict()

    def choose(self, conversation: str, choice: LanguageChoice) -> LanguageChoice:
        """``choice`` if it is sure (and remember it), else the conversation's language if known."""
        if choice.sure:
            keep_latest(self._languages, conversation, choice.code, self.capacity)
            return choice
        known = self._languages.get(conversation)
        if known is None:
            return choice
        return LanguageChoice(known, "conversation", sure=False)

    def __len__(self) -> int:
        return len(self._languages)
