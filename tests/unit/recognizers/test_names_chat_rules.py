"""Chat name rules: relatives, "X hier", titles before lower-case surnames, cue typos, names ending a
message, names next to known names, and repeated names (``ChatNamePatternRecognizer``,
``DutchNameRecognizer``, ``lexicons.name_repeats``).

All names are fictitious.
"""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from processors.detection import Detector
from recognizers.names import lexicons
from recognizers.names.chat_patterns import ChatNamePatternRecognizer
from recognizers.names.dutch_names import DutchNameRecognizer
from recognizers.names.lexicons import MIN_CUE_TYPO_LENGTH, SHORT_CUE_LENGTH, WordMemo, load_lexicon, name_repeats
from recognizers.names.name_lookup import NameLookupRecognizer
from recognizers.settings import RecognizerSettings

LEXICONS = RecognizerSettings().lexicon_dir
CHAT = {lang: ChatNamePatternRecognizer(lang, LEXICONS) for lang in ("fr", "nl", "en")}
DUTCH = DutchNameRecognizer(LEXICONS, "nl")
THRESHOLD = 0.5


def names(language: str, text: str) -> list[str]:
    results = CHAT[language].analyze(text, ["PERSON"])
    return [text[r.start : r.end] for r in results if r.score >= THRESHOLD]


def dutch(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in DUTCH.analyze(text, []) if r.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mijn partner veerle heeft gisteren gebeld", ["veerle"]),
        ("nl", "goedemorgen, mijn dochter Sanne is jarig", ["Sanne"]),
        ("nl", "mijn collega jan belt u terug", ["jan"]),
        ("en", "my partner oliver called yesterday", ["oliver"]),
        ("en", "my wife Hannah will call you", ["Hannah"]),
        ("fr", "mon conjoint thierry vous a appelé hier", ["thierry"]),
        ("fr", "ma fille Léa a commandé", ["Léa"]),
        # the wider family, in-laws and the people one lives or works with, names in lower case
        ("nl", "mijn neef daan haalt het pakket op", ["daan"]),
        ("nl", "het account staat op naam van mijn schoonzus ilse", ["ilse"]),
        ("nl", "onze dochter noor is jarig", ["noor"]),
        ("en", "can my nephew josh pick it up?", ["josh"]),
        ("en", "my landlady sandra signed for it", ["sandra"]),
        ("en", "the order is for my mother-in-law brenda", ["brenda"]),
        ("fr", "mon neveu lucas viendra chercher le colis", ["lucas"]),
        ("fr", "ma belle-sœur nathalie a passé la commande", ["nathalie"]),
        ("fr", "le compte est au nom de ma voisine odile", ["odile"]),
        # a name no list holds, right before "heeft", "has": the relative's (Dutch: the verb is second)
        ("nl", "hey mijn partner ecrin heeft gisteren gebeld", ["ecrin"]),
        ("en", "my wife zelvina has called you", ["zelvina"]),
    ],
)
def test_relatives_are_named_after_a_relation_cue(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "mijn partner heeft gebeld"),
        ("nl", "mijn man is ziek"),
        ("nl", "mijn vriend zegt dat het pakket weg is"),
        ("en", "my husband called"),
        ("en", "my son is 12"),
        ("fr", "mon mari est malade"),
        ("fr", "ma fille a 5 ans"),
        ("nl", "mijn neef is ziek"),
        ("en", "my landlady says the parcel is gone"),
        ("fr", "mon neveu a commandé pour moi"),
        ("nl", "mijn partner zelf heeft gebeld"),  # a word between relative and verb: no name
        ("en", "my husband already has the receipt"),
        ("fr", "mon fils aussi a commandé"),
    ],
)
def test_relation_cue_without_a_name(language: str, text: str) -> None:
    assert names(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I spoke to a lady named yvonne yesterday", ["yvonne"]),
        ("fr", "un livreur prénommé denis a laissé le colis", ["denis"]),
        ("fr", "une certaine Odile m'a rappelée hier", ["Odile"]),
        ("nl", "een bezorger genaamd maaike heeft het pakket achtergelaten", ["maaike"]),
        ("nl", "ene Pleun belde mij gisteren", ["Pleun"]),
        ("nl", "een medewerker met de naam tristan beloofde terugbetaling", ["tristan"]),
        ("en", "I'm so jealous! said Erle to Maurice", ["Erle"]),  # the speaker after a quote
        ("en", "I asked sarah to call me back", ["sarah"]),
    ],
)
def test_a_person_named_by_someone_else(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_an_object_pronoun_after_named_is_no_part_of_the_name(real_detector: Detector) -> None:
    text = "She named him Frank"  # "him" is a surname in a list: it opened the name after "named"
    (entities,) = real_detector.detect([text], ["en"])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("PERSON", "Frank")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "we chose a plan named after the founder"),
        ("en", "you said it would arrive on Monday"),
        ("fr", "une certaine somme a été prélevée"),
        ("nl", "aan de ene kant is het goed"),
    ],
)
def test_a_naming_cue_without_a_name(language: str, text: str) -> None:
    assert names(language, text) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "mijn zwager zegt dat de doos leeg was"),  # "Zwager" is a surname too
        ("en", "my nan says it never came"),
    ],
)
def test_the_noun_after_a_possessive_is_no_name_before_a_verb(language: str, text: str) -> None:
    assert names(language, text) == []


