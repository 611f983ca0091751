"""The image's build stage gets every file the package build reads from pyproject.toml.

The Docker engine cannot run here, so the Dockerfile is never built in CI; this checks what the
build would need. setuptools reads the readme and the licence files named in pyproject.toml, and
a licence pattern that matches nothing warns now and stops builds after 2027-02-18.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _files_the_package_build_reads() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [project["readme"], *project.get("license-files", [])]


def _copied_by_the_build_stage() -> set[str]:
    copied: set[str] = set()
    for line in (REPO / "docker" / "Dockerfile").read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
            copied.update(words[1:-1])
    return copied


def _let_into_the_context() -> set[str]:
    lines = (REPO / "docker" / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    return {line[1:].rstrip("/") for line in lines if line.startswith("!")}


def test_the_build_stage_copies_what_the_package_build_reads() -> None:
    needed = _files_the_package_build_reads()

    assert "LICENSE" in needed
    assert all((REPO / name).is_file() for name in needed)
    assert set(needed) <= _copied_by_the_build_stage()
    assert set(needed) <= _let_into_the_context()
