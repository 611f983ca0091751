"""Phrases that name an employer next: "I work for Datamyne", "je travaille chez Darty", "werk bij Coolblue".

A single unknown capitalised word after one is a firm, which the model reads as a person or a
place (``SpacyNerRecognizer``) and the Dutch name rules as a place after "bij"
(``DutchNameRecognizer``). Both relabel it ``ORGANIZATION``.
"""

from __future__ import annotations

from recognizers.names.lexicons import fold

#: Phrases right before an employer's name, folded: "I work for Datamyne", "spent a year at
#: Teradata", "je travaille chez Darty", "ik werk bij Coolblue". A single unknown word after one
#: is the firm the model took for a person or a place; a listed first name or place stays as found
#: ("I work for Thomas", "I work at Heathrow" are left to the model).
EMPLOYER_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "work for", "works for", "worked for", "working for", "work at", "works at", "worked at", "working at",
        "employed by", "employed at", "a year at", "years at", "job at", "intern at", "internship at",
        "following year at",
    ),
    "fr": (
        "travaille chez", "travaillé chez", "travaillais chez", "travaillait chez", "employé chez", "employée chez",
        "employé par", "employée par", "stage chez", "bosse chez", "salarié chez", "salariée chez",
    ),
    "nl": (
        "werk bij", "werkt bij", "werkte bij", "werkzaam bij", "in dienst bij", "stage bij",
        "werk ik bij", "werkte ik bij", "werkt hij bij", "werkt ze bij", "werkt zij bij",
    ),
}  # fmt: skip


_EMPLOYER_ENDINGS = {language: tuple(f" {cue}" for cue in cues) for language, cues in EMPLOYER_CUES.items()}


def after_employer_cue(text: str, start: int, language: str) -> bool:
    """The span follows one of the language's ``EMPLOYER_CUES`` (whole words: not "network for")."""
    endings = _EMPLOYER_ENDINGS.get(language)
    if not endings:
        return False
    return (" " + " ".join(fold(text[max(0, start - 30) : start]).split())).endswith(endings)
