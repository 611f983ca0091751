"""Dutch hospitals, clinics, practices and care organisations named in a message (ORGANIZATION)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import ORGANIZATION
from recognizers.names.lexicons import (
    DEDUCE_PACKAGE,
    NameLexicon,
    Token,
    WordMemo,
    cached_word_sets,
    deduce_lines,
    dutch_names,
    dutch_places,
    load_lexicon,
    place_key,
    sentence_initial,
    tokenize,
)

INSTITUTIONS = "institutions"
HOSPITALS = (INSTITUTIONS, "lst_hospital")
CARE_INSTITUTIONS = (INSTITUTIONS, "lst_healthcare_institution")
HOSPITAL_ABBREVIATIONS = (INSTITUTIONS, "lst_hospital_abbr")

#: Words written several ways that name the same thing, as deduce's own transforms have them:
#: "Zkh." and "Gasthuis" for "Ziekenhuis", "St." for "Sint", "'t" for "het".
SAME_WORD = {
    "st": "sint",
    "zkh": "ziekenhuis",
    "gasthuis": "ziekenhuis",
    "kliniek": "ziekenhuis",
    "klinieken": "ziekenhuis",
    "ziekenhuizen": "ziekenhuis",
    "t": "het",
    "huisartspraktijk": "huisartsenpraktijk",
}
HOSPITAL_WORD = "ziekenhuis"
#: Shortenings of several words ("Erasmus MC" for "Erasmus Medisch Centrum"), longest first.
SHORTENINGS = ((("universitair", "medisch", "centrum"), ("umc",)), (("medisch", "centrum"), ("mc",)))
#: Words a hospital's name may go without ("Antoniusziekenhuis" for "Sint Antoniusziekenhuis").
OPTIONAL_FIRST_WORDS = frozenset({"het", "sint"})
#: Punctuation inside a name, read as nothing ("St. Antonius") or as a word ("Hand & Pols").
INNER_PUNCTUATION = {"&": "en", ".": "", "'": "", "/": "", "!": "", "+": ""}
MAX_WORDS = 8
MIN_SINGLE_WORD = 4  # letters of a name of one word: "Isala", "Cordaan"; not "Rst", "Ago"
ARTICLE_STARTS = frozenset({"de", "het", "t", "'", "sint", "st"})  # lower-case words that may open a name


@functools.lru_cache(maxsize=1 << 14)
def _token_words(key: str) -> tuple[str, ...] | None:
    """The lookup words of one token's key (accents gone, "ij" as "y", deduce's equivalent words
    made one); ``()`` for punctuation inside a name, ``None`` for punctuation that ends one."""
    if key in INNER_PUNCTUATION:
        word = INNER_PUNCTUATION[key]
        return (word,) if word else ()
    if not (key[0].isalnum()):
        return None
    return tuple(SAME_WORD.get(part, part) for part in place_key(key).replace("ij", "y").split())


def institution_words(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The lookup words of a name's tokens, up to the first punctuation that ends a name (a comma,
    a bracket, a dash between spaces): deduce lists "Parnassia, Centrum Eerste Psychose", and a
    message names "Parnassia"."""
    words: list[str] = []
    for token in tokens:
        found = _token_words(token.key)
        if found is None:
            break
        words.extend(found)
    return tuple(words)


def _shortened(words: tuple[str, ...]) -> tuple[str, ...]:
    for long, short in SHORTENINGS:
        width = len(long)
        for index in range(len(words) - width + 1):
            if words[index : index + width] == long:
                return words[:index] + short + words[index + width :]
    return words


def _variants(words: tuple[str, ...], hospital: bool) -> Iterable[tuple[str, ...]]:
    """The ways a message may write a listed name: as listed, with its medical centre shortened,
    and for hospitals without "het" or "Sint" in front."""
    seen = {words, _shortened(words)}
    if hospital:
        seen |= {w[1:] for w in list(seen) if len(w) > 1 and w[0] in OPTIONAL_FIRST_WORDS}
        # "Sint Antoniusziekenhuis", "Wilhelmina Kinderziekenhuis": the hospital word in one compound
        seen |= {(*w[:-2], w[-2] + HOSPITAL_WORD) for w in list(seen) if len(w) > 1 and w[-1] == HOSPITAL_WORD}
    return seen


