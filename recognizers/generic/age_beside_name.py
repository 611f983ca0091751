"""A person's age written right after their name: "Jan Jansen (45)", "John Smith, 52, called".

Not a recognizer: the number alone is no age; what makes it one is the name just before it, which
another recognizer found. ``processors.detection`` calls ``ages_beside_names`` on a message's
resolved names, as it does ``recognizers.names.name_lists`` for listed names. Ages with a unit or a
keyword ("34 ans", "aged 52") are ``AgeRecognizer``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

AGE_BESIDE_NAME = "AgeBesideName"  # the rule's name: ``Entity.recognizer``, ``detection.disabled_recognizers``
MAX_AGE = 110
AGE_BESIDE_NAME_SCORE = 0.6
# Right after the name: "(45)", "( 45 )", or ", 52," / ", 52." / ", 52" ending the text.
_AFTER_NAME = re.compile(r"[ \t]*(?:\([ \t]*([0-9]{1,3})[ \t]*\)|,[ \t]*([0-9]{1,3})[ \t]*(?:[,;.!?)]|$))")


def ages_beside_names(text: str, persons: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ages (1 to ``MAX_AGE``) written in brackets or between commas right after the
    names at ``persons`` (start, end); the number must not be glued to a longer one or a word."""
    found = []
    for _, end in persons:
        if text[end : end + 3].lstrip(" \t")[:1] not in ("(", ","):
            continue  # most names: a quick look instead of a regex match
        match = _AFTER_NAME.match(text, end)
        if match is None:
            continue
        group = 1 if match.group(1) is not None else 2
        value = match.group(group)
        if not 1 <= int(value) <= MAX_AGE or (value.startswith("0") and len(value) > 1):
            continue
        found.append((match.start(group), match.end(group)))
    return found
