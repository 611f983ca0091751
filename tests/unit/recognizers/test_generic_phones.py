"""Phone recognizers of the generic folder: UK, US (English), "+<country>" and context-triggered (all)."""

from __future__ import annotations

import pytest

from recognizers.entities import PHONE_NUMBER
from recognizers.generic.intl_phone import IntlPhoneRecognizer
from recognizers.generic.phone_context import ContextPhoneRecognizer
from recognizers.generic.uk_phone import UkPhoneRecognizer
from recognizers.generic.us_phone import UsPhoneRecognizer

UK = UkPhoneRecognizer()
US = UsPhoneRecognizer()
INTL = {lang: IntlPhoneRecognizer(lang) for lang in ("fr", "nl", "en")}
CONTEXT = {lang: ContextPhoneRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(recognizer: object, text: str) -> list[tuple[str, float]]:
    results = recognizer.analyze(text, [PHONE_NUMBER])  # type: ignore[attr-defined]
    return [(text[r.start : r.end], round(r.score, 2)) for r in results]


# Ofcom reserves 020 7946 0xxx, 0161 496 0xxx (valid for libphonenumber) and 07700 900xxx,
# 01632 960xxx (only "possible") for drama: fictitious numbers.
@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("call me on 020 7946 0000 please", "020 7946 0000", 0.85),
        ("landline 0161 496 0000", "0161 496 0000", 0.85),
        ("+44 (0)20 7946 0018", "+44 (0)20 7946 0018", 0.85),
        ("0044 20 7946 0123", "0044 20 7946 0123", 0.85),
        ("(020) 7946-0999", "(020) 7946-0999", 0.85),
        ("mobile 07700 900123", "07700 900123", 0.55),
        ("(01632) 960 000", "(01632) 960 000", 0.4),
        ("+447700 900 321", "+447700 900 321", 0.55),
    ],
)
def test_uk_numbers(text: str, expected: str, score: float) -> None:
    assert found(UK, text) == [(expected, score)]


@pytest.mark.parametrize("text", ["ref 01234 56", "12/03/2021", "£1,250.00", "SW1A 1AA", "0000 000000"])
def test_not_uk_numbers(text: str) -> None:
    assert found(UK, text) == []


def test_possible_but_unassigned_shapes_stay_below_the_threshold() -> None:
    # "01234 56789" is a possible Bedford number: without a phone word it is not reported.
    assert found(UK, "order 0123456789") == [("0123456789", 0.4)]


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("call (201) 555-0123 today", "(201) 555-0123", 0.85),
        ("212-555-0199", "212-555-0199", 0.85),
        ("+1 201 555 0123", "+1 201 555 0123", 0.85),
        ("1-201-555-0123", "1-201-555-0123", 0.85),
        ("desk 201.555.0123 ext. 12", "201.555.0123 ext. 12", 0.85),
        ("(555) 555-0100", "(555) 555-0100", 0.4),  # fictitious area code: only possible
        ("fax 2015550123", "2015550123", 0.3),  # compact: context only
    ],
)
def test_us_numbers(text: str, expected: str, score: float) -> None:
    assert found(US, text) == [(expected, score)]


@pytest.mark.parametrize("text", ["ssn 123-45-6789", "order 123-456-7890", "12-03-2021", "v1.2.3"])
def test_not_us_numbers(text: str) -> None:
    assert found(US, text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected", "score"),
    [
        ("fr", "appelez le +33 6 12 34 56 78 svp", "+33 6 12 34 56 78", 0.85),
        ("fr", "mon numéro +32 470 12 34 56 / 06 12 34 56 78", "+32 470 12 34 56", 0.85),
        ("nl", "bel 0031 6 12345678", "0031 6 12345678", 0.85),
        ("nl", "0031612345678", "0031612345678", 0.85),
        ("nl", "tel: +31 (0) 6 1234 5678.", "+31 (0) 6 1234 5678", 0.85),
        ("en", "+44 (0)20 7946 0018", "+44 (0)20 7946 0018", 0.85),
        ("en", "+46 (0)8 928 571 38 fax", "+46 (0)8 928 571 38", 0.85),
        ("en", "+1-984-182-0190 mobile", "+1-984-182-0190", 0.5),
        # a British mobile right after it, opening with its trunk zero: two numbers, not one too long
        ("en", "my number is +33 3 92 84 92 24 07382 840231. aged 79", "+33 3 92 84 92 24", 0.85),
    ],
)
def test_international_numbers(language: str, text: str, expected: str, score: float) -> None:
    assert found(INTL[language], text) == [(expected, score)]


