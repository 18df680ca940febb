#!/usr/bin/env bash
# Sets everything up (with test tools and headless Chromium) and runs the checks: ruff, the test
# suite (real model, real Chroma, real HTTP server, real browser), then the evaluation gate.
set -euo pipefail
cd "$(dirname "$0")"
source ./setup.sh --test
.venv/bin/ruff check src tests
.venv/bin/python -m pytest -q "$@"
.venv/bin/assistant ingest --quiet
.venv/bin/assistant eval --gate
