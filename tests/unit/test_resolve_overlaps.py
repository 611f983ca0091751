"""resolve_overlaps: pattern-backed entities win, and a name they only nibble at keeps the rest."""

from __future__ import annotations

from processors.detection import Detector, Entity, resolve_overlaps

TEXT = "Mrs. Barbara Yudina Apt. 675 62314 Mellemvej 32"
NAME = Entity("PERSON", 0, 23, 1.0, "SpacyNerRecognizer", "spaCy PERSON")  # "Mrs. Barbara Yudina Apt"
ADDRESS = Entity("ADDRESS", 20, 47, 0.96, "StreetAddressRecognizer", "pattern unit designator")


def spans(entities: list[Entity], text: str) -> list[tuple[str, str]]:
    return [(e.entity_type, text[e.start : e.end]) for e in entities]


def test_a_name_keeps_the_words_an_address_does_not_cover() -> None:
    kept = resolve_overlaps([NAME, ADDRESS], TEXT)
    assert spans(kept, TEXT) == [("PERSON", "Mrs. Barbara Yudina"), ("ADDRESS", TEXT[20:])]
    assert kept[0].why == "spaCy PERSON; trimmed" and kept[0].score == 1.0


def test_without_the_text_the_loser_is_dropped_whole() -> None:
    assert resolve_overlaps([NAME, ADDRESS]) == [ADDRESS]


def test_a_name_mostly_covered_is_dropped() -> None:
    text = "NINO: ZN731052D Tank you"
    nino = Entity("UK_NINO", 6, 15, 1.0, "UkNinoRecognizer")
    glued = Entity("PERSON", 14, 20, 0.85, "NameLookupRecognizer")  # "D Tank": starts inside a word
    assert resolve_overlaps([nino, glued], text) == [nino]
    text = "née le 1er mai 1969 merci"
    birth = Entity("DATE_OF_BIRTH", 7, 19, 1.0, "DateOfBirthRecognizer")
    town = Entity("LOCATION", 4, 19, 0.6, "SpacyNerRecognizer")  # "le 1er mai 1969": "le" left
    assert resolve_overlaps([birth, town], text) == [birth]


def test_a_name_split_by_an_identifier_keeps_both_sides() -> None:
    text = "Jan 0612345678 Jansen"
    name = Entity("PERSON", 0, 21, 0.85, "SpacyNerRecognizer")
    phone = Entity("PHONE_NUMBER", 4, 14, 1.0, "NlPhoneRecognizer")
    assert spans(resolve_overlaps([name, phone], text), text) == [
        ("PERSON", "Jan"),
        ("PHONE_NUMBER", "0612345678"),
        ("PERSON", "Jansen"),
    ]


def test_soft_types_against_each_other_are_not_trimmed() -> None:
    text = "Paris Hilton Hotel"
    person = Entity("PERSON", 0, 12, 0.85, "SpacyNerRecognizer")
    place = Entity("LOCATION", 0, 18, 0.6, "PlaceCueRecognizer")
    assert resolve_overlaps([person, place], text) == [person]


def test_a_name_a_place_took_part_of_keeps_its_capitalised_rest() -> None:
    # a signature line: the surname in capitals is also a village, which outranks the whole name
    text = "graag\nLINSCHOTEN Jill"
    village = Entity("LOCATION", 6, 16, 0.75, "DutchNameRecognizer")
    signature = Entity("PERSON", 6, 21, 0.6, "ChatNamePatternRecognizer")
    assert spans(resolve_overlaps([village, signature], text), text) == [("LOCATION", "LINSCHOTEN"), ("PERSON", "Jill")]
    # a lower-case word the name ran over is no name: nothing is kept of it
    text = "la propriété de Postel"
    firm = Entity("ORGANIZATION", 16, 22, 0.85, "SpacyNerRecognizer")
    run_on = Entity("PERSON", 13, 22, 0.6, "NameLookupRecognizer")  # "de Postel"
    assert spans(resolve_overlaps([firm, run_on], text), text) == [("ORGANIZATION", "Postel")]


