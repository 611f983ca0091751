"""Cost of the generic recognizers per chat message, over 1,000 generated lines per language.

Run ``pytest tests/unit/recognizers/test_generic_perf.py -q -s`` to print the figures. The bound
asserted is loose on purpose (shared CI machines); the printed µs/message is the number to watch.
"""

from __future__ import annotations

import random
import time

import pytest
from faker import Faker

from recognizers.generic import build
from recognizers.settings import RecognizerSettings

LOCALES = {"fr": "fr_FR", "nl": "nl_NL", "en": "en_GB"}
TEMPLATES = {
    "fr": [
        "bonjour, ma commande {order} n'est toujours pas arrivée",
        "je m'appelle {name}, j'habite {address}",
        "mon mail c'est {email} et mon tel {phone}",
        "vous pouvez rembourser sur {iban} svp",
        "je suis né le {date} et j'ai {age} ans",
        "rdv à 14h30 ou 10:30 ? merci d'avance",
        "l'appli version 2.4.1 plante depuis hier",
        "payé {price} € le {date}",
        "ok merci bonne journée",
        "le colis {order} est bloqué, vous pouvez m'appeler au {phone} ?",
    ],
    "nl": [
        "hallo, mijn bestelling {order} is nog niet binnen",
        "ik ben {name} en woon op {address}",
        "mail naar {email} of bel {phone}",
        "graag terugstorten op {iban}",
        "geboren op {date}, ik ben {age} jaar",
        "om 14:30 of 10.30 uur?",
        "de app versie 3.2.1 crasht steeds",
        "ik heb {price} euro betaald op {date}",
        "top, bedankt!",
        "pakket {order} staat stil, bel me op {phone}",
    ],
    "en": [
        "hi, my order {order} hasn't arrived yet",
        "I'm {name}, I live at {address}",
        "email me at {email} or call {phone}",
        "please refund to {iban}",
        "DOB {date}, I'm {age} years old",
        "can we do 2:30 pm or 10:30?",
        "version 10.0.19041.1 keeps crashing",
        "I paid £{price} on {date}",
        "thanks, have a nice day!",
        "parcel {order} is stuck, ring me on {phone}",
    ],
}


def chat_lines(language: str, count: int = 1000) -> list[str]:
    """Generated chat messages (Faker values in templates): formats, not real-world frequencies."""
    fake = Faker(LOCALES[language])
    fake.seed_instance(1234)
    rng = random.Random(1234)
    lines = []
    for _ in range(count):
        template = rng.choice(TEMPLATES[language])
        line = template.format(
            order=fake.numerify("#########"),
            name=fake.name(),
            address=fake.address().replace("\n", ", "),
            email=fake.email(),
            phone=fake.phone_number(),
            iban=fake.iban(),
            date=fake.date_of_birth().strftime(rng.choice(["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"])),
            age=rng.randint(18, 90),
            price=f"{rng.randint(1, 999)},{rng.randint(0, 99):02d}",
        )
        lines.append(line.lower() if rng.random() < 0.3 else line)
    return lines


def microseconds_per_message(language: str, lines: list[str]) -> float:
    recognizers = build(language, RecognizerSettings())
    for line in lines[:50]:  # warm-up
        for recognizer in recognizers:
            recognizer.analyze(line, [])
    start = time.perf_counter()
    for line in lines:
        for recognizer in recognizers:
            recognizer.analyze(line, [])
    return (time.perf_counter() - start) / len(lines) * 1e6


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_cost_per_message(language: str) -> None:
    lines = chat_lines(language)
    assert len(lines) == 1000
    cost = microseconds_per_message(language, lines)
    print(f"\ngeneric recognizers, {language}: {cost:.0f} µs/message over {len(lines)} generated chat lines")
    assert cost < 5000
