#!/usr/bin/env bash
# Everything CI checks: setup, lint, types, then all tests (unit + integration against a real
# Kafka broker that this script starts and stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy (strict on processors/ and recognizers/)"
mypy
echo "== kafka"
started_kafka=0
if [ -z "${PIIFLOW_KAFKA_BOOTSTRAP:-}" ]; then
  bash scripts/kafka.sh start
  started_kafka=1
  export PIIFLOW_KAFKA_BOOTSTRAP=$(bash scripts/kafka.sh bootstrap)
fi
cleanup() { if [ "$started_kafka" = 1 ]; then bash scripts/kafka.sh stop || true; fi; }
trap cleanup EXIT
echo "== pytest"
pytest -q -p no:cacheprovider "$@"
