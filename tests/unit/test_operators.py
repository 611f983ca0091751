"""Operators and pseudonyms: deterministic where they must be, never leaking the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.config import GeneraliseOp, MaskOp, PlaceholderOp, PseudonymiseOp, RedactOp, SurrogateOp
from processors.detection import Detector
from processors.operators import ConversationNumbering, OperatorContext, apply_operator
from processors.pseudonym import Pseudonymizer
from recognizers.generic.listed_places import ListedPlaces
from recognizers.settings import RecognizerSettings
from tests.conftest import ring

PSEUDO = Pseudonymizer(ring("analytics", "a" * 40))


def ctx(language: str = "fr") -> OperatorContext:
    return OperatorContext(PSEUDO, language, "conv", ConversationNumbering())


def test_phone_formats_share_one_token() -> None:
    forms = ["06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678"]
    tokens = {PSEUDO.token("PHONE_NUMBER", f, "fr") for f in forms}
    assert len(tokens) == 1
    assert next(iter(tokens)).startswith("tok_k1_")


def test_email_case_and_identifier_spacing_normalised() -> None:
    assert PSEUDO.token("EMAIL_ADDRESS", "Jan@Example.NL") == PSEUDO.token("EMAIL_ADDRESS", "jan@example.nl")
    assert PSEUDO.token("IBAN_CODE", "NL91 ABNA 0417 1643 00") == PSEUDO.token("IBAN_CODE", "nl91abna0417164300")


def test_other_key_other_token_and_key_id_in_token() -> None:
    other = Pseudonymizer(ring("training", "b" * 40, key_id="k2"))
    a = PSEUDO.token("PERSON", "Marie Dupont")
    b = other.token("PERSON", "Marie Dupont")
    assert a != b and b.startswith("tok_k2_")


def test_mask_never_reveals_half() -> None:
    assert apply_operator(MaskOp(type="mask", keep_last=4), "PHONE_NUMBER", "06 12 34 56 78", ctx()) == "** ** ** 56 78"
    assert apply_operator(MaskOp(type="mask", keep_last=4), "PERSON", "Jan", ctx()) == "**n"


def test_generalise() -> None:
    g = GeneraliseOp(type="generalise")
    assert apply_operator(g, "DATE_OF_BIRTH", "12 mars 1985", ctx()) == "1985"
    assert apply_operator(g, "AGE", "34", ctx()) == "30-39"
    assert apply_operator(g, "ADDRESS", "12 rue de la Paix, 75002 Paris", ctx()) == "75xxx"
    assert apply_operator(g, "PERSON", "Marie", ctx()) == "<PERSON>"
    # a year said in words is read too; a date without a year gets the placeholder
    assert apply_operator(g, "DATE_OF_BIRTH", "drie maart negentienvijfentachtig", ctx("nl")) == "1985"
    assert apply_operator(g, "DATE_OF_BIRTH", "trois mars mille neuf cent quatre-vingt-cinq", ctx()) == "1985"
    assert apply_operator(g, "DATE_OF_BIRTH", "third of March nineteen eighty", ctx("en")) == "1980"
    assert apply_operator(g, "DATE_OF_BIRTH", "twelve March", ctx("de")) == "<DATE_OF_BIRTH>"
    assert apply_operator(g, "DATE_OF_BIRTH", "12/03", ctx()) == "<DATE_OF_BIRTH>"


PLACES = ListedPlaces(RecognizerSettings().lexicon_dir)


def test_generalise_keeps_a_place_only_when_a_list_holds_it() -> None:
    """A place is its own generalisation; a name the model misread as one is not kept."""
    g = GeneraliseOp(type="generalise")
    listed = OperatorContext(PSEUDO, "fr", "conv", ConversationNumbering(), PLACES)
    assert apply_operator(g, "LOCATION", "Villeneuve-d'Ascq", listed) == "Villeneuve-d'Ascq"
    assert apply_operator(g, "LOCATION", "Lemaire", listed) == "<LOCATION>"
    english = OperatorContext(PSEUDO, "en", "conv", ConversationNumbering(), PLACES)
    assert apply_operator(g, "LOCATION", "Sheffield", english) == "Sheffield"
    assert apply_operator(g, "LOCATION", "Quionia", english) == "<LOCATION>"
    dutch = OperatorContext(PSEUDO, "nl", "conv", ConversationNumbering(), PLACES)
    assert apply_operator(g, "LOCATION", "'s-Hertogenbosch", dutch) == "'s-Hertogenbosch"
    assert apply_operator(g, "LOCATION", "Lyon", ctx()) == "<LOCATION>"  # no lists given: nothing kept


def test_placeholders_and_redact() -> None:
    assert apply_operator(PlaceholderOp(type="placeholder"), "PERSON", "Marie", ctx()) == "<PERSON>"
    assert apply_operator(RedactOp(type="redact"), "PERSON", "Marie", ctx()) == ""


def test_surrogates_are_consistent_and_locale_aware() -> None:
    s = SurrogateOp(type="surrogate")
    first = apply_operator(s, "IBAN_CODE", "NL91ABNA0417164300", ctx("nl"))
    assert first == apply_operator(s, "IBAN_CODE", "NL91 ABNA 0417 1643 00", ctx("nl"))
    assert first.startswith("NL") and first != "NL91ABNA0417164300"
    digits = "".join(c for c in first[4:] + first[:4] if True)
    numeric = "".join(str(int(c, 36)) for c in digits)
    assert int(numeric) % 97 == 1  # a valid IBAN check
    assert apply_operator(s, "PERSON", "Marie Dupont", ctx("fr")) != "Marie Dupont"


def test_person_surrogates_keep_the_name_shape() -> None:
    s = SurrogateOp(type="surrogate")

    def fake(value: str, language: str = "en") -> str:
        return apply_operator(s, "PERSON", value, ctx(language))

    assert len(fake("Tom").split()) == 1  # a lone first name stays one word ("I'm Tom")
    title = fake("Mme Lebrun-Moreau", "fr")
    assert title.startswith("Mme ") and len(title.split()) >= 2 and "Lebrun" not in title
    assert fake("mme durand", "fr").startswith("mme ") and fake("mme durand", "fr").islower()
    assert fake("jenny").islower() and fake("JOHN SMITH").isupper()
    initial = fake("P. de Boer", "nl")
    assert initial[1] == "." and initial[0].isupper() and "Boer" not in initial
    assert fake("Henk de Vries", "nl") == fake("Henk de Vries", "nl")  # seeded by the keyed digest
    # each part by its own digest: one person through a conversation
    full = fake("Marie Dupont", "fr")
    assert fake("Marie", "fr") == full.split()[0] and fake("marie", "fr") == full.split()[0].lower()
    assert fake("Mme Dupont", "fr") == "Mme " + full.split(maxsplit=1)[1]
    assert "Marie" not in full and "Dupont" not in full
    # after a title, a name that opens with a particle is a surname: no first name is added
    vries = fake("Henk de Vries", "nl")
    assert fake("mevrouw de Vries", "nl") == "mevrouw " + vries.split(maxsplit=1)[1]
    # the sex of a first name the locales' lists know is kept: the surrogate comes from the
    # language's list of that sex
    from faker.providers.person.en_GB import Provider as English
    from faker.providers.person.fr_FR import Provider as French

    for name in ("Thomas", "Kevin", "Pieter"):
        assert fake(name) in English.first_names_male, name
    for name in ("Sarah", "Anouk"):
        assert fake(name) in English.first_names_female, name
    assert fake("Nathalie", "fr") in French.first_names_female


def test_phone_surrogates_keep_country_kind_and_layout() -> None:
    import phonenumbers

    s = SurrogateOp(type="surrogate")
    french = apply_operator(s, "PHONE_NUMBER", "06 12 34 56 78", ctx("fr"))
    assert french != "06 12 34 56 78" and french.startswith("06 ") and len(french) == len("06 12 34 56 78")
    assert [i for i, ch in enumerate(french) if ch == " "] == [2, 5, 8, 11]
    number = phonenumbers.parse(french, "FR")
    assert phonenumbers.is_valid_number(number)
    assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    # one number in two layouts: one fake number, in each layout
    international = apply_operator(s, "PHONE_NUMBER", "+33 6 12 34 56 78", ctx("fr"))
    assert international.startswith("+33 6 ")
    assert international.replace(" ", "")[3:] == french.replace(" ", "")[1:]
    dutch = apply_operator(s, "PHONE_NUMBER", "020-1234567", ctx("nl"))
    assert dutch.startswith("02") and dutch[3] == "-" and phonenumbers.is_valid_number(phonenumbers.parse(dutch, "NL"))
    # not a number libphonenumber reads: Faker's number of the locale
    assert apply_operator(s, "PHONE_NUMBER", "nul zes twaalf", ctx("nl")) != "nul zes twaalf"


def test_surrogates_never_give_the_value_back() -> None:
    from processors.surrogates import surrogate

    # whatever the digest, a lone first name never comes back as itself: try many digests
    for i in range(300):
        digest = i.to_bytes(8, "big") * 4
        assert (surrogate("PERSON", "en", digest, "David") or "").casefold() != "david"
    assert apply_operator(SurrogateOp(type="surrogate"), "ORGANIZATION", "Jansen Bouw", ctx("nl")) not in (
        "Jansen Bouw",
        "<ORGANIZATION>",
    )


def test_surrogates_avoid_the_other_values_of_the_message() -> None:
    from dataclasses import replace

    from processors.detection import Entity
    from processors.operators import taken_values

    s = SurrogateOp(type="surrogate")
    for value, language in (("Carol", "en"), ("Marie Dupont", "fr"), ("Mme Lebrun", "fr"), ("06 12 34 56 78", "fr")):
        entity_type = "PHONE_NUMBER" if value[0].isdigit() else "PERSON"
        alone = apply_operator(s, entity_type, value, ctx(language))
        # the message also holds, for real, the value the surrogate would have been, or one of its words
        taken = frozenset({alone.casefold(), *alone.casefold().split()[-1:]})
        beside = apply_operator(s, entity_type, value, replace(ctx(language), taken=taken))
        assert beside.casefold() not in taken and beside.casefold() != value.casefold(), value
        assert not (set(beside.casefold().split()) & taken) or entity_type == "PHONE_NUMBER", value
        # and without such a collision, the surrogate does not depend on the message
        other = frozenset({"someone else", "zzz"})
        assert apply_operator(s, entity_type, value, replace(ctx(language), taken=other)) == alone
    text = "Carol phoned; Karen Smith, her colleague, on 06 12 34 56 78"
    entities = [
        Entity("PERSON", 0, 5, 0.9, "t"),
        Entity("PERSON", 14, 25, 0.9, "t"),
        Entity("PHONE_NUMBER", 45, 59, 0.9, "t"),
    ]
    assert taken_values(text, entities) == {"carol", "karen smith", "karen", "smith", "06 12 34 56 78"}


@settings(max_examples=200)
@given(st.text(min_size=3, max_size=40).filter(lambda v: sum(c.isalnum() for c in v) >= 3))
def test_no_operator_returns_the_value(value: str) -> None:
    ops = [
        PlaceholderOp(type="placeholder"),
        PlaceholderOp(type="placeholder", numbered=True),
        PseudonymiseOp(type="pseudonymise"),
        MaskOp(type="mask"),
        RedactOp(type="redact"),
        SurrogateOp(type="surrogate"),
    ]
    for op in ops:
        for entity in ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE"):
            assert apply_operator(op, entity, value, ctx()) != value


def _reference_numbers(events: list[tuple[str, str, bytes]], capacity: int) -> list[int]:
    """The numbering rule written plainly: rank of first sight among the conversation's values of one type."""
    tables: dict[str, list[tuple[str, bytes]]] = {}
    out = []
    for conversation, entity_type, digest in events:
        table = tables.pop(conversation, [])
        tables[conversation] = table  # most recently used last
        if len(tables) > capacity:
            del tables[next(iter(tables))]
        if (entity_type, digest) not in table:
            table.append((entity_type, digest))
        same_type = [d for t, d in table if t == entity_type]
        out.append(same_type.index(digest) + 1)
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["c1", "c2", "c3", "c4"]),
            st.sampled_from(["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]),
            st.sampled_from([bytes([i]) * 32 for i in range(5)]),
        ),
        max_size=60,
    ),
    st.integers(min_value=1, max_value=4),
)
def test_numbering_matches_the_plain_rule(events: list[tuple[str, str, bytes]], capacity: int) -> None:
    numbering = ConversationNumbering(capacity)
    assert [numbering.number(c, t, d) for c, t, d in events] == _reference_numbers(events, capacity)
    assert len(numbering) <= capacity


