"""A core command does not import the modules of the optional ones (eval, explain, report, dlq)."""

from __future__ import annotations

import subprocess
import sys

import orjson
import pytest

from processors.cli import _command_word, main
from tests.conftest import REPO

OPTIONAL_MODULES = ("processors.eval_cli", "processors.explain", "processors.report", "processors.dlq_cli", "rich")


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["detect", "in.jsonl"], "detect"),
        (["--log-level", "DEBUG", "detect"], "detect"),
        (["--log-level=WARNING", "eval", "set.jsonl"], "eval"),
        (["--log-level", "config"], None),  # "config" is the option's value here, not a command
        (["-h"], None),
        (["--help", "detect"], None),  # top-level help first: it lists every command
        (["detect", "--help"], "detect"),  # the command's own help
        ([], None),
    ],
)
def test_the_command_word(argv: list[str], word: str | None) -> None:
    assert _command_word(argv) == word


def _imported_after(argv: list[str]) -> tuple[int, list[str]]:
    probe = (
        "import json, sys\n"
        "from processors.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(json.dumps([code, [m for m in {OPTIONAL_MODULES!r} if m in sys.modules]]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    code, imported = orjson.loads(done.stderr.strip().splitlines()[-1])
    return code, imported


def test_a_core_command_leaves_the_optional_modules_unimported() -> None:
    assert _imported_after(["config", "check"]) == (0, [])


def test_an_optional_command_still_runs() -> None:
    code, imported = _imported_after(["dlq", "stats", "--file", "/dev/null"])
    assert code == 0
    assert "processors.dlq_cli" in imported


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("detect", "redact", "worker", "eval", "corpus", "explain", "report", "dlq"):
        assert command in out