def test_a_relative_name_stops_before_the_verb() -> None:
    assert names("en", "my partner stephen called yesterday") == ["stephen"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "Hoi, fien hier", ["fien"]),
        ("nl", "mijn geboortedatum is 07/07/1970, nadia van den berkmoes hier", ["nadia van den berkmoes"]),
        ("nl", "ik woon in Arnhem dani hier!", ["dani"]),
        ("nl", "annick de wilde hier", ["annick de wilde"]),
        ("en", "Hello, Jordan here. Could you help?", ["Jordan"]),
        ("en", "born 01/10/1983 christine ball here", ["christine ball"]),
        ("fr", "claire moreau ici, je rappelle", ["claire moreau"]),
    ],
)
def test_name_before_here(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "hier is het"),
        ("nl", "ik ben hier"),
        ("nl", "het pakket ligt hier"),
        ("en", "click here"),
        ("en", "I'm here"),
        ("en", "Is anyone here?"),
        ("fr", "je suis ici"),
    ],
)
def test_here_without_a_name(language: str, text: str) -> None:
    assert names(language, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("voor meneer van de veen", "van de veen"),
        ("hallo namens mevrouw van susa", "van susa"),
        ("namens mevrouw de wilde", "de wilde"),
    ],
)
def test_title_then_lower_case_surname_with_particles(text: str, expected: str) -> None:
    assert [n for n in names("nl", text) if n.endswith(expected)]
    assert [v for t, v in dutch(text) if t == "PERSON" and v.endswith(expected)]


@pytest.mark.parametrize("text", ["namens mevrouw van het pakket", "voor meneer van de klantenservice"])
def test_title_then_particle_then_common_word(text: str) -> None:
    assert dutch(text) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Bonjour madame le csque ne s'allume plus"),  # "casque", a letter missing
        ("fr", "Bonjour monsieur le lirveur DPD n'est jamais passé"),  # "livreur", two letters swapped
    ],
)
def test_title_then_article_then_word_typed_wrong(language: str, text: str) -> None:
    assert names(language, text) == []
    lookup = NameLookupRecognizer(LEXICONS, language)  # the Dutch grammar for French and English
    assert [r for r in lookup.analyze(text, []) if r.score >= THRESHOLD] == []


def test_title_then_dutch_particle_then_word_with_a_letter_more_is_a_surname() -> None:
    # "vroege" is "vroeg" with a letter more: Dutch surnames after "de", "van" are words so
    assert names("nl", "beste\nik woon in arnhem\nvoor meneer de vroege") == ["meneer de vroege"]


