"""Names, places and organisations from spaCy's NER, cleaned up for chat."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import DATE_TIME, LOCATION, ORGANIZATION, PERSON
from recognizers.names.employer_cues import after_employer_cue
from recognizers.names.lexicons import (
    NameLexicon,
    brand_plus_after,
    fold,
    include_titles,
    load_lexicon,
    one_edit,
    place_key,
    sentence_initial,
    tokenize,
    world_place_keys,
)
from recognizers.names.place_gazetteer import gazetteer_keys, place_list_key
from recognizers.names.place_words import ENGLISH_REGION_WORDS, PLACE_NOUNS

# spaCy's raw labels per language -> piiflow entity types. Absent labels (fr MISC, en NORP,
# PRODUCT, MONEY, CARDINAL...) are ignored.
LABELS: dict[str, dict[str, str]] = {
    "fr": {"PER": PERSON, "PERSON": PERSON, "LOC": LOCATION, "GPE": LOCATION, "ORG": ORGANIZATION},
    "en": {
        "PERSON": PERSON,
        "GPE": LOCATION,
        "LOC": LOCATION,
        "FAC": LOCATION,
        "ORG": ORGANIZATION,
        "DATE": DATE_TIME,
        "TIME": DATE_TIME,
    },
    "nl": {"PER": PERSON, "PERSON": PERSON, "LOC": LOCATION, "GPE": LOCATION, "ORG": ORGANIZATION},
}

NAME_CONTEXT = {
    "fr": ["nom", "prénom", "appelle", "appelez", "madame", "monsieur", "mme", "client", "signé"],
    "en": ["name", "called", "mr", "mrs", "dear", "signed", "customer"],
    "nl": ["naam", "heet", "meneer", "mevrouw", "dhr", "mevr", "klant"],
}


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    key: str
    start: int
    end: int


class SpacyNerRecognizer(TextRecognizer):
    """Maps spaCy's entities (``nlp_artifacts.entities``, raw labels) onto piiflow's types, for chat.

    spaCy's small news-trained models read chat poorly: "Bonjour Marie" is one person, "Merci" a
    MISC, "Livraison" (sentence-initial) a person, "Mon XR-200" a product. This recognizer:

    * maps labels (fr PER/LOC/ORG, en PERSON/GPE/LOC/FAC/ORG/DATE/TIME); fr MISC is ignored;
    * trims greetings, titles and chat words (``names.yaml``, allow-list) from both ends of a span,
      so "Bonjour Marie" reports "Marie", then puts back the titles right before a person
      (``lexicons.title_start``): "Bonjour Madame Durand" reports "Madame Durand";
    * drops spans left empty, single letters, spans with digits (product codes, SKUs), short
      all-caps acronyms taken for people, and spans made only of common words ("Livraison",
      "Commission") unless a word is in a name gazetteer, and lower-case places in no gazetteer
      (typos: "appeelz", "naissnace");
    * reads an ORG of a known first name and a surname, or of two or three words that are no
      words of the language, as a PERSON ("Sophie Lang", "Irenke Sörös");
    * drops a single word in no name list, in lower case or opening a sentence, that is a
      dictionary word typed with an extra or a swapped letter, or has no vowel ("noormal",
      "Comemnt", "bcp");
    * scores PERSON 0.85, less for a single token that is also a common or dictionary word
      ("Pierre", "Rose"), least at the start of a sentence, and drops a single dictionary word in no
      name list ("Pouvez", "Livraison"); LOCATION and ORGANIZATION 0.85 and 0.7;
    * keeps English DATE/TIME only when it has a digit and no duration unit ("two weeks", "3 days").
    """

    PERSON_SCORE = 0.85
    AMBIGUOUS_PERSON_SCORE = 0.6  # a single word that is both a common word and a known name
    AMBIGUOUS_INITIAL_SCORE = 0.45  # ... at the start of a sentence: below the default threshold
    DICTIONARY_WORD_SCORE = 0.45  # a dictionary word in no name list, not starting a sentence
    DICTIONARY_NAME_INITIAL_SCORE = 0.5  # "Pierre" starting a sentence: a name and a word
    INITIAL_UNKNOWN_SCORE = 0.7  # an unknown single capitalised word starting a sentence
    LOCATION_SCORE = 0.85
    ORGANIZATION_SCORE = 0.7
    DATE_SCORE = 0.6
    MAX_ACRONYM = 4  # all-caps single words up to this length are acronyms, not people

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.labels = LABELS.get(supported_language, {})
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        self.world_places = world_place_keys(str(lexicon_dir), supported_language)
        # GeoNames' towns of 10,000 or more, for the seat named after a body ("la Crown Court de Norwich")
        self.towns = gazetteer_keys(supported_language)[2] if supported_language in ("fr", "en") else frozenset()
        lex = self.lexicon
        # words a place's span never opens with: "Cdt Vincent Colin", "Bonjour Paris" (one-word
        # greetings and sign-offs; not titles or particles: "La Rochelle", "Saint-Malo")
        self.place_openers = lex.greetings_and_closings
        # what a first name follows when it is the person greeted, signing or introduced
        self.name_cues = tuple(
            sorted(self.place_openers | {*lex.weak_intros, *lex.intros, *lex.first_name_cues, *lex.relation_nouns})
        )
        # what only a person follows: introductions, contact cues ("I spoke to") and speech verbs ("said")
        self.intro_cues = tuple(sorted({*lex.weak_intros, *lex.intros, *lex.contact_intros}))
        entities = sorted(set(self.labels.values()))
        super().__init__(
            supported_entities=entities,
            supported_language=supported_language,
            name="SpacyNerRecognizer",
            context=NAME_CONTEXT.get(supported_language, []),
        )
        # the context words are a person's ("name", "madame", "klant"): they lift the model's
        # persons, not the places and firms it reports ("the name on the account? Maja S Hermansen"
        # read as a firm); read by the detector's context enhancer
        self.context_entities = frozenset({PERSON})

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Cleaned-up spaCy entities of ``text`` with chat-aware scores."""
        if nlp_artifacts is None or not nlp_artifacts.entities:
            return []
        results: list[RecognizerResult] = []
        for ent in nlp_artifacts.entities:
            entity_type = self.labels.get(ent.label_)
            if entity_type is None:
                continue
            # re-tokenized: spaCy keeps 'tracy:"i'm' together, piiflow's tokenizer splits punctuation
            pieces = _pieces(text, ent.start_char, ent.end_char)
            groups = [pieces] if entity_type == DATE_TIME else _split(text, pieces)
            for group in groups:
                scored = self._score(text, entity_type, group)
                if scored is None or (entities and scored[0] not in entities):
                    continue
                final_type, start, end, score, why = scored
                seat = self._seat(text, start, end) if final_type == ORGANIZATION else None
                if seat is not None:  # "la CAF de Lyon": the place stays a place
                    org_end, place_start = seat
                    results.append(self._result(LOCATION, place_start, end, self.LOCATION_SCORE, "seat of a body"))
                    if all(self._word_of_the_language(fold(w)) for w in text[start:org_end].split()):
                        continue  # "l'Université d'Essex": "Université" alone names no one
                    end = org_end
                results.append(self._result(final_type, start, end, score, f"spaCy {ent.label_}; {why}"))
        include_titles(text, results, self.lexicon.titles)
        return results

    # ----------------------------------------------------------------------------------------

    def _score(self, text: str, entity_type: str, pieces: list[_Piece]) -> tuple[str, int, int, float, str] | None:
        if entity_type == DATE_TIME:
            date = self._score_date(pieces)
            return None if date is None else (DATE_TIME, *date)
        lex = self.lexicon
        if entity_type == ORGANIZATION and pieces and pieces[0].key.rstrip(".") in lex.bare_titles:
            entity_type = PERSON  # "Mrs Pratt Cheers" taken for a company: a title opens a person
        elif entity_type == LOCATION and len(pieces) > 1 and pieces[0].key.rstrip(".") in CIVILITIES:
            entity_type = PERSON  # "c'est pour m. lefebvre" taken for a place: a civility opens a person
        elif entity_type in (LOCATION, ORGANIZATION) and (civility := _civility_after_nouns(pieces)):
            entity_type, pieces = PERSON, pieces[civility:]  # "technicien M. Benali": the person after the job
        if entity_type == PERSON and len(pieces) >= 3 and self._place_before_name(pieces):
            pieces = pieces[1:]  # "je suis sur Antwerpen Benoît Nguyen": the town, then the person
        if pieces and "@" in text[chunk_start(text, pieces[0].start) : _chunk_end(text, pieces[-1].end)]:
            # "par mail julien.roux@orange.fr": an e-mail address's parts are no name (nor is the
            # part after its "@", where the model's span was split: "Yahoo.fr livrez")
            pieces = [p for p in pieces if "@" not in text[chunk_start(text, p.start) : _chunk_end(text, p.end)]]
        if (
            len(pieces) > 1
            and len(pieces[0].text) == 1
            and pieces[0].text.islower()
            and text[: pieces[0].start].rstrip(" \t")[-1:].isdigit()
        ):
            # "ot 78 34 70 c. Best, kieran": a lower-case letter after digits ends the identifier
            # before it (a NINO's suffix), no initial ("1234 J. Smith" keeps its initial)
            pieces = pieces[2:] if pieces[1].text == "." else pieces[1:]
        pieces = self._trim(pieces, entity_type)
        if not pieces:
            return None
        start, end = pieces[0].start, pieces[-1].end
        span_key = " ".join(fold(text[start:end]).split())
        if span_key in lex.allow or len(span_key) < 2:
            return None
        if any(ch.isdigit() for ch in span_key):
            return None  # product codes, SKUs, order numbers: not names
        words = [p for p in pieces if p.text[0].isalpha() and p.key not in lex.particles]
        if not words:
            return None
        if self._capitalised_heading(text[start:end], span_key, words):
            return None  # "PROCÉDURE", "CIRCONSTANCES DE L'ESPÈCE", "URGENT": words in capitals, no name
        first = next((w for w in words if w.key not in ARTICLES), None)
        if entity_type in (LOCATION, ORGANIZATION) and len(words) > 1 and first and first.key in lex.brand_words:
            return None  # "Netflix Premium", "Nespresso Vertuo", "the Lego Star Wars": a brand's product
        if entity_type in (PERSON, LOCATION) and self._after_brand(text, start):
            return None  # "mon Decathlon Rockrider", "de Ikea Billy kast": a product after its brand
        keys = {w.key for w in words}
        if entity_type != ORGANIZATION and keys & lex.organization_words:
            entity_type = ORGANIZATION  # "Cour de cassation", "Hall Orchestra"
        elif (
            entity_type == PERSON
            and keys & lex.street_words
            and not self._surname_in_capitals(words)
            and not self._first_name_and_street_surname(words)
        ):
            entity_type = LOCATION  # "Baker Street", "Villacher Strasse"; not "Diane DALE"
        elif (
            entity_type == PERSON
            and (span_key in lex.places or place_key(span_key) in self.world_places)
            and (not any(lex.is_known_name(k) for k in keys) or _after_preposition(text, start, lex))
        ):
            entity_type = LOCATION  # "Izmir", "Gaziantep", "in Derby" taken for a person
        elif (
            entity_type in (PERSON, LOCATION)
            and after_employer_cue(text, start, self.supported_language)
            and not any(w.key in lex.first_names or w.key in lex.places for w in words)
        ):
            entity_type = ORGANIZATION  # "I work for Datamyne", "a year at Teradata", "je travaille chez Darty"
        elif entity_type == PERSON and _after_place_noun(text, start, self.supported_language):
            entity_type = LOCATION  # "la prison d'Opole Lubelskie", "the county of Durham"
        elif entity_type == PERSON and self._place_taken_for_a_person(text, start, words):
            entity_type = LOCATION  # "je viens de déménager à Mechelen", "Who's coming to Greenlander?"
        elif (
            entity_type == LOCATION
            and self._first_name_as_place(words)
            and span_key not in lex.places
            and place_key(span_key) not in self.world_places
        ):
            entity_type = PERSON  # "Élodie" taken for a place; not "La Rochelle", a first name after "la"
        elif entity_type == LOCATION and self._first_name_after_name_cue(text, start, words):
            entity_type = PERSON  # "thx georgia", "this is jordan": a first name that is a country too
        elif entity_type == LOCATION and self._unknown_word_after_intro(text, start, words):
            entity_type = PERSON  # "said Maslin to Antonio", "named Quionia": no place is introduced so
        elif entity_type == LOCATION and self._case_named_after_a_person(text, start, span_key):
            entity_type = PERSON  # "l'affaire Mellor" taken for a place
        elif entity_type == ORGANIZATION and len(words) == len(pieces) and self._looks_like_person(words):
            entity_type = PERSON  # "Sophie Lang" taken for a company
        elif entity_type == ORGANIZATION and len(pieces) == 1 and self._lone_first_name(words[0]):
            entity_type = PERSON  # "thx justin", "Cdt michelle": a first name alone, in lower case
        elif entity_type == ORGANIZATION and len(pieces) == 1 and self._possessive_first_name(words[0]):
            entity_type = PERSON  # "Jean-Claude's wife": a first name and its possessive
        elif entity_type == ORGANIZATION and self._region_of_a_place(text, start, words):
            entity_type = LOCATION  # "Southern Tunisia" taken for a firm
        elif entity_type == ORGANIZATION and _state_after_town(text, start, words):
            entity_type = LOCATION  # "Houston, TX": a state's code after its town
        elif entity_type == ORGANIZATION and self._place_taken_for_a_firm(text, start, words):
            entity_type = LOCATION  # "grew up in KNIVSTA", "celebrating its 10th year in Laax"
        if entity_type == ORGANIZATION:
            if all(lex.is_common(w.key) for w in words):
                return None
            if _labels_a_value(text, start, end) or _names_a_number(text, end):
                return None  # "my IP is 192.168.1.24", "PIN: 4821", "my NI number": the value's name, not a firm
            if self._household_name(text, words, start):
                return PERSON, start, end, self.PERSON_SCORE, "a household's name"  # "the buzzer for Hughes"
            return entity_type, start, end, self.ORGANIZATION_SCORE, "organisation"
        if entity_type == LOCATION:
            return self._score_location(text, words, start, end)
        person = self._score_person(text, words, start, end)
        return None if person is None else (PERSON, *person)

    def _after_brand(self, text: str, start: int) -> bool:
        """The span follows a brand written with its capital inside a sentence ("mon Decathlon
        Rockrider"); at a sentence's start the word may be a greeting too ("Daag Piet")."""
        head = text[max(0, start - 30) : start].rstrip()
        words = head.rsplit(None, 1)
        if not words:
            return False
        previous = words[-1]
        brand_start = start - (len(text[max(0, start - 30) : start]) - len(head)) - len(previous)
        return (
            previous[:1].isupper()
            and fold(previous) in self.lexicon.brand_words
            and not sentence_initial(text, brand_start)
        )

    def _score_person(self, text: str, words: list[_Piece], start: int, end: int) -> tuple[int, int, float, str] | None:
        lex = self.lexicon
        if brand_plus_after(text, end):
            return None  # "Canal+", "Disney+": a brand's name
        if any(_lower_camel_case(w.text) for w in words):
            return None  # "kWh", "iPhone", "eBay": a unit's or a brand's spelling, no one's name
        if (
            len(words) > 1
            and words[-1].key in self.place_openers
            and (
                _SIGNED_AFTER.match(text, words[-1].end)
                # at the message's end, not after a first name: "Tom Best" is a full name
                or (_only_end_marks(text[words[-1].end :]) and words[-2].key not in lex.first_names)
            )
        ):
            # "moved to Swansea Best, Dale", "moved to Birmingham Best!": the model ran into the
            # sign-off, then the signature or the message's end
            words = words[:-1]
            end = words[-1].end
        known = [w for w in words if lex.is_known_name(w.key)]
        if known and len(words) > 1 and text[start:end].islower():
            # "i rang gemma": the model took the verb into the name; lower-case words of the language
            # that no name list holds, before the first known name, are no part of it
            lead = words.index(known[0])
            if lead and all(lex.is_common(w.key) or lex.in_dictionary(w.key) for w in words[:lead]):
                words, start = words[lead:], words[lead].start
        if all(lex.is_common(w.key) for w in words) and not known:
            return None  # "Livraison", "Service Client"
        if len(words) == 1:
            word = words[0]
            if word.text.isupper() and len(word.text) <= self.MAX_ACRONYM:
                return None  # "SAV", "PDF"
            if len(word.text) == 1:
                return None
            if word.key in self.place_openers and (
                text[end : end + 1] == ","
                or _closes_message(text, start, end)
                or self._closes_after_a_value_or_word(text, start, end)
            ):
                # "Best, jenna", "Cheers, Tom": the closing of a sign-off line, not a Mr Best; or
                # alone on the message's last line ("... in the name of Ian Metcalfe\nBest"), or
                # ending it after an e-mail, a number or a lower-case word ("... please Best.")
                return None
            if (
                not known
                and (word.text.islower() or sentence_initial(text, word.start))
                and lex.is_mistyped_word(word.key)
            ):
                # "noormal", "bcp", "Comemnt" opening a sentence: a chat word typed wrong. A
                # capitalised word inside a sentence stays: "Gailton" is a town in an address.
                return None
            initial = sentence_initial(text, word.start)
            if (
                not known
                and not word.text.isupper()
                and (
                    lex.is_mistyped_common_word(word.key)
                    or lex.is_short_typo_of_chat_word(word.key)
                    or (initial and lex.cue_typo(word.key) is not None)
                )
            ):
                # "jours Bnne soirée": a frequent word typed wrong, in a sentence too; "stuck with
                # Ydel", "le lave-linge Boch": a brand with a letter missing; "Helo livrez à ...":
                # a greeting typed wrong opening a sentence
                return None
            if lex.is_common(word.key):
                score = self.AMBIGUOUS_INITIAL_SCORE if initial else self.AMBIGUOUS_PERSON_SCORE
                return start, end, score, "single word, also a common word"
            if lex.in_dictionary(word.key):
                if not known:
                    # "Pouvez", "Livraison", "livrez": a dictionary word in no name list
                    lower = word.text.islower()
                    return None if initial or lower else (start, end, self.DICTIONARY_WORD_SCORE, "dictionary word")
                score = self.DICTIONARY_NAME_INITIAL_SCORE if initial else self.AMBIGUOUS_PERSON_SCORE
                return start, end, score, "single word, a name and a dictionary word"
            if initial and not known:
                if word.text.islower():
                    # "ecrivez moi", "recu hier": chat drops accents, and the word is no longer listed
                    return start, end, self.AMBIGUOUS_INITIAL_SCORE, "single unknown lower-case word at sentence start"
                return start, end, self.INITIAL_UNKNOWN_SCORE, "single unknown word at sentence start"
        if text[start:end].islower() and any(w.key in lex.stop_words and w.key not in lex.particles for w in words):
            return None  # "pat the dog": a chat word no name holds, inside words in lower case
        if text[start:end].islower() and not known:
            if all(lex.in_dictionary(w.key) or lex.is_common(w.key) for w in words):
                return None  # "zip code", "phone bill": words of the language, no name
            if len(words) > 1 and any(
                w.key in lex.common_words or w.key in lex.unaccented_common_words or lex.is_mistyped_common_word(w.key)
                for w in words
            ):
                # "a ete debtee", "n'est jamias passé": a frequent word, maybe without its accents or
                # typed wrong, among lower-case words no list holds
                return None
            return start, end, self.AMBIGUOUS_PERSON_SCORE, "lower-case, not in name lists"
        if not known and all(len(w.text) > 2 and self._word_of_the_language(w.key) for w in words):
            return None  # "Guilty Pleasures", "Cautionary Tales": a title in capitals (an initial is no word)
        return start, end, self.PERSON_SCORE, "name"

    def _score_location(
        self, text: str, words: list[_Piece], start: int, end: int
    ) -> tuple[str, int, int, float, str] | None:
        """A place, unless the model misread chat: common words in no place list, or lower-case
        words that are no known place or name (typos such as "appeelz", "naissnace", and "ca").

        Dropping dictionary words and unknown sentence-initial words too was tried: it cleaned
        generated chat further but lost real places on en_presidio_synth and fr_echr_dev (privacy
        recall 0.894 -> 0.885 and 0.896 -> 0.875). Only a single dictionary word opening a
        sentence, in no place list, is dropped ("Notant que", "Appelez moi"): that cost nothing."""
        lex = self.lexicon
        known = [w for w in words if w.key in lex.places or lex.is_known_name(w.key)]
        if all(lex.is_common(w.key) and w.key not in lex.places for w in words):
            return None
        if _names_a_number(text, end):
            return None  # "my NI number is ...": the number's name, not Northern Ireland
        if not known and text[start:end].islower():
            return None
        if self._household_name(text, words, start):
            return PERSON, start, end, self.PERSON_SCORE, "a household's name"
        if (
            len(words) == 1
            and not known
            and place_key(words[0].key) not in self.world_places
            and (
                # a sentence's first word is capitalised whatever it is: a word, or one typed wrong
                (
                    sentence_initial(text, start)
                    and (lex.in_dictionary(words[0].key) or lex.is_mistyped_word(words[0].key))
                )
                # inside a sentence only a frequent word typed wrong ("SUND" in capitals is a town)
                or (not words[0].text.isupper() and lex.is_mistyped_common_word(words[0].key))
            )
        ):
            # "Notant que ...", "Renforcée par ...": a sentence's first word, in no place list; or a
            # word typed wrong ("Dliver to ...", "Evnoyez la facture", "Meci beaucoup")
            return None
        return LOCATION, start, end, self.LOCATION_SCORE, "place"

    def _household_name(self, text: str, words: list[_Piece], start: int) -> bool:
        """A listed surname, in no place list, that names a household: after a lower-case French
        "les" ("chez les Moreau", "les Garnier ont appelé") or a name plate's noun ("l'interphone
        Garnier", "the buzzer for Hughes", "de bel van Jansen"); the model reads it as a place."""
        if len(words) != 1:
            return False
        word = words[0]
        lex = self.lexicon
        if not (word.text[:1].isupper() and word.key in lex.surnames and word.key not in lex.places):
            return False
        if place_key(word.key) in self.world_places:
            return False
        before = _LETTERS.findall(fold(text[max(0, start - 30) : start]))  # "l'interphone": "l", "interphone"
        if self.supported_language == "fr" and before[-1:] == ["les"]:
            return True
        # the noun, then at most one short word ("for", "de", "van")
        plates = NAME_PLATE_WORDS.get(self.supported_language, frozenset())
        return any(w in plates for w in before[-2:])

    def _looks_like_person(self, words: list[_Piece]) -> bool:
        """A person's name taken for an organisation: one to three capitalised words, none of them a
        place or organisation word, and either the first a known first name that is not a common word ("Sophie Lang",
        "Enrico"), or two or three words none of which is a word of the language ("Tomomi
        Nishiyama", "Irenke Sörös"; not "Arpin Van Lines", "Inrix Traffic"). The caller leaves out
        spans with particles ("Reguengos de Monsaraz": places and firms as often as people)."""
        lex = self.lexicon
        if any(w.key in lex.places or not w.text[0].isupper() or w.text.isupper() for w in words):
            return False
        if any(w.key in lex.organization_words for w in words):
            return False  # "Wolfram Research", "Russell Investments": a firm named after its founder
        first = words[0].key in lex.first_names and not lex.is_common(words[0].key)
        if first and len(words) <= 3:
            # "Sky Sports", "Amber Energy": a first name that is a word, then a word in no surname list
            return not (len(words) > 1 and lex.brand_like_pair(words[0].key, words[-1].key))
        return 2 <= len(words) <= 3 and not any(self._word_of_the_language(w.key) for w in words)

    def _capitalised_heading(self, span: str, span_key: str, words: list[_Piece]) -> bool:
        """A span in capitals made only of the language's words, none a name or a place: a heading
        or a shouted phrase that spaCy's models take for a firm ("PROCÉDURE", "EN DROIT"). A word
        that is also a name ("MARCHAND", "LAW"), an initial ("D. R.") or a place ("TOURS") keeps
        the span, and so does a single short word ("NATO", "GE": acronyms and codes)."""
        if not span.isupper() or span_key in self.lexicon.places or place_key(span_key) in self.world_places:
            return False
        if len(words) == 1 and len(span_key) < MIN_HEADING_WORD:
            return False  # "NATO", "NC": an acronym or a code
        lex = self.lexicon
        for word in words:
            key = word.key.rsplit("'", 1)[-1]  # "L'ESPÈCE": the word after the elision
            if key in lex.function_words and len(key) > 1:
                continue
            if len(key.rstrip(".")) < 2 or lex.is_known_name(key):
                return False
            if not (lex.is_word_form(key) or lex.is_language_word(key)):
                return False
        return True

    def _possessive_first_name(self, word: _Piece) -> bool:
        """A capitalised listed first name with the English possessive ("Jean-Claude's", "Priya's"),
        no common word or place: a person's, not a firm's (the detector trims the "'s")."""
        if self.supported_language != "en" or not word.text[:1].isupper():
            return False
        stem = word.key.removesuffix("'s")
        lex = self.lexicon
        return (
            stem != word.key
            and all(part in lex.first_names for part in stem.split("-"))
            and not lex.is_common(stem)
            and stem not in lex.places
        )

    def _lone_first_name(self, word: _Piece) -> bool:
        """A listed first name typed in lower case, no common word, dictionary word or place: no
        organisation is written so ("justin", "michelle")."""
        lex = self.lexicon
        return (
            word.text.islower()
            and word.key in lex.first_names
            and not lex.is_common(word.key)
            and not lex.in_dictionary(word.key)
            and word.key not in lex.places
        )

    def _word_of_the_language(self, key: str) -> bool:
        """``NameLexicon.is_language_word``: what a person's name is not made of."""
        return self.lexicon.is_language_word(key)

    def _region_of_a_place(self, text: str, start: int, words: list[_Piece]) -> bool:
        """A compass word and, right after it, a world place ("Southern Tunisia", "Northern
        Canada"): a region, which the model may read as a firm."""
        if len(words) < 2 or words[0].key not in ENGLISH_REGION_WORDS:
            return False
        return place_key(text[words[1].start : words[-1].end]) in self.world_places

    def _seat(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """French names a body after its seat: "la Cour de sûreté de l'État d'Izmir", "la CAF de
        Lyon", "l'Université d'Essex", "la Crown Court de Norwich"; English names a university so
        ("the University of Leeds"). When an organisation span ends in de/du/d' (in English, a
        university or college and "of") and a listed or world place or a town of GeoNames' list,
        the end of the organisation's part and the start of the place; else ``None``. Not after
        other English bodies, whose place is part of the name ("Bank of America")."""
        span = text[start:end]
        if self.supported_language == "en":
            cut = span.rfind(" of ")
            if cut <= 0 or fold(span[:cut]).rsplit(" ", 1)[-1] not in SEAT_BODIES_EN:
                return None
            place_start = start + cut + 4
        elif self.supported_language == "fr":
            cut = max(span.rfind(" de "), span.rfind(" du "), span.rfind(" d'"), span.rfind(" d’"))
            if cut <= 0:
                return None
            place_start = start + cut + (3 if span[cut + 2] in "'’" else 4)
        else:
            return None
        place = text[place_start:end]
        if (
            place_key(place) not in self.world_places
            and fold(place) not in self.lexicon.places
            and place_list_key(place) not in self.towns
        ):
            return None
        return start + cut, place_start

    def _first_name_and_street_surname(self, words: list[_Piece]) -> bool:
        """Two words, a listed first name then a street word that is a listed surname too, neither
        a place ("Ross Green", "Mary Hill"): a person, not a street ("Bethnal Green")."""
        lex = self.lexicon
        if len(words) != 2:
            return False
        first, last = words
        return (
            first.key in lex.first_names
            and last.key in lex.surnames
            and f"{first.key} {last.key}" not in lex.places
            and place_key(f"{first.key} {last.key}") not in self.world_places
        )

    def _surname_in_capitals(self, words: list[_Piece]) -> bool:
        """A listed first name, then one word in capitals, as forms and signatures write a surname
        ("Diane DALE", "Marc DUBOIS"): a person, though the surname is a street word too."""
        if len(words) != 2:
            return False
        first, last = words
        return (
            first.key in self.lexicon.first_names
            and not first.text.isupper()
            and last.text.isupper()
            and len(last.text) >= MIN_CAPITALS_SURNAME
        )

    def _place_taken_for_a_person(self, text: str, start: int, words: list[_Piece]) -> bool:
        """A place the model read as a person: a world place or a town of GeoNames' list right after
        "in" (à, dans, naar), after "je suis sur", or after a verb of travel and "to" ("flew to",
        "returned to"), whose
        words are no listed first name or surname ("déménager à Mechelen"; "merci à Nancy" keeps
        its person, and a place cue reports "j'habite à Nancy"; "returned to Kiel" too, Kiel being
        a surname as well); after a verb
        of travel and "to", also words that no list and no dictionary holds ("Who's coming to
        Greenlander with me?")."""
        previous = _word_before(text, start, 12)
        verb = _word_before(text, start - len(previous) - 1, 20) if previous else ""
        travel = previous in TOWARDS_PLACE and verb in TRAVEL_VERBS
        # "je suis sur Lier": French chat's "sur" after "être" says where one is
        on_place = previous in ON_PLACE and verb in BEING_VERBS
        if previous not in IN_PLACE and not travel and not on_place:
            return False
        lex = self.lexicon
        if not on_place and any(w.key in lex.first_names or w.key in lex.surnames for w in words):
            return False  # "merci à Nancy"; no one is "sur" a person ("je suis sur Lier": Lier is a surname too)
        span = text[start : words[-1].end]
        if place_key(span) in self.world_places or place_list_key(span) in self.towns:
            return True
        return travel and not any(self._word_of_the_language(w.key) or lex.is_known_name(w.key) for w in words)

    def _place_taken_for_a_firm(self, text: str, start: int, words: list[_Piece]) -> bool:
        """A place the model read as an organisation: right after "in" (à, dans, naar), words that
        are none of the language's words ("in Laax", "in Bremen Ohlenhof"); after "to" too when
        written in capitals of five letters or more ("flew to HORTEN"; acronyms are shorter). A
        world place counts after either even when the dictionary has it ("grew up in HELSINKI",
        "returned to Edmonton": the English tables list many cities), and so does a town of
        GeoNames' list after "to" or "from" ("I'm Tom, 41, from Bristol", "moved from Leeds to
        Bristol"). Anything else is no place after "from" or "at", where chat names shops and firms
        ("ordered from Zalando")."""
        previous = _word_before(text, start, 12)
        span = text[start : words[-1].end]
        if (previous in FROM_PLACE or previous in TOWARDS_PLACE) and place_list_key(span) in self.towns:
            return True
        if previous not in IN_PLACE and previous not in TOWARDS_PLACE:
            return False
        if place_key(span) in self.world_places:
            return True
        if any(self._word_of_the_language(w.key) or w.key in self.lexicon.allow for w in words):
            return False
        if previous in IN_PLACE:
            return True
        return all(w.text.isupper() and len(w.text) >= MIN_CAPITALS_PLACE for w in words)

    def _case_named_after_a_person(self, text: str, start: int, span_key: str) -> bool:
        """A case or affair named after a person: one capitalised word right after "affaire"
        ("dans l'affaire Mellor", "l'affaire Chahal c. Royaume-Uni"), which the model reads as a
        place; not a listed or world place ("l'affaire de Lyon" has its "de")."""
        previous = _word_before(text, start, 10).rsplit("'", 1)[-1]  # "l'affaire": "affaire"
        return (
            previous in CASE_WORDS
            and " " not in span_key
            and span_key not in self.lexicon.places
            and place_key(span_key) not in self.world_places
        )

    def _place_before_name(self, pieces: list[_Piece]) -> bool:
        """A listed place, then a listed first name and another word: a town the model read into
        the name after it ("Antwerpen Benoît Nguyen")."""
        lex = self.lexicon
        first, second = pieces[0], pieces[1]
        return (
            first.text[:1].isupper()
            and (first.key in lex.places or place_key(first.key) in self.world_places)
            and first.key not in lex.first_names
            and second.key in lex.first_names
            and second.text[:1].isupper()
        )

    def _first_name_after_name_cue(self, text: str, start: int, words: list[_Piece]) -> bool:
        """A lone listed first name right after a greeting, a one-word sign-off, an introduction, a
        first name's cue or a relative's noun ("thx georgia", "this is jordan", "Hi Georgia", "a
        message from Jordan", "le compte de Nancy": ``first_name_cues``; "mon conjoint virginie"):
        the person, even when it names a country."""
        if len(words) != 1 or words[0].key not in self.lexicon.first_names:
            return False
        # the span may hold the cue's last word: "la commande de Lorraine" read as the place "de Lorraine"
        return _right_after(text, start, self.name_cues) or _right_after(text, words[0].start, self.name_cues)

    def _unknown_word_after_intro(self, text: str, start: int, words: list[_Piece]) -> bool:
        """A lone capitalised word that is no listed place, no word of the language and no first
        name (``_first_name_after_name_cue`` has those), right after an introduction or a speech
        verb ("named Quionia", "said Maslin"): the person, whatever the model's label."""
        if len(words) != 1:
            return False
        word = words[0]
        key = word.key
        lex = self.lexicon
        if (
            not word.text[0].isupper()
            or key in lex.places
            or place_key(key) in self.world_places
            or lex.is_common(key)
            or lex.in_dictionary(key)
        ):
            return False
        return _right_after(text, start, self.intro_cues)

    def _first_name_as_place(self, words: list[_Piece]) -> bool:
        """A lone known first name that is no place (listed or world place: "Aydın" is a Turkish
        province and a first name) and no dictionary word ("Marcelle", "Élodie", "ma fille inès"); or a known first
        name and a capitalised word that is none of the language's words, neither a place, or an
        initial ("Steffen Mauer", "Caroline B."; not "Victoria Park", "Erin Dale": "park" and "dale"
        are words)."""
        lex = self.lexicon
        if len(words) == 2:
            first, last = words
            return (
                first.key in lex.first_names
                and first.text[0].isupper()
                and last.text[0].isupper()
                # an unknown word, or an initial ("Caroline B.": a signature)
                and (not self._word_of_the_language(last.key) or (len(last.text) == 1 and last.text.isupper()))
                and not any(w.key in lex.places or place_key(w.key) in self.world_places for w in words)
                and place_key(f"{first.key} {last.key}") not in self.world_places
                and f"{first.key} {last.key}" not in lex.places
            )
        if len(words) != 1:
            return False
        key = words[0].key
        return (
            key in lex.first_names
            and key not in lex.places
            and place_key(key) not in self.world_places
            and not lex.is_common(key)
            # English lemma tables list first names ("rebecca", "inger"): the world places above
            # already keep "Florence", "Chelsea", "Jordan" as places
            and (self.supported_language == "en" or not lex.in_dictionary(key))
        )

    def _score_date(self, pieces: list[_Piece]) -> tuple[int, int, float, str] | None:
        keys = {p.key for p in pieces}
        if keys & self.lexicon.duration_words:
            return None  # "two weeks", "3 days", "35 years old"
        numbers = [p.text for p in pieces if p.text.isdecimal()]  # int() takes them (not "²")
        if not all(_date_number(n) for n in numbers):
            return None  # "order 2411-7916", "1977-5003": numbers no date is made of
        has_year = any(len(n) == 4 and n[:2] in ("19", "20") for n in numbers)
        has_month = bool(keys & self.lexicon.date_words)
        has_numeric_date = any(ch in "/-:." for p in pieces for ch in p.text) and len(numbers) >= 2
        if not (has_year or (has_month and numbers) or has_numeric_date):
            return None  # "today", "next week", postcodes and house numbers taken for years
        return pieces[0].start, pieces[-1].end, self.DATE_SCORE, "date"

    def _without_clause_after(self, pieces: list[_Piece]) -> list[_Piece]:
        """A person's name without the clause the model ran on into: from a lower-case pronoun or
        function word on, when nothing capitalised follows ("Grégoire je crois", "Tom i think");
        a name particle stays ("Jean de la Fontaine", "jan van dijk")."""
        lex = self.lexicon
        for index in range(1, len(pieces)):
            piece = pieces[index]
            if (
                piece.text.islower()
                and piece.key not in lex.particles
                and (piece.key in lex.function_words or piece.key in lex.stop_words)
                and all(p.text.islower() or not p.text[0].isalpha() for p in pieces[index:])
            ):
                return pieces[:index]
        return pieces

    def _from_title_on(self, pieces: list[_Piece]) -> list[_Piece]:
        """A person's span from the capitalised title inside it on, when no known name comes before
        it: the model ran a verb into the name ("Contactez Maître Dubois", "Call Mrs Henderson").
        A one-letter title is an initial as often ("Jean M. Dupont"): it does not count."""
        lex = self.lexicon
        for index in range(1, len(pieces) - 1):
            piece = pieces[index]
            title = piece.key.rstrip(".")
            if len(title) > 1 and piece.text[0].isupper() and title in lex.bare_titles:
                if any(lex.is_known_name(p.key) for p in pieces[:index]):
                    return pieces
                return pieces[index:]
        return pieces

    def _trim(self, pieces: list[_Piece], entity_type: str) -> list[_Piece]:
        """Drop greetings, titles, chat words and punctuation from both ends of a span, and a
        leading elided word ("d’Oakington" is "Oakington"; "s’engager" is no name at all)."""
        lex = self.lexicon
        if self.supported_language == "fr" and pieces and "'" in pieces[0].key:  # "D'Souza" is a name
            elided, _, rest = pieces[0].key.partition("'")
            if rest and elided + "'" in ELIDED_WORDS:  # the tokenizer keeps "d’Oakington" one word
                if elided + "'" in ELIDED_PRONOUNS and pieces[0].text[len(elided) + 1 :].islower():
                    return []  # a pronoun and a verb: "s’engager", "n’existe"
                first = pieces[0]
                cut = first.start + len(elided) + 1
                pieces = [_Piece(first.text[len(elided) + 1 :], rest, cut, first.end), *pieces[1:]]
        droppable = lex.span_edge_words
        if entity_type in (LOCATION, ORGANIZATION):  # "Bonjour Paris", "Cdt michelle"
            while pieces and pieces[0].key in self.place_openers:
                pieces = pieces[1:]
        if entity_type == PERSON:
            pieces = self._from_title_on(pieces)
            # a person's name never starts or ends with a greeting, a title or a chat word
            while pieces:
                if not pieces[0].text[0].isalnum():
                    pieces = pieces[1:]
                    continue
                for width in (3, 2, 1):
                    if len(pieces) >= width and " ".join(p.key for p in pieces[:width]) in droppable:
                        pieces = pieces[width:]
                        break
                else:
                    break
            # a relation's noun the model ran into the name ("ma femme Sophie", "my wife Sarah")
            while len(pieces) > 1 and pieces[0].text.islower() and pieces[0].key in lex.relation_nouns:
                pieces = pieces[1:]
            while pieces and (
                pieces[-1].key in droppable
                or not pieces[-1].text[0].isalnum()
                or pieces[-1].key.endswith("'")  # elisions: "jusqu'", "qu'"
                or (len(pieces) > 1 and lex.is_mistyped_common_word(pieces[-1].key))  # "Mme Leclerc Mreci"
            ):
                pieces = pieces[:-1]
            return self._without_clause_after(pieces)

        while pieces and (
            pieces[0].key in lex.greetings
            or not pieces[0].text[0].isalnum()
            # a chat word in lower case the model ran on from ("merci bcp sandrine"); not "La Rochelle",
            # "New Zealand"
            or (
                len(pieces) > 1
                and pieces[0].text.islower()
                and pieces[0].key in lex.stop_words
                and pieces[0].key not in lex.particles
            )
        ):
            pieces = pieces[1:]
        while pieces and (
            not pieces[-1].text[0].isalnum()
            or pieces[-1].key.endswith("'")
            # a chat word or a closing the model ran on with ("Montpellier svp", "Grenoble svp
            # Cordialement"), maybe typed wrong ("Lille Cordilement")
            or (
                len(pieces) > 1
                and (
                    pieces[-1].key in lex.stop_words
                    or pieces[-1].key in self.place_openers
                    or lex.is_slipped_closing(pieces[-1].key)
                )
                and pieces[-1].key not in lex.particles
            )
        ):
            pieces = pieces[:-1]
        return pieces

    def _closes_after_a_value_or_word(self, text: str, start: int, end: int) -> bool:
        """``text[start:end]`` ends the message, but for punctuation and symbols, right after an
        e-mail address or a number ("account email g.harrison@example.com Best": the sign-off
        after the value the message gave) or a lower-case word that is no title ("... l7 4tp
        please Best."; "ask for mr Best." is a surname)."""
        if not _only_end_marks(text[end:]):
            return False
        before = text[:start].rstrip(" \t,").rsplit(None, 1)
        if not before:
            return False
        word = before[-1]
        if "@" in word or word[-1:].isdigit():
            return True
        return word.isalpha() and word.islower() and word not in self.lexicon.titles

    def _result(self, entity_type: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return make_result(self, entity_type, start, end, score, why)


# a comma, then one or two capitalised words that end the line: the signature after a sign-off
_SIGNED_AFTER = re.compile(r",[ \t]*[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t.!]*(?:\n|\Z)")


def _lower_camel_case(word: str) -> bool:
    """A word opening in lower case with a capital inside ("kWh", "iPhone"), not after a hyphen or
    an apostrophe ("al-Hassan", "d'Artagnan"): names are not spelled so. Narrower than the Dutch
    name list's ``dutch_names._camel_case`` (any capital inside but a name prefix's), which would
    also refuse people the model finds ("JoAnn", "d'Artagnan")."""
    return word[:1].islower() and any(
        ch.isupper() and word[index - 1] not in "-'’" for index, ch in enumerate(word[1:], start=1)
    )


def _closes_message(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is alone on the message's last line, but for punctuation after it."""
    return text[:start].rstrip(" \t").endswith("\n") and _only_end_marks(text[end:])


MESSAGE_END = " \t\n.,!…"  # what may follow the last word of a message, with symbols (emoji)
EMOJI_JOINERS = "\ufe0f\u200d"  # variation selector and zero-width joiner inside emoji


def _only_end_marks(rest: str) -> bool:
    """``rest`` holds only spaces, punctuation that ends a message and symbols ("Best 🙂")."""
    return all(ch in MESSAGE_END or unicodedata.category(ch)[0] == "S" or ch in EMOJI_JOINERS for ch in rest)


OF_WORDS = frozenset({"de", "du", "of"})
ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l'", "un", "une", "het", "een", "de"})
#: Elided pronouns and conjunctions: glued to a lower-case word they make a verb phrase, not a name.
ELIDED_PRONOUNS = frozenset({"s'", "n'", "j'", "m'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'"})
#: French elided words that open a span spaCy marks but never belong to the name ("d’Heathrow").
ELIDED_WORDS = ELIDED_PRONOUNS | {"d'", "l'"}
#: Words after which a name the model calls an organisation is a place (``_place_taken_for_a_firm``).
IN_PLACE = frozenset({"in", "à", "dans", "naar"})
ON_PLACE = frozenset({"sur"})  # "je suis sur Lyon": where one is, after a form of "être"
BEING_VERBS = frozenset({"suis", "es", "est", "sommes", "êtes", "sont", "serai", "serons"})
CASE_WORDS = frozenset({"affaire", "affaires"})  # "l'affaire Mellor": a case named after a person
TOWARDS_PLACE = frozenset({"to"})
#: Verbs of travel before "to": what follows is where one goes ("flew to", "coming to").
TRAVEL_VERBS = frozenset(
    {
        "flew", "fly", "flying", "flies", "returned", "return", "returning", "moved", "move", "moving",
        "travelled", "traveled", "travel", "travelling", "traveling", "drove", "drive", "driving",
        "relocated", "relocating", "emigrated", "sailed", "headed", "heading", "coming", "come", "came",
        "went", "go", "going", "trip", "flight", "journey", "back",
    }
)  # fmt: skip
FROM_PLACE = frozenset({"from"})  # a listed town only: chat names shops and firms after it
#: Letters of a surname in capitals beside a first name, as forms write it: "Diane DALE"
#: (``_surname_in_capitals``), "LINSCHOTEN Jill" (``chat_patterns._surname_then_first_name``).
MIN_CAPITALS_SURNAME = 3
MIN_CAPITALS_PLACE = 5  # "HORTEN", "ESPOO": shorter capitals are acronyms ("to IKEA", "in NYC")
#: English bodies named after the town they are in ("the University of Leeds"), unlike a bank or a
#: court ("Bank of America", "Court of Appeal")
SEAT_BODIES_EN = frozenset({"university", "college"})
MIN_HEADING_WORD = 5  # a heading of one word in capitals ("PROCÉDURE"); shorter ones are acronyms ("NATO")


def chunk_start(text: str, start: int) -> int:
    """Where the whitespace-delimited chunk holding ``start`` begins."""
    return max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1


def _chunk_end(text: str, end: int) -> int:
    """Where the whitespace-delimited chunk holding ``end - 1`` ends."""
    ends = [i for i in (text.find(" ", end), text.find("\n", end), text.find("\t", end)) if i >= 0]
    return min(ends) if ends else len(text)


def _date_number(number: str) -> bool:
    """A number a date is made of: a day, a month, an hour or minute (two digits at most, up to
    60) or a year (four digits, 19xx or 20xx)."""
    if len(number) <= 2:
        return int(number) <= 60
    return len(number) == 4 and number[:2] in ("19", "20")


def _pieces(text: str, start: int, end: int) -> list[_Piece]:
    """The span's tokens, an elided word kept with its apostrophe ("qu'", "jusqu'")."""
    pieces: list[_Piece] = []
    for token in tokenize(text[start:end]):
        piece = _Piece(token.text, token.key, start + token.start, start + token.end)
        previous = pieces[-1] if pieces else None
        if piece.key == "'" and previous is not None and previous.end == piece.start and previous.text[0].isalpha():
            merged = previous.text + piece.text
            pieces[-1] = _Piece(merged, fold(merged), previous.start, piece.end)
            continue
        pieces.append(piece)
    return pieces


def _after_place_noun(text: str, start: int, language: str) -> bool:
    """The span follows a noun that names a kind of place and its "of": "la prison d'Opole",
    "la ville de Tarbes", "la cour d'appel de Svea", "the county of Durham". A person after one is
    rare ("le maire de Lyon" has the person before)."""
    nouns = PLACE_NOUNS.get(language)
    if not nouns:
        return False
    head = text[max(0, start - 40) : start].rstrip()
    if language == "fr" and head[-2:].casefold() in ("d'", "d’"):
        head = head[:-2]
    else:
        words = head.rsplit(None, 1)
        if len(words) != 2 or fold(words[1]) not in OF_WORDS:
            return False
        head = words[0]
    before = head.rstrip().rsplit(None, 1)
    return bool(before) and fold(before[-1]).rsplit("'", 1)[-1] in nouns


def _after_preposition(text: str, start: int, lexicon: NameLexicon) -> bool:
    """The word before ``start`` introduces a place ("in", "naar", "à")."""
    previous = _word_before(text, start)
    return bool(previous) and previous in lexicon.place_prepositions


def _word_before(text: str, start: int, window: int | None = None) -> str:
    """The folded word right before ``start``, looked for in the last ``window`` characters (all
    the text before it when ``None``); "" when there is none."""
    head = text[:start] if window is None else text[max(0, start - window) : start]
    before = head.rstrip().rsplit(None, 1)
    return fold(before[-1]) if before else ""


#: "c." and "v." between the parties of a case name ("Boner c. Royaume-Uni", "Mellor v. Secretary"),
#: in lower case: "J. C. Smith" has an initial.
CASE_PARTIES = frozenset({"c", "v", "vs"})


#: US states (and DC) and Canadian provinces by their postal codes: "Houston, TX", "Laval, QC".
STATE_CODES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
    }
)  # fmt: skip


def _state_after_town(text: str, start: int, words: Sequence[_Piece]) -> bool:
    """A lone state or province code in capitals right after a capitalised word and a comma
    ("Houston, TX", "Springfield, IL 62704"): the model reads the code as an organisation."""
    if len(words) != 1 or words[0].text not in STATE_CODES:
        return False
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before.endswith(","):
        return False
    town = before[:-1].rstrip().rsplit(None, 1)
    return bool(town) and town[-1][:1].isupper()


def _civility_after_nouns(pieces: Sequence[_Piece]) -> int:
    """Index of a civility that follows only lower-case words and precedes a capitalised word
    ("technicien M. Benali", "le livreur Mme Diallo"), or 0."""
    for index in range(1, len(pieces) - 1):
        piece = pieces[index]
        if piece.text[0].isupper() and piece.key.rstrip(".") in CIVILITIES:
            before_lower = all(p.text.islower() for p in pieces[:index])
            after = next((p for p in pieces[index + 1 :] if p.text[0].isalnum() and p.text != "."), None)
            return index if before_lower and after is not None and after.text[0].isupper() else 0
        if not piece.text.islower():
            return 0
    return 0


#: Civilities that open a person's name and never a place's ("m. lefebvre", "Mrs Pratt"); not the
#: titles that open place names too ("Lord Howe Island", "Lady Bay", "Sir Lowry's Pass").
CIVILITIES = frozenset(
    {"m", "mme", "mlle", "mr", "mrs", "ms", "mx", "dr", "dhr", "mevr", "mw", "meneer", "mevrouw", "mijnheer",
     "madame", "monsieur", "mademoiselle", "mister", "miss", "missus", "madam"}
)  # fmt: skip
#: Words for a number: a short place-like word right before one names the number ("NI number",
#: "BE nummer", "n° FR"), as the identifier recognizers read it.
NUMBER_WORDS = frozenset({"number", "no", "nr", "num", "numéro", "numero", "nummer"})
MAX_NUMBER_LABEL = 3  # "NI", "BSN": a label is an acronym


def _right_after(text: str, start: int, cues: tuple[str, ...]) -> bool:
    """One of ``cues`` ends right before ``start`` (commas and case ignored)."""
    before = " ".join(fold(text[max(0, start - 40) : start]).replace(",", " ").split())
    return any(before == cue or before.endswith(" " + cue) for cue in cues)


def _names_a_number(text: str, end: int) -> bool:
    """The span ending at ``end`` is a short label before a word for a number ("NI number")."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if end - start > MAX_NUMBER_LABEL:
        return False
    following = text[end : end + VALUE_WINDOW].lstrip(" \t").split(maxsplit=1)
    if not following:
        return False
    word = following[0].rstrip(".:").casefold()
    return word in NUMBER_WORDS or any(one_edit(word, n) for n in NUMBER_WORDS if len(n) >= MIN_TYPO_NUMBER_WORD)


def _labels_a_value(text: str, start: int, end: int) -> bool:
    """The span is a short acronym in capitals right before a value with digits, "is" or a colon
    between them at most ("IP 192.168.0.12", "my IP is 192.168.1.24", "PIN: 4821"); not a
    channel's number ("BBC 2")."""
    label = text[start:end]
    if not (label.isupper() and label.isalpha() and len(label) <= MAX_NUMBER_LABEL):
        return False
    following = text[end : end + VALUE_WINDOW].replace(":", " ").split(maxsplit=2)
    if following and following[0].casefold() in ("is", "est", "=", "address", "adres", "adresse"):
        following = following[1:]
    if not following or not following[0][:1].isdigit():
        return False
    return sum(ch.isdigit() for ch in following[0]) >= MIN_VALUE_DIGITS


_LETTERS = re.compile(r"[^\W\d_]+")
#: Things a household's name is written on: a surname right after one is a person's, not a place's.
NAME_PLATE_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"interphone", "sonnette", "boite", "boîte", "digicode"}),
    "nl": frozenset({"bel", "brievenbus", "naambordje", "intercom", "deurbel"}),
    "en": frozenset({"buzzer", "doorbell", "intercom", "letterbox", "mailbox", "nameplate"}),
}
MIN_VALUE_DIGITS = 3
VALUE_WINDOW = 40  # characters read after a label for its value: enough for "number is 192.168.100.200"
MIN_TYPO_NUMBER_WORD = 5  # "nmuber", "nummber", "numer": typed wrong; "no", "nr" are too short to tell


SPLIT_PUNCTUATION = frozenset(':;,"!?()[]{}«»“”/|<>=+*#@')


def _split(text: str, pieces: list[_Piece]) -> list[list[_Piece]]:
    """Cut a span at punctuation and line breaks, which never sit inside a name or a place:
    spaCy's 'tracy:"i'm mika' holds two names; and at the "c." or "v." of a case name ("Boner c.
    Royaume-Uni", "Mellor v. Secretary of State"): two parties."""
    groups: list[list[_Piece]] = [[]]
    skip = 0
    for index, piece in enumerate(pieces):
        if skip:
            skip -= 1
            continue
        broken = groups[-1] and "\n" in text[groups[-1][-1].end : piece.start]
        if piece.text in SPLIT_PUNCTUATION or broken:
            groups.append([])
            if piece.text in SPLIT_PUNCTUATION:
                continue
        if groups[-1] and piece.text in CASE_PARTIES and index + 2 < len(pieces) and pieces[index + 1].text == ".":
            groups.append([])  # "Boner c. Royaume-Uni": the "c." and its dot go
            skip = 1
            continue
        groups[-1].append(piece)
    return [g for g in groups if g]