def test_a_listed_name_on_the_last_line_of_an_address_block_is_cut_off_it() -> None:
    # the street recognizer grew the address over the line break: the writer's name is no town
    text = "new address: 114 Hope Inlet\nSandra Chambers"
    block = Entity("ADDRESS", 13, 43, 1.0, "StreetAddressRecognizer")
    name = Entity("PERSON", 28, 43, 0.9, "NameLookupRecognizer")
    assert spans(resolve_overlaps([block, name], text), text) == [
        ("ADDRESS", "114 Hope Inlet"),
        ("PERSON", "Sandra Chambers"),
    ]
    # a town the model reads as a person, which the place lists hold too, stays in the block
    text = "new address: 114 Hope Inlet\nMilton Keynes"
    block = Entity("ADDRESS", 13, 41, 1.0, "StreetAddressRecognizer")
    model = Entity("PERSON", 28, 41, 0.85, "SpacyNerRecognizer")
    town = Entity("LOCATION", 28, 41, 0.75, "NameLookupRecognizer")
    assert spans(resolve_overlaps([block, model, town], text), text) == [("ADDRESS", "114 Hope Inlet\nMilton Keynes")]
    listed = Entity("PERSON", 28, 41, 0.9, "NameLookupRecognizer")
    assert spans(resolve_overlaps([block, listed, town], text), text) == [("ADDRESS", "114 Hope Inlet\nMilton Keynes")]


def test_an_entity_that_runs_into_an_e_mail_address_ends_before_it() -> None:
    # the address's town read on over "en" into the e-mail's local part: longer at the same score,
    # it took the e-mail out, and the domain went out in the clear
    text = "nieuw adres: Ivohof 43b, 9602 Mons en Hilde.Willems@Telenet.be"
    at = text.index("Hilde")
    address = Entity("ADDRESS", text.index("Ivohof"), at + len("Hilde"), 1.0, "PlaceCueRecognizer")
    email = Entity("EMAIL_ADDRESS", at, len(text), 1.0, "EmailRecognizer")
    assert spans(resolve_overlaps([address, email], text), text) == [
        ("ADDRESS", "Ivohof 43b, 9602 Mons"),
        ("EMAIL_ADDRESS", "Hilde.Willems@Telenet.be"),
    ]
    # a name reading the local part as a surname loses to the e-mail as before: "emil" is "email"
    text = "Account emil tracy38@example.co.uk"
    email = Entity("EMAIL_ADDRESS", text.index("tracy"), len(text), 1.0, "EmailRecognizer")
    reading = Entity("PERSON", text.index("emil"), text.index("38"), 0.6, "NameLookupRecognizer")
    assert spans(resolve_overlaps([email, reading], text), text) == [("EMAIL_ADDRESS", "tracy38@example.co.uk")]
    # an address left with no digit goes: its "house number" was the local part's
    text = "we just moved to Edinburgh account email staceyrice42@example.co.uk Kind regards"
    local = text.index("staceyrice42")
    email = Entity("EMAIL_ADDRESS", local, text.index(" Kind"), 1.0, "EmailRecognizer")
    street = Entity("ADDRESS", text.index("Edinburgh"), local + len("staceyrice42"), 0.96, "PlaceCueRecognizer")
    town = Entity("LOCATION", text.index("Edinburgh"), text.index(" account"), 0.85, "SpacyNerRecognizer")
    assert spans(resolve_overlaps([email, street, town], text), text) == [
        ("LOCATION", "Edinburgh"),
        ("EMAIL_ADDRESS", "staceyrice42@example.co.uk"),
    ]
    text = "nieuw adres: Ivohof 43b, 9602 Mons en Hilde.Willems@Telenet.be"
    email = Entity("EMAIL_ADDRESS", at, len(text), 1.0, "EmailRecognizer")
    # an entity inside the e-mail is left to the usual rules: the e-mail holds it
    name = Entity("PERSON", at, at + len("Hilde"), 0.6, "DutchNameRecognizer")
    assert spans(resolve_overlaps([email, name], text), text) == [("EMAIL_ADDRESS", "Hilde.Willems@Telenet.be")]


def test_an_address_that_ends_with_an_identifier_ends_before_it() -> None:
    # the NIR typed after the town: the address reading took it in and outranked it, longer
    text = "nouvelle adresse 150 rue de Lebrun, 38091 Paris 262087107346779. Bonne soirée"
    nir_at = text.index("2620")
    address = Entity("ADDRESS", text.index("150"), nir_at + 15, 1.0, "FrAddressRecognizer")
    nir = Entity("FR_NIR", nir_at, nir_at + 15, 1.0, "FrNirRecognizer")
    assert spans(resolve_overlaps([address, nir], text), text) == [
        ("ADDRESS", "150 rue de Lebrun, 38091 Paris"),
        ("FR_NIR", "262087107346779"),
    ]