def test_short_titles_in_lower_case() -> None:
    assert names("en", "for mr moss date of birth") == ["mr moss"]  # "mr" is no word: the title, as "Mr Moss" is
    assert names("fr", "tu me dis") == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mijn parter joy heeft gisteren gebeld", ["joy"]),
        ("nl", "namens merouw janssen", ["janssen"]),
        ("nl", "voor meener van Jumelle", ["van Jumelle"]),
        ("fr", "mon conjint gilles vous a appele hier", ["gilles"]),
        # five-letter cue words: two neighbouring letters swapped, or a letter doubled
        ("fr", "Les chiffres de ma carte: 5214 mreci isaac", ["isaac"]),
        ("fr", "livrez à 80 avenue hardy svp\nmerrci gérard", ["gérard"]),
        ("en", "the order is unedr danielle", ["danielle"]),
        ("fr", "mreci beaucoup", []),
        # the word a longer greeting goes on with, typed wrong, is no name ("hi there", "hallo daar")
        ("en", "Hi tere my card nubmer is 5201 5134 2243 3084.", []),
        ("en", "Hi tere ricky, how are you", ["ricky"]),
        ("nl", "hallo dar, ik ben sanne", ["sanne"]),
        ("en", "Hi Tere, thanks", ["Tere"]),  # capitalised: a name
        # an earlier word of the cue typed wrong, the last as listed
        ("en", "the ordder is under fiona national insurance numbber WC525967C", ["fiona"]),
        ("en", "the orer is under naomi. my card", ["naomi"]),
        ("en", "the ordder is under grace", ["grace"]),
        ("en", "the older is under grace", []),  # "older" is a word: no "order" typed wrong
        ("en", "the ordr is in the van", []),  # no cue ends there
        # ... or, typed in four letters, with an inner letter left out
        ("fr", "numéro de sécurité sociale : 1920516801789 50. mrci rémy", ["rémy"]),
        ("en", "is it under warranty? - the order is uner mohamed", ["mohamed"]),
        ("nl", "rekeningnummer 1234567 en voor mneer de hoogh", ["de hoogh"]),
        ("nl", "er staan meer dan 60.000 namen van vermisten", []),
    ],
)
def test_cue_words_with_one_typo(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_cue_typo_needs_a_longer_cue_word_and_no_real_word() -> None:
    lexicon = load_lexicon(LEXICONS, "nl")
    for _ in range(2):  # worked out, then remembered: the same answers
        assert lexicon.cue_typo("parter") == "partner"
        assert lexicon.cue_typo("merouw") == "mevrouw"
        assert lexicon.cue_typo("namen") is None  # a word ("names"), not "namens" typed short
        assert lexicon.cue_typo("mneer") == "meneer"  # five letters: a longer cue word, a letter left out
        assert lexicon.cue_typo("vrow") == "vrouw"  # four letters: a five-letter cue word, an inner letter left out
        assert lexicon.cue_typo("boer") is None  # a word ("farmer"), not "broer" typed short
        assert lexicon.cue_typo("partner") is None


def test_a_five_letter_cue_word_is_matched_swapped_or_doubled_only() -> None:
    lexicon = load_lexicon(LEXICONS, "fr")
    for _ in range(2):  # worked out, then remembered
        assert lexicon.cue_typo("mreci") == "merci"  # swapped
        assert lexicon.cue_typo("mecri") == "merci"
        assert lexicon.cue_typo("merrci") == "merci"  # doubled
        assert lexicon.cue_typo("merco") is None  # another letter: too many words are one away
        assert lexicon.cue_typo("merci") is None
        assert lexicon.cue_typo("mrci") == "merci"  # four letters: an inner letter left out
        assert lexicon.cue_typo("merc") is None  # ... not the first or the last
        assert lexicon.cue_typo("mrc") is None


def test_four_letter_cue_typos_keep_the_first_and_last_letters() -> None:
    lexicon = load_lexicon(LEXICONS, "en")
    assert lexicon.short_cue_inner_deletions["uner"] == "under"
    assert lexicon.short_cue_inner_deletions["maam"] == "ma'am"  # shared with "madam": the first, always
    for variant, word in lexicon.short_cue_inner_deletions.items():
        assert len(variant) == len(word) - 1 == SHORT_CUE_LENGTH - 1
        assert (variant[0], variant[-1]) == (word[0], word[-1])


def test_a_place_that_is_no_word_is_no_typo_of_a_chat_word() -> None:
    """ "Mardin" is one letter from "mardi"; a town is no typo, a dictionary word still may be."""
    lexicon = load_lexicon(LEXICONS, "fr")
    assert lexicon._one_typo_of_chat_word("mardin")  # the edit distance alone says typo
    for _ in range(2):  # worked out, then remembered
        assert not lexicon.is_typo_of_chat_word("mardin")
        assert not lexicon.is_common("mardin")
        assert lexicon.is_typo_of_chat_word("bojnour")


WORDS = [
    "bonjour",
    "Bojnour",
    "hello",
    "thanks",
    "bedankt",
    "est-ce",
    "peut-être",
    "marie",
    "dupont",
    "colis",
    "xqzvw",
    "van",
    "groetjes",
    "pouvez",
]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_remembered_word_answers_are_the_answers(language: str) -> None:
    """``is_common``, ``is_typo_of_chat_word``, ``cue_typo`` and ``in_dictionary`` remember their
    answer per word; asked again, fresh or from memory, they say what the work itself says."""
    lexicon = load_lexicon(LEXICONS, language)
    keys = [w.casefold() for w in WORDS]
    for _ in range(2):
        assert [lexicon.is_common(k) for k in keys] == [lexicon._is_common(k) for k in keys]
        assert [lexicon.cue_typo(k) for k in keys] == [
            lexicon._typed_cue(k) if len(k) >= MIN_CUE_TYPO_LENGTH else None for k in keys
        ]
        assert [lexicon.in_dictionary(k) for k in keys] == [k in lexicon.dictionary for k in keys]
    assert any(lexicon.is_common(k) for k in keys) and not all(lexicon.is_common(k) for k in keys)


def test_word_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicons, "TYPO_MEMO_SIZE", 3)
    memo: WordMemo[bool] = WordMemo()
    for i in range(7):
        assert memo.remember(f"w{i}", i % 2 == 0) is (i % 2 == 0)
        assert len(memo) <= 3
    assert memo == {"w6": True}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "Met vriendelijke groet, bente schroeff", ["bente schroeff"]),  # "bente" is one letter from "beste"
        ("nl", "groeten, brumt rowan", ["brumt rowan"]),  # an unknown word next to a known name
        ("nl", "wachten!! … . met daniel de koster", ["daniel de koster"]),  # "met" opening a sentence
        ("nl", "u spreekt met Lieve.", ["Lieve"]),  # a greeting word that is also a first name
        ("nl", "Met vriendelijke groet, Lieve van Voorst", ["Lieve van Voorst"]),
        ("nl", "beste, dit is sem van den nieuwenhof mail maar", ["sem van den nieuwenhof"]),
        ("en", "the order is under lewis", ["lewis"]),
        # "it's me", "c'est moi", "ik ben het" before a known name
        ("en", "hey its me, tyler", ["tyler"]),
        ("fr", "Salut c moi ahmed", ["ahmed"]),
        ("nl", "hoi, ik ben het, sanne", ["sanne"]),
    ],
)
def test_names_after_cues(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "met vriendelijke groet"),
        ("nl", "ik ben blij"),
        ("nl", "groeten, tot morgen"),
        ("fr", "Bonjour madame, le livreur n'est jamais passé"),
        ("fr", "Bonsoir, jai ete debite deux fois"),
        ("en", "Hiya Can I still return the fryer?"),
        ("en", "hi it's me again"),
        ("fr", "c'est moi qui ai appelé hier"),
        ("nl", "ik ben het niet eens met de factuur"),
    ],
)
def test_no_name_after_cues(language: str, text: str) -> None:
    assert names(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mail me op jan@voorbeeld.be. norbert", ["norbert"]),
        ("nl", "betaald met kaart 5138881794893864 tijs", ["tijs"]),
        ("en", "my number is 020 7540 717664 sandra", ["sandra"]),
        # a dash between the end of the sentence and the name
        ("en", "thanks!! - mike", ["mike"]),
        ("nl", "bedankt!! – joost", ["joost"]),
        ("fr", "le colis est arrivé. — karim", ["karim"]),
        # after "please" or an identifier typed in groups
        ("fr", "remboursez sur mon compte svp gérard", ["gérard"]),
        ("nl", "de kortingscode werkt niet. 09/097.07.65 carine", ["carine"]),
        ("nl", "hoi hoi! 3936.72.578 saar van luinenburg", ["saar van luinenburg"]),
        # groups separated by spaces: an IBAN's or a phone's last digits
        ("nl", "nl67 snsb 8525 2724 98 jayden", ["jayden"]),
        ("nl", "hey, bereikbaar op +33 1 78 70 70 79 cornelia de la hellevoort", ["cornelia de la hellevoort"]),
        # after a one-word intro of a message's start ("met" as on the phone)
        ("nl", "hoi, kaartnummer: 4702 7551 3840 2336 met sylvie", ["sylvie"]),
        ("nl", "kunt u mij terugbellen? en met marie van loock", ["marie van loock"]),
        # after an e-mail address
        ("fr", "toujours pas arrivée. arnaud16@example.com antoinette", ["antoinette"]),
        # after a town or an age with its unit that answers a question, then a first name
        ("nl", "ik woon in Almere lizz", ["lizz"]),
        ("en", "refund it please. I'm in London adam", ["adam"]),  # "London" is a surname too
        ("nl", "ik woon in den haag liza van salmen", ["liza van salmen"]),
        ("nl", "mijn zoon is 73 jaar oud thijs", ["thijs"]),  # "Oud" is a surname too
        ("en", "my mum is 73 yars old kayleigh", ["kayleigh"]),
    ],
)
def test_a_name_ending_the_message(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "bjr! 19 ans"),
        ("fr", "je suis âgé de 37 ans."),
        ("nl", "ik heb betaald met ideal"),
        ("en", "send it to jo@example.com thanks"),
        ("nl", "de bezorger kwam met dhl"),
        ("fr", "je suis né le 11/02/53 67 ans."),  # "Ans" is a first name; a unit after a number here
        ("en", "I live at 53 gavin path. Best"),
        ("en", "I paid with card 5591 8106 1405 6261 Best!"),
        ("nl", "ik wacht al 3 dagen. morgen"),
        ("nl", "ik wacht al 3 dagen! - morgen"),
        ("en", "thanks!! - bye"),
        ("en", "can you refund please asap"),
        ("nl", "bestelling 123.456.789 graag"),
        ("nl", "Kaarten kosten 1.259 frank."),  # an amount in Belgian francs
        ("nl", "geboren op 5 mei 1982 te Eindhoven"),  # "te" and a place
        ("en", "the shop opens 9 a.m. daily"),  # the dot closes "a.m.": no sentence, no initial
        ("en", "see you at 9:45 a.m. sharp"),
        ("fr", "rdv à 9 a.m. rocher"),  # nor is the "m." of "a.m." a title ("M." for Monsieur)
        ("nl", "Nu ook Londen on line"),  # "On" is a village, and a word
        ("en", "my flat is 12 rose"),  # a number without an age's unit
        ("en", "I live in London now"),
    ],
)
def test_no_name_ending_the_message(language: str, text: str) -> None:
    assert names(language, text) == []


