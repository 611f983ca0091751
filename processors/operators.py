"""Anonymisation operators: what replaces a detected value in a sink's copy of the text.

Every operator is a pure function of the value, its entity type, the message's language and the
sink's key, except numbered placeholders, which remember per conversation which value got which
number (``ConversationNumbering``). None can leak the original: ``keep`` is the only one that
returns it, and only where a sink's policy names it explicitly.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from processors.config import (
    DropMessageOp,
    GeneraliseOp,
    KeepOp,
    MaskOp,
    Operator,
    PlaceholderOp,
    PseudonymiseOp,
    RedactOp,
    SurrogateOp,
)
from processors.pseudonym import Pseudonymizer
from processors.surrogates import surrogate
from recognizers.entities import ADDRESS, AGE, DATE_OF_BIRTH, DATE_TIME, LOCATION, PERSON
from recognizers.generic.date_patterns import spelled_parts
from recognizers.generic.listed_places import ListedPlaces
from recognizers.generic.number_words import SPOKEN_YEAR_LANGUAGES

if TYPE_CHECKING:
    from processors.detection import Entity

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_POSTCODE = re.compile(r"(?<!\d)(\d{4,5})(?!\d)")
_NUMBER = re.compile(r"\d{1,3}")
#: The keyed-digest namespace of one part of a person's name (a surrogate's first name or surname).
NAME_PART_NAMESPACE = "PERSON_NAME_PART"


class ConversationNumbering:
    """``<PERSON_1>``, ``<PERSON_2>``: the same value keeps its number within a conversation.

    Kept in memory for the most recent ``capacity`` conversations (least recently used evicted).
    The numbers are stable while a conversation is handled by one worker process; after a restart
    or a rebalance they start again at 1 (documented limit). Values are held only as keyed digests.

    A conversation's table is one ``bytes`` string of fixed-size records, in the order the values
    were first seen: a 2-byte entity type code and the first ``DIGEST_BYTES`` of the value's keyed
    digest. A value's number is its rank among the records of its type. A dict of ``(type, digest)``
    tuples per conversation took about 760 bytes a conversation, id included (``tracemalloc`` over
    100,000 generated messages), some 38 MB at 50,000 conversations; this takes about 180. Eight
    digest bytes make two different values of one conversation collide with odds of 2^-64 per
    pair, far below anything a chat conversation holds.
    """

    DIGEST_BYTES = 8
    _CODE_BYTES = 2

    def __init__(self, capacity: int = 50_000) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, bytes] = OrderedDict()
        self._type_codes: dict[str, bytes] = {}

    def _code(self, entity_type: str) -> bytes:
        code = self._type_codes.get(entity_type)
        if code is None:
            code = len(self._type_codes).to_bytes(self._CODE_BYTES, "big")  # entity types are few
            self._type_codes[entity_type] = code
        return code

    def number(self, conversation: str, entity_type: str, digest: bytes) -> int:
        """The number of this value in this conversation (allocating the next one if new)."""
        code = self._code(entity_type)
        record = code + digest[: self.DIGEST_BYTES]
        table = self._seen.get(conversation)
        if table is None:
            table = b""
            if len(self._seen) >= self.capacity:
                self._seen.popitem(last=False)
        else:
            self._seen.move_to_end(conversation)
        size = len(record)
        rank = 0
        for start in range(0, len(table), size):
            if table.startswith(code, start):
                rank += 1
                if table.startswith(record, start):
                    return rank
        self._seen[conversation] = table + record
        return rank + 1

    def __len__(self) -> int:
        return len(self._seen)


@dataclass
class OperatorContext:
    """What an operator may use besides the value: the sink's key, language, conversation."""

    pseudonymizer: Pseudonymizer
    language: str
    conversation: str
    numbering: ConversationNumbering
    #: The place lists ``generalise`` checks a ``LOCATION`` against; without them no place is kept.
    places: ListedPlaces | None = None
    #: The message's detected values and name words, casefolded (``taken_values``): no surrogate is one.
    taken: frozenset[str] = frozenset()