def test_an_address_that_ends_inside_an_identifier_ends_before_it_or_goes() -> None:
    # the town read on over "en" into the IBAN's country code: cut before the IBAN, less the "en"
    text = "ik woon op Jaysonsingel 65A, 6843LZ Enschede en NL43 INGB 8327 8382 16. bel me"
    iban_at = text.index("NL43")
    address = Entity("ADDRESS", text.index("Jaysonsingel"), iban_at + 2, 1.0, "PlaceCueRecognizer")
    iban = Entity("IBAN_CODE", iban_at, iban_at + len("NL43 INGB 8327 8382 16"), 1.0, "IbanRecognizer")
    assert spans(resolve_overlaps([address, iban], text), text) == [
        ("ADDRESS", "Jaysonsingel 65A, 6843LZ Enschede"),
        ("IBAN_CODE", "NL43 INGB 8327 8382 16"),
    ]
    # the BSN's first group read as a house number: no address is left, the name keeps its surname
    text = "Hey, voor meneer Noordijk 7915.87.423"
    street = Entity("ADDRESS", text.index("Noordijk"), text.index(".87"), 0.6, "NlAddressRecognizer")
    bsn = Entity("NL_BSN", text.index("7915"), len(text), 0.6, "NlBsnRecognizer")
    name = Entity("PERSON", text.index("meneer"), text.index(" 7915"), 1.0, "ChatNamePatternRecognizer")
    assert spans(resolve_overlaps([street, bsn, name], text), text) == [
        ("PERSON", "meneer Noordijk"),
        ("NL_BSN", "7915.87.423"),
    ]


def test_a_civility_left_alone_by_an_e_mail_is_no_name() -> None:
    # the name lists read "monsieur Ghislaine" into the e-mail's local part: "monsieur" names no one
    text = "Bonjour monsieur Ghislaine.Devos@example.be"
    email = Entity("EMAIL_ADDRESS", text.index("Ghislaine"), len(text), 1.0, "EmailRecognizer")
    reading = Entity("PERSON", text.index("monsieur"), text.index(".Devos"), 0.6, "NameLookupRecognizer")
    assert spans(resolve_overlaps([email, reading], text), text) == [("EMAIL_ADDRESS", "Ghislaine.Devos@example.be")]


def test_dates_and_organisations_are_not_trimmed() -> None:
    text = "le 1er mai 1969 à 10h"
    birth = Entity("DATE_OF_BIRTH", 3, 15, 1.0, "DateOfBirthRecognizer")
    date = Entity("DATE_TIME", 0, 21, 0.85, "DateRecognizer")
    assert resolve_overlaps([birth, date], text) == [birth]


def test_the_detector_keeps_the_name_before_an_address(real_detector: Detector) -> None:
    text = "Mrs. Barbara Yudina Apt. 675 62314 Mellemvej 32\nAalborg NO 9100"
    (entities,) = real_detector.detect([text], ["en"])
    assert ("PERSON", "Mrs. Barbara Yudina") in spans(entities, text)


def test_a_tie_between_a_name_and_a_place_goes_to_the_name() -> None:
    """Same span, same score: "Je m'appelle Élise" (a name cue) against spaCy's place (Élise is also
    a village); the name's operator is the stricter one."""
    text = "Je m'appelle Élise"
    place = Entity("LOCATION", 13, 18, 1.0, "SpacyNerRecognizer")
    name = Entity("PERSON", 13, 18, 1.0, "ChatNamePatternRecognizer")
    assert resolve_overlaps([place, name], text) == [name]
    assert resolve_overlaps([name, place], text) == [name]


def test_a_phone_loses_a_tie_to_another_identifier() -> None:
    # "NHS number 943 476 5919": a valid US number and a named NHS number, both at 1.0
    text = "NHS number 943 476 5919"
    phone = Entity("PHONE_NUMBER", 11, 23, 1.0, "UsPhoneRecognizer")
    nhs = Entity("UK_NHS", 11, 23, 1.0, "UkNhsRecognizer")
    assert resolve_overlaps([phone, nhs], text) == [nhs]
    assert resolve_overlaps([nhs, phone], text) == [nhs]
    higher = Entity("PHONE_NUMBER", 11, 23, 1.0, "UsPhoneRecognizer")
    lower = Entity("UK_NHS", 11, 23, 0.95, "UkNhsRecognizer")
    assert resolve_overlaps([lower, higher], text) == [higher]  # a higher score still wins