def test_name_stops_at_an_address() -> None:
    text = "the account is in the name of Robert Jonas robertjonas2@mail.example"
    assert names("en", text) == ["Robert Jonas"]


def test_initials_do_not_end_a_sentence() -> None:
    assert names("nl", "mijn naam is J. de Vries") == ["J. de Vries"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "op naam van matthias. matthias", ["matthias", "matthias"]),
        ("nl", "Dit is Aya, mijn partner aya heeft gisteren gebeld", ["Aya", "aya"]),
        ("nl", "met fedde scholtens fedde scholtens", ["fedde scholtens", "fedde scholtens"]),
        ("fr", "mon nom est claire lefrançois claire lefrançois ici", ["claire lefrançois", "claire lefrançois"]),
    ],
)
def test_repeated_names(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_repeats_of_a_name() -> None:
    lexicon = load_lexicon(LEXICONS, "nl")
    text = "ik heet Kick van de Leemput, voor meneer van de leemput"
    assert [text[s:e] for s, e, _ in name_repeats(text, [(9, 29, 0.85)], [], lexicon)] == ["van de leemput"]
    text = "dit is Anna Smit. mail anna.smit@voorbeeld.nl, ik woon in Smit"
    found = name_repeats(text, [(7, 16, 0.85)], [], lexicon)
    assert found == []  # inside an address; after a place preposition
    assert name_repeats("dit is Anna. anna", [(7, 11, 0.55)], [], lexicon) == []  # too weak to repeat


def test_place_is_not_raised_by_person_context() -> None:
    """Person context words ("naam") must not lift a place above the person it is part of. Melle is
    a first name and a town: the Dutch lists read the whole name now, and a place, if any, stays
    marked as not to be lifted."""
    text = "bestelling op naam van Melle van Dommelen"
    places = [r for r in DUTCH.analyze(text, []) if r.entity_type == "LOCATION"]
    assert all(r.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] for r in places)
    assert ("PERSON", "Melle van Dommelen") in dutch(text)
    assert names("nl", text) == ["Melle van Dommelen"]


