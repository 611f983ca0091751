"""The README's configuration reference is the one generated from the config models."""

from __future__ import annotations

from processors.config_reference import BEGIN, END, render
from tests.conftest import REPO


def test_readme_reference_matches_the_models() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END
    assert block == render(), "run: python scripts/update_readme_reference.py"


def test_reference_names_every_sink_setting() -> None:
    rendered = render()
    for key in ("consent_default", "retention_days", "special_categories", "key_ring", "fields"):
        assert f"| `{key}` |" in rendered
