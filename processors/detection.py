"""Detection: texts in, entities out, in batches per language. The only detection code path.

``Detector.detect`` groups texts by language, runs spaCy over each group with ``nlp.pipe`` inside a
memory zone (so the string store does not grow without bound), runs that language's recognizers
over the group's texts and NLP artifacts (one recognizer at a time over the whole group, then
Presidio's context scoring text by text), then applies piiflow's own rules:
per-entity thresholds, the allow-list (curated chat words that are never names), and overlap
resolution so each character belongs to at most one reported entity.
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path
from typing import Any

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from processors.config import PiiflowConfig, checked_lexicon_dir
from processors.heap import collector_paused, freeze_startup_heap
from processors.nlp import LazyNlpArtifacts, PiiflowNlpEngine, context_stop_words
from processors.pattern_screen import PatternScreen
from processors.regex_cache import cached_compiles
from processors.result_cache import ResultCache
from processors.tokenizer_cache import DEFAULT_CAPACITY
from recognizers import RecognizerSettings, build_recognizers
from recognizers.base import ANNOUNCED_NAME_KEY, RepliesToQuestions
from recognizers.entities import (
    ADDRESS,
    AGE,
    ALL_ENTITIES,
    CREDIT_CARD,
    DATE_TIME,
    EMAIL_ADDRESS,
    IBAN_CODE,
    LOCATION,
    NATIONAL_IDS,
    ORGANIZATION,
    PERSON,
    PHONE_NUMBER,
    STRUCTURED_IDS,
)
from recognizers.generic.address_parts import ADDRESS_PARTS, joined_addresses
from recognizers.generic.age_beside_name import AGE_BESIDE_NAME, AGE_BESIDE_NAME_SCORE, ages_beside_names
from recognizers.generic.firm_names import FIRM_NAMES, FIRM_SCORE, firm_names
from recognizers.names.chat_patterns import POSSESSIVE_ENDINGS
from recognizers.names.lexicons import NAME_REPEATS, NameLexicon, WordMemo, keeping_tokens, load_lexicon, name_repeats
from recognizers.names.name_lists import LISTED_NAMES, LISTED_SCORE, ListedNames
from recognizers.names.spacy_ner import CIVILITIES
from recognizers.settings import ALLOW_LIST_FILE
from recognizers.yaml_data import load_mapping

LOG = logging.getLogger(__name__)
_WINDOW_SEPARATOR = "\x00"  # joins a context window's words (InPlaceContextEnhancer)
#: A transcript's speaker label before a reply inside one text ("User:", "Klant :"), and the spaces.
_SPEAKER_LABEL = re.compile(r"\s*(?:[^\W\d_][\w\-]{0,24}[ \t]?:)?\s*")
#: Words of a question, as the conversation store cuts them (``processors.conversation``).
_QUESTION_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
#: Where the question before a reply starts: after the end of the sentence or line before it.
_SENTENCE_ENDS = ".!?\n:"
#: The longest reply read after a question inside one text: a name, a date, a town or a number.
MAX_INLINE_REPLY = 60


class InPlaceContextEnhancer(LemmaContextAwareEnhancer):  # type: ignore[misc]
    """Presidio's lemma context enhancer, with the same answers and less work per call.

    * No defensive deep copy of every result (results, explanations, metadata): it cost ~0.2 ms per
      chat message here, more than most recognizers. Our raw results are created per call and
      never reused, so they are updated in place.
    * The map from recognizer id to recognizer is built once per recognizer list, not per call
      (Presidio's rebuilds it each time: ~25 ``id`` property calls per message).
    * The context window and the supportive word come from piiflow's token tables (below).
    * A recognizer whose ``context_entities`` attribute is set has its context words lift only
      results of those types (spaCy's recognizer reports names, places and firms; its context words
      are words of names).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._by_id: tuple[list[EntityRecognizer], dict[str, EntityRecognizer]] | None = None

    def _recognizers_by_id(self, recognizers: list[EntityRecognizer]) -> dict[str, EntityRecognizer]:
        cached = self._by_id
        if cached is None or cached[0] is not recognizers or len(cached[1]) != len(recognizers):
            cached = self._by_id = (recognizers, {recognizer.id: recognizer for recognizer in recognizers})
        return cached[1]

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """``LemmaContextAwareEnhancer.enhance_using_context``, step by step, on the results themselves."""
        by_id = self._recognizers_by_id(recognizers)
        extra = [word.lower() for word in context] if context else []
        if nlp_artifacts is None:
            LOG.warning("NLP artifacts were not provided")
            return list(raw_results)
        for result in raw_results:
            metadata = result.recognition_metadata
            if not metadata or RecognizerResult.RECOGNIZER_IDENTIFIER_KEY not in metadata:
                continue
            recognizer = by_id.get(metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY])
            if not recognizer or not recognizer.context:
                continue
            if metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue  # already raised by the recognizer itself
            lifted = getattr(recognizer, "context_entities", None)
            if lifted is not None and result.entity_type not in lifted:
                continue  # context words of one type only ("name" lifts spaCy's persons, not its firms)
            surrounding = self._extract_surrounding_words(
                nlp_artifacts=nlp_artifacts, word=text[result.start : result.end], start=result.start
            )
            surrounding.extend(extra)
            supportive = self._find_supportive_word_in_context(
                surrounding, recognizer.context, self.context_matching_mode
            )
            if supportive != "":
                result.score += self.context_similarity_factor
                result.score = max(result.score, self.min_score_with_context_similarity)
                result.score = min(result.score, ContextAwareEnhancer.MAX_SCORE)
                result.analysis_explanation.set_supportive_context_word(supportive)
                result.analysis_explanation.set_improved_score(result.score)
        return list(raw_results)

    def _extract_surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        """Presidio's window of context words around ``start``, from piiflow's precomputed token tables.

        Same words as Presidio's: the token covering ``start`` (the first token ending after it),
        then up to ``context_prefix_count`` + 1 keywords walking back and ``context_suffix_count``
        + 1 walking forward. Presidio finds the token by iterating the Doc and tests keywords with
        a list search, per result; the bisect and the set keep this linear in the window.
        """
        if not isinstance(nlp_artifacts, LazyNlpArtifacts) or not nlp_artifacts.tokens:
            return list(super()._extract_surrounding_words(nlp_artifacts, word, start))
        ends = nlp_artifacts.token_ends
        index = bisect.bisect_right(ends, start)
        if index >= len(ends):
            raise ValueError("Did not find the match in the list of tokens although it is expected to be found")
        lemmas = nlp_artifacts.lemmas
        keywords = nlp_artifacts.keyword_set
        words: set[str] = set()
        for step, count in ((-1, self.context_prefix_count), (1, self.context_suffix_count)):
            i, remaining = index, count + 1
            while 0 <= i < len(lemmas) and remaining > 0:
                if lemmas[i] in keywords:
                    words.add(lemmas[i])
                    remaining -= 1
                i += step
        return list(words)

    @staticmethod
    def _find_supportive_word_in_context(
        context_list: list[str] | None,
        recognizer_context_list: list[str] | None,
        matching_mode: str = "substring",
    ) -> str:
        """Presidio's choice of supportive word, with each word lower-cased once instead of per pair.

        Presidio lower-cases both words of every (context word, window word) pair: with the name
        recognizers' long context lists, about 340 ``str.lower`` calls per chat message. The answer
        is the same: the first of the recognizer's context words found (as a substring, or whole in
        ``whole_word`` mode) in a window word, "" when none is.
        """
        if not context_list or recognizer_context_list is None:
            return ""
        window = [word.lower() for word in context_list]
        if matching_mode == "whole_word":
            whole = set(window)
            return next((word for word in recognizer_context_list if word.lower() in whole), "")
        if matching_mode != "substring":
            return ""
        # One string holding every window word: a context word without the separator is a substring
        # of the joined string exactly when it is a substring of one window word.
        joined = _WINDOW_SEPARATOR.join(window)
        for word in recognizer_context_list:
            lowered = word.lower()
            if _WINDOW_SEPARATOR in lowered:
                if any(lowered in w for w in window):
                    return word
            elif lowered in joined:
                return word
        return ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected span. ``why`` is a short, value-free explanation (pattern, checksum, context)."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    why: str = ""

    def as_dict(self) -> dict[str, object]:
        """The ``piiflow detect`` wire form."""
        return {
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": round(self.score, 4),
            "recognizer": self.recognizer,
        }


