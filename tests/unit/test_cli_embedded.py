"""The CLI's embedded mode (`redact`) and `detect`, with the real detector, end to end on files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from processors import detection
from processors.cli import main
from processors.detection import Detector
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "chat_messages.jsonl"


@pytest.fixture
def reuse_detector(monkeypatch: pytest.MonkeyPatch, real_detector: Detector) -> Detector:
    """Build the (slow) detector once per session even though each CLI call asks for one."""
    monkeypatch.setattr(detection.Detector, "from_config", classmethod(lambda cls, c, p, **kwargs: real_detector))
    return real_detector


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_redact_default_runs_in_dev_mode_and_routes_by_consent(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("ANALYTICS_K1", "TRAINING_K1", "AUDIT_K1", "DEADLETTER_D1"):
        monkeypatch.delenv(f"PIIFLOW_KEY_{name}", raising=False)
    assert main(["redact", str(SAMPLES), "--out-dir", str(tmp_path), "--quiet"]) == 0
    files = {p.name for p in tmp_path.iterdir()}
    assert files == {"analytics.jsonl", "training.jsonl", "dlq.jsonl", "audit.jsonl"}
    inputs = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    consented = {m["message_id"] for m in inputs if (m.get("consent") or {}).get("training") is True}
    training = _jsonl(tmp_path / "training.jsonl")
    assert training, "some messages have training consent"
    assert {r["message_id"] for r in training} <= consented
    assert len(_jsonl(tmp_path / "audit.jsonl")) == len(SAMPLES.read_text(encoding="utf-8").splitlines())
    assert len(_jsonl(tmp_path / "dlq.jsonl")) == 4
    everything = "".join((tmp_path / f).read_text(encoding="utf-8") for f in files)
    raw_ids = {m["sender"]["id"] for m in inputs if isinstance(m.get("sender"), dict)}
    for raw_id in {i for i in raw_ids if len(i) > 3}:  # m-023/m-024 have one-letter ids
        assert raw_id not in everything
    out = capsys.readouterr().out
    assert "DEV MODE" in out
    assert "sent to training" in out


def test_redact_with_explicit_config_needs_keys(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("PIIFLOW_KEY_ANALYTICS_K1", raising=False)
    config = REPO / "config" / "piiflow.yaml"
    code = main(["redact", str(SAMPLES), "--out-dir", str(tmp_path), "--config", str(config)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "missing key" in err[0] and "PIIFLOW_KEY_ANALYTICS_K1" in err[0]


def test_redact_missing_input_is_one_line(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["redact", str(tmp_path / "nope.jsonl"), "--out-dir", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"piiflow: {tmp_path / 'nope.jsonl'}: input file not found"


def test_detect_output_format_and_order(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "écrivez-moi à jeanne.martin@example.fr svp", "lang": "fr"},
        {"id": "b", "text": "Dank je wel!"},
        {"id": 3, "text": "mail: bob\u200b@example.org"},
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["detect", str(source)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", 3]
    assert rows[0]["lang"] == "fr" and rows[1]["lang"] == "nl"
    email = next(e for e in rows[0]["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert lines[0]["text"][email["start"] : email["end"]] == "jeanne.martin@example.fr"
    assert set(email) == {"start", "end", "entity_type", "score", "recognizer"}
    # the zero-width space inside the e-mail does not hide it, and offsets point into the input
    hidden = next(e for e in rows[2]["entities"] if e["entity_type"] == "EMAIL_ADDRESS")
    assert lines[2]["text"][hidden["start"] : hidden["end"]] == "bob\u200b@example.org"


def test_detect_sees_numbers_typed_with_unicode_dashes_or_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, none of these was found: the patterns know "-" and 0-9, not non-breaking hyphens,
    dashes or Arabic-Indic digits."""
    cases = [
        ("nl", "Mijn BSN is 111\u2011222\u2011333", "NL_BSN", "111\u2011222\u2011333"),
        ("en", "My card is 4111\u20131111\u20131111\u20131111", "CREDIT_CARD", "4111\u20131111\u20131111\u20131111"),
        (
            "fr",
            "Mon numéro est 06\u201312\u201334\u201356\u201378",
            "PHONE_NUMBER",
            "06\u201312\u201334\u201356\u201378",
        ),
        (
            "fr",
            "NIR 1\u201185\u201105\u201178\u2011006\u2011084\u201191",
            "FR_NIR",
            "1\u201185\u201105\u201178\u2011006\u2011084\u201191",
        ),
        (
            "fr",
            "Mon numéro est \u0660\u0666 \u0661\u0662 \u0663\u0664 \u0665\u0666 \u0667\u0668",
            "PHONE_NUMBER",
            "٠٦ ١٢ ٣٤ ٥٦ ٧٨",
        ),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(json.dumps({"text": t, "lang": lang}) for lang, t, _, _ in cases) + "\n", encoding="utf-8"
    )
    assert main(["detect", str(source)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    for (_, text, entity_type, value), row in zip(cases, rows, strict=True):
        found = [text[e["start"] : e["end"]] for e in row["entities"] if e["entity_type"] == entity_type]
        assert found == [value], (entity_type, row["entities"])


def _generated_lines(path: Path, n: int, bad_at: int | None = None) -> list[str]:
    """``n`` generated chat lines in three languages (some without ``lang``), written to ``path``;
    line ``bad_at`` (1-based) is not JSON."""
    from processors.chatcorpus import generate_records

    lines = []
    for number, record in enumerate(generate_records(n, seed=515), start=1):
        row = {"id": number, "text": record["text"]}
        if number % 4:
            row["lang"] = record["lang"]
        lines.append("{not json" if number == bad_at else json.dumps(row, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_detect_jobs_gives_the_same_lines_in_the_same_order(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    _generated_lines(source, 700)  # three batches: one in this process, two in the forked ones
    assert main(["detect", str(source)]) == 0
    alone = capsys.readouterr().out
    assert main(["detect", str(source), "--jobs", "2"]) == 0
    together = capsys.readouterr().out
    assert together == alone
    rows = [json.loads(line) for line in together.splitlines()]
    assert [r["id"] for r in rows] == list(range(1, 701))
    assert sum(len(r["entities"]) for r in rows) > 300  # the planted values were found


def test_detect_jobs_writes_the_lines_before_a_bad_one(
    tmp_path: Path, reuse_detector: Detector, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    _generated_lines(source, 700, bad_at=601)
    assert main(["detect", str(source), "--jobs", "2"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == list(range(1, 601))
    assert captured.err.strip() == "piiflow: bad input: input line 601: not valid JSON"


def test_detect_jobs_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["detect", "-", "--jobs", "-1"])
    assert stop.value.code == 2
    assert "--jobs: expected a whole number, 0 or more, got '-1'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "cpus", "expected"),
    [
        (["--jobs", "0"], 3, 3),  # every usable CPU
        ([], 3, 3),  # not given: every usable CPU up to four
        ([], 16, 4),
        (["--jobs", "0"], 16, 16),
    ],
)
def test_detect_jobs_by_usable_cpus(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    cpus: int,
    expected: int,
) -> None:
    from processors import detect_cli, ordered_pool

    asked: list[int] = []

    def serial(call, items, processes):  # type: ignore[no-untyped-def]
        asked.append(processes)
        return map(call, items)

    monkeypatch.setattr(ordered_pool, "usable_cpus", lambda: cpus)
    monkeypatch.setattr(detect_cli, "map_in_order", serial)
    source = tmp_path / "in.jsonl"
    _generated_lines(source, 300)
    assert main(["detect", str(source), *args]) == 0
    assert asked == [expected]
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 300
    assert captured.err == ""


@pytest.mark.parametrize(
    ("args", "notice"),
    [
        (["--jobs", "2"], "piiflow: --jobs needs the fork start method (Linux); running in one process"),
        ([], ""),  # not given: nothing was asked for that could not be done
    ],
)
def test_detect_without_fork_runs_in_one_process(
    tmp_path: Path,
    reuse_detector: Detector,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    notice: str,
) -> None:
    from processors import detect_cli, ordered_pool

    monkeypatch.setattr(ordered_pool, "fork_available", lambda: False)
    monkeypatch.setattr(detect_cli, "map_in_order", None)  # must not be called
    source = tmp_path / "in.jsonl"
    _generated_lines(source, 300)
    assert main(["detect", str(source), *args]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 300
    assert captured.err.strip() == notice


def test_redact_without_jobs_runs_in_one_process() -> None:
    """``redact`` forks its pool before the first message: for a small file, pure cost."""
    from processors.cli import build_parser

    assert build_parser().parse_args(["redact", "in.jsonl", "--out-dir", "out"]).jobs == 1
    assert build_parser().parse_args(["detect", "in.jsonl"]).jobs is None


def test_an_io_error_names_the_file_only_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from processors import cli

    def broken_pipe(args: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def unreadable(args: object) -> int:
        raise PermissionError(13, "Permission denied", "/data/in.jsonl")

    for command, expected in ((broken_pipe, "Broken pipe"), (unreadable, "Permission denied (/data/in.jsonl)")):
        monkeypatch.setattr(cli, "cmd_detect", command)
        assert main(["detect", "-"]) == 1
        assert capsys.readouterr().err.strip() == f"piiflow: I/O error: {expected}"


VOLATILE = {"expires_at", "processed_at", "processing_ms", "received_at", "encryption"}


def _interleaved_wire(path: Path, n: int, bad_every: int = 0) -> None:
    """``n`` generated wire messages, conversations interleaved (so that a conversation's turns fall
    in different batches), and a line that is not JSON every ``bad_every`` lines."""
    from processors.chatcorpus import generate_wire_messages

    conversations: dict[str, list[dict]] = {}
    for wire in generate_wire_messages(n, seed=77):
        conversations.setdefault(wire.message["conversation_id"], []).append(wire.message)
    queues = list(conversations.values())
    lines = []
    while any(queues):
        for queue in queues:
            if queue:
                lines.append(json.dumps(queue.pop(0), ensure_ascii=False))
                if bad_every and len(lines) % bad_every == 0:
                    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _stable(path: Path) -> list[dict]:
    """A redact output file's records without the fields that differ from run to run (clock times,
    processing time, the dead letters' random nonces)."""
    return [{k: v for k, v in row.items() if k not in VOLATILE} for row in _jsonl(path)]


def test_redact_jobs_writes_the_same_records(
    tmp_path: Path, reuse_detector: Detector, key_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    _interleaved_wire(source, 700, bad_every=150)
    config = str(REPO / "config" / "piiflow.yaml")  # the test keys (key_env), not dev mode's random ones
    assert main(["redact", str(source), "--out-dir", str(tmp_path / "one"), "--config", config, "--quiet"]) == 0
    assert (
        main(["redact", str(source), "--out-dir", str(tmp_path / "two"), "--config", config, "--quiet", "--jobs", "2"])
        == 0
    )
    capsys.readouterr()
    for name in ("analytics", "training", "dlq", "audit"):
        alone, together = _stable(tmp_path / "one" / f"{name}.jsonl"), _stable(tmp_path / "two" / f"{name}.jsonl")
        assert together == alone, name
    assert len(_jsonl(tmp_path / "two" / "dlq.jsonl")) == 4  # the lines that are not JSON
    # conversation context and placeholder numbering crossed batches as in one process
    assert any("<PERSON_2>" in row["text"] for row in _jsonl(tmp_path / "two" / "analytics.jsonl"))


def test_redact_jobs_stops_with_one_line_when_a_detection_process_dies(
    tmp_path: Path,
    reuse_detector: Detector,
    key_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import os

    parent = os.getpid()
    detect = reuse_detector.detect

    def dies_in_a_child(texts, languages, contexts=None):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(9)  # killed, out of memory
        return detect(texts, languages, contexts)

    monkeypatch.setattr(reuse_detector, "detect", dies_in_a_child)
    source = tmp_path / "in.jsonl"
    _interleaved_wire(source, 300)
    config = str(REPO / "config" / "piiflow.yaml")
    assert main(["redact", str(source), "--out-dir", str(tmp_path), "--config", config, "--quiet", "--jobs", "2"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "piiflow: a detection process stopped (killed, or out of memory?); "
        "the input after the last complete batch written was not processed"
    )
    assert _jsonl(tmp_path / "audit.jsonl") == []  # nothing of the failed batch was written


def _trims_logged_to(path: Path) -> Callable[[], Callable[[], object]]:
    """A stand-in for ``glibc_malloc_trim``: each trim appends the trimming process's pid to ``path``
    (children of ``--jobs`` included, which a list in this process would not see)."""

    def trim() -> object:
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")
        return 1

    return lambda: trim


def _redact_logging_trims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: int, trim_every: int, batch_size: int, jobs: int
) -> list[str]:
    """``redact --jobs jobs`` over ``messages`` generated lines with those two worker settings; the
    pid of every trim, in order."""
    from processors import embedded, heap

    log = tmp_path / "trims.log"
    monkeypatch.setattr(heap, "glibc_malloc_trim", _trims_logged_to(log))
    monkeypatch.setattr(embedded, "glibc_malloc_trim", _trims_logged_to(log))
    source = tmp_path / "in.jsonl"
    _interleaved_wire(source, messages)
    data = yaml.safe_load((REPO / "config" / "piiflow.yaml").read_text(encoding="utf-8"))
    data["worker"].update(malloc_trim_every=trim_every, batch_size=batch_size)
    data["detection"]["lexicon_dir"] = str(REPO / "config" / "lexicons")
    config = tmp_path / "piiflow.yaml"
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    args = ["redact", str(source), "--out-dir", str(out), "--config", str(config), "--quiet", "--jobs", str(jobs)]
    assert main(args) == 0
    assert len(_jsonl(out / "audit.jsonl")) == messages
    return log.read_text(encoding="utf-8").split() if log.exists() else []


@pytest.mark.parametrize(("every", "jobs"), [(50, 1), (50, 2), (0, 2)])
def test_redact_trims_the_heap_in_every_process(
    every: int,
    jobs: int,
    tmp_path: Path,
    reuse_detector: Detector,
    key_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pids = _redact_logging_trims(tmp_path, monkeypatch, 300, trim_every=every, batch_size=32, jobs=jobs)
    capsys.readouterr()
    if every == 0:
        assert pids == []  # trimming off: no process trims
        return
    # this process counts each written batch: 9 of 32 and one of 12, a trim once 50 have passed
    # since the last one: after batches 2, 4, 6 and 8
    assert pids.count(str(os.getpid())) == 4
    children = [pid for pid in pids if pid != str(os.getpid())]
    if jobs == 1:
        assert children == []
    else:  # the detecting children trim too, each counting its own batches
        assert len(children) >= 2
