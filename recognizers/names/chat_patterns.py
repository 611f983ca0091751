"""Names that chat phrasing announces: introductions, greetings, sign-offs, signatures."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import re2
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import (
    AGE_OLD_WORDS,
    AGE_UNIT_WORDS,
    ANNOUNCED_NAME_KEY,
    REPLY_PUNCTUATION_TOKENS,
    TextRecognizer,
    make_result,
)
from recognizers.entities import PERSON
from recognizers.names.dutch_names import NAME_CONTEXT as DUTCH_NAME_CONTEXT
from recognizers.names.dutch_names import NOUN_ARTICLES
from recognizers.names.lexicons import (
    SHORT_CUE_LENGTH,
    SHORTEST_TYPED_CUE,
    BoundedMemo,
    NameLexicon,
    Token,
    country_keys,
    dutch_name_exceptions,
    dutch_names,
    dutch_places,
    faker_names,
    firm_not_title,
    fold,
    include_titles,
    inflected_first_names,
    load_lexicon,
    name_repeats,
    one_edit,
    place_key,
    sentence_initial,
    token_starts,
    tokenize,
)
from recognizers.names.spacy_ner import CIVILITIES, MIN_CAPITALS_SURNAME, NAME_CONTEXT, chunk_start
from recognizers.re2_spans import finditer_spans

STRONG, WEAK, START, GREETING, SIGN_OFF, TITLE = "strong", "weak", "start", "greeting", "sign_off", "title"
RELATION = "relation"
CONTACT = "contact"
SOURCE = "source"  # "according to", "selon", "volgens": a contact cue whose name must be a listed one
NAMING = "naming"  # "was called", "is named": read as a relation cue after a person word
NAMING_LOOKBACK = 6  # words before a naming verb searched for a person word ("my great great grandfather was called")
NAMING_WINDOW = 80  # characters before it those words are taken from
NAMING_STOPS = ".!?\n"  # a sentence's or line's end: the person word must be in the naming verb's clause
#: Verbs that may stand between a relative and their name: "my partner is tom", "mijn vriendin is
#: lisa", "mon mari c'est paul", "ma copine s'appelle Jessica"; the word after must still look like a
#: name ("my husband is sick").
RELATION_COPULAS = frozenset(
    {"is", "was", "est", "c'est", "cest", "heet", "heette", "s'appelle", "s'appelait", "sappelle", "s'appellent"}
)
#: "I am" as chat types it, the last word of a first-person intro: a month after it is a name ("im june,").
FIRST_PERSON_COPULAS = frozenset({"im", "i'm", "i’m", "am", "suis", "jsuis", "chui", "ben"})
#: After "I'm" and a name, the word that says where the writer works or comes from ("I'm June from
#: customer support", "ik ben sanne van de klantenservice", "je suis Noël du service client"); French
#: "de" is left out: too many uses.
AFFILIATION_WORDS = {"en": frozenset({"from"}), "nl": frozenset({"van"}), "fr": frozenset({"du"})}
#: Words an age ends with ("73 jaar oud", "22 years old", "45 ans"): a name typed after them signs
#: the answer.
AGE_UNIT_ENDS = frozenset(AGE_UNIT_WORDS) | AGE_OLD_WORDS
#: Conjunctions that end a name after a strong cue ("op naam van ben en mijn geboortedatum ...").
NAME_ENDING_CONJUNCTIONS = frozenset({"en", "and", "et", "maar", "but", "mais"})
#: Particles that are articles too: after a title, "de" or "le" then an office is the office
#: ("meneer de Directeur", "madame la Juge"), not a surname.
TITLE_ARTICLES = frozenset({"de", "het", "der", "den", "le", "la", "les", "l'", "the"})
#: Function words that follow a name, never the subject of a question opened by a modal ("Will is 12",
#: "Will has", against "Will you ...").
#: Articles and possessives that open a verb's object: a word of the language before one, right
#: after a relative, is the relative's verb ("mon mari paye les factures"), not their name.
OBJECT_OPENERS = frozenset(
    {
        "le", "la", "les", "l'", "un", "une", "des", "du", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa",
        "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette", "ces",
        "de", "het", "een", "mijn", "zijn", "haar", "onze", "ons", "hun", "deze", "dit",
        "the", "a", "an", "my", "his", "her", "our", "their", "your", "this", "these", "those",
    }
)  # fmt: skip
NOT_QUESTION_SUBJECTS = frozenset(
    {"is", "was", "has", "had", "does", "did", "are", "were", "be", "been", "heeft", "est", "a"}
)
SHORT_TITLE = 2  # "M.", "Dr", "Me": a cue only when capitalised or followed by a dot
TITLE_PUNCT = "."
SKIPPABLE_PUNCT = frozenset(",:;-–—")
CLAUSE_END = frozenset(".!?…")
SIGN_OFF_DASHES = frozenset("-–—")
TYPED_BEFORE = ""  # in ``_prefix_typo_phrases``' keys: the word before a cue's last word, typed wrong
MIN_TENTATIVE_LETTERS = 3
MIN_IDENTIFIER_DIGITS = 4
MIN_UNLISTED_SURNAME = 4  # "mme dossantos"; "madame jsp" is chat shorthand
MIN_COMPOUND_PART = 3  # "Ordernumber" is "order" + "number": each part of a compound at least this long
ELIDING_LETTERS = frozenset("jcdlmnst")  # "jvoudrais", "chuis", "tinquiete": an elided pronoun glued on
#: "please" words a message's last name may follow without punctuation ("... svp gérard").
PLEASE_WORDS = frozenset({"svp", "stp", "please", "pls", "plz", "plse", "graag", "aub", "alstublieft", "alsjeblieft"})
#: The end of an identifier typed in groups ("09/097.07.65", "3936.72.578", an IBAN's or a phone's
#: "8525 2724 98") before a name: seven digits or more, more than an amount has ("Kaarten kosten
#: 1.259 frank.": Belgian francs).
MIN_GROUPED_IDENTIFIER_DIGITS = 7
_IDENTIFIER_TAIL = re.compile(r"[0-9](?:[0-9]|[./\- ][0-9])*$")
# postcodes a name may come after at the message's end ("... Cardiff S4E 4BJ sara ball")
_BRITISH_OUTWARD = re.compile(r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?")
_BRITISH_INWARD = re.compile(r"[0-9][A-Za-z]{2}")
_DUTCH_POSTCODE_GLUED = re.compile(r"[1-9][0-9]{3}[A-Za-z]{2}")
_NUMERIC_DATE_END = re.compile(r"(?<![0-9])[0-9]{1,2}([/.\-])[0-9]{1,2}\1(?:[0-9]{2}|[0-9]{4})$")

# what a word after a cue is: part of the name, part of it only next to a known name, or not part of it
YES, MAYBE, NO = 2, 1, 0


def _phrase_regex(phrase: str, word_edges: bool = False) -> str:
    """RE2 for a cue phrase: any run of spaces between words, either apostrophe; before a closing
    "?" or ":", spaces or none ("votre nom ?" and "votre nom?" alike: French typography puts a
    space there, chat often not). With ``word_edges``, an ASCII letter or digit at either end of the
    phrase must also stand at a word boundary."""
    regex = ""
    for word in phrase.split():
        part = "".join("['’]" if ch in "'’" else re2.escape(ch) for ch in word)
        if regex:
            regex += r"\s*" if word in _CLOSING_PUNCT else r"\s+"
        regex += part
    if word_edges and _ascii_alnum(phrase[0]):
        regex = r"\b" + regex
    if word_edges and _ascii_alnum(phrase[-1]):
        regex += r"\b"
    return regex


#: The possessive ending of English and Dutch names ("Priyanka's", "Anna's"), left out of the name.
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'S", "’S"})
#: The last word of a relation cue naming someone's relative ("de zoon van", "la fille de", "the
#: wife of"): what follows is that someone.
RELATION_PREPOSITIONS = frozenset({"van", "de", "of"})
#: Object pronouns, then where to reach them: a lower-case word before them after a greeting is a
#: verb ("emil me at", "bel me op").
OBJECT_PRONOUNS = frozenset({"me", "us", "mij", "ons", "moi", "nous"})
CONTACT_PREPOSITIONS = frozenset({"at", "on", "via", "op", "sur", "au", "à"})
NOUN_LINKS = frozenset({"de", "du", "des", "of"})  # "date de naissance", "date of birth": a noun's complement

#: Cue phrase ends that may follow the last word with or without a space (``_phrase_regex``).
_CLOSING_PUNCT = frozenset({"?", ":"})


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# A cue glued to a letter or digit on either side ("m" in "comment") is no cue (``str.isalnum``).
# RE2's word boundary, which drops most such matches inside the search, knows only ASCII letters,
# digits and "_" as word characters. Where it sees a boundary that Python does not (after "é"), the
# match is checked again as before. The other way round it would drop a cue: next to "_" (a word
# character to RE2 only), or where case folding lets an ASCII letter of a phrase match a character
# outside ASCII, the long s and the Kelvin sign. Texts holding one are searched without boundaries.
_WORD_EDGE_BREAKERS = ("_", "\u017f", "\u212a")


def _cue_key(phrase: str) -> str:
    """What a cue phrase and a text it matches have in common: lower case, single spaces, straight
    apostrophes, no space before a closing "?" or ":" (``_phrase_regex`` matches any run of spaces
    and either apostrophe, and spaces or none before those)."""
    key = " ".join(phrase.lower().replace("’", "'").split())
    return key.replace(" ?", "?").replace(" :", ":") if " ?" in key or " :" in key else key


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str
    start: int
    end: int
    typo: bool = False


class ChatNamePatternRecognizer(TextRecognizer):
    """PERSON names announced by the way people write in chat, lower-case names included.

    Cues come from ``config/lexicons/names.yaml`` (per language) and are compiled into one RE2
    alternation per kind:

    * ``intros`` ("je m'appelle", "mijn naam is", "my name is"): the next one to three words are a
      name whatever their case, unless they are chat words ("je m'appelle pas", "my name is on");
    * ``weak_intros`` ("ik ben", "I'm", "je suis"), ``relation_intros`` ("mijn partner", "my
      husband", "ma fille"), ``greetings`` at the start of a line or sentence ("Bonjour Marie", "Hi
      John", "Dear Mrs Smith"), ``sign_offs`` ("Cordialement, Marie", "groetjes Sophie",
      "regards,\\nEmma"), ``start_intros`` at the start of a line, sentence or clause ("Met Jan de
      Vries", "ici Paul") and titles ("mevrouw", "Mr"): the words must look like a name,
      capitalised and not a common word, or in a first-name/surname list ("hi john" but not "hi
      there", "ik ben blij", "my husband called"); next to a known name, an unknown lower-case word
      that is no word of the language is part of the name too ("groeten, flink rowan");
    * ``contact_intros`` ("I spoke to", "gesproken met", "réceptionné par"): the same, but a word in
      lower case must be a listed first name ("spoke to ashley"; "speaking to bots" is no name);
      ``source_intros`` ("according to", "selon", "volgens"): a listed name in either case;
    * ``naming_verbs`` ("was called", "is named"): a relation cue when a person word stands a few
      words before, in the same sentence ("my great grandfather was called Djevad"; "the app is
      called Tikkie" names no one);
    * a title is a strong cue: after it, name particles open the name and the surname after them may
      be any uncommon word, whatever its case ("meneer van de veen", "mevrouw van susa");
    * ``after_cues``: one to three name-like words right before "hier", "here", "ici" ("Jan hier",
      "emma here"), one of them a known name; likewise before ``name_verbs``, verbs people are the
      subject of ("Jacob lives on ...", "Walker began writing"), without the bonus of "here";
    * the last words of a message, after the end of a sentence or an identifier ("... bedankt.
      norbert", "IBAN NL.. 1234 jan jansen"), and a short last line that looks like a signature
      after a multi-line message, when they look like a name and one word is a known name;
    * a transcript speaker label: a name-like word opening a line before a colon ("Nicole: ...");
    * the spelling ruled out right after a name found ("c'est Lefebvre pas Lefèvre", ``corrections``),
      and the other surname after a maiden name's marker ("Mme Haddad née Benyahia", ``maiden_markers``).

    Cue words of six letters or more are also matched with one typo ("merouw", "parter",
    "Cordailement"), when the typed word is no word or name itself. Titles after the cue are
    skipped to find the name, then put back in front of it, as by every name recognizer
    (``lexicons.title_start``): "Bonjour Madame Durand" reports "Madame Durand". Name particles are
    kept inside a name ("Jan van der Berg"), initials too ("J. de Vries"). Last, the names found are
    looked for again in the message (``lexicons.name_repeats``): people repeat their name.
    """

    STRONG_SCORE = 0.85
    STRONG_UNKNOWN_LOWER_SCORE = 0.7
    WEAK_KNOWN_SCORE = 0.85
    WEAK_CAPITALISED_SCORE = 0.75
    WEAK_LOWER_KNOWN_SCORE = 0.65
    SIGNATURE_SCORE = 0.6
    SPEAKER_SCORE = 0.6
    UNKNOWN_SUBJECT_SCORE = 0.75  # "Trivo lives on ...": above the model's organisation (0.7); firms do not live
    # "Katzav werd ...", "Rintanen began ...": below the model's organisation and place, which win
    UNKNOWN_SUBJECT_OF_ANY_VERB_SCORE = 0.6
    AFTER_CUE_BONUS = 0.05
    MAX_NAME_WORDS = 3

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        lex = self.lexicon
        self._verdicts: BoundedMemo[tuple[str, bool, bool, bool, str, bool], int] = BoundedMemo()
        self.question_words = lex.name_questions  # ``reply``
        if supported_language == "nl":
            _, _, interfix_surnames, _ = dutch_names()
            self.interfix_surnames = interfix_surnames
            self.places = lex.places | dutch_places()
            # surnames that deduce lists as Dutch words, left out of ``lex.surnames`` ("Arts", "Mol",
            # "Rust", "Klein"): a surname only right after a title, capitalised ("meneer Arts")
            self.word_surnames = faker_names()[1] & dutch_name_exceptions()
        else:
            self.interfix_surnames = frozenset()
            self.places = lex.places
            self.word_surnames = frozenset()
        # one-word closings ("Best", "Cheers", "Groeten"): the end of a message, not a name
        self.closing_words = lex.closing_words
        self._countries = country_keys(supported_language)  # an address block's last line (``_last_words``)
        # sign-offs of words only, as token keys: a message's last sentence that a name may come before
        self._closing_sentences = frozenset(
            tuple(p.split()) for p in lex.sign_offs if all(w.isalpha() for w in p.split())
        )
        self._closing_width = max((len(p) for p in self._closing_sentences), default=0)
        self._closing_last_words = frozenset(p[-1] for p in self._closing_sentences)
        # one-word intros of a message's start ("met", "ici"): before the name ending a message too
        self._start_words = frozenset(p for p in lex.start_intros if " " not in p)
        # after-cues of several words ("Marie à l'appareil", "Jan aan de lijn"), by their first word
        self._after_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex.after_cues:
            if " " in phrase:
                phrase_words = tuple(phrase.split())
                self._after_phrases.setdefault(phrase_words[0], []).append(phrase_words)
        # request openings after an addressed name and a comma ("Sarah, can you"), by their first word
        self._vocative_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex.after_vocatives:
            request = tuple(phrase.split())
            self._vocative_phrases.setdefault(request[0], []).append(request)
        # first names that are inflected words ("said", "rose", "aimée"): verbs after a relative
        self.inflected_first_names = inflected_first_names(supported_language)
        # the possessives that open the relation cues ("my", "mijn", "ma"): a word right after one is
        # a noun of the phrase, not a name ("mijn zwager zegt": "Zwager" is a surname too)
        self.possessives = frozenset(p.split()[0] for p in lex.relation_intros if len(p.split()) > 1)
        # the nouns of the relation cues ("partner", "collega", "aunt"): in lower case before a name,
        # whatever the word before them ("je collega Joris zei"), they name the person, not part of the name
        self.relation_nouns = lex.relation_nouns
        # words after a name, then another name of the same person (``_ruled_out_spellings``); a surname
        # follows a maiden name's marker as it follows a title: particles may open it ("geb. De Vries")
        self._after_name_phrases = [(p.split(), "spelling ruled out", WEAK) for p in lex.corrections] + [
            (p.split(), "maiden or married name", TITLE) for p in lex.maiden_markers
        ]
        self._after_name_openers = frozenset(words[0] for words, _, _ in self._after_name_phrases)
        # who a naming verb may name: "my grandfather was called ...", "the driver was named ..."
        self.naming_subjects = lex.naming_subjects | self.relation_nouns | lex.person_nouns
        kinds = (
            (STRONG, lex.intros),
            (WEAK, lex.weak_intros),
            (RELATION, lex.relation_intros),
            (CONTACT, lex.contact_intros),
            (SOURCE, lex.source_intros),
            (NAMING, lex.naming_verbs),
            (START, lex.start_intros),
            (GREETING, tuple(sorted(lex.greetings, key=lambda p: (-len(p), p)))),
            (SIGN_OFF, lex.sign_offs),
            (TITLE, tuple(sorted(lex.titles, key=lambda p: (-len(p), p)))),
        )
        groups = []
        # cue phrases by their last word, for cue words typed with one typo ("mijn parter")
        self._typo_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        # cue phrases with an earlier word of five letters or more, for that word typed with one
        # typo ("the ordder is under"): under (the word before the last, the last word) for a typo
        # further back, under (TYPED_BEFORE, the last word) for one in the word before the last
        self._prefix_typo_phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        # the kind of each phrase, under its key: the first kind that lists it, as the grouped
        # alternation's order of kinds decides on a span
        self._kind_of: dict[str, str] = {}
        for kind, phrases in kinds:
            if phrases:
                alternation = "|".join(_phrase_regex(p) for p in phrases)
                groups.append(f"(?P<{kind}>{alternation})")
            for phrase in phrases:
                self._kind_of.setdefault(_cue_key(phrase), kind)
                words = phrase.split()
                if len(words[-1]) >= SHORT_CUE_LENGTH:
                    self._typo_phrases.setdefault(words[-1], []).append((tuple(words[:-1]), kind))
                prefix = tuple(words[:-1])
                if prefix and len(prefix[-1]) >= SHORT_CUE_LENGTH:
                    self._prefix_typo_phrases.setdefault((TYPED_BEFORE, words[-1]), []).append((prefix, kind))
                if any(len(word) >= SHORT_CUE_LENGTH for word in prefix[:-1]):
                    self._prefix_typo_phrases.setdefault((prefix[-1], words[-1]), []).append((prefix, kind))
        for options in (*self._typo_phrases.values(), *self._prefix_typo_phrases.values()):
            options.sort(key=lambda option: -len(option[0]))
        self._prefix_typo_last_words = frozenset(last for _, last in self._prefix_typo_phrases)
        self._prefix_typo_options: BoundedMemo[tuple[str, str], tuple[tuple[tuple[str, ...], str], ...]] = BoundedMemo()
        # the word that goes on a shorter greeting in a longer one: "hi" -> "there", "hallo" -> "daar"
        self._greeting_continuations: dict[str, frozenset[str]] = {}
        for greeting in lex.greetings:
            words = greeting.split()
            if len(words) >= 2 and len(words[-1]) >= SHORTEST_TYPED_CUE:
                key = " ".join(words[:-1])
                self._greeting_continuations[key] = self._greeting_continuations.get(key, frozenset()) | {words[-1]}
        # Cues are found with the alternation without groups, which RE2 runs on its DFA and the
        # google-re2 wrapper returns without decoding a span per group (about 10 instead of 28 us a
        # message); a match's kind comes from its phrase key, or, should RE2's case folding pair
        # letters that Python's does not, from the grouped regex matched on that span alone.
        # Longest phrases first: RE2 takes the first alternative that matches where a match starts,
        # and a short cue glued to a word would hide a longer one there ("c" of "Cdt", dropped as
        # glued, and the sign-off "Cdt" never seen).
        # Likewise "ik ben het weer" before "ik ben" where both fit.
        longest_first = sorted((p for _, ps in kinds for p in ps), key=len, reverse=True)
        self._cues = re2.compile("(?i)" + "|".join(_phrase_regex(p) for p in longest_first)) if groups else None
        # the same alternation with word boundaries at the phrases' ASCII edges: about two thirds of
        # the matches above are inside words ("m" in "comment", "yo" in "you"), each costing a call
        # into RE2 and a decoded span before it is dropped (``_WORD_EDGE_BREAKERS``)
        self._bounded_cues = (
            re2.compile("(?i)" + "|".join(_phrase_regex(p, word_edges=True) for p in longest_first)) if groups else None
        )
        self._kinds = re2.compile("(?i)" + "|".join(groups)) if groups else None
        # the same context words as the other name recognizers: a context word raises every
        # recognizer's name alike, so that the longer name wins ("op naam van Lot van der Plas")
        context = list(NAME_CONTEXT.get(supported_language, []))
        if supported_language == "nl":
            context += [w for w in DUTCH_NAME_CONTEXT if w not in context]
        super().__init__(
            supported_entities=[PERSON],
            supported_language=supported_language,
            name="ChatNamePatternRecognizer",
            context=context,
        )

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Names after chat cues, before "hier"/"here", at the end of a message, then their repeats."""
        tokens = tokenize(text)
        if not tokens:
            return []
        starts = token_starts(text)
        results: list[RecognizerResult] = []
        for cue in self._find_cues(text, tokens):
            found = self._name_after(text, tokens, bisect.bisect_left(starts, cue.end), cue.kind)
            if found is not None:
                start, end, score = found
                why = f"{cue.kind} cue" + (" (typo)" if cue.typo else "")
                result = self._result(start, end, score, why)
                if cue.kind in (STRONG, RELATION) or (
                    cue.kind in (GREETING, SIGN_OFF, WEAK, START) and self._named_alone(text, start, end)
                ):
                    result.recognition_metadata[ANNOUNCED_NAME_KEY] = True  # "my name is June", "Thanks June,"
                results.append(result)
        if self.lexicon.after_cues or self.lexicon.name_verbs:
            for start, end, score, announced in self._names_before_cue(text, tokens):
                result = self._result(start, end, score, "name before 'here' or a verb")
                if announced:
                    result.recognition_metadata[ANNOUNCED_NAME_KEY] = True  # "June here.": whatever the allow list says
                results.append(result)
        if "'" in text or "’" in text:
            for start, end, score in self._possessors_of_relatives(tokens):
                results.append(self._result(start, end, score, "name before a relative ('s)"))
        if "\n" in text.strip():
            signature = self._signature(text, tokens)
            if signature is not None:
                results.append(self._result(*signature, "signature line"))
        last = self._last_words(text, tokens)
        if last is None:
            cut = self._before_closing_sentence(tokens)
            if cut:  # "... met aaliyah de vrome. fijne dag.": the name ends the sentence before
                last = self._last_words(text[: tokens[cut - 1].end], tokens[:cut])
        if last is not None:
            results.append(self._result(*last, "name ending the message"))
        if self._vocative_phrases and "," in text:
            addressed = self._addressed_by_request(text, tokens)
            if addressed is not None:
                results.append(self._result(*addressed, "name addressed before a request"))
        if ":" in text:
            for start, end in self._speakers(text, tokens):
                results.append(self._result(start, end, self.SPEAKER_SCORE, "speaker label"))
        best: dict[tuple[int, int], RecognizerResult] = {}
        for result in results:  # two cues may announce the same name: "Bonjour Madame Durand"
            key = (result.start, result.end)
            if key not in best or result.score > best[key].score:
                best[key] = result
        # a name inside a longer one found by another cue is that name ("J. de Vries", "de Vries")
        kept = [
            r
            for r in best.values()
            if not any(o is not r and o.start <= r.start and r.end <= o.end for o in best.values())
        ]
        for result in kept:
            if text[result.end - 2 : result.end] in POSSESSIVE_ENDINGS and result.end - 2 > result.start + 1:
                result.end -= 2  # "my wife Priyanka's account", "Anna's fiets": the name without its 's
        if kept and self._after_name_phrases:
            kept.extend(self._ruled_out_spellings(text, tokens, starts, kept))
        spans = [(r.start, r.end, float(r.score)) for r in kept]
        for start, end, score in name_repeats(text, spans, [], self.lexicon):
            kept.append(self._result(start, end, score, "repeated name"))
        include_titles(text, kept, self.lexicon.titles)
        return sorted(kept, key=lambda r: r.start)

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """``text`` as a name when it is nothing else: a bare reply to a question for the name that
        the conversation's previous message asked ("wat is uw achternaam?", then "Brinkerhoff" or
        "sjoerd brinkerhoff"). The detector asks this only after such a question (``question_words``,
        ``recognizers.base.RepliesToQuestions``); the message alone says too little, and no cue
        inside it says more. ``found`` and ``asked`` are not read.

        The message's words must make one name as a strong cue reads it ("je m'appelle ..."): one
        to three words with particles and initials, only punctuation or symbols around them. Each
        must be a particle, an initial, a listed name or no word of the language: "Ok", "Merci",
        "Rotterdam?" and "nee hoor" are no name. A surname, a comma and the first name ("Lemaire,
        Jacques", "Moore, Daniel"), as forms list them, is one name when each side is one."""
        tokens = tokenize(text)
        commas = [token for token in tokens if token.text == ","]
        if len(commas) == 1:
            listed = self._listed_reply(text, commas[0].start, found, asked)
            if listed is not None:
                return listed
        positions = [index for index, token in enumerate(tokens) if token.is_word]
        if not positions or any(
            not token.is_word and not (token.text in REPLY_PUNCTUATION_TOKENS or _is_symbol(token.text[0]))
            for token in tokens
        ):
            return None
        name = self._name_after(text, tokens, positions[0], STRONG)
        if name is None or name[0] != tokens[positions[0]].start or name[1] != tokens[positions[-1]].end:
            return None
        lex = self.lexicon
        for index in positions:
            token = tokens[index]
            key = token.key
            if key in lex.particles or self._known(token) or (len(key) == 1 and token.is_capitalised):
                continue
            if (
                len(key) < MIN_TENTATIVE_LETTERS
                or lex.is_common(key)
                or lex.in_dictionary(key)
                or key in lex.stop_words
                or key in lex.allow
                or key in lex.greetings
                or key in self.closing_words
            ):
                return None
        result = self._result(name[0], name[1], max(name[2], self.STRONG_SCORE), "reply to a question for the name")
        result.recognition_metadata[ANNOUNCED_NAME_KEY] = True  # as after "my name is": whatever the allow list says
        return result

    def _listed_reply(
        self, text: str, comma: int, found: list[RecognizerResult], asked: frozenset[str]
    ) -> RecognizerResult | None:
        """A reply "surname, first name" (``reply``): each side of the comma a name reply of its
        own; the name is both, comma included."""
        surname = self.reply(text[:comma], found, asked)
        if surname is None:
            return None
        initials = _REPLY_INITIALS.search(text, comma + 1)
        if initials is not None:
            end = initials.end(1)  # "Moore, D.": initials for the first names
        else:
            first = self.reply(text[comma + 1 :], found, asked)
            if first is None:
                return None
            end = comma + 1 + first.end
        result = self._result(surname.start, end, surname.score, "reply to a question for the name")
        result.recognition_metadata[ANNOUNCED_NAME_KEY] = True
        return result

    def _ruled_out_spellings(
        self, text: str, tokens: Sequence[Token], starts: Sequence[int], found: Sequence[RecognizerResult]
    ) -> list[RecognizerResult]:
        """The spelling a writer rules out right after a name a cue found ("c'est Lefebvre pas
        Lefèvre", "it's Smyth, not Smith", "Jansen, niet Janssen"): a near variant of their name,
        so a name too when it looks like one (``WEAK``'s test: "je suis Paul pas content" has none).
        Likewise the other surname after a maiden or married name's marker ("Mme Nadia Haddad née
        Benyahia", ``maiden_markers``)."""
        extra: list[RecognizerResult] = []
        phrases = self._after_name_phrases
        for result in found:
            index = bisect.bisect_left(starts, result.end)
            if index < len(tokens) and tokens[index].text == ",":
                index += 1
            if index >= len(tokens) or tokens[index].key not in self._after_name_openers:
                continue  # most names: no correction or marker after them
            for words, why, kind in phrases:
                following = tokens[index : index + len(words)]
                if len(following) == len(words) and all(t.key == w for t, w in zip(following, words, strict=True)):
                    after = index + len(words)
                    if after < len(tokens) and tokens[after].text == "." and tokens[after].start == following[-1].end:
                        after += 1  # "geb. De Vries": the marker's abbreviation dot
                    name = self._name_after(text, tokens, after, kind)
                    if name is not None:
                        extra.append(self._result(name[0], name[1], float(result.score), why))
                    break
        return extra

    def _possessors_of_relatives(self, tokens: Sequence[Token]) -> list[tuple[int, int, float]]:
        """A name in the possessive right before a relative or colleague ("i'm roberto's daughter",
        "it's for Priya's husband", "Sanne's moeder"): the relative is someone's, and that someone
        is named. In lower case only a listed first name counts; capitalised, any word that is no
        common word ("my sister's husband", "the Company's director" name no one)."""
        found = []
        lex = self.lexicon
        for index in range(len(tokens) - 1):
            token = tokens[index]
            if token.text[-2:] not in POSSESSIVE_ENDINGS or tokens[index + 1].key not in self.relation_nouns:
                continue
            key = token.key[:-2]
            if len(key) < MIN_TENTATIVE_LETTERS or not key.isalpha() or key in self.relation_nouns:
                continue
            if token.text[:1].isupper() and not token.text[:-2].isupper():
                if lex.is_common(key) and not lex.is_known_name(key):
                    continue
                score = self.WEAK_KNOWN_SCORE if lex.is_known_name(key) else self.WEAK_CAPITALISED_SCORE
            elif key in lex.first_names and not lex.is_common(key) and key not in lex.allow:
                score = self.WEAK_LOWER_KNOWN_SCORE
            else:
                continue
            found.append((token.start, token.end - 2, score))
        return found

    def _speakers(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Transcript speaker labels: one to three name-like words opening a line, then a colon
        ("Nicole: thanks!", "mika: who are you?"), none a common word ("Bot:", "Date:", "PS:") nor, in
        lower case, a word of the language ("link: https://..."), and one of them a known name; or,
        once one label of the transcript has a known name, a label of its other lines ("Ubul: What
        a wife.\nNicole: Remember me"): people talk to people there."""
        labels = []
        lex = self.lexicon
        for index, token in enumerate(tokens):
            if not token.is_word or not _line_start(text, token.start):
                continue
            end = index
            while end < len(tokens) and end - index < self.MAX_NAME_WORDS and tokens[end].is_word:
                end += 1
            if end == index or end >= len(tokens) or tokens[end].text != ":":
                continue
            words = tokens[index:end]
            if "\n" in text[words[0].start : tokens[end].start]:
                continue
            if all(
                self._accept(w, WEAK)
                and not lex.is_common(w.key)
                and (w.is_capitalised or not lex.in_dictionary(w.key))  # "link: https://...", not a name
                for w in words
            ):
                labels.append((words[0].start, words[-1].end, any(lex.is_known_name(w.key) for w in words)))
        if not any(known for _, _, known in labels):
            return []
        return [(start, end) for start, end, _ in labels]

    # ----------------------------------------------------------------------------------------

    def _find_cues(self, text: str, tokens: Sequence[Token]) -> list[_Cue]:
        if self._cues is None or self._bounded_cues is None:
            return []
        cues = []
        bounded = not any(ch in text for ch in _WORD_EDGE_BREAKERS)
        for spans in finditer_spans(self._bounded_cues if bounded else self._cues, text):
            start, end = spans[0]
            if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue  # glued to a word: "bonjours", "himself"
            kind = self._kind_of.get(_cue_key(text[start:end])) or self._kind_at(text, start, end)
            if kind is None:
                continue
            cue = self._cue(text, kind, start, end)
            if cue is not None:
                cues.append(cue)
        if self._typo_phrases:
            cues.extend(self._typo_cues(text, tokens, cues))
        if self._prefix_typo_phrases:
            cues.extend(self._prefix_typo_cues(text, tokens, cues))
        if self._greeting_continuations:
            cues = [self._greeting_typed_on(text, tokens, cue) if cue.kind == GREETING else cue for cue in cues]
        return cues

    def _greeting_typed_on(self, text: str, tokens: Sequence[Token], cue: _Cue) -> _Cue:
        """A greeting that goes on with the next word of a longer greeting typed wrong ("Hi tere"
        for "hi there", "hallo dar"): the cue takes that word in, which is no one's name."""
        words = self._greeting_continuations.get(_cue_key(text[cue.start : cue.end]))
        index = bisect.bisect_left(token_starts(text), cue.end)
        if words is None or index >= len(tokens):
            return cue
        token = tokens[index]
        if not token.text.islower() or "\n" in text[cue.end : token.start] or text[cue.end : token.start].strip():
            return cue
        if any(one_edit(token.key, word) for word in words):
            return _Cue(cue.kind, cue.start, token.end, typo=True)
        return cue

    def _kind_at(self, text: str, start: int, end: int) -> str | None:
        """The kind of the cue at ``start:end`` from the grouped regex (the cue groups are neither
        nested nor empty: one took part)."""
        assert self._kinds is not None
        match = self._kinds.fullmatch(text, start, end)
        return match.lastgroup if match is not None else None

    def _cue(self, text: str, kind: str, start: int, end: int, typo: bool = False) -> _Cue | None:
        """The cue of ``kind`` at ``start:end``, if it counts where it stands."""
        if kind == GREETING and not sentence_initial(text, start):
            return None
        if kind == START and not (
            sentence_initial(text, start)
            or _after_comma(text, start)
            or _after_and(text, start)
            or _after_please(text, start)
            or self._after_greeting(text, start)
        ):
            return None
        if kind == TITLE:
            if _after_dotted_letter(text, start):
                return None  # "9 a.m. daily", "J.M. Dupont": the "m." of an abbreviation or initials
            word = text[start:end].rstrip(".")
            dotted = (end < len(text) and text[end] == ".") or text[end - 1] == "."
            short = len(word) <= SHORT_TITLE and not word[0].isupper() and not dotted
            if short and (len(word) == 1 or word.casefold() in self.lexicon.function_words):
                return None  # "me", "m" in lower case are pronouns and letters; "mr", "dr" are titles
            if not dotted and firm_not_title(word):
                return None  # "klant bij ING België": the bank, not "ing." (ingenieur)
        if kind == NAMING:
            if not self._person_before(text, start):
                return None  # "the app is called Tikkie": no one is named
            kind = RELATION
        return _Cue(kind, start, end, typo)

    def _person_before(self, text: str, start: int) -> bool:
        """A pronoun or noun of a person (``naming_subjects``) among the few words before ``start``,
        in the same sentence and line: "my great great grandfather was called", "the guy was named"."""
        window = text[max(0, start - NAMING_WINDOW) : start]
        cut = max(window.rfind(ch) for ch in NAMING_STOPS)
        words = [t.key for t in tokenize(window[cut + 1 :]) if t.is_word][-NAMING_LOOKBACK:]
        return any(word in self.naming_subjects for word in words)

    def _after_greeting(self, text: str, start: int) -> bool:
        """A greeting alone opens the sentence right before ``start``: "hoi met Elke", "hallo, met Jan"."""
        before = text[:start].rstrip(" \t,!")
        folded = before.casefold()
        for greeting in self.lexicon.greetings:  # any that fits: "goede morgen" and "morgen" end alike
            opening = len(before) - len(greeting)
            if (
                folded.endswith(greeting)
                and (opening == 0 or not before[opening - 1].isalnum())
                and sentence_initial(text, opening)
            ):
                return True
        return False

    def _typo_cues(self, text: str, tokens: Sequence[Token], exact: Sequence[_Cue]) -> list[_Cue]:
        """Cue phrases whose last word (four letters or more) is typed with one typo
        (``NameLexicon.cue_typo``)."""
        lex = self.lexicon
        found = []
        for index, token in enumerate(tokens):
            if not token.is_word or len(token.key) < SHORTEST_TYPED_CUE:
                continue
            target = lex.cue_typo(token.key)  # memoised; None for nearly every word
            if target is None or any(c.start <= token.start < c.end for c in exact):
                continue
            for prefix, kind in self._typo_phrases.get(target, ()):
                first = index - len(prefix)
                if first < 0 or any(tokens[first + k].key != word for k, word in enumerate(prefix)):
                    continue
                cue = self._cue(text, kind, tokens[first].start, token.end, typo=True)
                if cue is not None:
                    found.append(cue)
                break
        return found

    def _prefix_typo_cues(self, text: str, tokens: Sequence[Token], found: Sequence[_Cue]) -> list[_Cue]:
        """Cue phrases typed right but for one earlier word of five letters or more, typed with one
        typo that makes it no word of the language ("the ordder is under fiona", "the orer is
        under naomi"); the last word is as listed."""
        lex = self.lexicon
        cues: list[_Cue] = []
        last_words = self._prefix_typo_last_words
        memo = self._prefix_typo_options
        for index in [i for i, token in enumerate(tokens) if token.key in last_words and i]:
            pair = (tokens[index - 1].key, tokens[index].key)
            options = memo.get(pair)
            if options is None:
                options = memo.remember(pair, self._prefix_typo_options_for(*pair))
            if not options or any(c.start <= tokens[index].start < c.end for c in found):
                continue
            for prefix, kind in options:
                first = index - len(prefix)
                if first < 0:
                    continue
                typo = _only_difference(tokens, first, prefix)
                if typo is None:
                    continue
                typed, word = tokens[first + typo].key, prefix[typo]
                if len(word) < SHORT_CUE_LENGTH or not one_edit(typed, word) or not lex.is_unknown_word(typed):
                    continue
                cue = self._cue(text, kind, tokens[first].start, tokens[index].end, typo=True)
                if cue is not None:
                    cues.append(cue)
                break
        return cues

    def _prefix_typo_options_for(self, before: str, key: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The phrases ``_prefix_typo_cues`` tries where ``before`` precedes the last word ``key``:
        those with ``before`` as listed, and those whose word before the last ``before`` may be
        typed wrong (remembered per pair: chat repeats "it is", "het is")."""
        options = tuple(self._prefix_typo_phrases.get((before, key), ()))
        typed = self._prefix_typo_phrases.get((TYPED_BEFORE, key))
        if typed is not None and len(before) >= SHORTEST_TYPED_CUE and self.lexicon.is_unknown_word(before):
            options += tuple(option for option in typed if one_edit(before, option[0][-1]))
        return options

    def _accept(self, token: Token, kind: str) -> bool:
        """Whether ``token`` may be a name word after a cue of ``kind``."""
        lex = self.lexicon
        key = token.key
        if (
            kind == RELATION
            and token.is_capitalised
            and not token.is_upper
            and len(key) >= MIN_TENTATIVE_LETTERS
            and (key in lex.first_names or key in lex.word_first_names)
        ):
            return True  # "my son Will", "ma fille Rose": a capitalised first name after a relative
        if (
            kind == RELATION
            and token.is_capitalised
            and not token.is_upper
            and key in self.places
            and not lex.is_common(key)
        ):
            return True  # "my son Dallas": a place right after a relative is the relative's name
        if (
            kind in (GREETING, SIGN_OFF, CONTACT, SOURCE)
            and token.is_capitalised
            and not token.is_upper
            and key in lex.word_first_names
        ):
            return True  # "Hi Will,", "Thanks Pat": a first name that is a word, capitalised after a greeting
        if not token.is_word or key in lex.stop_words or len(key) < 2:
            return False
        if key in lex.allow and not (
            key in lex.first_names and (kind == STRONG or (kind == RELATION and token.is_capitalised))
        ):
            # "je m'appelle noël bonnin", "my partner June called": after "my name is", or capitalised
            # after a relative, an allow-listed first name is one ("my husband may call" is no name)
            return False
        known = lex.is_known_name(key)
        common = lex.is_common(key)
        if key in lex.greetings or key in self.closing_words:
            # "Lieve", "Beste", "Best" are greetings or closings and names: a name only when
            # capitalised, after a cue that announces a name ("u spreekt met Lieve", "mijn partner Lieve")
            return known and token.is_capitalised and not common and kind in (STRONG, RELATION, SIGN_OFF)
        if kind == STRONG:
            return not common or known or token.is_capitalised
        if kind == RELATION and not token.is_capitalised and key not in lex.first_names and lex.is_word_form(key):
            return False  # "mijn dochter ging ophalen": a verb that is a surname too; relatives go by first names
        if kind == SOURCE:
            # "volgens joost", "according to Darren"; news writes a role or a firm there ("Volgens
            # UPC", "Volgens Pukkelpop-organisator ..."): a listed name only, in either case
            return lex.is_known_name(key) and not common and not token.is_upper and not lex.is_demonym(key)
        if kind == CONTACT and not token.is_capitalised:
            # "I spoke to ashley"; a lower-case surname alone is as often a noun ("speaking to bots")
            return key in lex.first_names and not common and (known or not lex.in_dictionary(key))
        if not known and lex.in_dictionary(key):
            return False  # "Bonne", "Pouvez": a word of the language, in no name list
        if token.is_capitalised:
            if not known and lex.is_demonym(key):
                return False  # "ik ben Marokkaans", "ik ben Turks": a nationality, no name
            if known:
                return not common or not token.is_upper
            # "Goedemorgen, Heebben jullie ...": a frequent word typed wrong (asked last: it costs most)
            return not common and not lex.is_mistyped_common_word(key)
        return known and not common

    def _word(self, token: Token, kind: str, after_particle: bool) -> int:
        """YES when ``token`` is a name word after a cue of ``kind``; MAYBE when it is one only next
        to a known name (an unknown lower-case word that is no word of the language: "flink" in
        "groeten, flink rowan"); NO otherwise.

        The verdict depends only on the word's key and shape, the cue's kind and the particle
        before it, so it is worked out once per such combination (bounded memo): every message's
        last word is judged, and chat repeats its words."""
        memo_key = (token.key, token.is_word, token.is_capitalised, token.is_upper, kind, after_particle)
        verdict = self._verdicts.get(memo_key)
        if verdict is None:
            verdict = self._verdicts.remember(memo_key, self._judge(token, kind, after_particle))
        return verdict

    def _judge(self, token: Token, kind: str, after_particle: bool) -> int:
        """``_word``'s verdict, worked out."""
        if token.key.startswith("l'") and not token.text[2:3].isupper():
            return NO  # "de la part de l'intéressé", "au nom de l'équipe": a noun and its article
        if self._accept(token, kind):
            return YES
        lex = self.lexicon
        key = token.key
        contacted_noun = (
            kind in (CONTACT, SOURCE) and not token.is_capitalised and (lex.is_common(key) or lex.in_dictionary(key))
        )
        if after_particle and key in self.interfix_surnames and not token.is_upper and token.is_word:
            # "de wilde", "van den bosch": words and brands, but surnames after a particle; not after
            # a contact cue ("gesproken met de winkel", "contact met de bakker": the one spoken to)
            return NO if contacted_noun else YES
        if (
            # after "this is", "im": a month, not a brand or an abbreviation ("for mr norris nino: ..."),
            # or capitalised, not in capitals ("je suis Noël du service client": a holiday; "NINO")
            (
                kind in (GREETING, SIGN_OFF, RELATION)
                or (kind in (WEAK, START) and (key in lex.date_words or (token.is_capitalised and not token.is_upper)))
            )
            and key in lex.allow
            and key in lex.first_names
            and len(key) >= 3
            and key not in lex.greetings
            and key not in lex.stop_words
        ):
            # "Thanks June, ...", "Merci, Noël": a month or a holiday that is a first name, a name only
            # where its place says so (``_addressed``, ``_signed_first_name``)
            return MAYBE
        if (
            kind in (SIGN_OFF, GREETING)
            and key in lex.word_first_names
            and key not in lex.stop_words
            and key not in lex.function_words  # "bedankt, allen": everyone
            and len(key) >= 3
        ):
            # "groetjes, erna", "Hoi ecrin, ...": a name only where it ends the message or is greeted
            # before a comma (``_word_first_name_alone``)
            return MAYBE
        if not token.is_word or key in lex.stop_words or key in lex.allow or key in lex.titles:
            return NO
        if key in lex.duration_words or key in lex.date_words or key in self.closing_words:
            return NO  # "58 ans", "Best."
        if after_particle and (key in lex.surnames or (token.is_capitalised and key in self.places)):
            if kind in (WEAK, START) and not token.is_capitalised and lex.is_common(key):
                return NO  # "je suis de garde": a frequent word after an everyday phrase, not "De Garde"
            if contacted_noun:
                return NO  # "gesproken met de bank": the one spoken to, a noun
            return YES  # "rowan van Parijs", "de Breda": places make Dutch surnames
        if lex.is_known_name(key) and len(key) >= MIN_TENTATIVE_LETTERS:
            return MAYBE  # "claire", "ball": names that are words, a name only next to another name
        if (
            len(key) < MIN_TENTATIVE_LETTERS
            or lex.is_common(key)
            or key in lex.greetings
            or lex.in_dictionary(key)
            or (not after_particle and lex.is_mistyped_common_word(key))  # "van den brande": a surname
            or (key in self.places and not after_particle)
        ):
            return NO
        return MAYBE

    def _name_after(self, text: str, tokens: Sequence[Token], index: int, kind: str) -> tuple[int, int, float] | None:
        lex = self.lexicon
        newline_ok = kind == SIGN_OFF
        titled = kind == TITLE
        if titled:
            kind = WEAK  # a title makes any following capitalised word a name
        previous_end = tokens[index - 1].end if index > 0 else 0
        copula = kind != RELATION  # after a relative, one "is" may come first: "my partner is tom"
        # a relative of someone ("de zoon van", "la fille de"): a lower-case particle after it is an
        # article ("de zoon van de buren", "de man van de post"), a particle only before a capital
        # ("de dochter van de Vries")
        of_someone = kind == RELATION and index > 0 and tokens[index - 1].key in RELATION_PREPOSITIONS
        # the first word after the title is a known name alone before a comma (asked once, below too)
        closed_surname = False
        # skip separators and titles between the cue and the name
        while index < len(tokens):
            token = tokens[index]
            gap = text[previous_end : token.start]
            if "\n" in gap and not newline_ok:
                return None
            if not copula and token.key in RELATION_COPULAS:
                copula = True
            elif token.text in SKIPPABLE_PUNCT:
                titled = False  # "Bonjour madame, le livreur ...": the title was the greeting's
            elif titled and self._closed_surname_after_title(text, tokens, index):
                closed_surname = True
                break  # "Noted, Mr Lord, thank you": a title after the civility, alone, is the surname
            elif self._is_title(token):
                titled = True
                if kind != STRONG:
                    kind = WEAK  # a title makes any following capitalised word a name
            elif token.text == TITLE_PUNCT and index > 0 and tokens[index - 1].key in lex.titles:
                pass
            else:
                break
            previous_end = token.end
            index += 1
        words: list[Token] = []
        verdicts: list[int] = []
        pending: list[Token] = []  # particles waiting for a name word after them
        first_name_particle: Token | None = None  # "Ben" opening the name as a first name
        end_index = index
        names = 0
        initial_after_title = False
        while end_index < len(tokens) and names < self.MAX_NAME_WORDS:
            token = tokens[end_index]
            before = tokens[end_index - 1].end if end_index > 0 else 0
            if end_index > index and text[before : token.start].strip():
                break
            if "\n" in text[before : token.start] and (words or pending):
                break
            if _in_identifier(text, token):
                break  # "robertjones2@…", "anna.smit@…": an address or handle, not the name
            if any(w.key == token.key for w in words if w.is_word):
                break  # "fedde scholten fedde scholten": the name again, not a third name
            if words and token.text.islower() and (token.key in lex.name_verbs or token.key in lex.after_cues):
                break  # "mr patel said ...": "Said" is a first name too, but here the verb after the name
            if (
                words
                and not pending
                and kind != STRONG
                and words[-1].is_capitalised
                and token.text.islower()
                and token.key not in lex.particles
                and not lex.is_known_name(token.key)
                and (lex.is_common(token.key) or lex.is_word_form(token.key))
            ):
                break  # "mijn ex-man Erik weigert ...": a name typed with a capital, then a word of the language
            if not words and not pending and self._first_name_particle(text, tokens, end_index, kind):
                # "u spreekt met Ben.", "mijn naam is Ben de Vries", "my name is ben", "gr Ben": a
                # particle that is a first name, opening the name where it cannot be a particle
                words.append(token)
                verdicts.append(YES)
                first_name_particle = token
                end_index += 1
                names += 1
                continue
            if self._town_after_te(tokens, end_index, words, pending, titled):
                break  # "mevrouw Jansen te Utrecht", "huisarts Smit te Houten": where they live or work
            if words and token.is_capitalised and token.key in lex.organization_words:
                break  # "ik ben Wout van de Bakkerij Peeters": the name, then where they work
            if token.key in lex.particles and (
                (
                    token.text.islower()
                    and (
                        words
                        or pending
                        or (self._may_open(kind, titled) and (not of_someone or _next_capitalised(tokens, end_index)))
                    )
                )
                # "Els De Sutter", "Anastasie Le Roux", "op naam van DE WOLF Astrid" (after a strong cue)
                or ((words or titled or kind == STRONG) and _next_capitalised(tokens, end_index))
            ):
                pending.append(token)
                end_index += 1
                continue
            if _is_initial(token, tokens, end_index, self.lexicon.particles) or _is_lower_initial(
                token, tokens, end_index, lex
            ):
                words.extend(pending)
                verdicts.extend(YES for _ in pending)
                pending = []
                words.extend((token, tokens[end_index + 1]))  # the letter and its dot
                verdicts.extend((YES, YES))
                end_index += 2
                names += 1
                continue
            if (titled or kind == STRONG) and not words and not pending and self._bare_initial(text, tokens, end_index):
                # "mr d patel", "mme j durand", "tnv j bakker": an initial typed without its dot
                words.append(token)
                verdicts.append(YES)
                initial_after_title = True
                end_index += 1
                names += 1
                continue
            if (
                titled
                and (not words or initial_after_title)
                and not pending
                and self._surname_after_title(token, _after_dot(tokens, end_index))
                and not self._noun_of_noun(tokens, end_index)
            ):
                verdict = YES  # "for mr king", "c'est pour m. rocher": a surname, though a word
            elif titled and not words and not pending and closed_surname:
                verdict = YES  # "Noted, Mr May, thank you": a known name, alone between a civility and a comma
            elif titled and not words and pending and self._capitalised_surname_after_particle(token, pending):
                verdict = YES  # "meneer de Grote", "Mme Le Blanc": a title, a particle, a capitalised word
            else:
                verdict = self._word(token, kind, bool(pending))
                if not words and not pending and self._verb_opens(text, tokens, end_index, kind, verdict):
                    verdict = NO  # "Hey bezorgen julie ook op zondag?", "Morning emil me at ...
                opening = kind in (STRONG, START) and not words and not pending
                if verdict == NO and opening and self._word_opening(token):
                    # "mijn naam is erna vermeulen", "goedemorgen met erna de vos": right after "my
                    # name is" or "met", a word of the language or a place, a name only before a known name
                    verdict = MAYBE
                elif (
                    verdict == NO
                    and kind in (SIGN_OFF, GREETING, WEAK)
                    and not words
                    and not pending
                    and token.key in lex.word_first_names
                    and token.key not in lex.stop_words  # "Hoi allen,", "bedankt, alle"
                    and token.text.isalpha()
                ):
                    # "Groetjes, elke", "ik ben elke maris": a first name that is a function word too,
                    # weighed alone after the sign-off (``_word_first_name_alone``) or kept only
                    # before a known name (``_settle``: "ik ben elke dag thuis" is none)
                    verdict = MAYBE
                if (
                    verdict == MAYBE
                    and titled
                    and not words
                    and self._spelled_out_title(tokens, index)
                    and self._unlisted_surname(token)
                    and not self._noun_of_noun(tokens, end_index)
                ):
                    verdict = YES  # "bjr jsui mme dossantos": after a civility, an unlisted word no dictionary has
                if verdict == MAYBE and titled and initial_after_title and len(words) == 1:
                    verdict = YES  # "is mr j bloggs there": a civility, an initial, then a word no list holds
            if verdict == NO or (not words and self._question(tokens, end_index)):
                break
            if words and token.text.islower() and token.key in NOT_QUESTION_SUBJECTS:
                break  # "my wife zelvina has called": the verb after the name ("Has" is a surname too)
            if words and not pending and not self._known(token) and lex.is_mistyped_common_word(token.key):
                break  # "au nom de Mme Leclerc Mreci bcp": the thanks typed wrong after the name
            # a name opened by a particle after a weak cue: the word after it must be a surname
            if (
                not words
                and pending
                and verdict == YES
                and not (titled or kind == STRONG)
                and not (lex.is_known_name(token.key) or token.key in self.interfix_surnames)
            ):
                break
            if (
                not words
                and pending
                and pending[0].text.islower()
                and not (lex.is_known_name(token.key) or token.key in self.interfix_surnames)
                and (
                    lex.in_dictionary(token.key)
                    or lex.is_common(token.key)
                    or (pending[-1].key in NOUN_ARTICLES and lex.is_mistyped_word(token.key))
                )
                and not (titled and token.is_capitalised)  # "meneer de Grote": a surname after a title
            ):
                # "de la part de la Couronne", "au nom de la Poste": an article and a noun, or after
                # "le", "la" a noun typed wrong ("madame le csque", "monsieur le lirveur"; Dutch
                # surnames after "de", "van" are words with a letter more: "de Vroege"); a surname
                # that opens with a particle is no word ("je m'appelle le Goff")
                break
            words.extend(pending)
            verdicts.extend(YES for _ in pending)
            pending = []
            words.append(token)
            verdicts.append(verdict)
            end_index += 1
            names += 1
        # a particle after a title or "my name is" anchors the name ("mevrouw van susa"), and so, after
        # "my name is", does a word judged a name ("mijn naam is lieve dubois": "lieve" is a word too)
        anchored = bool(words) and (
            ((titled or kind == STRONG) and words[0].key in lex.particles) or (kind == STRONG and YES in verdicts)
        )
        if (
            kind in (SIGN_OFF, GREETING)
            and len(words) == 1
            and verdicts == [MAYBE]
            and (
                (kind == SIGN_OFF and self._signed_first_name(text, words[0]))
                or self._word_first_name_alone(text, words[0])
            )
        ):
            return words[0].start, words[0].end, self.SIGNATURE_SCORE  # "Merci, pierre": the signature
        if kind in (SIGN_OFF, WEAK, START) and verdicts == [MAYBE, MAYBE] and self._word_full_name_ends(text, words):
            return words[0].start, words[1].end, self.SIGNATURE_SCORE  # "cordialement, claire barbe"
        if kind in (SIGN_OFF, GREETING) and len(words) == 1 and verdicts == [MAYBE] and self._addressed(text, words[0]):
            return words[0].start, words[0].end, self.SIGNATURE_SCORE  # "Merci pierre, je vérifie ..."
        if kind in (WEAK, START) and len(words) == 1 and verdicts == [MAYBE] and self._introduced_alone(text, words[0]):
            return words[0].start, words[0].end, self.SIGNATURE_SCORE  # "this is grace, 0798...", "im june,"
        if (
            kind == RELATION
            and len(words) == 1
            and verdicts == [MAYBE]
            and (self._relative_named(words[0]) or self._unknown_relative_before_verb(text, tokens, words[0]))
        ):
            return words[0].start, words[0].end, self.SIGNATURE_SCORE  # "my partner grace called": the relative's name
        words = self._settle(text, tokens, words, verdicts, anchored, first_name_particle)
        while len(words) > 1 and words[0].key in self.relation_nouns and words[0].text.islower():
            words = words[1:]  # "met dochter Eva": the relative's noun, then the name
        real = [w for w in words if w.is_word]
        if not real or not any(
            w.text[0].isalpha()
            and len(w.text) > 1
            # "mijn partner Ben heeft ...": a particle ("ben", "van") may be a capitalised first name
            and (
                w.key not in lex.particles
                or (w.is_capitalised and w.key in lex.first_names)
                or w == first_name_particle
            )
            for w in real
        ):
            return None
        if real[0].key in lex.organization_words:
            return None  # "op naam van Stichting Zonnestraal", "au nom de la Société Lumex": a firm
        if kind == RELATION and self._verb_after_relative(text, tokens, real):
            return None  # "mon mari paye les factures", "my wife rose early": the relative's verb
        start = words[0].start
        end = words[-1].end
        score = self._score(real, kind)
        return start, end, score

    def _named_alone(self, text: str, start: int, end: int) -> bool:
        """The span after a greeting, sign-off or "I'm" is one listed first name, spoken to, signing,
        saying where they work, or ending the clause after "I'm" (``_addressed``,
        ``_signed_first_name``, ``_affiliated``: "Thanks June, ...", "Merci, noël", "I'm June from
        customer support", "i'm june and tel: ..."), even when the allow list holds the word (a
        month, a holiday)."""
        tokens = tokenize(text)
        index = bisect.bisect_left(token_starts(text), start)
        if index >= len(tokens) or tokens[index].end != end:
            return False
        token = tokens[index]
        return (
            self._addressed(text, token)
            or self._signed_first_name(text, token)
            or self._affiliated(text, tokens, index)
            or self._named_before_and(text, tokens, index)
        )

    def _named_before_and(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """A listed first name after "I'm", "je suis", then "and" and the next clause: "i'm june and
        tel: ..." (``_conjunction_follows``); "I am belizian but ..." names no one."""
        return (
            index > 0
            and tokens[index - 1].key in FIRST_PERSON_COPULAS
            and self._tentative_first_name(tokens[index])
            and _conjunction_follows(text, tokens, index)
        )

    def _signed_first_name(self, text: str, token: Token) -> bool:
        """A listed first name that is also a word, alone after a sign-off at the very end of the
        message ("Merci, pierre", "thanks, grace"): the writer's name."""
        return self._tentative_first_name(token) and _ends_message(text, token)

    def _word_full_name_ends(self, text: str, words: Sequence[Token]) -> bool:
        """Two words that are words of the language too, a listed first name then a listed surname
        ("claire barbe", "rose martin"), typed alike, ending their line or the message after a
        sign-off or "c'est": a full name, where "clear beard" would not stand alone."""
        lex = self.lexicon
        first, last = words
        rest = text[last.end :].lstrip(" \t")
        return (
            first.key in lex.first_names
            and last.key in lex.surnames
            and first.text.islower() == last.text.islower()
            and first.is_word
            and last.is_word
            and (not rest or rest[0] == "\n" or _ends_message(text, last))
        )

    def _word_first_name_alone(self, text: str, token: Token) -> bool:
        """A first name the language's lists hold only as a word too (``word_first_names``: Dutch
        "erna", "elke"), alone after a sign-off or a greeting, at the very end of the message or
        before a comma or "!": the writer signs, or is greeted ("groetjes, erna", "Hoi ecrin, je
        spreekt met ..."); nowhere else is it taken alone."""
        return token.key in self.lexicon.word_first_names and (
            _ends_message(text, token) or _comma_or_bang_after(text, token)
        )

    def _word_opening(self, token: Token) -> bool:
        """``token``, in lower case, may open a name right after a strong or start cue ("my name is",
        "met") though it is a word of the language or a place ("erna", "elke", "london"): letters
        only, three or more, no stop word,
        greeting or closing, nor a frequent word typed wrong ("namens merouw janssen": the title,
        mistyped, is a cue of its own) (``_settle`` keeps it only next to a known name)."""
        lex = self.lexicon
        key = token.key
        return (
            token.text.isalpha()
            and token.text.islower()
            and len(key) >= MIN_TENTATIVE_LETTERS
            and key not in lex.stop_words
            and key not in lex.greetings
            and key not in self.closing_words
            and not lex.is_mistyped_common_word(key)
        )

    def _first_name_particle(self, text: str, tokens: Sequence[Token], index: int, kind: str) -> bool:
        """A particle that is a listed first name ("Ben", "Mac") opens a name as a first name: after
        "my name is", "u spreekt met" when capitalised or when no word follows ("mijn naam is Ben de
        Vries", "my name is ben."); after a sign-off at the message's end when capitalised, or when it
        is no word of the language ("gr Ben", "thx ben"; "ben" is "am" in Dutch) or comes after the
        sign-off's comma ("groetjes, ben"), or capitalised
        before a comma or "!", the person thanked ("Dank je Ben, ik kijk even"); after "my name is"
        in lower case also before a conjunction ("op naam van ben en ..."); after a greeting before a
        comma or "!", the person greeted ("Hoi ben, je spreekt met Mats")."""
        token = tokens[index]
        lex = self.lexicon
        key = token.key
        if not (key in lex.particles and key in lex.first_names and len(key) >= MIN_TENTATIVE_LETTERS):
            return False
        if token.is_capitalised and not token.is_upper and self._surname_follows(text, tokens, index):
            return True  # "groet, Ben DE HUEL", "ik ben Ben van Alenburg": a surname comes after it
        if kind == STRONG:
            # "op naam van ben en mijn ...": "and" after it ends the name as a full stop does
            return (
                token.is_capitalised
                or not _word_follows(text, tokens, index)
                or tokens[index + 1].key in NAME_ENDING_CONJUNCTIONS
            )
        if kind == SIGN_OFF:
            # "gr Ben", "thx ben" at the end, or after the sign-off's comma ("groetjes, ben": no verb
            # there); "Dank je Ben, ik kijk even": capitalised, thanked
            return (
                _ends_message(text, token)
                and (token.is_capitalised or key not in lex.stop_words or _after_comma(text, token.start))
            ) or (token.is_capitalised and _comma_or_bang_after(text, token))
        if kind == GREETING:
            return _comma_or_bang_after(text, token)  # "Hoi ben, je spreekt met ..."
        return False

    def _surname_follows(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """After ``tokens[index]`` on its line, a capitalised word that is no stop word, or particles
        then one ("DE HUEL", "van Alenburg", "van der Berg")."""
        lex = self.lexicon
        position = index + 1
        while position < len(tokens) and tokens[position].key in lex.particles and position - index <= 2:
            position += 1
        if position >= len(tokens):
            return False
        gap = text[tokens[index].end : tokens[position].start]
        after = tokens[position]
        return (
            "\n" not in gap
            and after.is_word
            and after.is_capitalised
            and len(after.text) >= 2
            and after.key not in lex.stop_words
            and after.key not in self.closing_words
        )

    def _addressed(self, text: str, token: Token) -> bool:
        """A listed first name that is also a word, right after a greeting or thanks and before a
        comma or "!": the person spoken to ("Merci pierre, je vérifie", "Hi grace! ...")."""
        return self._tentative_first_name(token) and _comma_or_bang_after(text, token)

    def _introduced_alone(self, text: str, token: Token) -> bool:
        """A listed first name that is also a word, alone after "this is", "im", "c'est", then a comma,
        "!" or the message's end ("this is grace, 0798...", "im june, my NI number ..."), or after
        "im" with where the writer works (``_affiliated``: "im june from customer support"), or with
        "here" closing the sentence ("it's guy here :)"); not an
        inflected form ("c'est dit,"), nor a month, a weekday or another allow-listed word unless the
        writer says "I am" ("it's june, so ..." is the month, "c'est Noël, ..." the holiday; "je suis
        Noël du service client"); "this is bill for last month" goes on after the word: no name."""
        if token.key in self.inflected_first_names:
            return False
        index = bisect.bisect_left(token_starts(text), token.start)
        tokens = tokenize(text)
        before = tokens[index - 1].key if index > 0 else ""
        lex = self.lexicon
        if (token.key in lex.date_words or token.key in lex.allow) and before not in FIRST_PERSON_COPULAS:
            return False  # "it's june, ...", "c'est Noël, ...": the month, the holiday
        return (
            self._addressed(text, token)
            or self._signed_first_name(text, token)
            or self._affiliated(text, tokens, index)
            or self._here_closes(text, tokens, index)
            or self._named_before_and(text, tokens, index)
        )

    def _here_closes(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """An after-cue ("here", "hier", "ici") right after ``tokens[index]``, then the sentence's or
        the message's end, or a conjunction opening the next clause: "it's guy here :)", "it's mark
        here and IBAN: ..."."""
        if index + 1 >= len(tokens) or tokens[index + 1].key not in self.lexicon.after_cues:
            return False
        cue = tokens[index + 1]
        rest = text[cue.end :].lstrip(" \t")
        if index + 2 < len(tokens) and tokens[index + 2].key in NAME_ENDING_CONJUNCTIONS and rest[:1].isalpha():
            return True
        if rest[:1].isupper() and "\n" not in text[tokens[index].end : cue.end]:
            return True  # "it's June here Thank you": a new sentence, its full stop left out
        return not rest or rest[0] in ".!,\n" or all(not ch.isalnum() for ch in rest)

    def _affiliated(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """A listed first name after "I'm", "ik ben", then ``AFFILIATION_WORDS`` and another word on
        the line: "I'm June from customer support", "ik ben sanne van de klantenservice"."""
        words = AFFILIATION_WORDS.get(self.supported_language)
        if not words or index == 0 or index + 2 >= len(tokens) or tokens[index + 1].key not in words:
            return False
        return (
            tokens[index - 1].key in FIRST_PERSON_COPULAS
            and self._tentative_first_name(tokens[index])
            and _word_follows(text, tokens, index)
            and _word_follows(text, tokens, index + 1)
        )

    def _relative_named(self, token: Token) -> bool:
        """A listed first name that is also a word, alone after a relative ("my partner grace called",
        "mon conjoint pierre vous a appelé"); not an inflected form, which is a verb there ("my mother
        said ...", "ma fille aimée": beloved)."""
        return self._tentative_first_name(token) and token.key not in self.inflected_first_names

    def _verb_after_relative(self, text: str, tokens: Sequence[Token], words: Sequence[Token]) -> bool:
        """The name read after a relative opens with a lower-case verb, not a name: an inflected
        form ("lance", "rose") before a word of the language ("my wife rose early"), or a word of
        the language before an article or possessive, its object ("mon mari paye les factures",
        "mon père olive les arbres"); "my son bill paid" and "ma fille emma la semaine dernière"
        keep their names ("bill" before a verb, "emma" no word of the language)."""
        first = words[0]
        if not first.text.islower() or (len(words) > 1 and words[1].is_capitalised):
            return False
        lex = self.lexicon
        index = bisect.bisect_right(token_starts(text), first.start)
        after = tokens[index] if index < len(tokens) else None
        if after is None or not after.text.islower():
            return False
        inflected = first.key in self.inflected_first_names
        if after.key in OBJECT_OPENERS:
            return inflected or lex.is_word_form(first.key)
        # not before a pronoun: "mon conjoint gilles vous a appelé"
        return (
            inflected
            and lex.is_common(after.key)
            and after.key not in lex.function_words
            and after.key not in lex.stop_words
        )

    def _unknown_relative_before_verb(self, text: str, tokens: Sequence[Token], token: Token) -> bool:
        """A word in no list of the language, alone after a relative and right before "is", "has",
        "heeft", "a" (``NOT_QUESTION_SUBJECTS``): the relative's name, though no list holds it ("my
        wife ecrin has called"). Dutch puts the verb second, so nothing but the subject stands
        between the relative and "heeft": there a word of the lemma tables only, in no list of
        frequent, stop or allowed words, is a name too ("mijn partner ecrin heeft gebeld")."""
        index = bisect.bisect_left(token_starts(text), token.start)
        lex = self.lexicon
        key = token.key
        if not (
            len(key) >= MIN_TENTATIVE_LETTERS
            and key.isalpha()
            and _word_follows(text, tokens, index)
            and tokens[index + 1].key in NOT_QUESTION_SUBJECTS
        ):
            return False
        if lex.is_unknown_word(key):
            return not lex.is_mistyped_word(key)
        return (
            self.supported_language == "nl"
            and not lex.is_known_name(key)
            and not lex.is_common(key)
            and key not in lex.stop_words
            and key not in lex.allow
        )

    def _tentative_first_name(self, token: Token) -> bool:
        """A listed first name long enough to be taken alone where its place says it is a name."""
        return token.key in self.lexicon.first_names and len(token.key) >= MIN_TENTATIVE_LETTERS

    def _bare_initial(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """Right after a title or a strong name cue, a single letter without a dot, then on the
        same line a surname: a capitalised word, a particle, a listed surname or a word no list
        holds ("mr d patel", "mme j durand", "dhr j de vries", "Mrs K Smith", "tnv j bakker", "mr j
        bloggs"); not "Mme a appelé" (a verb after the letter), nor "juge à la High Court" (a word
        of one letter, then a particle)."""
        token = tokens[index]
        if not (token.is_word and len(token.text) == 1 and token.text.isascii() and index + 1 < len(tokens)):
            return False
        after = tokens[index + 1]
        gap = text[token.end : after.start]
        if not (gap and gap.isspace() and "\n" not in gap and after.is_word and len(after.text) >= 2):
            return False
        lex = self.lexicon
        particle = after.key in lex.particles
        if particle and token.text.islower() and token.key in lex.function_words:
            return False
        return (
            after.is_capitalised
            or particle
            or self._surname_after_title(after)
            # "mr j bloggs": in lower case, a word no list and no dictionary holds
            or (not lex.is_common(after.key) and not lex.in_dictionary(after.key) and self._unlisted_surname(after))
        )

    def _surname_after_title(self, token: Token, dotted: bool = False) -> bool:
        """Right after a title, a listed surname is the surname even when it is a word or a brand
        ("mr king", "m. rocher", "Mme Boulanger"), and so is, capitalised, a Dutch surname listed only
        after its particle ("meneer Klein", "mevrouw Groot", for De Klein, De Groot: words too, left
        out of the plain surname list) or one that is a Dutch word ("meneer Arts", "mevrouw Mol");
        not a function, stop, date or greeting word. In lower case an allow-listed word ("super",
        "noël") only after a title abbreviated with its dot (``dotted``: "c'est pour m. noël"; "madame
        super" is an exclamation)."""
        lex = self.lexicon
        key = token.key
        return (
            token.is_word
            and len(key) >= MIN_TENTATIVE_LETTERS
            and (
                key in lex.surnames
                or (token.is_capitalised and (key in self.interfix_surnames or key in self.word_surnames))
            )
            and key not in lex.cue_and_function_words
            and key not in lex.duration_words
            and key not in self.closing_words
            and (token.is_capitalised or dotted or key not in lex.allow)  # "Mme Boulanger", not "madame super"
        )

    def _verb_opens(self, text: str, tokens: Sequence[Token], index: int, kind: str, verdict: int) -> bool:
        """``tokens[index]``, the first word after a greeting or sign-off, is a verb, no name:

        - after a greeting, a lower-case inflected word of the lemma tables that no list holds as a
          name ("bezorgen", deliver), a name only maybe, when the sentence goes on after the next
          word: "Hey bezorgen julie ook op zondag?" ("julie" is "jullie" typed wrong; "hoi flink
          rowan", ending there, may be a name);
        - a lower-case word, then an object pronoun and where to reach them: "Morning emil me at
          ..." ("email" typed wrong; "hi sarah me again" keeps the name)."""
        token = tokens[index]
        if not token.text.islower() or kind not in (GREETING, SIGN_OFF):
            return False
        lex = self.lexicon
        if (
            kind == GREETING
            and verdict == MAYBE
            and lex.is_word_form(token.key)
            and not lex.is_known_name(token.key)
            and _words_go_on(text, tokens, index + 1)
        ):
            return True
        return (
            index + 2 < len(tokens)
            and tokens[index + 1].key in OBJECT_PRONOUNS
            and tokens[index + 2].key in CONTACT_PREPOSITIONS
        )

    def _noun_of_noun(self, tokens: Sequence[Token], index: int) -> bool:
        """A lower-case common word, then "de", "du", "of" and another lower-case common word no
        list holds as a name: a noun phrase ("monsieur date de naissance : ...", "mr date of
        birth"), not a surname that a word of the language is too ("mme martin de paris")."""
        token = tokens[index]
        lex = self.lexicon
        if index + 2 >= len(tokens) or not token.text.islower() or not lex.is_common(token.key):
            return False
        link, noun = tokens[index + 1], tokens[index + 2]
        return (
            link.key in NOUN_LINKS
            and noun.text.islower()
            and (lex.is_common(noun.key) or lex.in_dictionary(noun.key))
            and noun.key not in lex.cue_and_function_words  # "madame bouche de la poste": an article
            and not lex.is_known_name(noun.key)
            and noun.key not in self.places
        )

    def _closed_surname_after_title(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """A capitalised known name, whatever word it is too ("May", "Best", a title such as "Lord"),
        alone between a spelled-out civility and a comma, a full stop, "!" or the message's end: the
        surname ("Noted, Mr May, thank you", "Mr Lord,"); not a civility, nor an office no name list
        holds ("Mr President,": the person addressed by the office). In lower case, a listed surname
        that is a word: "namens mevrouw arts"."""
        token = tokens[index]
        key = token.key
        lex = self.lexicon
        rest = text[token.end :].lstrip(" \t")
        return (
            (token.is_capitalised or self._lower_word_surname(token))
            and not token.is_upper
            and len(key) >= MIN_TENTATIVE_LETTERS
            and (not rest or rest[0] in ",.!")
            and key not in CIVILITIES
            and (lex.is_known_name(key) or key in self.word_surnames)
            and self._spelled_out_title(tokens, index)
        )

    def _lower_word_surname(self, token: Token) -> bool:
        """A lower-case listed surname that is a word too ("arts", "mol", "king"), not a function,
        cue, closing or greeting word."""
        lex = self.lexicon
        key = token.key
        return (
            token.is_word
            and token.text.islower()
            and (key in lex.surnames or key in self.word_surnames)
            and key not in lex.cue_and_function_words
            and key not in self.closing_words
            and key not in lex.greetings
            and key not in lex.allow
        )

    @staticmethod
    def _spelled_out_title(tokens: Sequence[Token], index: int) -> bool:
        """The title before ``tokens[index]`` is a civility of two letters or more ("mme", "madame",
        "mevrouw", "mr"): not a lone "M"/"M." that may be an initial, nor an office ("juge", "sergent")."""
        position = index - 1
        while position >= 0 and tokens[position].text == TITLE_PUNCT:
            position -= 1
        key = tokens[position].key.rstrip(".") if position >= 0 else ""
        return len(key) >= 2 and key in CIVILITIES

    def _unlisted_surname(self, token: Token) -> bool:
        """A word no list holds that may still be a surname after a civility: four letters or more,
        not chat shorthand glued to an elided pronoun ("jvoudrais": j'voudrais, "jsp"), not an
        elided word of the language, nor a chat word or a word of the dictionary typed wrong
        ("madame rmeboursez", "madame jooignable")."""
        lex = self.lexicon
        key = token.key
        if len(key) < MIN_UNLISTED_SURNAME or lex.is_typo_of_chat_word(key) or lex.is_mistyped_word(key):
            return False
        _, apostrophe, rest = key.partition("'")
        if apostrophe and lex.in_dictionary(rest):
            return False  # "sergent s'était", "madame n'est": an elided word, not "N'Diaye"
        return not (key[0] in ELIDING_LETTERS and lex.in_dictionary(key[1:]))

    def _capitalised_surname_after_particle(self, token: Token, particles: Sequence[Token]) -> bool:
        """A capitalised word after a title and a particle is the surname even when it is a word
        ("meneer de Grote", "mevrouw van Dam"); not a function, stop, date or greeting word, nor an
        office ("person_nouns") after particles that are all articles too ("meneer de Directeur";
        "meneer van der Arts" is a surname)."""
        lex = self.lexicon
        key = token.key
        return (
            token.title_case_word(MIN_TENTATIVE_LETTERS)
            and key not in lex.cue_and_function_words
            and key not in lex.duration_words
            and key not in self.closing_words
            and (key not in lex.person_nouns or not all(p.key in TITLE_ARTICLES for p in particles))
        )

    def _known(self, token: Token) -> bool:
        """A word of a name list that is no particle ("Le", "Van" are surnames too)."""
        return token.key not in self.lexicon.particles and self.lexicon.is_known_name(token.key)

    def _question(self, tokens: Sequence[Token], index: int) -> bool:
        """A capitalised function word opening a question after a greeting: "Hi, Can I ...",
        "Hey Will you ..." ("Hi Will, thanks" stays a name)."""
        lex = self.lexicon
        token = tokens[index]
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            token.key in lex.function_words
            and nxt is not None
            and nxt.key in lex.function_words
            and nxt.key not in lex.particles  # "met Elke van de klantenservice"
            and nxt.key not in NOT_QUESTION_SUBJECTS  # "my son Will is 12": a verb follows the name
        )

    def _may_open(self, kind: str, titled: bool) -> bool:
        """Whether a name may start with a particle after this cue ("namens mevrouw van susa")."""
        return titled or kind in (STRONG, WEAK, RELATION, CONTACT, SOURCE, START, SIGN_OFF, GREETING)

    def _settle(
        self,
        text: str,
        tokens: Sequence[Token],
        words: list[Token],
        verdicts: list[int],
        anchored: bool = False,
        first_name: Token | None = None,
    ) -> list[Token]:
        """The name's words once MAYBE words are settled. They stay only next to a known name (or
        after a title and a particle: "mevrouw van susa"), and when they end the name, only when
        the clause ends there too ("my partner stephen called yesterday" is "stephen"); otherwise
        the name stops before them; a lower-case one never ends a name typed with capitals.
        Particles never end a name, but for ``first_name``, one taken as a first name ("my name is ben")."""
        lex = self.lexicon
        if MAYBE in verdicts:
            known = any(self._known(w) for w, v in zip(words, verdicts, strict=True) if v == YES)
            if not known and not anchored:
                words, verdicts = words[: verdicts.index(MAYBE)], verdicts[: verdicts.index(MAYBE)]
            elif verdicts[-1] == MAYBE and not self._clause_ends(text, tokens, words[-1]):
                # ... unless a particle announces it: "sem van den nyeuwenhuysen mail maar naar ..."
                while verdicts and verdicts[-1] == MAYBE and not (len(words) > 1 and words[-2].key in lex.particles):
                    words, verdicts = words[:-1], verdicts[:-1]
            # a name typed with capitals does not end in a lower-case unknown word: "mevr. Jansen
            # belde" is "mevr. Jansen" (all lower case, "groeten, flink rowan", it may)
            capitalised = any(w.is_capitalised and w.key not in lex.particles for w in words[:-1])
            while capitalised and verdicts and verdicts[-1] == MAYBE and not words[-1].is_capitalised:
                words, verdicts = words[:-1], verdicts[:-1]
        while words and words[-1].key in lex.particles and words[-1].text.islower() and words[-1] != first_name:
            words = words[:-1]
        return words

    def _clause_ends(self, text: str, tokens: Sequence[Token], last: Token) -> bool:
        """Punctuation, a line break, the end of the text or a closing word ("groetjes", "hier")
        after ``last``."""
        stripped = text[last.end :].lstrip(" \t")
        if not stripped or stripped[0] in "\n.,;:!?…)" or _is_symbol(stripped[0]):
            return True
        index = bisect.bisect_right(token_starts(text), last.start)
        if index < len(tokens):
            key = tokens[index].key
            lex = self.lexicon
            return key in self.closing_words or key in lex.greetings or key in lex.after_cues
        return True

    def _score(self, words: Sequence[Token], kind: str) -> float:
        known = any(self._known(w) for w in words)
        capitalised = any(w.is_capitalised and len(w.text) > 1 for w in words)
        if kind == STRONG:
            return self.STRONG_SCORE if known or capitalised else self.STRONG_UNKNOWN_LOWER_SCORE
        if capitalised:
            # after a relative's noun a capitalised word is a name as surely as a listed one ("ma
            # collègue Aïssatou", which the French model calls a place at 0.85)
            return self.WEAK_KNOWN_SCORE if known or kind == RELATION else self.WEAK_CAPITALISED_SCORE
        if sum(1 for w in words if self._known(w)) >= 2:
            return self.WEAK_KNOWN_SCORE  # "sharon bryant": a first name and a surname, both known
        return self.WEAK_LOWER_KNOWN_SCORE

    def _run_before(self, text: str, tokens: Sequence[Token], end: int) -> list[Token]:
        """The name-like words (particles included) that end right before token ``end``, on one
        line with only spaces between them, one to three words of which one a known name."""
        lex = self.lexicon
        run: list[Token] = []
        verdicts: list[int] = []
        names = 0
        index = end - 1
        while index >= 0 and names < self.MAX_NAME_WORDS:
            token = tokens[index]
            after = tokens[index + 1].start if index + 1 < len(tokens) else len(text)
            if text[token.end : after].strip() or "\n" in text[token.end : after] or _in_identifier(text, token):
                break
            if token.key in lex.particles and token.text.islower() and run:
                run.insert(0, token)
                verdicts.insert(0, YES)
                index -= 1
                continue
            if run and _elided_particle(tokens, index, lex.particles):
                run[:0] = [tokens[index - 1], token]  # "van 't riet": the tokenizer cuts "'t" in two
                verdicts[:0] = [YES, YES]
                index -= 2
                continue
            after_particle = index > 0 and tokens[index - 1].key in lex.particles and tokens[index - 1].text.islower()
            verdict = self._word(token, WEAK, after_particle)
            if not run and self._word_surname_after_first_name(text, tokens, index):
                verdict = YES  # "daniel mol hier": a surname that is a word (and a town), after a first name
            elif verdict == NO or (
                token.key in self.places and not lex.is_known_name(token.key) and not after_particle
            ):
                break
            if any(t.key == token.key for t in run):
                break  # "claire lefèvre claire lefèvre ici": the name once
            run.insert(0, token)
            verdicts.insert(0, verdict)
            names += 1
            index -= 1
        while run and run[0].key in self.relation_nouns and run[0].text.islower():
            run, verdicts = run[1:], verdicts[1:]  # "je collega Joris zei": the relative's noun, then the name
        # particles open a name only before a surname ("van der linden eddy hier")
        while run and run[0].key in lex.particles:
            nxt = next((t for t in run if t.key not in lex.particles), None)
            if nxt is not None and (nxt.key in lex.surnames or nxt.key in self.interfix_surnames):
                break
            run, verdicts = run[1:], verdicts[1:]
        if not any(self._known(t) for t, v in zip(run, verdicts, strict=True) if v == YES):
            return []
        opening = end - len(run) - 1
        if run and opening >= 0 and tokens[opening].key in self.possessives and not run[0].is_capitalised:
            return []  # "mijn zwager zegt", "my nan says": a relative named by the noun, not a name
        return run

    def _word_surname_after_first_name(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` is a lower-case surname that is a word too ("mol", "arts", "king"; see
        ``_lower_word_surname``) right after a listed first name that is no word, with only spaces
        between: the two words before "hier", "here" are a full name ("daniel mol hier")."""
        if index == 0 or not self._lower_word_surname(tokens[index]):
            return False
        first = tokens[index - 1]
        lex = self.lexicon
        return (
            first.key in lex.first_names
            and first.text.islower()
            and not lex.is_common(first.key)
            and first.key not in lex.allow
            and not text[first.end : tokens[index].start].strip(" \t")
        )

    def _names_before_cue(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int, float, bool]]:
        """ "Jan hier", "emma here", "Paul ici": a name right before the word that follows it; and
        before a verb people are the subject of ("Jacob lives on ...", "Walker began writing").
        The flag marks a first name the allow list holds as a word ("June here."): announced."""
        found = []
        lex = self.lexicon
        # every token passes here: the sets are looked up before any call (most tokens are no cue)
        after_cues, after_phrases, name_verbs, subject_verbs = (
            lex.after_cues,
            self._after_phrases,
            lex.name_verbs,
            lex.subject_verbs,
        )
        for index in range(1, len(tokens)):
            token = tokens[index]
            key = token.key
            phrase = key in after_phrases  # an after-cue of several words may start here
            cue_words = 1 if key in after_cues else (self._after_phrase_at(tokens, index) if phrase else 0)
            if not cue_words and key not in name_verbs:
                if key in subject_verbs:
                    found.extend(self._plain_subject(text, tokens, index))
                continue
            run = self._run_before(text, tokens, index)
            if not run and token.key in lex.person_verbs and self._unknown_subject(text, tokens[index - 1]):
                found.append((tokens[index - 1].start, tokens[index - 1].end, self.UNKNOWN_SUBJECT_SCORE, False))
                continue
            subject = [] if run or token.key not in lex.subject_verbs else self._plain_subject(text, tokens, index)
            if subject:  # "Rintanen began writing": "began" is a name verb and a subject verb
                found.extend(subject)
                continue
            if not run and cue_words and self._word_name_introduced(text, tokens, index, cue_words):
                found.append((tokens[index - 1].start, tokens[index - 1].end, self.SIGNATURE_SCORE, True))
                continue
            opening = index - len(run) - 1
            if run and cue_words and not (opening >= 0 and tokens[opening].key in lex.particles):
                # not after a particle: "VAN HOLLAND Mees hier" ("Van Holland", though Holland is a place)
                while run and _postcode_end(text, run[0]):
                    run = run[1:]  # "7430 SE Assen elias hier": the postcode's letters
                run = self._after_leading_place(run)  # "I'm in Birmingham Kelly DAVIDSON here."
            if run:
                score = self._score(run, WEAK)
                if cue_words:
                    # "Jordan here": the writer's name, more than any other reading of the word
                    score += self.AFTER_CUE_BONUS
                found.append((run[0].start, run[-1].end, round(score, 2), False))
        return found

    def _after_phrase_at(self, tokens: Sequence[Token], index: int) -> int:
        """How many words an after-cue of several words ("à votre écoute", "aan de lijn") starting at
        ``tokens[index]`` has; 0 when none starts there."""
        for words in self._after_phrases.get(tokens[index].key, ()):
            if index + len(words) <= len(tokens) and all(tokens[index + k].key == word for k, word in enumerate(words)):
                return len(words)
        return 0

    def _word_name_introduced(self, text: str, tokens: Sequence[Token], index: int, cue_words: int = 1) -> bool:
        """A listed first name that is also a word (a month, a holiday, a noun: "June", "Noël",
        "pierre"), alone before the after-cue of ``cue_words`` words at ``tokens[index]`` that opens
        the message, a line, a greeting or a new sentence, with a sentence's end or the message's
        after the cue, or its line's ("Hello, June here.", "noël ici Merci bcp.", "Bonjour, Noël à
        votre écoute.", "Bjr! pierre ici", "…\nmark here\nmark"); not a stop word ("Hoi, ben hier": "am
        here")."""
        word = tokens[index - 1]
        if not (word.is_word and self._tentative_first_name(word) and word.key not in self.lexicon.stop_words):
            return False
        if index >= 2:
            before = tokens[index - 2]
            if not (
                before.text in CLAUSE_END
                or before.text in ",!"
                or before.key in self.lexicon.greetings
                or _email_end(text, word.start)  # "... sur p.c@proximus.be noël ici Merci"
                or "\n" in text[before.end : word.start]  # "... ne marche pas\nNoël ici."
            ):
                return False
        after = tokens[index + cue_words] if index + cue_words < len(tokens) else None
        return (
            after is None
            or after.text in CLAUSE_END
            or after.text in ",!"
            or after.is_capitalised
            or "\n" in text[tokens[index + cue_words - 1].end : after.start]  # "mark here\nmark"
        )

    def _unknown_subject(self, text: str, word: Token) -> bool:
        """``word`` opens its sentence and may be a name no list knows: capitalised, not in capitals,
        no word of the language, no place ("Trivo lives on ...", "Valida spent a year at ...")."""
        lex = self.lexicon
        return (
            (len(lex.dictionary) > 0 or len(lex.word_forms) > 0)  # without one, "Helaas" would be a name
            and word.is_word
            and word.is_capitalised
            and not word.is_upper
            and len(word.text) > 2
            and sentence_initial(text, word.start)
            and not lex.is_common(word.key)
            and not lex.is_word_form(word.key)
            and word.key not in self.places
        )

    def _addressed_by_request(self, text: str, tokens: Sequence[Token]) -> tuple[int, int, float] | None:
        """The one word before a comma that opens a message or a line, when a request follows the
        comma (``after_vocatives``: "Sarah, can you check ...", "Femke, kun je ...", "Ludivine,
        pouvez-vous ..."): the name of the one asked. A known name, or capitalised, not in
        capitals, and no word of the language (nor one with a typo), place or brand: "Ok, can
        you", "Goed, kunt u", "Bon, pouvez-vous" are no names."""
        starts = token_starts(text)
        line_starts = [0]
        newline = text.find("\n")
        while newline >= 0:
            line_starts.append(bisect.bisect_left(starts, newline + 1))
            newline = text.find("\n", newline + 1)
        lex = self.lexicon
        for line_start in line_starts:  # the first word of each line (most messages: one line)
            index = line_start
            while index < len(tokens) and not tokens[index].is_word and not tokens[index].text.isalnum():
                index += 1  # "- Sarah, can you": punctuation before it
            if index + 2 >= len(tokens):
                continue
            word, comma = tokens[index], tokens[index + 1]
            if comma.text != "," or not word.is_word or not _line_start(text, word.start):
                continue
            if not self._request_at(tokens, index + 2):
                continue
            key = word.key
            if key in lex.stop_words or key in lex.greetings or key in self.closing_words or key in lex.allow:
                continue
            if lex.is_known_name(key) and word.is_capitalised and not lex.is_common(key):
                return word.start, word.end, self.WEAK_KNOWN_SCORE
            if (
                word.is_capitalised
                and not word.is_upper
                and word.text[1:].isalpha()
                and len(key) >= MIN_TENTATIVE_LETTERS
                and not lex.is_common(key)
                and not lex.in_dictionary(key)
                and not lex.is_word_form(key)
                and key not in self.places
                and key not in lex.brand_words
                and not lex.is_mistyped_word(key)
            ):
                return word.start, word.end, self.WEAK_CAPITALISED_SCORE
        return None

    def _request_at(self, tokens: Sequence[Token], index: int) -> bool:
        """One of ``after_vocatives`` starts at ``tokens[index]``."""
        for words in self._vocative_phrases.get(tokens[index].key, ()):
            if index + len(words) <= len(tokens) and all(tokens[index + k].key == word for k, word in enumerate(words)):
                return True
        return False

    def _plain_subject(self, text: str, tokens: Sequence[Token], index: int) -> list[tuple[int, int, float, bool]]:
        """The unknown subject before ``tokens[index]``, one of ``subject_verbs`` (the caller asks),
        as ``_names_before_cue`` reports it (``_unknown_plain_subject``); none otherwise."""
        if not self._unknown_plain_subject(text, tokens, index):
            return []
        word = tokens[index - 1]
        return [(word.start, word.end, self.UNKNOWN_SUBJECT_OF_ANY_VERB_SCORE, False)]

    def _unknown_plain_subject(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """The word before the verb ``tokens[index]`` (one of ``subject_verbs``, in lower case) is an
        ``_unknown_subject`` that reads as a name rather than a slip or a brand ("Katzav werd ...",
        "Rintanen began ..."): lower case after its first letter ("IBt", "Wal-Mart" are firms), no
        apostrophe ("L'affaire est"), no word of the language with one typo ("Bestellnig is"), no
        brand word, not two words written as one ("Ordernumber is")."""
        verb, word = tokens[index], tokens[index - 1]
        lex = self.lexicon
        return (
            verb.text.islower()
            and word.text[1:].isalpha()
            and word.text[1:].islower()
            and self._unknown_subject(text, word)
            and not lex.is_mistyped_word(word.key)
            and word.key not in lex.brand_words
            and not self._two_words(word.key)
        )

    def _two_words(self, key: str) -> bool:
        """``key`` is two words of the language (its dictionary's or lemma tables') of three letters
        or more written as one ("Ordernumber", "Retourlabel", "Weglooplijn"): a compound or a
        product's name, not a surname."""
        lex = self.lexicon

        def word(part: str) -> bool:
            return lex.in_dictionary(part) or lex.is_word_form(part)

        return any(word(key[:cut]) and word(key[cut:]) for cut in range(MIN_COMPOUND_PART, len(key) - 2))

    def _last_words(self, text: str, tokens: Sequence[Token]) -> tuple[int, int, float] | None:
        """A name ending the message after the end of a sentence or an identifier, a dash between
        them allowed ("... per mail. norbert", "IBAN NL.. 1234 jan jansen", "thanks!! - mike"): one
        to three name-like words, one a known name."""
        end = len(tokens)
        while end > 0 and not tokens[end - 1].is_word and not tokens[end - 1].text.isdigit():
            if tokens[end - 1].text not in CLAUSE_END and tokens[end - 1].text not in "!?)":
                break  # only sentence punctuation (and spaces or emoji) may follow the name
            end -= 1
        if end == 0 or not tokens[end - 1].is_word or any(t.is_word or t.text.isdigit() for t in tokens[end:]):
            return None
        lex = self.lexicon
        after_particle = end > 1 and tokens[end - 2].key in lex.particles
        if self._word(tokens[end - 1], WEAK, after_particle) == NO or tokens[end - 1].key in lex.duration_words:
            # most messages end with a word that is no name: nothing more to look at; nor is a unit
            # after a number ("... né le 11/02/53 67 ans.": "Ans" is a first name too)
            return None
        if any(not ch.isspace() and ch not in "!?.…)" and not _is_symbol(ch) for ch in text[tokens[end - 1].end :]):
            return None
        run = self._run_before(text, tokens, end)
        if not run and self._word_first_name_after_number(text, tokens, end - 1):
            return tokens[end - 1].start, tokens[end - 1].end, self.SIGNATURE_SCORE  # "tel 06 19 88 89 16 pierre"
        while run and run[0].key in AGE_UNIT_ENDS:
            run = run[1:]  # "73 jaar oud thijs": "Oud" is a surname too, not after an age
        run = self._after_leading_place(run)
        if any(t.text == "te" for t in run[1:]):
            run = self._before_town_after_te(text, tokens, run)  # "mevrouw Jansen te Utrecht"
        if not run:
            return None
        if not run[-1].is_capitalised and any(t.is_capitalised for t in run[:-1]):
            return None  # "mevr. Jansen belde": a name typed with capitals does not end in lower case
        first = bisect.bisect_left(token_starts(text), run[0].start)
        if first == 0:
            return None  # the whole message: no sentence or identifier before it
        if tokens[first - 1].text in SIGN_OFF_DASHES and first > 1:
            first -= 1  # "thanks!! - mike": a dash between the sentence's end and the name
        before = tokens[first - 1]
        gap = text[before.end : run[0].start]
        initial = (
            before.text == "."
            and first > 1
            and _is_letter(tokens[first - 2])
            and not _postcode_end(text, tokens[first - 2])  # "Derby DG43 1WQ. molly": the postcode's letters
            and not _nino_end(text, tokens[first - 2])  # "YA 86 98 81 C. Mark Pugh": a National Insurance number's
        )
        # "9 a.m. daily": the dot closes "a.m.", no sentence
        abbreviation = before.text == "." and first > 1 and _after_dotted_letter(text, tokens[first - 2].start)
        if "\n" not in gap and (
            initial
            or abbreviation
            or not (
                before.text in CLAUSE_END
                or before.key in PLEASE_WORDS  # "... svp gérard"
                # "... 4702 7551 3840 2336 met sylvie", "... graag met vera." (not "... een gesprek met de winkel")
                or (before.key in self._start_words and not self._article_and_noun(run))
                or _email_end(text, run[0].start)  # "... arnaud16@gmail.com antoinette"
                or _identifier_end(before)
                or _postcode_end(text, before)  # "... Cardiff S4E 4BJ sara ball", "... 1012 AB jan"
                or _date_end(text, before)  # "ddn 03/04/58 jacques"
                or self._house_number_end(text, before)  # "mijn adres is woutsteeg 11bis esila van drysdale"
                or _nino_end(text, before)  # "my NI number is bw 69 48 63 b louise"
                or self._grouped_identifier_end(text, before)
                or self._ends_an_answer(text, tokens, first - 1)
                or self._listed_full_name(run)  # "thanks for your help jane smith"
            )
        ):
            return None
        if any(self.lexicon.has_suffix(t.key, self.lexicon.street_words) for t in run):
            return None  # "54 Bruce Mall": an address
        if len(run) == 1 and "\n" in gap and self._country_ending_an_address(run[0], before):
            return None  # "Chiclana de la Frontera\nSpain": an address's last line
        if len(run) == 2 and run[0].key == "te" and run[1].key in self.places:
            return None  # "geboren op 5 mei 1982 te Eindhoven": a place ("te Velde" is a name)
        return run[0].start, run[-1].end, min(self._score(run, WEAK), self.WEAK_KNOWN_SCORE)

    def _word_first_name_after_number(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]``, the message's last word, is a listed first name that is a word too
        ("pierre", "grace"), one space after a phone or another number of seven digits or more
        typed in groups, or of four or more: the writer signs after the number they gave ("tel 06
        19 88 89 16 pierre"); not a month or another allow-listed word ("... 900123 may")."""
        token = tokens[index]
        if index == 0 or not self._tentative_first_name(token) or not token.text.islower():
            return False
        lex = self.lexicon
        if token.key in lex.allow or token.key in lex.date_words:
            return False
        before = tokens[index - 1]
        if text[before.end : token.start] != " ":
            return False
        return _identifier_end(before) or self._grouped_identifier_end(text, before)

    def _town_after_te(
        self, tokens: Sequence[Token], index: int, words: Sequence[Token], pending: Sequence[Token], titled: bool
    ) -> bool:
        """``tokens[index]`` is a lower-case "te" after a name and before a capitalised listed
        place: Dutch "in" before a town ("dhr. Smit te Houten", "Piet Smit te Houten"), not the
        particle of a surname after a first name ("Jan te Velde"). The name before it must have a
        title, two words, or a word that is no first name."""
        token = tokens[index]
        if token.text != "te" or not words or pending or index + 1 >= len(tokens):
            return False
        town, last = tokens[index + 1], words[-1]
        if not (town.is_capitalised and town.key in self.places and last.is_word):
            return False
        return titled or sum(w.is_word for w in words) >= 2 or last.key not in self.lexicon.first_names

    def _before_town_after_te(self, text: str, tokens: Sequence[Token], run: list[Token]) -> list[Token]:
        """``run`` (a name ending the message) cut before a "te" and the town after it ("mevrouw
        Jansen te Utrecht": the name, then where they live; ``_town_after_te``), a title before the
        run, with or without its dot, counting as one."""
        opening = bisect.bisect_left(token_starts(text), run[0].start) - 1
        if opening > 0 and tokens[opening].text == "." and tokens[opening].start == tokens[opening - 1].end:
            opening -= 1  # "mevr. Jansen te Utrecht": the title's dot
        titled = opening >= 0 and self._is_title(tokens[opening])
        cut = next((k for k in range(1, len(run)) if self._town_after_te(run, k, run[:k], (), titled)), None)
        return run if cut is None else run[:cut]

    def _is_title(self, token: Token) -> bool:
        """``token`` is a title ("mevrouw", "dhr", "Mr"), with or without its dot."""
        titles = self.lexicon.titles
        return token.key in titles or f"{token.key}." in titles

    def _article_and_noun(self, run: Sequence[Token]) -> bool:
        """``run`` is a lower-case particle, then lower-case words of the language only ("de
        winkel", "de bakker"): after "met" an article and a noun, not a surname ("met de vries")."""
        lex = self.lexicon
        return (
            len(run) >= 2
            and run[0].key in lex.particles
            and all(t.text.islower() for t in run)
            and all(t.key in lex.particles or lex.is_common(t.key) or lex.in_dictionary(t.key) for t in run[1:])
        )

    def _house_number_end(self, text: str, token: Token) -> bool:
        """``token`` ends a street's house number ("woutsteeg 11bis", "Kerkstraat 12a", "rue Haute
        4"): a chunk of one to four digits, a letter suffix glued on allowed, right after a word
        that is or ends with a street word."""
        start = chunk_start(text, token.start)
        match = _HOUSE_NUMBER.fullmatch(text, start, token.end)
        if match is None:
            return False
        before = text[:start].rstrip(" \t")
        word = before[chunk_start(before, len(before)) :]
        key = fold(word)
        return word.isalpha() and self.lexicon.has_suffix(key, self.lexicon.street_words)

    def _before_closing_sentence(self, tokens: Sequence[Token]) -> int:
        """When the message ends with a sentence that is only a sign-off ("fijne dag.", "Bedankt!",
        "merci."), after a full stop or "!", the number of tokens before it, its full stop
        included; else 0."""
        end = len(tokens)
        while end > 0 and (tokens[end - 1].text in CLAUSE_END or tokens[end - 1].text in ("!", "?")):
            end -= 1
        if end < 3 or tokens[end - 1].key not in self._closing_last_words:
            return 0  # most messages: the last word ends no sign-off
        for width in range(1, min(self._closing_width, end - 2) + 1):
            start = end - width
            if (tokens[start - 1].text in CLAUSE_END or tokens[start - 1].text == "!") and tuple(
                t.key for t in tokens[start:end]
            ) in self._closing_sentences:
                return start
        return 0

    def _after_leading_place(self, run: list[Token]) -> list[Token]:
        """``run`` without the town of one or two words it opens with when a listed first name
        comes after it ("I'm in London adam", "ik woon in den haag liza van salmen", "i'm in london
        hughes abdul", surname first): the town ends the answer the name signs
        (``_ends_an_answer``), though "London" is a surname too."""
        lex = self.lexicon
        first_names = lex.first_names
        for size in (2, 1):
            rest = run[size:]
            if (
                rest
                and " ".join(t.key for t in run[:size]) in self.places
                and run[0].key not in lex.particles  # "VAN HOLLAND Mees": Van is a town too
                and run[size - 1].key not in first_names  # "maurice aimé": Maurice is a first name and a country
                and self._opens_with_first_name(rest)
            ):
                return run[size:]
        return run

    def _opens_with_first_name(self, words: Sequence[Token]) -> bool:
        """``words`` open with a listed first name, or with a listed surname then a first name
        ("adam", "hughes abdul"): a name signing what comes before it."""
        lex = self.lexicon
        return bool(words) and (
            words[0].key in lex.first_names
            or (len(words) > 1 and words[0].key in lex.surnames and words[1].key in lex.first_names)
        )

    def _listed_full_name(self, run: Sequence[Token]) -> bool:
        """Two words, a listed first name then a listed surname, neither a frequent word of the
        language nor allow-listed: a full name, which ends a message as a signature even without
        punctuation before it ("thanks for your help jane smith")."""
        if len(run) != 2:
            return False
        first, last = run
        lex = self.lexicon
        return (
            first.key in lex.first_names
            and last.key in lex.surnames
            and not any(lex.is_common(t.key) or t.key in lex.allow for t in run)
            and first.text.islower() == last.text.islower()
        )

    def _ends_an_answer(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` ends a short answer that the message's last words sign: a town ("ik
        woon in Almere lizz", "I'm in London adam") or an age with its unit ("my mum is 73 yars old
        kayleigh", "mijn zoon is 73 jaar oud thijs"), when a listed first name comes next, or a
        listed surname then a first name ("i'm in london hughes abdul"); not a word that a town is
        named too."""
        before = tokens[index]
        lex = self.lexicon
        if not self._opens_with_first_name(tokens[index + 1 : index + 3]):
            return False  # "Londen on line": the words after a town or an age open with a first name
        chunk = text[chunk_start(text, before.start) : before.end].casefold()  # "stoke-on-trent"
        two_words = f"{tokens[index - 1].key} {before.key}" if index > 0 else ""  # "den haag"
        if two_words in self.places or (chunk != before.key and chunk in self.places):
            return True  # a town of two words or more ("den haag")
        if before.key in self.places:
            # in lower case not a word either: "Londen on line" ("On" is a Dutch village)
            return not lex.is_common(before.key) and (before.is_capitalised or not lex.is_word_form(before.key))
        # an age with its unit: a bare number may be a flat's, a price's ("my flat is 12 rose")
        return before.key in AGE_UNIT_ENDS and any(
            t.text.isdigit() and len(t.text) <= 3 for t in tokens[max(0, index - 2) : index]
        )

    @staticmethod
    def _grouped_identifier_end(text: str, before: Token) -> bool:
        """``before`` ends an identifier typed in groups of digits ("09/097.07.65 carine",
        "3936.72.578 saar", "nl67 snsb 8525 2724 98 jayden"), ``MIN_GROUPED_IDENTIFIER_DIGITS``
        digits or more in all."""
        if not before.text.isdigit():
            return False
        match = _IDENTIFIER_TAIL.search(text, max(0, before.end - 40), before.end)
        return match is not None and sum(ch.isdigit() for ch in match.group()) >= MIN_GROUPED_IDENTIFIER_DIGITS

    def _signature(self, text: str, tokens: Sequence[Token]) -> tuple[int, int, float] | None:
        """A last line of one to three name-like words, at least one of them a known name."""
        body = text.rstrip()
        line_start = body.rfind("\n") + 1
        line = [t for t in tokens if t.start >= line_start and t.end <= len(body)]
        while line and line[0].text in SKIPPABLE_PUNCT:
            line = line[1:]
        words = [t for t in line if t.is_word]
        if not words or len(words) > self.MAX_NAME_WORDS + 1 or len(words) != len(line):
            return None
        lex = self.lexicon
        names = [w for w in words if w.key not in lex.particles]
        if not names and len(words) == 1 and words[0].is_capitalised and self._tentative_first_name(words[0]):
            names = words  # "…?\nBen": a particle that is a first name, capitalised, alone on the last line
        if not names or len(names) > self.MAX_NAME_WORDS:
            return None
        if not all(self._accept(w, WEAK) for w in names):
            return None
        if not any(lex.is_known_name(w.key) for w in names):
            return None
        if len(words) == 1:
            before = next((t for t in reversed(tokens) if t.end < line_start), None)
            if before is not None and self._country_ending_an_address(words[0], before):
                return None  # "Chiclana de la Frontera\nSpain": an address's last line
        if _surname_then_first_name(names, lex.first_names):
            # "LINSCHOTEN Jill": the surname in capitals, then the first name, as forms sign; it
            # must outrank a place of the surname's name
            return words[0].start, words[-1].end, self.WEAK_KNOWN_SCORE
        return words[0].start, words[-1].end, self.SIGNATURE_SCORE

    def _country_ending_an_address(self, word: Token, before: Token) -> bool:
        """``word`` alone on the last line is a country's name, and ``before`` (the previous line's
        last token) no closing or greeting: the country of an address block ("Chiclana de la
        Frontera\nSpain"), not the one who signs ("Thanks\nJordan")."""
        return (
            place_key(word.text) in self._countries
            and before.key not in self.closing_words
            and before.key not in self.lexicon.greetings
        )

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return make_result(self, PERSON, start, end, score, why)


#: Initials after the comma of a reply "surname, initials" ("Moore, D.", "Jansen, J.P."), to its end.
_REPLY_INITIALS = re.compile(r"[ \t]*([A-Z]\.?(?:[ \t]?[A-Z]\.?){0,2})[ \t.!]*\Z")


def _surname_then_first_name(names: Sequence[Token], first_names: frozenset[str]) -> bool:
    """Two words: one in capitals of three letters or more, then a listed first name with only its
    first letter capitalised ("LINSCHOTEN Jill", "DUPONT Marie")."""
    if len(names) != 2:
        return False
    surname, first = names
    return (
        surname.is_upper
        and len(surname.text) >= MIN_CAPITALS_SURNAME
        and first.is_capitalised
        and not first.is_upper
        and first.key in first_names
    )


def _line_start(text: str, start: int) -> bool:
    """Only spaces or punctuation between the start of the line and ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    return not any(ch.isalnum() for ch in text[line_start:start])


#: "and" before a clause that opens like a sentence: "... en met noa de volcke", "... and this is Mark".
CLAUSE_CONJUNCTIONS = frozenset({"en", "and", "et"})


def _after_and(text: str, start: int) -> bool:
    """``CLAUSE_CONJUNCTIONS`` in lower case right before ``start``, after something: "mijn bsn is
    ... en met noa"."""
    word, opening = _chunk_before(text, start)
    return word in CLAUSE_CONJUNCTIONS and opening > 0


def _after_please(text: str, start: int) -> bool:
    """``PLEASE_WORDS`` right before ``start``: "... nijmegen graag met vera.", "svp c'est Léa"."""
    return _chunk_before(text, start)[0].casefold() in PLEASE_WORDS


def _chunk_before(text: str, start: int) -> tuple[str, int]:
    """The whitespace-delimited chunk before ``start`` (spaces and tabs between skipped) and where it
    starts: ("en", 31) for "... en met noa" with ``start`` at "met"."""
    before = text[:start].rstrip(" \t")
    cut = chunk_start(before, len(before))
    return before[cut:], cut


def _after_dotted_letter(text: str, start: int) -> bool:
    """A single letter and its dot right before ``start``, no space between: "a." of "a.m.", "J." of
    "J.M."."""
    return (
        start >= 2
        and text[start - 1] == "."
        and text[start - 2].isalpha()
        and (start == 2 or not text[start - 3].isalnum())
    )


def _after_comma(text: str, start: int) -> bool:
    """A comma or dash (and spaces) right before ``start``: "ja, met Jan"."""
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] in ",-–—"


_EMAIL_BEFORE = re2.compile(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}[ \t]+$")


def _email_end(text: str, start: int) -> bool:
    """An e-mail address, then spaces, right before ``start`` (within the 80 characters before it)."""
    return _EMAIL_BEFORE.search(text[max(0, start - 80) : start]) is not None


def _in_identifier(text: str, token: Token) -> bool:
    """``token`` is glued to digits, "@" or a dotted word: part of an address or handle."""
    after = text[token.end : token.end + 2]
    before = text[token.start - 1] if token.start > 0 else " "
    return (
        (bool(after) and (after[0].isdigit() or after[0] in "@_"))
        or (len(after) == 2 and after[0] == "." and after[1].isalnum())
        or before in "@._"
        or before.isdigit()
    )


def _only_difference(tokens: Sequence[Token], first: int, words: Sequence[str]) -> int | None:
    """The one place where the keys of ``tokens`` from ``first`` on differ from ``words``; ``None``
    when they differ nowhere or in more places (checked from the last word: the likelier to differ)."""
    found = None
    for k in range(len(words) - 1, -1, -1):
        if tokens[first + k].key != words[k]:
            if found is not None:
                return None
            found = k
    return found


def _ends_message(text: str, token: Token) -> bool:
    """Only spaces, "!", dots and symbols (emoji) follow ``token``: it ends the message."""
    return all(ch.isspace() or ch in "!.…" or _is_symbol(ch) for ch in text[token.end :])


def _words_go_on(text: str, tokens: Sequence[Token], index: int) -> bool:
    """``tokens[index]`` and the token after it are words on one line, only spaces between: the
    sentence goes on past the word after ``index - 1`` ("bezorgen julie ook op ...")."""
    if index + 1 >= len(tokens):
        return False
    word, following = tokens[index], tokens[index + 1]
    return word.is_word and following.is_word and not text[word.end : following.start].strip(" \t")


def _comma_or_bang_after(text: str, token: Token) -> bool:
    """A comma or "!" right after ``token`` (spaces between): the person addressed ("Merci pierre, ...")."""
    return text[token.end :].lstrip(" \t")[:1] in (",", "!")


def _conjunction_follows(text: str, tokens: Sequence[Token], index: int) -> bool:
    """``NAME_ENDING_CONJUNCTIONS`` right after ``tokens[index]`` on its line, then another word:
    the clause ends with the word ("i'm june and tel: ...")."""
    return (
        _word_follows(text, tokens, index)
        and tokens[index + 1].key in NAME_ENDING_CONJUNCTIONS
        and _word_follows(text, tokens, index + 1)
    )


def _word_follows(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A word comes after ``tokens[index]`` on the same line, with only spaces between."""
    if index + 1 >= len(tokens) or not tokens[index + 1].is_word:
        return False
    gap = text[tokens[index].end : tokens[index + 1].start]
    return gap.isspace() and "\n" not in gap


def _next_capitalised(tokens: Sequence[Token], index: int) -> bool:
    """The token after ``index`` is a capitalised word: "De" in "Els De Sutter" opens a surname."""
    return index + 1 < len(tokens) and tokens[index + 1].is_word and tokens[index + 1].is_capitalised


def _after_dot(tokens: Sequence[Token], index: int) -> bool:
    """``tokens[index]`` follows a dot glued to the word before it ("m. noël", "dhr. arts")."""
    return index >= 2 and tokens[index - 1].text == "." and tokens[index - 1].start == tokens[index - 2].end


def _is_letter(token: Token) -> bool:
    """One or two capitalised letters: "J" of "J. de Vries", an initial before its dot."""
    return token.is_word and token.is_capitalised and len(token.text) <= SHORT_TITLE


#: The end of a UK National Insurance number, its letters in either case: "bw 69 48 63 b", "QQ123456C".
_NINO_END = re.compile(r"(?<![^\W\d_])[A-Za-z]{2}[ \t]?[0-9]{2}[ \t]?[0-9]{2}[ \t]?[0-9]{2}[ \t]?[A-Da-d]$")


def _nino_end(text: str, token: Token) -> bool:
    """``token`` ends a UK National Insurance number typed before a name."""
    return len(token.text) <= 2 and _NINO_END.search(text[max(0, token.end - 16) : token.end]) is not None


#: A house number as typed after its street: "11", "11a", "11bis", "4B".
_HOUSE_NUMBER = re.compile(r"[0-9]{1,4}[^\W\d_]{0,3}")


def _identifier_end(token: Token) -> bool:
    """The end of an identifier typed before a name: a group of four digits or more ("... 1206 jan"),
    not a quantity ("58 ans", "3 kinderen")."""
    return token.text.isdigit() and len(token.text) >= MIN_IDENTIFIER_DIGITS


def _date_end(text: str, token: Token) -> bool:
    """``token`` ends a numeric date, day, month and year ("03/04/58", "12-03-1985")."""
    return token.text.isdigit() and _NUMERIC_DATE_END.search(text, max(0, token.end - 12), token.end) is not None


def _postcode_end(text: str, token: Token) -> bool:
    """``token`` ends a British or Dutch postcode: "4BJ" after "S4E", "AB" after "1012", "1012AB"."""
    start = chunk_start(text, token.start)
    chunk = text[start : token.end]
    if _DUTCH_POSTCODE_GLUED.fullmatch(chunk):
        return True
    before = text[:start].rstrip(" ")
    previous = before[chunk_start(before, len(before)) :]
    return bool(
        (_BRITISH_INWARD.fullmatch(chunk) and _BRITISH_OUTWARD.fullmatch(previous))
        or (len(chunk) == 2 and chunk.isalpha() and len(previous) == 4 and previous.isdigit())
    )


def _is_symbol(ch: str) -> bool:
    """An emoji or other symbol that may close a message after a name ("Jan 🙂")."""
    return not ch.isalnum() and not ch.isspace() and ord(ch) > 0x2000


def _word_after_dot(token: Token, tokens: Sequence[Token], index: int) -> Token | None:
    """The word after the dot glued to ``token`` ("de" after "J."), or None."""
    if index + 2 >= len(tokens):
        return None
    dot, after = tokens[index + 1], tokens[index + 2]
    return after if dot.text == "." and dot.start == token.end and after.is_word else None


def _elided_particle(tokens: Sequence[Token], index: int, particles: frozenset[str]) -> bool:
    """``tokens[index]`` is the "t" of Dutch "'t" ("van 't riet"), its apostrophe glued before it:
    the tokenizer cuts the particle in two."""
    token = tokens[index]
    if token.text != "t" or index == 0 or "'t" not in particles:
        return False
    apostrophe = tokens[index - 1]
    return apostrophe.text in ("'", "’") and apostrophe.end == token.start


def _is_lower_initial(token: Token, tokens: Sequence[Token], index: int, lex: NameLexicon) -> bool:
    """An initial typed in lower case, as chat types whole names: "j." in "mijn naam is j. de boer",
    "ik ben p. jansen". Only a single letter, glued to its dot, before a particle or a listed name
    in lower case ("d.w.z.", "e.g." have a letter after the dot)."""
    if not (token.is_word and len(token.text) == 1 and token.text.islower()):
        return False
    after = _word_after_dot(token, tokens, index)
    return (
        after is not None
        and len(after.text) >= 2
        and after.text.islower()
        and (after.key in lex.particles or lex.is_known_name(after.key))
    )


def _is_initial(token: Token, tokens: Sequence[Token], index: int, particles: frozenset[str]) -> bool:
    """A capital letter (or two, "Th") directly followed by a dot, then a name or a particle:
    "J." in "J. de Vries"."""
    if not (token.is_word and token.is_capitalised and len(token.text) <= 2):
        return False
    after = _word_after_dot(token, tokens, index)
    return after is not None and (after.is_capitalised or after.key in particles)