# --------------------------------------------------------------------------------------------
# Dutch news text: capitalised words that are not people


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de Knorrix zijn de cijfers goed.",  # an article: names of people take none
        "Hij verkocht zijn Tekfirma-aandelen vorige week.",  # a compound noun
        "De Brusselse politie en de Limburgse brandweer kwamen ter plaatse.",  # adjectives of places
        "Ook de Belgen en de Britten waren tevreden.",  # demonyms
        "Het kantoor van Tekfirma & Vornholt sluit.",  # a firm's name around an ampersand
        "Hij werkte bij de Militaire Veiligheidsdienst (MVD) in Brussel.",
        "Zo kreeg Burgemeester het woord.",  # a function, not a name
    ],
)
def test_capitalised_words_that_are_no_people(text: str) -> None:
    assert [v for t, v in dutch(text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vorige week kondigde minister Olvoert de maatregel aan.", ("PERSON", "Olvoert")),
        ("Geen idee, aldus Van Diepenwijk.", ("PERSON", "Van Diepenwijk")),
        ("Nadien begon De Prins als verslaggever.", ("PERSON", "De Prins")),
        ("Het bestuur koos Robert Melders als voorzitter.", ("PERSON", "Robert Melders")),
        ("De verdachte werd in Kigali gearresteerd.", ("LOCATION", "Kigali")),
        ("Hij woont sinds maart in Sydney.", ("LOCATION", "Sydney")),
        ("De gesprekken over Jeruzalem liepen vast.", ("LOCATION", "Jeruzalem")),  # ISO 3166-2, in Dutch
        ("De politie van Hampshire zoekt getuigen.", ("LOCATION", "Hampshire")),  # ISO 3166-2
        ("De groep is buiten Andalusië nog onbekend.", ("LOCATION", "Andalusië")),
        ("Ze komen uit het Midden-Oosten en Noord-Afrika.", ("LOCATION", "Noord-Afrika")),  # a compass point
        ("De lonen stegen ook voor Oost-Europa sterk.", ("LOCATION", "Oost-Europa")),
        ("Hij sport tussen Brussel-Zuid en Zeebrugge.", ("LOCATION", "Brussel-Zuid")),
        ("De brand woedde in Pulbrook gisteren.", ("LOCATION", "Pulbrook")),  # after a place preposition
        ("Reizigers die in het Noordstation opstappen.", ("LOCATION", "Noordstation")),  # a landmark
    ],
)
def test_capitalised_words_that_are_people_or_places(text: str, expected: tuple[str, str]) -> None:
    assert expected in dutch(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In het bedrijf Tekvorm werkt niemand meer.", ("ORGANIZATION", "Tekvorm")),  # an unknown word
        ("Een contract voor oliedienstverlener Brantex is binnen.", ("ORGANIZATION", "Brantex")),  # a compound
        ("Mijn verzekeraar Polvana reageert niet.", ("ORGANIZATION", "Polvana")),
        ("Het beurshuis Bakker bestaat al lang.", ("ORGANIZATION", "Bakker")),  # a firm named like a person
        ("Een studie van zakenbank Johan Visser over de sector.", ("ORGANIZATION", "Johan Visser")),
        # a capitalised organisation word opening the name
        ("De analisten van Bank Polvana zijn somber.", ("ORGANIZATION", "Polvana")),
        ("Radio Roxy stelt ambities bij.", ("ORGANIZATION", "Roxy")),  # a first name, still a station
        ("Het gaat om FC Brantex van donderdag.", ("ORGANIZATION", "Brantex")),
        ("Opgenomen in het Sint Antonius.", ("ORGANIZATION", "Antonius")),  # a saint names a hospital
        # "het" and an adjective: a firm, party or paper ("het bedrijf"), never a person ("de")
        ("Een akkoord met het Amerikaanse Tekvorm is dichtbij.", ("ORGANIZATION", "Tekvorm")),
        ("Het beursgenoteerde Polvana en het Britse Bakker fuseren.", ("ORGANIZATION", "Bakker")),
    ],
)
def test_a_name_after_an_organisation_noun_is_an_organisation(text: str, expected: tuple[str, str]) -> None:
    found = dutch(text)
    assert expected in found
    assert [v for t, v in found if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik lag een week in het Anna Vermeer Ziekenhuis.", ("ORGANIZATION", "Anna Vermeer")),
        ("Ik ben geholpen door Jan Smit Huisartsen.", ("ORGANIZATION", "Jan Smit")),
        ("Verwezen naar het Prinses Marijke Centrum.", ("ORGANIZATION", "Marijke")),
        ("De P.W. Janssen Streekziekenhuis belde.", ("ORGANIZATION", "P.W. Janssen")),  # a compound
        ("Met Erik Zabel en Rolf Aldag in de ploeg.", ("PERSON", "Rolf")),  # "ag" (AG) only whole
    ],
)
def test_a_name_before_an_organisation_word_names_it(text: str, expected: tuple[str, str]) -> None:
    assert expected in dutch(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het softwareprogramma Brantex werkt niet meer.",  # a compound ending in a kind of work
        "Ik heb het kaartspel Tekvorm besteld maar het kwam niet aan.",
        "Het BBC-programma Polvana bracht een reportage.",  # a hyphenated compound, lower-case head
        "Het incident gebeurde tijdens de wedstrijd Brantex-Tekvorm.",
        "Heeft u de app Polvana al geprobeerd?",
    ],
)
def test_an_unknown_word_after_a_kind_of_work_names_a_thing(text: str) -> None:
    assert [v for t, v in dutch(text) if t == "PERSON"] == []