def taken_values(text: str, entities: Iterable[Entity]) -> frozenset[str]:
    """What no surrogate in this message may be: each detected value and each word of a detected
    name, casefolded ("Carol" must not become "Karen" beside a real "Karen Smith"). Kept in memory
    for the message only, like the text itself."""
    taken: set[str] = set()
    for entity in entities:
        value = text[entity.start : entity.end].casefold()
        taken.add(value)
        if entity.entity_type == PERSON:
            taken.update(value.split())
    return frozenset(taken)


def _mask(value: str, op: MaskOp) -> str:
    alnum = sum(ch.isalnum() for ch in value)
    reveal = min(op.keep_last, alnum // 2)  # never reveal half or more of a value
    out = []
    for ch in reversed(value):
        if ch.isalnum():
            out.append(ch if reveal > 0 else op.char)
            reveal -= 1
        else:
            out.append(ch)
    return "".join(reversed(out))


#: What ``_generalise`` makes of each type it coarsens (a listed place name is kept: it is its own
#: generalisation, ``LISTED_PLACE_KEPT``), in words for the records that describe a policy
#: (``processors.ropa``). Kept beside the code so that a new generalisation is described where it is
#: written.
GENERALISED_AS: dict[str, str] = {
    DATE_TIME: "its year only",
    DATE_OF_BIRTH: "its year only",
    AGE: "a ten-year band",
    ADDRESS: "the first two characters of its postcode",
}
#: What ``generalise`` makes of a ``LOCATION``, in the same words.
LISTED_PLACE_KEPT = (
    "kept as written when a place list (GeoNames towns, Faker, deduce, ISO 3166) holds it, a placeholder "
    "otherwise (a person's name misread as a place is seldom listed)"
)


def _generalise(entity_type: str, value: str, ctx: OperatorContext) -> str | None:
    """A coarser value, or ``None`` when this type has no safe generalisation."""
    if entity_type in {DATE_OF_BIRTH, DATE_TIME}:
        year = _YEAR.search(value)
        if year:
            return year.group(1)
        # a year said in words: "drie maart negentienvijfentachtig", "the third of May nineteen eighty"
        spoken = spelled_parts(value, ctx.language)[1] if ctx.language in SPOKEN_YEAR_LANGUAGES else None
        return str(spoken) if spoken is not None else None
    if entity_type == AGE:
        number = _NUMBER.search(value)
        if number:
            low = int(number.group()) // 10 * 10
            return f"{low}-{low + 9}"
        return None
    if entity_type == ADDRESS:
        postcode = _POSTCODE.search(value)
        return f"{postcode.group(1)[:2]}{'x' * (len(postcode.group(1)) - 2)}" if postcode else None
    if entity_type == LOCATION:
        # a place is its own generalisation, if it is one: a name misread as a place is not kept
        return value if ctx.places is not None and ctx.places.holds(value) else None
    return None


def apply_operator(op: Operator, entity_type: str, value: str, ctx: OperatorContext) -> str:
    """The replacement text for ``value`` under ``op``."""
    if isinstance(op, KeepOp):
        return value
    if isinstance(op, DropMessageOp):  # never rendered: policy.decide drops the message first
        return f"<{entity_type}>"
    if isinstance(op, RedactOp):
        return ""
    if isinstance(op, MaskOp):
        return _mask(value, op)
    if isinstance(op, PseudonymiseOp):
        return ctx.pseudonymizer.token(entity_type, value, ctx.language, op.length)
    if isinstance(op, SurrogateOp):
        digest = ctx.pseudonymizer.digest(entity_type, value, ctx.language)
        fake = surrogate(
            entity_type,
            ctx.language,
            digest,
            value,
            part_digest=lambda part: ctx.pseudonymizer.digest(NAME_PART_NAMESPACE, part, ctx.language),
            avoid=ctx.taken,
        )
        return fake if fake is not None else f"<{entity_type}>"
    if isinstance(op, GeneraliseOp):
        general = _generalise(entity_type, value, ctx)
        return general if general is not None else f"<{entity_type}>"
    assert isinstance(op, PlaceholderOp)
    if op.numbered:
        digest = ctx.pseudonymizer.digest(entity_type, value, ctx.language)
        return f"<{entity_type}_{ctx.numbering.number(ctx.conversation, entity_type, digest)}>"
    return f"<{entity_type}>"