def _explain(result: RecognizerResult) -> str:
    exp = result.analysis_explanation
    if exp is None:
        return ""
    parts = []
    if getattr(exp, "pattern_name", None):
        parts.append(f"pattern {exp.pattern_name}")
    if getattr(exp, "validation_result", None) is not None:
        parts.append("checksum ok" if exp.validation_result else "checksum failed")
    if getattr(exp, "supportive_context_word", None):
        parts.append(f"context '{exp.supportive_context_word}'")
    if getattr(exp, "textual_explanation", None):
        parts.append(str(exp.textual_explanation))
    return "; ".join(parts)


def _casefold_key(text: str) -> str:
    """Allow-list key: case-folded, accents kept, surrounding punctuation and spaces stripped."""
    stripped = text.strip().strip(".,;:!?¡¿'\"()[]{}«»“”‘’-–—")
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


#: Lower-case articles a name recognizer may take into a name as a particle ("de Philips").
_ARTICLES = frozenset({"de", "het", "the", "le", "la", "les"})


def allow_listed(text: str, start: int, end: int, allow: frozenset[str]) -> bool:
    """The detection's text is in the allow list, or, for one word, the phrase it makes with the word
    before it or the word after it is ("Christmas Eve", "New Year's Eve": "Eve" is a first name, not
    there; "Black Friday", "Albert Heijn": "Black" and "Albert" are names, not there), or, after a
    lower-case article, is ("de Philips")."""
    word = text[start:end]
    key = _casefold_key(word)
    if key in allow:
        return True
    head, _, rest = key.partition(" ")
    if head in _ARTICLES and word.lstrip()[:1].islower() and rest in allow:
        return True  # "de Philips": the brand's device, not a surname with its particle
    if " " in word.strip():
        return False
    before = text[max(0, start - 30) : start].split()
    if before and _casefold_key(f"{before[-1]} {word}") in allow:
        return True
    after = text[end : end + 30].split()
    return bool(after) and text[end : end + 1].isspace() and _casefold_key(f"{word} {after[0]}") in allow


# Types a statistical model or a capitalisation guess can produce. Where one overlaps a type found by
# a format, a checksum or a curated term (an address, a phone, an IBAN, a health term), the latter
# wins whatever the scores: "75011 paris" stays an ADDRESS rather than leaving "75011" visible beside
# a LOCATION "paris", and a UK mobile the English model calls a DATE stays a PHONE_NUMBER.
SOFT_TYPES = frozenset({PERSON, LOCATION, ORGANIZATION, DATE_TIME})
#: Types the allow list never drops: identifiers, and dates, which only patterns report (the allow
#: list's weekdays and months keep them from being read as names: "Monday" is a date, not a person).
NEVER_ALLOW_LISTED = STRUCTURED_IDS | {DATE_TIME}
TRIMMABLE_TYPES = frozenset({PERSON, LOCATION})  # personal data worth keeping in part (resolve_overlaps)


def _recognizer_name(result: RecognizerResult) -> str:
    return str((result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))


