"""Detection gives the same answer in every process, whatever Python's hash seed, and for every
batch a message arrives in.

Workers of one consumer group, a replay of the dead letters and ``piiflow detect`` run by a DPO
must agree on what a message holds. Python randomises the iteration order of sets and of dicts
built from them per process (``PYTHONHASHSEED``), so any recognizer that takes "the first" of a
set decides differently in different processes: ``PlaceCueRecognizer`` did, with spelling variants
of its cue words. This runs ``piiflow detect`` over generated chat under several seeds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from processors.chatcorpus import generate_records
from processors.detection import Detector, Entity
from tests.conftest import REPO

#: Messages whose words have several readings (cue variants, greetings that end alike).
TRICKY = [
    ("nl", "ik ben net verhuisd naar Collinboulevard 481, 8306 UF, Cadier en Keer"),
    ("nl", "Goede morgen met joël de koning"),
    ("fr", "je viens de déménager au 12 rue Arnaud, 84492 Riou-sur-Hervé"),
    ("en", "I just moved to 83 Rails Street F23 TEVW Ballina"),
]


def _detect(source: Path, seed: int) -> list[object]:
    completed = subprocess.run(
        [sys.executable, "-m", "processors.cli", "detect", str(source)],
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return [json.loads(line)["entities"] for line in completed.stdout.splitlines() if line.strip()]


def test_detect_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    corpus = tmp_path / "chat.jsonl"
    subprocess.run(
        [sys.executable, "-m", "processors.cli", "corpus", "--n", "1000", "--seed", "3", "--out", str(corpus)],
        capture_output=True,
        check=True,
        cwd=REPO,
    )
    with corpus.open("a", encoding="utf-8") as out:
        for number, (lang, text) in enumerate(TRICKY):
            out.write(json.dumps({"id": f"tricky-{number}", "lang": lang, "text": text, "spans": []}) + "\n")
    runs = [_detect(corpus, seed) for seed in (1, 2, 4)]
    assert len(runs[0]) == 1000 + len(TRICKY)
    assert sum(len(entities) for entities in runs[0]) > 1000  # the corpus plants values in most messages
    assert runs[1] == runs[0]
    assert runs[2] == runs[0]


def test_entities_do_not_depend_on_the_batch(real_detector: Detector) -> None:
    """A message gets the same entities alone as in a batch of others (the worker batches by
    arrival, a replay of the dead letters one by one): spaCy's forwards, the token tables and the
    recognizers' memos are per message."""
    records = generate_records(240, 11)
    texts = [str(r["text"]) for r in records]
    languages = [str(r["lang"]) for r in records]

    def as_tuples(entities: list[Entity]) -> list[tuple[str, int, int, float]]:
        return [(e.entity_type, e.start, e.end, round(e.score, 4)) for e in entities]

    batched = real_detector.detect(texts, languages)
    alone = [real_detector.detect([text], [language])[0] for text, language in zip(texts, languages, strict=True)]
    assert sum(len(entities) for entities in batched) > 200
    assert [as_tuples(e) for e in alone] == [as_tuples(e) for e in batched]
