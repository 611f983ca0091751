"""GDPR art. 9 special categories (health, religion, politics...) from curated term lists."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import AGE_OLD_WORDS, TextRecognizer, make_result
from recognizers.entities import SPECIAL_CATEGORIES
from recognizers.names.lexicons import Token, WordMemo, fold, load_lexicon, strip_accents, tokenize
from recognizers.settings import SPECIAL_CATEGORIES_FILE
from recognizers.yaml_data import LexiconError, load_mapping

LOG = logging.getLogger(__name__)

DEFAULT_SCORE = 0.75
DEFAULT_CONTEXT_SCORE = 0.65
CONTEXT_WINDOW = 6  # tokens either side of an ambiguous term
#: Words after a writer's first name that say where they work ("Christian from support")
FROM_WORDS = {"en": ("from",)}
#: The verb of a writer's introduction, as ``_keys`` splits it ("I'm" is "i'" and "m")
INTRO_VERBS = frozenset({"m", "am", "is", "s", "suis", "ben"})
MIN_STEM = 4  # a suffix is only stripped when at least this many letters remain ("fois" stays "fois")
ELISION_MAX = 3  # "l'", "d'", "qu'": split off when this short ("l'islam" -> "l'" + "islam")

# Inflection endings stripped before lookup, longest first, on both the terms and the text, so that
# "diabétique", "diabétiques" and "Diabetique" meet on one key.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "fr": ("ees", "ee", "es", "s", "e", "x"),  # "hospitalisée(s)" meets "hospitalisé": both lose their "é(e)"
    "nl": ("'s", "en", "s", "e"),
    "en": ("'s", "es", "s"),
}


@dataclass(frozen=True, slots=True)
class _Entry:
    entity: str
    ambiguous: bool
    score: float
    context: frozenset[str]  # single context words
    context_phrases: tuple[tuple[str, ...], ...] = ()  # context phrases, matched word by word ("en tant que")


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[tuple[str, ...], _Entry]
    max_words: int
    first_words: frozenset[str]  # the first key of every entry: most tokens start none, and are skipped


def _split_elisions(tokens: Sequence[Token]) -> Sequence[Token]:
    out: list[Token] = []
    for token in tokens:
        text = token.text.replace("’", "'")
        cut = text.find("'")
        if 0 < cut <= ELISION_MAX and cut < len(text) - 1 and text[:cut].isalpha():
            out.append(Token.of(token.text[: cut + 1], token.start, token.start + cut + 1))
            out.append(Token.of(token.text[cut + 1 :], token.start + cut + 1, token.end))
        else:
            out.append(token)
    return out


def _stem(key: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_STEM:
            return key[: -len(suffix)]
    return key


def _key(word: str, suffixes: tuple[str, ...]) -> str:
    """Lookup key of one token. Not cached itself: at run time it is only called when the
    recognizer's word memo misses, and a cache behind the memo answered 1.5 % of those calls (1,120
    of 73,500 over 100,000 generated messages) while holding 16,384 words."""
    return _stem(strip_accents(fold(word)), suffixes)


def _keys(text: str, suffixes: tuple[str, ...], memo: WordMemo[str] | None = None) -> list[tuple[str, Token]]:
    """(lookup key, token) of each word of ``text``. ``memo`` (word -> key, bounded) spares the
    ``_key`` work for words seen before (chat repeats its words)."""
    tokens: Sequence[Token] = tokenize(text)
    if "'" in text or "’" in text:  # no apostrophe, no elision to split
        tokens = _split_elisions(tokens)
    keyed = []
    for token in tokens:
        word = token.text
        if not (word[0].isalnum() or word in "&'"):
            continue
        key = memo.get(word) if memo is not None else None
        if key is None:
            key = _key(word, suffixes)
            if memo is not None:
                memo.remember(word, key)
        keyed.append((key, token))
    return keyed


def _holds(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """``phrase`` stands in ``words``, its words in a row."""
    width = len(phrase)
    return any(tuple(words[i : i + width]) == phrase for i in range(len(words) - width + 1))


@functools.cache
def _load(path: str, language: str) -> _Lexicon:
    file = Path(path)
    suffixes = SUFFIXES.get(language, ())
    data: dict[str, Any] = {}
    if file.exists():
        data = load_mapping(file)
    else:
        LOG.warning("special-category lexicon missing", extra={"path": str(file)})
    entries: dict[tuple[str, ...], _Entry] = {}
    for category, section in data.items():
        entity = f"SPECIAL_{str(category).upper()}"
        if entity not in SPECIAL_CATEGORIES or not isinstance(section, dict):
            raise LexiconError(f"{file}: unknown special category '{category}'")
        # a phrase counts whole: its words one by one ("que", "je" of "parce que je suis") are in
        # every French sentence, and made "noir" in "le modèle noir" an ethnic origin
        context_keys = [tuple(k for k, _ in _keys(str(c), suffixes)) for c in section.get("context") or []]
        context = frozenset(key[0] for key in context_keys if len(key) == 1)
        phrases = tuple(key for key in context_keys if len(key) > 1)
        score = float(section.get("score", DEFAULT_SCORE))
        context_score = float(section.get("context_score", DEFAULT_CONTEXT_SCORE))
        for ambiguous, terms in ((False, section.get("terms")), (True, section.get("ambiguous"))):
            for term in terms or []:
                key = tuple(k for k, _ in _keys(str(term), suffixes))
                if not key:
                    continue
                entry = _Entry(entity, ambiguous, context_score if ambiguous else score, context, phrases)
                previous = entries.get(key)
                if previous is None or (previous.ambiguous and not ambiguous):
                    entries[key] = entry  # an unambiguous listing wins over an ambiguous one
    return _Lexicon(entries, max((len(k) for k in entries), default=1), frozenset(k[0] for k in entries))


class SpecialCategoryRecognizer(TextRecognizer):
    """Words that reveal a GDPR art. 9 special category: health, religion, political opinion,
    ethnic origin, sexual orientation, trade-union membership, genetic and biometric data.

    Terms are data, curated per language in ``config/lexicons/special_categories_<lang>.yaml``
    (category -> ``terms``, ``ambiguous``, ``context``): a DPO extends the lists without touching
    code. Matching is token based: the text is tokenized once, French elisions are split
    ("l'islam"), keys are case-folded, accent-free and stripped of plural or feminine endings,
    and every run of one to N tokens is looked up in one dictionary (N the longest phrase).

    * a ``terms`` entry ("diabète", "zwanger", "HIV", "vakbond", "DNA-test") is reported at 0.75;
    * an ``ambiguous`` entry ("enceinte": a speaker or pregnant; "staking"; "halal") only when one
      of its category's context words stands within six tokens, at 0.65, and never otherwise.

    The entity is ``SPECIAL_<CATEGORY>``; the longest phrase wins where entries overlap. A
    capitalised term right after a civility is a surname, not a category ("Mme Chrétien"); a
    capitalised first name right after a greeting, a sign-off or a relative is a person ("Thanks,
    Christian", "my partner Christian").
    """

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.suffixes = SUFFIXES.get(supported_language, ())
        path = Path(lexicon_dir) / SPECIAL_CATEGORIES_FILE.format(language=supported_language)
        self.lexicon = _load(str(path.resolve()), supported_language)
        self._key_memo: WordMemo[str] = WordMemo()
        # civilities ("M.", "Mme", "Mr", "meneer"): a capitalised term right after one is a surname
        names = load_lexicon(Path(lexicon_dir), supported_language)
        self.titles = names.titles
        # greetings and one-word sign-offs: a capitalised first name right after one is the person
        # greeted or signing ("Thanks, Christian", "Hi Christian"), not a religion; likewise after
        # the noun of a relation cue ("my partner Christian", "mon fils Christian")
        relatives = frozenset(phrase.split()[-1] for phrase in names.relation_intros if phrase.split())
        self.name_openers = names.greetings_and_closings | relatives
        # sign-offs of several words: "have a great day Christian!", "bonne journée Christian"
        self.sign_off_phrases = tuple(
            tuple(_key(w, self.suffixes) for w in phrase.split()) for phrase in names.sign_offs if " " in phrase
        )
        self._sign_off_width = max(map(len, self.sign_off_phrases), default=0)
        # what announces a name outright: "my name is", "je m'appelle", "ik heet", "in the name of"
        self.intro_phrases = tuple(
            keys for keys in (tuple(_key(w, self.suffixes) for w in phrase.split()) for phrase in names.intros) if keys
        )
        self._intro_width = max(map(len, self.intro_phrases), default=0)
        # what a writer puts after their own name ("Christian here", "Iris speaking") and, in
        # English, where they work ("Christian from support"): a first name before one is the person
        self.name_closers = tuple(
            tuple(_key(w, self.suffixes) for w in phrase.split())
            for phrase in (*names.after_cues, *FROM_WORDS.get(supported_language, ()))
        )
        self._closer_width = max(map(len, self.name_closers), default=0)
        self.first_names = names.first_names
        self.surnames = names.surnames
        self.after_cues = tuple(tuple(_key(w, self.suffixes) for w in phrase.split()) for phrase in names.after_cues)
        entities = sorted({e.entity for e in self.lexicon.entries.values()}) or sorted(SPECIAL_CATEGORIES)
        super().__init__(
            supported_entities=entities,
            supported_language=supported_language,
            name="SpecialCategoryRecognizer",
        )

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Special-category terms of ``text``."""
        keyed = _keys(text, self.suffixes, self._key_memo)
        keys = [k for k, _ in keyed]
        entries = self.lexicon.entries
        results: list[RecognizerResult] = []
        index = 0
        first_words = self.lexicon.first_words
        while index < len(keyed):
            if keys[index] not in first_words:
                index += 1
                continue
            for width in range(min(self.lexicon.max_words, len(keyed) - index), 0, -1):
                entry = entries.get(tuple(keys[index : index + width]))
                if entry is None or (entities and entry.entity not in entities):
                    continue
                if entry.ambiguous and not self._has_context(keys, index, width, entry):
                    continue
                if index > 0 and keys[index - 1] in self.titles and self._surname_after_title(keyed, index, width):
                    continue  # "Mme Chrétien", "Mr Christian", "au nom de mme gay": a surname after a civility
                if width == 1 and index > 0 and self._greeted(text, keyed, index):
                    continue  # "Thanks, Christian": a first name after a greeting or sign-off
                if width == 1 and self._introduced(keyed, index):
                    continue  # "my name is christian", "je m'appelle Christian": a name, whatever its case
                if width == 1 and self._named_by_what_follows(keyed, index):
                    continue  # "I'm Christian from support", "Iris speaking": the writer's first name
                if self._title_before_a_name(keyed, index + width - 1):
                    continue  # "Has Ms Jones called?": the civility of a name, not "has MS"
                start, end = keyed[index][1].start, keyed[index + width - 1][1].end
                if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                    continue  # glued to digits: part of a code ("GP" of the postcode "N8D 0GP")
                results.append(self._result(entry, start, end))
                index += width - 1
                break
            index += 1
        return results

    @staticmethod
    def _surname_after_title(keyed: Sequence[tuple[str, Token]], index: int, width: int) -> bool:
        """The term right after a civility is its surname: capitalised ("Mme Chrétien"), or one word
        in lower case after a civility in lower case, as chat types names ("au nom de mme gay")."""
        token = keyed[index][1]
        return token.is_capitalised or (width == 1 and token.text.islower() and keyed[index - 1][1].text.islower())

    def _title_before_a_name(self, keyed: Sequence[tuple[str, Token]], last: int) -> bool:
        """The term's last word is a civility followed by a capitalised word."""
        return (
            keyed[last][0] in self.titles
            and last + 1 < len(keyed)
            and keyed[last + 1][1].is_capitalised
            and not keyed[last + 1][1].is_upper
        )

    def _greeted(self, text: str, keyed: Sequence[tuple[str, Token]], index: int) -> bool:
        """A first name after a greeting, a sign-off or a relative: capitalised ("Hi Christian"), or
        in lower case when a comma or "!" closes it ("hi christian, ...": chat types names so), or
        a listed surname in lower case ending the line ("cheers, christian price"); capitalised also
        after a sign-off of several words ("Have a great day Christian!")."""
        before, token = keyed[index - 1][1], keyed[index][1]
        if token.key not in self.first_names:
            return False
        if before.key not in self.name_openers:
            # after a sign-off of several words, capitalised: "Have a great day Christian!"
            keys = [key for key, _ in keyed[max(0, index - self._sign_off_width) : index]]
            return token.is_capitalised and any(
                tuple(keys[-len(phrase) :]) == phrase for phrase in self.sign_off_phrases if len(phrase) <= len(keys)
            )
        if token.is_capitalised or text[token.end : token.end + 1] in (",", "!"):
            return True
        if index + 1 >= len(keyed):
            return False
        surname = keyed[index + 1][1]
        rest = text[surname.end :].lstrip(" \t")
        return (
            surname.text.islower()
            and surname.key in self.surnames
            and "\n" not in text[token.end : surname.start]
            and (not rest or rest[0] in "\n.!")
        )

    def _introduced(self, keyed: Sequence[tuple[str, Token]], index: int) -> bool:
        """A listed first name right after what announces a name outright ("my name is", "je
        m'appelle", "ik heet", "in the name of"), in any case: the person so named."""
        if index == 0 or keyed[index][0] not in self.first_names:
            return False
        keys = tuple(key for key, _ in keyed[max(0, index - self._intro_width) : index])
        return any(keys[-len(phrase) :] == phrase for phrase in self.intro_phrases if len(phrase) <= len(keys))

    def _named_by_what_follows(self, keyed: Sequence[tuple[str, Token]], index: int) -> bool:
        """A capitalised first name opening the message or after "I'm", "this is", "je suis", "ik
        ben" (``INTRO_VERBS``), followed by what a writer puts after their own name
        (``name_closers``): "I'm Christian from support", not "a Christian from birth"."""
        token = keyed[index][1]
        if token.key not in self.first_names or not (token.is_capitalised or token.text.islower()):
            return False
        if index > 0 and keyed[index - 1][0] not in INTRO_VERBS:
            return False
        after = [key for key, _ in keyed[index + 1 : index + 1 + self._closer_width]]
        # in lower case only what closes an introduction ("it's christian here"): "i'm christian
        # from birth" is a faith
        closers = self.name_closers if token.is_capitalised else self.after_cues
        return any(tuple(after[: len(closer)]) == closer for closer in closers)

    @staticmethod
    def _has_context(keys: list[str], index: int, width: int, entry: _Entry) -> bool:
        """A context word, or a whole context phrase, within ``CONTEXT_WINDOW`` tokens either side;
        not a length of time that is an age ("was charged twice and I'm 91 years old": "years" is
        a sentence's context, "years old" is not)."""
        first = max(0, index - CONTEXT_WINDOW)
        before = keys[first:index]
        after = keys[index + width : index + width + CONTEXT_WINDOW]
        context = entry.context
        positions = (*range(first, index), *range(index + width, min(len(keys), index + width + CONTEXT_WINDOW)))
        if any(keys[i] in context and (i + 1 >= len(keys) or keys[i + 1] not in AGE_OLD_WORDS) for i in positions):
            return True
        return any(_holds(window, phrase) for phrase in entry.context_phrases for window in (before, after))

    def _result(self, entry: _Entry, start: int, end: int) -> RecognizerResult:
        why = "ambiguous term with context" if entry.ambiguous else "special-category term"
        return make_result(self, entry.entity, start, end, entry.score, why)
