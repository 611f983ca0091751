"""Start-up runs without automatic garbage collections: the console script's imports and the
detector's loading (``processors.heap.collector_paused``, ``processors.console``)."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from processors import detection
from processors.config import PiiflowConfig
from processors.detection import DetectionSettings, Detector
from processors.heap import collector_paused
from tests.conftest import REPO


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations of the collections that run while the test does."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


def test_no_automatic_collection_inside_even_if_a_library_toggles_the_collector(collections: list[int]) -> None:
    before = gc.get_threshold()
    assert gc.isenabled() and before[0] > 0
    with collector_paused():
        gc.disable()  # what srsly does around every msgpack load of a spaCy model
        gc.enable()
        kept = [_Cycle() for _ in range(20 * before[0])]  # many times the young generation's threshold
        assert collections == []
    assert gc.get_threshold() == before
    del kept
    for _ in range(2 * before[0]):
        _Cycle()
    assert collections, "outside the block the collector runs again"


def test_the_threshold_comes_back_after_an_error_and_after_nesting() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collector_paused():
        with collector_paused():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0  # the inner block gives back the outer one's pause
        raise RuntimeError("loading failed")
    assert gc.get_threshold() == before


def test_a_detector_loads_a_language_with_the_collector_paused(
    default_config: tuple[PiiflowConfig, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, path = default_config
    thresholds: list[int] = []
    build = detection.build_recognizers

    def recording_build(*args: Any, **kwargs: Any) -> Any:
        thresholds.append(gc.get_threshold()[0])
        return build(*args, **kwargs)

    monkeypatch.setattr(detection, "build_recognizers", recording_build)
    detector = Detector(DetectionSettings.from_config(config, path), on_demand=True)
    found = detector.detect(["You can reach me at oliver.brackwood@example.com"], ["en"])  # fictitious
    assert thresholds == [0]
    assert gc.get_threshold()[0] > 0
    assert [e.entity_type for e in found[0]] == ["EMAIL_ADDRESS"]


def test_the_console_script_freezes_what_its_imports_made() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["piiflow"] == "processors.console:main"
    probe = (
        "import gc, json, sys\n"
        "from processors import console\n"
        "light = 'processors.cli' not in sys.modules and 'spacy' not in sys.modules\n"
        "sys.argv = ['piiflow', 'config', 'schema']\n"
        "code = console.main()\n"
        "print(json.dumps([light, code, gc.get_freeze_count(), gc.get_threshold()[0]]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    light, code, frozen, threshold = orjson.loads(done.stderr.strip().splitlines()[-1])
    assert light, "importing processors.console must not import the command line (nor spaCy)"
    assert code == 0
    assert "properties" in orjson.loads(done.stdout)  # the command itself ran
    assert frozen > 50_000  # spaCy's, Presidio's and pydantic's objects, out of the collector's sight
    assert threshold > 0
