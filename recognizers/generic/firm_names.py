"""Firms named after people: "Barnett, Melton and Garcia", "Thomas and Sons", "Dupont et Fils".

Not a recognizer: the surnames in such a name are found, one by one, as people by the name
recognizers and the model. What makes the run a firm is its shape and what stands around it, so
``processors.detection`` calls ``firm_names`` on a message's resolved names and reports each firm
as one ``ORGANIZATION`` in place of the names inside it (a firm is no personal data).

Two shapes:

- **A name, a conjunction and a firm word**: "Thomas and Sons", "Jansen & Zonen", "Martin et
  Fils", "Hall & Partners". Always a firm.
- **Three single capitalised words**, "A, B and C" (or "&"). A list of three people has the same
  shape ("our founders: Morrison, Rogers and Torres"; in sports news, "Ambrose, Walsh and Bishop
  took the wickets"), so it is a firm only with one of these around it:
  - a singular verb right after it: "Lopez, Santos and Coleman is a design agency" (people take
    "are", "were");
  - a workplace preposition right before it: "a year at Jones, Mitchell and Williams", "Tomomi is
    from Hawkins, Richardson and Santana";
  - an article right before it: "The Clark, Romero and Hall Orchestra";
  - an organisation word right after it: "White, Willis and Hoffman LLP";
  - a line of its own, in a text of several lines (a signature block: name, firm, address).
  And not when all three words are first names ("Tom, Anna and Pieter"), nor when the last one is
  a possessive ("at Smith, Jones and Brown's": a firm's office or three people's home).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FIRM_NAMES = "FirmNames"  # the rule's name: ``Entity.recognizer``, ``detection.disabled_recognizers``
FIRM_SCORE = 0.7

_WORD = r"[^\W\d_][\w'’-]*"


@dataclass(frozen=True)
class _Language:
    """A language's words for the rule (all lower case)."""

    conjunctions: tuple[str, ...]
    firm_words: tuple[str, ...]  # after the conjunction: "Sons", "Fils", "Zonen"
    verbs: frozenset[str]  # a singular verb after the three names
    prepositions: frozenset[str]  # a workplace preposition before them
    articles: frozenset[str]  # an article before them


LANGUAGES = {
    "en": _Language(
        ("and", "&"),
        ("sons", "son", "partners", "associates", "co", "company", "brothers", "bros"),
        frozenset({"is", "was", "has", "provides", "offers"}),
        frozenset({"at", "for", "from"}),
        frozenset({"the"}),
    ),
    "fr": _Language(
        ("et", "&"),
        ("fils", "associés", "associes", "cie", "frères", "freres"),
        frozenset({"est", "était", "etait"}),
        frozenset({"chez"}),
        frozenset(),
    ),
    "nl": _Language(
        ("en", "&"),
        ("zonen", "zn", "partners", "co"),
        frozenset({"is", "was", "heeft"}),
        frozenset({"bij"}),
        frozenset(),
    ),
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _patterns(language: _Language) -> tuple[re.Pattern[str], re.Pattern[str]]:
    conjunction = _alternation(language.conjunctions)
    three = re.compile(
        rf"(?<![\w'’-])({_WORD}),[ \t]+({_WORD}),?[ \t]+(?:{conjunction})[ \t]+({_WORD})(?![\w'’-])", re.IGNORECASE
    )
    suffixed = re.compile(
        rf"(?<![\w'’-])({_WORD})[ \t]+(?:{conjunction})[ \t]+({_alternation(language.firm_words)})\.?(?![\w'’-])",
        re.IGNORECASE,
    )
    return three, suffixed


_PATTERNS = {code: _patterns(language) for code, language in LANGUAGES.items()}
_PADDED_CONJUNCTIONS = {code: tuple(f" {c} " for c in language.conjunctions) for code, language in LANGUAGES.items()}


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 40) : start].split()
    return words[-1].lower() if words else ""


_NEXT_WORD = re.compile(rf"[ \t]+({_WORD})")


def _word_after(text: str, end: int) -> tuple[str, int]:
    """The word after ``end`` on the same line (lower case) and where it ends; ``("", end)`` if none."""
    match = _NEXT_WORD.match(text, end)
    return (match.group(1).lower(), match.end(1)) if match else ("", end)


def _own_line(text: str, start: int, end: int) -> bool:
    """The match is all its line holds but quoting marks (">", "???", "-"), in a text of lines."""
    if "\n" not in text:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    return not any(ch.isalnum() for ch in before) and not text[end:line_end].strip(" \t.,;")


def firm_names(
    text: str,
    language: str,
    persons: Sequence[tuple[int, int]],
    first_names: frozenset[str],
    organization_words: frozenset[str],
) -> list[tuple[int, int]]:
    """Spans of firms named after people in ``text`` that hold at least one of the names at
    ``persons`` (start, end). ``first_names`` and ``organization_words``: the language's lexicon
    (case-folded)."""
    patterns = _PATTERNS.get(language)
    if patterns is None or not persons:
        return []
    spec = LANGUAGES[language]
    lowered = text.lower()
    if not any(word in lowered for word in _PADDED_CONJUNCTIONS[language]):
        return []  # both shapes need a conjunction between spaces: most messages have none
    three, suffixed = patterns
    found: list[tuple[int, int]] = []

    def holds_a_name(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in persons)

    if "," in text:
        for match in three.finditer(text):
            words = match.groups()
            start, end = match.span()
            if not all(_capitalised(w) for w in words) or not holds_a_name(start, end):
                continue
            if all(w.lower() in first_names for w in words):
                continue  # "Tom, Anna and Pieter": people
            if words[2].lower().endswith(("'s", "’s")):
                continue  # "at Mark, Julie and Stevens's place": whose, it does not say
            after, after_end = _word_after(text, end)
            before = _word_before(text, start)
            if after in organization_words:
                found.append((start, after_end))  # "The Clark, Romero and Hall Orchestra"
            elif after in spec.verbs or before in spec.prepositions | spec.articles or _own_line(text, start, end):
                found.append((start, end))
    for match in suffixed.finditer(text):
        start, end = match.span()
        name, firm_word = match.groups()
        if (
            _capitalised(name)
            and firm_word[0].isupper()  # "Thomas and Sons"; not "Thomas and son came by"
            and holds_a_name(start, end)
            and not any(s < end and start < e for s, e in found)
        ):
            found.append((start, end))
    return sorted(found)