def test_a_name_grammar_adds_its_words_to_a_stronger_name() -> None:
    text = "c'est Noël Teixeira"
    model = Entity("PERSON", 11, 19, 0.85, "SpacyNerRecognizer", "spaCy PER")
    grammar = Entity("PERSON", 6, 19, 0.75, "NameLookupRecognizer", "first name that is a word too, and surname")
    (joined,) = resolve_overlaps([model, grammar], text)
    assert spans([joined], text) == [("PERSON", "Noël Teixeira")]
    assert (joined.score, joined.recognizer, joined.why) == (0.85, "SpacyNerRecognizer", "spaCy PER; joined")


def test_only_name_grammars_join_and_not_with_a_particle_or_a_suffix() -> None:
    text = "my name is Leanne Murphy Thanks"
    listed = Entity("PERSON", 11, 24, 0.9, "NameLookupRecognizer")
    model = Entity("PERSON", 11, 31, 0.85, "SpacyNerRecognizer")  # the model's longer span is not taken
    assert resolve_overlaps([listed, model], text) == [listed]
    text = "op naam van DUIVENVOORDEN Wouter"
    cue = Entity("PERSON", 12, 32, 1.0, "ChatNamePatternRecognizer")
    interfix = Entity("PERSON", 8, 25, 0.65, "DutchNameRecognizer")  # "van DUIVENVOORDEN"
    assert resolve_overlaps([cue, interfix], text) == [cue]
    text = "I'm Amanda's daughter"
    model = Entity("PERSON", 4, 10, 0.85, "SpacyNerRecognizer")
    cue = Entity("PERSON", 4, 12, 0.75, "ChatNamePatternRecognizer")  # "Amanda's"
    assert resolve_overlaps([model, cue], text) == [model]


def test_a_pattern_backed_loser_keeps_its_uncovered_digits() -> None:
    # an address that took a phone's first digits: the phone's last digits stay covered
    text = "Mijn adres is Wannesring 160A, 0477.53.92.07. Groet"
    address = Entity("ADDRESS", 14, 35, 0.9, "PlaceCueRecognizer")  # "Wannesring 160A, 0477"
    phone = Entity("PHONE_NUMBER", 31, 44, 0.75, "BePhoneRecognizer")
    assert spans(resolve_overlaps([address, phone], text), text) == [
        ("ADDRESS", "Wannesring 160A, 0477"),
        ("PHONE_NUMBER", "53.92.07"),
    ]
    # two readings of one address: the losing one's house number
    text = "Billing address: 3482 Via Franscini 71 Suite 838"
    words_first = Entity("ADDRESS", 22, 49, 0.95, "PlaceCueRecognizer")  # "Via Franscini 71 Suite 838"
    number_first = Entity("ADDRESS", 17, 38, 0.85, "StreetAddressRecognizer")  # "3482 Via Franscini 71"
    kept = resolve_overlaps([words_first, number_first], text)
    assert spans(kept, text) == [("ADDRESS", "3482"), ("ADDRESS", "Via Franscini 71 Suite 838")]
    assert kept[0].why is not None and kept[0].why.endswith("; trimmed")


def test_a_loser_s_words_without_digits_are_dropped() -> None:
    text = "Bezorgen op Milanweg 1, 1466ZV Hilversum Bedankt"
    address = Entity("ADDRESS", 12, 40, 0.9, "NlAddressRecognizer")
    longer = Entity("ADDRESS", 0, 48, 0.8, "PlaceCueRecognizer")  # the cue and the greeting too
    assert resolve_overlaps([address, longer], text) == [address]


def test_a_leftover_does_not_keep_out_an_entity_ranked_below_its_own() -> None:
    # "3304" left by a losing address must not block "3304 brugge", ranked below it
    text = "livrez a 15bis rue de duhamel, 3304 brugge svp"
    street = Entity("ADDRESS", 9, 29, 0.95, "FrAddressRecognizer")  # "15bis rue de duhamel"
    reading = Entity("ADDRESS", 15, 35, 0.9, "BeAddressRecognizer")  # "rue de duhamel, 3304"
    postcode = Entity("ADDRESS", 31, 42, 0.85, "BePostcodeRecognizer")  # "3304 brugge"
    assert spans(resolve_overlaps([street, reading, postcode], text), text) == [
        ("ADDRESS", "15bis rue de duhamel"),
        ("ADDRESS", "3304 brugge"),
    ]
