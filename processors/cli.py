"""The ``piiflow`` command line.

Every command that fails for a reason the user can fix (bad config, missing key, missing model,
unreadable file) prints one line saying what and where, and exits non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from processors.config import DEFAULT_CONFIG_PATH, ConfigError, PiiflowConfig, checked_lexicon_dir, load_config
from processors.keys import MissingKeyError
from processors.nlp import ModelLoadError
from processors.ordered_pool import AUTO_JOBS_CAP
from recognizers.yaml_data import LexiconError, load_mapping

if TYPE_CHECKING:
    from processors.pipeline import Pipeline

EXIT_USAGE = 2
EXIT_IO = 1
LOG = logging.getLogger("piiflow")


class UserError(Exception):
    """An error the user can act on; printed as one line."""


def setup_logging(level: str | None = None) -> None:
    """Logs go to stderr (JSON lines, see ``processors.logs``); stdout is for command output."""
    from processors.logs import configure_logging

    configure_logging(level or os.environ.get("PIIFLOW_LOG_LEVEL", "INFO"))
    warnings.filterwarnings("ignore", module="spacy")
    warnings.filterwarnings("ignore", category=UserWarning)


def _load(path: Path | None) -> tuple[PiiflowConfig, Path]:
    return load_config(path)


# -- commands -------------------------------------------------------------------------------------


def cmd_config_check(args: argparse.Namespace) -> int:
    """Validate a config file and its term lists; also checks that its keys can be read (or says
    dev mode would be used)."""
    from processors.keys import load_key_rings

    config, path = _load(args.path)
    for lexicon in sorted(checked_lexicon_dir(config, path).glob("*.yaml")):
        load_mapping(lexicon)  # the lists' syntax: what the recognizers make of them is checked when they build
    try:
        load_key_rings(config, dev_mode=False)
        keys = "all keys readable"
    except MissingKeyError as exc:
        keys = f"keys not readable here ({exc})" + ("; dev mode would use ephemeral keys" if config.dev_mode else "")
    print(
        f"{path}: valid (policy '{config.policy_name}', hash {config.policy_hash()}, "
        f"sinks: {', '.join(config.sinks)}); {keys}"
    )
    return 0


def cmd_config_ropa(args: argparse.Namespace) -> int:
    """Print the draft record of processing activities (GDPR art. 30) the policy implies."""
    from processors.ropa import record, render_markdown

    config, path = _load(args.path)
    data = record(config, str(path))
    print(
        orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() if args.json else render_markdown(data),
        end="\n" if args.json else "",
    )
    return 0


def cmd_config_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the configuration."""
    from processors.config_reference import documented_schema

    print(orjson.dumps(documented_schema(), option=orjson.OPT_INDENT_2).decode())
    return 0


def cmd_config_reference(args: argparse.Namespace) -> int:
    """Print the Markdown reference generated from the schema (the README embeds it)."""
    from processors.config_reference import render

    print(render())
    return 0


def _pipeline(args: argparse.Namespace, auto_dev: bool) -> tuple[Pipeline, PiiflowConfig]:
    from processors.pipeline import Pipeline

    config, path = _load(args.config)
    dev = bool(args.dev or config.dev_mode or (auto_dev and args.config is None))
    return Pipeline(config, path, dev_mode=dev), config


def cmd_redact(args: argparse.Namespace) -> int:
    """Embedded mode over a JSONL file."""
    from processors.embedded import detection_pool, redact_file
    from processors.heap import MallocTrimmer, freeze_startup_heap, glibc_malloc_trim
    from processors.ordered_pool import processes_for
    from processors.report_cli import print_redact_summary, progress_for

    if not args.input.is_file():
        raise UserError(f"{args.input}: input file not found")
    pipeline, config = _pipeline(args, auto_dev=True)
    freeze_startup_heap()
    jobs, notice = processes_for(args.jobs)
    if notice:
        print(f"piiflow: {notice}", file=sys.stderr)
    # the pool forks before the progress bar starts its refresh thread (processors.ordered_pool)
    trim_every = config.worker.malloc_trim_every
    with (
        detection_pool(pipeline, jobs, trim_every) if jobs > 1 else nullcontext() as pool,
        progress_for(args.input, enabled=not args.quiet) as advance,
    ):
        trimmer = MallocTrimmer(trim_every, glibc_malloc_trim())
        summary = redact_file(pipeline, args.input, args.out_dir, config.worker.batch_size, advance, pool, trimmer)
    print_redact_summary(summary, args.out_dir, pipeline.ephemeral_keys)
    return 0


def _jobs(value: str) -> int:
    """``--jobs``: a whole number, 0 or more."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {value!r}")
    return int(value)


def _jobs_arg(parser: argparse.ArgumentParser, *, auto: bool) -> None:
    """``--jobs N`` of the file commands (``processors.ordered_pool``). ``auto``: not given, one
    process per usable CPU up to ``AUTO_JOBS_CAP`` (``detect``, whose first batch loads the models
    before it forks); otherwise one (``redact``, whose pool forks before the first message)."""
    default = f"one per usable CPU, at most {AUTO_JOBS_CAP}" if auto else "1"
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None if auto else 1,
        metavar="N",
        help=f"processes detecting at once (default {default}; 0: one per usable CPU; 1: this process only); Linux",
    )


def cmd_detect(args: argparse.Namespace) -> int:
    """Print detected entities per input line (offsets into the input text)."""
    from processors.detect_cli import run_detect

    config, path = _load(args.config)
    return run_detect(config, path, args.input, args.jobs)


def cmd_models(args: argparse.Namespace) -> int:
    """Load every configured language's model and recognizers, as a worker does, and say which
    candidate each language got. Also fills the start-up cache (``docs/operations.md``): ``detect``
    and ``eval`` load only the languages their input holds."""
    from processors.detection import Detector

    config, path = _load(args.config)
    detector = Detector.from_config(config, path)
    for language in detector.settings.languages:
        loaded = detector.nlp_engine.loaded[language]
        ner = "spaCy NER" if loaded.has_ner else "no NER: names and places from the lookup lists"
        recognizers = len(detector.recognizers_by_language[language])
        print(f"{language}: {loaded.name} ({ner}); {recognizers} recognizers")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the Faust stream worker."""
    from processors.worker import run_worker

    config, path = _load(args.config)
    return run_worker(config, path, dev_mode=bool(args.dev or config.dev_mode))


