"""The README's configuration reference is the one generated from the config models, and its
entity table names every entity type."""

from __future__ import annotations

import re

from processors.config_reference import BEGIN, END, render
from recognizers.entities import ALL_ENTITIES
from tests.conftest import REPO


def test_readme_reference_matches_the_models() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END
    assert block == render(), "run: python scripts/update_readme_reference.py"


def test_reference_names_every_sink_setting() -> None:
    rendered = render()
    for key in ("consent_default", "retention_days", "special_categories", "key_ring", "fields"):
        assert f"| `{key}` |" in rendered


def test_readme_lists_every_entity_type() -> None:
    """The "What piiflow detects" table names every type a recognizer can report, and no other."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## What piiflow detects", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`([A-Z_]+)`", section))
    assert listed == set(ALL_ENTITIES)
