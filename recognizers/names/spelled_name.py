"""A name spelled out letter by letter after the words that announce a spelling ("my surname is
spelled S M I T H", "ça s'écrit D-U-P-O-N-T", "dat is J A N S E N")."""

from __future__ import annotations

from recognizers.base import LATIN_LETTERS, Re2Pattern
from recognizers.entities import PERSON
from recognizers.scored_re2 import ScoredRe2Recognizer

#: Words after which letters typed one by one spell a name: a spelling verb, or the words that
#: give one's name ("name is", "nom :", "naam is"). The letters may follow after a colon or quote.
SPELLING_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "spelled", "spelt", "spelling is", "spelling", "spell it", "spelled as", "spelt as", "that's",
        "thats", "it's", "its", "name is", "surname is", "name's", "name:", "surname:", "i'm", "im",
    ),
    "fr": (
        "s'écrit", "s'ecrit", "s écrit", "ça s'écrit", "ca s'ecrit", "épelé", "épelle", "j'épelle",
        "je vous épelle", "orthographe", "c'est", "nom est", "nom c'est", "nom :", "nom:", "prénom :",
        "prénom:", "je suis",
    ),
    "nl": (
        "gespeld", "spel", "spelt", "spelling", "spelling is", "geschreven", "schrijf je", "schrijf je het",
        "dat is", "naam is", "naam:", "naam :", "achternaam:", "achternaam is", "ik ben", "met",
    ),
}  # fmt: skip

_LETTER = rf"[{LATIN_LETTERS}]"
#: Three letters or more, each typed alone, with one kind of separator throughout: "S M I T H",
#: "D-U-P-O-N-T", "J.A.N.S.E.N", "j. a. n. s. e. n" (RE2 has no back-references: one branch each).
_SPELLED = (
    rf"(?:{_LETTER}(?: {_LETTER}){{2,}}"
    rf"|{_LETTER}(?:-{_LETTER}){{2,}}"
    rf"|{_LETTER}(?:\. ?{_LETTER}){{2,}}\.?)"
)


class SpelledNameRecognizer(ScoredRe2Recognizer):
    """PERSON: a name spelled out letter by letter, as people do for the agent on a call or in a
    chat, after a spelling word or the words that give a name.

    Format: three letters or more, each alone, separated by spaces, hyphens or dots, one kind of
    separator throughout ("S M I T H", "D-U-P-O-N-T", "J.A.N.S.E.N"), right after a cue of the
    message's language ("spelled", "ça s'écrit", "gespeld", "my name is", "c'est", "dat is")
    and an optional colon or quote. Capitals in a run of single letters elsewhere ("the A B C of
    it") are left alone; so are initials of two letters ("J. D."), which other rules read.

    Score 0.7: spelled after such a cue, the letters are the name being given; what is spelled
    may now and then be a reference or a postcode, which is personal data too.
    """

    reject_number_chains = False

    def __init__(self, supported_language: str = "en") -> None:
        cues = "|".join(
            sorted((cue.replace(" ", "[ ]+") for cue in SPELLING_CUES[supported_language]), key=len, reverse=True)
        )
        pattern = rf"(?i)(?:^|[^{LATIN_LETTERS}0-9'])(?:{cues})[ ]*[:,]?[ ]*[\"'«“]?[ ]*(?P<pii>{_SPELLED})"
        super().__init__(
            supported_entity=PERSON,
            patterns=[Re2Pattern("letters spelled after a cue", pattern, 0.7)],
            supported_language=supported_language,
        )
