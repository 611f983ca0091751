"""A generated corpus of 1000 Dutch and French chat lines: false positives, recall, speed.

Half the lines are ordinary customer-service chat full of numbers (order numbers, prices, dates,
times, years, quantities, tracking codes); half carry one planted, fictitious identifier whose
check digits are computed here. Run directly to print µs/message per recognizer:

    python tests/unit/recognizers/test_nl_be_chat_corpus.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import EntityRecognizer

from recognizers import be, nl
from recognizers.entities import ADDRESS, BE_NATIONAL_NUMBER, NL_BSN, NL_KVK, NL_VAT, PHONE_NUMBER
from recognizers.nl.postcode import UNUSED_LETTERS, UPPER_CASE_UNITS
from recognizers.settings import RecognizerSettings

THRESHOLD = 0.5
SIZE = 1000


@dataclass(frozen=True)
class Line:
    language: str
    text: str
    entity: str | None = None  # the planted identifier's type, None for an ordinary line
    value: str = ""


_LETTER_PAIRS = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
_REFUSED_PAIRS = UNUSED_LETTERS | UPPER_CASE_UNITS  # never issued / documented loss ("2000 GB")


def _bsn(rng: random.Random) -> str:
    while True:
        body = f"{rng.randrange(10**7, 10**8):08d}"
        check = sum(w * int(d) for w, d in zip(range(9, 1, -1), body, strict=True)) % 11
        if check != 10:
            return body + str(check)


def _national_number(rng: random.Random) -> str:
    year, month, day, counter = rng.randrange(100), rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(1, 998)
    body = f"{year:02d}{month:02d}{day:02d}{counter:03d}"
    base = int(("2" if year < 25 else "") + body)
    return f"{body}{97 - base % 97:02d}"


def _nl_mobile(rng: random.Random) -> str:
    digits = f"6{rng.choice('12345')}{rng.randrange(10**7):07d}"
    return rng.choice(
        [f"0{digits}", f"0{digits[0]}-{digits[1:]}", f"0{digits[0]} {digits[1:]}", f"+31 {digits[0]} {digits[1:]}"]
    )


def _be_mobile(rng: random.Random) -> str:
    digits = f"4{rng.choice(['70', '75', '77', '86', '96'])}{rng.randrange(10**6):06d}"
    a, b, c, d = digits[:3], digits[3:5], digits[5:7], digits[7:]
    return rng.choice([f"0{a} {b} {c} {d}", f"0{a}/{b}.{c}.{d}", f"+32 {a} {b} {c} {d}"])


def _date(rng: random.Random) -> str:
    day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(2019, 2026)
    return rng.choice(
        [f"{day:02d}-{month:02d}-{year}", f"{day}/{month}/{year}", f"{day:02d}.{month:02d}.{year % 100:02d}"]
    )


def _ordinary_nl(rng: random.Random, fake: Faker) -> str:
    order = rng.choice([f"#{rng.randrange(10**6, 10**7)}", f"ORD-{rng.randrange(10**5, 10**6)}"])
    euros, cents = rng.randrange(1, 2000), rng.randrange(100)
    hour, minute = rng.randrange(7, 23), rng.choice([0, 15, 30, 45])
    templates: list[Callable[[], str]] = [
        lambda: f"hoi, mijn bestelling {order} is nog niet binnen",
        lambda: f"ik heb € {euros},{cents:02d} betaald op {_date(rng)}",
        lambda: f"kan ik om {hour}:{minute:02d} langskomen?",
        lambda: f"dat was in {rng.randrange(1990, 2026)}, toen ik {rng.randrange(18, 80)} jaar was",
        lambda: f"ik heb {rng.randrange(2, 20)} stuks besteld en {rng.randrange(1, 5)} teruggestuurd",
        lambda: f"de korting is {rng.randrange(5, 70)}% tot {_date(rng)}",
        lambda: (
            f"pakket 3S{fake.lexify('????').upper()}{rng.randrange(10**9)} staat al {rng.randrange(2, 9)} dagen stil"
        ),
        lambda: f"artikelnummer {rng.randrange(10**5, 10**6)}, maat {rng.choice(['38', '40', 'XL'])}",
        lambda: f"ik ben {fake.first_name()}, klant sinds {rng.randrange(2000, 2025)}",
        lambda: f"hoeveel kost de telefoon met {rng.choice([64, 128, 256])} gb?",
        lambda: f"op {_date(rng)} om {hour}u{minute:02d} kwam het aan, {rng.randrange(1, 6)} van de 6 kapot",
        lambda: f"het duurt nu al {rng.randrange(10, 90)} minuten, ik ben onderweg naar de winkel",
        lambda: f"in {rng.randrange(2015, 2026)} is het abonnement met {rng.randrange(2, 30)} euro verhoogd",
    ]
    return rng.choice(templates)()


def _ordinary_fr(rng: random.Random, fake: Faker) -> str:
    order = f"{rng.randrange(10**6, 10**7)}"
    euros, cents = rng.randrange(1, 2000), rng.randrange(100)
    templates: list[Callable[[], str]] = [
        lambda: f"bonjour, ma commande n° {order} n'est pas arrivée",
        lambda: f"j'ai payé {euros},{cents:02d} € le {_date(rng)}",
        lambda: f"je passe vers {rng.randrange(8, 20)}h{rng.choice(['00', '30'])}",
        lambda: f"en {rng.randrange(1990, 2026)} j'avais {rng.randrange(18, 80)} ans",
        lambda: f"{rng.randrange(2, 20)} articles commandés, {rng.randrange(1, 5)} retournés",
        lambda: f"le colis est en route depuis {rng.randrange(2, 9)} jours",
        lambda: f"je suis {fake.first_name()}, client depuis {rng.randrange(2000, 2025)}",
        lambda: f"à la place de {rng.randrange(2, 9)} articles j'en ai reçu {rng.randrange(1, 3)}",
        lambda: f"remboursement de {euros} euros prévu le {_date(rng)}",
    ]
    return rng.choice(templates)()


def _planted(rng: random.Random, fake_nl: Faker, fake_be: Faker) -> Line:
    street = f"{fake_nl.street_name()} {rng.randrange(1, 300)}"
    letters = rng.choice([pair for pair in _LETTER_PAIRS if pair.lower() not in _REFUSED_PAIRS])
    postcode = f"{rng.randrange(1000, 10000)} {letters}"
    bsn = _bsn(rng)
    spaced_bsn = f"{bsn[:4]} {bsn[4:6]} {bsn[6:]}"
    nn = _national_number(rng)
    dotted_nn = f"{nn[:2]}.{nn[2:4]}.{nn[4:6]}-{nn[6:9]}.{nn[9:]}"
    vat = f"NL{_bsn(rng)}B{rng.randrange(1, 100):02d}"
    kvk = str(rng.randrange(10**7, 10**8))
    nl_mobile, be_mobile = _nl_mobile(rng), _be_mobile(rng)
    be_town = rng.choice(["Bruxelles", "Gent", "Liège", "Namur", "Antwerpen"])
    french_address = f"rue {fake_be.last_name()} {rng.randrange(1, 300)}, 1000 {be_town}"
    choices: list[Line] = [
        Line("nl", f"mijn bsn is {spaced_bsn}", NL_BSN, spaced_bsn),
        Line("nl", f"burgerservicenummer {bsn}", NL_BSN, bsn),
        Line("nl", f"bel me op {nl_mobile} aub", PHONE_NUMBER, nl_mobile),
        Line("nl", f"mijn gsm is {be_mobile}", PHONE_NUMBER, be_mobile),
        Line("nl", f"nieuw adres: {street}", ADDRESS, street),
        Line("nl", f"mijn adres is {street}, {postcode} {fake_nl.city()}", ADDRESS, street),
        Line("nl", f"postcode {postcode}", ADDRESS, postcode),
        Line("nl", f"btw-id {vat}", NL_VAT, vat),
        Line("nl", f"kvk {kvk}", NL_KVK, kvk),
        Line("nl", f"rijksregisternummer {nn}", BE_NATIONAL_NUMBER, nn),
        Line("fr", f"mon numéro national {dotted_nn}", BE_NATIONAL_NUMBER, dotted_nn),
        Line("fr", f"appelez-moi au {be_mobile}", PHONE_NUMBER, be_mobile),
        Line("fr", f"j'habite {french_address}. merci", ADDRESS, french_address),
    ]
    return rng.choice(choices)


def generate_corpus(size: int = SIZE, seed: int = 2024) -> list[Line]:
    rng = random.Random(seed)
    fake_nl, fake_be, fake_fr = Faker("nl_NL"), Faker("nl_BE"), Faker("fr_BE")
    for index, fake in enumerate((fake_nl, fake_be, fake_fr)):
        fake.seed_instance(seed + index)
    lines: list[Line] = []
    for index in range(size):
        if index % 2:
            lines.append(_planted(rng, fake_nl, fake_be))
        elif index % 4 == 0:
            lines.append(Line("nl", _ordinary_nl(rng, fake_nl)))
        else:
            lines.append(Line("fr", _ordinary_fr(rng, fake_fr)))
    return lines


CORPUS = generate_corpus()
SETTINGS = RecognizerSettings()
RECOGNIZERS: dict[str, list[EntityRecognizer]] = {
    language: nl.build(language, SETTINGS) + be.build(language, SETTINGS) for language in ("nl", "fr")
}


def analyze(line: Line) -> list[tuple[str, str, float]]:
    found = []
    for recognizer in RECOGNIZERS[line.language]:
        for result in recognizer.analyze(line.text, recognizer.supported_entities):
            found.append((result.entity_type, line.text[result.start : result.end], result.score))
    return found


def test_ordinary_chat_reports_nothing_over_the_threshold() -> None:
    ordinary = [line for line in CORPUS if line.entity is None]
    assert len(ordinary) == SIZE // 2
    false_positives = [(line.text, hit) for line in ordinary for hit in analyze(line) if hit[2] >= THRESHOLD]
    assert false_positives == []


def test_planted_identifiers_are_found() -> None:
    planted = [line for line in CORPUS if line.entity is not None]
    missed = []
    for line in planted:
        hits = analyze(line)
        if not any(entity == line.entity and line.value in value for entity, value, _ in hits):
            missed.append((line.text, hits))
    assert missed == []


def measure(lines: list[Line], clock: Callable[[], float] = time.thread_time) -> dict[str, float]:
    """µs per message per recognizer class (summed over languages), and the total.

    The default clock is this thread's CPU time: on a shared machine wall-clock time mostly
    measures the other processes.
    """
    spent: dict[str, float] = {}
    for line in lines:
        for recognizer in RECOGNIZERS[line.language]:
            started = clock()
            recognizer.analyze(line.text, recognizer.supported_entities)
            name = type(recognizer).__name__
            spent[name] = spent.get(name, 0.0) + clock() - started
    per_message = {name: seconds * 1e6 / len(lines) for name, seconds in spent.items()}
    per_message["total"] = sum(per_message.values())
    return per_message


def test_speed_per_message() -> None:
    measure(CORPUS[:50])  # warm-up
    per_message = measure(CORPUS)
    print(" ".join(f"{name}={micros:.0f}µs" for name, micros in sorted(per_message.items())))
    assert per_message["total"] < 1500  # CPU µs for all ten recognizers; ~200 measured


if __name__ == "__main__":
    measure(CORPUS[:50])
    cpu, wall = measure(CORPUS), measure(CORPUS, time.perf_counter)
    print(f"{'recognizer':28s} {'CPU':>10s} {'wall':>10s}  (µs/message)")
    for name in sorted(cpu, key=lambda item: -cpu[item]):
        print(f"{name:28s} {cpu[name]:10.1f} {wall[name]:10.1f}")
    print(f"{len(CORPUS)} lines ({sum(1 for line in CORPUS if line.language == 'nl')} nl), half with an identifier")


CHAT_ALPHABET = "0123456789 abcdeghklmnoprstuvwzABKLNS-./,:+()'€éèàï"


@given(text=st.text(alphabet=CHAT_ALPHABET, max_size=80), language=st.sampled_from(["nl", "fr"]))
@settings(max_examples=300)
def test_any_text_gives_sane_results(text: str, language: str) -> None:
    for recognizer in RECOGNIZERS[language]:
        for result in recognizer.analyze(text, recognizer.supported_entities):
            assert 0 <= result.start < result.end <= len(text)
            assert 0.0 < result.score <= 1.0
            assert not text[result.start].isspace() and not text[result.end - 1].isspace()