def test_numbering_per_type_and_conversation() -> None:
    numbering = ConversationNumbering()
    alice, bob, phone = b"a" * 32, b"b" * 32, b"p" * 32
    assert numbering.number("c", "PERSON", alice) == 1
    assert numbering.number("c", "PHONE_NUMBER", phone) == 1
    assert numbering.number("c", "PERSON", bob) == 2
    assert numbering.number("c", "PERSON", alice) == 1
    assert numbering.number("other", "PERSON", bob) == 1


def test_numbering_keeps_only_digest_prefixes() -> None:
    numbering = ConversationNumbering()
    digest = bytes(range(32))
    numbering.number("c", "PERSON", digest)
    (table,) = numbering._seen.values()
    assert len(table) == 2 + ConversationNumbering.DIGEST_BYTES
    assert digest[ConversationNumbering.DIGEST_BYTES :] not in table


def _normalised_as_before(namespace: str, value: str) -> str:
    """The rule for identifiers and other values as first written (generator expressions)."""
    import unicodedata

    value = unicodedata.normalize("NFKC", value).strip()
    if any(ch.isdigit() for ch in value) and sum(ch.isalnum() for ch in value) >= 6:
        return "".join(ch for ch in value if ch.isalnum()).upper()
    return " ".join(value.casefold().split())


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from("aZé ß-_./²½٣0189\u00a0\u2003İ"), max_size=24) | st.text(max_size=24))
def test_identifier_normalisation_is_the_rule_as_written(value: str) -> None:
    from processors.pseudonym import normalise_value

    for namespace in ("conversation_id", "IBAN_CODE", "PERSON"):
        assert normalise_value(namespace, value) == _normalised_as_before(namespace, value)


