#!/usr/bin/env bash
# Sets everything up, indexes seeds/ on first use (later runs skip unchanged files) and answers
# a question. Any arguments are passed to `assistant`, e.g. ./run.sh serve, ./run.sh ask "...".
set -euo pipefail
cd "$(dirname "$0")"
source ./setup.sh
if [ $# -gt 0 ]; then
  exec .venv/bin/assistant "$@"
fi
.venv/bin/assistant ingest
exec .venv/bin/assistant ask "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"
