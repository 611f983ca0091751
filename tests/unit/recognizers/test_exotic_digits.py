"""Checks that read digits take only decimal digits: ``str.isdigit`` also accepts "²", "⓷" or the
Ethiopic "፯", which ``int`` refuses, so a check guarded by it raised ValueError instead of saying
no (found by fuzzing the detector)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.base import digits_only, luhn_valid
from recognizers.be.national_number import national_number_valid
from recognizers.fr.address import plausible_postcode
from recognizers.fr.siret import siret_valid
from recognizers.fr.vat import vat_valid
from recognizers.names.spacy_ner import _date_number
from recognizers.nl.common import elfproef, is_date_digits

EXOTIC = "⓷፯²"


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (luhn_valid, "411111111111111" + EXOTIC[0]),
        (luhn_valid, "²³"),
        (siret_valid, "7328293200007" + EXOTIC[1]),
        (vat_valid, "4⓷732829320"),
        (vat_valid, "44732829⓷20"),
        (plausible_postcode, "7500⓷"),
        (elfproef, "11122233" + EXOTIC[2]),
        (is_date_digits, "0305198" + EXOTIC[0]),
        (national_number_valid, "8501011234" + EXOTIC[1]),
    ],
)
def test_a_check_says_no_to_exotic_digits(check: Callable[[str], bool], value: str) -> None:
    assert check(value) is False


def test_digit_helpers_keep_decimal_digits_only() -> None:
    assert digits_only("4111 1111-1111 1111 ²") == "4111111111111111"
    assert digits_only("٤١") == "٤١"  # Arabic-Indic digits are decimal: int() reads them
    assert _date_number("12") and not _date_number("99")