def test_a_known_name_after_a_kind_of_work_is_still_a_person() -> None:
    # only an unknown capitalised word is read as the thing's name
    assert ("PERSON", "Sanne Visser") in dutch("Het project van Sanne Visser is klaar.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik studeer aan de Universiteit Gent.", ("ORGANIZATION", "Universiteit Gent")),
        ("Ze doceert aan de Universiteit van Gent.", ("ORGANIZATION", "Universiteit van Gent")),
        ("Zaterdag speelt PSV Eindhoven tegen Club Brugge.", ("ORGANIZATION", "PSV Eindhoven")),
        ("Zaterdag speelt PSV Eindhoven tegen Club Brugge.", ("ORGANIZATION", "Club Brugge")),
        ("Ik ben klant bij ING België sinds 2010.", ("ORGANIZATION", "ING België")),  # the bank, not "ing."
        ("Het Britse concern Utrecht is verkocht.", ("ORGANIZATION", "Utrecht")),  # a lower-case noun: out of the span
        ("Het Brugse IT-bedrijf Tekvorm zoekt mensen.", ("ORGANIZATION", "Tekvorm")),  # a hyphenated compound
    ],
)
def test_a_place_inside_an_organisations_name_is_the_organisation(text: str, expected: tuple[str, str]) -> None:
    assert expected in dutch(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mijn postcode is 3511 AB Utrecht.", "Utrecht"),  # a postcode's letters are no acronym
        ("Ik woon in NL Utrecht.", "Utrecht"),  # a country code
        ("We zijn verhuisd naar de VS Utrecht niet meer.", "Utrecht"),  # a place's abbreviation
        ("Ik werk bij de gemeente Zwalm.", "Zwalm"),  # a place noun: the municipality is the place
        # an organisation word that closes a name: the town after it is the hospital's town
        ("Gezien op de SEH van het Tekvorm Ziekenhuis Nieuwegein.", "Nieuwegein"),
    ],
)
def test_a_place_after_a_code_or_place_noun_stays_a_place(text: str, place: str) -> None:
    found = dutch(text)
    assert ("LOCATION", place) in found
    assert [v for t, v in found if t == "ORGANIZATION"] == []


def test_ing_in_capitals_is_no_title() -> None:
    assert names("nl", "Ik ben klant bij ING België.") == []
    assert names("nl", "Graag contact met ing. Jansen.") == ["ing. Jansen"]