def cmd_topics_create(args: argparse.Namespace) -> int:
    """Create the input, sink, dead-letter and audit topics with partitions and retention."""
    from processors.topics import ensure_topics

    config, _ = _load(args.config)
    created = ensure_topics(config)
    print(f"topics ready ({len(created)} created): {', '.join(created) or 'none needed'}")
    return 0


Registrar = Callable[[Any], None]


def build_parser(
    extra: Sequence[Registrar] = (),
) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """The argument parser (``extra`` lets optional command modules register themselves)."""
    parser = argparse.ArgumentParser(prog="piiflow", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--log-level", default=None, help="DEBUG, INFO, WARNING (default: $PIIFLOW_LOG_LEVEL or INFO)")
    sub = parser.add_subparsers(dest="command", required=True)

    def config_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", type=Path, default=None, help=f"YAML config (default: {DEFAULT_CONFIG_PATH})")

    p = sub.add_parser("worker", help="run the Kafka stream worker")
    config_arg(p)
    p.add_argument("--dev", action="store_true", help="dev mode: ephemeral keys when keys are missing")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("redact", help="embedded mode: run the pipeline over a JSONL file")
    p.add_argument("input", type=Path)
    p.add_argument("--out-dir", type=Path, required=True)
    config_arg(p)
    p.add_argument("--dev", action="store_true", help="dev mode: ephemeral keys when keys are missing")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _jobs_arg(p, auto=False)
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("detect", help="print detected entities for each input line")
    p.add_argument("input", nargs="?", default="-", help="JSONL file, or - for standard input")
    _jobs_arg(p, auto=True)
    config_arg(p)
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("models", help="load every configured language's model; say which one each got")
    config_arg(p)
    p.set_defaults(func=cmd_models)

    p = sub.add_parser("config", help="configuration tools")
    config_sub = p.add_subparsers(dest="config_command", required=True)
    c = config_sub.add_parser("check", help="validate a configuration file")
    c.add_argument("path", type=Path, nargs="?", default=None)
    c.set_defaults(func=cmd_config_check)
    c = config_sub.add_parser(
        "ropa",
        help="print a draft record of processing activities (GDPR art. 30) from the policy: purposes, data, "
        "recipients, retention, safeguards; what piiflow cannot know is marked TO COMPLETE",
    )
    c.add_argument("path", type=Path, nargs="?", default=None)
    c.add_argument("--json", action="store_true", help="JSON instead of Markdown")
    c.set_defaults(func=cmd_config_ropa)
    c = config_sub.add_parser("schema", help="print the configuration's JSON Schema")
    c.set_defaults(func=cmd_config_schema)
    c = config_sub.add_parser("reference", help="print the Markdown configuration reference (README)")
    c.set_defaults(func=cmd_config_reference)

    p = sub.add_parser("topics", help="Kafka topic tools")
    topics_sub = p.add_subparsers(dest="topics_command", required=True)
    c = topics_sub.add_parser("create", help="create the configured topics (idempotent)")
    config_arg(c)
    c.set_defaults(func=cmd_topics_create)

    for register in extra:
        register(sub)
    return parser


CORE_COMMANDS = frozenset({"worker", "redact", "detect", "models", "config", "topics"})


def _command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first word that is neither an option nor the value of
    ``--log-level`` (the one top-level option that takes a value). None when help is asked for
    before any command: the top-level help lists every command."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word == "--log-level":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _optional_commands(argv: Sequence[str]) -> list[Registrar]:
    """Commands living in their own modules (eval, corpus, explain, report, dlq, token), unless ``argv``
    names a core command: their modules import rich, Faker, cryptography and the pipeline, 90 ms
    of every ``piiflow detect`` start (2026-12-04). Help and unknown commands list them all."""
    if _command_word(argv) in CORE_COMMANDS:
        return []
    registrars = []
    for module_name in (
        "processors.eval_cli",
        "processors.explain",
        "processors.report",
        "processors.dlq_cli",
        "processors.token_cli",
    ):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        registrars.append(module.register)
    return registrars


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``piiflow`` console script."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_optional_commands(arguments))
    args = parser.parse_args(arguments)
    setup_logging(args.log_level)
    try:
        result: int = args.func(args)
        return result
    except ConfigError as exc:
        for line in exc.lines:
            print(f"piiflow: config error: {line}", file=sys.stderr)
        return EXIT_USAGE
    except LexiconError as exc:
        print(f"piiflow: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingKeyError as exc:
        print(f"piiflow: missing key: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ModelLoadError as exc:
        print(f"piiflow: missing model: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UserError as exc:
        print(f"piiflow: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"piiflow: I/O error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_IO
    except BrokenProcessPool:
        print(
            "piiflow: a detection process stopped (killed, or out of memory?); "
            "the input after the last complete batch written was not processed",
            file=sys.stderr,
        )
        return EXIT_IO
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
