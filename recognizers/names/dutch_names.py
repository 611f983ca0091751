"""Dutch person and place names from lookup lists (there is no Dutch spaCy model)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import LOCATION, ORGANIZATION, PERSON
from recognizers.names import place_words
from recognizers.names.employer_cues import after_employer_cue
from recognizers.names.lexicons import (
    NameLexicon,
    Token,
    WordMemo,
    brand_plus_after,
    dutch_names,
    dutch_places,
    firm_not_title,
    fold,
    include_titles,
    load_lexicon,
    name_repeats,
    place_key,
    sentence_initial,
    strip_accents,
    tokenize,
    world_place_keys,
)
from recognizers.names.place_gazetteer import gazetteer_keys, place_list_key

MAX_PLACE_TOKENS = 4
MAX_INTERFIX_TOKENS = 3
MAX_INITIALS = 6
MAX_FIRST_NAME_CUE_WORDS = 3  # "heard back from", "zeg maar tegen": the longest first name's cue, in words
NAME_CONTEXT = ["naam", "heet", "meneer", "mevrouw", "dhr", "mevr", "klant", "contactpersoon", "ondertekend"]


@functools.cache
def _place_keys(extra: frozenset[str]) -> frozenset[str]:
    return frozenset(place_key(p) for p in dutch_places() | extra)


@functools.cache
def _place_heads(places: frozenset[str]) -> frozenset[str]:
    """The first words of place keys: a token whose key is none of them opens no listed place."""
    return frozenset(key.split(" ", 1)[0] for key in places)


#: Dutch nouns written right before a place's name ("de stad Stralsund", ``place_words``).
PLACE_NOUNS = place_words.PLACE_NOUNS["nl"]
STATE = "staat"  # a place noun after a place's adjective only ("de Amerikaanse staat"; "nu staat ...")
#: Words after which a name is a place even when the lists know it as a person's ("nabij Pulborough").
NEAR_PLACE = frozenset({"nabij"})
#: Prepositions before a town and not before a firm ("in het Duitse Waldkrich"; "bij het Britse
#: Thomson" is the firm).
TOWN_PREPOSITIONS = frozenset({"in", "naar", "uit", "vanuit"})
#: Nouns for a place's people, office or parts, before "van" and the place's name ("de
#: burgemeester van Zwalm", "het station van Rangiya", "de bewoners van Rooborst").
OF_PLACE_NOUNS = frozenset(
    {"burgemeester", "inwoners", "inwoner", "bewoners", "station", "stadhuis", "gemeentehuis", "centrum",
     "stadscentrum", "haven", "luchthaven", "dorpsplein", "dorpspleintje", "marktplein", "wijk", "omgeving",
     "buitenwijken", "gemeenteraad", "deelgemeente", "hoofdstad", "dorpskern"}
)  # fmt: skip
COMPASS_POINTS = place_words.DUTCH_COMPASS_POINTS  # "Oost-Europa"
PLACE_PARTS = place_words.DUTCH_PLACE_PARTS  # "Brussel-Zuid"
# place prepositions that also come before people ("bij Arafat", "richting Peres")
PERSON_PREPOSITIONS = frozenset({"bij", "richting"})
#: place prepositions that seldom come before a person: a GeoNames town written with capitals after
#: one is a place ("stuck in Penzance"); "to", "from", "de", "bij" come before people as often
STRONG_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "around", "outside", "naar", "te", "vanuit", "à", "au", "vers", "près"}
)
#: Interfixes that open surnames only (keys joined, dots dropped): "van der", "v/d", "v.d.", "vd".
_SURNAME_ONLY_INTERFIXES = frozenset({"vander", "v/d", "vd"})
#: Words that open a Twente or Achterhoek surname of two words before another surname ("Oude
#: Nijhuis", "Olde Rikkert"): after a first name, a title or initials, with any surname after them.
OLD_SURNAME_PREFIXES = frozenset({"oude", "olde"})
SAINTS = frozenset({"st", "saint"})  # "St Joseph's": a school, church or hospital (English possessive)
FEAST_WORDS = frozenset({"day", "eve", "night", "feast"})  # "Saint Patrick's Day" is a date
# words that follow a saint's name in an institution's: "St Mary's Primary", "St Thomas' Hospital"
INSTITUTION_WORDS = frozenset(
    {"primary", "secondary", "junior", "juniors", "infants", "school", "college", "academy", "high", "hospital",
     "hospice", "church", "chapel", "cathedral", "surgery", "clinic", "centre", "center", "catholic", "rc", "ce"}
)  # fmt: skip
MIN_HOUSEHOLD_LETTERS = 5  # "the Smiths"; shorter plurals are words ("the Ums")
MAX_FIRM_ACRONYM = 5  # "PSV", "ADO", "AMP": letters of an acronym opening an organisation's name
# country codes written before a place ("NL Utrecht", "BE Gent"): no organisation's acronym
COUNTRY_CODES = frozenset({"nl", "be", "fr", "de", "lu", "uk", "gb", "us", "usa", "eu"})
MIN_HEAD_LETTERS = 4  # an organisation word this long may end a compound; shorter ones ("ag") only whole
ARTICLES = frozenset({"de", "het", "een", "'t", "der", "des", "deze", "dit"})
#: French and English articles that particles are too: after them a noun typed wrong is no surname.
NOUN_ARTICLES = frozenset({"le", "la", "les", "the"})


MIN_WORD_SURNAME = 3  # a surname that is also a word or a brand, three letters at least ("Jan Bosch")


def _capitalised_word(token: Token) -> bool:
    """A word written with one capital, ``MIN_WORD_SURNAME`` letters or more: what a surname that is
    also a word or a brand must look like to count as one."""
    return token.is_word and token.is_capitalised and not token.is_upper and len(token.text) >= MIN_WORD_SURNAME


@dataclass
class _Parse:
    """What a person-name parse found, to score it."""

    title: bool = False
    initials: int = 0
    first_known: int = 0
    surname_known: bool = False
    surname_any: bool = False
    interfix: bool = False
    first_is_word: bool = False  # the first name is a word of the language too ("Noël", "Rose")
    first_is_place: bool = False  # the first name is a listed place too ("Mark", "Roy")


#: Capitalised words of product names before a word that is also a first name ("15 Pro Max", "Air Max").
PRODUCT_LINE_WORDS = frozenset({"pro", "air", "ultra", "plus", "mini", "lite", "edge", "note"})
MAX_NEUTER_ADJECTIVES = 2  # "het grote Amerikaanse Wal-Mart"
MIN_ADJECTIVE = 4  # "rode", "Britse"; not "de"


class DutchNameRecognizer(TextRecognizer):
    """Dutch PERSON and LOCATION from deduce's and Faker's lists, token by token.

    Dutch has no spaCy NER here, so names come from lookups over capitalised tokens:

    * PERSON: ``[title] [initials | first names] [interfix] surname`` — "J. de Vries",
      "dhr. Jansen", "mevr. Bakker", "Jan van der Berg", "Piet Visser", "Visser-de Jong",
      "A.B.C. de Vries"; a known first name with a known surname scores highest, a title or
      initials make any following capitalised word a surname. A known first name alone
      ("Kees") or a known surname alone ("Zoutenbier") scores just above the threshold. First
      names: deduce plus Faker (nl_NL, nl_BE and other locales); surnames: deduce's surnames
      and interfix surnames, Faker's last names. deduce's exception lists (names that are also
      everyday words: "April", "Rust", "Kracht") are left out, and so are the language's common
      words; names are only taken when capitalised.
    * LOCATION: runs of one to four capitalised tokens that are a Dutch place name (deduce's
      residences, municipalities, provinces, regions), a place curated in ``names.yaml`` (Belgian
      municipalities, countries in Dutch) or in Faker's nl lists (countries, Belgian cities),
      accents and hyphens ignored; in lower case only after a place preposition ("in amsterdam").
    * Chat writes names in lower case: a known first name followed by a known surname, neither a
      common word, is a person ("jan jansen").
    * Capitalisation: an unknown capitalised word (or run) that does not start a sentence and is
      no common word, adjective or demonym ("Britse", "Belgen", "Brusselse"), function
      ("Burgemeester"), compound noun ("Sabena-aandelen") nor organisation word is probably a
      proper noun, reported at 0.5 for privacy recall: LOCATION when it ends like a street or
      landmark ("Kerklaan", "Noordstation"), is a world place ("Kigali") or follows "in", "naar",
      "uit"; nothing after an article ("de Knesset": people take none) or next to an organisation
      word, an ampersand or its own acronym ("Omega Pharma", "Lernout & Hauspie"); PERSON otherwise.
    * Inside a sentence a capitalised interfix opens a surname ("aldus Van Diepenbeek", "De Prins");
      after a title, a lower-case surname after particles is a name ("meneer van de veen").
    * A name found is looked for again in the text, in any case (``lexicons.name_repeats``).

    Sets are loaded once per process; matching is a handful of set lookups per token.
    """

    FULL_NAME_SCORE = 0.9  # known first name + known surname
    TITLED_SCORE = 0.85  # title or initials + surname, or first name + interfix + surname
    TITLED_INITIALS_SCORE = 0.7  # a title and initials, no surname: "Mme G."
    FIRST_PLUS_CAPITALISED_SCORE = 0.75
    INTERFIX_SURNAME_SCORE = 0.65  # "de Vries", "van der Sluis"
    FIRST_NAME_ALONE_SCORE = 0.6
    SURNAME_ALONE_SCORE = 0.55
    LOWER_CASE_PAIR_SCORE = 0.6
    DICTIONARY_SINGLE_SCORE = 0.5  # a lone name that is also a dictionary word (fr, en): "Anna"
    SENTENCE_START_PENALTY = 0.05
    PLACE_SCORE = 0.75
    HOUSEHOLD_SCORE = 0.85  # "the Smiths": a surname in the plural after "the" (the model's place is 0.85)
    CUED_FIRST_NAME_SCORE = 0.85  # a listed first name after its cue ("een bericht van Mark")
    CAPITALISED_SCORE = 0.5  # an unknown capitalised word inside a sentence: probably a proper noun
    MAX_ACRONYM = 4
    REPEAT_MIN_SCORE = 0.65  # a lone first name or surname (0.6) is not looked for again

    WITH_PLACES = True
    WITH_PLACE_NOUNS = True  # Dutch place nouns and adjectives before a name (``_after_place_word``)
    WITH_ORGANISATION_NOUNS = True  # organisation nouns before a name (``_after_organisation_noun``)

    def __init__(
        self, lexicon_dir: Path, supported_language: str = "nl", capitalised_score: float | None = None
    ) -> None:
        self.capitalised_score = self.CAPITALISED_SCORE if capitalised_score is None else capitalised_score
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        _, surnames_nl, interfix_surnames, interfixes = dutch_names()
        self.first_names = self.lexicon.first_names
        self.surnames = self.lexicon.surnames
        self.interfix_surnames = interfix_surnames | surnames_nl
        self.interfixes = interfixes | self.lexicon.particles
        self.max_interfix = max((len(i.split()) for i in self.interfixes), default=1)
        self.interfix_heads = frozenset(t.key for i in self.interfixes for t in tokenize(i)[:1])
        self.titles = self.lexicon.titles | self.lexicon.bare_titles
        self.places = _place_keys(self.lexicon.places)
        # function and stop words: a text whose every word, these too, has a capital is in title
        # case, and there a capital says nothing (``_title_cased``)
        self._function_words = self.lexicon.function_words | self.lexicon.stop_words
        self.place_heads = _place_heads(self.places)
        # GeoNames' towns, for a lower-case word after a place preposition ("stuck in harrogate")
        names, _, towns = (
            gazetteer_keys(supported_language) if self.WITH_PLACES else (frozenset(), frozenset(), frozenset())
        )
        self.gazetteer, self.gazetteer_towns = names, towns
        self.gazetteer_heads = _place_heads(names)
        self._gazetteer_memo: WordMemo[bool] = WordMemo()  # verdicts on the towns people name
        self._capitalised_gazetteer_memo: WordMemo[bool] = WordMemo()  # the same, written with capitals
        self.world_places = world_place_keys(str(lexicon_dir), supported_language) if self.WITH_PLACES else frozenset()
        self._first_name_cues = tuple(tuple(cue.split()) for cue in self.lexicon.first_name_cues)
        # surnames of several words whose first word is no interfix ("Oude Nijhuis", "Bruins Slot",
        # "Huis in 't Veld"), by first word, longest first (``_multi_word_surname``); not saints'
        # names ("Sint Nicolaas")
        multi: dict[str, list[tuple[str, ...]]] = {}
        for surname in self.interfix_surnames:
            if " " not in surname:
                continue  # one word (nearly all 12,000): tokenizing each cost some 34 ms a recognizer at start-up
            words = tuple(t.key for t in tokenize(surname))
            if len(words) > 1 and words[0] not in self.interfix_heads and words[0] != "sint":
                multi.setdefault(words[0], []).append(words)
        self._multi_surnames = {head: sorted(ws, key=len, reverse=True) for head, ws in multi.items()}
        # first words of the world places of several words (``_world_place_of_words``)
        self.world_place_heads = _place_heads(frozenset(k for k in self.world_places if " " in k))
        # organisation words that may end a compound ("Streekziekenhuis", "Gezondheidscentrum")
        self._organisation_heads = frozenset(
            w for w in self.lexicon.organization_words | self.lexicon.organization_nouns if len(w) >= MIN_HEAD_LETTERS
        )
        self._work_heads = frozenset(w for w in self.lexicon.work_nouns if len(w) >= MIN_HEAD_LETTERS)
        super().__init__(
            supported_entities=[PERSON, LOCATION, ORGANIZATION],
            supported_language=supported_language,
            name=type(self).__name__,
            context=NAME_CONTEXT,
        )

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Dutch names and places of ``text``."""
        tokens = tokenize(text)
        results: list[RecognizerResult] = []
        first_names, titles, heads = self.first_names, self.titles, self.interfix_heads
        after_place = self.lexicon.place_prepositions
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not token.is_word:
                index += 1
                continue
            if (
                not token.is_capitalised
                and token.key not in first_names
                and token.key not in titles
                and token.key not in heads
                and not (index > 0 and tokens[index - 1].key in after_place)
            ):
                # Most words of a message. In lower case only a known first name ("jan jansen"), a
                # title or an interfix opens a person, and only a place preposition before it makes
                # a place ("in amsterdam"); nothing else below can start here. Checked inline, it
                # spares three method calls per word.
                index += 1
                continue
            if self.supported_language == "en" and self._household_plural(tokens, index):
                why = "a household's name"  # "the Smiths at number 12 have my parcel"
                results.append(self._result(PERSON, token.start, token.end, self.HOUSEHOLD_SCORE, why))
                index += 1
                continue
            if token.is_capitalised and token.key in SAINTS:
                saint_end = self._saint_institution(tokens, index)
                if saint_end:  # "St Joseph's", "St Mary's Primary": a school, church or hospital
                    end = tokens[saint_end - 1].end
                    why = "saint's name with a possessive"
                    results.append(self._result(ORGANIZATION, token.start, end, self.PLACE_SCORE, why))
                    index = saint_end
                    continue
            if token.is_capitalised and self.world_place_heads:
                world_end = self._world_place_of_words(text, tokens, index)
                if world_end:  # before the person: "Rio De Janeiro" parses as a name and a surname
                    end = tokens[world_end - 1].end
                    results.append(self._result(LOCATION, token.start, end, self.PLACE_SCORE, "world place of words"))
                    index = world_end
                    continue
            if token.is_capitalised and token.key in place_words.LANDMARK_HEADS and self.WITH_PLACES:
                landmark_end = self._landmark(text, tokens, index)
                if landmark_end:  # before the person: "Camp David" parses as a surname and a first name
                    end = tokens[landmark_end - 1].end
                    results.append(self._result(LOCATION, token.start, end, self.PLACE_SCORE, "landmark"))
                    index = landmark_end
                    continue
            person = self._person(text, tokens, index)
            if person is not None and not token.is_capitalised and self._interfix_before_full_name(tokens, person):
                index += 1  # "de vrouw van Kees Verbeek": "van" is the preposition before a full name
                continue
            if person is not None and person[2] >= self.TITLED_SCORE:
                start_i, end_i, score, why = person
                entity_type = PERSON
                if self._after_organisation_noun(tokens, start_i):
                    entity_type, why = ORGANIZATION, "name after an organisation noun"  # "zakenbank Morgan Stanley"
                elif self._before_organisation_word(tokens, end_i):
                    entity_type, why = ORGANIZATION, "name before an organisation word"  # "P.W. Janssen Ziekenhuis"
                results.append(self._result(entity_type, tokens[start_i].start, tokens[end_i - 1].end, score, why))
                index = end_i
                continue
            place = self._place(text, tokens, index) if self.WITH_PLACES or not token.is_capitalised else None
            if (
                place is not None
                and token.is_capitalised
                and not self._place_stands(text, token, tokens[place[0] - 1].end, nlp_artifacts)
            ):
                place = None
            if place is not None:
                end_i, score = place
                opens = self._surname_interfix_before(tokens, index) if end_i == index + 1 else None
                if opens is not None:  # "van der Sluis": a surname that is also a town
                    why = "surname-only interfix and a place's name"
                    results.append(
                        self._result(PERSON, tokens[opens].start, token.end, self.INTERFIX_SURNAME_SCORE, why)
                    )
                elif end_i == index + 1 and self._cued_first_name(tokens, index):
                    why = "first name after its cue"  # "een bericht van Mark": not the village
                    results.append(self._result(PERSON, token.start, token.end, self.CUED_FIRST_NAME_SCORE, why))
                else:
                    opens = self._organisation_before_place(tokens, index)
                    if opens is not None:  # "Universiteit Gent", "PSV Eindhoven", "het concern Granada"
                        start, end = tokens[opens].start, tokens[end_i - 1].end
                        why = "place named in an organisation's name"
                        results.append(self._result(ORGANIZATION, start, end, score, why))
                    else:
                        end_i = place_words.province_after(text, tokens, end_i)  # "Bergen (NH)", "Rijswijk ZH"
                        results.append(self._result(LOCATION, token.start, tokens[end_i - 1].end, score, "place list"))
                index = end_i
                continue
            if person is not None and self._after_brand(text, tokens, person[0]):
                index = person[1]  # "de Ikea Billy kast": a product after its brand
                continue
            if person is not None:
                start_i, end_i, score, why = person
                entity_type = PERSON
                if end_i - start_i == 1 and self._world_place_after_preposition(text, tokens, start_i):
                    entity_type, why = LOCATION, "world place after a place preposition"  # "in Sydney"
                elif self.WITH_PLACE_NOUNS and score < self.FULL_NAME_SCORE and self._after_place_word(tokens, start_i):
                    entity_type, why = LOCATION, "name after a place word"  # "de stad Stralsund"
                elif self.WITH_PLACE_NOUNS and end_i - start_i == 1 and self._in_a_countrys_town(tokens, start_i):
                    entity_type, why = LOCATION, "town after 'in het' and an adjective"  # "in het Duitse Waldkrich"
                elif self._after_organisation_noun(tokens, start_i):
                    entity_type, why = ORGANIZATION, "name after an organisation noun"  # "beurshuis Petercam"
                elif self._after_neuter_adjective(tokens, start_i) and tokens[start_i].key not in first_names:
                    entity_type, why = ORGANIZATION, "name after 'het' and an adjective"  # "het Britse Thomson"
                elif self._before_organisation_word(tokens, end_i):
                    entity_type, why = ORGANIZATION, "name before an organisation word"  # "Prinses Máxima Centrum"
                results.append(self._result(entity_type, tokens[start_i].start, tokens[end_i - 1].end, score, why))
                index = end_i
                continue
            if self.capitalised_score > 0:
                end_i = self._capitalised_run(text, tokens, index)
                if end_i > index:
                    kind = self._proper_noun(text, tokens, index, end_i)
                    if kind is not None:
                        entity_type, why = kind
                        results.append(
                            self._result(entity_type, token.start, tokens[end_i - 1].end, self.capitalised_score, why)
                        )
                    index = end_i
                    continue
                if self._world_place_opening_sentence(text, token):
                    why = "world place opening a sentence"  # "Caracas / Brussel", a dateline
                    results.append(self._result(LOCATION, token.start, token.end, self.PLACE_SCORE, why))
            index += 1
        persons = [(r.start, r.end, float(r.score)) for r in results if r.entity_type == PERSON]
        # a weak lone surname does not keep the name found above it from being repeated there
        # ("directed by Bryan Maclean and starring Maclean": "Maclean" alone scores 0.4)
        taken = [(r.start, r.end) for r in results if r.entity_type != PERSON or r.score >= self.REPEAT_MIN_SCORE]
        for start, end, score in name_repeats(text, persons, taken, self.lexicon, self.REPEAT_MIN_SCORE):
            results.append(self._result(PERSON, start, end, score, "repeated name"))
        if entities:
            results = [r for r in results if r.entity_type in entities]
        include_titles(text, results, self.lexicon.titles)
        return results

    # ----------------------------------------------------------------------------------------
    # persons

    def _is_name_word(self, token: Token, typos: bool = True) -> bool:
        """Capitalised word that is not a common word, title, allow-listed word, adjective or
        demonym, organisation word, nor a compound noun ("Sabena-aandelen", "EU-burgers").

        ``typos=False``: a word one typo away from a greeting or an allow-listed brand still counts
        (after a title: "M. Darby" is no "Darty" typed wrong)."""
        if not token.is_word or not token.is_capitalised or len(token.text) < 2:
            return False
        key = token.key
        lex = self.lexicon
        return (
            not (lex.is_common(key) if typos else lex.is_common_word(key))
            and key not in self.titles
            and key not in lex.nameless_closings  # "à Nancy Cdt David Cousin": the sign-off, then the name
            and not lex.is_adjective(key)
            and not lex.has_suffix(key, lex.organization_words)
            and not self._compound_noun(token)
            and not self._place_adjective(key)
            and key not in lex.person_nouns
        )

    def _surname_after_name(self, token: Token) -> bool:
        """After a first name, title or initials, a capitalised word with an adjective's ending is a
        surname too ("Robert Melders", "Jan Wouters"), unless it is a demonym or place adjective."""
        if not token.is_word or not token.is_capitalised or token.is_upper or len(token.text) < 2:
            return False
        key = token.key
        lex = self.lexicon
        return (
            lex.is_adjective(key)
            and not lex.is_demonym(key)
            and not self._place_adjective(key)
            and not lex.is_common(key)
            and key not in lex.person_nouns
            and not self._compound_noun(token)
        )

    def _word_surname(self, token: Token) -> bool:
        """After a known first name, a capitalised listed surname that is also a word ("Françoise
        Boulanger", "Linda Green"): not a title, greeting, allow-listed or function word, function,
        demonym or place, unless the place is a word too: a village named like the surname ("Anna
        Berg", "Tom Geel"; not "Jan Eindhoven")."""
        if not _capitalised_word(token):
            return False
        key = token.key
        lex = self.lexicon
        return (
            key in self.surnames
            and key not in lex.allow
            and key not in lex.cue_and_function_words
            and (key not in lex.places or (lex.is_common_word(key) and key not in self.world_places))
            and not self._not_a_name(token)
        )

    def _surname_also_a_brand(self, token: Token) -> bool:
        """After a first name or initials, a capitalised listed surname that the allow list holds as
        a brand ("Jan Bosch", "J.W. Bosch", "Anna Philips"); alone it stays the brand ("mijn Bosch
        wasmachine")."""
        if not _capitalised_word(token):
            return False
        key = token.key
        lex = self.lexicon
        return (
            key in lex.allow
            and (key in self.surnames or key in self.interfix_surnames)
            and key not in lex.cue_and_function_words
            and key not in lex.greetings
            and key not in lex.titles
            and place_key(token.text) not in self.world_places
        )

    def _surname_in_capitals(self, text: str, tokens: Sequence[Token], index: int, width: int) -> bool:
        """An interfix and a surname listed after it (or any word, when a first name follows), both
        in capitals, in a message that is not all capitals ("Met vriendelijke groet, VAN BERGEN
        Tobias", "Mvg VAN VOORHOUT Noah"): forms and signatures write the surname so, and a place of
        that name (Bergen, Voorhout) would go out as typed."""
        candidate = tokens[index + width]
        after = index + width + 1
        # "VAN VOORHOUT Noah": an unlisted surname, but the first name follows as forms write it
        first_name_after = after < len(tokens) and self._known_first(tokens[after]) and not tokens[after].is_upper
        return (
            all(t.is_upper and len(t.text) > 1 for t in tokens[index : index + width])
            and candidate.is_upper
            and len(candidate.text) > 2
            and (self._double_surname_head(candidate) in self.interfix_surnames or first_name_after)
            and any(ch.islower() for ch in text)
        )

    def _de_and_listed_surname(self, tokens: Sequence[Token], index: int, width: int) -> bool:
        """A lower-case "de" and a capitalised surname listed after it, not after a place
        preposition nor before "van": "de Vries", "de Jong", though some are villages too (Vries,
        Drenthe); not "de Ronde van Frankrijk"."""
        candidate = tokens[index + width]
        return (
            width == 1
            and tokens[index].text == "de"
            and candidate.is_capitalised
            and not candidate.is_upper
            and candidate.key in self.interfix_surnames
            and place_key(candidate.text) not in self.world_places
            and not (index > 0 and tokens[index - 1].key in self.lexicon.place_prepositions)
            # "de Ronde van Frankrijk", "de Baai van Heist": a race or a place named after another
            and not (index + width + 1 < len(tokens) and tokens[index + width + 1].key == "van")
        )

    def _compound_noun(self, token: Token) -> bool:
        """A hyphenated compound ending in a lower-case word that is no name particle: a noun
        ("Sabena-aandelen", "IT-bedrijf", "Likoed-man"), not a double name ("Visser-de Jong")."""
        if "-" not in token.text:
            return False
        last = token.text.rsplit("-", 1)[1]
        return bool(last) and last[0].islower() and fold(last) not in self.interfixes

    def _place_adjective(self, key: str) -> bool:
        """An adjective made from a place name: "Brusselse", "Limburgse", "Indiase", "Haagse"."""
        if not key.endswith("se") or len(key) < 6:
            return False
        stem = key[:-2]
        candidates = (stem, stem[:-1], stem + "en", "den " + stem)
        return any(place_key(c) in self.places or place_key(c) in self.world_places for c in candidates)

    def _after_place_word(self, tokens: Sequence[Token], index: int) -> bool:
        """The name at ``index`` follows a word that announces a place: a place noun ("de stad
        Stralsund", "de gemeente Zwalm", "de Amerikaanse staat Georgia": "staat" is also a verb, so
        only after a place's adjective), "nabij" ("nabij Pulborough"), or a noun for a place's
        people or parts and "van" ("de burgemeester van Zwalm", ``OF_PLACE_NOUNS``): a name the lists read as
        a person's, or an unknown capitalised word, is a place there. Place adjectives were tried
        and left out: they come before firms and people as often ("het Britse Thomson", "de
        Amerikaanse Nobelprijswinnaar Stanley")."""
        if index == 0:
            return False
        key = tokens[index - 1].key
        if key == STATE and index > 1:
            adjective = tokens[index - 2].key  # "de Amerikaanse staat Georgia", "de Duitse staat Saksen"
            return self.lexicon.is_demonym(adjective) or self._place_adjective(adjective)
        if key == "van" and index > 1 and tokens[index - 1].text == "van":
            return tokens[index - 2].key in OF_PLACE_NOUNS  # "de burgemeester van Zwalm"
        return key in PLACE_NOUNS or key in NEAR_PLACE

    def _compass_place(self, key: str) -> bool:
        """A listed or world place with a compass point before or after it, as Dutch joins them:
        "Oost-Europa", "Noord-Afrika", "Oost-Jeruzalem", "Brussel-Zuid", "Gent-Centrum" (``key``
        is a place key: hyphens are spaces)."""
        first, _, rest = key.partition(" ")
        head, _, last = key.rpartition(" ")
        return bool(
            (rest and first in COMPASS_POINTS and (rest in self.places or rest in self.world_places))
            or (head and last in PLACE_PARTS and (head in self.places or head in self.world_places))
        )

    def _world_place_of_words(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """End of a world place of two to four words starting at ``index`` and ending in a
        capitalised word ("Los Angeles", "Salt Lake City", "Rio de Janeiro"), or 0. Several words
        that spell a world place are seldom a person's name by chance; one word often is ("Sydney",
        "Georgia"), and is left to the rules for names."""
        if place_key(tokens[index].text).split(" ", 1)[0] not in self.world_place_heads:
            return 0
        for width in range(min(MAX_PLACE_TOKENS, len(tokens) - index), 1, -1):
            last = tokens[index + width - 1]
            if not last.is_capitalised or "\n" in text[tokens[index].start : last.end]:
                continue
            if place_key(text[tokens[index].start : last.end]) in self.world_places:
                return index + width
        return 0

    def _landmark(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """End of a landmark's name opened by the head word at ``index`` ("Camp David", "Mont
        Blanc", "Caldera de Taburiente"): one to three capitalised words after it, on the same line,
        particles between them; or 0. A word of the language after the head is no name ("Camp
        Nieuws"), nor a word in capitals ("Fort NV"), and a demonym makes the words none ("Sierra
        Leonese")."""
        end = index + 1
        named = False
        while end < len(tokens) and end - index <= MAX_PLACE_TOKENS - 1:
            word = tokens[end]
            if text[tokens[end - 1].end : word.start] != " " or not word.is_word:
                break
            if word.text.islower() and word.key in place_words.LANDMARK_PARTICLES:
                end += 1
                continue
            if not word.is_capitalised or word.is_upper or self.lexicon.is_common(word.key):
                break
            if self.lexicon.is_adjective(word.key):
                return 0  # "Sierra Leonese": the people of a place, not one
            end += 1
            named = True
        while end > index + 1 and tokens[end - 1].key in place_words.LANDMARK_PARTICLES:
            end -= 1
        return end if named else 0

    def _world_place_opening_sentence(self, text: str, token: Token) -> bool:
        """A one-word world place opening a sentence or a line ("Caracas / Brussel", "Harare"),
        which the rule for capitalised words inside a sentence does not see: only when it is no
        listed name ("Sydney", "Georgia" open sentences as people) and no word of the language."""
        lex = self.lexicon
        return (
            token.is_capitalised
            and not token.is_upper
            and sentence_initial(text, token.start)
            and place_key(token.text) in self.world_places
            and not lex.is_known_name(token.key)
            and not lex.is_common(token.key)
            and not lex.is_word_form(token.key)
        )

    def _world_place_after_preposition(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """A lone name that is also a world place, after a place preposition ("in Sydney")."""
        previous = tokens[index - 1].key if index > 0 else ""
        return (
            previous in self.lexicon.place_prepositions
            and previous not in PERSON_PREPOSITIONS
            and place_key(tokens[index].text) in self.world_places
        )

    def _cued_first_name(self, tokens: Sequence[Token], index: int) -> bool:
        """``tokens[index]`` is a capitalised listed first name right after one of its cues ("een
        bericht van Mark", "het account van Lisse", ``first_name_cues``): the person, though a place
        has the name."""
        token = tokens[index]
        if not token.is_capitalised or token.is_upper or token.key not in self.lexicon.first_names:
            return False
        before = [t.key for t in tokens[max(0, index - MAX_FIRST_NAME_CUE_WORDS) : index] if t.is_word]
        return any(len(cue) <= len(before) and tuple(before[-len(cue) :]) == cue for cue in self._first_name_cues)

    def _after_brand(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """The name at ``index`` follows a brand written with its capital inside a sentence ("de
        Ikea Billy kast"); at a sentence's start the word may be a greeting too ("Daag Piet")."""
        if index == 0:
            return False
        previous = tokens[index - 1]
        if previous.is_capitalised and previous.key in PRODUCT_LINE_WORDS:
            return True  # "iPhone 15 Pro Max", "Nike Air Max": a product line, not Max
        return (
            previous.is_capitalised
            and previous.key in self.lexicon.brand_words
            and not sentence_initial(text, previous.start)
        )

    def _proper_noun(self, text: str, tokens: Sequence[Token], index: int, end: int) -> tuple[str, str] | None:
        """What an unknown capitalised run inside a sentence is: a street or landmark ("Kerklaan",
        "Noordstation"), a place (a world city, or after "in", "naar", "uit") or a person; nothing
        after an article ("de Knesset", "het Sfinks-festival": names of people take none), nor a
        single word of the language in no name list ("Wereldoorlog", "Landschappen")."""
        lex = self.lexicon
        run = tokens[index:end]
        if any(lex.has_suffix(t.key, lex.street_words) for t in run):
            return LOCATION, "street or landmark"
        key = place_key(text[run[0].start : run[-1].end])
        if key in self.world_places or any(place_key(t.text) in self.places for t in run if t.is_word):
            return LOCATION, "world place"
        if self._compass_place(key):
            return LOCATION, "place and compass point"
        previous = tokens[index - 1].key if index > 0 else ""
        if after_employer_cue(text, run[0].start, self.supported_language):
            return ORGANIZATION, "capitalised word after an employer cue"  # "ik werk bij Coolblue"
        if previous in lex.place_prepositions and previous not in PERSON_PREPOSITIONS:
            return LOCATION, "capitalised word after a place preposition"
        if self.WITH_PLACE_NOUNS and self._after_place_word(tokens, index):
            return LOCATION, "capitalised word after a place word"
        if self.WITH_PLACE_NOUNS and end - index == 1 and self._in_a_countrys_town(tokens, index):
            return LOCATION, "capitalised word after 'in het' and a country's adjective"  # "in het Duitse Waldkrich"
        if previous in ARTICLES or previous in lex.allow:
            return None  # "de Knesset"; "Samsung Galaxy": a product after a brand
        if self._organisation_context(tokens, index, end):
            return None
        if self._after_work_noun(tokens, index):
            return None  # "het softwareprogramma Gnutella", "het kaartspel Magic": a thing's name
        if self._after_organisation_noun(tokens, index):
            return ORGANIZATION, "capitalised word after an organisation noun"  # "het bedrijf Viangros"
        if self._after_neuter_adjective(tokens, index):
            return ORGANIZATION, "capitalised word after 'het' and an adjective"  # "het beursgenoteerde Deficom"
        if self._bracketed_after_name(tokens, index, end):
            return ORGANIZATION, "capitalised word in brackets after a name"  # "Magda Aelvoet (Agalev)"
        if all(
            (lex.is_word_form(t.key) or lex.is_mistyped_common_word(t.key)) and not lex.is_known_name(t.key)
            for t in run
        ):
            # "de Tweede Wereldoorlog", "Monumenten en Landschappen": a word, capitalised; or one
            # typed wrong ("Goedemorgen, Heebben jullie ...")
            return None
        if any(_camel_case(t.text) for t in run if t.is_word):
            return None  # "ShareZilla", "TotalFina", "SHFi": a brand's spelling, no one's name
        if place_list_key(text[run[0].start : run[-1].end]) in self.gazetteer:
            return LOCATION, "capitalised town of the gazetteer"  # "het dorpsplein van Rooborst"
        return PERSON, "capitalised word inside a sentence"

    def _before_organisation_word(self, tokens: Sequence[Token], end: int) -> bool:
        """The name ending before ``end`` is followed by a capitalised organisation word, alone or
        ending a compound: it names the organisation ("Anna Vermeer Ziekenhuis", "P.W. Janssen
        Ziekenhuis", "Prinses Máxima Centrum", "Van Ardenne Huisartsen")."""
        if not self.WITH_ORGANISATION_NOUNS or end >= len(tokens):
            return False
        following = tokens[end]
        if not following.is_word or not following.is_capitalised:
            return False
        key = following.key
        lex = self.lexicon
        # short words ("AG", "BV", "SA") only whole: "Aldag" in "Rolf Aldag" is a surname
        return key in lex.organization_words or lex.has_suffix(key, self._organisation_heads)

    def _after_organisation_noun(self, tokens: Sequence[Token], index: int) -> bool:
        """The name at ``index`` follows a lower-case noun naming a kind of organisation, alone or
        ending a compound ("het bedrijf Viangros", "oliedienstverlener Schlumberger", "de krant
        Yedioth Achronot"): a firm, paper or party, even when named like a person ("beurshuis
        Leleux" is still reported, as an organisation), or a capitalised organisation word that
        opens its name ("Bank Degroof", "Radio Roxy"). Not after a place noun: "de gemeente
        Zwalm" is a place."""
        if not self.WITH_ORGANISATION_NOUNS or index == 0:
            return False
        previous = tokens[index - 1]
        if not previous.is_word:
            return False
        key = previous.key
        lex = self.lexicon
        if _lower_compound(previous.text):
            pass  # "IT-bedrijf", "BBC-omroep": the compound's head decides, as in "bedrijf"
        elif previous.is_capitalised or previous.is_upper:
            return self._opens_organisation(previous)
        elif not previous.text.islower():
            return False
        if key in lex.person_nouns or lex.has_suffix(key, lex.person_nouns):
            return False  # "mijn schuldhulpverlener Tim van de Wijngaard": a person's job, ending like a firm's
        return key not in PLACE_NOUNS and (key in lex.organization_words or lex.has_suffix(key, lex.organization_nouns))

    def _organisation_before_place(self, tokens: Sequence[Token], index: int) -> int | None:
        """Where the organisation opens whose name ends with the listed place at ``index``, or None.

        A capitalised organisation word, right before or with "van" between ("Universiteit Gent",
        "Club Brugge", "Universiteit van Gent"); an acronym right before ("PSV Eindhoven", "AMP
        België", "ADO Den Haag"), but not a postcode's letters ("3511 AB Utrecht") nor a place's
        abbreviation ("VS"); or a lower-case organisation noun right before ("het Britse concern
        Granada", "de amateurclub Smilde"), which stays out of the span."""
        if not self.WITH_ORGANISATION_NOUNS or index == 0 or tokens[index].is_upper:
            return None
        previous = tokens[index - 1]
        if previous.key == "van" and index >= 2:
            opener = tokens[index - 2]
            if not opener.is_upper and self._opens_organisation(opener) and not self._closes_a_name(tokens, index - 2):
                return index - 2
            return None
        if not previous.is_word or not previous.is_capitalised:
            return index if self._after_organisation_noun(tokens, index) else None
        if previous.is_upper:
            return index - 1 if self._organisation_acronym(tokens, index - 1) else None
        if self._closes_a_name(tokens, index - 1):
            return None  # "het Antonius Ziekenhuis Nieuwegein": the hospital's name ends before the town
        return index - 1 if self._after_organisation_noun(tokens, index) else None

    def _opens_organisation(self, token: Token) -> bool:
        """A capitalised organisation word opening the name: "Bank Degroof", "Radio Roxy", "FC
        Antwerp", "Universiteit Gent"; not a place noun ("Gemeente Zwalm" is the place)."""
        return token.is_capitalised and token.key in self.lexicon.organization_words and token.key not in PLACE_NOUNS

    @staticmethod
    def _closes_a_name(tokens: Sequence[Token], index: int) -> bool:
        """The organisation word at ``index`` follows a capitalised word: it closes a name ("Antonius
        Ziekenhuis") rather than opening one ("Universiteit Gent")."""
        return index > 0 and tokens[index - 1].is_word and tokens[index - 1].is_capitalised

    def _organisation_acronym(self, tokens: Sequence[Token], index: int) -> bool:
        """The upper-case word at ``index`` can be a firm's or club's acronym: two to five letters,
        no word of the language, title or place, and no number before it (a postcode's letters)."""
        token = tokens[index]
        if not (2 <= len(token.text) <= MAX_FIRM_ACRONYM and token.text.isalpha()):
            return False
        if index > 0 and tokens[index - 1].text.isdigit():
            return False
        if firm_not_title(token.text):
            return True  # "ING België"
        key = token.key
        lex = self.lexicon
        return not (
            lex.is_common_word(key)
            or key in self.titles
            or place_key(token.text) in self.places
            or place_key(token.text) in self.world_places
            or key in COUNTRY_CODES
        )

    def _interfix_before_full_name(self, tokens: Sequence[Token], person: tuple[int, int, float, str]) -> bool:
        """The person parsed from a lower-case interfix ends on a listed first name, and a
        capitalised listed surname follows it: the interfix is a preposition before the first name
        and surname ("de vrouw van Kees Verbeek"), not the start of "van Kees"."""
        _, end, _, _ = person
        last, following = tokens[end - 1], tokens[end] if end < len(tokens) else None
        return (
            last.key in self.first_names
            and following is not None
            and following.is_word
            and following.is_capitalised
            and following.key in self.lexicon.surnames
        )

    def _household_plural(self, tokens: Sequence[Token], index: int) -> bool:
        """English names a household by its surname in the plural after "the": "the Smiths", "the
        Patels", "the Joneses". The stem must be a listed surname and no common word, and the plural
        no dictionary word ("the Beatles", "the greens"). A show or team named so is masked too
        ("the Simpsons"): over-masking, not a leak."""
        word = tokens[index]
        if index == 0 or tokens[index - 1].key != "the" or not word.is_capitalised or word.is_upper:
            return False
        key = word.key
        if not key.endswith("s") or len(key) < MIN_HOUSEHOLD_LETTERS:
            return False
        lex = self.lexicon
        stems = (key[:-1], key[:-2]) if key.endswith("ses") else (key[:-1],)
        return (
            any(stem in lex.surnames and not lex.is_common(stem) for stem in stems)
            and not lex.in_dictionary(key)
            and key not in lex.allow
        )

    def _saint_institution(self, tokens: Sequence[Token], index: int) -> int:
        """End of a saint's name in the possessive at ``index`` ("St Joseph's", "St. Mary's
        Primary", "St Thomas' Hospital"), with the institution words after it, or 0. English
        names schools, churches and hospitals so; no one's name is written so. Not a feast day
        ("Saint Patrick's Day")."""
        position = index + 1
        if position < len(tokens) and tokens[position].text == "." and tokens[position].start == tokens[index].end:
            position += 1
        if position >= len(tokens) or not tokens[position].is_capitalised:
            return 0
        name = tokens[position]
        if name.key.endswith(("'s", "’s")):
            position += 1
        elif (
            name.key.endswith("s")
            and position + 1 < len(tokens)
            and tokens[position + 1].text in "'’"
            and tokens[position + 1].start == name.end
        ):
            position += 2  # "St Thomas' Hospital"
        else:
            return 0
        if position < len(tokens) and tokens[position].key in FEAST_WORDS:
            return 0
        while position < len(tokens) and tokens[position].is_capitalised and tokens[position].key in INSTITUTION_WORDS:
            position += 1
        return position

    def _after_work_noun(self, tokens: Sequence[Token], index: int) -> bool:
        """The capitalised word at ``index`` follows a lower-case noun naming a kind of work, product,
        system or event, alone or ending a compound ("het softwareprogramma Gnutella", "het kaartspel
        Magic", "het BBC-programma Crimewatch", "de wedstrijd Freiburg"): it names that thing, and
        people are not written so."""
        if index == 0:
            return False
        previous = tokens[index - 1]
        if not previous.is_word or not (previous.text.islower() or _lower_compound(previous.text)):
            return False
        key = previous.key
        return key in self.lexicon.work_nouns or self.lexicon.has_suffix(key, self._work_heads)

    def _lone_capital_interfix(self, tokens: Sequence[Token], i: int) -> bool:
        """ "A" in "A de Jong", "J van Dijk": a single capital letter, an interfix, a capitalised word."""
        token = tokens[i]
        if len(token.text) != 1 or not token.text.isupper() or not tokens[i + 1].text.islower():
            return False  # "A De Beers diamond": an article and a capitalised name
        width = self._interfix_at(tokens, i + 1)
        return bool(width) and i + 1 + width < len(tokens) and tokens[i + 1 + width].is_capitalised

    def _bracketed_after_name(self, tokens: Sequence[Token], index: int, end: int) -> bool:
        """The unknown words at ``index:end`` stand alone in brackets right after a capitalised word:
        a person's party or employer, or what an acronym stands for ("Magda Aelvoet (Agalev)",
        "Sanne (Coolblue)", "Beltrace (Belgian Tracability)"), not a second person."""
        if not self.WITH_ORGANISATION_NOUNS or index < 2 or end >= len(tokens):
            return False
        before = tokens[index - 2]
        return (
            tokens[index - 1].text == "("
            and tokens[end].text == ")"
            and before.is_word
            and (before.is_capitalised or before.is_upper)
        )

    def _in_a_countrys_town(self, tokens: Sequence[Token], index: int) -> bool:
        """The name at ``index`` follows a place preposition, "het" and a country's or region's
        adjective ("in het Canadese Gander", "uit het Duitse Waldkrich"): Dutch gives a town "het",
        as it gives a firm (``_after_neuter_adjective``), but one is "in" a town and "bij" a firm."""
        if index < 3 or tokens[index - 2].key != "het" or tokens[index - 3].key not in TOWN_PREPOSITIONS:
            return False
        adjective = tokens[index - 1].key
        return self.lexicon.is_demonym(adjective) or self._place_adjective(adjective)

    def _after_neuter_adjective(self, tokens: Sequence[Token], index: int) -> bool:
        """The name at ``index`` follows "het" and one or two inflected adjectives ("het Amerikaanse
        Wal-Mart", "het linkse Labour", "het beursgenoteerde Deficom"): Dutch gives a person "de"
        ("de Amerikaanse president"), a firm, party or paper "het" (they are "het bedrijf", "het
        blad"). A diminutive is a noun ("het meisje Sarah")."""
        if not self.WITH_ORGANISATION_NOUNS:
            return False
        position = index - 1
        for _ in range(MAX_NEUTER_ADJECTIVES):
            if position < 1:
                return False
            word = tokens[position]
            key = word.key
            if not word.is_word or not key.endswith("e") or key.endswith("je") or len(key) < MIN_ADJECTIVE:
                return False
            if not (word.text.islower() or self.lexicon.is_adjective(key)):
                return False
            position -= 1
            if tokens[position].key == "het":
                return True
        return False

    def _organisation_context(self, tokens: Sequence[Token], index: int, end: int) -> bool:
        """An organisation by what surrounds the run: an organisation word right after it ("Omega
        Pharma", "Metro AG"), an ampersand ("Lernout & Hauspie", "L & H"), or its acronym in
        brackets after it ("Militaire Inlichtingendienst (MID)")."""
        nxt = tokens[end] if end < len(tokens) else None
        if self._before_organisation_word(tokens, end):
            return True
        if (index > 0 and tokens[index - 1].text == "&") or (nxt is not None and nxt.text == "&"):
            return True
        words = [t for t in tokens[index:end] if t.is_word]
        if len(words) >= 2 and end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
            acronym = tokens[end + 1].text
            initials = "".join(w.text[0] for w in words)
            return acronym.isupper() and acronym.startswith(initials.upper())
        return False

    def _capitalised_interfix(self, text: str, tokens: Sequence[Token], i: int, width: int) -> bool:
        """A capitalised interfix and a capitalised surname: "Van Diepenbeek" or "De Prins" inside a
        sentence (Dutch writes "van", "de" in lower case there unless they open a surname), or a
        two-word interfix anywhere before a listed surname ("Van der Voort")."""
        first = tokens[i]
        candidate = tokens[i + width]
        if not first.text[0].isupper() or first.is_upper or not candidate.is_capitalised or candidate.is_upper:
            return False
        if self.lexicon.is_adjective(candidate.key) or self._compound_noun(candidate):
            return False
        listed = candidate.key in self.interfix_surnames or self._known_surname(candidate, after_interfix=True)
        if sentence_initial(text, first.start):
            return width > 1 and listed
        return listed or self._is_name_word(candidate) or place_key(candidate.text) in self.places

    def _lower_surname(self, token: Token, particle: Token) -> bool:
        """A lower-case word that may be a surname after a title and a particle: listed after an
        interfix ("wilde"), or no common or dictionary word of the language ("veen", "susa"; not
        "enfants" in "le juge des enfants"), nor after "le", "la" one typed wrong ("madame le
        csque"; Dutch surnames after "de", "van" are words with a letter more: "de vroege")."""
        if not token.is_word or not token.text.islower() or len(token.text) < 2:
            return False
        key = token.key
        lex = self.lexicon
        if key in lex.stop_words or key in lex.allow or key in self.titles:
            return False
        if key in self.interfix_surnames:
            return True
        if lex.is_common(key) or lex.in_dictionary(key):
            return False
        return particle.key not in NOUN_ARTICLES or not lex.is_mistyped_word(key)

    def _not_a_name(self, token: Token) -> bool:
        """Words in a name list that are something else here: a compound noun ("Mossad-baas"), a
        demonym ("Fransen") or a function ("Burgemeester", "Kapitein")."""
        key = token.key
        lex = self.lexicon
        return self._compound_noun(token) or lex.is_demonym(key) or key in lex.person_nouns

    def _known_first(self, token: Token) -> bool:
        if not token.is_capitalised or (token.is_upper and len(token.text) <= 3) or self._not_a_name(token):
            return False
        parts = token.key.split("-")
        key = token.key
        return (
            all(p in self.first_names for p in parts)
            and not self.lexicon.is_common(key)
            and key not in self.lexicon.places
        )

    def _interfix_surname_at(self, tokens: Sequence[Token], index: int) -> bool:
        """An interfix and a listed interfix surname start at ``index`` ("de Vries", "van Dijk")."""
        width = self._interfix_at(tokens, index) if index < len(tokens) else 0
        if not width or index + width >= len(tokens):
            return False
        surname = tokens[index + width]
        return (
            surname.is_capitalised
            and self._double_surname_head(surname) in self.interfix_surnames
            and place_key(surname.text) not in self.world_places  # "Zomer van Antwerpen": a festival
        )

    def _word_surname_after_interfix(self, tokens: Sequence[Token], index: int) -> bool:
        """A lower-case interfix, then a capitalised word of the language that no list holds as a
        surname ("de Grote", "van Kasteel"), after a first name: Dutch writes a noun or an adjective in
        lower case, so with its capital it is the surname ("Mark de Grote"); not a function, title,
        date or person word, a demonym, nor a place."""
        width = self._interfix_at(tokens, index) if index < len(tokens) else 0
        if not width or index + width >= len(tokens) or not tokens[index].text.islower():
            return False
        word = tokens[index + width]
        key = word.key
        lex = self.lexicon
        return (
            word.title_case_word(MIN_WORD_SURNAME)
            and "-" not in key
            and key not in lex.function_words
            and key not in lex.stop_words
            and key not in self.titles
            and key not in lex.date_words
            and key not in lex.person_nouns
            and not lex.is_adjective(key)
            and place_key(word.text) not in self.places
            and place_key(word.text) not in self.world_places
        )

    def _word_first_name(self, token: Token) -> bool:
        """A capitalised listed first name that is also a common word ("Noël", "Rose", "Will") or a
        demonym ("Noor", "Frans", "Finn": a Norwegian, French, a Finn), or one the lists leave out
        for being a word ("Elke", "Erna"): a name only before a surname."""
        key = token.key
        first_names = self.first_names
        if (
            key not in first_names
            and key not in self.lexicon.word_first_names
            and ("-" not in key or not all(p in first_names for p in key.split("-")))
        ):
            return False  # the lists first: most words are in none
        if not token.is_capitalised or token.is_upper:
            return False
        lex = self.lexicon
        return (
            not self._compound_noun(token)
            and key not in lex.person_nouns
            and (lex.is_common(key) or key in lex.word_first_names or lex.is_demonym(key))
            and key not in lex.places
            and key not in lex.greetings  # "Hoi Wouter": a greeting first
            and key not in lex.titles
            and key not in lex.stop_words
        )

    def _place_first_name(self, token: Token) -> bool:
        """A capitalised listed first name left out of ``_known_first`` for being a listed place
        ("Mark", "Roy"), and no word, greeting, title or stop word."""
        key = token.key
        lex = self.lexicon
        return (
            token.is_capitalised
            and not token.is_upper
            and key in self.first_names
            and key in lex.places
            and not self._not_a_name(token)
            and not lex.is_common(key)
            and key not in lex.greetings
            and key not in lex.titles
            and key not in lex.stop_words
        )

    def _surname_after_place_first_name(self, token: Token) -> bool:
        """After a first name that is also a place: a listed surname, or an unknown capitalised word
        that is no place and no word of the language ("Mark Spitz"; not "Mark Centrum")."""
        if self._known_surname(token, after_interfix=False):
            return True
        key = token.key
        lex = self.lexicon
        return (
            self._is_name_word(token)
            and not token.is_upper
            and key not in lex.places
            and place_key(token.text) not in self.world_places
            and not lex.is_word_form(key)
        )

    def _known_surname(self, token: Token, after_interfix: bool) -> bool:
        if not token.is_capitalised or self._not_a_name(token):
            return False
        pool = self.interfix_surnames if after_interfix else self.surnames
        parts = token.key.split("-")
        key = token.key
        return any(p in pool for p in parts) and not self.lexicon.is_common(key) and key not in self.lexicon.places

    def _surname_interfix_before(self, tokens: Sequence[Token], index: int) -> int | None:
        """Index of a "van der" (or "v/d", "v.d.", "vd") that ends right before ``index``: Dutch
        puts it before surnames only, never before a town ("van der Sluis", but "van Sluis" may be
        "from Sluis" and "van den Bosch" hides "Den Bosch")."""
        for width in (4, 3, 2, 1):  # "v.d." is four tokens, "v / d" three, "van der" two, "vd" one
            start = index - width
            if start >= 0 and self._interfix_at(tokens, start) == width:
                words = tokens[start:index]
                if "".join(t.key for t in words).replace(".", "") in _SURNAME_ONLY_INTERFIXES:
                    return start
        return None

    def _interfix_at(self, tokens: Sequence[Token], index: int) -> int:
        """Number of tokens of an interfix ("van", "van der", "v.d.") starting at ``index``, or 0."""
        if index >= len(tokens) or tokens[index].key not in self.interfix_heads:
            return 0
        for width in range(min(self.max_interfix * 2, len(tokens) - index), 0, -1):
            pieces = tokens[index : index + width]
            if any(not (p.is_word or p.text in "./'") for p in pieces):
                continue
            # the pieces as typed: a space where the text has one ("van der"), none where they are
            # glued ("v.d.", "v/d"); a dot or slash glued on ("v. d" is no key, "v.d." is)
            key = "".join(
                " " + p.key if i and p.start > pieces[i - 1].end and p.text not in "./" else p.key
                for i, p in enumerate(pieces)
            )
            if key in self.interfixes and pieces[-1].end - pieces[0].start <= 12:
                return width
        return 0

    def _lower_case_pair(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int, float, str] | None:
        """Chat writes names in lower case: "jan jansen", "marie dupont" (a known first name and a
        known surname, neither a common word)."""
        lex = self.lexicon
        if index + 1 >= len(tokens):
            return None
        first, last = tokens[index], tokens[index + 1]
        initial = len(last.text) == 1 and last.text.isalpha() and index + 2 < len(tokens)
        if initial and text[first.end : last.start] == " " and text[last.end : tokens[index + 2].start] == " ":
            pair = self._lower_case_pair(text, [first, tokens[index + 2]], 0)  # "benjamin a seiler"
            return None if pair is None else (index, index + 3, pair[2], "known first name, initial and surname")
        if not (first.is_word and last.is_word and first.text.islower() and last.text.islower()):
            return None
        if first.key in self.first_names and last.key in self.interfix_heads:
            with_interfix = self._lower_case_interfix_name(text, tokens, index)
            if with_interfix is not None:
                return with_interfix
        if first.key not in self.first_names or last.key not in self.surnames:
            return None  # the rarest condition first: most word pairs are no known names
        if lex.is_common(first.key) or lex.is_common(last.key) or first.key in lex.places:
            return None
        if last.key in lex.particles or first.key in lex.particles:
            return None  # "eliza le grand": "le" opens the surname, it is not one
        if last.key in lex.name_verbs or last.key in lex.after_cues:
            return None  # "priya said it would be refunded": the name, then its verb ("Said" is a surname too)
        if last.key in lex.places and place_key(last.text) in self.world_places:
            return None  # "jan amsterdam": a name and a city; "amira rutten": Rutten is a village too
        return index, index + 2, self.LOWER_CASE_PAIR_SCORE, "known first name and surname, lower case"

    def _lower_case_interfix_name(
        self, text: str, tokens: Sequence[Token], index: int
    ) -> tuple[int, int, float, str] | None:
        """ "lotte de jong", "anne van den berg": a known first name, an interfix and a surname the
        lists know after one, all in lower case on one line. The surname may be a word ("jong",
        "boer", "berg"): after a first name and an interfix it is a surname."""
        lex = self.lexicon
        first = tokens[index]
        if lex.is_common(first.key) or first.key in lex.places or first.key in lex.particles:
            return None
        width = self._interfix_at(tokens, index + 1)
        end = index + 1 + width
        if not width or end >= len(tokens):
            return None
        last = tokens[end]
        if not (last.is_word and last.text.islower() and last.key in self.interfix_surnames):
            return None
        if any(not t.text.islower() for t in tokens[index + 1 : end]) or "\n" in text[first.start : last.end]:
            return None
        if last.key in lex.name_verbs or last.key in lex.after_cues:
            return None
        return index, end + 1, self.LOWER_CASE_PAIR_SCORE, "known first name, interfix and surname, lower case"

    def _person(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, int, float, str] | None:
        if not tokens[index].is_capitalised:
            pair = self._lower_case_pair(text, tokens, index)
            if pair is not None:
                return pair
            if tokens[index].key not in self.titles and tokens[index].key not in self.interfix_heads:
                return None  # a lower-case name only starts with a title or an interfix
        parse = _Parse()
        words_not_a_name = False
        i = index
        # a name never spans two lines, nor runs into a code ("M. Pascal FR76 …")
        n = _code_start(text, tokens, index, _line_end(text, tokens, index))
        # titles: "dhr.", "mevr.", "Prof. Dr."
        while i < n and tokens[i].key in self.titles:
            if firm_not_title(tokens[i].text) and not (i + 1 < n and tokens[i + 1].text == "."):
                break  # "ING België": the bank
            if parse.title and len(tokens[i].text) == 1 and tokens[i].text.isupper():
                break  # "Mlle M.": after a title, a lone capital is an initial, not "M." again
            parse.title = True
            i += 1
            if i < n and tokens[i].text == "." and tokens[i].start == tokens[i - 1].end:
                i += 1
        if parse.title and i == index:
            return None
        # a first name before a middle initial: "Szabina J Gelencsér", "Faina D. Yefremova"
        if (
            not parse.title
            and i + 2 < n
            and self._is_name_word(tokens[i])
            and not tokens[i].is_upper
            and tokens[i + 1].key not in self.titles  # "Dear Ms. Kunze": "Ms." is a title, not an initial
            and (_initial(tokens, i + 1) or _lone_capital(tokens, i + 1))
        ):
            parse.first_known += 1
            i += 1
        # initials: "J.", "A.B.C.", "Th.", or a lone capital before a surname ("A Visser")
        while i + 1 < n and parse.initials < MAX_INITIALS and _initial(tokens, i):
            parse.initials += 1
            i += 2
        if parse.initials == 0 and i + 1 < n and (_lone_capital(tokens, i) or self._lone_capital_interfix(tokens, i)):
            parse.initials = 1
            i += 1
            while (
                i + 1 < n
                and parse.initials < MAX_INITIALS
                and (_lone_capital(tokens, i) or self._lone_capital_interfix(tokens, i))
            ):
                parse.initials += 1  # "Mr A J Patel": initials without their dots
                i += 1
        # the first name the initials stand for, in brackets: "W. (Wim) de Bruijn"
        if (
            parse.initials
            and i + 3 < n
            and tokens[i].text == "("
            and tokens[i + 1].key in self.first_names
            and tokens[i + 2].text == ")"
        ):
            i += 3
        # first names
        first_start = i
        while i < n and parse.initials == 0 and self._known_first(tokens[i]) and i - first_start < 3:
            parse.first_known += 1
            i += 1
        if (
            i == first_start
            and parse.initials == 0
            and i + 1 < n
            and self._word_first_name(tokens[i])
            and (self._known_surname(tokens[i + 1], after_interfix=False) or self._interfix_surname_at(tokens, i + 1))
            # "Hoe Lang Duurt De Levering?": every word has a capital
            and not _title_cased(tokens, self._function_words)
            and not (i > 0 and tokens[i - 1].key in ARTICLES and self.lexicon.is_demonym(tokens[i].key))
        ):
            # "Noël Dupont", "Rose Lefebvre", "Ernst de Vries", "Noor Peeters": a first name that is
            # also a word or a demonym, before a surname ("de Noor Solberg" is the Norwegian)
            parse.first_known = 1
            parse.first_is_word = True
            i += 1
        elif (
            i == first_start
            and parse.initials == 0
            and i + 1 < n
            and self._place_first_name(tokens[i])
            and (
                self._surname_after_place_first_name(tokens[i + 1])
                or self._interfix_surname_at(tokens, i + 1)
                or self._word_surname_after_interfix(tokens, i + 1)
            )
            and not _title_cased(tokens, self._function_words)
        ):
            # "Mark Janssen", "Roy Whiting": a first name that is also a place (Mark, Roy), before a
            # surname; read as the place, the first name alone went out with the place's policy
            parse.first_known = 1
            parse.first_is_place = True
            i += 1
        # a surname of two words or more, the first no interfix: "Oude Nijhuis", "Bruins Slot"
        multi = self._multi_word_surname(
            tokens, i, n, after_name=bool(parse.title or parse.initials or parse.first_known)
        )
        if multi:
            parse.surname_known = True
            parse.surname_any = True
            i += multi
        # interfix + surname
        width = (
            self._interfix_at(tokens, i) if i < n and not multi and not self._town_after_te(tokens, i, n, parse) else 0
        )
        if width and i + width < n and (parse.title or parse.initials or parse.first_known or i == index):
            candidate = tokens[i + width]
            bare = i == index  # "de Vries" with nothing before: only a known surname, never a place
            known = self._known_surname(candidate, after_interfix=True)
            # after a first name, title or initials, "van der Berg", "de Wit": common words are surnames too
            head = self._double_surname_head(candidate)
            listed = not bare and candidate.is_capitalised and head in self.interfix_surnames
            # a title is a strong cue: "meneer van de veen", "mevrouw de wilde" in chat's lower case
            lower_titled = parse.title and self._lower_surname(candidate, tokens[i + width - 1])
            if (
                bare
                and self._capitalised_interfix(text, tokens, i, width)
                and not _title_cased(tokens, self._function_words)
            ):
                # "aldus Van Diepenbeek", "begon De Prins": inside a sentence, a capitalised
                # interfix is part of a surname, whatever the word after it (a place, a word)
                parse.interfix = True
                parse.surname_known = True
                parse.surname_any = True
                i += width + 1
            elif bare and (
                self._surname_in_capitals(text, tokens, i, width) or self._de_and_listed_surname(tokens, i, width)
            ):
                # "Mvg VAN VOORHOUT Noah": a form's surname in capitals, its interfix too; "de Vries,
                # Jan": the commonest Dutch surname, though Vries is a village too
                parse.interfix = True
                parse.surname_known = True
                parse.surname_any = True
                i += width + 1
            elif bare and (not known or place_key(candidate.text) in self.places):
                pass
            elif (
                self._is_name_word(candidate)
                or known
                or listed
                or lower_titled
                # "Jan de Grote": after a first name, a capitalised word of the language
                or (parse.first_known and self._word_surname_after_interfix(tokens, i))
            ):
                parse.interfix = True
                parse.surname_known = known or listed
                parse.surname_any = True
                i += width + 1
        elif (
            not multi
            and i < n
            and (
                self._is_name_word(tokens[i], typos=not parse.title)
                or self._known_surname(tokens[i], False)
                or ((parse.title or parse.initials or parse.first_known) and self._surname_after_name(tokens[i]))
                or (parse.first_known and self._word_surname(tokens[i]))
                or ((parse.first_known or parse.initials) and self._surname_also_a_brand(tokens[i]))
            )
            and not (parse.initials and not parse.title and not parse.first_known and self._heading_word(tokens[i]))
            # a closing typed wrong is no surname ("Valentin Meci": "merci")
            and not self.lexicon.is_slipped_closing(tokens[i].key)
            # remembered: such a first name does not stand alone either ("Sky" of "Sky Sports")
            and not (
                words_not_a_name := (
                    parse.first_known == 1
                    and not (parse.title or parse.initials)
                    and self._words_not_a_name(tokens[first_start], tokens[i])
                )
            )
        ):
            if parse.title or parse.initials or parse.first_known:
                parse.surname_known = self._known_surname(tokens[i], after_interfix=False)
                parse.surname_any = True
                i += 1
            elif self._known_surname(tokens[i], after_interfix=False):
                parse.surname_known = True
                parse.surname_any = True
                i += 1
        if parse.surname_any and i < n:
            i = self._double_surname(tokens, i)
        if parse.first_known and parse.surname_known and i < n:
            i = self._second_surname(text, tokens, i, n)
        if i == index:
            return None
        if parse.title and parse.initials and not parse.surname_any and not parse.first_known:
            # "Mme G.", "mevr. K.", "Mrs K.": a person written with a title and initials only
            return index, i, self.TITLED_INITIALS_SCORE, "title and initials"
        if (parse.title or parse.initials) and not parse.surname_any and not parse.first_known:
            return None
        if brand_plus_after(text, tokens[i - 1].end):
            return None  # "Canal+", "Disney+": a brand's name
        if words_not_a_name and not parse.surname_any:
            return None  # "Sky Sports": not "Sky" alone either
        score, why = self._score_person(parse)
        if score <= 0:
            return None
        first = tokens[index]
        if (
            i - index == 1
            and not (parse.title or parse.initials)
            and first.is_upper
            and len(first.text) <= self.MAX_ACRONYM
        ):
            return None  # "(VU)", "HILL": an acronym or a shouted word, not a lone name
        if i - index == 1 and self.lexicon.in_dictionary(first.key):
            score = min(score, self.DICTIONARY_SINGLE_SCORE)  # "Pouvez", "Bonne": words first
        if not (parse.title or parse.initials) and sentence_initial(text, first.start):
            single = i - index == 1
            if single:
                score -= self.SENTENCE_START_PENALTY
        return index, i, round(score, 2), why

    def _words_not_a_name(self, first: Token, following: Token) -> bool:
        """``NameLexicon.brand_like_pair`` ("Sky Sports"), the surname checked as the lists check one."""
        return self.lexicon.brand_like_pair(first.key, following.key) and not self._known_surname(
            following, after_interfix=False
        )

    def _heading_word(self, token: Token) -> bool:
        """A word of the language, in no surname list, after a lone initial: the title of a
        numbered heading ("B. Imposition du régime", "C. L'appel contre l'ordonnance"), not a
        surname ("J. Martin"; "J. D'Amico": an elided article before no word of the language)."""
        if self._known_surname(token, after_interfix=False):
            return False
        key = token.key
        head, apostrophe, rest = key.partition("'")
        if apostrophe and len(head) == 1:
            key = rest  # "l'appel", "d'Amico"
        return bool(key) and self.lexicon.in_dictionary(key)

    def _name_after_interfix(self, token: Token) -> bool:
        """A surname after a particle: a name word, or a listed one even when it is a common word
        ("van der Meer", "van den Berg")."""
        return self._is_name_word(token) or (
            token.is_capitalised and self._double_surname_head(token) in self.interfix_surnames
        )

    def _double_surname_head(self, token: Token) -> str:
        """The first surname of a double one the tokenizer keeps with the next particle ("berg" of
        "Berg-de" in "van den Berg-de Vries"), else the token's key: "Berg" is a common word, listed
        as a surname after a particle, and "berg-de" is in no list."""
        head, _, tail = token.key.rpartition("-")
        return head if head and tail in self.interfixes else token.key

    def _town_after_te(self, tokens: Sequence[Token], i: int, n: int, parse: _Parse) -> bool:
        """``tokens[i]`` is a lower-case "te" before a capitalised listed place, after a title,
        initials or two first names: Dutch "in" before the town ("mevrouw Jansen te Utrecht"), not
        a surname's particle ("Jan te Velde", "mevrouw Ria te Velde": no places)."""
        if tokens[i].text != "te" or i + 1 >= n or not tokens[i + 1].is_capitalised:
            return False
        if place_key(tokens[i + 1].text) not in self.places:
            return False
        return parse.title or bool(parse.initials) or parse.first_known >= 2

    def _multi_word_surname(self, tokens: Sequence[Token], i: int, n: int, after_name: bool) -> int:
        """How many words from ``i`` (before ``n``) make a surname of several words whose first word
        is a word of the language, or 0: a listed one ("Bruins Slot", "Groot Wassink", "Huis in 't
        Veld"), first and last word capitalised; after a first name, title or initials, "Oude" or
        "Olde" and a capitalised name word ("Pieter Oude Nijhuis", "mevrouw Olde Bennink")."""
        if i + 1 >= n or not tokens[i].is_capitalised:
            return 0
        for words in self._multi_surnames.get(tokens[i].key, ()):
            end = i + len(words)
            if (
                end <= n
                and tuple(t.key for t in tokens[i:end]) == words
                and tokens[end - 1].is_capitalised
                and all(t.is_word for t in tokens[i:end])
            ):
                return len(words)
        if after_name and tokens[i].key in OLD_SURNAME_PREFIXES and tokens[i + 1].is_capitalised:
            following = tokens[i + 1]
            if self._is_name_word(following) or self._known_surname(following, after_interfix=False):
                return 2
        return 0

    def _double_surname(self, tokens: Sequence[Token], i: int) -> int:
        """Extend over "-de Jong" in "Visser-de Jong" and "-van der Meulen" in "Jansen-van der Meulen"
        (the hyphen glued to the first surname)."""
        last = tokens[i - 1].key
        tail = last.rsplit("-", 1)[1] if "-" in last else ""
        if tail in self.interfixes and tokens[i].is_capitalised:
            return i + 1  # the tokenizer keeps "Visser-de" together: take "Jong" too
        if tail in self.interfix_heads:
            # "Jansen-van der Meulen": the glued "van" opens an interfix the next words finish
            end = i
            while end < len(tokens) and end - i < self.max_interfix and tokens[end].is_word:
                if tokens[end].is_capitalised:
                    break
                end += 1
            words = " ".join([tail, *(t.key for t in tokens[i:end])])
            if end > i and words in self.interfixes and end < len(tokens) and self._name_after_interfix(tokens[end]):
                return end + 1
        if tokens[i].text == "-" and tokens[i].start == tokens[i - 1].end and i + 1 < len(tokens):
            width = self._interfix_at(tokens, i + 1)
            nxt = i + 1 + width
            if nxt < len(tokens) and self._is_name_word(tokens[nxt]):
                return nxt + 1
        return i

    def _second_surname(self, text: str, tokens: Sequence[Token], i: int, n: int) -> int:
        """Extend a first name and a known surname over a second known surname written without a
        hyphen, as Belgian and Spanish double names often are ("Anaïs Gallez Noel", "Lode Renders
        Lievens", "Laura Gielen De Coninck"): the word (or a capitalised interfix and the word) must
        be a known surname, capitalised, no place and no common word, one space after the first."""
        if text[tokens[i - 1].end : tokens[i].start] != " ":
            return i
        width = self._interfix_at(tokens, i) if tokens[i].text[:1].isupper() else 0
        j = i + width
        if j >= n or (width and text[tokens[j - 1].end : tokens[j].start] != " "):
            return i
        candidate = tokens[j]
        if (
            candidate.is_capitalised
            and not candidate.is_upper
            and self._known_surname(candidate, after_interfix=bool(width))
            and place_key(candidate.text) not in self.places
            and not self.lexicon.is_common(candidate.key)
        ):
            return j + 1
        return i

    def _score_person(self, parse: _Parse) -> tuple[float, str]:
        if parse.surname_any and (parse.title or parse.initials):
            return self.TITLED_SCORE, "title or initials and surname"
        if parse.first_is_word:
            return self.FIRST_PLUS_CAPITALISED_SCORE, "first name that is a word too, and surname"
        if parse.first_is_place:
            # scored as a titled name so that it outranks the place its first name is ("Mark")
            return self.TITLED_SCORE, "first name that is a place too, and surname"
        if parse.first_known and parse.surname_known:
            return self.FULL_NAME_SCORE, "known first name and surname"
        if parse.first_known and parse.interfix:
            return self.TITLED_SCORE, "first name, interfix and surname"
        if parse.first_known and parse.surname_any:
            return self.FIRST_PLUS_CAPITALISED_SCORE, "known first name and capitalised word"
        if parse.interfix and parse.surname_known:
            return self.INTERFIX_SURNAME_SCORE, "interfix and surname"
        if parse.first_known:
            return self.FIRST_NAME_ALONE_SCORE, "known first name"
        if parse.surname_known:
            return self.SURNAME_ALONE_SCORE, "known surname"
        return 0.0, ""

    def _capitalised_run(self, text: str, tokens: Sequence[Token], index: int) -> int:
        """End of a run of capitalised, uncommon words that does not start a sentence, or ``index``."""
        first = tokens[index]
        if sentence_initial(text, first.start) or not self._is_name_word(first):
            return index
        if first.is_upper and len(first.text) <= self.MAX_ACRONYM:
            return index  # acronyms and shouting: "GTA", "NIET"
        end = index + 1
        while end < len(tokens) and end - index < MAX_PLACE_TOKENS:
            width = self._interfix_at(tokens, end)
            nxt = end + width
            if (
                width
                and tokens[end].key in self.lexicon.place_prepositions
                and nxt < len(tokens)
                and place_key(tokens[nxt].text) in self.places
            ):
                break  # "het Radboudumc te Nijmegen": the town after "te" is a place of its own
            if (
                nxt < len(tokens)
                and self._is_name_word(tokens[nxt])
                and not text[tokens[end - 1].end : tokens[nxt].start].count("\n")
            ):
                end = nxt + 1
            else:
                break
        return end

    # ----------------------------------------------------------------------------------------
    # places

    def _place(self, text: str, tokens: Sequence[Token], index: int) -> tuple[int, float] | None:
        first = tokens[index]
        lower = not first.is_capitalised or self._article_opening_sentence(text, tokens, index)
        if lower and not (index > 0 and tokens[index - 1].key in self.lexicon.place_prepositions):
            return None  # lower case only after "in", "naar", "to": "ik woon in amsterdam"
        if lower and first.key in self.lexicon.organization_words:
            return None  # "inscrit au collège Pierre Mendès France": an institution's noun, not College (Alaska)
        head = place_key(first.text).split(" ", 1)[0]
        if head not in self.place_heads:
            if place_list_key(first.text).split(" ", 1)[0] in self.gazetteer_heads:
                if lower:
                    return self._gazetteer_town(text, tokens, index)
                if self._after_strong_place_preposition(text, tokens, index):
                    return self._gazetteer_town(text, tokens, index, capitalised=True)
            return None  # most capitalised words open no listed place: one lookup, not five
        for width in range(min(MAX_PLACE_TOKENS, len(tokens) - index), 0, -1):
            pieces = tokens[index : index + width]
            if not pieces[-1].is_word:
                continue
            if any(not (p.is_word or p.text == "-") for p in pieces):
                continue
            key = place_key(text[first.start : pieces[-1].end])
            if key not in self.places:
                continue
            if (
                width == 1
                and self.lexicon.is_common(strip_accents(first.key))
                and not first.is_upper
                and not self._capitalised_after_place_preposition(text, tokens, index)
            ):
                return None  # "Eén personeelslid", "Méér": a word stressed with accents, not Een or Meer
            if not first.is_capitalised and self.lexicon.is_common(pieces[-1].key):
                return None
            if (
                width == 1
                and not first.is_capitalised
                and self.lexicon.in_dictionary(first.key)
                and tokens[index - 1].key not in STRONG_PLACE_PREPOSITIONS
            ):
                return None  # "ma carte de bus": a word after a weak preposition, not the town of Bus
            if width == 1 and not first.is_capitalised and self._infinitive_after_te(tokens, index):
                return None
            return index + width, self.PLACE_SCORE
        return None

    def _gazetteer_town(
        self, text: str, tokens: Sequence[Token], index: int, capitalised: bool = False
    ) -> tuple[int, float] | None:
        """A GeoNames town after a place preposition, one to ``MAX_PLACE_TOKENS`` words, and no
        organisation word closely after it ("from stillwater supercomputing inc": a firm).

        In lower case (any place preposition: "stuck in harrogate", "bloqué à vierzon"), none of
        its words a common word, a person's name or, for a place under ``TOWN_FLOOR`` inhabitants,
        a dictionary word ("in stock", "to jackson" stay a word and a person; "à rodez" is a town).
        Written with capitals (``capitalised``, after a strong place preposition: "stuck in
        Penzance", "we met in Stavanger", which the curated lists and the model may both miss),
        none a common word or a month or weekday, a dictionary word or a person's name only for a
        town of ``TOWN_FLOOR`` or more ("in Reading", "in Preston")."""
        memo = self._capitalised_gazetteer_memo if capitalised else self._gazetteer_memo
        for width in range(min(MAX_PLACE_TOKENS, len(tokens) - index), 0, -1):
            pieces = tokens[index : index + width]
            words = [p for p in pieces if p.is_word and p.key not in self.interfixes]
            if not pieces[-1].is_word or any(not (p.is_word or p.text == "-") for p in pieces):
                continue
            if any(p.is_capitalised != capitalised for p in (words if capitalised else pieces)):
                continue
            key = place_list_key(text[pieces[0].start : pieces[-1].end])
            if key not in self.gazetteer:
                continue
            known = memo.get(key)
            if known is None:
                known = memo.remember(key, self._town_words_stand(key, words, capitalised))
            if not known or any(
                t.key in self.lexicon.organization_words for t in tokens[index + width : index + width + 3]
            ):
                return None
            return index + width, self.PLACE_SCORE
        return None

    def _town_words_stand(self, key: str, words: Sequence[Token], capitalised: bool) -> bool:
        """``_gazetteer_town``'s verdict on a town's words. 10,000 inhabitants or more: a dictionary
        word too ("à rodez"); in English, whose dictionary holds its towns' names, only a name rare in
        lower case ("in kettering", not "in reading mode": ``place_gazetteer.RARE_LOWERCASE_LOGPROB``)."""
        lex = self.lexicon
        town = key in self.gazetteer_towns
        if capitalised:
            return not any(
                lex.is_common(w.key)
                or w.key in lex.date_words
                or ((lex.in_dictionary(w.key) or lex.is_known_name(w.key)) and not town)
                for w in words
            )
        return not any(
            lex.is_common(w.key) or (lex.in_dictionary(w.key) and not town) or lex.is_known_name(w.key) for w in words
        )

    def _after_strong_place_preposition(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` follows, inside a sentence, a preposition that introduces places rather
        than people ("in", "near", "naar", "à"; not "to", "from", "bij": "spoke to Jackson")."""
        if index == 0 or sentence_initial(text, tokens[index].start):
            return False
        previous = tokens[index - 1].key
        return previous in STRONG_PLACE_PREPOSITIONS and previous in self.lexicon.place_prepositions

    def _capitalised_after_place_preposition(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """A capitalised word inside a sentence after "in", "naar", "te": the place ("geboren te
        Leiden", "naar Wenen"), even though the word is a common one too (leiden, wenen)."""
        token = tokens[index]
        previous = tokens[index - 1].key if index > 0 else ""
        return (
            token.is_capitalised
            and previous in self.lexicon.place_prepositions
            and previous not in PERSON_PREPOSITIONS
            and not sentence_initial(text, token.start)
        )

    def _article_opening_sentence(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """An article capitalised only because it opens the sentence, before a word in lower case:
        "De groep concerteert", "De hoeve maakt deel uit" are the words, not De Groep or De Hoeve."""
        return (
            tokens[index].key in ARTICLES
            and index + 1 < len(tokens)
            and tokens[index + 1].is_word
            and not tokens[index + 1].is_capitalised
            and sentence_initial(text, tokens[index].start)
        )

    def _infinitive_after_te(self, tokens: Sequence[Token], index: int) -> bool:
        """ "te" and a verb in lower case: an infinitive ("om het te melden", "om te landen"), not a
        place that is a verb too (Melden, Landen); "geboren te Leiden" has its capital."""
        return index > 0 and tokens[index - 1].key == "te" and tokens[index].key in self.lexicon.verbs

    def _place_stands(self, text: str, token: Token, end: int, nlp_artifacts: NlpArtifacts | None) -> bool:
        """Whether a capitalised place found from the lists is reported (always, in Dutch: there
        is no NER to read the sentence)."""
        return True

    def _result(self, entity_type: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
        result = make_result(self, entity_type, start, end, score, why)
        if entity_type != PERSON:
            # the context words ("naam", "meneer") announce a person: they must not raise a place
            # ("op naam van Melle van Dommelen") above the person it is part of
            result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return result


_DIGIT = re.compile(r"[0-9]")


def _code_start(text: str, tokens: Sequence[Token], index: int, end: int) -> int:
    """Index of the first word after ``index`` (before ``end``) glued to digits after it, where a
    code starts ("M. Pascal FR76 5921 ...": "FR" opens the IBAN, no surname); ``end`` if none.
    One C-level search first: most names have no digit after them."""
    if end <= index + 1 or _DIGIT.search(text, tokens[index].end, tokens[end - 1].end + 1) is None:
        return end
    for j in range(index + 1, end):
        token = tokens[j]
        if token.is_word and text[token.end : token.end + 1].isdigit():
            return j
    return end


def _line_end(text: str, tokens: Sequence[Token], index: int, limit: int = 12) -> int:
    """Index of the first token after ``index`` that starts a new line (at most ``limit`` ahead)."""
    end = min(len(tokens), index + limit)
    if text.find("\n", tokens[index].end) < 0:
        return end  # no line break after the token (most chat messages have none)
    for j in range(index + 1, end):
        if "\n" in text[tokens[j - 1].end : tokens[j].start]:
            return j
    return end


def _initial(tokens: Sequence[Token], i: int) -> bool:
    """ "J." / "Th.": one or two letters, capitalised, with a glued dot."""
    token = tokens[i]
    return (
        token.is_word
        and token.is_capitalised
        and len(token.text) <= 2
        and (len(token.text) == 1 or token.text[1].islower())
        and tokens[i + 1].text == "."
        and tokens[i + 1].start == token.end
    )


def _lone_capital(tokens: Sequence[Token], i: int) -> bool:
    """ "A" in "A Visser": a single capital letter followed by a capitalised word."""
    token = tokens[i]
    nxt = tokens[i + 1]
    return len(token.text) == 1 and token.text.isupper() and nxt.is_word and nxt.is_capitalised


def _lower_compound(text: str) -> bool:
    """A hyphenated compound whose head is in lower case ("IT-bedrijf", "BBC-programma"): a common
    noun, though it starts with a capital."""
    head = text.rpartition("-")[2]
    return bool(head) and head != text and head.islower()


#: Name prefixes after which a capital is part of the name: "McArthur", "DeShawn", "LeBron", "O'Neill".
_CAPITAL_PREFIXES = ("Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Du", "La", "Le", "Van", "Von")


def _camel_case(word: str) -> bool:
    """A capital inside a word that is not all capitals, other than after a name prefix or a hyphen:
    "ShareZilla", "TotalFina", "SHFi"; not "McArthur", "DeShawn", "Jean-Luc", "KLM"."""
    for part in word.split("-"):
        if len(part) < 2 or part.isupper():
            continue
        rest = part[1:]
        for prefix in _CAPITAL_PREFIXES:
            if part.startswith(prefix) and len(part) > len(prefix) and part[len(prefix)].isupper():
                rest = part[len(prefix) + 1 :]
                break
        if any(ch.isupper() for ch in rest):
            return True
    return False


MIN_TITLE_CASE_WORDS = 4


def _title_cased(tokens: Sequence[Token], function_words: frozenset[str]) -> bool:
    """Every word of the text starts with a capital, a function word too ("Bedankt Voor De Snelle
    Reactie"): there, a capital says nothing about a name. An address block, whose words are all
    names ("Noor Peeters, Meir 50, 2000 Antwerpen"), is not written so."""
    words = [t for t in tokens if t.is_word]
    return (
        len(words) >= MIN_TITLE_CASE_WORDS
        and all(t.is_capitalised for t in words)
        and any(t.key in function_words for t in words)
    )