def test_digest_is_hmac_sha256_of_namespace_and_normalised_value() -> None:
    import hashlib
    import hmac

    key_id, key = ring("analytics", "a" * 40).derive("pseudonym")
    expected = hmac.new(key, b"IBAN_CODE\x1fNL91ABNA0417164300", hashlib.sha256).digest()
    assert PSEUDO.digest("IBAN_CODE", "nl91 abna 0417 1643 00") == expected
    assert PSEUDO.token("IBAN_CODE", "NL91ABNA0417164300") == f"tok_{key_id}_{expected.hex()[:16]}"


@pytest.mark.parametrize(
    ("entity_type", "language", "text"),
    [
        ("BE_NATIONAL_NUMBER", "nl", "mijn rijksregisternummer is {}"),
        ("UK_NHS", "en", "my NHS number is {}"),
        ("UK_NINO", "en", "my national insurance number is {}"),
        ("US_SSN", "en", "my SSN is {}"),
        ("FR_SIREN", "fr", "numéro SIREN : {}"),
        ("FR_SIRET", "fr", "numéro SIRET : {}"),
        ("BE_ENTERPRISE_NUMBER", "nl", "ondernemingsnummer {}"),
        ("FR_NIR", "fr", "mon numéro de sécurité sociale est le {}"),
        ("FR_NIF", "fr", "numéro fiscal de référence : {}"),
        ("NL_BSN", "nl", "mijn BSN is {}"),
    ],
)
def test_identifier_surrogates_pass_their_own_checks(
    real_detector: Detector, entity_type: str, language: str, text: str
) -> None:
    """A training surrogate of an identifier is a valid one (checksum and all): the detector finds
    it again as that type, for several digests."""
    from processors.surrogates import surrogate

    for seed in range(5):
        fake = surrogate(entity_type, language, bytes([seed]) * 32, "")
        assert fake is not None
        message = text.format(fake)
        (entities,) = real_detector.detect([message], [language])
        assert (entity_type, fake) in [(e.entity_type, message[e.start : e.end]) for e in entities], message