def _read_institutions() -> tuple[frozenset[str], ...]:
    """Names (lookup words joined by spaces), every shorter run of their first words, and the
    hospitals' abbreviations, from deduce's institution lists."""
    names: set[str] = set()
    for folder, hospital in ((HOSPITALS, True), (CARE_INSTITUTIONS, False)):
        exceptions = set(deduce_lines(*folder, "exceptions.txt", required=False))
        for line in deduce_lines(*folder, "items.txt"):
            if line in exceptions:
                continue  # everyday words deduce lists as names ("Beter", "Focus", "De Haven")
            words = institution_words(tokenize(line))[:MAX_WORDS]
            for variant in _variants(words, hospital):
                if len(variant) > 1 or (variant and len(variant[0]) >= MIN_SINGLE_WORD):
                    names.add(" ".join(variant))
    prefixes = {name[:index] for name in names for index, char in enumerate(name) if char == " "}
    abbreviations = {line for line in deduce_lines(*HOSPITAL_ABBREVIATIONS, "items.txt") if line.isupper()}
    return frozenset(names), frozenset(prefixes), frozenset(abbreviations)


@functools.cache
def care_institutions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(names, prefixes of names, abbreviations) of deduce's institution lists, once per process
    and from the start-up cache after the first (folding 49,000 names takes about half a second)."""
    names, prefixes, abbreviations = cached_word_sets(
        "deduce-institutions", (DEDUCE_PACKAGE,), _read_institutions, Path(__file__)
    )
    return names, prefixes, abbreviations


class NlCareInstitutionRecognizer(TextRecognizer):
    """Hospitals, clinics, practices and care organisations of the Netherlands, by name.

    Format: a name from deduce's institution lists (367 hospitals, about 48,800 practices,
    pharmacies, home-care, mental-health and disability-care organisations, and 21 hospital
    abbreviations), matched word by word in any case and without accents, with the variants
    deduce itself accepts: "Zkh."/"Gasthuis"/"Kliniek" for "Ziekenhuis", "MC" for "Medisch
    Centrum", "UMC" for "Universitair Medisch Centrum", "St." for "Sint", "y" for "ij",
    "Huisartspraktijk" for "Huisartsenpraktijk", a hospital without its "het" or "Sint" or with
    "ziekenhuis" joined to the word before ("UMC Utrecht", "Erasmus MC", "St. Antonius Ziekenhuis",
    "Antoniusziekenhuis", "het Isala", "Buurtzorg Utrecht", "Huisartsenpraktijk De Linde"). Of a
    listed name with a comma, the part before it ("Parnassia"). Capitalised abbreviations
    ("UMCU", "LUMC") from deduce's list of them.

    Why: such a name is an organisation that places a person in care; the Dutch pipeline has no
    NER, and the name rules read most of these as people ("Altrecht") or as a town ("Utrecht").

    Guards, since the lists hold everyday words and people's names:

    * a name must show a capital on a word that is no common word ("Isala", "Meander MC"), or
      be two capitalised words or more, not at a sentence's start ("het Algemeen Ziekenhuis"):
      "de praktijk" and "Medisch centrum" in a sentence are no names;
    * a name of one word must have four letters or more, be no word of the language, name of a
      person nor place ("Cordaan", not "Meander" or "Zeist"), and have no capitalised word right
      beside it inside a sentence ("Salt Lake City");
    * a name made only of people's first names, surnames and particles is left to the person
      rules ("Albert Schweitzer" is a hospital and a man);
    * an abbreviation counts only in capitals ("UMCU", not "umcu").

    Score: 0.85 for names of several words, 0.6 for one word or an abbreviation: above the name
    rules' guesses for unknown capitalised words (0.5), below a full person name (0.9).
    Source: deduce (https://github.com/vmenger/deduce), LGPL-3.0, whose lists piiflow reads.
    """

    SCORE = 0.85
    SINGLE_WORD_SCORE = 0.6

    def __init__(self, lexicon_dir: Path, supported_language: str = "nl") -> None:
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        self.names, self.prefixes, self.abbreviations = care_institutions()
        self.heads = frozenset(name.split(" ", 1)[0] for name in self.names)  # first words of names
        self._opens: WordMemo[bool] = WordMemo()  # token key -> may open a name (``_may_open``)
        self._places = (dutch_places(), self.lexicon.places)
        _, surnames, interfix_surnames, interfixes = dutch_names()
        # name lists, asked only about the words of a listed name found (a union would copy them)
        self._person_lists = (self.lexicon.first_names, self.lexicon.surnames, surnames, interfix_surnames, interfixes)
        super().__init__(
            supported_entities=[ORGANIZATION],
            supported_language=supported_language,
            name=type(self).__name__,
        )

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The care institutions named in ``text``."""
        tokens = tokenize(text)
        results: list[RecognizerResult] = []
        opens_memo = self._opens
        resume = 0  # the token after the last name found
        for index, token in enumerate(tokens):
            key = token.key
            if index < resume or not (token.is_capitalised or key in ARTICLE_STARTS):
                continue  # most words: a name shows a capital, or opens with "de", "het", "Sint"
            opens = opens_memo.get(key)
            if opens is None:
                opens = opens_memo.remember(key, self._may_open(key))
            end = self._longest_name(tokens, index) if opens else 0
            if end and self._stands(text, tokens, index, end):
                words = sum(1 for t in tokens[index:end] if t.is_word)
                score = self.SCORE if words > 1 else self.SINGLE_WORD_SCORE
                # an apostrophe opens "'t Lange Land Ziekenhuis" and "'s Heeren Loo", or quotes a name
                opens_name = token.key != "'" or (index + 1 < len(tokens) and tokens[index + 1].key in ("t", "s"))
                start = token.start if opens_name else tokens[index + 1].start
                why = "care institution list"
                results.append(make_result(self, ORGANIZATION, start, tokens[end - 1].end, score, why))
                resume = end
            elif token.is_upper and token.text in self.abbreviations:  # "UMCU", not "Umcu" nor "umcu"
                why = "hospital abbreviation"
                results.append(make_result(self, ORGANIZATION, token.start, token.end, self.SINGLE_WORD_SCORE, why))
        return results

    def _may_open(self, key: str) -> bool:
        """A token of this key may open a listed name: its first lookup word opens one, or it is
        punctuation read as nothing (the apostrophe of "'t Lange Land Ziekenhuis")."""
        words = _token_words(key)
        return words is not None and (not words or words[0] in self.heads)

    def _longest_name(self, tokens: Sequence[Token], index: int) -> int:
        """The end (token index) of the longest listed name starting at ``index``, or 0."""
        names, prefixes = self.names, self.prefixes
        key = ""
        end = 0
        words = 0
        for position in range(index, min(len(tokens), index + 2 * MAX_WORDS)):
            found = _token_words(tokens[position].key)
            if found is None:
                break
            if not found:
                continue
            for word in found:
                key = f"{key} {word}" if key else word
                words += 1
            if key in names:
                end = position + 1
            if key not in prefixes or words >= MAX_WORDS:
                break
        return end

    def _stands(self, text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
        """The guards of the class docstring, on the listed name of ``tokens[start:end]``."""
        if "\n" in text[tokens[start].start : tokens[end - 1].end]:
            return False
        words = [t for t in tokens[start:end] if t.is_word]
        if not words:
            return False
        lexicon = self.lexicon
        if all(any(t.key in names for names in self._person_lists) for t in words):
            return False  # "Albert Schweitzer", "Aleida Kramer": the person rules decide
        if len(words) == 1:
            word = words[0]
            return (
                word.is_capitalised
                and not _inside_longer_name(text, tokens, start, end)
                and len(word.text) >= MIN_SINGLE_WORD
                and not lexicon.is_common_word(word.key)
                and not lexicon.is_word_form(word.key)
                and not any(word.key in places for places in self._places)
            )
        if any(t.is_capitalised and not lexicon.is_common_word(t.key) for t in words):
            return True
        # every word of three letters or more capitalised, two of them or more besides a sentence's
        # first word: "het Algemeen Ziekenhuis", "Het Lange Land Ziekenhuis"; not "Medisch centrum"
        long_words = [t for t in words if len(t.text) >= 3]
        if not all(t.is_capitalised for t in long_words):
            return False
        if sentence_initial(text, words[0].start):
            long_words = [t for t in long_words if t is not words[0]]
        return len(long_words) >= 2


def _inside_longer_name(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """A capitalised word right before or after ``tokens[start:end]``, inside a sentence: the name
    found is part of a longer proper noun ("Salt Lake City", "BNP Paribas")."""
    before = tokens[start - 1] if start > 0 else None
    after = tokens[end] if end < len(tokens) else None
    return bool(
        (
            after is not None
            and after.is_word
            and after.is_capitalised
            and text[tokens[end - 1].end : after.start] == " "
        )
        or (
            before is not None
            and before.is_word
            and before.is_capitalised
            and text[before.end : tokens[start].start] == " "
            and not sentence_initial(text, before.start)
        )
    )