def test_an_unknown_word_in_brackets_after_a_name_is_an_organisation() -> None:
    """The person's party or employer: "Magda Aelvoet (Agalev)"."""
    found = dutch("Dat zegt minister Anna Vermeer (Tekvorm) vandaag.")
    assert found == [("PERSON", "Anna Vermeer"), ("ORGANIZATION", "Tekvorm")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het kleine Britse meisje Sarah Payne is terecht.", ("PERSON", "Sarah Payne")),  # a diminutive noun
        ("Ik heb het hele verhaal aan Jan Visser verteld.", ("PERSON", "Jan Visser")),  # "aan" between
        ("Ik heb het lieve Anna gezegd.", ("PERSON", "Anna")),  # a first name stays a person
        ("Mijn dochter Emma (Emmy) belt.", ("PERSON", "Emmy")),  # a known name in brackets: a person
    ],
)
def test_het_before_a_person_keeps_the_person(text: str, expected: tuple[str, str]) -> None:
    assert expected in dutch(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik heb vandaag Pieterse gebeld.", ("PERSON", "Pieterse")),  # "vandaag" ends like "ag" (AG)
        ("Ik heb Pieterse gebeld.", ("PERSON", "Pieterse")),
        ("De bouw in de gemeente Zwalm loopt.", ("LOCATION", "Zwalm")),  # a place noun wins
    ],
)
def test_organisation_nouns_only_in_lower_case_and_whole(text: str, expected: tuple[str, str]) -> None:
    assert expected in dutch(text)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "mevr. Jansen belde", ["mevr. Jansen"]),  # a capitalised name does not end in lower case
        ("nl", "dhr. Bakker belde", ["dhr. Bakker"]),
        ("nl", "groeten, flink rowan", ["flink rowan"]),  # all lower case: it may
    ],
)
def test_a_name_with_capitals_stops_before_a_lower_case_word(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_world_places_take_the_iso_names_and_the_languages_own_translations() -> None:
    """pycountry's subdivisions and countries, with the translations of the message's language
    only: "Maurice" is Mauritius in French, a man's name in English."""
    assert "hampshire" in lexicons.world_places()
    assert "jeruzalem" in lexicons.world_places("nl")
    assert "jeruzalem" not in lexicons.world_places("en")
    assert "maurice" in lexicons.world_places("fr")
    assert "maurice" not in lexicons.world_places("en")
    assert not any(c in name for name in lexicons.world_places("nl") for c in ",()/")


def test_world_places_made_of_common_words_are_no_places() -> None:
    """ISO subdivisions named by compass points or plain words ("Noord-West", "Komen") would make
    those words places."""
    assert "noord-west" in lexicons.world_places("nl")
    assert "komen" in lexicons.world_places("nl")
    assert "noord west" not in DUTCH.world_places
    assert "komen" not in DUTCH.world_places
    assert "jeruzalem" in DUTCH.world_places


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Jacob lives on 90 Whitchurch Road street.", ["Jacob"]),
        ("en", "Walker began writing as a teenager.", ["Walker"]),
        ("nl", "Sanne woont sinds maart in Gouda.", ["Sanne"]),
        ("fr", "Camille habite à Lyon depuis mars.", ["Camille"]),
        ("en", "The parcel said it was delivered.", []),  # no name-like word before the verb
        ("en", "Amazon said they would refund me.", []),  # no known name
    ],
)
def test_a_name_before_a_verb_people_are_the_subject_of(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_a_name_verb_gives_no_bonus_of_here() -> None:
    """ "here" announces the writer's own name (a bonus); a verb only says someone did something."""
    (here,) = CHAT["en"].analyze("Jacob here", [])
    (lives,) = CHAT["en"].analyze("Jacob lives in Leeds", [])
    assert here.score > lives.score


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "my partner is tom", ["tom"]),
        ("nl", "mijn vriendin is lisa", ["lisa"]),
        ("fr", "mon mari est Paul", ["Paul"]),
        ("en", "my husband is sick", []),  # the word after the verb must look like a name
        ("en", "my wife is the account holder", []),
        ("en", "the partner is tom", []),  # no relation cue: "is" alone announces nothing
    ],
)
def test_a_relative_named_after_is(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # whose parent the writer is
        ("nl", "hallo ik ben de moeder van lotte, zij is 15", ["lotte"]),
        ("en", "I'm the mother of lily, she used my card", ["lily"]),
        ("fr", "je suis la maman de lucas, il a commandé", ["lucas"]),  # "maman" is no name of its own
        ("nl", "de moeder van mijn vriend belde", []),
        ("en", "the father of the bride", []),
        # "c" for "c'est" after "mon nom"
        ("fr", "slt jai un pb avec ma cmd, mon nom c durand", ["durand"]),
        # a name from before a marriage
        ("en", "the account is under my maiden name, hughes", ["hughes"]),
        ("fr", "mon nom de jeune fille : dubreuil", ["dubreuil"]),
        ("nl", "mijn meisjesnaam is de graaf", ["de graaf"]),
        ("en", "what is your maiden name?", []),
    ],
)
def test_a_child_named_after_its_parent_and_chat_spellings(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a form's field name typed without its colon: the listed name after it, whatever its case
        ("en", "booking under the name of hughes, first name gareth", ["hughes", "gareth"]),
        ("en", "forename gareth surname hughes", ["gareth", "hughes"]),
        ("en", "surname is hughes", ["hughes"]),
        ("fr", "au nom de moreau, prénom camille", ["moreau", "camille"]),
        ("nl", "op naam van visser, voornaam thijs", ["visser", "thijs"]),
        ("nl", "achternaam visser, voornaam thijs", ["visser", "thijs"]),
        # the field named, no name after it
        ("en", "the first name is wrong on the invoice", []),
        ("en", "the surname field is empty", []),
        ("en", "your first name and last name please", []),
        ("fr", "le prénom est mal orthographié", []),
        ("nl", "de voornaam klopt niet", []),
    ],
)
def test_a_field_name_without_its_colon(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # someone's relative: that someone is named
        ("en", "i'm roberto's daughter", ["roberto"]),
        ("en", "it's for Priya's husband", ["Priya"]),
        ("nl", "Sanne's moeder belt morgen", ["Sanne"]),
        ("fr", "c'est pour le mari de sophie", ["sophie"]),
        ("fr", "je suis la fille de roberto", ["roberto"]),
        ("nl", "het is voor de vrouw van kees", ["kees"]),
        ("nl", "de dochter van de Vries belt terug", ["de Vries"]),  # a capital after the particle
        ("en", "I'm the wife of james", ["james"]),
        # a relative of a relative, a firm or a trade: no one named
        ("en", "my sister's husband", []),
        ("en", "it's my mum's card", []),
        ("en", "the Company's director", []),
        ("nl", "de zoon van de buren", []),  # "de" an article here: "Buren" is a surname too
        ("nl", "de man van de post", []),
        ("fr", "la fille de la voisine", []),
        ("fr", "la femme de ménage est passée", []),
    ],
)
def test_someone_named_by_their_relative(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("groetjes van marieke", ["marieke"]),  # "van" is "from" here, not a particle
        ("groeten van de Vries", ["de Vries"]),  # a particle after it still opens a surname
    ],
)
def test_greetings_from_someone(text: str, expected: list[str]) -> None:
    assert names("nl", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My great great grandfather was called Djevad Horvat.", ["Djevad Horvat"]),  # a person word before
        ("The driver was called Kwame, he left it at the door.", ["Kwame"]),
        ("I spoke to someone, I think she was called bernadette", ["bernadette"]),  # a listed first name
        ("my son is called Liam", ["Liam"]),
    ],
)
def test_a_naming_verb_after_a_person_word_announces_a_name(text: str, expected: list[str]) -> None:
    assert names("en", text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "de bezorger heette mohammed geloof ik", ["mohammed"]),
        ("nl", "de monteur die kwam heette Kees", ["Kees"]),
        ("nl", "de soep is heet", []),  # "heet" is also "hot": only after a person word
        ("nl", "het product heet Airfryer", []),
        # the past, as one tells of a delivery or a call
        ("fr", "le livreur sappelait karim je crois", ["karim"]),
        ("fr", "le technicien s'appelait M. Durand", ["M. Durand"]),
    ],
)
def test_naming_verbs_in_dutch_and_french(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the app is called Tikkie and it does not work",  # no person word before: a thing's name
        "The parcel was called Brantex on the label.",
        "She is lovely. The shop was called Brantex.",  # the person word is in another sentence
    ],
)
def test_a_naming_verb_without_a_person_word_names_no_one(text: str) -> None:
    assert names("en", text) == []


