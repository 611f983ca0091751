#!/usr/bin/env bash
# The main job on the embedded default: the shipped sample chat messages through `piiflow redact`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/piiflow --log-level WARNING redact samples/chat_messages.jsonl --out-dir out/demo
echo "outputs: $(ls out/demo | tr '\n' ' ')"
