"""Rewrite the README's configuration reference block from the config models."""

from __future__ import annotations

from pathlib import Path

from processors.config_reference import BEGIN, END, render

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(head + render() + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