@pytest.mark.parametrize(
    "text",
    ["prix +20 000 €", "+2500000 vues", "0612345678", "score 2-0", "note +5", "numéro 7946 0018", "le 12-03-2021"],
)
def test_not_international_numbers(text: str) -> None:
    assert found(INTL["fr"], text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Please call me at 0494 92 82 32 tomorrow", "0494 92 82 32"),
        ("en", "Phone:\n467 3395\n\nE-mail:", "467 3395"),
        ("en", "Desk: (898)666-3621x0135", "(898)666-3621x0135"),
        ("en", "Fax: 9498777106", "9498777106"),
        ("fr", "rappelez-moi au 04 94 92 82 32", "04 94 92 82 32"),
        ("fr", "tél. 01.84.17.61.18", "01.84.17.61.18"),
        ("fr", "tel:0612345678", "0612345678"),
        ("nl", "bel me op 06-12345678", "06-12345678"),
        ("nl", "mijn gsm: 0470 12 34 56", "0470 12 34 56"),
        ("en", "You can reach me on (0115)4960392.", "(0115)4960392"),
        ("nl", "U kunt mij bereiken op 042-2914272.", "042-2914272"),
        ("nl", "tel 059-0776923", "059-0776923"),  # "tel" right before the number
        ("nl", "mijn vaste nummer 05 250 27 11", "05 250 27 11"),  # a landline ("vaste nummer")
        ("nl", "mijn vast nummer is 02/123.45.67", "02/123.45.67"),  # "vast", uninflected
        # "my number is" and a trunk "0" or "+": another country's number than the message's language
        ("nl", "hallo, mijn nummer is 01.14.65.54.37", "01.14.65.54.37"),
        ("fr", "mon numéro est 07467 167947", "07467 167947"),
        ("fr", "mon numéro c'est le (020) 3839 3379 merci", "(020) 3839 3379"),
        ("fr", "tel 01 84 17 61 18", "01 84 17 61 18"),
        ("en", "I would like to stop receiving messages to 699 956 915", "699 956 915"),
        ("en", "message me on 0489 25 37 29", "0489 25 37 29"),
        ("en", "They're not answering at 71-33-52-22", "71-33-52-22"),
        ("en", "I'm reachable on 0680 298 70 63", "0680 298 70 63"),
        ("fr", "personne ne répond au 47 12 84 33 12", "47 12 84 33 12"),
        ("en", "you can reach my wife on 0115 496 0012", "0115 496 0012"),
        ("fr", "mon tel : 07330569140", "07330569140"),  # a space before the colon, as French writes it
        ("en", "Operations Manager\nMob: 087 123 4567", "087 123 4567"),  # a signature's "Mob:", an Irish mobile
        # typed a digit at a time: the whole number, not its first eight digits
        ("en", "call 0 7 9 1 1 2 2 3 4 5 6 please", "0 7 9 1 1 2 2 3 4 5 6"),
        ("nl", "bel me op 0 6 1 2 3 4 5 6 7 8", "0 6 1 2 3 4 5 6 7 8"),
        # chat's short forms of "my number is"
        ("en", "my number's 0 7 9 1 1 1 2 3 4 5 6", "0 7 9 1 1 1 2 3 4 5 6"),
        ("fr", "mon tel c 0.6.1.2.3.4.5.6.7.8", "0.6.1.2.3.4.5.6.7.8"),
        ("en", "my phone is 0-7-9-1-1-1-2-3-4-5-6", "0-7-9-1-1-1-2-3-4-5-6"),
        # one word says which number: a country's, work, a relative's
        ("nl", "mijn Turkse nummer is 0532 123 45 67", "0532 123 45 67"),
        ("fr", "mon nouveau numéro c'est le 0532 123 45 67", "0532 123 45 67"),
        ("fr", "mon numéro turc : 0532 123 45 67", "0532 123 45 67"),
        ("en", "my wife's number is 0532 123 45 67", "0532 123 45 67"),
    ],
)
def test_numbers_after_a_phone_word(language: str, text: str, expected: str) -> None:
    assert found(CONTEXT[language], text) == [(expected, 0.6)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # two numbers typed in a row after one phone word: each, not the whole run or nothing
        ("nl", "tel: 0492 27 19 07 0470 26 47 89", ["0492 27 19 07", "0470 26 47 89"]),
        ("fr", "mon tel : +32 3 551 58 50 0473/44.23", ["+32 3 551 58 50"]),  # the second is cut short
        ("en", "tel: 020 7946 0018 07911 123456", ["020 7946 0018", "07911 123456"]),
        ("en", "tel: 1234 5678 9012 3456 7890", []),  # no valid number in it
    ],
)
def test_two_numbers_in_a_row(language: str, text: str, expected: list[str]) -> None:
    assert [value for value, _ in found(CONTEXT[language], text)] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the person to call between the phone word and digits that open like a phone number
        ("en", "Please call my husband Declan on 087 123 4567 after 6pm.", "087 123 4567"),
        ("en", "you can reach Declan on 0871234567", "0871234567"),
        ("fr", "vous pouvez appeler ma voisine, Mme Jacqueline Fournier, au 06 12 34 56 78", "06 12 34 56 78"),
        ("nl", "bel gerust mijn schoonmoeder De Wit-Jansen op +31 6 12345678", "+31 6 12345678"),
    ],
)
def test_numbers_a_few_words_after_a_phone_word(language: str, text: str, expected: str) -> None:
    assert found(CONTEXT[language], text) == [(expected, 0.6)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I could not reach anyone at the depot, my order is 0123456789"),  # another number's name
        ("en", "I called you yesterday about the parcel, it is 0123456789"),
        ("en", "please call me back about my new contract 0123456789"),
        ("en", "Please call my husband Declan about 12345678"),  # no trunk "0" or "+" further away
    ],
)
def test_digits_a_few_words_after_a_phone_word_need_a_phone_shape(language: str, text: str) -> None:
    assert [score for _, score in found(CONTEXT[language], text)] == [0.3]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my order number is 12345678"),
        ("fr", "un tel montant de 1234567"),
        ("nl", "het is belangrijk 12345678"),
        ("nl", "tel 5 dagen 1234567"),
        ("en", "I could not reach the site, order 12345678"),  # "reach" only as "reach me/us"
        ("nl", "ik kan de site niet bereiken, order 12345678"),
        ("en", "I answered on 12 March, order 12345678"),  # "answered on" is no phone word here
        ("nl", "mijn nummer is 12345678"),  # no trunk "0" or "+": a customer number as likely
        ("fr", "mon numéro de commande est 01234567"),  # words between "numéro" and the number
        # the name of another number between the phone word and the digits: that number
        ("nl", "mijn partner heeft gisteren gebeld en mijn bsn is 187582397"),
        ("en", "I called about order 12345678 yesterday"),
        ("fr", "j'ai appelé pour la commande 12345678"),
    ],
)
def test_phone_like_digits_without_a_phone_word_stay_below_the_threshold(language: str, text: str) -> None:
    assert [score for _, score in found(CONTEXT[language], text)] == [0.3]