def remove_duplicates(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Presidio's ``EntityRecognizer.remove_duplicates``, made deterministic.

    Same rule: zero scores go, and a result goes when a result of the same type contains it with an
    equal or higher score. Presidio starts with ``set(results)``, so which of two recognizers that
    found the same span with the same score survives changed from run to run (and with it the
    recognizer named in ``piiflow detect`` and the audit); here the tie goes to the recognizer name
    that sorts first.
    """
    ordered = sorted(
        results, key=lambda r: (str(r.entity_type), r.start, -(r.end - r.start), -r.score, _recognizer_name(r))
    )
    kept: list[RecognizerResult] = []
    for _, same_type in groupby(ordered, key=lambda r: r.entity_type):
        active: list[RecognizerResult] = []
        for result in same_type:
            if result.score == 0:
                continue
            active = [other for other in active if other.end >= result.start]
            if any(result.contained_in(other) and result.score <= other.score for other in active):
                continue
            kept.append(result)
            active.append(result)
    return sorted(kept, key=lambda r: (-r.score, r.start, -(r.end - r.start)))


#: What an address runs on into, and what is cut before it (``_cut_before_values``). E-mail
#: addresses: "Ivohof 43b, 9602 Mons en Hilde.Willems@Telenet.be" read the town on over "en" into
#: the local part, and the address, longer at the same score, took the e-mail out (its domain went
#: out in the clear); names and places lose to an e-mail as they did ("emil tracy38@...": the local
#: part read as a surname; "moved to Edinburgh account email staceyrice42@...": a house number).
EMAIL_CUT = (frozenset({EMAIL_ADDRESS}), frozenset({ADDRESS}), "an e-mail")
#: Identifiers: "150 rue de Lebrun, 38091 Paris 262087107346779" took the NIR after the town into
#: the address, which outranked it; "voor meneer Noordijk 7915.87.423" read the BSN's first group as
#: a house number.
IDENTIFIER_CUT = (NATIONAL_IDS | {IBAN_CODE, CREDIT_CARD}, frozenset({ADDRESS, LOCATION}), "an identifier")
#: A lower-case word this short left between an entity and the value it ran into: "en", "and".
MAX_CONNECTOR_LETTERS = 3
#: Recognizers whose persons rest on name lists or name rules, not on the model alone.
LISTED_NAME_RECOGNIZERS = frozenset({"NameLookupRecognizer", "ChatNamePatternRecognizer"})


def resolve_overlaps(entities: list[Entity], text: str | None = None) -> list[Entity]:
    """Keep, greedily, the best entity wherever spans overlap: pattern-backed types first, then
    higher score, then longer span; between a phone and another pattern-backed type still tied,
    the other (an identifier the text named: "NHS number 943 476 5919"); between a name and a
    place, the name (its operator is the stricter one: "Élise" after "je m'appelle" is also a
    village).

    With ``text``, a name from a name grammar (``NAME_GRAMMARS``) that overlaps one stronger name
    and reaches past it adds its words to it: the two become one name ("Noël Teixeira" for the
    model's "Teixeira"; ``_extends_name``).

    With ``text``, a name or place that loses only to pattern-backed entities, which cover less
    than half of its words, keeps the words they do not cover: spaCy's "Mrs. Barbara Yudina Apt"
    loses "Apt" to the address that follows, not the name (dropping it whole left the name in
    the output). A span mostly covered is dropped as before: its leftovers are seldom a name
    ("le" of "le 1er mai 1969", "Tank" of "ZN731052D Tank").

    With ``text``, a name that loses to a place, a firm or a date keeps the capitalised stretches
    none of them covers ("LINSCHOTEN Jill" under the village Linschoten keeps "Jill"), with the
    same half-of-its-words rule.

    With ``text``, an address that runs into an e-mail address, and an address or place that runs
    into an identifier, end before it (``_cut_before_values``); an address block whose last line
    is a listed name, and no place, ends before that line (``_signatures_below_addresses``: "114
    Hope Inlet\nSandra Chambers").

    With ``text``, a pattern-backed entity that loses keeps the stretches no winner covers that
    hold a digit (``_numbered_parts``): two readings of one address, or a phone under an address
    that took its first digits, left a house number or a phone's last digits in the output.
    """
    if text is not None:
        entities = _cut_before_values(entities, text, *EMAIL_CUT)
        entities = _cut_before_values(entities, text, *IDENTIFIER_CUT)
        entities = _signatures_below_addresses(entities, text)
    ranked = sorted(
        entities,
        key=lambda e: (
            e.entity_type in SOFT_TYPES,
            -e.score,
            -(e.end - e.start),
            e.start,
            # a tie between a phone and another pattern-backed type: the other (identifiers share
            # phone shapes: an NHS number is a US number's 3-3-4, and the text named it)
            e.entity_type == PHONE_NUMBER,
            e.entity_type != PERSON,  # a tie between a name and a place: the name (the stricter operator)
            e.entity_type,
            e.recognizer,
        ),
    )
    kept: list[Entity] = []
    lost: list[Entity] = []  # pattern-backed entities that lost: their numbered leftovers, after the loop
    for entity in ranked:
        overlapping = [other for other in kept if entity.start < other.end and other.start < entity.end]
        if not overlapping:
            kept.append(entity)
        elif text is not None and len(overlapping) == 1 and _extends_name(entity, overlapping[0], text):
            # a name grammar's name that reaches past a stronger name: one name, the union of both
            # ("Noël" of "Noël Salmon-Lefebvre" beside the model's "Salmon-Lefebvre")
            other = overlapping[0]
            kept[kept.index(other)] = replace(
                other, start=min(entity.start, other.start), end=max(entity.end, other.end), why=f"{other.why}; joined"
            )
        elif (
            text is not None
            and entity.entity_type in TRIMMABLE_TYPES
            and all(other.entity_type not in SOFT_TYPES for other in overlapping)
        ):
            kept.extend(_uncovered_parts(entity, overlapping, text))
        elif text is not None and entity.entity_type == PERSON and all(o.entity_type != PERSON for o in overlapping):
            # a name a place or firm took part of keeps its capitalised rest: "LINSCHOTEN Jill" under
            # the village Linschoten left "Jill" in the output (the name list's own "Jill" had gone
            # as a duplicate inside the longer name); not a lower-case word the name ran over ("de")
            kept.extend(part for part in _uncovered_parts(entity, overlapping, text) if text[part.start].isupper())
        elif text is not None and entity.entity_type not in SOFT_TYPES:
            lost.append(entity)
    # after the loop: a leftover must not keep out an entity ranked below the one it came from
    # ("3304" of a losing address would block the postcode and town "3304 brugge")
    if text is not None:
        for entity in lost:
            covering = [other for other in kept if entity.start < other.end and other.start < entity.end]
            kept.extend(_numbered_parts(entity, covering, text))
    return sorted(kept, key=lambda e: (e.start, e.end))


def _cut_before_values(
    entities: list[Entity], text: str, values: frozenset[str], cut: frozenset[str], what: str
) -> list[Entity]:
    """``entities`` with each one of a type in ``cut`` that runs into an entity of a type in
    ``values`` (starts before it, ends inside it or with it) ending right before that value, less
    a short lower-case word that joined them (``_kept_before``). An address left with no digit
    goes: its number was the value's. Used for e-mail addresses, which only addresses are cut
    before (``EMAIL_CUT``), and for identifiers, which places are cut before too
    (``IDENTIFIER_CUT``)."""
    found = [e for e in entities if e.entity_type in values]
    if not found:
        return entities
    out = []
    for entity in entities:
        value = next((v for v in found if entity.start < v.start < entity.end <= v.end), None)
        if value is None or entity.entity_type not in cut:
            out.append(entity)
            continue
        kept = _kept_before(text, entity.start, value.start)
        if not kept or (entity.entity_type == ADDRESS and not any(ch.isdigit() for ch in kept)):
            continue
        out.append(replace(entity, end=entity.start + len(kept), why=f"{entity.why}; cut before {what}"))
    return out


def _kept_before(text: str, start: int, cut: int) -> str:
    """``text[start:cut]`` without the separators at its end, nor a short lower-case word that
    joined it to what comes at ``cut`` ("Mons en Hilde.Willems@...", "Enschede en NL43 INGB ...")."""
    kept = text[start:cut].rstrip(" \t,;:")
    head, _, last = kept.rpartition(" ")
    if head and last.isalpha() and last.islower() and len(last) <= MAX_CONNECTOR_LETTERS:
        kept = head.rstrip(" \t,;:")
    return kept


def _signatures_below_addresses(entities: list[Entity], text: str) -> list[Entity]:
    """``entities`` with each address that a listed name ends on a line of its own cut before that
    line: "new address: 114 Hope Inlet\nSandra Chambers" is an address, then the writer's name,
    which an address block grown over the line break had taken as a town (the name went out as
    an address). Only names from the name lists and name rules (not the model's alone), and no
    place read on the same words ("114 Hope Inlet\nMilton Keynes" is a town line)."""
    addresses = [e for e in entities if e.entity_type == ADDRESS]
    if not addresses:
        return entities
    out = list(entities)
    for person in entities:
        if person.entity_type != PERSON or person.recognizer not in LISTED_NAME_RECOGNIZERS:
            continue
        if "\n" in text[person.start : person.end] or text[person.end :].split("\n", 1)[0].strip():
            continue  # the name fills the rest of its line
        if any(e.entity_type == LOCATION and e.start < person.end and person.start < e.end for e in entities):
            continue
        for index, address in enumerate(out):
            if address.entity_type != ADDRESS or address.end != person.end or address.start >= person.start:
                continue
            above = text[address.start : person.start]
            line_break = above.rfind("\n")
            if line_break <= 0 or above[line_break:].strip() or not above[:line_break].strip(" \t\r,"):
                continue
            cut = address.start + len(above[:line_break].rstrip(" \t\r,"))
            out[index] = replace(address, end=cut, why=f"{address.why}; name line left out")
    return out


def add_name_repeats(
    text: str, entities: list[Entity], lexicon: NameLexicon, allow: frozenset[str] = frozenset()
) -> list[Entity]:
    """``entities`` (resolved, in text order) with the other occurrences of their persons' names
    (``lexicons.name_repeats``: "directed by Wacława Adamska and starring Adamska"). Each recognizer
    repeats its own names; this finds a name one recognizer found where another saw something
    else or nothing. A repeat nothing covers becomes a PERSON; one that is exactly an organisation
    or a place becomes a PERSON with its score ("Adamska" read as a place); one overlapping
    anything else stays as it is. Repeats in ``allow`` are left alone."""
    persons = [(e.start, e.end, e.score) for e in entities if e.entity_type == PERSON]
    if not persons:
        return entities
    folded = text.casefold()
    if not any(folded.count(word) > 1 for s, e, _ in persons for word in folded[s:e].split() if len(word) > 2):
        return entities  # most messages: no word of a name comes twice (a quick count before the scan)
    # a repeat may retype a place or organisation, never another kind of entity
    taken = [(e.start, e.end) for e in entities if e.entity_type not in (LOCATION, ORGANIZATION, PERSON)]
    repeats = name_repeats(text, persons, taken, lexicon)
    if not repeats:
        return entities
    return _put_persons(text, entities, repeats, NAME_REPEATS, "repeated name", allow)


def _put_persons(
    text: str,
    entities: list[Entity],
    found: Iterable[tuple[int, int, float]],
    rule: str,
    why: str,
    allow: frozenset[str],
) -> list[Entity]:
    """``entities`` with the persons an entity rule ``found`` (start, end, score): one nothing
    covers is added; one that is exactly an organisation or a place retypes it, keeping its score;
    one that holds only organisations and places, inside it, takes their place ("this is karen
    jordan karen jordan": the model's "jordan" in the repeat); one overlapping anything else is
    left out, as is one in ``allow``."""
    out = list(entities)
    for start, end, score in found:
        if allow and _casefold_key(text[start:end]) in allow:
            continue
        overlapping = [k for k, e in enumerate(out) if e.start < end and start < e.end]
        if not overlapping:
            out.append(Entity(PERSON, start, end, score, rule, why))
            continue
        k = overlapping[0]
        other = out[k]
        if (
            len(overlapping) == 1
            and (other.start, other.end) == (start, end)
            and other.entity_type in (ORGANIZATION, LOCATION)
        ):
            out[k] = replace(other, entity_type=PERSON, why=f"{other.why}; {why}")
        elif all(
            out[i].entity_type in (ORGANIZATION, LOCATION) and start <= out[i].start and out[i].end <= end
            for i in overlapping
        ):
            inside = {id(out[i]) for i in overlapping}
            best = max([score] + [out[i].score for i in overlapping])
            out = [e for e in out if id(e) not in inside]
            out.append(Entity(PERSON, start, end, best, rule, why))
    return sorted(out, key=lambda e: (e.start, e.end))


def add_listed_names(
    text: str, entities: list[Entity], listed: ListedNames, allow: frozenset[str] = frozenset()
) -> list[Entity]:
    """``entities`` (resolved, in text order) with the names listed next to their names
    (``recognizers.names.name_lists``): an item nothing covers becomes a PERSON; an item that is
    exactly an organisation or a place becomes a PERSON with its score ("Eklund, Michael and Hodge"
    where the model read "Hodge" as a company); an item overlapping anything else stays as it is.
    Items in ``allow`` (the configured allow-list) are left alone."""
    persons = [(e.start, e.end, e.score) for e in entities if e.entity_type == PERSON]
    if not persons:
        return entities
    items = listed.find(text, persons)
    if not items:
        return entities
    found = [(item.start, item.end, LISTED_SCORE) for item in items]
    return _put_persons(text, entities, found, LISTED_NAMES, "listed with a name", allow)


def add_ages_beside_names(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` (resolved, in text order) with the ages written right after their names ("Jan
    Jansen (45)", ``recognizers.generic.age_beside_name``), where nothing covers the number."""
    persons = [(e.start, e.end) for e in entities if e.entity_type == PERSON]
    if not persons:
        return entities
    ages = [
        Entity(AGE, start, end, AGE_BESIDE_NAME_SCORE, AGE_BESIDE_NAME, "number right after a name")
        for start, end in ages_beside_names(text, persons)
        if not any(e.start < end and start < e.end for e in entities)
    ]
    return sorted([*entities, *ages], key=lambda e: (e.start, e.end)) if ages else entities


def relabel_firms(text: str, language: str, entities: list[Entity], lexicon: NameLexicon, report: bool) -> list[Entity]:
    """``entities`` (resolved, in text order) with the names inside a firm named after people
    ("Barnett, Melton and Garcia", "Thomas and Sons": ``recognizers.generic.firm_names``) replaced
    by one ``ORGANIZATION`` over the firm (``report``), or dropped. A firm that overlaps anything
    other than names and organisations is left as found."""
    persons = [(e.start, e.end) for e in entities if e.entity_type == PERSON]
    firms = firm_names(text, language, persons, lexicon.first_names, lexicon.organization_words)
    if not firms:
        return entities
    kept = list(entities)
    for start, end in firms:
        inside = [e for e in kept if e.start < end and start < e.end]
        if any(e.entity_type not in (PERSON, ORGANIZATION) for e in inside):
            continue
        if any(e.entity_type == PERSON and (e.start < start or e.end > end) for e in inside):
            continue  # "J. Leleux & Co": a person's full name reaches past it, which stays a name
        kept = [e for e in kept if not (e.start < end and start < e.end)]
        if report:
            kept.append(Entity(ORGANIZATION, start, end, FIRM_SCORE, FIRM_NAMES, "firm named after people"))
    return sorted(kept, key=lambda e: (e.start, e.end))


def join_address_parts(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` (resolved, in text order) with the parts of one address and the town between
    them reported as one ``ADDRESS`` (``recognizers.generic.address_parts``)."""
    if sum(1 for e in entities if e.entity_type == ADDRESS) < 2:
        return entities  # most messages: nothing to join
    joins = joined_addresses(text, [(e.start, e.end, e.entity_type) for e in entities])
    if not joins:
        return entities
    joined: list[Entity] = []
    position = 0
    for first, last in joins:
        joined.extend(entities[position:first])
        parts = entities[first : last + 1]
        score = max(e.score for e in parts if e.entity_type == ADDRESS)
        joined.append(Entity(ADDRESS, parts[0].start, parts[-1].end, score, ADDRESS_PARTS, "address parts and town"))
        position = last + 1
    joined.extend(entities[position:])
    return joined


#: Recognizers that parse a whole name from name lists, titles and cues: where one of their names
#: reaches past a stronger name it overlaps, the words it adds are part of the name. The model's
#: longer spans are not taken so ("Producer Christoffer Bertelsen", "Leanne Murphy Thanks").
NAME_GRAMMARS = frozenset(
    {"DutchNameRecognizer", "NameLookupRecognizer", "ChatNamePatternRecognizer", "InitialAliasRecognizer"}
)


def _extends_name(weaker: Entity, stronger: Entity, text: str) -> bool:
    """``weaker``, a name from a name grammar, adds a word to the name ``stronger``: "Noël Teixeira"
    to the model's "Teixeira", "aksel kristensen" to "kristensen"; not a lower-case particle before
    a capitalised name ("van" of "op naam van DUIVENVOORDEN Wouter"), nor a suffix ("Amanda's")."""
    if not (weaker.entity_type == stronger.entity_type == PERSON and weaker.recognizer in NAME_GRAMMARS):
        return False
    before = text[weaker.start : stronger.start] if weaker.start < stronger.start else ""
    after = text[stronger.end : weaker.end] if weaker.end > stronger.end else ""
    if not any(len(word) >= 2 and word.isalpha() for word in (before + " " + after).split()):
        return False
    return not (before[:1].islower() and text[stronger.start : stronger.start + 1].isupper())


def _uncovered_parts(entity: Entity, covering: list[Entity], text: str) -> list[Entity]:
    """The stretches of ``entity`` that none of ``covering`` overlaps, without the spaces and
    punctuation at their edges, when they hold half of its words or more; none otherwise, nor when the
    entity starts or ends inside a word ("D Tank" after "ZN731052": the initial is an identifier's
    last letter)."""
    stretches = _stretches(entity, covering, text)
    kept = [
        replace(entity, start=start, end=end, why=f"{entity.why}; trimmed")
        for start, end in stretches
        # a civility alone names no one: "monsieur" of "monsieur Ghislaine.Devos@..." under the e-mail
        if not (entity.entity_type == PERSON and text[start:end].casefold().rstrip(".") in CIVILITIES)
    ]
    words = len(text[entity.start : entity.end].split())
    if 2 * sum(len(text[part.start : part.end].split()) for part in kept) < words:
        return []
    return kept


def _numbered_parts(entity: Entity, covering: list[Entity], text: str) -> list[Entity]:
    """The stretches of ``entity`` that none of ``covering`` overlaps and that hold a digit: what
    a pattern-backed entity that lost to overlapping ones would otherwise leave in the output (the
    last digits of "0477.53.92.07" under an address that took "0477", the house number "3482" of
    "3482 Via Franscini 71" under a reading that starts at "Franscini"). Words without a digit
    are left out: a cue's words ("Bezorgen op") or a greeting ("Bedankt") that a longer reading
    took in identify no one."""
    return [
        replace(entity, start=s, end=e, why=f"{entity.why}; trimmed")
        for s, e in _stretches(entity, covering, text)
        if any(ch.isdigit() for ch in text[s:e])
    ]


def _stretches(entity: Entity, covering: list[Entity], text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``entity`` outside ``covering``, without the spaces and
    punctuation at its edges; none when the entity starts or ends inside a word."""
    if (entity.start > 0 and text[entity.start - 1].isalnum()) or (
        entity.end < len(text) and text[entity.end].isalnum()
    ):
        return []
    parts = []
    position = entity.start
    for other in sorted(covering, key=lambda e: e.start):
        parts.append((position, min(other.start, entity.end)))
        position = max(position, other.end)
    parts.append((position, entity.end))
    stretches = []
    for first, last in parts:
        start, end = first, last
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            stretches.append((start, end))
    return stretches


class RelevantContext:
    """The context words that can change one language's results, for the result cache's key.

    A context word only lifts a score when one of the recognizers' context words is part of it
    (Presidio's substring matching, in lower case), and only makes a reply of the message when it
    is a reply reader's question word (``questions``). Others change nothing, so two messages whose
    contexts differ only in those have the same result: in the pipeline the context is the
    conversation's previous message, different nearly every time, and keying on all of it would
    make repeats (a bot's "please hold") miss the cache. A recognizer with its own context hook may
    read any context word: then all of them count.
    """

    def __init__(
        self, recognizers: Sequence[EntityRecognizer], own_hook: bool, questions: frozenset[str] = frozenset()
    ) -> None:
        self._context_words = tuple(sorted({word.lower() for r in recognizers for word in r.context or ()}))
        self._questions = questions  # whole words a reply reader looks for (``RepliesToQuestions``)
        self._all = own_hook
        self._memo: WordMemo[bool] = WordMemo()  # lower-cased word -> holds a context word

    def of(self, context: Sequence[str] | None) -> tuple[str, ...]:
        """The words of ``context`` that matter, lower-cased, sorted, each once."""
        if not context:
            return ()
        if self._all:
            return tuple(context)
        memo = self._memo
        kept = set()
        for word in context:
            lowered = word.lower()
            relevant = memo.get(lowered)
            if relevant is None:
                relevant = memo.remember(
                    lowered, lowered in self._questions or any(c in lowered for c in self._context_words)
                )
            if relevant:
                kept.add(lowered)
        return tuple(sorted(kept))


@dataclass
class DetectionSettings:
    """The detection part of the config, resolved (paths made absolute, lists loaded)."""

    languages: list[str]
    models: dict[str, list[str]]
    score_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    entities: list[str] | None = None
    disabled_recognizers: frozenset[str] = frozenset()
    lexicon_dir: Path = RecognizerSettings().lexicon_dir
    allow_list: dict[str, frozenset[str]] = field(default_factory=dict)
    blas_threads: int = 1
    renew_pipeline_after: int = 0
    tokenizer_cache_size: int = DEFAULT_CAPACITY
    result_cache_size: int = 10_000

    @classmethod
    def from_config(cls, config: PiiflowConfig, config_path: Path) -> DetectionSettings:
        """Resolve the config's detection settings relative to the config file (``ConfigError``
        when its ``lexicon_dir`` lacks a term list: ``processors.config.checked_lexicon_dir``)."""
        det = config.detection
        lexicon_dir = checked_lexicon_dir(config, config_path)
        allow: dict[str, set[str]] = defaultdict(set)
        allow_file = lexicon_dir / ALLOW_LIST_FILE
        if allow_file.exists():
            data = load_mapping(allow_file)
            for lang, words in data.items():
                allow[str(lang)].update(_casefold_key(str(w)) for w in words or [])
        for lang, words in det.allow_list.items():
            allow[lang].update(_casefold_key(w) for w in words)
        return cls(
            languages=list(config.languages.supported),
            models={lang: list(config.languages.models[lang]) for lang in config.languages.supported},
            blas_threads=config.languages.blas_threads,
            renew_pipeline_after=config.languages.renew_pipeline_after,
            tokenizer_cache_size=config.languages.tokenizer_cache_size,
            score_threshold=det.score_threshold,
            thresholds=dict(det.thresholds),
            entities=list(det.entities) if det.entities is not None else None,
            disabled_recognizers=frozenset(det.disabled_recognizers),
            lexicon_dir=lexicon_dir,
            allow_list={lang: frozenset(words) for lang, words in allow.items()},
            result_cache_size=det.result_cache_size,
        )


def share_common_vocabulary(
    engine: PiiflowNlpEngine, lexicon_dir: Path, languages: Iterable[str] | None = None
) -> None:
    """Let ``engine``'s tokenizers cache the words of each language's lexicon of ordinary words
    (``NameLexicon.common_vocabulary``), besides the model's own strings (``processors.tokenizer_cache``).
    ``languages``: those loaded (default: every language the engine has loaded)."""
    for language in list(engine.tokenizer_caches) if languages is None else languages:
        engine.add_cacheable_words(language, load_lexicon(lexicon_dir, language).common_vocabulary())


class Detector:
    """Batched, per-language detection over Presidio recognizers and spaCy pipelines."""

    def __init__(
        self, settings: DetectionSettings, nlp_engine: PiiflowNlpEngine | None = None, on_demand: bool = False
    ) -> None:
        """``on_demand``: load each language's model and recognizers when the first text in that
        language arrives, instead of all of them now. For one-shot commands (``piiflow detect``,
        ``eval``) over files that hold one or two of the languages; a worker loads everything up
        front, so that a missing model stops it before it consumes anything."""
        self.settings = settings
        with collector_paused():  # loading: only objects that stay (heap.collector_paused)
            self.nlp_engine = nlp_engine or PiiflowNlpEngine.from_candidates(
                settings.models,
                settings.blas_threads,
                settings.renew_pipeline_after,
                settings.tokenizer_cache_size,
                load_now=[] if on_demand else None,
            )
        # entities of recently seen messages: a repeated message is not analysed again
        self.results: ResultCache[tuple[Entity, ...]] = ResultCache(settings.result_cache_size)
        self._recognizer_settings = RecognizerSettings(
            lexicon_dir=settings.lexicon_dir, disabled=settings.disabled_recognizers
        )
        self._registry = RecognizerRegistry(supported_languages=settings.languages)
        self._analyzer: AnalyzerEngine | None = None
        self.entities_by_language: dict[str, list[str]] = {}
        # Resolved once per language: Presidio's analyze() filters the registry on every call,
        # which costs more than most recognizers do on a short chat message.
        self.recognizers_by_language: dict[str, list[EntityRecognizer]] = {}
        # Regex recognizers are called only on texts where one of their patterns matches somewhere.
        self._screens: dict[str, PatternScreen] = {}
        # Context enhancement only changes results of recognizers with context words, and the
        # recognizer-level hook only matters where a recognizer overrides it: both known up front.
        self._with_context: dict[str, frozenset[str]] = {}
        self._with_own_hook: dict[str, bool] = {}
        self._relevant_context: dict[str, RelevantContext] = {}
        self._relevant_in_any_language: RelevantContext | None = None
        # names listed with a name found ("Eklund, Michael and Hodge"), where PERSON is wanted
        self._listed_names: dict[str, ListedNames] = {}
        self._name_repeats: dict[str, NameLexicon] = {}
        # ages written right after a name ("Jan Jansen (45)"), where AGE is wanted
        self._ages_beside_names: dict[str, bool] = {}
        self._address_parts: dict[str, bool] = {}
        self._firm_names: dict[str, NameLexicon] = {}
        # a conversation's reply to the question its previous message asked ("wat is uw
        # achternaam?", "Brinkerhoff"): the recognizers that read replies, per language, and each
        # one's question words in every language prepared, under its name (the reply's language is
        # often not the question's)
        self._reply_readers: dict[str, list[RepliesToQuestions]] = {}
        self._questions: dict[str, frozenset[str]] = defaultdict(frozenset)
        self._min_threshold = min([settings.score_threshold, *settings.thresholds.values()])
        if not on_demand:
            with collector_paused():
                for language in settings.languages:
                    self._prepare(language)
            self._relevant_in_any_language = self._relevant_in(settings.languages)
            self._analyzer = self._make_analyzer()  # now, as everything else a worker needs

    def _prepare(self, language: str) -> None:
        """Load ``language``'s pipeline (unless loaded) and build its recognizers, screen and tables."""
        self.nlp_engine.ensure_loaded(language)
        # the lexicons import spaCy's language data, which compiles the French tokenizer's regex if
        # no pipeline did yet (a detector given an engine): cached like a model load
        with cached_compiles():
            recognizers = build_recognizers(language, self._recognizer_settings)
        for recognizer in recognizers:
            self._registry.add_recognizer(recognizer)
        supported = {e for r in recognizers for e in r.supported_entities} & ALL_ENTITIES
        wanted = set(self.settings.entities) if self.settings.entities is not None else supported
        entities = sorted(supported & wanted)
        share_common_vocabulary(self.nlp_engine, self.settings.lexicon_dir, [language])
        # in the order they were built: Presidio's registry returns them from a set, in an order that
        # changed from process to process (and with it how fast a batch went, not what it found)
        position = {id(recognizer): index for index, recognizer in enumerate(recognizers)}
        chosen: list[EntityRecognizer] = []
        if entities:  # Presidio's registry raises on a request no recognizer serves
            chosen = sorted(
                self._registry.get_recognizers(language=language, entities=entities, all_fields=False),
                key=lambda recognizer: position[id(recognizer)],
            )
        else:
            # e.g. ``entities: [FR_NIR]``: nothing to look for in English texts. Said once, since
            # such texts then reach the sinks as they came (what the config asks for).
            LOG.warning(
                "no recognizer serves the configured entities in this language: its texts get no entities",
                extra={"language": language},
            )
        self._screens[language] = PatternScreen(chosen)
        self._with_context[language] = frozenset(r.id for r in chosen if r.context)
        self._with_own_hook[language] = any(
            type(r).enhance_using_context is not EntityRecognizer.enhance_using_context for r in chosen
        )
        # added to, not replaced: detectors may share an engine (each detector's context words are
        # its recognizers' own, so a word another one keeps lifts nothing here)
        kept = self.nlp_engine.context_stop_words
        kept[language] = kept.get(language, frozenset()) | context_stop_words(self.nlp_engine.nlp[language], chosen)
        if PERSON in entities and LISTED_NAMES not in self.settings.disabled_recognizers:
            self._listed_names[language] = ListedNames(load_lexicon(self.settings.lexicon_dir, language))
        if PERSON in entities and NAME_REPEATS not in self.settings.disabled_recognizers:
            self._name_repeats[language] = load_lexicon(self.settings.lexicon_dir, language)
        disabled = self.settings.disabled_recognizers
        self._ages_beside_names[language] = AGE in entities and AGE_BESIDE_NAME not in disabled
        self._address_parts[language] = ADDRESS in entities and ADDRESS_PARTS not in disabled
        if PERSON in entities and FIRM_NAMES not in disabled:
            self._firm_names[language] = load_lexicon(self.settings.lexicon_dir, language)
        readers = [r for r in chosen if isinstance(r, RepliesToQuestions) and r.question_words]
        self._reply_readers[language] = readers
        for reader in readers:
            self._questions[reader.name] |= reader.question_words
        # every language's question words count in every language's cache key: a reply is read
        # whatever language asked (each language prepared so far, this one included, anew)
        for prepared, its_recognizers in {**self.recognizers_by_language, language: chosen}.items():
            self._relevant_context[prepared] = RelevantContext(
                its_recognizers, self._with_own_hook[prepared], self._all_questions()
            )
        self._relevant_in_any_language = None
        self.entities_by_language[language] = entities
        self.recognizers_by_language[language] = chosen  # last: marks the language ready

    def _ensure(self, languages: Iterable[str]) -> None:
        """Prepare those of ``languages`` not prepared yet (``on_demand``)."""
        missing = [language for language in dict.fromkeys(languages) if language not in self.recognizers_by_language]
        with collector_paused():
            for language in missing:
                self._prepare(language)
        if missing:
            freeze_startup_heap()  # what the command did after start-up, for what loaded since

    def _relevant_in(self, languages: Sequence[str]) -> RelevantContext:
        recognizers = [r for language in languages for r in self.recognizers_by_language[language]]
        own_hook = any(self._with_own_hook[language] for language in languages)
        return RelevantContext(recognizers, own_hook, self._all_questions())

    def _all_questions(self) -> frozenset[str]:
        """Every reply reader's question words, in every language prepared."""
        return frozenset().union(*self._questions.values())

    @property
    def analyzer(self) -> AnalyzerEngine:
        """Presidio's engine over the recognizers prepared so far; ``_enhance`` calls its context
        step. On demand, made once the first language is prepared (with an empty registry Presidio
        would load its own predefined recognizers)."""
        if self._analyzer is None:
            self._analyzer = self._make_analyzer()
        return self._analyzer

    def _make_analyzer(self) -> AnalyzerEngine:
        return AnalyzerEngine(
            registry=self._registry,
            nlp_engine=self.nlp_engine,
            supported_languages=self.settings.languages,
            context_aware_enhancer=InPlaceContextEnhancer(
                context_similarity_factor=0.35, min_score_with_context_similarity=0.4
            ),
        )

    @classmethod
    def from_config(cls, config: PiiflowConfig, config_path: Path, on_demand: bool = False) -> Detector:
        """Build the detector the config describes (loads the spaCy models, or, ``on_demand``, each
        when its language first comes up)."""
        return cls(DetectionSettings.from_config(config, config_path), on_demand=on_demand)

    def context_words_that_matter(self, words: Sequence[str]) -> tuple[str, ...]:
        """The words of ``words`` that can change a result as context, in any language (see
        ``RelevantContext``): what a conversation needs to keep of its previous message. An
        ``on_demand`` detector prepares every language for this."""
        if self._relevant_in_any_language is None:
            self._ensure(self.settings.languages)
            self._relevant_in_any_language = self._relevant_in(self.settings.languages)
        return self._relevant_in_any_language.of(words)

    def threshold(self, entity_type: str) -> float:
        """The score an entity of this type needs to be reported."""
        return self.settings.thresholds.get(entity_type, self.settings.score_threshold)

    def detect(
        self,
        texts: Sequence[str],
        languages: Sequence[str],
        contexts: Sequence[list[str]] | None = None,
    ) -> list[list[Entity]]:
        """Entities for each text, in input order; ``languages[i]`` must be a configured language.

        ``contexts[i]``, if given, are extra context words for text ``i`` (e.g. the conversation's
        previous message): they lift context-dependent matches like words inside the text do.

        A message seen before (same language, text and relevant context words), earlier in this
        call or in a recent one, gets the entities found then (``self.results``), not analysed again.
        """
        self._ensure(languages)
        out: list[list[Entity]] = [[] for _ in texts]
        cache = self.results
        keys: dict[int, bytes] = {}  # index -> digest, for the messages analysed in this call
        first: dict[bytes, int] = {}  # digest -> index of its first occurrence in this call
        repeats: list[tuple[int, int]] = []  # (index, index of the same message earlier in this call)
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, language in enumerate(languages):
            if cache.enabled:
                context = self._relevant_context[language].of(contexts[index] if contexts is not None else None)
                key = cache.digest(language, texts[index], *context)
                if key in first:
                    repeats.append((index, first[key]))
                    cache.hits += 1
                    continue
                known = cache.get(key)
                if known is not None:
                    out[index] = list(known)
                    continue
                first[key] = index
                keys[index] = key
            by_language[language].append(index)
        for language, indices in by_language.items():
            if not self.recognizers_by_language[language]:
                continue  # nothing to look for in this language (``_prepare``): no spaCy pass either
            batch = [texts[i] for i in indices]
            extras = [contexts[i] if contexts is not None else None for i in indices]
            with self.nlp_engine.memory_zone(language, batch), keeping_tokens():
                artifacts = list(self.nlp_engine.artifacts_for(batch, language))
                analysed = self._analyze_group(batch, language, artifacts, extras)
                for index, text, results in zip(indices, batch, analysed, strict=True):
                    out[index] = self._postprocess(text, language, results)
                    if index in keys:
                        cache.put(keys[index], tuple(out[index]))
        for index, source in repeats:
            out[index] = list(out[source])
        return out

    def _analyze_group(
        self,
        texts: Sequence[str],
        language: str,
        artifacts: Sequence[NlpArtifacts],
        contexts: Sequence[list[str] | None],
    ) -> list[list[RecognizerResult]]:
        """What ``AnalyzerEngine.analyze`` does for each of ``texts`` (all in ``language``), over the
        precomputed recognizer list.

        One recognizer at a time over all the texts, rather than every recognizer over one text
        then the next: a recognizer's tables, memos and automata stay in the processor's caches
        from one text to the next instead of being pushed out by the other twenty recognizers.
        Over the 5,000-message benchmark corpus this made detection about 10 % faster (median of
        eight alternating rounds in one process). Each text's raw results are still gathered in
        recognizer order, so everything after this is as if the texts had been analysed one by one.
        """
        entities = self.entities_by_language[language]
        raws: list[list[RecognizerResult]] = [[] for _ in texts]
        for recognizer, indices in self._screens[language].plan(texts):
            name, identifier = recognizer.name, recognizer.id
            for index in indices:
                found = recognizer.analyze(text=texts[index], entities=entities, nlp_artifacts=artifacts[index])
                if not found:
                    continue
                for result in found:
                    metadata = result.recognition_metadata
                    if metadata is None:
                        result.recognition_metadata = metadata = {}
                    metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, name)
                    metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, identifier)
                raws[index].extend(found)
        readers = self._reply_readers.get(language, ())
        if readers:
            for text, raw, context in zip(texts, raws, contexts, strict=True):
                if context:
                    raw.extend(self._replies(text, raw, readers, frozenset(word.lower() for word in context)))
                if "?" in text:
                    raw.extend(self._replies_inside(text, raw, readers))
        return [
            self._enhance(text, language, raw, nlp_artifacts, context)
            for text, raw, nlp_artifacts, context in zip(texts, raws, artifacts, contexts, strict=True)
        ]

    def _replies_inside(
        self, text: str, raw: list[RecognizerResult], readers: Sequence[RepliesToQuestions]
    ) -> list[RecognizerResult]:
        """What the reply readers find after the last question of a text that holds its own reply
        ("What's your date of birth? 12/03/1985", "Bot: What is your name? User: Arcuri", "Wat is
        uw achternaam?\nKlant: Brinkerhoff"): the text after the "?" (a speaker label skipped),
        short and on one line, read as a reply to the question's sentence, as a conversation's
        next message is read after its previous one."""
        mark = text.rfind("?")
        if mark <= 0:
            return []
        label = _SPEAKER_LABEL.match(text, mark + 1)
        start = label.end() if label is not None else mark + 1
        reply = text[start:].rstrip()
        if not reply or len(reply) > MAX_INLINE_REPLY or "\n" in reply:
            return []
        opening = max(text.rfind(end, 0, mark) for end in _SENTENCE_ENDS) + 1
        asked = frozenset(word.lower() for word in _QUESTION_WORD.findall(text, opening, mark))
        inside = [
            RecognizerResult(r.entity_type, r.start - start, r.end - start, r.score)
            for r in raw
            if r.start >= start and r.end <= start + len(reply)
        ]
        answers = self._replies(reply, inside, readers, asked)
        for answer in answers:
            answer.start += start
            answer.end += start
        return answers

    def _replies(
        self, text: str, found: list[RecognizerResult], readers: Sequence[RepliesToQuestions], asked: frozenset[str]
    ) -> list[RecognizerResult]:
        """What the readers one of whose question words ``asked`` holds read in ``text`` as a reply."""
        answers = []
        for reader in readers:
            if not asked.isdisjoint(self._questions[reader.name]):
                answer = reader.reply(text, found, asked)
                if answer is not None:
                    answers.append(answer)
        return answers

    def _enhance(
        self,
        text: str,
        language: str,
        raw: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        context: list[str] | None,
    ) -> list[RecognizerResult]:
        """One text's raw results after context enhancement, the score floor and de-duplication."""
        if not raw:
            return raw
        recognizers = self.recognizers_by_language[language]
        if self._with_own_hook[language]:
            enhanced = self.analyzer._enhance_using_context(text, raw, nlp_artifacts, recognizers, context or None)
        elif any(
            r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] in self._with_context[language]
            for r in raw
        ):
            # What analyze() does when no recognizer has its own hook: raw is already grouped in
            # recognizer order, and only the lemma enhancer can change a score.
            enhanced = self.analyzer.context_aware_enhancer.enhance_using_context(
                text=text,
                raw_results=raw,
                nlp_artifacts=nlp_artifacts,
                recognizers=recognizers,
                context=context or None,
            )
        else:
            enhanced = raw
        kept = [r for r in enhanced if r.score >= self._min_threshold]
        return remove_duplicates(kept)

    def _postprocess(self, text: str, language: str, results: list[RecognizerResult]) -> list[Entity]:
        allow = self.settings.allow_list.get(language, frozenset())
        entities = []
        for result in results:
            if result.score < self.threshold(result.entity_type):
                continue
            metadata = result.recognition_metadata or {}
            if (
                result.entity_type not in NEVER_ALLOW_LISTED
                and allow
                and not metadata.get(ANNOUNCED_NAME_KEY)  # "my name is June": a name, whatever the list says
                and allow_listed(text, result.start, result.end, allow)
            ):
                continue
            end = result.end
            if (
                result.entity_type == PERSON
                and text[end - 2 : end] in POSSESSIVE_ENDINGS
                and end - 2 > result.start + 1
            ):
                end -= 2  # "Dr. Amara Okafor's assistant": the name without its possessive
            entities.append(
                Entity(
                    entity_type=result.entity_type,
                    start=result.start,
                    end=end,
                    score=float(result.score),
                    recognizer=str(metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown")),
                    why=_explain(result),
                )
            )
        resolved = resolve_overlaps(entities, text)
        repeats = self._name_repeats.get(language)
        if repeats is not None:
            resolved = add_name_repeats(text, resolved, repeats, allow)
        listed = self._listed_names.get(language)
        if listed is not None and self.threshold(PERSON) <= LISTED_SCORE:
            resolved = add_listed_names(text, resolved, listed, allow)
        if self._ages_beside_names[language] and self.threshold(AGE) <= AGE_BESIDE_NAME_SCORE:
            resolved = add_ages_beside_names(text, resolved)
        if self._address_parts[language]:
            resolved = join_address_parts(text, resolved)
        firm_lexicon = self._firm_names.get(language)
        if firm_lexicon is not None:
            report = ORGANIZATION in self.entities_by_language[language] and self.threshold(ORGANIZATION) <= FIRM_SCORE
            resolved = relabel_firms(text, language, resolved, firm_lexicon, report)
        return resolved