def test_a_naming_verb_between_a_relative_and_a_name_is_no_part_of_it() -> None:
    assert names("fr", "ma copine s'appelle Jessica") == ["Jessica"]


@pytest.mark.parametrize("text", ["Ik ben Marokkaans.", "ik ben Turks en woon in Gent"])
def test_a_nationality_after_a_weak_cue_is_no_name(text: str) -> None:
    assert names("nl", text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "bonjour je suis Mme Nadia Haddad née Benyahia, j'appelle pour mon père",
            ["Mme Nadia Haddad", "Benyahia"],
        ),
        ("fr", "je suis Mme Durand épouse Martin", ["Mme Durand", "Martin"]),
        ("nl", "mevrouw Jansen geb. De Vries belde gisteren", ["mevrouw Jansen", "De Vries"]),  # a particle opens it
        ("en", "This is Mrs Helen Smith née Jones", ["Mrs Helen Smith", "Jones"]),
        # "née" before a date or a place: no name, and no part of the name before it
        ("fr", "je m'appelle Léa Roux née à Lyon", ["Léa Roux"]),
        ("fr", "Moi c'est Suzanne née le 23 juin 1956", ["Suzanne"]),
    ],
)
def test_a_maiden_or_married_name_after_its_marker(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_an_interfix_before_a_full_name_is_a_preposition() -> None:
    found = dutch("Ik ben de vrouw van Kees Verbeek en bel voor zijn abonnement.")
    assert ("PERSON", "Kees Verbeek") in found
    assert ("PERSON", "van Kees") not in found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "het pakket is voor de familie Bakker op nummer 3", ["Bakker"]),
        ("nl", "Groeten van ons allemaal, Fam. Jansen", ["Jansen"]),
        ("fr", "le colis est pour la famille Martin au 2e", ["Martin"]),
        ("nl", "Soms wordt een poging ondernomen jongeren en familie te herenigen.", []),  # no name after it
        ("fr", "merci pour votre aide, la famille est ravie", []),
    ],
)
def test_a_household_named_after_familie_or_famille(language: str, text: str, expected: list[str]) -> None:
    assert names(language, text) == expected


def test_a_first_name_that_is_a_modal_before_a_verb_is_no_question() -> None:
    assert names("en", "my son Will is 12 and needs a bigger size") == ["Will"]
    assert names("en", "Hey Will you send it?") == []  # a question: "Will you ..."


def test_initials_with_the_first_name_in_brackets_are_one_name() -> None:
    assert ("PERSON", "W. (Wim) de Bruijn") in dutch("Met vriendelijke groet,\n\nW. (Wim) de Bruijn\nTeamleider")


def test_a_town_after_te_closes_the_capitalised_run_before_it() -> None:
    found = dutch("Overgeplaatst naar het Tekvormumc te Nijmegen op 14-06.")
    assert ("LOCATION", "Nijmegen") in found
    assert all("Nijmegen" not in v or v == "Nijmegen" for _, v in found)