@pytest.mark.parametrize("text", ["call me 12.03.2021", "call me 123456", "phone 0000000000", "call me at 10:30"])
def test_not_phone_numbers_even_after_a_phone_word(text: str) -> None:
    assert found(CONTEXT["en"], text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "phone" in "iPhone" is a context word; the order number is no candidate at all
        ("en", "Can I still return the iPhone 13? my order #2803038 still hasn't arrived", []),
        ("nl", "Er ontbreekt een artikel in pakket #1829794 - tel: 070-3887143", ["070-3887143"]),
    ],
)
def test_digits_glued_to_a_hash_are_a_reference(language: str, text: str, expected: list[str]) -> None:
    assert [value for value, _ in found(CONTEXT[language], text)] == expected


def test_uk_mobile_shape_reported_without_context() -> None:
    from recognizers.generic.uk_phone import UkPhoneRecognizer

    recognizer = UkPhoneRecognizer()
    for text, value in [
        ("Reach me on 07700 900123.", "07700 900123"),
        ("reach me on +44 7700 900456 later", "+44 7700 900456"),
    ]:
        found = [r for r in recognizer.analyze(text, ["PHONE_NUMBER"]) if r.score >= 0.5]
        assert [text[r.start : r.end] for r in found] == [value]
    assert not [r for r in recognizer.analyze("ref 7700900123 shipped", ["PHONE_NUMBER"]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Dreux Joly\n416 60 039 office\n+46 (0)8 928 571 38 fax", "416 60 039"),
        ("en", "Nicosia 61089\n28-64-66-98 office", "28-64-66-98"),
        ("en", "930.167.3943 fax", "930.167.3943"),
        ("en", "Office: 085 175 7641-Office, 3660170548-Fax", "085 175 7641"),
        ("en", "(37) 788-063-Office", "(37) 788-063"),
        ("en", "0489 25 37 29 (home)", "0489 25 37 29"),
        ("fr", "06 12 34 56 78 portable", "06 12 34 56 78"),
        ("fr", "04 94 92 82 32 (bureau)", "04 94 92 82 32"),
        ("nl", "020-1234567 (werk)", "020-1234567"),
        ("nl", "0470 12 34 56 gsm", "0470 12 34 56"),
    ],
)
def test_numbers_before_a_phone_label(language: str, text: str, expected: str) -> None:
    assert (expected, 0.6) in found(CONTEXT[language], text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "order 12345678 home delivery"),  # "home" only counts in brackets
        ("en", "ticket 1234567 work order"),
        ("en", "invoice 1234567 officer"),  # a word that only starts like a label
        ("fr", "colis 12345678 bureau de poste"),
        ("nl", "pakket 12345678 werk ik morgen af"),
        ("en", "12.03.2021 fax"),  # a date
    ],
)
def test_numbers_before_other_words_need_context(language: str, text: str) -> None:
    assert all(score < 0.5 for _, score in found(CONTEXT[language], text))


