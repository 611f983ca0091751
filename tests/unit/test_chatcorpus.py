"""The generated chat corpus: deterministic, spans on the planted values, valid check digits."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import orjson
import phonenumbers
import pytest

from processors.chatcorpus import (
    ANNOTATED_LABELS,
    SOURCE,
    be_national_number_check,
    bsn_check_digit,
    french_rib_key,
    generate_records,
    generate_wire_messages,
    iban_check_digits,
    luhn_check_digit,
    nir_key,
)
from processors.contract import InputMessage, parse_message

N = 1500


@pytest.fixture(scope="module")
def records() -> list[dict[str, object]]:
    return generate_records(N, 7)


def spans_of(records: list[dict[str, object]], label: str) -> list[tuple[str, str]]:
    """(lang, value) of every gold span with this label."""
    out = []
    for r in records:
        text = str(r["text"])
        for s in r["spans"]:  # type: ignore[attr-defined]
            if s["label"] == label:
                out.append((str(r["lang"]), text[s["start"] : s["end"]]))
    return out


# -- independent validators (not the generator's own helpers) --------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def nir_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[12]\d{4}(\d\d|2A|2B)\d{8}", compact):
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(compact[13:])


def bsn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(digits) == 9 and sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def be_nn_ok(value: str) -> tuple[bool, bool]:
    """(valid, valid only under the 2000+ rule)."""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 11:
        return False, False
    body, check = int(digits[:9]), int(digits[9:])
    before = 97 - body % 97 == check
    after = 97 - (2_000_000_000 + body) % 97 == check
    return before or after, after and not before


NINO = re.compile(r"(?i)^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$")


# -- helpers' known answers -----------------------------------------------------------------------------


def test_check_digit_helpers_on_published_examples() -> None:
    assert luhn_check_digit("7992739871") == "3"
    assert iban_check_digits("GB", "WEST12345698765432") == "82"
    assert iban_check_digits("NL", "ABNA0417164300") == "91"
    assert iban_check_digits("BE", "539007547034") == "68"
    assert iban_check_digits("FR", "20041010050500013M02606") == "14"
    assert french_rib_key("20041", "01005", "0500013M026") == "06"
    assert bsn_check_digit("11122233") == 3
    assert nir_key("2690549588157") == "80"
    assert be_national_number_check("850730033", False) == f"{97 - 850730033 % 97:02d}"
    assert be_national_number_check("010101123", True) == f"{97 - 2010101123 % 97:02d}"


# -- records --------------------------------------------------------------------------------------


def test_generation_is_deterministic_per_seed(records: list[dict[str, object]]) -> None:
    assert generate_records(200, 7) == records[:200]
    assert generate_records(200, 8) != records[:200]
    assert generate_wire_messages(50, 3) == generate_wire_messages(50, 3)


def test_records_have_the_shared_format_and_spans_point_at_planted_values(
    records: list[dict[str, object]],
) -> None:
    ids = set()
    for r in records:
        assert set(r) == {"id", "lang", "text", "spans", "source", "annotated_labels"}
        assert r["source"] == SOURCE
        assert r["lang"] in {"fr", "nl", "en"}
        assert r["annotated_labels"] == list(ANNOTATED_LABELS)
        ids.add(r["id"])
        text = str(r["text"])
        previous_end = 0
        for s in r["spans"]:  # type: ignore[attr-defined]
            assert s["label"] in ANNOTATED_LABELS
            assert previous_end <= s["start"] < s["end"] <= len(text)
            value = text[s["start"] : s["end"]]
            assert value == value.strip(), value
            previous_end = s["end"]
    assert len(ids) == len(records)
    assert Counter(r["lang"] for r in records) == {"fr": N // 3, "nl": N // 3, "en": N // 3}


def test_enough_messages_without_personal_data(records: list[dict[str, object]]) -> None:
    empty = sum(1 for r in records if not r["spans"])
    assert empty / len(records) >= 0.30
    labels = Counter(s["label"] for r in records for s in r["spans"])  # type: ignore[attr-defined]
    assert set(labels) == set(ANNOTATED_LABELS)


def test_cards_and_ibans_have_valid_check_digits_in_many_spellings(records: list[dict[str, object]]) -> None:
    cards = [v for _, v in spans_of(records, "CREDIT_CARD")]
    assert cards and all(luhn_ok(re.sub(r"\D", "", v)) for v in cards)
    assert any(" " in v for v in cards) and any("-" in v for v in cards) and any(v.isdigit() for v in cards)
    ibans = [v for _, v in spans_of(records, "IBAN_CODE")]
    assert ibans and all(iban_ok(v) for v in ibans)
    assert {v[:2].upper() for v in ibans} == {"FR", "NL", "BE", "GB"}
    assert any(v.islower() for v in ibans) and any(" " in v for v in ibans) and any(v.isalnum() for v in ibans)
    for v in ibans:  # French RIB key inside the BBAN
        compact = v.replace(" ", "").upper()
        if compact.startswith("FR"):
            assert french_rib_key(compact[4:9], compact[9:14], compact[14:25]) == compact[25:27]


def test_national_ids_are_valid_for_their_country(records: list[dict[str, object]]) -> None:
    kinds: Counter[str] = Counter()
    born_2000 = 0
    for lang, value in spans_of(records, "NATIONAL_ID"):
        digits = re.sub(r"\D", "", value)
        if NINO.match(value):
            assert lang == "en"
            kinds["nino"] += 1
        elif re.fullmatch(r"[12]\d{4}(\d\d|2A|2B)\d{8}", value.replace(" ", "")):
            assert lang == "fr" and nir_ok(value), value
            kinds["nir"] += 1
        elif len(digits) == 9:
            assert lang == "nl" and bsn_ok(value), value
            kinds["bsn"] += 1
        else:
            valid, only_2000 = be_nn_ok(value)
            assert lang in {"fr", "nl"} and valid, value
            born_2000 += only_2000
            kinds["be"] += 1
    assert all(kinds[k] >= 5 for k in ("nino", "nir", "bsn", "be")), kinds
    assert born_2000 >= 1
    assert any(" " in v for _, v in spans_of(records, "NATIONAL_ID"))


def test_phones_are_valid_numbers_in_national_and_international_forms(records: list[dict[str, object]]) -> None:
    phones = [v for _, v in spans_of(records, "PHONE_NUMBER")]
    for value in phones:
        assert any(
            phonenumbers.is_valid_number(phonenumbers.parse(value, region)) for region in ("FR", "NL", "BE", "GB")
        ), value
    assert any(v.startswith("+") for v in phones) and any(v.startswith("00") for v in phones)
    assert any(v.startswith("0") and not v.startswith("00") for v in phones)
    for sep in (" ", ".", "-", "/"):
        assert any(sep in v for v in phones), sep
    assert any(re.fullmatch(r"0\d{9}", v) for v in phones)


def test_emails_names_dates_and_ages_look_right(records: list[dict[str, object]]) -> None:
    assert all(re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) for _, v in spans_of(records, "EMAIL_ADDRESS"))
    people = [v for _, v in spans_of(records, "PERSON")]
    assert any(v.islower() for v in people) and any(v.istitle() for v in people)
    assert all(not re.search(r"\d", v) for v in people)
    assert all(v.isdigit() and 18 <= int(v) <= 92 for _, v in spans_of(records, "AGE"))
    weekdays = {"samedi", "zondag", "sundays"}  # the weekday slot's words: dates without digits
    assert all(re.search(r"\d", v) or v.lower() in weekdays for _, v in spans_of(records, "DATE_TIME"))
    texts = [str(r["text"]) for r in records]
    assert any("je m'appelle" in t.lower() for t in texts)
    assert any("mijn naam is" in t.lower() for t in texts)
    assert any("my name is" in t.lower() for t in texts)
    assert sum(t == t.lower() for t in texts) > len(texts) * 0.1


# -- wire messages ----------------------------------------------------------------------------------


def test_wire_messages_follow_the_contract_and_list_their_planted_values() -> None:
    messages = generate_wire_messages(400, 11)
    assert len(messages) == 400
    roles: Counter[str] = Counter()
    consents = set()
    without_lang = 0
    conversations: Counter[str] = Counter()
    for wire in messages:
        parsed = parse_message(orjson.dumps(wire.message), 262144, 10000)
        assert isinstance(parsed, InputMessage), parsed
        text = wire.message["text"]
        for planted in wire.planted:
            assert text[planted.start : planted.end] == planted.value
            assert planted.label in ANNOTATED_LABELS
        for name, value in wire.planted_fields.items():
            assert wire.message["sender"][name.removeprefix("sender.")] == value
        assert set(wire.values) >= {p.value for p in wire.planted}
        roles[parsed.sender.role] += 1
        consents.add(orjson.dumps(wire.message.get("consent"), option=orjson.OPT_SORT_KEYS))
        without_lang += "lang" not in wire.message
        conversations[parsed.conversation_id] += 1
    assert set(roles) == {"customer", "agent", "bot"}
    assert len(consents) >= 4
    assert 0 < without_lang < len(messages)
    assert max(conversations.values()) > 1
    assert sum(bool(w.planted) for w in messages) > 100
    assert any(w.planted_fields for w in messages)
    stamps = [w.message["timestamp"] for w in messages]
    assert stamps == sorted(stamps)


def test_corpus_command_writes_records_and_wire_files(tmp_path: Path) -> None:
    from processors.cli import main

    out = tmp_path / "chat.jsonl"
    assert main(["corpus", "--n", "30", "--seed", "5", "--out", str(out)]) == 0
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert lines == generate_records(30, 5)
    wire, planted = tmp_path / "wire.jsonl", tmp_path / "planted.jsonl"
    assert main(["corpus", "--n", "12", "--seed", "5", "--wire", "--out", str(wire), "--planted", str(planted)]) == 0
    messages = [orjson.loads(line) for line in wire.read_bytes().splitlines()]
    assert [m["message_id"] for m in messages] == [
        orjson.loads(p)["message_id"] for p in planted.read_bytes().splitlines()
    ]
    assert messages == [w.message for w in generate_wire_messages(12, 5)]


def test_weekdays_are_labelled_dates() -> None:
    """ "vous livrez le samedi ?": the weekday is a date expression, labelled as the detector reports it."""
    records = generate_records(600, 5)
    weekdays = [
        (r["text"], s)
        for r in records
        for s in r["spans"]
        if r["text"][s["start"] : s["end"]].lower() in {"samedi", "zondag", "sundays"}
    ]
    assert weekdays and all(s["label"] == "DATE_TIME" for _, s in weekdays)
