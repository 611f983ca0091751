"""Mobile numbers of France, the Netherlands, Belgium and the UK in any language's message
(``ForeignMobileRecognizer``). Numbers are fictitious, in ranges libphonenumber knows as mobile."""

from __future__ import annotations

import pytest

from recognizers.generic.foreign_mobile import ForeignMobileRecognizer, is_mobile

RECOGNIZERS = {language: ForeignMobileRecognizer(language) for language in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZERS[language].analyze(text, []) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "0495.63.03.16", "0495.63.03.16"),  # Belgian, in English
        ("en", "ok 0495/63.03.16 thanks", "0495/63.03.16"),
        ("en", "cancel order #847890 please - 07 61 31 99 05", "07 61 31 99 05"),  # French
        ("nl", "bel me terug, 06.10.97.72.56", "06.10.97.72.56"),
        ("fr", "mon numéro néerlandais : 06-12345678", "06-12345678"),  # Dutch, in French
        ("fr", "Guy FLEURY\n07467 167947", "07467 167947"),  # British, in French
        ("en", "0495 630 316", "0495 630 316"),
        # after a whole IBAN (its country's length, its check digits right) a new number starts
        ("nl", "NL83 SNSB 1054 5595 78 06 83 46 66 15", "06 83 46 66 15"),
        # French and Dutch mobiles as ten bare digits, no other number named before them on the line
        ("en", "my card number is 5447 4941 2316 1148\n0634392103. Thanks, Charlie", "0634392103"),
        ("en", "Hello! joiganble au 0613386053", "0613386053"),
        ("en", "Grace Middleton here 0466233044", "0466233044"),  # Belgian
        # a number's name followed by its number names that one, not the mobile after it
        ("en", "My order 46321493 still hasn't arrived, 0659933818\nBest.", "0659933818"),
        ("en", "NINO: TT 222353 C. you can reach me on 0658844494", "0658844494"),
        # British mobiles as eleven bare digits, in French and Dutch
        ("fr", "J'ai été débité deux fois, c'est normal ? 07751702116", "07751702116"),
        ("nl", "Dag 07719923338 ik ben josse wellens", "07719923338"),
    ],
)
def test_a_mobile_in_its_own_shape(language: str, text: str, expected: str) -> None:
    assert found(language, text) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "order 0612345678 shipped"),  # bare digits after another number's name: that number
        ("nl", "bestelling #0712345678 is niet aangekomen"),
        ("en", "my tracking code is 0612345678"),
        ("en", "ref 12 34 06 12 34 56 78 90"),  # a piece of a longer separated number
        ("nl", "NL83 SNSB 1054 5595 06 83 46 66 15"),  # groups of an IBAN not yet whole: one number
        ("en", "0201 23 45 67"),  # no mobile prefix
        ("en", "07700 900123"),  # Ofcom's drama range: no assigned number
        ("fr", "commande 07751702116 non reçue"),  # eleven bare digits after another number's name
        ("nl", "ordernummer: 077517021160"),  # twelve digits: no British mobile
        ("fr", "#07751702116"),
        ("en", "invoice 0466233044"),
        ("en", "order nr. 0612345678"),  # an abbreviation's dot ends no sentence
        ("en", "0446233044"),  # 044: no Belgian mobile prefix
    ],
)
def test_no_mobile(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_country_follows_the_shape() -> None:
    assert is_mobile("06 12 34 56 78")  # French (and Dutch) mobile
    assert is_mobile("0470 12 34 56")  # Belgian
    assert not is_mobile("04 70 12 34 56 7")  # eleven digits after 04: none of the four


def test_the_languages_own_shapes_are_left_to_its_recognizers() -> None:
    # a French mobile in French is FrPhoneRecognizer's; a Belgian one in Dutch, BePhoneRecognizer's
    assert found("fr", "07 61 31 99 05") == []
    assert found("nl", "0495 63 03 16") == []
    assert found("en", "07467 167947") == []
    # ten bare digits are looked for in English only: French and Dutch recognizers take their own
    assert found("fr", "0612345678") == []
    assert found("nl", "0761319905") == []
    assert found("en", "07751702116") == []  # UkPhoneRecognizer's