def test_a_contact_list_gives_every_number_whole() -> None:
    # the label ends each match, so the line break after it can open the next number
    text = "28-64-66-98 office\n930.167.3943 fax\n+46 (0)179 459 33 mobile"
    assert found(CONTEXT["en"], text) == [
        ("28-64-66-98", 0.6),
        ("930.167.3943", 0.6),
        ("+46 (0)179 459 33", 0.6),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "7276203456 is my number", "7276203456"),
        ("en", "(0115) 4960714 is my number!", "(0115) 4960714"),
        ("fr", "884.307.2005 c'est mon numéro, merci", "884.307.2005"),
        ("nl", "06 12345678 is mijn nieuwe nummer", "06 12345678"),
    ],
)
def test_numbers_before_is_my_number(language: str, text: str, expected: str) -> None:
    assert (expected, 0.6) in found(CONTEXT[language], text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "884 307 2005 c'est mon numéro de commande"),  # the clause goes on: another number
        ("en", "72762034 is my number for the account"),
        ("en", "my order number is 0532 123 45 67"),  # only words of phones may say which number
        ("nl", "mijn klant nummer is 0532 123 45 67"),
    ],
)
def test_numbers_before_my_number_of_something_need_context(language: str, text: str) -> None:
    assert all(score < 0.5 for _, score in found(CONTEXT[language], text))


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "the mob was angry, 300 people"), ("fr", "le port de 12000 tonnes")],
)
def test_short_phone_words_need_a_phone_like_number(language: str, text: str) -> None:
    # "Mob:" and "Port :" label numbers in signatures; elsewhere they are words
    assert found(CONTEXT[language], text) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a signature's number, valid for no numbering plan the recognizers know or not: beside a name
        ("nl", "Groetjes, Femke (06-98765432)", "06-98765432"),
        ("en", "Thanks, Sarah (760 771 0431)", "760 771 0431"),
        ("en", "Many thanks\nSarah Jones\n6145620168", "6145620168"),
        ("nl", "Sanne de Vries\n0931 002516", "0931 002516"),  # a name particle in lower case
        ("en", "> Sarah Jones\n> 614.562.0168", "614.562.0168"),  # a quoted e-mail
    ],
)
def test_numbers_beside_a_name_as_signatures_write_them(language: str, text: str, expected: str) -> None:
    assert found(CONTEXT[language], text) == [(expected, 0.6)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Sarah Jones\n12345678"),  # eight digits: an account number as likely
        ("en", "Customer Service\n6145620168"),  # no known name on the line above
        ("en", "Sarah Jones\n6145620168 is my order"),  # not alone on its line
        ("en", "Thanks, Sarah (6145620168 refunded)"),  # not alone in the brackets
        ("nl", "Bestelling (0931002516) is kwijt"),  # no name before the brackets
        ("en", "Sarah Jones paid twice\n6145620168"),  # the line above is no name
    ],
)
def test_numbers_not_beside_a_name_need_context(language: str, text: str) -> None:
    assert [score for _, score in found(CONTEXT[language], text)] == [0.3]
